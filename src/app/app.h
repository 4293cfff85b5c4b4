// app/app.h — the Kopsehat application core: who may do what (one policy, Allowed()), logging in and sessions, and
// the pra-penilaian workflow (draft → submitted → examiner review → final; corrections as new revisions), each
// operation one database transaction with its audit entry. Knows nothing of HTTP: the server (server.cc) and the
// tests call it the same way. Depends on store/, assess/, interchange/, report/ and libsodium (auth.h).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <memory>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "plan/optimize.h"
#include "core/problems.h"
#include "laporan/laporan.h"
#include "store/store.h"
#include "app/auth.h"

namespace kopsehat::app {

// What an operation came to; the server maps it to an HTTP status.
enum class Code {
  kOk,
  kUnauthenticated,
  kForbidden,
  kNotFound,
  kInvalid,
  kConflict,
  kThrottled,
  kUnavailable,  // busy for a moment (every password check slot taken): try again in a few seconds
  kInternal
};

struct Outcome {
  Code code = Code::kOk;
  Problems problems;  // for kInvalid/kConflict/kForbidden...: what is wrong, in Indonesian and English
  bool ok() const { return code == Code::kOk; }
  static Outcome Error(Code code, std::string path, std::string kode, std::string pesan, std::string message);
};

// Whether a save may store a draft that does not yet make a laporan. The web form and its upload may (a board saves
// half-way and comes back: kMayBeIncomplete keeps the fields as typed, with no score); the JSON API may not (a
// program has no page to come back to, so it gets every problem at once and nothing is stored).
enum class DraftMode { kComplete, kMayBeIncomplete };

// What the policy is asked about.
enum class Action {
  kViewCooperative,  // dashboard, every laporan incl. drafts, audit trail of the cooperative
  kViewPublished,    // final assessments only (anggota)
  kEditLaporan,      // create or change a draft, upload a file
  kSubmit,           // send a draft to the Dinas
  kReview,           // examiner: change figures with reasons, evidence, return, finalise, correct
  kSetPlanLimits,    // the board's own one-year limits of a laporan's plan (any status: they are not its assessment)
  kViewRegion,       // the regional dashboard
  kAdminister,       // regions, cooperatives, users
};

// The one authorisation policy. `coop` is the cooperative acted on (null for kViewRegion / kAdminister).
bool Allowed(const store::User& user, Action action, const store::Cooperative* coop);

struct AppOptions {
  int64_t session_ttl_s = 8 * 3600;  // a working day
  size_t max_evidence_bytes = 5u << 20;
  size_t max_upload_bytes = 20u << 20;  // laporan files (an XLSX)
  PasswordCost password_cost = PasswordCost::kInteractive;
  // Password checks at once before login (each Argon2id check takes 64 MiB and a core); 0: the number of cores. A
  // login that finds no free place within password_check_wait is answered "busy" (503 with Retry-After).
  int max_password_checks = 0;
  std::chrono::milliseconds password_check_wait{2000};
  // Months after the end of a financial year by which its laporan must be submitted: the RAT is held within six
  // months of the year's end, and its statements are what the Dinas assesses.
  int submission_months = 6;
  std::function<int64_t()> now;  // Unix seconds; the real clock when empty
};

// The logged-in user of a request.
struct Principal {
  store::User user;
  store::SessionRecord session;
  // Whole-application areas this user may open, as the policy says (the header shows only these links).
  bool may_view_region() const { return Allowed(user, Action::kViewRegion, nullptr); }
  bool may_administer() const { return Allowed(user, Action::kAdminister, nullptr); }
};

// What the user may do with a laporan, as the policy says: pages offer only these (every operation checks again).
struct LaporanPermissions {
  bool edit = false;     // draft, cooperative editor
  bool submit = false;   // draft, pengurus
  bool review = false;   // submitted, examiner of the region
  bool correct = false;  // final, examiner of the region
};

// A laporan with what its page shows: the assessment of its current figures (re-evaluated from the stored
// figures with the stored method; the stored result is what dashboards read), the examiner's changes, evidence.
struct LaporanView {
  store::LaporanRecord record;
  store::Cooperative cooperative;
  std::vector<store::Adjustment> adjustments;
  std::vector<store::Evidence> evidence;
  Laporan laporan;
  Assessment assessment;  // refers to a rulebook embedded in the binary
  std::string finaliser_name;  // the examiner who finalised it (display name); "" before
  std::string provinsi;        // the province of its region: the zone its times are shown in
  bool method_changed = false;  // the embedded rulebook's version differs from the stored one
  LaporanPermissions may;
  // The examiner's refused change form (path, nilai, path2, ..., alasan), shown again with its problems so
  // nothing typed is lost. Filled by the page handler, not by the App.
  std::vector<std::pair<std::string, std::string>> retry;
  // An incomplete draft (record.incomplete()): no assessment (assessment.rulebook is null, laporan empty); the
  // fields as typed, and what is missing or wrong in them, each problem at its field's key.
  bool incomplete = false;
  std::vector<std::pair<std::string, std::string>> fields;
  Problems missing;
};

struct CooperativeView {
  store::Cooperative cooperative;
  std::vector<store::LaporanRecord> laporan;  // newest first; anggota see only final ones
  bool may_edit = false;                      // the user may start or change a laporan (the policy's kEditLaporan)
  bool may_view_audit = false;                // the user may read the cooperative's audit trail
};

// The cheapest verified plan of a laporan to the method's best predikat (plan/optimize.h), with the laporan.
struct PlanView {
  LaporanView laporan;
  Plan plan;
  int64_t target_e6 = 0;
  // Why there is no plan, when there is none: an incomplete draft has no figures to plan. (Every scored method has
  // a planner since issue 17: weighted sums and KKPKK's score percentages alike.)
  enum class Unavailable { kNo, kIncomplete };
  Unavailable unavailable = Unavailable::kNo;
  // The board's own limits stored with the laporan (schema version 5, App::SavePlanLimits), by limit id, with who
  // set each and when; the plan is made within them.
  std::vector<store::PlanLimit> stored_limits;
  bool may_set_limits = false;  // the policy's kSetPlanLimits: the page offers the form
  // Limits tried for this page only (the GET `batas.<id>` fields, id → percentage as typed), over the stored ones
  // and not stored; a value that is not a limit's percentage is a problem here and that limit keeps its value.
  bool limits_tried = false;
  Problems limit_problems;
  // The limits form refused (kInvalid), filled by the page handler: the fields as typed, shown again with
  // limit_problems so nothing typed is lost.
  std::vector<std::pair<std::string, std::string>> limit_retry;
};

// One row of the board's limits form: a limit by id, its percentage and reason as typed.
struct LimitInput {
  std::string id;      // an action or floor of the action book: "tagih_macet"
  std::string persen;  // "40", "12,5", "12.5 %"
  std::string alasan;  // may be empty
};

// What a verification code says about the record (App::Verify).
struct Verification {
  enum class Verdict {
    kUnknown,          // no stored result has this code: its figures or status differ from the record, or it was made up
    kNotFinal,         // the code of a draft or submitted laporan: not an examination result
    kFinalCurrent,     // the final result on record for its period
    kFinalSuperseded,  // final, but a later revision of the same period replaced it
  };
  Verdict verdict = Verdict::kUnknown;
  store::LaporanRecord record;  // the laporan the code names (without its figures)
  store::Cooperative cooperative;
  std::optional<store::LaporanRecord> current;  // the period's latest final revision, when superseded
  std::string finaliser_name;
  std::string provinsi;
};

// The verification code printed on every page of a stored result's reports: "L<id>-R<revision>-<16 hex digits>",
// the digits the start of a SHA-256 over the canonical result (id, revision, status, finalisation time and
// examiner, method and version, and the penilaian-v1 JSON of the figures). A report whose figures or status differ
// from the record cannot carry the record's code.
std::string VerifyCode(const store::LaporanRecord& r);

// What the administration page lists.
struct AdminView {
  std::vector<store::Region> regions;
  std::vector<store::Cooperative> cooperatives;
  std::vector<store::User> users;
};

// The regional dashboard: every cooperative of the examiner's regencies with its flags.
struct RegionRow {
  store::CooperativeSummary summary;
  // The score fell since last year's final result of the same method, or is within 2 points of a lower predikat of
  // its own method.
  bool early_warning = false;
  std::string warning_reason_id;
  std::string warning_reason_en;
  bool overdue = false;  // the last closed year's laporan is past its deadline and not submitted
};
// What a user sees of a list the App shares between requests (the rows of the regional dashboard, the submissions
// awaiting review): references into items someone else owns (the App's snapshot), kept alive with them, so a request
// for a region of thousands copies nothing; the whole of a shared vector is one span, not a pointer per item.
// Iterates as T. Tests and small views own their items instead (Own, push_back).
template <typename T>
class SharedList {
 public:
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const SharedList* list, size_t i) : list_(list), i_(i) {}
    const T& operator*() const { return (*list_)[i_]; }
    const T* operator->() const { return &(*list_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const SharedList* list_;
    size_t i_;
  };

  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }
  size_t size() const { return span_size_ + items_.size(); }
  bool empty() const { return size() == 0; }
  // The span (if any) first, then the items added one by one.
  const T& operator[](size_t i) const {
    if (i < span_size_) return pointer_span_ != nullptr ? *pointer_span_[i] : span_[i];
    return *items_[i - span_size_];
  }

