// The region template's `import` key: read into an ImportPlacement, checked like every other key, and
// never simulated.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "loader/import_placement.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace l = outagesim::loader;

namespace {

constexpr const char* kComponents = R"(
components:
  - {name: ecs-b, kind: compute, zone: B}
  - {name: ecs-c, kind: compute, zone: C}
  - {name: oss-zrs, kind: object_storage}
)";

// One file per process: ctest runs the test cases of this file side by side, each in a process of its own.
std::string write_template(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("outagesim-import-placement-test-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("a scenario with an import key loads, and the key changes nothing it simulates") {
  const std::string import = R"(
import:
  provider: alicloud
  region: cn-hongkong
  zones: {cn-hongkong-b: B, cn-hongkong-c: C}
  services:
    compute: {B: ecs-b, C: ecs-c}
    object_storage: {regional: oss-zrs}
)";
  const auto with = load_spec(scenario_yaml(std::string(kComponents) + import));
  const auto without = load_spec(scenario_yaml(kComponents));
  CHECK(with.components.size() == without.components.size());
  CHECK(with.tenants.size() == without.tenants.size());
}

TEST_CASE("mistakes in the import key are reported at their place, with a suggestion") {
  const std::string errors = load_errors(scenario_yaml(std::string(kComponents) + R"(
import:
  provider: alicloud
  region: cn-hongkong
  zones: {cn-hongkong-b: B}
  services:
    compute: {B: ecs-bb, Q: ecs-c}
    databse: {B: ecs-b}
)"));
  INFO(errors);
  CHECK(errors.find("test.yaml:15:18: error: import service 'compute' at 'B' names 'ecs-bb', which is no "
                    "component; did you mean 'ecs-b'?") != std::string::npos);
  CHECK(
      errors.find("test.yaml:15:26: error: import service 'compute' names the place 'Q', which is no zone of "
                  "`import.zones`") != std::string::npos);
  CHECK(errors.find("test.yaml:16:5: error: unknown key 'databse' in import services; did you mean "
                    "'database'?") != std::string::npos);
  CHECK(errors.find("3 problems found") != std::string::npos);
}

TEST_CASE("an unknown provider is refused with the ones the importer reads") {
  const std::string errors = load_errors(scenario_yaml(std::string(kComponents) + R"(
import: {provider: awz, region: x, zones: {}, services: {}}
)"));
  CHECK(errors.find("import provider 'awz' is not one the importer reads; did you mean 'aws'?") !=
        std::string::npos);
  CHECK(errors.find("expected: one of alicloud, aws") != std::string::npos);
}

TEST_CASE("an import region that is not a plain name is refused") {
  // Regression: a newline in it went into the tenant part's header and added keys that `run` read.
  const std::string errors = load_errors(scenario_yaml(std::string(kComponents) + R"(
import: {provider: aws, region: "ap-northeast-1\nslas: []", zones: {}, services: {}}
)"));
  CHECK(errors.find("the import region holds a control character") != std::string::npos);
}

TEST_CASE("load_import_placement reads a template's import key alone") {
  const std::string path = write_template(std::string(kComponents) + R"(
import:
  provider: aws
  region: ap-northeast-1
  zones: {ap-northeast-1a: B, apne1-az4: B, ap-northeast-1c: C}
  services:
    compute: {B: ecs-b, C: ecs-c}
    object_storage: {regional: oss-zrs}
)");
  const l::ImportPlacementLoad load = l::load_import_placement(path);
  INFO(load.render());
  REQUIRE(load.placement);
  CHECK(load.placement->provider == "aws");
  CHECK(load.placement->zones.at("apne1-az4") == "B");
  REQUIRE(load.placement->component("compute", "C") != nullptr);
  CHECK(*load.placement->component("compute", "C") == "ecs-c");
  CHECK(load.placement->component("compute", "regional") == nullptr);
  CHECK(*load.placement->component("object_storage", "regional") == "oss-zrs");
  std::filesystem::remove(path);
}

TEST_CASE("the import key's zones and services take merge keys as every mapping does") {
  // Regression: they iterated the raw mapping, so '<<' was read as a zone and a place, one error unplaced.
  const std::string path = write_template(std::string(kComponents) + R"(
x-zones: &zones {ap-northeast-1a: B}
x-compute: &compute {B: ecs-b}
import:
  provider: aws
  region: ap-northeast-1
  zones: {<<: *zones, ap-northeast-1c: C}
  services:
    compute: {<<: *compute, C: ecs-c}
)");
  const l::ImportPlacementLoad load = l::load_import_placement(path);
  INFO(load.render());
  REQUIRE(load.placement);
  CHECK(load.placement->zones.at("ap-northeast-1a") == "B");
  CHECK(load.placement->zones.at("ap-northeast-1c") == "C");
  CHECK(*load.placement->component("compute", "B") == "ecs-b");
  CHECK(*load.placement->component("compute", "C") == "ecs-c");
  std::filesystem::remove(path);
}

TEST_CASE("a template without an import key, or naming no component, is refused") {
  std::string path = write_template(kComponents);
  l::ImportPlacementLoad load = l::load_import_placement(path);
  CHECK_FALSE(load.placement);
  CHECK(load.render().find("the region template has no `import` key") != std::string::npos);

  path =
      write_template(std::string(kComponents) +
                     "import: {provider: aws, region: r, zones: {z: B}, services: {compute: {B: ec2-b}}}\n");
  load = l::load_import_placement(path);
  INFO(load.render());
  CHECK_FALSE(load.placement);
  CHECK(
      load.render().find(":6:75: error: import service 'compute' at 'B' names 'ec2-b', which is no component "
                         "of the template; did you mean 'ecs-b'?") != std::string::npos);
  std::filesystem::remove(path);
}
