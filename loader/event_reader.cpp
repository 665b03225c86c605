// Scripted faults and operator actions, and the milestones of a public timeline.
#include <fmt/format.h>

#include <algorithm>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

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
          for (const m::Action a : m::all_actions()) all.emplace_back(m::action_name(a));
          std::string message = fmt::format("unknown action '{}'", *name);
          if (const std::string hint = did_you_mean(*name, all); !hint.empty()) message += "; " + hint;
          sink_.error(action_node.Mark(), std::move(message), fmt::format("one of {}", fmt::join(all, ", ")));
        }
      }
    }
    // Every argument key is known to every action; only the one the action takes may be present.
    for (const std::string_view key : {"count", "kw", "share"}) {
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
      } else if (key == "share") {
        injection.amount = e.number("share", true, {0, 1, false}).value_or(1);
      } else {
        injection.amount = e.number("kw", true, {-1e9, 1e9, false}).value_or(0);
      }
    }
    e.finish();
    if (target && action && *target < spec_.components.size()) {
      const m::ComponentKind kind = spec_.components[*target].kind;
      if (!m::accepts(kind, *action)) {
        std::vector<std::string_view> allowed;
        for (const m::Action a : m::all_actions()) {
          if (m::accepts(kind, a)) allowed.push_back(m::action_name(a));
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
    if (milestone.max_downtime && (event.IsDefined() || expected.IsDefined() || occurrence.IsDefined())) {
      sink_.error(ms.mark(),
                  fmt::format("milestone '{}' has both 'max_downtime' and an event", milestone.name),
                  "either max_downtime, or event with public (and occurrence)");
    }
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

}  // namespace outagesim::loader
