// Inversion sampling over Boost.Math's quantile and cdf functions.
#include "sim/distribution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/pareto.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <cassert>
#include <cmath>

namespace outagesim::sim {

namespace {

namespace bm = boost::math;
// Double precision throughout, and errors as values rather than exceptions: parameters are checked by
// the builders, and probabilities are kept inside (0, 1), so no error path is taken in practice.
using Policy = bm::policies::policy<bm::policies::promote_double<false>, bm::policies::promote_float<false>>;

struct KindName {
  DistributionKind kind;
  std::string_view name;
};
constexpr std::array<KindName, 10> kKindNames{{
    {DistributionKind::kConstant, "constant"},
    {DistributionKind::kUniform, "uniform"},
    {DistributionKind::kTriangular, "triangular"},
    {DistributionKind::kExponential, "exponential"},
    {DistributionKind::kNormal, "normal"},
    {DistributionKind::kLognormal, "lognormal"},
    {DistributionKind::kWeibull, "weibull"},
    {DistributionKind::kGamma, "gamma"},
    {DistributionKind::kPareto, "pareto"},
    {DistributionKind::kEmpirical, "empirical"},
}};

bool finite(double x) {
  return std::isfinite(x);
}

// Applies `f` to the Boost distribution object of a continuous kind.
template <class F>
auto with_boost(DistributionKind kind, double a, double b, double c, F&& f) {
  switch (kind) {
    case DistributionKind::kUniform:
      return f(bm::uniform_distribution<double, Policy>(a, b));
    case DistributionKind::kTriangular:
      return f(bm::triangular_distribution<double, Policy>(a, b, c));
    case DistributionKind::kExponential:
      return f(bm::exponential_distribution<double, Policy>(1.0 / a));
    case DistributionKind::kNormal:
      return f(bm::normal_distribution<double, Policy>(a, b));
    case DistributionKind::kLognormal:
      return f(bm::lognormal_distribution<double, Policy>(std::log(a), b));
    case DistributionKind::kWeibull:
      return f(bm::weibull_distribution<double, Policy>(a, b));
    case DistributionKind::kGamma:
      return f(bm::gamma_distribution<double, Policy>(a, b));
    case DistributionKind::kPareto:
      return f(bm::pareto_distribution<double, Policy>(b, a));
    case DistributionKind::kConstant:
    case DistributionKind::kEmpirical:
      break;
  }
  assert(false && "not a continuous kind");
  return f(bm::uniform_distribution<double, Policy>(0, 1));
}

}  // namespace

std::string_view distribution_kind_name(DistributionKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "?";
}

bool parse_distribution_kind(std::string_view name, DistributionKind& kind) {
  for (const auto& k : kKindNames) {
    if (k.name == name) {
      kind = k.kind;
      return true;
    }
  }
  return false;
}

std::vector<DistributionKind> all_distribution_kinds() {
  std::vector<DistributionKind> kinds;
  for (const auto& k : kKindNames) kinds.push_back(k.kind);
  return kinds;
}

MadeDistribution Distribution::constant(double value) {
  if (!finite(value)) return std::string("the value must be a finite number");
  Distribution d;
  d.kind_ = DistributionKind::kConstant;
  d.a_ = value;
  return d;
}

MadeDistribution Distribution::uniform(double min, double max) {
  if (!finite(min) || !finite(max) || !(min < max)) return std::string("min must be below max");
  Distribution d;
  d.kind_ = DistributionKind::kUniform;
  d.a_ = min;
  d.b_ = max;
  return d;
}

MadeDistribution Distribution::triangular(double min, double mode, double max) {
  if (!finite(min) || !finite(mode) || !finite(max) || !(min < max) || mode < min || mode > max) {
    return std::string("min must be below max, with the mode between them");
  }
  Distribution d;
  d.kind_ = DistributionKind::kTriangular;
  d.a_ = min;
  d.b_ = mode;
  d.c_ = max;
  return d;
}

MadeDistribution Distribution::exponential(double mean) {
  if (!finite(mean) || !(mean > 0)) return std::string("the mean must be above 0");
  Distribution d;
  d.kind_ = DistributionKind::kExponential;
  d.a_ = mean;
  return d;
}

MadeDistribution Distribution::normal(double mean, double sd) {
  if (!finite(mean)) return std::string("the mean must be a finite number");
  if (!finite(sd) || !(sd > 0)) return std::string("sd must be above 0");
  Distribution d;
  d.kind_ = DistributionKind::kNormal;
  d.a_ = mean;
  d.b_ = sd;
  return d;
}

MadeDistribution Distribution::lognormal(double median, double sigma) {
  if (!finite(median) || !(median > 0)) return std::string("the median must be above 0");
  if (!finite(sigma) || !(sigma > 0) || sigma > 10)
    return std::string("sigma must be above 0 and at most 10");
  Distribution d;
  d.kind_ = DistributionKind::kLognormal;
  d.a_ = median;
  d.b_ = sigma;
  return d;
}

MadeDistribution Distribution::weibull(double shape, double scale) {
  if (!finite(shape) || !(shape >= 0.01) || shape > 1000)
    return std::string("the shape must be from 0.01 to 1000");
  if (!finite(scale) || !(scale > 0)) return std::string("the scale must be above 0");
  Distribution d;
  d.kind_ = DistributionKind::kWeibull;
  d.a_ = shape;
  d.b_ = scale;
  return d;
}

MadeDistribution Distribution::gamma(double shape, double scale) {
  if (!finite(shape) || !(shape >= 0.01) || shape > 1e6)
    return std::string("the shape must be from 0.01 to 1e6");
  if (!finite(scale) || !(scale > 0)) return std::string("the scale must be above 0");
  Distribution d;
  d.kind_ = DistributionKind::kGamma;
  d.a_ = shape;
  d.b_ = scale;
  return d;
}

MadeDistribution Distribution::pareto(double shape, double scale) {
  if (!finite(shape) || !(shape >= 0.01) || shape > 1000)
    return std::string("the shape must be from 0.01 to 1000");
  if (!finite(scale) || !(scale > 0)) return std::string("the scale must be above 0");
  Distribution d;
  d.kind_ = DistributionKind::kPareto;
  d.a_ = shape;
  d.b_ = scale;
  return d;
}

MadeDistribution Distribution::empirical(std::vector<double> samples) {
  if (samples.empty()) return std::string("there must be at least one sample");
  if (!std::all_of(samples.begin(), samples.end(), finite)) return std::string("every sample must be finite");
  std::sort(samples.begin(), samples.end());
  Distribution d;
  d.kind_ = DistributionKind::kEmpirical;
  d.samples_ = std::move(samples);
  return d;
}

MadeDistribution Distribution::truncated(double lower, double upper) const {
  if (kind_ == DistributionKind::kConstant || kind_ == DistributionKind::kEmpirical) {
    return fmt::format("a {} distribution takes no min or max", distribution_kind_name(kind_));
  }
  if (std::isnan(lower) || std::isnan(upper) || !(lower < upper)) return std::string("min must be below max");
  Distribution d = *this;
  d.lower_ = std::max(lower, lower_);
  d.upper_ = std::min(upper, upper_);
  d.cdf_lower_ = std::isfinite(d.lower_) ? raw_cdf(d.lower_) : 0.0;
  d.cdf_upper_ = std::isfinite(d.upper_) ? raw_cdf(d.upper_) : 1.0;
  if (!(d.lower_ < d.upper_) || !(d.cdf_upper_ - d.cdf_lower_ > 1e-12)) {
    return fmt::format("[{}, {}] holds no probability of {}", lower, upper, describe());
  }
  return d;
}

double Distribution::raw_cdf(double x) const {
  switch (kind_) {
    case DistributionKind::kConstant:
      return x < a_ ? 0.0 : 1.0;
    case DistributionKind::kEmpirical: {
      const auto n = std::upper_bound(samples_.begin(), samples_.end(), x) - samples_.begin();
      return static_cast<double>(n) / static_cast<double>(samples_.size());
    }
    default:
      break;
  }
  return with_boost(kind_, a_, b_, c_, [&](const auto& dist) {
    if (x <= bm::support(dist).first) return 0.0;
    if (x >= bm::support(dist).second) return 1.0;
    return bm::cdf(dist, x);
  });
}

bool Distribution::has_sample(double value) const {
  return kind_ == DistributionKind::kEmpirical && std::binary_search(samples_.begin(), samples_.end(), value);
}

double Distribution::raw_quantile(double p) const {
  switch (kind_) {
    case DistributionKind::kConstant:
      return a_;
    case DistributionKind::kEmpirical: {
      // The inverse of the step CDF of drawing one sample at random: the smallest sample x with
      // P(X <= x) >= p, so p in (k/n, (k+1)/n] gives the k-th (0-based), and the median of 1 and 3 is 1.
      // A draw's variate is almost never k/n exactly (see open_uniform), so draws take each sample equally
      // often up to a few parts in 2^52.
      const auto n = static_cast<double>(samples_.size());
      const double above = std::ceil(p * n) - 1;
      const auto k = static_cast<std::size_t>(std::clamp(above, 0.0, n - 1));
      return samples_[k];
    }
    default:
      break;
  }
  return with_boost(kind_, a_, b_, c_, [&](const auto& dist) { return bm::quantile(dist, p); });
}

double Distribution::lowest() const {
  if (kind_ == DistributionKind::kConstant) return a_;
  if (kind_ == DistributionKind::kEmpirical) return samples_.front();
  const double natural = with_boost(kind_, a_, b_, c_, [](const auto& dist) {
    const double lo = bm::support(dist).first;
    // Boost reports an unbounded side as the largest finite double, and an open bound at 0 as the
    // smallest positive one.
    if (lo <= -std::numeric_limits<double>::max()) return -kInfinity;
    return lo > 0 && lo <= std::numeric_limits<double>::min() ? 0.0 : lo;
  });
  return std::max(natural, lower_);
}

double Distribution::highest() const {
  if (kind_ == DistributionKind::kConstant) return a_;
  if (kind_ == DistributionKind::kEmpirical) return samples_.back();
  const double natural = with_boost(kind_, a_, b_, c_, [](const auto& dist) {
    const double hi = bm::support(dist).second;
    return hi >= std::numeric_limits<double>::max() ? kInfinity : hi;
  });
  return std::min(natural, upper_);
}

double Distribution::mass_outside(double lo, double hi) const {
  if (kind_ == DistributionKind::kConstant) return a_ < lo || a_ > hi ? 1.0 : 0.0;
  if (kind_ == DistributionKind::kEmpirical) {
    const auto inside =
        std::count_if(samples_.begin(), samples_.end(), [&](double x) { return x >= lo && x <= hi; });
    return 1.0 - static_cast<double>(inside) / static_cast<double>(samples_.size());
  }
  // Within the truncation, relative to its mass.
  const double mass = cdf_upper_ - cdf_lower_;
  const double below = std::isfinite(lo) && lo > lower_ ? (raw_cdf(lo) - cdf_lower_) / mass : 0.0;
  const double above = std::isfinite(hi) && hi < upper_ ? (cdf_upper_ - raw_cdf(hi)) / mass : 0.0;
  return std::max(0.0, below) + std::max(0.0, above);
}

double Distribution::quantile(double p) const {
  assert(p > 0 && p < 1);
  if (kind_ == DistributionKind::kConstant || kind_ == DistributionKind::kEmpirical) return raw_quantile(p);
  // Map p into the truncated interval, kept strictly inside (0, 1) so no quantile is infinite.
  constexpr double kTiny = 0x1.0p-60;
  const double q = std::clamp(cdf_lower_ + p * (cdf_upper_ - cdf_lower_), kTiny, 1.0 - 0x1.0p-53);
  return std::clamp(raw_quantile(q), lower_, upper_);
}

double Distribution::open_uniform(RandomStream& stream) {
  return (static_cast<double>(stream.next_u64() >> 11) + 0.5) * 0x1.0p-53;
}

double Distribution::sample(RandomStream& stream) const {
  return quantile(open_uniform(stream));
}

std::string Distribution::describe() const {
  return describe([](double v) { return fmt::format("{}", v); });
}

std::string Distribution::describe(const std::function<std::string(double)>& value_text) const {
  return describe(value_text, value_text);
}

std::string Distribution::describe(const std::function<std::string(double)>& value_text,
                                   const std::function<std::string(double)>& spread_text) const {
  const auto& v = value_text;
  std::string text;
  switch (kind_) {
    case DistributionKind::kConstant:
      return fmt::format("constant({})", v(a_));
    case DistributionKind::kUniform:
      text = fmt::format("uniform(min {}, max {})", v(a_), v(b_));
      break;
    case DistributionKind::kTriangular:
      text = fmt::format("triangular(min {}, mode {}, max {})", v(a_), v(b_), v(c_));
      break;
    case DistributionKind::kExponential:
      text = fmt::format("exponential(mean {})", v(a_));
      break;
    case DistributionKind::kNormal:
      text = fmt::format("normal(mean {}, sd {})", v(a_), spread_text(b_));
      break;
    case DistributionKind::kLognormal:
      text = fmt::format("lognormal(median {}, sigma {})", v(a_), b_);
      break;
    case DistributionKind::kWeibull:
      text = fmt::format("weibull(shape {}, scale {})", a_, v(b_));
      break;
    case DistributionKind::kGamma:  // its scale is a span: the mean is shape x scale
      text = fmt::format("gamma(shape {}, scale {})", a_, spread_text(b_));
      break;
    case DistributionKind::kPareto:
      text = fmt::format("pareto(shape {}, scale {})", a_, v(b_));
      break;
    case DistributionKind::kEmpirical:
      return fmt::format("empirical({} samples from {} to {})", samples_.size(), v(samples_.front()),
                         v(samples_.back()));
  }
  const bool low = std::isfinite(lower_), high = std::isfinite(upper_);
  if (low && high) {
    text += fmt::format(" in [{}, {}]", v(lower_), v(upper_));
  } else if (low) {
    text += fmt::format(" >= {}", v(lower_));
  } else if (high) {
    text += fmt::format(" <= {}", v(upper_));
  }
  return text;
}

}  // namespace outagesim::sim
