// Fuzz target over the whole web application behind HTTP parsing: Handle() with arbitrary paths, query strings,
// form fields, uploaded files and JSON bodies, from every role with a valid session and CSRF token (and without).
// The application must never crash or answer 500 (an internal error) to input. State accumulates across inputs in
// one SQLite database, so later inputs act on whatever earlier ones made.
//
// Input: byte 0 picks the actor (anonymous or a demo role), byte 1 the method; the rest is text, line 1 the path
// (with an optional ?query), line 2 the body, later lines form fields "k=v" (a field named "berkas" is an uploaded
// file).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/schema.h"
#include "app/demo.h"
#include "web/http.h"

namespace {

using kopsehat::app::App;

struct World {
  std::string dir;
  std::unique_ptr<kopsehat::store::Store> store;
  std::unique_ptr<App> app;
  std::vector<std::pair<std::string, std::string>> sessions;  // cookie token, csrf
};

World* MakeWorld() {
  auto* w = new World;
  char dir[] = "/tmp/kopsehat-web-fuzz-XXXXXX";
  if (mkdtemp(dir) == nullptr) std::abort();
  w->dir = dir;
  static std::string cleanup_dir;
  cleanup_dir = w->dir;
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(cleanup_dir, ignored);
  });
  std::string error;
  w->store = kopsehat::store::Store::Open(w->dir + "/kopsehat.db", 1, &error);
  if (w->store == nullptr) std::abort();
  if (!w->store->WithConnection([](kopsehat::store::Connection* c) { return kopsehat::store::Migrate(c, 1); }).ok()) {
    std::abort();
  }
  kopsehat::app::AppOptions options;
  options.password_cost = kopsehat::app::PasswordCost::kTest;
  options.now = [] { return int64_t{1780000000}; };
  w->app = std::make_unique<App>(w->store.get(), options);
  std::vector<kopsehat::app::DemoLogin> logins;
  if (!kopsehat::app::SeedDemo(w->app.get(), KOPSEHAT_SOURCE_DIR "/examples", &logins).ok()) std::abort();
  for (const kopsehat::app::DemoLogin& l : logins) {
    std::string token;
    kopsehat::app::Principal p;
    if (!w->app->Login(l.username, kopsehat::app::kDemoPassword, "fuzz", &token, &p).ok()) std::abort();
    w->sessions.emplace_back(token, p.session.csrf_token);
  }
  return w;
}

std::string Line(std::string_view* rest) {
  const size_t nl = rest->find('\n');
  std::string line(rest->substr(0, nl));
  *rest = nl == std::string_view::npos ? std::string_view() : rest->substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static World* world = MakeWorld();
  if (size < 2) return 0;
  const size_t actor = data[0] % (world->sessions.size() + 1);  // 0: anonymous
  static const char* kMethods[] = {"GET", "POST", "HEAD", "PUT"};
  kopsehat::web::Request r;
  r.method = kMethods[data[1] % 4];
  r.client = "fuzz";
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  std::string target = Line(&rest);
  const size_t q = target.find('?');
  r.path = target.substr(0, q);
  if (q != std::string::npos) {
    std::string_view query(target);
    query.remove_prefix(q + 1);
    while (!query.empty()) {
      const size_t amp = query.find('&');
      const std::string_view kv = query.substr(0, amp);
      const size_t eq = kv.find('=');
      r.query.emplace_back(std::string(kv.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(kv.substr(eq + 1)));
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
  }
  r.body = Line(&rest);
  while (!rest.empty()) {
    const std::string kv = Line(&rest);
    const size_t eq = kv.find('=');
    const std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "" : kv.substr(eq + 1);
    if (k == "berkas") {
      r.files.push_back({k, "laporan.json", "application/json", v});
    } else {
      r.fields.emplace_back(k, v);
    }
  }
  r.headers["content-type"] = "application/json";
  if (actor > 0) {
    const auto& [token, csrf] = world->sessions[actor - 1];
    r.headers["cookie"] = std::string(kopsehat::web::kSessionCookie) + "=" + token;
    r.headers["x-csrf-token"] = csrf;
  }
  const kopsehat::web::ServerSettings settings{};
  const kopsehat::web::Response out = kopsehat::web::Handle(world->app.get(), settings, r);
  if (out.status >= 500) {
    std::fprintf(stderr, "internal error %d for %s %s\n%s\n", out.status, r.method.c_str(), r.path.c_str(),
                 out.body.c_str());
    std::abort();
  }
  return 0;
}
