#include "export/atomic_file.h"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>

#include "extract/error.h"
#include "extract/interrupt.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::read_file;
using testing::TempDir;

std::size_t files_in(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

TEST_CASE("atomic file: commit puts the complete file in place and leaves no temporary") {
  TempDir dir;
  {
    AtomicFile file((dir / "graph.graphml").string());
    file.stream() << "new";
    file.commit();
  }
  CHECK(read_file(dir / "graph.graphml") == "new");
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("atomic file: without commit the previous file is untouched and the temporary is gone") {
  TempDir dir;
  dir.write("graph.graphml", "old");
  {
    AtomicFile file((dir / "graph.graphml").string());
    file.stream() << "half-written";
  }
  CHECK(read_file(dir / "graph.graphml") == "old");
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("atomic file: a missing folder is created") {
  TempDir dir;
  {
    AtomicFile file((dir / "out/graphs/graph.dot").string());
    file.stream() << "digraph {}";
    file.commit();
  }
  CHECK(read_file(dir / "out/graphs/graph.dot") == "digraph {}");
}

TEST_CASE("atomic file: a folder that cannot be made is an output error naming the path") {
  TempDir dir;
  dir.write("plain-file", "in the way");
  const std::string path = (dir / "plain-file/graph.dot").string();
  CHECK_THROWS_WITH_AS(AtomicFile{path}, doctest::Contains(path.c_str()), Error);
}

TEST_CASE("atomic file: a signal while writing stops it, commit throws naming the path, the previous file stays") {
  TempDir dir;
  dir.write("graph.graphml", "old");
  const std::string path = (dir / "graph.graphml").string();
  const InterruptScope interrupts;
  {
    AtomicFile file(path);
    file.stream() << std::string(100'000, 'x');
    std::raise(SIGTERM);
    file.stream() << std::string(100'000, 'y');  // the next buffer flush sees the signal
    CHECK_THROWS_WITH_AS(file.commit(), doctest::Contains((path + ": interrupted by SIGTERM").c_str()), Error);
  }
  CHECK(read_file(dir / "graph.graphml") == "old");
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("atomic file: close() then commit() of several files replaces them together") {
  TempDir dir;
  AtomicFile a((dir / "a.csv").string()), b((dir / "b.csv").string());
  a.stream() << "a";
  b.stream() << "b";
  a.close();
  b.close();
  CHECK(files_in(dir.path()) == 2);  // two temporaries, nothing in place yet
  CHECK_FALSE(std::filesystem::exists(dir / "a.csv"));
  a.commit();
  b.commit();
  CHECK(read_file(dir / "a.csv") == "a");
  CHECK(read_file(dir / "b.csv") == "b");
  CHECK(files_in(dir.path()) == 2);
}

}  // namespace
}  // namespace relgraph
