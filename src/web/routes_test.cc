// The authorisation matrix: every route × every role × own and other cooperative, through Handle() with real
// sessions and CSRF tokens. A route without a row in kMatrix fails the test, so a new route cannot ship unguarded.
// Also: CSRF on every state change, sessions (cookie attributes, expiry, logout), security headers.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "interchange/xlsx_reader.h"
#include "web/http.h"
#include "app/test_app.h"

namespace kopsehat::web::testing {

using namespace kopsehat::app::testing;
namespace {

// Who acts. "A" users belong to cooperative A (the objects acted on); "B" users to the other tenant.
const std::vector<std::string> kActors = {"admin",     "dinasA",    "dinasB",  "pengurusA", "pengelolaA",
                                          "pengawasA", "anggotaA",  "pengurusB", "anggotaB"};

// The state the object in the path must be in for an allowed role to reach the action.
enum class Object { kNone, kCoop, kDraft, kSubmitted, kFinal, kEvidence };

struct Expect {
  const char* method;
  const char* pattern;
  Object object;
  std::set<std::string> allowed;  // actors allowed on cooperative A's object; "*" = every logged-in actor
};

const std::set<std::string> kViewers = {"admin", "dinasA", "pengurusA", "pengelolaA", "pengawasA"};
const std::set<std::string> kPublished = {"admin", "dinasA", "pengurusA", "pengelolaA", "pengawasA", "anggotaA"};
const std::set<std::string> kEditors = {"pengurusA", "pengelolaA"};
const std::set<std::string> kExaminer = {"dinasA"};
const std::set<std::string> kRegion = {"admin", "dinasA", "dinasB"};
const std::set<std::string> kAdmin = {"admin"};
const std::set<std::string> kEveryone = {"*"};

const std::vector<Expect> kMatrix = {
    {"GET", "/", Object::kNone, kEveryone},
    {"POST", "/keluar", Object::kNone, kEveryone},
    {"GET", "/koperasi/{id}", Object::kCoop, kPublished},
    {"GET", "/koperasi/{id}/laporan/baru", Object::kCoop, kEditors},
    {"POST", "/koperasi/{id}/laporan", Object::kCoop, kEditors},
    {"POST", "/koperasi/{id}/unggah", Object::kCoop, kEditors},
    {"GET", "/koperasi/{id}/audit", Object::kCoop, kViewers},
    {"GET", "/laporan/{id}", Object::kFinal, kPublished},
    {"GET", "/laporan/{id}/ubah", Object::kDraft, kEditors},
    {"POST", "/laporan/{id}/ubah", Object::kDraft, kEditors},
    {"POST", "/laporan/{id}/ajukan", Object::kDraft, {"pengurusA"}},
    {"POST", "/laporan/{id}/koreksi", Object::kSubmitted, kExaminer},
    {"POST", "/laporan/{id}/bukti", Object::kSubmitted, kExaminer},
    {"POST", "/laporan/{id}/kembalikan", Object::kSubmitted, kExaminer},
    {"POST", "/laporan/{id}/final", Object::kSubmitted, kExaminer},
    {"POST", "/laporan/{id}/revisi", Object::kFinal, kExaminer},
    {"GET", "/laporan/{id}/unduh.pdf", Object::kFinal, kPublished},
    {"GET", "/laporan/{id}/unduh.xlsx", Object::kFinal, kPublished},
    {"GET", "/laporan/{id}/unduh.json", Object::kFinal, kPublished},
    {"GET", "/laporan/{id}/radar.svg", Object::kFinal, kPublished},
    {"GET", "/laporan/{id}/rencana", Object::kFinal, kViewers},
    {"POST", "/laporan/{id}/rencana/batas", Object::kFinal, kEditors},
    {"POST", "/laporan/{id}/rencana/batas/bawaan", Object::kFinal, kEditors},
    {"GET", "/bukti/{id}", Object::kEvidence, kViewers},
    {"GET", "/wilayah", Object::kNone, kRegion},
    {"GET", "/wilayah/ekspor.csv", Object::kNone, kRegion},
    {"GET", "/wilayah/ekspor.xlsx", Object::kNone, kRegion},
    {"GET", "/admin", Object::kNone, kAdmin},
    {"POST", "/admin/wilayah", Object::kNone, kAdmin},
    {"POST", "/admin/koperasi", Object::kNone, kAdmin},
    {"POST", "/admin/pengguna", Object::kNone, kAdmin},
    {"GET", "/admin/audit", Object::kNone, kAdmin},
    {"POST", "/api/v1/keluar", Object::kNone, kEveryone},
    {"GET", "/api/v1/saya", Object::kNone, kEveryone},
    {"GET", "/api/v1/koperasi", Object::kNone, kEveryone},  // each sees only their own list
    {"GET", "/api/v1/koperasi/{id}", Object::kCoop, kPublished},
    {"POST", "/api/v1/koperasi/{id}/laporan", Object::kCoop, kEditors},
    {"GET", "/api/v1/laporan/{id}", Object::kFinal, kPublished},
    {"POST", "/api/v1/laporan/{id}", Object::kDraft, kEditors},
    {"POST", "/api/v1/laporan/{id}/ajukan", Object::kDraft, {"pengurusA"}},
    {"POST", "/api/v1/laporan/{id}/koreksi", Object::kSubmitted, kExaminer},
    {"POST", "/api/v1/laporan/{id}/bukti", Object::kSubmitted, kExaminer},
    {"POST", "/api/v1/laporan/{id}/kembalikan", Object::kSubmitted, kExaminer},
    {"POST", "/api/v1/laporan/{id}/final", Object::kSubmitted, kExaminer},
    {"POST", "/api/v1/laporan/{id}/revisi", Object::kFinal, kExaminer},
    {"GET", "/api/v1/laporan/{id}/unduh.pdf", Object::kFinal, kPublished},
    {"GET", "/api/v1/wilayah", Object::kNone, kRegion},
    {"GET", "/api/v1/audit", Object::kNone, kAdmin},
};

// Routes anyone may call without a session.
const std::set<std::string> kPublicRoutes = {"GET /masuk", "POST /masuk", "GET /aset/gaya.css",
                                             "GET /aset/kopsehat.js", "GET /sehat", "POST /api/v1/masuk",
                                             "GET /verifikasi"};  // a report's QR code opens it, no login

std::string Key(const char* method, const char* pattern) { return std::string(method) + " " + pattern; }

class RoutesTest : public AppTest {
 protected:
  // A session for the actor: the cookie value and the CSRF token.
  std::pair<std::string, std::string> SessionOf(const std::string& actor) {
    std::string token;
    Principal p;
    const Outcome o = app_->Login(actor, kPassword, "127.0.0.1", &token, &p);
    EXPECT_TRUE(o.ok()) << actor;
    return {token, p.session.csrf_token};
  }

