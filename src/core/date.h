// core/date.h — calendar dates as ISO text ("2021-12-31"). Depends on nothing.
#pragma once

#include <string_view>

namespace kopsehat {

// "2021-12-31" → true when it is a real calendar date (year 1900 or later).
bool IsIsoDate(std::string_view s);

}  // namespace kopsehat
