// interchange/xlsx_reader.h — a focused reader of XLSX workbooks (Office Open XML spreadsheets): the cells of every
// sheet with their stored text, nothing more than a laporan needs. There is no Debian C++ XLSX reader; this one
// stands on libzip (the container) and expat (streaming XML), with a named limit on everything a hostile file could
// inflate. It reads: the workbook's sheet list and relationships, shared strings (plain and rich-text runs), inline
// strings, numbers (the stored text, never through a double), booleans, errors, cached formula results, and cell
// references. It does not evaluate formulas, read styles, or read charts.
// Depends on core/problems.h, libzip, expat.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"

namespace kopsehat {

struct XlsxCell {
  enum class Type : uint8_t { kNumber, kString, kBoolean, kError };
  uint32_t row = 0;  // 1-based
  uint32_t col = 0;  // 1-based (A = 1)
  Type type = Type::kString;
  // kNumber: the text of <v> exactly as stored ("1250000.5", "1.5E-3"); kString: the text (shared or inline);
  // kBoolean: "1" or "0"; kError: the error text ("#DIV/0!").
  std::string text;
  bool from_formula = false;  // the value is a formula's cached result
};

struct XlsxSheet {
  std::string name;             // as shown on the tab
  std::vector<XlsxCell> cells;  // in document order (row by row); empty cells are not listed
  // Formula cells that carry no cached result (a workbook saved by a program that does not calculate): not in
  // `cells`, listed here (row, column) so a reader can say the cell needs recalculating rather than call it empty.
  // Bounded by XlsxLimits::max_cells like the cells.
  std::vector<std::pair<uint32_t, uint32_t>> uncached_formulas;
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in workbook order
  bool date1904 = false;          // date cells count days from 1904-01-01 (old Mac Excel), not from 1900

  const XlsxSheet* FindSheet(std::string_view name) const;  // exact name, then case-insensitive ASCII
};

// Every limit has a name and a clear message when exceeded (a zip bomb or a 1 GB sheet must not take the machine
// down). Defaults are generous for a laporan template (a few KB) and a multi-sheet workbook.
struct XlsxLimits {
  size_t max_file_bytes = 20u << 20;           // the .xlsx file itself
  size_t max_entries = 2000;                   // files inside the zip
  size_t max_part_bytes = 50u << 20;           // one uncompressed part (a sheet, the shared strings)
  size_t max_total_uncompressed = 200u << 20;  // all parts read, together
  size_t max_xml_depth = 64;                   // element nesting
  uint32_t max_rows = 100000;                  // row number of any cell
  uint32_t max_cols = 200;                     // column number of any cell
  size_t max_cells = 1000000;                  // cells across the workbook
  size_t max_shared_strings = 200000;
  size_t max_text_bytes = 32767;               // one cell's text (Excel's own limit)
  size_t max_sheets = 255;
};

// Reads `bytes` (the whole file). `file_name` names the file in messages. On failure returns false with one or
// more problems whose path is the file name (or "file!B14" for a problem in a cell), in Indonesian and English.
// Wrong file types get a message saying what to do: a legacy .xls, an encrypted (password-protected) workbook, a PDF,
// an OpenDocument .ods, a Word .docx, a plain-text/CSV file named .xlsx, a damaged zip.
// Problem codes: bukan_xlsx, xls_lama, terenkripsi, bukan_lembar_kerja, zip_rusak, xml_rusak, melebihi_batas.
bool ReadXlsx(std::string_view bytes, const std::string& file_name, const XlsxLimits& limits, XlsxWorkbook* out,
              Problems* problems);

// "B14" from row 14, column 2; "AA3" from row 3, column 27.
std::string CellRef(uint32_t row, uint32_t col);

// Parses "B14" (also "$B$14") into row/column; false when it is not a cell reference within 16384 columns and
// 1048576 rows.
bool ParseCellRef(std::string_view ref, uint32_t* row, uint32_t* col);

}  // namespace kopsehat
