// The document as a whole and its sections: header, crews, SLAs, components, tenants.
#include "loader/scenario_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "loader/import_placement.hpp"
#include "loader/spelling.hpp"
#include "loader/uncertain_number.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {
constexpr sim::Time kMaxHorizon = sim::Time::hours(24 * 366);
}  // namespace

void ScenarioReader::read_header(YamlMap& top) {
  if (auto name = top.string("scenario", true)) {
    if (name->empty()) sink_.error(top.mark_of("scenario"), "the scenario name is empty", "a short name");
    spec_.name = *name;
  }
  spec_.title = top.string("title").value_or(spec_.name);
  spec_.description = top.string("description").value_or("");

  if (const YamlNode start = top.get("start", true); start.defined()) {
    if (const auto text = read_string(sink_, start, "'start' of the scenario")) {
      auto parsed = parse_instant(*text);
      if (auto* expected = std::get_if<std::string>(&parsed)) {
        sink_.error(start.mark(), fmt::format("'start' is '{}', not a date-time with its UTC offset", *text),
                    *expected);
      } else {
        start_ = std::get<Instant>(parsed);
        have_start_ = true;
        spec_.start_unix_s = start_.unix_s;
        spec_.utc_offset_s = start_.utc_offset_s;
      }
    }
  }
  if (const auto horizon = top.duration("horizon")) {
    if (*horizon <= sim::Time() || *horizon > kMaxHorizon) {
      sink_.error(top.mark_of("horizon"), "'horizon' is out of range", "a duration above 0 and at most 366d");
    } else {
      spec_.horizon = *horizon;
    }
  }
  if (const YamlNode seed_node = top.get("seed", false); seed_node.defined()) {
    if (const auto seed = read_seed(sink_, seed_node, "'seed'")) spec_.seed = *seed;
  }
}

