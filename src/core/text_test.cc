#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace kopsehat {
namespace {

TEST(IsCleanText, AcceptsUtf8AndRefusesMalformedSequences) {
  EXPECT_TRUE(IsCleanText("KSP Sejahtera Bersama", true));
  EXPECT_TRUE(IsCleanText("Koperasi \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", true));  // é € 😀
  EXPECT_TRUE(IsCleanText("baris satu\nbaris dua", false));
  EXPECT_FALSE(IsCleanText("baris satu\nbaris dua", true));
  EXPECT_TRUE(IsCleanText("tab\tok", true));
  EXPECT_TRUE(IsCleanText("", true));
  const char* bad[] = {
      "\x96",              // Windows-1252 en dash
      "\xFF\xFE",          // not UTF-8 at all
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong
      "\xED\xA0\x80",      // surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xE2\x82",          // truncated
      "\x7F",              // DEL in a line
  };
  for (const char* b : bad) EXPECT_FALSE(IsCleanText(b, true)) << b;
  EXPECT_FALSE(IsCleanText(std::string("a\0b", 3), false));
}

}  // namespace
}  // namespace kopsehat
