// Tests for loader/tenant_table_reader.cpp: tenants from a JSON Lines table, read as the same tenants in
// YAML would be, and every problem at the table's line and column.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace fs = std::filesystem;
namespace m = outagesim::models;

namespace {

constexpr const char* kRegion = R"(
slas:
  - {name: gold, target_pct: 99.9, period: 30d, credits: [{below_pct: 99.9, credit_pct: 10}]}
components:
  - {name: feed-a, kind: power_feed, zone: a}
  - {name: feed-b, kind: power_feed, zone: b}
  - {name: vm-a, kind: compute, zone: a, needs: feed-a}
  - {name: vm-b, kind: compute, zone: b, needs: feed-b}
faults:
  - {at: "01:00", target: feed-a, action: fail}
  - {at: "03:00", target: feed-a, action: repair}
)";

// A scenario in a folder of its own, with `table` as tenants.jsonl next to it.
class TableScenario {
 public:
  TableScenario() : dir_(fs::temp_directory_path() / ("outagesim-table-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
  }
  ~TableScenario() { fs::remove_all(dir_); }

  outagesim::loader::LoadResult load(const std::string& table, const std::string& yaml_tenants = "") {
    std::ofstream(dir_ / "tenants.jsonl") << table;
    std::ofstream(dir_ / "s.yaml") << scenario_yaml(std::string(kRegion) + yaml_tenants +
                                                    "tenant_table: tenants.jsonl\n");
    return outagesim::loader::load_scenario_file((dir_ / "s.yaml").string());
  }
  std::string table_path() const { return (dir_ / "tenants.jsonl").lexically_normal().string(); }

 private:
  fs::path dir_;
};

}  // namespace

