#include "core/int128.h"

#include <algorithm>
#include <cassert>

namespace kopsehat {

i128 FloorDiv(i128 a, i128 b) {
  assert(b != 0);
  i128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
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
