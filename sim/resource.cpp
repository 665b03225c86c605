// Batch-at-end-of-instant grant logic of sim::Resource.
#include "sim/resource.hpp"

#include <algorithm>
#include <cassert>

namespace outagesim::sim {

namespace {
// Grants run after the ordinary events of their instant (priority 0), so that every request made at
// that instant is in the queue when units are handed out.
constexpr int kGrantPriority = 64;
}  // namespace

Resource::Resource(Engine& engine, std::uint32_t capacity)
    : engine_(&engine), self_(engine.add_handler(*this)), capacity_(capacity) {
  assert(capacity > 0);
}

void Resource::request(HandlerId handler, std::uint32_t payload, int priority) {
  const Request r{priority, arrivals_++, handler, payload};
  const auto at =
      std::upper_bound(waiters_.begin(), waiters_.end(), r, [](const Request& a, const Request& b) {
        return a.priority != b.priority ? a.priority < b.priority : a.arrival < b.arrival;
      });
  waiters_.insert(at, r);
  schedule_grants();
}

bool Resource::withdraw(HandlerId handler, std::uint32_t payload) {
  const auto it = std::find_if(waiters_.begin(), waiters_.end(), [&](const Request& r) {
    return r.handler == handler && r.payload == payload;
  });
  if (it == waiters_.end()) return false;
  waiters_.erase(it);
  return true;
}

void Resource::release() {
  assert(in_use_ > 0);
  --in_use_;
  schedule_grants();
}

void Resource::schedule_grants() {
  if (grant_pending_ || waiters_.empty() || in_use_ >= capacity_) return;
  grant_pending_ = true;
  engine_->schedule_at(engine_->now(), self_, 0, kGrantPriority);
}

void Resource::handle_event(std::uint32_t) {
  grant_pending_ = false;
  std::size_t granted = 0;
  while (in_use_ < capacity_ && granted < waiters_.size()) {
    const Request& r = waiters_[granted++];
    ++in_use_;
    engine_->schedule_at(engine_->now(), r.handler, r.payload, kGrantPriority);
  }
  waiters_.erase(waiters_.begin(), waiters_.begin() + static_cast<std::ptrdiff_t>(granted));
}

}  // namespace outagesim::sim
