// Unit tests for rules/loader.h: the embedded rulebooks, and the rejection (with file:line and reason) of a
// rulebook that is malformed or inconsistent. Every rejection case edits the embedded ksp-2016 text.

#include "rules/test_rulebook.h"
#include "rules/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>

namespace kopsehat {
namespace {

using testing::AllProblems;

std::string S(i128 v) { return ToString(v); }

std::string BaseText() {
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (std::string_view(e.id) == "ksp-2016") return std::string(e.text);
  }
  ADD_FAILURE() << "ksp-2016 is not embedded";
  return {};
}

// Every earlier version kept for stored results (rules/lama/) still loads, has an id and version of its own and can
// be found by EmbeddedRulebookVersion; the current version is found the same way.
TEST(EmbeddedEarlier, EveryKeptVersionLoadsAndIsFound) {
  ASSERT_FALSE(EmbeddedEarlierRulebooks().empty());
  for (const EmbeddedRulebook& e : EmbeddedEarlierRulebooks()) {
    Problems p;
    std::unique_ptr<Rulebook> rb = LoadRulebook(e.text, e.file, &p);
    ASSERT_NE(rb, nullptr) << e.file << ": " << p.Render(Lang::kEn);
    EXPECT_TRUE(p.empty()) << e.file << ": " << p.Render(Lang::kEn);
    Problems q;
    const Rulebook* found = EmbeddedRulebookVersion(rb->id, rb->version, &q);
    ASSERT_NE(found, nullptr) << rb->id << " " << rb->version;
    EXPECT_EQ(found->version, rb->version);
    const Rulebook* current = EmbeddedRulebookById(rb->id, &q);
    ASSERT_NE(current, nullptr) << rb->id;
    EXPECT_NE(current->version, rb->version) << e.file << " duplicates the current version";
    EXPECT_EQ(EmbeddedRulebookVersion(rb->id, current->version, &q), current);
  }
  Problems p;
  EXPECT_EQ(EmbeddedRulebookVersion("kkpkk-2021", "99", &p), nullptr);
}

// Replaces the single occurrence of `from`; fails the test if it is absent or not unique.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << "not found: " << from;
  if (pos == std::string::npos) return text;
  EXPECT_EQ(text.find(from, pos + 1), std::string::npos) << "not unique: " << from;
  text.replace(pos, from.size(), to);
  return text;
}

// 1-based line of the first occurrence of `needle`.
int LineOf(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << "not found: " << needle;
  if (pos == std::string::npos) return -1;
  return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(pos), '\n'));
}

// 1-based line of the last `header` line before `needle` (the [[table]] that holds it).
int HeaderLineBefore(const std::string& text, const std::string& header, const std::string& needle) {
  const size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << "not found: " << needle;
  if (pos == std::string::npos) return -1;
  const size_t h = text.rfind(header, pos);
  EXPECT_NE(h, std::string::npos) << "no header " << header;
  if (h == std::string::npos) return -1;
  return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(h), '\n'));
}

struct Loaded {
  std::unique_ptr<Rulebook> rb;
  Problems problems;
};

Loaded Load(const std::string& text) {
  Loaded l;
  l.rb = LoadRulebook(text, "test.toml", &l.problems);
  return l;
}


::testing::AssertionResult HasProblem(const Loaded& l, int line, const std::string& pesan_part) {
  return testing::RefusedAt(l.rb != nullptr, l.problems, "test.toml", line, pesan_part);
}

const Rulebook* Embedded(const char* id) {
  Problems problems;
  const Rulebook* rb = EmbeddedRulebookById(id, &problems);
  EXPECT_NE(rb, nullptr) << id << AllProblems(problems);
  EXPECT_TRUE(problems.empty()) << AllProblems(problems);
  return rb;
}

Fraction Pct(i128 num, i128 den) { return Fraction{num, den}; }

// ---------------------------------------------------------------------------------------------------------------
// Embedded rulebooks

// The method of a period lies within its berlaku dates, for every kind of cooperative and on both sides of the
// change; a laporan without a date gets the method in force today.
TEST(DefaultMetode, FollowsThePeriod) {
  struct Row {
    const char* periode;
    const char* jenis;
    const char* want;
  } rows[] = {{"2016-12-31", "KSP", "ksp-2016"},        {"2020-12-31", "KSP", "ksp-2016"},
              {"2020-12-31", "", "ksp-2016"},           {"2020-12-31", "USP", "ksp-2016"},
              {"2020-12-31", "KSPPS", "ksppps-2016"},   {"2019-06-30", "USPPS", "ksppps-2016"},
              {"2021-01-01", "KSP", "kkpkk-2021"},      {"2021-12-31", "KSPPS", "kkpkk-2021"},
              {"2025-12-31", "USP", "kkpkk-2021"},      {"", "KSP", "kkpkk-2021"}};
  for (const Row& r : rows) {
    const std::string id = DefaultMetodeFor(r.periode, r.jenis);
    EXPECT_EQ(id, r.want) << r.periode << " " << r.jenis;
    Problems p;
    const Rulebook* rb = EmbeddedRulebookById(id, &p);
    ASSERT_NE(rb, nullptr) << id;
    if (*r.periode == 0) continue;
    EXPECT_GE(std::string(r.periode), rb->valid_from) << id;
    if (!rb->valid_to.empty()) {
      EXPECT_LE(std::string(r.periode), rb->valid_to) << id;
    }
  }
  EXPECT_EQ(DefaultMetodeFor("", ""), MetodeInForce());
}

TEST(LoaderEmbedded, BothListedDefaultFirst) {
  const auto& all = EmbeddedRulebooks();
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(std::string(all[0].id), "ksp-2016");
  bool linear = false;
  for (const EmbeddedRulebook& e : all) linear = linear || std::string_view(e.id) == "ksp-2016-linear";
  EXPECT_TRUE(linear);
}

TEST(LoaderEmbedded, UnknownIdIsNull) {
  Problems problems;
  EXPECT_EQ(EmbeddedRulebookById("ksp-2099", &problems), nullptr);
}

