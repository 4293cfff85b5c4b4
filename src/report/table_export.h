// report/table_export.h — a table as people saw it on a page (headings, rows of cell texts) written as CSV or XLSX,
// for the dashboards' "download what you see". Cells keep the page's text; a cell that is a number also carries it
// exactly (units × 10^-scale), so the spreadsheet gets a number it can sum and sort, shown with that many decimals.
// Depends on core/ and libxlsxwriter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace kopsehat {

struct TableCell {
  std::string text;                   // as the page shows it ("87,50", "metode berganti: ksp-2016 → kkpkk-2021")
  std::optional<int64_t> number_e6;   // the same value × 10^6 when it is a number (score, change, percentage)
  int decimals = 2;                   // shown in the spreadsheet with this many decimals
};

struct ExportTable {
  std::string title;  // the sheet's name and the workbook's title
  std::vector<std::string> headings;
  std::vector<std::vector<TableCell>> rows;  // each as long as headings
};

// Most rows an export may hold: the national table (≈130,000 cooperatives) with room to grow.
inline constexpr size_t kMaxExportRows = 1'000'000;
inline constexpr size_t kMaxExportXlsxBytes = 128u << 20;

// RFC 4180 CSV (CRLF, every field quoted only when it must be) of the texts, UTF-8 with a byte-order mark so that
// spreadsheet programs in Indonesia open the Rupiah and Bahasa text without garbling it; separator ';' would follow
// the locale, but ',' is what the API's consumers and LibreOffice's import default expect.
std::string TableCsv(const ExportTable& table);

// One sheet: the headings in bold, frozen; text cells as text, number cells as numbers with their decimals. Not ok
// when the workbook cannot be made or exceeds kMaxExportXlsxBytes. `created_epoch` is the document's creation time
// (deterministic output for a fixed value).
Status RenderTableXlsx(const ExportTable& table, long long created_epoch, std::string* out);

}  // namespace kopsehat
