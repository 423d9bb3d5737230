// Particles (조사): the endings glued to Korean nouns that a name must lose.
//
// "엘리스그룹은" -> "엘리스그룹" + "은". Each particle may say which syllables it
// follows, as Korean does: 은/이/을/과/으로 follow a final consonant (받침),
// 는/가/를/와 a vowel, 로 a vowel or ㄹ. That keeps "카카오페이" whole: 이 cannot
// follow 페. A word listed as a known name is never split.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicon.h"

namespace relgraph {

class Particles {
 public:
  enum class Follows { kAny, kConsonant, kVowel, kVowelOrRieul };

  struct Particle {
    std::string text;
    Follows follows = Follows::kAny;
  };

  Particles() = default;
  // From lexicon/particles.txt: word, then optionally "consonant", "vowel" or "vowel-or-ㄹ".
  // Throws Error(kRules) on an unknown condition.
  Particles(const std::vector<LexiconEntry>& entries, const std::string& path);

  // Length in bytes of the particle that starts at text[pos] and ends the
  // word there (followed by a non-name character or the end), given the
  // syllable before pos; 0 when there is none.
  std::size_t particle_at(std::string_view text, std::size_t pos) const;

  // The length of `word` without a word-final particle, or word.size().
  // Words in `keep` (known names) are returned whole.
  std::size_t stem_length(std::string_view word, const WordSet& keep) const;

  const std::vector<Particle>& list() const { return particles_; }

 private:
  using Index = std::unordered_map<char32_t, std::vector<std::size_t>>;  // indices into particles_

  bool may_follow(const Particle& particle, char32_t previous) const;
  // The particles starting (ending) with code point c, longest first; null when none.
  static const std::vector<std::size_t>* lookup(const Index& index, char32_t c);

  std::vector<Particle> particles_;  // longest first
  // particles_ by first and by last code point: a lookup tries only those
  // that can match (every particle costed a compare on every call before).
  Index by_first_;
  Index by_last_;
};

}  // namespace relgraph
