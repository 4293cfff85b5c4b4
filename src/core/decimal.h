// core/decimal.h — exact decimal numbers: parsing from text without floating point, and formatting for people
// (Indonesian: "1.250.000,50") and machines ("1250000.50"). Depends on core/int128.h only.
#pragma once

#include <string>
#include <string_view>

#include "core/int128.h"

namespace kopsehat {

// value = units / 10^scale, exactly.
struct Decimal {
  i128 units = 0;
  int scale = 0;
};

enum class DecimalError {
  kNone,
  kEmpty,          // nothing to parse
  kSyntax,         // not of the form [-]digits[.digits]
  kExponent,       // 1e5 style: refused, amounts must be written out
  kTooManyDigits,  // more than kMaxDecimalDigits significant digits
};

inline constexpr int kMaxDecimalDigits = 30;

// Parses the plain machine form `[-]digits[.digits]` (the form JSON numbers and machine files use). No spaces,
// no grouping, no '+', no exponent. Trailing zeros after the point are kept in `scale`.
DecimalError ParseDecimal(std::string_view text, Decimal* out);

// Number of decimals the value really needs (trailing zeros ignored): 1.250 -> 2.
int SignificantScale(const Decimal& d);

// units at exactly `scale` decimals; false when the value has more significant decimals than that.
bool Rescale(const Decimal& d, int scale, i128* out);

// units / 10^scale as text with at least `min_decimals` decimals, trailing zeros beyond that trimmed.
// Plain: "-1250000.5" style with '.'; Indonesian: thousands grouped with '.', decimal comma.
std::string FormatPlain(i128 units, int scale, int min_decimals);
void AppendPlain(i128 units, int scale, int min_decimals, std::string* out);  // FormatPlain without a temporary
std::string FormatIndonesian(i128 units, int scale, int min_decimals);
std::string FormatEnglish(i128 units, int scale, int min_decimals);  // "1,250,000.5": English reports

// num/den rounded half up (ties toward +infinity) to `decimals` places, returned as units at that scale.
// den != 0.
i128 RoundHalfUp(i128 num, i128 den, int decimals);


}  // namespace kopsehat
