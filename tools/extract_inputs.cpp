#include "tools/extract_inputs.h"

#include <utility>

#include "extract/interrupt.h"
#include "tools/progress.h"

namespace relgraph {

void extract_inputs(const Options& options, std::ostream& err, ParallelExtractor::Finish finish,
                    const ParallelExtractor::Deliver& deliver,
                    const std::function<std::string(const Document&)>& lost) {
  require_inputs(options);
  Progress progress(err, !options.quiet && stderr_is_terminal());
  const unsigned threads = threads_for(options);
  ParallelExtractor pool(load_rules(options, threads), threads, std::move(finish),
                         [&](ExtractedDocument&& done) {
                           progress.add(done.document.text.size(), done.result.relations.size());
                           deliver(std::move(done));
                         });
  read_inputs(
      options.inputs,
      [&](Document&& document) {
        throw_if_interrupted(lost(document));
        pool.add(std::move(document));
      },
      warnings_to(err, options, &progress), read_options(options));
  pool.finish();
  progress.finish();
}

}  // namespace relgraph
