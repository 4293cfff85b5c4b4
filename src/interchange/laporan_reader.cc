// interchange/laporan_reader.cc — see laporan_reader.h.
#include "interchange/laporan_reader.h"

#include "interchange/csv_reader.h"
#include "interchange/fields.h"
#include "interchange/json_reader.h"
#include "interchange/sistem_input_reader.h"
#include "interchange/xlsx_laporan_reader.h"

namespace kopsehat {

bool IsSpreadsheetFile(std::string_view bytes, const std::string& file_name) {
  const std::string lower = AsciiLower(file_name);
  auto ends_with = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // Content first: a zip or an OLE2 file is a workbook whatever its name (the XLSX reader then says what it is).
  const bool zip = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  const bool ole2 = bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  return zip || ole2 || ends_with(".xlsx") || ends_with(".xlsm") || ends_with(".xls") || ends_with(".csv") ||
         ends_with(".txt");
}

bool ReadLaporanAny(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems) {
  if (!IsSpreadsheetFile(bytes, file_name)) {
    LaporanJsonReader reader;
    return reader.Read(bytes, out, problems);
  }
  const std::string lower = AsciiLower(file_name);
  const bool text_name = lower.size() >= 4 && (lower.compare(lower.size() - 4, 4, ".csv") == 0 ||
                                               lower.compare(lower.size() - 4, 4, ".txt") == 0);
  const bool binary = bytes.substr(0, 2) == "PK" || bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4);
  if (text_name && !binary) return ReadLaporanCsv(bytes, out, problems);
  XlsxWorkbook workbook;
  if (!ReadXlsx(bytes, file_name, XlsxLimits{}, &workbook, problems)) return false;
  // The examiner's own workbook is told apart by its sheets; everything else is read as our template.
  if (IsSistemInputWorkbook(workbook)) return ReadSistemInput(workbook, file_name, out, nullptr, problems);
  return ReadLaporanXlsxWorkbook(workbook, file_name, out, problems);
}

}  // namespace kopsehat
