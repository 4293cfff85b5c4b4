// The cheapest verified plan (issue 7): verified results, bounds, optimality against an exhaustive search, and an
// explained failure for an unreachable target.
#include "plan/optimize.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "interchange/json_reader.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

struct Case {
  Laporan laporan;
  Assessment assessment;
  const Rulebook* rulebook = nullptr;
  const ActionBook* book = nullptr;
};

Case Load(const char* name) {
  Case c;
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LaporanJsonReader reader;
  Problems p;
  EXPECT_TRUE(reader.Read(text, &c.laporan, &p)) << p.Render(Lang::kId);
  c.rulebook = EmbeddedRulebookById("ksp-2016", &p);
  c.book = EmbeddedActionBook(&p);
  EXPECT_TRUE(Evaluate(c.laporan, *c.rulebook, EvaluateOptions{}, &c.assessment, &p)) << p.Render(Lang::kId);
  return c;
}

// Applies the steps and assesses, independently of the planner.
int64_t TotalAfter(const Case& c, const std::vector<PlanStep>& steps) {
  Laporan changed = c.laporan;
  Problems p;
  for (const PlanStep& s : steps) {
    EXPECT_LE(s.amount_sen, MaxAmount(*s.action, changed.current)) << s.action->id << " exceeds its bound";
    if (!ApplyAction(*s.action, s.amount_sen, &changed.current, &p)) return -1;
  }
  ApplyDefaults(&changed.current);
  Assessment a;
  if (!Evaluate(changed, *c.rulebook, EvaluateOptions{}, &a, &p)) return -1;
  return a.total_e6;
}

TEST(PlanOptimize, TroubledExampleReachesSehatAndTheResultVerifies) {
  const Case c = Load("ksp-maju-jaya-2025.json");
  ASSERT_LT(c.assessment.total_e6, 80'000'000);
  const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, 80'000'000, {});
  ASSERT_EQ(plan.status, Plan::Status::kVerified);
  EXPECT_GE(plan.result.total_e6, 80'000'000);
  EXPECT_EQ(plan.result.Predikat().label, "SEHAT");
  EXPECT_EQ(TotalAfter(c, plan.steps), plan.result.total_e6);
  for (const PlanStep& s : plan.steps) EXPECT_EQ(s.amount_sen % 100, 0) << "whole rupiah";
}

TEST(PlanOptimize, EveryTargetFromNowToTheMaximumVerifies) {
  const Case c = Load("ksp-maju-jaya-2025.json");
  for (int64_t target = 69'000'000; target <= 84'000'000; target += 3'000'000) {
    const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, target, {});
    if (plan.status == Plan::Status::kUnreachable) continue;
    ASSERT_EQ(plan.status, Plan::Status::kVerified) << target;
    EXPECT_GE(TotalAfter(c, plan.steps), target) << target;
  }
}

// Two actions on a grid of amounts: no grid plan that reaches the target may be cheaper than the solver's plan
// (beyond the rounding of the solver's amounts up to the rupiah, a few rupiah per step).
TEST(PlanOptimize, NoCheaperPlanOnAnExhaustiveGrid) {
  const Case c = Load("ksp-maju-jaya-2025.json");
  const std::vector<std::string> ids = {"hemat_beban_usaha", "tagih_macet"};
  const Action* a = c.book->Find(ids[0]);
  const Action* b = c.book->Find(ids[1]);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  for (const int64_t target : {70'000'000, 71'000'000, 72'000'000}) {
    const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, target, ids);
    ASSERT_EQ(plan.status, Plan::Status::kVerified) << target;
    const Sen max_a = MaxAmount(*a, c.laporan.current), max_b = MaxAmount(*b, c.laporan.current);
    constexpr int kSteps = 40;
    i128 best = -1;
    for (int i = 0; i <= kSteps; ++i) {
      for (int j = 0; j <= kSteps; ++j) {
        const Sen xa = max_a / kSteps * i / 100 * 100, xb = max_b / kSteps * j / 100 * 100;
        const i128 cost = i128(xa) * a->cost_e6 + i128(xb) * b->cost_e6;
        if (best >= 0 && cost >= best) continue;
        std::vector<PlanStep> steps;
        if (xa > 0) steps.push_back({a, xa});
        if (xb > 0) steps.push_back({b, xb});
        if (TotalAfter(c, steps) >= target) best = cost;
      }
    }
    ASSERT_GE(best, 0) << "the grid should reach " << target;
    const i128 slack = i128(100) * 1'000'000 * 4;  // a few rupiah of rounding, at the highest weight
    EXPECT_LE(plan.weighted_cost, best + slack) << "target " << target;
  }
}

TEST(PlanOptimize, UnreachableTargetIsExplained) {
  const Case c = Load("ksp-maju-jaya-2025.json");
  const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, 100'000'000, {});
  ASSERT_EQ(plan.status, Plan::Status::kUnreachable);
  EXPECT_GT(plan.reachable_max_e6, c.assessment.total_e6);
  EXPECT_LT(plan.reachable_max_e6, 100'000'000);
  // The checklist answers lose points that no action moves.
  bool checklist = false;
  for (size_t k : plan.stuck) checklist = checklist || c.assessment.components[k].spec->kind == ComponentKind::kChecklist;
  EXPECT_TRUE(checklist);
}

TEST(PlanOptimize, AlreadyThere) {
  const Case c = Load("ksp-sejahtera-bersama-2025.json");
  const Plan plan = MakePlan(c.laporan, *c.rulebook, EvaluateOptions{}, c.assessment, *c.book, 80'000'000, {});
  EXPECT_EQ(plan.status, Plan::Status::kAlreadyThere);
  EXPECT_TRUE(plan.steps.empty());
}

}  // namespace
}  // namespace kopsehat
