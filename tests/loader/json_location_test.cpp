// Places in JSON files that are not scenarios: positions from 1, values found by JSON Pointer, syntax
// errors without the parser's own place words.
#include "loader/json_location.hpp"

#include <catch2/catch.hpp>

namespace l = outagesim::loader;

TEST_CASE("position_of counts lines and bytes from 1") {
  CHECK(l::position_of("ab\ncd", 0).line == 1);
  CHECK(l::position_of("ab\ncd", 4).line == 2);
  CHECK(l::position_of("ab\ncd", 4).column == 2);
  CHECK(l::position_of("ab", 99).column == 3);  // past the end: the end
}

TEST_CASE("a JSON Pointer finds the first byte of its value") {
  const std::string text = "{\n  \"a\": [10, {\"b\": \"x\"}],\n  \"c\": null\n}";
  CHECK(l::json_value_offset(text, "") == 0u);
  CHECK(l::json_value_offset(text, "/a") == text.find('['));
  CHECK(l::json_value_offset(text, "/a/0") == text.find("10"));
  CHECK(l::json_value_offset(text, "/a/1") == text.find("{\"b\""));
  CHECK(l::json_value_offset(text, "/a/1/b") == text.find("\"x\""));
  CHECK(l::json_value_offset(text, "/c") == text.find("null"));
  CHECK_FALSE(l::json_value_offset(text, "/a/2"));
  CHECK_FALSE(l::json_value_offset(text, "/nothing"));
  CHECK_FALSE(l::json_value_offset("{not json", "/a"));
}

TEST_CASE("a value's diagnostic is at its line and column or at no place") {
  const std::string text = "{\n  \"runs\": -4\n}\n";
  const l::Diagnostic d = l::json_value_diagnostic("s.json", text, "/runs", "'runs' is negative", "a count");
  CHECK(d.file == "s.json");
  CHECK(d.line == 2);
  CHECK(d.column == 11);
  CHECK(d.message == "'runs' is negative");
  CHECK(d.expected == "a count");
  CHECK(l::json_value_diagnostic("s.json", text, "/seed", "m", "e").line == 0);
}

TEST_CASE("a syntax error keeps the parser's words and drops its place") {
  const std::string text = "{\n  \"a\": }";
  const l::Diagnostic d = l::json_syntax_diagnostic(
      "s.json", text, 10,
      "[json.exception.parse_error.101] parse error at line 2, column 8: syntax error while parsing value - "
      "unexpected '}'",
      "JSON");
  CHECK(d.line == 2);
  CHECK(d.column == 8);
  CHECK(d.message == "this is not JSON: syntax error while parsing value - unexpected '}'");
}

TEST_CASE("a key given twice in one object is found at its second place, nested or escaped") {
  using outagesim::loader::json_duplicate_key;
  CHECK_FALSE(json_duplicate_key("f.json", R"({"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]})", "x"));
  CHECK_FALSE(json_duplicate_key("f.json", "not json", "x"));
  const auto nested = json_duplicate_key("f.json", "{\"a\": [1,\n  {\"k\": 1, \"k\": 2}]}", "each key once");
  REQUIRE(nested);
  CHECK(nested->line == 2);
  CHECK(nested->column == 12);
  CHECK(nested->message == "the key \"k\" is given twice in this object");
  CHECK(nested->expected == "each key once");
  const auto escaped = json_duplicate_key("f.json", R"({"a": 1, "\u0061": 2})", "x");
  REQUIRE(escaped);
  CHECK(escaped->column == 10);
}

TEST_CASE("a number past a double's range is placed at the number and not inside a string") {
  // Regression: ",1e400 " inside a string earlier in the text was taken for the number's place.
  const std::string text = "{\"s\": \",1e400 \\\" [1e400]\",\n \"n\": 1e400}";
  const l::Diagnostic d = l::json_number_diagnostic(
      "s.json", text, "[json.exception.out_of_range.406] number overflow parsing '1e400'", "a JSON object");
  CHECK(d.line == 2);
  CHECK(d.column == 7);
  CHECK(d.message == "the number 1e400 is out of range (a double holds up to about 1.8e308)");
  CHECK(l::json_number_diagnostic("s.json", "[-1e400]", "number overflow parsing '-1e400'", "e").column == 2);
}
