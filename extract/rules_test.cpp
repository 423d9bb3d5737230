#include "extract/rules.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "extract/error.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::TempDir;

// A minimal valid rules directory, into which each test writes one broken file.
void write_minimal_rules(const TempDir& dir) {
  dir.write("lexicon/particles.txt", "은\tconsonant\n는\tvowel\n");
  dir.write("macros.json", R"json({"macros": {"LIST_SEP": ", "}})json");
}

std::string load_error(const TempDir& dir, unsigned threads = 1) {
  try {
    Rules::load(dir.path().string(), threads);
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kRules);
    return e.what();
  }
  return "loaded without error";
}

TEST_CASE("rules: a minimal directory loads") {
  TempDir dir;
  write_minimal_rules(dir);
  CHECK_NOTHROW(Rules::load(dir.path().string()));
}

TEST_CASE("rules: a missing directory is a rule error") {
  CHECK_THROWS_AS(Rules::load("/nonexistent/relgraph/rules"), Error);
}

TEST_CASE("rules: bad JSON names the file, line and column") {
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("relations/broken.json", "{\"rules\": [\n  {\"id\": \"x\",\n   \"pattern\" \"oops\"}\n]}\n");
  const std::string error = load_error(dir);
  CHECK(error.find("broken.json:3:") != std::string::npos);
  CHECK(error.find("bad JSON") != std::string::npos);
}

TEST_CASE("rules: an unknown relation names the file, line and rule id") {
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("relations/r.json",
            "{\"rules\": [\n  {\"id\": \"ok.one\", \"pattern\": \"{ORG:a}와 {ORG:b}\", \"emit\": [{\"relation\": "
            "\"partners_with\", \"subject\": \"a\", \"object\": \"b\"}]},\n  {\"id\": \"bad.one\", \"pattern\": "
            "\"{ORG:a} {ORG:b}\", \"emit\": [{\"relation\": \"befriends\", \"subject\": \"a\", \"object\": \"b\"}]}\n]}");
  const std::string error = load_error(dir);
  CHECK(error.find("r.json:3") != std::string::npos);
  CHECK(error.find("bad.one") != std::string::npos);
  CHECK(error.find("befriends") != std::string::npos);
}

TEST_CASE("rules: a pattern RE2 rejects reports RE2's reason") {
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("entities/e.json", "{\"rules\": [{\"id\": \"org.bad\", \"pattern\": \"(?P<ORG>[가-힣\"}]}");
  const std::string error = load_error(dir);
  CHECK(error.find("org.bad") != std::string::npos);
  CHECK(error.find("missing ]") != std::string::npos);
}

TEST_CASE("rules: mistakes in fields are caught") {
  TempDir dir;
  write_minimal_rules(dir);
  SUBCASE("a misspelt field") {
    dir.write("entities/e.json", R"json({"rules": [{"id": "org.x", "patern": "(?P<ORG>x)"}]})json");
    CHECK(load_error(dir).find("unknown field \"patern\"") != std::string::npos);
  }
  SUBCASE("an entity rule without a typed group") {
    dir.write("entities/e.json", R"json({"rules": [{"id": "org.x", "pattern": "(?P<name>x)"}]})json");
    CHECK(load_error(dir).find("ORG, PERSON, PRODUCT, PERSON_REF or ORG_REF") != std::string::npos);
  }
  SUBCASE("a type outside RELATIONS.md") {
    dir.write("entities/e.json", "{\"rules\": [\n{\"id\": \"org.x\", \"pattern\": \"(?P<ORG>a)(?P<LOCATION>b)\"}]}");
    const std::string error = load_error(dir);
    CHECK(error.find("e.json:2") != std::string::npos);
    CHECK(error.find("org.x") != std::string::npos);
    CHECK(error.find("LOCATION is not an entity type") != std::string::npos);
  }
  SUBCASE("an emit naming a group the pattern lacks") {
    dir.write("relations/r.json",
              R"json({"rules": [{"id": "h.x", "pattern": "{ORG:org} {PERSON:p}", "emit": [{"relation": "hires", "subject": "org", "object": "person"}]}]})json");
    CHECK(load_error(dir).find("no group named \"person\"") != std::string::npos);
  }
  SUBCASE("two rules with one id") {
    dir.write("entities/e.json",
              R"json({"rules": [{"id": "org.x", "pattern": "(?P<ORG>a)"}, {"id": "org.x", "pattern": "(?P<ORG>b)"}]})json");
    CHECK(load_error(dir).find("same id") != std::string::npos);
  }
  SUBCASE("a gazetteer line with an unknown type") {
    dir.write("gazetteer/g.tsv", "ORG\t해솔전자\nCOMPANY\t미르테크\n");
    CHECK(load_error(dir).find("g.tsv:2") != std::string::npos);
  }
}