TEST(LoaderEmbedded, LoadedOnceAndCached) {
  const Rulebook* a = Embedded("ksp-2016");
  const Rulebook* b = Embedded("ksp-2016");
  EXPECT_EQ(a, b);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->origin, "bawaan");
  EXPECT_EQ(a->id, "ksp-2016");
}

void CheckStructure(const Rulebook& rb) {
  EXPECT_EQ(rb.quantities.size(), 21u);
  ASSERT_EQ(rb.aspects.size(), 7u);
  ASSERT_EQ(rb.components.size(), 22u);

  const char* aspect_ids[] = {"permodalan", "kap", "manajemen", "efisiensi", "likuiditas", "kemandirian", "jatidiri"};
  const int64_t aspect_e2[] = {1500, 2500, 1500, 1000, 1500, 1000, 1000};
  const size_t per_aspect[] = {3, 4, 5, 3, 2, 3, 2};
  int64_t total = 0;
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(rb.aspects[i].id, aspect_ids[i]);
    EXPECT_EQ(rb.aspects[i].bobot_e2, aspect_e2[i]) << aspect_ids[i];
    total += rb.aspects[i].bobot_e2;
    size_t n = 0;
    int64_t sum = 0;
    for (const Component& c : rb.components) {
      if (c.aspect_index == int(i)) {
        ++n;
        sum += c.bobot_e2;
        EXPECT_EQ(c.aspect, aspect_ids[i]);
      }
    }
    EXPECT_EQ(n, per_aspect[i]) << aspect_ids[i];
    EXPECT_EQ(sum, aspect_e2[i]) << aspect_ids[i];
  }
  EXPECT_EQ(total, 10000);
  int64_t component_total = 0;
  for (const Component& c : rb.components) component_total += c.bobot_e2;
  EXPECT_EQ(component_total, 10000);

  struct Check {
    const char* id;
    const char* key;
    size_t items;
    int64_t points_e6;
  };
  const Check checks[] = {{"manajemen.umum", "umum", 12, 250000},
                          {"manajemen.kelembagaan", "kelembagaan", 6, 500000},
                          {"manajemen.permodalan", "permodalan", 5, 600000},
                          {"manajemen.aktiva", "aktiva", 10, 300000},
                          {"manajemen.likuiditas", "likuiditas", 5, 600000}};
  size_t checklist_items = 0, checklists = 0;
  for (const Component& c : rb.components) {
    if (c.kind == ComponentKind::kChecklist) {
      ++checklists;
      checklist_items += c.items.size();
    }
  }
  EXPECT_EQ(checklists, 5u);
  EXPECT_EQ(checklist_items, 38u);
  for (const Check& ck : checks) {
    const Component* c = rb.FindComponent(ck.id);
    ASSERT_NE(c, nullptr) << ck.id;
    EXPECT_EQ(c->kind, ComponentKind::kChecklist);
    EXPECT_EQ(c->answers_key, ck.key);
    EXPECT_EQ(c->items.size(), ck.items) << ck.id;
    EXPECT_EQ(c->points_per_yes_e6, ck.points_e6) << ck.id;
    EXPECT_EQ(c->bobot_e2, 300) << ck.id;
  }
  // Derivations from the books: 4 in permodalan, 1 in aktiva.
  const Component* perm = rb.FindComponent("manajemen.permodalan");
  ASSERT_NE(perm, nullptr);
  ASSERT_EQ(perm->items.size(), 5u);
  ASSERT_TRUE(perm->items[0].derivation.has_value());
  EXPECT_EQ(perm->items[0].derivation->kind, Derivation::Kind::kGrowthNotBelow);
  ASSERT_TRUE(perm->items[1].derivation.has_value());
  EXPECT_EQ(perm->items[1].derivation->kind, Derivation::Kind::kGrowthAtLeast);
  EXPECT_EQ(S(perm->items[1].derivation->param.units), "10");
  ASSERT_TRUE(perm->items[2].derivation.has_value());
  EXPECT_EQ(perm->items[2].derivation->kind, Derivation::Kind::kIncreaseAtLeast);
  EXPECT_TRUE(perm->items[2].derivation->approximation);
  EXPECT_EQ(S(perm->items[2].derivation->param.units), "25");
  EXPECT_EQ(perm->items[2].derivation->param.scale, 2);
  EXPECT_FALSE(perm->items[4].derivation.has_value());
  const Component* aktiva = rb.FindComponent("manajemen.aktiva");
  ASSERT_NE(aktiva, nullptr);
  ASSERT_TRUE(aktiva->items[0].derivation.has_value());
  EXPECT_EQ(aktiva->items[0].derivation->kind, Derivation::Kind::kRatioAtMost);
  EXPECT_FALSE(aktiva->items[0].derivation->needs_previous);

  ASSERT_EQ(rb.predikat.size(), 4u);
  EXPECT_TRUE(rb.predikat[0].has_min);
  EXPECT_EQ(rb.predikat[0].min_e6, 80000000);
  EXPECT_EQ(rb.predikat[0].label, "SEHAT");
  EXPECT_TRUE(rb.predikat[1].has_min);
  EXPECT_EQ(rb.predikat[1].min_e6, 66000000);
  EXPECT_EQ(rb.predikat[1].label, "CUKUP SEHAT");
  EXPECT_TRUE(rb.predikat[2].has_min);
  EXPECT_EQ(rb.predikat[2].min_e6, 51000000);
  EXPECT_EQ(rb.predikat[2].label, "DALAM PENGAWASAN");
  EXPECT_FALSE(rb.predikat[3].has_min);
  EXPECT_EQ(rb.predikat[3].label, "DALAM PENGAWASAN KHUSUS");
}

TEST(LoaderEmbedded, Ksp2016Structure) {
  const Rulebook* rb = Embedded("ksp-2016");
  ASSERT_NE(rb, nullptr);
  CheckStructure(*rb);
  EXPECT_EQ(rb->version, "1");
  for (const Component& c : rb->components) EXPECT_FALSE(c.linear) << c.id;
}

TEST(LoaderEmbedded, LinearStructure) {
  const Rulebook* rb = Embedded("ksp-2016-linear");
  ASSERT_NE(rb, nullptr);
  EXPECT_EQ(rb->id, "ksp-2016-linear");
  CheckStructure(*rb);
}

