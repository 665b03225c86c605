// The machine-readable result of one run (documented in docs/results-json.md).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/results/cause_chain.hpp"
#include "models/results/downtime_segments.hpp"
#include "models/results/heat_damage_findings.hpp"
#include "models/results/milestone_check.hpp"
#include "models/results/sla_credit.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/cause_text.hpp"
#include "reports/clock_format.hpp"
#include "reports/result_header.hpp"
#include "reports/run_report.hpp"

namespace outagesim::reports {

namespace m = outagesim::models;
using Json = nlohmann::ordered_json;

namespace {

// The journal records cause chains reach, each marked once: the "changes" table names every link once,
// however many tenants' chains share it (a zone's fault is in every tenant's chain of that zone).
class ChangeMarks {
 public:
  explicit ChangeMarks(const m::RunResult& result) : result_(result), marked_(result.journal.size(), false) {}

  // Marks `change` and its triggers back to the root, stopping at the first already marked.
  void mark_chain(m::ChangeId change) {
    while (change < marked_.size() && !marked_[change]) {
      marked_[change] = true;
      const m::ChangeId next = result_.journal[change].cause.trigger;
      if (next >= change) break;  // only earlier changes can be causes
      change = next;
    }
  }
  bool marked(m::ChangeId change) const { return marked_[change]; }
  // Adds the marks of another writer of the same run's tenants.
  void merge(const ChangeMarks& other) {
    for (std::size_t i = 0; i < marked_.size(); ++i) {
      if (other.marked_[i]) marked_[i] = true;
    }
  }
  std::size_t size() const { return marked_.size(); }

 private:
  const m::RunResult& result_;
  std::vector<bool> marked_;
};

// Writes tenants, components and the "changes" table member by member into the stream, with no tree: a
// million tenants are most of a report, and a tree per tenant was most of its time.
class RecordWriter {
 public:
  RecordWriter(JsonStream& out, const m::ScenarioSpec& spec, const m::RunResult& result,
               CauseDescriber& causes, ChangeMarks* marks, m::DowntimeSegmenter* segmenter)
      : out_(out), spec_(spec), result_(result), causes_(causes), marks_(marks), segmenter_(segmenter) {}

  void tenant(const m::TenantSpec& t) {
    const Totals totals = totals_of(t.id);
    out_.begin_object();
    member_string("name", t.name);
    member_integer("downtime_s", totals.down_s);
    member_integer("degraded_s", totals.degraded_s);
    out_.key("availability");
    out_.real(1.0 - static_cast<double>(totals.down_s) / spec_.horizon.to_seconds());
    if (t.sla) {
      const m::SlaSpec& sla = spec_.slas[*t.sla];
      const m::SlaCredit c = m::sla_credit(sla, result_.downtime(t.id));
      out_.key("sla");
      out_.begin_object();
      member_string("name", sla.name);
      out_.key("availability_pct");
      out_.real(c.availability_pct);
      out_.key("credit_pct");
      out_.real(c.credit_pct);
      out_.end();
    }
    intervals("intervals", t.id, m::State::kDown, false);
    intervals("degraded_intervals", t.id, m::State::kDegraded, false);
    out_.key("functions");
    out_.begin_array();
    for (const m::TenantFunctionSpec& f : t.functions) {
      const Totals ft = totals_of(f.id);
      out_.begin_object();
      member_string("name", f.name);
      member_integer("downtime_s", ft.down_s);
      member_integer("degraded_s", ft.degraded_s);
      // The work its strategy's site did not have when it served from it (0: none, or never served there).
      const m::StrategyResult& strategy = result_.strategy(f.id);
      member_integer("data_lost_s",
                     strategy.served_by_alternative ? strategy.data_loss.floor_seconds() : std::int64_t{0});
      if (marks_ != nullptr) {  // a summary gives a function's totals only
        intervals("intervals", f.id, m::State::kDown, true);
        intervals("degraded_intervals", f.id, m::State::kDegraded, true);
      }
      out_.end();
    }
    out_.end();
    out_.end();
  }

