#include "sim/sample_statistics.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace outagesim::sim;

TEST_CASE("percentiles interpolate between order statistics (type 7, numpy's default)") {
  // numpy.percentile([1, 2, 3, 4], q) for q = 0, 5, 10, 50, 90, 95, 99, 100.
  const std::vector<double> sorted{1, 2, 3, 4};
  CHECK(percentile(sorted, 0.0) == 1.0);
  CHECK(percentile(sorted, 0.05) == Approx(1.15));
  CHECK(percentile(sorted, 0.10) == Approx(1.3));
  CHECK(percentile(sorted, 0.50) == Approx(2.5));
  CHECK(percentile(sorted, 0.90) == Approx(3.7));
  CHECK(percentile(sorted, 0.95) == Approx(3.85));
  CHECK(percentile(sorted, 0.99) == Approx(3.97));
  CHECK(percentile(sorted, 1.0) == 4.0);
  const std::vector<double> one{7};
  CHECK(percentile(one, 0.3) == 7.0);
}

TEST_CASE("a summary of a known sample") {
  // Mean 5, sample variance 32/7; t(0.975, 7 df) = 2.3646242510102993 (scipy.stats.t.ppf).
  const std::vector<double> values{9, 4, 2, 5, 4, 7, 4, 5};
  const Summary s = summarize(values);
  CHECK(s.n == 8);
  CHECK(s.mean == Approx(5.0).epsilon(1e-15));
  CHECK(s.sd == Approx(2.138089935299395).epsilon(1e-12));
  CHECK(s.min == 2);
  CHECK(s.max == 9);
  CHECK(s.ci95_low == Approx(5.0 - 1.7874879177958927).epsilon(1e-9));
  CHECK(s.ci95_high == Approx(5.0 + 1.7874879177958927).epsilon(1e-9));
  // Sorted: 2 4 4 4 5 5 7 9; h = 7p.
  CHECK(s.p5 == Approx(2.7));    // h = 0.35: 2 + 0.35 * 2
  CHECK(s.p10 == Approx(3.4));   // h = 0.7
  CHECK(s.p50 == Approx(4.5));   // h = 3.5
  CHECK(s.p90 == Approx(7.6));   // h = 6.3: 7 + 0.3 * 2
  CHECK(s.p95 == Approx(8.3));   // h = 6.65
  CHECK(s.p99 == Approx(8.86));  // h = 6.93
}

TEST_CASE("a summary does not depend on the order of the values, to the bit") {
  const std::vector<double> a{0.1, 1e9, 0.7, 3.3, -2.2, 1e-3, 42.0};
  const std::vector<double> b{42.0, 1e-3, -2.2, 3.3, 0.7, 1e9, 0.1};
  const Summary sa = summarize(a);
  const Summary sb = summarize(b);
  CHECK(sa.mean == sb.mean);
  CHECK(sa.sd == sb.sd);
  CHECK(sa.ci95_low == sb.ci95_low);
  CHECK(sa.p90 == sb.p90);
}

TEST_CASE("one value gives a zero-width interval and zero spread") {
  const std::vector<double> values{3.5};
  const Summary s = summarize(values);
  CHECK(s.n == 1);
  CHECK(s.sd == 0);
  CHECK(s.ci95_low == 3.5);
  CHECK(s.ci95_high == 3.5);
  CHECK(s.p99 == 3.5);
}

TEST_CASE("identical values give a zero-width interval") {
  const std::vector<double> values{2, 2, 2, 2};
  const Summary s = summarize(values);
  CHECK(s.sd == 0);
  CHECK(s.ci95_low == 2);
  CHECK(s.ci95_high == 2);
}

TEST_CASE("an empty sample says so with NaN rather than a plausible zero") {
  const Summary s = summarize({});
  CHECK(s.n == 0);
  CHECK(std::isnan(s.mean));
  CHECK(std::isnan(s.ci95_high));
  CHECK(std::isnan(s.p50));
}

TEST_CASE("paired comparison summarises a - b and counts who wins") {
  const std::vector<double> a{1, 5, 3, 4};
  const std::vector<double> b{2, 3, 3, 6};
  const PairedComparison c = compare_paired(a, b);
  CHECK(c.difference.n == 4);
  CHECK(c.difference.mean == Approx(-0.25));  // -1, 2, 0, -2
  CHECK(c.difference.min == -2);
  CHECK(c.difference.max == 2);
  CHECK(c.p_a_less == 0.5);
  CHECK(c.p_equal == 0.25);
}

TEST_CASE("spearman of a monotone series is 1, of an anti-monotone one -1") {
  const std::vector<double> x{1, 2, 3, 4, 5};
  const std::vector<double> up{1, 4, 9, 16, 25};  // monotone but not linear
  const std::vector<double> down{10, 8, 3, 2, -7};
  CHECK(spearman_rank_correlation(x, up) == Approx(1.0));
  CHECK(spearman_rank_correlation(x, down) == Approx(-1.0));
}

TEST_CASE("spearman gives ties their average rank") {
  // Ranks of y: 1, 2.5, 2.5, 4, 5; rho = 9.5 / sqrt(10 * 9.5) (scipy.stats.spearmanr agrees).
  const std::vector<double> x{1, 2, 3, 4, 5};
  const std::vector<double> y{1, 2, 2, 3, 5};
  CHECK(spearman_rank_correlation(x, y) == Approx(0.9746794344808964).epsilon(1e-12));
}

TEST_CASE("spearman is 0 when a side is constant or too short") {
  const std::vector<double> x{1, 2, 3};
  const std::vector<double> flat{4, 4, 4};
  CHECK(spearman_rank_correlation(x, flat) == 0);
  CHECK(spearman_rank_correlation(flat, x) == 0);
  const std::vector<double> one{1};
  CHECK(spearman_rank_correlation(one, one) == 0);
}

TEST_CASE("wilson interval of a proportion") {
  const Proportion half = wilson_interval(5, 10);
  CHECK(half.p == 0.5);
  CHECK(half.low == Approx(0.236593090512564).epsilon(1e-12));
  CHECK(half.high == Approx(0.7634069094874361).epsilon(1e-12));

  const Proportion none = wilson_interval(0, 10);
  CHECK(none.p == 0);
  CHECK(none.low == 0);
  CHECK(none.high == Approx(0.2775327998628892).epsilon(1e-12));

  const Proportion all = wilson_interval(10, 10);
  CHECK(all.low == Approx(0.7224672001371107).epsilon(1e-12));
  CHECK(all.high <= 1.0);
  CHECK(all.high == Approx(1.0));

  const Proportion unknown = wilson_interval(0, 0);
  CHECK(std::isnan(unknown.p));
  CHECK(unknown.low == 0);
  CHECK(unknown.high == 1);
}

TEST_CASE("a constant sample is its own mean, with no spread") {
  // Regression (session 20): the mean of 100 copies of 2670.714 came out 2670.7140000000004, sd 4.57e-13.
  const std::vector<double> same(100, 2670.714);
  const Summary s = summarize(same);
  CHECK(s.mean == 2670.714);
  CHECK(s.sd == 0);
  CHECK(s.ci95_low == s.ci95_high);
}
