// Runs independent replications [begin, end) on a pool of threads, deterministically: result i is stored
// at index i whatever thread computed it, so the output never depends on the thread count or scheduling.
// Thread safety: `body` is called concurrently from worker threads, each call with a different index; it
// must not share mutable state between calls. The progress callback runs only on the calling thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace outagesim::sim {

struct ReplicationProgress {
  std::uint64_t done = 0;  // replications finished so far, in any order
  std::uint64_t total = 0;
};

struct RunControl {
  // When set and it becomes true (say from a SIGINT handler), workers finish the replication they are
  // running and take no new one. Only read, never written.
  const std::atomic<bool>* stop = nullptr;
  // Called on the calling thread about every `progress_interval` while replications run, and once at the
  // end with the final count. May be empty.
  std::function<void(const ReplicationProgress&)> on_progress;
  std::chrono::milliseconds progress_interval{100};
};

template <class T>
struct Replications {
  std::uint64_t begin = 0;
  // results[k] is replication begin + k: the longest complete prefix [begin, begin + results.size()), so
  // what a stopped run reports depends only on how far it got, never on which thread was faster.
  std::vector<T> results;
  // True when the stop flag cut the run short; results then holds fewer than end - begin replications.
  bool stopped = false;
};

namespace detail {

// The default of run_replications' T: take the result type from the body.
struct DeducedResult {};

struct IndexedRunOutcome {
  std::uint64_t complete_prefix = 0;
  bool stopped = false;
};

// Calls body(k) for k in [0, count) on `threads` workers (0: one per hardware thread). Rethrows, after
// every worker has joined, the exception of the lowest index that threw.
IndexedRunOutcome run_indexed(std::uint64_t count, unsigned threads,
                              const std::function<void(std::uint64_t)>& body, const RunControl& control);

// Throws std::bad_alloc when `count` objects of `size` bytes cannot be had in one piece now: the slots of
// every replication are taken at once, and an allocator that cannot throw (mimalloc's, with no new
// handler it sees) would abort the process without a word instead.
void check_allocatable(std::uint64_t count, std::size_t size);

}  // namespace detail

// Runs body(r) for every replication r in [begin, end) on `threads` threads (0: one per hardware thread)
// and returns the results in replication order. `body` is any callable taking the replication number;
// the result type is what it returns, or T when given (run_replications<Outcome>(...)); it only needs to
// be movable. If a body throws, the runner stops taking new replications, joins, and rethrows.
// REQUIRES: begin <= end.
template <class T = detail::DeducedResult, class Body>
auto run_replications(std::uint64_t begin, std::uint64_t end, unsigned threads, const Body& body,
                      const RunControl& control = {}) {
  using Result = std::conditional_t<std::is_same_v<T, detail::DeducedResult>,
                                    std::invoke_result_t<const Body&, std::uint64_t>, T>;
  static_assert(std::is_move_constructible_v<Result>, "a replication's result must be movable");
  detail::check_allocatable(end - begin, sizeof(std::optional<Result>));
  std::vector<std::optional<Result>> slots(end - begin);
  const detail::IndexedRunOutcome outcome = detail::run_indexed(
      end - begin, threads, [&](std::uint64_t k) { slots[k].emplace(body(begin + k)); }, control);
  Replications<Result> out;
  out.begin = begin;
  out.stopped = outcome.stopped;
  out.results.reserve(outcome.complete_prefix);
  for (std::uint64_t k = 0; k < outcome.complete_prefix; ++k) out.results.push_back(std::move(*slots[k]));
  return out;
}

}  // namespace outagesim::sim
