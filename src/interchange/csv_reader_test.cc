// The CSV readers: one laporan as `kunci;nilai` rows (a table of inputs, each refused with its line and code, or
// accepted), and the batch form with a header row of keys.
#include "interchange/csv_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kopsehat {
namespace {

struct CsvCase {
  const char* name;
  std::string text;
  const char* path;  // expected problem path (prefix), or nullptr when accepted
  const char* code;
};

std::string Minimal(const std::string& extra = "", char sep = ';') {
  std::string s = "kunci;nilai\nkoperasi.nama;KSP Mini\nperiode.akhir;31/12/2025\nneraca.kas;5.000.000\n"
                  "neraca.simpanan_pokok;2.000.000\nneraca.simpanan_wajib;3.000.000\nhasil_usaha.partisipasi_bruto;500000\n" +
                  extra;
  if (sep != ';') std::replace(s.begin(), s.end(), ';', sep);
  return s;
}

TEST(CsvReader, TableOfInputs) {
  const CsvCase cases[] = {
      {"Minimal", Minimal(), nullptr, nullptr},
      {"CommaSeparated", Minimal("", ','), nullptr, nullptr},
      {"BomAndCrlf", "\xEF\xBB\xBF" + Minimal(), nullptr, nullptr},
      {"QuotedDecimalComma", [] {
         std::string t = Minimal("", ',');
         t.replace(t.find("neraca.kas,5.000.000"), 20, "neraca.kas,\"5.000.000,00\"");
         return t;
       }(), nullptr, nullptr},
      {"UnknownKey", Minimal("neraca.kass;100\n"), "baris 8 (neraca.kass)", "kunci_tidak_dikenal"},
      {"Ambiguous", Minimal("hasil_usaha.beban_usaha;1.250\n"), "baris 8 (hasil_usaha.beban_usaha)", "angka_ambigu"},
      {"ThreeDecimals", Minimal("hasil_usaha.beban_usaha;1250,5051\n"), "baris 8 (hasil_usaha.beban_usaha)", "desimal_berlebih"},
      {"Negative", Minimal("hasil_usaha.beban_usaha;(1.000.000)\n"), "baris 8 (hasil_usaha.beban_usaha)", "negatif"},
      {"Words", Minimal("hasil_usaha.beban_usaha;sejuta\n"), "baris 8 (hasil_usaha.beban_usaha)", "bukan_angka"},
      {"Duplicate", Minimal("neraca.kas;1\n"), "baris 8 (neraca.kas)", "kunci_ganda"},
      {"BadDate", "kunci;nilai\nkoperasi.nama;X\nperiode.akhir;31/02/2025\n", "baris 3 (periode.akhir)", "tanggal_tidak_sah"},
      {"BadAnswer", Minimal("manajemen.umum[1];mungkin\n"), "baris 8 (manajemen.umum[1])", "jawaban_tidak_sah"},
      {"BadItemKey", Minimal("manajemen.umum;Ya\n"), "baris 8 (manajemen.umum)", "kunci_tidak_dikenal"},
      {"UnclosedQuote", Minimal("koperasi.provinsi;\"Jawa\n"), "baris 8", "csv_tidak_sah"},
      {"CommaDecimalUnquoted", Minimal("neraca.bank,1.250.000,50\n", ','), "baris 8 (neraca.bank)", "csv_tidak_sah"},
      {"Unbalanced", Minimal("neraca.bank;1\n"), "baris 4 (neraca.kas)", nullptr},  // balance points at the sheet
      // Regressions from review.
      {"CommaSplitValue", "kunci,nilai,keterangan\nkoperasi.nama,KSP Mini,\nperiode.akhir,2025-12-31,\nneraca.kas,5000000,\n"
                          "neraca.bank,1.250.000,50\n", "baris 5 (neraca.bank)", "csv_tidak_sah"},
      {"ChecklistRowMissing", Minimal("manajemen.likuiditas[1];Ya\nmanajemen.likuiditas[3];Ya\n"),
       "manajemen.likuiditas[2]", "belum_dijawab"},
      {"ChecklistLeadingZeroIsTheSameItem", Minimal("manajemen.umum[1];Ya\nmanajemen.umum[01];Tidak\n"),
       "baris 9 (manajemen.umum[1])", "kunci_ganda"},
      {"ChecklistBadListName", Minimal("manajemen.u\"m[1];Ya\n"), "baris 8", "kunci_tidak_dikenal"},
  };
  for (const CsvCase& c : cases) {
    Laporan l;
    Problems p;
    const bool ok = ReadLaporanCsv(c.text, &l, &p);
    if (c.path == nullptr) {
      EXPECT_TRUE(ok) << c.name << "\n" << p.Render(Lang::kId);
      continue;
    }
    EXPECT_FALSE(ok) << c.name;
    if (c.code == nullptr) continue;
    bool found = false;
    for (const Problem& q : p.items()) found = found || (q.path.rfind(c.path, 0) == 0 && q.code == c.code);
    EXPECT_TRUE(found) << c.name << ": want " << c.path << " " << c.code << "\n" << p.Render(Lang::kId);
  }
}

TEST(CsvReader, BlankCopyDoesNotUnanswerAnItem) {
  Laporan l;
  Problems p;
  ReadLaporanCsv(Minimal("manajemen.likuiditas[1];Ya\nmanajemen.likuiditas[1];\n"), &l, &p);
  for (const Problem& q : p.items()) EXPECT_NE(q.code, "belum_dijawab") << p.Render(Lang::kId);
}

TEST(CsvReader, MacintoshLineEndings) {
  std::string text = Minimal();
  std::replace(text.begin(), text.end(), '\n', '\r');
  Laporan l;
  Problems p;
  EXPECT_TRUE(ReadLaporanCsv(text, &l, &p)) << p.Render(Lang::kId);
  EXPECT_EQ(l.cooperative.nama, "KSP Mini");
}

TEST(CsvReader, UnbalancedShowsBothTotals) {
  Laporan l;
  Problems p;
  EXPECT_FALSE(ReadLaporanCsv(Minimal("neraca.bank;1\n"), &l, &p));
  ASSERT_EQ(p.size(), 1u) << p.Render(Lang::kId);
  EXPECT_EQ(p.items()[0].code, "neraca_tidak_seimbang");
  EXPECT_NE(p.items()[0].pesan.find("Rp 5.000.001"), std::string::npos) << p.items()[0].pesan;
}

TEST(CsvReader, BatchRowWithFewerColumnsIsRefused) {
  CsvBatch batch;
  Problems p;
  ASSERT_TRUE(batch.ReadHeader("koperasi.nama;periode.akhir;neraca.simpanan_pokok", 1, &p)) << p.Render(Lang::kId);
  Laporan l;
  EXPECT_FALSE(batch.ReadRow("KSP A;2025-12-31", 2, &l, &p));
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.items().back().code, "csv_tidak_sah");
}

TEST(CsvReader, BatchHeaderDuplicatesAndBadItemKeysAreRefusedOnce) {
  for (const char* header : {"koperasi.nama;neraca.kas;neraca.kas", "koperasi.nama;manajemen.umum[abc]",
                             "koperasi.nama;manajemen.umum[0]", "koperasi.nama;manajemen.umum[01]"}) {
    CsvBatch batch;
    Problems p;
    EXPECT_FALSE(batch.ReadHeader(header, 1, &p)) << header;
    EXPECT_FALSE(p.empty()) << header;
  }
  CsvBatch ok;
  Problems p;
  EXPECT_TRUE(ok.ReadHeader("koperasi.nama;manajemen.umum[12];manajemen.likuiditas[5]", 1, &p)) << p.Render(Lang::kId);
}

}  // namespace
}  // namespace kopsehat
