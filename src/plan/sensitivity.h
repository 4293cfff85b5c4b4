// plan/sensitivity.h — for every component not at its best reachable band, the smallest amount of each action that
// lifts it one band, found exactly (the band edge is linear in the action amount: numerator − t·denominator ≥ 0),
// rounded up to the rupiah and then verified by assessing the changed laporan again; an amount that does not verify
// is never shown. Each step is checked against the realistic limits (plan/limits.h) and marked when it goes beyond
// one; the steps of a component are ordered by points gained per weighted rupiah. Depends on assess/, plan/.
#pragma once

#include <vector>

#include "assess/assessment.h"
#include "plan/actions.h"
#include "plan/effort.h"
#include "plan/limits.h"

namespace kopsehat {

struct Lever {
  const Action* action = nullptr;  // an action; null for checklist items
  Sen amount_sen = 0;             // whole rupiah
  const ChecklistEffort* effort = nullptr;  // checklist items: the work, and the items (0-based) turned to "Ya"
  std::vector<int> items;
  int64_t nilai_after_e2 = 0;     // the component's nilai after the action
  int64_t component_gain_e6 = 0;  // the component's skor gain
  int64_t total_gain_e6 = 0;      // the total's change (other components may move too)
  i128 weighted_cost = 0;         // amount × the action's cost weight, or person-days × day value (sen × 10^-6)
  const LimitUse* beyond = nullptr;  // the limit this step goes beyond (its share limit or a floor), if any
  Sen cap_sen = -1;               // its share limit on this laporan, -1 when none
};

// Whether x gains more points per weighted rupiah than y, exactly (total_gain / weighted_cost; a step that costs
// nothing and gains is best). Ties: the cheaper first.
bool MorePointsPerRupiah(const Lever& x, const Lever& y);

struct ComponentLevers {
  size_t component = 0;       // index into Assessment::components
  std::vector<Lever> levers;  // the most points per weighted rupiah first (MorePointsPerRupiah)
};

// `effort` (may be null): checklist items as actions, the fewest "Tidak" items of a checklist whose work lifts it a
// band (the first such items in list order; fixed items and items the statements answer are not work).
std::vector<ComponentLevers> FindLevers(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options,
                                        const Assessment& base, const ActionBook& actions, const Limits& limits,
                                        const EffortBook* effort = nullptr);

}  // namespace kopsehat
