// Tests of the optional `pearls` block of a laporan (PEARLS lines and the settings bulan, inflasi_persen,
// suku_bunga_pasar_persen) as the JSON reader, the CSV key;value reader and the JSON writer handle it: a table of
// malformed inputs, each breaking one thing in the Kopdit example (or a small laporan) with the problem path and
// code expected; what is accepted; and round trips that must keep every line and setting.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

#include "core/test_files.h"
#include "interchange/fields.h"
#include "interchange/csv_reader.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_json_writer.h"
#include "interchange/template_writer.h"
#include "interchange/xlsx_laporan_reader.h"

namespace kopsehat {
namespace {

const std::string& ExampleText() {
  static const std::string text = testing::ReadSourceFile("examples/kopdit-sinar-harapan-2025.json");
  return text;
}

// A small valid laporan with a pearls block and a periode_lalu.pearls block.
// Assets 1.000.000 + 4.000.000 = 5.000.000 = simpanan pokok 2.000.000 + simpanan wajib 3.000.000.
constexpr const char* kSmall = R"({
  "format": "kopsehat/laporan-v1",
  "koperasi": {"nama": "Kopdit Mini", "jenis": "KSP"},
  "periode": {"akhir": "2025-09-30"},
  "neraca": {"kas": 1000000, "pinjaman_anggota": 4000000, "simpanan_pokok": 2000000, "simpanan_wajib": 3000000},
  "hasil_usaha": {"partisipasi_bruto": 500000, "beban_usaha": 200000, "pendapatan_lain": 10000},
  "pearls": {"bulan": 9, "anggota": 120, "lalai_1_12_bulan": 300000},
  "periode_lalu": {"pearls": {"anggota": 100}}
}
)";

enum class Base { kExample, kSmallLaporan };

struct Row {
  const char* name;
  Base base;
  std::string from;     // replaced once in the base text
  std::string to;       // the replacement
  const char* path;     // expected problem path
  const char* code;     // expected problem code
  const char* pesan_contains = "";
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

// Replaces the single occurrence of `from` in `text`; *count says how many there were.
std::string ReplaceOnce(std::string text, const std::string& from, const std::string& to, size_t* count) {
  *count = 0;
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + 1)) ++*count;
  const size_t pos = text.find(from);
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

std::string BaseText(Base b) { return b == Base::kExample ? ExampleText() : std::string(kSmall); }

