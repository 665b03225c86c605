// JSON places for messages (json_location.hpp): positions counted from the text, values found with
// simdjson's On-Demand JSON Pointer lookup.
#include "loader/json_location.hpp"

#include <simdjson.h>

#include <algorithm>

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
