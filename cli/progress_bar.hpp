// A progress bar for long replication runs, drawn on stderr with the run rate and an ETA. It draws only
// when stderr is a terminal and the user did not ask for quiet, so logs and pipes never see it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace outagesim::cli {

// The text of one progress line, shorter than `width` so it never wraps. The bar is left out when the
// line is too narrow for it. Pure: the drawing below and the tests both use it.
//   [##########----------]  412/1000  41%  205.3 runs/s  ETA 0:03
// When done == total the ETA gives way to the elapsed time ("in 0:05").
std::string progress_line(std::uint64_t done, std::uint64_t total, double elapsed_s, std::size_t width);

// Draws progress_line in place with \r and ends it with a newline. Does nothing at all when disabled.
class ProgressBar {
 public:
  // Enabled when !quiet and stderr is a terminal.
  ProgressBar(std::uint64_t total, bool quiet);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  bool enabled() const { return enabled_; }
  void update(std::uint64_t done);
  // Ends the line; later updates draw nothing. Called by the destructor if not before.
  void finish();

 private:
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::size_t last_length_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace outagesim::cli
