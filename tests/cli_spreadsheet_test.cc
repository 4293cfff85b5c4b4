// End-to-end tests of the spreadsheet side of the `kopsehat` binary: `template`, `convert` between JSON, XLSX and
// CSV, `assess` of workbooks and CSV files (the same report as the JSON laporan), problems that name the cell or
// CSV line, wrong file types refused with a message saying what to do, and reproducible templates.
// Runs the binary through the shell like tests/cli_test.cc.
#include <zip.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli_harness.h"
#include "core/problems.h"
#include "interchange/xlsx_reader.h"

namespace {

namespace e2e = kopsehat::e2e;
namespace fs = std::filesystem;

using e2e::Contains;
using e2e::ZipEntry;
using e2e::kExample;
using e2e::kSourceDir;
using e2e::Lines;
using e2e::ReadAll;
using e2e::Result;
using e2e::WriteAll;

// The names of a zip's entries (empty when it is not a readable zip).
std::set<std::string> ZipEntries(const std::string& path) {
  std::set<std::string> names;
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (z == nullptr) return names;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, zip_uint64_t(i), 0);
    if (name != nullptr) names.insert(name);
  }
  zip_close(z);
  return names;
}

class CliSpreadsheetTest : public e2e::CliHarness {
 protected:
  // The JSON report of the example laporan itself, the reference every other form must reproduce.
  // `metode`: name a method, as a cooperative assessing by the old one does (empty: the period's method).
  std::string ExampleJsonReport(const std::string& metode = "") const {
    std::vector<std::string> args = {"assess", kExample, "--format", "json"};
    if (!metode.empty()) args.insert(args.end(), {"--metode", metode});
    const Result r = Run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
    return r.out;
  }

  // Converts the example to `form` in file `name`; returns its path.
  std::string ConvertExample(const std::string& form, const std::string& name) const {
    const std::string p = Path(name);
    const Result r = Run({"convert", kExample, "--to", form, "--out", p});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(p)) << p;
    return p;
  }
};

// ---- template

TEST_F(CliSpreadsheetTest, TemplateXlsxIsAWorkbookWithSixSheets) {
  const std::string p = Path("laporan.xlsx");
  const Result r = Run({"template", "--metode", "ksp-2016", "--out", p});
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::exists(p));
  const std::string bytes = ReadAll(p);
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  const std::set<std::string> entries = ZipEntries(p);
  EXPECT_TRUE(entries.count("xl/workbook.xml")) << "not a workbook";
  EXPECT_TRUE(entries.count("[Content_Types].xml"));
  for (int i = 1; i <= 6; ++i) {
    EXPECT_TRUE(entries.count("xl/worksheets/sheet" + std::to_string(i) + ".xml")) << i;
  }
  EXPECT_FALSE(entries.count("xl/worksheets/sheet7.xml"));
  kopsehat::XlsxWorkbook wb;
  kopsehat::Problems problems;
  ASSERT_TRUE(kopsehat::ReadXlsx(bytes, "laporan.xlsx", kopsehat::XlsxLimits{}, &wb, &problems))
      << problems.Render(kopsehat::Lang::kEn);
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Petunjuk", "Identitas", "Neraca", "Hasil Usaha", "Pinjaman",
                                             "Manajemen"}));
}

