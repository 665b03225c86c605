// A room's temperature chart: gridlines every 5 or 10 °C for a room's usual span, and a bounded number of
// them however far the temperature ran.
#include "reports/svg_temperature_chart.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <variant>

using outagesim::sim::Time;
namespace m = outagesim::models;
namespace r = outagesim::reports;

namespace {

m::ScenarioSpec one_room() {
  m::ScenarioSpec spec;
  spec.horizon = Time::hours(24);
  spec.components.push_back(m::ComponentSpec{"room-1", m::ComponentKind::kRoom, "", m::RoomParams{}});
  return spec;
}

m::RoomTrace trace_to(double peak_c) {
  m::RoomTrace trace;
  trace.room = 0;
  trace.thresholds = {{"setpoint", 22}, {"alarm", 32}};
  trace.peak_c = peak_c;
  trace.peak_at = Time::hours(6);
  trace.samples = {{Time(), 22}, {Time::hours(6), peak_c}, {Time::hours(24), 22}};
  return trace;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a room's usual span has gridlines every 5 or 10 degrees") {
  const std::string small = r::svg_temperature_chart(one_room(), trace_to(40));
  CHECK(count(small, "text-anchor=\"end\"") == 7);  // 15 to 45 every 5
  const std::string wide = r::svg_temperature_chart(one_room(), trace_to(70));
  CHECK(count(wide, "text-anchor=\"end\"") == 7);  // 15 to 75 every 10
}

TEST_CASE("a room that ran away gets a round step and at most 14 gridlines") {
  // Regression (session 17): a room at 8e7 degrees drew a gridline per 10 degrees: 3 GB, 19 s.
  for (const double peak : {150.0, 1234.0, 8e7, 1e300}) {
    INFO(peak);
    const std::string chart = r::svg_temperature_chart(one_room(), trace_to(peak));
    CHECK(count(chart, "text-anchor=\"end\"") <= 14);
    CHECK(count(chart, "text-anchor=\"end\"") >= 3);
  }
}

TEST_CASE("the outside air is drawn when it changes or is above the setpoint, and not otherwise") {
  // Blind trial J: on a heatwave day the air that drove the room was nowhere on the chart.
  m::ScenarioSpec spec = one_room();
  const std::string mild = r::svg_temperature_chart(spec, trace_to(40));
  CHECK(count(mild, "class=\"outside-air\"") == 0);  // a constant 20 °C below the 24 °C setpoint

  auto& room = std::get<m::RoomParams>(spec.components[0].params);
  room.outside = m::OutsideAir({{Time(), 26}, {Time::hours(12), 40}, {Time::hours(30), 30}});
  const std::string hot = r::svg_temperature_chart(spec, trace_to(40));
  CHECK(count(hot, "class=\"outside-air\"") == 1);
  CHECK(count(hot, "outside air, up to 40.0") == 1);
  CHECK(count(hot, "outside air dotted") == 1);

  // Steps at several times, all the same mild air: nothing changes (review 8).
  room.outside = m::OutsideAir({{Time(), 20}, {Time::hours(6), 20}});
  CHECK(count(r::svg_temperature_chart(spec, trace_to(40)), "class=\"outside-air\"") == 0);

  room.outside = m::OutsideAir(30);  // constant, but above the setpoint
  CHECK(count(r::svg_temperature_chart(spec, trace_to(40)), "class=\"outside-air\"") == 1);
}
