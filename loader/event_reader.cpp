// Scripted faults and operator actions, and the milestones of a public timeline.
#include <fmt/format.h>

#include <algorithm>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/uncertain_number.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

void ScenarioReader::read_injections(const YamlNode& list, bool faults) {
  const std::string section = faults ? "faults" : "operator_actions";
  for (const YamlNode& item : list_items(list, "'" + section + "'")) {
    YamlMap e(sink_, item, faults ? "a fault" : "an operator action");
    const std::size_t inputs_before = sink_.inputs().size();
    m::InjectionSpec injection;
    injection.is_fault = faults;
    const Locate<m::InjectionSpec> here =
        element(spec_list(&m::ScenarioSpec::injections), spec_.injections.size());
    bool timed = false;
    const bool has_at = e.has("at");
    const bool has_when = e.has("when");
    if (has_at && has_when) {
      sink_.error(e.mark_of("when"), fmt::format("{} has both 'at' and 'when'", e.what()),
                  "either a clock time (at) or a trigger (when, with an optional delay)");
    } else if (!has_at && !has_when) {
      sink_.error(e.mark(), fmt::format("{} has neither 'at' nor 'when'", e.what()),
                  "at: <time>, or when: {component: <name>, event: <event>} with an optional delay");
    }
    if (const YamlNode at_node = e.get("at"); at_node.defined()) {
      if (const auto at =
              time_point(at_node, "'at' of " + e.what(), true, into(here, &m::InjectionSpec::at))) {
        injection.at = *at;
        timed = true;
      }
    }
    if (const YamlNode when = e.get("when"); when.defined()) {
      injection.when = start_triggers(when, "'when' of " + e.what(), [here](std::size_t i) -> m::InputSetter {
        return [here, i](m::ScenarioSpec& spec, double c) { here(spec).when[i].threshold_c = c; };
      });
      timed = !injection.when.empty();
    }
    if (const auto delay = e.duration("delay", false, into(here, &m::InjectionSpec::delay))) {
      if (!has_when)
        sink_.error(e.mark_of("delay"), "'delay' needs 'when'", "a trigger to count the delay from");
      injection.delay = *delay;
    }
    if (const auto each = e.boolean("each")) {
      if (!has_when)
        sink_.error(e.mark_of("each"), "'each' needs 'when'", "a trigger whose every occurrence it acts on");
      injection.each = *each;
    }
    if (const YamlNode cancel = e.get("cancel_when"); cancel.defined()) {
      injection.cancel_when = start_triggers(
          cancel, "'cancel_when' of " + e.what(),
          [here](std::size_t i) -> m::InputSetter {
            return [here, i](m::ScenarioSpec& spec, double c) { here(spec).cancel_when[i].threshold_c = c; };
          },
          false);
      // Applied in the instant of its trigger, it is never pending when anything could call it off.
      if (has_when && injection.delay == sim::Time()) {
        sink_.error(cancel.mark(),
                    fmt::format("{} has 'cancel_when' but no 'delay': applied in the instant of its trigger, "
                                "it is never pending for anything to call it off",
                                e.what()),
                    "a 'delay' after the trigger, during which the cancel_when may happen");
      }
    }
    const bool read = read_action(e, injection, here);
    if (read) {
      // A drawn `at` or amount says which fault it is, among several (uncertainty tables list them).
      sink_.name_inputs_for(
          inputs_before, e.what(),
          fmt::format("{} {} on {}", faults ? "fault" : "operator action", m::action_name(injection.action),
                      m::vertex_name(spec_, injection.target)));
    }
    if (read && timed) spec_.injections.push_back(std::move(injection));
    e.finish();
  }
}

