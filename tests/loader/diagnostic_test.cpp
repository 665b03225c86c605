// Rendering diagnostics safely: text from the file is cut on character boundaries, escaped where it
// holds control characters or bytes that are not UTF-8, and the caret stays under its column.
#include "loader/diagnostic.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace outagesim::loader;

namespace {
std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("shown text is cut on a character boundary, with its whole size") {
  // 70 two-byte characters: a cut at 60 bytes would have split none, but one at 61 would; count characters.
  CHECK(shown_text(repeat("é", 70)) == repeat("é", 60) + "… (140 bytes)");
  CHECK(shown_text(repeat("é", 60)) == repeat("é", 60));
  const std::string euros = repeat("€", 70);
  CHECK(shown_text(euros, 2) == "€€… (210 bytes)");
  // A 10 MB name is shown as 60 characters and its size.
  const std::string huge(10'000'000, 'x');
  CHECK(shown_text(huge) == std::string(60, 'x') + "… (10000000 bytes)");
}

TEST_CASE("control characters and bytes that are not UTF-8 are escaped") {
  CHECK(escaped_text("plain é text") == "plain é text");
  CHECK(escaped_text("a\tb\x1b[31m\x7f") == "a\\x09b\\x1B[31m\\x7F");
  CHECK(escaped_text(std::string("nul\0", 4)) == "nul\\x00");
  CHECK(escaped_text("\xff\xc3(") == "\\xFF\\xC3(");  // a lone lead byte, then ASCII
  CHECK(escaped_text("\xc2\x9b") == "\\xC2\\x9B");    // C1 control: CSI
  CHECK(escaped_text("\xe2\x82") == "\\xE2\\x82");    // a character cut short at the end
  // Regression: a bidirectional override or a line separator from a state file reached stderr raw.
  CHECK(escaped_text("a\u202eb\u2028c\u2066d\u200fe") == "a\\u202Eb\\u2028c\\u2066d\\u200Fe");
  CHECK(escaped_text("\u2019\u2027\u2030") == "\u2019\u2027\u2030");  // neighbours stay as they are
  CHECK(escaped_text("ar\u061cb") == "ar\\u061Cb");                   // the Arabic letter mark reorders too
  CHECK(escaped_text("\xe2\x80") == "\\xE2\\x80");                    // a separator's lead bytes, cut short
}

TEST_CASE("the caret stays under its byte column past multi-byte characters and escapes") {
  const std::vector<std::string_view> lines = {"  {name: \"éé\", x: \x1b\xff, bad: 1}"};
  // "bad" starts at byte 25 (é is two bytes; ESC and 0xFF one each).
  const Diagnostic d{"t.yaml", 1, 25, "bad", "good"};
  CHECK(format_diagnostic(d, lines) == R"(t.yaml:1:25: error: bad
 1 |   {name: "éé", x: \x1B\xFF, bad: 1}
   |                             ^
  expected: good
)");
}

TEST_CASE("a long source line is shown as a window around the caret") {
  const std::string line = std::string(300, 'a') + "X" + std::string(300, 'b');
  const std::vector<std::string_view> lines = {line};
  const std::string out = format_diagnostic(Diagnostic{"t.yaml", 1, 301, "here", ""}, lines);
  const std::string shown = "…" + std::string(53, 'a') + "X" + std::string(106, 'b') + "…";
  CHECK(out == "t.yaml:1:301: error: here\n 1 | " + shown + "\n   | " + std::string(54, ' ') + "^\n");
}

TEST_CASE("a message holding raw text from the file is escaped and capped") {
  const Diagnostic d{"t.yaml", 0, 0, "name 'a\x1b]0;pwned\x07' and " + std::string(5000, 'y'), ""};
  const std::string out = format_diagnostic(d, {});
  CHECK(out.starts_with("t.yaml: error: name 'a\\x1B]0;pwned\\x07' and yyy"));
  CHECK(out.ends_with("… (" + std::to_string(d.message.size()) + " bytes)\n"));
  CHECK(out.size() < 2100);
}

TEST_CASE("a file's text splits into lines, CR LF or LF, with an empty last line after a final newline") {
  using outagesim::loader::split_lines;
  CHECK(split_lines("a\r\nb\nc") == std::vector<std::string_view>{"a", "b", "c"});
  CHECK(split_lines("a\n") == std::vector<std::string_view>{"a", ""});
  CHECK(split_lines("") == std::vector<std::string_view>{""});
  CHECK(split_lines("\r\n\n") == std::vector<std::string_view>{"", "", ""});
}
