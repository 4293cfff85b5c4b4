#include "core/money.h"

#include <algorithm>
#include <string>

namespace kopsehat {

namespace {

// The common shape — [-]digits[.d[d]] with at most 15 integer digits — parsed straight into sen. Returns false
// for anything else, which the general path then handles (and explains).
bool ParseSimpleAmount(std::string_view text, Sen* out) {
  size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) i = 1;
  const size_t int_start = i;
  int64_t rupiah = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (i - int_start == 15) return false;  // a 16th digit: the general path decides (and cannot overflow)
    rupiah = rupiah * 10 + (text[i++] - '0');
  }
  const size_t int_digits = i - int_start;
  if (int_digits == 0) return false;
  int64_t sen = 0;
  if (i < text.size()) {
    if (text[i] != '.' || text.size() - i - 1 == 0 || text.size() - i - 1 > 2) return false;
    ++i;
    int scale = 0;
    for (; i < text.size(); ++i, ++scale) {
      if (text[i] < '0' || text[i] > '9') return false;
      sen = sen * 10 + (text[i] - '0');
    }
    if (scale == 1) sen *= 10;
  }
  const int64_t value = rupiah * 100 + sen;
  *out = negative ? -value : value;
  return true;
}

}  // namespace

AmountError ParseAmountSen(std::string_view text, Sen* out) {
  if (ParseSimpleAmount(text, out)) return AmountError::kNone;
  Decimal d;
  switch (ParseDecimal(text, &d)) {
    case DecimalError::kNone:
      break;
    case DecimalError::kExponent:
      return AmountError::kExponent;
    case DecimalError::kTooManyDigits:
      return AmountError::kTooLarge;
    case DecimalError::kEmpty:
    case DecimalError::kSyntax:
      return AmountError::kNotANumber;
  }
  if (SignificantScale(d) > 2) return AmountError::kTooManyDecimals;
  i128 sen = 0;
  if (!Rescale(d, 2, &sen)) return AmountError::kTooManyDecimals;
  if (sen > kMaxAbsAmountSen || sen < -kMaxAbsAmountSen) return AmountError::kTooLarge;
  *out = Sen(sen);
  return AmountError::kNone;
}

namespace {

AmountError FromDecimal(const Decimal& d, Sen* out) {
  if (SignificantScale(d) > 2) return AmountError::kTooManyDecimals;
  i128 sen = 0;
  if (!Rescale(d, 2, &sen)) return AmountError::kTooManyDecimals;
  if (sen > kMaxAbsAmountSen || sen < -kMaxAbsAmountSen) return AmountError::kTooLarge;
  *out = Sen(sen);
  return AmountError::kNone;
}

// Number of significant digits of |units| (0 for zero).
int SignificantDigits(i128 units) {
  u128 m = units < 0 ? u128(0) - u128(units) : u128(units);
  int n = 0;
  while (m != 0) {
    m /= 10;
    ++n;
  }
  return n;
}

}  // namespace

AmountError ParseSpreadsheetNumberSen(std::string_view stored, Sen* out) {
  // mantissa [eE] exponent
  const size_t e = stored.find_first_of("eE");
  Decimal d;
  const DecimalError err = ParseDecimal(stored.substr(0, e), &d);
  if (err == DecimalError::kTooManyDigits) return AmountError::kTooLarge;
  if (err != DecimalError::kNone) return AmountError::kNotANumber;
  if (e != std::string_view::npos) {
    std::string_view exp = stored.substr(e + 1);
    bool negative = false;
    if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) {
      negative = exp[0] == '-';
      exp.remove_prefix(1);
    }
    if (exp.empty() || exp.size() > 3) return AmountError::kNotANumber;
    int x = 0;
    for (const char c : exp) {
      if (c < '0' || c > '9') return AmountError::kNotANumber;
      x = x * 10 + (c - '0');
    }
    if (negative) {
      d.scale += x;
      if (d.scale > kMaxDecimalDigits) return d.units == 0 ? FromDecimal(Decimal{}, out) : AmountError::kTooManyDecimals;
    } else {
      if (x > d.scale + 17) return d.units == 0 ? FromDecimal(Decimal{}, out) : AmountError::kTooLarge;
      // The integer digits after the shift may not exceed what any amount can hold (17 in sen, with margin).
      if (d.units != 0 && SignificantDigits(d.units) + (x - d.scale) > 19) return AmountError::kTooLarge;
      if (x <= d.scale) {
        d.scale -= x;
      } else {
        d.units = CheckedMul(d.units, Pow10(x - d.scale));
        d.scale = 0;
      }
    }
  }
  const int digits = SignificantDigits(d.units);
  if (digits > 15) {
    const int drop = digits - 15;
    if (drop > d.scale) return AmountError::kTooLarge;  // the integer part itself exceeds double precision
    d.units = RoundHalfUp(d.units, Pow10(drop), 0);
    d.scale -= drop;
  }
  return FromDecimal(d, out);
}

