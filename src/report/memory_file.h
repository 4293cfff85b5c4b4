// report/memory_file.h — a file that lives in memory (Linux memfd) for libraries that only write to a path
// (libxlsxwriter), so a renderer can hand back bytes without a temporary file on disk. Where memfd or /proc is not
// available it falls back to a private temporary file that is removed when the object goes. Depends on the
// standard library and Linux.
#pragma once

#include <string>

#include "core/status.h"

namespace kopsehat {

class MemoryFile {
 public:
  MemoryFile();
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  // Not ok when neither an in-memory nor a temporary file could be made.
  const Status& status() const { return status_; }
  // A path through which a library can open the file for writing (and truncate it).
  const std::string& path() const { return path_; }
  // Everything written to the file so far. At most `max_bytes`; more is an error.
  Status ReadAll(size_t max_bytes, std::string* out) const;

 private:
  int fd_ = -1;
  std::string path_;
  bool on_disk_ = false;  // the fallback: path_ is a real file to remove
  Status status_;
};

}  // namespace kopsehat
