// Tests of the application core on both backends: sessions and throttling, the workflow with its states and
// reasons, immutability of final assessments (in the App and in the database), tenant isolation, the audit log.
#include "app/app.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "interchange/template_writer.h"
#include "interchange/test_sistem_input.h"
#include "report/json_report.h"
#include "rules/loader.h"
#include "app/demo.h"
#include "app/test_app.h"

namespace kopsehat::app::testing {
namespace {

using store::Status;

class WorkflowTest : public AppTest {};
KOPSEHAT_INSTANTIATE_BACKENDS(WorkflowTest);

bool HasCode(const Outcome& o, const std::string& kode) {
  for (const Problem& p : o.problems.items()) {
    if (p.code == kode) return true;
  }
  return false;
}

// The demo is consistent: every laporan of a cooperative names the regency and province the cooperative is listed
// in (the example file of KSP Maju Jaya names another regency; the demo must not show a Dinas a foreign laporan).
TEST(DemoData, EveryLaporanNamesTheRegionItsCooperativeIsListedIn) {
  const std::string dir = ::testing::TempDir() + "kopsehat-demo-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string error;
  auto store = store::Store::OpenAs(store::Dialect::kSqlite, dir + "/demo.db", 2, &error);
  ASSERT_NE(store, nullptr) << error;
  ASSERT_TRUE(store->WithConnection([](store::Connection* c) { return store::Migrate(c, kStartTime); }).ok());
  AppOptions options;
  options.password_cost = PasswordCost::kTest;
  App app(store.get(), options);
  std::vector<DemoLogin> logins;
  const Outcome seeded = SeedDemo(&app, std::string(KOPSEHAT_SOURCE_DIR) + "/examples", &logins);
  ASSERT_TRUE(seeded.ok()) << (seeded.problems.empty() ? "" : seeded.problems.items()[0].pesan);
  std::string token;
  Principal admin;
  ASSERT_TRUE(app.Login("admin", kDemoPassword, "127.0.0.1", &token, &admin).ok());
  std::vector<store::Cooperative> coops;
  ASSERT_TRUE(app.ListCooperatives(admin, &coops).ok());
  ASSERT_EQ(coops.size(), 2u);
  size_t checked = 0;
  for (const store::Cooperative& c : coops) {
    CooperativeView cv;
    ASSERT_TRUE(app.ViewCooperative(admin, c.id, &cv).ok());
    for (const store::LaporanRecord& r : cv.laporan) {
      LaporanView v;
      ASSERT_TRUE(app.ViewLaporan(admin, r.id, &v).ok());
      EXPECT_EQ("Kabupaten " + v.laporan.cooperative.kabupaten, c.region_nama) << c.nama << " " << r.periode_akhir;
      EXPECT_EQ(v.laporan.cooperative.provinsi, v.provinsi) << c.nama << " " << r.periode_akhir;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 12u);  // two cooperatives, six years each
  store.reset();
  std::filesystem::remove_all(dir);
}

TEST_P(WorkflowTest, LoginSessionLogout) {
  if (!database_ready()) return;
  std::string token;
  Principal p;
  ASSERT_TRUE(app_->Login("pengurusA", kPassword, "10.0.0.1", &token, &p).ok());
  EXPECT_EQ(token.size(), 64u);
  EXPECT_NE(p.session.token_hash, token);  // only the hash is stored
  Principal again;
  ASSERT_TRUE(app_->Authenticate(token, &again).ok());
  EXPECT_EQ(again.user.username, "pengurusA");
  EXPECT_EQ(again.session.csrf_token, p.session.csrf_token);
  // Expiry.
  now_ += app_->options().session_ttl_s;
  EXPECT_EQ(app_->Authenticate(token, &again).code, Code::kUnauthenticated);
  now_ = kStartTime;
  ASSERT_TRUE(app_->Authenticate(token, &again).ok());
  ASSERT_TRUE(app_->Logout(again).ok());
  EXPECT_EQ(app_->Authenticate(token, &again).code, Code::kUnauthenticated);
  EXPECT_EQ(app_->Authenticate("not-a-token", &again).code, Code::kUnauthenticated);
}

TEST_P(WorkflowTest, WrongPasswordsAreThrottledPerUserAndClient) {
  if (!database_ready()) return;
  std::string token;
  Principal p;
  for (int i = 0; i < LoginThrottle::kMaxFailures; ++i) {
    EXPECT_EQ(app_->Login("pengurusA", "salah-salah", "10.0.0.2", &token, &p).code, Code::kUnauthenticated);
  }
  // Even the right password is refused from that address while throttled...
  EXPECT_EQ(app_->Login("pengurusA", kPassword, "10.0.0.2", &token, &p).code, Code::kThrottled);
  // ...but one address cannot lock the user out from another.
  EXPECT_TRUE(app_->Login("pengurusA", kPassword, "10.0.0.3", &token, &p).ok());
  // Other users at the same address are not locked out by one user's failures (a shared office or proxy address)...
  EXPECT_TRUE(app_->Login("pengurusB", kPassword, "10.0.0.2", &token, &p).ok());
  // ...but an address guessing at many names is, after many more failures.
  for (int i = 0; i < LoginThrottle::kMaxClientFailures; ++i) {
    app_->Login("nama" + std::to_string(i), "salah-salah", "10.0.0.9", &token, &p);
  }
  EXPECT_EQ(app_->Login("pengurusB", kPassword, "10.0.0.9", &token, &p).code, Code::kThrottled);
  now_ += LoginThrottle::kWindowS;
  EXPECT_TRUE(app_->Login("pengurusA", kPassword, "10.0.0.2", &token, &p).ok());
  // Unknown users fail the same way as wrong passwords.
  const Outcome unknown = app_->Login("tidak-ada", kPassword, "10.0.0.4", &token, &p);
  EXPECT_EQ(unknown.code, Code::kUnauthenticated);
  EXPECT_TRUE(HasCode(unknown, "gagal_masuk"));
}

TEST_P(WorkflowTest, GuessingSpreadOverManyAddressesIsThrottledPerUser) {
  if (!database_ready()) return;
  std::string token;
  Principal p;
  const int addresses = LoginThrottle::kMaxUserFailures / LoginThrottle::kMaxFailures;
  for (int a = 0; a < addresses; ++a) {
    for (int i = 0; i < LoginThrottle::kMaxFailures; ++i) {
      EXPECT_EQ(app_->Login("pengurusA", "salah-salah", "10.1.0." + std::to_string(a), &token, &p).code,
                Code::kUnauthenticated);
    }
  }
  EXPECT_EQ(app_->Login("pengurusA", kPassword, "10.2.0.1", &token, &p).code, Code::kThrottled);
  EXPECT_TRUE(app_->Login("pengurusB", kPassword, "10.2.0.1", &token, &p).ok());
}

TEST_P(WorkflowTest, ConcurrentWrongPasswordsCostAtMostTheLimitOfChecks) {
  if (!database_ready()) return;
  // 40 simultaneous wrong passwords for one user from one address: each attempt is counted before its check, so
  // only kMaxFailures are checked at all; the rest are throttled without hashing.
  const uint64_t before = app_->login_stats().password_checks;
  std::vector<std::thread> threads;
  std::atomic<int> throttled{0}, wrong{0};
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&] {
      std::string token;
      Principal p;
      const Code c = app_->Login("pengurusA", "salah-salah", "10.3.0.1", &token, &p).code;
      if (c == Code::kThrottled) ++throttled;
      if (c == Code::kUnauthenticated) ++wrong;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), LoginThrottle::kMaxFailures);
  EXPECT_EQ(throttled.load(), 40 - LoginThrottle::kMaxFailures);
  EXPECT_EQ(app_->login_stats().password_checks - before, uint64_t(LoginThrottle::kMaxFailures));
  // Never more checks at once than the limit (the number of cores unless set).
  EXPECT_LE(app_->login_stats().peak_concurrent_checks, int(std::max(1u, std::thread::hardware_concurrency())));
}

TEST_P(WorkflowTest, DraftSubmitReviewFinalise) {
  if (!database_ready()) return;
  const int64_t id = Draft("A");
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &v).ok());
  EXPECT_EQ(v.record.status, Status::kDraft);
  EXPECT_EQ(v.record.rulebook_id, "kkpkk-2021");  // the example names no method: the one of its period (2025)
  EXPECT_FALSE(v.record.rulebook_version.empty());
  EXPECT_EQ(v.record.total_e6, v.assessment.total_e6);
  // The examiner cannot review a draft; the cooperative submits.
  EXPECT_EQ(app_->Finalise(As("dinasA"), id).code, Code::kConflict);
  EXPECT_EQ(app_->Submit(As("pengelolaA"), id).code, Code::kForbidden);  // the board submits
  ASSERT_TRUE(app_->Submit(As("pengurusA"), id).ok());
  EXPECT_EQ(app_->Submit(As("pengurusA"), id).code, Code::kConflict);
  // Changes need a reason; the original figure is kept beside the change and in the submitted figures.
  EXPECT_TRUE(HasCode(app_->Adjust(As("dinasA"), id, {{"neraca.kas", "40.000.000"}}, "  "), "alasan_wajib"));
  const Outcome bad_value = app_->Adjust(As("dinasA"), id, {{"neraca.kas", "empat puluh"}}, "salah ketik");
  EXPECT_EQ(bad_value.code, Code::kInvalid);
  ASSERT_FALSE(bad_value.problems.empty());
  EXPECT_EQ(bad_value.problems.items()[0].path, "neraca.kas");
  // One line alone would unbalance the balance sheet: refused, with the balance problem.
  EXPECT_EQ(app_->Adjust(As("dinasA"), id, {{"neraca.kas", "2.350.000"}}, "kas opname").code, Code::kInvalid);
  EXPECT_EQ(app_->Adjust(As("dinasA"), id, {{"periode.akhir", "2024-12-31"}}, "x").code, Code::kInvalid);
  // Cash found missing at the count was booked as a bank balance: both lines change together.
  ASSERT_TRUE(app_->Adjust(As("dinasA"), id, {{"neraca.kas", "2.350.000"}, {"neraca.bank", "158.600.000,50"}},
                           "kas fisik saat opname Rp 2.350.000; selisih ada di rekening bank")
                  .ok());
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &v).ok());
  ASSERT_EQ(v.adjustments.size(), 2u);
  EXPECT_EQ(v.adjustments[1].path, "neraca.bank");
  EXPECT_EQ(v.adjustments[1].reason, v.adjustments[0].reason);
  EXPECT_EQ(v.adjustments[0].path, "neraca.kas");
  EXPECT_EQ(v.adjustments[0].before_value, "42350000");
  EXPECT_EQ(v.adjustments[0].after_value, "2.350.000");
  EXPECT_EQ(v.adjustments[0].username, "dinasA");
  EXPECT_NE(v.record.diajukan_json, v.record.laporan_json);
  EXPECT_EQ(v.laporan.current.Get(FindLine("neraca.kas")), 2'350'000'00);
  // Evidence: hashed, size-limited, only by the examiner during review.
  int64_t ev = 0;
  ASSERT_TRUE(app_->AddEvidence(As("dinasA"), id, "opname.txt", "text/plain", "kas 2.350.000", "", &ev).ok());
  EXPECT_EQ(app_->AddEvidence(As("pengurusA"), id, "x.txt", "text/plain", "x", "", &ev).code, Code::kForbidden);
  EXPECT_EQ(app_->AddEvidence(As("dinasA"), id, "big.bin", "", std::string(app_->options().max_evidence_bytes + 1, 'x'),
                              "", &ev)
                .code,
            Code::kInvalid);
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &v).ok());
  ASSERT_EQ(v.evidence.size(), 1u);
  EXPECT_EQ(v.evidence[0].sha256, Sha256Hex("kas 2.350.000"));
  EXPECT_EQ(v.evidence[0].size_bytes, 13);
  ASSERT_TRUE(app_->Finalise(As("dinasA"), id).ok());
  // Final is final: no change through the App...
  EXPECT_EQ(app_->Adjust(As("dinasA"), id, {{"pinjaman.macet", "1"}}, "x").code, Code::kConflict);
  EXPECT_EQ(app_->Finalise(As("dinasA"), id).code, Code::kConflict);
  // ...nor by writing to the database behind its back.
  const store::DbError e = store_->Write([&](store::Connection* c) {
    return c->Exec("UPDATE laporan SET total_e6 = 100000000 WHERE id = ?", {id}, nullptr);
  });
  EXPECT_EQ(e.kind, store::DbErrorKind::kConstraint);
  const store::DbError d = store_->Write([&](store::Connection* c) {
    return c->Exec("DELETE FROM laporan WHERE id = ?", {id}, nullptr);
  });
  EXPECT_EQ(d.kind, store::DbErrorKind::kConstraint);
}

