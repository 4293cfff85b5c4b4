// LineReader: lines with and without a final '\n', CRLF kept for the caller, long lines skipped without being held.
#include "cli/line_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kopsehat::cli {
namespace {

struct Read {
  std::vector<std::string> lines;  // "<too long>" for a skipped line
  size_t bytes = 0;
  bool error = false;
};

Read ReadAll(const std::string& input, size_t max) {
  FILE* f = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  if (input.empty()) f = std::tmpfile();
  Read r;
  LineReader reader(f, max);
  std::string line;
  size_t bytes = 0;
  for (;;) {
    const LineReader::Result res = reader.Next(&line, &bytes);
    if (res == LineReader::Result::kEnd) break;
    if (res == LineReader::Result::kError) {
      r.error = true;
      break;
    }
    r.bytes += bytes;
    r.lines.push_back(res == LineReader::Result::kTooLong ? "<too long>" : line);
  }
  std::fclose(f);
  return r;
}

TEST(LineReader, LinesAsWritten) {
  EXPECT_EQ(ReadAll("a\nbb\n", 10).lines, (std::vector<std::string>{"a", "bb"}));
  EXPECT_EQ(ReadAll("a\nbb", 10).lines, (std::vector<std::string>{"a", "bb"}));  // no final newline
  EXPECT_EQ(ReadAll("a\r\n\n", 10).lines, (std::vector<std::string>{"a\r", ""}));
  EXPECT_TRUE(ReadAll("", 10).lines.empty());
  EXPECT_EQ(ReadAll(std::string("x\0y\n", 4), 10).lines, (std::vector<std::string>{std::string("x\0y", 3)}));
  EXPECT_EQ(ReadAll("a\nbb\n", 10).bytes, 5u);
}

TEST(LineReader, TooLongLinesAreSkippedAndReadingGoesOn) {
  const std::string big(200000, 'x');  // spans several blocks
  const Read r = ReadAll("ok\n" + big + "\nlagi\n" + big, 1000);
  EXPECT_EQ(r.lines, (std::vector<std::string>{"ok", "<too long>", "lagi", "<too long>"}));
  EXPECT_EQ(r.bytes, 3 + big.size() + 1 + 5 + big.size());
  // Exactly at the bound is allowed.
  EXPECT_EQ(ReadAll("abcd\nabcde\n", 4).lines, (std::vector<std::string>{"abcd", "<too long>"}));
}

TEST(LineReader, ADirectoryIsAReadError) {
  FILE* f = std::fopen("/", "rb");
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 100);
  std::string line;
  size_t bytes = 0;
  EXPECT_EQ(reader.Next(&line, &bytes), LineReader::Result::kError);
  std::fclose(f);
}

}  // namespace
}  // namespace kopsehat::cli
