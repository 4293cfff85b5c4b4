// core/bigint.h — signed integers of any size, for the few exact sums and differences of ratios whose common
// denominator does not fit 128 bits: a goal that adds indicators ("≥ R9 + R10"), the distance to a goal that is
// another indicator ("≥ R1"). Each operand fits 128 bits; their cross products and sums need more. Much slower than
// i128 (the limbs live on the heap), so callers try checked 128-bit arithmetic first and come here only when it
// would overflow. Depends on core/int128.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/int128.h"

namespace kopsehat {

class BigInt {
 public:
  BigInt() = default;
  explicit BigInt(i128 v);

  int Sign() const { return mag_.empty() ? 0 : (negative_ ? -1 : 1); }
  bool IsZero() const { return mag_.empty(); }
  bool FitsI128() const;
  i128 ToI128() const;  // the value; FitsI128() must hold

  BigInt operator-() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend int Compare(const BigInt& a, const BigInt& b);  // -1, 0 or 1

  // Floor division: *q = floor(a / b), *r = a − q × b (the sign of b, |r| < |b|); b non-zero.
  static void FloorDivMod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);

  std::string ToString() const;  // decimal digits, '-' first when negative

 private:
  using Limbs = std::vector<uint32_t>;  // little-endian base 2^32, no leading zero limb; empty is 0

  static BigInt Make(bool negative, Limbs mag);
  static int CompareMagnitudes(const Limbs& a, const Limbs& b);
  static Limbs AddMagnitudes(const Limbs& a, const Limbs& b);
  static Limbs SubMagnitudes(const Limbs& a, const Limbs& b);  // |a| >= |b|
  static Limbs MulMagnitudes(const Limbs& a, const Limbs& b);
  static void DivModMagnitudes(const Limbs& a, const Limbs& b, Limbs* q, Limbs* r);  // b non-empty

  bool negative_ = false;
  Limbs mag_;
};

}  // namespace kopsehat
