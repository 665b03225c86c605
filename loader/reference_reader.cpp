// The pieces every section is made of: lists, names and references (with kinds and suggestions),
// requirement expressions, recovery steps and times.
#include <fmt/format.h>

#include <algorithm>

#include "loader/requirement_rules.hpp"
#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/uncertain_number.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {

std::string kind_list(std::span<const m::ComponentKind> kinds) {
  std::vector<std::string_view> names;
  for (const auto k : kinds) names.push_back(m::kind_name(k));
  return fmt::format("{}", fmt::join(names, " or "));
}

// "a compute", "an image_service": the article for the first kind's name.
std::string a_kind_list(std::span<const m::ComponentKind> kinds) {
  const std::string list = kind_list(kinds);
  return (list.find_first_of("aeiou") == 0 ? "an " : "a ") + list;
}

}  // namespace

void ScenarioReader::claim_name(std::vector<std::string>& taken, const std::string& name,
                                const YAML::Mark& at, std::string_view what) {
  if (std::find(taken.begin(), taken.end(), name) != taken.end()) {
    sink_.error(at, fmt::format("duplicate {} name '{}'", what, name), "a name used once");
  }
  taken.push_back(name);
}

std::vector<YamlNode> ScenarioReader::list_items(const YamlNode& node, const std::string& what) {
  std::vector<YamlNode> items;
  if (!node.defined() || node.is_null()) return items;
  if (!node.is_sequence()) {
    sink_.error(node.mark(), fmt::format("{} is not a list", what),
                "a list of entries, each starting with '- '");
    return items;
  }
  for (const auto& item : node) items.push_back(item);
  return items;
}

std::optional<std::uint32_t> ScenarioReader::named_index(const YamlNode& node, const std::string& what,
                                                         const std::vector<std::string>& names,
                                                         std::string_view section) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  const auto it = std::find(names.begin(), names.end(), *name);
  if (it != names.end()) return static_cast<std::uint32_t>(it - names.begin());
  std::string message = fmt::format("{} names '{}', which is not in '{}'", what, shown_text(*name), section);
  if (const std::string hint = did_you_mean(*name, names); !hint.empty()) message += "; " + hint;
  sink_.error(node.mark(), std::move(message), fmt::format("a name declared under '{}'", section));
  return std::nullopt;
}

std::optional<std::uint32_t> ScenarioReader::tenant_ref(const YamlNode& node, const std::string& what) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  if (const auto found = tenant_index_.find(*name)) return *found;
  std::vector<std::string> names;  // the list, for the message's suggestion, only on a miss
  names.reserve(spec_.tenants.size());
  for (const m::TenantSpec& t : spec_.tenants) names.push_back(t.name);
  return named_index(node, what, names, "tenants");
}

void ScenarioReader::collect_component_names(const YamlNode& list) {
  component_items_ = list_items(list, "'components'");
  const std::vector<YamlNode>& items = component_items_;
  if (list.defined() && items.empty() && (list.is_null() || list.is_sequence())) {
    sink_.error(list.mark(), "the region has no components", "at least one component under 'components'");
  }
  component_ids_.reserve(items.size());
  for (const YamlNode& item : items) {
    std::string name;
    if (const auto text = scalar_at(item, "name")) name = *text;
    const auto id = static_cast<m::ComponentId>(component_names_.size());
    if (!name.empty()) {
      const YAML::Mark at = item["name"].mark();
      // A '/' (reserved for tenant/function) is refused with the other name rules (YamlMap::name).
      const auto [it, inserted] = component_ids_.emplace(name, id);
      if (!inserted) {
        sink_.error(at,
                    fmt::format("duplicate component name '{}' (first declared {})", name,
                                sink_.earlier_place(component_marks_[it->second], at)),
                    "a name used once");
      }
    }
    component_names_.push_back(name);
    component_marks_.push_back(item.mark());
    std::optional<m::ComponentKind> kind;
    if (const auto text = scalar_at(item, "kind")) kind = m::parse_kind(*text);
    component_kinds_.push_back(kind);
  }
}

