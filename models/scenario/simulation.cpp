// Assembly of a run: region, engine, context, observers, injections.
#include "models/scenario/simulation.hpp"

#include "models/core/dependency_graph.hpp"
#include "models/core/model_context.hpp"
#include "models/core/region.hpp"
#include "models/operations/operations.hpp"
#include "models/results/interval_recorder.hpp"
#include "models/scenario/region_builder.hpp"
#include "models/tenants/tenant_function.hpp"
#include "sim/engine.hpp"

namespace outagesim::models {

RunResult simulate(const ScenarioSpec& spec, std::uint64_t seed) {
  const std::uint32_t n = spec.vertex_count();
  Region region(build_components(spec), DependencyGraph(n, dependency_edges(spec)));
  sim::Engine engine(spec.horizon);
  ModelContext ctx(engine, region, spec.crews, seed);
  IntervalRecorder recorder(n);
  ctx.add_observer(recorder);
  for (ComponentId id = 0; id < n; ++id) {
    Component& c = region.component(id);
    c.bind(ctx, engine.add_handler(c));
  }

  Operations operations(spec, ctx);
  operations.start();

  for (std::uint32_t rank = 0; rank < n; ++rank) region.component(region.at_rank(rank)).start();
  ctx.settle();
  engine.run();

  RunResult result;
  result.horizon = spec.horizon;
  result.seed = seed;
  result.journal = ctx.journal();
  result.intervals = recorder.finish(spec.horizon);
  result.injection_had_effect = operations.had_effect();
  result.injection_applied_at = operations.applied_at();
  result.repairs = operations.repair_records();
  result.strategies.resize(n);
  for (const TenantSpec& t : spec.tenants) {
    for (const TenantFunctionSpec& f : t.functions) {
      auto& function = static_cast<TenantFunction&>(region.component(f.id));
      function.finish();
      result.strategies[f.id] = function.strategy().result();
    }
  }
  result.events = engine.events_dispatched();
  result.evaluations = ctx.evaluations();
  return result;
}

}  // namespace outagesim::models
