// Sample summaries: sorted copies, compensated sums, type-7 percentiles and Boost.Math's Student's t.
#include "sim/sample_statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cassert>
#include <cmath>
#include <limits>
#include <vector>

namespace outagesim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The 0.975 quantile of the standard normal, for the Wilson interval.
constexpr double kZ975 = 1.959963984540054;

// Boost.Math would otherwise compute double quantiles in long double, whose width differs between
// platforms; staying in double keeps the bytes the same everywhere (sim/distribution.cpp does the same).
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// Neumaier's compensated sum, in the order given.
class CompensatedSum {
 public:
  void add(double x) {
    const double t = sum_ + x;
    if (std::abs(sum_) >= std::abs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0;
  double compensation_ = 0;
};

double mean_of(std::span<const double> values) {
  CompensatedSum sum;
  for (const double x : values) sum.add(x);
  return sum.value() / static_cast<double>(values.size());
}

// Sample standard deviation about `mean`, two-pass so a large mean does not eat the spread.
double sd_of(std::span<const double> values, double mean) {
  if (values.size() < 2) return 0;
  CompensatedSum sum;
  for (const double x : values) sum.add((x - mean) * (x - mean));
  return std::sqrt(sum.value() / static_cast<double>(values.size() - 1));
}

// 1-based ranks, ties sharing the average of the ranks they span.
std::vector<double> average_ranks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t l, std::size_t r) { return values[l] < values[r]; });
  std::vector<double> ranks(values.size());
  std::size_t first = 0;
  while (first < order.size()) {
    std::size_t last = first + 1;
    while (last < order.size() && values[order[last]] == values[order[first]]) ++last;
    // Positions first..last-1 hold equal values: ranks first+1..last, whose average is this.
    const double rank = (static_cast<double>(first + 1) + static_cast<double>(last)) / 2.0;
    for (std::size_t k = first; k < last; ++k) ranks[order[k]] = rank;
    first = last;
  }
  return ranks;
}

}  // namespace

double percentile(std::span<const double> sorted, double p) {
  assert(!sorted.empty());
  assert(p >= 0 && p <= 1);
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  const double fraction = h - static_cast<double>(below);
  const double low = sorted[below];
  const double high = sorted[below + 1];
  // Interpolate from the nearer end, as numpy's _lerp does, so a fraction of 1 gives `high` exactly.
  if (fraction >= 0.5) return high - (high - low) * (1.0 - fraction);
  return low + (high - low) * fraction;
}

Summary summarize(std::span<const double> values) {
  Summary s;
  s.n = values.size();
  if (values.empty()) {
    s.mean = s.sd = s.min = s.max = s.ci95_low = s.ci95_high = kNaN;
    s.p5 = s.p10 = s.p50 = s.p90 = s.p95 = s.p99 = kNaN;
    return s;
  }
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  assert(std::all_of(sorted.begin(), sorted.end(), [](double x) { return std::isfinite(x); }));

  s.min = sorted.front();
  s.max = sorted.back();
  // A constant is its own mean with no spread: summed, 100 times 2670.714 is not 100 x 2670.714, and a
  // report printed a mean of 2670.7140000000004 with a standard deviation of 4.57e-13.
  if (s.min == s.max) {
    s.mean = s.min;
    s.sd = 0;
  } else {
    s.mean = std::clamp(mean_of(sorted), s.min, s.max);
    s.sd = sd_of(sorted, s.mean);
  }
  s.ci95_low = s.ci95_high = s.mean;
  if (s.n > 1 && s.sd > 0) {
    const boost::math::students_t_distribution<double, DoublePolicy> t(static_cast<double>(s.n - 1));
    const double half_width = boost::math::quantile(t, 0.975) * s.sd / std::sqrt(static_cast<double>(s.n));
    s.ci95_low = s.mean - half_width;
    s.ci95_high = s.mean + half_width;
  }
  s.p5 = percentile(sorted, 0.05);
  s.p10 = percentile(sorted, 0.10);
  s.p50 = percentile(sorted, 0.50);
  s.p90 = percentile(sorted, 0.90);
  s.p95 = percentile(sorted, 0.95);
  s.p99 = percentile(sorted, 0.99);
  return s;
}

PairedComparison compare_paired(std::span<const double> a, std::span<const double> b) {
  assert(a.size() == b.size());
  std::vector<double> difference(a.size());
  std::size_t a_less = 0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference[i] = a[i] - b[i];
    if (a[i] < b[i]) ++a_less;
    if (a[i] == b[i]) ++equal;
  }
  PairedComparison c;
  c.difference = summarize(difference);
  const double n = static_cast<double>(a.size());
  c.p_a_less = a.empty() ? kNaN : static_cast<double>(a_less) / n;
  c.p_equal = a.empty() ? kNaN : static_cast<double>(equal) / n;
  return c;
}

double spearman_rank_correlation(std::span<const double> x, std::span<const double> y) {
  assert(x.size() == y.size());
  if (x.size() < 2) return 0;
  const std::vector<double> rx = average_ranks(x);
  const std::vector<double> ry = average_ranks(y);
  // Both rank vectors have mean (n + 1) / 2 exactly, whatever the ties.
  const double mean_rank = (static_cast<double>(x.size()) + 1.0) / 2.0;
  CompensatedSum sxy;
  CompensatedSum sxx;
  CompensatedSum syy;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    const double dx = rx[i] - mean_rank;
    const double dy = ry[i] - mean_rank;
    sxy.add(dx * dy);
    sxx.add(dx * dx);
    syy.add(dy * dy);
  }
  if (sxx.value() == 0 || syy.value() == 0) return 0;
  const double rho = sxy.value() / std::sqrt(sxx.value() * syy.value());
  return std::clamp(rho, -1.0, 1.0);
}

Proportion wilson_interval(std::size_t successes, std::size_t n) {
  assert(successes <= n);
  if (n == 0) return {kNaN, 0.0, 1.0};
  const double trials = static_cast<double>(n);
  const double p = static_cast<double>(successes) / trials;
  const double z2 = kZ975 * kZ975;
  const double denominator = 1.0 + z2 / trials;
  const double centre = (p + z2 / (2.0 * trials)) / denominator;
  const double half_width =
      kZ975 * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
  return {p, std::max(0.0, centre - half_width), std::min(1.0, centre + half_width)};
}

}  // namespace outagesim::sim
