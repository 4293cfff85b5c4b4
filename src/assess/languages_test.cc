// EvaluateOptions::texts: warning texts built in one language only (the batch writes one) must leave the output in
// that language byte-identical to a full evaluation's. Checked on every bundled example with every method whose
// inputs it has, and on the 2016 example with every checklist answer flipped (so the books contradict answers and
// the "jawaban_berbeda_dengan_buku" warnings, with their explanations, are built).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "interchange/json_reader.h"
#include "report/json_report.h"
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
  for (ChecklistAnswers& c : flipped.manajemen) c.answers.flip();
  out.push_back(flipped);
  return out;
}

TEST(EvaluateLanguages, OneLanguageTextsGiveTheSameOutputInThatLanguage) {
  int compared = 0, with_conflicts = 0;
  for (const Laporan& l : Examples()) {
    for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
      Problems p;
      const Rulebook* rb = EmbeddedRulebookById(e.id, &p);
      if (rb == nullptr) continue;  // a goal method
      Assessment full;
      if (!Evaluate(l, *rb, {}, &full, &p)) continue;  // inputs this method lacks
      for (const Lang lang : {Lang::kId, Lang::kEn}) {
        EvaluateOptions one;
        one.texts = lang == Lang::kEn ? Languages{false, true} : Languages{true, false};
        Assessment partial;
        ASSERT_TRUE(Evaluate(l, *rb, one, &partial, &p));
        std::string a, b;
        AppendPenilaianJson(full, lang, &a);
        AppendPenilaianJson(partial, lang, &b);
        EXPECT_EQ(a, b) << rb->id << " " << l.koperasi.nama;
        ++compared;
      }
      for (const Warning& w : full.warnings) with_conflicts += w.kode == "jawaban_berbeda_dengan_buku";
    }
  }
  EXPECT_GE(compared, 12);
  EXPECT_GT(with_conflicts, 0) << "the flipped example should contradict the books";
}

}  // namespace
}  // namespace kopsehat
