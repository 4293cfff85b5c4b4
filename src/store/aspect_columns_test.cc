// store/aspect_columns_test.cc — schema version 2 (the KKPKK aspect percentages in columns of their own) on an
// existing version-1 database, on both backends: the migration backfills every row from its own hasil_json, exactly
// (no binary float between "87.5" and 87500000), leaves other methods' rows empty, and puts the "final never
// changes" trigger back.
#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store.h"
#include "store/test_databases.h"

namespace kopsehat::store {
namespace {

class AspectColumnsTest : public testing::BackendTest {};

// A penilaian-v1 fragment as a KKPKK result writes it (aspek[].persen with the rulebook's two decimals, and the
// sub-aspects after, which also carry "persen" and must not be mistaken for aspects).
constexpr const char* kKkpkkHasil =
    R"({"metode":{"id":"kkpkk-2021"},"aspek":[{"id":"tata_kelola","nama":"Tata kelola","bobot":30,"skor":26.25,)"
    R"("persen":87.5,"predikat":"SEHAT"},{"id":"profil_risiko","bobot":15,"persen":70.83},)"
    R"({"id":"kinerja_keuangan","bobot":40,"persen":100},{"id":"permodalan","bobot":15,"persen":0.01}],)"
    R"("sub_aspek":[{"id":"prinsip_koperasi","aspek":"tata_kelola","persen":12.34}]})";
// A 2016 result: weighted sums, no aspect percentages.
constexpr const char* kKspHasil = R"({"metode":{"id":"ksp-2016"},"aspek":[{"id":"permodalan","skor":12.5}]})";

TEST_P(AspectColumnsTest, MigrationBackfillsExistingRowsExactly) {
  if (!database_ready()) return;
  std::unique_ptr<Connection> c = Open();
  ASSERT_NE(c, nullptr);
  int version = 0;
  ASSERT_TRUE(Migrate(c.get(), 1000, &version, /*up_to=*/1).ok());
  ASSERT_EQ(version, 1);
  // Version-1 rows, written with version 1's columns (the repositories already speak version 2).
  for (const char* sql :
       {"INSERT INTO regions (nama, provinsi) VALUES ('Wilayah', 'Jawa Timur')",
        "INSERT INTO cooperatives (region_id, nama, jenis, created_at) VALUES (1, 'KSP Uji', 'KSP', 1)",
        "INSERT INTO users (username, display_name, role, password_hash, created_at) "
        "VALUES ('admin', 'Admin', 'admin', 'x', 1)"}) {
    ASSERT_TRUE(c->Exec(sql, {}, nullptr).ok()) << sql;
  }
  const auto insert = [&](const char* periode, const char* status, const char* metode, const char* hasil) {
    const DbError e = c->Exec(
        "INSERT INTO laporan (cooperative_id, periode_akhir, revision, status, rulebook_id, rulebook_version, "
        "total_e6, predikat, created_by, created_at, updated_at, laporan_json, hasil_json) "
        "VALUES (1, ?, 1, ?, ?, '1', 80000000, 'SEHAT', 1, 1, 1, '{}', ?)",
        {std::string(periode), std::string(status), std::string(metode), std::string(hasil)}, nullptr);
    ASSERT_TRUE(e.ok()) << e.message;
  };
  insert("2024-12-31", "final", "kkpkk-2021", kKkpkkHasil);
  insert("2023-12-31", "final", "ksp-2016", kKspHasil);
  insert("2025-12-31", "draf", "kkpkk-2021", kKkpkkHasil);

  ASSERT_TRUE(Migrate(c.get(), 2000, &version).ok());
  EXPECT_EQ(version, LatestSchemaVersion());
  std::vector<LaporanRecord> rows;
  ASSERT_TRUE(ListLaporan(c.get(), 1, &rows).ok());
  ASSERT_EQ(rows.size(), 3u);
  const AspectPercents expected = {87'500'000, 70'830'000, 100'000'000, 10'000};
  EXPECT_EQ(rows[0].aspek_pct_e6, expected);  // the draft of 2025
  EXPECT_EQ(rows[1].aspek_pct_e6, expected);  // the final 2024 result: filled although final
  EXPECT_EQ(rows[2].aspek_pct_e6, AspectPercents{});  // ksp-2016: blank
  // The final row is as immutable as before the migration.
  const DbError changed =
      c->Exec("UPDATE laporan SET aspek_permodalan_e6 = 1 WHERE periode_akhir = '2024-12-31'", {}, nullptr);
  EXPECT_FALSE(changed.ok());
}

TEST_P(AspectColumnsTest, RepositoriesWriteAndReadTheColumns) {
  if (!database_ready()) return;
  std::unique_ptr<Connection> c = Open();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(Migrate(c.get(), 1000).ok());
  int64_t region = 0, coop = 0, user = 0, id = 0;
  ASSERT_TRUE(InsertRegion(c.get(), {0, "Wilayah", "Jawa Timur"}, &region).ok());
  ASSERT_TRUE(InsertCooperative(c.get(), {0, region, "", "KSP Uji", "KSP", ""}, 1, &coop).ok());
  ASSERT_TRUE(InsertUser(c.get(), {0, "admin", "Admin", Role::kAdmin, std::nullopt, {}, "x", true}, 1, &user).ok());
  LaporanRecord l;
  l.cooperative_id = coop;
  l.periode_akhir = "2025-12-31";
  l.rulebook_id = "kkpkk-2021";
  l.rulebook_version = "2";
  l.laporan_json = "{}";
  l.hasil_json = "{}";
  l.created_by = user;
  l.aspek_pct_e6 = {1, std::nullopt, 3, 4};
  ASSERT_TRUE(InsertLaporan(c.get(), l, &id).ok());
  l.id = id;
  LaporanRecord back;
  bool found = false;
  ASSERT_TRUE(GetLaporan(c.get(), id, &back, &found).ok());
  ASSERT_TRUE(found);
  EXPECT_EQ(back.aspek_pct_e6, l.aspek_pct_e6);
  l.aspek_pct_e6 = {5, 6, 7, 8};
  ASSERT_TRUE(UpdateLaporan(c.get(), l).ok());
  ASSERT_TRUE(GetLaporan(c.get(), id, &back, &found).ok());
  EXPECT_EQ(back.aspek_pct_e6, l.aspek_pct_e6);
}

KOPSEHAT_INSTANTIATE_BACKENDS(AspectColumnsTest);

}  // namespace
}  // namespace kopsehat::store
