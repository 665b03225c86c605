// Streaming JSON, laid out as nlohmann's dump(2), or one line per container from a given depth.
#include "reports/json_stream.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <cassert>
#include <cmath>
#include <iterator>
#include <utility>

namespace outagesim::reports {

namespace {

constexpr std::size_t kIndent = 2;

}  // namespace

JsonStream::JsonStream(Sink sink, std::size_t one_line_from)
    : sink_(std::move(sink)), one_line_from_(one_line_from) {
  buffer_.reserve(kFlushBytes + kFlushBytes / 4);
}

void JsonStream::newline_and_indent(std::size_t depth) {
  buffer_ += '\n';
  buffer_.append(depth * kIndent, ' ');
}

// Where a value starts: after its key inside an object, or after a comma and a new line in an array.
void JsonStream::before_value() {
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.is_object) {
    assert(after_key_ && "a member of an object needs a key first");
    after_key_ = false;
    return;
  }
  if (level.count++ > 0) buffer_ += ',';
  if (!on_one_line()) newline_and_indent(levels_.size());
}

void JsonStream::begin_object() {
  before_value();
  buffer_ += '{';
  levels_.push_back({true, 0});
}

void JsonStream::begin_array() {
  before_value();
  buffer_ += '[';
  levels_.push_back({false, 0});
}

void JsonStream::end() {
  assert(!levels_.empty() && !after_key_);
  const Level level = levels_.back();
  const bool one_line = on_one_line();
  levels_.pop_back();
  if (level.count > 0 && !one_line) newline_and_indent(levels_.size());
  buffer_ += level.is_object ? '}' : ']';
  flush_if_full();
}

void JsonStream::key(std::string_view name) {
  assert(!levels_.empty() && levels_.back().is_object && !after_key_);
  Level& level = levels_.back();
  if (level.count++ > 0) buffer_ += ',';
  if (on_one_line()) {
    append_quoted(name);
    buffer_ += ':';
  } else {
    newline_and_indent(levels_.size());
    append_quoted(name);
    buffer_ += ": ";
  }
  after_key_ = true;
}

void JsonStream::value(const nlohmann::ordered_json& v) {
  // A container in `v` sits one deeper than the innermost open one.
  if (v.is_structured() && levels_.size() + 1 < one_line_from_ && one_line_from_ != kNoOneLine) {
    walk(v);
    return;
  }
  before_value();
  if (levels_.size() + 1 >= one_line_from_) {
    buffer_ += v.dump();
    flush_if_full();
    return;
  }
  // dump(2) indents from column 0; JSON strings hold no raw new line, so every '\n' in the text is
  // layout, and shifting each line by the current depth places the value where the whole dump would.
  const std::string text = v.dump(static_cast<int>(kIndent));
  const std::size_t shift = levels_.size() * kIndent;
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    buffer_.append(text, from, nl + 1 - from);
    buffer_.append(shift, ' ');
    from = nl + 1;
  }
  buffer_.append(text, from, std::string::npos);
  flush_if_full();
}

void JsonStream::walk(const nlohmann::ordered_json& v) {
  if (v.is_object()) {
    begin_object();
    for (const auto& [name, member] : v.items()) {
      key(name);
      value(member);
    }
    end();
  } else {
    begin_array();
    for (const auto& element : v) value(element);
    end();
  }
}

// nlohmann's own escaping (dump() with ensure_ascii off), written out so that a string is copied in runs
// instead of going through a json value and a second string: '"', '\\' and the control characters are
// escaped (the short forms where JSON has them, \u00xx in lower case otherwise), every other byte is copied.
// A string with a byte past ASCII that is not valid UTF-8 goes to nlohmann, which refuses it as before.
void JsonStream::append_quoted(std::string_view s) {
  // One pass without a branch per byte (the compiler vectorizes it): is anything to be escaped, is
  // anything past ASCII? Most strings are copied whole.
  unsigned escapes = 0;
  unsigned high = 0;
  for (const char ch : s) {
    const auto byte = static_cast<unsigned char>(ch);
    escapes |= static_cast<unsigned>(byte < 0x20) | static_cast<unsigned>(byte == '"') |
               static_cast<unsigned>(byte == '\\');
    high |= byte;
  }
  if (high >= 0x80 && !simdjson::validate_utf8(s.data(), s.size())) {
    buffer_ += nlohmann::ordered_json(s).dump();
    return;
  }
  buffer_ += '"';
  if (escapes == 0) {
    buffer_ += s;
    buffer_ += '"';
    return;
  }
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    buffer_.append(s, from, i - from);
    from = i + 1;
    switch (byte) {
      case '"':
        buffer_ += "\\\"";
        break;
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\b':
        buffer_ += "\\b";
        break;
      case '\f':
        buffer_ += "\\f";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      default: {
        constexpr std::string_view kHex = "0123456789abcdef";
        buffer_ += "\\u00";
        buffer_ += kHex[byte >> 4];
        buffer_ += kHex[byte & 0xF];
      }
    }
  }
  buffer_.append(s, from, std::string_view::npos);
  buffer_ += '"';
}

void JsonStream::string(std::string_view s) {
  before_value();
  append_quoted(s);
  flush_if_full();
}

void JsonStream::integer(std::int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(buffer_), "{}", n);
  flush_if_full();
}

void JsonStream::real(double d) {
  before_value();
  // nlohmann's shortest round-trip form (what dump() writes, without a json value and its string per
  // number), and null for what is not finite.
  if (!std::isfinite(d)) {
    buffer_ += "null";
  } else {
    std::array<char, 64> text{};
    char* end = nlohmann::detail::to_chars(text.data(), text.data() + text.size(), d);
    buffer_.append(text.data(), end);
  }
  flush_if_full();
}

void JsonStream::boolean(bool b) {
  before_value();
  buffer_ += b ? "true" : "false";
  flush_if_full();
}

void JsonStream::null() {
  before_value();
  buffer_ += "null";
  flush_if_full();
}

void JsonStream::member(std::string_view name, const nlohmann::ordered_json& v) {
  key(name);
  value(v);
}

void JsonStream::flush_if_full() {
  if (buffer_.size() < kFlushBytes) return;
  sink_(buffer_);
  buffer_.clear();
}

void JsonStream::finish() {
  assert(levels_.empty());
  buffer_ += '\n';
  sink_(buffer_);
  buffer_.clear();
}

JsonStream JsonStream::continuation(Sink sink, std::size_t values_before) const {
  JsonStream next(std::move(sink), one_line_from_);
  next.levels_ = levels_;
  next.after_key_ = after_key_;
  if (!next.levels_.empty()) next.levels_.back().count = values_before;
  return next;
}

void JsonStream::flush() {
  if (buffer_.empty()) return;
  sink_(buffer_);
  buffer_.clear();
}

void JsonStream::splice(std::string_view text, std::size_t values) {
  assert(!levels_.empty() && !levels_.back().is_object);
  buffer_ += text;
  levels_.back().count += values;
  flush_if_full();
}

}  // namespace outagesim::reports
