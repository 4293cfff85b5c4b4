#include "report/wording.h"

namespace kopsehat {

std::string FormatNumber(i128 units, int scale, int min_decimals, Lang lang) {
  return lang == Lang::kEn ? FormatEnglish(units, scale, min_decimals) : FormatIndonesian(units, scale, min_decimals);
}

std::string FormatPoints(int64_t e6, Lang lang) { return FormatNumber(e6, 6, 2, lang); }
std::string FormatNilai(int64_t e2, Lang lang) { return FormatNumber(e2, 2, 0, lang); }

std::string FormatLoss(const ComponentResult& r, Lang lang) {
  if (!r.pooled) return FormatPoints(r.LostE6(), lang);
  return FormatNumber(RoundHalfUp(Fraction{r.LostE6(), 1'000'000}, 2), 2, 2, lang);  // a share of a weight: 1,32
}

std::string FormatPercent(const Fraction& f, Lang lang) {
  return (lang == Lang::kEn ? FormatFractionEnglish(f, 2, 2) : FormatFractionIndonesian(f, 2, 2)) + " %";
}

std::string OperandName(const std::string& name) {
  return name.find(" + ") != std::string::npos || name.find(" - ") != std::string::npos ? "(" + name + ")" : name;
}

std::string NextStepText(const ComponentResult& r, Lang lang) {
  const NextStep& n = r.next;
  if (r.pooled && r.spec->kind == ComponentKind::kChecklist) {
    // The target is a whole count of items (NextChecklistStep): k = target% × items ÷ 100 exactly.
    const i128 k = RoundHalfUp(Fraction{CheckedMul(n.target_pct.num, r.items), CheckedMul(n.target_pct.den, 100)}, 0);
    const std::string of = std::to_string(int64_t(k)) + (lang == Lang::kEn ? " of " : " dari ") + std::to_string(r.items);
    const std::string more = std::to_string(int64_t(k) - r.yes);
    if (lang == Lang::kEn) {
      return "nilai improves to " + FormatNilai(n.nilai_e2, lang) +
             (n.direction > 0 ? " with " + of + " items met (" + more + " more)" : " with only " + of + " items met");
    }
    return "nilai membaik menjadi " + FormatNilai(n.nilai_e2, lang) +
           (n.direction > 0 ? " bila " + of + " butir terpenuhi (" + more + " butir lagi)"
                            : " bila hanya " + of + " butir terpenuhi");
  }
  const std::string op = n.direction > 0 ? (n.inclusive ? "≥ " : "> ") : (n.inclusive ? "≤ " : "< ");
  const std::string target = FormatPercent(n.target_pct, lang);
  const std::string gap = FormatNumber(RoundHalfUp(n.gap_pct, 2), 2, 2, lang);
  if (lang == Lang::kEn) {
    return std::string("nilai ") + (r.pooled ? "improves" : "rises") + " to " + FormatNilai(n.nilai_e2, lang) +
           " when the ratio " + (n.direction > 0 ? "rises" : "falls") + " to " + op + target + " (" + gap +
           " percentage points away)";
  }
  return std::string(r.pooled ? "nilai membaik menjadi " : "nilai naik ke ") + FormatNilai(n.nilai_e2, lang) +
         " bila rasio " + (n.direction > 0 ? "naik" : "turun") + " menjadi " + op + target + " (selisih " + gap +
         " poin persen)";
}

}  // namespace kopsehat
