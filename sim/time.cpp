// Conversions between fractional seconds (as physical models compute them) and integer simulated time.
#include "sim/time.hpp"

#include <cassert>
#include <cmath>

namespace outagesim::sim {

Time ceil_seconds(double seconds) {
  assert(!std::isnan(seconds) && seconds >= 0.0);
  const double ms = std::ceil(seconds * 1000.0);
  // Anything beyond ~292 million years is "never" for our purposes.
  if (!(ms < 9.0e18)) return Time::never();
  return Time::ms(static_cast<std::int64_t>(ms));
}

}  // namespace outagesim::sim
