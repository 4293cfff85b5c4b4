// core/json_writer.h — the one JSON writer of Kopsehat: strings escaped per RFC 8259, exact fixed-point numbers
// and amounts in sen as decimal strings, built in a per-thread scratch buffer and appended to the output in one
// copy. Every JSON the program writes (results, batch lines, problems, the API, log lines) goes through it, so
// escaping is done one way everywhere. Depends on core/ only.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/fraction.h"
#include "core/int128.h"

namespace kopsehat {

// Bytes a JSON string must escape: control characters, '"' and '\\'.
namespace json_internal {

struct EscapeTable {
  bool needs[256];
  constexpr EscapeTable() : needs() {
    for (int c = 0; c < 0x20; ++c) needs[c] = true;
    needs[int('"')] = true;
    needs[int('\\')] = true;
  }
};
constexpr EscapeTable kEscape;

// Offset of the first byte of s that JSON must escape, or s.size(). Eight bytes at a time: names and ids almost
// never need escaping, and this scan runs over every string of every result.
inline size_t PlainPrefix(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const uint64_t control = (x - kOnes * 0x20) & ~x & kHighs;  // some byte < 0x20
    const uint64_t q = x ^ (kOnes * '"'), b = x ^ (kOnes * '\\');
    const uint64_t quote = (q - kOnes) & ~q & kHighs, backslash = (b - kOnes) & ~b & kHighs;
    if ((control | quote | backslash) != 0) break;
  }
  while (i < s.size() && !kEscape.needs[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace json_internal

// Builds one JSON record in a scratch buffer through a raw cursor and appends it to the output in one copy: the
// batch writes ~5 KB per cooperative, and per-character capacity checks (push_back) or zero-filling resizes of
// the output string were a third of the whole run.
class JsonWriter {
 public:
  // Re-entrant: a writer started while another is open on the same thread writes after the other's bytes.
  // The thread-local buffer is reached once here: every access to a thread_local with a constructor goes through
  // a TLS wrapper call, which was 8 % of a batch run when made per write.
  explicit JsonWriter(std::string* out) : out_(out), buf_(&tls_scratch_), used_(&tls_used_), base_(tls_used_), pos_(tls_used_) {
    if (buf_->empty()) buf_->resize(16384);
  }
  ~JsonWriter() {
    out_->append(buf_->data() + base_, pos_ - base_);
    *used_ = base_;
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Called for every piece written: the common case is two compares and a store, small enough to inline; growing
  // is out of line.
  void Reserve(size_t n) {
    if (pos_ + n > buf_->size()) Grow(n);
    *used_ = pos_ + n;  // claims the space, so a nested writer starts after it
  }
  [[gnu::noinline]] void Grow(size_t n) { buf_->resize(std::max(buf_->size() * 2, pos_ + n)); }
  void Raw(const char* p, size_t n) {
    Reserve(n);
    std::memcpy(buf_->data() + pos_, p, n);
    pos_ += n;
  }
  template <size_t N>
  void Lit(const char (&lit)[N]) {
    Raw(lit, N - 1);
  }
  void Char(char c) {
    Reserve(1);
    (*buf_)[pos_++] = c;
  }

  void String(std::string_view s) {
    const size_t plain = json_internal::PlainPrefix(s);
    Reserve(s.size() * 6 + 2);  // worst case: every byte escaped as \u00XX
    char* p = buf_->data() + pos_;
    *p++ = '"';
    std::memcpy(p, s.data(), plain);
    p += plain;
    for (const char c : s.substr(plain)) {
      switch (c) {
        case '"':
          *p++ = '\\';
          *p++ = '"';
          break;
        case '\\':
          *p++ = '\\';
          *p++ = '\\';
          break;
        case '\n':
          *p++ = '\\';
          *p++ = 'n';
          break;
        case '\r':
          *p++ = '\\';
          *p++ = 'r';
          break;
        case '\t':
          *p++ = '\\';
          *p++ = 't';
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            static const char* kHex = "0123456789abcdef";
            std::memcpy(p, "\\u00", 4);
            p += 4;
            *p++ = kHex[(c >> 4) & 0xF];
            *p++ = kHex[c & 0xF];
          } else {
            *p++ = c;
          }
      }
    }
    *p++ = '"';
    pos_ = size_t(p - buf_->data());
  }

  // units / 10^scale with at least min_decimals decimals (trailing zeros trimmed down to that), exactly.
  void Fixed(i128 units, int scale, int min_decimals) {
    const u128 mag = units < 0 ? u128(0) - u128(units) : u128(units);
    if (mag > u128(INT64_MAX)) {  // beyond any amount the limits allow; the general formatter is exact too
      const std::string s = FormatPlain(units, scale, min_decimals);
      Raw(s.data(), s.size());
      return;
    }
    // Digits right-aligned in buf (two at a time), left-padded with zeros to at least scale + 1 digits.
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char buf[48];
    char* const stop = buf + sizeof buf;
    char* begin = stop;
    uint64_t v = uint64_t(mag);
    while (v >= 100) {
      const size_t pair = size_t(v % 100) * 2;
      v /= 100;
      *--begin = kPairs[pair + 1];
      *--begin = kPairs[pair];
    }
    if (v >= 10) {
      *--begin = kPairs[v * 2 + 1];
      *--begin = kPairs[v * 2];
    } else {
      *--begin = char('0' + v);
    }
    while (stop - begin <= scale) *--begin = '0';
    char* end = stop;
    int decimals = scale;
    while (decimals > min_decimals && end[-1] == '0') {
      --end;
      --decimals;
    }
    char* const point = end - decimals;
    Reserve(size_t(end - begin) + size_t(min_decimals) + 3);
    char* p = buf_->data() + pos_;
    if (units < 0) *p++ = '-';
    std::memcpy(p, begin, size_t(point - begin));
    p += point - begin;
    if (decimals > 0) {
      *p++ = '.';
      std::memcpy(p, point, size_t(decimals));
      p += decimals;
    }
    for (int i = decimals; i < min_decimals; ++i) {
      if (i == 0) *p++ = '.';
      *p++ = '0';
    }
    pos_ = size_t(p - buf_->data());
  }

  // An amount in sen as an exact decimal string with at least 2 decimals.
  void Amount(const Fraction& sen) {
    Char('"');
    const Fraction rp{sen.num, CheckedMul(sen.den, 100)};
    int k = 0;
    while (k <= 16 && Pow10(k) < rp.den) ++k;
    if (k <= 16 && Pow10(k) == rp.den) {
      Fixed(rp.num, k, 2);
    } else {
      const std::string s = FormatFractionPlain(rp, 2, 14);
      Raw(s.data(), s.size());
    }
    Char('"');
  }

 private:
  // One scratch buffer per thread, kept between records: it grows to the largest record once.
  static thread_local std::vector<char> tls_scratch_;
  static thread_local size_t tls_used_;
  std::string* out_;
  std::vector<char>* buf_;
  size_t* used_;
  size_t base_;
  size_t pos_;
};

// Appends `s` as a JSON string (quoted, escaped).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace kopsehat