// A final result reads as it was finalised: recomputed with the method version it was stored under while that version
// is still embedded; a draft or submitted laporan is recomputed with the current version, and the page says so.
TEST_P(WorkflowTest, FinalResultsKeepTheirMethodVersion) {
  if (!database_ready()) return;
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-contoh-kkpkk-2025.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int64_t id = 0;
  const Outcome saved = app_->SaveDraftFromFile(As("pengurusA"), coop_.at("A"), std::nullopt, text, "laporan.json", &id);
  ASSERT_TRUE(saved.ok()) << saved.problems.Render(Lang::kEn);
  ASSERT_TRUE(app_->Submit(As("pengurusA"), id).ok());
  // As if stored before version 2 existed.
  ASSERT_TRUE(store_->WithConnection([&](store::Connection* c) {
                store::Result r;
                return c->Exec("UPDATE laporan SET rulebook_version = '1' WHERE id = ?", {store::Value{id}}, &r);
              }).ok());
  Problems p;
  const Rulebook* v1 = EmbeddedRulebookVersion("kkpkk-2021", "1", &p);
  const Rulebook* current = EmbeddedRulebookById("kkpkk-2021", &p);
  ASSERT_NE(v1, nullptr);
  ASSERT_NE(current, nullptr);
  ASSERT_NE(current->version, "1");
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &v).ok());
  EXPECT_EQ(v.assessment.rulebook->version, current->version);  // not final: the current version; the page says so
  EXPECT_TRUE(v.method_changed);
  ASSERT_TRUE(app_->Finalise(As("dinasA"), id).ok());
  LaporanView f;
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &f).ok());
  EXPECT_EQ(f.assessment.rulebook->version, "1");
  EXPECT_FALSE(f.method_changed);
  Laporan l;
  LaporanJsonReader reader;
  ASSERT_TRUE(reader.Read(text, &l, &p)) << p.Render(Lang::kEn);
  Assessment direct;
  ASSERT_TRUE(Evaluate(l, *v1, EvaluateOptions{}, &direct, &p)) << p.Render(Lang::kEn);
  EXPECT_EQ(f.assessment.total_e6, direct.total_e6);
}

