// The predikat labels the dashboards count and colour come from the embedded rulebooks, in their order.
#include <gtest/gtest.h>

#include "app/app.h"
#include "rules/loader.h"

namespace kopsehat::app {
namespace {

TEST(PredikatLabels, AreTheRulebooksOwnBestFirstWithoutRepeats) {
  Problems p;
  const Rulebook* def = EmbeddedRulebookById("ksp-2016", &p);
  ASSERT_NE(def, nullptr);
  const std::vector<std::string>& labels = PredikatLabels();
  ASSERT_GE(labels.size(), def->predikat.size());
  for (size_t i = 0; i < def->predikat.size(); ++i) {
    EXPECT_EQ(labels[i], def->predikat[i].label);
    EXPECT_EQ(PredikatRank(def->predikat[i].label), int(i));
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    for (size_t j = i + 1; j < labels.size(); ++j) EXPECT_NE(labels[i], labels[j]);
  }
  EXPECT_EQ(PredikatRank("TIDAK ADA"), -1);
  EXPECT_EQ(PredikatRank(""), -1);
}

}  // namespace
}  // namespace kopsehat::app
