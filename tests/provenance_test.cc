// Provenance in the signer's terms (issue 16, "The signed report"): what an examiner signs names the regulation and
// its table, never Kopsehat's internal research notes. Every string of every embedded rulebook (current and kept
// earlier versions; TOML comments are not read, so the research keys may live there), and every text and PDF report
// of every example under every method, is searched for internal references: research file names and paths,
// "evidence §…" section references, bracketed research keys ([HD], [T-4ZPX], [MOD-G p29], [S1]), web addresses and
// flipbook hosts, and pointers at ../shared. The project's own docs/methods/*.md may be named (it ships with it).

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

using e2e::Contains;
using e2e::Quote;
using e2e::ReadAll;
using e2e::Result;

// The internal references found in `text`, each with a little context; empty when there is none.
std::vector<std::string> InternalReferences(const std::string& text) {
  struct Rule {
    const char* what;
    std::regex re;
  };
  static const std::vector<Rule> rules = [] {
    const auto icase = std::regex::ECMAScript | std::regex::icase;
    return std::vector<Rule>{
        {"file name", std::regex(R"([A-Za-z0-9_./-]+\.(md|toml)\b)")},
        {"research folder", std::regex(R"(reference/|\.\./shared|shared/reference)")},
        {"research notes", std::regex(R"(evidence)", icase)},
        {"section sign", std::regex("\xC2\xA7")},  // §
        // [HD], [HDQ], [T-4ZPX], [MOD-G p29, p34-38], [CODE-41542472914], [S1, S2], [JUKNIS Tabel 4.1 p198]; not an
        // interval such as [20, 30) nor a lower-case word.
        {"research key", std::regex(R"(\[[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)*([ ,;][^\]\n]*)?\])")},
        {"web address", std::regex(R"(https?://)", icase)},
        {"flipbook or document host",
         std::regex(R"(fliphtml5|flipbuilder|anyflip|123dok|scribd|docplayer|blogspot|wordpress\.com|github\.com)",
                    icase)},
        {"statement about unread sources", std::regex(R"(belum dapat dibaca|tidak dapat dibaca langsung)", icase)},
    };
  }();
  std::vector<std::string> found;
  for (const Rule& rule : rules) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), rule.re); it != std::sregex_iterator(); ++it) {
      const std::string match = it->str();
      // The project's own provenance documents are part of it and may be named.
      if (std::string(rule.what) == "file name" && match.rfind("docs/methods/", 0) == 0) continue;
      const size_t at = size_t(it->position());
      const size_t from = at > 40 ? at - 40 : 0;
      found.push_back(std::string(rule.what) + ": '" + match + "' in …" + text.substr(from, match.size() + 80) + "…");
    }
  }
  return found;
}

void CollectStrings(const toml::node& node, const std::string& path, std::vector<std::pair<std::string, std::string>>* out) {
  if (const toml::table* t = node.as_table()) {
    for (const auto& [key, value] : *t) CollectStrings(value, path + "." + std::string(key.str()), out);
  } else if (const toml::array* a = node.as_array()) {
    for (size_t i = 0; i < a->size(); ++i) CollectStrings(*a->get(i), path + "[" + std::to_string(i) + "]", out);
  } else if (const auto* s = node.as_string()) {
    out->emplace_back(path, s->get());
  }
}

// The patterns themselves: each kind of reference the rulebooks used to carry is caught, and the signer's terms are not.
TEST(Provenance, PatternsCatchResearchReferencesAndSpareRegulationTerms) {
  for (const char* bad : {"evidence §5 A.I.1 ([HDQ], [HD]; [MOD-G p29, p34-38])", "tafsiran: reference/ksp-2016.md bagian A",
                          "[T-4ZPX] mengutip Permen 14/2009", "fliphtml5 ljllg/aoky p46", "§2 P1 [S1, S2, S7]",
                          "lihat https://example.org/x", "../shared/reference/pearls.md", "[CODE-46248285658]",
                          "[JUKNIS Tabel 4.1 p198]", "Lampiran resmi belum dapat dibaca langsung", "Evidence"}) {
    EXPECT_FALSE(InternalReferences(bad).empty()) << bad;
  }
  for (const char* good : {"Juknis Deputi Bidang Perkoperasian No. 15 Tahun 2021, aspek Kinerja keuangan, Tabel 2.36",
                           "Peraturan Deputi Bidang Pengawasan Kemenkop UKM No. 06/Per/Dep.6/IV/2016, Lampiran",
                           "batas [20, 30) → nilai 2; (−inf, 4) → 0", "tafsiran Kopsehat: docs/methods/kkpkk-2021.md",
                           "WOCCU, PEARLS Monitoring System (WOCCU Toolkit Series No. 4), rasio P1"}) {
    EXPECT_TRUE(InternalReferences(good).empty()) << good << ": " << InternalReferences(good).front();
  }
}

