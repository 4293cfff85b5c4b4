// The XLSX workbook reader on workbooks made in memory: cells of every kind, the wrong kinds of file with what to do
// about them, every limit (zip bombs, deep XML, too many cells), and a workbook written by libxlsxwriter.
#include "interchange/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace kopsehat {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// Writes a zip in memory with libzip (deflated entries unless `store`).
std::string MakeZip(const Entries& entries, bool store = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (src == nullptr) {
    ADD_FAILURE() << "zip_source_buffer_create";
    return {};
  }
  zip_source_keep(src);  // the archive releases it on close; it is read back afterwards
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    ADD_FAILURE() << "zip_open_from_source: " << zip_error_strerror(&error);
    zip_source_free(src);
    return {};
  }
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0) << name;
    if (store && index >= 0) zip_set_file_compression(za, zip_uint64_t(index), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(za), 0);
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    out.resize(size_t(size));
    EXPECT_EQ(zip_source_read(src, out.data(), zip_uint64_t(size)), size);
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

std::string SheetXml(const std::string& rows) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"") + kMainNs +
         "\" xmlns:r=\"" + kRelNs + "\"><dimension ref=\"A1\"/><sheetData>" + rows + "</sheetData></worksheet>";
}

std::string SstXml(const std::string& items) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"") + kMainNs + "\">" + items + "</sst>";
}

struct SheetSpec {
  std::string name;
  std::string xml;
};

// The parts of a minimal workbook: sheets in the given order, stored as xl/worksheets/sheetN.xml, their
// relationships relative ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
Entries WorkbookEntries(const std::vector<SheetSpec>& sheets, const std::string& sst = "", bool absolute = false) {
  Entries e;
  e.emplace_back("[Content_Types].xml",
                 "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                 "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  e.emplace_back("_rels/.rels", std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPkgRelNs +
                                    "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
                                    "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  std::string wb =
      std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs + "\"><sheets>";
  std::string rels = std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPkgRelNs + "\">";
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + kRelNs + "/worksheet\" Target=\"" +
            (absolute ? "/xl/worksheets/sheet" : "worksheets/sheet") + n + ".xml\"/>";
    e.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].xml);
  }
  wb += "</sheets></workbook>";
  if (!sst.empty()) {
    rels +=
        std::string("<Relationship Id=\"rIdS\" Type=\"") + kRelNs + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    e.emplace_back("xl/sharedStrings.xml", sst);
  }
  rels += "</Relationships>";
  e.emplace_back("xl/workbook.xml", wb);
  e.emplace_back("xl/_rels/workbook.xml.rels", rels);
  return e;
}

std::string Workbook(const std::vector<SheetSpec>& sheets, const std::string& sst = "", bool absolute = false) {
  return MakeZip(WorkbookEntries(sheets, sst, absolute));
}

struct Result {
  bool ok = false;
  XlsxWorkbook wb;
  Problems problems;

  std::string Codes() const {
    std::string out;
    for (const Problem& p : problems.items()) out += (out.empty() ? "" : ",") + p.code;
    return out;
  }
  std::string Text() const { return problems.Render(Lang::kEn) + problems.Render(Lang::kId); }
};

Result Read(std::string_view bytes, const XlsxLimits& limits = {}) {
  Result r;
  r.ok = ReadXlsx(bytes, "laporan.xlsx", limits, &r.wb, &r.problems);
  return r;
}

const XlsxCell* At(const XlsxSheet& sheet, std::string_view ref) {
  for (const XlsxCell& c : sheet.cells) {
    if (CellRef(c.row, c.col) == ref) return &c;
  }
  return nullptr;
}

// Expects one problem with `code` whose texts contain `needle` (both languages are checked for a message).
void ExpectProblem(const Result& r, const std::string& code, const std::string& needle = "") {
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.wb.sheets.empty()) << "a failed read leaves no half workbook";
  ASSERT_FALSE(r.problems.empty());
  const Problem& p = r.problems.items().front();
  EXPECT_EQ(p.code, code) << r.Text();
  EXPECT_FALSE(p.pesan.empty());
  EXPECT_FALSE(p.message.empty());
  EXPECT_NE(p.pesan, p.message) << "Indonesian first, English second";
  if (!needle.empty()) {
    EXPECT_NE((p.pesan + p.message).find(needle), std::string::npos) << r.Text();
  }
}

// ---------------------------------------------------------------------------------------------------------------