TEST(LoaderEmbedded, BandsSortedAndCovering) {
  const Rulebook* rb = Embedded("ksp-2016");
  ASSERT_NE(rb, nullptr);
  const Component* c = rb->FindComponent("permodalan.modal_sendiri_total_aset");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->bands.size(), 6u);
  const char* texts[] = {"(-inf, 0]", "(0, 20)", "[20, 40)", "[40, 60)", "[60, 80)", "[80, +inf)"};
  const int64_t nilai[] = {0, 2500, 5000, 10000, 5000, 2500};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(c->bands[i].range.text, texts[i]);
    EXPECT_EQ(c->bands[i].nilai_e2, nilai[i]);
  }
  EXPECT_FALSE(c->numerator.terms.empty());
  EXPECT_EQ(c->numerator.text, "modal_sendiri");
  EXPECT_EQ(c->denominator.text, "total_aset");
  EXPECT_EQ(c->numerator_name.id, "Modal sendiri");
  EXPECT_EQ(c->confidence, "sedang");
  // Zero-denominator rule defaults and explicit one.
  EXPECT_EQ(c->zero.kode, "penyebut_nol");
  const Component* cr = rb->FindComponent("kap.cadangan_risiko");
  ASSERT_NE(cr, nullptr);
  EXPECT_EQ(cr->zero.kode, "rpm_nol");
  EXPECT_EQ(cr->zero.nilai_e2, 10000);
}

TEST(LoaderEmbedded, FloatBandEdgesExact) {
  const Rulebook* rb = Embedded("ksp-2016");
  ASSERT_NE(rb, nullptr);
  const Component* c = rb->FindComponent("kemandirian.rentabilitas_aset");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->bands.size(), 4u);
  const Interval& b1 = c->bands[1].range;  // [5, 7.5)
  EXPECT_EQ(b1.text, "[5, 7.5)");
  EXPECT_TRUE(b1.has_lo && b1.has_hi && b1.lo_inclusive && !b1.hi_inclusive);
  EXPECT_EQ(S(b1.hi.units), "75");
  EXPECT_EQ(b1.hi.scale, 1);
  EXPECT_FALSE(b1.Contains(Pct(15, 2)));             // 7.5 itself
  EXPECT_TRUE(b1.Contains(Pct(7499999999, 1000000000)));
  EXPECT_TRUE(c->bands[2].range.Contains(Pct(15, 2)));
  EXPECT_EQ(c->bands[2].nilai_e2, 7500);
}

TEST(LoaderEmbedded, VariantsDifferOnlyInThreeComponents) {
  const Rulebook* a = Embedded("ksp-2016");
  const Rulebook* b = Embedded("ksp-2016-linear");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->version, b->version);
  EXPECT_EQ(a->source, b->source);
  EXPECT_EQ(a->note, b->note);

  ASSERT_EQ(a->quantities.size(), b->quantities.size());
  for (size_t i = 0; i < a->quantities.size(); ++i) {
    const Quantity& qa = a->quantities[i];
    const Quantity& qb = b->quantities[i];
    EXPECT_EQ(qa.id, qb.id);
    EXPECT_EQ(qa.form.text, qb.form.text) << qa.id;
    EXPECT_EQ(qa.form.scale, qb.form.scale) << qa.id;
    ASSERT_EQ(qa.form.terms.size(), qb.form.terms.size()) << qa.id;
    for (size_t k = 0; k < qa.form.terms.size(); ++k) {
      EXPECT_EQ(qa.form.terms[k].line, qb.form.terms[k].line);
      EXPECT_EQ(S(qa.form.terms[k].coef_units), S(qb.form.terms[k].coef_units));
    }
    EXPECT_EQ(qa.name.id, qb.name.id);
    EXPECT_EQ(qa.note, qb.note);
  }

  ASSERT_EQ(a->aspects.size(), b->aspects.size());
  for (size_t i = 0; i < a->aspects.size(); ++i) {
    EXPECT_EQ(a->aspects[i].id, b->aspects[i].id);
    EXPECT_EQ(a->aspects[i].name.id, b->aspects[i].name.id);
    EXPECT_EQ(a->aspects[i].name.en, b->aspects[i].name.en);
    EXPECT_EQ(a->aspects[i].bobot_e2, b->aspects[i].bobot_e2);
  }

  const std::set<std::string> differing = {"permodalan.modal_sendiri_pinjaman_berisiko", "kap.risiko_pinjaman_bermasalah",
                                           "kap.cadangan_risiko"};
  ASSERT_EQ(a->components.size(), b->components.size());
  size_t seen_differing = 0;
  for (size_t i = 0; i < a->components.size(); ++i) {
    const Component& ca = a->components[i];
    const Component& cb = b->components[i];
    ASSERT_EQ(ca.id, cb.id);
    EXPECT_EQ(ca.aspect, cb.aspect) << ca.id;
    EXPECT_EQ(ca.aspect_index, cb.aspect_index) << ca.id;
    EXPECT_EQ(ca.name.id, cb.name.id) << ca.id;
    EXPECT_EQ(ca.name.en, cb.name.en) << ca.id;
    EXPECT_EQ(ca.kind, cb.kind) << ca.id;
    EXPECT_EQ(ca.bobot_e2, cb.bobot_e2) << ca.id;
    EXPECT_EQ(ca.source, cb.source) << ca.id;
    EXPECT_EQ(ca.confidence, cb.confidence) << ca.id;
    EXPECT_EQ(ca.numerator.text, cb.numerator.text) << ca.id;
    EXPECT_EQ(ca.denominator.text, cb.denominator.text) << ca.id;
    EXPECT_EQ(ca.zero.kode, cb.zero.kode) << ca.id;
    EXPECT_EQ(ca.zero.nilai_e2, cb.zero.nilai_e2) << ca.id;
    EXPECT_EQ(ca.zero.pesan.id, cb.zero.pesan.id) << ca.id;
    EXPECT_EQ(ca.answers_key, cb.answers_key) << ca.id;
    EXPECT_EQ(ca.points_per_yes_e6, cb.points_per_yes_e6) << ca.id;
    ASSERT_EQ(ca.items.size(), cb.items.size()) << ca.id;
    for (size_t k = 0; k < ca.items.size(); ++k) {
      EXPECT_EQ(ca.items[k].text.id, cb.items[k].text.id);
      EXPECT_EQ(ca.items[k].text.en, cb.items[k].text.en);
      EXPECT_EQ(ca.items[k].derivation.has_value(), cb.items[k].derivation.has_value());
    }
    if (differing.count(ca.id) != 0) {
      ++seen_differing;
      EXPECT_FALSE(ca.linear) << ca.id;
      EXPECT_FALSE(ca.bands.empty()) << ca.id;
      EXPECT_TRUE(cb.linear) << ca.id;
      EXPECT_TRUE(cb.bands.empty()) << ca.id;
      continue;
    }
    EXPECT_EQ(ca.note, cb.note) << ca.id;
    EXPECT_EQ(ca.linear, cb.linear) << ca.id;
    ASSERT_EQ(ca.bands.size(), cb.bands.size()) << ca.id;
    for (size_t k = 0; k < ca.bands.size(); ++k) {
      EXPECT_EQ(ca.bands[k].range.text, cb.bands[k].range.text) << ca.id;
      EXPECT_EQ(ca.bands[k].nilai_e2, cb.bands[k].nilai_e2) << ca.id;
    }
  }
  EXPECT_EQ(seen_differing, 3u);

  ASSERT_EQ(a->predikat.size(), b->predikat.size());
  for (size_t i = 0; i < a->predikat.size(); ++i) {
    EXPECT_EQ(a->predikat[i].label, b->predikat[i].label);
    EXPECT_EQ(a->predikat[i].has_min, b->predikat[i].has_min);
    EXPECT_EQ(a->predikat[i].min_e6, b->predikat[i].min_e6);
  }
}

