#include "assess/goals.h"

#include <algorithm>
#include <iterator>

namespace kopsehat {

namespace {

i128 Abs(i128 v) { return v < 0 ? -v : v; }

// Goal values pass through several operations (percent, annualisation, sums of indicators and rates); reducing
// keeps them far from the 128-bit limit. Not on the scored engine's hot path.
Fraction Reduce(Fraction f) {
  i128 a = Abs(f.num), b = f.den;
  while (b != 0) {
    const i128 t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    f.num /= a;
    f.den /= a;
  }
  return f;
}

Fraction Negate(const Fraction& a) { return Fraction{CheckedSub(0, a.num), a.den}; }

Fraction FromDecimal(const Decimal& d) { return Fraction{d.units, Pow10(d.scale)}; }

// 100 × num / den (den non-zero), reduced.
Fraction Percent(const Fraction& num, const Fraction& den) {
  const Fraction n = Reduce(num), d = Reduce(den);
  return Reduce(Fraction::Of(CheckedMul(CheckedMul(n.num, d.den), 100), CheckedMul(d.num, n.den)));
}

bool SectionGiven(const Statements& s, Section section) {
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].section == section && s.present[size_t(i)]) return true;
  }
  return false;
}

const char* const kSectionNames[] = {"neraca", "hasil_usaha", "pinjaman", "pearls", "kegiatan"};  // by Section, for messages
static_assert(std::size(kSectionNames) == size_t(kSectionCount), "one name per laporan section");

class Evaluator {
 public:
  // Which year the evaluator computes. This year: the laporan's lines, lalu() from periode_lalu, the pearls rates,
  // annualised by 12 / bulan. Last year: periode_lalu's lines alone with the same rules (zero and negative
  // denominators, unknown lines, the variant numerator when its conditions held last year); a formula that reads
  // lalu() would need the year before and has no value, the rates are this year's and decide nothing, and nothing is
  // annualised (periode_lalu is a year-end: its flows cover 12 months).
  enum class Year { kThis, kLast };

  Evaluator(const Laporan& l, const GoalRulebook& rb, Year year, std::vector<IndicatorResult>* results)
      : l_(l), rb_(rb), last_year_(year == Year::kLast), results_(results),
        now_(last_year_ ? l.previous : l.current) {
    for (int s = 0; s < kSectionCount; ++s) {
      if (l.has_previous && SectionGiven(l.previous, Section(s))) previous_given_ |= 1u << unsigned(s);
    }
  }

  void Run() {
    for (const int i : rb_.order) {
      current_ = i;
      Resolve(size_t(i));
    }
  }

  // The indicator being resolved, for a message when its arithmetic overflows.
  int current() const { return current_; }

 private:
  // Last year's figures, one rule for a missing block, a missing section and a missing line alike
  // (docs/methods/pearls.md): a line periode_lalu gives is what it gives; a line it does not give counts as 0 when
  // this year's value is 0 too (given as 0 or left out: laporan-v1's "omitted counts as 0"), and is unknown when
  // this year's value is not 0 — a partial periode_lalu would otherwise count a line nobody copied as 0 and give a
  // false average or growth.
  bool UnknownLastYear(int line) const {
    return (!l_.has_previous || !l_.previous.present[size_t(line)]) && l_.current.sen[size_t(line)] != 0;
  }

  // The unknown last-year lines the two formulas read, in words; empty when all are known. Named as coarsely as they
  // are missing: "periode_lalu" when there is none, "periode_lalu.neraca" when that section is absent, else each
  // line. This year, the lines read through lalu(); last year, every line (the formulas read periode_lalu only).
  std::string MissingPrevious(const LinearForm& numerator, const LinearForm& denominator) const {
    std::vector<int> lines;  // each unknown line once, in formula order
    for (const LinearForm* f : {&numerator, &denominator}) {
      for (const LinearForm::Term& t : f->terms) {
        const int line = last_year_ ? t.line : t.line - kLineCount;
        if (line < 0 || !UnknownLastYear(line)) continue;
        if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
      }
    }
    if (lines.empty()) return {};
    if (!l_.has_previous) return "periode_lalu";
    std::string missing;
    unsigned named_sections = 0;
    for (const int line : lines) {
      const Section section = kLines[size_t(line)].section;
      const unsigned bit = 1u << unsigned(section);
      if ((previous_given_ & bit) != 0) {
        missing += (missing.empty() ? "" : ", ") + ("periode_lalu." + LinePath(line));
      } else if ((named_sections & bit) == 0) {
        named_sections |= bit;
        missing += (missing.empty() ? "" : ", ") + ("periode_lalu." + std::string(kSectionNames[size_t(section)]));
      }
    }
    return missing;
  }

