#include "core/fraction.h"

#include <cassert>

namespace kopsehat {

Fraction Fraction::Of(i128 num, i128 den) {
  assert(den != 0);
  if (den < 0) return Fraction{CheckedSub(0, num), CheckedSub(0, den)};
  return Fraction{num, den};
}

int Compare(const Fraction& a, const Fraction& b) {
  const i128 l = CheckedMul(a.num, b.den);
  const i128 r = CheckedMul(b.num, a.den);
  return l < r ? -1 : (l > r ? 1 : 0);
}

int Compare(const Fraction& a, const Decimal& b) {
  return Compare(a, Fraction{b.units, Pow10(b.scale)});
}

Fraction Divide(const Fraction& a, const Fraction& b) {
  assert(b.num != 0);
  return Fraction::Of(CheckedMul(a.num, b.den), CheckedMul(a.den, b.num));
}

Fraction Multiply(const Fraction& a, i128 k) { return Fraction{CheckedMul(a.num, k), a.den}; }

i128 RoundHalfUp(const Fraction& f, int decimals) { return RoundHalfUp(f.num, f.den, decimals); }

namespace {

// Smallest d <= max_decimals with den | num * 10^d, or -1.
int ExactDecimals(const Fraction& f, int max_decimals) {
  for (int d = 0; d <= max_decimals; ++d) {
    if (CheckedMul(f.num, Pow10(d)) % f.den == 0) return d;
  }
  return -1;
}

template <typename Formatter>
std::string FormatFraction(const Fraction& f, int min_decimals, int max_decimals, Formatter format) {
  int d = ExactDecimals(f, max_decimals);
  if (d < 0) d = max_decimals;
  if (d < min_decimals) d = min_decimals;
  return format(RoundHalfUp(f, d), d, min_decimals);
}

}  // namespace

std::string FormatFractionPlain(const Fraction& f, int min_decimals, int max_decimals) {
  return FormatFraction(f, min_decimals, max_decimals, FormatPlain);
}

std::string FormatFractionIndonesian(const Fraction& f, int min_decimals, int max_decimals) {
  return FormatFraction(f, min_decimals, max_decimals, FormatIndonesian);
}

}  // namespace kopsehat
