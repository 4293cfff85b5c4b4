// Tests of the laporan-v1 JSON reader (../shared/spec/laporan-v1.md §1): a table of malformed inputs, each breaking
// one thing in a valid laporan, with the problem path and code expected; exact amounts; defaults; and the
// checklist checks that only kopsehat::Evaluate can make.
#include "core/test_files.h"
#include "interchange/json_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "report/explain.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

const std::string& ExampleText() {
  static const std::string text = testing::ReadSourceFile("examples/ksp-sejahtera-bersama-2025.json");
  return text;
}

// A small valid laporan; its line numbers matter for the "baris L, kolom C" rows below.
// Assets 1.000.000 + 4.000.000 = 5.000.000 = simpanan pokok 2.000.000 + simpanan wajib 3.000.000.
constexpr const char* kCompactLaporan = R"({
  "format": "kopsehat/laporan-v1",
  "koperasi": {"nama": "KSP Mini", "jenis": "KSP"},
  "periode": {"akhir": "2024-12-31"},
  "neraca": {"kas": 1000000, "pinjaman_anggota": 4000000, "simpanan_pokok": 2000000, "simpanan_wajib": 3000000},
  "hasil_usaha": {"partisipasi_bruto": 500000, "beban_usaha": 200000},
  "pinjaman": {"kurang_lancar": 0},
  "manajemen": {"umum": [true, true, true, true, true, true, true, true, true, true, true, true],
                "kelembagaan": [true, true, true, true, true, true],
                "permodalan": [true, true, true, true, true],
                "aktiva": [true, true, true, true, true, true, true, true, true, true],
                "likuiditas": [true, true, true, true, true]}
}
)";

enum class Base { kExample, kCompact, kRaw };