std::string Apply(Base b, const std::string& from, const std::string& to) {
  size_t count = 0;
  std::string out = ReplaceOnce(BaseText(b), from, to, &count);
  EXPECT_EQ(count, 1u) << "the 'from' text must occur exactly once: " << from;
  return out;
}

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      // ---- keys
      {"UnknownLineSuggestsNearest", Base::kExample, R"("anggota": 11500)", R"("anggotaa": 11500)",
       "pearls.anggotaa", "kunci_tidak_dikenal", "maksudnya 'anggota'"},
      {"UnknownSettingSuggestsNearest", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persn": 2.5)",
       "pearls.inflasi_persn", "kunci_tidak_dikenal", "maksudnya 'inflasi_persen'"},
      {"PreviousBlockHasNoSettings", Base::kSmallLaporan, R"("periode_lalu": {"pearls": {"anggota": 100}})",
       R"("periode_lalu": {"pearls": {"bulan": 12, "anggota": 100}})", "periode_lalu.pearls.bulan",
       "kunci_tidak_dikenal"},
      {"PreviousInflationIsUnknownToo", Base::kSmallLaporan, R"("periode_lalu": {"pearls": {"anggota": 100}})",
       R"("periode_lalu": {"pearls": {"inflasi_persen": 2, "anggota": 100}})", "periode_lalu.pearls.inflasi_persen",
       "kunci_tidak_dikenal"},
      {"PreviousUnknownLineSuggests", Base::kExample, R"("anggota": 10400)", R"("angota": 10400)",
       "periode_lalu.pearls.angota", "kunci_tidak_dikenal", "maksudnya 'anggota'"},
      {"DuplicateSetting", Base::kExample, R"("bulan": 12,)", R"("bulan": 12, "bulan": 6,)", "pearls.bulan",
       "kunci_ganda"},
      {"DuplicateLine", Base::kExample, R"("anggota": 11500,)", R"("anggota": 11500, "anggota": 11500,)",
       "pearls.anggota", "kunci_ganda"},
      {"DuplicatePreviousLine", Base::kSmallLaporan, R"({"pearls": {"anggota": 100}})",
       R"({"pearls": {"anggota": 100, "anggota": 100}})", "periode_lalu.pearls.anggota", "kunci_ganda"},
      {"DuplicateBlock", Base::kSmallLaporan, R"("periode_lalu": {)", R"("pearls": {}, "periode_lalu": {)", "pearls",
       "kunci_ganda"},
      // ---- types
      {"PearlsNotAnObject", Base::kSmallLaporan, R"("pearls": {"bulan": 9, "anggota": 120, "lalai_1_12_bulan": 300000})",
       R"("pearls": [9, 120])", "pearls", "tipe_salah", "bukan daftar"},
      {"PreviousPearlsNotAnObject", Base::kSmallLaporan, R"({"pearls": {"anggota": 100}})", R"({"pearls": 100})",
       "periode_lalu.pearls", "tipe_salah", "bukan angka"},
      {"BulanBoolean", Base::kExample, R"("bulan": 12)", R"("bulan": true)", "pearls.bulan", "tipe_salah"},
      {"BulanNull", Base::kExample, R"("bulan": 12)", R"("bulan": null)", "pearls.bulan", "tipe_salah"},
      {"InflasiObject", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persen": {"nilai": 2.5})",
       "pearls.inflasi_persen", "tipe_salah"},
      {"AmountArray", Base::kExample, R"("anggota": 11500)", R"("anggota": [11500])", "pearls.anggota",
       "tipe_salah"},
      // ---- bulan
      {"BulanZero", Base::kExample, R"("bulan": 12)", R"("bulan": 0)", "pearls.bulan", "di_luar_rentang",
       "bilangan bulat 1 sampai 12"},
      {"BulanThirteen", Base::kExample, R"("bulan": 12)", R"("bulan": 13)", "pearls.bulan", "di_luar_rentang",
       "bilangan bulat 1 sampai 12"},
      {"BulanFraction", Base::kExample, R"("bulan": 12)", R"("bulan": 1.5)", "pearls.bulan", "di_luar_rentang",
       "bilangan bulat 1 sampai 12"},
      {"BulanWords", Base::kExample, R"("bulan": 12)", R"("bulan": "abc")", "pearls.bulan", "bukan_angka",
       "'abc' bukan jumlah bulan"},
      {"BulanNegative", Base::kExample, R"("bulan": 12)", R"("bulan": -3)", "pearls.bulan", "di_luar_rentang"},
      {"BulanHuge", Base::kExample, R"("bulan": 12)", R"("bulan": 123456789012345678901234567890)", "pearls.bulan",
       "di_luar_rentang"},
      // ---- percentages
      {"InflasiFiveDecimals", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persen": 2.12345)",
       "pearls.inflasi_persen", "desimal_berlebih", "paling banyak 4 angka desimal"},
      {"Inflasi1001", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persen": 1001)",
       "pearls.inflasi_persen", "di_luar_rentang", "-1000 dan 1000"},
      {"InflasiBelowMinus1000", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persen": -1000.0001)",
       "pearls.inflasi_persen", "di_luar_rentang"},
      {"InflasiExponent", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persen": 2.5e0)",
       "pearls.inflasi_persen", "bukan_angka"},
      {"InflasiPercentSign", Base::kExample, R"("inflasi_persen": 2.5)", R"("inflasi_persen": "2.5%")",
       "pearls.inflasi_persen", "bukan_angka"},
      {"SukuBungaNegative", Base::kExample, R"("suku_bunga_pasar_persen": 5)", R"("suku_bunga_pasar_persen": -0.5)",
       "pearls.suku_bunga_pasar_persen", "negatif", "tidak boleh negatif"},
      {"SukuBungaFiveDecimals", Base::kExample, R"("suku_bunga_pasar_persen": 5)",
       R"("suku_bunga_pasar_persen": "5.00001")", "pearls.suku_bunga_pasar_persen", "desimal_berlebih"},
      // ---- amounts
      {"AnggotaFraction", Base::kExample, R"("anggota": 11500)", R"("anggota": 10.5)", "pearls.anggota",
       "bukan_bilangan_bulat", "jumlah orang"},
      {"AnggotaDottedStringIsNotThousands", Base::kExample, R"("anggota": 11500)", R"("anggota": "11.5")",
       "pearls.anggota", "bukan_bilangan_bulat"},
      {"PreviousAnggotaFraction", Base::kExample, R"("anggota": 10400)", R"("anggota": 10399.99)",
       "periode_lalu.pearls.anggota", "bukan_bilangan_bulat"},
      {"NegativeAmount", Base::kExample, R"("investasi_keuangan": 150000000)", R"("investasi_keuangan": -150000000)",
       "pearls.investasi_keuangan", "negatif"},
      {"NegativePreviousAmount", Base::kExample, R"("investasi_keuangan": 140000000)",
       R"("investasi_keuangan": -1)", "periode_lalu.pearls.investasi_keuangan", "negatif"},
      {"ThreeDecimalAmount", Base::kExample, R"("beban_tidak_berulang": 10000000)",
       R"("beban_tidak_berulang": 10000000.005)", "pearls.beban_tidak_berulang", "desimal_berlebih"},
      {"AmountOverTheLimit", Base::kExample, R"("premi_asuransi_pinjaman": 30000000)",
       R"("premi_asuransi_pinjaman": 1000000000000001)", "pearls.premi_asuransi_pinjaman", "terlalu_besar"},
      // ---- parts within their wholes
      {"PemulihanOverHapusBuku", Base::kExample, R"("pemulihan_kumulatif": 120000000)",
       R"("pemulihan_kumulatif": 300000000.01)", "pearls.pemulihan_kumulatif", "melebihi_induk",
       "melebihi hapus buku kumulatif"},
      {"InvestmentIncomeOverPendapatanLain", Base::kExample, R"("pendapatan_investasi_keuangan": 9000000)",
       R"("pendapatan_investasi_keuangan": 9000001)", "pearls", "melebihi_induk", "melebihi pendapatan lain"},
      {"BebanPenyisihanOverBebanUsaha", Base::kExample, R"("beban_penyisihan": 60000000)",
       R"("beban_penyisihan": 700000001)", "pearls.beban_penyisihan", "melebihi_induk", "melebihi beban usaha"},
      {"Utang30HariOverUtang", Base::kExample, R"("utang_tidak_berbiaya_30_hari": 40000000)",
       R"("utang_tidak_berbiaya_30_hari": 100000001)", "pearls.utang_tidak_berbiaya_30_hari", "melebihi_induk",
       "melebihi kewajiban tidak berbiaya"},
      {"CadanganLikuiditasOverLiquidAssets", Base::kExample, R"("cadangan_likuiditas": 650000000)",
       R"("cadangan_likuiditas": 800000000.01)", "pearls.cadangan_likuiditas", "melebihi_induk",
       "melebihi investasi likuid + aset likuid tidak menghasilkan"},
      {"LalaiOverLoans", Base::kExample, R"("lalai_1_12_bulan": 220000000)", R"("lalai_1_12_bulan": 7360000001)",
       "pearls", "melebihi_induk", "melebihi pinjaman diberikan"},
      {"LalaiSumOverLoans", Base::kSmallLaporan, R"("lalai_1_12_bulan": 300000)",
       R"("lalai_1_12_bulan": 3000000, "lalai_lebih_12_bulan": 1000001)", "pearls", "melebihi_induk",
       "pinjaman lalai"},
  };
  return rows;
}

