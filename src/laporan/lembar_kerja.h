// laporan/lembar_kerja.h — what an examiner's "Sistem Input" workbook (KKPKK 2021, KUK I dan II) says about its own
// laporan: the results it cached (nilai per indicator, aspect percentages, final score and predikat) and what the
// reader noticed on the way in (amounts rounded to the sen, amortisation lines the workbook adds). Filled by
// interchange/sistem_input_reader.h, compared with an Assessment by report/lembar_kerja_report.h. Plain data, no
// I/O. Depends on core/ only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"

namespace kopsehat {

// One cached result cell. `present` is false when the cell is empty, a formula without a cached value, an error or
// not a number; the comparison then skips it (and says so).
struct CachedNilai {
  std::string component;  // our rulebook component id, "kinerja_keuangan.npl"
  std::string cell;       // "K!D28"
  bool present = false;
  int nilai = 0;  // 1..4 when present
};

struct CachedPersen {
  std::string id;    // aspect id ("kinerja_keuangan") or "total"
  std::string cell;  // "K!E72", "OP!F46"
  bool present = false;
  Decimal pct;  // exactly as cached (a double's decimal text), e.g. 81.890756302521
};

inline constexpr size_t kMaxRoundedCellsListed = 20;  // cells named one by one; the rest are counted

struct SistemInputCache {
  std::vector<CachedNilai> nilai;   // the 60 scored indicators of KUK I–II, in rulebook order
  std::vector<CachedPersen> persen;  // the four aspects in rulebook order, then "total"
  std::string predikat;              // OP!G46 as cached ("SEHAT"); empty when absent
  // Input cells holding fractions of a sen (the workbook computes with doubles): rounded half up to the sen.
  size_t rounded_cells = 0;
  std::vector<std::string> rounded_cell_refs;  // the first kMaxRoundedCellsListed, "Input!D214"
  // Amortisation lines (Input rows 205–211 labelled "amortisasi"), current year: the workbook adds them to other
  // assets (its BS!D62) where the laporan subtracts them.
  Sen amortisasi_sen = 0;
};

}  // namespace kopsehat
