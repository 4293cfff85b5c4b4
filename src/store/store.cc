// store/store.cc — the pool and the repositories. SQL here is the portable subset (see db.h); the column lists are
// written out once per entity (kLaporanColumns and its reader) so a new column is one edit in each.
#include "store/store.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/check.h"

namespace kopsehat::store {

namespace {

constexpr const char* kRoleNames[] = {"admin", "dinas", "pengurus", "pengelola", "pengawas", "anggota"};
constexpr const char* kStatusNames[] = {"draf", "diajukan", "final"};
constexpr int kMaxBusyRetries = 20;

// `expr IN (?, ?, ...)` for the ids, appending them to *params; a constant true when `all`, false when empty.
std::string InList(std::string_view expr, const std::vector<int64_t>& ids, bool all, std::vector<Value>* params) {
  if (all) return "1 = 1";
  if (ids.empty()) return "1 = 0";
  std::string s(expr);
  s += " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i == 0 ? "?" : ", ?";
    params->emplace_back(std::in_place_type<int64_t>, ids[i]);
  }
  s += ")";
  return s;
}

Value OptValue(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{nullptr}; }
Value TextOrNull(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }

constexpr const char* kLaporanColumns =
    "id, cooperative_id, periode_akhir, revision, status, laporan_json, diajukan_json, rulebook_id, rulebook_version, "
    "total_e6, predikat, hasil_json, corrects_id, correction_reason, review_note, created_by, created_at, "
    "updated_at, submitted_at, finalised_at, finalised_by, isian_json, aspek_tata_kelola_e6, aspek_profil_risiko_e6, "
    "aspek_kinerja_keuangan_e6, aspek_permodalan_e6";

// The four aspect columns (schema version 2), in the order of kKkpkkAspectIds.
constexpr const char* kAspectColumns =
    "aspek_tata_kelola_e6, aspek_profil_risiko_e6, aspek_kinerja_keuangan_e6, aspek_permodalan_e6";

AspectPercents ReadAspects(const Result& r, size_t i, int first_column) {
  AspectPercents out;
  for (size_t k = 0; k < out.size(); ++k) out[k] = r.OptInt(i, first_column + int(k));
  return out;
}

// "a, b" with each column prefixed ("l.a, l.b"), for joins.
std::string Qualified(std::string_view columns, std::string_view prefix) {
  std::string out;
  while (!columns.empty()) {
    const size_t comma = columns.find(", ");
    out += out.empty() ? "" : ", ";
    out += prefix;
    out += columns.substr(0, comma);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 2);
  }
  return out;
}

// A stored enum word read back. The CHECK constraints make an unknown word impossible: a broken invariant stops
// loudly rather than being guessed at.
template <typename T>
T Checked(std::optional<T> value, const char* what, int64_t id) {
  KOPSEHAT_CHECK(value.has_value(), std::string("unknown ") + what + " in row " + std::to_string(id));
  return *value;
}

LaporanRecord ReadLaporan(const Result& r, size_t i) {
  LaporanRecord l;
  l.id = r.Int(i, 0);
  l.cooperative_id = r.Int(i, 1);
  l.periode_akhir = r.Text(i, 2);
  l.revision = static_cast<int>(r.Int(i, 3));
  l.status = Checked(ParseStatus(r.Text(i, 4)), "laporan status", l.id);
  l.laporan_json = r.Text(i, 5);
  l.diajukan_json = r.Text(i, 6);
  l.rulebook_id = r.Text(i, 7);
  l.rulebook_version = r.Text(i, 8);
  l.total_e6 = r.Int(i, 9);
  l.predikat = r.Text(i, 10);
  l.hasil_json = r.Text(i, 11);
  l.corrects_id = r.OptInt(i, 12);
  l.correction_reason = r.Text(i, 13);
  l.review_note = r.Text(i, 14);
  l.created_by = r.Int(i, 15);
  l.created_at = r.Int(i, 16);
  l.updated_at = r.Int(i, 17);
  l.submitted_at = r.OptInt(i, 18);
  l.finalised_at = r.OptInt(i, 19);
  l.finalised_by = r.OptInt(i, 20);
  l.isian_json = r.Text(i, 21);
  l.aspek_pct_e6 = ReadAspects(r, i, 22);
  return l;
}

