// interchange/test_sistem_input.h — test fixtures in the layout of the examiner's "Sistem Input" workbook (KKPKK
// 2021, KSP KUK I dan II), generated, never copied: the Input rows and labels of sistem_input_reader.h
// (SistemInputRowLabels), the figures of the workbook's own filled example and its cached results (nilai per
// indicator, aspect percentages, final score 81.89 and predikat, written as formulas with their cached values as the
// workbook holds them). A test changes the model (a label, a cell, a missing sheet) and writes it with libxlsxwriter.
// Used by sistem_input_reader_test.cc, app_test.cc and tests/cli_sistem_input_test.cc; not part of the program.
//
// Two figures differ from the published example, as in tests/fixtures/kkpkk-lembar-kerja/contoh-lembar-kerja.json:
// the workbook books its loan-loss allowance (Rp 10.000.000) without a matching entry, so kewajiban jangka pendek
// lainnya (Input!D227) is 185.308.400 instead of 195.308.400 to balance; and simpanan berjangka anggota (Input!D214,
// a formula in the workbook) is 775.435.518,48 instead of 775.435.518,47337, so that the books balance to the sen.
// UnbalancedAsPublished() restores both.
#pragma once

#include <unistd.h>

#include <xlsxwriter.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "interchange/sistem_input_reader.h"

namespace kopsehat::testing {

struct FixtureCell {
  enum class Kind { kNumber, kText, kFormulaNumber, kFormulaText };
  Kind kind = Kind::kNumber;
  double number = 0;
  std::string text;     // kText; the cached text of kFormulaText
  std::string formula;  // kFormula*
};

// Sheets in workbook order; cells by (row, column), both 1-based.
struct FixtureWorkbook {
  std::vector<std::pair<std::string, std::map<std::pair<uint32_t, uint32_t>, FixtureCell>>> sheets;

  std::map<std::pair<uint32_t, uint32_t>, FixtureCell>& Sheet(const std::string& name) {
    for (auto& s : sheets) {
      if (s.first == name) return s.second;
    }
    sheets.emplace_back(name, std::map<std::pair<uint32_t, uint32_t>, FixtureCell>{});
    return sheets.back().second;
  }
  void RemoveSheet(const std::string& name) {
    for (auto it = sheets.begin(); it != sheets.end(); ++it) {
      if (it->first == name) {
        sheets.erase(it);
        return;
      }
    }
  }
  void Number(const std::string& sheet, uint32_t row, uint32_t col, double v) {
    Sheet(sheet)[{row, col}] = FixtureCell{FixtureCell::Kind::kNumber, v, {}, {}};
  }
  void Text(const std::string& sheet, uint32_t row, uint32_t col, const std::string& t) {
    Sheet(sheet)[{row, col}] = FixtureCell{FixtureCell::Kind::kText, 0, t, {}};
  }
  void Formula(const std::string& sheet, uint32_t row, uint32_t col, const std::string& f, double cached) {
    Sheet(sheet)[{row, col}] = FixtureCell{FixtureCell::Kind::kFormulaNumber, cached, {}, f};
  }
  void FormulaText(const std::string& sheet, uint32_t row, uint32_t col, const std::string& f, const std::string& cached) {
    Sheet(sheet)[{row, col}] = FixtureCell{FixtureCell::Kind::kFormulaText, 0, cached, f};
  }
  void Clear(const std::string& sheet, uint32_t row, uint32_t col) { Sheet(sheet).erase({row, col}); }

  // The workbook's bytes, written by libxlsxwriter through a scratch file; empty on failure.
  std::string Bytes() const {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("kopsehat_sistem_input_" + std::to_string(getpid()) + ".xlsx"))
                                 .string();
    lxw_workbook* wb = workbook_new(path.c_str());
    if (wb == nullptr) return {};
    for (const auto& [name, cells] : sheets) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      for (const auto& [at, c] : cells) {
        const lxw_row_t row = at.first - 1;
        const lxw_col_t col = lxw_col_t(at.second - 1);
        switch (c.kind) {
          case FixtureCell::Kind::kNumber:
            worksheet_write_number(ws, row, col, c.number, nullptr);
            break;
          case FixtureCell::Kind::kText:
            worksheet_write_string(ws, row, col, c.text.c_str(), nullptr);
            break;
          case FixtureCell::Kind::kFormulaNumber:
            worksheet_write_formula_num(ws, row, col, c.formula.c_str(), nullptr, c.number);
            break;
          case FixtureCell::Kind::kFormulaText:
            worksheet_write_formula_str(ws, row, col, c.formula.c_str(), nullptr, c.text.c_str());
            break;
        }
      }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) return {};
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    return bytes;
  }
};

