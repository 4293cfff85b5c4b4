// report/text_report.h — an Assessment as a plain-text report for people, Indonesian by default (English on
// request): every component with its formula, inputs, ratio, band, nilai, bobot and skor; aspect subtotals; total;
// predikat; the components that lose the most points and how far each is from its next band; warnings.
// Depends on assess/.
#pragma once

#include <string>

#include "assess/assessment.h"

namespace kopsehat {

std::string RenderTextReport(const Assessment& a, Lang lang);

// "31 Desember 2021" / "31 December 2021" from an ISO date; the input unchanged when it is not one.
std::string FormatDateLong(const std::string& iso, Lang lang);

// The interval in words: "x < 10", "10 ≤ x ≤ 15", "x > 20", "x = 0" (Indonesian decimals with a comma).
std::string IntervalText(const Interval& iv, Lang lang);

}  // namespace kopsehat
