// Edit distance with two rolling rows.
#include "loader/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <numeric>
#include <vector>

namespace outagesim::loader {

namespace {
// Candidates the current SuggestionBudget still allows on this thread; no budget: the largest value.
thread_local std::size_t candidates_left = std::numeric_limits<std::size_t>::max();
}  // namespace

SuggestionBudget::SuggestionBudget(std::size_t candidates) {
  candidates_left = candidates;
}

SuggestionBudget::~SuggestionBudget() {
  candidates_left = std::numeric_limits<std::size_t>::max();
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
  // The distance costs the product of the lengths: a hostile 150,000-character name must not take
  // minutes, and nobody needs a suggestion for a name that long.
  if (word.size() > kMaxSuggestedLength) return std::nullopt;
  if (candidates.size() > candidates_left) {
    candidates_left = 0;
    return std::nullopt;
  }
  candidates_left -= candidates.size();
  // A name that differs only in case ('okx' for 'OKX') is what was meant, however short.
  const auto same_but_case = [word](const std::string& candidate) {
    return std::equal(word.begin(), word.end(), candidate.begin(), candidate.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
  };
  if (const auto it = std::find_if(candidates.begin(), candidates.end(), same_but_case);
      it != candidates.end())
    return *it;
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // The distance is at least the difference in length: skip what cannot be close without computing.
    const std::size_t length_gap =
        candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (length_gap > limit) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  const auto match = closest_match(word, candidates);
  return match ? "did you mean '" + *match + "'?" : std::string();
}

}  // namespace outagesim::loader
