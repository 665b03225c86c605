#include "models/core/requirement.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace outagesim::models;
using outagesim::sim::Time;

namespace {
// Statuses for components 0..n-1: state and the minute it last changed (change id = component id).
std::vector<ComponentStatus> statuses(std::vector<std::pair<State, int>> s) {
  std::vector<ComponentStatus> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out.push_back(ComponentStatus{s[i].first, static_cast<ChangeId>(i), Time::minutes(s[i].second)});
  }
  return out;
}
Requirement leaves(std::vector<ComponentId> ids, Requirement::Mode mode, std::uint32_t k = 0) {
  std::vector<Requirement> children;
  for (auto id : ids) children.push_back(Requirement::of(id));
  if (mode == Requirement::Mode::kAllOf) return Requirement::all_of(children);
  if (mode == Requirement::Mode::kAnyOf) return Requirement::any_of(children);
  return Requirement::k_of_n(k, children);
}
constexpr auto U = State::kUp;
constexpr auto G = State::kDegraded;
constexpr auto D = State::kDown;
}  // namespace

TEST_CASE("all-of is the worst child and blames the latest to fall") {
  const auto s = statuses({{U, 0}, {D, 5}, {D, 9}, {G, 12}});
  const Verdict v = evaluate(leaves({0, 1, 2, 3}, Requirement::Mode::kAllOf), s);
  CHECK(v.state == D);
  CHECK(v.blamed == 2);  // down since minute 9: the trigger
  CHECK(v.trigger == 2);
}

TEST_CASE("an up all-of blames the last child to come back") {
  const auto s = statuses({{U, 3}, {U, 40}, {U, 7}});
  const Verdict v = evaluate(leaves({0, 1, 2}, Requirement::Mode::kAllOf), s);
  CHECK(v.state == U);
  CHECK(v.blamed == 1);
}

TEST_CASE("any-of is the best child") {
  CHECK(evaluate(leaves({0, 1}, Requirement::Mode::kAnyOf), statuses({{D, 1}, {G, 2}})).state == G);
  const Verdict down = evaluate(leaves({0, 1}, Requirement::Mode::kAnyOf), statuses({{D, 1}, {D, 8}}));
  CHECK(down.state == D);
  CHECK(down.blamed == 1);  // the last one standing fell at minute 8
}

TEST_CASE("k-of-n counts up children, then serving ones") {
  const auto two_of_three = [](std::vector<std::pair<State, int>> s) {
    return evaluate(leaves({0, 1, 2}, Requirement::Mode::kKOfN, 2), statuses(std::move(s)));
  };
  CHECK(two_of_three({{U, 0}, {U, 0}, {D, 5}}).state == U);
  CHECK(two_of_three({{U, 0}, {G, 0}, {D, 5}}).state == G);
  const Verdict v = two_of_three({{U, 0}, {D, 3}, {D, 5}});
  CHECK(v.state == D);
  CHECK(v.blamed == 2);
}

TEST_CASE("expressions nest and ties go to the first written") {
  // all_of(a, any_of(b, c)) with b and c down at the same minute: c's fall is not later, b wins the tie.
  const auto s = statuses({{U, 0}, {D, 4}, {D, 4}});
  const Requirement r = Requirement::all_of({Requirement::of(0), leaves({1, 2}, Requirement::Mode::kAnyOf)});
  const Verdict v = evaluate(r, s);
  CHECK(v.state == D);
  CHECK(v.blamed == 1);
}

TEST_CASE("an empty requirement is satisfied") {
  const std::vector<ComponentStatus> none;
  CHECK(evaluate(Requirement{}, none).state == U);
  CHECK(Requirement{}.is_empty());
}

namespace {
// Statuses with capacity shares: up at 1, degraded below it, down when the share is negative.
std::vector<ComponentStatus> shares(std::vector<double> capacity) {
  std::vector<ComponentStatus> out;
  for (std::size_t i = 0; i < capacity.size(); ++i) {
    ComponentStatus s{capacity[i] < 0     ? D
                      : capacity[i] < 1.0 ? State::kDegraded
                                          : U,
                      static_cast<ChangeId>(i), Time::minutes(1)};
    s.capacity = capacity[i] < 0 ? 0.5 : capacity[i];  // a down leaf provides 0 whatever it published
    out.push_back(s);
  }
  return out;
}
}  // namespace