  void Resolve(size_t i) {
    const Indicator& ind = rb_.indicators[i];
    IndicatorResult& r = Result(i);
    r.spec = &ind;
    ComputeValue(ind, &r);
    if (!r.has_value) {
      ResolveWithoutValue(ind, &r);
      return;
    }
    ComputeStatus(ind, &r);
  }

  IndicatorResult& Result(size_t i) const { return (*results_)[i]; }

  // No value (a zero or negative denominator, or last year's figures unknown), yet the goal may still be decided by
  // conditions that do not need it: another indicator's verdict ('terpenuhi P1' failing: ACCU's P2 cannot be met
  // while P1 is not), or the paired ratio of a growth rate already at its goal ('menuju E4 …' with E4 at 0 %).
  // Otherwise the zero rule for a zero denominator; the others stay not assessable with their reason.
  void ResolveWithoutValue(const Indicator& ind, IndicatorResult* r) {
    if (ind.goal.kind == Goal::Kind::kConditions) {
      bool toward_met = false, all_toward = true;
      for (const GoalCondition& c : ind.goal.conditions) {
        all_toward = all_toward && c.kind == GoalCondition::Kind::kToward;
        if (c.kind == GoalCondition::Kind::kToward) {
          toward_met = Result(size_t(c.indicator)).status == GoalStatus::kMet;
        }
        if (c.kind != GoalCondition::Kind::kMet) continue;
        const IndicatorResult& other = Result(size_t(c.indicator));
        if (other.status == GoalStatus::kNotMet) {
          const std::string& id = rb_.indicators[size_t(c.indicator)].id;
          r->status = GoalStatus::kNotMet;
          r->reason = {"belum_memenuhi", {id}};
          return;
        }
      }
      if (all_toward && toward_met) {
        const std::string& id = rb_.indicators[size_t(ind.goal.conditions[0].indicator)].id;
        r->status = GoalStatus::kMet;
        r->reason = {"sudah_memenuhi", {id}};
        return;
      }
    }
    if (r->zero_denominator) {
      ApplyZeroRule(ind, r);
    }
  }

  void ComputeValue(const Indicator& ind, IndicatorResult* r) {
    const LinearForm* numerator = &ind.numerator;
    if (ind.variant.has_value()) {
      bool all = true;
      for (const int k : ind.variant->when_met) all = all && Result(size_t(k)).status == GoalStatus::kMet;
      if (all) {
        numerator = &ind.variant->numerator;
        r->used_variant = true;
      }
    }
    if (last_year_ && (numerator->uses_previous || ind.denominator.uses_previous)) {
      // An average or a growth rate of last year needs the year before it, which no laporan holds.
      r->missing_previous = true;
      r->status = GoalStatus::kNotAssessable;
      return;
    }
    const std::string missing = MissingPrevious(*numerator, ind.denominator);
    if (!missing.empty()) {
      r->missing_previous = true;
      r->status = GoalStatus::kNotAssessable;
      r->reason = {"perlu_periode_lalu", {missing}};
      return;
    }
    r->numerator_sen = Reduce(numerator->Evaluate(now_, l_.previous));
    if (ind.kind == IndicatorKind::kAmount) {
      r->value = r->numerator_sen;
      r->has_value = true;
      return;
    }
    r->denominator_sen = Reduce(ind.denominator.Evaluate(now_, l_.previous));
    if (r->denominator_sen.Sign() < 0) {
      // A share of a negative amount has no meaning: average net loans below zero (a DCR reserve and no loans)
      // would make R1 0 % and "R4 ≥ R1" met; negative total assets would give E1 = 100 %. No value, so every goal
      // that reads this indicator cannot be assessed either (docs/rulebook.md).
      r->negative_denominator = true;
      r->status = GoalStatus::kNotAssessable;
      r->reason = {ind.kind == IndicatorKind::kGrowth ? "dasar_pertumbuhan_negatif" : "penyebut_negatif", {}};
      return;
    }
    if (r->denominator_sen.IsZero()) {
      r->zero_denominator = true;
      return;
    }
    r->value = Percent(r->numerator_sen, r->denominator_sen);
    if (ind.annualised && !last_year_ && l_.pearls.bulan != 12) {
      r->value = Reduce(Fraction::Of(CheckedMul(r->value.num, 12), CheckedMul(r->value.den, l_.pearls.bulan)));
      r->annualised = true;
    }
    // Every report prints the value (rounded to 4 decimals in JSON): one that could not print is a rulebook whose
    // coefficients are beyond what the engine computes, reported as such (see EvaluateGoals).
    if (!FitsDisplay(r->value)) throw OverflowError();
    r->has_value = true;
  }

