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

TEST_F(CliPlan, TroubledExampleGetsAVerifiedPlanToSehat) {
  const Result r = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "Sekarang: 68,35 (CUKUP SEHAT); target: 80,00")) << r.out;
  EXPECT_TRUE(Contains(r.out, "Langkah (diperiksa dengan menilai ulang hasilnya):")) << r.out;
  EXPECT_TRUE(Contains(r.out, "menaikkan: ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "(SEHAT)\n")) << r.out;
  EXPECT_TRUE(Contains(r.out, "HASIL: ")) << r.out;
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
  const Result cheap = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT");
  const Result dear = RunLine("plan examples/ksp-maju-jaya-2025.json --target SEHAT --aksi-file " + e2e::Quote(file));
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
  const Result lever = RunLine("whatif examples/ksp-maju-jaya-2025.json --peka --lang en");
  ASSERT_EQ(lever.status, 0) << lever.err;
  EXPECT_TRUE(Contains(lever.out, "SMALLEST STEPS")) << lever.out;
}

}  // namespace
