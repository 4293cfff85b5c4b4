// libFuzzer target: any bytes through the laporan reader and, when they form a laporan, the engine and both
// renderers. Must never crash, abort or trip a sanitizer; invalid input is a value (Problems), not an error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "interchange/csv_reader.h"
#include "interchange/json_reader.h"
#include "report/goal_report.h"
#include "report/json_report.h"
#include "report/text_report.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace {

// The same bytes as a key;value CSV and as a batch CSV (header row + rows): readers of people's text must be as
// robust as the JSON one.
void FuzzCsv(std::string_view text) {
  using namespace kopsehat;
  Laporan laporan;
  Problems problems;
  (void)ReadLaporanCsv(text, &laporan, &problems);
  CsvBatch batch;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    ++line_no;
    Problems p;
    if (!batch.has_header()) {
      if (!batch.ReadHeader(line, line_no, &p)) break;  // as `kopsehat batch` does: a bad header ends the file
    } else {
      (void)batch.ReadRow(line, line_no, &laporan, &p);
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

// A laporan the reader accepted is within the format's limits (|x| <= 10^15, two decimals): an embedded method may
// refuse it only naming an input (a missing block, line or periode_lalu), never as "numbers too large to compute",
// which shipped rulebooks must not reach (fuzz/corpus/edge-extreme-*.json and edge-pearls-*.json sit at the limits).
bool NamesAnInput(const kopsehat::Problems& problems) {
  for (const kopsehat::Problem& p : problems.items()) {
    if (p.path.empty() || p.code == "terlalu_besar") return false;
  }
  return !problems.empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kopsehat;
  static LaporanJsonReader reader;
  Problems problems;
  Laporan laporan;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzCsv(text);
  if (!reader.Read(text, &laporan, &problems)) return 0;
  for (const char* id : {"ksp-2016", "ksp-2016-linear", "ksppps-2016", "kkpkk-2021"}) {
    const Rulebook* rb = EmbeddedRulebookById(id, &problems);
    if (rb == nullptr) __builtin_trap();  // the embedded rulebooks must load
    for (bool without : {false, true}) {
      Assessment a;
      Problems p;
      EvaluateOptions options;
      options.without_checklist = without;
      if (!Evaluate(laporan, *rb, options, &a, &p)) {
        if (!NamesAnInput(p)) __builtin_trap();
        continue;
      }
      if (a.total_e6 < 0 || a.total_e6 > a.max_total_e6) __builtin_trap();  // total stays within [0, max]
      for (const AspectResult& asp : a.aspects) {  // persentase_skor pools stay within [0, 100] %, predikat set
        if (rb->ScorePercent() && (asp.pool.pct_e6 < 0 || asp.pool.pct_e6 > 100'000'000 || asp.pool.predikat < 0)) {
          __builtin_trap();
        }
      }
      std::string json;
      AppendPenilaianJson(a, Lang::kId, &json);
      (void)RenderTextReport(a, Lang::kEn);
    }
  }
  // The goal methods (PEARLS) on the same laporan: every indicator resolved, the summary adding up.
  for (const char* id : {"pearls-woccu", "pearls-accu"}) {
    const GoalRulebook* g = EmbeddedGoalRulebookById(id, &problems);
    if (g == nullptr) __builtin_trap();
    GoalAssessment a;
    Problems p;
    if (!EvaluateGoals(laporan, *g, &a, &p)) {
      if (!NamesAnInput(p)) __builtin_trap();
      continue;
    }
    const GoalSummary& s = a.summary;
    if (s.met + s.not_met + s.no_target + s.not_assessable != s.total || s.total != int(g->indicators.size())) {
      __builtin_trap();
    }
    std::string json;
    AppendGoalJson(a, Lang::kId, &json);
    (void)RenderGoalTextReport(a, Lang::kEn);
    (void)RenderGoalTextReport(a, Lang::kId);
  }
  return 0;
}
