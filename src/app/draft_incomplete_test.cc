// Incomplete drafts (issue 15 §2): a board saves a KKPKK self-assessment half-way (unanswered checklist items, a
// mistyped figure), comes back to exactly what it typed, cannot submit it until it is complete, and finishes it;
// the upload path keeps a partly readable file the same way. The examiner changes a checklist answer with a reason
// (original kept), and the plan of a KKPKK laporan says it is not available instead of refusing. On SQLite and
// PostgreSQL (store/test_databases.h).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/test_app.h"
#include "interchange/template_writer.h"
#include "rules/loader.h"

namespace kopsehat::app::testing {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

class IncompleteDraftTest : public AppTest {
 protected:
  // The bundled example as the form sends it for kkpkk-2021: every template key of the method with its value.
  static Fields CompleteKkpkkFields(const std::string& periode = "2025-12-31") {
    LaporanJsonReader reader;
    Laporan l;
    Problems p;
    EXPECT_TRUE(reader.Read(ExampleJson(periode), &l, &p)) << p.Render(Lang::kEn);
    l.metode = "kkpkk-2021";
    TemplateOptions o;
    o.rulebook = EmbeddedRulebookById("kkpkk-2021", &p);
    EXPECT_NE(o.rulebook, nullptr);
    o.prefill = &l;
    Fields out;
    for (const TemplateRow& row : TemplateRows(o)) out.emplace_back(row.key, row.value);
    return out;
  }
  static void Set(Fields* fields, const std::string& key, const std::string& value) {
    for (auto& [k, v] : *fields) {
      if (k == key) v = value;
    }
  }
  static std::string Get(const Fields& fields, const std::string& key) {
    for (const auto& [k, v] : fields) {
      if (k == key) return v;
    }
    return "";
  }
  static bool Names(const Problems& problems, const std::string& path) {
    return std::any_of(problems.items().begin(), problems.items().end(),
                       [&](const Problem& p) { return p.path == path; });
  }
  // Half-way: a mistyped cash figure and the second and third checklists not answered yet.
  static Fields HalfWay() {
    Fields f = CompleteKkpkkFields();
    Set(&f, "neraca.kas", "12,5,0");
    for (auto& [k, v] : f) {
      if (k.starts_with("daftar_periksa.kkpkk.prinsip_demokratis[") ||
          k.starts_with("daftar_periksa.kkpkk.prinsip_shu[")) {
        v.clear();
      }
    }
    return f;
  }
  size_t LaporanCount(const std::string& tag) {
    CooperativeView c;
    EXPECT_TRUE(app_->ViewCooperative(As("pengurus" + tag), coop_.at(tag), &c).ok());
    return c.laporan.size();
  }
};
KOPSEHAT_INSTANTIATE_BACKENDS(IncompleteDraftTest);

TEST_P(IncompleteDraftTest, AHalfWayDraftIsKeptAsTypedAndResumed) {
  if (!database_ready()) return;
  const Fields half = HalfWay();
  int64_t id = 0;
  // The strict mode (the JSON API's) still stores nothing.
  EXPECT_EQ(app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, half, &id).code, Code::kInvalid);
  EXPECT_EQ(LaporanCount("A"), 0u);

