#include "sim/distribution.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <iomanip>

using outagesim::sim::Distribution;
using outagesim::sim::DistributionKind;
using outagesim::sim::MadeDistribution;
using outagesim::sim::RandomStream;

namespace {

Distribution made(const MadeDistribution& m) {
  if (const auto* why = std::get_if<std::string>(&m)) FAIL("not made: " << *why);
  return std::get<Distribution>(m);
}

std::string refused(const MadeDistribution& m) {
  const auto* why = std::get_if<std::string>(&m);
  return why ? *why : std::string();
}

}  // namespace

TEST_CASE("the first draws of each kind are pinned for a fixed seed") {
  // If these change, every uncertain result changes: that must be a deliberate decision. Each kind draws
  // from a fresh stream of seed 42, so the variates are the same and only the quantile function differs.
  const struct {
    MadeDistribution dist;
    double first, second;
  } cases[] = {
      {Distribution::constant(5), 5, 5},
      {Distribution::uniform(10, 20), 17.5515553295, 16.3903139385},
      {Distribution::triangular(0, 1, 4), 2.28590151842, 1.91874478409},
      {Distribution::exponential(2), 2.81426419682, 2.03792857603},
      {Distribution::normal(100, 15), 110.362054927, 105.338064245},
      {Distribution::lognormal(60, 0.5), 84.7534448909, 71.6848936443},
      {Distribution::weibull(1.5, 10), 12.5571162054, 10.1260323134},
      {Distribution::gamma(2, 3), 8.16351095742, 6.52181126785},
      {Distribution::pareto(3, 1), 1.59846538212, 1.40446263393},
      {Distribution::empirical({4, 1, 3, 2}), 4, 3},
  };
  for (const auto& c : cases) {
    const Distribution d = made(c.dist);
    RandomStream s(42);
    const double x1 = d.sample(s);
    const double x2 = d.sample(s);
    INFO(d.describe() << " -> " << std::setprecision(12) << x1 << ", " << x2);
    CHECK(x1 == Approx(c.first).margin(1e-8));
    CHECK(x2 == Approx(c.second).margin(1e-8));
  }
}

TEST_CASE("the variates of one stream give the same order of values for every kind") {
  // Inversion couples draws: the same variate is the same quantile, which is what common random numbers
  // and p10/p90 sensitivity rely on.
  const Distribution d = made(Distribution::lognormal(10, 1));
  CHECK(d.quantile(0.1) < d.median());
  CHECK(d.median() == Approx(10));
  CHECK(d.quantile(0.9) == Approx(10 * std::exp(1.2815515655)).epsilon(1e-6));
}

TEST_CASE("truncation keeps every draw inside and renormalises") {
  const Distribution d = made(made(Distribution::normal(0, 1)).truncated(-1, 2));
  CHECK(d.lowest() == -1);
  CHECK(d.highest() == 2);
  RandomStream s(7);
  double sum = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double x = d.sample(s);
    REQUIRE(x >= -1);
    REQUIRE(x <= 2);
    sum += x;
  }
  // The mean of N(0,1) truncated to [-1, 2]: (phi(-1) - phi(2)) / (Phi(2) - Phi(-1)) = 0.2298.
  CHECK(sum / n == Approx(0.2298).margin(0.01));
  // A one-sided truncation of a lognormal: its median moves up.
  const Distribution ln = made(made(Distribution::lognormal(10, 1)).truncated(10, Distribution::kInfinity));
  CHECK(ln.lowest() == 10);
  CHECK(ln.median() == Approx(10 * std::exp(0.6744897502)).epsilon(1e-6));
}

TEST_CASE("bad parameters are refused with a reason") {
  CHECK(refused(Distribution::uniform(2, 1)) == "min must be below max");
  CHECK(refused(Distribution::triangular(0, 5, 4)) == "min must be below max, with the mode between them");
  CHECK(refused(Distribution::exponential(0)) == "the mean must be above 0");
  CHECK(refused(Distribution::normal(0, -1)) == "sd must be above 0");
  CHECK(refused(Distribution::lognormal(-3, 1)) == "the median must be above 0");
  CHECK(refused(Distribution::weibull(0, 1)) == "the shape must be from 0.01 to 1000");
  CHECK(refused(Distribution::gamma(1, -2)) == "the scale must be above 0");
  CHECK(refused(Distribution::pareto(2, 0)) == "the scale must be above 0");
  CHECK(refused(Distribution::empirical({})) == "there must be at least one sample");
  CHECK(refused(Distribution::constant(NAN)) == "the value must be a finite number");
  CHECK(refused(made(Distribution::exponential(1)).truncated(-5, -1)).find("holds no probability") !=
        std::string::npos);
  CHECK(refused(made(Distribution::constant(1)).truncated(0, 2)) ==
        "a constant distribution takes no min or max");
}

TEST_CASE("support and the mass outside a range") {
  const Distribution e = made(Distribution::exponential(1));
  CHECK(e.lowest() == 0);
  CHECK(std::isinf(e.highest()));
  CHECK(e.mass_outside(0, 1) == Approx(std::exp(-1.0)));
  CHECK(made(Distribution::uniform(0, 10)).mass_outside(0, 5) == Approx(0.5));
  CHECK(made(Distribution::empirical({1, 2, 3, 4})).mass_outside(2, 3) == Approx(0.5));
}

TEST_CASE("every kind has a name that parses back") {
  for (const DistributionKind kind : outagesim::sim::all_distribution_kinds()) {
    DistributionKind back = DistributionKind::kConstant;
    REQUIRE(outagesim::sim::parse_distribution_kind(outagesim::sim::distribution_kind_name(kind), back));
    CHECK(back == kind);
  }
  DistributionKind k{};
  CHECK_FALSE(outagesim::sim::parse_distribution_kind("gauss", k));
}

TEST_CASE("an empirical quantile is the smallest sample with at least that share at or below it") {
  // Regression: the median of 1 and 3 was 3, the upper middle; P(X <= 1) is already 1/2.
  const Distribution two = made(Distribution::empirical({3, 1}));
  CHECK(two.median() == 1);
  CHECK(two.quantile(0.51) == 3);
  const Distribution ten = made(Distribution::empirical({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  CHECK(ten.quantile(0.1) == 1);
  CHECK(ten.quantile(0.9) == 9);
  CHECK(ten.quantile(0.95) == 10);
  CHECK(ten.has_sample(4));
  CHECK_FALSE(ten.has_sample(4.5));
  CHECK_FALSE(made(Distribution::uniform(1, 10)).has_sample(4));
}
