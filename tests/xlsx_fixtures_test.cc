// Interop: laporan workbooks written by other programs (tests/fixtures/, see its README.md for how each was made)
// must read to exactly the Laporan of examples/ksp-sejahtera-bersama-2025.json and assess identically.
//   libreoffice-resaved.xlsx   Kopsehat's filled template re-saved by LibreOffice Calc 7.4
//   libreoffice-from-csv.xlsx  the filled CSV form imported by LibreOffice (';' separator) and saved as XLSX
//   inline-shared.xlsx         hand-written SpreadsheetML: inline strings only, formulas and a shared formula with
//                              cached values (tests/fixtures/make_inline_shared.py)
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "assess/assessment.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_reader.h"
#include "interchange/xlsx_laporan_reader.h"
#include "interchange/xlsx_reader.h"
#include "laporan/laporan.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

const std::string kSourceDir = KOPSEHAT_SOURCE_DIR;
const std::string kFixtures = kSourceDir + "/tests/fixtures/";
const std::string kExample = kSourceDir + "/examples/ksp-sejahtera-bersama-2025.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const Rulebook& Ksp2016() {
  static const Rulebook* rb = [] {
    Problems p;
    const Rulebook* r = EmbeddedRulebookById("ksp-2016", &p);
    EXPECT_NE(r, nullptr) << p.Render(Lang::kEn);
    return r;
  }();
  return *rb;
}

// The example as the fixtures were written from it: before it carried its KKPKK inputs (the daftar_periksa.kkpkk
// answers, kegiatan and the rincian lines, added in December 2026), which the 2016 template has no cells for, and
// naming the 2016 method they were written for (the example now names none and follows its period).
Laporan ExampleLaporan() {
  nlohmann::json j = nlohmann::json::parse(ReadFile(kExample));
  j["metode"] = "ksp-2016";
  j.erase("daftar_periksa");
  j.erase("kegiatan");
  for (const char* key : {"tabungan_anggota", "simpanan_berjangka_anggota"}) j["neraca"].erase(key);
  for (const char* key : {"beban_pokok_anggota", "beban_usaha_anggota"}) j["hasil_usaha"].erase(key);
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  EXPECT_TRUE(reader.Read(j.dump(), &l, &p)) << p.Render(Lang::kEn);
  return l;
}

// Reads a fixture the way `kopsehat assess` does; the problems are part of the failure message.
bool ReadFixture(const std::string& name, Laporan* out, std::string* problems_text) {
  const std::string bytes = ReadFile(kFixtures + name);
  if (bytes.empty()) {
    *problems_text = "fixture missing or empty: " + kFixtures + name;
    return false;
  }
  Problems p;
  const bool ok = ReadLaporanAny(bytes, name, out, &p);
  *problems_text = p.Render(Lang::kEn);
  return ok && p.empty();
}

std::string Rp(Sen sen) { return FormatSenPlain(sen); }

// Every field of the Laporan, with the line's path in the message when an amount differs.
void ExpectSameLaporan(const Laporan& want, const Laporan& got) {
  EXPECT_EQ(got.metode, want.metode);
  EXPECT_EQ(got.cooperative.nama, want.cooperative.nama);
  EXPECT_EQ(got.cooperative.jenis, want.cooperative.jenis);
  EXPECT_EQ(got.cooperative.nomor_badan_hukum, want.cooperative.nomor_badan_hukum);
  EXPECT_EQ(got.cooperative.kabupaten, want.cooperative.kabupaten);
  EXPECT_EQ(got.cooperative.provinsi, want.cooperative.provinsi);
  EXPECT_EQ(got.periode_akhir, want.periode_akhir);
  EXPECT_EQ(got.has_previous, want.has_previous);
  for (int prev = 0; prev < 2; ++prev) {
    const Statements& w = prev ? want.previous : want.current;
    const Statements& g = prev ? got.previous : got.current;
    for (int i = 0; i < kLineCount; ++i) {
      const std::string path = (prev ? "periode_lalu." : "") + LinePath(i);
      EXPECT_EQ(g.present[size_t(i)], w.present[size_t(i)]) << path << " present";
      EXPECT_EQ(Rp(g.Get(i)), Rp(w.Get(i))) << path;
    }
  }
  EXPECT_EQ(got.has_manajemen, want.has_manajemen);
  ASSERT_EQ(got.checklists.size(), want.checklists.size());
  for (const ChecklistAnswers& w : want.checklists) {
    const ChecklistAnswers* g = got.FindChecklist(w.key);
    ASSERT_NE(g, nullptr) << "manajemen." << w.key << " missing";
    EXPECT_EQ(g->answers, w.answers) << "manajemen." << w.key;
    EXPECT_EQ(g->given, w.given) << "manajemen." << w.key;
  }
}

