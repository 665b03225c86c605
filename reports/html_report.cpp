// Assembling the HTML page: head with the policy and the style sheet, the provenance line, then one
// section per chart (reports/svg_*.hpp).
#include "reports/html_report.hpp"

#include <fmt/format.h>

#include "reports/clock_format.hpp"
#include "reports/html_escape.hpp"
#include "reports/svg_comparison_chart.hpp"
#include "reports/svg_downtime_bars.hpp"
#include "reports/svg_temperature_chart.hpp"
#include "reports/svg_timeline.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;

namespace {

// Nothing may be fetched: no scripts, fonts, images or frames; only the inline style sheet and data: images.
constexpr const char* kContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 16px 24px; color: #1d1d1f; background: #fff; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 2px; }
p, li { font-size: 13px; line-height: 1.4; max-width: 1100px; }
.provenance { color: #555; font-size: 12px; }
.legend { font-size: 12px; margin: 4px 0 6px; }
.legend span { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 4px; vertical-align: middle; border: 1px solid #999; }
.swatch.up { background: #e4f2e1; }
.swatch.degraded { background: #f2b134; }
.swatch.down { background: #d0312d; }
.swatch.tenant-time { background: #7a4fa3; }
.swatch.fault { background: #d0312d; border-radius: 0 0 7px 7px; }
.swatch.action { background: #2f6db5; transform: rotate(45deg) scale(0.8); }
.swatch.public { background: #1d1d1f; width: 3px; }
.swatch.simulated { background: #2f6db5; border-radius: 7px; width: 10px; }
svg { display: block; max-width: 100%; height: auto; font-family: "DejaVu Sans", Verdana, sans-serif; }
svg text { font-size: 11px; fill: #1d1d1f; }
svg .tick-label { fill: #666; font-size: 10px; }
svg .lane-heading { font-weight: bold; font-size: 12px; }
svg .grid { stroke: #e6e6e6; stroke-width: 1; }
svg .lane-bg { fill: #e4f2e1; }
svg .span.degraded { fill: #f2b134; }
svg .span.down { fill: #d0312d; }
svg .span.tenant-time { fill: #7a4fa3; }
svg .event.fault { fill: #d0312d; }
svg .event.action { fill: #2f6db5; }
svg .fault-line { stroke: #d0312d; stroke-width: 1; stroke-dasharray: 3 3; opacity: 0.6; }
svg .milestone-tick.public { fill: #1d1d1f; }
svg .milestone-tick.simulated { fill: #2f6db5; stroke: #fff; stroke-width: 1; }
svg .milestone-tick.simulated.missed { fill: #d0312d; }
svg .milestone-gap { stroke: #888; stroke-width: 2; }
svg .milestone-note { fill: #444; }
.rooms { display: flex; flex-wrap: wrap; gap: 8px 16px; }
.rooms svg { width: 560px; }
svg .chart-title { font-weight: bold; }
svg .temp-curve { fill: none; stroke: #1d1d1f; stroke-width: 2; stroke-linejoin: round; }
svg .outside-air { fill: none; stroke: #b35900; stroke-width: 1.5; stroke-dasharray: 2 3; }
svg .temp-crossing { fill: #fff; stroke: #1d1d1f; stroke-width: 1; }
svg .threshold { stroke-width: 1.5; stroke-dasharray: 6 3; }
svg .threshold.setpoint { stroke: #3a9a3a; }
svg .threshold.alarm { stroke: #f2b134; }
svg .threshold.shutdown { stroke: #d0312d; }
svg .threshold.sprinkler { stroke: #2f6db5; }
svg .threshold.other { stroke: #888; }
svg .threshold-label { font-size: 10px; }
svg .downtime-bar.down { fill: #d0312d; }
svg .downtime-bar.degraded { fill: #f2b134; }
svg .downtime-row.function .lane-label { fill: #555; }
svg .bar-label { fill: #444; font-size: 10px; }
svg .variant-bar { fill: #2f6db5; }
svg .variant-bar.baseline { fill: #888; }
svg .variant-ci { stroke: #1d1d1f; stroke-width: 1.5; fill: none; }
svg .variant-spread { stroke: #1d1d1f; stroke-width: 1; opacity: 0.5; }
)";

std::string legend() {
  return R"(<div class="legend"><span><i class="swatch up"></i>up</span><span><i class="swatch degraded"></i>degraded</span><span><i class="swatch down"></i>down (provider's time)</span><span><i class="swatch tenant-time"></i>down or degraded in the tenant's own recovery</span><span><i class="swatch fault"></i>injected fault</span><span><i class="swatch action"></i>operator action</span><span><i class="swatch public"></i>milestone, public time</span><span><i class="swatch simulated"></i>milestone, simulated (red: outside its tolerance)</span></div>
)";
}

std::string comparison_section(const m::ScenarioSpec& spec, const HtmlComparison& comparison) {
  std::string out = "<section id=\"variants\">\n<h2>Strategy variants</h2>\n";
  if (comparison.replicated != nullptr) {
    out += svg_comparison_chart(spec, *comparison.replicated);
  } else if (comparison.one_run != nullptr && !comparison.one_run->rows.empty()) {
    out += svg_comparison_chart(spec, *comparison.one_run);
  } else {
    out += "<p>The scenario has no strategy variants to compare.</p>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string html_report(const m::ScenarioSpec& spec, const m::RunResult& result, const RunMetadata& meta,
                        const HtmlComparison& comparison) {
  const std::string title = spec.title.empty() ? spec.name : spec.title;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"generator\" content=\"outagesim "
      "{}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      kContentSecurityPolicy, html_escape(meta.version), html_escape(title), kStyle);
  out += fmt::format("<h1>{}</h1>\n", html_escape(title));
  out += fmt::format(
      "<p class=\"provenance\">outagesim {}: scenario <b>{}</b> ({}, fnv1a64 {:016x}), seed {}; from {} for "
      "{}; "
      "{} events, {} state changes.</p>\n",
      html_escape(meta.version), html_escape(spec.name), html_escape(meta.file), meta.scenario_hash,
      meta.seed, html_escape(local_iso(spec, sim::Time())), html_escape(format_duration(spec.horizon)),
      result.events, result.state_changes());
  for (const std::string& warning : meta.warnings)
    out += fmt::format("<p class=\"warning\">warning: {}</p>\n", html_escape(warning));
  if (!spec.description.empty()) out += fmt::format("<p>{}</p>\n", html_escape(spec.description));

  out += "<section id=\"timeline\">\n<h2>Timeline</h2>\n" + legend();
  out += svg_timeline(spec, result);
  out +=
      "<p class=\"provenance\">Hover over a span for the cause that held it, down to the injected "
      "fault.</p>\n";
  out += "</section>\n";

  out += "<section id=\"downtime\">\n<h2>Downtime per tenant</h2>\n";
  out +=
      "<div class=\"legend\"><span><i class=\"swatch down\"></i>down</span><span><i class=\"swatch "
      "degraded\"></i>degraded</span> (bars span the whole horizon)</div>\n";
  out += svg_downtime_bars(spec, result);
  out += "</section>\n";

  out += "<section id=\"rooms\">\n<h2>Room temperatures</h2>\n";
  if (result.rooms.empty()) {
    out += "<p>The scenario has no rooms.</p>\n";
  } else {
    out += "<div class=\"rooms\">\n";
    for (const m::RoomTrace& trace : result.rooms) out += svg_temperature_chart(spec, trace);
    out += "</div>\n";
  }
  out += "</section>\n";

  out += comparison_section(spec, comparison);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace outagesim::reports