struct Row {
  const char* name;
  Base base;
  std::string from;  // replaced once in the base text (kRaw: ignored)
  std::string to;    // the replacement (kRaw: the whole input)
  const char* path;  // expected problem path; nullptr when the input must be accepted
  const char* code;
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

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      // ---- unknown keys, at every level, with the nearest known key suggested
      {"UnknownRootKey", Base::kCompact, R"("format":)", R"("formatt":)", "formatt", "kunci_tidak_dikenal",
       "maksudnya 'format'"},
      {"UnknownKoperasiKey", Base::kCompact, R"("jenis":)", R"("jnis":)", "koperasi.jnis", "kunci_tidak_dikenal",
       "maksudnya 'jenis'"},
      {"UnknownPeriodeKey", Base::kCompact, R"("periode": {"akhir": "2024-12-31"})",
       R"("periode": {"akhir": "2024-12-31", "akhirr": "2024-12-31"})", "periode.akhirr", "kunci_tidak_dikenal",
       "maksudnya 'akhir'"},
      {"UnknownNeracaKey", Base::kCompact, R"("kas":)", R"("kass":)", "neraca.kass", "kunci_tidak_dikenal",
       "maksudnya 'kas'"},
      {"UnknownNeracaKeyInExample", Base::kExample, R"("kas": 42350000)", R"("kass": 42350000)", "neraca.kass",
       "kunci_tidak_dikenal", "maksudnya 'kas'"},
      {"UnknownHasilUsahaKey", Base::kCompact, R"("beban_usaha":)", R"("beban_usha":)", "hasil_usaha.beban_usha",
       "kunci_tidak_dikenal", "maksudnya 'beban_usaha'"},
      {"UnknownPinjamanKey", Base::kCompact, R"("kurang_lancar":)", R"("macett":)", "pinjaman.macett",
       "kunci_tidak_dikenal", "maksudnya 'macet'"},
      {"UnknownPreviousKey", Base::kCompact, R"("pinjaman": {"kurang_lancar": 0},)",
       R"("pinjaman": {"kurang_lancar": 0}, "periode_lalu": {"neracaa": {}},)", "periode_lalu.neracaa",
       "kunci_tidak_dikenal", "maksudnya 'neraca'"},
      {"UnknownPreviousNeracaKey", Base::kCompact, R"("pinjaman": {"kurang_lancar": 0},)",
       R"("pinjaman": {"kurang_lancar": 0}, "periode_lalu": {"neraca": {"kass": 5}},)", "periode_lalu.neraca.kass",
       "kunci_tidak_dikenal", "maksudnya 'kas'"},
      {"UnknownKeyFarFromAll", Base::kCompact, R"("format":)", R"("zzzzzzzzzzzz": 1, "format":)", "zzzzzzzzzzzz",
       "kunci_tidak_dikenal", "kunci tidak dikenal"},
      // ---- duplicate keys
      {"DuplicateRootKey", Base::kCompact, R"("format": "kopsehat/laporan-v1",)",
       R"("format": "kopsehat/laporan-v1", "format": "kopsehat/laporan-v1",)", "format", "kunci_ganda"},
      {"DuplicateNeracaKey", Base::kCompact, R"("kas": 1000000,)", R"("kas": 1000000, "kas": 1000000,)",
       "neraca.kas", "kunci_ganda"},
      {"DuplicateHasilUsahaKey", Base::kCompact, R"("beban_usaha": 200000)",
       R"("beban_usaha": 200000, "beban_usaha": 1)", "hasil_usaha.beban_usaha", "kunci_ganda"},
      // Regressions: duplicates inside koperasi and periode used to pass silently, the last value winning.
      {"DuplicateKoperasiKey", Base::kCompact, R"("nama": "KSP Mini")", R"("nama": "KSP Mini", "nama": "KSP Lain")",
       "koperasi.nama", "kunci_ganda"},
      {"DuplicatePeriodeKey", Base::kCompact, R"("akhir": "2024-12-31")",
       R"("akhir": "2024-12-31", "akhir": "2023-12-31")", "periode.akhir", "kunci_ganda"},
      {"DuplicateChecklistKey", Base::kCompact, R"("likuiditas": [true, true, true, true, true]})",
       R"("likuiditas": [true, true, true, true, true], "likuiditas": [true, true, true, true, true]})",
       "manajemen.likuiditas", "kunci_ganda"},
      // ---- required lines and blocks
      {"MissingSimpananPokok", Base::kExample, R"("simpanan_pokok": 61500000,)", "", "neraca.simpanan_pokok",
       "wajib_ada"},
      {"MissingSimpananWajib", Base::kExample, R"("simpanan_wajib": 348900000,)", "", "neraca.simpanan_wajib",
       "wajib_ada"},
      {"MissingPartisipasiBruto", Base::kExample, R"("partisipasi_bruto": 402600000,)", "",
       "hasil_usaha.partisipasi_bruto", "wajib_ada"},
      {"MissingNama", Base::kCompact, R"("nama": "KSP Mini", )", "", "koperasi.nama", "wajib_ada"},
      {"EmptyNama", Base::kCompact, R"("nama": "KSP Mini")", R"("nama": "")", "koperasi.nama", "wajib_ada"},
      {"MissingPeriodeAkhir", Base::kCompact, R"({"akhir": "2024-12-31"})", "{}", "periode.akhir", "wajib_ada"},
      {"MissingKoperasiBlock", Base::kCompact, R"("koperasi": {"nama": "KSP Mini", "jenis": "KSP"},)", "",
       "koperasi", "wajib_ada"},
      {"MissingPeriodeBlock", Base::kCompact, R"("periode": {"akhir": "2024-12-31"},)", "", "periode", "wajib_ada"},
      // ---- signs
      {"NegativeKas", Base::kCompact, R"("kas": 1000000)", R"("kas": -1000000)", "neraca.kas", "negatif"},
      {"NegativeStringAmount", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": "-200000.50")",
       "hasil_usaha.beban_usaha", "negatif"},
      {"NegativeMacet", Base::kCompact, R"("kurang_lancar": 0)", R"("macet": -1)", "pinjaman.macet", "negatif"},
      {"NegativeShuBelumDibagiAccepted", Base::kCompact, R"("simpanan_wajib": 3000000)",
       R"("simpanan_wajib": 3500000, "shu_belum_dibagi": -500000)", nullptr, nullptr},
      {"NegativeShuBelumDibagiStringAccepted", Base::kCompact, R"("simpanan_wajib": 3000000)",
       R"("simpanan_wajib": "3000000.25", "shu_belum_dibagi": "-0.25")", nullptr, nullptr},
      // ---- number forms
      {"ThreeDecimalsString", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": "12.345")",
       "hasil_usaha.beban_usaha", "desimal_berlebih", "12.345"},
      {"ThreeDecimalsNumber", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": 12.345)",
       "hasil_usaha.beban_usaha", "desimal_berlebih", "12.345"},
      {"TrailingZeroDecimalsAccepted", Base::kCompact, R"("kas": 1000000)", R"("kas": "1000000.000")", nullptr,
       nullptr},
      {"ExponentNumber", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": 1e5)",
       "hasil_usaha.beban_usaha", "bukan_angka", "eksponen"},
      {"ExponentString", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": "2E5")",
       "hasil_usaha.beban_usaha", "bukan_angka"},
      {"OverTenToTheFifteen", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": 1000000000000000.01)",
       "hasil_usaha.beban_usaha", "terlalu_besar", "10^15"},
      {"HugeString", Base::kCompact, R"("beban_usaha": 200000)",
       R"("beban_usaha": "99999999999999999999999999999999")", "hasil_usaha.beban_usaha", "terlalu_besar"},
      {"HugeNegativeShu", Base::kCompact, R"("simpanan_wajib": 3000000)",
       R"("simpanan_wajib": 3000000, "shu_belum_dibagi": -1000000000000001)", "neraca.shu_belum_dibagi",
       "terlalu_besar"},
      {"WordsNotANumber", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": "dua ratus ribu")",
       "hasil_usaha.beban_usaha", "bukan_angka", "dua ratus ribu"},
      {"IndonesianGroupingNotANumber", Base::kCompact, R"("beban_usaha": 200000)",
       R"("beban_usaha": "200.000,00")", "hasil_usaha.beban_usaha", "bukan_angka"},
      {"RupiahPrefixNotANumber", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": "Rp 200000")",
       "hasil_usaha.beban_usaha", "bukan_angka"},
      {"EmptyStringNotANumber", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": "")",
       "hasil_usaha.beban_usaha", "bukan_angka"},
      // ---- wrong types
      {"ObjectAsAmount", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": {"jumlah": 200000})",
       "hasil_usaha.beban_usaha", "tipe_salah", "objek"},
      {"BoolAsAmount", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": true)",
       "hasil_usaha.beban_usaha", "tipe_salah"},
      {"NullAsAmount", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": null)",
       "hasil_usaha.beban_usaha", "tipe_salah"},
      {"ArrayAsAmount", Base::kCompact, R"("beban_usaha": 200000)", R"("beban_usaha": [200000])",
       "hasil_usaha.beban_usaha", "tipe_salah"},
      {"StringAsKoperasi", Base::kCompact, R"({"nama": "KSP Mini", "jenis": "KSP"})", R"("KSP Mini")", "koperasi",
       "tipe_salah", "objek"},
      {"StringAsNeraca", Base::kCompact,
       R"({"kas": 1000000, "pinjaman_anggota": 4000000, "simpanan_pokok": 2000000, "simpanan_wajib": 3000000})",
       R"("lihat lampiran")", "neraca", "tipe_salah"},
      {"StringAsPeriode", Base::kCompact, R"({"akhir": "2024-12-31"})", R"("2024-12-31")", "periode",
       "tipe_salah"},
      {"UnknownKeyNearManajemen", Base::kCompact, R"("manajemen": {"umum":)", R"("manajemen_x": {"umum":)",
       "manajemen_x", "kunci_tidak_dikenal", "maksudnya 'manajemen'"},
      {"ArrayAsManajemen", Base::kRaw, "",
       R"({"koperasi": {"nama": "X"}, "periode": {"akhir": "2024-12-31"}, "manajemen": [true]})", "manajemen",
       "tipe_salah"},
      {"NumberAsPeriodeLalu", Base::kCompact, R"("pinjaman": {"kurang_lancar": 0},)",
       R"("pinjaman": {"kurang_lancar": 0}, "periode_lalu": 2023,)", "periode_lalu", "tipe_salah"},
      {"NumberAsNama", Base::kCompact, R"("nama": "KSP Mini")", R"("nama": 17)", "koperasi.nama", "tipe_salah"},
      {"NumberInChecklist", Base::kCompact, R"("permodalan": [true, true, true, true, true])",
       R"("permodalan": [true, 1, true, true, true])", "manajemen.permodalan[2]", "tipe_salah"},
      {"StringInChecklist", Base::kCompact, R"("permodalan": [true, true, true, true, true])",
       R"("permodalan": [true, true, true, true, "ya"])", "manajemen.permodalan[5]", "tipe_salah"},
      {"ObjectAsChecklist", Base::kCompact, R"("permodalan": [true, true, true, true, true])",
       R"("permodalan": {"1": true})", "manajemen.permodalan", "tipe_salah"},
      {"TooLongName", Base::kCompact, R"("nama": "KSP Mini")", "\"nama\": \"" + std::string(301, 'a') + "\"",
       "koperasi.nama", "terlalu_panjang"},
      // ---- values
      {"InvalidDate", Base::kCompact, R"("akhir": "2024-12-31")", R"("akhir": "2021-02-30")", "periode.akhir",
       "tanggal_tidak_sah"},
      {"DayMonthYearDate", Base::kCompact, R"("akhir": "2024-12-31")", R"("akhir": "31-12-2024")", "periode.akhir",
       "tanggal_tidak_sah"},
      {"NonLeapFebruary29", Base::kCompact, R"("akhir": "2024-12-31")", R"("akhir": "2023-02-29")",
       "periode.akhir", "tanggal_tidak_sah"},
      {"LeapFebruary29Accepted", Base::kCompact, R"("akhir": "2024-12-31")", R"("akhir": "2024-02-29")", nullptr,
       nullptr},
      {"UnknownJenis", Base::kCompact, R"("jenis": "KSP")", R"("jenis": "Koperasi Konsumen")", "koperasi.jenis",
       "nilai_tidak_sah", "KSP, USP, KSPPS, USPPS"},
      {"LowercaseJenis", Base::kCompact, R"("jenis": "KSP")", R"("jenis": "ksp")", "koperasi.jenis",
       "nilai_tidak_sah"},
      {"UnknownFormat", Base::kCompact, R"("format": "kopsehat/laporan-v1")", R"("format": "kopsehat/laporan-v2")",
       "format", "format_tidak_dikenal", "kopsehat/laporan-v2"},
      // ---- consistency of the whole document
      {"Unbalanced", Base::kCompact, R"("kas": 1000000)", R"("kas": "1000000.50")", "neraca",
       "neraca_tidak_seimbang", "total aset Rp 5.000.000,50, kewajiban + ekuitas Rp 5.000.000, selisih Rp 0,50"},
      {"UnbalancedExample", Base::kExample, R"("kas": 42350000)", R"("kas": 42350001)", "neraca",
       "neraca_tidak_seimbang",
       "total aset Rp 2.313.250.001,50, kewajiban + ekuitas Rp 2.313.250.000,50, selisih Rp 1"},
      {"ProblemLoansExceedLoans", Base::kCompact, R"("kurang_lancar": 0)",
       R"("kurang_lancar": 3000000, "diragukan": 1000000, "macet": 1)", "pinjaman", "melebihi_pinjaman"},
      {"ProblemLoansEqualLoansAccepted", Base::kCompact, R"("kurang_lancar": 0)",
       R"("kurang_lancar": 3000000, "diragukan": 500000, "macet": 500000)", nullptr, nullptr},
      {"BerisikoExceedsLoans", Base::kCompact, R"("kurang_lancar": 0)", R"("berisiko": 4000001)",
       "pinjaman.berisiko", "melebihi_pinjaman"},
      {"VolumeAnggotaExceedsDefaultTotal", Base::kCompact, R"("kurang_lancar": 0)", R"("volume_anggota": 4000001)",
       "pinjaman.volume_anggota", "melebihi_volume"},
      {"VolumeAnggotaExceedsTotal", Base::kCompact, R"("kurang_lancar": 0)",
       R"("volume_anggota": 9000000, "volume_total": 8000000)", "pinjaman.volume_anggota", "melebihi_volume"},
      {"BiayaKaryawanExceedsBebanUsaha", Base::kCompact, R"("beban_usaha": 200000)",
       R"("beban_usaha": 200000, "biaya_karyawan": "200000.01")", "hasil_usaha.biaya_karyawan",
       "melebihi_beban_usaha"},
      // ---- malformed JSON: one problem, no path, the position in the Indonesian text
      {"TruncatedInString", Base::kRaw, "", R"({
  "format": "kopsehat/laporan-v1",
  "koperasi": {"nama": "KSP Mini", "jenis": "KSP"},
  "periode": {"akh)",
       "", "json_tidak_sah", "baris 4, kolom 19"},
      {"TruncatedAfterValue", Base::kCompact, "\n}\n", "", "", "json_tidak_sah", "baris 12, kolom 62"},
      {"TrailingCommaInObject", Base::kCompact, R"("simpanan_wajib": 3000000})", R"("simpanan_wajib": 3000000,})",
       "", "json_tidak_sah", "baris 5, kolom 112"},
      {"TrailingCommaInArray", Base::kCompact, R"("permodalan": [true, true, true, true, true])",
       R"("permodalan": [true, true, true, true, true,])", "", "json_tidak_sah", "baris 10, kolom 61"},
      {"TrailingGarbage", Base::kCompact, "\n}\n", "\n}\n  xyz\n", "", "json_tidak_sah", "baris 14, kolom 3"},
      {"SecondObject", Base::kCompact, "\n}\n", "\n} {}\n", "", "json_tidak_sah", "baris 13, kolom 3"},
      {"SingleQuotes", Base::kCompact, R"("kas": 1000000)", R"('kas': 1000000)", "", "json_tidak_sah",
       "baris 5, kolom 14"},
      {"InvalidUtf8", Base::kCompact, R"("nama": "KSP Mini")", "\"nama\": \"KSP \xC3\x89\xC3\xA9\xFF\"", "",
       "json_tidak_sah", "baris 3, kolom 31"},
      {"EmptyInput", Base::kRaw, "", "", "", "json_tidak_sah", "baris 1, kolom 1"},
      {"WhitespaceOnly", Base::kRaw, "", "\n\n  ", "", "json_tidak_sah", "baris 3, kolom 3"},
      {"UnquotedKey", Base::kCompact, R"("periode": {"akhir")", R"("periode": {akhir)", "", "json_tidak_sah",
       "baris 4, kolom 15"},
      // A bare number or array is valid JSON but not a laporan. (The reader reports it as json_tidak_sah with a
      // misleading "Unexpected trailing content" detail; only the code and position are checked here.)
      // Valid JSON that is not an object: said as such, not as a syntax error.
      {"BareNumber", Base::kRaw, "", "42", "", "tipe_salah", "bukan angka"},
      {"BareArray", Base::kRaw, "", "[1, 2]", "", "tipe_salah", "bukan daftar"},
  };
  return rows;
}

