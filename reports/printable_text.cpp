// A small UTF-8 decoder: enough to tell printable code points from control ones and from broken bytes.
#include "reports/printable_text.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "reports/display_width.hpp"

namespace outagesim::reports {

namespace {

// Length of the valid UTF-8 sequence at the start of `text` (its code point in `cp`), or 0 when the
// bytes there are not one (overlong forms and surrogates included).
std::size_t utf8_sequence(std::string_view text, std::uint32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

bool is_control(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// Line and paragraph separators and the bidirectional controls: they end a line or reorder the rest of it.
// The loader refuses them in names and text (loader/display_controls.hpp); text from elsewhere (a shard
// file, a command line) can still hold them.
bool is_reordering(std::uint32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::uint32_t cp = 0;
    const std::size_t length = utf8_sequence(text, cp);
    if (length == 0 || is_control(cp)) {
      // A C1 control is two bytes in UTF-8: show both, so that what is shown is what was there.
      const std::size_t shown = length == 0 ? 1 : length;
      for (std::size_t i = 0; i < shown; ++i)
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      text.remove_prefix(shown);
      continue;
    }
    if (is_reordering(cp)) {
      out += fmt::format("\\u{:04X}", cp);
    } else {
      out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

std::string fit_width(std::string_view text, std::size_t columns, bool ascii) {
  if (display_width(text) <= columns) return std::string(text);
  if (columns == 0) return {};
  std::size_t used = 0;
  std::size_t end = 0;
  while (end < text.size()) {
    const CharacterWidth g = character_at(text, end);
    if (used + g.columns > columns - 1) break;  // one column is kept for the mark
    used += g.columns;
    end += g.bytes;
  }
  return std::string(text.substr(0, end)) + (ascii ? "~" : "…");
}

}  // namespace outagesim::reports
