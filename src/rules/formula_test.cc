// Unit tests for rules/formula.h: linear formulas over laporan lines.

#include "rules/formula.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kopsehat {
namespace {

std::string S(i128 v) { return ToString(v); }

int Line(const char* path) {
  const int i = FindLine(path);
  EXPECT_GE(i, 0) << path;
  return i;
}

// Coefficient units of `line` in the form, or "absent".
std::string CoefOf(const LinearForm& f, const char* path) {
  const int line = Line(path);
  for (const LinearForm::Term& t : f.terms) {
    if (t.line == line) return S(t.coef_units);
  }
  return "absent";
}

struct Parsed {
  bool ok = false;
  LinearForm form;
  std::string error_id;
  std::string error_en;
};

Parsed Parse(std::string_view text, const std::vector<Quantity>& quantities = {}) {
  Parsed p;
  const Status parsed = ParseFormula(text, quantities, &p.form);
  p.ok = parsed.ok();
  p.error_id = parsed.pesan();
  p.error_en = parsed.message();
  return p;
}

Quantity MakeQuantity(const std::string& id, std::string_view formula, const std::vector<Quantity>& before = {}) {
  Quantity q;
  q.id = id;
  const Status parsed = ParseFormula(formula, before, &q.form);
  EXPECT_TRUE(parsed.ok()) << parsed.pesan();
  return q;
}

// ---------------------------------------------------------------------------------------------------------------
// Accepted formulas

TEST(FormulaParse, SingleLine) {
  const Parsed p = Parse("neraca.kas");
  ASSERT_TRUE(p.ok) << p.error_id;
  ASSERT_EQ(p.form.terms.size(), 1u);
  EXPECT_EQ(p.form.terms[0].line, Line("neraca.kas"));
  EXPECT_EQ(S(p.form.terms[0].coef_units), "1");
  EXPECT_EQ(p.form.scale, 0);
  EXPECT_EQ(p.form.text, "neraca.kas");
}

TEST(FormulaParse, LinesFromEverySection) {
  const Parsed p = Parse("neraca.kas + hasil_usaha.beban_usaha + pinjaman.macet");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.terms.size(), 3u);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1");
  EXPECT_EQ(CoefOf(p.form, "hasil_usaha.beban_usaha"), "1");
  EXPECT_EQ(CoefOf(p.form, "pinjaman.macet"), "1");
}

TEST(FormulaParse, Subtraction) {
  const Parsed p = Parse("neraca.kas + neraca.bank - neraca.penyisihan_pinjaman");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 0);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "1");
  EXPECT_EQ(CoefOf(p.form, "neraca.penyisihan_pinjaman"), "-1");
}

TEST(FormulaParse, SubtractingAGroupFlipsEverySign) {
  const Parsed p = Parse("neraca.kas - (neraca.bank - neraca.tabungan)");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "-1");
  EXPECT_EQ(CoefOf(p.form, "neraca.tabungan"), "1");
}

TEST(FormulaParse, LeadingMinus) {
  const Parsed p = Parse("-neraca.kas + neraca.bank");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "-1");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "1");
}

TEST(FormulaParse, RepeatedLineCombines) {
  const Parsed p = Parse("neraca.kas + neraca.kas + 0.5 * neraca.kas");
  ASSERT_TRUE(p.ok) << p.error_id;
  ASSERT_EQ(p.form.terms.size(), 1u);
  EXPECT_EQ(p.form.scale, 1);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "25");  // 2.5
}

TEST(FormulaParse, CancelledLineIsDropped) {
  const Parsed p = Parse("neraca.kas + neraca.bank - neraca.kas");
  ASSERT_TRUE(p.ok) << p.error_id;
  ASSERT_EQ(p.form.terms.size(), 1u);
  EXPECT_EQ(p.form.terms[0].line, Line("neraca.bank"));
}

TEST(FormulaParse, CoefficientDistributedOverGroup) {
  const Parsed p = Parse("0.5 * (neraca.tabungan + neraca.simpanan_berjangka)");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 1);
  EXPECT_EQ(p.form.terms.size(), 2u);
  EXPECT_EQ(CoefOf(p.form, "neraca.tabungan"), "5");
  EXPECT_EQ(CoefOf(p.form, "neraca.simpanan_berjangka"), "5");
}

