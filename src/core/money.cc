#include "core/money.h"

namespace kopsehat {

AmountError ParseAmountSen(std::string_view text, Sen* out) {
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

}  // namespace kopsehat
