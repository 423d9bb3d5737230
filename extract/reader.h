// Reader: turns the INPUT arguments of the CLI into documents.
//
//   a file        *.jsonl: one document per line ({"id", "text", "title"?, "date"?, "url"?});
//                 anything else: one document, id = file name
//   a directory   read recursively, in path order: *.txt and *.jsonl as above, other files ignored
//   "-"           standard input: JSON Lines if it starts with '{', else one document with id "stdin"
//
// Text must be UTF-8; a byte order mark is dropped and ill-formed bytes become
// U+FFFD with one warning per file. A plain-text article may begin with a
// line "date YYYY-MM-DD" (or "date: ..."); it becomes the document's date and
// stays part of the text. Unreadable inputs throw Error(kInput); lines that
// cannot be used are reported through `warn` and skipped.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace relgraph {

using DocumentSink = std::function<void(Document&&)>;
using WarningSink = std::function<void(const std::string&)>;

// Throws Error(kUsage) naming the first input that does not exist, before any work starts.
void check_inputs_exist(const std::vector<std::string>& inputs);

// Reads every input in order and hands each document to `sink`.
void read_inputs(const std::vector<std::string>& inputs, const DocumentSink& sink, const WarningSink& warn);

// Parses JSON Lines from `content` (named `origin` in messages).
void read_json_lines(std::string_view content, const std::string& origin, const DocumentSink& sink,
                     const WarningSink& warn);

// The date of a "date YYYY-MM-DD" first line, or "" when the text has none.
std::string date_header(std::string_view text);

}  // namespace relgraph
