// What the laporan readers share (fields.h): the LaporanBuilder's handling of cell text and 1904 dates, Excel serial
// dates, and the trimming and lower-casing of cell text.
#include "interchange/fields.h"

#include <gtest/gtest.h>

#include <string>

namespace kopsehat {
namespace {

TEST(LaporanBuilder, TextValuesAreTrimmed) {
  Laporan l;
  Problems p;
  LaporanBuilder b(&l, &p);
  const std::string sheet = "Identitas";
  b.Set("koperasi.jenis", LaporanBuilder::Kind::kText, "KSP ", Place{&sheet, 3, 2});
  b.Set("manajemen.umum[1]", LaporanBuilder::Kind::kText, " ya ", Place{&sheet, 4, 2});
  for (const Problem& q : p.items()) ADD_FAILURE() << q.Line(Lang::kId);
  EXPECT_EQ(l.cooperative.jenis, "KSP");
}

TEST(LaporanBuilder, Date1904SerialsAreShifted) {
  // 44560 in the 1904 system is 2025-12-31 (46022 in the 1900 system).
  for (const bool date1904 : {false, true}) {
    Laporan l;
    Problems p;
    LaporanBuilder b(&l, &p);
    b.SetDate1904(date1904);
    const std::string sheet = "Identitas";
    b.Set("periode.akhir", LaporanBuilder::Kind::kNumber, date1904 ? "44560" : "46022", Place{&sheet, 7, 2});
    EXPECT_EQ(l.periode_akhir, "2025-12-31") << date1904;
  }
}

TEST(Fields, ExcelSerialDates) {
  EXPECT_EQ(ExcelSerialToIsoDate("46022"), "2025-12-31");
  EXPECT_EQ(ExcelSerialToIsoDate("1"), "1900-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("59"), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIsoDate("60"), "");  // Excel's phantom 1900-02-29 never existed
  EXPECT_EQ(ExcelSerialToIsoDate("61"), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIsoDate("45351"), "2024-02-29");
  EXPECT_EQ(ExcelSerialToIsoDate("46022.5"), "");
  EXPECT_EQ(ExcelSerialToIsoDate("0"), "");
}

TEST(Fields, TrimCellAndLowerCase) {
  EXPECT_EQ(TrimCell(" \tneraca.kas \t\r"), "neraca.kas");
  EXPECT_EQ(TrimCell("\rx"), "\rx");  // a '\r' goes only at the end (what a CRLF line leaves)
  EXPECT_EQ(TrimCell("   "), "");
  EXPECT_EQ(AsciiLower("Tahun Ini (Rp)"), "tahun ini (rp)");
  EXPECT_EQ(AsciiLower("LAPORAN.XLSX"), "laporan.xlsx");
}

}  // namespace
}  // namespace kopsehat
