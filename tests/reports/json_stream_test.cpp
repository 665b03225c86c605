// Tests for reports/json_stream.*: streamed JSON is laid out exactly as nlohmann's dump(2), or as its
// compact dump() from a given depth.
#include "reports/json_stream.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <string>
#include <vector>

using Json = nlohmann::ordered_json;
using outagesim::reports::JsonStream;

namespace {

// Streams `doc` member by member (and its arrays element by element), as the reports do.
std::string streamed(const Json& doc, std::vector<std::size_t>* pieces = nullptr,
                     std::size_t one_line_from = JsonStream::kNoOneLine) {
  std::string text;
  JsonStream out(
      [&](std::string_view piece) {
        text += piece;
        if (pieces != nullptr) pieces->push_back(piece.size());
      },
      one_line_from);
  out.begin_object();
  for (const auto& [key, value] : doc.items()) {
    out.key(key);
    if (value.is_array()) {
      out.begin_array();
      for (const Json& element : value) out.value(element);
      out.end();
    } else {
      out.value(value);
    }
  }
  out.end();
  out.finish();
  return text;
}

// The layout a stream with one-line containers from depth `one_line_from` must give, built from
// nlohmann's two dumps: dump(2)'s layout above that depth, each container there and below as dump().
std::string one_line_layout(const Json& v, std::size_t depth, std::size_t one_line_from) {
  if (!v.is_structured()) return v.dump();
  if (depth >= one_line_from) return v.dump();
  if (v.empty()) return v.dump();
  const std::string inner(depth * 2, ' ');
  const std::string outer((depth - 1) * 2, ' ');
  std::string text = v.is_object() ? "{" : "[";
  bool first = true;
  for (const auto& [key, member] : v.items()) {
    text += first ? "\n" : ",\n";
    first = false;
    text += inner;
    if (v.is_object()) text += Json(key).dump() + ": ";
    text += one_line_layout(member, depth + 1, one_line_from);
  }
  return text + "\n" + outer + (v.is_object() ? "}" : "]");
}

}  // namespace

TEST_CASE("records below a depth are written one per line as nlohmann's compact dump", "[json_stream]") {
  const Json doc = {
      {"name", "line one\nline two"},
      {"records",
       {{{"id", 1}, {"tags", {"a", "b"}}, {"inner", {{"x", Json::array()}, {"y", Json::object()}}}},
        {{"id", 2}, {"text", "quote \" and \x1b"}},
        Json::array(),
        7}},
      {"totals", {{"down", 3}, {"by_kind", {{"compute", {1, 2}}}}}},
      {"empty", Json::array()},
  };
  for (const std::size_t from : {1, 2, 3, 4}) {
    INFO("one line from depth " << from);
    CHECK(streamed(doc, nullptr, from) == one_line_layout(doc, 1, from) + "\n");
  }
  // Depth 3: the top-level arrays' records, one per line; everything parses back the same.
  const std::string text = streamed(doc, nullptr, 3);
  CHECK(Json::parse(text) == doc);
  CHECK(text.find("\n    {\"id\":1,\"tags\":[\"a\",\"b\"],\"inner\":{\"x\":[],\"y\":{}}},\n") !=
        std::string::npos);
  // A structured value handed whole to value() above the depth is laid out the same as one streamed.
  CHECK(text.find("\"totals\": {\n    \"down\": 3,\n    \"by_kind\": {\"compute\":[1,2]}\n  }") !=
        std::string::npos);
}

TEST_CASE("a continuation of a one-line stream keeps its layout", "[json_stream]") {
  std::string whole;
  std::string spliced;
  for (const bool split : {false, true}) {
    std::string& text = split ? spliced : whole;
    JsonStream out([&](std::string_view piece) { text += piece; }, 3);
    out.begin_object();
    out.key("records");
    out.begin_array();
    out.value({{"id", 1}});
    if (split) {
      std::string part;
      JsonStream next = out.continuation([&](std::string_view piece) { part += piece; }, 1);
      next.value({{"id", 2}});
      next.value({{"id", 3}});
      next.flush();
      out.splice(part, 2);
    } else {
      out.value({{"id", 2}});
      out.value({{"id", 3}});
    }
    out.end();
    out.end();
    out.finish();
  }
  CHECK(whole == "{\n  \"records\": [\n    {\"id\":1},\n    {\"id\":2},\n    {\"id\":3}\n  ]\n}\n");
  CHECK(spliced == whole);
}

