// store/region_summaries_test.cc — the regional dashboard's rows (RegionSummaries), on both backends: a hand-built
// region whose every case is spelled out (several periods and revisions, corrections, drafts, submissions awaiting
// review, cooperatives without any result, namesakes in two regions), and a generated one compared row for row with
// the correlated query that the set-based one replaced (schema version 4), kept here as the reference.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "store/schema.h"
#include "store/store.h"
#include "store/test_databases.h"

namespace kopsehat::store {
namespace {

// The query RegionSummaries ran before schema version 4 (two correlated lookups per cooperative): slow at national
// scale, but plainly right, so it is the reference the set-based query must match exactly. Its columns are in the
// order of Line() below; a NULL cell reads "-".
constexpr const char* kReferenceSql =
    "SELECT c.id, c.region_id, r.nama, c.nama, l.id, COALESCE(l.periode_akhir, ''), COALESCE(l.total_e6, 0), "
    "COALESCE(l.predikat, ''), COALESCE(l.rulebook_id, ''), COALESCE(l.rulebook_version, ''), "
    "l.aspek_tata_kelola_e6, l.aspek_profil_risiko_e6, l.aspek_kinerja_keuangan_e6, l.aspek_permodalan_e6, "
    "p.total_e6, COALESCE(p.predikat, ''), COALESCE(p.rulebook_id, ''), "
    "CASE WHEN (SELECT COUNT(*) FROM laporan s WHERE s.cooperative_id = c.id AND s.status = 'diajukan') > 0 "
    "THEN 1 ELSE 0 END, "
    "COALESCE((SELECT MAX(s.periode_akhir) FROM laporan s WHERE s.cooperative_id = c.id AND s.status <> 'draf'), '') "
    "FROM cooperatives c JOIN regions r ON r.id = c.region_id "
    "LEFT JOIN laporan l ON l.id = (SELECT x.id FROM laporan x WHERE x.cooperative_id = c.id AND "
    "x.status = 'final' ORDER BY x.periode_akhir DESC, x.revision DESC LIMIT 1) "
    "LEFT JOIN laporan p ON p.id = (SELECT y.id FROM laporan y WHERE y.cooperative_id = c.id AND "
    "y.status = 'final' AND y.periode_akhir < l.periode_akhir ORDER BY y.periode_akhir DESC, y.revision DESC "
    "LIMIT 1) ORDER BY c.nama, c.id";

std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

// One summary as a line, every field, in the reference's column order, so a difference shows where it is.
std::string Line(const CooperativeSummary& s) {
  std::ostringstream o;
  o << s.cooperative.id << " " << s.cooperative.region_id << " " << s.cooperative.region_nama << " "
    << s.cooperative.nama << " " << Opt(s.latest_id) << " " << s.latest_periode << " " << s.latest_total_e6 << " "
    << s.latest_predikat << " " << s.latest_rulebook_id << " " << s.latest_rulebook_version;
  for (const std::optional<int64_t>& a : s.latest_aspek_pct_e6) o << " " << Opt(a);
  o << " " << Opt(s.previous_total_e6) << " " << s.previous_predikat << " " << s.previous_rulebook_id << " "
    << (s.awaiting_review ? 1 : 0) << " " << s.last_submitted_periode;
  return o.str();
}

std::vector<std::string> Lines(const std::vector<CooperativeSummary>& all) {
  std::vector<std::string> out;
  for (const CooperativeSummary& s : all) out.push_back(Line(s));
  return out;
}

class RegionSummariesTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!database_ready()) return;
    c_ = Open();
    ASSERT_NE(c_, nullptr);
    ASSERT_TRUE(Migrate(c_.get(), 1000).ok());
    int64_t user = 0;
    ASSERT_TRUE(InsertUser(c_.get(), {0, "admin", "Admin", Role::kAdmin, std::nullopt, {}, "x", true}, 1, &user).ok());
  }

  int64_t Region(const std::string& nama) {
    int64_t id = 0;
    EXPECT_TRUE(InsertRegion(c_.get(), {0, nama, "Jawa Timur"}, &id).ok());
    return id;
  }
  int64_t Coop(int64_t region, const std::string& nama) {
    int64_t id = 0;
    EXPECT_TRUE(InsertCooperative(c_.get(), {0, region, "", nama, "KSP", ""}, 1, &id).ok());
    return id;
  }
  // A laporan row as the workflow leaves it; the score in whole points.
  int64_t Laporan(int64_t coop, const std::string& periode, int revision, const std::string& status, int64_t points,
                  const std::string& predikat, const std::string& metode = "ksp-2016", AspectPercents aspek = {}) {
    int64_t id = 0;
    const DbError e = InsertReturningIdForTest(
        "INSERT INTO laporan (cooperative_id, periode_akhir, revision, status, rulebook_id, rulebook_version, "
        "total_e6, predikat, created_by, created_at, updated_at, laporan_json, hasil_json, aspek_tata_kelola_e6, "
        "aspek_profil_risiko_e6, aspek_kinerja_keuangan_e6, aspek_permodalan_e6) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, '{}', '{}', ?, ?, ?, ?) RETURNING id",
        {coop, periode, int64_t{revision}, status, metode, std::string(metode == "ksp-2016" ? "1" : "2"),
         points * 1'000'000,
         predikat, Or(aspek[0]), Or(aspek[1]), Or(aspek[2]), Or(aspek[3])},
        &id);
    EXPECT_TRUE(e.ok()) << e.message;
    return id;
  }

  // The reference's lines of the given regions (all when empty).
  std::vector<std::string> Reference(const std::vector<int64_t>& regions = {}) {
    Result r;
    EXPECT_TRUE(c_->Exec(kReferenceSql, {}, &r).ok());
    std::vector<std::string> out;
    for (size_t i = 0; i < r.size(); ++i) {
      if (!regions.empty() && std::find(regions.begin(), regions.end(), r.Int(i, 1)) == regions.end()) continue;
      std::string line;
      for (size_t k = 0; k < r.columns(); ++k) line += (k ? " " : "") + (r.IsNull(i, k) ? "-" : r.Text(i, k));
      out.push_back(line);
    }
    return out;
  }

  std::vector<CooperativeSummary> Summaries(const std::vector<int64_t>& regions, bool all) {
    std::vector<CooperativeSummary> out;
    const DbError e = RegionSummaries(c_.get(), regions, all, &out);
    EXPECT_TRUE(e.ok()) << e.message;
    return out;
  }

  std::unique_ptr<Connection> c_;

 private:
  static Value Or(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{nullptr}; }
  DbError InsertReturningIdForTest(const std::string& sql, const std::vector<Value>& params, int64_t* id) {
    Result r;
    DbError e = c_->Exec(sql, params, &r);
    if (e.ok()) *id = r.Int(0, 0);
    return e;
  }
};