class PearlsReaderTable : public ::testing::TestWithParam<Row> {};

TEST_P(PearlsReaderTable, ReportsTheBrokenThing) {
  const Row& row = GetParam();
  const std::string input = Apply(row.base, row.from, row.to);
  LaporanJsonReader reader;
  Laporan laporan;
  Problems problems;
  EXPECT_FALSE(reader.Read(input, &laporan, &problems));
  ASSERT_FALSE(problems.empty());
  bool found = false;
  for (const Problem& p : problems.items()) {
    EXPECT_FALSE(p.pesan.empty()) << p.path << " " << p.code;
    EXPECT_FALSE(p.message.empty()) << p.path << " " << p.code;
    if (p.path == row.path && p.code == row.code) {
      found = true;
      EXPECT_NE(p.pesan.find(row.pesan_contains), std::string::npos)
          << "pesan: " << p.pesan << "\nexpected to contain: " << row.pesan_contains;
    }
  }
  EXPECT_TRUE(found) << "expected " << row.path << " " << row.code << "; got:\n" << problems.Render(Lang::kId);
}

INSTANTIATE_TEST_SUITE_P(PearlsReader, PearlsReaderTable, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& param_info) { return std::string(param_info.param.name); });

TEST(PearlsReaderTableSize, HasAtLeastFifteenRows) { EXPECT_GE(Rows().size(), 15u); }

// ---------------------------------------------------------------------------------------------------------------
// Accepted inputs

bool ReadJson(const std::string& text, Laporan* out, Problems* problems) {
  LaporanJsonReader reader;
  return reader.Read(text, out, problems);
}

