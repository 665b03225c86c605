// Reading times as scenarios write them. Durations: "2h15m", "90s", "1d 2h", "1.5h", "250ms", "0".
// Instants: an ISO 8601 local date-time with its UTC offset ("2022-12-18T08:00:00+08:00"); and, relative
// to a scenario start, an offset ("+2h15m"), a clock time on the start's local date ("09:01"), or a
// local date-time ("2022-12-19T00:30", "2022-12-19 00:30:00", an explicit offset allowed).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "sim/time.hpp"

namespace outagesim::loader {

// Either a value or the reason the text is not one (said as what was expected).
template <class T>
using Parsed = std::variant<T, std::string>;

Parsed<sim::Time> parse_duration(std::string_view text);
// The longest duration accepted: more than any horizon, far from overflow.
inline constexpr sim::Time kMaxDuration = sim::Time::hours(100 * 365 * 24);

struct Instant {
  std::int64_t unix_s = 0;
  std::int32_t utc_offset_s = 0;
};

// An ISO 8601 date-time with an explicit offset ("Z" or "+08:00").
Parsed<Instant> parse_instant(std::string_view text);

// A time within a scenario, as milliseconds since its start (may be negative: before the start).
Parsed<sim::Time> parse_scenario_time(std::string_view text, const Instant& start);

}  // namespace outagesim::loader
