// The expected share of a host pool's hardware that heat damages, and the shared default constants of
// that model and of replacing what it damaged. Host pools apply it (host_pool.*); the loader fills a
// pool's keys from these defaults. Expected values; a pool asked to (`random_damage`) draws the hosts
// found damaged instead, binomially around the expected share (draw_damaged_hosts).
//
//   damaged share = pct_per_c_hour / 100 x (integral of max(0, T - rated_c) dt while running, °C·h)
//                 + hot_shutdown_pct_per_c / 100 x max(0, T_stop - rated_c)   (at each stop, hot)
//
// each term capped at 1 and applied to the hosts that were running. The first term grows with peak
// temperature and time above the rating (degree-hours); the second is the extra harm of losing power hot
// (fans stop, disks and capacitors soak in the heat).
#pragma once

#include <cstdint>

#include "sim/random_stream.hpp"
#include "sim/time.hpp"

namespace outagesim::models {

// Assumptions, not fitted to any public time (see docs/scenario-format.md, "Heat damage"): server vendors
// rate inlet air to about 35 °C (ASHRAE A2) and component failure rates roughly double per 10 °C (the
// Arrhenius rule of thumb); 0.1 % of hosts per °C·h above the rating makes a room 10 °C over for 3 h lose
// about 3 % of its hosts, the order of "a small number of instances" in the Tokyo 2019 summary.
inline constexpr double kDamagePctPerCHour = 0.1;
// A host stopped at 10 °C above its rating loses another 1 %.
inline constexpr double kHotShutdownPctPerC = 0.1;
// A technician swaps and re-images about one server per hour (parts at hand).
inline constexpr double kReplaceHostsPerPersonHour = 1.0;
// Parts beyond the spares on site: next-business-day to two-day vendor delivery.
inline constexpr sim::Time kPartsLeadTime = sim::Time::hours(48);

// Expected damaged hosts among `running_hosts` after `degree_hours` above the rating.
double damage_from_exposure(double pct_per_c_hour, double degree_hours, double running_hosts);
// Expected extra damaged hosts among `running_hosts` stopped at `temp_c` with rating `rated_c`.
double damage_from_hot_stop(double pct_per_c, double temp_c, double rated_c, double running_hosts);

// A draw of the damaged hosts among `among` whose expected number is `expected`: binomial with
// p = min(1, expected / among), as `among` Bernoulli trials of one uniform each (our own sampler: the
// std:: ones differ between standard libraries). Returns 0 without a draw when `expected` is 0.
std::uint32_t draw_damaged_hosts(sim::RandomStream& stream, std::uint32_t among, double expected);

}  // namespace outagesim::models
