#include <algorithm>
#include <memory>
#include <optional>

#include "assess/assessment.h"
#include "core/check.h"
#include "core/suggest.h"

namespace kopsehat {

namespace {

// x = 100 × num / den, exactly.
Fraction PercentOf(const Fraction& num, const Fraction& den) {
  return Fraction::Of(CheckedMul(CheckedMul(num.num, den.den), 100), CheckedMul(den.num, num.den));
}

// `lower_is_better`: persentase_skor rulebooks rate 1 best.
NextStep NextBand(const Component& c, int band, const Fraction& x, bool lower_is_better) {
  NextStep best;
  const int64_t current = c.bands[size_t(band)].nilai_e2;
  auto better = [&](int64_t a, int64_t b) { return lower_is_better ? a < b : a > b; };
  for (size_t j = 0; j < c.bands.size(); ++j) {
    const Band& b = c.bands[j];
    if (!better(b.nilai_e2, current)) continue;
    NextStep s;
    s.exists = true;
    s.nilai_e2 = b.nilai_e2;
    if (int(j) > band) {
      s.direction = 1;
      s.target_pct = Fraction{b.range.lo.units, Pow10(b.range.lo.scale)};
      s.inclusive = b.range.lo_inclusive;
      s.gap_pct = Fraction{CheckedSub(CheckedMul(s.target_pct.num, x.den), CheckedMul(x.num, s.target_pct.den)),
                           CheckedMul(x.den, s.target_pct.den)};
    } else {
      s.direction = -1;
      s.target_pct = Fraction{b.range.hi.units, Pow10(b.range.hi.scale)};
      s.inclusive = b.range.hi_inclusive;
      s.gap_pct = Fraction{CheckedSub(CheckedMul(x.num, s.target_pct.den), CheckedMul(s.target_pct.num, x.den)),
                           CheckedMul(x.den, s.target_pct.den)};
    }
    if (!best.exists || Compare(s.gap_pct, best.gap_pct) < 0 ||
        (Compare(s.gap_pct, best.gap_pct) == 0 && better(s.nilai_e2, best.nilai_e2))) {
      best = s;
    }
  }
  return best;
}

int64_t LinearNilai(const LinearRule& r, i128 rounded) {
  const i128 v = CheckedAdd(r.intercept_e2, CheckedMul(r.slope_e2, rounded));
  return int64_t(std::clamp<i128>(v, r.min_e2, r.max_e2));
}

// The rounded percent at which a linear rule first gives more than `current` nilai.
NextStep NextLinear(const LinearRule& r, int64_t current, const Fraction& x) {
  NextStep s;
  if (current >= r.max_e2 || r.slope_e2 == 0) return s;
  s.exists = true;
  const i128 need = i128(current) - r.intercept_e2;  // slope × r' must exceed this
  if (r.slope_e2 > 0) {
    const i128 target_r = FloorDiv(need, r.slope_e2) + 1;
    s.direction = 1;
    s.target_pct = Fraction{CheckedSub(CheckedMul(target_r, 2), 1), 2};  // rounds up to target_r from r' - 0.5
    s.inclusive = true;
    s.nilai_e2 = LinearNilai(r, target_r);
    s.gap_pct = Fraction{CheckedSub(CheckedMul(s.target_pct.num, x.den), CheckedMul(x.num, 2)), CheckedMul(x.den, 2)};
  } else {
    // slope × r' > need with slope < 0  <=>  r' < need / slope
    const i128 q = -FloorDiv(-need, r.slope_e2);  // ceil(need / slope)
    const i128 target_r = q - 1;
    s.direction = -1;
    s.target_pct = Fraction{CheckedAdd(CheckedMul(target_r, 2), 1), 2};  // below r' + 0.5 rounds to r' or less
    s.inclusive = false;
    s.nilai_e2 = LinearNilai(r, target_r);
    s.gap_pct = Fraction{CheckedSub(CheckedMul(x.num, 2), CheckedMul(s.target_pct.num, x.den)), CheckedMul(x.den, 2)};
  }
  return s;
}

// A formula's value for this laporan: this year's lines, and last year's where the formula reads lalu().
Fraction Value(const Laporan& laporan, const LinearForm& form) {
  return form.uses_previous ? form.Evaluate(laporan.current, laporan.previous) : form.Evaluate(laporan.current);
}

// The band of x, its nilai and the nearest better band.
void ApplyBands(const Component& c, bool lower_is_better, ComponentResult* r) {
  for (size_t i = 0; i < c.bands.size(); ++i) {
    if (c.bands[i].range.Contains(r->ratio_pct)) {
      r->band = int(i);
      break;
    }
  }
  // The loader guarantees the bands cover the whole line exactly once.
  KOPSEHAT_CHECK(r->band >= 0, "band table of " + c.id + " does not cover the ratio");
  r->nilai_e2 = c.bands[size_t(r->band)].nilai_e2;
  r->next = NextBand(c, r->band, r->ratio_pct, lower_is_better);
}

void EvaluateRatio(const Laporan& laporan, const Rulebook& rb, const Component& c, ComponentResult* r,
                   std::vector<Warning>* warnings) {
  r->numerator_sen = Value(laporan, c.numerator);
  r->denominator_sen = Value(laporan, c.denominator);
  r->zero_denominator = r->denominator_sen.IsZero();
  if (r->zero_denominator && c.informational) return;  // shown as "cannot be computed"; nothing is scored
  if (r->zero_denominator) {
    r->nilai_e2 = c.zero.nilai_e2;
    warnings->push_back(Warning{c.zero.kode, c.id, {FormatPlain(c.zero.nilai_e2, 2, 0)}});
    return;
  }
  if (c.absolute_denominator && r->denominator_sen.num < 0) {
    // Growth from a negative base, measured against its size: the direction of the change is kept.
    r->ratio_pct = PercentOf(r->numerator_sen, Fraction{-r->denominator_sen.num, r->denominator_sen.den});
    warnings->push_back(Warning{"dasar_negatif", c.id, {}});
  } else {
    r->ratio_pct = PercentOf(r->numerator_sen, r->denominator_sen);
    if (c.denominator.uses_previous && r->denominator_sen.num < 0) {
      // Growth from a loss (a negative base) flips the sign: an improvement would read as a fall.
      warnings->push_back(Warning{"penyebut_negatif", c.id, {}});
    }
  }
  if (c.informational) return;
  if (c.linear) {
    r->linear_r = int64_t(std::clamp<i128>(RoundHalfUp(r->ratio_pct, 0), INT64_MIN / 4, INT64_MAX / 4));
    r->nilai_e2 = LinearNilai(c.linear_rule, r->linear_r);
    r->next = NextLinear(c.linear_rule, r->nilai_e2, r->ratio_pct);
    return;
  }
  ApplyBands(c, rb.ScorePercent(), r);
}

// growth in percent of a from previous to current; previous must be positive.
Fraction GrowthPct(const Fraction& now, const Fraction& prev) {
  return PercentOf(Fraction{CheckedSub(now.num, prev.num), now.den}, prev);
}

DerivedAnswer Derive(const Laporan& laporan, const Derivation& d) {
  DerivedAnswer out;
  out.spec = &d;
  const Fraction a1 = d.a.Evaluate(laporan.current);
  const Fraction b1 = d.b.Evaluate(laporan.current);
  Fraction a0, b0;
  if (d.needs_previous) {
    a0 = d.a.Evaluate(laporan.previous);
    b0 = d.b.Evaluate(laporan.previous);
  }
  const Fraction param{d.param.units, Pow10(d.param.scale)};
  switch (d.kind) {
    case Derivation::Kind::kGrowthNotBelow:
      if (a0.Sign() <= 0 || b0.Sign() <= 0) return out;  // growth from nothing is undefined
      out.first = GrowthPct(a1, a0);
      out.second = GrowthPct(b1, b0);
      out.books_say = Compare(out.first, out.second) >= 0;
      break;
    case Derivation::Kind::kGrowthAtLeast:
      if (a0.Sign() <= 0) return out;
      out.first = GrowthPct(a1, a0);
      out.second = param;
      out.books_say = Compare(out.first, out.second) >= 0;
      break;
    case Derivation::Kind::kIncreaseAtLeast:
      out.first = Fraction{CheckedSub(a1.num, a0.num), a1.den};
      out.second = Fraction{CheckedMul(b0.num, param.num), CheckedMul(b0.den, param.den)};
      out.books_say = Compare(out.first, out.second) >= 0;
      break;
    case Derivation::Kind::kRatioAtMost:
      out.second = param;
      if (b1.Sign() <= 0) {
        out.zero_base = true;
        out.books_say = a1.Sign() <= 0;
      } else {
        out.first = PercentOf(a1, b1);
        out.books_say = Compare(out.first, out.second) <= 0;
      }
      break;
  }
  out.answerable = true;
  return out;
}

// A banded checklist's next step is a whole number of items: the count k (0..items) nearest to the filed one whose
// share falls in a better band (lower nilai), the better nilai winning a tie. The band edges themselves may be
// unreachable (no k/items is exactly 75 % of 17 items), so the ratio's NextBand does not apply.
NextStep NextChecklistStep(const Component& c, const ComponentResult& r) {
  NextStep best;
  // Outward from the filed count, so the nearest better count is found after a step or two (this runs for every
  // checklist of every assessment).
  for (int gap = 1; gap <= r.items && !best.exists; ++gap) {
    for (const int k : {r.yes + gap, r.yes - gap}) {
      if (k < 0 || k > r.items) continue;
      const Fraction x = Fraction::Of(i128(k) * 100, r.items);
      int64_t nilai = -1;
      for (const Band& b : c.bands) {
        if (b.range.Contains(x)) nilai = b.nilai_e2;
      }
      if (nilai < 0 || nilai >= r.nilai_e2 || (best.exists && nilai >= best.nilai_e2)) continue;  // not better
      best.exists = true;
      best.direction = k > r.yes ? 1 : -1;
      best.target_pct = x;
      best.inclusive = true;
      best.nilai_e2 = nilai;
      best.gap_pct = Fraction::Of(i128(gap) * 100, r.items);
    }
  }
  return best;
}

void EvaluateChecklist(const Laporan& laporan, const Rulebook& rb, const Component& c,
                       const ChecklistAnswers& answers, ComponentResult* r,
                       std::vector<Warning>* warnings) {
  r->items = int(c.items.size());
  for (size_t i = 0; i < answers.answers.size() && i < r->answers.size(); ++i) {
    r->answers[i] = answers.answers[i];
    r->yes += answers.answers[i] ? 1 : 0;
  }
  if (rb.ScorePercent()) {
    // The share of items met, in percent, banded like a ratio (KKPKK evidence §4.2).
    r->numerator_sen = Fraction{r->yes, 1};
    r->denominator_sen = Fraction{r->items, 1};
    r->ratio_pct = Fraction::Of(i128(r->yes) * 100, r->items);
    ApplyBands(c, /*lower_is_better=*/true, r);
    r->next = NextChecklistStep(c, *r);
  } else {
    r->skor_e6 = int64_t(r->yes) * c.points_per_yes_e6;
  }
  for (size_t i = 0; i < c.items.size(); ++i) {
    const auto& d = c.items[i].derivation;
    if (!d.has_value() || (d->needs_previous && !laporan.has_previous)) continue;
    DerivedAnswer da = Derive(laporan, *d);
    if (!da.answerable) continue;
    da.item = int(i);
    const bool filed = answers.answers[i];
    da.conflict = filed != da.books_say;
    if (da.conflict) {
      const std::string item = std::to_string(i + 1);
      warnings->push_back(Warning{"jawaban_berbeda_dengan_buku", c.AnswersPath() + "[" + item + "]",
                                  {c.id, item, filed ? "ya" : "tidak", da.books_say ? "ya" : "tidak"}});
    }
    r->derived.push_back(std::move(da));
  }
}

bool CheckChecklists(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, Problems* problems) {
  const size_t before = problems->size();
  for (const AnswerSet& as : rb.answer_sets) {
    const std::string& set = as.set;
    const std::string& block = as.block_path;
    if (!laporan.HasChecklistSet(set)) {
      // --tanpa-manajemen scores a weighted method without its manajemen block (laporan-v1 §1.4); other answer
      // sets (the sharia compliance checklist, KKPKK's lists) are never optional.
      if (options.without_checklist && !rb.ScorePercent() && set.empty()) continue;
      if (rb.ScorePercent() || !set.empty()) {
        problems->Add(block, "wajib_ada",
                      "blok " + block + " (jawaban daftar periksa) wajib ada untuk metode " + rb.id,
                      "the " + block + " block (checklist answers) is required for method " + rb.id);
      } else {
        problems->Add(block, "wajib_ada",
                      "blok " + block + " (jawaban daftar periksa) wajib ada; untuk menilai tanpa manajemen jalankan "
                      "dengan --tanpa-manajemen",
                      "the " + block + " block (checklist answers) is required; to assess without it use "
                      "--tanpa-manajemen");
      }
      continue;
    }
    for (const ChecklistAnswers& a : laporan.checklists) {
      if (a.set != set || std::find(as.keys.begin(), as.keys.end(), a.key) != as.keys.end()) continue;
      const std::vector<std::string_view> keys(as.keys.begin(), as.keys.end());
      const std::string best = NearestKey(a.key, keys);
      problems->Add(block + "." + a.key, "kunci_tidak_dikenal",
                    "kunci tidak dikenal untuk metode " + rb.id + DidYouMean(best, Lang::kId),
                    "unknown key for method " + rb.id + DidYouMean(best, Lang::kEn));
    }
    for (const Component& c : rb.components) {
      if (c.kind != ComponentKind::kChecklist || c.answers_set != set) continue;
      const ChecklistAnswers* a = laporan.FindChecklist(set, c.answers_key);
      if (a != nullptr && std::max(a->given, a->answers.size()) == c.items.size()) continue;  // the common case
      const std::string path = c.AnswersPath();
      const std::string n = std::to_string(c.items.size());
      if (a == nullptr) {
        problems->Add(path, "wajib_ada", "wajib ada: " + n + " jawaban true/false (" + c.name.id + ")",
                      "required: " + n + " true/false answers (" + c.name.Get(Lang::kEn) + ")");
      } else {
        const std::string given = std::to_string(std::max(a->given, a->answers.size()));
        problems->Add(path, "jumlah_jawaban_salah", "harus " + n + " jawaban, ada " + given,
                      "must have " + n + " answers, has " + given);
      }
    }
  }
  return problems->size() == before;
}

// The lines the rulebook names in masukan_wajib, and periode_lalu when a formula reads it.
bool CheckInputs(const Laporan& laporan, const Rulebook& rb, Problems* problems) {
  const size_t before = problems->size();
  for (const int line : rb.required_lines) {
    if (laporan.current.present[size_t(line)]) continue;
    problems->Add(LinePath(line), "wajib_ada",
                  std::string("wajib diisi untuk metode ") + rb.id + " (" + kLines[size_t(line)].label_id + ")",
                  std::string("required for method ") + rb.id + " (" + kLines[size_t(line)].label_en + ")");
  }
  if (rb.uses_previous && !laporan.has_previous) {
    problems->Add("periode_lalu", "wajib_ada",
                  "metode " + rb.id + " memerlukan periode_lalu (neraca dan hasil usaha tahun lalu) untuk indikator "
                  "pertumbuhan",
                  "method " + rb.id + " needs periode_lalu (last year's balance sheet and income statement) for its "
                  "growth indicators");
  }
  return problems->size() == before;
}

// persentase_skor: pools, rounded percentages, the total and every predikat (rulebook.h, Aggregation).
void AggregateScorePercent(const Rulebook& rb, Assessment* out) {
  const i128 unit = Pow10(6 - rb.decimals);  // one step of the rounded percentage, in 10^-6
  auto close = [&](PoolResult* p) {
    p->exact_pct = Add(Fraction{0, 1}, Fraction::Of(i128(p->sum_e6) * 100, p->sum_max_e6));  // reduced
    p->pct_e6 = int64_t(RoundHalfUp(p->exact_pct, rb.decimals) * unit);
  };
  for (ComponentResult& r : out->components) {
    if (r.Informational()) continue;
    for (PoolResult* p : {&out->aspects[size_t(r.spec->aspect_index)].pool,
                          r.spec->sub_aspect_index >= 0 ? &out->sub_aspects[size_t(r.spec->sub_aspect_index)].pool
                                                        : nullptr}) {
      if (p == nullptr) continue;
      ++p->components;
      p->sum_e6 += r.skor_e6;
      p->sum_max_e6 += r.max_e6;
    }
  }
  i128 weighted = 0;  // Σ bobot_e2 × pct_e6: the total in 10^-10 points
  Fraction exact_total{0, 1};
  for (AspectResult& a : out->aspects) {
    close(&a.pool);
    if (rb.round_for_display_only) {
      // bobot × exact % ÷ 100, in points; nothing is rounded before the predikat.
      const Fraction contribution = Multiply(a.pool.exact_pct, a.spec->bobot_e2);
      exact_total = Add(exact_total, Fraction::Of(contribution.num, CheckedMul(contribution.den, 10000)));
      a.skor_e6 = int64_t(RoundHalfUp(Fraction::Of(CheckedMul(contribution.num, 100), contribution.den), 0));
    } else {
      const i128 contribution = i128(a.spec->bobot_e2) * a.pool.pct_e6;
      weighted += contribution;
      a.skor_e6 = int64_t(RoundHalfUp(Fraction::Of(contribution, 10000), 0));
    }
    a.max_e6 = a.spec->bobot_e2 * 10000;
  }
  for (SubAspectResult& s : out->sub_aspects) close(&s.pool);
  if (rb.round_for_display_only) {
    out->exact_total = exact_total;
    out->total_e6 = int64_t(RoundHalfUp(exact_total, rb.decimals) * unit);
  } else {
    out->total_e6 = int64_t(RoundHalfUp(Fraction::Of(weighted, i128(10000) * unit), 0) * unit);
    out->exact_total = Fraction::Of(out->total_e6, 1'000'000);
  }
  out->max_total_e6 = 100'000'000;
  for (ComponentResult& r : out->components) {
    if (r.Informational()) continue;
    const AspectResult& a = out->aspects[size_t(r.spec->aspect_index)];
    // bobot × (max − skor) ÷ Σ max over the aspect: the points of the total this component's shortfall costs.
    r.lost_total_e6 = int64_t(RoundHalfUp(
        Fraction::Of(i128(a.spec->bobot_e2) * (r.max_e6 - r.skor_e6), i128(a.pool.sum_max_e6) * 100) , 6));
  }
}

}  // namespace

std::optional<Warning> OutsideValidity(const MethodHeader& method, const std::string& periode_akhir) {
  const std::string& from = method.valid_from;
  const std::string& to = method.valid_to;
  // ISO dates compare as text.
  if (periode_akhir.empty() || ((from.empty() || periode_akhir >= from) && (to.empty() || periode_akhir <= to))) {
    return std::nullopt;
  }
  return Warning{"di_luar_masa_berlaku", "periode.akhir", {periode_akhir}};
}

namespace {

// One component's nilai and, by the rulebook's aggregation, its skor and maximum: nilai × bobot for a weighted
// method (points per 'ya' for its checklists), skor_maks + 1 − nilai out of skor_maks for persentase_skor; nothing
// for an informational component. A weighted checklist without its block is marked unscored (--tanpa-manajemen).
void ScoreComponent(const Laporan& laporan, const Rulebook& rb, const Component& c, ComponentResult* r,
                    Assessment* out) {
  if (c.kind == ComponentKind::kRatio) {
    EvaluateRatio(laporan, rb, c, r, &out->warnings);
    r->max_e6 = c.bobot_e2 * 10000;
    r->skor_e6 = r->nilai_e2 * c.bobot_e2;
  } else if (laporan.HasChecklistSet(c.answers_set)) {
    r->max_e6 = c.points_per_yes_e6 * int64_t(c.items.size());
    EvaluateChecklist(laporan, rb, c, *laporan.FindChecklist(c.answers_set, c.answers_key), r, &out->warnings);
  } else {
    r->max_e6 = c.points_per_yes_e6 * int64_t(c.items.size());
    r->scored = false;
    r->items = int(c.items.size());
    out->manajemen_excluded = true;
  }
  if (c.informational) {
    r->scored = false;
    r->max_e6 = r->skor_e6 = 0;
  } else if (rb.ScorePercent()) {
    r->max_e6 = int64_t(rb.skor_maks) * 1'000'000;
    r->skor_e6 = (int64_t(rb.skor_maks) * 100 + 100 - r->nilai_e2) * 10'000;
    r->pooled = true;
  }
}

int PredikatFor(const Rulebook& rb, int64_t skor_e6) {
  for (size_t i = 0; i < rb.predikat.size(); ++i) {
    if (!rb.predikat[i].has_min || skor_e6 >= rb.predikat[i].min_e6) return int(i);
  }
  return int(rb.predikat.size()) - 1;
}

int PredikatFor(const Rulebook& rb, const Fraction& exact) {
  for (size_t i = 0; i < rb.predikat.size(); ++i) {
    if (!rb.predikat[i].has_min || Compare(exact, Fraction::Of(rb.predikat[i].min_e6, 1'000'000)) >= 0) return int(i);
  }
  return int(rb.predikat.size()) - 1;
}

// agregasi.pembulatan = "tampilan": the predikat of the exact value; when the value as shown would read as another
// predikat (79.996 shown as 80,00), a warning says the exact value is below (or above) the edge.
int ExactPredikat(const Rulebook& rb, const Fraction& exact, int64_t shown_e6, const std::string& path,
                  std::vector<Warning>* warnings) {
  const int p = PredikatFor(rb, exact);
  if (p != PredikatFor(rb, shown_e6)) {
    warnings->push_back(Warning{"pembulatan_melintasi_batas", path,
                                {FormatPlain(shown_e6, 6, rb.decimals), FormatFractionPlain(exact, 0, 6),
                                 rb.predikat[size_t(p)].label}});
  }
  return p;
}

// The business class the laporan states, else the highest class any criterion of [kuk] reaches (KUK 1 when none).
int SuggestKukFor(const Laporan& laporan, const Rulebook& rb) {
  const KukRule& k = *rb.kuk;
  const Fraction equity = Value(laporan, rb.quantities[size_t(k.equity_quantity)].form);
  const Fraction assets = Value(laporan, rb.quantities[size_t(k.assets_quantity)].form);
  const Fraction* members = nullptr;
  Fraction members_value;
  for (const int line : k.member_lines) {
    if (!laporan.current.present[size_t(line)]) continue;
    members_value = Fraction::Of(laporan.current.Get(line), 100);  // counts are stored × 100 like amounts
    members = &members_value;
    break;
  }
  int best = 1;
  for (const KukRule::Class& c : k.classes) {
    // Money intervals are in Rupiah; values are in sen.
    const bool reached =
        (members != nullptr && c.members && c.members->Contains(*members)) ||
        (c.equity && c.equity->Contains(Fraction::Of(equity.num, CheckedMul(equity.den, 100)))) ||
        (c.assets && c.assets->Contains(Fraction::Of(assets.num, CheckedMul(assets.den, 100))));
    if (reached) best = std::max(best, c.kuk);
  }
  return best;
}

// Collateral counted above its class's balance counts as the balance: the class then needs no allowance, never a
// negative one (docs/formats.md). Null when nothing had to be floored (the common case: no copy).
std::unique_ptr<Laporan> FloorCollateral(const Laporan& laporan, const Rulebook& rb, std::vector<Warning>* warnings) {
  static const int kPairs[3][2] = {{line::Index("pinjaman.agunan_kurang_lancar"), line::Index("pinjaman.kurang_lancar")},
                                   {line::Index("pinjaman.agunan_diragukan"), line::Index("pinjaman.diragukan")},
                                   {line::Index("pinjaman.agunan_macet"), line::Index("pinjaman.macet")}};
  std::unique_ptr<Laporan> floored;
  for (const auto& [collateral, loans] : kPairs) {
    if (!rb.reads_lines[size_t(collateral)] || laporan.current.Get(collateral) <= laporan.current.Get(loans)) continue;
    if (floored == nullptr) floored = std::make_unique<Laporan>(laporan);
    floored->current.sen[size_t(collateral)] = laporan.current.Get(loans);
    warnings->push_back(Warning{"agunan_melebihi_saldo", LinePath(collateral), {}});
  }
  return floored;
}

// A "rincian" line the method reads that the laporan left to a default other than zero (laporan.h, LineParts):
// say what was assumed, with the amount.
void NoteAssumedParts(const Laporan& laporan, const Rulebook& rb, std::vector<Warning>* warnings) {
  for (const LinePart& p : LineParts()) {
    if (p.default_kind == PartDefault::kZero || !rb.reads_lines[size_t(p.part)] ||
        laporan.current.present[size_t(p.part)]) {
      continue;
    }
    warnings->push_back(Warning{"rincian_diasumsikan", LinePath(p.part), {FormatPlain(laporan.current.Get(p.part), 2, 2)}});
  }
}

// The engine's end: whatever the rulebook and the laporan, a score never exceeds its maximum and the predikat is
// one of the rulebook's. (Assessment::Predikat() checks the index again where results are read.)
void CheckResult(const Assessment& a) {
  KOPSEHAT_CHECK(a.total_e6 >= 0 && a.total_e6 <= a.max_total_e6,
                 a.rulebook->id + ": total " + std::to_string(a.total_e6) + " outside 0.." + std::to_string(a.max_total_e6));
  KOPSEHAT_CHECK(a.predikat >= 0 && size_t(a.predikat) < a.rulebook->predikat.size(), a.rulebook->id + ": predikat index");
  for (const ComponentResult& c : a.components) {
    KOPSEHAT_CHECK(c.skor_e6 >= 0 && c.skor_e6 <= c.max_e6, c.spec->id + ": skor " + std::to_string(c.skor_e6) +
                                                                 " outside 0.." + std::to_string(c.max_e6));
  }
}

}  // namespace

int SuggestedKuk(const Laporan& laporan, const Rulebook& rb) {
  if (!rb.kuk) return 0;
  try {
    return SuggestKukFor(laporan, rb);
  } catch (const OverflowError&) {
    return 0;
  }
}

Laporan AsAssessed(const Laporan& laporan, const Rulebook& rulebook) {
  std::vector<Warning> ignored;
  std::unique_ptr<Laporan> floored = FloorCollateral(laporan, rulebook, &ignored);
  return floored != nullptr ? std::move(*floored) : laporan;
}

bool Evaluate(const Laporan& given, const Rulebook& method, const EvaluateOptions& options, Assessment* out,
              Problems* problems) {
  out->warnings.clear();
  out->kuk = 0;
  out->kuk_suggested = false;
  if (method.kuk) {
    out->kuk = given.cooperative.kuk;
    if (out->kuk == 0) {
      out->kuk = SuggestedKuk(given, method);
      out->kuk_suggested = true;
      if (out->kuk == 0) {
        problems->Add("", "terlalu_besar", "angka terlalu besar untuk dihitung dengan rulebook " + method.id,
                      "numbers too large to compute with rulebook " + method.id);
        return false;
      }
      out->warnings.push_back(Warning{"kuk_disarankan", "koperasi.kuk", {std::to_string(out->kuk)}});
    }
  }
  const Rulebook& rb = method.ForKuk(out->kuk);
  const std::unique_ptr<Laporan> floored = FloorCollateral(given, rb, &out->warnings);
  const Laporan& laporan = floored != nullptr ? *floored : given;
  const bool inputs_ok = CheckInputs(laporan, rb, problems);
  if (!CheckChecklists(laporan, rb, options, problems) || !inputs_ok) return false;
  NoteAssumedParts(laporan, rb, &out->warnings);
  const std::string& jenis = laporan.cooperative.jenis;
  if (!rb.covered_kinds.empty() && !jenis.empty() &&
      std::find(rb.covered_kinds.begin(), rb.covered_kinds.end(), jenis) == rb.covered_kinds.end()) {
    out->warnings.push_back(Warning{"jenis_tidak_tercakup", "koperasi.jenis", {jenis}});
  }
  out->rulebook = &rb;
  out->cooperative = laporan.cooperative;
  out->periode_akhir = laporan.periode_akhir;
  out->manajemen_excluded = false;
  const bool percent = rb.ScorePercent();
  try {
    out->quantities_sen.resize(rb.quantities.size());
    for (size_t i = 0; i < rb.quantities.size(); ++i) out->quantities_sen[i] = Value(laporan, rb.quantities[i].form);
    out->components.assign(rb.components.size(), ComponentResult{});
    out->aspects.assign(rb.aspects.size(), AspectResult{});
    out->sub_aspects.assign(rb.sub_aspects.size(), SubAspectResult{});
    out->total_e6 = 0;
    out->max_total_e6 = 0;
    for (size_t i = 0; i < rb.aspects.size(); ++i) out->aspects[i].spec = &rb.aspects[i];
    for (size_t i = 0; i < rb.sub_aspects.size(); ++i) out->sub_aspects[i].spec = &rb.sub_aspects[i];
    for (size_t i = 0; i < rb.components.size(); ++i) {
      const Component& c = rb.components[i];
      ComponentResult& r = out->components[i];
      r.spec = &c;
      ScoreComponent(laporan, rb, c, &r, out);
      if (percent || c.informational) continue;  // pooled below; never scored
      AspectResult& a = out->aspects[size_t(c.aspect_index)];
      a.skor_e6 += r.skor_e6;
      if (r.scored) a.max_e6 += r.max_e6;
      out->total_e6 += r.skor_e6;
      if (r.scored) out->max_total_e6 += r.max_e6;
    }
    if (percent) AggregateScorePercent(rb, out);
  } catch (const OverflowError&) {
    problems->Add("", "terlalu_besar", "angka terlalu besar untuk dihitung dengan rulebook " + rb.id,
                  "numbers too large to compute with rulebook " + rb.id);
    return false;
  }
  if (out->manajemen_excluded) {
    out->warnings.push_back(
        Warning{"manajemen_tidak_dinilai", "manajemen", {FormatPlain(out->max_total_e6, 6, 0)}});
  }
  if (std::optional<Warning> w = OutsideValidity(rb, laporan.periode_akhir)) {
    out->warnings.push_back(std::move(*w));
  }
  if (percent && rb.round_for_display_only) {
    for (SubAspectResult& sa : out->sub_aspects) {
      sa.pool.predikat = ExactPredikat(rb, sa.pool.exact_pct, sa.pool.pct_e6, sa.spec->id, &out->warnings);
    }
    for (AspectResult& a : out->aspects) {
      a.pool.predikat = ExactPredikat(rb, a.pool.exact_pct, a.pool.pct_e6, a.spec->id, &out->warnings);
    }
    out->predikat = ExactPredikat(rb, out->exact_total, out->total_e6, "total", &out->warnings);
  } else {
    out->predikat = PredikatFor(rb, out->total_e6);
    for (AspectResult& a : out->aspects) a.pool.predikat = percent ? PredikatFor(rb, a.pool.pct_e6) : -1;
    for (SubAspectResult& sa : out->sub_aspects) sa.pool.predikat = PredikatFor(rb, sa.pool.pct_e6);
  }
  CheckResult(*out);
  return true;
}

std::vector<const ComponentResult*> BiggestLosses(const Assessment& a, size_t n) {
  std::vector<const ComponentResult*> v;
  for (const ComponentResult& r : a.components) {
    if (r.scored && r.LostE6() > 0) v.push_back(&r);  // informational components are never scored
  }
  std::stable_sort(v.begin(), v.end(), [](const ComponentResult* x, const ComponentResult* y) {
    return x->LostE6() > y->LostE6();
  });
  if (v.size() > n) v.resize(n);
  return v;
}

}  // namespace kopsehat
