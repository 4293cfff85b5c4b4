// Goal methods (issue 8): every PEARLS formula on the worked example credit union against hand-computed values,
// goal edges, zero denominators, missing inputs, annualisation, the R8 − R9 − R10 + R11 = R12 identity.
#include "assess/goals.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <iterator>
#include <map>

#include "interchange/json_reader.h"
#include "report/explain.h"
#include "report/goal_report.h"

namespace kopsehat {
namespace {

constexpr Sen kJuta = 100'000'000;  // Rp 1.000.000 in sen

// A laporan file of the source tree, read as `kopsehat assess` reads it.
Laporan ReadLaporan(const std::string& relative_path) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  EXPECT_TRUE(reader.Read(text, &l, &p)) << relative_path << ": " << p.Render(Lang::kId);
  return l;
}

Laporan ReadExample() { return ReadLaporan("examples/kopdit-sinar-harapan-2025.json"); }

const GoalRulebook& Goals(const char* id) {
  Problems p;
  const GoalRulebook* rb = EmbeddedGoalRulebookById(id, &p);
  if (rb == nullptr) throw std::runtime_error(std::string("no goal rulebook ") + id + ": " + p.Render(Lang::kEn));
  return *rb;
}

GoalAssessment AssessGoals(const Laporan& l, const char* id = "pearls-woccu") {
  GoalAssessment a;
  Problems p;
  EXPECT_TRUE(EvaluateGoals(l, Goals(id), &a, &p)) << p.Render(Lang::kEn);
  return a;
}

const IndicatorResult& Ind(const GoalAssessment& a, const std::string& id) {
  for (const IndicatorResult& r : a.indicators) {
    if (r.spec->id == id) return r;
  }
  throw std::runtime_error("no indicator " + id);
}

void ExpectValue(const GoalAssessment& a, const std::string& id, i128 num, i128 den) {
  const IndicatorResult& r = Ind(a, id);
  ASSERT_TRUE(r.has_value) << id << ": " << GoalReasonText(r, Lang::kEn);
  EXPECT_EQ(Compare(r.value, Fraction{num, den}), 0)
      << id << " = " << FormatFractionPlain(r.value, 0, 8) << ", expected " << ToString(num) << "/" << ToString(den);
}

// The worked example, in millions of rupiah (examples/kopdit-sinar-harapan-2025.json):
//   total aset 9.000 (2024: 8.000); penyisihan (PPAP 100 + DCR 150) = 250; lalai 1–12 = 220, > 12 = 40;
//   penyisihan wajib = 40 + 0,35 × 220 = 117; simpanan non-saham 5.200 + 1.100 = 6.300 (2024: 5.600);
//   saham 200 + 1.300 = 1.500 (2024: 1.350); kredit eksternal 200 (2024: 250); modal lembaga 450 + 50 = 500
//   (2024: 450); modal lembaga bersih 500 + 250 − 117 − 20 = 613 (2024: 450 + 220 − (50 + 70) − 15 = 535);
//   pinjaman bersih 7.400 − 250 = 7.150 (2024: 6.600 − 220 = 6.380).
TEST(GoalsWorkedExample, EveryWoccuValueByHand) {
  const GoalAssessment a = AssessGoals(ReadExample());
  ExpectValue(a, "P1", 625, 1);                // 100 × 250 / 40
  ExpectValue(a, "P2", 1050, 11);              // 100 × (250 − 40) / 220 = 95,45
  EXPECT_EQ(Compare(Ind(a, "P3").value, Fraction{40 * kJuta, 1}), 0);  // Rp 40 juta left over 12 months
  ExpectValue(a, "P4", 6, 7);                  // 100 × (300 − 240) / ((7.400 + 6.600) / 2) = 6.000 / 7.000
  ExpectValue(a, "P5", 40, 1);                 // 100 × 120 / 300
  ExpectValue(a, "P6", 8663, 78);              // 100 × (9.000 + 100 − 117 − 6.600 − 20 + 6.300) / 7.800
  ExpectValue(a, "E1", 715, 9);                // 100 × 7.150 / 9.000
  ExpectValue(a, "E2", 20, 3);                 // 600 / 9.000
  ExpectValue(a, "E3", 5, 3);                  // 150 / 9.000
  ExpectValue(a, "E4", 0, 1);
  ExpectValue(a, "E5", 70, 1);                 // 6.300 / 9.000
  ExpectValue(a, "E6", 20, 9);                 // 200 / 9.000
  ExpectValue(a, "E7", 50, 3);                 // 1.500 / 9.000
  ExpectValue(a, "E8", 50, 9);                 // 500 / 9.000
  ExpectValue(a, "E9", 613, 90);               // 613 / 9.000
  ExpectValue(a, "A1", 130, 37);               // 260 / 7.400
  ExpectValue(a, "A2", 95, 9);                 // (200 + 750) / 9.000
  ExpectValue(a, "A3", 1926, 19);              // (613 + 250 + 100) / 950
  ExpectValue(a, "R1", 28400, 1353);           // (1.450 − 30) / ((7.150 + 6.380) / 2 = 6.765)
  ExpectValue(a, "R2", 72, 11);                // 36 / 550
  ExpectValue(a, "R3", 180, 29);               // 9 / 145
  ExpectValue(a, "R5", 660, 119);              // 330 / 5.950
  ExpectValue(a, "R6", 20, 3);                 // 15 / 225
  ExpectValue(a, "R7", 140, 19);               // 105 / 1.425
  ExpectValue(a, "R8", 209, 17);               // (1.450 + 45 − 330 − 105 − 15 = 1.045) / 8.500
  ExpectValue(a, "R9", 8, 1);                  // (700 + 40 − 60) / 8.500
  ExpectValue(a, "R10", 12, 17);               // 60 / 8.500
  ExpectValue(a, "R11", -1, 17);               // (5 − 10) / 8.500
  ExpectValue(a, "R12", 50, 17);               // SHU 250 / 8.500
  ExpectValue(a, "L1", 760, 63);               // (600 + 200 − 40) / 6.300
  ExpectValue(a, "L2", 650, 63);               // 650 / 6.300
  ExpectValue(a, "L3", 20, 9);                 // 200 / 9.000
  ExpectValue(a, "S1", 350, 29);               // (7.150 − 6.380) / 6.380
  ExpectValue(a, "S2", 20, 1);                 // (600 − 500) / 500
  ExpectValue(a, "S3", 50, 7);                 // 10 / 140
  ExpectValue(a, "S5", 25, 2);                 // 700 / 5.600
  ExpectValue(a, "S6", -20, 1);                // −50 / 250
  ExpectValue(a, "S7", 100, 9);                // 150 / 1.350
  ExpectValue(a, "S8", 100, 9);                // 50 / 450
  ExpectValue(a, "S9", 1560, 107);             // 78 / 535
  ExpectValue(a, "S10", 275, 26);              // (11.500 − 10.400) / 10.400 members
  ExpectValue(a, "S11", 25, 2);                // 1.000 / 8.000
}

TEST(GoalsWorkedExample, WoccuStatusesAndSummary) {
  const GoalAssessment a = AssessGoals(ReadExample());
  const std::map<std::string, GoalStatus> want = {
      {"P1", GoalStatus::kMet},     {"P2", GoalStatus::kMet},           {"P3", GoalStatus::kNotMet},
      {"P4", GoalStatus::kNoTarget}, {"P5", GoalStatus::kNotMet},        {"P6", GoalStatus::kMet},
      {"E1", GoalStatus::kMet},     {"E2", GoalStatus::kMet},           {"E3", GoalStatus::kMet},
      {"E4", GoalStatus::kMet},     {"E5", GoalStatus::kMet},           {"E6", GoalStatus::kMet},
      {"E7", GoalStatus::kMet},     {"E8", GoalStatus::kNotMet},        {"E9", GoalStatus::kNotMet},
      {"A1", GoalStatus::kMet},     {"A2", GoalStatus::kNotMet},        {"A3", GoalStatus::kNotMet},
      {"R1", GoalStatus::kNoTarget}, {"R2", GoalStatus::kMet},           {"R3", GoalStatus::kMet},
      {"R4", GoalStatus::kNotAssessable},                                {"R5", GoalStatus::kMet},
      {"R6", GoalStatus::kNotMet},  {"R7", GoalStatus::kMet},           {"R8", GoalStatus::kMet},
      {"R9", GoalStatus::kNotMet},  {"R10", GoalStatus::kMet},          {"R11", GoalStatus::kNoTarget},
      {"R12", GoalStatus::kNotMet}, {"L1", GoalStatus::kNotMet},        {"L2", GoalStatus::kMet},
      {"L3", GoalStatus::kNotMet},  {"S1", GoalStatus::kMet},           {"S2", GoalStatus::kMet},
      {"S3", GoalStatus::kMet},     {"S4", GoalStatus::kMet}        , {"S5", GoalStatus::kMet},
      {"S6", GoalStatus::kMet},     {"S7", GoalStatus::kMet},           {"S8", GoalStatus::kNotMet},
      {"S9", GoalStatus::kMet},     {"S10", GoalStatus::kNotMet},       {"S11", GoalStatus::kNotMet},
  };
  ASSERT_EQ(want.size(), 44u);
  for (const auto& [id, status] : want) {
    EXPECT_EQ(GoalStatusCode(Ind(a, id).status), std::string(GoalStatusCode(status))) << id;
  }
  EXPECT_EQ(a.summary.total, 44);
  EXPECT_EQ(a.summary.met, 26);
  EXPECT_EQ(a.summary.not_met, 14);
  EXPECT_EQ(a.summary.no_target, 3);
  EXPECT_EQ(a.summary.not_assessable, 1);
  EXPECT_EQ(GoalSummaryLine(a.summary).id,
            "26 dari 44 indikator memenuhi sasaran (14 tidak memenuhi, 3 tanpa sasaran angka, 1 tidak dapat dinilai)");
  // Why S8 fails: E8 is below 10 % and S8 (11,11 %) does not beat S11 (12,5 %); S9 passes: 14,58 % > 12,5 %.
  EXPECT_NE(GoalReasonText(Ind(a, "S8"), Lang::kId).find("S11"), std::string::npos);
  // S11 is exactly inflasi 2,5 + 10: "> 12,5 %" is not met at 12,5 %, with a zero gap and a strict target.
  const IndicatorResult& s11 = Ind(a, "S11");
  EXPECT_TRUE(s11.strict);
  EXPECT_TRUE(s11.gap.IsZero());
  EXPECT_EQ(Compare(s11.target, Fraction{25, 2}), 0);
  // E8: 10 − 50/9 = 40/9 points short, upward.
  EXPECT_EQ(Ind(a, "E8").direction, 1);
  EXPECT_EQ(Compare(Ind(a, "E8").gap, Fraction{40, 9}), 0);
  // Stock ratios carry last year's value: P1 2024 = (90 + 130) / 50 = 440 %.
  ASSERT_TRUE(Ind(a, "P1").has_previous_value);
  EXPECT_EQ(Compare(Ind(a, "P1").previous_value, Fraction{440, 1}), 0);
  EXPECT_FALSE(Ind(a, "R9").has_previous_value);  // an average needs 2023 too
}

TEST(GoalsWorkedExample, AccuAdaptations) {
  const GoalAssessment a = AssessGoals(ReadExample(), "pearls-accu");
  EXPECT_EQ(a.summary.total, 13);
  // P1 and P2 are ideal, so BKCU's E1 deducts the required allowance: (7.400 − 117) / 9.000 = 80,92 % > 80 %.
  const IndicatorResult& e1 = Ind(a, "E1");
  EXPECT_TRUE(e1.used_variant);
  ExpectValue(a, "E1", 7283, 90);
  EXPECT_EQ(e1.status, GoalStatus::kNotMet);
  // R7 "at the market rate": 7,37 % is above 5 % + 1 %.
  EXPECT_EQ(Ind(a, "R7").status, GoalStatus::kNotMet);
  EXPECT_EQ(Ind(a, "R7").direction, -1);
  // S10 > 12 % (ACCU) instead of ≥ 15 %: 10,58 % still fails.
  EXPECT_EQ(Ind(a, "S10").status, GoalStatus::kNotMet);
  EXPECT_EQ(a.summary.met, 5);
  EXPECT_EQ(a.summary.not_met, 8);
}

TEST(GoalsWorkedExample, WithoutVariantConditionsE1UsesTheActualAllowance) {
  Laporan l = ReadExample();
  // Loans over 12 months 300 (juta): P1 = 250 / 300 < 100 %, so BKCU's variant does not apply.
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 300 * kJuta;
  const GoalAssessment a = AssessGoals(l, "pearls-accu");
  EXPECT_EQ(Ind(a, "P1").status, GoalStatus::kNotMet);
  EXPECT_EQ(Ind(a, "P2").status, GoalStatus::kNotMet);  // tied to P1 in ACCU
  EXPECT_FALSE(Ind(a, "E1").used_variant);
  ExpectValue(a, "E1", 715, 9);
  // WOCCU's R10 needs P1 and P2 met.
  EXPECT_EQ(Ind(AssessGoals(l), "R10").status, GoalStatus::kNotMet);
}

// A laporan where the income statement is consistent with the PEARLS cost lines: beban pokok is exactly the three
// financial costs and the non-recurring net equals −(beban lain + pajak). Then R8 − R9 − R10 + R11 = R12 exactly.
TEST(GoalsIdentity, R8MinusR9MinusR10PlusR11IsR12WhenLinesAreConsistent) {
  Laporan l = ReadExample();
  auto set = [&](const char* path, Sen v) { l.current.sen[size_t(FindLine(path))] = v; };
  set("pearls.pendapatan_tidak_berulang", 0);
  set("pearls.beban_tidak_berulang", 55 * kJuta);  // beban lain 10 + pajak 45
  const GoalAssessment a = AssessGoals(l);
  const auto v = [&](const char* id) { return Ind(a, id).value; };
  // All five share the denominator 8.500 juta; numerators in juta: 1.045 − 680 − 60 − 55 = 250 = SHU.
  // Exact: R8 − R9 − R10 + R11 as fractions.
  auto sub = [](const Fraction& x, const Fraction& y) {
    return Fraction::Of(CheckedSub(CheckedMul(x.num, y.den), CheckedMul(y.num, x.den)), CheckedMul(x.den, y.den));
  };
  auto add = [](const Fraction& x, const Fraction& y) {
    return Fraction::Of(CheckedAdd(CheckedMul(x.num, y.den), CheckedMul(y.num, x.den)), CheckedMul(x.den, y.den));
  };
  const Fraction combined = add(sub(sub(v("R8"), v("R9")), v("R10")), v("R11"));
  EXPECT_EQ(Compare(combined, v("R12")), 0) << FormatFractionPlain(combined, 0, 8) << " vs "
                                            << FormatFractionPlain(v("R12"), 0, 8);
}

TEST(GoalsInputs, AnnualisationScalesFlowsByTwelveOverMonths) {
  Laporan l = ReadExample();
  l.pearls.bulan = 9;
  const GoalAssessment a = AssessGoals(l);
  ExpectValue(a, "R9", 32, 3);         // 8 % × 12 / 9
  ExpectValue(a, "P4", 8, 7);          // 6/7 % × 12 / 9
  EXPECT_TRUE(Ind(a, "R9").annualised);
  ExpectValue(a, "E1", 715, 9);        // stocks are not annualised
  ExpectValue(a, "S11", 25, 2);        // nor growth
  bool warned = false;
  for (const Warning& w : a.warnings) warned = warned || w.code == "disetahunkan";
  EXPECT_TRUE(warned);
}

TEST(GoalsInputs, WithoutPreviousPeriodAveragesAndGrowthCannotBeAssessed) {
  Laporan l = ReadExample();
  l.has_previous = false;
  l.previous = Statements{};
  const GoalAssessment a = AssessGoals(l);
  for (const char* id : {"P4", "R1", "R9", "S10", "S11"}) {
    EXPECT_EQ(Ind(a, id).status, GoalStatus::kNotAssessable) << id;
    EXPECT_NE(GoalReasonText(Ind(a, id), Lang::kId).find("periode_lalu"), std::string::npos) << id;
  }
  for (const char* id : {"P1", "E1", "A1", "L1"}) EXPECT_NE(Ind(a, id).status, GoalStatus::kNotAssessable) << id;
  // R12 has no value either, but its goal "E9 met" fails anyway (E9 5,56 %+ is below 10 %).
  EXPECT_EQ(Ind(a, "R12").status, GoalStatus::kNotMet);
  EXPECT_NE(GoalReasonText(Ind(a, "R12"), Lang::kId).find("E9 belum memenuhi sasaran"), std::string::npos);
  // S1..S9 have no growth to read, but their goal is decided without it when the paired E ratio meets its goal
  // (E1 and E5 do here); S8's E8 does not, so S8 cannot be assessed.
  EXPECT_EQ(Ind(a, "S1").status, GoalStatus::kMet);
  EXPECT_EQ(Ind(a, "S5").status, GoalStatus::kMet);
  EXPECT_EQ(Ind(a, "S8").status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(Ind(a, "S8"), Lang::kId).find("periode_lalu"), std::string::npos);
}

TEST(GoalsInputs, PreviousPeriodWithoutItsPearlsBlockNamesWhatIsMissing) {
  Laporan l = ReadExample();
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].section == Section::kPearls) {
      l.previous.sen[size_t(i)] = 0;
      l.previous.present.reset(size_t(i));
    }
  }
  const GoalAssessment a = AssessGoals(l);
  EXPECT_EQ(Ind(a, "S10").status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(Ind(a, "S10"), Lang::kId).find("periode_lalu.pearls"), std::string::npos);
  EXPECT_EQ(Ind(a, "S11").status, GoalStatus::kNotMet);  // total assets come from periode_lalu.neraca
}