// Without --metode the template is for the method in force: kkpkk-2021, with its Kegiatan sheet and checklists.
TEST_F(CliSpreadsheetTest, TemplateWithoutMetodeIsForTheMethodInForce) {
  const std::string p = Path("laporan-kini.xlsx");
  ASSERT_EQ(Run({"template", "--out", p}).status, 0);
  kopsehat::XlsxWorkbook wb;
  kopsehat::Problems problems;
  ASSERT_TRUE(kopsehat::ReadXlsx(ReadAll(p), "laporan.xlsx", kopsehat::XlsxLimits{}, &wb, &problems))
      << problems.Render(kopsehat::Lang::kEn);
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Petunjuk", "Identitas", "Neraca", "Hasil Usaha", "Pinjaman", "Kegiatan",
                                             "Manajemen"}));
  const std::string csv = Path("laporan-kini.csv");
  ASSERT_EQ(Run({"template", "--out", csv}).status, 0);
  const std::string text = ReadAll(csv);
  // The method is left empty: a filled template is assessed with the method of its period.
  EXPECT_TRUE(Contains(text, "\nmetode;;\"Metode penilaian (kosong = menurut periode")) << text.substr(0, 800);
  EXPECT_TRUE(Contains(text, "\ndaftar_periksa.kkpkk.prinsip_keanggotaan[1];;")) << text.substr(0, 800);
  EXPECT_FALSE(Contains(text, "\nmanajemen.umum[1];;"));
}

TEST_F(CliSpreadsheetTest, TemplateCsvIsKeyValueText) {
  const std::string p = Path("laporan.csv");
  const Result r = Run({"template", "--metode", "ksp-2016", "--out", p});
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::exists(p));
  const std::string text = ReadAll(p);
  EXPECT_NE(text.substr(0, 2), "PK");
  EXPECT_TRUE(Contains(text, "\nkunci;nilai;keterangan\n")) << text.substr(0, 400);
  EXPECT_TRUE(Contains(text, "\nkoperasi.nama;;")) << text.substr(0, 600);
  EXPECT_TRUE(Contains(text, "\nneraca.kas;;"));
  EXPECT_TRUE(Contains(text, "\nperiode_lalu.neraca.kas;;"));
  EXPECT_TRUE(Contains(text, "\nmanajemen.umum[1];;"));
}

TEST_F(CliSpreadsheetTest, TemplateWithoutOutExitsTwo) {
  const Result r = Run({"template"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "--out")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliSpreadsheetTest, TemplateIsReproducibleWithSourceDateEpoch) {
  const std::string a = Path("a.xlsx"), b = Path("b.xlsx");
  const std::string env = "SOURCE_DATE_EPOCH=1700000000";
  ASSERT_EQ(Run({"template", "--out", a}, "", env).status, 0);
  // Let the clock move on, so a workbook that embedded the current time would differ.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_EQ(Run({"template", "--out", b}, "", env).status, 0);
  const std::string x = ReadAll(a), y = ReadAll(b);
  ASSERT_FALSE(x.empty());
  EXPECT_TRUE(x == y) << "two templates with SOURCE_DATE_EPOCH=1700000000 differ";
  // The creation time is the given one: 1700000000 = 2023-11-14 22:13:20 UTC.
  EXPECT_TRUE(Contains(ZipEntry(a, "docProps/core.xml"), "2023-11-14T22:13:20Z")) << ZipEntry(a, "docProps/core.xml");
}

TEST_F(CliSpreadsheetTest, CsvTemplateIsReproducible) {
  const std::string a = Path("a.csv"), b = Path("b.csv");
  ASSERT_EQ(Run({"template", "--out", a}, "", "SOURCE_DATE_EPOCH=1700000000").status, 0);
  ASSERT_EQ(Run({"template", "--out", b}, "", "SOURCE_DATE_EPOCH=1700000000").status, 0);
  EXPECT_EQ(ReadAll(a), ReadAll(b));
}

// ---- convert and assess: every form gives the same report

TEST_F(CliSpreadsheetTest, ConvertToXlsxThenAssessGivesTheSameReport) {
  const std::string reference = ExampleJsonReport();
  const std::string xlsx = ConvertExample("xlsx", "laporan.xlsx");
  const Result text = Run({"assess", xlsx});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "PREDIKAT: SEHAT")) << text.out;
  EXPECT_TRUE(Contains(text.out, "Metode      : kkpkk-2021")) << text.out;  // the period's method, as the example
  EXPECT_TRUE(Contains(text.out, "90,00")) << text.out;
  const Result json = Run({"assess", xlsx, "--format", "json"});
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(json.out, reference);
}

