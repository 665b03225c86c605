#include "reports/html_report.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "models/scenario/comparison.hpp"
#include "reports/html_escape.hpp"
#include "tests/support/scenario_fixture.hpp"

using namespace outagesim::testing;
namespace r = outagesim::reports;

namespace {

// A room that overheats while its plant is down, hosts in it, a tenant on them with a variant, and a
// tenant whose name is markup.
const char* kScenario = R"(
components:
  - {name: plant, kind: cooling_plant, chillers: 4, chiller_kw: 250}
  - {name: hall, kind: room, cooling: plant, design_cooling_kw: 1000, thermal_mass_kj_per_c: 60000,
     base_load_kw: 50, alarm_c: 30, sprinkler_c: 60}
  - {name: hosts, kind: host_pool, room: hall, hosts: 45, kw_per_host: 10, shutdown_c: 50}
  - {name: vm, kind: compute, needs: hosts}
  - {name: other-zone, kind: power_feed}
tenants:
  - name: shop
    functions:
      - {name: checkout, needs: [vm], recovery: 10m}
      - {name: catalogue, needs: [other-zone]}
  - {name: "<script>alert('x')<script> & \"co\"", needs: [vm]}
faults:
  - {at: "01:00", target: plant, action: fail_chillers, count: 4, note: "valve <stuck> & leaking"}
operator_actions:
  - {at: "02:00", target: plant, action: restore_chillers, count: 4}
milestones:
  - {name: hosts down, component: hosts, event: enters_down, public: "01:45"}
variants:
  - name: standby elsewhere
    tenant: shop
    functions:
      checkout: {kind: standby, needs: other-zone, switchover: 20m}
)";
const r::RunMetadata kMeta{"0.0.0", "test.yaml", 0xabc, 1};

std::string page(const Run& run) {
  const outagesim::models::Comparison comparison = outagesim::models::compare_variants(run.spec, 1);
  return r::html_report(run.spec, run.result, kMeta, r::HtmlComparison{&comparison, nullptr});
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html_escape turns markup and quotes into references and drops control characters") {
  CHECK(r::html_escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  CHECK(r::html_escape(std::string("x\x01y\tz", 5)) == "x\xEF\xBF\xBDy\tz");
  CHECK(r::html_escape("°C – ok") == "°C – ok");
}

TEST_CASE("the HTML report has a lane per tenant function and key component, curves, ticks and bars") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const std::string html = page(run);
  CHECK(html.find("data-lane=\"shop/checkout\" data-kind=\"function\"") != std::string::npos);
  CHECK(html.find("data-lane=\"shop/catalogue\" data-kind=\"function\"") != std::string::npos);
  // The hosts held the tenants down; the plant's fault took it out of up.
  CHECK(html.find("data-lane=\"hosts\" data-kind=\"component\"") != std::string::npos);
  CHECK(html.find("data-lane=\"plant\" data-kind=\"component\"") != std::string::npos);
  // The feed never left up and held nobody: no lane.
  CHECK(html.find("data-lane=\"other-zone\"") == std::string::npos);
  CHECK(count(html, "class=\"temp-curve\" data-room=\"hall\"") == 1);
  CHECK(html.find("class=\"threshold alarm\" data-threshold=\"alarm\"") != std::string::npos);
  CHECK(html.find("class=\"threshold sprinkler\"") != std::string::npos);
  CHECK(html.find("class=\"threshold shutdown\" data-threshold=\"shutdown hosts\"") != std::string::npos);
  CHECK(count(html, "class=\"milestone-tick public\" data-milestone=\"hosts down\"") == 1);
  CHECK(count(html, "class=\"milestone-tick simulated\" data-milestone=\"hosts down\"") == 1);
  CHECK(count(html, "class=\"event fault\"") == 1);
  CHECK(count(html, "class=\"event action\"") == 1);
  CHECK(html.find("class=\"downtime-bar down\" data-tenant=\"shop\" data-function=\"checkout\"") !=
        std::string::npos);
  CHECK(
      html.find("class=\"variant-bar\" data-function=\"shop/checkout\" data-variant=\"standby elsewhere\"") !=
      std::string::npos);
  CHECK(html.find("class=\"variant-bar baseline\" data-function=\"shop/checkout\"") != std::string::npos);
  // The hover text of the checkout's down span leads to the fault, its note escaped.
  CHECK(html.find("fault fail_chillers on plant at 01:") != std::string::npos);
  CHECK(html.find("valve &lt;stuck&gt; &amp; leaking") != std::string::npos);
}

