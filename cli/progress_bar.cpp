// Formatting and in-place drawing of the progress bar; the wall clock here only measures the user's wait.
#include "cli/progress_bar.hpp"

#include <fmt/core.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace outagesim::cli {
namespace {

constexpr std::size_t kDefaultWidth = 80;
constexpr std::size_t kMaxWidth = 120;  // a wider bar says nothing more
constexpr std::size_t kMinBarWidth = 10;

std::string clock_text(double seconds) {
  const auto total_s = static_cast<std::uint64_t>(std::max(0.0, std::round(seconds)));
  const std::uint64_t h = total_s / 3600;
  const std::uint64_t m = total_s / 60 % 60;
  const std::uint64_t s = total_s % 60;
  if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
  return fmt::format("{}:{:02}", m, s);
}

std::size_t terminal_width() {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return std::min<std::size_t>(size.ws_col, kMaxWidth);
  }
  return kDefaultWidth;
}

}  // namespace

std::string progress_line(std::uint64_t done, std::uint64_t total, double elapsed_s, std::size_t width) {
  done = std::min(done, total);
  const std::uint64_t percent = total == 0 ? 100 : done * 100 / total;
  const double rate = elapsed_s > 0 ? static_cast<double>(done) / elapsed_s : 0.0;
  const std::string rate_text = rate >= 100 ? fmt::format("{:.0f}", rate) : fmt::format("{:.1f}", rate);
  std::string when;
  if (done == total) {
    when = fmt::format("in {}", clock_text(elapsed_s));
  } else if (rate > 0) {
    when = fmt::format("ETA {}", clock_text(static_cast<double>(total - done) / rate));
  } else {
    when = "ETA --:--";
  }
  const std::string counts = fmt::format("{}/{}", done, total);
  std::string suffix = fmt::format(" {:>{}} {:3}%  {} runs/s  {}", counts,
                                   2 * fmt::formatted_size("{}", total) + 1, percent, rate_text, when);

  const std::size_t limit = width > 0 ? width - 1 : 0;
  if (suffix.size() + 2 + kMinBarWidth > limit) {
    // Too narrow for a bar: the numbers alone, cut to fit.
    std::string numbers = suffix.substr(1);
    if (numbers.size() > limit) numbers.resize(limit);
    return numbers;
  }
  const std::size_t bar_width = limit - suffix.size() - 2;
  const auto filled =
      total == 0 ? bar_width : static_cast<std::size_t>(static_cast<double>(bar_width) * done / total);
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on a chain of string operator+.
  std::string line;
  line.reserve(limit);
  line.push_back('[');
  line.append(filled, '#');
  line.append(bar_width - filled, '-');
  line.push_back(']');
  line.append(suffix);
  return line;
}

ProgressBar::ProgressBar(std::uint64_t total, bool quiet)
    : total_(total),
      enabled_(!quiet && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_) return;
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = progress_line(done, total_, elapsed_s, terminal_width());
  const std::size_t length = line.size();
  // Blank out what is left of a longer previous line.
  if (length < last_length_) line.append(last_length_ - length, ' ');
  std::fputc('\r', stderr);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  last_length_ = length;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!enabled_) return;
  if (drawn_) {
    std::fputc('\n', stderr);
    std::fflush(stderr);
  }
  enabled_ = false;
}

}  // namespace outagesim::cli
