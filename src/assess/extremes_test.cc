// Property test at the extremes of the laporan format (issue: PEARLS overflow): every embedded method, scored and
// goal, on laporan whose amounts sit at laporan-v1's limits — Rp 10^15 with odd sen, Rp 0,01 minimums, all zero,
// one-sided mixes (costs near 10^15 beside savings of Rp 0,01, this year without last year and the reverse) — must
// assess and print, or refuse naming an input. Never an internal error: no exception out of the engine or a
// renderer (what `kopsehat assess` turns into exit 1), and no refusal that names no input (the "numbers too large
// … check the rulebook's coefficients" that shipped rulebooks must never earn at valid amounts).
//
// Deterministic (fixed seed) and fast: a few hundred laporan, text and JSON for each, PDF and XLSX for a few.
// With KOPSEHAT_WRITE_EXTREME_SEEDS=DIR the first cases are also written to DIR as JSON: that is how the
// fuzz/corpus/edge-extreme-*.json seeds were made.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "report/goal_report.h"
#include "report/json_report.h"
#include "report/pdf_report.h"
#include "report/text_report.h"
#include "report/xlsx_worksheet.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

using nlohmann::json;

constexpr int kCases = 300;
constexpr int kFileRenderEvery = 60;  // PDF and XLSX for every 60th case: they are the slow renderers
constexpr Sen kMax = kMaxAbsAmountSen;  // Rp 10^15

json ReadJsonFile(const std::string& relative) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return json::parse(in);
}

