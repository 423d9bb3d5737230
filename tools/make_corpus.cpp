// relgraph_make_corpus: writes any number of megabytes of generated Korean
// technology news, with the gold facts it planted, for benchmarks and for a
// large-scale check of extraction quality (relgraph eval on its output).
//
//   relgraph_make_corpus --mb 100 -o corpus/     corpus/articles/*.jsonl, 256 MB a file
//   relgraph_make_corpus --mb 5 --txt -o corpus/ corpus/articles/*.txt, one per article
//
// Articles are put together from samples/generator/templates.json: made-up
// company, person and product names, well-known companies, new companies
// introduced by what they do, named units and alliances, foreign people with
// their names in English; relation sentences for all thirteen relations in
// many phrasings; sentences that look relational and are not; filler; web
// boilerplate above and below. The same seed and templates always give the
// same bytes. Writes corpus/gold.jsonl (RELATIONS.md's gold format).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/utf8.h"

namespace {

namespace fs = std::filesystem;

struct Fact {
  std::string relation, subject, object;  // slot names, resolved per sentence
};

struct Template {
  std::string text;
  std::vector<Fact> facts;
};

struct Templates {
  std::map<std::string, std::vector<std::string>> names;
  std::map<std::string, std::vector<std::string>> words;
  std::vector<Template> sentences, non_facts;
  std::vector<std::string> filler, boilerplate_top, boilerplate_bottom;
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "relgraph_make_corpus: " << message << '\n';
  std::exit(2);
}

std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray()) out.emplace_back(v.GetString(), v.GetStringLength());
  return out;
}

// Whether `text` fills slot `slot`: {S} or {S|...}.
bool fills(const std::string& text, const std::string& slot) {
  return text.find('{' + slot + '}') != std::string::npos || text.find('{' + slot + '|') != std::string::npos;
}

std::vector<Template> templates_of(const rapidjson::Value& array) {
  std::vector<Template> out;
  for (const auto& t : array.GetArray()) {
    Template tmpl{t["text"].GetString(), {}};
    for (const auto& f : t["facts"].GetArray()) {
      tmpl.facts.push_back({f[0].GetString(), f[1].GetString(), f[2].GetString()});
      for (const std::string& slot : {tmpl.facts.back().subject, tmpl.facts.back().object}) {
        if (!fills(tmpl.text, slot)) fail("a fact names {" + slot + "}, which the template does not fill: " + tmpl.text);
      }
    }
    out.push_back(std::move(tmpl));
  }
  return out;
}

Templates load_templates(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  rapidjson::Document d;
  d.Parse(buffer.str().c_str());
  if (d.HasParseError() || !d.IsObject()) fail(path + ": not a JSON object");
  Templates t;
  for (const auto& m : d["names"].GetObject()) t.names[m.name.GetString()] = strings(m.value);
  for (const auto& m : d["words"].GetObject()) t.words[m.name.GetString()] = strings(m.value);
  t.sentences = templates_of(d["sentences"]);
  t.non_facts = templates_of(d["non_facts"]);
  t.filler = strings(d["filler"]);
  t.boilerplate_top = strings(d["boilerplate_top"]);
  t.boilerplate_bottom = strings(d["boilerplate_bottom"]);
  return t;
}

// True when the last syllable of `word` has a final consonant (받침); digits
// and Latin letters as they are read aloud in Korean.
bool has_final_consonant(const std::string& word, bool* final_rieul = nullptr) {
  std::size_t pos = word.size();
  char32_t last = 0;
  while (pos > 0) {
    last = relgraph::utf8::previous(word, pos);
    if (last != U')' && last != U'\'' && last != U'"') break;
  }
  if (final_rieul) *final_rieul = false;
  if (relgraph::utf8::is_hangul_syllable(last)) {
    const int jong = static_cast<int>((last - 0xAC00) % 28);
    if (final_rieul) *final_rieul = jong == 8;
    return jong != 0;
  }
  const std::u32string consonant_digits = U"0136780MLNmln";  // 영 일 삼 육 칠 팔 십, em el en
  if (final_rieul) *final_rieul = last == U'1' || last == U'7' || last == U'8' || last == U'L' || last == U'l';
  return consonant_digits.find(last) != std::u32string::npos;
}

