// A probability distribution of one number, sampled by inversion: a draw is the quantile of a uniform
// (0, 1) variate from a RandomStream. Inversion keeps a draw a pure function of the stream (the same seed
// gives the same draws with every standard library, unlike std:: distributions), makes truncation exact
// (the uniform is mapped into [F(lower), F(upper)]), and couples draws monotonically: a higher variate gives
// a higher value, which is what common random numbers and one-at-a-time sensitivity need.
// The quantile functions come from Boost.Math, computed in double without promotion to long double, so
// they do not depend on the platform's long double either.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/random_stream.hpp"

namespace outagesim::sim {

enum class DistributionKind : std::uint8_t {
  kConstant,     // value
  kUniform,      // min, max
  kTriangular,   // min, mode, max
  kExponential,  // mean
  kNormal,       // mean, sd
  kLognormal,    // median, sigma (the standard deviation of the logarithm)
  kWeibull,      // shape, scale
  kGamma,        // shape, scale
  kPareto,       // shape, scale (the smallest value)
  kEmpirical,    // samples, each equally likely
};

// "triangular", ...; and back (nullopt-like: false when unknown).
std::string_view distribution_kind_name(DistributionKind kind);
bool parse_distribution_kind(std::string_view name, DistributionKind& kind);
// All kinds, in declaration order (for messages and tests).
std::vector<DistributionKind> all_distribution_kinds();

class Distribution;
// A distribution, or why its parameters are invalid (a sentence such as "the scale must be above 0").
using MadeDistribution = std::variant<Distribution, std::string>;

class Distribution {
 public:
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();

  // Builders check their parameters; none of them throws.
  static MadeDistribution constant(double value);
  static MadeDistribution uniform(double min, double max);
  static MadeDistribution triangular(double min, double mode, double max);
  static MadeDistribution exponential(double mean);
  static MadeDistribution normal(double mean, double sd);
  static MadeDistribution lognormal(double median, double sigma);
  static MadeDistribution weibull(double shape, double scale);
  static MadeDistribution gamma(double shape, double scale);
  static MadeDistribution pareto(double shape, double scale);
  static MadeDistribution empirical(std::vector<double> samples);

  // This distribution conditioned on [lower, upper] (either may be infinite). Refused when the interval
  // holds no probability, or for constants and empirical samples (trim the samples instead).
  MadeDistribution truncated(double lower, double upper) const;

  DistributionKind kind() const { return kind_; }
  // The smallest and largest values a draw can take (after truncation; infinite when unbounded).
  double lowest() const;
  double highest() const;
  // The probability that a draw of the untruncated distribution lies outside [lo, hi].
  double mass_outside(double lo, double hi) const;

  // The p-quantile of the (truncated) distribution. REQUIRES: 0 < p < 1.
  double quantile(double p) const;
  double median() const { return quantile(0.5); }
  // For empirical samples: whether `value` is one of them. False for every other kind.
  bool has_sample(double value) const;
  // For empirical samples: the samples, sorted. Empty for every other kind.
  const std::vector<double>& samples() const { return samples_; }
  // One draw: the quantile of an open-interval uniform variate of `stream`. Takes one 64-bit output.
  double sample(RandomStream& stream) const;
  // The variate a draw uses, in (0, 1): 53 random bits, centred in their cell so that neither end is hit.
  static double open_uniform(RandomStream& stream);

  // "triangular(min 3600, mode 7200, max 14400)" in the distribution's own numbers; with `value_text`,
  // every parameter in the unit of the values (not shape or sigma) is shown through it ("1h 00m").
  std::string describe() const;
  std::string describe(const std::function<std::string(double)>& value_text) const;
  // The same with a normal's sd, a spread rather than a value, shown through `spread_text` (a time of day's
  // sd is a duration).
  std::string describe(const std::function<std::string(double)>& value_text,
                       const std::function<std::string(double)>& spread_text) const;

 private:
  Distribution() = default;
  double raw_quantile(double p) const;  // of the untruncated distribution
  double raw_cdf(double x) const;

  DistributionKind kind_ = DistributionKind::kConstant;
  double a_ = 0, b_ = 0, c_ = 0;  // the kind's parameters in the order listed above
  std::vector<double> samples_;   // sorted
  double lower_ = -kInfinity, upper_ = kInfinity;
  double cdf_lower_ = 0, cdf_upper_ = 1;  // raw_cdf at the truncation bounds
};

}  // namespace outagesim::sim
