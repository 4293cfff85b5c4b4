// bench/web_seed.cc — fills a fresh data directory for the web load benchmark (bench/web_load.sh): one regency with
// N cooperatives × Y financial years of assessed laporan, an administrator and a Dinas examiner of that regency.
//
//   web_seed --data DIR [--coops 5000] [--years 5] [--password bench-pass-123] [--seed 1] [--last-year YYYY]
//            [--db postgresql://...] [--regions 1] [--provinces 1] [--kkpkk-from YYYY]
//
// The national benchmark (bench/web_load.sh with WEB_PG_URL; `make bench-national`) seeds an empty PostgreSQL
// database (--db) with 130,000 cooperatives spread round-robin over --regions regencies in --provinces provinces,
// assessed with kkpkk-2021 from --kkpkk-from on (earlier years ksp-2016, so the dashboard shows method breaks and
// aspect columns), and one more login: `provinsi`, a Dinas examiner of every regency of the first province. Regency
// r is "Kabupaten <r+1>" of "Provinsi <r % provinces + 1>"; the `dinas` login examines regency 1.
// The years end with the last closed financial year (last calendar year, as app::ExpectedPeriode), or --last-year.
//
// Fast: rows go straight through the repositories (store::InsertCooperative, store::InsertLaporan,
// store::InsertAudit) in a few large transactions, not through HTTP or the App's one-transaction-per-operation
// workflow. The figures are the bundled example (examples/ksp-sejahtera-bersama-2025.json) varied per cooperative
// and year, written as laporan-v1, READ BACK with the real reader (so every stored laporan is one the application
// itself accepts) and assessed with the real engine and the embedded default rulebook; the stored record holds
// what App::SaveDraft stores (FillAssessment in src/web/app.cc): laporan_json, hasil_json (penilaian-v1, Indonesian),
// total_e6, the predikat label and the rulebook id and version.
//
// The variations (deterministic from --seed), by a per-cooperative quality with a per-year drift so that predikat,
// trends and early warnings spread (about 9 % SEHAT, 75 % CUKUP SEHAT, 16 % DALAM PENGAWASAN):
//   - an amount moved between neraca.kas and neraca.pinjaman_anggota (both assets: the balance still balances);
//   - member loans moved to non-member loans (both assets);
//   - reserves (cadangan_umum) moved to savings (tabungan): equity to a liability, still balanced;
//   - pinjaman.macet scaled within the loans (1 % to 14 % of them);
//   - part of the management checklist answered "tidak";
// and the workflow states the dashboard lists:
//   - 2 % of the cooperatives: the latest year is submitted (diajukan), not yet final → "awaiting review";
//   - 1 %: the latest year is missing → "overdue" (once the submission deadline has passed);
//   - 1 %: the latest final year has a correction (revision 2, diajukan) → also awaiting review;
//   - the rest: every year final.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "core/problems.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_json_writer.h"
#include "laporan/laporan.h"
#include "report/json_report.h"
#include "rules/loader.h"
#include "store/schema.h"
#include "store/store.h"
#include "app/app.h"
#include "app/auth.h"

