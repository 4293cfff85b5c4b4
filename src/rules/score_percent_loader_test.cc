// The rulebook keys added for the KKPKK and sharia methods (docs/rulebook.md): [agregasi] persentase_skor,
// [[sub_aspek]], informasi, masukan_wajib, berlaku, lalu() in scored rulebooks, answer sets in `jawaban`. A small
// valid persentase_skor rulebook, then a table of broken variants, each refused at its line with its reason.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "report/explain.h"
#include "report/text_report.h"
#include "report/wording.h"
#include "rules/loader.h"
#include "rules/test_rulebook.h"

namespace kopsehat {
namespace {

constexpr const char* kValid = R"TOML(format = "kopsehat/rulebook-v1"
id = "uji-persen"
versi = "1"
nama = "Uji persentase skor"
sumber = "uji"
berlaku = { mulai = "2021-01-01", sampai = "2030-12-31", pengganti = "lain" }
masukan_wajib = ["kegiatan.karyawan"]

[agregasi]
cara = "persentase_skor"
skor_maks = 4
desimal = 2
nilai_daftar_periksa = [
  { rentang = "(75, +inf)", nilai = 1 },
  { rentang = "(50, 75]", nilai = 2 },
  { rentang = "(25, 50]", nilai = 3 },
  { rentang = "(-inf, 25]", nilai = 4 },
]

[[besaran]]
id = "aset"
nama = "Aset"
rumus = "neraca.kas + neraca.pinjaman_anggota"

[[aspek]]
id = "a"
nama = "Aspek A"
bobot = 60

[[aspek]]
id = "b"
nama = "Aspek B"
bobot = 40

[[sub_aspek]]
id = "a.satu"
aspek = "a"
nama = "Sub satu"

[[sub_aspek]]
id = "b.dua"
aspek = "b"
nama = "Sub dua"

[[komponen]]
id = "a.tumbuh"
aspek = "a"
sub_aspek = "a.satu"
nama = "Pertumbuhan aset"
pembilang = "aset - lalu(aset)"
penyebut = "lalu(aset)"
sumber = "uji"
keyakinan = "sedang"
nilai = [
  { rentang = "[10, +inf)", nilai = 1 },
  { rentang = "[5, 10)", nilai = 2 },
  { rentang = "[0, 5)", nilai = 3 },
  { rentang = "(-inf, 0)", nilai = 4 },
]
penyebut_nol = { nilai = 4, kode = "tanpa_dasar", pesan = "tanpa dasar", pesan_en = "no base" }

[[komponen]]
id = "a.info"
aspek = "a"
sub_aspek = "a.satu"
nama = "Informasi saja"
informasi = true
pembilang = "neraca.kas"
penyebut = "aset"
sumber = "uji"
keyakinan = "rendah"

[[komponen]]
id = "b.periksa"
aspek = "b"
sub_aspek = "b.dua"
jenis = "daftar_periksa"
nama = "Daftar"
jawaban = "uji.daftar"
sumber = "uji"
keyakinan = "tinggi"
butir = [
  { teks = "Satu", teks_en = "One" },
  { teks = "Dua", teks_en = "Two" },
  { teks = "Tiga", teks_en = "Three" },
  { teks = "Empat", teks_en = "Four" },
]

[[predikat]]
minimal = 80
label = "SEHAT"
nama = "Sehat"

[[predikat]]
label = "LAIN"
nama = "Lain"
)TOML";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << "not found: " << from;
  if (pos == std::string::npos) return text;
  EXPECT_EQ(text.find(from, pos + 1), std::string::npos) << "not unique: " << from;
  return text.replace(pos, from.size(), to);
}

int LineOf(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << "not found: " << needle;
  return pos == std::string::npos ? -1 : 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(pos), '\n'));
}