TEST_CASE("rules: mistakes in a groups pattern name the file, line and rule id") {
  TempDir dir;
  write_minimal_rules(dir);
  auto error_with = [&](const std::string& groups) {
    dir.write("entities/e.json", "{\"rules\": [\n{\"id\": \"org.x\", \"pattern\": \"(?P<ORG>[가-힣]+)전자\", "
                                 "\"groups\": " + groups + "}]}");
    const std::string error = load_error(dir);
    CHECK(error.find("e.json:2") != std::string::npos);
    CHECK(error.find("org.x") != std::string::npos);
    return error;
  };
  CHECK(error_with(R"j("(?P<ORG>.+)")j").find("\"groups\" must be {") != std::string::npos);
  CHECK(error_with(R"j({"pattern": "(?P<ORG>.+)", "checks": {}})j").find("unknown field \"checks\"") !=
        std::string::npos);
  CHECK(error_with(R"j({"pattern": "(.+)"})j").find("lacks the rule's group ORG") != std::string::npos);
  CHECK(error_with(R"j({"pattern": "(?P<ORG>.+)(?P<PERSON>.+)"})j").find("a group PERSON that neither") !=
        std::string::npos);
  CHECK(error_with(R"j({"pattern": "(?P<ORG>.+)", "check": {"ORG": "("}})j")
            .find("the check of ORG does not compile") != std::string::npos);
  CHECK(error_with(R"j({"pattern": "(?P<ORG>.+)", "check": {"ORG": 3}})j").find("must be a string") !=
        std::string::npos);
}

TEST_CASE("rules: a groups pattern is read with macros, and left out when it is to be ignored") {
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("macros.json", R"json({"macros": {"SUFFIX": {"words": ["전자", "랩스"]}}})json");
  dir.write("entities/e.json", R"json({"rules": [{"id": "org.x", "pattern": "(?P<ORG>[가-힣]+?{SUFFIX}){JOSA}",
    "groups": {"pattern": ["(?P<ORG>[가-힣]+?)", "{JOSA}"], "check": {"ORG": "[가-힣]+{SUFFIX}"}}}]})json");
  const auto rules = Rules::load(dir.path().string());
  REQUIRE(rules->entity_rules().size() == 1);
  const GroupsPattern* groups = rules->entity_rules()[0].groups_pattern.get();
  REQUIRE(groups != nullptr);
  CHECK(groups->regex().pattern() == "(?P<ORG>[가-힣]+?)(?:(?:는|은))");
  const auto ignored = Rules::load(dir.path().string(), 1, GroupsPatterns::kIgnore);
  CHECK(ignored->entity_rules()[0].groups_pattern == nullptr);
}

TEST_CASE("rules: rules that check a group against the same pattern share one compiled check") {
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("macros.json", R"json({"macros": {"SUFFIX": {"words": ["전자", "랩스"]}}})json");
  dir.write("entities/e.json", R"json({"rules": [
    {"id": "org.a", "pattern": "(?P<ORG>[가-힣]+?{SUFFIX})은",
     "groups": {"pattern": "(?P<ORG>[가-힣]+?)은", "check": {"ORG": "[가-힣]+{SUFFIX}"}}},
    {"id": "org.b", "pattern": "(?P<ORG>[가-힣]+?{SUFFIX})는",
     "groups": {"pattern": "(?P<ORG>[가-힣]+?)는", "check": {"ORG": "[가-힣]+{SUFFIX}"}}},
    {"id": "org.c", "pattern": "(?P<ORG>[가-힣]+?랩스)가",
     "groups": {"pattern": "(?P<ORG>[가-힣]+?)가", "check": {"ORG": "[가-힣]+랩스"}}}]})json");
  for (const unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    const auto rules = Rules::load(dir.path().string(), threads);
    REQUIRE(rules->entity_rules().size() == 3);
    const RE2* a = rules->entity_rules()[0].groups_pattern->check_of("ORG");
    const RE2* b = rules->entity_rules()[1].groups_pattern->check_of("ORG");
    const RE2* c = rules->entity_rules()[2].groups_pattern->check_of("ORG");
    REQUIRE(a != nullptr);
    CHECK(a->pattern() == "[가-힣]+(?:(?:랩스|전자))");
    CHECK(a == b);
    REQUIRE(c != nullptr);
    CHECK(c != a);
    CHECK(c->pattern() == "[가-힣]+랩스");
    CHECK(rules->entity_rules()[0].groups_pattern->check_of("JOSA") == nullptr);
  }
}

