// A counted resource with a wait queue (a crew, a pool of workers). Requests made at one instant are
// granted together at the end of it, best priority first and then in arrival order, so a request made
// later in the same instant but more urgent is not overtaken by evaluation order. A request may ask for
// several units at once (a team); it is granted whole or not at all, and a request that does not fit
// yet lets later ones that do fit go first (backfilling), so a big team never idles small jobs. A grant
// is an event to the requester's (handler, payload).
//
// The capacity may change while the resource is in use (shifts): units in use above a lowered capacity
// finish what they hold and are not handed out again.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine.hpp"

namespace outagesim::sim {

class Resource final : public EventHandler {
 public:
  // Registers itself with the engine, which must outlive it. A capacity of 0 grants nothing until raised.
  Resource(Engine& engine, std::uint32_t capacity);

  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;

  // Queues a request for `units` units together; lower priority values are served first.
  // REQUIRES: units > 0.
  void request(HandlerId handler, std::uint32_t payload, int priority = 0, std::uint32_t units = 1);
  // Removes a queued request; returns whether it was queued. A grant already sent is not withdrawn: a
  // requester that no longer needs the unit when the grant arrives must release() it.
  bool withdraw(HandlerId handler, std::uint32_t payload);
  // Changes a queued request to `units` units and its grant to `new_payload`, keeping its place in the
  // queue (a team cut to the shift on duty); returns whether it was queued. REQUIRES: units > 0.
  bool resize(HandlerId handler, std::uint32_t payload, std::uint32_t new_payload, std::uint32_t units);
  // Gives back `units` units. REQUIRES: in_use() >= units.
  void release(std::uint32_t units = 1);
  // From now on at most `capacity` units are in use; more are granted at the end of this instant if it
  // grew.
  void set_capacity(std::uint32_t capacity);

  std::uint32_t capacity() const { return capacity_; }
  std::uint32_t in_use() const { return in_use_; }
  std::size_t waiting() const { return waiters_.size(); }
  // The most units ever in use at once.
  std::uint32_t peak_in_use() const { return peak_in_use_; }
  // How long, up to now, some request has waited in the queue (for units in use, or not yet on hand):
  // zero when every request was granted in the instant it was made.
  Time queued_time() const;

 private:
  struct Request {
    int priority;
    std::uint64_t arrival;
    HandlerId handler;
    std::uint32_t payload;
    std::uint32_t units;
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
  std::uint32_t peak_in_use_ = 0;
  Time queued_;        // closed spans of a non-empty queue
  Time queued_since_;  // when the queue last became non-empty (meaningful while it is)

  void queue_emptied();
};

}  // namespace outagesim::sim