DbError ReadLaporanList(Connection* db, const std::string& sql, const std::vector<Value>& params,
                        std::vector<LaporanRecord>* out) {
  Result r;
  DbError e = db->Exec(sql, params, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) out->push_back(ReadLaporan(r, i));
  return {};
}

constexpr const char* kUserColumns = "id, username, display_name, role, cooperative_id, password_hash, active";

User ReadUser(const Result& r, size_t i) {
  User u;
  u.id = r.Int(i, 0);
  u.username = r.Text(i, 1);
  u.display_name = r.Text(i, 2);
  u.role = Checked(ParseRole(r.Text(i, 3)), "user role", u.id);
  u.cooperative_id = r.OptInt(i, 4);
  u.password_hash = r.Text(i, 5);
  u.active = r.Int(i, 6) != 0;
  return u;
}

DbError LoadUserRegions(Connection* db, User* u) {
  Result r;
  DbError e = db->Exec("SELECT region_id FROM user_regions WHERE user_id = ? ORDER BY region_id", {u->id}, &r);
  if (!e.ok()) return e;
  u->region_ids.clear();
  for (size_t i = 0; i < r.size(); ++i) u->region_ids.push_back(r.Int(i, 0));
  return {};
}

DbError GetUserWhere(Connection* db, const std::string& where, const Value& key, User* out, bool* found) {
  Result r;
  DbError e = db->Exec(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where, {key}, &r);
  if (!e.ok()) return e;
  *found = !r.empty();
  if (!*found) return {};
  *out = ReadUser(r, 0);
  return LoadUserRegions(db, out);
}

constexpr const char* kCooperativeSelect =
    "SELECT c.id, c.region_id, r.nama, c.nama, c.jenis, c.nomor_badan_hukum FROM cooperatives c "
    "JOIN regions r ON r.id = c.region_id ";

Cooperative ReadCooperative(const Result& r, size_t i) {
  Cooperative c;
  c.id = r.Int(i, 0);
  c.region_id = r.Int(i, 1);
  c.region_nama = r.Text(i, 2);
  c.nama = r.Text(i, 3);
  c.jenis = r.Text(i, 4);
  c.nomor_badan_hukum = r.Text(i, 5);
  return c;
}

DbError InsertReturningId(Connection* db, const std::string& sql, const std::vector<Value>& params, int64_t* id) {
  Result r;
  DbError e = db->Exec(sql + " RETURNING id", params, &r);
  if (e.ok() && id != nullptr) *id = r.Int(0, 0);
  return e;
}

}  // namespace

const char* RoleName(Role role) { return kRoleNames[static_cast<int>(role)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kAllRoles) {
    if (name == RoleName(role)) return role;
  }
  return std::nullopt;
}

const char* StatusName(Status status) { return kStatusNames[static_cast<int>(status)]; }

std::optional<Status> ParseStatus(std::string_view name) {
  for (int i = 0; i < 3; ++i) {
    if (name == kStatusNames[i]) return static_cast<Status>(i);
  }
  return std::nullopt;
}

// ---- Pool ----

std::unique_ptr<Store> Store::Open(const std::string& target, int pool_size, std::string* error) {
  const bool postgres = target.rfind("postgres://", 0) == 0 || target.rfind("postgresql://", 0) == 0;
  return OpenAs(postgres ? Dialect::kPostgres : Dialect::kSqlite, target, pool_size, error);
}

std::unique_ptr<Store> Store::OpenAs(Dialect dialect, const std::string& target, int pool_size, std::string* error) {
  auto store = std::make_unique<Store>();
  const bool postgres = dialect == Dialect::kPostgres;
  store->dialect_ = dialect;
  for (int i = 0; i < pool_size; ++i) {
    std::unique_ptr<Connection> c = postgres ? OpenPostgres(target, error) : OpenSqlite(target, error);
    if (c == nullptr) return nullptr;
    store->free_.push_back(std::move(c));
  }
  return store;
}

std::unique_ptr<Connection> Store::Borrow() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [this] { return !free_.empty(); });
  std::unique_ptr<Connection> c = std::move(free_.back());
  free_.pop_back();
  return c;
}