std::optional<m::ComponentId> ScenarioReader::component_ref(const YamlNode& node, const std::string& what,
                                                            Kinds kinds) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  const auto it = component_ids_.find(*name);
  if (it == component_ids_.end()) {
    const std::string expected =
        kinds.empty() ? "the name of a component" : "the name of " + a_kind_list(kinds);
    // A tenant or its function is a vertex too, but only components take faults, actions and roles: say
    // what the name is rather than that it is nothing.
    // Looked up by index: a scan of every tenant per wrong name made 20,000 of them take 7 s.
    const std::string_view wanted = *name;
    const std::size_t slash = wanted.find('/');
    if (const auto found = tenant_index_.find(wanted.substr(0, slash))) {
      const m::TenantSpec& t = spec_.tenants[*found];
      std::string is;
      if (slash == std::string_view::npos) {
        is = "a tenant";
      } else {
        for (const m::TenantFunctionSpec& f : t.functions) {
          if (f.name == wanted.substr(slash + 1)) is = fmt::format("a function of tenant '{}'", t.name);
        }
      }
      if (!is.empty()) {
        sink_.error(node.mark(), fmt::format("{} names '{}', which is {}, not a component", what, *name, is),
                    expected + " (tenants and their functions follow what they need: target one of those)");
        return std::nullopt;
      }
    }
    std::string message = fmt::format("{} names '{}', which is no component", what, shown_text(*name));
    if (const std::string hint = did_you_mean(*name, component_names_); !hint.empty()) message += "; " + hint;
    sink_.error(node.mark(), std::move(message), expected);
    return std::nullopt;
  }
  if (!kinds.empty()) {
    const auto actual = component_kinds_[it->second];
    if (!actual) return std::nullopt;  // its own kind is wrong, and reported where it is declared
    if (std::find(kinds.begin(), kinds.end(), *actual) == kinds.end()) {
      sink_.error(
          node.mark(),
          fmt::format("{} names '{}', {}", what, shown_text(*name), a_kind_list(std::span(&*actual, 1))),
          "the name of " + a_kind_list(kinds));
      return std::nullopt;
    }
  }
  return it->second;
}

std::optional<m::ComponentId> ScenarioReader::vertex_ref(const YamlNode& node, const std::string& what) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  if (const auto it = component_ids_.find(*name); it != component_ids_.end()) return it->second;
  // A tenant by its index, then a function among its own; the list of every name, for a suggestion, only
  // once the name is known to be wrong.
  const std::string_view wanted = *name;
  const std::size_t slash = wanted.find('/');
  if (const auto found = tenant_index_.find(wanted.substr(0, slash))) {
    const m::TenantSpec& t = spec_.tenants[*found];
    if (slash == std::string_view::npos) return t.id;
    for (const m::TenantFunctionSpec& f : t.functions) {
      if (f.name == wanted.substr(slash + 1)) return f.id;
    }
  }
  std::vector<std::string> names = component_names_;
  for (const m::TenantSpec& t : spec_.tenants) {
    names.push_back(t.name);
    for (const m::TenantFunctionSpec& f : t.functions) names.push_back(t.name + "/" + f.name);
  }
  std::string message =
      fmt::format("{} names '{}', which is no component, tenant or tenant function", what, *name);
  if (const std::string hint = did_you_mean(*name, names); !hint.empty()) message += "; " + hint;
  sink_.error(node.mark(), std::move(message), "a component, a tenant, or tenant/function");
  return std::nullopt;
}