namespace {

// Appends to *digits the integer part int_part without its thousands separator sep: the first group has one to
// three digits, every later one exactly three. False when the groups are not so ("12.5.000").
bool JoinDigitGroups(const std::string& int_part, char sep, std::string* digits) {
  size_t start = 0;
  bool first = true;
  for (;;) {
    const size_t next = int_part.find(sep, start);
    const size_t len = (next == std::string::npos ? int_part.size() : next) - start;
    if ((first && (len == 0 || len > 3)) || (!first && len != 3)) return false;
    *digits += int_part.substr(start, len);
    if (next == std::string::npos) break;
    start = next + 1;
    first = false;
  }
  return true;
}

// Spaces used as thousands separators ("1 250 000", also no-break spaces): allowed only between digit groups of
// three after a first group of one to three, in the integer part; then removed. "12 5" is not a number.
bool RemoveSpaceGroups(std::string* s) {
  if (s->find(' ') == std::string::npos) return true;
  const size_t end = s->find_first_of(".,");
  const std::string int_part = s->substr(0, end);
  if (end != std::string::npos && s->find(' ', end) != std::string::npos) return false;
  std::string digits;
  if (!JoinDigitGroups(int_part, ' ', &digits)) return false;
  *s = digits + (end == std::string::npos ? std::string() : s->substr(end));
  return true;
}

// No-break spaces and tabs become spaces.
std::string SpacesAsSpaces(std::string_view text) {
  std::string s;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      s.push_back(' ');
      ++i;
      continue;
    }
    s.push_back(c == '\t' ? ' ' : char(c));
  }
  return s;
}

void TrimSpaces(std::string* v) {
  while (!v->empty() && v->front() == ' ') v->erase(0, 1);
  while (!v->empty() && v->back() == ' ') v->pop_back();
}

// Takes the sign ("-", "(...)") and the marks of Indonesian writing off *s. False when the sign is given twice.
bool StripSignAndMarks(std::string* s, bool* negative, bool* indonesian) {
  TrimSpaces(s);
  if (s->size() >= 2 && s->front() == '(' && s->back() == ')') {
    *negative = true;
    *s = s->substr(1, s->size() - 2);
    TrimSpaces(s);
  }
  if (!s->empty() && (*s)[0] == '-') {
    if (*negative) return false;
    *negative = true;
    s->erase(0, 1);
  }
  // "Rp", "Rp." and a trailing ",-" mark Indonesian writing: then a lone "1.250" can only be one thousand two hundred
  // fifty (the dot groups thousands), which settles what is otherwise ambiguous.
  if (s->size() >= 2 && ((*s)[0] == 'R' || (*s)[0] == 'r') && ((*s)[1] == 'p' || (*s)[1] == 'P')) {
    *indonesian = true;
    s->erase(0, 2);
    if (!s->empty() && (*s)[0] == '.') s->erase(0, 1);
    TrimSpaces(s);
  }
  if (!s->empty() && (*s)[0] == '-') {  // "Rp -1.000.000"
    if (*negative) return false;
    *negative = true;
    s->erase(0, 1);
    TrimSpaces(s);
  }
  if (s->size() >= 2 && s->compare(s->size() - 2, 2, ",-") == 0) {
    *indonesian = true;
    s->erase(s->size() - 2);
  }
  return true;
}

