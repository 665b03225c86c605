#include "reports/sweep_report.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::reports;
using outagesim::sim::Time;

namespace {

outagesim::models::ScenarioSpec small_region() {
  return load_spec(scenario_yaml(R"(
components:
  - {name: vm, kind: compute}
  - {name: "spare, vm", kind: compute}
tenants:
  - {name: blog, needs: [vm], recovery: 30m}
)"));
}

}  // namespace

TEST_CASE("the sweep's CSV has a row per function taken down, and one empty row per harmless component") {
  const auto spec = small_region();
  const auto sweep = outagesim::models::sweep_single_points(spec, 1, Time::hours(1));
  CHECK(sweep_csv(spec, sweep) ==
        "component,kind,tenant,function,downtime_s\n"
        "vm,compute,blog,service,5400\n"
        "\"spare, vm\",compute,,,\n");
}

TEST_CASE("the sweep's text lists what goes down and names what does not") {
  const auto spec = small_region();
  const auto sweep = outagesim::models::sweep_single_points(spec, 1, Time::hours(1));
  const RunMetadata meta{"0.0.0", "test.yaml", 0, 1};
  const std::string text = sweep_text(spec, sweep, meta);
  INFO(text);
  CHECK(text.find("for 1h 00m") != std::string::npos);
  CHECK(text.find("1 of 2 components take a tenant function down on their own.") != std::string::npos);
  CHECK(text.find("vm         compute     1  1h 30m  blog/service 1h 30m") != std::string::npos);
  CHECK(text.find("Nothing goes down when one of these fails alone: spare, vm.") != std::string::npos);
  const auto json = sweep_json(spec, sweep, meta);
  CHECK(json["duration_s"] == 3600);
  CHECK(json["components"][0]["functions_down"][0]["downtime_s"] == 5400);
  CHECK(json["components"][1]["functions_down"].empty());
}
