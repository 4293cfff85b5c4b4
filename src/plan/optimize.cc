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

// One column of the program: an action's amount in rupiah (continuous), or how many "Tidak" items of one checklist
// are worked on (integer). The items of one checklist all take the same work, so only their number matters: one
// integer column per checklist instead of a binary per item keeps the search free of symmetric choices (which four
// of seven items), and the plan names the first of them.
struct ModelColumn {
  const Action* action = nullptr;     // an action, or null for a checklist
  double upper = 0;                   // rupiah; for a checklist, how many items can be worked on
  std::vector<Action::Delta> deltas;  // including the lines that follow by default (none for a checklist)
  Sen upper_sen = 0;                  // the same, exactly: its bounds and its share limit before the plan
  Sen cap_sen = -1;                   // its share limit, -1 when none
  double cost = 0;                    // the objective per unit: cost weight per rupiah, or one item's day cost
  int component = -1;                 // a checklist: its component (index into Assessment::components)
  std::vector<int> items;             // and the 0-based items work can change, in list order
  const ChecklistEffort* effort = nullptr;
  bool IsChecklist() const { return action == nullptr; }
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
  std::vector<double> amounts;  // rupiah (items: 0 or 1), per column
  double total = 0;             // the solver's total score
};

// How a ratio component's numerator and denominator stand (n0, d0) and move per rupiah of each column (an, ad).
struct RatioSlopes {
  double n0 = 0, d0 = 0;
  std::vector<double> an, ad;
};

// What a component with nilai `nilai_e2` adds to the total: bobot × nilai for a weighted method; for persentase_skor
// its aspect's bobot × (skor_maks + 1 − nilai) ÷ (skor_maks × the aspect's scored components), since the aspect
// pools its components' skor and the total weighs the aspects (rulebook.h, Aggregation).
double Points(const Assessment& base, const ComponentResult& r, int64_t nilai_e2) {
  const Component& c = *r.spec;
  if (!base.rulebook->ScorePercent()) return double(c.bobot_e2) * double(nilai_e2) / 1e6;
  const AspectResult& a = base.aspects[size_t(c.aspect_index)];
  const double skor_maks = base.rulebook->skor_maks;
  return double(a.max_e6) / 1e6 * (skor_maks + 1 - double(nilai_e2) / 100) / (skor_maks * a.pool.components);
}

// What the component adds to the total as it stands.
double PointsNow(const Assessment& base, const ComponentResult& r) {
  if (r.Informational() || !r.scored) return 0;
  return r.pooled ? Points(base, r, r.nilai_e2) : double(r.skor_e6) / 1e6;
}

// The program while it is built: GLPK's problem, the sparse matrix loaded into it at the end (GLPK counts from 1,
// so entry 0 of each array is unused) and the score as a sum over band columns plus what no action moves.
struct Model {
  Model(glp_prob* problem, const std::vector<ModelColumn>& columns, const Assessment& assessed)
      : p(problem), cols(columns), base(assessed), n(int(columns.size())) {}

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

  void AddComponent(size_t k, double margin);
  bool RatioSlopesOf(const ComponentResult& r, RatioSlopes* s) const;
  void AddBands(const ComponentResult& r, const std::vector<Band>& bands, const RatioSlopes& s, double margin);
  void AddChecklistBands(const ComponentResult& r, int col);
  void AddBandEdge(int z, const Interval& iv, bool lower, const RatioSlopes& s, double margin);
  void AddLineBounds(const Statements& start);

  glp_prob* p;
  const std::vector<ModelColumn>& cols;
  const Assessment& base;
  const int n;
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  std::vector<std::pair<int, double>> score_terms;  // Σ points of band b · z_b (and points per item)
  double fixed_score = 0;
};

