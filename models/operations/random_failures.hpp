// Random fault processes during a run: each failure group alternates between up for a drawn time to
// failure and down for a drawn time to repair, over the whole horizon. A failure applies `fail` to every
// member at the same instant; the repair applies `repair`, but only to members its own failure still
// holds down (a scripted fault or another process keeps its own). Draws come from the group's named
// stream of the run, one at each transition. With a share (host pools only), a failure takes a drawn share
// of each pool's hosts instead (HostPool::lose_hosts) and the repair returns them to restart.
#pragma once

#include <cstdint>
#include <vector>

#include "models/core/model_context.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

class RandomFailures final : public sim::EventHandler {
 public:
  // The spec and context must outlive the run.
  RandomFailures(const ScenarioSpec& spec, ModelContext& ctx);

  // Schedules each group's first failure. Call once, before the components start.
  void start();

  // The shortest time a draw is rounded up to, so that a process always moves forward in time.
  static constexpr sim::Time kShortest = sim::Time::ms(1);

 private:
  struct Group {
    std::uint32_t process;
    const FailureGroup* group;
    sim::RandomStream rng;
    bool down = false;
    std::vector<std::uint32_t> lost;  // per member, hosts a partial failure took (with a share)
  };

  void handle_event(std::uint32_t payload) override;  // group `payload` fails or is repaired
  void schedule_next(std::uint32_t index);

  const ScenarioSpec* spec_;
  ModelContext* ctx_;
  sim::HandlerId self_;
  std::vector<Group> groups_;
};

}  // namespace outagesim::models