Sen Line(const Statements& s, const char* path) {
  const int i = FindLine(path);
  EXPECT_GE(i, 0) << path;
  return i < 0 ? 0 : s.Get(i);
}

bool Present(const Statements& s, const char* path) {
  const int i = FindLine(path);
  EXPECT_GE(i, 0) << path;
  return i >= 0 && s.present[size_t(i)];
}

TEST(PearlsReader, ExampleIsValidAndReadExactly) {
  Laporan l;
  Problems p;
  ASSERT_TRUE(ReadJson(ExampleText(), &l, &p)) << p.Render(Lang::kId);
  EXPECT_TRUE(l.has_pearls);
  EXPECT_TRUE(l.has_previous);
  EXPECT_EQ(l.pearls.bulan, 12);
  ASSERT_TRUE(l.pearls.has_inflasi);
  EXPECT_EQ(l.pearls.inflasi_pct.units, 25000);  // 2.5 % at 4 decimals
  EXPECT_EQ(l.pearls.inflasi_pct.scale, 4);
  ASSERT_TRUE(l.pearls.has_suku_bunga_pasar);
  EXPECT_EQ(l.pearls.suku_bunga_pasar_pct.units, 50000);
  EXPECT_EQ(l.pearls.suku_bunga_pasar_pct.scale, 4);
  EXPECT_EQ(Line(l.current, "pearls.anggota"), 1150000);  // counts are held like amounts, × 100
  EXPECT_EQ(Line(l.current, "pearls.lalai_1_12_bulan"), Sen(220000000) * 100);
  EXPECT_EQ(Line(l.previous, "pearls.anggota"), 1040000);
  EXPECT_EQ(Line(l.previous, "pearls.modal_transisi"), Sen(137000000) * 100);
  EXPECT_FALSE(Present(l.current, "pearls.modal_lembaga_lain"));
  EXPECT_FALSE(Present(l.previous, "pearls.biaya_simpanan_saham"));
}

TEST(PearlsReader, InflationMayBeNegativeAndAString) {
  struct Case {
    const char* text;
    i128 units;  // at scale 4
  } cases[] = {
      {R"("inflasi_persen": -0.5)", -5000},       {R"("inflasi_persen": "2.61")", 26100},
      {R"("inflasi_persen": "-1.25")", -12500},   {R"("inflasi_persen": 0)", 0},
      {R"("inflasi_persen": 1000)", 10000000},    {R"("inflasi_persen": -1000)", -10000000},
      {R"("inflasi_persen": 2.12340)", 21234},    {R"("inflasi_persen": " 3.1 ")", 31000},
  };
  for (const Case& c : cases) {
    Laporan l;
    Problems p;
    const std::string text = Apply(Base::kExample, R"("inflasi_persen": 2.5)", c.text);
    ASSERT_TRUE(ReadJson(text, &l, &p)) << c.text << "\n" << p.Render(Lang::kId);
    EXPECT_TRUE(l.pearls.has_inflasi) << c.text;
    EXPECT_EQ(l.pearls.inflasi_pct.scale, 4) << c.text;
    EXPECT_EQ(l.pearls.inflasi_pct.units, c.units) << c.text;
  }
}

TEST(PearlsReader, SettingsAreOptional) {
  Laporan l;
  Problems p;
  ASSERT_TRUE(ReadJson(kSmall, &l, &p)) << p.Render(Lang::kId);
  EXPECT_TRUE(l.has_pearls);
  EXPECT_EQ(l.pearls.bulan, 9);
  EXPECT_FALSE(l.pearls.has_inflasi);
  EXPECT_FALSE(l.pearls.has_suku_bunga_pasar);
  // Without bulan the income statement is taken to cover the year.
  Laporan l2;
  ASSERT_TRUE(ReadJson(Apply(Base::kSmallLaporan, R"("bulan": 9, )", ""), &l2, &p)) << p.Render(Lang::kId);
  EXPECT_EQ(l2.pearls.bulan, 12);
  // A numeric string and a whole number written with decimals are months too.
  for (const char* bulan : {R"("bulan": "6")", R"("bulan": 6.0)", R"("bulan": 6)"}) {
    Laporan l3;
    ASSERT_TRUE(ReadJson(Apply(Base::kSmallLaporan, R"("bulan": 9)", bulan), &l3, &p)) << bulan << p.Render(Lang::kId);
    EXPECT_EQ(l3.pearls.bulan, 6) << bulan;
  }
}

