// End-to-end: kopsehat whatif and kopsehat plan (issue 7).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out, err;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Outcome Kopsehat(const std::string& args) {
  const fs::path dir = fs::temp_directory_path();
  // Unique per process and call: ctest runs the tests of this file in parallel processes.
  static int calls = 0;
  const std::string tag = std::to_string(getpid()) + "_" + std::to_string(++calls);
  const fs::path out = dir / ("kopsehat_plan_out_" + tag), err = dir / ("kopsehat_plan_err_" + tag);
  const std::string cmd = std::string("cd ") + KOPSEHAT_SOURCE_DIR + " && " + KOPSEHAT_BINARY + " " + args + " >" +
                          out.string() + " 2>" + err.string() + " </dev/null";
  const int raw = std::system(cmd.c_str());
  Outcome r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

bool Has(const std::string& s, const std::string& n) { return s.find(n) != std::string::npos; }

TEST(CliPlan, TroubledExampleGetsAVerifiedPlanToSehat) {
  const Outcome r = Kopsehat("plan examples/ksp-maju-jaya-2025.json --target SEHAT");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Sekarang: 68,35 (CUKUP SEHAT); target: 80,00")) << r.out;
  EXPECT_TRUE(Has(r.out, "Langkah (diperiksa dengan menilai ulang hasilnya):")) << r.out;
  EXPECT_TRUE(Has(r.out, "menaikkan: ")) << r.out;
  EXPECT_TRUE(Has(r.out, "(SEHAT)\n")) << r.out;
  EXPECT_TRUE(Has(r.out, "HASIL: ")) << r.out;
}

TEST(CliPlan, UnreachableTargetSaysWhy) {
  const Outcome r = Kopsehat("plan examples/ksp-maju-jaya-2025.json --target 100");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Target tidak dapat dicapai")) << r.out;
  EXPECT_TRUE(Has(r.out, "Manajemen")) << r.out;  // checklist points no action moves
}

TEST(CliPlan, CostWeightsFromAnActionFileChangeThePlan) {
  // Make cutting operating cost prohibitively expensive: the plan must do without it.
  std::string book = ReadAll(fs::path(KOPSEHAT_SOURCE_DIR) / "rules" / "aksi-ksp.toml");
  const std::string from = "id = \"hemat_beban_usaha\"";
  const size_t at = book.find(from);
  ASSERT_NE(at, std::string::npos);
  const size_t cost = book.find("biaya = 1", at);
  ASSERT_NE(cost, std::string::npos);
  book.replace(cost, 9, "biaya = 1000");
  const fs::path file = fs::temp_directory_path() / ("kopsehat_aksi_mahal_" + std::to_string(getpid()) + ".toml");
  std::ofstream(file) << book;
  const Outcome cheap = Kopsehat("plan examples/ksp-maju-jaya-2025.json --target SEHAT");
  const Outcome dear = Kopsehat("plan examples/ksp-maju-jaya-2025.json --target SEHAT --aksi-file " + file.string());
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
  fs::remove(file);
}

TEST(CliPlan, BadInputsExitTwo) {
  EXPECT_EQ(Kopsehat("plan examples/ksp-maju-jaya-2025.json --target BAGUS").status, 2);
  EXPECT_EQ(Kopsehat("plan examples/ksp-maju-jaya-2025.json --aksi-pakai terbang").status, 2);
  EXPECT_EQ(Kopsehat("plan examples/ksp-maju-jaya-2025.json --aksi-file /nonexistent/aksi.toml").status, 2);
  EXPECT_EQ(Kopsehat("whatif examples/ksp-maju-jaya-2025.json --aksi terbang=5").status, 2);
  EXPECT_EQ(Kopsehat("whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=1.250").status, 2);  // ambiguous
  EXPECT_EQ(Kopsehat("whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=999.999.999.999").status, 2);  // bound
}

TEST(CliWhatif, ShowsTheChangeOfEveryComponentAndTheTotal) {
  const Outcome r = Kopsehat("whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=88.900.000");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Menagih pinjaman macet: Rp 88.900.000")) << r.out;
  EXPECT_TRUE(Has(r.out, "Cadangan risiko terhadap risiko pinjaman bermasalah")) << r.out;
  EXPECT_TRUE(Has(r.out, "TOTAL 68,35 → ")) << r.out;
  const Outcome lever = Kopsehat("whatif examples/ksp-maju-jaya-2025.json --peka --lang en");
  ASSERT_EQ(lever.status, 0) << lever.err;
  EXPECT_TRUE(Has(lever.out, "SMALLEST STEPS")) << lever.out;
}

}  // namespace
