// Recovery strategies as typed values: how a tenant function gets back to serving after a failure, and
// the named variants a scenario offers for comparison. Each strategy adds its own site (what it would
// serve from) to the function's primary deployment; the function serves from whichever is serving.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "models/core/requirement.hpp"
#include "models/services/recovery_step.hpp"

namespace outagesim::models {

// The baseline: down until the function's needs return, then its own recovery steps.
struct WaitForRepairSpec {};

// When a strategy's procedure starts: `detection` + `decision` after the primary deployment went down,
// and not before `not_before` when given. It starts only if the primary deployment is still down then.
struct FailoverTrigger {
  sim::Time detection;
  sim::Time decision;
  std::optional<sim::Time> not_before;
};

// Backups taken every `every`, the newest `age_at_start` old when the scenario starts: restoring one at
// time t loses the work since it was taken.
struct BackupSchedule {
  sim::Time every = sim::Time::hours(24);  // > 0
  sim::Time age_at_start;

  sim::Time age_at(sim::Time t) const;
};

// A pre-provisioned standby elsewhere (active-passive): in another zone, another region, or another
// provider. The failover happens only once the standby's own needs are up.
struct StandbySpec {
  enum class Place : std::uint8_t { kZone, kRegion, kCloud };
  Place place = Place::kZone;
  bool cold = false;  // cold: provisioned from backups when needed; warm: kept in sync
  Requirement needs;  // what the standby site serves with
  // What performing the switchover needs but serving does not (a DNS or traffic-management API, the
  // operators' access): the switchover waits for it, and once done no longer depends on it.
  Requirement failover_needs;
  FailoverTrigger trigger;
  sim::Time provision;                 // cold only: building the standby from backups
  sim::Time switchover;                // moving traffic and state over
  sim::Time dns_ttl;                   // until clients follow the new address
  sim::Time replication_lag;           // warm: work not yet replicated when the primary fell (RPO)
  BackupSchedule backups;              // cold: the data comes from the newest backup
  std::vector<RecoveryStep> recovery;  // on the standby, after it takes over
  std::string recovery_reason;         // see inherit_recovery()
};

// Serving from several sites at once: down only while fewer than `min_sites` serve; degraded while the
// serving sites' capacity falls short of the load (each site's `capacity` is the share of the full load
// it can carry), or for `detection` after a site fails, until health checks steer traffic away.
struct ActiveActiveSpec {
  struct Site {
    Requirement needs;
    double capacity = 1.0;  // (0, 10]
    std::vector<RecoveryStep> recovery;
    std::string recovery_reason;  // see inherit_recovery()
  };
  std::vector<Site> sites;  // at least 2
  std::uint32_t min_sites = 1;
  sim::Time detection;
};

// Failing over by creating capacity elsewhere: launch `instances` through the region's control plane
// into `target`, each launch a call that succeeds with the control plane's availability, failed calls
// retried with exponential backoff; instances then boot, and a custom image needs `image_service` up for
// the whole boot. With `restore`, the data is restored from backups as well, at a given throughput,
// which needs the backup location up for the whole restore.
struct LaunchSpec {
  struct Restore {
    ComponentId backup_location = kNoComponent;
    double data_gb = 0;      // > 0
    double gb_per_hour = 0;  // > 0
    BackupSchedule backups;
  };
  ComponentId target = kNoComponent;         // a compute service
  ComponentId control_plane = kNoComponent;  // a control plane
  ComponentId image_service = kNoComponent;  // kNoComponent: a public image
  std::uint32_t instances = 1;
  FailoverTrigger trigger;
  sim::Time boot;
  sim::Time retry_initial = sim::Time::seconds(10);
  sim::Time retry_max = sim::Time::minutes(10);
  double retry_multiplier = 2;
  Requirement needs;          // what the new site needs besides its instances (its data, say)
  sim::Time replication_lag;  // data lost when it takes over (with `restore`, the backup's age instead)
  std::optional<Restore> restore;
  std::vector<RecoveryStep> recovery;
  std::string recovery_reason;  // see inherit_recovery()
};

using StrategySpec = std::variant<WaitForRepairSpec, StandbySpec, ActiveActiveSpec, LaunchSpec>;

// The kind as scenarios spell it: wait_for_repair, standby, cross_region, multi_cloud, active_active,
// launch_new, restore_from_backup.
std::string_view strategy_kind_name(const StrategySpec& strategy);

// Appends every component the strategy itself uses (beyond the function's own needs).
void collect_strategy_components(const StrategySpec& strategy, std::vector<ComponentId>& out);

// Fair comparison: a new site runs the recovery steps of the function it serves (the baseline's reconcile
// is not skipped by moving elsewhere) unless it gives a reason why not. Every site `recovery` whose
// `recovery_reason` is empty becomes `function_recovery`; a site with a reason keeps its own steps.
void inherit_recovery(StrategySpec& strategy, const std::vector<RecoveryStep>& function_recovery);

// "What if this tenant had used another strategy?": the scenario run again with some of the tenant's
// functions given another strategy.
struct VariantSpec {
  std::string name;
  std::string description;
  std::uint32_t tenant = 0;  // index into ScenarioSpec::tenants
  // (function index within the tenant, its strategy in this variant)
  std::vector<std::pair<std::uint32_t, StrategySpec>> strategies;
};

}  // namespace outagesim::models