  void ApplyZeroRule(const Indicator& ind, IndicatorResult* r) {
    switch (ind.zero_status) {
      case ZeroStatus::kMet:
        r->status = GoalStatus::kMet;
        break;
      case ZeroStatus::kNotMet:
        r->status = GoalStatus::kNotMet;
        break;
      case ZeroStatus::kNotAssessable:
        r->status = GoalStatus::kNotAssessable;
        break;
    }
    r->reason = {"penyebut_nol", {}};
  }

  // The operand as the terms of its sum, or false when an indicator it names has none or a rate is not given (*why
  // says which). Kept as terms: two ratios over different averages (R9 + R10) need a common denominator that 128
  // bits may not hold, and CompareWithSum compares with the sum exactly at any size.
  bool Operand(const GoalOperand& op, bool amount, std::vector<Fraction>* terms, GoalReason* why) const {
    terms->clear();
    // An amount goal's constants are written in Rupiah ("<= 1000000"); its value is in sen.
    const Fraction c = FromDecimal(op.constant);
    terms->push_back(amount ? Fraction{CheckedMul(c.num, 100), c.den} : c);
    for (const auto& [k, sign] : op.indicators) {
      const IndicatorResult& other = Result(size_t(k));
      if (!other.has_value) {
        *why = {"pembanding_tanpa_nilai", {rb_.indicators[size_t(k)].id}};
        return false;
      }
      terms->push_back(sign > 0 ? other.value : Negate(other.value));
    }
    for (const auto& [param, sign] : op.params) {
      const bool inflasi = param == GoalParam::kInflasi;
      if (last_year_) {
        *why = {"suku_bunga_lalu_tidak_ada", {}};
        return false;
      }
      const bool given = inflasi ? l_.pearls.has_inflasi : l_.pearls.has_suku_bunga_pasar;
      if (!given) {
        const char* key = inflasi ? "pearls.inflasi_persen" : "pearls.suku_bunga_pasar_persen";
        *why = {"belum_diisi", {key}};
        return false;
      }
      const Fraction p = FromDecimal(inflasi ? l_.pearls.inflasi_pct : l_.pearls.suku_bunga_pasar_pct);
      terms->push_back(sign > 0 ? p : Negate(p));
    }
    return true;
  }

  enum class Truth { kHolds, kFails, kUnknown };

  // value OP Σ rhs, exactly. *rhs keeps the operand's terms for the distance to the goal.
  Truth Compare(const IndicatorResult& r, const GoalCondition& c, GoalReason* why, int* direction,
                std::vector<Fraction>* rhs) const {
    if (!Operand(c.rhs, r.spec->kind == IndicatorKind::kAmount, rhs, why)) return Truth::kUnknown;
    const int cmp = CompareWithSum(r.value, *rhs);
    bool holds = false;
    switch (c.op) {
      case GoalOp::kGe:
        holds = cmp >= 0;
        *direction = 1;
        break;
      case GoalOp::kGt:
        holds = cmp > 0;
        *direction = 1;
        break;
      case GoalOp::kLe:
        holds = cmp <= 0;
        *direction = -1;
        break;
      case GoalOp::kLt:
        holds = cmp < 0;
        *direction = -1;
        break;
      case GoalOp::kEq:
        holds = cmp == 0;
        *direction = cmp < 0 ? 1 : -1;
        break;
    }
    return holds ? Truth::kHolds : Truth::kFails;
  }

