#include "rules/formula.h"

#include <stdexcept>

#include <cctype>
#include <map>

#include "core/check.h"

namespace kopsehat {

namespace {

struct Coef {
  i128 units = 0;
  int scale = 0;
};

Coef AddCoef(Coef a, Coef b) {
  const int s = std::max(a.scale, b.scale);
  return Coef{CheckedAdd(CheckedMul(a.units, Pow10(s - a.scale)), CheckedMul(b.units, Pow10(s - b.scale))), s};
}

Coef MulCoef(Coef a, Coef b) { return Coef{CheckedMul(a.units, b.units), a.scale + b.scale}; }

// A constant, or a linear combination of laporan lines.
struct Value {
  bool linear = false;
  Coef constant;
  std::map<int, Coef> terms;
};

class Parser {
 public:
  Parser(std::string_view text, const std::vector<Quantity>& quantities, bool allow_previous)
      : text_(text), quantities_(quantities), allow_previous_(allow_previous) {}

  bool Parse(Value* out) {
    if (!ParseExpr(out)) return false;
    SkipSpace();
    if (pos_ != text_.size()) return Fail("karakter tak terduga", "unexpected character");
    return true;
  }

  std::string error_id, error_en;

 private:
  bool Fail(const std::string& id, const std::string& en) {
    const std::string col = std::to_string(pos_ + 1);
    error_id = "rumus \"" + std::string(text_) + "\", kolom " + col + ": " + id;
    error_en = "formula \"" + std::string(text_) + "\", column " + col + ": " + en;
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool Combine(Value* acc, const Value& v, bool subtract) {
    if (acc->linear != v.linear) {
      return Fail("angka tetap tidak boleh dijumlahkan dengan baris laporan",
                  "a constant cannot be added to statement lines");
    }
    const Coef sign{subtract ? -1 : 1, 0};
    if (!v.linear) {
      acc->constant = AddCoef(acc->constant, MulCoef(v.constant, sign));
      return true;
    }
    for (const auto& [line, c] : v.terms) {
      auto it = acc->terms.find(line);
      const Coef add = MulCoef(c, sign);
      if (it == acc->terms.end()) {
        acc->terms[line] = add;
      } else {
        it->second = AddCoef(it->second, add);
      }
    }
    return true;
  }

  bool ParseExpr(Value* out) {
    SkipSpace();
    bool negate = false;
    if (pos_ < text_.size() && text_[pos_] == '-') {
      negate = true;
      ++pos_;
    }
    Value first;
    if (!ParseTerm(&first)) return false;
    *out = Value{first.linear, {}, {}};
    if (!Combine(out, first, negate)) return false;
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size() || (text_[pos_] != '+' && text_[pos_] != '-')) return true;
      const bool subtract = text_[pos_] == '-';
      ++pos_;
      Value next;
      if (!ParseTerm(&next)) return false;
      if (!Combine(out, next, subtract)) return false;
    }
  }