  Response Call(const std::string& method, const std::string& path, const std::string& actor, bool with_csrf = true,
                const std::string& body = "{}") {
    Request r;
    r.method = method;
    r.path = path;
    r.client = "127.0.0.1";
    if (!actor.empty()) {
      const auto [token, csrf] = SessionOf(actor);
      r.headers["cookie"] = std::string(kSessionCookie) + "=" + token;
      if (with_csrf) {
        r.fields.emplace_back("csrf", csrf);
        if (path.rfind("/api/", 0) == 0) r.headers["x-csrf-token"] = csrf;
      }
    }
    r.headers["content-type"] = "application/json";
    r.body = body;
    return Handle(app_.get(), settings_, r);
  }

  // A fresh object in cooperative A in the state the route needs (every case gets its own: the allowed ones
  // change it). Periods are unique per object.
  int64_t Make(Object object) {
    char periode[16];
    const int n = next_year_++;
    std::snprintf(periode, sizeof periode, "20%02d-%02d-28", n % 100, 1 + (n / 100) % 12);
    switch (object) {
      case Object::kNone: return 0;
      case Object::kCoop: return coop_["A"];
      case Object::kDraft: return Draft("A", periode);
      case Object::kSubmitted: return Submitted("A", periode);
      case Object::kFinal: return Final("A", periode);
      case Object::kEvidence: {
        const int64_t id = Submitted("A", periode);
        int64_t ev = 0;
        EXPECT_TRUE(app_->AddEvidence(As("dinasA"), id, "bukti.txt", "text/plain", "isi", "", &ev).ok());
        return ev;
      }
    }
    return 0;
  }

  static std::string PathWith(const char* pattern, int64_t id) {
    std::string p = pattern;
    const size_t at = p.find("{id}");
    if (at != std::string::npos) p.replace(at, 4, std::to_string(id));
    return p;
  }