class JsonReaderTable : public ::testing::TestWithParam<Row> {};

TEST_P(JsonReaderTable, ReportsTheBrokenThing) {
  const Row& row = GetParam();
  std::string input;
  if (row.base == Base::kRaw) {
    input = row.to;
  } else {
    size_t count = 0;
    input = ReplaceOnce(row.base == Base::kExample ? ExampleText() : std::string(kCompactLaporan), row.from, row.to, &count);
    ASSERT_EQ(count, 1u) << "the table row's 'from' text must occur exactly once: " << row.from;
  }
  LaporanJsonReader reader;
  Laporan laporan;
  Problems problems;
  const bool ok = reader.Read(input, &laporan, &problems);
  if (row.path == nullptr) {
    EXPECT_TRUE(ok) << problems.Render(Lang::kId);
    EXPECT_TRUE(problems.empty());
    return;
  }
  EXPECT_FALSE(ok);
  ASSERT_FALSE(problems.empty());
  bool found = false;
  for (const Problem& p : problems.items()) {
    EXPECT_FALSE(p.pesan.empty()) << p.path << " " << p.code;
    EXPECT_FALSE(p.message.empty()) << p.path << " " << p.code;
    EXPECT_FALSE(p.code.empty()) << p.path;
    if (p.path == row.path && p.code == row.code) {
      found = true;
      EXPECT_NE(p.pesan.find(row.pesan_contains), std::string::npos)
          << "pesan: " << p.pesan << "\nexpected to contain: " << row.pesan_contains;
      if (!p.path.empty()) {
        EXPECT_EQ(p.Line(Lang::kId), p.path + ": " + p.pesan);
      }
    }
  }
  EXPECT_TRUE(found) << "expected " << row.path << " " << row.code << "; got:\n" << problems.Render(Lang::kId);
  if (std::string(row.code) == "json_tidak_sah") {
    EXPECT_EQ(problems.size(), 1u) << "a syntax error is reported alone:\n" << problems.Render(Lang::kId);
    EXPECT_NE(problems.items()[0].message.find("invalid JSON at line "), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(JsonReader, JsonReaderTable, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& param_info) { return std::string(param_info.param.name); });

TEST(JsonReaderTableSize, HasAtLeastFortyMalformedRows) {
  size_t malformed = 0;
  for (const Row& r : Rows()) malformed += r.path != nullptr ? 1 : 0;
  EXPECT_GE(malformed, 40u);
}

TEST(JsonReader, ExampleAndCompactAreValid) {
  for (const std::string& text : {ExampleText(), std::string(kCompactLaporan)}) {
    LaporanJsonReader reader;
    Laporan laporan;
    Problems problems;
    EXPECT_TRUE(reader.Read(text, &laporan, &problems)) << problems.Render(Lang::kId);
  }
}

TEST(JsonReader, ReadsTheExampleFields) {
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  ASSERT_TRUE(reader.Read(ExampleText(), &l, &problems)) << problems.Render(Lang::kId);
  EXPECT_EQ(l.metode, "");  // no method named: the period's method applies
  EXPECT_EQ(l.cooperative.nama, "KSP Sejahtera Bersama");
  EXPECT_EQ(l.cooperative.jenis, "KSP");
  EXPECT_EQ(l.cooperative.kabupaten, "Probolinggo");
  EXPECT_EQ(l.periode_akhir, "2025-12-31");
  EXPECT_EQ(l.current.Get(FindLine("neraca.bank")), Sen{11860000050});
  EXPECT_EQ(l.current.Get(FindLine("neraca.shu_belum_dibagi")), Sen{9243000050});
  EXPECT_TRUE(l.has_previous);
  EXPECT_EQ(l.previous.Get(FindLine("hasil_usaha.partisipasi_bruto")), Sen{37120000000});
  EXPECT_TRUE(l.has_manajemen);
  ASSERT_NE(l.FindChecklist("umum"), nullptr);
  EXPECT_EQ(l.FindChecklist("umum")->answers.size(), 12u);
  EXPECT_FALSE(l.FindChecklist("umum")->answers[4]);
}

TEST(JsonReader, AmountsAreReadExactly) {
  // 120500000.50 + 1250000.50 = 121750001.00, so the sheet balances only if both are read to the sen.
  const std::string text = R"({"koperasi": {"nama": "KSP Tepat"}, "periode": {"akhir": "2024-12-31"},
    "neraca": {"kas": "120500000.50", "bank": 1250000.5, "simpanan_pokok": "121750001.00", "simpanan_wajib": 0,
               "aset_lain": 0.1, "hibah": "0.10"},
    "hasil_usaha": {"partisipasi_bruto": 900719925474099.37}})";
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  ASSERT_TRUE(reader.Read(text, &l, &problems)) << problems.Render(Lang::kId);
  EXPECT_EQ(l.current.Get(FindLine("neraca.kas")), Sen{12050000050});
  EXPECT_EQ(l.current.Get(FindLine("neraca.bank")), Sen{125000050});
  EXPECT_EQ(l.current.Get(FindLine("neraca.aset_lain")), Sen{10});
  EXPECT_EQ(l.current.Get(FindLine("neraca.hibah")), Sen{10});
  // More than 2^53 sen: a double would lose the last digits.
  EXPECT_EQ(l.current.Get(FindLine("hasil_usaha.partisipasi_bruto")), Sen{90071992547409937});
  EXPECT_TRUE(l.current.present[size_t(FindLine("neraca.kas"))]);
  EXPECT_FALSE(l.current.present[size_t(FindLine("neraca.surat_berharga"))]);
  EXPECT_EQ(l.current.Get(FindLine("neraca.surat_berharga")), Sen{0});
}

