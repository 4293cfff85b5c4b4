// app/test_app.h — a seeded application for tests, on every backend: two regencies (A, B), one cooperative in
// each, every role for both cooperatives, an examiner per regency and an administrator; each cooperative with a
// final 2024 assessment, a submitted 2025 one... as each test needs (helpers below). A fixed, settable clock;
// Argon2id at test cost. Test support only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include "interchange/json_reader.h"
#include "interchange/laporan_json_writer.h"
#include "store/schema.h"
#include "store/test_databases.h"
#include "app/app.h"

namespace kopsehat::app::testing {

inline constexpr const char* kPassword = "rahasia-uji-123";
inline constexpr int64_t kStartTime = 1'780'000'000;  // 2026-05-28 (UTC), before the 30 June deadline

inline constexpr const char* kSejahtera = "ksp-sejahtera-bersama-2025.json";
inline constexpr const char* kMajuJaya = "ksp-maju-jaya-2025.json";  // the troubled example (ksp-2016)

// A bundled example (examples/`file`) moved to `periode`.
inline std::string ExampleJson(const std::string& periode = "2025-12-31", const char* file = kSejahtera) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/" + file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Laporan l;
  Problems p;
  LaporanJsonReader reader;
  EXPECT_TRUE(reader.Read(text, &l, &p)) << p.Render(Lang::kEn);
  l.periode_akhir = periode;
  return LaporanToJson(l);
}

class AppTest : public store::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!database_ready()) return;
    std::string error;
    store_ = store::Store::OpenAs(dialect(), database().location(), 3, &error);
    ASSERT_NE(store_, nullptr) << error;
    ASSERT_TRUE(store_->WithConnection([](store::Connection* c) { return store::Migrate(c, kStartTime); }).ok());
    AppOptions options;
    options.password_cost = PasswordCost::kTest;
    options.now = [this] { return now_; };
    app_ = std::make_unique<App>(store_.get(), options);
    Seed();
  }

  void TearDown() override {
    app_.reset();
    store_.reset();
  }

  void Seed() {
    store::User admin{0, "admin", "Admin", store::Role::kAdmin, std::nullopt, {}, "", true};
    ASSERT_TRUE(app_->CreateUser(nullptr, admin, kPassword, &admin.id).ok());
    users_["admin"] = Load(admin.id);
    const Principal& root = users_["admin"];
    for (const char* tag : {"A", "B"}) {
      int64_t region = 0, coop = 0;
      ASSERT_TRUE(app_->CreateRegion(root, {0, std::string("Wilayah ") + tag, "Jawa Timur"}, &region).ok());
      store::Cooperative c{0, region, "", std::string("KSP ") + tag, "KSP", ""};
      ASSERT_TRUE(app_->CreateCooperative(root, c, &coop).ok());
      region_[tag] = region;
      coop_[tag] = coop;
      store::User dinas{0, std::string("dinas") + tag, "Dinas", store::Role::kDinas, std::nullopt, {region}, "", true};
      ASSERT_TRUE(app_->CreateUser(&root, dinas, kPassword, &dinas.id).ok());
      users_[std::string("dinas") + tag] = Load(dinas.id);
      for (store::Role role : {store::Role::kPengurus, store::Role::kPengelola, store::Role::kPengawas,
                               store::Role::kAnggota}) {
        const std::string name = std::string(store::RoleName(role)) + tag;
        store::User u{0, name, name, role, coop, {}, "", true};
        ASSERT_TRUE(app_->CreateUser(&root, u, kPassword, &u.id).ok());
        users_[name] = Load(u.id);
      }
    }
  }

  Principal Load(int64_t id) {
    Principal p;
    bool found = false;
    EXPECT_TRUE(store_->Read([&](store::Connection* c) { return store::GetUser(c, id, &p.user, &found); }).ok());
    EXPECT_TRUE(found);
    return p;
  }

  const Principal& As(const std::string& name) { return users_.at(name); }

  // A draft of `periode` by the cooperative's pengurus, of the example `file`.
  int64_t Draft(const std::string& tag, const std::string& periode = "2025-12-31", const char* file = kSejahtera) {
    int64_t id = 0;
    const Outcome o = app_->SaveDraftFromFile(As("pengurus" + tag), coop_.at(tag), std::nullopt,
                                              ExampleJson(periode, file), "laporan.json", &id);
    EXPECT_TRUE(o.ok()) << o.problems.Render(Lang::kEn);
    return id;
  }
  int64_t Submitted(const std::string& tag, const std::string& periode = "2025-12-31", const char* file = kSejahtera) {
    const int64_t id = Draft(tag, periode, file);
    EXPECT_TRUE(app_->Submit(As("pengurus" + tag), id).ok());
    return id;
  }
  int64_t Final(const std::string& tag, const std::string& periode = "2024-12-31", const char* file = kSejahtera) {
    const int64_t id = Submitted(tag, periode, file);
    EXPECT_TRUE(app_->Finalise(As("dinas" + tag), id).ok());
    return id;
  }

  // KSP Maju Jaya's figures (the troubled example, ksp-2016) for a closed year of cooperative `tag`, finalised: a
  // plan its one-year limits bind (collecting loss loans is held to 25 % by default).
  int64_t TroubledFinal(const std::string& tag, const std::string& periode = "2020-12-31") {
    return Final(tag, periode, kMajuJaya);
  }

  int64_t now_ = kStartTime;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<App> app_;
  std::map<std::string, Principal> users_;
  std::map<std::string, int64_t> region_, coop_;
};

}  // namespace kopsehat::app::testing
