// interchange/spreadsheet.h — laporan files people keep in spreadsheets: the CSV form (`kunci;nilai` rows) and the
// XLSX template (sheets Identitas, Neraca, Hasil Usaha, Pinjaman, Manajemen), read back exactly, every problem
// naming its cell or line. Also writes both templates, optionally filled from a Laporan. Format: docs/formats.md.
// Depends on interchange/fields.h, interchange/xlsx_reader.h, rules/ (checklist items), libxlsxwriter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/problems.h"
#include "laporan/laporan.h"
#include "rules/rulebook.h"

namespace kopsehat {

inline constexpr size_t kMaxCsvBytes = 1 << 20;
inline constexpr size_t kMaxCsvRows = 5000;
inline constexpr size_t kMaxHeaderSearchRows = 20;  // the "Kunci" header must be within the first rows of a sheet

// `key;value` or `key,value` rows (the separator is the one the first row uses), UTF-8 with or without BOM,
// RFC 4180 quotes, '#' comments, an optional header row `kunci;nilai[;keterangan]`. Problems: "baris 14 (neraca.kas)".
bool ReadLaporanCsv(std::string_view text, Laporan* out, Problems* problems);

// Batch CSV (one cooperative per row): the header row holds the keys, each later row one laporan. Used by
// `kopsehat batch FILE.csv`, where a Dinas keeps its whole region in one sheet. Records must not span lines.
class CsvBatch {
 public:
  // Reads the header row ("neraca.kas;neraca.bank;..."). False with problems when it is not one.
  bool ReadHeader(std::string_view line, size_t line_no, Problems* problems);
  bool has_header() const { return !keys_.empty(); }
  // One row → one laporan; problems say "baris 14, kolom 5 (neraca.kas)".
  bool ReadRow(std::string_view line, size_t line_no, Laporan* out, Problems* problems) const;

 private:
  char sep_ = ';';
  std::vector<std::string> keys_;
};

// The header row of a batch CSV with every key (and the method's checklist items), separator ';'. The pearls
// lines and settings are included only with `pearls` (a template for a goal method).
std::string BatchCsvHeader(const Rulebook* rulebook, bool pearls = false);

// A workbook in the layout of the template: every sheet with a "Kunci" column is read; its value columns are found
// by their headers ("Tahun ini"/"Nilai", "Tahun lalu", "Jawaban"). Problems: "Neraca!B14 (neraca.kas)".
bool ReadLaporanXlsx(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems);

// Reads a laporan file of any supported kind, chosen by its content and name: JSON, XLSX or CSV.
bool ReadLaporanAny(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems);

// True when the file is a workbook or CSV (by its first bytes, then its name), not JSON.
bool IsSpreadsheetFile(std::string_view bytes, const std::string& file_name);

inline constexpr size_t kMaxAnyLaporanBytes = 20u << 20;  // the largest laporan file of any kind (an XLSX)

struct TemplateOptions {
  const Rulebook* rulebook = nullptr;  // its checklist items fill the Manajemen sheet
  const Laporan* prefill = nullptr;    // values to fill in (kopsehat convert --to xlsx|csv); null for an empty one
  long long created_epoch = 0;         // workbook creation time (SOURCE_DATE_EPOCH) for byte-identical output
  // The PEARLS lines and settings (a PEARLS sheet, or rows in the CSV) for credit unions; also written whenever
  // the prefilled laporan has a pearls block.
  bool pearls = false;
  std::string metode;  // the method to prefill when the laporan names none; empty: the rulebook's id
};

// Writes the XLSX template to `path`. False with a message (Indonesian, English) when the file cannot be written.
bool WriteTemplateXlsx(const std::string& path, const TemplateOptions& options, std::string* error_id,
                       std::string* error_en);

// The rows of the template in order, each a laporan key with its prefilled value (CSV form: "1250000,50", "Ya")
// and its Indonesian label. The CSV template and the web form are both made from these.
struct TemplateRow {
  std::string key;    // "koperasi.nama", "neraca.kas", "periode_lalu.neraca.kas", "manajemen.umum[3]"
  std::string value;  // "" when not prefilled
  std::string label;
  bool raw = false;  // an amount or answer, written to CSV without quoting
};
std::vector<TemplateRow> TemplateRows(const TemplateOptions& options);

// The CSV template as text (separator ';', decimal comma in examples).
std::string TemplateCsv(const TemplateOptions& options);

// The laporan as kopsehat/laporan-v1 JSON (kopsehat convert --to json): keys in the order of the spec, amounts
// as exact decimal strings when they have sen, integers otherwise.
std::string LaporanToJson(const Laporan& laporan);

}  // namespace kopsehat