  // One record of the journal, as the "changes" table lists it.
  void change(m::ChangeId id) {
    const m::StateChange& c = result_.journal[id];
    const m::ChangeId trigger = c.cause.trigger;
    out_.begin_object();
    member_integer("id", id);
    member_string("component", name_of(c.component));
    member_string("state", m::state_name(c.to));
    member_integer("at_s", c.time.floor_seconds());
    member_string("at", iso(c.time));
    member_string("reason", m::reason_name(c.cause.reason));
    member_string("detail", describe_reason(spec_, result_, c));
    out_.key("trigger");
    if (trigger < id) {
      out_.integer(trigger);
    } else {
      out_.null();
    }
    out_.end();
  }

  // A component of the region: its totals and every interval (down or degraded), with its cause.
  void component(m::ComponentId id) {
    const m::ComponentSpec& c = spec_.components[id];
    const Totals totals = totals_of(id);
    out_.begin_object();
    member_string("name", c.name);
    member_string("kind", m::kind_name(c.kind));
    member_string("zone", c.zone);
    member_integer("downtime_s", totals.down_s);
    member_integer("degraded_s", totals.degraded_s);
    out_.key("intervals");
    out_.begin_array();
    for (const m::Interval& i : result_.intervals[id]) {
      out_.begin_object();
      interval_span(i);
      member_string("cause", causes_.describe(i.began));
      out_.end();
    }
    out_.end();
    out_.end();
  }

 private:
  struct Totals {
    std::int64_t down_s = 0;
    std::int64_t degraded_s = 0;
  };

  Totals totals_of(m::ComponentId id) const {
    Totals t;
    for (const m::Interval& i : result_.intervals[id]) {
      (i.state == m::State::kDown ? t.down_s : t.degraded_s) +=
          i.end.floor_seconds() - i.start.floor_seconds();
    }
    return t;
  }

  void member_string(std::string_view key, std::string_view value) {
    out_.key(key);
    out_.string(value);
  }
  // A vertex's name in this writer's buffer, valid until the next call: no string made per name.
  std::string_view name_of(m::ComponentId id) {
    name_.clear();
    m::append_vertex_name(name_, spec_, id);
    return name_;
  }
  void member_integer(std::string_view key, std::int64_t value) {
    out_.key(key);
    out_.integer(value);
  }

  // The members every interval begins with: its state, and its ends in seconds and as local times.
  void interval_span(const m::Interval& i) {
    member_string("state", m::state_name(i.state));
    member_integer("start_s", i.start.floor_seconds());
    member_integer("end_s", i.end.floor_seconds());
    member_string("start", iso(i.start));
    member_string("end", iso(i.end));
  }

  // A vertex's intervals in `state`. With marks, each names the journal records that began and ended it
  // (their chains are marked for the "changes" table); with `segmented` too, each is split into segments
  // by the cause that held it.
  void intervals(std::string_view key, m::ComponentId id, m::State state, bool segmented) {
    out_.key(key);
    out_.begin_array();
    for (const m::Interval& i : result_.intervals[id]) {
      if ((i.state == m::State::kDown) != (state == m::State::kDown)) continue;
      out_.begin_object();
      interval_span(i);
      out_.key("open_at_horizon");
      out_.boolean(i.ended == m::kNoChange);
      member_string("cause", causes_.describe(i.began));
      if (i.ended != m::kNoChange)
        member_string("ended_by", describe_reason(spec_, result_, result_.journal[i.ended]));
      if (marks_ != nullptr) {
        member_integer("cause_change", i.began);
        marks_->mark_chain(i.began);
        if (i.ended != m::kNoChange) {
          member_integer("end_change", i.ended);
          marks_->mark_chain(i.ended);
        }
        if (segmented && segmenter_ != nullptr) segments(id, i);
      }
      out_.end();
    }
    out_.end();
  }

