#include "plan/optimize.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace kopsehat {

namespace {

// Per rupiah of the action, how a linear form moves, in rupiah (the form is in sen with 10^scale).
double SlopePerRupiah(const LinearForm& f, const std::vector<Action::Delta>& deltas) {
  return double(FormSlope(f, deltas)) / double(Pow10(f.scale));  // sen per sen = rupiah per rupiah
}

double Rupiah(const Fraction& sen) { return double(sen.num) / double(sen.den) / 100.0; }
double EdgeValue(const Decimal& d) { return double(d.units) / double(Pow10(d.scale)); }

// The bands the model uses for a ratio component: its table, or for a linear rule one band per rounded integer
// percent where the rule is not clamped ([k − 0.5, k + 0.5) → nilai(k): the engine rounds half up), with the two
// clamped ends open. Empty when a linear rule would need more than kMaxLinearBands.
constexpr int kMaxLinearBands = 400;

Decimal Half(i128 twice) { return Decimal{twice * 5, 1}; }  // twice/2 as a decimal with one place

std::vector<Band> ModelBands(const Component& c) {
  if (!c.linear) return c.bands;
  const LinearRule& l = c.linear_rule;
  if (l.slope_e2 == 0) return {Band{Interval{}, std::clamp(l.intercept_e2, l.min_e2, l.max_e2)}};
  auto nilai = [&](i128 r) { return int64_t(std::clamp<i128>(i128(l.intercept_e2) + i128(l.slope_e2) * r, l.min_e2, l.max_e2)); };
  // The integer r where intercept + slope·r meets min and max; one step beyond on each side.
  const i128 ra = FloorDiv(i128(l.min_e2) - l.intercept_e2, l.slope_e2), rb = FloorDiv(i128(l.max_e2) - l.intercept_e2, l.slope_e2);
  const i128 k0 = std::min(ra, rb) - 1, k1 = std::max(ra, rb) + 2;
  if (k1 - k0 > kMaxLinearBands) return {};
  std::vector<Band> bands;
  Interval first;
  first.has_hi = true;
  first.hi = Half(2 * k0 + 1);
  bands.push_back(Band{first, nilai(k0)});
  for (i128 k = k0 + 1; k < k1; ++k) {
    Interval iv;
    iv.has_lo = iv.has_hi = true;
    iv.lo = Half(2 * k - 1);
    iv.lo_inclusive = true;
    iv.hi = Half(2 * k + 1);
    bands.push_back(Band{iv, nilai(k)});
  }
  Interval last;
  last.has_lo = true;
  last.lo = Half(2 * k1 - 1);
  last.lo_inclusive = true;
  bands.push_back(Band{last, nilai(k1)});
  return bands;
}

struct ModelColumn {
  const Action* action;
  double upper;                       // rupiah
  std::vector<Action::Delta> deltas;  // including the lines that follow by default
};

struct Solution {
  bool ok = false;
  bool solver_failed = false;  // stopped (time limit, numerical trouble), as opposed to "no plan exists"
  std::vector<double> amounts;  // rupiah, per column
  double total = 0;             // the solver's total score
};

// How a ratio component's numerator and denominator stand (n0, d0) and move per rupiah of each column (an, ad).
struct RatioSlopes {
  double n0 = 0, d0 = 0;
  std::vector<double> an, ad;
};

// The program while it is built: GLPK's problem, the sparse matrix loaded into it at the end (GLPK counts from 1,
// so entry 0 of each array is unused) and the score as a sum over band columns plus what no action moves.
struct Model {
  Model(glp_prob* problem, const std::vector<ModelColumn>& columns)
      : p(problem), cols(columns), n(int(columns.size())) {}

  void AddRow(const std::vector<std::pair<int, double>>& terms, int type, double lo, double hi) {
    const int row = glp_add_rows(p, 1);
    glp_set_row_bnds(p, row, type, lo, hi);
    for (const auto& [col, v] : terms) {
      if (v == 0) continue;
      ia.push_back(row);
      ja.push_back(col);
      ar.push_back(v);
    }
  }

