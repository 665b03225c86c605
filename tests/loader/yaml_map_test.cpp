#include "loader/yaml_map.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>

using namespace outagesim::loader;

namespace {
std::vector<Diagnostic> read(const char* text, const std::function<void(YamlMap&)>& body) {
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml(text, 1).tree;
  YamlMap map(sink, tree.root(), "thing 'x'");
  body(map);
  map.finish();
  return sink.take();
}
}  // namespace

TEST_CASE("typed reads accept good values") {
  const auto d = read("n: 2.5\ni: 7\nb: true\nd: 1h\ns: hello\n", [](YamlMap& m) {
    CHECK(m.number("n", true) == 2.5);
    CHECK(m.integer("i", true, 0, 10) == 7);
    CHECK(m.boolean("b") == true);
    CHECK(m.duration("d") == outagesim::sim::Time::hours(1));
    CHECK(m.string("s") == "hello");
    CHECK_FALSE(m.number("absent", false));
  });
  CHECK(d.empty());
}

TEST_CASE("typed reads report wrong types, ranges and missing keys at their place") {
  const auto d = read("n: lots\ni: 11\nb: yes\n", [](YamlMap& m) {
    m.number("n", true);
    m.integer("i", true, 0, 10);
    m.boolean("b");
    m.string("name", true);
  });
  REQUIRE(d.size() == 4);
  CHECK(d[0].message == "'n' of thing 'x' is 'lots', not a number");
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 4);
  CHECK(d[1].message == "'i' of thing 'x' is '11', out of range");
  CHECK(d[1].expected == "a whole number from 0 to 10");
  CHECK(d[2].expected == "true or false");
  CHECK(d[3].message == "thing 'x' lacks the required key 'name'");
}

TEST_CASE("text may break lines but holds no terminal escapes, separators or bidirectional controls") {
  // Regression (session 20): a note's escape sequence reached the terminal through the cause chains, and
  // a title's right-to-left override reordered the report's first line.
  const auto d = read("note: \"red \\e[31m\"\ntitle: \"a \\u202Eb\"\nsource: \"two\\nlines\\tand a tab\"\n",
                      [](YamlMap& m) {
                        CHECK_FALSE(m.string("note"));
                        CHECK_FALSE(m.string("title"));
                        CHECK(m.string("source") == "two\nlines\tand a tab");
                      });
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "'note' of thing 'x' holds a control character: 'red \\x1B[31m'");
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 7);
  CHECK(d[1].message == "'title' of thing 'x' holds a control character: 'a \\u202Eb'");
  CHECK(d[1].expected.find("a newline or a tab aside") != std::string::npos);
}

TEST_CASE("unknown and duplicate keys are reported, with the nearest known key") {
  const auto d = read("chiller_kws: 1\nchillers: 2\nchillers: 3\n", [](YamlMap& m) {
    m.number("chiller_kw", false);
    m.number("chillers", false);
  });
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "duplicate key 'chillers' in thing 'x'");
  CHECK(d[0].line == 3);
  CHECK(d[1].message == "unknown key 'chiller_kws' in thing 'x'; did you mean 'chiller_kw'?");
  CHECK(d[1].expected == "one of chiller_kw, chillers");
}

TEST_CASE("a map of 200,000 keys is checked for duplicates and read in linear time") {
  // Regression (issue 13): the duplicate check compared each key with every earlier one (over 20 s).
  // Built in memory: parsing 200,000 keys with yaml-cpp alone takes seconds, and is linear.
  constexpr int kKeys = 200'000;
  YamlTree tree;
  const YAML::Mark here = YAML::Mark::null_mark();
  std::vector<std::pair<YamlNode, YamlNode>> entries;
  for (int i = 0; i < kKeys; ++i)
    entries.emplace_back(tree.make_scalar(fmt::format("k{}", i), here),
                         tree.make_scalar(std::to_string(i), here));
  entries.emplace_back(tree.make_scalar("k123456", here), tree.make_scalar("again", here));
  DiagnosticSink sink("t.yaml");
  YamlMap map(sink, tree.make_map(here, entries), "thing 'x'");
  // Looked up through the index: the first occurrence of a repeated key, as a scan would find.
  for (int i = 0; i < kKeys; i += 997) CHECK(map.integer(fmt::format("k{}", i), true, 0, kKeys) == i);
  CHECK(map.get("k123456").scalar() == "123456");
  CHECK(map.has("k199999"));
  CHECK_FALSE(map.has("k200000"));
  const auto d = sink.take();
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "duplicate key 'k123456' in thing 'x'");
}