std::optional<m::Requirement> ScenarioReader::requirement(const YamlNode& node, const std::string& what) {
  // Depth-first with an explicit depth, so a hostile file cannot recurse without bound.
  struct Walker {
    ScenarioReader& r;
    const std::string& base;         // what holds the requirement ("'needs' of 'shop/service'")
    std::vector<const char*> steps;  // the forms walked into from there (all_of, any_of, of)
    std::size_t nodes = 0;
    bool too_big = false;

    // Where the walk is, for messages: the base, then the forms walked into. A deep path keeps its
    // first and last steps and counts the rest: 33 times all_of helps no one.
    std::string where() const {
      constexpr std::size_t kShownEnds = 2;
      std::string out = base;
      if (steps.empty()) return out;
      out += ' ';
      for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps.size() > 2 * kShownEnds + 1 && i == kShownEnds) {
          out += fmt::format("... ({} levels) > ", steps.size() - 2 * kShownEnds);
          i = steps.size() - kShownEnds - 1;
          continue;
        }
        out += steps[i];
        if (i + 1 < steps.size()) out += " > ";
      }
      return out;
    }
    std::optional<std::vector<m::Requirement>> list_under(const char* step, const YamlNode& n, int depth) {
      steps.push_back(step);
      auto children = list(n, depth);
      steps.pop_back();
      return children;
    }

    std::optional<m::Requirement> walk(const YamlNode& n, int depth) {
      const std::string what = where();
      if (const auto problem = check_depth(what, depth)) {
        r.sink_.error(n.mark(), problem->message, problem->expected);
        return std::nullopt;
      }
      if (const auto problem = check_entries(what, ++nodes)) {
        if (!too_big) r.sink_.error(n.mark(), problem->message, problem->expected);
        too_big = true;
        return std::nullopt;
      }
      if (n.is_scalar()) {
        const auto id = r.component_ref(n, what);
        if (!id) return std::nullopt;
        return m::Requirement::of(*id);
      }
      if (n.is_sequence()) {
        auto children = list(n, depth);
        if (!children) return std::nullopt;
        return m::Requirement::all_of(std::move(*children));
      }
      if (!n.is_map()) {
        r.sink_.error(
            n.mark(), fmt::format("{} is empty", what),
            "a component name, a list (all of), or {all_of: [...]}, {any_of: [...]}, {k: 2, of: [...]}, "
            "{pooled: [...]}");
        return std::nullopt;
      }
      YamlMap map(r.sink_, n, what);
      const int forms =
          map.has("all_of") + map.has("any_of") + (map.has("k") || map.has("of")) + map.has("pooled");
      if (forms != 1) {
        r.sink_.error(
            n.mark(), fmt::format("{} must use exactly one of all_of, any_of, k with of, or pooled", what),
            "{all_of: [...]}, {any_of: [...]}, {k: 2, of: [...]} or {pooled: [...], weights: [...]}");
        return std::nullopt;
      }
      std::optional<m::Requirement> result;
      if (map.has("all_of")) {
        if (auto children = list_under("all_of", map.get("all_of"), depth)) {
          result = m::Requirement::all_of(std::move(*children));
        }
      } else if (map.has("any_of")) {
        if (auto children = list_under("any_of", map.get("any_of"), depth)) {
          result = m::Requirement::any_of(std::move(*children));
        }
      } else if (map.has("pooled")) {
        // Capacity added up across the members (a service spread over halls): each member's share of the
        // pool is its weight over the weights' sum, equal unless `weights` says otherwise.
        auto children = list_under("pooled", map.get("pooled"), depth);
        const YamlNode weights = map.get("weights");
        if (children && weights.defined()) {
          if (!weights.is_sequence() || weights.size() != children->size()) {
            r.sink_.error(
                weights.mark(),
                fmt::format("'weights' of {} must list one weight per member ({})", what, children->size()),
                "a list of positive numbers, one per member of 'pooled', in its order");
            children.reset();
          } else {
            std::size_t i = 0;
            for (const YamlNode& w : weights) {
              const auto value =
                  read_number(r.sink_, w, fmt::format("a weight of {}", what), Range{0, 1e9, true});
              if (!value) {
                children.reset();
                break;
              }
              (*children)[i++].weight = static_cast<float>(*value);
            }
          }
        }
        if (children) result = m::Requirement::pooled(std::move(*children));
      } else {
        const auto k = map.integer("k", true, 1, 1'000'000);
        const YamlNode of = map.get("of", true);
        auto children = of.defined() ? list_under("of", of, depth) : std::nullopt;
        if (k && children) {
          if (const auto problem = check_k(what, *k, children->size())) {
            r.sink_.error(map.mark_of("k"), problem->message, problem->expected);
          } else {
            result = m::Requirement::k_of_n(static_cast<std::uint32_t>(*k), std::move(*children));
          }
        }
      }
      map.finish();
      return result;
    }

    std::optional<std::vector<m::Requirement>> list(const YamlNode& n, int depth) {
      const std::string what = where();
      if (!n.is_sequence()) {
        r.sink_.error(n.mark(), fmt::format("{} is not a list", what), "a list of requirements");
        return std::nullopt;
      }
      if (const auto problem = check_not_empty(what, n.size())) {
        r.sink_.error(n.mark(), problem->message, problem->expected);
        return std::nullopt;
      }
      std::vector<m::Requirement> children;
      bool ok = true;
      for (const auto& item : n) {
        auto child = walk(item, depth + 1);
        if (child) {
          if (const auto problem = check_not_repeated(what, children, *child, shown_text(item.scalar()))) {
            r.sink_.error(item.mark(), problem->message, problem->expected);
            ok = false;
            continue;
          }
          children.push_back(std::move(*child));
        } else {
          ok = false;
        }
      }
      if (!ok) return std::nullopt;
      return children;
    }
  };
  return Walker{*this, what, {}}.walk(node, 0);
}

