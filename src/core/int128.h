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

// 10^n for 0 <= n <= 38.
i128 Pow10(int n);

// Floor division (rounds toward negative infinity); b != 0.
i128 FloorDiv(i128 a, i128 b);

// Decimal digits of v, with a leading '-' when negative.
std::string ToString(i128 v);

}  // namespace kopsehat