  // The segments of a tenant function's interval: which cause held each part of it.
  void segments(m::ComponentId id, const m::Interval& interval) {
    out_.key("segments");
    out_.begin_array();
    for (const m::DowntimeSegment& s : segmenter_->segments(id, interval)) {
      out_.begin_object();
      member_integer("start_s", s.start.floor_seconds());
      member_integer("end_s", s.end.floor_seconds());
      member_string("start", iso(s.start));
      member_string("end", iso(s.end));
      member_string("holder", name_of(s.holder));
      if (s.step != nullptr) member_string("step", s.step->name);
      member_string("via", name_of(s.via));
      member_string("time_of", s.time_of == m::TimeOf::kTenant     ? "tenant"
                               : s.time_of == m::TimeOf::kFailover ? "failover"
                                                                   : "provider");
      out_.key("cause_change");
      if (s.cause_change == m::kNoChange) {
        out_.null();
      } else {
        out_.integer(s.cause_change);
        marks_->mark_chain(s.cause_change);
      }
      if (s.strategy != nullptr) {
        // What the function's strategy waited on then; `held`: that is what held the function.
        out_.key("strategy");
        out_.begin_object();
        member_string("wait", describe_wait(s.strategy->wait, s.strategy->step));
        // What it waited on: when it held the function, the member of its requirement the segment followed.
        if (s.strategy->component != m::kNoComponent)
          member_string("component", name_of(s.strategy_held ? s.via : s.strategy->component));
        if (!s.strategy->step.empty()) member_string("step", s.strategy->step);
        // An active-active site, numbered from 1 as explain says it (its health checks have none).
        if (s.strategy->wait == m::Wait::kSiteDown || s.strategy->wait == m::Wait::kSiteRejoining)
          member_integer("site", s.strategy->site + 1);
        out_.key("held");
        out_.boolean(s.strategy_held);
        out_.end();
      }
      if (!s.parallel.empty()) {
        out_.key("parallel");
        out_.begin_array();
        for (const m::ComponentId p : s.parallel) out_.string(name_of(p));
        out_.end();
      }
      out_.end();
    }
    out_.end();
  }

  // Local times repeat across tenants (a zone's fault takes them all down at one instant), so each is
  // formatted once.
  const std::string& iso(sim::Time t) {
    auto [it, added] = iso_.try_emplace(t.floor_seconds());
    if (added) it->second = local_iso(spec_, t);
    return it->second;
  }