  const Outcome o = app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, half, &id,
                                              DraftMode::kMayBeIncomplete);
  ASSERT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
  LaporanView view;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &view).ok());
  EXPECT_TRUE(view.incomplete);
  EXPECT_TRUE(view.record.incomplete());
  EXPECT_EQ(view.assessment.rulebook, nullptr);  // no score for an incomplete draft
  EXPECT_EQ(view.record.total_e6, 0);
  EXPECT_EQ(view.record.predikat, "");
  EXPECT_EQ(view.record.rulebook_id, "kkpkk-2021");
  EXPECT_EQ(view.record.periode_akhir, "2025-12-31");
  // Everything typed is back, the mistyped figure included, and what is missing is named at its field.
  EXPECT_EQ(Get(view.fields, "neraca.kas"), "12,5,0");
  EXPECT_EQ(Get(view.fields, "daftar_periksa.kkpkk.prinsip_keanggotaan[1]"),
            Get(half, "daftar_periksa.kkpkk.prinsip_keanggotaan[1]"));
  EXPECT_EQ(Get(view.fields, "daftar_periksa.kkpkk.prinsip_demokratis[1]"), "");
  EXPECT_TRUE(Names(view.missing, "neraca.kas")) << view.missing.Render(Lang::kEn);

  // Submitting it is refused in words.
  const Outcome refused = app_->Submit(As("pengurusA"), id);
  EXPECT_EQ(refused.code, Code::kConflict);
  ASSERT_FALSE(refused.problems.empty());
  EXPECT_EQ(refused.problems.items()[0].code, "draf_belum_lengkap");
  EXPECT_NE(refused.problems.items()[0].pesan.find("belum lengkap"), std::string::npos);

  // The plan says why there is none, rather than refusing.
  PlanView plan;
  ASSERT_TRUE(app_->PlanLaporan(As("pengurusA"), id, &plan).ok());
  EXPECT_EQ(plan.unavailable, PlanView::Unavailable::kIncomplete);

  // Saved again, still incomplete: the same draft, updated.
  Fields more = half;
  Set(&more, "neraca.kas", Get(CompleteKkpkkFields(), "neraca.kas"));
  int64_t again = 0;
  ASSERT_TRUE(app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], id, more, &again, DraftMode::kMayBeIncomplete)
                  .ok());
  EXPECT_EQ(again, id);
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &view).ok());
  EXPECT_TRUE(view.incomplete);
  EXPECT_FALSE(Names(view.missing, "neraca.kas")) << view.missing.Render(Lang::kEn);

  // Finished: assessed at once, the fields column cleared, and then it can be submitted.
  ASSERT_TRUE(app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], id, CompleteKkpkkFields(), &again,
                                        DraftMode::kMayBeIncomplete)
                  .ok());
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &view).ok());
  EXPECT_FALSE(view.incomplete);
  EXPECT_EQ(view.record.isian_json, "");
  ASSERT_NE(view.assessment.rulebook, nullptr);
  EXPECT_EQ(view.assessment.rulebook->id, "kkpkk-2021");
  EXPECT_FALSE(view.record.predikat.empty());
  EXPECT_TRUE(app_->Submit(As("pengurusA"), id).ok());

  // Every save left its audit entry: created incomplete, changed twice.
  std::vector<store::AuditEntry> audit;
  bool more_audit = false;
  ASSERT_TRUE(app_->Audit(As("pengurusA"), coop_["A"], std::nullopt, &audit, &more_audit).ok());
  size_t saves = 0;
  for (const store::AuditEntry& e : audit) saves += e.action == "laporan.buat" || e.action == "laporan.ubah";
  EXPECT_EQ(saves, 3u);
}

TEST_P(IncompleteDraftTest, OnlyTheOwnCooperativesEditorsMayStoreOne) {
  if (!database_ready()) return;
  int64_t id = 0;
  EXPECT_EQ(app_->SaveDraftFromFields(As("pengurusB"), coop_["A"], std::nullopt, HalfWay(), &id,
                                      DraftMode::kMayBeIncomplete)
                .code,
            Code::kNotFound);
  EXPECT_EQ(app_->SaveDraftFromFields(As("anggotaA"), coop_["A"], std::nullopt, HalfWay(), &id,
                                      DraftMode::kMayBeIncomplete)
                .code,
            Code::kForbidden);
  EXPECT_EQ(LaporanCount("A"), 0u);
}

TEST_P(IncompleteDraftTest, ADraftWithoutAPeriodIsKeptOnce) {
  if (!database_ready()) return;
  const Fields bare = {{"koperasi.nama", "KSP A"}, {"metode", "kkpkk-2021"}, {"neraca.kas", "1.000"}};
  int64_t id = 0;
  ASSERT_TRUE(
      app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, bare, &id, DraftMode::kMayBeIncomplete)
          .ok());
  LaporanView view;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &view).ok());
  EXPECT_EQ(view.record.periode_akhir, "");
  EXPECT_TRUE(Names(view.missing, "periode.akhir")) << view.missing.Render(Lang::kEn);
  int64_t second = 0;
  const Outcome o =
      app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, bare, &second, DraftMode::kMayBeIncomplete);
  EXPECT_EQ(o.code, Code::kConflict);
  EXPECT_TRUE(Names(o.problems, "periode.akhir"));
}