void Store::Return(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(c));
  }
  available_.notify_one();
}

uint64_t Store::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

DbError Store::Read(const std::function<DbError(Connection*)>& body) { return Run(false, body); }
DbError Store::Write(const std::function<DbError(Connection*)>& body) { return Run(true, body); }

DbError Store::WithConnection(const std::function<DbError(Connection*)>& body) {
  std::unique_ptr<Connection> c = Borrow();
  const DbError e = body(c.get());
  Return(std::move(c));
  return e;
}

DbError Store::Run(bool write, const std::function<DbError(Connection*)>& body) {
  std::unique_ptr<Connection> c = Borrow();
  DbError e;
  try {
    for (int attempt = 0; attempt <= kMaxBusyRetries; ++attempt) {
      e = c->Begin(write);
      if (e.ok()) e = body(c.get());
      if (e.ok()) e = c->Commit();
      if (e.ok()) break;
      c->Rollback();
      if (e.kind != DbErrorKind::kBusy) break;
    }
  } catch (...) {
    // A broken invariant (core/check.h) inside the transaction: nothing of it is kept, the connection goes back to
    // the pool clean, and the caller (a request) fails.
    c->Rollback();
    Return(std::move(c));
    throw;
  }
  Return(std::move(c));
  if (e.ok() && write) {
    std::lock_guard lock(mu_);
    ++generation_;
  }
  return e;
}

// ---- Audit ----

DbError InsertAudit(Connection* db, const AuditEntry& a) {
  return db->Exec(
      "INSERT INTO audit_log (at, user_id, cooperative_id, action, entity, entity_id, before_json, after_json) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {a.at, OptValue(a.user_id), OptValue(a.cooperative_id), a.action, a.entity, OptValue(a.entity_id),
       TextOrNull(a.before_json), TextOrNull(a.after_json)},
      nullptr);
}

DbError ListAudit(Connection* db, std::optional<int64_t> cooperative_id, std::optional<int64_t> before_id, int limit,
                  std::vector<AuditEntry>* out) {
  std::vector<Value> params;
  std::string sql =
      "SELECT id, at, user_id, cooperative_id, action, entity, entity_id, before_json, after_json FROM audit_log "
      "WHERE 1 = 1 ";
  if (cooperative_id) {
    sql += "AND cooperative_id = ? ";
    params.push_back(*cooperative_id);
  }
  if (before_id) {
    sql += "AND id < ? ";
    params.push_back(*before_id);
  }
  sql += "ORDER BY id DESC LIMIT ?";
  params.push_back(int64_t{limit});
  Result r;
  DbError e = db->Exec(sql, params, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) {
    out->push_back({r.Int(i, 0), r.Int(i, 1), r.OptInt(i, 2), r.OptInt(i, 3), r.Text(i, 4), r.Text(i, 5),
                    r.OptInt(i, 6), r.Text(i, 7), r.Text(i, 8)});
  }
  return {};
}

// ---- Regions and cooperatives ----

DbError InsertRegion(Connection* db, const Region& r, int64_t* id) {
  return InsertReturningId(db, "INSERT INTO regions (nama, provinsi) VALUES (?, ?)", {r.nama, r.provinsi}, id);
}

DbError ListRegions(Connection* db, std::vector<Region>* out) {
  Result r;
  DbError e = db->Exec("SELECT id, nama, provinsi FROM regions ORDER BY nama", {}, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) out->push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2)});
  return {};
}

DbError InsertCooperative(Connection* db, const Cooperative& c, int64_t now, int64_t* id) {
  return InsertReturningId(
      db, "INSERT INTO cooperatives (region_id, nama, jenis, nomor_badan_hukum, created_at) VALUES (?, ?, ?, ?, ?)",
      {c.region_id, c.nama, c.jenis, c.nomor_badan_hukum, now}, id);
}

DbError GetCooperative(Connection* db, int64_t id, Cooperative* out, bool* found) {
  Result r;
  DbError e = db->Exec(std::string(kCooperativeSelect) + "WHERE c.id = ?", {id}, &r);
  if (!e.ok()) return e;
  *found = !r.empty();
  if (*found) *out = ReadCooperative(r, 0);
  return {};
}

