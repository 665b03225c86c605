// The scenario as typed, validated values: what the loader hands to the model. Plain structs, no YAML,
// no behaviour; names are already resolved to ComponentIds. The loader guarantees every invariant noted
// here, so the model asserts rather than checks them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "models/core/action.hpp"
#include "models/core/component_kind.hpp"
#include "models/core/requirement.hpp"
#include "models/facility/heat_damage.hpp"
#include "models/facility/outside_air.hpp"
#include "models/operations/crew_spec.hpp"
#include "models/operations/random_failure_spec.hpp"
#include "models/operations/repair_spec.hpp"
#include "models/operations/trigger.hpp"
#include "models/scenario/uncertain_input.hpp"
#include "models/services/recovery_step.hpp"
#include "models/services/work.hpp"
#include "models/strategies/boxed_strategy.hpp"
#include "models/strategies/strategy_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct CoolingPlantParams {
  std::uint32_t chillers = 1;  // primary chillers; together they give the design capacity. > 0
  std::uint32_t standby_chillers = 0;
  double chiller_kw = 0;     // > 0, at or below rated_outside_c
  bool shared_loop = false;  // standby chillers sit on the primary chilled-water loop
  // How long the automatic switch to standby takes; nullopt: it never happens (the standby set comes in only
  // by an operator's switch_to_standby).
  std::optional<sim::Time> standby_switch = sim::Time::minutes(5);

  // Derating: each chiller gives chiller_kw x (1 - derate_pct_per_c/100 x (outside - rated_outside_c)),
  // floored at 0, when the outside air is above rated_outside_c.
  OutsideAir outside;
  bool outside_is_weather = true;  // `outside` is the scenario's weather, not the plant's own
  double rated_outside_c = 35;
  double derate_pct_per_c = 0;  // [0, 100]
  // The chillers' high-ambient limit: above it they trip on high head pressure and give nothing until the
  // air falls back to it. nullopt: none (derating alone).
  std::optional<double> max_outside_c;

  // Power and control, like a room's power. Losing power (even a momentary sag) trips every running
  // chiller; auto_restart of them restart auto_restart_delay after power returns, the first
  // auto_restart_trips of those trip again retrip_after later; the rest wait for restore_chillers.
  Requirement power;    // empty: always powered
  Requirement control;  // empty: never loses control
  std::uint32_t auto_restart = 0;
  sim::Time auto_restart_delay;
  std::uint32_t auto_restart_trips = 0;  // <= auto_restart
  sim::Time retrip_after = sim::Time::minutes(5);
  // Whether chillers stopped by a control fault run again by themselves when control returns, or wait
  // for restore_chillers.
  bool control_auto_restart = true;

  // Chilled-water storage: covers the deficit between the design capacity and what the chillers give,
  // until spent. Not recharged within a run.
  double storage_kwh = 0;
};

