#include "models/facility/thermal_trajectory.hpp"

#include <catch2/catch.hpp>

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
