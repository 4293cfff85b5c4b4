// assess/assessment.h — the result of assessing one Laporan with one Rulebook: every quantity, ratio, band, nilai,
// skor and warning, with what is needed to explain each number (inputs, formula, band, distance to the next band).
// Pure: Evaluate does no I/O, reads no clock and keeps no global state. Depends on core/, laporan/, rules/.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/fraction.h"
#include "core/problems.h"
#include "laporan/laporan.h"
#include "rules/rulebook.h"

namespace kopsehat {

// Something a reader of the result should know, as a code with its arguments; no text. report/explain words it
// (WarningText), taking any text the rulebook supplies (a component's penyebut_nol pesan, a method's validity note)
// from the rulebook by `path`. The arguments by code:
//   <component's zero kode>       path = component id; {nilai given for the zero denominator, as "75" or "50.5"}
//   penyebut_negatif              path = component id; {} (the figures are that component's denominator and ratio)
//   dasar_negatif                 path = component id; {} (penyebut_mutlak: divided by the base's absolute value)
//   kuk_disarankan                path = "koperasi.kuk"; {the suggested class "1".."4"}
//   jenis_tidak_tercakup          path = "koperasi.jenis"; {the laporan's jenis, e.g. "KSPPS"}
//   agunan_melebihi_saldo         path = the collateral line; {} (counted as the class's balance)
//   rincian_diasumsikan           path = the part line (laporan.h, LineParts); {the amount assumed, plain sen "1.00"}
//   pembulatan_melintasi_batas    path = sub-aspect or aspect id, or "total"; {shown "80.00", exact "79.996",
//                                 predikat label of the exact value}
//   jawaban_berbeda_dengan_buku   path = answers path [item]; {component id, item (1-based), filed "ya"|"tidak",
//                                 books "ya"|"tidak"} (the figures are the component's DerivedAnswer of that item)
//   manajemen_tidak_dinilai       {maximum total, as "85"}
//   di_luar_masa_berlaku          {periode_akhir}
//   disetahunkan                  {bulan}   (goal methods)
//   tanpa_periode_lalu            {}        (goal methods)
struct Warning {
  std::string code;
  std::string path;  // the component or key it concerns, may be empty
  std::vector<std::string> args;
};

// The smallest change of a ratio component that earns a higher nilai: the ratio must reach `target_pct`
// (from below when direction > 0, from above when < 0), inclusive or not, and then gives `nilai_e2`.
struct NextStep {
  bool exists = false;
  int direction = 0;
  Fraction target_pct;
  bool inclusive = true;
  int64_t nilai_e2 = 0;
  Fraction gap_pct;  // |target - ratio| in percentage points
};

// A checklist item answered from the statements. The figures behind the answer are kept as numbers; text is made
// only when someone reads it (report/explain.h, ExplainDerived), so a batch of thousands pays nothing for sentences
// nobody prints.
struct DerivedAnswer {
  const Derivation* spec = nullptr;
  int item = 0;  // 0-based
  bool answerable = false;
  bool books_say = false;
  bool conflict = false;  // differs from the filed answer
  // By kind: growth% of a and of b | growth% of a and the minimum | increase and required (sen) | a as % of b and
  // the limit. `zero_base` when the ratio's base was zero.
  Fraction first;
  Fraction second;
  bool zero_base = false;
};

struct ComponentResult {
  const Component* spec = nullptr;
  // Ratio components.
  Fraction numerator_sen;
  Fraction denominator_sen;
  bool zero_denominator = false;
  Fraction ratio_pct;        // exact; meaningless when zero_denominator
  int band = -1;             // index into spec->bands, -1 for linear rules and zero denominators
  int64_t linear_r = 0;      // the rounded percent a linear rule used
  NextStep next;
  // Checklist components.
  bool scored = true;  // false when assessed without the checklist
  int yes = 0;
  int items = 0;
  std::bitset<128> answers;  // the filed answers, item i = bit i (rulebooks have at most 100 items); no allocation
  std::vector<DerivedAnswer> derived;
  // Both. For a persentase_skor rulebook skor is skor_maks + 1 − nilai and max is skor_maks (both × 10^6);
  // lost_total_e6 is what the component costs the total: bobot of its aspect × (max − skor) ÷ (max × components of
  // the aspect), rounded half up to 10^-6 (for ranking and display; the total itself is computed exactly).
  int64_t nilai_e2 = 0;
  int64_t skor_e6 = 0;
  int64_t max_e6 = 0;
  int64_t lost_total_e6 = 0;
  bool pooled = false;  // persentase_skor: the loss is lost_total_e6, not max − skor

