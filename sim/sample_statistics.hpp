// Summaries of samples of doubles, such as one downtime per replication: mean, spread, percentiles, a
// confidence interval of the mean, paired differences, rank correlation and a proportion's interval.
// Pure functions with no cloud concept; every result depends only on the multiset of values (or on the
// pairs), never on their order or on the machine, so reports built on them are byte-identical.
#pragma once

#include <cstddef>
#include <span>

namespace outagesim::sim {

// Percentiles everywhere in here are "type 7" of Hyndman & Fan (numpy's default, R's default): linear
// interpolation between the order statistics x[floor(h)] and x[floor(h) + 1] at h = (n - 1) * p.
// Sums are compensated (Neumaier) and taken over the values sorted ascending, so a summary never depends on
// the order the values came in.
struct Summary {
  std::size_t n = 0;
  double mean = 0;
  double sd = 0;  // sample standard deviation (divides by n - 1); 0 when n == 1
  double min = 0;
  double max = 0;
  // The 95 % confidence interval of the mean, from Student's t with n - 1 degrees of freedom;
  // [mean, mean] when n == 1 or every value is the same.
  double ci95_low = 0;
  double ci95_high = 0;
  double p5 = 0;
  double p10 = 0;
  double p50 = 0;
  double p90 = 0;
  double p95 = 0;
  double p99 = 0;
};

// REQUIRES: every value is finite. An empty sample gives n == 0 and NaN in every other field.
Summary summarize(std::span<const double> values);

// The type-7 percentile of `sorted` at p. REQUIRES: sorted ascending, non-empty, 0 <= p <= 1.
double percentile(std::span<const double> sorted, double p);

// Two samples drawn with common random numbers: pair i of a and b saw the same draws.
struct PairedComparison {
  Summary difference;   // of a_i - b_i
  double p_a_less = 0;  // share of pairs with a_i < b_i
  double p_equal = 0;   // share of pairs with a_i == b_i
};

// REQUIRES: a.size() == b.size(); finite values. Empty samples give NaN shares.
PairedComparison compare_paired(std::span<const double> a, std::span<const double> b);

// Spearman's rho: the Pearson correlation of the ranks, ties given their average rank. 0 when either side
// is constant or there are fewer than two pairs, since then no ordering says anything.
// REQUIRES: x.size() == y.size(); finite values.
double spearman_rank_correlation(std::span<const double> x, std::span<const double> y);

// A share of successes with its 95 % Wilson score interval, which stays inside [0, 1] and behaves at 0 and
// n successes, where the normal approximation gives a zero-width interval.
struct Proportion {
  double p = 0;
  double low = 0;
  double high = 0;
};

// REQUIRES: successes <= n. n == 0 gives p = NaN and the uninformative interval [0, 1].
Proportion wilson_interval(std::size_t successes, std::size_t n);

}  // namespace outagesim::sim