TEST(JsonReader, LoanVolumeDefaults) {
  {
    size_t count = 0;
    const std::string text = ReplaceOnce(kCompactLaporan, R"("pinjaman_anggota": 4000000)",
                                         R"("pinjaman_anggota": 3000000, "pinjaman_non_anggota": 1000000)", &count);
    ASSERT_EQ(count, 1u);
    LaporanJsonReader reader;
    Laporan l;
    Problems problems;
    ASSERT_TRUE(reader.Read(text, &l, &problems)) << problems.Render(Lang::kId);
    EXPECT_EQ(l.current.Get(FindLine("pinjaman.volume_anggota")), Sen{300000000});
    EXPECT_EQ(l.current.Get(FindLine("pinjaman.volume_total")), Sen{400000000});
  }
  {
    size_t count = 0;
    const std::string text = ReplaceOnce(kCompactLaporan, R"("kurang_lancar": 0)",
                                         R"("volume_anggota": 7000000, "volume_total": 9000000)", &count);
    ASSERT_EQ(count, 1u);
    LaporanJsonReader reader;
    Laporan l;
    Problems problems;
    ASSERT_TRUE(reader.Read(text, &l, &problems)) << problems.Render(Lang::kId);
    EXPECT_EQ(l.current.Get(FindLine("pinjaman.volume_anggota")), Sen{700000000});
    EXPECT_EQ(l.current.Get(FindLine("pinjaman.volume_total")), Sen{900000000});
  }
}

