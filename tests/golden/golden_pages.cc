// tests/golden/golden_pages.cc — writes every page of the demo data as each demo user sees it, in Indonesian and
// English, into a directory, for the byte-for-byte comparison of two builds (tests/golden/outputs.sh). It crawls
// from "/" along every same-site GET link (forms are not submitted), with a fixed clock, a fresh SQLite database and
// the session and CSRF tokens masked, so two runs of one build give the same bytes. Test support only.
//
//   golden_pages EXAMPLES_DIR OUT_DIR
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <string>

#include "store/schema.h"
#include "store/store.h"
#include "app/demo.h"
#include "web/http.h"

namespace fs = std::filesystem;
using namespace kopsehat;
using namespace kopsehat::app;
using namespace kopsehat::web;

namespace {

constexpr int64_t kFixedNow = 1'780'000'000;  // 2026-05-28 UTC
constexpr size_t kMaxPagesPerUser = 400;

std::string FileName(const std::string& user, const std::string& lang, const std::string& path) {
  std::string name = user + "." + lang;
  for (char c : path) name += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') ? c : '_';
  return name;
}

std::string Mask(std::string body, const std::string& token, const std::string& csrf) {
  for (const std::string& secret : {token, csrf}) {
    for (size_t at = body.find(secret); !secret.empty() && at != std::string::npos; at = body.find(secret, at)) {
      body.replace(at, secret.size(), "MASKED");
    }
  }
  return body;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: golden_pages EXAMPLES_DIR OUT_DIR\n";
    return 2;
  }
  const fs::path out = argv[2];
  fs::create_directories(out);
  const std::string db_path = (out / "golden.db").string();
  fs::remove(db_path);
  std::string error;
  auto store = store::Store::OpenAs(store::Dialect::kSqlite, db_path, 2, &error);
  if (!store) {
    std::cerr << error << "\n";
    return 1;
  }
  if (!store->WithConnection([](store::Connection* c) { return store::Migrate(c, kFixedNow); }).ok()) return 1;
  AppOptions options;
  options.password_cost = PasswordCost::kTest;
  options.now = [] { return kFixedNow; };
  App app(store.get(), options);
  std::vector<DemoLogin> logins;
  if (Outcome o = SeedDemo(&app, argv[1], &logins); !o.ok()) {
    std::cerr << o.problems.Render(Lang::kEn) << "\n";
    return 1;
  }
  ServerSettings settings;
  const std::regex link("(?:href|src|action)=\"(/[^\"#]*)\"");
  for (const DemoLogin& login : logins) {
    for (const std::string lang : {"id", "en"}) {
      std::string token;
      Principal p;
      if (!app.Login(login.username, kDemoPassword, "127.0.0.1", &token, &p).ok()) return 1;
      std::set<std::string> seen{"/"};
      std::deque<std::string> queue{"/"};
      while (!queue.empty() && seen.size() <= kMaxPagesPerUser) {
        const std::string target = queue.front();
        queue.pop_front();
        Request r;
        r.method = "GET";
        const size_t q = target.find('?');
        r.path = target.substr(0, q);
        if (q != std::string::npos) {
          std::string rest = target.substr(q + 1);
          size_t start = 0;
          while (start <= rest.size()) {
            size_t amp = rest.find("&amp;", start);
            const std::string kv = rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
            const size_t eq = kv.find('=');
            if (!kv.empty()) r.query.emplace_back(kv.substr(0, eq), eq == std::string::npos ? "" : kv.substr(eq + 1));
            if (amp == std::string::npos) break;
            start = amp + 5;
          }
        }
        r.client = "127.0.0.1";
        r.headers["cookie"] = std::string(kSessionCookie) + "=" + token + "; " + kLangCookie + "=" + lang;
        const Response resp = Handle(&app, settings, r);
        std::string head = std::to_string(resp.status) + " " + resp.content_type + "\n";
        for (const auto& [k, v] : resp.headers) head += k + ": " + v + "\n";
        std::ofstream(out / FileName(login.username, lang, target), std::ios::binary)
            << Mask(head + "\n" + resp.body, token, p.session.csrf_token);
        for (const auto& [k, v] : resp.headers) {
          if (k == "Location" && !v.empty() && v[0] == '/' && seen.insert(v).second) queue.push_back(v);
        }
        if (resp.content_type.rfind("text/html", 0) != 0) continue;
        for (std::sregex_iterator it(resp.body.begin(), resp.body.end(), link), end; it != end; ++it) {
          const std::string next = (*it)[1];
          if (next.rfind("/keluar", 0) == 0 || next.rfind("/api/v1/keluar", 0) == 0) continue;
          if (seen.insert(next).second) queue.push_back(next);
        }
      }
      app.Logout(p);
    }
  }
  fs::remove(db_path);
  fs::remove(db_path + "-wal");
  fs::remove(db_path + "-shm");
  return 0;
}
