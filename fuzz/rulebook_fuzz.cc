// libFuzzer target: any bytes as a rulebook file (kopsehat assess --rulebook FILE takes them from users). The file
// goes to the loader the CLI would choose (IsGoalRulebookText): a scored rulebook (kopsehat/rulebook-v1) or a goal
// rulebook (kopsehat/sasaran-v1, PEARLS). Loading must never crash, abort or trip a sanitizer, and a refusal must
// say why. A scored rulebook that loads must then assess a fixed laporan without breaking an invariant (bands cover
// the line, total within [0, maximum]); a goal rulebook that loads must assess the Kopdit example and a few edge
// laporan (dense, all zero, without periode_lalu or rates, without the pearls block) with every indicator resolved,
// the summary adding up, every "not assessable" saying why, and a report that is valid JSON and deterministic.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "interchange/json_reader.h"
#include "report/goal_report.h"
#include "report/json_report.h"
#include "report/text_report.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace {

using namespace kopsehat;

// A copy of examples/kopdit-sinar-harapan-2025.json (a valid laporan with a pearls block and periode_lalu),
// embedded so the target needs no file beside it.
constexpr const char* kKopditJson =
    R"json({"format":"kopsehat/laporan-v1","koperasi":{"nama":"KSP Kopdit Sinar Harapan","jenis":"KSP",)json"
    R"json("nomor_badan_hukum":"518/BH/XIV.4/2009","kabupaten":"Sikka","provinsi":"Nusa Tenggara Timur"},)json"
    R"json("periode":{"akhir":"2025-12-31"},"neraca":{"kas":50000000,"bank":150000000,)json"
    R"json("simpanan_di_lembaga_lain":600000000,"pinjaman_anggota":7400000000,"penyisihan_pinjaman":100000000,)json"
    R"json("pendapatan_masih_harus_diterima":40000000,"aset_lancar_lain":60000000,"penyertaan":150000000,)json"
    R"json("aset_tetap_bersih":600000000,"aset_lain":50000000,"tabungan":5200000000,)json"
    R"json("simpanan_berjangka":1100000000,"beban_masih_harus_dibayar":30000000,"utang_pajak":10000000,)json"
    R"json("dana_shu":60000000,"utang_jangka_panjang":200000000,"simpanan_pokok":200000000,)json"
    R"json("simpanan_wajib":1300000000,"hibah":50000000,"cadangan_umum":450000000,)json"
    R"json("cadangan_tujuan_risiko":150000000,"shu_belum_dibagi":250000000},)json"
    R"json("hasil_usaha":{"partisipasi_bruto":1450000000,"beban_pokok":450000000,"beban_usaha":700000000,)json"
    R"json("biaya_karyawan":350000000,"beban_perkoperasian":40000000,"pendapatan_lain":45000000,)json"
    R"json("beban_lain":10000000,"pajak":45000000,"shu_bagian_anggota":100000000},)json"
    R"json("pinjaman":{"kurang_lancar":120000000,"diragukan":60000000,"macet":40000000,"berisiko":300000000},)json"
    R"json("manajemen":{"umum":[true,true,true,true,true,true,true,true,true,true,false,true],)json"
    R"json("kelembagaan":[true,true,true,true,true,true],"permodalan":[true,true,false,true,true],)json"
    R"json("aktiva":[true,true,true,true,true,true,true,true,false,true],"likuiditas":[true,true,true,true,)json"
    R"json(true]},"pearls":{"bulan":12,"inflasi_persen":2.5,"suku_bunga_pasar_persen":5,)json"
    R"json("lalai_1_12_bulan":220000000,"lalai_lebih_12_bulan":40000000,"hapus_buku_kumulatif":300000000,)json"
    R"json("pemulihan_kumulatif":120000000,"aset_bermasalah":20000000,"investasi_likuid":600000000,)json"
    R"json("aset_likuid_tidak_menghasilkan":200000000,"cadangan_likuiditas":650000000,)json"
    R"json("investasi_keuangan":150000000,"aset_tidak_menghasilkan_lain":750000000,)json"
    R"json("utang_tidak_berbiaya":100000000,"utang_tidak_berbiaya_30_hari":40000000,"modal_transisi":250000000,)json"
    R"json("anggota":11500,"premi_asuransi_pinjaman":30000000,"pendapatan_investasi_likuid":36000000,)json"
    R"json("pendapatan_investasi_keuangan":9000000,"biaya_simpanan_non_saham":330000000,)json"
    R"json("biaya_kredit_eksternal":15000000,"biaya_simpanan_saham":105000000,"beban_penyisihan":60000000,)json"
    R"json("pendapatan_tidak_berulang":5000000,"beban_tidak_berulang":10000000},)json"
    R"json("periode_lalu":{"neraca":{"kas":40000000,"bank":160000000,"simpanan_di_lembaga_lain":500000000,)json"
    R"json("pinjaman_anggota":6600000000,"penyisihan_pinjaman":90000000,)json"
    R"json("pendapatan_masih_harus_diterima":35000000,"aset_lancar_lain":55000000,"penyertaan":140000000,)json"
    R"json("aset_tetap_bersih":520000000,"aset_lain":40000000,"tabungan":4600000000,)json"
    R"json("simpanan_berjangka":1000000000,"beban_masih_harus_dibayar":25000000,"utang_pajak":8000000,)json"
    R"json("dana_shu":50000000,"utang_jangka_panjang":250000000,"simpanan_pokok":190000000,)json"
    R"json("simpanan_wajib":1160000000,"hibah":50000000,"cadangan_umum":400000000,)json"
    R"json("cadangan_tujuan_risiko":130000000,"shu_belum_dibagi":137000000},)json"
    R"json("pearls":{"lalai_1_12_bulan":200000000,"lalai_lebih_12_bulan":50000000,)json"
    R"json("hapus_buku_kumulatif":240000000,"pemulihan_kumulatif":100000000,"aset_bermasalah":15000000,)json"
    R"json("investasi_likuid":500000000,"aset_likuid_tidak_menghasilkan":200000000,)json"
    R"json("cadangan_likuiditas":550000000,"investasi_keuangan":140000000,)json"
    R"json("aset_tidak_menghasilkan_lain":650000000,"utang_tidak_berbiaya":83000000,)json"
    R"json("utang_tidak_berbiaya_30_hari":30000000,"modal_transisi":137000000,"anggota":10400}}})json";

