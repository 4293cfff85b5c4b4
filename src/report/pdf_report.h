// report/pdf_report.h — the signed assessment report as an A4 PDF drawn with Cairo, fonts (DejaVu Sans) embedded:
// identity, period and method; the predikat and total prominently; per-aspect tables of components (formula,
// numerator, denominator, ratio, band, nilai, bobot, skor); the checklist with its answers; the radar and
// loss-bar charts; warnings and the method's confidence notes; a signature block (penilai, ketua, pengawas) with place
// and date fields. Byte-identical output for the same input when a creation time is given.
// Depends on assess/, report/chart.h, report/text_report.h, Cairo.
#pragma once

#include <string>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "core/status.h"
#include "report/stamp.h"

namespace kopsehat {

struct PdfOptions {
  Lang lang = Lang::kId;
  long long created_epoch = 0;  // PDF creation date (SOURCE_DATE_EPOCH); 0: the Unix epoch, never "now"
  // Draft or final, corrections, verification code (stamp.h); null: a draft with nothing else (the CLI). Every
  // page carries the status line (and a draft a "DRAF" watermark) and, with a code, the code and its QR code.
  const ReportStamp* stamp = nullptr;
};

// Renders the report into *out (PDF bytes). Not ok, with *out empty, when the assessment is incomplete or Cairo
// fails.
Status RenderPdfReport(const Assessment& a, const PdfOptions& options, std::string* out);
// The same, written to `path` (created or truncated).
Status WritePdfReport(const Assessment& a, const PdfOptions& options, const std::string& path);

// The goal-method report (PEARLS): summary, per group a table of indicators (value, goal, verdict with the
// distance, last year), the formulas with their amounts, adaptations, warnings, source and signatures.
Status RenderGoalPdfReport(const GoalAssessment& a, const PdfOptions& options, std::string* out);
Status WriteGoalPdfReport(const GoalAssessment& a, const PdfOptions& options, const std::string& path);

}  // namespace kopsehat
