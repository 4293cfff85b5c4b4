// libFuzzer target: any bytes as one of the planner's user files — an effort book (kopsehat plan --upaya-file), a
// limits file (--batas) and an action book (--aksi-file) — each read by its loader. Loading must never crash, abort
// or trip a sanitizer, and a refusal must say why. An effort book that loads and fits kkpkk-2021 then plans the
// troubled KKPKK example (examples/ksp-maju-jaya-kkpkk-2025.json) to SEHAT: the plan's checklist steps must name
// workable "Tidak" items only, never a fixed one, and a verified plan must reach the target when re-assessed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "interchange/json_reader.h"
#include "plan/effort.h"
#include "plan/limits.h"
#include "plan/optimize.h"
#include "rules/loader.h"

namespace {

using namespace kopsehat;

void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "plan_files_fuzz: %s\n", what);
    std::abort();
  }
}

struct Fixture {
  const Rulebook* rb = nullptr;
  const ActionBook* book = nullptr;
  Laporan laporan;
  Assessment base;
  Fixture() {
    Problems p;
    rb = EmbeddedRulebookById("kkpkk-2021", &p);
    book = EmbeddedActionBook(&p);
    std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-maju-jaya-kkpkk-2025.json", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LaporanJsonReader reader;
    Require(rb != nullptr && book != nullptr && reader.Read(text, &laporan, &p) &&
                Evaluate(laporan, *rb, {}, &base, &p),
            "the fixture does not load");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Fixture fixture;
  const std::string text(reinterpret_cast<const char*>(data), size);
  {
    Problems p;
    Limits limits = DefaultLimits(*fixture.book);
    const bool ok = ApplyLimitFile(text, "batas.toml", &limits, &p);
    Require(ok == p.empty(), "the limits file was refused without a reason, or accepted with one");
  }
  {
    Problems p;
    const auto actions = LoadActionBook(text, "aksi.toml", &p);
    Require((actions != nullptr) == p.empty(), "the action book was refused without a reason, or loaded with one");
  }
  Problems p;
  const auto effort = LoadEffortBook(text, "upaya.toml", &p);
  Require((effort != nullptr) == p.empty(), "the effort book was refused without a reason, or loaded with one");
  if (effort == nullptr || !CheckEffortBook(*effort, *fixture.rb, &p)) return 0;
  const Plan plan = MakePlan(fixture.laporan, *fixture.rb, {}, fixture.base, *fixture.book,
                             DefaultLimits(*fixture.book), 80'000'000, {}, effort.get());
  for (const ChecklistStep& s : plan.checklist_steps) {
    const ComponentResult& r = fixture.base.components[s.component];
    for (const int i : s.items) {
      Require(i >= 0 && i < r.items && !r.answers[size_t(i)], "a planned item was not a Tidak of its list");
      for (const int fixed : s.effort->fixed) Require(fixed != i + 1, "a fixed item was planned");
    }
  }
  if (plan.status == Plan::Status::kVerified) Require(ReachesTarget(plan.result, 80'000'000), "a verified plan misses");
  return 0;
}
