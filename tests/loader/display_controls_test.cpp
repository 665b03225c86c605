#include "loader/display_controls.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::loader;

TEST_CASE("display controls are found with their length and code point") {
  CHECK(display_control_at("\x1b[31m").bytes == 1);
  CHECK(display_control_at("\x7f").code == 0x7F);
  CHECK(display_control_at("\xc2\x9b").bytes == 2);  // CSI as a C1 control
  CHECK(display_control_at("\xc2\xa0").bytes == 0);  // no-break space: printable
  CHECK(display_control_at("\xd8\x9c").code == 0x061C);
  CHECK(display_control_at("\u200e").code == 0x200E);
  CHECK(display_control_at("\u2028").code == 0x2028);
  CHECK(display_control_at("\u202e").bytes == 3);
  CHECK(display_control_at("\u2069").code == 0x2069);
  for (const char* neighbour : {"\u200d", "\u2027", "\u202f", "\u2065", "\u206a", "\u2019", "a", ""}) {
    INFO(neighbour);
    CHECK(display_control_at(neighbour).bytes == 0);
  }
  CHECK(display_control_at("\xe2\x80").bytes == 0);  // cut short
}

TEST_CASE("free text may break lines, names may not") {
  CHECK_FALSE(holds_display_control("a note\nover two lines\twith a tab", true));
  CHECK(holds_display_control("a note\nover two lines", false));
  CHECK(holds_display_control("red \x1b[31m", true));
  CHECK(holds_display_control("carriage\rreturn", true));
  CHECK(holds_display_control("abc\u202edef", true));
  CHECK_FALSE(holds_display_control("Zürich 東京 — ok", false));
}