TEST(GoalsInputs, MissingRatesMakeTheirGoalsNotAssessable) {
  Laporan l = ReadExample();
  l.pearls.has_inflasi = false;
  l.pearls.has_suku_bunga_pasar = false;
  const GoalAssessment a = AssessGoals(l);
  EXPECT_EQ(Ind(a, "S11").status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(Ind(a, "S11"), Lang::kId).find("pearls.inflasi_persen"), std::string::npos);
  EXPECT_EQ(Ind(a, "R2").status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(Ind(a, "R2"), Lang::kId).find("pearls.suku_bunga_pasar_persen"), std::string::npos);
  // R5 has two conditions, both unknown: not assessable, never "met".
  EXPECT_EQ(Ind(a, "R5").status, GoalStatus::kNotAssessable);
}

TEST(GoalsInputs, AFailingConditionWinsOverAnUnknownOne) {
  Laporan l = ReadExample();
  l.pearls.has_suku_bunga_pasar = false;   // R5's ">= pasar" unknown
  l.pearls.inflasi_pct = Decimal{10, 0};   // R5 5,55 % is not > 10 %: fails
  const GoalAssessment a = AssessGoals(l);
  EXPECT_EQ(Ind(a, "R5").status, GoalStatus::kNotMet);
}

TEST(GoalsInputs, MissingPearlsBlockIsAProblem) {
  Laporan l = ReadExample();
  l.has_pearls = false;
  GoalAssessment a;
  Problems p;
  EXPECT_FALSE(EvaluateGoals(l, Goals("pearls-woccu"), &a, &p));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p.items()[0].path, "pearls");
  EXPECT_EQ(p.items()[0].code, "wajib_ada");
}

