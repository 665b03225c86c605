// Relative paths in a scenario are read from the folder of the file it is, through a symbolic link.
#include "loader/relative_paths.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "loader/scenario_loader.hpp"

namespace fs = std::filesystem;
using outagesim::loader::folder_for_relative_paths;

namespace {
// A folder `real` with a scenario and its side files, and a folder `links` with a link to the scenario.
class LinkedScenario {
 public:
  LinkedScenario() : dir_(fs::temp_directory_path() / ("outagesim-relative-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_ / "real");
    fs::create_directories(dir_ / "links");
    std::ofstream(dir_ / "real" / "scenario.yaml") << R"(scenario: linked
start: 2022-01-01T00:00:00+00:00
horizon: 6h
include: [region.yaml]
tenant_table: tenants.jsonl
)";
    std::ofstream(dir_ / "real" / "region.yaml") << "components:\n  - {name: vm, kind: compute}\n";
    std::ofstream(dir_ / "real" / "tenants.jsonl") << R"({"name": "shop", "needs": ["vm"]})"
                                                   << "\n";
    fs::create_symlink(dir_ / "real" / "scenario.yaml", dir_ / "links" / "scenario.yaml");
  }
  ~LinkedScenario() { fs::remove_all(dir_); }
  fs::path path(const std::string& name) const { return dir_ / name; }

 private:
  fs::path dir_;
};
}  // namespace

TEST_CASE("a scenario's relative paths are read from its folder, and through a link from the target's") {
  const LinkedScenario files;
  CHECK(folder_for_relative_paths(files.path("real/scenario.yaml").string()) == files.path("real"));
  CHECK(fs::equivalent(folder_for_relative_paths(files.path("links/scenario.yaml").string()),
                       files.path("real")));
  // A file that is not there keeps its own folder, for the error that names it.
  CHECK(folder_for_relative_paths(files.path("links/missing.yaml").string()) == files.path("links"));
  CHECK(folder_for_relative_paths("scenario.yaml").empty());
}

TEST_CASE("a scenario named by a link loads its parts and tenant table from beside the file it leads to") {
  const LinkedScenario files;
  for (const char* name : {"real/scenario.yaml", "links/scenario.yaml"}) {
    const auto loaded = outagesim::loader::load_scenario_file(files.path(name).string());
    INFO(name);
    REQUIRE(loaded.diagnostics.empty());
    REQUIRE(loaded.spec);
    CHECK(loaded.spec->components.size() == 1);
    REQUIRE(loaded.spec->tenants.size() == 1);
    CHECK(loaded.spec->tenants[0].name == "shop");
  }
}
