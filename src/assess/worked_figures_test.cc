// Every worked figure of reference/ksp-2016.md A.7 and the linear-variant figures of A.4 and
// ksp-2016-evidence.md §4, plus the predikat cut-offs of A.6 exactly at and 0.01 below 80, 66 and 51.
// Expected values are the published ones (or hand arithmetic written beside them), never the engine's.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "assess/assessment.h"
#include "assess/test_laporan.h"
#include "core/fraction.h"
#include "laporan/laporan.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

constexpr Sen kRp = 100;  // sen per rupiah

using testing::Answers;
using testing::Assess;
using testing::Blank;
using testing::Book;
using testing::Comp;
using testing::Quantity;
using testing::Set;

// The first `yes` answers of checklist `key` are 'ya', the rest 'tidak'.
void Yes(Laporan* l, std::string_view key, int yes) {
  for (ChecklistAnswers& c : l->checklists) {
    if (c.key != key) continue;
    for (size_t i = 0; i < c.answers.size(); ++i) c.answers[i] = int(i) < yes;
    return;
  }
  throw std::invalid_argument("no checklist " + std::string(key));
}

// The exact percent rounded half up to 2 decimals, as hundredths: 73.34 % → 7334 (what the theses print).
int64_t Pct2(const Fraction& x) { return int64_t(RoundHalfUp(x, 2)); }

// ---------------------------------------------------------------------------------------------------------------
// A.7 (and evidence §4), banded rulebook ksp-2016.

TEST(WorkedFiguresA7, MemberShareOfLending) {
  // 16,650,000 / 22,701,250 = 73.34 % → [50, 75) → nilai 75, skor 75 × 10 / 100 = 7.50.
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    Laporan l = Blank();
    Set(&l, "pinjaman.volume_anggota", 16'650'000 * kRp);
    Set(&l, "pinjaman.volume_total", 22'701'250 * kRp);
    const Assessment a = Assess(l, rb);
    const ComponentResult& r = Comp(a, "kap.pinjaman_anggota");
    EXPECT_EQ(Pct2(r.ratio_pct), 7334) << rb;
    EXPECT_EQ(r.nilai_e2, 7500) << rb;
    EXPECT_EQ(r.skor_e6, 7'500'000) << rb;
  }
}