TEST(JsonReader, ReportsEveryProblemAtOnce) {
  const std::string text = R"({"format": "kopsehat/laporan-v1",
    "koperasi": {"nama": "KSP Banyak Salah", "jenis": "KOPERASI"},
    "periode": {"akhir": "2021-02-30"},
    "neraca": {"kass": 1000, "bank": -5, "pinjaman_anggota": "12.345", "simpanan_pokok": 1e5},
    "hasil_usaha": {"beban_usaha": 10, "biaya_karyawan": 20},
    "pinjaman": {"berisiko": {}}})";
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  ASSERT_FALSE(reader.Read(text, &l, &problems));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"koperasi.jenis", "nilai_tidak_sah"},
      {"periode.akhir", "tanggal_tidak_sah"},
      {"neraca.kass", "kunci_tidak_dikenal"},
      {"neraca.bank", "negatif"},
      {"neraca.pinjaman_anggota", "desimal_berlebih"},
      {"neraca.simpanan_pokok", "bukan_angka"},
      {"pinjaman.berisiko", "tipe_salah"},
      {"neraca.simpanan_wajib", "wajib_ada"},
      {"hasil_usaha.partisipasi_bruto", "wajib_ada"},
      {"hasil_usaha.biaya_karyawan", "melebihi_beban_usaha"},
  };
  // A refused value on a required line is not also reported as missing (one message per mistake).
  for (const Problem& p : problems.items()) {
    EXPECT_FALSE(p.path == "neraca.simpanan_pokok" && p.code == "wajib_ada") << problems.Render(Lang::kId);
  }
  for (const auto& [path, code] : expected) {
    bool found = false;
    for (const Problem& p : problems.items()) found = found || (p.path == path && p.code == code);
    EXPECT_TRUE(found) << path << " " << code << " missing from:\n" << problems.Render(Lang::kId);
  }
  for (const Problem& p : problems.items()) {
    EXPECT_FALSE(p.message.empty()) << p.path;
    EXPECT_FALSE(p.pesan.empty()) << p.path;
  }
  // The English rendering names the same paths.
  const std::string en = problems.Render(Lang::kEn);
  EXPECT_NE(en.find("neraca.kass: unknown key (did you mean 'kas'?)"), std::string::npos) << en;
  EXPECT_NE(en.find("neraca.bank: must not be negative"), std::string::npos) << en;
}

