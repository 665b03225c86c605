// `outagesim run --timeline` on the HK 2022 replay: a line per tenant function, fitted to the width asked.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("run --timeline draws HK's tenant functions within the width, from --width or COLUMNS") {
  const auto given = run_cli("run scenarios/hk-2022-zone-c.yaml --timeline --ascii --width 80");
  INFO(given.err << given.out);
  REQUIRE(given.status == 0);
  std::istringstream in(given.out);
  std::size_t rows = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find("OKX/trading ") == 0) CHECK(line.find('#') != std::string::npos);
    if (line.find('/') != std::string::npos && line.find(':') == std::string::npos) {
      ++rows;
      CHECK(line.size() == 80);
    }
  }
  CHECK(rows == 8);
  // Without --width: $COLUMNS, which the child inherits.
  ::setenv("COLUMNS", "64", 1);
  const auto env = run_cli("run scenarios/hk-2022-zone-c.yaml --timeline --ascii");
  ::unsetenv("COLUMNS");
  REQUIRE(env.status == 0);
  CHECK(env.out.find("\nOKX/trading ") != std::string::npos);
  std::istringstream env_lines(env.out);
  std::string header, first_row;
  std::getline(env_lines, header);
  std::getline(env_lines, first_row);
  CHECK(first_row.size() == 64);
  const auto json = run_cli("run scenarios/hk-2022-zone-c.yaml --timeline --format json");
  CHECK(json.status == 2);
}
