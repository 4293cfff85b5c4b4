#include <algorithm>

#include "assess/assessment.h"
#include "core/suggest.h"

namespace kopsehat {

namespace {

// x = 100 × num / den, exactly.
Fraction PercentOf(const Fraction& num, const Fraction& den) {
  return Fraction::Of(CheckedMul(CheckedMul(num.num, den.den), 100), CheckedMul(den.num, num.den));
}

std::string PctId(const Fraction& f) { return FormatFractionIndonesian(f, 2, 2) + " %"; }
std::string PctEn(const Fraction& f) { return FormatFractionEnglish(f, 2, 2) + " %"; }

std::string RpId(const Fraction& sen) { return FormatRupiah(sen, Lang::kId); }
std::string RpEn(const Fraction& sen) { return FormatRupiah(sen, Lang::kEn); }

NextStep NextBand(const Component& c, int band, const Fraction& x) {
  NextStep best;
  const int64_t current = c.bands[size_t(band)].nilai_e2;
  for (size_t j = 0; j < c.bands.size(); ++j) {
    const Band& b = c.bands[j];
    if (b.nilai_e2 <= current) continue;
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
        (Compare(s.gap_pct, best.gap_pct) == 0 && s.nilai_e2 > best.nilai_e2)) {
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

void EvaluateRatio(const Laporan& laporan, const Component& c, ComponentResult* r, std::vector<Warning>* warnings) {
  r->numerator_sen = c.numerator.Evaluate(laporan.current);
  r->denominator_sen = c.denominator.Evaluate(laporan.current);
  r->zero_denominator = r->denominator_sen.IsZero();
  if (r->zero_denominator) {
    r->nilai_e2 = c.zero.nilai_e2;
    Label pesan = c.zero.pesan;
    if (pesan.id.empty()) {
      pesan.id = "Penyebut (" + c.denominator_name.id + ") bernilai nol: rasio tidak dapat dihitung, nilai " +
                 FormatPlain(c.zero.nilai_e2, 2, 0) + ".";
      pesan.en = "The denominator (" + c.denominator_name.Get(Lang::kEn) + ") is zero: no ratio, nilai " +
                 FormatPlain(c.zero.nilai_e2, 2, 0) + ".";
    }
    warnings->push_back(Warning{c.zero.kode, c.id, std::move(pesan)});
    return;
  }
  r->ratio_pct = PercentOf(r->numerator_sen, r->denominator_sen);
  if (c.linear) {
    r->linear_r = int64_t(std::clamp<i128>(RoundHalfUp(r->ratio_pct, 0), INT64_MIN / 4, INT64_MAX / 4));
    r->nilai_e2 = LinearNilai(c.linear_rule, r->linear_r);
    r->next = NextLinear(c.linear_rule, r->nilai_e2, r->ratio_pct);
    return;
  }
  for (size_t i = 0; i < c.bands.size(); ++i) {
    if (c.bands[i].range.Contains(r->ratio_pct)) {
      r->band = int(i);
      break;
    }
  }
  // The loader guarantees the bands cover the whole line exactly once.
  if (r->band < 0) throw std::logic_error("band table of " + c.id + " does not cover the ratio");
  r->nilai_e2 = c.bands[size_t(r->band)].nilai_e2;
  r->next = NextBand(c, r->band, r->ratio_pct);
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

}  // namespace

Label ExplainDerived(const DerivedAnswer& da) {
  const Derivation& d = *da.spec;
  const std::string& a = d.a_name.id;
  const std::string& b = d.b_name.id;
  const std::string& a_en = d.a_name.en;
  const std::string& b_en = d.b_name.en;
  switch (d.kind) {
    case Derivation::Kind::kGrowthNotBelow:
      return {a + " tumbuh " + PctId(da.first) + ", " + b + " tumbuh " + PctId(da.second),
              a_en + " grew " + PctEn(da.first) + ", " + b_en + " grew " + PctEn(da.second)};
    case Derivation::Kind::kGrowthAtLeast:
      return {a + " tumbuh " + PctId(da.first) + " (syarat minimal " + PctId(da.second) + ")",
              a_en + " grew " + PctEn(da.first) + " (at least " + PctEn(da.second) + " required)"};
    case Derivation::Kind::kIncreaseAtLeast: {
      const Fraction param{d.param.units, Pow10(d.param.scale)};
      Label l{"kenaikan " + a + " " + RpId(da.first) + ", syaratnya " + FormatFractionIndonesian(param, 0, 6) + " × " +
                  b + " tahun lalu = " + RpId(da.second),
              a_en + " rose by " + RpEn(da.first) + ", required " + FormatFractionPlain(param, 0, 6) +
                  " × last year's " + b_en + " = " + RpEn(da.second)};
      if (d.approximation) {
        l.id += " (perkiraan dari neraca)";
        l.en += " (approximated from the balance sheet)";
      }
      return l;
    }
    case Derivation::Kind::kRatioAtMost:
      if (da.zero_base) return {b + " nol", b_en + " is zero"};
      return {a + " " + PctId(da.first) + " dari " + b + " (batas " + PctId(da.second) + ")",
              a_en + " is " + PctEn(da.first) + " of " + b_en + " (limit " + PctEn(da.second) + ")"};
  }
  return {};
}

namespace {

void EvaluateChecklist(const Laporan& laporan, const Component& c, const ChecklistAnswers& answers,
                       ComponentResult* r, std::vector<Warning>* warnings) {
  r->items = int(c.items.size());
  for (size_t i = 0; i < answers.answers.size() && i < r->answers.size(); ++i) {
    r->answers[i] = answers.answers[i];
    r->yes += answers.answers[i] ? 1 : 0;
  }
  r->skor_e6 = int64_t(r->yes) * c.points_per_yes_e6;
  for (size_t i = 0; i < c.items.size(); ++i) {
    const auto& d = c.items[i].derivation;
    if (!d.has_value() || (d->needs_previous && !laporan.has_previous)) continue;
    DerivedAnswer da = Derive(laporan, *d);
    if (!da.answerable) continue;
    da.item = int(i);
    const bool filed = answers.answers[i];
    da.conflict = filed != da.books_say;
    if (da.conflict) {
      const Label explanation = ExplainDerived(da);
      const std::string path = "manajemen." + c.answers_key + "[" + std::to_string(i + 1) + "]";
      const std::string f_id = filed ? "'ya'" : "'tidak'", b_id = da.books_say ? "'ya'" : "'tidak'";
      const std::string f_en = filed ? "'yes'" : "'no'", b_en = da.books_say ? "'yes'" : "'no'";
      warnings->push_back(Warning{
          "jawaban_berbeda_dengan_buku", path,
          Label{c.name.id + " butir " + std::to_string(i + 1) + " dijawab " + f_id + ", tetapi buku menunjukkan " +
                    b_id + ": " + explanation.id + ". Jawaban yang diisi tetap dipakai; periksa kembali.",
                c.name.Get(Lang::kEn) + " item " + std::to_string(i + 1) + " was answered " + f_en +
                    ", but the books show " + b_en + ": " + explanation.en +
                    ". The filed answer is kept; please check it."}});
    }
    r->derived.push_back(std::move(da));
  }
}

bool CheckChecklists(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, Problems* problems) {
  const size_t before = problems->size();
  bool any_checklist = false;
  for (const Component& c : rb.components) any_checklist = any_checklist || c.kind == ComponentKind::kChecklist;
  if (!any_checklist) return true;
  if (!laporan.has_manajemen) {
    if (options.without_checklist) return true;
    problems->Add("manajemen", "wajib_ada",
                  "blok manajemen (jawaban daftar periksa) wajib ada; untuk menilai tanpa manajemen jalankan dengan "
                  "--tanpa-manajemen",
                  "the manajemen block (checklist answers) is required; to assess without it use --tanpa-manajemen");
    return false;
  }
  for (const ChecklistAnswers& a : laporan.manajemen) {
    bool known = false;
    for (const Component& c : rb.components) known = known || (c.kind == ComponentKind::kChecklist && c.answers_key == a.key);
    if (known) continue;
    std::vector<std::string_view> keys;
    for (const Component& c : rb.components) {
      if (c.kind == ComponentKind::kChecklist) keys.push_back(c.answers_key);
    }
    const std::string best = NearestKey(a.key, keys);
    problems->Add("manajemen." + a.key, "kunci_tidak_dikenal",
                  "kunci tidak dikenal untuk metode " + rb.id + DidYouMean(best, Lang::kId),
                  "unknown key for method " + rb.id + DidYouMean(best, Lang::kEn));
  }
  for (const Component& c : rb.components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    const ChecklistAnswers* a = laporan.FindChecklist(c.answers_key);
    if (a != nullptr && std::max(a->given, a->answers.size()) == c.items.size()) continue;  // the common case: no text
    const std::string path = "manajemen." + c.answers_key;
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
  return problems->size() == before;
}

}  // namespace

bool Evaluate(const Laporan& laporan, const Rulebook& rb, const EvaluateOptions& options, Assessment* out,
              Problems* problems) {
  if (!CheckChecklists(laporan, rb, options, problems)) return false;
  out->rulebook = &rb;
  out->koperasi = laporan.koperasi;
  out->periode_akhir = laporan.periode_akhir;
  out->warnings.clear();
  out->manajemen_excluded = false;
  try {
    out->quantities_sen.resize(rb.quantities.size());
    for (size_t i = 0; i < rb.quantities.size(); ++i) {
      out->quantities_sen[i] = rb.quantities[i].form.Evaluate(laporan.current);
    }
    out->components.assign(rb.components.size(), ComponentResult{});
    out->aspects.assign(rb.aspects.size(), AspectResult{});
    out->total_e6 = 0;
    out->max_total_e6 = 0;
    for (size_t i = 0; i < rb.aspects.size(); ++i) out->aspects[i].spec = &rb.aspects[i];
    for (size_t i = 0; i < rb.components.size(); ++i) {
      const Component& c = rb.components[i];
      ComponentResult& r = out->components[i];
      r.spec = &c;
      if (c.kind == ComponentKind::kRatio) {
        EvaluateRatio(laporan, c, &r, &out->warnings);
        r.max_e6 = c.bobot_e2 * 10000;
        r.skor_e6 = r.nilai_e2 * c.bobot_e2;
      } else {
        r.max_e6 = c.points_per_yes_e6 * int64_t(c.items.size());
        if (laporan.has_manajemen) {
          EvaluateChecklist(laporan, c, *laporan.FindChecklist(c.answers_key), &r, &out->warnings);
        } else {
          r.scored = false;
          r.items = int(c.items.size());
          out->manajemen_excluded = true;
        }
      }
      AspectResult& a = out->aspects[size_t(c.aspect_index)];
      a.skor_e6 += r.skor_e6;
      if (r.scored) a.max_e6 += r.max_e6;
      out->total_e6 += r.skor_e6;
      if (r.scored) out->max_total_e6 += r.max_e6;
    }
  } catch (const OverflowError&) {
    problems->Add("", "terlalu_besar", "angka terlalu besar untuk dihitung dengan rulebook " + rb.id,
                  "numbers too large to compute with rulebook " + rb.id);
    return false;
  }
  if (out->manajemen_excluded) {
    out->warnings.push_back(Warning{
        "manajemen_tidak_dinilai", "manajemen",
        Label{"Dinilai tanpa daftar periksa manajemen: skor total tidak memuat aspek Manajemen dan poinnya; skor "
              "maksimal " + FormatPlain(out->max_total_e6, 6, 0) + ", bukan 100.",
              "Assessed without the management checklist: the total excludes the Manajemen aspect and its points; "
              "the maximum is " + FormatPlain(out->max_total_e6, 6, 0) + ", not 100."}});
  }
  for (size_t i = 0; i < rb.predikat.size(); ++i) {
    if (!rb.predikat[i].has_min || out->total_e6 >= rb.predikat[i].min_e6) {
      out->predikat = int(i);
      break;
    }
  }
  return true;
}

std::vector<const ComponentResult*> BiggestLosses(const Assessment& a, size_t n) {
  std::vector<const ComponentResult*> v;
  for (const ComponentResult& r : a.components) {
    if (r.scored && r.LostE6() > 0) v.push_back(&r);
  }
  std::stable_sort(v.begin(), v.end(), [](const ComponentResult* x, const ComponentResult* y) {
    return x->LostE6() > y->LostE6();
  });
  if (v.size() > n) v.resize(n);
  return v;
}

}  // namespace kopsehat