  // Shows `item`, which `owner` keeps alive.
  void Add(const T* item, const std::shared_ptr<const void>& owner) {
    items_.push_back(item);
    Keep(owner);
  }
  // Shows all of `items` (before anything added one by one), which `owner` keeps alive.
  void Span(const std::vector<T>& items, std::shared_ptr<const void> owner) {
    span_ = items.data();
    pointer_span_ = nullptr;
    span_size_ = items.size();
    Keep(std::move(owner));
  }
  // The same for a list of references someone else keeps (a subset of their items).
  void Span(const std::vector<const T*>& items, std::shared_ptr<const void> owner) {
    span_ = nullptr;
    pointer_span_ = items.data();
    span_size_ = items.size();
    Keep(std::move(owner));
  }
  // Takes items of one's own (tests, small views), replacing what was shown.
  void Own(std::vector<T> items) {
    auto owned = std::make_shared<const std::vector<T>>(std::move(items));
    clear();
    Span(*owned, owned);
  }
  void push_back(T item) {
    if (own_ == nullptr) {
      own_ = std::make_shared<std::deque<T>>();
      Keep(own_);
    }
    own_->push_back(std::move(item));
    items_.push_back(&own_->back());  // a deque's elements stay where they are when it grows at the back
  }
  void reserve(size_t n) { items_.reserve(n); }
  void clear() {
    span_ = nullptr;
    pointer_span_ = nullptr;
    span_size_ = 0;
    items_.clear();
    owners_.clear();
    own_.reset();
  }