// Zero denominators follow the rulebook: P1 with no loans over 12 months late is met, not an error (reference
// §12.2); R4 with no non-financial investments cannot be assessed.
TEST(GoalsZero, DenominatorRulesFromTheRulebook) {
  Laporan l = ReadExample();
  auto set = [&](const char* path, Sen v) { l.current.sen[size_t(FindLine(path))] = v; };
  set("pearls.lalai_lebih_12_bulan", 0);
  set("pearls.lalai_1_12_bulan", 0);
  set("pearls.hapus_buku_kumulatif", 0);
  set("pearls.pemulihan_kumulatif", 0);
  // Keep the balance sheet as it is; lalai and charge-offs are memo lines.
  const GoalAssessment a = AssessGoals(l);
  for (const char* id : {"P1", "P2", "P5"}) {
    EXPECT_TRUE(Ind(a, id).zero_denominator) << id;
    EXPECT_EQ(Ind(a, id).status, GoalStatus::kMet) << id;
    EXPECT_FALSE(GoalReasonText(Ind(a, id), Lang::kId).empty()) << id;
  }
  EXPECT_EQ(Ind(a, "P3").status, GoalStatus::kMet);  // nothing left over 12 months
  EXPECT_EQ(Ind(a, "R4").status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(Ind(a, "R4"), Lang::kId).find("non-keuangan"), std::string::npos);
}

