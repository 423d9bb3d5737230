// Reader: turns the INPUT arguments of the CLI into documents.
//
//   a file        *.jsonl: one document per line ({"id", "text", "title"?, "date"?, "url"?});
//                 anything else: one document, id = file name
//   a directory   read recursively, in path order: *.txt and *.jsonl as above, other files ignored
//   "-"           standard input: JSON Lines if its text starts with '{', else one document with id "stdin"
//
// JSON Lines (files and standard input) are streamed in blocks of 1 MiB in
// any encoding, so memory does not grow with the input.
//
// Every file's bytes go through decoder.h first: UTF-8 (with or without a
// byte order mark), UTF-16 with one, EUC-KR/CP949 detected by ICU, or the
// encoding forced by ReadOptions; bad sequences become U+FFFD; a file with
// NUL bytes is skipped. Each file gets at most one warning about its bytes. A plain-text article may begin with a
// line "date YYYY-MM-DD" (or "date: ..."); it becomes the document's date and
// stays part of the text. Unreadable inputs throw Error(kInput); lines that
// cannot be used are reported through `warn` and skipped.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace relgraph {

using DocumentSink = std::function<void(Document&&)>;
using WarningSink = std::function<void(const std::string&)>;

// Throws Error(kUsage) naming the first input that does not exist, before any work starts.
void check_inputs_exist(const std::vector<std::string>& inputs);

struct ReadOptions {
  std::string encoding;  // "" to detect, else an ICU converter name (--encoding)
};

// Reads every input in order and hands each document to `sink`.
void read_inputs(const std::vector<std::string>& inputs, const DocumentSink& sink, const WarningSink& warn,
                 const ReadOptions& options = {});

// The text of one file, read and decoded as read_inputs reads a plain-text
// file (decoder.h; its one warning, if any, goes to `warn` prefixed with the
// path), or nothing when the file is not text. Throws Error(kInput) when the
// file cannot be read.
std::optional<std::string> read_text_file(const std::string& path, const WarningSink& warn,
                                          const ReadOptions& options = {});

// Parses JSON Lines from valid UTF-8 `content` (named `origin` in messages),
// through the same line reader as a .jsonl file.
void read_json_lines(std::string_view content, const std::string& origin, const DocumentSink& sink,
                     const WarningSink& warn);

// The date of a "date YYYY-MM-DD" first line, or "" when the text has none.
std::string date_header(std::string_view text);

}  // namespace relgraph
