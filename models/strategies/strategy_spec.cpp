// Names of strategy kinds, backup ages, and the components strategies use.
#include "models/strategies/strategy_spec.hpp"

#include <cassert>

namespace outagesim::models {

sim::Time BackupSchedule::age_at(sim::Time t) const {
  assert(every > sim::Time());
  const std::int64_t since_newest = (age_at_start + t).count_ms() % every.count_ms();
  return sim::Time::ms(since_newest);
}

namespace {

struct KindName {
  std::string_view operator()(const WaitForRepairSpec&) const { return "wait_for_repair"; }
  std::string_view operator()(const StandbySpec& s) const {
    switch (s.place) {
      case StandbySpec::Place::kZone:
        return "standby";
      case StandbySpec::Place::kRegion:
        return "cross_region";
      case StandbySpec::Place::kCloud:
        return "multi_cloud";
    }
    return "?";
  }
  std::string_view operator()(const ActiveActiveSpec&) const { return "active_active"; }
  std::string_view operator()(const LaunchSpec& s) const {
    return s.restore ? "restore_from_backup" : "launch_new";
  }
};

struct StrategyComponents {
  std::vector<ComponentId>& out;
  void operator()(const WaitForRepairSpec&) const {}
  void operator()(const StandbySpec& s) const {
    s.needs.collect_components(out);
    s.failover_needs.collect_components(out);
  }
  void operator()(const ActiveActiveSpec& s) const {
    for (const auto& site : s.sites) site.needs.collect_components(out);
  }
  void operator()(const LaunchSpec& s) const {
    out.push_back(s.target);
    out.push_back(s.control_plane);
    if (s.image_service != kNoComponent) out.push_back(s.image_service);
    if (s.restore) out.push_back(s.restore->backup_location);
    s.needs.collect_components(out);
  }
};

struct InheritRecovery {
  const std::vector<RecoveryStep>& steps;
  void inherit(std::vector<RecoveryStep>& recovery, const std::string& reason) const {
    if (reason.empty()) recovery = steps;
  }
  void operator()(WaitForRepairSpec&) const {}
  void operator()(StandbySpec& s) const { inherit(s.recovery, s.recovery_reason); }
  void operator()(ActiveActiveSpec& s) const {
    for (auto& site : s.sites) inherit(site.recovery, site.recovery_reason);
  }
  void operator()(LaunchSpec& s) const { inherit(s.recovery, s.recovery_reason); }
};

}  // namespace

std::string_view strategy_kind_name(const StrategySpec& strategy) {
  return std::visit(KindName{}, strategy);
}

void collect_strategy_components(const StrategySpec& strategy, std::vector<ComponentId>& out) {
  std::visit(StrategyComponents{out}, strategy);
}

void inherit_recovery(StrategySpec& strategy, const std::vector<RecoveryStep>& function_recovery) {
  std::visit(InheritRecovery{function_recovery}, strategy);
}

}  // namespace outagesim::models
