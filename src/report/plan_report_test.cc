// The plan's words and its JSON (report/plan_report.h): each step's "lifts on its own" comes from the plan itself
// and reads the same in the text as the web page would show it; rencana-v1 is valid JSON with the plan's figures.
#include "report/plan_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include "interchange/json_reader.h"
#include "plan/actions.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

struct Planned {
  Laporan laporan;
  Assessment base;
  Plan plan;
};

Planned PlanOf(const std::string& example, int64_t target_e6) {
  Planned p;
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/" + example, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Problems problems;
  LaporanJsonReader reader;
  EXPECT_TRUE(reader.Read(text, &p.laporan, &problems)) << problems.Render(Lang::kEn);
  const Rulebook* rb = EmbeddedRulebookById("ksp-2016", &problems);
  EXPECT_TRUE(Evaluate(p.laporan, *rb, EvaluateOptions{}, &p.base, &problems)) << problems.Render(Lang::kEn);
  const ActionBook* book = EmbeddedActionBook(&problems);
  p.plan = MakePlan(p.laporan, *rb, EvaluateOptions{}, p.base, *book, target_e6, {});
  return p;
}

TEST(PlanReport, EachStepSaysWhatItLiftsOnItsOwn) {
  const Planned p = PlanOf("ksp-maju-jaya-2025.json", 80'000'000);
  ASSERT_EQ(p.plan.status, Plan::Status::kVerified);
  ASSERT_FALSE(p.plan.steps.empty());
  const std::string text = RenderPlanText(p.plan, p.base, 80'000'000, Lang::kId);
  bool some_step_lifts_alone = false;
  for (const PlanStep& s : p.plan.steps) {
    for (const ComponentLift& l : s.lifts_alone) {
      EXPECT_LT(l.from_nilai_e2, l.to_nilai_e2);
      EXPECT_EQ(l.from_nilai_e2, p.base.components[l.component].nilai_e2);
    }
    const std::string lifted = LiftsText(p.base, s, Lang::kId);
    EXPECT_EQ(lifted.empty(), s.lifts_alone.empty());
    if (!lifted.empty()) {
      some_step_lifts_alone = true;
      EXPECT_NE(text.find("menaikkan: " + lifted + "\n"), std::string::npos) << lifted;
    }
  }
  EXPECT_TRUE(some_step_lifts_alone);
  EXPECT_NE(text.find("HASIL: "), std::string::npos);
  EXPECT_NE(RenderPlanText(p.plan, p.base, 80'000'000, Lang::kEn).find("RESULT: "), std::string::npos);
}

TEST(PlanReport, RencanaJsonIsValidAndCarriesThePlan) {
  const Planned p = PlanOf("ksp-maju-jaya-2025.json", 80'000'000);
  const nlohmann::json j = nlohmann::json::parse(RenderPlanJson(p.plan, p.base, 80'000'000));
  EXPECT_EQ(j["format"], "kopsehat/rencana-v1");
  EXPECT_EQ(j["status"], "terverifikasi");
  ASSERT_EQ(j["langkah"].size(), p.plan.steps.size());
  for (size_t k = 0; k < p.plan.steps.size(); ++k) {
    EXPECT_EQ(j["langkah"][k]["aksi"], p.plan.steps[k].action->id);
  }
  EXPECT_EQ(j["predikat_akhir"], p.plan.result.Predikat().label);

  const Planned far = PlanOf("ksp-sejahtera-bersama-2025.json", 99'000'000);
  ASSERT_EQ(far.plan.status, Plan::Status::kUnreachable);
  const nlohmann::json u = nlohmann::json::parse(RenderPlanJson(far.plan, far.base, 99'000'000));
  EXPECT_EQ(u["status"], "tidak_tercapai");
  EXPECT_TRUE(u["langkah"].empty());
  EXPECT_FALSE(u.contains("skor_akhir"));
  EXPECT_NE(RenderPlanText(far.plan, far.base, 99'000'000, Lang::kId).find("Target tidak dapat dicapai"),
            std::string::npos);
}

}  // namespace
}  // namespace kopsehat