TEST_CASE("capacity: all-of provides its smallest share, any-of its largest, a down leaf none") {
  const auto s = shares({0.9, 0.4, -1, 0.7});
  const Verdict all = evaluate(leaves({0, 1, 3}, Requirement::Mode::kAllOf), s);
  CHECK(all.capacity == 0.4);
  CHECK(all.capacity_by == 1);
  const Verdict any = evaluate(leaves({1, 2, 3}, Requirement::Mode::kAnyOf), s);
  CHECK(any.capacity == 0.7);
  CHECK(any.capacity_by == 3);
  const Verdict with_down = evaluate(leaves({0, 2}, Requirement::Mode::kAllOf), s);
  CHECK(with_down.capacity == 0.0);
  CHECK(with_down.capacity_by == 2);
}

TEST_CASE("capacity: k-of-n provides the k-th largest share, the first written on ties") {
  const auto s = shares({0.5, 1.0, 0.8, 0.5, -1});
  CHECK(evaluate(leaves({0, 1, 2, 3, 4}, Requirement::Mode::kKOfN, 2), s).capacity == 0.8);
  const Verdict three = evaluate(leaves({0, 1, 2, 3, 4}, Requirement::Mode::kKOfN, 3), s);
  CHECK(three.capacity == 0.5);
  CHECK(three.capacity_by == 0);
  CHECK(evaluate(leaves({0, 1, 2, 3, 4}, Requirement::Mode::kKOfN, 5), s).capacity == 0.0);
}

TEST_CASE("capacity: whole dependencies provide 1 and blame nobody, capacity never changes the state") {
  const auto s = shares({1.0, 1.0, 0.3});
  const Verdict whole = evaluate(leaves({0, 1}, Requirement::Mode::kAllOf), s);
  CHECK(whole.capacity == 1.0);
  CHECK(whole.capacity_by == kNoComponent);
  CHECK(evaluate(Requirement{}, s).capacity == 1.0);
  const Verdict partial = evaluate(leaves({0, 2}, Requirement::Mode::kAllOf), s);
  CHECK(partial.state == State::kDegraded);  // the leaf's state, not down for its small share
  CHECK(partial.capacity == 0.3);
}

TEST_CASE("capacity: a leaf that reads up provides its whole share, whatever it published") {
  // A service up by its own degraded_below (a few damaged hosts of a hall) publishes 0.98: what depends
  // on it reads it whole (blind trial H: one damaged switch of 60 held a storage down for two days).
  std::vector<ComponentStatus> s{{U, 0, Time::minutes(1)}, {State::kDegraded, 1, Time::minutes(1)}};
  s[0].capacity = 0.98;
  s[1].capacity = 0.98;
  const Verdict up = evaluate(Requirement::of(0), s);
  CHECK(up.capacity == 1.0);
  CHECK(up.capacity_by == kNoComponent);
  const Verdict degraded = evaluate(Requirement::of(1), s);
  CHECK(degraded.capacity == 0.98);
  CHECK(degraded.capacity_by == 1);
}

TEST_CASE("capacity: nested expressions compose, a zone-redundant pair inside an all-of") {
  const auto s = shares({0.6, 0.9, 1.0});
  const Requirement r = Requirement::all_of(
      {Requirement::of(2), Requirement::k_of_n(1, {Requirement::of(0), Requirement::of(1)})});
  const Verdict v = evaluate(r, s);
  CHECK(v.capacity == 0.9);
  CHECK(v.capacity_by == 1);
}

