// bench/assess_bench.cc — micro-benchmarks of the three stages of one assessment, on the bundled example laporan
// with the embedded ksp-2016 rulebook: reading the JSON, evaluating, writing penilaian-v1, and all three together
// as `kopsehat batch` does per line (one reader, one Assessment, one output string reused). See bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "core/problems.h"
#include "interchange/csv_reader.h"
#include "interchange/json_reader.h"
#include "interchange/template_writer.h"
#include "interchange/xlsx_laporan_reader.h"
#include "laporan/laporan.h"
#include "plan/effort.h"
#include "plan/optimize.h"
#include "report/goal_report.h"
#include "report/json_report.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

const std::string& ExampleJson() {
  static const std::string text = [] {
    const std::string path = std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-sejahtera-bersama-2025.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "assess_bench: cannot open %s\n", path.c_str());
      std::exit(1);
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  return text;
}

const Rulebook& Ksp2016() {
  static const Rulebook* rb = [] {
    Problems problems;
    const Rulebook* r = EmbeddedRulebookById("ksp-2016", &problems);
    if (r == nullptr) {
      std::fprintf(stderr, "assess_bench: embedded rulebook ksp-2016: %s\n",
                   problems.Render(Lang::kEn).c_str());
      std::exit(1);
    }
    return r;
  }();
  return *rb;
}

const Laporan& ExampleLaporan() {
  static const Laporan laporan = [] {
    LaporanJsonReader reader;
    Laporan l;
    Problems problems;
    if (!reader.Read(ExampleJson(), &l, &problems)) {
      std::fprintf(stderr, "assess_bench: the example does not read: %s\n", problems.Render(Lang::kEn).c_str());
      std::exit(1);
    }
    return l;
  }();
  return laporan;
}

const Assessment& ExampleAssessment() {
  static const Assessment assessment = [] {
    Assessment a;
    Problems problems;
    if (!Evaluate(ExampleLaporan(), Ksp2016(), EvaluateOptions{}, &a, &problems)) {
      std::fprintf(stderr, "assess_bench: the example does not evaluate: %s\n", problems.Render(Lang::kEn).c_str());
      std::exit(1);
    }
    return a;
  }();
  return assessment;
}

void BM_ReadLaporan(benchmark::State& state) {
  const std::string& json = ExampleJson();
  LaporanJsonReader reader;
  Laporan laporan;
  Problems problems;
  for (auto _ : state) {
    problems.Clear();
    bool ok = reader.Read(json, &laporan, &problems);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(laporan);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(json.size()));
}
BENCHMARK(BM_ReadLaporan);

void BM_Evaluate(benchmark::State& state) {
  const Laporan& laporan = ExampleLaporan();
  const Rulebook& rb = Ksp2016();
  Assessment assessment;
  Problems problems;
  const EvaluateOptions options;
  for (auto _ : state) {
    problems.Clear();
    bool ok = Evaluate(laporan, rb, options, &assessment, &problems);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(assessment);
  }
}
BENCHMARK(BM_Evaluate);

