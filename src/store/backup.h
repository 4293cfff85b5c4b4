// store/backup.h — online backup and restore of the SQLite database (sqlite3_backup: a consistent copy while the
// server runs). PostgreSQL is backed up with pg_dump (docs/operasi.md). Depends on sqlite3.
#pragma once

#include <string>

namespace kopsehat::store {

// Copies the live database at `db_path` to `dest_path` (a new file; refused when it exists), then checks the
// copy's integrity. False with *error.
bool BackupSqlite(const std::string& db_path, const std::string& dest_path, std::string* error);

// Replaces the database at `db_path` with the backup at `backup_path` after checking the backup's integrity and
// that it is a Kopsehat database. Run with the server stopped. False with *error (the database is then unchanged).
bool RestoreSqlite(const std::string& backup_path, const std::string& db_path, std::string* error);

}  // namespace kopsehat::store