namespace kopsehat {
namespace {

// The method the seeded results carry: the 2016 one the load figures in bench/RESULTS.md were measured with.
constexpr const char* kSeedMetode = "ksp-2016";

using Clock = std::chrono::steady_clock;

constexpr const char* kRegion = "Kabupaten Sidoarjo";
constexpr const char* kProvince = "Jawa Timur";
constexpr int kChunkCoops = 1000;  // cooperatives per write transaction

[[noreturn]] void Die(const std::string& message, const std::string& more = "", const std::string& more2 = "") {
  std::fprintf(stderr, "web_seed: %s%s%s\n", message.c_str(), more.c_str(), more2.c_str());
  std::exit(1);
}

void Check(const store::DbError& e, const char* what) {
  if (!e.ok()) Die(what, ": ", e.message);
}

double Seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A uniform number in [0, 1) from the cooperative, the year and a salt.
double Uniform(uint64_t seed, uint64_t coop, uint64_t year, uint64_t salt) {
  const uint64_t h = SplitMix(seed ^ SplitMix(coop * 1'000'003ULL + year * 7919ULL + salt));
  return double(h >> 11) / double(1ULL << 53);
}

// Unix seconds of a date (UTC).
int64_t UnixOf(int year, int month, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  return static_cast<int64_t>(timegm(&tm));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read ", path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

constexpr const char* kNames[] = {
    "KSP Sejahtera Bersama", "KSP Maju Jaya",   "KSP Artha Mandiri", "KSP Mitra Usaha",   "KSP Karya Tani",
    "KSP Sumber Rejeki",     "KSP Bina Insani", "KSP Harapan Kita",  "KSP Tunas Harapan", "KSP Makmur Sentosa",
    "USP Guyub Rukun",       "USP Sido Makmur", "USP Rukun Santoso", "USP Nelayan Jaya",  "USP Pasar Baru",
    "KSP Citra Abadi",       "KSP Dana Mulia",  "KSP Amanah Sejati", "KSP Surya Kencana", "USP Wanita Tani",
};

struct Args {
  std::string data;
  int coops = 5000;
  int years = 5;
  std::string password = "bench-pass-123";
  uint64_t seed = 1;
  int last_year = 0;  // 0: the last closed financial year (last calendar year)
  std::string db;     // a PostgreSQL URL: seed it instead of DIR/kopsehat.db
  int regions = 1;
  int provinces = 1;
  int kkpkk_from = 0;  // first year assessed with kkpkk-2021; 0: every year with ksp-2016
};

Args ParseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    if (i + 1 >= argc) Die("missing value after ", k);
    const std::string v = argv[++i];
    if (k == "--data") {
      a.data = v;
    } else if (k == "--coops") {
      a.coops = std::atoi(v.c_str());
    } else if (k == "--years") {
      a.years = std::atoi(v.c_str());
    } else if (k == "--password") {
      a.password = v;
    } else if (k == "--seed") {
      a.seed = std::strtoull(v.c_str(), nullptr, 10);
    } else if (k == "--last-year") {
      a.last_year = std::atoi(v.c_str());
    } else if (k == "--db") {
      a.db = v;
    } else if (k == "--regions") {
      a.regions = std::atoi(v.c_str());
    } else if (k == "--provinces") {
      a.provinces = std::atoi(v.c_str());
    } else if (k == "--kkpkk-from") {
      a.kkpkk_from = std::atoi(v.c_str());
    } else {
      Die("unknown option ", k, " (--data DIR --coops N --years Y --password P --seed S --last-year YYYY)");
    }
  }
  if (a.data.empty()) Die("usage: web_seed --data DIR [--coops 5000] [--years 5] [--password P] [--seed 1]");
  if (a.coops < 1 || a.coops > 1'000'000 || a.years < 1 || a.years > 50) Die("--coops 1..1000000, --years 1..50");
  if (a.regions < 1 || a.regions > 10'000 || a.provinces < 1 || a.provinces > a.regions) {
    Die("--regions 1..10000, --provinces 1..regions");
  }
  if (a.password.size() < app::kMinPasswordChars) Die("--password needs at least 8 characters");
  if (a.last_year == 0) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    a.last_year = tm.tm_year + 1900 - 1;  // as app::ExpectedPeriode: the last closed financial year
  }
  return a;
}

// The state of a cooperative's latest year (see the header).
enum class Latest { kFinal, kSubmitted, kMissing, kCorrection };

Latest LatestOf(int i) {
  if (i % 100 == 13) return Latest::kMissing;
  if (i % 50 == 7) return Latest::kSubmitted;
  if (i % 100 == 41) return Latest::kCorrection;
  return Latest::kFinal;
}

struct Counters {
  int assessed = 0;
  int fallback = 0;  // variation refused by the reader or the engine: the unvaried example used instead
  std::map<std::string, int> predikat;
  double assess_s = 0;
  double insert_s = 0;
};