TEST(PearlsReader, HasPearlsOnlyWhenTheBlockExists) {
  Problems p;
  Laporan with;
  ASSERT_TRUE(ReadJson(kSmall, &with, &p)) << p.Render(Lang::kId);
  EXPECT_TRUE(with.has_pearls);

  Laporan empty_block;
  ASSERT_TRUE(ReadJson(Apply(Base::kSmallLaporan, R"({"bulan": 9, "anggota": 120, "lalai_1_12_bulan": 300000})", "{}"),
                       &empty_block, &p))
      << p.Render(Lang::kId);
  EXPECT_TRUE(empty_block.has_pearls);  // the file had the block, even empty

  Laporan without;
  ASSERT_TRUE(ReadJson(Apply(Base::kSmallLaporan, R"("pearls": {"bulan": 9, "anggota": 120, "lalai_1_12_bulan": 300000},)", ""),
                       &without, &p))
      << p.Render(Lang::kId);
  EXPECT_FALSE(without.has_pearls);  // periode_lalu.pearls alone is last year's lines, not this year's block
  EXPECT_TRUE(Present(without.previous, "pearls.anggota"));
  EXPECT_EQ(without.pearls.bulan, 12);

  Laporan example;
  ASSERT_TRUE(ReadJson(testing::ReadSourceFile("examples/ksp-sejahtera-bersama-2025.json"),
                       &example, &p))
      << p.Render(Lang::kId);
  EXPECT_FALSE(example.has_pearls);
}

TEST(PearlsReader, ReaderReusedAfterAPearlsLaporanForgetsIt) {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  ASSERT_TRUE(reader.Read(kSmall, &l, &p)) << p.Render(Lang::kId);
  ASSERT_TRUE(l.has_pearls);
  const std::string plain = Apply(Base::kSmallLaporan, R"("pearls": {"bulan": 9, "anggota": 120, "lalai_1_12_bulan": 300000},)", "");
  ASSERT_TRUE(reader.Read(plain, &l, &p)) << p.Render(Lang::kId);
  EXPECT_FALSE(l.has_pearls);
  EXPECT_EQ(l.pearls.bulan, 12);
  EXPECT_FALSE(Present(l.current, "pearls.anggota"));
}

// A part equal to its whole is allowed: the checks are "not more than", not "less than".
TEST(PearlsReader, PartsEqualToTheirWholesAreAccepted) {
  std::string text = ExampleText();
  size_t count = 0;
  text = ReplaceOnce(text, R"("pemulihan_kumulatif": 120000000)", R"("pemulihan_kumulatif": 300000000)", &count);
  text = ReplaceOnce(text, R"("utang_tidak_berbiaya_30_hari": 40000000)", R"("utang_tidak_berbiaya_30_hari": 100000000)", &count);
  text = ReplaceOnce(text, R"("cadangan_likuiditas": 650000000)", R"("cadangan_likuiditas": 800000000)", &count);
  text = ReplaceOnce(text, R"("beban_penyisihan": 60000000)", R"("beban_penyisihan": 700000000)", &count);
  text = ReplaceOnce(text, R"("lalai_1_12_bulan": 220000000)", R"("lalai_1_12_bulan": 7360000000)", &count);
  Laporan l;
  Problems p;
  EXPECT_TRUE(ReadJson(text, &l, &p)) << p.Render(Lang::kId);  // investment income already equals pendapatan_lain
}

// ---------------------------------------------------------------------------------------------------------------
// Round trips

void ExpectSamePearls(const Laporan& a, const Laporan& b, const std::string& what) {
  EXPECT_EQ(a.has_pearls, b.has_pearls) << what;
  EXPECT_EQ(a.has_previous, b.has_previous) << what;
  EXPECT_EQ(a.pearls.bulan, b.pearls.bulan) << what;
  EXPECT_EQ(a.pearls.has_inflasi, b.pearls.has_inflasi) << what;
  if (a.pearls.has_inflasi && b.pearls.has_inflasi) {
    EXPECT_EQ(a.pearls.inflasi_pct.units, b.pearls.inflasi_pct.units) << what;
    EXPECT_EQ(a.pearls.inflasi_pct.scale, b.pearls.inflasi_pct.scale) << what;
  }
  EXPECT_EQ(a.pearls.has_suku_bunga_pasar, b.pearls.has_suku_bunga_pasar) << what;
  if (a.pearls.has_suku_bunga_pasar && b.pearls.has_suku_bunga_pasar) {
    EXPECT_EQ(a.pearls.suku_bunga_pasar_pct.units, b.pearls.suku_bunga_pasar_pct.units) << what;
    EXPECT_EQ(a.pearls.suku_bunga_pasar_pct.scale, b.pearls.suku_bunga_pasar_pct.scale) << what;
  }
  for (int i = 0; i < kLineCount; ++i) {
    EXPECT_EQ(a.current.sen[size_t(i)], b.current.sen[size_t(i)]) << what << " " << LinePath(i);
    EXPECT_EQ(a.current.present[size_t(i)], b.current.present[size_t(i)]) << what << " " << LinePath(i);
    if (a.has_previous) {
      EXPECT_EQ(a.previous.sen[size_t(i)], b.previous.sen[size_t(i)]) << what << " periode_lalu." << LinePath(i);
      EXPECT_EQ(a.previous.present[size_t(i)], b.previous.present[size_t(i)]) << what << " periode_lalu." << LinePath(i);
    }
  }
}

