// The executable as a user meets it: subcommands, exit statuses, error output, determinism.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;
using outagesim::testing::unique_temp_path;

TEST_CASE("help lists the subcommands") {
  const auto r = run_cli("--help");
  CHECK(r.status == 0);
  CHECK(r.out.find("run") != std::string::npos);
  CHECK(r.out.find("validate") != std::string::npos);
  CHECK(run_cli("run --help").status == 0);
  CHECK(run_cli("--version").out.find("outagesim 0.") == 0);
}

TEST_CASE("usage errors exit with 2") {
  CHECK(run_cli("").status == 2);
  CHECK(run_cli("explode").status == 2);
  CHECK(run_cli("run scenarios/hk-2022-zone-c.yaml --format xml").status == 2);
}

TEST_CASE("a missing scenario exits with 1 and says so on stderr") {
  const auto r = run_cli("run scenarios/no-such.yaml");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("scenarios/no-such.yaml: error: no such file") == 0);
}

TEST_CASE("validate reports every problem with its place and exits 1") {
  const auto path = unique_temp_path("invalid.yaml");
  std::ofstream(path) << "scenario: broken\nstart: 2022-01-01T00:00:00+00:00\ncomponents:\n"
                         "  - {name: a, kind: compute, needs: nothing}\n  - {name: b, kind: computr}\n";
  const auto r = run_cli("validate " + path.string());
  std::filesystem::remove(path);
  CHECK(r.status == 1);
  CHECK(r.err.find(":4:37: error: 'needs' of component 'a' names 'nothing', which is no component") !=
        std::string::npos);
  CHECK(r.err.find(":5:21: error: unknown component kind 'computr'; did you mean 'compute'?") !=
        std::string::npos);
  CHECK(r.err.find("2 problems found") != std::string::npos);
}

TEST_CASE("a scenario with a trap loads with a warning on stderr, in the text header and in the JSON") {
  // Blind trial K: a plant on power that nothing restarts went dark for good after a 2 s sag, unsaid.
  const auto path = unique_temp_path("trap.yaml");
  std::ofstream(path) << "scenario: trap\nstart: 2022-01-01T00:00:00+00:00\ncomponents:\n"
                         "  - {name: u, kind: power_feed}\n"
                         "  - {name: p, kind: cooling_plant, chillers: 1, chiller_kw: 100, power: u}\n";
  const auto v = run_cli("validate " + path.string());
  CHECK(v.status == 0);
  CHECK(v.err.find(":5:5: warning: plant 'p' takes power, but after a loss of it") != std::string::npos);
  const auto strict = run_cli("validate --strict " + path.string());
  CHECK(strict.status == 1);
  CHECK(strict.err.find(": 1 warning fails it with --strict") != std::string::npos);
  CHECK(strict.out.empty());
  const auto text = run_cli("run " + path.string());
  CHECK(text.status == 0);
  CHECK(text.out.find("\nwarning: " + path.string() + ":5:5: plant 'p' takes power") != std::string::npos);
  const auto json = run_cli("run " + path.string() + " --format json");
  std::filesystem::remove(path);
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc.contains("warnings"));
  CHECK(doc["warnings"].size() == 1);
  const auto clean = nlohmann::json::parse(run_cli("run scenarios/hk-2022-zone-c.yaml --format json").out);
  CHECK_FALSE(clean.contains("warnings"));
}

TEST_CASE("a return milestone that never came says what its component still was at the end") {
  // Blind trial L: "never" read as a recovery that never began, where one damaged host kept it degraded.
  const auto path = unique_temp_path("never.yaml");
  std::ofstream(path) << "scenario: never\nstart: 2022-01-01T00:00:00+00:00\nhorizon: 6h\ncomponents:\n"
                         "  - {name: ebs, kind: block_storage}\n"
                         "faults:\n"
                         "  - {at: \"00:30\", target: ebs, action: fail}\n"
                         "  - {at: \"01:00\", target: ebs, action: repair}\n"
                         "  - {at: \"01:00\", target: ebs, action: set_capacity, share: 0.5}\n"
                         "milestones:\n"
                         "  - {name: volumes back, component: ebs, event: returns_up, public: \"02:00\"}\n";
  const auto r = run_cli("run " + path.string());
  std::filesystem::remove(path);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("  'volumes back' never happened: ebs was still degraded at the end, since 01:00\n") !=
        std::string::npos);
}

