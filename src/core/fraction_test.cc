// Unit tests for core/fraction.h and the checked arithmetic of core/int128.h.

#include "core/fraction.h"

#include <gtest/gtest.h>

#include <string>

#include "core/int128.h"

namespace kopsehat {
namespace {

std::string S(i128 v) { return ToString(v); }

constexpr i128 k2p126 = i128(1) << 126;  // 8.5 × 10^37

// 10^20 written out, independent of Pow10.
const i128 kE20 = i128(100000000000LL) * i128(1000000000LL);

// ---------------------------------------------------------------------------------------------------------------
// Of, Sign, IsZero

TEST(FractionOf, PositiveUnchanged) {
  const Fraction f = Fraction::Of(3, 4);
  EXPECT_EQ(S(f.num), "3");
  EXPECT_EQ(S(f.den), "4");
  EXPECT_EQ(f.Sign(), 1);
  EXPECT_FALSE(f.IsZero());
}

TEST(FractionOf, NegativeDenominatorMovesSignToNumerator) {
  Fraction f = Fraction::Of(1, -2);
  EXPECT_EQ(S(f.num), "-1");
  EXPECT_EQ(S(f.den), "2");
  EXPECT_EQ(f.Sign(), -1);
  f = Fraction::Of(-1, -2);
  EXPECT_EQ(S(f.num), "1");
  EXPECT_EQ(S(f.den), "2");
  EXPECT_EQ(f.Sign(), 1);
  f = Fraction::Of(-7, 3);
  EXPECT_EQ(S(f.num), "-7");
  EXPECT_EQ(S(f.den), "3");
}

TEST(FractionOf, ZeroNumerator) {
  const Fraction f = Fraction::Of(0, -5);
  EXPECT_EQ(S(f.num), "0");
  EXPECT_EQ(S(f.den), "5");
  EXPECT_TRUE(f.IsZero());
  EXPECT_EQ(f.Sign(), 0);
}

TEST(FractionOf, NotReduced) {
  const Fraction f = Fraction::Of(6, -4);
  EXPECT_EQ(S(f.num), "-6");
  EXPECT_EQ(S(f.den), "4");
}

TEST(FractionOf, NegatingMinimumThrows) {
  const i128 min = -k2p126 - k2p126;  // -2^127
  EXPECT_THROW(Fraction::Of(min, -1), OverflowError);
  EXPECT_THROW(Fraction::Of(1, min), OverflowError);
}

// ---------------------------------------------------------------------------------------------------------------
// Compare

TEST(FractionCompare, FractionsExactTies) {
  EXPECT_EQ(Compare(Fraction{1, 3}, Fraction{2, 6}), 0);
  EXPECT_EQ(Compare(Fraction{-1, 2}, Fraction{-50, 100}), 0);
  EXPECT_EQ(Compare(Fraction{0, 7}, Fraction{0, 1}), 0);
}

TEST(FractionCompare, FractionsOrder) {
  EXPECT_EQ(Compare(Fraction{1, 3}, Fraction{1, 2}), -1);
  EXPECT_EQ(Compare(Fraction{1, 2}, Fraction{1, 3}), 1);
  EXPECT_EQ(Compare(Fraction{-1, 2}, Fraction{-1, 3}), -1);
  EXPECT_EQ(Compare(Fraction{-1, 3}, Fraction{1, 1000000}), -1);
  EXPECT_EQ(Compare(Fraction{333333, 1000000}, Fraction{1, 3}), -1);
}

TEST(FractionCompare, FractionsDifferingByTenToMinusTwenty) {
  // (20 × 10^20 + 1) / 10^20 = 20.00000000000000000001 vs 20.
  EXPECT_EQ(Compare(Fraction{20 * kE20 + 1, kE20}, Fraction{20, 1}), 1);
  EXPECT_EQ(Compare(Fraction{20 * kE20 - 1, kE20}, Fraction{20, 1}), -1);
  EXPECT_EQ(Compare(Fraction{20 * kE20, kE20}, Fraction{20, 1}), 0);
}

TEST(FractionCompare, WithDecimalExactTies) {
  EXPECT_EQ(Compare(Fraction{15, 2}, Decimal{75, 1}), 0);      // 7.5
  EXPECT_EQ(Compare(Fraction{15, 2}, Decimal{7500, 3}), 0);    // 7.500
  EXPECT_EQ(Compare(Fraction{40, 1}, Decimal{40, 0}), 0);
  EXPECT_EQ(Compare(Fraction{-9, 20}, Decimal{-45, 2}), 0);    // -0.45
  EXPECT_EQ(Compare(Fraction{450, 10}, Decimal{45, 0}), 0);
}

TEST(FractionCompare, WithDecimalOrder) {
  EXPECT_EQ(Compare(Fraction{1, 3}, Decimal{3333, 4}), 1);     // 0.3333.. > 0.3333
  EXPECT_EQ(Compare(Fraction{1, 3}, Decimal{3334, 4}), -1);
  EXPECT_EQ(Compare(Fraction{-1, 3}, Decimal{-3333, 4}), -1);
  EXPECT_EQ(Compare(Fraction{2, 3}, Decimal{6667, 4}), -1);
}

TEST(FractionCompare, WithDecimalDifferingByTenToMinusTwenty) {
  // Band edge 20 and a ratio 10^-20 above or below it.
  EXPECT_EQ(Compare(Fraction{20 * kE20 + 1, kE20}, Decimal{20, 0}), 1);
  EXPECT_EQ(Compare(Fraction{20 * kE20 - 1, kE20}, Decimal{20, 0}), -1);
  // The edge itself written with 20 decimals.
  EXPECT_EQ(Compare(Fraction{20, 1}, Decimal{20 * kE20 + 1, 20}), -1);
  EXPECT_EQ(Compare(Fraction{20, 1}, Decimal{20 * kE20 - 1, 20}), 1);
  EXPECT_EQ(Compare(Fraction{20, 1}, Decimal{20 * kE20, 20}), 0);
}

// Cross products beyond 128 bits are compared exactly in 256 bits (values near the Rp 10^15 input limit reach
// them), never by throwing or wrapping.
TEST(FractionCompare, HugeCrossProductsAreExact) {
  EXPECT_EQ(Compare(Fraction{k2p126, 1}, Fraction{1, 3}), 1);
  EXPECT_EQ(Compare(Fraction{1, 3}, Fraction{k2p126, 1}), -1);
  EXPECT_EQ(Compare(Fraction{-k2p126, 1}, Fraction{1, 3}), -1);
  // (2^126 + 1) / 2^126 vs (2^126 + 2) / (2^126 + 1): equal products only if 1 == 0; the first is larger by
  // 1 / (2^126 (2^126 + 1)), far below what 128-bit arithmetic could see after dividing.
  EXPECT_EQ(Compare(Fraction{k2p126 + 1, k2p126}, Fraction{k2p126 + 2, k2p126 + 1}), 1);
  EXPECT_EQ(Compare(Fraction{k2p126 + 2, k2p126 + 1}, Fraction{k2p126 + 1, k2p126}), -1);
  // Equal values with different huge representations.
  EXPECT_EQ(Compare(Fraction{k2p126, k2p126 / 2}, Fraction{2, 1}), 0);
  EXPECT_EQ(Compare(Fraction{-(k2p126 - 1), k2p126 - 1}, Fraction{-(k2p126 - 3), k2p126 - 3}), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Divide and Multiply

TEST(FractionDivide, Basic) {
  const Fraction q = Divide(Fraction{1, 2}, Fraction{3, 4});  // 2/3
  EXPECT_GT(q.den, 0);
  EXPECT_EQ(S(q.num * 3), S(q.den * 2));
  EXPECT_EQ(S(q.num), "4");
  EXPECT_EQ(S(q.den), "6");
}

TEST(FractionDivide, NegativeDivisorNormalised) {
  const Fraction q = Divide(Fraction{1, 2}, Fraction{-1, 3});  // -3/2
  EXPECT_EQ(S(q.num), "-3");
  EXPECT_EQ(S(q.den), "2");
  const Fraction r = Divide(Fraction{-5, 1}, Fraction{-10, 1});  // 1/2
  EXPECT_EQ(S(r.num), "5");
  EXPECT_EQ(S(r.den), "10");
}

TEST(FractionDivide, ZeroDividend) {
  const Fraction q = Divide(Fraction{0, 1}, Fraction{-7, 2});
  EXPECT_TRUE(q.IsZero());
  EXPECT_GT(q.den, 0);
}

TEST(FractionDivide, OverflowThrows) {
  EXPECT_THROW(Divide(Fraction{k2p126, 1}, Fraction{1, 4}), OverflowError);
  EXPECT_THROW(Divide(Fraction{1, k2p126}, Fraction{4, 1}), OverflowError);
}

TEST(FractionMultiply, Basic) {
  const Fraction p = Multiply(Fraction{1, 3}, 6);
  EXPECT_EQ(S(p.num), "6");
  EXPECT_EQ(S(p.den), "3");
  const Fraction n = Multiply(Fraction{5, 7}, -2);
  EXPECT_EQ(S(n.num), "-10");
  EXPECT_EQ(S(n.den), "7");
  EXPECT_THROW(Multiply(Fraction{k2p126, 1}, 2), OverflowError);
}

// ---------------------------------------------------------------------------------------------------------------
// RoundHalfUp

TEST(FractionRoundHalfUp, Values) {
  EXPECT_EQ(S(RoundHalfUp(Fraction{1, 8}, 2)), "13");     // 0.125 -> 0.13
  EXPECT_EQ(S(RoundHalfUp(Fraction{-1, 8}, 2)), "-12");   // -0.125 -> -0.12
  EXPECT_EQ(S(RoundHalfUp(Fraction{2, 3}, 2)), "67");
  EXPECT_EQ(S(RoundHalfUp(Fraction{89, 2}, 0)), "45");    // 44.5 -> 45
  EXPECT_EQ(S(RoundHalfUp(Fraction{-89, 2}, 0)), "-44");  // -44.5 -> -44
  EXPECT_EQ(S(RoundHalfUp(Fraction{4449, 100}, 0)), "44");
  EXPECT_EQ(S(RoundHalfUp(Fraction{20 * kE20 - 1, kE20}, 0)), "20");
  EXPECT_EQ(S(RoundHalfUp(Fraction{5, 1}, 3)), "5000");
}

TEST(FractionRoundHalfUp, OverflowThrows) {
  EXPECT_THROW(RoundHalfUp(Fraction{k2p126, 3}, 0), OverflowError);
}

// ---------------------------------------------------------------------------------------------------------------
// FormatFractionPlain / FormatFractionIndonesian

TEST(FractionFormat, ExactWhenDenominatorIsTwoAndFivePowers) {
  EXPECT_EQ(FormatFractionPlain(Fraction{1, 8}, 0, 6), "0.125");      // 2^3
  EXPECT_EQ(FormatFractionPlain(Fraction{7, 20}, 0, 6), "0.35");      // 2^2 × 5
  EXPECT_EQ(FormatFractionPlain(Fraction{1, 3125}, 0, 6), "0.00032"); // 5^5
  EXPECT_EQ(FormatFractionPlain(Fraction{-1, 4}, 0, 6), "-0.25");
  EXPECT_EQ(FormatFractionPlain(Fraction{5, 1}, 0, 6), "5");
  EXPECT_EQ(FormatFractionPlain(Fraction{3, 6}, 0, 6), "0.5");        // not reduced, but exact
}

TEST(FractionFormat, MinDecimalsPads) {
  EXPECT_EQ(FormatFractionPlain(Fraction{1, 2}, 2, 6), "0.50");
  EXPECT_EQ(FormatFractionPlain(Fraction{5, 1}, 2, 6), "5.00");
  EXPECT_EQ(FormatFractionIndonesian(Fraction{125000050, 100}, 2, 6), "1.250.000,50");
  EXPECT_EQ(FormatFractionIndonesian(Fraction{125000000, 100}, 2, 6), "1.250.000,00");
  EXPECT_EQ(FormatFractionIndonesian(Fraction{125000000, 100}, 0, 6), "1.250.000");
}

TEST(FractionFormat, RoundedWhenNotExact) {
  EXPECT_EQ(FormatFractionPlain(Fraction{1, 3}, 0, 4), "0.3333");
  EXPECT_EQ(FormatFractionPlain(Fraction{2, 3}, 0, 4), "0.6667");
  EXPECT_EQ(FormatFractionPlain(Fraction{-2, 3}, 0, 2), "-0.67");
  EXPECT_EQ(FormatFractionPlain(Fraction{2, 3}, 0, 1), "0.7");
  EXPECT_EQ(FormatFractionPlain(Fraction{2, 3}, 0, 0), "1");
  EXPECT_EQ(FormatFractionIndonesian(Fraction{2, 3}, 0, 4), "0,6667");
  EXPECT_EQ(FormatFractionIndonesian(Fraction{10000000, 3}, 0, 2), "3.333.333,33");
}

TEST(FractionFormat, ExactButBeyondMaxDecimalsIsRounded) {
  // 1/8 = 0.125 needs 3 decimals; with at most 2 it is rounded half up.
  EXPECT_EQ(FormatFractionPlain(Fraction{1, 8}, 0, 2), "0.13");
  EXPECT_EQ(FormatFractionPlain(Fraction{-1, 8}, 0, 2), "-0.12");
}

TEST(FractionFormat, RoundingToWholeTrimsZerosAboveMin) {
  // 0.99999666.. to 4 decimals is 1.0000; trailing zeros beyond min_decimals are trimmed.
  EXPECT_EQ(FormatFractionPlain(Fraction{299999, 300000}, 0, 4), "1");
  EXPECT_EQ(FormatFractionPlain(Fraction{299999, 300000}, 2, 4), "1.00");
}

// ---------------------------------------------------------------------------------------------------------------
// Checked arithmetic (core/int128.h)

TEST(FractionChecked, MulNearTwoToThe126) {
  EXPECT_EQ(S(CheckedMul(i128(1) << 125, 2)), S(k2p126));
  EXPECT_THROW(CheckedMul(k2p126, 2), OverflowError);
  EXPECT_THROW(CheckedMul(k2p126, -3), OverflowError);
  EXPECT_THROW(CheckedMul(k2p126, k2p126), OverflowError);
  // -2^126 × 2 = -2^127 is exactly the minimum and fits.
  EXPECT_EQ(S(CheckedMul(-k2p126, 2)), "-170141183460469231731687303715884105728");
}

TEST(FractionChecked, AddNearTwoToThe126) {
  EXPECT_EQ(S(CheckedAdd(k2p126, k2p126 - 1)), "170141183460469231731687303715884105727");  // 2^127 - 1
  EXPECT_THROW(CheckedAdd(k2p126, k2p126), OverflowError);
  EXPECT_EQ(S(CheckedAdd(-k2p126, -k2p126)), "-170141183460469231731687303715884105728");
  EXPECT_THROW(CheckedAdd(-k2p126, -k2p126 - 1), OverflowError);
}

TEST(FractionChecked, SubNearTwoToThe126) {
  EXPECT_THROW(CheckedSub(-k2p126, k2p126 + 1), OverflowError);
  EXPECT_EQ(S(CheckedSub(-k2p126, k2p126)), "-170141183460469231731687303715884105728");
  EXPECT_THROW(CheckedSub(k2p126, -k2p126), OverflowError);
}

TEST(FractionChecked, Pow10AndFloorDiv) {
  EXPECT_EQ(S(Pow10(0)), "1");
  EXPECT_EQ(S(Pow10(20)), S(kE20));
  EXPECT_EQ(S(FloorDiv(7, 2)), "3");
  EXPECT_EQ(S(FloorDiv(-7, 2)), "-4");
  EXPECT_EQ(S(FloorDiv(7, -2)), "-4");
  EXPECT_EQ(S(FloorDiv(-7, -2)), "3");
  EXPECT_EQ(S(FloorDiv(-8, 2)), "-4");
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// FloorDiv has a 64-bit path for operands that fit and a 128-bit one for the rest: both must give the floor,
// q with q·b ≤ a < (q+1)·b for b > 0 (reversed for b < 0), at the edges of int64 and beyond.
TEST(FloorDivProperty, FloorOnBothPathsAndAtTheEdges) {
  const i128 kMin = INT64_MIN, kMax = INT64_MAX;
  std::vector<i128> values = {0, 1, -1, 2, -2, 7, -7, 100, -100, kMax, kMin, kMax - 1, kMin + 1, kMax + 1, kMin - 1,
                              i128(1) << 100, -(i128(1) << 100), (i128(1) << 100) + 3};
  uint64_t state = 88172645463325252ull;  // xorshift: deterministic spread of magnitudes and signs
  for (int i = 0; i < 2000; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const int shift = int(state % 90);
    const i128 v = i128(state >> 1) >> (shift % 60);
    values.push_back((state & 1) ? v : -v);
    values.push_back(((state & 2) ? 1 : -1) * (i128(state % 1000) << shift));
  }
  for (const i128 a : values) {
    for (const i128 b : {i128(1), i128(-1), i128(3), i128(-3), i128(100), i128(-7), kMax, kMin, i128(1) << 70}) {
      const i128 q = FloorDiv(a, b);
      if (b > 0) {
        EXPECT_TRUE(q * b <= a && a - q * b < b) << ToString(a) << " / " << ToString(b) << " = " << ToString(q);
      } else {
        EXPECT_TRUE(q * b >= a && a - q * b > b) << ToString(a) << " / " << ToString(b) << " = " << ToString(q);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sums of ratios whose common denominator leaves 128 bits (goal methods): CompareWithSum, SumForDisplay.

// R4 and R1 of a laporan at the format's extremes: 100 × 10^8 / ((1 + 10^17) / 2) against 100 × 94147940794176930 /
// ((10^8 − 1) / 2). Their cross products are near 10^45.
const Fraction kTiny = Fraction::Of(i128(2) * 100 * 100'000'000, i128(100'000'000'000'000'000) + 1);
const Fraction kHuge = Fraction::Of(i128(200) * 94147940794176930, 99'999'999);

TEST(FractionSums, CompareWithSumIsExactBeyond128Bits) {
  EXPECT_EQ(CompareWithSum(kTiny, std::span<const Fraction>()), 1);
  const Fraction huge[] = {kHuge};
  EXPECT_EQ(CompareWithSum(kTiny, huge), -1);
  EXPECT_EQ(CompareWithSum(kHuge, huge), 0);
  // kHuge − kTiny + third over three coprime denominators of 10^8 to 10^18: positive, and its negation negative.
  const Fraction third = Fraction::Of(7, 1'000'000'000'000'000'003);
  const Fraction terms[] = {kHuge, Fraction{-kTiny.num, kTiny.den}, third};
  EXPECT_EQ(CompareWithSum(Fraction{0, 1}, terms), -1);
  const Fraction back[] = {Fraction{-kHuge.num, kHuge.den}, kTiny, Fraction{-third.num, third.den}};
  EXPECT_EQ(CompareWithSum(Fraction{0, 1}, back), 1);
  // kTiny against kTiny ± 10^-35 given as a separate term: the sum's denominator is near 10^52.
  const Fraction eps = Fraction::Of(1, i128(1'000'000'000'000'000'000) * i128(100'000'000'000'000'000));
  const Fraction tiny_plus_eps[] = {kTiny, eps};
  EXPECT_EQ(CompareWithSum(kTiny, tiny_plus_eps), -1);
  const Fraction tiny_minus_eps[] = {kTiny, Fraction{-eps.num, eps.den}};
  EXPECT_EQ(CompareWithSum(kTiny, tiny_minus_eps), 1);
}

TEST(FractionSums, SumForDisplayIsExactWhenSmallAndRoundsLikeTheExactSumWhenNot) {
  const Fraction small[] = {Fraction{1, 3}, Fraction{1, 6}};
  const Fraction half = SumForDisplay(small);
  EXPECT_EQ(S(half.num), "1");
  EXPECT_EQ(S(half.den), "2");
  // The distance between R4 and R1 above needs a denominator near 10^25 and a numerator near 10^36: cut at 12 decimals.
  const Fraction gap = DifferenceForDisplay(kHuge, kTiny);
  EXPECT_TRUE(FitsDisplay(gap));
  EXPECT_EQ(S(gap.den), S(Pow10(12)));
  // Exact: kHuge − kTiny = 188295883471,306... %: compare the rounded forms with BigInt-free reasoning: kTiny is below
  // 10^-6, so the two agree to 4 decimals with kHuge alone.
  EXPECT_EQ(S(RoundHalfUp(gap, 4)), S(RoundHalfUp(kHuge, 4)));
  EXPECT_EQ(S(RoundHalfUp(gap, 2)), S(RoundHalfUp(kHuge, 2)));
}

// Flooring to k decimals keeps half-up rounding to d < k decimals: random sums of two ratios with large coprime
// denominators, the cut compared with the exact value rounded in 256-bit terms by CompareWithSum.
TEST(FractionSums, CutValuesRoundToTheSameDigitsAsTheExactSum) {
  uint64_t state = 0x9e3779b97f4a7c15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int cut_count = 0;
  for (int i = 0; i < 3000; ++i) {
    const i128 d1 = i128(next() % 1'000'000'000'000'000'000ull) * 1000 + 1 + i128(next() % 1000);
    const i128 d2 = i128(next() % 1'000'000'000'000'000'000ull) * 100000 + 7;
    const i128 n1 = i128(int64_t(next())) * 1000, n2 = -i128(int64_t(next() >> 1)) * 100;
    const Fraction terms[] = {Fraction::Of(n1, d1), Fraction::Of(n2, d2)};
    const Fraction cut = SumForDisplay(terms);
    ASSERT_TRUE(FitsDisplay(cut));
    cut_count += cut.den == Pow10(12);
    for (const int d : {2, 4}) {
      // x rounds half up to m / 10^d  <=>  m − 1/2 ≤ x × 10^d < m + 1/2  <=>  (2m − 1) / (2 × 10^d) ≤ x < (2m + 1) / ...
      const i128 m = RoundHalfUp(cut, d);
      const Fraction low = Fraction::Of(2 * m - 1, 2 * Pow10(d)), high = Fraction::Of(2 * m + 1, 2 * Pow10(d));
      EXPECT_LE(CompareWithSum(low, terms), 0) << i;
      EXPECT_EQ(CompareWithSum(high, terms), 1) << i;
    }
  }
  EXPECT_GT(cut_count, 2000);  // most sums need the cut: the test is about it
}

}  // namespace
}  // namespace kopsehat
