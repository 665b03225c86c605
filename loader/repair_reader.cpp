// Repair processes, their stages, and the triggers that start actions and repairs.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/uncertain_number.hpp"
#include "models/operations/repair_wait_cycles.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {
constexpr std::int64_t kMaxRepeat = 1000;

// A stage's `repeat`, read leniently: the strict read (with its messages) comes with the repair.
std::int64_t raw_repeat(const YamlNode& stage) {
  const YamlNode node = stage["repeat"];  // undefined, so not a scalar, when `stage` is no mapping
  if (!node.is_scalar()) return 1;
  const std::string_view text = node.scalar();
  std::int64_t repeat = 1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), repeat);
  if (ec != std::errc() || end != text.data() + text.size()) return 1;
  return std::clamp<std::int64_t>(repeat, 1, kMaxRepeat);
}

std::string raw_name(const YamlNode& node) {
  return std::string(node["name"].scalar());  // empty unless a mapping with a scalar name
}
}  // namespace

void ScenarioReader::collect_repair_names(const YamlNode& list) {
  if (!list.defined() || !list.is_sequence()) return;
  for (const YamlNode& item : list) {
    RepairNames names;
    names.name = raw_name(item);
    if (item.is_map() && item["stages"] && item["stages"].is_sequence()) {
      for (const YamlNode& stage : item["stages"]) {
        const std::string name = raw_name(stage);
        const std::int64_t repeat = raw_repeat(stage);
        for (std::int64_t i = 1; i <= repeat; ++i) {
          names.stages.push_back(repeat == 1 ? name : fmt::format("{} {}/{}", name, i, repeat));
        }
        // The plain name of a repeated stage stands for its last repetition.
        names.by_base_name.emplace_back(name, static_cast<std::uint32_t>(names.stages.size() - 1));
      }
    }
    repair_names_.push_back(std::move(names));
  }
}