 private:
  void Keep(const std::shared_ptr<const void>& owner) {
    if (owners_.empty() || owners_.back() != owner) owners_.push_back(owner);
  }
  const T* span_ = nullptr;
  const T* const* pointer_span_ = nullptr;
  size_t span_size_ = 0;
  std::vector<const T*> items_;
  std::vector<std::shared_ptr<const void>> owners_;
  std::shared_ptr<std::deque<T>> own_;
};
using RegionRows = SharedList<RegionRow>;

struct RegionView {
  std::vector<store::Region> regions;
  RegionRows rows;
  std::map<std::string, int> by_predikat;  // latest final predikat → count ("" = none yet)
  std::map<std::string, int> by_metode;    // latest final result's method (rulebook id) → count ("" = none yet)
  // The rows with each flag, in the rows' order, gathered by the App from its snapshot, so a national page need not
  // read 130,000 rows to find the first few; `flags_gathered` false in a view built by hand: the page filters `rows`.
  bool flags_gathered = false;
  RegionRows early_warning_rows;
  RegionRows overdue_rows;
  // The rows come by cooperative name (CompareFold, then id): the table's default order needs no sort.
  bool rows_by_name = false;
  SharedList<store::LaporanRecord> awaiting_review;  // oldest submission first
  // Parallel to awaiting_review: its cooperative (in `rows`' snapshot, alive with it), so a page names them without
  // indexing every row; null when not known (a view built by hand).
  std::vector<const store::Cooperative*> awaiting_cooperatives;
  std::string expected_periode;  // the last closed financial year's end
};

