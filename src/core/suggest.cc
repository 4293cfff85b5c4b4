#include "core/suggest.h"

#include <algorithm>

namespace kopsehat {

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = int(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string NearestKey(std::string_view key, const std::vector<std::string_view>& candidates) {
  constexpr int kMaxEdits = 3;  // further than this, a suggestion confuses more than it helps
  std::string_view best;
  int best_distance = kMaxEdits + 1;
  for (std::string_view c : candidates) {
    const int d = EditDistance(key, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return std::string(best);
}

std::string DidYouMean(const std::string& suggestion, Lang lang) {
  if (suggestion.empty()) return {};
  return lang == Lang::kEn ? " (did you mean '" + suggestion + "'?)" : " (maksudnya '" + suggestion + "'?)";
}

}  // namespace kopsehat
