// The thread pool behind run_replications: workers take indices from an atomic counter; the calling thread
// only waits, reports progress and collects the first error.
#include "sim/replication_runner.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <new>
#include <thread>

namespace outagesim::sim::detail {

void check_allocatable(std::uint64_t count, std::size_t size) {
  if (size != 0 && count > std::numeric_limits<std::size_t>::max() / size) throw std::bad_alloc();
  void* memory = ::operator new(count* size, std::nothrow);
  if (memory == nullptr) throw std::bad_alloc();
  ::operator delete(memory);
}

IndexedRunOutcome run_indexed(std::uint64_t count, unsigned threads,
                              const std::function<void(std::uint64_t)>& body, const RunControl& control) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto workers = static_cast<unsigned>(std::min<std::uint64_t>(threads, count));

  // finished[k] is written only by the worker that ran k and read only after every worker has joined;
  // bytes, not vector<bool>, so neighbouring writes never share a memory location.
  std::vector<unsigned char> finished(count, 0);
  std::atomic<std::uint64_t> next{0};
  std::atomic<std::uint64_t> done{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::condition_variable all_exited;
  unsigned running = workers;      // guarded by mutex
  std::exception_ptr first_error;  // guarded by mutex: the error of the lowest index that threw
  std::uint64_t first_error_index = std::numeric_limits<std::uint64_t>::max();

  const auto stop_requested = [&] {
    return failed.load(std::memory_order_acquire) ||
           (control.stop != nullptr && control.stop->load(std::memory_order_relaxed));
  };
  const auto work = [&] {
    while (!stop_requested()) {
      const std::uint64_t k = next.fetch_add(1, std::memory_order_relaxed);
      if (k >= count) break;
      try {
        body(k);
        finished[k] = 1;
        done.fetch_add(1, std::memory_order_relaxed);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (k < first_error_index) {
          first_error_index = k;
          first_error = std::current_exception();
        }
        failed.store(true, std::memory_order_release);
      }
    }
    {
      const std::lock_guard lock(mutex);
      --running;
    }
    all_exited.notify_one();
  };

  // Declared after everything the workers use, so it is destroyed (and joins) first.
  std::vector<std::jthread> pool;
  try {
    pool.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) pool.emplace_back(work);
    std::unique_lock lock(mutex);
    while (running > 0) {
      if (!control.on_progress) {
        all_exited.wait(lock, [&] { return running == 0; });
        break;
      }
      if (all_exited.wait_for(lock, control.progress_interval, [&] { return running == 0; })) break;
      lock.unlock();
      control.on_progress({done.load(std::memory_order_relaxed), count});
      lock.lock();
    }
  } catch (...) {
    // A thread that could not start, or a throwing progress callback: stop the others before leaving.
    failed.store(true, std::memory_order_release);
    pool.clear();
    throw;
  }
  pool.clear();

  if (first_error) std::rethrow_exception(first_error);
  IndexedRunOutcome outcome;
  while (outcome.complete_prefix < count && finished[outcome.complete_prefix] != 0) ++outcome.complete_prefix;
  outcome.stopped = outcome.complete_prefix < count;
  if (control.on_progress) control.on_progress({done.load(std::memory_order_relaxed), count});
  return outcome;
}

}  // namespace outagesim::sim::detail
