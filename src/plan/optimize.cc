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
  Sen upper_sen = 0;                  // the same, exactly: its bounds and its share limit before the plan
  Sen cap_sen = -1;                   // its share limit, -1 when none
};

// A floor as a row: slack after the plan = slack0 + Σ slope_j x_j (rupiah), kept >= min(0, slack0).
struct FloorRow {
  const LimitUse* limit;
  double slack0 = 0;
  std::vector<double> slope;  // per column, per rupiah
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
Solution Solve(const Statements& start, const Assessment& base, const std::vector<ModelColumn>& cols,
               const std::vector<FloorRow>& floors, double target, double margin) {
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
  for (const FloorRow& f : floors) {
    // Keep a rupiah of room when there is one, so whole-rupiah rounding cannot cross the floor; a floor that starts
    // below may not go lower.
    std::vector<std::pair<int, double>> terms;
    for (int j = 0; j < n; ++j) terms.push_back({j + 1, f.slope[size_t(j)]});
    const double room = f.slack0 >= 1 ? 1 : 0;
    model.AddRow(terms, GLP_LO, f.slack0 >= 0 ? room - f.slack0 : 0.0, 0.0);
  }
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

// Everything one solve needs besides the target: the columns (capped by their limits) and the floor rows.
struct Program {
  std::vector<ModelColumn> cols;
  std::vector<FloorRow> floors;
  std::vector<const LimitUse*> floor_limits;
  std::vector<size_t> floor_index;  // each floor's index in the Limits the program was built from
};

Program BuildProgram(const Statements& start, const ActionBook& actions, const Limits& limits,
                     const std::vector<std::string>& allowed) {
  Program prog;
  for (const Action& a : actions.actions) {
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), a.id) == allowed.end()) continue;
    Sen upper = MaxAmount(a, start);
    Sen cap = -1;
    if (const LimitUse* l = limits.ForAction(a.id); l != nullptr) {
      cap = ShareCap(*l, start);
      upper = std::min(upper, cap);
    }
    upper = upper / 100 * 100;  // whole rupiah
    prog.cols.push_back({&a, double(upper / 100), EffectiveDeltas(a, start), upper, cap});
  }
  for (const LimitUse& l : limits.items) {
    if (!l.IsFloor()) continue;
    FloorRow row{&l, 0, {}};
    const Fraction slack = FloorSlack(l, start);
    row.slack0 = Rupiah(slack);
    const double pct = double(l.pct.units) / double(Pow10(l.pct.scale)) / 100.0;
    for (const ModelColumn& c : prog.cols) {
      row.slope.push_back(SlopePerRupiah(l.floor->kept, c.deltas) - pct * SlopePerRupiah(l.floor->base, c.deltas));
    }
    prog.floors.push_back(std::move(row));
    prog.floor_limits.push_back(&l);
    prog.floor_index.push_back(size_t(&l - limits.items.data()));
  }
  return prog;
}

bool Draws(const Program& prog, size_t col) {
  for (const FloorRow& f : prog.floors) {
    if (f.slope[col] < 0) return true;
  }
  return false;
}

