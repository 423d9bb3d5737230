#include "export/atomic_file.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "extract/error.h"
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

}  // namespace
}  // namespace relgraph