  JsonStream& out_;
  const m::ScenarioSpec& spec_;
  const m::RunResult& result_;
  CauseDescriber& causes_;
  ChangeMarks* marks_;
  m::DowntimeSegmenter* segmenter_;
  std::unordered_map<std::int64_t, std::string> iso_;
  std::string name_;  // name_of()'s buffer
};

// Temperatures to the millidegree: enough to calibrate with, short enough to read.
double rounded_c(double c) {
  return std::round(c * 1000.0) / 1000.0;
}

Json rooms_json(const m::ScenarioSpec& spec, const m::RunResult& result) {
  Json rooms = Json::array();
  for (const m::RoomTrace& r : result.rooms) {
    Json thresholds = Json::array();
    for (const m::NamedThreshold& t : r.thresholds) thresholds.push_back(Json{{"name", t.name}, {"c", t.c}});
    Json crossings = Json::array();
    for (const m::ThresholdCrossing& x : r.crossings) {
      const m::NamedThreshold& t = r.thresholds[x.threshold];
      crossings.push_back(Json{{"threshold", t.name},
                               {"c", t.c},
                               {"direction", x.rising ? "rising" : "falling"},
                               {"at_s", x.at.floor_seconds()},
                               {"at", local_iso(spec, x.at)}});
    }
    Json samples = Json::array();
    for (const m::TemperatureSample& sample : r.samples) samples.push_back(rounded_c(sample.c));
    rooms.push_back(
        Json{{"name", spec.components[r.room].name},
             {"peak_c", rounded_c(r.peak_c)},
             {"peak_at_s", r.peak_at.floor_seconds()},
             {"peak_at", local_iso(spec, r.peak_at)},
             {"thresholds", std::move(thresholds)},
             {"crossings", std::move(crossings)},
             {"trace", Json{{"every_s", m::kTraceSampleEvery.floor_seconds()}, {"c", std::move(samples)}}}});
  }
  return rooms;
}

// What follows the tenants, components and changes: rooms, injections, repairs, milestones and the
// counts. Small whatever the number of tenants, so built whole.
Json run_tail_json(const m::ScenarioSpec& spec, const m::RunResult& result) {
  Json doc = Json::object();
  doc["rooms"] = rooms_json(spec, result);
  Json damage = Json::array();
  for (const m::HeatDamageFinding& f : m::heat_damage_findings(result)) {
    const bool whole = !f.whole_again.is_never();
    damage.push_back(Json{
        {"pool", spec.components[f.pool].name},
        {"hosts", f.hosts},
        {"by", f.destroyed_by == m::kNoInjection ? Json("heat")
                                                 : Json(describe_injection(spec, f.destroyed_by, f.found))},
        {"found_s", f.found.floor_seconds()},
        {"found", local_iso(spec, f.found)},
        {"whole_again_s", whole ? Json(f.whole_again.floor_seconds()) : Json()},
        {"whole_again", whole ? Json(local_iso(spec, f.whole_again)) : Json()}});
  }
  doc["heat_damage"] = std::move(damage);

  // In the order they happened (a triggered one when its trigger fired, plus its delay); those that
  // never happened last, in file order.
  std::vector<m::InjectionId> order(spec.injections.size());
  for (m::InjectionId i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](m::InjectionId a, m::InjectionId b) {
    return result.injection_applied_at[a] < result.injection_applied_at[b];
  });
  Json injections = Json::array();
  for (const m::InjectionId i : order) {
    const m::InjectionSpec& inj = spec.injections[i];
    const sim::Time at = result.injection_applied_at[i];
    injections.push_back(Json{{"at_s", at.is_never() ? Json() : Json(at.floor_seconds())},
                              {"at", at.is_never() ? Json() : Json(local_iso(spec, at))},
                              {"triggered", !inj.when.empty()},
                              {"type", inj.is_fault ? "fault" : "operator_action"},
                              {"action", m::action_name(inj.action)},
                              {"target", spec.components[inj.target].name},
                              {"note", inj.note},
                              {"had_effect", static_cast<bool>(result.injection_had_effect[i])}});
    if (inj.each) {
      // A standing policy: every time it acted (`at` is the first).
      Json times = Json::array();
      if (i < result.injection_applications.size()) {
        for (const sim::Time t : result.injection_applications[i]) times.push_back(local_iso(spec, t));
      }
      injections.back()["each"] = std::move(times);
    }
    if (i < result.injection_cancellations.size() && !result.injection_cancellations[i].empty()) {
      // Called off while pending, by one of its cancel_when triggers.
      Json calls = Json::array();
      for (const m::Cancellation& c : result.injection_cancellations[i]) {
        calls.push_back(Json{{"at_s", c.at.floor_seconds()},
                             {"at", local_iso(spec, c.at)},
                             {"trigger", c.trigger},
                             {"applications", c.applications}});
      }
      injections.back()["cancelled"] = std::move(calls);
    }
  }
  doc["injections"] = std::move(injections);

  const auto time_or_null = [&](sim::Time t) { return t.is_never() ? Json() : Json(local_iso(spec, t)); };
  Json repairs = Json::array();
  for (std::size_t r = 0; r < spec.repairs.size(); ++r) {
    const m::RepairSpec& repair = spec.repairs[r];
    const m::RepairRecord& record = result.repairs[r];
    Json stages = Json::array();
    for (std::size_t s = 0; s < repair.stages.size(); ++s) {
      const m::StageSpec& stage = repair.stages[s];
      const m::StageRecord& sr = record.stages[s];
      stages.push_back(Json{{"name", stage.name},
                            {"crew", stage.crew ? Json(spec.crews[*stage.crew].name) : Json()},
                            {"people", stage.people},
                            {"people_held", sr.people > 0 ? Json(sr.people) : Json()},
                            {"ready", time_or_null(sr.ready)},
                            {"began", time_or_null(sr.began)},
                            {"ended", time_or_null(sr.ended)},
                            {"interruptions", sr.interruptions}});
    }
    repairs.push_back(Json{{"name", repair.name},
                           {"started", time_or_null(record.started)},
                           {"ended", time_or_null(record.ended)},
                           {"stages", std::move(stages)}});
    if (!record.cancelled.is_never()) {
      repairs.back()["cancelled"] = local_iso(spec, record.cancelled);
      repairs.back()["cancelled_by"] = record.cancelled_by;
    }
  }
  doc["repairs"] = std::move(repairs);
  Json crews = Json::array();
  for (std::size_t c = 0; c < spec.crews.size() && c < result.crews.size(); ++c) {
    crews.push_back(Json{{"name", spec.crews[c].name},
                         {"people", spec.crews[c].max_headcount()},
                         {"most_at_work", result.crews[c].most_at_work},
                         {"waited_s", result.crews[c].queued.floor_seconds()}});
  }
  doc["crews"] = std::move(crews);

