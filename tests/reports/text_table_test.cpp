#include "reports/text_table.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::reports;

TEST_CASE("columns are padded to their widest cell, numbers right-aligned") {
  TextTable t({"name", "down"}, {TextTable::Align::kLeft, TextTable::Align::kRight});
  t.add_row({"OKX", "15h 50m"});
  t.add_row({"personal-web", "9h"});
  CHECK(t.render() ==
        "name             down\n"
        "------------  -------\n"
        "OKX           15h 50m\n"
        "personal-web       9h\n");
}

TEST_CASE("widths count characters, not bytes") {
  CHECK(display_width("40.0 °C") == 7);
  CHECK(display_width("a <- b") == 6);
}
