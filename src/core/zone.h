// core/zone.h — Indonesia's three civil time zones and local date-time text. Stored times are Unix seconds; a
// person reads them in the zone of their region (WIB, WITA or WIT, from the province). Depends on core/problems.h (Lang).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/problems.h"

namespace kopsehat {

struct TimeZone {
  int offset_s = 7 * 3600;
  const char* name = "WIB";
};

// The zone of a province by its name ("Jawa Timur" → WIB, "Bali" → WITA, "Papua Barat" → WIT), case and
// spacing ignored, with or without "Provinsi"/"Prov."; WIB, the zone of the capital, when the name is unknown or empty.
TimeZone ZoneOfProvince(std::string_view provinsi);

// "7 Desember 2026 pukul 15.04 WIB" / "7 December 2026, 15:04 WIB".
std::string FormatLocalDateTime(int64_t unix_s, const TimeZone& zone, Lang lang);

}  // namespace kopsehat