TEST_CASE("rules: compiled on several threads, the shipped rules are the same rules") {
  const auto one = Rules::load(testing::rules_dir().string(), 1);
  const auto four = Rules::load(testing::rules_dir().string(), 4);
  auto ids_and_patterns = [](const Rules& rules) {
    std::vector<std::string> out;
    for (const auto& rule : rules.entity_rules()) out.push_back(rule.id + " " + rule.regex->pattern());
    for (const auto& rule : rules.relation_rules()) {
      out.push_back(rule.id + " " + rule.regex->pattern() + " unless " + (rule.unless ? rule.unless->pattern() : ""));
    }
    for (const auto& rule : rules.boilerplate_rules()) out.push_back(rule.id + " " + rule.regex->pattern());
    return out;
  };
  CHECK(ids_and_patterns(*one) == ids_and_patterns(*four));
  CHECK(one->set_patterns() == four->set_patterns());
  REQUIRE(one->entity_layers().size() == four->entity_layers().size());
  // The sets are built and pick the same rules.
  const std::string sentence = "⟦ORG#0⟧는 ⟦ORG#1⟧와 업무협약을 맺었다. 스타트업 해솔랩스는 '다온 3'을 출시했다.";
  for (std::size_t i = 0; i < one->entity_layers().size(); ++i) {
    CHECK(one->candidate_entity_rules(one->entity_layers()[i], sentence) ==
          four->candidate_entity_rules(four->entity_layers()[i], sentence));
  }
  CHECK_FALSE(four->candidate_relation_rules(sentence).empty());
  CHECK(one->candidate_relation_rules(sentence) == four->candidate_relation_rules(sentence));
}

TEST_CASE("rules: a rule whose every match begins with a placeholder is known as one") {
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("macros.json", R"json({"macros": {"ORG": "⟦ORG#[0-9]+⟧", "QUOTE": "['‘]"}})json");
  dir.write("entities/a.json", R"json({"rules": [
    {"id": "a.after_org", "pattern": "{ORG}의 (?P<PERSON>[가-힣]{3})", "layer": 2},
    {"id": "a.plain", "pattern": "(?P<ORG>알파)"}]})json");
  dir.write("relations/r.json", R"json({"rules": [
    {"id": "r.org_first", "pattern": "(?P<s>{ORG})가 (?P<o>{ORG})를 인수",
     "emit": [{"relation": "acquires", "subject": "s", "object": "o"}]},
    {"id": "r.quote_first", "pattern": "{QUOTE}?(?P<s>{ORG})가 (?P<o>{ORG})를 인수",
     "emit": [{"relation": "acquires", "subject": "s", "object": "o"}]}]})json");
  const auto rules = Rules::load(dir.path().string());
  REQUIRE(rules->entity_rules().size() == 2);
  CHECK(rules->entity_rules()[0].starts_at_placeholder);
  CHECK_FALSE(rules->entity_rules()[1].starts_at_placeholder);
  REQUIRE(rules->relation_rules().size() == 2);
  CHECK(rules->relation_rules()[0].starts_at_placeholder);
  CHECK_FALSE(rules->relation_rules()[1].starts_at_placeholder);  // may begin with a quote
}

