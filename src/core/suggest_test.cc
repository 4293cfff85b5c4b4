#include "core/suggest.h"

#include <gtest/gtest.h>

namespace kopsehat {
namespace {

TEST(Suggest, NearestWithinThreeEdits) {
  const std::vector<std::string_view> keys = {"kas", "bank", "tabungan", "simpanan_pokok", "simpanan_wajib"};
  EXPECT_EQ(NearestKey("kass", keys), "kas");
  EXPECT_EQ(NearestKey("tabugan", keys), "tabungan");
  EXPECT_EQ(NearestKey("simpanan_wjib", keys), "simpanan_wajib");
  EXPECT_EQ(NearestKey("simpanan_pokk", keys), "simpanan_pokok");
  EXPECT_EQ(NearestKey("kas", keys), "kas");                  // exact
  EXPECT_EQ(NearestKey("xxxxxxxx", keys), "");                // nothing near
  EXPECT_EQ(NearestKey("ba", keys), "kas");                   // "kas" and "bank" are both 2 away: the first wins
  EXPECT_EQ(NearestKey(std::string(500, 'k'), keys), "");     // absurdly long: no suggestion, no work
  EXPECT_EQ(NearestKey("", keys), "kas");                     // 3 deletions
}

TEST(Suggest, DidYouMeanInBothLanguages) {
  EXPECT_EQ(DidYouMean("kas", Lang::kId), " (maksudnya 'kas'?)");
  EXPECT_EQ(DidYouMean("kas", Lang::kEn), " (did you mean 'kas'?)");
  EXPECT_EQ(DidYouMean("", Lang::kId), "");
}

TEST(Suggest, BoundedAgreesWithFullDistanceOnManyPairs) {
  // NearestKey uses a banded distance; it must pick what the full distance would pick.
  const std::vector<std::string_view> keys = {"umum", "kelembagaan", "permodalan", "aktiva", "likuiditas", "neraca",
                                              "hasil_usaha", "pinjaman", "periode_lalu", "manajemen"};
  const char* probes[] = {"umun", "kelembagan", "permodal", "aktifa", "likwiditas", "nerca", "hasil-usaha",
                          "pinjman", "periode", "manajmen", "ak", "zzzz", "likuiditasxx"};
  for (const char* p : probes) {
    std::string want;
    int best = 4;
    for (std::string_view k : keys) {
      const int d = EditDistance(p, k);
      if (d < best) {
        best = d;
        want = std::string(k);
      }
    }
    EXPECT_EQ(NearestKey(p, keys), want) << p;
  }
}

}  // namespace
}  // namespace kopsehat