// How a ratio component's figures move with the actions; false when nothing moves it or the model cannot hold it
// (no band table it can use, a zero or negative denominator that moves).
bool Model::RatioSlopesOf(const ComponentResult& r, RatioSlopes* s) const {
  const Component& c = *r.spec;
  if (r.zero_denominator) return false;
  bool any = false, den_moves = false;
  for (int j = 0; j < n; ++j) {
    s->an[size_t(j)] = SlopePerRupiah(c.numerator, cols[size_t(j)].deltas);
    s->ad[size_t(j)] = SlopePerRupiah(c.denominator, cols[size_t(j)].deltas);
    any = any || s->an[size_t(j)] != 0 || s->ad[size_t(j)] != 0;
    den_moves = den_moves || s->ad[size_t(j)] != 0;
  }
  s->n0 = Rupiah(r.numerator_sen);
  s->d0 = Rupiah(r.denominator_sen);
  // Growth from a negative base that no action moves (last year's figure) is measured against its size.
  if (c.absolute_denominator && s->d0 < 0 && !den_moves) s->d0 = -s->d0;
  return any && s->d0 > 0;
}

// One binary column per band of a component the actions move, exactly one of them chosen, each forcing the
// ratio into its band; a component nothing moves adds its points as a constant.
void Model::AddComponent(size_t k, double margin) {
  const ComponentResult& r = base.components[k];
  const Component& c = *r.spec;
  if (r.Informational() || !r.scored) return;  // adds nothing to the total
  if (c.kind == ComponentKind::kChecklist) {
    int col = -1;
    for (int j = 0; j < n; ++j) {
      if (cols[size_t(j)].component == int(k)) col = j + 1;
    }
    if (col < 0) {
      fixed_score += PointsNow(base, r);
    } else if (!r.pooled) {  // a weighted checklist: points per "Ya"
      fixed_score += PointsNow(base, r);
      score_terms.push_back({col, double(c.points_per_yes_e6) / 1e6});
    } else {
      AddChecklistBands(r, col);
    }
    return;
  }
  RatioSlopes s;
  s.an.resize(static_cast<size_t>(n));
  s.ad.resize(static_cast<size_t>(n));
  const std::vector<Band> bands = ModelBands(c);
  if (bands.empty() || !RatioSlopesOf(r, &s)) {
    fixed_score += PointsNow(base, r);
    return;
  }
  AddBands(r, bands, s, margin);
}

void Model::AddBands(const ComponentResult& r, const std::vector<Band>& bands, const RatioSlopes& s, double margin) {
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
    score_terms.push_back({z, Points(base, r, bands[b].nilai_e2)});
    for (int side = 0; side < 2; ++side) AddBandEdge(z, bands[b].range, side == 0, s, margin);
  }
  AddRow(pick, GLP_FX, 1.0, 1.0);
}

