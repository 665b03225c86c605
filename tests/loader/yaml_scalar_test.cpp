// A string written as a YAML scalar reads back as the same string, in a block mapping and in a flow list.
#include "loader/yaml_scalar.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "loader/yaml_tree.hpp"

namespace l = outagesim::loader;

TEST_CASE("plain names stay plain") {
  CHECK(l::yaml_scalar("big-tenants.jsonl") == "big-tenants.jsonl");
  CHECK(l::yaml_scalar("parts/zone_a.json") == "parts/zone_a.json");
}

TEST_CASE("any text reads back as itself") {
  // Regression (session 17): `generate --tenant-table 'a: b.jsonl'` wrote `tenant_table: a: b.jsonl`,
  // and the scenario it wrote did not load.
  for (const std::string text :
       {"a: b.jsonl", "x #y",   "-",   "- x",       "null",      "~",   "true", "'q'", "\"d\"", "back\\slash",
        "a, b",       "[x]",    "{x}", "&a",        "*a",        "!t",  "%p",   "@x",  "|",     ">",
        " lead",      "trail ", "",    "tab\there", "new\nline", "é ü", "?",    ":"}) {
    INFO(text);
    const std::string scalar = l::yaml_scalar(text);
    const l::ParsedYaml block = l::parse_yaml("key: " + scalar + "\n", 1);
    REQUIRE(block.tree.root().is_map());
    CHECK(block.tree.root()["key"].is_scalar());
    CHECK(block.tree.root()["key"].scalar() == text);
    const l::ParsedYaml flow = l::parse_yaml("key: [" + scalar + ", z]\n", 1);
    REQUIRE(flow.tree.root()["key"].is_sequence());
    CHECK(flow.tree.root()["key"].size() == 2);
    CHECK(flow.tree.root()["key"].item(0).scalar() == text);
  }
}
