// Reading `terraform show -json` output: managed resources from the root and child modules, data
// sources set aside, and problems named at their place.
#include "importer/terraform_state.hpp"

#include <catch2/catch.hpp>

namespace i = outagesim::importer;

TEST_CASE("resources come from the root module and child modules, data sources are counted apart") {
  const auto read = i::read_terraform_state(R"({"format_version": "1.0", "values": {"root_module": {
    "resources": [
      {"address": "aws_instance.a", "mode": "managed", "type": "aws_instance", "name": "a",
       "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"availability_zone": "x"}},
      {"address": "data.aws_ami.u", "mode": "data", "type": "aws_ami", "name": "u", "values": {}}],
    "child_modules": [{"address": "module.web", "resources": [], "child_modules": [
      {"address": "module.web.module.db", "resources": [
        {"address": "module.web.module.db.aws_db_instance.d", "mode": "managed", "type": "aws_db_instance",
         "name": "d", "values": {}}]}]}]}}})",
                                            "s.json");
  INFO(read.error);
  REQUIRE(read.state);
  REQUIRE(read.state->resources.size() == 2);
  CHECK(read.state->resources[0].module.empty());
  CHECK(read.state->resources[0].values["availability_zone"] == "x");
  CHECK(read.state->resources[1].module == "module.web.module.db");
  CHECK(read.state->resources[1].address == "module.web.module.db.aws_db_instance.d");
  CHECK(read.state->data_sources == 1);
}

TEST_CASE("an empty state has no values and no resources") {
  const auto read = i::read_terraform_state(R"({"format_version": "1.0"})", "s.json");
  REQUIRE(read.state);
  CHECK(read.state->resources.empty());
}

TEST_CASE("text that is not JSON is reported at its line and column") {
  const auto read = i::read_terraform_state("{\n  \"values\": {\n    \"root_module\": [,]\n}", "s.json");
  CHECK_FALSE(read.state);
  CHECK(read.error.rfind("s.json:3:21: error: this is not JSON", 0) == 0);
}

TEST_CASE("a state with a byte-order mark is read and its problems keep their place") {
  // Regression: a problem found at a JSON Pointer lost its line and column (the lookup failed on the mark).
  CHECK(i::read_terraform_state("\xEF\xBB\xBF{\"format_version\": \"1.0\"}", "s.json").state);
  CHECK(i::read_terraform_state("\xEF\xBB\xBF{\"values\":{}}", "s.json")
            .error.rfind("s.json:1:11: error:", 0) == 0);
  const auto read = i::read_terraform_state("\xEF\xBB\xBF{\n  \"values\": [,]\n}", "s.json");
  CHECK_FALSE(read.state);
  CHECK(read.error.rfind("s.json:2:14: error: this is not JSON", 0) == 0);
}

TEST_CASE("a number past a double's range is reported at its place and is no internal error") {
  // Regression: nlohmann's out_of_range escaped as "internal error", exit 3, with no place.
  // The number is found as a value, not inside a string or a key.
  const auto read = i::read_terraform_state(
      "{\"values\": {\"root_module\": {\"resources\": [\n  {\"y\": \"1e400\", \"1e400\": 1, \"z\": "
      "1e400}]}}}",
      "s.json");
  CHECK_FALSE(read.state);
  CHECK(read.error.rfind("s.json:2:35: error: the number 1e400 is out of range", 0) == 0);
}

TEST_CASE("JSON that is not a state names the place its line and column and what was expected") {
  auto read = i::read_terraform_state(R"({"values": {"root_module": {
  "resources": [{"mode": "managed"}]}}})",
                                      "s.json");
  CHECK_FALSE(read.state);
  CHECK(read.error ==
        "s.json:2:17: error: at values.root_module.resources[0]: no 'address'\n"
        " 2 |   \"resources\": [{\"mode\": \"managed\"}]}}}\n"
        "   |                 ^\n"
        "  expected: a string (as `terraform show -json` writes a state)\n");
  read =
      i::read_terraform_state("{\"values\": {\"root_module\": {\"resources\": [{\"mode\": 7}]}}}", "s.json");
  CHECK(read.error.rfind("s.json:1:52: error: at values.root_module.resources[0].mode: not a string", 0) ==
        0);
  read = i::read_terraform_state(R"({"values": {}})", "s.json");
  CHECK(read.error.rfind("s.json:1:12: error: at values: no 'root_module'", 0) == 0);
  read = i::read_terraform_state("[1]", "s.json");
  CHECK(read.error.rfind("s.json:1:1: error: at the top: not an object", 0) == 0);
}

TEST_CASE("values nested past the limit are refused at their place before anything walks them") {
  // Regression (session 17): an attribute 60,000 objects deep overflowed the stack (exit 139).
  const int depth = 60000;
  std::string deep;
  for (int i = 0; i < depth; ++i) deep += "{\"a\":";
  deep += "1" + std::string(depth, '}');
  const auto read = i::read_terraform_state(
      "{\"values\": {\"root_module\": {\"resources\": [{\"address\": \"a.b\", \"mode\": \"managed\", "
      "\"type\": "
      "\"a\", \"name\": \"b\", \"values\": {\"x\": " +
          deep + "}}]}}}",
      "s.json");
  CHECK_FALSE(read.state);
  CHECK(read.error.rfind("s.json:1:", 0) == 0);
  CHECK(read.error.find("error: values nested more than 100 deep") != std::string::npos);
  // Nesting a state really has is read.
  const auto fine = i::read_terraform_state(
      R"({"values": {"root_module": {"resources": [{"address": "a.b", "mode": "managed", "type": "a",
      "name": "b", "values": {"x": {"y": [{"z": [1, 2]}]}}}]}}})",
      "s.json");
  CHECK(fine.state);
}
