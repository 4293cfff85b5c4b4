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

// A checklist step in a line: "3 butir, 6 hari orang; nilai 3 → 2".
std::string ChecklistStepSummary(const ChecklistStep& step, Lang lang);

// The limit a step is held to and how much of it the step uses: "25 % dari Pinjaman macet = Rp 22.225.000;
// terpakai 100 %", or for a step drawing on a floor the share of the room above it; "" when the step has no limit.
std::string StepLimitText(const Plan& plan, const PlanStep& step, Lang lang);

// One limit as the plan used it: "Menagih pinjaman macet: 25 % dari Pinjaman macet" plus " (bawaan 25 %)" when the
// cooperative changed it; a floor with its level after the plan.
std::string LimitText(const Plan& plan, size_t index, Lang lang);

// The sentence for a limit relaxed alone: "Menagih pinjaman macet dibatasi 25 %: dengan batas 40 % target
// tercapai (80,25)" or "...: dilonggarkan sampai 100 % pun target belum tercapai".
std::string RelaxationText(const Plan& plan, const Relaxation& r, Lang lang);

// A kopsehat/batas-v1 file holding `limits` (the defaults, or a cooperative's), each with its default and reason
// as comments: `kopsehat plan --template-batas`.
std::string RenderLimitTemplate(const Limits& limits, Lang lang);

}  // namespace kopsehat