Assessment Assess(const Laporan& l) {
  Assessment a;
  Problems p;
  EXPECT_TRUE(Evaluate(l, Ksp2016(), EvaluateOptions{}, &a, &p)) << p.Render(Lang::kEn);
  return a;
}

void ExpectSameAssessment(const Laporan& want, const Laporan& got) {
  const Assessment wa = Assess(want);
  const Assessment ga = Assess(got);
  EXPECT_EQ(ga.total_e6, 89'800'000);  // 89,80
  EXPECT_EQ(ga.total_e6, wa.total_e6);
  ASSERT_GE(ga.predikat, 0);
  EXPECT_EQ(ga.Predikat().label, "SEHAT");
  EXPECT_EQ(ga.predikat, wa.predikat);
  ASSERT_EQ(ga.components.size(), wa.components.size());
  for (size_t i = 0; i < wa.components.size(); ++i) {
    EXPECT_EQ(ga.components[i].skor_e6, wa.components[i].skor_e6) << wa.components[i].spec->id;
    EXPECT_EQ(ga.components[i].nilai_e2, wa.components[i].nilai_e2) << wa.components[i].spec->id;
  }
  EXPECT_EQ(ga.warnings.size(), wa.warnings.size());
}

void CheckFixture(const std::string& name) {
  SCOPED_TRACE(name);
  Laporan got;
  std::string problems;
  ASSERT_TRUE(ReadFixture(name, &got, &problems)) << problems;
  const Laporan want = ExampleLaporan();
  ExpectSameLaporan(want, got);
  ExpectSameAssessment(want, got);
  // The XLSX entry point directly gives the same.
  Laporan direct;
  Problems p;
  ASSERT_TRUE(ReadLaporanXlsx(ReadFile(kFixtures + name), name, &direct, &p)) << p.Render(Lang::kEn);
  ExpectSameLaporan(want, direct);
}

XlsxWorkbook ReadWorkbook(const std::string& name) {
  XlsxWorkbook wb;
  Problems p;
  EXPECT_TRUE(ReadXlsx(ReadFile(kFixtures + name), name, XlsxLimits{}, &wb, &p)) << p.Render(Lang::kEn);
  return wb;
}

const XlsxCell* FindCell(const XlsxSheet& sheet, const std::string& ref) {
  uint32_t row = 0, col = 0;
  if (!ParseCellRef(ref, &row, &col)) return nullptr;
  for (const XlsxCell& c : sheet.cells) {
    if (c.row == row && c.col == col) return &c;
  }
  return nullptr;
}

bool ZipHasEntry(const std::string& bytes, const std::string& entry) {
  // Entry names are stored uncompressed in the local headers and the central directory.
  return bytes.find(entry) != std::string::npos;
}

// ---- each fixture reads to the example laporan and assesses the same

TEST(XlsxFixture, LibreOfficeResavedEqualsExample) { CheckFixture("libreoffice-resaved.xlsx"); }

TEST(XlsxFixture, LibreOfficeFromCsvEqualsExample) { CheckFixture("libreoffice-from-csv.xlsx"); }

