// CSV text fields: quoted when they must be, and never read as a formula by a spreadsheet.
#include "reports/csv_field.hpp"

#include <catch2/catch.hpp>

using outagesim::reports::csv_field;

TEST_CASE("a CSV field is quoted only when it holds a comma a quote or a line break") {
  CHECK(csv_field("OKX") == "OKX");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("a field a spreadsheet would read as a formula starts with an apostrophe") {
  // Regression (session 17): a tenant named =HYPERLINK(...) went into rank, sweep and compare CSVs as is.
  CHECK(csv_field("=HYPERLINK(\"http://x\";\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-shop") == "'-shop");
  CHECK(csv_field("@sum") == "'@sum");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("a=b") == "a=b");  // only the first character counts
}
