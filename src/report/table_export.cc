// report/table_export.cc — see table_export.h.
#include "report/table_export.h"

#include <xlsxwriter.h>

#include <ctime>
#include <map>

#include "report/memory_file.h"

namespace kopsehat {

namespace {

void AppendCsvField(const std::string& s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (const char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

// A number format with `decimals` places ("0.00").
std::string NumberFormat(int decimals) {
  std::string f = "0";
  if (decimals > 0) f += "." + std::string(size_t(decimals), '0');
  return f;
}

Status WriteXlsx(const ExportTable& table, long long created_epoch, const std::string& path) {
  lxw_workbook_options wopts{};
  // Rows go out in order and are forgotten: a national table of 130,000 rows stays a few megabytes of memory.
  wopts.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wopts);
  if (wb == nullptr) return Status::CannotCreateFile();
  lxw_doc_properties props{};
  std::string title = table.title;  // the C API takes char*; it does not write through it
  props.title = title.data();
  props.created = time_t(created_epoch);
  workbook_set_properties(wb, &props);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  std::map<int, lxw_format*> number_formats;
  lxw_worksheet* ws = workbook_add_worksheet(wb, title.substr(0, 31).c_str());
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t c = 0; c < table.headings.size(); ++c) {
    worksheet_write_string(ws, 0, lxw_col_t(c), table.headings[c].c_str(), header);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const lxw_row_t row = lxw_row_t(r + 1);
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const TableCell& cell = table.rows[r][c];
      if (cell.number_e6) {
        lxw_format*& f = number_formats[cell.decimals];
        if (f == nullptr) {
          f = workbook_add_format(wb);
          format_set_num_format(f, NumberFormat(cell.decimals).c_str());
        }
        // A spreadsheet number is a binary double by definition; the exact value is the cell's text in the CSV.
        // Values here have at most 6 decimals, so the nearest double shows them exactly at `decimals` places.
        worksheet_write_number(ws, row, lxw_col_t(c), double(*cell.number_e6) / 1e6, f);
      } else if (!cell.text.empty()) {
        worksheet_write_string(ws, row, lxw_col_t(c), cell.text.c_str(), nullptr);
      }
    }
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::CannotWriteFile(lxw_strerror(err));
  return Status();
}

}  // namespace

std::string TableCsv(const ExportTable& table) {
  std::string out = "\xEF\xBB\xBF";
  AppendCsvRow(table.headings, &out);
  std::vector<std::string> fields;
  for (const std::vector<TableCell>& row : table.rows) {
    fields.clear();
    for (const TableCell& cell : row) fields.push_back(cell.text);
    AppendCsvRow(fields, &out);
  }
  return out;
}

Status RenderTableXlsx(const ExportTable& table, long long created_epoch, std::string* out) {
  out->clear();
  MemoryFile file;
  if (!file.status().ok()) return file.status();
  if (Status written = WriteXlsx(table, created_epoch, file.path()); !written.ok()) return written;
  return file.ReadAll(kMaxExportXlsxBytes, out);
}

}  // namespace kopsehat
