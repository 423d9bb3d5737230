#include "extract/encoded_sentence.h"

#include <doctest/doctest.h>

namespace relgraph {
namespace {

EntityMention mention(EntityType type, std::size_t begin, std::size_t end) {
  EntityMention m;
  m.type = type;
  m.begin = begin;
  m.end = m.span_end = end;
  return m;
}

TEST_CASE("encoded sentence: mentions become placeholders and positions map back to the sentence") {
  const std::string sentence = "해솔전자는 김민준을 영입했다.";
  const std::size_t offset = 100;  // the sentence's start in its document
  const std::vector<EntityMention> mentions = {mention(EntityType::kOrg, offset, offset + 12),
                                               mention(EntityType::kPerson, offset + 16, offset + 25)};
  const EncodedSentence encoded(sentence, offset, mentions);
  CHECK(encoded.text() == "⟦ORG#0⟧는 ⟦PERSON#1⟧을 영입했다.");
  const std::size_t after_person = encoded.text().find("을");
  CHECK(encoded.source_offset(after_person) == 25);
  CHECK(encoded.source_offset(encoded.text().find("PERSON")) == 16);  // inside a placeholder: its start
  CHECK(encoded.decode(encoded.text(), {mention(EntityType::kOrg, 0, 0), mention(EntityType::kPerson, 0, 0)}) ==
        "는 을 영입했다.");  // the mentions given have empty names
}

TEST_CASE("encoded sentence: brackets written in the text are not placeholders, and offsets stay aligned") {
  const std::string sentence = "⟦ORG#0⟧ 표기와 ⟧ 괄호, 그리고 해솔전자… 끝";
  const std::size_t org = sentence.find("해솔전자");
  const EncodedSentence encoded(sentence, 0, {mention(EntityType::kOrg, org, org + 12)});
  CHECK(encoded.text() == "［ORG#0］ 표기와 ］ 괄호, 그리고 ⟦ORG#0⟧… 끝");
  CHECK(encoded.source_offset(encoded.text().find("…")) == sentence.find("…"));
}

TEST_CASE("encoded sentence: a carried subject is written in front and maps to the sentence's start") {
  const std::vector<EntityMention> mentions = {mention(EntityType::kOrg, 0, 0), mention(EntityType::kOrg, 0, 0)};
  const EncodedSentence encoded("새 칩을 공개했다.", 0, mentions, 2);
  CHECK(encoded.text() == "⟦ORG#0⟧, ⟦ORG#1⟧는 새 칩을 공개했다.");
  CHECK(encoded.source_offset(3) == 0);
  CHECK(encoded.source_offset(encoded.text().find("새")) == 0);
}

TEST_CASE("encoded sentence: a sentence without mentions is its own encoding, not a copy") {
  const std::string sentence = "새 칩을 공개했다.";
  EncodedSentence encoded(sentence, 40, {});
  CHECK(encoded.text().data() == sentence.data());
  CHECK(encoded.source_offset(4) == 4);
  const EncodedSentence moved = std::move(encoded);  // still the sentence, wherever the object goes
  CHECK(moved.text().data() == sentence.data());

  // Stray brackets must still be replaced, so that text is a copy.
  const std::string bracketed = "⟦표기⟧만 있다";
  const EncodedSentence replaced(bracketed, 0, {});
  CHECK(replaced.text() == "［표기］만 있다");
  // An encoding that owns its text keeps it through a move, short or long.
  EncodedSentence owned("해솔", 0, {mention(EntityType::kOrg, 0, 6)});
  const EncodedSentence owner = std::move(owned);
  CHECK(owner.text() == "⟦ORG#0⟧");
}

}  // namespace
}  // namespace relgraph
