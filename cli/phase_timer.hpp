// Wall-clock time and peak memory per phase of a command (`run --timings`), printed to stderr so that
// the report's bytes stay the same: where the time goes at 10,000 or 1,000,000 tenants.
#pragma once

#include <chrono>
#include <string>

namespace outagesim::cli {

class PhaseTimer {
 public:
  explicit PhaseTimer(bool enabled);
  // Ends the phase begun by the previous call (or by construction) and prints its line.
  void phase_done(const std::string& name);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point began_;
  std::chrono::steady_clock::time_point phase_began_;
};

}  // namespace outagesim::cli