TEST_CASE("rules: the shipped rules that begin at a placeholder are those RE2's match range says do") {
  // pattern_begins_with reads the pattern's text; MatchStart asks RE2. The
  // text may only miss a rule, never claim one; on the shipped rules it
  // misses none.
  const auto rules = Rules::load(testing::rules_dir().string());
  std::size_t flagged = 0;
  for (const EntityRule& rule : rules->entity_rules()) {
    CAPTURE(rule.id);
    CHECK(rule.starts_at_placeholder == MatchStart(*rule.regex).always_begins_with(kPlaceholderOpen));
    flagged += rule.starts_at_placeholder;
  }
  for (const RelationRule& rule : rules->relation_rules()) {
    CAPTURE(rule.id);
    CHECK(rule.starts_at_placeholder == MatchStart(*rule.regex).always_begins_with(kPlaceholderOpen));
    flagged += rule.starts_at_placeholder;
  }
  CHECK(flagged > rules->relation_rules().size() / 2);
}

TEST_CASE("rules: each entity layer's set and the relation set hold their own rules, in rule order") {
  // Layers interleaved across two files, and relation rules with "unless"
  // patterns (compiled, but in no set): the sets compiled ahead must still
  // be the ones these rules form.
  TempDir dir;
  write_minimal_rules(dir);
  dir.write("entities/a.json", R"json({"rules": [
    {"id": "a.one", "pattern": "(?P<ORG>알파)"},
    {"id": "a.two", "pattern": "(?P<ORG>베타)", "layer": 2},
    {"id": "a.three", "pattern": "(?P<ORG>감마)"}]})json");
  dir.write("entities/b.json", R"json({"rules": [
    {"id": "b.one", "pattern": "(?P<PERSON>델타)", "layer": 2},
    {"id": "b.two", "pattern": "(?P<PRODUCT>오메가)", "layer": 3}]})json");
  dir.write("relations/r.json", R"json({"rules": [
    {"id": "r.one", "pattern": "(?P<a>⟦ORG#\\d+⟧)와 (?P<b>⟦ORG#\\d+⟧)", "unless": "아니다",
     "emit": [{"relation": "partners_with", "parties": "a"}]},
    {"id": "r.two", "pattern": "(?P<s>⟦ORG#\\d+⟧)가 (?P<o>⟦ORG#\\d+⟧)를 인수",
     "emit": [{"relation": "acquires", "subject": "s", "object": "o"}]}]})json");
  for (const unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    const auto rules = Rules::load(dir.path().string(), threads);
    const auto& layers = rules->entity_layers();
    REQUIRE(layers.size() == 3);
    const std::string text = "감마 델타 오메가 알파 베타";
    for (const EntityLayer& layer : layers) {
      CAPTURE(layer.layer);
      std::vector<int> expected;  // every rule of the layer matches text
      for (std::size_t i = 0; i < layer.rules.size(); ++i) {
        CHECK(layer.rules[i]->layer == layer.layer);
        expected.push_back(static_cast<int>(i));
      }
      CHECK(rules->candidate_entity_rules(layer, text) == expected);
      // Each rule alone: only that rule is picked.
      for (std::size_t i = 0; i < layer.rules.size(); ++i) {
        const std::string& pattern = layer.rules[i]->regex->pattern();  // "(?P<TYPE>word)"
        const std::string word = pattern.substr(pattern.find('>') + 1, pattern.size() - pattern.find('>') - 2);
        CHECK(rules->candidate_entity_rules(layer, word) == std::vector<int>{static_cast<int>(i)});
      }
    }
    CHECK(layers[0].rules.size() == 2);  // a.one, a.three
    CHECK(layers[1].rules.size() == 2);  // a.two, b.one
    CHECK(layers[2].rules.size() == 1);  // b.two
    CHECK(rules->candidate_relation_rules("⟦ORG#0⟧가 ⟦ORG#1⟧를 인수했다") == std::vector<int>{1});
    CHECK(rules->candidate_relation_rules("⟦ORG#0⟧와 ⟦ORG#1⟧가 손잡았다") == std::vector<int>{0});
    CHECK(rules->candidate_relation_rules("아니다") == std::vector<int>{});
  }
}