TEST(FormulaParse, CoefficientOnTheRight) {
  const Parsed p = Parse("(neraca.kas - neraca.bank) * 0.25");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 2);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "25");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "-25");
}

TEST(FormulaParse, MixedScalesUseTheLargest) {
  const Parsed p = Parse("neraca.kas + 0.5 * neraca.bank - 0.125 * neraca.tabungan");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 3);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1000");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "500");
  EXPECT_EQ(CoefOf(p.form, "neraca.tabungan"), "-125");
}

TEST(FormulaParse, NestedCoefficientsMultiply) {
  const Parsed p = Parse("0.5 * (neraca.kas + 0.2 * (neraca.bank + neraca.tabungan))");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 2);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "50");   // 0.50
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "10");  // 0.10
  EXPECT_EQ(CoefOf(p.form, "neraca.tabungan"), "10");
}

TEST(FormulaParse, ZeroCoefficientDropsTheLine) {
  const Parsed p = Parse("0 * neraca.kas + neraca.bank");
  ASSERT_TRUE(p.ok) << p.error_id;
  ASSERT_EQ(p.form.terms.size(), 1u);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "absent");
}

TEST(FormulaParse, TabsAndNoSpaces) {
  const Parsed p = Parse("neraca.kas+2*neraca.bank\t-\tneraca.tabungan");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "2");
  EXPECT_EQ(CoefOf(p.form, "neraca.tabungan"), "-1");
}

TEST(FormulaParse, QuantityDefinedEarlierIsExpanded) {
  std::vector<Quantity> qs;
  qs.push_back(MakeQuantity("kas_dan_bank", "neraca.kas + neraca.bank"));
  const Parsed p = Parse("kas_dan_bank - neraca.tabungan", qs);
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.terms.size(), 3u);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1");
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "1");
  EXPECT_EQ(CoefOf(p.form, "neraca.tabungan"), "-1");
  EXPECT_EQ(p.form.text, "kas_dan_bank - neraca.tabungan");
}

TEST(FormulaParse, QuantityWithCoefficientsExpandedAndScaled) {
  std::vector<Quantity> qs;
  qs.push_back(MakeQuantity("rpm", "0.5 * pinjaman.kurang_lancar + 0.75 * pinjaman.diragukan + pinjaman.macet"));
  qs.push_back(MakeQuantity("dua_rpm", "2 * rpm", qs));
  const Parsed p = Parse("0.5 * dua_rpm - pinjaman.macet", qs);
  ASSERT_TRUE(p.ok) << p.error_id;
  // 0.5 × 2 × (0.5 a + 0.75 b + c) - c = 0.5 a + 0.75 b
  ASSERT_EQ(p.form.terms.size(), 2u);
  const i128 den = Pow10(p.form.scale);
  const std::string a = CoefOf(p.form, "pinjaman.kurang_lancar");
  const std::string b = CoefOf(p.form, "pinjaman.diragukan");
  // Compare values exactly: coef / 10^scale == 1/2 and 3/4.
  for (const LinearForm::Term& t : p.form.terms) {
    if (t.line == Line("pinjaman.kurang_lancar")) {
      EXPECT_EQ(S(t.coef_units * 2), S(den)) << a;
    } else if (t.line == Line("pinjaman.diragukan")) {
      EXPECT_EQ(S(t.coef_units * 4), S(den * 3)) << b;
    } else {
      ADD_FAILURE() << "unexpected line " << t.line;
    }
  }
  EXPECT_EQ(CoefOf(p.form, "pinjaman.macet"), "absent");
}

TEST(FormulaParse, QuantityUsedTwiceSumsCoefficients) {
  std::vector<Quantity> qs;
  qs.push_back(MakeQuantity("kb", "neraca.kas + neraca.bank"));
  const Parsed p = Parse("kb + 0.5 * kb + neraca.kas", qs);
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 1);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "25");  // 1 + 0.5 + 1
  EXPECT_EQ(CoefOf(p.form, "neraca.bank"), "15");
}

TEST(FormulaParse, CoefficientLimitsAccepted) {
  Parsed p = Parse("1000000 * neraca.kas");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1000000");
  p = Parse("-1000000 * neraca.kas");
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "-1000000");
  p = Parse("0.000000000001 * neraca.kas");  // 12 decimals
  ASSERT_TRUE(p.ok) << p.error_id;
  EXPECT_EQ(p.form.scale, 12);
  EXPECT_EQ(CoefOf(p.form, "neraca.kas"), "1");
}

