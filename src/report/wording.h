// report/wording.h — how every renderer (text, PDF, charts) words numbers and explanations for people, so the
// printed report, the PDF and the web page say the same thing in the same way. Depends on assess/, core/.
#pragma once

#include <string>

#include "assess/assessment.h"

namespace kopsehat {

// units / 10^scale with Indonesian ("1.250.000,5") or English ("1,250,000.5") separators.
std::string FormatNumber(i128 units, int scale, int min_decimals, Lang lang);
// A score in micro-points with two decimals ("89,80"); a nilai in hundredths without trailing zeros ("75").
std::string FormatPoints(int64_t e6, Lang lang);
std::string FormatNilai(int64_t e2, Lang lang);
// The points a component loses, as printed: exact for a weighted method; for persentase_skor its share of the final
// score rounded to two decimals.
std::string FormatLoss(const ComponentResult& r, Lang lang);
// An exact percentage rounded half up to two decimals, with " %".
std::string FormatPercent(const Fraction& f, Lang lang);
// A quantity's name as an operand of "/": parenthesised when it is itself a sum ("(Beban usaha + ...)").
std::string OperandName(const std::string& name);
// "nilai naik ke 100 bila rasio naik menjadi ≥ 40,00 % (selisih 7,75 poin persen)".
std::string NextStepText(const ComponentResult& r, Lang lang);

}  // namespace kopsehat
