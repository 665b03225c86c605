// A pool of hosts in one room: runs, shuts itself down when the room passes its protective threshold,
// is shed by operators, loses power with its room. It restarts on its own once the room can carry it
// (unless operators powered it off: then once they power it on again):
// batch by batch, each batch waits for a team of its crew, powers on (work over hosts per person-hour,
// holding the team), then goes through checks before serving; with a crew, batches power on side by side,
// as many as there are teams (up to `parallel_batches`). Hosts run above their rating or stopped hot
// are damaged (heat_damage.hpp); damaged hosts stay down until replaced (spares, parts lead time, crew
// work). The pool publishes the share of its hosts serving (ComponentStatus::capacity): up when all serve,
// down when none do or the share is below `down_below`, degraded in between.
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "models/core/component.hpp"
#include "models/facility/thermal_trajectory.hpp"
#include "sim/random_stream.hpp"

namespace outagesim::models {

class ThermalRoom;

class HostPool final : public Component {
 public:
  // `name` names the pool's stream of random heat damage.
  HostPool(ComponentId id, std::string name, const HostPoolParams& params);

  // Called by the builder; the room is owned by the region.
  void wire(ThermalRoom& room) { room_ = &room; }

  // Hosts drawing power: powering on, in checks, or serving.
  std::uint32_t powered_hosts() const { return powering_ + checking_ + serving_; }
  std::uint32_t serving_hosts() const { return serving_; }
  std::uint32_t damaged_hosts() const { return damaged_; }
  // Expected damaged hosts among those that ran hot, not yet found: those stopped hot are found when they
  // next power on, those still running when the room falls back below the rating.
  double latent_damage() const { return latent_damage_ + latent_stopped_damage_; }

  bool draws_power() const { return powered_hosts() > 0; }
  double heat_kw() const { return powered_hosts() * params_.kw_per_host; }
  double full_kw() const { return params_.hosts * params_.kw_per_host; }
  const std::optional<double>& shutdown_c() const { return params_.shutdown_c; }
  // The room temperature at which the next tranche of running hosts trips, when the pool has a
  // protective shutdown and hosts drawing power.
  std::optional<double> next_trip_c() const;
  const std::optional<double>& rated_c() const { return params_.rated_c; }

  // The room reached this pool's protective threshold.
  void thermal_trip(double temp_c);
  // The room's temperature followed `in` from `temp_c` for `seconds` (called by the room for every
  // stretch it integrates, before anything changes at its end): accumulates heat damage.
  void heat_exposure(const ThermalInputs& in, double temp_c, double seconds);
  // Whether the pool wants to hear when its room falls back to its rating (it has serving hosts, which
  // gather damage above it).
  bool awaits_rating() const;
  // The room fell back to the rating: damage done while running is found now.
  void cooled_to_rating();

  void evaluate() override;

  // Part of the pool fails (a random failure of a share of it): up to `hosts` of the serving hosts, then of
  // those off, stop and stay out until return_hosts(). Returns how many it took.
  std::uint32_t lose_hosts(std::uint32_t hosts, const Cause& cause);
  // Hosts lost with lose_hosts() are repaired: they restart (crew, power-on, checks) like any that are off.
  void return_hosts(std::uint32_t hosts, const Cause& cause);

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  void on_timer(std::uint32_t tag) override;
  void on_forced_change() override;

 private:
  // Timer and grant payloads: the tag in the low kSlotShift bits, the power-on slot (restart) above it,
  // and for crew grants the units granted above kUnitsShift.
  enum Tag : std::uint32_t {
    kRestartCrew,
    kPoweredOn,
    kChecked,
    kReplaceCrew,
    kReplaced,
    kPartsArrived,
    kShiftChange,
  };
  static constexpr std::uint32_t kSlotShift = 3;
  static constexpr std::uint32_t kUnitsShift = 13;
  static constexpr std::uint32_t kMaxSlots = 1u << (kUnitsShift - kSlotShift);
  // One batch powering on side by side with others, or the team asked for it.
  struct PowerOn {
    std::uint32_t hosts = 0;    // powering on; 0: free, or waiting for its team
    std::uint32_t units = 0;    // crew members it holds
    std::uint32_t payload = 0;  // of its queued crew request, to withdraw it
    bool asked = false;         // its team is asked for and not yet granted
    sim::TimerId timer;
  };
  struct Batch {
    std::uint32_t hosts;
    sim::Time done;  // when its checks end
  };
  struct Order {
    std::uint32_t hosts;
    sim::Time arrives;
  };

