// Character widths from utf8proc (Debian's libutf8proc), with ASCII counted without decoding.
#include "reports/display_width.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cassert>

namespace outagesim::reports {

CharacterWidth character_at(std::string_view text, std::size_t at) {
  assert(at < text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at;
  if (bytes[0] < 0x80) return {};  // ASCII, nearly every byte of a report
  utf8proc_int32_t code = 0;
  const utf8proc_ssize_t length =
      utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - at), &code);
  if (length <= 0) return {};
  return {static_cast<std::size_t>(length), static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)))};
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const CharacterWidth g = character_at(text, i);
    width += g.columns;
    i += g.bytes;
  }
  return width;
}

std::string_view character_prefix(std::string_view text, std::size_t characters) {
  std::size_t end = 0;
  for (std::size_t n = 0; n < characters && end < text.size(); ++n) end += character_at(text, end).bytes;
  return text.substr(0, end);
}

}  // namespace outagesim::reports