TEST(LoaderEmbedded, LinearRulesOfTheVariant) {
  const Rulebook* rb = Embedded("ksp-2016-linear");
  ASSERT_NE(rb, nullptr);
  struct Want {
    const char* id;
    int64_t intercept, slope, min, max;
  };
  for (const Want& w : {Want{"permodalan.modal_sendiri_pinjaman_berisiko", 0, 100, 0, 10000},
                        Want{"kap.risiko_pinjaman_bermasalah", 10000, -200, 0, 10000},
                        Want{"kap.cadangan_risiko", 0, 100, 0, 10000}}) {
    const Component* c = rb->FindComponent(w.id);
    ASSERT_NE(c, nullptr) << w.id;
    EXPECT_TRUE(c->linear);
    EXPECT_EQ(c->linear_rule.intercept_e2, w.intercept) << w.id;
    EXPECT_EQ(c->linear_rule.slope_e2, w.slope) << w.id;
    EXPECT_EQ(c->linear_rule.min_e2, w.min) << w.id;
    EXPECT_EQ(c->linear_rule.max_e2, w.max) << w.id;
  }
}

TEST(LoaderEmbedded, BaseTextLoadsUnderAnotherOrigin) {
  const Loaded l = Load(BaseText());
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  EXPECT_TRUE(l.problems.empty());
  EXPECT_EQ(l.rb->origin, "test.toml");
  EXPECT_EQ(l.rb->components.size(), 22u);
}

// ---------------------------------------------------------------------------------------------------------------
// Interval::Contains

Interval MakeInterval(bool has_lo, Decimal lo, bool lo_inc, bool has_hi, Decimal hi, bool hi_inc) {
  Interval iv;
  iv.has_lo = has_lo;
  iv.lo = lo;
  iv.lo_inclusive = lo_inc;
  iv.has_hi = has_hi;
  iv.hi = hi;
  iv.hi_inclusive = hi_inc;
  return iv;
}

TEST(LoaderInterval, ClosedOpenEdges) {
  const Interval iv = MakeInterval(true, {20, 0}, true, true, {40, 0}, false);  // [20, 40)
  EXPECT_TRUE(iv.Contains(Pct(20, 1)));
  EXPECT_TRUE(iv.Contains(Pct(200, 10)));
  EXPECT_FALSE(iv.Contains(Pct(40, 1)));
  EXPECT_TRUE(iv.Contains(Pct(39999999, 1000000)));
  EXPECT_FALSE(iv.Contains(Pct(19999999, 1000000)));
  EXPECT_TRUE(iv.Contains(Pct(30, 1)));
}

TEST(LoaderInterval, OpenClosedEdges) {
  const Interval iv = MakeInterval(true, {10, 0}, false, true, {20, 0}, true);  // (10, 20]
  EXPECT_FALSE(iv.Contains(Pct(10, 1)));
  EXPECT_TRUE(iv.Contains(Pct(20, 1)));
  EXPECT_TRUE(iv.Contains(Pct(10000001, 1000000)));
  EXPECT_FALSE(iv.Contains(Pct(20000001, 1000000)));
}

TEST(LoaderInterval, InfiniteEnds) {
  const Interval below = MakeInterval(false, {}, false, true, {0, 0}, true);  // (-inf, 0]
  EXPECT_TRUE(below.Contains(Pct(0, 1)));
  EXPECT_TRUE(below.Contains(Pct(-1000000000, 1)));
  EXPECT_FALSE(below.Contains(Pct(1, 1000000000)));
  const Interval above = MakeInterval(true, {75, 1}, true, false, {}, false);  // [7.5, +inf)
  EXPECT_TRUE(above.Contains(Pct(15, 2)));
  EXPECT_FALSE(above.Contains(Pct(14999999, 2000000)));
  EXPECT_TRUE(above.Contains(Pct(1000000000, 1)));
  const Interval all = MakeInterval(false, {}, false, false, {}, false);
  EXPECT_TRUE(all.Contains(Pct(-5, 3)));
}

TEST(LoaderInterval, SinglePoint) {
  const Interval iv = MakeInterval(true, {0, 0}, true, true, {0, 2}, true);  // [0, 0.00]
  EXPECT_TRUE(iv.Contains(Pct(0, 7)));
  EXPECT_FALSE(iv.Contains(Pct(1, 1000000)));
  EXPECT_FALSE(iv.Contains(Pct(-1, 1000000)));
}

