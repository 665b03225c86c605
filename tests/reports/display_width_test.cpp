#include "reports/display_width.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::reports;

TEST_CASE("widths count characters and not bytes") {
  CHECK(display_width("40.0 °C") == 7);
  CHECK(display_width("a <- b") == 6);
  CHECK(display_width("") == 0);
}

TEST_CASE("a wide character takes two columns and a combining mark none") {
  CHECK(display_width("香港") == 4);
  CHECK(display_width("ＡＢ") == 4);       // fullwidth Latin
  CHECK(display_width("e\xcc\x81") == 1);  // e and a combining acute accent
  CHECK(display_width("OKX 香港") == 8);
}

TEST_CASE("an invalid byte is one character of one column") {
  CHECK(display_width("a\xff"
                      "b") == 3);
  CHECK(display_width("\xe9\xa6") == 2);  // a cut three-byte sequence: two stray bytes
  const CharacterWidth c = character_at("\xff", 0);
  CHECK(c.bytes == 1);
  CHECK(c.columns == 1);
}

TEST_CASE("character_at gives a character's bytes and columns") {
  const CharacterWidth wide = character_at("x香", 1);
  CHECK(wide.bytes == 3);
  CHECK(wide.columns == 2);
  const CharacterWidth ascii = character_at("x香", 0);
  CHECK(ascii.bytes == 1);
  CHECK(ascii.columns == 1);
}

TEST_CASE("character_prefix keeps whole characters") {
  CHECK(character_prefix("香港島", 2) == "香港");
  CHECK(character_prefix("ab", 5) == "ab");
  CHECK(character_prefix("a\xff"
                         "b",
                         2) == "a\xff");
  CHECK(character_prefix("香港", 0).empty());
}
