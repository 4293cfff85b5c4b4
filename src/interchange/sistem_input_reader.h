// interchange/sistem_input_reader.h — the examiner's own input workbook for the 2021 health examination, "Sistem
// Input Kertas Kerja Pemeriksaan Kesehatan KSP KUK I dan II": its Input sheet (checklist answers in rows 6–171, this
// year in column D and last year in column E of rows 175–284, problem loans and collateral in rows 285–290) read into
// a Laporan with metode kkpkk-2021, and its cached results (TK, PR, K, P, OP sheets) into a SistemInputCache.
// Rows are read by position, and each row's label (column C) is checked, so a workbook of another layout is refused
// rather than misread. Problems name the cell: "Input!D182 (neraca.pinjaman_anggota): ...". Format:
// docs/formats.md ("Lembar kerja Sistem Input pemeriksa"). Depends on interchange/xlsx_reader.h (the cells) and
// interchange/fields.h (LaporanBuilder: the same validation as every other reader).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"
#include "interchange/xlsx_reader.h"
#include "laporan/laporan.h"
#include "laporan/lembar_kerja.h"

namespace kopsehat {

inline constexpr const char* kSistemInputMetode = "kkpkk-2021";  // the method the workbook scores by
inline constexpr uint32_t kSistemInputHeaderRows = 5;  // identity cells ("Nama koperasi", "Periode") are searched here

// True when the workbook has the sheets of the examiner's Sistem Input workbook (Input, BS, PHU, ATMR, NPL, TK, PR,
// K, P, OP): at least six of the ten. Our own template (Identitas, Neraca, …) and arbitrary workbooks have none.
bool IsSistemInputWorkbook(const XlsxWorkbook& workbook);

// Reads the Input sheet into *out (metode kkpkk-2021) and, when `cache` is given, the cached results. The workbook
// carries no cooperative name, period or KUK of its own: an "Nama koperasi", "Periode" (or "Tanggal"), "KUK" or
// "Jumlah anggota" label in the first kSistemInputHeaderRows rows of Input, with its value further right on the
// same row, supplies them; without a name the file name stands in, without a period the laporan is refused (the
// problem says where to write it). Amounts with fractions of a sen (the workbook computes with doubles) are rounded
// half up to the sen and counted in the cache. False with every problem when the laporan is not usable.
bool ReadSistemInput(const XlsxWorkbook& workbook, const std::string& file_name, Laporan* out, SistemInputCache* cache,
                     Problems* problems);

// The label of every amount row the reader reads (Input rows 175–290, column C), as the workbook writes it: the
// layout in one place, for the test fixtures that generate such workbooks.
std::vector<std::pair<uint32_t, std::string>> SistemInputRowLabels();

// The cached results alone, from the file's bytes: false (and nothing said) when the file is not a Sistem Input
// workbook or cannot be read. For `kopsehat assess`, which reads the laporan through laporan_reader.h.
bool ReadSistemInputCache(std::string_view bytes, const std::string& file_name, SistemInputCache* cache);

}  // namespace kopsehat