// ---------------------------------------------------------------------------------------------------------------
// Refused formulas

TEST(FormulaParse, UnknownIdentifierNamed) {
  const Parsed p = Parse("neraca.kas + neraca.kass");
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("'neraca.kass'"), std::string::npos) << p.error_id;
  EXPECT_NE(p.error_id.find("bukan baris laporan"), std::string::npos) << p.error_id;
  EXPECT_NE(p.error_en.find("'neraca.kass'"), std::string::npos) << p.error_en;
  EXPECT_NE(p.error_id.find("kolom 14"), std::string::npos) << p.error_id;  // where "neraca.kass" starts
  EXPECT_NE(p.error_en.find("column 14"), std::string::npos) << p.error_en;
}

TEST(FormulaParse, QuantityNotYetDefinedIsUnknown) {
  std::vector<Quantity> qs;
  qs.push_back(MakeQuantity("kas_dan_bank", "neraca.kas + neraca.bank"));
  const Parsed p = Parse("total_aset + kas_dan_bank", qs);
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("'total_aset'"), std::string::npos) << p.error_id;
}

TEST(FormulaParse, SectionWithoutKeyIsUnknown) {
  const Parsed p = Parse("neraca");
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("'neraca'"), std::string::npos) << p.error_id;
}

TEST(FormulaParse, ProductOfLinesRefused) {
  const Parsed p = Parse("neraca.kas * neraca.bank");
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("tidak boleh dikalikan"), std::string::npos) << p.error_id;
  EXPECT_NE(p.error_en.find("linear"), std::string::npos) << p.error_en;
}

TEST(FormulaParse, ProductOfGroupsRefused) {
  const Parsed p = Parse("(neraca.kas + 1 * neraca.bank) * (0.5 * neraca.tabungan)");
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("tidak boleh dikalikan"), std::string::npos) << p.error_id;
}

TEST(FormulaParse, ConstantOnlyRefused) {
  for (const char* text : {"0.5 * 2", "100", "1 + 2"}) {
    const Parsed p = Parse(text);
    ASSERT_FALSE(p.ok) << text;
    EXPECT_NE(p.error_id.find("tidak memuat baris laporan"), std::string::npos) << p.error_id;
  }
}

TEST(FormulaParse, ConstantAddedToLinesRefused) {
  for (const char* text : {"neraca.kas + 1", "1 + neraca.kas", "neraca.kas - 0.5", "(neraca.kas + 100) * 2"}) {
    const Parsed p = Parse(text);
    ASSERT_FALSE(p.ok) << text;
    EXPECT_NE(p.error_id.find("angka tetap tidak boleh dijumlahkan"), std::string::npos) << text << ": " << p.error_id;
    EXPECT_NE(p.error_en.find("constant cannot be added"), std::string::npos) << p.error_en;
  }
}

TEST(FormulaParse, MoreThanTwelveDecimalsRefused) {
  Parsed p = Parse("0.0000000000001 * neraca.kas");  // 13 decimals
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("lebih dari 12 desimal"), std::string::npos) << p.error_id;
  // 6 + 7 = 13 decimals after expansion.
  p = Parse("0.000001 * (0.0000001 * neraca.kas + neraca.bank)");
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("lebih dari 12 desimal"), std::string::npos) << p.error_id;
}

TEST(FormulaParse, CoefficientAboveMillionRefused) {
  for (const char* text : {"1000001 * neraca.kas", "1000000.5 * neraca.kas", "-1000001 * neraca.kas",
                           "1000000 * neraca.kas + neraca.kas", "1000 * (1000 * neraca.kas) + 0.001 * neraca.kas"}) {
    const Parsed p = Parse(text);
    ASSERT_FALSE(p.ok) << text;
    EXPECT_NE(p.error_id.find("melebihi 1.000.000"), std::string::npos) << text << ": " << p.error_id;
    EXPECT_NE(p.error_en.find("exceeds 1,000,000"), std::string::npos) << p.error_en;
  }
}

TEST(FormulaParse, CoefficientLimitAppliesAfterQuantityExpansion) {
  std::vector<Quantity> qs;
  qs.push_back(MakeQuantity("besar", "1000000 * neraca.kas"));
  const Parsed ok = Parse("0.5 * besar", qs);
  ASSERT_TRUE(ok.ok) << ok.error_id;
  EXPECT_EQ(CoefOf(ok.form, "neraca.kas"), "5000000");  // 500000.0 at scale 1
  const Parsed p = Parse("2 * besar", qs);
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("melebihi 1.000.000"), std::string::npos) << p.error_id;
}