bool ScenarioReader::read_action(YamlMap& e, m::InjectionSpec& injection,
                                 const Locate<m::InjectionSpec>& here) {
  const auto amount = [&]() { return here ? into(here, &m::InjectionSpec::amount) : m::InputSetter(); };
  const YamlNode target_node = e.get("target", true);
  std::optional<m::ComponentId> target;
  if (target_node.defined()) target = component_ref(target_node, "'target' of " + e.what());
  const YamlNode action_node = e.get("action", true);
  std::optional<m::Action> action;
  if (action_node.defined()) {
    if (const auto name = read_string(sink_, action_node, "'action' of " + e.what())) {
      action = m::parse_action(*name);
      if (!action) {
        std::vector<std::string> all;
        for (const m::Action a : m::all_actions()) all.emplace_back(m::action_name(a));
        std::string message = fmt::format("unknown action '{}'", *name);
        if (const std::string hint = did_you_mean(*name, all); !hint.empty()) message += "; " + hint;
        sink_.error(action_node.mark(), std::move(message), fmt::format("one of {}", fmt::join(all, ", ")));
      }
    }
  }
  // Every argument key is known to every action; only the one the action takes may be present.
  // auxiliary_cooling takes its kW, or a share of its room's design cooling instead.
  const bool design_share = e.has("design_share") && action == m::Action::kAuxiliaryCooling;
  for (const std::string_view key : {"count", "kw", "duration", "share", "design_share"}) {
    const YamlNode value = e.get(key);
    if (!value.defined() || !action) continue;
    if (design_share && key == "kw") {
      sink_.error(e.mark_of(key),
                  fmt::format("{} has both 'kw' and 'design_share': they cannot be combined", e.what()),
                  "one of 'kw' and 'design_share'");
      continue;
    }
    if (m::amount_key(*action) != key && !(design_share && key == "design_share")) {
      sink_.error(e.mark_of(key), fmt::format("action '{}' takes no '{}'", m::action_name(*action), key),
                  m::amount_key(*action).empty()            ? std::string("no argument")
                  : *action == m::Action::kAuxiliaryCooling ? std::string("'kw' or 'design_share'")
                                                            : fmt::format("'{}'", m::amount_key(*action)));
    }
  }
  if (auto note = e.string("note")) injection.note = *note;
  if (action && !m::amount_key(*action).empty()) {
    const std::string key(m::amount_key(*action));
    if (key == "count") {
      // A drawn count of chillers must stay within the plant's (a written one is checked below, by name).
      std::int64_t most = 1'000'000;
      const bool chillers = *action == m::Action::kFailChillers || *action == m::Action::kRestoreChillers;
      if (const auto* plant = target && chillers
                                  ? std::get_if<m::CoolingPlantParams>(&spec_.components[*target].params)
                                  : nullptr;
          plant != nullptr && is_distribution(e.get("count")))
        most = plant->chillers + plant->standby_chillers;
      injection.amount = static_cast<double>(e.integer("count", true, 1, most, amount()).value_or(1));
    } else if (key == "share") {
      // Destroying none of the hosts is no fault: damage_hosts takes a share above 0.
      const bool above_zero = *action == m::Action::kDamageHosts;
      injection.amount = e.number("share", true, {0, 1, above_zero}, amount()).value_or(1);
    } else if (key == "duration") {
      const auto duration = e.duration("duration", true, amount());
      if (duration && *duration <= sim::Time()) {
        sink_.error(e.mark_of("duration"), "'duration' of " + e.what() + " is zero", "a duration above 0");
      }
      injection.amount = static_cast<double>(duration.value_or(sim::Time::seconds(1)).count_ms());
    } else if (design_share) {
      injection.amount = e.number("design_share", true, {-100, 100, false}, amount()).value_or(0);
      injection.amount_is_design_share = true;
    } else if (*action == m::Action::kAuxiliaryCooling && !e.has("kw")) {
      e.get("kw");
      sink_.error(e.mark(), fmt::format("{} lacks its amount: 'kw' or 'design_share'", e.what()),
                  "'kw: N' (kW of temporary cooling), or 'design_share: S' (a share of the room's design "
                  "cooling)");
    } else {
      injection.amount = e.number("kw", true, {-1e9, 1e9, false}, amount()).value_or(0);
    }
  }
  if (target && action && *target < spec_.components.size()) {
    const m::ComponentKind kind = spec_.components[*target].kind;
    if (!m::accepts(kind, *action)) {
      std::vector<std::string_view> allowed;
      for (const m::Action a : m::all_actions()) {
        if (m::accepts(kind, a)) allowed.push_back(m::action_name(a));
      }
      sink_.error(action_node.mark(),
                  fmt::format("action '{}' does not apply to {} '{}'", m::action_name(*action),
                              m::kind_name(kind), spec_.components[*target].name),
                  fmt::format("one of {}", fmt::join(allowed, ", ")));
      return false;
    }
  }
  const auto* feed_params = target && *target < spec_.components.size()
                                ? std::get_if<m::ServiceParams>(&spec_.components[*target].params)
                                : nullptr;
  // A share that takes the feed down (0, or below its down_below) cuts what it powers, as a fail does;
  // `share: 1` gives it back whole (review 10: a feed cut by a share could never come back).
  if (target && action == m::Action::kSetCapacity && feed_params != nullptr &&
      spec_.components[*target].kind == m::ComponentKind::kPowerFeed && injection.amount > 0 &&
      injection.amount < 1 && injection.amount >= feed_params->down_below) {
    // Rooms and plants take power as on or off: a share of a feed they draw on would silently change
    // nothing for them (blind trial K: generators at 1 % carried a whole hall).
    for (const m::ComponentSpec& c : spec_.components) {
      const m::Requirement* power = nullptr;
      if (const auto* room = std::get_if<m::RoomParams>(&c.params)) power = &room->power;
      if (const auto* plant = std::get_if<m::CoolingPlantParams>(&c.params)) power = &plant->power;
      if (power == nullptr) continue;
      // What it draws on, and what that needs in turn (breakers fed by the generators).
      std::vector<m::ComponentId> feeds;
      power->collect_components(feeds);
      for (std::size_t i = 0; i < feeds.size() && i < spec_.components.size(); ++i) {
        if (feeds[i] >= spec_.components.size()) continue;
        if (const auto* feed = std::get_if<m::ServiceParams>(&spec_.components[feeds[i]].params)) {
          std::vector<m::ComponentId> needs;
          feed->needs.collect_components(needs);
          for (const m::ComponentId n : needs) {
            if (std::find(feeds.begin(), feeds.end(), n) == feeds.end()) feeds.push_back(n);
          }
        }
      }
      if (std::find(feeds.begin(), feeds.end(), *target) == feeds.end()) continue;
      sink_.error(
          action_node.mark(),
          fmt::format("action 'set_capacity' on power feed '{}', which {} '{}' draws on: rooms and "
                      "plants take power as on or off, so a share that leaves the feed serving "
                      "(not below its down_below, {}) would change nothing for them",
                      spec_.components[*target].name, m::kind_name(c.kind), c.name, feed_params->down_below),
          "'fail' (the feed lost), or each generator set as a power_feed of its own and the power as "
          "{k: N, of: [...]} (the sets the load needs)");
      return false;
    }
  }
  if (target && (action == m::Action::kFailChillers || action == m::Action::kRestoreChillers)) {
    // A count beyond the plant's chillers would silently act on fewer than written.
    if (const auto* plant = std::get_if<m::CoolingPlantParams>(&spec_.components[*target].params)) {
      const std::uint32_t all = plant->chillers + plant->standby_chillers;
      if (injection.amount > all) {
        sink_.error(
            e.mark_of("count"),
            fmt::format("'count' of {} is {}, but plant '{}' has {} chillers ({} primary, {} standby)",
                        e.what(), static_cast<std::uint32_t>(injection.amount),
                        spec_.components[*target].name, all, plant->chillers, plant->standby_chillers),
            fmt::format("a count from 1 to {}", all));
      }
    }
  }
  if (!target || !action) return false;
  injection.target = *target;
  injection.action = *action;
  return true;
}

