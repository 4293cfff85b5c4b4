// The board's own one-year plan limits of a laporan (issue 17): who may read and save them, that a saved limit is
// the plan's from then on, that a bad value stores nothing and is named by the limit's label, and that every change
// leaves its value before and after in the audit trail. On SQLite and PostgreSQL (store/test_databases.h).

#include <algorithm>
#include <string>
#include <vector>

#include "app/test_app.h"

namespace kopsehat::app::testing {
namespace {

class PlanLimitsAppTest : public AppTest {
 protected:
  std::vector<store::AuditEntry> LimitAudit() {
    std::vector<store::AuditEntry> log;
    bool more = false;
    EXPECT_TRUE(app_->Audit(As("dinasA"), coop_["A"], std::nullopt, &log, &more).ok());
    std::erase_if(log, [](const store::AuditEntry& e) { return e.action != "rencana.batas"; });
    return log;  // newest first
  }

  std::vector<store::PlanLimit> Stored(int64_t id) {
    std::vector<store::PlanLimit> out;
    EXPECT_TRUE(app_->PlanLimits(As("pengurusA"), id, &out).ok());
    return out;
  }
};
KOPSEHAT_INSTANTIATE_BACKENDS(PlanLimitsAppTest);

TEST_P(PlanLimitsAppTest, TheBoardSavesTheExaminerAndSupervisorRead) {
  if (!database_ready()) return;
  const int64_t id = TroubledFinal("A");
  const std::vector<LimitInput> forty = {{"tagih_macet", "40", ""}};
  for (const char* who : {"pengurusA", "pengelolaA"}) {
    EXPECT_TRUE(app_->SavePlanLimits(As(who), id, forty).ok()) << who;
    EXPECT_TRUE(app_->ResetPlanLimits(As(who), id).ok()) << who;
  }
  // Those who see the laporan but may not set its limits are told so; other tenants do not learn it exists.
  for (const char* who : {"pengawasA", "dinasA", "admin", "anggotaA"}) {
    EXPECT_EQ(app_->SavePlanLimits(As(who), id, forty).code, Code::kForbidden) << who;
    EXPECT_EQ(app_->ResetPlanLimits(As(who), id).code, Code::kForbidden) << who;
  }
  for (const char* who : {"pengurusB", "dinasB", "anggotaB"}) {
    EXPECT_EQ(app_->SavePlanLimits(As(who), id, forty).code, Code::kNotFound) << who;
  }
  // Refused before the input is looked at: a bad value tells an outsider nothing either.
  EXPECT_EQ(app_->SavePlanLimits(As("pengawasA"), id, {{"tagih_macet", "abc", ""}}).code, Code::kForbidden);
  std::vector<store::PlanLimit> read;
  for (const char* who : {"pengurusA", "pengelolaA", "pengawasA", "dinasA", "admin"}) {
    EXPECT_TRUE(app_->PlanLimits(As(who), id, &read).ok()) << who;
  }
  EXPECT_EQ(app_->PlanLimits(As("anggotaA"), id, &read).code, Code::kForbidden);
  for (const char* who : {"pengurusB", "dinasB"}) EXPECT_EQ(app_->PlanLimits(As(who), id, &read).code, Code::kNotFound);
  PlanView view;
  ASSERT_TRUE(app_->PlanLaporan(As("pengurusA"), id, &view).ok());
  EXPECT_TRUE(view.may_set_limits);
  ASSERT_TRUE(app_->PlanLaporan(As("dinasA"), id, &view).ok());
  EXPECT_FALSE(view.may_set_limits);
}

TEST_P(PlanLimitsAppTest, ASavedLimitIsThePlansAndItsChangesAreAudited) {
  if (!database_ready()) return;
  const int64_t id = TroubledFinal("A");
  PlanView before;
  ASSERT_TRUE(app_->PlanLaporan(As("pengurusA"), id, &before).ok());
  ASSERT_EQ(before.unavailable, PlanView::Unavailable::kNo);
  const LimitUse* limit = before.plan.limits.Find("tagih_macet");
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(PlainLimitPercent(limit->pct), "25");
  const auto collected = [](const PlanView& v) {
    for (const PlanStep& s : v.plan.steps) {
      if (s.action->id == "tagih_macet") return s.amount_sen;
    }
    return Sen{0};
  };
  const Sen at_default = collected(before);
  ASSERT_GT(at_default, 0);

  now_ += 60;
  ASSERT_TRUE(app_->SavePlanLimits(As("pengurusA"), id,
                                   {{"tagih_macet", "40", "Tim penagihan baru sejak Januari"},
                                    {"tagih_diragukan", "40", ""},  // its default, nothing to say: not stored
                                    {"lantai_kas", "12,5", ""}})
                  .ok());
  std::vector<store::PlanLimit> stored = Stored(id);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].limit_id, "lantai_kas");
  EXPECT_EQ(stored[0].persen, "12.5");  // exact, in the plain form files use
  EXPECT_EQ(stored[1].limit_id, "tagih_macet");
  EXPECT_EQ(stored[1].persen, "40");
  EXPECT_EQ(stored[1].alasan, "Tim penagihan baru sejak Januari");
  EXPECT_EQ(stored[1].set_by, As("pengurusA").user.id);
  EXPECT_EQ(stored[1].set_at, now_);

