#include "reports/graph_dot.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
using namespace outagesim::reports;
using outagesim::sim::Time;

namespace {

// feed -> vm -> shop; disks -> blog. The feed fails 01:00-03:00.
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
)"));
}

bool has(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

}  // namespace

TEST_CASE("the DOT graph holds every vertex, filled by its worst state, and an arrow per dependency") {
  const Run run = small_region();
  const std::string dot = graph_dot(run.spec, run.result);
  INFO(dot);
  CHECK(dot.rfind("digraph G {\n", 0) == 0);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
  CHECK(has(dot, R"(0[label="feed\npower_feed", shape=box3d, fillcolor="#ef9a9a", tooltip="feed: down"];)"));
  CHECK(has(dot, R"(1[label="vm\ncompute", shape=box, fillcolor="#ef9a9a")"));
  CHECK(has(dot, R"(2[label="disks\nblock_storage", shape=box, fillcolor="#c8e6c9")"));
  CHECK(has(dot, R"(3[label="shop/service\ntenant_function", shape=note, fillcolor="#ef9a9a")"));
  CHECK(has(dot, R"(5[label="shop\ntenant", shape=house)"));
  CHECK(has(dot, "1->0 ;\n"));  // vm needs feed: no label on a plain "needs"
  CHECK(has(dot, "3->1 ;\n"));
  CHECK(has(dot, "5->3 ;\n"));  // the tenant and its function
  CHECK(has(dot, "worst state over the run"));
  CHECK(graph_dot(run.spec, run.result) == dot);  // the same run, the same bytes
}

TEST_CASE("the DOT graph at a time fills each node by its state then") {
  const Run run = small_region();
  const std::string before = graph_dot(run.spec, run.result, {.at = Time::minutes(30), .tenant = {}});
  CHECK_FALSE(has(before, "#ef9a9a"));
  CHECK(has(before, "state at 00:30"));
  const std::string during = graph_dot(run.spec, run.result, {.at = Time::hours(2), .tenant = {}});
  CHECK(has(during, R"(0[label="feed\npower_feed", shape=box3d, fillcolor="#ef9a9a")"));
  CHECK(has(during, R"(2[label="disks\nblock_storage", shape=box, fillcolor="#c8e6c9")"));
  // The repair at 03:00 ends the interval: the state there is already the next one.
  const std::string after = graph_dot(run.spec, run.result, {.at = Time::hours(3), .tenant = {}});
  CHECK(has(after, R"(0[label="feed\npower_feed", shape=box3d, fillcolor="#c8e6c9")"));
}

TEST_CASE("the DOT graph of one tenant keeps only what it depends on, transitively") {
  const Run run = small_region();
  const std::string shop = graph_dot(run.spec, run.result, {.at = {}, .tenant = 0});
  INFO(shop);
  CHECK(has(shop, R"("feed\npower_feed")"));
  CHECK(has(shop, R"("vm\ncompute")"));
  CHECK(has(shop, R"("shop/service\ntenant_function")"));
  CHECK(has(shop, R"("shop\ntenant")"));
  CHECK_FALSE(has(shop, "disks"));
  CHECK_FALSE(has(shop, "blog"));
  CHECK(has(shop, "what shop depends on"));
  // Renumbered from 0 in vertex order: feed, vm, the function, the tenant.
  CHECK(has(shop, "1->0 ;\n"));
  CHECK(has(shop, "3->2 ;\n"));
  const std::string blog = graph_dot(run.spec, run.result, {.at = {}, .tenant = 1});
  CHECK_FALSE(has(blog, "feed"));
  CHECK(has(blog, R"("disks\nblock_storage")"));
}

TEST_CASE("names are escaped for DOT: quotes, backslashes, newlines and control characters") {
  CHECK(dot_escaped("plain-name") == "plain-name");
  CHECK(dot_escaped(R"(say "hi")") == R"(say \"hi\")");
  CHECK(dot_escaped(R"(C:\dir)") == R"(C:\\dir)");
  CHECK(dot_escaped("two\nlines") == R"(two\\x0alines)");
  CHECK(dot_escaped("\x1b[31mred") == R"(\\x1b[31mred)");
  CHECK(dot_escaped("caf\xc3\xa9") == "caf\xc3\xa9");  // UTF-8 stays
  CHECK(dot_escaped("bad\xff") == R"(bad\\xff)");      // a byte that is not UTF-8 does not

  // A spec built in code is not held to the loader's name rules: the writer still escapes.
  Run run = small_region();
  run.spec.components[0].name = "fe\"ed\\\n";
  const std::string dot = graph_dot(run.spec, run.result);
  CHECK(dot.find(R"(0[label="fe\"ed\\\\x0a\npower_feed")") != std::string::npos);
  CHECK(dot.find("fe\"ed") == std::string::npos);
}

TEST_CASE("the DOT graph labels alternatives with how many of them are needed") {
  // Regression (session 20's probe): an any-of and a k-of-n were drawn as plain edges, as if every
  // member were needed.
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: compute}
  - {name: b, kind: compute}
  - {name: c, kind: compute}
  - {name: disks, kind: block_storage}
  - {name: lb, kind: load_balancer, needs: {any_of: [a, b]}}
tenants:
  - {name: shop, needs: [lb, disks, {k: 2, of: [a, b, c]}]}
)"));
  const std::string dot = graph_dot(run.spec, run.result);
  INFO(dot);
  // Nodes are numbered in vertex order: a 0, b 1, c 2, disks 3, lb 4, shop/service 5, shop 6.
  CHECK(has(dot, "4->0 [label=\"1 of 2\", style=dotted];"));
  CHECK(has(dot, "4->1 [label=\"1 of 2\", style=dotted];"));
  CHECK(has(dot, "5->2 [label=\"2 of 3\", style=dotted];"));
  CHECK(has(dot, "5->3 ;"));  // needed outright: a plain arrow
  CHECK(has(dot, "5->4 ;"));
}