TEST_CASE("a tenant table gives the tenants the same YAML gives", "[tenant_table]") {
  TableScenario s;
  const auto table = s.load(
      R"({"name": "shop", "sla": "gold", "needs": ["vm-a"], "recovery": [{"step": "warm", "duration": "30m"}]})"
      "\n\n"
      R"({"name": "bank", "needs": {"k": 1, "of": ["vm-a", "vm-b"]}})"
      "\r\n"
      R"({"name": "office", "functions": [{"name": "mail", "needs": "vm-b"}, {"name": "files", "needs": {"any_of": ["vm-a"]}, "recovery": "5m"}]})"
      "\n");
  REQUIRE(table.ok());
  const m::ScenarioSpec yaml = load_spec(scenario_yaml(std::string(kRegion) + R"(
tenants:
  - {name: shop, sla: gold, needs: [vm-a], recovery: [{step: warm, duration: 30m}]}
  - {name: bank, needs: {k: 1, of: [vm-a, vm-b]}}
  - name: office
    functions:
      - {name: mail, needs: vm-b}
      - {name: files, needs: {any_of: [vm-a]}, recovery: 5m}
)"));
  const m::ScenarioSpec& spec = *table.spec;
  REQUIRE(spec.tenants.size() == 3);
  const m::RunResult a = m::simulate(spec, 1);
  const m::RunResult b = m::simulate(yaml, 1);
  for (std::size_t t = 0; t < 3; ++t) {
    INFO(spec.tenants[t].name);
    CHECK(spec.tenants[t].name == yaml.tenants[t].name);
    CHECK(spec.tenants[t].sla == yaml.tenants[t].sla);
    CHECK(spec.tenants[t].functions.size() == yaml.tenants[t].functions.size());
    CHECK(a.downtime(spec.tenants[t].id) == b.downtime(yaml.tenants[t].id));
  }
  CHECK(a.downtime(spec.tenants[0].id) == outagesim::sim::Time::minutes(150));  // 01:00 to 03:00, +30m
  CHECK(spec.tenants[2].functions[1].recovery.at(0).duration == outagesim::sim::Time::minutes(5));
}

TEST_CASE("a tenant table's problems are reported at its own line and column", "[tenant_table]") {
  TableScenario s;
  const auto errors = [&](const std::string& table, const std::string& yaml_tenants = "") {
    const auto r = s.load(table, yaml_tenants);
    REQUIRE_FALSE(r.ok());
    return r.render();
  };
  const std::string at = s.table_path();
  // Regression: a lone surrogate escape read "is a string", expected "a string".
  CHECK_THAT(errors("{\"name\": \"a\\ud800\", \"needs\": \"vm-a\"}\n"),
             Catch::Contains("the name of a tenant is a string with an escape that makes no character"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": [\"vm-a\"]}\n{\"name\": \"b\", \"neds\": [\"vm-a\"]}\n"),
             Catch::Contains(at + ":2:15: error: unknown key 'neds' in a tenant; did you mean 'needs'?"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": [\"vm-c\"]}\n"),
             Catch::Contains(at + ":1:25: error: 'needs' names 'vm-c', which is no component"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": [\"vm-a\"]\n"), Catch::Contains(at + ":1:"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": []}\n"), Catch::Contains("is an empty list"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": {\"k\": 2, \"of\": [\"vm-a\", \"vm-a\"]}}\n"),
             Catch::Contains("lists 'vm-a' twice"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": {\"k\": 3, \"of\": [\"vm-a\", \"vm-b\"]}}\n"),
             Catch::Contains("asks for k = 3 of only 2"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": \"vm-a\", \"functions\": [{\"name\": \"f\", \"needs\": "
                    "\"vm-a\"}]}\n"),
             Catch::Contains("has 'functions' and also 'needs'"));
  // Regression (session 17): text after a whole object was "the line is not one JSON object (JSON
  // document ended early ...)" at column 1.
  // With its line and a caret, as a YAML problem is shown (session 17).
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": \"vm-a\"} x\n"),
             Catch::Contains(at + ":1:32: error: text follows the tenant's object\n"
                                  " 1 | {\"name\": \"a\", \"needs\": \"vm-a\"} x\n"
                                  "   |                                ^\n"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": {\"k\": 1, \"of\": [\"vm-a\"]}}  {\"x\": 1}\n"),
             Catch::Contains(at + ":1:51: error: text follows the tenant's object"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": \"vm-a\" x}\n"),
             Catch::Contains(at + ":1:1: error: the tenant's object is malformed"));
  // A byte order mark is skipped; columns still count it.
  CHECK_THAT(errors("\xEF\xBB\xBF{\"name\": \"a\", \"neds\": \"vm-a\"}\n"),
             Catch::Contains(at + ":1:18: error: unknown key 'neds'"));
  CHECK_THAT(errors("{\"name\": \"a/b\", \"needs\": \"vm-a\"}\n"), Catch::Contains("('a/b') contains '/'"));
  CHECK_THAT(errors("{\"name\": \"a\", \"sla\": \"gld\", \"needs\": \"vm-a\"}\n"),
             Catch::Contains("did you mean 'gold'?"));
  CHECK_THAT(errors("{\"needs\": \"vm-a\"}\n"), Catch::Contains("lacks the required key 'name'"));
  CHECK_THAT(errors("{\"name\": \"a\", \"needs\": \"vm-a\", \"recovery\": \"soon\"}\n"),
             Catch::Contains("'recovery' is 'soon', not a valid duration"));
  CHECK_THAT(errors("[1, 2]\n"), Catch::Contains(at + ":1:1: error: the line is not one JSON object"));
  // A name taken in the YAML, or twice in the table.
  CHECK_THAT(
      errors("{\"name\": \"shop\", \"needs\": \"vm-a\"}\n", "tenants:\n  - {name: shop, needs: vm-b}\n"),
      Catch::Contains(at + ":1:1: error: tenant name 'shop' is already used"));
  CHECK_THAT(errors("{\"name\": \"vm-a\", \"needs\": \"vm-b\"}\n"), Catch::Contains("is already used"));
  // Every bad line is reported, not only the first.
  const std::string two =
      errors("{\"name\": 1}\n{\"name\": \"ok\", \"needs\": \"vm-a\"}\n{\"nam\": \"x\"}\n");
  CHECK_THAT(two, Catch::Contains(at + ":1:"));
  CHECK_THAT(two, Catch::Contains(at + ":3:"));
  CHECK_THAT(errors(""), Catch::Contains("has no tenants"));
}

