// plan/actions.h — improvement actions as data: balanced transactions over statement lines, each with bounds and a
// cost weight (rules/aksi-ksp.toml, format kopsehat/aksi-v1), and applying them to a laporan exactly. The planner
// (what-if, sensitivity, later the optimal plan) is generic over these. Depends on laporan/, rules/ (formulas).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/problems.h"
#include "laporan/laporan.h"
#include "rules/rulebook.h"

namespace kopsehat {

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
};

struct ActionBook {
  std::vector<Action> actions;
  const Action* Find(std::string_view id) const;
};

// Loads and validates an action book: known lines, whole coefficients within ±10, every action balanced, bounds
// as formulas. Null with problems ("file:line: reason") when invalid.
std::unique_ptr<ActionBook> LoadActionBook(std::string_view toml_text, const std::string& origin, Problems* problems);

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