// A small goal rulebook to walk the goal edges exactly: one ratio kas / bank in percent with each operator.
std::unique_ptr<GoalRulebook> EdgeBook(const std::string& conditions) {
  const std::string text = R"(format = "kopsehat/sasaran-v1"
id = "uji"
versi = "1"
nama = "Uji"
sumber = "uji"
[[besaran]]
id = "bank2"
nama = "Bank"
rumus = "neraca.bank"
[[aspek]]
id = "X"
nama = "X"
[[indikator]]
id = "X1"
aspek = "X"
nama = "Kas ÷ bank"
pembilang = "neraca.kas"
penyebut = "bank2"
sasaran = [)" + conditions + R"(]
sasaran_teks = "uji"
sumber = "uji"
keyakinan = "tinggi"
)";
  Problems p;
  auto rb = LoadGoalRulebook(text, "uji.toml", &p);
  EXPECT_NE(rb, nullptr) << p.Render(Lang::kEn);
  return rb;
}

GoalStatus StatusAt(const GoalRulebook& rb, Sen kas, Sen bank) {
  Laporan l;
  l.current.sen[size_t(FindLine("neraca.kas"))] = kas;
  l.current.sen[size_t(FindLine("neraca.bank"))] = bank;
  GoalAssessment a;
  Problems p;
  EXPECT_TRUE(EvaluateGoals(l, rb, &a, &p)) << p.Render(Lang::kEn);
  return a.indicators.at(0).status;
}

TEST(GoalsEdges, EachOperatorJustBelowAtAndAbove) {
  // kas / bank × 100 with bank = 10.000 sen: kas 9.999 → 99,99 %, 10.000 → 100 %, 10.001 → 100,01 %.
  struct Row {
    const char* condition;
    GoalStatus below, at, above;
  };
  const GoalStatus M = GoalStatus::kMet, N = GoalStatus::kNotMet;
  for (const Row& row : {Row{"\">= 100\"", N, M, M}, Row{"\"> 100\"", N, N, M}, Row{"\"<= 100\"", M, M, N},
                         Row{"\"< 100\"", M, N, N}, Row{"\"= 100\"", N, M, N}}) {
    const auto rb = EdgeBook(row.condition);
    ASSERT_NE(rb, nullptr);
    EXPECT_EQ(StatusAt(*rb, 9'999, 10'000), row.below) << row.condition;
    EXPECT_EQ(StatusAt(*rb, 10'000, 10'000), row.at) << row.condition;
    EXPECT_EQ(StatusAt(*rb, 10'001, 10'000), row.above) << row.condition;
  }
}

TEST(GoalsEdges, RangeIsInclusiveAtBothEndsAndReportsTheNearSide) {
  const auto rb = EdgeBook("\">= 70\", \"<= 80\"");
  ASSERT_NE(rb, nullptr);
  EXPECT_EQ(StatusAt(*rb, 6'999, 10'000), GoalStatus::kNotMet);
  EXPECT_EQ(StatusAt(*rb, 7'000, 10'000), GoalStatus::kMet);
  EXPECT_EQ(StatusAt(*rb, 8'000, 10'000), GoalStatus::kMet);
  EXPECT_EQ(StatusAt(*rb, 8'001, 10'000), GoalStatus::kNotMet);
  Laporan l;
  l.current.sen[size_t(FindLine("neraca.kas"))] = 8'500;
  l.current.sen[size_t(FindLine("neraca.bank"))] = 10'000;
  GoalAssessment a;
  Problems p;
  ASSERT_TRUE(EvaluateGoals(l, *rb, &a, &p));
  EXPECT_EQ(a.indicators[0].direction, -1);
  EXPECT_EQ(Compare(a.indicators[0].gap, Fraction{5, 1}), 0);  // 85 % → 80 %
}

TEST(GoalsEdges, ZeroDenominatorWithoutARuleCannotBeAssessed) {
  const auto rb = EdgeBook("\">= 100\"");
  ASSERT_NE(rb, nullptr);
  EXPECT_EQ(StatusAt(*rb, 5, 0), GoalStatus::kNotAssessable);
}