// Slots: {A} a value; {A|은/는} the value and its particle; {^A|은/는} only
// the particle (after a closing quote: '{X}'{^X|을/를}).
// "은/는" after `word`: the first form after a final consonant, else the
// second; "으로/로" takes 로 after ㄹ too.
std::string particle_for(const std::string& word, const std::string& forms) {
  const std::size_t slash = forms.find('/');
  if (slash == std::string::npos) return forms;
  bool rieul = false;
  const bool consonant = has_final_consonant(word, &rieul);
  const std::string with = forms.substr(0, slash), without = forms.substr(slash + 1);
  if (with == "으로" && rieul) return without;
  return consonant ? with : without;
}

class Generator {
 public:
  Generator(Templates templates, std::uint64_t seed) : t_(std::move(templates)), random_(seed) {
    for (const auto& head : t_.names["org_heads"]) {
      for (const auto& tail : t_.names["org_tails"]) orgs_.push_back(head + tail);
    }
    for (const auto& surname : t_.names["surnames"]) {
      for (const auto& given : t_.names["given"]) people_.push_back(surname + given);
    }
    for (const auto& head : t_.names["product_heads"]) {
      for (const auto& tail : t_.names["product_tails"]) products_.push_back(head + tail);
    }
    for (const auto& head : t_.names["new_org_heads"]) {
      for (const auto& tail : t_.names["new_org_tails"]) new_orgs_.push_back(head + tail);
    }
    known_orgs_ = t_.names["known_orgs"];
    units_ = t_.names["units"];
    foreign_people_ = t_.names["foreign_people"];
  }

  struct Article {
    std::string id, date, title, text;
    std::vector<std::string> gold;  // JSON lines
  };

  Article article(std::size_t number) {
    Article a;
    char id[32];
    std::snprintf(id, sizeof id, "gen-%08zu", number);
    a.id = id;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", static_cast<int>(2024 + pick(2)), static_cast<int>(1 + pick(12)),
                  static_cast<int>(1 + pick(28)));
    a.date = date;
    std::set<std::string> seen;  // a fact is counted once per document
    std::string body;
    const std::size_t top = 1 + pick(2);
    for (std::size_t i = 0; i < top; ++i) body += fill_plain(one_of(t_.boilerplate_top)) + "\n";
    const std::size_t paragraphs = 3 + pick(4);
    for (std::size_t p = 0; p < paragraphs; ++p) {
      std::string paragraph;
      const std::size_t count = 1 + pick(2);
      for (std::size_t s = 0; s < count; ++s) {
        if (!paragraph.empty()) paragraph += ' ';
        // Three sentences in ten state a fact, one looks as if it did, six are filler:
        // news is mostly sentences without a relation.
        const std::size_t kind = pick(10);
        if (kind < 3) {
          paragraph += fill(one_of(t_.sentences), a, seen);
        } else if (kind < 4) {
          paragraph += fill(one_of(t_.non_facts), a, seen);
        } else {
          paragraph += fill_plain(one_of(t_.filler));
        }
      }
      if (a.title.empty()) a.title = paragraph.substr(0, paragraph.find(' ', 40));
      body += paragraph + "\n";
    }
    const std::size_t bottom = 1 + pick(3);
    for (std::size_t i = 0; i < bottom; ++i) body += fill_plain(one_of(t_.boilerplate_bottom)) + "\n";
    a.text = std::move(body);
    return a;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
  template <typename T>
  const T& one_of(const std::vector<T>& items) {
    return items[pick(items.size())];
  }

