// End-to-end tests of the goal methods (issue 8): `kopsehat assess --metode pearls-woccu|pearls-accu|all`, the
// JSON result format kopsehat/hasil-sasaran-v1 (docs/formats.md), `rules` on goal rulebooks, and the commands that
// refuse goal methods.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "cli_harness.h"

namespace {

namespace e2e = kopsehat::e2e;
using e2e::Contains;
using e2e::Squash;
using e2e::kSourceDir;
using e2e::ReadAll;
using e2e::Result;
using nlohmann::json;

const std::string kKopdit = kSourceDir + "/examples/kopdit-sinar-harapan-2025.json";

class CliPearlsTest : public e2e::CliHarness {};

TEST_F(CliPearlsTest, WoccuTextReportExplainsEveryIndicator) {
  const Result r = Run({"assess", kKopdit, "--metode", "pearls-woccu"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(Contains(r.out, "RINGKASAN: 26 dari 44 indikator memenuhi sasaran")) << r.out;
  for (const char* code : {"  P1 ", "  P6 ", "  E9 ", "  A3 ", "  R12 ", "  L3 ", "  S11 "}) {
    EXPECT_TRUE(Contains(r.out, code)) << code;
  }
  // Formula with amounts, value, goal, verdict with the distance, last year.
  EXPECT_TRUE(Contains(r.out, "hitung : Rp 500.000.000 / Rp 9.000.000.000")) << r.out;
  EXPECT_TRUE(Contains(r.out, "nilai 5,56 %   sasaran ≥ 10 %   → TIDAK MEMENUHI: perlu naik 4,44 poin (ke 10,00 %)"));
  EXPECT_TRUE(Contains(r.out, "tahun lalu: 440,00 % (naik 185,00 poin)"));
  EXPECT_TRUE(Contains(r.out, "perlu naik melewati 12,50 %"));  // S11 exactly at inflation + 10
  EXPECT_TRUE(Contains(r.out, "hitung : 1.100 / 10.400"));      // members are counted, not rupiah
}

TEST_F(CliPearlsTest, EnglishReport) {
  const Result r = Run({"assess", kKopdit, "--metode", "pearls-woccu", "--lang", "en"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "SUMMARY: 26 of 44 indicators meet their goal")) << r.out;
  EXPECT_TRUE(Contains(r.out, "needs to rise 4.44 points (to 10.00 %)")) << r.out;
}

TEST_F(CliPearlsTest, JsonResultFormat) {
  const Result r = Run({"assess", kKopdit, "--metode", "pearls-woccu", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["format"], "kopsehat/hasil-sasaran-v1");
  EXPECT_EQ(j["metode"], "pearls-woccu");
  EXPECT_EQ(j["periode"]["bulan"], 12);
  EXPECT_EQ(j["ringkasan"]["indikator"], 44);
  EXPECT_EQ(j["ringkasan"]["memenuhi"], 26);
  EXPECT_EQ(j["ringkasan"]["tidak_memenuhi"], 14);
  EXPECT_EQ(j["ringkasan"]["tanpa_sasaran"], 3);
  EXPECT_EQ(j["ringkasan"]["tidak_dapat_dinilai"], 1);
  ASSERT_EQ(j["indikator"].size(), 44u);
  const std::set<std::string> statuses = {"memenuhi", "tidak_memenuhi", "tanpa_sasaran", "tidak_dapat_dinilai"};
  for (const json& ind : j["indikator"]) {
    EXPECT_TRUE(statuses.count(ind["status"].get<std::string>())) << ind.dump();
    EXPECT_TRUE(ind.contains("sasaran")) << ind.dump();
  }
  const json& e8 = j["indikator"][13];
  EXPECT_EQ(e8["id"], "E8");
  EXPECT_EQ(e8["pembilang"], "500000000.00");
  EXPECT_EQ(e8["penyebut"], "9000000000.00");
  EXPECT_DOUBLE_EQ(e8["nilai_persen"].get<double>(), 5.5556);
  EXPECT_DOUBLE_EQ(e8["selisih"].get<double>(), 4.4444);
  EXPECT_EQ(e8["arah"], "naik");
  const json& p3 = j["indikator"][2];
  EXPECT_EQ(p3["id"], "P3");
  EXPECT_EQ(p3["nilai_rupiah"], "40000000.00");
  EXPECT_EQ(j["indikator"][21]["id"], "R4");
  EXPECT_TRUE(j["indikator"][21]["nilai_persen"].is_null());
  EXPECT_FALSE(j["indikator"][21]["alasan"].get<std::string>().empty());
  EXPECT_EQ(j["besaran"]["penyisihan_wajib"], "117000000.00");
}

TEST_F(CliPearlsTest, AccuMarksItsAdaptations) {
  const Result r = Run({"assess", kKopdit, "--metode", "pearls-accu", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["indikator"].size(), 13u);
  for (const json& ind : j["indikator"]) EXPECT_TRUE(ind.contains("adaptasi")) << ind["id"];
  EXPECT_EQ(j["indikator"][2]["id"], "E1");
  EXPECT_EQ(j["indikator"][2]["rumus_varian"], true);
  // Last year's E1 follows last year's P1 and P2 (both ideal in 2024): (6.600 − 120) / 8.000 = 81 %.
  EXPECT_EQ(j["indikator"][2]["rumus_varian_lalu"], true);
  EXPECT_DOUBLE_EQ(j["indikator"][2]["nilai_lalu_persen"].get<double>(), 81.0);
  const Result text = Run({"assess", kKopdit, "--metode", "pearls-accu"});
  EXPECT_TRUE(Contains(text.out, "tahun lalu: 81,00 % dengan rumus varian (turun 0,08 poin)")) << text.out;
}

TEST_F(CliPearlsTest, AllMethodsSideBySide) {
  const Result r = Run({"assess", kKopdit, "--metode", "all"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "ksp-2016 ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "pearls-woccu     26 dari 44 indikator memenuhi sasaran")) << r.out;
  EXPECT_TRUE(Contains(r.out, "pearls-accu      5 dari 13 indikator memenuhi sasaran")) << r.out;
  // The Ministry predikat of the same laporan, as `assess --metode ksp-2016` gives it.
  const json ksp = json::parse(Run({"assess", kKopdit, "--metode", "ksp-2016", "--format", "json"}).out);
  EXPECT_TRUE(Contains(r.out, "— " + ksp["predikat"].get<std::string>())) << r.out;

  const Result js = Run({"assess", kKopdit, "--metode", "all", "--format", "json"});
  ASSERT_EQ(js.status, 0) << js.err;
  const json j = json::parse(js.out);
  EXPECT_EQ(j["format"], "kopsehat/semua-metode-v1");
  ASSERT_EQ(j["hasil"].size(), 4u);
  EXPECT_EQ(j["hasil"][0]["format"], "kopsehat/penilaian-v1");
  EXPECT_EQ(j["hasil"][0]["predikat"], ksp["predikat"]);
  EXPECT_EQ(j["hasil"][2]["format"], "kopsehat/hasil-sasaran-v1");
  // The credit union filed no KKPKK (or sharia) checklist answers: those methods are named with the reason.
  for (const json& t : j["tidak_dinilai"]) {
    EXPECT_TRUE(Contains(t["alasan"].get<std::string>(), "wajib")) << t.dump();
  }
}

TEST_F(CliPearlsTest, AllSkipsMethodsWhoseInputsAreMissingAndSaysWhy) {
  json lap = json::parse(ReadAll(kKopdit));
  lap.erase("pearls");
  const std::string path = Write("tanpa-pearls.json", lap.dump());
  const Result r = Run({"assess", path, "--metode", "all", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["hasil"].size(), 2u);
  ASSERT_GE(j["tidak_dinilai"].size(), 2u);
  EXPECT_EQ(j["tidak_dinilai"][0]["metode"], "pearls-woccu");
  EXPECT_EQ(j["tidak_dinilai"][1]["metode"], "pearls-accu");
  EXPECT_TRUE(Contains(j["tidak_dinilai"][0]["alasan"].get<std::string>(), "pearls: blok pearls wajib ada"));
  const Result text = Run({"assess", path, "--metode", "all"});
  EXPECT_TRUE(Contains(text.out, "pearls-woccu     tidak dinilai: pearls: blok pearls wajib ada")) << text.out;
}

TEST_F(CliPearlsTest, PearlsWithoutTheBlockIsAnInputError) {
  const Result r = Run({"assess", kSourceDir + "/examples/ksp-sejahtera-bersama-2025.json", "--metode", "pearls-woccu"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.err, "pearls: blok pearls wajib ada untuk metode pearls-woccu")) << r.err;
}

TEST_F(CliPearlsTest, TheLaporanMayNameAGoalMethod) {
  json lap = json::parse(ReadAll(kKopdit));
  lap["metode"] = "pearls-accu";
  const Result r = Run({"assess", Write("accu.json", lap.dump())});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "PEARLS ACCU")) << r.out;
}

TEST_F(CliPearlsTest, GoalRulebookFromAFile) {
  const Result r = Run({"assess", kKopdit, "--rulebook", kSourceDir + "/rules/pearls-accu.toml"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "dari " + kSourceDir + "/rules/pearls-accu.toml")) << r.out;
  const Result check = Run({"rules", "check", kSourceDir + "/rules/pearls-woccu.toml"});
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_TRUE(Contains(check.out, "sah, 44 indikator")) << check.out;
}

TEST_F(CliPearlsTest, RulesListAndShow) {
  const Result list = Run({"rules", "list"});
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_TRUE(Contains(list.out, "pearls-woccu\n  versi 2026.1 — PEARLS (WOCCU) — 44 indikator [metode sasaran]")) << list.out;
  const Result show = Run({"rules", "show", "pearls-accu"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_TRUE(Contains(show.out, "adaptasi: BKCU")) << show.out;
  EXPECT_TRUE(Contains(show.out, "varian: pinjaman_bruto - penyisihan_wajib")) << show.out;
}

TEST_F(CliPearlsTest, ScoredOnlyCommandsRefuseGoalMethods) {
  for (const char* cmd : {"plan", "whatif", "chart"}) {
    std::vector<std::string> args = {cmd, kKopdit, "--metode", "pearls-woccu"};
    if (std::string(cmd) == "whatif") args.insert(args.end(), {"--set", "neraca.kas=+1000"});
    if (std::string(cmd) == "chart") args.insert(args.end(), {"--out", Path("c.svg")});
    const Result r = Run(args);
    EXPECT_EQ(r.status, 2) << cmd << " " << r.out;
    EXPECT_TRUE(Contains(r.err, "metode sasaran")) << cmd << ": " << r.err;
  }
}

TEST_F(CliPearlsTest, PdfReportReadsBackAndIsDeterministic) {
  const std::string a = Path("a.pdf"), b = Path("b.pdf");
  const std::string env = "SOURCE_DATE_EPOCH=1767225600";
  const Result r = Run({"assess", kKopdit, "--metode", "pearls-woccu", "--format", "pdf", "--out", a}, "", env);
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(Run({"assess", kKopdit, "--metode", "pearls-woccu", "--format", "pdf", "--out", b}, "", env).status, 0);
  EXPECT_EQ(ReadAll(a), ReadAll(b)) << "same input, same bytes";
  const std::string txt = Path("a.txt");
  ASSERT_EQ(std::system(("pdftotext -layout " + e2e::Quote(a) + " " + e2e::Quote(txt)).c_str()), 0);
  const std::string text = Squash(ReadAll(txt));
  for (const char* want : {"LAPORAN PEMANTAUAN PEARLS (WOCCU)", "26 dari 44 indikator memenuhi sasaran",
                           "KSP Kopdit Sinar Harapan", "TIDAK MEMENUHI", "4,44 poin",
                           "Rp 500.000.000 / Rp 9.000.000.000", "1.100 / 10.400", "PENGESAHAN", "Halaman 1 dari"}) {
    EXPECT_TRUE(Contains(text, want)) << want;
  }
  const Result en = Run({"assess", kKopdit, "--metode", "pearls-accu", "--format", "pdf", "--lang", "en", "--out", a});
  ASSERT_EQ(en.status, 0) << en.err;
  ASSERT_EQ(std::system(("pdftotext -layout " + e2e::Quote(a) + " " + e2e::Quote(txt)).c_str()), 0);
  const std::string en_text = Squash(ReadAll(txt));
  EXPECT_TRUE(Contains(en_text, "5 of 13 indicators meet their goal")) << en_text;
  EXPECT_TRUE(Contains(en_text, "ADAPTATIONS")) << en_text;
}

TEST_F(CliPearlsTest, BatchOfCreditUnionsGivesOneResultPerLine) {
  json lap = json::parse(ReadAll(kKopdit));
  std::string lines = lap.dump() + "\n";
  lap["pearls"]["lalai_lebih_12_bulan"] = 0;  // a second credit union that charged everything off
  lines += lap.dump() + "\n";
  lap.erase("pearls");
  lines += lap.dump() + "\n";  // no pearls block: that line is refused, the others stand
  const std::string in = Write("region.jsonl", lines);
  const Result r = Run({"batch", in, "--metode", "pearls-woccu"});
  EXPECT_EQ(r.status, 2) << r.err;
  const std::vector<std::string> out = e2e::Lines(r.out);
  ASSERT_EQ(out.size(), 3u) << r.out;
  const json first = json::parse(out[0]), second = json::parse(out[1]), third = json::parse(out[2]);
  EXPECT_EQ(first["format"], "kopsehat/hasil-sasaran-v1");
  EXPECT_EQ(first["ringkasan"]["memenuhi"], 26);
  EXPECT_EQ(second["indikator"][2]["id"], "P3");
  EXPECT_EQ(second["indikator"][2]["status"], "memenuhi");
  EXPECT_EQ(third["baris"], 3);
  EXPECT_EQ(third["galat"][0]["kode"], "wajib_ada");
  EXPECT_TRUE(Contains(r.err, "2 dinilai, 1 baris tidak sah")) << r.err;
}

// A Puskopdit's region as one CSV: the goal method's batch template has the pearls columns (a KSP one has none),
// and a row filled from the example assesses to the example's result.
TEST_F(CliPearlsTest, BatchCsvTemplateCarriesThePearlsColumns) {
  const std::string ksp = Path("ksp.csv"), cu = Path("cu.csv");
  ASSERT_EQ(Run({"template", "--format", "csv-baris", "--out", ksp}).status, 0);
  ASSERT_EQ(Run({"template", "--metode", "pearls-woccu", "--format", "csv-baris", "--out", cu}).status, 0);
  EXPECT_FALSE(Contains(ReadAll(ksp), "pearls."));
  std::string header = ReadAll(cu);
  ASSERT_TRUE(Contains(header, ";pearls.bulan;")) << header;
  header.pop_back();  // newline
  // Flatten the example to "section.key" -> value text.
  const json lap = json::parse(ReadAll(kKopdit));
  std::map<std::string, std::string> flat;
  std::function<void(const json&, const std::string&)> walk = [&](const json& j, const std::string& prefix) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
      if (it->is_object()) {
        walk(*it, key);
      } else if (it->is_array()) {
        for (size_t i = 0; i < it->size(); ++i) flat[key + "[" + std::to_string(i + 1) + "]"] = (*it)[i] ? "Ya" : "Tidak";
      } else {
        std::string v = it->is_string() ? it->get<std::string>() : it->dump();
        if (it->is_number()) std::replace(v.begin(), v.end(), '.', ',');  // the CSV's decimal comma: 2.5 -> 2,5
        flat[key] = v;
      }
    }
  };
  walk(lap, "");
  std::string row;
  size_t start = 0;
  for (;;) {
    const size_t semi = header.find(';', start);
    const std::string key = header.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
    auto it = flat.find(key);
    row += (start == 0 ? "" : ";") + (it == flat.end() ? std::string() : it->second);
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  e2e::WriteAll(cu, header + "\n" + row + "\n");
  const Result r = Run({"batch", cu, "--metode", "pearls-woccu"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json one = json::parse(r.out);
  const json direct = json::parse(Run({"assess", kKopdit, "--metode", "pearls-woccu", "--format", "json"}).out);
  EXPECT_EQ(one["ringkasan"], direct["ringkasan"]);
  EXPECT_EQ(one["indikator"], direct["indikator"]);
}

TEST_F(CliPearlsTest, XlsxWorksheetOfAGoalMethod) {
  const std::string out = Path("pearls.xlsx");
  const Result r = Run({"assess", kKopdit, "--metode", "pearls-woccu", "--format", "xlsx", "--out", out});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string bytes = ReadAll(out);
  EXPECT_EQ(bytes.substr(0, 2), "PK");  // a zip container
  const Result missing = Run({"assess", kKopdit, "--metode", "pearls-woccu", "--format", "xlsx"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(Contains(missing.err, "--out")) << missing.err;
}

// Issue 3: laporan at the format's extremes that made `assess` exit 1 ("arithmetic overflow", R4 ≥ R1 and R7 ≥ R5)
// or refuse the laporan blaming the rulebook (R8 ≥ R9 + R10). Every method and report format now assesses them.
TEST_F(CliPearlsTest, ExtremeReproducersAssessInEveryFormat) {
  const std::string dir = kSourceDir + "/tests/fixtures/pearls-overflow/";
  const std::map<std::string, std::string> verdicts = {
      {"repro_r4_overflow.json", "R4"}, {"repro_r7_overflow.json", "R7"}, {"repro_r8_refused.json", "R8"}};
  for (const auto& [file, id] : verdicts) {
    for (const char* method : {"pearls-woccu", "pearls-accu", "all"}) {
      for (const char* format : {"text", "json"}) {
        const Result r = Run({"assess", dir + file, "--metode", method, "--format", format});
        EXPECT_EQ(r.status, 0) << file << " " << method << " " << format << ": " << r.err;
        EXPECT_FALSE(Contains(r.err, "overflow")) << r.err;
      }
    }
    const json j = json::parse(Run({"assess", dir + file, "--metode", "pearls-woccu", "--format", "json"}).out);
    for (const json& ind : j["indikator"]) {
      if (ind["id"] == id) {
        EXPECT_EQ(ind["status"], "tidak_memenuhi") << file;
        EXPECT_EQ(ind["arah"], "naik") << file;
      }
    }
    const Result pdf = Run({"assess", dir + file, "--metode", "pearls-woccu", "--format", "pdf", "--out", Path("x.pdf")});
    EXPECT_EQ(pdf.status, 0) << file << ": " << pdf.err;
    const Result xlsx = Run({"assess", dir + file, "--metode", "pearls-woccu", "--format", "xlsx", "--out", Path("x.xlsx")});
    EXPECT_EQ(xlsx.status, 0) << file << ": " << xlsx.err;
  }
}

// Issue 1: a Kopdit with no loans but a DCR reserve of Rp 20 juta has negative average net loans. R1 has no value
// (the report shows its figures and why), so "R4 ≥ R1" cannot be judged.
TEST_F(CliPearlsTest, NegativeDenominatorIsNotAssessableAndShowsItsFigures) {
  const json neraca = {{"kas", 30000000}, {"bank", 50000000}, {"aset_lain", 100000000}, {"simpanan_pokok", 10000000},
                       {"simpanan_wajib", 50000000}, {"tabungan", 80000000}, {"cadangan_tujuan_risiko", 20000000},
                       {"shu_belum_dibagi", 20000000}};
  const json lap = {
      {"format", "kopsehat/laporan-v1"},
      {"koperasi", {{"nama", "Kopdit Tanpa Pinjaman"}}},
      {"periode", {{"akhir", "2025-12-31"}}},
      {"neraca", neraca},
      {"hasil_usaha", {{"partisipasi_bruto", 0}, {"pendapatan_lain", 8000000}, {"beban_usaha", 4000000}}},
      {"pearls", {{"investasi_non_keuangan", 100000000}, {"pendapatan_investasi_non_keuangan", 8000000}}},
      {"periode_lalu", {{"neraca", neraca}, {"pearls", {{"investasi_non_keuangan", 100000000}}}}}};
  const std::string path = Write("tanpa-pinjaman.json", lap.dump());
  const Result r = Run({"assess", path, "--metode", "pearls-woccu", "--tanpa-manajemen", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  const json& r1 = j["indikator"][18];
  const json& r4 = j["indikator"][21];
  ASSERT_EQ(r1["id"], "R1");
  ASSERT_EQ(r4["id"], "R4");
  EXPECT_TRUE(r1["nilai_persen"].is_null());
  EXPECT_EQ(r1["status"], "tidak_dapat_dinilai");
  EXPECT_EQ(r1["penyebut"], "-20000000.00");
  EXPECT_EQ(r1["alasan"], "penyebut (rata-rata(Pinjaman bersih)) negatif: rasio tidak bermakna");
  EXPECT_DOUBLE_EQ(r4["nilai_persen"].get<double>(), 8.0);
  EXPECT_EQ(r4["status"], "tidak_dapat_dinilai");
  EXPECT_EQ(r4["alasan"], "indikator pembanding R1 tidak punya nilai");
  const Result text = Run({"assess", path, "--metode", "pearls-woccu", "--tanpa-manajemen", "--lang", "en"});
  EXPECT_TRUE(Contains(text.out, "the denominator (average(Net loans)) is negative: the ratio has no meaning")) << text.out;
}

// The extreme-value seeds of the fuzz corpus (written by ExtremeAmounts in src/assess/extremes_test.cc: Rp 10^15
// with odd sen, Rp 0,01 minimums, all zero, one-sided mixes) through the binary: every embedded method assesses
// them, exit 0, never 1.
TEST_F(CliPearlsTest, ExtremeSeedsAssessWithEveryMethod) {
  int seeds = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSourceDir + "/fuzz/corpus")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("edge-extreme-", 0) != 0) continue;
    ++seeds;
    const Result r = Run({"assess", entry.path().string(), "--metode", "all", "--format", "json"});
    ASSERT_EQ(r.status, 0) << name << ": " << r.err;
    const json j = json::parse(r.out);
    for (const json& t : j["tidak_dinilai"]) {
      // Only a method whose inputs the laporan lacks is skipped, and it says which input.
      EXPECT_TRUE(Contains(t["alasan"].get<std::string>(), "periode_lalu")) << name << ": " << t.dump();
    }
    EXPECT_GE(j["hasil"].size(), 5u) << name;
  }
  EXPECT_GE(seeds, 12);
}

}  // namespace