TEST(ScorePercentLoader, ValidRulebookLoadsWithEveryNewKey) {
  Problems problems;
  const std::unique_ptr<Rulebook> rb = LoadRulebook(kValid, "uji.toml", &problems);
  ASSERT_NE(rb, nullptr) << testing::AllProblems(problems);
  EXPECT_TRUE(rb->ScorePercent());
  EXPECT_EQ(rb->skor_maks, 4);
  EXPECT_EQ(rb->decimals, 2);
  EXPECT_EQ(rb->valid_from, "2021-01-01");
  EXPECT_EQ(rb->valid_to, "2030-12-31");
  EXPECT_EQ(rb->successor, "lain");
  ASSERT_EQ(rb->required_lines.size(), 1u);
  EXPECT_EQ(LinePath(rb->required_lines[0]), "kegiatan.karyawan");
  EXPECT_TRUE(rb->uses_previous);
  EXPECT_FALSE(rb->WeightedThisYearOnly());
  ASSERT_EQ(rb->sub_aspects.size(), 2u);
  EXPECT_EQ(rb->components[0].sub_aspect_index, 0);
  EXPECT_TRUE(rb->components[1].informational);
  const Component& c = rb->components[2];
  EXPECT_EQ(c.answers_set, "uji");
  EXPECT_EQ(c.answers_key, "daftar");
  EXPECT_EQ(c.AnswersPath(), "daftar_periksa.uji.daftar");
  ASSERT_EQ(c.bands.size(), 4u);  // the shared table, sorted ascending
  EXPECT_EQ(c.bands.front().nilai_e2, 400);
}

struct Row {
  const char* name;
  std::string from;
  std::string to;
  std::string line_of;  // text whose line the problem must point at (in the changed rulebook)
  const char* pesan;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.name; }