  // A name pool for an entity slot: A B C organisations (made up, or one time
  // in three well known), D E made-up organisations only (a new name, a
  // subsidiary), N a new company whose name tells nothing (the sentence
  // introduces it), U a named unit, centre or alliance, P Q people, F a
  // foreign person ("한글 이름|English Name"), X products.
  const std::vector<std::string>* pool_for(const std::string& slot) {
    if (slot == "A" || slot == "B" || slot == "C") return pick(3) == 0 ? &known_orgs_ : &orgs_;
    if (slot == "D" || slot == "E") return &orgs_;
    if (slot == "N") return &new_orgs_;
    if (slot == "U") return &units_;
    if (slot == "P" || slot == "Q") return &people_;
    if (slot == "F") return &foreign_people_;
    if (slot == "X") return &products_;
    return nullptr;
  }

  static const char* type_of(const std::string& slot) {
    if (slot == "P" || slot == "Q" || slot == "F") return "PERSON";
    if (slot == "X") return "PRODUCT";
    return "ORG";
  }

  // A pool entry as written: "한글 이름|English Name" is its Korean part.
  static std::string written(const std::string& value) { return value.substr(0, value.find('|')); }
  // {F_EN}: the English part of slot F's entry.
  static std::string english(const std::string& value) {
    const std::size_t bar = value.find('|');
    return bar == std::string::npos ? value : value.substr(bar + 1);
  }

  // Replaces every {SLOT} and {SLOT|x/y} of `text`; `values` keeps one
  // value per slot for the sentence (distinct names for distinct slots).
  std::string expand(const std::string& text, std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t open = text.find('{', pos);
      if (open == std::string::npos) {
        out.append(text, pos);
        break;
      }
      out.append(text, pos, open - pos);
      const std::size_t close = text.find('}', open);
      if (close == std::string::npos) fail("unclosed { in template: " + text);
      std::string inside = text.substr(open + 1, close - open - 1);
      const bool particle_only = inside.starts_with('^');  // {^X|을/를}: after a closing quote
      if (particle_only) inside.erase(0, 1);
      const std::size_t bar = inside.find('|');
      const std::string slot = inside.substr(0, bar);
      if (slot.ends_with("_EN")) {  // {F_EN}: the English name of the entity in {F}, written before it
        const auto named = values.find(slot.substr(0, slot.size() - 3));
        if (named == values.end()) fail("{" + slot + "} before its slot in template: " + text);
        out += english(named->second);
        pos = close + 1;
        continue;
      }
      auto it = values.find(slot);
      if (it == values.end()) it = values.emplace(slot, value_for(slot, values)).first;
      const std::string word = written(it->second);
      if (!particle_only) out += word;
      if (bar != std::string::npos) out += particle_for(word, inside.substr(bar + 1));
      pos = close + 1;
    }
    return out;
  }

  std::string value_for(const std::string& slot, const std::map<std::string, std::string>& taken) {
    if (const auto* pool = pool_for(slot)) {
      for (;;) {  // distinct from the sentence's other names
        const std::string& name = one_of(*pool);
        bool used = false;
        for (const auto& [other, value] : taken) used = used || value == name;
        if (!used) return name;
      }
    }
    const auto words = t_.words.find(slot);
    if (words == t_.words.end()) fail("unknown slot {" + slot + "}");
    return one_of(words->second);
  }

  std::string fill_plain(const std::string& text) {
    std::map<std::string, std::string> values;
    return expand(text, values);
  }

  std::string fill(const Template& tmpl, Article& article, std::set<std::string>& seen) {
    std::map<std::string, std::string> values;
    const std::string sentence = expand(tmpl.text, values);
    for (const Fact& fact : tmpl.facts) {
      const std::string subject = written(values.at(fact.subject));
      const std::string object = written(values.at(fact.object));
      const bool symmetric = fact.relation == "partners_with" || fact.relation == "competes_with";
      const std::string key = fact.relation + '\t' + (symmetric && object < subject ? object + '\t' + subject
                                                                                     : subject + '\t' + object);
      if (!seen.insert(key).second) continue;
      article.gold.push_back(gold_line(article.id, fact, subject, object, sentence));
    }
    return sentence;
  }

  static std::string gold_line(const std::string& doc, const Fact& fact, const std::string& subject,
                               const std::string& object, const std::string& evidence) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("doc");
    w.String(doc.c_str());
    w.Key("relation");
    w.String(fact.relation.c_str());
    for (const auto& [key, name, slot] : {std::tuple{"subject", &subject, &fact.subject},
                                          std::tuple{"object", &object, &fact.object}}) {
      w.Key(key);
      w.StartObject();
      w.Key("name");
      w.String(name->c_str());
      w.Key("type");
      w.String(type_of(*slot));
      w.EndObject();
    }
    w.Key("evidence");
    w.String(evidence.c_str());
    w.EndObject();
    return buffer.GetString();
  }

  Templates t_;
  std::mt19937_64 random_;
  std::vector<std::string> orgs_, people_, products_, new_orgs_, known_orgs_, units_, foreign_people_;
};