// The example's answers, item by item in Input row order (1 = Terpenuhi), rows 6–171 with the section rows
// between the checklists left without an answer.
inline const std::vector<std::pair<uint32_t, std::string>>& SistemInputAnswers() {
  static const std::vector<std::pair<uint32_t, std::string>> answers = [] {
    const std::vector<std::pair<uint32_t, std::string>> blocks = {
        {6, "0001"}, {10, "00111"}, {15, "001"}, {18, "1111"}, {22, "0011"}, {26, "0011"}, {30, "0011"},
        {36, "001"}, {39, "111"}, {42, "11100001111111111"}, {59, "0011"}, {63, "110"},
        {68, "111"}, {71, "1111"}, {75, "1111"}, {79, "1111"}, {83, "0000"},
        {91, "0001"}, {95, "0011"}, {101, "0001"}, {105, "0011"}, {111, "00011"},
        {119, "0011"}, {123, "000"}, {126, "1111"}, {132, "1111"}, {136, "110"}, {139, "1111"},
        {145, "1111"}, {149, "1101"}, {153, "1111"}, {159, "1111"}, {163, "11011"}, {168, "1111"},
    };
    std::vector<std::pair<uint32_t, std::string>> v;
    for (const auto& [first, bits] : blocks) {
      for (size_t i = 0; i < bits.size(); ++i) {
        v.emplace_back(first + uint32_t(i), bits[i] == '1' ? "Terpenuhi" : "Tidak Terpenuhi");
      }
    }
    return v;
  }();
  return answers;
}