  bool Informational() const { return spec->informational; }
  int64_t LostE6() const { return pooled ? lost_total_e6 : max_e6 - skor_e6; }
};

// A percentage pool of persentase_skor (rulebook.h, Aggregation): Σ skor and Σ max of its components, the rounded
// percentage and its predikat.
struct PoolResult {
  int components = 0;
  int64_t sum_e6 = 0;
  int64_t sum_max_e6 = 0;
  int64_t pct_e6 = 0;  // rounded to the rulebook's decimals, × 10^6
  Fraction exact_pct;  // Σ skor × 100 ÷ Σ max, exact and reduced
  int predikat = -1;   // index into rulebook->predikat
};

struct AspectResult {
  const Aspect* spec = nullptr;
  // Weighted sum: the aspect's points and maximum. persentase_skor: its contribution to the total (bobot × pct ÷
  // 100) and bobot.
  int64_t skor_e6 = 0;
  int64_t max_e6 = 0;
  PoolResult pool;  // persentase_skor only
};

struct SubAspectResult {
  const SubAspect* spec = nullptr;
  PoolResult pool;
};

struct Assessment {
  const Rulebook* rulebook = nullptr;
  CooperativeIdentity cooperative;
  std::string periode_akhir;
  std::vector<Fraction> quantities_sen;  // parallel to rulebook->quantities
  std::vector<ComponentResult> components;
  std::vector<AspectResult> aspects;
  std::vector<SubAspectResult> sub_aspects;
  int64_t total_e6 = 0;
  int64_t max_total_e6 = 0;
  // persentase_skor: the total before any rounding (with agregasi.pembulatan = "tampilan" the predikat comes from
  // it; otherwise it equals total_e6).
  Fraction exact_total;
  int predikat = -1;  // index into rulebook->predikat
  // A method with [kuk]: the business class assessed (the laporan's koperasi.kuk, else the suggestion).
  int kuk = 0;
  bool kuk_suggested = false;
  bool manajemen_excluded = false;
  std::vector<Warning> warnings;

  const PredikatRule& Predikat() const { return PredikatAt(predikat); }
  const PredikatRule& PredikatOf(const PoolResult& p) const { return PredikatAt(p.predikat); }
  const PredikatRule& PredikatAt(int index) const {
    KOPSEHAT_CHECK(index >= 0 && size_t(index) < rulebook->predikat.size(), "predikat index " + std::to_string(index));
    return rulebook->predikat[size_t(index)];
  }
};

struct EvaluateOptions {
  // Score without the checklist when the laporan has none (laporan-v1 §1.4): its components score 0, the report
  // says the total excludes them.
  bool without_checklist = false;
};

// Assesses `laporan` (already validated by its reader) with `rulebook`. Problems that only the method can see
// (a checklist of the wrong length, a missing checklist, a line or periode_lalu the method requires) go to
// *problems and the result is false.
bool Evaluate(const Laporan& laporan, const Rulebook& rulebook, const EvaluateOptions& options, Assessment* out,
              Problems* problems);

// The laporan as `rulebook` reads it: collateral above its loan class counted up to the class's balance (the examiner's
// MIN(class, collateral); Evaluate warns agunan_melebihi_saldo). The auditor's worksheet shows these figures.
Laporan AsAssessed(const Laporan& laporan, const Rulebook& rulebook);

// The business class a method with [kuk] suggests for the laporan (the highest any criterion reaches); 0 for a
// method without [kuk] (or numbers too large to compare).
int SuggestedKuk(const Laporan& laporan, const Rulebook& rb);

// A warning when `periode_akhir` lies outside a method's validity (berlaku), with the period as its argument (its
// text, in report/explain, is the header's validity_before + period + validity_after, naming the successor). Shared
// by both kinds of method.
std::optional<Warning> OutsideValidity(const MethodHeader& method, const std::string& periode_akhir);

// Ordered by points lost, largest first (ties in rulebook order); at most `n`, only components that lose points.
std::vector<const ComponentResult*> BiggestLosses(const Assessment& a, size_t n);

}  // namespace kopsehat
