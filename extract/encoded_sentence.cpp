#include "extract/encoded_sentence.h"

#include <algorithm>

#include "extract/placeholder.h"

namespace relgraph {

namespace {

// Copies raw sentence text, turning stray placeholder brackets into ordinary
// ones. Both brackets start with the same byte, so the text is copied in runs
// between occurrences of that byte (a per-byte copy cost 4 % of extraction).
void append_raw(std::string& out, std::string_view raw) {
  static_assert(kPlaceholderOpen.size() == 3 && kPlaceholderClose.size() == 3 &&
                kPlaceholderOpen[0] == kPlaceholderClose[0]);
  std::size_t copied = 0;  // raw[copied, at) is still to be appended as it is
  for (std::size_t at = raw.find(kPlaceholderOpen[0]); at != std::string_view::npos;
       at = raw.find(kPlaceholderOpen[0], at + 1)) {
    const bool open = raw.compare(at, kPlaceholderOpen.size(), kPlaceholderOpen) == 0;
    if (!open && raw.compare(at, kPlaceholderClose.size(), kPlaceholderClose) != 0) continue;
    out.append(raw.substr(copied, at - copied));
    out += open ? "［" : "］";  // also three bytes, so offsets stay aligned
    copied = at + kPlaceholderOpen.size();
    at = copied - 1;
  }
  out.append(raw.substr(copied));
}

}  // namespace

EncodedSentence::EncodedSentence(std::string_view sentence, std::size_t offset,
                                 const std::vector<EntityMention>& mentions, std::size_t carried) {
  if (mentions.empty() && !contains_placeholder(sentence)) {
    sentence_ = sentence;
    copied_ = false;
    return;
  }
  text_.reserve(sentence.size() + mentions.size() * 12);
  for (std::size_t i = 0; i < carried; ++i) {
    const std::size_t encoded_begin = text_.size();
    text_ += placeholder(mentions[i].type, i);
    placeholders_.push_back({encoded_begin, text_.size(), 0, 0});
    text_ += i + 1 < carried ? ", " : "는 ";
  }
  prefix_ = text_.size();
  std::size_t cursor = 0;
  for (std::size_t i = carried; i < mentions.size(); ++i) {
    const std::size_t begin = mentions[i].begin - offset;
    const std::size_t end = mentions[i].span_end - offset;
    append_raw(text_, sentence.substr(cursor, begin - cursor));
    const std::size_t encoded_begin = text_.size();
    text_ += placeholder(mentions[i].type, i);
    placeholders_.push_back({encoded_begin, text_.size(), begin, end});
    cursor = end;
  }
  append_raw(text_, sentence.substr(cursor));
}

std::size_t EncodedSentence::source_offset(std::size_t encoded_pos) const {
  if (encoded_pos < prefix_) return 0;
  // The last placeholder that starts at or before the position.
  auto it = std::upper_bound(placeholders_.begin(), placeholders_.end(), encoded_pos,
                             [](std::size_t pos, const Piece& p) { return pos < p.encoded_begin; });
  if (it == placeholders_.begin() || (it - 1)->encoded_begin < prefix_) return encoded_pos - prefix_;
  --it;
  if (encoded_pos < it->encoded_end) return it->source_begin;
  return it->source_end + (encoded_pos - it->encoded_end);
}

std::string EncodedSentence::decode(std::string_view encoded, const std::vector<EntityMention>& mentions) const {
  std::string out;
  std::size_t cursor = 0;
  for (const PlaceholderRef& ref : find_placeholders(encoded)) {
    out.append(encoded.substr(cursor, ref.begin - cursor));
    if (ref.index < mentions.size()) out += mentions[ref.index].name;
    cursor = ref.end;
  }
  out.append(encoded.substr(cursor));
  return out;
}

}  // namespace relgraph
