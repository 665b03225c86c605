// A problem found in a scenario, pointing at the spot: file, line and column (1-based), what is wrong,
// and what was expected. Errors travel as these values; nothing in the loader throws past its edge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace outagesim::loader {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem is not at a place in the file (e.g. it is missing)
  int column = 0;  // 1-based
  std::string message;
  std::string expected;  // what would have been right, or empty
};

// Renders like ninja's lexer errors, one better: the source line and a caret under the column.
//   scenarios/x.yaml:12:5: error: unknown key 'chiller_kws' in cooling_plant 'plant-c'
//      12 |     chiller_kws: 1200
//         |     ^
//     expected: one of chillers, chiller_kw, ...; did you mean 'chiller_kw'?
// `source_lines` is the file's text split into lines (may be empty when the text is unknown).
std::string format_diagnostic(const Diagnostic& d, const std::vector<std::string_view>& source_lines);

}  // namespace outagesim::loader
