// report/explain: every warning the engine gives on the bundled examples, with every method whose inputs they have,
// has a sentence in both languages; the 2016 example with every checklist answer flipped makes the books contradict
// answers, so the "jawaban_berbeda_dengan_buku" warnings and their explanations are worded too.
#include "report/explain.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "interchange/json_reader.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

namespace fs = std::filesystem;

std::vector<Laporan> Examples() {
  std::vector<Laporan> out;
  LaporanJsonReader reader;
  for (const char* name : {"ksp-sejahtera-bersama-2025.json", "ksp-maju-jaya-2025.json", "kopdit-sinar-harapan-2025.json",
                           "ksp-contoh-kkpkk-2025.json", "kspps-amanah-2025.json"}) {
    std::ifstream in(fs::path(KOPSEHAT_SOURCE_DIR) / "examples" / name, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Laporan l;
    Problems p;
    EXPECT_TRUE(reader.Read(text, &l, &p)) << name << p.Render(Lang::kEn);
    out.push_back(l);
  }
  Laporan flipped = out.front();
  for (ChecklistAnswers& c : flipped.checklists) c.answers.flip();
  out.push_back(flipped);
  return out;
}

TEST(Explain, EveryWarningOfTheExamplesHasATextInBothLanguages) {
  int worded = 0, conflicts = 0;
  for (const Laporan& l : Examples()) {
    for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
      Problems p;
      const Rulebook* rb = EmbeddedRulebookById(e.id, &p);
      if (rb == nullptr) continue;  // a goal method
      Assessment a;
      if (!Evaluate(l, *rb, {}, &a, &p)) continue;  // inputs this method lacks
      for (const Warning& w : a.warnings) {
        const std::string id = WarningText(w, a, Lang::kId);
        const std::string en = WarningText(w, a, Lang::kEn);
        EXPECT_FALSE(id.empty()) << rb->id << " " << w.code;
        EXPECT_FALSE(en.empty()) << rb->id << " " << w.code;
        ++worded;
        if (w.code == "jawaban_berbeda_dengan_buku") {
          ++conflicts;
          EXPECT_NE(id.find(" butir " + w.args[1] + " dijawab "), std::string::npos) << id;
        }
      }
    }
  }
  EXPECT_GT(worded, 0);
  EXPECT_GT(conflicts, 0) << "the flipped example should contradict the books";
}

}  // namespace
}  // namespace kopsehat