std::vector<Row> Rows() {
  return {
      {"UnknownAggregation", R"~(cara = "persentase_skor")~", R"~(cara = "rata_rata")~", R"~(cara = "rata_rata")~",
       "agregasi.cara harus"},
      {"SkorMaksTooSmall", "skor_maks = 4", "skor_maks = 1", "skor_maks = 1", "skor_maks harus bilangan bulat"},
      {"SkorMaksFraction", "skor_maks = 4", "skor_maks = 4.5", "skor_maks = 4.5", "skor_maks"},
      {"DecimalsTooMany", "desimal = 2", "desimal = 7", "desimal = 7", "desimal harus 0 sampai 6"},
      {"UnknownAggregationKey", "desimal = 2", "desimal = 2\nbulat = true", "bulat = true", "bulat"},
      {"BandNilaiZero", R"~({ rentang = "[10, +inf)", nilai = 1 })~", R"~({ rentang = "[10, +inf)", nilai = 0 })~",
       R"~(nilai = 0 })~", "bilangan bulat 1 sampai 4"},
      {"BandNilaiAboveMax", R"~({ rentang = "[5, 10)", nilai = 2 })~", R"~({ rentang = "[5, 10)", nilai = 5 })~",
       R"~(nilai = 5 })~", "bilangan bulat 1 sampai 4"},
      {"BandNilaiFraction", R"~({ rentang = "[0, 5)", nilai = 3 })~", R"~({ rentang = "[0, 5)", nilai = 2.5 })~",
       R"~(nilai = 2.5 })~", "bilangan bulat 1 sampai 4"},
      {"ChecklistBandGap", R"~({ rentang = "(50, 75]", nilai = 2 })~", R"~({ rentang = "(50, 74]", nilai = 2 })~",
       R"~((75, +inf))~", "celah"},
      {"ZeroNilaiOutOfRange", R"~(penyebut_nol = { nilai = 4,)~", R"~(penyebut_nol = { nilai = 9,)~",
       R"~(penyebut_nol = { nilai = 9,)~", "penyebut_nol.nilai harus bilangan bulat 1 sampai 4"},
      {"BobotOnComponent", R"~(id = "a.tumbuh")~", "id = \"a.tumbuh\"\nbobot = 5", "bobot = 5",
       "bobot tidak dipakai pada agregasi persentase_skor"},
      {"PointsPerYes", R"~(jawaban = "uji.daftar")~", "jawaban = \"uji.daftar\"\npoin_per_ya = 1", "poin_per_ya = 1",
       "poin_per_ya tidak dipakai"},
      {"LinearRule", "penyebut = \"lalu(aset)\"",
       "penyebut = \"lalu(aset)\"\nlinear = { konstanta = 0, kemiringan = 1, minimum = 1, maksimum = 4 }",
       "linear = {", "linear tidak dipakai"},
      {"SubAspectUnknown", R"~(sub_aspek = "b.dua")~", R"~(sub_aspek = "b.tiga")~", R"~(sub_aspek = "b.tiga")~",
       "sub_aspek 'b.tiga' tidak ada"},
      {"SubAspectOfAnotherAspect", R"~(sub_aspek = "b.dua")~", R"~(sub_aspek = "a.satu")~", R"~(sub_aspek = "a.satu"
jenis)~", "milik aspek a"},
      {"SubAspectMissingOnComponent", "sub_aspek = \"b.dua\"\n", "", "[[komponen]]\nid = \"b.periksa\"",
       "kunci 'sub_aspek' wajib ada"},
      {"SubAspectWithoutComponents", "[[sub_aspek]]\nid = \"b.dua\"",
       "[[sub_aspek]]\nid = \"b.kosong\"\naspek = \"b\"\nnama = \"Kosong\"\n\n[[sub_aspek]]\nid = \"b.dua\"",
       "[[sub_aspek]]\nid = \"a.satu\"", "b.kosong tidak punya komponen"},
      {"AspectWithOnlyInformation", "aspek = \"a\"\nsub_aspek = \"a.satu\"\nnama = \"Pertumbuhan aset\"",
       "aspek = \"b\"\nsub_aspek = \"b.dua\"\nnama = \"Pertumbuhan aset\"", "[[aspek]]",
       "aspek a tidak punya komponen yang dinilai"},
      {"InformationalWithBands", R"~(informasi = true)~", "informasi = true\nnilai = [{ rentang = \"(-inf, +inf)\", nilai = 1 }]",
       "[[komponen]]\nid = \"a.info\"", "komponen informasi tidak punya nilai"},
      {"InformationalNotBoolean", R"~(informasi = true)~", R"~(informasi = "ya")~", R"~(informasi = "ya")~",
       "informasi harus true atau false"},
      {"RequiredLineUnknown", R"~(masukan_wajib = ["kegiatan.karyawan"])~", R"~(masukan_wajib = ["kegiatan.karyawn"])~",
       "masukan_wajib", "bukan baris laporan"},
      {"RequiredLinesNotAList", R"~(masukan_wajib = ["kegiatan.karyawan"])~", R"~(masukan_wajib = "kegiatan.karyawan")~",
       "masukan_wajib", "masukan_wajib harus berupa daftar"},
      {"ValidityBadDate", R"~(mulai = "2021-01-01")~", R"~(mulai = "2021-02-30")~", "berlaku", "berlaku.mulai harus tanggal"},
      {"ValidityReversed", R"~(sampai = "2030-12-31")~", R"~(sampai = "2020-12-31")~", "berlaku", "sampai sebelum mulai"},
      {"ValidityEmpty", R"~(berlaku = { mulai = "2021-01-01", sampai = "2030-12-31", pengganti = "lain" })~",
       "berlaku = { pengganti = \"lain\" }", "berlaku", "isi mulai dan/atau sampai"},
      {"ValidityUnknownKey", R"~(pengganti = "lain" })~", R"~(pengganti = "lain", hingga = "2031-01-01" })~", "berlaku",
       "hingga"},
      {"ValidityNotATable", R"~(berlaku = { mulai = "2021-01-01", sampai = "2030-12-31", pengganti = "lain" })~",
       R"~(berlaku = "2021")~", "berlaku", "berlaku harus berupa tabel"},
      {"AnswerSetWithCapitals", R"~(jawaban = "uji.daftar")~", R"~(jawaban = "Uji.daftar")~", R"~(jawaban = "Uji.daftar")~",
       "jawaban: tulis nama daftar"},
      {"AnswerListEmpty", R"~(jawaban = "uji.daftar")~", R"~(jawaban = "uji.")~", R"~(jawaban = "uji.")~",
       "jawaban: tulis nama daftar"},
      {"LaluOfUnknownQuantity", "penyebut = \"lalu(aset)\"", "penyebut = \"lalu(asset)\"",
       "penyebut = \"lalu(asset)\"", "asset"},
      {"DerivationWithLalu", "butir = [\n  { teks = \"Satu\", teks_en = \"One\" },",
       "butir = [\n  { teks = \"Satu\", teks_en = \"One\", dari_buku = { uji = \"pertumbuhan_minimal\", besaran = "
       "\"aset - lalu(aset)\", persen = 5 } },",
       "dari_buku", "lalu() tidak boleh di sini"},
      {"InformationalChecklist", R"~(jawaban = "uji.daftar")~", "jawaban = \"uji.daftar\"\ninformasi = true",
       "informasi = true\nsumber", "informasi hanya untuk komponen rasio"},
      // Review: aspect and sub-aspect ids are SUMIFS criteria in the worksheet, where '*' and '?' are wildcards.
      {"SubAspectIdWithWildcard", "id = \"b.dua\"\naspek", "id = \"b.*\"\naspek", "id = \"b.*\"",
       "id hanya boleh huruf kecil"},
      {"AspectIdWithCapitals", "id = \"b\"\nnama = \"Aspek B\"", "id = \"B\"\nnama = \"Aspek B\"", "id = \"B\"",
       "id hanya boleh huruf kecil"},
      {"QuantityNamedLalu", "id = \"aset\"\nnama = \"Aset\"", "id = \"lalu\"\nnama = \"Aset\"", "[[besaran]]",
       "nama fungsi"},
  };
}

