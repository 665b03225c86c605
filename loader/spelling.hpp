// "Did you mean ...?": the nearest known word to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace outagesim::loader {

// Levenshtein distance (insertions, deletions, substitutions), case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Words longer than this get no suggestion (the edit distance is quadratic in the length).
inline constexpr std::size_t kMaxSuggestedLength = 256;

// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of the
// word's length away (at least 1, at most 3). Ties go to the earlier candidate. None for a word longer
// than kMaxSuggestedLength.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

// "did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

// While one lives, suggestions on its thread stop after `candidates` candidates have been looked at in
// all: a file with 20,000 wrong names among 20,000 right ones would otherwise take minutes, a comparison
// with every name for every mistake. Past the budget a mistake is still reported, without a suggestion.
// Without one (tests, other callers) there is no limit. Budgets do not nest.
class SuggestionBudget {
 public:
  explicit SuggestionBudget(std::size_t candidates);
  ~SuggestionBudget();
  SuggestionBudget(const SuggestionBudget&) = delete;
  SuggestionBudget& operator=(const SuggestionBudget&) = delete;
};

// A loader's budget: enough for a few thousand mistakes in a region of 100,000 names.
inline constexpr std::size_t kSuggestionCandidates = 20'000'000;

}  // namespace outagesim::loader
