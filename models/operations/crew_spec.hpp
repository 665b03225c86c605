// Who does the work: a crew's headcount, its daily shifts, and for a vendor the call-out delay before
// anyone arrives. Plain values the loader fills.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/time.hpp"

namespace outagesim::models {

struct ShiftSpec {
  sim::Time from;  // local time of day the shift starts, in [0, 24h)
  std::uint32_t headcount = 0;
};

struct CrewSpec {
  std::string name;
  std::uint32_t headcount = 1;    // people on site when the crew has no shifts
  std::vector<ShiftSpec> shifts;  // every day, by increasing `from`; when not empty they set the headcount
  // A vendor: nobody is on site until the first request for its people, then they arrive this much later.
  std::optional<sim::Time> call_out;

  // The most people the crew ever has on site: no request may ask for more.
  std::uint32_t max_headcount() const;
  // The headcount in force at local time of day `time_of_day` (in [0, 24h)).
  std::uint32_t headcount_at(sim::Time time_of_day) const;
};

}  // namespace outagesim::models
