// store/backup.h — online backup and restore of the SQLite database (sqlite3_backup: a consistent copy while the
// server runs), and the lock by which a running server keeps a restore from replacing its database. PostgreSQL is
// backed up with pg_dump (docs/operasi.md). Depends on core/status.h and sqlite3.
#pragma once

#include <string>

#include "core/status.h"

namespace kopsehat::store {

// Copies the live database at `db_path` to `dest_path` (a new file; refused when it exists), then checks the
// copy's integrity.
Status BackupSqlite(const std::string& db_path, const std::string& dest_path);

// Replaces the database at `db_path` with the backup at `backup_path` after checking the backup's integrity and
// that it is a Kopsehat database. Refused (code server_berjalan) while a server holds the database's ServerLock:
// replacing a database under a running server would discard writes it has acknowledged. On failure the database
// is unchanged.
Status RestoreSqlite(const std::string& backup_path, const std::string& db_path);

// An advisory lock (flock) on "<db_path>.server", held by `kopsehat serve` for as long as it serves and by a
// restore while it copies; the file names the process holding it. Released by the destructor or by the process's
// exit (also kill -9), so it never goes stale.
class ServerLock {
 public:
  ServerLock() = default;
  ServerLock(const ServerLock&) = delete;
  ServerLock& operator=(const ServerLock&) = delete;
  ~ServerLock();
  // Takes the lock for `what` ("server", "restore"); not ok (code server_berjalan) when another process holds it,
  // naming that process.
  Status Acquire(const std::string& db_path, const std::string& what);

 private:
  int fd_ = -1;
};

}  // namespace kopsehat::store
