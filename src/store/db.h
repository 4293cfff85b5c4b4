// store/db.h — one database connection behind a small interface with two real backends: SQLite (embedded default)
// and PostgreSQL (libpq). The repositories (store.h) write their SQL once, in the portable subset both speak, with
// `?` placeholders bound in order; each backend translates what it must ($1.. for PostgreSQL). Depends on the
// standard library only; the backends on sqlite3 and libpq.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kopsehat::store {

enum class Dialect { kSqlite, kPostgres };

// A parameter or a cell. Bytes are opaque binary (evidence files); text is UTF-8.
struct Bytes {
  std::string data;
};
using Value = std::variant<std::nullptr_t, int64_t, std::string, Bytes>;

// Why a statement failed: callers branch on the kind (a unique key already taken is an expected outcome, e.g. a
// username in use); the message is for logs, never shown to a user verbatim.
enum class DbErrorKind {
  kNone,
  kConstraint,  // unique, foreign key, check or trigger (RAISE / EXCEPTION) refused the write
  kBusy,        // lock or serialisation conflict: the whole transaction may be retried
  kOther,
};
struct DbError {
  DbErrorKind kind = DbErrorKind::kNone;
  std::string message;
  bool ok() const { return kind == DbErrorKind::kNone; }
};

// The rows of one statement. Every cell is its raw bytes (integers as decimal text, blobs decoded to their bytes)
// or absent for SQL NULL, so both backends hand the repositories the same thing.
class Result {
 public:
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  size_t columns() const { return columns_; }
  bool IsNull(size_t row, size_t col) const { return !rows_[row][col].has_value(); }
  // The cell as text ("" for NULL).
  const std::string& Text(size_t row, size_t col) const;
  // The cell as an integer (0 for NULL). A non-integer cell is a schema bug and stops loudly.
  int64_t Int(size_t row, size_t col) const;
  std::optional<int64_t> OptInt(size_t row, size_t col) const;

  // For the backends.
  void SetColumns(size_t n) { columns_ = n; }
  void AddRow(std::vector<std::optional<std::string>> cells) { rows_.push_back(std::move(cells)); }
  void Clear() {
    rows_.clear();
    columns_ = 0;
  }

 private:
  size_t columns_ = 0;
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

// One open connection; not thread-safe (the pool in store.h gives each request its own).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement with `?` placeholders bound in order from `params`; rows (if any) into *out (may be null).
  virtual DbError Exec(std::string_view sql, const std::vector<Value>& params, Result* out) = 0;
  // Runs several `;`-separated statements without parameters (migrations).
  virtual DbError ExecScript(std::string_view sql) = 0;
  // Transactions. A write transaction takes the write lock up front (SQLite BEGIN IMMEDIATE), so two writers
  // never deadlock upgrading a read lock.
  virtual DbError Begin(bool write) = 0;
  virtual DbError Commit() = 0;
  virtual void Rollback() = 0;
};

// Opens (creating if missing) an SQLite database file with WAL journaling, foreign keys on, synchronous=FULL (an
// acknowledged commit survives power loss) and a busy timeout. Null with *error on failure.
std::unique_ptr<Connection> OpenSqlite(const std::string& path, std::string* error);

// Connects to PostgreSQL (a libpq conninfo or postgresql:// URL). Null with *error on failure.
std::unique_ptr<Connection> OpenPostgres(const std::string& conninfo, std::string* error);

// Rewrites `?` placeholders to `$1, $2, ...` (PostgreSQL). `?` inside '...' literals is left alone.
std::string NumberPlaceholders(std::string_view sql);
// The same, also giving the number of placeholders (PostgreSQL would silently accept surplus parameters).
std::string NumberPlaceholders(std::string_view sql, size_t* count);

}  // namespace kopsehat::store
