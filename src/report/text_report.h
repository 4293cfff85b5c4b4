// report/text_report.h — an Assessment as a plain-text report for people, Indonesian by default (English on
// request): every component with its formula, inputs, ratio, band, nilai, bobot and skor; aspect subtotals; total;
// predikat; the components that lose the most points and how far each is from its next band; warnings.
// Depends on assess/.
#pragma once

#include <string>

#include "assess/assessment.h"
#include "report/stamp.h"

namespace kopsehat {

// `stamp`: draft or final, corrections, verification code (stamp.h); null: a draft (the CLI). The status is the
// third line, before any figure.
std::string RenderTextReport(const Assessment& a, Lang lang, const ReportStamp* stamp = nullptr);

// "31 Desember 2021" / "31 December 2021" from an ISO date; the input unchanged when it is not one.
std::string FormatDateLong(const std::string& iso, Lang lang);

// The interval in words: "x < 10", "10 ≤ x ≤ 15", "x > 20", "x = 0" (Indonesian decimals with a comma).
std::string IntervalText(const Interval& iv, Lang lang);

}  // namespace kopsehat