class ScorePercentLoaderReject : public ::testing::TestWithParam<Row> {};

TEST_P(ScorePercentLoaderReject, RefusedAtItsLine) {
  const Row& row = GetParam();
  const std::string text = Replace(kValid, row.from, row.to);
  Problems problems;
  const std::unique_ptr<Rulebook> rb = LoadRulebook(text, "uji.toml", &problems);
  EXPECT_TRUE(testing::RefusedAt(rb != nullptr, problems, "uji.toml", LineOf(text, row.line_of), row.pesan));
}

INSTANTIATE_TEST_SUITE_P(ScorePercent, ScorePercentLoaderReject, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& p) { return std::string(p.param.name); });

// Review: a derivation over a quantity that itself reads lalu() passed the loader and then read past the statements.
TEST(ScorePercentLoader, DerivationOverAQuantityWithLaluIsRefused) {
  std::string text = Replace(kValid, "rumus = \"neraca.kas + neraca.pinjaman_anggota\"",
                             "rumus = \"neraca.kas + neraca.pinjaman_anggota\"\n\n[[besaran]]\nid = \"naik\"\nnama = "
                             "\"Kenaikan\"\nrumus = \"aset - lalu(aset)\"");
  text = Replace(text, "butir = [\n  { teks = \"Satu\", teks_en = \"One\" },",
                 "butir = [\n  { teks = \"Satu\", teks_en = \"One\", dari_buku = { uji = \"pertumbuhan_minimal\", "
                 "besaran = \"naik\", persen = 5 } },");
  Problems problems;
  const std::unique_ptr<Rulebook> rb = LoadRulebook(text, "uji.toml", &problems);
  EXPECT_TRUE(testing::RefusedAt(rb != nullptr, problems, "uji.toml", LineOf(text, "dari_buku"),
                                 "rumus dari_buku tidak boleh memakai besaran dengan lalu()"));
}

// Review: `informasi = false` on a weighted component made the loader skip its bobot (weight 0).
TEST(ScorePercentLoader, InformasiFalseKeepsTheWeight) {
  std::string ksp;
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (std::string_view(e.id) == "ksp-2016") ksp = std::string(e.text);
  }
  const std::string from = "id = \"permodalan.kecukupan_modal\"";
  ksp.replace(ksp.find(from), from.size(), from + "\ninformasi = false");
  Problems problems;
  const std::unique_ptr<Rulebook> rb = LoadRulebook(ksp, "ksp.toml", &problems);
  ASSERT_NE(rb, nullptr) << testing::AllProblems(problems);
  EXPECT_EQ(rb->FindComponent("permodalan.kecukupan_modal")->bobot_e2, 300);
}

