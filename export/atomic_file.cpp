#include "export/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <streambuf>

#include "extract/error.h"
#include "extract/interrupt.h"

namespace relgraph {

namespace fs = std::filesystem;

// Writes through a 64 KiB buffer to a file descriptor, so that each write
// error keeps its errno and an interrupt is seen at every buffer flush.
// After the first failure it accepts nothing more (the stream goes bad and
// the writers' remaining output costs nothing).
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd) { setp(data_, data_ + sizeof data_); }
  ~Buffer() override {
    if (fd_ >= 0) ::close(fd_);
  }

  int error() const { return error_; }          // errno of the first failed write, or 0
  int interrupted() const { return signal_; }   // the signal that stopped the writing, or 0

  // Flushes, syncs to disk and closes; false on any failure.
  bool finish() {
    if (!drain()) return false;
    if (::fsync(fd_) != 0 && errno != EINVAL) error_ = errno;  // EINVAL: a file system without fsync
    if (::close(fd_) != 0 && error_ == 0) error_ = errno;
    fd_ = -1;
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (error_ != 0 || signal_ != 0) return false;
    if (const int signal = interrupt_signal()) {
      signal_ = signal;
      return false;
    }
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        return false;
      }
      p += n;
    }
    setp(data_, data_ + sizeof data_);
    return true;
  }

  int fd_;
  int error_ = 0;
  int signal_ = 0;
  char data_[64 * 1024];
};

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), stream_(nullptr) {
  const fs::path target(path_);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);  // "-o out/graph.graphml" makes out/ when needed
  if (!fs::is_directory(dir, ec)) throw Error(Error::Kind::kOutput, path_, "cannot create folder " + dir.string());
  // Same folder as the target, so the final rename cannot cross file systems.
  temp_path_ = (dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()))).string();
  const int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw Error(Error::Kind::kOutput, path_, std::string("cannot write: ") + std::strerror(errno));
  buffer_ = std::make_unique<Buffer>(fd);
  stream_.rdbuf(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  stream_.rdbuf(nullptr);
  buffer_.reset();  // closes the descriptor
  std::remove(temp_path_.c_str());
}

void AtomicFile::close() {
  if (closed_) return;
  stream_.flush();
  const bool written = buffer_->finish();
  if (const int signal = buffer_->interrupted()) {
    throw Error(Error::Kind::kOutput, path_,
                "interrupted by " + signal_name(signal) + "; not written, the previous file is kept");
  }
  if (!written) {
    throw Error(Error::Kind::kOutput, path_,
                std::string("cannot write: ") + std::strerror(buffer_->error()) + "; the previous file is kept");
  }
  closed_ = true;
}

void AtomicFile::commit() {
  close();
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw Error(Error::Kind::kOutput, path_, std::string("cannot replace the file: ") + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace relgraph
