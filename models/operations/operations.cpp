// Triggers, timed and triggered injections, and the bookkeeping of repairs.
#include "models/operations/operations.hpp"

#include <algorithm>
#include <cassert>

#include "models/core/component.hpp"
#include "models/facility/thermal_room.hpp"
#include "models/operations/repair_process.hpp"

namespace outagesim::models {

namespace {
constexpr sim::Time kNotYet = sim::Time::ms(-1);

std::vector<sim::Resource*> crew_resources(ModelContext& ctx, std::size_t count) {
  std::vector<sim::Resource*> crews;
  for (std::uint32_t i = 0; i < count; ++i) crews.push_back(&ctx.crew(i));
  return crews;
}

// The local time of day simulated time 0 stands for.
sim::Time start_time_of_day(const ScenarioSpec& spec) {
  const std::int64_t day_s = 24 * 3600;
  const std::int64_t local_s = spec.start_unix_s + spec.utc_offset_s;
  return sim::Time::seconds(((local_s % day_s) + day_s) % day_s);
}

// Fail, repair and a sag act together with the instant's other faults. Any other action acts on its
// target's view of the region (restore_chillers needs the plant powered, switch_over a standby that
// serves, shed_load hosts that draw power), so it comes once they have settled.
int priority_of(const InjectionSpec& injection) {
  // Faults, partial ones included (a share lost, chillers failed, a loop air-locked), and repairs change
  // their target whatever the rest of the region does; the other actions act on their target's view of
  // it (a chiller restarts only with power), so they come after the faults have settled.
  const bool fault_like =
      injection.action == Action::kFail || injection.action == Action::kRepair ||
      injection.action == Action::kVoltageSag || injection.action == Action::kSetCapacity ||
      injection.action == Action::kFailChillers || injection.action == Action::kLoopAirlock ||
      injection.action == Action::kDamageHosts || injection.action == Action::kFlood ||
      injection.action == Action::kDischarge;
  return fault_like ? kInjectionPriority : kActionPriority;
}

}  // namespace

Operations::Operations(const ScenarioSpec& spec, ModelContext& ctx)
    : spec_(&spec),
      ctx_(&ctx),
      self_(ctx.engine().add_handler(*this)),
      roster_(ctx.engine(), spec.crews, crew_resources(ctx, spec.crews.size()), start_time_of_day(spec)),
      watched_(spec.vertex_count(), false),
      down_since_up_(spec.vertex_count(), false),
      had_effect_(spec.injections.size(), false),
      applied_at_(spec.injections.size(), sim::Time::never()),
      applications_(spec.injections.size()),
      pending_applications_(spec.injections.size(), 0),
      called_off_(spec.injections.size(), 0),
      fired_at_(spec.injections.size(), sim::Time::never()),
      fired_in_instant_(spec.injections.size(), 0),
      cancellations_(spec.injections.size()),
      fired_by_(spec.injections.size(), kNoChange),
      repair_fired_by_(spec.repairs.size(), kNoChange),
      repair_done_at_(spec.repairs.size(), kNotYet),
      stage_done_at_(spec.repairs.size()) {
  for (std::uint32_t r = 0; r < spec.repairs.size(); ++r) {
    repairs_.push_back(std::make_unique<RepairProcess>(spec.repairs[r], r, *this));
    stage_done_at_[r].assign(spec.repairs[r].stages.size(), kNotYet);
    for (const TriggerSpec& t : spec.repairs[r].when) watches_.push_back(Watch{t, true, r});
    for (std::uint32_t k = 0; k < spec.repairs[r].cancel_when.size(); ++k)
      watches_.push_back(Watch{spec.repairs[r].cancel_when[k], true, r, false, true, k});
    for (const StageSpec& stage : spec.repairs[r].stages) {
      for (const TriggerSpec& condition : stage.wait_for) {
        if (condition.source != TriggerSpec::Source::kComponent) continue;
        if (wait_slot_.count(condition.component) > 0) continue;
        wait_slot_.emplace(condition.component, static_cast<std::uint32_t>(last_event_.size()));
        watched_[condition.component] = true;
        last_event_.emplace_back();
        last_event_.back().fill(kNotYet);
        wait_component_.push_back(condition.component);
      }
    }
  }
  for (std::uint32_t i = 0; i < spec.injections.size(); ++i) {
    for (const TriggerSpec& t : spec.injections[i].when) watches_.push_back(Watch{t, false, i});
    for (std::uint32_t k = 0; k < spec.injections[i].cancel_when.size(); ++k)
      watches_.push_back(Watch{spec.injections[i].cancel_when[k], false, i, false, true, k});
  }
  for (std::uint32_t w = 0; w < watches_.size(); ++w) {
    const TriggerSpec& t = watches_[w].trigger;
    if (t.source == TriggerSpec::Source::kComponent) {
      component_watches_[t.component].push_back(w);
      watched_[t.component] = true;
    } else if (t.source == TriggerSpec::Source::kWeather) {
      weather_watches_.push_back(w);
    } else {
      done_watches_.push_back(w);
    }
  }
  ctx.add_observer(*this);
  ctx.set_crew_caller(roster_);
}

Operations::~Operations() = default;

void Operations::start() {
  for (std::uint32_t i = 0; i < spec_->injections.size(); ++i) {
    if (spec_->injections[i].when.empty()) {
      ctx_->engine().schedule_at(spec_->injections[i].at, self_, i, priority_of(spec_->injections[i]));
      ++pending_applications_[i];
    }
  }
  for (std::uint32_t r = 0; r < spec_->repairs.size(); ++r) {
    if (spec_->repairs[r].when.empty()) repairs_[r]->schedule_start(spec_->repairs[r].at);
  }
  // The outside air is known in advance: each watch on it fires when the air first crosses its
  // temperature, and stages that wait on it look again at every step.
  for (const std::uint32_t w : weather_watches_) {
    assert(w < kWeatherWatch);
    // A cancel is never spent: every crossing may call off what is pending then.
    const bool each =
        watches_[w].cancels || (!watches_[w].is_repair && spec_->injections[watches_[w].index].each);
    for (const sim::Time at : weather_crossings(watches_[w].trigger, spec_->weather)) {
      ctx_->engine().schedule_at(at, self_, kWeatherWatch | w, kAfterSettlePriority);
      if (!each) break;
    }
  }
  const bool waits_on_weather =
      std::any_of(spec_->repairs.begin(), spec_->repairs.end(), [](const RepairSpec& r) {
        return std::any_of(r.stages.begin(), r.stages.end(), [](const StageSpec& s) {
          return std::any_of(s.wait_for.begin(), s.wait_for.end(),
                             [](const TriggerSpec& t) { return t.source == TriggerSpec::Source::kWeather; });
        });
      });
  if (waits_on_weather) {
    for (std::size_t i = 1; i < spec_->weather.steps().size(); ++i)
      ctx_->engine().schedule_at(spec_->weather.steps()[i].from, self_, kWeatherStep, kAfterSettlePriority);
  }
}

void Operations::on_state_change(const StateChange& change) {
  const ComponentId c = change.component;
  const bool down_since_up = down_since_up_[c] || change.to == State::kDown;
  down_since_up_[c] = down_since_up && change.to != State::kUp;
  if (!watched_[c]) return;
  // A return a later change of the same instant undoes (a share cut with the repair) is no return: the
  // component is still down since it was last up, which fire_pending() settles once the instant has.
  if (down_since_up && change.to == State::kUp) {
    down_since_up_[c] = true;
    returned_.push_back(c);
  }
  note_before(change);
  // A discharge or a flood seals the room at once: stages working in it stop (their people leave).
  if (change.cause.reason == Reason::kSprinkler || change.cause.reason == Reason::kFlooded) {
    for (const auto& repair : repairs_) repair->room_sealed(c);
  }
  if (const auto found = wait_slot_.find(c); found != wait_slot_.end()) {
    for (const TriggerEvent event : component_trigger_events()) {
      if (matches(event, change, down_since_up)) pending_waits_.emplace_back(found->second, event);
    }
  }
  // The context hands observers the journal's newest record; its index is the change's id.
  const std::vector<StateChange>& journal = ctx_->journal();
  const ChangeId id =
      !journal.empty() && &change == &journal.back() ? static_cast<ChangeId>(journal.size() - 1) : kNoChange;
  const auto watching = component_watches_.find(c);
  if (watching == component_watches_.end()) return;
  for (const std::uint32_t w : watching->second) {
    if (watches_[w].fired || !matches(watches_[w].trigger, change, down_since_up)) continue;
    // Fired once the instant's injections are all in: a fault and a repair of the same component at the
    // same moment leave nothing for an operator to act on.
    pending_.emplace_back(w, id);
  }
}

void Operations::note_before(const StateChange& change) {
  if (before_.empty()) ctx_->engine().schedule_at(ctx_->now(), self_, kFirePending, kAfterSettlePriority);
  const auto seen = std::find_if(before_.begin(), before_.end(),
                                 [&](const auto& b) { return b.first == change.component; });
  if (seen == before_.end()) before_.emplace_back(change.component, change.from);
}

State Operations::state_before(ComponentId c) const {
  const auto seen = std::find_if(before_.begin(), before_.end(), [&](const auto& b) { return b.first == c; });
  assert(seen != before_.end());
  return seen->second;
}

void Operations::fire_pending() {
  // Triggered faults and actions of no delay first: what they change in this instant may undo a change
  // that other triggers and stage waits watch (power back as the breakers are found bad, a return that a
  // capacity cut of the same moment turns into a degraded one). Those look again once it has settled, at
  // this instant, against the states from before its first change.
  // One change at a time, the earliest first (the journal's order is the order of cause and effect in
  // the instant): the generators' return fires the breakers' fault before the hall's return, which that
  // fault undoes, fires anything.
  bool applied_now = false;
  ChangeId first = kNoChange;
  std::vector<std::pair<std::uint32_t, ChangeId>> rest;
  for (const auto& [w, by] : pending_) {
    Watch& watch = watches_[w];
    const ComponentId c = watch.trigger.component;
    const bool now = !watch.cancels && !watch.is_repair &&
                     spec_->injections[watch.index].delay == sim::Time() &&
                     (first == kNoChange || by == first);
    if (now && !watch.fired && still_holds(watch.trigger.event, state_before(c), ctx_->status(c).state)) {
      first = by;
      fire(watch, by);
      applied_now = true;
    } else {
      rest.emplace_back(w, by);
    }
  }
  if (applied_now) {
    pending_ = std::move(rest);
    ctx_->engine().schedule_at(ctx_->now(), self_, kFirePending, kAfterSettlePriority);
    return;
  }
  // Stage waits first, as when they were noted at the change: a stage woken here may be what a trigger
  // below is about to start after.
  bool any = false;
  for (const auto& [slot, event] : std::exchange(pending_waits_, {})) {
    const ComponentId c = wait_component_[slot];
    if (!still_holds(event, state_before(c), ctx_->status(c).state)) continue;
    last_event_[slot][static_cast<std::size_t>(event)] = ctx_->now();
    any = true;
  }
  if (any) wake_waiting_stages();
  // Cancels before starts: what the instant starts is not called off by an event of the same instant.
  const std::vector<std::pair<std::uint32_t, ChangeId>> pending = std::exchange(pending_, {});
  for (const bool cancels : {true, false}) {
    for (const auto& [w, by] : pending) {
      Watch& watch = watches_[w];
      const ComponentId c = watch.trigger.component;
      if (watch.cancels == cancels && !watch.fired &&
          still_holds(watch.trigger.event, state_before(c), ctx_->status(c).state))
        fire(watch, by);
    }
  }
  before_.clear();
  for (const ComponentId c : std::exchange(returned_, {})) {
    if (ctx_->status(c).state == State::kUp) down_since_up_[c] = false;
  }
}

void Operations::fire(Watch& watch, ChangeId by) {
  if (watch.cancels) {
    cancel(watch);
    return;
  }
  // The first of a start's triggers starts it: the others of the same action or repair are spent too.
  // A standing policy (`each`) is never spent: it acts on every occurrence.
  const bool each = !watch.is_repair && spec_->injections[watch.index].each;
  for (Watch& w : watches_) {
    if (!each && !w.cancels && w.is_repair == watch.is_repair && w.index == watch.index) w.fired = true;
  }
  if (watch.is_repair) {
    repair_fired_by_[watch.index] = by;
    repairs_[watch.index]->trigger();
  } else {
    fired_by_[watch.index] = by;
    ++pending_applications_[watch.index];
    if (fired_at_[watch.index] != ctx_->now()) {
      fired_at_[watch.index] = ctx_->now();
      fired_in_instant_[watch.index] = 0;
    }
    ++fired_in_instant_[watch.index];
    ctx_->engine().schedule_at(ctx_->now() + spec_->injections[watch.index].delay, self_, watch.index,
                               priority_of(spec_->injections[watch.index]));
  }
}

void Operations::handle_event(std::uint32_t payload) {
  if (payload == kFirePending) {
    fire_pending();
    return;
  }
  if (payload == kWeatherStep) {
    wake_waiting_stages();
    return;
  }
  if ((payload & kWeatherWatch) != 0) {
    Watch& watch = watches_[payload & ~kWeatherWatch];
    if (!watch.fired) fire(watch);
    return;
  }
  const InjectionSpec& injection = spec_->injections[payload];
  --pending_applications_[payload];
  if (called_off_[payload] > 0) {
    --called_off_[payload];
    return;
  }
  if (applied_at_[payload].is_never()) applied_at_[payload] = ctx_->now();
  applications_[payload].push_back(ctx_->now());
  const bool effect = ctx_->component(injection.target).apply(injection, payload, fired_by_[payload]);
  had_effect_[payload] = had_effect_[payload] || effect;
  if (priority_of(injection) == kInjectionPriority) {
    ctx_->settle_after_injections();
  } else {
    ctx_->settle_after_actions();
  }
}

void Operations::cancel(const Watch& watch) {
  if (watch.is_repair) {
    repairs_[watch.index]->cancel(watch.position);
    return;
  }
  // What the trigger's own instant started is not called off by an event of that instant: the latest
  // pending ones (the delay is one for all).
  const std::uint32_t fresh = fired_at_[watch.index] == ctx_->now() ? fired_in_instant_[watch.index] : 0u;
  const std::uint32_t pending = pending_applications_[watch.index] - called_off_[watch.index];
  const std::uint32_t waiting = pending > fresh ? pending - fresh : 0u;
  if (waiting == 0) return;
  called_off_[watch.index] += waiting;
  cancellations_[watch.index].push_back(Cancellation{ctx_->now(), watch.position, waiting});
}

void Operations::stage_done(std::uint32_t repair, std::uint32_t stage) {
  stage_done_at_[repair][stage] = ctx_->now();
  on_done(TriggerSpec::Source::kStage, repair, stage);
}

void Operations::repair_done(std::uint32_t repair) {
  repair_done_at_[repair] = ctx_->now();
  on_done(TriggerSpec::Source::kRepair, repair, 0);
}

void Operations::on_done(TriggerSpec::Source source, std::uint32_t repair, std::uint32_t stage) {
  for (const std::uint32_t w : done_watches_) {
    Watch& watch = watches_[w];
    const TriggerSpec& t = watch.trigger;
    if (watch.fired || t.source != source || t.repair != repair) continue;
    if (source == TriggerSpec::Source::kStage && t.stage != stage) continue;
    fire(watch, repair_fired_by_[repair]);
  }
  wake_waiting_stages();
}

void Operations::wake_waiting_stages() {
  for (const auto& repair : repairs_) repair->wake();
}

bool Operations::happened_since(const TriggerSpec& trigger, sim::Time since) const {
  switch (trigger.source) {
    case TriggerSpec::Source::kComponent: {
      // A room's `cooled` and `accessible` are conditions on its state, not events to catch: a stage
      // that waits for a room to be cool goes ahead if it cooled before the repair started (and has not
      // heated since), as it does if it never heated.
      if (trigger.event == TriggerEvent::kCooled || trigger.event == TriggerEvent::kAccessible) {
        if (const auto* room = dynamic_cast<const ThermalRoom*>(&ctx_->component(trigger.component))) {
          return trigger.event == TriggerEvent::kCooled ? !room->overheated() : room->accessible();
        }
      }
      if (trigger.met_while_up && ctx_->status(trigger.component).state == State::kUp) return true;
      const auto found = wait_slot_.find(trigger.component);
      return found != wait_slot_.end() &&
             last_event_[found->second][static_cast<std::size_t>(trigger.event)] >= since;
    }
    // A repair or stage runs once, and once done stays done: a state too, met if it ended before the
    // waiting repair started (waiting for it to end again would wait for ever).
    case TriggerSpec::Source::kWeather:
      return weather_holds(trigger, spec_->weather, ctx_->now());
    case TriggerSpec::Source::kRepair:
      return repair_done_at_[trigger.repair] != kNotYet;
    case TriggerSpec::Source::kStage:
      return stage_done_at_[trigger.repair][trigger.stage] != kNotYet;
  }
  return false;
}

std::vector<RepairRecord> Operations::repair_records() const {
  std::vector<RepairRecord> records;
  records.reserve(repairs_.size());
  for (const auto& repair : repairs_) records.push_back(repair->record());
  return records;
}

}  // namespace outagesim::models