TEST(XlsxCellRef, FormatsAndParses) {
  EXPECT_EQ(CellRef(14, 2), "B14");
  EXPECT_EQ(CellRef(3, 27), "AA3");
  EXPECT_EQ(CellRef(1, 26), "Z1");
  EXPECT_EQ(CellRef(1, 52), "AZ1");
  EXPECT_EQ(CellRef(1048576, 16384), "XFD1048576");
  uint32_t row = 0, col = 0;
  ASSERT_TRUE(ParseCellRef("B14", &row, &col));
  EXPECT_EQ(row, 14u);
  EXPECT_EQ(col, 2u);
  ASSERT_TRUE(ParseCellRef("$AA$3", &row, &col));
  EXPECT_EQ(row, 3u);
  EXPECT_EQ(col, 27u);
  ASSERT_TRUE(ParseCellRef("XFD1048576", &row, &col));
  EXPECT_EQ(col, 16384u);
  for (const char* bad :
       {"", "B", "14", "B0", "XFE1", "A1048577", "AAAA1", "A1B", "A-1", "A 1", "$$A1", "A99999999999"}) {
    EXPECT_FALSE(ParseCellRef(bad, &row, &col)) << bad;
  }
  for (uint32_t c : {1u, 25u, 26u, 27u, 702u, 703u, 16384u}) {
    ASSERT_TRUE(ParseCellRef(CellRef(7, c), &row, &col));
    EXPECT_EQ(col, c);
  }
}

TEST(XlsxFindSheet, ExactThenCaseInsensitive) {
  XlsxWorkbook wb;
  wb.sheets.push_back(XlsxSheet{"Neraca", {}, {}});
  wb.sheets.push_back(XlsxSheet{"NERACA", {}, {}});
  wb.sheets.push_back(XlsxSheet{"Hasil Usaha", {}, {}});
  EXPECT_EQ(wb.FindSheet("NERACA"), &wb.sheets[1]);
  EXPECT_EQ(wb.FindSheet("Neraca"), &wb.sheets[0]);
  EXPECT_EQ(wb.FindSheet("neraca"), &wb.sheets[0]);
  EXPECT_EQ(wb.FindSheet("hasil usaha"), &wb.sheets[2]);
  EXPECT_EQ(wb.FindSheet("Pinjaman"), nullptr);
}

TEST(XlsxRead, SharedStringsPlainRichTextAndPhonetic) {
  const std::string sst = SstXml(
      "<si><t>Kas</t></si>"
      "<si><r><rPr><b/></rPr><t>Pinjaman </t></r><r><t xml:space=\"preserve\">  anggota  </t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
      "<si><t>a &amp; b &lt;c&gt; &#x41;</t></si>"
      "<si><t>baris_x000D_baru _x005F_x0041_</t></si>"
      "<si><t></t></si>"
      "<si><t>Simpanan \xC3\xA9</t></si>");
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c><c r=\"C2\" t=\"s\"><v>5</v></c>"
      "</row>";
  const Result r = Read(Workbook({{"Neraca", SheetXml(rows)}}, sst));
  ASSERT_TRUE(r.ok) << r.Text();
  ASSERT_EQ(r.wb.sheets.size(), 1u);
  const XlsxSheet& s = r.wb.sheets[0];
  EXPECT_EQ(s.name, "Neraca");
  ASSERT_EQ(s.cells.size(), 5u);
  EXPECT_EQ(At(s, "A1")->text, "Kas");
  EXPECT_EQ(At(s, "A1")->type, XlsxCell::Type::kString);
  EXPECT_EQ(At(s, "B1")->text, "Pinjaman   anggota  ");
  EXPECT_EQ(At(s, "A2")->text, "a & b <c> A");
  EXPECT_EQ(At(s, "B2")->text, "baris\rbaru _x0041_");
  EXPECT_EQ(At(s, "C2")->text, "Simpanan \xC3\xA9");
  EXPECT_FALSE(At(s, "A1")->from_formula);
}

TEST(XlsxRead, NumbersKeepTheirExactText) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\"><v>1250000.50</v></c><c r=\"B1\" t=\"n\"><v>0.1</v></c>"
      "<c r=\"C1\"><v>1234567.8899999999</v></c><c r=\"D1\"><v>1.5E-3</v></c><c r=\"E1\"><v>-42</v></c>"
      "<c r=\"F1\" s=\"3\"/><c r=\"G1\"><v></v></c></row>";
  const Result r = Read(Workbook({{"Sheet1", SheetXml(rows)}}));
  ASSERT_TRUE(r.ok) << r.Text();
  const XlsxSheet& s = r.wb.sheets[0];
  ASSERT_EQ(s.cells.size(), 5u) << "empty cells are not listed";
  const char* expected[] = {"1250000.50", "0.1", "1234567.8899999999", "1.5E-3", "-42"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(s.cells[i].type, XlsxCell::Type::kNumber);
    EXPECT_EQ(s.cells[i].text, expected[i]);
    EXPECT_EQ(s.cells[i].row, 1u);
    EXPECT_EQ(s.cells[i].col, i + 1);
  }
}

