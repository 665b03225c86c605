// Counting serving sites and their capacity.
#include "models/strategies/active_active.hpp"

#include <algorithm>
#include <iterator>

#include "models/core/model_context.hpp"

namespace outagesim::models {

ActiveActive::ActiveActive(const ActiveActiveSpec& spec)
    : spec_(spec),
      serving_(spec.sites.size(), true),
      noticed_at_(spec.sites.size()),
      open_holds_(spec.sites.size() + 1) {
  for (std::size_t i = 0; i < spec.sites.size(); ++i) {
    sites_.emplace_back(spec_.sites[i].needs, spec_.sites[i].recovery,
                        kSiteTagBase + static_cast<std::uint32_t>(i));
  }
  for (std::size_t i = 0; i < spec.sites.size(); ++i) {
    std::vector<ComponentId> leaves;
    spec.sites[i].needs.collect_components(leaves);
    std::sort(leaves.begin(), leaves.end());
    leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
    if (i == 0) {
      shared_needs_ = std::move(leaves);
    } else {
      std::vector<ComponentId> both;
      std::set_intersection(shared_needs_.begin(), shared_needs_.end(), leaves.begin(), leaves.end(),
                            std::back_inserter(both));
      shared_needs_ = std::move(both);
    }
  }
  if (spec.sites.size() < 2) shared_needs_.clear();  // one site: its own needs say it all
}

RecoverySequence::Outcome ActiveActive::decide(StrategyContext& sc, const RecoverySequence::Outcome&) {
  for (RecoverySequence& site : sites_) site.update(sc.ctx, sc.handler);
  return combine(sc);
}

RecoverySequence::Outcome ActiveActive::on_timer(StrategyContext& sc, std::uint32_t tag,
                                                 const RecoverySequence::Outcome&) {
  if (tag == kDetectionTag) {
    detection_timer_ = sim::TimerId{};
    detection_due_ = sim::Time::never();
  } else {
    sites_[tag - kSiteTagBase].on_step_done(sc.ctx, sc.handler);
  }
  return combine(sc);
}

RecoverySequence::Outcome ActiveActive::combine(StrategyContext& sc) {
  std::uint32_t serving = 0;
  double capacity = 0;
  // The site that changed last among those down (blamed for a loss) and among those serving (blamed
  // for a return).
  Cause lost;
  Cause returned;
  sim::Time lost_at;
  sim::Time returned_at;
  bool newly_lost = false;
  ComponentId noticed = kNoComponent;  // what a site the health checks notice now lost
  bool noticed_now = false;
  bool serving_worse = false;  // some serving site's needs are degraded for more than a lost share
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    const RecoverySequence::Outcome& o = sites_[i].outcome();
    const bool up_now = o.state != State::kDown;
    const sim::Time at =
        o.cause.blamed == kNoComponent ? sim::Time() : sc.ctx.status(o.cause.blamed).last_change_time;
    if (up_now) {
      ++serving;
      // A site carries its share of the load as far as what it needs serves: a site whose compute lost
      // 70 % of its nodes carries 30 % of its share. Needs that read up carry it whole: a service up by its
      // own `degraded_below` (a few damaged hosts of a hall) has said the share it lost does not matter.
      const Verdict& needs = sites_[i].verdict();
      capacity += spec_.sites[i].capacity * (needs.state == State::kUp ? 1.0 : std::min(1.0, needs.capacity));
      // Degraded for more than a lost share (a slow volume, a hall over its alarm): the requests it serves
      // are served worse, whatever the other sites carry (user trial: two sites on one slow volume read as
      // never degraded).
      serving_worse = serving_worse || (needs.state == State::kDegraded && needs.degraded_whole);
      if (returned.blamed == kNoComponent || at > returned_at) {
        returned = o.cause;
        returned_at = at;
      }
    } else {
      if (lost.blamed == kNoComponent || at > lost_at) {
        lost = o.cause;
        lost_at = at;
      }
      if (serving_[i]) noticed_at_[i] = sc.ctx.now() + spec_.detection;
      // Noticed now: by the detection timer, or by whatever else looks at the function at that instant.
      if (!serving_[i] && noticed_at_[i] == sc.ctx.now()) {
        noticed = o.cause.blamed;
        noticed_now = true;
      }
      newly_lost = newly_lost || serving_[i];
    }
    serving_[i] = up_now;
    if (up_now) {
      hold(i, kNoComponent, Wait::kNothing, {}, sc.ctx.now());
    } else if (const RecoveryStep* step = sites_[i].current_step()) {
      hold(i, kNoComponent, Wait::kSiteRejoining, step->name, sc.ctx.now());
    } else {
      hold(i, o.cause.blamed, Wait::kSiteDown, {}, sc.ctx.now());
    }
  }
  // Until the health checks notice a failed site, some requests still go to it; a site back before they
  // noticed, or noticed already, sends none astray. Each lost site is noticed `detection` after it failed;
  // the timer wakes the function at the next of those still to come.
  sim::Time next_notice = sim::Time::never();
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    if (!serving_[i] && noticed_at_[i] > sc.ctx.now()) next_notice = std::min(next_notice, noticed_at_[i]);
  }
  const bool misrouting = !next_notice.is_never();
  if (next_notice != detection_due_) {
    sc.ctx.engine().cancel(detection_timer_);
    detection_timer_ =
        misrouting ? sc.ctx.engine().start_timer_at(next_notice, sc.handler, kDetectionTag) : sim::TimerId{};
    detection_due_ = next_notice;
  }
  hold(sites_.size(), kNoComponent, misrouting ? Wait::kHealthChecks : Wait::kNothing, {}, sc.ctx.now());

  // A need every site shares serves them all together: the sites carry no more than its share, and what
  // it serves worse, they serve worse (user trial: two sites on one volume losing 40 % carried it all).
  ComponentId capped_by = kNoComponent;
  for (const ComponentId c : shared_needs_) {
    const ComponentStatus& s = sc.ctx.status(c);
    if (s.state != State::kDegraded) continue;
    if (s.capacity < capacity) {
      capacity = s.capacity;
      capped_by = c;
    }
    serving_worse = serving_worse || s.degraded_beyond_share;
  }
  // Books: how long the surviving sites could not carry the load.
  const bool short_of_capacity = serving < spec_.min_sites || capacity < 1.0 - 1e-9;
  if (short_of_capacity && !short_since_) {
    short_since_ = sc.ctx.now();
    short_blame_ = lost.blamed != kNoComponent ? lost.blamed : capped_by;
  } else if (!short_of_capacity && short_since_) {
    close_short_spell(sc.ctx.now());
  }

  if (serving < spec_.min_sites) return {State::kDown, Cause{Reason::kDependency, lost.blamed, lost.trigger}};
  const Cause why = newly_lost || lost_at > returned_at ? lost : returned;
  if (capacity < 1.0 - 1e-9 || misrouting || serving_worse) {
    return {State::kDegraded, Cause{Reason::kDependency, why.blamed, why.trigger}};
  }
  // Back to full service because the checks noticed the last lost site, not because anything returned:
  // blaming the latest return would name a site that never failed, or an earlier, unrelated repair.
  if (noticed_now) return {State::kUp, Cause{Reason::kTrafficSteered, noticed, kNoChange}};
  return {State::kUp, Cause{Reason::kDependency, returned.blamed, returned.trigger}};
}

void ActiveActive::close_short_spell(sim::Time now) {
  const sim::Time spell = now - *short_since_;
  if (spell > result_.limited_for) {
    result_.limited_for = spell;
    result_.limited_by = short_blame_;
    result_.limitation = Wait::kTooFewSites;
  }
  short_since_.reset();
}

void ActiveActive::hold(std::size_t i, ComponentId component, Wait wait, std::string_view step,
                        sim::Time now) {
  if (!record_holds_) return;
  std::optional<StrategyHold>& open = open_holds_[i];
  if (open && open->component == component && open->wait == wait && open->step == step) return;
  if (open && now > open->start) {
    open->end = now;
    result_.holds.push_back(std::move(*open));
  }
  open.reset();
  if (wait != Wait::kNothing)
    open = StrategyHold{now, now, component, wait, std::string(step), static_cast<std::uint32_t>(i)};
}

void ActiveActive::finish(StrategyContext& sc) {
  if (short_since_) close_short_spell(sc.ctx.now());
  for (std::size_t i = 0; i < open_holds_.size(); ++i)
    hold(i, kNoComponent, Wait::kNothing, {}, sc.ctx.now());
}

}  // namespace outagesim::models