TEST(GoalsEdges, AmountsAtTheLimitDoNotOverflow) {
  Laporan l = ReadExample();
  // Every pearls line at the Rp 10^15 limit: values are large but exact, or the assessment says it cannot
  // compute them; never a crash.
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].section == Section::kPearls) l.current.sen[size_t(i)] = kMaxAbsAmountSen;
  }
  GoalAssessment a;
  Problems p;
  const bool ok = EvaluateGoals(l, Goals("pearls-woccu"), &a, &p);
  if (!ok) {
    EXPECT_EQ(p.items().at(0).code, "terlalu_besar");
  }
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Review findings (issue 8): conditions that do not need the value decide even when there is none.
TEST(GoalsReview, AccuP2CannotBeMetWhileP1FailsEvenWithNoLoansOneToTwelveMonthsLate) {
  Laporan l = ReadExample();
  l.current.sen[size_t(FindLine("pearls.lalai_1_12_bulan"))] = 0;
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 400 * kJuta;  // P1 = 250 / 400 = 62,5 %
  const GoalAssessment accu = AssessGoals(l, "pearls-accu");
  EXPECT_EQ(Ind(accu, "P1").status, GoalStatus::kNotMet);
  EXPECT_TRUE(Ind(accu, "P2").zero_denominator);
  EXPECT_EQ(Ind(accu, "P2").status, GoalStatus::kNotMet);
  EXPECT_NE(GoalReasonText(Ind(accu, "P2"), Lang::kId).find("P1 belum memenuhi sasaran"), std::string::npos);
  // WOCCU's P2 has no such condition: the zero rule (met) applies, as documented.
  EXPECT_EQ(Ind(AssessGoals(l), "P2").status, GoalStatus::kMet);
}

TEST(GoalsReview, GrowthFromZeroIsMetWhenThePairedRatioIsAtItsGoal) {
  const GoalAssessment a = AssessGoals(ReadExample());
  EXPECT_EQ(Ind(a, "E4").status, GoalStatus::kMet);       // 0 % non-financial investments
  EXPECT_TRUE(Ind(a, "S4").zero_denominator);             // nothing last year either
  EXPECT_EQ(Ind(a, "S4").status, GoalStatus::kMet);
  Laporan l = ReadExample();
  l.current.sen[size_t(FindLine("pearls.investasi_non_keuangan"))] = 90 * kJuta;  // E4 1 %: above its goal
  const GoalAssessment b = AssessGoals(l);
  EXPECT_EQ(Ind(b, "E4").status, GoalStatus::kNotMet);
  EXPECT_EQ(Ind(b, "S4").status, GoalStatus::kNotAssessable);  // growth from nothing cannot be read
}

TEST(GoalsReview, APartialPeriodeLaluIsNotReadAsZeros) {
  Laporan l = ReadExample();
  // Last year's balance sheet with only kas: averages of total assets and growth would be nonsense.
  const int kas = FindLine("neraca.kas");
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].section == Section::kNeraca && i != kas) {
      l.previous.sen[size_t(i)] = 0;
      l.previous.present.reset(size_t(i));
    }
  }
  const GoalAssessment a = AssessGoals(l);
  for (const char* id : {"R9", "S11", "S5"}) EXPECT_TRUE(Ind(a, id).missing_previous) << id;
  for (const char* id : {"R9", "S11"}) EXPECT_EQ(Ind(a, id).status, GoalStatus::kNotAssessable) << id;
  EXPECT_EQ(Ind(a, "S5").status, GoalStatus::kMet);  // E5 is at its goal: S5's growth is not needed
  EXPECT_NE(GoalReasonText(Ind(a, "R9"), Lang::kId).find("periode_lalu.neraca.bank"), std::string::npos) << GoalReasonText(Ind(a, "R9"), Lang::kId);
  EXPECT_NE(Ind(a, "E1").status, GoalStatus::kNotAssessable);  // this year's stock ratios stand
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// A goal rulebook with the loader's most extreme constants (10^-30, 10^30) and coefficients (999999, 10^-12) is
// computed exactly: its sums of indicators and constants go beyond 128 bits only through CompareWithSum.
TEST(GoalsReview, ExtremeConstantsAndCoefficientsAreComputedExactly) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/fuzz/corpus-rulebook/goal-extreme-numbers.toml", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Problems p;
  const auto rb = LoadGoalRulebook(text, "extreme.toml", &p);
  ASSERT_NE(rb, nullptr) << p.Render(Lang::kEn);
  GoalAssessment a;
  ASSERT_TRUE(EvaluateGoals(ReadExample(), *rb, &a, &p)) << p.Render(Lang::kEn);
  EXPECT_EQ(a.indicators[0].status, GoalStatus::kMet);  // P1 inside (10^-30, 10^30)
}

// A ratio itself too large to print (here 100 × 999999 × 10^17 ÷ 10^-12 sen, near 10^37 %) is the rulebook's
// coefficients' doing: refused naming the indicator and the rulebook.
TEST(GoalsReview, OverflowNamesTheIndicatorAndTheRulebook) {
  const std::string text = R"(format = "kopsehat/sasaran-v1"
id = "uji-ekstrem"
versi = "1"
nama = "Uji"
sumber = "uji"
[[besaran]]
id = "kas2"
nama = "Kas"
rumus = "neraca.kas"
[[aspek]]
id = "X"
nama = "X"
[[indikator]]
id = "X1"
aspek = "X"
nama = "Kas ÷ bank"
pembilang = "999999 * kas2"
penyebut = "0.000000000001 * neraca.bank"
sasaran = [">= 1"]
sasaran_teks = "uji"
sumber = "uji"
keyakinan = "tinggi"
)";
  Problems p;
  const auto rb = LoadGoalRulebook(text, "extreme.toml", &p);
  ASSERT_NE(rb, nullptr) << p.Render(Lang::kEn);
  Laporan l = ReadExample();
  l.current.sen[size_t(FindLine("neraca.kas"))] = kMaxAbsAmountSen;
  l.current.sen[size_t(FindLine("neraca.bank"))] = 1;
  GoalAssessment a;
  ASSERT_FALSE(EvaluateGoals(l, *rb, &a, &p));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p.items()[0].code, "terlalu_besar");
  EXPECT_NE(p.items()[0].pesan.find("indikator "), std::string::npos) << p.items()[0].pesan;
  EXPECT_NE(p.items()[0].pesan.find(rb->id), std::string::npos) << p.items()[0].pesan;
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Issue 3: valid amounts at the format's extremes (savings of Rp 0,01 beside costs near 10^15) made R4 ≥ R1 and
// R7 ≥ R5 overflow in the report and R8 ≥ R9 + R10 be refused as a rulebook problem. The three laporan an independent
// check found (tests/fixtures/pearls-overflow/) now give exact verdicts, and every report prints them.
struct Reproducer {
  const char* file;
  const char* id;     // the indicator whose goal is another indicator
  const char* other;  // what it is compared with
};

