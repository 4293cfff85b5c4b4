// interchange/template_writer.h — the laporan template a treasurer fills, in two forms: an XLSX workbook (sheets
// Petunjuk, Identitas, Neraca, Hasil Usaha, Pinjaman, PEARLS and Kegiatan when needed, Manajemen; balance checks as
// live formulas) and a CSV of `kunci;nilai;keterangan` rows; empty, or filled from a Laporan (kopsehat convert).
// Both read back exactly through xlsx_laporan_reader.h and csv_reader.h. Format: docs/formats.md.
// Depends on laporan/, rules/ (checklist items, the lines a method reads), libxlsxwriter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/problems.h"
#include "core/status.h"
#include "laporan/laporan.h"
#include "rules/rulebook.h"

namespace kopsehat {

struct TemplateOptions {
  const Rulebook* rulebook = nullptr;  // its checklist items fill the Manajemen sheet
  const Laporan* prefill = nullptr;    // values to fill in (kopsehat convert --to xlsx|csv); null for an empty one
  long long created_epoch = 0;         // workbook creation time (SOURCE_DATE_EPOCH) for byte-identical output
  // The PEARLS lines and settings (a PEARLS sheet, or rows in the CSV) for credit unions; also written whenever
  // the prefilled laporan has a pearls block.
  bool pearls = false;
  std::string metode;  // the method to prefill when the laporan names none; empty: none (the period's method)
};

// Writes the XLSX template to `path`; not ok when the file cannot be written.
Status WriteTemplateXlsx(const std::string& path, const TemplateOptions& options);

// The rows of the template in order, each a laporan key with its prefilled value (CSV form: "1250000,50", "Ya")
// and its Indonesian label. The CSV template and the web form are both made from these.
struct TemplateRow {
  std::string key;    // "koperasi.nama", "neraca.kas", "periode_lalu.neraca.kas", "manajemen.umum[3]"
  std::string value;  // "" when not prefilled
  std::string label;
  bool raw = false;  // an amount or answer, written to CSV without quoting
};
std::vector<TemplateRow> TemplateRows(const TemplateOptions& options);

// The name of an identity or setting field of the template ("koperasi.nama", "periode.akhir", "pearls.bulan"), as
// the template labels it and messages name it: "Nama koperasi" / "Cooperative name"; with its filling hint, as the
// template's row reads: "Nama koperasi (WAJIB)". "" for any other key.
std::string IdentityFieldLabel(std::string_view key, Lang lang, bool with_hint = false);

// The CSV template as text (separator ';', decimal comma in examples).
std::string TemplateCsv(const TemplateOptions& options);

}  // namespace kopsehat