// A laporan that chooses no method is assessed with its period's: a 2025 one without KKPKK answers is refused naming
// what is missing and how to choose the old method; a 2019 one is assessed with ksp-2016.
TEST_P(WorkflowTest, TheMethodFollowsThePeriod) {
  if (!database_ready()) return;
  nlohmann::json lap = nlohmann::json::parse(ExampleJson("2025-12-31"));
  lap.erase("metode");
  lap["daftar_periksa"].erase("kkpkk");  // the 2016 inputs only
  int64_t id = 0;
  const Outcome refused =
      app_->SaveDraftFromFile(As("pengurusA"), coop_.at("A"), std::nullopt, lap.dump(), "laporan.json", &id);
  EXPECT_EQ(refused.code, Code::kInvalid);
  EXPECT_TRUE(HasCode(refused, "metode_menurut_periode")) << refused.problems.Render(Lang::kEn);
  bool names_missing = false;
  for (const Problem& p : refused.problems.items()) names_missing = names_missing || p.path == "daftar_periksa.kkpkk";
  EXPECT_TRUE(names_missing) << refused.problems.Render(Lang::kEn);
  lap["periode"]["akhir"] = "2019-12-31";
  const Outcome saved =
      app_->SaveDraftFromFile(As("pengurusA"), coop_.at("A"), std::nullopt, lap.dump(), "laporan.json", &id);
  ASSERT_TRUE(saved.ok()) << saved.problems.Render(Lang::kEn);
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &v).ok());
  EXPECT_EQ(v.record.rulebook_id, "ksp-2016");
}

