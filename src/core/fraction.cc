#include "core/fraction.h"

#include "core/check.h"


#include "core/bigint.h"

namespace kopsehat {

Fraction Fraction::Of(i128 num, i128 den) {
  KOPSEHAT_CHECK(den != 0, "a fraction with denominator 0");
  if (den < 0) return Fraction{CheckedSub(0, num), CheckedSub(0, den)};
  return Fraction{num, den};
}

namespace {

// x × y for magnitudes below 2^127, as a 256-bit number (hi, lo): the exact product that a comparison of two
// fractions needs when the 128-bit one would overflow.
struct U256 {
  u128 hi;
  u128 lo;
};

U256 Mul256(u128 x, u128 y) {
  const u128 mask = ~uint64_t(0);
  const u128 x0 = x & mask, x1 = x >> 64, y0 = y & mask, y1 = y >> 64;
  const u128 p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
  const u128 middle = (p00 >> 64) + (p01 & mask) + (p10 & mask);
  const u128 lo = (p00 & mask) | (middle << 64);
  const u128 hi = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
  return U256{hi, lo};
}

int CompareMagnitudes(const U256& a, const U256& b) {
  if (a.hi != b.hi) return a.hi < b.hi ? -1 : 1;
  if (a.lo != b.lo) return a.lo < b.lo ? -1 : 1;
  return 0;
}

u128 Magnitude(i128 v) { return v < 0 ? u128(0) - u128(v) : u128(v); }

}  // namespace

int Compare(const Fraction& a, const Fraction& b) {
  // Both denominators are positive, so a < b  <=>  a.num × b.den < b.num × a.den.
  i128 l, r;
  if (!__builtin_mul_overflow(a.num, b.den, &l) && !__builtin_mul_overflow(b.num, a.den, &r)) {
    return l < r ? -1 : (l > r ? 1 : 0);
  }
  const int sa = a.Sign(), sb = b.Sign();
  if (sa != sb) return sa < sb ? -1 : 1;
  const int c = CompareMagnitudes(Mul256(Magnitude(a.num), Magnitude(b.den)), Mul256(Magnitude(b.num), Magnitude(a.den)));
  return sa < 0 ? -c : c;
}

int Compare(const Fraction& a, const Decimal& b) {
  return Compare(a, Fraction{b.units, Pow10(b.scale)});
}

namespace {

constexpr i128 kMaxDisplayPart = i128(1'000'000'000'000'000'000) * i128(1'000'000'000'000'000);  // 10^33

i128 Gcd(i128 a, i128 b) {
  u128 x = Magnitude(a), y = Magnitude(b);
  while (y != 0) {
    const u128 t = x % y;
    x = y;
    y = t;
  }
  return i128(x);  // at most 2^127 only when both were −2^127, which no fraction here holds
}

// a + b in 128 bits over the least common denominator, reduced; false when it does not fit (nothing thrown: the
// caller then takes the BigInt path).
bool TryAdd(const Fraction& a, const Fraction& b, Fraction* out) {
  const i128 g = Gcd(a.den, b.den);
  const i128 bd = b.den / g, ad = a.den / g;
  i128 l, r, num, den;
  if (__builtin_mul_overflow(a.num, bd, &l) || __builtin_mul_overflow(b.num, ad, &r) ||
      __builtin_add_overflow(l, r, &num) || __builtin_mul_overflow(ad, b.den, &den)) {
    return false;
  }
  const i128 h = num == 0 ? den : Gcd(num, den);
  *out = Fraction{num / h, den / h};
  return true;
}

bool TrySum(std::span<const Fraction> terms, Fraction* out) {
  Fraction sum{0, 1};
  for (const Fraction& t : terms) {
    if (!TryAdd(sum, t, &sum)) return false;
  }
  *out = sum;
  return true;
}

// Σ terms as BigInt numerator and (positive) denominator, not reduced.
void BigSum(std::span<const Fraction> terms, BigInt* num, BigInt* den) {
  *num = BigInt(0);
  *den = BigInt(1);
  for (const Fraction& t : terms) {
    *num = *num * BigInt(t.den) + BigInt(t.num) * *den;
    *den = *den * BigInt(t.den);
  }
}

Fraction CutForDisplay(const BigInt& num, const BigInt& den) {
  const BigInt limit(kMaxDisplayPart);
  for (int k = 12; k >= 5; --k) {
    BigInt q, r;
    BigInt::FloorDivMod(num * BigInt(Pow10(k)), den, &q, &r);
    if (Compare(q, limit) <= 0 && Compare(q, -limit) >= 0) return Fraction{q.ToI128(), Pow10(k)};
  }
  throw OverflowError();
}

}  // namespace

bool FitsDisplay(const Fraction& f) {
  return f.num <= kMaxDisplayPart && f.num >= -kMaxDisplayPart && f.den > 0 && f.den <= kMaxDisplayPart;
}

int CompareWithSum(const Fraction& a, std::span<const Fraction> terms) {
  Fraction sum;
  if (TrySum(terms, &sum)) return Compare(a, sum);
  BigInt num, den;
  BigSum(terms, &num, &den);
  return Compare(BigInt(a.num) * den, num * BigInt(a.den));
}

Fraction SumForDisplay(std::span<const Fraction> terms) {
  Fraction sum;
  if (TrySum(terms, &sum)) {
    if (FitsDisplay(sum)) return sum;
    return CutForDisplay(BigInt(sum.num), BigInt(sum.den));
  }
  BigInt num, den;
  BigSum(terms, &num, &den);
  return CutForDisplay(num, den);
}

Fraction DifferenceForDisplay(const Fraction& a, const Fraction& b) {
  const Fraction terms[] = {a, Fraction{CheckedSub(0, b.num), b.den}};
  return SumForDisplay(terms);
}

Fraction Divide(const Fraction& a, const Fraction& b) {
  KOPSEHAT_CHECK(b.num != 0, "division by a zero fraction");
  return Fraction::Of(CheckedMul(a.num, b.den), CheckedMul(a.den, b.num));
}

Fraction Add(const Fraction& a, const Fraction& b) {
  Fraction sum;
  if (!TryAdd(a, b, &sum)) throw OverflowError();
  return sum;
}

Fraction Multiply(const Fraction& a, i128 k) { return Fraction{CheckedMul(a.num, k), a.den}; }

i128 RoundHalfUp(const Fraction& f, int decimals) { return RoundHalfUp(f.num, f.den, decimals); }

namespace {

// k when den == 10^k (every amount the engine makes), else -1.
int PowerOfTenExponent(i128 den) {
  for (int k = 0; k <= 38; ++k) {
    if (Pow10(k) == den) return k;
    if (Pow10(k) > den) return -1;
  }
  return -1;
}

// Smallest d <= max_decimals with den | num * 10^d, or -1.
int ExactDecimals(const Fraction& f, int max_decimals) {
  for (int d = 0; d <= max_decimals; ++d) {
    const i128 scaled = CheckedMul(f.num, Pow10(d));
    // As in FloorDiv: a 64-bit remainder when both fit, not a 128-bit library call.
    const bool small = scaled >= INT64_MIN && scaled <= INT64_MAX && f.den >= INT64_MIN && f.den <= INT64_MAX &&
                       f.den != -1;  // INT64_MIN % -1 overflows
    if ((small ? int64_t(scaled) % int64_t(f.den) : scaled % f.den) == 0) return d;
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

void AppendFractionPlain(const Fraction& f, int min_decimals, int max_decimals, std::string* out) {
  const int k = PowerOfTenExponent(f.den);
  if (k >= 0 && k <= max_decimals) {
    AppendPlain(f.num, k, min_decimals, out);
    return;
  }
  out->append(FormatFractionPlain(f, min_decimals, max_decimals));
}

std::string FormatFractionPlain(const Fraction& f, int min_decimals, int max_decimals) {
  return FormatFraction(f, min_decimals, max_decimals, FormatPlain);
}

std::string FormatFractionEnglish(const Fraction& f, int min_decimals, int max_decimals) {
  return FormatFraction(f, min_decimals, max_decimals, FormatEnglish);
}

std::string FormatFractionIndonesian(const Fraction& f, int min_decimals, int max_decimals) {
  return FormatFraction(f, min_decimals, max_decimals, FormatIndonesian);
}

}  // namespace kopsehat
