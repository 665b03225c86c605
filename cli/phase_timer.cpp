// Phase timings for `run --timings`.
#include "cli/phase_timer.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <cstdio>

namespace outagesim::cli {

namespace {

// The process's peak resident memory so far, in MiB (Linux reports ru_maxrss in KiB).
double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

PhaseTimer::PhaseTimer(bool enabled)
    : enabled_(enabled), began_(std::chrono::steady_clock::now()), phase_began_(began_) {}

void PhaseTimer::phase_done(const std::string& name) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
  fmt::print(stderr, "timing: {:<9} {:8.3f} s  (total {:8.3f} s, peak memory {:8.1f} MiB)\n", name,
             seconds(now - phase_began_), seconds(now - began_), peak_rss_mib());
  phase_began_ = now;
}

}  // namespace outagesim::cli
