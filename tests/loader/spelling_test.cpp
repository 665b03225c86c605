#include "loader/spelling.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace outagesim::loader;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("chiller_kw", "chiller_kws") == 1);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("suggestions are made only for plausible typos") {
  const std::vector<std::string> keys = {"chillers", "chiller_kw", "standby_chillers", "shared_loop"};
  CHECK(closest_match("chiller_kws", keys) == "chiller_kw");
  CHECK(closest_match("shared_lop", keys) == "shared_loop");
  CHECK_FALSE(closest_match("temperature", keys));
  CHECK(did_you_mean("chilers", keys) == "did you mean 'chillers'?");
  CHECK(did_you_mean("xyz", keys).empty());
}

TEST_CASE("very long names get no suggestion, and cost no quadratic time") {
  // Regression (issue 13): two 150,000-character names took over 20 s to compare.
  const std::string long_name(150'000, 'a');
  std::string misspelt = long_name;
  misspelt[75'000] = 'b';
  const std::vector<std::string> names = {long_name, long_name + "x"};
  CHECK_FALSE(closest_match(misspelt, names));
  // Up to the limit, a long name is still matched; past it, not.
  const std::string at_limit(kMaxSuggestedLength, 'a');
  CHECK(closest_match(at_limit + "", std::vector<std::string>{at_limit.substr(1) + "b"}) ==
        at_limit.substr(1) + "b");
  CHECK_FALSE(closest_match(at_limit + "a", std::vector<std::string>{at_limit}));
}

TEST_CASE("candidates far longer or shorter than the word are not suggested") {
  const std::vector<std::string> names = {"a-very-long-service-name", "db"};
  CHECK_FALSE(closest_match("service", names));
  CHECK(closest_match("dbx", names) == "db");
}

TEST_CASE("a suggestion budget stops suggestions once its candidates are looked at, until it ends") {
  // Regression (session 16): 20,000 wrong references among 40,000 names took minutes, each mistake
  // compared with every name.
  const std::vector<std::string> names = {"feed-a", "feed-b", "feed-c", "feed-d"};
  {
    const SuggestionBudget budget(10);
    CHECK(closest_match("fed-a", names) == "feed-a");  // 4 looked at
    CHECK(closest_match("fed-b", names) == "feed-b");  // 8
    CHECK_FALSE(closest_match("fed-c", names));        // 12 would pass 10: no suggestion
    CHECK(did_you_mean("fed-d", names).empty());
  }
  CHECK(closest_match("fed-c", names) == "feed-c");  // no budget: no limit
}

TEST_CASE("a name that differs only in case is suggested, however short") {
  // Regression (session 20's probe): 'okx' for the tenant 'OKX' is three edits, past the limit.
  const std::vector<std::string> tenants{"OKX", "personal-web"};
  CHECK(closest_match("okx", tenants) == std::optional<std::string>("OKX"));
  CHECK(closest_match("PERSONAL-WEB", tenants) == std::optional<std::string>("personal-web"));
  CHECK_FALSE(closest_match("abc", tenants).has_value());
}