// Every line non-zero and distinct, so every formula term and sign is exercised; nine months, both rates.
Laporan Dense() {
  Laporan l;
  l.cooperative.nama = "KSP Fuzz";
  l.periode_akhir = "2025-12-31";
  for (int i = 0; i < kLineCount; ++i) {
    l.current.sen[size_t(i)] = Sen(1000 + 7919 * i) * 100;
    l.current.present[size_t(i)] = true;
    l.previous.sen[size_t(i)] = Sen(900 + 7907 * i) * 100;
    l.previous.present[size_t(i)] = true;
  }
  l.has_previous = true;
  l.has_pearls = true;
  l.pearls.bulan = 9;
  l.pearls.has_inflasi = true;
  l.pearls.inflasi_pct = Decimal{26100, 4};
  l.pearls.has_suku_bunga_pasar = true;
  l.pearls.suku_bunga_pasar_pct = Decimal{55000, 4};
  return l;
}

// The laporan the goal engine is run on for every goal rulebook that loads.
const std::vector<Laporan>& GoalLaporans() {
  static const std::vector<Laporan> all = [] {
    std::vector<Laporan> v;
    Laporan kopdit;
    LaporanJsonReader reader;
    Problems problems;
    if (!reader.Read(kKopditJson, &kopdit, &problems)) __builtin_trap();  // the embedded example must stay valid
    if (!kopdit.has_pearls || !kopdit.has_previous) __builtin_trap();
    v.push_back(kopdit);
    v.push_back(Dense());
    Laporan zero;  // every amount zero: zero denominators everywhere, growth from zero
    zero.cooperative.nama = "KSP Nol";
    zero.periode_akhir = "2025-12-31";
    zero.has_pearls = true;
    zero.has_previous = true;
    zero.current.present.set();
    zero.previous.present.set();
    zero.pearls.bulan = 1;
    v.push_back(zero);
    Laporan bare = kopdit;  // no periode_lalu, no rates: averages, growth and rate goals cannot be assessed
    bare.has_previous = false;
    bare.previous = Statements{};
    bare.pearls.has_inflasi = false;
    bare.pearls.has_suku_bunga_pasar = false;
    v.push_back(bare);
    Laporan no_block = kopdit;  // a laporan without the pearls block
    no_block.has_pearls = false;
    v.push_back(no_block);
    return v;
  }();
  return all;
}

// The invariants of a goal assessment the engine itself owns.
void CheckGoalAssessment(const GoalRulebook& rb, const GoalAssessment& a) {
  if (a.rulebook != &rb || a.indicators.size() != rb.indicators.size()) __builtin_trap();
  const GoalSummary& s = a.summary;
  if (s.total != int(rb.indicators.size())) __builtin_trap();
  if (s.met < 0 || s.not_met < 0 || s.no_target < 0 || s.not_assessable < 0) __builtin_trap();
  if (s.met + s.not_met + s.no_target + s.not_assessable != s.total) __builtin_trap();
  if (a.quantities_sen.size() != rb.quantities.size()) __builtin_trap();
  for (size_t i = 0; i < a.indicators.size(); ++i) {
    const IndicatorResult& r = a.indicators[i];
    if (r.spec != &rb.indicators[i]) __builtin_trap();  // every indicator was resolved
    if (r.has_value && r.value.den <= 0) __builtin_trap();
    if (r.status == GoalStatus::kNotAssessable && r.reason.code.empty()) __builtin_trap();  // says why
    // A verdict without a value is decided by a condition that does not read it (another indicator's verdict, a
    // paired E ratio meeting its goal: docs/methods/pearls.md), so it has no distance to a goal.
    if ((r.status == GoalStatus::kMet || r.status == GoalStatus::kNotMet) && !r.has_value && r.has_gap) {
      __builtin_trap();
    }
    if (r.has_gap) {
      if (r.status != GoalStatus::kNotMet || r.gap.Sign() < 0 || r.gap.den <= 0) __builtin_trap();
      if (r.direction != 1 && r.direction != -1) __builtin_trap();
    }
    if (r.used_variant && !r.spec->variant.has_value()) __builtin_trap();
  }
}

