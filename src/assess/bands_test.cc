// Every band edge of every ratio component of ksp-2016 and ksp-2016-linear, checked just below, exactly at and just
// above the edge. The expected tables are written out here BY HAND from reference/ksp-2016.md A.3 (band tables) and
// A.4 (linear rules); they are deliberately not read from the rulebook, so a wrong edge in rules/*.toml fails here.
//
// Construction: every component gets a setter that fills only the laporan lines its numerator and denominator use,
// so that numerator = N sen and denominator = D sen exactly (the engine does not require a balanced balance sheet).
// With D = 10^10 sen, a ratio of e % is N = e × 10^8 sen; N ± 1 sen is e ∓ 10^-8 percentage points.

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
#include "report/explain.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

constexpr Sen kD = 10'000'000'000;  // the denominator of every edge test: 10^10 sen = Rp 100,000,000

using testing::Answers;
using testing::Assess;
using testing::Blank;
using testing::Book;
using testing::Comp;
using testing::Set;

int CountWarnings(const Assessment& a, std::string_view path) {
  int n = 0;
  for (const Warning& w : a.warnings) n += w.path == path ? 1 : 0;
  return n;
}

const Warning* FindWarning(const Assessment& a, std::string_view path) {
  for (const Warning& w : a.warnings) {
    if (w.path == path) return &w;
  }
  return nullptr;
}