TEST_P(WorkflowTest, CorrectionIsANewRevisionWithItsReason) {
  if (!database_ready()) return;
  const int64_t first = Final("A", "2025-12-31");
  int64_t second = 0;
  EXPECT_TRUE(HasCode(app_->StartCorrection(As("dinasA"), first, "", &second), "alasan_wajib"));
  EXPECT_EQ(app_->StartCorrection(As("dinasB"), first, "bukan wilayahnya", &second).code, Code::kNotFound);
  ASSERT_TRUE(app_->StartCorrection(As("dinasA"), first, "salah baca saldo kas", &second).ok());
  EXPECT_EQ(app_->StartCorrection(As("dinasA"), first, "dua kali", &second).code, Code::kConflict);
  ASSERT_TRUE(app_->Adjust(As("dinasA"), second, {{"manajemen.umum[1]", "Tidak"}}, "tidak ada notulen rapat").ok());
  ASSERT_TRUE(app_->Finalise(As("dinasA"), second).ok());
  LaporanView a, b;
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), first, &a).ok());
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), second, &b).ok());
  EXPECT_EQ(a.record.status, Status::kFinal);  // the first stays as it was
  EXPECT_EQ(b.record.revision, 2);
  EXPECT_EQ(b.record.corrects_id, first);
  EXPECT_EQ(b.record.correction_reason, "salah baca saldo kas");
  EXPECT_NE(a.record.laporan_json, b.record.laporan_json);
  // The regional dashboard reads the newest final revision.
  RegionView r;
  ASSERT_TRUE(app_->ViewRegion(As("dinasA"), &r).ok());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].summary.latest_id, second);
}

TEST_P(WorkflowTest, ReturnedLaporanGoesBackToDraftWithTheNote) {
  if (!database_ready()) return;
  const int64_t id = Submitted("A");
  EXPECT_TRUE(HasCode(app_->ReturnToCooperative(As("dinasA"), id, ""), "alasan_wajib"));
  ASSERT_TRUE(app_->ReturnToCooperative(As("dinasA"), id, "lampirkan neraca yang ditandatangani").ok());
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &v).ok());
  EXPECT_EQ(v.record.status, Status::kDraft);
  EXPECT_EQ(v.record.review_note, "lampirkan neraca yang ditandatangani");
  int64_t same = 0;
  ASSERT_TRUE(app_->SaveDraftFromFile(As("pengelolaA"), coop_["A"], id, ExampleJson(), "l.json", &same).ok());
  EXPECT_EQ(same, id);
  EXPECT_TRUE(app_->Submit(As("pengurusA"), id).ok());
}

TEST_P(WorkflowTest, InvalidInputStoresNothingAndNamesTheFields) {
  if (!database_ready()) return;
  int64_t id = 0;
  // The form: a typo in one amount and a balance sheet that does not balance.
  std::vector<std::pair<std::string, std::string>> fields = {
      {"koperasi.nama", "KSP A"}, {"periode.akhir", "2025-12-31"}, {"neraca.kas", "12,5,0"},
      {"neraca.simpanan_pokok", "1.000.000"}};
  const Outcome o = app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt, fields, &id);
  EXPECT_EQ(o.code, Code::kInvalid);
  bool kas = false;
  for (const Problem& p : o.problems.items()) kas = kas || p.path == "neraca.kas";
  EXPECT_TRUE(kas) << o.problems.Render(Lang::kEn);
  CooperativeView c;
  ASSERT_TRUE(app_->ViewCooperative(As("pengurusA"), coop_["A"], &c).ok());
  EXPECT_TRUE(c.laporan.empty());
  // A second laporan for the same period is refused; the existing one is changed instead.
  Draft("A");
  EXPECT_EQ(app_->SaveDraftFromFile(As("pengurusA"), coop_["A"], std::nullopt, ExampleJson(), "l.json", &id).code,
            Code::kConflict);
  // A goal method has no predikat: refused with its reason.
  nlohmann::json pearls_json = nlohmann::json::parse(ExampleJson("2023-12-31"));
  pearls_json["metode"] = "pearls-woccu";
  const std::string pearls = pearls_json.dump();
  const Outcome g = app_->SaveDraftFromFile(As("pengurusA"), coop_["A"], std::nullopt, pearls, "l.json", &id);
  EXPECT_EQ(g.code, Code::kInvalid);
}

