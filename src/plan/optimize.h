// plan/optimize.h — the cheapest set of actions (by weighted rupiah) that reaches a target score, as a mixed-integer
// linear program solved by GLPK: a binary per band of every ratio component the actions can move, band membership
// written linearly as numerator − t·denominator ≥ 0 (big-M, each row scaled to its own bound), the action amounts
// continuous within their bounds. The solver works in doubles; its plan is therefore rounded up to the rupiah,
// applied to the laporan and assessed again by the exact engine, and only a plan that verifies is returned.
// Realistic limits (plan/limits.h) cap each action's column and add one row per floor; the verification checks
// them again exactly. When the target is out of reach within the limits, the best reachable plan is made and every
// limit is relaxed in turn (re-solved and verified) to name the ones that stop the plan.
// Checklist items are actions too (plan/effort.h): one binary column per "Tidak" item work can change, costing its
// person-days; a persentase_skor method (KKPKK) bands the share of items met like a ratio, a weighted method adds
// points per "Ya". The total is linear in every component's nilai for both kinds of method (KKPKK pools the skor of
// an aspect's components and weighs the aspect: each component's share of the total is fixed), so one program
// serves both; the exact engine decides, as always, whether the plan reaches the target.
// Depends on assess/, plan/actions.h, plan/effort.h, plan/limits.h, GLPK.
#pragma once

#include <string>
#include <vector>

#include "assess/assessment.h"
#include "plan/actions.h"
#include "plan/effort.h"
#include "plan/limits.h"

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
  Sen cap_sen = -1;    // its share limit on the laporan before the plan (whole rupiah); -1 when it has none
  // What this step lifts on its own, in component order; empty when it helps only together with the other steps
  // (lending out the cash a collection brings in, so the cash ratio stays in its band).
  std::vector<ComponentLift> lifts_alone;
};

// Items of one checklist the plan turns from "Tidak" to "Ya" (plan/effort.h).
struct ChecklistStep {
  size_t component = 0;  // index into Assessment::components
  const ChecklistEffort* effort = nullptr;
  std::vector<int> items;    // 0-based, ascending
  int64_t person_days = 0;   // items × effort->person_days
  int64_t from_nilai_e2 = 0;  // the component's nilai before the plan
  int64_t to_nilai_e2 = 0;    // and with these items alone
};

// How one aspect stands (persentase_skor methods: its contribution to the total, out of its bobot).
struct AspectOutlook {
  size_t aspect = 0;        // index into Assessment::aspects
  int64_t now_e6 = 0;       // before the plan
  int64_t after_e6 = -1;    // after the plan shown (verified or best reachable), -1 when there is none
  int64_t max_e6 = 0;       // its bobot
  int64_t stuck_e6 = 0;     // what the components nothing can move lose (they keep losing it after any plan)
};

// A floor after the plan (plan/limits.h), exactly.
struct FloorState {
  size_t limit = 0;       // index into Plan::limits.items
  Fraction kept_before;   // the floor's kept lines (kas + bank), sen
  Fraction kept_after;
  Fraction level_after;   // pct% of its base after the plan, sen
  bool kept = true;       // FloorKept
  bool lowered = false;   // some step draws on it
};

// One limit relaxed on its own (when the target is out of reach): re-solved and verified with that limit at
// `to_pct` (the nearest step of a fixed ladder that reaches the target, or the loosest when none does).
struct Relaxation {
  size_t limit = 0;        // index into Plan::limits.items
  Decimal to_pct;
  bool reaches = false;    // the verified plan with this limit at to_pct reaches the target
  bool tight = false;      // the best reachable plan uses this limit fully
  int64_t total_e6 = -1;   // that verified plan's total, when it reaches
};

struct Plan {
  enum class Status { kVerified, kAlreadyThere, kUnreachable, kNotVerified, kSolverFailed };
  Status status = Status::kUnreachable;
  // The steps: with kVerified, the plan; with kUnreachable, the best reachable plan within the limits (verified;
  // may be empty when no step helps or it did not verify).
  std::vector<PlanStep> steps;
  std::vector<ChecklistStep> checklist_steps;  // the checklist items of the same plan, in component order
  int64_t person_days = 0;                     // Σ over checklist_steps
  Sen day_value_sen = 0;                       // the effort book's value of a person-day (0 without one)
  Assessment result;                 // the laporan after the steps, assessed by the engine
  bool has_result = false;           // `result` holds an assessment after steps (kVerified, or the best plan)
  Limits limits;                     // the limits the plan was made within
  std::vector<FloorState> floors;    // each floor after the steps (when there are steps)
  std::vector<Relaxation> relaxations;  // when unreachable: the limits that bind, each relaxed alone
  int all_relaxed_reaches = -1;      // when unreachable: with every limit at its loosest, 1 reaches, 0 not, -1 untried
  // When no single limit relaxed alone reaches the target: the limits the best plan uses in full, relaxed together
  // step by step along their ladders, to the first steps that reach it (verified); empty when none do.
  std::vector<std::pair<size_t, Decimal>> relaxed_together;
  int64_t relaxed_together_total_e6 = -1;
  i128 weighted_cost = 0;            // Σ amount × cost weight + person-days × day value (sen × 10^-6)
  int64_t reachable_max_e6 = -1;     // when unreachable: the highest total these actions can give (solver's view)
  std::vector<size_t> stuck;         // components that lose points and no action can move (when unreachable)
  std::vector<size_t> not_modelled;  // components the actions move but the model holds fixed (linear rules,
                                     // negative denominators): a plan may exist that the solver cannot see
  std::vector<AspectOutlook> aspects;  // when unreachable, for a persentase_skor method: each aspect's room
};

// `target_e6`: the total to reach (e.g. 80 000 000 for SEHAT), compared with the exact total. `limits`: realistic
// limits (empty: only the actions' own bounds). `allowed`: action ids to use (empty: all; "daftar_periksa" among
// them lets checklist items in). `effort`: checklist items as actions (null: none), checked against the rulebook
// by the caller (CheckEffortBook).
Plan MakePlan(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options, const Assessment& base,
              const ActionBook& actions, const Limits& limits, int64_t target_e6, const std::vector<std::string>& allowed,
              const EffortBook* effort = nullptr);

// Whether an assessment reaches a target total, exactly (a persentase_skor method's total is a fraction; its
// rounded display may read higher).
bool ReachesTarget(const Assessment& a, int64_t target_e6);

// The id that lets checklist items into a plan restricted to some actions (`allowed`).
inline constexpr const char* kChecklistActionsId = "daftar_periksa";

// Whether the action lowers the floor's slack (draws on what the floor keeps), on statements s.
bool DrawsOnFloor(const Action& action, const LimitUse& floor, const Statements& s);

}  // namespace kopsehat