void ScenarioReader::read_weather(const YamlNode& node) {
  if (!node.defined()) return;
  YamlMap w(sink_, node, "'weather'");
  // Each step's lowest and highest temperature (a drawn one's whole range), for check_weather_shift.
  std::vector<std::pair<double, double>> ranges;
  const auto note_range = [&](const YamlNode& c_node, double c) {
    // The input the distribution added, or the named one it joined.
    const m::UncertainInput* input = nullptr;
    if (is_distribution(c_node)) {
      const std::string name(c_node["name"].scalar());
      for (const m::UncertainInput& i : sink_.inputs()) {
        if (i.where == sink_.place_of(c_node.mark()) || (!name.empty() && i.name == name)) input = &i;
      }
    }
    if (input != nullptr) {
      ranges.emplace_back(std::max(-60.0, input->distribution.lowest()),
                          std::min(60.0, input->distribution.highest()));
    } else {
      ranges.emplace_back(c, c);
    }
  };
  const bool shift_drawn = w.has("shift_c") && is_distribution(w.get("shift_c"));
  const YamlNode outside = w.get("outside_c", true);
  // A warmer or cooler day than the series: one number for every step, which may be a distribution.
  if (const auto shift =
          w.number("shift_c", false, Range::between(-30, 30), [](m::ScenarioSpec& spec, double c) {
            spec.weather_shift_c = c;
            m::set_weather(spec);
          }))
    spec_.weather_shift_c = *shift;
  // Readings joined by straight lines, cut into short steps (blind trial M: a trip on the hour's step).
  const std::optional<sim::Time> every = w.duration("interpolate");
  const YAML::Mark every_mark = w.mark_of("interpolate");
  w.finish();
  if (every) {
    if (*every < sim::Time::minutes(1) || *every > sim::Time::hours(24)) {
      sink_.error(every_mark, "'interpolate' of 'weather' is out of range",
                  "a step from 1m to 24h (10m follows an hourly series closely)");
    } else if (!outside.defined() || !outside.is_sequence()) {
      sink_.error(every_mark, "'interpolate' of 'weather' needs 'outside_c' as a list of steps",
                  "outside_c: [{at, c}, ...], the readings the air moves between");
    } else {
      spec_.weather_every = *every;
    }
  }
  if (!outside.defined()) return;
  if (!outside.is_sequence()) {
    if (const auto c = w.number("outside_c", true, {-60, 60, false}, weather_setter())) {
      spec_.weather_written = m::OutsideAir(*c);
      m::set_weather(spec_);
      note_range(outside, *c);
      if (!shift_drawn) check_weather_shift(w, ranges);
    }
    return;
  }
  std::vector<m::OutsideAir::Step> steps;
  for (const YamlNode& item : list_items(outside, "'outside_c' of 'weather'")) {
    YamlMap step(sink_, item, "a step of the outside air");
    std::optional<sim::Time> at;
    if (const YamlNode at_node = step.get("at", true); at_node.defined())
      at = time_point(at_node, "'at' of " + step.what(), false);
    const std::size_t index = steps.size();
    const auto c = step.number("c", true, {-60, 60, false}, [index](m::ScenarioSpec& spec, double value) {
      spec.weather_written.set_step_c(index, value);
      m::set_weather(spec);
    });
    step.finish();
    if (!at || !c) continue;
    note_range(item["c"], *c);
    if (!steps.empty() && *at <= steps.back().from) {
      sink_.error(step.mark_of("at"), "the steps of the outside air are not in time order",
                  "each 'at' later than the one before");
      continue;
    }
    steps.push_back({*at, *c});
  }
  if (ranges.size() != steps.size()) ranges.clear();  // a step refused: its error is enough
  if (steps.empty()) {
    if (sink_.empty())
      sink_.error(outside.mark(), "'outside_c' of 'weather' has no steps", "at least one {at, c}");
    return;
  }
  // The first temperature also holds before its time: the air was not unknown before.
  steps.front().from = sim::Time();
  if (spec_.weather_every > sim::Time() &&
      (steps.back().from - steps.front().from).count_ms() / spec_.weather_every.count_ms() > 100'000) {
    sink_.error(every_mark, "'interpolate' of 'weather' cuts the readings into more than 100,000 steps",
                "a longer step, or readings over a shorter span");
    spec_.weather_every = sim::Time();
  }
  spec_.weather_written = m::OutsideAir(std::move(steps));
  m::set_weather(spec_);
  if (!shift_drawn) check_weather_shift(w, ranges);
}

void ScenarioReader::check_weather_shift(YamlMap& weather,
                                         const std::vector<std::pair<double, double>>& ranges) {
  const double shift = spec_.weather_shift_c;
  if (shift == 0) return;
  for (const auto& [low, high] : ranges) {
    const double step_c = shift > 0 ? high : low;
    const double c = step_c + shift;
    if (c >= -60 && c <= 60) continue;
    sink_.error(weather.mark_of("shift_c"),
                fmt::format("'shift_c' of 'weather' takes a step {} {:g} °C to {:g} °C, outside -60..60 °C",
                            low == high ? "of" : "that can be", step_c, c),
                "a shift that keeps every step within -60..60 °C");
    return;
  }
}

m::OutsideAir ScenarioReader::outside_air(YamlMap& component, const Locate<m::OutsideAir>& at, bool& own) {
  const auto set = [at](m::ScenarioSpec& spec, double c) { at(spec) = m::OutsideAir(c); };
  own = component.has("outside_c");
  if (const auto c = component.number("outside_c", false, {-60, 60, false}, set)) return m::OutsideAir(*c);
  return spec_.weather;
}

m::InputSetter ScenarioReader::weather_setter() {
  return [](m::ScenarioSpec& spec, double c) {
    spec.weather_written = m::OutsideAir(c);
    m::set_weather(spec);
  };
}

