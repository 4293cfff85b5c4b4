// store/store.h — the Kopsehat database: a pool of connections to one SQLite file or PostgreSQL database, and the
// repositories (typed reads and writes of regions, cooperatives, users, sessions, laporan with their assessments,
// examiner changes, evidence and the audit log). Every write runs in one transaction together with its audit
// entry. Knows nothing of HTTP or of the engine: assessments arrive as already-computed fields. Depends on
// store/db.h and store/schema.h.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace kopsehat::store {

enum class Role { kAdmin, kDinas, kPengurus, kPengelola, kPengawas, kAnggota };
inline constexpr Role kAllRoles[] = {Role::kAdmin,     Role::kDinas,    Role::kPengurus,
                                     Role::kPengelola, Role::kPengawas, Role::kAnggota};
const char* RoleName(Role role);  // "admin", "dinas", ...
std::optional<Role> ParseRole(std::string_view name);

enum class Status { kDraft, kSubmitted, kFinal };
const char* StatusName(Status status);  // "draf", "diajukan", "final" (the stored words)
std::optional<Status> ParseStatus(std::string_view name);

struct Region {
  int64_t id = 0;
  std::string nama;
  std::string provinsi;
};

struct Cooperative {
  int64_t id = 0;
  int64_t region_id = 0;
  std::string region_nama;
  std::string nama;
  std::string jenis;  // KSP, USP, KSPPS, USPPS
  std::string nomor_badan_hukum;
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kAnggota;
  std::optional<int64_t> cooperative_id;  // set exactly for the cooperative roles
  std::vector<int64_t> region_ids;        // dinas: the regencies they examine
  std::string password_hash;
  bool active = true;
};

struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// The aspects of the KKPKK method (kkpkk-2021) whose percentages each result stores in a column of its own (schema
// version 2), in the worksheet's order; the ids are the rulebook's [[aspek]] ids.
inline constexpr std::array<const char*, 4> kKkpkkAspectIds = {"tata_kelola", "profil_risiko", "kinerja_keuangan",
                                                               "permodalan"};
// Percent × 10^6 of each of kKkpkkAspectIds, as the result shows it (rounded to the rulebook's decimals); empty for
// a result whose method has no such aspect.
using AspectPercents = std::array<std::optional<int64_t>, kKkpkkAspectIds.size()>;

// One laporan of one period and revision, with the assessment of its current figures.
struct LaporanRecord {
  int64_t id = 0;
  int64_t cooperative_id = 0;
  std::string periode_akhir;  // ISO date
  int revision = 1;
  Status status = Status::kDraft;
  std::string laporan_json;   // the current figures (kopsehat/laporan-v1)
  std::string diajukan_json;  // the figures as the cooperative submitted them ("" before submission)
  std::string rulebook_id;
  std::string rulebook_version;
  int64_t total_e6 = 0;
  std::string predikat;
  std::string hasil_json;  // kopsehat/penilaian-v1 of the current figures
  AspectPercents aspek_pct_e6;  // from the same assessment as hasil_json
  std::optional<int64_t> corrects_id;
  std::string correction_reason;
  std::string review_note;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> submitted_at;
  std::optional<int64_t> finalised_at;
  std::optional<int64_t> finalised_by;
  // An incomplete draft (schema version 3): the form's fields exactly as typed, a JSON array of [key, value] pairs,
  // kept so nothing typed is lost while the figures do not yet make a laporan. Such a row has no assessment
  // (laporan_json and hasil_json empty, total_e6 0, predikat ""); "" for every other row.
  std::string isian_json;
  bool incomplete() const { return !isian_json.empty(); }
};

struct Adjustment {
  int64_t id = 0;
  int64_t cooperative_id = 0;
  int64_t laporan_id = 0;
  std::string path;  // "neraca.kas", "manajemen.umum[3]"
  std::string before_value;
  std::string after_value;
  std::string reason;
  int64_t user_id = 0;
  std::string username;
  int64_t at = 0;
};

