// Simulated time: a 64-bit count of milliseconds since the scenario start, saturating at never().
// The engine never sees a floating-point clock; conversion to wall-clock text happens in reports only.
// Inputs are bounded far below overflow (the loader caps durations at a century); debug builds assert it.
#pragma once

#include <cassert>
#include <compare>
#include <cstdint>
#include <limits>

namespace outagesim::sim {

// A point in simulated time or a span of it (the same unit serves both, as in OMNeT++'s SimTime).
class Time {
 public:
  constexpr Time() = default;

  static constexpr Time ms(std::int64_t n) { return Time(n); }
  static constexpr Time seconds(std::int64_t n) { return scaled(n, 1000); }
  static constexpr Time minutes(std::int64_t n) { return scaled(n, 60'000); }
  static constexpr Time hours(std::int64_t n) { return scaled(n, 3'600'000); }
  // The largest representable time: "never". Adding to it saturates instead of wrapping.
  static constexpr Time never() { return Time(std::numeric_limits<std::int64_t>::max()); }

  constexpr std::int64_t count_ms() const { return ms_; }
  // Whole seconds, rounded toward minus infinity.
  constexpr std::int64_t floor_seconds() const { return ms_ >= 0 ? ms_ / 1000 : -((-ms_ + 999) / 1000); }
  constexpr double to_seconds() const { return static_cast<double>(ms_) / 1000.0; }
  constexpr bool is_never() const { return ms_ == never().ms_; }

  constexpr auto operator<=>(const Time&) const = default;

  constexpr Time operator+(Time other) const {
    if (is_never() || other.is_never()) return never();
    assert(fits_sum(ms_, other.ms_));
    return Time(ms_ + other.ms_);
  }
  constexpr Time operator-(Time other) const {
    assert(other.ms_ != kMin && fits_sum(ms_, -other.ms_));
    return Time(ms_ - other.ms_);
  }
  constexpr Time& operator+=(Time other) { return *this = *this + other; }
  constexpr Time operator*(std::int64_t factor) const { return scaled(ms_, factor); }

 private:
  constexpr explicit Time(std::int64_t ms) : ms_(ms) {}
  static constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  static constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  static constexpr bool fits_sum(std::int64_t a, std::int64_t b) {
    return b >= 0 ? a <= kMax - b : a >= kMin - b;
  }
  static constexpr Time scaled(std::int64_t n, std::int64_t unit) {
    assert(n == 0 || unit == 0 ||
           (n > kMin && unit > kMin && (n < 0 ? -n : n) <= kMax / (unit < 0 ? -unit : unit)));
    return Time(n * unit);
  }
  std::int64_t ms_ = 0;
};

// Converts a non-negative duration in (fractional) seconds to Time, rounding up to the next millisecond so
// that an event scheduled for "the moment x is reached" never fires before x is reached.
Time ceil_seconds(double seconds);

}  // namespace outagesim::sim