DbError ListCooperatives(Connection* db, const std::vector<int64_t>& region_ids, bool all,
                         std::vector<Cooperative>* out) {
  std::vector<Value> params;
  std::string sql = std::string(kCooperativeSelect) + "WHERE " + InList("c.region_id", region_ids, all, &params) +
                    " ORDER BY c.nama, c.id";
  Result r;
  DbError e = db->Exec(sql, params, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) out->push_back(ReadCooperative(r, i));
  return {};
}

// ---- Users and sessions ----

DbError InsertUser(Connection* db, const User& u, int64_t now, int64_t* id) {
  int64_t new_id = 0;
  DbError e = InsertReturningId(db,
                                "INSERT INTO users (username, display_name, role, cooperative_id, password_hash, "
                                "active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                {u.username, u.display_name, std::string(RoleName(u.role)), OptValue(u.cooperative_id),
                                 u.password_hash, int64_t{u.active ? 1 : 0}, now},
                                &new_id);
  for (int64_t region : u.region_ids) {
    if (!e.ok()) break;
    e = db->Exec("INSERT INTO user_regions (user_id, region_id) VALUES (?, ?)", {new_id, region}, nullptr);
  }
  if (e.ok() && id != nullptr) *id = new_id;
  return e;
}

DbError GetUserByName(Connection* db, std::string_view username, User* out, bool* found) {
  return GetUserWhere(db, "username = ?", std::string(username), out, found);
}

DbError GetUser(Connection* db, int64_t id, User* out, bool* found) {
  return GetUserWhere(db, "id = ?", id, out, found);
}

DbError ListUsers(Connection* db, std::vector<User>* out) {
  Result r;
  DbError e = db->Exec(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username", {}, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size() && e.ok(); ++i) {
    out->push_back(ReadUser(r, i));
    e = LoadUserRegions(db, &out->back());
  }
  return e;
}

DbError SetUserActive(Connection* db, int64_t id, bool active) {
  return db->Exec("UPDATE users SET active = ? WHERE id = ?", {int64_t{active ? 1 : 0}, id}, nullptr);
}

DbError InsertSession(Connection* db, const SessionRecord& s) {
  return db->Exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at}, nullptr);
}

DbError GetSession(Connection* db, std::string_view token_hash, SessionRecord* out, bool* found) {
  Result r;
  DbError e = db->Exec("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
                       "WHERE token_hash = ?",
                       {std::string(token_hash)}, &r);
  if (!e.ok()) return e;
  *found = !r.empty();
  if (*found) *out = {r.Text(0, 0), r.Int(0, 1), r.Text(0, 2), r.Int(0, 3), r.Int(0, 4)};
  return {};
}

DbError DeleteSession(Connection* db, std::string_view token_hash) {
  return db->Exec("DELETE FROM sessions WHERE token_hash = ?", {std::string(token_hash)}, nullptr);
}

DbError DeleteExpiredSessions(Connection* db, int64_t now) {
  return db->Exec("DELETE FROM sessions WHERE expires_at <= ?", {now}, nullptr);
}

// ---- Laporan ----

DbError InsertLaporan(Connection* db, const LaporanRecord& l, int64_t* id) {
  return InsertReturningId(
      db,
      "INSERT INTO laporan (cooperative_id, periode_akhir, revision, status, laporan_json, diajukan_json, "
      "rulebook_id, rulebook_version, total_e6, predikat, hasil_json, corrects_id, correction_reason, review_note, "
      "created_by, created_at, updated_at, submitted_at, finalised_at, finalised_by, isian_json, " + std::string(kAspectColumns) +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {l.cooperative_id, l.periode_akhir, int64_t{l.revision}, std::string(StatusName(l.status)), l.laporan_json,
       TextOrNull(l.diajukan_json), l.rulebook_id, l.rulebook_version, l.total_e6, l.predikat, l.hasil_json,
       OptValue(l.corrects_id), l.correction_reason, l.review_note, l.created_by, l.created_at, l.updated_at,
       OptValue(l.submitted_at), OptValue(l.finalised_at), OptValue(l.finalised_by), TextOrNull(l.isian_json), OptValue(l.aspek_pct_e6[0]),
       OptValue(l.aspek_pct_e6[1]), OptValue(l.aspek_pct_e6[2]), OptValue(l.aspek_pct_e6[3])},
      id);
}