TEST(XlsxRead, InlineStringsBooleansErrorsAndDates) {
  const std::string rows =
      "<row r=\"3\">"
      "<c r=\"A3\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> Kas dan bank </t></is></c>"
      "<c r=\"B3\" t=\"inlineStr\"><is><r><t>Rich</t></r><r><rPr><i/></rPr><t> inline</t></r>"
      "<rPh><t>x</t></rPh></is></c>"
      "<c r=\"C3\" t=\"b\"><v>1</v></c><c r=\"D3\" t=\"b\"><v>0</v></c>"
      "<c r=\"E3\" t=\"e\"><v>#DIV/0!</v></c>"
      "<c r=\"F3\" t=\"d\"><v>2021-12-31T00:00:00</v></c>"
      "<c r=\"G3\" t=\"str\"><v>teks</v></c>"
      "</row>";
  const Result r = Read(Workbook({{"S", SheetXml(rows)}}));
  ASSERT_TRUE(r.ok) << r.Text();
  const XlsxSheet& s = r.wb.sheets[0];
  ASSERT_EQ(s.cells.size(), 7u);
  EXPECT_EQ(At(s, "A3")->text, " Kas dan bank ");
  EXPECT_EQ(At(s, "A3")->type, XlsxCell::Type::kString);
  EXPECT_EQ(At(s, "B3")->text, "Rich inline");
  EXPECT_EQ(At(s, "C3")->type, XlsxCell::Type::kBoolean);
  EXPECT_EQ(At(s, "C3")->text, "1");
  EXPECT_EQ(At(s, "D3")->text, "0");
  EXPECT_EQ(At(s, "E3")->type, XlsxCell::Type::kError);
  EXPECT_EQ(At(s, "E3")->text, "#DIV/0!");
  EXPECT_EQ(At(s, "F3")->type, XlsxCell::Type::kString);
  EXPECT_EQ(At(s, "F3")->text, "2021-12-31T00:00:00");
  EXPECT_EQ(At(s, "G3")->type, XlsxCell::Type::kString);
  EXPECT_EQ(At(s, "G3")->text, "teks");
}

TEST(XlsxRead, FormulasGiveTheirCachedValues) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\"><v>1250000.5</v></c><c r=\"B1\"><f>A1*2</f><v>2500001</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\"><f t=\"shared\" ref=\"B2:B3\" "
      "si=\"0\">A2*2</f><v>4</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>3</v></c><c r=\"B3\"><f t=\"shared\" si=\"0\"/><v>6</v></c></row>"
      "<row r=\"4\"><c r=\"B4\"><f>SUM(B1:B3)</f></c>"  // no cached value: no cell to read...
      "<c r=\"C4\" t=\"str\"><f>IF(A1&gt;0,\"OK\",\"-\")</f><v>OK</v></c>"
      "<c r=\"D4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"E4\" t=\"b\"><f>A1&gt;0</f><v>1</v></c></row>";
  const Result r = Read(Workbook({{"Hitung", SheetXml(rows)}}));
  ASSERT_TRUE(r.ok) << r.Text();
  const XlsxSheet& s = r.wb.sheets[0];
  EXPECT_EQ(s.cells.size(), 9u);
  EXPECT_FALSE(At(s, "A1")->from_formula);
  EXPECT_TRUE(At(s, "B1")->from_formula);
  EXPECT_EQ(At(s, "B1")->text, "2500001");
  EXPECT_EQ(At(s, "B1")->type, XlsxCell::Type::kNumber);
  EXPECT_TRUE(At(s, "B2")->from_formula);
  EXPECT_EQ(At(s, "B3")->text, "6");
  EXPECT_TRUE(At(s, "B3")->from_formula);
  EXPECT_EQ(At(s, "B4"), nullptr);
  // ...but listed, so a reader can tell "recalculate and save" from "empty".
  const std::vector<std::pair<uint32_t, uint32_t>> uncached = {{4, 2}};
  EXPECT_EQ(s.uncached_formulas, uncached);
  EXPECT_EQ(At(s, "C4")->text, "OK");
  EXPECT_EQ(At(s, "C4")->type, XlsxCell::Type::kString);
  EXPECT_TRUE(At(s, "C4")->from_formula);
  EXPECT_EQ(At(s, "D4")->type, XlsxCell::Type::kError);
  EXPECT_EQ(At(s, "E4")->type, XlsxCell::Type::kBoolean);
}