// Applies the rounded amounts and assesses; true when the target is reached and every limit holds. Steps that
// bring money in go first and the steps that draw on a floor last, each applied only while within its bounds (a
// collection brings in the cash before the lending that uses it); `steps` is reordered to that order, which is the
// order shown. `changed` gets the statements after the plan.
bool Verify(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, const Program& prog,
            std::vector<PlanStep>* steps, int64_t target_e6, Assessment* out, Laporan* changed) {
  *changed = laporan;
  Problems p;
  std::vector<PlanStep> pending = *steps, ordered;
  std::stable_sort(pending.begin(), pending.end(), [&](const PlanStep& a, const PlanStep& b) {
    auto draws = [&](const PlanStep& s) {
      for (const LimitUse* f : prog.floor_limits) {
        if (DrawsOnFloor(*s.action, *f, laporan.current)) return true;
      }
      return false;
    };
    return !draws(a) && draws(b);
  });
  while (!pending.empty()) {
    bool progress = false;
    for (size_t i = 0; i < pending.size(); ++i) {
      Statements trial = changed->current;
      Problems q;
      if (!ApplyAction(*pending[i].action, pending[i].amount_sen, &trial, &q)) continue;
      changed->current = trial;
      ordered.push_back(pending[i]);
      pending.erase(pending.begin() + long(i));
      progress = true;
      break;
    }
    if (!progress) return false;
  }
  for (const PlanStep& s : ordered) {
    if (s.cap_sen >= 0 && s.amount_sen > s.cap_sen) return false;
  }
  for (const LimitUse* f : prog.floor_limits) {
    if (!FloorKept(*f, laporan.current, changed->current)) return false;
  }
  *steps = ordered;
  ApplyDefaults(&changed->current);
  return Evaluate(*changed, rb, options, out, &p) && out->total_e6 >= target_e6;
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

// The cheapest verified plan reaching target_e6 within `prog`: kVerified (steps, result, floors filled, without
// the lifts), kUnreachable, kNotVerified or kSolverFailed.
Plan::Status SolveVerified(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options,
                           const Assessment& base, const Program& prog, int64_t target_e6, Plan* plan) {
  const double target = double(target_e6) / 1e6;
  Plan::Status status = Plan::Status::kUnreachable;
  // The solver's doubles may sit a hair on the wrong side of a band edge: retry with wider margins.
  for (const double margin : {1e-9, 1e-7, 1e-5, 1e-3}) {
    const Solution s = Solve(laporan.current, base, prog.cols, prog.floors, target, margin);
    if (!s.ok) return s.solver_failed ? Plan::Status::kSolverFailed : status;
    std::vector<PlanStep> steps;
    i128 cost = 0;
    for (size_t j = 0; j < prog.cols.size(); ++j) {
      const double rupiah = s.amounts[j];
      if (rupiah <= 0.5) continue;  // the solver's zero
      // Whole rupiah: up, except a step that draws on a floor, which goes down so it cannot cross the floor.
      const double whole = Draws(prog, j) ? std::floor(rupiah + 1e-6) : std::ceil(rupiah - 1e-6);
      const Sen amount = std::min<Sen>(Sen(whole) * 100, prog.cols[j].upper_sen);
      if (amount <= 0) continue;
      steps.push_back({prog.cols[j].action, amount, prog.cols[j].cap_sen, {}});
      cost += i128(amount) * prog.cols[j].action->cost_e6;
    }
    Laporan changed;
    if (Verify(laporan, rb, options, prog, &steps, target_e6, &plan->result, &changed)) {
      plan->steps = std::move(steps);
      plan->weighted_cost = cost;
      plan->has_result = true;
      plan->floors.clear();
      for (size_t f = 0; f < prog.floor_limits.size(); ++f) {
        const LimitUse& l = *prog.floor_limits[f];
        FloorState st;
        st.limit = prog.floor_index[f];
        st.kept_before = l.floor->kept.Evaluate(laporan.current);
        st.kept_after = l.floor->kept.Evaluate(changed.current);
        st.level_after = FloorLevel(l, changed.current);
        st.kept = FloorKept(l, laporan.current, changed.current);
        for (const PlanStep& step : plan->steps) st.lowered = st.lowered || DrawsOnFloor(*step.action, l, laporan.current);
        plan->floors.push_back(st);
      }
      return Plan::Status::kVerified;
    }
    status = Plan::Status::kNotVerified;
  }
  return status;
}

// The fixed ladder a binding limit is relaxed along: the nearest looser step first, so the sentence names the
// smallest change that reaches the target ("dengan batas 40 % target tercapai").
std::vector<Decimal> Ladder(const LimitUse& l) {
  static const int64_t kShare[] = {5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100};  // percent
  static const int64_t kFloor[] = {75, 50, 25, 0};                                 // tenths of a percent
  std::vector<Decimal> out;
  const Fraction now{l.pct.units, Pow10(l.pct.scale)};
  if (l.IsFloor()) {
    for (int64_t v : kFloor) {  // 7,5 %, 5 %, 2,5 %, 0 %
      const Decimal d{i128(v), 1};
      if (Compare(now, d) > 0) out.push_back(d);
    }
  } else {
    for (int64_t v : kShare) {
      const Decimal d{i128(v), 0};
      if (Compare(now, d) < 0) out.push_back(d);
    }
  }
  return out;
}

// Whether the plan within `limits` with limit `index` at `pct` reaches the target (verified); its total when so.
bool ReachesWith(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, const Assessment& base,
                 const ActionBook& actions, Limits limits, const std::vector<std::pair<size_t, Decimal>>& changes,
                 int64_t target_e6, const std::vector<std::string>& allowed, int64_t* total_e6) {
  Plan trial;
  trial.limits = std::move(limits);
  for (const auto& [index, pct] : changes) trial.limits.items[index].pct = pct;
  const Program prog = BuildProgram(laporan.current, actions, trial.limits, allowed);
  if (SolveVerified(laporan, rb, options, base, prog, target_e6, &trial) != Plan::Status::kVerified) return false;
  *total_e6 = trial.result.total_e6;
  return true;
}

// Out of reach within the limits: the best reachable plan (the cheapest reaching what the solver's maximum gives),
// then every limit that could matter relaxed on its own along its ladder, and all of them at once.
void ExplainLimits(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, const Assessment& base,
                   const ActionBook& actions, const Program& prog, double best_total, int64_t target_e6,
                   const std::vector<std::string>& allowed, Plan* plan) {
  // The scores are sums of weighted nilai: a hair below the solver's maximum is the same plan.
  const int64_t best_e6 = int64_t(std::floor(best_total * 1e6 + 0.5)) - 100;
  if (best_e6 > base.total_e6) {
    Plan best;
    best.limits = plan->limits;
    if (SolveVerified(laporan, rb, options, base, prog, best_e6, &best) == Plan::Status::kVerified) {
      for (PlanStep& step : best.steps) step.lifts_alone = LiftsAlone(laporan, rb, options, base, step);
      plan->steps = std::move(best.steps);
      plan->result = std::move(best.result);
      plan->has_result = true;
      plan->floors = std::move(best.floors);
      plan->weighted_cost = best.weighted_cost;
    }
  }
  std::vector<std::pair<size_t, Decimal>> all;
  for (size_t i = 0; i < plan->limits.items.size(); ++i) {
    const LimitUse& l = plan->limits.items[i];
    if (!l.IsFloor() && !allowed.empty() && std::find(allowed.begin(), allowed.end(), l.id) == allowed.end()) continue;
    const std::vector<Decimal> ladder = Ladder(l);
    if (ladder.empty()) continue;
    Relaxation r;
    r.limit = i;
    // Used in full: within half a percent of its cap (the solver stops a few rupiah short of an edge).
    for (const PlanStep& s : plan->steps) {
      r.tight = r.tight || (s.action->id == l.id && s.cap_sen > 0 && i128(s.amount_sen) * 200 >= i128(s.cap_sen) * 199);
    }
    for (const FloorState& f : plan->floors) {
      // At the floor, give or take the rupiah the rounding keeps.
      r.tight = r.tight || (f.limit == i && f.lowered && Compare(f.kept_after, Add(f.level_after, Fraction{10000, 1})) <= 0);
    }
    all.push_back({i, ladder.back()});
    int64_t total = -1;
    if (!ReachesWith(laporan, rb, options, base, actions, plan->limits, {{i, ladder.back()}}, target_e6, allowed, &total)) {
      r.to_pct = ladder.back();
      if (r.tight) plan->relaxations.push_back(r);
      continue;
    }
    // Reaching is monotone along the ladder (a looser limit allows every plan a tighter one does): the nearest step
    // that reaches, by bisection.
    size_t lo = 0, hi = ladder.size() - 1;
    r.total_e6 = total;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      int64_t t = -1;
      if (ReachesWith(laporan, rb, options, base, actions, plan->limits, {{i, ladder[mid]}}, target_e6, allowed, &t)) {
        hi = mid;
        r.total_e6 = t;
      } else {
        lo = mid + 1;
      }
    }
    r.to_pct = ladder[hi];
    r.reaches = true;
    plan->relaxations.push_back(r);
  }
  if (!all.empty()) {
    int64_t total = -1;
    plan->all_relaxed_reaches =
        ReachesWith(laporan, rb, options, base, actions, plan->limits, all, target_e6, allowed, &total) ? 1 : 0;
  }
  bool single = false;
  std::vector<size_t> tight;
  for (const Relaxation& r : plan->relaxations) {
    single = single || r.reaches;
    if (r.tight) tight.push_back(r.limit);
  }
  if (single || tight.size() < 2) return;
  // The limits used in full, loosened together one ladder step at a time (each a verified re-solve), so the
  // sentence names a reachable combination close to the defaults.
  for (size_t step = 0; step < 16; ++step) {
    std::vector<std::pair<size_t, Decimal>> changes;
    bool moved = false;
    for (size_t i : tight) {
      const std::vector<Decimal> ladder = Ladder(plan->limits.items[i]);
      moved = moved || step < ladder.size();
      changes.push_back({i, ladder[std::min(step, ladder.size() - 1)]});
    }
    if (!moved) return;
    int64_t total = -1;
    if (ReachesWith(laporan, rb, options, base, actions, plan->limits, changes, target_e6, allowed, &total)) {
      plan->relaxed_together = changes;
      plan->relaxed_together_total_e6 = total;
      return;
    }
  }
}

}  // namespace