  bool ParseTerm(Value* out) {
    if (!ParseFactor(out)) return false;
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '*') return true;
      ++pos_;
      Value rhs;
      if (!ParseFactor(&rhs)) return false;
      if (out->linear && rhs.linear) {
        return Fail("dua baris laporan tidak boleh dikalikan (rumus harus linear)",
                    "two statement lines cannot be multiplied (formulas must be linear)");
      }
      const Value& lin = out->linear ? *out : rhs;
      const Value& k = out->linear ? rhs : *out;
      Value product;
      product.linear = lin.linear;
      if (!lin.linear) {
        product.constant = MulCoef(lin.constant, k.constant);
      } else {
        for (const auto& [line, c] : lin.terms) product.terms[line] = MulCoef(c, k.constant);
      }
      *out = std::move(product);
    }
  }

  bool ParseFactor(Value* out) {
    SkipSpace();
    if (pos_ >= text_.size()) return Fail("rumus berakhir terlalu cepat", "formula ends too early");
    const char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      if (!ParseExpr(out)) return false;
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ')') return Fail("kurung tutup ')' tidak ada", "missing ')'");
      ++pos_;
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) return ParseNumber(out);
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return ParseName(out);
    return Fail("karakter tak terduga", "unexpected character");
  }

  bool ParseNumber(Value* out) {
    const size_t start = pos_;
    while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) {
      ++pos_;
    }
    Decimal d;
    if (ParseDecimal(text_.substr(start, pos_ - start), &d) != DecimalError::kNone) {
      pos_ = start;
      return Fail("angka tidak sah", "invalid number");
    }
    out->linear = false;
    out->constant = Coef{d.units, d.scale};
    return true;
  }

  bool ParseName(Value* out) {
    const size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_' || text_[pos_] == '.')) {
      ++pos_;
    }
    const std::string_view name = text_.substr(start, pos_ - start);
    if (name == "lalu" || name == "rata_rata") return ParsePeriodFunction(name, start, out);
    out->linear = true;
    out->terms.clear();
    const int line = FindLine(name);
    if (line >= 0) {
      out->terms[line] = Coef{1, 0};
      return true;
    }
    for (const Quantity& q : quantities_) {
      if (q.id != name) continue;
      for (const LinearForm::Term& t : q.form.terms) out->terms[t.line] = Coef{t.coef_units, q.form.scale};
      return true;
    }
    pos_ = start;
    std::string quoted = "'";
    quoted.append(name).append("'");
    return Fail(quoted + " bukan baris laporan atau besaran yang sudah didefinisikan di atasnya",
                quoted + " is neither a statement line nor a quantity defined above it");
  }

  // lalu(x): x at the end of the previous period; rata_rata(x) = (x + lalu(x)) / 2, PEARLS' two-point average.
  // Previous-period lines are numbered from kLineCount up.
  bool ParsePeriodFunction(std::string_view name, size_t start, Value* out) {
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != '(') {
      pos_ = start;
      // Appended, not "'" + std::string: GCC 12 at -O3 reports a false -Wrestrict on that form.
      std::string quoted = "'";
      quoted.append(name).append("'");
      return Fail(quoted + " ditulis sebagai fungsi: " + std::string(name) + "(...)",
                  quoted + " is a function: " + std::string(name) + "(...)");
    }
    if (!allow_previous_) {
      pos_ = start;
      return Fail(std::string(name) + "() tidak boleh di sini: hanya di besaran dan rumus rasio (pembilang, penyebut)",
                  std::string(name) + "() is not allowed here: only in quantities and ratio formulas (pembilang, penyebut)");
    }
    ++pos_;
    Value inner;
    if (!ParseExpr(&inner)) return false;
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != ')') return Fail("kurung tutup ')' tidak ada", "missing ')'");
    ++pos_;
    if (!inner.linear) return Fail(std::string(name) + "() memerlukan baris laporan", std::string(name) + "() needs statement lines");
    for (const auto& [line, c] : inner.terms) {
      if (line >= kLineCount) {
        return Fail(std::string(name) + "() tidak boleh memuat lalu() atau rata_rata()",
                    std::string(name) + "() must not contain lalu() or rata_rata()");
      }
    }
    *out = Value{true, {}, {}};
    const Coef half{5, 1};
    for (const auto& [line, c] : inner.terms) {
      if (name == "lalu") {
        out->terms[line + kLineCount] = c;
      } else {
        out->terms[line] = MulCoef(c, half);
        out->terms[line + kLineCount] = MulCoef(c, half);
      }
    }
    return true;
  }

  std::string_view text_;
  const std::vector<Quantity>& quantities_;
  bool allow_previous_ = false;
  size_t pos_ = 0;
};

}  // namespace

