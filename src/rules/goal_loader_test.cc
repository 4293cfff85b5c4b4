// Unit tests for rules/goal_rulebook.h (LoadGoalRulebook, IsGoalRulebookText, the embedded PEARLS rulebooks) and
// for the previous-period functions lalu()/rata_rata() of rules/formula.h, which only goal methods may use.
// Every rejection case breaks one thing in a small valid goal rulebook written below and expects the problem at
// "origin:LINE" with a fragment of its Indonesian text.

#include "rules/test_rulebook.h"
#include "rules/goal_rulebook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "assess/goals.h"
#include "interchange/json_reader.h"
#include "rules/formula.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

using testing::AllProblems;

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string SourceFile(const char* relative) { return ReadFileText(std::string(KOPSEHAT_SOURCE_DIR) + "/" + relative); }


// A small goal rulebook that uses every construct the loader knows: a quantity, two aspects, a ratio with a range
// and a zero rule, an annualised average with a rate, a 'terpenuhi' condition and a variant, two growth rates (one
// 'menuju ... relatif ...', one "minimalkan"), an amount, and a goal without numbers. Each row of the rejection
// table below replaces one fragment of it.
constexpr const char* kBase = R"toml(# Uji: metode sasaran kecil
format = "kopsehat/sasaran-v1"
id = "uji-sasaran"
versi = "1"
nama = "Uji sasaran"
nama_en = "Goal test"
sumber = "uji"
perlu_blok = ["pearls"]

[[besaran]]
id = "aset"
nama = "Aset"
rumus = "neraca.kas + neraca.pinjaman_anggota"

[[aspek]]
id = "P"
nama = "Perlindungan"

[[aspek]]
id = "S"
nama = "Pertumbuhan"

[[indikator]]
id = "P1"
aspek = "P"
nama = "Kas per aset"
pembilang = "neraca.kas"
penyebut = "aset"
sasaran = [">= 10", "<= 80"]
sasaran_teks = "10–80 %"
penyebut_nol = "tidak_terpenuhi"
sumber = "uji"
keyakinan = "tinggi"

[[indikator]]
id = "P2"
aspek = "P"
nama = "Pinjaman per rata-rata aset"
pembilang = "neraca.pinjaman_anggota"
penyebut = "rata_rata(aset)"
disetahunkan = true
sasaran = ["> inflasi + 10", "terpenuhi P1"]
sasaran_teks = "> inflasi + 10 % dan P1"
varian = { syarat = ["P1"], pembilang = "neraca.pinjaman_anggota - neraca.kas" }
sumber = "uji"
keyakinan = "sedang"

[[indikator]]
id = "S1"
aspek = "S"
nama = "Pertumbuhan pinjaman"
jenis = "pertumbuhan"
besaran = "neraca.pinjaman_anggota"
sasaran = ["menuju P1 relatif S2"]
sasaran_teks = "mendekatkan P1 ke sasaran"
sumber = "uji"
keyakinan = "rendah"

[[indikator]]
id = "S2"
aspek = "S"
nama = "Pertumbuhan aset"
jenis = "pertumbuhan"
besaran = "aset"
sasaran = "minimalkan"
sasaran_teks = "minimalkan"
sumber = "uji"
keyakinan = "tinggi"

[[indikator]]
id = "P3"
aspek = "P"
nama = "Sisa pinjaman lalai"
jenis = "jumlah"
besaran = "pearls.lalai_lebih_12_bulan"
sasaran = ["= 0", "<= S2 + suku_bunga_pasar - 1"]
sasaran_teks = "Rp 0"
sumber = "uji"
keyakinan = "tinggi"

[[indikator]]
id = "R1"
aspek = "P"
nama = "Tanpa sasaran angka"
pembilang = "lalu(neraca.kas)"
penyebut = "aset"
sasaran_teks = "tingkat pasar"
sumber = "uji"
keyakinan = "rendah"
)toml";

// Replaces the single occurrence of `from`; fails the test if it is absent or not unique.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << "not found: " << from;
  if (pos == std::string::npos) return text;
  EXPECT_EQ(text.find(from, pos + 1), std::string::npos) << "not unique: " << from;
  text.replace(pos, from.size(), to);
  return text;
}

int LineAt(const std::string& text, size_t pos) {
  return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(pos), '\n'));
}

// 1-based line of the first occurrence of `needle`.
int LineOf(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << "not found: " << needle;
  return pos == std::string::npos ? -1 : LineAt(text, pos);
}

// 1-based line of the [[indikator]] header of the table that holds `needle`.
int HeaderLineOf(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << "not found: " << needle;
  if (pos == std::string::npos) return -1;
  const size_t h = text.rfind("[[indikator]]", pos);
  EXPECT_NE(h, std::string::npos);
  return h == std::string::npos ? -1 : LineAt(text, h);
}

struct Loaded {
  std::unique_ptr<GoalRulebook> rb;
  Problems problems;
};

Loaded Load(const std::string& text) {
  Loaded l;
  l.rb = LoadGoalRulebook(text, "uji.toml", &l.problems);
  return l;
}

::testing::AssertionResult HasProblem(const Loaded& l, int line, const std::string& pesan_part) {
  return testing::RefusedAt(l.rb != nullptr, l.problems, "uji.toml", line, pesan_part);
}

const GoalRulebook* Embedded(const char* id) {
  Problems problems;
  const GoalRulebook* rb = EmbeddedGoalRulebookById(id, &problems);
  EXPECT_NE(rb, nullptr) << id << AllProblems(problems);
  EXPECT_TRUE(problems.empty()) << AllProblems(problems);
  return rb;
}