TEST_CASE("pooled adds up its children's shares by weight, degraded until every child is down") {
  // Blind trial N (session 31): a service spread over two halls could only take the smaller share (one dark
  // hall took it all down) or the larger (one hall served everything).
  std::vector<Requirement> halls{Requirement::of(0), Requirement::of(1), Requirement::of(2)};
  halls[0].weight = 500;
  halls[1].weight = 300;
  halls[2].weight = 200;
  const Requirement pool = Requirement::pooled(halls);
  auto s = statuses({{U, 0}, {D, 5}, {U, 1}});
  Verdict v = evaluate(pool, s);
  CHECK(v.state == G);
  CHECK(v.capacity == Approx(0.7));
  CHECK(v.blamed == 1);
  CHECK(v.capacity_by == 1);
  s = statuses({{G, 0}, {D, 5}, {U, 1}});
  s[0].capacity = 0.5;  // half of the largest hall
  v = evaluate(pool, s);
  CHECK(v.capacity == Approx(0.45));
  CHECK(v.capacity_by == 1);  // lost 0.3 of the pool; the largest hall lost 0.25
  CHECK(v.blamed == 1);       // the latest of those not up
  v = evaluate(pool, statuses({{D, 0}, {D, 5}, {D, 1}}));
  CHECK(v.state == D);
  CHECK(v.capacity == 0.0);
  CHECK(v.blamed == 1);
  v = evaluate(pool, statuses({{U, 0}, {U, 5}, {U, 1}}));
  CHECK(v.state == U);
  CHECK(v.capacity == 1.0);
  CHECK(v.capacity_by == kNoComponent);
  // Equal weights by default.
  v = evaluate(Requirement::pooled({Requirement::of(0), Requirement::of(1)}), statuses({{U, 0}, {D, 5}}));
  CHECK(v.capacity == Approx(0.5));
  CHECK(sizeof(Requirement) == 40);  // the weight sits in the padding
}

TEST_CASE("pooled blames its latest member to change, the one back when another is still down") {
  // Review 11: a pool back in part named the member still down as what returned.
  std::vector<Requirement> halls{Requirement::of(0), Requirement::of(1)};
  const Requirement pool = Requirement::pooled(halls);
  const Verdict back = evaluate(pool, statuses({{U, 60}, {D, 0}}));  // 0 back at 60, 1 down since 0
  CHECK(back.state == G);
  CHECK(back.blamed == 0);
  CHECK(back.capacity_by == 1);  // the share is still short by member 1
  const Verdict lost = evaluate(pool, statuses({{U, 0}, {D, 60}}));
  CHECK(lost.blamed == 1);
}

TEST_CASE("data survives while the copies a requirement keeps are not all lost") {
  // Units' data: 0..2 lost entirely at minutes 5, 9, 12; 3 and 4 kept (one in part, one that does not say).
  auto s = statuses({{D, 5}, {D, 9}, {D, 12}, {G, 2}, {U, 0}});
  for (std::size_t i = 0; i < 3; ++i) s[i].data_lost = 1.0;
  s[3].data_lost = 0.5;
  ComponentId lost_by = kNoComponent;
  CHECK(data_survives(Requirement::of(3), s, &lost_by));
  CHECK(data_survives(Requirement::of(4), s, &lost_by));
  CHECK(lost_by == kNoComponent);
  CHECK_FALSE(data_survives(Requirement::of(0), s, &lost_by));
  CHECK(lost_by == 0);
  lost_by = kNoComponent;
  CHECK_FALSE(data_survives(leaves({0, 1, 2}, Requirement::Mode::kAnyOf), s, &lost_by));
  CHECK(lost_by == 2);  // the last copy went at minute 12
  CHECK(data_survives(leaves({0, 1, 3}, Requirement::Mode::kAnyOf), s, nullptr));
  CHECK_FALSE(data_survives(leaves({0, 3, 4}, Requirement::Mode::kAllOf), s, nullptr));  // its part on 0
  CHECK(data_survives(leaves({0, 3, 4}, Requirement::Mode::kKOfN, 2), s, nullptr));
  CHECK_FALSE(data_survives(leaves({0, 1, 4}, Requirement::Mode::kKOfN, 2), s, nullptr));
}
