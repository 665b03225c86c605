// The characters that move or rewrite what a terminal or a table shows, wherever in a scenario they come
// from: names refuse them, free text refuses them (a newline and a tab aside), and diagnostics show them
// as escapes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace outagesim::loader {

// One such character: its length in bytes of UTF-8 (0: none) and its code point.
struct DisplayControl {
  std::size_t bytes = 0;
  std::uint32_t code = 0;
};

// The display control at the start of `text`, if any: C0 controls and DEL, the C1 controls
// U+0080-U+009F (CSI, NEL: a terminal acts on them), the line and paragraph separators U+2028-U+2029, and
// the bidirectional controls U+061C, U+200E-U+200F, U+202A-U+202E and U+2066-U+2069, which reorder what
// follows them on the line.
DisplayControl display_control_at(std::string_view text);

// Whether `text` holds a display control; with `line_breaks_allowed`, newline and tab do not count.
bool holds_display_control(std::string_view text, bool line_breaks_allowed);

}  // namespace outagesim::loader