const Reproducer kReproducers[] = {
    {"repro_r4_overflow.json", "R4", "R1"},
    {"repro_r7_overflow.json", "R7", "R5"},
    {"repro_r8_refused.json", "R8", "R9"},
};

TEST(GoalsOverflow, ReproducersGiveExactVerdictsAndPrint) {
  for (const Reproducer& rep : kReproducers) {
    SCOPED_TRACE(rep.file);
    const Laporan l = ReadLaporan(std::string("tests/fixtures/pearls-overflow/") + rep.file);
    for (const char* method : {"pearls-woccu", "pearls-accu"}) {
      GoalAssessment a;
      Problems p;
      ASSERT_TRUE(EvaluateGoals(l, Goals(method), &a, &p)) << method << ": " << p.Render(Lang::kEn);
      std::string json;
      AppendGoalJson(a, Lang::kId, &json);
      EXPECT_FALSE(RenderGoalTextReport(a, Lang::kId).empty());
      EXPECT_FALSE(RenderGoalTextReport(a, Lang::kEn).empty());
    }
    const GoalAssessment a = AssessGoals(l);
    const IndicatorResult& r = Ind(a, rep.id);
    ASSERT_TRUE(r.has_value) << GoalReasonText(r, Lang::kEn);
    EXPECT_EQ(r.status, GoalStatus::kNotMet);
    EXPECT_EQ(r.direction, 1);
    ASSERT_TRUE(r.has_gap);
    EXPECT_TRUE(FitsDisplay(r.gap));
    EXPECT_TRUE(FitsDisplay(r.target));
    // The target is the other indicator (R8: R9 + R10, with R10 = 0 here), and the distance is target − value,
    // both as the reports round them (4 decimals): exact, or floored at 12 decimals, which rounds the same.
    const Fraction other = Ind(a, rep.other).value;
    EXPECT_EQ(RoundHalfUp(r.target, 4), RoundHalfUp(other, 4));
    const Fraction distance[] = {other, Fraction{-r.value.num, r.value.den}};
    const i128 m = RoundHalfUp(r.gap, 4);
    EXPECT_LE(CompareWithSum(Fraction::Of(2 * m - 1, 20000), distance), 0);
    EXPECT_EQ(CompareWithSum(Fraction::Of(2 * m + 1, 20000), distance), 1);
  }
}

// R8 ≥ R9 + R10 at the extremes, one sen either side of the goal: R8, R9 and R10 share the average total assets
// (here an odd number of half sen near 8 × 10^14 Rupiah), so the goal is met exactly when the gross margin covers
// operating expenses.
TEST(GoalsOverflow, R8AgainstR9PlusR10IsExactOneSenEitherSide) {
  Laporan l = ReadLaporan("tests/fixtures/pearls-overflow/repro_r8_refused.json");
  auto at = [&](const char* path) -> Sen& { return l.current.sen[size_t(FindLine(path))]; };
  // Margin = partisipasi_bruto − 0 (no costs of funds besides biaya_simpanan_saham); R9 reads beban_usaha.
  at("pearls.biaya_simpanan_saham") = 0;
  at("hasil_usaha.beban_usaha") = 99'999'999'999'999'999;  // Rp 999.999.999.999.999,99
  at("pearls.beban_penyisihan") = 12'345'678'901'234'567;  // part of beban usaha: R9 + R10 is all of it
  for (const Sen delta : {Sen(-1), Sen(0), Sen(1)}) {
    at("hasil_usaha.partisipasi_bruto") = 99'999'999'999'999'999 + delta;
    const GoalAssessment a = AssessGoals(l);
    EXPECT_EQ(Ind(a, "R8").status, delta < 0 ? GoalStatus::kNotMet : GoalStatus::kMet) << delta;
  }
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Issue 1: a share of a negative amount has no meaning. A Kopdit with no loans but a DCR reserve of Rp 20 juta has
// negative (average) net loans: R1 was 0 % and "R4 (8 %) ≥ R1" was met.
TEST(GoalsNegative, NegativeAverageNetLoansLeaveR1AndR4WithoutAVerdict) {
  Laporan l = ReadExample();
  for (Statements* st : {&l.current, &l.previous}) {
    auto set = [&](const char* path, Sen v) {
      st->sen[size_t(FindLine(path))] = v;
      st->present.set(size_t(FindLine(path)));
    };
    set("neraca.pinjaman_anggota", 0);
    set("neraca.pinjaman_non_anggota", 0);
    set("neraca.penyisihan_pinjaman", 0);
    set("neraca.cadangan_tujuan_risiko", 20 * kJuta);
    set("pearls.lalai_1_12_bulan", 0);
    set("pearls.lalai_lebih_12_bulan", 0);
    set("pearls.investasi_non_keuangan", 100 * kJuta);
  }
  l.current.sen[size_t(FindLine("pearls.pendapatan_investasi_non_keuangan"))] = 8 * kJuta;
  const GoalAssessment a = AssessGoals(l);
  const IndicatorResult& r1 = Ind(a, "R1");
  EXPECT_FALSE(r1.has_value);
  EXPECT_TRUE(r1.negative_denominator);
  EXPECT_EQ(r1.status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(r1, Lang::kId).find("negatif"), std::string::npos) << GoalReasonText(r1, Lang::kId);
  EXPECT_NE(GoalReasonText(r1, Lang::kEn).find("negative"), std::string::npos) << GoalReasonText(r1, Lang::kEn);
  EXPECT_EQ(Compare(r1.denominator_sen, Fraction{-20 * kJuta, 1}), 0);  // shown with the reason
  const IndicatorResult& r4 = Ind(a, "R4");
  ExpectValue(a, "R4", 8, 1);
  EXPECT_EQ(r4.status, GoalStatus::kNotAssessable);
  EXPECT_NE(GoalReasonText(r4, Lang::kId).find("R1"), std::string::npos) << GoalReasonText(r4, Lang::kId);
  // E1 = (0 − 20 juta) / total aset is a real (negative) share of positive assets: it keeps its value.
  EXPECT_TRUE(Ind(a, "E1").has_value);
  EXPECT_EQ(Ind(a, "E1").status, GoalStatus::kNotMet);
}

// With negative total assets every share of total assets has no value (E1 was 100 %), and so has every goal that
// reads one: R8 ≥ R9 + R10, R12's "E9 met", S1–S9 through their E ratio.
TEST(GoalsNegative, NegativeTotalAssetsLeaveEveryShareOfThemWithoutAValue) {
  Laporan l = ReadExample();
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].side == BalanceSide::kAset) {
      l.current.sen[size_t(i)] = 0;
      l.previous.sen[size_t(i)] = 0;
    }
  }
  l.current.sen[size_t(FindLine("neraca.kas"))] = 10 * kJuta;
  l.previous.sen[size_t(FindLine("neraca.kas"))] = 10 * kJuta;
  l.current.sen[size_t(FindLine("neraca.penyisihan_pinjaman"))] = 30 * kJuta;   // total aset −20 juta
  l.previous.sen[size_t(FindLine("neraca.penyisihan_pinjaman"))] = 20 * kJuta;  // last year −10 juta
  l.current.sen[size_t(FindLine("pearls.lalai_1_12_bulan"))] = 0;
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 0;
  const GoalAssessment a = AssessGoals(l);
  for (const char* id : {"E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "A2", "L3", "R8", "R9", "R10", "R11",
                         "R12", "S11"}) {
    const IndicatorResult& r = Ind(a, id);
    EXPECT_FALSE(r.has_value) << id;
    EXPECT_TRUE(r.negative_denominator) << id;
    EXPECT_NE(GoalReasonText(r, Lang::kId).find("negatif"), std::string::npos) << id << ": " << GoalReasonText(r, Lang::kId);
    EXPECT_EQ(r.status, GoalStatus::kNotAssessable) << id;
  }
  // A growth rate whose paired ratio has no value cannot be read against it either.
  EXPECT_EQ(Ind(a, "S5").status, GoalStatus::kNotAssessable);
  EXPECT_EQ(GoalReasonText(Ind(a, "S11"), Lang::kId).find("nilai tahun lalu (Total aset tahun lalu) negatif"), 0u) << GoalReasonText(Ind(a, "S11"), Lang::kId);
}