TEST(LoaderInterval, NegativeEdges) {
  const Interval iv = MakeInterval(true, {-45, 1}, false, true, {-1, 0}, false);  // (-4.5, -1)
  EXPECT_FALSE(iv.Contains(Pct(-9, 2)));
  EXPECT_TRUE(iv.Contains(Pct(-2, 1)));
  EXPECT_FALSE(iv.Contains(Pct(-1, 1)));
  EXPECT_FALSE(iv.Contains(Pct(0, 1)));
}

// ---------------------------------------------------------------------------------------------------------------
// Rejections. Each edits the base text and expects the problem at "test.toml:<line of the edit>".

TEST(LoaderReject, MalformedTomlUnterminatedString) {
  const std::string text =
      Replace(BaseText(), "nama_en = \"Earning-asset quality\"", "nama_en = \"Earning-asset quality");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "nama_en = \"Earning-asset quality"), "TOML tidak sah"));
  EXPECT_EQ(l.problems.size(), 1u);
}

TEST(LoaderReject, MalformedTomlDuplicateKey) {
  const std::string text =
      Replace(BaseText(), "nama_en = \"Efficiency\"\nbobot = 10\n", "nama_en = \"Efficiency\"\nbobot = 10\nbobot = 11\n");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "bobot = 11"), "TOML tidak sah"));
}

TEST(LoaderReject, MalformedTomlBadValue) {
  const std::string text = Replace(BaseText(), "nama_en = \"Liquidity\"\nbobot = 15\n", "nama_en = \"Liquidity\"\nbobot = = 15\n");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "bobot = = 15"), "TOML tidak sah"));
}

TEST(LoaderReject, OverlappingBands) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[6, 8)\", nilai = 75 }", "{ rentang = \"[5, 8)\", nilai = 75 }");
  const Loaded l = Load(text);
  const int line = LineOf(text, "\"[5, 8)\"");
  EXPECT_TRUE(HasProblem(l, line, "tumpang tindih"));
  EXPECT_TRUE(HasProblem(l, line, "komponen.permodalan.kecukupan_modal: rentang [4, 6) dan [5, 8) tumpang tindih"));
}

TEST(LoaderReject, OverlappingBandsAtSharedInclusiveEdge) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6]\", nilai = 50 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "\"[6, 8)\""), "rentang [4, 6] dan [6, 8) tumpang tindih"));
}

TEST(LoaderReject, DuplicateBandOverlaps) {
  const std::string text = Replace(BaseText(), "  { rentang = \"[6, 8)\", nilai = 75 },\n",
                                   "  { rentang = \"[6, 8)\", nilai = 75 },\n  { rentang = \"[6, 8)\", nilai = 70 },\n");
  const Loaded l = Load(text);
  ASSERT_EQ(l.rb, nullptr);
  bool found = false;
  for (const Problem& p : l.problems.items()) found = found || p.pesan.find("[6, 8) dan [6, 8) tumpang tindih") != std::string::npos;
  EXPECT_TRUE(found) << AllProblems(l.problems);
}

TEST(LoaderReject, GapBetweenBandsAtOpenEdges) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[6, 8)\", nilai = 75 }", "{ rentang = \"(6, 8)\", nilai = 75 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "\"(6, 8)\""), "ada celah di antara rentang [4, 6) dan (6, 8)"));
}

TEST(LoaderReject, GapBetweenBands) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[6, 8)\", nilai = 75 }", "{ rentang = \"[6.5, 8)\", nilai = 75 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "\"[6.5, 8)\""), "celah di antara rentang [4, 6) dan [6.5, 8)"));
}

TEST(LoaderReject, TableNotReachingPlusInfinity) {
  const std::string text =
      Replace(BaseText(), "{ rentang = \"[8, +inf)\", nilai = 100 }", "{ rentang = \"[8, 1000)\", nilai = 100 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "\"[8, 1000)\""), "tidak mencakup rasio di atas [8, 1000)"));
}

TEST(LoaderReject, TableNotReachingMinusInfinity) {
  const std::string text = Replace(BaseText(), "{ rentang = \"(-inf, 4)\", nilai = 0 }", "{ rentang = \"[0, 4)\", nilai = 0 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "\"[0, 4)\""), "tidak mencakup rasio di bawah [0, 4)"));
}

TEST(LoaderReject, InvalidIntervalText) {
  for (const char* bad : {"[8, +inf]", "[-inf, 4)", "[6, 4)", "(4, 4]", "6 - 8", "[a, 8)"}) {
    const std::string text =
        Replace(BaseText(), "{ rentang = \"[6, 8)\", nilai = 75 }", std::string("{ rentang = \"") + bad + "\", nilai = 75 }");
    const Loaded l = Load(text);
    EXPECT_TRUE(HasProblem(l, LineOf(text, std::string("\"") + bad + "\""), std::string("rentang '") + bad + "' tidak sah"))
        << bad;
  }
}

TEST(LoaderReject, AspectWeightsNotSummingTo100) {
  std::string text = Replace(BaseText(), "nama_en = \"Cooperative identity\"\nbobot = 10\n",
                             "nama_en = \"Cooperative identity\"\nbobot = 11\n");
  text = Replace(text, "penyebut = \"simpanan_anggota\"\nbobot = 3\n", "penyebut = \"simpanan_anggota\"\nbobot = 4\n");
  const Loaded l = Load(text);
  // Reported at the [[aspek]] array, which starts at the first [[aspek]].
  const int line = LineOf(text, "[[aspek]]");
  EXPECT_TRUE(HasProblem(l, line, "jumlah bobot semua aspek 101, harus 100"));
  EXPECT_EQ(l.problems.size(), 1u) << AllProblems(l.problems);
}

TEST(LoaderReject, ComponentWeightsNotMatchingAspect) {
  const std::string text = Replace(BaseText(), "penyebut = \"atmr\"\nbobot = 3\n", "penyebut = \"atmr\"\nbobot = 4\n");
  const Loaded l = Load(text);
  const int line = LineOf(text, "[[aspek]]");
  EXPECT_TRUE(HasProblem(l, line, "aspek permodalan: jumlah bobot komponennya 16, bukan 15"));
}