// The example varied for cooperative `i` and `year`, as laporan-v1 JSON.
std::string Varied(const Laporan& base, const Args& args, int i, int year, const std::string& nama,
                   const std::string& jenis, const std::string& region, bool keep_previous) {
  Laporan l = base;
  l.periode_akhir = std::to_string(year);
  l.periode_akhir += "-12-31";
  // The example's periode_lalu belongs to its own year; KKPKK's growth ratios need one, so it stays for them.
  l.has_previous = keep_previous && base.has_previous;
  l.cooperative.nama = nama;
  l.cooperative.jenis = jenis;
  l.cooperative.kabupaten = region;
  l.cooperative.provinsi = kProvince;
  // Quality 0 (weak) .. 1 (strong) per cooperative, drifting by year (older years a little different).
  const int age = args.last_year - year;
  const double quality = 0.9 * Uniform(args.seed, uint64_t(i), 0, 1) - 0.05 +
                         0.08 * (Uniform(args.seed, uint64_t(i), uint64_t(year), 2) - 0.5) -
                         0.02 * age * (Uniform(args.seed, uint64_t(i), 0, 3) - 0.4);
  const int kas = FindLine("neraca.kas");
  const int loans = FindLine("neraca.pinjaman_anggota");
  const int macet = FindLine("pinjaman.macet");
  // From -Rp 40 million (cash into loans) to +Rp 600 million (loans held as cash), in whole rupiah.
  const Sen shift = Sen(-40'000'000 + 640'000'000 * Uniform(args.seed, uint64_t(i), uint64_t(year), 4)) * 100;
  l.current.sen[size_t(kas)] += shift;
  l.current.sen[size_t(loans)] -= shift;
  // Bad loans from half to fifteen times the example's (1 % .. 14 % of the loans), weaker cooperatives worse.
  const double weak = std::clamp(1.0 - quality, 0.0, 1.0);
  const double factor = 0.5 + 14.5 * weak * weak * Uniform(args.seed, uint64_t(i), uint64_t(year), 5);
  l.current.sen[size_t(macet)] = Sen(double(l.current.sen[size_t(macet)] / 100) * factor) * 100;
  // Weaker cooperatives lend more to non-members (both assets).
  const int outsiders = FindLine("neraca.pinjaman_non_anggota");
  const Sen to_outsiders = Sen(double(l.current.sen[size_t(loans)] / 100) * 0.7 * weak *
                               Uniform(args.seed, uint64_t(i), uint64_t(year), 7)) *
                           100;
  l.current.sen[size_t(loans)] -= to_outsiders;
  l.current.sen[size_t(outsiders)] += to_outsiders;
  // Weaker cooperatives hold less of their own capital: reserves moved to members' savings (equity to liability,
  // the other side of the balance sheet: still balanced).
  const int reserves = FindLine("neraca.cadangan_umum");
  const int savings = FindLine("neraca.tabungan");
  const Sen thinner = Sen(180'000'000 * weak * Uniform(args.seed, uint64_t(i), uint64_t(year), 6)) * 100;
  l.current.sen[size_t(reserves)] -= thinner;
  l.current.sen[size_t(savings)] += thinner;
  // The weaker the cooperative, the more checklist answers "tidak".
  const double p_no = 0.9 * weak;
  uint64_t salt = 100;
  for (ChecklistAnswers& c : l.checklists) {
    for (size_t k = 0; k < c.answers.size(); ++k) {
      if (Uniform(args.seed, uint64_t(i), uint64_t(year), salt++) < p_no) c.answers[k] = false;
    }
  }
  return LaporanToJson(l);
}

// Reads the JSON back (the stored figures, as the application would read them) and assesses it into *rec.
bool Assess(const std::string& json, const Rulebook& rb, LaporanJsonReader* reader, store::LaporanRecord* rec) {
  Laporan l;
  Problems problems;
  if (!reader->Read(json, &l, &problems)) return false;
  Assessment a;
  if (!Evaluate(l, rb, EvaluateOptions{}, &a, &problems) || !problems.empty()) return false;
  app::FillAssessment(l, a, rec);
  return true;
}

std::string SummaryJson(const store::LaporanRecord& r) {
  std::string s = "{";
  const auto add = [&s](const char* k, const std::string& v) {
    if (s.size() > 1) s += ",";
    AppendJsonString(k, &s);
    s += ":";
    AppendJsonString(v, &s);
  };
  add("status", store::StatusName(r.status));
  add("periode_akhir", r.periode_akhir);
  std::string metode = r.rulebook_id;
  metode += "@";
  metode += r.rulebook_version;
  add("metode", metode);
  add("skor_e6", std::to_string(r.total_e6));
  add("predikat", r.predikat);
  s += "}";
  return s;
}

struct PlannedCoop {
  store::Cooperative coop;
  std::vector<store::LaporanRecord> laporan;  // oldest year first; cooperative_id filled at insert
  bool correction = false;                    // add revision 2 (diajukan) of the latest final one
};