TEST(JsonReader, UnbalancedMessageInEnglish) {
  size_t count = 0;
  const std::string text = ReplaceOnce(kCompactLaporan, R"("kas": 1000000)", R"("kas": 999000)", &count);
  ASSERT_EQ(count, 1u);
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  ASSERT_FALSE(reader.Read(text, &l, &problems));
  ASSERT_EQ(problems.size(), 1u) << problems.Render(Lang::kId);
  const Problem& p = problems.items()[0];
  EXPECT_EQ(p.code, "neraca_tidak_seimbang");
  EXPECT_NE(p.pesan.find("Rp 4.999.000"), std::string::npos) << p.pesan;
  EXPECT_NE(p.pesan.find("Rp 5.000.000"), std::string::npos) << p.pesan;
  EXPECT_NE(p.pesan.find("selisih -Rp 1.000"), std::string::npos) << p.pesan;
  EXPECT_NE(p.message.find("4999000"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("5000000"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("difference"), std::string::npos) << p.message;
}

TEST(JsonReader, FileOverOneMebibyteIsRefused) {
  std::string text = ExampleText();
  text.append(kMaxLaporanBytes + 1 - text.size(), ' ');
  ASSERT_EQ(text.size(), kMaxLaporanBytes + 1);
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  EXPECT_FALSE(reader.Read(text, &l, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.items()[0].code, "terlalu_besar");
  EXPECT_NE(problems.items()[0].pesan.find("1 MiB"), std::string::npos);
  EXPECT_FALSE(problems.items()[0].message.empty());
}

TEST(JsonReader, FileOfExactlyOneMebibyteIsRead) {
  std::string text = ExampleText();
  text.append(kMaxLaporanBytes - text.size(), ' ');
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  EXPECT_TRUE(reader.Read(text, &l, &problems)) << problems.Render(Lang::kId);
}

TEST(JsonReader, ReaderIsReusableAfterErrors) {
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  EXPECT_FALSE(reader.Read("{\"kas\": ", &l, &problems));
  problems.Clear();
  EXPECT_TRUE(reader.Read(ExampleText(), &l, &problems)) << problems.Render(Lang::kId);
  problems.Clear();
  // Duplicates are tracked per document, not across documents.
  EXPECT_TRUE(reader.Read(ExampleText(), &l, &problems)) << problems.Render(Lang::kId);
}

TEST(JsonReader, IsIsoDate) {
  EXPECT_TRUE(IsIsoDate("2021-12-31"));
  EXPECT_TRUE(IsIsoDate("2000-02-29"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));
  EXPECT_FALSE(IsIsoDate("2021-02-30"));
  EXPECT_FALSE(IsIsoDate("2021-13-01"));
  EXPECT_FALSE(IsIsoDate("2021-00-10"));
  EXPECT_FALSE(IsIsoDate("2021-1-01"));
  EXPECT_FALSE(IsIsoDate("2021/12/31"));
  EXPECT_FALSE(IsIsoDate(""));
}

// ---- checklist problems: found by Evaluate, which knows the method's checklists

const Rulebook& Ksp2016() {
  Problems problems;
  const Rulebook* rb = EmbeddedRulebookById("ksp-2016", &problems);
  EXPECT_NE(rb, nullptr) << problems.Render(Lang::kId);
  return *rb;
}

struct Evaluated {
  bool read_ok = false;
  bool ok = false;
  Problems problems;
  Assessment assessment;
};

void ReadAndEvaluate(const std::string& text, bool without_checklist, Evaluated* e) {
  LaporanJsonReader reader;
  Laporan l;
  e->read_ok = reader.Read(text, &l, &e->problems);
  if (!e->read_ok) return;
  EvaluateOptions options;
  options.without_checklist = without_checklist;
  e->ok = Evaluate(l, Ksp2016(), options, &e->assessment, &e->problems);
}

bool HasProblem(const Problems& problems, const std::string& path, const std::string& code) {
  for (const Problem& p : problems.items()) {
    if (p.path == path && p.code == code) return !p.message.empty() && !p.pesan.empty();
  }
  return false;
}

std::string WithoutManajemen(const std::string& example) {
  const size_t start = example.find("\"manajemen\"");
  const size_t end = example.find("\"periode_lalu\"");
  if (start == std::string::npos || end == std::string::npos) return {};
  return example.substr(0, start) + example.substr(end);
}

TEST(JsonReaderChecklist, ExampleScores) {
  Evaluated e;
  ReadAndEvaluate(ExampleText(), false, &e);
  ASSERT_TRUE(e.read_ok && e.ok) << e.problems.Render(Lang::kId);
  EXPECT_EQ(e.assessment.total_e6, 89'800'000);
  EXPECT_EQ(e.assessment.max_total_e6, 100'000'000);
  EXPECT_FALSE(e.assessment.manajemen_excluded);
}

TEST(JsonReaderChecklist, TooShort) {
  size_t count = 0;
  const std::string text = ReplaceOnce(kCompactLaporan, R"("likuiditas": [true, true, true, true, true])",
                                       R"("likuiditas": [true, true, true, true])", &count);
  ASSERT_EQ(count, 1u);
  Evaluated e;
  ReadAndEvaluate(text, false, &e);
  ASSERT_TRUE(e.read_ok) << e.problems.Render(Lang::kId);
  EXPECT_FALSE(e.ok);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen.likuiditas", "jumlah_jawaban_salah")) << e.problems.Render(Lang::kId);
  EXPECT_NE(e.problems.Render(Lang::kId).find("harus 5 jawaban, ada 4"), std::string::npos);
}

TEST(JsonReaderChecklist, TooLongAndEmpty) {
  size_t c1 = 0, c2 = 0;
  std::string text = ReplaceOnce(kCompactLaporan, R"("permodalan": [true, true, true, true, true])",
                                 R"("permodalan": [true, true, true, true, true, false])", &c1);
  text = ReplaceOnce(text, R"("kelembagaan": [true, true, true, true, true, true])", R"("kelembagaan": [])", &c2);
  ASSERT_EQ(c1 + c2, 2u);
  Evaluated e;
  ReadAndEvaluate(text, false, &e);
  ASSERT_TRUE(e.read_ok) << e.problems.Render(Lang::kId);
  EXPECT_FALSE(e.ok);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen.permodalan", "jumlah_jawaban_salah")) << e.problems.Render(Lang::kId);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen.kelembagaan", "jumlah_jawaban_salah")) << e.problems.Render(Lang::kId);
}

TEST(JsonReaderChecklist, MissingOneList) {
  size_t count = 0;
  const std::string text = ReplaceOnce(kCompactLaporan, R"(,
                "likuiditas": [true, true, true, true, true])",
                                       "", &count);
  ASSERT_EQ(count, 1u);
  Evaluated e;
  ReadAndEvaluate(text, false, &e);
  ASSERT_TRUE(e.read_ok) << e.problems.Render(Lang::kId);
  EXPECT_FALSE(e.ok);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen.likuiditas", "wajib_ada")) << e.problems.Render(Lang::kId);
}