void BM_WriteJson(benchmark::State& state) {
  const Assessment& assessment = ExampleAssessment();
  std::string out;
  out.reserve(64 << 10);
  for (auto _ : state) {
    out.clear();
    AppendPenilaianJson(assessment, Lang::kId, &out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(out.size()));
}
BENCHMARK(BM_WriteJson);

void BM_EndToEnd(benchmark::State& state) {
  const std::string& json = ExampleJson();
  const Rulebook& rb = Ksp2016();
  LaporanJsonReader reader;
  Laporan laporan;
  Assessment assessment;
  Problems problems;
  const EvaluateOptions options;
  std::string out;
  out.reserve(64 << 10);
  for (auto _ : state) {
    problems.Clear();
    out.clear();
    bool ok = reader.Read(json, &laporan, &problems) && Evaluate(laporan, rb, options, &assessment, &problems);
    if (ok) AppendPenilaianJson(assessment, Lang::kId, &out);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_EndToEnd);


// The example as a filled template workbook (written once by the template writer) and as a key;value CSV: what
// `kopsehat assess laporan.xlsx|.csv` reads.
const std::string& ExampleXlsx() {
  static const std::string bytes = [] {
    const std::string path = "/tmp/kopsehat_bench_template.xlsx";
    TemplateOptions o;
    o.rulebook = &Ksp2016();
    o.prefill = &ExampleLaporan();
    if (const Status written = WriteTemplateXlsx(path, o); !written.ok()) {
      std::fprintf(stderr, "assess_bench: %s\n", written.message().c_str());
      std::exit(1);
    }
    std::ifstream in(path, std::ios::binary);
    std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::remove(path.c_str());
    return b;
  }();
  return bytes;
}

void BM_ReadXlsxTemplate(benchmark::State& state) {
  const std::string& bytes = ExampleXlsx();
  for (auto _ : state) {
    Laporan laporan;
    Problems problems;
    bool ok = ReadLaporanXlsx(bytes, "laporan.xlsx", &laporan, &problems);
    if (!ok) state.SkipWithError("the template did not read back");
    benchmark::DoNotOptimize(laporan);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes.size()));
}
BENCHMARK(BM_ReadXlsxTemplate);

void BM_ReadCsvLaporan(benchmark::State& state) {
  TemplateOptions o;
  o.rulebook = &Ksp2016();
  o.prefill = &ExampleLaporan();
  const std::string csv = TemplateCsv(o);
  for (auto _ : state) {
    Laporan laporan;
    Problems problems;
    bool ok = ReadLaporanCsv(csv, &laporan, &problems);
    if (!ok) state.SkipWithError("the CSV did not read back");
    benchmark::DoNotOptimize(laporan);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(csv.size()));
}
BENCHMARK(BM_ReadCsvLaporan);

// The bytes of examples/<name>.
std::string ExampleText(const char* name) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One example, end to end per iteration: read it, then `assess_and_write(laporan, &problems, &out)` (false when it
// does not assess). What `kopsehat batch` does per line.
template <typename AssessAndWrite>
void EndToEnd(benchmark::State& state, const char* example, AssessAndWrite assess_and_write) {
  const std::string json = ExampleText(example);
  LaporanJsonReader reader;
  Laporan laporan;
  Problems problems;
  std::string out;
  out.reserve(64 << 10);
  for (auto _ : state) {
    problems.Clear();
    out.clear();
    if (!reader.Read(json, &laporan, &problems) || !assess_and_write(laporan, &problems, &out)) {
      state.SkipWithError("the example does not assess");
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}

// PEARLS on the example credit union: its pearls block and periode_lalu, all 44 WOCCU indicators, hasil-sasaran-v1.
void BM_PearlsEndToEnd(benchmark::State& state) {
  Problems load_problems;
  const GoalRulebook* rb = EmbeddedGoalRulebookById("pearls-woccu", &load_problems);
  if (rb == nullptr) {
    state.SkipWithError("pearls-woccu does not load");
    return;
  }
  GoalAssessment assessment;
  EndToEnd(state, "kopdit-sinar-harapan-2025.json", [&](const Laporan& l, Problems* p, std::string* out) {
    if (!EvaluateGoals(l, *rb, &assessment, p)) return false;
    AppendGoalJson(assessment, Lang::kId, out);
    return true;
  });
}
BENCHMARK(BM_PearlsEndToEnd);

// The KKPKK worksheet (persentase_skor, 61 indicators of which 34 checklists, growth from periode_lalu).
void BM_KkpkkEndToEnd(benchmark::State& state) {
  Problems load_problems;
  const Rulebook* rb = EmbeddedRulebookById("kkpkk-2021", &load_problems);
  if (rb == nullptr) {
    state.SkipWithError("kkpkk-2021 does not load");
    return;
  }
  Assessment assessment;
  EndToEnd(state, "ksp-contoh-kkpkk-2025.json", [&](const Laporan& l, Problems* p, std::string* out) {
    if (!Evaluate(l, *rb, {}, &assessment, p)) return false;
    AppendPenilaianJson(assessment, Lang::kId, out);
    return true;
  });
}
BENCHMARK(BM_KkpkkEndToEnd);

// The KKPKK planner (issue 17) on the troubled example: every rupiah action with its one-year limit and the cash
// floor, every workable checklist item of the 30 checklists with an effort entry; solved, rounded, re-assessed.
// Arg 80: to SEHAT (reached); arg 99: out of reach, so the best plan, every limit relaxed in turn and the per-aspect
// outlook are computed too (the worst case a board's request can ask for).
void BM_PlanKkpkk(benchmark::State& state) {
  Problems problems;
  const Rulebook* rb = EmbeddedRulebookById("kkpkk-2021", &problems);
  const ActionBook* book = EmbeddedActionBook(&problems);
  const EffortBook* effort = EmbeddedEffortBook("kkpkk-2021", &problems);
  const std::string path = std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-maju-jaya-kkpkk-2025.json";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LaporanJsonReader reader;
  Laporan laporan;
  Assessment base;
  if (rb == nullptr || book == nullptr || effort == nullptr || !reader.Read(text, &laporan, &problems) ||
      !Evaluate(laporan, *rb, {}, &base, &problems)) {
    state.SkipWithError("the KKPKK example or the embedded books do not load");
    return;
  }
  const Limits limits = DefaultLimits(*book);
  const int64_t target_e6 = state.range(0) * 1'000'000;
  for (auto _ : state) {
    const Plan plan = MakePlan(laporan, *rb, {}, base, *book, limits, target_e6, {}, effort);
    benchmark::DoNotOptimize(plan.status);
  }
}
BENCHMARK(BM_PlanKkpkk)->Arg(80)->Arg(99)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kopsehat

BENCHMARK_MAIN();
