// Rules: everything extraction knows, read from a rules directory and
// compiled into RE2 at start-up. Immutable once loaded; one Rules object is
// shared by all threads.
//
// A rules directory holds:
//   macros.json          {"macros": {"NAME": "regex" | {"words": "lexicon/file.txt" | ["w", ...]}}}
//   lexicon/particles.txt   the particles (조사), see particles.h; required
//   lexicon/stopwords.txt   words that are never names; optional
//   lexicon/titles.txt   job titles; optional; also never names
//   lexicon/generic_heads.txt  last words that make a product candidate a description; optional
//   lexicon/anaphoric_subjects.txt  subjects that refer back ("회사는"), not a subject of their own; optional
//   lexicon/surnames.txt and lexicon/given_name_endings.txt  surnames, and syllables that end
//                        given names and are also particles (허다인, 이유나); optional
//   lexicon/*.txt        other word lists, used through macros
//   gazetteer/*.tsv      known names and aliases, see gazetteer.h
//   entities/*.json      entity rules:   {"rules": [{"id", "pattern", "layer"?, "strip_particle"?, ...}]}
//   relations/*.json     relation rules: {"rules": [{"id", "pattern", "emit": [...], "unless"?, ...}]}
//                        either may add "groups": {"pattern", "check"?: {"GROUP": pattern}}, a
//                        smaller pattern for its capture groups (groups_pattern.h)
//   boilerplate.json     line patterns:  {"rules": [{"id", "pattern", ...}]}
// The README's "Rule files" section is the user's guide to these formats.
// Any mistake throws Error(kRules) naming file, line, rule id and reason.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/groups_pattern.h"
#include "extract/lexicon.h"
#include "extract/macros.h"
#include "extract/match_start.h"
#include "extract/particles.h"
#include "extract/placeholder.h"
#include "extract/schema.h"
#include "extract/submatch_cache.h"

namespace relgraph {

// A sentence a rule documents, what it must yield from it ("expect") and
// what it must not ("not"): "ORG:엘리스그룹" for entity rules,
// "hires(엘리스그룹, 남건우)" for relation rules.
struct RuleExample {
  std::string text;
  std::vector<std::string> expect;
  std::vector<std::string> not_expected;  // "not": what the rule must not yield from this text
};

struct EntityRule {
  struct Group {
    int index;  // capturing group number in regex
    EntityType type;
    bool reference = false;  // PERSON_REF: a surname for a person named earlier; ORG_REF: "동맹" for "K-AI 동맹"
  };
  std::string id;
  std::string where;  // "file:line"
  std::string note;
  int layer = 1;
  bool strip_particle = false;
  bool absorb = false;  // its names may enclose names found before ('AWS 인퍼런시아'), which they replace
  std::unique_ptr<RE2> regex;
  std::unique_ptr<GroupsPattern> groups_pattern;  // as RelationRule's
  bool starts_at_placeholder = false;  // as RelationRule's
  std::vector<Group> groups;  // groups named ORG, PERSON, PRODUCT (or ORG_2, ...), PERSON_REF, ORG_REF
  std::vector<RuleExample> examples;
  std::vector<std::string> counter_examples;  // sentences where the rule must find nothing
};

struct RelationRule {
  struct Emit {
    Relation relation;
    int subject = 0;  // capturing group numbers; 0 = not used
    int object = 0;
    int parties = 0;  // symmetric relations: every pair of entities in this group
    int role = 0;
    bool role_after_person = false;  // "role": "@title": the title written right after each person
  };
  std::string id;
  std::string where;
  std::string note;
  std::unique_ptr<RE2> regex;
  // Finds the groups of regex's matches faster, or null (groups_pattern.h).
  std::unique_ptr<GroupsPattern> groups_pattern;
  std::unique_ptr<RE2> unless;  // when it matches from the match to the sentence end (a denial), nothing is emitted
  // Every match begins with a placeholder (most rules): the rule is then
  // tried anchored at each placeholder (match_rule), which spares RE2 a backward pass
  // over each match to find where it begins.
  bool starts_at_placeholder = false;
  std::vector<Emit> emits;
  std::vector<RuleExample> examples;
  std::vector<std::string> counter_examples;
};

// A pattern that marks a whole line of a page as boilerplate (navigation,
// forum listings, counters), so nothing is extracted from it.
struct BoilerplateRule {
  std::string id;
  std::string where;
  std::string note;
  std::unique_ptr<RE2> regex;
  std::vector<std::string> examples;          // lines it must mark
  std::vector<std::string> counter_examples;  // lines it must leave alone
};

// The entity rules of one layer, with a set to find which of them match.
struct EntityLayer {
  int layer = 1;
  std::vector<const EntityRule*> rules;
  std::unique_ptr<RE2::Set> set;
};

// The leftmost match of a rule's regex in text at or after pos, through the
// group cache: tried at each placeholder when every match begins with one
// (`starts_at_placeholder`), else searched for. Rule is EntityRule or RelationRule.
template <typename Rule>
bool match_rule(SubmatchCache& cache, const Rule& rule, std::string_view text, std::size_t pos,
                re2::StringPiece* groups, int n) {
  const GroupsPattern* groups_pattern = rule.groups_pattern.get();
  return rule.starts_at_placeholder
             ? cache.match_at_prefix(*rule.regex, kPlaceholderOpen, text, pos, groups, n, groups_pattern)
             : cache.match(*rule.regex, text, pos, groups, n, RE2::UNANCHORED, groups_pattern);
}

// Whether rules keep their groups patterns (the default) or find every
// group with their own pattern, to check that both give the same output.
enum class GroupsPatterns { kUse, kIgnore };

class Rules {
 public:
  // Compiles the patterns on up to `threads` threads; the rules are the same
  // for any count.
  static std::shared_ptr<const Rules> load(const std::string& dir, unsigned threads = 1,
                                           GroupsPatterns groups_patterns = GroupsPatterns::kUse);