class App {
 public:
  App(store::Store* store, AppOptions options);

  int64_t Now() const;
  const AppOptions& options() const { return options_; }
  store::Store* store() { return store_; }

  // ---- Sessions ----
  // Checks the password (Argon2id), throttled per user name and per client address. On success a new session:
  // *token is the cookie value (only its hash is stored).
  // What the login path has cost so far: password checks made and the most that ran at once.
  struct LoginStats {
    uint64_t password_checks = 0;
    int peak_concurrent_checks = 0;
  };
  LoginStats login_stats() const { return {password_checks_done_.load(), password_checks_peak_.load()}; }
  Outcome Login(const std::string& username, const std::string& password, const std::string& client,
                std::string* token, Principal* out);
  Outcome Authenticate(const std::string& token, Principal* out);
  Outcome Logout(const Principal& p);

  // ---- Reading ----
  Outcome ViewCooperative(const Principal& p, int64_t coop_id, CooperativeView* out);
  Outcome ViewLaporan(const Principal& p, int64_t laporan_id, LaporanView* out);
  // The cooperative, for a user who may start a laporan there (kEditLaporan), else forbidden.
  Outcome PrepareNewLaporan(const Principal& p, int64_t coop_id, CooperativeView* out);
  // The plan of a laporan for the cooperative's people and its examiner (kViewCooperative), for methods that weigh
  // this year's figures; verified by re-assessing. For other methods and incomplete drafts: ok, with
  // out->unavailable saying why, so the page can say it in words.
  // `limits`: the board's own one-year limits (id, percentage as typed) over the defaults, for the plan shown.
  // The plan is made within the board's stored limits (SavePlanLimits); `limits` are tried over them for this plan
  // only (id, percentage as typed), not stored.
  Outcome PlanLaporan(const Principal& p, int64_t laporan_id, PlanView* out,
                      const std::vector<std::pair<std::string, std::string>>& limits = {});
  // The board's own limits stored with a laporan, for the people who see its plan (kViewCooperative: its pengurus,
  // pengelola and pengawas, the examiner of its region, the administrator); others are refused.
  Outcome PlanLimits(const Principal& p, int64_t laporan_id, std::vector<store::PlanLimit>* out);
  Outcome ViewAdmin(const Principal& p, AdminView* out);
  // The regional dashboard, from a snapshot shared by every request and rebuilt only when its data may have changed
  // (see Snapshot() in app.cc). This App's own writes show at once; changes by other processes on the same database
  // (another server, a seeding or import tool, plain SQL) within kDataVersionCheckS seconds: so often a request
  // compares the database's change counter (store::DataVersion, one read of a one-row table) with the snapshot's.
  static constexpr int64_t kDataVersionCheckS = 5;
  Outcome ViewRegion(const Principal& p, RegionView* out);
  Outcome EvidenceContent(const Principal& p, int64_t evidence_id, store::Evidence* meta, std::string* content);
  // Public, without a login: what a verification code (VerifyCode) says. An unknown or malformed code is
  // kUnknown, never an error; only a database failure is one.
  Outcome Verify(const std::string& code, Verification* out);
  Outcome ListCooperatives(const Principal& p, std::vector<store::Cooperative>* out);
  // The audit trail of a cooperative (or, for the administrator, of everything), newest first, a page of
  // kAuditPageSize at a time: `before_id` continues after the last entry of the previous page; *more says whether
  // older entries remain.
  static constexpr int kAuditPageSize = 200;
  Outcome Audit(const Principal& p, std::optional<int64_t> coop_id, std::optional<int64_t> before_id,
                std::vector<store::AuditEntry>* out, bool* more);
  // The same with who acted (the users named by the entries, by id) and the province of the cooperative's region
  // (the zone its times are shown in; "" for the system-wide trail), for a page people read.
  Outcome Audit(const Principal& p, std::optional<int64_t> coop_id, std::optional<int64_t> before_id,
                std::vector<store::AuditEntry>* out, bool* more, std::map<int64_t, store::User>* people,
                std::string* provinsi);