TEST(PearlsReaderRoundTrip, JsonKeepsEveryLineAndSetting) {
  Laporan first;
  Problems p;
  ASSERT_TRUE(ReadJson(ExampleText(), &first, &p)) << p.Render(Lang::kId);
  const std::string json = LaporanToJson(first);
  Laporan second;
  ASSERT_TRUE(ReadJson(json, &second, &p)) << p.Render(Lang::kId) << json;
  ExpectSamePearls(first, second, "example");
  EXPECT_EQ(LaporanToJson(second), json);  // and the writer is stable
}

TEST(PearlsReaderRoundTrip, JsonKeepsUnusualSettings) {
  const char* settings[] = {
      R"("bulan": 9, "inflasi_persen": -0.0025, "suku_bunga_pasar_persen": 5.1234)",
      R"("bulan": 1, "inflasi_persen": -1000, "suku_bunga_pasar_persen": 0)",
      R"("bulan": 12, "inflasi_persen": "0.0001")",
      R"("bulan": 6, "suku_bunga_pasar_persen": 1000)",
      R"("bulan": 3)",
  };
  for (const char* s : settings) {
    const std::string text = Apply(Base::kExample, R"("bulan": 12,
    "inflasi_persen": 2.5,
    "suku_bunga_pasar_persen": 5)", s);
    Laporan first;
    Problems p;
    ASSERT_TRUE(ReadJson(text, &first, &p)) << s << "\n" << p.Render(Lang::kId);
    const std::string json = LaporanToJson(first);
    Laporan second;
    ASSERT_TRUE(ReadJson(json, &second, &p)) << s << "\n" << p.Render(Lang::kId) << json;
    ExpectSamePearls(first, second, s);
  }
}

TEST(PearlsReaderRoundTrip, JsonKeepsAnEmptyPearlsBlock) {
  Laporan first;
  Problems p;
  ASSERT_TRUE(ReadJson(Apply(Base::kSmallLaporan, R"({"bulan": 9, "anggota": 120, "lalai_1_12_bulan": 300000})", "{}"),
                       &first, &p))
      << p.Render(Lang::kId);
  ASSERT_TRUE(first.has_pearls);
  Laporan second;
  ASSERT_TRUE(ReadJson(LaporanToJson(first), &second, &p)) << p.Render(Lang::kId);
  ExpectSamePearls(first, second, "empty block");
}

// `kopsehat convert --to csv` writes TemplateCsv with the laporan filled in; reading it back must give the same
// pearls block, settings included (a nine-month laporan read back as twelve months would annualise wrongly).
TEST(PearlsReaderRoundTrip, CsvTemplateKeepsPearlsSettings) {
  Laporan first;
  Problems p;
  const std::string text = Apply(Base::kExample, R"("bulan": 12,
    "inflasi_persen": 2.5,)", R"("bulan": 9,
    "inflasi_persen": -0.25,)");
  ASSERT_TRUE(ReadJson(text, &first, &p)) << p.Render(Lang::kId);
  TemplateOptions o;
  o.prefill = &first;
  const std::string csv = TemplateCsv(o);
  Laporan second;
  ASSERT_TRUE(ReadLaporanCsv(csv, &second, &p)) << p.Render(Lang::kId);
  ExpectSamePearls(first, second, "csv template");
}

