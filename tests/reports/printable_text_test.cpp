#include "reports/printable_text.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::reports;

TEST_CASE("printable text keeps UTF-8 and shows control characters and broken bytes in hex") {
  CHECK(printable("okx-trading") == "okx-trading");
  CHECK(printable("Zürich 東京") == "Zürich 東京");
  CHECK(printable(R"(back\slash)") == R"(back\slash)");
  CHECK(printable("a\nb\tc\x7f") == R"(a\x0ab\x09c\x7f)");
  CHECK(printable("\x1b[31mred") == R"(\x1b[31mred)");
  CHECK(printable("c1 \xc2\x9b here") == R"(c1 \xc2\x9b here)");    // CSI as a C1 control
  CHECK(printable("cut \xe6\x9d") == R"(cut \xe6\x9d)");            // a sequence cut short
  CHECK(printable("overlong \xc0\xaf") == R"(overlong \xc0\xaf)");  // '/' spelled in two bytes
  CHECK(printable("surrogate \xed\xa0\x80") == R"(surrogate \xed\xa0\x80)");
  CHECK(printable(std::string_view("nul\0", 4)) == R"(nul\x00)");
  // Regression (session 20): a shard's or a command line's bidirectional override or line separator
  // reached the terminal and reordered the line.
  CHECK(printable("a\u202eb\u2028c\u2066d\u200fe\u061cf") == R"(a\u202Eb\u2028c\u2066d\u200Fe\u061Cf)");
  CHECK(printable("\u2019\u2027\u2030\u0627") == "\u2019\u2027\u2030\u0627");  // neighbours as they are
}

TEST_CASE("fitting to a width counts code points and cuts with a mark") {
  CHECK(fit_width("Zürich", 6, false) == "Zürich");
  CHECK(fit_width("Zürich", 4, false) == "Zür…");
  CHECK(fit_width("Zürich", 4, true) == "Zür~");
  CHECK(fit_width("Zürich", 0, true).empty());
  // Wide characters take two columns: the cut never passes the width, even when a character must go whole.
  CHECK(fit_width("香港島", 6, false) == "香港島");
  CHECK(fit_width("香港島", 5, false) == "香港…");
  CHECK(fit_width("香港島", 4, true) == "香~");
}
