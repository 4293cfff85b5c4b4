// core/fraction.h — exact quantities and ratios as num/den with 128-bit integers; comparison with decimal band
// edges without rounding. Depends on core/int128.h and core/decimal.h.
#pragma once

#include <span>
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
// a + b exactly, reduced to lowest terms; throws OverflowError when the result does not fit in 128 bits.
Fraction Add(const Fraction& a, const Fraction& b);

// Sums of several ratios, as goal methods need them ("≥ R9 + R10", the distance from R4 to R1): each ratio fits 128
// bits, but their common denominator need not. These are exact at any size (core/bigint.h beyond 128 bits).

// Whether every report can print f: rounding to 4 decimals computes 2 × 10^4 × num within 128 bits, so |num| and den
// stay at most 10^33.
bool FitsDisplay(const Fraction& f);

// The sign of a − (t_1 + … + t_n), exactly: -1, 0 or 1. With no terms, the sign of a.
int CompareWithSum(const Fraction& a, std::span<const Fraction> terms);

// t_1 + … + t_n as a Fraction a report can print (FitsDisplay): the exact sum, reduced, when it fits; otherwise the
// sum floored to 12 decimals (fewer, down to 5, only above 10^21), which rounds half up to exactly the same 2 or 4
// decimals as the exact sum (flooring to k decimals keeps every half-up rounding to fewer than k). Throws
// OverflowError only for a sum above 10^28 in magnitude.
Fraction SumForDisplay(std::span<const Fraction> terms);

// a − b as SumForDisplay gives it.
Fraction DifferenceForDisplay(const Fraction& a, const Fraction& b);

// Rounded half up to `decimals` places, as units at that scale (display and the linear rules only).
i128 RoundHalfUp(const Fraction& f, int decimals);

// Exact decimal text when den divides a power of ten (true of every amount the engine makes: coefficients are
// decimals), with at least `min_decimals`; otherwise rounded half up to `max_decimals`.
std::string FormatFractionPlain(const Fraction& f, int min_decimals, int max_decimals);
void AppendFractionPlain(const Fraction& f, int min_decimals, int max_decimals, std::string* out);
std::string FormatFractionIndonesian(const Fraction& f, int min_decimals, int max_decimals);
std::string FormatFractionEnglish(const Fraction& f, int min_decimals, int max_decimals);

}  // namespace kopsehat