TEST(XlsxRead, CellsAndRowsWithoutReferences) {
  const std::string rows =
      "<row r=\"2\"><c><v>1</v></c><c><v>2</v></c><c r=\"E2\"><v>5</v></c><c><v>6</v></c></row>"
      "<row><c><v>7</v></c><c/><c><v>9</v></c></row>"  // row 3; the empty second cell still takes column B
      "<row r=\"10\"><c r=\"C10\"><v>10</v></c></row>";
  const Result r = Read(Workbook({{"S", SheetXml(rows)}}));
  ASSERT_TRUE(r.ok) << r.Text();
  const XlsxSheet& s = r.wb.sheets[0];
  std::vector<std::string> refs;
  for (const XlsxCell& c : s.cells) refs.push_back(CellRef(c.row, c.col) + "=" + c.text);
  EXPECT_EQ(refs, (std::vector<std::string>{"A2=1", "B2=2", "E2=5", "F2=6", "A3=7", "C3=9", "C10=10"}));
}

TEST(XlsxRead, NamespacePrefixedElements) {
  const std::string ns = std::string(" xmlns:x=\"") + kMainNs + "\" xmlns:rel=\"" + kRelNs + "\"";
  const std::string sheet = "<?xml version=\"1.0\"?><x:worksheet" + ns +
                            "><x:sheetData><x:row x:r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
                            "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>inline</x:t></x:is></x:c>"
                            "<x:c r=\"C1\"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>";
  Entries e;
  e.emplace_back("xl/workbook.xml", "<x:workbook" + ns +
                                        "><x:sheets><x:sheet name=\"Pref\" sheetId=\"1\" rel:id=\"R1\"/></x:sheets>"
                                        "</x:workbook>");
  e.emplace_back("xl/_rels/workbook.xml.rels",
                 std::string("<p:Relationships xmlns:p=\"") + kPkgRelNs + "\"><p:Relationship Id=\"R1\" Type=\"" +
                     kRelNs + "/worksheet\" Target=\"worksheets/s.xml\"/><p:Relationship Id=\"R2\" Type=\"" + kRelNs +
                     "/sharedStrings\" Target=\"/xl/strings.xml\"/></p:Relationships>");
  e.emplace_back("xl/worksheets/s.xml", sheet);
  e.emplace_back("xl/strings.xml", std::string("<x:sst xmlns:x=\"") + kMainNs +
                                       "\"><x:si><x:r><x:t>pre</x:t></x:r><x:r><x:t>fixed</x:t></x:r></x:si></x:sst>");
  const Result r = Read(MakeZip(e));
  ASSERT_TRUE(r.ok) << r.Text();
  ASSERT_EQ(r.wb.sheets.size(), 1u);
  const XlsxSheet& s = r.wb.sheets[0];
  EXPECT_EQ(s.name, "Pref");
  ASSERT_EQ(s.cells.size(), 3u);
  EXPECT_EQ(At(s, "A1")->text, "prefixed");
  EXPECT_EQ(At(s, "B1")->text, "inline");
  EXPECT_EQ(At(s, "C1")->text, "2");
  EXPECT_TRUE(At(s, "C1")->from_formula);
}

