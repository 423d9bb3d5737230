#include "extract/extractor.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "extract/json_lines.h"
#include "extract/sentence_splitter.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::extract_text;
using testing::facts_of;

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The sample news articles, one document each.
std::vector<Document> sample_articles() {
  std::vector<Document> documents;
  for (const auto& entry : std::filesystem::directory_iterator(testing::samples_dir() / "news")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    documents.push_back({});
    documents.back().id = entry.path().filename().string();
    documents.back().text = text.str();
  }
  std::sort(documents.begin(), documents.end(), [](const Document& a, const Document& b) { return a.id < b.id; });
  return documents;
}

std::string lines(const DocumentResult& result) {
  std::string out;
  append_json_lines(result, true, out);
  return out;
}

// Everything recognition says of a mention.
std::string described(const EntityMention& m) {
  std::string out = std::string(name(m.type)) + " " + m.name + " " + std::to_string(m.begin) + "-" +
                    std::to_string(m.end) + "-" + std::to_string(m.span_end) + "-" + std::to_string(m.surface_end) +
                    " " + std::string(m.rule) + (m.reference ? " reference" : "");
  for (const std::string& alias : m.aliases) out += " (" + alias + ")";
  return out;
}

const EntityMention* mention(const DocumentResult& r, const std::string& name) {
  for (const EntityMention& m : r.entities) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

TEST_CASE("extractor: a mention covers the name only, offsets are code points of the text as given") {
  const DocumentResult r = extract_text("요약: 해솔전자는 조민서 해솔전자 대표를 소개했다.");
  const EntityMention* haesol = mention(r, "해솔전자");
  REQUIRE(haesol != nullptr);
  CHECK(haesol->start_cp == 4);
  CHECK(haesol->end_cp == 8);
  CHECK(haesol->surface == "해솔전자는");
  const EntityMention* person = mention(r, "조민서");
  REQUIRE(person != nullptr);
  CHECK(person->type == EntityType::kPerson);
  CHECK(person->start_cp == 10);
  CHECK(person->end_cp == 13);
}

TEST_CASE("extractor: decomposed Hangul gives the same facts, with offsets into the decomposed text") {
  const std::string composed = "조민서 해솔전자 대표는 웃었다.";
  // The same sentence with 조 typed as two jamo.
  const std::string decomposed = "\u110C\u1169민서 해솔전자 대표는 웃었다.";
  const DocumentResult a = extract_text(composed);
  const DocumentResult b = extract_text(decomposed);
  CHECK(facts_of(a) == facts_of(b));
  REQUIRE(mention(b, "해솔전자") != nullptr);
  CHECK(mention(b, "해솔전자")->start_cp == mention(a, "해솔전자")->start_cp + 1);
  CHECK(b.sentences.at(0).evidence == decomposed);
}

TEST_CASE("extractor: the form in parentheses is an alias, and later uses of it are the same entity") {
  const DocumentResult r = extract_text(
      "물류 로봇 스타트업 카고링크(Cargolink)가 투자를 받았다. Cargolink는 해솔전자와 손잡았다.");
  std::size_t cargolink = 0;
  for (const EntityMention& m : r.entities) {
    if (m.name == "카고링크") ++cargolink;
  }
  CHECK(cargolink == 2);
  REQUIRE(mention(r, "카고링크") != nullptr);
  CHECK(mention(r, "카고링크")->aliases == std::vector<std::string>{"Cargolink"});
  CHECK(has(facts_of(r), "partners_with(카고링크, 해솔전자)"));
}

TEST_CASE("extractor: a known alias takes the canonical name the article also writes") {
  const DocumentResult r = extract_text("마이크로소프트(MS)는 웃었다. 누리소프트는 MS와 업무협약을 맺었다.");
  CHECK(facts_of(r) == std::vector<std::string>{"partners_with(누리소프트, 마이크로소프트)"});
}

TEST_CASE("extractor: a known alias the article never expands stays as written, canonical name kept as alias") {
  const DocumentResult r = extract_text("누리소프트는 MS와 업무협약을 맺었다.");
  CHECK(facts_of(r) == std::vector<std::string>{"partners_with(누리소프트, MS)"});
  REQUIRE(mention(r, "MS") != nullptr);
  CHECK(mention(r, "MS")->aliases == std::vector<std::string>{"마이크로소프트"});
}

TEST_CASE("extractor: a name a rule found once is recognised across the article") {
  const DocumentResult r = extract_text("의료 AI 스타트업 메디로그가 상을 받았다. 메디로그와 해솔전자는 손잡았다.");
  CHECK(has(facts_of(r), "partners_with(메디로그, 해솔전자)"));
  std::size_t by_document = 0;
  for (const EntityMention& m : r.entities) by_document += m.rule == "document" && m.name == "메디로그";
  CHECK(by_document == 1);
}

TEST_CASE("extractor: given names ending in a syllable that is also a particle stay whole") {
  // 나, 인, 란, 만, 도, 랑 end many given names; with a surname before two syllables
  // such a word is a name, also when its first syllables make a word (이유 + 나, 이미 + 란).
  for (const std::string name : {"이유나", "허다인", "이미란", "김경만", "박상도", "김사랑", "남궁하나", "선우다인"}) {
    CAPTURE(name);
    CHECK(has(facts_of(extract_text("해솔전자는 " + name + " 연구원을 영입했다.")), "hires(해솔전자, " + name + ")"));
  }
  // Still refused: a title with a particle, and a word whose last syllable ends no given name.
  const DocumentResult r = extract_text("해솔전자는 손서윤 박사와 허다인 연구원을 영입했다.");
  CHECK(mention(r, "박사와") == nullptr);
  CHECK(has(facts_of(r), "hires(해솔전자, 허다인)"));
  CHECK(facts_of(extract_text("해솔전자는 공모를 연구원을 뽑았다.")).empty());
}

TEST_CASE("extractor: a name a particle follows keeps its last syllable, even one that looks like a particle") {
  // "퀀텀라인은": the particle is 은, so 인 belongs to the name.
  const DocumentResult r = extract_text("클라우드 스타트업 퀀텀라인은 해솔전자와 손잡았다.");
  CHECK(mention(r, "퀀텀라인") != nullptr);
  CHECK(has(facts_of(r), "partners_with(퀀텀라인, 해솔전자)"));
  // Without a particle after it the captured word still loses its own ("카고링크가" -> 카고링크).
  CHECK(mention(extract_text("물류 스타트업인 카고링크가 투자를 받았다."), "카고링크") != nullptr);
}

TEST_CASE("extractor: stated former employment overrides apposition in the same sentence") {
  const auto facts = facts_of(extract_text("해솔전자는 정하람 누리소프트 수석 엔지니어를 AI 총괄로 영입했다."));
  CHECK(has(facts, "formerly_worked_for(정하람, 누리소프트)"));
  CHECK(!has(facts, "works_for(정하람, 누리소프트)"));
  CHECK(has(facts, "works_for(정하람, 해솔전자)"));
}

TEST_CASE("extractor: cue words inside other words and cues without two named parties yield nothing") {
  CHECK(facts_of(extract_text("해솔전자는 문 손잡이 디자인을 바꿨다.")).empty());
  CHECK(facts_of(extract_text("해솔전자는 올해 AI 인재 채용을 두 배로 늘린다.")).empty());
  CHECK(facts_of(extract_text("정부 인수위원회는 로봇 산업 지원책을 내놓지 않았다.")).empty());
}

TEST_CASE("extractor: one fact stated twice in a sentence is one mention") {
  const DocumentResult r = extract_text("미르테크와 해솔전자는 손잡고 해솔전자와 미르테크는 협력한다.");
  CHECK(facts_of(r).size() == 1);
}

TEST_CASE("json lines: relation and entity lines follow RELATIONS.md") {
  const DocumentResult r = extract_text("조민서 해솔전자 대표는 웃었다.", "doc-7");
  std::string text;
  append_json_lines(r, true, text);
  bool parsed = false;
  const auto lines = testing::parse_json_lines(text, &parsed);
  REQUIRE(parsed);
  REQUIRE(lines.size() == 3);
  CHECK(std::string(lines[0]["kind"].GetString()) == "entity");
  CHECK(std::string(lines[0]["doc"].GetString()) == "doc-7");
  CHECK(std::string(lines[0]["name"].GetString()) == "조민서");
  CHECK(std::string(lines[0]["type"].GetString()) == "PERSON");
  CHECK(lines[0]["start"].GetInt() == 0);
  CHECK(lines[0]["end"].GetInt() == 3);
  const auto& relation = lines[2];
  CHECK(std::string(relation["kind"].GetString()) == "relation");
  CHECK(std::string(relation["relation"].GetString()) == "works_for");
  CHECK(std::string(relation["subject"]["name"].GetString()) == "조민서");
  CHECK(std::string(relation["subject"]["type"].GetString()) == "PERSON");
  CHECK(std::string(relation["object"]["name"].GetString()) == "해솔전자");
  CHECK(std::string(relation["object"]["type"].GetString()) == "ORG");
  CHECK(std::string(relation["evidence"].GetString()) == "조민서 해솔전자 대표는 웃었다.");
  CHECK(std::string(relation["rule"].GetString()) == "works_for.apposition");
  CHECK(std::string(relation["attrs"]["role"].GetString()) == "대표");
}

TEST_CASE("extractor: a document extracted again, after others, gives the same lines as on a fresh extractor") {
  // The second time round most rules' groups come from the extractor's
  // submatch caches (submatch_cache.h), filled by the other documents.
  const std::vector<Document> documents = sample_articles();
  REQUIRE(documents.size() >= 5);
  Extractor reused(testing::shipped_rules());
  for (const Document& document : documents) reused.extract(document);
  std::size_t facts = 0;
  for (auto it = documents.rbegin(); it != documents.rend(); ++it) {
    Extractor fresh(testing::shipped_rules());
    const DocumentResult expected = fresh.extract(*it);
    facts += expected.relations.size();
    CHECK(lines(reused.extract(*it)) == lines(expected));
  }
  CHECK(facts > 20);
}

TEST_CASE("extractor: extract_all gives every document the lines extract gives it alone, and so does a traced run") {
  std::vector<Document> documents = sample_articles();
  REQUIRE(documents.size() >= 5);
  documents.insert(documents.begin() + 2, Document{});  // an empty document among them
  documents[2].id = "empty";
  std::vector<const Document*> all;
  for (const Document& d : documents) all.push_back(&d);
  Extractor batch(testing::shipped_rules());
  const std::vector<DocumentResult> results = batch.extract_all(all);
  REQUIRE(results.size() == documents.size());
  std::size_t facts = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    Extractor alone(testing::shipped_rules());
    const DocumentResult expected = alone.extract(documents[i]);
    facts += expected.relations.size();
    CHECK(results[i].doc_id == documents[i].id);
    CHECK(lines(results[i]) == lines(expected));
    // With a trace, extraction goes one sentence at a time: the same lines.
    Trace trace;
    CHECK(lines(Extractor(testing::shipped_rules()).extract(documents[i], &trace)) == lines(expected));
  }
  CHECK(facts > 20);
  CHECK(batch.extract_all({}).empty());
}

