// core/int128.h — the 128-bit integer used for exact intermediates, with checked arithmetic.
// Depends on nothing but the standard library.
#pragma once

#include <stdexcept>
#include <string>

namespace kopsehat {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

// Thrown by the checked operations below when a result does not fit. Amount limits on input make this unreachable
// for shipped rulebooks; a user rulebook with extreme coefficients can reach it, and the engine reports it as an
// input problem instead of wrapping around.
class OverflowError : public std::runtime_error {
 public:
  OverflowError() : std::runtime_error("arithmetic overflow") {}
};

inline i128 CheckedMul(i128 a, i128 b) {
  i128 r;
  if (__builtin_mul_overflow(a, b, &r)) throw OverflowError();
  return r;
}

inline i128 CheckedAdd(i128 a, i128 b) {
  i128 r;
  if (__builtin_add_overflow(a, b, &r)) throw OverflowError();
  return r;
}

inline i128 CheckedSub(i128 a, i128 b) {
  i128 r;
  if (__builtin_sub_overflow(a, b, &r)) throw OverflowError();
  return r;
}

namespace internal {
struct Pow10Table {
  i128 v[39];
  constexpr Pow10Table() : v() {
    i128 r = 1;
    for (int i = 0; i <= 38; ++i) {
      v[i] = r;
      if (i < 38) r *= 10;
    }
  }
};
inline constexpr Pow10Table kPow10;
}  // namespace internal

// 10^n for 0 <= n <= 38 (the caller guarantees the range).
inline i128 Pow10(int n) { return internal::kPow10.v[n]; }

// Floor division (rounds toward negative infinity); b != 0.
i128 FloorDiv(i128 a, i128 b);

// Decimal digits of v, with a leading '-' when negative.
std::string ToString(i128 v);

}  // namespace kopsehat