TEST_P(WorkflowTest, TheTemplatesAsTheCooperativeFillsThemAreAccepted) {
  if (!database_ready()) return;
  // The XLSX and CSV templates, filled with the example (as `kopsehat convert` writes them), uploaded as they are.
  Laporan example;
  Problems read;
  LaporanJsonReader reader;
  ASSERT_TRUE(reader.Read(ExampleJson("2024-12-31"), &example, &read));
  Problems problems;
  TemplateOptions t;
  t.rulebook = EmbeddedRulebookById("ksp-2016", &problems);
  t.metode = "ksp-2016";  // the 2016 template, as `kopsehat convert --metode ksp-2016` writes it
  t.prefill = &example;
  const std::string xlsx_path = std::filesystem::temp_directory_path() / ("kopsehat-app-test-" +
                                                                          std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(WriteTemplateXlsx(xlsx_path, t).ok());
  std::ifstream in(xlsx_path, std::ios::binary);
  const std::string xlsx((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(xlsx_path);
  int64_t from_xlsx = 0, from_csv = 0;
  Outcome o = app_->SaveDraftFromFile(As("pengelolaA"), coop_["A"], std::nullopt, xlsx, "laporan.xlsx", &from_xlsx);
  ASSERT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
  example.periode_akhir = "2023-12-31";
  o = app_->SaveDraftFromFile(As("pengelolaA"), coop_["A"], std::nullopt, TemplateCsv(t), "laporan.csv", &from_csv);
  ASSERT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
  LaporanView a, b;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), from_xlsx, &a).ok());
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), from_csv, &b).ok());
  EXPECT_EQ(a.record.total_e6, b.record.total_e6);  // the same figures, whichever template carried them
  EXPECT_EQ(a.record.periode_akhir, "2024-12-31");
  EXPECT_EQ(b.record.periode_akhir, "2023-12-31");
}

TEST_P(WorkflowTest, TheExaminersSistemInputWorkbookIsAcceptedAsAnUpload) {
  if (!database_ready()) return;
  // The web upload reads through the same reader as `kopsehat assess`: the examiner's workbook is recognised.
  int64_t id = 0;
  const Outcome o = app_->SaveDraftFromFile(As("pengelolaA"), coop_["A"], std::nullopt,
                                            kopsehat::testing::SistemInputExample().Bytes(), "lembar-kerja.xlsx", &id);
  ASSERT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("pengurusA"), id, &v).ok());
  EXPECT_EQ(v.record.periode_akhir, "2021-12-31");
  EXPECT_EQ(v.record.total_e6, 80'780'000);  // kkpkk-2021, as the transcribed example
}

TEST_P(WorkflowTest, TenantsAreIsolated) {
  if (!database_ready()) return;
  const int64_t draft_a = Draft("A");
  const int64_t final_a = Final("A");
  CooperativeView c;
  LaporanView v;
  // Other tenants learn nothing, not even that the ids exist.
  for (const char* outsider : {"pengurusB", "pengelolaB", "pengawasB", "anggotaB", "dinasB"}) {
    EXPECT_EQ(app_->ViewCooperative(As(outsider), coop_["A"], &c).code, Code::kNotFound) << outsider;
    EXPECT_EQ(app_->ViewLaporan(As(outsider), final_a, &v).code, Code::kNotFound) << outsider;
    EXPECT_EQ(app_->Submit(As(outsider), draft_a).code, Code::kNotFound) << outsider;
  }
  // anggota: the published result only.
  ASSERT_TRUE(app_->ViewCooperative(As("anggotaA"), coop_["A"], &c).ok());
  ASSERT_EQ(c.laporan.size(), 1u);
  EXPECT_EQ(c.laporan[0].id, final_a);
  EXPECT_TRUE(app_->ViewLaporan(As("anggotaA"), final_a, &v).ok());
  EXPECT_EQ(app_->ViewLaporan(As("anggotaA"), draft_a, &v).code, Code::kNotFound);
  // pengawas sees everything of its cooperative but changes nothing.
  EXPECT_TRUE(app_->ViewLaporan(As("pengawasA"), draft_a, &v).ok());
  int64_t id = 0;
  EXPECT_EQ(app_->SaveDraftFromFile(As("pengawasA"), coop_["A"], draft_a, ExampleJson(), "l.json", &id).code,
            Code::kForbidden);
  // The administrator sees all but does not examine.
  EXPECT_TRUE(app_->ViewLaporan(As("admin"), draft_a, &v).ok());
  const int64_t sub_b = Submitted("B");
  EXPECT_EQ(app_->Finalise(As("admin"), sub_b).code, Code::kForbidden);
  EXPECT_EQ(app_->Finalise(As("dinasA"), sub_b).code, Code::kNotFound);
  // The region lists only the examiner's own regencies.
  RegionView r;
  ASSERT_TRUE(app_->ViewRegion(As("dinasA"), &r).ok());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].summary.cooperative.nama, "KSP A");
  EXPECT_TRUE(r.awaiting_review.empty());
  EXPECT_EQ(app_->ViewRegion(As("pengurusA"), &r).code, Code::kForbidden);
}

