// report/explain.h — the words for what the engine leaves as codes and figures: the warnings of an assessment and of
// a goal assessment, and what the books show for a checklist item answered from the statements. Every renderer
// (text, JSON, PDF, XLSX, web pages) takes its sentences from here, so they say the same thing. Texts a rulebook
// supplies (a component's penyebut_nol pesan, a method's validity note) are taken from the rulebook. Depends on
// assess/, core/, rules/.
#pragma once

#include <string>

#include "assess/assessment.h"
#include "assess/goals.h"

namespace kopsehat {

// The sentence of `w`, one of `a`'s warnings, in `lang` (assess/assessment.h lists the codes and their arguments).
std::string WarningText(const Warning& w, const Assessment& a, Lang lang);
// The same for a warning of a goal assessment.
std::string WarningText(const Warning& w, const GoalAssessment& a, Lang lang);

// Why a goal indicator is not assessable or what decided it (IndicatorResult::reason), in `lang`; empty when the
// indicator has no reason. A rulebook's penyebut_nol_pesan is taken from the indicator.
std::string GoalReasonText(const IndicatorResult& r, Lang lang);

// A goal status in words: "memenuhi sasaran" / "meets the goal", ...
Label GoalStatusLabel(GoalStatus s);
// "31 dari 44 indikator memenuhi sasaran (8 tidak memenuhi, 3 tanpa sasaran angka, 2 tidak dapat dinilai)".
Label GoalSummaryLine(const GoalSummary& s);

// What the books show, in words: "Modal sendiri tumbuh 25,93 %, Total aset tumbuh 12,53 %".
std::string ExplainDerived(const DerivedAnswer& d, Lang lang);

}  // namespace kopsehat