// From a megabyte on, a table's halves are read on two threads (tenant_table_reader.cpp): tenants, problems
// and their order must be those of reading it line by line.
TEST_CASE("a big tenant table read on two threads gives the tenants and problems in line order",
          "[tenant_table]") {
  // Read in chunks of 1 MB, from both ends at once, meeting wherever the threads happen to meet: the
  // tenants and the problems must come out in line order all the same, wherever they lie.
  TableScenario s;
  constexpr int kLines = 150000;  // about 7 MB
  const auto table = [](const std::map<int, std::string>& replaced) {
    std::string text;
    for (int line = 1; line <= kLines; ++line) {
      const auto it = replaced.find(line);
      text += it != replaced.end()
                  ? it->second
                  : "{\"name\": \"tenant-" + std::to_string(line) + "\", \"needs\": \"vm-a\"}";
      text += '\n';
    }
    return text;
  };
  const auto good = s.load(table({}));
  REQUIRE(good.ok());
  REQUIRE(good.spec->tenants.size() == kLines);
  // In line order, whichever thread read them.
  int out_of_order = 0;
  for (int i = 0; i < kLines; ++i)
    out_of_order += good.spec->tenants[i].name != "tenant-" + std::to_string(i + 1);
  CHECK(out_of_order == 0);

  const auto bad = s.load(table({{3, "{\"name\": \"a\", \"neds\": \"vm-a\"}"},
                                 {kLines / 3, "{\"name\": \"tenant-2\", \"needs\": \"vm-a\"}"},
                                 {kLines / 2, "{\"name\": \"c\", \"needs\": \"vm-a\", \"sla\": \"silver\"}"},
                                 {kLines - 9, "{\"name\": \"b\", \"needs\": \"vm-c\"}"},
                                 {kLines - 7, "{\"name\": \"vm-a\", \"needs\": \"vm-b\"}"},
                                 {kLines - 5, "{\"name\": \"tenant-1\", \"needs\": \"vm-a\"}"},
                                 {kLines - 4, "[1]"},
                                 {kLines - 1, "{\"name\": \"tenant-1\", \"needs\": \"vm-b\"}"}}));
  REQUIRE_FALSE(bad.ok());
  std::vector<std::pair<int, std::string>> seen;
  for (const auto& d : bad.diagnostics) seen.emplace_back(d.line, d.message);
  REQUIRE(seen.size() == 8);
  CHECK(seen[0] == std::pair<int, std::string>{3, "unknown key 'neds' in a tenant; did you mean 'needs'?"});
  CHECK(seen[1] == std::pair<int, std::string>{kLines / 3, "tenant name 'tenant-2' is already used"});
  CHECK(seen[2].first == kLines / 2);
  CHECK(seen[3].first == kLines - 9);
  // A component's name, found on the second thread, reported in line order.
  CHECK(seen[4] == std::pair<int, std::string>{kLines - 7, "tenant name 'vm-a' is already used"});
  CHECK(seen[5] == std::pair<int, std::string>{kLines - 5, "tenant name 'tenant-1' is already used"});
  CHECK(seen[6].first == kLines - 4);
  // Problems found on either thread keep their line's text, for the caret.
  CHECK(bad.diagnostics[3].source_line == "{\"name\": \"b\", \"needs\": \"vm-c\"}");
  CHECK(bad.diagnostics[6].source_line == "[1]");
  CHECK(seen[7] == std::pair<int, std::string>{kLines - 1, "tenant name 'tenant-1' is already used"});
}

TEST_CASE("a tenant table that is not there is reported at the key that names it", "[tenant_table]") {
  const std::string text = load_errors(scenario_yaml(std::string(kRegion) + "tenant_table: nowhere.jsonl\n"));
  CHECK_THAT(text, Catch::Contains("'tenant_table': no such file"));
  // Regression (session 17): a folder or a device was "no such file" too.
  CHECK_THAT(load_errors(scenario_yaml(std::string(kRegion) + "tenant_table: /tmp\n")),
             Catch::Contains("'tenant_table': '/tmp' is a folder, not a file"));
  CHECK_THAT(load_errors(scenario_yaml(std::string(kRegion) + "tenant_table: /dev/zero\n")),
             Catch::Contains("'tenant_table': '/dev/zero' is not a regular file"));
  // Regression: a key with no value (a forgotten path) read as no table, and every tenant vanished.
  CHECK_THAT(load_errors(scenario_yaml(std::string(kRegion) + "tenant_table:\n")),
             Catch::Contains("'tenant_table' is nothing"));
  CHECK_THAT(load_errors(scenario_yaml(std::string(kRegion) + "tenant_table: ~\n")),
             Catch::Contains("'tenant_table' is nothing"));
}

TEST_CASE("a tenant table may start with a byte order mark", "[tenant_table]") {
  TableScenario s;
  const auto r = s.load("\xEF\xBB\xBF{\"name\": \"a\", \"needs\": \"vm-a\"}\n");
  REQUIRE(r.ok());
  CHECK(r.spec->tenants.back().name == "a");
}

TEST_CASE("the scenario's content hash covers its tenant table", "[tenant_table]") {
  TableScenario s;
  const auto a = s.load("{\"name\": \"a\", \"needs\": \"vm-a\"}\n");
  const auto b = s.load("{\"name\": \"a\", \"needs\": \"vm-b\"}\n");
  const auto again = s.load("{\"name\": \"a\", \"needs\": \"vm-a\"}\n");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.content_hash != b.content_hash);
  CHECK(a.content_hash == again.content_hash);
}
