// Every scenario under scenarios/ runs and prints exactly its reviewed report in tests/golden/. When a
// change alters a report on purpose, review the new output (written to the temporary directory) and copy
// it over the golden file by hand: never regenerate goldens blindly.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/cli_runner.hpp"

namespace {

void check_golden(const std::filesystem::path& source, const std::string& arguments,
                  const std::string& golden_name) {
  const auto r = outagesim::testing::run_cli(arguments);
  INFO(arguments << "\n" << r.err);
  REQUIRE(r.status == 0);
  const auto golden_path = source / "tests" / "golden" / golden_name;
  std::ifstream golden_file(golden_path);
  std::stringstream golden;
  golden << golden_file.rdbuf();
  if (r.out != golden.str()) {
    const auto actual = std::filesystem::temp_directory_path() / ("outagesim-golden-actual-" + golden_name);
    std::ofstream(actual) << r.out;
    FAIL("`outagesim " << arguments << "` differs from tests/golden/" << golden_name
                       << "; review with\n  diff " << golden_path.string() << " " << actual.string());
  }
}

}  // namespace

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
    check_golden(source, "run scenarios/" + scenario.filename().string(), stem + ".txt");
    // Scenarios with strategy variants also have their comparison reviewed.
    std::ifstream text(scenario);
    std::stringstream content;
    content << text.rdbuf();
    if (content.str().find("\nvariants:") != std::string::npos) {
      check_golden(source, "compare scenarios/" + scenario.filename().string(), stem + ".compare.txt");
    }
  }
}
