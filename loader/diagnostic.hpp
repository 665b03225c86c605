// A problem found in a scenario, pointing at the spot: file, line and column (1-based), what is wrong,
// and what was expected. Errors travel as these values; nothing in the loader throws past its edge.
// Also the text helpers that keep what a file holds safe to print: messages quote the file's text, which
// may be huge, cut mid-character, or hold control characters and bytes that are not UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace outagesim::loader {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem is not at a place in the file (e.g. it is missing)
  int column = 0;  // 1-based, in bytes (as yaml-cpp counts)
  std::string message;
  std::string expected;  // what would have been right, or empty
  // The line's text, for a file whose text is not kept to the end of the load (a tenant table); empty
  // when the renderer has the file's lines.
  std::string source_line = {};
  // A warning: the scenario loads, but something in it likely does not do what its author meant.
  bool warning = false;
};

// Renders like ninja's lexer errors, one better: the source line and a caret under the column.
//   scenarios/x.yaml:12:5: error: unknown key 'chiller_kws' in cooling_plant 'plant-c'
//      12 |     chiller_kws: 1200
//         |     ^
//     expected: one of chillers, chiller_kw, ...; did you mean 'chiller_kw'?
// `source_lines` is the file's text split into lines (may be empty when the text is unknown); a
// diagnostic's own `source_line` comes first. The line is shown escaped (escaped_text), and a long one as
// a window around the column.
std::string format_diagnostic(const Diagnostic& d, const std::vector<std::string_view>& source_lines);

// `text` split at its newlines for format_diagnostic(), a CR before each newline dropped.
std::vector<std::string_view> split_lines(std::string_view text);

// `text` safe to print: control characters (tab and newline included) and bytes that are not part of
// valid UTF-8 become \xNN; everything else is kept as it is.
std::string escaped_text(std::string_view text);

// Characters of text shown before shown_text() cuts it.
inline constexpr std::size_t kShownChars = 60;

// Text from the file for a message: escaped_text(), and past `max_chars` characters cut on a character
// boundary and followed by "… (N bytes)" with the whole size.
std::string shown_text(std::string_view text, std::size_t max_chars = kShownChars);

}  // namespace outagesim::loader
