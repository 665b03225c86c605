// Assembly of a run: region, engine, context, observers, injections.
#include "models/scenario/simulation.hpp"

#include <future>
#include <memory>
#include <vector>

#include "models/core/dependency_graph.hpp"
#include "models/core/model_context.hpp"
#include "models/core/region.hpp"
#include "models/facility/thermal_room.hpp"
#include "models/operations/operations.hpp"
#include "models/operations/random_failures.hpp"
#include "models/results/interval_recorder.hpp"
#include "models/scenario/region_builder.hpp"
#include "models/tenants/tenant_function.hpp"
#include "sim/engine.hpp"

namespace outagesim::models {

namespace {

// What a room's trace records crossings of: its setpoint, alarm and sprinkler thresholds, and the
// protective shutdown of each pool in it.
std::vector<TemperatureTraceRecorder::Room> traced_rooms(const ScenarioSpec& spec) {
  std::vector<TemperatureTraceRecorder::Room> rooms;
  std::vector<std::uint32_t> index_of(spec.components.size(), 0);
  for (ComponentId id = 0; id < spec.components.size(); ++id) {
    const auto* room = std::get_if<RoomParams>(&spec.components[id].params);
    if (!room) continue;
    index_of[id] = static_cast<std::uint32_t>(rooms.size());
    std::vector<NamedThreshold> thresholds{{"setpoint", room->setpoint_c}, {"alarm", room->alarm_c}};
    if (room->sprinkler_c) thresholds.push_back({"sprinkler", *room->sprinkler_c});
    rooms.push_back({id, std::move(thresholds)});
  }
  for (const ComponentSpec& c : spec.components) {
    const auto* pool = std::get_if<HostPoolParams>(&c.params);
    if (pool && pool->shutdown_c)
      rooms[index_of[pool->room]].thresholds.push_back({"shutdown " + c.name, *pool->shutdown_c});
  }
  return rooms;
}

// From this many vertices on, the components are built on this thread while a second one orders them
// (the dependency graph, its ranks and dependent lists): for a million tenants each takes about half a
// second. Below it a thread costs more than it saves.
constexpr std::uint32_t kOrderAsideFrom = 1 << 16;

Region build_region(const ScenarioSpec& spec) {
  const std::uint32_t n = spec.vertex_count();
  const auto order = [&spec, n] { return Region::Order::of(DependencyGraph(n, dependency_edges(spec))); };
  if (n < kOrderAsideFrom) return Region(build_components(spec), order());
  std::future<Region::Order> ordering = std::async(std::launch::async, order);
  std::vector<std::unique_ptr<Component>> components = build_components(spec);
  return Region(std::move(components), ordering.get());
}

}  // namespace

RunResult simulate_replication(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t replication,
                               std::vector<double>* inputs, const RecordOptions& record) {
  std::vector<double> draws = draw_inputs(spec, seed, replication);
  RunResult result;
  if (draws.empty()) {
    result = simulate(spec, seed, replication, record);
  } else {
    ScenarioSpec drawn = spec;
    apply_inputs(drawn, draws);
    result = simulate(drawn, seed, replication, record);
  }
  if (inputs) *inputs = std::move(draws);
  return result;
}

RunResult simulate(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t replication,
                   const RecordOptions& record) {
  const std::uint32_t n = spec.vertex_count();
  Region region = build_region(spec);
  sim::Engine engine(spec.horizon);
  ModelContext ctx(engine, region, spec.crews, seed, replication);
  IntervalRecorder recorder(n);
  ctx.add_observer(recorder);
  TemperatureTraceRecorder temperatures(n, traced_rooms(spec), kTraceSampleEvery);
  for (ComponentId id = 0; id < n; ++id) {
    Component& c = region.component(id);
    c.bind(ctx, engine.add_handler(c));
    if (record.temperature_traces && c.kind() == ComponentKind::kRoom)
      static_cast<ThermalRoom&>(c).set_observer(&temperatures);
  }
  if (!record.strategy_holds) {
    for (const TenantSpec& t : spec.tenants)
      for (const TenantFunctionSpec& f : t.functions)
        if (RecoveryStrategy* s = static_cast<TenantFunction&>(region.component(f.id)).strategy())
          s->set_record_holds(false);
  }

  Operations operations(spec, ctx);
  operations.start();
  RandomFailures random_failures(spec, ctx);
  random_failures.start();

  // Every component starts, in rank order: the chain of misses of a wave (ModelContext::settle), so the
  // same hints at the same distances (the entries themselves are read in order).
  for (std::uint32_t rank = 0; rank < n; ++rank) {
    if (rank + Region::kObjectAhead < n) region.prefetch_object(rank + Region::kObjectAhead);
    if (rank + Region::kChildrenAhead < n) region.prefetch_children(rank + Region::kChildrenAhead);
    if (rank + Region::kStatusesAhead < n) region.prefetch_statuses(rank + Region::kStatusesAhead);
    region.component_at_rank(rank).start();
  }
  ctx.settle();
  sim::Time end = spec.horizon;
  if (record.max_events == 0) {
    engine.run();
  } else {
    while (engine.events_dispatched() < record.max_events && engine.step()) {
    }
    if (engine.events_dispatched() < record.max_events) {
      engine.run();  // nothing left before the horizon: only advances the clock
    } else {
      end = engine.now();
    }
  }

  RunResult result;
  result.horizon = end;
  result.seed = seed;
  result.intervals = recorder.finish(end);
  result.injection_had_effect = operations.had_effect();
  result.injection_applied_at = operations.applied_at();
  result.injection_applications = operations.applications();
  result.injection_cancellations = operations.cancellations();
  result.injection_fired_by = operations.fired_by();
  result.repair_fired_by = operations.repair_fired_by();
  result.repairs = operations.repair_records();
  result.rooms = temperatures.finish(end);
  for (std::uint32_t c = 0; c < spec.crews.size(); ++c)
    result.crews.push_back(CrewUse{ctx.crew(c).peak_in_use(), ctx.crew(c).queued_time()});
  static const StrategyResult kNothing;
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions) {  // in increasing id, so the list is sorted
      auto& function = static_cast<TenantFunction&>(region.component(f.id));
      function.finish();
      const RecoveryStrategy* strategy = function.strategy();
      if (strategy == nullptr) continue;  // waiting for repair: nothing to report
      StrategyResult s = strategy->result();
      if (s != kNothing) result.strategies.emplace_back(f.id, std::move(s));
    }
  }
  result.journal = ctx.take_journal();  // after the strategies' books are closed
  result.events = engine.events_dispatched();
  result.evaluations = ctx.evaluations();
  return result;
}

}  // namespace outagesim::models
