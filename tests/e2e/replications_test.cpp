// `run --runs` and `compare --runs` on the flagship scenario as a user runs them: the uncertain inputs
// give bands and intervals, the thread count never changes a byte, and every shipped scenario replicates.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;
using outagesim::testing::unique_temp_path;

TEST_CASE("HK replications report downtime intervals, SLA breach odds and milestone bands") {
  const auto r = run_cli("run scenarios/hk-2022-zone-c.yaml --runs 100 --quiet");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("100 replications"));
  CHECK_THAT(r.out, Catch::Contains("DOWNTIME PER TENANT FUNCTION"));
  CHECK_THAT(r.out, Catch::Contains("OKX reconcile"));
  CHECK_THAT(r.out,
             Catch::Contains("'duration' of stage 'start the second chiller' of repair 'chiller repair'"));
  // The drawn chiller restarts put the public time of the last chiller inside its band.
  CHECK_THAT(r.out,
             Catch::Matches("(?:.|\\n)*all four chillers back +input +18:55 +1[78]:\\d\\d +1[89]:\\d\\d +"
                            "(?:19|20):\\d\\d +100\\.0% +yes(?:.|\\n)*"));
}

TEST_CASE("the thread count never changes a byte of replications or comparisons") {
  const auto one = run_cli("run scenarios/hk-2022-zone-c.yaml --runs 40 --threads 1 --format json --quiet");
  const auto two = run_cli("run scenarios/hk-2022-zone-c.yaml --runs 40 --threads 2 --format json --quiet");
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  const auto c1 = run_cli("compare scenarios/hk-2022-zone-c.yaml --runs 20 --threads 1 --format csv --quiet");
  const auto c2 = run_cli("compare scenarios/hk-2022-zone-c.yaml --runs 20 --threads 2 --format csv --quiet");
  REQUIRE(c1.status == 0);
  CHECK(c1.out == c2.out);
  CHECK_THAT(c1.out, Catch::StartsWith("tenant,function,variant,rank,runs,mean_s"));
}

TEST_CASE("a warm standby beats waiting in every replication, by an interval that excludes 0") {
  const auto r = run_cli("compare scenarios/hk-2022-zone-c.yaml --runs 50 --quiet --format json");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\"variant\": \"warm standby in Zone B\""));
  CHECK_THAT(r.out, Catch::Contains("\"p_beats_next\""));
}

TEST_CASE("every shipped scenario replicates and compares") {
  for (const auto& entry : std::filesystem::directory_iterator(OUTAGESIM_SOURCE_DIR "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;  // the folders of scenario parts
    const std::string path = "scenarios/" + entry.path().filename().string();
    INFO(path);
    CHECK(run_cli("run " + path + " --runs 20 --quiet").status == 0);
    CHECK(run_cli("compare " + path + " --runs 5 --quiet").status == 0);
  }
}

TEST_CASE("one replication is a usage error, since one draw has no interval") {
  // Regression (session 17): `--runs 1` printed a 95 % interval of no width and a spread of 0.
  for (const char* command : {"run", "compare", "report", "sensitivity"}) {
    INFO(command);
    const auto r = run_cli(std::string(command) + " scenarios/hk-2022-zone-c.yaml --runs 1");
    CHECK(r.status == 2);
    CHECK(r.err.find("at least 2 replications") != std::string::npos);
  }
  CHECK(run_cli("run scenarios/hk-2022-zone-c.yaml --runs 2 --quiet").status == 0);
}

TEST_CASE(
    "an input's distribution reads in its own units: a clock time's sd as a span, a count's 1.5 as 1.5") {
  // Regression: a clock-time normal was shown in raw milliseconds, and uniform(min 1.5) of a count as 2.
  const auto path = unique_temp_path("input-units.yaml");
  std::ofstream(path) << R"(scenario: units
start: 2024-01-01T09:00:00+00:00
horizon: 24h
crews: [{name: ops, headcount: {dist: uniform, min: 1.5, max: 5, name: hc}}]
components:
  - {name: feed, kind: power_feed}
repairs:
  - {name: fix, when: {component: feed, event: enters_down}, stages: [{name: s, work: 2h, crew: ops, people: 1,
     then: [{target: feed, action: repair}]}]}
faults:
  - {at: {dist: normal, mean: "12:00", sd: "+30m", min: "10:00", max: "14:00", name: start}, target: feed,
     action: fail}
)";
  const auto r = run_cli("run " + path.string() + " --runs 20 --quiet --threads 1");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("normal(mean 12:00, sd 30m) in [10:00, 14:00]"));
  CHECK_THAT(r.out, Catch::Contains("uniform(min 1.5, max 5)"));
}