std::optional<m::TriggerSpec> ScenarioReader::trigger(const YamlNode& node, const std::string& what,
                                                      const m::InputSetter& set_c) {
  YamlMap t(sink_, node, what);
  if (!t.valid()) return std::nullopt;
  m::TriggerSpec trigger;
  bool ok = true;
  const YamlNode component = t.get("component");
  const YamlNode repair = t.get("repair");
  const YamlNode stage = t.get("stage");
  const YamlNode event = t.get("event");
  const YamlNode outside = t.get("outside_air");
  const int sources = int{component.defined()} + int{repair.defined()} + int{outside.defined()};
  if (sources != 1) {
    sink_.error(
        t.mark(),
        fmt::format("{} names {}", what,
                    sources == 0 ? "nothing" : "more than one of a component, a repair and the outside air"),
        "{component: <name>, event: <event>}, {repair: <name>} (with an optional stage), or "
        "{outside_air: above_c or below_c, c: <°C>}");
    // What else is wrong depends on which was meant.
    for (const std::string_view key : {"c", "event", "stage"}) t.get(key);
    t.finish();
    return std::nullopt;
  }
  if (outside.defined()) {
    // The scenario's outside air crossing a temperature: a moment, known from the weather in advance.
    trigger.source = m::TriggerSpec::Source::kWeather;
    const auto text = read_string(sink_, outside, "'outside_air' of " + what).value_or("");
    const auto parsed = m::parse_trigger_event(text);
    if (!parsed || !m::is_temperature_event(*parsed)) {
      std::string message = fmt::format("'outside_air' of {} is '{}'", what, text);
      const std::vector<std::string> events{"above_c", "below_c"};
      if (const std::string hint = did_you_mean(text, events); !hint.empty()) message += "; " + hint;
      sink_.error(outside.mark(), std::move(message), "above_c or below_c");
      ok = false;
    } else {
      trigger.event = *parsed;
    }
    if (const auto c = t.number("c", true, Range::between(-60, 60), set_c))
      trigger.threshold_c = *c;
    else
      ok = false;
    for (const auto& [given, key] : {std::pair{event, "event"}, std::pair{stage, "stage"}}) {
      if (!given.defined()) continue;
      sink_.error(given.mark(), fmt::format("'{}' does not go with 'outside_air'", key),
                  "{outside_air: above_c or below_c, c: <°C>}");
      ok = false;
    }
    t.finish();
    if (!ok) return std::nullopt;
    return trigger;
  }
  std::optional<m::TriggerEvent> parsed_event;
  if (event.defined()) {
    const auto text = read_string(sink_, event, "'event' of " + what).value_or("");
    parsed_event = m::parse_trigger_event(text);
    if (!parsed_event) {
      std::vector<std::string> all;
      for (const auto e : m::component_trigger_events()) all.emplace_back(m::trigger_event_name(e));
      all.emplace_back("done");
      std::string message = fmt::format("unknown event '{}'", text);
      if (const std::string hint = did_you_mean(text, all); !hint.empty()) message += "; " + hint;
      sink_.error(event.mark(), std::move(message), fmt::format("one of {}", fmt::join(all, ", ")));
      ok = false;
    }
  }
  if (component.defined()) {
    trigger.source = m::TriggerSpec::Source::kComponent;
    const auto id = vertex_ref(component, "'component' of " + what);
    if (!id) ok = false;
    if (!event.defined()) {
      sink_.error(t.mark(), what + " has no 'event'",
                  "enters_down, enters_degraded, leaves_up, returns_up, recovers, leaves_down, cooled, "
                  "accessible, discharged, "
                  "above_c or below_c");
      ok = false;
    } else if (parsed_event == m::TriggerEvent::kDone) {
      sink_.error(event.mark(), "'done' is an event of repairs and stages, not of components",
                  "enters_down, enters_degraded, leaves_up, returns_up, recovers, leaves_down, cooled, "
                  "accessible or discharged");
      ok = false;
    }
    const bool room_event =
        parsed_event &&
        (*parsed_event == m::TriggerEvent::kCooled || *parsed_event == m::TriggerEvent::kAccessible ||
         *parsed_event == m::TriggerEvent::kDischarged || m::is_temperature_event(*parsed_event));
    if (id && room_event && m::vertex_kind(spec_, *id) != m::ComponentKind::kRoom) {
      sink_.error(event.mark(),
                  fmt::format("event '{}' is given only by rooms, and '{}' is a {}",
                              m::trigger_event_name(*parsed_event), m::vertex_name(spec_, *id),
                              m::kind_name(m::vertex_kind(spec_, *id))),
                  "a room, or enters_down, enters_degraded, leaves_up, returns_up, recovers or leaves_down");
      ok = false;
    }
    // A temperature crossing takes the temperature; no other event does.
    const bool temperature = parsed_event && m::is_temperature_event(*parsed_event);
    if (temperature) {
      if (const auto c = t.number("c", true, Range::between(-50, 200), set_c))
        trigger.threshold_c = *c;
      else
        ok = false;
    } else if (t.has("c")) {
      t.get("c");
      sink_.error(t.mark_of("c"), "'c' goes with the events above_c and below_c",
                  "no 'c', or event above_c or below_c");
      ok = false;
    }
    if (stage.defined()) {
      sink_.error(stage.mark(), "'stage' goes with 'repair', not with 'component'",
                  "{repair: <name>, stage: <name>}");
      ok = false;
    }
    if (id) trigger.component = *id;
    if (parsed_event) trigger.event = *parsed_event;
  } else if (repair.defined()) {
    trigger.source = m::TriggerSpec::Source::kRepair;
    trigger.event = m::TriggerEvent::kDone;
    if (parsed_event && *parsed_event != m::TriggerEvent::kDone) {
      sink_.error(event.mark(), "a repair or stage gives only the event 'done'", "done, or no 'event'");
      ok = false;
    }
    const auto name = read_string(sink_, repair, "'repair' of " + what).value_or("");
    const auto it = std::find_if(repair_names_.begin(), repair_names_.end(),
                                 [&](const RepairNames& r) { return r.name == name; });
    if (it == repair_names_.end()) {
      std::vector<std::string> names;
      for (const RepairNames& r : repair_names_) names.push_back(r.name);
      std::string message = fmt::format("no repair named '{}'", name);
      if (const std::string hint = did_you_mean(name, names); !hint.empty()) message += "; " + hint;
      sink_.error(repair.mark(), std::move(message), "the name of a repair under 'repairs'");
      ok = false;
    } else {
      trigger.repair = static_cast<std::uint32_t>(it - repair_names_.begin());
      if (stage.defined()) {
        trigger.source = m::TriggerSpec::Source::kStage;
        const auto stage_name = read_string(sink_, stage, "'stage' of " + what).value_or("");
        const auto& stages = it->stages;
        const auto exact = std::find(stages.begin(), stages.end(), stage_name);
        const auto base = std::find_if(it->by_base_name.begin(), it->by_base_name.end(),
                                       [&](const auto& p) { return p.first == stage_name; });
        if (exact != stages.end()) {
          trigger.stage = static_cast<std::uint32_t>(exact - stages.begin());
        } else if (base != it->by_base_name.end()) {
          trigger.stage = base->second;
        } else {
          std::string message = fmt::format("repair '{}' has no stage '{}'", name, stage_name);
          if (const std::string hint = did_you_mean(stage_name, stages); !hint.empty())
            message += "; " + hint;
          sink_.error(stage.mark(), std::move(message), "the name of one of its stages");
          ok = false;
        }
      }
    }
  }
  t.finish();
  if (!ok) return std::nullopt;
  return trigger;
}