TEST_CASE("a big map reports its duplicates and marks at their place") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += fmt::format("k{}: {}\n", i, i);
  text += "k7: again\n";
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml(text, 1).tree;
  YamlMap map(sink, tree.root(), "thing 'x'");
  CHECK(map.get("k7").scalar() == "7");
  CHECK(map.mark_of("k3").line == 3);
  CHECK(map.mark_of("nothing").line == 0);
  map.finish();
  const auto d = sink.take();
  REQUIRE(d.size() == 40);  // the duplicate, and 39 keys nobody asked for (k7 was)
  CHECK(d[0].message == "duplicate key 'k7' in thing 'x'");
  CHECK(d[0].line == 41);
}

TEST_CASE("a whole number must be written in decimal digits") {
  // YAML would read these as 300 or 1000 (0x, +, 1.1's '_'), or 3.0 as a float: a count is written one way.
  for (const char* text : {"0x12C", "+300", "1_000", "3.0", "0o17", "1e3", "x"}) {
    const auto d =
        read(fmt::format("i: {}\n", text).c_str(), [](YamlMap& m) { m.integer("i", true, 0, 10'000); });
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == fmt::format("'i' of thing 'x' is '{}', not a decimal whole number", text));
    CHECK(d[0].expected == "a whole number from 0 to 10000, in digits only (as 300)");
  }
  const auto d = read("i: -3\nj: 99999999999999999999\n", [](YamlMap& m) {
    m.integer("i", true, 0, 10);
    m.integer("j", true, 0, 10);
  });
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "'i' of thing 'x' is '-3', out of range");
  CHECK(d[1].message == "'j' of thing 'x' is '99999999999999999999', out of range");
}

TEST_CASE("a number out of range is told the whole range, upper limit included") {
  const auto d = read("a: 1e308\nb: 0\nc: 2\n", [](YamlMap& m) {
    m.number("a", true, {0, 1e9, true});
    m.number("b", true, {0, 1e9, true});
    m.number("c", true, {0, 1, false});
  });
  REQUIRE(d.size() == 3);
  CHECK(d[0].message == "'a' of thing 'x' is 1e308, out of range");
  CHECK(d[0].expected == "a number above 0, at most 1e9");
  CHECK(d[1].expected == "a number above 0, at most 1e9");
  CHECK(d[2].expected == "a number from 0 to 1");
}

TEST_CASE("a long value is quoted cut on a character boundary") {
  std::string text;
  for (int i = 0; i < 70; ++i) text += "é";
  const auto d = read(("i: " + text + "\n").c_str(), [](YamlMap& m) { m.integer("i", true, 0, 10); });
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "'i' of thing 'x' is '" + text.substr(0, 120) + "… (140 bytes)', not a decimal whole number");
}

TEST_CASE("a merge key adds the anchored mapping's entries the map lacks itself") {
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml(R"(base: &base {a: 1, b: 2, c: 3}
more: &more {c: 30, d: 40}
deep: &deep {<<: *base, e: 5}
one: {<<: *base, b: 20}
two: {<<: [*more, *base], a: 10}
three: {<<: *deep}
)",
                                   1)
                            .tree;
  {
    YamlMap one(sink, tree.root()["one"], "one");
    CHECK(one.number("a", true) == 1);
    CHECK(one.number("b", true) == 20);  // its own key wins
    CHECK(one.number("c", true) == 3);
    one.finish();
  }
  {
    YamlMap two(sink, tree.root()["two"], "two");
    CHECK(two.number("a", true) == 10);
    CHECK(two.number("b", true) == 2);
    CHECK(two.number("c", true) == 30);  // the first listed mapping wins over the later ones
    CHECK(two.number("d", true) == 40);
    two.finish();
  }
  {
    YamlMap three(sink, tree.root()["three"], "three");
    CHECK(three.number("a", true) == 1);  // through a mapping that merges another
    CHECK(three.number("e", true) == 5);
    three.number("b", true);
    three.number("c", true);
    three.finish();
  }
  CHECK(tree.root()["three"]["a"].scalar() == "1");  // node lookups see merges as well
  CHECK(sink.empty());
}

