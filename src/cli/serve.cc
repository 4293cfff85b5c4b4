// cli/serve.cc — `kopsehat serve` (the web application), `kopsehat backup` and `kopsehat restore`. Thin: opens the
// store, migrates, seeds the demo when asked, and runs the server until SIGINT/SIGTERM.
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/common.h"
#include "store/backup.h"
#include "store/schema.h"
#include "app/demo.h"
#include "web/server.h"

namespace kopsehat::cli {

namespace {

const char* kServeHelpId = R"(Pemakaian: kopsehat serve [opsi]

Menjalankan aplikasi web Kopsehat.
  --data DIR        direktori data (basis data SQLite kopsehat.db); dibuat bila belum ada (bawaan: kopsehat-data)
  --db URL          pakai PostgreSQL (postgresql://pengguna@host:port/nama) sebagai ganti SQLite
  --host H          alamat yang didengar (bawaan 127.0.0.1; pakai reverse proxy untuk akses luar)
  --port P          port (bawaan 8080)
  --threads N       jumlah thread pekerja (bawaan 16); tiap thread melayani banyak koneksi, dan klien yang
                    lambat atau diam tidak menahan thread
  --batas-koneksi N koneksi terbuka paling banyak (bawaan 2000); koneksi baru selebihnya menunggu di antrean
  --batas-koneksi-alamat N
                    koneksi terbuka paling banyak dari satu alamat klien (bawaan 64; 0 = tanpa batas, bawaan
                    dengan --proxy-tepercaya karena semua koneksi datang dari proxy)
  --batas-waktu S   koneksi yang tidak mengirim apa pun selama S detik ditutup (bawaan 30)
  --demo            isi data contoh bila basis data kosong, lalu cetak akun demo
  --cookie-aman     tandai cookie Secure (di balik HTTPS)
  --proxy-tepercaya alamat klien dari X-Forwarded-For (hanya di balik reverse proxy yang mengisinya)
  --lang id|en      bahasa pesan perintah ini
)";

const char* kServeHelpEn = R"(Usage: kopsehat serve [options]

Runs the Kopsehat web application.
  --data DIR        data directory (SQLite database kopsehat.db); created when missing (default: kopsehat-data)
  --db URL          use PostgreSQL (postgresql://user@host:port/name) instead of SQLite
  --host H          address to listen on (default 127.0.0.1; put a reverse proxy in front for outside access)
  --port P          port (default 8080)
  --threads N       worker threads (default 16); each serves many connections, and slow or idle clients hold
                    no thread
  --batas-koneksi N open connections at most (default 2000); further new connections wait in the queue
  --batas-koneksi-alamat N
                    open connections at most from one client address (default 64; 0 = no limit, the default
                    with --proxy-tepercaya since every connection comes from the proxy)
  --batas-waktu S   a connection that sends nothing for S seconds is closed (default 30)
  --demo            seed demo data when the database is empty, then print the demo logins
  --cookie-aman     mark cookies Secure (behind HTTPS)
  --proxy-tepercaya take the client address from X-Forwarded-For (only behind a reverse proxy that sets it)
  --lang id|en      language of this command's messages
)";

int Fail(const char* command, const std::string& id, const std::string& en, Lang lang) {
  std::cerr << "kopsehat " << command << ": " << (lang == Lang::kEn ? en : id) << "\n";
  return kExitInvalid;
}

bool ParseInt(const std::string& text, int lo, int hi, int* out) {
  try {
    size_t used = 0;
    const int v = std::stoi(text, &used);
    if (used != text.size() || v < lo || v > hi) return false;
    *out = v;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// Stops the server on SIGINT/SIGTERM: the signals are blocked in every thread (BlockStopSignals, before the
// server's threads start, which inherit the mask) and awaited by one thread, so no work happens in a signal handler.
sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

void BlockStopSignals() {
  const sigset_t set = StopSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

std::thread StartSignalThread(web::WebServer* server) {
  const sigset_t set = StopSignals();
  return std::thread([set, server] {
    int sig = 0;
    sigwait(&set, &sig);
    server->Stop();
  });
}

// Opens and migrates the store of --db URL or --data DIR. Null after printing the problem. With `server_lock`, an
// SQLite database is first locked against a restore (and a second server) for as long as the lock lives.
std::unique_ptr<store::Store> OpenStore(const char* command, const Args& args, int pool, Lang lang, std::string* target,
                                        int* version, store::ServerLock* server_lock = nullptr) {
  std::string error;
  const std::string data_dir = args.Get("--data", "kopsehat-data");
  if (!args.Has("--db")) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) {
      Fail(command, data_dir + ": direktori tidak dapat dibuat", data_dir + ": cannot create the directory", lang);
      return nullptr;
    }
  }
  *target = args.Has("--db") ? args.Get("--db") : data_dir + "/kopsehat.db";
  const bool postgres = target->rfind("postgres://", 0) == 0 || target->rfind("postgresql://", 0) == 0;
  if (server_lock != nullptr && !postgres) {
    if (const Status locked = server_lock->Acquire(*target, "server"); !locked.ok()) {
      Fail(command, locked.pesan(), locked.message(), lang);
      return nullptr;
    }
  }
  std::unique_ptr<store::Store> db = store::Store::Open(*target, pool, &error);
  if (db == nullptr) {
    Fail(command, "basis data tidak dapat dibuka: " + error, "cannot open the database: " + error, lang);
    return nullptr;
  }
  const store::DbError e =
      db->WithConnection([&](store::Connection* c) { return store::Migrate(c, std::time(nullptr), version); });
  if (!e.ok()) {
    Fail(command, "migrasi gagal: " + e.message, "migration failed: " + e.message, lang);
    return nullptr;
  }
  return db;
}

}  // namespace

int RunServe(int argc, char** argv, Lang lang) {
  Args args;
  std::string error;
  const std::vector<OptionSpec> options = {{"--data", true},    {"--db", true},          {"--host", true},
                                           {"--port", true},    {"--threads", true},     {"--demo", false},
                                           {"--cookie-aman", false}, {"--proxy-tepercaya", false}, {"--lang", true},   {"--help", false},
                                           {"--batas-koneksi", true}, {"--batas-koneksi-alamat", true},
                                           {"--batas-waktu", true}};
  if (const Status parsed = ParseArgs(argc, argv, 2, options, &args); !parsed.ok()) {
    return Fail("serve", parsed.pesan(), parsed.message(), lang);
  }
  if (args.Has("--help")) {
    std::cout << (lang == Lang::kEn ? kServeHelpEn : kServeHelpId);
    return kExitOk;
  }
  web::ServeOptions serve;
  serve.host = args.Get("--host", "127.0.0.1");
  if (args.Has("--port") && !ParseInt(args.Get("--port"), 0, 65535, &serve.port)) {
    return Fail("serve", "--port harus bilangan 0..65535", "--port must be a number 0..65535", lang);
  }
  if (args.Has("--threads") && !ParseInt(args.Get("--threads"), 1, 256, &serve.threads)) {
    return Fail("serve", "--threads harus bilangan 1..256", "--threads must be a number 1..256", lang);
  }
  if (args.Has("--batas-koneksi") && !ParseInt(args.Get("--batas-koneksi"), 1, 100000, &serve.max_connections)) {
    return Fail("serve", "--batas-koneksi harus bilangan 1..100000", "--batas-koneksi must be a number 1..100000", lang);
  }
  serve.settings.secure_cookies = args.Has("--cookie-aman");
  serve.settings.trust_proxy = args.Has("--proxy-tepercaya");
  // Behind the proxy every connection comes from its address: a limit per address would be one on all clients.
  if (serve.settings.trust_proxy) serve.max_connections_per_address = 0;
  if (args.Has("--batas-koneksi-alamat") &&
      !ParseInt(args.Get("--batas-koneksi-alamat"), 0, 100000, &serve.max_connections_per_address)) {
    return Fail("serve", "--batas-koneksi-alamat harus bilangan 0..100000", "--batas-koneksi-alamat must be a number 0..100000",
                lang);
  }
  if (args.Has("--batas-waktu") && !ParseInt(args.Get("--batas-waktu"), 1, 3600, &serve.timeout_s)) {
    return Fail("serve", "--batas-waktu harus bilangan 1..3600 (detik)", "--batas-waktu must be a number 1..3600 (seconds)",
                lang);
  }
  if (!app::InitCrypto()) return Fail("serve", "libsodium tidak dapat dimulai", "libsodium failed to initialise", lang);

  std::string target;
  int version = 0;
  // One connection per server thread, plus one for the demo seeding and the health check under load.
  store::ServerLock server_lock;
  std::unique_ptr<store::Store> db = OpenStore("serve", args, serve.threads + 1, lang, &target, &version, &server_lock);
  if (db == nullptr) return kExitInvalid;
  app::App app(db.get(), app::AppOptions{});
  std::vector<app::DemoLogin> logins;
  if (args.Has("--demo")) {
    const app::Outcome o = app::SeedDemo(&app, KOPSEHAT_EXAMPLES_DIR, &logins);
    if (!o.ok()) return Fail("serve", "data demo gagal: " + o.problems.Render(Lang::kId), "demo seeding failed: " +
                                 o.problems.Render(Lang::kEn), lang);
  }
  web::WebServer server(&app, serve);
  BlockStopSignals();
  if (!server.Bind(&error)) return Fail("serve", error, error, lang);
  std::thread signals = StartSignalThread(&server);
  const std::string address = "http://" + serve.host + ":" + std::to_string(server.port()) + "/";
  std::cout << (lang == Lang::kEn ? "Kopsehat is running at " : "Kopsehat berjalan di ") << address << "\n"
            << (lang == Lang::kEn ? "Database: " : "Basis data: ") << (args.Has("--db") ? "PostgreSQL" : target)
            << " (skema " << version << ")\n";
  if (!logins.empty()) {
    std::cout << (lang == Lang::kEn ? "Demo logins (password " : "Akun demo (kata sandi ") << app::kDemoPassword
              << "):\n";
    for (const app::DemoLogin& l : logins) std::cout << "  " << l.username << "  — " << l.role << ", " << l.what << "\n";
  }
  std::cout << (lang == Lang::kEn ? "Stop with Ctrl+C." : "Hentikan dengan Ctrl+C.") << std::endl;
  server.Serve();
  // Serve returns after Stop (from the signal thread), which has then ended.
  signals.join();
  return kExitOk;
}

int RunUserAdd(int argc, char** argv, Lang lang) {
  Args args;
  std::string error;
  const std::vector<OptionSpec> options = {{"--data", true}, {"--db", true}, {"--username", true}, {"--nama", true},
                                           {"--peran", true}, {"--koperasi", true}, {"--wilayah", true},
                                           {"--lang", true}};
  if (const Status parsed = ParseArgs(argc, argv, 3, options, &args); !parsed.ok()) {
    return Fail("user add", parsed.pesan(), parsed.message(), lang);
  }
  const std::optional<store::Role> role = store::ParseRole(args.Get("--peran", "admin"));
  if (!role) return Fail("user add", "--peran tidak dikenal", "unknown --peran", lang);
  // The password comes from the environment or the first line of stdin, never from the command line (which other
  // users of the machine can read in the process list).
  std::string password = std::getenv("KOPSEHAT_PASSWORD") != nullptr ? std::getenv("KOPSEHAT_PASSWORD") : "";
  if (password.empty()) std::getline(std::cin, password);
  std::string target;
  int version = 0;
  std::unique_ptr<store::Store> db = OpenStore("user add", args, 1, lang, &target, &version);
  if (db == nullptr || !app::InitCrypto()) return kExitInvalid;
  app::App app(db.get(), app::AppOptions{});
  store::User u;
  u.username = args.Get("--username");
  u.display_name = args.Get("--nama", u.username);
  u.role = *role;
  int parsed = 0;
  if (args.Has("--koperasi") && ParseInt(args.Get("--koperasi"), 1, 1 << 30, &parsed)) u.cooperative_id = parsed;
  if (args.Has("--wilayah") && ParseInt(args.Get("--wilayah"), 1, 1 << 30, &parsed)) u.region_ids.push_back(parsed);
  int64_t id = 0;
  const app::Outcome o = app.CreateUser(nullptr, u, password, &id);
  if (!o.ok()) return Fail("user add", o.problems.Render(Lang::kId), o.problems.Render(Lang::kEn), lang);
  std::cout << (lang == Lang::kEn ? "User created: " : "Pengguna dibuat: ") << u.username << " (" << id << ")\n";
  return kExitOk;
}

int RunBackup(int argc, char** argv, Lang lang, bool restore) {
  Args args;
  const std::vector<OptionSpec> options = {{"--data", true}, {"--out", true}, {"--from", true}, {"--lang", true}};
  if (const Status parsed = ParseArgs(argc, argv, 2, options, &args); !parsed.ok()) {
    return Fail(restore ? "restore" : "backup", parsed.pesan(), parsed.message(), lang);
  }
  const std::string db = args.Get("--data", "kopsehat-data") + "/kopsehat.db";
  const std::string other = restore ? args.Get("--from") : args.Get("--out");
  if (other.empty()) {
    return Fail(restore ? "restore" : "backup", restore ? "sebutkan --from BERKAS" : "sebutkan --out BERKAS",
                restore ? "give --from FILE" : "give --out FILE", lang);
  }
  const Status done = restore ? store::RestoreSqlite(other, db) : store::BackupSqlite(db, other);
  if (!done.ok()) return Fail(restore ? "restore" : "backup", done.pesan(), done.message(), lang);
  std::cout << (restore ? (lang == Lang::kEn ? "Restored " : "Dipulihkan ") + other + " → " + db
                        : (lang == Lang::kEn ? "Backed up " : "Dicadangkan ") + db + " → " + other)
            << "\n";
  return kExitOk;
}

}  // namespace kopsehat::cli
