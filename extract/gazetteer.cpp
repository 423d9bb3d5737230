#include "extract/gazetteer.h"

#include <algorithm>
#include <filesystem>

#include "extract/error.h"
#include "extract/lexicon.h"
#include "extract/macros.h"
#include "extract/names.h"
#include "extract/particles.h"
#include "extract/utf8.h"

namespace relgraph {

namespace fs = std::filesystem;

namespace {

// What may stand right before and right after a name: anything but a name
// character or a placeholder bracket.
constexpr const char* kBefore = "(?:^|[^가-힣A-Za-z0-9⟧])";
constexpr const char* kAfter = "(?:[^가-힣A-Za-z0-9⟦]|$)";

// The bit of Gazetteer::starts_ for a name beginning with `first`, `second`
// (second 0 for a name of one character).
constexpr std::size_t kStartBits = std::size_t{1} << 16;
std::size_t start_bit(char32_t first, char32_t second) {
  // Multiplicative hash; the high bits of the product are the well mixed ones.
  return ((static_cast<std::uint32_t>(first) * 2654435761u) ^ (static_cast<std::uint32_t>(second) * 40503u)) >> 16;
}

// Whether a name may start right after the character c (kBefore's class).
bool is_boundary(char32_t c) { return !utf8::is_name_char(c) && c != U'\u27E7'; }

// The first character at or after `from` that may stand right before a
// name (is_boundary), or npos.
std::size_t next_name_boundary(std::string_view text, std::size_t from) {
  for (std::size_t at = from; at < text.size();) {
    // Most characters of Korean text are Hangul syllables, never a boundary;
    // this runs on every sentence.
    if (utf8::is_hangul_syllable_at(text, at)) {
      at += 3;
      continue;
    }
    std::size_t next = at;
    if (is_boundary(utf8::next(text, next))) return at;
    at = next;
  }
  return std::string_view::npos;
}

std::vector<std::string> split_aliases(const std::string& column) {
  std::vector<std::string> aliases;
  std::size_t start = 0;
  while (start <= column.size()) {
    std::size_t bar = column.find('|', start);
    if (bar == std::string::npos) bar = column.size();
    std::string alias = column.substr(start, bar - start);
    const auto first = alias.find_first_not_of(' ');
    const auto last = alias.find_last_not_of(' ');
    if (first != std::string::npos) aliases.push_back(alias.substr(first, last - first + 1));
    start = bar + 1;
  }
  return aliases;
}

}  // namespace

Gazetteer Gazetteer::load(const std::string& dir, const Particles& particles) {
  Gazetteer gazetteer;
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(dir)) {
      if (item.path().extension() == ".tsv") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      for (const LexiconEntry& line : load_lexicon(file.string())) {
        const std::string where = file.string() + ":" + std::to_string(line.line);
        const auto type = parse_entity_type(line.word);
        if (!type) {
          throw Error(Error::Kind::kRules, where, "unknown entity type \"" + line.word + "\" (use ORG, PERSON or PRODUCT)");
        }
        if (line.columns.empty() || line.columns[0].empty()) throw Error(Error::Kind::kRules, where, "no name");
        auto entry = std::make_unique<GazetteerEntry>();
        entry->type = *type;
        entry->name = line.columns[0];
        if (line.columns.size() > 1) entry->aliases = split_aliases(line.columns[1]);
        entry->where = where;
        gazetteer.add(std::move(entry));
      }
    }
  }
  gazetteer.compile(particles);
  return gazetteer;
}

Gazetteer Gazetteer::of(std::vector<GazetteerEntry> entries, const Particles& particles) {
  Gazetteer gazetteer;
  for (GazetteerEntry& entry : entries) gazetteer.add(std::make_unique<GazetteerEntry>(std::move(entry)));
  gazetteer.compile(particles);
  return gazetteer;
}

void Gazetteer::add(std::unique_ptr<GazetteerEntry> entry) {
  const GazetteerEntry* e = entry.get();
  auto remember = [&](const std::string& surface) {
    by_surface_.emplace(surface, e);  // the first entry to claim a form keeps it
    by_key_.emplace(name_key(surface), e);
  };
  remember(e->name);
  for (const std::string& alias : e->aliases) remember(alias);
  entries_.push_back(std::move(entry));
}