// skor = nilai × bobot / 100 points; in micro-points: nilai × bobot × 10^4.
int64_t SkorE6(int64_t nilai, int64_t bobot) { return nilai * bobot * 10'000; }

// ---------------------------------------------------------------------------------------------------------------
// Setters: numerator = n sen, denominator = d sen, using lines of A.2 only.

using Setter = void (*)(Laporan*, Sen n, Sen d);

// modal_sendiri / total_aset: simpanan_pokok is in modal_sendiri only; kas is in total_aset only.
void SetModalAset(Laporan* l, Sen n, Sen d) {
  Set(l, "neraca.simpanan_pokok", n);
  Set(l, "neraca.kas", d);
}
// modal_sendiri / pinjaman.berisiko
void SetModalBerisiko(Laporan* l, Sen n, Sen d) {
  Set(l, "neraca.simpanan_pokok", n);
  Set(l, "pinjaman.berisiko", d);
}
// modal_tertimbang (simpanan_pokok at 100 %) / atmr (pinjaman_anggota at 100 %)
void SetKecukupan(Laporan* l, Sen n, Sen d) {
  Set(l, "neraca.simpanan_pokok", n);
  Set(l, "neraca.pinjaman_anggota", d);
}
// pinjaman.volume_anggota / pinjaman.volume_total
void SetVolume(Laporan* l, Sen n, Sen d) {
  Set(l, "pinjaman.volume_anggota", n);
  Set(l, "pinjaman.volume_total", d);
}
// rpm (macet at 100 %) / pinjaman_diberikan
void SetRpm(Laporan* l, Sen n, Sen d) {
  Set(l, "pinjaman.macet", n);
  Set(l, "neraca.pinjaman_anggota", d);
}
// cadangan_risiko (penyisihan_pinjaman) / rpm (macet at 100 %)
void SetCadangan(Laporan* l, Sen n, Sen d) {
  Set(l, "neraca.penyisihan_pinjaman", n);
  Set(l, "pinjaman.macet", d);
}
// pinjaman.berisiko / pinjaman_diberikan
void SetBerisiko(Laporan* l, Sen n, Sen d) {
  Set(l, "pinjaman.berisiko", n);
  Set(l, "neraca.pinjaman_anggota", d);
}
// beban_operasi_anggota (beban_usaha) / partisipasi_bruto
void SetBebanOperasi(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.beban_usaha", n);
  Set(l, "hasil_usaha.partisipasi_bruto", d);
}
// beban_usaha / shu_kotor (partisipasi_bruto)
void SetBebanShu(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.beban_usaha", n);
  Set(l, "hasil_usaha.partisipasi_bruto", d);
}
// biaya_karyawan / pinjaman.volume_total
void SetPelayanan(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.biaya_karyawan", n);
  Set(l, "pinjaman.volume_total", d);
}
// (kas + bank) / kewajiban_lancar (tabungan)
void SetKas(Laporan* l, Sen n, Sen d) {
  Set(l, "neraca.kas", n);
  Set(l, "neraca.tabungan", d);
}
// pinjaman_diberikan / dana_diterima_total (tabungan is in total_kewajiban)
void SetPinjamanDana(Laporan* l, Sen n, Sen d) {
  Set(l, "neraca.pinjaman_anggota", n);
  Set(l, "neraca.tabungan", d);
}
// shu_sebelum_pajak (pendapatan_lain) / total_aset (kas)
void SetRentabilitasAset(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.pendapatan_lain", n);
  Set(l, "neraca.kas", d);
}
// shu_bagian_anggota / modal_sendiri (simpanan_pokok)
void SetRentabilitasModal(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.shu_bagian_anggota", n);
  Set(l, "neraca.simpanan_pokok", d);
}
// partisipasi_netto (partisipasi_bruto) / (beban_usaha + beban_perkoperasian)
void SetOperasional(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.partisipasi_bruto", n);
  Set(l, "hasil_usaha.beban_usaha", d);
}
// partisipasi_bruto / (partisipasi_bruto + pendapatan_non_anggota)
void SetPartisipasi(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.partisipasi_bruto", n);
  Set(l, "hasil_usaha.pendapatan_non_anggota", d - n);
}
// pea (meppp) / (simpanan_pokok + simpanan_wajib)
void SetPea(Laporan* l, Sen n, Sen d) {
  Set(l, "hasil_usaha.meppp", n);
  Set(l, "neraca.simpanan_pokok", d);
}

// ---------------------------------------------------------------------------------------------------------------
// The band tables of A.3, as edges: at ratio e (in hundredths of a percent), the nilai just below e, at e exactly,
// and just above e. kSkip: not tested (see the note at the RPM table).

constexpr int kSkip = -1;

struct Edge {
  int64_t e_e2;  // edge × 100: 750 is 7.5 %
  int below;
  int at;
  int above;
};

struct TableCase {
  const char* id;
  int64_t bobot;
  Setter set;
  std::vector<Edge> edges;
};

std::vector<TableCase> TableCases() {
  std::vector<TableCase> v;
  // x ≤ 0 → 0; (0, 20) → 25; [20, 40) → 50; [40, 60) → 100; [60, 80) → 50; x ≥ 80 → 25
  v.push_back({"permodalan.modal_sendiri_total_aset", 6, SetModalAset,
               {{0, 0, 0, 25}, {2000, 25, 50, 50}, {4000, 50, 100, 100}, {6000, 100, 50, 50}, {8000, 50, 25, 25}}});
  // x < 10 → 0; [10k, 10k+10) → 10k for k = 1…9; x ≥ 100 → 100
  v.push_back({"permodalan.modal_sendiri_pinjaman_berisiko", 6, SetModalBerisiko,
               {{1000, 0, 10, 10},
                {2000, 10, 20, 20},
                {3000, 20, 30, 30},
                {4000, 30, 40, 40},
                {5000, 40, 50, 50},
                {6000, 50, 60, 60},
                {7000, 60, 70, 70},
                {8000, 70, 80, 80},
                {9000, 80, 90, 90},
                {10000, 90, 100, 100}}});
  // x < 4 → 0; [4, 6) → 50; [6, 8) → 75; x ≥ 8 → 100
  v.push_back({"permodalan.kecukupan_modal", 3, SetKecukupan, {{400, 0, 50, 50}, {600, 50, 75, 75}, {800, 75, 100, 100}}});
  // x < 25 → 0; [25, 50) → 50; [50, 75) → 75; x ≥ 75 → 100
  v.push_back({"kap.pinjaman_anggota", 10, SetVolume, {{2500, 0, 50, 50}, {5000, 50, 75, 75}, {7500, 75, 100, 100}}});
  // x = 0 → 100; (0, 10] → 80; (10, 20] → 60; (20, 30] → 40; (30, 40] → 20; (40, 45] → 10; x > 45 → 0.
  // Below 0 is not tested: a negative RPM needs negative loan figures, which laporan-v1 refuses, and A.3's "lowest
  // band" for negative ratios is ambiguous for a table whose first row is its best.
  v.push_back({"kap.risiko_pinjaman_bermasalah", 5, SetRpm,
               {{0, kSkip, 100, 80},
                {1000, 80, 80, 60},
                {2000, 60, 60, 40},
                {3000, 40, 40, 20},
                {4000, 20, 20, 10},
                {4500, 10, 10, 0}}});
  // x = 0 → 0; (10k−10, 10k] → 10k for k = 1…9; x > 90 → 100 (negative: lowest band, 0)
  v.push_back({"kap.cadangan_risiko", 5, SetCadangan,
               {{0, 0, 0, 10},
                {1000, 10, 10, 20},
                {2000, 20, 20, 30},
                {3000, 30, 30, 40},
                {4000, 40, 40, 50},
                {5000, 50, 50, 60},
                {6000, 60, 60, 70},
                {7000, 70, 70, 80},
                {8000, 80, 80, 90},
                {9000, 90, 90, 100}}});
  // x < 21 → 100; [21, 26) → 75; [26, 31) → 50; x ≥ 31 → 25
  v.push_back({"kap.pinjaman_berisiko", 5, SetBerisiko, {{2100, 100, 75, 75}, {2600, 75, 50, 50}, {3100, 50, 25, 25}}});
  // x < 90 → 100; [90, 95) → 75; [95, 100) → 50; x ≥ 100 → 25
  v.push_back({"efisiensi.beban_operasi_anggota", 4, SetBebanOperasi,
               {{9000, 100, 75, 75}, {9500, 75, 50, 50}, {10000, 50, 25, 25}}});
  // x ≤ 40 → 100; (40, 60] → 75; (60, 80] → 50; x > 80 → 25; negative (SHU kotor < 0) → 25, Kopsehat's decision
  // on "negative ratios fall in the lowest band" (rules/ksp-2016.toml).
  v.push_back({"efisiensi.beban_usaha_shu_kotor", 4, SetBebanShu,
               {{0, 25, 100, 100}, {4000, 100, 100, 75}, {6000, 75, 75, 50}, {8000, 50, 50, 25}}});
  // x < 5 → 100; [5, 10) → 75; [10, 15) → 50; x ≥ 15 → 0
  v.push_back({"efisiensi.pelayanan", 2, SetPelayanan, {{500, 100, 75, 75}, {1000, 75, 50, 50}, {1500, 50, 0, 0}}});
  // x < 10 → 25; [10, 15] → 100; (15, 20] → 50; x > 20 → 25
  v.push_back({"likuiditas.kas", 10, SetKas, {{1000, 25, 100, 100}, {1500, 100, 100, 50}, {2000, 50, 50, 25}}});
  // x < 60 → 25; [60, 70) → 50; [70, 80) → 75; x ≥ 80 → 100
  v.push_back({"likuiditas.pinjaman_dana_diterima", 5, SetPinjamanDana,
               {{6000, 25, 50, 50}, {7000, 50, 75, 75}, {8000, 75, 100, 100}}});
  // x < 5 → 25; [5, 7.5) → 50; [7.5, 10) → 75; x ≥ 10 → 100
  v.push_back({"kemandirian.rentabilitas_aset", 3, SetRentabilitasAset,
               {{500, 25, 50, 50}, {750, 50, 75, 75}, {1000, 75, 100, 100}}});
  // x < 3 → 25; [3, 4) → 50; [4, 5) → 75; x ≥ 5 → 100
  v.push_back({"kemandirian.rentabilitas_modal_sendiri", 3, SetRentabilitasModal,
               {{300, 25, 50, 50}, {400, 50, 75, 75}, {500, 75, 100, 100}}});
  // x ≤ 100 → 0; x > 100 → 100
  v.push_back({"kemandirian.operasional_pelayanan", 4, SetOperasional, {{10000, 0, 0, 100}}});
  // x < 25 → 25; [25, 50) → 50; [50, 75) → 75; x ≥ 75 → 100
  v.push_back({"jatidiri.partisipasi_bruto", 7, SetPartisipasi,
               {{2500, 25, 50, 50}, {5000, 50, 75, 75}, {7500, 75, 100, 100}}});
  // x < 5 → 0; [5, 7.5) → 50; [7.5, 10) → 75; x ≥ 10 → 100
  v.push_back({"jatidiri.promosi_ekonomi_anggota", 3, SetPea,
               {{500, 0, 50, 50}, {750, 50, 75, 75}, {1000, 75, 100, 100}}});
  return v;
}

bool IsLinearInVariant(std::string_view id) {
  return id == "permodalan.modal_sendiri_pinjaman_berisiko" || id == "kap.risiko_pinjaman_bermasalah" ||
         id == "kap.cadangan_risiko";
}

// Evaluates the component at numerator n / denominator kD and checks nilai and skor.
void ExpectNilai(const char* rulebook_id, const char* id, int64_t bobot, Setter set, Sen n, int nilai,
                 const std::string& what) {
  SCOPED_TRACE(std::string(rulebook_id) + " " + id + " " + what + " (numerator " + std::to_string(n) + " sen / " +
               std::to_string(kD) + " sen)");
  Laporan l = Blank();
  set(&l, n, kD);
  const Assessment a = Assess(l, rulebook_id);
  const ComponentResult& r = Comp(a, id);
  EXPECT_FALSE(r.zero_denominator);
  EXPECT_EQ(CountWarnings(a, id), 0);
  EXPECT_EQ(r.nilai_e2, int64_t(nilai) * 100);
  EXPECT_EQ(r.skor_e6, SkorE6(nilai, bobot));
  EXPECT_EQ(r.max_e6, bobot * 1'000'000);
}

void CheckTables(const char* rulebook_id) {
  const std::vector<TableCase> cases = TableCases();
  ASSERT_EQ(cases.size(), 17u);  // every ratio component of A.3
  int tested = 0;
  for (const TableCase& c : cases) {
    if (std::string_view(rulebook_id) == "ksp-2016-linear" && IsLinearInVariant(c.id)) continue;
    for (const Edge& e : c.edges) {
      const Sen at = e.e_e2 * 1'000'000;  // e % of 10^10 sen
      const std::string edge = "edge " + std::to_string(e.e_e2 / 100) + "." + std::to_string(e.e_e2 % 100 / 10) +
                               std::to_string(e.e_e2 % 10) + " %";
      if (e.below != kSkip) ExpectNilai(rulebook_id, c.id, c.bobot, c.set, at - 1, e.below, "just below " + edge);
      ExpectNilai(rulebook_id, c.id, c.bobot, c.set, at, e.at, "exactly " + edge);
      ExpectNilai(rulebook_id, c.id, c.bobot, c.set, at + 1, e.above, "just above " + edge);
      ++tested;
    }
  }
  EXPECT_GT(tested, 0);
}

TEST(BandsTables, Ksp2016EveryEdge) { CheckTables("ksp-2016"); }

// ksp-2016-linear keeps every other table of ksp-2016 (A.4: "identical except three components").
TEST(BandsTables, LinearVariantSharedTables) { CheckTables("ksp-2016-linear"); }

// Sanity of the construction itself: the ratio the engine sees is the one intended (e % exactly at the edge).
TEST(BandsTables, ConstructionGivesExactRatio) {
  for (const TableCase& c : TableCases()) {
    for (const Edge& e : c.edges) {
      Laporan l = Blank();
      c.set(&l, e.e_e2 * 1'000'000, kD);
      const Assessment a = Assess(l, "ksp-2016");
      const ComponentResult& r = Comp(a, c.id);
      EXPECT_EQ(Compare(r.ratio_pct, Fraction{e.e_e2, 100}), 0) << c.id << " edge " << e.e_e2;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A.4: the three linear components of ksp-2016-linear. r = round half up of the exact percent; the edges of a
// linear rule are the half-integers k + 0.5 (just below: r = k; exactly and just above: r = k + 1).

struct LinearCase {
  const char* id;
  int64_t bobot;
  Setter set;
  int (*nilai)(int64_t r);
  int last_k;  // edges k + 0.5 for k = 0 … last_k
};

int Clamp100(int64_t r) { return int(r < 0 ? 0 : (r > 100 ? 100 : r)); }    // min(100, max(0, r))
int RpmLinear(int64_t r) { return int(100 - 2 * r < 0 ? 0 : 100 - 2 * r); }  // max(0, 100 − 2·r)

std::vector<LinearCase> LinearCases() {
  return {{"permodalan.modal_sendiri_pinjaman_berisiko", 6, SetModalBerisiko, Clamp100, 101},
          {"kap.risiko_pinjaman_bermasalah", 5, SetRpm, RpmLinear, 52},
          {"kap.cadangan_risiko", 5, SetCadangan, Clamp100, 101}};
}

TEST(BandsLinear, EveryHalfIntegerEdge) {
  for (const LinearCase& c : LinearCases()) {
    for (int k = 0; k <= c.last_k; ++k) {
      const Sen at = (int64_t(k) * 100 + 50) * 1'000'000;  // (k + 0.5) % of 10^10 sen
      const std::string edge = "edge " + std::to_string(k) + ".5 %";
      ExpectNilai("ksp-2016-linear", c.id, c.bobot, c.set, at - 1, c.nilai(k), "just below " + edge);
      ExpectNilai("ksp-2016-linear", c.id, c.bobot, c.set, at, c.nilai(k + 1), "exactly " + edge);
      ExpectNilai("ksp-2016-linear", c.id, c.bobot, c.set, at + 1, c.nilai(k + 1), "just above " + edge);
    }
  }
}

TEST(BandsLinear, ZeroRatioAndLargeRatio) {
  // x = 0 exactly: r = 0.
  ExpectNilai("ksp-2016-linear", "permodalan.modal_sendiri_pinjaman_berisiko", 6, SetModalBerisiko, 0, 0, "0 %");
  ExpectNilai("ksp-2016-linear", "kap.risiko_pinjaman_bermasalah", 5, SetRpm, 0, 100, "0 %");
  ExpectNilai("ksp-2016-linear", "kap.cadangan_risiko", 5, SetCadangan, 0, 0, "0 %");
  // 250 %: clamped.
  ExpectNilai("ksp-2016-linear", "permodalan.modal_sendiri_pinjaman_berisiko", 6, SetModalBerisiko, 25 * kD / 10, 100,
              "250 %");
  ExpectNilai("ksp-2016-linear", "kap.risiko_pinjaman_bermasalah", 5, SetRpm, 25 * kD / 10, 0, "250 %");
  ExpectNilai("ksp-2016-linear", "kap.cadangan_risiko", 5, SetCadangan, 25 * kD / 10, 100, "250 %");
}

TEST(BandsLinear, RoundsHalfUp) {
  // 4.5 % exactly → r = 5 (half up), 4.5 % − 10^-8 → r = 4.
  Laporan l = Blank();
  SetRpm(&l, 450'000'000, kD);
  Assessment a = Assess(l, "ksp-2016-linear");
  EXPECT_EQ(Comp(a, "kap.risiko_pinjaman_bermasalah").linear_r, 5);
  EXPECT_EQ(Comp(a, "kap.risiko_pinjaman_bermasalah").nilai_e2, 9000);  // 100 − 2·5 = 90
  EXPECT_EQ(Comp(a, "kap.risiko_pinjaman_bermasalah").skor_e6, 4'500'000);  // 90 × 5 / 100 = 4.50

  l = Blank();
  SetCadangan(&l, 450'000'000, kD);
  a = Assess(l, "ksp-2016-linear");
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").linear_r, 5);
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").nilai_e2, 500);
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").skor_e6, 250'000);  // 5 × 5 / 100 = 0.25

  l = Blank();
  SetModalBerisiko(&l, 450'000'000, kD);
  a = Assess(l, "ksp-2016-linear");
  EXPECT_EQ(Comp(a, "permodalan.modal_sendiri_pinjaman_berisiko").linear_r, 5);
  EXPECT_EQ(Comp(a, "permodalan.modal_sendiri_pinjaman_berisiko").nilai_e2, 500);
  EXPECT_EQ(Comp(a, "permodalan.modal_sendiri_pinjaman_berisiko").skor_e6, 300'000);  // 5 × 6 / 100 = 0.30

  l = Blank();
  SetRpm(&l, 450'000'000 - 1, kD);
  a = Assess(l, "ksp-2016-linear");
  EXPECT_EQ(Comp(a, "kap.risiko_pinjaman_bermasalah").linear_r, 4);
  EXPECT_EQ(Comp(a, "kap.risiko_pinjaman_bermasalah").nilai_e2, 9200);  // 100 − 2·4 = 92

  // An inexact ratio: 2 / 3 sen = 66.666… % → r = 67.
  l = Blank();
  SetCadangan(&l, 2, 3);
  a = Assess(l, "ksp-2016-linear");
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").linear_r, 67);
  EXPECT_EQ(Comp(a, "kap.cadangan_risiko").nilai_e2, 6700);
}

// ---------------------------------------------------------------------------------------------------------------
// Zero denominators (A.3: nilai 0 and a warning, except the two rows that say otherwise).

struct ZeroCase {
  const char* id;
  int nilai;
  const char* kode;
};

// All 17 ratio components when every line is zero (every denominator is then zero).
std::vector<ZeroCase> ZeroCases() {
  return {{"permodalan.modal_sendiri_total_aset", 0, "penyebut_nol"},
          {"permodalan.modal_sendiri_pinjaman_berisiko", 100, "tanpa_pinjaman_berisiko"},
          {"permodalan.kecukupan_modal", 0, "penyebut_nol"},
          {"kap.pinjaman_anggota", 0, "penyebut_nol"},
          {"kap.risiko_pinjaman_bermasalah", 0, "penyebut_nol"},
          {"kap.cadangan_risiko", 100, "rpm_nol"},
          {"kap.pinjaman_berisiko", 0, "penyebut_nol"},
          {"efisiensi.beban_operasi_anggota", 0, "penyebut_nol"},
          {"efisiensi.beban_usaha_shu_kotor", 0, "penyebut_nol"},
          {"efisiensi.pelayanan", 0, "penyebut_nol"},
          {"likuiditas.kas", 0, "penyebut_nol"},
          {"likuiditas.pinjaman_dana_diterima", 0, "penyebut_nol"},
          {"kemandirian.rentabilitas_aset", 0, "penyebut_nol"},
          {"kemandirian.rentabilitas_modal_sendiri", 0, "penyebut_nol"},
          {"kemandirian.operasional_pelayanan", 0, "penyebut_nol"},
          {"jatidiri.partisipasi_bruto", 0, "penyebut_nol"},
          {"jatidiri.promosi_ekonomi_anggota", 0, "penyebut_nol"}};
}

void CheckAllZero(const char* rulebook_id) {
  SCOPED_TRACE(rulebook_id);
  const Assessment a = Assess(Blank(), rulebook_id);
  const std::vector<ZeroCase> cases = ZeroCases();
  for (const ZeroCase& z : cases) {
    SCOPED_TRACE(z.id);
    const ComponentResult& r = Comp(a, z.id);
    EXPECT_TRUE(r.zero_denominator);
    EXPECT_EQ(r.nilai_e2, int64_t(z.nilai) * 100);
    ASSERT_EQ(CountWarnings(a, z.id), 1);
    EXPECT_EQ(FindWarning(a, z.id)->code, z.kode);
    EXPECT_FALSE(WarningText(*FindWarning(a, z.id), a, Lang::kId).empty());
    EXPECT_FALSE(WarningText(*FindWarning(a, z.id), a, Lang::kEn).empty());
  }
  // Only the two "100" rows score: 100 × 6 / 100 + 100 × 5 / 100 = 11.00 points; every checklist answer is 'tidak'.
  EXPECT_EQ(a.total_e6, 11'000'000);
  EXPECT_EQ(a.Predikat().label, "DALAM PENGAWASAN KHUSUS");
}

TEST(BandsZeroDenominator, EveryComponentKsp2016) { CheckAllZero("ksp-2016"); }
TEST(BandsZeroDenominator, EveryComponentLinear) { CheckAllZero("ksp-2016-linear"); }

TEST(BandsZeroDenominator, RpmZeroWithReserves) {
  // Reserves but no problem loans: cadangan_risiko / 0 → 100 and "rpm_nol", in both rulebooks.
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    Laporan l = Blank();
    SetCadangan(&l, 5'000'000'000, 0);
    Set(&l, "neraca.pinjaman_anggota", 100'000'000'000);
    const Assessment a = Assess(l, rb);
    const ComponentResult& r = Comp(a, "kap.cadangan_risiko");
    EXPECT_TRUE(r.zero_denominator) << rb;
    EXPECT_EQ(r.nilai_e2, 10000) << rb;
    EXPECT_EQ(r.skor_e6, 5'000'000) << rb;
    ASSERT_NE(FindWarning(a, "kap.cadangan_risiko"), nullptr) << rb;
    EXPECT_EQ(FindWarning(a, "kap.cadangan_risiko")->code, "rpm_nol") << rb;
    // The RPM ratio itself (0 / loans) is 0 % → 100, no warning.
    EXPECT_EQ(Comp(a, "kap.risiko_pinjaman_bermasalah").nilai_e2, 10000) << rb;
    EXPECT_EQ(CountWarnings(a, "kap.risiko_pinjaman_bermasalah"), 0) << rb;
  }
}

TEST(BandsZeroDenominator, NoRiskyLoans) {
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    Laporan l = Blank();
    SetModalBerisiko(&l, 5'000'000'000, 0);
    const Assessment a = Assess(l, rb);
    const ComponentResult& r = Comp(a, "permodalan.modal_sendiri_pinjaman_berisiko");
    EXPECT_TRUE(r.zero_denominator) << rb;
    EXPECT_EQ(r.nilai_e2, 10000) << rb;
    EXPECT_EQ(r.skor_e6, 6'000'000) << rb;
    ASSERT_NE(FindWarning(a, "permodalan.modal_sendiri_pinjaman_berisiko"), nullptr) << rb;
    EXPECT_EQ(FindWarning(a, "permodalan.modal_sendiri_pinjaman_berisiko")->code, "tanpa_pinjaman_berisiko") << rb;
  }
}

TEST(BandsZeroDenominator, NonZeroNumeratorStillNilaiZero) {
  // Cash but no current liabilities: likuiditas.kas has no ratio → nilai 0, "penyebut_nol".
  Laporan l = Blank();
  SetKas(&l, 5'000'000'000, 0);
  const Assessment a = Assess(l, "ksp-2016");
  const ComponentResult& r = Comp(a, "likuiditas.kas");
  EXPECT_TRUE(r.zero_denominator);
  EXPECT_EQ(r.nilai_e2, 0);
  EXPECT_EQ(r.skor_e6, 0);
  ASSERT_NE(FindWarning(a, "likuiditas.kas"), nullptr);
  EXPECT_EQ(FindWarning(a, "likuiditas.kas")->code, "penyebut_nol");
}

// ---------------------------------------------------------------------------------------------------------------
// Negative ratios: "Negative ratios fall in the lowest band of their table" (A.3).

TEST(BandsNegative, NegativeOwnCapital) {
  // simpanan_pokok Rp 100,000,000 + shu_belum_dibagi −Rp 300,000,000 → modal_sendiri −Rp 200,000,000.
  Laporan l = Blank();
  Set(&l, "neraca.simpanan_pokok", 10'000'000'000);
  Set(&l, "neraca.shu_belum_dibagi", -30'000'000'000);
  Set(&l, "neraca.kas", 50'000'000'000);  // + pinjaman_anggota below: total_aset Rp 1,000,000,000 → −20 %
  Set(&l, "pinjaman.berisiko", 50'000'000'000);    // −200,000,000 / 500,000,000 = −40 %
  Set(&l, "hasil_usaha.shu_bagian_anggota", 1'000'000'000);  // 10,000,000 / −200,000,000 = −5 %
  Set(&l, "neraca.pinjaman_anggota", 50'000'000'000);
  // modal_tertimbang = 100,000,000 + 0.5 × −300,000,000 = −50,000,000; atmr = 500,000,000 → −10 %
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    SCOPED_TRACE(rb);
    const Assessment a = Assess(l, rb);
    EXPECT_EQ(Compare(Comp(a, "permodalan.modal_sendiri_total_aset").ratio_pct, Fraction{-20, 1}), 0);
    EXPECT_EQ(Comp(a, "permodalan.modal_sendiri_total_aset").nilai_e2, 0);
    EXPECT_EQ(Compare(Comp(a, "permodalan.modal_sendiri_pinjaman_berisiko").ratio_pct, Fraction{-40, 1}), 0);
    EXPECT_EQ(Comp(a, "permodalan.modal_sendiri_pinjaman_berisiko").nilai_e2, 0);  // table x < 10; linear max(0, r)
    EXPECT_EQ(Compare(Comp(a, "permodalan.kecukupan_modal").ratio_pct, Fraction{-10, 1}), 0);
    EXPECT_EQ(Comp(a, "permodalan.kecukupan_modal").nilai_e2, 0);
    EXPECT_EQ(Compare(Comp(a, "kemandirian.rentabilitas_modal_sendiri").ratio_pct, Fraction{-5, 1}), 0);
    EXPECT_EQ(Comp(a, "kemandirian.rentabilitas_modal_sendiri").nilai_e2, 2500);
  }
}

TEST(BandsNegative, NegativeShuKotor) {
  // partisipasi_bruto 100,000,000 − beban_pokok 150,000,000 → SHU kotor −50,000,000; beban_usaha 20,000,000
  // → beban_usaha / SHU kotor = −40 % → 25 (decision in rules/ksp-2016.toml; the literal "x ≤ 40" would give 100).
  Laporan l = Blank();
  Set(&l, "hasil_usaha.partisipasi_bruto", 10'000'000'000);
  Set(&l, "hasil_usaha.beban_pokok", 15'000'000'000);
  Set(&l, "hasil_usaha.beban_usaha", 2'000'000'000);
  Set(&l, "neraca.kas", 100'000'000'000);
  for (const char* rb : {"ksp-2016", "ksp-2016-linear"}) {
    SCOPED_TRACE(rb);
    const Assessment a = Assess(l, rb);
    const ComponentResult& r = Comp(a, "efisiensi.beban_usaha_shu_kotor");
    EXPECT_EQ(Compare(r.ratio_pct, Fraction{-40, 1}), 0);
    EXPECT_EQ(r.nilai_e2, 2500);
    EXPECT_EQ(r.skor_e6, 1'000'000);  // 25 × 4 / 100 = 1.00
    // shu_sebelum_pajak = −50,000,000 − 20,000,000 = −70,000,000 over total_aset 1,000,000,000 = −7 % → 25.
    EXPECT_EQ(Compare(Comp(a, "kemandirian.rentabilitas_aset").ratio_pct, Fraction{-7, 1}), 0);
    EXPECT_EQ(Comp(a, "kemandirian.rentabilitas_aset").nilai_e2, 2500);
    // partisipasi_netto −50,000,000 / beban 20,000,000 = −250 % → 0.
    EXPECT_EQ(Compare(Comp(a, "kemandirian.operasional_pelayanan").ratio_pct, Fraction{-250, 1}), 0);
    EXPECT_EQ(Comp(a, "kemandirian.operasional_pelayanan").nilai_e2, 0);
    // beban_operasi_anggota (150,000,000 + 20,000,000) / 100,000,000 = 170 % → 25.
    EXPECT_EQ(Comp(a, "efisiensi.beban_operasi_anggota").nilai_e2, 2500);
  }
  // Zero operating expense with a negative SHU kotor: the ratio is 0 % (not negative) → [0, 40] → 100.
  Set(&l, "hasil_usaha.beban_usaha", 0);
  EXPECT_EQ(Comp(Assess(l, "ksp-2016"), "efisiensi.beban_usaha_shu_kotor").nilai_e2, 10000);
}

// ---------------------------------------------------------------------------------------------------------------
// NextStep: the nearest band with a higher nilai.

TEST(BandsNextStep, CashRatioAboveTwentyGoesDown) {
  // kas 25 % → band (20, +inf) = 25. Nearest better band: (15, 20] = 50, reached from above at ≤ 20 % (gap 5).
  Laporan l = Blank();
  SetKas(&l, 2'500'000'000, kD);
  const Assessment a = Assess(l, "ksp-2016");
  const ComponentResult& r = Comp(a, "likuiditas.kas");
  EXPECT_EQ(r.nilai_e2, 2500);
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, -1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{20, 1}), 0);
  EXPECT_TRUE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 5000);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{5, 1}), 0);
}

TEST(BandsNextStep, CashRatioBelowTenGoesUp) {
  // kas 8 % → 25; next: [10, 15] = 100 from below, inclusive, gap 2.
  Laporan l = Blank();
  SetKas(&l, 800'000'000, kD);
  const ComponentResult r = Comp(Assess(l, "ksp-2016"), "likuiditas.kas");
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, 1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{10, 1}), 0);
  EXPECT_TRUE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 10000);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{2, 1}), 0);
}

TEST(BandsNextStep, OwnCapitalShare) {
  // 30 % → [20, 40) = 50; next: [40, 60) = 100 at ≥ 40 %, gap 10.
  Laporan l = Blank();
  SetModalAset(&l, 3'000'000'000, kD);
  ComponentResult r = Comp(Assess(l, "ksp-2016"), "permodalan.modal_sendiri_total_aset");
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, 1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{40, 1}), 0);
  EXPECT_TRUE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 10000);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{10, 1}), 0);
  // 85 % → [80, +inf) = 25; nearest better: [60, 80) = 50, below 80 (exclusive), gap 5.
  l = Blank();
  SetModalAset(&l, 8'500'000'000, kD);
  r = Comp(Assess(l, "ksp-2016"), "permodalan.modal_sendiri_total_aset");
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, -1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{80, 1}), 0);
  EXPECT_FALSE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 5000);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{5, 1}), 0);
}

