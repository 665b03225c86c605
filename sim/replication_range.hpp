// Splitting replications [0, R) into N contiguous parts, the same way for `--shard I/N`, for MPI ranks and
// for any batch scheduler: part I is [I*R/N, (I+1)*R/N). Parts differ in size by at most one, cover the
// range exactly and in order, so concatenating them in part order gives replication order.
#pragma once

#include <cstdint>

namespace outagesim::sim {

struct ReplicationRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;  // one past the last; begin == end for an empty part
  constexpr std::uint64_t size() const { return end - begin; }
  bool operator==(const ReplicationRange&) const = default;
};

// floor(part * total / parts) without overflow: total = q * parts + rem, and part * rem < parts^2 fits in
// 64 bits because parts < 2^32.
// REQUIRES: 0 < parts < 2^32, part <= parts.
constexpr std::uint64_t part_boundary(std::uint64_t total, std::uint64_t parts, std::uint64_t part) {
  return part * (total / parts) + part * (total % parts) / parts;
}

// Part `part` of `parts` of [range.begin, range.end).
// REQUIRES: 0 < parts < 2^32, part < parts.
constexpr ReplicationRange part_of(ReplicationRange range, std::uint64_t parts, std::uint64_t part) {
  const std::uint64_t total = range.size();
  return {range.begin + part_boundary(total, parts, part),
          range.begin + part_boundary(total, parts, part + 1)};
}

}  // namespace outagesim::sim
