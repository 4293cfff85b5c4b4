// End-to-end: kopsehat whatif and kopsehat plan (issue 7).
#include <gtest/gtest.h>

#include <string>

#include "cli_harness.h"

namespace {

namespace e2e = kopsehat::e2e;

using e2e::Contains;
using e2e::ReadAll;
using e2e::Result;

class CliPlan : public e2e::CliHarness {};
class CliWhatif : public e2e::CliHarness {};

// Every limit at its loosest: each action only within its own bounds (the planner before issue 17).
const char* kLooseLimits = R"(format = "kopsehat/batas-v1"
[tagih_macet]
persen = 100
[tagih_diragukan]
persen = 100
[tagih_kurang_lancar]
persen = 100
[setor_simpanan_wajib]
persen = 100
[hemat_beban_usaha]
persen = 100
[naikkan_partisipasi]
persen = 100
[lantai_kas]
persen = 0
)";

// Issue 17: within the default one-year limits SEHAT is out of reach for the troubled example in one year; the plan
// says so, shows the best plan within the limits, each step with the share of its limit, and the limits that stop it.
TEST_F(CliPlan, TroubledExampleWithinTheDefaultLimitsNamesTheLimitsThatStopIt) {
  const Result r = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Sekarang: 68,35 (CUKUP SEHAT); target: 80,00")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Target tidak dapat dicapai dengan tindakan ini dalam batas-batasnya.")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Rencana terbaik dalam batas (diperiksa dengan menilai ulang hasilnya):")) << r.out;
  EXPECT_TRUE(Contains(r.out, "batas: 25 % dari Pinjaman macet = Rp 22.225.000; terpakai 100 %")) << r.out;
  EXPECT_TRUE(Contains(r.out, "batas: 15 % dari Beban usaha - Biaya karyawan = Rp 20.287.500; terpakai 100 %")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Menagih pinjaman macet dibatasi 25 %: ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Bersama-sama: dengan batas ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Lantai kas: Kas + Bank ≥ 10 % dari ")) << r.out;
  EXPECT_FALSE(Contains(r.out, "Rp 135.250.000")) << "cuts every rupiah of non-staff cost: " << r.out;
}

// With the cooperative's own limits (here every limit at its loosest) the plan reaches SEHAT, and says which
// limits it changed beside their defaults.
TEST_F(CliPlan, OwnLimitsFromABatasFile) {
  const std::string file = Write("batas-longgar.toml", kLooseLimits);
  const Result r = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT --batas " + e2e::Quote(file));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Langkah (diperiksa dengan menilai ulang hasilnya):")) << r.out;
  EXPECT_TRUE(Contains(r.out, "menaikkan: ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "(SEHAT)\n")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Menagih pinjaman macet: 100 % dari Pinjaman macet (bawaan 25 %)")) << r.out;
  const Result json = RunLine("plan examples/ksp-maju-jaya-2025.json --format json --batas " + e2e::Quote(file));
  EXPECT_TRUE(Contains(json.out, "{\"id\":\"tagih_macet\",\"jenis\":\"bagian\",\"persen\":\"100\",\"persen_bawaan\":\"25\"}"))
      << json.out;
  // The template is a valid limits file holding the defaults.
  const Result tmpl = RunLine("plan --template-batas");
  ASSERT_EQ(tmpl.status, 0) << tmpl.err;
  EXPECT_TRUE(Contains(tmpl.out, "[tagih_macet]\npersen = \"25\"\n")) << tmpl.out;
  const std::string again = Write("batas-bawaan.toml", tmpl.out);
  const Result same = RunLine("plan examples/ksp-maju-jaya-2025.json --batas " + e2e::Quote(again));
  EXPECT_EQ(same.out, RunLine("plan examples/ksp-maju-jaya-2025.json").out);
}

// Malformed --batas files: each problem named by its field, in Indonesian, exit 2.
TEST_F(CliPlan, MalformedBatasFilesAreRefusedNamingTheField) {
  struct Case {
    const char* name;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"format", "[tagih_macet]\npersen = \"40\"\n", "format: harus format = \"kopsehat/batas-v1\""},
      {"unknown", "format = \"kopsehat/batas-v1\"\n[tagih_macett]\npersen = \"40\"\n",
       "tagih_macett: tindakan atau lantai tidak dikenal"},
      {"negative", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = -5\n", "tagih_macet.persen: harus persen 0 sampai 100"},
      {"over", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = \"140\"\n", "tagih_macet.persen: harus persen 0 sampai 100"},
      {"text", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = \"banyak\"\n", "tagih_macet.persen: harus persen 0 sampai 100"},
      {"decimals", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = \"12.34567\"\n",
       "tagih_macet.persen: harus persen 0 sampai 100"},
      {"float", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = 12.5\n", "tagih_macet.persen: tulis sebagai teks"},
      {"missing", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\nalasan = \"x\"\n", "tagih_macet.persen: wajib ada"},
      {"key", "format = \"kopsehat/batas-v1\"\n[tagih_macet]\npersen = \"40\"\nprosen = 1\n",
       "tagih_macet.prosen: kunci tidak dikenal"},
      {"table", "format = \"kopsehat/batas-v1\"\ntagih_macet = 40\n", "tagih_macet: harus tabel [tagih_macet]"},
      {"toml", "format = \"kopsehat/batas-v1\"\n[tagih_macet\n", "TOML tidak sah"},
  };
  for (const Case& c : cases) {
    const std::string file = Write(std::string("batas-") + c.name + ".toml", c.text);
    for (const char* command : {"plan", "whatif"}) {
      const Result r = RunLine(std::string(command) + " examples/ksp-maju-jaya-2025.json --batas " + e2e::Quote(file));
      EXPECT_EQ(r.status, 2) << c.name << " " << command;
      EXPECT_TRUE(Contains(r.err, "berkas batas tidak sah")) << c.name << r.err;
      EXPECT_TRUE(Contains(r.err, c.message)) << c.name << ": " << r.err;
    }
  }
  // Two problems at once are both reported.
  const std::string both = Write("batas-dua.toml", "format = \"kopsehat/batas-v1\"\n[x]\npersen = 1\n[tagih_macet]\npersen = -1\n");
  const Result r = RunLine("plan examples/ksp-maju-jaya-2025.json --batas " + e2e::Quote(both));
  EXPECT_TRUE(Contains(r.err, "x: ") && Contains(r.err, "tagih_macet.persen: ")) << r.err;
  EXPECT_EQ(RunLine("plan examples/ksp-maju-jaya-2025.json --batas /nonexistent/batas.toml").status, 2);
}

TEST_F(CliPlan, UnreachableTargetSaysWhy) {
  const Result r = RunLine("plan examples/ksp-maju-jaya-2025.json --target 100");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Target tidak dapat dicapai")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Manajemen")) << r.out;  // checklist points no action moves
}