TEST(BandsNextStep, RpmTableGoesDownToInclusiveEdge) {
  // RPM 12 % → (10, 20] = 60; next: (0, 10] = 80 at ≤ 10 %, gap 2.
  Laporan l = Blank();
  SetRpm(&l, 1'200'000'000, kD);
  const ComponentResult r = Comp(Assess(l, "ksp-2016"), "kap.risiko_pinjaman_bermasalah");
  EXPECT_EQ(r.nilai_e2, 6000);
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, -1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{10, 1}), 0);
  EXPECT_TRUE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 8000);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{2, 1}), 0);
}

TEST(BandsNextStep, TopBandHasNone) {
  Laporan l = Blank();
  SetVolume(&l, kD, kD);  // 100 % → 100
  EXPECT_FALSE(Comp(Assess(l, "ksp-2016"), "kap.pinjaman_anggota").next.exists);
}

TEST(BandsNextStep, LinearRpm) {
  // 4.19 %-ish: 4.2 % → r = 4 → 92. One more nilai step needs r = 3 (94), i.e. x < 3.5 % (exclusive), gap 0.7.
  Laporan l = Blank();
  SetRpm(&l, 420'000'000, kD);
  const ComponentResult r = Comp(Assess(l, "ksp-2016-linear"), "kap.risiko_pinjaman_bermasalah");
  EXPECT_EQ(r.nilai_e2, 9200);
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, -1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{7, 2}), 0);
  EXPECT_FALSE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 9400);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{7, 10}), 0);
}

TEST(BandsNextStep, LinearCadangan) {
  // 80.9 % → r = 81; next: r = 82 (nilai 82), reached at ≥ 81.5 % (inclusive), gap 0.6.
  Laporan l = Blank();
  SetCadangan(&l, 8'090'000'000, kD);
  const ComponentResult r = Comp(Assess(l, "ksp-2016-linear"), "kap.cadangan_risiko");
  EXPECT_EQ(r.nilai_e2, 8100);
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.direction, 1);
  EXPECT_EQ(Compare(r.next.target_pct, Fraction{163, 2}), 0);
  EXPECT_TRUE(r.next.inclusive);
  EXPECT_EQ(r.next.nilai_e2, 8200);
  EXPECT_EQ(Compare(r.next.gap_pct, Fraction{6, 10}), 0);
}

}  // namespace
}  // namespace kopsehat