DbError UpdateLaporan(Connection* db, const LaporanRecord& l) {
  return db->Exec(
      "UPDATE laporan SET periode_akhir = ?, status = ?, laporan_json = ?, diajukan_json = ?, rulebook_id = ?, "
      "rulebook_version = ?, total_e6 = ?, predikat = ?, hasil_json = ?, review_note = ?, updated_at = ?, "
      "submitted_at = ?, finalised_at = ?, finalised_by = ?, isian_json = ?, aspek_tata_kelola_e6 = ?, aspek_profil_risiko_e6 = ?, "
      "aspek_kinerja_keuangan_e6 = ?, aspek_permodalan_e6 = ? WHERE id = ?",
      {l.periode_akhir, std::string(StatusName(l.status)), l.laporan_json, TextOrNull(l.diajukan_json),
       l.rulebook_id, l.rulebook_version, l.total_e6, l.predikat, l.hasil_json, l.review_note, l.updated_at,
       OptValue(l.submitted_at), OptValue(l.finalised_at), OptValue(l.finalised_by), TextOrNull(l.isian_json), OptValue(l.aspek_pct_e6[0]),
       OptValue(l.aspek_pct_e6[1]), OptValue(l.aspek_pct_e6[2]), OptValue(l.aspek_pct_e6[3]), l.id},
      nullptr);
}

DbError GetLaporan(Connection* db, int64_t id, LaporanRecord* out, bool* found, bool for_update) {
  std::vector<LaporanRecord> list;
  std::string sql = std::string("SELECT ") + kLaporanColumns + " FROM laporan WHERE id = ?";
  if (for_update && db->dialect() == Dialect::kPostgres) sql += " FOR UPDATE";
  DbError e = ReadLaporanList(db, sql, {id}, &list);
  *found = e.ok() && !list.empty();
  if (*found) *out = std::move(list[0]);
  return e;
}

DbError ListLaporan(Connection* db, int64_t cooperative_id, std::vector<LaporanRecord>* out) {
  return ReadLaporanList(db,
                         std::string("SELECT ") + kLaporanColumns +
                             " FROM laporan WHERE cooperative_id = ? ORDER BY periode_akhir DESC, revision DESC",
                         {cooperative_id}, out);
}

DbError MaxRevision(Connection* db, int64_t cooperative_id, std::string_view periode, int* out) {
  Result r;
  DbError e = db->Exec("SELECT COALESCE(MAX(revision), 0) FROM laporan WHERE cooperative_id = ? AND periode_akhir = ?",
                       {cooperative_id, std::string(periode)}, &r);
  if (e.ok()) *out = static_cast<int>(r.Int(0, 0));
  return e;
}

DbError ListAwaitingReview(Connection* db, const std::vector<int64_t>& region_ids, bool all,
                           std::vector<LaporanRecord>* out) {
  std::vector<Value> params{std::string(StatusName(Status::kSubmitted))};
  const std::string sql = "SELECT " + Qualified(kLaporanColumns, "l.") +
                          " FROM laporan l JOIN cooperatives c ON c.id = l.cooperative_id WHERE l.status = ? AND " +
                          InList("c.region_id", region_ids, all, &params) + " ORDER BY l.submitted_at, l.id";
  return ReadLaporanList(db, sql, params, out);
}

// ---- Examiner's changes and evidence ----

DbError InsertAdjustment(Connection* db, const Adjustment& a, int64_t* id) {
  return InsertReturningId(db,
                           "INSERT INTO adjustments (cooperative_id, laporan_id, path, before_value, after_value, "
                           "reason, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           {a.cooperative_id, a.laporan_id, a.path, a.before_value, a.after_value, a.reason,
                            a.user_id, a.at},
                           id);
}