void ScenarioReader::read_crews(const YamlNode& list) {
  for (const YamlNode& item : list_items(list, "'crews'")) {
    YamlMap c(sink_, item, "a crew");
    m::CrewSpec crew;
    crew.name = c.name().value_or("");
    const std::string what = fmt::format("crew '{}'", crew.name);
    if (c.has("name")) c.set_what(what);
    const Locate<m::CrewSpec> here = element(spec_list(&m::ScenarioSpec::crews), spec_.crews.size());
    // The fewest people the crew can have at its busiest, over all draws of uncertain headcounts.
    std::uint32_t surest = 0;
    bool uncertain = false;
    const auto lowest_draw = [&](std::size_t inputs_before, std::uint32_t nominal) -> std::uint32_t {
      if (sink_.inputs().size() == inputs_before) return nominal;
      uncertain = true;
      const m::UncertainInput& input = sink_.inputs().back();
      return static_cast<std::uint32_t>(
          std::max(input.lowest, m::round_for_unit(input.distribution.lowest(), input.unit)));
    };
    std::size_t before = sink_.inputs().size();
    crew.headcount = static_cast<std::uint32_t>(
        c.integer("headcount", false, 0, 100'000, into(here, &m::CrewSpec::headcount)).value_or(1));
    surest = lowest_draw(before, crew.headcount);
    for (const YamlNode& s : list_items(c.get("shifts"), "'shifts' of " + what)) {
      YamlMap shift(sink_, s, "a shift of " + what);
      m::ShiftSpec spec;
      bool from_ok = false;
      if (const YamlNode from = shift.get("from", true); from.defined()) {
        const auto text = read_string(sink_, from, "'from' of a shift of " + what).value_or("");
        const auto parsed = parse_scenario_time(text, Instant{});
        const sim::Time* t = std::get_if<sim::Time>(&parsed);
        // "+2h" is an offset from the scenario's start elsewhere, never a time of day: refused, not read
        // as 02:00.
        if (!t || *t < sim::Time() || *t >= sim::Time::hours(24) || text.starts_with('+')) {
          sink_.error(from.mark(),
                      fmt::format("'from' of a shift of {} is '{}', not a time of day", what, text),
                      "a local clock time such as 07:00");
        } else {
          spec.from = *t;
          from_ok = true;
        }
      }
      before = sink_.inputs().size();
      spec.headcount = static_cast<std::uint32_t>(
          shift
              .integer("headcount", true, 0, 100'000,
                       into(element(member(here, &m::CrewSpec::shifts), crew.shifts.size()),
                            &m::ShiftSpec::headcount))
              .value_or(0));
      if (crew.shifts.empty()) surest = 0;
      surest = std::max(surest, lowest_draw(before, spec.headcount));
      shift.finish();
      if (from_ok && !crew.shifts.empty() && spec.from <= crew.shifts.back().from) {
        sink_.error(shift.mark(), fmt::format("the shifts of {} are not in order of their start", what),
                    fmt::format("a 'from' later than the previous shift's"));
      }
      crew.shifts.push_back(spec);
    }
    if (c.has("shifts") && c.has("headcount")) {
      sink_.error(c.mark_of("headcount"), what + " has both 'headcount' and 'shifts'",
                  "a fixed headcount, or shifts that each give theirs");
    } else if (c.has("shifts") && crew.shifts.empty()) {
      // An empty list would quietly mean the default headcount of 1, as empty needs once meant always up.
      sink_.error(c.mark_of("shifts"), what + " has an empty list of 'shifts'",
                  "at least one shift {from, headcount}, or a 'headcount' instead");
    }
    crew.call_out = c.duration("call_out", false, into(here, &m::CrewSpec::call_out));
    c.finish();
    if (crew.max_headcount() == 0) {
      sink_.error(c.mark(), what + " never has anyone", "a headcount or a shift of at least 1");
    }
    claim_name(crew_names_, crew.name, c.mark_of("name"), "crew");
    crew_surest_headcount_.push_back(surest);
    crew_headcount_uncertain_.push_back(uncertain);
    spec_.crews.push_back(std::move(crew));
  }
}

void ScenarioReader::read_slas(const YamlNode& list) {
  for (const YamlNode& item : list_items(list, "'slas'")) {
    YamlMap s(sink_, item, "an SLA");
    m::SlaSpec sla;
    sla.name = s.name().value_or("");
    const std::string what = fmt::format("SLA '{}'", sla.name);
    sla.target_pct = s.number("target_pct", true, {0, 100, true}).value_or(100);
    sla.period = s.duration("period").value_or(sim::Time::hours(24 * 30));
    if (sla.period <= sim::Time())
      sink_.error(s.mark_of("period"), what + ": 'period' is zero", "a duration above 0");
    for (const YamlNode& t : list_items(s.get("credits"), "'credits' of " + what)) {
      YamlMap tier(sink_, t, "a credit tier of " + what);
      const auto below = tier.number("below_pct", true, {0, 100, false});
      const auto credit = tier.number("credit_pct", true, {0, 100, false});
      tier.finish();
      if (!below || !credit) continue;
      if (!sla.tiers.empty() && *below >= sla.tiers.back().below_pct) {
        sink_.error(tier.mark(), fmt::format("{}: credit tiers must have decreasing below_pct", what),
                    fmt::format("below_pct under {}", sla.tiers.back().below_pct));
      }
      sla.tiers.push_back({*below, *credit});
    }
    s.finish();
    claim_name(sla_names_, sla.name, s.mark_of("name"), "SLA");
    spec_.slas.push_back(std::move(sla));
  }
}

void ScenarioReader::read_components() {
  for (const YamlNode& item : component_items_) {
    const std::string shown = shown_name(item);
    YamlMap c(sink_, item, entry_what("component", item));
    apply_profile(c, spec_.components.size());
    m::ComponentSpec spec;
    spec.name = c.name(false).value_or("");
    c.string("description");
    spec.zone = c.string("zone").value_or("");
    const YamlNode kind_node = c.get("kind", true);
    bool kind_ok = false;
    if (kind_node.defined()) {
      if (const auto kind = read_string(sink_, kind_node, "'kind' of " + c.what())) {
        if (const auto parsed = m::parse_kind(*kind)) {
          spec.kind = *parsed;
          kind_ok = true;
        } else {
          std::vector<std::string> kinds;
          for (const auto k : m::declarable_kinds()) kinds.emplace_back(m::kind_name(k));
          std::string message = fmt::format("unknown component kind '{}'", *kind);
          if (const std::string hint = did_you_mean(*kind, kinds); !hint.empty()) message += "; " + hint;
          sink_.error(kind_node.mark(), std::move(message), fmt::format("one of {}", fmt::join(kinds, ", ")));
        }
      }
    }
    // The spec must hold a component per id even when this one is broken, so later ids stay right.
    if (kind_ok) read_component_params(c, spec);
    if (kind_ok) c.finish();
    spec_.components.push_back(std::move(spec));
  }
}

void ScenarioReader::read_tenants(const YamlNode& list) {
  for (const YamlNode& item : list_items(list, "'tenants'")) {
    const std::string shown = shown_name(item);
    YamlMap t(sink_, item, entry_what("tenant", item));
    m::TenantSpec tenant;
    tenant.name = t.name(false).value_or("");
    t.string("description");
    if (tenant_index_.find(tenant.name) || component_ids_.count(tenant.name) > 0) {
      sink_.error(t.mark_of("name"), fmt::format("tenant name '{}' is already used", tenant.name),
                  "a name no other tenant or component has");
    }
    if (const YamlNode sla = t.get("sla"); sla.defined()) {
      tenant.sla = named_index(sla, "'sla' of " + t.what(), sla_names_, "slas");
    }

    const auto read_function = [&](YamlMap& f, std::string name) {
      m::TenantFunctionSpec fn;
      fn.name = std::move(name);
      const std::string what = fmt::format("'{}/{}'", tenant.name, fn.name);
      if (const YamlNode needs = f.get("needs", true); needs.defined()) {
        fn.needs = requirement(needs, "'needs' of " + what).value_or(m::Requirement{});
      }
      const Locate<m::TenantFunctionSpec> here =
          element(member(element(spec_list(&m::ScenarioSpec::tenants), spec_.tenants.size()),
                         &m::TenantSpec::functions),
                  tenant.functions.size());
      fn.recovery = recovery_steps(f.get("recovery"), "'recovery' of " + what,
                                   member(here, &m::TenantFunctionSpec::recovery));
      if (const YamlNode s = f.get("strategy"); s.defined()) {
        fn.strategy = read_strategy(s, "strategy of " + what, strategy_of(here));
        m::inherit_recovery(fn.strategy.get(), fn.recovery);
      }
      tenant.functions.push_back(std::move(fn));
    };

    if (t.has("functions")) {
      // The shorthand's keys beside 'functions' would be dropped: say so, rather than "unknown key".
      for (const char* key : {"needs", "recovery", "strategy"}) {
        if (!t.has(key)) continue;
        t.get(key);
        sink_.error(
            t.mark_of(key),
            fmt::format("{} has both '{}' and 'functions': they cannot be combined", t.what(), key),
            fmt::format("'{}' under each function of 'functions', or on a tenant without 'functions'", key));
      }
      std::vector<std::string> function_names;
      for (const YamlNode& fi : list_items(t.get("functions"), "'functions' of " + t.what())) {
        const std::string fshown = shown_name(fi);
        YamlMap f(sink_, fi, fmt::format("{} of {}", entry_what("function", fi), t.what()));
        std::string name = f.name(false).value_or("");
        f.string("description");
        claim_name(function_names, name, f.mark_of("name"), "function");
        read_function(f, std::move(name));
        f.finish();
      }
      if (tenant.functions.empty()) {
        sink_.error(t.mark_of("functions"), t.what() + " has no functions", "at least one function");
      }
    } else {
      // Shorthand: a tenant with a single function, "service", written inline.
      read_function(t, "service");
    }
    t.finish();
    spec_.tenants.push_back(std::move(tenant));
    tenant_index_.add(static_cast<std::uint32_t>(spec_.tenants.size() - 1));
  }
}

models::ScenarioSpec ScenarioReader::read(const YamlNode& root) {
  YamlMap top(sink_, root, "the scenario");
  if (!top.valid()) return {};
  read_header(top);
  const YamlNode components = top.get("components", true);
  if (components.defined()) collect_component_names(components);
  read_weather(top.get("weather"));
  read_room_defaults(top.get("room_defaults"));
  read_profiles(top.get("profiles"));
  read_crews(top.get("crews"));
  read_slas(top.get("slas"));
  start_tenant_table(top.get("tenant_table"));
  read_components();
  // The importer's key (loader/import_placement.hpp): checked here, never simulated.
  if (const YamlNode import = top.get("import"); import.defined()) {
    read_import_placement(sink_, import, [this](const YamlNode& value, const std::string& what) {
      return component_ref(value, what, {}).has_value();
    });
  }
  read_tenants(top.get("tenants"));
  read_tenant_table(top.get("tenant_table"));
  m::number_tenants(spec_);
  const YamlNode repairs = top.get("repairs");
  collect_repair_names(repairs);
  read_injections(top.get("faults"), true);
  read_injections(top.get("operator_actions"), false);
  read_repairs(repairs);
  check_starts_can_come();
  read_failures(top.get("failures"));
  read_milestones(top.get("milestones"));
  read_calibrated(top.get("calibrated"));
  read_variants(top.get("variants"));
  // `include` is followed before the document is read (scenario_parts.cpp), so only a merge can bring
  // it here.
  if (const YamlNode include = top.get("include"); include.defined()) {
    sink_.error(top.mark_of("include"), "'include' comes from a merge ('<<'): parts are found before merges",
                "'include' written at the top level of the file");
  }
  // Keys for the file's own use, as in Compose files: anchored templates that components merge (`<<`).
  top.allow_prefix("x-");
  top.finish();
  if (sink_.empty()) {
    check_capacities();
    check_cycles();
  }
  if (sink_.empty()) {
    check_draws();
  }
  if (sink_.empty()) lint();
  return std::move(spec_);
}

}  // namespace outagesim::loader
