// Where command output goes.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/commands.hpp"

namespace outagesim::cli {

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  // stdio rather than a stream, so that a failure can say why (errno: no such directory, disk full, ...).
  const auto fail = [&](int error) {
    fmt::print(stderr, "outagesim: cannot write {}: {}\n", path, std::strerror(error));
    return false;
  };
  errno = 0;
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) return fail(errno);
  const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  int error = written ? 0 : errno;
  if (std::fclose(out) != 0 && error == 0) error = errno;
  if (!written || error != 0) return fail(error != 0 ? error : EIO);
  return true;
}

}  // namespace outagesim::cli
