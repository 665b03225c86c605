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
#include "models/services/recovery_step.hpp"
#include "models/services/work.hpp"
#include "models/strategies/strategy_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

struct CoolingPlantParams {
  std::uint32_t chillers = 1;  // primary chillers; together they give the design capacity. > 0
  std::uint32_t standby_chillers = 0;
  double chiller_kw = 0;     // > 0
  bool shared_loop = false;  // standby chillers sit on the primary chilled-water loop
  sim::Time standby_switch;  // how long the automatic switch to standby takes
};

struct RoomParams {
  ComponentId cooling_plant = kNoComponent;
  Requirement power;                 // empty: always powered
  sim::Time ups_ride_through;        // how long the room stays powered after `power` is lost
  double design_cooling_kw = 0;      // the room's share of its plant at full plant capacity. > 0
  double thermal_mass_kj_per_c = 0;  // air, racks and structure that heat together. > 0
  double heat_loss_kw_per_c = 0;     // passive loss to outside per °C above it. >= 0
  double outside_c = 20;
  double setpoint_c = 24;
  double base_load_kw = 0;            // non-IT heat while powered (power distribution, lighting)
  double alarm_c = 32;                // overheating above this; hosts restart only below it. > setpoint
  std::optional<double> sprinkler_c;  // > alarm_c
  sim::Time damage_checks;            // after sprinklers: checks once the room has cooled, before power-on
};

struct HostPoolParams {
  ComponentId room = kNoComponent;
  std::uint32_t hosts = 0;            // > 0
  double kw_per_host = 0;             // >= 0
  std::optional<double> shutdown_c;   // protective shutdown; none: runs until its room fails. > room alarm
  sim::Time power_on;                 // powering the hosts on, one crew member busy
  sim::Time checks;                   // then checks before serving (no crew needed)
  std::optional<std::uint32_t> crew;  // index into ScenarioSpec::crews
  std::int32_t restart_priority = 0;  // lower restarts first when several wait for the crew
};

// Compute, storage, load balancers, network, middleware, image services, power feeds.
// The service serves the smaller of the capacity share its needs provide (see evaluate() in
// requirement.hpp) and its own share (the set_capacity action): degraded below 1, down below
// `down_below` or at 0.
struct ServiceParams {
  Requirement needs;
  std::vector<RecoveryStep> recovery;
  double down_below = 0;                  // [0, 1]
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
  // and for a while after it returns (recovery traffic: restarting and re-attaching its instances).
  struct Demand {
    ComponentId when_down = kNoComponent;
    double rps = 0;
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
  StrategySpec strategy;
};

struct TenantSpec {
  std::string name;
  ComponentId id = kNoComponent;              // assigned by number_tenants()
  std::optional<std::uint32_t> sla;           // index into ScenarioSpec::slas
  std::vector<TenantFunctionSpec> functions;  // not empty
};

struct CrewSpec {
  std::string name;
  std::uint32_t parallel = 1;  // > 0
};

struct InjectionSpec {
  sim::Time at;  // in [0, horizon)
  ComponentId target = kNoComponent;
  Action action = Action::kFail;  // accepted by the target's kind
  double amount = 0;              // see amount_key(action)
  bool is_fault = true;           // a fault, or else an operator action
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
    kEntersDown,      // becomes down
    kEntersDegraded,  // becomes degraded
    kLeavesUp,        // becomes degraded or down
    kReturnsUp,       // becomes up after being degraded or down
  };
  enum class Occurrence : std::uint8_t { kFirst, kLast };

  std::string name;
  ComponentId component = kNoComponent;
  Event event = Event::kEntersDown;
  Occurrence occurrence = Occurrence::kFirst;
  std::optional<sim::Time> expected;  // the public time
  sim::Time tolerance = sim::Time::minutes(15);
  std::optional<sim::Time> max_downtime;  // alternatively: total downtime within this bound
  std::string source;                     // where the public time comes from
};

struct ScenarioSpec {
  std::string name;
  std::string title;
  std::string description;
  std::int64_t start_unix_s = 0;  // the instant simulated time 0 stands for
  std::int32_t utc_offset_s = 0;  // of the local clock reports use
  sim::Time horizon = sim::Time::hours(24);
  std::uint64_t seed = 1;

  std::vector<ComponentSpec> components;  // ids 0..n-1, in this order
  std::vector<TenantSpec> tenants;        // their functions, then the tenants, numbered after components
  std::vector<CrewSpec> crews;
  std::vector<InjectionSpec> injections;
  std::vector<SlaSpec> slas;
  std::vector<MilestoneSpec> milestones;
  std::vector<VariantSpec> variants;

  // Components, tenant functions and tenants together.
  std::uint32_t vertex_count() const;
};

// Numbers tenant functions and tenants after the components: every function of every tenant in order,
// then every tenant in order. Call once after filling `components` and `tenants`.
void number_tenants(ScenarioSpec& spec);

// The display name of any vertex: a component's name, "tenant/function", or a tenant's name.
std::string vertex_name(const ScenarioSpec& spec, ComponentId id);
ComponentKind vertex_kind(const ScenarioSpec& spec, ComponentId id);

}  // namespace outagesim::models
