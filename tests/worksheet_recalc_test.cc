// The traceable XLSX worksheet, recalculated by LibreOffice: for many generated cooperatives, the spreadsheet's own
// formulas must reproduce the engine's total and predikat. LibreOffice is told to recalculate every formula on load
// (a throw-away profile with OOXMLRecalcMode = 0), so the values compared are the formulas' own results, not the
// cached ones the writer stores. Needs `libreoffice` (package libreoffice-calc-nogui, installed by scripts/deps.sh).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>

#include <unistd.h>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "interchange/json_reader.h"
#include "report/xlsx_worksheet.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

namespace fs = std::filesystem;

// A random valid cooperative: balanced through shu_belum_dibagi, loan figures within loans.
Laporan Generate(std::mt19937_64& rng, bool with_checklist) {
  auto amount = [&](uint64_t max_rupiah) { return Sen(rng() % (max_rupiah + 1)) * 100 + Sen(rng() % 100); };
  Laporan l;
  l.cooperative.nama = "KSP Uji " + std::to_string(rng() % 100000);
  l.periode_akhir = "2025-12-31";
  Statements& s = l.current;
  const uint64_t scale = uint64_t(1) << (24 + rng() % 12);
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].section == Section::kPinjaman || rng() % 5 == 0) continue;
    s.sen[size_t(i)] = amount(scale);
    s.present[size_t(i)] = true;
  }
  const Sen loans = s.Get(line::Index("neraca.pinjaman_anggota")) + s.Get(line::Index("neraca.pinjaman_non_anggota"));
  s.sen[size_t(line::Index("pinjaman.kurang_lancar"))] = loans / Sen(2 + rng() % 40);
  s.sen[size_t(line::Index("pinjaman.diragukan"))] = loans / Sen(5 + rng() % 80);
  s.sen[size_t(line::Index("pinjaman.macet"))] = loans / Sen(10 + rng() % 100);
  s.sen[size_t(line::Index("pinjaman.berisiko"))] = loans / Sen(2 + rng() % 10);
  s.sen[size_t(line::Index("hasil_usaha.biaya_karyawan"))] = s.Get(line::Index("hasil_usaha.beban_usaha")) / 2;
  Sen aset = 0, pasiva = 0;
  const int shu = line::Index("neraca.shu_belum_dibagi");
  s.sen[size_t(shu)] = 0;
  for (int i = 0; i < kLineCount; ++i) {
    const BalanceSide side = kLines[size_t(i)].side;
    if (side == BalanceSide::kAset) aset += s.Get(i);
    if (side == BalanceSide::kAsetPengurang) aset -= s.Get(i);
    if (side == BalanceSide::kKewajiban || side == BalanceSide::kEkuitas) pasiva += s.Get(i);
  }
  s.sen[size_t(shu)] = aset - pasiva;
  ApplyDefaults(&s);
  l.has_manajemen = with_checklist;
  if (with_checklist) {
    for (const auto& [key, n] : std::vector<std::pair<const char*, size_t>>{{"umum", 12}, {"kelembagaan", 6}, {"permodalan", 5}, {"aktiva", 10}, {"likuiditas", 5}}) {
      ChecklistAnswers a{"", key, {}, n};
      for (size_t i = 0; i < n; ++i) a.answers.push_back(rng() % 2 == 0);
      l.checklists.push_back(a);
    }
  }
  return l;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The value in column B of the row whose column A is `label`, from LibreOffice's CSV of the first sheet.
std::string CsvValue(const std::string& csv, const std::string& label) {
  std::istringstream lines(csv);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(label + ",", 0) != 0) continue;
    const std::string rest = line.substr(label.size() + 1);
    return rest.substr(0, rest.find(','));
  }
  return "<missing>";
}

// A throw-away LibreOffice profile under dir/profile that recalculates every OOXML formula on load, so what a
// conversion shows is the formulas' own results, not the cached ones.
void WriteRecalcProfile(const fs::path& dir) {
  fs::create_directories(dir / "profile" / "user");
  std::ofstream(dir / "profile" / "user" / "registrymodifications.xcu")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
         "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" "
         "oor:op=\"fuse\"><value>0</value></prop></item>\n</oor:items>\n";
}

