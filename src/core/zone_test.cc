// core/zone_test.cc — provinces to zones and local date-time text.
#include "core/zone.h"

#include <gtest/gtest.h>

namespace kopsehat {
namespace {

TEST(Zone, ProvincesMapToTheirStatutoryZone) {
  EXPECT_STREQ(ZoneOfProvince("Jawa Timur").name, "WIB");
  EXPECT_STREQ(ZoneOfProvince("Daerah Istimewa Yogyakarta").name, "WIB");
  EXPECT_STREQ(ZoneOfProvince("Kalimantan Barat").name, "WIB");
  EXPECT_STREQ(ZoneOfProvince("Bali").name, "WITA");
  EXPECT_STREQ(ZoneOfProvince("  provinsi  SULAWESI-SELATAN ").name, "WITA");
  EXPECT_STREQ(ZoneOfProvince("Prov. Nusa Tenggara Timur").name, "WITA");
  EXPECT_STREQ(ZoneOfProvince("Gorontalo").name, "WITA");
  EXPECT_STREQ(ZoneOfProvince("Papua Barat Daya").name, "WIT");
  EXPECT_STREQ(ZoneOfProvince("Maluku Utara").name, "WIT");
  EXPECT_EQ(ZoneOfProvince("Maluku Utara").offset_s, 9 * 3600);
  EXPECT_STREQ(ZoneOfProvince("").name, "WIB");  // unknown: the capital's zone
  EXPECT_STREQ(ZoneOfProvince("Atlantis").name, "WIB");
}

TEST(Zone, LocalDateTimeCrossesMidnightAndYears) {
  // 2026-12-31 17:30 UTC is 2027-01-01 00:30 WIB and 02:30 WIT.
  const int64_t t = 1798738200;
  EXPECT_EQ(FormatLocalDateTime(t, ZoneOfProvince("Jawa Barat"), Lang::kId), "1 Januari 2027 pukul 00.30 WIB");
  EXPECT_EQ(FormatLocalDateTime(t, ZoneOfProvince("Papua"), Lang::kEn), "1 January 2027, 02:30 WIT");
  EXPECT_EQ(FormatLocalDateTime(t - 86400 * 365, ZoneOfProvince("Bali"), Lang::kId), "1 Januari 2026 pukul 01.30 WITA");
  EXPECT_EQ(FormatLocalDateTime(0, TimeZone{}, Lang::kId), "1 Januari 1970 pukul 07.00 WIB");
  // 2024-02-29 (a leap day) 12:00 WIB.
  EXPECT_EQ(FormatLocalDateTime(1709182800, TimeZone{}, Lang::kId), "29 Februari 2024 pukul 12.00 WIB");
}

}  // namespace
}  // namespace kopsehat
