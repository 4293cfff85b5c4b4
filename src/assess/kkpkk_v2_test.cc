// Version 2 of the KKPKK method kkpkk-2021 (rules/kkpkk-2021.toml; decisions in docs/methods/kkpkk-2021.md): the
// examiner's own input workbook ("Sistem Input Kertas Kerja Pemeriksaan Kesehatan KSP KUK I dan II", August 2021)
// and its filled example, the KUK classes, the optional "rincian" lines, growth from a negative base, collateral
// above its class, and rounding for display only. Version 1 keeps its own suite (kkpkk_test.cc).
//
// The workbook example (tests/fixtures/kkpkk-lembar-kerja/contoh-lembar-kerja.json) is its Input sheet transcribed
// line by line, amounts rounded to the sen, with two adjustments the format needs: the workbook books its allowance
// (Rp 10.000.000) without a matching entry, so kewajiban lancar lain is 185.308.400 instead of 195.308.400 to balance;
// and the simpanan berjangka of 775.435.518,47337 is rounded up to ,48 so that the books balance to the sen.
// Expected values are the workbook's own results recomputed by hand (arithmetic beside them), never program output.
// Amounts in comments are rupiah; the engine works in sen = rupiah × 100.

#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "assess/assessment.h"
#include "assess/test_laporan.h"
#include "core/fraction.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "report/explain.h"
#include "rules/loader.h"
#include "rules/rulebook.h"

