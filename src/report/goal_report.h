// report/goal_report.h — a GoalAssessment (PEARLS) for people (text) and machines (JSON, format
// kopsehat/hasil-sasaran-v1, docs/formats.md). Every indicator shows its formula with the amounts, the value, the
// goal, met or not and by how much, and last year's value where the laporan has it. Deterministic.
// Depends on assess/goals.h.
#pragma once

#include <string>

#include "assess/goals.h"

namespace kopsehat {

std::string RenderGoalTextReport(const GoalAssessment& a, Lang lang);

// One JSON object on one line (no trailing newline).
void AppendGoalJson(const GoalAssessment& a, Lang lang, std::string* out);

// The value in words: "125,00 %" for ratios and growth, "Rp 0" for amounts, "—" when there is none.
std::string GoalValueText(const IndicatorResult& r, const Fraction& value, Lang lang);

// "perlu naik 15,00 poin (ke 35,00 %)" / "needs to rise 15.00 points (to 35.00 %)"; empty when met.
std::string GoalGapText(const IndicatorResult& r, Lang lang);

// tinggi / sedang / rendah, or high / medium / low in English.
std::string GoalConfidenceText(const std::string& confidence, Lang lang);

// An amount of formula `f` in words: "Rp 1.250.000", or a plain number when `f` counts people (members).
std::string GoalAmountText(const LinearForm& f, const Fraction& sen, Lang lang);

}  // namespace kopsehat