  Truth Evaluate(const IndicatorResult& r, const GoalCondition& c, GoalReason* why, int* direction,
                 std::vector<Fraction>* rhs) const {
    switch (c.kind) {
      case GoalCondition::Kind::kCompare:
        return Compare(r, c, why, direction, rhs);
      case GoalCondition::Kind::kMet: {
        const IndicatorResult& other = Result(size_t(c.indicator));
        if (other.status == GoalStatus::kMet) return Truth::kHolds;
        if (other.status == GoalStatus::kNotMet) {
          *why = {"belum_memenuhi", {rb_.indicators[size_t(c.indicator)].id}};
          return Truth::kFails;
        }
        *why = {"tidak_dapat_dinilai", {rb_.indicators[size_t(c.indicator)].id}};
        return Truth::kUnknown;
      }
      case GoalCondition::Kind::kToward: {
        const IndicatorResult& paired = Result(size_t(c.indicator));
        const IndicatorResult& reference = Result(size_t(c.reference));
        const std::string& pid = rb_.indicators[size_t(c.indicator)].id;
        const std::string& rid = rb_.indicators[size_t(c.reference)].id;
        if (paired.status == GoalStatus::kMet) return Truth::kHolds;
        if (paired.status != GoalStatus::kNotMet || paired.direction == 0 || !reference.has_value) {
          *why = {"pasangan_tidak_dapat_dinilai", {pid, rid}};
          return Truth::kUnknown;
        }
        // The paired ratio is too low (direction +1): this line must grow faster than total assets; too high:
        // slower.
        const int cmp = kopsehat::Compare(r.value, reference.value);  // exact at any size (256-bit products)
        const bool holds = paired.direction > 0 ? cmp > 0 : cmp < 0;
        *direction = paired.direction;
        if (!holds) {
          *why = {paired.direction > 0 ? "pasangan_di_bawah" : "pasangan_di_atas", {pid, rid}};
        }
        return holds ? Truth::kHolds : Truth::kFails;
      }
    }
    return Truth::kUnknown;
  }

  void ComputeStatus(const Indicator& ind, IndicatorResult* r) {
    if (ind.goal.kind != Goal::Kind::kConditions) {
      r->status = GoalStatus::kNoTarget;
      return;
    }
    bool fails = false, unknown = false;
    GoalReason unknown_why;
    for (const GoalCondition& c : ind.goal.conditions) {
      GoalReason why;
      int direction = 0;
      const Truth t = Evaluate(*r, c, &why, &direction, &rhs_);
      if (t == Truth::kUnknown && !unknown) {
        unknown = true;
        unknown_why = why;
      }
      if (t == Truth::kFails && !fails) {
        fails = true;
        r->direction = direction;
        if (c.kind == GoalCondition::Kind::kCompare) {
          r->has_gap = true;
          r->strict = c.op == GoalOp::kGt || c.op == GoalOp::kLt;
          // Target and distance for the report: exact, or floored at 12 decimals when the exact fraction would
          // not print (SumForDisplay); the verdict above was exact either way.
          r->target = SumForDisplay(rhs_);
          for (Fraction& term : rhs_) term = Negate(term);
          rhs_.push_back(r->value);
          const Fraction gap = SumForDisplay(rhs_);
          r->gap = Fraction{Abs(gap.num), gap.den};
        } else {
          r->reason = why;
        }
      }
    }
    if (fails) {
      r->status = GoalStatus::kNotMet;
    } else if (unknown) {
      r->status = GoalStatus::kNotAssessable;
      r->reason = unknown_why;
    } else {
      r->status = GoalStatus::kMet;
    }
  }

  const Laporan& l_;
  const GoalRulebook& rb_;
  const bool last_year_;
  std::vector<IndicatorResult>* results_;  // one per indicator of rb_
  const Statements& now_;                  // the year's own lines: current, or periode_lalu for last year
  unsigned previous_given_ = 0;
  int current_ = -1;
  std::vector<Fraction> rhs_;  // the terms of the operand being compared, reused
};

}  // namespace

const char* GoalStatusCode(GoalStatus s) {
  switch (s) {
    case GoalStatus::kMet:
      return "memenuhi";
    case GoalStatus::kNotMet:
      return "tidak_memenuhi";
    case GoalStatus::kNoTarget:
      return "tanpa_sasaran";
    case GoalStatus::kNotAssessable:
      return "tidak_dapat_dinilai";
  }
  return "";
}