struct RoomParams {
  ComponentId cooling_plant = kNoComponent;
  Requirement power;           // empty: always powered
  sim::Time ups_ride_through;  // how long the room stays powered after `power` is lost, fully charged
  // What the UPS itself needs to be there (its battery room, its own unit): while this is down the room
  // has no ride-through, and one riding on it goes dark. Empty: never lost.
  Requirement ups;
  // From empty to full once power is back, linearly (> 0): a loss soon after another rides through only
  // what the battery has recovered since.
  sim::Time ups_recharge = sim::Time::hours(8);
  double design_cooling_kw = 0;      // the room's share of its plant at full plant capacity. > 0
  double thermal_mass_kj_per_c = 0;  // air, racks and structure that heat together. > 0
  double heat_loss_kw_per_c = 0;     // loss to the outside per °C the room is above it (none below). >= 0
  // The same two per kW of design cooling (a room's `*_per_kw` keys, or the scenario's `room_defaults`).
  // When set they win over the absolute values, so a hall's mass and losses follow its size when a
  // what-if changes it, and one shared constant (or one draw of it) serves every hall. Read both through
  // resolved_thermal_mass_kj_per_c() and resolved_heat_loss_kw_per_c().
  std::optional<double> thermal_mass_kj_per_c_per_kw;
  std::optional<double> heat_loss_kw_per_c_per_kw;
  // Taken from `room_defaults`: a draw of the default is written into every room that has these set.
  bool thermal_mass_is_default = false;
  bool heat_loss_is_default = false;
  // The building's slow mass (floor and ceiling slabs, walls), a second node coupled to the room's air:
  // it soaks up heat while the air is hotter and gives it back while the air is cooler, so a room heats
  // fast at first and then creeps. Both 0: none, the room is the one mass above. Both > 0 otherwise.
  // The structure node moves every few minutes and is held between: a time constant (mass / coupling)
  // shorter than this would act as a heat sink (models/facility/thermal_room.cpp).
  static constexpr double kMinStructureTimeConstantS = 3600;
  double structure_mass_kj_per_c = 0;
  double structure_coupling_kw_per_c = 0;
  OutsideAir outside;  // the room's own outside_c, else the scenario's weather
  bool outside_is_weather = true;
  double setpoint_c = 24;
  double base_load_kw = 0;            // non-IT heat while powered (power distribution, lighting)
  double alarm_c = 32;                // overheating above this; hosts restart only below it. > setpoint
  std::optional<double> sprinkler_c;  // > alarm_c
  // What a discharge does. Water (sprinklers): the room loses power and is damaged until its checks
  // are done or a clear_damage. Gas (inert agent): the hall is sealed for reentry_after, nothing is
  // damaged and the power stays on; the agent is spent, so it discharges once.
  enum class Suppression : std::uint8_t { kWater, kGas };
  Suppression suppression = Suppression::kWater;
  // After sprinklers fire: people may enter again only this long after the discharge (inspection, water
  // drained, air safe); the room journals kReentryAllowed then. None: at once.
  sim::Time reentry_after;
  // After sprinklers: a fixed time of checks once the room has cooled, then it powers on. None: the
  // damage stays until a `clear_damage` action (a repair process's last stage, typically).
  std::optional<sim::Time> damage_checks;

  double resolved_thermal_mass_kj_per_c() const {
    return thermal_mass_kj_per_c_per_kw ? *thermal_mass_kj_per_c_per_kw * design_cooling_kw
                                        : thermal_mass_kj_per_c;
  }
  double resolved_heat_loss_kw_per_c() const {
    return heat_loss_kw_per_c_per_kw ? *heat_loss_kw_per_c_per_kw * design_cooling_kw : heat_loss_kw_per_c;
  }
};

struct HostPoolParams {
  ComponentId room = kNoComponent;
  std::uint32_t hosts = 0;           // > 0
  double kw_per_host = 0;            // >= 0
  std::optional<double> shutdown_c;  // protective shutdown; none: runs until its room fails. > room alarm
  // Hosts do not all trip at one room temperature (hot aisles, rack height, sensor placement): they trip
  // in `shutdown_steps` equal tranches whose thresholds spread evenly over shutdown_c ± spread/2. Each
  // trip removes heat, so a hall can settle with part of its hosts still running. 0: all at shutdown_c.
  double shutdown_spread_c = 0;       // >= 0; shutdown_c - spread/2 > room alarm
  std::uint32_t shutdown_steps = 1;   // >= 1; > 1 only with a spread
  std::optional<std::uint32_t> crew;  // index into ScenarioSpec::crews
  std::int32_t restart_priority = 0;  // lower restarts first when several wait for the crew

