// web/pages.cc — the HTML routes: each reads the request, calls one App operation with the Principal, and renders a
// view or redirects (POST → 303 → GET, so a reload never repeats a write).
#include <cctype>
#include <charconv>

#include "interchange/template_writer.h"
#include "plan/actions.h"
#include "report/chart.h"
#include "rules/loader.h"
#include "store/schema.h"
#include "core/zone.h"
#include "web/assets.h"
#include "web/http.h"
#include "web/views.h"

namespace kopsehat::web {

namespace {

constexpr const char* kLoginCsrfCookie = "ks_masuk";

// A path of ours for links: "//host/x" would be another site to a browser, so leading slashes collapse to one.
std::string SafePath(const std::string& path) {
  size_t slashes = 0;
  while (slashes < path.size() && path[slashes] == '/') ++slashes;
  return slashes <= 1 ? path : path.substr(slashes - 1);
}

PageContext Context(const Call& call) {
  PageContext ctx;
  ctx.lang = call.lang;
  ctx.principal = call.principal;
  if (call.principal != nullptr) ctx.csrf = call.principal->session.csrf_token;
  // The language link repeats the current page with GET; a page shown in answer to a POST links to a safe page
  // (the handlers that re-render a form or a laporan set their own GET address).
  ctx.path = call.request->method == "GET" ? SafePath(call.request->path) : "/";
  return ctx;
}

void Html(std::string body, Response* out) {
  out->content_type = "text/html; charset=utf-8";
  out->body = std::move(body);
}

// Renders the error page of a refused operation.
void Fail(const Call& call, const Outcome& o, Response* out) {
  out->status = HttpStatus(o.code);
  Html(ErrorPage(Context(call), out->status, o.problems), out);
}

std::string CookieAttributes(const Call& call) {
  return std::string("; Path=/; HttpOnly; SameSite=Lax") + (call.settings->secure_cookies ? "; Secure" : "");
}

std::optional<int64_t> ParseId(const std::string& text) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

// The form fields that are laporan keys (not csrf or buttons).
std::vector<std::pair<std::string, std::string>> LaporanFields(const Request& req) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : req.fields) {
    if (k != "csrf") out.emplace_back(k, v);
  }
  return out;
}

// The key/value rows of a stored laporan, to fill the form for editing.
std::vector<std::pair<std::string, std::string>> ValuesOf(const LaporanView& view) {
  TemplateOptions o;
  o.rulebook = view.assessment.rulebook;
  o.prefill = &view.laporan;
  std::vector<std::pair<std::string, std::string>> out;
  for (const TemplateRow& row : TemplateRows(o)) {
    if (!row.value.empty()) out.emplace_back(row.key, row.value);
  }
  return out;
}

// ---- Login ----

void LoginGet(Call& call, Response* out) {
  if (!call.request->Cookie(kSessionCookie).empty()) {
    Principal p;
    if (call.app->Authenticate(call.request->Cookie(kSessionCookie), &p).ok()) return out->Redirect("/");
  }
  PageContext ctx = Context(call);
  // Login CSRF: a form token in a cookie and in the form must match (the double-submit pattern), so another site
  // cannot log a visitor in under its own account.
  ctx.csrf = RandomToken();
  out->headers.emplace_back("Set-Cookie", std::string(kLoginCsrfCookie) + "=" + ctx.csrf + CookieAttributes(call));
  Html(LoginPage(ctx, "", Problems{}), out);
}

void LoginPost(Call& call, Response* out) {
  const Request& req = *call.request;
  PageContext ctx = Context(call);
  const std::string form_token = req.Field("csrf");
  if (form_token.empty() || !ConstantTimeEquals(form_token, req.Cookie(kLoginCsrfCookie))) {
    Problems p;
    p.Add("csrf", "csrf_tidak_sah", "formulir kedaluwarsa; muat ulang halaman lalu coba lagi",
          "the form expired; reload the page and try again");
    out->status = 403;
    ctx.csrf = RandomToken();
    out->headers.emplace_back("Set-Cookie", std::string(kLoginCsrfCookie) + "=" + ctx.csrf + CookieAttributes(call));
    return Html(LoginPage(ctx, req.Field("username"), p), out);
  }
  std::string token;
  Principal p;
  const Outcome o = call.app->Login(req.Field("username"), req.Field("password"), req.client, &token, &p);
  if (!o.ok()) {
    out->status = HttpStatus(o.code);
    ctx.csrf = form_token;
    return Html(LoginPage(ctx, req.Field("username"), o.problems), out);
  }
  out->headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + token + CookieAttributes(call) +
                                              "; Max-Age=" + std::to_string(call.app->options().session_ttl_s));
  out->Redirect("/");
}