void FuzzGoalRulebook(std::string_view text) {
  Problems problems;
  std::unique_ptr<GoalRulebook> rb = LoadGoalRulebook(text, "fuzz.toml", &problems);
  if (rb == nullptr) {
    if (problems.empty()) __builtin_trap();  // a refusal must say why
    return;
  }
  if (rb->order.size() != rb->indicators.size()) __builtin_trap();
  for (const Laporan& laporan : GoalLaporans()) {
    GoalAssessment a;
    Problems p;
    if (!EvaluateGoals(laporan, *rb, &a, &p)) {
      if (p.empty()) __builtin_trap();
      continue;
    }
    CheckGoalAssessment(*rb, a);
    std::string json;
    AppendGoalJson(a, Lang::kId, &json);
    if (!nlohmann::json::accept(json)) __builtin_trap();  // the report is a JSON document
    std::string again;
    GoalAssessment b;
    Problems q;
    if (!EvaluateGoals(laporan, *rb, &b, &q)) __builtin_trap();
    AppendGoalJson(b, Lang::kId, &again);
    if (again != json) __builtin_trap();  // same input, same bytes
    (void)RenderGoalTextReport(a, Lang::kId);
    (void)RenderGoalTextReport(a, Lang::kEn);
  }
}

void FuzzScoredRulebook(std::string_view text) {
  // Every line non-zero so every formula and band is exercised (the previous-period and pearls extras of Dense()
  // are ignored by scored rulebooks).
  static const Laporan example = Dense();
  Problems problems;
  std::unique_ptr<Rulebook> rb = LoadRulebook(text, "fuzz.toml", &problems);
  if (rb == nullptr) {
    if (problems.empty()) __builtin_trap();  // a refusal must say why
    return;
  }
  // The answers the rulebook asks for, in whatever sets it names, every other item 'ya': so persentase_skor
  // rulebooks (which never go without their checklists) are assessed too.
  Laporan laporan = example;
  for (const AnswerSet& as : rb->answer_sets) {
    if (as.set.empty()) {
      laporan.has_manajemen = true;
    } else {
      laporan.checklist_sets.push_back(as.set);
    }
  }
  for (const Component& c : rb->components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    ChecklistAnswers answers{c.answers_set, c.answers_key, std::vector<bool>(c.items.size()), c.items.size()};
    for (size_t i = 0; i < c.items.size(); i += 2) answers.answers[i] = true;
    laporan.checklists.push_back(std::move(answers));
  }
  for (const Laporan* l : {&example, static_cast<const Laporan*>(&laporan)}) {
    Assessment a;
    EvaluateOptions options;
    options.without_checklist = true;
    Problems p;
    if (!Evaluate(*l, *rb, options, &a, &p)) {
      if (p.empty()) __builtin_trap();  // a refusal says why
      continue;
    }
    if (a.total_e6 < 0 || a.total_e6 > a.max_total_e6) __builtin_trap();
    if (a.predikat < 0 || size_t(a.predikat) >= rb->predikat.size()) __builtin_trap();
    if (rb->ScorePercent()) {
      // Pools within [0, 100] %, each with a predikat; scored components rated 1..skor_maks and losing >= 0.
      for (const AspectResult& asp : a.aspects) {
        if (asp.pool.pct_e6 < 0 || asp.pool.pct_e6 > 100'000'000 || asp.pool.predikat < 0) __builtin_trap();
      }
      for (const SubAspectResult& sub : a.sub_aspects) {
        if (sub.pool.pct_e6 < 0 || sub.pool.pct_e6 > 100'000'000 || sub.pool.predikat < 0) __builtin_trap();
      }
      for (const ComponentResult& r : a.components) {
        if (!r.scored) continue;
        if (r.nilai_e2 < 100 || r.nilai_e2 > int64_t(rb->skor_maks) * 100 || r.LostE6() < 0) __builtin_trap();
      }
    }
    std::string json;
    AppendPenilaianJson(a, Lang::kId, &json);
    if (!nlohmann::json::accept(json)) __builtin_trap();
    (void)RenderTextReport(a, Lang::kEn);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (kopsehat::IsGoalRulebookText(text)) {
    FuzzGoalRulebook(text);
  } else {
    FuzzScoredRulebook(text);
  }
  return 0;
}