TEST(FormulaParse, HugeCoefficientProductReportedNotThrown) {
  // 10^20 × 10^20 does not fit in 128 bits: reported as a formula error, not an exception.
  const Parsed p = Parse("100000000000000000000 * 100000000000000000000 * neraca.kas");
  ASSERT_FALSE(p.ok);
  EXPECT_NE(p.error_id.find("koefisien terlalu besar"), std::string::npos) << p.error_id;
}

TEST(FormulaParse, SyntaxErrors) {
  struct Case {
    const char* text;
    const char* expect;
  };
  for (const Case& c : {Case{"", "berakhir terlalu cepat"}, Case{"neraca.kas +", "berakhir terlalu cepat"},
                        Case{"(neraca.kas", "kurung tutup"}, Case{"neraca.kas)", "karakter tak terduga"},
                        Case{"neraca.kas / 2", "karakter tak terduga"}, Case{"1e5 * neraca.kas", "karakter tak terduga"},
                        Case{"1.2.3 * neraca.kas", "angka tidak sah"}, Case{"neraca.kas $", "karakter tak terduga"}}) {
    const Parsed p = Parse(c.text);
    ASSERT_FALSE(p.ok) << c.text;
    EXPECT_NE(p.error_id.find(c.expect), std::string::npos) << c.text << ": " << p.error_id;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluate

TEST(FormulaEvaluate, IntegerCoefficients) {
  const Parsed p = Parse("neraca.kas + neraca.bank - neraca.penyisihan_pinjaman");
  ASSERT_TRUE(p.ok) << p.error_id;
  Statements s;
  s.sen[size_t(Line("neraca.kas"))] = 125000050;
  s.sen[size_t(Line("neraca.bank"))] = 1000;
  s.sen[size_t(Line("neraca.penyisihan_pinjaman"))] = 50;
  s.sen[size_t(Line("neraca.tabungan"))] = 777777;  // not in the formula
  const Fraction v = p.form.Evaluate(s);
  EXPECT_EQ(S(v.num), "125001000");
  EXPECT_EQ(S(v.den), "1");
}

TEST(FormulaEvaluate, DecimalCoefficientsExact) {
  const Parsed p = Parse("neraca.kas + 0.5 * (neraca.tabungan + neraca.simpanan_berjangka) - 0.25 * neraca.bank");
  ASSERT_TRUE(p.ok) << p.error_id;
  Statements s;
  s.sen[size_t(Line("neraca.kas"))] = 100000;
  s.sen[size_t(Line("neraca.tabungan"))] = 3;
  s.sen[size_t(Line("neraca.simpanan_berjangka"))] = 4;
  s.sen[size_t(Line("neraca.bank"))] = 1;
  // 100000 + 3.5 - 0.25 = 100003.25 sen = 10000325 / 100
  const Fraction v = p.form.Evaluate(s);
  EXPECT_EQ(S(v.den), "100");
  EXPECT_EQ(S(v.num), "10000325");
}

TEST(FormulaEvaluate, NegativeAndLimitAmounts) {
  const Parsed p = Parse("1000000 * neraca.kas - 0.000000000001 * hasil_usaha.beban_lain");
  ASSERT_TRUE(p.ok) << p.error_id;
  Statements s;
  s.sen[size_t(Line("neraca.kas"))] = -kMaxAbsAmountSen;  // -10^17
  s.sen[size_t(Line("hasil_usaha.beban_lain"))] = 7;
  // (10^6 × 10^12) × (-10^17) - 7 over 10^12 = (-10^35 - 7) / 10^12
  const Fraction v = p.form.Evaluate(s);
  EXPECT_EQ(S(v.den), "1000000000000");
  EXPECT_EQ(S(v.num), "-100000000000000000000000000000000007");
}

TEST(FormulaEvaluate, AllZero) {
  const Parsed p = Parse("neraca.kas");
  ASSERT_TRUE(p.ok);
  const Fraction v = p.form.Evaluate(Statements{});
  EXPECT_TRUE(v.IsZero());
}

}  // namespace
}  // namespace kopsehat
