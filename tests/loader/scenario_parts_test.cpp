// A scenario made of parts (`include`): lists joined in include order, any other key once, no cycles,
// and every problem still at the file:line:column of the part it is in.
#include "loader/scenario_parts.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "loader/scenario_loader.hpp"
#include "tests/support/scenario_fixture.hpp"

namespace fs = std::filesystem;
using outagesim::loader::LoadResult;
using outagesim::testing::load_spec;
using outagesim::testing::scenario_yaml;

namespace {

// A folder of small YAML files, removed at the end.
class Parts {
 public:
  Parts() : dir_(fs::temp_directory_path() / ("outagesim-parts-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_ / "regions");
    fs::create_directories(dir_ / "incidents");
  }
  ~Parts() { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) const { std::ofstream(dir_ / name) << text; }
  LoadResult load(const std::string& name, const std::vector<std::string>& extra = {}) const {
    return outagesim::loader::load_scenario_file((dir_ / name).string(), extra);
  }
  std::string path(const std::string& name) const { return (dir_ / name).lexically_normal().string(); }

 private:
  fs::path dir_;
};

constexpr const char* kRegion = R"(components:
  - {name: feed-a, kind: power_feed, zone: a}
  - {name: vm-a, kind: compute, zone: a, needs: feed-a}
)";
constexpr const char* kIncident = R"(horizon: 6h
faults:
  - {at: "01:00", target: feed-a, action: fail}
)";
constexpr const char* kTenants = "tenants:\n  - {name: shop, needs: [vm-a]}\n";

}  // namespace

TEST_CASE("a scenario of parts loads as the same scenario written in one file", "[include]") {
  Parts p;
  p.write("regions/r.yaml", kRegion);
  p.write("incidents/i.yaml", kIncident);
  p.write("t.yaml", kTenants);
  p.write("s.yaml",
          "scenario: test\nstart: \"2022-01-01T00:00:00+00:00\"\n"
          "include: [regions/r.yaml, incidents/i.yaml, t.yaml]\n");
  const LoadResult parts = p.load("s.yaml");
  INFO(parts.render());
  REQUIRE(parts.ok());
  const auto whole = load_spec(scenario_yaml(
      std::string(kRegion) + kTenants + "faults:\n" + "  - {at: \"01:00\", target: feed-a, action: fail}\n",
      "6h"));
  CHECK(parts.spec->components.size() == whole.components.size());
  CHECK(parts.spec->tenants.size() == 1);
  CHECK(parts.spec->injections.size() == 1);
  CHECK(parts.spec->horizon == whole.horizon);
  CHECK(parts.parts.size() == 3);
}

TEST_CASE("lists are joined in include order, then the file's own", "[include]") {
  Parts p;
  p.write("regions/r.yaml", kRegion);
  p.write("more.yaml", "components:\n  - {name: vm-b, kind: compute, zone: a, needs: feed-a}\n");
  p.write("s.yaml",
          "scenario: test\nstart: \"2022-01-01T00:00:00+00:00\"\ninclude: [regions/r.yaml, more.yaml]\n"
          "components:\n  - {name: vm-c, kind: compute, zone: a, needs: feed-a}\n");
  const LoadResult loaded = p.load("s.yaml");
  INFO(loaded.render());
  REQUIRE(loaded.ok());
  REQUIRE(loaded.spec->components.size() == 4);
  CHECK(loaded.spec->components[0].name == "feed-a");
  CHECK(loaded.spec->components[2].name == "vm-b");
  CHECK(loaded.spec->components[3].name == "vm-c");
}

TEST_CASE("parts include parts, with paths relative to the including file", "[include]") {
  Parts p;
  p.write("regions/base.yaml", kRegion);
  p.write("regions/r.yaml", "include: [base.yaml]\n");
  p.write("s.yaml", "scenario: test\nstart: \"2022-01-01T00:00:00+00:00\"\ninclude: [regions/r.yaml]\n");
  const LoadResult loaded = p.load("s.yaml");
  INFO(loaded.render());
  REQUIRE(loaded.ok());
  CHECK(loaded.spec->components.size() == 2);
}

