// extract_inputs: the reading and extraction loop of `extract` and `build`.
//
// Checks and reads every INPUT of `options` (reader.h, honouring --encoding
// and --strict), extracts each document with the rules of --rules on
// --threads workers, and hands the results to `deliver` on this thread in
// input order, counting them on a progress line on `err` (unless --quiet).
// `finish`, when given, runs on the worker that extracted the document. When
// Ctrl-C stops the reading, the Error names what `lost(document)` says.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "extract/parallel_extractor.h"
#include "tools/options.h"

namespace relgraph {

void extract_inputs(const Options& options, std::ostream& err, ParallelExtractor::Finish finish,
                    const ParallelExtractor::Deliver& deliver,
                    const std::function<std::string(const Document&)>& lost);

}  // namespace relgraph