TEST(JsonReaderChecklist, UnknownListSuggestsNearest) {
  size_t count = 0;
  const std::string text = ReplaceOnce(kCompactLaporan, R"("umum":)", R"("umumm":)", &count);
  ASSERT_EQ(count, 1u);
  Evaluated e;
  ReadAndEvaluate(text, false, &e);
  ASSERT_TRUE(e.read_ok) << e.problems.Render(Lang::kId);
  EXPECT_FALSE(e.ok);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen.umumm", "kunci_tidak_dikenal")) << e.problems.Render(Lang::kId);
  EXPECT_NE(e.problems.Render(Lang::kId).find("maksudnya 'umum'"), std::string::npos) << e.problems.Render(Lang::kId);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen.umum", "wajib_ada")) << e.problems.Render(Lang::kId);
}

TEST(JsonReaderChecklist, MissingBlockIsAnError) {
  const std::string text = WithoutManajemen(ExampleText());
  ASSERT_FALSE(text.empty());
  Evaluated e;
  ReadAndEvaluate(text, false, &e);
  ASSERT_TRUE(e.read_ok) << e.problems.Render(Lang::kId);
  EXPECT_FALSE(e.ok);
  EXPECT_TRUE(HasProblem(e.problems, "manajemen", "wajib_ada")) << e.problems.Render(Lang::kId);
  EXPECT_NE(e.problems.Render(Lang::kId).find("--tanpa-manajemen"), std::string::npos);
}

