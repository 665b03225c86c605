// `run --shard I/N` and `merge`: the shards of one job merge into exactly the bytes of one process, and
// shards that do not belong together are refused with the file named.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

namespace {

// A small scenario whose every replication differs: the fault time, a switchover and a recovery step
// are drawn.
const char* const kScenario = R"(scenario: shards
title: shard test
start: 2022-01-01T00:00:00+00:00
horizon: 24h
slas:
  - {name: basic, target_pct: 99.9, period: 30d}
components:
  - {name: feed, kind: power_feed}
  - name: api
    kind: compute
    needs: feed
    recovery:
      - {step: checks, duration: {dist: triangular, min: 1h, mode: 2h, max: 5h}}
tenants:
  - name: shop
    needs: api
    sla: basic
    recovery: [{step: reconcile, duration: {dist: exponential, mean: 30m, max: 10h, name: shop reconcile}}]
faults:
  - {at: {dist: uniform, min: "02:00", max: "03:00"}, target: feed, action: fail}
operator_actions:
  - {at: "06:00", target: feed, action: repair}
milestones:
  - {name: shop back, component: shop, event: returns_up, public: "09:00"}
)";

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("outagesim-shards-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("three shards merge into the bytes of one process, text, JSON and samples") {
  const TempDir dir;
  const std::string scenario = dir.file("s.yaml");
  std::ofstream(scenario) << kScenario;
  const std::string common = scenario + " --runs 50 --seed 7 --quiet";
  const auto whole_text = run_cli("run " + common);
  const auto whole_json = run_cli("run " + common + " --format json --samples " + dir.file("whole.csv"));
  REQUIRE(whole_text.status == 0);
  REQUIRE(whole_json.status == 0);
  for (int i = 0; i < 3; ++i) {
    const auto shard = run_cli("run " + common + " --threads 2 --shard " + std::to_string(i) + "/3 -o " +
                               dir.file("shard-" + std::to_string(i) + ".json"));
    INFO(shard.err);
    REQUIRE(shard.status == 0);
    CHECK(shard.out.empty());
  }
  // Any order of the files.
  const std::string shards =
      dir.file("shard-2.json") + " " + dir.file("shard-0.json") + " " + dir.file("shard-1.json");
  const auto merged_text = run_cli("merge " + scenario + " " + shards);
  INFO(merged_text.err);
  REQUIRE(merged_text.status == 0);
  CHECK(merged_text.out == whole_text.out);
  const auto merged_json =
      run_cli("merge " + scenario + " " + shards + " --format json --samples " + dir.file("merged.csv"));
  REQUIRE(merged_json.status == 0);
  CHECK(merged_json.out == whole_json.out);
  CHECK(read(dir.file("merged.csv")) == read(dir.file("whole.csv")));
  // The replications really differ, so equal bytes mean the right outcomes in the right order.
  CHECK(whole_json.out.find("\"replications\": 50") != std::string::npos);
}

