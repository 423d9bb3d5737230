// A document: one news article as relgraph receives it.
//
// `text` is the article exactly as given (valid UTF-8, without a byte order
// mark); every code point offset relgraph prints refers to it. The other
// fields are empty when unknown. `date` is "YYYY-MM-DD".
#pragma once

#include <string>

namespace relgraph {

struct Document {
  std::string id;  // file name for .txt files, the "id" field for JSON Lines
  std::string text;
  std::string title;
  std::string date;
  std::string url;
};

}  // namespace relgraph
