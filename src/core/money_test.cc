// Unit tests for core/money.h: Rupiah amounts in sen, parsing limits and formatting.

#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace kopsehat {
namespace {

Sen ParseOk(std::string_view text) {
  Sen s = -424242;
  EXPECT_EQ(ParseAmountSen(text, &s), AmountError::kNone) << text;
  return s;
}

TEST(MoneyParse, Examples) {
  EXPECT_EQ(ParseOk("1250000.50"), 125000050);
  EXPECT_EQ(ParseOk("1250000.5"), 125000050);
  EXPECT_EQ(ParseOk("1250000"), 125000000);
  EXPECT_EQ(ParseOk("-5"), -500);
  EXPECT_EQ(ParseOk("0"), 0);
  EXPECT_EQ(ParseOk("0.01"), 1);
  EXPECT_EQ(ParseOk("-0.01"), -1);
}

TEST(MoneyParse, TrailingZerosBeyondSenAccepted) {
  EXPECT_EQ(ParseOk("12.500"), 1250);
  EXPECT_EQ(ParseOk("12.5000000"), 1250);
  EXPECT_EQ(ParseOk("7.000"), 700);
  EXPECT_EQ(ParseOk("-3.100"), -310);
}

TEST(MoneyParse, FractionOfSenRefused) {
  Sen s = 0;
  EXPECT_EQ(ParseAmountSen("12.345", &s), AmountError::kTooManyDecimals);
  EXPECT_EQ(ParseAmountSen("12.3450", &s), AmountError::kTooManyDecimals);
  EXPECT_EQ(ParseAmountSen("0.001", &s), AmountError::kTooManyDecimals);
  EXPECT_EQ(ParseAmountSen("-0.005", &s), AmountError::kTooManyDecimals);
}

TEST(MoneyParse, NotANumber) {
  Sen s = 0;
  EXPECT_EQ(ParseAmountSen("", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("abc", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("1,5", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("1.250.000", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("Rp 5", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("+5", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("-", &s), AmountError::kNotANumber);
  EXPECT_EQ(ParseAmountSen("5.", &s), AmountError::kNotANumber);
}

TEST(MoneyParse, ExponentRefused) {
  Sen s = 0;
  EXPECT_EQ(ParseAmountSen("1e5", &s), AmountError::kExponent);
  EXPECT_EQ(ParseAmountSen("1.5E3", &s), AmountError::kExponent);
}

TEST(MoneyParse, UpperLimitExactlyAccepted) {
  // Rp 10^15 = 10^17 sen.
  EXPECT_EQ(ParseOk("1000000000000000"), 100000000000000000LL);
  EXPECT_EQ(ParseOk("1000000000000000.00"), 100000000000000000LL);
  EXPECT_EQ(ParseOk("999999999999999.99"), 99999999999999999LL);
}

TEST(MoneyParse, JustAboveLimitRefused) {
  Sen s = 0;
  EXPECT_EQ(ParseAmountSen("1000000000000000.01", &s), AmountError::kTooLarge);
  EXPECT_EQ(ParseAmountSen("1000000000000001", &s), AmountError::kTooLarge);
  EXPECT_EQ(ParseAmountSen("10000000000000000", &s), AmountError::kTooLarge);
}

TEST(MoneyParse, NegativeLimit) {
  EXPECT_EQ(ParseOk("-1000000000000000"), -100000000000000000LL);
  Sen s = 0;
  EXPECT_EQ(ParseAmountSen("-1000000000000000.01", &s), AmountError::kTooLarge);
}

TEST(MoneyParse, HugeInputsAreTooLargeNotOverflow) {
  Sen s = 0;
  // Beyond int64 (9.2 × 10^18) and beyond 30 digits: both must be refused as too large.
  EXPECT_EQ(ParseAmountSen("92233720368547758.08", &s), AmountError::kTooLarge);
  EXPECT_EQ(ParseAmountSen("1234567890123456789012345678901", &s), AmountError::kTooLarge);
  EXPECT_EQ(ParseAmountSen("-99999999999999999999999999", &s), AmountError::kTooLarge);
}

TEST(MoneyFormatPlain, AlwaysTwoDecimals) {
  EXPECT_EQ(FormatSenPlain(125000050), "1250000.50");
  EXPECT_EQ(FormatSenPlain(125000000), "1250000.00");
  EXPECT_EQ(FormatSenPlain(-5), "-0.05");
  EXPECT_EQ(FormatSenPlain(0), "0.00");
  EXPECT_EQ(FormatSenPlain(100), "1.00");
  EXPECT_EQ(FormatSenPlain(-123456), "-1234.56");
  EXPECT_EQ(FormatSenPlain(100000000000000000LL), "1000000000000000.00");
}

TEST(MoneyFormatRupiah, Examples) {
  EXPECT_EQ(FormatRupiah(125000050), "Rp 1.250.000,50");
  EXPECT_EQ(FormatRupiah(125000000), "Rp 1.250.000");
  EXPECT_EQ(FormatRupiah(-500), "-Rp 5");
  EXPECT_EQ(FormatRupiah(-125000050), "-Rp 1.250.000,50");
  EXPECT_EQ(FormatRupiah(0), "Rp 0");
  EXPECT_EQ(FormatRupiah(5), "Rp 0,05");
  EXPECT_EQ(FormatRupiah(50), "Rp 0,50");
  EXPECT_EQ(FormatRupiah(-1), "-Rp 0,01");
  EXPECT_EQ(FormatRupiah(99999), "Rp 999,99");
  EXPECT_EQ(FormatRupiah(100000), "Rp 1.000");
  EXPECT_EQ(FormatRupiah(100000000000000000LL), "Rp 1.000.000.000.000.000");
}

TEST(MoneyFormatRupiah, Int64Extremes) {
  // Not reachable from parsed input, but formatting must not overflow.
  EXPECT_EQ(FormatRupiah(std::numeric_limits<int64_t>::min()), "-Rp 92.233.720.368.547.758,08");
  EXPECT_EQ(FormatRupiah(std::numeric_limits<int64_t>::max()), "Rp 92.233.720.368.547.758,07");
}

TEST(MoneyRoundTrip, ParseFormatPlain) {
  for (const char* text : {"0.00", "1.00", "-0.05", "1250000.50", "-999999999999999.99", "1000000000000000.00"}) {
    EXPECT_EQ(FormatSenPlain(ParseOk(text)), text);
  }
}

}  // namespace
}  // namespace kopsehat
