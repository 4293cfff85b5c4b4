// store/test_databases.h — running a store test on every backend, each test on a fresh empty database of its own:
// an SQLite file in a new temporary directory, or a new PostgreSQL database on the server named by the environment
// variable KOPSEHAT_TEST_PG (a maintenance URL, e.g. postgresql://postgres@127.0.0.1:55432/postgres, as printed by
// `bash scripts/pg-test.sh start`). Test support only; not part of the library.
//
// Usage:
//   class LedgerTest : public kopsehat::store::testing::BackendTest {};
//   TEST_P(LedgerTest, Works) {
//     auto conn = Open();
//     ASSERT_NE(conn, nullptr);
//     ...
//   }
//   KOPSEHAT_INSTANTIATE_BACKENDS(LedgerTest);   // LedgerTest.Works/sqlite, LedgerTest.Works/postgres
//
// Without KOPSEHAT_TEST_PG the PostgreSQL cases are skipped with a hint, except under CI (environment variable CI
// set), where they fail: a CI run must not pass by silently testing one backend.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "store/db.h"

namespace kopsehat::store::testing {

// One backend a value-parameterised test runs on; `name` is the test-name suffix.
struct Backend {
  std::string name;  // "sqlite" | "postgres"
  Dialect dialect;
};
inline void PrintTo(const Backend& backend, std::ostream* os) { *os << backend.name; }

inline std::vector<Backend> AllBackends() {
  return {Backend{"sqlite", Dialect::kSqlite}, Backend{"postgres", Dialect::kPostgres}};
}
// The generator and name generator for INSTANTIATE_TEST_SUITE_P.
inline auto Backends() { return ::testing::ValuesIn(AllBackends()); }
inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) { return info.param.name; }

#define KOPSEHAT_INSTANTIATE_BACKENDS(Suite)                                        \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::kopsehat::store::testing::Backends(), \
                           ::kopsehat::store::testing::BackendName)

// Opens a connection to `location` (an SQLite path or a PostgreSQL conninfo) with the backend of `dialect`.
inline std::unique_ptr<Connection> OpenAt(Dialect dialect, const std::string& location, std::string* error) {
  return dialect == Dialect::kSqlite ? OpenSqlite(location, error) : OpenPostgres(location, error);
}

namespace internal {

inline std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// A database name no other test process (ctest runs them in parallel) or earlier crashed run can have chosen.
inline std::string UniqueDatabaseName() {
  static std::atomic<int> counter{0};
  char random[9];
  std::snprintf(random, sizeof random, "%08x", unsigned(std::random_device{}()));
  return "kt_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + random;
}

inline std::string QuoteConninfoValue(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

// `conninfo` (URL or key=value) with its database replaced by `dbname`, as key=value pairs; empty on a parse error.
inline std::string WithDatabase(const std::string& conninfo, const std::string& dbname) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    return "";
  }
  std::string out;
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || std::string(o->keyword) == "dbname") continue;
    out += std::string(o->keyword) + "=" + QuoteConninfoValue(o->val) + " ";
  }
  PQconninfoFree(options);
  return out + "dbname=" + QuoteConninfoValue(dbname);
}

constexpr const char* kStartHint =
    "start a throw-away server with: export KOPSEHAT_TEST_PG=$(bash scripts/pg-test.sh start)";

}  // namespace internal

// One fresh empty database, deleted (SQLite) or dropped (PostgreSQL) with this object. Open() may be called any
// number of times, from any thread, for several connections to the same database.
class FreshDatabase {
 public:
  // Null when the database cannot be made; a fatal test failure (or, for PostgreSQL without a server outside CI,
  // a skip) has then been recorded, so a fixture's SetUp can simply return.
  static std::unique_ptr<FreshDatabase> Create(Dialect dialect) {
    return dialect == Dialect::kSqlite ? CreateSqlite() : CreatePostgres();
  }

