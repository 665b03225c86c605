// Capacity, demand and throttling of a control plane.
#include "models/services/control_plane.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "models/core/model_context.hpp"

namespace outagesim::models {

namespace {
enum Tag : std::uint32_t { kScaledOut, kDemandStepOver };
}

ControlPlane::ControlPlane(ComponentId id, const ControlPlaneParams& params)
    : Component(id, ComponentKind::kControlPlane),
      params_(params),
      source_down_(params.demand.size(), false),
      surge_until_(params.demand.size()),
      recovery_until_(params.demand.size()) {}

std::uint32_t ControlPlane::add_demand_source() {
  dynamic_rps_.push_back(0);
  return static_cast<std::uint32_t>(dynamic_rps_.size() - 1);
}

void ControlPlane::set_demand(std::uint32_t source, double rps) {
  assert(source < dynamic_rps_.size() && rps >= 0);
  if (dynamic_rps_[source] == rps) return;
  dynamic_rps_[source] = rps;
  ctx().schedule_evaluation(id());
}

void ControlPlane::evaluate() {
  const auto status = ctx().status();

  // Capacity, remembering the most recent node loss to blame (and the most recent node change at all,
  // for a return).
  double capacity = scaled_out_ ? params_.scale_out->rps : 0;
  Verdict lost_node;
  Verdict changed_node;
  bool any_lost = false;
  for (std::size_t i = 0; i < params_.nodes.size(); ++i) {
    const Verdict v = models::evaluate(params_.nodes[i].needs, status);
    if (i == 0 || v.since > changed_node.since) changed_node = v;
    if (v.state != State::kDown) {
      capacity += params_.nodes[i].rps;
    } else if (!any_lost || v.since > lost_node.since) {
      lost_node = v;
      any_lost = true;
    }
  }
  if (forced_down()) capacity = 0;  // a failed control plane serves no call, whatever its nodes

  // Demand, remembering the most recent outage that adds to it.
  const sim::Time now = ctx().now();
  double demand = params_.baseline_rps;
  ComponentId loader = kNoComponent;
  for (std::size_t i = 0; i < params_.demand.size(); ++i) {
    const auto& d = params_.demand[i];
    const ComponentStatus& s = status[d.when_down];
    const bool down = s.state == State::kDown;
    if (!source_down_[i] && down && d.lasts) {
      surge_until_[i] = now + *d.lasts;
      if (*d.lasts > sim::Time()) ctx().engine().start_timer_at(surge_until_[i], handler(), kDemandStepOver);
    }
    if (source_down_[i] && !down && d.after_return_for > sim::Time()) {
      recovery_until_[i] = now + d.after_return_for;
      ctx().engine().start_timer_at(recovery_until_[i], handler(), kDemandStepOver);
    }
    source_down_[i] = down;
    const bool surging = !d.lasts || now < surge_until_[i];
    const double rps = down ? (surging ? d.rps : 0.0) : now < recovery_until_[i] ? d.after_return_rps : 0.0;
    if (rps <= 0) continue;
    demand += rps;
    if (loader == kNoComponent || s.last_change_time > status[loader].last_change_time) loader = d.when_down;
  }
  for (const double rps : dynamic_rps_) demand += rps;

  const double p = params_.retry_probability;
  const double offered = demand <= capacity ? demand : (demand - p * capacity) / (1 - p);
  const double availability = capacity <= 0 ? 0.0 : std::min(1.0, capacity / offered);
  const bool availability_changed = availability != availability_;
  const double capacity_before = capacity_rps_;
  const double demand_before = raw_demand_rps_;
  raw_demand_rps_ = demand;
  capacity_rps_ = capacity;
  demand_rps_ = offered;
  availability_ = availability;

  // Starting new capacity needs its start-up dependencies up for the whole delay.
  if (params_.scale_out && !scaled_out_) {
    const bool wanted = demand > capacity;
    const bool can_start = models::evaluate(params_.scale_out->needs, status).state != State::kDown;
    if (wanted && can_start) {
      if (!ctx().engine().is_pending(scale_out_timer_)) {
        scale_out_timer_ = start_timer(params_.scale_out->delay, kScaledOut);
      }
    } else {
      cancel_timer(scale_out_timer_);
    }
  }

  Cause cause;
  State natural;
  if (capacity <= 0) {
    natural = State::kDown;
    cause = Cause{Reason::kCapacityLost, lost_node.blamed, lost_node.trigger};
  } else if (demand > capacity) {
    natural = State::kDegraded;
    cause = any_lost ? Cause{Reason::kThrottled, lost_node.blamed, lost_node.trigger}
                     : Cause{Reason::kThrottled, loader,
                             loader == kNoComponent ? kNoChange : status[loader].last_change};
    cause.value = availability;
  } else if (capacity == capacity_before && demand_before > capacity) {
    // Back within capacity with none added: the demand fell (a surge or recovery traffic ended).
    natural = State::kUp;
    cause = Cause{Reason::kDemandFell, kNoComponent, kNoChange, kNoInjection, demand};
  } else {
    natural = State::kUp;
    cause = Cause{Reason::kCapacityRestored, changed_node.blamed, changed_node.trigger};
  }
  const State before = state();
  publish(natural, cause);
  // Strategies waiting on the API care about the availability even when the state stays the same.
  if (availability_changed) {
    if (state() == before && natural != State::kUp && !forced_down()) ctx().note_change(*this, cause);
    ctx().touch_dependents(id());
  }
}

void ControlPlane::on_forced_change() {
  // Callers read the availability, not only the state: recompute it.
  ctx().schedule_evaluation(id());
}

void ControlPlane::on_timer(std::uint32_t tag) {
  if (tag == kScaledOut) {
    scale_out_timer_ = sim::TimerId{};
    scaled_out_ = true;
  }
  evaluate();  // kDemandStepOver: a source's surge or recovery traffic ended
}

}  // namespace outagesim::models