TEST_CASE("a bad merge is reported and a template's unknown key once") {
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml(R"(base: &base {a: 1, typo: 2}
one: {<<: *base}
two: {<<: *base}
three: {<<: 7}
)",
                                   1)
                            .tree;
  for (const char* key : {"one", "two", "three"}) {
    YamlMap map(sink, tree.root()[key], key);
    map.number("a", false);
    map.finish();
  }
  const std::vector<Diagnostic> d = sink.take();
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "unknown key 'typo' in one");
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 20);
  CHECK(d[1].message == "'<<' in three is a scalar");
  CHECK(d[1].expected == "a mapping to merge, or a list of them (an alias such as *name)");
}

TEST_CASE("allowed prefixes are known keys and others are not") {
  const auto d = read("x-pool: {a: 1}\ny-pool: 2\n", [](YamlMap& m) {
    m.allow_prefix("x-");
    m.number("a", false);
  });
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.rfind("unknown key 'y-pool'", 0) == 0);
  CHECK(d[0].expected == "one of a");  // the user's templates are not offered as keys
}

TEST_CASE("a merged mapping is checked as a mapping of its own") {
  // Regression: a template's second '<<' was dropped, and a key it held twice taken once, in silence.
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml(R"(a: &a {k: 1}
b: &b {m: 2}
t: &t {<<: *a, <<: *b, n: 3, n: 4}
one: {<<: *t}
two: {<<: *t}
)",
                                   1)
                            .tree;
  for (const char* key : {"one", "two"}) {
    YamlMap map(sink, tree.root()[key], key);
    map.number("k", false);
    map.number("n", false);
    map.finish();
  }
  const std::vector<Diagnostic> d = sink.take();
  REQUIRE(d.size() == 2);  // each once, though two mappings merge the template
  CHECK(d[0].message == "duplicate key '<<' in the mapping merged into one");
  CHECK(d[0].column == 16);
  CHECK(d[1].message == "duplicate key 'n' in the mapping merged into one");
  CHECK(d[1].column == 30);
}

TEST_CASE("a template of many keys merged into a small mapping is found by key, and keys() lists each once") {
  std::string text = "t: &t {";
  for (int k = 0; k < 100; ++k) text += (k ? ", k" : "k") + std::to_string(k) + ": " + std::to_string(k);
  text += "}\nm: {<<: *t, k5: own, z: 1}\n";
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml(text, 1).tree;
  YamlMap map(sink, tree.root()["m"], "m");
  CHECK(map.string("k5") == "own");  // its own key wins
  CHECK(map.integer("k99", true, 0, 1000) == 99);
  const std::vector<YamlNode> keys = map.keys();
  REQUIRE(keys.size() == 101);  // k5 once, z, and the other 99 merged
  CHECK(keys[0].scalar() == "k5");
  CHECK(keys[1].scalar() == "z");
  CHECK(keys[2].scalar() == "k0");
}

TEST_CASE("a mapping that merges itself through an alias is looked through once") {
  DiagnosticSink sink("t.yaml");
  const YamlTree tree = parse_yaml("a: &a {<<: [*a, *a, *a, *a, *a, *a, *a, *a], k: 1}\n", 1).tree;
  YamlMap map(sink, tree.root()["a"], "a");
  CHECK(map.number("k", true) == 1);
  CHECK_FALSE(map.has("absent"));
  map.finish();
  CHECK_FALSE(tree.root()["a"]["absent"].defined());
  CHECK(sink.empty());
}
