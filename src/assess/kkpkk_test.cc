// Version 1 of the KKPKK method kkpkk-2021 (kept in rules/lama/kkpkk-2021-v1.toml so stored results re-assess as
// they were made; version 2 is tested in kkpkk_v2_test.cc; decisions in docs/methods/kkpkk-2021.md) against the test
// vectors of ../shared/reference/kkpkk-2021-evidence.md §11 (section numbers below are that file's):
//  1. §11.1 checklist vectors, and every met count 0..n of every checklist size the rulebook has;
//  2. §11.1 ratio edges, and every finite band edge of every scored ratio component, exactly at the edge and 0.01
//     percentage point either side, against nilai tables written here from §6–§8 (the recommended edges);
//  3. §11.1 composite cut-offs (aspect % → final → predikat);
//  4. the full §11.2 example ("KSP Contoh", examples/ksp-contoh-kkpkk-2025.json) indicator by indicator;
//  5. what the reader and the engine refuse for this method.
// Expected values come from the evidence or from hand arithmetic written beside them, never from program output.
// Amounts in comments are rupiah (or Rp juta where marked); the engine works in sen = rupiah × 100.
//
// Printed §11.2 values that examples/ksp-contoh-kkpkk-2025.json cannot reproduce under this rulebook's definitions
// (the evidence's amounts are not one consistent balance sheet; every indicator still gets the printed skor, so every
// sub-aspect %, aspect %, the final 84.78 SEHAT, PPAPWD 117.2 and PPAP/PPAPWD 170.65 % are reproduced). Rp juta:
//  - Its liabilities (kewajiban jangka pendek 3,000 + jangka panjang 2,000) and equity (2,500) add up to 7,500, not
//    to total aset 10,000: the example closes the gap with modal penyertaan 2,500, which is not part of ekuitas.
//  - Modal pinjaman anggota ÷ TA printed 38.00 (3,800) → 30.00: members' tabungan and simpanan berjangka are
//    current liabilities here, and kewajiban lancar is pinned at 3,000 by the printed cash ratio 16.67 (500 / 3,000)
//    and aset likuid ÷ kewajiban lancar 23.33 (700 / 3,000); so at most 3,000, which still gives skor 4 (≥ 30).
//  - Pinjaman ÷ dana yang diterima printed 88.89 (8,000 / 9,000) → 80.00 (8,000 / 10,000): with all 3,000 of current
//    liabilities being savings (above), nothing is deducted from total funding (utang pajak, beban yang masih harus
//    dibayar, dana SHU are 0), so dana yang diterima = total aset. Same skor 3 ([75, 90)).
//  - Pertumbuhan dana yang diterima printed 8.43 (8,300 → 9,000) → 8.70 (9,200 → 10,000): follows from the line
//    above and last year's total aset 9,200 (pertumbuhan aset 8.70 as printed). Same skor 3.
//  - Rasio lancar printed 300.00 (aset lancar 9,000) → 320.00: the evidence's own current-asset parts (loans 8,000 −
//    PPAP 200 + kas/bank 500 + placements 200 + securities 1,100 = 9,600) exceed its 9,000. Same skor 4.
//  - Pendapatan utama ÷ total pendapatan printed 90.48 (1,900 / 2,100) → 87.34 (2,000 / 2,290): pendapatan utama is
//    partisipasi bruto (2,000, pinned by BOPO 82.50 and kemandirian 130.43), and for SHU setelah pajak 600 the
//    evidence's own lines (2,000 − 500 − 1,000 − 150 = 350) need pendapatan lain − pajak = 250 (290 − 40). Skor 4.
//  - CAR printed 27.06 (2,300 / 8,500) → 38.90 (3,450 / 8,870): ATMR weighs loans 8,000 at 100 % plus placements,
//    securities and fixed assets (≥ 8,870), and modal tertimbang counts modal penyertaan 2,500 at 50 %. Skor 4.
//  - Last year's income statement is not in the evidence; its lines are chosen to give SHU 580.

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "assess/assessment.h"
#include "assess/test_laporan.h"
#include "core/fraction.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "rules/loader.h"
#include "rules/rulebook.h"