TEST_CASE("rules: compiled on several threads, the first mistake is still the one reported") {
  TempDir dir;
  write_minimal_rules(dir);
  SUBCASE("two patterns RE2 rejects") {
    dir.write("entities/e.json", "{\"rules\": [{\"id\": \"org.first\", \"pattern\": \"(?P<ORG>[가-힣\"},\n"
                                 "{\"id\": \"org.second\", \"pattern\": \"(?P<ORG>(a)\"}]}");
  }
  SUBCASE("a bad pattern before a rule whose fields are wrong") {
    dir.write("entities/e.json", "{\"rules\": [{\"id\": \"org.first\", \"pattern\": \"(?P<ORG>[가-힣\"},\n"
                                 "{\"id\": \"org.second\", \"patern\": \"(?P<ORG>a)\"}]}");
  }
  SUBCASE("a bad pattern before a bad relation file") {
    dir.write("entities/e.json", "{\"rules\": [{\"id\": \"org.first\", \"pattern\": \"(?P<ORG>[가-힣\"}]}");
    dir.write("relations/r.json", "{\"rules\": [oops]}");
  }
  const std::string error = load_error(dir, 1);
  CHECK(error.find("org.first") != std::string::npos);
  CHECK(error.find("missing ]") != std::string::npos);
  CHECK(load_error(dir, 4) == error);
}

// Every shipped rule documents itself with examples: each expected item must
// be produced by that very rule, and its counter-examples must yield nothing
// from it.
TEST_CASE("rules: every shipped rule yields its examples and nothing from its counter-examples") {
  const auto rules = testing::shipped_rules();
  REQUIRE(!rules->entity_rules().empty());
  REQUIRE(!rules->relation_rules().empty());

  auto entities_by = [](const DocumentResult& result, const std::string& rule) {
    std::vector<std::string> found;
    for (const EntityMention& m : result.entities) {
      if (m.rule == rule) found.push_back(std::string(name(m.type)) + ":" + m.name);
    }
    return found;
  };
  auto relations_by = [](const DocumentResult& result, const std::string& rule) {
    std::vector<std::string> found;
    for (const RelationMention& r : result.relations) {
      if (r.rule == rule) {
        found.push_back(std::string(name(r.relation)) + "(" + result.entities[r.subject].name + ", " +
                        result.entities[r.object].name + ")");
      }
    }
    return found;
  };
  auto check_rule = [](const std::string& id, const auto& examples, const auto& counter_examples, auto produced) {
    CHECK_MESSAGE(!examples.empty(), "rule ", id, " has no examples");
    for (const RuleExample& example : examples) {
      const std::vector<std::string> found = produced(testing::extract_text(example.text), id);
      CHECK_MESSAGE(!example.expect.empty(), "rule ", id, ": an example without \"expect\"");
      for (const std::string& expected : example.expect) {
        const bool ok = std::find(found.begin(), found.end(), expected) != found.end();
        CHECK_MESSAGE(ok, "rule ", id, " did not yield ", expected, " from: ", example.text);
      }
      for (const std::string& unwanted : example.not_expected) {
        const bool ok = std::find(found.begin(), found.end(), unwanted) == found.end();
        CHECK_MESSAGE(ok, "rule ", id, " yielded ", unwanted, " from: ", example.text);
      }
    }
    for (const std::string& text : counter_examples) {
      const std::vector<std::string> found = produced(testing::extract_text(text), id);
      CHECK_MESSAGE(found.empty(), "rule ", id, " yielded ", (found.empty() ? "" : found.front()), " from: ", text);
    }
  };
  for (const EntityRule& rule : rules->entity_rules()) {
    check_rule(rule.id, rule.examples, rule.counter_examples, entities_by);
  }
  for (const RelationRule& rule : rules->relation_rules()) {
    check_rule(rule.id, rule.examples, rule.counter_examples, relations_by);
  }
}