TEST_CASE("tenant files named on the command line come after the scenario's own", "[include]") {
  Parts p;
  p.write("t.yaml", "tenants:\n  - {name: bank, needs: [vm-a]}\n");
  p.write("s.yaml", scenario_yaml(std::string(kRegion) + kTenants));
  const LoadResult loaded = p.load("s.yaml", {p.path("t.yaml")});
  INFO(loaded.render());
  REQUIRE(loaded.ok());
  REQUIRE(loaded.spec->tenants.size() == 2);
  CHECK(loaded.spec->tenants[0].name == "shop");
  CHECK(loaded.spec->tenants[1].name == "bank");
  CHECK(loaded.content_hash != p.load("s.yaml").content_hash);
}

TEST_CASE("the content hash covers the included bytes", "[include]") {
  Parts p;
  p.write("regions/r.yaml", kRegion);
  p.write("s.yaml", scenario_yaml("include: [regions/r.yaml]\n"));
  const auto before = p.load("s.yaml").content_hash;
  p.write("regions/r.yaml", std::string(kRegion) + "# a comment\n");
  CHECK(p.load("s.yaml").content_hash != before);
}

TEST_CASE("a key other than a list given in two parts names both places", "[include]") {
  Parts p;
  p.write("incidents/i.yaml", kIncident);
  p.write("s.yaml", scenario_yaml(std::string(kRegion) + "include: [incidents/i.yaml]\n", "12h"));
  const std::string errors = p.load("s.yaml").render();
  CHECK(errors.find(p.path("s.yaml") + ":3:1: error: 'horizon' is given twice: here and at " +
                    p.path("incidents/i.yaml") + ":1:1") != std::string::npos);
}

