// Contract tests of store/db.h: what the repositories may rely on from a Connection, checked on SQLite and on
// PostgreSQL alike (see store/test_databases.h for how the PostgreSQL server is found).

#include "store/db.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "core/check.h"
#include "store/test_databases.h"

namespace kopsehat::store {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// NumberPlaceholders and Result: no database needed.

TEST(NumberPlaceholders, NumbersInOrder) {
  EXPECT_EQ(NumberPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(NumberPlaceholders("INSERT INTO t VALUES (?,?)"), "INSERT INTO t VALUES ($1,$2)");
  EXPECT_EQ(NumberPlaceholders("SELECT 1"), "SELECT 1");
  EXPECT_EQ(NumberPlaceholders(""), "");
}

TEST(NumberPlaceholders, Counts) {
  size_t count = 99;
  EXPECT_EQ(NumberPlaceholders("SELECT '?' -- ?", &count), "SELECT '?' -- ?");
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(NumberPlaceholders("SELECT ?, '?', ?", &count), "SELECT $1, '?', $2");
  EXPECT_EQ(count, 2u);
}

TEST(NumberPlaceholders, TwoDigitNumbers) {
  std::string sql;
  std::string expected;
  for (int i = 1; i <= 12; ++i) {
    sql += "?,";
    expected += "$" + std::to_string(i) + ",";
  }
  EXPECT_EQ(NumberPlaceholders(sql), expected);
}

TEST(NumberPlaceholders, LiteralsAndCommentsUntouched) {
  EXPECT_EQ(NumberPlaceholders("SELECT 'what?' , ?"), "SELECT 'what?' , $1");
  EXPECT_EQ(NumberPlaceholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
  EXPECT_EQ(NumberPlaceholders("SELECT '''?''' || ?"), "SELECT '''?''' || $1");
  EXPECT_EQ(NumberPlaceholders("SELECT \"odd?name\" FROM t WHERE x = ?"), "SELECT \"odd?name\" FROM t WHERE x = $1");
  EXPECT_EQ(NumberPlaceholders("SELECT ? -- why?\n, ?"), "SELECT $1 -- why?\n, $2");
  EXPECT_EQ(NumberPlaceholders("SELECT ? -- trailing ?"), "SELECT $1 -- trailing ?");
  EXPECT_EQ(NumberPlaceholders("SELECT /* a ? /* nested ? */ b ? */ ?"), "SELECT /* a ? /* nested ? */ b ? */ $1");
  EXPECT_EQ(NumberPlaceholders("SELECT 5 - ? - -1"), "SELECT 5 - $1 - -1");
}

TEST(NumberPlaceholders, DollarQuotedBodiesUntouched) {
  EXPECT_EQ(NumberPlaceholders("SELECT $$a ? b$$, ?"), "SELECT $$a ? b$$, $1");
  EXPECT_EQ(NumberPlaceholders("SELECT $fn$ ? $$ ? $fn$, ?"), "SELECT $fn$ ? $$ ? $fn$, $1");
  EXPECT_EQ(NumberPlaceholders("SELECT $1, ?"), "SELECT $1, $1");  // a positional parameter is not a quote
}

TEST(NumberPlaceholders, UnterminatedLiteralLeftForTheServer) {
  EXPECT_EQ(NumberPlaceholders("SELECT 'abc ?"), "SELECT 'abc ?");
  EXPECT_EQ(NumberPlaceholders("SELECT ? /* ?"), "SELECT $1 /* ?");
}

Result OneRow(std::vector<std::optional<std::string>> cells) {
  Result r;
  r.SetColumns(cells.size());
  r.AddRow(std::move(cells));
  return r;
}

TEST(DbResult, CellsAsTextAndIntegers) {
  const Result r = OneRow({"42", std::nullopt, "-9223372036854775808", "teks"});
  EXPECT_EQ(r.size(), 1u);
  EXPECT_EQ(r.columns(), 4u);
  EXPECT_EQ(r.Int(0, 0), 42);
  EXPECT_EQ(r.OptInt(0, 0), 42);
  EXPECT_EQ(r.Int(0, 1), 0);
  EXPECT_EQ(r.OptInt(0, 1), std::nullopt);
  EXPECT_EQ(r.Text(0, 1), "");
  EXPECT_TRUE(r.IsNull(0, 1));
  EXPECT_EQ(r.Int(0, 2), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(r.Text(0, 3), "teks");
}

// A broken invariant (core/check.h): the call throws InvariantError naming what broke.
template <typename F>
void ExpectInvariantBroken(F call, const std::string& what) {
  try {
    call();
    ADD_FAILURE() << "no InvariantError for " << what;
  } catch (const InvariantError& e) {
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

TEST(DbResult, NonIntegerCellIsABrokenInvariant) {
  const Result r = OneRow({"12abc", "", "1.5", "99999999999999999999"});
  ExpectInvariantBroken([&] { (void)r.Int(0, 0); }, "non-integer cell");
  ExpectInvariantBroken([&] { (void)r.Int(0, 1); }, "non-integer cell");
  ExpectInvariantBroken([&] { (void)r.OptInt(0, 2); }, "non-integer cell");
  ExpectInvariantBroken([&] { (void)r.Int(0, 3); }, "non-integer cell");  // out of int64 range
  ExpectInvariantBroken([&] { (void)r.Text(1, 0); }, "out of range");
  ExpectInvariantBroken([&] { (void)r.Text(0, 4); }, "out of range");
}

// ---------------------------------------------------------------------------------------------------------------
// The contract on both backends.

using testing::BackendTest;

class DbContract : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!database_ready()) return;
    conn_ = Open();
  }

  bool sqlite() const { return dialect() == Dialect::kSqlite; }
  std::string BlobType() const { return sqlite() ? "BLOB" : "BYTEA"; }
  std::string IdColumn() const {
    return sqlite() ? "id INTEGER PRIMARY KEY" : "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  }

  // Runs a statement that must succeed; its rows.
  Result Run(std::string_view sql, const std::vector<Value>& params = {}) {
    Result r;
    const DbError e = conn_->Exec(sql, params, &r);
    EXPECT_TRUE(e.ok()) << sql << ": " << e.message;
    return r;
  }
  int64_t Count(Connection& c, const std::string& table) {
    Result r;
    const DbError e = c.Exec("SELECT COUNT(*) FROM " + table, {}, &r);
    EXPECT_TRUE(e.ok()) << e.message;
    return e.ok() ? r.Int(0, 0) : -1;
  }
  void CreateAccounts() {
    Run("CREATE TABLE akun (" + IdColumn() + ", nama TEXT NOT NULL UNIQUE, saldo_sen BIGINT NOT NULL)");
  }

  std::unique_ptr<Connection> conn_;
};

std::string AllByteValues() {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += char(i);
  return bytes + std::string("\0\0tail\0", 7);
}

const char kIndonesianText[] =
    "Koperasi Simpan Pinjam “Sejahtera Bersama” — Jl. Merdeka No. 5, Kota Bandung; ketua: Ibu Siti Nuraini; "
    "modal sendiri Rp 1.250.000,50 · ꦏꦺꦴꦥꦼꦫꦱꦶ (aksara Jawa) · كوڤراسي (Jawi) · ✓ 🇮🇩";

TEST_P(DbContract, EveryValueKindRoundTrips) {
  Run("CREATE TABLE nilai (" + IdColumn() + ", i BIGINT, s TEXT, b " + BlobType() + ")");
  const int64_t kMin = std::numeric_limits<int64_t>::min();
  const int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::vector<std::vector<Value>> rows = {
      {int64_t{1}, kMin, std::string(kIndonesianText), Bytes{AllByteValues()}},
      {int64_t{2}, kMax, std::string(""), Bytes{""}},
      {int64_t{3}, int64_t{0}, std::string("'; DROP TABLE nilai; -- ?"), Bytes{std::string("\0", 1)}},
      {int64_t{4}, nullptr, nullptr, nullptr},
  };
  for (const auto& row : rows) Run("INSERT INTO nilai (id, i, s, b) VALUES (?, ?, ?, ?)", row);

  const Result r = Run("SELECT id, i, s, b FROM nilai ORDER BY id");
  ASSERT_EQ(r.size(), 4u);
  ASSERT_EQ(r.columns(), 4u);
  EXPECT_EQ(r.Int(0, 1), kMin);
  EXPECT_EQ(r.Text(0, 2), kIndonesianText);
  EXPECT_EQ(r.Text(0, 3), AllByteValues());
  EXPECT_EQ(r.Int(1, 1), kMax);
  EXPECT_FALSE(r.IsNull(1, 2)) << "empty text is not NULL";
  EXPECT_EQ(r.Text(1, 2), "");
  EXPECT_FALSE(r.IsNull(1, 3)) << "empty bytes are not NULL";
  EXPECT_EQ(r.Text(1, 3), "");
  EXPECT_EQ(r.Text(2, 2), "'; DROP TABLE nilai; -- ?");
  EXPECT_EQ(r.Text(2, 3), std::string("\0", 1));
  for (size_t col = 1; col < 4; ++col) EXPECT_TRUE(r.IsNull(3, col)) << col;
  EXPECT_EQ(r.OptInt(3, 1), std::nullopt);
}

TEST_P(DbContract, ParametersBindInOrderAroundLiteralsWithQuestionMarks) {
  CreateAccounts();
  Run("INSERT INTO akun (nama, saldo_sen) VALUES (?, ?)", {std::string("Ani?"), int64_t{500}});
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Budi?', ?)", {int64_t{700}});
  const Result r =
      Run("SELECT nama, 'apa? -- bukan komentar' FROM akun WHERE saldo_sen > ? AND nama <> ? ORDER BY nama",
          {int64_t{100}, std::string("?")});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.Text(0, 0), "Ani?");
  EXPECT_EQ(r.Text(1, 0), "Budi?");
  EXPECT_EQ(r.Text(1, 1), "apa? -- bukan komentar");
}

TEST_P(DbContract, IntegerParametersKeepAllSixtyFourBits) {
  // PostgreSQL would infer int4 for an untyped `? + 1` and refuse a balance above 2^31 sen (Rp 21 juta).
  const Result r = Run("SELECT ? + 1, ? - 1", {int64_t{5'000'000'000}, std::numeric_limits<int64_t>::max()});
  EXPECT_EQ(r.Int(0, 0), 5'000'000'001);
  EXPECT_EQ(r.Int(0, 1), std::numeric_limits<int64_t>::max() - 1);
}

TEST_P(DbContract, StatementReusedWithDifferentParameters) {
  CreateAccounts();
  for (int64_t i = 0; i < 100; ++i) {
    Run("INSERT INTO akun (nama, saldo_sen) VALUES (?, ?)", {"anggota-" + std::to_string(i), i * 1000});
  }
  // More distinct statements than SQLite's cache holds, interleaved with one statement used throughout.
  for (int64_t i = 0; i < 100; ++i) {
    const Result many = Run("SELECT saldo_sen + " + std::to_string(i) + " FROM akun WHERE nama = ?",
                            {"anggota-" + std::to_string(i)});
    ASSERT_EQ(many.size(), 1u);
    EXPECT_EQ(many.Int(0, 0), i * 1000 + i);
    const Result one = Run("SELECT nama FROM akun WHERE saldo_sen = ?", {i * 1000});
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one.Text(0, 0), "anggota-" + std::to_string(i));
  }
  EXPECT_EQ(Count(*conn_, "akun"), 100);
}

TEST_P(DbContract, ReturningGivesTheNewId) {
  CreateAccounts();
  const Result a = Run("INSERT INTO akun (nama, saldo_sen) VALUES (?, 0) RETURNING id", {std::string("Ani")});
  const Result b = Run("INSERT INTO akun (nama, saldo_sen) VALUES (?, 0) RETURNING id", {std::string("Budi")});
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_GT(a.Int(0, 0), 0);
  EXPECT_GT(b.Int(0, 0), a.Int(0, 0));
  const Result r = Run("SELECT nama FROM akun WHERE id = ?", {b.Int(0, 0)});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.Text(0, 0), "Budi");
}

TEST_P(DbContract, UniqueViolationIsConstraint) {
  CreateAccounts();
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 0)");
  const DbError e = conn_->Exec("INSERT INTO akun (nama, saldo_sen) VALUES (?, 5)", {std::string("Ani")}, nullptr);
  EXPECT_EQ(e.kind, DbErrorKind::kConstraint) << e.message;
  EXPECT_FALSE(e.message.empty());
  EXPECT_EQ(Count(*conn_, "akun"), 1);
}

TEST_P(DbContract, NotNullAndCheckViolationsAreConstraint) {
  Run("CREATE TABLE simpanan (jumlah_sen BIGINT NOT NULL CHECK (jumlah_sen >= 0))");
  EXPECT_EQ(conn_->Exec("INSERT INTO simpanan VALUES (?)", {nullptr}, nullptr).kind, DbErrorKind::kConstraint);
  EXPECT_EQ(conn_->Exec("INSERT INTO simpanan VALUES (?)", {int64_t{-1}}, nullptr).kind, DbErrorKind::kConstraint);
}

TEST_P(DbContract, ForeignKeyViolationIsConstraint) {
  CreateAccounts();
  Run("CREATE TABLE transaksi (akun_id BIGINT NOT NULL REFERENCES akun(id), jumlah_sen BIGINT NOT NULL)");
  const Result a = Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 0) RETURNING id");
  Run("INSERT INTO transaksi VALUES (?, 100)", {a.Int(0, 0)});
  const DbError e = conn_->Exec("INSERT INTO transaksi VALUES (?, 100)", {a.Int(0, 0) + 1000}, nullptr);
  EXPECT_EQ(e.kind, DbErrorKind::kConstraint) << "foreign keys must be enforced: " << e.message;
  const DbError d = conn_->Exec("DELETE FROM akun", {}, nullptr);
  EXPECT_EQ(d.kind, DbErrorKind::kConstraint) << d.message;
  EXPECT_EQ(Count(*conn_, "transaksi"), 1);
}

TEST_P(DbContract, TriggerRefusingAWriteIsConstraint) {
  Run("CREATE TABLE jurnal (id INTEGER PRIMARY KEY, jumlah_sen BIGINT NOT NULL)");
  const char* trigger = sqlite()
      ? "CREATE TRIGGER jurnal_tetap BEFORE UPDATE ON jurnal BEGIN SELECT RAISE(ABORT, 'jurnal is append-only'); END;"
      : "CREATE FUNCTION tolak_ubah() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'jurnal is append-only'; END $$; "
        "CREATE TRIGGER jurnal_tetap BEFORE UPDATE ON jurnal FOR EACH ROW EXECUTE FUNCTION tolak_ubah();";
  const DbError created = conn_->ExecScript(trigger);
  ASSERT_TRUE(created.ok()) << created.message;
  Run("INSERT INTO jurnal VALUES (1, 500)");
  const DbError e = conn_->Exec("UPDATE jurnal SET jumlah_sen = ? WHERE id = 1", {int64_t{1}}, nullptr);
  EXPECT_EQ(e.kind, DbErrorKind::kConstraint) << e.message;
  EXPECT_NE(e.message.find("append-only"), std::string::npos) << e.message;
  EXPECT_EQ(Run("SELECT jumlah_sen FROM jurnal").Int(0, 0), 500);
}

TEST_P(DbContract, BadSqlIsOtherWithAMessage) {
  const DbError syntax = conn_->Exec("SELEC 1", {}, nullptr);
  EXPECT_EQ(syntax.kind, DbErrorKind::kOther);
  EXPECT_FALSE(syntax.message.empty());
  const DbError missing = conn_->Exec("SELECT * FROM tidak_ada", {}, nullptr);
  EXPECT_EQ(missing.kind, DbErrorKind::kOther);
  EXPECT_NE(missing.message.find("tidak_ada"), std::string::npos) << missing.message;
}

TEST_P(DbContract, WrongParameterCountIsOther) {
  CreateAccounts();
  const DbError few = conn_->Exec("SELECT nama FROM akun WHERE id = ? AND saldo_sen = ?", {int64_t{1}}, nullptr);
  EXPECT_EQ(few.kind, DbErrorKind::kOther) << few.message;
  const DbError many = conn_->Exec("SELECT nama FROM akun WHERE id = ?", {int64_t{1}, int64_t{2}}, nullptr);
  EXPECT_EQ(many.kind, DbErrorKind::kOther) << many.message;
  Run("SELECT 1");  // the connection is still usable
}

TEST_P(DbContract, ExecRunsExactlyOneStatement) {
  CreateAccounts();
  const DbError e = conn_->Exec("INSERT INTO akun (nama, saldo_sen) VALUES ('a', 0); "
                                "INSERT INTO akun (nama, saldo_sen) VALUES ('b', 0)",
                                {}, nullptr);
  EXPECT_EQ(e.kind, DbErrorKind::kOther);
  EXPECT_EQ(Count(*conn_, "akun"), 0) << "neither statement may run";
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('c', 0); -- a trailing comment is fine");
  Run("");  // nothing to do is not an error
  EXPECT_EQ(Count(*conn_, "akun"), 1);
}

TEST_P(DbContract, ExecScriptRunsEveryStatement) {
  const DbError e = conn_->ExecScript(
      "CREATE TABLE a (x BIGINT); CREATE TABLE b (y BIGINT);\n"
      "-- migrations carry comments\n"
      "INSERT INTO a VALUES (1); INSERT INTO b VALUES (2);");
  ASSERT_TRUE(e.ok()) << e.message;
  EXPECT_EQ(Count(*conn_, "a"), 1);
  EXPECT_EQ(Count(*conn_, "b"), 1);
  EXPECT_EQ(conn_->ExecScript("INSERT INTO a VALUES (1); SELEC;").kind, DbErrorKind::kOther);
}

TEST_P(DbContract, RollbackDiscards) {
  CreateAccounts();
  ASSERT_TRUE(conn_->Begin(true).ok());
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 100)");
  EXPECT_EQ(Count(*conn_, "akun"), 1) << "a transaction sees its own writes";
  conn_->Rollback();
  EXPECT_EQ(Count(*conn_, "akun"), 0);
  conn_->Rollback();  // without a transaction: harmless
  Run("SELECT 1");
}

TEST_P(DbContract, ReadTransactionCommits) {
  CreateAccounts();
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 100)");
  ASSERT_TRUE(conn_->Begin(false).ok());
  EXPECT_EQ(Count(*conn_, "akun"), 1);
  const DbError e = conn_->Commit();
  EXPECT_TRUE(e.ok()) << e.message;
}

TEST_P(DbContract, CommitPersistsAndIsSeenByOtherConnections) {
  CreateAccounts();
  std::unique_ptr<Connection> other = Open();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(conn_->Begin(true).ok());
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 100)");
  EXPECT_EQ(Count(*other, "akun"), 0) << "uncommitted writes are invisible to others";
  const DbError e = conn_->Commit();
  ASSERT_TRUE(e.ok()) << e.message;
  EXPECT_EQ(Count(*other, "akun"), 1);
  conn_.reset();
  other.reset();
  std::unique_ptr<Connection> reopened = Open();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(Count(*reopened, "akun"), 1);
}

