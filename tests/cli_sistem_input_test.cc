// End to end: the examiner's Sistem Input workbook (generated in its layout by src/interchange/test_sistem_input.h
// with the figures of its own filled example) through the `kopsehat` binary — `assess` gives the transcribed
// example's result (80,78 SEHAT) and the section PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA naming the workbook's
// prior-year modal penyertaan error for pertumbuhan dana yang diterima (workbook 81,89, ours 80,78); the JSON
// carries the same as `lembar_kerja_pemeriksa`; `convert --to json` reads it like any laporan.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_harness.h"
#include "interchange/test_sistem_input.h"

namespace {

namespace e2e = kopsehat::e2e;
using e2e::Contains;
using e2e::Result;
using nlohmann::json;

class CliSistemInputTest : public e2e::CliHarness {
 protected:
  std::string WriteExample() const { return Write("lembar-kerja.xlsx", kopsehat::testing::SistemInputExample().Bytes()); }
};

TEST_F(CliSistemInputTest, AssessShowsTheDifferencesFromTheWorkbook) {
  const std::string path = WriteExample();
  const Result r = Run({"assess", path});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string& o = r.out;
  EXPECT_TRUE(Contains(o, "kkpkk-2021")) << o;
  EXPECT_TRUE(Contains(o, "PREDIKAT: SEHAT")) << o;
  const size_t section = o.find("PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA");
  ASSERT_NE(section, std::string::npos) << o;
  const std::string s = o.substr(section);
  EXPECT_TRUE(Contains(s, "66 dibandingkan, 3 berbeda")) << s;
  EXPECT_TRUE(Contains(s, "(K!D51): lembar kerja 1, Kopsehat 3")) << s;
  EXPECT_TRUE(Contains(s, "(K!E72): lembar kerja 87,50, Kopsehat 84,72")) << s;
  EXPECT_TRUE(Contains(s, "(OP!F46): lembar kerja 81,89, Kopsehat 80,78")) << s;
  EXPECT_TRUE(Contains(s, "(BS!I35) [modal_penyertaan_tahun_lalu]")) << s;
  EXPECT_FALSE(Contains(s, "sebab tidak diketahui")) << s;

  const Result en = Run({"assess", path, "--lang", "en"});
  ASSERT_EQ(en.status, 0) << en.err;
  EXPECT_TRUE(Contains(en.out, "DIFFERENCES FROM THE EXAMINER'S WORKBOOK")) << en.out;
  EXPECT_TRUE(Contains(en.out, "(OP!F46): workbook 81.89, Kopsehat 80.78")) << en.out;
}

TEST_F(CliSistemInputTest, AnotherMethodIsNotComparedWithTheWorkbook) {
  const Result r = Run({"assess", WriteExample(), "--metode", "ksp-2016", "--tanpa-manajemen"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(Contains(r.out, "PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA")) << r.out;
}

TEST_F(CliSistemInputTest, JsonCarriesTheDifferences) {
  const Result r = Run({"assess", WriteExample(), "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_TRUE(j.contains("lembar_kerja_pemeriksa")) << r.out;
  const json& lk = j["lembar_kerja_pemeriksa"];
  EXPECT_EQ(lk["dibandingkan"], 66);
  ASSERT_EQ(lk["perbedaan"].size(), 3u);
  EXPECT_EQ(lk["perbedaan"][0]["id"], "kinerja_keuangan.pertumbuhan_dana_diterima");
  EXPECT_EQ(lk["perbedaan"][0]["lembar_kerja"], 1);
  EXPECT_EQ(lk["perbedaan"][0]["kopsehat"], 3);
  EXPECT_EQ(lk["perbedaan"][2]["lembar_kerja"], 81.89);
  EXPECT_EQ(lk["perbedaan"][2]["kopsehat"], 80.78);
  EXPECT_EQ(lk["perbedaan"][2]["sebab"][0]["kode"], "modal_penyertaan_tahun_lalu");
  EXPECT_EQ(lk["dibulatkan_ke_sen"]["jumlah"], 6);
}

TEST_F(CliSistemInputTest, ConvertReadsItLikeAnyLaporan) {
  const std::string out = Path("lembar-kerja.json");
  const Result r = Run({"convert", WriteExample(), "--to", "json", "--out", out});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(e2e::ReadAll(out));
  EXPECT_EQ(j["metode"], "kkpkk-2021");
  EXPECT_EQ(j["koperasi"]["nama"], "KSP Contoh Lembar Kerja");
  EXPECT_EQ(j["neraca"]["simpanan_berjangka_anggota"], "775435518.48");
  EXPECT_EQ(j["neraca"]["shu_tahun_lalu"], "-28149946.13");
}

}  // namespace
