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

}  // namespace outagesim::loader
