// libFuzzer target: any bytes as a rulebook file (kopsehat assess --rulebook FILE takes them from users). Loading
// must never crash, abort or trip a sanitizer; a rulebook that loads must then assess the bundled example without
// breaking an invariant (bands cover the line, total within [0, maximum]).
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>

#include "assess/assessment.h"
#include "interchange/json_reader.h"
#include "report/json_report.h"
#include "report/text_report.h"
#include "rules/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kopsehat;
  static const Laporan example = [] {
    // A fixed laporan with every line non-zero so every formula and band is exercised.
    Laporan l;
    l.koperasi.nama = "KSP Fuzz";
    l.periode_akhir = "2025-12-31";
    for (int i = 0; i < kLineCount; ++i) {
      l.current.sen[size_t(i)] = Sen(1000 + 7919 * i) * 100;
      l.current.present[size_t(i)] = true;
      l.previous.sen[size_t(i)] = Sen(900 + 7907 * i) * 100;
    }
    l.has_previous = true;
    return l;
  }();
  Problems problems;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<Rulebook> rb = LoadRulebook(text, "fuzz.toml", &problems);
  if (rb == nullptr) {
    if (problems.empty()) __builtin_trap();  // a refusal must say why
    return 0;
  }
  Assessment a;
  EvaluateOptions options;
  options.without_checklist = true;
  Problems p;
  if (!Evaluate(example, *rb, options, &a, &p)) return 0;
  if (a.total_e6 < 0 || a.total_e6 > a.max_total_e6) __builtin_trap();
  std::string json;
  AppendPenilaianJson(a, Lang::kId, &json);
  (void)RenderTextReport(a, Lang::kEn);
  return 0;
}