  ServerSettings settings_;
  int next_year_ = 0;
};
KOPSEHAT_INSTANTIATE_BACKENDS(RoutesTest);

TEST_P(RoutesTest, EveryRouteIsInTheMatrix) {
  if (!database_ready()) return;
  std::set<std::string> listed = kPublicRoutes;
  for (const Expect& e : kMatrix) listed.insert(Key(e.method, e.pattern));
  for (const Route& r : AllRoutes()) {
    EXPECT_TRUE(listed.count(Key(r.method, r.pattern))) << "route " << Key(r.method, r.pattern)
                                                          << " has no row in the authorisation matrix";
    EXPECT_EQ(r.guard == Guard::kPublic, kPublicRoutes.count(Key(r.method, r.pattern)) > 0)
        << Key(r.method, r.pattern) << ": only the listed routes may be public";
  }
}

TEST_P(RoutesTest, AuthorisationMatrix) {
  if (!database_ready()) return;
  for (const Expect& e : kMatrix) {
    // Without a session: pages send GETs to the login page, everything else is 401.
    {
      const Response r = Call(e.method, PathWith(e.pattern, Make(e.object)), "");
      const bool page_get = std::string(e.method) == "GET" && std::string(e.pattern).rfind("/api/", 0) != 0;
      EXPECT_EQ(r.status, page_get ? 303 : 401) << Key(e.method, e.pattern) << " anonymous";
    }
    for (const std::string& actor : kActors) {
      const bool allowed = e.allowed.count("*") > 0 || e.allowed.count(actor) > 0;
      const Response r = Call(e.method, PathWith(e.pattern, Make(e.object)), actor);
      const std::string where = Key(e.method, e.pattern) + " as " + actor + " → " + std::to_string(r.status);
      if (allowed) {
        // Allowed roles reach the action: success, or a complaint about the (empty) input — never 401/403/404.
        EXPECT_TRUE(r.status == 200 || r.status == 201 || r.status == 303 || r.status == 409 || r.status == 422)
            << where << "\n" << r.body.substr(0, 400);
      } else {
        // Refused: 404 when the object is not even visible to the actor (other tenants cannot probe ids), 403
        // when it is visible but the action is not theirs.
        EXPECT_TRUE(r.status == 403 || r.status == 404) << where << "\n" << r.body.substr(0, 400);
        if (actor.back() == 'B' && e.object != Object::kNone) {
          EXPECT_EQ(r.status, 404) << where;
        }
      }
    }
  }
}

TEST_P(RoutesTest, StateChangesNeedTheSessionsCsrfToken) {
  if (!database_ready()) return;
  for (const Expect& e : kMatrix) {
    if (std::string(e.method) != "POST" || (!e.allowed.count("pengurusA") && !e.allowed.count("*"))) continue;
    const Response r = Call(e.method, PathWith(e.pattern, Make(e.object)), "pengurusA", /*with_csrf=*/false);
    EXPECT_EQ(r.status, 403) << Key(e.method, e.pattern);
  }
  // Another session's token does not do either.
  const int64_t draft = Make(Object::kDraft);
  const auto [token, csrf] = SessionOf("pengurusA");
  const auto other = SessionOf("pengelolaA");
  Request r;
  r.method = "POST";
  r.path = "/laporan/" + std::to_string(draft) + "/ajukan";
  r.headers["cookie"] = std::string(kSessionCookie) + "=" + token;
  r.fields.emplace_back("csrf", other.second);
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 403);
  // The right token in the address (a link, logged by every proxy) is not taken either: form body or header only.
  r.fields.clear();
  r.query.emplace_back("csrf", csrf);
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 403);
  r.query.clear();
  r.fields.emplace_back("csrf", csrf);
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 303);
}

