// `outagesim generate` as a user meets it: a small region that validates and runs, the same bytes for the
// same seed, the zone-a plant failure taking down zone-a tenants and not the spread ones, usage errors.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;
using outagesim::testing::unique_temp_path;

namespace {
std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}
}  // namespace

TEST_CASE("generate writes a region that validates, runs, and is the same for the same seed") {
  const auto first = unique_temp_path("generated-1.yaml");
  const auto second = unique_temp_path("generated-2.yaml");
  const auto other = unique_temp_path("generated-3.yaml");
  const std::string shape = "generate --zones 3 --rooms 2 --hosts 4 --services 18 --tenants 60 ";
  REQUIRE(run_cli(shape + "--seed 7 -o " + first.string()).status == 0);
  REQUIRE(run_cli(shape + "--seed 7 -o " + second.string()).status == 0);
  REQUIRE(run_cli(shape + "--seed 8 -o " + other.string()).status == 0);
  const std::string text = read_file(first);
  CHECK(text == read_file(second));
  CHECK(text != read_file(other));
  CHECK(run_cli(shape + "--seed 7").out == text);  // stdout gets the same bytes

  const auto validated = run_cli("validate " + first.string());
  CHECK(validated.status == 0);
  CHECK(validated.out.find(": ok (") != std::string::npos);

  const auto ran = run_cli("run --format json " + first.string());
  REQUIRE(ran.status == 0);
  const auto result = nlohmann::json::parse(ran.out);
  int zone_a_down = 0;
  int spread = 0;
  for (const auto& tenant : result["tenants"]) {
    const std::string name = tenant["name"];
    const double down_s = tenant["downtime_s"];
    // The plant of zone a is out from 1h to 7h: its halls overheat and their hosts shut down.
    if (starts_with(name, "zonal-a-") && down_s > 3600) ++zone_a_down;
    // Spread tenants need all but one of their zones, active-active ones either site: never down.
    if (starts_with(name, "spread-") || starts_with(name, "active-")) {
      ++spread;
      CHECK(down_s == 0);
    }
    if (starts_with(name, "zonal-b-") || starts_with(name, "zonal-c-")) CHECK(down_s == 0);
  }
  CHECK(zone_a_down > 0);
  CHECK(spread > 0);
  std::filesystem::remove(first);
  std::filesystem::remove(second);
  std::filesystem::remove(other);
}

TEST_CASE("generate refuses counts out of range with a usage error") {
  const auto zero = run_cli("generate --zones 0");
  CHECK(zero.status == 2);
  CHECK(zero.err.find("--zones") != std::string::npos);
  CHECK(run_cli("generate --zones 27").status == 2);
  CHECK(run_cli("generate --tenants 0").status == 2);
  CHECK(run_cli("generate --rooms -1").status == 2);
  CHECK(run_cli("generate --hosts 10001").status == 2);
  CHECK(run_cli("generate --seed -1").status == 2);
  const auto too_few = run_cli("generate --zones 3 --services 2");
  CHECK(too_few.status == 2);
  CHECK(too_few.err ==
        "outagesim generate: --services (2) must be at least --zones (3): every zone needs a compute "
        "service for its tenants\n");
  CHECK(run_cli("generate -o /no-such-dir/big.yaml").status == 2);
}

TEST_CASE("generate refuses a region too big to load and leaves the files that were there") {
  // Regression (session 21's probe): it wrote 127 MB over the old -o file, then said it could not be
  // loaded.
  const auto scenario = unique_temp_path("too-big.yaml");
  const auto part = unique_temp_path("too-big.json");
  std::ofstream(scenario) << "precious\n";
  const auto r = run_cli("generate --zones 26 --rooms 10 --hosts 100 --services 1000000 --tenants 10 -o " +
                         scenario.string() + " --component-part " + part.string());
  CHECK(r.status == 2);
  CHECK(r.err.find("it could not be loaded, and nothing was written") != std::string::npos);
  CHECK(read_file(scenario) == "precious\n");
  CHECK_FALSE(std::filesystem::exists(part));
  // No staged file is left beside it.
  for (const auto& entry : std::filesystem::directory_iterator(scenario.parent_path())) {
    const std::string name = entry.path().filename().string();
    CHECK_FALSE((name.find("too-big") != std::string::npos && name.ends_with(".partial")));
  }
  const auto out = run_cli("generate --zones 26 --rooms 10 --hosts 100 --services 1000000 --tenants 10");
  CHECK(out.status == 2);
  CHECK(out.out.empty());
}

