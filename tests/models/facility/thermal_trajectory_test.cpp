#include "models/facility/thermal_trajectory.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <utility>

using namespace outagesim::models;

namespace {
// Explicit Euler with a small step: a reference to hold the closed form against.
double integrate(const ThermalInputs& in, double t0, double seconds) {
  double t = t0;
  const double dt = 0.01;
  for (double s = 0; s < seconds; s += dt) {
    t += dt * (in.heat_kw - in.cooling_kw - in.loss_kw_per_c * (t - in.outside_c)) / in.mass_kj_per_c;
    if (t < in.setpoint_c) t = in.setpoint_c;
  }
  return t;
}
const ThermalInputs kHot{1000, 0, 10, 20, 75000, 24};  // a hall that lost its cooling
}  // namespace

TEST_CASE("the closed form agrees with numerical integration") {
  CHECK(temperature_after(kHot, 24, 1200) == Approx(integrate(kHot, 24, 1200)).epsilon(1e-4));
  const ThermalInputs cooling{50, 300, 10, 20, 75000, 24};
  CHECK(temperature_after(cooling, 40, 3000) == Approx(integrate(cooling, 40, 3000)).epsilon(1e-4));
}

TEST_CASE("the time to a threshold is the inverse of the trajectory") {
  const auto t = seconds_to_reach(kHot, 24, 40);
  REQUIRE(t);
  CHECK(temperature_after(kHot, 24, *t) == Approx(40).epsilon(1e-9));
  // The equilibrium (20 + 1000/10 = 120 °C) is never reached, nor anything beyond it.
  CHECK_FALSE(seconds_to_reach(kHot, 24, 120));
  CHECK_FALSE(seconds_to_reach(kHot, 24, 150));
  // Nor anything behind the direction of travel.
  CHECK_FALSE(seconds_to_reach(kHot, 30, 28));
}

TEST_CASE("with enough cooling the room holds its setpoint") {
  const ThermalInputs fine{800, 1000, 10, 20, 75000, 24};
  CHECK(holds_setpoint(fine, 24));
  CHECK(direction(fine, 24) == 0);
  CHECK(temperature_after(fine, 24, 86400) == 24);
  // From above, it falls to the setpoint in finite time and stays.
  const auto t = seconds_to_reach(fine, 35, 24);
  REQUIRE(t);
  CHECK(temperature_after(fine, 35, *t + 1000) == 24);
}

TEST_CASE("without heat loss the temperature moves linearly") {
  const ThermalInputs sealed{600, 0, 0, 20, 60000, 24};
  CHECK(temperature_after(sealed, 24, 1000) == Approx(34));
  const auto t = seconds_to_reach(sealed, 24, 34);
  REQUIRE(t);
  CHECK(*t == Approx(1000));
}

TEST_CASE("a tiny heat loss behaves like none") {
  // Regression: eq + (T - eq) e^-x cancelled catastrophically for tiny G (the room stayed at 24 °C).
  const ThermalInputs almost_sealed{1000, 0, 1e-16, 20, 5000, 24};
  const ThermalInputs sealed{1000, 0, 0, 20, 5000, 24};
  CHECK(temperature_after(almost_sealed, 24, 600) ==
        Approx(temperature_after(sealed, 24, 600)).epsilon(1e-9));
  REQUIRE(seconds_to_reach(almost_sealed, 24, 40));
  CHECK(*seconds_to_reach(almost_sealed, 24, 40) == Approx(*seconds_to_reach(sealed, 24, 40)).epsilon(1e-9));
}

TEST_CASE("degree-seconds above a threshold match a fine numerical integral, crossings included") {
  const auto numeric = [](const ThermalInputs& in, double t0, double seconds, double threshold) {
    constexpr int kSteps = 200'000;
    double sum = 0;
    for (int i = 0; i < kSteps; ++i) {
      const double t = temperature_after(in, t0, (i + 0.5) * seconds / kSteps);
      sum += std::max(0.0, t - threshold) * seconds / kSteps;
    }
    return sum;
  };
  const ThermalInputs heating{500, 0, 10, 20, 180000, 24};   // rising toward 70 °C
  const ThermalInputs cooling{0, 1000, 10, 20, 180000, 24};  // falling to the setpoint
  const ThermalInputs no_loss{500, 0, 0, 20, 180000, 24};    // linear, 10 °C an hour
  for (const auto& [in, t0] : {std::pair{heating, 25.0}, std::pair{heating, 40.0}, std::pair{cooling, 40.0},
                               std::pair{cooling, 29.5}, std::pair{no_loss, 24.0}}) {
    for (const double seconds : {60.0, 1800.0, 7200.0, 36000.0}) {
      const double expected = numeric(in, t0, seconds, 30);
      CHECK(degree_seconds_above(in, t0, seconds, 30) == Approx(expected).epsilon(1e-6).margin(1e-3));
    }
  }
  // Linear: 10 °C an hour from 24 °C crosses 29 °C at 30 minutes; after 2 hours it is 15 °C above for
  // 1.5 h: 11.25 °C·h.
  CHECK(degree_seconds_above(no_loss, 24, 7200, 29) == Approx(11.25 * 3600));
  CHECK(degree_seconds_above(no_loss, 24, 1800, 29) == 0);
}