TEST_F(CliSpreadsheetTest, ConvertToCsvThenAssessGivesTheSameReport) {
  const std::string reference = ExampleJsonReport();
  const std::string csv = ConvertExample("csv", "laporan.csv");
  const Result text = Run({"assess", csv});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "PREDIKAT: SEHAT")) << text.out;
  const Result json = Run({"assess", csv, "--format", "json"});
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(json.out, reference);
}

TEST_F(CliSpreadsheetTest, ConvertCsvWithoutOutWritesStandardOutput) {
  const std::string csv = ConvertExample("csv", "laporan.csv");
  const Result r = Run({"convert", kExample, "--to", "csv"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, ReadAll(csv));
}

TEST_F(CliSpreadsheetTest, ConvertXlsxWithoutOutExitsTwo) {
  const Result r = Run({"convert", kExample, "--to", "xlsx"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "--out")) << r.err;
}

TEST_F(CliSpreadsheetTest, XlsxBackToJsonAssessesIdentically) {
  const std::string reference = ExampleJsonReport();
  const std::string xlsx = ConvertExample("xlsx", "laporan.xlsx");
  const Result conv = Run({"convert", xlsx, "--to", "json"});
  ASSERT_EQ(conv.status, 0) << conv.err;
  EXPECT_TRUE(Contains(conv.out, "\"format\": \"kopsehat/laporan-v1\"")) << conv.out;
  const std::string json_path = Write("back.json", conv.out);
  const Result r = Run({"assess", json_path, "--format", "json"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, reference);
  // And once more around: JSON -> XLSX -> JSON -> JSON is a fixed point.
  const Result again = Run({"convert", json_path, "--to", "json"});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, conv.out);
}

TEST_F(CliSpreadsheetTest, CsvBackToJsonAssessesIdentically) {
  const std::string reference = ExampleJsonReport();
  const std::string csv = ConvertExample("csv", "laporan.csv");
  const std::string json_path = Path("back.json");
  const Result conv = Run({"convert", csv, "--to", "json", "--out", json_path});
  ASSERT_EQ(conv.status, 0) << conv.err;
  const Result r = Run({"assess", json_path, "--format", "json"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, reference);
}

// ---- problems name the cell or the CSV line

TEST_F(CliSpreadsheetTest, EmptyXlsxTemplateNamesItsCells) {
  const std::string p = Path("kosong.xlsx");
  ASSERT_EQ(Run({"template", "--out", p}).status, 0);
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "Identitas!B2 (koperasi.nama)")) << r.err;
  EXPECT_TRUE(Contains(r.err, "(periode.akhir)")) << r.err;
}

TEST_F(CliSpreadsheetTest, EmptyCsvTemplateNamesItsLines) {
  const std::string p = Path("kosong.csv");
  ASSERT_EQ(Run({"template", "--out", p}).status, 0);
  int nama_line = 0;
  const std::vector<std::string> lines = Lines(ReadAll(p));
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("koperasi.nama;", 0) == 0) nama_line = int(i + 1);
  }
  ASSERT_GT(nama_line, 0);
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "baris " + std::to_string(nama_line) + " (koperasi.nama)")) << r.err;
}

