// `outagesim graph` on the HK 2022 replay: Graphviz itself must accept the DOT it writes.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("dot -Tsvg renders the HK graph, whole and for one tenant at a time") {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    WARN("skipped: Graphviz's dot is not installed (apt-get install graphviz; .ci/install-deps does)");
    return;
  }
  const auto tmp = std::filesystem::temp_directory_path();
  const std::string stem = "outagesim-graph-test-" + std::to_string(::getpid());
  const std::string dot_file = (tmp / (stem + ".dot")).string();
  const std::string svg_file = (tmp / (stem + ".svg")).string();
  for (const std::string extra : {"", " --tenant OKX --at 10:30"}) {
    INFO(extra);
    const auto graph = run_cli("graph scenarios/hk-2022-zone-c.yaml -o '" + dot_file + "'" + extra);
    INFO(graph.err);
    REQUIRE(graph.status == 0);
    const int rendered = std::system(("dot -Tsvg '" + dot_file + "' -o '" + svg_file + "'").c_str());
    CHECK(rendered == 0);
    std::FILE* svg = std::fopen(svg_file.c_str(), "r");
    REQUIRE(svg != nullptr);
    std::string text(4096, '\0');
    text.resize(std::fread(text.data(), 1, text.size(), svg));
    std::fclose(svg);
    CHECK(text.find("<svg") != std::string::npos);
    std::remove(svg_file.c_str());
    std::remove(dot_file.c_str());
  }
}

TEST_CASE("graph refuses an unknown tenant and a time outside the run") {
  const auto tenant = run_cli("graph scenarios/hk-2022-zone-c.yaml --tenant nobody");
  CHECK(tenant.status == 2);
  CHECK(tenant.err.find("no tenant named 'nobody'") != std::string::npos);
  const auto at = run_cli("graph scenarios/hk-2022-zone-c.yaml --at soon");
  CHECK(at.status == 2);
  CHECK(at.err.find("--at 'soon'") != std::string::npos);
  const auto late = run_cli("graph scenarios/hk-2022-zone-c.yaml --at +400d");
  CHECK(late.status == 2);
  CHECK(late.err.find("outside the run") != std::string::npos);
}

TEST_CASE("a tenant that is not there is told with a suggestion and the tenants there are") {
  // Regression (session 17): graph said only that there was no such tenant; explain said more.
  const auto r = run_cli("graph scenarios/hk-2022-zone-c.yaml --tenant OKY");
  CHECK(r.status == 2);
  CHECK(
      r.err ==
      "outagesim graph: --tenant: scenarios/hk-2022-zone-c.yaml has no tenant named 'OKY'; did you mean "
      "'OKX'?; its tenants: 'OKX', 'macau-public-site', 'personal-web', 'shop-multi-zone', 'media-archive', "
      "'gate-io'\n");
}
