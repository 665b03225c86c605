#include "models/core/dependency_graph.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::models;

TEST_CASE("an acyclic graph ranks dependencies before dependents") {
  // 0 depends on 1, 1 on 2, 3 on 2.
  const DependencyGraph g(4, {{0, 1, EdgeRole::kNeeds}, {1, 2, EdgeRole::kNeeds}, {3, 2, EdgeRole::kNeeds}});
  CHECK(g.find_cycle().empty());
  const auto rank = g.ranks();
  CHECK(rank[2] < rank[1]);
  CHECK(rank[1] < rank[0]);
  CHECK(rank[2] < rank[3]);
  const auto dependents = g.dependents();
  const auto of_2 = dependents.of(2);
  CHECK(std::vector<ComponentId>(of_2.begin(), of_2.end()) == std::vector<ComponentId>{1, 3});
  CHECK(dependents.of(0).empty());
}

TEST_CASE("a cycle is found and spelt out from where it closes") {
  // 0 -> 1 -> 2 -> 0, and 3 -> 0 hanging off it.
  const DependencyGraph g(4, {{3, 0, EdgeRole::kNeeds},
                              {0, 1, EdgeRole::kNeeds},
                              {1, 2, EdgeRole::kNeeds},
                              {2, 0, EdgeRole::kNeeds}});
  CHECK(g.find_cycle() == std::vector<ComponentId>{0, 1, 2, 0});
}

TEST_CASE("a self-dependency is a cycle") {
  const DependencyGraph g(2, {{1, 1, EdgeRole::kNeeds}});
  CHECK(g.find_cycle() == std::vector<ComponentId>{1, 1});
}

TEST_CASE("duplicate edges give one dependent") {
  const DependencyGraph g(2, {{0, 1, EdgeRole::kNeeds}, {0, 1, EdgeRole::kStandby}});
  const auto dependents = g.dependents();
  const auto of_1 = dependents.of(1);
  CHECK(std::vector<ComponentId>(of_1.begin(), of_1.end()) == std::vector<ComponentId>{0});
}
