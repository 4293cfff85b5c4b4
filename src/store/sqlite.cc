// The SQLite backend: one sqlite3 handle per Connection, opened without SQLite's own mutexes because a Connection
// is never shared between threads (the pool hands each request its own).

#include <sqlite3.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>

#include "store/db.h"

namespace kopsehat::store {

namespace {

// How long a writer waits for another connection's write lock before the statement fails with kBusy. Long enough
// to ride out any single write transaction of the application, short enough that a stuck lock surfaces as an error.
constexpr int kBusyTimeoutMs = 5000;
// Prepared statements kept per connection. The repositories use a few dozen distinct statements; the bound only
// keeps ad-hoc SQL from growing the cache without limit.
constexpr size_t kStatementCacheSize = 64;

DbErrorKind KindOf(int code) {
  switch (code & 0xff) {  // the primary code: every SQLITE_CONSTRAINT_* (incl. a trigger's RAISE) is a constraint
    case SQLITE_CONSTRAINT:
      return DbErrorKind::kConstraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbErrorKind::kBusy;
    default:
      return DbErrorKind::kOther;
  }
}

// Resets a statement when the Exec that used it ends, however it ends: a statement left mid-step would keep its
// read snapshot (WAL) open and make COMMIT fail with "SQL statements in progress"; clearing the bindings drops the
// pointers into the caller's parameters, which are bound without copying.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementReset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

int BindOne(sqlite3_stmt* stmt, int index, const Value& value) {
  if (std::holds_alternative<std::nullptr_t>(value)) return sqlite3_bind_null(stmt, index);
  if (const int64_t* i = std::get_if<int64_t>(&value)) return sqlite3_bind_int64(stmt, index, *i);
  if (const std::string* s = std::get_if<std::string>(&value)) {
    return sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  // data() is never null, so an empty Bytes binds a zero-length blob, not NULL.
  const std::string& bytes = std::get<Bytes>(value).data;
  return sqlite3_bind_blob64(stmt, index, bytes.data(), bytes.size(), SQLITE_STATIC);
}

std::optional<std::string> Cell(sqlite3_stmt* stmt, int col) {
  switch (sqlite3_column_type(stmt, col)) {
    case SQLITE_NULL:
      return std::nullopt;
    case SQLITE_INTEGER:
      return std::to_string(sqlite3_column_int64(stmt, col));
    case SQLITE_BLOB: {
      const void* data = sqlite3_column_blob(stmt, col);
      const int size = sqlite3_column_bytes(stmt, col);  // after the pointer, as SQLite's docs require
      return size == 0 ? std::string() : std::string(static_cast<const char*>(data), size_t(size));
    }
    default: {  // TEXT, and REAL in SQLite's own text form (the schema keeps money in integers)
      const unsigned char* text = sqlite3_column_text(stmt, col);
      const int size = sqlite3_column_bytes(stmt, col);
      return size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(text), size_t(size));
    }
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, entry] : cache_) sqlite3_finalize(entry.stmt);
    sqlite3_close_v2(db_);  // rolls back an open transaction
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }

  DbError Exec(std::string_view sql, const std::vector<Value>& params, Result* out) override {
    if (out != nullptr) out->Clear();
    sqlite3_stmt* stmt = nullptr;
    if (DbError e = Prepare(sql, &stmt); !e.ok() || stmt == nullptr) return e;  // null: only comments/space
    StatementReset reset(stmt);
    if (DbError e = Bind(stmt, params); !e.ok()) return e;
    return Step(stmt, out);
  }

  DbError ExecScript(std::string_view sql) override {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    DbError error;
    if (rc != SQLITE_OK) error = {KindOf(rc), message != nullptr ? message : sqlite3_errstr(rc)};
    sqlite3_free(message);
    return error;
  }

  DbError Begin(bool write) override { return Exec(write ? "BEGIN IMMEDIATE" : "BEGIN", {}, nullptr); }
  DbError Commit() override { return Exec("COMMIT", {}, nullptr); }
  void Rollback() override { Exec("ROLLBACK", {}, nullptr); }  // fails harmlessly when no transaction is open

