// The `failures` section: random fault processes, each over its targets (names, or classes of components
// by kind, zone and room), with time-to-failure and time-to-repair distributions, failing each target on
// its own or common-cause groups (a zone, a room, every target) together.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/uncertain_number.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {

// Failures one process may be expected to draw over the horizon.
constexpr double kMaxExpectedFailures = 1'000'000;

// How a process groups its targets.
enum class Grouping : std::uint8_t { kEach, kAll, kZone, kRoom };

// A duration written plainly (a constant) or as a distribution; never negative.
std::optional<sim::Distribution> read_duration_distribution(DiagnosticSink& sink, const YamlNode& node,
                                                            const std::string& what) {
  if (is_distribution(node))
    return read_distribution(sink, node, what, Range::at_least(0), duration_reader());
  const auto t = read_duration(sink, node, what);
  if (!t) return std::nullopt;
  if (*t <= sim::Time()) {
    sink.error(node.mark(), fmt::format("{} is not above 0", what), "a duration above 0, or a distribution");
    return std::nullopt;
  }
  return std::get<sim::Distribution>(sim::Distribution::constant(static_cast<double>(t->count_ms())));
}

}  // namespace

void ScenarioReader::read_failures(const YamlNode& list) {
  std::vector<std::string> names;
  for (const YamlNode& item : list_items(list, "'failures'")) {
    YamlMap f(sink_, item, "a random failure");
    const std::string name = f.name().value_or("");
    const std::string what = fmt::format("random failure '{}'", name);
    if (f.has("name")) f.set_what(what);
    if (f.has("name")) claim_name(names, name, f.mark_of("name"), "random failure");

    // Targets, in the order written; a component named twice (by name and by class) counts once.
    std::vector<m::ComponentId> targets;
    bool targets_ok = true;
    const auto add = [&](m::ComponentId id) {
      if (std::find(targets.begin(), targets.end(), id) == targets.end()) targets.push_back(id);
    };
    const auto read_class = [&](const YamlNode& node) {
      YamlMap c(sink_, node, "a class of targets of " + what);
      std::optional<m::ComponentKind> kind;
      if (const auto text = c.string("kind")) {
        kind = m::parse_kind(*text);
        if (!kind) {
          std::vector<std::string> kinds;
          for (const m::ComponentKind k : m::declarable_kinds()) kinds.emplace_back(m::kind_name(k));
          std::string message =
              fmt::format("'kind' of a class of targets of {} is '{}', no kind", what, *text);
          if (const std::string hint = did_you_mean(*text, kinds); !hint.empty()) message += "; " + hint;
          sink_.error(c.mark_of("kind"), std::move(message),
                      fmt::format("one of {}", fmt::join(kinds, ", ")));
          targets_ok = false;
        }
      }
      const auto zone = c.string("zone");
      std::optional<m::ComponentId> room;
      if (const YamlNode r = c.get("room"); r.defined()) {
        static constexpr std::array kRoom = {m::ComponentKind::kRoom};
        room = component_ref(r, "'room' of a class of targets of " + what, kRoom);
        if (!room) targets_ok = false;
      }
      c.finish();
      if (!c.valid() || !targets_ok) return;
      if (!kind && !zone && !room) {
        sink_.error(c.mark(), fmt::format("a class of targets of {} selects every component", what),
                    "kind, zone and/or room");
        targets_ok = false;
        return;
      }
      std::size_t matched = 0;
      for (m::ComponentId id = 0; id < spec_.components.size(); ++id) {
        const m::ComponentSpec& comp = spec_.components[id];
        if (kind && comp.kind != *kind) continue;
        if (zone && comp.zone != *zone) continue;
        if (room) {
          const auto* pool = std::get_if<m::HostPoolParams>(&comp.params);
          if (!pool || pool->room != *room) continue;
        }
        add(id);
        ++matched;
      }
      if (matched == 0) {
        sink_.error(c.mark(), fmt::format("a class of targets of {} matches no component", what),
                    "kind, zone and room of at least one component (room selects the host pools in it)");
        targets_ok = false;
      }
    };
    const auto read_target = [&](const YamlNode& node) {
      if (node.is_map()) {
        read_class(node);
      } else if (const auto id = component_ref(node, "a target of " + what)) {
        add(*id);
      } else {
        targets_ok = false;
      }
    };
    if (const YamlNode t = f.get("targets", true); t.defined()) {
      if (t.is_sequence()) {
        for (const YamlNode& n : t) read_target(n);
        if (t.size() == 0) {
          sink_.error(t.mark(), fmt::format("'targets' of {} is empty", what), "at least one component");
          targets_ok = false;
        }
      } else {
        read_target(t);
      }
    }

    std::optional<sim::Distribution> ttf, ttr;
    if (const YamlNode n = f.get("time_to_failure", true); n.defined())
      ttf = read_duration_distribution(sink_, n, "'time_to_failure' of " + what);
    if (const YamlNode n = f.get("time_to_repair", true); n.defined())
      ttr = read_duration_distribution(sink_, n, "'time_to_repair' of " + what);

    // A share of each pool: a number in (0, 1] or a distribution of them.
    std::optional<sim::Distribution> share;
    bool share_ok = true;
    if (const YamlNode s = f.get("share"); s.defined()) {
      const std::string of = "'share' of " + what;
      if (is_distribution(s)) {
        share = read_distribution(sink_, s, of, Range{0, 1, true}, number_reader());
      } else if (const auto v = read_number(sink_, s, of, Range{0, 1, true})) {
        share = std::get<sim::Distribution>(sim::Distribution::constant(*v));
      }
      share_ok = share.has_value();
    }

    Grouping grouping = Grouping::kEach;
    if (const YamlNode cc = f.get("common_cause"); cc.defined()) {
      const std::string_view text = cc.scalar();
      if (text == "true") {
        grouping = Grouping::kAll;
      } else if (text == "false") {
        grouping = Grouping::kEach;
      } else if (text == "zone") {
        grouping = Grouping::kZone;
      } else if (text == "room") {
        grouping = Grouping::kRoom;
      } else {
        std::string message = fmt::format("'common_cause' of {} is '{}'", what, text);
        static const std::vector<std::string> kModes = {"true", "false", "zone", "room"};
        if (const std::string hint = did_you_mean(text, kModes); !hint.empty()) message += "; " + hint;
        sink_.error(cc.mark(), std::move(message),
                    "true (every target at once), zone or room (each zone's or room's targets at once), or "
                    "false");
        targets_ok = false;
      }
    }
    f.finish();
    if (!targets_ok || targets.empty() || !ttf || !ttr || !share_ok) continue;
    if (share) {
      bool pools = true;
      for (const m::ComponentId id : targets) {
        if (spec_.components[id].kind == m::ComponentKind::kHostPool) continue;
        sink_.error(f.mark_of("share"),
                    fmt::format("{} takes a share, but its target '{}' is a {}, not a host pool", what,
                                spec_.components[id].name, m::kind_name(spec_.components[id].kind)),
                    "host pools only as targets (other components fail whole)");
        pools = false;
        break;
      }
      if (!pools) continue;
    }

    // Groups, each named for what it stands for: a component, a zone, a room, or "all".
    std::vector<m::FailureGroup> groups;
    const auto join = [&](const std::string& group, m::ComponentId id) {
      auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.name == group; });
      if (it == groups.end()) it = groups.insert(groups.end(), m::FailureGroup{group, {}});
      it->members.push_back(id);
    };
    bool grouped = true;
    for (const m::ComponentId id : targets) {
      const m::ComponentSpec& comp = spec_.components[id];
      switch (grouping) {
        case Grouping::kEach:
          join(comp.name, id);
          break;
        case Grouping::kAll:
          join("all", id);
          break;
        case Grouping::kZone:
          if (comp.zone.empty()) {
            sink_.error(f.mark_of("common_cause"),
                        fmt::format("{} fails by zone, but its target '{}' has no zone", what, comp.name),
                        "a 'zone' on every target, or common_cause: true");
            grouped = false;
          }
          join(comp.zone, id);
          break;
        case Grouping::kRoom: {
          const auto* pool = std::get_if<m::HostPoolParams>(&comp.params);
          if (comp.kind == m::ComponentKind::kRoom) {
            join(comp.name, id);
          } else if (pool && pool->room != m::kNoComponent) {
            join(spec_.components[pool->room].name, id);
          } else {
            sink_.error(f.mark_of("common_cause"),
                        fmt::format("{} fails by room, but its target '{}' is in no room", what, comp.name),
                        "rooms and host pools as targets, or common_cause: true");
            grouped = false;
          }
          break;
        }
      }
    }
    if (!grouped) continue;
    // A process that would fail millions of times within the horizon is a typing slip (1ms for 1d), and
    // would run for hours: refuse it, with the count it would draw.
    const double cycle_ms = std::max(1.0, ttf->median() + ttr->median());
    const double expected =
        static_cast<double>(groups.size()) * static_cast<double>(spec_.horizon.count_ms()) / cycle_ms;
    if (expected > kMaxExpectedFailures) {
      sink_.error(
          f.mark_of("time_to_failure"),
          fmt::format("{} would fail about {:.3g} times within the horizon ({} group(s), a median of "
                      "{} ms to fail and {} ms to repair); at most a million",
                      what, expected, groups.size(), ttf->median(), ttr->median(), kMaxExpectedFailures),
          "a longer 'time_to_failure' (hours to years for real equipment)");
      continue;
    }
    spec_.failures.push_back(m::FailureProcessSpec{.name = name,
                                                   .groups = std::move(groups),
                                                   .time_to_failure = *ttf,
                                                   .time_to_repair = *ttr,
                                                   .share = std::move(share)});
  }
}

}  // namespace outagesim::loader
