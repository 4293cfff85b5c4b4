// End-to-end tests of the `kopsehat` binary: runs it through the shell, captures stdout and stderr in files and
// checks the exit codes and outputs against ../shared/spec/laporan-v1.md (§2 output, §3 exit codes).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace {

namespace e2e = kopsehat::e2e;
using nlohmann::json;

using e2e::Contains;
using e2e::kExample;
using e2e::kSourceDir;
using e2e::Lines;
using e2e::ReadAll;
using e2e::Result;

class CliTest : public e2e::CliHarness {
 protected:
  static json Example() { return json::parse(ReadAll(kExample)); }
};

const std::regex kDecimal2(R"(-?[0-9]+\.[0-9]{2})");

// ---- assess: text and JSON reports

// The example names no method: its period (2025) is assessed by the KKPKK, as the examiner does.
TEST_F(CliTest, AssessExampleByThePeriodsMethod) {
  const Result r = Run({"assess", kExample});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Metode      : kkpkk-2021")) << r.out;
  EXPECT_TRUE(Contains(r.out, "PREDIKAT: SEHAT")) << r.out;
  EXPECT_TRUE(Contains(r.out, "90,00")) << r.out;
  EXPECT_FALSE(Contains(r.out, "PERHATIAN")) << "no out-of-period warning: " << r.out;
  EXPECT_EQ(r.err, "");
  const Result j = Run({"assess", kExample, "--format", "json"});
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_EQ(json::parse(j.out)["metode"], "kkpkk-2021");
}

// The 2016 report of the example, asked for by name (the method of periods before 2021).
TEST_F(CliTest, AssessExampleTextReport) {
  const Result r = Run({"assess", kExample, "--metode", "ksp-2016"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "PREDIKAT: SEHAT")) << r.out;
  EXPECT_TRUE(Contains(r.out, "89,80")) << r.out;
  EXPECT_TRUE(Contains(r.out, "KSP Sejahtera Bersama"));
  EXPECT_TRUE(Contains(r.out, "1. PERMODALAN"));
  EXPECT_TRUE(Contains(r.out, "RINGKASAN"));
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, AssessFromStandardInput) {
  const Result file = Run({"assess", kExample, "--format", "json"});
  const Result in = Run({"assess", "-", "--format", "json"}, kExample);
  EXPECT_EQ(in.status, 0) << in.err;
  EXPECT_EQ(in.out, file.out);
}

TEST_F(CliTest, AssessEnglishHeadings) {
  const Result r = Run({"assess", kExample, "--lang", "en", "--metode", "ksp-2016"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "SAVINGS-AND-LOAN COOPERATIVE HEALTH ASSESSMENT")) << r.out;
  EXPECT_TRUE(Contains(r.out, "1. CAPITAL")) << r.out;
  EXPECT_TRUE(Contains(r.out, "SUMMARY")) << r.out;
  EXPECT_TRUE(Contains(r.out, "89.80")) << r.out;
  EXPECT_FALSE(Contains(r.out, "RINGKASAN")) << r.out;
  EXPECT_FALSE(Contains(r.out, "1. PERMODALAN")) << r.out;
  const Result eq = Run({"assess", kExample, "--lang=en", "--metode=ksp-2016"});
  EXPECT_EQ(eq.out, r.out);
}

TEST_F(CliTest, AssessIsDeterministic) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"assess", kExample}, std::vector<std::string>{"assess", kExample, "--format", "json"},
        std::vector<std::string>{"assess", kExample, "--lang", "en"}}) {
    const Result a = Run(args);
    const Result b = Run(args);
    EXPECT_EQ(a.status, 0);
    EXPECT_FALSE(a.out.empty());
    EXPECT_EQ(a.out, b.out);
    EXPECT_EQ(a.err, b.err);
  }
}

