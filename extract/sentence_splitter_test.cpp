#include "extract/sentence_splitter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace relgraph {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  SentenceSplitter splitter;
  std::vector<std::string> out;
  for (const Span& s : splitter.split(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST_CASE("splitter: a full stop glued to the next sentence still ends it") {
  CHECK(sentences("해솔전자는 신제품을 공개했다.이어 미르테크도 발표했다.") ==
        std::vector<std::string>{"해솔전자는 신제품을 공개했다.", "이어 미르테크도 발표했다."});
  CHECK(sentences("계약을 맺었다.SK텔레콤도 참여한다.") ==
        std::vector<std::string>{"계약을 맺었다.", "SK텔레콤도 참여한다."});
}

TEST_CASE("splitter: a full stop glued to a number ends the sentence, decimals do not") {
  CHECK(sentences("비중이 늘었다.17일 발표에 따르면 3.5% 올랐다.") ==
        std::vector<std::string>{"비중이 늘었다.", "17일 발표에 따르면 3.5% 올랐다."});
}

TEST_CASE("splitter: #. markers start a sentence and are dropped") {
  CHECK(sentences("#. 해솔전자는 영입했다.#. 미르테크도 영입했다.") ==
        std::vector<std::string>{"해솔전자는 영입했다.", "미르테크도 영입했다."});
}

TEST_CASE("splitter: a quotation with several sentences stays inside its sentence") {
  CHECK(sentences("조민서 대표는 “우리는 성장한다. 더 큰 회사가 된다”라고 말했다. 다음 문장이다.") ==
        std::vector<std::string>{"조민서 대표는 “우리는 성장한다. 더 큰 회사가 된다”라고 말했다.", "다음 문장이다."});
  CHECK(sentences("그는 \"좋은 인재가 중요하다. 올해도 뽑겠다\"고 말했다.") ==
        std::vector<std::string>{"그는 \"좋은 인재가 중요하다. 올해도 뽑겠다\"고 말했다."});
}

TEST_CASE("splitter: a closing quote glued to the next sentence ends the quoted sentence") {
  CHECK(sentences("\"인재를 두 배로 늘리는 게 목표다.\"조민서 대표가 밝혔다.") ==
        std::vector<std::string>{"\"인재를 두 배로 늘리는 게 목표다.\"", "조민서 대표가 밝혔다."});
}

TEST_CASE("splitter: line breaks end sentences and blank lines vanish") {
  CHECK(sentences("헤드라인에는 마침표가 없다\n\n본문이 시작된다.\n  \n") ==
        std::vector<std::string>{"헤드라인에는 마침표가 없다", "본문이 시작된다."});
}

TEST_CASE("splitter: an unclosed quotation does not swallow the rest of the line") {
  std::string text = "그는 \"끝나지 않는 인용이다. ";
  for (int i = 0; i < 200; ++i) text += "문장이 계속된다. ";
  CHECK(sentences(text).size() > 100);
}

}  // namespace
}  // namespace relgraph
