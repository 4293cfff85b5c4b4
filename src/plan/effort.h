// plan/effort.h — checklist items as plan actions (issue 17): turning a "Tidak" into "Ya" takes work, counted in
// person-days per item, a default per checklist kept as data beside the actions (rules/upaya-kkpkk.toml, format
// kopsehat/upaya-v1), with a short description of what it takes. One person-day is worth `day_value_sen` weighted
// rupiah, so the planner can weigh a governance fix against collecting a loan on one scale. Items a person cannot
// change by work (facts of the period, items the statements answer) are not actions. Depends on rules/, core/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "assess/assessment.h"
#include "core/money.h"
#include "core/problems.h"
#include "laporan/laporan.h"
#include "rules/rulebook.h"

namespace kopsehat {

// The work one checklist's items take.
struct ChecklistEffort {
  std::string component;      // the checklist component's id in the method's rulebook
  int64_t person_days = 0;    // per item turned from "Tidak" to "Ya", 1..kMaxPersonDays
  Label task;                 // upaya / upaya_en: what it takes, in a sentence
  std::vector<int> fixed;     // butir_tetap: 1-based items work cannot change (shown, never planned)
  std::string note;           // the cooperative's own reason when overridden (may be empty)
  int64_t default_person_days = 0;
  bool overridden = false;
};

struct EffortBook {
  std::string format;   // "kopsehat/upaya-v1"
  std::string method;   // metode: the rulebook id it belongs to ("kkpkk-2021")
  Sen day_value_sen = 0;  // nilai_hari_orang: one person-day in weighted rupiah (whole rupiah, as sen)
  Label day_value_reason;
  std::vector<ChecklistEffort> checklists;
  const ChecklistEffort* Find(std::string_view component) const;
  ChecklistEffort* Find(std::string_view component);
};

inline constexpr int64_t kMaxPersonDays = 365;
inline constexpr Sen kMaxDayValueSen = Sen(1'000'000'000) * 100;  // Rp 1 miliar a day: far above any wage
inline constexpr size_t kMaxEffortBookBytes = 256 * 1024;

// Loads and validates an effort book: format, metode, nilai_hari_orang (whole rupiah, 1..Rp 1 miliar), each
// checklist once with hari_orang (whole days 1..365), upaya in both languages and butir_tetap (distinct, >= 1).
// Null with every problem ("file:line: reason") when invalid.
std::unique_ptr<EffortBook> LoadEffortBook(std::string_view toml_text, const std::string& origin, Problems* problems);

// Checks a book against the rulebook it is used with: every komponen a checklist of it, every fixed item within
// its list. Problems name the entry ("daftar_periksa[3].komponen"). False when any.
bool CheckEffortBook(const EffortBook& book, const Rulebook& rulebook, Problems* problems);

// The items of an assessed checklist that work can change, 0-based in list order: answered "Tidak", not a fixed item
// of `effort`, not answered by the statements (a derived item follows the figures, not the work). The planner and
// what-if both take their checklist steps from here.
std::vector<int> WorkableItems(const ComponentResult& r, const ChecklistEffort& effort);

// Turns `items` (0-based) of checklist component `c` to "Ya" in the laporan's answers. False when the laporan has
// no such list or an item lies beyond it.
bool TurnToYes(const Component& c, const std::vector<int>& items, Laporan* laporan);

// The effort book compiled into the binary for a method id ("kkpkk-2021"), or null when the method has none. Null
// with problems only if the embedded file is broken (a build error the tests catch).
const EffortBook* EmbeddedEffortBook(std::string_view method_id, Problems* problems);

// Sets one checklist's person-days from text a person wrote ("3"), as a limits file or the web form does. False
// with a problem naming the field when the component is unknown or the value is not a whole number 1..365.
bool SetPersonDays(const std::string& component, const std::string& text, EffortBook* book, Problems* problems);

// The [hari_orang] table of a kopsehat/batas-v2 limits file over `book`: "komponen" = whole days (1..365), each
// named in its problem ("hari_orang.tata_kelola.pendidikan"). A v1 file or one without the table changes nothing.
// False (book unchanged) when any entry is wrong; the rest of the file is ApplyLimitFile's (plan/limits.h).
bool ApplyPersonDaysFile(std::string_view text, const std::string& origin, EffortBook* book, Problems* problems);

}  // namespace kopsehat