TEST(XlsxFixture, InlineSharedEqualsExample) { CheckFixture("inline-shared.xlsx"); }

// ---- the fixtures really are what they claim (so the tests above exercise what they are meant to)

TEST(XlsxFixture, ResavedWasWrittenByLibreOffice) {
  const std::string bytes = ReadFile(kFixtures + "libreoffice-resaved.xlsx");
  ASSERT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_TRUE(ZipHasEntry(bytes, "docProps/custom.xml"));  // LibreOffice adds it; libxlsxwriter does not
  EXPECT_FALSE(ZipHasEntry(bytes, "xl/theme/theme1.xml"));  // libxlsxwriter writes a theme; LibreOffice does not
  EXPECT_TRUE(ZipHasEntry(bytes, "xl/sharedStrings.xml"));
  const XlsxWorkbook wb = ReadWorkbook("libreoffice-resaved.xlsx");
  ASSERT_EQ(wb.sheets.size(), 6u);
  const char* names[] = {"Petunjuk", "Identitas", "Neraca", "Hasil Usaha", "Pinjaman", "Manajemen"};
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(wb.sheets[i].name, names[i]);
  const XlsxSheet* neraca = wb.FindSheet("Neraca");
  ASSERT_NE(neraca, nullptr);
  const XlsxCell* bank = FindCell(*neraca, "B4");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->type, XlsxCell::Type::kNumber);
  EXPECT_EQ(bank->text, "118600000.5");
}

TEST(XlsxFixture, FromCsvMixesNumbersTextAndDate) {
  const XlsxWorkbook wb = ReadWorkbook("libreoffice-from-csv.xlsx");
  ASSERT_EQ(wb.sheets.size(), 1u);
  const XlsxSheet& s = wb.sheets[0];
  const XlsxCell* header_key = FindCell(s, "A5");
  const XlsxCell* header_value = FindCell(s, "B5");
  ASSERT_NE(header_key, nullptr);
  ASSERT_NE(header_value, nullptr);
  EXPECT_EQ(header_key->text, "kunci");
  EXPECT_EQ(header_value->text, "nilai");
  // Find the value cell of a key in column A.
  auto value_of = [&](const std::string& key) -> const XlsxCell* {
    for (const XlsxCell& c : s.cells) {
      if (c.col == 1 && c.type == XlsxCell::Type::kString && c.text == key) {
        return FindCell(s, "B" + std::to_string(c.row));
      }
    }
    return nullptr;
  };
  const XlsxCell* kas = value_of("neraca.kas");
  const XlsxCell* bank = value_of("neraca.bank");
  const XlsxCell* shu = value_of("neraca.shu_belum_dibagi");
  const XlsxCell* akhir = value_of("periode.akhir");
  ASSERT_NE(kas, nullptr);
  ASSERT_NE(bank, nullptr);
  ASSERT_NE(shu, nullptr);
  ASSERT_NE(akhir, nullptr);
  // LibreOffice turned whole amounts into numbers, kept the decimal-comma amounts as text, and made the date a
  // serial day number: the reader must take all three.
  EXPECT_EQ(kas->type, XlsxCell::Type::kNumber);
  EXPECT_EQ(kas->text, "42350000");
  EXPECT_EQ(bank->type, XlsxCell::Type::kString);
  EXPECT_EQ(bank->text, "118600000,50");
  EXPECT_EQ(shu->type, XlsxCell::Type::kString);
  EXPECT_EQ(shu->text, "92430000,50");
  EXPECT_EQ(akhir->type, XlsxCell::Type::kNumber);
  EXPECT_EQ(akhir->text, "46022");
}

