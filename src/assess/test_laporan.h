// assess/test_laporan.h — building Laporan values directly in tests (no reader): a blank laporan with a complete
// ksp-2016 checklist of 'tidak', and setting one line; then assessing it with an embedded rulebook and looking up a
// component or quantity of the result. Shared by the engine's tests; not part of the library.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "assess/assessment.h"
#include "core/fraction.h"
#include "laporan/laporan.h"
#include "rules/loader.h"

namespace kopsehat::testing {

inline ChecklistAnswers Answers(const char* key, std::vector<bool> answers) {
  ChecklistAnswers c;
  c.key = key;
  c.given = answers.size();
  c.answers = std::move(answers);
  return c;
}

// All lines zero, the five ksp-2016 checklists present and answered 'tidak'.
inline Laporan Blank() {
  Laporan l;
  l.has_manajemen = true;
  l.checklists = {Answers("umum", std::vector<bool>(12, false)), Answers("kelembagaan", std::vector<bool>(6, false)),
                 Answers("permodalan", std::vector<bool>(5, false)), Answers("aktiva", std::vector<bool>(10, false)),
                 Answers("likuiditas", std::vector<bool>(5, false))};
  return l;
}

// Sets this year's line `path` ("neraca.kas") to `v` sen.
inline void Set(Laporan* l, std::string_view path, Sen v) {
  const int i = FindLine(path);
  if (i < 0) throw std::invalid_argument("unknown line " + std::string(path));
  l->current.sen[size_t(i)] = v;
  l->current.present.set(size_t(i));
}

// The embedded rulebook `id` ("ksp-2016"); throws when there is none.
inline const Rulebook& Book(const char* id) {
  Problems p;
  const Rulebook* rb = EmbeddedRulebookById(id, &p);
  if (rb == nullptr) throw std::runtime_error(std::string("no embedded rulebook ") + id + ": " + p.Render(Lang::kEn));
  return *rb;
}

// `l` assessed with embedded rulebook `rulebook_id`; a failed evaluation fails the test.
inline Assessment Assess(const Laporan& l, const char* rulebook_id = "ksp-2016") {
  Problems p;
  Assessment a;
  if (!Evaluate(l, Book(rulebook_id), EvaluateOptions{}, &a, &p)) {
    ADD_FAILURE() << "Evaluate failed: " << p.Render(Lang::kEn);
  }
  return a;
}

// The result of component `id`; throws when the assessment has none.
inline const ComponentResult& Comp(const Assessment& a, std::string_view id) {
  for (const ComponentResult& r : a.components) {
    if (r.spec != nullptr && r.spec->id == id) return r;
  }
  throw std::runtime_error("component not in assessment: " + std::string(id));
}

// The value in sen of rulebook quantity `id`; throws when the rulebook has none.
inline const Fraction& Quantity(const Assessment& a, std::string_view id) {
  for (size_t i = 0; i < a.rulebook->quantities.size(); ++i) {
    if (a.rulebook->quantities[i].id == id) return a.quantities_sen.at(i);
  }
  throw std::runtime_error("quantity not in rulebook: " + std::string(id));
}

}  // namespace kopsehat::testing
