#include "report/memory_file.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

namespace kopsehat {

MemoryFile::MemoryFile() {
  fd_ = memfd_create("kopsehat-render", MFD_CLOEXEC);
  if (fd_ >= 0) {
    path_ = "/proc/self/fd/" + std::to_string(fd_);
    if (access(path_.c_str(), W_OK) == 0) return;
    close(fd_);
    fd_ = -1;
  }
  std::error_code ec;
  std::string tmpl = (std::filesystem::temp_directory_path(ec) / "kopsehat-render-XXXXXX").string();
  fd_ = mkstemp(tmpl.data());
  if (fd_ < 0) {
    status_ = Status::Error("berkas_sementara", "berkas sementara tidak dapat dibuat",
                            "cannot create a temporary file");
    return;
  }
  path_ = tmpl;
  on_disk_ = true;
}

MemoryFile::~MemoryFile() {
  if (fd_ >= 0) close(fd_);
  if (on_disk_) unlink(path_.c_str());
}

Status MemoryFile::ReadAll(size_t max_bytes, std::string* out) const {
  out->clear();
  struct stat st {};
  if (fd_ < 0 || fstat(fd_, &st) != 0) {
    return Status::Error("berkas_sementara", "berkas sementara tidak dapat dibaca", "cannot read a temporary file");
  }
  if (size_t(st.st_size) > max_bytes) {
    return Status::Error("terlalu_besar", "hasil terlalu besar", "the output is too large");
  }
  out->resize(size_t(st.st_size));
  size_t done = 0;
  while (done < out->size()) {
    const ssize_t n = pread(fd_, out->data() + done, out->size() - done, off_t(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      out->clear();
      return Status::Error("berkas_sementara", "berkas sementara tidak dapat dibaca", "cannot read a temporary file");
    }
    done += size_t(n);
  }
  return {};
}

}  // namespace kopsehat