TEST_F(CliTest, AssessJsonFollowsSpec) {
  const Result r = Run({"assess", kExample, "--format", "json", "--metode", "ksp-2016"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_EQ(Lines(r.out).size(), 1u) << "one JSON object on one line";
  EXPECT_TRUE(Contains(r.out, "\"skor_total\":89.8,")) << "scores printed with at most 2 decimals";
  json j;
  ASSERT_NO_THROW(j = json::parse(r.out));
  ASSERT_TRUE(j.is_object());

  // Top-level keys: every key of spec §2; extra keys only those the implementation is known to add (spec: keys may
  // be added backward compatibly).
  const std::set<std::string> required = {"format", "metode", "koperasi", "periode", "skor_total", "predikat",
                                          "aspek", "komponen", "besaran", "peringatan"};
  const std::set<std::string> tolerated = {"metode_versi", "skor_maksimal"};
  for (const std::string& k : required) EXPECT_TRUE(j.contains(k)) << k;
  for (const auto& [k, v] : j.items()) {
    EXPECT_TRUE(required.count(k) + tolerated.count(k) == 1) << "unexpected key " << k;
  }

  EXPECT_EQ(j["format"], "kopsehat/penilaian-v1");
  EXPECT_EQ(j["metode"], "ksp-2016");
  ASSERT_TRUE(j["koperasi"].is_object());
  EXPECT_EQ(j["koperasi"]["nama"], "KSP Sejahtera Bersama");
  EXPECT_EQ(j["koperasi"]["jenis"], "KSP");
  ASSERT_TRUE(j["periode"].is_object());
  EXPECT_EQ(j["periode"]["akhir"], "2025-12-31");
  ASSERT_TRUE(j["skor_total"].is_number());
  EXPECT_DOUBLE_EQ(j["skor_total"].get<double>(), 89.8);
  EXPECT_EQ(j["predikat"], "SEHAT");

  const std::vector<std::string> aspect_ids = {"permodalan",  "kap",         "manajemen", "efisiensi",
                                               "likuiditas", "kemandirian", "jatidiri"};
  ASSERT_TRUE(j["aspek"].is_array());
  ASSERT_EQ(j["aspek"].size(), 7u);
  double bobot_sum = 0, skor_sum = 0;
  for (size_t i = 0; i < 7; ++i) {
    const json& a = j["aspek"][i];
    ASSERT_TRUE(a.is_object());
    EXPECT_EQ(a.size(), 4u) << a.dump();
    EXPECT_EQ(a["id"], aspect_ids[i]);
    EXPECT_TRUE(a["nama"].is_string() && !a["nama"].get<std::string>().empty());
    ASSERT_TRUE(a["bobot"].is_number());
    ASSERT_TRUE(a["skor"].is_number());
    EXPECT_LE(a["skor"].get<double>(), a["bobot"].get<double>());
    bobot_sum += a["bobot"].get<double>();
    skor_sum += a["skor"].get<double>();
  }
  EXPECT_DOUBLE_EQ(bobot_sum, 100);
  EXPECT_NEAR(skor_sum, 89.8, 1e-9);

  const std::vector<std::string> component_ids = {
      "permodalan.modal_sendiri_total_aset", "permodalan.modal_sendiri_pinjaman_berisiko",
      "permodalan.kecukupan_modal",          "kap.pinjaman_anggota",
      "kap.risiko_pinjaman_bermasalah",      "kap.cadangan_risiko",
      "kap.pinjaman_berisiko",               "manajemen.umum",
      "manajemen.kelembagaan",               "manajemen.permodalan",
      "manajemen.aktiva",                    "manajemen.likuiditas",
      "efisiensi.beban_operasi_anggota",     "efisiensi.beban_usaha_shu_kotor",
      "efisiensi.pelayanan",                 "likuiditas.kas",
      "likuiditas.pinjaman_dana_diterima",   "kemandirian.rentabilitas_aset",
      "kemandirian.rentabilitas_modal_sendiri", "kemandirian.operasional_pelayanan",
      "jatidiri.partisipasi_bruto",          "jatidiri.promosi_ekonomi_anggota"};
  ASSERT_TRUE(j["komponen"].is_array());
  ASSERT_EQ(j["komponen"].size(), 22u);
  for (size_t i = 0; i < 22; ++i) {
    const json& c = j["komponen"][i];
    ASSERT_TRUE(c.is_object());
    const std::string id = c.value("id", "");
    SCOPED_TRACE(id);
    EXPECT_EQ(id, component_ids[i]);
    EXPECT_EQ(c["aspek"], id.substr(0, id.find('.')));
    EXPECT_TRUE(c["bobot"].is_number());
    EXPECT_TRUE(c["skor"].is_number());
    EXPECT_LE(c["skor"].get<double>(), c["bobot"].get<double>());
    if (id.rfind("manajemen.", 0) == 0) {
      const std::set<std::string> keys = {"id", "aspek", "ya", "butir", "bobot", "skor"};
      for (const auto& [k, v] : c.items()) EXPECT_EQ(keys.count(k), 1u) << k;
      ASSERT_TRUE(c["ya"].is_number_integer());
      ASSERT_TRUE(c["butir"].is_number_integer());
      EXPECT_LE(c["ya"].get<int>(), c["butir"].get<int>());
      EXPECT_FALSE(c.contains("pembilang"));
    } else {
      const std::set<std::string> keys = {"id",    "aspek", "pembilang", "penyebut", "rasio_persen",
                                          "nilai", "bobot", "skor",      "rentang"};
      for (const auto& [k, v] : c.items()) EXPECT_EQ(keys.count(k), 1u) << k;
      ASSERT_TRUE(c["pembilang"].is_string());
      ASSERT_TRUE(c["penyebut"].is_string());
      EXPECT_TRUE(std::regex_match(c["pembilang"].get<std::string>(), kDecimal2)) << c["pembilang"];
      EXPECT_TRUE(std::regex_match(c["penyebut"].get<std::string>(), kDecimal2)) << c["penyebut"];
      ASSERT_TRUE(c.contains("rasio_persen"));
      EXPECT_TRUE(c["rasio_persen"].is_number() || c["rasio_persen"].is_null());
      EXPECT_TRUE(c["nilai"].is_number());
    }
  }
  const json& first = j["komponen"][0];
  EXPECT_EQ(first["pembilang"], "746080000.50");
  EXPECT_EQ(first["penyebut"], "2313250000.50");
  EXPECT_DOUBLE_EQ(first["rasio_persen"].get<double>(), 32.2525);
  const json& umum = j["komponen"][7];
  EXPECT_EQ(umum["ya"], 10);
  EXPECT_EQ(umum["butir"], 12);

  ASSERT_TRUE(j["besaran"].is_object());
  EXPECT_FALSE(j["besaran"].empty());
  for (const auto& [k, v] : j["besaran"].items()) {
    ASSERT_TRUE(v.is_string()) << k;
    EXPECT_TRUE(std::regex_match(v.get<std::string>(), kDecimal2)) << k << " " << v;
  }
  EXPECT_EQ(j["besaran"]["modal_sendiri"], "746080000.50");
  EXPECT_TRUE(j["besaran"].contains("atmr"));

  ASSERT_TRUE(j["peringatan"].is_array());
  for (const json& w : j["peringatan"]) {
    EXPECT_TRUE(w["kode"].is_string());
    EXPECT_TRUE(w["pesan"].is_string());
  }
}

TEST_F(CliTest, AssessJsonZeroDenominatorIsNull) {
  // No problem loans: the allowance-coverage ratio has a zero denominator.
  json l = Example();
  l["pinjaman"] = json::object();
  const std::string p = Write("tanpa_bermasalah.json", l.dump(2));
  const Result r = Run({"assess", p, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  int nulls = 0;
  for (const json& c : j["komponen"]) {
    if (!c.contains("penyebut")) continue;
    const bool zero = c["penyebut"] == "0.00";
    EXPECT_EQ(c["rasio_persen"].is_null(), zero) << c.dump();
    nulls += zero ? 1 : 0;
  }
  EXPECT_GE(nulls, 1);
}

TEST_F(CliTest, AssessJsonInEnglishKeepsKeys) {
  const Result id = Run({"assess", kExample, "--format", "json"});
  const Result en = Run({"assess", kExample, "--format", "json", "--lang", "en"});
  ASSERT_EQ(en.status, 0) << en.err;
  const json a = json::parse(id.out), b = json::parse(en.out);
  EXPECT_EQ(a["skor_total"], b["skor_total"]);
  EXPECT_EQ(a["predikat"], b["predikat"]);
  EXPECT_EQ(a["komponen"].size(), b["komponen"].size());
}

TEST_F(CliTest, TanpaManajemen) {
  json l = Example();
  l["metode"] = "ksp-2016";  // the 2016 method's management checklist
  l.erase("manajemen");
  const std::string p = Write("tanpa_manajemen.json", l.dump(2));
  const Result refused = Run({"assess", p});
  EXPECT_EQ(refused.status, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_TRUE(Contains(refused.err, "manajemen")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "--tanpa-manajemen")) << refused.err;

  const Result r = Run({"assess", p, "--tanpa-manajemen", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["skor_total"].get<double>(), 78.5);
  bool warned = false;
  for (const json& w : j["peringatan"]) warned = warned || w["kode"] == "manajemen_tidak_dinilai";
  EXPECT_TRUE(warned) << j["peringatan"].dump();
  const Result text = Run({"assess", p, "--tanpa-manajemen"});
  EXPECT_EQ(text.status, 0);
  EXPECT_TRUE(Contains(text.out, "85")) << text.out;
}

// ---- assess: invalid input and arguments

TEST_F(CliTest, MalformedInputNamesEveryField) {
  json l = Example();
  l["neraca"]["kass"] = l["neraca"]["kas"];
  l["neraca"].erase("kas");
  l["neraca"]["bank"] = "-5";
  l["hasil_usaha"]["beban_usaha"] = "12.345";
  l["periode"]["akhir"] = "2021-02-30";
  const std::string p = Write("rusak.json", l.dump(2));
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "") << "nothing on stdout when the input is invalid";
  EXPECT_TRUE(Contains(r.err, "neraca.kass")) << r.err;
  EXPECT_TRUE(Contains(r.err, "maksudnya 'kas'")) << r.err;
  EXPECT_TRUE(Contains(r.err, "neraca.bank")) << r.err;
  EXPECT_TRUE(Contains(r.err, "hasil_usaha.beban_usaha")) << r.err;
  EXPECT_TRUE(Contains(r.err, "periode.akhir")) << r.err;
  EXPECT_TRUE(Contains(r.err, "rusak.json")) << r.err;

  const Result en = Run({"assess", p, "--lang", "en"});
  EXPECT_EQ(en.status, 2);
  EXPECT_EQ(en.out, "");
  EXPECT_TRUE(Contains(en.err, "neraca.kass: unknown key (did you mean 'kas'?)")) << en.err;
}

TEST_F(CliTest, SyntaxErrorGivesLineAndColumn) {
  const std::string p = Write("potong.json", "{\n  \"format\": \"kopsehat/laporan-v1\",\n  \"koperasi\": {\"nama\": ");
  const Result r = Run({"assess", p});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "baris 3, kolom 24")) << r.err;
}

TEST_F(CliTest, MissingFile) {
  const Result r = Run({"assess", Path("tidak_ada.json")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "tidak_ada.json")) << r.err;
}

TEST_F(CliTest, DirectoryAsFile) {
  const Result r = Run({"assess", dir_});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(r.err.empty());
}

TEST_F(CliTest, FileOverOneMebibyte) {
  std::string text = ReadAll(kExample);
  text.append((1u << 20) + 10 - text.size(), ' ');
  const Result r = Run({"assess", Write("besar.json", text)});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "1 MiB")) << r.err;
}