TEST_P(RegionSummariesTest, EveryCaseOfAHandBuiltRegion) {
  if (!database_ready()) return;
  const int64_t w1 = Region("Kabupaten Satu"), w2 = Region("Kabupaten Dua");
  // Alfa: 2023 final; 2024 final, corrected by a final revision 2; a 2025 draft (not submitted: not counted).
  const int64_t alfa = Coop(w1, "KSP Alfa");
  Laporan(alfa, "2023-12-31", 1, "final", 70, "CUKUP SEHAT");
  Laporan(alfa, "2024-12-31", 1, "final", 60, "CUKUP SEHAT");
  const int64_t alfa_2024_r2 = Laporan(alfa, "2024-12-31", 2, "final", 65, "CUKUP SEHAT");
  Laporan(alfa, "2025-12-31", 1, "draf", 90, "SEHAT");
  // Beta: finals of 2022 and 2024 (a gap), a correction of 2024 under review, 2025 submitted.
  const int64_t beta = Coop(w1, "KSP Beta");
  Laporan(beta, "2022-12-31", 2, "final", 50, "DALAM PENGAWASAN");
  Laporan(beta, "2022-12-31", 1, "final", 40, "DALAM PENGAWASAN");
  const int64_t beta_2024 = Laporan(beta, "2024-12-31", 1, "final", 81, "SEHAT");
  Laporan(beta, "2024-12-31", 2, "diajukan", 85, "SEHAT");
  Laporan(beta, "2025-12-31", 1, "diajukan", 82, "SEHAT");
  // Gamma: a draft only. Delta: a submission only. Epsilon: one KKPKK result with its aspects, after a 2016 one.
  const int64_t gamma = Coop(w2, "KSP Gamma");
  Laporan(gamma, "2025-12-31", 1, "draf", 10, "");
  const int64_t delta = Coop(w2, "KSP Delta");
  Laporan(delta, "2025-12-31", 1, "diajukan", 77, "SEHAT");
  const int64_t epsilon = Coop(w2, "KSP Epsilon");
  Laporan(epsilon, "2024-12-31", 1, "final", 71, "CUKUP SEHAT");
  const int64_t epsilon_2025 =
      Laporan(epsilon, "2025-12-31", 1, "final", 88, "SEHAT", "kkpkk-2021", {87'500'000, std::nullopt, 100'000'000, 1});
  // A namesake of Alfa in the other region, with nothing: the order is by name, then id.
  const int64_t alfa2 = Coop(w2, "KSP Alfa");

  const std::vector<CooperativeSummary> all = Summaries({}, true);
  ASSERT_EQ(all.size(), 6u);
  std::vector<int64_t> order;
  for (const CooperativeSummary& s : all) order.push_back(s.cooperative.id);
  EXPECT_EQ(order, (std::vector<int64_t>{alfa, alfa2, beta, delta, epsilon, gamma}));

  const CooperativeSummary& a = all[0];
  EXPECT_EQ(a.cooperative.region_nama, "Kabupaten Satu");
  EXPECT_EQ(a.latest_id, alfa_2024_r2);  // the highest final revision of the latest period
  EXPECT_EQ(a.latest_periode, "2024-12-31");
  EXPECT_EQ(a.latest_total_e6, 65'000'000);
  EXPECT_EQ(a.previous_total_e6, 70'000'000);  // the period before, not revision 1 of the same period
  EXPECT_EQ(a.previous_rulebook_id, "ksp-2016");
  EXPECT_FALSE(a.awaiting_review);
  EXPECT_EQ(a.last_submitted_periode, "2024-12-31");  // the draft of 2025 does not count

  const CooperativeSummary& a2 = all[1];
  EXPECT_FALSE(a2.latest_id.has_value());
  EXPECT_EQ(a2.latest_periode, "");
  EXPECT_FALSE(a2.previous_total_e6.has_value());
  EXPECT_EQ(a2.last_submitted_periode, "");

  const CooperativeSummary& b = all[2];
  EXPECT_EQ(b.latest_id, beta_2024);  // the correction under review is not a result yet
  EXPECT_EQ(b.latest_total_e6, 81'000'000);
  EXPECT_EQ(b.previous_total_e6, 50'000'000);  // 2022's highest revision, across the missing 2023
  EXPECT_EQ(b.previous_predikat, "DALAM PENGAWASAN");
  EXPECT_TRUE(b.awaiting_review);
  EXPECT_EQ(b.last_submitted_periode, "2025-12-31");

  const CooperativeSummary& d = all[3];
  EXPECT_FALSE(d.latest_id.has_value());
  EXPECT_TRUE(d.awaiting_review);
  EXPECT_EQ(d.last_submitted_periode, "2025-12-31");

  const CooperativeSummary& e = all[4];
  EXPECT_EQ(e.latest_id, epsilon_2025);
  EXPECT_EQ(e.latest_rulebook_id, "kkpkk-2021");
  EXPECT_EQ(e.latest_rulebook_version, "2");
  EXPECT_EQ(e.latest_aspek_pct_e6, (AspectPercents{87'500'000, std::nullopt, 100'000'000, 1}));
  EXPECT_EQ(e.previous_total_e6, 71'000'000);
  EXPECT_EQ(e.previous_rulebook_id, "ksp-2016");  // a change of method: the dashboard marks a break

  const CooperativeSummary& g = all[5];
  EXPECT_FALSE(g.latest_id.has_value());
  EXPECT_FALSE(g.awaiting_review);
  EXPECT_EQ(g.last_submitted_periode, "");

  EXPECT_EQ(Lines(all), Reference());
  EXPECT_EQ(Lines(Summaries({w1}, false)), Reference({w1}));
  EXPECT_EQ(Lines(Summaries({w2}, false)), Reference({w2}));
  EXPECT_EQ(Lines(Summaries({w2, w1}, false)), Reference({w1, w2}));
  EXPECT_TRUE(Summaries({}, false).empty());
}

