// app/app.cc — see app.h. Each public operation: authenticate → load what it acts on → ask Allowed() → check the
// workflow state → write in one transaction with its audit entry.
#include "app/app.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/check.h"
#include "core/json_writer.h"
#include "core/text.h"
#include "interchange/fields.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_json_writer.h"
#include "interchange/laporan_reader.h"
#include "interchange/template_writer.h"
#include "plan/actions.h"
#include "report/json_report.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace kopsehat::app {

using store::Connection;
using store::DbError;
using store::DbErrorKind;
using store::Role;
using store::Status;

Outcome Outcome::Error(Code code, std::string path, std::string kode, std::string pesan, std::string message) {
  Outcome o;
  o.code = code;
  o.problems.Add(std::move(path), std::move(kode), std::move(pesan), std::move(message));
  return o;
}

namespace {

// What a report of a stored laporan says besides its figures: who finalised it and the province of its region
// (the zone of its times).
DbError ReportContext(Connection* db, const store::LaporanRecord& rec, const store::Cooperative& coop,
                      std::string* finaliser_name, std::string* provinsi) {
  finaliser_name->clear();
  provinsi->clear();
  if (rec.finalised_by) {
    store::User u;
    bool found = false;
    DbError e = store::GetUser(db, *rec.finalised_by, &u, &found);
    if (!e.ok()) return e;
    if (found) *finaliser_name = u.display_name.empty() ? u.username : u.display_name;
  }
  std::vector<store::Region> regions;
  DbError e = store::ListRegions(db, &regions);
  if (!e.ok()) return e;
  for (const store::Region& r : regions) {
    if (r.id == coop.region_id) *provinsi = r.provinsi;
  }
  return {};
}

constexpr size_t kMaxReasonChars = 2000;
constexpr size_t kMaxNameChars = 200;
// The early-warning margin: a score within this many points of the next lower predikat's threshold.
constexpr int64_t kWarningMarginE6 = 2'000'000;

Outcome Forbidden() {
  return Outcome::Error(Code::kForbidden, "", "tidak_berhak", "Anda tidak berhak melakukan ini.",
                        "You are not allowed to do this.");
}
Outcome NotFound(const char* what_id, const char* what_en) {
  return Outcome::Error(Code::kNotFound, "", "tidak_ditemukan", std::string(what_id) + " tidak ditemukan.",
                        std::string(what_en) + " not found.");
}
Outcome WrongState(const char* pesan, const char* message) {
  return Outcome::Error(Code::kConflict, "status", "status_tidak_sesuai", pesan, message);
}
// A failed database call as the user sees it: a constraint is a conflict with what is stored (a concurrent request
// got there first); anything else is an internal error. The database's own message goes to the log, never to the
// user (it can quote their input and our schema).
Outcome DbFailure(const DbError& e) {
  // One JSON object per line whatever the driver's message holds (escaped, valid UTF-8, bounded).
  std::string line = "{\"level\":\"error\",\"msg\":\"database\",\"kind\":" + std::to_string(int(e.kind)) + ",\"detail\":";
  AppendJsonString(SafeText(e.message, 500), &line);
  line += "}\n";
  std::fputs(line.c_str(), stderr);
  if (e.kind == DbErrorKind::kConstraint) {
    // A concurrent request got there first (a second final, a second revision, a period taken meanwhile).
    return Outcome::Error(Code::kConflict, "", "bentrok", "Data berubah atau sudah ada; muat ulang lalu coba lagi.",
                          "The data changed or exists already; reload and try again.");
  }
  return Outcome::Error(Code::kInternal, "", "galat_basis_data", "Kesalahan basis data; coba lagi.",
                        "Database error; please try again.");
}

// Text that is not clean UTF-8 (or holds NUL or, on one line, control characters) is refused where it enters:
// stored, it would break every later read of the laporan, and PostgreSQL refuses it outright.
bool CheckText(std::string_view value, const std::string& field, bool single_line, Outcome* out) {
  if (IsCleanText(value, single_line)) return true;
  *out = Outcome::Error(Code::kInvalid, field, "teks_tidak_sah",
                        "teks bukan UTF-8 yang sah atau memuat karakter kendali; simpan berkas sebagai UTF-8",
                        "the text is not valid UTF-8 or holds control characters; save the file as UTF-8");
  return false;
}

bool InRegions(const store::User& u, int64_t region_id) {
  for (int64_t r : u.region_ids) {
    if (r == region_id) return true;
  }
  return false;
}

bool OwnCooperative(const store::User& u, const store::Cooperative* coop) {
  return coop != nullptr && u.cooperative_id && *u.cooperative_id == coop->id;
}

// A reason an examiner or a correction must give: present, and bounded.
bool CheckReason(const std::string& reason, const char* field, Outcome* out) {
  std::string trimmed = reason;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n' || trimmed.back() == '\r')) {
    trimmed.pop_back();
  }
  if (trimmed.empty()) {
    *out = Outcome::Error(Code::kInvalid, field, "alasan_wajib", "alasan wajib diisi", "a reason is required");
    return false;
  }
  if (!CheckText(reason, field, false, out)) return false;
  if (reason.size() > kMaxReasonChars) {
    *out = Outcome::Error(Code::kInvalid, field, "terlalu_panjang",
                          "paling banyak " + std::to_string(kMaxReasonChars) + " karakter",
                          "at most " + std::to_string(kMaxReasonChars) + " characters");
    return false;
  }
  return true;
}

std::string JsonObject(std::initializer_list<std::pair<const char*, std::string>> fields) {
  std::string out = "{";
  for (const auto& [k, v] : fields) {
    if (out.size() > 1) out += ",";
    AppendJsonString(k, &out);
    out += ":";
    AppendJsonString(v, &out);
  }
  return out + "}";
}

// The board's stored limits over `limits` (the defaults). A stored limit the action book no longer has, or a value
// it no longer takes, is a problem on the page and the limit keeps its default; the row stays until changed.
void ApplyStoredLimits(const std::vector<store::PlanLimit>& stored, Limits* limits, Problems* problems) {
  for (const store::PlanLimit& s : stored) {
    Problems one;
    if (SetLimit(s.limit_id, s.persen, limits, &one)) {
      limits->Find(s.limit_id)->note = s.alasan;
      continue;
    }
    problems->Add("batas." + s.limit_id, "batas_tersimpan_tidak_berlaku",
                  "batas tersimpan '" + s.limit_id + "' (" + s.persen +
                      " %) tidak berlaku lagi menurut buku tindakan; dipakai nilai bawaan",
                  "the stored limit '" + s.limit_id + "' (" + s.persen +
                      " %) no longer applies by the action book; its default is used");
  }
}

// One row of the limits form checked and applied to `limits`; each problem at its form field, led by the limit's
// label ("Menagih pinjaman macet: harus persen 0 sampai 100 ...").
void CheckLimitInput(const LimitInput& in, Limits* limits, Problems* problems) {
  const LimitUse* limit = in.id.size() <= 60 ? limits->Find(in.id) : nullptr;
  if (limit == nullptr) {
    problems->Add("batas." + in.id.substr(0, 60), "batas_tidak_dikenal", "batas '" + in.id + "' tidak dikenal",
                  "unknown limit '" + in.id + "'");
    return;
  }
  const Label& name = limit->Name();
  const auto add = [&](const std::string& field, const Problem& p) {
    problems->Add(field + in.id, p.code, name.id + ": " + p.pesan, name.Get(Lang::kEn) + ": " + p.message);
  };
  Problems one;
  if (in.persen.size() > 20) {
    one.Add("", "batas_tidak_sah", "harus persen 0 sampai 100 (mis. 40 atau 12,5)",
            "must be a percentage from 0 to 100 (e.g. 40 or 12.5)");
  } else {
    SetLimit(in.id, in.persen, limits, &one);
  }
  for (const Problem& p : one.items()) add("batas.", p);
  Outcome bad;
  if (!CheckText(in.alasan, "alasan." + in.id, true, &bad)) {
    add("alasan.", bad.problems.items()[0]);
  } else if (in.alasan.size() > App::kMaxLimitReasonChars) {
    add("alasan.", Problem{"", "terlalu_panjang",
                           "alasan paling banyak " + std::to_string(App::kMaxLimitReasonChars) + " karakter",
                           "a reason of at most " + std::to_string(App::kMaxLimitReasonChars) + " characters"});
  }
}

// The action book the plans are made with, or null with *error an internal error (the embedded book is ours).
const ActionBook* PlanBook(Outcome* error) {
  const ActionBook* book = EmbeddedActionBook(&error->problems);
  if (book == nullptr) error->code = Code::kInternal;
  return book;
}

// A limit's state for the audit log: the board's value and reason, or the action book's default.
std::string LimitAuditJson(const std::string& id, const store::PlanLimit* own, const std::string& default_pct) {
  if (own == nullptr) return JsonObject({{"batas", id}, {"persen", default_pct}, {"sumber", "bawaan"}});
  return JsonObject({{"batas", id}, {"persen", own->persen}, {"alasan", own->alasan}, {"sumber", "koperasi"}});
}

// The method a laporan is assessed with in the web application: its own `metode`, else the examiners' method for its
// period (DefaultMetodeFor). Goal methods (PEARLS) have no score or predikat, so they are refused here; `kopsehat
// assess` handles them.
const Rulebook* WebRulebook(const Laporan& laporan, Problems* problems) {
  const std::string id =
      laporan.metode.empty() ? DefaultMetodeFor(laporan.periode_akhir, laporan.cooperative.jenis) : laporan.metode;
  Problems ignored;
  if (EmbeddedGoalRulebookById(id, &ignored) != nullptr) {
    problems->Add("metode", "metode_sasaran",
                  "metode '" + id + "' (PEARLS) tidak memberi skor dan predikat; aplikasi web memakai metode berskor",
                  "method '" + id + "' (PEARLS) gives no score or predikat; the web application uses scored methods");
    return nullptr;
  }
  const Rulebook* rb = EmbeddedRulebookById(id, problems);
  if (rb == nullptr && problems->empty()) {
    problems->Add("metode", "metode_tidak_dikenal", "metode '" + id + "' tidak dikenal",
                  "unknown method '" + id + "'");
  }
  return rb;
}

// Whether losing two points would drop the latest final score to a lower predikat of its own method: the thresholds
// of the method and version the result was made with (a 2016 score of 81 is not "near" KKPKK's edges), falling back
// to the method's current version when that version is no longer embedded.
bool NearLowerPredikat(const store::CooperativeSummary& s) {
  Problems ignored;
  const Rulebook* rb = EmbeddedRulebookVersion(s.latest_rulebook_id, s.latest_rulebook_version, &ignored);
  if (rb == nullptr) rb = EmbeddedRulebookById(s.latest_rulebook_id, &ignored);
  if (rb == nullptr) return false;
  for (const PredikatRule& rule : rb->predikat) {
    if (rule.label == s.latest_predikat) return rule.has_min && s.latest_total_e6 - rule.min_e6 < kWarningMarginE6;
  }
  return false;
}

}  // namespace