  // Restart, as work. With `power_on_hosts_per_person_hour`, powering on a batch of b hosts takes
  // b / (team x rate) hours holding the team; without it, the fixed `power_on` for the whole pool with one
  // crew member (the old model). Batches of `batch_hosts` (0: the whole pool) each serve once their checks
  // are done. With a crew, up to `parallel_batches` batches power on at once, each with its own team
  // (0: as many as the crew has people for); without one, they power on one after another.
  sim::Time power_on;
  std::optional<double> power_on_hosts_per_person_hour;  // > 0
  std::uint32_t restart_team = 1;                        // > 0
  std::uint32_t batch_hosts = 0;
  std::uint32_t parallel_batches = 0;
  // Checks after power-on: a pipeline of `checks_hosts_per_hour` (batches in turn); without it, each
  // batch is checked for the fixed `checks` after its power-on.
  sim::Time checks;
  std::optional<double> checks_hosts_per_hour;  // > 0
  double down_below = 0;  // down while the serving share is below this (and always with none); [0, 1]

  // Heat damage (heat_damage.hpp); none of it without `rated_c`.
  std::optional<double> rated_c;  // > the room's setpoint
  double damage_pct_per_c_hour = kDamagePctPerCHour;
  double hot_shutdown_pct_per_c = kHotShutdownPctPerC;
  // Draw the damaged hosts (binomial around the expected share, from the pool's stream
  // "heat_damage/<pool>") instead of rounding the expected number.
  bool random_damage = false;
  // Replacing damaged hosts: `spares` at once, the rest after `parts_lead_time`; each host is work of
  // 1 / replace_hosts_per_person_hour person-hours for a team of `replace_team` of the pool's crew.
  std::uint32_t spares = 0;
  sim::Time parts_lead_time = kPartsLeadTime;
  std::uint32_t replace_team = 1;                                     // > 0
  double replace_hosts_per_person_hour = kReplaceHostsPerPersonHour;  // > 0
};

// Compute, storage, load balancers, network, middleware, image services, power feeds.
// The service serves the smaller of the capacity share its needs provide (see evaluate() in
// requirement.hpp) and its own share (the set_capacity action): degraded below 1, down below
// `down_below` or at 0.
struct ServiceParams {
  Requirement needs;
  std::vector<RecoveryStep> recovery;
  double down_below = 0;  // [0, 1]
  // Needs that are degraded only by a lost share count as up while they provide at least this share
  // (a single instance most likely sits on a surviving host). (down_below, 1]; 1: any loss degrades.
  double degraded_below = 1;
  std::optional<ThroughputWork> rebuild;  // storage: all its data, and the throughput that re-copies it
  std::optional<std::uint32_t> spare_instances;  // compute: what launches into it may take; none: no limit
};

struct DatabaseParams {
  Requirement primary;
  std::optional<Requirement> standby;  // none: a single-site database
  ComponentId proxy = kNoComponent;    // serving (and so switching over) needs it; kNoComponent: none
  sim::Time detect;                    // from primary loss to starting the switchover
  sim::Time switchover;                // the switchover itself, unless `switchover_work` says
  std::optional<PipelineWork> switchover_work;  // instances switched over, `width` at a time
  std::vector<RecoveryStep> recovery;           // after the primary site returns
  // A site serving less than this share of its needs (a host pool with most of its hosts off) is down for
  // the database's clients: it switches over, and runs its recovery steps once the share is back. [0, 1];
  // 0: a site is down only when its needs are.
  double down_below = 0;
};

struct ControlPlaneParams {
  struct Node {
    Requirement needs;
    double rps = 0;  // > 0
  };
  struct ScaleOut {
    Requirement needs;  // what starting new capacity needs (e.g. middleware)
    sim::Time delay;
    double rps = 0;
  };
  // Extra API load while a component is down (customers buying and launching instances elsewhere),
  // at most for `lasts` from when it went down (those customers have moved or given up; none: the whole
  // time it is down), and for a while after it returns (recovery traffic: restarting and re-attaching
  // its instances).
  struct Demand {
    ComponentId when_down = kNoComponent;
    double rps = 0;
    std::optional<sim::Time> lasts;  // nullopt: the whole time it is down; zero: no surge
    double after_return_rps = 0;
    sim::Time after_return_for;
  };
  std::vector<Node> nodes;  // not empty
  double baseline_rps = 0;
  double retry_probability = 0;  // [0, 1): share of rejected calls that clients retry
  std::optional<ScaleOut> scale_out;
  std::vector<Demand> demand;
};

