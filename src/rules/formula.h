// rules/formula.h — parses the linear formulas of a rulebook ("neraca.kas + 0.5 * (neraca.tabungan)") into a
// LinearForm over laporan lines, expanding references to quantities defined earlier. Depends on rules/rulebook.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rules/rulebook.h"

namespace kopsehat {

// Limits on coefficients keep every evaluation inside 128 bits for amounts within kMaxAbsAmountSen.
inline constexpr int kMaxCoefficientScale = 12;        // at most 12 decimals after expansion
inline constexpr int64_t kMaxAbsCoefficient = 1000000;  // |coefficient| <= 10^6

// Resolves identifiers: laporan line paths always; quantity ids from `quantities` (those defined so far).
// Not ok (code rumus_tidak_sah, the message naming the formula and the column) when the text is not a formula.
// `allow_previous` admits lalu(x) and rata_rata(x), which refer to periode_lalu (quantities and ratio formulas;
// not checklist derivations, which compare the two periods themselves).
Status ParseFormula(std::string_view text, const std::vector<Quantity>& quantities, LinearForm* out,
                    bool allow_previous = false);

// A person's name for a formula: the quantity's or line's label, or the formula with every identifier replaced by
// its label ("Cadangan umum + Cadangan tujuan risiko").
Label FormulaLabel(const LinearForm& form, const std::vector<Quantity>& quantities);

}  // namespace kopsehat