// Weighted rulebooks keep their rules: no sub-aspects, no checklist band tables, bobot required.
TEST(ScorePercentLoader, WeightedRulebooksRefuseTheNewOnlyKeys) {
  std::string text = Replace(kValid, R"(cara = "persentase_skor")", R"(cara = "bobot")");
  Problems problems;
  EXPECT_EQ(LoadRulebook(text, "uji.toml", &problems), nullptr);
  std::string all = testing::AllProblems(problems);
  EXPECT_NE(all.find("agregasi.skor_maks hanya untuk cara persentase_skor"), std::string::npos) << all;
  EXPECT_NE(all.find("sub_aspek hanya untuk agregasi persentase_skor"), std::string::npos) << all;
}

// ---------------------------------------------------------------------------------------------------------------
// The engine on the same rulebook: pooling, rounding, predikat per pool, informational components, the inputs the
// method requires, validity and a negative growth base. Expected values are hand arithmetic.

struct Engine {
  std::unique_ptr<Rulebook> rb;
  Engine() {
    Problems p;
    rb = LoadRulebook(kValid, "uji.toml", &p);
    EXPECT_NE(rb, nullptr) << testing::AllProblems(p);
  }
};

// Aset 100 → now: growth `now_aset` − 100 percent; `yes` of the 4 checklist items met.
Laporan Growth(Sen now_aset, Sen prev_aset, int yes) {
  Laporan l;
  l.periode_akhir = "2025-12-31";
  const int kas = FindLine("neraca.kas"), staff = FindLine("kegiatan.karyawan");
  l.current.sen[size_t(kas)] = now_aset;
  l.current.present.set(size_t(kas));
  l.current.sen[size_t(staff)] = 300;
  l.current.present.set(size_t(staff));
  l.has_previous = true;
  l.previous.sen[size_t(kas)] = prev_aset;
  l.previous.present.set(size_t(kas));
  l.checklist_sets = {"uji"};
  ChecklistAnswers c{"uji", "daftar", std::vector<bool>(4, false), 4};
  for (int i = 0; i < yes; ++i) c.answers[size_t(i)] = true;
  l.checklists.push_back(c);
  return l;
}

TEST(ScorePercentEngine, PoolsRoundsAndNamesEachPredikat) {
  Engine e;
  ASSERT_NE(e.rb, nullptr);
  Assessment a;
  Problems p;
  // Growth 7 % → [5, 10) → nilai 2 → skor 3: aspect a = 3 / 4 = 75.00 % (the informational component is not
  // pooled). Checklist 3 of 4 = 75 % → (50, 75] → nilai 2 → skor 3: aspect b = 75.00 %.
  // Total = 0.60 × 75 + 0.40 × 75 = 75.00 → below 80 → LAIN.
  ASSERT_TRUE(Evaluate(Growth(10'700, 10'000, 3), *e.rb, {}, &a, &p)) << p.Render(Lang::kEn);
  EXPECT_EQ(a.components[0].nilai_e2, 200);
  EXPECT_EQ(a.components[0].skor_e6, 3'000'000);
  EXPECT_FALSE(a.components[1].scored);  // informational
  EXPECT_EQ(a.aspects[0].pool.components, 1);
  EXPECT_EQ(a.aspects[0].pool.pct_e6, 75'000'000);
  EXPECT_EQ(a.aspects[1].pool.pct_e6, 75'000'000);
  EXPECT_EQ(a.total_e6, 75'000'000);
  EXPECT_EQ(a.Predikat().label, "LAIN");
  // Growth 10 % → nilai 1 → 4/4 = 100 %; 4 of 4 items → 100 %: 100.00 SEHAT, each pool SEHAT.
  ASSERT_TRUE(Evaluate(Growth(11'000, 10'000, 4), *e.rb, {}, &a, &p));
  EXPECT_EQ(a.total_e6, 100'000'000);
  EXPECT_EQ(a.PredikatOf(a.aspects[0].pool).label, "SEHAT");
  EXPECT_EQ(a.PredikatOf(a.sub_aspects[1].pool).label, "SEHAT");
  // Growth 10 % (skor 4) and 1 of 4 items (25 % → nilai 4 → skor 1): a = 100, b = 25;
  // 0.6 × 100 + 0.4 × 25 = 70.00.
  ASSERT_TRUE(Evaluate(Growth(11'000, 10'000, 1), *e.rb, {}, &a, &p));
  EXPECT_EQ(a.aspects[1].pool.pct_e6, 25'000'000);
  EXPECT_EQ(a.total_e6, 70'000'000);
  // The checklist's loss in points of the total: bobot 40 × (4 − 1) ÷ (4 × 1) = 30.
  EXPECT_EQ(a.components[2].LostE6(), 30'000'000);
  EXPECT_EQ(a.components[0].LostE6(), 0);
}

