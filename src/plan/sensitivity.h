// plan/sensitivity.h — for every component not at its best reachable band, the smallest amount of each action that
// lifts it one band, found exactly (the band edge is linear in the action amount: numerator − t·denominator ≥ 0),
// rounded up to the rupiah and then verified by assessing the changed laporan again; an amount that does not verify
// is never shown. Depends on assess/, plan/actions.h.
#pragma once

#include <vector>

#include "assess/assessment.h"
#include "plan/actions.h"

namespace kopsehat {

struct Lever {
  const Action* action = nullptr;
  Sen amount_sen = 0;             // whole rupiah
  int64_t nilai_after_e2 = 0;     // the component's nilai after the action
  int64_t component_gain_e6 = 0;  // the component's skor gain
  int64_t total_gain_e6 = 0;      // the total's change (other components may move too)
  i128 weighted_cost = 0;         // amount × the action's cost weight (sen × 10^-6)
};

struct ComponentLevers {
  size_t component = 0;       // index into Assessment::components
  std::vector<Lever> levers;  // cheapest first
};

std::vector<ComponentLevers> FindLevers(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options,
                                        const Assessment& base, const ActionBook& actions);

}  // namespace kopsehat
