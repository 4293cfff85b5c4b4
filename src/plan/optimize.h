// plan/optimize.h — the cheapest set of actions (by weighted rupiah) that reaches a target score, as a mixed-integer
// linear program solved by GLPK: a binary per band of every ratio component the actions can move, band membership
// written linearly as numerator − t·denominator ≥ 0 (big-M, each row scaled to its own bound), the action amounts
// continuous within their bounds. The solver works in doubles; its plan is therefore rounded up to the rupiah,
// applied to the laporan and assessed again by the exact engine, and only a plan that verifies is returned.
// Depends on assess/, plan/actions.h, plan/sensitivity.h (slopes), GLPK.
#pragma once

#include <string>
#include <vector>

#include "assess/assessment.h"
#include "plan/actions.h"

namespace kopsehat {

// A component whose nilai a step raises by itself (the step alone applied to the laporan and assessed).
struct ComponentLift {
  size_t component = 0;  // index into Assessment::components
  int64_t from_nilai_e2 = 0;
  int64_t to_nilai_e2 = 0;
};

struct PlanStep {
  const Action* action = nullptr;
  Sen amount_sen = 0;  // whole rupiah
  // What this step lifts on its own, in component order; empty when it helps only together with the other steps
  // (lending out the cash a collection brings in, so the cash ratio stays in its band).
  std::vector<ComponentLift> lifts_alone;
};

struct Plan {
  enum class Status { kVerified, kAlreadyThere, kUnreachable, kNotVerified, kSolverFailed };
  Status status = Status::kUnreachable;
  std::vector<PlanStep> steps;
  Assessment result;                 // the laporan after the steps, assessed by the engine
  i128 weighted_cost = 0;            // Σ amount × cost weight (sen × 10^-6)
  int64_t reachable_max_e6 = -1;     // when unreachable: the highest total these actions can give (solver's view)
  std::vector<size_t> stuck;         // components that lose points and no action can move (when unreachable)
  std::vector<size_t> not_modelled;  // components the actions move but the model holds fixed (linear rules,
                                     // negative denominators): a plan may exist that the solver cannot see
};

// `target_e6`: the total to reach (e.g. 80 000 000 for SEHAT). `allowed`: action ids to use (empty: all).
Plan MakePlan(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options, const Assessment& base,
              const ActionBook& actions, int64_t target_e6, const std::vector<std::string>& allowed);

}  // namespace kopsehat
