// mix64: splitmix64's finaliser. Hash tables of graph assembly feed it
// numbers (entity indices) or a byte hash, so that every bit of the result
// depends on every bit of the input: indices differing only in low bits,
// or hashes used by halves (StringIndex), still spread evenly.
#pragma once

#include <cstdint>

namespace relgraph {

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace relgraph
