// A counted resource with a wait queue (a crew, a pool of workers). Requests made at one instant are
// granted together at the end of it, best priority first and then in arrival order, so a request made
// later in the same instant but more urgent is not overtaken by evaluation order. A grant is an event to
// the requester's (handler, payload).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine.hpp"

namespace outagesim::sim {

class Resource final : public EventHandler {
 public:
  // Registers itself with the engine, which must outlive it. REQUIRES: capacity > 0.
  Resource(Engine& engine, std::uint32_t capacity);

  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;

  // Queues a request for one unit; lower priority values are served first.
  void request(HandlerId handler, std::uint32_t payload, int priority = 0);
  // Removes a queued request; returns whether it was queued. A grant already sent is not withdrawn: a
  // requester that no longer needs the unit when the grant arrives must release() it.
  bool withdraw(HandlerId handler, std::uint32_t payload);
  // Gives back one unit. REQUIRES: in_use() > 0.
  void release();

  std::uint32_t capacity() const { return capacity_; }
  std::uint32_t in_use() const { return in_use_; }
  std::size_t waiting() const { return waiters_.size(); }

 private:
  struct Request {
    int priority;
    std::uint64_t arrival;
    HandlerId handler;
    std::uint32_t payload;
  };

  void handle_event(std::uint32_t payload) override;  // grants what it can
  void schedule_grants();

  Engine* engine_;
  HandlerId self_;
  std::uint32_t capacity_;
  std::uint32_t in_use_ = 0;
  std::uint64_t arrivals_ = 0;
  bool grant_pending_ = false;
  std::vector<Request> waiters_;  // kept sorted by (priority, arrival)
};

}  // namespace outagesim::sim
