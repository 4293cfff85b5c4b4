// app/demo.h — the demo data `kopsehat serve --demo` seeds into an empty database: one regency, two cooperatives
// with three years of history in different workflow states (final, awaiting review, draft), and one login per role.
// Made through the App's own operations, so the demo is exactly what users would have produced. Depends on web/app.h.
#pragma once

#include <string>
#include <vector>

#include "app/app.h"

namespace kopsehat::app {

struct DemoLogin {
  std::string username;
  std::string role;
  std::string what;  // "Dinas Koperasi Kab. Probolinggo", "Pengurus KSP Sejahtera Bersama"
};

inline constexpr const char* kDemoPassword = "kopsehat-demo";

// Seeds the demo when the database has no user yet (a second start keeps what is there). The example laporan
// files are read from `examples_dir`. *logins lists the demo accounts (all with kDemoPassword) either way.
Outcome SeedDemo(App* app, const std::string& examples_dir, std::vector<DemoLogin>* logins);

}  // namespace kopsehat::app
