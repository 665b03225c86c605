// One repair process at run time: its stages in order, each waiting for its conditions, then for its
// people (calling out a vendor crew when needed), then for its duration. Records what it did.
#pragma once

#include <cstdint>

#include "models/core/state_change.hpp"
#include "models/operations/repair_spec.hpp"
#include "models/results/repair_record.hpp"
#include "sim/engine.hpp"

namespace outagesim::models {

class Operations;

class RepairProcess final : public sim::EventHandler {
 public:
  // The spec and operations must outlive the process.
  RepairProcess(const RepairSpec& spec, std::uint32_t index, Operations& ops);

  // The trigger fired: the repair starts after its delay.
  void trigger();
  // The repair starts at `at` (a repair with a clock time instead of a trigger).
  void schedule_start(sim::Time at);
  // Something a stage may wait for happened: a waiting stage re-checks its conditions.
  void wake();
  bool waiting_for_conditions() const { return mode_ == Mode::kWaitingConditions; }
  // The room's fire suppression discharged: a stage that works in it (waits for its `accessible`) and has
  // begun, or waits for its people, stops. Its people leave, the work done is kept, and it goes on
  // when the room is accessible again and its people are back.
  void room_sealed(ComponentId room);
  // Its cancel_when trigger `position` happened: if it is scheduled or under way, it is called off. A
  // stage in progress stops (its people leave, its actions never run) and no later stage begins.
  void cancel(std::uint32_t position);

  const RepairRecord& record() const { return record_; }

 private:
  enum class Mode : std::uint8_t {
    kIdle,
    kScheduled,
    kWaitingConditions,
    kWaitingPeople,
    kWorking,
    kDone,
    kCancelled
  };
  enum Tag : std::uint32_t { kStart, kPeopleThere, kStageDone, kShiftChange };

  void handle_event(std::uint32_t payload) override;
  void begin_stage(std::uint32_t stage);
  void try_start_stage();
  void start_work();
  // The stage in progress stops: its timers end and its people leave, or its request for them is
  // withdrawn (a grant already on its way is given back as it arrives).
  void stop_stage();
  // A stage of shared work at a shift change: books the work done, gives its people back and asks again
  // for as many as the new shift has (up to its own), so multi-day work follows the shifts.
  void replan_work();
  // A stage of shared work waiting for its people at a shift change: its request follows the shift on duty
  // (cut when it shrinks, so the night starts the work; raised when it grows), keeping its place.
  void resize_request();
  // Times the next shift change of a shared-work stage's crew (kShiftChange), if any.
  void watch_shifts();

  const RepairSpec* spec_;
  std::uint32_t index_;
  Operations* ops_;
  sim::HandlerId self_;
  Mode mode_ = Mode::kIdle;
  sim::Time triggered_at_ = sim::Time::never();  // what an event of this instant may not call off
  std::uint32_t stage_ = 0;
  std::uint32_t held_ = 0;   // people asked for, then held, by the stage in progress
  sim::Time work_left_;      // person-time left of a `work` stage
  sim::Time duration_left_;  // time left of a `duration` stage
  sim::Time ends_at_;        // when the stage in progress ends, while it works
  // People granted to a stage that stopped before the grant arrived: given back as it does.
  std::uint32_t stale_grant_ = 0;
  sim::Time chunk_began_;  // when its people last started on it
  sim::TimerId done_timer_;
  sim::TimerId shift_timer_;
  RepairRecord record_;
};

}  // namespace outagesim::models