  const std::string& dir() const { return dir_; }
  const Particles& particles() const { return particles_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  // Words never taken as names.
  bool is_stopword(std::string_view word) const { return stopwords_.count(word) > 0; }
  // Words that as a subject refer back to the article's company ("회사는"): they do not count as a subject of their own.
  bool is_anaphoric_subject(std::string_view word) const { return anaphoric_subjects_.count(word) > 0; }
  // A product of several words ending in one of these ("산업용 AI 모델") is a description, not a name.
  bool is_generic_head(std::string_view word) const { return generic_heads_.count(word) > 0; }
  // Known names, never split by particle stripping.
  const WordSet& known_names() const { return known_names_; }
  // A surname and a two-syllable given name whose last syllable is one of
  // lexicon/given_name_endings.txt (허다인, 이유나, 남궁하나): a name, though
  // it ends in a syllable that is also a particle (인, 나).
  bool is_name_with_particle_ending(std::string_view word) const;
  // Matches a title right after a person, group TITLE (macro TITLE_AFTER_PERSON), anchored. May be null.
  const RE2* title_after_person_regex() const { return title_after_person_regex_.get(); }
  // Matches a parenthesised alias right after a name, group ALIAS: "(Anthropic)". May be null.
  const RE2* alias_regex() const { return alias_regex_.get(); }
  // Whether title_after_person_regex() / alias_regex() may match anchored
  // at text[at]; when false, asking RE2 can be skipped (match_start.h).
  bool may_have_title_at(std::string_view text, std::size_t at) const {
    return !title_start_ || title_start_->may_begin_at(text, at);
  }
  bool may_have_alias_at(std::string_view text, std::size_t at) const {
    return !alias_start_ || alias_start_->may_begin_at(text, at);
  }

  const std::vector<EntityRule>& entity_rules() const { return entity_rules_; }
  const std::vector<EntityLayer>& entity_layers() const { return layers_; }
  const std::vector<RelationRule>& relation_rules() const { return relation_rules_; }
  const std::vector<BoilerplateRule>& boilerplate_rules() const { return boilerplate_rules_; }

  // The rule that marks `line` as boilerplate, or null.
  const BoilerplateRule* boilerplate(std::string_view line) const;

  // Discourse: a sentence without a subject of its own (macro HAS_SUBJECT
  // does not match) continues the subject of the sentence before it (the
  // group "subject" of macro SUBJECT). Either may be null: no carrying over.
  const RE2* has_subject_regex() const { return has_subject_regex_.get(); }
  const RE2* subject_regex() const { return subject_regex_.get(); }

  // Indices into entity_layers()[layer].rules / relation_rules() of the rules
  // that may match text, in rule order: one RE2::Set pass instead of one pass
  // per rule. The set holds the patterns loosened (trigger_pattern.h), so
  // this is every rule that matches and maybe a few that do not; run them.
  std::vector<int> candidate_entity_rules(const EntityLayer& layer, std::string_view text) const;
  std::vector<int> candidate_relation_rules(std::string_view text) const;
  // Every pattern those sets and the boilerplate set hold, as they hold it
  // (entity, relation, then boilerplate rules, each in file order).
  std::vector<std::string> set_patterns() const;

 private:
  Rules() = default;

  std::string dir_;
  Macros macros_;
  Particles particles_;
  Gazetteer gazetteer_;
  WordSet stopwords_;
  WordSet known_names_;
  WordSet generic_heads_;
  WordSet anaphoric_subjects_;
  WordSet surnames_;
  WordSet given_name_endings_;
  std::unique_ptr<RE2> alias_regex_;
  std::unique_ptr<RE2> title_after_person_regex_;
  std::optional<MatchStart> alias_start_;
  std::optional<MatchStart> title_start_;
  std::vector<EntityRule> entity_rules_;
  std::vector<EntityLayer> layers_;
  std::vector<RelationRule> relation_rules_;
  std::unique_ptr<RE2::Set> relation_set_;
  std::vector<BoilerplateRule> boilerplate_rules_;
  std::unique_ptr<RE2::Set> boilerplate_set_;
  std::unique_ptr<RE2> has_subject_regex_;
  std::unique_ptr<RE2> subject_regex_;
};

}  // namespace relgraph
