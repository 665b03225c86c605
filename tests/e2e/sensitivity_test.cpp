// `outagesim sensitivity` as a user meets it: the text report of a small scenario with two uncertain
// inputs, the JSON and CSV shapes, and the errors for an unknown tenant or function and for a scenario
// with nothing uncertain.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;
using outagesim::testing::unique_temp_path;

namespace {

// Written once per `tag` into a file of this process's own: ctest runs each test case in a process of its
// own, in parallel, and one must not truncate the file another is reading. The same tag gives the same
// path, which the reports print.
std::string scenario(const std::string& tag) {
  static std::map<std::string, std::string> written;
  if (const auto found = written.find(tag); found != written.end()) return found->second;
  const auto p = unique_temp_path("sensitivity-" + tag + ".yaml");
  std::ofstream(p) << R"(scenario: sens
start: 2022-01-01T00:00:00+00:00
horizon: 24h
components:
  - {name: feed, kind: power_feed}
  - name: api
    kind: compute
    needs: feed
    recovery: [{step: checks, duration: {dist: uniform, min: 1h, max: 5h, name: api checks}}]
  - name: spare
    kind: compute
    recovery: [{step: warmup, duration: {dist: uniform, min: 1h, max: 5h, name: spare warmup}}]
tenants:
  - name: mall
    functions:
      - {name: checkout, needs: api}
      - {name: catalog, needs: spare}
faults:
  - {at: "02:00", target: feed, action: fail}
operator_actions:
  - {at: "06:00", target: feed, action: repair}
)";
  return written[tag] = p.string();
}

}  // namespace

TEST_CASE("sensitivity prints the tornado and the rank correlations") {
  const auto r =
      run_cli("sensitivity " + scenario("text") + " --tenant mall --function checkout --runs 200 --quiet");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("sensitivity of the downtime of tenant function mall/checkout") != std::string::npos);
  CHECK(r.out.find("base downtime, every input nominal: 7h") != std::string::npos);
  // The checks lead the tornado: 4 h dark, then 1h 24m or 4h 36m of checks.
  const auto checks = r.out.find("api checks");
  CHECK(checks < r.out.find("spare warmup"));
  CHECK(r.out.find("5h 24m", checks) != std::string::npos);
  CHECK(r.out.find("8h 36m", checks) != std::string::npos);
  CHECK(r.out.find("+3h 12m", checks) != std::string::npos);
  CHECK(r.out.find("over 200 replications") != std::string::npos);
  CHECK(r.out.find("a rough 95 % threshold") != std::string::npos);
  // Byte-identical whatever the thread count.
  CHECK(
      run_cli("sensitivity " + scenario("text") + " --tenant mall --function checkout --runs 200 --threads 1")
          .out ==
      run_cli("sensitivity " + scenario("text") + " --tenant mall --function checkout --runs 200 --threads 2")
          .out);
}

TEST_CASE("sensitivity writes JSON and CSV") {
  const auto j = run_cli("sensitivity " + scenario("formats") +
                         " --tenant mall --function checkout --runs 50 --format json");
  REQUIRE(j.status == 0);
  const auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["function"] == "checkout");
  CHECK(doc["tornado"]["inputs"][0]["name"] == "api checks");
  CHECK(doc["tornado"]["inputs"][0]["swing_s"] == 192 * 60);
  CHECK(doc["rank_correlation"]["inputs"][0]["name"] == "api checks");
  CHECK(doc["rank_correlation"]["inputs"][0]["distinguishable_from_zero"] == true);
  const auto c = run_cli("sensitivity " + scenario("formats") + " --tenant mall --runs 10 --format csv");
  REQUIRE(c.status == 0);
  CHECK(c.out.rfind("tenant,function,input,distribution,nominal,low,high,base_downtime_s", 0) == 0);
  CHECK(c.out.find("mall,,api checks") != std::string::npos);
}

TEST_CASE("sensitivity names the tenants and functions it knows") {
  const auto tenant = run_cli("sensitivity " + scenario("errors") + " --tenant mal --runs 10");
  CHECK(tenant.status == 2);
  CHECK(tenant.err.find("no tenant named 'mal'; did you mean 'mall'?; its tenants: 'mall'") !=
        std::string::npos);
  const auto function =
      run_cli("sensitivity " + scenario("errors") + " --tenant mall --function chekout --runs 10");
  CHECK(function.status == 2);
  CHECK(function.err.find("tenant 'mall' has no function named 'chekout'") != std::string::npos);
  CHECK(function.err.find("its functions: 'checkout', 'catalog'") != std::string::npos);
  CHECK(run_cli("sensitivity " + scenario("errors") + " --runs 10").status == 2);  // --tenant is required
}

TEST_CASE("sensitivity of a scenario with nothing uncertain says so and exits 1") {
  const auto path = unique_temp_path("sensitivity-certain.yaml");
  std::ofstream(path) << "scenario: certain\nstart: 2022-01-01T00:00:00+00:00\ncomponents:\n"
                         "  - {name: a, kind: compute}\ntenants:\n  - {name: t, needs: [a]}\n";
  const auto r = run_cli("sensitivity " + path.string() + " --tenant t");
  std::filesystem::remove(path);
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("has no uncertain inputs, so there is nothing to vary") != std::string::npos);
}

TEST_CASE("sensitivity --variant varies the inputs with a strategy variant in place") {
  // OKX's warm standby in Zone B is back after its reconcile, so the reconcile leads its tornado and the
  // chillers' restarts, which the baseline waits for, move nothing.
  const auto r = run_cli(
      "sensitivity scenarios/hk-2022-zone-c.yaml --tenant OKX --function trading --runs 50 --quiet "
      "--format json --variant 'warm standby in Zone B'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["variant"] == "warm standby in Zone B");
  CHECK(doc["tornado"]["inputs"][0]["name"] == "OKX reconcile");
  CHECK(doc["tornado"]["base_downtime_s"] < 4 * 3600);
  const auto unknown =
      run_cli("sensitivity scenarios/hk-2022-zone-c.yaml --tenant OKX --runs 10 --variant nope");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("--variant: the scenario has no variant named 'nope'") != std::string::npos);
}
