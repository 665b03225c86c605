// Sections of a scenario document, names and references, and whole-scenario checks.
#include "loader/scenario_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/spelling.hpp"
#include "models/dependency_graph.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {

constexpr int kMaxRequirementDepth = 32;
constexpr sim::Time kMaxHorizon = sim::Time::hours(24 * 366);

std::string kind_list(std::span<const m::ComponentKind> kinds) {
  std::vector<std::string_view> names;
  for (const auto k : kinds) names.push_back(m::kind_name(k));
  return fmt::format("{}", fmt::join(names, " or "));
}

}  // namespace

std::vector<YAML::Node> ScenarioReader::list_items(const YAML::Node& node, const std::string& what) {
  std::vector<YAML::Node> items;
  if (!node.IsDefined() || node.IsNull()) return items;
  if (!node.IsSequence()) {
    sink_.error(node.Mark(), fmt::format("{} is not a list", what),
                "a list of entries, each starting with '- '");
    return items;
  }
  for (const auto& item : node) items.push_back(item);
  return items;
}

std::optional<std::uint32_t> ScenarioReader::named_index(const YAML::Node& node, const std::string& what,
                                                         const std::vector<std::string>& names,
                                                         std::string_view section) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  const auto it = std::find(names.begin(), names.end(), *name);
  if (it != names.end()) return static_cast<std::uint32_t>(it - names.begin());
  std::string message = fmt::format("{} names '{}', which is not in '{}'", what, *name, section);
  if (const std::string hint = did_you_mean(*name, names); !hint.empty()) message += "; " + hint;
  sink_.error(node.Mark(), std::move(message), fmt::format("a name declared under '{}'", section));
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------
// Header