TEST_P(WorkflowTest, RegionFlagsEarlyWarningAndOverdue) {
  if (!database_ready()) return;
  // A: 2024 final with the example, 2025 final with much of its cash lost to bad loans → score falls.
  Final("A", "2024-12-31");
  const int64_t y2025 = Submitted("A", "2025-12-31");
  ASSERT_TRUE(app_->Adjust(As("dinasA"), y2025, {{"pinjaman.macet", "300.000.000"}}, "uji penurunan").ok());
  ASSERT_TRUE(app_->Finalise(As("dinasA"), y2025).ok());
  RegionView r;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &r).ok());
  ASSERT_EQ(r.rows.size(), 2u);
  const RegionRow& a = r.rows[0].summary.cooperative.nama == "KSP A" ? r.rows[0] : r.rows[1];
  const RegionRow& b = r.rows[0].summary.cooperative.nama == "KSP A" ? r.rows[1] : r.rows[0];
  ASSERT_TRUE(a.summary.previous_total_e6.has_value());
  EXPECT_LT(a.summary.latest_total_e6, *a.summary.previous_total_e6);
  EXPECT_TRUE(a.early_warning);
  EXPECT_EQ(r.expected_periode, "2025-12-31");
  // Before 30 June nobody is overdue; after it, B (nothing submitted for 2025) is.
  EXPECT_FALSE(b.overdue);
  now_ = kStartTime + 60 * 86400;
  RegionView later;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &later).ok());
  for (const RegionRow& row : later.rows) {
    EXPECT_EQ(row.overdue, row.summary.cooperative.nama == "KSP B") << row.summary.cooperative.nama;
  }
  EXPECT_EQ(later.by_predikat[""], 1);  // B has no final assessment yet
}

// The dashboard's snapshot is shared until its data changes, not rebuilt on a timer: at national scale a build
// takes seconds. Rows of one snapshot have one address, so equal addresses mean "not rebuilt".
TEST_P(WorkflowTest, RegionSnapshotIsRebuiltWhenItsDataChangesAndOnlyThen) {
  if (!database_ready()) return;
  Final("A", "2024-12-31");
  RegionView first;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &first).ok());
  ASSERT_EQ(first.rows.size(), 2u);
  // An hour later, and after a login (a write of sessions and the audit log, not of the dashboard's data): the same.
  now_ += 3600;
  std::string token;
  Principal who;
  ASSERT_TRUE(app_->Login("pengurusA", kPassword, "10.0.0.1", &token, &who).ok());
  RegionView later;
  ASSERT_TRUE(app_->ViewRegion(As("dinasA"), &later).ok());
  ASSERT_EQ(later.rows.size(), 1u);
  const RegionRow* row_a = first.rows[0].summary.cooperative.id == coop_["A"] ? &first.rows[0] : &first.rows[1];
  EXPECT_EQ(&later.rows[0], row_a);
  // A write through this App shows at once.
  Submitted("B");
  RegionView submitted;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &submitted).ok());
  ASSERT_EQ(submitted.awaiting_review.size(), 1u);
  EXPECT_NE(&submitted.rows[0], &first.rows[0]);
  // A write by another process (plain SQL here) is seen by the next check of the database's change counter, at most
  // kDataVersionCheckS later; until then the snapshot is trusted.
  ASSERT_TRUE(store_
                  ->Write([&](store::Connection* c) {
                    return c->Exec("UPDATE cooperatives SET nama = 'KSP Zeta' WHERE id = ?", {coop_["B"]}, nullptr);
                  })
                  .ok());
  const auto names = [](const RegionView& v) {
    std::vector<std::string> out;
    for (const RegionRow& r : v.rows) out.push_back(r.summary.cooperative.nama);
    return out;
  };
  RegionView trusted;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &trusted).ok());
  EXPECT_EQ(names(trusted), (std::vector<std::string>{"KSP A", "KSP B"}));
  now_ += App::kDataVersionCheckS;
  RegionView checked;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &checked).ok());
  EXPECT_EQ(names(checked), (std::vector<std::string>{"KSP A", "KSP Zeta"}));
  // And the check, when nothing changed, keeps the snapshot.
  now_ += App::kDataVersionCheckS;
  RegionView unchanged;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &unchanged).ok());
  EXPECT_EQ(&unchanged.rows[0], &checked.rows[0]);
}

