// interchange/csv_reader.h — laporan in CSV, as people keep them in spreadsheets: one laporan as `kunci;nilai` rows,
// or a batch with one cooperative per row under a header row of keys; read exactly, every problem naming its line
// (and column). Also the header row of an empty batch CSV. Format: docs/formats.md.
// Depends on interchange/fields.h (the one LaporanBuilder), rules/ (checklist items for the batch header).
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

}  // namespace kopsehat
