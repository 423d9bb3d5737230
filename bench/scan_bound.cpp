// relgraph_bench_scan: the bare scan bound of issue 7, next to extraction.
//
//   relgraph_bench_scan [--rules DIR] [--scan-only] INPUT...
//
// Runs on the allocator and the large pages `relgraph` runs on
// (tools/allocator.h). Reads the inputs once into memory (as `relgraph extract` would), then times
//   scan       one RE2::Set pass of every trigger pattern (entity, relation and
//              boilerplate rules as extraction's sets hold them, loosened by
//              trigger_pattern.h, and the gazetteer) over each document's
//              text, from a freshly compiled set: the bound of issue 7;
//   scan_warm  the same pass again over the same bytes, every DFA state
//              already built: a floor no extractor meets on text it has not
//              seen, printed to show how much of the bound is state building;
//   extract    Extractor::extract_all on the documents in batches of 256 KiB
//              (as relgraph extract runs them), one thread, once;
//   extract_warm  the same extraction again with the same Extractor: every
//              DFA state it needs is built and its group cache is full, so
//              what is left is the work itself, not the warm-up.
// Prints one line: bytes=B documents=D patterns=P scan_s=S scan_warm_s=W extract_s=E extract_warm_s=X facts=F
// (--scan-only: the scans alone, for runs alternated with relgraph's own).
#include <re2/re2.h>
#include <re2/set.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/extractor.h"
#include "extract/parallel_extractor.h"
#include "extract/reader.h"
#include "extract/rules.h"
#include "tools/allocator.h"

namespace {

using relgraph::Rules;

// The patterns extraction's sets hold, and the gazetteer's.
std::vector<std::string> trigger_patterns(const Rules& rules) {
  std::vector<std::string> patterns = rules.set_patterns();
  if (const RE2* names = rules.gazetteer().regex()) patterns.push_back(names->pattern());
  return patterns;
}

template <typename Work>
double seconds_of(Work work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  relgraph::prefer_large_pages();  // as relgraph does: the bound gets what extraction gets
  std::string rules_dir = "rules";
  std::vector<std::string> inputs;
  bool scan_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else if (arg == "--scan-only") {
      scan_only = true;
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::cerr << "usage: relgraph_bench_scan [--rules DIR] INPUT...\n";
    return 2;
  }
  try {
    const auto rules = Rules::load(rules_dir);
    std::vector<relgraph::Document> documents;
    std::size_t bytes = 0;
    relgraph::read_inputs(
        inputs,
        [&](relgraph::Document&& d) {
          bytes += d.text.size();
          documents.push_back(std::move(d));
        },
        [](const std::string&) {});

    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(1 << 30);
    RE2::Set set(options, RE2::UNANCHORED);
    const std::vector<std::string> patterns = trigger_patterns(*rules);
    for (const std::string& pattern : patterns) {
      std::string error;
      if (set.Add(pattern, &error) < 0) throw relgraph::Error(relgraph::Error::Kind::kRules, rules_dir, error);
    }
    if (!set.Compile()) throw relgraph::Error(relgraph::Error::Kind::kRules, rules_dir, "the set does not compile");

    auto scan_all = [&] {
      std::vector<int> matched;
      for (const auto& d : documents) {
        RE2::Set::ErrorInfo info{RE2::Set::kNoError};
        if (!set.Match(re2::StringPiece(d.text.data(), d.text.size()), &matched, &info) &&
            info.kind != RE2::Set::kNoError) {
          throw relgraph::Error(relgraph::Error::Kind::kRules, d.id, "the set's DFA ran out of memory");
        }
      }
    };
    const double scan = seconds_of(scan_all);
    const double scan_warm = seconds_of(scan_all);
    std::cout << "bytes=" << bytes << " documents=" << documents.size() << " patterns=" << patterns.size()
              << " scan_s=" << scan << " scan_warm_s=" << scan_warm;
    if (scan_only) {
      std::cout << '\n';
      return 0;
    }
    relgraph::Extractor extractor(rules);
    std::size_t facts = 0;
    // In the batches ParallelExtractor hands out.
    auto extract_all = [&] {
      facts = 0;
      std::vector<const relgraph::Document*> batch;
      std::size_t batch_bytes = 0;
      std::size_t batches = 0;
      auto flush = [&] {
        for (const auto& result : extractor.extract_all(batch)) facts += result.relations.size();
        batch.clear();
        batch_bytes = 0;
      };
      for (const auto& d : documents) {
        batch.push_back(&d);
        batch_bytes += d.text.size();
        if (relgraph::ParallelExtractor::batch_is_full(batches, batch_bytes, batch.size())) {
          flush();
          ++batches;
        }
      }
      flush();
    };
    const double extract = seconds_of(extract_all);
    const double extract_warm = seconds_of(extract_all);
    std::cout << " extract_s=" << extract << " extract_warm_s=" << extract_warm << " facts=" << facts << '\n';
  } catch (const relgraph::Error& e) {
    std::cerr << "relgraph_bench_scan: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
