// The PostgreSQL backend over libpq. Statements go through PQexecParams (the extended protocol, so parameters are
// never spliced into SQL text); results come back in text form and are handed on as the same raw cells SQLite gives.

#include <libpq-fe.h>

#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "store/db.h"

namespace kopsehat::store {

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); the server headers that name them are not a build dependency.
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;

struct PgResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultFree>;

// SQLSTATE classes: https://www.postgresql.org/docs/15/errcodes-appendix.html
DbErrorKind KindOf(const char* sqlstate) {
  const std::string_view code = sqlstate != nullptr ? sqlstate : "";
  // 23xxx integrity constraint violation; P0001 a trigger's RAISE EXCEPTION (our immutability triggers).
  if (code.starts_with("23") || code == "P0001") return DbErrorKind::kConstraint;
  // serialization_failure, deadlock_detected, lock_not_available (lock_timeout / NOWAIT): retry the transaction.
  if (code == "40001" || code == "40P01" || code == "55P03") return DbErrorKind::kBusy;
  return DbErrorKind::kOther;  // includes a lost connection, which has no SQLSTATE
}

std::string Trimmed(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "unknown PostgreSQL error" : text;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A bytea cell arrives as "\x" + two hex digits per byte (bytea_output=hex, set at connect).
bool DecodeHexBytea(const char* text, size_t size, std::string* out) {
  if (size < 2 || text[0] != '\\' || text[1] != 'x' || size % 2 != 0) return false;
  out->resize((size - 2) / 2);
  for (size_t i = 2, o = 0; i < size; i += 2, ++o) {
    const int hi = HexDigit(text[i]);
    const int lo = HexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) return false;
    (*out)[o] = char(hi * 16 + lo);
  }
  return true;
}

// Falls back to libpq's decoder for the legacy escape format (a server that ignored bytea_output).
std::string DecodeBytea(const char* text, size_t size) {
  std::string bytes;
  if (DecodeHexBytea(text, size, &bytes)) return bytes;
  size_t length = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &length);
  if (raw == nullptr) return std::string(text, size);
  bytes.assign(reinterpret_cast<const char*>(raw), length);
  PQfreemem(raw);
  return bytes;
}

// The parameters in the parallel arrays PQexecParams takes. Integers and text travel as text; Bytes travel in binary
// so no escaping is needed and embedded NULs survive. Integers are typed int8 so `? + 1` is not inferred as int4.
class PgParams {
 public:
  bool Build(const std::vector<Value>& params, std::string* error) {
    const size_t n = params.size();
    int_texts_.assign(n, std::string());  // sized up front: values_ points into these strings
    types_.assign(n, 0);
    values_.assign(n, nullptr);
    lengths_.assign(n, 0);
    formats_.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      if (!BuildOne(i, params[i], error)) return false;
    }
    return true;
  }
  int size() const { return int(values_.size()); }
  const Oid* types() const { return types_.data(); }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  bool BuildOne(size_t i, const Value& value, std::string* error) {
    if (const int64_t* v = std::get_if<int64_t>(&value)) {
      int_texts_[i] = std::to_string(*v);
      types_[i] = kInt8Oid;
      values_[i] = int_texts_[i].c_str();
    } else if (const std::string* s = std::get_if<std::string>(&value)) {
      // Text parameters are NUL-terminated on the wire; PostgreSQL text cannot hold a NUL anyway.
      if (s->find('\0') != std::string::npos) {
        *error = "parameter " + std::to_string(i + 1) + " is text containing a NUL byte (use Bytes)";
        return false;
      }
      values_[i] = s->c_str();
    } else if (const Bytes* b = std::get_if<Bytes>(&value)) {
      if (b->data.size() > size_t(std::numeric_limits<int>::max())) {  // libpq's length is an int
        *error = "parameter " + std::to_string(i + 1) + " is larger than 2 GiB";
        return false;
      }
      types_[i] = kByteaOid;
      values_[i] = b->data.data();
      lengths_[i] = int(b->data.size());
      formats_[i] = 1;
    }  // nullptr: a null pointer value is SQL NULL
    return true;
  }

  std::vector<std::string> int_texts_;
  std::vector<Oid> types_;
  std::vector<const char*> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

std::vector<std::optional<std::string>> Row(const PGresult* res, int row, const std::vector<bool>& is_bytea) {
  std::vector<std::optional<std::string>> cells;
  cells.reserve(is_bytea.size());
  for (int c = 0; c < int(is_bytea.size()); ++c) {
    if (PQgetisnull(res, row, c)) {
      cells.emplace_back(std::nullopt);
      continue;
    }
    const char* text = PQgetvalue(res, row, c);
    const size_t size = size_t(PQgetlength(res, row, c));
    cells.emplace_back(is_bytea[size_t(c)] ? DecodeBytea(text, size) : std::string(text, size));
  }
  return cells;
}

void Collect(const PGresult* res, Result* out) {
  const int columns = PQnfields(res);
  std::vector<bool> is_bytea(static_cast<size_t>(columns));
  for (int c = 0; c < columns; ++c) is_bytea[size_t(c)] = PQftype(res, c) == kByteaOid;
  out->SetColumns(size_t(columns));
  for (int r = 0, rows = PQntuples(res); r < rows; ++r) out->AddRow(Row(res, r, is_bytea));
}

