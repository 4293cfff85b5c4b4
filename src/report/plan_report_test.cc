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
  p.plan = MakePlan(p.laporan, *rb, EvaluateOptions{}, p.base, *book, DefaultLimits(*book), target_e6, {});
  return p;
}

// Within the default limits Maju Jaya reaches 75 (SEHAT is out of reach in one year: see the next tests).
TEST(PlanReport, EachStepSaysWhatItLiftsOnItsOwn) {
  const Planned p = PlanOf("ksp-maju-jaya-2025.json", 75'000'000);
  ASSERT_EQ(p.plan.status, Plan::Status::kVerified);
  ASSERT_FALSE(p.plan.steps.empty());
  const std::string text = RenderPlanText(p.plan, p.base, 75'000'000, Lang::kId);
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
  EXPECT_NE(RenderPlanText(p.plan, p.base, 75'000'000, Lang::kEn).find("RESULT: "), std::string::npos);
  // Every step with a limit says it and the share it uses; the limits used are listed with their reasons.
  for (const PlanStep& s : p.plan.steps) {
    if (s.cap_sen < 0) continue;
    const std::string used = "terpakai " + std::to_string(UsedPercent(s.amount_sen, s.cap_sen)) + " %";
    EXPECT_NE(text.find(StepLimitText(p.plan, s, Lang::kId)), std::string::npos) << s.action->id;
    EXPECT_NE(StepLimitText(p.plan, s, Lang::kId).find(used), std::string::npos) << s.action->id;
  }
  EXPECT_NE(text.find("Batas satu tahun yang dipakai"), std::string::npos);
  EXPECT_NE(text.find("Menagih pinjaman macet: 25 % dari Pinjaman macet\n"), std::string::npos) << text;
}

// A limit the cooperative changed is shown beside its default, with its own reason.
TEST(PlanReport, OverriddenLimitShowsItsDefault) {
  Planned p = PlanOf("ksp-maju-jaya-2025.json", 75'000'000);
  Problems problems;
  Limits limits = p.plan.limits;
  ASSERT_TRUE(ApplyLimitFile("format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = \"40\"\nalasan = \"juru tagih baru\"\n",
                             "uji.toml", &limits, &problems))
      << problems.Render(Lang::kId);
  p.plan.limits = limits;
  const std::string text = RenderPlanText(p.plan, p.base, 75'000'000, Lang::kId);
  EXPECT_NE(text.find("Menagih pinjaman macet: 40 % dari Pinjaman macet (bawaan 25 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("alasan koperasi: juru tagih baru"), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(RenderPlanJson(p.plan, p.base, 75'000'000));
  ASSERT_TRUE(j["batas"].is_array());
  EXPECT_EQ(j["batas"][0]["id"], "tagih_macet");
  EXPECT_EQ(j["batas"][0]["persen"], "40");
  EXPECT_EQ(j["batas"][0]["persen_bawaan"], "25");
}

TEST(PlanReport, RencanaJsonIsValidAndCarriesThePlan) {
  const Planned p = PlanOf("ksp-maju-jaya-2025.json", 75'000'000);
  const nlohmann::json j = nlohmann::json::parse(RenderPlanJson(p.plan, p.base, 75'000'000));
  EXPECT_EQ(j["format"], "kopsehat/rencana-v1");
  EXPECT_EQ(j["status"], "terverifikasi");
  ASSERT_EQ(j["langkah"].size(), p.plan.steps.size());
  for (size_t k = 0; k < p.plan.steps.size(); ++k) {
    EXPECT_EQ(j["langkah"][k]["aksi"], p.plan.steps[k].action->id);
  }
  EXPECT_EQ(j["predikat_akhir"], p.plan.result.Predikat().label);
  for (size_t k = 0; k < p.plan.steps.size(); ++k) {
    if (p.plan.steps[k].cap_sen < 0) continue;
    EXPECT_EQ(j["langkah"][k]["batas_jumlah"], FormatSenPlain(p.plan.steps[k].cap_sen));
    EXPECT_LE(j["langkah"][k]["batas_terpakai_persen"].get<int>(), 100);
  }

  // Out of reach within the limits: "langkah" stays empty (rencana-v1); the best plan and the binding limits are in
  // the additive keys.
  const Planned sehat = PlanOf("ksp-maju-jaya-2025.json", 80'000'000);
  ASSERT_EQ(sehat.plan.status, Plan::Status::kUnreachable);
  const nlohmann::json b = nlohmann::json::parse(RenderPlanJson(sehat.plan, sehat.base, 80'000'000));
  EXPECT_TRUE(b["langkah"].empty());
  EXPECT_EQ(b["langkah_terbaik"].size(), sehat.plan.steps.size());
  EXPECT_LT(b["skor_terbaik"].get<double>(), 80.0);
  EXPECT_FALSE(b["batas_mengikat"].empty());
  EXPECT_TRUE(b.contains("dilonggarkan_bersama"));
  const std::string text = RenderPlanText(sehat.plan, sehat.base, 80'000'000, Lang::kId);
  EXPECT_NE(text.find("Rencana terbaik dalam batas"), std::string::npos);
  EXPECT_NE(text.find("Menagih pinjaman macet dibatasi 25 %"), std::string::npos) << text;

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
