// Distributions written out so that a seed gives the same draws with every standard library.
#include "sim/random_stream.hpp"

#include <cassert>
#include <cmath>
#include <numbers>

#include "sim/stable_hash.hpp"

namespace outagesim::sim {

double RandomStream::uniform01() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double RandomStream::uniform(double low, double high) {
  assert(low <= high);
  return low + (high - low) * uniform01();
}

std::uint64_t RandomStream::uniform_int(std::uint64_t n) {
  assert(n > 0);
  // Reject the top partial block of the 2^64 range so every residue is equally likely.
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
  std::uint64_t x;
  do {
    x = engine_();
  } while (x >= limit);
  return x % n;
}

double RandomStream::exponential(double mean) {
  assert(mean > 0);
  return -mean * std::log1p(-uniform01());
}

double RandomStream::normal(double mean, double stddev) {
  assert(stddev >= 0);
  const double u1 = 1.0 - uniform01();  // (0, 1]: log is finite
  const double u2 = uniform01();
  return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::uint64_t RandomStream::binomial(std::uint64_t n, double p) {
  if (n == 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  const bool flipped = p > 0.5;
  const double q = flipped ? 1.0 - p : p;
  const double trials = static_cast<double>(n);
  std::uint64_t successes = 0;
  if (trials * q < kBinomialInversionBelow) {
    // Walk the probabilities P(0), P(1), ... until they sum past one uniform draw. P(0) = (1 - q)^n is
    // at least e^-42 here, and P(x) / P(x - 1) = (n + 1 - x) / x · q / (1 - q). The walk stops at n, or
    // when rounding leaves the tail's terms at zero.
    const double odds = q / (1.0 - q);
    const double scaled = (trials + 1.0) * odds;
    double term = std::exp(trials * std::log1p(-q));
    double u = uniform01();
    while (u > term && successes < n && term > 0) {
      u -= term;
      ++successes;
      term *= scaled / static_cast<double>(successes) - odds;
    }
  } else {
    const double mean = trials * q;
    const double value = std::floor(normal(mean, std::sqrt(mean * (1.0 - q))) + 0.5);
    successes = value <= 0 ? 0 : value >= trials ? n : static_cast<std::uint64_t>(value);
  }
  return flipped ? n - successes : successes;
}

std::uint64_t derive_stream_seed(std::uint64_t run_seed, std::uint64_t replication, std::string_view name) {
  return splitmix64(splitmix64(splitmix64(run_seed) ^ replication) ^ fnv1a64(name));
}

}  // namespace outagesim::sim
