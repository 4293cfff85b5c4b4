// report/plan_report.h — a Plan (plan/optimize.h) in words and as JSON: the text the CLI prints, the format
// kopsehat/rencana-v1 (docs/formats.md) and the pieces the web page shows, so each sentence about a plan exists once.
// Depends on plan/ and report/wording.h.
#pragma once

#include <cstdint>
#include <string>

#include "assess/assessment.h"
#include "plan/optimize.h"

namespace kopsehat {

// The plan for people: the cooperative, now and target, the steps with what each lifts on its own, the components
// that change and the result; or why there is no plan.
std::string RenderPlanText(const Plan& plan, const Assessment& base, int64_t target_e6, Lang lang);

// kopsehat/rencana-v1 on one line with a trailing newline.
std::string RenderPlanJson(const Plan& plan, const Assessment& base, int64_t target_e6);

// "Komponen 20 → 30; ..." for what `step` lifts on its own; "" when it only helps together with the others.
std::string LiftsText(const Assessment& base, const PlanStep& step, Lang lang);

}  // namespace kopsehat
