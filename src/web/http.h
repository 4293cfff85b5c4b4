// web/http.h — the web application as a function from Request to Response, independent of the HTTP library: the
// route table, the middleware every request passes (language, session, CSRF, security headers) and the handlers
// of pages and of the JSON API. server.cc adapts libmicrohttpd to it; the tests call Handle() directly, so the
// authorisation matrix covers every route without sockets. Depends on web/app.h and web/views.h.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "report/stamp.h"

namespace kopsehat::web {

// The web is the HTTP and HTML face of the application core (app/): its names (App, Outcome, Principal, ...) are
// used here unqualified.
using namespace kopsehat::app;

inline constexpr const char* kSessionCookie = "ks_sesi";
inline constexpr const char* kLangCookie = "ks_bahasa";
// The most a request to a public route (the login page and the API login) may bring: 413 beyond it.
inline constexpr size_t kMaxPublicBodyBytes = 8u << 10;

struct UploadedFile {
  std::string field;  // form field name ("berkas")
  std::string filename;
  std::string content_type;
  std::string content;
};

struct Request {
  std::string method;  // GET, POST
  std::string path;    // without the query
  std::vector<std::pair<std::string, std::string>> query;   // in order
  std::vector<std::pair<std::string, std::string>> fields;  // form fields (urlencoded or multipart, not files)
  std::vector<UploadedFile> files;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                            // raw body (JSON API)
  std::string client;                          // remote address, for login throttling and logs

  std::string Query(const std::string& name) const;
  std::string Field(const std::string& name) const;
  std::string Header(const std::string& lower_name) const;
  std::string Cookie(const std::string& name) const;
  const UploadedFile* File(const std::string& field) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type

  void Redirect(const std::string& location) {
    status = 303;
    headers.emplace_back("Location", location);
  }
};

struct ServerSettings {
  bool secure_cookies = false;  // add `Secure` (behind an HTTPS reverse proxy)
  // Behind a reverse proxy: the client address is the last one in X-Forwarded-For (login throttling, logs). Only
  // with a proxy that sets it; otherwise clients could claim any address.
  bool trust_proxy = false;
};

// What a route requires before its handler runs. Every route must say; there is no default.
enum class Guard {
  kPublic,  // login page, assets, health
  kUser,    // a valid session; the handler then asks the policy (Allowed) about the object it acts on
};

// The context a handler gets.
struct Call {
  App* app;
  const ServerSettings* settings;
  const Request* request;
  Lang lang = Lang::kId;
  const Principal* principal = nullptr;  // set for kUser routes
  std::vector<int64_t> ids;              // the numeric path parameters, in order
};

using Handler = std::function<void(Call&, Response*)>;

struct Route {
  const char* method;
  const char* pattern;  // "/laporan/{id}/ajukan": {id} matches a positive decimal number
  Guard guard;
  bool api;  // JSON replies (401 instead of a redirect to the login page)
  Handler handler;
};

// Every route of the application (pages, API, assets, health).
const std::vector<Route>& AllRoutes();

// Runs one request through the middleware and the matching route. Never throws.
Response Handle(App* app, const ServerSettings& settings, const Request& request);

// Route handlers, by area (pages.cc, api.cc).
void AddPageRoutes(std::vector<Route>* routes);
void AddApiRoutes(std::vector<Route>* routes);

// Helpers shared by the handler files.
int HttpStatus(Code code);
// The JSON body of a refusal: {"galat": [{"path", "kode", "pesan"}]} in `lang`.
std::string ProblemsBody(const Problems& problems, Lang lang);
// What the reports of a stored laporan say about themselves (report/stamp.h): status, finalisation in the region's
// zone, the examiner's changes and evidence, the verification code and its link on this server.
ReportStamp StampOf(const Call& call, const LaporanView& v);
// The refusal of anything that needs an assessment (downloads, the radar chart) on an incomplete draft (409).
Outcome IncompleteDraftOutcome();
// Renders a report of a laporan the caller may see: "pdf", "xlsx" or "json". False with *out set to the error page;
// an incomplete draft has no report (409, IncompleteDraftOutcome), as a page or as JSON by the request's path.
bool RenderDownload(Call& call, const LaporanView& view, const std::string& kind, Response* out);

}  // namespace kopsehat::web
