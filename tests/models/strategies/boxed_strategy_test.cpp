// Tests for models/strategies/boxed_strategy.*: a strategy spec held out of line, copied deeply.
#include "models/strategies/boxed_strategy.hpp"

#include <catch2/catch.hpp>
#include <utility>
#include <variant>

namespace m = outagesim::models;

TEST_CASE("an empty box waits for repair", "[boxed_strategy]") {
  const m::BoxedStrategy box;
  CHECK(std::holds_alternative<m::WaitForRepairSpec>(box.get()));
  const m::BoxedStrategy from_wait(m::StrategySpec{m::WaitForRepairSpec{}});
  CHECK(std::holds_alternative<m::WaitForRepairSpec>(from_wait.get()));
}

TEST_CASE("a boxed strategy keeps its spec and copies it deeply", "[boxed_strategy]") {
  m::StandbySpec standby;
  standby.switchover = outagesim::sim::Time::minutes(35);
  m::BoxedStrategy box(standby);
  REQUIRE(std::holds_alternative<m::StandbySpec>(box.get()));

  m::BoxedStrategy copy = box;
  std::get<m::StandbySpec>(copy.get()).switchover = outagesim::sim::Time::hours(2);
  CHECK(std::get<m::StandbySpec>(box.get()).switchover == outagesim::sim::Time::minutes(35));
  CHECK(std::get<m::StandbySpec>(copy.get()).switchover == outagesim::sim::Time::hours(2));

  box = copy;
  CHECK(std::get<m::StandbySpec>(box.get()).switchover == outagesim::sim::Time::hours(2));
  box = m::BoxedStrategy();
  CHECK(std::holds_alternative<m::WaitForRepairSpec>(box.get()));

  m::BoxedStrategy moved(std::move(copy));
  CHECK(std::holds_alternative<m::StandbySpec>(moved.get()));
}

TEST_CASE("writing into an empty box gives it a spec of its own", "[boxed_strategy]") {
  m::BoxedStrategy box;
  box.get() = m::ActiveActiveSpec{};
  CHECK(std::holds_alternative<m::ActiveActiveSpec>(box.get()));
  const m::BoxedStrategy other;
  CHECK(std::holds_alternative<m::WaitForRepairSpec>(other.get()));
}
