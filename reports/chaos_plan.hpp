// The scenario's injected faults as real-world fault injections, in the order and at the times of one
// run: the plan that reports/fis_export.* and reports/chaostoolkit_export.* write in their formats. Faults
// with no real-world equivalent (a chiller, a thermal parameter) are listed, never dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/time.hpp"

namespace outagesim::reports {

// What can be done to a real deployment, named after what AWS FIS and chaosaws offer.
enum class ChaosKind : std::uint8_t {
  kStopInstances,         // compute, host pools: instances stopped, started again after `duration`
  kPowerInterruption,     // a room or power feed: the zone's power-interruption set of actions
  kDisruptNetwork,        // network, load balancers: the subnets of the zone lose connectivity
  kDisruptObjectStorage,  // object storage: the zone's subnets lose their route to S3
  kPauseVolumeIo,         // block storage: the zone's EBS volumes stop answering
  kFailoverDatabase,      // database: the cluster fails over to its standby
  kApiUnavailable,        // control plane: the EC2 API answers "unavailable"
};

std::string_view chaos_kind_name(ChaosKind kind);

struct ChaosStep {
  ChaosKind kind = ChaosKind::kStopInstances;
  std::string component;  // the scenario's component: real resources carry it in the tag kComponentTag
  std::string zone;       // may be empty: then no zone filter
  sim::Time at;           // from the start of the experiment
  sim::Time duration;     // how long the fault holds in the run (0 for a one-off such as a failover)
  // Why it is there: "fault: fail c1-compute", or for a predicted consequence of unmapped faults,
  // "predicted: c1-compute down at 10:05".
  std::string description;
  bool predicted = false;  // a consequence the run predicts, not a fault the scenario injects
  // Whether the run brings the component back before its end (`at + duration` is then that return);
  // false when it is still out at the horizon, and only the experiment's rollback restores it.
  bool returns = true;
};

struct UnmappedFault {
  std::string component;
  std::string action;  // the scenario's action name
  std::string reason;  // why nothing real matches it
};

struct ChaosPlan {
  std::vector<ChaosStep> steps;  // by time, then scenario order
  std::vector<UnmappedFault> unmapped;
  // With every fault mapped: the predicted steps added because the run keeps them down past the mapped
  // steps' end.
  std::size_t outlasting = 0;
};

// The tag real resources must carry to be chosen: its value is the component's name.
inline constexpr std::string_view kComponentTag = "outagesim:component";

// Maps each fault (is_fault) of the spec by its action and its target's kind, at the time it applied in
// `result` (a triggered fault at its trigger's time plus delay; a fault that never applied is unmapped).
// When some faults are unmapped, the facility components (rooms, power feeds, host pools) the run takes
// down and no mapped fault targets are added as predicted steps at their first time down, so that the
// experiment still rehearses what the unmappable cause would do. With every fault mapped, so are those
// the run keeps down past the mapped steps' end: the mapped faults alone would not reproduce them.
ChaosPlan plan_chaos(const models::ScenarioSpec& spec, const models::RunResult& result);

// "unmapped: <component> <action>: <reason>" lines, one per unmapped fault, and a "predicted:" line for the
// steps added because the run outlasts the mapped faults, for stderr.
std::string unmapped_text(const ChaosPlan& plan);

// ISO 8601 duration as FIS writes them: "PT1H5M", "PT30S", "PT0S" (whole seconds, floored).
std::string iso_duration(sim::Time d);

}  // namespace outagesim::reports
