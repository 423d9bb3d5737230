#include "extract/sentence_splitter.h"

#include <doctest/doctest.h>

#include <algorithm>
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

TEST_CASE("splitter: ICU's breaks land on the right bytes after characters of 1 to 4 bytes") {
  // Characters outside the BMP (two UTF-16 units) and of 2 and 3 bytes come
  // before each break; a break mapped by the wrong unit count cuts a word.
  CHECK(sentences("신제품 \U0001F680\U0001F680 출시! 가격은 \u20AC5다. \u00C7a va? 이모지 \U0001F600 다음 문장.") ==
        std::vector<std::string>{"신제품 \U0001F680\U0001F680 출시!", "가격은 \u20AC5다.", "\u00C7a va?",
                                 "이모지 \U0001F600 다음 문장."});
}

TEST_CASE("splitter: ICU's breaks land on the right bytes after ill-formed UTF-8") {
  // ICU reads each ill-formed sequence as U+FFFD (one unit), and a truncated
  // Hangul syllable is ill-formed, not a syllable: a mapping that took three
  // bytes for it would put the break inside the next word.
  const std::string bad_byte = "신제품\xFF 출시! ";
  const std::string truncated = "가격은 \xEA\xB0 올랐다. ";
  const std::string surrogate = "발표 \xED\xA0\x80\xED\xB0\x80 했다? ";
  CHECK(sentences(bad_byte + truncated + surrogate + "다음 문장.") ==
        std::vector<std::string>{"신제품\xFF 출시!", "가격은 \xEA\xB0 올랐다.", "발표 \xED\xA0\x80\xED\xB0\x80 했다?",
                                 "다음 문장."});
}

TEST_CASE("splitter: a full stop glued to a number ends the sentence, decimals do not") {
  CHECK(sentences("비중이 늘었다.17일 발표에 따르면 3.5% 올랐다.") ==
        std::vector<std::string>{"비중이 늘었다.", "17일 발표에 따르면 3.5% 올랐다."});
}

TEST_CASE("splitter: #. markers start a sentence and are dropped") {
  CHECK(sentences("#. 해솔전자는 영입했다.#. 미르테크도 영입했다.") ==
        std::vector<std::string>{"해솔전자는 영입했다.", "미르테크도 영입했다."});
  // Glued to a line without a full stop, where ICU sees no sentence end.
  CHECK(sentences("첫째 항목은 인재 영입#. 둘째 항목은 투자 유치") ==
        std::vector<std::string>{"첫째 항목은 인재 영입", "둘째 항목은 투자 유치"});
}

TEST_CASE("splitter: a quotation with several sentences stays inside its sentence") {
  CHECK(sentences("조민서 대표는 “우리는 성장한다. 더 큰 회사가 된다”라고 말했다. 다음 문장이다.") ==
        std::vector<std::string>{"조민서 대표는 “우리는 성장한다. 더 큰 회사가 된다”라고 말했다.", "다음 문장이다."});
  CHECK(sentences("그는 \"좋은 인재가 중요하다. 올해도 뽑겠다\"고 말했다.") ==
        std::vector<std::string>{"그는 \"좋은 인재가 중요하다. 올해도 뽑겠다\"고 말했다."});
}

TEST_CASE("splitter: every kind of quotation mark and bracket holds its sentences together") {
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"‘", "’"}, {"「", "」"}, {"『", "』"}, {"《", "》"}, {"〈", "〉"}, {"(", ")"}, {"[", "]"}}) {
    CAPTURE(open);
    CHECK(sentences("그는 " + open + "첫 문장이다. 둘째 문장이다" + close + "라고 썼다. 끝이다.") ==
          std::vector<std::string>{"그는 " + open + "첫 문장이다. 둘째 문장이다" + close + "라고 썼다.", "끝이다."});
  }
}

TEST_CASE("splitter: a glued full stop breaks before a number only after a Hangul syllable") {
  CHECK(sentences("버전 A.17이 나왔다. 점유율은 늘었다!3월에 또 늘었다?4월에는") ==
        std::vector<std::string>{"버전 A.17이 나왔다.", "점유율은 늘었다!", "3월에 또 늘었다?", "4월에는"});
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

TEST_CASE("splitter: a sentence over 4 KiB is cut at spaces into pieces no longer than that") {
  std::string text;
  while (text.size() < 20'000) text += "해솔전자 미르테크 인공지능 ";  // no punctuation at all
  const auto pieces = sentences(text);
  REQUIRE(pieces.size() >= 5);
  std::string joined;
  for (const std::string& piece : pieces) {
    CHECK(piece.size() <= 4096);
    CHECK(piece.front() != ' ');
    CHECK(piece.back() != ' ');
    joined += piece + " ";
  }
  CHECK(joined == text);  // nothing lost, cut only at spaces

  const std::string no_spaces(3 * 9000, 'a');  // nowhere to cut but anywhere
  const auto cut = sentences(no_spaces);
  CHECK(cut.size() == 7);
  CHECK(cut.front().size() == 4096);
}

TEST_CASE("splitter: a piece cut without spaces ends on a whole character") {
  std::string text;
  while (text.size() < 10'000) text += "가나다";
  for (const std::string& piece : sentences(text)) {
    CHECK(piece.size() % 3 == 0);  // whole three-byte syllables
  }
}

TEST_CASE("splitter: thousands of unclosed brackets and quotes still split the sentences after them") {
  std::string openers, closers;
  for (int i = 0; i < 50'000; ++i) openers += "(“「";
  for (int i = 0; i < 50'000; ++i) closers += "”)」";
  for (const std::string& marks : {openers, closers}) {
    const auto pieces = sentences(marks + " 첫 문장이다. 둘째 문장이다.");
    CHECK(pieces.back() == "둘째 문장이다.");
  }
}

}  // namespace
}  // namespace relgraph
