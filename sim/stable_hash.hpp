// Hashes whose values are fixed by their definition, not by the standard library: safe to derive seeds
// from and to print in result files (std::hash may differ between library versions).
#pragma once

#include <cstdint>
#include <string_view>

namespace outagesim::sim {

inline constexpr std::uint64_t kFnv1a64Basis = 0xcbf29ce484222325ull;

// 64-bit FNV-1a of the bytes of `text`; given the hash of earlier bytes as `hash`, the hash of both.
constexpr std::uint64_t fnv1a64(std::string_view text, std::uint64_t hash = kFnv1a64Basis) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// The SplitMix64 finaliser: a bijective mix that spreads nearby inputs (seed 1, seed 2) far apart.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace outagesim::sim
