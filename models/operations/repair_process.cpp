// The stage machine of a repair: conditions, then people, then the work.
#include "models/operations/repair_process.hpp"

#include <algorithm>
#include <cassert>

#include "models/operations/operations.hpp"

namespace outagesim::models {

RepairProcess::RepairProcess(const RepairSpec& spec, std::uint32_t index, Operations& ops)
    : spec_(&spec), index_(index), ops_(&ops), self_(ops.context().engine().add_handler(*this)) {
  record_.stages.resize(spec.stages.size());
}

void RepairProcess::schedule_start(sim::Time at) {
  if (mode_ != Mode::kIdle) return;  // a repair runs once, from its first trigger
  mode_ = Mode::kScheduled;
  ops_->context().engine().schedule_at(at, self_, kStart);
}

void RepairProcess::trigger() {
  schedule_start(ops_->context().now() + spec_->delay);
}

void RepairProcess::wake() {
  if (mode_ == Mode::kWaitingConditions) try_start_stage();
}

void RepairProcess::begin_stage(std::uint32_t stage) {
  stage_ = stage;
  record_.stages[stage].ready = ops_->context().now();
  mode_ = Mode::kWaitingConditions;
  try_start_stage();
}

void RepairProcess::try_start_stage() {
  const StageSpec& stage = spec_->stages[stage_];
  for (const TriggerSpec& condition : stage.wait_for) {
    if (!ops_->happened_since(condition, record_.started)) return;  // woken when something happens
  }
  if (stage.crew) {
    mode_ = Mode::kWaitingPeople;
    ops_->roster().call(*stage.crew);
    sim::Resource& crew = ops_->context().crew(*stage.crew);
    // Work shared by its people starts with those on duty when fewer are, and takes longer, as a host
    // pool's team does: the night shift of 2 does not wait for the day shift to do 3 people's work. A
    // stage of fixed duration needs all its people together; so does work before anyone is on duty (a
    // vendor on the way).
    held_ = stage.work && crew.capacity() > 0 ? std::min(stage.people, crew.capacity()) : stage.people;
    crew.request(self_, kPeopleThere, stage.priority, held_);
  } else {
    start_work();
  }
}

void RepairProcess::start_work() {
  mode_ = Mode::kWorking;
  const sim::Time now = ops_->context().now();
  record_.stages[stage_].began = now;
  const StageSpec& stage = spec_->stages[stage_];
  record_.stages[stage_].people = stage.crew ? held_ : 0;
  // A stage ends among the faults of its instant, so its `then` actions act together with them.
  ops_->context().engine().schedule_at(now + (stage.crew ? stage.elapsed_with(held_) : stage.elapsed()),
                                       self_, kStageDone, kInjectionPriority);
}

void RepairProcess::handle_event(std::uint32_t payload) {
  const sim::Time now = ops_->context().now();
  switch (payload) {
    case kStart:
      record_.started = now;
      begin_stage(0);
      return;
    case kPeopleThere:
      assert(mode_ == Mode::kWaitingPeople);
      start_work();
      return;
    case kStageDone: {
      const StageSpec& stage = spec_->stages[stage_];
      if (stage.crew) ops_->context().crew(*stage.crew).release(held_);
      record_.stages[stage_].ended = now;
      const std::uint32_t done = stage_;
      if (stage_ + 1 < spec_->stages.size()) {
        begin_stage(stage_ + 1);
      } else {
        mode_ = Mode::kDone;
        record_.ended = now;
      }
      ops_->stage_done(index_, done);
      if (mode_ == Mode::kDone) ops_->repair_done(index_);
      return;
    }
    default:
      assert(false);
  }
}

}  // namespace outagesim::models