 private:
  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    uint64_t last_used = 0;
  };

  DbError LastError(int rc) const { return {KindOf(rc), sqlite3_errmsg(db_)}; }

  // The cached statement for `sql`, compiling it on first use.
  DbError Prepare(std::string_view sql, sqlite3_stmt** stmt) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) {
      it->second.last_used = ++clock_;
      *stmt = it->second.stmt;
      return {};
    }
    if (DbError e = Compile(sql, stmt); !e.ok() || *stmt == nullptr) return e;
    if (cache_.size() >= kStatementCacheSize) EvictLeastRecentlyUsed();
    cache_.emplace(std::move(key), CachedStatement{*stmt, ++clock_});
    return {};
  }

  DbError Compile(std::string_view sql, sqlite3_stmt** stmt) {
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), int(sql.size()), stmt, &tail);
    if (rc != SQLITE_OK) return LastError(rc);
    if (*stmt != nullptr && HasMoreStatements(tail, sql.data() + sql.size())) {
      sqlite3_finalize(*stmt);
      *stmt = nullptr;
      // SQLite would silently run only the first one; PostgreSQL refuses. Refusing here keeps the backends alike.
      return {DbErrorKind::kOther, "Exec runs one statement; several were given (use ExecScript)"};
    }
    return {};
  }

  // Whether the text after the first statement holds another statement (not just space, ';' or comments).
  bool HasMoreStatements(const char* tail, const char* end) const {
    while (tail < end) {
      sqlite3_stmt* next = nullptr;
      const char* next_tail = nullptr;
      if (sqlite3_prepare_v2(db_, tail, int(end - tail), &next, &next_tail) != SQLITE_OK) return true;
      if (next != nullptr) {
        sqlite3_finalize(next);
        return true;
      }
      if (next_tail == tail) return false;
      tail = next_tail;
    }
    return false;
  }

  void EvictLeastRecentlyUsed() {
    auto oldest = cache_.begin();
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
      if (it->second.last_used < oldest->second.last_used) oldest = it;
    }
    sqlite3_finalize(oldest->second.stmt);
    cache_.erase(oldest);
  }

  DbError Bind(sqlite3_stmt* stmt, const std::vector<Value>& params) {
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (size_t(expected) != params.size()) {
      return {DbErrorKind::kOther, "statement has " + std::to_string(expected) + " placeholders but " +
                                       std::to_string(params.size()) + " parameters were given"};
    }
    for (size_t i = 0; i < params.size(); ++i) {
      if (const int rc = BindOne(stmt, int(i) + 1, params[i]); rc != SQLITE_OK) return LastError(rc);
    }
    return {};
  }

  DbError Step(sqlite3_stmt* stmt, Result* out) {
    const int columns = sqlite3_column_count(stmt);
    if (out != nullptr) out->SetColumns(size_t(columns));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return {};
      if (rc != SQLITE_ROW) {
        if (out != nullptr) out->Clear();
        return LastError(rc);
      }
      if (out != nullptr) out->AddRow(Row(stmt, columns));
    }
  }

  static std::vector<std::optional<std::string>> Row(sqlite3_stmt* stmt, int columns) {
    std::vector<std::optional<std::string>> cells;
    cells.reserve(size_t(columns));
    for (int c = 0; c < columns; ++c) cells.push_back(Cell(stmt, c));
    return cells;
  }

  sqlite3* db_;
  std::unordered_map<std::string, CachedStatement> cache_;
  uint64_t clock_ = 0;
};

// Runs a PRAGMA that answers with one value and returns it (lower-case as SQLite reports it).
bool PragmaValue(sqlite3* db, const char* pragma, std::string* value, std::string* error) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, pragma, -1, &stmt, nullptr) != SQLITE_OK) {
    *error = sqlite3_errmsg(db);
    return false;
  }
  const int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    *value = text != nullptr ? reinterpret_cast<const char*>(text) : "";
  } else if (rc != SQLITE_DONE) {
    *error = sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

// The settings every connection needs. WAL lets readers run beside the single writer; synchronous=FULL makes an
// acknowledged COMMIT durable across power loss (NORMAL would only protect against an application crash);
// foreign keys are off by default in SQLite and must be switched on per connection.
bool Configure(sqlite3* db, std::string* error) {
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  std::string mode;
  if (!PragmaValue(db, "PRAGMA journal_mode=WAL", &mode, error)) return false;
  if (mode != "wal" && mode != "memory") {  // ":memory:" databases (tests) have no journal file to switch
    *error = "cannot switch the database to WAL journaling (journal_mode is '" + mode + "')";
    return false;
  }
  std::string ignored;
  // Reads through a memory map share the operating system's page cache among the pool's connections instead of
  // each copying pages into its own 2 MiB cache (a region's dashboard reads every cooperative's rows).
  return PragmaValue(db, "PRAGMA foreign_keys=ON", &ignored, error) &&
         PragmaValue(db, "PRAGMA synchronous=FULL", &ignored, error) &&
         PragmaValue(db, "PRAGMA mmap_size=1073741824", &ignored, error);
}

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const std::string& path, std::string* error) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    if (error != nullptr) {
      *error = "cannot open SQLite database '" + path + "': " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory");
    }
    sqlite3_close_v2(db);
    return nullptr;
  }
  std::string why;
  if (!Configure(db, &why)) {
    if (error != nullptr) *error = "cannot configure SQLite database '" + path + "': " + why;
    sqlite3_close_v2(db);
    return nullptr;
  }
  return std::make_unique<SqliteConnection>(db);
}

}  // namespace kopsehat::store
