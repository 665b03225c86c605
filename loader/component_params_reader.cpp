// The kind-specific keys of each component.
#include <fmt/format.h>

#include "loader/input_target.hpp"
#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/uncertain_number.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {
const m::ComponentKind kPlantKinds[] = {m::ComponentKind::kCoolingPlant};
const m::ComponentKind kRoomKinds[] = {m::ComponentKind::kRoom};
constexpr std::int64_t kMaxHosts = 10'000'000;
constexpr double kMaxKw = 1e9;
constexpr double kMaxRps = 1e12;
constexpr double kMaxRate = 1e9;  // hosts per hour
constexpr std::int64_t kMaxTeam = 100'000;
// Batches powering on side by side in one pool (models/facility/host_pool.hpp: HostPool::kMaxSlots).
constexpr std::int64_t kMaxParallelBatches = 1024;
constexpr double kMinThermalMass = 1;  // kJ/°C
constexpr double kMinHeatLoss = 1e-6;  // kW/°C
// Per kW of design cooling: a real hall has about 100 kJ/°C and 0.01 kW/°C per kW.
constexpr double kMaxThermalMassPerKw = 1e9;
constexpr double kMaxHeatLossPerKw = 1e3;
}  // namespace

namespace {
// Writes a drawn default into every room that takes it (`taken` set), so that one draw serves them all,
// as one shared constant should.
m::InputSetter default_setter(std::optional<double> m::RoomParams::*field, bool m::RoomParams::*taken) {
  return [field, taken](m::ScenarioSpec& spec, double value) {
    for (m::ComponentSpec& component : spec.components) {
      if (auto* room = std::get_if<m::RoomParams>(&component.params); room && room->*taken)
        room->*field = value;
    }
  };
}
}  // namespace

void ScenarioReader::read_room_defaults(const YamlNode& node) {
  if (!node.defined()) return;
  using P = m::RoomParams;
  YamlMap d(sink_, node, "'room_defaults'");
  room_defaults_.thermal_mass_kj_per_c_per_kw =
      d.number("thermal_mass_kj_per_c_per_kw", false, {0, kMaxThermalMassPerKw, true},
               default_setter(&P::thermal_mass_kj_per_c_per_kw, &P::thermal_mass_is_default));
  room_defaults_.thermal_mass_mark = d.mark_of("thermal_mass_kj_per_c_per_kw");
  room_defaults_.thermal_mass_given = d.has("thermal_mass_kj_per_c_per_kw");
  room_defaults_.heat_loss_kw_per_c_per_kw =
      d.number("heat_loss_kw_per_c_per_kw", false, {0, kMaxHeatLossPerKw, false},
               default_setter(&P::heat_loss_kw_per_c_per_kw, &P::heat_loss_is_default));
  room_defaults_.heat_loss_mark = d.mark_of("heat_loss_kw_per_c_per_kw");
  d.finish();
}

