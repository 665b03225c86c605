// Every file of tests/corpus/ (malformed and extreme scenarios, and each input the fuzzer found a bug
// with) through the loader and, when it loads, a short run: no crash, and either a refusal whose every
// problem has its file:line:column, or a run whose times and temperatures are sane. fuzz/scenario_fuzz.cpp
// checks the same on generated inputs; docs/fuzzing.md says how the corpus grows.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "loader/scenario_loader.hpp"
#include "tests/support/short_run.hpp"

namespace outagesim::testing {
namespace {

std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(OUTAGESIM_SOURCE_DIR "/tests/corpus")) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("every corpus file is refused at its place or runs with sane results", "[corpus]") {
  const auto files = corpus_files();
  // The corpus is checked in: an empty directory means the test looks in the wrong place.
  REQUIRE(files.size() >= 20);
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    INFO("tests/corpus/" << name);
    CHECK(check_scenario_input(read_bytes(path), name) == "");
  }
}

TEST_CASE("the corpus check fails on a diagnostic without a place", "[corpus]") {
  loader::LoadResult loaded;
  loaded.file = "x.yaml";
  loaded.source = "a: 1\n";
  loaded.diagnostics.push_back({"x.yaml", 0, 0, "something is wrong", ""});
  CHECK(misplaced_diagnostic(loaded) == "a diagnostic without line and column: something is wrong");
  loaded.diagnostics.back().line = 7;
  loaded.diagnostics.back().column = 1;
  CHECK(misplaced_diagnostic(loaded) == "a diagnostic at 7:1 of a 2-line text: something is wrong");
}

TEST_CASE("the corpus check fails on a run with a time past the horizon", "[corpus]") {
  models::ScenarioSpec spec;
  spec.components.push_back({"vm", models::ComponentKind::kCompute, "", models::ServiceParams{}});
  models::RunResult result;
  result.horizon = spec.horizon;
  result.intervals = models::IntervalTable({{{sim::Time(), spec.horizon + sim::Time::ms(1)}}});
  CHECK(broken_run_promise(spec, result).starts_with("an interval [0, "));
}

}  // namespace
}  // namespace outagesim::testing
