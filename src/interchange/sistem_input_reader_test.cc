// The examiner's Sistem Input workbook (sistem_input_reader.h), generated in its layout by test_sistem_input.h:
// its filled example reads and assesses exactly like the laporan transcribed from it
// (tests/fixtures/kkpkk-lembar-kerja/contoh-lembar-kerja.json, checked nilai by nilai in kkpkk_v2_test.cc), its own
// cached results differ from ours only where its prior-year modal penyertaan error says, every malformed variant
// is refused with a problem naming its cell, and neither our template nor an empty workbook is taken for it.
#include "interchange/sistem_input_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "assess/test_laporan.h"
#include "core/test_files.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_reader.h"
#include "interchange/template_writer.h"
#include "interchange/test_sistem_input.h"
#include "report/lembar_kerja_report.h"

namespace kopsehat {
namespace {

using testing::Book;
using testing::FixtureWorkbook;
using testing::SistemInputExample;

const char* const kFileName = "Sistem Input KKPKK.xlsx";

struct Read {
  bool ok = false;
  Laporan laporan;
  Problems problems;
};

Read ReadBytes(const std::string& bytes) {
  Read r;
  r.ok = ReadLaporanAny(bytes, kFileName, &r.laporan, &r.problems);
  return r;
}

Read ReadWorkbook(const FixtureWorkbook& wb) {
  const std::string bytes = wb.Bytes();
  EXPECT_FALSE(bytes.empty());
  return ReadBytes(bytes);
}

Laporan Transcribed() {
  Laporan l;
  Problems p;
  LaporanJsonReader reader;
  EXPECT_TRUE(reader.Read(testing::ReadSourceFile("tests/fixtures/kkpkk-lembar-kerja/contoh-lembar-kerja.json"), &l, &p))
      << p.Render(Lang::kEn);
  return l;
}

Assessment Assess(const Laporan& l) {
  Assessment a;
  Problems p;
  EXPECT_TRUE(Evaluate(l, Book("kkpkk-2021"), EvaluateOptions{}, &a, &p)) << p.Render(Lang::kEn);
  return a;
}

// Exact fractions are equal when their cross products are (neither denominator is 0 for a ratio that exists).
bool Same(const Fraction& a, const Fraction& b) { return a.num * b.den == b.num * a.den; }

bool HasProblem(const Problems& problems, const std::string& path, const std::string& code) {
  for (const Problem& p : problems.items()) {
    if (p.path == path && p.code == code) return true;
  }
  return false;
}

TEST(SistemInputReader, TheExampleReadsAsTheTranscribedLaporan) {
  const Read r = ReadWorkbook(SistemInputExample());
  ASSERT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
  const Laporan expected = Transcribed();
  EXPECT_EQ(r.laporan.metode, "kkpkk-2021");
  EXPECT_EQ(r.laporan.cooperative.nama, "KSP Contoh Lembar Kerja");
  EXPECT_EQ(r.laporan.cooperative.jenis, "KSP");
  EXPECT_EQ(r.laporan.periode_akhir, "2021-12-31");
  ASSERT_TRUE(r.laporan.has_previous);
  for (int i = 0; i < kLineCount; ++i) {
    EXPECT_EQ(r.laporan.current.Get(i), expected.current.Get(i)) << LinePath(i);
    EXPECT_EQ(r.laporan.previous.Get(i), expected.previous.Get(i)) << "periode_lalu." << LinePath(i);
  }
  ASSERT_EQ(r.laporan.checklists.size(), expected.checklists.size());
  for (const ChecklistAnswers& c : expected.checklists) {
    const ChecklistAnswers* got = r.laporan.FindChecklist("kkpkk", c.key);
    ASSERT_NE(got, nullptr) << c.key;
    EXPECT_EQ(got->answers, c.answers) << c.key;
  }
}

TEST(SistemInputReader, TheExampleAssessesExactlyAsTheTranscribedLaporan) {
  const Read r = ReadWorkbook(SistemInputExample());
  ASSERT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
  const Assessment ours = Assess(r.laporan);
  const Assessment expected = Assess(Transcribed());
  ASSERT_EQ(ours.components.size(), expected.components.size());
  for (size_t i = 0; i < ours.components.size(); ++i) {
    EXPECT_EQ(ours.components[i].nilai_e2, expected.components[i].nilai_e2) << ours.components[i].spec->id;
    EXPECT_TRUE(Same(ours.components[i].ratio_pct, expected.components[i].ratio_pct)) << ours.components[i].spec->id;
  }
  for (size_t i = 0; i < ours.aspects.size(); ++i) {
    EXPECT_TRUE(Same(ours.aspects[i].pool.exact_pct, expected.aspects[i].pool.exact_pct)) << ours.aspects[i].spec->id;
  }
  EXPECT_TRUE(Same(ours.exact_total, expected.exact_total));
  EXPECT_EQ(ours.total_e6, 80'780'000);  // 80.78
  EXPECT_EQ(ours.Predikat().label, "SEHAT");
  EXPECT_EQ(ours.kuk, 2);  // the workbook states no class: suggested, as for the transcription
}

TEST(SistemInputReader, KukAndMemberCountFromLabelledCells) {
  FixtureWorkbook wb = SistemInputExample();
  wb.Text("Input", 2, 6, "KUK");
  wb.Text("Input", 2, 7, ": II");
  wb.Text("Input", 3, 6, "Jumlah anggota");
  wb.Number("Input", 3, 8, 1250);
  const Read r = ReadWorkbook(wb);
  ASSERT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
  EXPECT_EQ(r.laporan.cooperative.kuk, 2);
  EXPECT_EQ(r.laporan.current.Get(line::Index("kegiatan.anggota")), 1250 * 100);
  const Assessment a = Assess(r.laporan);
  EXPECT_FALSE(a.kuk_suggested);
  EXPECT_EQ(a.total_e6, 80'780'000);

  wb.Text("Input", 2, 7, "V");
  const Read bad = ReadWorkbook(wb);
  EXPECT_FALSE(bad.ok);
  EXPECT_TRUE(HasProblem(bad.problems, "Input!G2 (koperasi.kuk)", "nilai_tidak_sah")) << bad.problems.Render(Lang::kEn);
}

TEST(SistemInputReader, DifferencesFromTheWorkbookNameItsPriorYearError) {
  const std::string bytes = SistemInputExample().Bytes();
  SistemInputCache cache;
  ASSERT_TRUE(ReadSistemInputCache(bytes, kFileName, &cache));
  ASSERT_EQ(cache.nilai.size(), 60u);
  for (const CachedNilai& n : cache.nilai) EXPECT_TRUE(n.present) << n.cell;
  EXPECT_EQ(cache.predikat, "SEHAT");
  // 244 and 245 (both years) and 253 carry fractions of a sen.
  EXPECT_EQ(cache.rounded_cells, 6u);
  EXPECT_EQ(cache.rounded_cell_refs.front(), "Input!D244");
  const Read r = ReadBytes(bytes);
  ASSERT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
  const LembarKerjaComparison c = CompareWithLembarKerja(cache, r.laporan, Assess(r.laporan));
  EXPECT_EQ(c.compared, 60 + 5 + 1);
  EXPECT_TRUE(c.unread.empty());
  ASSERT_EQ(c.differences.size(), 3u);
  const std::vector<std::string> expected_ids = {"kinerja_keuangan.pertumbuhan_dana_diterima", "kinerja_keuangan", "total"};
  const std::vector<std::string> workbook = {"1", "87.50", "81.89"};
  const std::vector<std::string> ours = {"3", "84.72", "80.78"};
  for (size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(expected_ids[i]);
    EXPECT_EQ(c.differences[i].id, expected_ids[i]);
    EXPECT_EQ(c.differences[i].workbook, workbook[i]);
    EXPECT_EQ(c.differences[i].ours, ours[i]);
    EXPECT_EQ(c.differences[i].causes, std::vector<std::string>{"modal_penyertaan_tahun_lalu"});
  }
  EXPECT_EQ(c.differences[0].cell, "K!D51");
  EXPECT_EQ(c.differences[2].cell, "OP!F46");
  const std::string text = RenderLembarKerjaText(c, cache, Lang::kId);
  EXPECT_NE(text.find("PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA"), std::string::npos) << text;
  EXPECT_NE(text.find("lembar kerja 81,89, Kopsehat 80,78"), std::string::npos) << text;
  EXPECT_NE(text.find("(BS!I35) [modal_penyertaan_tahun_lalu]"), std::string::npos) << text;
}

TEST(SistemInputReader, AnUnexplainedDifferenceSaysSo) {
  FixtureWorkbook wb = SistemInputExample();
  wb.Formula("TK", 4, 4, "=4", 3);  // keanggotaan terbuka: the workbook says 3, the answers give 4
  const std::string bytes = wb.Bytes();
  SistemInputCache cache;
  ASSERT_TRUE(ReadSistemInputCache(bytes, kFileName, &cache));
  const Read r = ReadBytes(bytes);
  ASSERT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
  const LembarKerjaComparison c = CompareWithLembarKerja(cache, r.laporan, Assess(r.laporan));
  ASSERT_FALSE(c.differences.empty());
  EXPECT_EQ(c.differences[0].id, "tata_kelola.keanggotaan_sukarela");
  EXPECT_TRUE(c.differences[0].causes.empty());
  const std::string text = RenderLembarKerjaText(c, cache, Lang::kId);
  EXPECT_NE(text.find("sebab tidak diketahui"), std::string::npos) << text;
  std::string json;
  AppendLembarKerjaJson(c, cache, Lang::kId, &json);
  EXPECT_NE(json.find("\"kode\":\"tidak_diketahui\""), std::string::npos) << json;
}

// Each malformed variant is refused with a problem at the cell (or sheet) that is wrong.
TEST(SistemInputReader, MalformedVariantsNameTheCell) {
  struct Case {
    const char* name;
    void (*change)(FixtureWorkbook*);
    std::string path;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"missing Input sheet", [](FixtureWorkbook* wb) { wb->RemoveSheet("Input"); }, kFileName, "lembar_tidak_ada"},
      {"label changed", [](FixtureWorkbook* wb) { wb->Text("Input", 182, 3, "Piutang karyawan"); }, "Input!C182",
       "label_berbeda"},
      {"text in an amount cell", [](FixtureWorkbook* wb) { wb->Text("Input", 175, 4, "satu juta"); },
       "Input!D175 (neraca.kas)", "bukan_angka"},
      {"negative where not allowed", [](FixtureWorkbook* wb) { wb->Number("Input", 204, 5, -168417958.40); },
       "Input!E204 (periode_lalu.neraca.aset_tetap_bersih)", "negatif"},
      {"empty required cell", [](FixtureWorkbook* wb) { wb->Clear("Input", 237, 4); },
       "Input!D237 (neraca.simpanan_wajib)", "wajib_ada"},
      {"a part above its whole", [](FixtureWorkbook* wb) { wb->Number("Input", 285, 4, 3000000000); },
       "Input!D285:D287 (pinjaman)", "melebihi_pinjaman"},
      {"huge number", [](FixtureWorkbook* wb) { wb->Number("Input", 182, 4, 1e16); },
       "Input!D182 (neraca.pinjaman_anggota)", "terlalu_besar"},
      {"a checklist answer that is not one", [](FixtureWorkbook* wb) { wb->Text("Input", 7, 4, "Sebagian"); },
       "Input!D7 (daftar_periksa.kkpkk.prinsip_keanggotaan[2])", "jawaban_tidak_sah"},
      {"an unanswered checklist item", [](FixtureWorkbook* wb) { wb->Clear("Input", 58, 4); },
       "Input!D58 (daftar_periksa.kkpkk.kelembagaan_anggaran_dasar[17])", "belum_dijawab"},
      {"no period", [](FixtureWorkbook* wb) { wb->Clear("Input", 3, 2); }, "Input!A1:F5 (periode.akhir)", "wajib_ada"},
      {"the books as published (allowance without its entry)",
       [](FixtureWorkbook* wb) { *wb = testing::UnbalancedAsPublished(); }, "Input!D175:D244 (neraca)",
       "neraca_tidak_seimbang"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FixtureWorkbook wb = SistemInputExample();
    c.change(&wb);
    const Read r = ReadWorkbook(wb);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(HasProblem(r.problems, c.path, c.code)) << r.problems.Render(Lang::kEn);
  }
}

TEST(SistemInputReader, AFormulaWithoutAStoredValueIsNamed) {
  XlsxWorkbook wb;
  Problems problems;
  ASSERT_TRUE(ReadXlsx(SistemInputExample().Bytes(), kFileName, XlsxLimits{}, &wb, &problems));
  XlsxSheet& input = wb.sheets[0];
  ASSERT_EQ(input.name, "Input");
  std::erase_if(input.cells, [](const XlsxCell& c) { return c.row == 214 && c.col == 4; });
  input.uncached_formulas.emplace_back(214, 4);
  Laporan l;
  EXPECT_FALSE(ReadSistemInput(wb, kFileName, &l, nullptr, &problems));
  EXPECT_TRUE(HasProblem(problems, "Input!D214 (neraca.simpanan_berjangka)", "rumus_tanpa_nilai"))
      << problems.Render(Lang::kEn);
}

TEST(SistemInputReader, WithoutChecklistAnswersTheMethodNamesTheMissingBlock) {
  FixtureWorkbook wb = SistemInputExample();
  for (const auto& [row, answer] : testing::SistemInputAnswers()) wb.Clear("Input", row, 4);
  const Read r = ReadWorkbook(wb);
  ASSERT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
  EXPECT_TRUE(r.laporan.checklists.empty());
  Assessment a;
  Problems p;
  EXPECT_FALSE(Evaluate(r.laporan, Book("kkpkk-2021"), EvaluateOptions{}, &a, &p));
  EXPECT_NE(p.Render(Lang::kEn).find("daftar_periksa"), std::string::npos) << p.Render(Lang::kEn);
}

TEST(SistemInputReader, NotMistakenForOurTemplateOrAnEmptyWorkbook) {
  const std::string path = (std::filesystem::temp_directory_path() / "kopsehat_sistem_input_template.xlsx").string();
  TemplateOptions options;
  options.rulebook = &Book("kkpkk-2021");
  ASSERT_TRUE(WriteTemplateXlsx(path, options).ok());
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  XlsxWorkbook wb;
  Problems problems;
  ASSERT_TRUE(ReadXlsx(bytes, "laporan.xlsx", XlsxLimits{}, &wb, &problems));
  EXPECT_FALSE(IsSistemInputWorkbook(wb));
  SistemInputCache cache;
  EXPECT_FALSE(ReadSistemInputCache(bytes, "laporan.xlsx", &cache));

  FixtureWorkbook empty;
  empty.Sheet("Sheet1");
  const std::string empty_bytes = empty.Bytes();
  XlsxWorkbook ew;
  ASSERT_TRUE(ReadXlsx(empty_bytes, "kosong.xlsx", XlsxLimits{}, &ew, &problems));
  EXPECT_FALSE(IsSistemInputWorkbook(ew));
  const Read r = ReadBytes(empty_bytes);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(HasProblem(r.problems, "Sistem Input KKPKK.xlsx", "bukan_template")) << r.problems.Render(Lang::kEn);

  // A workbook with the examiner's sheets but not one of ours is recognised by them alone.
  FixtureWorkbook sheets_only;
  for (const char* s : {"Input", "BS", "PHU", "TK", "PR", "K"}) sheets_only.Sheet(s);
  XlsxWorkbook sw;
  ASSERT_TRUE(ReadXlsx(sheets_only.Bytes(), kFileName, XlsxLimits{}, &sw, &problems));
  EXPECT_TRUE(IsSistemInputWorkbook(sw));
}

// The fuzz seed fuzz/corpus-xlsx/sistem-input.xlsx is this example; KOPSEHAT_WRITE_XLSX_SEEDS=DIR rewrites it.
TEST(SistemInputReader, FuzzSeedIsTheExample) {
  const char* dir = std::getenv("KOPSEHAT_WRITE_XLSX_SEEDS");
  const std::string bytes = SistemInputExample().Bytes();
  if (dir != nullptr) std::ofstream(std::string(dir) + "/sistem-input.xlsx", std::ios::binary) << bytes;
  const Read r = ReadBytes(bytes);
  EXPECT_TRUE(r.ok) << r.problems.Render(Lang::kEn);
}

}  // namespace
}  // namespace kopsehat