  void AddComponent(const ComponentResult& r, double margin);
  void AddBandEdge(int z, const Interval& iv, bool lower, const RatioSlopes& s, double margin);
  void AddLineBounds(const Statements& start);

  glp_prob* p;
  const std::vector<ModelColumn>& cols;
  const int n;
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  std::vector<std::pair<int, double>> score_terms;  // Σ bobot/100 · nilai_b · z_b
  double fixed_score = 0;
};

// One binary column per band of a ratio component the actions move, exactly one of them chosen, each forcing the
// ratio into its band; a component nothing moves adds its score as a constant.
void Model::AddComponent(const ComponentResult& r, double margin) {
  const Component& c = *r.spec;
  const std::vector<Band> bands = c.kind == ComponentKind::kRatio ? ModelBands(c) : std::vector<Band>{};
  bool movable = c.kind == ComponentKind::kRatio && !bands.empty() && !r.zero_denominator && Rupiah(r.denominator_sen) > 0;
  RatioSlopes s;
  s.an.resize(static_cast<size_t>(n));
  s.ad.resize(static_cast<size_t>(n));
  bool any = false;
  for (int j = 0; movable && j < n; ++j) {
    s.an[size_t(j)] = SlopePerRupiah(c.numerator, cols[size_t(j)].deltas);
    s.ad[size_t(j)] = SlopePerRupiah(c.denominator, cols[size_t(j)].deltas);
    any = any || s.an[size_t(j)] != 0 || s.ad[size_t(j)] != 0;
  }
  if (!movable || !any) {
    fixed_score += double(r.skor_e6) / 1e6;
    return;
  }
  s.n0 = Rupiah(r.numerator_sen);
  s.d0 = Rupiah(r.denominator_sen);
  // The denominator stays positive (the model assumes it; verification checks it).
  {
    std::vector<std::pair<int, double>> terms;
    for (int j = 0; j < n; ++j) terms.push_back({j + 1, s.ad[size_t(j)]});
    AddRow(terms, GLP_LO, 1.0 - s.d0, 0.0);
  }
  const int first_z = glp_add_cols(p, int(bands.size()));
  std::vector<std::pair<int, double>> pick;
  for (size_t b = 0; b < bands.size(); ++b) {
    const int z = first_z + int(b);
    glp_set_col_kind(p, z, GLP_BV);
    pick.push_back({z, 1.0});
    score_terms.push_back({z, double(c.bobot_e2) / 100.0 * double(bands[b].nilai_e2) / 100.0 / 100.0});
    for (int side = 0; side < 2; ++side) AddBandEdge(z, bands[b].range, side == 0, s, margin);
  }
  AddRow(pick, GLP_FX, 1.0, 1.0);
}

// The lower or upper edge of band column z: when z is chosen, the ratio is on the band's side of that edge.
void Model::AddBandEdge(int z, const Interval& iv, bool lower, const RatioSlopes& s, double margin) {
  if (lower ? !iv.has_lo : !iv.has_hi) return;
  const double t = EdgeValue(lower ? iv.lo : iv.hi);
  const bool strict = lower ? !iv.lo_inclusive : !iv.hi_inclusive;
  // 100·N − t·D = k0 + Σ k_j x_j, scaled by its largest possible size M to keep the row well conditioned.
  const double k0 = 100 * s.n0 - t * s.d0;
  double m = std::fabs(k0) + 1;
  std::vector<double> k(static_cast<size_t>(n));
  for (int j = 0; j < n; ++j) {
    k[size_t(j)] = 100 * s.an[size_t(j)] - t * s.ad[size_t(j)];
    m += std::fabs(k[size_t(j)]) * cols[size_t(j)].upper;
  }
  std::vector<std::pair<int, double>> terms;
  for (int j = 0; j < n; ++j) terms.push_back({j + 1, k[size_t(j)] / m});
  const double eps = strict ? margin : margin / 10;
  if (lower) {  // z_b = 1  ⇒  (k0 + kx)/m ≥ eps
    terms.push_back({z, -1.0});
    AddRow(terms, GLP_LO, -1.0 - k0 / m + eps, 0.0);
  } else {  // z_b = 1  ⇒  (k0 + kx)/m ≤ −eps
    terms.push_back({z, 1.0});
    AddRow(terms, GLP_UP, 0.0, 1.0 - k0 / m - eps);
  }
}

// Every line the actions move stays within what it may hold after all of them together (actions that draw on
// the same cash or the same bad loans share it).
void Model::AddLineBounds(const Statements& start) {
  for (int line = 0; line < kLineCount; ++line) {
    if (kLines[size_t(line)].may_be_negative) continue;
    std::vector<std::pair<int, double>> terms;
    for (int j = 0; j < n; ++j) {
      for (const Action::Delta& d : cols[size_t(j)].deltas) {
        if (d.line == line) terms.push_back({j + 1, double(d.coef)});
      }
    }
    if (!terms.empty()) AddRow(terms, GLP_LO, -double(start.Get(line)) / 100.0, 0.0);
  }
}

// Builds and solves the program. target < 0: maximise the total instead of minimising the cost.
Solution Solve(const Statements& start, const Assessment& base, const std::vector<ModelColumn>& cols, double target,
               double margin) {
  std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp(glp_create_prob(), glp_delete_prob);
  glp_prob* p = lp.get();
  glp_set_obj_dir(p, target < 0 ? GLP_MAX : GLP_MIN);
  const int n = int(cols.size());
  glp_add_cols(p, n);
  for (int j = 0; j < n; ++j) {
    glp_set_col_bnds(p, j + 1, cols[size_t(j)].upper > 0 ? GLP_DB : GLP_FX, 0.0, cols[size_t(j)].upper);
    glp_set_obj_coef(p, j + 1, target < 0 ? 0.0 : double(cols[size_t(j)].action->cost_e6) / 1e6);
  }
  Model model(p, cols);
  for (const ComponentResult& r : base.components) model.AddComponent(r, margin);
  model.AddLineBounds(start);
  if (target >= 0) {
    model.AddRow(model.score_terms, GLP_LO, target - model.fixed_score, 0.0);
  } else {
    for (const auto& [col, v] : model.score_terms) glp_set_obj_coef(p, col, v);
  }
  glp_load_matrix(p, int(model.ia.size()) - 1, model.ia.data(), model.ja.data(), model.ar.data());
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  parm.msg_lev = GLP_MSG_OFF;
  parm.tm_lim = 20000;  // ms: a planning request is interactive
  Solution s;
  const int ret = glp_intopt(p, &parm);
  const int status = glp_mip_status(p);
  // No plan exists: the relaxation or the integer problem is infeasible. Anything else that stops without a
  // solution (time limit, numerical failure) is the solver's failure, not the cooperative's.
  if (ret == GLP_ENOPFS || ret == GLP_ENODFS || status == GLP_NOFEAS) return s;
  if (status != GLP_OPT && status != GLP_FEAS) {
    s.solver_failed = true;
    return s;
  }
  s.ok = true;
  for (int j = 0; j < n; ++j) s.amounts.push_back(glp_mip_col_val(p, j + 1));
  double total = model.fixed_score;
  for (const auto& [col, v] : model.score_terms) total += v * glp_mip_col_val(p, col);
  s.total = total;
  return s;
}

// Applies the rounded amounts and assesses; true when the target is reached. Steps are applied in an order that
// keeps every intermediate state within bounds (a collection that brings in cash before the lending that uses
// it); `steps` is reordered to that order, which is the order shown.
bool Verify(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, std::vector<PlanStep>* steps,
            int64_t target_e6, Assessment* out) {
  Laporan changed = laporan;
  Problems p;
  std::vector<PlanStep> pending = *steps, ordered;
  while (!pending.empty()) {
    bool progress = false;
    for (size_t i = 0; i < pending.size(); ++i) {
      Statements trial = changed.current;
      Problems q;
      if (!ApplyAction(*pending[i].action, pending[i].amount_sen, &trial, &q)) continue;
      changed.current = trial;
      ordered.push_back(pending[i]);
      pending.erase(pending.begin() + long(i));
      progress = true;
      break;
    }
    if (!progress) return false;
  }
  *steps = ordered;
  ApplyDefaults(&changed.current);
  return Evaluate(changed, rb, options, out, &p) && out->total_e6 >= target_e6;
}

std::vector<ComponentLift> LiftsAlone(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options,
                                      const Assessment& base, const PlanStep& step) {
  std::vector<ComponentLift> lifts;
  Laporan alone = laporan;
  Problems ignored;
  Assessment one;
  if (!ApplyAction(*step.action, step.amount_sen, &alone.current, &ignored)) return lifts;
  ApplyDefaults(&alone.current);
  if (!Evaluate(alone, rb, options, &one, &ignored)) return lifts;
  for (size_t k = 0; k < base.components.size(); ++k) {
    if (one.components[k].nilai_e2 > base.components[k].nilai_e2) {
      lifts.push_back({k, base.components[k].nilai_e2, one.components[k].nilai_e2});
    }
  }
  return lifts;
}

}  // namespace