  // ---- The cooperative ----
  // A laporan from form fields (keys as in the CSV form: "neraca.kas", "manajemen.umum[3]") or from an uploaded
  // file (JSON, XLSX, CSV). A new draft when draft_id is empty; else replaces that draft's figures. The figures are
  // assessed at once. Input that does not make a laporan: with kComplete, stores nothing and returns kInvalid with
  // every problem; with kMayBeIncomplete, is stored as an incomplete draft (ok; the fields as typed, or for a file
  // what could be read of it, no score) with the same audit entry as any save. Text that is not clean UTF-8, a
  // period taken by another laporan, and a file with nothing readable are refused either way.
  Outcome SaveDraftFromFields(const Principal& p, int64_t coop_id, std::optional<int64_t> draft_id,
                              const std::vector<std::pair<std::string, std::string>>& fields, int64_t* id,
                              DraftMode mode = DraftMode::kComplete);
  Outcome SaveDraftFromFile(const Principal& p, int64_t coop_id, std::optional<int64_t> draft_id,
                            const std::string& bytes, const std::string& file_name, int64_t* id,
                            DraftMode mode = DraftMode::kComplete);
  // Sends a complete draft to the Dinas; an incomplete one is refused (kConflict) with what is missing.
  Outcome Submit(const Principal& p, int64_t laporan_id);

  // The board's own one-year plan limits of a laporan (kSetPlanLimits: its pengurus and pengelola; any status,
  // since they are working figures, not its assessment). Each input is checked against the action book (SetLimit:
  // a percentage 0..100; a reason of at most kMaxLimitReasonChars); any problem stores nothing and returns
  // kInvalid with every problem, each at its form field ("batas.tagih_macet", "alasan.tagih_macet") and naming the
  // limit by its label. A limit at its default without a reason follows the default (its row goes); limits not in
  // `inputs` stay as they are. Each limit that changes writes one audit entry ("rencana.batas") with its value and
  // reason before and after, so the audit trail keeps every earlier value.
  static constexpr size_t kMaxLimitReasonChars = 300;
  static constexpr size_t kMaxLimitInputs = 50;
  Outcome SavePlanLimits(const Principal& p, int64_t laporan_id, const std::vector<LimitInput>& inputs);
  // Every limit of the laporan back to the action book's default, one audit entry per limit that had its own.
  Outcome ResetPlanLimits(const Principal& p, int64_t laporan_id);

  // ---- The examiner ----
  // Changes figures ("neraca.kas" = "12.500.000") or checklist answers ("manajemen.umum[3]" = "Ya"/"Tidak") with
  // one written reason, all at once (moving an amount between two balance-sheet lines keeps the balance only when
  // both change together); at most kMaxChangesPerAdjustment. The originals stay in the change records and in the
  // submitted figures.
  static constexpr size_t kMaxChangesPerAdjustment = 10;
  Outcome Adjust(const Principal& p, int64_t laporan_id,
                 const std::vector<std::pair<std::string, std::string>>& changes, const std::string& reason);
  Outcome AddEvidence(const Principal& p, int64_t laporan_id, const std::string& file_name,
                      const std::string& content_type, const std::string& content, const std::string& note,
                      int64_t* id);
  Outcome ReturnToCooperative(const Principal& p, int64_t laporan_id, const std::string& note);
  Outcome Finalise(const Principal& p, int64_t laporan_id);
  // A final assessment is never changed: a correction is a new revision (status diajukan) for the examiner to
  // adjust and finalise; the reason is kept on it.
  Outcome StartCorrection(const Principal& p, int64_t laporan_id, const std::string& reason, int64_t* id);