TEST_CASE("generate -o through a symbolic link writes the file it points to and keeps the link") {
  // Regression: the staged file was renamed over the link, which replaced the link with a plain file.
  const auto target = unique_temp_path("link-target.yaml");
  const auto link = unique_temp_path("link.yaml");
  std::ofstream(target) << "old\n";
  std::filesystem::create_symlink(target, link);
  const std::string shape = "generate --zones 1 --rooms 1 --hosts 2 --services 3 --tenants 4 --seed 3 ";
  REQUIRE(run_cli(shape + "-o " + link.string()).status == 0);
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_file(target) == run_cli(shape).out);
  // Side files are named from the folder of the file written, not the link's (session 22's review).
  const auto elsewhere = unique_temp_path("link-elsewhere");
  std::filesystem::create_directories(elsewhere);
  const auto far = elsewhere / "real.yaml";
  std::ofstream(far) << "old\n";
  const auto far_link = unique_temp_path("far-link.yaml");
  std::filesystem::create_symlink(far, far_link);
  const auto table = elsewhere / "t.jsonl";
  REQUIRE(run_cli(shape + "-o " + far_link.string() + " --tenant-table " + table.string()).status == 0);
  CHECK(run_cli("validate " + far.string()).status == 0);
  // And the link loads as well: the loader reads relative paths from beside the file it leads to.
  CHECK(run_cli("validate " + far_link.string()).status == 0);
  // A link to a file not there yet, by a relative target (session 23: the table was named "").
  const auto new_far = elsewhere / "new.yaml";
  const auto new_link = unique_temp_path("new-link.yaml");
  std::filesystem::create_symlink(std::filesystem::relative(new_far, new_link.parent_path()), new_link);
  const auto new_table = elsewhere / "new.jsonl";
  REQUIRE(run_cli(shape + "-o " + new_link.string() + " --tenant-table " + new_table.string()).status == 0);
  CHECK(read_file(new_far).find("tenant_table: new.jsonl") != std::string::npos);
  CHECK(run_cli("validate " + new_far.string()).status == 0);
  CHECK(run_cli("validate " + new_link.string()).status == 0);
}

TEST_CASE("generate --tenant-table gives the same tenants and the same downtime as the YAML it replaces") {
  const auto dir = unique_temp_path("table");
  std::filesystem::create_directories(dir / "tables");
  const std::string shape = "generate --zones 3 --rooms 2 --hosts 4 --services 18 --tenants 300 --seed 5 ";
  REQUIRE(run_cli(shape + "-o " + (dir / "yaml.yaml").string()).status == 0);
  REQUIRE(run_cli(shape + "-o " + (dir / "table.yaml").string() + " --tenant-table " +
                  (dir / "tables" / "t.jsonl").string())
              .status == 0);
  CHECK(read_file(dir / "table.yaml").find("tenant_table: tables/t.jsonl") != std::string::npos);
  const auto a = run_cli("run " + (dir / "yaml.yaml").string() + " --format json --summary");
  const auto b = run_cli("run " + (dir / "table.yaml").string() + " --format json --summary");
  REQUIRE(a.status == 0);
  REQUIRE(b.status == 0);
  // Tenants with a strategy stay in the YAML, so the order differs: compare by name.
  std::map<std::string, std::int64_t> yaml_downtime;
  std::map<std::string, std::int64_t> table_downtime;
  const auto yaml_doc = nlohmann::json::parse(a.out);
  const auto table_doc = nlohmann::json::parse(b.out);
  for (const auto& t : yaml_doc["tenants"]) yaml_downtime[t["name"]] = t["downtime_s"];
  for (const auto& t : table_doc["tenants"]) table_downtime[t["name"]] = t["downtime_s"];
  CHECK(yaml_downtime.size() == 300);
  CHECK(yaml_downtime == table_downtime);
  std::filesystem::remove_all(dir);
}

