// The stage machine of a repair: conditions, then people, then the work.
#include "models/operations/repair_process.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <utility>

#include "models/operations/operations.hpp"

namespace outagesim::models {

RepairProcess::RepairProcess(const RepairSpec& spec, std::uint32_t index, Operations& ops)
    : spec_(&spec), index_(index), ops_(&ops), self_(ops.context().engine().add_handler(*this)) {
  record_.stages.resize(spec.stages.size());
}

void RepairProcess::schedule_start(sim::Time at) {
  if (mode_ != Mode::kIdle) return;  // a repair runs once, from its first trigger
  mode_ = Mode::kScheduled;
  triggered_at_ = ops_->context().now();
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
  if (spec_->stages[stage].work) work_left_ = *spec_->stages[stage].work;
  duration_left_ = spec_->stages[stage].elapsed();
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
    watch_shifts();
  } else {
    start_work();
  }
}

void RepairProcess::start_work() {
  mode_ = Mode::kWorking;
  const sim::Time now = ops_->context().now();
  StageRecord& record = record_.stages[stage_];
  if (record.began.is_never()) record.began = now;
  const StageSpec& stage = spec_->stages[stage_];
  record.people = stage.crew ? std::max(record.people, held_) : 0;
  record.fewest = !stage.crew ? 0 : record.fewest == 0 ? held_ : std::min(record.fewest, held_);
  sim::Time left = duration_left_;
  if (stage.work && stage.crew) {
    // The person-time left, shared by those here now; until the next shift change, when it is shared again.
    chunk_began_ = now;
    left = sim::Time::ms((work_left_.count_ms() + held_ - 1) / held_);
  }
  // A stage ends among the faults of its instant, so its `then` actions act together with them.
  ends_at_ = now + left;
  done_timer_ = ops_->context().engine().start_timer_at(ends_at_, self_, kStageDone, kInjectionPriority);
  // Shared work is shared again at each shift change before its end.
  watch_shifts();
}

void RepairProcess::room_sealed(ComponentId room) {
  if (mode_ != Mode::kWorking && mode_ != Mode::kWaitingPeople) return;
  const StageSpec& stage = spec_->stages[stage_];
  const bool works_there =
      std::any_of(stage.wait_for.begin(), stage.wait_for.end(), [&](const TriggerSpec& c) {
        return c.source == TriggerSpec::Source::kComponent && c.event == TriggerEvent::kAccessible &&
               c.component == room;
      });
  if (!works_there) return;
  if (mode_ == Mode::kWorking) {
    const sim::Time now = ops_->context().now();
    if (stage.work && stage.crew) {
      const std::int64_t done = static_cast<std::int64_t>(held_) * (now - chunk_began_).count_ms();
      work_left_ = sim::Time::ms(std::max<std::int64_t>(0, work_left_.count_ms() - done));
    } else {
      duration_left_ = ends_at_ - now;
    }
  }
  stop_stage();
  ++record_.stages[stage_].interruptions;
  mode_ = Mode::kWaitingConditions;  // woken when the room is open again
}

void RepairProcess::stop_stage() {
  const StageSpec& stage = spec_->stages[stage_];
  ops_->context().engine().cancel(shift_timer_);
  if (mode_ == Mode::kWorking) {
    ops_->context().engine().cancel(done_timer_);
    if (stage.crew) ops_->context().crew(*stage.crew).release(held_);
  } else if (mode_ == Mode::kWaitingPeople &&
             !ops_->context().crew(*stage.crew).withdraw(self_, kPeopleThere)) {
    stale_grant_ = held_;  // granted already, on its way
  }
}

void RepairProcess::cancel(std::uint32_t position) {
  if (mode_ == Mode::kIdle || mode_ == Mode::kDone || mode_ == Mode::kCancelled) return;
  if (triggered_at_ == ops_->context().now()) return;  // started in this instant: not called off by it
  stop_stage();  // nothing to stop while scheduled or waiting for its conditions
  mode_ = Mode::kCancelled;
  record_.cancelled = ops_->context().now();
  record_.cancelled_by = position;
}

void RepairProcess::replan_work() {
  const StageSpec& stage = spec_->stages[stage_];
  const sim::Time now = ops_->context().now();
  const std::int64_t done = static_cast<std::int64_t>(held_) * (now - chunk_began_).count_ms();
  work_left_ = sim::Time::ms(std::max<std::int64_t>(0, work_left_.count_ms() - done));
  ops_->context().engine().cancel(done_timer_);
  sim::Resource& crew = ops_->context().crew(*stage.crew);
  crew.release(held_);
  mode_ = Mode::kWaitingPeople;
  held_ = crew.capacity() > 0 ? std::min(stage.people, crew.capacity()) : stage.people;
  crew.request(self_, kPeopleThere, stage.priority, held_);
  watch_shifts();
}

void RepairProcess::resize_request() {
  const StageSpec& stage = spec_->stages[stage_];
  sim::Resource& crew = ops_->context().crew(*stage.crew);
  // Nobody on duty (a vendor on the way, a night without staff): the request stays as it is.
  std::uint32_t wanted = crew.capacity() > 0 ? std::min(stage.people, crew.capacity()) : held_;
  // Raised only when the bigger request is met at once: a request granted whole would otherwise wait
  // for people the smaller one did not need (review 12: a stage raised from 3 to 7 with 5 free idled all
  // day). Once at work, the stage is shared again at each change anyway.
  const std::uint32_t free = crew.capacity() > crew.in_use() ? crew.capacity() - crew.in_use() : 0;
  if (wanted > held_ && wanted > free) wanted = std::max(held_, std::min(wanted, free));
  // Not queued any more: granted in this instant, the people are on their way as asked.
  if (wanted != held_ && crew.resize(self_, kPeopleThere, kPeopleThere, wanted)) held_ = wanted;
  watch_shifts();
}

void RepairProcess::watch_shifts() {
  const StageSpec& stage = spec_->stages[stage_];
  ops_->context().engine().cancel(shift_timer_);
  if (!stage.work || !stage.crew) return;
  // The roster changes its headcount first in an instant: a change now is already in the crew. Queued,
  // a called vendor's arrival changes it too (review 12: a stage asked for the whole vendor crew and
  // idled the night once it arrived on a smaller shift); at work, the vendor is on site already.
  const sim::Time change = mode_ == Mode::kWorking ? ops_->roster().next_shift_change(*stage.crew, false)
                                                   : ops_->roster().next_headcount_change(*stage.crew, false);
  if (!change.is_never() && (mode_ != Mode::kWorking || change < ends_at_))
    shift_timer_ = ops_->context().engine().start_timer_at(change, self_, kShiftChange);
}

void RepairProcess::handle_event(std::uint32_t payload) {
  const sim::Time now = ops_->context().now();
  switch (payload) {
    case kStart:
      if (mode_ == Mode::kCancelled) return;  // called off while it waited out its delay
      record_.started = now;
      begin_stage(0);
      return;
    case kPeopleThere:
      if (stale_grant_ > 0) {  // for a stage its room's discharge stopped: they leave again
        ops_->context().crew(*spec_->stages[stage_].crew).release(std::exchange(stale_grant_, 0));
        return;
      }
      assert(mode_ == Mode::kWaitingPeople);
      start_work();
      return;
    case kShiftChange:
      shift_timer_ = sim::TimerId{};
      if (mode_ == Mode::kWorking) {
        replan_work();
      } else if (mode_ == Mode::kWaitingPeople) {
        resize_request();
      }
      return;
    case kStageDone: {
      done_timer_ = sim::TimerId{};
      ops_->context().engine().cancel(shift_timer_);
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
