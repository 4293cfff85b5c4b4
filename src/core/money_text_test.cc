// Amounts as people type them (text cells, CSV) and as spreadsheets store numbers.
#include <gtest/gtest.h>

#include "core/money.h"

namespace kopsehat {
namespace {

struct TextCase {
  const char* text;
  AmountError error;
  Sen sen;  // when error == kNone
};

TEST(MoneyText, IndonesianPlainAndEnglishForms) {
  const TextCase cases[] = {
      {"1.250.000,50", AmountError::kNone, 125000050},
      {"1.250.000", AmountError::kNone, 125000000},
      {"Rp 1.250.000", AmountError::kNone, 125000000},
      {"Rp1.250.000,-", AmountError::kNone, 125000000},
      {"Rp. 1.250.000,00", AmountError::kNone, 125000000},
      {"rp 12.345.678,9", AmountError::kNone, 1234567890},
      {"(1.000.000)", AmountError::kNone, -100000000},
      {"-1.000.000", AmountError::kNone, -100000000},
      {"(1000)", AmountError::kNone, -100000},
      {"(1.000)", AmountError::kAmbiguous, 0},  // one group is ambiguous however it is signed
      {"Rp -2.500,50", AmountError::kNone, -250050},
      {"1250000.50", AmountError::kNone, 125000050},
      {"1250000,5", AmountError::kNone, 125000050},
      {"1250000", AmountError::kNone, 125000000},
      {"1,250,000.50", AmountError::kNone, 125000050},
      {"1 250 000", AmountError::kNone, 125000000},
      {"1\xC2\xA0" "250\xC2\xA0" "000", AmountError::kNone, 125000000},  // no-break spaces
      {"0,01", AmountError::kNone, 1},
      {"0", AmountError::kNone, 0},
      {"999.999.999.999.999,99", AmountError::kNone, 99999999999999999},
      // Refused, each for its own reason.
      {"1.250", AmountError::kAmbiguous, 0},
      {"1,250", AmountError::kAmbiguous, 0},
      {"Rp 12.500", AmountError::kNone, 1250000},  // "Rp" marks Indonesian writing: the dot groups thousands
      {"1.25.000", AmountError::kNotANumber, 0},     // a group of 2
      {"1.2500.000", AmountError::kNotANumber, 0},   // a group of 4
      {"1.250.000,505", AmountError::kAmbiguous, 0},  // three digits after grouping: refused as a likely typo
      {"12,345", AmountError::kAmbiguous, 0},
      {"0,125", AmountError::kAmbiguous, 0},
      {"1250.505", AmountError::kAmbiguous, 0},
      {"1250.5051", AmountError::kTooManyDecimals, 0},
      {"1.250.000,50,1", AmountError::kNotANumber, 0},
      {"satu juta", AmountError::kNotANumber, 0},
      {"", AmountError::kNotANumber, 0},
      {"Rp", AmountError::kNotANumber, 0},
      {"(-1.000.000)", AmountError::kNotANumber, 0},
      {"1e6", AmountError::kExponent, 0},
      // Regressions from review: spaces may only group thousands; a 3-digit fraction after grouping is a typo;
      // Rp or a trailing ",-" marks Indonesian writing, where a lone dot groups thousands.
      {"12 5", AmountError::kNotANumber, 0},
      {"1 250", AmountError::kNone, 125000},
      {"1 25", AmountError::kNotANumber, 0},
      {"1.250,000", AmountError::kAmbiguous, 0},
      {"1,250.000", AmountError::kAmbiguous, 0},
      {"Rp 250.000", AmountError::kNone, 25000000},
      {"250.000,-", AmountError::kNone, 25000000},
      {"Rp 5.000,-", AmountError::kNone, 500000},
      {"Rp 1,250", AmountError::kAmbiguous, 0},
      {"1.000.000.000.000.000,01", AmountError::kTooLarge, 0},
  };
  for (const TextCase& c : cases) {
    Sen sen = -7;
    EXPECT_EQ(ParseAmountTextSen(c.text, &sen), c.error) << c.text;
    if (c.error == AmountError::kNone) {
      EXPECT_EQ(sen, c.sen) << c.text;
    }
  }
}

TEST(MoneySpreadsheet, StoredNumberTextIsExact) {
  const TextCase cases[] = {
      {"1250000.5", AmountError::kNone, 125000050},
      {"1250000", AmountError::kNone, 125000000},
      {"0.1", AmountError::kNone, 10},
      {"1.25E+6", AmountError::kNone, 125000000},
      {"1.25e6", AmountError::kNone, 125000000},
      {"5E-2", AmountError::kNone, 5},
      {"-42.5", AmountError::kNone, -4250},
      // A typed 1234567.89 stored by a spreadsheet as its double, 17 significant digits: rounded in decimal to
      // 15 significant digits first.
      {"1234567.8899999999", AmountError::kNone, 123456789},
      {"0.29999999999999999", AmountError::kNone, 30},
      {"12345678901.120001", AmountError::kNone, 1234567890112},
      // A real third decimal within 15 digits is refused.
      {"1234.567", AmountError::kTooManyDecimals, 0},
      {"1E-3", AmountError::kTooManyDecimals, 0},
      // Integers beyond double precision cannot have been typed exactly.
      {"12345678901234567", AmountError::kTooLarge, 0},
      {"1E+20", AmountError::kTooLarge, 0},
      {"abc", AmountError::kNotANumber, 0},
      {"1E", AmountError::kNotANumber, 0},
      {"1E+1234", AmountError::kNotANumber, 0},
      {"123456789012345678901234567890E17", AmountError::kTooLarge, 0},  // was an internal overflow error
  };
  for (const TextCase& c : cases) {
    Sen sen = -7;
    EXPECT_EQ(ParseSpreadsheetNumberSen(c.text, &sen), c.error) << c.text;
    if (c.error == AmountError::kNone) {
      EXPECT_EQ(sen, c.sen) << c.text;
    }
  }
}

TEST(MoneySpreadsheet, ZeroWithHugeExponentIsZero) {
  Sen sen = -1;
  EXPECT_EQ(ParseSpreadsheetNumberSen("0E+300", &sen), AmountError::kNone);
  EXPECT_EQ(sen, 0);
}

}  // namespace
}  // namespace kopsehat