TEST_CASE("validate counts in the singular when there is one") {
  // Regression: "1 tenants".
  const auto path = unique_temp_path("one.yaml");
  std::ofstream(path) << "scenario: one\nstart: 2022-01-01T00:00:00+00:00\ncomponents:\n"
                         "  - {name: a, kind: compute}\ntenants:\n  - {name: t, needs: [a]}\n";
  const auto r = run_cli("validate " + path.string());
  std::filesystem::remove(path);
  CHECK(r.status == 0);
  CHECK(r.out.find(": ok (1 component, 1 tenant, 0 faults and actions, 0 milestones, 0 variants)") !=
        std::string::npos);
}

TEST_CASE("every shipped scenario validates") {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(OUTAGESIM_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const auto r = run_cli("validate scenarios/" + entry.path().filename().string());
    INFO(entry.path() << "\n" << r.err);
    CHECK(r.status == 0);
  }
}

TEST_CASE("the same scenario and seed give byte-identical output") {
  const auto a = run_cli("run scenarios/hk-2022-zone-c.yaml --format json");
  const auto b = run_cli("run scenarios/hk-2022-zone-c.yaml --format json");
  REQUIRE(a.status == 0);
  CHECK(a.out == b.out);
  CHECK(run_cli("run scenarios/hk-2022-zone-c.yaml --seed 9").out ==
        run_cli("run scenarios/hk-2022-zone-c.yaml --seed 9").out);
  const auto doc = nlohmann::json::parse(a.out);
  CHECK(doc["seed"] == 1);
  CHECK(doc["scenario_hash"].get<std::string>().rfind("fnv1a64:", 0) == 0);
}

TEST_CASE("output can go to a file") {
  const auto path = unique_temp_path("out.json");
  const auto r = run_cli("run scenarios/hk-2022-zone-c.yaml --format json -o " + path.string());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  std::ifstream in(path);
  CHECK(nlohmann::json::parse(in)["scenario"] == "hk-2022-zone-c");
  std::filesystem::remove(path);
}

TEST_CASE("an output that is an input or another output is refused, and the file is left as it was") {
  // Regression (session 16): `run S -o S` overwrote the scenario with its report, and `--samples f -o f`
  // lost the samples, both with exit 0.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("outagesim-e2e-alias-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path scenario = dir / "s.yaml";
  fs::copy_file("scenarios/power-feed-loss.yaml", scenario);
  const auto before = fs::file_size(scenario);
  const auto r = run_cli("run " + scenario.string() + " -o " + scenario.string());
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("it is also an input or another output of this command"));
  CHECK(fs::file_size(scenario) == before);
  const fs::path out = dir / "out.txt";
  const auto both =
      run_cli("run " + scenario.string() + " --runs 2 -o " + out.string() + " --samples " + out.string());
  CHECK(both.status == 2);
  fs::remove_all(dir);
}

