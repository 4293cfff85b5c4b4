// The bundled example examples/ksp-sejahtera-bersama-2025.json, assessed with ksp-2016 and checked by hand: every
// expected value below was computed from the JSON figures with the formulas of reference/ksp-2016.md A.2/A.3/A.5
// (exact rational arithmetic; the working is written beside each expectation so a reader can check it).
// All amounts in the comments are rupiah; the engine works in sen (× 100).

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "assess/assessment.h"
#include "assess/test_laporan.h"
#include "core/fraction.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "report/explain.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

using testing::Assess;
using testing::Comp;
using testing::Quantity;

constexpr const char* kExample = KOPSEHAT_SOURCE_DIR "/examples/ksp-sejahtera-bersama-2025.json";

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Laporan ReadExample() {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  const bool ok = reader.Read(ReadFile(kExample), &l, &p);
  EXPECT_TRUE(ok) << p.Render(Lang::kEn);
  return l;
}

int64_t AspectSkor(const Assessment& a, std::string_view id) {
  for (const AspectResult& r : a.aspects) {
    if (r.spec != nullptr && r.spec->id == id) return r.skor_e6;
  }
  throw std::runtime_error("aspect not in assessment: " + std::string(id));
}

Fraction SenF(i128 sen) { return Fraction{sen, 1}; }

// ---------------------------------------------------------------------------------------------------------------