  Json milestones = Json::array();
  const std::vector<m::MilestoneResult> checked = m::check_milestones(spec, result);
  for (const m::MilestoneResult& r : checked) {
    const m::MilestoneSpec& ms = *r.milestone;
    Json j{{"name", ms.name}, {"component", m::vertex_name(spec, ms.component)}};
    if (ms.max_downtime) {
      j["max_downtime_s"] = ms.max_downtime->floor_seconds();
      j["downtime_s"] = r.simulated ? Json(r.simulated->floor_seconds()) : Json();
    } else if (ms.not_up_at) {
      j["not_up_at"] = local_iso(spec, *ms.not_up_at);
      j["state_at"] = m::state_name(r.state_at);
    } else {
      j["public"] = ms.expected ? Json(local_iso(spec, *ms.expected)) : Json();
      j["simulated"] = r.simulated ? Json(local_iso(spec, *r.simulated)) : Json();
      j["difference_s"] = r.difference ? Json(r.difference->floor_seconds()) : Json();
      j["tolerance_s"] = ms.tolerance.floor_seconds();
    }
    j["passed"] = r.passed;
    j["source"] = ms.source;
    j["class"] = m::basis_name(ms.basis);
    j["depends_on"] = ms.depends_on;
    milestones.push_back(std::move(j));
  }
  doc["milestones"] = std::move(milestones);
  Json summary = Json::object();
  for (const auto basis : {m::MilestoneSpec::Basis::kPredicted, m::MilestoneSpec::Basis::kCalibrated,
                           m::MilestoneSpec::Basis::kInput}) {
    const m::BasisSummary s = m::summarize(checked, basis);
    summary[std::string(m::basis_name(basis))] =
        Json{{"count", s.count},
             {"happened", s.happened},
             {"within_tolerance", s.within_tolerance},
             {"median_abs_error_s", s.median_abs_error && *s.median_abs_error != sim::Time::never()
                                        ? Json(s.median_abs_error->floor_seconds())
                                        : Json()},
             {"median_never", s.median_abs_error == sim::Time::never()},
             {"checks", s.checks},
             {"checks_held", s.checks_held}};
  }
  doc["milestone_summary"] = std::move(summary);
  Json calibrated = Json::array();
  for (const m::CalibrationSpec& c : spec.calibrated) {
    calibrated.push_back(Json{{"parameter", c.parameter},
                              {"value", c.value},
                              {"fitted_to", spec.milestones[c.fitted_to].name},
                              {"note", c.note}});
  }
  doc["calibrated"] = std::move(calibrated);
  doc["stats"] = Json{{"events", result.events},
                      {"evaluations", result.evaluations},
                      {"state_changes", result.state_changes()},
                      {"journal_records", result.journal.size()}};
  return doc;
}

// A writer with caches of its own (causes in words, segments, local times), for a second thread.
struct WriterKit {
  WriterKit(JsonStream& out, const m::ScenarioSpec& spec, const m::RunResult& result, ChangeMarks* marks,
            bool segmented)
      : causes(spec, result),
        segmenter(segmented ? std::optional<m::DowntimeSegmenter>(std::in_place, spec, result)
                            : std::nullopt),
        writer(out, spec, result, causes, marks, segmenter ? &*segmenter : nullptr) {}

