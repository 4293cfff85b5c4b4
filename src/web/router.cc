// web/router.cc — the middleware and dispatch of http.h: match the route, pick the language, authenticate the
// session, check the CSRF token of every state-changing request, run the handler, add security headers. The
// authorisation of the object acted on is the App's (Allowed), so a handler cannot forget it by accident: every App
// operation takes the Principal.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>

#include "core/json_writer.h"
#include "core/text.h"
#include "core/zone.h"
#include "report/stamp.h"
#include "report/text_report.h"
#include "report/json_report.h"
#include "report/pdf_report.h"
#include "report/xlsx_worksheet.h"
#include "web/html.h"
#include "web/http.h"
#include "web/views.h"

namespace kopsehat::web {

namespace {

std::string Lookup(const std::vector<std::pair<std::string, std::string>>& list, const std::string& name) {
  for (const auto& [k, v] : list) {
    if (k == name) return v;
  }
  return "";
}

// Matches "/laporan/{id}/ajukan" against a path; numeric parameters into *ids.
bool MatchPattern(std::string_view pattern, std::string_view path, std::vector<int64_t>* ids) {
  ids->clear();
  while (!pattern.empty() && !path.empty()) {
    if (pattern.substr(0, 4) == "{id}") {
      int64_t value = 0;
      size_t digits = 0;
      while (digits < path.size() && path[digits] >= '0' && path[digits] <= '9') {
        if (digits >= 15) return false;  // ids are far below 10^15; longer is not an id
        value = value * 10 + (path[digits] - '0');
        ++digits;
      }
      if (digits == 0 || value == 0) return false;
      ids->push_back(value);
      pattern.remove_prefix(4);
      path.remove_prefix(digits);
      continue;
    }
    if (pattern.front() != path.front()) return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
  }
  return pattern.empty() && path.empty();
}

void AddSecurityHeaders(Response* r) {
  // Every asset is our own; inline SVG in pages needs no source. Inline style attributes are allowed (charts),
  // scripts only from our file.
  r->headers.emplace_back("Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                          "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
                          "form-action 'self'");
  r->headers.emplace_back("X-Content-Type-Options", "nosniff");
  r->headers.emplace_back("Referrer-Policy", "same-origin");
  r->headers.emplace_back("X-Frame-Options", "DENY");
}

// `status` 0: the code's own status.
void ErrorReply(const Call& call, bool api, Code code, const Problems& problems, Response* out, int status = 0) {
  out->status = status != 0 ? status : HttpStatus(code);
  if (api) {
    out->content_type = "application/json; charset=utf-8";
    out->body = ProblemsBody(problems, call.lang);
    return;
  }
  PageContext ctx;
  ctx.lang = call.lang;
  ctx.principal = call.principal;
  if (call.principal != nullptr) ctx.csrf = call.principal->session.csrf_token;
  // A safe page for the language link: error pages answer any path, including "//other.host/".
  ctx.path.assign(1, '/');
  out->body = ErrorPage(ctx, out->status, problems);
}

Lang ChooseLang(const Request& req, Response* out, const ServerSettings& settings) {
  const std::string asked = req.Query("lang");
  if (asked == "id" || asked == "en") {
    out->headers.emplace_back("Set-Cookie", std::string(kLangCookie) + "=" + asked +
                                                "; Path=/; Max-Age=31536000; SameSite=Lax" +
                                                (settings.secure_cookies ? "; Secure" : ""));
    return asked == "en" ? Lang::kEn : Lang::kId;
  }
  return req.Cookie(kLangCookie) == "en" ? Lang::kEn : Lang::kId;
}

bool StateChanging(const std::string& method) { return method != "GET" && method != "HEAD"; }

}  // namespace

std::string Request::Query(const std::string& name) const { return Lookup(query, name); }
std::string Request::Field(const std::string& name) const { return Lookup(fields, name); }

std::string Request::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::Cookie(const std::string& name) const {
  const std::string all = Header("cookie");
  std::string_view rest = all;
  while (!rest.empty()) {
    const size_t semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return "";
}

const UploadedFile* Request::File(const std::string& field) const {
  for (const UploadedFile& f : files) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

std::string ProblemsBody(const Problems& problems, Lang lang) {
  std::string out = "{\"galat\":[";
  for (size_t i = 0; i < problems.items().size(); ++i) {
    const Problem& p = problems.items()[i];
    out += i == 0 ? "{\"path\":" : ",{\"path\":";
    AppendJsonString(p.path, &out);
    out += ",\"kode\":";
    AppendJsonString(p.code, &out);
    out += ",\"pesan\":";
    AppendJsonString(p.Text(lang), &out);
    out += '}';
  }
  return out + "]}";
}

int HttpStatus(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kUnauthenticated: return 401;
    case Code::kForbidden: return 403;
    case Code::kNotFound: return 404;
    case Code::kInvalid: return 422;
    case Code::kConflict: return 409;
    case Code::kThrottled: return 429;
    case Code::kUnavailable: return 503;
    case Code::kInternal: return 500;
  }
  return 500;
}

namespace {

// What a request brings in its body, however it was encoded.
size_t RequestBytes(const Request& req) {
  size_t n = req.body.size();
  for (const auto& [name, value] : req.fields) n += name.size() + value.size();
  for (const UploadedFile& f : req.files) n += f.field.size() + f.filename.size() + f.content.size();
  return n;
}

}  // namespace

const std::vector<Route>& AllRoutes() {
  static const std::vector<Route> routes = [] {
    std::vector<Route> r;
    AddPageRoutes(&r);
    AddApiRoutes(&r);
    return r;
  }();
  return routes;
}

Response Handle(App* app, const ServerSettings& settings, const Request& req) {
  Response out;
  AddSecurityHeaders(&out);
  Call call{app, &settings, &req, Lang::kId, nullptr, {}};
  call.lang = ChooseLang(req, &out, settings);
  const Route* route = nullptr;
  bool path_known = false;
  for (const Route& r : AllRoutes()) {
    std::vector<int64_t> ids;
    if (!MatchPattern(r.pattern, req.path, &ids)) continue;
    path_known = true;
    if (req.method == r.method || (req.method == "HEAD" && std::string_view(r.method) == "GET")) {
      route = &r;
      call.ids = std::move(ids);
      break;
    }
  }
  const bool api = req.path.rfind("/api/", 0) == 0;
  if (route == nullptr) {
    Problems p;
    p.Add(req.path, path_known ? "metode_http" : "tidak_ditemukan",
          path_known ? "metode HTTP tidak diizinkan di sini" : "halaman tidak ditemukan",
          path_known ? "HTTP method not allowed here" : "page not found");
    ErrorReply(call, api, path_known ? Code::kConflict : Code::kNotFound, p, &out, path_known ? 405 : 0);
    return out;
  }
  // Before login only small bodies (a user name, a password, a token): anyone can send them, so they get no more
  // memory or parsing than a login needs.
  if (route->guard == Guard::kPublic && StateChanging(req.method) && RequestBytes(req) > kMaxPublicBodyBytes) {
    Problems p;
    p.Add("body", "isi_terlalu_besar", "isi permintaan terlalu besar untuk halaman ini (paling besar 8 KiB)",
          "the request body is too large for this page (at most 8 KiB)");
    ErrorReply(call, api, Code::kInvalid, p, &out, 413);
    return out;
  }
  Principal principal;
  if (route->guard == Guard::kUser) {
    const Outcome o = app->Authenticate(req.Cookie(kSessionCookie), &principal);
    if (!o.ok()) {
      if (!route->api && req.method == "GET") {
        out.Redirect("/masuk");
        return out;
      }
      ErrorReply(call, route->api, o.code, o.problems, &out);
      return out;
    }
    call.principal = &principal;
    out.headers.emplace_back("Cache-Control", "no-store");
    if (StateChanging(req.method)) {
      const std::string token = !req.Header("x-csrf-token").empty() ? req.Header("x-csrf-token") : req.Field("csrf");
      if (!ConstantTimeEquals(token, principal.session.csrf_token)) {
        Problems p;
        p.Add("csrf", "csrf_tidak_sah", "token formulir tidak sah atau kedaluwarsa; muat ulang halaman lalu coba lagi",
              "invalid or expired form token; reload the page and try again");
        ErrorReply(call, route->api, Code::kForbidden, p, &out);
        return out;
      }
    }
  }
  try {
    route->handler(call, &out);
    if (out.status == 503) out.headers.emplace_back("Retry-After", "2");
  } catch (const std::exception& e) {
    // A handler bug must not take the server down; the request fails and the log says why.
    std::string line = "{\"level\":\"error\",\"msg\":\"handler exception\",\"path\":";
    AppendJsonString(SafeText(req.path, 500), &line);
    line += ",\"what\":";
    AppendJsonString(SafeText(e.what(), 500), &line);
    line += "}\n";
    std::fputs(line.c_str(), stderr);
    Problems p;
    p.Add("", "galat_internal", "kesalahan internal", "internal error");
    out = Response{};
    AddSecurityHeaders(&out);
    ErrorReply(call, route->api, Code::kInternal, p, &out);
  }
  return out;
}

namespace {

// The scheme and host the reader reached us by, for the verification link in the QR code. The Host header is the
// client's own word, so only a plain host[:port] is taken; anything else falls back to "localhost".
std::string PublicBase(const Call& call) {
  std::string host = call.request->Header("host");
  const bool plain = !host.empty() && host.size() <= 255 &&
                     std::all_of(host.begin(), host.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
                     });
  if (!plain) host = "localhost";
  return std::string(call.settings->secure_cookies ? "https://" : "http://") + host;
}

}  // namespace

ReportStamp StampOf(const Call& call, const LaporanView& v) {
  const Lang lang = call.lang;
  const TimeZone zone = ZoneOfProvince(v.provinsi);
  ReportStamp s;
  s.final = v.record.status == store::Status::kFinal;
  s.revision = v.record.revision;
  if (!s.final) s.status_label = v.record.status == store::Status::kDraft ? T(lang, "Draf", "Draft") : T(lang, "Diajukan", "Submitted");
  if (v.record.finalised_at) s.finalised_at = FormatLocalDateTime(*v.record.finalised_at, zone, lang);
  s.examiner = v.finaliser_name;
  if (!v.cooperative.region_nama.empty()) s.dinas = std::string(T(lang, "Dinas Koperasi ", "Cooperative Office, ")) + v.cooperative.region_nama;
  s.verify_code = VerifyCode(v.record);
  s.verify_url = PublicBase(call) + "/verifikasi?kode=" + s.verify_code;
  // Each changed field by its label (a checklist item: its checklist, number and text), as the page lists them.
  const std::map<std::string, std::string, std::less<>> labels =
      v.assessment.rulebook != nullptr ? html::FieldLabels(lang, *v.assessment.rulebook)
                                       : std::map<std::string, std::string, std::less<>>{};
  for (const store::Adjustment& a : v.adjustments) {
    const auto label = labels.find(a.path);
    s.corrections.push_back({label != labels.end() ? label->second : a.path,
                             html::ChangedValue(a.before_value), html::ChangedValue(a.after_value), a.reason, a.username, FormatLocalDateTime(a.at, zone, lang)});
  }
  for (const store::Evidence& e : v.evidence) s.evidence.push_back({e.filename, e.sha256});
  return s;
}

Outcome IncompleteDraftOutcome() {
  return Outcome::Error(Code::kConflict, "status", "draf_belum_lengkap",
                        "Draf belum lengkap, jadi belum dinilai: belum ada laporan penilaian untuk diunduh. Lanjutkan "
                        "mengisi draf lalu simpan.",
                        "The draft is incomplete, so not assessed yet: there is no assessment report to download. "
                        "Continue filling in the draft and save it.");
}

bool RenderDownload(Call& call, const LaporanView& view, const std::string& kind, Response* out) {
  if (view.incomplete) {
    const Outcome o = IncompleteDraftOutcome();
    ErrorReply(call, call.request->path.starts_with("/api/"), o.code, o.problems, out);
    return false;
  }
  const ReportStamp stamp = StampOf(call, view);
  const std::string base = "penilaian-" + std::to_string(view.record.cooperative_id) + "-" +
                           view.record.periode_akhir + "-r" + std::to_string(view.record.revision);
  bool ok = false;
  if (kind == "json") {
    out->body = view.record.hasil_json;
    out->content_type = "application/json; charset=utf-8";
    ok = true;
  } else if (kind == "pdf") {
    PdfOptions o;
    o.lang = call.lang;
    o.created_epoch = view.record.updated_at;
    o.stamp = &stamp;
    ok = RenderPdfReport(view.assessment, o, &out->body).ok();
    out->content_type = "application/pdf";
  } else if (kind == "xlsx") {
    WorksheetOptions o;
    o.lang = call.lang;
    o.created_epoch = view.record.updated_at;
    o.stamp = &stamp;
    ok = RenderAssessmentWorksheet(view.laporan, view.assessment, o, &out->body).ok();
    out->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (!ok) {
    Problems p;
    p.Add("", "unduhan_gagal", "laporan tidak dapat dibuat", "the report could not be made");
    out->status = 500;
    out->content_type = "text/plain; charset=utf-8";
    out->body = p.Render(call.lang);
    return false;
  }
  out->headers.emplace_back("Content-Disposition", "attachment; filename=\"" + base + "." + kind + "\"");
  return true;
}

}  // namespace kopsehat::web
