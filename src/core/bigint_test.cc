// BigInt against i128 where both can hold the result, and against the identities of division where only BigInt can.
#include "core/bigint.h"

#include <gtest/gtest.h>

#include <random>

namespace kopsehat {
namespace {

constexpr i128 kMax = i128(~u128(0) >> 1);
constexpr i128 kMin = -kMax - 1;

i128 Random(std::mt19937_64& rng, int bits) {
  u128 v = (u128(rng()) << 64) | rng();
  if (bits < 128) v &= (u128(1) << bits) - 1;
  i128 s = i128(v >> 1);
  return (rng() & 1) ? -s : s;
}

TEST(BigInt, RoundTripsEvery128BitValueItIsGiven) {
  for (const i128 v : {i128(0), i128(1), i128(-1), kMax, kMin, kMin + 1, i128(1) << 64, -(i128(1) << 96)}) {
    const BigInt b(v);
    ASSERT_TRUE(b.FitsI128()) << ToString(v);
    EXPECT_EQ(b.ToI128(), v);
    EXPECT_EQ(b.ToString(), ToString(v));
    EXPECT_EQ(b.Sign(), v < 0 ? -1 : (v > 0 ? 1 : 0));
  }
  EXPECT_FALSE((BigInt(kMax) + BigInt(1)).FitsI128());
  EXPECT_FALSE((BigInt(kMin) - BigInt(1)).FitsI128());
  EXPECT_TRUE((BigInt(kMax) + BigInt(1) - BigInt(1)).FitsI128());
}

TEST(BigInt, AgreesWithCheckedI128WhereThatFits) {
  std::mt19937_64 rng(20260101);
  for (int i = 0; i < 20000; ++i) {
    const int bits = 2 + int(rng() % 127);
    const i128 a = Random(rng, bits), b = Random(rng, int(2 + rng() % 127));
    i128 r;
    if (!__builtin_add_overflow(a, b, &r)) {
      EXPECT_EQ((BigInt(a) + BigInt(b)).ToI128(), r);
    }
    if (!__builtin_sub_overflow(a, b, &r)) {
      EXPECT_EQ((BigInt(a) - BigInt(b)).ToI128(), r);
    }
    if (!__builtin_mul_overflow(a, b, &r)) {
      EXPECT_EQ((BigInt(a) * BigInt(b)).ToI128(), r);
    }
    EXPECT_EQ(Compare(BigInt(a), BigInt(b)), a < b ? -1 : (a > b ? 1 : 0));
    if (b != 0 && !(a == kMin && b == -1)) {
      BigInt q, m;
      BigInt::FloorDivMod(BigInt(a), BigInt(b), &q, &m);
      EXPECT_EQ(q.ToI128(), FloorDiv(a, b)) << ToString(a) << " / " << ToString(b);
      EXPECT_EQ(m.ToI128(), i128(u128(a) - u128(FloorDiv(a, b)) * u128(b)));  // wraps like the exact value
    }
  }
}

TEST(BigInt, DivisionOfProductsBeyond128Bits) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 3000; ++i) {
    const BigInt a = BigInt(Random(rng, 127)) * BigInt(Random(rng, 127)) * BigInt(Random(rng, 90));
    BigInt b = BigInt(Random(rng, int(2 + rng() % 127))) * BigInt(Random(rng, int(2 + rng() % 60)));
    if (b.IsZero()) continue;
    BigInt q, r;
    BigInt::FloorDivMod(a, b, &q, &r);
    EXPECT_EQ(Compare(q * b + r, a), 0);
    // 0 <= r < b for b > 0; b < r <= 0 for b < 0.
    if (b.Sign() > 0) {
      EXPECT_GE(r.Sign(), 0);
      EXPECT_LT(Compare(r, b), 0);
    } else {
      EXPECT_LE(r.Sign(), 0);
      EXPECT_GT(Compare(r, b), 0);
    }
  }
}

TEST(BigInt, DecimalText) {
  const BigInt ten18(i128(1'000'000'000'000'000'000));
  EXPECT_EQ((ten18 * ten18 * ten18).ToString(), "1" + std::string(54, '0'));
  EXPECT_EQ((-(ten18 * ten18) + BigInt(1)).ToString(), "-" + std::string(36, '9'));
  EXPECT_EQ((BigInt(1'000'000'007) * BigInt(1'000'000'000)).ToString(), "1000000007000000000");
}

}  // namespace
}  // namespace kopsehat
