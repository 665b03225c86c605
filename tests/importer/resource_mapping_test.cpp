// The provider-independent mapping: functions by tag, module or `app`; copies of one resource (count)
// as alternatives; places by zone; resources of another provider named, not dropped.
#include "importer/resource_mapping.hpp"

#include <catch2/catch.hpp>

namespace i = outagesim::importer;

namespace {

outagesim::loader::ImportPlacement hk() {
  outagesim::loader::ImportPlacement p;
  p.provider = "alicloud";
  p.region = "cn-hongkong";
  p.zones = {{"cn-hongkong-b", "B"}, {"cn-hongkong-c", "C"}};
  p.services["compute"] = {{"B", "ecs-b"}, {"C", "ecs-c1"}};
  return p;
}

i::TerraformResource resource(std::string address, std::string type, nlohmann::json values,
                              std::string module = "") {
  i::TerraformResource r;
  r.address = std::move(address);
  r.type = std::move(type);
  r.values = std::move(values);
  r.module = std::move(module);
  return r;
}

}  // namespace

TEST_CASE("a resource's function is its tag, else its innermost module, else app") {
  CHECK(i::function_of(resource("a", "t", {{"tags", {{"outagesim:function", "pay ments"}}}}, "module.x")) ==
        "pay-ments");
  CHECK(i::function_of(resource("a", "t", {{"tags", nullptr}}, "module.app.module.db")) == "db");
  CHECK(i::function_of(resource("a", "t", nlohmann::json::object())) == "app");
}

TEST_CASE("copies of one resource in two zones are one need on either zone") {
  i::TerraformState state;
  state.resources.push_back(
      resource("alicloud_instance.web[0]", "alicloud_instance", {{"zone_id", "cn-hongkong-b"}}));
  state.resources.push_back(
      resource("alicloud_instance.web[1]", "alicloud_instance", {{"zone_id", "cn-hongkong-c"}}));
  state.resources.push_back(
      resource("alicloud_instance.jump", "alicloud_instance", {{"zone_id", "cn-hongkong-c"}}));
  const auto stack = i::map_resources(state, hk());
  REQUIRE(stack.mapped.size() == 2);
  CHECK(stack.mapped[0].need == i::ImportedNeed{1, {"ecs-b", "ecs-c1"}});
  CHECK(stack.mapped[0].addresses.size() == 2);
  CHECK(stack.mapped[1].need == i::ImportedNeed{1, {"ecs-c1"}});
}

TEST_CASE("two function tags that make one name stay two functions and the rename is said") {
  // Regression: `front end` and `front/end` both became `front-end`, one function needing both zones.
  const auto tagged = [](std::string address, const char* zone, const char* tag) {
    return resource(std::move(address), "alicloud_instance",
                    {{"zone_id", zone}, {"tags", {{"outagesim:function", tag}}}});
  };
  i::TerraformState state;
  state.resources.push_back(tagged("alicloud_instance.web", "cn-hongkong-c", "front end"));
  state.resources.push_back(tagged("alicloud_instance.batch", "cn-hongkong-b", "front/end"));
  state.resources.push_back(tagged("alicloud_instance.more", "cn-hongkong-b", "front end"));
  const auto stack = i::map_resources(state, hk());
  REQUIRE(stack.mapped.size() == 3);
  CHECK(stack.mapped[0].function == "front-end");
  CHECK(stack.mapped[1].function == "front-end-2");
  CHECK(stack.mapped[2].function == "front-end");
  CHECK(stack.renamed_functions ==
        std::vector<std::string>{"function 'front/end' is written as 'front-end-2': 'front end' already is "
                                 "'front-end'"});
}

TEST_CASE("a tag written with a suffix by hand keeps its name when an earlier pair needs a suffix") {
  // Regression (session 19's note): `front/end` took `front-end-2` first, and the hand-written
  // `front-end-2` tag that came later was renamed `front-end-2-2`.
  const auto tagged = [](std::string address, const char* tag) {
    return resource(std::move(address), "alicloud_instance",
                    {{"zone_id", "cn-hongkong-b"}, {"tags", {{"outagesim:function", tag}}}});
  };
  i::TerraformState state;
  state.resources.push_back(tagged("alicloud_instance.a", "front end"));
  state.resources.push_back(tagged("alicloud_instance.b", "front/end"));
  state.resources.push_back(tagged("alicloud_instance.c", "front-end-2"));
  const auto stack = i::map_resources(state, hk());
  REQUIRE(stack.mapped.size() == 3);
  CHECK(stack.mapped[0].function == "front-end");
  CHECK(stack.mapped[1].function == "front-end-3");
  CHECK(stack.mapped[2].function == "front-end-2");
  CHECK(stack.renamed_functions ==
        std::vector<std::string>{"function 'front/end' is written as 'front-end-3': 'front end' already is "
                                 "'front-end'"});
}