TEST(WorkedFiguresA7, ProblemLoanRiskBanded) {
  // RPM 0.58 %: macet Rp 5,800,000 (RPM weight 100 %) over loans Rp 1,000,000,000 → (0, 10] → 80, skor 4.00.
  Laporan l = Blank();
  Set(&l, "pinjaman.macet", 5'800'000 * kRp);
  Set(&l, "neraca.pinjaman_anggota", 1'000'000'000 * kRp);
  const Assessment a = Assess(l, "ksp-2016");
  const ComponentResult& r = Comp(a, "kap.risiko_pinjaman_bermasalah");
  EXPECT_EQ(Compare(r.ratio_pct, Fraction{58, 100}), 0);
  EXPECT_EQ(r.nilai_e2, 8000);
  EXPECT_EQ(r.skor_e6, 4'000'000);
}

TEST(WorkedFiguresA7, ProblemLoanRiskBandedFromWeightedClasses) {
  // The same 0.58 % built from the three classes: 0.5 × 4,000,000 + 0.75 × 2,400,000 + 2,000,000 = 5,800,000.
  Laporan l = Blank();
  Set(&l, "pinjaman.kurang_lancar", 4'000'000 * kRp);
  Set(&l, "pinjaman.diragukan", 2'400'000 * kRp);
  Set(&l, "pinjaman.macet", 2'000'000 * kRp);
  Set(&l, "neraca.pinjaman_anggota", 600'000'000 * kRp);
  Set(&l, "neraca.pinjaman_non_anggota", 400'000'000 * kRp);
  const Assessment a = Assess(l, "ksp-2016");
  EXPECT_EQ(Compare(Quantity(a, "rpm"), Fraction{5'800'000 * kRp, 1}), 0);
  const ComponentResult& r = Comp(a, "kap.risiko_pinjaman_bermasalah");
  EXPECT_EQ(Compare(r.ratio_pct, Fraction{58, 100}), 0);
  EXPECT_EQ(r.nilai_e2, 8000);
  EXPECT_EQ(r.skor_e6, 4'000'000);
}

TEST(WorkedFiguresA7, ReserveCoverageBanded) {
  struct Case {
    Sen cadangan_rp;  // over RPM Rp 100,000,000
    int64_t pct_e2;
    int64_t nilai_e2;
    int64_t skor_e6;
  };
  // 46.94 % → (40, 50] → 50, skor 2.50; 24.94 % → (20, 30] → 30, 1.50; 97.85 % → > 90 → 100, 5.00.
  const Case cases[] = {{46'940'000, 4694, 5000, 2'500'000},
                        {24'940'000, 2494, 3000, 1'500'000},
                        {97'850'000, 9785, 10000, 5'000'000}};
  for (const Case& c : cases) {
    Laporan l = Blank();
    Set(&l, "neraca.penyisihan_pinjaman", c.cadangan_rp * kRp);
    Set(&l, "pinjaman.macet", 100'000'000 * kRp);
    const Assessment a = Assess(l, "ksp-2016");
    const ComponentResult& r = Comp(a, "kap.cadangan_risiko");
    EXPECT_EQ(Compare(r.ratio_pct, Fraction{c.pct_e2, 100}), 0) << c.pct_e2;
    EXPECT_EQ(r.nilai_e2, c.nilai_e2) << c.pct_e2;
    EXPECT_EQ(r.skor_e6, c.skor_e6) << c.pct_e2;
  }
}

TEST(WorkedFiguresA7, ReserveCoverageFromRiskReserveAndAllowance) {
  // cadangan_risiko = cadangan_tujuan_risiko + penyisihan_pinjaman: 20,000,000 + 26,940,000 = 46,940,000 → 46.94 %.
  Laporan l = Blank();
  Set(&l, "neraca.cadangan_tujuan_risiko", 20'000'000 * kRp);
  Set(&l, "neraca.penyisihan_pinjaman", 26'940'000 * kRp);
  Set(&l, "pinjaman.macet", 100'000'000 * kRp);
  const Assessment a = Assess(l, "ksp-2016");
  EXPECT_EQ(Compare(Quantity(a, "cadangan_risiko"), Fraction{46'940'000 * kRp, 1}), 0);
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").nilai_e2, 5000);
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").skor_e6, 2'500'000);
}

TEST(WorkedFiguresA7, RiskyLoanShare) {
  // 1.13 %: berisiko Rp 11,300,000 over loans Rp 1,000,000,000 → x < 21 → 100, skor 5.00.
  Laporan l = Blank();
  Set(&l, "pinjaman.berisiko", 11'300'000 * kRp);
  Set(&l, "neraca.pinjaman_anggota", 1'000'000'000 * kRp);
  const Assessment a = Assess(l, "ksp-2016");
  const ComponentResult& r = Comp(a, "kap.pinjaman_berisiko");
  EXPECT_EQ(Compare(r.ratio_pct, Fraction{113, 100}), 0);
  EXPECT_EQ(r.nilai_e2, 10000);
  EXPECT_EQ(r.skor_e6, 5'000'000);
}

TEST(WorkedFiguresA7, AtmrKspTaniMakmur2013) {
  // evidence §5.2: 0 × 801,696,804 + 0.2 × 5,000,000 + 185,000,000 + 1,648,440,568 + 500,000 + 0.7 × 39,401,119
  //   = 1,000,000 + 185,000,000 + 1,648,440,568 + 500,000 + 27,580,783.3 = 1,862,521,351.30
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    Laporan l = Blank();
    Set(&l, "neraca.kas", 801'696'804 * kRp);
    Set(&l, "neraca.simpanan_di_lembaga_lain", 5'000'000 * kRp);
    Set(&l, "neraca.pinjaman_anggota", 185'000'000 * kRp);
    Set(&l, "neraca.pinjaman_non_anggota", 1'648'440'568 * kRp);
    Set(&l, "neraca.penyertaan", 500'000 * kRp);
    Set(&l, "neraca.aset_tetap_bersih", 39'401'119 * kRp);
    const Assessment a = Assess(l, rb);
    EXPECT_EQ(Compare(Quantity(a, "atmr"), Fraction{186'252'135'130, 1}), 0) << rb;  // Rp 1,862,521,351.30
    // The same figure is the denominator of permodalan.kecukupan_modal.
    EXPECT_EQ(Compare(Comp(a, "permodalan.kecukupan_modal").denominator_sen, Fraction{186'252'135'130, 1}), 0) << rb;
    // Split cash between kas and bank: same ATMR (both weigh 0 %).
    Set(&l, "neraca.kas", 1'696'804 * kRp);
    Set(&l, "neraca.bank", 800'000'000 * kRp);
    EXPECT_EQ(Compare(Quantity(Assess(l, rb), "atmr"), Fraction{186'252'135'130, 1}), 0) << rb;
  }
}

TEST(WorkedFiguresA7, ModalTertimbangKspTaniMakmur2014) {
  // evidence §5.2: equity 3,300,000 + 16,460,000 + 0.5 × 12,500,000 + 150,863,000 + 0.5 × 18,991,900
  //   + 0.5 × 50,727,061 = 211,732,480.5; liabilities 0.5 × (2,488,191,281 + 77,724,854 + 52,742,254 + 157,500,000)
  //   = 0.5 × 2,776,158,389 = 1,388,079,194.5; total 1,599,811,675.00.
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    Laporan l = Blank();
    Set(&l, "neraca.simpanan_pokok", 3'300'000 * kRp);
    Set(&l, "neraca.simpanan_wajib", 16'460'000 * kRp);
    Set(&l, "neraca.modal_penyertaan", 12'500'000 * kRp);
    Set(&l, "neraca.cadangan_umum", 150'863'000 * kRp);
    Set(&l, "neraca.cadangan_tujuan_risiko", 18'991'900 * kRp);
    Set(&l, "neraca.shu_belum_dibagi", 50'727'061 * kRp);
    Set(&l, "neraca.tabungan", 2'488'191'281 * kRp);
    Set(&l, "neraca.simpanan_berjangka", 77'724'854 * kRp);
    Set(&l, "neraca.beban_masih_harus_dibayar", 52'742'254 * kRp);
    Set(&l, "neraca.dana_yang_diterima", 157'500'000 * kRp);
    const Assessment a = Assess(l, rb);
    EXPECT_EQ(Compare(Quantity(a, "modal_tertimbang"), Fraction{159'981'167'500, 1}), 0) << rb;
    EXPECT_EQ(Compare(Comp(a, "permodalan.kecukupan_modal").numerator_sen, Fraction{159'981'167'500, 1}), 0) << rb;
  }
}

TEST(WorkedFiguresA7, KpriNagaraCapitalAdequacyBanded) {
  // evidence §4: 1,331,473,063 / 1,204,854,973 = 110.51 %; 1,489,431,862 / 1,397,000,401 = 106.62 %;
  // 1,655,585,332 / 1,390,135,379 = 119.10 % → x ≥ 8 → 100, skor 3.00 each.
  struct Case {
    Sen mt, atmr;
    int64_t pct_e2;
  };
  const Case cases[] = {{1'331'473'063, 1'204'854'973, 11051},
                        {1'489'431'862, 1'397'000'401, 10662},
                        {1'655'585'332, 1'390'135'379, 11910}};
  for (const Case& c : cases) {
    Laporan l = Blank();
    Set(&l, "neraca.simpanan_pokok", c.mt * kRp);       // modal_tertimbang at 100 %
    Set(&l, "neraca.pinjaman_anggota", c.atmr * kRp);  // atmr at 100 %
    const Assessment a = Assess(l, "ksp-2016");
    const ComponentResult& r = Comp(a, "permodalan.kecukupan_modal");
    EXPECT_EQ(Pct2(r.ratio_pct), c.pct_e2);
    EXPECT_EQ(r.nilai_e2, 10000);
    EXPECT_EQ(r.skor_e6, 3'000'000);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A.4 and evidence §4: KPRI Nagara, linear variant (and, for contrast, the banded values of A.3).

struct NagaraCase {
  Sen num, den;     // rupiah
  int64_t pct_e2;   // as printed, 2 decimals
  int64_t r;        // round half up
  int64_t linear_nilai;
  int64_t linear_skor_e6;
  int64_t table_nilai;  // the same ratio in the A.3 table
};

TEST(WorkedFiguresLinear, KpriNagaraRpm) {
  // nilai = max(0, 100 − 2·r); skor = nilai × 5 / 100.
  const NagaraCase cases[] = {
      {49'904'008, 1'190'916'827, 419, 4, 92, 4'600'000, 80},  // 4.19 % → 100 − 8 = 92 → 4.60 (also the A.4 example)
      {21'631'466, 1'383'269'177, 156, 2, 96, 4'800'000, 80},  // 1.56 % → 100 − 4 = 96 → 4.80
      {9'915'000, 1'376'939'305, 72, 1, 98, 4'900'000, 80},    // 0.72 % → 100 − 2 = 98 → 4.90
  };
  for (const NagaraCase& c : cases) {
    SCOPED_TRACE(std::to_string(c.num) + " / " + std::to_string(c.den));
    Laporan l = Blank();
    Set(&l, "pinjaman.macet", c.num * kRp);
    Set(&l, "neraca.pinjaman_anggota", c.den * kRp);
    const Assessment lin = Assess(l, "ksp-2016-linear");
    const ComponentResult& r = Comp(lin, "kap.risiko_pinjaman_bermasalah");
    EXPECT_EQ(Pct2(r.ratio_pct), c.pct_e2);
    EXPECT_EQ(r.linear_r, c.r);
    EXPECT_EQ(r.nilai_e2, c.linear_nilai * 100);
    EXPECT_EQ(r.skor_e6, c.linear_skor_e6);
    const Assessment tab = Assess(l, "ksp-2016");
    EXPECT_EQ(Comp(tab, "kap.risiko_pinjaman_bermasalah").nilai_e2, c.table_nilai * 100);
  }
}

TEST(WorkedFiguresLinear, KpriNagaraCadangan) {
  // nilai = min(100, max(0, r)); skor = nilai × 5 / 100.
  const NagaraCase cases[] = {
      {15'591'299, 49'904'008, 3124, 31, 31, 1'550'000, 40},    // 31.24 % → 31 → 1.55; table (30, 40] → 40
      {17'500'794, 21'631'466, 8090, 81, 81, 4'050'000, 90},    // 80.90 % → 81 → 4.05 (the A.4 example); table 90
      {19'543'954, 9'915'000, 19712, 197, 100, 5'000'000, 100},  // 197.12 % → 100 → 5.00; table > 90 → 100
  };
  for (const NagaraCase& c : cases) {
    SCOPED_TRACE(std::to_string(c.num) + " / " + std::to_string(c.den));
    Laporan l = Blank();
    Set(&l, "neraca.penyisihan_pinjaman", c.num * kRp);
    Set(&l, "pinjaman.macet", c.den * kRp);
    const Assessment lin = Assess(l, "ksp-2016-linear");
    const ComponentResult& r = Comp(lin, "kap.cadangan_risiko");
    EXPECT_EQ(Pct2(r.ratio_pct), c.pct_e2);
    EXPECT_EQ(r.linear_r, c.r);
    EXPECT_EQ(r.nilai_e2, c.linear_nilai * 100);
    EXPECT_EQ(r.skor_e6, c.linear_skor_e6);
    const Assessment tab = Assess(l, "ksp-2016");
    EXPECT_EQ(Comp(tab, "kap.cadangan_risiko").nilai_e2, c.table_nilai * 100);
  }
}

TEST(WorkedFiguresLinear, KpriNagaraOwnCapitalToRiskyLoans) {
  // evidence §4: 112 / 107 / 118 % → 100, skor 6 each year, in both rulebooks.
  for (const Sen pct : {112, 107, 118}) {
    for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
      Laporan l = Blank();
      Set(&l, "neraca.simpanan_pokok", pct * 1'000'000 * kRp);
      Set(&l, "pinjaman.berisiko", 100'000'000 * kRp);
      const ComponentResult r = Comp(Assess(l, rb), "permodalan.modal_sendiri_pinjaman_berisiko");
      EXPECT_EQ(r.nilai_e2, 10000) << rb << " " << pct;
      EXPECT_EQ(r.skor_e6, 6'000'000) << rb << " " << pct;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A.6 predikat cut-offs. One laporan (amounts in millions of rupiah, M = 10^8 sen) whose components are known:
//
//   kas 120, tabungan 1,000, pinjaman_anggota 1,500, simpanan_pokok 300, volume_total 1,500, partisipasi_bruto 400,
//   beban_pokok 100, beban_usaha 100, shu_bagian_anggota 80; knobs: volume_anggota, berisiko, macet,
//   biaya_karyawan, beban_lain.
//
//   fixed (knobs at their "good" setting, berisiko ∈ [465, 1,500] so that berisiko / loans ≥ 31 %):
//   modal_sendiri / total_aset 300 / 1,620 = 18.5 % → 25 × 6 = 1.50;  kecukupan (300 + 0.5 × 1,000) / 1,500
//   = 53.3 % → 3.00;  pinjaman_berisiko ≥ 31 % → 25 × 5 = 1.25;  beban operasi 200 / 400 = 50 % → 4.00;
//   beban usaha / SHU kotor 100 / 300 = 33.3 % → 4.00;  kas 120 / 1,000 = 12 % → 10.00;  pinjaman / dana
//   1,500 / 1,300 = 115 % → 5.00;  ROA 200 / 1,620 = 12.3 % → 3.00;  SHU anggota / modal 80 / 300 = 26.7 % → 3.00;
//   operasional 300 / 100 = 300 % → 4.00;  partisipasi bruto 100 % → 7.00;  PEA 80 / 300 = 26.7 % → 3.00.
//   Sum 48.75.
//   knobs: volume_anggota 1,500 → 100 % → 10.00 (0 → 0.00);  biaya_karyawan 30 → 2 % → 2.00 (300 → 20 % → 0);
//   beban_lain 0 → ROA as above (200 → SHU sebelum pajak 0 → 0 % → 25 × 3 = 0.75, i.e. −2.25);
//   macet 0 → RPM 0 % → 5.00 and cadangan 0 / 0 → 100 → 5.00;  macet 750 → RPM 50 % → 0 (both rulebooks) and
//   cadangan 0 / 750 = 0 % → 0;  berisiko 600 → modal / berisiko 50 % → 50 × 6 = 3.00 (both rulebooks);
//   berisiko 555.55555556 → 53.9999… % → linear r = 54 → 3.24 (table [50, 60) → 3.00).

constexpr Sen kM = 100'000'000;  // one million rupiah in sen

struct PredikatCase {
  const char* name;
  Sen volume_anggota, berisiko, macet, biaya_karyawan, beban_lain;
  int umum, kelembagaan, permodalan;
  int64_t linear_total_e6;
  const char* linear_label;
  int64_t table_total_e6;
  const char* table_label;
};

Laporan PredikatLaporan(const PredikatCase& c) {
  Laporan l = Blank();
  Set(&l, "neraca.kas", 120 * kM);
  Set(&l, "neraca.tabungan", 1'000 * kM);
  Set(&l, "neraca.pinjaman_anggota", 1'500 * kM);
  Set(&l, "neraca.simpanan_pokok", 300 * kM);
  Set(&l, "pinjaman.volume_total", 1'500 * kM);
  Set(&l, "hasil_usaha.partisipasi_bruto", 400 * kM);
  Set(&l, "hasil_usaha.beban_pokok", 100 * kM);
  Set(&l, "hasil_usaha.beban_usaha", 100 * kM);
  Set(&l, "hasil_usaha.shu_bagian_anggota", 80 * kM);
  Set(&l, "pinjaman.volume_anggota", c.volume_anggota);
  Set(&l, "pinjaman.berisiko", c.berisiko);
  Set(&l, "pinjaman.macet", c.macet);
  Set(&l, "hasil_usaha.biaya_karyawan", c.biaya_karyawan);
  Set(&l, "hasil_usaha.beban_lain", c.beban_lain);
  Yes(&l, "umum", c.umum);
  Yes(&l, "kelembagaan", c.kelembagaan);
  Yes(&l, "permodalan", c.permodalan);
  return l;
}

constexpr Sen kB50 = 600 * kM;          // modal 300 / berisiko 600 = 50 % exactly
constexpr Sen kB54 = 55'555'555'556;    // 30,000,000,000 / 55,555,555,556 = 53.99999999957 % → r = 54

TEST(WorkedFiguresPredikat, CutOffs) {
  const PredikatCase cases[] = {
      // 48.75 + 10 (volume) + 2 (biaya karyawan) + 5 (RPM) + 5 (cadangan) + 3.00 (modal / berisiko)
      //   + umum 1 × 0.25 + kelembagaan 6 × 0.5 + permodalan 5 × 0.6 = 80.00
      {"80.00", 1'500 * kM, kB50, 0, 30 * kM, 0, 1, 6, 5, 80'000'000, "SEHAT", 80'000'000, "SEHAT"},
      // 48.75 + 10 + 2 + 5 + 5 + 3.24 + 3 + 3 = 79.99 (table: 3.00 instead of 3.24 → 79.75)
      {"79.99", 1'500 * kM, kB54, 0, 30 * kM, 0, 0, 6, 5, 79'990'000, "CUKUP SEHAT", 79'750'000, "CUKUP SEHAT"},
      // 48.75 + 10 + 2 + 0 (RPM) + 0 (cadangan) + 3.00 + umum 9 × 0.25 = 66.00
      {"66.00", 1'500 * kM, kB50, 750 * kM, 30 * kM, 0, 9, 0, 0, 66'000'000, "CUKUP SEHAT", 66'000'000,
       "CUKUP SEHAT"},
      // 48.75 + 10 + 2 + 0 + 0 + 3.24 + umum 8 × 0.25 = 65.99 (table 65.75)
      {"65.99", 1'500 * kM, kB54, 750 * kM, 30 * kM, 0, 8, 0, 0, 65'990'000, "DALAM PENGAWASAN", 65'750'000,
       "DALAM PENGAWASAN"},
      // 48.75 − 2.25 (ROA 0.75 instead of 3.00) + 0 (volume) + 0 (biaya karyawan) + 0 (RPM) + 0 (cadangan)
      //   + 3.00 + umum 6 × 0.25 = 51.00
      {"51.00", 0, kB50, 750 * kM, 300 * kM, 200 * kM, 6, 0, 0, 51'000'000, "DALAM PENGAWASAN", 51'000'000,
       "DALAM PENGAWASAN"},
      // 48.75 − 2.25 + 3.24 + umum 5 × 0.25 = 50.99 (table 50.75)
      {"50.99", 0, kB54, 750 * kM, 300 * kM, 200 * kM, 5, 0, 0, 50'990'000, "DALAM PENGAWASAN KHUSUS", 50'750'000,
       "DALAM PENGAWASAN KHUSUS"},
  };
  for (const PredikatCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Laporan l = PredikatLaporan(c);
    const Assessment lin = Assess(l, "ksp-2016-linear");
    EXPECT_EQ(lin.total_e6, c.linear_total_e6);
    EXPECT_EQ(lin.Predikat().label, c.linear_label);
    const Assessment tab = Assess(l, "ksp-2016");
    EXPECT_EQ(tab.total_e6, c.table_total_e6);
    EXPECT_EQ(tab.Predikat().label, c.table_label);
  }
}

TEST(WorkedFiguresPredikat, KnownComponentsOfTheConstruction) {
  // The 79.99 case, component by component (linear rulebook), so a failing total points at its cause.
  const PredikatCase c{"79.99", 1'500 * kM, kB54, 0, 30 * kM, 0, 0, 6, 5, 0, "", 0, ""};
  const Assessment a = Assess(PredikatLaporan(c), "ksp-2016-linear");
  const struct {
    const char* id;
    int64_t skor_e6;
  } expected[] = {
      {"permodalan.modal_sendiri_total_aset", 1'500'000}, {"permodalan.modal_sendiri_pinjaman_berisiko", 3'240'000},
      {"permodalan.kecukupan_modal", 3'000'000},          {"kap.pinjaman_anggota", 10'000'000},
      {"kap.risiko_pinjaman_bermasalah", 5'000'000},      {"kap.cadangan_risiko", 5'000'000},
      {"kap.pinjaman_berisiko", 1'250'000},               {"manajemen.umum", 0},
      {"manajemen.kelembagaan", 3'000'000},               {"manajemen.permodalan", 3'000'000},
      {"manajemen.aktiva", 0},                            {"manajemen.likuiditas", 0},
      {"efisiensi.beban_operasi_anggota", 4'000'000},     {"efisiensi.beban_usaha_shu_kotor", 4'000'000},
      {"efisiensi.pelayanan", 2'000'000},                 {"likuiditas.kas", 10'000'000},
      {"likuiditas.pinjaman_dana_diterima", 5'000'000},   {"kemandirian.rentabilitas_aset", 3'000'000},
      {"kemandirian.rentabilitas_modal_sendiri", 3'000'000}, {"kemandirian.operasional_pelayanan", 4'000'000},
      {"jatidiri.partisipasi_bruto", 7'000'000},          {"jatidiri.promosi_ekonomi_anggota", 3'000'000},
  };
  for (const auto& e : expected) EXPECT_EQ(Comp(a, e.id).skor_e6, e.skor_e6) << e.id;
  EXPECT_EQ(a.total_e6, 79'990'000);
}

}  // namespace
}  // namespace kopsehat