namespace kopsehat {
namespace {

using testing::Book;
using testing::Comp;
using testing::Quantity;
using testing::Set;

constexpr Sen kRp = 100;
constexpr Sen kJuta = 1'000'000 * kRp;

const std::string kWorkbookExample =
    std::string(KOPSEHAT_SOURCE_DIR) + "/tests/fixtures/kkpkk-lembar-kerja/contoh-lembar-kerja.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

nlohmann::json ExampleJson() { return nlohmann::json::parse(ReadFile(kWorkbookExample)); }

// The JSON through the reader; `problems` gets what it refused.
bool Read(const nlohmann::json& j, Laporan* l, Problems* problems) {
  LaporanJsonReader reader;
  return reader.Read(j.dump(), l, problems);
}

Laporan Example() {
  Laporan l;
  Problems p;
  if (!Read(ExampleJson(), &l, &p)) ADD_FAILURE() << "example refused: " << p.Render(Lang::kEn);
  return l;
}

Assessment AssessWith(const Laporan& l, const Rulebook& rb) {
  Problems p;
  Assessment a;
  if (!Evaluate(l, rb, EvaluateOptions{}, &a, &p)) ADD_FAILURE() << "Evaluate failed: " << p.Render(Lang::kEn);
  return a;
}

Assessment AssessV2(const Laporan& l) { return AssessWith(l, Book("kkpkk-2021")); }

const Rulebook& V1() {
  Problems p;
  const Rulebook* rb = EmbeddedRulebookVersion("kkpkk-2021", "1", &p);
  if (rb == nullptr) throw std::runtime_error("kkpkk-2021 version 1 is not embedded");
  return *rb;
}

bool HasWarning(const Assessment& a, std::string_view code, std::string_view path) {
  for (const Warning& w : a.warnings) {
    if (w.code == code && w.path == path) return true;
  }
  return false;
}

int Nilai(const ComponentResult& r) { return int(r.nilai_e2 / 100); }

const PoolResult& AspectPool(const Assessment& a, std::string_view id) {
  for (const AspectResult& r : a.aspects) {
    if (r.spec->id == id) return r.pool;
  }
  throw std::runtime_error("no aspect " + std::string(id));
}

const PoolResult& SubPool(const Assessment& a, std::string_view id) {
  for (const SubAspectResult& r : a.sub_aspects) {
    if (r.spec->id == id) return r.pool;
  }
  throw std::runtime_error("no sub-aspect " + std::string(id));
}

TEST(KkpkkV2, TheEmbeddedMethodIsVersion2AndVersion1IsKept) {
  EXPECT_EQ(Book("kkpkk-2021").version, "2");
  EXPECT_EQ(V1().version, "1");
  EXPECT_EQ(V1().id, "kkpkk-2021");
  Problems p;
  EXPECT_EQ(EmbeddedRulebookVersion("kkpkk-2021", "2", &p), &Book("kkpkk-2021"));
  EXPECT_EQ(EmbeddedRulebookVersion("kkpkk-2021", "0.9", &p), nullptr);
  EXPECT_TRUE(V1().required_lines.size() == 2);        // v1 needs the kegiatan deposits
  EXPECT_TRUE(Book("kkpkk-2021").required_lines.empty());  // v2 measures participation on balances
}

// §12.2 of the workbook: every nilai, in rulebook order (KUK 2, so without net profit margin), except pertumbuhan
// dana yang diterima, where the workbook's prior-year cell leaves modal penyertaan out (its 23.66 % → 1) and the
// fixed formula gives 190.000.000 ÷ 3.113.841.698,81 = 6.10 % → 3.
TEST(KkpkkV2WorkbookExample, EveryNilaiAsTheWorkbookComputesIt) {
  const Assessment a = AssessV2(Example());
  EXPECT_EQ(a.kuk, 2);  // equity 1.125 M ≥ 250 juta and assets 3.33 M ≥ 2.5 M: KUK 2 on both, suggested
  EXPECT_TRUE(a.kuk_suggested);
  const std::vector<int> expected = {
      // Tata kelola: prinsip 4 2 3 1 3 3 3, kelembagaan 3 1 1 3 2, manajemen 1 1 1 1 4
      4, 2, 3, 1, 3, 3, 3, 3, 1, 1, 3, 2, 1, 1, 1, 1, 4,
      // Profil risiko inheren: aset produktif ÷ TA 94.17 → 1; kredit ÷ aset produktif 89.96 → 3; 4 3 4 3 (lists);
      // aset likuid ÷ TA 9.76 → 3; ÷ KL 18.33 → 2; akses pendanaan 2/5 → 3
      1, 3, 4, 3, 4, 3, 3, 2, 3,
      // KPMR kredit 3 4 1, operasional 1 2 1, kepatuhan 1 2 1, likuiditas 1 1 1
      3, 4, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1,
      // Kinerja keuangan evaluasi: ROA 17.46, ROE 51.72, KO 184.52, BOPO 68.77 → 1; BU ÷ SHU kotor 54.19 → 2
      1, 1, 1, 1, 2,
      // manajemen: pinjaman anggota 100 → 1; NPL (0.5 × 200 juta) ÷ 2.825 juta = 3.54 → 1; cadangan 10 → 4;
      // kas (325.445.653,21 ÷ 1.775.402.114,48) 18.33 → 3; piutang ÷ dana diterima 85.51 → 2; lancar 178.23 → 1
      1, 1, 4, 3, 2, 1,
      // kesinambungan: aset 6.04 → 3; dana diterima 6.10 → 3 (fixed); ekuitas 21.61 → 1; SHU 52.34 → 1;
      // pendapatan utama 100 → 1; SHU ÷ (SP + SW) 101.86 → 1; partisipasi simpanan (saldo) 100 → 1
      3, 3, 1, 1, 1, 1, 1,
      // Permodalan: ekuitas ÷ TA 33.75, CAR 36.19, modal pinjaman anggota 46.74, KJP ÷ ekuitas 38.57 → 1
      1, 1, 1, 1};
  std::vector<int> got;
  std::vector<std::string> ids;
  for (const ComponentResult& r : a.components) {
    if (r.Informational()) continue;
    got.push_back(Nilai(r));
    ids.push_back(r.spec->id);
  }
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], expected[i]) << ids[i];
}

