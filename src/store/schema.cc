// store/schema.cc — the versioned migrations. Each migration runs once, in one transaction, and records its
// version in schema_migrations; a database newer than this binary is refused. The SQL is written once in the subset
// both backends speak; `{{ID}}` and `{{BYTES}}` become each dialect's identity key and binary column, and the few
// things that differ (triggers) have one text per dialect.
//
// Every tenant row carries cooperative_id, so the tables can later be sharded by cooperative without change.
// Money and scores are integers (sen; score points × 10^6). Times are Unix seconds (UTC).
#include "store/schema.h"

#include <algorithm>
#include <set>
#include <string>

namespace kopsehat::store {
namespace {

struct Migration {
  int version;
  const char* portable;  // with {{ID}} / {{BYTES}}
  const char* sqlite_only;
  const char* postgres_only;
};

// Version 3: incomplete drafts. A board may save a laporan half-typed (unanswered checklist items, empty or
// mistyped figures) and come back to it: the form's fields as typed go to isian_json, and the row has no
// assessment until they make a laporan. NULL on every complete row, so nothing that reads results changes.
constexpr Migration kIncompleteDrafts = {3, "ALTER TABLE laporan ADD COLUMN isian_json TEXT;\n", "", ""};

// Version 4: the regional dashboard at national scale (130,000 cooperatives, 650,000 laporan).
// - laporan_final_summary: every column the dashboard reads of a final result, in the order it ranks them (per
//   cooperative, per period, by revision), for final rows only. RegionSummaries then reads one index in order
//   instead of the whole table (whose rows carry kilobytes of JSON each): 1.3 GB of heap → 72 MB of index.
// - data_version: one row whose counter every change of a table the dashboard shows (laporan, cooperatives,
//   regions) bumps, by trigger, whoever writes (this process, another server on the same database, a seeding tool,
//   plain SQL). The App's snapshot of the dashboard compares it every few seconds instead of rebuilding on a timer.
//   It is transactional: a change counts when it commits, so a reader never sees the counter of a change whose
//   data it cannot see yet. PostgreSQL bumps it once per statement; SQLite, which has only row triggers, once per
//   row (its writers are serial anyway).
constexpr Migration kDashboardAtScale = {4,
                                         R"SQL(
CREATE INDEX laporan_final_summary ON laporan (cooperative_id, periode_akhir, revision, id, total_e6, predikat,
  rulebook_id, rulebook_version, aspek_tata_kelola_e6, aspek_profil_risiko_e6, aspek_kinerja_keuangan_e6,
  aspek_permodalan_e6) WHERE status = 'final';
CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
INSERT INTO data_version (id, n) VALUES (1, 0);
)SQL",
                                         R"SQL(
CREATE TRIGGER laporan_inserted AFTER INSERT ON laporan BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER laporan_updated AFTER UPDATE ON laporan BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER laporan_deleted AFTER DELETE ON laporan BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER cooperatives_inserted AFTER INSERT ON cooperatives BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER cooperatives_updated AFTER UPDATE ON cooperatives BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER cooperatives_deleted AFTER DELETE ON cooperatives BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER regions_inserted AFTER INSERT ON regions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER regions_updated AFTER UPDATE ON regions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER regions_deleted AFTER DELETE ON regions BEGIN UPDATE data_version SET n = n + 1; END;
)SQL",
                                         R"SQL(
CREATE FUNCTION kopsehat_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE data_version SET n = n + 1; RETURN NULL; END $$;
CREATE TRIGGER laporan_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON laporan
  FOR EACH STATEMENT EXECUTE FUNCTION kopsehat_data_changed();
CREATE TRIGGER cooperatives_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cooperatives
  FOR EACH STATEMENT EXECUTE FUNCTION kopsehat_data_changed();
CREATE TRIGGER regions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION kopsehat_data_changed();
)SQL"};

