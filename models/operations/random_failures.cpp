// The alternating renewal process of each failure group.
#include "models/operations/random_failures.hpp"

#include <algorithm>
#include <cmath>

#include "models/core/component.hpp"
#include "models/facility/host_pool.hpp"

namespace outagesim::models {

RandomFailures::RandomFailures(const ScenarioSpec& spec, ModelContext& ctx)
    : spec_(&spec), ctx_(&ctx), self_(ctx.engine().add_handler(*this)) {
  for (std::uint32_t p = 0; p < spec.failures.size(); ++p) {
    const FailureProcessSpec& process = spec.failures[p];
    for (const FailureGroup& group : process.groups) {
      groups_.push_back(
          Group{p, &group, ctx.streams().stream(failure_stream_name(process.name, group.name)), false, {}});
    }
  }
}

void RandomFailures::start() {
  for (std::uint32_t g = 0; g < groups_.size(); ++g) schedule_next(g);
}

void RandomFailures::schedule_next(std::uint32_t index) {
  Group& g = groups_[index];
  const FailureProcessSpec& process = spec_->failures[g.process];
  const sim::Distribution& d = g.down ? process.time_to_repair : process.time_to_failure;
  const double draw_ms = std::max(d.sample(g.rng), static_cast<double>(kShortest.count_ms()));
  // Beyond the horizon (or beyond what a Time holds) the next transition never happens in this run.
  const double at_ms = static_cast<double>(ctx_->now().count_ms()) + std::round(draw_ms);
  if (!(at_ms < static_cast<double>(ctx_->engine().horizon().count_ms()))) return;
  // A failure or repair acts as a scripted fault does, together with those of its instant.
  ctx_->engine().schedule_at(sim::Time::ms(static_cast<std::int64_t>(at_ms)), self_, index,
                             kInjectionPriority);
}

void RandomFailures::handle_event(std::uint32_t payload) {
  Group& g = groups_[payload];
  const InjectionId id = random_failure_id(g.process);
  const FailureProcessSpec& process = spec_->failures[g.process];
  if (process.share) {
    // Part of each pool, drawn at each failure; the repair returns exactly what the failure took.
    g.lost.resize(g.group->members.size(), 0);
    const double share = g.down ? 0.0 : process.share->sample(g.rng);
    for (std::size_t i = 0; i < g.group->members.size(); ++i) {
      const ComponentId member = g.group->members[i];
      auto& pool = static_cast<HostPool&>(ctx_->component(member));
      if (g.down) {
        pool.return_hosts(g.lost[i], Cause{Reason::kRepaired, kNoComponent, kNoChange, id});
        g.lost[i] = 0;
      } else {
        const double hosts = std::get<HostPoolParams>(spec_->components[member].params).hosts;
        g.lost[i] = pool.lose_hosts(static_cast<std::uint32_t>(std::llround(share * hosts)),
                                    Cause{Reason::kFault, kNoComponent, kNoChange, id, share});
      }
    }
  } else {
    InjectionSpec action;
    action.is_fault = true;
    action.action = g.down ? Action::kRepair : Action::kFail;
    for (const ComponentId member : g.group->members) {
      Component& c = ctx_->component(member);
      if (g.down && !c.forced_by(id)) continue;
      action.target = member;
      c.apply(action, id);
    }
  }
  g.down = !g.down;
  ctx_->settle_after_injections();
  schedule_next(payload);
}

}  // namespace outagesim::models
