#include "plan/sensitivity.h"

#include <algorithm>

namespace kopsehat {

namespace {

i128 CeilDiv(i128 a, i128 b) { return -FloorDiv(-a, b); }

// The smallest amount in sen that moves the ratio across the next band's edge, or -1 when the action cannot.
i128 SmallestAmount(const Component& c, const ComponentResult& r, const std::vector<Action::Delta>& deltas) {
  const Fraction n0 = r.numerator_sen, d0 = r.denominator_sen;  // num / 10^sN, den / 10^sD
  if (d0.Sign() <= 0) return -1;  // the edge inequality below multiplies through by a positive denominator
  const i128 an = FormSlope(c.numerator, deltas), ad = FormSlope(c.denominator, deltas);
  if (an == 0 && ad == 0) return -1;
  const Fraction t = r.next.target_pct;  // p / q
  // 100·(n0.num + an·x)·d0.den·q  vs  p·(d0.num + ad·x)·n0.den, with D(x) > 0:
  //   x·(100·an·d0.den·q − p·ad·n0.den) ≥ p·d0.num·n0.den − 100·n0.num·d0.den·q
  i128 coef = CheckedSub(CheckedMul(CheckedMul(CheckedMul(100, an), d0.den), t.den), CheckedMul(CheckedMul(t.num, ad), n0.den));
  i128 rhs = CheckedSub(CheckedMul(CheckedMul(t.num, d0.num), n0.den), CheckedMul(CheckedMul(CheckedMul(100, n0.num), d0.den), t.den));
  if (r.next.direction < 0) {
    coef = -coef;
    rhs = -rhs;
  }
  if (coef <= 0) return -1;
  i128 x = r.next.inclusive ? CeilDiv(rhs, coef) : FloorDiv(rhs, coef) + 1;
  return std::max<i128>(x, 1);
}

// The lever of a checklist: as many of its workable "Tidak" items as its next band needs, verified.
bool ChecklistLever(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options,
                    const Assessment& base, size_t k, const ChecklistEffort& effort, Sen day_value_sen, Lever* out) {
  const ComponentResult& r = base.components[k];
  const Component& c = *r.spec;
  if (!r.next.exists || r.next.direction <= 0 || !r.scored) return false;
  // The count the next band needs: target_pct × items ÷ 100, rounded up (NextChecklistStep gives an exact count).
  const Fraction need_count{CheckedMul(r.next.target_pct.num, r.items), CheckedMul(r.next.target_pct.den, 100)};
  const int needed = int(-FloorDiv(-need_count.num, need_count.den)) - r.yes;
  const std::vector<int> workable = WorkableItems(r, effort);
  if (needed <= 0 || size_t(needed) > workable.size()) return false;
  Laporan changed = laporan;
  const std::vector<int> items(workable.begin(), workable.begin() + needed);
  if (!TurnToYes(c, items, &changed)) return false;
  Assessment after;
  Problems p;
  if (!Evaluate(changed, rulebook, options, &after, &p) || after.components.size() != base.components.size()) return false;
  out->effort = &effort;
  out->items = items;
  out->nilai_after_e2 = after.components[k].nilai_e2;
  out->component_gain_e6 = after.components[k].skor_e6 - r.skor_e6;
  out->total_gain_e6 = after.total_e6 - base.total_e6;
  out->weighted_cost = CheckedMul(CheckedMul(i128(needed) * effort.person_days, day_value_sen), 1'000'000);
  return out->component_gain_e6 > 0;
}

}  // namespace

bool MorePointsPerRupiah(const Lever& x, const Lever& y) {
  // x.gain / x.cost > y.gain / y.cost with costs >= 0: compare x.gain · y.cost with y.gain · x.cost (128 bits: gains
  // are at most 10^8, weighted costs at most 10^17 sen × 2^40).
  const bool x_free = x.weighted_cost == 0, y_free = y.weighted_cost == 0;
  if (x_free || y_free) {
    const int x_rank = x_free ? (x.total_gain_e6 > 0 ? 2 : x.total_gain_e6 == 0 ? 0 : -2) : (x.total_gain_e6 > 0 ? 1 : -1);
    const int y_rank = y_free ? (y.total_gain_e6 > 0 ? 2 : y.total_gain_e6 == 0 ? 0 : -2) : (y.total_gain_e6 > 0 ? 1 : -1);
    if (x_rank != y_rank) return x_rank > y_rank;
    return x.weighted_cost < y.weighted_cost;
  }
  const i128 lhs = CheckedMul(i128(x.total_gain_e6), y.weighted_cost);
  const i128 rhs = CheckedMul(i128(y.total_gain_e6), x.weighted_cost);
  if (lhs != rhs) return lhs > rhs;
  return x.weighted_cost < y.weighted_cost;
}

std::vector<ComponentLevers> FindLevers(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options,
                                        const Assessment& base, const ActionBook& actions, const Limits& limits,
                                        const EffortBook* effort) {
  std::vector<ComponentLevers> out;
  Laporan changed;
  Assessment after;
  for (size_t k = 0; k < base.components.size(); ++k) {
    const ComponentResult& r = base.components[k];
    const Component& c = *r.spec;
    if (c.kind == ComponentKind::kChecklist) {
      const ChecklistEffort* e = effort != nullptr ? effort->Find(c.id) : nullptr;
      Lever lever;
      if (e != nullptr && ChecklistLever(laporan, rulebook, options, base, k, *e, effort->day_value_sen, &lever)) {
        out.push_back(ComponentLevers{k, {lever}});
      }
      continue;
    }
    if (c.kind != ComponentKind::kRatio || r.zero_denominator || !r.next.exists) continue;
    ComponentLevers levers{k, {}};
    for (const Action& a : actions.actions) {
      i128 x = -1;
      try {
        x = SmallestAmount(c, r, EffectiveDeltas(a, laporan.current));
      } catch (const OverflowError&) {
        continue;
      }
      if (x < 0) continue;
      // Whole rupiah, then verified: a few rupiah more when rounding of the edge or another line's move needs it.
      const Sen limit = MaxAmount(a, laporan.current);
      if (x > limit) continue;  // compared in 128 bits, before any narrowing
      Sen amount = Sen(CeilDiv(x, 100) * 100);
      for (int attempt = 0; attempt < 3 && amount <= limit; ++attempt, amount += 100) {
        changed = laporan;
        Problems p;
        if (!ApplyAction(a, amount, &changed.current, &p)) break;
        ApplyDefaults(&changed.current);
        if (!Evaluate(changed, rulebook, options, &after, &p)) break;
        const ComponentResult& ra = after.components[k];
        if (ra.nilai_e2 < r.next.nilai_e2) continue;  // not there yet: one more rupiah
        Lever lever;
        lever.action = &a;
        lever.amount_sen = amount;
        lever.nilai_after_e2 = ra.nilai_e2;
        lever.component_gain_e6 = ra.skor_e6 - r.skor_e6;
        lever.total_gain_e6 = after.total_e6 - base.total_e6;
        lever.weighted_cost = CheckedMul(amount, a.cost_e6);
        if (const LimitUse* l = limits.ForAction(a.id); l != nullptr) {
          lever.cap_sen = ShareCap(*l, laporan.current);
          if (amount > lever.cap_sen) lever.beyond = l;
        }
        for (const LimitUse& l : limits.items) {
          if (lever.beyond == nullptr && l.IsFloor() && !FloorKept(l, laporan.current, changed.current)) lever.beyond = &l;
        }
        levers.levers.push_back(lever);
        break;
      }
    }
    std::stable_sort(levers.levers.begin(), levers.levers.end(), MorePointsPerRupiah);
    if (!levers.levers.empty()) out.push_back(std::move(levers));
  }
  return out;
}

}  // namespace kopsehat