// Version 5: the board's own one-year plan limits of a laporan (issue 17): one row per limit the cooperative set,
// keyed by laporan and limit id (an action or floor of the action book, "tagih_macet"), with the percentage as exact
// decimal text ("40", "12.5": never a float), the board's reason, who set it and when. A limit without a row follows
// the action book's default. The rows hold the value in force only and are replaced when the board changes it: the
// history is the audit log, where every change writes one entry with the limit's value before and after (app.cc,
// SavePlanLimits). A second insert-only copy of that history here would be a second record to keep in step, and
// the audit log is already append-only by trigger (version 1). Not counted by data_version: no dashboard shows them.
constexpr Migration kPlanLimits = {5,
                                   R"SQL(
CREATE TABLE plan_limits (
  laporan_id BIGINT NOT NULL REFERENCES laporan(id),
  cooperative_id BIGINT NOT NULL REFERENCES cooperatives(id),
  limit_id TEXT NOT NULL CHECK (length(limit_id) BETWEEN 1 AND 60),
  persen TEXT NOT NULL CHECK (length(persen) BETWEEN 1 AND 20),
  alasan TEXT NOT NULL DEFAULT '',
  set_by BIGINT NOT NULL REFERENCES users(id),
  set_at BIGINT NOT NULL,
  PRIMARY KEY (laporan_id, limit_id)
);
)SQL",
                                   "", ""};

