// app/demo.cc — see demo.h. The history of earlier years is the example laporan with its period moved back and
// part of the loans held as cash instead (both assets, so the balance sheet still balances to the sen): scores
// then differ from year to year as they would. Each year is assessed by the method of its period, as the Dinas
// did: 2020 by the 2016 regulation, 2021 on by the KKPKK, so the history shows a method change as examiners saw it.
#include "app/demo.h"

#include <fstream>
#include <iterator>

#include "interchange/json_reader.h"
#include "interchange/laporan_json_writer.h"

namespace kopsehat::app {

namespace {

constexpr const char* kRegion = "Kabupaten Probolinggo";
// The region as a laporan names it (koperasi.kabupaten / koperasi.provinsi).
constexpr const char* kKabupaten = "Probolinggo";
constexpr const char* kProvinsi = "Jawa Timur";
constexpr const char* kDemoMarker = "demo.lengkap";

struct DemoCoop {
  const char* file;
  const char* nama;
  const char* nomor;
  const char* prefix;  // user names: <prefix>.pengurus
  store::Status latest_status;
};

constexpr DemoCoop kCoops[] = {
    {"ksp-sejahtera-bersama-2025.json", "KSP Sejahtera Bersama", "518/214/BH/XVI.18/2015", "sejahtera",
     store::Status::kSubmitted},
    {"ksp-maju-jaya-2025.json", "KSP Maju Jaya", "518/097/BH/XVI.18/2012", "majujaya", store::Status::kDraft},
};

bool ReadExample(const std::string& path, Laporan* out, Outcome* error) {
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LaporanJsonReader reader;
  Outcome o;
  o.code = Code::kInternal;
  if (!text.empty() && reader.Read(text, out, &o.problems)) return true;
  if (o.problems.empty()) o.problems.Add(path, "contoh_tidak_ada", "berkas contoh tidak terbaca", "cannot read example");
  *error = o;
  return false;
}

// The example moved `years_back` years earlier with `shift_sen` of loans held as cash. Its previous year's
// figures stay (the KKPKK growth indicators need a previous year; the demo reuses the example's). A year before
// 2021 names the 2016 method, which the examples keep complete inputs for: that was the method of its period.
std::string HistoryYear(Laporan laporan, int years_back, Sen shift_sen) {
  const int year = std::stoi(laporan.periode_akhir.substr(0, 4)) - years_back;
  laporan.periode_akhir = std::to_string(year) + laporan.periode_akhir.substr(4);
  if (year < 2021 && laporan.metode.empty()) laporan.metode = "ksp-2016";
  const int kas = FindLine("neraca.kas");
  const int loans = FindLine("neraca.pinjaman_anggota");
  laporan.current.sen[size_t(kas)] += shift_sen;
  laporan.current.sen[size_t(loans)] -= shift_sen;
  return LaporanToJson(laporan);
}

}  // namespace

Outcome SeedDemo(App* app, const std::string& examples_dir, std::vector<DemoLogin>* logins) {
  logins->clear();
  logins->push_back({"admin", "admin", "Administrator"});
  logins->push_back({"dinas", "dinas", std::string("Dinas Koperasi ") + kRegion});
  for (const DemoCoop& c : kCoops) {
    for (const char* role : {"pengurus", "pengelola", "pengawas", "anggota"}) {
      logins->push_back({std::string(c.prefix) + "." + role, role, std::string(c.nama)});
    }
  }
  // The seed is many transactions (it goes through the App like a user would); a marker in the audit log says it
  // finished. A database with users but no marker is not (or not wholly) the demo: its logins are not printed.
  int64_t users = 0, complete = 0;
  store::DbError e = app->store()->Read([&](store::Connection* db) {
    store::Result r;
    store::DbError err = db->Exec(
        "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM audit_log WHERE action = ?)", {std::string(kDemoMarker)}, &r);
    if (err.ok()) {
      users = r.Int(0, 0);
      complete = r.Int(0, 1);
    }
    return err;
  });
  if (!e.ok()) return Outcome::Error(Code::kInternal, "", "galat_basis_data", e.message, e.message);
  if (complete > 0) return {};
  if (users > 0) {
    logins->clear();
    return Outcome::Error(Code::kConflict, "--demo", "bukan_demo",
                          "basis data sudah berisi pengguna tetapi bukan data demo yang lengkap (mungkin pengisian "
                          "demo terputus); pakai direktori data baru untuk demo",
                          "the database already has users but not the complete demo data (the demo seeding may "
                          "have been interrupted); use a new data directory for the demo");
  }

  int64_t admin_id = 0;
  store::User admin{0, "admin", "Administrator Kopsehat", store::Role::kAdmin, std::nullopt, {}, "", true};
  Outcome o = app->CreateUser(nullptr, admin, kDemoPassword, &admin_id);
  if (!o.ok()) return o;
  Principal root;
  root.user = admin;
  root.user.id = admin_id;
  int64_t region_id = 0;
  if (o = app->CreateRegion(root, {0, kRegion, kProvinsi}, &region_id); !o.ok()) return o;
  Principal dinas;
  dinas.user = {0, "dinas", "Penilai Dinas Koperasi", store::Role::kDinas, std::nullopt, {region_id}, "", true};
  if (o = app->CreateUser(&root, dinas.user, kDemoPassword, &dinas.user.id); !o.ok()) return o;

  for (const DemoCoop& c : kCoops) {
    Laporan example;
    if (!ReadExample(examples_dir + "/" + c.file, &example, &o)) return o;
    // Every cooperative of the demo is listed in the one regency, so its laporan say so too (the example file of
    // KSP Maju Jaya names another regency).
    example.cooperative.kabupaten = kKabupaten;
    example.cooperative.provinsi = kProvinsi;
    int64_t coop_id = 0;
    store::Cooperative coop{0, region_id, kRegion, c.nama, "KSP", c.nomor};
    if (o = app->CreateCooperative(root, coop, &coop_id); !o.ok()) return o;
    Principal pengurus;
    for (const char* role : {"pengurus", "pengelola", "pengawas", "anggota"}) {
      store::User u{0, std::string(c.prefix) + "." + role, std::string(role) + " " + c.nama, *store::ParseRole(role),
                    coop_id, {}, "", true};
      if (o = app->CreateUser(&root, u, kDemoPassword, &u.id); !o.ok()) return o;
      if (std::string_view(role) == "pengurus") pengurus.user = u;
    }
    // Closed years (final) — 2020 under the 2016 method, then the KKPKK years — and this year's laporan in the
    // cooperative's own state.
    struct Year {
      int back;
      Sen shift_sen;
    };
    constexpr Year kYears[] = {{5, 180'000'000'00}, {4, 40'000'000'00}, {3, 120'000'000'00},
                               {2, 150'000'000'00}, {1, 60'000'000'00}, {0, 0}};
    for (const auto [back, shift_sen] : kYears) {
      int64_t id = 0;
      const std::string json = back == 0 ? LaporanToJson(example) : HistoryYear(example, back, shift_sen);
      if (o = app->SaveDraftFromFile(pengurus, coop_id, std::nullopt, json, "laporan.json", &id); !o.ok()) return o;
      const bool final = back > 0;
      if (final || c.latest_status != store::Status::kDraft) {
        if (o = app->Submit(pengurus, id); !o.ok()) return o;
      }
      if (final && (o = app->Finalise(dinas, id), !o.ok())) return o;
    }
  }
  e = app->store()->Write([&](store::Connection* db) {
    return store::InsertAudit(db, {0, app->Now(), admin_id, std::nullopt, kDemoMarker, "demo", std::nullopt, "", ""});
  });
  if (!e.ok()) return Outcome::Error(Code::kInternal, "", "galat_basis_data", e.message, e.message);
  return {};
}

}  // namespace kopsehat::app
