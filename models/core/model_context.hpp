// What components see of a run: the clock and timers, the status table, the journal of state changes,
// and the propagation worklist. A change of state journals a StateChange (with its cause), tells the
// observers, and queues the component's dependents; settle() then re-evaluates queued components in
// dependency order, so each is evaluated once per wave and only what changed is touched.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "models/core/region.hpp"
#include "models/core/state_change.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/engine.hpp"
#include "sim/index_queue.hpp"
#include "sim/random_stream.hpp"
#include "sim/resource.hpp"

namespace outagesim::models {

// Reports, recorders and tracers subscribe to the stream of state changes; they never change the model.
class StateObserver {
 public:
  virtual void on_state_change(const StateChange& change) = 0;

 protected:
  ~StateObserver() = default;
};

// Calls a vendor crew out the first time its people are asked for, and says when a crew's shift changes
// next (models::CrewRoster, which keeps the headcounts, sits above the components that ask).
class CrewCaller {
 public:
  virtual void call(std::uint32_t crew) = 0;
  // The next shift start of `crew` after now (or at now, if `including_now`), within the horizon; never()
  // if none. The roster applies a change first in its instant (kRosterPriority), so whoever asks at a
  // change's instant already sees it: `including_now` only times a timer for that instant again.
  virtual sim::Time next_shift_change(std::uint32_t crew, bool including_now) const = 0;
  // The next change of `crew`'s headcount on site: its next shift change, or a called vendor's arrival,
  // whichever comes first (with the same `including_now`); never() if none.
  virtual sim::Time next_headcount_change(std::uint32_t crew, bool including_now) const = 0;

 protected:
  ~CrewCaller() = default;
};

// Same-instant order of the run's own events: the crews' headcount (shift changes, vendors arriving)
// first, so that whatever asks for people in that instant meets the shift then on duty; faults (fail,
// repair, a sag and its end) next, then one
// settle of what they changed, then the other operator actions, then one settle of theirs, then what
// reacts to the settled changes (triggers, stage waits), then everything else (timers, crews, grants at
// the end). Same-instant faults so apply together, and so do same-instant actions: the region sees their
// joint effect, whatever their order in the file; and an action sees the region as the faults left it.
inline constexpr int kRosterPriority = -6;
inline constexpr int kInjectionPriority = -5;
inline constexpr int kSettlePriority = -4;
inline constexpr int kActionPriority = -3;
inline constexpr int kActionSettlePriority = -2;
inline constexpr int kAfterSettlePriority = -1;

class ModelContext final : public sim::EventHandler {
 public:
  // The engine and region are not owned and must outlive the context.
  ModelContext(sim::Engine& engine, Region& region, const std::vector<CrewSpec>& crews, std::uint64_t seed,
               std::uint64_t replication = 0);

  sim::Time now() const { return engine_->now(); }
  sim::Engine& engine() const { return *engine_; }

  std::span<const ComponentStatus> status() const { return region_->status(); }
  const ComponentStatus& status(ComponentId id) const { return region_->status()[id]; }
  Component& component(ComponentId id) { return region_->component(id); }

  // Journals a change of `component` to `to`. REQUIRES: `to` differs from its current state.
  ChangeId change_state(Component& component, State to, const Cause& cause);
  // Journals a change of something other than the state (a capacity, an availability) that dependents
  // act on, so causes can point at it. Does not wake dependents: callers touch them.
  ChangeId note_change(Component& component, const Cause& cause);
  // Journals a moment of `component` that changes neither its state nor its share (a room's temperature
  // crossing a threshold a trigger watches): observers see it, but the component's last change stays what
  // it was, so the cause chains of what depends on it do not pass through it.
  ChangeId note_moment(Component& component, const Cause& cause);
  // Publishes the share of its normal capacity `component` serves (ComponentStatus::capacity): journals
  // the change, with its cause, and wakes the dependents. Does nothing when it is unchanged.
  // REQUIRES: 0 <= capacity <= 1.
  void set_capacity(Component& component, double capacity, const Cause& cause);
  // Sets ComponentStatus::degraded_beyond_share; callers publish or touch dependents as they change.
  void set_degraded_beyond_share(Component& component, bool beyond) {
    region_->mutable_status(component.id()).degraded_beyond_share = beyond;
  }
  // Sets ComponentStatus::data_lost; a change re-evaluates the dependents, whatever else changes with it
  // (review 13: hosts destroyed in a pool already dark changed neither its share nor its state, and the
  // storage on it never saw its data go).
  void set_data_lost(Component& component, double share, double destroyed) {
    ComponentStatus& status = region_->mutable_status(component.id());
    if (status.data_lost == share && status.data_destroyed == destroyed) return;
    status.data_lost = share;
    status.data_destroyed = destroyed;
    touch_dependents(component.id());
  }
  // Something other than the state (a capacity, a temperature) changed: dependents re-evaluate.
  void touch_dependents(ComponentId id);
  // Queues one component for re-evaluation in the current wave (any rank, even below the current one).
  void schedule_evaluation(ComponentId id);
  // Re-evaluates queued components, lowest rank first, until nothing is queued.
  void settle();
  // Settles once the injections due now have all been applied (at kSettlePriority), so that dependents
  // never see a state that lasted no time, such as a component failed and repaired at the same instant.
  void settle_after_injections();
  // The same for the instant's other operator actions (at kActionSettlePriority).
  void settle_after_actions();

  const std::vector<StateChange>& journal() const { return journal_; }
  // Hands the journal over when the run is over (a million tenants' journal is worth not copying).
  std::vector<StateChange> take_journal() { return std::move(journal_); }
  void add_observer(StateObserver& observer) { observers_.push_back(&observer); }
  sim::Resource& crew(std::uint32_t index) { return *crews_[index]; }
  // The most people crew `index` ever has on site (CrewSpec::max_headcount).
  std::uint32_t crew_max_headcount(std::uint32_t index) const { return crew_max_headcount_[index]; }
  // Asks for crew `index`'s people: a vendor not yet called is called out now. Host pools call it before
  // each request; repair stages call the roster directly (operations/repair_process.cpp).
  void call_crew(std::uint32_t index) {
    if (crew_caller_ != nullptr) crew_caller_->call(index);
  }
  // When crew `index`'s headcount on site changes next (CrewCaller::next_headcount_change).
  sim::Time crew_next_headcount_change(std::uint32_t index, bool including_now) const {
    return crew_caller_ != nullptr ? crew_caller_->next_headcount_change(index, including_now)
                                   : sim::Time::never();
  }
  void set_crew_caller(CrewCaller& caller) { crew_caller_ = &caller; }
  // Models take their named streams from here, once, when the run starts.
  const sim::RandomStreams& streams() const { return streams_; }
  std::uint64_t evaluations() const { return evaluations_; }

 private:
  // The settle after this instant's faults (payload 0) or actions (payload 1).
  void handle_event(std::uint32_t payload) override;

  sim::Engine* engine_;
  Region* region_;
  std::vector<StateChange> journal_;
  std::vector<StateObserver*> observers_;
  std::vector<std::unique_ptr<sim::Resource>> crews_;
  std::vector<std::uint32_t> crew_max_headcount_;
  CrewCaller* crew_caller_ = nullptr;
  sim::RandomStreams streams_;
  // Ranks of the components queued for evaluation, popped lowest first.
  sim::IndexQueue queued_;
  bool settling_ = false;
  sim::HandlerId self_;
  bool settle_scheduled_ = false;         // at kSettlePriority
  bool action_settle_scheduled_ = false;  // at kActionSettlePriority
  std::uint64_t evaluations_ = 0;
};

}  // namespace outagesim::models