void ScenarioReader::read_header(YamlMap& top) {
  if (auto name = top.string("scenario", true)) {
    if (name->empty()) sink_.error(top.mark_of("scenario"), "the scenario name is empty", "a short name");
    spec_.name = *name;
  }
  spec_.title = top.string("title").value_or(spec_.name);
  spec_.description = top.string("description").value_or("");

  if (const YAML::Node start = top.get("start", true); start.IsDefined()) {
    if (const auto text = read_string(sink_, start, "'start' of the scenario")) {
      auto parsed = parse_instant(*text);
      if (auto* expected = std::get_if<std::string>(&parsed)) {
        sink_.error(start.Mark(), fmt::format("'start' is '{}', not a date-time with its UTC offset", *text),
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
  if (const auto seed = top.integer("seed", false, 0, std::numeric_limits<std::int64_t>::max())) {
    spec_.seed = static_cast<std::uint64_t>(*seed);
  }
}

// ---------------------------------------------------------------------------------------------------
// Names and references

void ScenarioReader::collect_component_names(const YAML::Node& list) {
  const auto items = list_items(list, "'components'");
  if (list.IsDefined() && items.empty() && (list.IsNull() || list.IsSequence())) {
    sink_.error(list.Mark(), "the region has no components", "at least one component under 'components'");
  }
  for (const YAML::Node& item : items) {
    std::string name;
    if (item.IsMap() && item["name"].IsScalar()) name = item["name"].Scalar();
    const auto id = static_cast<m::ComponentId>(component_names_.size());
    if (!name.empty()) {
      const YAML::Mark at = item["name"].Mark();
      if (name.find('/') != std::string::npos) {
        sink_.error(at, fmt::format("component name '{}' contains '/'", name),
                    "a name without '/' (reserved for tenant/function)");
      }
      const auto [it, inserted] = component_ids_.emplace(name, id);
      if (!inserted) {
        sink_.error(at,
                    fmt::format("duplicate component name '{}' (first declared on line {})", name,
                                component_marks_[it->second].line + 1),
                    "a name used once");
      }
    }
    component_names_.push_back(name);
    component_marks_.push_back(item.Mark());
    std::optional<m::ComponentKind> kind;
    if (item.IsMap() && item["kind"].IsScalar()) kind = m::parse_kind(item["kind"].Scalar());
    component_kinds_.push_back(kind);
  }
}

std::optional<m::ComponentId> ScenarioReader::component_ref(const YAML::Node& node, const std::string& what,
                                                            Kinds kinds) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  const auto it = component_ids_.find(*name);
  if (it == component_ids_.end()) {
    std::string message = fmt::format("{} names '{}', which is no component", what, *name);
    if (const std::string hint = did_you_mean(*name, component_names_); !hint.empty()) message += "; " + hint;
    sink_.error(node.Mark(), std::move(message),
                kinds.empty() ? "the name of a component" : "the name of a " + kind_list(kinds));
    return std::nullopt;
  }
  if (!kinds.empty()) {
    const auto actual = component_kinds_[it->second];
    if (!actual) return std::nullopt;  // its own kind is wrong, and reported where it is declared
    if (std::find(kinds.begin(), kinds.end(), *actual) == kinds.end()) {
      sink_.error(node.Mark(), fmt::format("{} names '{}', a {}", what, *name, m::kind_name(*actual)),
                  "the name of a " + kind_list(kinds));
      return std::nullopt;
    }
  }
  return it->second;
}

std::optional<m::ComponentId> ScenarioReader::vertex_ref(const YAML::Node& node, const std::string& what) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  if (const auto it = component_ids_.find(*name); it != component_ids_.end()) return it->second;
  std::vector<std::string> names = component_names_;
  for (const m::TenantSpec& t : spec_.tenants) {
    if (t.name == *name) return t.id;
    names.push_back(t.name);
    for (const m::TenantFunctionSpec& f : t.functions) {
      const std::string full = t.name + "/" + f.name;
      if (full == *name) return f.id;
      names.push_back(full);
    }
  }
  std::string message =
      fmt::format("{} names '{}', which is no component, tenant or tenant function", what, *name);
  if (const std::string hint = did_you_mean(*name, names); !hint.empty()) message += "; " + hint;
  sink_.error(node.Mark(), std::move(message), "a component, a tenant, or tenant/function");
  return std::nullopt;
}

std::optional<m::Requirement> ScenarioReader::requirement(const YAML::Node& node, const std::string& what) {
  // Depth-first with an explicit depth, so a hostile file cannot recurse without bound.
  struct Walker {
    ScenarioReader& r;
    std::optional<m::Requirement> walk(const YAML::Node& n, const std::string& what, int depth) {
      if (depth > kMaxRequirementDepth) {
        r.sink_.error(n.Mark(), fmt::format("{} nests deeper than {} levels", what, kMaxRequirementDepth),
                      "a flatter requirement");
        return std::nullopt;
      }
      if (n.IsScalar()) {
        const auto id = r.component_ref(n, what);
        if (!id) return std::nullopt;
        return m::Requirement::of(*id);
      }
      if (n.IsSequence()) {
        auto children = list(n, what, depth);
        if (!children) return std::nullopt;
        return m::Requirement::all_of(std::move(*children));
      }
      if (!n.IsMap()) {
        r.sink_.error(
            n.Mark(), fmt::format("{} is empty", what),
            "a component name, a list (all of), or {all_of: [...]}, {any_of: [...]}, {k: 2, of: [...]}");
        return std::nullopt;
      }
      YamlMap map(r.sink_, n, what);
      const int forms = map.has("all_of") + map.has("any_of") + (map.has("k") || map.has("of"));
      if (forms != 1) {
        r.sink_.error(n.Mark(), fmt::format("{} must use exactly one of all_of, any_of, or k with of", what),
                      "{all_of: [...]}, {any_of: [...]} or {k: 2, of: [...]}");
        return std::nullopt;
      }
      std::optional<m::Requirement> result;
      if (map.has("all_of")) {
        if (auto children = list(map.get("all_of"), what + " all_of", depth)) {
          result = m::Requirement::all_of(std::move(*children));
        }
      } else if (map.has("any_of")) {
        if (auto children = list(map.get("any_of"), what + " any_of", depth)) {
          result = m::Requirement::any_of(std::move(*children));
        }
      } else {
        const auto k = map.integer("k", true, 1, 1'000'000);
        const YAML::Node of = map.get("of", true);
        auto children = of.IsDefined() ? list(of, what + " of", depth) : std::nullopt;
        if (k && children) {
          if (static_cast<std::size_t>(*k) > children->size()) {
            r.sink_.error(map.mark_of("k"),
                          fmt::format("{} asks for k = {} of only {}", what, *k, children->size()),
                          "k no greater than the number of entries under 'of'");
          } else {
            result = m::Requirement::k_of_n(static_cast<std::uint32_t>(*k), std::move(*children));
          }
        }
      }
      map.finish();
      return result;
    }

    std::optional<std::vector<m::Requirement>> list(const YAML::Node& n, const std::string& what, int depth) {
      if (!n.IsSequence()) {
        r.sink_.error(n.Mark(), fmt::format("{} is not a list", what), "a list of requirements");
        return std::nullopt;
      }
      std::vector<m::Requirement> children;
      bool ok = true;
      for (const auto& item : n) {
        auto child = walk(item, what, depth + 1);
        if (child) {
          children.push_back(std::move(*child));
        } else {
          ok = false;
        }
      }
      if (!ok) return std::nullopt;
      return children;
    }
  };
  return Walker{*this}.walk(node, what, 0);
}

std::vector<m::RecoveryStep> ScenarioReader::recovery_steps(const YAML::Node& node, const std::string& what) {
  std::vector<m::RecoveryStep> steps;
  if (!node.IsDefined() || node.IsNull()) return steps;
  if (node.IsScalar()) {
    if (const auto d = read_duration(sink_, node, what)) steps.push_back({"recovery", *d});
    return steps;
  }
  for (const YAML::Node& item : list_items(node, what)) {
    YamlMap step(sink_, item, "a step of " + what);
    const auto name = step.string("step", true);
    const auto duration = step.duration("duration", true);
    step.finish();
    if (name && duration) steps.push_back({*name, *duration});
  }
  return steps;
}

std::optional<sim::Time> ScenarioReader::time_point(const YAML::Node& node, const std::string& what,
                                                    bool within_horizon) {
  const auto text = read_string(sink_, node, what);
  if (!text || !have_start_) return std::nullopt;
  auto parsed = parse_scenario_time(*text, start_);
  if (auto* expected = std::get_if<std::string>(&parsed)) {
    sink_.error(node.Mark(), fmt::format("{} is '{}', not a time", what, *text), *expected);
    return std::nullopt;
  }
  const sim::Time t = std::get<sim::Time>(parsed);
  if (t < sim::Time()) {
    sink_.error(node.Mark(), fmt::format("{} '{}' is before the scenario start", what, *text),
                "a time at or after 'start' (write a date for another day: 2022-12-19T00:30)");
    return std::nullopt;
  }
  if (within_horizon && t >= spec_.horizon) {
    sink_.error(node.Mark(), fmt::format("{} '{}' is at or after the end of the horizon", what, *text),
                "a time before start + horizon");
    return std::nullopt;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------
// Sections

void ScenarioReader::read_crews(const YAML::Node& list) {
  for (const YAML::Node& item : list_items(list, "'crews'")) {
    YamlMap c(sink_, item, "a crew");
    m::CrewSpec crew;
    crew.name = c.string("name", true).value_or("");
    crew.parallel = static_cast<std::uint32_t>(c.integer("parallel", false, 1, 100'000).value_or(1));
    c.finish();
    if (std::find(crew_names_.begin(), crew_names_.end(), crew.name) != crew_names_.end()) {
      sink_.error(c.mark_of("name"), fmt::format("duplicate crew name '{}'", crew.name), "a name used once");
    }
    crew_names_.push_back(crew.name);
    spec_.crews.push_back(std::move(crew));
  }
}

void ScenarioReader::read_slas(const YAML::Node& list) {
  for (const YAML::Node& item : list_items(list, "'slas'")) {
    YamlMap s(sink_, item, "an SLA");
    m::SlaSpec sla;
    sla.name = s.string("name", true).value_or("");
    const std::string what = fmt::format("SLA '{}'", sla.name);
    sla.target_pct = s.number("target_pct", true, {0, 100, true}).value_or(100);
    sla.period = s.duration("period").value_or(sim::Time::hours(24 * 30));
    if (sla.period <= sim::Time())
      sink_.error(s.mark_of("period"), what + ": 'period' is zero", "a duration above 0");
    for (const YAML::Node& t : list_items(s.get("credits"), "'credits' of " + what)) {
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
    if (std::find(sla_names_.begin(), sla_names_.end(), sla.name) != sla_names_.end()) {
      sink_.error(s.mark_of("name"), fmt::format("duplicate SLA name '{}'", sla.name), "a name used once");
    }
    sla_names_.push_back(sla.name);
    spec_.slas.push_back(std::move(sla));
  }
}

void ScenarioReader::read_components(const YAML::Node& list) {
  for (const YAML::Node& item : list_items(list, "'components'")) {
    const std::string shown = item.IsMap() && item["name"].IsScalar() ? item["name"].Scalar() : "?";
    YamlMap c(sink_, item, fmt::format("component '{}'", shown));
    m::ComponentSpec spec;
    spec.name = c.string("name", true).value_or("");
    c.string("description");
    spec.zone = c.string("zone").value_or("");
    const YAML::Node kind_node = c.get("kind", true);
    bool kind_ok = false;
    if (kind_node.IsDefined()) {
      if (const auto kind = read_string(sink_, kind_node, "'kind' of " + c.what())) {
        if (const auto parsed = m::parse_kind(*kind)) {
          spec.kind = *parsed;
          kind_ok = true;
        } else {
          std::vector<std::string> kinds;
          for (const auto k : m::declarable_kinds()) kinds.emplace_back(m::kind_name(k));
          std::string message = fmt::format("unknown component kind '{}'", *kind);
          if (const std::string hint = did_you_mean(*kind, kinds); !hint.empty()) message += "; " + hint;
          sink_.error(kind_node.Mark(), std::move(message), fmt::format("one of {}", fmt::join(kinds, ", ")));
        }
      }
    }
    // The spec must hold a component per id even when this one is broken, so later ids stay right.
    if (kind_ok) read_component_params(c, spec);
    if (kind_ok) c.finish();
    spec_.components.push_back(std::move(spec));
  }
}

void ScenarioReader::read_tenants(const YAML::Node& list) {
  std::vector<std::string> names;
  for (const YAML::Node& item : list_items(list, "'tenants'")) {
    const std::string shown = item.IsMap() && item["name"].IsScalar() ? item["name"].Scalar() : "?";
    YamlMap t(sink_, item, fmt::format("tenant '{}'", shown));
    m::TenantSpec tenant;
    tenant.name = t.string("name", true).value_or("");
    t.string("description");
    if (tenant.name.find('/') != std::string::npos) {
      sink_.error(t.mark_of("name"), fmt::format("tenant name '{}' contains '/'", tenant.name),
                  "a name without '/'");
    }
    if (std::find(names.begin(), names.end(), tenant.name) != names.end() ||
        component_ids_.count(tenant.name) > 0) {
      sink_.error(t.mark_of("name"), fmt::format("tenant name '{}' is already used", tenant.name),
                  "a name no other tenant or component has");
    }
    names.push_back(tenant.name);
    if (const YAML::Node sla = t.get("sla"); sla.IsDefined()) {
      tenant.sla = named_index(sla, "'sla' of " + t.what(), sla_names_, "slas");
    }

    const auto read_function = [&](YamlMap& f, std::string name) {
      m::TenantFunctionSpec fn;
      fn.name = std::move(name);
      const std::string what = fmt::format("'{}/{}'", tenant.name, fn.name);
      if (const YAML::Node needs = f.get("needs", true); needs.IsDefined()) {
        fn.needs = requirement(needs, "'needs' of " + what).value_or(m::Requirement{});
      }
      fn.recovery = recovery_steps(f.get("recovery"), "'recovery' of " + what);
      if (const YAML::Node s = f.get("strategy"); s.IsDefined())
        fn.strategy = read_strategy(s, "strategy of " + what);
      tenant.functions.push_back(std::move(fn));
    };

    if (t.has("functions")) {
      std::vector<std::string> function_names;
      for (const YAML::Node& fi : list_items(t.get("functions"), "'functions' of " + t.what())) {
        const std::string fshown = fi.IsMap() && fi["name"].IsScalar() ? fi["name"].Scalar() : "?";
        YamlMap f(sink_, fi, fmt::format("function '{}' of {}", fshown, t.what()));
        std::string name = f.string("name", true).value_or("");
        f.string("description");
        if (std::find(function_names.begin(), function_names.end(), name) != function_names.end()) {
          sink_.error(f.mark_of("name"), fmt::format("duplicate function name '{}' in {}", name, t.what()),
                      "a name used once within the tenant");
        }
        function_names.push_back(name);
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
    tenant_marks_.push_back(item.Mark());
    spec_.tenants.push_back(std::move(tenant));
  }
}

void ScenarioReader::read_injections(const YAML::Node& list, bool faults) {
  const std::string section = faults ? "faults" : "operator_actions";
  for (const YAML::Node& item : list_items(list, "'" + section + "'")) {
    YamlMap e(sink_, item, faults ? "a fault" : "an operator action");
    m::InjectionSpec injection;
    injection.is_fault = faults;
    std::optional<sim::Time> at;
    if (const YAML::Node at_node = e.get("at", true); at_node.IsDefined())
      at = time_point(at_node, "'at' of " + e.what(), true);
    const YAML::Node target_node = e.get("target", true);
    std::optional<m::ComponentId> target;
    if (target_node.IsDefined()) target = component_ref(target_node, "'target' of " + e.what());
    const YAML::Node action_node = e.get("action", true);
    std::optional<m::Action> action;
    if (action_node.IsDefined()) {
      if (const auto name = read_string(sink_, action_node, "'action' of " + e.what())) {
        action = m::parse_action(*name);
        if (!action) {
          std::vector<std::string> all;
          for (int a = 0; a <= static_cast<int>(m::Action::kSwitchOver); ++a) {
            all.emplace_back(m::action_name(static_cast<m::Action>(a)));
          }
          std::string message = fmt::format("unknown action '{}'", *name);
          if (const std::string hint = did_you_mean(*name, all); !hint.empty()) message += "; " + hint;
          sink_.error(action_node.Mark(), std::move(message), fmt::format("one of {}", fmt::join(all, ", ")));
        }
      }
    }
    // Every argument key is known to every action; only the one the action takes may be present.
    for (const std::string_view key : {"count", "kw"}) {
      const YAML::Node value = e.get(key);
      if (!value.IsDefined() || !action) continue;
      if (m::amount_key(*action) != key) {
        sink_.error(e.mark_of(key), fmt::format("action '{}' takes no '{}'", m::action_name(*action), key),
                    m::amount_key(*action).empty() ? std::string("no argument")
                                                   : fmt::format("'{}'", m::amount_key(*action)));
      }
    }
    injection.note = e.string("note").value_or("");
    if (action && !m::amount_key(*action).empty()) {
      const std::string key(m::amount_key(*action));
      if (key == "count") {
        injection.amount = static_cast<double>(e.integer("count", true, 1, 1'000'000).value_or(1));
      } else {
        injection.amount = e.number("kw", true, {-1e9, 1e9, false}).value_or(0);
      }
    }
    e.finish();
    if (target && action && *target < spec_.components.size()) {
      const m::ComponentKind kind = spec_.components[*target].kind;
      if (!m::accepts(kind, *action)) {
        std::vector<std::string_view> allowed;
        for (int a = 0; a <= static_cast<int>(m::Action::kSwitchOver); ++a) {
          if (m::accepts(kind, static_cast<m::Action>(a)))
            allowed.push_back(m::action_name(static_cast<m::Action>(a)));
        }
        sink_.error(action_node.Mark(),
                    fmt::format("action '{}' does not apply to {} '{}'", m::action_name(*action),
                                m::kind_name(kind), spec_.components[*target].name),
                    fmt::format("one of {}", fmt::join(allowed, ", ")));
      }
    }
    if (at && target && action) {
      injection.at = *at;
      injection.target = *target;
      injection.action = *action;
      spec_.injections.push_back(std::move(injection));
    }
  }
}

void ScenarioReader::read_milestones(const YAML::Node& list) {
  for (const YAML::Node& item : list_items(list, "'milestones'")) {
    YamlMap ms(sink_, item, "a milestone");
    m::MilestoneSpec milestone;
    milestone.name = ms.string("name", true).value_or("");
    milestone.source = ms.string("source").value_or("");
    const YAML::Node component = ms.get("component", true);
    std::optional<m::ComponentId> id;
    if (component.IsDefined()) id = vertex_ref(component, "'component' of " + ms.what());
    milestone.max_downtime = ms.duration("max_downtime");
    const YAML::Node event = ms.get("event");
    const YAML::Node occurrence = ms.get("occurrence");
    const YAML::Node expected = ms.get("public");
    if (const auto tolerance = ms.duration("tolerance")) milestone.tolerance = *tolerance;
    if (!milestone.max_downtime) {
      if (!event.IsDefined() || !expected.IsDefined()) {
        sink_.error(
            ms.mark(),
            fmt::format("milestone '{}' needs 'event' and 'public', or 'max_downtime'", milestone.name),
            "event: enters_down | enters_degraded | leaves_up | returns_up, with public: <time>");
      }
      if (event.IsDefined()) {
        const auto text = read_string(sink_, event, "'event' of " + ms.what()).value_or("");
        static const std::vector<std::string> kEvents = {"enters_down", "enters_degraded", "leaves_up",
                                                         "returns_up"};
        const auto it = std::find(kEvents.begin(), kEvents.end(), text);
        if (it == kEvents.end()) {
          sink_.error(event.Mark(), fmt::format("unknown milestone event '{}'", text),
                      fmt::format("one of {}", fmt::join(kEvents, ", ")));
        } else {
          milestone.event = static_cast<m::MilestoneSpec::Event>(it - kEvents.begin());
        }
      }
      if (occurrence.IsDefined()) {
        const auto text = read_string(sink_, occurrence, "'occurrence' of " + ms.what()).value_or("");
        if (text == "first" || text == "last") {
          milestone.occurrence =
              text == "first" ? m::MilestoneSpec::Occurrence::kFirst : m::MilestoneSpec::Occurrence::kLast;
        } else {
          sink_.error(occurrence.Mark(), fmt::format("unknown occurrence '{}'", text), "first or last");
        }
      }
      if (expected.IsDefined()) milestone.expected = time_point(expected, "'public' of " + ms.what(), false);
    }
    ms.finish();
    if (id) {
      milestone.component = *id;
      spec_.milestones.push_back(std::move(milestone));
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Whole-scenario checks

void ScenarioReader::check_capacities() {
  std::vector<double> room_load(spec_.components.size(), 0.0);
  std::vector<double> plant_demand(spec_.components.size(), 0.0);
  for (m::ComponentId id = 0; id < spec_.components.size(); ++id) {
    const auto& c = spec_.components[id];
    if (const auto* pool = std::get_if<m::HostPoolParams>(&c.params)) {
      room_load[pool->room] += pool->hosts * pool->kw_per_host;
      const auto& room = std::get<m::RoomParams>(spec_.components[pool->room].params);
      if (pool->shutdown_c && *pool->shutdown_c <= room.alarm_c) {
        sink_.error(
            component_marks_[id],
            fmt::format("host pool '{}' shuts down at {} °C, not above the alarm_c {} °C of room '{}'",
                        c.name, *pool->shutdown_c, room.alarm_c, spec_.components[pool->room].name),
            "shutdown_c above the room's alarm_c (hosts restart only below alarm_c)");
      }
    }
    if (const auto* room = std::get_if<m::RoomParams>(&c.params))
      plant_demand[room->cooling_plant] += room->design_cooling_kw;
  }
  for (m::ComponentId id = 0; id < spec_.components.size(); ++id) {
    const auto& c = spec_.components[id];
    if (const auto* room = std::get_if<m::RoomParams>(&c.params)) {
      const double load = room->base_load_kw + room_load[id];
      const double holdable =
          room->design_cooling_kw + room->heat_loss_kw_per_c * (room->setpoint_c - room->outside_c);
      if (load > holdable + 1e-9) {
        sink_.error(
            component_marks_[id],
            fmt::format("room '{}' cannot hold its setpoint at full load: its equipment gives {} kW, its "
                        "cooling removes {} kW",
                        c.name, load, holdable),
            "design_cooling_kw at least the room's base load plus its host pools' power");
      }
    }
    if (const auto* plant = std::get_if<m::CoolingPlantParams>(&c.params)) {
      const double capacity = plant->chillers * plant->chiller_kw;
      if (plant_demand[id] > capacity + 1e-9) {
        sink_.error(component_marks_[id],
                    fmt::format("rooms cooled by '{}' are designed for {} kW but its chillers give {} kW",
                                c.name, plant_demand[id], capacity),
                    "chillers x chiller_kw at least the sum of its rooms' design_cooling_kw");
      }
    }
  }
}

void ScenarioReader::check_cycles() {
  const m::DependencyGraph graph(spec_.vertex_count(), m::dependency_edges(spec_));
  const std::vector<m::ComponentId> cycle = graph.find_cycle();
  if (cycle.empty()) return;
  std::vector<std::string> names;
  for (const m::ComponentId id : cycle) names.push_back(m::vertex_name(spec_, id));
  YAML::Mark at;
  if (cycle.front() < component_marks_.size()) {
    at = component_marks_[cycle.front()];
  } else {
    for (std::size_t t = 0; t < spec_.tenants.size(); ++t) {
      const auto& tenant = spec_.tenants[t];
      bool mine = tenant.id == cycle.front();
      for (const auto& f : tenant.functions) mine = mine || f.id == cycle.front();
      if (mine) at = tenant_marks_[t];
    }
  }
  sink_.error(at, fmt::format("dependency cycle: {}", fmt::join(names, " -> ")),
              "dependencies that form no cycle");
}

models::ScenarioSpec ScenarioReader::read(const YAML::Node& root) {
  YamlMap top(sink_, root, "the scenario");
  if (!top.valid()) return {};
  read_header(top);
  const YAML::Node components = top.get("components", true);
  if (components.IsDefined()) collect_component_names(components);
  read_crews(top.get("crews"));
  read_slas(top.get("slas"));
  if (components.IsDefined()) read_components(components);
  read_tenants(top.get("tenants"));
  m::number_tenants(spec_);
  read_injections(top.get("faults"), true);
  read_injections(top.get("operator_actions"), false);
  read_milestones(top.get("milestones"));
  read_variants(top.get("variants"));
  top.finish();
  if (sink_.empty()) {
    check_capacities();
    check_cycles();
  }
  return std::move(spec_);
}

}  // namespace outagesim::loader