bool DrawsOnFloor(const Action& action, const LimitUse& floor, const Statements& s) {
  const std::vector<Action::Delta> deltas = EffectiveDeltas(action, s);
  // slope(kept) − pct/100 · slope(base) < 0, exactly: both slopes in units of 10^-scale.
  const i128 kept = FormSlope(floor.floor->kept, deltas), base = FormSlope(floor.floor->base, deltas);
  const Fraction k{kept, Pow10(floor.floor->kept.scale)};
  const Fraction b = PercentOf(floor.pct, Fraction{base, Pow10(floor.floor->base.scale)});
  return Compare(k, b) < 0;
}

Plan MakePlan(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, const Assessment& base,
              const ActionBook& actions, const Limits& limits, int64_t target_e6,
              const std::vector<std::string>& allowed) {
  glp_term_out(GLP_OFF);
  Plan plan;
  plan.limits = limits;
  if (base.total_e6 >= target_e6) {
    plan.status = Plan::Status::kAlreadyThere;
    plan.result = base;
    return plan;
  }
  const Program prog = BuildProgram(laporan.current, actions, plan.limits, allowed);
  plan.status = SolveVerified(laporan, rb, options, base, prog, target_e6, &plan);
  if (plan.status == Plan::Status::kVerified) {
    for (PlanStep& step : plan.steps) step.lifts_alone = LiftsAlone(laporan, rb, options, base, step);
    return plan;
  }
  if (plan.status == Plan::Status::kNotVerified || plan.status == Plan::Status::kSolverFailed) return plan;
  // Unreachable: how far these actions can go, the best plan within the limits, which limits stop it, and what
  // nothing moves.
  const Solution best = Solve(laporan.current, base, prog.cols, prog.floors, -1, 1e-7);
  if (best.ok) {
    plan.reachable_max_e6 = int64_t(std::floor(best.total * 1e6 + 0.5));
    ExplainLimits(laporan, rb, options, base, actions, prog, best.total, target_e6, allowed, &plan);
  }
  for (size_t k = 0; k < base.components.size(); ++k) {
    const ComponentResult& r = base.components[k];
    if (r.LostE6() <= 0) continue;
    const bool held_fixed = r.spec->kind == ComponentKind::kRatio &&
                            (ModelBands(*r.spec).empty() || r.zero_denominator || r.denominator_sen.Sign() <= 0);
    bool moved = false;
    for (const ModelColumn& col : prog.cols) {
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