void ScenarioReader::check_start_can_come(const std::optional<m::TriggerSpec>& trigger,
                                          const YamlNode& node) {
  if (!trigger || trigger->source != m::TriggerSpec::Source::kComponent ||
      (trigger->event != m::TriggerEvent::kAccessible && trigger->event != m::TriggerEvent::kDischarged) ||
      trigger->component >= spec_.components.size())
    return;
  discharge_starts_.emplace_back(*trigger, node);
}

void ScenarioReader::check_starts_can_come() {
  for (const auto& start : discharge_starts_) {
    // Named, not bound: a lambda below captures it (clang refuses structured bindings there).
    const m::TriggerSpec& trigger = start.first;
    const YamlNode& node = start.second;
    const auto* room = std::get_if<m::RoomParams>(&spec_.components[trigger.component].params);
    if (room == nullptr || room->sprinkler_c) continue;
    // A flood seals the room too (`accessible` comes after it), but discharges nothing.
    const bool sealed_by_action =
        std::any_of(spec_.injections.begin(), spec_.injections.end(), [&](const m::InjectionSpec& i) {
          return i.target == trigger.component &&
                 (i.action == m::Action::kDischarge ||
                  (i.action == m::Action::kFlood && trigger.event == m::TriggerEvent::kAccessible));
        });
    if (sealed_by_action) continue;
    const bool flooded =
        std::any_of(spec_.injections.begin(), spec_.injections.end(), [&](const m::InjectionSpec& i) {
          return i.target == trigger.component && i.action == m::Action::kFlood;
        });
    sink_.error(
        node.mark(),
        flooded ? fmt::format("room '{}' has no sprinkler_c and no 'discharge' action: a flood seals it "
                              "but discharges nothing, so 'discharged' never comes",
                              spec_.components[trigger.component].name)
                : fmt::format("room '{}' has no sprinkler_c and no 'discharge' or 'flood' action, so "
                              "nothing ever seals it and '{}' never comes: what this starts would "
                              "never start",
                              spec_.components[trigger.component].name, m::trigger_event_name(trigger.event)),
        flooded ? "'accessible' (re-entry after the flood), or a discharge action on the room"
                : "a sprinkler_c on the room, a discharge or flood action on it, or another event");
  }
}

std::vector<m::TriggerSpec> ScenarioReader::start_triggers(const YamlNode& node, const std::string& what,
                                                           const TriggerThresholds& thresholds, bool starts) {
  std::vector<m::TriggerSpec> out;
  bool ok = true;
  const auto add = [&](const YamlNode& item, const std::string& item_what) {
    const auto t = trigger(item, item_what, thresholds(out.size()));
    if (starts) check_start_can_come(t, item);
    if (t) {
      out.push_back(*t);
    } else {
      ok = false;
    }
  };
  if (node.is_map() && node["any_of"].defined()) {
    YamlMap m(sink_, node, what);
    const auto items = list_items(m.get("any_of", true), "'any_of' of " + what);
    m.finish();
    if (items.empty()) {
      sink_.error(node.mark(), what + " has an empty 'any_of'", "at least one trigger");
      ok = false;
    }
    for (std::size_t i = 0; i < items.size(); ++i)
      add(items[i], fmt::format("trigger {} of {}", i + 1, what));
  } else {
    add(node, what);
  }
  if (!ok) out.clear();
  return out;
}

