#include "extract/particles.h"

#include <doctest/doctest.h>

#include "extract/error.h"

namespace relgraph {
namespace {

Particles korean() {
  std::vector<LexiconEntry> entries;
  for (const auto& [word, condition] : std::vector<std::pair<std::string, std::string>>{
           {"이", "consonant"}, {"가", "vowel"}, {"은", "consonant"}, {"는", "vowel"}, {"를", "vowel"},
           {"을", "consonant"}, {"와", "vowel"}, {"과", "consonant"}, {"로", "vowel-or-ㄹ"}, {"으로", "consonant"},
           {"의", ""}, {"도", ""}, {"와도", "vowel"}, {"에서", ""}}) {
    LexiconEntry e;
    e.word = word;
    if (!condition.empty()) e.columns.push_back(condition);
    entries.push_back(e);
  }
  return Particles(entries, "particles.txt");
}

std::string stem(const Particles& p, const std::string& word, WordSet keep = {}) {
  return word.substr(0, p.stem_length(word, keep));
}

TEST_CASE("particles: the particle at the end of a word is split off") {
  const Particles p = korean();
  CHECK(stem(p, "엘리스그룹은") == "엘리스그룹");
  CHECK(stem(p, "네이버는") == "네이버");
  CHECK(stem(p, "구글도") == "구글");
  CHECK(stem(p, "카카오와도") == "카카오");  // the longest particle wins
  CHECK(stem(p, "IBM과") == "IBM");          // after Latin letters any form goes
}

TEST_CASE("particles: a syllable only splits off where Korean allows it") {
  const Particles p = korean();
  CHECK(stem(p, "카카오페이") == "카카오페이");  // 이 cannot follow 페, which has no final consonant
  CHECK(stem(p, "에이닷이") == "에이닷");        // 이 follows 닷
  CHECK(stem(p, "구글로") == "구글");            // 로 follows ㄹ
  CHECK(stem(p, "파이") == "파이");
}

TEST_CASE("particles: known names are never split") {
  const Particles p = korean();
  CHECK(stem(p, "충남도", {"충남도"}) == "충남도");
  CHECK(stem(p, "충남도") == "충남");
}

TEST_CASE("particles: particle_at finds a particle only where it ends the word") {
  const Particles p = korean();
  const std::string text = "해솔전자와 미르테크의도움";
  CHECK(p.particle_at(text, std::string("해솔전자").size()) == std::string("와").size());
  CHECK(p.particle_at(text, text.find("의도움")) == 0);  // 의 is followed by more letters
}

TEST_CASE("particles: of particles sharing a first or last syllable the longest that fits wins") {
  const Particles p = korean();
  const std::string text = "카카오와도 웃었고 구글와 섰다";
  CHECK(p.particle_at(text, std::string("카카오").size()) == std::string("와도").size());  // 와도 before 와
  CHECK(p.particle_at(text, text.find("와 섰")) == 0);  // 와 follows a vowel; 글 has a final consonant
  CHECK(p.particle_at(text, text.find("웃")) == 0);     // no particle starts with 웃
  CHECK(stem(p, "서울에서") == "서울");
  CHECK(stem(p, "한강도") == "한강");   // 도 also ends 와도, which does not fit here
  CHECK(stem(p, "삼성전자") == "삼성전자");  // no particle ends with 자
}

TEST_CASE("particles: an unknown condition is a rule error naming the line") {
  LexiconEntry e;
  e.word = "이";
  e.columns = {"sometimes"};
  e.line = 7;
  CHECK_THROWS_WITH_AS(Particles({e}, "particles.txt"), doctest::Contains("particles.txt:7"), Error);
}

}  // namespace
}  // namespace relgraph
