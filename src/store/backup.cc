// store/backup.cc — see backup.h.
#include "store/backup.h"

#include <sqlite3.h>

#include <filesystem>

namespace kopsehat::store {

namespace {

// Opens with the given flags; closes and fails with the message on error.
sqlite3* Open(const std::string& path, int flags, std::string* error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    *error = path + ": " + (db != nullptr ? sqlite3_errmsg(db) : "cannot open");
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
bool Copy(sqlite3* from, sqlite3* to, std::string* error) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (b == nullptr) {
    *error = sqlite3_errmsg(to);
    return false;
  }
  const int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    *error = std::string("backup: ") + sqlite3_errstr(rc);
    return false;
  }
  return true;
}

bool CheckKopsehat(sqlite3* db, const std::string& path, std::string* error) {
  std::string got;
  if (!ExpectRow(db, "PRAGMA integrity_check", "ok", &got)) {
    *error = path + ": integrity check failed: " + got;
    return false;
  }
  if (!ExpectRow(db, "SELECT MAX(version) FROM schema_migrations", nullptr, &got) || got.empty()) {
    *error = path + ": not a Kopsehat database (no schema_migrations)";
    return false;
  }
  return true;
}

}  // namespace

bool BackupSqlite(const std::string& db_path, const std::string& dest_path, std::string* error) {
  if (std::filesystem::exists(dest_path)) {
    *error = dest_path + ": exists already; choose a new file";
    return false;
  }
  sqlite3* from = Open(db_path, SQLITE_OPEN_READONLY, error);
  if (from == nullptr) return false;
  sqlite3* to = Open(dest_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  bool ok = to != nullptr && Copy(from, to, error) && CheckKopsehat(to, dest_path, error);
  sqlite3_close(to);
  sqlite3_close(from);
  if (!ok) {
    std::error_code ignored;
    std::filesystem::remove(dest_path, ignored);
  }
  return ok;
}

bool RestoreSqlite(const std::string& backup_path, const std::string& db_path, std::string* error) {
  sqlite3* from = Open(backup_path, SQLITE_OPEN_READONLY, error);
  if (from == nullptr) return false;
  bool ok = CheckKopsehat(from, backup_path, error);
  sqlite3* to = ok ? Open(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) : nullptr;
  ok = ok && to != nullptr && Copy(from, to, error);
  sqlite3_close(to);
  sqlite3_close(from);
  return ok;
}

}  // namespace kopsehat::store