  CauseDescriber causes;
  std::optional<m::DowntimeSegmenter> segmenter;
  RecordWriter writer;
};

// The arrays of a big report (tenants, changes) are written in blocks of `block_size` elements, taken in
// order by two threads as each becomes free, so neither waits while the other has more left (this one
// also splices and hands the text to the sink). This thread writes a block straight into `out` when every
// block before it is in, and otherwise into text of its own; the second thread always into text. Texts
// are spliced into `out` in order, and no block is taken more than kBlocksAhead past the next one to go
// in. `make_kit(stream, on_this_thread)` gives a writer with caches of its own for a stream;
// `write_one(writer, i)` writes element i. The bytes are the one-thread writer's.
constexpr std::size_t kBlocksAhead = 4;

template <typename MakeKit, typename WriteOne>
void write_blocks(JsonStream& out, std::size_t n, std::size_t block_size, RecordWriter& here,
                  MakeKit&& make_kit, WriteOne&& write_one) {
  const std::size_t blocks = (n + block_size - 1) / block_size;
  const auto block_end = [n, block_size](std::size_t b) { return std::min(n, (b + 1) * block_size); };
  const auto write_block = [&](RecordWriter& writer, std::size_t b) {
    for (std::size_t i = b * block_size; i < block_end(b); ++i) write_one(writer, i);
  };

  std::vector<std::string> texts(blocks);
  std::vector<bool> ready(blocks, false);
  std::size_t taken = 1;  // blocks taken so far, in order; block 0 is this thread's
  std::size_t in = 0;     // blocks in `out`
  bool stop = false;
  std::mutex mutex;
  std::condition_variable changed;
  // Under the lock: the next block to take, if one may be taken now.
  const auto take = [&]() -> std::optional<std::size_t> {
    if (taken >= blocks || taken >= in + kBlocksAhead) return std::nullopt;
    return taken++;
  };

  // Streams for blocks written aside, made here, before `out` moves on: they continue inside the array,
  // after block 0, so each block they write starts with the comma after the one before it.
  struct Aside {
    explicit Aside(const JsonStream& out)
        : stream(out.continuation([this](std::string_view piece) { text += piece; }, 1)) {}
    std::string text;
    JsonStream stream;
    std::unique_ptr<WriterKit> kit;  // made when first needed
  };
  const auto write_aside = [&](Aside& aside, bool on_this_thread, std::size_t b) {
    if (!aside.kit) aside.kit = make_kit(aside.stream, on_this_thread);
    write_block(aside.kit->writer, b);
    aside.stream.flush();
    return std::exchange(aside.text, std::string());
  };
  Aside theirs(out);
  Aside mine(out);
  std::thread other([&] {
    for (;;) {
      std::optional<std::size_t> b;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || taken >= blocks || (b = take()).has_value(); });
        if (!b) return;
      }
      std::string text = write_aside(theirs, false, *b);
      {
        std::lock_guard lock(mutex);
        texts[*b] = std::move(text);
        ready[*b] = true;
      }
      changed.notify_all();
    }
  });
  // If this thread leaves early (a full disk throws from the sink), the other stops and is joined.
  struct Stop {
    std::thread& thread;
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stop;
    ~Stop() {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      changed.notify_all();
      if (thread.joinable()) thread.join();
    }
  } stopper{other, mutex, changed, stop};

  write_block(here, 0);
  {
    std::lock_guard lock(mutex);
    in = 1;
  }
  changed.notify_all();
  while (in < blocks) {
    std::unique_lock lock(mutex);
    if (ready[in]) {
      const std::string text = std::move(texts[in]);
      lock.unlock();
      out.splice(text, block_end(in) - in * block_size);
    } else if (taken == in) {  // the next block to go in is free: straight into `out`
      ++taken;
      lock.unlock();
      write_block(here, in);
    } else if (const std::optional<std::size_t> b = take()) {  // the other thread is on it: one ahead
      lock.unlock();
      std::string text = write_aside(mine, true, *b);
      std::lock_guard relock(mutex);
      texts[*b] = std::move(text);
      ready[*b] = true;
      continue;
    } else {
      changed.wait(lock, [&] { return ready[in]; });
      continue;
    }
    {
      std::lock_guard relock(mutex);
      ++in;
    }
    changed.notify_all();
  }
  // Every block is in, so the other thread has nothing left to take and can be joined.
  other.join();
}

// Tenants are most of a big report: from options.parallel_tenants_from tenants on, they are written on
// two threads (write_blocks), and the second thread's change marks are merged at the end.
void write_tenants(JsonStream& out, const m::ScenarioSpec& spec, const m::RunResult& result,
                   const RunJsonOptions& options, RecordWriter& writer, ChangeMarks* marks) {
  const std::size_t n = spec.tenants.size();
  const std::size_t block_size = std::max<std::size_t>(options.tenant_block, 1);
  if (n < options.parallel_tenants_from || n <= block_size) {
    for (const m::TenantSpec& t : spec.tenants) writer.tenant(t);
    return;
  }
  std::optional<ChangeMarks> other_marks;
  if (marks != nullptr) other_marks.emplace(result);
  write_blocks(
      out, n, block_size, writer,
      [&](JsonStream& stream, bool on_this_thread) {
        ChangeMarks* kit_marks = on_this_thread ? marks : other_marks ? &*other_marks : nullptr;
        return std::make_unique<WriterKit>(stream, spec, result, kit_marks, !options.summary);
      },
      [&](RecordWriter& w, std::size_t i) { w.tenant(spec.tenants[i]); });
  if (marks != nullptr) marks->merge(*other_marks);
}

