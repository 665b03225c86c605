// The three states every component and tenant function is in at any instant.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace outagesim::models {

// Ordered from best to worst, so std::max picks the worse of two states.
enum class State : std::uint8_t { kUp = 0, kDegraded = 1, kDown = 2 };

constexpr State worse(State a, State b) {
  return std::max(a, b);
}
constexpr State better(State a, State b) {
  return std::min(a, b);
}

constexpr std::string_view state_name(State s) {
  switch (s) {
    case State::kUp:
      return "up";
    case State::kDegraded:
      return "degraded";
    case State::kDown:
      return "down";
  }
  return "?";
}

}  // namespace outagesim::models
