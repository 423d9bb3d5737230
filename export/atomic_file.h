// AtomicFile: write a file so that readers see the old file or the complete
// new one, never a half-written one.
//
//   AtomicFile file("out/graph.graphml");   // writes to a temporary beside it
//   file.stream() << ...;
//   file.commit();                          // flush, sync, close, rename into place
//
// If commit() is not reached (an exception, an early return) the temporary
// is removed and the previous file is left untouched. A missing folder is
// created. A write error (a full disk, a file size limit) or an interrupt
// (interrupt.h) stops the writing; commit() then throws Error(kOutput)
// naming the path and the reason, and the previous file stays.
#pragma once

#include <memory>
#include <ostream>
#include <string>

namespace relgraph {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return stream_; }
  // Flushes, syncs and closes the temporary; throws as described above.
  // Files that must appear together close all before any commits.
  void close();
  // close() if not done, then renames the temporary into place.
  void commit();

 private:
  class Buffer;  // a stream buffer over the temporary's file descriptor

  std::string path_;
  std::string temp_path_;
  std::unique_ptr<Buffer> buffer_;
  std::ostream stream_;
  bool closed_ = false;
  bool committed_ = false;
};

}  // namespace relgraph
