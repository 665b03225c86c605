#include "loader/json_document.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "loader/yaml_tree.hpp"

using outagesim::loader::parse_yaml;
using outagesim::loader::read_json_document;
using outagesim::loader::YamlNode;

namespace {

// The node and its subtree as text: kind, mark and scalar of each node, in file order.
void describe(const YamlNode& node, std::ostringstream& out) {
  const YAML::Mark& m = node.mark();
  out << static_cast<int>(node.kind()) << '@' << m.pos << ':' << m.line << ':' << m.column;
  if (node.is_scalar()) out << '"' << node.scalar() << '"';
  if (node.is_sequence() || node.is_map()) {
    out << '[';
    for (const auto& item : node) {
      if (node.is_map()) {
        describe(item.first, out);
        out << '=';
      }
      describe(item, out);
      out << ',';
    }
    out << ']';
  }
}

std::string describe(const YamlNode& node) {
  std::ostringstream out;
  describe(node, out);
  return out.str();
}

}  // namespace

TEST_CASE("a JSON object becomes the tree yaml-cpp builds from the same text, marks included") {
  const std::string text =
      "{\"components\": [\n"
      "  {\"name\": \"plant\", \"kind\": \"cooling_plant\", \"chillers\": 4, \"chiller_kw\": 2.5e3},\n"
      "  {\"name\": \"caf\\u00e9 \\\"x\\\"\\n\", \"on\": true, \"off\": false, \"none\": null,\n"
      "   \"list\": [], \"map\": {}, \"nested\": {\"any_of\": [\"a\", [\"b\", -1.5]]}, \"same\": 1, "
      "\"same\": 2}\n"
      "  ],\n"
      "\t\"tabbed\":\t\"ok\"}\n";
  const auto json = read_json_document(text, 0);
  REQUIRE(json);
  const auto yaml = parse_yaml(text, 1);
  CHECK(describe(json->root()) == describe(yaml.tree.root()));
  CHECK(json->root()["components"].item(1)["name"].scalar() == "caf\xc3\xa9 \"x\"\n");
  CHECK(json->root()["components"].item(0)["chiller_kw"].scalar() == "2.5e3");  // the text as written
  CHECK(json->root()["components"].item(1)["none"].is_null());
  CHECK(json->root()["tabbed"].mark().line == 5);
}

TEST_CASE("a JSON part's marks count from its place in the scenario's lines") {
  const std::string text = "{\"a\": [1,\n  2]}";
  const auto json = read_json_document(text, 40);
  REQUIRE(json);
  const YamlNode two = json->root()["a"].item(1);
  CHECK(two.mark().line == 41);  // the part's second line
  CHECK(two.mark().column == 2);
  CHECK(two.mark().pos == 40 + 12);  // as if after 40 newlines of padding
  // The same as yaml-cpp reading the padded text.
  const auto yaml = parse_yaml(std::string(40, '\n') + text, 1);
  CHECK(describe(json->root()) == describe(yaml.tree.root()));
}

TEST_CASE("text that is not one JSON object is left to the YAML reader") {
  CHECK_FALSE(read_json_document("", 0));
  CHECK_FALSE(read_json_document("[1, 2]", 0));
  CHECK_FALSE(read_json_document("\"text\"", 0));
  CHECK_FALSE(read_json_document("{\"a\": 1} {\"b\": 2}", 0));  // trailing text
  CHECK_FALSE(read_json_document("{\"a\": 1,}", 0));            // trailing comma
  CHECK_FALSE(read_json_document("{a: 1}", 0));                 // YAML flow, not JSON
  CHECK_FALSE(read_json_document("{\"a\": [1, 2}", 0));
  CHECK_FALSE(read_json_document("{\"a\": 01}", 0));
  CHECK_FALSE(read_json_document("{\"a\": tru}", 0));
  CHECK_FALSE(read_json_document("{\"a\": 1e999}", 0));  // out of a double's range: YAML keeps the text
  CHECK(read_json_document(" \n {\"a\": 1} \n", 0));
}