TEST_CASE("each part may hold its own template of one name", "[include]") {
  Parts p;
  p.write("regions/r.yaml", R"(x-vm: &vm {kind: compute, zone: a}
components:
  - {name: feed-a, kind: power_feed, zone: a}
  - {name: vm-a, <<: *vm, needs: feed-a}
)");
  p.write("s.yaml", scenario_yaml(R"(include: [regions/r.yaml]
x-vm: &vm {kind: compute, zone: b}
components:
  - {name: vm-b, <<: *vm, needs: feed-a}
)"));
  const LoadResult loaded = p.load("s.yaml");
  INFO(loaded.render());
  REQUIRE(loaded.ok());
  REQUIRE(loaded.spec->components.size() == 3);
  CHECK(loaded.spec->components[1].zone == "a");  // each part's merge uses its own file's anchor
  CHECK(loaded.spec->components[2].zone == "b");
}

TEST_CASE("a template given twice in one part names that part's first, not another part's", "[include]") {
  Parts p;
  p.write("regions/r.yaml", std::string("x-t: {}\n") + kRegion);
  p.write("s.yaml", scenario_yaml("include: [regions/r.yaml]\nx-t: {}\nx-t: {}\n"));
  const std::string errors = p.load("s.yaml").render();
  CHECK_THAT(errors, Catch::Contains(p.path("s.yaml") + ":6:1: error: 'x-t' is given twice: here and at " +
                                     p.path("s.yaml") + ":5:1"));
}

TEST_CASE("a merge key at the top of a part is refused, not read as one more key", "[include]") {
  // Regression: the part's horizon and faults came in through `<<` and were silently lost to the
  // scenario's own.
  Parts p;
  p.write("incidents/i.yaml", "x-incident: &incident\n  horizon: 2h\n<<: *incident\n");
  p.write("s.yaml", scenario_yaml(std::string(kRegion) + "include: [incidents/i.yaml]\n", "12h"));
  const std::string errors = p.load("s.yaml").render();
  CHECK_THAT(errors,
             Catch::Contains(p.path("incidents/i.yaml") +
                             ":3:1: error: a merge key ('<<') at the top level of a scenario made of parts"));
}

TEST_CASE("the alias budget is the whole scenario's, all parts together", "[include]") {
  // Regression: each part had its own budget, so 60 parts expanded 60 times past it (2.6 GB).
  Parts p;
  std::string names = "[";
  for (int k = 0; k < 2000; ++k) names += (k ? ", c" : "c") + std::to_string(k);
  names += "]";
  std::string region = "components:\n  - {name: feed, kind: power_feed}\n";
  for (int k = 0; k < 2000; ++k)
    region += "  - {name: c" + std::to_string(k) + ", kind: compute, needs: feed}\n";
  p.write("regions/r.yaml", region);
  std::string include = "include: [regions/r.yaml";
  for (int part = 0; part < 4; ++part) {
    // Each part repeats a list of 2,000 names 300 times: 600,000 entries, under the budget on its own.
    std::string tenants = "x-all: &all " + names + "\ntenants:\n";
    for (int t = 0; t < 300; ++t)
      tenants += "  - {name: t" + std::to_string(part) + "-" + std::to_string(t) + ", needs: *all}\n";
    p.write("t" + std::to_string(part) + ".yaml", tenants);
    include += ", t" + std::to_string(part) + ".yaml";
  }
  p.write("one.yaml", scenario_yaml("include: [regions/r.yaml, t0.yaml]\n"));
  CHECK(p.load("one.yaml").ok());
  p.write("s.yaml", scenario_yaml(include + "]\n"));
  const std::string errors = p.load("s.yaml").render();
  CHECK_THAT(errors, Catch::Contains("error: YAML aliases (*name) repeat so much that the scenario expands"));
  CHECK_THAT(errors, Catch::Contains("1 problem found"));
}

TEST_CASE("a problem in a part is reported at the part's line, dangling references too", "[include]") {
  Parts p;
  p.write("regions/r.yaml",
          std::string(kRegion) + "  - {name: vm-b, kind: compute, zone: a, needs: feed-x}\n");
  p.write("incidents/i.yaml",
          "faults:\n  - {at: \"01:00\", target: feed-b, action: fail}\n  - {at: \"02:00\", "
          "target: feed-a, action: fial}\n");
  p.write("s.yaml", scenario_yaml("include: [regions/r.yaml, incidents/i.yaml]\n"));
  const std::string errors = p.load("s.yaml").render();
  INFO(errors);
  CHECK(errors.find(p.path("regions/r.yaml") + ":4:") != std::string::npos);
  CHECK(errors.find(p.path("incidents/i.yaml") + ":2:") != std::string::npos);
  CHECK(errors.find(p.path("incidents/i.yaml") + ":3:") != std::string::npos);
  CHECK(errors.find("  - {at: \"01:00\", target: feed-b") != std::string::npos);  // the part's own line
}

TEST_CASE("an unknown key in a part is an error at the part", "[include]") {
  Parts p;
  p.write("regions/r.yaml", std::string(kRegion) + "componets: []\n");
  p.write("s.yaml", scenario_yaml("include: [regions/r.yaml]\n"));
  const std::string errors = p.load("s.yaml").render();
  CHECK(errors.find(p.path("regions/r.yaml") + ":4:1: error: unknown key 'componets'") != std::string::npos);
}

TEST_CASE("an include cycle is refused, naming the files", "[include]") {
  Parts p;
  p.write("a.yaml", "include: [b.yaml]\n");
  p.write("b.yaml", "include: [a.yaml]\n");
  p.write("s.yaml", scenario_yaml("include: [a.yaml]\n"));
  const std::string errors = p.load("s.yaml").render();
  CHECK(errors.find(p.path("b.yaml") + ":1:11: error: including '" + p.path("a.yaml") +
                    "' makes a cycle: a.yaml -> b.yaml -> a.yaml") != std::string::npos);
}

TEST_CASE("a missing part and a bad include list are errors at the include", "[include]") {
  Parts p;
  p.write("s.yaml", scenario_yaml("include: [nope.yaml, {a: 1}]\n"));
  const std::string errors = p.load("s.yaml").render();
  INFO(errors);
  CHECK(errors.find(":4:11: error: included file '" + p.path("nope.yaml") + "': no such file") !=
        std::string::npos);
  // Blind trial N: which folder the path was taken from.
  CHECK(errors.find("(the path 'nope.yaml' is taken from '") != std::string::npos);
  CHECK(errors.find(":4:22: error: an entry of 'include' is not a file path") != std::string::npos);
}

TEST_CASE("parts nest no deeper than the limit", "[include]") {
  Parts p;
  for (int i = 0; i <= outagesim::loader::kMaxIncludeDepth + 1; ++i) {
    p.write(fmt::format("p{}.yaml", i), fmt::format("include: [p{}.yaml]\n", i + 1));
  }
  p.write("s.yaml", scenario_yaml("include: [p0.yaml]\n"));
  CHECK(p.load("s.yaml").render().find("included parts nest more than 8 levels deep") != std::string::npos);
}

TEST_CASE("a YAML error in a part is at the part's own line", "[include]") {
  Parts p;
  p.write("bad.yaml", "components:\n  - {name: a\n");
  p.write("s.yaml", scenario_yaml("include: [bad.yaml]\n"));
  const std::string errors = p.load("s.yaml").render();
  INFO(errors);
  CHECK(errors.find(p.path("bad.yaml") + ":3:1: error: YAML syntax error") != std::string::npos);
}

TEST_CASE("an empty part is named", "[include]") {
  Parts p;
  p.write("empty.yaml", "# nothing yet\n");
  p.write("s.yaml", scenario_yaml(std::string(kRegion) + "include: [empty.yaml]\n"));
  CHECK(p.load("s.yaml").render().find(p.path("empty.yaml") + ": error: the included part is empty") !=
        std::string::npos);
}

TEST_CASE("a part must be a regular file, not a device that never ends", "[include]") {
  Parts p;
  p.write("s.yaml", scenario_yaml(std::string(kRegion) + "include: [/dev/zero]\n"));
  CHECK(p.load("s.yaml").render().find("included file '/dev/zero' is not a regular file") !=
        std::string::npos);
}

TEST_CASE("a part named .json is read as JSON, with the problems and places the YAML reader gives",
          "[include]") {
  Parts p;
  // The same components written in JSON, with a mistake on the third line and a dangling need on the
  // fourth; once named .json (the JSON reader), once .yaml (yaml-cpp, which reads JSON as YAML).
  const std::string json =
      "{\"components\": [\n"
      "  {\"name\": \"feed-a\", \"kind\": \"power_feed\", \"zone\": \"a\"},\n"
      "  {\"name\": \"vm-a\", \"kind\": \"compute\", \"zone\": \"a\", \"neds\": \"feed-a\"},\n"
      "  {\"name\": \"vm-b\", \"kind\": \"compute\", \"zone\": \"a\", \"needs\": \"feed-x\"}\n"
      "]}\n";
  p.write("r.json", json);
  p.write("r.yaml", json);
  p.write("j.yaml", scenario_yaml("include: [r.json]\n"));
  p.write("y.yaml", scenario_yaml("include: [r.yaml]\n"));
  const std::string from_json = p.load("j.yaml").render();
  std::string from_yaml = p.load("y.yaml").render();
  for (std::size_t at; (at = from_yaml.find("r.yaml")) != std::string::npos;)
    from_yaml.replace(at, 6, "r.json");
  INFO(from_json);
  CHECK(from_json.find(p.path("r.json") + ":3:52: error: unknown key 'neds'") != std::string::npos);
  CHECK(from_json.find(p.path("r.json") + ":4:61: error: 'needs' of component 'vm-b'") != std::string::npos);
  CHECK(from_json == from_yaml);

  // Fixed, it loads as the same scenario written in YAML.
  p.write("r.json",
          "{\"components\": [{\"name\": \"feed-a\", \"kind\": \"power_feed\", \"zone\": \"a\"},\n"
          "  {\"name\": \"vm-a\", \"kind\": \"compute\", \"zone\": \"a\", \"needs\": \"feed-a\"}]}\n");
  p.write("t.yaml", kTenants);
  p.write("s.yaml", scenario_yaml("include: [r.json, t.yaml]\n"));
  const LoadResult parts = p.load("s.yaml");
  INFO(parts.render());
  REQUIRE(parts.ok());
  REQUIRE(parts.spec->components.size() == 2);
  CHECK(parts.spec->components[1].name == "vm-a");
  CHECK(parts.spec->tenants.size() == 1);
}

TEST_CASE("a .json part that is not JSON is read as YAML, and its errors are YAML's", "[include]") {
  Parts p;
  p.write("flow.json", "components: [{name: feed-a, kind: power_feed, zone: a}]\n");  // YAML, not JSON
  p.write("bad.json", "{\"components\": [{\"name\": \"a\"\n");
  p.write("s.yaml", scenario_yaml("include: [flow.json]\n"));
  p.write("b.yaml", scenario_yaml("include: [bad.json]\n"));
  const LoadResult flow = p.load("s.yaml");
  INFO(flow.render());
  REQUIRE(flow.ok());
  CHECK(flow.spec->components.size() == 1);
  const std::string errors = p.load("b.yaml").render();
  INFO(errors);
  CHECK(errors.find(p.path("bad.json") + ":2:1: error: YAML syntax error") != std::string::npos);
}
