// Segment attribution: a sweep over an interval, re-deriving the holder wherever anything it looked at
// changes (an interval boundary of a dependency, the end of a recovery step).
#include "models/results/downtime_segments.hpp"

#include <algorithm>
#include <iterator>
#include <span>
#include <utility>
#include <variant>

namespace outagesim::models {

namespace {

// Needs nest only as deep as the dependency graph; this only guards against a malformed result.
constexpr int kMaxDepth = 64;

Requirement remap(const Requirement& r, std::vector<ComponentId>& leaves) {
  if (r.mode == Requirement::Mode::kComponent) {
    const auto found = std::find(leaves.begin(), leaves.end(), r.component);
    const auto local = static_cast<ComponentId>(found - leaves.begin());
    if (found == leaves.end()) leaves.push_back(r.component);
    return Requirement::of(local);
  }
  Requirement out = r;
  for (Requirement& child : out.children) child = remap(child, leaves);
  return out;
}

// Looking ahead, which evaluate() cannot: an any-of or k-of-n of plain components that is not up ends
// when enough of its members return, so the member whose return ends it (the members returning in the
// order their states end, with no new failures) holds it, rather than the latest to fail. Ties: the first
// written. Nested expressions keep evaluate()'s blame.
// `ends[i]` is when leaf i's current state ends.
void blame_first_return(const Requirement& r, std::span<const ComponentStatus> status,
                        std::span<const sim::Time> ends, Verdict& v) {
  if (r.mode != Requirement::Mode::kAnyOf && r.mode != Requirement::Mode::kKOfN) return;
  const std::uint32_t k = r.mode == Requirement::Mode::kAnyOf ? 1 : r.k;
  std::vector<std::pair<sim::Time, ComponentId>> returns;  // (when its state ends, local leaf)
  for (const Requirement& child : r.children) {
    if (child.mode != Requirement::Mode::kComponent) return;
    const ComponentStatus& s = status[child.component];
    const bool blocks = v.state == State::kDown ? s.state == State::kDown : s.state != State::kUp;
    if (blocks) returns.emplace_back(ends[child.component], child.component);
  }
  const std::size_t fine = r.children.size() - returns.size();  // members not blocking
  if (returns.empty() || fine >= k || k - fine > returns.size()) return;
  std::stable_sort(returns.begin(), returns.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  v.blamed = returns[k - fine - 1].second;
  v.trigger = status[v.blamed].last_change;
}

}  // namespace

DowntimeSegmenter::DowntimeSegmenter(const ScenarioSpec& spec, const RunResult& result)
    : spec_(spec), result_(result) {
  const std::size_t components = spec.components.size();
  functions_.resize(spec.vertex_count() - components, nullptr);
  tenants_.resize(functions_.size(), nullptr);
  for (const TenantSpec& t : spec.tenants) {
    if (t.id >= components && t.id - components < tenants_.size()) tenants_[t.id - components] = &t;
    for (const TenantFunctionSpec& f : t.functions) {
      if (f.id >= components && f.id - components < functions_.size()) {
        functions_[f.id - components] = &f;
        tenants_[f.id - components] = &t;
      }
    }
  }
}

const DowntimeSegmenter::HoldIndex& DowntimeSegmenter::hold_index(ComponentId function) {
  if (const auto found = holds_.find(function); found != holds_.end()) return found->second;
  HoldIndex index;
  for (const StrategyHold& h : result_.strategy(function).holds) {
    if (index.size() <= h.site) index.resize(h.site + 1);
    index[h.site].push_back(&h);
  }
  for (auto& list : index) {
    std::stable_sort(list.begin(), list.end(),
                     [](const StrategyHold* a, const StrategyHold* b) { return a->start < b->start; });
  }
  return holds_.emplace(function, std::move(index)).first->second;
}

const StrategyHold* DowntimeSegmenter::hold_at(const std::vector<const StrategyHold*>& list, sim::Time t,
                                               std::size_t* at) {
  const auto after = std::upper_bound(list.begin(), list.end(), t,
                                      [](sim::Time v, const StrategyHold* h) { return v < h->start; });
  if (after != list.end()) next_ = std::min(next_, (*after)->start);
  if (after == list.begin()) return nullptr;
  const StrategyHold* h = *std::prev(after);
  if (h->end <= t) return nullptr;
  next_ = std::min(next_, h->end);
  if (at != nullptr) *at = static_cast<std::size_t>(std::prev(after) - list.begin());
  return h;
}

DowntimeSegmenter::StrategyLook DowntimeSegmenter::strategy_look(const TenantFunctionSpec& f,
                                                                 const Interval& interval, sim::Time t) {
  const HoldIndex& index = hold_index(f.id);
  if (const auto* aa = std::get_if<ActiveActiveSpec>(&f.strategy.get())) {
    const StrategyHold* hold = active_active_hold(*aa, index, interval, t);
    return {hold, hold != nullptr};
  }
  if (index.empty()) return {};
  const StrategyHold* covering = hold_at(index.front(), t);
  if (covering == nullptr) return {};
  // The strategy's path held the function only when it is what brought the function back.
  const bool failed_over = interval.state == State::kDown && interval.ended < result_.journal.size() &&
                           result_.journal[interval.ended].cause.reason == Reason::kFailover;
  return {covering, failed_over};
}

const StrategyHold* DowntimeSegmenter::active_active_hold(const ActiveActiveSpec& aa, const HoldIndex& index,
                                                          const Interval& interval, sim::Time t) {
  const std::size_t sites = aa.sites.size();
  // The sites not serving at t, each with the end of its spell (its holds are contiguous while it does
  // not serve), and the health checks' hold.
  down_.clear();
  const StrategyHold* checks = index.size() > sites ? hold_at(index[sites], t) : nullptr;
  double capacity = 0;
  for (std::size_t i = 0; i < sites; ++i) {
    std::size_t at = 0;
    const StrategyHold* h = i < index.size() ? hold_at(index[i], t, &at) : nullptr;
    if (h == nullptr) {
      capacity += aa.sites[i].capacity;
      continue;
    }
    sim::Time back = h->end;
    for (std::size_t k = at + 1; k < index[i].size() && index[i][k]->start == back; ++k)
      back = index[i][k]->end;
    down_.push_back(SiteDown{back, h});
  }
  std::stable_sort(down_.begin(), down_.end(),
                   [](const SiteDown& a, const SiteDown& b) { return a.back < b.back; });
  const std::size_t serving = sites - down_.size();
  if (interval.state == State::kDown && !down_.empty()) {
    const std::size_t needed = aa.min_sites > serving ? aa.min_sites - serving : 1;
    return down_[std::min(needed, down_.size()) - 1].hold;
  }
  constexpr double kFull = 1.0 - 1e-9;  // as the strategy decides
  if (capacity < kFull) {
    for (const SiteDown& d : down_) {
      capacity += aa.sites[d.hold->site].capacity;
      if (capacity >= kFull) return d.hold;
    }
    return down_.empty() ? checks : down_.back().hold;
  }
  return checks;
}

void DowntimeSegmenter::strategy_waited(const TenantFunctionSpec& f, StrategyLook& look, sim::Time t) {
  const StrategyHold& hold = *look.hold;
  look.waited = hold.component;
  const Requirement* requirement = nullptr;
  const StrategySpec& spec = f.strategy.get();
  if (const auto* standby = std::get_if<StandbySpec>(&spec)) {
    if (hold.wait == Wait::kStandbyNeeds || hold.wait == Wait::kSiteNeeds) requirement = &standby->needs;
    if (hold.wait == Wait::kFailoverNeeds) requirement = &standby->failover_needs;
  } else if (const auto* aa = std::get_if<ActiveActiveSpec>(&spec)) {
    if (hold.wait == Wait::kSiteDown && hold.site < aa->sites.size())
      requirement = &aa->sites[hold.site].needs;
  }
  if (requirement == nullptr) return;
  auto [it, added] = strategy_needs_.try_emplace({f.id, hold.site, hold.wait});
  if (added) it->second.local = remap(*requirement, it->second.leaves);
  const Verdict v = verdict(it->second, t);
  if (v.state == State::kUp || v.blamed == kNoComponent) return;
  look.waited = v.blamed;
  look.requirement = &it->second;
  look.requirement_state = v.state;
}

DowntimeSegmenter::Look DowntimeSegmenter::look(ComponentId id, sim::Time t) {
  const std::span<const Interval> list = result_.intervals[id];
  // Intervals are in time order and do not overlap, so their ends are ordered too.
  const auto it =
      std::partition_point(list.begin(), list.end(), [t](const Interval& i) { return i.end <= t; });
  Look out;
  if (it != list.end() && it->start <= t) {
    out.state = it->state;
    out.since_change = it->began;
    out.since = it->start;
    out.interval = &*it;
    next_ = std::min(next_, it->end);
    return out;
  }
  if (it != list.begin()) {
    out.since_change = std::prev(it)->ended;
    out.since = std::prev(it)->end;
  }
  if (it != list.end()) next_ = std::min(next_, it->start);
  return out;
}

const StateChange* DowntimeSegmenter::record_at(ComponentId id, sim::Time t) {
  if (records_.empty()) {
    records_.resize(spec_.components.size());
    data_lost_.assign(spec_.components.size(), kNoChange);
    steps_began_.resize(spec_.components.size());
    restartable_.resize(spec_.components.size());
    for (ChangeId c = 0; c < result_.journal.size(); ++c) {
      const StateChange& r = result_.journal[c];
      if (r.component >= records_.size()) continue;
      // Moments (a recovery's start, a room's temperature crossing or its hosts' restartability) are no
      // records of a state or share.
      if (r.cause.reason == Reason::kRecoveryStarted || r.cause.reason == Reason::kRecoveryStopped) {
        steps_began_[r.component].emplace_back(r.time, r.cause.reason == Reason::kRecoveryStarted);
      } else if (r.cause.reason == Reason::kHostsRestartable) {
        restartable_[r.component].emplace_back(r.time, r.cause.value > 0.5);
      } else if (r.cause.reason != Reason::kTemperatureRose && r.cause.reason != Reason::kTemperatureFell) {
        records_[r.component].push_back(c);
        if (r.cause.reason == Reason::kDataLost && data_lost_[r.component] == kNoChange)
          data_lost_[r.component] = c;
      }
    }
  }
  const std::vector<ChangeId>& list = records_[id];
  const auto it = std::partition_point(list.begin(), list.end(),
                                       [&](ChangeId c) { return result_.journal[c].time <= t; });
  if (it != list.end()) next_ = std::min(next_, result_.journal[*it].time);
  return it == list.begin() ? nullptr : &result_.journal[*std::prev(it)];
}

bool DowntimeSegmenter::restartable_at(ComponentId id, sim::Time t) {
  record_at(id, t);  // indexes the journal on first use
  const std::vector<std::pair<sim::Time, bool>>& list = restartable_[id];
  const auto it = std::partition_point(list.begin(), list.end(), [t](const auto& e) { return e.first <= t; });
  if (it != list.end()) next_ = std::min(next_, it->first);
  return it == list.begin() || std::prev(it)->second;
}

ChangeId DowntimeSegmenter::damage_holding(ComponentId id, sim::Time t) {
  record_at(id, t);  // indexes the journal on first use
  const std::vector<ChangeId>& list = records_[id];
  auto it = std::partition_point(list.begin(), list.end(),
                                 [&](ChangeId c) { return result_.journal[c].time <= t; });
  // A batch still to come: the pool is restarting, not short of damaged hosts alone.
  for (auto later = it; later != list.end(); ++later) {
    const StateChange& r = result_.journal[*later];
    if (r.changes_state() && r.to == State::kUp) break;
    if (r.cause.reason == Reason::kRestarted) return kNoChange;
  }
  while (it != list.begin()) {
    const StateChange& r = result_.journal[*--it];
    if (r.changes_state() && r.to == State::kUp) return kNoChange;  // whole since
    if (r.cause.reason == Reason::kHeatDamage || r.cause.reason == Reason::kHostsDestroyed) return *it;
  }
  return kNoChange;
}

bool DowntimeSegmenter::steps_began_at(ComponentId id, sim::Time from, sim::Time t, sim::Time& began) {
  record_at(id, t);  // indexes the journal on first use
  // The latest start or stop at or before t (a stop and a start in one instant: the start, journalled last).
  const std::vector<std::pair<sim::Time, bool>>& list = steps_began_[id];
  const auto it = std::partition_point(list.begin(), list.end(), [t](const auto& e) { return e.first <= t; });
  if (it != list.end()) next_ = std::min(next_, it->first);  // the next start or stop ends the segment
  if (it == list.begin() || std::prev(it)->first < from || !std::prev(it)->second) return false;
  began = std::prev(it)->first;
  return true;
}

const DowntimeSegmenter::Needs* DowntimeSegmenter::needs(ComponentId id, State state) {
  const std::size_t components = spec_.components.size();
  const bool tenant = id >= components && functions_[id - components] == nullptr;
  const std::uint64_t key = std::uint64_t{id} * 2 + (tenant && state == State::kDown ? 1 : 0);
  auto& cache = id < components ? needs_ : tenant_needs_;
  if (const auto found = cache.find(key); found != cache.end()) return &found->second;

  Needs n;
  if (id < components) {
    const ComponentParams& params = spec_.components[id].params;
    if (const auto* service = std::get_if<ServiceParams>(&params)) {
      n.local = remap(service->needs, n.leaves);
      n.steps = &service->recovery;
    } else if (const auto* db = std::get_if<DatabaseParams>(&params); db != nullptr && !db->standby) {
      // A single-site database waits for its primary site, then runs its recovery steps, as a service.
      n.local = remap(db->primary, n.leaves);
      n.steps = &db->recovery;
    } else if (const auto* room = std::get_if<RoomParams>(&params);
               room != nullptr && !room->power.is_empty() && state == State::kDown) {
      // A dark room waits for its power: the feed still down holds it, not the one that failed first (a
      // generator back at 02:00 leaves the breakers holding it until 10:00). A room down with its power
      // back (sprinklers, an operator's power-off) holds itself.
      n.local = remap(room->power, n.leaves);
    } else {
      return nullptr;  // plants, rooms, hosts, databases that switch over: their own processes
    }
  } else if (const TenantFunctionSpec* f = functions_[id - components]; f != nullptr) {
    n.local = remap(f->needs, n.leaves);
    n.steps = &f->recovery;
  } else if (const TenantSpec* t = tenants_[id - components]; t != nullptr) {
    // As the tenant decides: down when every function is down, degraded when any is not up.
    std::vector<Requirement> children;
    for (const TenantFunctionSpec& g : t->functions) children.push_back(Requirement::of(g.id));
    const Requirement all = state == State::kDown ? Requirement::any_of(std::move(children))
                                                  : Requirement::all_of(std::move(children));
    n.local = remap(all, n.leaves);
  } else {
    return nullptr;
  }
  return &cache.emplace(key, std::move(n)).first->second;
}

Verdict DowntimeSegmenter::verdict(const Needs& n, sim::Time t) {
  std::vector<ComponentStatus> status(n.leaves.size());
  std::vector<sim::Time> ends(n.leaves.size(), sim::Time::never());
  for (std::size_t i = 0; i < n.leaves.size(); ++i) {
    const Look l = look(n.leaves[i], t);
    status[i] = ComponentStatus{l.state, l.since_change, l.since, 1.0};
    if (l.interval != nullptr) ends[i] = l.interval->end;
  }
  Verdict v = evaluate(n.local, status);
  if (v.state != State::kUp) blame_first_return(n.local, status, ends, v);
  // A pool names the member that changed last, whichever way (one back while another is still out): what
  // holds it is a member still out, the latest of them to go (cross-command trial: rank gave a pool's
  // time to members that were up, and removing them saved nothing).
  if (v.state != State::kUp && v.blamed != kNoComponent &&
      (status[v.blamed].state == State::kUp ||
       (n.local.mode == Requirement::Mode::kPooled && status[v.blamed].state != State::kDown))) {
    // Down members first (review 13: a member only degraded was named over one wholly down).
    ComponentId out = kNoComponent;
    for (ComponentId i = 0; i < status.size(); ++i) {
      if (status[i].state == State::kUp) continue;
      const bool better =
          out == kNoComponent || (status[i].state == State::kDown && status[out].state != State::kDown) ||
          (status[i].state == status[out].state && status[i].last_change_time > status[out].last_change_time);
      if (better) out = i;
    }
    if (out != kNoComponent) {
      v.blamed = out;
      v.trigger = status[out].last_change;
    }
  }
  if (v.blamed != kNoComponent) v.blamed = n.leaves[v.blamed];
  if (v.capacity_by != kNoComponent) v.capacity_by = n.leaves[v.capacity_by];
  return v;
}

bool DowntimeSegmenter::needs_returned_at(const Needs& n, sim::Time from, sim::Time t, sim::Time& returned) {
  // The needs' state is constant between the boundaries of their leaves' intervals.
  std::vector<sim::Time> points{from};
  for (const ComponentId leaf : n.leaves) {
    for (const Interval& i : result_.intervals[leaf]) {
      if (i.start > t) break;
      if (i.start > from) points.push_back(i.start);
      if (i.end > from && i.end <= t) points.push_back(i.end);
    }
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  const sim::Time keep_next = next_;  // looking back does not bound the segment being built
  bool found = false;
  for (std::size_t i = points.size(); i-- > 0;) {
    if (verdict(n, points[i]).state == State::kDown) {
      found = i + 1 < points.size();
      if (found) returned = points[i + 1];
      break;
    }
  }
  next_ = keep_next;
  return found;
}

DowntimeSegmenter::Hold DowntimeSegmenter::resolve(ComponentId id, sim::Time t, int depth,
                                                   Verdict* verdict_out, StrategyLook* strategy_out) {
  const Look lx = look(id, t);
  // A holder that is up (a strategy's wait on a stock-out or a throttle) holds by its own limit: the
  // change that last brought it back is no cause of that.
  if (lx.state == State::kUp) return Hold{id, nullptr, kNoChange};
  const Hold self{id, nullptr, lx.since_change};
  const std::size_t components = spec_.components.size();
  if (const TenantFunctionSpec* f = id >= components ? functions_[id - components] : nullptr; f != nullptr) {
    StrategyLook strategy = strategy_look(*f, *lx.interval, t);
    if (strategy.holds_function && strategy.hold->component != kNoComponent) strategy_waited(*f, strategy, t);
    if (strategy_out != nullptr && strategy_out->hold == nullptr) *strategy_out = strategy;
    if (strategy.holds_function) {
      // The strategy's wait held the function: a component it needed, followed down as any need, or its
      // own work.
      const ComponentId waited = strategy.waited;
      if (waited >= components || depth >= kMaxDepth) return self;
      return resolve(waited, t, depth + 1, nullptr, nullptr);
    }
    // Active-active replaces the function's own needs by its sites. With no site down and no health
    // checks, the sites serve short of the load by the shares their needs give: held by the need the
    // function's own record names (the one that cut it last), while that need is short. Otherwise (sites
    // that together carry less than the load) the function holds itself.
    if (std::holds_alternative<ActiveActiveSpec>(f->strategy.get())) {
      const ComponentId blamed = lx.since_change < result_.journal.size()
                                     ? result_.journal[lx.since_change].cause.blamed
                                     : kNoComponent;
      if (blamed == kNoComponent || blamed >= components || depth >= kMaxDepth ||
          look(blamed, t).state == State::kUp)
        return self;
      Hold h = resolve(blamed, t, depth + 1, nullptr, nullptr);
      if (depth == 0) h.via = blamed;
      return h;
    }
  }
  // A host pool whose room's power loss stopped it is held by what keeps the room dark; once the room is
  // back, the pool's restart is its own. A pool failed itself, or shed, holds itself.
  if (id < components) {
    const ComponentParams& params = spec_.components[id].params;
    const auto* pool = std::get_if<HostPoolParams>(&params);
    if (pool != nullptr && lx.state == State::kDown && depth < kMaxDepth &&
        lx.since_change < result_.journal.size() &&
        result_.journal[lx.since_change].cause.reason == Reason::kRoomPowerLost &&
        look(pool->room, t).state == State::kDown) {
      return resolve(pool->room, t, depth + 1, nullptr, strategy_out);
    }
    // Its room's power back, but not its cooling: held by what keeps the room short (the plant, from the
    // change that took its capacity), as the pool journalled, not by the power cut before; once the room
    // can take its hosts back, the restart is the pool's own (blind trial K: a plant back at 11:05 held a
    // restart that ran to 12:35).
    if (pool != nullptr && lx.state == State::kDown) {
      if (const StateChange* r = record_at(id, t); r != nullptr &&
                                                   r->cause.reason == Reason::kAwaitingCooling &&
                                                   r->cause.blamed != kNoComponent && r->cause.blamed != id) {
        if (!restartable_at(pool->room, t)) return Hold{r->cause.blamed, nullptr, r->cause.trigger};
        return self;
      }
      // Its room could take it back, but the operators' power_off holds it: its own hold, by that choice,
      // whatever set the power_off off. Only while the room could: a room gone dark (or too hot) since
      // holds it, whatever the operators also want (blind trial O: powered off as the hall rode on its
      // UPS, the pool blamed the operators for the four hours the hall was dark).
      if (const StateChange* r = record_at(id, t); r != nullptr && r->cause.reason == Reason::kHeldOff) {
        if (!restartable_at(pool->room, t) && look(pool->room, t).state != State::kUp && depth < kMaxDepth)
          return resolve(pool->room, t, depth + 1, nullptr, strategy_out);
        return Hold{id, nullptr, static_cast<ChangeId>(r - result_.journal.data())};
      }
    }
    // Back but for damaged hosts: held by the finding (the heat that damaged them, or the action that
    // destroyed them), not by the restart that brought the rest back.
    if (pool != nullptr && lx.state == State::kDegraded) {
      if (const ChangeId found = damage_holding(id, t); found != kNoChange) return Hold{id, nullptr, found};
    }
    // A dark room waits for its power only while power is what keeps it dark, as its own record says: one
    // powered off by an operator, or wet from its sprinklers, holds itself whatever its feeds do meanwhile.
    if (std::holds_alternative<RoomParams>(params) && lx.state == State::kDown) {
      const StateChange* r = record_at(id, t);
      if (r == nullptr) return self;
      // Failed, flooded or switched off since it went dark: held by that, from then on (a fail repaired
      // in the dark leaves the power holding it again).
      if (r->cause.reason != Reason::kPowerLost && r->cause.reason != Reason::kRepaired)
        return Hold{id, nullptr, static_cast<ChangeId>(r - result_.journal.data())};
    }
  }
  // Storage whose data is gone for good holds itself by that, whatever its needs do and whatever was
  // journalled on it since (review 13: a fail after the loss handed the storage to its hosts).
  if (lx.state == State::kDown && id < components) {
    record_at(id, t);  // indexes the journal on first use
    if (const ChangeId lost = data_lost_[id]; lost != kNoChange && result_.journal[lost].time <= t)
      return Hold{id, nullptr, lost};
  }
  const Needs* n = needs(id, lx.state);
  if (n == nullptr) return self;
  const Verdict v = verdict(*n, t);
  if (verdict_out != nullptr) *verdict_out = v;
  // Recovery steps run after needs that were down return (for a service, once it serves again: its needs
  // back, and its share, as it journalled), and hold the vertex down while they run.
  if (lx.state == State::kDown && n->steps != nullptr && !n->steps->empty() && v.state != State::kDown) {
    sim::Time returned;
    // Services and single-site databases journal when their steps begin (a loss of share changes no
    // state of their needs).
    const bool service =
        id < components && (std::holds_alternative<ServiceParams>(spec_.components[id].params) ||
                            std::holds_alternative<DatabaseParams>(spec_.components[id].params));
    if (service ? steps_began_at(id, lx.interval->start, t, returned)
                : needs_returned_at(*n, lx.interval->start, t, returned)) {
      sim::Time at = returned;
      for (const RecoveryStep& step : *n->steps) {
        const sim::Time step_end = at + step.time();
        if (t < step_end) {
          next_ = std::min(next_, step_end);
          return Hold{id, &step, lx.since_change};
        }
        at = step_end;
      }
    }
  }
  // A service whose needs serve, out of up by the share they give (below its down_below or
  // degraded_below): held by the need that gives the smallest share, as its own record says, not by the
  // latest to change (a need back at 99 % does not hold a storage that another at 97.6 % keeps below 98 %);
  // by itself when its own share is what is short.
  if (id < components && v.state != State::kDown) {
    // Unless that need is whole again while the service stays short: its record keeps naming the first of
    // two needs that lost the same share, but from that need's return the other holds it (blind trial N).
    if (const StateChange* r = record_at(id, t);
        r != nullptr && r->cause.reason == Reason::kPartialCapacity &&
        !(r->cause.blamed != kNoComponent && r->cause.blamed != id && v.blamed != kNoComponent &&
          v.blamed != r->cause.blamed && look(r->cause.blamed, t).state == State::kUp)) {
      if (r->cause.blamed == kNoComponent || r->cause.blamed == id || depth >= kMaxDepth) return self;
      Hold h = resolve(r->cause.blamed, t, depth + 1, nullptr, strategy_out);
      if (depth == 0) h.via = r->cause.blamed;
      return h;
    }
  }
  if (v.state == State::kUp || v.blamed == kNoComponent || depth >= kMaxDepth) return self;
  return resolve(v.blamed, t, depth + 1, nullptr, strategy_out);
}

std::vector<DowntimeSegment> DowntimeSegmenter::segments(ComponentId vertex, const Interval& interval) {
  tenant_needs_.clear();
  std::vector<DowntimeSegment> out;
  sim::Time t = interval.start;
  const std::size_t components = spec_.components.size();
  while (t < interval.end) {
    next_ = interval.end;
    Verdict v;
    StrategyLook strategy;
    const Hold h = resolve(vertex, t, 0, &v, &strategy);
    DowntimeSegment s;
    s.start = t;
    s.holder = h.holder;
    s.step = h.step;
    s.cause_change = h.cause_change;
    s.strategy = strategy.hold;
    s.strategy_held = strategy.holds_function;
    if (h.holder == vertex) {
      s.via = vertex;
    } else if (h.via != kNoComponent) {
      s.via = h.via;
    } else if (strategy.holds_function && vertex >= components &&
               functions_[vertex - components] != nullptr) {
      s.via = strategy.waited;  // the function's strategy waited on it
    } else {
      s.via = v.blamed;
    }
    s.time_of = s.holder >= components ? TimeOf::kTenant : TimeOf::kProvider;
    if (s.strategy_held && s.holder >= components && functions_[s.holder - components] != nullptr &&
        s.strategy != nullptr && s.strategy->wait != Wait::kSiteRecovery &&
        s.strategy->wait != Wait::kSiteRejoining) {
      // The strategy's procedure (detection, decision, switchover) while the primary deployment's needs
      // are down works around the provider's outage at the tenant's pace: neither the provider's time
      // alone (a slower detection would add to it) nor the tenant's alone (a faster failover would read
      // as its doing). Its own recovery steps on the new site stay its own time.
      if (const Needs* n = needs(s.holder, State::kDown);
          n != nullptr && verdict(*n, t).state == State::kDown)
        s.time_of = TimeOf::kFailover;
    }
    s.end = next_ > t ? std::min(next_, interval.end) : interval.end;
    if (strategy.holds_function && strategy.requirement != nullptr) {
      // The other members of the strategy's requirement that held it as well.
      for (const ComponentId leaf : strategy.requirement->leaves) {
        if (leaf != s.via && look(leaf, t).state >= strategy.requirement_state) s.parallel.push_back(leaf);
      }
    } else if (s.via == v.blamed && s.holder != vertex && v.state != State::kUp) {
      const Needs* n = needs(vertex, interval.state);
      for (const ComponentId leaf : n->leaves) {
        if (leaf != s.via && look(leaf, t).state >= v.state) s.parallel.push_back(leaf);
      }
    }
    t = s.end;
    if (!out.empty()) {
      DowntimeSegment& last = out.back();
      if (last.via == s.via && last.holder == s.holder && last.step == s.step &&
          last.cause_change == s.cause_change && last.strategy == s.strategy &&
          last.strategy_held == s.strategy_held && last.time_of == s.time_of) {
        last.end = s.end;
        last.parallel.insert(last.parallel.end(), s.parallel.begin(), s.parallel.end());
        std::sort(last.parallel.begin(), last.parallel.end());
        last.parallel.erase(std::unique(last.parallel.begin(), last.parallel.end()), last.parallel.end());
        continue;
      }
    }
    std::sort(s.parallel.begin(), s.parallel.end());
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace outagesim::models