TEST_F(CliSpreadsheetTest, FilledCsvWithErrorsNamesEachLine) {
  const std::string csv = ConvertExample("csv", "laporan.csv");
  std::vector<std::string> lines = Lines(ReadAll(csv));
  int kas_line = 0, pajak_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("neraca.kas;", 0) == 0) {
      kas_line = int(i + 1);
      const size_t end = lines[i].find(';', 11);
      lines[i] = "neraca.kas;1.250" + lines[i].substr(end);  // ambiguous: 1250 or 1,25?
    } else if (lines[i].rfind("hasil_usaha.pajak;", 0) == 0) {
      pajak_line = int(i + 1);
      lines[i] = "hasil_usaha.pajek" + lines[i].substr(17);  // misspelt key
    }
  }
  ASSERT_GT(kas_line, 0);
  ASSERT_GT(pajak_line, 0);
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  const std::string bad = Write("salah.csv", text);
  const Result r = Run({"assess", bad});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "baris " + std::to_string(kas_line) + " (neraca.kas)")) << r.err;
  EXPECT_TRUE(Contains(r.err, "1.250")) << r.err;
  EXPECT_TRUE(Contains(r.err, "baris " + std::to_string(pajak_line) + " (hasil_usaha.pajek)")) << r.err;
  EXPECT_TRUE(Contains(r.err, "hasil_usaha.pajak")) << "no did-you-mean: " << r.err;
  // convert refuses it the same way.
  const Result c = Run({"convert", bad, "--to", "json"});
  EXPECT_EQ(c.status, 2);
  EXPECT_EQ(c.out, "");
  EXPECT_TRUE(Contains(c.err, "baris " + std::to_string(kas_line) + " (neraca.kas)")) << c.err;
}

// ---- wrong file types: exit 2 and a message saying what to do

TEST_F(CliSpreadsheetTest, LegacyXlsIsRefusedWithSaveAsAdvice) {
  std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole2 += std::string(504, '\0');  // the rest of a 512-byte OLE2 header
  const std::string p = Write("laporan.xls", ole2);
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "simpan ulang")) << r.err;
  EXPECT_TRUE(Contains(r.err, "xlsx")) << r.err;
  const Result en = Run({"assess", p, "--lang", "en"});
  EXPECT_EQ(en.status, 2);
  EXPECT_TRUE(Contains(en.err, "xlsx")) << en.err;
}

TEST_F(CliSpreadsheetTest, PdfRenamedXlsxIsRefused) {
  const std::string p = Write("laporan.xlsx", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "PDF")) << r.err;
  EXPECT_TRUE(Contains(r.err, ".xlsx")) << r.err;
}

TEST_F(CliSpreadsheetTest, TextFileNamedXlsxIsRefused) {
  const std::string p = Write("laporan.xlsx", "kunci;nilai\nkoperasi.nama;KSP Maju\n");
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, ".csv")) << "should suggest naming it .csv: " << r.err;
}

TEST_F(CliSpreadsheetTest, ZipThatIsNotAWorkbookIsRefused) {
  const std::string p = Path("arsip.zip");
  {
    int error = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(z, nullptr);
    static const char kText[] = "bukan laporan\n";
    zip_source_t* src = zip_source_buffer(z, kText, sizeof kText - 1, 0);
    ASSERT_NE(src, nullptr);
    ASSERT_GE(zip_file_add(z, "catatan.txt", src, ZIP_FL_ENC_UTF_8), 0);
    ASSERT_EQ(zip_close(z), 0);
  }
  ASSERT_EQ(ReadAll(p).substr(0, 4), std::string("PK\x03\x04", 4));
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "zip")) << r.err;
  EXPECT_TRUE(Contains(r.err, ".xlsx")) << r.err;
  // The same through convert.
  const Result c = Run({"convert", p, "--to", "json"});
  EXPECT_EQ(c.status, 2);
  EXPECT_EQ(c.out, "");
}

// ---- the interop fixtures through the binary

TEST_F(CliSpreadsheetTest, FixturesFromOtherWritersAssessLikeTheExample) {
  // The fixtures hold the example as a 2016 laporan and name that method (tests/fixtures/README.md).
  const std::string reference = ExampleJsonReport("ksp-2016");
  for (const char* name : {"libreoffice-resaved.xlsx", "libreoffice-from-csv.xlsx", "inline-shared.xlsx"}) {
    const std::string p = kSourceDir + "/tests/fixtures/" + name;
    const Result r = Run({"assess", p, "--format", "json"});
    EXPECT_EQ(r.status, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, reference) << name;
  }
}

}  // namespace