std::vector<m::RecoveryStep> ScenarioReader::recovery_steps(const YamlNode& node, const std::string& what,
                                                            const Locate<std::vector<m::RecoveryStep>>& at) {
  std::vector<m::RecoveryStep> steps;
  if (!node.defined() || node.is_null()) return steps;
  if (node.is_scalar()) {
    if (const auto d = read_duration(sink_, node, what)) steps.push_back({"recovery", *d});
    return steps;
  }
  if (is_distribution(node)) {  // one uncertain duration: the one step called "recovery", drawn
    const Locate<m::RecoveryStep> here = at ? element(at, 0) : Locate<m::RecoveryStep>();
    const auto drawn = read_uncertain_duration(
        sink_, node, what, here ? into(here, &m::RecoveryStep::duration) : m::InputSetter());
    if (drawn) steps.push_back({"recovery", *drawn});
    return steps;
  }
  for (const YamlNode& item : list_items(node, what)) {
    const auto step_name = scalar_at(item, "step");
    YamlMap step(sink_, item,
                 step_name ? fmt::format("step '{}' of {}", *step_name, what) : "a step of " + what);
    const auto name = step.string("step", true);
    // Where this step will sit, when its list has a place in the spec.
    Locate<m::RecoveryStep> here;
    Locate<m::ThroughputWork> work;
    if (at) {
      here = element(at, steps.size());
      work = held(member(here, &m::RecoveryStep::work));
    }
    const auto set = [&](auto locate, auto field) { return locate ? into(locate, field) : m::InputSetter(); };
    // A typed duration, or work: data at a throughput.
    if (step.has("work_tb") || step.has("tb_per_hour")) {
      const auto work_tb =
          step.number("work_tb", true, {0, 1e9, false}, set(work, &m::ThroughputWork::amount_tb));
      const auto tb_per_hour =
          step.number("tb_per_hour", true, {0, 1e9, true}, set(work, &m::ThroughputWork::tb_per_hour));
      if (step.has("duration")) {
        step.get("duration");
        sink_.error(step.mark_of("duration"), fmt::format("{} has both 'duration' and work", step.what()),
                    "either 'duration', or 'work_tb' with 'tb_per_hour'");
      }
      step.finish();
      if (name && work_tb && tb_per_hour) {
        steps.push_back({*name, sim::Time(), m::ThroughputWork{*work_tb, *tb_per_hour}});
      }
      continue;
    }
    const auto duration = step.duration("duration", true, set(here, &m::RecoveryStep::duration));
    step.finish();
    if (name && duration) steps.push_back({*name, *duration});
  }
  return steps;
}

std::optional<sim::Time> ScenarioReader::time_point(const YamlNode& node, const std::string& what,
                                                    bool within_horizon, const m::InputSetter& set) {
  if (is_distribution(node)) {
    if (!have_start_) return std::nullopt;
    // The parameters are clock times too; a draw must fall in [start, start + horizon).
    const ValueReader read_time = [this, within_horizon](DiagnosticSink&, const YamlNode& n,
                                                         const std::string& w) -> std::optional<double> {
      const auto t = time_point(n, w, within_horizon);
      if (!t) return std::nullopt;
      return static_cast<double>(t->count_ms());
    };
    const double last = within_horizon ? static_cast<double>(spec_.horizon.count_ms() - 1)
                                       : static_cast<double>(kMaxDuration.count_ms());
    const auto nominal =
        read_uncertain(sink_, node, what, m::InputUnit::kTimePoint, Range::between(0, last), read_time, set);
    if (!nominal) return std::nullopt;
    return sim::Time::ms(std::llround(*nominal));
  }
  const auto text = read_string(sink_, node, what);
  if (!text || !have_start_) return std::nullopt;
  auto parsed = parse_scenario_time(*text, start_);
  if (auto* expected = std::get_if<std::string>(&parsed)) {
    sink_.error(node.mark(), fmt::format("{} is '{}', not a time", what, shown_text(*text)), *expected);
    return std::nullopt;
  }
  const sim::Time t = std::get<sim::Time>(parsed);
  if (t < sim::Time()) {
    sink_.error(node.mark(), fmt::format("{} '{}' is before the scenario start", what, shown_text(*text)),
                "a time at or after 'start' (write a date for another day: 2022-12-19T00:30)");
    return std::nullopt;
  }
  if (within_horizon && t >= spec_.horizon) {
    sink_.error(node.mark(),
                fmt::format("{} '{}' is at or after the end of the horizon", what, shown_text(*text)),
                "a time before start + horizon");
    return std::nullopt;
  }
  return t;
}

}  // namespace outagesim::loader
