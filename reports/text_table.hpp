// A plain-text table: a header row, aligned columns, a rule under the header.
#pragma once

#include <string>
#include <vector>

namespace outagesim::reports {

class TextTable {
 public:
  enum class Align { kLeft, kRight };

  // One entry per column.
  TextTable(std::vector<std::string> headers, std::vector<Align> aligns);

  void add_row(std::vector<std::string> cells);
  // Renders with two spaces between columns and `indent` spaces before each line.
  std::string render(std::size_t indent = 0) const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace outagesim::reports