TEST(ScorePercentEngine, RequiredInputsAreProblemsNamingThem) {
  Engine e;
  ASSERT_NE(e.rb, nullptr);
  Laporan l = Growth(11'000, 10'000, 4);
  l.current.present.reset(size_t(FindLine("kegiatan.karyawan")));
  l.has_previous = false;
  l.checklist_sets.clear();
  Assessment a;
  Problems p;
  EXPECT_FALSE(Evaluate(l, *e.rb, {}, &a, &p));
  const std::string all = testing::AllProblems(p);
  EXPECT_NE(all.find("kegiatan.karyawan | wajib_ada | wajib diisi untuk metode uji-persen"), std::string::npos) << all;
  EXPECT_NE(all.find("periode_lalu | wajib_ada | metode uji-persen memerlukan periode_lalu"), std::string::npos) << all;
  EXPECT_NE(all.find("daftar_periksa.uji | wajib_ada"), std::string::npos) << all;
  // --tanpa-manajemen does not stand in for a persentase_skor method's checklist.
  EvaluateOptions without;
  without.without_checklist = true;
  Problems p2;
  EXPECT_FALSE(Evaluate(l, *e.rb, without, &a, &p2));
  EXPECT_NE(testing::AllProblems(p2).find("daftar_periksa.uji | wajib_ada"), std::string::npos);
}

TEST(ScorePercentEngine, ValidityAndNegativeBaseAreWarned) {
  Engine e;
  ASSERT_NE(e.rb, nullptr);
  Assessment a;
  Problems p;
  ASSERT_TRUE(Evaluate(Growth(11'000, 10'000, 4), *e.rb, {}, &a, &p));
  EXPECT_TRUE(a.warnings.empty());
  Laporan late = Growth(11'000, 10'000, 4);
  late.periode_akhir = "2031-01-31";
  ASSERT_TRUE(Evaluate(late, *e.rb, {}, &a, &p));
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].code, "di_luar_masa_berlaku");
  const std::string worded = WarningText(a.warnings[0], a, Lang::kId);
  EXPECT_NE(worded.find("pakai --metode lain"), std::string::npos) << worded;
  Laporan early = Growth(11'000, 10'000, 4);
  early.periode_akhir = "2020-12-31";
  ASSERT_TRUE(Evaluate(early, *e.rb, {}, &a, &p));
  EXPECT_EQ(a.warnings.size(), 1u);
  // Last year's aset negative is impossible for kas, so the base comes from a negative line: shu_belum_dibagi may
  // be negative; a rulebook measuring its growth would read a loss year as a fall. Here: aset base −100.
  Laporan neg = Growth(5'000, 0, 4);
  const int shu = FindLine("neraca.shu_belum_dibagi");
  neg.previous.sen[size_t(shu)] = -10'000;
  neg.previous.present.set(size_t(shu));
  std::string text = kValid;
  text.replace(text.find("rumus = \"neraca.kas + neraca.pinjaman_anggota\""),
               std::string("rumus = \"neraca.kas + neraca.pinjaman_anggota\"").size(),
               "rumus = \"neraca.kas + neraca.shu_belum_dibagi\"");
  Problems lp;
  const std::unique_ptr<Rulebook> rb = LoadRulebook(text, "uji.toml", &lp);
  ASSERT_NE(rb, nullptr) << testing::AllProblems(lp);
  ASSERT_TRUE(Evaluate(neg, *rb, {}, &a, &p));
  bool warned = false;
  for (const Warning& w : a.warnings) warned = warned || (w.code == "penyebut_negatif" && w.path == "a.tumbuh");
  EXPECT_TRUE(warned);
}