TEST_F(CliTest, UnknownOptionAndBadArguments) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"assess", kExample, "--bogus"}, std::vector<std::string>{"assess", kExample, "--format", "xml"},
        std::vector<std::string>{"assess", kExample, "--lang", "fr"}, std::vector<std::string>{"assess"},
        std::vector<std::string>{"assess", kExample, kExample}, std::vector<std::string>{"assess", kExample, "--metode"},
        std::vector<std::string>{"assess", kExample, "--tanpa-manajemen=ya"}, std::vector<std::string>{"nilai"},
        std::vector<std::string>{"batch", "--bogus"}, std::vector<std::string>{"rules", "--bogus"},
        std::vector<std::string>{"rules", "hapus"}}) {
    std::string joined;
    for (const std::string& a : args) joined += a + " ";
    const Result r = Run(args);
    EXPECT_EQ(r.status, 2) << joined << "\n" << r.err;
    EXPECT_FALSE(r.err.empty()) << joined;
  }
  const Result r = Run({"assess", kExample, "--bogus"});
  EXPECT_TRUE(Contains(r.err, "--bogus")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, UnknownMetode) {
  const Result r = Run({"assess", kExample, "--metode", "ksp-2099"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "ksp-2099")) << r.err;
  EXPECT_TRUE(Contains(r.err, "ksp-2016-linear")) << "lists the known methods: " << r.err;
  json l = Example();
  l["metode"] = "ksp-2099";
  const Result in_file = Run({"assess", Write("metode.json", l.dump())});
  EXPECT_EQ(in_file.status, 2);
  EXPECT_TRUE(Contains(in_file.err, "metode")) << in_file.err;
}

