// cli/line_reader.cc — see line_reader.h.
#include "cli/line_reader.h"

#include <cstring>

namespace kopsehat::cli {

namespace {
constexpr size_t kBlockBytes = 1 << 16;
}  // namespace

LineReader::LineReader(FILE* in, size_t max_line_bytes) : in_(in), max_(max_line_bytes), buf_(kBlockBytes, '\0') {}

bool LineReader::Fill() {
  pos_ = 0;
  end_ = std::fread(buf_.data(), 1, buf_.size(), in_);
  if (end_ == 0 && std::ferror(in_) != 0) error_ = true;
  return end_ > 0;
}

LineReader::Result LineReader::Next(std::string* line, size_t* bytes) {
  line->clear();
  *bytes = 0;
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (error_) return Result::kError;
      if (!any) return Result::kEnd;
      return too_long ? Result::kTooLong : Result::kLine;  // the last line, without '\n'
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    const size_t n = nl != nullptr ? size_t(static_cast<const char*>(nl) - start) : end_ - pos_;
    if (!too_long && line->size() + n > max_) {
      too_long = true;
      line->clear();
      line->shrink_to_fit();
    }
    if (!too_long) line->append(start, n);
    *bytes += n;
    pos_ += n;
    if (nl != nullptr) {
      ++pos_;
      ++*bytes;
      return too_long ? Result::kTooLong : Result::kLine;
    }
  }
}

}  // namespace kopsehat::cli