// The journal records the intervals' chains reach, in journal order; on two threads from as many records
// as tenants would be.
void write_changes(JsonStream& out, const m::ScenarioSpec& spec, const m::RunResult& result,
                   const RunJsonOptions& options, RecordWriter& writer, const ChangeMarks& marks) {
  std::vector<m::ChangeId> ids;
  for (m::ChangeId id = 0; id < marks.size(); ++id) {
    if (marks.marked(id)) ids.push_back(id);
  }
  // The records name scattered vertices, each a chain of cache misses: each level of the chain is asked
  // for a few records before it is read.
  constexpr std::size_t kAhead = 4;
  const auto write_one = [&](RecordWriter& w, std::size_t i) {
    for (int level = 0; level < m::kVertexNameLevels; ++level) {
      const std::size_t ahead = i + kAhead * static_cast<std::size_t>(m::kVertexNameLevels - level);
      if (ahead < ids.size()) m::prefetch_vertex_name(spec, result.journal[ids[ahead]].component, level);
    }
    w.change(ids[i]);
  };
  const std::size_t block_size = std::max<std::size_t>(options.tenant_block, 1);
  if (ids.size() < options.parallel_tenants_from || ids.size() <= block_size) {
    for (std::size_t i = 0; i < ids.size(); ++i) write_one(writer, i);
    return;
  }
  write_blocks(
      out, ids.size(), block_size, writer,
      [&](JsonStream& stream, bool) {
        return std::make_unique<WriterKit>(stream, spec, result, nullptr, false);
      },
      write_one);
}

}  // namespace

void write_run_json(JsonStream& out, const m::ScenarioSpec& spec, const m::RunResult& result,
                    const RunMetadata& meta, const RunJsonOptions& options) {
  out.begin_object();
  const Json header = header_json(spec, meta);
  for (const auto& [key, value] : header.items()) out.member(key, value);

  CauseDescriber causes(spec, result);
  std::optional<ChangeMarks> marks;
  std::optional<m::DowntimeSegmenter> segmenter;
  if (!options.summary) {
    marks.emplace(result);
    segmenter.emplace(spec, result);
  }
  RecordWriter records(out, spec, result, causes, marks ? &*marks : nullptr,
                       segmenter ? &*segmenter : nullptr);
  out.key("tenants");
  out.begin_array();
  write_tenants(out, spec, result, options, records, marks ? &*marks : nullptr);
  out.end();
  if (marks) {
    out.key("changes");
    out.begin_array();
    write_changes(out, spec, result, options, records, *marks);
    out.end();
  }

  // The rest of the document (rooms and their traces, injections, repairs, milestones) is made on a
  // second thread while this one writes the components, when the report is big enough to be written on
  // two threads at all.
  std::future<Json> tail_made;
  if (spec.tenants.size() >= options.parallel_tenants_from)
    tail_made = std::async(std::launch::async, [&spec, &result] { return run_tail_json(spec, result); });
  out.key("components");
  out.begin_array();
  for (m::ComponentId id = 0; id < spec.components.size(); ++id) records.component(id);
  out.end();
  const Json tail = tail_made.valid() ? tail_made.get() : run_tail_json(spec, result);
  for (const auto& [key, value] : tail.items()) out.member(key, value);
  out.end();
  out.finish();
}

Json run_json(const m::ScenarioSpec& spec, const m::RunResult& result, const RunMetadata& meta,
              const RunJsonOptions& options) {
  std::string text;
  JsonStream out([&text](std::string_view piece) { text += piece; }, kRunJsonOneLineFrom);
  write_run_json(out, spec, result, meta, options);
  return Json::parse(text);
}

}  // namespace outagesim::reports
