// MappedFile: a whole file's bytes as a string_view, read-only, without a
// copy (mmap); the view lives as long as the object.
//
//   MappedFile file("graph.graphml");   // throws Error(kInput) naming the path
//   parse(file.text());
#pragma once

#include <string>
#include <string_view>

namespace relgraph {

class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace relgraph