// The snapshot carries the "overdue" flags of its moment: crossing the deadline rebuilds it although no data changed
// (and within the interval at which the database's counter is read, so nothing else would).
TEST_P(WorkflowTest, RegionSnapshotIsRebuiltWhenTheDeadlinePasses) {
  if (!database_ready()) return;
  Final("A", "2025-12-31");
  const int64_t deadline = 1782864000;  // 2026-07-01 00:00 UTC: 30 June is the last day for 2025's laporan
  now_ = deadline - 2;
  RegionView before;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &before).ok());
  for (const RegionRow& row : before.rows) EXPECT_FALSE(row.overdue) << row.summary.cooperative.nama;
  now_ = deadline - 1;
  RegionView still;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &still).ok());
  EXPECT_EQ(&still.rows[0], &before.rows[0]);
  now_ = deadline;
  RegionView after;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &after).ok());
  for (const RegionRow& row : after.rows) {
    EXPECT_EQ(row.overdue, row.summary.cooperative.nama == "KSP B") << row.summary.cooperative.nama;
  }
  // The flagged rows come gathered, as the rows' filter would give them, for every kind of user.
  for (const char* who : {"admin", "dinasA", "dinasB"}) {
    RegionView v;
    ASSERT_TRUE(app_->ViewRegion(As(who), &v).ok());
    ASSERT_TRUE(v.flags_gathered);
    std::vector<const RegionRow*> overdue, warned, gathered_overdue, gathered_warned;
    for (const RegionRow& row : v.rows) {
      if (row.overdue) overdue.push_back(&row);
      if (row.early_warning) warned.push_back(&row);
    }
    for (const RegionRow& row : v.overdue_rows) gathered_overdue.push_back(&row);
    for (const RegionRow& row : v.early_warning_rows) gathered_warned.push_back(&row);
    EXPECT_EQ(gathered_overdue, overdue) << who;
    EXPECT_EQ(gathered_warned, warned) << who;
    EXPECT_EQ(overdue.size(), std::string(who) == "dinasA" ? 0u : 1u) << who;
  }
  // An examiner of both regencies (as of a province) sees what the administrator sees here, in the same order, from a
  // list gathered once and shared by the next request.
  store::User both{0, "dinasAB", "Dinas", store::Role::kDinas, std::nullopt, {region_["B"], region_["A"]}, "", true};
  ASSERT_TRUE(app_->CreateUser(&As("admin"), both, kPassword, &both.id).ok());
  const Principal province = Load(both.id);
  RegionView admin, first_view, second_view;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &admin).ok());
  ASSERT_TRUE(app_->ViewRegion(province, &first_view).ok());
  ASSERT_TRUE(app_->ViewRegion(province, &second_view).ok());
  ASSERT_EQ(first_view.rows.size(), admin.rows.size());
  for (size_t i = 0; i < admin.rows.size(); ++i) EXPECT_EQ(&first_view.rows[i], &admin.rows[i]);
  ASSERT_EQ(first_view.overdue_rows.size(), 1u);
  EXPECT_EQ(&first_view.overdue_rows[0], &admin.overdue_rows[0]);
  EXPECT_EQ(&first_view.rows[0], &second_view.rows[0]);
  // The next change is the new year: 2026's laporan becomes the expected one, nobody overdue until July.
  now_ = 1798761600;  // 2027-01-01
  RegionView new_year;
  ASSERT_TRUE(app_->ViewRegion(As("admin"), &new_year).ok());
  EXPECT_EQ(new_year.expected_periode, "2026-12-31");
  for (const RegionRow& row : new_year.rows) EXPECT_FALSE(row.overdue) << row.summary.cooperative.nama;
}

TEST_P(WorkflowTest, EveryWriteIsAuditedAndTheLogIsAppendOnly) {
  if (!database_ready()) return;
  const int64_t id = Submitted("A");
  ASSERT_TRUE(app_->Finalise(As("dinasA"), id).ok());
  std::vector<store::AuditEntry> log;
  bool more = false;
  ASSERT_TRUE(app_->Audit(As("pengawasA"), coop_["A"], std::nullopt, &log, &more).ok());
  std::vector<std::string> actions;
  for (const store::AuditEntry& e : log) actions.push_back(e.action);
  ASSERT_GE(actions.size(), 3u);
  EXPECT_EQ(actions[0], "laporan.final");  // newest first
  EXPECT_EQ(actions[1], "laporan.ajukan");
  EXPECT_EQ(actions[2], "laporan.buat");
  EXPECT_NE(log[0].before_json.find("diajukan"), std::string::npos);
  EXPECT_NE(log[0].after_json.find("final"), std::string::npos);
  EXPECT_EQ(app_->Audit(As("pengawasB"), coop_["A"], std::nullopt, &log, &more).code, Code::kNotFound);
  // The whole log: the administrator only.
  EXPECT_EQ(app_->Audit(As("dinasA"), std::nullopt, std::nullopt, &log, &more).code, Code::kForbidden);
  for (const char* sql : {"UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log",
                          "UPDATE adjustments SET reason = 'x'", "DELETE FROM evidence"}) {
    const store::DbError e = store_->Write([&](store::Connection* c) {
      // An empty table fires no row trigger: make sure a row exists where the statement needs one.
      store::DbError err = c->Exec(sql, {}, nullptr);
      if (err.ok() && std::string(sql).find("audit_log") == std::string::npos) {
        return store::DbError{store::DbErrorKind::kConstraint, "no rows to protect"};
      }
      return err;
    });
    EXPECT_EQ(e.kind, store::DbErrorKind::kConstraint) << sql;
  }
  if (dialect() == store::Dialect::kSqlite) {
    // INSERT OR REPLACE deletes the old row without DELETE triggers: the INSERT triggers refuse it.
    for (const std::string& sql :
         {std::string("INSERT OR REPLACE INTO audit_log (id, at, action, entity) VALUES (1, 0, 'dihapus', 'x')"),
          "INSERT OR REPLACE INTO laporan SELECT * FROM laporan WHERE id = " + std::to_string(id)}) {
      const store::DbError e = store_->Write([&](store::Connection* c) { return c->Exec(sql, {}, nullptr); });
      EXPECT_EQ(e.kind, store::DbErrorKind::kConstraint) << sql << " " << e.message;
    }
  }
}

