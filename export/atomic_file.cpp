#include "export/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "extract/error.h"

namespace relgraph {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  const fs::path target(path_);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);  // "-o out/graph.graphml" makes out/ when needed
  if (!fs::is_directory(dir, ec)) throw Error(Error::Kind::kOutput, path_, "cannot create folder " + dir.string());
  // Same folder as the target, so the final rename cannot cross file systems.
  temp_path_ = (dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()))).string();
  out_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!out_) throw Error(Error::Kind::kOutput, path_, std::string("cannot write: ") + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::remove(temp_path_.c_str());
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) throw Error(Error::Kind::kOutput, path_, "write failed (disk full?)");
  out_.close();
  if (!out_) throw Error(Error::Kind::kOutput, path_, "write failed on close");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw Error(Error::Kind::kOutput, path_, std::string("cannot replace the file: ") + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace relgraph