TEST(LoaderReject, ComponentWeightsMovedBetweenAspects) {
  // Totals stay 100 but two aspects are off: one component point moved from kap to permodalan.
  std::string text = Replace(BaseText(), "penyebut = \"atmr\"\nbobot = 3\n", "penyebut = \"atmr\"\nbobot = 4\n");
  text = Replace(text, "penyebut = \"pinjaman.volume_total\"\nbobot = 10\n", "penyebut = \"pinjaman.volume_total\"\nbobot = 9\n");
  const Loaded l = Load(text);
  const int line = LineOf(text, "[[aspek]]");
  EXPECT_TRUE(HasProblem(l, line, "aspek permodalan: jumlah bobot komponennya 16, bukan 15"));
  EXPECT_TRUE(HasProblem(l, line, "aspek kap: jumlah bobot komponennya 24, bukan 25"));
  EXPECT_EQ(l.problems.size(), 2u) << AllProblems(l.problems);
}

TEST(LoaderReject, ChecklistPointsTimesItemsNotBobot) {
  const std::string text = Replace(BaseText(), "poin_per_ya = \"0.25\"", "poin_per_ya = \"0.2\"");
  const Loaded l = Load(text);
  const int line = HeaderLineBefore(text, "[[komponen]]", "id = \"manajemen.umum\"");
  EXPECT_TRUE(HasProblem(l, line, "komponen.manajemen.umum: 12 butir × poin_per_ya = 2.4, tidak sama dengan bobot 3"));
}

TEST(LoaderReject, ChecklistItemRemoved) {
  const std::string text = Replace(
      BaseText(),
      "  { teks = \"Kegiatan dijalankan sesuai SOM dan SOP.\", teks_en = \"Activities follow the SOM and SOP.\" },\n", "");
  const Loaded l = Load(text);
  const int line = HeaderLineBefore(text, "[[komponen]]", "id = \"manajemen.kelembagaan\"");
  EXPECT_TRUE(HasProblem(l, line, "5 butir × poin_per_ya = 2.5, tidak sama dengan bobot 3"));
}

TEST(LoaderReject, UnknownKeyWithSuggestion) {
  const std::string text = Replace(BaseText(), "catatan = \"Bentuk U terbalik", "catatn = \"Bentuk U terbalik");
  const Loaded l = Load(text);
  const int line = LineOf(text, "catatn = ");
  EXPECT_TRUE(HasProblem(l, line, "kunci tidak dikenal 'catatn'"));
  EXPECT_TRUE(HasProblem(l, line, "(maksudnya 'catatan'?)"));
  EXPECT_EQ(l.problems.size(), 1u) << AllProblems(l.problems);
}

TEST(LoaderReject, UnknownKeyInBandWithSuggestion) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[6, 8)\", nilai = 75 }", "{ rentang = \"[6, 8)\", nilia = 75 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "nilia = 75"), "'nilia' di komponen.permodalan.kecukupan_modal.nilai (maksudnya 'nilai'?)"));
}

TEST(LoaderReject, UnknownKeyWithoutSuggestion) {
  const std::string text = Replace(BaseText(), "versi = \"1\"\n", "versi = \"1\"\nzzzzzzzz = 1\n");
  const Loaded l = Load(text);
  const int line = LineOf(text, "zzzzzzzz");
  EXPECT_TRUE(HasProblem(l, line, "kunci tidak dikenal 'zzzzzzzz' di rulebook"));
  for (const Problem& p : l.problems.items()) EXPECT_EQ(p.pesan.find("maksudnya"), std::string::npos) << p.pesan;
}

TEST(LoaderReject, UnknownLaporanLineInQuantity) {
  const std::string text =
      Replace(BaseText(), "rumus = \"neraca.kas + neraca.bank\"", "rumus = \"neraca.kas + neraca.bnk\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "neraca.bnk"), "besaran.kas_dan_bank.rumus"));
  EXPECT_TRUE(HasProblem(l, LineOf(text, "neraca.bnk"), "'neraca.bnk' bukan baris laporan"));
}

TEST(LoaderReject, UnknownLaporanLineInComponent) {
  const std::string text =
      Replace(BaseText(), "pembilang = \"pinjaman.volume_anggota\"", "pembilang = \"pinjaman.volume_anggotaa\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "volume_anggotaa"), "komponen.kap.pinjaman_anggota.pembilang"));
  EXPECT_TRUE(HasProblem(l, LineOf(text, "volume_anggotaa"), "'pinjaman.volume_anggotaa'"));
  EXPECT_EQ(l.problems.size(), 1u) << AllProblems(l.problems);
}

TEST(LoaderReject, QuantityUsedBeforeDefinition) {
  // total_aset uses pinjaman_diberikan; moving the reference into pinjaman_diberikan itself (defined first) fails.
  const std::string text = Replace(BaseText(), "rumus = \"neraca.pinjaman_anggota + neraca.pinjaman_non_anggota\"",
                                   "rumus = \"neraca.pinjaman_anggota + kas_dan_bank\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "+ kas_dan_bank\""), "'kas_dan_bank' bukan baris laporan atau besaran"));
}

TEST(LoaderReject, PredikatNotDescending) {
  const std::string text = Replace(BaseText(), "minimal = 66\n", "minimal = 85\n");
  const Loaded l = Load(text);
  const int line = HeaderLineBefore(text, "[[predikat]]", "minimal = 85");
  EXPECT_TRUE(HasProblem(l, line, "predikat.CUKUP SEHAT: predikat harus berurutan"));
}

TEST(LoaderReject, PredikatEqualMinimum) {
  const std::string text = Replace(BaseText(), "minimal = 51\n", "minimal = 66\n");
  const Loaded l = Load(text);
  const int line = HeaderLineBefore(text, "[[predikat]]", "label = \"DALAM PENGAWASAN\"\n");
  EXPECT_TRUE(HasProblem(l, line, "predikat.DALAM PENGAWASAN: predikat harus berurutan"));
}

