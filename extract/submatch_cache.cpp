#include "extract/submatch_cache.h"

#include <cstdint>

#include "extract/utf8.h"

namespace relgraph {

namespace {

// The byte at `at` as RE2's empty-width assertions can tell it apart: no byte
// (an end of the text: ^ $ \A \z), a newline ((?m)^ and (?m)$), a word
// character (\b \B; RE2's word characters are ASCII [0-9A-Za-z_]), or any
// other byte. Keying on this class rather than the byte lets "삼성전자는 "
// after one word share the entry it has after any other.
void append_context(std::string& key, std::string_view text, std::size_t at, bool inside) {
  enum Context : char { kNone, kNewline, kWordChar, kOther };
  Context context = kNone;
  if (inside) {
    const auto c = static_cast<unsigned char>(text[at]);
    const bool word = utf8::is_ascii_alnum(c) || c == '_';
    context = c == '\n' ? kNewline : word ? kWordChar : kOther;
  }
  key.push_back(context);
}

}  // namespace

std::size_t SubmatchCache::cost(std::size_t key_size, std::size_t groups) {
  constexpr std::size_t kNodeAndHeaders = 128;  // hash node, string and vector headers, malloc overhead
  return key_size + groups * sizeof(Offsets::value_type) + kNodeAndHeaders;
}

const SubmatchCache::Offsets* SubmatchCache::find() {
  if (const auto it = newer_.find(key_); it != newer_.end()) return &it->second;
  const auto it = older_.find(key_);
  if (it == older_.end()) return nullptr;
  Offsets offsets = std::move(it->second);  // used again: back to the newer generation
  older_.erase(it);
  return &insert(std::move(offsets));
}

const SubmatchCache::Offsets& SubmatchCache::insert(Offsets offsets) {
  const std::size_t size = cost(key_.size(), offsets.size());
  if (held_ + size > budget_ / 2) {
    older_ = std::move(newer_);
    newer_ = Entries();
    held_ = 0;
  }
  held_ += size;
  return newer_.emplace(key_, std::move(offsets)).first->second;
}

bool SubmatchCache::match(const RE2& regex, std::string_view text, std::size_t pos, re2::StringPiece* groups, int n) {
  const re2::StringPiece whole(text.data(), text.size());
  if (n <= 1) return regex.Match(whole, pos, text.size(), RE2::UNANCHORED, groups, n);

  // Where the match is: DFAs only, forward then backward.
  re2::StringPiece span;
  if (!regex.Match(whole, pos, text.size(), RE2::UNANCHORED, &span, 1)) return false;
  const auto begin = static_cast<std::size_t>(span.data() - text.data());
  const std::size_t end = begin + span.size();

  if (span.size() > static_cast<std::size_t>(INT32_MAX)) {  // offsets are stored in 32 bits
    return regex.Match(whole, begin, end, RE2::ANCHOR_BOTH, groups, n);
  }

  const RE2* const address = &regex;
  key_.assign(reinterpret_cast<const char*>(&address), sizeof address);
  key_.append(reinterpret_cast<const char*>(&n), sizeof n);
  append_context(key_, text, begin - 1, begin > 0);
  append_context(key_, text, end, end < text.size());
  key_.append(span.data(), span.size());

  if (const Offsets* found = find()) {
    ++hits_;
    for (int i = 0; i < n; ++i) {
      const auto [b, e] = (*found)[static_cast<std::size_t>(i)];
      groups[i] = b < 0 ? re2::StringPiece() : re2::StringPiece(span.data() + b, static_cast<std::size_t>(e - b));
    }
    return true;
  }

  // The groups of that exact span: the same anchored search RE2 runs after
  // its DFAs have found the span, so the same answer as one unanchored call.
  ++misses_;
  if (!regex.Match(whole, begin, end, RE2::ANCHOR_BOTH, groups, n)) {
    return regex.Match(whole, pos, text.size(), RE2::UNANCHORED, groups, n);  // not expected; stay correct
  }
  Offsets offsets(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const re2::StringPiece& g = groups[i];
    if (g.data() == nullptr) {
      offsets[static_cast<std::size_t>(i)] = {-1, -1};
    } else {
      const auto b = static_cast<std::int32_t>(g.data() - span.data());
      offsets[static_cast<std::size_t>(i)] = {b, b + static_cast<std::int32_t>(g.size())};
    }
  }
  insert(std::move(offsets));
  return true;
}

}  // namespace relgraph
