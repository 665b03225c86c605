#include "reports/terminal_timeline.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

#include "reports/display_width.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::reports;

namespace {

// shop needs vm needs feed; the feed is down 01:00-03:00. blog's disks serve half 05:00-05:05 only.
Run small_region() {
  return run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
  - {name: vm, kind: compute, needs: feed}
  - {name: disks, kind: block_storage}
tenants:
  - {name: shop, needs: [vm]}
  - {name: blog, needs: [disks]}
faults:
  - {at: "01:00", target: feed, action: fail}
  - {at: "03:00", target: feed, action: repair}
  - {at: "05:00", target: disks, action: set_capacity, share: 0.5}
  - {at: "05:05", target: disks, action: set_capacity, share: 1}
)"));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("the terminal timeline draws a column per stretch, worst state first, with axis and legend") {
  const Run run = small_region();
  // 61 columns: names of 12, a space, 48 columns of 30 minutes over the 24 hours.
  const std::string text = terminal_timeline(run.spec, run.result, {.width = 61, .ascii = true});
  INFO(text);
  const std::vector<std::string> lines = lines_of(text);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] ==
        "test: tenant functions from 2022-01-01T00:00:00+00:00 for 1d 0h 00m, one column per 30m");
  // By hand: 01:00-03:00 is columns 2 to 5.
  CHECK(lines[1] == "shop/service .." + std::string(4, '#') + std::string(42, '.'));
  // Five minutes of degraded service still mark their whole column (05:00-05:30, column 10).
  CHECK(lines[2] == "blog/service .........." + std::string("~") + std::string(37, '.'));
  // 6-hour ticks: a label needs 10 columns, 5 hours take exactly 10, and 6h is the next round step.
  CHECK(lines[3] == "             |           |           |           |");
  CHECK(lines[4] == "             00:00       06:00       12:00       18:00");
  CHECK(lines[5] == "# down  ~ degraded  . up  (a column shows the worst state within it)");
}

TEST_CASE("the terminal timeline uses block characters unless asked for ASCII") {
  const Run run = small_region();
  const std::string text = terminal_timeline(run.spec, run.result, {.width = 61, .ascii = false});
  CHECK(text.find("shop/service ··████··") != std::string::npos);
  CHECK(text.find("▒") != std::string::npos);
  CHECK(text.find('#') == std::string::npos);
}

TEST_CASE("every line of the terminal timeline fits the width, long names cut") {
  Run run = small_region();
  run.spec.tenants[0].name = std::string(80, 'x');
  for (const std::size_t width : {40u, 61u, 100u, 237u}) {
    for (const bool ascii : {false, true}) {
      const std::string text = terminal_timeline(run.spec, run.result, {.width = width, .ascii = ascii});
      const std::vector<std::string> lines = lines_of(text);
      // The header and the legend are prose; the rows and the axis are the drawing that must fit.
      for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        INFO(width << " " << ascii << ": " << lines[i]);
        CHECK(display_width(lines[i]) <= width);
      }
      CHECK(text.find(ascii ? "xxx~ " : "xxx… ") != std::string::npos);
    }
  }
  // Below the minimum the drawing keeps its minimum.
  const std::string narrow = terminal_timeline(run.spec, run.result, {.width = 5, .ascii = true});
  CHECK(display_width(lines_of(narrow)[1]) == kMinTimelineWidth);
}

TEST_CASE("every name the terminal timeline prints is escaped") {
  Run run = small_region();
  // A spec built in code is not held to the loader's name rules.
  run.spec.name = "re\x1b[2Jgion";
  run.spec.tenants[0].name = "sh\rop";
  run.spec.tenants[1].functions[0].name = "po\x1b]0;owned\x07st";
  const std::string text = terminal_timeline(run.spec, run.result, {.width = 100, .ascii = true});
  INFO(text);
  CHECK(text.find("re\\x1b[2Jgion") != std::string::npos);
  CHECK(text.find("sh\\x0dop/service") != std::string::npos);
  CHECK(text.find("blog/po\\x1b]0;owned\\x07st") != std::string::npos);
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    CHECK((ch == '\n' || (byte >= 0x20 && byte != 0x7f)));
  }
}

TEST_CASE("the terminal timeline's axis labels later days and starts at the start's clock time") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: vm, kind: compute}
tenants:
  - {name: shop, needs: [vm]}
)",
                                         "48h"));
  const std::string text = terminal_timeline(run.spec, run.result, {.width = 100, .ascii = true});
  INFO(text);
  CHECK(text.find("00:00+1d") != std::string::npos);
  CHECK(text.find("shop/service " + std::string(87, '.') + "\n") != std::string::npos);
}
