// The sharia method ksppps-2016 (rules/ksppps-2016.toml; decisions in docs/methods/ksppps-2016.md):
//  (1) the rulebook's structure — aspects, components, weights, confidence, checklists, predikat;
//  (2) the worked example examples/kspps-amanah-2025.json end to end, every expected value computed by hand from the
//      JSON figures (working written beside each expectation; amounts in the comments are rupiah, the engine works
//      in sen = rupiah × 100);
//  (3) the sharia own-capital table exactly at each band edge and one sen below it.
//
// The rulebook is read from rules/ksppps-2016.toml when the file is there (so an edited file is what is tested), and
// otherwise from the copy embedded in the binary.

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "assess/assessment.h"
#include "assess/test_laporan.h"
#include "core/fraction.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "rules/loader.h"
#include "rules/rulebook.h"

namespace kopsehat {
namespace {

using testing::Comp;
using testing::Quantity;
using testing::Set;

constexpr Sen kRp = 100;                 // sen per rupiah
constexpr Sen kJuta = 1'000'000 * kRp;   // one million rupiah in sen

bool FileExists(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

// The rulebook under test: the file (source tree, else the working directory), else the embedded copy.
const Rulebook& Ksppps() {
  static const Rulebook* const book = []() -> const Rulebook* {
    static std::unique_ptr<Rulebook> from_file;
    for (const std::string& path :
         {std::string(KOPSEHAT_SOURCE_DIR) + "/rules/ksppps-2016.toml", std::string("rules/ksppps-2016.toml")}) {
      if (!FileExists(path)) continue;
      Problems p;
      from_file = LoadRulebookFile(path, &p);
      if (from_file == nullptr) throw std::runtime_error(path + " does not load: " + p.Render(Lang::kEn));
      return from_file.get();
    }
    Problems p;
    const Rulebook* embedded = EmbeddedRulebookById("ksppps-2016", &p);
    if (embedded == nullptr) throw std::runtime_error("no ksppps-2016 rulebook: " + p.Render(Lang::kEn));
    return embedded;
  }();
  return *book;
}

Assessment AssessKsppps(const Laporan& l) {
  Problems p;
  Assessment a;
  if (!Evaluate(l, Ksppps(), EvaluateOptions{}, &a, &p)) ADD_FAILURE() << "Evaluate failed: " << p.Render(Lang::kEn);
  return a;
}

Laporan ReadExample() {
  const std::string path = std::string(KOPSEHAT_SOURCE_DIR) + "/examples/kspps-amanah-2025.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  EXPECT_TRUE(reader.Read(ss.str(), &l, &p)) << p.Render(Lang::kEn);
  return l;
}

// All lines zero, the five manajemen checklists and daftar_periksa.syariah.kepatuhan answered 'tidak'.
Laporan BlankSyariah() {
  Laporan l = testing::Blank();
  ChecklistAnswers c;
  c.set = "syariah";
  c.key = "kepatuhan";
  c.answers.assign(10, false);
  c.given = 10;
  l.checklists.push_back(c);
  l.checklist_sets.push_back("syariah");
  return l;
}

// The exact percent rounded half up to 2 decimals, as hundredths: 80.97 % → 8097.
int64_t Pct2(const Fraction& x) { return int64_t(RoundHalfUp(x, 2)); }

Fraction SenF(i128 sen) { return Fraction{sen, 1}; }

int64_t AspectSkor(const Assessment& a, std::string_view id) {
  for (const AspectResult& r : a.aspects) {
    if (r.spec != nullptr && r.spec->id == id) return r.skor_e6;
  }
  throw std::runtime_error("aspect not in assessment: " + std::string(id));
}

// ---------------------------------------------------------------------------------------------------------------
// (1) Structure.

TEST(KspppsRulebook, Header) {
  const Rulebook& rb = Ksppps();
  EXPECT_EQ(rb.id, "ksppps-2016");
  EXPECT_EQ(rb.version, "1");
  EXPECT_EQ(rb.name.id, "Penilaian kesehatan KSPPS/USPPS (Perdep 07/Per/Dep.6/IV/2016)");
  EXPECT_FALSE(rb.name.en.empty());
  EXPECT_FALSE(rb.source.empty());
  EXPECT_NE(rb.note.find("rendah"), std::string::npos) << "the rulebook note must say confidence is low";
  EXPECT_EQ(rb.valid_from, "2016-04-01");
  EXPECT_EQ(rb.valid_to, "2020-12-31");
  EXPECT_EQ(rb.aggregation, Aggregation::kWeightedSum);
}

TEST(KspppsRulebook, AspectsAndWeights) {
  // evidence §7 ([YN23]): 10 + 20 + 15 + 10 + 15 + 10 + 10 + 10 = 100.
  const struct {
    const char* id;
    int64_t bobot;
  } expected[] = {{"permodalan", 10}, {"kap", 20},        {"manajemen", 15}, {"efisiensi", 10},
                  {"likuiditas", 15}, {"kemandirian", 10}, {"jatidiri", 10},  {"kepatuhan_syariah", 10}};
  const Rulebook& rb = Ksppps();
  ASSERT_EQ(rb.aspects.size(), std::size(expected));
  int64_t total = 0;
  for (size_t i = 0; i < rb.aspects.size(); ++i) {
    EXPECT_EQ(rb.aspects[i].id, expected[i].id);
    EXPECT_EQ(rb.aspects[i].bobot_e2, expected[i].bobot * 100) << expected[i].id;
    total += rb.aspects[i].bobot_e2;
  }
  EXPECT_EQ(total, 100 * 100);
  EXPECT_EQ(rb.aspects[7].name.id, "Kepatuhan prinsip syariah");
}

TEST(KspppsRulebook, ComponentsWeightsAndConfidence) {
  // Component weights of the 2007 KJKS table (evidence §7); only the sharia own-capital table is given directly
  // there (sedang), everything else is borrowed or decided (rendah).
  const struct {
    const char* id;
    const char* aspect;
    int64_t bobot;
    const char* keyakinan;
    bool checklist;
  } expected[] = {
      {"permodalan.modal_sendiri_total_aset", "permodalan", 5, "sedang", false},
      {"permodalan.kecukupan_modal", "permodalan", 5, "rendah", false},
      {"kap.npf", "kap", 10, "rendah", false},
      {"kap.pembiayaan_berisiko", "kap", 5, "rendah", false},
      {"kap.ppap", "kap", 5, "rendah", false},
      {"manajemen.umum", "manajemen", 3, "rendah", true},
      {"manajemen.kelembagaan", "manajemen", 3, "rendah", true},
      {"manajemen.permodalan", "manajemen", 3, "rendah", true},
      {"manajemen.aktiva", "manajemen", 3, "rendah", true},
      {"manajemen.likuiditas", "manajemen", 3, "rendah", true},
      {"efisiensi.biaya_operasional", "efisiensi", 4, "rendah", false},
      {"efisiensi.aktiva_tetap", "efisiensi", 4, "rendah", false},
      {"efisiensi.staf", "efisiensi", 2, "rendah", false},
      {"likuiditas.kas", "likuiditas", 10, "rendah", false},
      {"likuiditas.pembiayaan_dana_diterima", "likuiditas", 5, "rendah", false},
      {"kemandirian.rentabilitas_aset", "kemandirian", 3, "rendah", false},
      {"kemandirian.rentabilitas_modal_sendiri", "kemandirian", 3, "rendah", false},
      {"kemandirian.operasional", "kemandirian", 4, "rendah", false},
      {"jatidiri.partisipasi_bruto", "jatidiri", 5, "rendah", false},
      {"jatidiri.promosi_ekonomi_anggota", "jatidiri", 5, "rendah", false},
      {"kepatuhan_syariah.kepatuhan", "kepatuhan_syariah", 10, "rendah", true},
  };
  const Rulebook& rb = Ksppps();
  ASSERT_EQ(rb.components.size(), std::size(expected));
  int64_t total = 0;
  for (size_t i = 0; i < rb.components.size(); ++i) {
    const Component& c = rb.components[i];
    SCOPED_TRACE(expected[i].id);
    EXPECT_EQ(c.id, expected[i].id);
    EXPECT_EQ(c.aspect, expected[i].aspect);
    EXPECT_EQ(c.bobot_e2, expected[i].bobot * 100);
    EXPECT_EQ(c.confidence, expected[i].keyakinan);
    EXPECT_EQ(c.kind == ComponentKind::kChecklist, expected[i].checklist);
    EXPECT_FALSE(c.source.empty());
    EXPECT_FALSE(c.note.empty()) << "every component explains what was borrowed (catatan)";
    EXPECT_FALSE(c.informational);
    total += c.bobot_e2;
  }
  EXPECT_EQ(total, 100 * 100);
  // Each aspect's weight is the sum of its components' weights.
  for (const Aspect& asp : rb.aspects) {
    int64_t sum = 0;
    for (const Component& c : rb.components) {
      if (c.aspect == asp.id) sum += c.bobot_e2;
    }
    EXPECT_EQ(sum, asp.bobot_e2) << asp.id;
  }
}

TEST(KspppsRulebook, Checklists) {
  // The five 2016 manajemen lists with the same keys and item counts (12/6/5/10/5 × 0.25/0.5/0.6/0.3/0.6 = 3 each),
  // and ten sharia-compliance items at 1 point from daftar_periksa.syariah.kepatuhan.
  const struct {
    const char* id;
    const char* set;
    const char* key;
    size_t items;
    int64_t points_e6;
  } expected[] = {
      {"manajemen.umum", "", "umum", 12, 250'000},
      {"manajemen.kelembagaan", "", "kelembagaan", 6, 500'000},
      {"manajemen.permodalan", "", "permodalan", 5, 600'000},
      {"manajemen.aktiva", "", "aktiva", 10, 300'000},
      {"manajemen.likuiditas", "", "likuiditas", 5, 600'000},
      {"kepatuhan_syariah.kepatuhan", "syariah", "kepatuhan", 10, 1'000'000},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.id);
    const Component* c = Ksppps().FindComponent(e.id);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->answers_set, e.set);
    EXPECT_EQ(c->answers_key, e.key);
    EXPECT_EQ(c->items.size(), e.items);
    EXPECT_EQ(c->points_per_yes_e6, e.points_e6);
    EXPECT_EQ(int64_t(c->items.size()) * c->points_per_yes_e6, c->bobot_e2 * 10'000);  // items × points = bobot
    for (const ChecklistItem& item : c->items) {
      EXPECT_FALSE(item.text.id.empty());
      EXPECT_FALSE(item.text.en.empty());
    }
  }
  // Answers from the books where ksp-2016 has them: permodalan 1–4 and aktiva 1.
  const Component* permodalan = Ksppps().FindComponent("manajemen.permodalan");
  ASSERT_NE(permodalan, nullptr);
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(permodalan->items[i].derivation.has_value()) << i;
  EXPECT_FALSE(permodalan->items[4].derivation.has_value());
  const Component* aktiva = Ksppps().FindComponent("manajemen.aktiva");
  ASSERT_NE(aktiva, nullptr);
  EXPECT_TRUE(aktiva->items[0].derivation.has_value());
}

TEST(KspppsRulebook, Predikat) {
  // The conventional 2016 labels and cut-offs (reference/ksp-2016.md A.6).
  const Rulebook& rb = Ksppps();
  ASSERT_EQ(rb.predikat.size(), 4u);
  EXPECT_EQ(rb.predikat[0].label, "SEHAT");
  EXPECT_EQ(rb.predikat[0].min_e6, 80'000'000);
  EXPECT_EQ(rb.predikat[1].label, "CUKUP SEHAT");
  EXPECT_EQ(rb.predikat[1].min_e6, 66'000'000);
  EXPECT_EQ(rb.predikat[2].label, "DALAM PENGAWASAN");
  EXPECT_EQ(rb.predikat[2].min_e6, 51'000'000);
  EXPECT_EQ(rb.predikat[3].label, "DALAM PENGAWASAN KHUSUS");
  EXPECT_FALSE(rb.predikat[3].has_min);
}

TEST(KspppsRulebook, OwnCapitalTableIsTheSharia) {
  // evidence §7 [T-9YNX]: < 10 → 25; 10–15 → 50; 15–20 → 75; ≥ 20 → 100, read as [10, 15), [15, 20), [20, +inf).
  const Component* c = Ksppps().FindComponent("permodalan.modal_sendiri_total_aset");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->bands.size(), 4u);
  const struct {
    const char* text;
    int64_t nilai_e2;
  } expected[] = {{"(-inf, 10)", 2500}, {"[10, 15)", 5000}, {"[15, 20)", 7500}, {"[20, +inf)", 10000}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(c->bands[i].range.text, expected[i].text);
    EXPECT_EQ(c->bands[i].nilai_e2, expected[i].nilai_e2);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (2) The worked example, KSPPS BMT Amanah Berkah Jepara, 31 Dec 2025. Every figure below in millions of rupiah
// (M) unless written in full.

TEST(KspppsExample, KeyQuantities) {
  const Assessment a = AssessKsppps(ReadExample());
  // pembiayaan_diberikan = pembiayaan anggota 3,600 M + non-anggota 400 M = 4,000 M
  EXPECT_EQ(Compare(Quantity(a, "pembiayaan_diberikan"), SenF(4'000 * kJuta)), 0);
  // total_aset = kas 90 + bank 360 + simpanan di lembaga lain 250 + surat berharga 0 + pembiayaan 4,000 − PPAP 45
  //   + pendapatan yang masih harus diterima 10 + aset lancar lain 5 + penyertaan 30 + aset tetap 300 + aset lain 0
  //   = 5,000 M (= kewajiban 4,000 + ekuitas 1,000: the balance sheet balances)
  EXPECT_EQ(Compare(Quantity(a, "total_aset"), SenF(5'000 * kJuta)), 0);
  // kewajiban_lancar = tabungan 1,800 + simpanan berjangka 600 + beban m.h.d. 20 + dana yang diterima 0
  //   + utang pajak 10 + dana SHU 30 + kewajiban lancar lain 40 = 2,500 M
  EXPECT_EQ(Compare(Quantity(a, "kewajiban_lancar"), SenF(2'500 * kJuta)), 0);
  // modal_sendiri = simpanan pokok 50 + wajib 350 + penyetaraan 0 + hibah 20 + cadangan umum 300
  //   + cadangan tujuan risiko 80 + SHU belum dibagi 100 = 900 M (modal penyertaan 100 M not counted)
  EXPECT_EQ(Compare(Quantity(a, "modal_sendiri"), SenF(900 * kJuta)), 0);
  // modal_tertimbang = 400 + 0 + 0.5 × 100 + 300 + 0.5 × 80 + 20 + 0.5 × 100 + 0.5 × (1,800 + 600 + 20 + 0 + 40)
  //   = 400 + 50 + 300 + 40 + 20 + 50 + 1,230 = 2,090 M
  EXPECT_EQ(Compare(Quantity(a, "modal_tertimbang"), SenF(2'090 * kJuta)), 0);
  // atmr = 0 × 450 + 0.2 × 250 + 0.5 × 0 + 4,000 + 30 + 0.5 × 10 + 0.7 × 300 + 5 + 0
  //   = 50 + 4,000 + 30 + 5 + 210 + 5 = 4,300 M
  EXPECT_EQ(Compare(Quantity(a, "atmr"), SenF(4'300 * kJuta)), 0);
  // pembiayaan_bermasalah = kurang lancar 140 + diragukan 60 + macet 40 = 240 M; lancar = 4,000 − 240 = 3,760 M
  EXPECT_EQ(Compare(Quantity(a, "pembiayaan_bermasalah"), SenF(240 * kJuta)), 0);
  EXPECT_EQ(Compare(Quantity(a, "pembiayaan_lancar"), SenF(3'760 * kJuta)), 0);
  // ppapwd = 0.005 × 3,760 + 0.1 × (140 − 80) + 0.5 × (60 − 40) + (40 − 24.8) = 18.8 + 6 + 10 + 15.2 = 50 M
  EXPECT_EQ(Compare(Quantity(a, "ppapwd"), SenF(50 * kJuta)), 0);
  // ppap = penyisihan di neraca 45 M (cadangan tujuan risiko 80 M is equity, not counted); pembiayaan berisiko 880 M
  EXPECT_EQ(Compare(Quantity(a, "ppap"), SenF(45 * kJuta)), 0);
  EXPECT_EQ(Compare(Quantity(a, "pembiayaan_berisiko"), SenF(880 * kJuta)), 0);
  // shu_sebelum_pajak = (750 + 50 − 190) − 450 − 50 + 25 − 10 = 610 − 500 + 15 = 125 M
  EXPECT_EQ(Compare(Quantity(a, "shu_sebelum_pajak"), SenF(125 * kJuta)), 0);
  // dana_diterima_total = kewajiban 4,000 + ekuitas 1,000 − utang pajak 10 − beban m.h.d. 20 − dana SHU 30 = 4,940 M
  EXPECT_EQ(Compare(Quantity(a, "dana_diterima_total"), SenF(4'940 * kJuta)), 0);
}

TEST(KspppsExample, EveryRatioComponent) {
  const Assessment a = AssessKsppps(ReadExample());
  const struct {
    const char* id;
    i128 num, den;     // the exact ratio in percent is num / den
    int64_t pct_e2;    // rounded half up to 2 decimals
    int64_t nilai;
    int64_t skor_e6;   // nilai × bobot / 100
  } expected[] = {
      // 900 / 5,000 = 18 % → [15, 20) → 75; × 5 / 100 = 3.75
      {"permodalan.modal_sendiri_total_aset", 18, 1, 1800, 75, 3'750'000},
      // 2,090 / 4,300 = 2,090 / 43 % = 48.604… % → 48.60 → ≥ 8 → 100; × 5 = 5.00
      {"permodalan.kecukupan_modal", 2090, 43, 4860, 100, 5'000'000},
      // NPF 240 / 4,000 = 6 % → (5, 10] → 75; × 10 / 100 = 7.50
      {"kap.npf", 6, 1, 600, 75, 7'500'000},
      // berisiko 880 / 4,000 = 22 % → [21, 26) → 75; × 5 = 3.75
      {"kap.pembiayaan_berisiko", 22, 1, 2200, 75, 3'750'000},
      // PPAP 45 / PPAPWD 50 = 90 % → [75, 100) → 75; × 5 = 3.75
      {"kap.ppap", 90, 1, 9000, 75, 3'750'000},
      // biaya operasional (190 + 450 + 50 = 690) / partisipasi bruto 750 = 92 % → [90, 95) → 75; × 4 = 3.00
      {"efisiensi.biaya_operasional", 92, 1, 9200, 75, 3'000'000},
      // aset tetap 300 / 5,000 = 6 % → (-inf, 25) → 100; × 4 = 4.00
      {"efisiensi.aktiva_tetap", 6, 1, 600, 100, 4'000'000},
      // 720 mitra / 12 karyawan = 60 per karyawan = 6,000 % → [5,000, 7,500) → 75; × 2 = 1.50
      {"efisiensi.staf", 6000, 1, 600000, 75, 1'500'000},
      // (90 + 360 = 450) / 2,500 = 18 % → (15, 20] → 50; × 10 = 5.00
      {"likuiditas.kas", 18, 1, 1800, 50, 5'000'000},
      // 4,000 / 4,940 = 20,000 / 247 % = 80.971… % → 80.97 → ≥ 80 → 100; × 5 = 5.00
      {"likuiditas.pembiayaan_dana_diterima", 20000, 247, 8097, 100, 5'000'000},
      // 125 / 5,000 = 2.5 % → < 5 → 25; × 3 = 0.75
      {"kemandirian.rentabilitas_aset", 5, 2, 250, 25, 750'000},
      // SHU bagian anggota 40 / 900 = 40 / 9 % = 4.444… % → 4.44 → [4, 5) → 75; × 3 = 2.25
      {"kemandirian.rentabilitas_modal_sendiri", 40, 9, 444, 75, 2'250'000},
      // partisipasi netto (750 − 190 = 560) / (450 + 50 = 500) = 112 % → > 100 → 100; × 4 = 4.00
      {"kemandirian.operasional", 112, 1, 11200, 100, 4'000'000},
      // 750 / (750 + 50 = 800) = 93.75 % → ≥ 75 → 100; × 5 = 5.00
      {"jatidiri.partisipasi_bruto", 375, 4, 9375, 100, 5'000'000},
      // PEA (MEPPP 20 + SHU bagian anggota 40 = 60) / (50 + 350 = 400) = 15 % → ≥ 10 → 100; × 5 = 5.00
      {"jatidiri.promosi_ekonomi_anggota", 15, 1, 1500, 100, 5'000'000},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.id);
    const ComponentResult& r = Comp(a, e.id);
    ASSERT_FALSE(r.zero_denominator);
    EXPECT_EQ(Compare(r.ratio_pct, Fraction{e.num, e.den}), 0);
    EXPECT_EQ(Pct2(r.ratio_pct), e.pct_e2);
    EXPECT_EQ(r.nilai_e2, e.nilai * 100);
    EXPECT_EQ(r.skor_e6, e.skor_e6);
  }
}

TEST(KspppsExample, Checklists) {
  const Assessment a = AssessKsppps(ReadExample());
  const struct {
    const char* id;
    int yes, items;
    int64_t skor_e6;
  } expected[] = {
      {"manajemen.umum", 10, 12, 2'500'000},         // 10 × 0.25 = 2.50
      {"manajemen.kelembagaan", 5, 6, 2'500'000},    // 5 × 0.5 = 2.50
      {"manajemen.permodalan", 4, 5, 2'400'000},     // 4 × 0.6 = 2.40
      {"manajemen.aktiva", 8, 10, 2'400'000},        // 8 × 0.3 = 2.40
      {"manajemen.likuiditas", 4, 5, 2'400'000},     // 4 × 0.6 = 2.40
      {"kepatuhan_syariah.kepatuhan", 8, 10, 8'000'000},  // 8 × 1 = 8.00 (daftar_periksa.syariah.kepatuhan)
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.id);
    const ComponentResult& r = Comp(a, e.id);
    EXPECT_TRUE(r.scored);
    EXPECT_EQ(r.yes, e.yes);
    EXPECT_EQ(r.items, e.items);
    EXPECT_EQ(r.skor_e6, e.skor_e6);
  }
  // The books agree with every filed answer they can check:
  //   permodalan 1: modal sendiri 800 → 900 (+12.50 %) ≥ total aset 4,500 → 5,000 (+11.11 %): ya (filed ya)
  //   permodalan 2: simpanan pokok + wajib 360 → 400 (+11.11 %) ≥ 10 %: ya (filed ya)
  //   permodalan 3: cadangan 340 → 380 (+40) ≥ 0.25 × SHU lalu 80 = 20: ya (filed ya)
  //   permodalan 4: tabungan + berjangka 2,200 → 2,400 (+9.09 %) < 10 %: tidak (filed tidak)
  //   aktiva 1: bermasalah 240 ≤ 10 % × 4,000 = 400: ya (filed ya)
  for (const Warning& w : a.warnings) EXPECT_NE(w.code, "jawaban_berbeda_dengan_buku") << w.path;
  const ComponentResult& permodalan = Comp(a, "manajemen.permodalan");
  ASSERT_EQ(permodalan.derived.size(), 4u);
  const bool books_say[] = {true, true, true, false};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_TRUE(permodalan.derived[i].answerable) << i;
    EXPECT_EQ(permodalan.derived[i].books_say, books_say[i]) << i;
    EXPECT_FALSE(permodalan.derived[i].conflict) << i;
  }
}

TEST(KspppsExample, AspectsTotalAndPredikat) {
  const Assessment a = AssessKsppps(ReadExample());
  EXPECT_EQ(AspectSkor(a, "permodalan"), 8'750'000);         // 3.75 + 5.00
  EXPECT_EQ(AspectSkor(a, "kap"), 15'000'000);               // 7.50 + 3.75 + 3.75
  EXPECT_EQ(AspectSkor(a, "manajemen"), 12'200'000);         // 2.50 + 2.50 + 2.40 + 2.40 + 2.40
  EXPECT_EQ(AspectSkor(a, "efisiensi"), 8'500'000);          // 3.00 + 4.00 + 1.50
  EXPECT_EQ(AspectSkor(a, "likuiditas"), 10'000'000);        // 5.00 + 5.00
  EXPECT_EQ(AspectSkor(a, "kemandirian"), 7'000'000);        // 0.75 + 2.25 + 4.00
  EXPECT_EQ(AspectSkor(a, "jatidiri"), 10'000'000);          // 5.00 + 5.00
  EXPECT_EQ(AspectSkor(a, "kepatuhan_syariah"), 8'000'000);  // 8.00
  // 8.75 + 15.00 + 12.20 + 8.50 + 10.00 + 7.00 + 10.00 + 8.00 = 79.45 → 66 ≤ 79.45 < 80 → CUKUP SEHAT
  EXPECT_EQ(a.total_e6, 79'450'000);
  EXPECT_EQ(a.max_total_e6, 100'000'000);
  EXPECT_EQ(a.Predikat().label, "CUKUP SEHAT");
}

// ---------------------------------------------------------------------------------------------------------------
// (3) Band edges of the sharia own-capital table, exactly at each edge and one sen below: total aset = kas
// Rp 1,000,000,000 (10^11 sen); modal sendiri = simpanan pokok, so x % of total aset is x × 10^9 sen.

TEST(KspppsBandEdges, OwnCapitalToTotalAssets) {
  constexpr Sen kTotal = 1'000'000'000 * kRp;
  constexpr Sen kOnePct = kTotal / 100;
  const struct {
    Sen modal_sen;
    const char* band;
    int64_t nilai_e2;
    int64_t skor_e6;  // nilai × 5 / 100
  } cases[] = {
      {0, "(-inf, 10)", 2500, 1'250'000},                 // 0 % → 25 (no zero band in the sharia table)
      {10 * kOnePct - 1, "(-inf, 10)", 2500, 1'250'000},  // 9.999999999 % → 25
      {10 * kOnePct, "[10, 15)", 5000, 2'500'000},        // exactly 10 % → 50
      {15 * kOnePct - 1, "[10, 15)", 5000, 2'500'000},    // 14.999999999 % → 50
      {15 * kOnePct, "[15, 20)", 7500, 3'750'000},        // exactly 15 % → 75
      {20 * kOnePct - 1, "[15, 20)", 7500, 3'750'000},    // 19.999999999 % → 75
      {20 * kOnePct, "[20, +inf)", 10000, 5'000'000},     // exactly 20 % → 100
      {kTotal, "[20, +inf)", 10000, 5'000'000},           // 100 % → 100 (no inverted U)
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.modal_sen) + " sen");
    Laporan l = BlankSyariah();
    Set(&l, "neraca.kas", kTotal);
    Set(&l, "neraca.simpanan_pokok", c.modal_sen);
    const Assessment a = AssessKsppps(l);
    const ComponentResult& r = Comp(a, "permodalan.modal_sendiri_total_aset");
    EXPECT_EQ(Compare(r.ratio_pct, Fraction{c.modal_sen * 100, kTotal}), 0);
    ASSERT_GE(r.band, 0);
    EXPECT_EQ(r.spec->bands[size_t(r.band)].range.text, c.band);
    EXPECT_EQ(r.nilai_e2, c.nilai_e2);
    EXPECT_EQ(r.skor_e6, c.skor_e6);
  }
}

TEST(KspppsBandEdges, NegativeOwnCapitalIsLowestBand) {
  // A loss year: SHU belum dibagi −Rp 150,000,000 against simpanan pokok Rp 50,000,000 → modal sendiri −100 M over
  // total aset (kas) 1,000 M = −10 % → (-inf, 10) → 25, skor 1.25.
  Laporan l = BlankSyariah();
  Set(&l, "neraca.kas", 1'000 * kJuta);
  Set(&l, "neraca.simpanan_pokok", 50 * kJuta);
  Set(&l, "neraca.shu_belum_dibagi", -150 * kJuta);
  const ComponentResult r = Comp(AssessKsppps(l), "permodalan.modal_sendiri_total_aset");
  EXPECT_EQ(Compare(r.ratio_pct, Fraction{-10, 1}), 0);
  EXPECT_EQ(r.nilai_e2, 2500);
  EXPECT_EQ(r.skor_e6, 1'250'000);
}

TEST(KspppsBandEdges, StaffEfficiencyIsInPercent) {
  // 600 clients over 12 staff = 50 per staff member = 5,000 %: exactly the lower edge of [5,000, 7,500) → 75,
  // skor 1.50. Just below: 2,499 clients over 50 staff = 49.98 per staff member = 4,998 % → [2,500, 5,000) → 50,
  // skor 1.00.
  Laporan l = BlankSyariah();
  Set(&l, "kegiatan.peminjam", 600 * 100);  // counts are stored like amounts, × 100
  Set(&l, "kegiatan.karyawan", 12 * 100);
  const ComponentResult at = Comp(AssessKsppps(l), "efisiensi.staf");
  EXPECT_EQ(Compare(at.ratio_pct, Fraction{5000, 1}), 0);
  EXPECT_EQ(at.nilai_e2, 7500);
  EXPECT_EQ(at.skor_e6, 1'500'000);
  Set(&l, "kegiatan.peminjam", 2'499 * 100);
  Set(&l, "kegiatan.karyawan", 50 * 100);
  const ComponentResult below = Comp(AssessKsppps(l), "efisiensi.staf");
  EXPECT_EQ(Compare(below.ratio_pct, Fraction{4998, 1}), 0);
  EXPECT_EQ(below.nilai_e2, 5000);
  EXPECT_EQ(below.skor_e6, 1'000'000);
}

TEST(KspppsBandEdges, NoFinancingMeansNoRequiredAllowance) {
  // PPAPWD = 0 (no financing at all): penyebut_nol → nilai 100, skor 5.00, warning ppapwd_nol.
  const Assessment a = AssessKsppps(BlankSyariah());
  const ComponentResult& r = Comp(a, "kap.ppap");
  EXPECT_TRUE(r.zero_denominator);
  EXPECT_EQ(r.nilai_e2, 10000);
  EXPECT_EQ(r.skor_e6, 5'000'000);
  bool warned = false;
  for (const Warning& w : a.warnings) warned = warned || w.code == "ppapwd_nol";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Review: --tanpa-manajemen dropped the sharia compliance checklist too and then said the Manajemen aspect's 15
// points were excluded. Only the manajemen block is optional; the sharia answers are always required.
TEST(KspppsReview, WithoutChecklistStillNeedsTheShariaAnswers) {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/kspps-amanah-2025.json", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(reader.Read(text, &l, &p)) << p.Render(Lang::kEn);
  l.checklist_sets.clear();  // no daftar_periksa.syariah
  std::erase_if(l.checklists, [](const ChecklistAnswers& c) { return !c.set.empty(); });
  const Rulebook* rb = EmbeddedRulebookById("ksppps-2016", &p);
  ASSERT_NE(rb, nullptr);
  EvaluateOptions without;
  without.without_checklist = true;
  Assessment a;
  Problems problems;
  EXPECT_FALSE(Evaluate(l, *rb, without, &a, &problems));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.items()[0].path, "daftar_periksa.syariah");
  EXPECT_EQ(problems.items()[0].code, "wajib_ada");
  EXPECT_EQ(problems.items()[0].pesan.find("--tanpa-manajemen"), std::string::npos) << problems.items()[0].pesan;
}

}  // namespace
}  // namespace kopsehat