// Session settings, applied after every (re)connect: UTF-8 whatever the server's encoding; notices (e.g. "table
// does not exist, skipping") kept off stderr; bytea in the hex form DecodeBytea expects.
bool Configure(PGconn* conn, std::string* error) {
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    *error = Trimmed(PQerrorMessage(conn));
    return false;
  }
  PgResult res(PQexec(conn, "SET client_min_messages = warning; SET bytea_output = hex"));
  if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
    *error = Trimmed(res ? PQresultErrorMessage(res.get()) : PQerrorMessage(conn));
    return false;
  }
  return true;
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }  // the server rolls back an open transaction
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }

  DbError Exec(std::string_view sql, const std::vector<Value>& params, Result* out) override {
    if (out != nullptr) out->Clear();
    PgParams p;
    std::string error;
    if (!p.Build(params, &error)) return {DbErrorKind::kOther, error};
    size_t placeholders = 0;
    const std::string numbered = NumberPlaceholders(sql, &placeholders);
    if (placeholders != params.size()) {
      return {DbErrorKind::kOther, "statement has " + std::to_string(placeholders) + " placeholders but " +
                                       std::to_string(params.size()) + " parameters were given"};
    }
    PgResult res = Send([&] {
      return PQexecParams(conn_, numbered.c_str(), p.size(), p.types(), p.values(), p.lengths(), p.formats(), 0);
    });
    return Finish(res.get(), out);
  }

  // The simple-query protocol runs all the statements in one implicit transaction (unless the script has its own
  // BEGIN/COMMIT), so a failing migration leaves nothing half-applied.
  DbError ExecScript(std::string_view sql) override {
    const std::string text(sql);
    PgResult res = Send([&] { return PQexec(conn_, text.c_str()); });
    return Finish(res.get(), nullptr);
  }

  // READ COMMITTED for both kinds: the repositories lock the rows they will change (SELECT ... FOR UPDATE), which
  // serialises writers without the retry storms SERIALIZABLE would bring.
  DbError Begin(bool /*write*/) override {
    DbError e = Exec("BEGIN", {}, nullptr);
    in_transaction_ = e.ok();
    return e;
  }

  DbError Commit() override {
    PgResult res = Send([&] { return PQexec(conn_, "COMMIT"); });
    in_transaction_ = false;
    DbError e = Finish(res.get(), nullptr);
    // COMMIT of a transaction in which a statement failed "succeeds" with the tag ROLLBACK: nothing was saved.
    if (e.ok() && std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
      return {DbErrorKind::kOther, "COMMIT rolled back: a statement in the transaction had failed"};
    }
    return e;
  }

  // Sent only when a transaction is open: PostgreSQL would warn on stderr otherwise, and a lost connection has
  // already dropped the transaction.
  void Rollback() override {
    in_transaction_ = false;
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      PQclear(PQexec(conn_, "ROLLBACK"));
    }
  }

 private:
  // Runs `run`, reconnecting once when the connection turns out to be lost (a server restart, an idle connection
  // cut by a firewall) and no transaction is open; inside a transaction the work so far is gone, so the caller
  // must see the failure and start over.
  template <typename Run>
  PgResult Send(Run run) {
    if (PQstatus(conn_) != CONNECTION_OK && !in_transaction_) Reconnect();
    PgResult res(run());
    if (PQstatus(conn_) == CONNECTION_BAD && !in_transaction_ && Reconnect()) res.reset(run());
    return res;
  }

  bool Reconnect() {
    PQreset(conn_);
    std::string ignored;  // a failure shows up as the statement's own error
    return PQstatus(conn_) == CONNECTION_OK && Configure(conn_, &ignored);
  }

  DbError Finish(const PGresult* res, Result* out) {
    switch (PQresultStatus(res)) {
      case PGRES_TUPLES_OK:
        if (out != nullptr) Collect(res, out);
        return {};
      case PGRES_COMMAND_OK:
      case PGRES_EMPTY_QUERY:
        return {};
      case PGRES_FATAL_ERROR:
        if (res == nullptr) return {DbErrorKind::kOther, Trimmed(PQerrorMessage(conn_))};
        return {KindOf(PQresultErrorField(res, PG_DIAG_SQLSTATE)), Trimmed(PQresultErrorMessage(res))};
      default:
        return {DbErrorKind::kOther, std::string("unexpected PostgreSQL result: ") +
                                         PQresStatus(PQresultStatus(res))};
    }
  }

  PGconn* conn_;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& conninfo, std::string* error) {
  // expand_dbname: `conninfo` may be a URL or key=value pairs; application_name helps find us in pg_stat_activity.
  const char* const keywords[] = {"dbname", "fallback_application_name", nullptr};
  const char* const values[] = {conninfo.c_str(), "kopsehat", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  std::string why;
  if (conn == nullptr) {
    why = "out of memory";
  } else if (PQstatus(conn) != CONNECTION_OK) {
    why = Trimmed(PQerrorMessage(conn));
  } else if (Configure(conn, &why)) {
    return std::make_unique<PgConnection>(conn);
  }
  PQfinish(conn);
  if (error != nullptr) *error = "cannot connect to PostgreSQL: " + why;
  return nullptr;
}

}  // namespace kopsehat::store