// Version 1: regions, cooperatives, people and sessions, laporan with their assessments, the examiner's changes and
// evidence, and the audit log. The triggers are the database's own guard of two promises the application makes:
// a final assessment never changes, and the audit log (and the change and evidence records) are append-only.
// SQLite also needs INSERT triggers: INSERT OR REPLACE deletes the old row without firing DELETE triggers.
// (PostgreSQL's INSERT ... ON CONFLICT DO UPDATE fires the UPDATE triggers.)
constexpr Migration kMigrations[] = {
    {1,
     R"SQL(
CREATE TABLE regions (
  id {{ID}},
  nama TEXT NOT NULL UNIQUE,
  provinsi TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cooperatives (
  id {{ID}},
  region_id BIGINT NOT NULL REFERENCES regions(id),
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL,
  nomor_badan_hukum TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (region_id, nama)
);
CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'dinas', 'pengurus', 'pengelola', 'pengawas', 'anggota')),
  cooperative_id BIGINT REFERENCES cooperatives(id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  CHECK ((role IN ('admin', 'dinas')) = (cooperative_id IS NULL))
);
CREATE INDEX users_cooperative ON users(cooperative_id);
CREATE TABLE user_regions (
  user_id BIGINT NOT NULL REFERENCES users(id),
  region_id BIGINT NOT NULL REFERENCES regions(id),
  PRIMARY KEY (user_id, region_id)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE laporan (
  id {{ID}},
  cooperative_id BIGINT NOT NULL REFERENCES cooperatives(id),
  periode_akhir TEXT NOT NULL,
  revision INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draf', 'diajukan', 'final')),
  rulebook_id TEXT NOT NULL,
  rulebook_version TEXT NOT NULL,
  total_e6 BIGINT NOT NULL,
  predikat TEXT NOT NULL,
  corrects_id BIGINT REFERENCES laporan(id),
  correction_reason TEXT NOT NULL DEFAULT '',
  review_note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT,
  finalised_at BIGINT,
  finalised_by BIGINT REFERENCES users(id),
  -- The documents last: a dashboard reads the small columns before them without walking each row's overflow
  -- pages (a laporan row is ~10 KB).
  laporan_json TEXT NOT NULL,
  diajukan_json TEXT,
  hasil_json TEXT NOT NULL,
  UNIQUE (cooperative_id, periode_akhir, revision)
);
CREATE INDEX laporan_status ON laporan(status, cooperative_id);
CREATE TABLE adjustments (
  id {{ID}},
  cooperative_id BIGINT NOT NULL REFERENCES cooperatives(id),
  laporan_id BIGINT NOT NULL REFERENCES laporan(id),
  path TEXT NOT NULL,
  before_value TEXT NOT NULL,
  after_value TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  user_id BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL
);
CREATE INDEX adjustments_laporan ON adjustments(laporan_id);
CREATE TABLE evidence (
  id {{ID}},
  cooperative_id BIGINT NOT NULL REFERENCES cooperatives(id),
  laporan_id BIGINT NOT NULL REFERENCES laporan(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  content {{BYTES}} NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  user_id BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL
);
CREATE INDEX evidence_laporan ON evidence(laporan_id);
CREATE TABLE audit_log (
  id {{ID}},
  at BIGINT NOT NULL,
  user_id BIGINT,
  cooperative_id BIGINT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_cooperative ON audit_log(cooperative_id, id);
)SQL",
     R"SQL(
CREATE TRIGGER laporan_final_no_update BEFORE UPDATE ON laporan WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'penilaian final tidak dapat diubah'); END;
CREATE TRIGGER laporan_final_no_delete BEFORE DELETE ON laporan WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'penilaian final tidak dapat dihapus'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log append-only'); END;
CREATE TRIGGER adjustments_no_update BEFORE UPDATE ON adjustments BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER adjustments_no_delete BEFORE DELETE ON adjustments BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER laporan_final_no_replace BEFORE INSERT ON laporan WHEN EXISTS (SELECT 1 FROM laporan WHERE
  status = 'final' AND (id = NEW.id OR (cooperative_id = NEW.cooperative_id AND periode_akhir = NEW.periode_akhir
  AND revision = NEW.revision)))
BEGIN SELECT RAISE(ABORT, 'penilaian final tidak dapat diganti'); END;
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit log append-only'); END;
CREATE TRIGGER adjustments_no_replace BEFORE INSERT ON adjustments
  WHEN EXISTS (SELECT 1 FROM adjustments WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER evidence_no_replace BEFORE INSERT ON evidence WHEN EXISTS (SELECT 1 FROM evidence WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'append-only'); END;
)SQL",
     R"SQL(
CREATE FUNCTION kopsehat_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'append-only or final: %', TG_TABLE_NAME; END $$;
CREATE TRIGGER laporan_final_no_update BEFORE UPDATE ON laporan FOR EACH ROW WHEN (OLD.status = 'final')
  EXECUTE FUNCTION kopsehat_refuse();
CREATE TRIGGER laporan_final_no_delete BEFORE DELETE ON laporan FOR EACH ROW WHEN (OLD.status = 'final')
  EXECUTE FUNCTION kopsehat_refuse();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION kopsehat_refuse();
CREATE TRIGGER adjustments_append_only BEFORE UPDATE OR DELETE ON adjustments FOR EACH ROW
  EXECUTE FUNCTION kopsehat_refuse();
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION kopsehat_refuse();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log EXECUTE FUNCTION kopsehat_refuse();
)SQL"},
    // Version 2: each result's four KKPKK aspect percentages (× 10^6, as penilaian-v1's aspek[].persen, rounded to
    // the rulebook's decimals) in columns of their own, so the regional dashboard of 130,000 cooperatives reads four
    // integers per row instead of parsing every hasil_json; NULL for methods without these aspects. New results fill
    // them when stored (app::FillAssessment). Existing rows are backfilled HERE, in the same transaction, from their
    // own hasil_json rather than at every startup: the migration runs exactly once, so a half-filled table is never
    // seen, and the database is the only place that can lift the "final never changes" trigger for the rows it
    // owns (the trigger is back before the transaction commits; the backfill copies a value the row already holds).
    // The number's text is taken exactly as written (SQLite's -> keeps a JSON number's text; PostgreSQL's numeric
    // is exact decimal): no floating point between the stored result and its column.
    {2,
     R"SQL(
ALTER TABLE laporan ADD COLUMN aspek_tata_kelola_e6 BIGINT;
ALTER TABLE laporan ADD COLUMN aspek_profil_risiko_e6 BIGINT;
ALTER TABLE laporan ADD COLUMN aspek_kinerja_keuangan_e6 BIGINT;
ALTER TABLE laporan ADD COLUMN aspek_permodalan_e6 BIGINT;
)SQL",
     R"SQL(
DROP TRIGGER laporan_final_no_update;
CREATE TEMP TABLE kopsehat_aspek AS
  SELECT l.id AS id, a.value ->> '$.id' AS aspek, CAST(a.value -> '$.persen' AS TEXT) AS t
  FROM laporan l, json_each(l.hasil_json, '$.aspek') a
  WHERE l.hasil_json LIKE '%"persen"%' AND json_valid(l.hasil_json) AND a.value -> '$.persen' IS NOT NULL;
UPDATE kopsehat_aspek SET t = t || '.' WHERE instr(t, '.') = 0;
CREATE TEMP TABLE kopsehat_aspek_e6 AS
  SELECT id, aspek, CAST(substr(t, 1, instr(t, '.') - 1) AS INTEGER) * 1000000 +
         CAST(substr(substr(t, instr(t, '.') + 1) || '000000', 1, 6) AS INTEGER) AS e6
  FROM kopsehat_aspek;
CREATE INDEX temp.kopsehat_aspek_e6_id ON kopsehat_aspek_e6(id, aspek);
UPDATE laporan SET
  aspek_tata_kelola_e6 = (SELECT e6 FROM kopsehat_aspek_e6 x WHERE x.id = laporan.id AND x.aspek = 'tata_kelola'),
  aspek_profil_risiko_e6 = (SELECT e6 FROM kopsehat_aspek_e6 x WHERE x.id = laporan.id AND x.aspek = 'profil_risiko'),
  aspek_kinerja_keuangan_e6 =
    (SELECT e6 FROM kopsehat_aspek_e6 x WHERE x.id = laporan.id AND x.aspek = 'kinerja_keuangan'),
  aspek_permodalan_e6 = (SELECT e6 FROM kopsehat_aspek_e6 x WHERE x.id = laporan.id AND x.aspek = 'permodalan')
  WHERE id IN (SELECT id FROM kopsehat_aspek_e6);
DROP TABLE kopsehat_aspek;
DROP TABLE kopsehat_aspek_e6;
CREATE TRIGGER laporan_final_no_update BEFORE UPDATE ON laporan WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'penilaian final tidak dapat diubah'); END;
)SQL",
     R"SQL(
