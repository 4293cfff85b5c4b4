// core/date.h — calendar dates as ISO text ("2021-12-31"). Depends on nothing.
#pragma once

#include <cstdint>
#include <string_view>

namespace kopsehat {

// "2021-12-31" → true when it is a real calendar date (year 1900 or later).
bool IsIsoDate(std::string_view s);

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;
};
// The proleptic Gregorian date `days` days after 1970-01-01 (negative: before).
CivilDate CivilFromDays(int64_t days);

}  // namespace kopsehat
