#include "core/money.h"

namespace kopsehat {

namespace {

// The common shape — [-]digits[.d[d]] with at most 15 integer digits — parsed straight into sen. Returns false
// for anything else, which the general path then handles (and explains).
bool ParseSimpleAmount(std::string_view text, Sen* out) {
  size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) i = 1;
  const size_t int_start = i;
  int64_t rupiah = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (i - int_start == 15) return false;  // a 16th digit: the general path decides (and cannot overflow)
    rupiah = rupiah * 10 + (text[i++] - '0');
  }
  const size_t int_digits = i - int_start;
  if (int_digits == 0) return false;
  int64_t sen = 0;
  if (i < text.size()) {
    if (text[i] != '.' || text.size() - i - 1 == 0 || text.size() - i - 1 > 2) return false;
    ++i;
    int scale = 0;
    for (; i < text.size(); ++i, ++scale) {
      if (text[i] < '0' || text[i] > '9') return false;
      sen = sen * 10 + (text[i] - '0');
    }
    if (scale == 1) sen *= 10;
  }
  const int64_t value = rupiah * 100 + sen;
  *out = negative ? -value : value;
  return true;
}

}  // namespace

AmountError ParseAmountSen(std::string_view text, Sen* out) {
  if (ParseSimpleAmount(text, out)) return AmountError::kNone;
  Decimal d;
  switch (ParseDecimal(text, &d)) {
    case DecimalError::kNone:
      break;
    case DecimalError::kExponent:
      return AmountError::kExponent;
    case DecimalError::kTooManyDigits:
      return AmountError::kTooLarge;
    case DecimalError::kEmpty:
    case DecimalError::kSyntax:
      return AmountError::kNotANumber;
  }
  if (SignificantScale(d) > 2) return AmountError::kTooManyDecimals;
  i128 sen = 0;
  if (!Rescale(d, 2, &sen)) return AmountError::kTooManyDecimals;
  if (sen > kMaxAbsAmountSen || sen < -kMaxAbsAmountSen) return AmountError::kTooLarge;
  *out = Sen(sen);
  return AmountError::kNone;
}

std::string FormatSenPlain(Sen sen) { return FormatPlain(sen, 2, 2); }

std::string FormatRupiah(Sen sen) {
  const bool whole = sen % 100 == 0;
  const std::string digits = FormatIndonesian(sen < 0 ? -i128(sen) : i128(sen), 2, whole ? 0 : 2);
  return (sen < 0 ? "-Rp " : "Rp ") + digits;
}

std::string FormatRupiah(const Fraction& sen, Lang lang) {
  const bool negative = sen.num < 0;
  const Fraction rp{negative ? -sen.num : sen.num, CheckedMul(sen.den, 100)};
  const int min_decimals = rp.num % rp.den == 0 ? 0 : 2;
  const std::string digits = lang == Lang::kEn ? FormatFractionEnglish(rp, min_decimals, 4)
                                               : FormatFractionIndonesian(rp, min_decimals, 4);
  return (negative ? "-Rp " : "Rp ") + digits;
}

}  // namespace kopsehat
