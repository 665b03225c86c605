// `outagesim report` as a user meets it: the HK 2022 page written to a file, the same bytes on every run,
// replications adding intervals to the variant chart, and the exit statuses of bad input.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;
using outagesim::testing::unique_temp_path;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("report writes the HK page to -o, the same bytes every time") {
  const auto path = unique_temp_path("report.html");
  const auto r = run_cli("report scenarios/hk-2022-zone-c.yaml -o " + path.string());
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  const std::string page = read_file(path);
  CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(page.find("class=\"lane\" data-lane=\"OKX/trading\"") != std::string::npos);
  CHECK(page.find("class=\"temp-curve\" data-room=\"room-c6\"") != std::string::npos);
  CHECK(page.find("class=\"variant-bar baseline\" data-function=\"OKX/trading\"") != std::string::npos);
  CHECK(page.find("class=\"variant-ci\"") == std::string::npos);  // one run each: no intervals
  const auto again = run_cli("report scenarios/hk-2022-zone-c.yaml");
  REQUIRE(again.status == 0);
  CHECK(again.out == page);
  std::filesystem::remove(path);
}

TEST_CASE("report --runs draws the variants' confidence intervals") {
  const auto r = run_cli("report scenarios/hk-2022-zone-c.yaml --runs 8 --threads 2 --quiet");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("class=\"variant-ci\"") != std::string::npos);
  CHECK(r.out.find("mean downtime over 8 replications") != std::string::npos);
  // Any thread count gives the same page.
  const auto one = run_cli("report scenarios/hk-2022-zone-c.yaml --runs 8 --threads 1 --quiet");
  CHECK(one.out == r.out);
}

TEST_CASE("report exits 1 on a missing scenario and 2 on a bad option") {
  CHECK(run_cli("report scenarios/no-such.yaml -o /dev/null").status == 1);
  CHECK(run_cli("report scenarios/hk-2022-zone-c.yaml --runs 0").status == 2);
  CHECK(run_cli("report scenarios/hk-2022-zone-c.yaml -o /no/such/dir/report.html").status == 2);
}