ALTER TABLE laporan DISABLE TRIGGER laporan_final_no_update;
UPDATE laporan l SET
  aspek_tata_kelola_e6 = x.tata_kelola, aspek_profil_risiko_e6 = x.profil_risiko,
  aspek_kinerja_keuangan_e6 = x.kinerja_keuangan, aspek_permodalan_e6 = x.permodalan
FROM (
  SELECT l2.id,
         MAX(CASE WHEN a->>'id' = 'tata_kelola' THEN ((a->>'persen')::numeric * 1000000)::bigint END) AS tata_kelola,
         MAX(CASE WHEN a->>'id' = 'profil_risiko' THEN ((a->>'persen')::numeric * 1000000)::bigint END) AS profil_risiko,
         MAX(CASE WHEN a->>'id' = 'kinerja_keuangan' THEN ((a->>'persen')::numeric * 1000000)::bigint END)
           AS kinerja_keuangan,
         MAX(CASE WHEN a->>'id' = 'permodalan' THEN ((a->>'persen')::numeric * 1000000)::bigint END) AS permodalan
  FROM laporan l2, jsonb_array_elements(l2.hasil_json::jsonb -> 'aspek') a
  WHERE l2.hasil_json LIKE '%"persen"%' AND a -> 'persen' IS NOT NULL
  GROUP BY l2.id) x
WHERE l.id = x.id;
ALTER TABLE laporan ENABLE TRIGGER laporan_final_no_update;
)SQL"},
    kIncompleteDrafts,
    kDashboardAtScale,
    kPlanLimits,
};

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

std::string ForDialect(const Migration& m, Dialect dialect) {
  std::string sql = m.portable;
  const bool sqlite = dialect == Dialect::kSqlite;
  ReplaceAll(&sql, "{{ID}}", sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  ReplaceAll(&sql, "{{BYTES}}", sqlite ? "BLOB" : "BYTEA");
  sql += sqlite ? m.sqlite_only : m.postgres_only;
  return sql;
}

}  // namespace

int LatestSchemaVersion() {
  int latest = 0;
  for (const Migration& m : kMigrations) latest = std::max(latest, m.version);
  return latest;
}

DbError Migrate(Connection* db, int64_t now, int* version_out, int up_to) {
  DbError e = db->ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "applied_at BIGINT NOT NULL)");
  if (!e.ok()) return e;
  Result r;
  e = db->Exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}, &r);
  if (!e.ok()) return e;
  int current = static_cast<int>(r.Int(0, 0));
  // Which versions are applied, not only the highest: migrations written on parallel branches (2 and 3) may reach a
  // database in either order, and each must still run exactly once.
  Result applied_rows;
  e = db->Exec("SELECT version FROM schema_migrations", {}, &applied_rows);
  if (!e.ok()) return e;
  std::set<int64_t> applied;
  for (size_t i = 0; i < applied_rows.size(); ++i) applied.insert(applied_rows.Int(i, 0));
  if (current > LatestSchemaVersion()) {
    return {DbErrorKind::kOther, "database schema version " + std::to_string(current) +
                                     " is newer than this program's " + std::to_string(LatestSchemaVersion())};
  }
  for (const Migration& m : kMigrations) {
    if (applied.count(m.version) != 0) continue;
    if (up_to > 0 && m.version > up_to) break;
    if (e = db->Begin(true); !e.ok()) return e;
    e = db->ExecScript(ForDialect(m, db->dialect()));
    if (e.ok()) {
      e = db->Exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {int64_t{m.version}, now},
                   nullptr);
    }
    if (e.ok()) e = db->Commit();
    if (!e.ok()) {
      db->Rollback();
      return e;
    }
    current = std::max(current, m.version);
  }
  if (version_out != nullptr) *version_out = current;
  return {};
}

}  // namespace kopsehat::store
