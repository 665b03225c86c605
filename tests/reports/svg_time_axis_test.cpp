#include "reports/svg_time_axis.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reports/svg_scale.hpp"

using outagesim::sim::Time;
namespace r = outagesim::reports;

namespace {

// A scenario that starts at 08:30 local time (00:30 UTC, UTC+08:00) and lasts `horizon`.
outagesim::models::ScenarioSpec spec_from_0830(Time horizon) {
  outagesim::models::ScenarioSpec spec;
  spec.start_unix_s = 30 * 60;
  spec.utc_offset_s = 8 * 3600;
  spec.horizon = horizon;
  return spec;
}

std::vector<std::string> labels(const std::vector<r::TimeTick>& ticks) {
  std::vector<std::string> out;
  for (const r::TimeTick& t : ticks)
    out.push_back(r::svg_number(static_cast<double>(t.at.count_ms()) / 60000) + "m " + t.label);
  return out;
}

}  // namespace

TEST_CASE("time ticks fall on whole local hours, not on the start's minute") {
  const auto spec = spec_from_0830(Time::hours(6));
  CHECK(labels(r::time_ticks(spec, spec.horizon, 10)) ==
        std::vector<std::string>{"30.0m 09:00", "90.0m 10:00", "150.0m 11:00", "210.0m 12:00", "270.0m 13:00",
                                 "330.0m 14:00"});
  // Fewer allowed: every 3 hours of the local day.
  CHECK(labels(r::time_ticks(spec, spec.horizon, 3)) ==
        std::vector<std::string>{"30.0m 09:00", "210.0m 12:00"});
}

TEST_CASE("time ticks past midnight say the day, and long horizons step in days") {
  const auto spec = spec_from_0830(Time::hours(24 * 10));
  const auto ticks = r::time_ticks(spec, spec.horizon, 12);
  REQUIRE(ticks.size() == 10);
  CHECK(ticks[0].label == "00:00+1d");
  CHECK(ticks[0].at == Time::minutes(15 * 60 + 30));
  CHECK(ticks[9].label == "00:00+10d");
}

TEST_CASE("svg numbers have one decimal and no negative zero") {
  CHECK(r::svg_number(12.25) == "12.2");  // round half to even, as printf does
  CHECK(r::svg_number(-0.01) == "0.0");
  CHECK(r::svg_number(-3.5) == "-3.5");
  const r::LinearScale y{20, 40, 200, 0};
  CHECK(y.at(30) == 100);
  CHECK(r::LinearScale{5, 5, 7, 9}.at(5) == 7);
}