// A banded checklist (persentase_skor): one binary per band the count of "Ya" can reach, exactly one chosen, each
// requiring the items its lowest count needs. The counts are whole numbers, so each band's edge is a count found
// exactly here (Interval::Contains on k/items) and the rows need no margin. A worse band than the count reaches is
// never chosen: it would only lower the total.
void Model::AddChecklistBands(const ComponentResult& r, int col) {
  const int available = int(cols[size_t(col - 1)].items.size());
  std::vector<std::pair<int, double>> pick;
  for (const Band& b : r.spec->bands) {
    int lowest = -1;
    for (int k = 0; k <= r.items && lowest < 0; ++k) {
      if (b.range.Contains(Fraction::Of(i128(k) * 100, r.items))) lowest = k;
    }
    if (lowest < 0 || lowest > r.yes + available) continue;  // no count reaches this band
    const int z = glp_add_cols(p, 1);
    glp_set_col_kind(p, z, GLP_BV);
    pick.push_back({z, 1.0});
    score_terms.push_back({z, Points(base, r, b.nilai_e2)});
    const int need = lowest - r.yes;
    if (need > 0) AddRow({{col, 1.0}, {z, -double(need)}}, GLP_LO, 0.0, 0.0);  // z = 1 ⇒ items ≥ need
  }
  if (pick.empty()) {  // cannot happen: the count as filed lies in some band
    fixed_score += PointsNow(base, r);
    return;
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
    if (cols[size_t(j)].IsChecklist()) glp_set_col_kind(p, j + 1, GLP_IV);
    glp_set_obj_coef(p, j + 1, target < 0 ? 0.0 : cols[size_t(j)].cost);
  }
  Model model(p, cols, base);
  for (size_t k = 0; k < base.components.size(); ++k) model.AddComponent(k, margin);
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
  // With checklist columns (KKPKK: 30 integer columns, about 130 band binaries) GLPK's cutting planes shorten the
  // search twelvefold (bench/RESULTS.md: 0.5 s → 42 ms). The weighted 2016 program solves in milliseconds without
  // them, and with them its ties between equally cheap best plans fall differently; it keeps the plain search.
  const bool checklists = std::any_of(cols.begin(), cols.end(), [](const ModelColumn& c) { return c.IsChecklist(); });
  if (checklists) {
    parm.mir_cuts = GLP_ON;
    parm.gmi_cuts = GLP_ON;
    parm.cov_cuts = GLP_ON;
    parm.clq_cuts = GLP_ON;
  }
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

// What every solve of one planning request shares.
struct Inputs {
  const Laporan& laporan;
  const Rulebook& rb;
  const EvaluateOptions& options;
  const Assessment& base;
  const ActionBook& actions;
  const EffortBook* effort;
  const std::vector<std::string>& allowed;
  int64_t target_e6;
};

bool Allowed(const Inputs& in, const std::string& id) {
  return in.allowed.empty() || std::find(in.allowed.begin(), in.allowed.end(), id) != in.allowed.end();
}

// Everything one solve needs besides the target: the columns (capped by their limits) and the floor rows.
struct Program {
  std::vector<ModelColumn> cols;
  std::vector<FloorRow> floors;
  std::vector<const LimitUse*> floor_limits;
  std::vector<size_t> floor_index;  // each floor's index in the Limits the program was built from
};

// One column per checklist with items work can change (WorkableItems).
void AddChecklistColumns(const Inputs& in, Program* prog) {
  if (in.effort == nullptr || !Allowed(in, kChecklistActionsId)) return;
  const double day_rupiah = double(in.effort->day_value_sen) / 100.0;
  for (size_t k = 0; k < in.base.components.size(); ++k) {
    const ComponentResult& r = in.base.components[k];
    const Component& c = *r.spec;
    if (c.kind != ComponentKind::kChecklist || !r.scored || c.informational) continue;
    const ChecklistEffort* e = in.effort->Find(c.id);
    if (e == nullptr) continue;
    ModelColumn col;
    col.items = WorkableItems(r, *e);
    if (col.items.empty()) continue;
    col.upper = double(col.items.size());
    col.cost = double(e->person_days) * day_rupiah;
    col.component = int(k);
    col.effort = e;
    prog->cols.push_back(std::move(col));
  }
}

Program BuildProgram(const Inputs& in, const Limits& limits) {
  const Statements& start = in.laporan.current;
  Program prog;
  for (const Action& a : in.actions.actions) {
    if (!Allowed(in, a.id)) continue;
    Sen upper = MaxAmount(a, start);
    Sen cap = -1;
    if (const LimitUse* l = limits.ForAction(a.id); l != nullptr) {
      cap = ShareCap(*l, start);
      upper = std::min(upper, cap);
    }
    upper = upper / 100 * 100;  // whole rupiah
    ModelColumn col;
    col.action = &a;
    col.upper = double(upper / 100);
    col.deltas = EffectiveDeltas(a, start);
    col.upper_sen = upper;
    col.cap_sen = cap;
    col.cost = double(a.cost_e6) / 1e6;
    prog.cols.push_back(std::move(col));
  }
  AddChecklistColumns(in, &prog);
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

// Turns the checklist steps' items to "Ya" in the laporan's answers. False when a list is missing (a bug: the
// items came from the assessment of this laporan).
bool ApplyItems(const Assessment& base, const std::vector<ChecklistStep>& steps, Laporan* laporan) {
  for (const ChecklistStep& s : steps) {
    if (!TurnToYes(*base.components[s.component].spec, s.items, laporan)) return false;
  }
  return true;
}

// Applies the rounded amounts and the checklist items and assesses; true when the target is reached and every
// limit holds. Steps that bring money in go first and the steps that draw on a floor last, each applied only while
// within its bounds (a collection brings in the cash before the lending that uses it); `steps` is reordered to
// that order, which is the order shown. `changed` gets the laporan after the plan.
bool Verify(const Inputs& in, const Program& prog, std::vector<PlanStep>* steps,
            const std::vector<ChecklistStep>& items, Assessment* out, Laporan* changed) {
  const Laporan& laporan = in.laporan;
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
  if (!ApplyItems(in.base, items, changed)) return false;
  *steps = ordered;
  ApplyDefaults(&changed->current);
  return Evaluate(*changed, in.rb, in.options, out, &p) && ReachesTarget(*out, in.target_e6);
}

// The components whose nilai `after` raises over `base`, in component order (the same rulebook, so the same
// components; a re-assessment under another business class is compared by nothing).
std::vector<ComponentLift> Lifts(const Assessment& base, const Assessment& after) {
  std::vector<ComponentLift> lifts;
  if (after.components.size() != base.components.size()) return lifts;
  for (size_t k = 0; k < base.components.size(); ++k) {
    const bool better = base.rulebook->ScorePercent() ? after.components[k].nilai_e2 < base.components[k].nilai_e2
                                                      : after.components[k].nilai_e2 > base.components[k].nilai_e2;
    if (better) lifts.push_back({k, base.components[k].nilai_e2, after.components[k].nilai_e2});
  }
  return lifts;
}

std::vector<ComponentLift> LiftsAlone(const Inputs& in, const PlanStep& step) {
  Laporan alone = in.laporan;
  Problems ignored;
  Assessment one;
  if (!ApplyAction(*step.action, step.amount_sen, &alone.current, &ignored)) return {};
  ApplyDefaults(&alone.current);
  if (!Evaluate(alone, in.rb, in.options, &one, &ignored)) return {};
  return Lifts(in.base, one);
}

// The nilai a checklist step gives its component on its own.
void ChecklistLift(const Inputs& in, ChecklistStep* step) {
  step->from_nilai_e2 = step->to_nilai_e2 = in.base.components[step->component].nilai_e2;
  Laporan alone = in.laporan;
  Problems ignored;
  Assessment one;
  if (!ApplyItems(in.base, {*step}, &alone) || !Evaluate(alone, in.rb, in.options, &one, &ignored) ||
      one.components.size() != in.base.components.size()) {
    return;
  }
  step->to_nilai_e2 = one.components[step->component].nilai_e2;
}

// The cheapest verified plan reaching in.target_e6 (or `target_e6` when given) within `prog`: kVerified (steps,
// result, floors filled, without the lifts), kUnreachable, kNotVerified or kSolverFailed.
Plan::Status SolveVerified(const Inputs& in, const Program& prog, int64_t target_e6, Plan* plan) {
  const Inputs at{in.laporan, in.rb, in.options, in.base, in.actions, in.effort, in.allowed, target_e6};
  const double target = double(target_e6) / 1e6;
  Plan::Status status = Plan::Status::kUnreachable;
  // The solver's doubles may sit a hair on the wrong side of a band edge: retry with wider margins.
  for (const double margin : {1e-9, 1e-7, 1e-5, 1e-3}) {
    const Solution s = Solve(in.laporan.current, in.base, prog.cols, prog.floors, target, margin);
    if (!s.ok) return s.solver_failed ? Plan::Status::kSolverFailed : status;
    std::vector<PlanStep> steps;
    std::vector<ChecklistStep> items;
    i128 cost = 0;
    int64_t days = 0;
    for (size_t j = 0; j < prog.cols.size(); ++j) {
      const ModelColumn& col = prog.cols[j];
      if (col.IsChecklist()) {
        const size_t count = size_t(std::min(std::max(s.amounts[j] + 0.5, 0.0), col.upper));
        if (count == 0) continue;
        ChecklistStep step{size_t(col.component), col.effort, {}, 0, 0, 0};
        step.items.assign(col.items.begin(), col.items.begin() + long(count));
        step.person_days = int64_t(count) * col.effort->person_days;
        days += step.person_days;
        cost += i128(step.person_days) * in.effort->day_value_sen * 1'000'000;
        items.push_back(std::move(step));
        continue;
      }
      const double rupiah = s.amounts[j];
      if (rupiah <= 0.5) continue;  // the solver's zero
      // Whole rupiah: up, except a step that draws on a floor, which goes down so it cannot cross the floor.
      const double whole = Draws(prog, j) ? std::floor(rupiah + 1e-6) : std::ceil(rupiah - 1e-6);
      const Sen amount = std::min<Sen>(Sen(whole) * 100, col.upper_sen);
      if (amount <= 0) continue;
      steps.push_back({col.action, amount, col.cap_sen, {}});
      cost += i128(amount) * col.action->cost_e6;
    }
    Laporan changed;
    if (Verify(at, prog, &steps, items, &plan->result, &changed)) {
      plan->steps = std::move(steps);
      plan->checklist_steps = std::move(items);
      plan->person_days = days;
      plan->weighted_cost = cost;
      plan->has_result = true;
      plan->floors.clear();
      for (size_t f = 0; f < prog.floor_limits.size(); ++f) {
        const LimitUse& l = *prog.floor_limits[f];
        FloorState st;
        st.limit = prog.floor_index[f];
        st.kept_before = l.floor->kept.Evaluate(in.laporan.current);
        st.kept_after = l.floor->kept.Evaluate(changed.current);
        st.level_after = FloorLevel(l, changed.current);
        st.kept = FloorKept(l, in.laporan.current, changed.current);
        for (const PlanStep& step : plan->steps) st.lowered = st.lowered || DrawsOnFloor(*step.action, l, in.laporan.current);
        plan->floors.push_back(st);
      }
      return Plan::Status::kVerified;
    }
    status = Plan::Status::kNotVerified;
  }
  return status;
}

// Fills what each step does on its own (for the steps of a verified or best plan).
void FillLifts(const Inputs& in, Plan* plan) {
  for (PlanStep& step : plan->steps) step.lifts_alone = LiftsAlone(in, step);
  for (ChecklistStep& step : plan->checklist_steps) ChecklistLift(in, &step);
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

// Whether the plan within `limits` with the given limits changed reaches the target (verified); its total when so.
bool ReachesWith(const Inputs& in, Limits limits, const std::vector<std::pair<size_t, Decimal>>& changes,
                 int64_t* total_e6) {
  Plan trial;
  trial.limits = std::move(limits);
  for (const auto& [index, pct] : changes) trial.limits.items[index].pct = pct;
  const Program prog = BuildProgram(in, trial.limits);
  if (SolveVerified(in, prog, in.target_e6, &trial) != Plan::Status::kVerified) return false;
  *total_e6 = trial.result.total_e6;
  return true;
}

// Out of reach within the limits: the best reachable plan (the cheapest reaching what the solver's maximum gives),
// then every limit that could matter relaxed on its own along its ladder, and all of them at once.
void ExplainLimits(const Inputs& in, const Program& prog, double best_total, Plan* plan) {
  // The scores are sums of weighted nilai: a hair below the solver's maximum is the same plan.
  const int64_t best_e6 = int64_t(std::floor(best_total * 1e6 + 0.5)) - 100;
  if (best_e6 > in.base.total_e6) {
    Plan best;
    best.limits = plan->limits;
    if (SolveVerified(in, prog, best_e6, &best) == Plan::Status::kVerified) {
      FillLifts(in, &best);
      plan->steps = std::move(best.steps);
      plan->checklist_steps = std::move(best.checklist_steps);
      plan->person_days = best.person_days;
      plan->result = std::move(best.result);
      plan->has_result = true;
      plan->floors = std::move(best.floors);
      plan->weighted_cost = best.weighted_cost;
    }
  }
  std::vector<std::pair<size_t, Decimal>> all;
  for (size_t i = 0; i < plan->limits.items.size(); ++i) {
    const LimitUse& l = plan->limits.items[i];
    if (!l.IsFloor() && !Allowed(in, l.id)) continue;
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
    if (!ReachesWith(in, plan->limits, {{i, ladder.back()}}, &total)) {
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
      if (ReachesWith(in, plan->limits, {{i, ladder[mid]}}, &t)) {
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
    plan->all_relaxed_reaches = ReachesWith(in, plan->limits, all, &total) ? 1 : 0;
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
    if (ReachesWith(in, plan->limits, changes, &total)) {
      plan->relaxed_together = changes;
      plan->relaxed_together_total_e6 = total;
      return;
    }
  }
}

// Whether the program holds a ratio component's moves (the rule of Model::RatioSlopesOf): a non-zero denominator
// that stays positive, or a constant negative base measured against its size (penyebut_mutlak).
bool Modelled(const Program& prog, const ComponentResult& r) {
  if (r.zero_denominator) return false;
  if (r.denominator_sen.Sign() > 0) return true;
  if (!r.spec->absolute_denominator) return false;
  for (const ModelColumn& col : prog.cols) {
    if (SlopePerRupiah(r.spec->denominator, col.deltas) != 0) return false;
  }
  return true;
}

// Whether any column moves component k (a ratio's figures, or a checklist's items).
bool Moved(const Program& prog, const ComponentResult& r, size_t k) {
  for (const ModelColumn& col : prog.cols) {
    if (r.spec->kind == ComponentKind::kChecklist) {
      if (col.component == int(k)) return true;
    } else if (SlopePerRupiah(r.spec->numerator, col.deltas) != 0 || SlopePerRupiah(r.spec->denominator, col.deltas) != 0) {
      return true;
    }
  }
  return false;
}

// persentase_skor: each aspect before and after the plan shown, and what its unmovable components keep losing.
void OutlookPerAspect(const Assessment& base, Plan* plan) {
  if (!base.rulebook->ScorePercent()) return;
  for (size_t a = 0; a < base.aspects.size(); ++a) {
    AspectOutlook o;
    o.aspect = a;
    o.now_e6 = base.aspects[a].skor_e6;
    o.max_e6 = base.aspects[a].max_e6;
    if (plan->has_result && plan->result.aspects.size() == base.aspects.size()) o.after_e6 = plan->result.aspects[a].skor_e6;
    for (const size_t k : plan->stuck) {
      if (base.components[k].spec->aspect_index == int(a)) o.stuck_e6 += base.components[k].LostE6();
    }
    plan->aspects.push_back(o);
  }
}

}  // namespace

bool ReachesTarget(const Assessment& a, int64_t target_e6) {
  // A weighted method's total is exact at 10^-6 (Evaluate fills exact_total for persentase_skor only).
  if (!a.rulebook->ScorePercent()) return a.total_e6 >= target_e6;
  return Compare(a.exact_total, Fraction::Of(target_e6, 1'000'000)) >= 0;
}

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
              const std::vector<std::string>& allowed, const EffortBook* effort) {
  // GLPK keeps an environment per thread until glp_free_env; a web worker thread that plans would otherwise hold
  // it until the thread ends and lose it then (LeakSanitizer). Every GLPK object of a plan lives inside this call,
  // so the environment is freed when it returns (and made again, cheaply, by the next plan).
  struct FreeGlpkEnvironment {
    ~FreeGlpkEnvironment() { glp_free_env(); }
  } free_environment;
  glp_term_out(GLP_OFF);
  Plan plan;
  plan.limits = limits;
  plan.day_value_sen = effort != nullptr ? effort->day_value_sen : 0;
  if (ReachesTarget(base, target_e6)) {
    plan.status = Plan::Status::kAlreadyThere;
    plan.result = base;
    return plan;
  }
  const Inputs in{laporan, rb, options, base, actions, effort, allowed, target_e6};
  const Program prog = BuildProgram(in, plan.limits);
  plan.status = SolveVerified(in, prog, target_e6, &plan);
  if (plan.status == Plan::Status::kVerified) {
    FillLifts(in, &plan);
    return plan;
  }
  if (plan.status == Plan::Status::kNotVerified || plan.status == Plan::Status::kSolverFailed) return plan;
  // Unreachable: how far these actions can go, the best plan within the limits, which limits stop it, and what
  // nothing moves.
  const Solution best = Solve(laporan.current, base, prog.cols, prog.floors, -1, 1e-7);
  if (best.ok) {
    plan.reachable_max_e6 = int64_t(std::floor(best.total * 1e6 + 0.5));
    ExplainLimits(in, prog, best.total, &plan);
  }
  for (size_t k = 0; k < base.components.size(); ++k) {
    const ComponentResult& r = base.components[k];
    if (r.LostE6() <= 0) continue;
    const bool held_fixed = r.spec->kind == ComponentKind::kRatio && (ModelBands(*r.spec).empty() || !Modelled(prog, r));
    if (!Moved(prog, r, k)) {
      plan.stuck.push_back(k);
    } else if (held_fixed) {
      plan.not_modelled.push_back(k);
    }
  }
  OutlookPerAspect(base, &plan);
  return plan;
}

}  // namespace kopsehat