void Logout(Call& call, Response* out) {
  call.app->Logout(*call.principal);
  out->headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + CookieAttributes(call) + "; Max-Age=0");
  out->Redirect("/masuk");
}

// The home of each role: its cooperative, or the region.
void Home(Call& call, Response* out) {
  const store::User& u = call.principal->user;
  if (u.cooperative_id) return out->Redirect("/koperasi/" + std::to_string(*u.cooperative_id));
  out->Redirect("/wilayah");
}

// ---- Cooperative ----

void CooperativeGet(Call& call, Response* out) {
  CooperativeView view;
  Outcome o = call.app->ViewCooperative(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  // The dashboard shows the latest final assessment, else the latest of any status the user may see.
  LaporanView latest;
  const store::LaporanRecord* pick = nullptr;
  for (const store::LaporanRecord& l : view.laporan) {
    if (l.status == store::Status::kFinal) {
      pick = &l;
      break;
    }
  }
  if (pick == nullptr && !view.laporan.empty()) pick = &view.laporan.front();
  const bool have_latest = pick != nullptr && call.app->ViewLaporan(*call.principal, pick->id, &latest).ok();
  Html(CooperativePage(Context(call), view, have_latest ? &latest : nullptr), out);
}

// A new laporan's form: the cooperative's identity, the period and the method ("" = the period's).
std::vector<std::pair<std::string, std::string>> NewFormValues(const store::Cooperative& coop, const std::string& periode,
                                                               const std::string& metode) {
  return {{"koperasi.nama", coop.nama},
          {"koperasi.jenis", coop.jenis},
          {"koperasi.nomor_badan_hukum", coop.nomor_badan_hukum},
          {"koperasi.kabupaten", coop.region_nama},
          {"periode.akhir", periode},
          {"metode", metode.substr(0, 60)}};
}

// A new laporan starts with the choice of period and method (the one in force for the period chosen already); with
// ?metode= the form of that method, with the cooperative's identity filled in.
void NewLaporanGet(Call& call, Response* out) {
  CooperativeView view;
  Outcome o = call.app->PrepareNewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  const Request& r = *call.request;
  bool past_deadline = false;
  std::string periode = r.Query("periode").substr(0, 40);
  if (periode.empty()) {
    periode = ExpectedPeriode(call.app->Now(), call.app->options().submission_months, &past_deadline);
  }
  if (r.Query("metode").empty()) return Html(MethodChoicePage(Context(call), view.cooperative, periode), out);
  Html(LaporanFormPage(Context(call), view.cooperative, 0, NewFormValues(view.cooperative, periode, r.Query("metode")),
                       Problems{}),
       out);
}

// Shows the form again with what was typed and every problem (nothing stored: text that cannot be stored, or a
// period another laporan has).
void RefillForm(Call& call, int64_t coop_id, int64_t draft_id, const Outcome& o, Response* out) {
  CooperativeView view;
  Outcome v = call.app->ViewCooperative(*call.principal, coop_id, &view);
  if (!v.ok()) return Fail(call, v, out);
  out->status = HttpStatus(o.code);
  PageContext ctx = Context(call);
  ctx.path = draft_id != 0 ? "/laporan/" + std::to_string(draft_id) + "/ubah"
                           : "/koperasi/" + std::to_string(coop_id) + "/laporan/baru";
  Html(LaporanFormPage(ctx, view.cooperative, draft_id, LaporanFields(*call.request), o.problems), out);
}

// The form saves a draft whatever state it is in: complete, it is assessed; incomplete, it is kept as typed and its
// page says what is missing (DraftMode::kMayBeIncomplete).
void NewLaporanPost(Call& call, Response* out) {
  int64_t id = 0;
  const Outcome o = call.app->SaveDraftFromFields(*call.principal, call.ids[0], std::nullopt,
                                                  LaporanFields(*call.request), &id, DraftMode::kMayBeIncomplete);
  if (o.code == Code::kInvalid || o.code == Code::kConflict) return RefillForm(call, call.ids[0], 0, o, out);
  if (!o.ok()) return Fail(call, o, out);
  out->Redirect("/laporan/" + std::to_string(id));
}

// A file that could not be read at all comes back to the laporan form, not to an error page: the upload card open
// with the file named and every problem, the form below with the draft's fields (or a new one's) to fill in instead.
void RefuseUpload(Call& call, std::optional<int64_t> draft, const std::string& filename, const Outcome& o,
                  Response* out) {
  PageContext ctx = Context(call);
  std::vector<std::pair<std::string, std::string>> values;
  store::Cooperative coop;
  int64_t draft_id = 0;
  LaporanView view;
  if (draft && call.app->ViewLaporan(*call.principal, *draft, &view).ok() && view.may.edit) {
    values = view.incomplete ? view.fields : ValuesOf(view);
    coop = view.cooperative;
    draft_id = view.record.id;
    ctx.path = "/laporan/" + std::to_string(draft_id) + "/ubah";
  } else {
    CooperativeView cv;
    const Outcome v = call.app->ViewCooperative(*call.principal, call.ids[0], &cv);
    if (!v.ok()) return Fail(call, v, out);
    coop = cv.cooperative;
    bool past_deadline = false;
    values = NewFormValues(coop, ExpectedPeriode(call.app->Now(), call.app->options().submission_months, &past_deadline),
                           "");
    ctx.path = "/koperasi/" + std::to_string(coop.id) + "/laporan/baru";
  }
  out->status = HttpStatus(o.code);
  Html(LaporanFormPage(ctx, coop, draft_id, values, o.problems, filename.empty() ? T(call.lang, "(tanpa nama)", "(no name)") : filename), out);
}

void UploadPost(Call& call, Response* out) {
  const UploadedFile* file = call.request->File("berkas");
  int64_t id = 0;
  const std::optional<int64_t> draft = ParseId(call.request->Field("draf"));
  // No file is an empty one: the App checks the right first, then says what is wrong with the file.
  const Outcome o = call.app->SaveDraftFromFile(*call.principal, call.ids[0], draft,
                                                file != nullptr ? file->content : std::string(),
                                                file != nullptr ? file->filename : std::string("laporan.json"), &id,
                                                DraftMode::kMayBeIncomplete);
  if (o.code == Code::kInvalid || o.code == Code::kConflict) {
    return RefuseUpload(call, draft, file != nullptr ? file->filename : std::string(), o, out);
  }
  if (!o.ok()) return Fail(call, o, out);
  out->Redirect("/laporan/" + std::to_string(id));
}

void AuditGet(Call& call, Response* out) {
  std::vector<store::AuditEntry> entries;
  const std::optional<int64_t> coop = call.ids.empty() ? std::nullopt : std::optional<int64_t>(call.ids[0]);
  bool more = false;
  std::map<int64_t, store::User> people;
  std::string provinsi;
  Outcome o = call.app->Audit(*call.principal, coop, ParseId(call.request->Query("sebelum")), &entries, &more, &people,
                              &provinsi);
  if (!o.ok()) return Fail(call, o, out);
  const std::string older =
      more ? call.request->path + "?sebelum=" + std::to_string(entries.back().id) : std::string();
  Html(AuditPage(Context(call), call.lang == Lang::kEn ? "Audit trail" : "Jejak audit", entries, older, people,
                 ZoneOfProvince(provinsi)),
       out);
}

// ---- Laporan ----

void RenderLaporan(Call& call, int64_t id, const Problems& problems, int status, Response* out) {
  LaporanView view;
  Outcome o = call.app->ViewLaporan(*call.principal, id, &view);
  if (!o.ok()) return Fail(call, o, out);
  if (!problems.empty()) {
    for (const auto& [k, v] : call.request->fields) {
      if (k != "csrf") view.retry.emplace_back(k, v);
    }
  }
  out->status = status;
  PageContext ctx = Context(call);
  ctx.path = "/laporan/" + std::to_string(id);
  const ReportStamp stamp = StampOf(call, view);
  Html(LaporanPage(ctx, view, problems, &stamp), out);
}

void LaporanGet(Call& call, Response* out) { RenderLaporan(call, call.ids[0], Problems{}, 200, out); }

void EditGet(Call& call, Response* out) {
  LaporanView view;
  Outcome o = call.app->ViewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  if (!view.may.edit) {
    return Fail(call, Outcome::Error(Code::kForbidden, "", "tidak_berhak", "Laporan ini tidak dapat Anda ubah.",
                                     "You cannot change this laporan."),
                out);
  }
  // An incomplete draft reopens with its fields as typed and each problem beside its field.
  if (view.incomplete) {
    return Html(LaporanFormPage(Context(call), view.cooperative, view.record.id, view.fields, view.missing), out);
  }
  Html(LaporanFormPage(Context(call), view.cooperative, view.record.id, ValuesOf(view), Problems{}), out);
}

void EditPost(Call& call, Response* out) {
  LaporanView view;
  Outcome o = call.app->ViewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  int64_t id = 0;
  o = call.app->SaveDraftFromFields(*call.principal, view.record.cooperative_id, view.record.id,
                                    LaporanFields(*call.request), &id, DraftMode::kMayBeIncomplete);
  if (o.code == Code::kInvalid || o.code == Code::kConflict) return RefillForm(call, view.record.cooperative_id, view.record.id, o, out);
  if (!o.ok()) return Fail(call, o, out);
  out->Redirect("/laporan/" + std::to_string(id));
}

// After a workflow action: back to the laporan page, or the page again with the problems.
void AfterAction(Call& call, int64_t id, const Outcome& o, Response* out) {
  if (o.code == Code::kInvalid || o.code == Code::kConflict) {
    return RenderLaporan(call, id, o.problems, HttpStatus(o.code), out);
  }
  if (!o.ok()) return Fail(call, o, out);
  out->Redirect("/laporan/" + std::to_string(id));
}

void SubmitPost(Call& call, Response* out) {
  AfterAction(call, call.ids[0], call.app->Submit(*call.principal, call.ids[0]), out);
}

// The form offers up to three changes: path/nilai, path2/nilai2, path3/nilai3 (empty rows are ignored).
void AdjustPost(Call& call, Response* out) {
  const Request& r = *call.request;
  std::vector<std::pair<std::string, std::string>> changes;
  for (const char* suffix : {"", "2", "3"}) {
    const std::string path = r.Field(std::string("path") + suffix);
    if (!path.empty()) changes.emplace_back(path, r.Field(std::string("nilai") + suffix));
  }
  AfterAction(call, call.ids[0], call.app->Adjust(*call.principal, call.ids[0], changes, r.Field("alasan")), out);
}

void EvidencePost(Call& call, Response* out) {
  const UploadedFile* file = call.request->File("berkas");
  int64_t id = 0;
  const UploadedFile none;
  const UploadedFile& f = file != nullptr ? *file : none;
  const Outcome o = call.app->AddEvidence(*call.principal, call.ids[0], f.filename, f.content_type, f.content,
                                          call.request->Field("catatan"), &id);
  AfterAction(call, call.ids[0], o, out);
}

void ReturnPost(Call& call, Response* out) {
  AfterAction(call, call.ids[0],
              call.app->ReturnToCooperative(*call.principal, call.ids[0], call.request->Field("catatan")), out);
}

void FinalisePost(Call& call, Response* out) {
  AfterAction(call, call.ids[0], call.app->Finalise(*call.principal, call.ids[0]), out);
}

void CorrectionPost(Call& call, Response* out) {
  int64_t id = 0;
  const Outcome o = call.app->StartCorrection(*call.principal, call.ids[0], call.request->Field("alasan"), &id);
  AfterAction(call, o.ok() ? id : call.ids[0], o, out);
}

void Download(Call& call, const char* kind, Response* out) {
  LaporanView view;
  Outcome o = call.app->ViewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  RenderDownload(call, view, kind, out);
}

void RadarGet(Call& call, Response* out) {
  LaporanView view;
  Outcome o = call.app->ViewLaporan(*call.principal, call.ids[0], &view);
  if (!o.ok()) return Fail(call, o, out);
  if (view.incomplete) return Fail(call, IncompleteDraftOutcome(), out);
  out->content_type = "image/svg+xml";
  out->body = RadarSvgForPage(view.assessment, call.lang, 420, 360);
}

// The cheapest verified plan to the method's best predikat, for the cooperative's people and its examiner, within
// the board's stored limits. Each `batas.<id>` query field tries one limit's percentage over them for this page
// only, not stored (at most 50 read): the limits form's "try without saving", and a link anyone who sees the plan
// can send ("what if tagih_macet were 40").
void PlanGet(Call& call, Response* out) {
  PlanView view;
  std::vector<std::pair<std::string, std::string>> limits;
  for (const auto& [name, value] : call.request->query) {
    if (name.rfind("batas.", 0) != 0 || limits.size() >= App::kMaxLimitInputs) continue;
    limits.push_back({name.substr(6, 60), value.substr(0, 20)});
  }
  const Outcome o = call.app->PlanLaporan(*call.principal, call.ids[0], &view, limits);
  if (!o.ok()) return Fail(call, o, out);
  Html(PlanPage(Context(call), view), out);
}

// A query value: unreserved characters as they are, every other byte %XX.
std::string QueryEscaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// The board's limits form: `batas.<id>` (a percentage) and `alasan.<id>` (a reason) per limit. Saved: back to the
// plan (Post/Redirect/Get). Refused: the plan page again (422) with the form as typed and every problem, nothing
// stored. With `coba` nothing is stored either: the plan page is asked for with the typed percentages as its GET
// `batas.<id>` fields (reasons are for what is saved).
void LimitsPost(Call& call, Response* out) {
  const Request& r = *call.request;
  const std::string plan = "/laporan/" + std::to_string(call.ids[0]) + "/rencana";
  std::vector<LimitInput> inputs;
  std::string tried;
  for (const auto& [name, value] : r.fields) {
    if (name.rfind("batas.", 0) != 0) continue;
    const std::string id = name.substr(6);
    inputs.push_back({id, value, r.Field("alasan." + id)});
    if (inputs.size() > App::kMaxLimitInputs) continue;
    tried += (tried.empty() ? "?" : "&") + QueryEscaped(name) + "=" + QueryEscaped(value);
  }
  if (!r.Field("coba").empty()) return out->Redirect(plan + tried);
  const Outcome o = call.app->SavePlanLimits(*call.principal, call.ids[0], inputs);
  if (o.ok()) return out->Redirect(plan);
  if (o.code != Code::kInvalid) return Fail(call, o, out);
  PlanView view;
  const Outcome v = call.app->PlanLaporan(*call.principal, call.ids[0], &view);
  if (!v.ok()) return Fail(call, v, out);
  for (const Problem& p : o.problems.items()) view.limit_problems.Add(p.path, p.code, p.pesan, p.message);
  for (const auto& [k, value] : r.fields) {
    if (k != "csrf") view.limit_retry.emplace_back(k, value);
  }
  out->status = HttpStatus(o.code);
  PageContext ctx = Context(call);
  ctx.path = plan;
  Html(PlanPage(ctx, view), out);
}

void LimitsResetPost(Call& call, Response* out) {
  const Outcome o = call.app->ResetPlanLimits(*call.principal, call.ids[0]);
  if (!o.ok()) return Fail(call, o, out);
  out->Redirect("/laporan/" + std::to_string(call.ids[0]) + "/rencana");
}

void EvidenceGet(Call& call, Response* out) {
  store::Evidence meta;
  std::string content;
  Outcome o = call.app->EvidenceContent(*call.principal, call.ids[0], &meta, &content);
  if (!o.ok()) return Fail(call, o, out);
  // Served as a download, never rendered in our origin: an uploaded HTML file must not run as our page.
  out->content_type = "application/octet-stream";
  out->body = std::move(content);
  std::string safe;
  for (char c : meta.filename) safe += (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) ? '_' : c;
  out->headers.emplace_back("Content-Disposition", "attachment; filename=\"" + safe + "\"");
}

// ---- Region and administration ----

RegionQuery ParseRegionQuery(const Request& r) {
  RegionQuery q;
  q.q = r.Query("q").substr(0, 100);
  q.predikat = r.Query("predikat").substr(0, 60);
  q.metode = r.Query("metode").substr(0, 60);
  if (!r.Query("urut").empty()) q.urut = r.Query("urut");
  if (!r.Query("arah").empty()) q.arah = r.Query("arah");
  if (std::optional<int64_t> page = ParseId(r.Query("hal")); page && *page < 100000) q.hal = size_t(*page);
  return q;
}

void RegionGet(Call& call, Response* out) {
  RegionView view;
  Outcome o = call.app->ViewRegion(*call.principal, &view);
  if (!o.ok()) return Fail(call, o, out);
  Html(RegionPage(Context(call), view, ParseRegionQuery(*call.request)), out);
}

// The regional table as shown (filters and sort of the query, every page) as a download: the same right as the page
// (ViewRegion asks the policy), the same rows (RegionTableExport).
void RegionExportGet(Call& call, Response* out, bool xlsx) {
  RegionView view;
  Outcome o = call.app->ViewRegion(*call.principal, &view);
  if (!o.ok()) return Fail(call, o, out);
  const ExportTable table = RegionTableExport(Context(call), view, ParseRegionQuery(*call.request));
  const char* name = "koperasi-wilayah";
  if (xlsx) {
    // A fixed creation time: the same table gives the same bytes (house rule: deterministic output).
    if (const kopsehat::Status s = RenderTableXlsx(table, 0, &out->body); !s.ok()) {
      return Fail(call, Outcome::Error(Code::kInternal, "", "ekspor_gagal", "Tabel tidak dapat dibuat.",
                                       "The table could not be made."), out);
    }
    out->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    out->body = TableCsv(table);
    out->content_type = "text/csv; charset=utf-8";
  }
  out->headers.emplace_back("Content-Disposition",
                            std::string("attachment; filename=\"") + name + (xlsx ? ".xlsx\"" : ".csv\""));
  out->headers.emplace_back("Cache-Control", "no-store");
}

void AdminGet(Call& call, Response* out, const Problems& problems = Problems{}, int status = 200) {
  AdminView view;
  const Outcome o = call.app->ViewAdmin(*call.principal, &view);
  if (!o.ok()) return Fail(call, o, out);
  out->status = status;
  PageContext ctx = Context(call);
  ctx.path = "/admin";
  Html(AdminPage(ctx, view, problems), out);
}

void AdminAfter(Call& call, const Outcome& o, Response* out) {
  if (o.code == Code::kInvalid || o.code == Code::kConflict) return AdminGet(call, out, o.problems, HttpStatus(o.code));
  if (!o.ok()) return Fail(call, o, out);
  out->Redirect("/admin");
}

void AdminRegionPost(Call& call, Response* out) {
  int64_t id = 0;
  store::Region r{0, call.request->Field("nama"), call.request->Field("provinsi")};
  AdminAfter(call, call.app->CreateRegion(*call.principal, r, &id), out);
}

void AdminCooperativePost(Call& call, Response* out) {
  const Request& r = *call.request;
  store::Cooperative c;
  c.region_id = ParseId(r.Field("region_id")).value_or(0);
  c.nama = r.Field("nama");
  c.jenis = r.Field("jenis");
  c.nomor_badan_hukum = r.Field("nomor_badan_hukum");
  int64_t id = 0;
  AdminAfter(call, call.app->CreateCooperative(*call.principal, c, &id), out);
}

void AdminUserPost(Call& call, Response* out) {
  const Request& r = *call.request;
  store::User u;
  u.username = r.Field("username");
  u.display_name = r.Field("display_name");
  u.cooperative_id = ParseId(r.Field("cooperative_id"));
  for (const auto& [k, v] : r.fields) {
    if (k == "region_ids") {
      if (std::optional<int64_t> id = ParseId(v)) u.region_ids.push_back(*id);
    }
  }
  int64_t id = 0;
  AdminAfter(call, call.app->CreateUserFromForm(*call.principal, u, r.Field("role"), r.Field("password"), &id), out);
}

void Asset(std::string_view body, const char* type, Response* out) {
  out->content_type = type;
  out->body = std::string(body);
  out->headers.emplace_back("Cache-Control", "public, max-age=86400");
}

// GET /verifikasi?kode=...: public, like the login page; a report's QR code opens it.
void VerifyGet(Call& call, Response* out) {
  const std::string code = call.request->Query("kode");
  PageContext ctx = Context(call);
  if (code.empty()) {
    out->body = VerifyPage(ctx, code, nullptr);
    return;
  }
  Verification v;
  const Outcome o = call.app->Verify(code, &v);
  if (!o.ok()) {
    out->status = HttpStatus(o.code);
    out->body = ErrorPage(ctx, out->status, o.problems);
    return;
  }
  out->body = VerifyPage(ctx, code, &v);
}

void Health(Call& call, Response* out) {
  out->content_type = "application/json; charset=utf-8";
  const bool ok = call.app->DatabaseReachable();
  out->status = ok ? 200 : 503;
  out->body = std::string("{\"status\":\"") + (ok ? "ok" : "basis_data_tidak_tersedia") +
              "\",\"skema\":" + std::to_string(store::LatestSchemaVersion()) + "}";
}

}  // namespace