// Which of '.' and ',' groups thousands (*group) and which is the decimal point (*point) in s, digits and those two
// only; 0 for neither.
AmountError FindSeparators(const std::string& s, bool indonesian, char* group, char* point) {
  const size_t dots = size_t(std::count(s.begin(), s.end(), '.'));
  const size_t commas = size_t(std::count(s.begin(), s.end(), ','));
  if (dots > 0 && commas > 0) {
    // Both: the one that comes last is the decimal point ("1.250.000,50" or "1,250,000.50"). Three or more digits
    // after it ("1.250,000") is almost always a mistyped thousands group, not a fraction: refused.
    *point = s.find_last_of(".,") == s.rfind(',') ? ',' : '.';
    *group = *point == ',' ? '.' : ',';
    if (s.size() - s.rfind(*point) - 1 > 2) return AmountError::kAmbiguous;
  } else if (dots + commas == 0) {
    // plain digits
  } else {
    const char sep = dots > 0 ? '.' : ',';
    const size_t count = dots > 0 ? dots : commas;
    const size_t after = s.size() - s.rfind(sep) - 1;
    if (count > 1) {
      *group = sep;  // "1.250.000": only a thousands separator repeats
    } else if (after == 3 && indonesian && sep == '.') {
      *group = sep;  // "Rp 1.250", "250.000,-": Indonesian, the dot groups thousands
    } else if (after == 3) {
      return AmountError::kAmbiguous;  // "1.250": 1250 in Indonesian, 1.25 in English
    } else {
      *point = sep;  // "1250,5", "1250.50", "0.125" (three or more decimals is refused below)
    }
  }
  return AmountError::kNone;
}

}  // namespace

AmountError ParseAmountTextSen(std::string_view text, Sen* out) {
  // No-break spaces become spaces; leading and trailing spaces go.
  std::string s = SpacesAsSpaces(text);
  bool negative = false, indonesian = false;
  if (!StripSignAndMarks(&s, &negative, &indonesian)) return AmountError::kNotANumber;
  if (s.empty()) return AmountError::kNotANumber;
  if (!RemoveSpaceGroups(&s)) return AmountError::kNotANumber;
  for (const char c : s) {
    if ((c < '0' || c > '9') && c != '.' && c != ',') {
      return (c == 'e' || c == 'E') ? AmountError::kExponent : AmountError::kNotANumber;
    }
  }
  char group = 0, point = 0;
  if (const AmountError e = FindSeparators(s, indonesian, &group, &point); e != AmountError::kNone) return e;
  // Check the groups: the first has 1-3 digits, every later one exactly 3; then rebuild in plain form.
  std::string plain(negative ? "-" : "");
  const size_t point_at = point ? s.rfind(point) : std::string::npos;
  const std::string int_part = s.substr(0, point_at);
  if (group) {
    if (!JoinDigitGroups(int_part, group, &plain)) return AmountError::kNotANumber;
  } else {
    plain += int_part;
  }
  if (point_at != std::string::npos) {
    const std::string frac = s.substr(point_at + 1);
    if (frac.find_first_of(".,") != std::string::npos) return AmountError::kNotANumber;
    plain.push_back('.');
    plain += frac;
  }
  return ParseAmountSen(plain, out);
}

std::string FormatSenPlain(Sen sen) { return FormatPlain(sen, 2, 2); }

std::string FormatRupiah(Sen sen) {
  const bool whole = sen % 100 == 0;
  const std::string digits = FormatIndonesian(sen < 0 ? -i128(sen) : i128(sen), 2, whole ? 0 : 2);
  return (sen < 0 ? "-Rp " : "Rp ") + digits;
}

std::string FormatRupiah(const Fraction& sen, Lang lang) {
  const bool negative = sen.num < 0;
  const Fraction rp{negative ? -sen.num : sen.num, CheckedMul(sen.den, 100)};
  const int min_decimals = rp.num % rp.den == 0 ? 0 : 2;
  const std::string digits = lang == Lang::kEn ? FormatFractionEnglish(rp, min_decimals, 4)
                                               : FormatFractionIndonesian(rp, min_decimals, 4);
  return (negative ? "-Rp " : "Rp ") + digits;
}

}  // namespace kopsehat
