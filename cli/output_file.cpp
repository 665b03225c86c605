// Where command output goes.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "cli/commands.hpp"

namespace outagesim::cli {

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    fmt::print(stderr, "outagesim: cannot write {}\n", path);
    return false;
  }
  return true;
}

}  // namespace outagesim::cli
