// interchange/xlsx_laporan_reader.h — a laporan from a workbook in the layout of the template (sheets Identitas,
// Neraca, Hasil Usaha, Pinjaman, Manajemen, …), read exactly, every problem naming its sheet and cell.
// Format: docs/formats.md. Depends on interchange/xlsx_reader.h (the cells), interchange/fields.h (the one
// LaporanBuilder, shared with the CSV reader).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/problems.h"
#include "interchange/xlsx_reader.h"
#include "laporan/laporan.h"

namespace kopsehat {

inline constexpr size_t kMaxHeaderSearchRows = 20;  // the "Kunci" header must be within the first rows of a sheet

// A workbook in the layout of the template: every sheet with a "Kunci" column is read; its value columns are found
// by their headers ("Tahun ini"/"Nilai", "Tahun lalu", "Jawaban"). Problems: "Neraca!B14 (neraca.kas)".
bool ReadLaporanXlsx(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems);

// The same, from a workbook already read (laporan_reader.h reads it once to tell the template from the examiner's
// Sistem Input workbook).
bool ReadLaporanXlsxWorkbook(const XlsxWorkbook& workbook, const std::string& file_name, Laporan* out,
                             Problems* problems);

}  // namespace kopsehat