// What every cooperative's rows refer to.
struct Context {
  const Args* args;
  const Rulebook* rulebook;
  const Rulebook* kkpkk;  // from args->kkpkk_from on
  const Laporan* example;
  LaporanJsonReader* reader;
  int64_t now = 0;
  std::vector<int64_t> region_ids;
  std::vector<std::string> region_names;
  int64_t admin_id = 0;
  int64_t dinas_id = 0;
};

// Cooperative `i` with its assessed laporan (assessed here, outside any transaction: the engine is pure).
PlannedCoop PlanCoop(const Context& ctx, int i, Counters* n, int64_t* missing) {
  const Args& args = *ctx.args;
  PlannedCoop p;
  const size_t name_count = std::size(kNames);
  std::string nama = kNames[size_t(i) % name_count];
  nama += " ";
  nama += std::to_string(i / int(name_count) + 1);
  const std::string jenis = nama.substr(0, 3);  // "KSP" or "USP"
  std::string nomor = "518/";
  nomor += std::to_string(100 + i % 900);
  nomor += "/BH/XVI.";
  nomor += std::to_string(1 + i % 30);
  nomor += "/";
  nomor += std::to_string(2000 + i % 24);
  const size_t region = size_t(i % args.regions);
  p.coop = {0, ctx.region_ids[region], ctx.region_names[region], nama, jenis, nomor};
  const Latest latest = LatestOf(i);
  p.correction = latest == Latest::kCorrection;
  for (int year = args.last_year - args.years + 1; year <= args.last_year; ++year) {
    const bool last = year == args.last_year;
    if (last && latest == Latest::kMissing) {
      ++*missing;
      break;
    }
    store::LaporanRecord rec;
    const bool kkpkk = args.kkpkk_from != 0 && year >= args.kkpkk_from;
    const Rulebook& rb = kkpkk ? *ctx.kkpkk : *ctx.rulebook;
    if (!Assess(Varied(*ctx.example, args, i, year, nama, jenis, p.coop.region_nama, kkpkk), rb, ctx.reader, &rec)) {
      ++n->fallback;
      Laporan plain = *ctx.example;
      plain.periode_akhir = std::to_string(year);
      plain.periode_akhir += "-12-31";
      plain.has_previous = kkpkk && plain.has_previous;
      if (!Assess(LaporanToJson(plain), rb, ctx.reader, &rec)) Die("the example itself does not assess");
    }
    ++n->assessed;
    rec.revision = 1;
    rec.status = last && latest == Latest::kSubmitted ? store::Status::kSubmitted : store::Status::kFinal;
    // At national scale (--db) the submitted copy is left out (NULL, as before submission): nothing the dashboard
    // reads, and it would double the database's size.
    if (args.db.empty()) rec.diajukan_json = rec.laporan_json;
    rec.created_by = ctx.admin_id;
    rec.created_at = UnixOf(year + 1, 2, 1) + int64_t(i % 28) * 86400;
    rec.submitted_at = rec.created_at + 7 * 86400 + i % 3600;
    rec.updated_at = *rec.submitted_at;
    if (rec.status == store::Status::kFinal) {
      rec.finalised_at = *rec.submitted_at + 30 * 86400;
      rec.finalised_by = ctx.dinas_id;
      rec.updated_at = *rec.finalised_at;
      ++n->predikat[rec.predikat];
    }
    p.laporan.push_back(std::move(rec));
  }
  return p;
}