struct Evidence {
  int64_t id = 0;
  int64_t cooperative_id = 0;
  int64_t laporan_id = 0;
  std::string filename;
  std::string content_type;
  std::string sha256;  // hex
  int64_t size_bytes = 0;
  std::string note;
  int64_t user_id = 0;
  int64_t at = 0;
};

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<int64_t> user_id;
  std::optional<int64_t> cooperative_id;
  std::string action;  // "laporan.simpan", "laporan.final", "login", ...
  std::string entity;  // "laporan", "user", "session", ...
  std::optional<int64_t> entity_id;
  std::string before_json;
  std::string after_json;
};

// One of the board's own one-year plan limits of a laporan (schema version 5); a limit without one follows the
// action book's default.
struct PlanLimit {
  int64_t laporan_id = 0;
  int64_t cooperative_id = 0;
  std::string limit_id;  // an action or floor id of the action book: "tagih_macet", "lantai_kas"
  std::string persen;    // exact decimal text, plain form: "40", "12.5"
  std::string alasan;    // the board's reason; may be empty
  int64_t set_by = 0;
  std::string set_by_name;  // read back: the user's display name (else user name)
  int64_t set_at = 0;       // Unix seconds (UTC)
};

// One cooperative on the regional dashboard: its latest final assessment and the one before it.
struct CooperativeSummary {
  Cooperative cooperative;
  std::optional<int64_t> latest_id;  // latest final assessment
  std::string latest_periode;
  int64_t latest_total_e6 = 0;
  std::string latest_predikat;
  std::string latest_rulebook_id;
  std::string latest_rulebook_version;
  AspectPercents latest_aspek_pct_e6;
  std::optional<int64_t> previous_total_e6;  // the final assessment of the period before
  std::string previous_predikat;
  std::string previous_rulebook_id;  // its method: a score is compared only with one of the same method
  bool awaiting_review = false;        // a submitted laporan waits for the examiner
  std::string last_submitted_periode;  // latest period submitted or final ("" when none)
};

// A pool of connections to one database; each caller borrows one for one transaction.
class Store {
 public:
  // `target` is a postgresql:// URL (or "host=... dbname=..." conninfo starting with "postgres") or an SQLite file
  // path. Opens `pool_size` connections. Null with *error when a connection fails.
  static std::unique_ptr<Store> Open(const std::string& target, int pool_size, std::string* error);
  // The same with the backend named: `location` is an SQLite path or a libpq conninfo in any form.
  static std::unique_ptr<Store> OpenAs(Dialect dialect, const std::string& location, int pool_size,
                                       std::string* error);

  Dialect dialect() const { return dialect_; }

  // Runs `body` inside one transaction on a borrowed connection. Write transactions that fail with kBusy are
  // retried (bounded); `body` must be safe to run again. A `body` returning an error rolls back.
  DbError Read(const std::function<DbError(Connection*)>& body);
  DbError Write(const std::function<DbError(Connection*)>& body);

  // Runs `body` on a borrowed connection outside any transaction (migrations manage their own).
  DbError WithConnection(const std::function<DbError(Connection*)>& body);

  // Bumped by every committed write: readers may cache derived pages keyed by it (this process is the only writer).
  uint64_t generation() const;

 private:
  DbError Run(bool write, const std::function<DbError(Connection*)>& body);
  std::unique_ptr<Connection> Borrow();
  void Return(std::unique_ptr<Connection> c);

  Dialect dialect_ = Dialect::kSqlite;
  mutable std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> free_;
  uint64_t generation_ = 0;
};

// ---- Repositories: each takes the connection of the caller's transaction. ----

DbError InsertAudit(Connection* db, const AuditEntry& e);
// Newest first, at most `limit`; with `before_id` only entries older than it (the next page).
DbError ListAudit(Connection* db, std::optional<int64_t> cooperative_id, std::optional<int64_t> before_id, int limit,
                  std::vector<AuditEntry>* out);