TEST_CASE("a tenant table a CSV of samples or a shard file is an input too and a clash writes nothing") {
  // Regressions: `run -o` could replace the tenant table, `--samples` the CSV a distribution reads and
  // `merge -o` one of its shards, all with exit 0; and a refused second output still truncated the first.
  namespace fs = std::filesystem;
  const fs::path dir = unique_temp_path("inputs");
  fs::create_directories(dir);
  const std::string d = dir.string() + "/";
  std::ofstream(dir / "t.jsonl") << "{\"name\": \"a\", \"needs\": \"vm\"}\n";
  std::ofstream(dir / "d.csv") << "10m\n20m\n";
  std::ofstream(dir / "s.yaml") << "scenario: s\nstart: 2024-01-01T00:00:00Z\nhorizon: 6h\n"
                                   "components:\n  - {name: vm, kind: compute, zone: z}\n"
                                   "tenant_table: t.jsonl\n"
                                   "tenants:\n  - {name: b, needs: vm, recovery: [{step: s, duration: "
                                   "{dist: empirical, file: d.csv}}]}\n"
                                   "faults:\n  - {at: \"01:00\", target: vm, action: fail}\n"
                                   "operator_actions:\n  - {at: \"02:00\", target: vm, action: repair}\n";
  const auto table = run_cli("run " + d + "s.yaml -o " + d + "t.jsonl");
  CHECK(table.status == 2);
  CHECK_THAT(table.err, Catch::Contains("nothing was written"));
  CHECK(fs::file_size(dir / "t.jsonl") == 29);
  const auto csv = run_cli("run " + d + "s.yaml --runs 2 --samples " + d + "d.csv -o " + d + "r.txt");
  CHECK(csv.status == 2);
  CHECK(fs::file_size(dir / "d.csv") == 8);
  CHECK_FALSE(fs::exists(dir / "r.txt"));  // the clash is found before any output is opened
  REQUIRE(run_cli("run " + d + "s.yaml --runs 4 --shard 0/2 -o " + d + "0.json").status == 0);
  REQUIRE(run_cli("run " + d + "s.yaml --runs 4 --shard 1/2 -o " + d + "1.json").status == 0);
  const auto shard_size = fs::file_size(dir / "0.json");
  const auto merged = run_cli("merge " + d + "s.yaml " + d + "0.json " + d + "1.json -o " + d + "0.json");
  CHECK(merged.status == 2);
  CHECK(fs::file_size(dir / "0.json") == shard_size);
  std::ofstream(dir / "keep.yaml") << "precious\n";
  const auto generated =
      run_cli("generate --tenants 5 -o " + d + "keep.yaml --tenant-table " + d + "keep.yaml");
  CHECK(generated.status == 2);
  CHECK(fs::file_size(dir / "keep.yaml") == 9);
}

TEST_CASE("a JSON summary has the totals of the full result, without its journal references") {
  const auto full = run_cli("run scenarios/hk-2022-zone-c.yaml --format json");
  const auto summary = run_cli("run scenarios/hk-2022-zone-c.yaml --format json --summary");
  REQUIRE(full.status == 0);
  REQUIRE(summary.status == 0);
  CHECK(summary.out.size() < full.out.size());
  const auto a = nlohmann::json::parse(full.out);
  const auto b = nlohmann::json::parse(summary.out);
  CHECK_FALSE(b.contains("changes"));
  REQUIRE(a["tenants"].size() == b["tenants"].size());
  for (std::size_t i = 0; i < a["tenants"].size(); ++i) {
    CHECK(a["tenants"][i]["downtime_s"] == b["tenants"][i]["downtime_s"]);
    CHECK(a["tenants"][i]["intervals"].size() == b["tenants"][i]["intervals"].size());
  }
}

TEST_CASE("options that would do nothing are usage errors") {
  // Regression: each was taken with exit 0 and had no effect (no samples file, a full text report, JSON).
  const std::string s = "run scenarios/power-feed-loss.yaml ";
  const auto samples = run_cli(s + "--samples /dev/null");
  CHECK(samples.status == 2);
  CHECK_THAT(samples.err, Catch::Contains("--samples requires --runs"));
  const auto summary = run_cli(s + "--summary");
  CHECK(summary.status == 2);
  CHECK_THAT(summary.err, Catch::Contains("it needs --format json"));
  CHECK(run_cli(s + "--summary --format json --runs 2 --quiet").status == 2);
  CHECK(run_cli(s + "--summary --format json").status == 0);
  const auto shard = run_cli(s + "--runs 4 --quiet --shard 0/2 --format text");
  CHECK(shard.status == 2);
  CHECK_THAT(shard.err, Catch::Contains("--shard writes its part as JSON for merge"));
  CHECK(run_cli(s + "--runs 4 --quiet --shard 0/2 --format json").status == 0);
}

