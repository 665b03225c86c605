#include "loader/display_controls.hpp"

namespace outagesim::loader {

DisplayControl display_control_at(std::string_view text) {
  if (text.empty()) return {};
  const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned b0 = byte(0);
  if (b0 < 0x20 || b0 == 0x7F) return {1, b0};
  const unsigned b1 = byte(1);
  if (b0 == 0xC2 && b1 >= 0x80 && b1 <= 0x9F) return {2, b1};  // U+0080..U+009F
  if (b0 == 0xD8 && b1 == 0x9C) return {2, 0x061C};            // ARABIC LETTER MARK
  if (b0 != 0xE2 || (b1 != 0x80 && b1 != 0x81)) return {};
  const unsigned b2 = byte(2);
  const std::uint32_t code = 0x2000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  const bool control = (code >= 0x200E && code <= 0x200F) || (code >= 0x2028 && code <= 0x202E) ||
                       (code >= 0x2066 && code <= 0x2069);
  if (!control || (b2 & 0xC0) != 0x80) return {};
  return {3, code};
}

bool holds_display_control(std::string_view text, bool line_breaks_allowed) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const DisplayControl c = display_control_at(text.substr(i));
    if (c.bytes == 0) continue;
    if (line_breaks_allowed && (c.code == '\n' || c.code == '\t')) continue;
    return true;
  }
  return false;
}

}  // namespace outagesim::loader
