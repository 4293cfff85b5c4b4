// assess/test_laporan.h — building Laporan values directly in tests (no reader): a blank laporan with a complete
// ksp-2016 checklist of 'tidak', and setting one line. Shared by the engine's tests; not part of the library.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "laporan/laporan.h"

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
  l.manajemen = {Answers("umum", std::vector<bool>(12, false)), Answers("kelembagaan", std::vector<bool>(6, false)),
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

}  // namespace kopsehat::testing