std::vector<m::TriggerSpec> ScenarioReader::triggers(const YamlNode& node, const std::string& what,
                                                     const TriggerThresholds& thresholds) {
  std::vector<m::TriggerSpec> out;
  const auto add = [&](const YamlNode& item) {
    auto t = trigger(item, what, thresholds(out.size()));
    if (!t) return;
    if (t->source == m::TriggerSpec::Source::kComponent && m::is_temperature_event(t->event)) {
      // A stage waits for a state; a temperature crossing is a moment, which only starts things.
      sink_.error(
          item.mark(),
          fmt::format("{} waits for '{}', a moment, not a state a stage can wait for", what,
                      m::trigger_event_name(t->event)),
          "a state to wait for (cooled, accessible, returns_up, ...), or the crossing as the 'when' of "
          "an operator action or repair");
      return;
    }
    out.push_back(*t);
  };
  if (node.is_sequence()) {
    for (const YamlNode& item : node) add(item);
  } else {
    add(node);
  }
  return out;
}

void ScenarioReader::read_repairs(const YamlNode& list) {
  std::vector<std::string> names;
  std::vector<std::pair<std::uint32_t, YamlNode>> when_nodes;  // repairs started by a trigger, for cycles
  for (const YamlNode& item : list_items(list, "'repairs'")) {
    const auto index = static_cast<std::uint32_t>(spec_.repairs.size());
    YamlMap r(sink_, item, fmt::format("repair '{}'", shown_name(item)));
    m::RepairSpec repair;
    const Locate<m::RepairSpec> here = element(spec_list(&m::ScenarioSpec::repairs), spec_.repairs.size());
    repair.name = r.name().value_or("");
    claim_name(names, repair.name, r.mark_of("name"), "repair");
    repair.note = r.string("note").value_or("");
    r.string("description");
    const bool has_at = r.has("at");
    const bool has_when = r.has("when");
    if (has_at == has_when) {
      sink_.error(
          r.mark(),
          fmt::format("{} has {}", r.what(), has_at ? "both 'at' and 'when'" : "neither 'at' nor 'when'"),
          "either a clock time (at) or a trigger (when, with an optional delay)");
    }
    if (const YamlNode at = r.get("at"); at.defined()) {
      repair.at =
          time_point(at, "'at' of " + r.what(), true, into(here, &m::RepairSpec::at)).value_or(sim::Time());
    }
    if (const YamlNode when = r.get("when"); when.defined()) {
      repair.when = start_triggers(when, "'when' of " + r.what(), [here](std::size_t i) -> m::InputSetter {
        return [here, i](m::ScenarioSpec& spec, double c) { here(spec).when[i].threshold_c = c; };
      });
      when_nodes.emplace_back(index, when);
      const bool own_end = !repair.when.empty() &&
                           std::all_of(repair.when.begin(), repair.when.end(), [&](const m::TriggerSpec& t) {
                             return (t.source == m::TriggerSpec::Source::kRepair ||
                                     t.source == m::TriggerSpec::Source::kStage) &&
                                    t.repair == index;
                           });
      if (own_end) {
        sink_.error(when.mark(), fmt::format("{} is started by its own end", r.what()),
                    "a trigger on something else");
      }
    }
    repair.delay = r.duration("delay", false, into(here, &m::RepairSpec::delay)).value_or(sim::Time());
    if (const YamlNode cancel = r.get("cancel_when"); cancel.defined()) {
      repair.cancel_when = start_triggers(
          cancel, "'cancel_when' of " + r.what(),
          [here](std::size_t i) -> m::InputSetter {
            return [here, i](m::ScenarioSpec& spec, double c) { here(spec).cancel_when[i].threshold_c = c; };
          },
          false);
    }
    for (const YamlNode& s : list_items(r.get("stages", true), "'stages' of " + r.what())) {
      read_stage(s, repair, index);
    }
    if (r.has("stages") && repair.stages.empty()) {
      sink_.error(r.mark_of("stages"), r.what() + " has no stages", "at least one stage");
    }
    r.finish();
    spec_.repairs.push_back(std::move(repair));
  }
  // Repairs started by one another's ends in a ring never start: each waits for the next. (A repair
  // started by its own end is refused above.) Each repair has one `when`, so following them from a
  // repair either leaves the repairs or comes back within their count.
  // A ring is reported once, at its first repair in the file, naming the others.
  std::vector<bool> in_ring(spec_.repairs.size(), false);
  for (const auto& [start, node] : when_nodes) {
    std::uint32_t at = start;
    std::vector<std::string> others;
    bool first_of_ring = true;
    for (std::size_t steps = 0; steps < spec_.repairs.size(); ++steps) {
      // Followed through repairs with one trigger: a start that any of several triggers may give can come
      // by another way (a ring through one of them is left to the run, which reports it never started).
      const auto& when = spec_.repairs[at].when;
      if (when.size() != 1 ||
          (when[0].source != m::TriggerSpec::Source::kRepair &&
           when[0].source != m::TriggerSpec::Source::kStage) ||
          when[0].repair >= spec_.repairs.size())
        break;
      at = when[0].repair;
      if (at == start) {
        in_ring[start] = true;  // a start by its own end included
        if (steps > 0 && first_of_ring) {
          sink_.error(node.mark(),
                      fmt::format("repair '{}' is started, through {}, by its own end: none of them ever "
                                  "starts",
                                  spec_.repairs[start].name, fmt::join(others, ", ")),
                      "a trigger that breaks the ring (a component's event, or a time)");
        }
        break;
      }
      if (at < start) first_of_ring = false;
      others.push_back(fmt::format("'{}'", spec_.repairs[at].name));
    }
  }
  check_repair_waits(in_ring);
}