std::string jsonl_line(const Generator::Article& a) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("id");
  w.String(a.id.c_str());
  w.Key("date");
  w.String(a.date.c_str());
  w.Key("title");
  w.String(a.title.c_str());
  w.Key("text");
  w.String(a.text.c_str(), static_cast<rapidjson::SizeType>(a.text.size()));
  w.EndObject();
  return std::string(buffer.GetString()) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 10;
  std::string out_dir, templates_path = RELGRAPH_SOURCE_DIR "/samples/generator/templates.json";
  std::uint64_t seed = 1;
  bool txt = false;
  const std::size_t kFileBytes = 256u << 20;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) fail(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--mb") {
      megabytes = std::stod(value());
    } else if (arg == "-o") {
      out_dir = value();
    } else if (arg == "--seed") {
      seed = std::stoull(value());
    } else if (arg == "--templates") {
      templates_path = value();
    } else if (arg == "--txt") {
      txt = true;
    } else {
      fail("usage: relgraph_make_corpus --mb N -o DIR [--txt] [--seed S] [--templates FILE]");
    }
  }
  if (out_dir.empty()) fail("needs -o DIR");
  Generator generator(load_templates(templates_path), seed);
  fs::create_directories(fs::path(out_dir) / "articles");
  std::ofstream gold(fs::path(out_dir) / "gold.jsonl", std::ios::binary);
  std::ofstream jsonl;
  std::size_t file_bytes = kFileBytes, files = 0, total = 0, facts = 0, number = 0;
  const auto target = static_cast<std::size_t>(megabytes * 1e6);
  while (total < target) {
    const Generator::Article article = generator.article(number++);
    for (const std::string& line : article.gold) gold << line << '\n';
    facts += article.gold.size();
    if (txt) {
      std::ofstream(fs::path(out_dir) / "articles" / (article.id + ".txt"), std::ios::binary)
          << "date " << article.date << "\n" << article.text;
      total += article.text.size() + 16;
      continue;
    }
    const std::string line = jsonl_line(article);
    if (file_bytes + line.size() > kFileBytes) {
      char name[32];
      std::snprintf(name, sizeof name, "articles-%04zu.jsonl", ++files);
      jsonl = std::ofstream(fs::path(out_dir) / "articles" / name, std::ios::binary);
      file_bytes = 0;
    }
    jsonl << line;
    file_bytes += line.size();
    total += line.size();
  }
  if (!gold || (!txt && !jsonl)) fail(out_dir + ": write failed");
  std::cerr << "relgraph_make_corpus: " << number << " articles, " << total / 1000000.0 << " MB, " << facts
            << " gold facts -> " << out_dir << '\n';
  return 0;
}