  ~FreshDatabase() {
    if (dialect_ == Dialect::kSqlite) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    } else {
      DropPostgres();
    }
  }
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  Dialect dialect() const { return dialect_; }
  // SQLite: the database file's path. PostgreSQL: a libpq conninfo (key=value form) of the fresh database.
  const std::string& location() const { return location_; }

  // A new connection; null with a fatal test failure recorded if it cannot be opened.
  std::unique_ptr<Connection> Open() const {
    std::string error;
    std::unique_ptr<Connection> conn = OpenAt(dialect_, location_, &error);
    if (conn == nullptr) [&] { FAIL() << "cannot open the test database " << location_ << ": " << error; }();
    return conn;
  }
  // Open() as a function object, for code that takes an opener (a connection pool).
  std::function<std::unique_ptr<Connection>()> Opener() const {
    return [this] { return Open(); };
  }

 private:
  FreshDatabase(Dialect dialect, std::string location) : dialect_(dialect), location_(std::move(location)) {}

  static std::unique_ptr<FreshDatabase> CreateSqlite() {
    std::string dir_template = (std::filesystem::temp_directory_path() / "kopsehat-db-XXXXXX").string();
    if (mkdtemp(dir_template.data()) == nullptr) {
      [&] { FAIL() << "cannot create a temporary directory from " << dir_template; }();
      return nullptr;
    }
    std::unique_ptr<FreshDatabase> db(new FreshDatabase(Dialect::kSqlite, dir_template + "/test.db"));
    db->dir_ = dir_template;
    return db;
  }

  static std::unique_ptr<Connection> OpenMaintenance() {
    const std::string url = internal::Env("KOPSEHAT_TEST_PG");
    if (url.empty() && !internal::Env("CI").empty()) {
      [&] {
        FAIL() << "KOPSEHAT_TEST_PG is not set, so there is no PostgreSQL server to test on; " << internal::kStartHint;
      }();
      return nullptr;
    }
    if (url.empty()) {
      [&] { GTEST_SKIP() << "PostgreSQL backend not tested: KOPSEHAT_TEST_PG is not set; " << internal::kStartHint; }();
      return nullptr;
    }
    std::string error;
    std::unique_ptr<Connection> conn = OpenPostgres(url, &error);
    if (conn == nullptr) {
      [&] { FAIL() << "KOPSEHAT_TEST_PG=" << url << " does not answer: " << error << "; " << internal::kStartHint; }();
    }
    return conn;
  }

  // From template0 with explicit UTF-8 and C collation: tests see the same text handling whatever the server's
  // defaults, and template0 (which takes no connections) can be copied by many test processes at once.
  static std::unique_ptr<FreshDatabase> CreatePostgres() {
    std::unique_ptr<Connection> maintenance = OpenMaintenance();
    if (maintenance == nullptr) return nullptr;
    const std::string name = internal::UniqueDatabaseName();
    const DbError e = maintenance->Exec(
        "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", {}, nullptr);
    if (!e.ok()) {
      [&] { FAIL() << "cannot create test database " << name << ": " << e.message; }();
      return nullptr;
    }
    const std::string location = internal::WithDatabase(internal::Env("KOPSEHAT_TEST_PG"), name);
    std::unique_ptr<FreshDatabase> db(new FreshDatabase(Dialect::kPostgres, location));
    db->pg_name_ = name;
    return db;
  }

  // A new maintenance connection rather than one held through the test: one connection fewer per running test.
  // FORCE ends connections the test left open.
  void DropPostgres() const {
    std::string error;
    std::unique_ptr<Connection> maintenance = OpenPostgres(internal::Env("KOPSEHAT_TEST_PG"), &error);
    DbError e{DbErrorKind::kOther, error};
    if (maintenance != nullptr) {
      e = maintenance->Exec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)", {}, nullptr);
    }
    if (!e.ok()) {
      std::fprintf(stderr, "warning: test database %s not dropped: %s\n", pg_name_.c_str(), e.message.c_str());
    }
  }

  Dialect dialect_;
  std::string location_;
  std::string dir_;      // SQLite
  std::string pg_name_;  // PostgreSQL
};

// Fixture base for a store test over both backends: a fresh database per test. A derived SetUp must call
// BackendTest::SetUp() first and return if it did not succeed (`if (!database_ready()) return;`).
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { database_ = FreshDatabase::Create(GetParam().dialect); }

  bool database_ready() const { return database_ != nullptr; }
  Dialect dialect() const { return GetParam().dialect; }
  const FreshDatabase& database() const { return *database_; }
  // A new connection to this test's database; null with a fatal failure recorded on error (ASSERT_NE it).
  std::unique_ptr<Connection> Open() const { return database_->Open(); }

 private:
  std::unique_ptr<FreshDatabase> database_;
};

}  // namespace kopsehat::store::testing