  // The plan is made within them from now on, for everyone who sees it.
  PlanView after;
  ASSERT_TRUE(app_->PlanLaporan(As("dinasA"), id, &after).ok());
  limit = after.plan.limits.Find("tagih_macet");
  EXPECT_EQ(PlainLimitPercent(limit->pct), "40");
  EXPECT_EQ(PlainLimitPercent(limit->default_pct), "25");
  EXPECT_TRUE(limit->overridden);
  EXPECT_EQ(limit->note, "Tim penagihan baru sejak Januari");
  EXPECT_GT(collected(after), at_default);
  EXPECT_FALSE(after.limits_tried);
  EXPECT_TRUE(after.limit_problems.empty());
  EXPECT_EQ(after.stored_limits.size(), 2u);

  // One entry per limit that changed, with the value before and after.
  std::vector<store::AuditEntry> log = LimitAudit();
  ASSERT_EQ(log.size(), 2u);
  const auto entry_of = [&](const std::string& limit_id) {
    for (const store::AuditEntry& e : log) {
      if (e.before_json.find("\"" + limit_id + "\"") != std::string::npos) return e;
    }
    return store::AuditEntry{};
  };
  const store::AuditEntry macet = entry_of("tagih_macet");
  EXPECT_EQ(macet.entity, "laporan");
  EXPECT_EQ(macet.entity_id, id);
  EXPECT_EQ(macet.user_id, As("pengurusA").user.id);
  EXPECT_EQ(macet.before_json, R"({"batas":"tagih_macet","persen":"25","sumber":"bawaan"})");
  EXPECT_EQ(macet.after_json,
            R"({"batas":"tagih_macet","persen":"40","alasan":"Tim penagihan baru sejak Januari","sumber":"koperasi"})");

  // Saving the same again changes nothing and writes nothing; a new value keeps the old one in the trail.
  ASSERT_TRUE(
      app_->SavePlanLimits(As("pengelolaA"), id, {{"tagih_macet", "40", "Tim penagihan baru sejak Januari"}}).ok());
  EXPECT_EQ(LimitAudit().size(), 2u);
  ASSERT_TRUE(app_->SavePlanLimits(As("pengelolaA"), id, {{"tagih_macet", "35", "Lebih hati-hati"}}).ok());
  log = LimitAudit();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].before_json,
            R"({"batas":"tagih_macet","persen":"40","alasan":"Tim penagihan baru sejak Januari","sumber":"koperasi"})");
  EXPECT_EQ(log[0].after_json,
            R"({"batas":"tagih_macet","persen":"35","alasan":"Lebih hati-hati","sumber":"koperasi"})");
  EXPECT_EQ(log[0].user_id, As("pengelolaA").user.id);

  // Back at its default with nothing to say, a limit follows the default again.
  ASSERT_TRUE(app_->SavePlanLimits(As("pengurusA"), id, {{"tagih_macet", "25", ""}}).ok());
  stored = Stored(id);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].limit_id, "lantai_kas");
  log = LimitAudit();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].after_json, R"({"batas":"tagih_macet","persen":"25","sumber":"bawaan"})");

  // Every limit back to its default: one entry per limit the board had.
  ASSERT_TRUE(app_->ResetPlanLimits(As("pengurusA"), id).ok());
  EXPECT_TRUE(Stored(id).empty());
  log = LimitAudit();
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].before_json, R"({"batas":"lantai_kas","persen":"12.5","alasan":"","sumber":"koperasi"})");
  EXPECT_EQ(log[0].after_json, R"({"batas":"lantai_kas","persen":"10","sumber":"bawaan"})");
  ASSERT_TRUE(app_->ResetPlanLimits(As("pengurusA"), id).ok());  // nothing left: nothing written
  EXPECT_EQ(LimitAudit().size(), 5u);
}

