#include "core/decimal.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

namespace kopsehat {

DecimalError ParseDecimal(std::string_view text, Decimal* out) {
  if (text.empty()) return DecimalError::kEmpty;
  size_t i = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  uint64_t small = 0;  // the first 18 digits, accumulated cheaply
  int small_digits = 0;
  i128 units = 0;
  int digits = 0;
  int int_digits = 0;
  int scale = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (small != 0 || units != 0 || c != '0') ++digits;  // leading zeros are not significant
      if (digits > kMaxDecimalDigits) return DecimalError::kTooManyDigits;
      if (small_digits < 18) {
        small = small * 10 + uint64_t(c - '0');
        ++small_digits;
      } else {
        if (small_digits == 18) {
          units = i128(small);
          small_digits = 19;
        }
        units = units * 10 + (c - '0');
      }
      if (seen_point) {
        ++scale;
      } else {
        ++int_digits;
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c == 'e' || c == 'E') {
      return DecimalError::kExponent;
    } else {
      return DecimalError::kSyntax;
    }
  }
  // "1." and ".5" and "-" are not numbers in the plain form.
  if (small_digits <= 18) units = i128(small);
  if (int_digits == 0 || (seen_point && scale == 0)) return DecimalError::kSyntax;
  if (scale > kMaxDecimalDigits) return DecimalError::kTooManyDigits;
  out->units = negative ? -units : units;
  out->scale = scale;
  return DecimalError::kNone;
}

int SignificantScale(const Decimal& d) {
  int scale = d.scale;
  i128 u = d.units;
  while (scale > 0 && u % 10 == 0) {
    u /= 10;
    --scale;
  }
  return scale;
}

bool Rescale(const Decimal& d, int scale, i128* out) {
  if (d.scale <= scale) {
    *out = CheckedMul(d.units, Pow10(scale - d.scale));
    return true;
  }
  const i128 div = Pow10(d.scale - scale);
  if (d.units % div != 0) return false;
  *out = d.units / div;
  return true;
}

namespace {

// Decimal digits of a magnitude; 64-bit values (every amount and ratio in practice) take the fast path.
std::string MagnitudeDigits(u128 mag) {
  char buf[48];
  char* p = buf + sizeof buf;
  do {
    *--p = char('0' + int(mag % 10));
    mag /= 10;
  } while (mag != 0);
  return std::string(p, buf + sizeof buf);
}

// Splits |units| / 10^scale into integer digits and exactly `scale` fraction digits, trimmed to min_decimals.
void SplitDigits(i128 units, int scale, int min_decimals, std::string* int_part, std::string* frac_part) {
  const u128 mag = units < 0 ? u128(0) - u128(units) : u128(units);
  std::string digits = MagnitudeDigits(mag);
  if (int(digits.size()) <= scale) digits.insert(0, size_t(scale - int(digits.size()) + 1), '0');
  *int_part = digits.substr(0, digits.size() - size_t(scale));
  std::string frac = digits.substr(digits.size() - size_t(scale));
  while (int(frac.size()) > min_decimals && frac.back() == '0') frac.pop_back();
  while (int(frac.size()) < min_decimals) frac.push_back('0');
  *frac_part = frac;
}

}  // namespace

void AppendPlain(i128 units, int scale, int min_decimals, std::string* out) {
  const u128 mag = units < 0 ? u128(0) - u128(units) : u128(units);
  char buf[48];
  char* end = buf + sizeof buf;
  char* p = end;
  if (mag <= u128(UINT64_MAX)) {
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, uint64_t(mag));
    p = end - (r.ptr - digits);
    std::copy(digits, r.ptr, p);
  } else {
    const std::string s = MagnitudeDigits(mag);
    p = end - s.size();
    std::copy(s.begin(), s.end(), p);
  }
  while (end - p <= scale) *--p = '0';  // at least one integer digit
  // Trim trailing zeros of the fraction down to min_decimals.
  int decimals = scale;
  while (decimals > min_decimals && end[-1] == '0') {
    --end;
    --decimals;
  }
  if (units < 0) out->push_back('-');
  char* point = end - decimals;
  out->append(p, size_t(point - p));
  if (decimals > 0) {
    out->push_back('.');
    out->append(point, size_t(end - point));
  }
  for (int i = decimals; i < min_decimals; ++i) {
    if (i == 0) out->push_back('.');
    out->push_back('0');
  }
}

std::string FormatPlain(i128 units, int scale, int min_decimals) {
  std::string int_part, frac_part;
  SplitDigits(units, scale, min_decimals, &int_part, &frac_part);
  std::string s = units < 0 ? "-" : "";
  s += int_part;
  if (!frac_part.empty()) s += "." + frac_part;
  return s;
}

namespace {

std::string FormatGrouped(i128 units, int scale, int min_decimals, char thousands, char point) {
  std::string int_part, frac_part;
  SplitDigits(units, scale, min_decimals, &int_part, &frac_part);
  std::string s = units < 0 ? "-" : "";
  const size_t n = int_part.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) s.push_back(thousands);
    s.push_back(int_part[i]);
  }
  if (!frac_part.empty()) {
    s.push_back(point);
    s += frac_part;
  }
  return s;
}

}  // namespace

std::string FormatIndonesian(i128 units, int scale, int min_decimals) {
  return FormatGrouped(units, scale, min_decimals, '.', ',');
}

std::string FormatEnglish(i128 units, int scale, int min_decimals) {
  return FormatGrouped(units, scale, min_decimals, ',', '.');
}

i128 RoundHalfUp(i128 num, i128 den, int decimals) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  // floor(num * 10^d / den + 1/2) = floor((2 * num * 10^d + den) / (2 * den))
  const i128 scaled = CheckedMul(CheckedMul(num, Pow10(decimals)), 2);
  return FloorDiv(CheckedAdd(scaled, den), CheckedMul(den, 2));
}

}  // namespace kopsehat