bool EvaluateGoals(const Laporan& laporan, const GoalRulebook& rb, GoalAssessment* out, Problems* problems) {
  for (const std::string& block : rb.required_blocks) {
    if (block == "pearls" && !laporan.has_pearls) {
      problems->Add("pearls", "wajib_ada",
                    "blok pearls wajib ada untuk metode " + rb.id + " (lihat docs/formats.md, bagian PEARLS)",
                    "the pearls block is required by method " + rb.id + " (see docs/formats.md, PEARLS)");
      return false;
    }
  }
  out->rulebook = &rb;
  out->cooperative = laporan.cooperative;
  out->periode_akhir = laporan.periode_akhir;
  out->bulan = laporan.pearls.bulan;
  out->warnings.clear();
  out->indicators.assign(rb.indicators.size(), IndicatorResult{});
  out->summary = GoalSummary{};
  try {
    out->quantities_sen.resize(rb.quantities.size());
    for (size_t i = 0; i < rb.quantities.size(); ++i) {
      out->quantities_sen[i] = Reduce(rb.quantities[i].form.Evaluate(laporan.current, laporan.previous));
    }
    // Last year first (its verdicts are used only for its own variant numerators), then this year.
    std::vector<IndicatorResult> last_year(rb.indicators.size());
    Evaluator previous(laporan, rb, Evaluator::Year::kLast, &last_year);
    Evaluator evaluator(laporan, rb, Evaluator::Year::kThis, &out->indicators);
    const Evaluator* running = &previous;
    try {
      if (laporan.has_previous) previous.Run();
      running = &evaluator;
      evaluator.Run();
      for (size_t i = 0; i < last_year.size() && laporan.has_previous; ++i) {
        IndicatorResult& r = out->indicators[i];
        r.has_previous_value = last_year[i].has_value;
        r.previous_value = last_year[i].value;
        r.previous_used_variant = last_year[i].has_value && last_year[i].used_variant;
      }
    } catch (const OverflowError&) {
      // Amounts within laporan-v1's limits (|x| <= 10^15 Rupiah, 2 decimals) cannot overflow the shipped rulebooks:
      // a formula of theirs sums at most 30 lines with coefficients of at most 2 decimals (|formula| < 10^22
      // hundredths of a sen), so a ratio 100 × a / b × 12 / bulan has a numerator below 10^28 and a denominator
      // below 10^25 (FitsDisplay), and comparisons and distances that combine several ratios are exact at any size
      // (CompareWithSum, SumForDisplay). The extreme-value property test (assess/extremes_test.cc) holds them to
      // it. A rulebook with extreme coefficients can still overflow: name the indicator so its author knows where
      // to look.
      const std::string id = running->current() >= 0 ? rb.indicators[size_t(running->current())].id : "?";
      problems->Add("", "terlalu_besar",
                    "angka terlalu besar untuk dihitung: indikator " + id + " rulebook " + rb.id +
                        " (periksa koefisien rumusnya)",
                    "numbers too large to compute: indicator " + id + " of rulebook " + rb.id +
                        " (check its formula's coefficients)");
      return false;
    }
  } catch (const OverflowError&) {
    problems->Add("", "terlalu_besar", "angka terlalu besar untuk dihitung dengan rulebook " + rb.id,
                  "numbers too large to compute with rulebook " + rb.id);
    return false;
  }
  GoalSummary& s = out->summary;
  for (const IndicatorResult& r : out->indicators) {
    ++s.total;
    s.met += r.status == GoalStatus::kMet;
    s.not_met += r.status == GoalStatus::kNotMet;
    s.no_target += r.status == GoalStatus::kNoTarget;
    s.not_assessable += r.status == GoalStatus::kNotAssessable;
  }
  if (out->bulan != 12) {
    out->warnings.push_back(Warning{"disetahunkan", "pearls.bulan", {std::to_string(out->bulan)}});
  }
  if (!laporan.has_previous) {
    out->warnings.push_back(Warning{"tanpa_periode_lalu", "periode_lalu", {}});
  }
  if (std::optional<Warning> w = OutsideValidity(rb, laporan.periode_akhir)) {
    out->warnings.push_back(std::move(*w));
  }
  return true;
}

}  // namespace kopsehat
