// core/fraction.h — exact quantities and ratios as num/den with 128-bit integers; comparison with decimal band
// edges without rounding. Depends on core/int128.h and core/decimal.h.
#pragma once

#include <string>

#include "core/decimal.h"
#include "core/int128.h"

namespace kopsehat {

// An exact rational number num/den with den > 0. Not reduced: the engine only compares, scales and rounds, and
// skipping the gcd keeps an assessment in the microseconds. All arithmetic is overflow-checked.
struct Fraction {
  i128 num = 0;
  i128 den = 1;

  static Fraction Of(i128 num, i128 den);  // normalises the sign; den != 0
  bool IsZero() const { return num == 0; }
  int Sign() const { return num > 0 ? 1 : (num < 0 ? -1 : 0); }
};

// Three-way exact comparison: -1, 0 or 1.
int Compare(const Fraction& a, const Fraction& b);
int Compare(const Fraction& a, const Decimal& b);

// a / b, b non-zero.
Fraction Divide(const Fraction& a, const Fraction& b);
Fraction Multiply(const Fraction& a, i128 k);

// Rounded half up to `decimals` places, as units at that scale (display and the linear rules only).
i128 RoundHalfUp(const Fraction& f, int decimals);

// Exact decimal text when den divides a power of ten (true of every amount the engine makes: coefficients are
// decimals), with at least `min_decimals`; otherwise rounded half up to `max_decimals`.
std::string FormatFractionPlain(const Fraction& f, int min_decimals, int max_decimals);
void AppendFractionPlain(const Fraction& f, int min_decimals, int max_decimals, std::string* out);
std::string FormatFractionIndonesian(const Fraction& f, int min_decimals, int max_decimals);
std::string FormatFractionEnglish(const Fraction& f, int min_decimals, int max_decimals);

}  // namespace kopsehat
