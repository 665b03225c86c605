// How many terminal columns UTF-8 text takes: 2 for a wide (CJK) or fullwidth character, 0 for a
// combining mark, 1 for the rest, by utf8proc's character widths. Text tables, the terminal timeline and
// truncated names pad and cut by it, so a name in Chinese keeps its columns in line.
#pragma once

#include <cstddef>
#include <string_view>

namespace outagesim::reports {

// The character starting at byte `at` of `text`: its length in bytes and its width in columns. An invalid
// byte is a character of one byte and one column.
// REQUIRES: at < text.size().
struct CharacterWidth {
  std::size_t bytes = 1;
  std::size_t columns = 1;
};
CharacterWidth character_at(std::string_view text, std::size_t at);

std::size_t display_width(std::string_view text);

// The longest prefix of `text` of at most `characters` characters (as character_at counts them), never
// cutting one in two: for limits counted in characters, such as FIS's 256 for a tag value.
std::string_view character_prefix(std::string_view text, std::size_t characters);

}  // namespace outagesim::reports
