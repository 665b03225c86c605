#include "loader/yaml_tree.hpp"

#include <yaml-cpp/exceptions.h>

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using outagesim::loader::parse_yaml;
using outagesim::loader::YamlNode;
using outagesim::loader::YamlTree;

TEST_CASE("a document becomes nodes with their kinds, texts and marks") {
  const YamlTree tree = parse_yaml("a: 1\nb: [x, ~, 'null']\nc:\n  d: {}\n", 3).tree;
  const YamlNode root = tree.root();
  REQUIRE(root.is_map());
  CHECK(root.size() == 3);
  CHECK(root["a"].scalar() == "1");
  CHECK(root["a"].mark().line == 0);
  CHECK(root["a"].mark().column == 3);
  const YamlNode b = root["b"];
  REQUIRE(b.is_sequence());
  CHECK(b.size() == 3);
  CHECK(b.item(0).scalar() == "x");
  CHECK(b.item(1).is_null());
  CHECK(b.item(2).is_scalar());  // a quoted 'null' is text, as in yaml-cpp
  CHECK(b.item(2).scalar() == "null");
  CHECK(root["c"]["d"].is_map());
  CHECK(root["c"]["d"].size() == 0);
  CHECK(root["c"].mark().line == 3);
  CHECK_FALSE(root["missing"].defined());
  CHECK_FALSE(root["a"]["x"].defined());  // not a mapping
  CHECK(root["missing"].mark().is_null());
  CHECK(root["missing"].scalar().empty());
}

TEST_CASE("iterating gives a sequence's items and a mapping's keys and values in file order") {
  const YamlTree tree = parse_yaml("k: [1, 2, 3]\nm: {z: 1, a: 2, z: 3}\n", 3).tree;
  std::vector<std::string> items;
  for (const YamlNode& item : tree.root()["k"]) items.emplace_back(item.scalar());
  CHECK(items == std::vector<std::string>{"1", "2", "3"});
  std::vector<std::string> keys;
  for (const auto& entry : tree.root()["m"])
    keys.emplace_back(std::string(entry.first.scalar()) + "=" + std::string(entry.second.scalar()));
  CHECK(keys == std::vector<std::string>{"z=1", "a=2", "z=3"});  // a repeated key is kept, for the reader
  CHECK(tree.root()["m"]["z"].scalar() == "1");                  // the first one is found
  int scalars = 0;
  for ([[maybe_unused]] const YamlNode& none : tree.root()["k"].item(0)) ++scalars;
  CHECK(scalars == 0);
}

TEST_CASE("an alias is the node its anchor names") {
  const YamlTree tree = parse_yaml("a: &x {k: v}\nb: *x\nc: [&y 1, *y]\n", 3).tree;
  CHECK(tree.root()["b"] == tree.root()["a"]);
  CHECK(tree.root()["b"]["k"].scalar() == "v");
  CHECK(tree.root()["c"].item(1).scalar() == "1");
  CHECK(tree.root()["c"].item(1).mark().line == 2);  // the anchored node's place
}

TEST_CASE("document starts are counted past the first, which alone is built") {
  const auto one = parse_yaml("a: 1\n", 3);
  CHECK(one.document_starts.size() == 1);
  const auto two = parse_yaml("a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n", 3);
  CHECK(two.document_starts.size() == 3);  // stops counting at the limit
  CHECK(two.document_starts[1].line == 1);
  CHECK(two.tree.root()["a"].scalar() == "1");
  CHECK_FALSE(two.tree.root()["b"].defined());
  const auto empty = parse_yaml("", 3);
  CHECK(empty.document_starts.empty());
  CHECK_FALSE(empty.tree.root().defined());
}

TEST_CASE("malformed text throws yaml-cpp's exceptions with their marks") {
  try {
    parse_yaml("a: [1, 2\nb: 3\n", 3);
    FAIL("no exception");
  } catch (const YAML::ParserException& e) {
    CHECK(e.mark.line >= 0);
  }
  CHECK_THROWS_AS(parse_yaml("a: *nowhere\n", 3), YAML::ParserException);
}

TEST_CASE("a tree built in memory holds nodes of the trees it adopted") {
  YamlTree merged;
  YamlNode kept;
  {
    YamlTree part = parse_yaml("list: [1, 2]\n", 1).tree;
    kept = part.root()["list"];
    merged.adopt(std::move(part));
  }  // the part's tree is gone; its nodes now live in `merged`
  const YAML::Mark nowhere = YAML::Mark::null_mark();
  const YamlNode key = merged.make_scalar("list", nowhere);
  const std::vector<YamlNode> items{kept.item(1), kept.item(0)};
  const std::vector<std::pair<YamlNode, YamlNode>> entries{{key, merged.make_sequence(nowhere, items)}};
  merged.set_root(merged.make_map(nowhere, entries));
  const YamlNode list = merged.root()["list"];
  REQUIRE(list.size() == 2);
  CHECK(list.item(0).scalar() == "2");
  CHECK(list.item(1).mark().line == 0);
  YamlTree moved = std::move(merged);
  CHECK(moved.root()["list"].item(1).scalar() == "1");  // moving a tree keeps its nodes where they are
}