// Likewise `kopsehat convert --to xlsx`.
TEST(PearlsReaderRoundTrip, XlsxTemplateKeepsPearlsSettings) {
  Laporan first;
  Problems p;
  const std::string text = Apply(Base::kExample, R"("bulan": 12,
    "inflasi_persen": 2.5,)", R"("bulan": 9,
    "inflasi_persen": -0.25,)");
  ASSERT_TRUE(ReadJson(text, &first, &p)) << p.Render(Lang::kId);
  const std::string path =
      (std::filesystem::temp_directory_path() / ("kopsehat_pearls_" + std::to_string(getpid()) + ".xlsx")).string();
  TemplateOptions o;
  o.prefill = &first;
  ASSERT_TRUE(WriteTemplateXlsx(path, o).ok());
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  Laporan second;
  ASSERT_TRUE(ReadLaporanXlsx(bytes, "uji.xlsx", &second, &p)) << p.Render(Lang::kId);
  ExpectSamePearls(first, second, "xlsx template");
}

// ---------------------------------------------------------------------------------------------------------------
// Spreadsheet number cells (XLSX): docs/formats.md says a number cell holds a binary double stored with up to 17
// significant digits (a typed 1234567.89 may be stored as 1234567.8899999999) and is rounded to 15 significant
// digits before its decimals are checked. The settings of the pearls block come from the same cells (the PEARLS
// sheet), so a typed 2.61 stored as 2.6099999999999999 is 2.61, as it would be for an amount.

struct Cell {
  const char* key;
  const char* stored;
};

bool BuildFromNumberCell(const Cell& cell, Laporan* l, Problems* p) {
  static const std::string sheet = "PEARLS";
  LaporanBuilder builder(l, p);
  builder.Set(cell.key, LaporanBuilder::Kind::kNumber, cell.stored, Place{&sheet, 5, 2});
  return p->empty();
}

TEST(PearlsReaderSpreadsheet, AmountCellsTolerateDoublePrecisionNoise) {
  // The rule as it stands for amounts, for comparison with the settings below.
  Laporan l;
  Problems p;
  ASSERT_TRUE(BuildFromNumberCell({"pearls.investasi_likuid", "2.6099999999999999"}, &l, &p)) << p.Render(Lang::kId);
  EXPECT_EQ(Line(l.current, "pearls.investasi_likuid"), 261);
}

TEST(PearlsReaderSpreadsheet, SettingCellsTolerateDoublePrecisionNoise) {
  const struct {
    Cell cell;
    i128 inflasi_units;  // at scale 4; ignored for bulan
    int bulan;
  } cases[] = {
      {{"pearls.inflasi_persen", "2.6099999999999999"}, 26100, 12},
      {{"pearls.inflasi_persen", "-0.29999999999999999"}, -3000, 12},
      {{"pearls.bulan", "9.0000000000000002"}, 0, 9},
  };
  for (const auto& c : cases) {
    Laporan l;
    Problems p;
    EXPECT_TRUE(BuildFromNumberCell(c.cell, &l, &p)) << c.cell.key << " = " << c.cell.stored << "\n" << p.Render(Lang::kId);
    EXPECT_EQ(l.pearls.bulan, c.bulan) << c.cell.stored;
    if (std::string(c.cell.key) == "pearls.inflasi_persen") {
      EXPECT_TRUE(l.pearls.has_inflasi) << c.cell.stored;
      EXPECT_EQ(l.pearls.inflasi_pct.units, c.inflasi_units) << c.cell.stored;
    }
  }
  {
    Laporan l;
    Problems p;
    ASSERT_TRUE(BuildFromNumberCell({"pearls.suku_bunga_pasar_persen", "5.5499999999999998"}, &l, &p))
        << p.Render(Lang::kId);
    EXPECT_EQ(l.pearls.suku_bunga_pasar_pct.units, 55500);
  }
  // A real fifth decimal is still refused: 2.6083333333333334 is 2.60833333333333 at 15 digits.
  Laporan l;
  Problems p;
  EXPECT_FALSE(BuildFromNumberCell({"pearls.inflasi_persen", "2.6083333333333334"}, &l, &p));
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.items()[0].code, "desimal_berlebih");
  EXPECT_EQ(p.items()[0].path, "PEARLS!B5 (pearls.inflasi_persen)");
}

// ---------------------------------------------------------------------------------------------------------------
// CSV key;value

// A small valid CSV laporan; extra rows start at line 8.
std::string Csv(const std::string& extra) {
  return "kunci;nilai\nkoperasi.nama;Kopdit Mini\nperiode.akhir;30/09/2025\nneraca.kas;5.000.000\n"
         "neraca.simpanan_pokok;2.000.000\nneraca.simpanan_wajib;3.000.000\nhasil_usaha.partisipasi_bruto;500000\n" +
         extra;
}