TEST(JsonReaderChecklist, WithoutChecklistScoresOutOf85) {
  const std::string text = WithoutManajemen(ExampleText());
  ASSERT_FALSE(text.empty());
  Evaluated e;
  ReadAndEvaluate(text, true, &e);
  ASSERT_TRUE(e.read_ok && e.ok) << e.problems.Render(Lang::kId);
  EXPECT_TRUE(e.assessment.manajemen_excluded);
  EXPECT_EQ(e.assessment.max_total_e6, 85'000'000);
  // The example's 89.80 less its 11.30 Manajemen points.
  EXPECT_EQ(e.assessment.total_e6, 78'500'000);
  bool warned = false;
  for (const Warning& w : e.assessment.warnings) {
    if (w.code == "manajemen_tidak_dinilai") {
      warned = true;
      const std::string worded = WarningText(w, e.assessment, Lang::kId);
      EXPECT_NE(worded.find("85"), std::string::npos) << worded;
      EXPECT_FALSE(WarningText(w, e.assessment, Lang::kEn).empty());
    }
  }
  EXPECT_TRUE(warned);
  for (const ComponentResult& c : e.assessment.components) {
    if (c.spec->kind == ComponentKind::kChecklist) {
      EXPECT_FALSE(c.scored) << c.spec->id;
      EXPECT_EQ(c.skor_e6, 0) << c.spec->id;
    }
  }
}

TEST(JsonReaderChecklist, WithoutChecklistOptionIgnoredWhenBlockPresent) {
  Evaluated e;
  ReadAndEvaluate(ExampleText(), true, &e);
  ASSERT_TRUE(e.read_ok && e.ok) << e.problems.Render(Lang::kId);
  EXPECT_FALSE(e.assessment.manajemen_excluded);
  EXPECT_EQ(e.assessment.max_total_e6, 100'000'000);
  EXPECT_EQ(e.assessment.total_e6, 89'800'000);
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// Regression: a checklist longer than the reader stores (200) was reported as "ada 200", not its real length.
TEST(JsonReaderRegression, OverlongChecklistReportsItsRealLength) {
  std::string answers = "[true";
  for (int i = 1; i < 250; ++i) answers += ", true";
  answers += "]";
  size_t count = 0;
  const std::string text = ReplaceOnce(kCompactLaporan, R"("aktiva": [true, true, true, true, true, true, true, true, true, true])",
                                       R"("aktiva": )" + answers, &count);
  ASSERT_EQ(count, 1u);
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  reader.Read(text, &l, &problems);
  const Rulebook* rb = EmbeddedRulebookById("ksp-2016", &problems);
  ASSERT_NE(rb, nullptr);
  Assessment a;
  EXPECT_FALSE(Evaluate(l, *rb, EvaluateOptions{}, &a, &problems));
  bool found = false;
  for (const Problem& p : problems.items()) {
    found = found || (p.path == "manajemen.aktiva" && p.code == "jumlah_jawaban_salah" &&
                      p.pesan.find("ada 250") != std::string::npos);
  }
  EXPECT_TRUE(found) << problems.Render(Lang::kId);
}

// Regression: amounts at the Rp 10^15 limit made comparisons overflow 128 bits ("angka terlalu besar").
TEST(JsonReaderRegression, AmountsAtTheLimitAreAssessed) {
  const std::string text = R"({"koperasi":{"nama":"X"},"periode":{"akhir":"2024-12-31"},
    "neraca":{"pinjaman_anggota":1000000000000000,"simpanan_pokok":1000000000000000,"simpanan_wajib":0},
    "hasil_usaha":{"partisipasi_bruto":1},"pinjaman":{"kurang_lancar":1000000000000000,"berisiko":999999999999999.99}})";
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  ASSERT_TRUE(reader.Read(text, &l, &problems)) << problems.Render(Lang::kId);
  for (const char* id : {"ksp-2016", "ksp-2016-linear"}) {
    const Rulebook* rb = EmbeddedRulebookById(id, &problems);
    ASSERT_NE(rb, nullptr);
    Assessment a;
    EvaluateOptions options;
    options.without_checklist = true;
    EXPECT_TRUE(Evaluate(l, *rb, options, &a, &problems)) << id << ": " << problems.Render(Lang::kId);
  }
}

// Regression (libFuzzer): empty input dereferenced a null position inside simdjson.
TEST(JsonReaderRegression, EmptyAndBlankInputs) {
  for (const char* text : {"", " ", "\n", "\xef\xbb\xbf"}) {
    LaporanJsonReader reader;
    Laporan l;
    Problems problems;
    EXPECT_FALSE(reader.Read(text, &l, &problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.items()[0].code, "json_tidak_sah");
  }
}

TEST(JsonReaderRegression, ByteOrderMarkIsIgnored) {
  LaporanJsonReader reader;
  Laporan l;
  Problems problems;
  EXPECT_TRUE(reader.Read("\xEF\xBB\xBF" + std::string(kCompactLaporan), &l, &problems)) << problems.Render(Lang::kId);
  EXPECT_EQ(l.cooperative.nama, "KSP Mini");
}

}  // namespace
}  // namespace kopsehat
