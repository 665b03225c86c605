// Shift changes and vendor call-outs.
#include "models/operations/crew_roster.hpp"

namespace outagesim::models {

namespace {
constexpr sim::Time kDay = sim::Time::hours(24);
constexpr std::uint32_t kArrival = 1u << 31;  // payload flag: a vendor arrives (else: a shift change)

sim::Time time_of_day(sim::Time t) {
  const std::int64_t day = kDay.count_ms();
  return sim::Time::ms(((t.count_ms() % day) + day) % day);
}
}  // namespace

CrewRoster::CrewRoster(sim::Engine& engine, const std::vector<CrewSpec>& specs,
                       std::vector<sim::Resource*> crews, sim::Time start_time_of_day)
    : engine_(&engine),
      specs_(&specs),
      crews_(std::move(crews)),
      start_time_of_day_(start_time_of_day),
      self_(engine.add_handler(*this)),
      on_site_(specs.size()),
      arrival_(specs.size(), sim::Time::never()) {
  for (std::uint32_t i = 0; i < specs.size(); ++i) {
    const CrewSpec& crew = specs[i];
    on_site_[i] = !crew.call_out.has_value();
    crews_[i]->set_capacity(headcount_now(i));
    // Every shift start within the horizon, in time order per crew.
    for (sim::Time day = sim::Time(); day < engine.horizon() + kDay; day = day + kDay) {
      for (const ShiftSpec& shift : crew.shifts) {
        const sim::Time at = day + shift.from - start_time_of_day_;
        if (at > sim::Time() && at < engine.horizon()) engine.schedule_at(at, self_, i, kRosterPriority);
      }
    }
  }
}

std::uint32_t CrewRoster::headcount_now(std::uint32_t index) const {
  if (!on_site_[index]) return 0;
  return (*specs_)[index].headcount_at(time_of_day(start_time_of_day_ + engine_->now()));
}

sim::Time CrewRoster::next_shift_change(std::uint32_t index, bool including_now) const {
  const CrewSpec& crew = (*specs_)[index];
  if (crew.shifts.size() < 2) return sim::Time::never();
  const sim::Time now_of_day = time_of_day(start_time_of_day_ + engine_->now());
  sim::Time next = sim::Time::never();
  for (const ShiftSpec& shift : crew.shifts) {
    sim::Time wait = time_of_day(shift.from - now_of_day);
    if (wait < sim::Time() || (wait == sim::Time() && !including_now)) wait = kDay;
    const sim::Time at = engine_->now() + wait;
    if (at < engine_->horizon() && (next.is_never() || at < next)) next = at;
  }
  return next;
}

sim::Time CrewRoster::next_headcount_change(std::uint32_t index, bool including_now) const {
  const sim::Time shift = next_shift_change(index, including_now);
  const sim::Time arrives = arrival_[index];
  const bool pending = !arrives.is_never() && !on_site_[index] &&
                       (arrives > engine_->now() || (including_now && arrives == engine_->now()));
  if (!pending) return shift;
  return shift.is_never() || arrives < shift ? arrives : shift;
}

void CrewRoster::call(std::uint32_t index) {
  const CrewSpec& crew = (*specs_)[index];
  if (!crew.call_out || !arrival_[index].is_never()) return;
  arrival_[index] = engine_->now() + *crew.call_out;
  if (arrival_[index] < engine_->horizon())
    engine_->schedule_at(arrival_[index], self_, index | kArrival, kRosterPriority);
}

void CrewRoster::handle_event(std::uint32_t payload) {
  const std::uint32_t index = payload & ~kArrival;
  if (payload & kArrival) on_site_[index] = true;
  crews_[index]->set_capacity(headcount_now(index));
}

}  // namespace outagesim::models
