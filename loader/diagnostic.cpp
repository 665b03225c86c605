// Text rendering of diagnostics.
#include "loader/diagnostic.hpp"

#include <fmt/format.h>

namespace outagesim::loader {

std::string format_diagnostic(const Diagnostic& d, const std::vector<std::string_view>& source_lines) {
  std::string out;
  if (d.line > 0) {
    out = fmt::format("{}:{}:{}: error: {}\n", d.file, d.line, d.column, d.message);
    if (static_cast<std::size_t>(d.line) <= source_lines.size()) {
      std::string_view text = source_lines[d.line - 1];
      if (text.size() > 200) text = text.substr(0, 200);
      const std::string number = std::to_string(d.line);
      out += fmt::format(" {} | {}\n", number, text);
      const int caret = std::max(1, d.column);
      out += fmt::format(" {} | {}^\n", std::string(number.size(), ' '), std::string(caret - 1, ' '));
    }
  } else {
    out = fmt::format("{}: error: {}\n", d.file, d.message);
  }
  if (!d.expected.empty()) out += fmt::format("  expected: {}\n", d.expected);
  return out;
}

}  // namespace outagesim::loader