TEST_CASE("the HTML report escapes every name from the scenario") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const std::string html = page(run);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("alert('x')") == std::string::npos);
  CHECK(html.find("\"co\"") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;script&gt; &amp; &quot;co&quot;") !=
        std::string::npos);
  CHECK(html.find("valve <stuck>") == std::string::npos);
}

TEST_CASE("the HTML report refers to nothing outside itself and forbids fetching anything") {
  const Run run = run_yaml(scenario_yaml(kScenario));
  const std::string html = page(run);
  CHECK(html.find("http:") == std::string::npos);
  CHECK(html.find("https:") == std::string::npos);
  CHECK(html.find("//") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                  "'unsafe-inline'; img-src data:\">") != std::string::npos);
}

TEST_CASE("the HTML report is the same bytes for the same scenario and seed") {
  const std::string first = page(run_yaml(scenario_yaml(kScenario)));
  const std::string second = page(run_yaml(scenario_yaml(kScenario)));
  CHECK(first == second);
  CHECK(first.size() > 5000);
}

TEST_CASE("the HTML report of a scenario without rooms, milestones or variants says so") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: feed, kind: power_feed}
tenants:
  - {name: shop, needs: [feed]}
)"));
  const std::string html = r::html_report(run.spec, run.result, kMeta);
  CHECK(html.find("data-lane=\"shop/service\"") != std::string::npos);
  CHECK(html.find("The scenario has no rooms.") != std::string::npos);
  CHECK(html.find("The scenario has no strategy variants to compare.") != std::string::npos);
  CHECK(html.find("class=\"milestone-tick") == std::string::npos);
}

TEST_CASE("the downtime chart says how many tenants it leaves out and how many of them were down") {
  // Regression (session 17): past 60 tenants the chart showed the 60 most affected and said nothing of
  // the others.
  std::string tenants = "tenants:\n";
  for (int i = 0; i < 70; ++i) tenants += "  - {name: down-" + std::to_string(i) + ", needs: [a]}\n";
  for (int i = 0; i < 30; ++i) tenants += "  - {name: up-" + std::to_string(i) + ", needs: [b]}\n";
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: a, kind: power_feed}
  - {name: b, kind: power_feed}
faults:
  - {at: "01:00", target: a, action: fail}
)" + tenants));
  const std::string html = r::html_report(run.spec, run.result, kMeta);
  CHECK(count(html, "class=\"downtime-row\"") == 60);
  CHECK(html.find("(40 more tenants, less affected, are left out; 10 of them were down)") !=
        std::string::npos);
}

TEST_CASE("a function lane's hover text says what its strategy waited on") {
  const Run run = run_yaml(scenario_yaml(R"(
components:
  - {name: x, kind: middleware}
  - {name: z, kind: middleware}
tenants:
  - name: app
    needs: [x]
    strategy: {kind: standby, needs: [z], detection: 10m, switchover: 20m}
faults:
  - {at: "01:00", target: x, action: fail}
)"));
  const std::string html = r::html_report(run.spec, run.result, kMeta);
  CHECK(html.find("held by app/service, its strategy: detection and decision") != std::string::npos);
  CHECK(html.find("held by app/service, its strategy: switchover and DNS") != std::string::npos);
}