// The filled example of the workbook, balanced (see the file comment).
inline FixtureWorkbook SistemInputExample() {
  FixtureWorkbook wb;
  const char* const kSheets[] = {"Input", "BS", "PHU", "ATMR", "NPL", "RPL", "PEA", "TK", "PR", "K", "P", "OP", "KK",
                                 "ANALISIS", "EW"};
  for (const char* s : kSheets) wb.Sheet(s);
  wb.Text("Input", 1, 2, "SISTEM INPUT KERTAS KERJA PEMERIKSAAN KESEHATAN KSP KUK I DAN II");
  wb.Text("Input", 2, 2, "Nama Koperasi");
  wb.Text("Input", 2, 4, "KSP Contoh Lembar Kerja");
  wb.Text("Input", 3, 2, "Periode");
  wb.Text("Input", 3, 4, "31/12/2021");
  wb.Text("Input", 4, 3, "Uraian");
  wb.Text("Input", 4, 4, "Tahun berjalan");
  wb.Text("Input", 4, 5, "Tahun lalu");
  for (const auto& [row, answer] : SistemInputAnswers()) {
    wb.Text("Input", row, 3, "Butir daftar periksa baris " + std::to_string(row));
    wb.Text("Input", row, 4, answer);
    wb.Formula("Input", row, 5, "=IF(D" + std::to_string(row) + "=\"Terpenuhi\",1,0)", answer == "Terpenuhi" ? 1 : 0);
  }
  for (const auto& [row, label] : SistemInputRowLabels()) wb.Text("Input", row, 3, label);
  // Balance sheet, this year (D) and last year (E); rows not listed are blank.
  const struct {
    uint32_t row;
    double current, previous;
  } kAmounts[] = {
      {175, 1543069, 1543069},
      {177, 323902584.21, 323902584.21},
      {182, 2825000000, 2625000000},
      {193, 23875000, 23875000},
      {202, 101300000, 101300000},
      {203, 237797200, 237797200},
      {204, 168417958.40, 168417958.40},
      {212, 783500000, 783500000},
      {213, 0, 0},
      {216, 0, 0},
      {217, 0, 0},
      {219, 31158196, 31158196},
      {220, 0, 0},
      {221, 0, 0},
      {227, 185308400, 195308400},
      {236, 320700000, 320700000},
      {237, 250820000, 250820000},
      {239, 434100000, 434100000},
      {243, -28149946.13, -28149946.13},
      {244, 582127726.463334, 382127726.46333},
      {245, 2306428809.83667, 2106428809.83667},
      {249, 0, 0},
      {250, 0, 0},
      {251, 0, 0},
      {252, 0, 0},
      {253, 734160000.583332, 734160000.583332},
      {262, 0, 0},
      {263, 319595196, 319595196},
      {266, 51861571, 51861571},
      {267, 72088883.33, 72088883.33},
      {269, 10970000, 10970000},
      {270, 75309710, 75309710},
      {272, 92482633, 92482633},
      {273, 169281016, 169281016},
      {274, 10941266, 10941266},
      {276, 49536000, 49536000},
      {277, 0, 0},
      {278, 0, 0},
      {282, 4953771.01, 4953771.01},
      {283, 113080453.47, 113080453.47},
      {284, 29948125, 29948125},
  };
  for (const auto& a : kAmounts) {
    wb.Number("Input", a.row, 4, a.current);
    wb.Number("Input", a.row, 5, a.previous);
  }
  wb.Number("Input", 187, 4, 10000000);  // the allowance, this year only
  // Simpanan berjangka anggota is a formula in the workbook; its cached result is what a reader sees.
  wb.Formula("Input", 214, 4, "=558935518.48+216500000", 775435518.48);
  wb.Formula("Input", 214, 5, "=558935518.48+216500000", 775435518.48);
  wb.Number("Input", 285, 4, 200000000);  // kurang lancar, this year only
  wb.Number("Input", 288, 4, 100000000);  // its collateral
  // The workbook's cached results: nilai in column D of TK, PR, K, P; pooled aspect percentages; the final score.
  const struct {
    const char* sheet;
    uint32_t row;
    int nilai;
  } kNilai[] = {
      {"TK", 4, 4},  {"TK", 6, 2},  {"TK", 8, 3},  {"TK", 10, 1}, {"TK", 12, 3}, {"TK", 14, 3}, {"TK", 16, 3},
      {"TK", 22, 3}, {"TK", 24, 1}, {"TK", 26, 1}, {"TK", 28, 3}, {"TK", 30, 2}, {"TK", 36, 1}, {"TK", 38, 1},
      {"TK", 40, 1}, {"TK", 42, 1}, {"TK", 44, 4}, {"PR", 5, 1},  {"PR", 7, 3},  {"PR", 10, 4}, {"PR", 12, 3},
      {"PR", 15, 4}, {"PR", 17, 3}, {"PR", 20, 3}, {"PR", 22, 2}, {"PR", 24, 3}, {"PR", 31, 3}, {"PR", 32, 4},
      {"PR", 33, 1}, {"PR", 35, 1}, {"PR", 36, 2}, {"PR", 37, 1}, {"PR", 39, 1}, {"PR", 40, 2}, {"PR", 41, 1},
      {"PR", 43, 1}, {"PR", 44, 1}, {"PR", 45, 1}, {"K", 5, 1},   {"K", 7, 1},   {"K", 9, 1},   {"K", 15, 1},
      {"K", 17, 2},  {"K", 26, 1},  {"K", 28, 1},  {"K", 30, 4},  {"K", 36, 3},  {"K", 38, 2},  {"K", 40, 1},
      {"K", 49, 3},  {"K", 51, 1},  {"K", 53, 1},  {"K", 55, 1},  {"K", 61, 1},  {"K", 63, 1},  {"K", 65, 1},
      {"P", 4, 1},   {"P", 6, 1},   {"P", 12, 1},  {"P", 14, 1},
  };
  for (const auto& n : kNilai) {
    const std::string c = "C" + std::to_string(n.row);
    wb.Formula(n.sheet, n.row, 4, "=IF(" + c + "<=0.25,4,IF(" + c + "<=0.5,3,IF(" + c + "<=0.75,2,1)))", n.nilai);
    wb.Formula(n.sheet, n.row, 7, "=5-D" + std::to_string(n.row), 5 - n.nilai);
  }
  wb.Formula("TK", 49, 5, "=SUM(G4:G45)/68*100", 70.588235294117652);
  wb.Formula("PR", 49, 5, "=SUM(G5:G45)/84*100", 71.428571428571431);
  wb.Formula("K", 72, 5, "=SUM(G5:G66)/72*100", 87.5);
  wb.Formula("P", 19, 5, "=SUM(G4:G15)/16*100", 100);
  wb.Formula("OP", 46, 6, "=0.3*TK!E49+0.15*PR!E49+0.4*K!E72+0.15*P!E19", 81.890756302521012);
  wb.FormulaText("OP", 46, 7, "=IF(F46<51,\"DALAM PENGAWASAN KHUSUS\",IF(F46<66,\"DALAM PENGAWASAN\",IF(F46<80,"
                              "\"CUKUP SEHAT\",\"SEHAT\")))",
                 "SEHAT");
  return wb;
}

// The example as published: the allowance booked without a matching entry, simpanan berjangka to five decimals.
inline FixtureWorkbook UnbalancedAsPublished() {
  FixtureWorkbook wb = SistemInputExample();
  wb.Number("Input", 227, 4, 195308400);
  wb.Formula("Input", 214, 4, "=558935518.47337+216500000", 775435518.47337);
  return wb;
}

}  // namespace kopsehat::testing
