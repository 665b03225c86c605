// Tarjan's strongly connected components, iteratively (a scenario may hold many long repairs).
#include "models/operations/repair_wait_cycles.hpp"

#include <algorithm>
#include <limits>

namespace outagesim::models {

namespace {

constexpr std::uint32_t kUnvisited = std::numeric_limits<std::uint32_t>::max();

// Node numbering: each repair has its start, then one node per stage for the stage's end.
struct WaitGraph {
  std::vector<std::uint32_t> first;  // per repair: its start's node; stage i ends at first + 1 + i
  // "cannot happen before": edges from a node to what it waits for, in compressed rows.
  std::vector<std::uint32_t> row;
  std::vector<std::uint32_t> to;

  std::uint32_t size() const { return static_cast<std::uint32_t>(row.size() - 1); }
};

// The node a trigger's event is, or kUnvisited for a component's event (outside the graph) or a
// reference that names nothing (the loader reports those).
std::uint32_t node_of(const std::vector<RepairSpec>& repairs, const WaitGraph& g, const TriggerSpec& t) {
  if ((t.source != TriggerSpec::Source::kRepair && t.source != TriggerSpec::Source::kStage) ||
      t.repair >= repairs.size())
    return kUnvisited;
  const auto& stages = repairs[t.repair].stages;
  if (stages.empty()) return kUnvisited;
  const std::uint32_t stage =
      t.source == TriggerSpec::Source::kStage ? t.stage : static_cast<std::uint32_t>(stages.size() - 1);
  if (stage >= stages.size()) return kUnvisited;
  return g.first[t.repair] + 1 + stage;
}

WaitGraph build(const std::vector<RepairSpec>& repairs) {
  WaitGraph g;
  std::uint32_t nodes = 0;
  for (const RepairSpec& r : repairs) {
    g.first.push_back(nodes);
    nodes += 1 + static_cast<std::uint32_t>(r.stages.size());
  }
  g.first.push_back(nodes);
  g.row.assign(1, 0);
  const auto edge = [&](std::uint32_t target) {
    if (target != kUnvisited) g.to.push_back(target);
  };
  for (std::uint32_t r = 0; r < repairs.size(); ++r) {
    // The start waits for its trigger; for the first of several, only when all lead to one node (a start
    // any of whose triggers can come by another way is not held in a cycle through one of them).
    if (!repairs[r].when.empty()) {
      const std::uint32_t first = node_of(repairs, g, repairs[r].when.front());
      const bool one_way = std::all_of(repairs[r].when.begin(), repairs[r].when.end(),
                                       [&](const TriggerSpec& t) { return node_of(repairs, g, t) == first; });
      if (one_way) edge(first);
    }
    g.row.push_back(static_cast<std::uint32_t>(g.to.size()));
    for (std::uint32_t i = 0; i < repairs[r].stages.size(); ++i) {
      edge(g.first[r] + i);  // the start, or the stage before
      for (const TriggerSpec& t : repairs[r].stages[i].wait_for) edge(node_of(repairs, g, t));
      g.row.push_back(static_cast<std::uint32_t>(g.to.size()));
    }
  }
  return g;
}

// Component of each node; nodes of one component can each be reached from the others.
std::vector<std::uint32_t> components(const WaitGraph& g) {
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<std::uint32_t> stack;
  std::vector<bool> on_stack(n, false);
  struct Frame {
    std::uint32_t node;
    std::uint32_t next_edge;
  };
  std::vector<Frame> calls;
  std::uint32_t counter = 0;
  std::uint32_t found = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    calls.push_back({root, g.row[root]});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!calls.empty()) {
      Frame& f = calls.back();
      if (f.next_edge < g.row[f.node + 1]) {
        const std::uint32_t w = g.to[f.next_edge++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.push_back({w, g.row[w]});
        } else if (on_stack[w]) {
          low[f.node] = std::min(low[f.node], index[w]);
        }
        continue;
      }
      const std::uint32_t v = f.node;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().node] = std::min(low[calls.back().node], low[v]);
      if (low[v] == index[v]) {
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = found;
        } while (w != v);
        ++found;
      }
    }
  }
  return component;
}

}  // namespace

std::vector<RepairWaitCycle> find_repair_wait_cycles(const std::vector<RepairSpec>& repairs) {
  const WaitGraph g = build(repairs);
  const std::vector<std::uint32_t> component = components(g);
  std::vector<RepairWaitCycle> cycles;
  std::vector<bool> reported(g.size(), false);  // per component
  for (std::uint32_t r = 0; r < repairs.size(); ++r) {
    for (std::uint32_t i = 0; i < repairs[r].stages.size(); ++i) {
      const std::uint32_t end = g.first[r] + 1 + i;
      const auto& waits = repairs[r].stages[i].wait_for;
      for (std::uint32_t t = 0; t < waits.size(); ++t) {
        const std::uint32_t target = node_of(repairs, g, waits[t]);
        // Waiting for its own end (target == end) is a loop of one edge; otherwise the two must share
        // a component. Waiting for an earlier stage of its own repair is neither.
        if (target == kUnvisited || component[target] != component[end] || reported[component[end]]) continue;
        reported[component[end]] = true;
        RepairWaitCycle cycle{r, i, t, {}};
        for (std::uint32_t q = 0; q < repairs.size(); ++q) {
          bool member = false;
          for (std::uint32_t node = g.first[q]; node < g.first[q + 1] && !member; ++node)
            member = component[node] == component[end];
          if (member) cycle.repairs.push_back(q);
        }
        cycles.push_back(std::move(cycle));
      }
    }
  }
  return cycles;
}

}  // namespace outagesim::models
