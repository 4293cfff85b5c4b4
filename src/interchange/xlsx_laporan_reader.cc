// interchange/xlsx_laporan_reader.cc — see xlsx_laporan_reader.h. The workbook comes from xlsx_reader.h; each keyed
// cell goes to LaporanBuilder (fields.h), as a CSV row does.
#include "interchange/xlsx_laporan_reader.h"

#include <map>

#include "interchange/fields.h"
#include "interchange/xlsx_reader.h"

namespace kopsehat {

namespace {

struct SheetColumns {
  uint32_t header_row = 0;
  uint32_t key = 0, value = 0, previous = 0;  // 0: absent
};

// Finds the header row (the one with a "Kunci" cell) and the value columns by their header text.
SheetColumns FindColumns(const XlsxSheet& sheet) {
  SheetColumns c;
  for (const XlsxCell& cell : sheet.cells) {
    if (cell.row > kMaxHeaderSearchRows) break;
    if (cell.type == XlsxCell::Type::kString && AsciiLower(TrimCell(cell.text)) == "kunci") {
      c.header_row = cell.row;
      c.key = cell.col;
      break;
    }
  }
  if (c.key == 0) return c;
  for (const XlsxCell& cell : sheet.cells) {
    if (cell.row != c.header_row || cell.type != XlsxCell::Type::kString) continue;
    const std::string h = AsciiLower(TrimCell(cell.text));
    if (h.find("tahun lalu") != std::string::npos) {
      c.previous = cell.col;
    } else if (h.find("tahun ini") != std::string::npos || h == "nilai" || h.rfind("nilai ", 0) == 0 ||
               h.find("jawaban") != std::string::npos) {
      c.value = cell.col;
    }
  }
  return c;
}

LaporanBuilder::Kind KindOf(const XlsxCell* cell) {
  if (cell == nullptr) return LaporanBuilder::Kind::kEmpty;
  switch (cell->type) {
    case XlsxCell::Type::kNumber:
      return LaporanBuilder::Kind::kNumber;
    case XlsxCell::Type::kBoolean:
      return LaporanBuilder::Kind::kBoolean;
    case XlsxCell::Type::kString:
      return LaporanBuilder::Kind::kText;
    case XlsxCell::Type::kError:
      return LaporanBuilder::Kind::kText;
  }
  return LaporanBuilder::Kind::kEmpty;
}

}  // namespace

bool ReadLaporanXlsx(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems) {
  XlsxWorkbook workbook;
  if (!ReadXlsx(bytes, file_name, XlsxLimits{}, &workbook, problems)) return false;
  return ReadLaporanXlsxWorkbook(workbook, file_name, out, problems);
}

bool ReadLaporanXlsxWorkbook(const XlsxWorkbook& workbook, const std::string& file_name, Laporan* out,
                             Problems* problems) {
  LaporanBuilder builder(out, problems);
  builder.SetDate1904(workbook.date1904);
  const size_t before = problems->size();
  bool any_sheet = false;
  for (const XlsxSheet& sheet : workbook.sheets) {
    const SheetColumns cols = FindColumns(sheet);
    if (cols.key == 0) continue;
    any_sheet = true;
    // Cells of a row, by column (the reader lists them row by row).
    std::map<uint32_t, std::map<uint32_t, const XlsxCell*>> rows;
    for (const XlsxCell& cell : sheet.cells) {
      if (cell.row > cols.header_row) rows[cell.row][cell.col] = &cell;
    }
    for (const auto& row_entry : rows) {
      // Named copies: clang 14 cannot capture structured bindings in the lambdas below.
      const uint32_t row = row_entry.first;
      const std::map<uint32_t, const XlsxCell*>& cells = row_entry.second;
      auto key_it = cells.find(cols.key);
      if (key_it == cells.end() || key_it->second->type != XlsxCell::Type::kString) continue;
      const std::string key(TrimCell(key_it->second->text));
      if (key.empty()) continue;
      auto value_of = [&](uint32_t col) -> const XlsxCell* {
        if (col == 0) return nullptr;
        auto it = cells.find(col);
        return it == cells.end() ? nullptr : it->second;
      };
      auto set = [&](const std::string& k, uint32_t col) {
        const XlsxCell* cell = value_of(col);
        const Place place{&sheet.name, row, col};
        if (cell != nullptr && cell->type == XlsxCell::Type::kError) {
          problems->Add(place.Text() + " (" + k + ")", "sel_galat", "sel berisi galat " + cell->text + "; perbaiki rumusnya",
                        "the cell holds the error " + cell->text + "; fix its formula");
          return;
        }
        builder.Set(k, KindOf(cell), cell != nullptr ? std::string_view(cell->text) : std::string_view(), place);
      };
      if (cols.value != 0) set(key, cols.value);
      if (cols.previous != 0 && FindLine(key) >= 0) set("periode_lalu." + key, cols.previous);
    }
  }
  if (!any_sheet) {
    problems->Add(file_name, "bukan_template",
                  "tidak ada lembar dengan kolom 'Kunci'; isi template dari 'kopsehat template --out laporan.xlsx'",
                  "no sheet has a 'Kunci' column; fill the template from 'kopsehat template --out laporan.xlsx'");
    return false;
  }
  return builder.Finish() && problems->size() == before;
}

}  // namespace kopsehat