  // ---- Administration ----
  Outcome CreateRegion(const Principal& p, const store::Region& r, int64_t* id);
  Outcome CreateCooperative(const Principal& p, const store::Cooperative& c, int64_t* id);
  // Creates a user with this password (hashed here). Without a principal (nullptr): the seeding of a new database.
  Outcome CreateUser(const Principal* p, store::User u, const std::string& password, int64_t* id);
  // The same from the administration form, where the role is a word ("pengurus"): the right is checked before the
  // word, so a user without it learns nothing from the messages.
  Outcome CreateUserFromForm(const Principal& p, store::User u, const std::string& role_word,
                             const std::string& password, int64_t* id);

  // ---- Operations ----
  // The database answers a trivial query (the health check).
  bool DatabaseReachable();

 private:
  struct Assessed;
  // `fields`: the input as typed, stored when the laporan is incomplete and `mode` allows it.
  Outcome SaveDraft(const Principal& p, int64_t coop_id, std::optional<int64_t> draft_id, const Laporan& laporan,
                    DraftMode mode, const std::vector<std::pair<std::string, std::string>>& fields,
                    Problems build_problems, int64_t* id);
  // One workflow step on a laporan in one transaction: load it for `action` (authorised), let `change` check its
  // state and change it, then write it with its audit entry (after: `audit_after`, else the new summary).
  Outcome Step(const Principal& p, int64_t laporan_id, Action action, const char* audit_action,
               const std::function<Outcome(store::LaporanRecord*)>& change, const std::string& audit_after = "");
  // Loads a laporan and its cooperative and asks the policy. A laporan the user may not even see is "not found"
  // (so ids of other tenants cannot be probed); one they see but may not act on is "forbidden". `lock`: in a write
  // transaction, lock the row until it ends.
  Outcome LoadForAction(store::Connection* db, const Principal& p, int64_t laporan_id, Action action,
                        store::LaporanRecord* rec, store::Cooperative* coop, bool lock = false);
  // `changes_data` false: a write that no derived view depends on (sessions), which keeps the region snapshot.
  Outcome Run(bool write, const std::function<Outcome(store::Connection*)>& body, bool changes_data = true);

  // Every cooperative of every region with its flags, shared by dashboard requests (ViewRegion filters it).
  struct RegionSnapshot {
    uint64_t generation = 0;    // data_generation_ when the build began
    int64_t data_version = 0;   // the database's change counter (store::DataVersion) when the build began
    int64_t built_at = 0;
    int64_t expires_at = 0;     // when the expected period or its deadline next changes (NextDeadlineChange)
    std::string expected_periode;
    std::vector<store::Region> regions;
    std::vector<RegionRow> rows;
    // Without their figures, only those whose cooperative has a row; awaiting_cooperatives names it (in rows).
    std::vector<store::LaporanRecord> awaiting_review;
    std::vector<const store::Cooperative*> awaiting_cooperatives;
    // Per region: the distribution and flag counts, and where its rows and submissions are (indices into rows and
    // awaiting_review, ascending), so a request adds up or gathers its regions' instead of reading 130,000 rows.
    struct OfRegion {
      std::map<std::string, int> by_predikat;
      std::map<std::string, int> by_metode;
      std::vector<uint32_t> rows;
      std::vector<uint32_t> early_warning;  // those of `rows` with the flag
      std::vector<uint32_t> overdue;
      std::vector<uint32_t> awaiting;
    };
    std::map<int64_t, OfRegion> of_region;
    // The flagged rows of every region, in the rows' order: the administrator's lists, shared as they are.
    std::vector<const RegionRow*> early_warning_rows;
    std::vector<const RegionRow*> overdue_rows;
    // What a user of several regions sees (a province's examiner: 14 regencies, 3,541 rows), gathered from the
    // regions' lists and put in order once per snapshot and set of regions, then shared by that user's requests.
    // Its lists have the snapshot's names (ShowLists in app.cc shows either).
    struct Gathered {
      std::vector<const RegionRow*> rows, early_warning_rows, overdue_rows;
      std::vector<const store::LaporanRecord*> awaiting_review;
      std::vector<const store::Cooperative*> awaiting_cooperatives;
    };
    static constexpr size_t kMaxGatheredSets = 1000;  // distinct region sets kept; beyond, gathered per request
    mutable std::mutex gathered_mu;
    mutable std::map<std::vector<int64_t>, std::shared_ptr<const Gathered>> gathered;
  };
  std::shared_ptr<const RegionSnapshot> Snapshot(Outcome* error);
  // Whether the database's change counter still equals the snapshot's; checked by at most one request per
  // kDataVersionCheckS (the others trust the snapshot meanwhile). A failed check counts as a change.
  bool StillCurrent(const RegionSnapshot& s, int64_t now);
  Outcome BuildSnapshot(RegionSnapshot* out);
  // What the regions `region_ids` see of `snap` (cached in it per set of regions).
  static std::shared_ptr<const RegionSnapshot::Gathered> GatherRegions(const RegionSnapshot& snap,
                                                                      const std::vector<int64_t>& region_ids);
  // Authorisation before validating the input, so a user without the right learns nothing from the messages (the
  // write transaction checks again). laporan_id 0: check the cooperative alone.
  Outcome PreCheck(const Principal& p, int64_t coop_id, int64_t laporan_id, Action action);
  // Every write of a laporan's plan limits: in one transaction, the laporan for kSetPlanLimits (locked) and its
  // stored limits handed to `change`, which writes each limit's change through PlanLimitWrite::Change.
  struct PlanLimitWrite {
    store::Connection* db;
    int64_t laporan_id, cooperative_id, user_id, at;
    store::DbError Change(const std::string& limit_id, const std::string& default_pct, const store::PlanLimit* before,
                     const store::PlanLimit* after) const;
  };
  Outcome WritePlanLimits(const Principal& p, int64_t laporan_id,
                          const std::function<store::DbError(const PlanLimitWrite&,
                                                             const std::vector<store::PlanLimit>&)>& change);
  // The start of every examiner step that needs a written reason: the right first, then the reason.
  Outcome ReviewWithReason(const Principal& p, int64_t laporan_id, const std::string& reason, const char* field);

