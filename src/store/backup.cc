// store/backup.cc — see backup.h.
#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kopsehat::store {

namespace {

// Opens with the given flags; closes and fails with the message on error.
sqlite3* Open(const std::string& path, int flags, Status* failure) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    const std::string why = db != nullptr ? sqlite3_errmsg(db) : "cannot open";
    *failure = Status::Error("basis_data_tidak_dapat_dibuka", path + ": basis data tidak dapat dibuka (" + why + ")",
                             path + ": cannot open the database (" + why + ")");
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 5000);
  return db;
}

// Runs `sql` expecting one text row equal to `want` (PRAGMA integrity_check → "ok").
bool ExpectRow(sqlite3* db, const char* sql, const char* want, std::string* got) {
  sqlite3_stmt* st = nullptr;
  bool ok = false;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, 0);
    *got = text != nullptr ? reinterpret_cast<const char*>(text) : "";
    ok = want == nullptr || *got == want;
  } else {
    *got = sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  return ok;
}

// Copies every page of `from` into `to` in one step (the destination is locked for the whole copy).
Status Copy(sqlite3* from, sqlite3* to) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  const std::string why = b == nullptr ? sqlite3_errmsg(to) : "";
  const int rc = b == nullptr ? SQLITE_ERROR : sqlite3_backup_step(b, -1);
  if (b != nullptr) sqlite3_backup_finish(b);
  if (rc == SQLITE_DONE) return Status();
  const std::string reason = b == nullptr ? why : sqlite3_errstr(rc);
  return Status::Error("salinan_gagal", "salinan gagal (" + reason + ")", "the copy failed (" + reason + ")");
}

Status CheckKopsehat(sqlite3* db, const std::string& path) {
  std::string got;
  if (!ExpectRow(db, "PRAGMA integrity_check", "ok", &got)) {
    return Status::Error("basis_data_rusak", path + ": pemeriksaan keutuhan gagal: " + got,
                         path + ": integrity check failed: " + got);
  }
  if (!ExpectRow(db, "SELECT MAX(version) FROM schema_migrations", nullptr, &got) || got.empty()) {
    return Status::Error("bukan_basis_data_kopsehat", path + ": bukan basis data Kopsehat (tidak ada schema_migrations)",
                         path + ": not a Kopsehat database (no schema_migrations)");
  }
  return Status();
}

}  // namespace

Status BackupSqlite(const std::string& db_path, const std::string& dest_path) {
  if (std::filesystem::exists(dest_path)) {
    return Status::Error("berkas_sudah_ada", dest_path + ": berkas sudah ada; pilih nama baru",
                         dest_path + ": exists already; choose a new file");
  }
  Status status;
  sqlite3* from = Open(db_path, SQLITE_OPEN_READONLY, &status);
  if (from == nullptr) return status;
  sqlite3* to = Open(dest_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &status);
  if (to != nullptr) status = Copy(from, to);
  if (status.ok()) status = CheckKopsehat(to, dest_path);
  sqlite3_close(to);
  sqlite3_close(from);
  if (!status.ok()) {
    std::error_code ignored;
    std::filesystem::remove(dest_path, ignored);
  }
  return status;
}

Status RestoreSqlite(const std::string& backup_path, const std::string& db_path) {
  ServerLock lock;  // held while copying, so no server starts on a half-restored database
  if (Status locked = lock.Acquire(db_path, "restore"); !locked.ok()) return locked;
  Status status;
  sqlite3* from = Open(backup_path, SQLITE_OPEN_READONLY, &status);
  if (from == nullptr) return status;
  status = CheckKopsehat(from, backup_path);
  sqlite3* to = status.ok() ? Open(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &status) : nullptr;
  if (to != nullptr) status = Copy(from, to);
  sqlite3_close(to);
  sqlite3_close(from);
  return status;
}

ServerLock::~ServerLock() {
  if (fd_ >= 0) close(fd_);  // closing the descriptor releases the flock
}

Status ServerLock::Acquire(const std::string& db_path, const std::string& what) {
  const std::string path = db_path + ".server";
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    const std::string why = std::strerror(errno);
    return Status::Error("kunci_gagal", path + ": berkas kunci tidak dapat dibuka (" + why + ")",
                         path + ": cannot open the lock file (" + why + ")");
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[128] = {};
    const ssize_t n = pread(fd, holder, sizeof holder - 1, 0);
    close(fd);
    std::string who = n > 0 ? std::string(holder, size_t(n)) : "";
    while (!who.empty() && (who.back() == '\n' || who.back() == '\0')) who.pop_back();
    if (who.empty()) who = "?";
    return Status::Error("server_berjalan",
                         db_path + ": basis data sedang dipakai (" + who + "); hentikan server Kopsehat itu dulu",
                         db_path + ": the database is in use (" + who + "); stop that Kopsehat server first");
  }
  const std::string text = what + " pid " + std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, text.data(), text.size(), 0) != ssize_t(text.size())) {
    // The lock holds without its note; a refused restore then names no process.
  }
  if (fd_ >= 0) close(fd_);
  fd_ = fd;
  return Status();
}

}  // namespace kopsehat::store
