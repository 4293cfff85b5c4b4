// plan/limits.h — the realistic limits a plan is made within (issue 17): the action book's defaults (aksi-v2
// `batas_tahunan` per action, `[[lantai]]` floors for the plan as a whole), each perhaps overridden by the
// cooperative (a kopsehat/batas-v1 file, the web limits form), and what they allow on a given laporan, exactly.
// Generic over actions: any planner over an ActionBook (ksp-2016 today, KKPKK later) reads the same limits.
// Depends on plan/actions.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/fraction.h"
#include "plan/actions.h"

namespace kopsehat {

// One limit in force: a share limit on an action, or a floor.
struct LimitUse {
  std::string id;                     // the action's id, or the floor's
  const Action* action = nullptr;     // a share limit (action->yearly holds its base and default)
  const FloorLimit* floor = nullptr;  // or a floor
  Decimal default_pct;                // the action book's
  Decimal pct;                        // in force (the cooperative's when overridden)
  bool overridden = false;
  std::string note;  // the cooperative's own reason for its value (batas-v1 `alasan`), may be empty

  bool IsFloor() const { return floor != nullptr; }
  const Label& Name() const { return floor != nullptr ? floor->name : action->name; }
  const Label& Reason() const { return floor != nullptr ? floor->reason : action->yearly->reason; }
  const LinearForm& Base() const { return floor != nullptr ? floor->base : action->yearly->base; }
};

// The limits of a plan, in the action book's order (actions first, then floors). Empty: no realistic limits, only
// the actions' own bounds (an aksi-v1 book, or a deliberate "unlimited" comparison).
struct Limits {
  std::vector<LimitUse> items;
  const LimitUse* ForAction(std::string_view action_id) const;  // its share limit, or null
  LimitUse* Find(std::string_view id);
  const LimitUse* Find(std::string_view id) const;
};

// The action book's default limits.
Limits DefaultLimits(const ActionBook& book);

// The most a --batas file may hold; the most limits it may name.
inline constexpr size_t kMaxLimitFileBytes = 64 * 1024;
inline constexpr size_t kMaxLimitOverrides = 200;

// Reads a kopsehat/batas-v1 file over `limits` (which start as the defaults):
//   format = "kopsehat/batas-v1"
//   [tagih_macet]            # an action id or a floor id
//   persen = "40"            # exact, 0..100
//   alasan = "..."           # optional: the cooperative's reason
// Every problem is collected, each naming its field ("tagih_macet.persen"). False (limits unchanged) when any.
// kopsehat/batas-v2 is v1 plus an optional [hari_orang] table (the person-days of checklist items, read by
// ApplyPersonDaysFile in plan/effort.h); this function skips that table in v2 and refuses it in v1.
bool ApplyLimitFile(std::string_view text, const std::string& origin, Limits* limits, Problems* problems);

// The section of a kopsehat/batas-v2 file holding person-days per checklist.
inline constexpr const char* kPersonDaysSection = "hari_orang";

// Sets one limit by id to a percentage written by a person ("40", "12,5"), as the web form does. False with a
// problem naming the field when the id is unknown or the value is not a percentage 0..100.
bool SetLimit(const std::string& id, const std::string& pct_text, Limits* limits, Problems* problems);

// percent% of `value` (sen), exactly.
Fraction PercentOf(const Decimal& pct, const Fraction& value);

// A share limit's largest amount on the laporan before the plan: pct% of its base, rounded down to whole rupiah
// (plans move whole rupiah), never below 0.
Sen ShareCap(const LimitUse& limit, const Statements& before);

// A floor on statements s: kept − pct% × base, in sen (>= 0 when s is at or above the floor).
Fraction FloorSlack(const LimitUse& floor, const Statements& s);
// The floor's own level on s: pct% × base, in sen.
Fraction FloorLevel(const LimitUse& floor, const Statements& s);

// Whether `after` keeps the floor, given where the plan started: slack >= 0, or, when it started below, no lower.
bool FloorKept(const LimitUse& floor, const Statements& before, const Statements& after);

// How much of a limit a step uses, in percent rounded half up to whole percent; `cap` > 0.
int64_t UsedPercent(Sen amount, Sen cap);

// A limit's percentage as people write it: "25", "12,5" (id) / "12.5" (en); plain "12.5" for files.
std::string FormatLimitPercent(const Decimal& pct, Lang lang);
std::string PlainLimitPercent(const Decimal& pct);

}  // namespace kopsehat