  store::Store* store_;
  AppOptions options_;
  LoginThrottle throttle_;
  ConcurrencyLimit password_checks_;
  std::atomic<uint64_t> password_checks_done_{0};
  std::atomic<int> password_checks_running_{0};
  std::atomic<int> password_checks_peak_{0};
  // What an unknown user name's login is checked against, at this App's cost, so the reply takes as long as for a
  // known name and does not tell which names exist.
  std::string dummy_hash_;
  std::atomic<uint64_t> data_generation_{0};  // bumped by every committed write of data (not of sessions)
  std::mutex region_mu_;                        // guards region_cache_
  std::shared_ptr<const RegionSnapshot> region_cache_;
  std::mutex region_refill_mu_;                 // one rebuild at a time
  std::atomic<int64_t> data_version_checked_at_{0};  // when StillCurrent last read the database's counter
};

// The predikat labels of every embedded scored method, each method's best first, without repeats: the order in which
// dashboards count and colour them. Taken from the rulebooks, never written in code.
const std::vector<std::string>& PredikatLabels();
// A label's rank in the first method that has it (0 = its best predikat); -1 when no embedded method has it.
int PredikatRank(std::string_view label);

// The stored form of an assessed laporan: its figures (laporan-v1 JSON), method id and version, score, predikat
// label and the penilaian-v1 JSON.
void FillAssessment(const Laporan& laporan, const Assessment& a, store::LaporanRecord* rec);

// The change of the latest final score since the final result of the period before, when both were made with the
// same method (rulebook id); empty when there is no earlier result or the method changed between them.
std::optional<int64_t> ScoreChangeE6(const store::CooperativeSummary& s);
// Whether the method changed between those two results: a marked break in the series, never a difference.
bool MethodBreak(const store::CooperativeSummary& s);

// The financial year whose laporan is expected by `now` (its end date, "2025-12-31") and whether `now` is past its
// deadline (submission_months after the year's end).
std::string ExpectedPeriode(int64_t now, int submission_months, bool* past_deadline);
// The first instant after `now` at which ExpectedPeriode's answer (the period or past_deadline) can change: the
// start of the deadline's month after the year's end, or the next 1 January (UTC), whichever comes first.
int64_t NextDeadlineChange(int64_t now, int submission_months);

}  // namespace kopsehat::app
