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
    : engine_(&engine), self_(engine.add_handler(*this)), capacity_(capacity) {}

void Resource::request(HandlerId handler, std::uint32_t payload, int priority, std::uint32_t units) {
  assert(units > 0);
  const Request r{priority, arrivals_++, handler, payload, units};
  const auto at =
      std::upper_bound(waiters_.begin(), waiters_.end(), r, [](const Request& a, const Request& b) {
        return a.priority != b.priority ? a.priority < b.priority : a.arrival < b.arrival;
      });
  if (waiters_.empty()) queued_since_ = engine_->now();
  waiters_.insert(at, r);
  schedule_grants();
}

Time Resource::queued_time() const {
  return waiters_.empty() ? queued_ : queued_ + (engine_->now() - queued_since_);
}

void Resource::queue_emptied() {
  queued_ += engine_->now() - queued_since_;
}

bool Resource::withdraw(HandlerId handler, std::uint32_t payload) {
  const auto it = std::find_if(waiters_.begin(), waiters_.end(), [&](const Request& r) {
    return r.handler == handler && r.payload == payload;
  });
  if (it == waiters_.end()) return false;
  waiters_.erase(it);
  if (waiters_.empty()) queue_emptied();
  return true;
}

bool Resource::resize(HandlerId handler, std::uint32_t payload, std::uint32_t new_payload,
                      std::uint32_t units) {
  assert(units > 0);
  const auto it = std::find_if(waiters_.begin(), waiters_.end(), [&](const Request& r) {
    return r.handler == handler && r.payload == payload;
  });
  if (it == waiters_.end()) return false;
  it->payload = new_payload;
  it->units = units;
  schedule_grants();
  return true;
}

void Resource::release(std::uint32_t units) {
  assert(in_use_ >= units);
  in_use_ -= units;
  schedule_grants();
}

void Resource::set_capacity(std::uint32_t capacity) {
  capacity_ = capacity;
  schedule_grants();
}

void Resource::schedule_grants() {
  if (grant_pending_ || waiters_.empty() || in_use_ >= capacity_) return;
  grant_pending_ = true;
  engine_->schedule_at(engine_->now(), self_, 0, kGrantPriority);
}

void Resource::handle_event(std::uint32_t) {
  grant_pending_ = false;
  // Stable partition: granted requests leave the queue, the rest keep their order.
  auto kept = waiters_.begin();
  for (auto it = waiters_.begin(); it != waiters_.end(); ++it) {
    if (in_use_ < capacity_ && it->units <= capacity_ - in_use_) {
      in_use_ += it->units;
      peak_in_use_ = std::max(peak_in_use_, in_use_);
      engine_->schedule_at(engine_->now(), it->handler, it->payload, kGrantPriority);
    } else {
      *kept++ = *it;
    }
  }
  const bool had_waiters = !waiters_.empty();
  waiters_.erase(kept, waiters_.end());
  if (had_waiters && waiters_.empty()) queue_emptied();
}

}  // namespace outagesim::sim