// A condition that does not need the value still decides (docs/rulebook.md): R10's "P1 met" fails whatever the
// average assets are, and holds only together with a value.
TEST(GoalsNegative, AFailingConditionOnAnotherIndicatorStillDecides) {
  Laporan l = ReadExample();
  // PPAP 20.000 juta: total aset 9.000 + 100 − 20.000 = −10.900 juta, average with last year's 8.000 −1.450 juta.
  l.current.sen[size_t(FindLine("neraca.penyisihan_pinjaman"))] = 20'000 * kJuta;
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 30'000 * kJuta;  // P1 = 20.150 / 30.000
  const GoalAssessment a = AssessGoals(l);
  ASSERT_TRUE(Ind(a, "R10").negative_denominator);
  EXPECT_EQ(Ind(a, "P1").status, GoalStatus::kNotMet);
  EXPECT_EQ(Ind(a, "R10").status, GoalStatus::kNotMet);
  EXPECT_NE(GoalReasonText(Ind(a, "R10"), Lang::kId).find("P1 belum memenuhi sasaran"), std::string::npos) << GoalReasonText(Ind(a, "R10"), Lang::kId);
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 0;  // P1 and P2 met: R10 still has no value
  const GoalAssessment b = AssessGoals(l);
  EXPECT_EQ(Ind(b, "R10").status, GoalStatus::kNotAssessable);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Issue 2: one rule for missing last-year data, whether periode_lalu lacks the whole block, a section or a line, and
// whether this year's line is written as 0 or left out (laporan-v1: an omitted amount counts as 0). The worked
// example has no non-financial investments (E4 = 0 %, at its goal), so S4 is met by the rule "S1–S9 are met when
// their paired E ratio meets its goal" in every case.
Laporan ReadJson(const nlohmann::json& j) {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  EXPECT_TRUE(reader.Read(j.dump(), &l, &p)) << p.Render(Lang::kId);
  return l;
}

nlohmann::json ExampleJson() {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/kopdit-sinar-harapan-2025.json", std::ios::binary);
  return nlohmann::json::parse(in);
}

TEST(GoalsMissingLastYear, BlockSectionLineAndExplicitZeroFollowOneRule) {
  std::vector<std::pair<std::string, nlohmann::json>> cases;
  const nlohmann::json base = ExampleJson();
  cases.emplace_back("line left out both years", base);
  nlohmann::json zero = base;
  zero["pearls"]["investasi_non_keuangan"] = 0;
  cases.emplace_back("explicit 0 this year, left out last year", zero);
  nlohmann::json zero_both = zero;
  zero_both["periode_lalu"]["pearls"]["investasi_non_keuangan"] = 0;
  cases.emplace_back("explicit 0 both years", zero_both);
  nlohmann::json no_section = zero;
  no_section["periode_lalu"].erase("pearls");
  cases.emplace_back("periode_lalu.pearls absent", no_section);
  nlohmann::json no_block = zero;
  no_block.erase("periode_lalu");
  cases.emplace_back("periode_lalu absent", no_block);
  for (const auto& [name, j] : cases) {
    SCOPED_TRACE(name);
    const GoalAssessment a = AssessGoals(ReadJson(j));
    EXPECT_EQ(Ind(a, "E4").status, GoalStatus::kMet);
    EXPECT_EQ(Ind(a, "S4").status, GoalStatus::kMet);
    EXPECT_NE(GoalReasonText(Ind(a, "S4"), Lang::kId).find("E4 sudah memenuhi sasaran"), std::string::npos) << GoalReasonText(Ind(a, "S4"), Lang::kId);
    // R4 averages a line that is 0 this year and not given last year: 0, so there is nothing to divide by.
    EXPECT_EQ(Ind(a, "R4").status, GoalStatus::kNotAssessable);
    EXPECT_TRUE(Ind(a, "R4").zero_denominator);
  }
}

// The other side of the rule: a line that is not 0 this year and that periode_lalu does not give is unknown last
// year, however it is missing; the reason names it as coarsely as it is missing, and a goal that does not need the
// value still decides.
TEST(GoalsMissingLastYear, ANonZeroLineNotGivenLastYearIsUnknown) {
  nlohmann::json line = ExampleJson();
  line["pearls"]["investasi_non_keuangan"] = 90000000;  // E4 = 1 %: above its goal, so S4 needs its growth
  line["pearls"]["pendapatan_investasi_non_keuangan"] = 1000000;
  line["hasil_usaha"]["pendapatan_lain"] = 46000000;    // the investment incomes stay within pendapatan lain
  nlohmann::json no_section = line;
  no_section["periode_lalu"].erase("pearls");
  nlohmann::json no_block = line;
  no_block.erase("periode_lalu");
  const std::pair<nlohmann::json, std::string> cases[] = {
      {line, "periode_lalu.pearls.investasi_non_keuangan"},
      {no_section, "periode_lalu.pearls"},
      {no_block, "periode_lalu"},
  };
  for (const auto& [j, named] : cases) {
    SCOPED_TRACE(named);
    const GoalAssessment a = AssessGoals(ReadJson(j));
    EXPECT_EQ(Ind(a, "E4").status, GoalStatus::kNotMet);
    for (const char* id : {"R4", "S4"}) {
      const IndicatorResult& r = Ind(a, id);
      EXPECT_EQ(r.status, GoalStatus::kNotAssessable) << id;
      EXPECT_TRUE(r.missing_previous) << id;
      EXPECT_EQ(GoalReasonText(r, Lang::kId).rfind("perlu " + named + " ", 0), 0u) << id << ": " << GoalReasonText(r, Lang::kId);
    }
  }
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Issue 4: last year's value comes from last year's lines alone, with the same rules as this year's.
TEST(GoalsLastYear, ValueStandsWhenThisYearHasNone) {
  Laporan l = ReadExample();
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 0;  // no loans over 12 months late now
  const GoalAssessment a = AssessGoals(l);
  const IndicatorResult& p1 = Ind(a, "P1");
  EXPECT_FALSE(p1.has_value);
  EXPECT_TRUE(p1.zero_denominator);
  ASSERT_TRUE(p1.has_previous_value);
  EXPECT_EQ(Compare(p1.previous_value, Fraction{440, 1}), 0);  // (90 + 130) / 50 juta
  const std::string text = RenderGoalTextReport(a, Lang::kId);
  EXPECT_NE(text.find("tahun lalu: 440,00 %\n"), std::string::npos) << text;
  std::string json;
  AppendGoalJson(a, Lang::kId, &json);
  EXPECT_NE(json.find("\"nilai_persen\":null,\"pembilang\":\"250000000.00\",\"penyebut\":\"0.00\""), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"nilai_lalu_persen\":440,"), std::string::npos) << json;
}

// ACCU's E1 last year uses BKCU's conditional numerator when P1 and P2 met their goals last year, whatever this
// year's P1 and P2 do. 2024: P1 = 220 / 50 = 440 %, P2 = (220 − 50) / 200 = 85 %: both ideal, so E1 = (6.600 −
// (50 + 0,35 × 200)) / 8.000 = 81 %, not (6.600 − 220) / 8.000 = 79,75 %.
TEST(GoalsLastYear, AccuE1AppliesTheVariantByLastYearsVerdicts) {
  Laporan l = ReadExample();
  const GoalAssessment with = AssessGoals(l, "pearls-accu");
  EXPECT_TRUE(Ind(with, "E1").used_variant);
  ASSERT_TRUE(Ind(with, "E1").has_previous_value);
  EXPECT_TRUE(Ind(with, "E1").previous_used_variant);
  EXPECT_EQ(Compare(Ind(with, "E1").previous_value, Fraction{81, 1}), 0);
  // This year P1 fails (no variant now); last year's verdicts still call for it.
  l.current.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 300 * kJuta;
  const GoalAssessment now_without = AssessGoals(l, "pearls-accu");
  EXPECT_FALSE(Ind(now_without, "E1").used_variant);
  EXPECT_TRUE(Ind(now_without, "E1").previous_used_variant);
  EXPECT_EQ(Compare(Ind(now_without, "E1").previous_value, Fraction{81, 1}), 0);
  // Last year's P1 fails (allowance 220 against 300 over 12 months late): the actual allowance, 79,75 %.
  l.previous.sen[size_t(FindLine("pearls.lalai_lebih_12_bulan"))] = 300 * kJuta;
  const GoalAssessment then_without = AssessGoals(l, "pearls-accu");
  EXPECT_FALSE(Ind(then_without, "E1").previous_used_variant);
  EXPECT_EQ(Compare(Ind(then_without, "E1").previous_value, Fraction{319, 4}), 0);
  // WOCCU has no variant: 79,75 % either way.
  EXPECT_EQ(Compare(Ind(AssessGoals(ReadExample()), "E1").previous_value, Fraction{319, 4}), 0);
}

// The same rules as this year's: a zero or negative denominator or an unknown line leaves no value; averages and
// growth would need the year before.
TEST(GoalsLastYear, SameRulesAsThisYear) {
  Laporan l = ReadExample();
  const int likuid = FindLine("pearls.investasi_likuid");
  l.previous.sen[size_t(likuid)] = 0;
  l.previous.present.reset(size_t(likuid));  // 600 juta this year, not given last year: unknown
  l.previous.sen[size_t(FindLine("neraca.penyisihan_pinjaman"))] = 20'000 * kJuta;  // 2024 total aset negative
  const GoalAssessment a = AssessGoals(l);
  EXPECT_FALSE(Ind(a, "E2").has_previous_value);  // negative total assets, and the line is unknown anyway
  EXPECT_FALSE(Ind(a, "E1").has_previous_value);  // negative total assets
  EXPECT_TRUE(Ind(a, "P1").has_previous_value);   // allowance ÷ loans over 12 months: still a share
  EXPECT_FALSE(Ind(a, "L1").has_previous_value);  // reads investasi_likuid
  EXPECT_TRUE(Ind(a, "L2").has_previous_value);
  for (const char* id : {"R1", "R9", "P4", "S1", "S11"}) EXPECT_FALSE(Ind(a, id).has_previous_value) << id;
  // Without periode_lalu there is no last year at all.
  l.has_previous = false;
  l.previous = Statements{};
  const GoalAssessment b = AssessGoals(l);
  for (const IndicatorResult& r : b.indicators) EXPECT_FALSE(r.has_previous_value) << r.spec->id;
}

}  // namespace
}  // namespace kopsehat
