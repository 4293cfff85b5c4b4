// plan/actions.h — improvement actions as data: balanced transactions over statement lines, each with bounds, a cost
// weight and a default one-year limit (rules/aksi-ksp.toml, format kopsehat/aksi-v2; kopsehat/aksi-v1 files still
// load, without limits), and applying them to a laporan exactly. The planner (what-if, sensitivity, the optimal plan)
// is generic over these. Depends on laporan/, rules/ (formulas).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problems.h"
#include "core/decimal.h"
#include "laporan/laporan.h"
#include "rules/rulebook.h"

namespace kopsehat {

// How much of an action one year can realistically hold (aksi-v2 `batas_tahunan`): at most `pct` percent of `base`,
// measured on the laporan before the plan (a year's collection effort is a share of the bad loans at its start).
struct ShareLimit {
  LinearForm base;
  Decimal pct;   // exact, 0..100
  Label reason;  // alasan / alasan_en: why this share, and its source
};

// A floor the plan as a whole keeps (aksi-v2 `[[lantai]]`): after the plan, `kept` >= pct percent of `base`, both
// measured on the statements after the plan; a plan that starts below it may not go lower. `actions` are the
// actions it restricts (those that draw on `kept`), named so people see why they stop.
struct FloorLimit {
  std::string id;
  Label name;
  LinearForm kept;
  LinearForm base;
  Decimal pct;  // exact, 0..100
  Label reason;
  std::vector<std::string> actions;
};

struct Action {
  std::string id;
  Label name;
  Label description;
  int64_t cost_e6 = 0;  // weight of one rupiah of this action, in millionths
  struct Delta {
    int line;
    int coef;  // whole multiples of the action amount
  };
  std::vector<Delta> deltas;
  std::vector<LinearForm> bounds;  // the amount may not exceed any of these (evaluated on the statements)
  std::optional<ShareLimit> yearly;  // the default one-year limit (none in an aksi-v1 book)
};

struct ActionBook {
  std::string format;  // "kopsehat/aksi-v2" or "kopsehat/aksi-v1"
  std::vector<Action> actions;
  std::vector<FloorLimit> floors;
  const Action* Find(std::string_view id) const;
  const FloorLimit* FindFloor(std::string_view id) const;
};

// Loads and validates an action book: known lines, whole coefficients within ±10, every action balanced, bounds
// as formulas; in aksi-v2 the limits too (percentages exact within 0..100, a reason in both languages, floors naming
// known actions, ids unique across actions and floors). Null with problems ("file:line: reason") when invalid.
std::unique_ptr<ActionBook> LoadActionBook(std::string_view toml_text, const std::string& origin, Problems* problems);

// The most decimals a limit's percentage may have ("12.5", "7.25"): enough for any rule of thumb, few enough that
// every cap stays far inside 128 bits.
inline constexpr int kMaxPercentDecimals = 4;

// A percentage as written in a limit ("25", "12.5"; a comma is read as the decimal point), exactly, within 0..100
// and at most kMaxPercentDecimals decimals. False when it is not one. (The TOML loaders pass an integer's digits or
// a string's text; TOML floats are refused before this: they are binary doubles, not the number as written.)
bool ParseLimitPercent(std::string text, Decimal* out);

// The action book compiled into the binary (rules/aksi-ksp.toml).
const ActionBook* EmbeddedActionBook(Problems* problems);

// The action's change per sen on every line it moves, including the lines that follow others by default: when
// pinjaman.volume_anggota / volume_total are not given, they follow the loans the action changes (ApplyDefaults).
std::vector<Action::Delta> EffectiveDeltas(const Action& action, const Statements& s);

// How a linear form changes per sen of the action, in units of 10^-scale sen (exact).
i128 FormSlope(const LinearForm& form, const std::vector<Action::Delta>& deltas);

// The largest amount (sen, >= 0) the action can take on these statements: the smallest of its bounds.
Sen MaxAmount(const Action& action, const Statements& s);

// Adds `amount_sen` (>= 0) of the action to `s`. False with a problem when it exceeds a bound or would make a line
// negative that may not be.
bool ApplyAction(const Action& action, Sen amount_sen, Statements* s, Problems* problems);

}  // namespace kopsehat