Plan MakePlan(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, const Assessment& base,
              const ActionBook& actions, int64_t target_e6, const std::vector<std::string>& allowed) {
  glp_term_out(GLP_OFF);
  Plan plan;
  if (base.total_e6 >= target_e6) {
    plan.status = Plan::Status::kAlreadyThere;
    plan.result = base;
    return plan;
  }
  std::vector<ModelColumn> cols;
  for (const Action& a : actions.actions) {
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), a.id) == allowed.end()) continue;
    cols.push_back({&a, double(MaxAmount(a, laporan.current) / 100), EffectiveDeltas(a, laporan.current)});
  }
  const double target = double(target_e6) / 1e6;
  // The solver's doubles may sit a hair on the wrong side of a band edge: retry with wider margins.
  for (const double margin : {1e-9, 1e-7, 1e-5, 1e-3}) {
    const Solution s = Solve(laporan.current, base, cols, target, margin);
    if (!s.ok) {
      if (s.solver_failed) plan.status = Plan::Status::kSolverFailed;
      break;
    }
    std::vector<PlanStep> steps;
    i128 cost = 0;
    for (size_t j = 0; j < cols.size(); ++j) {
      const double rupiah = s.amounts[j];
      if (rupiah <= 0.5) continue;  // the solver's zero
      const Sen amount = std::min<Sen>(Sen(std::ceil(rupiah - 1e-6)) * 100, MaxAmount(*cols[j].action, laporan.current));
      steps.push_back({cols[j].action, amount, {}});
      cost += i128(amount) * cols[j].action->cost_e6;
    }
    if (Verify(laporan, rb, options, &steps, target_e6, &plan.result)) {
      plan.status = Plan::Status::kVerified;
      for (PlanStep& step : steps) step.lifts_alone = LiftsAlone(laporan, rb, options, base, step);
      plan.steps = std::move(steps);
      plan.weighted_cost = cost;
      return plan;
    }
    plan.status = Plan::Status::kNotVerified;
  }
  if (plan.status == Plan::Status::kNotVerified || plan.status == Plan::Status::kSolverFailed) return plan;
  // Unreachable: how far these actions can go, and what nothing moves.
  plan.status = Plan::Status::kUnreachable;
  const Solution best = Solve(laporan.current, base, cols, -1, 1e-7);
  if (best.ok) plan.reachable_max_e6 = int64_t(std::floor(best.total * 1e6 + 0.5));
  for (size_t k = 0; k < base.components.size(); ++k) {
    const ComponentResult& r = base.components[k];
    if (r.LostE6() <= 0) continue;
    const bool held_fixed = r.spec->kind == ComponentKind::kRatio &&
                            (ModelBands(*r.spec).empty() || r.zero_denominator || r.denominator_sen.Sign() <= 0);
    bool moved = false;
    for (const ModelColumn& col : cols) {
      if (r.spec->kind != ComponentKind::kRatio) break;
      moved = moved || SlopePerRupiah(r.spec->numerator, col.deltas) != 0 || SlopePerRupiah(r.spec->denominator, col.deltas) != 0;
    }
    if (!moved) {
      plan.stuck.push_back(k);
    } else if (held_fixed) {
      plan.not_modelled.push_back(k);
    }
  }
  return plan;
}

}  // namespace kopsehat
