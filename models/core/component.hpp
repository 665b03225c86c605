// The base of every vertex of the region: a component with a state, driven by three inputs:
// evaluate() when something it depends on changed, its own timers, and scripted actions.
// A component never writes its state directly: it publishes through the ModelContext, which journals
// the change with its cause and wakes the dependents.
#pragma once

#include <cstdint>
#include <string>

#include "models/core/component_kind.hpp"
#include "models/core/requirement.hpp"
#include "models/core/state_change.hpp"
#include "models/scenario/scenario_spec.hpp"
#include "sim/engine.hpp"

namespace outagesim::models {

class ModelContext;

// The cause a scripted event gives the change it makes: a fault's, or an operator action's.
Cause injection_cause(const InjectionSpec& injection, InjectionId id,
                      Reason operator_reason = Reason::kOperatorAction);

class Component : public sim::EventHandler {
 public:
  // Components know their id, not their name: names live in the scenario's spec (vertex_name()), which
  // reports read, so a million tenants hold no copy of one.
  Component(ComponentId id, ComponentKind kind);
  virtual ~Component() = default;

  Component(const Component&) = delete;
  Component& operator=(const Component&) = delete;

  ComponentId id() const { return id_; }
  ComponentKind kind() const { return kind_; }
  State state() const;
  // The component's most recent state change, or kNoChange.
  ChangeId last_change() const;

  // Wires the component to the run's context. Called once, before start().
  void bind(ModelContext& ctx, sim::HandlerId handler);
  // Called once at time 0, in dependency order, after every component is bound. The default evaluates.
  virtual void start() { evaluate(); }
  // Re-derives the state after something the component depends on changed (state or a quantity).
  virtual void evaluate() = 0;
  // The requirement evaluate() reads first, if it has one: a hint, so that a wave through many components
  // can ask the processor for it ahead of time (Region::prefetch_*). Never changes a result.
  virtual const Requirement* evaluation_input() const { return nullptr; }
  // Carries out a scripted fault or operator action; returns false when it had no effect. `trigger` is
  // the state change that set it off (an action that starts when a plant goes down), which the changes
  // it makes name as their cause's trigger so that chains lead on to the fault; kNoChange when it was
  // scheduled at a clock time.
  // REQUIRES: accepts(kind(), injection.action).
  bool apply(const InjectionSpec& injection, InjectionId id, ChangeId trigger = kNoChange);
  // Whether a fault of injection `id` holds the component down now (so that a repair of that fault's
  // own process lifts nothing else).
  bool forced_by(InjectionId id) const { return forced_down_ && forced_cause_.injection == id; }

 protected:
  // Kind-specific actions (everything but fail/repair). Returns whether the action had an effect.
  virtual bool apply_action(const InjectionSpec& injection, InjectionId id);
  // A forced fault was set or lifted. Components with internal processes (hosts, timers) stop or resume.
  virtual void on_forced_change() {}
  virtual void on_timer(std::uint32_t tag);
  // The cause of a change the injection being applied makes: models::injection_cause(), with the
  // trigger apply() was given.
  Cause injection_cause(const InjectionSpec& injection, InjectionId id,
                        Reason operator_reason = Reason::kOperatorAction) const;

  // Publishes the state the component's own logic arrives at. A forced fault overrides it with down; a
  // publish equal to the current state records nothing.
  void publish(State natural, const Cause& cause);
  bool forced_down() const { return forced_down_; }
  // The fault holding it down (meaningful while forced_down()).
  const Cause& forced_cause() const { return forced_cause_; }
  // The repair (or sag's end) being applied, while the component evaluates right after it; else none.
  InjectionId repairing() const { return repairing_; }

  ModelContext& ctx() const { return *ctx_; }
  sim::HandlerId handler() const { return handler_; }
  sim::TimerId start_timer(sim::Time delay, std::uint32_t tag);
  void cancel_timer(sim::TimerId& timer);

 private:
  void handle_event(std::uint32_t payload) final;
  // Timer tag of the end of a voltage sag, kept apart from the tags kinds use.
  static constexpr std::uint32_t kSagEndTag = 0xFFFF'FFFF;
  void lift_forced(InjectionId by);
  bool apply_now(const InjectionSpec& injection, InjectionId id);

  ComponentId id_;
  ComponentKind kind_;
  ModelContext* ctx_ = nullptr;  // not owned: the run's context outlives its components' use of it
  sim::HandlerId handler_ = 0;
  bool forced_down_ = false;
  Cause forced_cause_;
  InjectionId repairing_ = kNoInjection;   // set while evaluating right after a repair
  InjectionId sag_ = kNoInjection;         // the latest voltage sag, which its end timer lifts
  sim::TimerId sag_timer_;                 // the end of that sag, while it is pending
  sim::Time sag_end_;                      // and when it is due
  ChangeId applying_trigger_ = kNoChange;  // set while apply() runs
};

}  // namespace outagesim::models