TEST(XlsxRead, MultipleSheetsInWorkbookOrderWithRelativeAndAbsoluteTargets) {
  for (bool absolute : {false, true}) {
    const Result r = Read(Workbook({{"Neraca", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")},
                                    {"Hasil Usaha", SheetXml("<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>")},
                                    {"Kosong", SheetXml("")}},
                                   "", absolute));
    ASSERT_TRUE(r.ok) << r.Text();
    ASSERT_EQ(r.wb.sheets.size(), 3u);
    EXPECT_EQ(r.wb.sheets[0].name, "Neraca");
    EXPECT_EQ(r.wb.sheets[1].name, "Hasil Usaha");
    EXPECT_EQ(r.wb.sheets[2].name, "Kosong");
    EXPECT_TRUE(r.wb.sheets[2].cells.empty());
    const XlsxSheet* hu = r.wb.FindSheet("hasil usaha");
    ASSERT_NE(hu, nullptr);
    ASSERT_EQ(hu->cells.size(), 1u);
    EXPECT_EQ(CellRef(hu->cells[0].row, hu->cells[0].col), "B2");
  }
  // The workbook lists sheets in tab order, which need not be the order of the part names.
  Entries e = WorkbookEntries({{"Satu", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")},
                               {"Dua", SheetXml("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")}});
  for (auto& [name, data] : e) {
    if (name == "xl/workbook.xml") {
      data = std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs +
             "\"><sheets><sheet name=\"Dua\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"Satu\" sheetId=\"1\" "
             "r:id=\"rId1\"/></sheets></workbook>";
    }
  }
  const Result r = Read(MakeZip(e));
  ASSERT_TRUE(r.ok) << r.Text();
  ASSERT_EQ(r.wb.sheets.size(), 2u);
  EXPECT_EQ(r.wb.sheets[0].name, "Dua");
  EXPECT_EQ(r.wb.sheets[0].cells.at(0).text, "2");
}

TEST(XlsxRead, StoredEntriesAndUtf8Bom) {
  Entries e = WorkbookEntries({{"S", "\xEF\xBB\xBF" + SheetXml("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>")}});
  const Result r = Read(MakeZip(e, /*store=*/true));
  ASSERT_TRUE(r.ok) << r.Text();
  EXPECT_EQ(r.wb.sheets[0].cells.at(0).text, "7");
}

TEST(XlsxRead, BadSharedStringIndexNamesTheCell) {
  const Result r = Read(Workbook({{"S", SheetXml("<row r=\"4\"><c r=\"B4\" t=\"s\"><v>3</v></c></row>")}},
                                 SstXml("<si><t>satu</t></si>")));
  ExpectProblem(r, "xml_rusak", "shared string");
  EXPECT_EQ(r.problems.items().front().path, "laporan.xlsx!B4");
}

TEST(XlsxRead, DamagedXmlIsReportedWithThePart) {
  const Result r = Read(Workbook({{"S", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</c></row>")}}));
  ExpectProblem(r, "xml_rusak", "xl/worksheets/sheet1.xml");
  const Result bad_ref = Read(Workbook({{"S", SheetXml("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")}}));
  ExpectProblem(bad_ref, "xml_rusak", "1A");
  const Result bad_bool = Read(Workbook({{"S", SheetXml("<row><c t=\"b\"><v>2</v></c></row>")}}));
  ExpectProblem(bad_bool, "xml_rusak", "boolean");
}

TEST(XlsxRead, MissingSheetPartIsReported) {
  Entries e = WorkbookEntries({{"Neraca", SheetXml("")}});
  std::erase_if(e, [](const auto& entry) { return entry.first == "xl/worksheets/sheet1.xml"; });
  ExpectProblem(Read(MakeZip(e)), "xml_rusak", "Neraca");
}

// ---------------------------------------------------------------------------------------------------------------
// Wrong kinds of file.

std::string Ole2(std::string_view payload) {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.resize(1024, '\0');
  bytes.append(payload);
  bytes.resize(2048, '\0');
  return bytes;
}

std::string Utf16(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

TEST(XlsxWrongType, LegacyXls) { ExpectProblem(Read(Ole2(Utf16("Workbook"))), "xls_lama", ".xlsx"); }

TEST(XlsxWrongType, EncryptedWorkbook) {
  const Result r = Read(Ole2(Utf16("EncryptionInfo") + std::string(50, '\0') + Utf16("EncryptedPackage")));
  ExpectProblem(r, "terenkripsi", "kata sandi");
  ExpectProblem(Read(Ole2(Utf16("EncryptedPackage"))), "terenkripsi", "password");
}

TEST(XlsxWrongType, Pdf) {
  ExpectProblem(Read("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "bukan_xlsx", "PDF");
}

TEST(XlsxWrongType, CsvAndText) {
  ExpectProblem(Read("akun;jumlah\nkas;1250000\n"), "bukan_xlsx", ".csv");
  ExpectProblem(Read("\xEF\xBB\xBFkas,1250000\r\npiutang,5\r\n"), "bukan_xlsx", ".csv");
  ExpectProblem(Read("hanya teks biasa\n"), "bukan_xlsx", "plain text");
  ExpectProblem(Read("<html><body><table><tr><td>1</td></tr></table></body></html>"), "bukan_xlsx", "HTML");
  ExpectProblem(Read(""), "bukan_xlsx", "empty");
}

TEST(XlsxWrongType, RandomBytes) {
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 1000; ++i) {
    x = x * 1103515245u + 12345u;
    bytes += char(x >> 24);
  }
  bytes[0] = '\x01';
  ExpectProblem(Read(bytes), "bukan_xlsx");
}

TEST(XlsxWrongType, TruncatedAndCorruptZip) {
  const std::string good = Workbook({{"S", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")}});
  ASSERT_TRUE(Read(good).ok);
  ExpectProblem(Read(good.substr(0, good.size() / 2)), "zip_rusak");
  ExpectProblem(Read(good.substr(0, 10)), "zip_rusak");
  // A flipped byte inside the stored sheet: the CRC check catches it.
  std::string stored = MakeZip(WorkbookEntries({{"S", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")}}), true);
  const size_t at = stored.find("<v>1</v>");
  ASSERT_NE(at, std::string::npos);
  stored[at + 3] = '2';
  ExpectProblem(Read(stored), "zip_rusak");
}

TEST(XlsxWrongType, ZipWithoutWorkbook) {
  ExpectProblem(Read(MakeZip({{"readme.txt", "halo"}, {"data/angka.csv", "1,2"}})), "bukan_lembar_kerja",
                "xl/workbook.xml");
}

TEST(XlsxWrongType, OpenDocumentSpreadsheet) {
  const Result r = Read(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                 {"content.xml", "<office:document-content/>"},
                                 {"META-INF/manifest.xml", "<manifest/>"}},
                                true));
  ExpectProblem(r, "bukan_lembar_kerja", ".ods");
}

TEST(XlsxWrongType, WordDocument) {
  Entries e = {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}};
  ExpectProblem(Read(MakeZip(e)), "bukan_lembar_kerja", ".docx");
}

// ---------------------------------------------------------------------------------------------------------------
// Limits.

// Overwrites the uncompressed size an entry declares, in both its local header and its central directory record.
void PatchDeclaredSize(std::string* zip, const std::string& name, uint32_t size) {
  const auto put32 = [&](size_t at) {
    for (int i = 0; i < 4; ++i) (*zip)[at + size_t(i)] = char((size >> (8 * i)) & 0xFF);
  };
  int patched = 0;
  for (size_t at = 0; (at = zip->find("PK", at)) != std::string::npos; ++at) {
    if (at + 46 > zip->size()) break;
    if (zip->compare(at, 4, "PK\x03\x04") == 0 && zip->compare(at + 30, name.size(), name) == 0) {
      put32(at + 22);
      ++patched;
    } else if (zip->compare(at, 4, "PK\x01\x02") == 0 && zip->compare(at + 46, name.size(), name) == 0) {
      put32(at + 24);
      ++patched;
    }
  }
  EXPECT_EQ(patched, 2);
}

std::string BigSheet(size_t padding) {
  return SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(padding, ' '));
}

TEST(XlsxLimits, ZipBombDeclaredSize) {
  XlsxLimits limits;
  limits.max_part_bytes = 10000;
  const Result r = Read(Workbook({{"S", BigSheet(1 << 20)}}), limits);
  ExpectProblem(r, "melebihi_batas", "max_part_bytes = 10000");
}

TEST(XlsxLimits, ZipBombLyingAboutItsSize) {
  XlsxLimits limits;
  limits.max_part_bytes = 10000;
  std::string zip = Workbook({{"S", BigSheet(1 << 20)}});
  PatchDeclaredSize(&zip, "xl/worksheets/sheet1.xml", 100);
  // libzip 1.7 inflates the whole entry whatever its header says (the CRC is of the real data): only counting the
  // bytes actually inflated stops it.
  ExpectProblem(Read(zip, limits), "melebihi_batas", "max_part_bytes = 10000");
  EXPECT_TRUE(Read(zip).ok) << "within the default limits the same file reads";
}

TEST(XlsxLimits, TotalUncompressed) {
  XlsxLimits limits;
  limits.max_total_uncompressed = 30000;
  const Result r = Read(Workbook({{"A", BigSheet(12000)}, {"B", BigSheet(12000)}, {"C", BigSheet(12000)}}), limits);
  ExpectProblem(r, "melebihi_batas", "max_total_uncompressed = 30000");
}

TEST(XlsxLimits, FileSize) {
  XlsxLimits limits;
  limits.max_file_bytes = 100;
  ExpectProblem(Read(Workbook({{"S", SheetXml("")}}), limits), "melebihi_batas", "max_file_bytes = 100");
}

TEST(XlsxLimits, TooManyEntries) {
  XlsxLimits limits;
  limits.max_entries = 5;
  Entries e = WorkbookEntries({{"S", SheetXml("")}});
  for (int i = 0; i < 5; ++i) e.emplace_back("xl/media/image" + std::to_string(i) + ".png", "x");
  ExpectProblem(Read(MakeZip(e), limits), "melebihi_batas", "max_entries = 5");
}

TEST(XlsxLimits, TooDeepXml) {
  XlsxLimits limits;
  limits.max_xml_depth = 10;
  std::string deep;
  for (int i = 0; i < 20; ++i) deep = "<extLst>" + deep + "</extLst>";
  ExpectProblem(Read(Workbook({{"S", SheetXml(deep)}}), limits), "melebihi_batas", "max_xml_depth = 10");
  // The normal nesting of a sheet (worksheet/sheetData/row/c/is/r/t) fits well within a small limit.
  limits.max_xml_depth = 8;
  EXPECT_TRUE(
      Read(Workbook({{"S", SheetXml("<row><c t=\"inlineStr\"><is><r><t>x</t></r></is></c></row>")}}), limits).ok);
}

TEST(XlsxLimits, RowsAndColumns) {
  XlsxLimits limits;
  limits.max_rows = 100;
  limits.max_cols = 5;
  const Result row = Read(Workbook({{"S", SheetXml("<row r=\"101\"><c r=\"A101\"><v>1</v></c></row>")}}), limits);
  ExpectProblem(row, "melebihi_batas", "max_rows = 100");
  EXPECT_EQ(row.problems.items().front().path, "laporan.xlsx!A101");
  const Result col = Read(Workbook({{"S", SheetXml("<row r=\"1\"><c r=\"F1\"><v>1</v></c></row>")}}), limits);
  ExpectProblem(col, "melebihi_batas", "max_cols = 5");
  const Result col_no_ref =
      Read(Workbook({{"S", SheetXml("<row><c><v>1</v></c><c/><c/><c/><c/><c><v>6</v></c></row>")}}), limits);
  ExpectProblem(col_no_ref, "melebihi_batas", "max_cols = 5");
  // An empty formatted cell beyond the limits holds nothing and is no reason to refuse the file.
  EXPECT_TRUE(Read(Workbook({{"S", SheetXml("<row r=\"5000\"><c r=\"ZZ5000\" s=\"1\"/></row>")}}), limits).ok);
}

TEST(XlsxLimits, CellsSharedStringsTextAndSheets) {
  XlsxLimits limits;
  limits.max_cells = 3;
  ExpectProblem(Read(Workbook({{"S", SheetXml("<row><c><v>1</v></c><c><v>2</v></c></row>")},
                               {"T", SheetXml("<row><c><v>3</v></c><c><v>4</v></c></row>")}}),
                     limits),
                "melebihi_batas", "max_cells = 3");

  limits = XlsxLimits{};
  limits.max_shared_strings = 2;
  ExpectProblem(
      Read(Workbook({{"S", SheetXml("")}}, SstXml("<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>")), limits),
      "melebihi_batas", "max_shared_strings = 2");

  limits = XlsxLimits{};
  limits.max_text_bytes = 10;
  ExpectProblem(
      Read(Workbook({{"S", SheetXml("")}}, SstXml("<si><r><t>123456</t></r><r><t>7890X</t></r></si>")), limits),
      "melebihi_batas", "max_text_bytes = 10");
  ExpectProblem(
      Read(Workbook({{"S", SheetXml("<row><c t=\"inlineStr\"><is><t>12345678901</t></is></c></row>")}}), limits),
      "melebihi_batas", "max_text_bytes = 10");
  EXPECT_TRUE(
      Read(Workbook({{"S", SheetXml("<row><c t=\"inlineStr\"><is><t>1234567890</t></is></c></row>")}}), limits).ok);

  limits = XlsxLimits{};
  limits.max_sheets = 2;
  ExpectProblem(Read(Workbook({{"A", SheetXml("")}, {"B", SheetXml("")}, {"C", SheetXml("")}}), limits),
                "melebihi_batas", "max_sheets = 2");
}

TEST(XlsxLimits, OneSharedStringCopiedIntoManyCellsIsBounded) {
  XlsxLimits limits;
  limits.max_total_uncompressed = 200000;
  std::string rows;
  for (int i = 1; i <= 100; ++i) rows += "<row r=\"" + std::to_string(i) + "\"><c t=\"s\"><v>0</v></c></row>";
  const Result r =
      Read(Workbook({{"S", SheetXml(rows)}}, SstXml("<si><t>" + std::string(10000, 'x') + "</t></si>")), limits);
  ExpectProblem(r, "melebihi_batas", "max_total_uncompressed");
}

TEST(XlsxLimits, EndlessMarkupIsRefused) {
  // One start tag of 2 MiB: expat 2.5 would re-scan it for every chunk inflated.
  const Result r = Read(Workbook({{"S", SheetXml("<row r=\"1\" x=\"" + std::string(2u << 20, 'a') + "\"/>")}}));
  ExpectProblem(r, "xml_rusak", "'>'");
}

TEST(XlsxLimits, DoctypeAndEntitiesAreRefused) {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>";
  const Result in_sheet = Read(Workbook(
      {{"S", laughs + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData>"
                      "</worksheet>"}}));
  ExpectProblem(in_sheet, "xml_rusak", "DOCTYPE");
  const Result in_sst = Read(Workbook({{"S", SheetXml("")}}, laughs + "<sst><si><t>&lol9;</t></si></sst>"));
  ExpectProblem(in_sst, "xml_rusak", "DOCTYPE");
  const Result external =
      Read(Workbook({{"S", "<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><worksheet><sheetData/></worksheet>"}}));
  ExpectProblem(external, "xml_rusak", "DOCTYPE");
}

// ---------------------------------------------------------------------------------------------------------------
// A real workbook, written by libxlsxwriter.

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteWithXlsxwriter(const std::string& path, bool constant_memory) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  ASSERT_NE(wb, nullptr);
  lxw_worksheet* neraca = workbook_add_worksheet(wb, "Neraca");
  lxw_worksheet* hasil = workbook_add_worksheet(wb, "Hasil Usaha");
  ASSERT_NE(neraca, nullptr);
  ASSERT_NE(hasil, nullptr);
  worksheet_write_string(neraca, 0, 0, "Kas & bank", nullptr);
  worksheet_write_number(neraca, 0, 1, 1250000.5, nullptr);
  worksheet_write_string(neraca, 1, 0, "Pinjaman anggota", nullptr);
  worksheet_write_number(neraca, 1, 1, 0.1, nullptr);
  worksheet_write_boolean(neraca, 2, 0, 1, nullptr);
  worksheet_write_boolean(neraca, 2, 1, 0, nullptr);
  worksheet_write_formula_num(neraca, 3, 1, "=B1*2", nullptr, 2500001);
  worksheet_write_string(hasil, 13, 1, "Pendapatan", nullptr);
  worksheet_write_number(hasil, 13, 2, -42, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

TEST(XlsxRealWorkbook, WrittenByLibxlsxwriter) {
  for (const bool constant_memory : {false, true}) {  // shared strings, then inline strings
    SCOPED_TRACE(constant_memory ? "constant_memory" : "default");
    const std::string path =
        testing::TempDir() + "kopsehat_xlsx_" + std::to_string(getpid()) + (constant_memory ? "_cm" : "") + ".xlsx";
    WriteWithXlsxwriter(path, constant_memory);
    const std::string bytes = ReadFile(path);
    std::filesystem::remove(path);
    const Result r = Read(bytes);
    ASSERT_TRUE(r.ok) << r.Text();
    ASSERT_EQ(r.wb.sheets.size(), 2u);
    const XlsxSheet* n = r.wb.FindSheet("Neraca");
    ASSERT_NE(n, nullptr);
    ASSERT_NE(At(*n, "A1"), nullptr);
    EXPECT_EQ(At(*n, "A1")->text, "Kas & bank");
    EXPECT_EQ(At(*n, "A1")->type, XlsxCell::Type::kString);
    EXPECT_EQ(At(*n, "B1")->text, "1250000.5");
    EXPECT_EQ(At(*n, "B1")->type, XlsxCell::Type::kNumber);
    EXPECT_EQ(At(*n, "B2")->text, "0.1");
    EXPECT_EQ(At(*n, "A3")->type, XlsxCell::Type::kBoolean);
    EXPECT_EQ(At(*n, "A3")->text, "1");
    EXPECT_EQ(At(*n, "B3")->text, "0");
    ASSERT_NE(At(*n, "B4"), nullptr);
    EXPECT_TRUE(At(*n, "B4")->from_formula);
    EXPECT_EQ(At(*n, "B4")->text, "2500001");
    const XlsxSheet* h = r.wb.FindSheet("hasil usaha");
    ASSERT_NE(h, nullptr);
    ASSERT_EQ(h->cells.size(), 2u);
    EXPECT_EQ(CellRef(h->cells[0].row, h->cells[0].col), "B14");
    EXPECT_EQ(h->cells[0].text, "Pendapatan");
    EXPECT_EQ(h->cells[1].text, "-42");
  }
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Old Mac Excel workbooks count dates from 1904: the reader passes the flag on (regression from review).
TEST(XlsxRead, Date1904FlagIsRead) {
  Entries e = WorkbookEntries({{"S", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")}}, "", false);
  for (auto& [name, body] : e) {
    if (name != "xl/workbook.xml") continue;
    const size_t at = body.find("<sheets>");
    ASSERT_NE(at, std::string::npos);
    body.insert(at, "<workbookPr date1904=\"1\"/>");
  }
  const Result r = Read(MakeZip(e));
  ASSERT_TRUE(r.ok) << r.Text();
  EXPECT_TRUE(r.wb.date1904);
  const Result plain = Read(Workbook({{"S", SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")}}));
  ASSERT_TRUE(plain.ok);
  EXPECT_FALSE(plain.wb.date1904);
}

}  // namespace
}  // namespace kopsehat