TEST(KkpkkV2WorkbookExample, RatiosExactly) {
  const Assessment a = AssessV2(Example());
  // Pertumbuhan dana yang diterima: (3.303.841.698,81 − 3.113.841.698,81) ÷ 3.113.841.698,81 (both years: all
  // liabilities and equity with modal penyertaan, less beban yang masih harus dibayar 31.158.196).
  EXPECT_EQ(Compare(Comp(a, "kinerja_keuangan.pertumbuhan_dana_diterima").ratio_pct,
                    Fraction::Of(i128(19'000'000'000) * 100, 311'384'169'881)),
            0);
  // Rasio kas: aset likuid (kas 1.543.069 + bank 323.902.584,21) ÷ kewajiban lancar (783.500.000 + 775.435.518,48 +
  // 31.158.196 + 185.308.400).
  EXPECT_EQ(Compare(Comp(a, "kinerja_keuangan.rasio_kas").ratio_pct,
                    Fraction::Of(i128(32'544'565'321) * 100, 177'540'211'448)),
            0);
  // NPL: 0.5 × 200.000.000 ÷ 2.825.000.000.
  EXPECT_EQ(Compare(Comp(a, "kinerja_keuangan.npl").ratio_pct, Fraction::Of(i128(100'000'000) * 100, 2'825'000'000)), 0);
  // Kredit ÷ aset produktif: 2.825.000.000 ÷ (325.445.653,21 + 2.825.000.000 − 10.000.000).
  EXPECT_EQ(Compare(Comp(a, "profil_risiko.pinjaman_aset_produktif").ratio_pct,
                    Fraction::Of(i128(282'500'000'000) * 100, 314'044'565'321)),
            0);
  // Kewajiban jangka panjang ÷ ekuitas: modal penyertaan 434.100.000 ÷ 1.125.497.780,33.
  EXPECT_EQ(Compare(Comp(a, "permodalan.kewajiban_jangka_panjang_ekuitas").ratio_pct,
                    Fraction::Of(i128(43'410'000'000) * 100, 112'549'778'033)),
            0);
  // PPAPWD: 0.5 % × (2.825.000.000 − 200.000.000) + 10 % × (200.000.000 − 100.000.000) = 13.125.000 + 10.000.000.
  EXPECT_EQ(Compare(Quantity(a, "ppapwd"), Fraction::Of(23'125'000 * kRp, 1)), 0);
}

TEST(KkpkkV2WorkbookExample, AspectsSubAspectsAndTheFinalScore) {
  const Assessment a = AssessV2(Example());
  // Σ skor ÷ max: TK 48/68, PR 60/84, KK 61/72, P 16/16.
  EXPECT_EQ(AspectPool(a, "tata_kelola").pct_e6, 70'590'000);        // 70.588…
  EXPECT_EQ(AspectPool(a, "profil_risiko").pct_e6, 71'430'000);      // 71.428…
  EXPECT_EQ(AspectPool(a, "kinerja_keuangan").pct_e6, 84'720'000);   // 84.722…
  EXPECT_EQ(AspectPool(a, "permodalan").pct_e6, 100'000'000);
  EXPECT_EQ(SubPool(a, "tata_kelola.prinsip").pct_e6, 57'140'000);   // 16/28
  EXPECT_EQ(SubPool(a, "tata_kelola.kelembagaan").pct_e6, 75'000'000);
  EXPECT_EQ(SubPool(a, "tata_kelola.manajemen").pct_e6, 85'000'000);
  EXPECT_EQ(SubPool(a, "profil_risiko.inheren").pct_e6, 52'780'000);  // 19/36
  EXPECT_EQ(SubPool(a, "profil_risiko.kpmr").pct_e6, 85'420'000);     // 41/48
  EXPECT_EQ(SubPool(a, "kinerja_keuangan.evaluasi").pct_e6, 95'000'000);
  EXPECT_EQ(SubPool(a, "kinerja_keuangan.manajemen").pct_e6, 75'000'000);
  EXPECT_EQ(SubPool(a, "kinerja_keuangan.kesinambungan").pct_e6, 85'710'000);  // 24/28
  EXPECT_EQ(a.Predikat().label, "SEHAT");
  EXPECT_EQ(a.PredikatOf(SubPool(a, "profil_risiko.inheren")).label, "DALAM PENGAWASAN");  // 52.78 ≥ 51
  // 0.30 × 48/68 × 100 + 0.15 × 60/84 × 100 + 0.40 × 61/72 × 100 + 0.15 × 100 = 80.7796…, shown 80.78; exactly
  // 30·48/68 + 15·60/84 + 40·61/72 + 15 = 360/17 + 75/7 + 305/9 + 15 = 77852/1071 + … (compared as fractions).
  const Fraction exact = Add(Add(Fraction::Of(30 * 48, 68), Fraction::Of(15 * 60, 84)),
                             Add(Fraction::Of(40 * 61, 72), Fraction::Of(15, 1)));
  EXPECT_EQ(Compare(a.exact_total, exact), 0);
  EXPECT_EQ(a.total_e6, 80'780'000);
}

// Version 1 as kept for stored results gives its own result on the same books (TK 70.59, PR 70.24, KK 84.72,
// final 80.60): it needs the deposits of the period, here the balances as the workbook reads them.
TEST(KkpkkV2WorkbookExample, Version1GivesItsOwnResult) {
  nlohmann::json j = ExampleJson();
  j["kegiatan"] = {{"setoran_simpanan_anggota", "1558935518.48"}, {"setoran_simpanan_total", "1558935518.48"}};
  Laporan l;
  Problems p;
  ASSERT_TRUE(Read(j, &l, &p)) << p.Render(Lang::kEn);
  const Assessment a = AssessWith(l, V1());
  EXPECT_EQ(AspectPool(a, "profil_risiko").pct_e6, 70'240'000);  // 59/84
  EXPECT_EQ(a.total_e6, 80'600'000);
}

// ---------------------------------------------------------------------------------------------------------------
// Growth from a negative base (penyebut_mutlak): equity from −180 to −300 juta is −66.67 % (nilai 4); from −300 to
// −180 juta it is +40 % (nilai 1). Ekuitas = SP 320.700.000 + SW 250.820.000 + SHU belum dibagi.

TEST(KkpkkV2, GrowthFromANegativeBaseKeepsItsDirection) {
  const Sen spsw = 571'520'000 * kRp;
  for (const auto& [prev_eq, now_eq, num, den, nilai] :
       std::vector<std::tuple<Sen, Sen, i128, i128, int>>{{-180 * kJuta, -300 * kJuta, -120, 180, 4},
                                                          {-300 * kJuta, -180 * kJuta, 120, 300, 1}}) {
    Laporan l = Example();
    Set(&l, "neraca.shu_belum_dibagi", now_eq - spsw);
    l.previous.sen[size_t(FindLine("neraca.shu_belum_dibagi"))] = prev_eq - spsw;
    const Assessment a = AssessV2(l);
    const ComponentResult& r = Comp(a, "kinerja_keuangan.pertumbuhan_ekuitas");
    EXPECT_EQ(Compare(r.ratio_pct, Fraction::Of(num * 100, den)), 0) << FormatFractionPlain(r.ratio_pct, 2, 4);
    EXPECT_EQ(Nilai(r), nilai);
    EXPECT_TRUE(HasWarning(a, "dasar_negatif", "kinerja_keuangan.pertumbuhan_ekuitas"));
    EXPECT_FALSE(HasWarning(a, "penyebut_negatif", "kinerja_keuangan.pertumbuhan_ekuitas"));
    const Warning* w = nullptr;
    for (const Warning& x : a.warnings) w = x.code == "dasar_negatif" ? &x : w;
    ASSERT_NE(w, nullptr);
    EXPECT_NE(WarningText(*w, a, Lang::kId).find("nilai mutlak"), std::string::npos);
  }
  // Version 1 kept the sign flip: a deepening loss read as growth (−120 ÷ −180 = +66.67 %, nilai 1).
  Laporan l = Example();
  Set(&l, "neraca.shu_belum_dibagi", -300 * kJuta - spsw);
  l.previous.sen[size_t(FindLine("neraca.shu_belum_dibagi"))] = -180 * kJuta - spsw;
  Set(&l, "kegiatan.setoran_simpanan_anggota", 0);
  Set(&l, "kegiatan.setoran_simpanan_total", 0);
  EXPECT_EQ(Nilai(Comp(AssessWith(l, V1()), "kinerja_keuangan.pertumbuhan_ekuitas")), 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Collateral above its class: accepted by the reader, counted as the class's balance (the class needs no allowance).

TEST(KkpkkV2, CollateralAboveItsClassIsAcceptedAndFloored) {
  nlohmann::json j = ExampleJson();
  j["pinjaman"]["agunan_kurang_lancar"] = "300000000";  // class balance 200.000.000
  Laporan l;
  Problems p;
  ASSERT_TRUE(Read(j, &l, &p)) << p.Render(Lang::kEn);
  const Assessment a = AssessV2(l);
  // 0.5 % × (2.825.000.000 − 200.000.000) + 10 % × max(0, 200.000.000 − 300.000.000) = 13.125.000.
  EXPECT_EQ(Compare(Quantity(a, "ppapwd"), Fraction::Of(13'125'000 * kRp, 1)), 0);
  EXPECT_TRUE(HasWarning(a, "agunan_melebihi_saldo", "pinjaman.agunan_kurang_lancar"));
  // Exactly the balance: no warning, the same PPAPWD.
  j["pinjaman"]["agunan_kurang_lancar"] = "200000000";
  ASSERT_TRUE(Read(j, &l, &p));
  const Assessment b = AssessV2(l);
  EXPECT_EQ(Compare(Quantity(b, "ppapwd"), Fraction::Of(13'125'000 * kRp, 1)), 0);
  EXPECT_FALSE(HasWarning(b, "agunan_melebihi_saldo", "pinjaman.agunan_kurang_lancar"));
}

// ---------------------------------------------------------------------------------------------------------------
// KUK: suggested from members, own capital and total assets (the highest class any criterion reaches), each edge.

struct KukCase {
  const char* what;
  Sen members;  // head count, -1 = not given
  Sen equity_rp;
  Sen assets_rp;
  int kuk;
};

TEST(KkpkkV2Kuk, SuggestionAtEveryEdge) {
  const std::vector<KukCase> cases = {
      {"nothing reaches KUK 2", 4999, 249'999'999, 2'499'999'999, 1},
      {"members 5000", 5000, 0, 0, 2},
      {"members 8999", 8999, 0, 0, 2},
      {"members 9000", 9000, 0, 0, 3},
      {"members 35000", 35000, 0, 0, 3},
      {"members 35001", 35001, 0, 0, 4},
      {"equity 250 juta", -1, 250'000'000, 0, 2},
      {"equity just below 15 M", -1, 14'999'999'999, 0, 2},
      {"equity 15 M", -1, 15'000'000'000, 0, 3},
      {"equity 40 M", -1, 40'000'000'000, 0, 3},
      {"equity above 40 M", -1, 40'000'000'001, 0, 4},
      {"assets 2.5 M", -1, 0, 2'500'000'000, 2},
      {"assets 100 M", -1, 0, 100'000'000'000, 3},
      {"assets 500 M", -1, 0, 500'000'000'000, 3},
      {"assets above 500 M", -1, 0, 500'000'000'001, 4},
      {"highest criterion wins", 100, 250'000'000, 100'000'000'000, 3},
  };
  const Rulebook& rb = Book("kkpkk-2021");
  for (const KukCase& c : cases) {
    Laporan l;
    // Equity = simpanan pokok; total assets = kas (the balance check is the reader's, not the engine's).
    Set(&l, "neraca.simpanan_pokok", c.equity_rp * kRp);
    Set(&l, "neraca.kas", c.assets_rp * kRp);
    if (c.members >= 0) Set(&l, "kegiatan.anggota", c.members * 100);
    EXPECT_EQ(SuggestedKuk(l, rb), c.kuk) << c.what;
  }
  EXPECT_EQ(SuggestedKuk(Laporan{}, Book("ksp-2016")), 0);  // a method without [kuk]
}

TEST(KkpkkV2Kuk, MembersAreReadAsAHeadCount) {
  nlohmann::json j = ExampleJson();
  j["kegiatan"] = {{"anggota", 9000}};
  Laporan l;
  Problems p;
  ASSERT_TRUE(Read(j, &l, &p)) << p.Render(Lang::kEn);
  EXPECT_EQ(SuggestedKuk(l, Book("kkpkk-2021")), 3);
}

TEST(KkpkkV2Kuk, TheExaminersClassWinsAndKuk3AddsNetProfitMargin) {
  Laporan l = Example();
  l.cooperative.kuk = 3;
  const Assessment a = AssessV2(l);
  EXPECT_EQ(a.kuk, 3);
  EXPECT_FALSE(a.kuk_suggested);
  EXPECT_FALSE(HasWarning(a, "kuk_disarankan", "koperasi.kuk"));
  // NPM = SHU 582.127.726,47 ÷ (2.306.428.809,84 + 4.953.771,01) = 25.19 % → 1; KK pools 19 indicators: 65/76.
  const ComponentResult& npm = Comp(a, "kinerja_keuangan.net_profit_margin");
  EXPECT_EQ(Nilai(npm), 1);
  EXPECT_EQ(AspectPool(a, "kinerja_keuangan").components, 19);
  EXPECT_EQ(AspectPool(a, "kinerja_keuangan").pct_e6, 85'530'000);  // 65/76 = 85.526…
  // KUK 2: 18 indicators and no NPM at all in the result.
  l.cooperative.kuk = 2;
  const Assessment b = AssessV2(l);
  EXPECT_EQ(AspectPool(b, "kinerja_keuangan").components, 18);
  EXPECT_THROW(Comp(b, "kinerja_keuangan.net_profit_margin"), std::runtime_error);
  // The suggestion, when the examiner gave none, says so.
  l.cooperative.kuk = 0;
  EXPECT_TRUE(HasWarning(AssessV2(l), "kuk_disarankan", "koperasi.kuk"));
}

TEST(KkpkkV2Kuk, TheReadersTakeKukOneToFour) {
  for (const auto& [value, ok, kuk] : std::vector<std::tuple<nlohmann::json, bool, int>>{
           {1, true, 1}, {4, true, 4}, {"3", true, 3}, {0, false, 0}, {5, false, 0}, {"III", false, 0},
           {2.5, false, 0}, {nlohmann::json::array(), false, 0}}) {
    nlohmann::json j = ExampleJson();
    j["koperasi"]["kuk"] = value;
    Laporan l;
    Problems p;
    EXPECT_EQ(Read(j, &l, &p), ok) << value.dump() << ": " << p.Render(Lang::kEn);
    if (ok) {
      EXPECT_EQ(l.cooperative.kuk, kuk);
    } else {
      EXPECT_NE(p.Render(Lang::kId).find("koperasi.kuk"), std::string::npos) << value.dump();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The optional "rincian" lines: present, absent (a default and a warning naming it), inconsistent (refused).

TEST(KkpkkV2Rincian, AbsentMemberSplitsAreAssumedAndSaid) {
  nlohmann::json j = ExampleJson();
  j["neraca"].erase("tabungan_anggota");
  j["hasil_usaha"].erase("beban_pokok_anggota");
  j["hasil_usaha"]["pendapatan_non_anggota"] = "0";
  Laporan l;
  Problems p;
  ASSERT_TRUE(Read(j, &l, &p)) << p.Render(Lang::kEn);
  const Assessment a = AssessV2(l);
  EXPECT_TRUE(HasWarning(a, "rincian_diasumsikan", "neraca.tabungan_anggota"));
  EXPECT_TRUE(HasWarning(a, "rincian_diasumsikan", "hasil_usaha.beban_pokok_anggota"));
  EXPECT_TRUE(HasWarning(a, "rincian_diasumsikan", "hasil_usaha.beban_usaha_anggota"));
  EXPECT_FALSE(HasWarning(a, "rincian_diasumsikan", "neraca.simpanan_berjangka_anggota"));  // given
  // Same result as with the splits given as the whole (the example's own figures).
  EXPECT_EQ(a.total_e6, 80'780'000);
  for (const Warning& w : a.warnings) {
    if (w.code != "rincian_diasumsikan") continue;
    const std::string text = WarningText(w, a, Lang::kId);
    EXPECT_NE(text.find("tidak diisi"), std::string::npos) << text;
  }
}

// beban usaha porsi anggota, when not given, is the members' share by income, rounded half up to the sen:
// 852.066.275,33 × 2.306.428.809,84 ÷ (2.306.428.809,84 + 300.000.000).
TEST(KkpkkV2Rincian, MembersShareOfOperatingExpensesByIncome) {
  Statements s;
  const auto set = [&](const char* path, Sen v) {
    s.sen[size_t(FindLine(path))] = v;
    s.present.set(size_t(FindLine(path)));
  };
  set("hasil_usaha.partisipasi_bruto", 230'642'880'984);
  set("hasil_usaha.pendapatan_non_anggota", 30'000'000'000);
  set("hasil_usaha.beban_usaha", 85'206'627'533);
  ApplyDefaults(&s);
  const i128 num = i128(85'206'627'533) * 230'642'880'984, den = i128(230'642'880'984) + 30'000'000'000;
  const i128 expected = num / den + ((num % den) * 2 >= den ? 1 : 0);
  EXPECT_EQ(s.Get(FindLine("hasil_usaha.beban_usaha_anggota")), Sen(expected));
  EXPECT_FALSE(s.present[size_t(FindLine("hasil_usaha.beban_usaha_anggota"))]);
  // Without non-member income the share is the whole; a given value is kept.
  set("hasil_usaha.pendapatan_non_anggota", 0);
  ApplyDefaults(&s);
  EXPECT_EQ(s.Get(FindLine("hasil_usaha.beban_usaha_anggota")), 85'206'627'533);
  set("hasil_usaha.beban_usaha_anggota", 1);
  ApplyDefaults(&s);
  EXPECT_EQ(s.Get(FindLine("hasil_usaha.beban_usaha_anggota")), 1);
}

TEST(KkpkkV2Rincian, APartAboveItsWholeIsRefused) {
  struct Case {
    const char* what;
    std::vector<std::pair<std::string, std::string>> set;  // "section.key" → amount
    const char* path;                                       // the refused line, "" = accepted
  };
  const std::vector<Case> cases = {
      {"members' savings above all savings", {{"neraca.tabungan_anggota", "783500000.01"}}, "neraca.tabungan_anggota"},
      {"equal is fine", {{"neraca.tabungan_anggota", "783500000"}}, ""},
      {"time deposits", {{"neraca.simpanan_berjangka_anggota", "800000000"}}, "neraca.simpanan_berjangka_anggota"},
      {"two parts of one whole above it",
       {{"neraca.titipan_dana_kebajikan_anggota", "100000000"}, {"neraca.utang_biaya", "90000000"}},
       "neraca.titipan_dana_kebajikan_anggota"},
      {"two parts within it", {{"neraca.titipan_dana_kebajikan_anggota", "100000000"}, {"neraca.utang_biaya", "85308400"}},
       ""},
      {"interest receivable without accrued income", {{"neraca.piutang_bunga", "1"}}, "neraca.piutang_bunga"},
      {"long-term placements without placements", {{"neraca.penempatan_jangka_panjang", "5"}},
       "neraca.penempatan_jangka_panjang"},
      {"long-term debt due within a year", {{"neraca.utang_jangka_panjang_jatuh_tempo", "5"}},
       "neraca.utang_jangka_panjang_jatuh_tempo"},
      {"members' direct cost", {{"hasil_usaha.beban_pokok_anggota", "734160000.59"}}, "hasil_usaha.beban_pokok_anggota"},
      {"members' operating expenses", {{"hasil_usaha.beban_usaha_anggota", "900000000"}},
       "hasil_usaha.beban_usaha_anggota"},
      {"earlier SHU may be negative and is not bounded", {{"neraca.shu_tahun_lalu", "-999999999"}}, ""},
      {"a negative member part", {{"neraca.tabungan_anggota", "-1"}}, "neraca.tabungan_anggota"},
  };
  for (const Case& c : cases) {
    nlohmann::json j = ExampleJson();
    for (const auto& [path, amount] : c.set) {
      const size_t dot = path.find('.');
      j[path.substr(0, dot)][path.substr(dot + 1)] = amount;
    }
    Laporan l;
    Problems p;
    const bool ok = Read(j, &l, &p);
    EXPECT_EQ(ok, std::string(c.path).empty()) << c.what << ": " << p.Render(Lang::kEn);
    if (!ok) {
      EXPECT_NE(p.Render(Lang::kId).find(c.path), std::string::npos) << c.what << ": " << p.Render(Lang::kId);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rounding for display only: a total of 79.9959 shows as 80,00 but is CUKUP SEHAT, with a warning; the same
// rulebook rounding first (version 1's way) calls it SEHAT. Two aspects: 15 % pooling 16 lists with Σ skor 55,
// 85 % pooling 19 lists with Σ skor 60: 15 × 55/64 + 85 × 60/76 = 12.890625 + 67.105263… = 79.995888….

std::string RoundingRulebook(const char* rounding) {
  std::string t = "format = \"kopsehat/rulebook-v1\"\nid = \"uji-pembulatan\"\nversi = \"1\"\nnama = \"Uji\"\n"
                  "sumber = \"uji\"\n[agregasi]\ncara = \"persentase_skor\"\nskor_maks = 4\npembulatan = \"";
  t += rounding;
  t += "\"\nnilai_daftar_periksa = [{ rentang = \"(75, +inf)\", nilai = 1 }, { rentang = \"(50, 75]\", nilai = 2 }, "
       "{ rentang = \"(25, 50]\", nilai = 3 }, { rentang = \"(-inf, 25]\", nilai = 4 }]\n"
       "[[besaran]]\nid = \"kas\"\nnama = \"Kas\"\nrumus = \"neraca.kas\"\n"
       "[[aspek]]\nid = \"a\"\nnama = \"A\"\nbobot = 15\n[[aspek]]\nid = \"b\"\nnama = \"B\"\nbobot = 85\n";
  for (int i = 0; i < 35; ++i) {
    t += "[[komponen]]\nid = \"k" + std::to_string(i) + "\"\naspek = \"" + (i < 16 ? "a" : "b") +
         "\"\njenis = \"daftar_periksa\"\nnama = \"K\"\nsumber = \"uji\"\nkeyakinan = \"tinggi\"\njawaban = \"uji.k" + std::to_string(i) +
         "\"\nbutir = [{ teks = \"1\" }, { teks = \"2\" }, { teks = \"3\" }, { teks = \"4\" }]\n";
  }
  t += "[[predikat]]\nminimal = 80\nlabel = \"SEHAT\"\nnama = \"Sehat\"\n[[predikat]]\nlabel = \"CUKUP SEHAT\"\n"
       "nama = \"Cukup sehat\"\n";
  return t;
}

// Lists answered so that aspect a's skor add up to 55 (13 lists of 4 items met → skor 4, 3 lists none → skor 1) and
// aspect b's to 60 (13 × 4 + 2 × 2 (2 met → nilai 3) + 4 × 1).
Laporan RoundingLaporan() {
  Laporan l;
  l.periode_akhir = "2025-12-31";
  l.checklist_sets = {"uji"};
  for (int i = 0; i < 35; ++i) {
    int met = 0;
    if (i < 16) met = i < 13 ? 4 : 0;
    else met = i < 29 ? 4 : (i < 31 ? 2 : 0);
    ChecklistAnswers c;
    c.set = "uji";
    c.key = "k" + std::to_string(i);
    for (int k = 0; k < 4; ++k) c.answers.push_back(k < met);
    c.given = 4;
    l.checklists.push_back(c);
  }
  return l;
}

TEST(KkpkkV2, PredikatFromTheExactValueNotTheRoundedOne) {
  Problems p;
  const std::unique_ptr<Rulebook> exact = LoadRulebook(RoundingRulebook("tampilan"), "uji", &p);
  const std::unique_ptr<Rulebook> rounded = LoadRulebook(RoundingRulebook("sebelum_predikat"), "uji", &p);
  ASSERT_TRUE(exact && rounded) << p.Render(Lang::kEn);
  const Assessment a = AssessWith(RoundingLaporan(), *exact);
  EXPECT_EQ(Compare(a.exact_total, Add(Fraction::Of(15 * 55, 64), Fraction::Of(85 * 60, 76))), 0);
  EXPECT_EQ(a.total_e6, 80'000'000);  // shown 80,00
  EXPECT_EQ(a.Predikat().label, "CUKUP SEHAT");
  ASSERT_TRUE(HasWarning(a, "pembulatan_melintasi_batas", "total"));
  for (const Warning& w : a.warnings) {
    if (w.code != "pembulatan_melintasi_batas") continue;
    const std::string text = WarningText(w, a, Lang::kId);
    EXPECT_NE(text.find("80,00"), std::string::npos) << text;
    EXPECT_NE(text.find("79,995"), std::string::npos) << text;
    EXPECT_NE(text.find("CUKUP SEHAT"), std::string::npos) << text;
  }
  const Assessment b = AssessWith(RoundingLaporan(), *rounded);
  EXPECT_EQ(b.total_e6, 80'000'000);
  EXPECT_EQ(b.Predikat().label, "SEHAT");
  EXPECT_FALSE(HasWarning(b, "pembulatan_melintasi_batas", "total"));
}

// ---------------------------------------------------------------------------------------------------------------
// A sharia cooperative assessed with kkpkk-2021 gets a warning that its sharia indicators are not covered.

TEST(KkpkkV2, ShariaCooperativeIsWarned) {
  Laporan l = Example();
  l.cooperative.jenis = "KSPPS";
  const Assessment a = AssessV2(l);
  ASSERT_TRUE(HasWarning(a, "jenis_tidak_tercakup", "koperasi.jenis"));
  for (const Warning& w : a.warnings) {
    if (w.code == "jenis_tidak_tercakup") {
      EXPECT_NE(WarningText(w, a, Lang::kId).find("syariah"), std::string::npos);
    }
  }
  l.cooperative.jenis = "USP";
  EXPECT_FALSE(HasWarning(AssessV2(l), "jenis_tidak_tercakup", "koperasi.jenis"));
}

// The nilai labels the workbook prints.
TEST(KkpkkV2, NilaiLabels) {
  const Rulebook& rb = Book("kkpkk-2021");
  ASSERT_NE(rb.NilaiLabel(100), nullptr);
  EXPECT_EQ(rb.NilaiLabel(100)->id, "Baik");
  EXPECT_EQ(rb.NilaiLabel(200)->id, "Cukup Baik");
  EXPECT_EQ(rb.NilaiLabel(300)->id, "Kurang Baik");
  EXPECT_EQ(rb.NilaiLabel(400)->id, "Tidak Baik");
  EXPECT_EQ(rb.NilaiLabel(500), nullptr);
  EXPECT_EQ(Book("ksp-2016").NilaiLabel(100), nullptr);
}

}  // namespace
}  // namespace kopsehat