void Gazetteer::compile(const Particles& particles) {
  if (by_surface_.empty()) return;
  std::vector<std::string> surfaces;
  surfaces.reserve(by_surface_.size());
  for (const auto& [surface, entry] : by_surface_) surfaces.push_back(surface);
  std::vector<std::string> particle_words;
  for (const auto& p : particles.list()) particle_words.push_back(p.text);

  starts_.assign(kStartBits / 64, 0);
  for (const std::string& surface : surfaces) {
    if (surface.empty()) {  // it would match at any boundary: no way to skip
      starts_.clear();
      break;
    }
    std::size_t at = 0;
    const char32_t first = utf8::next(surface, at);
    const char32_t second = at < surface.size() ? utf8::next(surface, at) : 0;
    if (second == 0) one_character_names_ = true;
    const std::size_t bit = start_bit(first, second);
    starts_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }

  std::string pattern = kBefore;
  pattern += "(" + alternation(surfaces) + ")";
  if (!particle_words.empty()) pattern += alternation(particle_words) + "?";
  pattern += kAfter;

  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(256 << 20);
  regex_ = std::make_unique<RE2>(pattern, options);
  if (!regex_->ok()) throw Error(Error::Kind::kRules, "gazetteer", "cannot compile the names: " + regex_->error());
}

bool Gazetteer::may_start_name(std::string_view text, std::size_t at) const {
  auto is_set = [&](std::size_t bit) { return (starts_[bit / 64] >> (bit % 64) & 1) != 0; };
  const char32_t first = utf8::next(text, at);
  if (one_character_names_ && is_set(start_bit(first, 0))) return true;
  return at < text.size() && is_set(start_bit(first, utf8::next(text, at)));
}

std::size_t Gazetteer::next_start(std::string_view text, std::size_t pos) const {
  if (pos == 0 && !text.empty() && may_start_name(text, 0)) return 0;  // kBefore's ^
  for (std::size_t at = next_name_boundary(text, pos); at != std::string_view::npos;) {
    std::size_t name = at;
    utf8::next(text, name);
    if (name < text.size() && may_start_name(text, name)) return at;
    at = next_name_boundary(text, name);
  }
  return std::string_view::npos;
}

std::vector<Gazetteer::Hit> Gazetteer::find(std::string_view text, SubmatchCache* cache) const {
  std::vector<Hit> hits;
  if (!regex_) return hits;
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece groups[2];
  std::size_t pos = 0;
  // With start bits the regex is tried anchored at each place a name may
  // begin, in order: the first that matches is the leftmost match, as an
  // unanchored search from pos would find, since every match begins at one.
  auto search = [&](RE2::Anchor anchor) {
    return cache ? cache->match(*regex_, text, pos, groups, 2, anchor)
                 : regex_->Match(whole, pos, text.size(), anchor, groups, 2);
  };
  auto next_match = [&] {
    if (starts_.empty()) return search(RE2::UNANCHORED);
    for (pos = next_start(text, pos); pos != std::string_view::npos; pos = next_start(text, pos)) {
      if (search(RE2::ANCHOR_START)) return true;
      utf8::next(text, pos);  // past the boundary tried
    }
    return false;
  };
  while (pos <= text.size() && next_match()) {
    const auto begin = static_cast<std::size_t>(groups[1].data() - text.data());
    const std::size_t end = begin + groups[1].size();
    const auto it = by_surface_.find(std::string_view(groups[1].data(), groups[1].size()));
    if (it != by_surface_.end()) hits.push_back({begin, end, it->second});
    // Resume at the end of the name: the character after it may be the
    // boundary in front of the next name.
    pos = end > pos ? end : pos + 1;
  }
  return hits;
}

const GazetteerEntry* Gazetteer::lookup(std::string_view name) const {
  if (const auto it = by_surface_.find(name); it != by_surface_.end()) return it->second;
  if (const auto it = by_key_.find(name_key(name)); it != by_key_.end()) return it->second;
  return nullptr;
}

}  // namespace relgraph
