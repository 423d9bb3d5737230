#include "tools/progress.h"

#include <doctest/doctest.h>

#include <sstream>

namespace relgraph {
namespace {

TEST_CASE("progress: silent for the first second, then one line redrawn in place, erased at the end") {
  std::ostringstream err;
  double now = 100.0;
  {
    Progress progress(err, true, [&] { return now; });
    progress.add(1'000'000, 3);
    now = 100.5;
    progress.add(1'000'000, 2);
    CHECK(err.str() == "");  // a short run shows nothing
    now = 102.0;
    progress.add(2'000'000, 5);
    CHECK(err.str() == "\rrelgraph: 3 documents, 4.0 MB, 10 facts, 2.0 MB/s");
    now = 102.1;
    progress.add(1, 0);  // within 0.2 s of the last draw: not redrawn
    CHECK(err.str().find("4 documents") == std::string::npos);
    now = 103.0;
    progress.add(1'000'000, 1'234);
    CHECK(err.str().ends_with("\rrelgraph: 5 documents, 5.0 MB, 1,244 facts, 1.7 MB/s"));
    err.str("");
    progress.clear();  // before a warning
    CHECK(err.str() == "\r" + std::string(52, ' ') + "\r");
  }
  err.str("");
  CHECK(err.str() == "");
}

TEST_CASE("progress: disabled (not a terminal, or --quiet) it never writes") {
  std::ostringstream err;
  double now = 0;
  Progress progress(err, false, [&] { return now; });
  for (int i = 0; i < 100; ++i) {
    now += 1;
    progress.add(1000, 1);
  }
  progress.finish();
  CHECK(err.str() == "");
}

}  // namespace
}  // namespace relgraph