// Review: the next step of a banded checklist is a whole number of items; a best band no count reaches is skipped.
TEST(ScorePercentEngine, ChecklistNextStepIsAReachableCount) {
  Engine e;
  ASSERT_NE(e.rb, nullptr);
  Assessment a;
  Problems p;
  // 1 of 4 met = 25 % → nilai 4; 2 of 4 = 50 % → (25, 50] → nilai 3 is the nearest better count.
  ASSERT_TRUE(Evaluate(Growth(11'000, 10'000, 1), *e.rb, {}, &a, &p)) << p.Render(Lang::kEn);
  const ComponentResult& r = a.components[2];
  ASSERT_TRUE(r.next.exists);
  EXPECT_EQ(r.next.nilai_e2, 300);
  EXPECT_EQ(NextStepText(r, Lang::kId), "nilai membaik menjadi 3 bila 2 dari 4 butir terpenuhi (1 butir lagi)");
  EXPECT_EQ(NextStepText(r, Lang::kEn), "nilai improves to 3 with 2 of 4 items met (1 more)");
  // A best band above 100 % cannot be reached: with every item met there is no next step (it said "5 of 4").
  const std::string text = Replace(kValid, R"~({ rentang = "(75, +inf)", nilai = 1 },
  { rentang = "(50, 75]", nilai = 2 },)~", R"~({ rentang = "(100, +inf)", nilai = 1 },
  { rentang = "(50, 100]", nilai = 2 },)~");
  const std::unique_ptr<Rulebook> rb = LoadRulebook(text, "uji.toml", &p);
  ASSERT_NE(rb, nullptr) << testing::AllProblems(p);
  ASSERT_TRUE(Evaluate(Growth(11'000, 10'000, 4), *rb, {}, &a, &p));
  EXPECT_EQ(a.components[2].nilai_e2, 200);
  EXPECT_FALSE(a.components[2].next.exists);
}

// Review: a long predikat label (rulebooks are user files) made the text report's padding wrap to a huge width and
// throw; the score now goes to its own line.
TEST(ScorePercentEngine, LongPredikatLabelStillRenders) {
  const std::string text = Replace(kValid, R"~(label = "LAIN")~", "label = \"" + std::string(120, 'L') + "\"");
  Problems p;
  const std::unique_ptr<Rulebook> rb = LoadRulebook(text, "uji.toml", &p);
  ASSERT_NE(rb, nullptr) << testing::AllProblems(p);
  Assessment a;
  ASSERT_TRUE(Evaluate(Growth(10'100, 10'000, 0), *rb, {}, &a, &p));
  std::string report;
  EXPECT_NO_THROW(report = RenderTextReport(a, Lang::kId));
  EXPECT_NE(report.find(std::string(120, 'L')), std::string::npos);
}

// Review: `informasi = false` on a checklist changes nothing and is accepted.
TEST(ScorePercentLoader, InformasiFalseOnAChecklistIsAccepted) {
  const std::string text = Replace(kValid, R"~(jawaban = "uji.daftar")~", "jawaban = \"uji.daftar\"\ninformasi = false");
  Problems p;
  EXPECT_NE(LoadRulebook(text, "uji.toml", &p), nullptr) << testing::AllProblems(p);
}

}  // namespace
}  // namespace kopsehat