DbError ListAdjustments(Connection* db, int64_t laporan_id, std::vector<Adjustment>* out) {
  Result r;
  DbError e = db->Exec(
      "SELECT a.id, a.cooperative_id, a.laporan_id, a.path, a.before_value, a.after_value, a.reason, a.user_id, "
      "u.username, a.at FROM adjustments a JOIN users u ON u.id = a.user_id WHERE a.laporan_id = ? ORDER BY a.id",
      {laporan_id}, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) {
    out->push_back({r.Int(i, 0), r.Int(i, 1), r.Int(i, 2), r.Text(i, 3), r.Text(i, 4), r.Text(i, 5), r.Text(i, 6),
                    r.Int(i, 7), r.Text(i, 8), r.Int(i, 9)});
  }
  return {};
}

// ---- The board's plan limits ----

DbError ListPlanLimits(Connection* db, int64_t laporan_id, std::vector<PlanLimit>* out) {
  Result r;
  DbError e = db->Exec(
      "SELECT p.laporan_id, p.cooperative_id, p.limit_id, p.persen, p.alasan, p.set_by, "
      "CASE WHEN u.display_name = '' THEN u.username ELSE u.display_name END, p.set_at "
      "FROM plan_limits p JOIN users u ON u.id = p.set_by WHERE p.laporan_id = ? ORDER BY p.limit_id",
      {laporan_id}, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) {
    out->push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Text(i, 4), r.Int(i, 5), r.Text(i, 6),
                    r.Int(i, 7)});
  }
  return {};
}

DbError PutPlanLimit(Connection* db, const PlanLimit& l) {
  // Delete and insert rather than an upsert: the portable subset both backends speak, in the caller's transaction.
  DbError e = DeletePlanLimit(db, l.laporan_id, l.limit_id);
  if (!e.ok()) return e;
  return db->Exec(
      "INSERT INTO plan_limits (laporan_id, cooperative_id, limit_id, persen, alasan, set_by, set_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {l.laporan_id, l.cooperative_id, l.limit_id, l.persen, l.alasan, l.set_by, l.set_at}, nullptr);
}

DbError DeletePlanLimit(Connection* db, int64_t laporan_id, const std::string& limit_id) {
  return db->Exec("DELETE FROM plan_limits WHERE laporan_id = ? AND limit_id = ?", {laporan_id, limit_id}, nullptr);
}

namespace {
constexpr const char* kEvidenceColumns =
    "id, cooperative_id, laporan_id, filename, content_type, sha256, size_bytes, note, user_id, at";
Evidence ReadEvidence(const Result& r, size_t i) {
  return {r.Int(i, 0), r.Int(i, 1), r.Int(i, 2), r.Text(i, 3), r.Text(i, 4),
          r.Text(i, 5), r.Int(i, 6), r.Text(i, 7), r.Int(i, 8), r.Int(i, 9)};
}
}  // namespace

DbError InsertEvidence(Connection* db, const Evidence& ev, const std::string& content, int64_t* id) {
  return InsertReturningId(db,
                           "INSERT INTO evidence (cooperative_id, laporan_id, filename, content_type, sha256, "
                           "size_bytes, content, note, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           {ev.cooperative_id, ev.laporan_id, ev.filename, ev.content_type, ev.sha256, ev.size_bytes,
                            Bytes{content}, ev.note, ev.user_id, ev.at},
                           id);
}

DbError ListEvidence(Connection* db, int64_t laporan_id, std::vector<Evidence>* out) {
  Result r;
  DbError e = db->Exec(std::string("SELECT ") + kEvidenceColumns + " FROM evidence WHERE laporan_id = ? ORDER BY id",
                       {laporan_id}, &r);
  if (!e.ok()) return e;
  out->clear();
  for (size_t i = 0; i < r.size(); ++i) out->push_back(ReadEvidence(r, i));
  return {};
}

DbError GetEvidence(Connection* db, int64_t id, Evidence* out, std::string* content, bool* found) {
  Result r;
  DbError e = db->Exec(std::string("SELECT ") + kEvidenceColumns + ", content FROM evidence WHERE id = ?", {id}, &r);
  if (!e.ok()) return e;
  *found = !r.empty();
  if (*found) {
    *out = ReadEvidence(r, 0);
    *content = r.Text(0, 10);
  }
  return {};
}

// ---- Regional dashboard ----