// Inserts the planned cooperatives with their laporan and audit entries (inside the caller's transaction).
store::DbError InsertPlanned(store::Connection* c, const Context& ctx, std::vector<PlannedCoop>* plan) {
  store::DbError e;
  for (PlannedCoop& p : *plan) {
    e = store::InsertCooperative(c, p.coop, ctx.now, &p.coop.id);
    if (!e.ok()) return e;
    std::string after = "{\"nama\":";
    AppendJsonString(p.coop.nama, &after);
    after += "}";
    e = store::InsertAudit(c,
                           {0, ctx.now, ctx.admin_id, p.coop.id, "koperasi.buat", "cooperative", p.coop.id, "", after});
    if (!e.ok()) return e;
    for (store::LaporanRecord& rec : p.laporan) {
      rec.cooperative_id = p.coop.id;
      e = store::InsertLaporan(c, rec, &rec.id);
      if (e.ok()) {
        const bool final = rec.status == store::Status::kFinal;
        e = store::InsertAudit(
            c, {0, final ? *rec.finalised_at : *rec.submitted_at, final ? ctx.dinas_id : ctx.admin_id, p.coop.id,
                final ? "laporan.final" : "laporan.ajukan", "laporan", rec.id, "", SummaryJson(rec)});
      }
      if (!e.ok()) return e;
    }
    if (p.correction && !p.laporan.empty()) {
      store::LaporanRecord next = p.laporan.back();
      const int64_t at = *next.finalised_at + 60 * 86400;
      next.revision = 2;
      next.status = store::Status::kSubmitted;
      next.corrects_id = p.laporan.back().id;
      next.correction_reason = "Koreksi: piutang macet belum dicadangkan (data uji beban)";
      next.created_by = ctx.dinas_id;
      next.created_at = at;
      next.updated_at = at;
      next.submitted_at = at;
      next.finalised_at.reset();
      next.finalised_by.reset();
      e = store::InsertLaporan(c, next, &next.id);
      if (e.ok()) {
        e = store::InsertAudit(
            c, {0, at, ctx.dinas_id, p.coop.id, "laporan.revisi", "laporan", next.id, "", SummaryJson(next)});
      }
      if (!e.ok()) return e;
      p.laporan.push_back(std::move(next));
    }
  }
  return e;
}

}  // namespace
}  // namespace kopsehat