TEST_CASE("entity recognizer: recognize_all finds in each sentence what recognize finds in it alone") {
  // Every sentence of the samples and a few where several rules of one
  // layer name something (org.introduced, org.suffix, product.kind_is in
  // the first), as one batch.
  std::vector<std::string> texts = {
      "클라우드 스타트업 퀀텀라인은 해솔전자와 손잡고 생성형 AI 플랫폼인 루미나를 공개했다.",
      "반도체 기업인 미르테크는 서울특별시와 협약을 맺었다.",
      "김하늘 해솔전자 대표는 'K-로봇 연합회'의 회장을 맡았다.",
  };
  SentenceSplitter splitter;
  for (const Document& document : sample_articles()) {
    for (const Span& span : splitter.split(document.text)) texts.push_back(document.text.substr(span.begin, span.end - span.begin));
  }
  REQUIRE(texts.size() > 30);
  std::vector<EntityRecognizer::Sentence> sentences;
  for (std::size_t i = 0; i < texts.size(); ++i) sentences.push_back({texts[i], 1000 * i});
  EntityRecognizer together(testing::shipped_rules());
  const auto found = together.recognize_all(sentences);
  REQUIRE(found.size() == texts.size());
  std::size_t mentions = 0;
  std::size_t by_layers = 0;  // found by rules, not the gazetteer
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EntityRecognizer alone(testing::shipped_rules());
    std::string expected;
    for (const EntityMention& m : alone.recognize(texts[i], 1000 * i)) expected += described(m) + "\n";
    std::string got;
    for (const EntityMention& m : found[i]) {
      got += described(m) + "\n";
      ++mentions;
      if (m.rule != kGazetteerRule) ++by_layers;
    }
    CHECK(got == expected);
  }
  CHECK(mentions > 50);
  CHECK(by_layers > 40);

  Trace trace;
  CHECK_THROWS_AS(together.recognize_all({sentences[0], sentences[1]}, &trace), std::invalid_argument);
  CHECK(together.recognize_all({sentences[0]}, &trace).size() == 1);
}

TEST_CASE("extractor: extractors given one group cache share it, with the same lines as alone") {
  Document document;
  document.id = "d";
  document.text =
      "해솔전자는 미르테크와 업무협약을 체결했다고 밝혔다. 누리소프트는 별빛랩스를 인수했다고 밝혔다. "
      "해솔전자는 김하늘 전 미르테크 부사장을 최고기술책임자로 영입했다.";
  auto groups = std::make_shared<SubmatchCache>();
  Extractor first(testing::shipped_rules(), groups);
  Extractor second(testing::shipped_rules(), groups);
  Extractor alone(testing::shipped_rules());
  std::string expected;
  append_json_lines(alone.extract(document), true, expected);

  std::string out;
  append_json_lines(first.extract(document), true, out);
  CHECK(out == expected);
  const std::size_t misses = groups->misses();
  const std::size_t hits = groups->hits();
  CHECK(misses > 0);
  out.clear();
  append_json_lines(second.extract(document), true, out);
  CHECK(out == expected);
  CHECK(groups->misses() == misses);  // the second extractor computed no groups...
  CHECK(groups->hits() >= hits + misses);  // ...it found every one the first stored
}

}  // namespace
}  // namespace relgraph