std::vector<std::string> Ids(const GoalRulebook& rb) {
  std::vector<std::string> ids;
  for (const Indicator& ind : rb.indicators) ids.push_back(ind.id);
  return ids;
}

// Every indicator appears once in `order`, after each indicator it depends on.
void ExpectDependencyOrder(const GoalRulebook& rb) {
  ASSERT_EQ(rb.order.size(), rb.indicators.size()) << rb.id;
  std::vector<int> position(rb.indicators.size(), -1);
  for (size_t k = 0; k < rb.order.size(); ++k) {
    const int i = rb.order[k];
    ASSERT_GE(i, 0);
    ASSERT_LT(size_t(i), rb.indicators.size());
    EXPECT_EQ(position[size_t(i)], -1) << rb.id << ": " << rb.indicators[size_t(i)].id << " twice in order";
    position[size_t(i)] = int(k);
  }
  for (size_t i = 0; i < rb.indicators.size(); ++i) {
    for (const int d : rb.indicators[i].depends_on) {
      ASSERT_GE(d, 0);
      ASSERT_LT(size_t(d), rb.indicators.size());
      EXPECT_NE(size_t(d), i) << rb.indicators[i].id << " depends on itself";
      EXPECT_LT(position[size_t(d)], position[i])
          << rb.id << ": " << rb.indicators[i].id << " comes before " << rb.indicators[size_t(d)].id
          << ", which it depends on";
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Embedded goal rulebooks

TEST(GoalLoaderEmbedded, WoccuHas44IndicatorsInOrder) {
  const GoalRulebook* rb = Embedded("pearls-woccu");
  ASSERT_NE(rb, nullptr);
  std::vector<std::string> want;
  const std::pair<const char*, int> groups[] = {{"P", 6}, {"E", 9}, {"A", 3}, {"R", 12}, {"L", 3}, {"S", 11}};
  for (const auto& [letter, n] : groups) {
    for (int k = 1; k <= n; ++k) want.push_back(std::string(letter) + std::to_string(k));
  }
  ASSERT_EQ(want.size(), 44u);
  EXPECT_EQ(Ids(*rb), want);
  EXPECT_EQ(rb->id, "pearls-woccu");
  EXPECT_EQ(rb->origin, "bawaan");
  EXPECT_EQ(rb->required_blocks, std::vector<std::string>{"pearls"});
  ASSERT_EQ(rb->aspects.size(), 6u);
  for (const Indicator& ind : rb->indicators) {
    ASSERT_GE(ind.aspect_index, 0) << ind.id;
    // The aspect of each PEARLS indicator is the letter of its code.
    EXPECT_EQ(rb->aspects[size_t(ind.aspect_index)].id, ind.id.substr(0, 1)) << ind.id;
    EXPECT_FALSE(ind.name.id.empty()) << ind.id;
    EXPECT_FALSE(ind.goal.text.id.empty()) << ind.id;
  }
}

TEST(GoalLoaderEmbedded, AccuHasTheAsian13WithAdaptations) {
  const GoalRulebook* rb = Embedded("pearls-accu");
  ASSERT_NE(rb, nullptr);
  const std::vector<std::string> want = {"P1", "P2", "E1", "E5", "E6", "E9", "A1",
                                         "A2", "R7", "R9", "L1", "S10", "S11"};
  EXPECT_EQ(Ids(*rb), want);
  for (const Indicator& ind : rb->indicators) {
    EXPECT_FALSE(ind.adaptation.id.empty()) << ind.id << " has no adaptasi";
    EXPECT_FALSE(ind.adaptation.en.empty()) << ind.id << " has no adaptasi_en";
  }
  // The BKCU variant of E1 switches on P1 and P2, which must therefore come first.
  const Indicator* e1 = rb->Find("E1");
  ASSERT_NE(e1, nullptr);
  ASSERT_TRUE(e1->variant.has_value());
  EXPECT_EQ(e1->variant->when_met_ids, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(e1->variant->when_met, (std::vector<int>{rb->IndexOf("P1"), rb->IndexOf("P2")}));
}

TEST(GoalLoaderEmbedded, DependencyOrderPutsEveryIndicatorAfterItsDependencies) {
  for (const char* id : {"pearls-woccu", "pearls-accu"}) {
    const GoalRulebook* rb = Embedded(id);
    ASSERT_NE(rb, nullptr);
    ExpectDependencyOrder(*rb);
  }
  // The WOCCU S indicators refer to S11 and to their E ratio: the order must reflect that.
  const GoalRulebook* woccu = Embedded("pearls-woccu");
  ASSERT_NE(woccu, nullptr);
  const Indicator* s5 = woccu->Find("S5");
  ASSERT_NE(s5, nullptr);
  const std::set<int> deps(s5->depends_on.begin(), s5->depends_on.end());
  EXPECT_EQ(deps, (std::set<int>{woccu->IndexOf("E5"), woccu->IndexOf("S11")}));
}

TEST(GoalLoaderEmbedded, CachedAndNotAScoredMethod) {
  EXPECT_EQ(Embedded("pearls-woccu"), Embedded("pearls-woccu"));
  Problems problems;
  EXPECT_EQ(EmbeddedGoalRulebookById("ksp-2016", &problems), nullptr);  // a scored method, not a goal method
  EXPECT_EQ(EmbeddedGoalRulebookById("pearls-nope", &problems), nullptr);
  EXPECT_TRUE(problems.empty()) << AllProblems(problems);
}

TEST(GoalLoaderEmbedded, FilesOnDiskLoadUnderTheirPath) {
  for (const char* file : {"rules/pearls-woccu.toml", "rules/pearls-accu.toml"}) {
    const std::string text = SourceFile(file);
    ASSERT_FALSE(text.empty()) << file;
    Problems problems;
    std::unique_ptr<GoalRulebook> rb = LoadGoalRulebook(text, file, &problems);
    ASSERT_NE(rb, nullptr) << file << AllProblems(problems);
    EXPECT_EQ(rb->origin, file);
    ExpectDependencyOrder(*rb);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The base text itself, and what the loader derives from it

TEST(GoalLoaderBase, LoadsWithEveryConstruct) {
  const Loaded l = Load(kBase);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  const GoalRulebook& rb = *l.rb;
  EXPECT_EQ(Ids(rb), (std::vector<std::string>{"P1", "P2", "S1", "S2", "P3", "R1"}));
  ExpectDependencyOrder(rb);

  const Indicator& p1 = *rb.Find("P1");
  EXPECT_EQ(p1.goal.kind, Goal::Kind::kConditions);
  ASSERT_EQ(p1.goal.conditions.size(), 2u);
  EXPECT_EQ(p1.goal.conditions[0].op, GoalOp::kGe);
  EXPECT_EQ(p1.goal.conditions[1].op, GoalOp::kLe);
  EXPECT_EQ(p1.goal.conditions[1].rhs.constant.units, 80);
  EXPECT_EQ(p1.zero_status, ZeroStatus::kNotMet);
  EXPECT_FALSE(p1.numerator.uses_previous || p1.denominator.uses_previous);

  const Indicator& p2 = *rb.Find("P2");
  EXPECT_TRUE(p2.annualised);
  EXPECT_TRUE(p2.denominator.uses_previous);
  ASSERT_EQ(p2.goal.conditions.size(), 2u);
  EXPECT_EQ(p2.goal.conditions[0].op, GoalOp::kGt);
  ASSERT_EQ(p2.goal.conditions[0].rhs.params.size(), 1u);
  EXPECT_EQ(p2.goal.conditions[0].rhs.params[0].first, GoalParam::kInflasi);
  EXPECT_EQ(p2.goal.conditions[1].kind, GoalCondition::Kind::kMet);
  EXPECT_EQ(p2.goal.conditions[1].indicator, rb.IndexOf("P1"));
  ASSERT_TRUE(p2.variant.has_value());
  EXPECT_EQ(p2.variant->when_met, std::vector<int>{rb.IndexOf("P1")});
  EXPECT_EQ(p2.zero_status, ZeroStatus::kNotAssessable);  // the default

  const Indicator& s1 = *rb.Find("S1");
  EXPECT_EQ(s1.kind, IndicatorKind::kGrowth);
  EXPECT_TRUE(s1.numerator.uses_previous);
  EXPECT_TRUE(s1.denominator.uses_previous);
  ASSERT_EQ(s1.goal.conditions.size(), 1u);
  EXPECT_EQ(s1.goal.conditions[0].kind, GoalCondition::Kind::kToward);
  EXPECT_EQ(s1.goal.conditions[0].indicator, rb.IndexOf("P1"));
  EXPECT_EQ(s1.goal.conditions[0].reference, rb.IndexOf("S2"));

  EXPECT_EQ(rb.Find("S2")->goal.kind, Goal::Kind::kMinimise);
  EXPECT_EQ(rb.Find("R1")->goal.kind, Goal::Kind::kNone);

  const Indicator& p3 = *rb.Find("P3");
  EXPECT_EQ(p3.kind, IndicatorKind::kAmount);
  ASSERT_EQ(p3.goal.conditions.size(), 2u);
  const GoalOperand& rhs = p3.goal.conditions[1].rhs;
  EXPECT_EQ(rhs.constant.units, -1);
  ASSERT_EQ(rhs.indicators.size(), 1u);
  EXPECT_EQ(rhs.indicators[0], std::make_pair(rb.IndexOf("S2"), 1));
  ASSERT_EQ(rhs.params.size(), 1u);
  EXPECT_EQ(rhs.params[0], std::make_pair(GoalParam::kSukuBungaPasar, 1));
}

TEST(GoalLoaderBase, ForwardReferenceIsOrderedAfterItsTarget) {
  // P1's goal names S2, which is written later: the order must still put S2 first.
  const std::string text = Replace(kBase, R"(sasaran = [">= 10", "<= 80"])", R"(sasaran = [">= 10", "<= S2 + 80"])");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  ExpectDependencyOrder(*l.rb);
  const auto& order = l.rb->order;
  const auto at = [&](const char* id) { return std::find(order.begin(), order.end(), l.rb->IndexOf(id)) - order.begin(); };
  EXPECT_LT(at("S2"), at("P1"));
  EXPECT_LT(at("P1"), at("P2"));
  EXPECT_LT(at("P1"), at("S1"));
}

// ---------------------------------------------------------------------------------------------------------------
// IsGoalRulebookText

TEST(GoalLoaderFormat, PearlsFilesAreGoalRulebooks) {
  EXPECT_TRUE(IsGoalRulebookText(SourceFile("rules/pearls-woccu.toml")));
  EXPECT_TRUE(IsGoalRulebookText(SourceFile("rules/pearls-accu.toml")));
  EXPECT_TRUE(IsGoalRulebookText(kBase));
  EXPECT_TRUE(IsGoalRulebookText("format = 'kopsehat/sasaran-v1'  # literal string\n"));
}

// A rulebook saved by a Windows editor (CRLF line ends, a UTF-8 byte-order mark) is still the same goal rulebook:
// the loader reads it, so the choice of loader must not send it to the scored one.
TEST(GoalLoaderFormat, WindowsSavedGoalRulebooks) {
  std::string crlf;
  for (const char c : std::string(kBase)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  {
    Problems problems;
    EXPECT_NE(LoadGoalRulebook(crlf, "crlf.toml", &problems), nullptr) << AllProblems(problems);
  }
  EXPECT_TRUE(IsGoalRulebookText(crlf)) << "CRLF line ends";
  EXPECT_TRUE(IsGoalRulebookText("format = \"kopsehat/sasaran-v1\"\r\nid = \"x\"\r\n")) << "CRLF line ends";
  const std::string bom = "\xEF\xBB\xBF" + std::string(kBase).substr(std::string(kBase).find("format ="));
  {
    Problems problems;
    EXPECT_NE(LoadGoalRulebook(bom, "bom.toml", &problems), nullptr) << AllProblems(problems);
  }
  EXPECT_TRUE(IsGoalRulebookText(bom)) << "byte-order mark before the format line";
}

TEST(GoalLoaderFormat, ScoredRulebooksAreNot) {
  const std::string ksp = SourceFile("rules/ksp-2016.toml");
  ASSERT_FALSE(ksp.empty());
  EXPECT_FALSE(IsGoalRulebookText(ksp));
  EXPECT_FALSE(IsGoalRulebookText(SourceFile("rules/ksp-2016-linear.toml")));
  EXPECT_FALSE(IsGoalRulebookText(""));
}

TEST(GoalLoaderFormat, FormatOnlyInACommentOrALaterTable) {
  EXPECT_FALSE(IsGoalRulebookText("# format = \"kopsehat/sasaran-v1\"\nformat = \"kopsehat/rulebook-v1\"\n"));
  EXPECT_FALSE(IsGoalRulebookText("  # format = \"kopsehat/sasaran-v1\"\nid = \"x\"\n"));
  EXPECT_FALSE(IsGoalRulebookText("id = \"x\"\n[[aspek]]\nformat = \"kopsehat/sasaran-v1\"\n"));
  EXPECT_FALSE(IsGoalRulebookText("id = \"x\"\n[meta]\nformat = \"kopsehat/sasaran-v1\"\n"));
  // The word alone in another key's value or a longer format name is not the declaration either.
  EXPECT_FALSE(IsGoalRulebookText("catatan = \"format = kopsehat/sasaran-v1\"\n"));
  EXPECT_FALSE(IsGoalRulebookText("format = \"kopsehat/sasaran-v10\"\n"));
  EXPECT_FALSE(IsGoalRulebookText("formats = \"kopsehat/sasaran-v1\"\n"));
  // A comment after the value does not hide it.
  EXPECT_TRUE(IsGoalRulebookText("# metode\n\nformat = \"kopsehat/sasaran-v1\" # goal method\n"));
}

// ---------------------------------------------------------------------------------------------------------------
// Rejections: each row breaks one thing in kBase

struct BadCase {
  const char* name;
  std::string from;
  std::string to;
  std::string line_needle;  // the problem's line: where this text is in the broken rulebook
  bool header = false;      // ...or the [[indikator]] header of the table holding it
  std::string pesan_part;   // a fragment of the Indonesian text
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

const std::vector<BadCase>& BadCases() {
  static const std::vector<BadCase> cases = {
      {"UnknownTopLevelKeySuggests", "versi = \"1\"", "versii = \"1\"", "versii", false,
       "kunci tidak dikenal 'versii' di rulebook (maksudnya 'versi'?)"},
      {"UnknownIndicatorKeySuggests", "penyebut_nol = \"tidak_terpenuhi\"", "penyebut_nul = \"tidak_terpenuhi\"",
       "penyebut_nul", false, "kunci tidak dikenal 'penyebut_nul' di indikator.P1 (maksudnya 'penyebut_nol'?)"},
      {"UnknownKeyInVariant", "varian = { syarat = [\"P1\"], pembilang",
       "varian = { syarat = [\"P1\"], penyebut = \"neraca.kas\", pembilang", "varian = {", false,
       "kunci tidak dikenal 'penyebut' di indikator.P2.varian"},
      {"WrongFormat", "format = \"kopsehat/sasaran-v1\"", "format = \"kopsehat/rulebook-v1\"", "format =", false,
       "format 'kopsehat/rulebook-v1' bukan kopsehat/sasaran-v1"},
      {"BadConditionOperator", "\">= 10\", \"<= 80\"", "\"=> 10\", \"<= 80\"", "\"=> 10\"", false,
       "indikator.P1.sasaran \"=> 10\": pembanding tidak lengkap atau tidak sah"},
      {"ConditionWithoutOperator", "\">= 10\", \"<= 80\"", "\"10\", \"<= 80\"", "\"10\", \"<= 80\"", false,
       "syarat harus diawali >=, >, <=, < atau ="},
      {"ConditionTrailingJunk", "\">= 10\", \"<= 80\"", "\">= 10 persen\", \"<= 80\"", "persen", false,
       "pembanding tidak lengkap atau tidak sah"},
      {"ConditionDanglingPlus", "\"> inflasi + 10\"", "\"> inflasi +\"", "inflasi +\"", false,
       "pembanding tidak lengkap atau tidak sah"},
      {"ConditionTwoConstants", "\"> inflasi + 10\"", "\"> 5 + 10\"", "\"> 5 + 10\"", false,
       "angka tetap ditulis dua kali"},
      {"ConditionNotANumber", "\"> inflasi + 10\"", "\"> inflasi + 10%\"", "10%", false, "'10%' bukan angka biasa"},
      {"TerpenuhiWithoutId", "\"terpenuhi P1\"", "\"terpenuhi\"", "\"terpenuhi\"", false, "tulis 'terpenuhi ID'"},
      {"MenujuWithoutRelatif", "\"menuju P1 relatif S2\"", "\"menuju P1 S2\"", "menuju P1 S2", false,
       "tulis 'menuju ID relatif ID'"},
      {"UnknownIndicatorInConditionSuggests", "\"terpenuhi P1\"", "\"terpenuhi P11\"", "terpenuhi P11", false,
       "'P11' bukan indikator atau suku bunga yang dikenal (maksudnya 'P1'?)"},
      {"UnknownIndicatorInOperand", "\"<= S2 + suku_bunga_pasar - 1\"", "\"<= S3 + suku_bunga_pasar - 1\"",
       "S3 + suku", false, "indikator.P3.sasaran: 'S3' bukan indikator"},
      {"UnknownIndicatorInVariant", "varian = { syarat = [\"P1\"]", "varian = { syarat = [\"Q1\"]", "varian = {",
       false, "indikator.P2.varian: 'Q1' bukan indikator"},
      {"UnknownAspect", "aspek = \"S\"\nnama = \"Pertumbuhan pinjaman\"", "aspek = \"X\"\nnama = \"Pertumbuhan pinjaman\"",
       "aspek = \"X\"", false, "aspek 'X' tidak didefinisikan"},
      {"CycleBetweenTwoIndicators", "\"<= 80\"", "\"<= P2\"", "[[indikator]]", false,
       "sasaran saling bergantung melingkar: P1, P2"},
      {"SelfReference", "\"terpenuhi P1\"", "\"terpenuhi P2\"", "id = \"P2\"", true,
       "sasaran merujuk indikator itu sendiri"},
      {"TowardIndicatorWithoutConditions", "\"menuju P1 relatif S2\"", "\"menuju S2 relatif S2\"",
       "menuju S2", false, "'menuju S2' memerlukan indikator yang punya syarat sasaran"},
      {"VariantOnGrowth", "besaran = \"aset\"\nsasaran = \"minimalkan\"",
       "besaran = \"aset\"\nvarian = { syarat = [\"P1\"], pembilang = \"neraca.kas\" }\nsasaran = \"minimalkan\"",
       "varian = { syarat = [\"P1\"], pembilang = \"neraca.kas\" }", false, "indikator.S2.varian hanya untuk jenis rasio"},
      {"VariantWithoutSyarat", "varian = { syarat = [\"P1\"], pembilang", "varian = { pembilang", "varian = {", false,
       "varian.syarat: daftar id indikator wajib ada"},
      {"UnknownJenis", "jenis = \"jumlah\"", "jenis = \"jumlahan\"", "jenis = \"jumlahan\"", false,
       "indikator.P3.jenis harus rasio, pertumbuhan atau jumlah"},
      {"UnknownPenyebutNol", "penyebut_nol = \"tidak_terpenuhi\"", "penyebut_nol = \"gagal\"", "penyebut_nol", false,
       "indikator.P1.penyebut_nol harus terpenuhi, tidak_terpenuhi atau tidak_dapat_dinilai"},
      {"InvalidKeyakinan", "keyakinan = \"rendah\"\n\n[[indikator]]\nid = \"S2\"",
       "keyakinan = \"pasti\"\n\n[[indikator]]\nid = \"S2\"", "keyakinan = \"pasti\"", false,
       "indikator.S1.keyakinan harus tinggi, sedang atau rendah"},
      {"SasaranWordOtherThanMinimalkan", "sasaran = \"minimalkan\"", "sasaran = \"maksimalkan\"",
       "sasaran = \"maksimalkan\"", false, "teks yang dikenal hanya \"minimalkan\""},
      {"SasaranEmptyList", "sasaran = [\">= 10\", \"<= 80\"]", "sasaran = []", "sasaran = []", false,
       "daftar 1 sampai 8 syarat"},
      {"SasaranNotAString", "\">= 10\", \"<= 80\"", "\">= 10\", 80", "\">= 10\", 80", false,
       "tiap syarat berupa teks"},
      {"FormulaUnknownLine", "pembilang = \"neraca.kas\"", "pembilang = \"neraca.kass\"", "neraca.kass", false,
       "indikator.P1.pembilang: rumus \"neraca.kass\", kolom 1: 'neraca.kass' bukan baris laporan"},
      {"GrowthOfAPreviousValue", "besaran = \"neraca.pinjaman_anggota\"", "besaran = \"lalu(neraca.pinjaman_anggota)\"",
       "besaran = \"lalu(", false, "pertumbuhan dihitung dari besaran periode ini"},
      {"DisetahunkanNotBoolean", "disetahunkan = true", "disetahunkan = \"ya\"", "disetahunkan", false,
       "disetahunkan harus true atau false"},
      {"DuplicateIndicatorId", "id = \"R1\"", "id = \"P3\"", "nama = \"Tanpa sasaran angka\"", true,
       "id 'P3' dipakai dua kali"},
      {"PerluBlokUnknown", "perlu_blok = [\"pearls\"]", "perlu_blok = [\"pearl\"]", "perlu_blok", false,
       "perlu_blok: daftar blok laporan; yang dikenal: \"pearls\""},
      {"LaluInsideLalu", "pembilang = \"lalu(neraca.kas)\"", "pembilang = \"lalu(lalu(neraca.kas))\"",
       "lalu(lalu(", false, "lalu() tidak boleh memuat lalu() atau rata_rata()"},
      {"RataRataInsideLalu", "pembilang = \"lalu(neraca.kas)\"", "pembilang = \"lalu(rata_rata(neraca.kas))\"",
       "lalu(rata_rata(", false, "lalu() tidak boleh memuat lalu() atau rata_rata()"},
      {"QuantityNamedLikeAFunction", "id = \"aset\"", "id = \"lalu\"", "[[besaran]]", false,
       "id sama dengan baris laporan atau nama fungsi"},
      {"MissingSasaranTeks", "sasaran_teks = \"tingkat pasar\"", "", "nama = \"Tanpa sasaran angka\"", true,
       "kunci 'sasaran_teks' wajib ada di indikator.R1"},
      {"InvalidToml", "versi = \"1\"", "versi = \"1", "versi =", false, "TOML tidak sah"},
  };
  return cases;
}

class GoalLoaderReject : public ::testing::TestWithParam<BadCase> {};

TEST_P(GoalLoaderReject, ReportsTheBrokenThingAtItsLine) {
  const BadCase& c = GetParam();
  const std::string text = Replace(kBase, c.from, c.to);
  ASSERT_NE(text, kBase);
  const int line = c.header ? HeaderLineOf(text, c.line_needle) : LineOf(text, c.line_needle);
  ASSERT_GT(line, 0);
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, line, c.pesan_part));
}

INSTANTIATE_TEST_SUITE_P(GoalLoader, GoalLoaderReject, ::testing::ValuesIn(BadCases()),
                         [](const ::testing::TestParamInfo<BadCase>& param_info) { return std::string(param_info.param.name); });

TEST(GoalLoaderRejectTable, HasAtLeastFifteenRows) { EXPECT_GE(BadCases().size(), 15u); }

TEST(GoalLoaderReject, EnglishMessagesToo) {
  const Loaded l = Load(Replace(kBase, "\"terpenuhi P1\"", "\"terpenuhi P11\""));
  ASSERT_EQ(l.rb, nullptr);
  bool found = false;
  for (const Problem& p : l.problems.items()) {
    found = found || p.message.find("'P11' is neither an indicator nor a known rate (did you mean 'P1'?)") != std::string::npos;
  }
  EXPECT_TRUE(found) << AllProblems(l.problems);
}

TEST(GoalLoaderReject, EveryProblemAtOnce) {
  std::string text = Replace(kBase, "versi = \"1\"", "versii = \"1\"");
  text = Replace(text, "keyakinan = \"sedang\"", "keyakinan = \"agak\"");
  text = Replace(text, "\"terpenuhi P1\"", "\"terpenuhi P9\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "versii"), "kunci tidak dikenal 'versii'"));
  EXPECT_TRUE(HasProblem(l, LineOf(text, "keyakinan = \"agak\""), "keyakinan harus"));
  EXPECT_TRUE(HasProblem(l, LineOf(text, "terpenuhi P9"), "'P9' bukan indikator"));
}

TEST(GoalLoaderReject, CycleNamesBothIndicators) {
  const std::string text = Replace(kBase, "\"<= S2 + suku_bunga_pasar - 1\"", "\"terpenuhi R1\"");
  const std::string text2 = Replace(text, "sasaran_teks = \"tingkat pasar\"",
                                    "sasaran = [\"terpenuhi P3\"]\nsasaran_teks = \"tingkat pasar\"");
  const Loaded l = Load(text2);
  ASSERT_EQ(l.rb, nullptr);
  bool found = false;
  for (const Problem& p : l.problems.items()) {
    found = found || (p.pesan.find("melingkar") != std::string::npos && p.pesan.find("P3") != std::string::npos &&
                      p.pesan.find("R1") != std::string::npos);
  }
  EXPECT_TRUE(found) << AllProblems(l.problems);
}

TEST(GoalLoaderReject, TooLargeAndNotToml) {
  Problems problems;
  EXPECT_EQ(LoadGoalRulebook(std::string(kMaxRulebookBytes + 1, '#'), "besar.toml", &problems), nullptr);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.items()[0].path, "besar.toml");
  problems.Clear();
  EXPECT_EQ(LoadGoalRulebook("", "kosong.toml", &problems), nullptr);
  EXPECT_FALSE(problems.empty());
}

// ---------------------------------------------------------------------------------------------------------------
// What the loaded numbers mean to the engine: docs/rulebook.md says the conditions of a `jenis = "jumlah"`
// indicator compare Rupiah (the rulebook author writes "<= 400000000" for Rp 400 juta), while amounts are held in
// sen. The Kopdit example has Rp 40.000.000 of loans delinquent over 12 months.

struct Assessed {
  Loaded loaded;  // owns the rulebook the assessment points into
  GoalAssessment assessment;
  const IndicatorResult* p3 = nullptr;
};

// kBase with P3's goal replaced, assessed on the Kopdit example.
void AssessKopditWithP3Goal(const std::string& goal, Assessed* out) {
  out->loaded = Load(Replace(kBase, "sasaran = [\"= 0\", \"<= S2 + suku_bunga_pasar - 1\"]", "sasaran = " + goal));
  ASSERT_NE(out->loaded.rb, nullptr) << AllProblems(out->loaded.problems);
  Laporan laporan;
  Problems problems;
  LaporanJsonReader reader;
  ASSERT_TRUE(reader.Read(SourceFile("examples/kopdit-sinar-harapan-2025.json"), &laporan, &problems))
      << problems.Render(Lang::kId);
  ASSERT_TRUE(EvaluateGoals(laporan, *out->loaded.rb, &out->assessment, &problems)) << problems.Render(Lang::kId);
  const int i = out->loaded.rb->IndexOf("P3");
  ASSERT_GE(i, 0);
  out->p3 = &out->assessment.indicators[size_t(i)];
  ASSERT_TRUE(out->p3->has_value);
  ASSERT_EQ(Compare(out->p3->value, Fraction{Sen(40000000) * 100, 1}), 0) << "the value is in sen";
}

TEST(GoalLoaderAmountGoal, ConstantsOfAnAmountGoalAreRupiah) {
  {
    Assessed a;
    AssessKopditWithP3Goal("[\"<= 400000000\"]", &a);
    ASSERT_NE(a.p3, nullptr);
    EXPECT_STREQ(GoalStatusCode(a.p3->status), "memenuhi") << "Rp 40.000.000 <= Rp 400.000.000";
  }
  {
    Assessed a;
    AssessKopditWithP3Goal("[\"<= 39999999\"]", &a);
    ASSERT_NE(a.p3, nullptr);
    EXPECT_STREQ(GoalStatusCode(a.p3->status), "tidak_memenuhi") << "Rp 40.000.000 > Rp 39.999.999";
    EXPECT_EQ(Compare(a.p3->target, Fraction{3999999900, 1}), 0) << "target Rp 39.999.999, in sen";
    EXPECT_EQ(Compare(a.p3->gap, Fraction{100, 1}), 0) << "Rp 1 too much, in sen";
  }
  {
    Assessed a;
    AssessKopditWithP3Goal("[\"= 40000000\"]", &a);
    ASSERT_NE(a.p3, nullptr);
    EXPECT_STREQ(GoalStatusCode(a.p3->status), "memenuhi") << "Rp 40.000.000 = Rp 40.000.000";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// lalu() and rata_rata(): only goal methods may refer to the previous period

TEST(GoalFormulaPrevious, RefusedWithoutAllowPrevious) {
  for (const char* f : {"lalu(neraca.kas)", "rata_rata(neraca.kas)", "neraca.bank + lalu(neraca.kas)"}) {
    LinearForm form;
    const Status parsed = ParseFormula(f, {}, &form);
    EXPECT_FALSE(parsed.ok()) << f;
    EXPECT_EQ(parsed.code(), "rumus_tidak_sah");
    EXPECT_NE(parsed.pesan().find("() tidak boleh di sini: hanya di besaran dan rumus rasio"), std::string::npos)
        << parsed.pesan();
    EXPECT_NE(parsed.message().find("is not allowed here: only in quantities and ratio formulas"), std::string::npos)
        << parsed.message();
  }
}

TEST(GoalFormulaPrevious, ScoredRulebookMayUseLaluAndThenSaysSo) {
  // Scored rulebooks read periode_lalu through lalu() too (KKPKK growth indicators); the loader records it so the
  // engine asks for periode_lalu and the this-year-only tools (what-if, planner) refuse the rulebook.
  std::string ksp;
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (std::string_view(e.id) == "ksp-2016") ksp = std::string(e.text);
  }
  ASSERT_FALSE(ksp.empty());
  Problems problems;
  const std::unique_ptr<Rulebook> plain = LoadRulebook(ksp, "ksp.toml", &problems);
  ASSERT_NE(plain, nullptr) << AllProblems(problems);
  EXPECT_FALSE(plain->uses_previous);
  EXPECT_TRUE(plain->WeightedThisYearOnly());
  // The first `pembilang = "X"` of the scored rulebook becomes `pembilang = "lalu(X)"`.
  const size_t at = ksp.find("pembilang = \"");
  ASSERT_NE(at, std::string::npos);
  const size_t open = at + std::string("pembilang = \"").size();
  const size_t close = ksp.find('"', open);
  const std::string original = ksp.substr(open, close - open);
  ksp.replace(open, close - open, "lalu(" + original + ")");
  const std::unique_ptr<Rulebook> rb = LoadRulebook(ksp, "ksp.toml", &problems);
  ASSERT_NE(rb, nullptr) << AllProblems(problems);
  EXPECT_TRUE(rb->uses_previous);
  EXPECT_FALSE(rb->WeightedThisYearOnly());
  EXPECT_TRUE(rb->components.front().numerator.uses_previous);
}

TEST(GoalFormulaPrevious, AcceptedWithAllowPrevious) {
  LinearForm form;
  ASSERT_TRUE(ParseFormula("lalu(neraca.kas)", {}, &form, true).ok());
  EXPECT_TRUE(form.uses_previous);
  ASSERT_EQ(form.terms.size(), 1u);
  EXPECT_EQ(form.terms[0].line, FindLine("neraca.kas") + kLineCount);
  ASSERT_TRUE(ParseFormula("neraca.kas", {}, &form, true).ok());
  EXPECT_FALSE(form.uses_previous);
  // Nested previous-period functions stay refused even where lalu() is allowed.
  Status parsed = ParseFormula("rata_rata(lalu(neraca.kas))", {}, &form, true);
  EXPECT_FALSE(parsed.ok());
  EXPECT_NE(parsed.pesan().find("tidak boleh memuat lalu()"), std::string::npos) << parsed.pesan();
  // A function name without its parentheses is not a line.
  parsed = ParseFormula("lalu + neraca.kas", {}, &form, true);
  EXPECT_FALSE(parsed.ok());
  EXPECT_NE(parsed.pesan().find("ditulis sebagai fungsi"), std::string::npos) << parsed.pesan();
}

TEST(GoalFormulaPrevious, RataRataIsTheExactTwoPointAverage) {
  LinearForm form;
  ASSERT_TRUE(ParseFormula("rata_rata(neraca.kas)", {}, &form, true).ok());
  EXPECT_TRUE(form.uses_previous);
  Statements current, previous;
  const int kas = FindLine("neraca.kas");
  ASSERT_GE(kas, 0);
  current.sen[size_t(kas)] = 100;
  previous.sen[size_t(kas)] = 50;
  const Fraction f = form.Evaluate(current, previous);
  EXPECT_EQ(Compare(f, Fraction{75, 1}), 0) << ToString(f.num) << "/" << ToString(f.den);
  EXPECT_EQ(f.num, 75 * f.den);
  // An odd sum keeps its half sen: (101 + 50) / 2 = 75.5, not rounded.
  current.sen[size_t(kas)] = 101;
  EXPECT_EQ(Compare(form.Evaluate(current, previous), Fraction{151, 2}), 0);
}

TEST(GoalFormulaPrevious, QuantityAverageExpandsOverEveryLine) {
  // rata_rata(q) for q = kas + 2 × bank: (kas + lalu(kas))/2 + (bank + lalu(bank)).
  std::vector<Quantity> q(1);
  q[0].id = "q";
  ASSERT_TRUE(ParseFormula("neraca.kas + 2 * neraca.bank", {}, &q[0].form).ok());
  LinearForm form;
  ASSERT_TRUE(ParseFormula("rata_rata(q)", q, &form, true).ok());
  Statements current, previous;
  current.sen[size_t(FindLine("neraca.kas"))] = 10;
  current.sen[size_t(FindLine("neraca.bank"))] = 7;
  previous.sen[size_t(FindLine("neraca.kas"))] = 4;
  previous.sen[size_t(FindLine("neraca.bank"))] = 1;
  // current q = 24, previous q = 6: average 15.
  EXPECT_EQ(Compare(form.Evaluate(current, previous), Fraction{15, 1}), 0);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Review findings: goals that could never be evaluated, ids conditions cannot name, annualised growth.
TEST(GoalLoaderReview, RefusesWhatCouldNeverWork) {
  const std::string head = R"(format = "kopsehat/sasaran-v1"
id = "uji"
versi = "1"
nama = "Uji"
sumber = "uji"
[[besaran]]
id = "aset"
nama = "Aset"
rumus = "neraca.kas + neraca.bank"
[[aspek]]
id = "X"
nama = "X"
[[indikator]]
id = "M1"
aspek = "X"
nama = "Minimalkan"
pembilang = "neraca.kas"
penyebut = "aset"
sasaran = "minimalkan"
sasaran_teks = "minimalkan"
sumber = "uji"
keyakinan = "tinggi"
)";
  const auto problems_of = [&](const std::string& second) {
    Problems p;
    EXPECT_EQ(LoadGoalRulebook(head + "[[indikator]]\naspek = \"X\"\nnama = \"B\"\nsasaran_teks = \"b\"\nsumber = \"uji\"\n"
                                          "keyakinan = \"tinggi\"\n" + second,
                               "uji.toml", &p),
              nullptr);
    return p.Render(Lang::kId);
  };
  EXPECT_NE(problems_of("id = \"B1\"\npembilang = \"neraca.kas\"\npenyebut = \"aset\"\nsasaran = [\"terpenuhi M1\"]\n")
                .find("'terpenuhi M1' memerlukan indikator yang punya syarat sasaran"),
            std::string::npos);
  EXPECT_NE(problems_of("id = \"B1\"\npembilang = \"neraca.kas\"\npenyebut = \"aset\"\nsasaran = [\">= 1\"]\n"
                        "varian = { syarat = [\"M1\"], pembilang = \"neraca.bank\" }\n")
                .find("'M1' tidak punya syarat sasaran"),
            std::string::npos);
  for (const char* bad_id : {"10", "inflasi", "B 1", "menuju", ""}) {
    EXPECT_NE(problems_of(std::string("id = \"") + bad_id + "\"\npembilang = \"neraca.kas\"\npenyebut = \"aset\"\n")
                  .find("id indikator harus satu kata"),
              std::string::npos)
        << bad_id;
  }
  EXPECT_NE(problems_of("id = \"B1\"\njenis = \"pertumbuhan\"\nbesaran = \"aset\"\ndisetahunkan = true\n")
                .find("disetahunkan hanya untuk jenis rasio"),
            std::string::npos);
  EXPECT_NE(problems_of("id = \"B1\"\npembilang = \"neraca.kas\"\npenyebut = \"aset\"\nsasaran = [\">= suku_bunga_pasr\"]\n")
                .find("(maksudnya 'suku_bunga_pasar'?)"),
            std::string::npos);
}

}  // namespace
}  // namespace kopsehat