DbError InsertRegion(Connection* db, const Region& r, int64_t* id);
DbError ListRegions(Connection* db, std::vector<Region>* out);

DbError InsertCooperative(Connection* db, const Cooperative& c, int64_t now, int64_t* id);
// Not found: ok with *found false.
DbError GetCooperative(Connection* db, int64_t id, Cooperative* out, bool* found);
// Cooperatives of the given regions (all when `all`), by name.
DbError ListCooperatives(Connection* db, const std::vector<int64_t>& region_ids, bool all,
                         std::vector<Cooperative>* out);

DbError InsertUser(Connection* db, const User& u, int64_t now, int64_t* id);
DbError GetUserByName(Connection* db, std::string_view username, User* out, bool* found);
DbError GetUser(Connection* db, int64_t id, User* out, bool* found);
DbError ListUsers(Connection* db, std::vector<User>* out);
DbError SetUserActive(Connection* db, int64_t id, bool active);

DbError InsertSession(Connection* db, const SessionRecord& s);
DbError GetSession(Connection* db, std::string_view token_hash, SessionRecord* out, bool* found);
DbError DeleteSession(Connection* db, std::string_view token_hash);
DbError DeleteExpiredSessions(Connection* db, int64_t now);

DbError InsertLaporan(Connection* db, const LaporanRecord& l, int64_t* id);
// Rewrites the mutable fields of a laporan (figures, assessment, status and its times). The database refuses it
// for a final one.
DbError UpdateLaporan(Connection* db, const LaporanRecord& l);
// With `for_update` (in a write transaction) the row stays locked until the transaction ends, so a read-modify-write
// of two concurrent requests cannot lose one of them (PostgreSQL; SQLite write transactions are serial anyway).
DbError GetLaporan(Connection* db, int64_t id, LaporanRecord* out, bool* found, bool for_update = false);
// Every laporan of a cooperative, newest period first, then newest revision.
DbError ListLaporan(Connection* db, int64_t cooperative_id, std::vector<LaporanRecord>* out);
// The highest revision number of a period (0 when none).
DbError MaxRevision(Connection* db, int64_t cooperative_id, std::string_view periode, int* out);
// Submitted laporan of the given regions (all when `all`), oldest submission first.
DbError ListAwaitingReview(Connection* db, const std::vector<int64_t>& region_ids, bool all,
                           std::vector<LaporanRecord>* out);

DbError InsertAdjustment(Connection* db, const Adjustment& a, int64_t* id);
DbError ListAdjustments(Connection* db, int64_t laporan_id, std::vector<Adjustment>* out);

DbError InsertEvidence(Connection* db, const Evidence& e, const std::string& content, int64_t* id);
DbError ListEvidence(Connection* db, int64_t laporan_id, std::vector<Evidence>* out);
DbError GetEvidence(Connection* db, int64_t id, Evidence* out, std::string* content, bool* found);

// The board's plan limits of a laporan, by limit id.
DbError ListPlanLimits(Connection* db, int64_t laporan_id, std::vector<PlanLimit>* out);
// Sets one limit of a laporan (replacing its row, if any).
DbError PutPlanLimit(Connection* db, const PlanLimit& l);
// Removes one limit of a laporan (it follows the default again); removing one that is not there is no error.
DbError DeletePlanLimit(Connection* db, int64_t laporan_id, const std::string& limit_id);

// The regional dashboard's rows for the given regions (all when `all`), by cooperative name.
DbError RegionSummaries(Connection* db, const std::vector<int64_t>& region_ids, bool all,
                        std::vector<CooperativeSummary>* out);
// The counter that every committed change of laporan, cooperatives or regions bumps (by trigger, whoever writes;
// schema version 4): equal readings mean the regional dashboard's data did not change in between.
DbError DataVersion(Connection* db, int64_t* out);

}  // namespace kopsehat::store
