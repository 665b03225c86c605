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