TEST(LoaderReject, LastPredikatWithMinimum) {
  const std::string text =
      Replace(BaseText(), "[[predikat]]\nlabel = \"DALAM PENGAWASAN KHUSUS\"", "[[predikat]]\nminimal = 10\nlabel = \"DALAM PENGAWASAN KHUSUS\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "[[predikat]]"), "predikat terakhir tidak boleh punya 'minimal'"));
}

TEST(LoaderReject, NilaiAboveHundred) {
  const std::string text =
      Replace(BaseText(), "{ rentang = \"[8, +inf)\", nilai = 100 }", "{ rentang = \"[8, +inf)\", nilai = 100.01 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "100.01"), "nilai harus di antara 0 dan 100"));
}

TEST(LoaderReject, NilaiNegative) {
  const std::string text = Replace(BaseText(), "{ rentang = \"(-inf, 4)\", nilai = 0 }", "{ rentang = \"(-inf, 4)\", nilai = -1 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "nilai = -1 }"), "nilai harus di antara 0 dan 100"));
}

TEST(LoaderReject, ZeroDenominatorNilaiAboveHundred) {
  const std::string text = Replace(BaseText(), "penyebut_nol = { nilai = 100, kode = \"rpm_nol\"",
                                   "penyebut_nol = { nilai = 101, kode = \"rpm_nol\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "nilai = 101"), "penyebut_nol.nilai harus di antara 0 dan 100"));
}

TEST(LoaderReject, NilaiWithThreeDecimals) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6)\", nilai = 62.125 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "62.125"), "paling banyak 2 desimal"));
}

TEST(LoaderReject, FloatWithExponent) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6)\", nilai = 5.0e1 }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "5.0e1"), "'5.0e1' bukan angka desimal biasa"));
}

TEST(LoaderReject, UnknownAspectOfComponent) {
  const std::string text = Replace(BaseText(), "id = \"permodalan.kecukupan_modal\"\naspek = \"permodalan\"",
                                   "id = \"permodalan.kecukupan_modal\"\naspek = \"permodal\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "aspek = \"permodal\""), "aspek 'permodal' tidak didefinisikan"));
}

TEST(LoaderReject, DuplicateId) {
  const std::string text = Replace(BaseText(), "id = \"kas_dan_bank\"", "id = \"total_aset\"");
  const Loaded l = Load(text);
  const int line = HeaderLineBefore(text, "[[besaran]]", "id = \"total_aset\"\nnama = \"Kas dan bank\"");
  EXPECT_TRUE(HasProblem(l, line, "id 'total_aset' dipakai dua kali"));
}

TEST(LoaderReject, BadKeyakinanAndJenis) {
  std::string text = Replace(BaseText(), "bobot pengakuan modal menurut kertas kerja ATMR KSP yang diterbitkan\"\nkeyakinan = \"sedang\"",
                             "bobot pengakuan modal menurut kertas kerja ATMR KSP yang diterbitkan\"\nkeyakinan = \"pasti\"");
  text = Replace(text, "id = \"manajemen.likuiditas\"\naspek = \"manajemen\"\njenis = \"daftar_periksa\"",
                 "id = \"manajemen.likuiditas\"\naspek = \"manajemen\"\njenis = \"daftar\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "keyakinan = \"pasti\""), "keyakinan harus tinggi, sedang atau rendah"));
  EXPECT_TRUE(HasProblem(l, LineOf(text, "jenis = \"daftar\""), "jenis harus 'rasio' atau 'daftar_periksa'"));
}

TEST(LoaderReject, UnknownFormat) {
  const std::string text = Replace(BaseText(), "format = \"kopsehat/rulebook-v1\"", "format = \"kopsehat/rulebook-v2\"");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "rulebook-v2"), "format 'kopsehat/rulebook-v2' tidak dikenal"));
}

TEST(LoaderReject, BothBandsAndLinear) {
  const std::string text = Replace(BaseText(), "penyebut = \"atmr\"\nbobot = 3\n",
                                   "penyebut = \"atmr\"\nlinear = { konstanta = 0, kemiringan = 1, minimum = 0, maksimum = 100 }\nbobot = 3\n");
  const Loaded l = Load(text);
  const int line = HeaderLineBefore(text, "[[komponen]]", "id = \"permodalan.kecukupan_modal\"");
  EXPECT_TRUE(HasProblem(l, line, "tulis tepat satu dari 'nilai'"));
}

TEST(LoaderReject, TooLarge) {
  std::string text = BaseText();
  text.append(kMaxRulebookBytes, '#');
  Problems problems;
  EXPECT_EQ(LoadRulebook(text, "big.toml", &problems), nullptr);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.items()[0].path, "big.toml");
  EXPECT_NE(problems.items()[0].pesan.find("1 MiB"), std::string::npos);
}

TEST(LoaderReject, MissingFile) {
  Problems problems;
  EXPECT_EQ(LoadRulebookFile("/nonexistent/dir/rules.toml", &problems), nullptr);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.items()[0].code, "berkas_tidak_terbaca");
}

// ---------------------------------------------------------------------------------------------------------------
// TOML floats are read exactly from the source text

TEST(LoaderExact, FloatBobotExact) {
  // 2.3 + 6.7 as doubles is not guaranteed to be 9; read from the text it is exactly 9.00.
  std::string text = Replace(BaseText(), "penyebut = \"atmr\"\nbobot = 3\n", "penyebut = \"atmr\"\nbobot = 2.3\n");
  text = Replace(text, "penyebut = \"total_aset\"\nbobot = 6\n", "penyebut = \"total_aset\"\nbobot = 6.7\n");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  EXPECT_EQ(l.rb->FindComponent("permodalan.kecukupan_modal")->bobot_e2, 230);
  EXPECT_EQ(l.rb->FindComponent("permodalan.modal_sendiri_total_aset")->bobot_e2, 670);
}