void AddPageRoutes(std::vector<Route>* r) {
  const auto add = [r](const char* method, const char* pattern, Guard guard, Handler h) {
    r->push_back({method, pattern, guard, false, std::move(h)});
  };
  add("GET", "/masuk", Guard::kPublic, LoginGet);
  add("POST", "/masuk", Guard::kPublic, LoginPost);
  add("GET", "/aset/gaya.css", Guard::kPublic, [](Call&, Response* o) { Asset(kStylesheetCss, "text/css", o); });
  add("GET", "/aset/kopsehat.js", Guard::kPublic,
      [](Call&, Response* o) { Asset(kScriptJs, "text/javascript; charset=utf-8", o); });
  add("GET", "/sehat", Guard::kPublic, Health);
  add("GET", "/verifikasi", Guard::kPublic, VerifyGet);
  add("POST", "/keluar", Guard::kUser, Logout);
  add("GET", "/", Guard::kUser, Home);
  add("GET", "/koperasi/{id}", Guard::kUser, CooperativeGet);
  add("GET", "/koperasi/{id}/laporan/baru", Guard::kUser, NewLaporanGet);
  add("POST", "/koperasi/{id}/laporan", Guard::kUser, NewLaporanPost);
  add("POST", "/koperasi/{id}/unggah", Guard::kUser, UploadPost);
  add("GET", "/koperasi/{id}/audit", Guard::kUser, AuditGet);
  add("GET", "/laporan/{id}", Guard::kUser, LaporanGet);
  add("GET", "/laporan/{id}/ubah", Guard::kUser, EditGet);
  add("POST", "/laporan/{id}/ubah", Guard::kUser, EditPost);
  add("POST", "/laporan/{id}/ajukan", Guard::kUser, SubmitPost);
  add("POST", "/laporan/{id}/koreksi", Guard::kUser, AdjustPost);
  add("POST", "/laporan/{id}/bukti", Guard::kUser, EvidencePost);
  add("POST", "/laporan/{id}/kembalikan", Guard::kUser, ReturnPost);
  add("POST", "/laporan/{id}/final", Guard::kUser, FinalisePost);
  add("POST", "/laporan/{id}/revisi", Guard::kUser, CorrectionPost);
  add("GET", "/laporan/{id}/unduh.pdf", Guard::kUser, [](Call& c, Response* o) { Download(c, "pdf", o); });
  add("GET", "/laporan/{id}/unduh.xlsx", Guard::kUser, [](Call& c, Response* o) { Download(c, "xlsx", o); });
  add("GET", "/laporan/{id}/unduh.json", Guard::kUser, [](Call& c, Response* o) { Download(c, "json", o); });
  add("GET", "/laporan/{id}/radar.svg", Guard::kUser, RadarGet);
  add("GET", "/laporan/{id}/rencana", Guard::kUser, PlanGet);
  add("POST", "/laporan/{id}/rencana/batas", Guard::kUser, LimitsPost);
  add("POST", "/laporan/{id}/rencana/batas/bawaan", Guard::kUser, LimitsResetPost);
  add("GET", "/bukti/{id}", Guard::kUser, EvidenceGet);
  add("GET", "/wilayah", Guard::kUser, RegionGet);
  add("GET", "/wilayah/ekspor.csv", Guard::kUser, [](Call& c, Response* o) { RegionExportGet(c, o, false); });
  add("GET", "/wilayah/ekspor.xlsx", Guard::kUser, [](Call& c, Response* o) { RegionExportGet(c, o, true); });
  add("GET", "/admin", Guard::kUser, [](Call& c, Response* o) { AdminGet(c, o); });
  add("POST", "/admin/wilayah", Guard::kUser, AdminRegionPost);
  add("POST", "/admin/koperasi", Guard::kUser, AdminCooperativePost);
  add("POST", "/admin/pengguna", Guard::kUser, AdminUserPost);
  add("GET", "/admin/audit", Guard::kUser, AuditGet);
}

}  // namespace kopsehat::web