namespace kopsehat {
namespace {

using testing::Book;
using testing::Comp;
using testing::Quantity;
using testing::Set;

constexpr Sen kRp = 100;                // sen per rupiah
constexpr Sen kJuta = 1'000'000 * kRp;  // Rp 1 juta in sen

const std::string kExamplePath = std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-contoh-kkpkk-2025.json";

// Version 1, as kept for stored results.
const Rulebook& Kkpkk() {
  Problems p;
  const Rulebook* rb = EmbeddedRulebookVersion("kkpkk-2021", "1", &p);
  if (rb == nullptr) throw std::runtime_error("kkpkk-2021 version 1 is not embedded: " + p.Render(Lang::kEn));
  return *rb;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

// Last year's line `path` set to `v` sen (periode_lalu).
void SetPrev(Laporan* l, std::string_view path, Sen v) {
  const int i = FindLine(path);
  if (i < 0) throw std::invalid_argument("unknown line " + std::string(path));
  l->previous.sen[size_t(i)] = v;
  l->previous.present.set(size_t(i));
  l->has_previous = true;
}

// The checklist components of the rulebook, in rulebook order.
std::vector<const Component*> Checklists(const Rulebook& rb, std::string_view aspect = "") {
  std::vector<const Component*> v;
  for (const Component& c : rb.components) {
    if (c.kind == ComponentKind::kChecklist && (aspect.empty() || c.aspect == aspect)) v.push_back(&c);
  }
  return v;
}

// All lines zero, periode_lalu present (zero), the two kegiatan lines present (zero), and every list of
// daftar_periksa.kkpkk present with all answers 'tidak'.
Laporan KkpkkBlank() {
  Laporan l;
  l.metode = "kkpkk-2021";
  l.periode_akhir = "2025-12-31";
  l.has_previous = true;
  l.checklist_sets = {"kkpkk"};
  for (const Component* c : Checklists(Kkpkk())) {
    ChecklistAnswers a;
    a.set = c->answers_set;
    a.key = c->answers_key;
    a.answers.assign(c->items.size(), false);
    a.given = c->items.size();
    l.checklists.push_back(std::move(a));
  }
  Set(&l, "kegiatan.setoran_simpanan_anggota", 0);
  Set(&l, "kegiatan.setoran_simpanan_total", 0);
  return l;
}

// The first `met` answers of list `key` of set kkpkk are 'ya', the rest 'tidak'.
void Met(Laporan* l, std::string_view key, int met) {
  for (ChecklistAnswers& c : l->checklists) {
    if (c.set != "kkpkk" || c.key != key) continue;
    for (size_t i = 0; i < c.answers.size(); ++i) c.answers[i] = int(i) < met;
    return;
  }
  throw std::invalid_argument("no list " + std::string(key));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The example laporan through the JSON reader; a refusal fails the test.
Laporan Example() {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  if (!reader.Read(ReadFile(kExamplePath), &l, &p)) ADD_FAILURE() << "example refused: " << p.Render(Lang::kEn);
  return l;
}

Assessment AssessKkpkk(const Laporan& l) {
  Problems p;
  Assessment a;
  if (!Evaluate(l, Kkpkk(), EvaluateOptions{}, &a, &p)) ADD_FAILURE() << "Evaluate failed: " << p.Render(Lang::kEn);
  return a;
}

// The exact percent rounded half up to 2 decimals, as hundredths: 86.02 % → 8602.
int64_t Pct2(const Fraction& x) { return int64_t(RoundHalfUp(x, 2)); }

// x_e2 hundredths of a percent as an exact fraction.
Fraction Hundredths(int64_t x_e2) { return Fraction::Of(x_e2, 100); }

// The checklist rule of evidence §4.2/§4.5, written independently of the rulebook: X = 100·met/n; X > 75 → 1,
// X > 50 → 2, X > 25 → 3, otherwise 4. Compared in integers: 100·met > 75·n ...
int ChecklistNilai(int met, int n) {
  if (100 * met > 75 * n) return 1;
  if (100 * met > 50 * n) return 2;
  if (100 * met > 25 * n) return 3;
  return 4;
}

const SubAspectResult& Sub(const Assessment& a, std::string_view id) {
  for (const SubAspectResult& s : a.sub_aspects) {
    if (s.spec->id == id) return s;
  }
  throw std::runtime_error("no sub-aspect " + std::string(id));
}

const AspectResult& Asp(const Assessment& a, std::string_view id) {
  for (const AspectResult& s : a.aspects) {
    if (s.spec->id == id) return s;
  }
  throw std::runtime_error("no aspect " + std::string(id));
}

bool HasProblem(const Problems& p, std::string_view path, std::string_view code) {
  for (const Problem& x : p.items()) {
    if (x.path == path && x.code == code) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Checklists (§4.2, §11.1).

TEST(KkpkkChecklist, EvidenceVectors) {
  // §11.1 checklist table: met/n → X % → nilai → skor. Each through the engine on a list of that size: 4 items
  // prinsip_keanggotaan, 3 prinsip_shu, 5 prinsip_demokratis, 17 kelembagaan_anggaran_dasar.
  const struct {
    const char* component;
    const char* list;
    int met, n;
    int64_t x_e2;
    int nilai, skor;
  } rows[] = {
      {"tata_kelola.keanggotaan_sukarela", "prinsip_keanggotaan", 4, 4, 10000, 1, 4},
      {"tata_kelola.keanggotaan_sukarela", "prinsip_keanggotaan", 3, 4, 7500, 2, 3},
      {"tata_kelola.keanggotaan_sukarela", "prinsip_keanggotaan", 2, 4, 5000, 3, 2},
      {"tata_kelola.keanggotaan_sukarela", "prinsip_keanggotaan", 1, 4, 2500, 4, 1},
      {"tata_kelola.keanggotaan_sukarela", "prinsip_keanggotaan", 0, 4, 0, 4, 1},
      {"tata_kelola.pembagian_shu", "prinsip_shu", 2, 3, 6667, 2, 3},
      {"tata_kelola.pembagian_shu", "prinsip_shu", 1, 3, 3333, 3, 2},
      {"tata_kelola.pengelolaan_demokratis", "prinsip_demokratis", 4, 5, 8000, 1, 4},
      {"tata_kelola.pengelolaan_demokratis", "prinsip_demokratis", 3, 5, 6000, 2, 3},
      {"tata_kelola.anggaran_dasar", "kelembagaan_anggaran_dasar", 13, 17, 7647, 1, 4},
      {"tata_kelola.anggaran_dasar", "kelembagaan_anggaran_dasar", 12, 17, 7059, 2, 3},
      {"tata_kelola.anggaran_dasar", "kelembagaan_anggaran_dasar", 9, 17, 5294, 2, 3},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(r.list) + " " + std::to_string(r.met) + "/" + std::to_string(r.n));
    Laporan l = KkpkkBlank();
    Met(&l, r.list, r.met);
    const Assessment a = AssessKkpkk(l);
    const ComponentResult& c = Comp(a, r.component);
    EXPECT_EQ(c.items, r.n);
    EXPECT_EQ(c.yes, r.met);
    EXPECT_EQ(Pct2(c.ratio_pct), r.x_e2);
    EXPECT_EQ(c.nilai_e2, r.nilai * 100);
    EXPECT_EQ(c.skor_e6, int64_t(r.skor) * 1'000'000);
    EXPECT_EQ(c.max_e6, 4'000'000);
  }
}

TEST(KkpkkChecklist, EveryMetCountOfEverySize) {
  // The rulebook's lists have 3, 4, 5 or 17 items (docs/methods/kkpkk-2021.md: 77 tata kelola items, KPMR 3/4/5).
  std::set<size_t> sizes;
  std::vector<const Component*> one_per_size;
  for (const Component* c : Checklists(Kkpkk())) {
    if (sizes.insert(c->items.size()).second) one_per_size.push_back(c);
  }
  EXPECT_EQ(sizes, (std::set<size_t>{3, 4, 5, 17}));
  EXPECT_EQ(Checklists(Kkpkk()).size(), 34u);  // 17 tata kelola + 5 risiko inheren + 12 KPMR
  for (const Component* c : one_per_size) {
    const int n = int(c->items.size());
    for (int met = 0; met <= n; ++met) {
      SCOPED_TRACE(c->id + " " + std::to_string(met) + "/" + std::to_string(n));
      Laporan l = KkpkkBlank();
      Met(&l, c->answers_key, met);
      const ComponentResult r = Comp(AssessKkpkk(l), c->id);  // a copy: the assessment is a temporary
      const int nilai = ChecklistNilai(met, n);
      EXPECT_EQ(r.nilai_e2, nilai * 100);
      EXPECT_EQ(r.skor_e6, int64_t(5 - nilai) * 1'000'000);
    }
  }
}

TEST(KkpkkChecklist, EveryListOfTheRulebookIsBandedTheSameWay) {
  // All 34 lists at once, each with a different share: list i has (i mod (n+1)) items met.
  Laporan l = KkpkkBlank();
  const std::vector<const Component*> lists = Checklists(Kkpkk());
  for (size_t i = 0; i < lists.size(); ++i) Met(&l, lists[i]->answers_key, int(i % (lists[i]->items.size() + 1)));
  const Assessment a = AssessKkpkk(l);
  for (size_t i = 0; i < lists.size(); ++i) {
    const int n = int(lists[i]->items.size()), met = int(i % size_t(n + 1));
    EXPECT_EQ(Comp(a, lists[i]->id).nilai_e2, ChecklistNilai(met, n) * 100) << lists[i]->id << " " << met << "/" << n;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Ratio edges (§11.1, §6–§8).
//
// For each scored ratio component: how to build a laporan whose ratio is exactly v hundredths of a percent (a base
// of Rp 10,000 and a part of v rupiah gives v / 100 %), and the nilai table of the evidence (the recommended edges
// of docs/methods/kkpkk-2021.md), written here as comparisons on v.

struct RatioSpec {
  const char* id;
  std::vector<int64_t> edges_e2;  // the finite edges of the table below, in hundredths of a percent
  std::function<int(int64_t)> nilai;
  std::function<void(Laporan*, int64_t)> build;
};

// Rupiah helpers for the builders.
void Rp(Laporan* l, const char* path, int64_t rupiah) { Set(l, path, rupiah * kRp); }
void RpPrev(Laporan* l, const char* path, int64_t rupiah) { SetPrev(l, path, rupiah * kRp); }

// The two most common builders: `part` v rupiah over `whole` Rp 10,000 (ratio v / 100 %), and growth of `line`
// from Rp 10,000 last year to 10,000 + v this year.
std::function<void(Laporan*, int64_t)> Over(const char* part, const char* whole) {
  return [=](Laporan* l, int64_t v) {
    Rp(l, part, v);
    Rp(l, whole, 10'000);
  };
}
std::function<void(Laporan*, int64_t)> Grows(const char* line) {
  return [=](Laporan* l, int64_t v) {
    RpPrev(l, line, 10'000);
    Rp(l, line, 10'000 + v);
  };
}

// nilai 1 for v ≥ a, 2 for v ≥ b, 3 for v ≥ c, else 4 ("X ≥ a / b ≤ X < a / c ≤ X < b / X < c").
std::function<int(int64_t)> AtLeast(int64_t a, int64_t b, int64_t c) {
  return [=](int64_t v) { return v >= a ? 1 : v >= b ? 2 : v >= c ? 3 : 4; };
}
// nilai 1 for v ≤ a, 2 for v ≤ b, 3 for v ≤ c, else 4 ("X ≤ a / a < X ≤ b / b < X ≤ c / X > c").
std::function<int(int64_t)> AtMost(int64_t a, int64_t b, int64_t c) {
  return [=](int64_t v) { return v <= a ? 1 : v <= b ? 2 : v <= c ? 3 : 4; };
}

const std::vector<RatioSpec>& RatioSpecs() {
  static const std::vector<RatioSpec> specs = {
      // §6 B.I.1a aset produktif ÷ TA: ≤ 95 / (95, 97] / (97, 99] / > 99. Aset produktif = placements; TA adds kas.
      {"profil_risiko.aset_produktif_total_aset", {9500, 9700, 9900}, AtMost(9500, 9700, 9900),
       [](Laporan* l, int64_t v) {
         Rp(l, "neraca.simpanan_di_lembaga_lain", v);
         Rp(l, "neraca.kas", 10'000 - v);
       }},
      // §6 B.I.1b pinjaman ÷ aset produktif: ≤ 75 / (75, 85] / (85, 95] / > 95.
      {"profil_risiko.pinjaman_aset_produktif", {7500, 8500, 9500}, AtMost(7500, 8500, 9500),
       [](Laporan* l, int64_t v) {
         Rp(l, "neraca.pinjaman_anggota", v);
         Rp(l, "neraca.simpanan_di_lembaga_lain", 10'000 - v);
       }},
      // §6 B.I.4a aset likuid ÷ TA, code version: ≤ 5 → 4, ≤ 10 → 3, ≤ 15 → 2, > 15 → 1.
      {"profil_risiko.aset_likuid_total_aset", {500, 1000, 1500},
       [](int64_t v) { return v <= 500 ? 4 : v <= 1000 ? 3 : v <= 1500 ? 2 : 1; },
       [](Laporan* l, int64_t v) {
         Rp(l, "neraca.kas", v);
         Rp(l, "neraca.pinjaman_anggota", 10'000 - v);
       }},
      // §6 B.I.4b aset likuid ÷ kewajiban lancar, code version: ≤ 7 → 4, ≤ 14 → 3, ≤ 21 → 2, > 21 → 1.
      {"profil_risiko.aset_likuid_kewajiban_lancar", {700, 1400, 2100},
       [](int64_t v) { return v <= 700 ? 4 : v <= 1400 ? 3 : v <= 2100 ? 2 : 1; },
       Over("neraca.kas", "neraca.tabungan")},
      // §7.1 #1 ROA: ≥ 7 / [5, 7) / [3, 5) / < 3. SHU setelah pajak = partisipasi bruto when nothing else is set.
      {"kinerja_keuangan.roa", {300, 500, 700}, AtLeast(700, 500, 300),
       Over("hasil_usaha.partisipasi_bruto", "neraca.kas")},
      // §7.1 #2 ROE: ≥ 10 / [7.5, 10) / [5, 7.5) / < 5.
      {"kinerja_keuangan.roe", {500, 750, 1000}, AtLeast(1000, 750, 500),
       Over("hasil_usaha.partisipasi_bruto", "neraca.simpanan_pokok")},
      // §7.1 #3 kemandirian operasional: ≥ 120 / [110, 120) / (100, 110) / ≤ 100.
      {"kinerja_keuangan.kemandirian_operasional", {10000, 11000, 12000},
       [](int64_t v) { return v >= 12000 ? 1 : v >= 11000 ? 2 : v > 10000 ? 3 : 4; },
       [](Laporan* l, int64_t v) {
         Rp(l, "hasil_usaha.partisipasi_bruto", v);  // partisipasi neto (beban pokok 0)
         Rp(l, "hasil_usaha.beban_usaha", 10'000);
       }},
      // §7.1 #4 BOPO: < 80 / [80, 90) / [90, 100) / ≥ 100.
      {"kinerja_keuangan.bopo", {8000, 9000, 10000},
       [](int64_t v) { return v < 8000 ? 1 : v < 9000 ? 2 : v < 10000 ? 3 : 4; },
       Over("hasil_usaha.beban_usaha", "hasil_usaha.partisipasi_bruto")},
      // §7.1 #5 beban usaha ÷ SHU kotor: [0, 40) / [40, 60) / [60, 80) / ≥ 80; a negative ratio (gross loss) → 4.
      {"kinerja_keuangan.beban_usaha_shu_kotor", {0, 4000, 6000, 8000},
       [](int64_t v) { return v < 0 ? 4 : v < 4000 ? 1 : v < 6000 ? 2 : v < 8000 ? 3 : 4; },
       [](Laporan* l, int64_t v) {
         if (v >= 0) {
           Rp(l, "hasil_usaha.beban_usaha", v);
           Rp(l, "hasil_usaha.partisipasi_bruto", 10'000);  // SHU kotor 10,000
         } else {
           Rp(l, "hasil_usaha.beban_usaha", -v);
           Rp(l, "hasil_usaha.beban_pokok", 10'000);  // SHU kotor −10,000
         }
       }},
      // §7.2 #6 pinjaman anggota ÷ pinjaman: ≥ 75 / [50, 75) / [25, 50) / < 25.
      {"kinerja_keuangan.pinjaman_anggota", {2500, 5000, 7500}, AtLeast(7500, 5000, 2500),
       [](Laporan* l, int64_t v) {
         Rp(l, "neraca.pinjaman_anggota", v);
         Rp(l, "neraca.pinjaman_non_anggota", 10'000 - v);
       }},
      // §7.2 #7 NPL, recommended: ≤ 5 / (5, 10] / (10, 15] / > 15.
      {"kinerja_keuangan.npl", {500, 1000, 1500}, AtMost(500, 1000, 1500),
       Over("pinjaman.macet", "neraca.pinjaman_anggota")},
      // §7.2 #8 cadangan risiko ÷ pinjaman bermasalah: ≥ 75 / [50, 75) / [25, 50) / < 25.
      {"kinerja_keuangan.cadangan_risiko", {2500, 5000, 7500}, AtLeast(7500, 5000, 2500),
       Over("neraca.cadangan_tujuan_risiko", "pinjaman.macet")},
      // §7.2 #9 (kas + bank) ÷ kewajiban lancar: ≥ 20 / [15, 20) / [10, 15) / < 10.
      {"kinerja_keuangan.rasio_kas", {1000, 1500, 2000}, AtLeast(2000, 1500, 1000),
       Over("neraca.bank", "neraca.tabungan")},
      // §7.2 #10 pinjaman ÷ dana yang diterima: ≥ 90 / [75, 90) / [60, 75) / < 60. Dana = all funding (here SP).
      {"kinerja_keuangan.pinjaman_dana_diterima", {6000, 7500, 9000}, AtLeast(9000, 7500, 6000),
       Over("neraca.pinjaman_anggota", "neraca.simpanan_pokok")},
      // §7.2 #11 aset lancar ÷ kewajiban lancar: ≥ 125 / [100, 125) / [75, 100) / < 75.
      {"kinerja_keuangan.rasio_lancar", {7500, 10000, 12500}, AtLeast(12500, 10000, 7500),
       Over("neraca.kas", "neraca.tabungan")},
      // §7.3 #12–#14 growth: ≥ 10 / [7, 10) / [4, 7) / < 4; last year's base 10,000, this year's 10,000 + v.
      {"kinerja_keuangan.pertumbuhan_aset", {400, 700, 1000}, AtLeast(1000, 700, 400),
       Grows("neraca.kas")},
      {"kinerja_keuangan.pertumbuhan_dana_diterima", {400, 700, 1000}, AtLeast(1000, 700, 400),
       Grows("neraca.tabungan")},
      {"kinerja_keuangan.pertumbuhan_ekuitas", {400, 700, 1000}, AtLeast(1000, 700, 400),
       Grows("neraca.simpanan_wajib")},
      // §7.3 #15 SHU growth: ≥ 5 / [3, 5) / [1, 3) / < 1.
      {"kinerja_keuangan.pertumbuhan_shu", {100, 300, 500}, AtLeast(500, 300, 100),
       Grows("hasil_usaha.partisipasi_bruto")},
      // §7.3 #16 pendapatan utama ÷ total pendapatan: ≥ 85 / [60, 85) / [35, 60) / < 35.
      {"kinerja_keuangan.pendapatan_utama", {3500, 6000, 8500}, AtLeast(8500, 6000, 3500),
       [](Laporan* l, int64_t v) {
         Rp(l, "hasil_usaha.partisipasi_bruto", v);
         Rp(l, "hasil_usaha.pendapatan_lain", 10'000 - v);
       }},
      // §7.3 #17 SHU ÷ (SP + SW): ≥ 30 / [20, 30) / [10, 20) / < 10.
      {"kinerja_keuangan.shu_simpanan_pokok_wajib", {1000, 2000, 3000}, AtLeast(3000, 2000, 1000),
       Over("hasil_usaha.partisipasi_bruto", "neraca.simpanan_wajib")},
      // §7.3 #18 partisipasi simpanan: ≥ 75 (75 closed as the code does) / [50, 75) / [25, 50) / < 25.
      {"kinerja_keuangan.partisipasi_simpanan", {2500, 5000, 7500}, AtLeast(7500, 5000, 2500),
       Over("kegiatan.setoran_simpanan_anggota", "kegiatan.setoran_simpanan_total")},
      // §8 #1 ekuitas ÷ TA: ≥ 30 / [20, 30) / [10, 20) / < 10.
      {"permodalan.ekuitas_total_aset", {1000, 2000, 3000}, AtLeast(3000, 2000, 1000),
       Over("neraca.simpanan_pokok", "neraca.kas")},
      // §8 #2 CAR: ≥ 8 / [6, 8) / [4, 6) / < 4. Modal tertimbang = SP (100 %); ATMR = loans (100 %).
      {"permodalan.kecukupan_modal", {400, 600, 800}, AtLeast(800, 600, 400),
       Over("neraca.simpanan_pokok", "neraca.pinjaman_anggota")},
      // §8 #3 modal pinjaman anggota ÷ TA: ≥ 30 / [20, 30) / [10, 20) / < 10.
      {"permodalan.modal_pinjaman_anggota", {1000, 2000, 3000}, AtLeast(3000, 2000, 1000),
       Over("neraca.simpanan_berjangka", "neraca.kas")},
      // §8 #4 kewajiban jangka panjang ÷ ekuitas, code version: ≤ 100 / (100, 125] / (125, 150] / > 150; a negative
      // ratio (negative equity) → 4.
      {"permodalan.kewajiban_jangka_panjang_ekuitas", {0, 10000, 12500, 15000},
       [](int64_t v) { return v < 0 ? 4 : v <= 10000 ? 1 : v <= 12500 ? 2 : v <= 15000 ? 3 : 4; },
       [](Laporan* l, int64_t v) {
         if (v >= 0) {
           Rp(l, "neraca.utang_jangka_panjang", v);
           Rp(l, "neraca.simpanan_pokok", 10'000);
         } else {
           Rp(l, "neraca.kewajiban_jangka_panjang_lain", -v);
           Rp(l, "neraca.shu_belum_dibagi", -10'000);  // ekuitas −10,000
         }
       }},
  };
  return specs;
}

const RatioSpec& Spec(std::string_view id) {
  for (const RatioSpec& s : RatioSpecs()) {
    if (s.id == id) return s;
  }
  throw std::runtime_error("no ratio spec " + std::string(id));
}

// Component `id` of a blank laporan built to ratio v_e2 / 100 %: the ratio must be exactly that.
ComponentResult RatioAt(std::string_view id, int64_t v_e2) {
  Laporan l = KkpkkBlank();
  Spec(id).build(&l, v_e2);
  const Assessment a = AssessKkpkk(l);
  const ComponentResult r = Comp(a, id);
  EXPECT_FALSE(r.zero_denominator) << id << " at " << v_e2;
  EXPECT_EQ(Compare(r.ratio_pct, Hundredths(v_e2)), 0) << id << " at " << v_e2 << ": the laporan is not built right";
  return r;
}

TEST(KkpkkRatioEdges, EvidenceVectors) {
  // §11.1 "Ratio edges" table, value → nilai, every row.
  const struct {
    const char* id;
    int64_t v_e2;
    int nilai;
  } rows[] = {
      // ROA: SHU 700 / TA 10,000 = 7.00 % ... (total aset 10,000)
      {"kinerja_keuangan.roa", 700, 1},
      {"kinerja_keuangan.roa", 699, 2},
      {"kinerja_keuangan.roa", 500, 2},
      {"kinerja_keuangan.roa", 300, 3},
      {"kinerja_keuangan.roa", 299, 4},
      {"kinerja_keuangan.roe", 1000, 1},
      {"kinerja_keuangan.roe", 750, 2},
      {"kinerja_keuangan.roe", 749, 3},
      {"kinerja_keuangan.roe", 500, 3},
      {"kinerja_keuangan.roe", 499, 4},
      {"kinerja_keuangan.kemandirian_operasional", 12000, 1},
      {"kinerja_keuangan.kemandirian_operasional", 11000, 2},
      {"kinerja_keuangan.kemandirian_operasional", 10001, 3},
      {"kinerja_keuangan.kemandirian_operasional", 10000, 4},
      {"kinerja_keuangan.bopo", 7999, 1},
      {"kinerja_keuangan.bopo", 8000, 2},
      {"kinerja_keuangan.bopo", 9000, 3},
      {"kinerja_keuangan.bopo", 10000, 4},
      {"kinerja_keuangan.beban_usaha_shu_kotor", 3999, 1},
      {"kinerja_keuangan.beban_usaha_shu_kotor", 4000, 2},
      {"kinerja_keuangan.beban_usaha_shu_kotor", 6000, 3},
      {"kinerja_keuangan.beban_usaha_shu_kotor", 8000, 4},
      {"profil_risiko.pinjaman_aset_produktif", 7500, 1},
      {"profil_risiko.pinjaman_aset_produktif", 7501, 2},
      {"profil_risiko.pinjaman_aset_produktif", 8500, 2},
      {"profil_risiko.pinjaman_aset_produktif", 9500, 3},
      {"profil_risiko.pinjaman_aset_produktif", 9501, 4},
      {"profil_risiko.aset_produktif_total_aset", 9500, 1},
      {"profil_risiko.aset_produktif_total_aset", 9700, 2},
      {"profil_risiko.aset_produktif_total_aset", 9900, 3},
      {"profil_risiko.aset_produktif_total_aset", 9901, 4},
      {"kinerja_keuangan.npl", 500, 1},
      {"kinerja_keuangan.npl", 1000, 2},
      {"kinerja_keuangan.npl", 1500, 3},
      {"kinerja_keuangan.npl", 1501, 4},
      {"permodalan.ekuitas_total_aset", 3000, 1},
      {"permodalan.ekuitas_total_aset", 2999, 2},
      {"permodalan.ekuitas_total_aset", 2000, 2},
      {"permodalan.ekuitas_total_aset", 1000, 3},
      {"permodalan.ekuitas_total_aset", 999, 4},
      {"permodalan.kewajiban_jangka_panjang_ekuitas", 10000, 1},
      {"permodalan.kewajiban_jangka_panjang_ekuitas", 12500, 2},
      {"permodalan.kewajiban_jangka_panjang_ekuitas", 15000, 3},
      {"permodalan.kewajiban_jangka_panjang_ekuitas", 15001, 4},
  };
  for (const auto& r : rows) {
    const ComponentResult c = RatioAt(r.id, r.v_e2);
    EXPECT_EQ(c.nilai_e2, r.nilai * 100) << r.id << " at " << r.v_e2;
    EXPECT_EQ(c.skor_e6, int64_t(5 - r.nilai) * 1'000'000) << r.id << " at " << r.v_e2;
  }
}

TEST(KkpkkRatioEdges, EveryScoredRatioComponentIsCovered) {
  // Every scored ratio component of the rulebook has a table here (and nothing here is unknown to the rulebook).
  std::set<std::string> rulebook_ids, here;
  for (const Component& c : Kkpkk().components) {
    if (c.kind == ComponentKind::kRatio && !c.informational) rulebook_ids.insert(c.id);
  }
  for (const RatioSpec& s : RatioSpecs()) here.insert(s.id);
  EXPECT_EQ(rulebook_ids, here);
  EXPECT_EQ(rulebook_ids.size(), 26u);  // profil risiko 4 + kinerja keuangan 18 + permodalan 4
}

TEST(KkpkkRatioEdges, EveryBandEdgeAndAHairEitherSide) {
  for (const Component& c : Kkpkk().components) {
    if (c.kind != ComponentKind::kRatio || c.informational) continue;
    const RatioSpec& spec = Spec(c.id);
    // The rulebook's own finite edges, in hundredths; and the evidence table's, so an edge missing from either side
    // is still probed.
    std::set<int64_t> edges(spec.edges_e2.begin(), spec.edges_e2.end());
    std::set<int64_t> rulebook_edges;
    for (const Band& b : c.bands) {
      for (const auto& [has, d] : {std::pair{b.range.has_lo, b.range.lo}, std::pair{b.range.has_hi, b.range.hi}}) {
        if (!has) continue;
        ASSERT_LE(d.scale, 2) << c.id << ": an edge finer than 0.01 %";
        const int64_t e2 = int64_t(d.units) * (d.scale == 0 ? 100 : d.scale == 1 ? 10 : 1);
        rulebook_edges.insert(e2);
        edges.insert(e2);
      }
    }
    EXPECT_EQ(rulebook_edges, std::set<int64_t>(spec.edges_e2.begin(), spec.edges_e2.end()))
        << c.id << ": the rulebook's edges differ from the evidence table";
    for (const int64_t e : edges) {
      for (const int64_t v : {e - 1, e, e + 1}) {
        const ComponentResult r = RatioAt(c.id, v);
        EXPECT_EQ(r.nilai_e2, spec.nilai(v) * 100) << c.id << " at " << v << " hundredths of a percent";
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Composite cut-offs (§4.3–§4.5, §11.1 composite table).
//
// Aspect % = Σ skor ÷ (4 × n) with n = 17 (TK), 21 (PR), 18 (KK), 4 (P); reachable values are k/68, k/84, k/72 and
// k/16. The laporan is the §11.2 example (TK 56, PR 71 of which 12 from its four ratios, KK 60, P 15) with
// adjustments that each move known components (worked out per component from the formulas, in Rp juta):
//   A partisipasi simpanan: setoran anggota 3,000 / 2,000 / 1,000 of 5,000 → 60 / 40 / 20 % → skor 3 / 2 / 1.
//   B modal pinjaman anggota: tabungan + simpanan berjangka moved to dana_yang_diterima (also a current liability,
//     also funding), leaving 1,500 (15 % → skor 2) or 700 (7 % → skor 1).
//   C kewajiban jangka panjang ÷ ekuitas: utang jangka panjang + z, modal penyertaan − z (funding and CAR ≥ 8 %
//     unchanged): z = 750 → 110 % (skor 3), z = 1,500 → 140 % (skor 2).
//   D SHU setelah pajak → 0 (beban lain + 600): ROA 3 → 1, ROE 4 → 1, SHU ÷ (SP+SW) 4 → 1, SHU growth 3 → 1:
//     KK − 10.
//   E pendapatan utama ÷ total pendapatan: pendapatan lain and beban lain both + 5,710 (SHU unchanged):
//     2,000 / 8,000 = 25 % → skor 1 (KK − 3).
//   F macet 880 (pinjaman bermasalah 1,200): NPL 15 % → skor 2, cadangan 200 / 1,200 = 16.67 % → skor 1 (KK − 4);
//     macet 1,280 (1,600): NPL 20 % → 1, cadangan 12.5 % → 1 (KK − 5).
//   G pinjaman anggota 3,000 of 8,000 (non-anggota 5,000): 37.5 % → skor 2 (KK − 2).
//   H SHU belum dibagi 600 moved to modal penyertaan (both 50 % in modal tertimbang; both funding): ekuitas 1,900,
//     ekuitas ÷ TA 19 % → skor 2 (P − 1), equity growth negative → skor 1 (KK − 1); with C' (utang jangka panjang
//     2,900, modal penyertaan − 900): 2,900 / 1,900 = 152.6 % → skor 1 (P − 3).
// None of them moves the four risiko inheren ratios (skor 12). The checklists then give TK and the rest of PR.
// "All skor equal" laporan are not used for the middle rows: every ratio at nilai 3 at once is impossible under
// these definitions (rasio lancar < 100 % with kas + bank ≥ 10 % of kewajiban lancar and aset likuid ≤ 10 % of TA
// forces PPAP above 7 % of aset produktif; cadangan risiko < 50 % then needs pinjaman bermasalah above 14 % of aset
// produktif, and NPL ≤ 15 % then needs pinjaman above 96 % of aset produktif, outside (85, 95]).

struct Line {
  const char* path;
  int64_t juta;
};

struct CompositeCase {
  const char* name;
  std::vector<Line> lines;       // this year's lines (Rp juta) changed from the example
  std::vector<Line> prev_lines;  // last year's
  int pr_ratio_skor;             // Σ skor of the four risiko inheren ratios
  int tk, pr, kk, p;             // Σ skor per aspect (TK and PR − pr_ratio_skor from the checklists)
  int64_t tk_e2, pr_e2, kk_e2, p_e2, final_e2;
  const char* tk_label;
  const char* pr_label;
  const char* kk_label;
  const char* p_label;
  const char* label;
};

// Minimal items met for a checklist skor on a list of n (§4.2): skor 4 all; 3 → > 50 %: n/2 + 1; 2 → > 25 %:
// n/4 + 1; 1 none.
int MetFor(int n, int skor) {
  switch (skor) {
    case 4:
      return n;
    case 3:
      return n / 2 + 1;
    case 2:
      return n / 4 + 1;
    default:
      return 0;
  }
}

// The checklists of `aspect` answered so that their skor add up to `sum`: each at least 1, filled to 4 in rulebook
// order.
void ChecklistSum(Laporan* l, std::string_view aspect, int sum) {
  const std::vector<const Component*> lists = Checklists(Kkpkk(), aspect);
  int extra = sum - int(lists.size());
  ASSERT_GE(extra, 0);
  ASSERT_LE(extra, 3 * int(lists.size()));
  for (const Component* c : lists) {
    const int skor = 1 + std::min(extra, 3);
    extra -= skor - 1;
    const int n = int(c->items.size());
    ASSERT_EQ(5 - ChecklistNilai(MetFor(n, skor), n), skor) << c->id;  // MetFor agrees with the rule
    Met(l, c->answers_key, MetFor(n, skor));
  }
}

void RunComposite(const CompositeCase& c) {
  SCOPED_TRACE(c.name);
  Laporan l = Example();
  for (const Line& x : c.lines) Set(&l, x.path, x.juta * kJuta);
  for (const Line& x : c.prev_lines) SetPrev(&l, x.path, x.juta * kJuta);
  ChecklistSum(&l, "tata_kelola", c.tk);
  ChecklistSum(&l, "profil_risiko", c.pr - c.pr_ratio_skor);
  const Assessment a = AssessKkpkk(l);
  const struct {
    const char* id;
    int sum, n;
    int64_t pct_e2;
    const char* label;
  } aspects[] = {{"tata_kelola", c.tk, 17, c.tk_e2, c.tk_label},
                 {"profil_risiko", c.pr, 21, c.pr_e2, c.pr_label},
                 {"kinerja_keuangan", c.kk, 18, c.kk_e2, c.kk_label},
                 {"permodalan", c.p, 4, c.p_e2, c.p_label}};
  for (const auto& x : aspects) {
    const AspectResult& r = Asp(a, x.id);
    EXPECT_EQ(r.pool.components, x.n) << x.id;
    EXPECT_EQ(r.pool.sum_e6, int64_t(x.sum) * 1'000'000) << x.id;
    EXPECT_EQ(r.pool.sum_max_e6, int64_t(x.n) * 4'000'000) << x.id;
    EXPECT_EQ(r.pool.pct_e6, x.pct_e2 * 10'000) << x.id;
    EXPECT_EQ(a.PredikatOf(r.pool).label, x.label) << x.id;
  }
  EXPECT_EQ(a.total_e6, c.final_e2 * 10'000);
  EXPECT_EQ(a.Predikat().label, c.label);
}

// The example's lines after adjustments B (to 700), C/D/E/F as named per case.
const std::vector<Line> kB700 = {{"neraca.tabungan", 0}, {"neraca.simpanan_berjangka", 700},
                                 {"neraca.dana_yang_diterima", 2'300}};

std::vector<Line> Join(std::vector<std::vector<Line>> parts) {
  std::vector<Line> all;
  for (auto& p : parts) all.insert(all.end(), p.begin(), p.end());
  return all;
}

TEST(KkpkkComposite, ExactlyReachableRows) {
  const CompositeCase cases[] = {
      // §11.1 row 3: TK 100, PR 100, KK 50, P 100 → 30 + 15 + 20 + 15 = 80.00 → Sehat.
      // From the example (Rp juta): simpanan di lembaga lain 200 → 2,200 (TA 12,000; aset produktif 11,300;
      // aset likuid 2,700), cadangan umum 400 → 1,500 (ekuitas 3,600), tabungan 1,800 → 2,400 (kewajiban lancar
      // 3,600), modal penyertaan 2,800 (balances):
      //   risiko inheren: 11,300/12,000 = 94.17 → 4; 8,000/11,300 = 70.80 → 4; 2,700/12,000 = 22.5 → 4;
      //     2,700/3,600 = 75 → 4 (Σ 16);
      //   permodalan: 3,600/12,000 = 30.00 → 4; CAR 4,700/9,270 = 50.7 → 4; 3,600/12,000 = 30.00 → 4;
      //     2,000/3,600 = 55.6 → 4 (Σ 16);
      //   kinerja keuangan: ROA 0 → 1, ROE 0 → 1 (D); kemandirian 130.43 → 4; BOPO 82.5 → 3; beban usaha ÷ SHU kotor
      //     66.67 → 2; pinjaman anggota 1,000/8,000 = 12.5 → 1; NPL 1,600/8,000 = 20 → 1 and cadangan 200/1,600 =
      //     12.5 → 1 (F); kas 500/3,600 = 13.9 → 2; dana 8,000/12,000 = 66.7 → 2; lancar 11,600/3,600 → 4;
      //     aset growth 12,000 vs last year 11,400 (pinjaman anggota lalu 9,000) = 5.26 → 2; dana growth
      //     12,000/9,200 → 30.4 → 4; equity growth 3,600/2,350 → 53 → 4; SHU growth negative → 1; pendapatan
      //     utama 25 → 1 (E); SHU ÷ (SP+SW) 0 → 1; partisipasi 20 → 1 (A)
      //     = 1+1+4+3+2 + 1+1+1+2+2+4 + 2+4+4+1+1+1+1 = 36.
      {"row 3: 100/100/50/100 → 80.00",
       {{"neraca.simpanan_di_lembaga_lain", 2'200},
        {"neraca.cadangan_umum", 1'500},
        {"neraca.tabungan", 2'400},
        {"neraca.modal_penyertaan", 2'800},
        {"neraca.pinjaman_anggota", 1'000},
        {"neraca.pinjaman_non_anggota", 7'000},
        {"pinjaman.macet", 1'280},
        {"hasil_usaha.pendapatan_lain", 6'000},
        {"hasil_usaha.beban_lain", 6'310},
        {"kegiatan.setoran_simpanan_anggota", 1'000}},
       {{"neraca.pinjaman_anggota", 9'000}},
       16,
       68, 84, 36, 16,
       10000, 10000, 5000, 10000, 8000,
       "SEHAT", "SEHAT", "DALAM PENGAWASAN KHUSUS", "SEHAT", "SEHAT"},
      // §11.1 row 7: 50 / 50 / 50 / 50 → 50.00 → Dalam Pengawasan Khusus. TK 34/68, PR 42/84 (12 + 30),
      // KK 36/72: 60 − 1 (H) − 10 (D) − 5 (F, macet 1,280) − 3 (E) − 2 (G) − 3 (A, 1,000) = 36;
      // P 8/16: 15 − 1 − 3 (H, C') − 3 (B, 700) = 8.
      {"row 7: all 50 → 50.00",
       Join({kB700,
             {{"neraca.shu_belum_dibagi", 0},
              {"neraca.modal_penyertaan", 2'200},
              {"neraca.utang_jangka_panjang", 2'900},
              {"hasil_usaha.pendapatan_lain", 6'000},
              {"hasil_usaha.beban_lain", 6'310},
              {"pinjaman.macet", 1'280},
              {"neraca.pinjaman_anggota", 3'000},
              {"neraca.pinjaman_non_anggota", 5'000},
              {"kegiatan.setoran_simpanan_anggota", 1'000}}}),
       {},
       12,
       34, 42, 36, 8,
       5000, 5000, 5000, 5000, 5000,
       "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN KHUSUS",
       "DALAM PENGAWASAN KHUSUS"},
  };
  for (const CompositeCase& c : cases) RunComposite(c);
}

TEST(KkpkkComposite, UnreachableRowsOnTheClosestReachableValues) {
  // Rows 1, 2, 5, 6 and 8 ask for equal (or 79.99) aspect percentages that no integer skor sum gives: 60 % of 68,
  // 84, 72, 16 is 40.8, 50.4, 43.2, 9.6; 80 %: 54.4, 67.2, 57.6, 12.8; 66 %: 44.88 ...; 51 %: 34.68 ...; 79.99 % of
  // anything here is not a whole skor. Row 4's TK 70 is not k/68 either (47/68 = 69.12, 48/68 = 70.59). Each is
  // tested on the reachable aspect percentages closest to the row that give a final exactly at the row's final and
  // 0.01 below it, so the rounding (aspect, then total, half up to 2 decimals) and the predikat edges are exercised.
  const CompositeCase cases[] = {
      // Row 1 (60): TK 40/68 = 58.82, PR 54/84 = 64.29, KK 42/72 = 58.33, P 10/16 = 62.50:
      // 0.3 × 58.82 + 0.15 × 64.29 + 0.4 × 58.33 + 0.15 × 62.50 = 17.646 + 9.6435 + 23.332 + 9.375 = 59.9965
      // → 60.00 → Dalam Pengawasan. KK 60 − 10 (D) − 4 (F, 880) − 3 (E) − 1 (A, 3,000) = 42; P 15 − 3 (B) − 2 (C,
      // z = 1,500) = 10.
      {"row 1: ≈60 → 60.00",
       Join({kB700,
             {{"neraca.utang_jangka_panjang", 3'500},
              {"neraca.modal_penyertaan", 1'000},
              {"hasil_usaha.pendapatan_lain", 6'000},
              {"hasil_usaha.beban_lain", 6'310},
              {"pinjaman.macet", 880},
              {"kegiatan.setoran_simpanan_anggota", 3'000}}}),
       {},
       12,
       40, 54, 42, 10,
       5882, 6429, 5833, 6250, 6000,
       "DALAM PENGAWASAN", "DALAM PENGAWASAN", "DALAM PENGAWASAN", "DALAM PENGAWASAN", "DALAM PENGAWASAN"},
      // Row 2 (80): TK 54/68 = 79.41, PR 69/84 = 82.14, KK 57/72 = 79.17, P 13/16 = 81.25:
      // 23.823 + 12.321 + 31.668 + 12.1875 = 79.9995 → 80.00 → Sehat (while TK and KK are Cukup Sehat).
      // KK 60 − 3 (A, 1,000) = 57; P 15 − 2 (B: tabungan 300 + berjangka 1,200 = 1,500, 15 %) = 13.
      {"row 2: ≈80 → 80.00",
       {{"kegiatan.setoran_simpanan_anggota", 1'000},
        {"neraca.tabungan", 300},
        {"neraca.dana_yang_diterima", 1'500}},
       {},
       12,
       54, 69, 57, 13,
       7941, 8214, 7917, 8125, 8000,
       "CUKUP SEHAT", "SEHAT", "CUKUP SEHAT", "SEHAT", "SEHAT"},
      // Row 8 (80 / 79.99 / 79.99 / 80 → 79.99): same KK and P; TK 56/68 = 82.35, PR 64/84 = 76.19:
      // 24.705 + 11.4285 + 31.668 + 12.1875 = 79.989 → 79.99 → Cukup Sehat.
      {"row 8: → 79.99",
       {{"kegiatan.setoran_simpanan_anggota", 1'000},
        {"neraca.tabungan", 300},
        {"neraca.dana_yang_diterima", 1'500}},
       {},
       12,
       56, 64, 57, 13,
       8235, 7619, 7917, 8125, 7999,
       "SEHAT", "CUKUP SEHAT", "CUKUP SEHAT", "SEHAT", "CUKUP SEHAT"},
      // Row 5 (66): TK 46/68 = 67.65, PR 52/84 = 61.90, KK 47/72 = 65.28, P 11/16 = 68.75:
      // 20.295 + 9.285 + 26.112 + 10.3125 = 66.0045 → 66.00 → Cukup Sehat.
      // KK 60 − 10 (D) − 3 (E) = 47; P 15 − 3 (B) − 1 (C, z = 750) = 11.
      {"row 5: ≈66 → 66.00",
       Join({kB700,
             {{"neraca.utang_jangka_panjang", 2'750},
              {"neraca.modal_penyertaan", 1'750},
              {"hasil_usaha.pendapatan_lain", 6'000},
              {"hasil_usaha.beban_lain", 6'310}}}),
       {},
       12,
       46, 52, 47, 11,
       6765, 6190, 6528, 6875, 6600,
       "CUKUP SEHAT", "DALAM PENGAWASAN", "DALAM PENGAWASAN", "CUKUP SEHAT", "CUKUP SEHAT"},
      // 65.99: TK 46/68 = 67.65, PR 55/84 = 65.48, KK 46/72 = 63.89 (A, 3,000: − 1), P 11/16 = 68.75:
      // 20.295 + 9.822 + 25.556 + 10.3125 = 65.9855 → 65.99 → Dalam Pengawasan.
      {"row 5: → 65.99",
       Join({kB700,
             {{"neraca.utang_jangka_panjang", 2'750},
              {"neraca.modal_penyertaan", 1'750},
              {"hasil_usaha.pendapatan_lain", 6'000},
              {"hasil_usaha.beban_lain", 6'310},
              {"kegiatan.setoran_simpanan_anggota", 3'000}}}),
       {},
       12,
       46, 55, 46, 11,
       6765, 6548, 6389, 6875, 6599,
       "CUKUP SEHAT", "DALAM PENGAWASAN", "DALAM PENGAWASAN", "CUKUP SEHAT", "DALAM PENGAWASAN"},
      // Row 6 (51): TK 35/68 = 51.47, PR 42/84 = 50.00, KK 37/72 = 51.39, P 8/16 = 50.00:
      // 15.441 + 7.5 + 20.556 + 7.5 = 50.997 → 51.00 → Dalam Pengawasan. KK as row 7 but partisipasi
      // 2,000/5,000 = 40 % (skor 2): 37.
      {"row 6: ≈51 → 51.00",
       Join({kB700,
             {{"neraca.shu_belum_dibagi", 0},
              {"neraca.modal_penyertaan", 2'200},
              {"neraca.utang_jangka_panjang", 2'900},
              {"hasil_usaha.pendapatan_lain", 6'000},
              {"hasil_usaha.beban_lain", 6'310},
              {"pinjaman.macet", 1'280},
              {"neraca.pinjaman_anggota", 3'000},
              {"neraca.pinjaman_non_anggota", 5'000},
              {"kegiatan.setoran_simpanan_anggota", 2'000}}}),
       {},
       12,
       35, 42, 37, 8,
       5147, 5000, 5139, 5000, 5100,
       "DALAM PENGAWASAN", "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN", "DALAM PENGAWASAN KHUSUS",
       "DALAM PENGAWASAN"},
      // 50.99: TK 37/68 = 54.41, PR 37/84 = 44.05, KK 37/72 = 51.39, P 8/16 = 50.00:
      // 16.323 + 6.6075 + 20.556 + 7.5 = 50.9865 → 50.99 → Dalam Pengawasan Khusus.
      {"row 6: → 50.99",
       Join({kB700,
             {{"neraca.shu_belum_dibagi", 0},
              {"neraca.modal_penyertaan", 2'200},
              {"neraca.utang_jangka_panjang", 2'900},
              {"hasil_usaha.pendapatan_lain", 6'000},
              {"hasil_usaha.beban_lain", 6'310},
              {"pinjaman.macet", 1'280},
              {"neraca.pinjaman_anggota", 3'000},
              {"neraca.pinjaman_non_anggota", 5'000},
              {"kegiatan.setoran_simpanan_anggota", 2'000}}}),
       {},
       12,
       37, 37, 37, 8,
       5441, 4405, 5139, 5000, 5099,
       "DALAM PENGAWASAN", "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN", "DALAM PENGAWASAN KHUSUS",
       "DALAM PENGAWASAN KHUSUS"},
      // Row 4 (70 / 50 / 62.5 / 75 → 64.75): PR 42/84 = 50, KK 45/72 = 62.5, P 12/16 = 75 are reachable, TK 70 is
      // not. TK 48/68 = 70.59: 21.177 + 7.5 + 25 + 11.25 = 64.927 → 64.93; TK 47/68 = 69.12: 20.736 + 43.75 =
      // 64.486 → 64.49; both Dalam Pengawasan as the row's 64.75. KK 60 − 10 (D) − 4 (F, 880) − 1 (A, 3,000) = 45;
      // P 15 − 3 (B) = 12.
      {"row 4: TK 70.59 → 64.93",
       Join({kB700,
             {{"hasil_usaha.beban_lain", 600},
              {"pinjaman.macet", 880},
              {"kegiatan.setoran_simpanan_anggota", 3'000}}}),
       {},
       12,
       48, 42, 45, 12,
       7059, 5000, 6250, 7500, 6493,
       "CUKUP SEHAT", "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN", "CUKUP SEHAT", "DALAM PENGAWASAN"},
      {"row 4: TK 69.12 → 64.49",
       Join({kB700,
             {{"hasil_usaha.beban_lain", 600},
              {"pinjaman.macet", 880},
              {"kegiatan.setoran_simpanan_anggota", 3'000}}}),
       {},
       12,
       47, 42, 45, 12,
       6912, 5000, 6250, 7500, 6449,
       "CUKUP SEHAT", "DALAM PENGAWASAN KHUSUS", "DALAM PENGAWASAN", "CUKUP SEHAT", "DALAM PENGAWASAN"},
  };
  for (const CompositeCase& c : cases) RunComposite(c);
}

TEST(KkpkkComposite, TheEvidenceTableAsArithmetic) {
  // The §11.1 composite table itself, all 8 rows, on the stated aspect percentages: final = Σ bobot × aspect % ÷
  // 100 rounded half up to 2 decimals, then ≥ 80 / 66 / 51 (§4.4). This checks the rulebook's weights and predikat
  // table, which the engine applies; the rows the engine cannot be given exactly are run above.
  const Rulebook& rb = Kkpkk();
  ASSERT_EQ(rb.aspects.size(), 4u);
  const int64_t bobot[] = {30, 15, 40, 15};
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(rb.aspects[i].bobot_e2, bobot[i] * 100) << rb.aspects[i].id;
  ASSERT_EQ(rb.predikat.size(), 4u);
  EXPECT_EQ(rb.predikat[0].min_e6, 80'000'000);
  EXPECT_EQ(rb.predikat[1].min_e6, 66'000'000);
  EXPECT_EQ(rb.predikat[2].min_e6, 51'000'000);
  EXPECT_FALSE(rb.predikat[3].has_min);
  EXPECT_EQ(rb.decimals, 2);
  EXPECT_EQ(rb.skor_maks, 4);
  const struct {
    int64_t tk, pr, kk, p, final_e2;
    const char* label;
  } rows[] = {
      {6000, 6000, 6000, 6000, 6000, "DALAM PENGAWASAN"},   {8000, 8000, 8000, 8000, 8000, "SEHAT"},
      {10000, 10000, 5000, 10000, 8000, "SEHAT"},           {7000, 5000, 6250, 7500, 6475, "DALAM PENGAWASAN"},
      {6600, 6600, 6600, 6600, 6600, "CUKUP SEHAT"},        {5100, 5100, 5100, 5100, 5100, "DALAM PENGAWASAN"},
      {5000, 5000, 5000, 5000, 5000, "DALAM PENGAWASAN KHUSUS"}, {8000, 7999, 7999, 8000, 7999, "CUKUP SEHAT"},
  };
  for (const auto& r : rows) {
    // Σ bobot × pct_e2 is in 10^-4 points; half up to 10^-2: (x + 50) / 100.
    const int64_t x = bobot[0] * r.tk + bobot[1] * r.pr + bobot[2] * r.kk + bobot[3] * r.p;
    const int64_t final_e2 = (x + 50) / 100;
    EXPECT_EQ(final_e2, r.final_e2);
    const char* label = "DALAM PENGAWASAN KHUSUS";
    for (const PredikatRule& pr : rb.predikat) {
      if (!pr.has_min || final_e2 * 10'000 >= pr.min_e6) {
        label = pr.label.c_str();
        break;
      }
    }
    EXPECT_STREQ(label, r.label) << r.final_e2;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. The §11.2 example, examples/ksp-contoh-kkpkk-2025.json.

TEST(KkpkkExample, EveryIndicatorHasThePrintedSkor) {
  const Assessment a = AssessKkpkk(Example());
  // §11.2 tables; checklists with the printed met/n; KPMR met/n chosen to give the printed skor.
  const struct {
    const char* id;
    int skor;
    int met, n;  // checklists; 0/0 for ratios
  } rows[] = {
      {"tata_kelola.keanggotaan_sukarela", 4, 4, 4},
      {"tata_kelola.pengelolaan_demokratis", 4, 5, 5},
      {"tata_kelola.pembagian_shu", 3, 2, 3},
      {"tata_kelola.balas_jasa_modal", 3, 3, 4},
      {"tata_kelola.kemandirian", 4, 4, 4},
      {"tata_kelola.pendidikan", 2, 2, 4},
      {"tata_kelola.kerjasama", 1, 1, 4},
      {"tata_kelola.legalitas_badan_hukum", 4, 3, 3},
      {"tata_kelola.izin_usaha", 3, 2, 3},
      {"tata_kelola.anggaran_dasar", 4, 17, 17},
      {"tata_kelola.keanggotaan", 4, 4, 4},
      {"tata_kelola.kelengkapan_organisasi", 4, 3, 3},
      {"tata_kelola.manajemen_umum", 4, 3, 3},
      {"tata_kelola.manajemen_kelembagaan", 3, 3, 4},
      {"tata_kelola.manajemen_permodalan", 4, 4, 4},
      {"tata_kelola.manajemen_aset", 3, 3, 4},
      {"tata_kelola.manajemen_likuiditas", 2, 2, 4},
      {"profil_risiko.aset_produktif_total_aset", 4, 0, 0},
      {"profil_risiko.pinjaman_aset_produktif", 2, 0, 0},
      {"profil_risiko.operasional_skala_organisasi", 3, 3, 4},
      {"profil_risiko.operasional_keberagaman_produk", 4, 4, 4},
      {"profil_risiko.kepatuhan_pelanggaran", 4, 4, 4},
      {"profil_risiko.kepatuhan_tindak_lanjut", 4, 4, 4},
      {"profil_risiko.aset_likuid_total_aset", 2, 0, 0},
      {"profil_risiko.aset_likuid_kewajiban_lancar", 4, 0, 0},
      {"profil_risiko.akses_pendanaan", 3, 3, 5},
      {"profil_risiko.kpmr_kredit_pengawasan", 4, 4, 4},
      {"profil_risiko.kpmr_kredit_kebijakan", 4, 3, 3},
      {"profil_risiko.kpmr_kredit_proses", 3, 3, 4},
      {"profil_risiko.kpmr_operasional_pengawasan", 4, 4, 4},
      {"profil_risiko.kpmr_operasional_kebijakan", 3, 2, 3},
      {"profil_risiko.kpmr_operasional_proses", 3, 3, 4},
      {"profil_risiko.kpmr_kepatuhan_pengawasan", 4, 4, 4},
      {"profil_risiko.kpmr_kepatuhan_kebijakan", 4, 4, 4},
      {"profil_risiko.kpmr_kepatuhan_proses", 4, 4, 4},
      {"profil_risiko.kpmr_likuiditas_pengawasan", 3, 3, 4},
      {"profil_risiko.kpmr_likuiditas_kebijakan", 2, 2, 5},
      {"profil_risiko.kpmr_likuiditas_proses", 3, 3, 4},
      {"kinerja_keuangan.roa", 3, 0, 0},
      {"kinerja_keuangan.roe", 4, 0, 0},
      {"kinerja_keuangan.kemandirian_operasional", 4, 0, 0},
      {"kinerja_keuangan.bopo", 3, 0, 0},
      {"kinerja_keuangan.beban_usaha_shu_kotor", 2, 0, 0},
      {"kinerja_keuangan.pinjaman_anggota", 4, 0, 0},
      {"kinerja_keuangan.npl", 4, 0, 0},
      {"kinerja_keuangan.cadangan_risiko", 3, 0, 0},
      {"kinerja_keuangan.rasio_kas", 3, 0, 0},
      {"kinerja_keuangan.pinjaman_dana_diterima", 3, 0, 0},
      {"kinerja_keuangan.rasio_lancar", 4, 0, 0},
      {"kinerja_keuangan.pertumbuhan_aset", 3, 0, 0},
      {"kinerja_keuangan.pertumbuhan_dana_diterima", 3, 0, 0},
      {"kinerja_keuangan.pertumbuhan_ekuitas", 2, 0, 0},
      {"kinerja_keuangan.pertumbuhan_shu", 3, 0, 0},
      {"kinerja_keuangan.pendapatan_utama", 4, 0, 0},
      {"kinerja_keuangan.shu_simpanan_pokok_wajib", 4, 0, 0},
      {"kinerja_keuangan.partisipasi_simpanan", 4, 0, 0},
      {"permodalan.ekuitas_total_aset", 3, 0, 0},
      {"permodalan.kecukupan_modal", 4, 0, 0},
      {"permodalan.modal_pinjaman_anggota", 4, 0, 0},
      {"permodalan.kewajiban_jangka_panjang_ekuitas", 4, 0, 0},
  };
  int scored = 0;
  for (const ComponentResult& r : a.components) scored += r.Informational() ? 0 : 1;
  EXPECT_EQ(scored, int(std::size(rows)));  // 60 indicators
  for (const auto& r : rows) {
    const ComponentResult& c = Comp(a, r.id);
    EXPECT_EQ(c.skor_e6, int64_t(r.skor) * 1'000'000) << r.id;
    EXPECT_EQ(c.nilai_e2, int64_t(5 - r.skor) * 100) << r.id;
    EXPECT_EQ(c.max_e6, 4'000'000) << r.id;
    if (r.n > 0) {
      EXPECT_EQ(c.yes, r.met) << r.id;
      EXPECT_EQ(c.items, r.n) << r.id;
    }
  }
}

TEST(KkpkkExample, RatioValues) {
  const Assessment a = AssessKkpkk(Example());
  // Printed in §11.2 and reproduced (Rp juta in the working):
  const struct {
    const char* id;
    int64_t pct_e2;
  } printed[] = {
      {"profil_risiko.aset_produktif_total_aset", 9300},       // 9,300 / 10,000
      {"profil_risiko.pinjaman_aset_produktif", 8602},         // 8,000 / 9,300 = 86.021
      {"profil_risiko.aset_likuid_total_aset", 700},           // 700 / 10,000
      {"profil_risiko.aset_likuid_kewajiban_lancar", 2333},    // 700 / 3,000 = 23.333
      {"kinerja_keuangan.roa", 600},                           // 600 / 10,000
      {"kinerja_keuangan.roe", 2400},                          // 600 / 2,500
      {"kinerja_keuangan.kemandirian_operasional", 13043},     // 1,500 / 1,150 = 130.4348
      {"kinerja_keuangan.bopo", 8250},                         // 1,650 / 2,000
      {"kinerja_keuangan.beban_usaha_shu_kotor", 6667},        // 1,000 / 1,500
      {"kinerja_keuangan.pinjaman_anggota", 9000},             // 7,200 / 8,000
      {"kinerja_keuangan.npl", 450},                           // 360 / 8,000
      {"kinerja_keuangan.cadangan_risiko", 5556},              // 200 / 360 = 55.556
      {"kinerja_keuangan.rasio_kas", 1667},                    // 500 / 3,000
      {"kinerja_keuangan.pertumbuhan_aset", 870},              // 800 / 9,200 = 8.696
      {"kinerja_keuangan.pertumbuhan_ekuitas", 638},           // 150 / 2,350 = 6.383
      {"kinerja_keuangan.pertumbuhan_shu", 345},               // 20 / 580 = 3.448
      {"kinerja_keuangan.shu_simpanan_pokok_wajib", 4000},     // 600 / 1,500
      {"kinerja_keuangan.partisipasi_simpanan", 8400},         // 4,200 / 5,000
      {"permodalan.ekuitas_total_aset", 2500},                 // 2,500 / 10,000
      {"permodalan.kewajiban_jangka_panjang_ekuitas", 8000},   // 2,000 / 2,500
  };
  for (const auto& r : printed) EXPECT_EQ(Pct2(Comp(a, r.id).ratio_pct), r.pct_e2) << r.id;
  // Not reproducible (see the top of this file); the example's values by hand:
  const struct {
    const char* id;
    int64_t pct_e2;
  } differing[] = {
      {"kinerja_keuangan.pinjaman_dana_diterima", 8000},     // 8,000 / 10,000 (printed 88.89)
      {"kinerja_keuangan.rasio_lancar", 32000},              // 9,600 / 3,000 (printed 300.00)
      {"kinerja_keuangan.pertumbuhan_dana_diterima", 870},   // 800 / 9,200 (printed 8.43)
      {"kinerja_keuangan.pendapatan_utama", 8734},           // 2,000 / 2,290 = 87.336 (printed 90.48)
      {"permodalan.kecukupan_modal", 3890},                  // 3,450 / 8,870 = 38.895 (printed 27.06)
      {"permodalan.modal_pinjaman_anggota", 3000},           // 3,000 / 10,000 (printed 38.00)
  };
  for (const auto& r : differing) EXPECT_EQ(Pct2(Comp(a, r.id).ratio_pct), r.pct_e2) << r.id;
  // Modal tertimbang 300 + 1,200 + 400 + 0.5 × 2,500 + 0.5 × 600 = 3,450; ATMR 0.2 × 200 + 0.5 × 1,100 + 8,000 +
  // 0.7 × 400 = 8,870.
  EXPECT_EQ(Compare(Quantity(a, "modal_tertimbang"), Fraction{3'450 * kJuta, 1}), 0);
  EXPECT_EQ(Compare(Quantity(a, "atmr"), Fraction{8'870 * kJuta, 1}), 0);
}

TEST(KkpkkExample, SubAspectsAspectsAndFinal) {
  const Assessment a = AssessKkpkk(Example());
  const struct {
    const char* id;
    int sum, max;
    int64_t pct_e2;
    const char* label;
  } subs[] = {
      {"tata_kelola.prinsip", 21, 28, 7500, "CUKUP SEHAT"},        // 21/28 = 75.00
      {"tata_kelola.kelembagaan", 19, 20, 9500, "SEHAT"},          // 19/20 = 95.00
      {"tata_kelola.manajemen", 16, 20, 8000, "SEHAT"},            // 16/20 = 80.00 (Sehat at the edge)
      {"profil_risiko.inheren", 30, 36, 8333, "SEHAT"},            // 30/36 = 83.333
      {"profil_risiko.kpmr", 41, 48, 8542, "SEHAT"},               // 41/48 = 85.4167
      {"kinerja_keuangan.evaluasi", 16, 20, 8000, "SEHAT"},        // 16/20
      {"kinerja_keuangan.manajemen", 21, 24, 8750, "SEHAT"},       // 21/24
      {"kinerja_keuangan.kesinambungan", 23, 28, 8214, "SEHAT"},   // 23/28 = 82.1429
      {"permodalan.kecukupan", 7, 8, 8750, "SEHAT"},               // ekuitas ÷ TA 3 + CAR 4 = 7/8
      {"permodalan.pengelolaan", 8, 8, 10000, "SEHAT"},            // 4 + 4 = 8/8
  };
  ASSERT_EQ(a.sub_aspects.size(), std::size(subs));
  for (const auto& s : subs) {
    const SubAspectResult& r = Sub(a, s.id);
    EXPECT_EQ(r.pool.sum_e6, int64_t(s.sum) * 1'000'000) << s.id;
    EXPECT_EQ(r.pool.sum_max_e6, int64_t(s.max) * 1'000'000) << s.id;
    EXPECT_EQ(r.pool.pct_e6, s.pct_e2 * 10'000) << s.id;
    EXPECT_EQ(a.PredikatOf(r.pool).label, s.label) << s.id;
  }
  const struct {
    const char* id;
    int sum, max;
    int64_t pct_e2;
    int64_t contribution_e6;  // bobot × pct ÷ 100
  } aspects[] = {
      {"tata_kelola", 56, 68, 8235, 24'705'000},       // 56/68 = 82.353 (averaging would give 83.33); 0.30 × 82.35
      {"profil_risiko", 71, 84, 8452, 12'678'000},     // 71/84 = 84.524 (average 84.38); 0.15 × 84.52
      {"kinerja_keuangan", 60, 72, 8333, 33'332'000},  // 60/72 = 83.333 (average 83.21); 0.40 × 83.33
      {"permodalan", 15, 16, 9375, 14'062'500},        // 15/16 = 93.75; 0.15 × 93.75
  };
  for (const auto& s : aspects) {
    const AspectResult& r = Asp(a, s.id);
    EXPECT_EQ(r.pool.sum_e6, int64_t(s.sum) * 1'000'000) << s.id;
    EXPECT_EQ(r.pool.sum_max_e6, int64_t(s.max) * 1'000'000) << s.id;
    EXPECT_EQ(r.pool.pct_e6, s.pct_e2 * 10'000) << s.id;
    EXPECT_EQ(r.skor_e6, s.contribution_e6) << s.id;
    EXPECT_EQ(a.PredikatOf(r.pool).label, "SEHAT") << s.id;
  }
  // 24.705 + 12.678 + 33.332 + 14.0625 = 84.7775 → 84.78 → Sehat.
  EXPECT_EQ(a.total_e6, 84'780'000);
  EXPECT_EQ(a.max_total_e6, 100'000'000);
  EXPECT_EQ(a.Predikat().label, "SEHAT");
  EXPECT_TRUE(a.warnings.empty());
}

TEST(KkpkkExample, Ppapwd) {
  const Assessment a = AssessKkpkk(Example());
  // §11.2: 0.005 × (8,000 − 360) + 0.10 × (240 − 100) + 0.50 × (80 − 30) + 1.00 × (40 − 0)
  //   = 38.2 + 14 + 25 + 40 = 117.2 juta = Rp 117,200,000.00.
  EXPECT_EQ(Compare(Quantity(a, "ppapwd"), Fraction{11'720'000'000, 1}), 0);
  EXPECT_EQ(Compare(Quantity(a, "ppap"), Fraction{200 * kJuta, 1}), 0);
  // PPAP 200 / 117.2 = 170.648 % → 170.65; information only, not scored.
  const ComponentResult& r = Comp(a, "kinerja_keuangan.ppap_ppapwd");
  EXPECT_TRUE(r.Informational());
  EXPECT_FALSE(r.scored);
  EXPECT_EQ(r.skor_e6, 0);
  EXPECT_EQ(Pct2(r.ratio_pct), 17065);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Refusals.

// The example's JSON with `edit` applied, read (its reader problems kept) and then evaluated, as `kopsehat assess`
// does: all problems of both.
Problems ReadAndEvaluate(const std::function<void(nlohmann::json*)>& edit, bool* read_ok = nullptr,
                         bool* evaluated = nullptr) {
  nlohmann::json j = nlohmann::json::parse(ReadFile(kExamplePath));
  edit(&j);
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  const bool ok = reader.Read(j.dump(), &l, &p);
  if (read_ok != nullptr) *read_ok = ok;
  Assessment a;
  const bool ev = Evaluate(l, Kkpkk(), EvaluateOptions{}, &a, &p);
  if (evaluated != nullptr) *evaluated = ev;
  return p;
}

TEST(KkpkkRefusals, TheExampleItselfIsAccepted) {
  bool read_ok = false, evaluated = false;
  const Problems p = ReadAndEvaluate([](nlohmann::json*) {}, &read_ok, &evaluated);
  EXPECT_TRUE(read_ok);
  EXPECT_TRUE(evaluated);
  EXPECT_TRUE(p.empty()) << p.Render(Lang::kEn);
}

TEST(KkpkkRefusals, MissingChecklistBlock) {
  for (const bool whole_block : {true, false}) {
    bool read_ok = false, evaluated = true;
    const Problems p = ReadAndEvaluate(
        [&](nlohmann::json* j) {
          if (whole_block) {
            j->erase("daftar_periksa");
          } else {
            (*j)["daftar_periksa"].erase("kkpkk");
          }
        },
        &read_ok, &evaluated);
    EXPECT_TRUE(read_ok) << whole_block;
    EXPECT_FALSE(evaluated) << whole_block;
    EXPECT_TRUE(HasProblem(p, "daftar_periksa.kkpkk", "wajib_ada")) << p.Render(Lang::kEn);
  }
}

TEST(KkpkkRefusals, ListOfTheWrongLength) {
  bool evaluated = true;
  const Problems p = ReadAndEvaluate(
      [](nlohmann::json* j) {
        (*j)["daftar_periksa"]["kkpkk"]["kelembagaan_anggaran_dasar"].erase(0);  // 16 of 17
        (*j)["daftar_periksa"]["kkpkk"]["prinsip_shu"].push_back(true);         // 4 of 3
      },
      nullptr, &evaluated);
  EXPECT_FALSE(evaluated);
  EXPECT_TRUE(HasProblem(p, "daftar_periksa.kkpkk.kelembagaan_anggaran_dasar", "jumlah_jawaban_salah"))
      << p.Render(Lang::kEn);
  EXPECT_TRUE(HasProblem(p, "daftar_periksa.kkpkk.prinsip_shu", "jumlah_jawaban_salah")) << p.Render(Lang::kEn);
}

TEST(KkpkkRefusals, MissingList) {
  bool evaluated = true;
  const Problems p = ReadAndEvaluate(
      [](nlohmann::json* j) { (*j)["daftar_periksa"]["kkpkk"].erase("kpmr_likuiditas_proses"); }, nullptr,
      &evaluated);
  EXPECT_FALSE(evaluated);
  EXPECT_TRUE(HasProblem(p, "daftar_periksa.kkpkk.kpmr_likuiditas_proses", "wajib_ada")) << p.Render(Lang::kEn);
}

TEST(KkpkkRefusals, UnknownList) {
  bool evaluated = true;
  const Problems p = ReadAndEvaluate(
      [](nlohmann::json* j) {
        (*j)["daftar_periksa"]["kkpkk"]["prinsip_keanggotan"] = {true, true, true, true};  // a typo of a list name
      },
      nullptr, &evaluated);
  EXPECT_FALSE(evaluated);
  EXPECT_TRUE(HasProblem(p, "daftar_periksa.kkpkk.prinsip_keanggotan", "kunci_tidak_dikenal")) << p.Render(Lang::kEn);
}

TEST(KkpkkRefusals, MissingPreviousPeriod) {
  bool read_ok = false, evaluated = true;
  const Problems p =
      ReadAndEvaluate([](nlohmann::json* j) { j->erase("periode_lalu"); }, &read_ok, &evaluated);
  EXPECT_TRUE(read_ok);
  EXPECT_FALSE(evaluated);
  EXPECT_TRUE(HasProblem(p, "periode_lalu", "wajib_ada")) << p.Render(Lang::kEn);
}

TEST(KkpkkRefusals, MissingSavingsDepositLines) {
  {
    // Only the total missing: the method needs it; and the members' deposits now exceed the (zero) total, which
    // the reader refuses on its own.
    bool evaluated = true;
    const Problems p = ReadAndEvaluate(
        [](nlohmann::json* j) { (*j)["kegiatan"].erase("setoran_simpanan_total"); }, nullptr, &evaluated);
    EXPECT_FALSE(evaluated);
    EXPECT_TRUE(HasProblem(p, "kegiatan.setoran_simpanan_total", "wajib_ada")) << p.Render(Lang::kEn);
  }
  {
    bool read_ok = false, evaluated = true;
    const Problems p = ReadAndEvaluate([](nlohmann::json* j) { j->erase("kegiatan"); }, &read_ok, &evaluated);
    EXPECT_TRUE(read_ok);  // the format does not need the lines; the method does
    EXPECT_FALSE(evaluated);
    EXPECT_TRUE(HasProblem(p, "kegiatan.setoran_simpanan_total", "wajib_ada")) << p.Render(Lang::kEn);
    EXPECT_TRUE(HasProblem(p, "kegiatan.setoran_simpanan_anggota", "wajib_ada")) << p.Render(Lang::kEn);
  }
}

// Collateral above its class is no longer refused: the engine counts it up to the class's balance (the examiner's
// workbook takes MIN(class, collateral)) and says so, naming the line.
TEST(KkpkkRefusals, CollateralAboveItsClassIsCountedUpToTheClass) {
  for (const auto& [agunan, kelas] : {std::pair{"agunan_macet", "macet"}, std::pair{"agunan_diragukan", "diragukan"},
                                      std::pair{"agunan_kurang_lancar", "kurang_lancar"}}) {
    const std::string a = agunan, k = kelas;
    nlohmann::json j = nlohmann::json::parse(ReadFile(kExamplePath));
    j["pinjaman"][a] = j["pinjaman"][k].get<int64_t>() + 1;  // one rupiah more than the class's balance
    LaporanJsonReader reader;
    Laporan l;
    Problems p;
    ASSERT_TRUE(reader.Read(j.dump(), &l, &p)) << p.Render(Lang::kEn);
    Assessment above, equal;
    ASSERT_TRUE(Evaluate(l, Kkpkk(), EvaluateOptions{}, &above, &p)) << p.Render(Lang::kEn);
    bool warned = false;
    for (const Warning& w : above.warnings) {
      warned = warned || (w.code == "agunan_melebihi_saldo" && w.path == "pinjaman." + a);
    }
    EXPECT_TRUE(warned) << a;
    // The same result as collateral exactly equal to the class.
    j["pinjaman"][a] = j["pinjaman"][k].get<int64_t>();
    Laporan l2;
    ASSERT_TRUE(reader.Read(j.dump(), &l2, &p)) << p.Render(Lang::kEn);
    ASSERT_TRUE(Evaluate(l2, Kkpkk(), EvaluateOptions{}, &equal, &p)) << p.Render(Lang::kEn);
    EXPECT_EQ(above.total_e6, equal.total_e6) << a;
    ASSERT_EQ(above.components.size(), equal.components.size());
    for (size_t i = 0; i < above.components.size(); ++i) {
      EXPECT_EQ(above.components[i].skor_e6, equal.components[i].skor_e6) << a << " " << i;
    }
    for (const Warning& w : equal.warnings) EXPECT_NE(w.code, "agunan_melebihi_saldo") << a;
  }
}

}  // namespace
}  // namespace kopsehat
