// JSON places for messages (json_location.hpp): positions counted from the text, values found with
// simdjson's On-Demand JSON Pointer lookup.
#include "loader/json_location.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace outagesim::loader {

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition at;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

std::optional<std::size_t> json_value_offset(std::string_view text, std::string_view pointer) {
  if (pointer.empty()) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::nullopt;
    return first;
  }
  const simdjson::padded_string padded(text);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (parser.iterate(padded).get(doc)) return std::nullopt;
  simdjson::ondemand::value value;
  if (doc.at_pointer(pointer).get(value)) return std::nullopt;
  // An object's or a list's token is its opening bracket; a scalar's, the scalar.
  const std::string_view token = value.raw_json_token();
  const char* begin = padded.data();
  if (token.data() < begin || token.data() > begin + text.size()) return std::nullopt;
  return static_cast<std::size_t>(token.data() - begin);
}

namespace {

Diagnostic diagnostic_at(const std::string& file, std::string_view text, std::optional<std::size_t> offset,
                         std::string message, std::string expected) {
  Diagnostic d;
  d.file = file;
  if (offset) {
    const TextPosition at = position_of(text, *offset);
    d.line = static_cast<int>(at.line);
    d.column = static_cast<int>(at.column);
  }
  d.message = std::move(message);
  d.expected = std::move(expected);
  return d;
}

}  // namespace

namespace {
// Offset of the first key given twice in `value` or below it, depth first in text order.
std::optional<std::size_t> duplicate_key_offset(simdjson::ondemand::value value, const char* begin) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type)) return std::nullopt;
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    if (value.get_array().get(array)) return std::nullopt;
    for (auto element : array) {
      simdjson::ondemand::value item;
      if (element.get(item)) return std::nullopt;
      if (const auto found = duplicate_key_offset(item, begin)) return found;
    }
    return std::nullopt;
  }
  if (type != simdjson::ondemand::json_type::object) return std::nullopt;
  simdjson::ondemand::object object;
  if (value.get_object().get(object)) return std::nullopt;
  std::vector<std::string> keys;  // unescaped: "a" and "\u0061" are one key
  for (auto result : object) {
    simdjson::ondemand::field field;
    if (std::move(result).get(field)) return std::nullopt;
    const char* quote = field.key().raw() - 1;  // the key's opening quote, before unescaping consumes it
    std::string_view key;
    if (field.unescaped_key().get(key)) return std::nullopt;
    if (std::find(keys.begin(), keys.end(), key) != keys.end())
      return static_cast<std::size_t>(quote - begin);
    keys.emplace_back(key);
    simdjson::ondemand::value item = field.value();
    if (const auto found = duplicate_key_offset(item, begin)) return found;
  }
  return std::nullopt;
}
}  // namespace

std::optional<Diagnostic> json_duplicate_key(const std::string& file, std::string_view text,
                                             std::string expected) {
  const simdjson::padded_string padded(text);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (parser.iterate(padded).get(doc)) return std::nullopt;
  simdjson::ondemand::value root;
  if (doc.get_value().get(root)) return std::nullopt;
  const auto offset = duplicate_key_offset(root, padded.data());
  if (!offset) return std::nullopt;
  const std::string_view rest = text.substr(*offset);
  const std::size_t close = rest.find('"', 1);
  const std::string key(rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1));
  return diagnostic_at(file, text, offset, fmt::format("the key {} is given twice in this object", key),
                       std::move(expected));
}

Diagnostic json_number_diagnostic(const std::string& file, std::string_view text, std::string_view what,
                                  std::string expected) {
  std::string_view number;
  if (const std::size_t open = what.find('\''); open != std::string_view::npos) {
    const std::size_t close = what.find('\'', open + 1);
    if (close != std::string_view::npos) number = what.substr(open + 1, close - open - 1);
  }
  // The parser stops at the first such number in the text, so its first appearance as a value is the
  // place: outside strings (",1e400 " in a string is no value), after ':', '[', ',' or a space, and ending
  // where a number ends.
  std::optional<std::size_t> offset;
  bool in_string = false;
  for (std::size_t at = 0; at < text.size() && !number.empty() && !offset; ++at) {
    if (in_string) {
      if (text[at] == '\\') {
        ++at;  // the escaped character, which may be a quote
      } else if (text[at] == '"') {
        in_string = false;
      }
      continue;
    }
    if (text[at] == '"') {
      in_string = true;
      continue;
    }
    if (text.compare(at, number.size(), number) != 0) continue;
    const bool starts =
        at == 0 || std::string_view(":[, \t\r\n").find(text[at - 1]) != std::string_view::npos;
    const std::size_t end = at + number.size();
    const bool ends =
        end >= text.size() || std::string_view(" \t\r\n,]}").find(text[end]) != std::string_view::npos;
    if (starts && ends) offset = at;
  }
  return diagnostic_at(file, text, offset,
                       fmt::format("the number {} is out of range (a double holds up to about 1.8e308)",
                                   number.empty() ? std::string_view("here") : number),
                       std::move(expected));
}

Diagnostic json_value_diagnostic(const std::string& file, std::string_view text, std::string_view pointer,
                                 std::string message, std::string expected) {
  return diagnostic_at(file, text, json_value_offset(text, pointer), std::move(message), std::move(expected));
}

Diagnostic json_syntax_diagnostic(const std::string& file, std::string_view text, std::size_t byte,
                                  std::string_view what, std::string expected) {
  // "[json.exception.parse_error.101] parse error at line 2, column 44: syntax error while parsing ..."
  std::string_view detail = what;
  if (const std::size_t column = what.find("column"); column != std::string_view::npos) {
    if (const std::size_t colon = what.find(": ", column); colon != std::string_view::npos)
      detail = what.substr(colon + 2);
  }
  return diagnostic_at(file, text, byte == 0 ? 0 : byte - 1, "this is not JSON: " + std::string(detail),
                       std::move(expected));
}

}  // namespace outagesim::loader
