// AtomicFile: write a file so that readers see the old file or the complete
// new one, never a half-written one.
//
//   AtomicFile file("out/graph.graphml");   // writes to a temporary beside it
//   file.stream() << ...;
//   file.commit();                          // flush, close, rename into place
//
// If commit() is not reached (an exception, an early return) the temporary
// is removed and the previous file is left untouched. A missing folder is
// created. Failures throw Error(kOutput) naming the path.
#pragma once

#include <fstream>
#include <string>

namespace relgraph {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace relgraph