TEST_CASE("generate --component-part writes the components to a JSON part and the run is the same") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("outagesim-e2e-part-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "parts");
  // 33,000 tenants make more than 65,536 vertices: the run builds its components and orders them on two
  // threads (simulation.cpp), which must not change a byte either.
  const std::string shape = "generate --zones 3 --rooms 2 --hosts 4 --services 30 --tenants 33000 --seed 3 ";
  // The tenants in tables, which load fast (under the sanitizers too).
  REQUIRE(
      run_cli(shape + "-o " + (dir / "yaml.yaml").string() + " --tenant-table " + (dir / "y.jsonl").string())
          .status == 0);
  REQUIRE(run_cli(shape + "-o " + (dir / "part.yaml").string() + " --tenant-table " +
                  (dir / "p.jsonl").string() + " --component-part " + (dir / "parts" / "c.json").string())
              .status == 0);
  const std::string scenario = read_file(dir / "part.yaml");
  CHECK(scenario.find("include: [parts/c.json]") != std::string::npos);
  CHECK(scenario.find("\ncomponents:") == std::string::npos);
  CHECK(starts_with(read_file(dir / "parts" / "c.json"), "{\"components\": [\n{\"name\": \"utility-a\""));
  const auto a = run_cli("run " + (dir / "yaml.yaml").string() + " --format json --summary");
  const auto b = run_cli("run " + (dir / "part.yaml").string() + " --format json --summary");
  REQUIRE(a.status == 0);
  REQUIRE(b.status == 0);
  auto yaml_doc = nlohmann::json::parse(a.out);
  auto part_doc = nlohmann::json::parse(b.out);
  CHECK(yaml_doc["tenants"].size() == 33000);
  for (const char* differs : {"file", "scenario_hash"}) {  // the file's name; the part's and table's bytes
    yaml_doc.erase(differs);
    part_doc.erase(differs);
  }
  CHECK(yaml_doc == part_doc);

  const auto refused = run_cli("generate --component-part " + (dir / "c.yaml").string());
  CHECK(refused.status == 2);
  CHECK(refused.err.find("--component-part") != std::string::npos);
  CHECK(refused.err.find("must end in .json") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("generate quotes a table or part name that YAML would read otherwise") {
  // Regression (session 17): `--tenant-table 'a: b.jsonl'` wrote `tenant_table: a: b.jsonl`, and the
  // scenario generate had just written did not load.
  const auto dir =
      std::filesystem::temp_directory_path() / ("outagesim-e2e-quoted-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string scenario = (dir / "g.yaml").string();
  REQUIRE(run_cli("generate --zones 1 --rooms 1 --hosts 2 --services 3 --tenants 20 --seed 1 -o " + scenario +
                  " --tenant-table '" + (dir / "a: b.jsonl").string() + "' --component-part '" +
                  (dir / "c, #d.json").string() + "'")
              .status == 0);
  const std::string text = read_file(scenario);
  CHECK(text.find("tenant_table: \"a: b.jsonl\"") != std::string::npos);
  CHECK(text.find("include: [\"c, #d.json\"]") != std::string::npos);
  const auto validated = run_cli("validate " + scenario);
  CHECK(validated.status == 0);
  CHECK(validated.out.find("20 tenants") != std::string::npos);
  std::filesystem::remove_all(dir);
}