  void stop(const Cause& cause);
  // Starts what can start now: the next restart batch, the next replacement.
  void advance();
  // Asks for a team for each batch still off, as many at once as the pool may power on.
  void ask_restart_teams();
  // How many batches may power on at once: one without a crew.
  std::uint32_t parallel_batches() const;
  // Returns the payload of the request.
  std::uint32_t request_team(std::uint32_t tag, std::uint32_t slot, std::uint32_t team);
  void release_units(std::uint32_t& units);
  // While a team is queued, looks again at the crew's next change of headcount, a shift change or a
  // vendor's arrival (cut_queued_teams); one at this instant too, when the team was just asked for (its
  // shift may start later in the instant).
  void watch_shift_change(bool including_now);
  // The people on duty changed: a queued team larger than them (when there are any) is cut to them, in
  // its place in the queue, as a team asked for now would be; the work then takes longer in proportion.
  void cut_queued_teams();
  void on_restart_crew(std::uint32_t slot, std::uint32_t units);
  void on_powered_on(std::uint32_t slot);
  void on_checked();
  void on_replace_crew(std::uint32_t units);
  void on_replaced();
  void on_parts_arrived();
  // Moves latent damage to found damage among `among` hosts (off or serving); returns the hosts found.
  std::uint32_t find_damage(std::uint32_t& among, double& latent);
  void order_parts(std::uint32_t hosts);
  // Call after any change of the powered hosts: keeps the room's heat and the damage exposure right.
  void powered_changed(std::uint32_t powered_before);
  void publish_share(const Cause& cause);
  bool restart_done() const { return off_ == 0 && powering_ == 0 && checking_ == 0; }
  bool idle() const {
    return powered_hosts() == 0 && teams_asked_ == 0 && replacing_ == 0 && !awaiting_replace_;
  }
  void withdraw_requests();
  // Takes up to `hosts` of the pool's hosts out, serving first, then off, in checks (latest batches
  // first) and powering on (a batch left empty gives back its team); returns how many. The caller says
  // where they go (failed_, damaged_) and publishes.
  std::uint32_t take_hosts(std::uint32_t hosts);
  // Nothing holds the hosts off: no forced fault, no operator's power_off, and a room that takes them.
  bool may_restart() const;

  std::string name_;
  HostPoolParams params_;
  ThermalRoom* room_ = nullptr;

  // Where the hosts are; these add up to params_.hosts.
  std::uint32_t off_ = 0;       // healthy and off: the restart powers them on
  std::uint32_t powering_ = 0;  // in the batches being powered on (power_ons_)
  std::uint32_t checking_ = 0;  // powered, in or waiting for checks (the batches in checks_)
  std::uint32_t serving_;
  std::uint32_t tripped_steps_ = 0;  // tranches tripped since the pool last restarted
  std::uint32_t damaged_ = 0;        // found damaged, until replaced (includes replacing_)
  std::uint32_t failed_ = 0;         // out with a random failure of part of the pool (lose_hosts)

  // Expected damaged hosts not yet found: among those running (found when the room is back at the
  // rating), and among those stopped hot (found when they next power on).
  double latent_damage_ = 0;
  double latent_stopped_damage_ = 0;
  std::uint32_t exposed_ = 0;  // hosts powered during the room's stretch in progress
  std::deque<Batch> checks_;   // in the order they finish
  std::uint32_t spares_left_;
  std::uint32_t parts_ready_ = 0;  // damaged hosts whose parts are on site
  std::uint32_t replacing_ = 0;    // hosts being replaced now
  std::deque<Order> orders_;       // parts on their way, in order of arrival

  std::vector<PowerOn> power_ons_;  // slots, reused; grown to the most batches ever side by side
  std::uint32_t teams_asked_ = 0;   // slots waiting for their team
  std::uint32_t batches_powering_ = 0;
  bool awaiting_replace_ = false;
  // Operators powered the pool off (power_off): it stays off, whatever the room, until power_on.
  bool held_off_ = false;
  // The power_off holding it, and whether the pool has journalled that its room could take it back.
  InjectionId held_off_by_ = kNoInjection;
  bool held_off_noted_ = false;
  // What the pool's story is once the hold ends: the power_off's own cause when it stopped running hosts,
  // else what had stopped them before it (a power cut, a trip).
  Cause before_hold_;
  // The power_on of this instant, which restarts the hosts when nothing else holds them.
  std::optional<Cause> power_on_cause_;
  // Hosts are off that the room's derated cooling cannot carry yet: the batch that starts when it can is
  // restarted by what made room (restart_cause then).
  bool waiting_for_air_ = false;
  sim::TimerId shift_timer_;           // the crew's next change of headcount, while a team is queued
  std::uint32_t replace_payload_ = 0;  // of the queued crew request, to withdraw it
  std::uint32_t replace_units_ = 0;    // crew members held for the replacement in progress
  sim::TimerId checks_timer_;
  sim::TimerId replace_timer_;
  sim::TimerId parts_timer_;
  Cause down_cause_;
  ChangeId damage_change_ = kNoChange;  // the latest finding of damaged hosts: what their replacement ends
  Cause up_cause_;
  Cause cause_;                                     // of the latest change of the serving share
  std::optional<sim::RandomStream> damage_stream_;  // taken at the first draw, with random_damage
};

}  // namespace outagesim::models