TEST_CASE("a JSON result that cannot be written says why and exits 2") {
  const auto r = run_cli("run scenarios/power-feed-loss.yaml --format json -o /nonexistent-dir/out.json");
  CHECK(r.status == 2);
  CHECK(r.err.find("cannot write /nonexistent-dir/out.json: No such file or directory") != std::string::npos);
}

TEST_CASE("a seed that is not a 64-bit whole number is a usage error") {
  for (const char* seed : {"-1", "18446744073709551616", "\"\"", "0x10", "+5", "1.5"}) {
    INFO(seed);
    const auto r = run_cli(std::string("run scenarios/power-feed-loss.yaml --seed ") + seed);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("a seed is a whole number from 0 to 18446744073709551615"));
  }
  CHECK(run_cli("run scenarios/power-feed-loss.yaml --seed 18446744073709551615").status == 0);
}

TEST_CASE("an empty output file name is refused, not taken for stdout") {
  // Regression (session 20): -o "" wrote to stdout without a word.
  for (const std::string command : {"run", "graph", "rank", "export fis", "compare"}) {
    INFO(command);
    const auto r = run_cli(command + " scenarios/power-feed-loss.yaml -o ''");
    CHECK(r.status == 2);
    CHECK(r.err.find("--output: must not be empty") != std::string::npos);
    CHECK(r.out.empty());
  }
}

TEST_CASE("run --runs says how many replications are cut at the horizon, in the text and the JSON") {
  // Regression (session 25's blind trial): a tight confidence interval was printed on downtimes cut at the
  // horizon, with no word that they were.
  namespace fs = std::filesystem;
  const fs::path dir = unique_temp_path("cut");
  fs::create_directories(dir);
  const std::string d = dir.string() + "/";
  std::ofstream(dir / "s.yaml") << "scenario: s\nstart: 2024-01-01T00:00:00Z\nhorizon: 1h\n"
                                   "components:\n  - {name: a, kind: power_feed}\n"
                                   "tenants:\n  - {name: one, needs: a}\n"
                                   "faults:\n  - {at: \"00:00\", target: a, action: fail}\n"
                                   "operator_actions:\n  - {when: {component: a, event: enters_down}, "
                                   "delay: {dist: exponential, mean: 1h}, target: a, action: repair}\n";
  const auto text = run_cli("run " + d + "s.yaml --runs 50");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("cut at the horizon: one/service still down in "));
  CHECK_THAT(text.out, Catch::Contains(" of 50 runs at the end; its down time there is cut"));
  const auto json = run_cli("run " + d + "s.yaml --runs 50 --format json");
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["functions"][0]["down_at_horizon_runs"].get<int>() > 5);
  fs::remove_all(dir);
}

TEST_CASE("compare --runs says how many replications of each row are cut at the horizon") {
  namespace fs = std::filesystem;
  const fs::path dir = unique_temp_path("cut-compare");
  fs::create_directories(dir);
  const std::string d = dir.string() + "/";
  std::ofstream(dir / "s.yaml")
      << "scenario: s\nstart: 2024-01-01T00:00:00Z\nhorizon: 1h\n"
         "components:\n  - {name: a, kind: power_feed}\n  - {name: b, kind: power_feed}\n"
         "tenants:\n  - {name: one, needs: a}\n"
         "variants:\n  - name: standby on b\n    tenant: one\n    functions:\n"
         "      service: {kind: standby, needs: [b], detection: 5m, decision: 5m, "
         "switchover: 5m}\n"
         "faults:\n  - {at: \"00:00\", target: a, action: fail}\n"
         "operator_actions:\n  - {when: {component: a, event: enters_down}, "
         "delay: {dist: exponential, mean: 1h}, target: a, action: repair}\n";
  const auto text = run_cli("compare " + d + "s.yaml --runs 50");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("cut at the horizon: one/service, (baseline), still down in "));
  CHECK(text.out.find("standby on b, still down") == std::string::npos);
  const auto json = run_cli("compare " + d + "s.yaml --runs 50 --format json");
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["rows"][0]["down_at_horizon_runs"].get<int>() > 5);
  CHECK(doc["rows"][1]["down_at_horizon_runs"].get<int>() == 0);  // the standby serves by then
  fs::remove_all(dir);
}