void ScenarioReader::read_room_heat_balance(YamlMap& c, std::size_t index, m::RoomParams& p) {
  using P = m::RoomParams;
  const std::string& what = c.what();
  const Locate<P> at = component_params<P>(index);
  // Each of the two is given once: in absolute terms, per kW of design cooling, or by room_defaults.
  // Returns the mark to report the resolved value at.
  const auto choose = [&](const char* absolute, const char* per_kw) -> std::optional<YAML::Mark> {
    const bool has_absolute = c.get(absolute).defined();
    const bool has_per_kw = c.get(per_kw).defined();
    if (has_absolute && has_per_kw) {
      sink_.error(c.mark_of(per_kw),
                  fmt::format("{} has both '{}' and '{}': they cannot be combined", what, absolute, per_kw),
                  fmt::format("one of '{}' and '{}'", absolute, per_kw));
      return std::nullopt;
    }
    return c.mark_of(has_absolute ? absolute : per_kw);
  };

  // At least 1 kJ/°C (a real hall has millions) and a heat loss of 0 or at least 1e-6 kW/°C: below
  // these the room's equation loses every digit and would report infinite temperatures.
  const auto mass_at = choose("thermal_mass_kj_per_c", "thermal_mass_kj_per_c_per_kw");
  if (c.has("thermal_mass_kj_per_c")) {
    p.thermal_mass_kj_per_c = c.number("thermal_mass_kj_per_c", true, {kMinThermalMass, 1e12, false},
                                       into(at, &P::thermal_mass_kj_per_c))
                                  .value_or(1);
  } else if (c.has("thermal_mass_kj_per_c_per_kw")) {
    p.thermal_mass_kj_per_c_per_kw =
        c.number("thermal_mass_kj_per_c_per_kw", true, {0, kMaxThermalMassPerKw, true},
                 into(at, &P::thermal_mass_kj_per_c_per_kw));
  } else if (room_defaults_.thermal_mass_kj_per_c_per_kw) {
    p.thermal_mass_kj_per_c_per_kw = room_defaults_.thermal_mass_kj_per_c_per_kw;
    p.thermal_mass_is_default = true;
  } else if (!room_defaults_.thermal_mass_given) {  // a given default that was refused is reported there
    sink_.error(c.mark(), fmt::format("{} lacks a thermal mass", what),
                "'thermal_mass_kj_per_c', 'thermal_mass_kj_per_c_per_kw', or "
                "'thermal_mass_kj_per_c_per_kw' under 'room_defaults'");
  }
  if (p.thermal_mass_kj_per_c_per_kw && p.resolved_thermal_mass_kj_per_c() < kMinThermalMass) {
    sink_.error(p.thermal_mass_is_default ? room_defaults_.thermal_mass_mark : mass_at.value_or(c.mark()),
                fmt::format("{}: a thermal mass of {} kJ/°C per kW over {} kW of design cooling is {} kJ/°C, "
                            "below the smallest the model computes with",
                            what, *p.thermal_mass_kj_per_c_per_kw, p.design_cooling_kw,
                            p.resolved_thermal_mass_kj_per_c()),
                fmt::format("at least {} kJ/°C in all", kMinThermalMass));
  }

  const auto loss_at = choose("heat_loss_kw_per_c", "heat_loss_kw_per_c_per_kw");
  if (c.has("heat_loss_kw_per_c")) {
    p.heat_loss_kw_per_c =
        c.number("heat_loss_kw_per_c", false, {0, kMaxKw, false}, into(at, &P::heat_loss_kw_per_c))
            .value_or(0);
  } else if (c.has("heat_loss_kw_per_c_per_kw")) {
    p.heat_loss_kw_per_c_per_kw = c.number("heat_loss_kw_per_c_per_kw", false, {0, kMaxHeatLossPerKw, false},
                                           into(at, &P::heat_loss_kw_per_c_per_kw));
  } else if (room_defaults_.heat_loss_kw_per_c_per_kw) {
    p.heat_loss_kw_per_c_per_kw = room_defaults_.heat_loss_kw_per_c_per_kw;
    p.heat_loss_is_default = true;
  }
  const double loss = p.resolved_heat_loss_kw_per_c();
  if (loss > 0 && loss < kMinHeatLoss) {
    sink_.error(
        p.heat_loss_is_default ? room_defaults_.heat_loss_mark : loss_at.value_or(c.mark()),
        fmt::format("{}: a heat loss of {} kW/°C is below the smallest the model computes with", what, loss),
        fmt::format("0, or at least {} kW/°C in all", kMinHeatLoss));
  }
}