TEST_P(WorkflowTest, TheAuditTrailComesInPages) {
  if (!database_ready()) return;
  std::string token;
  Principal p;
  for (int i = 0; i < App::kAuditPageSize + 20; ++i) {
    ASSERT_TRUE(app_->Login("pengurusA", kPassword, "10.0.0.1", &token, &p).ok());
  }
  std::vector<store::AuditEntry> first, second;
  bool more = false;
  ASSERT_TRUE(app_->Audit(As("pengawasA"), coop_["A"], std::nullopt, &first, &more).ok());
  EXPECT_EQ(first.size(), size_t(App::kAuditPageSize));
  EXPECT_TRUE(more);
  ASSERT_TRUE(app_->Audit(As("pengawasA"), coop_["A"], first.back().id, &second, &more).ok());
  EXPECT_FALSE(more);
  ASSERT_FALSE(second.empty());
  EXPECT_LT(second.front().id, first.back().id);  // continues where the first page ended, nothing repeated
  for (const store::AuditEntry& e : second) EXPECT_EQ(e.cooperative_id, coop_["A"]);
}

TEST_P(WorkflowTest, AdministrationValidatesAndIsAdminOnly) {
  if (!database_ready()) return;
  int64_t id = 0;
  EXPECT_EQ(app_->CreateRegion(As("dinasA"), {0, "X", ""}, &id).code, Code::kForbidden);
  EXPECT_EQ(app_->CreateRegion(As("admin"), {0, "Wilayah A", ""}, &id).code, Code::kConflict);
  store::User u{0, "baru", "Baru", store::Role::kPengurus, std::nullopt, {}, "", true};
  EXPECT_EQ(app_->CreateUser(&As("admin"), u, kPassword, &id).code, Code::kInvalid);  // a coop role needs a coop
  u.cooperative_id = coop_["A"];
  EXPECT_EQ(app_->CreateUser(&As("admin"), u, "pendek", &id).code, Code::kInvalid);
  EXPECT_EQ(app_->CreateUser(&As("pengurusA"), u, kPassword, &id).code, Code::kForbidden);
  ASSERT_TRUE(app_->CreateUser(&As("admin"), u, kPassword, &id).ok());
  EXPECT_EQ(app_->CreateUser(&As("admin"), u, kPassword, &id).code, Code::kConflict);
  store::Cooperative c{0, region_["A"], "", "KSP C", "KOPERASI", ""};
  EXPECT_EQ(app_->CreateCooperative(As("admin"), c, &id).code, Code::kInvalid);
}

TEST(ExpectedPeriode, DeadlineIsSixMonthsAfterYearEnd) {
  bool past = true;
  EXPECT_EQ(ExpectedPeriode(1767225600 /* 2026-01-01 */, 6, &past), "2025-12-31");
  EXPECT_FALSE(past);
  EXPECT_EQ(ExpectedPeriode(1782864000 /* 2026-07-01 */, 6, &past), "2025-12-31");
  EXPECT_TRUE(past);
  EXPECT_EQ(ExpectedPeriode(1782777600 /* 2026-06-30 */, 6, &past), "2025-12-31");
  EXPECT_FALSE(past);
}

TEST(NextDeadlineChange, TheDeadlineMonthThenTheNewYear) {
  EXPECT_EQ(NextDeadlineChange(1780000000 /* 2026-05-28 */, 6), 1782864000 /* 2026-07-01 */);
  EXPECT_EQ(NextDeadlineChange(1782863999 /* 2026-06-30 23:59:59 */, 6), 1782864000);
  EXPECT_EQ(NextDeadlineChange(1782864000, 6), 1798761600 /* 2027-01-01 */);
  EXPECT_EQ(NextDeadlineChange(1767225600 /* 2026-01-01 */, 6), 1782864000);
  EXPECT_EQ(NextDeadlineChange(1780000000, 12), 1798761600);  // never past the deadline within the year
  EXPECT_EQ(NextDeadlineChange(1780000000, 0), 1798761600);   // always past it
}

// Between now and the instant NextDeadlineChange names, ExpectedPeriode answers the same; at that instant it does
// not. Every day of two years, for several deadlines.
TEST(NextDeadlineChange, NothingChangesBeforeItAndSomethingChangesAtIt) {
  for (int months : {0, 1, 6, 11, 12}) {
    for (int64_t now = 1735689600 /* 2025-01-01 */; now < 1798761600; now += 86400 + 3607) {
      const int64_t next = NextDeadlineChange(now, months);
      ASSERT_GT(next, now);
      bool past_now = false, past_before = false, past_at = false;
      const std::string periode_now = ExpectedPeriode(now, months, &past_now);
      const std::string periode_before = ExpectedPeriode(next - 1, months, &past_before);
      const std::string periode_at = ExpectedPeriode(next, months, &past_at);
      EXPECT_EQ(periode_before, periode_now) << now << " " << months;
      EXPECT_EQ(past_before, past_now) << now << " " << months;
      EXPECT_TRUE(periode_at != periode_before || past_at != past_before) << now << " " << months;
    }
  }
}

TEST(Allowed, InactiveUsersMayDoNothing) {
  store::Cooperative coop{1, 7, "", "K", "KSP", ""};
  store::User u{1, "x", "x", store::Role::kAdmin, std::nullopt, {}, "", false};
  for (Action a : {Action::kViewCooperative, Action::kViewPublished, Action::kViewRegion, Action::kAdminister}) {
    EXPECT_FALSE(Allowed(u, a, &coop));
  }
}

}  // namespace
}  // namespace kopsehat::app::testing
