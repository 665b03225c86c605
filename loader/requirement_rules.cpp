// The shared requirement rules and their words.
#include "loader/requirement_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace outagesim::loader {

namespace m = outagesim::models;

std::optional<RequirementProblem> check_depth(std::string_view what, int depth) {
  if (depth <= kMaxRequirementDepth) return std::nullopt;
  return RequirementProblem{
      fmt::format("{} nests deeper than {} levels", what, kMaxRequirementDepth),
      fmt::format("at most {} levels of lists, all_of, any_of and of", kMaxRequirementDepth)};
}

std::optional<RequirementProblem> check_entries(std::string_view what, std::size_t entries) {
  if (entries <= kMaxRequirementNodes) return std::nullopt;
  return RequirementProblem{fmt::format("{} expands to more than {} entries", what, kMaxRequirementNodes),
                            "a smaller requirement (in YAML, aliases repeat what they name)"};
}

std::optional<RequirementProblem> check_not_empty(std::string_view what, std::size_t members) {
  // An empty list is trivially satisfied: a dependency that would never go down.
  if (members > 0) return std::nullopt;
  return RequirementProblem{fmt::format("{} is an empty list", what),
                            "at least one requirement (an empty list would count as always up)"};
}

std::optional<RequirementProblem> check_not_repeated(std::string_view what,
                                                     const std::vector<m::Requirement>& members,
                                                     const m::Requirement& child, std::string_view shown) {
  if (child.mode != m::Requirement::Mode::kComponent) return std::nullopt;
  const bool repeated = std::any_of(members.begin(), members.end(), [&](const m::Requirement& c) {
    return c.mode == m::Requirement::Mode::kComponent && c.component == child.component;
  });
  if (!repeated) return std::nullopt;
  return RequirementProblem{fmt::format("{} lists '{}' twice", what, shown), "each member once"};
}

std::optional<RequirementProblem> check_k(std::string_view what, std::int64_t k, std::size_t members) {
  if (k >= 1 && static_cast<std::size_t>(k) <= members) return std::nullopt;
  if (k < 1) {
    return RequirementProblem{fmt::format("'k' of {} is not a whole number from 1", what),
                              "a whole number from 1"};
  }
  return RequirementProblem{fmt::format("{} asks for k = {} of only {}", what, k, members),
                            "k no greater than the number of entries under 'of'"};
}

}  // namespace outagesim::loader
