// core/suggest.h — "did you mean" for unknown keys: an unknown key is almost always a typo, and naming the nearest
// known key saves the user a trip to the documentation. Depends on core/problems.h (Lang).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/problems.h"

namespace kopsehat {

// Levenshtein distance.
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `key`, if it is at most 3 edits away; otherwise empty.
std::string NearestKey(std::string_view key, const std::vector<std::string_view>& candidates);

// " (maksudnya 'kas'?)" / " (did you mean 'kas'?)", or "" when `suggestion` is empty.
std::string DidYouMean(const std::string& suggestion, Lang lang);

}  // namespace kopsehat
