// Named, independent random-number streams derived from one run seed.
// Each stream's seed depends only on (run seed, replication, stream name), so adding a model or a tenant
// never shifts another's draws (OMNeT++'s crngmanager does the same with stream ids). The generator is
// std::mt19937_64, whose output the standard fixes; the distributions are our own, because the std::
// ones differ between standard libraries.
#pragma once

#include <cstdint>
#include <random>
#include <string_view>

namespace outagesim::sim {

// Where RandomStream::binomial switches from exact inversion to the normal approximation, as n·q.
inline constexpr double kBinomialInversionBelow = 30.0;

class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next_u64() { return engine_(); }
  // Uniform on [0, 1) with 53 random bits.
  double uniform01();
  // Uniform on [low, high). REQUIRES: low <= high.
  double uniform(double low, double high);
  // Uniform integer on [0, n), without modulo bias. REQUIRES: n > 0.
  std::uint64_t uniform_int(std::uint64_t n);
  // REQUIRES: mean > 0.
  double exponential(double mean);
  // Box-Muller; one normal per two uniforms, nothing cached between calls. REQUIRES: stddev >= 0.
  double normal(double mean, double stddev);
  // Successes in n independent trials of probability p, at a cost independent of n: no draw at p <= 0
  // or p >= 1; else, counting on the rarer side q = min(p, 1 - p), exact inversion (one uniform, about
  // n·q steps) while n·q < kBinomialInversionBelow, and above it the normal approximation with continuity
  // correction, rounded and clamped to [0, n] (two uniforms). Its error there is of the order of the
  // skewness, (1 - 2q) / sqrt(n·q·(1 - q)), under 0.2 for n·q >= 30.
  std::uint64_t binomial(std::uint64_t n, double p);

 private:
  std::mt19937_64 engine_;
};

// The seed of stream `name` in replication `replication` of a run seeded with `run_seed`.
std::uint64_t derive_stream_seed(std::uint64_t run_seed, std::uint64_t replication, std::string_view name);

// Hands out streams for one replication. Holds no generator state itself: asking twice for the same name
// gives two streams with identical draws, so each model keeps the stream it was given.
class RandomStreams {
 public:
  explicit RandomStreams(std::uint64_t run_seed, std::uint64_t replication = 0)
      : run_seed_(run_seed), replication_(replication) {}

  RandomStream stream(std::string_view name) const {
    return RandomStream(derive_stream_seed(run_seed_, replication_, name));
  }
  std::uint64_t run_seed() const { return run_seed_; }
  std::uint64_t replication() const { return replication_; }

 private:
  std::uint64_t run_seed_;
  std::uint64_t replication_;
};

}  // namespace outagesim::sim