void ScenarioReader::read_milestones(const YamlNode& list) {
  for (const YamlNode& item : list_items(list, "'milestones'")) {
    YamlMap ms(sink_, item, "a milestone");
    m::MilestoneSpec milestone;
    milestone.name = ms.name().value_or("");
    milestone.source = ms.string("source").value_or("");
    milestone.depends_on = ms.string("depends_on").value_or("");
    if (const YamlNode basis = ms.get("class"); basis.defined()) {
      const auto text = read_string(sink_, basis, "'class' of " + ms.what()).value_or("");
      if (text == "predicted") {
        milestone.basis = m::MilestoneSpec::Basis::kPredicted;
      } else if (text == "calibrated") {
        milestone.basis = m::MilestoneSpec::Basis::kCalibrated;
      } else if (text == "input") {
        milestone.basis = m::MilestoneSpec::Basis::kInput;
      } else {
        sink_.error(
            basis.mark(), fmt::format("unknown milestone class '{}'", text),
            "predicted (nothing chosen to hit it), calibrated (a named parameter was fitted to it) or "
            "input (the public time was typed in)");
      }
    }
    const YamlNode component = ms.get("component", true);
    std::optional<m::ComponentId> id;
    if (component.defined()) id = vertex_ref(component, "'component' of " + ms.what());
    milestone.max_downtime = ms.duration("max_downtime");
    const YamlNode not_up = ms.get("not_up_at");
    if (not_up.defined()) milestone.not_up_at = time_point(not_up, "'not_up_at' of " + ms.what(), true);
    const YamlNode event = ms.get("event");
    const YamlNode occurrence = ms.get("occurrence");
    const YamlNode expected = ms.get("public");
    if (const auto tolerance = ms.duration("tolerance")) milestone.tolerance = *tolerance;
    // One check per milestone: a bound on the downtime, a state at a time, or an event at a public time.
    const char* bound = milestone.max_downtime ? "max_downtime" : not_up.defined() ? "not_up_at" : nullptr;
    constexpr std::string_view kOneCheck =
        "one check: max_downtime, not_up_at, or event with public (and occurrence)";
    if (milestone.max_downtime && not_up.defined()) {
      sink_.error(ms.mark(),
                  fmt::format("milestone '{}' has both 'max_downtime' and 'not_up_at'", milestone.name),
                  std::string(kOneCheck));
    } else if (bound && (event.defined() || expected.defined() || occurrence.defined())) {
      sink_.error(ms.mark(), fmt::format("milestone '{}' has both '{}' and an event", milestone.name, bound),
                  std::string(kOneCheck));
    } else if (bound && ms.has("tolerance")) {
      // A bound is its own tolerance: a tolerance there would be read and ignored.
      sink_.error(
          ms.mark_of("tolerance"),
          fmt::format("'tolerance' of milestone '{}' applies to an event's public time", milestone.name),
          fmt::format("no 'tolerance' with '{}' (the bound is the check)", bound));
    }
    if (!bound) {
      if (!event.defined() || !expected.defined()) {
        sink_.error(ms.mark(),
                    fmt::format("milestone '{}' needs 'event' and 'public', 'max_downtime' or 'not_up_at'",
                                milestone.name),
                    "event: enters_down | enters_degraded | leaves_up | returns_up | recovers | leaves_down "
                    "(rooms also discharged | accessible | cooled), with public: <time>");
      }
      if (event.defined()) {
        const auto text = read_string(sink_, event, "'event' of " + ms.what()).value_or("");
        // In the order of MilestoneSpec::Event.
        static const std::vector<std::string> kEvents = {"enters_down", "enters_degraded", "leaves_up",
                                                         "returns_up",  "recovers",        "leaves_down",
                                                         "discharged",  "accessible",      "cooled"};
        const auto it = std::find(kEvents.begin(), kEvents.end(), text);
        if (it == kEvents.end()) {
          std::string message = fmt::format("unknown milestone event '{}'", text);
          if (const std::string hint = did_you_mean(text, kEvents); !hint.empty()) message += "; " + hint;
          sink_.error(event.mark(), std::move(message), fmt::format("one of {}", fmt::join(kEvents, ", ")));
        } else {
          milestone.event = static_cast<m::MilestoneSpec::Event>(it - kEvents.begin());
          // A room's moments: only rooms give them.
          const bool room_event = milestone.event >= m::MilestoneSpec::Event::kDischarged;
          if (room_event && id && m::vertex_kind(spec_, *id) != m::ComponentKind::kRoom) {
            sink_.error(
                event.mark(),
                fmt::format("milestone event '{}' is given only by rooms, and '{}' is a {}", text,
                            m::vertex_name(spec_, *id), m::kind_name(m::vertex_kind(spec_, *id))),
                "a room, or enters_down, enters_degraded, leaves_up, returns_up, recovers or leaves_down");
          }
        }
      }
      if (occurrence.defined()) {
        const auto text = read_string(sink_, occurrence, "'occurrence' of " + ms.what()).value_or("");
        if (text == "first" || text == "last") {
          milestone.occurrence =
              text == "first" ? m::MilestoneSpec::Occurrence::kFirst : m::MilestoneSpec::Occurrence::kLast;
        } else {
          sink_.error(occurrence.mark(), fmt::format("unknown occurrence '{}'", text), "first or last");
        }
      }
      // Within the horizon: a public time after it could not be held against anything.
      if (expected.defined()) milestone.expected = time_point(expected, "'public' of " + ms.what(), true);
    }
    ms.finish();
    milestone_marks_.push_back(ms.mark());
    if (id) {
      milestone.component = *id;
      spec_.milestones.push_back(std::move(milestone));
    } else {
      milestone_marks_.pop_back();
    }
  }
}

