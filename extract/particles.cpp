#include "extract/particles.h"

#include <algorithm>

#include "extract/error.h"
#include "extract/utf8.h"

namespace relgraph {

namespace {

// Final consonant (jongseong) index of a Hangul syllable: 0 = none, 8 = ㄹ.
int final_consonant(char32_t syllable) { return static_cast<int>((syllable - 0xAC00) % 28); }

constexpr int kRieul = 8;

}  // namespace

Particles::Particles(const std::vector<LexiconEntry>& entries, const std::string& path) {
  for (const LexiconEntry& entry : entries) {
    Particle particle{entry.word, Follows::kAny};
    const std::string condition = entry.columns.empty() ? "" : entry.columns.front();
    if (condition == "consonant") {
      particle.follows = Follows::kConsonant;
    } else if (condition == "vowel") {
      particle.follows = Follows::kVowel;
    } else if (condition == "vowel-or-ㄹ") {
      particle.follows = Follows::kVowelOrRieul;
    } else if (!condition.empty() && condition != "any") {
      throw Error(Error::Kind::kRules, path + ":" + std::to_string(entry.line),
                  "unknown condition \"" + condition + "\" (use consonant, vowel, vowel-or-ㄹ or any)");
    }
    particles_.push_back(std::move(particle));
  }
  std::stable_sort(particles_.begin(), particles_.end(),
                   [](const Particle& a, const Particle& b) { return a.text.size() > b.text.size(); });
  // An empty particle is left out: it would mean "no particle", as no match does.
  for (std::size_t i = 0; i < particles_.size(); ++i) {
    const std::string_view text = particles_[i].text;
    if (text.empty()) continue;
    std::size_t first = 0;
    by_first_[utf8::next(text, first)].push_back(i);
    std::size_t last = text.size();
    by_last_[utf8::previous(text, last)].push_back(i);
  }
}

const std::vector<std::size_t>* Particles::lookup(const Index& index, char32_t c) {
  const auto it = index.find(c);
  return it == index.end() ? nullptr : &it->second;
}

bool Particles::may_follow(const Particle& particle, char32_t previous) const {
  if (particle.follows == Follows::kAny || !utf8::is_hangul_syllable(previous)) return true;
  const int final = final_consonant(previous);
  switch (particle.follows) {
    case Follows::kConsonant:
      return final != 0;
    case Follows::kVowel:
      return final == 0;
    case Follows::kVowelOrRieul:
      return final == 0 || final == kRieul;
    case Follows::kAny:
      break;
  }
  return true;
}

std::size_t Particles::particle_at(std::string_view text, std::size_t pos) const {
  if (pos == 0 || pos >= text.size()) return 0;
  std::size_t before = pos;
  const char32_t previous = utf8::previous(text, before);
  std::size_t after_first = pos;
  const std::vector<std::size_t>* candidates = lookup(by_first_, utf8::next(text, after_first));
  if (!candidates) return 0;
  for (const std::size_t i : *candidates) {
    const Particle& particle = particles_[i];
    if (text.compare(pos, particle.text.size(), particle.text) != 0) continue;
    const std::size_t end = pos + particle.text.size();
    if (end < text.size()) {
      std::size_t probe = end;
      if (utf8::is_name_char(utf8::next(text, probe))) continue;
    }
    if (may_follow(particle, previous)) return particle.text.size();
  }
  return 0;
}

std::size_t Particles::stem_length(std::string_view word, const WordSet& keep) const {
  if (word.empty() || keep.count(word)) return word.size();
  std::size_t before_last = word.size();
  const std::vector<std::size_t>* candidates = lookup(by_last_, utf8::previous(word, before_last));
  if (!candidates) return word.size();
  for (const std::size_t i : *candidates) {
    const Particle& particle = particles_[i];
    if (!word.ends_with(particle.text)) continue;
    const std::string_view stem = word.substr(0, word.size() - particle.text.size());
    if (stem.empty()) continue;
    std::size_t end = stem.size();
    const char32_t last = utf8::previous(stem, end);
    if (!utf8::is_name_char(last)) continue;
    if (may_follow(particle, last)) return stem.size();
  }
  return word.size();
}

}  // namespace relgraph