void ScenarioReader::read_component_params(YamlMap& c, m::ComponentSpec& spec) {
  const std::string& what = c.what();
  const std::size_t index = spec_.components.size();  // where this component will sit in the spec
  const auto req = [&](std::string_view key, bool required) -> std::optional<m::Requirement> {
    const YamlNode n = c.get(key, required);
    if (!n.defined()) return std::nullopt;
    return requirement(n, fmt::format("'{}' of {}", key, what));
  };

  switch (spec.kind) {
    case m::ComponentKind::kCoolingPlant: {
      m::CoolingPlantParams p;
      using P = m::CoolingPlantParams;
      const Locate<P> at = component_params<P>(index);
      p.chillers = static_cast<std::uint32_t>(
          c.integer("chillers", true, 1, 10'000, into(at, &m::CoolingPlantParams::chillers)).value_or(1));
      p.standby_chillers = static_cast<std::uint32_t>(
          c.integer("standby_chillers", false, 0, 10'000, into(at, &m::CoolingPlantParams::standby_chillers))
              .value_or(0));
      p.chiller_kw =
          c.number("chiller_kw", true, {0, kMaxKw, true}, into(at, &m::CoolingPlantParams::chiller_kw))
              .value_or(1);
      p.shared_loop = c.boolean("shared_loop").value_or(false);
      if (const auto t = c.duration_or_never("standby_switch")) p.standby_switch = *t;
      {
        bool own = false;
        p.outside = outside_air(c, member(at, &P::outside), own);
        p.outside_is_weather = !own;
      }
      p.rated_outside_c = c.number("rated_outside_c", false, {-60, 60, false},
                                   into(at, &m::CoolingPlantParams::rated_outside_c))
                              .value_or(35);
      p.derate_pct_per_c = c.number("derate_pct_per_c", false, {0, 100, false},
                                    into(at, &m::CoolingPlantParams::derate_pct_per_c))
                               .value_or(0);
      // Above the rating, whatever it draws: a distribution's range is held to it as a number's is.
      const Range limit = is_distribution(c.get("max_outside_c")) ? Range{p.rated_outside_c, 60, true}
                                                                  : Range{-60, 60, false};
      p.max_outside_c =
          c.number("max_outside_c", false, limit, into(at, &m::CoolingPlantParams::max_outside_c));
      if (p.max_outside_c && c.has("max_outside_c") && *p.max_outside_c <= p.rated_outside_c) {
        sink_.error(c.mark_of("max_outside_c"),
                    fmt::format("{}: 'max_outside_c' {} is not above 'rated_outside_c' {}", what,
                                *p.max_outside_c, p.rated_outside_c),
                    "a high-ambient limit above the rating (chillers hold full capacity up to the rating, "
                    "derate above it, and trip above the limit)");
      }
      p.power = req("power", false).value_or(m::Requirement{});
      p.control = req("control", false).value_or(m::Requirement{});
      const std::int64_t units = static_cast<std::int64_t>(p.chillers) + p.standby_chillers;
      p.auto_restart = static_cast<std::uint32_t>(
          c.integer("auto_restart", false, 0, units, into(at, &m::CoolingPlantParams::auto_restart))
              .value_or(0));
      p.auto_restart_delay =
          c.duration("auto_restart_delay", false, into(at, &m::CoolingPlantParams::auto_restart_delay))
              .value_or(sim::Time());
      p.auto_restart_trips =
          static_cast<std::uint32_t>(c.integer("auto_restart_trips", false, 0, p.auto_restart,
                                               into(at, &m::CoolingPlantParams::auto_restart_trips))
                                         .value_or(0));
      p.retrip_after = c.duration("retrip_after", false, into(at, &m::CoolingPlantParams::retrip_after))
                           .value_or(sim::Time::minutes(5));
      if (const auto restart = c.string("control_restart")) {
        if (*restart == "auto" || *restart == "manual") {
          p.control_auto_restart = *restart == "auto";
        } else {
          sink_.error(c.mark_of("control_restart"),
                      fmt::format("{}: unknown control_restart '{}'", what, *restart), "auto or manual");
        }
      }
      p.storage_kwh =
          c.number("storage_kwh", false, {0, 1e9, false}, into(at, &m::CoolingPlantParams::storage_kwh))
              .value_or(0);
      if (c.has("standby_switch") && p.standby_chillers == 0) {
        sink_.error(c.mark_of("standby_switch"), what + ": 'standby_switch' with no standby chillers",
                    "'standby_chillers: N' (N > 0), or no 'standby_switch' (it would do nothing)");
      }
      spec.params = p;
      return;
    }
    case m::ComponentKind::kRoom: {
      m::RoomParams p;
      using P = m::RoomParams;
      const Locate<P> at = component_params<P>(index);
      if (const YamlNode n = c.get("cooling", true); n.defined()) {
        p.cooling_plant = component_ref(n, "'cooling' of " + what, kPlantKinds).value_or(m::kNoComponent);
      }
      p.power = req("power", false).value_or(m::Requirement{});
      p.ups_ride_through = c.duration("ups_ride_through", false, into(at, &m::RoomParams::ups_ride_through))
                               .value_or(sim::Time());
      if (c.has("ups_ride_through") && p.power.is_empty()) {
        sink_.error(c.mark_of("ups_ride_through"),
                    what + ": 'ups_ride_through' with no 'power' to ride through",
                    "'power: FEED' (what the UPS bridges), or no 'ups_ride_through' (it would do nothing)");
      }
      p.ups = req("ups", false).value_or(m::Requirement{});
      if (c.has("ups") && !c.has("ups_ride_through")) {
        sink_.error(c.mark_of("ups"), what + ": 'ups' with no 'ups_ride_through'",
                    "'ups_ride_through: DURATION' (the battery that needs it), or no 'ups'");
      }
      if (const auto recharge = c.duration("ups_recharge", false, into(at, &m::RoomParams::ups_recharge))) {
        if (!c.has("ups_ride_through")) {
          sink_.error(c.mark_of("ups_recharge"), what + ": 'ups_recharge' with no 'ups_ride_through'",
                      "'ups_ride_through: DURATION' (the battery it recharges), or no 'ups_recharge'");
        } else if (*recharge <= sim::Time()) {
          sink_.error(c.mark_of("ups_recharge"), what + ": 'ups_recharge' must be above 0",
                      "a duration above 0, such as 8h (from empty to full)");
        } else {
          p.ups_recharge = *recharge;
        }
      }
      p.design_cooling_kw =
          c.number("design_cooling_kw", true, {0, kMaxKw, true}, into(at, &m::RoomParams::design_cooling_kw))
              .value_or(1);
      read_room_heat_balance(c, index, p);
      p.structure_mass_kj_per_c = c.number("structure_mass_kj_per_c", false, {0, 1e12, false},
                                           into(at, &m::RoomParams::structure_mass_kj_per_c))
                                      .value_or(0);
      p.structure_coupling_kw_per_c = c.number("structure_coupling_kw_per_c", false, {0, kMaxKw, false},
                                               into(at, &m::RoomParams::structure_coupling_kw_per_c))
                                          .value_or(0);
      if ((p.structure_mass_kj_per_c > 0) != (p.structure_coupling_kw_per_c > 0)) {
        const bool mass = p.structure_mass_kj_per_c > 0;
        sink_.error(c.mark_of(mass ? "structure_mass_kj_per_c" : "structure_coupling_kw_per_c"),
                    fmt::format("{}: {} without {}", what,
                                mass ? "structure_mass_kj_per_c" : "structure_coupling_kw_per_c",
                                mass ? "structure_coupling_kw_per_c" : "structure_mass_kj_per_c"),
                    "both, or neither");
      } else if (p.structure_mass_kj_per_c > 0 && (p.structure_mass_kj_per_c < kMinThermalMass ||
                                                   p.structure_coupling_kw_per_c < kMinHeatLoss)) {
        sink_.error(
            c.mark_of("structure_mass_kj_per_c"),
            fmt::format("{}: the structure's mass {} kJ/°C or coupling {} kW/°C is below the smallest "
                        "the model computes with",
                        what, p.structure_mass_kj_per_c, p.structure_coupling_kw_per_c),
            fmt::format("a mass of at least {} kJ/°C and a coupling of at least {} kW/°C", kMinThermalMass,
                        kMinHeatLoss));
      } else if (p.structure_mass_kj_per_c > 0 && p.structure_mass_kj_per_c / p.structure_coupling_kw_per_c <
                                                      m::RoomParams::kMinStructureTimeConstantS) {
        // The structure moves in steps of minutes, held between them: a faster one would act as a heat sink.
        sink_.error(
            c.mark_of("structure_mass_kj_per_c"),
            fmt::format("{}: the structure's time constant (mass / coupling) is {:.4g} s, too short "
                        "for the structure node, which the model moves every few minutes",
                        what, p.structure_mass_kj_per_c / p.structure_coupling_kw_per_c),
            fmt::format("a time constant of at least {:.0f} s (1 h); a mass that follows the air faster "
                        "belongs in thermal_mass_kj_per_c",
                        m::RoomParams::kMinStructureTimeConstantS));
      }
      {
        bool own = false;
        p.outside = outside_air(c, member(at, &P::outside), own);
        p.outside_is_weather = !own;
      }
      p.setpoint_c =
          c.number("setpoint_c", false, {-20, 60, false}, into(at, &m::RoomParams::setpoint_c)).value_or(24);
      p.base_load_kw =
          c.number("base_load_kw", false, {0, kMaxKw, false}, into(at, &m::RoomParams::base_load_kw))
              .value_or(0);
      p.alarm_c =
          c.number("alarm_c", false, {-20, 200, false}, into(at, &m::RoomParams::alarm_c)).value_or(32);
      p.sprinkler_c =
          c.number("sprinkler_c", false, {-20, 500, false}, into(at, &m::RoomParams::sprinkler_c));
      if (const auto kind = c.string("suppression")) {
        if (*kind == "gas") {
          p.suppression = m::RoomParams::Suppression::kGas;
        } else if (*kind != "water") {
          const std::vector<std::string> kinds{"water", "gas"};
          std::string message = fmt::format("{}: unknown suppression '{}'", what, *kind);
          if (const std::string hint = did_you_mean(*kind, kinds); !hint.empty()) message += "; " + hint;
          sink_.error(c.mark_of("suppression"), std::move(message), "water or gas");
        }
      }
      p.damage_checks = c.duration("damage_checks", false, into(at, &m::RoomParams::damage_checks));
      p.reentry_after =
          c.duration("reentry_after", false, into(at, &m::RoomParams::reentry_after)).value_or(sim::Time());
      if (p.alarm_c <= p.setpoint_c) {
        sink_.error(c.mark_of("alarm_c"),
                    fmt::format("{}: alarm_c {} is not above setpoint_c {}", what, p.alarm_c, p.setpoint_c),
                    "alarm_c above setpoint_c");
      }
      if (p.sprinkler_c && *p.sprinkler_c <= p.alarm_c) {
        sink_.error(
            c.mark_of("sprinkler_c"),
            fmt::format("{}: sprinkler_c {} is not above alarm_c {}", what, *p.sprinkler_c, p.alarm_c),
            "sprinkler_c above alarm_c");
      }
      spec.params = p;
      return;
    }
    case m::ComponentKind::kHostPool: {
      m::HostPoolParams p;
      const Locate<m::HostPoolParams> at = component_params<m::HostPoolParams>(index);
      if (const YamlNode n = c.get("room", true); n.defined()) {
        p.room = component_ref(n, "'room' of " + what, kRoomKinds).value_or(m::kNoComponent);
      }
      p.hosts = static_cast<std::uint32_t>(
          c.integer("hosts", true, 1, kMaxHosts, into(at, &m::HostPoolParams::hosts)).value_or(1));
      p.kw_per_host =
          c.number("kw_per_host", true, {0, 1000, false}, into(at, &m::HostPoolParams::kw_per_host))
              .value_or(0);
      p.shutdown_c =
          c.number("shutdown_c", false, {-20, 500, false}, into(at, &m::HostPoolParams::shutdown_c));
      p.shutdown_spread_c = c.number("shutdown_spread_c", false, {0, 100, false},
                                     into(at, &m::HostPoolParams::shutdown_spread_c))
                                .value_or(0);
      p.shutdown_steps = static_cast<std::uint32_t>(
          c.integer("shutdown_steps", false, 1, 100, into(at, &m::HostPoolParams::shutdown_steps))
              .value_or(p.shutdown_spread_c > 0 ? 5 : 1));
      if ((c.has("shutdown_spread_c") || c.has("shutdown_steps")) && !p.shutdown_c) {
        sink_.error(c.mark_of(c.has("shutdown_spread_c") ? "shutdown_spread_c" : "shutdown_steps"),
                    fmt::format("{}: a shutdown spread needs 'shutdown_c'", what), "shutdown_c: <°C>");
      }
      if (p.shutdown_steps > 1 && p.shutdown_spread_c <= 0) {
        sink_.error(c.mark_of("shutdown_steps"),
                    fmt::format("{}: several shutdown steps need a spread", what),
                    "shutdown_spread_c above 0, or shutdown_steps: 1");
      }
      p.power_on =
          c.duration("power_on", false, into(at, &m::HostPoolParams::power_on)).value_or(sim::Time());
      if (const YamlNode n = c.get("restart"); n.defined()) {
        YamlMap r(sink_, n, "'restart' of " + what);
        p.power_on_hosts_per_person_hour =
            r.number("hosts_per_person_hour", true, {0, kMaxRate, true},
                     into(at, &m::HostPoolParams::power_on_hosts_per_person_hour));
        p.restart_team = static_cast<std::uint32_t>(
            r.integer("team", false, 1, kMaxTeam, into(at, &m::HostPoolParams::restart_team)).value_or(1));
        p.batch_hosts = static_cast<std::uint32_t>(
            r.integer("batch_hosts", false, 1, kMaxHosts, into(at, &m::HostPoolParams::batch_hosts))
                .value_or(0));
        p.parallel_batches =
            static_cast<std::uint32_t>(r.integer("parallel_batches", false, 1, kMaxParallelBatches,
                                                 into(at, &m::HostPoolParams::parallel_batches))
                                           .value_or(0));
        r.finish();
        if (c.has("power_on")) {
          sink_.error(c.mark_of("power_on"), what + " has both 'power_on' and 'restart'",
                      "either a fixed 'power_on' or 'restart' work, not both");
        }
      }
      if (const YamlNode n = c.get("checks"); n.defined()) {
        if (n.is_map() && !is_distribution(n)) {
          YamlMap k(sink_, n, "'checks' of " + what);
          p.checks_hosts_per_hour = k.number("hosts_per_hour", true, {0, kMaxRate, true},
                                             into(at, &m::HostPoolParams::checks_hosts_per_hour));
          k.finish();
        } else {
          p.checks = c.duration("checks", false, into(at, &m::HostPoolParams::checks)).value_or(sim::Time());
        }
      }
      p.down_below =
          c.number("down_below", false, {0, 1, false}, into(at, &m::HostPoolParams::down_below)).value_or(0);
      p.rated_c = c.number("rated_c", false, {-20, 500, false}, into(at, &m::HostPoolParams::rated_c));
      if (const YamlNode n = c.get("damage"); n.defined()) {
        YamlMap d(sink_, n, "'damage' of " + what);
        p.damage_pct_per_c_hour = d.number("pct_per_c_hour", false, {0, 100, false},
                                           into(at, &m::HostPoolParams::damage_pct_per_c_hour))
                                      .value_or(m::kDamagePctPerCHour);
        p.hot_shutdown_pct_per_c = d.number("hot_shutdown_pct_per_c", false, {0, 100, false},
                                            into(at, &m::HostPoolParams::hot_shutdown_pct_per_c))
                                       .value_or(m::kHotShutdownPctPerC);
        p.random_damage = d.boolean("random").value_or(false);
        d.finish();
      }
      if (const YamlNode n = c.get("replace"); n.defined()) {
        YamlMap r(sink_, n, "'replace' of " + what);
        p.spares = static_cast<std::uint32_t>(
            r.integer("spares", false, 0, kMaxHosts, into(at, &m::HostPoolParams::spares)).value_or(0));
        p.parts_lead_time =
            r.duration("parts_lead_time", false, into(at, &m::HostPoolParams::parts_lead_time))
                .value_or(m::kPartsLeadTime);
        p.replace_team = static_cast<std::uint32_t>(
            r.integer("team", false, 1, kMaxTeam, into(at, &m::HostPoolParams::replace_team)).value_or(1));
        p.replace_hosts_per_person_hour =
            r.number("hosts_per_person_hour", false, {0, kMaxRate, true},
                     into(at, &m::HostPoolParams::replace_hosts_per_person_hour))
                .value_or(m::kReplaceHostsPerPersonHour);
        r.finish();
      }
      if (const YamlNode n = c.get("crew"); n.defined())
        p.crew = named_index(n, "'crew' of " + what, crew_names_, "crews");
      p.restart_priority =
          static_cast<std::int32_t>(c.integer("restart_priority", false, -1'000'000, 1'000'000,
                                              into(at, &m::HostPoolParams::restart_priority))
                                        .value_or(0));
      spec.params = p;
      return;
    }
    case m::ComponentKind::kDatabase: {
      m::DatabaseParams p;
      const Locate<m::DatabaseParams> at = component_params<m::DatabaseParams>(index);
      p.primary = req("primary", true).value_or(m::Requirement{});
      p.standby = req("standby", false);
      if (const YamlNode n = c.get("proxy"); n.defined()) {
        p.proxy = component_ref(n, "'proxy' of " + what).value_or(m::kNoComponent);
      }
      p.detect = c.duration("detect", false, into(at, &m::DatabaseParams::detect)).value_or(sim::Time());
      if (const YamlNode n = c.get("switchover"); n.defined() && n.is_map() && !is_distribution(n)) {
        // Work: instances through a pipeline `width` wide, each batch taking `per_instance`.
        YamlMap w(sink_, n, "'switchover' of " + what);
        m::PipelineWork work;
        work.items = static_cast<std::uint32_t>(
            w.integer("instances", true, 0, kMaxHosts,
                      into(held(member(at, &m::DatabaseParams::switchover_work)), &m::PipelineWork::items))
                .value_or(0));
        work.width = static_cast<std::uint32_t>(
            w.integer("width", false, 1, kMaxHosts,
                      into(held(member(at, &m::DatabaseParams::switchover_work)), &m::PipelineWork::width))
                .value_or(1));
        work.per_item = w.duration("per_instance", true,
                                   into(held(member(at, &m::DatabaseParams::switchover_work)),
                                        &m::PipelineWork::per_item))
                            .value_or(sim::Time());
        w.finish();
        p.switchover_work = work;
      } else if (n.defined()) {
        p.switchover =
            c.duration("switchover", false, into(at, &m::DatabaseParams::switchover)).value_or(sim::Time());
      }
      p.recovery = recovery_steps(c.get("recovery"), "'recovery' of " + what,
                                  member(at, &m::DatabaseParams::recovery));
      p.down_below =
          c.number("down_below", false, {0, 1, false}, into(at, &m::DatabaseParams::down_below)).value_or(0);
      for (const char* key : {"detect", "switchover"}) {
        if (c.has(key) && !p.standby) {
          sink_.error(c.mark_of(key), fmt::format("{}: '{}' with no standby to switch over to", what, key),
                      fmt::format("'standby: ...', or no '{}' (it would do nothing)", key));
        }
      }
      spec.params = p;
      return;
    }
    case m::ComponentKind::kControlPlane: {
      m::ControlPlaneParams p;
      const Locate<m::ControlPlaneParams> at = component_params<m::ControlPlaneParams>(index);
      for (const YamlNode& item : list_items(c.get("nodes", true), "'nodes' of " + what)) {
        YamlMap node(sink_, item, "a node group of " + what);
        m::ControlPlaneParams::Node n;
        if (const YamlNode needs = node.get("needs"); needs.defined()) {
          n.needs = requirement(needs, "'needs' of a node group of " + what).value_or(m::Requirement{});
        }
        n.rps = node.number("rps", true, {0, kMaxRps, true},
                            into(element(member(at, &m::ControlPlaneParams::nodes), p.nodes.size()),
                                 &m::ControlPlaneParams::Node::rps))
                    .value_or(1);
        node.finish();
        p.nodes.push_back(std::move(n));
      }
      if (c.has("nodes") && p.nodes.empty()) {
        sink_.error(c.mark_of("nodes"), what + " has no node groups", "at least one entry under 'nodes'");
      }
      p.baseline_rps =
          c.number("baseline_rps", false, {0, kMaxRps, false}, into(at, &m::ControlPlaneParams::baseline_rps))
              .value_or(0);
      p.retry_probability = c.number("retry_probability", false, {0, 0.99, false},
                                     into(at, &m::ControlPlaneParams::retry_probability))
                                .value_or(0);
      if (const YamlNode s = c.get("scale_out"); s.defined()) {
        YamlMap so(sink_, s, "'scale_out' of " + what);
        m::ControlPlaneParams::ScaleOut scale;
        if (const YamlNode needs = so.get("needs"); needs.defined()) {
          scale.needs = requirement(needs, "'needs' of 'scale_out' of " + what).value_or(m::Requirement{});
        }
        scale.delay = so.duration("delay", false,
                                  into(held(member(at, &m::ControlPlaneParams::scale_out)),
                                       &m::ControlPlaneParams::ScaleOut::delay))
                          .value_or(sim::Time());
        scale.rps = so.number("rps", true, {0, kMaxRps, true},
                              into(held(member(at, &m::ControlPlaneParams::scale_out)),
                                   &m::ControlPlaneParams::ScaleOut::rps))
                        .value_or(1);
        so.finish();
        p.scale_out = std::move(scale);
      }
      for (const YamlNode& item : list_items(c.get("demand"), "'demand' of " + what)) {
        YamlMap d(sink_, item, "a demand source of " + what);
        m::ControlPlaneParams::Demand demand;
        if (const YamlNode n = d.get("when_down", true); n.defined()) {
          demand.when_down =
              component_ref(n, "'when_down' of a demand source of " + what).value_or(m::kNoComponent);
        }
        demand.rps = d.number("rps", true, {0, kMaxRps, false},
                              into(element(member(at, &m::ControlPlaneParams::demand), p.demand.size()),
                                   &m::ControlPlaneParams::Demand::rps))
                         .value_or(0);
        demand.lasts = d.duration("lasts", false,
                                  into(element(member(at, &m::ControlPlaneParams::demand), p.demand.size()),
                                       &m::ControlPlaneParams::Demand::lasts));
        demand.after_return_rps =
            d.number("after_return", false, {0, kMaxRps, false},
                     into(element(member(at, &m::ControlPlaneParams::demand), p.demand.size()),
                          &m::ControlPlaneParams::Demand::after_return_rps))
                .value_or(0);
        demand.after_return_for =
            d.duration("after_return_for", false,
                       into(element(member(at, &m::ControlPlaneParams::demand), p.demand.size()),
                            &m::ControlPlaneParams::Demand::after_return_for))
                .value_or(sim::Time());
        if (d.has("after_return") != d.has("after_return_for")) {
          // One without the other would be read and do nothing.
          const char* given = d.has("after_return") ? "after_return" : "after_return_for";
          sink_.error(d.mark_of(given),
                      fmt::format("'{}' of a demand source of {} needs its pair", given, what),
                      "both 'after_return' (rps) and 'after_return_for' (how long), or neither");
        }
        d.finish();
        p.demand.push_back(demand);
      }
      spec.params = p;
      return;
    }
    default: {
      m::ServiceParams p;
      const Locate<m::ServiceParams> at = component_params<m::ServiceParams>(index);
      p.needs = req("needs", false).value_or(m::Requirement{});
      p.recovery =
          recovery_steps(c.get("recovery"), "'recovery' of " + what, member(at, &m::ServiceParams::recovery));
      p.down_below =
          c.number("down_below", false, {0, 1, false}, into(at, &m::ServiceParams::down_below)).value_or(0);
      p.degraded_below =
          c.number("degraded_below", false, {0, 1, true}, into(at, &m::ServiceParams::degraded_below))
              .value_or(1);
      // Equal is allowed: no degraded band (`down_below: 1` alone is down at any loss).
      if (p.degraded_below < p.down_below) {
        sink_.error(c.mark_of("degraded_below"),
                    fmt::format("{}: 'degraded_below' is below 'down_below'", what),
                    fmt::format("a share of at least {}", p.down_below));
      }
      // A kind's own keys are asked for (and so offered in "expected: one of ..."); another kind's are
      // only refused when given.
      const bool storage =
          spec.kind == m::ComponentKind::kBlockStorage || spec.kind == m::ComponentKind::kObjectStorage;
      if (!storage && c.has("rebuild")) {
        sink_.error(c.mark_of("rebuild"), fmt::format("{}: only storage rebuilds data", what),
                    "'rebuild' on a block_storage or object_storage component");
        c.get("rebuild");
      } else if (const YamlNode n = storage ? c.get("rebuild") : YamlNode(); n.defined()) {
        YamlMap r(sink_, n, "'rebuild' of " + what);
        m::ThroughputWork work;
        work.amount_tb =
            r.number("data_tb", true, {0, 1e9, true},
                     into(held(member(at, &m::ServiceParams::rebuild)), &m::ThroughputWork::amount_tb))
                .value_or(1);
        work.tb_per_hour =
            r.number("tb_per_hour", true, {0, 1e9, true},
                     into(held(member(at, &m::ServiceParams::rebuild)), &m::ThroughputWork::tb_per_hour))
                .value_or(1);
        r.finish();
        if (r.valid()) p.rebuild = work;
      }
      if (spec.kind != m::ComponentKind::kCompute && c.has("spare_instances")) {
        sink_.error(c.mark_of("spare_instances"), fmt::format("{}: only compute has spare instances", what),
                    "'spare_instances' on a compute component");
        c.get("spare_instances");
      } else if (spec.kind == m::ComponentKind::kCompute) {
        if (const auto spare = c.integer("spare_instances", false, 0, kMaxHosts,
                                         into(at, &m::ServiceParams::spare_instances)))
          p.spare_instances = static_cast<std::uint32_t>(*spare);
      }
      spec.params = p;
      return;
    }
  }
}

}  // namespace outagesim::loader