void ScenarioReader::check_repair_waits(const std::vector<bool>& in_ring) {
  for (const m::RepairWaitCycle& cycle : m::find_repair_wait_cycles(spec_.repairs)) {
    // A loop through a ring of starts is that ring's problem, reported above: every stage of its repairs
    // lies on it, a wait for an earlier stage of its own repair too.
    if (std::any_of(cycle.repairs.begin(), cycle.repairs.end(), [&](std::uint32_t r) { return in_ring[r]; }))
      continue;
    const m::RepairSpec& repair = spec_.repairs[cycle.repair];
    const m::TriggerSpec& wait = repair.stages[cycle.stage].wait_for[cycle.trigger];
    const m::RepairSpec& waited = spec_.repairs[wait.repair];
    const std::string what =
        wait.source == m::TriggerSpec::Source::kStage
            ? fmt::format("stage '{}' of repair '{}'", waited.stages[wait.stage].name, waited.name)
            : fmt::format("repair '{}'", waited.name);
    std::vector<std::string> others;
    for (const std::uint32_t r : cycle.repairs) {
      if (r != cycle.repair && r != wait.repair) others.push_back(fmt::format("'{}'", spec_.repairs[r].name));
    }
    const std::string through = others.empty() ? "" : fmt::format(", through {},", fmt::join(others, ", "));
    const char* outcome = cycle.repairs.size() == 1   ? "it never ends"
                          : cycle.repairs.size() == 2 ? "neither ever ends"
                                                      : "none of them ever ends";
    const auto node = wait_for_nodes_.find({cycle.repair, cycle.stage});
    if (node == wait_for_nodes_.end()) continue;  // every stage with a wait_for has its node
    // The caret on the entry of the list that closes the loop, when wait_for is a list.
    const YamlNode& list = node->second;
    const YamlNode entry =
        list.is_sequence() && cycle.trigger < list.size() ? list.item(cycle.trigger) : list;
    sink_.error(entry.mark(),
                fmt::format("stage '{}' of repair '{}' waits for {} to be done, which{} cannot come before "
                            "this stage ends: {}",
                            repair.stages[cycle.stage].name, repair.name, what, through, outcome),
                "a wait_for on something that does not itself wait for this stage");
  }
}

