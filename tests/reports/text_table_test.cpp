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

TEST_CASE("a wide name keeps the columns in line") {
  // Regression: padding counted code points, so each Chinese character shifted the next column by one.
  TextTable t({"tenant", "down"}, {TextTable::Align::kLeft, TextTable::Align::kRight});
  t.add_row({"澳門政府", "9h"});
  t.add_row({"OKX", "15h 50m"});
  CHECK(t.render() ==
        "tenant       down\n"
        "--------  -------\n"
        "澳門政府       9h\n"
        "OKX       15h 50m\n");
}
