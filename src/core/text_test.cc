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
      "\xC2\x9B" "2J",      // C1 CSI (U+009B) in a line
  };
  for (const char* b : bad) EXPECT_FALSE(IsCleanText(b, true)) << b;
  EXPECT_FALSE(IsCleanText(std::string("a\0b", 3), false));
  EXPECT_TRUE(IsCleanText("\xC2\xA0", true));  // U+00A0 (no-break space) is text, not a control
}

TEST(SafeText, EscapesWhatATerminalWouldObeyAndKeepsText) {
  EXPECT_EQ(SafeText("KSP Sejahtera \xE2\x82\xAC"), "KSP Sejahtera \xE2\x82\xAC");
  EXPECT_EQ(SafeText("a\nb\tc"), "a\\nb\\tc");
  EXPECT_EQ(SafeText("\x1B[2J"), "\\x1B[2J");
  EXPECT_EQ(SafeText("\x7F"), "\\x7F");
  EXPECT_EQ(SafeText("\xC2\x9B" "31m"), "\\u009B31m");
  EXPECT_EQ(SafeText("\xFF\xE2\x82"), "\\xFF\\xE2\\x82");  // invalid and cut sequences, byte by byte
  EXPECT_EQ(SafeText(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(SafeText("back\\slash"), "back\\slash");
  // Cut at a character boundary, marked.
  EXPECT_EQ(SafeText("abcdef", 4), "abcd\xE2\x80\xA6");
  EXPECT_EQ(SafeText("abcd", 4), "abcd");
  EXPECT_EQ(SafeText("ab\xE2\x82\xAC", 4), "ab\xE2\x80\xA6");  // the euro sign would not fit whole
  // Whatever the input, the result is clean UTF-8 on one line.
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(char(b));
  EXPECT_TRUE(IsCleanText(SafeText(all), true));
  EXPECT_TRUE(IsCleanText(SafeText(all, 100), true));
}

TEST(TextHelpers, TrimAndFold) {
  EXPECT_EQ(Trim(" \tx y\t ", kBlanks), "x y");
  EXPECT_EQ(Trim("\r\nx\n", kWhitespace), "x");
  EXPECT_EQ(TrimLeft("  x  ", " "), "x  ");
  EXPECT_EQ(TrimRight("  x  ", " "), "  x");
  EXPECT_EQ(Trim("   ", " "), "");
  EXPECT_EQ(AsciiLower("Tahun Ini (Rp) \xC3\x89"), "tahun ini (rp) \xC3\x89");
  EXPECT_TRUE(EqualsFold("KSP", "ksp"));
  EXPECT_FALSE(EqualsFold("KSP", "ksp "));
  EXPECT_TRUE(ContainsFold("<HTML><body>", "<html"));
  EXPECT_FALSE(ContainsFold("ab", "abc"));
  EXPECT_LT(CompareFold("koperasi", "KSP"), 0);
  EXPECT_EQ(CompareFold("Ksp", "kSP"), 0);
  EXPECT_GT(CompareFold("ksp b", "KSP"), 0);
}

}  // namespace
}  // namespace kopsehat
