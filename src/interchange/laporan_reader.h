// interchange/laporan_reader.h — a laporan file of any supported kind, told apart by its first bytes and then its
// name, and handed to its reader: JSON (json_reader.h), XLSX (xlsx_laporan_reader.h; the examiner's Sistem Input
// workbook: sistem_input_reader.h) or CSV (csv_reader.h). Depends on those readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/problems.h"
#include "laporan/laporan.h"

namespace kopsehat {

inline constexpr size_t kMaxAnyLaporanBytes = 20u << 20;  // the largest laporan file of any kind (an XLSX)

// Reads a laporan file of any supported kind, chosen by its content and name: JSON, XLSX (our template, or the
// examiner's Sistem Input workbook, told apart by its sheets) or CSV.
bool ReadLaporanAny(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems);

// True when the file is a workbook or CSV (by its first bytes, then its name), not JSON.
bool IsSpreadsheetFile(std::string_view bytes, const std::string& file_name);

}  // namespace kopsehat