TEST_F(CliPlan, CostWeightsFromAnActionFileChangeThePlan) {
  // Make cutting operating cost prohibitively expensive: the plan must do without it.
  std::string book = ReadAll(e2e::kSourceDir + "/rules/aksi-ksp.toml");
  const std::string from = "id = \"hemat_beban_usaha\"";
  const size_t at = book.find(from);
  ASSERT_NE(at, std::string::npos);
  const size_t cost = book.find("biaya = 1", at);
  ASSERT_NE(cost, std::string::npos);
  book.replace(cost, 9, "biaya = 1000");
  const std::string file = Write("aksi-mahal.toml", book);
  const std::string loose = " --batas " + e2e::Quote(Write("batas-longgar.toml", kLooseLimits));
  const Result cheap = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT" + loose);
  const Result dear = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT --aksi-file " + e2e::Quote(file) + loose);
  ASSERT_EQ(dear.status, 0) << dear.err;
  // The amount of cost-cutting in each plan (0 when absent): the dear one must use less of it.
  auto amount = [](const std::string& out) -> long long {
    const std::string key = "Menghemat beban usaha (selain biaya karyawan): Rp ";
    const size_t pos = out.find(key);
    if (pos == std::string::npos) return 0;
    long long v = 0;
    for (size_t i = pos + key.size(); i < out.size() && out[i] != '\n'; ++i) {
      if (out[i] >= '0' && out[i] <= '9') v = v * 10 + (out[i] - '0');
    }
    return v;
  };
  EXPECT_GT(amount(cheap.out), 0) << cheap.out;
  EXPECT_LT(amount(dear.out), amount(cheap.out)) << dear.out;
}

TEST_F(CliPlan, BadInputsExitTwo) {
  EXPECT_EQ(RunLine("plan examples/ksp-maju-jaya-2025.json --target BAGUS").status, 2);
  EXPECT_EQ(RunLine("plan examples/ksp-maju-jaya-2025.json --aksi-pakai terbang").status, 2);
  EXPECT_EQ(RunLine("plan examples/ksp-maju-jaya-2025.json --aksi-file /nonexistent/aksi.toml").status, 2);
  EXPECT_EQ(RunLine("whatif examples/ksp-maju-jaya-2025.json --aksi terbang=5").status, 2);
  EXPECT_EQ(RunLine("whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=1.250").status, 2);  // ambiguous
  EXPECT_EQ(RunLine("whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=999.999.999.999").status, 2);  // bound
}

TEST_F(CliWhatif, ShowsTheChangeOfEveryComponentAndTheTotal) {
  const Result r = RunLine("whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=88.900.000");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Menagih pinjaman macet: Rp 88.900.000")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Cadangan risiko terhadap risiko pinjaman bermasalah")) << r.out;
  EXPECT_TRUE(Contains(r.out, "TOTAL 68,35 → ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "— melebihi batas satu tahun 25 % (Rp 22.225.000)")) << r.out;
  const Result lever = RunLine("whatif examples/ksp-maju-jaya-2025.json --peka --lang en");
  ASSERT_EQ(lever.status, 0) << lever.err;
  EXPECT_TRUE(Contains(lever.out, "SMALLEST STEPS")) << lever.out;
}

// Issue 17: a step that lowers the total says so, and none is beyond a limit without saying so.
TEST_F(CliWhatif, StepsThatLowerTheTotalSaySo) {
  for (const char* file : {"examples/ksp-maju-jaya-2025.json", "examples/ksp-sejahtera-bersama-2025.json"}) {
    const Result r = RunLine(std::string("whatif ") + file + " --metode ksp-2016");
    ASSERT_EQ(r.status, 0) << r.err;
    size_t at = 0;
    while ((at = r.out.find(", total -", at)) != std::string::npos) {
      const size_t end = r.out.find('\n', at);
      EXPECT_TRUE(Contains(r.out.substr(at, end - at), "MENURUNKAN total")) << r.out.substr(at, end - at);
      at = end;
    }
  }
}

}  // namespace