TEST_F(CliTest, LinearMetode) {
  const Result r = Run({"assess", kExample, "--metode", "ksp-2016-linear", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["metode"], "ksp-2016-linear");
  EXPECT_EQ(j["komponen"].size(), 22u);
  const Result text = Run({"assess", kExample, "--metode=ksp-2016-linear"});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "ksp-2016-linear")) << text.out;
}

TEST_F(CliTest, RulebookFromFile) {
  const std::string good = Write("salinan.toml", ReadAll(kSourceDir + "/rules/ksp-2016.toml"));
  const Result embedded = Run({"assess", kExample, "--format", "json", "--metode", "ksp-2016"});
  const Result r = Run({"assess", kExample, "--rulebook", good, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, embedded.out) << "a copy of the embedded rulebook gives the same result";

  // A TOML syntax error on line 11.
  std::vector<std::string> lines = Lines(ReadAll(good));
  ASSERT_GT(lines.size(), 20u);
  lines[10] = "format = = rusak";
  std::string broken;
  for (const std::string& l : lines) broken += l + "\n";
  const std::string bad = Write("rusak.toml", broken);
  const Result b = Run({"assess", kExample, "--rulebook", bad});
  EXPECT_EQ(b.status, 2);
  EXPECT_EQ(b.out, "");
  EXPECT_TRUE(Contains(b.err, "rusak.toml:11")) << b.err;

  const Result missing = Run({"assess", kExample, "--rulebook", Path("tidak_ada.toml")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(Contains(missing.err, "tidak_ada.toml")) << missing.err;
}

// ---- rules

TEST_F(CliTest, RulesList) {
  const Result r = Run({"rules", "list"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "kkpkk-2021 (berlaku sekarang)\n")) << r.out;
  EXPECT_EQ(r.out.rfind("ksp-2016\n", 0), 0u) << r.out;  // listed, no longer marked as the default
  EXPECT_TRUE(Contains(r.out, "ksp-2016-linear")) << r.out;
  EXPECT_TRUE(Contains(r.out, "dinilai dengan metode periodenya")) << r.out;
  const Result en = Run({"rules", "list", "--lang", "en"});
  EXPECT_EQ(en.status, 0);
  EXPECT_TRUE(Contains(en.out, "kkpkk-2021 (in force)\n")) << en.out;
}

TEST_F(CliTest, RulesShow) {
  for (const std::string id : {"ksp-2016", "ksp-2016-linear"}) {
    const Result r = Run({"rules", "show", id});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(Contains(r.out, id)) << r.out;
    EXPECT_TRUE(Contains(r.out, "permodalan.modal_sendiri_total_aset")) << r.out;
    EXPECT_TRUE(Contains(r.out, "manajemen.umum")) << r.out;
    EXPECT_TRUE(Contains(r.out, "PREDIKAT")) << r.out;
  }
  const Result en = Run({"rules", "show", "ksp-2016", "--lang", "en"});
  EXPECT_EQ(en.status, 0);
  EXPECT_TRUE(Contains(en.out, "QUANTITIES")) << en.out;
  const Result file = Run({"rules", "show", "--rulebook", "rules/ksp-2016.toml"});
  EXPECT_EQ(file.status, 0) << file.err;
  EXPECT_EQ(file.out, Run({"rules", "show", "ksp-2016"}).out);
  const Result unknown = Run({"rules", "show", "ksp-2099"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_TRUE(Contains(unknown.err, "ksp-2099")) << unknown.err;
}

TEST_F(CliTest, RulesCheck) {
  for (const std::string f : {"rules/ksp-2016.toml", "rules/ksp-2016-linear.toml"}) {
    const Result r = Run({"rules", "check", f});
    EXPECT_EQ(r.status, 0) << f << r.err;
    EXPECT_TRUE(Contains(r.out, "sah")) << r.out;
    EXPECT_TRUE(Contains(r.out, "22 komponen")) << r.out;
  }
  // Weights of aspect permodalan no longer add up: the loader names the aspect's line.
  std::string text = ReadAll(kSourceDir + "/rules/ksp-2016.toml");
  const size_t pos = text.find("\nbobot = 6\n");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 11, "\nbobot = 7\n");
  const std::string bad = Write("bobot.toml", text);
  const Result r = Run({"rules", "check", bad});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(bobot\.toml:[0-9]+: )"))) << r.err;
  EXPECT_TRUE(Contains(r.err, "permodalan")) << r.err;
  const Result missing = Run({"rules", "check", Path("tidak_ada.toml")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(Contains(missing.err, "tidak_ada.toml")) << missing.err;
}

// ---- help and version

TEST_F(CliTest, HelpForEverySubcommand) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help"}, std::vector<std::string>{"help"}, std::vector<std::string>{"assess", "--help"},
        std::vector<std::string>{"batch", "--help"}, std::vector<std::string>{"rules", "--help"},
        std::vector<std::string>{"rules", "list", "--help"}, std::vector<std::string>{"rules", "show", "--help"},
        std::vector<std::string>{"rules", "check", "--help"}}) {
    std::string joined;
    for (const std::string& a : args) joined += a + " ";
    const Result r = Run(args);
    EXPECT_EQ(r.status, 0) << joined << r.err;
    EXPECT_TRUE(Contains(r.out, "kopsehat")) << joined << r.out;
    EXPECT_EQ(r.err, "") << joined;
    std::vector<std::string> en = args;
    en.push_back("--lang");
    en.push_back("en");
    const Result e = Run(en);
    EXPECT_EQ(e.status, 0) << joined << e.err;
    EXPECT_TRUE(Contains(e.out, "Usage")) << joined << e.out;
  }
  EXPECT_TRUE(Contains(Run({"assess", "--help"}).out, "--tanpa-manajemen"));
  EXPECT_TRUE(Contains(Run({"batch", "--help"}).out, "--out"));
}

TEST_F(CliTest, NoArgumentsPrintsHelpAndExits2) {
  const Result r = Run({});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Contains(r.out, "Pemakaian")) << r.out;
}

TEST_F(CliTest, Version) {
  const Result r = Run({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(std::regex_match(r.out, std::regex("kopsehat [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
}

// ---- batch

class CliBatchTest : public CliTest {
 protected:
  static std::string Laporan(const std::string& nama, long kas_delta = 0) {
    json l = Example();
    l["koperasi"]["nama"] = nama;
    if (kas_delta != 0) {  // a different laporan that still balances: cash and general reserve move together
      l["neraca"]["kas"] = l["neraca"]["kas"].get<long>() + kas_delta;
      l["neraca"]["cadangan_umum"] = l["neraca"]["cadangan_umum"].get<long>() + kas_delta;
    }
    return l.dump();
  }
};

TEST_F(CliBatchTest, BadLineInTheMiddle) {
  json bad = Example();
  bad["neraca"]["kass"] = 1;
  const std::vector<std::string> in = {Laporan("KSP Satu"), Laporan("KSP Dua"), bad.dump(), Laporan("KSP Empat")};
  std::string text;
  for (const std::string& l : in) text += l + "\n";
  const std::string p = Write("campur.jsonl", text);
  const Result r = Run({"batch", p});
  EXPECT_EQ(r.status, 2) << r.err;
  const std::vector<std::string> out = Lines(r.out);
  ASSERT_EQ(out.size(), 4u) << r.out;
  const std::vector<std::string> names = {"KSP Satu", "KSP Dua", "", "KSP Empat"};
  for (size_t i = 0; i < 4; ++i) {
    json j;
    ASSERT_NO_THROW(j = json::parse(out[i])) << out[i];
    if (i == 2) {
      EXPECT_EQ(j.size(), 2u) << j.dump();
      EXPECT_EQ(j["baris"], 3);
      ASSERT_TRUE(j["galat"].is_array());
      ASSERT_FALSE(j["galat"].empty());
      bool named = false;
      for (const json& g : j["galat"]) {
        EXPECT_TRUE(g["pesan"].is_string());
        named = named || (g.value("path", "") == "neraca.kass" && g.value("kode", "") == "kunci_tidak_dikenal");
      }
      EXPECT_TRUE(named) << j.dump();
    } else {
      EXPECT_EQ(j["format"], "kopsehat/penilaian-v1");
      EXPECT_EQ(j["koperasi"]["nama"], names[i]);
    }
  }
  EXPECT_TRUE(Contains(r.err, "baris 3")) << r.err;
  EXPECT_TRUE(Contains(r.err, "neraca.kass")) << r.err;
  EXPECT_FALSE(Contains(r.err, "baris 2:")) << r.err;

  const Result en = Run({"batch", p, "--lang", "en"});
  EXPECT_EQ(en.status, 2);
  EXPECT_TRUE(Contains(en.err, "line 3")) << en.err;
}

TEST_F(CliBatchTest, MalformedJsonLine) {
  const std::string text = Laporan("KSP Satu") + "\n{\"koperasi\": \n" + Laporan("KSP Tiga") + "\n";
  const Result r = Run({"batch", Write("sintaks.jsonl", text)});
  EXPECT_EQ(r.status, 2);
  const std::vector<std::string> out = Lines(r.out);
  ASSERT_EQ(out.size(), 3u) << r.out;
  const json j = json::parse(out[1]);
  EXPECT_EQ(j["baris"], 2);
  EXPECT_EQ(j["galat"][0]["kode"], "json_tidak_sah");
  EXPECT_EQ(json::parse(out[2])["koperasi"]["nama"], "KSP Tiga");
}

TEST_F(CliBatchTest, AllGoodEqualsSingleAssess) {
  const std::vector<std::string> in = {Laporan("KSP Satu"), Laporan("KSP Dua", 5000000), Laporan("KSP Tiga", -40000000)};
  std::string text;
  for (const std::string& l : in) text += l + "\n";
  const std::string p = Write("baik.jsonl", text);
  const Result r = Run({"batch", p});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<std::string> out = Lines(r.out);
  ASSERT_EQ(out.size(), in.size()) << r.out;
  for (size_t i = 0; i < in.size(); ++i) {
    const std::string single_path = Write("satu_" + std::to_string(i) + ".json", in[i]);
    const Result single = Run({"assess", single_path, "--format", "json"});
    ASSERT_EQ(single.status, 0) << single.err;
    EXPECT_EQ(out[i] + "\n", single.out) << "line " << i + 1;
  }
  // Blank lines are skipped; --out writes the same bytes to a file.
  const std::string with_blank = Write("kosong.jsonl", in[0] + "\n\n  \n" + in[1] + "\n");
  const Result blank = Run({"batch", with_blank});
  EXPECT_EQ(blank.status, 0) << blank.err;
  EXPECT_EQ(Lines(blank.out).size(), 2u);
  const Result to_file = Run({"batch", p, "--out", Path("hasil.jsonl")});
  EXPECT_EQ(to_file.status, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(ReadAll(Path("hasil.jsonl")), r.out);
  // Standard input.
  const Result from_stdin = Run({"batch", "-"}, p);
  EXPECT_EQ(from_stdin.status, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, r.out);
}

TEST_F(CliBatchTest, MissingFile) {
  const Result r = Run({"batch", Path("tidak_ada.jsonl")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(r.err, "tidak_ada.jsonl")) << r.err;
}

}  // namespace
