// report/lembar_kerja_report.h — the examiner's Sistem Input workbook (laporan/lembar_kerja.h) against our
// Assessment of the same figures: each nilai, aspect percentage, final score or predikat that differs, with the
// workbook's value, ours, and the cause when one of the workbook's known formula errors explains it (its cell
// named), else "sebab tidak diketahui". Rendered as the text section "PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA" and
// the JSON member `lembar_kerja_pemeriksa` (docs/formats.md). Depends on assess/ and laporan/.
#pragma once

#include <string>
#include <vector>

#include "assess/assessment.h"
#include "core/problems.h"
#include "laporan/laporan.h"
#include "laporan/lembar_kerja.h"
#include "rules/rulebook.h"

namespace kopsehat {

struct LembarKerjaDifference {
  std::string id;    // component id, aspect id, "total" or "predikat"
  std::string cell;  // the workbook's cell: "K!D51"
  Label name;        // the indicator's or aspect's name
  // Values as shown: a nilai "3", a percentage with two decimals in machine form "84.72", a predikat "SEHAT".
  std::string workbook;
  std::string ours;
  bool is_percent = false;
  std::vector<std::string> causes;  // codes of the workbook's known errors (KnownLembarKerjaErrors); empty: unknown
};

struct LembarKerjaComparison {
  int compared = 0;                 // cached values compared (nilai, percentages, predikat)
  std::vector<std::string> unread;  // result cells without a usable cached value ("K!D51")
  std::vector<LembarKerjaDifference> differences;
};

// A formula error of the workbook that can make its result differ from ours, and the cell where it sits.
struct LembarKerjaError {
  const char* code;  // "modal_penyertaan_tahun_lalu"
  const char* cells;  // "BS!I35"
  Label text;
};
const std::vector<LembarKerjaError>& KnownLembarKerjaErrors();

// Compares the cached results with `a`, the assessment of `laporan` (read from the same workbook) by kkpkk-2021
// (another method's results are not comparable; the caller does not ask).
// Percentages are compared at two decimals, rounded half up on both sides.
LembarKerjaComparison CompareWithLembarKerja(const SistemInputCache& cache, const Laporan& laporan, const Assessment& a);

// The text section, ending with a blank line.
std::string RenderLembarKerjaText(const LembarKerjaComparison& c, const SistemInputCache& cache, Lang lang);

// The JSON object of member `lembar_kerja_pemeriksa`.
void AppendLembarKerjaJson(const LembarKerjaComparison& c, const SistemInputCache& cache, Lang lang, std::string* out);

}  // namespace kopsehat