bool Allowed(const store::User& u, Action action, const store::Cooperative* coop) {
  if (!u.active) return false;
  const bool examiner_of = u.role == Role::kDinas && coop != nullptr && InRegions(u, coop->region_id);
  const bool own = OwnCooperative(u, coop);
  switch (action) {
    case Action::kViewCooperative:
      return u.role == Role::kAdmin || examiner_of ||
             (own && (u.role == Role::kPengurus || u.role == Role::kPengelola || u.role == Role::kPengawas));
    case Action::kViewPublished:
      return Allowed(u, Action::kViewCooperative, coop) || (own && u.role == Role::kAnggota);
    case Action::kEditLaporan:
      return own && (u.role == Role::kPengurus || u.role == Role::kPengelola);
    case Action::kSubmit:
      return own && u.role == Role::kPengurus;
    case Action::kReview:
      return examiner_of;  // separation of duties: the administrator does not examine
    case Action::kSetPlanLimits:
      return own && (u.role == Role::kPengurus || u.role == Role::kPengelola);
    case Action::kViewRegion:
      return u.role == Role::kAdmin || u.role == Role::kDinas;
    case Action::kAdminister:
      return u.role == Role::kAdmin;
  }
  return false;
}

void FillAssessment(const Laporan& laporan, const Assessment& a, store::LaporanRecord* rec) {
  rec->periode_akhir = laporan.periode_akhir;
  rec->laporan_json = LaporanToJson(laporan);
  rec->rulebook_id = a.rulebook->id;
  rec->rulebook_version = a.rulebook->version;
  rec->total_e6 = a.total_e6;
  rec->predikat = a.Predikat().label;
  rec->hasil_json.clear();
  AppendPenilaianJson(a, Lang::kId, &rec->hasil_json);
  // The aspect percentages the dashboard shows, as hasil_json has them (pool.pct_e6, only in methods that weigh
  // aspect percentages), so the dashboard never parses hasil_json.
  rec->aspek_pct_e6 = {};
  if (!a.rulebook->ScorePercent()) return;
  for (const AspectResult& r : a.aspects) {
    for (size_t k = 0; k < store::kKkpkkAspectIds.size(); ++k) {
      if (r.spec->id == store::kKkpkkAspectIds[k]) rec->aspek_pct_e6[k] = r.pool.pct_e6;
    }
  }
}

std::optional<int64_t> ScoreChangeE6(const store::CooperativeSummary& s) {
  if (!s.latest_id || !s.previous_total_e6 || s.previous_rulebook_id != s.latest_rulebook_id) return std::nullopt;
  return s.latest_total_e6 - *s.previous_total_e6;
}

bool MethodBreak(const store::CooperativeSummary& s) {
  return s.latest_id && s.previous_total_e6 && s.previous_rulebook_id != s.latest_rulebook_id;
}