TEST_P(IncompleteDraftTest, APartlyReadableUploadBecomesAnIncompleteDraft) {
  if (!database_ready()) return;
  // The CSV template of the example with one figure mistyped.
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  ASSERT_TRUE(reader.Read(ExampleJson(), &l, &p));
  l.metode = "kkpkk-2021";
  TemplateOptions o;
  o.rulebook = EmbeddedRulebookById("kkpkk-2021", &p);
  o.prefill = &l;
  std::string csv = TemplateCsv(o);
  const size_t kas = csv.find("\nneraca.kas;");
  ASSERT_NE(kas, std::string::npos);
  csv.replace(csv.find(';', kas) + 1, csv.find(';', csv.find(';', kas) + 1) - csv.find(';', kas) - 1, "dua juta");
  int64_t id = 0;
  EXPECT_EQ(app_->SaveDraftFromFile(As("pengurusA"), coop_["A"], std::nullopt, csv, "laporan.csv", &id).code,
            Code::kInvalid);
  const Outcome saved = app_->SaveDraftFromFile(As("pengurusA"), coop_["A"], std::nullopt, csv, "laporan.csv", &id,
                                                DraftMode::kMayBeIncomplete);
  ASSERT_TRUE(saved.ok()) << saved.problems.Render(Lang::kEn);
  LaporanView view;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &view).ok());
  EXPECT_TRUE(view.incomplete);
  EXPECT_EQ(view.record.periode_akhir, "2025-12-31");
  EXPECT_FALSE(Get(view.fields, "neraca.bank").empty());  // what was read is kept
  EXPECT_FALSE(view.missing.empty());
  // A file with nothing readable in it is refused, not kept as an empty draft.
  EXPECT_EQ(app_->SaveDraftFromFile(As("pengurusA"), coop_["A"], std::nullopt, "bukan laporan", "x.json", &id,
                                    DraftMode::kMayBeIncomplete)
                .code,
            Code::kInvalid);
}

TEST_P(IncompleteDraftTest, TheExaminerChangesAChecklistAnswerWithAReason) {
  if (!database_ready()) return;
  int64_t id = 0;
  ASSERT_TRUE(app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, CompleteKkpkkFields(), &id,
                                        DraftMode::kMayBeIncomplete)
                  .ok());
  ASSERT_TRUE(app_->Submit(As("pengurusA"), id).ok());
  const std::string key = "daftar_periksa.kkpkk.prinsip_keanggotaan[3]";
  const std::string original = Get(CompleteKkpkkFields(), key);
  ASSERT_TRUE(original == "Ya" || original == "Tidak") << original;
  const std::string changed = original == "Ya" ? "Tidak" : "Ya";
  // Without a reason: refused.
  EXPECT_EQ(app_->Adjust(As("dinasA"), id, {{key, changed}}, " ").code, Code::kInvalid);
  // An answer that is neither Ya nor Tidak: refused, naming the item.
  const Outcome bad = app_->Adjust(As("dinasA"), id, {{key, "mungkin"}}, "cek buku anggota");
  EXPECT_EQ(bad.code, Code::kInvalid);
  const Outcome o = app_->Adjust(As("dinasA"), id, {{key, changed}}, "buku anggota: lebih banyak yang keluar");
  ASSERT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
  LaporanView view;
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &view).ok());
  ASSERT_EQ(view.adjustments.size(), 1u);
  EXPECT_EQ(view.adjustments[0].path, key);
  EXPECT_EQ(view.adjustments[0].before_value, original);
  EXPECT_EQ(view.adjustments[0].after_value, changed);
  EXPECT_EQ(view.adjustments[0].reason, "buku anggota: lebih banyak yang keluar");
  EXPECT_EQ(view.adjustments[0].username, "dinasA");
  // The current figures carry the new answer; the submitted ones keep the original.
  EXPECT_NE(view.record.laporan_json, view.record.diajukan_json);
  EXPECT_TRUE(app_->Finalise(As("dinasA"), id).ok());
}

TEST_P(IncompleteDraftTest, AKkpkkLaporanHasAVerifiedPlanWithChecklistSteps) {
  if (!database_ready()) return;
  int64_t id = 0;
  ASSERT_TRUE(app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, CompleteKkpkkFields(), &id).ok());
  PlanView plan;
  ASSERT_TRUE(app_->PlanLaporan(As("pengurusA"), id, &plan).ok());
  EXPECT_EQ(plan.unavailable, PlanView::Unavailable::kNo);
  EXPECT_GT(plan.plan.day_value_sen, 0);  // the KKPKK effort book is in use
  if (plan.plan.status == Plan::Status::kVerified) {
    EXPECT_TRUE(ReachesTarget(plan.plan.result, plan.target_e6));
  } else {
    EXPECT_EQ(plan.plan.status, Plan::Status::kAlreadyThere);
  }
  // Whoever may not see the cooperative's laporan is still refused.
  EXPECT_FALSE(app_->PlanLaporan(As("anggotaA"), id, &plan).ok());
}

}  // namespace
}  // namespace kopsehat::app::testing