// Converts the workbooks `files` (space-separated paths) to CSV in dir/out with LibreOffice recalculating every
// formula (the profile of WriteRecalcProfile); false when LibreOffice failed (its log is dir/lo.log).
bool RecalcToCsv(const fs::path& dir, const std::string& files) {
  const std::string cmd = "cd " + dir.string() + " && timeout 300 libreoffice -env:UserInstallation=file://" +
                          (dir / "profile").string() + " --headless --convert-to csv --outdir " + (dir / "out").string() +
                          files + " > lo.log 2>&1";
  return std::system(cmd.c_str()) == 0;
}

TEST(WorksheetRecalc, LibreOfficeReproducesTotalAndPredikat) {
  const fs::path dir = fs::temp_directory_path() / ("kopsehat_recalc_" + std::to_string(getpid()));
  fs::remove_all(dir);
  WriteRecalcProfile(dir);
  Problems problems;
  const Rulebook* tables = EmbeddedRulebookById("ksp-2016", &problems);
  const Rulebook* linear = EmbeddedRulebookById("ksp-2016-linear", &problems);
  ASSERT_NE(tables, nullptr);
  ASSERT_NE(linear, nullptr);
  std::mt19937_64 rng(424242);
  constexpr int kCount = 24;
  std::vector<Assessment> expected(kCount);
  std::string files;
  for (int n = 0; n < kCount; ++n) {
    const Laporan l = Generate(rng, n % 6 != 5);
    EvaluateOptions options;
    options.without_checklist = !l.has_manajemen;
    ASSERT_TRUE(Evaluate(l, n % 2 ? *linear : *tables, options, &expected[size_t(n)], &problems)) << problems.Render(Lang::kId);
    const fs::path path = dir / ("ws" + std::to_string(n) + ".xlsx");
    ASSERT_TRUE(WriteAssessmentWorksheet(l, expected[size_t(n)], WorksheetOptions{}, path.string()).ok());
    files += " " + path.string();
  }
  ASSERT_TRUE(RecalcToCsv(dir, files)) << "LibreOffice failed (is libreoffice-calc-nogui installed?): "
                                         << ReadFile(dir / "lo.log");
  int distinct_predikat = 0;
  std::set<std::string> seen;
  for (int n = 0; n < kCount; ++n) {
    const std::string csv = ReadFile(dir / "out" / ("ws" + std::to_string(n) + ".csv"));
    ASSERT_FALSE(csv.empty()) << n;
    const Assessment& a = expected[size_t(n)];
    // The CSV holds the spreadsheet's number as LibreOffice prints it ("57.2", "77"); read it exactly and round to
    // the hundredths every score of these rulebooks is made of, as a binary sum may end in ...9999999.
    Decimal total;
    const std::string text = CsvValue(csv, "TOTAL");
    ASSERT_EQ(ParseDecimal(text, &total), DecimalError::kNone) << "case " << n << ": " << text;
    EXPECT_EQ(RoundHalfUp(total.units, Pow10(total.scale), 2), i128(a.total_e6 / 10000)) << "case " << n << ": " << text;
    EXPECT_EQ(a.total_e6 % 10000, 0);
    EXPECT_EQ(CsvValue(csv, "PREDIKAT"), a.Predikat().label) << "case " << n;
    if (seen.insert(a.Predikat().label).second) ++distinct_predikat;
  }
  EXPECT_GE(distinct_predikat, 2) << "the generated cooperatives should not all share one predikat";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

TEST(WorksheetDeterminism, SameInputAndEpochGiveTheSameBytes) {
  Problems problems;
  const Rulebook* rb = EmbeddedRulebookById("ksp-2016", &problems);
  ASSERT_NE(rb, nullptr);
  std::mt19937_64 rng(5);
  const Laporan l = Generate(rng, true);
  Assessment a;
  ASSERT_TRUE(Evaluate(l, *rb, EvaluateOptions{}, &a, &problems));
  WorksheetOptions o;
  o.created_epoch = 1700000000;
  const std::string pid = std::to_string(getpid());
  const fs::path p1 = fs::temp_directory_path() / ("kopsehat_ws1_" + pid + ".xlsx"), p2 = fs::temp_directory_path() / ("kopsehat_ws2_" + pid + ".xlsx");
  ASSERT_TRUE(WriteAssessmentWorksheet(l, a, o, p1.string()).ok());
  ASSERT_TRUE(WriteAssessmentWorksheet(l, a, o, p2.string()).ok());
  const std::string b1 = ReadFile(p1), b2 = ReadFile(p2);
  EXPECT_GT(b1.size(), 1000u);
  EXPECT_EQ(b1, b2);
  fs::remove(p1);
  fs::remove(p2);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// The PEARLS worksheet recalculated by LibreOffice: for variations of the example credit union, the verdict
// counts on the Ringkasan sheet (COUNTIF over the live Status formulas) must equal the engine's.
TEST(WorksheetRecalc, LibreOfficeReproducesPearlsVerdicts) {
  const fs::path dir = fs::temp_directory_path() / ("kopsehat_recalc_pearls_" + std::to_string(getpid()));
  fs::remove_all(dir);
  WriteRecalcProfile(dir);
  const std::string text = ReadFile(fs::path(KOPSEHAT_SOURCE_DIR) / "examples" / "kopdit-sinar-harapan-2025.json");
  LaporanJsonReader reader;
  Laporan base;
  Problems problems;
  ASSERT_TRUE(reader.Read(text, &base, &problems)) << problems.Render(Lang::kId);
  const GoalRulebook* woccu = EmbeddedGoalRulebookById("pearls-woccu", &problems);
  const GoalRulebook* accu = EmbeddedGoalRulebookById("pearls-accu", &problems);
  ASSERT_NE(woccu, nullptr);
  ASSERT_NE(accu, nullptr);
  std::mt19937_64 rng(8);
  constexpr int kCount = 8;
  std::vector<GoalAssessment> expected(kCount);
  std::vector<Laporan> laporan(kCount, base);
  std::string files;
  std::set<int> met_counts;
  for (int n = 0; n < kCount; ++n) {
    Laporan& l = laporan[size_t(n)];
    // Every pearls line and a few Ministry lines scaled by 0.5 .. 1.5, so verdicts move both ways.
    for (int i = 0; i < kLineCount; ++i) {
      const bool pearls = kLines[size_t(i)].section == Section::kPearls;
      if (n == 0 || (!pearls && rng() % 4 != 0)) continue;
      l.current.sen[size_t(i)] = l.current.Get(i) / 100 * Sen(50 + rng() % 101);
      if (IsCountLine(i)) l.current.sen[size_t(i)] -= l.current.Get(i) % 100;
    }
    if (n % 3 == 2) l.pearls.has_suku_bunga_pasar = false;  // verdicts that cannot be formulas stay as text
    ASSERT_TRUE(EvaluateGoals(l, n % 2 ? *accu : *woccu, &expected[size_t(n)], &problems)) << problems.Render(Lang::kId);
    met_counts.insert(expected[size_t(n)].summary.met);
    const fs::path path = dir / ("pw" + std::to_string(n) + ".xlsx");
    ASSERT_TRUE(WriteGoalWorksheet(l, expected[size_t(n)], WorksheetOptions{}, path.string()).ok());
    files += " " + path.string();
  }
  EXPECT_GE(met_counts.size(), 3u) << "the variations should not all meet the same number of goals";
  ASSERT_TRUE(RecalcToCsv(dir, files)) << "LibreOffice failed: " << ReadFile(dir / "lo.log");
  for (int n = 0; n < kCount; ++n) {
    const std::string csv = ReadFile(dir / "out" / ("pw" + std::to_string(n) + ".csv"));
    ASSERT_FALSE(csv.empty()) << n;
    const GoalSummary& s = expected[size_t(n)].summary;
    EXPECT_EQ(CsvValue(csv, "memenuhi"), std::to_string(s.met)) << "case " << n << "\n" << csv;
    EXPECT_EQ(CsvValue(csv, "tidak_memenuhi"), std::to_string(s.not_met)) << "case " << n;
    EXPECT_EQ(CsvValue(csv, "tidak_dapat_dinilai"), std::to_string(s.not_assessable)) << "case " << n;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// The KKPKK (persentase_skor) worksheet: LibreOffice's recalculation of its own formulas reproduces the engine's
// final score, predikat and every aspect percentage, on the §11.2 example and on variations of it (answers flipped
// at random, amounts of both years scaled, loans removed so denominators are zero).
TEST(WorksheetRecalc, LibreOfficeReproducesKkpkkPercentages) {
  const fs::path dir = fs::temp_directory_path() / ("kopsehat_recalc_kkpkk_" + std::to_string(getpid()));
  fs::remove_all(dir);
  WriteRecalcProfile(dir);
  Problems problems;
  const Rulebook* rb = EmbeddedRulebookById("kkpkk-2021", &problems);
  ASSERT_NE(rb, nullptr);
  LaporanJsonReader reader;
  Laporan example;
  ASSERT_TRUE(reader.Read(ReadFile(fs::path(KOPSEHAT_SOURCE_DIR) / "examples/ksp-contoh-kkpkk-2025.json"), &example,
                          &problems))
      << problems.Render(Lang::kId);
  std::mt19937_64 rng(20211231);
  constexpr int kCount = 10;
  std::vector<Assessment> expected(kCount);
  std::string files;
  for (int n = 0; n < kCount; ++n) {
    Laporan l = example;
    if (n > 0) {
      for (ChecklistAnswers& c : l.checklists) {
        for (size_t i = 0; i < c.answers.size(); ++i) c.answers[i] = rng() % 3 != 0;
      }
      for (Statements* st : {&l.current, &l.previous}) {
        for (int i = 0; i < kLineCount; ++i) {
          if (rng() % 3 == 0) st->sen[size_t(i)] = st->sen[size_t(i)] / 100 * Sen(50 + rng() % 101);
        }
      }
    }
    if (n == kCount - 1) {  // no loans at all: the loan ratios take their zero-denominator nilai
      for (const char* path : {"neraca.pinjaman_anggota", "neraca.pinjaman_non_anggota", "pinjaman.kurang_lancar",
                               "pinjaman.diragukan", "pinjaman.macet", "pinjaman.agunan_kurang_lancar",
                               "pinjaman.agunan_diragukan", "pinjaman.agunan_macet"}) {
        l.current.sen[size_t(FindLine(path))] = 0;
      }
    }
    ASSERT_TRUE(Evaluate(l, *rb, EvaluateOptions{}, &expected[size_t(n)], &problems)) << problems.Render(Lang::kId);
    const fs::path path = dir / ("kk" + std::to_string(n) + ".xlsx");
    ASSERT_TRUE(WriteAssessmentWorksheet(l, expected[size_t(n)], WorksheetOptions{}, path.string()).ok());
    files += " " + path.string();
  }
  ASSERT_TRUE(RecalcToCsv(dir, files)) << ReadFile(dir / "lo.log");
  std::set<std::string> predikat;
  auto hundredths = [](const std::string& text) {
    Decimal d;
    EXPECT_EQ(ParseDecimal(text, &d), DecimalError::kNone) << text;
    return RoundHalfUp(d.units, Pow10(d.scale), 2);
  };
  for (int n = 0; n < kCount; ++n) {
    const std::string csv = ReadFile(dir / "out" / ("kk" + std::to_string(n) + ".csv"));
    ASSERT_FALSE(csv.empty()) << n;
    const Assessment& a = expected[size_t(n)];
    EXPECT_EQ(hundredths(CsvValue(csv, "TOTAL")), i128(a.total_e6 / 10000)) << "case " << n;
    EXPECT_EQ(CsvValue(csv, "PREDIKAT"), a.Predikat().label) << "case " << n;
    for (const AspectResult& asp : a.aspects) {
      EXPECT_EQ(hundredths(CsvValue(csv, asp.spec->name.id)), i128(asp.pool.pct_e6 / 10000))
          << "case " << n << " " << asp.spec->id;
    }
    predikat.insert(a.Predikat().label);
  }
  EXPECT_EQ(hundredths(CsvValue(ReadFile(dir / "out" / "kk0.csv"), "TOTAL")), 8252);  // version 2 on the example: 82.52
  EXPECT_GE(predikat.size(), 2u) << "the variations should not all share one predikat";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kopsehat
