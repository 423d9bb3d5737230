#include "graph/name_suggestions.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_set>

namespace relgraph {

namespace {

// A name as the code points compared: NFD (Hangul as jamo), case folded, no white space.
std::u32string comparable(std::string_view name, const icu::Normalizer2& nfd) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      nfd.normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))),
                    status);
  std::u32string out;
  if (U_FAILURE(status)) return out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) continue;
    out += static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return out;
}

// Levenshtein distance, stopping early once every path costs more than `bound`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t bound) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0], smallest = row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > bound) return bound + 1;
  }
  return row[b.size()];
}

}  // namespace

std::vector<CloseName> close_names(std::string_view wanted,
                                   const std::vector<std::pair<std::string_view, std::uint32_t>>& names,
                                   std::size_t limit) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || nfd == nullptr) return {};
  const std::u32string key = comparable(wanted, *nfd);
  if (key.empty()) return {};
  const std::size_t bound = std::max<std::size_t>(1, (key.size() + 2) / 3);

  struct Scored {
    double score;
    std::string_view name;
    std::uint32_t node;
  };
  std::vector<Scored> scored;
  for (const auto& [name, node] : names) {
    const std::u32string candidate = comparable(name, *nfd);
    if (candidate.empty()) continue;
    if (key.size() >= 2 && candidate.find(key) != std::u32string::npos) {
      // Ahead of every edit: the closer in length, the earlier.
      scored.push_back({static_cast<double>(candidate.size() - key.size()) / 1000.0, name, node});
      continue;
    }
    const std::size_t distance = edit_distance(key, candidate, bound);
    if (distance <= bound) scored.push_back({static_cast<double>(distance), name, node});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score < b.score;
    return a.name < b.name;
  });
  std::vector<CloseName> out;
  std::unordered_set<std::uint32_t> nodes;
  for (const Scored& s : scored) {
    if (out.size() == limit) break;
    if (nodes.insert(s.node).second) out.push_back({std::string(s.name), s.node});
  }
  return out;
}

}  // namespace relgraph
