#include "loader/yaml_map.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::loader;

namespace {
std::vector<Diagnostic> read(const char* text, const std::function<void(YamlMap&)>& body) {
  DiagnosticSink sink("t.yaml");
  YamlMap map(sink, YAML::Load(text), "thing 'x'");
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