void ScenarioReader::read_calibrated(const YamlNode& list) {
  std::vector<bool> named(spec_.milestones.size(), false);
  for (const YamlNode& item : list_items(list, "'calibrated'")) {
    YamlMap c(sink_, item, "a calibrated parameter");
    m::CalibrationSpec cal;
    cal.parameter = c.string("parameter", true).value_or("");
    cal.value = c.string("value", true).value_or("");
    cal.note = c.string("note").value_or("");
    if (const YamlNode target = c.get("fitted_to", true); target.defined()) {
      const auto name = read_string(sink_, target, "'fitted_to' of " + c.what()).value_or("");
      std::vector<std::string> names;
      for (const auto& ms : spec_.milestones) names.push_back(ms.name);
      const auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end()) {
        std::string message = fmt::format("no milestone named '{}'", name);
        if (const std::string hint = did_you_mean(name, names); !hint.empty()) message += "; " + hint;
        sink_.error(target.mark(), std::move(message), "the name of the milestone the value was fitted to");
      } else {
        cal.fitted_to = static_cast<std::uint32_t>(it - names.begin());
        named[cal.fitted_to] = true;
        if (spec_.milestones[cal.fitted_to].basis != m::MilestoneSpec::Basis::kCalibrated) {
          sink_.error(
              target.mark(),
              fmt::format("milestone '{}' has a parameter fitted to it but is not of class calibrated", name),
              "class: calibrated on that milestone");
        }
      }
    }
    c.finish();
    spec_.calibrated.push_back(std::move(cal));
  }
  for (std::size_t i = 0; i < spec_.milestones.size(); ++i) {
    if (spec_.milestones[i].basis == m::MilestoneSpec::Basis::kCalibrated && !named[i]) {
      sink_.error(milestone_marks_[i],
                  fmt::format("milestone '{}' is of class calibrated, but no entry of 'calibrated' names it",
                              spec_.milestones[i].name),
                  "an entry {parameter, value, fitted_to} under 'calibrated' at the top level");
    }
  }
}

}  // namespace outagesim::loader