TEST_CASE("shards that do not belong together are refused, naming the file") {
  const TempDir dir;
  const std::string scenario = dir.file("s.yaml");
  std::ofstream(scenario) << kScenario;
  const std::string common = scenario + " --runs 20 --quiet";
  auto shard = [&](const std::string& extra, const std::string& name) {
    const auto r = run_cli("run " + common + " " + extra + " -o " + dir.file(name));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return dir.file(name);
  };
  const std::string a0 = shard("--shard 0/2", "a0.json");
  const std::string a1 = shard("--shard 1/2", "a1.json");
  const std::string other_seed = shard("--shard 1/2 --seed 99", "seed.json");
  const std::string of_three = shard("--shard 1/3", "three.json");
  REQUIRE(run_cli("merge " + scenario + " " + a0 + " " + a1).status == 0);

  SECTION("another seed") {
    const auto r = run_cli("merge " + scenario + " " + a0 + " " + other_seed);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(other_seed + ": seed 99") != std::string::npos);
  }
  SECTION("another split") {
    const auto r = run_cli("merge " + scenario + " " + a0 + " " + of_three);
    CHECK(r.status == 1);
    CHECK(r.err.find(of_three + ": one of 3 shards") != std::string::npos);
  }
  SECTION("a part missing or given twice") {
    const auto missing = run_cli("merge " + scenario + " " + a1);
    CHECK(missing.status == 1);
    CHECK(missing.err.find("shard 0/2 (replications [0, 10)) is missing") != std::string::npos);
    const auto twice = run_cli("merge " + scenario + " " + a0 + " " + a0 + " " + a1);
    CHECK(twice.status == 1);
    CHECK(twice.err.find("shard 0/2 given twice") != std::string::npos);
  }
  SECTION("another scenario") {
    const std::string edited = dir.file("edited.yaml");
    std::ofstream(edited) << kScenario << "# an edit\n";
    const auto r = run_cli("merge " + edited + " " + a0 + " " + a1);
    CHECK(r.status == 1);
    CHECK(r.err.rfind(a0 + ":", 0) == 0);
    CHECK(r.err.find("error: made from another scenario") != std::string::npos);
  }
  SECTION("another scenario whose outcomes have another shape") {
    // Regression: the outcomes were checked against the scenario before the hash, so a shard of a
    // scenario with one more tenant read as a hand-edited file ("'downtime_ms' has 2 entries").
    const std::string wider = dir.file("wider.yaml");
    std::string text = kScenario;
    text.replace(text.find("faults:"), 0, "  - {name: blog, needs: feed}\n");
    std::ofstream(wider) << text;
    const auto r = run_cli("merge " + wider + " " + a0 + " " + a1);
    CHECK(r.status == 1);
    CHECK(r.err.find("error: made from another scenario") != std::string::npos);
    CHECK(r.err.find("downtime_ms") == std::string::npos);
  }
  SECTION("a shard file that cannot be read says why") {
    const auto r = run_cli("merge " + scenario + " " + a0 + " " + dir.file("nowhere.json"));
    CHECK(r.status == 1);
    CHECK(r.err.find("nowhere.json: error: cannot read this shard file: No such file or directory") !=
          std::string::npos);
  }
  SECTION("a file that is no shard, or a shard cut short") {
    const auto not_json = run_cli("merge " + scenario + " " + a0 + " " + scenario);
    CHECK(not_json.status == 1);
    CHECK(not_json.err.rfind(scenario + ":1:1: error: this is not JSON: syntax error", 0) == 0);
    std::string text = read(a1);
    text.replace(text.find("\"end\": 20"), 9, "\"end\": 19");
    std::ofstream(dir.file("cut.json")) << text;
    const auto cut = run_cli("merge " + scenario + " " + a0 + " " + dir.file("cut.json"));
    CHECK(cut.status == 1);
    CHECK(cut.err.find("cut.json: shard 1/2 of 20 replications covers [10, 20), not [10, 19)") !=
          std::string::npos);
  }
  SECTION("a key given twice in a shard is refused at its second place") {
    // Regression: the JSON reader kept the last value, and the merged report changed with exit 0.
    std::string text = read(a1);
    const std::size_t outcome = text.find("{\"replication\":11");
    REQUIRE(outcome != std::string::npos);
    const std::size_t degraded = text.find("\"degraded_ms\":", outcome);
    REQUIRE(degraded != std::string::npos);
    text.replace(degraded, 0, "\"downtime_ms\":[0],");
    std::ofstream(dir.file("twice.json")) << text;
    const auto twice = run_cli("merge " + scenario + " " + a0 + " " + dir.file("twice.json"));
    CHECK(twice.status == 1);
    CHECK(twice.err.find("error: the key \"downtime_ms\" is given twice in this object") !=
          std::string::npos);
    CHECK(twice.out.empty());
    // A byte-order mark in front made the check pass over it (simdjson refuses the mark, nlohmann skips it).
    std::ofstream(dir.file("marked.json")) << "\xEF\xBB\xBF" << text;
    const auto marked = run_cli("merge " + scenario + " " + a0 + " " + dir.file("marked.json"));
    CHECK(marked.status == 1);
    CHECK(marked.err.find("is given twice in this object") != std::string::npos);
  }
  SECTION("a value no run gives is named at its line and column") {
    // Regression (session 17): the message named the replication and key but not the place in the file.
    std::string text = read(a1);
    const std::size_t outcome = text.find("{\"replication\":11");
    REQUIRE(outcome != std::string::npos);
    const std::size_t downtime =
        text.find("\"downtime_ms\":[", outcome) + std::string("\"downtime_ms\":[").size();
    text.replace(downtime, 0, "-5,");  // one entry too many, and the first one negative
    std::ofstream(dir.file("edited.json")) << text;
    const auto edited = run_cli("merge " + scenario + " " + a0 + " " + dir.file("edited.json"));
    CHECK(edited.status == 1);
    // The outcomes start on line 13, one a line.
    CHECK(edited.err.rfind(dir.file("edited.json") + ":14:", 0) == 0);
    CHECK(edited.err.find("error: replication 11: 'downtime_ms' has") != std::string::npos);
    CHECK(edited.err.find("\n 14 |     {\"replication\":11") != std::string::npos);
  }
  SECTION("a directory, a NUL byte, an unknown key or a version 1.0 is refused") {
    // Regression (session 21's probe): a directory read as "not JSON" at 1:1; text after a NUL, unknown
    // keys and "outagesim_shard": 1.0 were read past without a word.
    std::filesystem::create_directories(dir.file("folder"));
    const auto folder = run_cli("merge " + scenario + " " + dir.file("folder") + " " + a1);
    CHECK(folder.status == 1);
    CHECK(folder.err == dir.file("folder") + ": error: is a directory, not a shard file\n");
    const std::string text = read(a0);
    std::ofstream(dir.file("nul.json"), std::ios::binary) << text << '\0' << "garbage {]";
    const auto nul = run_cli("merge " + scenario + " " + dir.file("nul.json") + " " + a1);
    CHECK(nul.status == 1);
    CHECK(nul.err.find("error: this is not JSON: a NUL byte, which no JSON holds") != std::string::npos);
    std::string misspelt = text;
    misspelt.replace(misspelt.find("\"seed\""), 6, "\"sead\"");
    std::ofstream(dir.file("sead.json")) << misspelt;
    const auto sead = run_cli("merge " + scenario + " " + dir.file("sead.json") + " " + a1);
    CHECK(sead.status == 1);
    CHECK(sead.err.find("error: unknown key 'sead'; a shard's keys there are") != std::string::npos);
    std::string version = text;
    version.replace(version.find("\"outagesim_shard\": 1"), 20, "\"outagesim_shard\": 1.0");
    std::ofstream(dir.file("version.json")) << version;
    const auto v = run_cli("merge " + scenario + " " + dir.file("version.json") + " " + a1);
    CHECK(v.status == 1);
    CHECK(v.err.find("shard format 1.0 is not the one this outagesim reads (1)") != std::string::npos);
  }
  SECTION("usage errors") {
    CHECK(run_cli("merge " + scenario).status == 2);
    CHECK(run_cli("run " + scenario + " --shard 0/2").status == 2);  // no --runs
    CHECK(run_cli("run " + common + " --shard 2/2").status == 2);
    CHECK(run_cli("run " + common + " --shard x").status == 2);
  }
}
