// The rules a requirement obeys whichever format it was written in (YAML, or a tenant table's JSON), and
// their words, so that the two readers cannot drift apart: limits, empty lists, a member listed twice, and k
// against the number of members.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/core/requirement.hpp"

namespace outagesim::loader {

inline constexpr int kMaxRequirementDepth = 32;
// Leaves and nodes one requirement may expand to: YAML aliases can make a small file name a vast tree.
inline constexpr std::size_t kMaxRequirementNodes = 10'000;

// What is wrong, and what was expected instead; `what` names the requirement (and the path into it).
struct RequirementProblem {
  std::string message;
  std::string expected;
};

std::optional<RequirementProblem> check_depth(std::string_view what, int depth);
// `entries`: counted so far in this requirement, this one included.
std::optional<RequirementProblem> check_entries(std::string_view what, std::size_t entries);
std::optional<RequirementProblem> check_not_empty(std::string_view what, std::size_t members);
// Whether `child` is a component already among `members` (it would count twice: in k-of-n, a group up
// with one of its two members down); the problem names it as `shown`.
std::optional<RequirementProblem> check_not_repeated(std::string_view what,
                                                     const std::vector<models::Requirement>& members,
                                                     const models::Requirement& child,
                                                     std::string_view shown);
std::optional<RequirementProblem> check_k(std::string_view what, std::int64_t k, std::size_t members);

}  // namespace outagesim::loader