Status ParseFormula(std::string_view text, const std::vector<Quantity>& quantities, LinearForm* out,
                    bool allow_previous) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  const auto fail = [&](const std::string& id, const std::string& en) {
    return Status::Error("rumus_tidak_sah", "rumus " + quoted + id, "formula " + quoted + en);
  };
  Parser parser(text, quantities, allow_previous);
  Value v;
  try {
    if (!parser.Parse(&v)) return Status::Error("rumus_tidak_sah", parser.error_id, parser.error_en);
  } catch (const OverflowError&) {
    return fail(": koefisien terlalu besar", ": coefficient too large");
  }
  if (!v.linear) return fail(" tidak memuat baris laporan", " refers to no statement line");
  int scale = 0;
  for (const auto& [line, c] : v.terms) scale = std::max(scale, c.scale);
  if (scale > kMaxCoefficientScale) {
    return fail(": koefisien lebih dari 12 desimal", ": coefficient with more than 12 decimals");
  }
  out->terms.clear();
  out->uses_previous = false;
  out->scale = scale;
  out->text = std::string(text);
  const i128 limit = CheckedMul(kMaxAbsCoefficient, Pow10(scale));
  for (const auto& [line, c] : v.terms) {
    i128 units = 0;
    try {
      units = CheckedMul(c.units, Pow10(scale - c.scale));
    } catch (const OverflowError&) {
      units = limit + 1;  // reported below as too large
    }
    if (units == 0) continue;
    if (units > limit || units < -limit) return fail(": koefisien melebihi 1.000.000", ": coefficient exceeds 1,000,000");
    out->terms.push_back(LinearForm::Term{line, units});
    out->uses_previous = out->uses_previous || line >= kLineCount;
  }
  return Status();
}

Label FormulaLabel(const LinearForm& form, const std::vector<Quantity>& quantities) {
  auto label = [&](std::string_view name, Lang lang) -> std::string {
    if (name == "lalu") return lang == Lang::kEn ? "previous" : "lalu";
    if (name == "rata_rata") return lang == Lang::kEn ? "average" : "rata-rata";
    for (const Quantity& q : quantities) {
      if (q.id == name) return q.name.Get(lang);
    }
    const int line = FindLine(name);
    if (line >= 0) return lang == Lang::kEn ? kLines[size_t(line)].label_en : kLines[size_t(line)].label_id;
    return std::string(name);
  };
  Label out;
  const std::string& t = form.text;
  size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::isalpha(c) || c == '_') {
      size_t j = i;
      while (j < t.size() && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '_' || t[j] == '.')) ++j;
      const std::string_view name = std::string_view(t).substr(i, j - i);
      out.id += label(name, Lang::kId);
      out.en += label(name, Lang::kEn);
      i = j;
    } else {
      out.id.push_back(t[i]);
      out.en.push_back(t[i]);
      ++i;
    }
  }
  return out;
}

Fraction LinearForm::Evaluate(const Statements& s) const {
  // A form reading lalu() has line indexes at or above kLineCount: only the two-period overload may take it. The
  // loaders see to that (a checklist derivation may not use lalu()); breaking it would read past `s`.
  KOPSEHAT_CHECK(!uses_previous, "a formula using lalu() evaluated on one period: " + text);
  i128 sum = 0;
  // No overflow check needed per term: |coef| <= 10^6 × 10^12 and |amount| <= 10^17 gives |term| <= 10^35, and
  // kLineCount (79) terms stay below 2^127 (1.7 × 10^38).
  static_assert(kLineCount <= 800, "2 × kLineCount terms of 10^35 must stay below 2^127");
  for (const Term& t : terms) sum += t.coef_units * s.sen[size_t(t.line)];
  return Fraction{sum, Pow10(scale)};
}

Fraction LinearForm::Evaluate(const Statements& current, const Statements& previous) const {
  i128 sum = 0;
  // As above; at most 2 × kLineCount terms of at most 10^35 stay below 2^127.
  for (const Term& t : terms) {
    sum += t.line < kLineCount ? t.coef_units * current.sen[size_t(t.line)]
                               : t.coef_units * previous.sen[size_t(t.line - kLineCount)];
  }
  return Fraction{sum, Pow10(scale)};
}

}  // namespace kopsehat