TEST_CASE("a streamed document has the bytes of the whole document's dump", "[json_stream]") {
  const Json doc = {
      {"name", "line one\nline two \"quoted\" \x1b[31m"},
      {"empty_list", Json::array()},
      {"empty_object", Json::object()},
      {"numbers", {1, -2.5, 1e300, 0}},
      {"nested", {{"a", {{"b", Json::array({Json::object(), Json::array(), nullptr, true})}}}, {"c", "ü→"}}},
      {"list_of_objects", {{{"x", 1}, {"y", {1, 2}}}, {{"x", 2}, {"y", Json::array()}}}},
  };
  CHECK(streamed(doc) == doc.dump(2) + "\n");
}

TEST_CASE("an empty object streams as {}", "[json_stream]") {
  CHECK(streamed(Json::object()) == "{}\n");
}

TEST_CASE("a big document reaches the sink in pieces, with the same bytes", "[json_stream]") {
  Json many = Json::array();
  for (int i = 0; i < 40'000; ++i) many.push_back({{"id", i}, {"name", std::string(40, 'x')}});
  const Json doc = {{"before", 1}, {"many", many}, {"after", "end"}};
  std::vector<std::size_t> pieces;
  const std::string text = streamed(doc, &pieces);
  CHECK(text == doc.dump(2) + "\n");
  REQUIRE(pieces.size() > 2);
  // Each piece but the last is handed over as soon as the buffer reaches the flush size.
  for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
    CHECK(pieces[i] >= JsonStream::kFlushBytes);
    CHECK(pieces[i] < 2 * JsonStream::kFlushBytes);
  }
}

TEST_CASE("a real number is written as nlohmann's dump writes it", "[json_stream]") {
  const std::vector<double> values{0.0,      -0.0,       1.0,  0.1,     1.0 / 3.0, 99.975,
                                   1e-7,     1e-4,       1e15, 1e16,    1.5e300,   -2.5e-300,
                                   4.9e-324, 123456.789, 1e21, 0.99999, 86400.0,   -1234.5678};
  for (const double d : values) {
    std::string text;
    JsonStream out([&](std::string_view piece) { text += piece; });
    out.real(d);
    out.finish();
    CAPTURE(d);
    CHECK(text == Json(d).dump() + "\n");
  }
  std::string text;
  JsonStream out([&](std::string_view piece) { text += piece; });
  out.begin_array();
  out.real(std::numeric_limits<double>::quiet_NaN());
  out.real(std::numeric_limits<double>::infinity());
  out.end();
  out.finish();
  CHECK(text == Json::parse("[null, null]").dump(2) + "\n");
}

TEST_CASE("a continuation's text spliced back gives the bytes of one stream", "[json_stream]") {
  const Json elements = {{{"x", 1}, {"y", {1, 2}}}, {{"x", 2}}, "three", {{"x", 4}, {"z", Json::object()}}};
  const Json doc = {{"head", true}, {"list", elements}, {"tail", "end"}};
  std::string text;
  JsonStream out([&text](std::string_view piece) { text += piece; });
  out.begin_object();
  out.member("head", true);
  out.key("list");
  out.begin_array();
  // The second and fourth elements are written by a continuation, as another thread would.
  std::string part;
  JsonStream other = out.continuation([&part](std::string_view piece) { part += piece; }, 1);
  out.value(elements[0]);
  other.value(elements[1]);
  other.flush();
  out.splice(part, 1);
  CHECK(out.values_here() == 2);
  part.clear();
  other.value(elements[3]);  // continues after its own value, with the comma
  out.value(elements[2]);
  other.flush();
  out.splice(part, 1);
  out.end();
  out.member("tail", "end");
  out.end();
  out.finish();
  CHECK(text == doc.dump(2) + "\n");
}

TEST_CASE("a string and a key are escaped as nlohmann's dump escapes them", "[json_stream]") {
  std::vector<std::string> texts{"", "plain", "ü→ °C", "\xf0\x9f\x94\xa5 fire", "tab\there", "a\"b\\c/d"};
  std::string every_ascii;
  for (int byte = 0; byte < 0x80; ++byte) every_ascii += static_cast<char>(byte);
  texts.push_back(every_ascii);
  texts.push_back(every_ascii + "ü" + every_ascii);
  for (const std::string& s : texts) {
    std::string text;
    JsonStream out([&](std::string_view piece) { text += piece; });
    out.begin_object();
    out.key(s);
    out.string(s);
    out.end();
    out.finish();
    CAPTURE(s);
    CHECK(text == Json{{s, s}}.dump(2) + "\n");
  }
}

TEST_CASE("a string that is not UTF-8 is refused as nlohmann refuses it", "[json_stream]") {
  for (const std::string s : {"\xff", "caf\xc3", "\xc3\x28 broken", "ok then \xe2\x82"}) {
    std::string text;
    JsonStream out([&](std::string_view piece) { text += piece; });
    CAPTURE(s);
    CHECK_THROWS_AS(out.string(s), nlohmann::ordered_json::type_error);
  }
}