// After any failed statement inside a transaction the only portable next step is Rollback: PostgreSQL refuses
// every further statement of that transaction, SQLite would carry on.
TEST_P(DbContract, FailedStatementThenRollbackLeavesNothing) {
  CreateAccounts();
  ASSERT_TRUE(conn_->Begin(true).ok());
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 100)");
  const DbError e = conn_->Exec("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 5)", {}, nullptr);
  EXPECT_EQ(e.kind, DbErrorKind::kConstraint);
  conn_->Rollback();
  EXPECT_EQ(Count(*conn_, "akun"), 0);
  ASSERT_TRUE(conn_->Begin(true).ok()) << "the connection is usable again";
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 5)");
  EXPECT_TRUE(conn_->Commit().ok());
  EXPECT_EQ(Count(*conn_, "akun"), 1);
}

// What only PostgreSQL does (SQLite keeps a transaction usable after a failed statement, and an embedded database
// has no connection to lose): run on that backend alone rather than skipped on the other.
class PgContract : public DbContract {};
INSTANTIATE_TEST_SUITE_P(Postgres, PgContract,
                         ::testing::Values(testing::Backend{"postgres", Dialect::kPostgres}),
                         testing::BackendName);

TEST_P(PgContract, CommitAfterAFailedStatementIsNotSilent) {
  CreateAccounts();
  ASSERT_TRUE(conn_->Begin(true).ok());
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 100)");
  EXPECT_FALSE(conn_->Exec("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 5)", {}, nullptr).ok());
  const DbError e = conn_->Commit();
  EXPECT_FALSE(e.ok()) << "PostgreSQL answers such a COMMIT with ROLLBACK; it must not look like success";
  EXPECT_EQ(Count(*conn_, "akun"), 0);
}