DbError RegionSummaries(Connection* db, const std::vector<int64_t>& region_ids, bool all,
                        std::vector<CooperativeSummary>* out) {
  std::vector<Value> params;
  // Set-based, so the cost is one ordered pass over the final results (laporan_final_summary, schema version 4)
  // rather than index probes per cooperative: `best` keeps each period's highest final revision, `ranked` numbers
  // those periods newest first per cooperative and carries the period before (LEAD) along, so rn = 1 is the latest
  // final result with its predecessor. The submitted laporan (a few thousand at most) are counted apart; "latest
  // period submitted or final" is the later of their latest period and the latest final one (below).
  const auto within = [&](std::string_view column) {
    return all ? std::string("1 = 1")
               : std::string(column) + " IN (SELECT id FROM cooperatives WHERE " +
                     InList("region_id", region_ids, all, &params) + ")";
  };
  std::string sql =
      "WITH best AS (SELECT id, cooperative_id, periode_akhir, total_e6, predikat, rulebook_id, rulebook_version, ";
  sql += kAspectColumns;
  sql +=
      ", ROW_NUMBER() OVER (PARTITION BY cooperative_id, periode_akhir ORDER BY revision DESC) AS rp "
      "FROM laporan WHERE status = 'final' AND " +
      within("cooperative_id") +
      "), ranked AS (SELECT best.*, ROW_NUMBER() OVER w AS rn, LEAD(total_e6) OVER w AS prev_total_e6, "
      "LEAD(predikat) OVER w AS prev_predikat, LEAD(rulebook_id) OVER w AS prev_rulebook_id FROM best WHERE rp = 1 "
      "WINDOW w AS (PARTITION BY cooperative_id ORDER BY periode_akhir DESC)), "
      "submitted AS (SELECT cooperative_id, COUNT(*) AS n, MAX(periode_akhir) AS periode FROM laporan "
      "WHERE status = 'diajukan' AND " +
      within("cooperative_id") +
      " GROUP BY cooperative_id) "
      "SELECT c.id, c.region_id, r.nama, c.nama, c.jenis, c.nomor_badan_hukum, l.id, l.periode_akhir, "
      "l.total_e6, l.predikat, l.prev_total_e6, l.prev_predikat, l.rulebook_id, s.n, s.periode, "
      "l.rulebook_version, l.prev_rulebook_id, " +
      Qualified(kAspectColumns, "l.") +
      " FROM cooperatives c JOIN regions r ON r.id = c.region_id "
      "LEFT JOIN ranked l ON l.cooperative_id = c.id AND l.rn = 1 "
      "LEFT JOIN submitted s ON s.cooperative_id = c.id WHERE " +
      InList("c.region_id", region_ids, all, &params) + " ORDER BY c.nama, c.id";
  Result r;
  DbError e = db->Exec(sql, params, &r);
  if (!e.ok()) return e;
  out->clear();
  out->reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    CooperativeSummary s;
    s.cooperative = ReadCooperative(r, i);
    s.latest_id = r.OptInt(i, 6);
    s.latest_periode = r.Text(i, 7);
    s.latest_total_e6 = r.Int(i, 8);
    s.latest_predikat = r.Text(i, 9);
    s.previous_total_e6 = r.OptInt(i, 10);
    s.previous_predikat = r.Text(i, 11);
    s.latest_rulebook_id = r.Text(i, 12);
    s.awaiting_review = r.Int(i, 13) > 0;
    // Periods are ISO dates: their text order is their time order, in any collation.
    s.last_submitted_periode = std::max(s.latest_periode, r.Text(i, 14));
    s.latest_rulebook_version = r.Text(i, 15);
    s.previous_rulebook_id = r.Text(i, 16);
    s.latest_aspek_pct_e6 = ReadAspects(r, i, 17);
    out->push_back(std::move(s));
  }
  return {};
}

DbError DataVersion(Connection* db, int64_t* out) {
  Result r;
  DbError e = db->Exec("SELECT n FROM data_version WHERE id = 1", {}, &r);
  if (e.ok()) *out = r.empty() ? 0 : r.Int(0, 0);
  return e;
}

}  // namespace kopsehat::store