TEST_CASE("a function name is cut to 200 bytes, a suffix included, and a character is one dash") {
  // Regression (session 21's probe): a 201-byte tag was written as it was, and `run` then refused the
  // part; a rename suffix took a 199-byte name past the limit; 'файл' became eight dashes.
  const auto tagged = [](std::string address, const std::string& tag) {
    return resource(std::move(address), "alicloud_instance",
                    {{"zone_id", "cn-hongkong-b"}, {"tags", {{"outagesim:function", tag}}}});
  };
  i::TerraformState state;
  state.resources.push_back(tagged("alicloud_instance.a", std::string(250, 'f')));
  state.resources.push_back(tagged("alicloud_instance.b", std::string(250, 'f') + "!"));
  state.resources.push_back(tagged("alicloud_instance.c", "\u0444\u0430\u0439\u043b-x"));
  const auto stack = i::map_resources(state, hk());
  REQUIRE(stack.mapped.size() == 3);
  CHECK(stack.mapped[0].function == std::string(200, 'f'));
  CHECK(stack.mapped[1].function == std::string(198, 'f') + "-2");
  CHECK(stack.mapped[2].function == "-----x");
  REQUIRE(stack.renamed_functions.size() == 2);
  CHECK_THAT(stack.renamed_functions[0], Catch::EndsWith(": a name is at most 200 bytes"));
  CHECK_THAT(stack.renamed_functions[1],
             Catch::Contains("' is written as '" + std::string(198, 'f') + "-2'"));
}

TEST_CASE("a zone the template does not know, or another provider's resource, is unplaced with a reason") {
  i::TerraformState state;
  state.resources.push_back(
      resource("alicloud_instance.x", "alicloud_instance", {{"zone_id", "cn-hongkong-z"}}));
  state.resources.push_back(resource("aws_instance.y", "aws_instance", {{"availability_zone", "a"}}));
  state.resources.push_back(resource("alicloud_instance.z", "alicloud_instance", nlohmann::json::object()));
  const auto stack = i::map_resources(state, hk());
  CHECK(stack.mapped.empty());
  REQUIRE(stack.unmapped.size() == 3);
  CHECK(stack.unmapped[0].reason ==
        "zone 'cn-hongkong-z' is not in the region template's import.zones (region cn-hongkong)");
  CHECK(stack.unmapped[1].reason == "not a alicloud resource, and the region template is alicloud's");
  CHECK(stack.unmapped[2].reason == "it names no zone");
}

TEST_CASE("a place across zones merges zones on one component and caps k") {
  auto placement = hk();
  placement.services["load_balancer"] = {{"B", "alb"}, {"C", "alb"}};
  i::ImportedStack stack;
  const i::Placer placer(placement, stack);
  std::string reason;
  CHECK(placer.across_zones("load_balancer", {"cn-hongkong-b", "cn-hongkong-c"}, 2, reason) ==
        i::ImportedNeed{1, {"alb"}});
  CHECK(placer.across_zones("compute", {"cn-hongkong-b", "cn-hongkong-c"}, 5, reason) ==
        i::ImportedNeed{2, {"ecs-b", "ecs-c1"}});
  CHECK_FALSE(placer.across_zones("cache", {"cn-hongkong-b"}, 1, reason));
  CHECK(reason == "the region template's import.services.cache names no component in zone B");
}

TEST_CASE("another region is the template's elsewhere component, else one added once") {
  auto placement = hk();
  i::ImportedStack stack;
  i::Placer placer(placement, stack);
  CHECK(placer.elsewhere("object_storage", "cn-shenzhen") == "storage-cn-shenzhen");
  CHECK(placer.elsewhere("object_storage", "cn-shenzhen") == "storage-cn-shenzhen");
  CHECK(stack.external ==
        std::vector<i::ExternalComponent>{{"storage-cn-shenzhen", "object_storage", "cn-shenzhen"}});
  placement.services["object_storage"] = {{"elsewhere", "oss-shenzhen"}};
  CHECK(placer.elsewhere("object_storage", "cn-shenzhen") == "oss-shenzhen");
}