// A groups pattern must read every sentence as its rule does. The examples
// are where a rule's author states its readings; tests/generator_test.cpp
// compares whole outputs on more text.
TEST_CASE("rules: every shipped rule's examples read the same with and without groups patterns") {
  const auto with = testing::shipped_rules();
  const auto without = Rules::load(testing::rules_dir().string(), 1, GroupsPatterns::kIgnore);
  std::size_t rules_with_groups = 0;
  std::vector<std::string> texts;
  auto add_texts = [&](const auto& rule) {
    if (rule.groups_pattern) ++rules_with_groups;
    for (const RuleExample& example : rule.examples) texts.push_back(example.text);
    for (const std::string& text : rule.counter_examples) texts.push_back(text);
  };
  for (const EntityRule& rule : with->entity_rules()) add_texts(rule);
  for (const RelationRule& rule : with->relation_rules()) add_texts(rule);
  CHECK(rules_with_groups >= 3);
  Extractor fast(with);
  Extractor exact(without);
  auto summary = [](const DocumentResult& result) {
    std::string out;
    for (const EntityMention& m : result.entities) out += std::string(name(m.type)) + ":" + m.name + " ";
    for (const RelationMention& r : result.relations) {
      out += std::string(name(r.relation)) + "(" + std::to_string(r.subject) + "," + std::to_string(r.object) + ") ";
    }
    return out;
  };
  for (const std::string& text : texts) {
    Document document;
    document.id = "example.txt";
    document.text = text;
    CHECK_MESSAGE(summary(fast.extract(document)) == summary(exact.extract(document)), text);
  }
}

TEST_CASE("rules: every shipped boilerplate rule marks its examples and leaves its counter-examples") {
  const auto rules = testing::shipped_rules();
  REQUIRE(!rules->boilerplate_rules().empty());
  for (const BoilerplateRule& rule : rules->boilerplate_rules()) {
    CHECK_MESSAGE(!rule.examples.empty(), "rule ", rule.id, " has no examples");
    for (const std::string& line : rule.examples) {
      const BoilerplateRule* found = rules->boilerplate(line);
      CHECK_MESSAGE((found && found->id == rule.id), "rule ", rule.id, " does not mark: ", line);
    }
    for (const std::string& line : rule.counter_examples) {
      CHECK_MESSAGE(rules->boilerplate(line) == nullptr, "boilerplate rules mark content: ", line);
    }
  }
}

TEST_CASE("rules: a boilerplate line yields nothing, the article around it does") {
  const DocumentResult r = testing::extract_text(
      "조민서 해솔전자 대표는 웃었다.\n55501234 배성민 누리소프트 대표 사임 [3] 익명(10.20) 03.14 57 0\n조회 120 추천 3");
  CHECK(testing::facts_of(r) == std::vector<std::string>{"works_for(조민서, 해솔전자)"});
}

TEST_CASE("rules: every relation of RELATIONS.md has rules, examples that yield it and sentences that must not") {
  const auto rules = testing::shipped_rules();
  for (const RelationSpec& spec : relation_specs()) {
    std::size_t rule_count = 0;
    std::size_t examples = 0;
    std::size_t counter_examples = 0;
    const std::string prefix = std::string(spec.name) + "(";
    for (const RelationRule& rule : rules->relation_rules()) {
      const bool emits = std::any_of(rule.emits.begin(), rule.emits.end(),
                                     [&](const RelationRule::Emit& e) { return e.relation == spec.relation; });
      if (!emits) continue;
      ++rule_count;
      counter_examples += rule.counter_examples.size();
      for (const RuleExample& example : rule.examples) {
        examples += static_cast<std::size_t>(std::count_if(example.expect.begin(), example.expect.end(),
                                                           [&](const std::string& e) { return e.starts_with(prefix); }));
      }
    }
    CHECK_MESSAGE(rule_count > 0, spec.name, " has no rule");
    CHECK_MESSAGE(examples > 0, spec.name, " has no example");
    CHECK_MESSAGE(counter_examples > 0, spec.name, " has no counter-example");
  }
}

TEST_CASE("rules: each shipped relation rule has a counter-example or a sibling that does") {
  // Precision first: every relation file must show at least one sentence its rules refuse.
  const auto rules = testing::shipped_rules();
  std::map<std::string, std::size_t> counter_examples_by_file;
  for (const RelationRule& rule : rules->relation_rules()) {
    const std::string file = rule.where.substr(0, rule.where.rfind(':'));
    counter_examples_by_file[file] += rule.counter_examples.size();
  }
  for (const auto& [file, count] : counter_examples_by_file) CHECK_MESSAGE(count > 0, file, " has no counter-examples");
}

}  // namespace
}  // namespace relgraph
