// app/region_method_test.cc — the regional dashboard compares like with like (issue 15 §3): a score change is a
// difference only between two final results of one method; a change of method is a break, never a fall; the KKPKK
// aspect percentages are stored with each result (FillAssessment) and reach the dashboard's rows.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "app/test_app.h"

namespace kopsehat::app::testing {
namespace {

class RegionMethodTest : public AppTest {
 protected:
  // A final result of `periode` for cooperative A assessed with `metode` (the example carries both methods' inputs),
  // with pinjaman.macet set by the examiner when given (to move the score).
  int64_t FinalWith(const std::string& periode, const std::string& metode, const std::string& macet = "") {
    nlohmann::json lap = nlohmann::json::parse(ExampleJson(periode));
    lap["metode"] = metode;
    int64_t id = 0;
    const Outcome o =
        app_->SaveDraftFromFile(As("pengurusA"), coop_.at("A"), std::nullopt, lap.dump(), "laporan.json", &id);
    EXPECT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
    EXPECT_TRUE(app_->Submit(As("pengurusA"), id).ok());
    if (!macet.empty()) {
      EXPECT_TRUE(app_->Adjust(As("dinasA"), id, {{"pinjaman.macet", macet}}, "uji").ok());
    }
    EXPECT_TRUE(app_->Finalise(As("dinasA"), id).ok());
    return id;
  }
  RegionRow RowOfA() {
    RegionView r;
    EXPECT_TRUE(app_->ViewRegion(As("dinasA"), &r).ok());
    EXPECT_EQ(r.rows.size(), 1u);
    return r.rows.empty() ? RegionRow{} : r.rows[0];
  }
};

// 2024 with ksp-2016, 2025 with kkpkk-2021 scoring lower: the old dashboard said "score fell"; now it is a break.
TEST_P(RegionMethodTest, AMethodChangeIsABreakNotAFall) {
  if (!database_ready()) return;
  FinalWith("2024-12-31", "ksp-2016");
  FinalWith("2025-12-31", "kkpkk-2021", "400.000.000");
  const RegionRow row = RowOfA();
  const store::CooperativeSummary& s = row.summary;
  ASSERT_TRUE(s.previous_total_e6.has_value());
  // The precondition that makes this test bite: across the two methods the number went down.
  ASSERT_LT(s.latest_total_e6, *s.previous_total_e6);
  EXPECT_EQ(s.latest_rulebook_id, "kkpkk-2021");
  EXPECT_EQ(s.previous_rulebook_id, "ksp-2016");
  EXPECT_FALSE(ScoreChangeE6(s).has_value());
  EXPECT_TRUE(MethodBreak(s));
  EXPECT_NE(row.warning_reason_id, "skor turun dari tahun sebelumnya");
}

// Two results of one method: the fall is a fall.
TEST_P(RegionMethodTest, AFallWithinOneMethodWarns) {
  if (!database_ready()) return;
  FinalWith("2024-12-31", "kkpkk-2021");
  FinalWith("2025-12-31", "kkpkk-2021", "400.000.000");
  const RegionRow row = RowOfA();
  ASSERT_TRUE(ScoreChangeE6(row.summary).has_value());
  EXPECT_LT(*ScoreChangeE6(row.summary), 0);
  EXPECT_FALSE(MethodBreak(row.summary));
  EXPECT_TRUE(row.early_warning);
  EXPECT_EQ(row.warning_reason_id, "skor turun dari tahun sebelumnya");
}

// The aspect percentages stored with the result are the ones its penilaian JSON shows; a 2016 result has none.
TEST_P(RegionMethodTest, KkpkkResultsCarryTheirAspectPercentages) {
  if (!database_ready()) return;
  FinalWith("2024-12-31", "ksp-2016");
  const RegionRow before = RowOfA();
  EXPECT_EQ(before.summary.latest_rulebook_id, "ksp-2016");
  EXPECT_EQ(before.summary.latest_aspek_pct_e6, store::AspectPercents{});
  const int64_t id = FinalWith("2025-12-31", "kkpkk-2021");
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &v).ok());
  const nlohmann::json hasil = nlohmann::json::parse(v.record.hasil_json);
  const RegionRow row = RowOfA();
  EXPECT_EQ(row.summary.latest_rulebook_id, "kkpkk-2021");
  EXPECT_FALSE(row.summary.latest_rulebook_version.empty());
  for (size_t k = 0; k < store::kKkpkkAspectIds.size(); ++k) {
    bool seen = false;
    for (const nlohmann::json& a : hasil.at("aspek")) {
      if (a.at("id") != store::kKkpkkAspectIds[k]) continue;
      seen = true;
      ASSERT_TRUE(row.summary.latest_aspek_pct_e6[k].has_value()) << store::kKkpkkAspectIds[k];
      // Two decimals in JSON: compare in hundredths, rounding the JSON's text-derived double to the nearest.
      EXPECT_EQ(*row.summary.latest_aspek_pct_e6[k] / 10'000, std::llround(a.at("persen").get<double>() * 100));
    }
    EXPECT_TRUE(seen) << store::kKkpkkAspectIds[k];
  }
}

KOPSEHAT_INSTANTIATE_BACKENDS(RegionMethodTest);

}  // namespace
}  // namespace kopsehat::app::testing