int main(int argc, char** argv) {
  using namespace kopsehat;
  const Clock::time_point start = Clock::now();
  const Args args = ParseArgs(argc, argv);

  std::error_code ec;
  std::filesystem::create_directories(args.data, ec);
  if (ec) Die("cannot create ", args.data, ": " + ec.message());
  std::string db_path = args.data;
  db_path += "/kopsehat.db";
  if (args.db.empty() && std::filesystem::exists(db_path)) Die(db_path + " exists already: give a fresh --data directory");
  if (!app::InitCrypto()) Die("libsodium failed to initialise");

  std::string error;
  std::unique_ptr<store::Store> db = store::Store::Open(args.db.empty() ? db_path : args.db, 1, &error);
  if (db == nullptr) Die(error);
  const int64_t now = int64_t(std::time(nullptr));
  Check(db->WithConnection([&](store::Connection* c) { return store::Migrate(c, now, nullptr); }), "migrate");

  Problems problems;
  const Rulebook* rb = EmbeddedRulebookById(kSeedMetode, &problems);
  if (rb == nullptr) Die("no embedded rulebook ", kSeedMetode);
  Laporan base;
  LaporanJsonReader reader;
  std::string example_path = KOPSEHAT_SOURCE_DIR;
  example_path += "/examples/ksp-sejahtera-bersama-2025.json";
  if (!reader.Read(ReadFile(example_path), &base, &problems)) Die(example_path + ": " + problems.Render(Lang::kEn));

  const Rulebook* kkpkk = EmbeddedRulebookById("kkpkk-2021", &problems);
  if (kkpkk == nullptr) Die("no embedded rulebook kkpkk-2021");
  Context ctx{&args, rb, kkpkk, &base, &reader, 0, {}, {}, 0, 0};
  ctx.now = now;
  // The region and the two logins.
  const std::string hash = app::HashPassword(args.password, app::PasswordCost::kTest);
  if (hash.empty()) Die("password hash failed");
  Check(db->Write([&](store::Connection* c) {
    store::DbError e;
    std::vector<int64_t> first_province;
    for (int r = 0; r < args.regions && e.ok(); ++r) {
      // One regency keeps the name of the single-regency benchmark; the national layout numbers them.
      const std::string nama = args.regions == 1 ? std::string(kRegion) : "Kabupaten " + std::to_string(r + 1);
      const std::string provinsi =
          args.regions == 1 ? std::string(kProvince) : "Provinsi " + std::to_string(r % args.provinces + 1);
      int64_t id = 0;
      e = store::InsertRegion(c, {0, nama, provinsi}, &id);
      ctx.region_ids.push_back(id);
      ctx.region_names.push_back(nama);
      if (r % args.provinces == 0) first_province.push_back(id);
    }
    store::User admin{0, "admin", "Administrator Kopsehat", store::Role::kAdmin, std::nullopt, {}, hash, true};
    if (e.ok()) e = store::InsertUser(c, admin, now, &ctx.admin_id);
    std::string dinas_name = "Penilai Dinas Koperasi ";
    dinas_name += ctx.region_names[0];
    store::User dinas{0, "dinas", dinas_name, store::Role::kDinas, std::nullopt, {ctx.region_ids[0]}, hash, true};
    if (e.ok()) e = store::InsertUser(c, dinas, now, &ctx.dinas_id);
    if (e.ok() && args.regions > 1) {
      store::User provinsi{0, "provinsi", "Penilai Dinas Koperasi Provinsi 1", store::Role::kDinas, std::nullopt,
                           first_province, hash, true};
      int64_t id = 0;
      e = store::InsertUser(c, provinsi, now, &id);
    }
    if (e.ok()) {
      e = store::InsertAudit(c, {0, now, std::nullopt, std::nullopt, "seed.bench", "region", ctx.region_ids[0], "", ""});
    }
    return e;
  }),
        "region and users");

  // The cooperatives, kChunkCoops per transaction.
  Counters n;
  int64_t laporan_rows = 0, final_rows = 0, submitted_rows = 0, audit_rows = 1, missing = 0;
  for (int chunk = 0; chunk < args.coops; chunk += kChunkCoops) {
    const Clock::time_point t0 = Clock::now();
    std::vector<PlannedCoop> plan;
    for (int i = chunk; i < std::min(args.coops, chunk + kChunkCoops); ++i) plan.push_back(PlanCoop(ctx, i, &n, &missing));
    n.assess_s += Seconds(t0);
    const Clock::time_point t1 = Clock::now();
    Check(db->Write([&](store::Connection* c) { return InsertPlanned(c, ctx, &plan); }), "insert");
    n.insert_s += Seconds(t1);
    for (const PlannedCoop& p : plan) {
      audit_rows += 1;
      for (const store::LaporanRecord& rec : p.laporan) {
        ++laporan_rows;
        ++audit_rows;
        (rec.status == store::Status::kFinal ? final_rows : submitted_rows)++;
      }
    }
  }
  // No ANALYZE: the application never runs it, so the query planner sees what it would see in production.
  db.reset();  // closes the connection: the WAL is checkpointed into the database file

  struct stat st {};
  const int64_t bytes = stat(db_path.c_str(), &st) == 0 ? int64_t(st.st_size) : -1;
  std::printf("web_seed: %s\n", db_path.c_str());
  std::printf("  regions       %d in %d provinces, first %s (id %lld); logins: admin, dinas%s (password given by "
              "--password)\n", args.regions, args.provinces, ctx.region_names[0].c_str(),
              static_cast<long long>(ctx.region_ids[0]), args.regions > 1 ? ", provinsi" : "");
  std::printf("  cooperatives  %d, financial years %d-12-31 .. %d-12-31\n", args.coops, args.last_year - args.years + 1,
              args.last_year);
  std::printf("  laporan       %lld rows: %lld final, %lld submitted (awaiting review); %lld cooperatives miss %d\n",
              static_cast<long long>(laporan_rows), static_cast<long long>(final_rows),
              static_cast<long long>(submitted_rows), static_cast<long long>(missing), args.last_year);
  std::printf("  audit_log     %lld rows\n", static_cast<long long>(audit_rows));
  std::printf("  assessed      %d (engine %s%s; %d variations refused, the plain example used)\n", n.assessed,
              kSeedMetode, args.kkpkk_from ? (", kkpkk-2021 from " + std::to_string(args.kkpkk_from)).c_str() : "",
              n.fallback);
  std::printf("  predikat      ");
  for (const auto& [label, count] : n.predikat) std::printf("%s %d; ", label.c_str(), count);
  std::printf("(final assessments)\n");
  if (args.db.empty()) {
    std::printf("  database      %.1f MB\n", double(bytes) / 1e6);
  } else {
    std::printf("  database      PostgreSQL (its size: SELECT pg_database_size(current_database()))\n");
  }
  std::printf("  time          %.2f s total (assess %.2f s, %.0f/s; insert %.2f s)\n", Seconds(start), n.assess_s,
              n.assess_s > 0 ? n.assessed / n.assess_s : 0.0, n.insert_s);
  return 0;
}
