// cli/line_reader.h — reads a stream line by line with a bound on a line's length: a longer line is skipped (read
// to its end and dropped, never held), so one hostile line of gigabytes costs no more memory than the bound.
// Depends on the C standard library.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace kopsehat::cli {

class LineReader {
 public:
  // Reads `in` (not owned) in blocks; lines longer than `max_line_bytes` (without their '\n') are reported too long.
  LineReader(FILE* in, size_t max_line_bytes);

  enum class Result { kLine, kTooLong, kEnd, kError };
  // The next line into *line, without its '\n' (a last line without one counts too). kTooLong: the line was
  // skipped and *line is empty. kError: reading failed (a directory, an I/O error). *bytes: the bytes the line took
  // in the input, '\n' included.
  Result Next(std::string* line, size_t* bytes);

 private:
  bool Fill();  // false at the end of the input or on an error

  FILE* in_;
  size_t max_;
  std::string buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool error_ = false;
};

}  // namespace kopsehat::cli
