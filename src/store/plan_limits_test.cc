// store/plan_limits_test.cc — schema version 5 (the board's own plan limits of a laporan) on an existing version-4
// database, on both backends: the migration keeps what was there, the repository keeps the percentage's text
// exactly, one row per laporan and limit, and a final laporan's limits can still be set (they are not part of its
// assessment).
#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store.h"
#include "store/test_databases.h"

namespace kopsehat::store {
namespace {

class PlanLimitsStoreTest : public testing::BackendTest {};

TEST_P(PlanLimitsStoreTest, MigrationAddsTheTableToAnExistingDatabase) {
  if (!database_ready()) return;
  std::unique_ptr<Connection> c = Open();
  ASSERT_NE(c, nullptr);
  int version = 0;
  ASSERT_TRUE(Migrate(c.get(), 1000, &version, /*up_to=*/4).ok());
  ASSERT_EQ(version, 4);
  for (const char* sql :
       {"INSERT INTO regions (nama, provinsi) VALUES ('Wilayah', 'Jawa Timur')",
        "INSERT INTO cooperatives (region_id, nama, jenis, created_at) VALUES (1, 'KSP Uji', 'KSP', 1)",
        "INSERT INTO users (username, display_name, role, cooperative_id, password_hash, created_at) "
        "VALUES ('pengurus', '', 'pengurus', 1, 'x', 1)",
        "INSERT INTO laporan (cooperative_id, periode_akhir, revision, status, rulebook_id, rulebook_version, "
        "total_e6, predikat, created_by, created_at, updated_at, laporan_json, hasil_json) "
        "VALUES (1, '2020-12-31', 1, 'final', 'ksp-2016', '1', 70000000, 'CUKUP SEHAT', 1, 1, 1, '{}', '{}')"}) {
    ASSERT_TRUE(c->Exec(sql, {}, nullptr).ok()) << sql;
  }
  Result r;
  EXPECT_FALSE(c->Exec("SELECT COUNT(*) FROM plan_limits", {}, &r).ok());
  ASSERT_TRUE(Migrate(c.get(), 2000, &version).ok());
  EXPECT_EQ(version, 5);
  EXPECT_EQ(LatestSchemaVersion(), 5);

  std::vector<LaporanRecord> rows;
  ASSERT_TRUE(ListLaporan(c.get(), 1, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].predikat, "CUKUP SEHAT");
  // The laporan is final; its plan limits are the board's working figures, not its assessment.
  ASSERT_TRUE(PutPlanLimit(c.get(), {1, 1, "tagih_macet", "40", "Tim penagihan baru", 1, "", 3000}).ok());
  ASSERT_TRUE(PutPlanLimit(c.get(), {1, 1, "lantai_kas", "12.5", "", 1, "", 3001}).ok());
  std::vector<PlanLimit> limits;
  ASSERT_TRUE(ListPlanLimits(c.get(), 1, &limits).ok());
  ASSERT_EQ(limits.size(), 2u);
  EXPECT_EQ(limits[0].limit_id, "lantai_kas");
  EXPECT_EQ(limits[0].persen, "12.5");  // text as written, no float between
  EXPECT_EQ(limits[1].limit_id, "tagih_macet");
  EXPECT_EQ(limits[1].persen, "40");
  EXPECT_EQ(limits[1].alasan, "Tim penagihan baru");
  EXPECT_EQ(limits[1].set_by, 1);
  EXPECT_EQ(limits[1].set_by_name, "pengurus");  // no display name: the user name
  EXPECT_EQ(limits[1].set_at, 3000);
}

TEST_P(PlanLimitsStoreTest, OneRowPerLaporanAndLimit) {
  if (!database_ready()) return;
  std::unique_ptr<Connection> c = Open();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(Migrate(c.get(), 1000).ok());
  int64_t region = 0, coop = 0, user = 0, id = 0, other = 0;
  ASSERT_TRUE(InsertRegion(c.get(), {0, "Wilayah", "Jawa Timur"}, &region).ok());
  ASSERT_TRUE(InsertCooperative(c.get(), {0, region, "", "KSP Uji", "KSP", ""}, 1, &coop).ok());
  ASSERT_TRUE(
      InsertUser(c.get(), {0, "bendahara", "Ibu Bendahara", Role::kPengurus, coop, {}, "x", true}, 1, &user).ok());
  LaporanRecord l;
  l.cooperative_id = coop;
  l.periode_akhir = "2020-12-31";
  l.rulebook_id = "ksp-2016";
  l.rulebook_version = "1";
  l.laporan_json = "{}";
  l.hasil_json = "{}";
  l.created_by = user;
  ASSERT_TRUE(InsertLaporan(c.get(), l, &id).ok());
  l.periode_akhir = "2019-12-31";
  ASSERT_TRUE(InsertLaporan(c.get(), l, &other).ok());

  ASSERT_TRUE(PutPlanLimit(c.get(), {id, coop, "tagih_macet", "40", "", user, "", 10}).ok());
  ASSERT_TRUE(PutPlanLimit(c.get(), {id, coop, "tagih_macet", "35", "lebih hati-hati", user, "", 11}).ok());
  ASSERT_TRUE(PutPlanLimit(c.get(), {other, coop, "tagih_macet", "50", "", user, "", 12}).ok());
  std::vector<PlanLimit> limits;
  ASSERT_TRUE(ListPlanLimits(c.get(), id, &limits).ok());
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_EQ(limits[0].persen, "35");
  EXPECT_EQ(limits[0].alasan, "lebih hati-hati");
  EXPECT_EQ(limits[0].set_by_name, "Ibu Bendahara");
  EXPECT_EQ(limits[0].set_at, 11);
  // The database itself refuses a second row for the same limit.
  const DbError twice = c->Exec(
      "INSERT INTO plan_limits (laporan_id, cooperative_id, limit_id, persen, set_by, set_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {id, coop, std::string("tagih_macet"), std::string("30"), user, int64_t{12}}, nullptr);
  EXPECT_FALSE(twice.ok());
  EXPECT_FALSE(PutPlanLimit(c.get(), {id, coop, "tagih_macet", "", "", user, "", 13}).ok());  // no percentage

  ASSERT_TRUE(DeletePlanLimit(c.get(), id, "tagih_macet").ok());
  ASSERT_TRUE(DeletePlanLimit(c.get(), id, "tagih_macet").ok());  // already gone: no error
  ASSERT_TRUE(ListPlanLimits(c.get(), id, &limits).ok());
  EXPECT_TRUE(limits.empty());
  ASSERT_TRUE(ListPlanLimits(c.get(), other, &limits).ok());
  ASSERT_EQ(limits.size(), 1u);  // another laporan's limits are its own
  EXPECT_EQ(limits[0].persen, "50");
}

KOPSEHAT_INSTANTIATE_BACKENDS(PlanLimitsStoreTest);

}  // namespace
}  // namespace kopsehat::store