// Every string value of every embedded rulebook, current and earlier versions (comments are not values).
TEST(Provenance, NoEmbeddedRulebookStringCarriesAnInternalReference) {
  std::vector<EmbeddedRulebook> all = EmbeddedRulebooks();
  for (const EmbeddedRulebook& e : EmbeddedEarlierRulebooks()) all.push_back(e);
  ASSERT_GE(all.size(), 7u) << "ksp-2016, ksp-2016-linear, kkpkk-2021, ksppps-2016, pearls-woccu, pearls-accu, lama";
  size_t strings = 0;
  for (const EmbeddedRulebook& e : all) {
    toml::table doc;
    try {
      doc = toml::parse(e.text, std::string(e.file));
    } catch (const toml::parse_error& err) {
      ADD_FAILURE() << e.file << ": " << err.description();
      continue;
    }
    std::vector<std::pair<std::string, std::string>> values;
    CollectStrings(doc, "", &values);
    strings += values.size();
    for (const auto& [path, value] : values) {
      for (const std::string& f : InternalReferences(value)) ADD_FAILURE() << e.file << " " << path << ": " << f;
    }
  }
  EXPECT_GT(strings, 1000u);
}

// The same through the loader: the texts a report prints (method source and note, each component's source and note,
// the KUK source) of every scored rulebook.
TEST(Provenance, LoadedRulebookSourcesAndNotesAreInTheSignersTerms) {
  size_t loaded = 0;
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    Problems problems;
    const Rulebook* rb = EmbeddedRulebookById(e.id, &problems);
    if (rb == nullptr) continue;  // a goal rulebook (PEARLS): covered by the TOML scan above
    ++loaded;
    std::vector<std::string> texts = {rb->source, rb->note};
    if (rb->kuk) texts.insert(texts.end(), {rb->kuk->source, rb->kuk->note.id, rb->kuk->note.en});
    for (const Component& c : rb->components) texts.insert(texts.end(), {c.source, c.note, c.zero.pesan.id, c.zero.pesan.en});
    for (const std::string& t : texts) {
      for (const std::string& f : InternalReferences(t)) ADD_FAILURE() << e.id << ": " << f;
    }
    EXPECT_FALSE(rb->source.empty()) << e.id;
  }
  EXPECT_GE(loaded, 4u);
}

class ProvenanceReports : public e2e::CliHarness {};

// What an examiner signs: the text report and the PDF of every example under every method that assesses it.
TEST_F(ProvenanceReports, NoReportOfAnyExampleUnderAnyMethodCarriesAnInternalReference) {
  namespace fs = std::filesystem;
  std::vector<std::string> examples;
  for (const auto& entry : fs::directory_iterator(e2e::kSourceDir + "/examples")) {
    if (entry.path().extension() == ".json") examples.push_back(entry.path().string());
  }
  std::sort(examples.begin(), examples.end());
  ASSERT_GE(examples.size(), 4u);
  const std::vector<std::string> methods = {"ksp-2016", "ksp-2016-linear", "kkpkk-2021", "ksppps-2016", "pearls-woccu",
                                            "pearls-accu"};
  int text_reports = 0, pdf_reports = 0;
  for (const std::string& example : examples) {
    for (const std::string& method : methods) {
      const std::string what = fs::path(example).filename().string() + " --metode " + method;
      const Result text = Run({"assess", example, "--metode", method});
      if (text.status != 0) continue;  // an example that is not valid input (contoh-salah) or not for this method
      ++text_reports;
      for (const std::string& f : InternalReferences(text.out)) ADD_FAILURE() << what << " (text): " << f;

      const std::string pdf = Path("laporan.pdf"), txt = Path("laporan.txt");
      std::filesystem::remove(pdf);
      const Result r = Run({"assess", example, "--metode", method, "--format", "pdf", "--out", pdf});
      if (r.status != 0) continue;  // a method without a PDF
      ASSERT_EQ(std::system(("pdftotext " + Quote(pdf) + " " + Quote(txt)).c_str()), 0) << what;
      ++pdf_reports;
      const std::string pages = ReadAll(txt);
      EXPECT_FALSE(pages.empty()) << what;
      // pdftotext breaks long lines; a reference split across two lines is caught once the breaks are spaces.
      for (const std::string& f : InternalReferences(e2e::Squash(pages))) ADD_FAILURE() << what << " (PDF): " << f;
    }
  }
  EXPECT_GE(text_reports, 10);
  EXPECT_GE(pdf_reports, 10);
}

}  // namespace
}  // namespace kopsehat
