// Every scenario under scenarios/ runs and prints exactly its reviewed report in tests/golden/. When a
// change alters a report on purpose, review the new output (written next to the test binary) and copy
// it over the golden file by hand: never regenerate goldens blindly.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/cli_runner.hpp"

TEST_CASE("every scenario's report matches its reviewed golden file") {
  const std::filesystem::path source(OUTAGESIM_SOURCE_DIR);
  std::vector<std::filesystem::path> scenarios;
  for (const auto& entry : std::filesystem::directory_iterator(source / "scenarios")) {
    if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path());
  }
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE(scenarios.size() >= 3);
  for (const auto& scenario : scenarios) {
    const std::string stem = scenario.stem().string();
    const auto r = outagesim::testing::run_cli("run scenarios/" + scenario.filename().string());
    INFO(stem << "\n" << r.err);
    REQUIRE(r.status == 0);
    std::ifstream golden_file(source / "tests" / "golden" / (stem + ".txt"));
    std::stringstream golden;
    golden << golden_file.rdbuf();
    if (r.out != golden.str()) {
      const auto actual = std::filesystem::current_path() / ("golden-actual-" + stem + ".txt");
      std::ofstream(actual) << r.out;
      FAIL("the report of " << stem << " differs from tests/golden/" << stem << ".txt; review with\n  diff "
                            << (source / "tests" / "golden" / (stem + ".txt")).string() << " "
                            << actual.string());
    }
  }
}