TEST_P(PlanLimitsAppTest, BadValuesAreNamedByTheLimitsLabelAndNothingIsStored) {
  if (!database_ready()) return;
  const int64_t id = TroubledFinal("A");
  ASSERT_TRUE(app_->SavePlanLimits(As("pengurusA"), id, {{"tagih_macet", "30", "awal"}}).ok());
  const Outcome o = app_->SavePlanLimits(
      As("pengurusA"), id,
      {{"tagih_macet", "abc", ""}, {"tagih_diragukan", "150", ""}, {"lantai_kas", "20", std::string(301, 'x')},
       {"setor_simpanan_wajib", "20", "ok"}, {"tidak_ada", "10", ""}});
  ASSERT_EQ(o.code, Code::kInvalid);
  const auto problem_at = [&](const std::string& path) -> const Problem* {
    for (const Problem& p : o.problems.items()) {
      if (p.path == path) return &p;
    }
    return nullptr;
  };
  const Problem* macet = problem_at("batas.tagih_macet");
  ASSERT_NE(macet, nullptr) << o.problems.Render(Lang::kId);
  EXPECT_EQ(macet->pesan.rfind("Menagih pinjaman macet: harus persen 0 sampai 100", 0), 0u) << macet->pesan;
  EXPECT_NE(macet->pesan.find("\"abc\""), std::string::npos);
  EXPECT_EQ(macet->message.rfind("Collect loss loans: must be a percentage from 0 to 100", 0), 0u) << macet->message;
  const Problem* diragukan = problem_at("batas.tagih_diragukan");
  ASSERT_NE(diragukan, nullptr);
  EXPECT_EQ(diragukan->pesan.rfind("Menagih pinjaman diragukan: ", 0), 0u);
  const Problem* reason = problem_at("alasan.lantai_kas");
  ASSERT_NE(reason, nullptr);
  EXPECT_NE(reason->pesan.find("paling banyak 300 karakter"), std::string::npos) << reason->pesan;
  EXPECT_NE(problem_at("batas.tidak_ada"), nullptr);
  EXPECT_EQ(problem_at("batas.setor_simpanan_wajib"), nullptr);
  EXPECT_EQ(o.problems.size(), 4u) << o.problems.Render(Lang::kId);
  // Nothing of it stored, not even the good row; the trail has only the first save.
  const std::vector<store::PlanLimit> stored = Stored(id);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].persen, "30");
  EXPECT_EQ(LimitAudit().size(), 1u);
  // Text that is not clean is refused at the door, as everywhere.
  EXPECT_EQ(app_->SavePlanLimits(As("pengurusA"), id, {{"tagih_macet", "40", "a\x01z"}}).code, Code::kInvalid);
}

TEST_P(PlanLimitsAppTest, ATriedLimitIsForThePlanShownOnly) {
  if (!database_ready()) return;
  const int64_t id = TroubledFinal("A");
  ASSERT_TRUE(app_->SavePlanLimits(As("pengurusA"), id, {{"tagih_macet", "40", "Tim baru"}}).ok());
  PlanView tried;
  ASSERT_TRUE(app_->PlanLaporan(As("pengawasA"), id, &tried, {{"tagih_macet", "50"}, {"hemat_beban_usaha", "x"}}).ok());
  EXPECT_TRUE(tried.limits_tried);
  EXPECT_EQ(PlainLimitPercent(tried.plan.limits.Find("tagih_macet")->pct), "50");
  ASSERT_EQ(tried.limit_problems.size(), 1u);  // the bad one keeps its value and says so
  EXPECT_EQ(PlainLimitPercent(tried.plan.limits.Find("hemat_beban_usaha")->pct), "15");
  const std::vector<store::PlanLimit> stored = Stored(id);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].persen, "40");
  EXPECT_EQ(LimitAudit().size(), 1u);
}

TEST_P(PlanLimitsAppTest, ALimitsSaveKeepsTheRegionalSnapshot) {
  if (!database_ready()) return;
  const int64_t id = TroubledFinal("A");
  RegionView first, second;
  ASSERT_TRUE(app_->ViewRegion(As("dinasA"), &first).ok());
  ASSERT_TRUE(app_->SavePlanLimits(As("pengurusA"), id, {{"tagih_macet", "40", ""}}).ok());
  ASSERT_TRUE(app_->ViewRegion(As("dinasA"), &second).ok());
  // No dashboard shows plan limits: the same shared rows, not a rebuild.
  ASSERT_FALSE(first.rows.empty());
  EXPECT_EQ(&first.rows[0], &second.rows[0]);
}

}  // namespace
}  // namespace kopsehat::app::testing
