// Where command output goes.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"

namespace outagesim::cli {

namespace {
// The files this command has read, and those it has opened for output: a new output that is one of them
// would destroy what was read or written.
std::vector<std::string>& inputs() {
  static std::vector<std::string> paths;
  return paths;
}
}  // namespace

void guard_input(const std::string& path) {
  inputs().push_back(path);
}

bool claim_outputs(const std::vector<std::string>& paths) {
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths[i].empty()) continue;
    std::vector<std::string> others = inputs();
    others.insert(others.end(), paths.begin(), paths.begin() + static_cast<std::ptrdiff_t>(i));
    for (const std::string& other : others) {
      if (other.empty() || !same_file(paths[i], other)) continue;
      fmt::print(stderr,
                 "outagesim: cannot write {}: it is also an input or another output of this command ({}); "
                 "nothing was written\n",
                 paths[i], other);
      return false;
    }
  }
  return true;
}

bool same_file(const std::string& a, const std::string& b) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(a, error) && fs::exists(b, error)) return fs::equivalent(a, b, error) && !error;
  const fs::path x = fs::weakly_canonical(a, error);
  if (error) return false;
  const fs::path y = fs::weakly_canonical(b, error);
  return !error && x == y;
}

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_.empty()) {
    out_ = stdout;
    return;
  }
  for (const std::string& input : inputs()) {
    if (!same_file(path_, input)) continue;
    fmt::print(stderr,
               "outagesim: cannot write {}: it is also an input or another output of this command ({})\n",
               path_, input);
    failed_ = true;
    return;
  }
  // stdio rather than a stream, so that a failure can say why (errno: no such directory, disk full, ...).
  errno = 0;
  out_ = std::fopen(path_.c_str(), "wb");
  if (out_ == nullptr) {
    fail(errno);
    return;
  }
  // A second output of this command on the same file would overwrite this one: guarded as an input is.
  inputs().push_back(path_);
  // Large writes: reports of a million tenants go out in a few thousand of them.
  std::setvbuf(out_, nullptr, _IOFBF, std::size_t{1} << 20);
}

OutputFile::~OutputFile() {
  if (out_ != nullptr) close();
}

bool OutputFile::fail(int error) {
  if (!failed_)
    fmt::print(stderr, "outagesim: cannot write {}: {}\n", path_.empty() ? "to stdout" : path_,
               std::strerror(error != 0 ? error : EIO));
  failed_ = true;
  return false;
}

void OutputFile::write(std::string_view text) {
  if (out_ == nullptr || failed_) return;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), out_) != text.size()) fail(errno);
}

bool OutputFile::close() {
  if (out_ == nullptr) return false;
  std::FILE* out = std::exchange(out_, nullptr);
  errno = 0;
  const int status = out == stdout ? std::fflush(out) : std::fclose(out);
  if (status != 0) fail(errno);
  return !failed_;
}

bool write_output(const std::string& path, const std::string& text) {
  OutputFile out(path);
  out.write(text);
  return out.close();
}

}  // namespace outagesim::cli