TEST(ExampleSejahteraBersama, KeyQuantities) {
  const Assessment a = Assess(ReadExample());
  // modal_sendiri = simpanan_pokok 61,500,000 + simpanan_wajib 348,900,000 + modal_penyetaraan 0 + hibah 15,000,000
  //   + cadangan_umum 186,250,000 + cadangan_tujuan_risiko 42,000,000 + shu_belum_dibagi 92,430,000.50
  //   = 746,080,000.50
  EXPECT_EQ(Compare(Quantity(a, "modal_sendiri"), SenF(74'608'000'050)), 0);
  // total_aset = kas 42,350,000 + bank 118,600,000.50 + simpanan_di_lembaga_lain 150,000,000 + surat_berharga 0
  //   + pinjaman_anggota 1,685,400,000 + pinjaman_non_anggota 212,000,000 − penyisihan 38,500,000
  //   + pendapatan_mhd 12,750,000 + aset_lancar_lain 6,200,000 + penyertaan 25,000,000 + aset_tetap 96,450,000
  //   + aset_lain 3,000,000 = 2,313,250,000.50
  EXPECT_EQ(Compare(Quantity(a, "total_aset"), SenF(231'325'000'050)), 0);
  // atmr = 0 × 160,950,000.50 + 0.2 × 150,000,000 + 0.5 × 0 + 1,897,400,000 + 25,000,000 + 0.5 × 12,750,000
  //   + 0.7 × 96,450,000 + 6,200,000 + 3,000,000
  //   = 30,000,000 + 1,897,400,000 + 25,000,000 + 6,375,000 + 67,515,000 + 6,200,000 + 3,000,000 = 2,035,490,000
  EXPECT_EQ(Compare(Quantity(a, "atmr"), SenF(203'549'000'000)), 0);
  // modal_tertimbang = 61,500,000 + 348,900,000 + 0 + 0.5 × 50,000,000 + 186,250,000 + 0.5 × 42,000,000
  //   + 15,000,000 + 0.5 × 92,430,000.50 + 0.5 × (812,300,000 + 420,000,000 + 9,850,000 + 0 + 2,500,000)
  //   = 61,500,000 + 348,900,000 + 25,000,000 + 186,250,000 + 21,000,000 + 15,000,000 + 46,215,000.25
  //     + 622,325,000 = 1,326,190,000.25
  EXPECT_EQ(Compare(Quantity(a, "modal_tertimbang"), SenF(132'619'000'025)), 0);
  // rpm = 0.5 × 48,600,000 + 0.75 × 21,300,000 + 17,900,000 = 24,300,000 + 15,975,000 + 17,900,000 = 58,175,000
  EXPECT_EQ(Compare(Quantity(a, "rpm"), SenF(5'817'500'000)), 0);
  // pinjaman_diberikan = 1,685,400,000 + 212,000,000 = 1,897,400,000
  EXPECT_EQ(Compare(Quantity(a, "pinjaman_diberikan"), SenF(189'740'000'000)), 0);
  // kewajiban_lancar = 812,300,000 + 420,000,000 + 9,850,000 + 0 + 4,120,000 + 18,400,000 + 2,500,000 = 1,267,170,000
  EXPECT_EQ(Compare(Quantity(a, "kewajiban_lancar"), SenF(126'717'000'000)), 0);
  // total_ekuitas = 61,500,000 + 348,900,000 + 0 + 50,000,000 + 15,000,000 + 186,250,000 + 42,000,000
  //   + 92,430,000.50 = 796,080,000.50;  total_kewajiban = 1,267,170,000 + 250,000,000 + 0 = 1,517,170,000
  // dana_diterima_total = 1,517,170,000 + 796,080,000.50 − 4,120,000 − 9,850,000 − 18,400,000 = 2,280,880,000.50
  EXPECT_EQ(Compare(Quantity(a, "dana_diterima_total"), SenF(228'088'000'050)), 0);
  // shu_kotor = 402,600,000 + 41,800,000 − 96,300,000 = 348,100,000
  EXPECT_EQ(Compare(Quantity(a, "shu_kotor"), SenF(34'810'000'000)), 0);
  // shu_sebelum_pajak = 348,100,000 − 178,450,000 − 21,600,000 + 4,900,000 − 1,750,000 = 151,200,000
  EXPECT_EQ(Compare(Quantity(a, "shu_sebelum_pajak"), SenF(15'120'000'000)), 0);
}

struct Expected {
  const char* id;
  i128 num_sen;
  i128 den_sen;
  int64_t pct_e2;  // the exact ratio rounded half up to 2 decimals
  int64_t nilai;
  int64_t skor_e6;
};

TEST(ExampleSejahteraBersama, EveryRatioComponent) {
  const Assessment a = Assess(ReadExample());
  const Expected expected[] = {
      // 746,080,000.50 / 2,313,250,000.50 = 32.25 % → [20, 40) → 50; skor 50 × 6 / 100 = 3.00
      {"permodalan.modal_sendiri_total_aset", 74'608'000'050, 231'325'000'050, 3225, 50, 3'000'000},
      // 746,080,000.50 / berisiko 231,000,000 = 322.98 % → x ≥ 100 → 100; skor 6.00
      {"permodalan.modal_sendiri_pinjaman_berisiko", 74'608'000'050, 23'100'000'000, 32298, 100, 6'000'000},
      // 1,326,190,000.25 / 2,035,490,000 = 65.15 % → x ≥ 8 → 100; skor 3.00
      {"permodalan.kecukupan_modal", 132'619'000'025, 203'549'000'000, 6515, 100, 3'000'000},
      // volume lines absent → defaults (laporan-v1 §1.3): volume_anggota = pinjaman_anggota 1,685,400,000,
      // volume_total = 1,685,400,000 + 212,000,000 = 1,897,400,000; 88.83 % → x ≥ 75 → 100; skor 10.00
      {"kap.pinjaman_anggota", 168'540'000'000, 189'740'000'000, 8883, 100, 10'000'000},
      // rpm 58,175,000 / 1,897,400,000 = 3.07 % → (0, 10] → 80; skor 80 × 5 / 100 = 4.00
      {"kap.risiko_pinjaman_bermasalah", 5'817'500'000, 189'740'000'000, 307, 80, 4'000'000},
      // cadangan_risiko 42,000,000 + 38,500,000 = 80,500,000 / rpm 58,175,000 = 138.38 % → x > 90 → 100; 5.00
      {"kap.cadangan_risiko", 8'050'000'000, 5'817'500'000, 13838, 100, 5'000'000},
      // berisiko 231,000,000 / 1,897,400,000 = 12.17 % → x < 21 → 100; skor 5.00
      {"kap.pinjaman_berisiko", 23'100'000'000, 189'740'000'000, 1217, 100, 5'000'000},
      // (96,300,000 + 178,450,000 + 21,600,000 = 296,350,000) / partisipasi_bruto 402,600,000 = 73.61 % → x < 90
      // → 100; skor 4.00
      {"efisiensi.beban_operasi_anggota", 29'635'000'000, 40'260'000'000, 7361, 100, 4'000'000},
      // beban_usaha 178,450,000 / shu_kotor 348,100,000 = 51.26 % → (40, 60] → 75; skor 75 × 4 / 100 = 3.00
      {"efisiensi.beban_usaha_shu_kotor", 17'845'000'000, 34'810'000'000, 5126, 75, 3'000'000},
      // biaya_karyawan 88,200,000 / volume_total 1,897,400,000 = 4.65 % → x < 5 → 100; skor 2.00
      {"efisiensi.pelayanan", 8'820'000'000, 189'740'000'000, 465, 100, 2'000'000},
      // (42,350,000 + 118,600,000.50 = 160,950,000.50) / kewajiban_lancar 1,267,170,000 = 12.70 % → [10, 15] → 100;
      // skor 10.00
      {"likuiditas.kas", 16'095'000'050, 126'717'000'000, 1270, 100, 10'000'000},
      // 1,897,400,000 / dana_diterima_total 2,280,880,000.50 = 83.19 % → x ≥ 80 → 100; skor 5.00
      {"likuiditas.pinjaman_dana_diterima", 189'740'000'000, 228'088'000'050, 8319, 100, 5'000'000},
      // shu_sebelum_pajak 151,200,000 / 2,313,250,000.50 = 6.54 % → [5, 7.5) → 50; skor 50 × 3 / 100 = 1.50
      {"kemandirian.rentabilitas_aset", 15'120'000'000, 231'325'000'050, 654, 50, 1'500'000},
      // shu_bagian_anggota 44,900,000 / 746,080,000.50 = 6.02 % → x ≥ 5 → 100; skor 3.00
      {"kemandirian.rentabilitas_modal_sendiri", 4'490'000'000, 74'608'000'050, 602, 100, 3'000'000},
      // (402,600,000 − 96,300,000 = 306,300,000) / (178,450,000 + 21,600,000 = 200,050,000) = 153.11 % → > 100
      // → 100; skor 4.00
      {"kemandirian.operasional_pelayanan", 30'630'000'000, 20'005'000'000, 15311, 100, 4'000'000},
      // 402,600,000 / (402,600,000 + 41,800,000 = 444,400,000) = 90.59 % → x ≥ 75 → 100; skor 7.00
      {"jatidiri.partisipasi_bruto", 40'260'000'000, 44'440'000'000, 9059, 100, 7'000'000},
      // (meppp 12,400,000 + shu_bagian_anggota 44,900,000 = 57,300,000) / (61,500,000 + 348,900,000 = 410,400,000)
      // = 13.96 % → x ≥ 10 → 100; skor 3.00
      {"jatidiri.promosi_ekonomi_anggota", 5'730'000'000, 41'040'000'000, 1396, 100, 3'000'000},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE(e.id);
    const ComponentResult& r = Comp(a, e.id);
    EXPECT_FALSE(r.zero_denominator);
    EXPECT_EQ(Compare(r.numerator_sen, SenF(e.num_sen)), 0);
    EXPECT_EQ(Compare(r.denominator_sen, SenF(e.den_sen)), 0);
    EXPECT_EQ(int64_t(RoundHalfUp(r.ratio_pct, 2)), e.pct_e2);
    EXPECT_EQ(r.nilai_e2, e.nilai * 100);
    EXPECT_EQ(r.skor_e6, e.skor_e6);
  }
}

TEST(ExampleSejahteraBersama, ChecklistComponents) {
  const Assessment a = Assess(ReadExample());
  // umum: 10 of 12 'ya' (items 5 and 12 'tidak') × 0.25 = 2.50
  EXPECT_EQ(Comp(a, "manajemen.umum").yes, 10);
  EXPECT_EQ(Comp(a, "manajemen.umum").skor_e6, 2'500'000);
  // kelembagaan: 5 of 6 × 0.50 = 2.50
  EXPECT_EQ(Comp(a, "manajemen.kelembagaan").yes, 5);
  EXPECT_EQ(Comp(a, "manajemen.kelembagaan").skor_e6, 2'500'000);
  // permodalan: 4 of 5 × 0.60 = 2.40
  EXPECT_EQ(Comp(a, "manajemen.permodalan").yes, 4);
  EXPECT_EQ(Comp(a, "manajemen.permodalan").skor_e6, 2'400'000);
  // aktiva: 7 of 10 × 0.30 = 2.10
  EXPECT_EQ(Comp(a, "manajemen.aktiva").yes, 7);
  EXPECT_EQ(Comp(a, "manajemen.aktiva").skor_e6, 2'100'000);
  // likuiditas: 3 of 5 × 0.60 = 1.80
  EXPECT_EQ(Comp(a, "manajemen.likuiditas").yes, 3);
  EXPECT_EQ(Comp(a, "manajemen.likuiditas").skor_e6, 1'800'000);
}

TEST(ExampleSejahteraBersama, AspectsTotalAndPredikat) {
  const Assessment a = Assess(ReadExample());
  EXPECT_EQ(AspectSkor(a, "permodalan"), 12'000'000);   // 3.00 + 6.00 + 3.00
  EXPECT_EQ(AspectSkor(a, "kap"), 24'000'000);          // 10.00 + 4.00 + 5.00 + 5.00
  EXPECT_EQ(AspectSkor(a, "manajemen"), 11'300'000);    // 2.50 + 2.50 + 2.40 + 2.10 + 1.80
  EXPECT_EQ(AspectSkor(a, "efisiensi"), 9'000'000);     // 4.00 + 3.00 + 2.00
  EXPECT_EQ(AspectSkor(a, "likuiditas"), 15'000'000);   // 10.00 + 5.00
  EXPECT_EQ(AspectSkor(a, "kemandirian"), 8'500'000);   // 1.50 + 3.00 + 4.00
  EXPECT_EQ(AspectSkor(a, "jatidiri"), 10'000'000);     // 7.00 + 3.00
  // 12.00 + 24.00 + 11.30 + 9.00 + 15.00 + 8.50 + 10.00 = 89.80 → 80 ≤ s → SEHAT
  EXPECT_EQ(a.total_e6, 89'800'000);
  EXPECT_EQ(a.max_total_e6, 100'000'000);
  EXPECT_FALSE(a.manajemen_excluded);
  EXPECT_EQ(a.Predikat().label, "SEHAT");
  // Nothing else to warn about: no zero denominator, and the books agree with every answer they can check. The one
  // warning is the method's validity: 2025 is after the 2016 method gave way to kkpkk-2021.
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].code, "di_luar_masa_berlaku");
  EXPECT_EQ(a.warnings[0].path, "periode.akhir");
  const std::string text = WarningText(a.warnings[0], a, Lang::kId);
  EXPECT_NE(text.find("pakai --metode kkpkk-2021"), std::string::npos) << text;
}

TEST(ExampleSejahteraBersama, DerivedChecklistAnswers) {
  const Assessment a = Assess(ReadExample());
  // permodalan (needs periode_lalu, present in the example):
  //  1. modal_sendiri 592,450,000 → 746,080,000.50: +25.93 %; total_aset 2,055,750,000 → 2,313,250,000.50: +12.53 %
  //     → 25.93 ≥ 12.53 → ya
  //  2. simpanan pokok + wajib 368,700,000 → 410,400,000: +11.31 % ≥ 10 → ya
  //  3. cadangan_umum + cadangan_tujuan_risiko 201,400,000 → 228,250,000: +26,850,000 ≥ ¼ × 7,350,000
  //     = 1,837,500 → ya
  //  4. tabungan + simpanan_berjangka 1,107,000,000 → 1,232,300,000: +11.32 % ≥ 10 → ya
  //  Filed: ya, ya, ya, ya (tidak for item 5, which the books cannot answer) → no conflict.
  const ComponentResult& p = Comp(a, "manajemen.permodalan");
  ASSERT_EQ(p.derived.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    SCOPED_TRACE("permodalan item " + std::to_string(i + 1));
    EXPECT_EQ(p.derived[size_t(i)].item, i);
    EXPECT_TRUE(p.derived[size_t(i)].answerable);
    EXPECT_TRUE(p.derived[size_t(i)].books_say);
    EXPECT_FALSE(p.derived[size_t(i)].conflict);
  }
  // aktiva 1: kurang_lancar + diragukan + macet = 48,600,000 + 21,300,000 + 17,900,000 = 87,800,000
  //   = 4.63 % of 1,897,400,000 ≤ 10 % → ya; filed ya → no conflict.
  const ComponentResult& k = Comp(a, "manajemen.aktiva");
  ASSERT_EQ(k.derived.size(), 1u);
  EXPECT_EQ(k.derived[0].item, 0);
  EXPECT_TRUE(k.derived[0].answerable);
  EXPECT_TRUE(k.derived[0].books_say);
  EXPECT_FALSE(k.derived[0].conflict);
  for (const Warning& w : a.warnings) EXPECT_NE(w.code, "jawaban_berbeda_dengan_buku") << w.path;
}

TEST(ExampleSejahteraBersama, FiledAnswerThatContradictsTheBooks) {
  Laporan l = ReadExample();
  bool changed = false;
  for (ChecklistAnswers& c : l.checklists) {
    if (c.key == "permodalan") {
      ASSERT_EQ(c.answers.size(), 5u);
      c.answers[1] = false;  // item 2 (members' capital grew ≥ 10 %): filed 'tidak', the books show +11.31 %
      changed = true;
    }
  }
  ASSERT_TRUE(changed);
  const Assessment a = Assess(l);
  int conflicts = 0;
  for (const Warning& w : a.warnings) {
    if (w.code != "jawaban_berbeda_dengan_buku") continue;
    ++conflicts;
    EXPECT_EQ(w.path, "manajemen.permodalan[2]");
    EXPECT_FALSE(WarningText(w, a, Lang::kId).empty());
    EXPECT_FALSE(WarningText(w, a, Lang::kEn).empty());
  }
  EXPECT_EQ(conflicts, 1);
  const ComponentResult& p = Comp(a, "manajemen.permodalan");
  ASSERT_EQ(p.derived.size(), 4u);
  EXPECT_TRUE(p.derived[1].books_say);
  EXPECT_TRUE(p.derived[1].conflict);
  // The filed answer is scored: 3 'ya' × 0.60 = 1.80 (not 2.40); total 89.80 − 0.60 = 89.20, still SEHAT.
  EXPECT_EQ(p.yes, 3);
  EXPECT_EQ(p.skor_e6, 1'800'000);
  EXPECT_EQ(AspectSkor(a, "manajemen"), 10'700'000);
  EXPECT_EQ(a.total_e6, 89'200'000);
  EXPECT_EQ(a.Predikat().label, "SEHAT");
}

}  // namespace
}  // namespace kopsehat