// "123.45" for an amount in sen (a count line is written whole).
std::string AmountText(Sen sen) {
  const bool negative = sen < 0;
  const Sen m = negative ? -sen : sen;
  std::string cents = std::to_string(m % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(m / 100) + "." + cents;
}

class ExtremeGenerator {
 public:
  explicit ExtremeGenerator(uint64_t seed) : rng_(seed) {
    // The answers every checklist method reads: the manajemen block (ksp-2016, ksppps-2016), the KKPKK sets
    // (kkpkk-2021) and the sharia compliance list (ksppps-2016), taken from the shipped examples.
    manajemen_ = ReadJsonFile("examples/kopdit-sinar-harapan-2025.json")["manajemen"];
    daftar_periksa_ = ReadJsonFile("examples/ksp-contoh-kkpkk-2025.json")["daftar_periksa"];
    daftar_periksa_["syariah"] = ReadJsonFile("examples/kspps-amanah-2025.json")["daftar_periksa"]["syariah"];
  }

  // Case n: its mode is n % 6, the rest is drawn.
  json Next(int n, std::string* mode_name) {
    const int mode = n % 6;
    static const char* const kModes[] = {"semua-nol", "semua-maks", "semua-min", "campur", "sepihak-tahun",
                                         "sepihak-biaya"};
    *mode_name = kModes[mode];
    Statements now, before;
    for (int i = 0; i < kLineCount; ++i) {
      now.sen[size_t(i)] = Draw(mode, i, /*last_year=*/false);
      before.sen[size_t(i)] = Draw(mode, i, /*last_year=*/true);
    }
    MakeValid(&now);
    Balance(&now);
    PartsWithinWholes(&now);  // Balance may have lowered a whole (the parts are outside the balance)
    Balance(&before);
    json j = {{"format", "kopsehat/laporan-v1"},
              {"koperasi", {{"nama", "Ekstrem " + std::to_string(n) + " (" + *mode_name + ")"}}},
              {"periode", {{"akhir", "2025-12-31"}}},
              {"manajemen", manajemen_},
              {"daftar_periksa", daftar_periksa_}};
    AddLines(now, /*last_year=*/false, &j);
    // periode_lalu: given in full most of the time, sometimes without a section or not at all.
    const uint64_t p = rng_() % 8;
    if (p != 0) {
      json previous = json::object();
      AddLines(before, /*last_year=*/true, &previous);
      if (p == 1) previous.erase("pearls");
      if (p == 2) previous.erase("hasil_usaha");
      j["periode_lalu"] = previous;
    }
    json& pearls = j["pearls"];
    if (!pearls.is_object()) pearls = json::object();
    static const int kMonths[] = {1, 7, 12};
    pearls["bulan"] = kMonths[rng_() % 3];
    static const char* const kInflation[] = {"-1000", "0", "99.9999", "1000", "-0.0001", "2.5"};
    static const char* const kRate[] = {"0", "0.0001", "1000", "99.9999", "5"};
    if (rng_() % 5 != 0) pearls["inflasi_persen"] = kInflation[rng_() % 6];
    if (rng_() % 5 != 0) pearls["suku_bunga_pasar_persen"] = kRate[rng_() % 5];
    return j;
  }

 private:
  // One line's amount in sen for a mode: the format's extremes, odd sen included.
  Sen Draw(int mode, int line, bool last_year) {
    static const Sen kExtremes[] = {0, 1, 2, 99, kMax, kMax - 1, kMax - 3, 12'345'678'901'234'567, 100, 7'777};
    const LineSpec& spec = kLines[size_t(line)];
    const bool flow = spec.section == Section::kHasilUsaha ||
                      (spec.section == Section::kPearls && (std::string(spec.key).rfind("biaya", 0) == 0 ||
                                                            std::string(spec.key).rfind("beban", 0) == 0 ||
                                                            std::string(spec.key).rfind("pendapatan", 0) == 0 ||
                                                            std::string(spec.key).rfind("premi", 0) == 0));
    Sen v = 0;
    switch (mode) {
      case 0:  // all zero
        v = 0;
        break;
      case 1:  // everything at 10^15, odd sen now and then
        v = rng_() % 2 ? kMax : kMax - 1 - Sen(rng_() % 2) * 2;
        break;
      case 2:  // every amount Rp 0,01
        v = 1;
        break;
      case 3:  // a mix of the extremes, a third of the lines left at 0
        v = rng_() % 3 == 0 ? 0 : kExtremes[rng_() % std::size(kExtremes)];
        break;
      case 4:  // one period at the extremes, the other at 0 or Rp 0,01
        if ((rng_() % 2 == 0) == last_year) {
          v = kExtremes[rng_() % std::size(kExtremes)];
        } else {
          v = Sen(rng_() % 2);
        }
        break;
      default:  // costs and income near 10^15, balances at Rp 0,01 (or the other way round)
        v = (flow == (rng_() % 4 != 0)) ? kMax - Sen(rng_() % 2) : Sen(1 + rng_() % 2);
        break;
    }
    if (IsCountLine(line)) v = v / 100 * 100;  // head counts are whole
    if (spec.may_be_negative && rng_() % 2) v = -v;
    return v;
  }

  // The cross-checks of laporan-v1 (docs/formats.md): parts within their wholes, this year only.
  static void Within(Statements* s, std::initializer_list<const char*> parts, std::initializer_list<const char*> wholes) {
    i128 whole = 0;
    for (const char* w : wholes) whole += s->sen[size_t(FindLine(w))];
    for (const char* p : parts) {
      Sen& v = s->sen[size_t(FindLine(p))];
      if (v > whole) v = Sen(whole);
      whole -= v;
    }
  }

  static void MakeValid(Statements* s) {
    Within(s, {"pinjaman.kurang_lancar", "pinjaman.diragukan", "pinjaman.macet"},
           {"neraca.pinjaman_anggota", "neraca.pinjaman_non_anggota"});
    Within(s, {"pinjaman.berisiko"}, {"neraca.pinjaman_anggota", "neraca.pinjaman_non_anggota"});
    Within(s, {"pinjaman.volume_anggota"}, {"pinjaman.volume_total"});
    Within(s, {"hasil_usaha.biaya_karyawan"}, {"hasil_usaha.beban_usaha"});
    Within(s, {"pinjaman.agunan_kurang_lancar"}, {"pinjaman.kurang_lancar"});
    Within(s, {"pinjaman.agunan_diragukan"}, {"pinjaman.diragukan"});
    Within(s, {"pinjaman.agunan_macet"}, {"pinjaman.macet"});
    Within(s, {"pearls.lalai_1_12_bulan", "pearls.lalai_lebih_12_bulan"},
           {"neraca.pinjaman_anggota", "neraca.pinjaman_non_anggota"});
    Within(s, {"pearls.pemulihan_kumulatif"}, {"pearls.hapus_buku_kumulatif"});
    Within(s, {"pearls.utang_tidak_berbiaya_30_hari"}, {"pearls.utang_tidak_berbiaya"});
    Within(s, {"pearls.cadangan_likuiditas"}, {"pearls.investasi_likuid", "pearls.aset_likuid_tidak_menghasilkan"});
    Within(s, {"pearls.pendapatan_investasi_likuid", "pearls.pendapatan_investasi_keuangan",
               "pearls.pendapatan_investasi_non_keuangan"},
           {"hasil_usaha.pendapatan_lain"});
    Within(s, {"pearls.beban_penyisihan"}, {"hasil_usaha.beban_usaha"});
    Within(s, {"kegiatan.setoran_simpanan_anggota"}, {"kegiatan.setoran_simpanan_total"});
    PartsWithinWholes(s);
  }

  static void PartsWithinWholes(Statements* s) {
    // The rincian parts (laporan.h, LineParts) within their wholes, together (two parts share kewajiban lancar lain).
    for (const LinePart& part : LineParts()) {
      const LineSpec& spec = kLines[size_t(part.part)];
      if (spec.may_be_negative) continue;  // shu_tahun_lalu is not checked against its whole
      i128 rest = s->sen[size_t(part.whole)];
      for (const LinePart& other : LineParts()) {
        if (other.whole == part.whole && other.part < part.part) rest -= s->sen[size_t(other.part)];
      }
      Sen& v = s->sen[size_t(part.part)];
      if (v > rest) v = Sen(rest < 0 ? 0 : rest);
    }
  }

  // Assets (net of the allowance) = liabilities + equity, to the sen: shu_belum_dibagi takes the difference; what
  // it cannot hold within ±10^15 goes to lines of the other side that are below the limit.
  static void Balance(Statements* s) {
    const int shu = FindLine("neraca.shu_belum_dibagi");
    s->sen[size_t(shu)] = 0;
    i128 diff = 0;  // assets − (liabilities + equity)
    for (int i = 0; i < kLineCount; ++i) {
      switch (kLines[size_t(i)].side) {
        case BalanceSide::kAset: diff += s->sen[size_t(i)]; break;
        case BalanceSide::kAsetPengurang: diff -= s->sen[size_t(i)]; break;
        case BalanceSide::kKewajiban:
        case BalanceSide::kEkuitas: diff -= s->sen[size_t(i)]; break;
        case BalanceSide::kNone: break;
      }
    }
    // First raise lines of the short side towards the limit, then lower lines of the long side towards 0.
    for (const bool raise : {true, false}) {
      for (int i = 0; i < kLineCount && (diff > kMax || diff < -kMax); ++i) {
        const BalanceSide side = kLines[size_t(i)].side;
        if (i == shu || side == BalanceSide::kNone || side == BalanceSide::kAsetPengurang) continue;
        const bool pasiva = side == BalanceSide::kKewajiban || side == BalanceSide::kEkuitas;
        const bool too_many_assets = diff > kMax;
        // Too many assets: raise a liability or equity line, or lower an asset line; too few: the reverse.
        if (raise ? pasiva != too_many_assets : pasiva == too_many_assets) continue;
        const i128 room = raise ? kMax - s->sen[size_t(i)] : s->sen[size_t(i)];
        const i128 need = (too_many_assets ? diff : -diff) - kMax;
        const i128 step = room < need ? room : need;
        s->sen[size_t(i)] += Sen(raise ? step : -step);
        diff += too_many_assets ? -step : step;
      }
    }
    s->sen[size_t(shu)] = Sen(diff);
  }

  // Writes the lines into their sections; a zero is written as 0 or left out, at random (both mean 0). Except the
  // loan volumes, which default to the loans when left out, and the activity lines kkpkk-2021 requires.
  void AddLines(const Statements& s, bool last_year, json* out) {
    for (int i = 0; i < kLineCount; ++i) {
      const LineSpec& spec = kLines[size_t(i)];
      const Sen v = s.sen[size_t(i)];
      const bool always = spec.required || spec.section == Section::kKegiatan ||
                          std::string(spec.key).rfind("volume_", 0) == 0;
      if (v == 0 && !always && rng_() % 2) continue;
      json value = IsCountLine(i) ? json(v / 100) : json(AmountText(v));
      (*out)[SectionKey(spec.section)][spec.key] = value;
    }
    if (!last_year && !out->contains("pearls")) (*out)["pearls"] = json::object();
  }

  std::mt19937_64 rng_;
  json manajemen_;
  json daftar_periksa_;
};

// Every problem names an input (its path), and none is the "too large to compute" that blames the rulebook.
void ExpectRefusalNamesAnInput(const Problems& p, const std::string& what) {
  EXPECT_FALSE(p.empty()) << what;
  for (const Problem& item : p.items()) {
    EXPECT_FALSE(item.path.empty()) << what << ": " << item.code << " " << item.pesan;
    EXPECT_NE(item.code, "terlalu_besar") << what << ": " << item.pesan;
  }
}

TEST(ExtremeAmounts, EveryEmbeddedMethodAssessesOrRefusesNamingAnInput) {
  ExtremeGenerator gen(0x6b6f707365686174ULL);
  LaporanJsonReader reader;
  const char* seed_dir = std::getenv("KOPSEHAT_WRITE_EXTREME_SEEDS");
  const std::filesystem::path files =
      std::filesystem::temp_directory_path() / ("kopsehat_extremes_" + std::to_string(::getpid()));
  std::filesystem::create_directories(files);
  int read = 0, assessed = 0, goal_assessed = 0;
  for (int n = 0; n < kCases; ++n) {
    std::string mode;
    const json j = gen.Next(n, &mode);
    const std::string text = j.dump();
    const std::string what = "case " + std::to_string(n) + " (" + mode + ")";
    if (seed_dir != nullptr && n < 12) {
      std::ofstream(std::string(seed_dir) + "/edge-extreme-" + std::to_string(n) + "-" + mode + ".json") << text;
    }
    Laporan l;
    Problems problems;
    if (!reader.Read(text, &l, &problems)) {
      ExpectRefusalNamesAnInput(problems, what + " read");
      continue;
    }
    ++read;
    for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
      const std::string where = what + " " + std::string(e.id);
      Problems p;
      try {
        if (const GoalRulebook* g = EmbeddedGoalRulebookById(e.id, &p)) {
          GoalAssessment a;
          if (!EvaluateGoals(l, *g, &a, &p)) {
            ExpectRefusalNamesAnInput(p, where);
            continue;
          }
          ++goal_assessed;
          const GoalSummary& s = a.summary;
          EXPECT_EQ(s.met + s.not_met + s.no_target + s.not_assessable, s.total) << where;
          std::string out;
          AppendGoalJson(a, Lang::kId, &out);
          out += RenderGoalTextReport(a, Lang::kId) + RenderGoalTextReport(a, Lang::kEn);
          if (n % kFileRenderEvery == 0) {
            const Status pdf = WriteGoalPdfReport(a, PdfOptions{}, (files / "g.pdf").string());
            EXPECT_TRUE(pdf.ok()) << where << pdf.message();
            const Status xlsx = WriteGoalWorksheet(l, a, WorksheetOptions{}, (files / "g.xlsx").string());
            EXPECT_TRUE(xlsx.ok()) << where << xlsx.message();
          }
          continue;
        }
        const Rulebook* rb = EmbeddedRulebookById(e.id, &p);
        ASSERT_NE(rb, nullptr) << e.id << ": " << p.Render(Lang::kEn);
        Assessment a;
        if (!Evaluate(l, *rb, EvaluateOptions{}, &a, &p)) {
          ExpectRefusalNamesAnInput(p, where);
          continue;
        }
        ++assessed;
        std::string out;
        AppendPenilaianJson(a, Lang::kId, &out);
        out += RenderTextReport(a, Lang::kId) + RenderTextReport(a, Lang::kEn);
        if (n % kFileRenderEvery == 0) {
          const Status pdf = WritePdfReport(a, PdfOptions{}, (files / "s.pdf").string());
          EXPECT_TRUE(pdf.ok()) << where << pdf.message();
          const Status xlsx = WriteAssessmentWorksheet(l, a, WorksheetOptions{}, (files / "s.xlsx").string());
          EXPECT_TRUE(xlsx.ok()) << where << xlsx.message();
        }
      } catch (const std::exception& ex) {
        ADD_FAILURE() << where << ": internal error (exit 1 in the CLI): " << ex.what() << "\n" << text;
      }
    }
  }
  std::filesystem::remove_all(files);
  // The generator must reach the engines, not only the reader's refusals: nearly every case is valid.
  EXPECT_GE(read, kCases * 9 / 10);
  EXPECT_GE(goal_assessed, read * 2);  // both PEARLS methods on every valid laporan (all carry the pearls block)
  EXPECT_GE(assessed, read * 3);       // and the scored ones (kkpkk-2021 refuses the few without periode_lalu)
}

}  // namespace
}  // namespace kopsehat