TEST(LoaderExact, BobotWithTrailingZero) {
  std::string text = Replace(BaseText(), "penyebut = \"atmr\"\nbobot = 3\n", "penyebut = \"atmr\"\nbobot = 2.50\n");
  text = Replace(text, "penyebut = \"total_aset\"\nbobot = 6\n", "penyebut = \"total_aset\"\nbobot = 6.50\n");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  EXPECT_EQ(l.rb->FindComponent("permodalan.kecukupan_modal")->bobot_e2, 250);
  EXPECT_EQ(l.rb->FindComponent("permodalan.modal_sendiri_total_aset")->bobot_e2, 650);
}

TEST(LoaderExact, FloatBobotNotSummingIsRejectedExactly) {
  // 2.3 + 6.71 = 9.01, not 9: a float tolerance would accept it.
  std::string text = Replace(BaseText(), "penyebut = \"atmr\"\nbobot = 3\n", "penyebut = \"atmr\"\nbobot = 2.3\n");
  text = Replace(text, "penyebut = \"total_aset\"\nbobot = 6\n", "penyebut = \"total_aset\"\nbobot = 6.71\n");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "[[aspek]]"), "aspek permodalan: jumlah bobot komponennya 15.01, bukan 15"));
}

TEST(LoaderExact, FloatBandNilai) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6)\", nilai = 62.5 }");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  const Component* c = l.rb->FindComponent("permodalan.kecukupan_modal");
  ASSERT_EQ(c->bands.size(), 4u);
  EXPECT_EQ(c->bands[1].range.text, "[4, 6)");
  EXPECT_EQ(c->bands[1].nilai_e2, 6250);
}

TEST(LoaderExact, FloatBandEdgesInRangeText) {
  std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6.05)\", nilai = 50 }");
  text = Replace(text, "{ rentang = \"[6, 8)\", nilai = 75 }", "{ rentang = \"[6.050, 8)\", nilai = 75 }");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  const Component* c = l.rb->FindComponent("permodalan.kecukupan_modal");
  ASSERT_EQ(c->bands.size(), 4u);
  EXPECT_EQ(c->bands[1].range.text, "[4, 6.05)");
  EXPECT_EQ(c->bands[2].range.text, "[6.05, 8)");
  EXPECT_FALSE(c->bands[1].range.Contains(Pct(605, 100)));
  EXPECT_TRUE(c->bands[2].range.Contains(Pct(605, 100)));
  EXPECT_TRUE(c->bands[1].range.Contains(Pct(6049999, 1000000)));
}

TEST(LoaderExact, FloatPredikatAndPoints) {
  std::string text = Replace(BaseText(), "minimal = 66\n", "minimal = 66.5\n");
  text = Replace(text, "poin_per_ya = \"0.25\"", "poin_per_ya = 0.25");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  EXPECT_EQ(l.rb->predikat[1].min_e6, 66500000);
  EXPECT_EQ(l.rb->FindComponent("manajemen.umum")->points_per_yes_e6, 250000);
}

TEST(LoaderExact, FloatAfterNonAsciiTextOnSameLine) {
  // The number's column must be counted in code points: "—", "×" and "«»" are multi-byte in UTF-8.
  const std::string text = Replace(
      BaseText(),
      "penyebut_nol = { nilai = 100, kode = \"tanpa_pinjaman_berisiko\", pesan = \"Tidak ada pinjaman berisiko: dinilai "
      "100 (asumsi A.3, tidak dibahas sumber mana pun).\",",
      "penyebut_nol = { kode = \"tanpa_pinjaman_berisiko\", pesan = \"Tidak ada — dinilai × «asumsi»\", nilai = 99.5,");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  const Component* c = l.rb->FindComponent("permodalan.modal_sendiri_pinjaman_berisiko");
  EXPECT_EQ(c->zero.nilai_e2, 9950);
  EXPECT_EQ(c->zero.pesan.id, "Tidak ada — dinilai × «asumsi»");
}

TEST(LoaderExact, FloatWithSignAndUnderscores) {
  std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6)\", nilai = +6_2.2_5 }");
  text = Replace(text, "{ rentang = \"[6, 8)\", nilai = 75 }", "{ rentang = \"[6, 8)\", nilai = 7_5 }");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  const Component* c = l.rb->FindComponent("permodalan.kecukupan_modal");
  ASSERT_EQ(c->bands.size(), 4u);
  EXPECT_EQ(c->bands[1].nilai_e2, 6225);
  EXPECT_EQ(c->bands[2].nilai_e2, 7500);
}

TEST(LoaderReject, NanAndInfNilai) {
  for (const char* bad : {"nan", "inf", "-inf"}) {
    const std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }",
                                     std::string("{ rentang = \"[4, 6)\", nilai = ") + bad + " }");
    const Loaded l = Load(text);
    EXPECT_TRUE(HasProblem(l, LineOf(text, std::string("nilai = ") + bad + " }"), "bukan angka desimal biasa")) << bad;
  }
}

TEST(LoaderReject, NilaiAsBooleanIsNotANumber) {
  const std::string text = Replace(BaseText(), "{ rentang = \"[4, 6)\", nilai = 50 }", "{ rentang = \"[4, 6)\", nilai = true }");
  const Loaded l = Load(text);
  EXPECT_TRUE(HasProblem(l, LineOf(text, "nilai = true"), "harus berupa angka"));
}

TEST(LoaderExact, BandsOutOfOrderAreSorted) {
  const std::string text = Replace(BaseText(),
                                   "  { rentang = \"(-inf, 4)\", nilai = 0 },\n  { rentang = \"[4, 6)\", nilai = 50 },\n",
                                   "  { rentang = \"[4, 6)\", nilai = 50 },\n  { rentang = \"(-inf, 4)\", nilai = 0 },\n");
  const Loaded l = Load(text);
  ASSERT_NE(l.rb, nullptr) << AllProblems(l.problems);
  const Component* c = l.rb->FindComponent("permodalan.kecukupan_modal");
  ASSERT_EQ(c->bands.size(), 4u);
  EXPECT_EQ(c->bands[0].range.text, "(-inf, 4)");
  EXPECT_EQ(c->bands[0].nilai_e2, 0);
  EXPECT_EQ(c->bands[1].range.text, "[4, 6)");
  EXPECT_EQ(c->bands[1].nilai_e2, 5000);
}

}  // namespace
}  // namespace kopsehat
