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

namespace kopsehat {

struct PdfOptions {
  Lang lang = Lang::kId;
  long long created_epoch = 0;  // PDF creation date (SOURCE_DATE_EPOCH); 0: the Unix epoch, never "now"
};

// Writes the report to `path`. False with the reason (Indonesian, English) when the file cannot be written.
bool WritePdfReport(const Assessment& a, const PdfOptions& options, const std::string& path, std::string* error_id,
                    std::string* error_en);

// The goal-method report (PEARLS): summary, per group a table of indicators (value, goal, verdict with the
// distance, last year), the formulas with their amounts, adaptations, warnings, source and signatures.
bool WriteGoalPdfReport(const GoalAssessment& a, const PdfOptions& options, const std::string& path,
                        std::string* error_id, std::string* error_en);

}  // namespace kopsehat