TEST(XlsxFixture, InlineSharedHasNoSharedStringsAndUsesFormulas) {
  const std::string bytes = ReadFile(kFixtures + "inline-shared.xlsx");
  EXPECT_FALSE(ZipHasEntry(bytes, "sharedStrings"));
  const XlsxWorkbook wb = ReadWorkbook("inline-shared.xlsx");
  ASSERT_EQ(wb.sheets.size(), 3u);
  const XlsxSheet* id = wb.FindSheet("Identitas");
  const XlsxSheet* st = wb.FindSheet("Laporan Keuangan");
  const XlsxSheet* mj = wb.FindSheet("Manajemen");
  ASSERT_NE(id, nullptr);
  ASSERT_NE(st, nullptr);
  ASSERT_NE(mj, nullptr);
  // The rich-text inline name (two runs) and the string formula.
  const XlsxCell* nama = FindCell(*id, "B4");
  const XlsxCell* jenis = FindCell(*id, "B5");
  ASSERT_NE(nama, nullptr);
  ASSERT_NE(jenis, nullptr);
  EXPECT_EQ(nama->text, "KSP Sejahtera Bersama");
  EXPECT_EQ(jenis->type, XlsxCell::Type::kString);
  EXPECT_TRUE(jenis->from_formula);
  EXPECT_EQ(jenis->text, "KSP");
  // tabungan = E14*2, the first cell of the shared formula and one of its followers: cached values.
  const XlsxCell* tabungan = FindCell(*st, "B14");
  const XlsxCell* shared_first = FindCell(*st, "B32");
  const XlsxCell* shared_next = FindCell(*st, "B35");
  ASSERT_NE(tabungan, nullptr);
  ASSERT_NE(shared_first, nullptr);
  ASSERT_NE(shared_next, nullptr);
  EXPECT_TRUE(tabungan->from_formula);
  EXPECT_EQ(tabungan->text, "812300000");
  EXPECT_TRUE(shared_first->from_formula);
  EXPECT_EQ(shared_first->text, "402600000");
  EXPECT_TRUE(shared_next->from_formula);
  EXPECT_EQ(shared_next->text, "178450000");
  const XlsxCell* umum1 = FindCell(*mj, "B2");
  ASSERT_NE(umum1, nullptr);
  EXPECT_EQ(umum1->type, XlsxCell::Type::kBoolean);
}

// The committed inline-shared.xlsx is what the committed script writes (cell by cell: zlib versions may compress
// differently, so the bytes are not compared).
TEST(XlsxFixture, InlineSharedMatchesItsScript) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not available";
  std::string dir = (std::filesystem::temp_directory_path() / "kopsehat_fixture_XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const std::string out = dir + "/regenerated.xlsx";
  const std::string cmd = "python3 '" + kFixtures + "make_inline_shared.py' '" + out + "' >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  XlsxWorkbook regenerated, committed;
  Problems p;
  ASSERT_TRUE(ReadXlsx(ReadFile(out), "regenerated.xlsx", XlsxLimits{}, &regenerated, &p)) << p.Render(Lang::kEn);
  committed = ReadWorkbook("inline-shared.xlsx");
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  ASSERT_EQ(regenerated.sheets.size(), committed.sheets.size());
  for (size_t s = 0; s < committed.sheets.size(); ++s) {
    const XlsxSheet& a = committed.sheets[s];
    const XlsxSheet& b = regenerated.sheets[s];
    EXPECT_EQ(a.name, b.name);
    ASSERT_EQ(a.cells.size(), b.cells.size()) << a.name;
    for (size_t i = 0; i < a.cells.size(); ++i) {
      const XlsxCell& x = a.cells[i];
      const XlsxCell& y = b.cells[i];
      const std::string where = a.name + "!" + CellRef(x.row, x.col);
      EXPECT_EQ(x.row, y.row) << where;
      EXPECT_EQ(x.col, y.col) << where;
      EXPECT_EQ(x.type, y.type) << where;
      EXPECT_EQ(x.text, y.text) << where;
      EXPECT_EQ(x.from_formula, y.from_formula) << where;
    }
  }
}

}  // namespace
}  // namespace kopsehat