void ScenarioReader::read_stage(const YamlNode& item, m::RepairSpec& repair, std::uint32_t index) {
  YamlMap s(sink_, item, fmt::format("stage '{}' of repair '{}'", shown_name(item), repair.name));
  m::StageSpec stage;
  stage.name = s.name().value_or("");
  s.string("description");
  const bool has_duration = s.has("duration");
  const bool has_work = s.has("work");
  if (has_duration == has_work) {
    sink_.error(s.mark(),
                fmt::format("{} has {}", s.what(),
                            has_work ? "both 'duration' and 'work'" : "neither 'duration' nor 'work'"),
                "duration: <time the people are held>, or work: <person-time shared by the people>");
  }
  // Where the stage (all its repetitions) will sit: a draw is written into every repetition, so they
  // share it.
  const std::size_t first = repair.stages.size();
  const auto repeat = static_cast<std::uint32_t>(s.integer("repeat", false, 1, kMaxRepeat).value_or(1));
  const auto stages = [index, first, repeat](auto field) -> m::InputSetter {
    return [index, first, repeat, field](m::ScenarioSpec& spec, double value) {
      auto& list = spec.repairs[index].stages;
      for (std::size_t i = first; i < first + repeat; ++i) assign_input(list[i].*field, value);
    };
  };
  stage.duration = s.duration("duration", false, stages(&m::StageSpec::duration)).value_or(sim::Time());
  stage.work = s.duration("work", false, stages(&m::StageSpec::work));
  if (const YamlNode crew = s.get("crew"); crew.defined()) {
    stage.crew = named_index(crew, "'crew' of " + s.what(), crew_names_, "crews");
  }
  const auto people = s.integer("people", false, 1, 100'000, stages(&m::StageSpec::people));
  if (people) stage.people = static_cast<std::uint32_t>(*people);
  if (s.has("crew") && !people)
    sink_.error(s.mark_of("crew"), s.what() + " names a crew but no 'people'",
                "people: <how many of the crew>");
  if (people && !s.has("crew"))
    sink_.error(s.mark_of("people"), s.what() + " has 'people' but no 'crew'", "crew: <name of a crew>");
  if (has_work && !s.has("crew"))
    sink_.error(s.mark_of("work"), s.what() + ": 'work' is shared among people", "crew and people");
  if (stage.crew && people && *stage.crew < spec_.crews.size()) {
    const m::CrewSpec& crew = spec_.crews[*stage.crew];
    // Against the fewest people the crew can have at its busiest, so that no draw of an uncertain
    // headcount leaves the stage waiting for people who never come.
    const std::uint32_t surest = crew_surest_headcount_[*stage.crew];
    const std::uint32_t most_needed =
        s.has("people") && is_distribution(s.get("people"))
            ? static_cast<std::uint32_t>(sink_.inputs().back().distribution.highest())
            : stage.people;
    if (most_needed > surest && !crew_headcount_uncertain_[*stage.crew]) {
      sink_.error(s.mark_of("people"),
                  fmt::format("{} needs {} people, but crew '{}' never has more than {}", s.what(),
                              most_needed, crew.name, surest),
                  fmt::format("people: at most {}", surest));
    } else if (most_needed > surest) {
      // An uncertain headcount whose lowest draw is too few: the fix is most often at the distribution.
      sink_.error(s.mark_of("people"),
                  fmt::format("{} needs {} people, but crew '{}' has an uncertain headcount that can draw as "
                              "few as {} at its busiest, and the stage would then wait for ever",
                              s.what(), most_needed, crew.name, surest),
                  fmt::format("a headcount distribution with 'min: {}' (or more), or people: at most {}",
                              most_needed, surest));
    }
  }
  stage.priority = static_cast<std::int32_t>(s.integer("priority", false, -1'000'000, 1'000'000).value_or(0));
  const YamlNode wait = s.get("wait_for");
  if (wait.defined()) {
    stage.wait_for = triggers(wait, "'wait_for' of " + s.what(), [index, first, repeat](std::size_t i) {
      return [index, first, repeat, i](m::ScenarioSpec& spec, double c) {
        auto& list = spec.repairs[index].stages;
        for (std::size_t k = first; k < first + repeat; ++k) list[k].wait_for[i].threshold_c = c;
      };
    });
  }
  // What each repetition achieves: actions applied when it ends.
  std::vector<m::InjectionSpec> effects;
  for (const YamlNode& e : list_items(s.get("then"), "'then' of " + s.what())) {
    YamlMap a(sink_, e, "an action of " + s.what());
    m::InjectionSpec effect;
    effect.is_fault = false;
    if (read_action(a, effect)) effects.push_back(std::move(effect));
    a.finish();
  }
  s.finish();
  for (std::uint32_t i = 1; i <= repeat; ++i) {
    m::StageSpec copy = stage;
    if (repeat > 1) copy.name = fmt::format("{} {}/{}", stage.name, i, repeat);
    const auto stage_index = static_cast<std::uint32_t>(repair.stages.size());
    if (!copy.wait_for.empty()) wait_for_nodes_.emplace(std::pair{index, stage_index}, wait);
    for (const m::InjectionSpec& effect : effects) {
      m::InjectionSpec e = effect;
      e.when = {m::TriggerSpec{m::TriggerSpec::Source::kStage, m::kNoComponent, m::TriggerEvent::kDone, index,
                               stage_index}};
      if (e.note.empty()) e.note = fmt::format("repair '{}': {}", repair.name, copy.name);
      spec_.injections.push_back(std::move(e));
    }
    repair.stages.push_back(std::move(copy));
  }
}

}  // namespace outagesim::loader
