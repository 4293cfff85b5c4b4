// web/views.h — the HTML pages of the web application, rendered on the server as plain HTML5 with one small
// stylesheet and one small script (web/assets.h), no external resource: usable on a cheap phone over a slow link,
// and every page works without JavaScript (the script only adds live totals and table sorting). Indonesian first,
// English with the language switch. Every value from the database or the user is escaped (Escape()). Each page
// group is one file, page_*.cc, drawn with the shared builder of web/html.h. Depends on app/ (and, below it, report/
// for the wording).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"
#include "core/zone.h"
#include "plan/optimize.h"
#include "report/stamp.h"
#include "report/table_export.h"
#include "app/app.h"

namespace kopsehat::web {

// The web is the HTTP and HTML face of the application core (app/): its names (App, Outcome, Principal, ...) are
// used here unqualified.
using namespace kopsehat::app;

// What every page needs: who is looking, in which language, and the CSRF token its forms carry.
struct PageContext {
  Lang lang = Lang::kId;
  const Principal* principal = nullptr;  // null on the login page
  std::string csrf;                      // the session's CSRF token (hidden field "csrf" in every POST form)
  std::string path;                      // the current path (for the language switch link)
};

// HTML-escapes text for element content and attribute values (& < > " ').
std::string Escape(std::string_view text);

std::string LoginPage(const PageContext& ctx, const std::string& username, const Problems& problems);

// A cooperative's dashboard: latest final (or else latest) score and predikat, aspect radar, history across years,
// the components losing most points, its laporan with status, and the button to start a laporan.
std::string CooperativePage(const PageContext& ctx, const CooperativeView& view, const LaporanView* latest);

// The laporan form: every line of the method's template grouped by section (neraca, hasil_usaha, pinjaman,
// kegiatan, periode_lalu.*; last year open when the method reads it), the checklists as yes/no choices grouped by
// aspect and sub-aspect with the count of answered items per checklist and overall and a preview of each aspect's
// share of Ya answers (server-rendered, kept current by the script), live totals and the balance check (script),
// and the upload form for a template file. It saves a draft, complete or not. `values` are the field values to show (key → text), `problems` the problems of
// the last attempt shown beside their fields (by Problem::path) and in a list at the top. `draft_id` 0: new.
// `refused_upload`: the name of an uploaded file that could not be read; the upload card opens first with it named.
std::string LaporanFormPage(const PageContext& ctx, const store::Cooperative& coop, int64_t draft_id,
                            const std::vector<std::pair<std::string, std::string>>& values, const Problems& problems,
                            const std::string& refused_upload = {});

// The first step of a new laporan: the period and the method, the one in force for `periode` (DefaultMetodeFor)
// chosen already; a GET form to the laporan form (?periode=...&metode=...), and the upload of a filled template.
std::string MethodChoicePage(const PageContext& ctx, const store::Cooperative& coop, const std::string& periode);

// The assessment detail: status and workflow actions allowed to this user (submit; examiner: change a value with
// reason, attach evidence, return, finalise, start a correction), total and predikat, per aspect, per component
// with its inputs, ratio, band, nilai, skor and explanation, warnings, the examiner's changes (before → after,
// reason, who, when), evidence (name, size, SHA-256, link), the correction reason and link to the corrected
// revision, and downloads (PDF, XLSX, JSON). The actions offered are those the App allows (view.may).
// `stamp`: draft or final, as the report's PDF says it (router.cc, StampOf); null shows none.
std::string LaporanPage(const PageContext& ctx, const LaporanView& view, const Problems& problems,
                        const ReportStamp* stamp = nullptr);

// The cheapest verified path to a target (SEHAT) for the laporan's cooperative: each step with its amount and what
// it lifts, the components that change and the result, all re-assessed by the exact engine (plan/optimize.h). When
// there is no plan (view.unavailable: a method the planner does not model, an incomplete draft) it says so in words
// and links back to the laporan.
std::string PlanPage(const PageContext& ctx, const PlanView& view);

// The regional dashboard: predikat distribution, early-warning list, awaiting review, overdue, and the table of
// every cooperative (latest predikat and score, change since last year), sortable and filterable by query
// parameters (`q` name contains, `predikat`, `metode` = rulebook id of the latest final result, `urut` =
// nama|skor|perubahan, `arah` = naik|turun, `hal` page of kRegionPageSize rows) so it works without JavaScript.
// Each row shows its method and version, and for KKPKK results the four aspect percentages; a change of method since
// last year is shown as a break ("metode berganti: ksp-2016 → kkpkk-2021"), never as a difference.
inline constexpr size_t kRegionPageSize = 100;
struct RegionQuery {
  std::string q;
  std::string predikat;
  std::string metode;
  std::string urut = "nama";
  std::string arah = "naik";
  size_t hal = 1;
};
std::string RegionPage(const PageContext& ctx, const RegionView& view, const RegionQuery& query);
// The same table with the query's filters and sort applied, every page, cell for cell as the page shows it (the
// download links /wilayah/ekspor.csv and .xlsx).
ExportTable RegionTableExport(const PageContext& ctx, const RegionView& view, const RegionQuery& query);

// Administration: regions, cooperatives and users, with the forms to add them.
std::string AdminPage(const PageContext& ctx, const AdminView& view, const Problems& problems);

// The audit trail (newest first); `older_url` links to the next page ("" when there is none).
// Who acted is named from `people` (name and role); times are local in `zone`, with the zone shown.
std::string AuditPage(const PageContext& ctx, const std::string& title, const std::vector<store::AuditEntry>& entries,
                      const std::string& older_url = "", const std::map<int64_t, store::User>& people = {},
                      const TimeZone& zone = TimeZone{});

// A page for an error (403, 404, 409...) with its problems and a link home.
std::string ErrorPage(const PageContext& ctx, int http_status, const Problems& problems);

// The public verification page: the verdict on `code` (null: only the form to type one).
std::string VerifyPage(const PageContext& ctx, const std::string& code, const Verification* verdict);

}  // namespace kopsehat::web