// A write lock held by another connection: the waiting writer gives up with kBusy once its lock wait expires.
TEST_P(DbContract, WriteLockHeldElsewhereIsBusy) {
  CreateAccounts();
  Run("INSERT INTO akun (nama, saldo_sen) VALUES ('Ani', 100)");
  std::unique_ptr<Connection> other = Open();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(conn_->Begin(true).ok());
  Run(sqlite() ? "UPDATE akun SET saldo_sen = 1" : "SELECT saldo_sen FROM akun FOR UPDATE");
  // Shorten the wait of the second connection so the test does not sit out the 5 s default.
  ASSERT_TRUE(other->Exec(sqlite() ? "PRAGMA busy_timeout = 50" : "SET lock_timeout = '50ms'", {}, nullptr).ok());
  DbError e = other->Begin(true);
  if (e.ok()) e = other->Exec("UPDATE akun SET saldo_sen = 2", {}, nullptr);
  EXPECT_EQ(e.kind, DbErrorKind::kBusy) << e.message;
  other->Rollback();
  conn_->Rollback();
}

// Two writers, each doing read-then-write increments in write transactions: no update may be lost. SQLite
// serialises them with BEGIN IMMEDIATE, PostgreSQL with the row lock of SELECT ... FOR UPDATE (what the repositories
// do under READ COMMITTED).
TEST_P(DbContract, ConcurrentWriteTransactionsLoseNoUpdate) {
  Run("CREATE TABLE penghitung (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
  Run("CREATE TABLE catatan (pekerja BIGINT NOT NULL, n BIGINT NOT NULL)");
  Run("INSERT INTO penghitung VALUES (1, 0)");
  constexpr int kPerThread = 200;
  const std::string read = std::string("SELECT n FROM penghitung WHERE id = 1") + (sqlite() ? "" : " FOR UPDATE");
  std::atomic<int> failures{0};
  auto work = [&](int64_t worker) {
    std::unique_ptr<Connection> c = Open();
    if (c == nullptr) {
      failures++;
      return;
    }
    for (int done = 0, attempts = 0; done < kPerThread; ++attempts) {
      if (attempts > kPerThread * 20) {
        failures++;
        return;
      }
      DbError e = c->Begin(true);
      Result r;
      if (e.ok()) e = c->Exec(read, {}, &r);
      if (e.ok()) e = c->Exec("UPDATE penghitung SET n = ? WHERE id = 1", {r.Int(0, 0) + 1}, nullptr);
      if (e.ok()) e = c->Exec("INSERT INTO catatan VALUES (?, ?)", {worker, r.Int(0, 0) + 1}, nullptr);
      if (e.ok()) e = c->Commit();
      if (e.ok()) {
        ++done;
        continue;
      }
      c->Rollback();
      if (e.kind != DbErrorKind::kBusy) {
        ADD_FAILURE() << "worker " << worker << ": " << e.message;
        failures++;
        return;
      }
    }
  };
  std::thread a(work, 1);
  std::thread b(work, 2);
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Run("SELECT n FROM penghitung WHERE id = 1").Int(0, 0), 2 * kPerThread);
  EXPECT_EQ(Count(*conn_, "catatan"), 2 * kPerThread);
  EXPECT_EQ(Run("SELECT COUNT(DISTINCT n) FROM catatan").Int(0, 0), 2 * kPerThread) << "every value written once";
}