TEST(PearlsReaderCsv, ReadsSettingsAndLines) {
  Laporan l;
  Problems p;
  ASSERT_TRUE(ReadLaporanCsv(Csv("pearls.bulan;9\npearls.inflasi_persen;2,5\npearls.suku_bunga_pasar_persen;5,1234\n"
                                 "pearls.anggota;1200\npearls.investasi_likuid;1.000.000,50\n"
                                 "periode_lalu.pearls.anggota;1100\n"),
                             &l, &p))
      << p.Render(Lang::kId);
  EXPECT_TRUE(l.has_pearls);
  EXPECT_EQ(l.pearls.bulan, 9);
  ASSERT_TRUE(l.pearls.has_inflasi);
  EXPECT_EQ(l.pearls.inflasi_pct.units, 25000);
  EXPECT_EQ(l.pearls.inflasi_pct.scale, 4);
  ASSERT_TRUE(l.pearls.has_suku_bunga_pasar);
  EXPECT_EQ(l.pearls.suku_bunga_pasar_pct.units, 51234);
  EXPECT_EQ(Line(l.current, "pearls.anggota"), 120000);
  EXPECT_EQ(Line(l.current, "pearls.investasi_likuid"), 100000050);
  EXPECT_TRUE(l.has_previous);
  EXPECT_EQ(Line(l.previous, "pearls.anggota"), 110000);
}

TEST(PearlsReaderCsv, NegativeInflationWithDecimalComma) {
  Laporan l;
  Problems p;
  ASSERT_TRUE(ReadLaporanCsv(Csv("pearls.inflasi_persen;-1,25\n"), &l, &p)) << p.Render(Lang::kId);
  EXPECT_TRUE(l.has_pearls);  // a setting alone is the block
  EXPECT_EQ(l.pearls.inflasi_pct.units, -12500);
}

TEST(PearlsReaderCsv, WithoutPearlsRowsThereIsNoBlock) {
  Laporan l;
  Problems p;
  ASSERT_TRUE(ReadLaporanCsv(Csv("periode_lalu.pearls.anggota;100\n"), &l, &p)) << p.Render(Lang::kId);
  EXPECT_FALSE(l.has_pearls);
}

TEST(PearlsReaderCsv, RefusesWithTheRightLine) {
  struct Case {
    const char* name;
    std::string text;
    const char* path;
    const char* code;
  } cases[] = {
      {"Bulan13", Csv("pearls.bulan;13\n"), "baris 8 (pearls.bulan)", "di_luar_rentang"},
      {"Bulan13AfterOtherRows", Csv("pearls.anggota;10\npearls.bulan;13\n"), "baris 9 (pearls.bulan)",
       "di_luar_rentang"},
      {"BulanWords", Csv("pearls.bulan;sembilan\n"), "baris 8 (pearls.bulan)", "bukan_angka"},
      {"BulanTwice", Csv("pearls.bulan;9\npearls.bulan;10\n"), "baris 9 (pearls.bulan)", "kunci_ganda"},
      {"InflasiFiveDecimals", Csv("pearls.inflasi_persen;2,12345\n"), "baris 8 (pearls.inflasi_persen)",
       "desimal_berlebih"},
      {"SukuBungaNegative", Csv("pearls.suku_bunga_pasar_persen;-1\n"), "baris 8 (pearls.suku_bunga_pasar_persen)",
       "negatif"},
      {"PreviousBulan", Csv("periode_lalu.pearls.bulan;12\n"), "baris 8 (periode_lalu.pearls.bulan)",
       "kunci_tidak_dikenal"},
      {"UnknownPearlsKey", Csv("pearls.anggotaa;10\n"), "baris 8 (pearls.anggotaa)", "kunci_tidak_dikenal"},
      {"AnggotaFraction", Csv("pearls.anggota;10,5\n"), "baris 8 (pearls.anggota)", "bukan_bilangan_bulat"},
      {"PemulihanOverHapusBuku", Csv("pearls.hapus_buku_kumulatif;100\npearls.pemulihan_kumulatif;101\n"),
       "pearls.pemulihan_kumulatif", "melebihi_induk"},
  };
  for (const Case& c : cases) {
    Laporan l;
    Problems p;
    EXPECT_FALSE(ReadLaporanCsv(c.text, &l, &p)) << c.name;
    bool found = false;
    for (const Problem& q : p.items()) found = found || (q.path.find(c.path) != std::string::npos && q.code == c.code);
    EXPECT_TRUE(found) << c.name << ": want " << c.path << " " << c.code << "\n" << p.Render(Lang::kId);
  }
}

}  // namespace
}  // namespace kopsehat
