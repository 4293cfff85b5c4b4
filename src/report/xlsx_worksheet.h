// report/xlsx_worksheet.h — the assessment as a traceable XLSX worksheet: the inputs on one sheet, and every derived
// quantity, ratio, band lookup, nilai and skor as a live spreadsheet formula referring to them, generated from the
// rulebook, so an auditor can change an input in LibreOffice or Excel and watch the score follow. Each formula also
// carries the engine's exact result as its cached value (LibreOffice does not recalculate on load by default).
// Depends on assess/, laporan/, rules/, libxlsxwriter.
#pragma once

#include <string>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "core/status.h"
#include "laporan/laporan.h"
#include "report/stamp.h"

namespace kopsehat {

struct WorksheetOptions {
  Lang lang = Lang::kId;
  long long created_epoch = 0;  // SOURCE_DATE_EPOCH
  // Draft or final and the verification code (stamp.h); null: a draft (the CLI). Said in cell D1 of Ringkasan and
  // in the printed header and footer of every sheet.
  const ReportStamp* stamp = nullptr;
};

// Sheets: Ringkasan (total and predikat, first so a CSV export shows them), Masukan (inputs), Besaran (quantities),
// Komponen (ratios and bands), Manajemen (checklist). Not ok when the file cannot be written.
Status WriteAssessmentWorksheet(const Laporan& laporan, const Assessment& a, const WorksheetOptions& options,
                                const std::string& path);

// A goal method (PEARLS): Ringkasan (counts of each verdict, following the Status column), Masukan (this year and
// last year of every line, and the settings), Besaran, Indikator (numerator — BKCU's variant switching with the
// verdicts it depends on —, denominator and value as live formulas; the verdict as a formula for comparisons, other
// indicators' verdicts and growth toward a paired ratio's goal; the engine's fixed verdict, marked '*', where the
// indicator has no value or a rate is missing).
Status WriteGoalWorksheet(const Laporan& laporan, const GoalAssessment& a, const WorksheetOptions& options,
                          const std::string& path);

// The same workbooks as bytes in *out (at most kMaxWorksheetBytes), for the web's downloads.
inline constexpr size_t kMaxWorksheetBytes = 64u << 20;
Status RenderAssessmentWorksheet(const Laporan& laporan, const Assessment& a, const WorksheetOptions& options,
                                 std::string* out);
Status RenderGoalWorksheet(const Laporan& laporan, const GoalAssessment& a, const WorksheetOptions& options,
                           std::string* out);

}  // namespace kopsehat
