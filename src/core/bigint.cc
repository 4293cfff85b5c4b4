#include "core/bigint.h"

#include <algorithm>

#include "core/check.h"

namespace kopsehat {

namespace {

void Trim(std::vector<uint32_t>* v) {
  while (!v->empty() && v->back() == 0) v->pop_back();
}

}  // namespace

BigInt::BigInt(i128 v) {
  negative_ = v < 0;
  u128 m = negative_ ? u128(0) - u128(v) : u128(v);
  while (m != 0) {
    mag_.push_back(uint32_t(m));
    m >>= 32;
  }
}

BigInt BigInt::Make(bool negative, Limbs mag) {
  Trim(&mag);
  BigInt b;
  b.negative_ = negative && !mag.empty();
  b.mag_ = std::move(mag);
  return b;
}

bool BigInt::FitsI128() const {
  if (mag_.size() < 4) return true;
  if (mag_.size() > 4) return false;
  const uint32_t top = mag_[3];
  if (top < 0x80000000u) return true;
  // Only −2^127 has the top bit set and still fits.
  return negative_ && top == 0x80000000u && mag_[2] == 0 && mag_[1] == 0 && mag_[0] == 0;
}

i128 BigInt::ToI128() const {
  KOPSEHAT_CHECK(FitsI128(), "BigInt::ToI128 of a value outside 128 bits");
  u128 m = 0;
  for (size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
  return negative_ ? i128(u128(0) - m) : i128(m);
}

int BigInt::CompareMagnitudes(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

BigInt::Limbs BigInt::AddMagnitudes(const Limbs& a, const Limbs& b) {
  const Limbs& longer = a.size() >= b.size() ? a : b;
  const Limbs& shorter = a.size() >= b.size() ? b : a;
  Limbs out(longer.size() + 1, 0);
  uint64_t carry = 0;
  for (size_t i = 0; i < longer.size(); ++i) {
    const uint64_t s = uint64_t(longer[i]) + (i < shorter.size() ? shorter[i] : 0) + carry;
    out[i] = uint32_t(s);
    carry = s >> 32;
  }
  out[longer.size()] = uint32_t(carry);
  Trim(&out);
  return out;
}

BigInt::Limbs BigInt::SubMagnitudes(const Limbs& a, const Limbs& b) {
  Limbs out(a.size(), 0);
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int64_t d = int64_t(a[i]) - (i < b.size() ? int64_t(b[i]) : 0) - borrow;
    borrow = d < 0 ? 1 : 0;
    if (d < 0) d += int64_t(1) << 32;
    out[i] = uint32_t(d);
  }
  KOPSEHAT_CHECK(borrow == 0, "BigInt subtraction of a larger magnitude");
  Trim(&out);
  return out;
}

BigInt::Limbs BigInt::MulMagnitudes(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  Limbs out(a.size() + b.size(), 0);
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      const uint64_t t = uint64_t(a[i]) * b[j] + out[i + j] + carry;
      out[i + j] = uint32_t(t);
      carry = t >> 32;
    }
    out[i + b.size()] = uint32_t(carry);
  }
  Trim(&out);
  return out;
}

// Schoolbook binary long division: one bit of the quotient per step. Operands here are a few hundred bits at most
// and the path is rare, so clarity wins over Knuth's algorithm D.
void BigInt::DivModMagnitudes(const Limbs& a, const Limbs& b, Limbs* q, Limbs* r) {
  KOPSEHAT_CHECK(!b.empty(), "BigInt division by an empty magnitude");
  q->assign(a.size(), 0);
  r->clear();
  if (b.size() == 1) {
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
      const uint64_t cur = (rem << 32) | a[i];
      (*q)[i] = uint32_t(cur / b[0]);
      rem = cur % b[0];
    }
    Trim(q);
    if (rem != 0) r->push_back(uint32_t(rem));
    return;
  }
  Limbs rem;
  for (size_t bit = a.size() * 32; bit-- > 0;) {
    // rem = rem × 2 + the next bit of a
    uint32_t carry = (a[bit / 32] >> (bit % 32)) & 1u;
    for (uint32_t& limb : rem) {
      const uint32_t next = limb >> 31;
      limb = (limb << 1) | carry;
      carry = next;
    }
    if (carry != 0) rem.push_back(carry);
    if (CompareMagnitudes(rem, b) >= 0) {
      rem = SubMagnitudes(rem, b);
      (*q)[bit / 32] |= 1u << (bit % 32);
    }
  }
  Trim(q);
  *r = std::move(rem);
}

BigInt BigInt::operator-() const { return Make(!negative_, mag_); }

BigInt operator+(const BigInt& a, const BigInt& b) {
  if (a.negative_ == b.negative_) return BigInt::Make(a.negative_, BigInt::AddMagnitudes(a.mag_, b.mag_));
  // Opposite signs: the larger magnitude keeps its sign.
  const int c = BigInt::CompareMagnitudes(a.mag_, b.mag_);
  if (c == 0) return BigInt();
  return c > 0 ? BigInt::Make(a.negative_, BigInt::SubMagnitudes(a.mag_, b.mag_))
               : BigInt::Make(b.negative_, BigInt::SubMagnitudes(b.mag_, a.mag_));
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt::Make(a.negative_ != b.negative_, BigInt::MulMagnitudes(a.mag_, b.mag_));
}

int Compare(const BigInt& a, const BigInt& b) {
  if (a.Sign() != b.Sign()) return a.Sign() < b.Sign() ? -1 : 1;
  const int c = BigInt::CompareMagnitudes(a.mag_, b.mag_);
  return a.negative_ ? -c : c;
}

void BigInt::FloorDivMod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  KOPSEHAT_CHECK(!b.IsZero(), "BigInt division by zero");
  Limbs qm, rm;
  DivModMagnitudes(a.mag_, b.mag_, &qm, &rm);
  // Truncated: |a| = qm × |b| + rm. The quotient's sign is the product of the signs; floor moves a negative
  // inexact quotient one further down, and the remainder then takes the divisor's sign.
  BigInt quotient = Make(a.negative_ != b.negative_, std::move(qm));
  BigInt remainder = Make(a.negative_, std::move(rm));
  if (!remainder.IsZero() && a.negative_ != b.negative_) {
    quotient = quotient - BigInt(1);
    remainder = remainder + b;
  }
  *q = std::move(quotient);
  *r = std::move(remainder);
}

std::string BigInt::ToString() const {
  if (mag_.empty()) return "0";
  std::string digits;
  Limbs m = mag_;
  const Limbs billion = {1'000'000'000u};
  while (!m.empty()) {
    Limbs q, r;
    DivModMagnitudes(m, billion, &q, &r);
    uint32_t chunk = r.empty() ? 0 : r[0];
    for (int i = 0; i < 9; ++i) {
      digits.push_back(char('0' + chunk % 10));
      chunk /= 10;
      if (q.empty() && chunk == 0) break;
    }
    m = std::move(q);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (negative_) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

}  // namespace kopsehat
