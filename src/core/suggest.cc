#include "core/suggest.h"

#include <algorithm>
#include <cstdlib>

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

namespace {

// Levenshtein distance if it is at most `limit`, else limit + 1: only cells within `limit` of the diagonal can
// stay within it, so each row costs 2·limit + 1 cells and a row whose cells all exceed it ends the search.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  constexpr int kInf = 1 << 20;
  const int n = int(a.size()), m = int(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev(size_t(m) + 1, kInf), cur(size_t(m) + 1, kInf);
  for (int j = 0; j <= std::min(m, limit); ++j) prev[size_t(j)] = j;
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - limit), hi = std::min(m, i + limit);
    std::fill(cur.begin(), cur.end(), kInf);
    if (i <= limit) cur[0] = i;
    int best = cur[0];
    for (int j = lo; j <= hi; ++j) {
      const int subst = prev[size_t(j - 1)] + (a[size_t(i - 1)] == b[size_t(j - 1)] ? 0 : 1);
      cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, subst});
      best = std::min(best, cur[size_t(j)]);
    }
    if (best > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[size_t(m)], limit + 1);
}

}  // namespace

std::string NearestKey(std::string_view key, const std::vector<std::string_view>& candidates) {
  constexpr int kMaxEdits = 3;  // further than this, a suggestion confuses more than it helps
  std::string_view best;
  int best_distance = kMaxEdits + 1;
  if (key.size() > 100) return {};  // no key is that long: not a typo of one
  for (std::string_view c : candidates) {
    // Lengths further apart than the edit budget cannot be within it: skip the quadratic distance.
    const size_t diff = key.size() > c.size() ? key.size() - c.size() : c.size() - key.size();
    if (diff > size_t(kMaxEdits)) continue;
    const int d = BoundedEditDistance(key, c, best_distance - 1);
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
