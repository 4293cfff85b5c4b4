// assess/goals.h — the result of assessing one Laporan with a goal method (rules/goal_rulebook.h, e.g. PEARLS):
// every indicator's exact value, its goal, met / not met / no numeric goal / not assessable and why, the distance
// to the goal, and the value a year earlier where the laporan allows it. Pure: no I/O, no clock, no globals.
// Depends on core/, laporan/, rules/, assess/assessment.h (Warning).
#pragma once

#include <string>
#include <vector>

#include "assess/assessment.h"
#include "core/fraction.h"
#include "core/problems.h"
#include "laporan/laporan.h"
#include "rules/goal_rulebook.h"

namespace kopsehat {

enum class GoalStatus {
  kMet,
  kNotMet,
  kNoTarget,       // minimise, or no numeric goal: reported, not counted either way
  kNotAssessable,  // an input is missing (periode_lalu, a rate) or the denominator is zero with no rule
};

// "memenuhi", "tidak_memenuhi", "tanpa_sasaran", "tidak_dapat_dinilai" (its words: report/explain.h, GoalStatusLabel).
const char* GoalStatusCode(GoalStatus s);

// Why an indicator is not assessable, or what decided its goal without a value: a code with its arguments, worded by
// report/explain (GoalReasonText). Empty code: no reason. The codes and their arguments:
//   belum_memenuhi {indicator}, sudah_memenuhi {indicator}, tidak_dapat_dinilai {indicator}   another indicator's verdict
//   perlu_periode_lalu {the missing keys}                  an average or growth rate lacks last year's lines
//   dasar_pertumbuhan_negatif {}, penyebut_negatif {}      (the denominator is named by the indicator's rulebook entry)
//   penyebut_nol {}                                        the rulebook's penyebut_nol_pesan, or a generic sentence
//   pembanding_tanpa_nilai {indicator}                     an indicator compared with has no value
//   suku_bunga_lalu_tidak_ada {}                           last year's rates are not in a laporan
//   belum_diisi {key}                                      a rate the goal needs is not given
//   pasangan_tidak_dapat_dinilai {paired, reference}, pasangan_di_bawah {paired, reference},
//   pasangan_di_atas {paired, reference}                   a "menuju" goal: the paired ratio and the growth compared
struct GoalReason {
  std::string code;
  std::vector<std::string> args;
};

struct IndicatorResult {
  const Indicator* spec = nullptr;
  bool has_value = false;
  Fraction value;  // percent (ratios, growth) or sen (amounts), exact
  Fraction numerator_sen;
  Fraction denominator_sen;
  bool zero_denominator = false;
  bool negative_denominator = false;  // no value: a ratio over a negative amount has no meaning (reason says which)
  bool used_variant = false;   // the BKCU conditional numerator applied
  bool annualised = false;     // the value was scaled by 12 / bulan (bulan < 12)
  bool missing_previous = false;  // periode_lalu lacks what the formulas read (reason says what)
  GoalStatus status = GoalStatus::kNotAssessable;
  GoalReason reason;  // why not assessable, or what a zero denominator means
  // Distance to the goal when not met, from the first failing comparison: `gap` points (or sen) in `direction`
  // (+1 the value must rise, −1 fall), towards `target`. Both print in every report (FitsDisplay): exact, or floored
  // at 12 decimals when the exact fraction is too long (SumForDisplay), which rounds to the same digits.
  bool has_gap = false;
  int direction = 0;
  bool strict = false;  // the failing comparison was > or <: the value must pass the target, not just reach it
  Fraction gap;
  Fraction target;
  // The same indicator on periode_lalu, from last year's lines alone (stock ratios and amounts: averages and growth
  // would need the year before), with the same rules: zero or negative denominator, unknown lines, and the variant
  // numerator when its conditions held last year. Independent of whether this year's value exists.
  bool has_previous_value = false;
  bool previous_used_variant = false;
  Fraction previous_value;
};

struct GoalSummary {
  int total = 0;
  int met = 0;
  int not_met = 0;
  int no_target = 0;
  int not_assessable = 0;
};

struct GoalAssessment {
  const GoalRulebook* rulebook = nullptr;
  CooperativeIdentity cooperative;
  std::string periode_akhir;
  int bulan = 12;
  std::vector<Fraction> quantities_sen;  // parallel to rulebook->quantities, current period
  std::vector<IndicatorResult> indicators;  // parallel to rulebook->indicators
  GoalSummary summary;
  std::vector<Warning> warnings;
};

// Assesses `laporan` (already validated) with `rulebook`. A missing required block (pearls) is a problem and the
// result is false; everything else missing makes single indicators "not assessable", with the reason.
bool EvaluateGoals(const Laporan& laporan, const GoalRulebook& rulebook, GoalAssessment* out, Problems* problems);

}  // namespace kopsehat