// A statement outside a transaction survives a lost connection (server restart, idle connection cut); inside a
// transaction the failure is reported, and the connection recovers after Rollback.
TEST_P(PgContract, ReconnectsAfterConnectionLoss) {
  std::unique_ptr<Connection> killer = Open();
  ASSERT_NE(killer, nullptr);
  auto kill_backend = [&] {
    const Result pid = Run("SELECT pg_backend_pid()");
    Result r;
    // With a timeout, pg_terminate_backend waits until the backend is gone (PostgreSQL 14+).
    const DbError e = killer->Exec("SELECT pg_terminate_backend(CAST(? AS INTEGER), 5000)", {pid.Int(0, 0)}, &r);
    ASSERT_TRUE(e.ok()) << e.message;
    ASSERT_EQ(r.Text(0, 0), "t");
  };
  kill_backend();
  EXPECT_EQ(Run("SELECT 7").Int(0, 0), 7);

  ASSERT_TRUE(conn_->Begin(true).ok());
  kill_backend();
  const DbError lost = conn_->Exec("SELECT 8", {}, nullptr);
  EXPECT_EQ(lost.kind, DbErrorKind::kOther);
  conn_->Rollback();
  EXPECT_EQ(Run("SELECT 9").Int(0, 0), 9);
  EXPECT_EQ(Run("SELECT CAST(? AS BYTEA)", {Bytes{std::string("\0x", 2)}}).Text(0, 0), std::string("\0x", 2))
      << "session settings (bytea_output) are restored after the reconnect";
}

KOPSEHAT_INSTANTIATE_BACKENDS(DbContract);

}  // namespace
}  // namespace kopsehat::store