TEST_P(RegionSummariesTest, AGeneratedRegionMatchesTheReferenceRowForRow) {
  if (!database_ready()) return;
  std::mt19937 random(20261207);  // fixed: the same data on every run
  const auto pick = [&](uint32_t n) { return random() % n; };
  std::vector<int64_t> regions;
  for (int i = 0; i < 4; ++i) regions.push_back(Region("Kabupaten " + std::to_string(i)));
  const char* const kStatus[] = {"draf", "diajukan", "final", "final"};
  const char* const kPredikat[] = {"SEHAT", "CUKUP SEHAT", "DALAM PENGAWASAN", ""};
  ASSERT_TRUE(c_->Begin(true).ok());
  for (int i = 0; i < 120; ++i) {
    // Each name in every region (unique within one), in an order unlike the ids': the tie-break by id is
    // exercised too.
    const int64_t coop = Coop(regions[i % 4], "KSP " + std::to_string((i / 4) * 7 % 30));
    for (int year = 2019; year <= 2025; ++year) {
      if (pick(3) == 0) continue;  // gaps in the series
      const int revisions = 1 + int(pick(3));
      for (int rev = 1; rev <= revisions; ++rev) {
        const bool kkpkk = year >= 2023 && pick(2) == 0;
        AspectPercents aspek;
        if (kkpkk) aspek = {int64_t(pick(100'000'001)), std::nullopt, int64_t(pick(100'000'001)), int64_t(pick(5))};
        Laporan(coop, std::to_string(year) + "-12-31", rev, kStatus[pick(4)], int64_t(pick(101)), kPredikat[pick(4)],
                kkpkk ? "kkpkk-2021" : "ksp-2016", aspek);
      }
    }
  }
  ASSERT_TRUE(c_->Commit().ok());
  const std::vector<std::string> reference = Reference();
  ASSERT_EQ(reference.size(), 120u);
  EXPECT_EQ(Lines(Summaries({}, true)), reference);
  EXPECT_EQ(Lines(Summaries({regions[1], regions[3]}, false)), Reference({regions[1], regions[3]}));
}

KOPSEHAT_INSTANTIATE_BACKENDS(RegionSummariesTest);

}  // namespace
}  // namespace kopsehat::store
