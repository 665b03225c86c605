// Measures the engine's event loop with the classic hold model: with N events pending, pop the earliest
// and schedule one new event an exponential delay later, so the queue stays at N. The same loop runs on
// the bare EventQueue and on a bare std::priority_queue of the same 24-byte records in the same binary,
// the last as the yardstick (with two comparators, see LaterRaw). The figures in docs/performance.md come
// from:
//   build/release/bench/event_queue_bench --benchmark_repetitions=9
//       --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true
// (one command line).
#include <benchmark/benchmark.h>

#include <queue>
#include <vector>

#include "sim/engine.hpp"
#include "sim/event_queue.hpp"
#include "sim/random_stream.hpp"

namespace {

using outagesim::sim::Engine;
using outagesim::sim::Event;
using outagesim::sim::Time;

// Delays drawn once, so both loops pay the same for them and none for the draw itself.
std::vector<std::int64_t> delays_ms(std::size_t n) {
  outagesim::sim::RandomStream rng(42);
  std::vector<std::int64_t> out(n);
  for (auto& d : out) d = 1 + static_cast<std::int64_t>(rng.exponential(60'000.0));
  return out;
}

constexpr std::size_t kDelays = 1 << 16;

class Holder final : public outagesim::sim::EventHandler {
 public:
  Holder(Engine& engine, const std::vector<std::int64_t>& delays) : engine_(engine), delays_(delays) {}
  void set_handler(outagesim::sim::HandlerId h) { self_ = h; }
  void handle_event(std::uint32_t payload) override {
    engine_.schedule_at(engine_.now() + Time::ms(delays_[next_++ & (kDelays - 1)]), self_, payload);
  }

 private:
  Engine& engine_;
  const std::vector<std::int64_t>& delays_;
  outagesim::sim::HandlerId self_ = 0;
  std::size_t next_ = 0;
};

void BM_EngineHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto delays = delays_ms(kDelays);
  Engine engine(Time::never());
  Holder holder(engine, delays);
  holder.set_handler(engine.add_handler(holder));
  for (std::size_t i = 0; i < pending; ++i) engine.schedule_at(Time::ms(delays[i & (kDelays - 1)]), 0, 0);
  for (auto _ : state) engine.step();
  state.SetItemsProcessed(state.iterations());
}

void BM_EventQueueHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto delays = delays_ms(kDelays);
  outagesim::sim::EventQueue queue;
  for (std::size_t i = 0; i < pending; ++i) queue.push(Time::ms(delays[i & (kDelays - 1)]), 0, 0, 0);
  std::size_t next = 0;
  for (auto _ : state) {
    const Event e = queue.pop();
    queue.push(e.time + Time::ms(delays[next++ & (kDelays - 1)]), 0, 0, e.payload);
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}

struct Later {
  bool operator()(const Event& a, const Event& b) const { return b.precedes(a); }
};

// The same order written on the raw millisecond counts. GCC compiles the two differently inside libstdc++'s
// heap (a conditional move for Event::precedes, a branch here), and that alone moves the yardstick by up
// to 3x (the branch loses below the cache, wins past it, where it lets the processor run ahead into the
// next level): both are measured, and the engine is held against the faster.
struct LaterRaw {
  bool operator()(const Event& a, const Event& b) const {
    const std::int64_t ta = a.time.count_ms();
    const std::int64_t tb = b.time.count_ms();
    return ta != tb ? tb < ta : b.order < a.order;
  }
};

template <typename Compare>
void BM_PriorityQueueHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto delays = delays_ms(kDelays);
  std::priority_queue<Event, std::vector<Event>, Compare> queue;
  std::uint64_t sequence = 0;
  for (std::size_t i = 0; i < pending; ++i)
    queue.push(Event{Time::ms(delays[i & (kDelays - 1)]), sequence++, 0, 0});
  std::size_t next = 0;
  for (auto _ : state) {
    const Event e = queue.top();
    queue.pop();
    queue.push(Event{e.time + Time::ms(delays[next++ & (kDelays - 1)]), sequence++, 0, e.payload});
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_EngineHold)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_EventQueueHold)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK_TEMPLATE(BM_PriorityQueueHold, Later)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK_TEMPLATE(BM_PriorityQueueHold, LaterRaw)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK_MAIN();
