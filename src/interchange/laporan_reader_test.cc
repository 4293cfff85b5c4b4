// Reading a laporan file of any kind: the reader is chosen by the file's first bytes, then by its name.
#include "interchange/laporan_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace kopsehat {
namespace {

TEST(LaporanReader, ChoosesByContentAndName) {
  const std::string csv = "kunci;nilai\nkoperasi.nama;KSP Mini\nperiode.akhir;31/12/2025\nneraca.kas;5.000.000\n"
                          "neraca.simpanan_pokok;2.000.000\nneraca.simpanan_wajib;3.000.000\n"
                          "hasil_usaha.partisipasi_bruto;500000\n";
  Laporan l;
  Problems p;
  EXPECT_TRUE(ReadLaporanAny(csv, "laporan.csv", &l, &p)) << p.Render(Lang::kId);
  EXPECT_EQ(l.cooperative.nama, "KSP Mini");
  Problems q;
  EXPECT_FALSE(ReadLaporanAny("PK\x03\x04garbage", "laporan.json", &l, &q));  // a zip, whatever its name
  EXPECT_FALSE(q.empty());
}

TEST(LaporanReader, SpreadsheetFilesByContentThenName) {
  EXPECT_TRUE(IsSpreadsheetFile("PK\x03\x04", "laporan.json"));
  EXPECT_TRUE(IsSpreadsheetFile(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "laporan"));
  for (const char* name : {"a.xlsx", "a.XLSM", "a.xls", "a.csv", "a.TXT"}) EXPECT_TRUE(IsSpreadsheetFile("{}", name)) << name;
  EXPECT_FALSE(IsSpreadsheetFile("{}", "laporan.json"));
  EXPECT_FALSE(IsSpreadsheetFile("{}", "csv"));
}

}  // namespace
}  // namespace kopsehat