namespace {

struct PredikatTable {
  std::vector<std::string> labels;
  std::vector<int> ranks;  // parallel to labels
};

const PredikatTable& Predikats() {
  static const PredikatTable table = [] {
    PredikatTable t;
    for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
      Problems ignored;
      const Rulebook* rb = EmbeddedRulebookById(e.id, &ignored);  // null for goal methods (no predikat)
      if (rb == nullptr) continue;
      for (size_t i = 0; i < rb->predikat.size(); ++i) {
        const std::string& label = rb->predikat[i].label;
        if (std::find(t.labels.begin(), t.labels.end(), label) != t.labels.end()) continue;
        t.labels.push_back(label);
        t.ranks.push_back(int(i));
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

const std::vector<std::string>& PredikatLabels() { return Predikats().labels; }

int PredikatRank(std::string_view label) {
  const PredikatTable& t = Predikats();
  for (size_t i = 0; i < t.labels.size(); ++i) {
    if (t.labels[i] == label) return t.ranks[i];
  }
  return -1;
}

std::string ExpectedPeriode(int64_t now, int submission_months, bool* past_deadline) {
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  const int year = tm.tm_year + 1900 - 1;  // the last closed financial year (they end on 31 December)
  const int month_now = tm.tm_mon + 1 + 12 * (tm.tm_year + 1900 - year - 1);
  *past_deadline = month_now > submission_months;
  return std::to_string(year) + "-12-31";
}

int64_t NextDeadlineChange(int64_t now, int submission_months) {
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::tm next_year{};
  next_year.tm_year = tm.tm_year + 1;
  next_year.tm_mday = 1;
  int64_t next = static_cast<int64_t>(timegm(&next_year));
  // past_deadline turns true at the start of month submission_months + 1 (ExpectedPeriode), once a year.
  if (submission_months >= 0 && submission_months < 12 && tm.tm_mon + 1 <= submission_months) {
    std::tm deadline{};
    deadline.tm_year = tm.tm_year;
    deadline.tm_mon = submission_months;
    deadline.tm_mday = 1;
    next = std::min(next, static_cast<int64_t>(timegm(&deadline)));
  }
  return next;
}

App::App(store::Store* store, AppOptions options)
    : store_(store),
      options_(std::move(options)),
      password_checks_(options_.max_password_checks > 0 ? options_.max_password_checks
                                                        : int(std::max(1u, std::thread::hardware_concurrency()))),
      dummy_hash_(HashPassword("kopsehat-dummy-password", options_.password_cost)) {}

int64_t App::Now() const {
  if (options_.now) return options_.now();
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Outcome App::Run(bool write, const std::function<Outcome(Connection*)>& body, bool changes_data) {
  Outcome result;
  const auto wrapped = [&](Connection* db) -> DbError {
    result = body(db);
    if (result.code == Code::kInternal) return {DbErrorKind::kOther, "internal"};
    // Any refusal rolls back whatever the body wrote before deciding.
    return result.ok() ? DbError{} : DbError{DbErrorKind::kOther, "refused"};
  };
  const DbError e = write ? store_->Write(wrapped) : store_->Read(wrapped);
  if (!result.ok()) return result;
  if (!e.ok()) return DbFailure(e);
  if (write && changes_data) data_generation_.fetch_add(1);
  return result;
}

// ---- Sessions ----

Outcome App::Login(const std::string& username, const std::string& password, const std::string& client,
                   std::string* token, Principal* out) {
  const int64_t now = Now();
  // The attempt is counted before the password is checked (docs/operasi.md, "Batas percobaan masuk").
  const std::string name = username.substr(0, kMaxNameChars);
  const std::string pair_key = "u:" + name + "|c:" + client;
  const std::vector<std::pair<std::string, int>> keys = {{pair_key, LoginThrottle::kMaxFailures},
                                                         {"u:" + name, LoginThrottle::kMaxUserFailures},
                                                         {"c:" + client, LoginThrottle::kMaxClientFailures}};
  if (!throttle_.Reserve(keys, now)) {
    return Outcome::Error(Code::kThrottled, "", "terlalu_banyak_percobaan",
                          "Terlalu banyak percobaan masuk yang gagal; coba lagi 15 menit lagi.",
                          "Too many failed logins; try again in 15 minutes.");
  }
  const auto give_back = [&] {
    for (const auto& [key, limit] : keys) throttle_.Release(key);
  };
  store::User user;
  bool found = false;
  Outcome o = Run(false, [&](Connection* db) -> Outcome {
    if (username.size() > kMaxNameChars || !IsCleanText(username, true)) return {};  // no such user
    DbError e = store::GetUserByName(db, username, &user, &found);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
  if (!o.ok()) {
    give_back();
    return o;
  }
  if (!password_checks_.Enter(options_.password_check_wait)) {
    give_back();  // not checked: not a failure
    return Outcome::Error(Code::kUnavailable, "", "server_sibuk",
                          "Server sedang sibuk memeriksa kata sandi lain; coba lagi beberapa detik lagi.",
                          "The server is busy checking other passwords; try again in a few seconds.");
  }
  const int running = ++password_checks_running_;
  for (int peak = password_checks_peak_.load(); running > peak && !password_checks_peak_.compare_exchange_weak(peak, running);) {
  }
  ++password_checks_done_;
  // Verify even for an unknown user against a fixed hash, so the reply time does not tell which names exist.
  const bool password_ok =
      VerifyPassword(found ? user.password_hash : dummy_hash_, password.substr(0, kMaxPasswordBytes));
  --password_checks_running_;
  password_checks_.Leave();
  if (!found || !password_ok || !user.active) {
    return Outcome::Error(Code::kUnauthenticated, "", "gagal_masuk", "Nama pengguna atau kata sandi salah.",
                          "Wrong user name or password.");
  }
  give_back();
  throttle_.Succeeded(pair_key);
  *token = RandomToken();
  out->user = user;
  out->session = {Sha256Hex(*token), user.id, RandomToken(), now, now + options_.session_ttl_s};
  return Run(true, [&](Connection* db) -> Outcome {
    DbError e = store::DeleteExpiredSessions(db, now);
    if (e.ok()) e = store::InsertSession(db, out->session);
    if (e.ok()) e = store::InsertAudit(db, {0, now, user.id, user.cooperative_id, "masuk", "session", {}, "", ""});
    return e.ok() ? Outcome{} : DbFailure(e);
  }, /*changes_data=*/false);
}

Outcome App::Authenticate(const std::string& token, Principal* out) {
  const Outcome unauthenticated = Outcome::Error(Code::kUnauthenticated, "", "belum_masuk",
                                                 "Silakan masuk terlebih dahulu.", "Please log in first.");
  if (token.size() != 64) return unauthenticated;
  const int64_t now = Now();
  bool found = false;
  Outcome o = Run(false, [&](Connection* db) -> Outcome {
    DbError e = store::GetSession(db, Sha256Hex(token), &out->session, &found);
    if (e.ok() && found) e = store::GetUser(db, out->session.user_id, &out->user, &found);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
  if (!o.ok()) return o;
  if (!found || out->session.expires_at <= now || !out->user.active) return unauthenticated;
  return {};
}

Outcome App::Logout(const Principal& p) {
  return Run(true, [&](Connection* db) -> Outcome {
    DbError e = store::DeleteSession(db, p.session.token_hash);
    if (e.ok()) {
      e = store::InsertAudit(db, {0, Now(), p.user.id, p.user.cooperative_id, "keluar", "session", {}, "", ""});
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  }, /*changes_data=*/false);
}

// ---- Reading ----

namespace {

Outcome LoadCooperative(Connection* db, int64_t id, store::Cooperative* out) {
  bool found = false;
  DbError e = store::GetCooperative(db, id, out, &found);
  if (!e.ok()) return DbFailure(e);
  return found ? Outcome{} : NotFound("Koperasi", "Cooperative");
}

// The refusal of `action` on a cooperative: "not found" when the user may not even see it (ids of other tenants
// cannot be probed), "forbidden" when they see it but may not do this.
Outcome Refuse(const store::User& u, const store::Cooperative& c) {
  return Allowed(u, Action::kViewPublished, &c) ? Forbidden() : NotFound("Koperasi", "Cooperative");
}

// Reads the stored figures back and assesses them with the stored method. A final result is recomputed with the
// version it was finalised under while that version is still embedded (rules/lama/), so it reads exactly as signed;
// a draft, or a final result whose version is gone, with the current version (`method_changed` says so).
bool Reassess(const store::LaporanRecord& rec, Laporan* laporan, Assessment* a, bool* method_changed) {
  LaporanJsonReader reader;
  Problems problems;
  if (!reader.Read(rec.laporan_json, laporan, &problems)) return false;
  const Rulebook* rb = nullptr;
  if (rec.status == Status::kFinal) rb = EmbeddedRulebookVersion(rec.rulebook_id, rec.rulebook_version, &problems);
  if (rb == nullptr) rb = EmbeddedRulebookById(rec.rulebook_id, &problems);
  if (rb == nullptr) return false;
  *method_changed = rb->version != rec.rulebook_version;
  return Evaluate(*laporan, *rb, EvaluateOptions{}, a, &problems);
}

}  // namespace

Outcome App::ViewCooperative(const Principal& p, int64_t coop_id, CooperativeView* out) {
  return Run(false, [&](Connection* db) -> Outcome {
    Outcome o = LoadCooperative(db, coop_id, &out->cooperative);
    if (!o.ok()) return o;
    if (!Allowed(p.user, Action::kViewPublished, &out->cooperative)) return Refuse(p.user, out->cooperative);
    DbError e = store::ListLaporan(db, coop_id, &out->laporan);
    if (!e.ok()) return DbFailure(e);
    if (!Allowed(p.user, Action::kViewCooperative, &out->cooperative)) {
      std::erase_if(out->laporan, [](const store::LaporanRecord& l) { return l.status != Status::kFinal; });
    }
    out->may_edit = Allowed(p.user, Action::kEditLaporan, &out->cooperative);
    out->may_view_audit = Allowed(p.user, Action::kViewCooperative, &out->cooperative);
    return {};
  });
}

Outcome App::PrepareNewLaporan(const Principal& p, int64_t coop_id, CooperativeView* out) {
  Outcome o = ViewCooperative(p, coop_id, out);
  if (o.ok() && !out->may_edit) return Forbidden();
  return o;
}

Outcome App::PlanLaporan(const Principal& p, int64_t laporan_id, PlanView* out,
                         const std::vector<std::pair<std::string, std::string>>& limit_overrides) {
  Outcome o = ViewLaporan(p, laporan_id, &out->laporan);
  if (!o.ok()) return o;
  if (!Allowed(p.user, Action::kViewCooperative, &out->laporan.cooperative)) {
    return Outcome::Error(Code::kForbidden, "", "tidak_berhak",
                          "Rencana tersedia bagi pengurus, pengelola, pengawas dan pemeriksa.",
                          "The plan is for the board, managers, supervisors and examiners.");
  }
  if (out->laporan.incomplete) {
    out->unavailable = PlanView::Unavailable::kIncomplete;
    return {};
  }
  const Rulebook& rb = *out->laporan.assessment.rulebook;
  const ActionBook* book = PlanBook(&o);
  if (book == nullptr) return o;
  // Checklist items are actions for a method with an effort book (KKPKK); the embedded one fits its method (a test
  // checks it), so a mismatch here is a build error, reported as such.
  const EffortBook* effort = EmbeddedEffortBook(rb.id, &o.problems);
  if (effort != nullptr && !CheckEffortBook(*effort, rb, &o.problems)) {
    o.code = Code::kInternal;
    return o;
  }
  out->target_e6 = rb.predikat.front().has_min ? rb.predikat.front().min_e6 : 0;
  if (o = PlanLimits(p, laporan_id, &out->stored_limits); !o.ok()) return o;
  out->may_set_limits = Allowed(p.user, Action::kSetPlanLimits, &out->laporan.cooperative);
  Limits limits = DefaultLimits(*book);
  ApplyStoredLimits(out->stored_limits, &limits, &out->limit_problems);
  for (const auto& [id, pct] : limit_overrides) SetLimit(id, pct, &limits, &out->limit_problems);
  out->limits_tried = !limit_overrides.empty();
  out->plan = MakePlan(out->laporan.laporan, rb, EvaluateOptions{}, out->laporan.assessment, *book, limits,
                       out->target_e6, {}, effort);
  return {};
}

Outcome App::PlanLimits(const Principal& p, int64_t laporan_id, std::vector<store::PlanLimit>* out) {
  return Run(false, [&](Connection* db) -> Outcome {
    store::LaporanRecord rec;
    store::Cooperative coop;
    Outcome o = LoadForAction(db, p, laporan_id, Action::kViewCooperative, &rec, &coop);
    if (!o.ok()) return o;
    const DbError e = store::ListPlanLimits(db, laporan_id, out);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

// One limit of a laporan changed within WritePlanLimits' transaction: its row written (`after`) or removed (null:
// back to the default), with the audit entry that keeps its value and reason before and after.
DbError App::PlanLimitWrite::Change(const std::string& limit_id, const std::string& default_pct,
                                    const store::PlanLimit* before, const store::PlanLimit* after) const {
  DbError e = after != nullptr ? store::PutPlanLimit(db, *after) : store::DeletePlanLimit(db, laporan_id, limit_id);
  if (!e.ok()) return e;
  return store::InsertAudit(db, {0, at, user_id, cooperative_id, "rencana.batas", "laporan", laporan_id,
                                 LimitAuditJson(limit_id, before, default_pct),
                                 LimitAuditJson(limit_id, after, default_pct)});
}

Outcome App::WritePlanLimits(const Principal& p, int64_t laporan_id,
                             const std::function<DbError(const PlanLimitWrite&, const std::vector<store::PlanLimit>&)>&
                                 change) {
  const int64_t now = Now();
  // The plan limits are no part of what the regional dashboard shows: its snapshot stays (changes_data false).
  return Run(true, [&](Connection* db) -> Outcome {
    store::LaporanRecord rec;
    store::Cooperative coop;
    Outcome r = LoadForAction(db, p, laporan_id, Action::kSetPlanLimits, &rec, &coop, /*lock=*/true);
    if (!r.ok()) return r;
    std::vector<store::PlanLimit> stored;
    DbError e = store::ListPlanLimits(db, laporan_id, &stored);
    if (e.ok()) e = change(PlanLimitWrite{db, laporan_id, coop.id, p.user.id, now}, stored);
    return e.ok() ? Outcome{} : DbFailure(e);
  }, /*changes_data=*/false);
}

Outcome App::SavePlanLimits(const Principal& p, int64_t laporan_id, const std::vector<LimitInput>& inputs) {
  if (Outcome allowed = PreCheck(p, 0, laporan_id, Action::kSetPlanLimits); !allowed.ok()) return allowed;
  Outcome o;
  const ActionBook* book = PlanBook(&o);
  if (book == nullptr) return o;
  if (inputs.size() > kMaxLimitInputs) {
    return Outcome::Error(Code::kInvalid, "batas", "terlalu_banyak",
                          "paling banyak " + std::to_string(kMaxLimitInputs) + " batas sekali simpan",
                          "at most " + std::to_string(kMaxLimitInputs) + " limits in one save");
  }
  // Every input checked before anything is written: the limits they make, or every problem at once.
  Limits limits = DefaultLimits(*book);
  o.code = Code::kInvalid;
  for (const LimitInput& in : inputs) CheckLimitInput(in, &limits, &o.problems);
  if (!o.problems.empty()) return o;
  return WritePlanLimits(p, laporan_id, [&](const PlanLimitWrite& w, const std::vector<store::PlanLimit>& stored) {
    DbError e;
    for (size_t i = 0; i < inputs.size() && e.ok(); ++i) {
      // A limit named twice in one form counts once, as typed last (as `limits` has it).
      bool again = false;
      for (size_t j = i + 1; j < inputs.size(); ++j) again = again || inputs[j].id == inputs[i].id;
      if (again) continue;
      const LimitUse& limit = *limits.Find(inputs[i].id);
      const store::PlanLimit* before = nullptr;
      for (const store::PlanLimit& s : stored) before = s.limit_id == limit.id ? &s : before;
      const store::PlanLimit after{w.laporan_id, w.cooperative_id, limit.id, PlainLimitPercent(limit.pct),
                                   inputs[i].alasan, w.user_id, "", w.at};
      // At its default with nothing to say, a limit follows the default (a later action book's too).
      const bool own = limit.overridden || !after.alasan.empty();
      if (own && before != nullptr && before->persen == after.persen && before->alasan == after.alasan) continue;
      if (!own && before == nullptr) continue;
      e = w.Change(limit.id, PlainLimitPercent(limit.default_pct), before, own ? &after : nullptr);
    }
    return e;
  });
}

Outcome App::ResetPlanLimits(const Principal& p, int64_t laporan_id) {
  if (Outcome allowed = PreCheck(p, 0, laporan_id, Action::kSetPlanLimits); !allowed.ok()) return allowed;
  Outcome o;
  const ActionBook* book = PlanBook(&o);
  if (book == nullptr) return o;
  const Limits defaults = DefaultLimits(*book);
  return WritePlanLimits(p, laporan_id, [&](const PlanLimitWrite& w, const std::vector<store::PlanLimit>& stored) {
    DbError e;
    for (size_t i = 0; i < stored.size() && e.ok(); ++i) {
      // A limit the action book no longer has was ignored by every plan since; it goes all the same.
      const LimitUse* limit = defaults.Find(stored[i].limit_id);
      e = w.Change(stored[i].limit_id, limit != nullptr ? PlainLimitPercent(limit->default_pct) : "", &stored[i],
                   nullptr);
    }
    return e;
  });
}

Outcome App::ViewAdmin(const Principal& p, AdminView* out) {
  if (!Allowed(p.user, Action::kAdminister, nullptr)) {
    return Outcome::Error(Code::kForbidden, "", "tidak_berhak", "Khusus admin.", "Administrators only.");
  }
  return Run(false, [&](Connection* db) -> Outcome {
    DbError e = store::ListRegions(db, &out->regions);
    if (e.ok()) e = store::ListCooperatives(db, {}, true, &out->cooperatives);
    if (e.ok()) e = store::ListUsers(db, &out->users);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

Outcome App::LoadForAction(Connection* db, const Principal& p, int64_t laporan_id, Action action,
                           store::LaporanRecord* rec, store::Cooperative* coop, bool lock) {
  bool found = false;
  DbError e = store::GetLaporan(db, laporan_id, rec, &found, lock);
  if (!e.ok()) return DbFailure(e);
  if (!found) return NotFound("Laporan", "Laporan");
  Outcome o = LoadCooperative(db, rec->cooperative_id, coop);
  if (!o.ok()) return o;
  // Published results are all an anggota may see; a draft is not theirs to know of.
  const bool visible = Allowed(p.user, Action::kViewCooperative, coop) ||
                       (rec->status == Status::kFinal && Allowed(p.user, Action::kViewPublished, coop));
  if (!visible) return NotFound("Laporan", "Laporan");
  if (action != Action::kViewPublished && !Allowed(p.user, action, coop)) return Forbidden();
  return {};
}

namespace {
// Defined with the cooperative's laporan below.
bool AssessLaporan(const Laporan& laporan, Assessment* a, Problems* problems);
bool BuildFromFields(const std::vector<std::pair<std::string, std::string>>& fields, Laporan* laporan,
                     Problems* problems);
bool FieldsFromJson(const std::string& text, std::vector<std::pair<std::string, std::string>>* out);
}  // namespace

Outcome App::ViewLaporan(const Principal& p, int64_t laporan_id, LaporanView* out) {
  *out = LaporanView{};  // a view filled before (a caller reusing it) must not leak its fields or problems
  Outcome o = Run(false, [&](Connection* db) -> Outcome {
    Outcome r = LoadForAction(db, p, laporan_id, Action::kViewPublished, &out->record, &out->cooperative);
    if (!r.ok()) return r;
    DbError e = store::ListAdjustments(db, laporan_id, &out->adjustments);
    if (e.ok()) e = store::ListEvidence(db, laporan_id, &out->evidence);
    if (e.ok()) e = ReportContext(db, out->record, out->cooperative, &out->finaliser_name, &out->provinsi);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
  if (!o.ok()) return o;
  const bool draft = out->record.status == Status::kDraft;
  out->may.edit = draft && Allowed(p.user, Action::kEditLaporan, &out->cooperative);
  out->may.submit = draft && Allowed(p.user, Action::kSubmit, &out->cooperative);
  out->may.review = out->record.status == Status::kSubmitted && Allowed(p.user, Action::kReview, &out->cooperative);
  out->may.correct = out->record.status == Status::kFinal && Allowed(p.user, Action::kReview, &out->cooperative);
  if (out->record.incomplete()) {
    // No assessment to show: what is missing is worked out again from the fields, so it follows the method of
    // today and every message is in both languages.
    out->incomplete = true;
    if (!FieldsFromJson(out->record.isian_json, &out->fields)) {
      return Outcome::Error(Code::kInternal, "", "draf_tidak_terbaca", "Isian draf tersimpan tidak dapat dibaca.",
                            "The stored draft fields cannot be read.");
    }
    Laporan partial;
    Assessment ignored;
    if (BuildFromFields(out->fields, &partial, &out->missing)) AssessLaporan(partial, &ignored, &out->missing);
    if (out->missing.empty()) {
      out->missing.Add("", "simpan_ulang", "isian sudah lengkap; simpan sekali lagi untuk menilainya",
                       "the fields are complete; save once more to assess them");
    }
    return {};
  }
  if (!Reassess(out->record, &out->laporan, &out->assessment, &out->method_changed)) {
    return Outcome::Error(Code::kInternal, "", "tidak_dapat_dinilai_ulang",
                          "Laporan tersimpan tidak dapat dinilai ulang dengan metode " + out->record.rulebook_id,
                          "The stored laporan cannot be re-assessed with method " + out->record.rulebook_id);
  }
  return {};
}

Outcome App::ListCooperatives(const Principal& p, std::vector<store::Cooperative>* out) {
  return Run(false, [&](Connection* db) -> Outcome {
    std::vector<store::Cooperative> all;
    DbError e = store::ListCooperatives(db, p.user.region_ids, p.user.role == Role::kAdmin, &all);
    if (!e.ok()) return DbFailure(e);
    if (p.user.cooperative_id) {
      store::Cooperative own;
      Outcome o = LoadCooperative(db, *p.user.cooperative_id, &own);
      if (!o.ok()) return o;
      all = {own};
    }
    out->clear();
    for (store::Cooperative& c : all) {
      if (Allowed(p.user, Action::kViewPublished, &c)) out->push_back(std::move(c));
    }
    return {};
  });
}

// The region's rows for every cooperative, with their flags: built from the database once per change of the data,
// then shared by every dashboard request. At national scale a build takes seconds (130,000 rows), so it is not
// redone on a timer but only when something it shows may have changed:
// - this process wrote data (data_generation_, at once);
// - the database's change counter moved (store::DataVersion, bumped by triggers whoever writes; compared at most
//   every kDataVersionCheckS by one request), so other servers and tools on the same database are seen within
//   seconds, at the cost of one one-row read;
// - the clock passed the snapshot's expires_at, when the expected period or its deadline (the "overdue" flag) next
//   changes.
// Built by one request at a time; the others serve the previous snapshot meanwhile.
std::shared_ptr<const App::RegionSnapshot> App::Snapshot(Outcome* error) {
  const int64_t now = Now();
  const uint64_t generation = data_generation_.load();
  const auto fresh = [&](const std::shared_ptr<const RegionSnapshot>& s) {
    return s != nullptr && s->generation == generation && now < s->expires_at && now >= s->built_at;
  };
  std::shared_ptr<const RegionSnapshot> current;
  {
    std::lock_guard lock(region_mu_);
    current = region_cache_;
  }
  if (fresh(current) && StillCurrent(*current, now)) return current;
  std::unique_lock refill(region_refill_mu_, std::try_to_lock);
  if (!refill.owns_lock()) {
    if (current != nullptr) return current;  // someone is rebuilding; the previous snapshot will do meanwhile
    refill.lock();
    std::lock_guard lock(region_mu_);
    if (fresh(region_cache_)) return region_cache_;
  }
  auto built = std::make_shared<RegionSnapshot>();
  built->generation = generation;
  built->built_at = now;
  built->expires_at = NextDeadlineChange(now, options_.submission_months);
  if (current == nullptr) {
    *error = BuildSnapshot(built.get());
  } else {
    // A rebuild while the previous snapshot serves everyone else: at national scale it is seconds of CPU, so it runs
    // on a thread of its own at the lowest priority (nice 19 for that thread only; it ends with the thread), and the
    // requests served meanwhile keep the core. This request waits for it, blocked.
    std::thread builder([&] {
      setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
      *error = BuildSnapshot(built.get());
    });
    builder.join();
  }
  if (!error->ok()) return nullptr;
  data_version_checked_at_.store(now);
  std::lock_guard lock(region_mu_);
  region_cache_ = built;
  return built;
}

bool App::StillCurrent(const RegionSnapshot& s, int64_t now) {
  int64_t checked = data_version_checked_at_.load();
  // now < checked: the clock went back (a test's, or the system's): check rather than trust.
  if (now >= checked && now - checked < kDataVersionCheckS) return true;
  if (!data_version_checked_at_.compare_exchange_strong(checked, now)) return true;  // another request checks
  int64_t version = 0;
  const Outcome o = Run(false, [&](Connection* db) -> Outcome {
    const DbError e = store::DataVersion(db, &version);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
  return o.ok() && version == s.data_version;
}

Outcome App::BuildSnapshot(RegionSnapshot* out) {
  bool past_deadline = false;
  out->expected_periode = ExpectedPeriode(out->built_at, options_.submission_months, &past_deadline);
  std::vector<store::CooperativeSummary> summaries;
  Outcome o = Run(false, [&](Connection* db) -> Outcome {
    // The counter first: a change committed while the rows are read may or may not be in them, but it moves the
    // counter past this reading, so the next check rebuilds.
    DbError e = store::DataVersion(db, &out->data_version);
    if (e.ok()) e = store::ListRegions(db, &out->regions);
    if (e.ok()) e = store::RegionSummaries(db, {}, /*all=*/true, &summaries);
    if (e.ok()) e = store::ListAwaitingReview(db, {}, /*all=*/true, &out->awaiting_review);
    return e.ok() ? Outcome{} : DbFailure(e);
  });
  if (!o.ok()) return o;
  for (store::LaporanRecord& l : out->awaiting_review) {
    // The lists show who and when; the figures stay in the database.
    l.laporan_json.clear();
    l.diajukan_json.clear();
    l.hasil_json.clear();
  }
  out->rows.reserve(summaries.size());
  for (store::CooperativeSummary& s : summaries) {
    RegionRow row;
    row.summary = std::move(s);
    const store::CooperativeSummary& sm = row.summary;
    // Like with like: a fall counts only between two results of one method (ScoreChangeE6); across a change of
    // method the difference of two scales means nothing, so only the near-threshold test speaks.
    const std::optional<int64_t> change = ScoreChangeE6(sm);
    if (change && *change < 0) {
      row.early_warning = true;
      row.warning_reason_id = "skor turun dari tahun sebelumnya";
      row.warning_reason_en = "score fell since the previous year";
    } else if (sm.latest_id && NearLowerPredikat(sm)) {
      row.early_warning = true;
      row.warning_reason_id = "kurang dari 2 poin di atas batas predikat yang lebih rendah";
      row.warning_reason_en = "less than 2 points above the threshold of a lower predikat";
    }
    row.overdue = past_deadline && sm.last_submitted_periode < out->expected_periode;
    out->rows.push_back(std::move(row));
  }
  // The database sorts by its collation; the table's order is CompareFold's. Sorted here once per snapshot, so a
  // request for the default order of 130,000 rows neither sorts nor checks.
  std::sort(out->rows.begin(), out->rows.end(), [](const RegionRow& a, const RegionRow& b) {
    const int c = CompareFold(a.summary.cooperative.nama, b.summary.cooperative.nama);
    return c != 0 ? c < 0 : a.summary.cooperative.id < b.summary.cooperative.id;
  });
  std::unordered_map<int64_t, uint32_t> row_of;  // cooperative → its index in rows
  row_of.reserve(out->rows.size());
  for (uint32_t i = 0; i < out->rows.size(); ++i) {
    const RegionRow& row = out->rows[i];
    const store::CooperativeSummary& sm = row.summary;
    row_of[sm.cooperative.id] = i;
    RegionSnapshot::OfRegion& region = out->of_region[sm.cooperative.region_id];
    region.by_predikat[sm.latest_predikat]++;
    region.by_metode[sm.latest_rulebook_id]++;
    region.rows.push_back(i);
    if (row.early_warning) {
      region.early_warning.push_back(i);
      out->early_warning_rows.push_back(&row);
    }
    if (row.overdue) {
      region.overdue.push_back(i);
      out->overdue_rows.push_back(&row);
    }
  }
  std::vector<store::LaporanRecord> awaiting = std::move(out->awaiting_review);
  out->awaiting_review.clear();
  for (store::LaporanRecord& l : awaiting) {
    const auto it = row_of.find(l.cooperative_id);
    if (it == row_of.end()) continue;  // a cooperative added since its rows were read: the next snapshot has both
    const store::Cooperative& coop = out->rows[it->second].summary.cooperative;
    out->of_region[coop.region_id].awaiting.push_back(static_cast<uint32_t>(out->awaiting_review.size()));
    out->awaiting_cooperatives.push_back(&coop);
    out->awaiting_review.push_back(std::move(l));
  }
  return {};
}

namespace {

// The indices of `part` (ascending per region) over several regions, ascending: the snapshot's order.
std::vector<uint32_t> Merged(const std::vector<const std::vector<uint32_t>*>& parts) {
  std::vector<uint32_t> out;
  for (const std::vector<uint32_t>* part : parts) out.insert(out.end(), part->begin(), part->end());
  if (parts.size() > 1) std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::shared_ptr<const App::RegionSnapshot::Gathered> App::GatherRegions(const RegionSnapshot& snap,
                                                                         const std::vector<int64_t>& region_ids) {
  {
    std::lock_guard lock(snap.gathered_mu);
    const auto it = snap.gathered.find(region_ids);
    if (it != snap.gathered.end()) return it->second;
  }
  std::vector<const std::vector<uint32_t>*> rows, early_warning, overdue, awaiting;
  for (const int64_t id : region_ids) {
    const auto it = snap.of_region.find(id);
    if (it == snap.of_region.end()) continue;
    rows.push_back(&it->second.rows);
    early_warning.push_back(&it->second.early_warning);
    overdue.push_back(&it->second.overdue);
    awaiting.push_back(&it->second.awaiting);
  }
  auto g = std::make_shared<RegionSnapshot::Gathered>();
  for (const uint32_t i : Merged(rows)) g->rows.push_back(&snap.rows[i]);
  for (const uint32_t i : Merged(early_warning)) g->early_warning_rows.push_back(&snap.rows[i]);
  for (const uint32_t i : Merged(overdue)) g->overdue_rows.push_back(&snap.rows[i]);
  for (const uint32_t i : Merged(awaiting)) {
    g->awaiting_review.push_back(&snap.awaiting_review[i]);
    g->awaiting_cooperatives.push_back(snap.awaiting_cooperatives[i]);
  }
  std::lock_guard lock(snap.gathered_mu);
  if (snap.gathered.size() < RegionSnapshot::kMaxGatheredSets) snap.gathered.emplace(region_ids, g);
  return g;
}

namespace {

// Shows the lists of `from` in `out` as spans (no copy), kept alive by `owner`: the whole snapshot's, or the
// regions one user sees (RegionSnapshot::Gathered has the same names).
template <typename Lists>
void ShowLists(const Lists& from, const std::shared_ptr<const void>& owner, RegionView* out) {
  out->rows.Span(from.rows, owner);
  out->early_warning_rows.Span(from.early_warning_rows, owner);
  out->overdue_rows.Span(from.overdue_rows, owner);
  out->awaiting_review.Span(from.awaiting_review, owner);
  out->awaiting_cooperatives = from.awaiting_cooperatives;
}

}  // namespace

Outcome App::ViewRegion(const Principal& p, RegionView* out) {
  if (!Allowed(p.user, Action::kViewRegion, nullptr)) return Forbidden();
  Outcome error;
  const std::shared_ptr<const RegionSnapshot> snap = Snapshot(&error);
  if (snap == nullptr) return error;
  const bool all = p.user.role == Role::kAdmin;
  out->expected_periode = snap->expected_periode;
  out->rows_by_name = true;
  out->flags_gathered = true;
  // The user's regions (all for the administrator) and their distributions.
  std::vector<int64_t> mine;
  for (const store::Region& r : snap->regions) {
    if (!all && !InRegions(p.user, r.id)) continue;
    out->regions.push_back(r);
    mine.push_back(r.id);
    const auto it = snap->of_region.find(r.id);
    if (it == snap->of_region.end()) continue;
    for (const auto& [label, n] : it->second.by_predikat) out->by_predikat[label] += n;
    for (const auto& [metode, n] : it->second.by_metode) out->by_metode[metode] += n;
  }
  if (all) {
    ShowLists(*snap, snap, out);  // everything, as the snapshot has it
    return {};
  }
  // The user's regions' rows in the snapshot's order (by name), the flagged ones, the submissions (oldest first):
  // gathered once per snapshot for this set of regions, then shared. The snapshot is kept alive with them.
  const std::shared_ptr<const RegionSnapshot::Gathered> g = GatherRegions(*snap, mine);
  ShowLists(*g, std::make_shared<std::pair<std::shared_ptr<const RegionSnapshot>,
                                           std::shared_ptr<const RegionSnapshot::Gathered>>>(snap, g),
            out);
  return {};
}

Outcome App::EvidenceContent(const Principal& p, int64_t evidence_id, store::Evidence* meta, std::string* content) {
  return Run(false, [&](Connection* db) -> Outcome {
    bool found = false;
    DbError e = store::GetEvidence(db, evidence_id, meta, content, &found);
    if (!e.ok()) return DbFailure(e);
    if (!found) return NotFound("Berkas bukti", "Evidence file");
    store::Cooperative coop;
    Outcome o = LoadCooperative(db, meta->cooperative_id, &coop);
    if (!o.ok()) return o;
    // An evidence file is as visible as the laporan it belongs to during review: not to anggota, not to others.
    if (Allowed(p.user, Action::kViewCooperative, &coop)) return {};
    return NotFound("Berkas bukti", "Evidence file");
  });
}

Outcome App::Audit(const Principal& p, std::optional<int64_t> coop_id, std::optional<int64_t> before_id,
                   std::vector<store::AuditEntry>* out, bool* more) {
  return Audit(p, coop_id, before_id, out, more, nullptr, nullptr);
}

Outcome App::Audit(const Principal& p, std::optional<int64_t> coop_id, std::optional<int64_t> before_id,
                   std::vector<store::AuditEntry>* out, bool* more, std::map<int64_t, store::User>* people,
                   std::string* provinsi) {
  return Run(false, [&](Connection* db) -> Outcome {
    store::Cooperative coop;
    if (coop_id) {
      Outcome o = LoadCooperative(db, *coop_id, &coop);
      if (!o.ok()) return o;
      if (!Allowed(p.user, Action::kViewCooperative, &coop)) return Refuse(p.user, coop);
    } else if (!Allowed(p.user, Action::kAdminister, nullptr)) {
      return Forbidden();
    }
    // One more than a page tells whether another page follows.
    DbError e = store::ListAudit(db, coop_id, before_id, kAuditPageSize + 1, out);
    *more = e.ok() && out->size() > static_cast<size_t>(kAuditPageSize);
    if (*more) out->pop_back();
    if (e.ok() && people != nullptr) {
      // A page names at most kAuditPageSize entries' users: one lookup per distinct user.
      people->clear();
      for (const store::AuditEntry& entry : *out) {
        if (!entry.user_id || people->count(*entry.user_id) != 0) continue;
        store::User u;
        bool found = false;
        e = store::GetUser(db, *entry.user_id, &u, &found);
        if (!e.ok()) break;
        if (found) (*people)[*entry.user_id] = std::move(u);
      }
    }
    if (e.ok() && provinsi != nullptr) {
      std::string ignored;
      provinsi->clear();
      if (coop_id) e = ReportContext(db, store::LaporanRecord{}, coop, &ignored, provinsi);
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

// ---- The cooperative's laporan ----

namespace {

// Validates and assesses; every problem of both steps in *problems.
bool AssessLaporan(const Laporan& laporan, Assessment* a, Problems* problems) {
  const Rulebook* rb = WebRulebook(laporan, problems);
  if (rb == nullptr) return false;
  const size_t before = problems->size();
  const bool ok = Evaluate(laporan, *rb, EvaluateOptions{}, a, problems) && problems->empty();
  if (!ok && laporan.metode.empty() && problems->size() > before) {
    // The method came from the period: say so, and how to choose the old one on purpose.
    const std::string old = Metode2016For(laporan.cooperative.jenis);
    problems->Add("metode", "metode_menurut_periode",
                  "Metode penilaian tidak dipilih, jadi laporan dinilai dengan " + rb->id +
                      ", metode pemeriksa untuk periode ini. Lengkapi isian yang disebut, atau pilih " + old +
                      " di Metode penilaian untuk menilai dengan metode lama yang sudah tidak berlaku.",
                  "No method was chosen, so the laporan is assessed with " + rb->id +
                      ", the examiners' method for this period. Complete the inputs named, or choose " + old +
                      " under Assessment method to use the old method, no longer in force.");
  }
  return ok;
}

// The identity texts of a laporan (from any reader: a spreadsheet cell can hold any bytes) must be clean text.
bool CleanIdentity(const Laporan& l, Problems* problems) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"koperasi.nama", &l.cooperative.nama},           {"koperasi.jenis", &l.cooperative.jenis},
      {"koperasi.nomor_badan_hukum", &l.cooperative.nomor_badan_hukum},
      {"koperasi.kabupaten", &l.cooperative.kabupaten}, {"koperasi.provinsi", &l.cooperative.provinsi},
      {"metode", &l.metode},                         {"periode.akhir", &l.periode_akhir}};
  for (const auto& [path, value] : fields) {
    Outcome bad;
    if (!CheckText(*value, path, true, &bad)) problems->Add(path, "teks_tidak_sah", bad.problems.items()[0].pesan,
                                                            bad.problems.items()[0].message);
  }
  return problems->empty();
}

// What is stored must read back: every later page re-reads the stored figures. A laporan that would not (a bug
// in a writer, or input a reader let through) is refused now rather than stored unreadable.
bool ReadsBack(const Laporan& l, Problems* problems) {
  LaporanJsonReader reader;
  Laporan again;
  Problems p;
  if (reader.Read(LaporanToJson(l), &again, &p)) return true;
  problems->Add("", "tidak_dapat_disimpan", "laporan ini tidak dapat disimpan apa adanya: " + p.Render(Lang::kId),
                "this laporan cannot be stored as it is: " + p.Render(Lang::kEn));
  return false;
}

std::string Summary(const store::LaporanRecord& r) {
  if (r.incomplete()) {
    return JsonObject({{"status", store::StatusName(r.status)},
                       {"periode_akhir", r.periode_akhir},
                       {"metode", r.rulebook_id + "@" + r.rulebook_version},
                       {"lengkap", "tidak"}});
  }
  return JsonObject({{"status", store::StatusName(r.status)},
                     {"periode_akhir", r.periode_akhir},
                     {"metode", r.rulebook_id + "@" + r.rulebook_version},
                     {"skor_e6", std::to_string(r.total_e6)},
                     {"predikat", r.predikat}});
}

using FieldList = std::vector<std::pair<std::string, std::string>>;

// A laporan from form fields, through the builder every reader shares; an empty field is a line not given.
bool BuildFromFields(const FieldList& fields, Laporan* laporan, Problems* problems) {
  LaporanBuilder builder(laporan, problems);
  for (const auto& [key, value] : fields) {
    if (!value.empty()) builder.Set(key, LaporanBuilder::Kind::kText, value, Place{});
  }
  return builder.Finish();
}

// The fields of an incomplete draft as stored: a JSON array of [key, value] pairs, empty values left out (an empty
// field is a line not given, so nothing is lost).
std::string FieldsToJson(const FieldList& fields) {
  std::string out = "[";
  for (const auto& [key, value] : fields) {
    if (value.empty()) continue;
    if (out.size() > 1) out += ",";
    out += "[";
    AppendJsonString(key, &out);
    out += ",";
    AppendJsonString(value, &out);
    out += "]";
  }
  return out + "]";
}

// Reads FieldsToJson's text back; false when it is not that shape (a broken invariant of ours: the caller says so).
bool FieldsFromJson(const std::string& text, FieldList* out) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return false;
  out->clear();
  for (const nlohmann::json& pair : j) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) return false;
    out->emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return true;
}

// The key/value rows of a laporan as its method's template writes them: what a file gave, in the form's keys, so a
// partly read file can be continued in the form.
FieldList FieldsOfLaporan(const Laporan& laporan) {
  Problems ignored;
  const std::string id =
      laporan.metode.empty() ? DefaultMetodeFor(laporan.periode_akhir, laporan.cooperative.jenis) : laporan.metode;
  TemplateOptions o;
  o.rulebook = EmbeddedRulebookById(id, &ignored);
  if (o.rulebook == nullptr) o.rulebook = EmbeddedRulebookById(DefaultMetodeFor("", ""), &ignored);
  o.prefill = &laporan;
  o.pearls = laporan.has_pearls;
  FieldList out;
  for (const TemplateRow& row : TemplateRows(o)) {
    if (!row.value.empty()) out.emplace_back(row.key, row.value);
  }
  if (!laporan.metode.empty() && o.rulebook != nullptr && o.rulebook->id != laporan.metode) {
    out.emplace_back("metode", laporan.metode);  // an unknown method is kept as given, to be corrected in the form
  }
  return out;
}

// An incomplete draft's row: the fields as typed and no assessment. Its method is the one chosen (when it is one of
// ours) or the one in force for its period, so the form reopens with the same sections.
void FillIncomplete(const Laporan& partial, const FieldList& fields, store::LaporanRecord* rec) {
  const std::string& periode = partial.periode_akhir;
  // The builder marks a given but invalid date "?": such a draft has no period yet.
  rec->periode_akhir = periode.size() == 10 && periode[4] == '-' ? periode : std::string();
  Problems ignored;
  std::string metode;
  for (const auto& [key, value] : fields) {
    if (key == "metode") metode = value;
  }
  const Rulebook* rb = metode.empty() ? nullptr : EmbeddedRulebookById(metode, &ignored);
  if (rb == nullptr) rb = EmbeddedRulebookById(DefaultMetodeFor(rec->periode_akhir, partial.cooperative.jenis), &ignored);
  // The default methods are compiled in and tested: one that does not load is a bug.
  KOPSEHAT_CHECK(rb != nullptr, "the embedded default rulebook does not load");
  rec->rulebook_id = rb->id;
  rec->rulebook_version = rb->version;
  rec->total_e6 = 0;
  rec->predikat.clear();
  rec->laporan_json.clear();
  rec->hasil_json.clear();
  rec->isian_json = FieldsToJson(fields);
}

}  // namespace

Outcome App::PreCheck(const Principal& p, int64_t coop_id, int64_t laporan_id, Action action) {
  return Run(false, [&](Connection* db) -> Outcome {
    store::Cooperative coop;
    if (laporan_id != 0) {
      store::LaporanRecord rec;
      return LoadForAction(db, p, laporan_id, action, &rec, &coop);
    }
    Outcome o = LoadCooperative(db, coop_id, &coop);
    if (!o.ok()) return o;
    return Allowed(p.user, action, &coop) ? Outcome{} : Refuse(p.user, coop);
  });
}

Outcome App::ReviewWithReason(const Principal& p, int64_t laporan_id, const std::string& reason,
                              const char* field) {
  if (Outcome allowed = PreCheck(p, 0, laporan_id, Action::kReview); !allowed.ok()) return allowed;
  Outcome invalid;
  return CheckReason(reason, field, &invalid) ? Outcome{} : invalid;
}

Outcome App::SaveDraftFromFields(const Principal& p, int64_t coop_id, std::optional<int64_t> draft_id,
                                 const std::vector<std::pair<std::string, std::string>>& fields, int64_t* id,
                                 DraftMode mode) {
  if (Outcome allowed = PreCheck(p, coop_id, 0, Action::kEditLaporan); !allowed.ok()) return allowed;
  Laporan laporan;
  Outcome o;
  o.code = Code::kInvalid;
  for (const auto& [key, value] : fields) {
    Outcome bad;
    if (!IsCleanText(key, true)) return Outcome::Error(Code::kInvalid, "", "teks_tidak_sah", "nama isian tidak sah",
                                                       "invalid field name");
    if (!CheckText(value, key, true, &bad)) o.problems.Add(key, bad.problems.items()[0].code,
                                                           bad.problems.items()[0].pesan,
                                                           bad.problems.items()[0].message);
  }
  // Text that cannot be stored is refused even for an incomplete draft: the database would refuse it.
  if (!o.problems.empty()) return o;
  BuildFromFields(fields, &laporan, &o.problems);
  return SaveDraft(p, coop_id, draft_id, laporan, mode, fields, std::move(o.problems), id);
}

Outcome App::SaveDraftFromFile(const Principal& p, int64_t coop_id, std::optional<int64_t> draft_id,
                               const std::string& bytes, const std::string& file_name, int64_t* id, DraftMode mode) {
  if (Outcome allowed = PreCheck(p, coop_id, 0, Action::kEditLaporan); !allowed.ok()) return allowed;
  Outcome o;
  o.code = Code::kInvalid;
  if (bytes.size() > options_.max_upload_bytes) {
    return Outcome::Error(Code::kInvalid, "berkas", "terlalu_besar",
                          "berkas lebih dari " + std::to_string(options_.max_upload_bytes >> 20) + " MiB",
                          "the file is larger than " + std::to_string(options_.max_upload_bytes >> 20) + " MiB");
  }
  Laporan laporan;
  LaporanJsonReader reader;
  const bool read = IsSpreadsheetFile(bytes, file_name) ? ReadLaporanAny(bytes, file_name, &laporan, &o.problems)
                                                         : reader.Read(bytes, &laporan, &o.problems);
  if (!read) CleanIdentity(laporan, &o.problems);  // an encoding problem is said with the others, not after they are fixed
  // What could be read, in the form's keys: an incomplete draft continues in the form (the file itself stays the
  // user's; a value the reader refused is named in the list of what is missing).
  const FieldList fields = FieldsOfLaporan(laporan);
  if (!read && (mode == DraftMode::kComplete || fields.empty())) return o;  // nothing readable: nothing to keep
  return SaveDraft(p, coop_id, draft_id, laporan, mode, fields, std::move(o.problems), id);
}

Outcome App::SaveDraft(const Principal& p, int64_t coop_id, std::optional<int64_t> draft_id, const Laporan& laporan,
                       DraftMode mode, const FieldList& fields, Problems build_problems, int64_t* id) {
  Assessment a;
  Outcome invalid;
  invalid.code = Code::kInvalid;
  if (!CleanIdentity(laporan, &invalid.problems)) return invalid;
  invalid.problems = std::move(build_problems);
  // Assessed before the transaction: the engine is pure, and a refusal should not hold the write lock.
  const bool assessed = invalid.problems.empty() && AssessLaporan(laporan, &a, &invalid.problems) &&
                        ReadsBack(laporan, &invalid.problems);
  const bool keep_incomplete = !assessed && mode == DraftMode::kMayBeIncomplete;
  const int64_t now = Now();
  return Run(true, [&](Connection* db) -> Outcome {
    store::Cooperative coop;
    Outcome o = LoadCooperative(db, coop_id, &coop);
    if (!o.ok()) return o;
    if (!Allowed(p.user, Action::kEditLaporan, &coop)) return Refuse(p.user, coop);
    if (!assessed && !keep_incomplete) return invalid;
    store::LaporanRecord rec;
    std::string before;
    if (draft_id) {
      bool found = false;
      DbError e = store::GetLaporan(db, *draft_id, &rec, &found, /*for_update=*/true);
      if (!e.ok()) return DbFailure(e);
      if (!found || rec.cooperative_id != coop_id) return NotFound("Laporan", "Laporan");
      if (rec.status != Status::kDraft) {
        return WrongState("Hanya draf yang dapat diubah koperasi.", "Only a draft can be changed by the cooperative.");
      }
      before = Summary(rec);
    }
    if (assessed) {
      FillAssessment(laporan, a, &rec);
      rec.isian_json.clear();
    } else {
      FillIncomplete(laporan, fields, &rec);
    }
    rec.updated_at = now;
    DbError e;
    if (!draft_id) {
      int max_revision = 0;
      e = store::MaxRevision(db, coop_id, rec.periode_akhir, &max_revision);
      if (e.ok() && max_revision > 0 && rec.periode_akhir.empty()) {
        return Outcome::Error(Code::kConflict, "periode.akhir", "draf_tanpa_periode_sudah_ada",
                              "sudah ada draf tanpa periode; isi Periode berakhir atau lanjutkan draf itu",
                              "a draft without a period exists already; fill in the period end or continue that one");
      }
      if (e.ok() && max_revision > 0) {
        return Outcome::Error(Code::kConflict, "periode.akhir", "periode_sudah_ada",
                              "laporan periode " + rec.periode_akhir + " sudah ada; ubah yang itu",
                              "a laporan of period " + rec.periode_akhir + " exists already; change that one");
      }
      rec.cooperative_id = coop_id;
      rec.revision = 1;
      rec.status = Status::kDraft;
      rec.created_by = p.user.id;
      rec.created_at = now;
      if (e.ok()) e = store::InsertLaporan(db, rec, &rec.id);
    } else {
      e = store::UpdateLaporan(db, rec);
    }
    if (e.ok()) {
      e = store::InsertAudit(db, {0, now, p.user.id, coop_id, draft_id ? "laporan.ubah" : "laporan.buat", "laporan",
                                  rec.id, before, Summary(rec)});
    }
    if (!e.ok()) return e.kind == DbErrorKind::kConstraint ? WrongState("Bentrok.", "Conflict.") : DbFailure(e);
    *id = rec.id;
    return {};
  });
}

Outcome App::Step(const Principal& p, int64_t laporan_id, Action action, const char* audit_action,
                  const std::function<Outcome(store::LaporanRecord*)>& change, const std::string& audit_after) {
  return Run(true, [&](Connection* db) -> Outcome {
    store::LaporanRecord rec;
    store::Cooperative coop;
    Outcome o = LoadForAction(db, p, laporan_id, action, &rec, &coop, /*lock=*/true);
    if (!o.ok()) return o;
    const std::string before = Summary(rec);
    if (o = change(&rec); !o.ok()) return o;
    rec.updated_at = Now();
    DbError e = store::UpdateLaporan(db, rec);
    if (e.ok()) {
      e = store::InsertAudit(db, {0, rec.updated_at, p.user.id, coop.id, audit_action, "laporan", rec.id, before,
                                  audit_after.empty() ? Summary(rec) : audit_after});
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

Outcome App::Submit(const Principal& p, int64_t laporan_id) {
  return Step(p, laporan_id, Action::kSubmit, "laporan.ajukan", [&](store::LaporanRecord* rec) -> Outcome {
    if (rec->status != Status::kDraft) {
      return WrongState("Hanya draf yang dapat diajukan.", "Only a draft can be submitted.");
    }
    if (rec->incomplete()) {
      return Outcome::Error(Code::kConflict, "status", "draf_belum_lengkap",
                            "Draf belum lengkap, jadi belum dapat diajukan. Lanjutkan mengisi isian yang disebut "
                            "di halaman laporan, simpan, lalu ajukan.",
                            "The draft is incomplete, so it cannot be submitted yet. Continue filling in the fields "
                            "named on the laporan page, save, then submit.");
    }
    rec->status = Status::kSubmitted;
    rec->diajukan_json = rec->laporan_json;
    rec->submitted_at = Now();
    return {};
  });
}

// ---- The examiner ----

namespace {

// Applies the changes to the laporan through the same builder a form uses, so they are validated the same way:
// the laporan's own key/value rows with the values replaced. *before gets the old values ("" when not given).
bool ApplyChanges(const Laporan& current, const Rulebook* rb,
                  const std::vector<std::pair<std::string, std::string>>& changes, Laporan* out,
                  std::vector<std::string>* before, Problems* problems) {
  TemplateOptions o;
  o.rulebook = rb;
  o.prefill = &current;
  std::vector<TemplateRow> rows = TemplateRows(o);
  before->clear();
  for (const auto& [path, value] : changes) {
    TemplateRow* row = nullptr;
    for (TemplateRow& r : rows) {
      if (r.key == path) row = &r;
    }
    if (row == nullptr) {
      problems->Add(path, "kunci_tidak_dikenal", "isian '" + path + "' tidak dikenal", "unknown field '" + path + "'");
      continue;
    }
    before->push_back(row->value);
    row->value = value;
  }
  if (!problems->empty()) return false;
  LaporanBuilder builder(out, problems);
  for (const TemplateRow& row : rows) {
    if (!row.value.empty()) builder.Set(row.key, LaporanBuilder::Kind::kText, row.value, Place{});
  }
  return builder.Finish();
}

}  // namespace

Outcome App::Adjust(const Principal& p, int64_t laporan_id,
                    const std::vector<std::pair<std::string, std::string>>& changes, const std::string& reason) {
  if (Outcome o = ReviewWithReason(p, laporan_id, reason, "alasan"); !o.ok()) return o;
  Outcome invalid;
  invalid.code = Code::kInvalid;
  if (changes.empty() || changes.size() > kMaxChangesPerAdjustment) {
    return Outcome::Error(Code::kInvalid, "path", "jumlah_perubahan", "beri 1 sampai 10 perubahan",
                          "give 1 to 10 changes");
  }
  for (const auto& [path, value] : changes) {
    if (path == "periode.akhir" || path == "metode" || path.rfind("koperasi.", 0) == 0) {
      return Outcome::Error(Code::kInvalid, path, "isian_tetap", "identitas, periode dan metode tidak diubah pemeriksa",
                            "the examiner does not change identity, period or method");
    }
  }
  const int64_t now = Now();
  return Run(true, [&](Connection* db) -> Outcome {
    store::LaporanRecord rec;
    store::Cooperative coop;
    Outcome o = LoadForAction(db, p, laporan_id, Action::kReview, &rec, &coop, /*lock=*/true);
    if (!o.ok()) return o;
    if (rec.status != Status::kSubmitted) {
      return WrongState("Hanya laporan yang diajukan yang dapat diperiksa.", "Only a submitted laporan is reviewed.");
    }
    Laporan current;
    Assessment stored;
    bool changed = false;
    if (!Reassess(rec, &current, &stored, &changed)) return DbFailure({DbErrorKind::kOther, "stored laporan"});
    Laporan next;
    std::vector<std::string> before;
    Assessment a;
    if (!ApplyChanges(current, stored.rulebook, changes, &next, &before, &invalid.problems) ||
        !AssessLaporan(next, &a, &invalid.problems)) {
      return invalid;
    }
    const std::string summary_before = Summary(rec);
    FillAssessment(next, a, &rec);
    rec.updated_at = now;
    DbError e = store::UpdateLaporan(db, rec);
    for (size_t i = 0; i < changes.size() && e.ok(); ++i) {
      e = store::InsertAdjustment(
          db, {0, coop.id, rec.id, changes[i].first, before[i], changes[i].second, reason, p.user.id, "", now},
          nullptr);
    }
    if (e.ok()) {
      e = store::InsertAudit(db, {0, now, p.user.id, coop.id, "laporan.koreksi_pemeriksa", "laporan", rec.id,
                                  summary_before, Summary(rec)});
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

Outcome App::AddEvidence(const Principal& p, int64_t laporan_id, const std::string& file_name,
                         const std::string& content_type, const std::string& content, const std::string& note,
                         int64_t* id) {
  if (Outcome allowed = PreCheck(p, 0, laporan_id, Action::kReview); !allowed.ok()) return allowed;
  if (content.empty() || content.size() > options_.max_evidence_bytes) {
    const std::string mib = std::to_string(options_.max_evidence_bytes >> 20);
    return Outcome::Error(Code::kInvalid, "berkas", content.empty() ? "berkas_kosong" : "terlalu_besar",
                          content.empty() ? "berkas kosong" : "berkas bukti paling besar " + mib + " MiB",
                          content.empty() ? "the file is empty" : "an evidence file is at most " + mib + " MiB");
  }
  if (file_name.empty() || file_name.size() > kMaxNameChars || note.size() > kMaxReasonChars) {
    return Outcome::Error(Code::kInvalid, "berkas", "nama_berkas", "nama berkas kosong atau terlalu panjang",
                          "the file name is empty or too long");
  }
  Outcome bad;
  if (!CheckText(file_name, "berkas", true, &bad) || !CheckText(content_type, "berkas", true, &bad) ||
      !CheckText(note, "catatan", false, &bad)) {
    return bad;
  }
  const int64_t now = Now();
  const std::string hash = Sha256Hex(content);
  return Run(true, [&](Connection* db) -> Outcome {
    store::LaporanRecord rec;
    store::Cooperative coop;
    Outcome o = LoadForAction(db, p, laporan_id, Action::kReview, &rec, &coop, /*lock=*/true);
    if (!o.ok()) return o;
    if (rec.status != Status::kSubmitted) {
      return WrongState("Bukti hanya dilampirkan selama pemeriksaan.", "Evidence is attached during review only.");
    }
    store::Evidence ev{0, coop.id, rec.id, file_name, content_type.substr(0, 100), hash,
                       static_cast<int64_t>(content.size()), note, p.user.id, now};
    DbError e = store::InsertEvidence(db, ev, content, id);
    if (e.ok()) {
      e = store::InsertAudit(db, {0, now, p.user.id, coop.id, "bukti.lampirkan", "evidence", *id, "",
                                  JsonObject({{"berkas", file_name}, {"sha256", hash}})});
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

Outcome App::ReturnToCooperative(const Principal& p, int64_t laporan_id, const std::string& note) {
  if (Outcome o = ReviewWithReason(p, laporan_id, note, "catatan"); !o.ok()) return o;
  return Step(
      p, laporan_id, Action::kReview, "laporan.kembalikan",
      [&](store::LaporanRecord* rec) -> Outcome {
        if (rec->status != Status::kSubmitted || rec->corrects_id) {
          return WrongState("Hanya laporan yang diajukan (bukan koreksi) yang dapat dikembalikan.",
                            "Only a submitted laporan (not a correction) can be returned.");
        }
        rec->status = Status::kDraft;
        rec->review_note = note;
        return {};
      },
      JsonObject({{"catatan", note}}));
}

Outcome App::Finalise(const Principal& p, int64_t laporan_id) {
  return Step(p, laporan_id, Action::kReview, "laporan.final", [&](store::LaporanRecord* rec) -> Outcome {
    if (rec->status != Status::kSubmitted) {
      return WrongState("Hanya laporan yang diajukan yang dapat difinalkan.", "Only a submitted laporan can be final.");
    }
    rec->status = Status::kFinal;
    rec->finalised_at = Now();
    rec->finalised_by = p.user.id;
    return {};
  });
}

Outcome App::StartCorrection(const Principal& p, int64_t laporan_id, const std::string& reason, int64_t* id) {
  if (Outcome o = ReviewWithReason(p, laporan_id, reason, "alasan"); !o.ok()) return o;
  const int64_t now = Now();
  return Run(true, [&](Connection* db) -> Outcome {
    store::LaporanRecord rec;
    store::Cooperative coop;
    Outcome o = LoadForAction(db, p, laporan_id, Action::kReview, &rec, &coop, /*lock=*/true);
    if (!o.ok()) return o;
    if (rec.status != Status::kFinal) {
      return WrongState("Hanya penilaian final yang dikoreksi lewat revisi.", "Only a final assessment is corrected.");
    }
    int max_revision = 0;
    DbError e = store::MaxRevision(db, coop.id, rec.periode_akhir, &max_revision);
    if (e.ok() && max_revision != rec.revision) {
      return WrongState("Sudah ada revisi yang lebih baru.", "A newer revision exists already.");
    }
    store::LaporanRecord next = rec;
    next.revision = rec.revision + 1;
    next.status = Status::kSubmitted;
    next.corrects_id = rec.id;
    next.correction_reason = reason;
    next.diajukan_json = rec.laporan_json;
    next.review_note.clear();
    next.created_by = p.user.id;
    next.created_at = now;
    next.updated_at = now;
    next.submitted_at = now;
    next.finalised_at.reset();
    next.finalised_by.reset();
    if (e.ok()) e = store::InsertLaporan(db, next, id);
    if (e.ok()) {
      e = store::InsertAudit(db, {0, now, p.user.id, coop.id, "laporan.revisi", "laporan", *id, Summary(rec),
                                  JsonObject({{"alasan", reason}, {"revisi", std::to_string(next.revision)}})});
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

// ---- Administration ----

namespace {
bool CheckName(const std::string& value, const char* field, Outcome* out) {
  if (!value.empty() && !CheckText(value, field, true, out)) return false;
  if (value.empty() || value.size() > kMaxNameChars) {
    *out = Outcome::Error(Code::kInvalid, field, "nama_tidak_sah", "wajib diisi, paling banyak 200 karakter",
                          "required, at most 200 characters");
    return false;
  }
  return true;
}
}  // namespace

Outcome App::CreateRegion(const Principal& p, const store::Region& r, int64_t* id) {
  if (!Allowed(p.user, Action::kAdminister, nullptr)) return Forbidden();
  Outcome invalid;
  if (!CheckName(r.nama, "nama", &invalid) || !CheckText(r.provinsi, "provinsi", true, &invalid)) return invalid;
  const int64_t now = Now();
  return Run(true, [&](Connection* db) -> Outcome {
    DbError e = store::InsertRegion(db, r, id);
    if (e.ok()) e = store::InsertAudit(db, {0, now, p.user.id, {}, "wilayah.buat", "region", *id, "",
                                            JsonObject({{"nama", r.nama}})});
    return e.ok() ? Outcome{} : e.kind == DbErrorKind::kConstraint ? WrongState("Nama sudah ada.", "Name taken.")
                                                                   : DbFailure(e);
  });
}

Outcome App::CreateCooperative(const Principal& p, const store::Cooperative& c, int64_t* id) {
  if (!Allowed(p.user, Action::kAdminister, nullptr)) return Forbidden();
  Outcome invalid;
  if (!CheckName(c.nama, "nama", &invalid) || !CheckText(c.nomor_badan_hukum, "nomor_badan_hukum", true, &invalid)) {
    return invalid;
  }
  if (!IsKnownJenis(c.jenis)) {
    return Outcome::Error(Code::kInvalid, "jenis", "jenis_tidak_dikenal", "jenis harus KSP, USP, KSPPS atau USPPS",
                          "jenis must be KSP, USP, KSPPS or USPPS");
  }
  const int64_t now = Now();
  return Run(true, [&](Connection* db) -> Outcome {
    DbError e = store::InsertCooperative(db, c, now, id);
    if (e.ok()) e = store::InsertAudit(db, {0, now, p.user.id, *id, "koperasi.buat", "cooperative", *id, "",
                                            JsonObject({{"nama", c.nama}, {"jenis", c.jenis}})});
    return e.ok() ? Outcome{} : e.kind == DbErrorKind::kConstraint ? WrongState("Bentrok.", "Conflict.")
                                                                   : DbFailure(e);
  });
}

Outcome App::CreateUserFromForm(const Principal& p, store::User u, const std::string& role_word,
                                const std::string& password, int64_t* id) {
  if (!Allowed(p.user, Action::kAdminister, nullptr)) return Forbidden();
  const std::optional<Role> role = store::ParseRole(role_word);
  if (!role) return Outcome::Error(Code::kInvalid, "role", "peran_tidak_dikenal", "peran tidak dikenal", "unknown role");
  u.role = *role;
  return CreateUser(&p, std::move(u), password, id);
}

bool App::DatabaseReachable() {
  const DbError e = store_->Read([](Connection* db) {
    store::Result r;
    return db->Exec("SELECT COUNT(*) FROM schema_migrations", {}, &r);
  });
  return e.ok();
}

Outcome App::CreateUser(const Principal* p, store::User u, const std::string& password, int64_t* id) {
  if (p != nullptr && !Allowed(p->user, Action::kAdminister, nullptr)) return Forbidden();
  Outcome invalid;
  if (!CheckName(u.username, "username", &invalid) || !CheckName(u.display_name, "display_name", &invalid)) {
    return invalid;
  }
  if (password.size() < kMinPasswordChars || password.size() > kMaxPasswordBytes) {
    return Outcome::Error(Code::kInvalid, "password", "kata_sandi_lemah",
                          "kata sandi paling sedikit 8 karakter (paling banyak 256 bita)",
                          "the password needs at least 8 characters (at most 256 bytes)");
  }
  const bool coop_role = u.role != Role::kAdmin && u.role != Role::kDinas;
  if (coop_role != u.cooperative_id.has_value()) {
    return Outcome::Error(Code::kInvalid, "cooperative_id", "koperasi_peran",
                          "peran koperasi memerlukan koperasi; admin dan dinas tidak",
                          "cooperative roles need a cooperative; admin and dinas do not");
  }
  u.password_hash = HashPassword(password, options_.password_cost);
  if (u.password_hash.empty()) return DbFailure({DbErrorKind::kOther, "password hash"});
  const int64_t now = Now();
  return Run(true, [&](Connection* db) -> Outcome {
    // Say which reference is wrong, rather than let the foreign key fail as a vague conflict.
    if (u.cooperative_id) {
      store::Cooperative coop;
      if (Outcome o = LoadCooperative(db, *u.cooperative_id, &coop); !o.ok()) {
        return Outcome::Error(Code::kInvalid, "cooperative_id", "koperasi_tidak_ada", "koperasi tidak ada",
                              "no such cooperative");
      }
    }
    std::vector<store::Region> regions;
    DbError e = store::ListRegions(db, &regions);
    if (!e.ok()) return DbFailure(e);
    for (int64_t r : u.region_ids) {
      if (std::none_of(regions.begin(), regions.end(), [r](const store::Region& g) { return g.id == r; })) {
        return Outcome::Error(Code::kInvalid, "region_ids", "wilayah_tidak_ada", "wilayah tidak ada",
                              "no such region");
      }
    }
    std::string region_list;
    for (int64_t r : u.region_ids) region_list += (region_list.empty() ? "" : ",") + std::to_string(r);
    e = store::InsertUser(db, u, now, id);
    if (e.ok()) {
      e = store::InsertAudit(db, {0, now, p != nullptr ? std::optional<int64_t>(p->user.id) : std::nullopt,
                                  u.cooperative_id, "pengguna.buat", "user", *id, "",
                                  JsonObject({{"username", u.username},
                                              {"peran", store::RoleName(u.role)},
                                              {"wilayah", region_list}})});
    }
    if (e.kind == DbErrorKind::kConstraint) {
      return Outcome::Error(Code::kConflict, "username", "nama_terpakai", "nama pengguna sudah dipakai",
                            "the user name is taken");
    }
    return e.ok() ? Outcome{} : DbFailure(e);
  });
}

std::string VerifyCode(const store::LaporanRecord& r) {
  std::string canonical = "kopsehat-verifikasi-v1\n";
  canonical.append(std::to_string(r.id)).append("\n").append(std::to_string(r.revision)).append("\n");
  canonical.append(store::StatusName(r.status)).append("\n");
  canonical.append(r.finalised_at ? std::to_string(*r.finalised_at) : "-").append("\n");
  canonical.append(r.finalised_by ? std::to_string(*r.finalised_by) : "-").append("\n");
  canonical.append(r.rulebook_id).append("\n").append(r.rulebook_version).append("\n").append(r.hasil_json);
  std::string digest = Sha256Hex(canonical).substr(0, 16);
  for (char& c : digest) c = char(std::toupper(static_cast<unsigned char>(c)));
  return "L" + std::to_string(r.id) + "-R" + std::to_string(r.revision) + "-" + digest;
}

Outcome App::Verify(const std::string& code, Verification* out) {
  *out = Verification{};
  // "L<id>-R<revision>-<16 hex>", case and surrounding blanks ignored.
  std::string c;
  for (const char ch : code) {
    if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') c.push_back(char(std::toupper(static_cast<unsigned char>(ch))));
  }
  int64_t id = 0;
  int revision = 0;
  {
    const size_t r_at = c.find("-R");
    const size_t h_at = r_at == std::string::npos ? std::string::npos : c.find('-', r_at + 2);
    if (c.size() > 64 || c.empty() || c[0] != 'L' || h_at == std::string::npos) return {};
    const auto number = [](std::string_view digits, int64_t* v) {
      if (digits.empty() || digits.size() > 12) return false;
      *v = 0;
      for (const char d : digits) {
        if (d < '0' || d > '9') return false;
        *v = *v * 10 + (d - '0');
      }
      return true;
    };
    int64_t rev = 0;
    if (!number(std::string_view(c).substr(1, r_at - 1), &id) || !number(std::string_view(c).substr(r_at + 2, h_at - r_at - 2), &rev)) {
      return {};
    }
    revision = int(rev);
  }
  return Run(false, [&](Connection* db) -> Outcome {
    bool found = false;
    store::LaporanRecord rec;
    DbError e = store::GetLaporan(db, id, &rec, &found);
    if (!e.ok()) return DbFailure(e);
    if (!found || rec.revision != revision || VerifyCode(rec) != c) return {};
    bool coop_found = false;
    e = store::GetCooperative(db, rec.cooperative_id, &out->cooperative, &coop_found);
    if (!e.ok()) return DbFailure(e);
    if (!coop_found) return {};
    e = ReportContext(db, rec, out->cooperative, &out->finaliser_name, &out->provinsi);
    if (!e.ok()) return DbFailure(e);
    out->verdict = Verification::Verdict::kNotFinal;
    if (rec.status == Status::kFinal) {
      out->verdict = Verification::Verdict::kFinalCurrent;
      std::vector<store::LaporanRecord> all;
      e = store::ListLaporan(db, rec.cooperative_id, &all);
      if (!e.ok()) return DbFailure(e);
      for (store::LaporanRecord& other : all) {
        if (other.periode_akhir != rec.periode_akhir || other.status != Status::kFinal || other.revision <= rec.revision) continue;
        if (!out->current || other.revision > out->current->revision) out->current = std::move(other);
      }
      if (out->current) out->verdict = Verification::Verdict::kFinalSuperseded;
    }
    rec.laporan_json.clear();
    rec.diajukan_json.clear();
    rec.hasil_json.clear();
    out->record = std::move(rec);
    if (out->current) {
      out->current->laporan_json.clear();
      out->current->diajukan_json.clear();
      out->current->hasil_json.clear();
    }
    return {};
  });
}

}  // namespace kopsehat::app
