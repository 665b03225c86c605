// Keeps each crew's headcount (the capacity of its sim::Resource) true over the run: shift changes at
// their local times of day, and vendors who arrive a call-out delay after they are first needed. Work in
// hand when a shift shrinks is finished by the people doing it (see sim::Resource::set_capacity).
#pragma once

#include <cstdint>
#include <vector>

#include "models/core/model_context.hpp"
#include "models/operations/crew_spec.hpp"
#include "sim/engine.hpp"
#include "sim/resource.hpp"

namespace outagesim::models {

class CrewRoster final : public sim::EventHandler, public CrewCaller {
 public:
  // `crews` are the run's resources, one per spec, not owned. `start_time_of_day` is the local time of
  // day simulated time 0 stands for. Sets every crew's headcount for time 0 and schedules the changes.
  CrewRoster(sim::Engine& engine, const std::vector<CrewSpec>& specs, std::vector<sim::Resource*> crews,
             sim::Time start_time_of_day);

  // A stage needs people of crew `index`: a vendor not yet called is called now. Others: nothing.
  void call(std::uint32_t index) override;
  // When a called vendor's people arrive; never() for crews that are not vendors or not yet called.
  sim::Time arrival(std::uint32_t index) const { return arrival_[index]; }
  // The next shift start of crew `index` after now (or at now, if `including_now`), within the horizon;
  // never() if none.
  sim::Time next_shift_change(std::uint32_t index, bool including_now) const override;
  sim::Time next_headcount_change(std::uint32_t index, bool including_now) const override;

 private:
  void handle_event(std::uint32_t payload) override;
  std::uint32_t headcount_now(std::uint32_t index) const;

  sim::Engine* engine_;
  const std::vector<CrewSpec>* specs_;
  std::vector<sim::Resource*> crews_;
  sim::Time start_time_of_day_;
  sim::HandlerId self_;
  std::vector<bool> on_site_;  // false for a vendor until it arrives
  std::vector<sim::Time> arrival_;
};

}  // namespace outagesim::models
