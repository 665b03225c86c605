// Failing over by creating capacity elsewhere (launch_new), optionally restoring the data from backups
// as well (restore_from_backup). Launches go through the region's control plane in waves: each pending
// instance's call succeeds with the control plane's availability at that moment (a draw from the
// function's own random stream); failed calls retry after an exponential backoff, and while calls are
// pending they add their rate to the control plane's demand. Launched instances boot; from a custom image
// they need the image service up for the whole boot, or the boot fails and the instance is launched
// again ("succeeded but failed to boot; retrying did not help", HK 2022). A restore needs its backup
// location up for the whole transfer and starts over when it is cut. A target with finite spare
// instances hands each successful call one of them; when none is left the call fails for lack of
// resources and is retried like a throttled one, in case another launch gives instances back (a
// stock-out, "workarounds failed for lack of resources"). An aborted launch gives its instances back.
#pragma once

#include <optional>
#include <vector>

#include "models/strategies/alternative_site_strategy.hpp"
#include "sim/random_stream.hpp"

namespace outagesim::models {

class ControlPlane;
class Service;

class CapacityLaunch final : public AlternativeSiteStrategy {
 public:
  explicit CapacityLaunch(const LaunchSpec& spec);

  void start(StrategyContext& sc) override;

 protected:
  void begin(StrategyContext& sc) override;
  void progress(StrategyContext& sc) override;
  void on_procedure_timer(StrategyContext& sc, std::uint32_t tag) override;
  void abort(StrategyContext& sc) override;
  sim::Time data_loss(sim::Time failed_at) const override;

 private:
  static constexpr std::uint32_t kAttemptTag = kProcedureTagBase;
  static constexpr std::uint32_t kRestoreTag = kProcedureTagBase + 1;
  static constexpr std::uint32_t kBootTagBase = kProcedureTagBase + 2;

  struct Boot {
    sim::Time started;
    std::uint32_t instances = 0;
    bool active = false;
    sim::TimerId timer;
  };

  void attempt(StrategyContext& sc);
  void boot_done(StrategyContext& sc, std::size_t wave);
  void schedule_attempt(StrategyContext& sc);
  void update_restore(StrategyContext& sc);
  void update_demand();
  void refresh_blocker(StrategyContext& sc);
  void finish_if_ready(StrategyContext& sc);
  void give_back(std::uint32_t instances);
  bool booting() const;

  LaunchSpec spec_;
  ControlPlane* control_plane_ = nullptr;  // owned by the region
  Service* target_ = nullptr;              // owned by the region; the stock of spare instances
  std::uint32_t held_ = 0;                 // spare instances taken and not given back
  std::uint32_t demand_source_ = 0;
  std::optional<sim::RandomStream> rng_;

  bool running_procedure_ = false;
  std::uint32_t pending_ = 0;  // instances whose launch call has not yet succeeded
  std::uint32_t running_ = 0;  // booted instances
  sim::Time backoff_;
  sim::TimerId attempt_timer_;
  std::vector<Boot> boots_;
  // Why instances are pending: the component and how, from the last failed attempt or boot.
  ComponentId pending_on_ = kNoComponent;
  Wait pending_why_ = Wait::kNothing;

  bool restored_ = false;
  sim::TimerId restore_timer_;
};

}  // namespace outagesim::models
