#include "core/int128.h"

#include <algorithm>

#include "core/check.h"

namespace kopsehat {

i128 FloorDiv(i128 a, i128 b) {
  KOPSEHAT_CHECK(b != 0, "division by zero");
  // Most operands (ratios of amounts, percentages) fit in 64 bits, where division is one instruction; a 128-bit
  // division is a library call (__divmodti4), and this runs for every rounded number of every report.
  constexpr i128 kMin = INT64_MIN, kMax = INT64_MAX;
  if (a >= kMin && a <= kMax && b >= kMin && b <= kMax && !(a == kMin && b == -1)) {
    const int64_t x = int64_t(a), y = int64_t(b);
    const int64_t q = x / y;
    return (q * y != x && ((x < 0) != (y < 0))) ? q - 1 : q;
  }
  const i128 q = a / b;
  return (q * b != a && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::string ToString(i128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  u128 u = negative ? u128(0) - u128(v) : u128(v);
  std::string s;
  while (u > 0) {
    s.push_back(char('0' + int(u % 10)));
    u /= 10;
  }
  if (negative) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace kopsehat