using ComponentParams = std::variant<CoolingPlantParams, RoomParams, HostPoolParams, ServiceParams,
                                     DatabaseParams, ControlPlaneParams>;

struct ComponentSpec {
  std::string name;
  ComponentKind kind = ComponentKind::kCompute;
  std::string zone;  // may be empty
  ComponentParams params;
};

struct TenantFunctionSpec {
  std::string name;
  ComponentId id = kNoComponent;  // assigned by number_tenants()
  Requirement needs;
  std::vector<RecoveryStep> recovery;  // the tenant's own work after its needs return
  BoxedStrategy strategy;
};

struct TenantSpec {
  std::string name;
  ComponentId id = kNoComponent;              // assigned by number_tenants()
  std::optional<std::uint32_t> sla;           // index into ScenarioSpec::slas
  std::vector<TenantFunctionSpec> functions;  // not empty
};

struct InjectionSpec {
  sim::Time at;  // in [0, horizon); unused when `when` is set
  // Triggered instead of timed: applied `delay` after the first of these triggers' events first happens,
  // never before. Empty: timed.
  std::vector<TriggerSpec> when;
  sim::Time delay;
  // A standing policy: applied `delay` after every occurrence of its triggers, not only the first.
  bool each = false;
  // Any of these happening while it is pending (triggered, its delay not yet run out; or timed, before its
  // time) calls it off: the operators no longer need it. Empty: nothing does.
  std::vector<TriggerSpec> cancel_when;
  ComponentId target = kNoComponent;
  Action action = Action::kFail;  // accepted by the target's kind
  double amount = 0;              // see amount_key(action)
  // auxiliary_cooling given as a share of the target room's design cooling (`design_share`): the kW are
  // amount x the room's design_cooling_kw when the action runs, so they follow the room's size.
  bool amount_is_design_share = false;
  bool is_fault = true;  // a fault, or else an operator action
  std::string note;
};

struct SlaSpec {
  struct Tier {
    double below_pct = 0;   // availability strictly below this earns...
    double credit_pct = 0;  // ...this credit
  };
  std::string name;
  double target_pct = 99.9;
  sim::Time period;         // the billing period availability is measured over. > 0
  std::vector<Tier> tiers;  // by decreasing below_pct
};

// A checkpoint of the public timeline the replay is held against. The model never reads these.
struct MilestoneSpec {
  enum class Event : std::uint8_t {
    kEntersDown,      // becomes down (from up or degraded)
    kEntersDegraded,  // becomes degraded (from up, or partly back from down)
    kLeavesUp,        // up becomes degraded or down; degraded -> down is not a second leaving
    kReturnsUp,       // becomes up, having been down since it was last up (a degraded spell may follow)
    kRecovers,        // becomes up from degraded or down: every return to full service
    kLeavesDown,      // becomes degraded or up from down: serves again, perhaps in part
    // Rooms only, moments the room journals whatever its state: its fire suppression discharged, people
    // may enter again after it, it cooled back below its alarm.
    kDischarged,
    kAccessible,
    kCooled,
  };
  enum class Occurrence : std::uint8_t { kFirst, kLast };
  // What sets the simulated time: nothing chosen to hit it (predicted), a parameter fitted to it
  // (calibrated, named in ScenarioSpec::calibrated), or the public time typed in as an input.
  enum class Basis : std::uint8_t { kPredicted, kCalibrated, kInput };

  std::string name;
  ComponentId component = kNoComponent;
  Event event = Event::kEntersDown;
  Occurrence occurrence = Occurrence::kFirst;
  std::optional<sim::Time> expected;  // the public time
  sim::Time tolerance = sim::Time::minutes(15);
  std::optional<sim::Time> max_downtime;  // alternatively: total downtime within this bound
  // Alternatively: still out (down or degraded) at this time, a tail the public record gives only as
  // "some stay down after 18:30" or "more than 24 h".
  std::optional<sim::Time> not_up_at;
  std::string source;  // where the public time comes from
  Basis basis = Basis::kPredicted;
  std::string depends_on;  // the inputs and parameters that set it, in words
};

