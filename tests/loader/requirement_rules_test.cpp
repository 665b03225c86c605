// The shared requirement rules: each refuses exactly past its limit, in the words both readers use.
#include "loader/requirement_rules.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::loader;
namespace m = outagesim::models;

TEST_CASE("the depth and entry limits refuse only past them") {
  CHECK_FALSE(check_depth("'needs'", kMaxRequirementDepth));
  REQUIRE(check_depth("'needs'", kMaxRequirementDepth + 1));
  CHECK(check_depth("'needs'", kMaxRequirementDepth + 1)->message == "'needs' nests deeper than 32 levels");
  CHECK_FALSE(check_entries("'needs'", kMaxRequirementNodes));
  REQUIRE(check_entries("'needs'", kMaxRequirementNodes + 1));
  CHECK(check_entries("'needs'", kMaxRequirementNodes + 1)->message ==
        "'needs' expands to more than 10000 entries");
}

TEST_CASE("an empty list and a repeated member are refused") {
  CHECK(check_not_empty("'needs' any_of", 0)->message == "'needs' any_of is an empty list");
  CHECK_FALSE(check_not_empty("'needs'", 1));
  const std::vector<m::Requirement> members{m::Requirement::of(3), m::Requirement::all_of({})};
  CHECK(check_not_repeated("'needs' of", members, m::Requirement::of(3), "b")->message ==
        "'needs' of lists 'b' twice");
  CHECK_FALSE(check_not_repeated("'needs' of", members, m::Requirement::of(4), "c"));
  // Groups are not compared: two different any_of groups may look alike.
  CHECK_FALSE(check_not_repeated("'needs' of", members, m::Requirement::all_of({}), ""));
}

TEST_CASE("k must be from 1 to the number of members") {
  CHECK(check_k("'needs'", 3, 2)->message == "'needs' asks for k = 3 of only 2");
  CHECK(check_k("'needs'", 0, 2)->message == "'k' of 'needs' is not a whole number from 1");
  CHECK_FALSE(check_k("'needs'", 2, 2));
  CHECK_FALSE(check_k("'needs'", 1, 2));
}
