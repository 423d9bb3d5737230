#include "graph/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "extract/error.h"

namespace relgraph {

namespace {

// Closes a file descriptor when it goes out of scope.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw Error(Error::Kind::kInput, path, std::string("cannot open: ") + std::strerror(errno));
  struct stat info;
  if (::fstat(file.fd, &info) != 0) throw Error(Error::Kind::kInput, path, std::string("cannot stat: ") + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) throw Error(Error::Kind::kInput, path, "not a regular file");
  size_ = static_cast<std::size_t>(info.st_size);
  if (size_ == 0) return;  // mmap refuses length 0; an empty view will do
  // MAP_POPULATE reads the pages in one go instead of one page fault at a time.
  data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
  if (data_ == MAP_FAILED) {
    data_ = nullptr;
    throw Error(Error::Kind::kInput, path, std::string("cannot map into memory: ") + std::strerror(errno));
  }
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace relgraph