// A number fitted so that a milestone lands on its public time: named, with its target, so that it
// counts as calibrated and not predicted. The model never reads these (the value is in the scenario).
struct CalibrationSpec {
  std::string parameter;  // where it sits ("rooms' thermal_mass_kj_per_c per design kW")
  std::string value;
  std::uint32_t fitted_to = 0;  // index into ScenarioSpec::milestones
  std::string note;
};

struct ScenarioSpec {
  std::string name;
  std::string title;
  std::string description;
  std::int64_t start_unix_s = 0;  // the instant simulated time 0 stands for
  std::int32_t utc_offset_s = 0;  // of the local clock reports use
  sim::Time horizon = sim::Time::hours(24);
  std::uint64_t seed = 1;

  OutsideAir weather;  // the outside air rooms and plants use unless they set their own
  // As written, and the shift added to it (`weather` is the two together: set_weather).
  OutsideAir weather_written;
  double weather_shift_c = 0;
  // `interpolate`: the written steps read as points of a line, cut into steps this long; 0: as written.
  sim::Time weather_every;
  std::vector<ComponentSpec> components;  // ids 0..n-1, in this order
  std::vector<TenantSpec> tenants;        // their functions, then the tenants, numbered after components
  std::vector<CrewSpec> crews;
  std::vector<InjectionSpec> injections;  // faults, operator actions, and what repair stages achieve
  std::vector<RepairSpec> repairs;
  std::vector<FailureProcessSpec> failures;  // random fault processes (random_failure_spec.hpp)
  std::vector<SlaSpec> slas;
  std::vector<MilestoneSpec> milestones;
  std::vector<CalibrationSpec> calibrated;
  std::vector<VariantSpec> variants;
  // The variant put in place of its tenant's strategies (apply_variant: explain, rank, sweep, sensitivity
  // with --variant), if any: drawn inputs inside it are copied there again as they are drawn.
  std::optional<std::uint32_t> applied_variant;
  // The tenant's own strategies the applied variant replaced, in the variant's order: drawn inputs are
  // written to their paths in these (review 13: written into the variant in their place, a path of
  // another kind of strategy crashed), then the variant is put in place again.
  std::vector<BoxedStrategy> replaced_strategies;
  // Numbers given as distributions; their nominal values are already in the fields above.
  std::vector<UncertainInput> inputs;

  // Derived by number_tenants(), not read: per function vertex in id order, the index of its tenant, so
  // that naming a vertex is a lookup (reports name one per interval, segment and change).
  std::vector<std::uint32_t> function_tenant;

  // Components, tenant functions and tenants together.
  std::uint32_t vertex_count() const;
};

// Numbers tenant functions and tenants after the components: every function of every tenant in order,
// then every tenant in order, and fills `function_tenant`. Call once after filling `components` and
// `tenants`.
void number_tenants(ScenarioSpec& spec);

// Sets `weather` to `weather_written` shifted by `weather_shift_c`, and gives it to every room and plant
// that follows the scenario's weather. Call after changing either (a drawn step or shift).
void set_weather(ScenarioSpec& spec);

// The display name of any vertex: a component's name, "tenant/function", or a tenant's name.
std::string vertex_name(const ScenarioSpec& spec, ComponentId id);
// The same, appended to `out`: a report writing many names reuses one buffer instead of a string each.
void append_vertex_name(std::string& out, const ScenarioSpec& spec, ComponentId id);
// A hint for a report about to name many scattered vertices: requests level `level` (0, 1, then 2) of
// what append_vertex_name(spec, id) reads, each level found through the one before. Call a few names
// ahead for level 0, fewer for 1 and fewer still for 2; reads nothing that is not there.
inline constexpr int kVertexNameLevels = 3;
void prefetch_vertex_name(const ScenarioSpec& spec, ComponentId id, int level);
ComponentKind vertex_kind(const ScenarioSpec& spec, ComponentId id);

}  // namespace outagesim::models