TEST_P(RoutesTest, LoginSetsAStrictSessionCookieAndLogoutEndsIt) {
  if (!database_ready()) return;
  Request get;
  get.method = "GET";
  get.path = "/masuk";
  const Response page = Handle(app_.get(), settings_, get);
  ASSERT_EQ(page.status, 200);
  std::string login_csrf;
  for (const auto& [k, v] : page.headers) {
    if (k == "Set-Cookie" && v.rfind("ks_masuk=", 0) == 0) login_csrf = v.substr(9, 64);
  }
  ASSERT_EQ(login_csrf.size(), 64u);
  Request post;
  post.method = "POST";
  post.path = "/masuk";
  post.fields = {{"username", "pengurusA"}, {"password", kPassword}, {"csrf", login_csrf}};
  // Without the login form's cookie the form is refused (login CSRF).
  EXPECT_EQ(Handle(app_.get(), settings_, post).status, 403);
  post.headers["cookie"] = "ks_masuk=" + login_csrf;
  const Response in = Handle(app_.get(), settings_, post);
  ASSERT_EQ(in.status, 303);
  std::string cookie;
  for (const auto& [k, v] : in.headers) {
    if (k == "Set-Cookie" && v.rfind("ks_sesi=", 0) == 0) cookie = v;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Max-Age="), std::string::npos);
  const std::string token = cookie.substr(8, 64);
  Request home;
  home.method = "GET";
  home.path = "/";
  home.headers["cookie"] = "ks_sesi=" + token;
  const Response h = Handle(app_.get(), settings_, home);
  EXPECT_EQ(h.status, 303);
  bool to_coop = false;
  for (const auto& [k, v] : h.headers) to_coop = to_coop || (k == "Location" && v.rfind("/koperasi/", 0) == 0);
  EXPECT_TRUE(to_coop);
  // Wrong password: 401 with the message, no cookie.
  post.fields[1].second = "salah-sekali";
  const Response bad = Handle(app_.get(), settings_, post);
  EXPECT_EQ(bad.status, 401);
  for (const auto& [k, v] : bad.headers) EXPECT_FALSE(k == "Set-Cookie" && v.rfind("ks_sesi=", 0) == 0);
  // Logout ends the session server-side.
  Principal p;
  ASSERT_TRUE(app_->Authenticate(token, &p).ok());
  Request out;
  out.method = "POST";
  out.path = "/keluar";
  out.headers["cookie"] = "ks_sesi=" + token;
  out.fields = {{"csrf", p.session.csrf_token}};
  EXPECT_EQ(Handle(app_.get(), settings_, out).status, 303);
  EXPECT_EQ(Handle(app_.get(), settings_, home).status, 303);  // to /masuk now
  EXPECT_FALSE(app_->Authenticate(token, &p).ok());
}

TEST_P(RoutesTest, SecurityHeadersAndUnknownPaths) {
  if (!database_ready()) return;
  const Response r = Call("GET", "/sehat", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"status\":\"ok\""), std::string::npos);
  bool csp = false, nosniff = false;
  for (const auto& [k, v] : r.headers) {
    csp = csp || (k == "Content-Security-Policy" && v.find("default-src 'self'") != std::string::npos);
    nosniff = nosniff || (k == "X-Content-Type-Options" && v == "nosniff");
  }
  EXPECT_TRUE(csp);
  EXPECT_TRUE(nosniff);
  EXPECT_EQ(Call("GET", "/tidak-ada", "admin").status, 404);
  EXPECT_EQ(Call("DELETE", "/laporan/1", "admin").status, 405);
  EXPECT_EQ(Call("GET", "/laporan/99999", "admin").status, 404);
  EXPECT_EQ(Call("GET", "/laporan/abc", "admin").status, 404);
  EXPECT_EQ(Call("GET", "/laporan/0", "admin").status, 404);
  EXPECT_EQ(Call("GET", "/laporan/99999999999999999999", "admin").status, 404);
}

}  // namespace
// pdftotext of a PDF body, one string per page (form feeds split the pages).
std::vector<std::string> PdfPages(const std::string& pdf) {
  const std::string path = std::filesystem::temp_directory_path() / ("kopsehat-stamp-" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream f(path, std::ios::binary);
    f << pdf;
  }
  std::string text;
  if (FILE* p = ::popen(("pdftotext -layout " + path + " - 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    ::pclose(p);
  }
  std::filesystem::remove(path);
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  if (start < text.size() && text.find_first_not_of(" \n", start) != std::string::npos) pages.push_back(text.substr(start));
  return pages;
}

// The report a Dinas signs: a draft says DRAF on every page; a finalised one says FINAL with its revision, local
// time and zone, the examiner and the Dinas, lists the examiner's changes with reasons, and carries on every page
// a code that the public verification page confirms, until the record no longer matches.
// A file that is no laporan at all comes back to the form (HTTP 422), not to an error page: the upload card open
// naming the file, every problem led by its field's name when it has one, and the form to fill in instead.
TEST_P(RoutesTest, AnUnreadableUploadComesBackToTheForm) {
  if (!database_ready()) return;
  const std::string coop = std::to_string(coop_["A"]);
  struct Case {
    const char* filename;
    std::string content;
    const char* says;  // a part of the page's problem list
  };
  const Case cases[] = {
      {"laporan.csv", "ini bukan laporan sama sekali\n", "kunci"},
      {"laporan.json", "{\"neraca\": {\"kas\": ", "JSON"},
      {"neraca.xlsx", "PK\x03\x04 rusak", "XLSX"},
      {"kosong.json", "", "kosong"},
  };
  for (const Case& c : cases) {
    Request r;
    r.method = "POST";
    r.path = "/koperasi/" + coop + "/unggah";
    r.client = "127.0.0.1";
    const auto [token, csrf] = SessionOf("pengurusA");
    r.headers["cookie"] = std::string(kSessionCookie) + "=" + token;
    r.fields.emplace_back("csrf", csrf);
    r.files.push_back({"berkas", c.filename, "application/octet-stream", c.content});
    const Response out = Handle(app_.get(), settings_, r);
    EXPECT_EQ(out.status, 422) << c.filename;
    EXPECT_NE(out.body.find("<details class=\"kartu\" id=\"unggah\" open>"), std::string::npos) << c.filename;
    EXPECT_NE(out.body.find(std::string("«") + c.filename + "»"), std::string::npos) << c.filename;
    EXPECT_NE(out.body.find("<form method=\"post\" action=\"/koperasi/" + coop + "/laporan\""), std::string::npos)
        << c.filename;
    const size_t list = out.body.find("<div class=\"masalah\" role=\"alert\">");
    ASSERT_NE(list, std::string::npos) << c.filename;
    EXPECT_NE(out.body.find(c.says, list), std::string::npos) << c.filename << "\n" << out.body.substr(list, 600);
    EXPECT_EQ(out.body.find("<span class=\"mono kecil\">berkas</span>", list), std::string::npos);
  }
}

// The board's limits on the plan page (issue 17): saved with a reason (Post/Redirect/Get) and shown in force beside
// the default to everyone who sees the plan; a bad value comes back to the form (422) as typed, named by the
// limit's label, nothing stored; "try without saving" is the page's GET fields; reset; the examiner reads the change
// in the audit trail.
TEST_P(RoutesTest, TheBoardsLimitsAreStoredShownAndAudited) {
  if (!database_ready()) return;
  const int64_t id = TroubledFinal("A");
  const std::string plan = "/laporan/" + std::to_string(id) + "/rencana";
  const auto post = [&](const std::string& path, const std::string& actor,
                        const std::vector<std::pair<std::string, std::string>>& fields) {
    Request r;
    r.method = "POST";
    r.path = path;
    r.client = "127.0.0.1";
    const auto [token, csrf] = SessionOf(actor);
    r.headers["cookie"] = std::string(kSessionCookie) + "=" + token;
    r.fields = fields;
    r.fields.emplace_back("csrf", csrf);
    return Handle(app_.get(), settings_, r);
  };
  const auto location = [](const Response& r) {
    for (const auto& [k, v] : r.headers) {
      if (k == "Location") return v;
    }
    return std::string();
  };
  // The cells of a limit's row as the page writes them (data-judul: the heading a phone shows before each).
  const std::string kBawaan = "<td class=\"bawaan\" data-judul=\"Bawaan\">";
  const std::string kBerlaku = "<td class=\"berlaku\" data-judul=\"Berlaku\">";
  const auto row = [](const std::string& html, const std::string& limit) {
    const size_t at = html.find("<tr data-batas=\"" + limit + "\">");
    return at == std::string::npos ? std::string() : html.substr(at, html.find("</tr>", at) - at);
  };

  Response r = post(plan + "/batas", "pengurusA",
                    {{"batas.tagih_macet", "40"}, {"alasan.tagih_macet", "Tim penagihan baru"},
                     {"batas.tagih_diragukan", "40"}, {"alasan.tagih_diragukan", ""}});
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 400);
  EXPECT_EQ(location(r), plan);
  r = Call("GET", plan, "pengurusA");
  ASSERT_EQ(r.status, 200);
  std::string macet = row(r.body, "tagih_macet");
  EXPECT_NE(macet.find(kBawaan + "25 %</td>"), std::string::npos) << macet;
  EXPECT_NE(macet.find("name=\"batas.tagih_macet\""), std::string::npos);
  EXPECT_NE(macet.find("value=\"40\""), std::string::npos) << macet;
  EXPECT_NE(macet.find("value=\"Tim penagihan baru\""), std::string::npos) << macet;
  EXPECT_NE(macet.find(">pengurusA, "), std::string::npos) << macet;  // who set it
  EXPECT_NE(r.body.find("Batas: 40 % dari Pinjaman macet"), std::string::npos);  // the plan's step, within it
  EXPECT_NE(r.body.find("action=\"" + plan + "/batas/bawaan\""), std::string::npos);

  // The examiner and the supervisor read the same limits without inputs.
  for (const char* reader : {"dinasA", "pengawasA"}) {
    r = Call("GET", plan, reader);
    ASSERT_EQ(r.status, 200) << reader;
    macet = row(r.body, "tagih_macet");
    EXPECT_NE(macet.find(kBawaan + "25 %</td>" + kBerlaku + "40 %</td>"), std::string::npos)
        << reader << ": " << macet;
    EXPECT_EQ(r.body.find("name=\"batas."), std::string::npos) << reader;
    EXPECT_EQ(r.body.find(plan + "/batas"), std::string::npos) << reader;
  }

  // A bad value: the form again as typed (422), the limit named by its label, nothing stored.
  r = post(plan + "/batas", "pengelolaA", {{"batas.tagih_macet", "empat puluh"}, {"alasan.tagih_macet", "coba"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Menagih pinjaman macet: harus persen 0 sampai 100"), std::string::npos)
      << r.body.substr(r.body.find("<main"), 2000);
  EXPECT_NE(row(r.body, "tagih_macet").find("value=\"empat puluh\" aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(row(r.body, "tagih_macet").find("value=\"coba\""), std::string::npos);
  r = Call("GET", plan, "dinasA");
  EXPECT_NE(row(r.body, "tagih_macet").find(kBerlaku + "40 %</td>"), std::string::npos);

  // Tried without saving: the page's GET fields, not stored.
  r = post(plan + "/batas", "pengurusA", {{"batas.tagih_macet", "12,5"}, {"alasan.tagih_macet", ""}, {"coba", "1"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(location(r), plan + "?batas.tagih_macet=12%2C5");
  {
    Request get;
    get.method = "GET";
    get.path = plan;
    get.query = {{"batas.tagih_macet", "12,5"}};
    get.client = "127.0.0.1";
    get.headers["cookie"] = std::string(kSessionCookie) + "=" + SessionOf("pengurusA").first;
    r = Handle(app_.get(), settings_, get);
  }
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("belum disimpan"), std::string::npos);
  EXPECT_NE(row(r.body, "tagih_macet").find("value=\"12,5\""), std::string::npos);
  r = Call("GET", plan, "dinasA");
  EXPECT_NE(row(r.body, "tagih_macet").find(kBerlaku + "40 %</td>"), std::string::npos);

  // The examiner reads the change in the cooperative's audit trail, from what to what.
  r = Call("GET", "/koperasi/" + std::to_string(coop_["A"]) + "/audit", "dinasA");
  ASSERT_EQ(r.status, 200);
  const size_t entry = r.body.find("Mengubah batas satu tahun rencana");
  ASSERT_NE(entry, std::string::npos);
  EXPECT_NE(r.body.find("&quot;batas&quot;:&quot;tagih_macet&quot;,&quot;persen&quot;:&quot;25&quot;", entry),
            std::string::npos);
  EXPECT_NE(r.body.find("&quot;persen&quot;:&quot;40&quot;,&quot;alasan&quot;:&quot;Tim penagihan baru&quot;", entry),
            std::string::npos);

  // Back to the defaults.
  r = post(plan + "/batas/bawaan", "pengurusA", {});
  EXPECT_EQ(r.status, 303);
  r = Call("GET", plan, "pengawasA");
  EXPECT_NE(row(r.body, "tagih_macet").find(kBawaan + "25 %</td>" + kBerlaku + "25 %</td>"),
            std::string::npos);
}

TEST_P(RoutesTest, TheSignedReportSaysWhatItIsAndVerifies) {
  if (!database_ready()) return;
  const int64_t draft = Draft("A", "2023-12-31");
  const Response d = Call("GET", "/laporan/" + std::to_string(draft) + "/unduh.pdf", "pengurusA");
  ASSERT_EQ(d.status, 200);
  const std::vector<std::string> draft_pages = PdfPages(d.body);
  ASSERT_GE(draft_pages.size(), 2u);
  for (const std::string& page : draft_pages) {
    EXPECT_NE(page.find("DRAF — PRA-PENILAIAN, BUKAN HASIL PEMERIKSAAN"), std::string::npos) << page;
    EXPECT_EQ(page.find("FINAL —"), std::string::npos);
  }

  const int64_t id = Submitted("A", "2024-12-31");
  const std::string reason = "Kas menurut berita acara kas opname 5 Januari 2025";
  ASSERT_TRUE(app_->Adjust(As("dinasA"), id, {{"neraca.kas", "12.500.000"}, {"neraca.bank", "1.000.000"}}, reason).ok() ||
              app_->Adjust(As("dinasA"), id, {{"hasil_usaha.meppp", "1.000.000"}}, reason).ok());
  ASSERT_TRUE(app_->Finalise(As("dinasA"), id).ok());
  const Response f = Call("GET", "/laporan/" + std::to_string(id) + "/unduh.pdf", "anggotaA");
  ASSERT_EQ(f.status, 200);
  const std::vector<std::string> pages = PdfPages(f.body);
  ASSERT_GE(pages.size(), 2u);
  LaporanView v;
  ASSERT_TRUE(app_->ViewLaporan(As("dinasA"), id, &v).ok());
  const std::string code = VerifyCode(v.record);
  std::string all;
  for (const std::string& page : pages) {
    EXPECT_NE(page.find("FINAL — revisi 1, difinalkan "), std::string::npos) << page;
    EXPECT_NE(page.find(" WIB oleh Dinas, Dinas Koperasi Wilayah A"), std::string::npos) << page;
    EXPECT_NE(page.find("Kode verifikasi " + code), std::string::npos) << page;
    EXPECT_EQ(page.find("DRAF"), std::string::npos) << page;
    all += page;
  }
  EXPECT_NE(all.find("KOREKSI PEMERIKSA"), std::string::npos);
  EXPECT_NE(all.find("Kas menurut berita acara"), std::string::npos) << all;

  // The worksheet says the same: FINAL in Ringkasan!D1, the corrections on a sheet of their own, by label.
  const Response x = Call("GET", "/laporan/" + std::to_string(id) + "/unduh.xlsx", "anggotaA");
  ASSERT_EQ(x.status, 200);
  XlsxWorkbook book;
  Problems read_problems;
  ASSERT_TRUE(ReadXlsx(x.body, "laporan.xlsx", XlsxLimits{}, &book, &read_problems)) << read_problems.size();
  const XlsxSheet* summary = book.FindSheet("Ringkasan");
  ASSERT_NE(summary, nullptr);
  const auto has = [](const XlsxSheet& sheet, const std::string& part) {
    return std::any_of(sheet.cells.begin(), sheet.cells.end(),
                       [&](const XlsxCell& c) { return c.text.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has(*summary, "FINAL — revisi 1, difinalkan "));
  const XlsxSheet* corrections = book.FindSheet("Koreksi Pemeriksa");
  ASSERT_NE(corrections, nullptr);
  EXPECT_TRUE(has(*corrections, reason));
  EXPECT_TRUE(has(*corrections, "Kas") || has(*corrections, "MEPPP"));
  EXPECT_FALSE(has(*corrections, "neraca.kas"));  // labels, not keys

  // The public page, without a login.
  const auto verify = [&](const std::string& c) {
    Request r;
    r.method = "GET";
    r.path = "/verifikasi";
    r.query = {{"kode", c}};
    r.client = "127.0.0.1";
    return Handle(app_.get(), settings_, r);
  };
  Response ok = verify(code);
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("Sah: ini penilaian FINAL yang tercatat"), std::string::npos) << ok.body;
  EXPECT_NE(ok.body.find("KSP A"), std::string::npos);
  std::string altered = code;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_NE(verify(altered).body.find("Tidak dikenal"), std::string::npos);
  EXPECT_EQ(verify("").status, 200);  // the form alone
  int64_t rev2 = 0;
  ASSERT_TRUE(app_->StartCorrection(As("dinasA"), id, "Revisi karena bukti baru", &rev2).ok());
  ASSERT_TRUE(app_->Finalise(As("dinasA"), rev2).ok());
  EXPECT_NE(verify(code).body.find("Sudah digantikan"), std::string::npos);
}

}  // namespace kopsehat::web::testing
