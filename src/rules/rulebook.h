// rules/rulebook.h — a health-assessment method as data: derived quantities (linear forms over laporan lines),
// aspects, components (ratio with a band table or a linear rule, or a yes/no checklist), predikat thresholds, and
// where every number comes from. The engine (assess/) is generic over this model; no regulation's numbers live in
// C++. Loaded from TOML by rules/loader.h. Depends on core/ and laporan/.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/fraction.h"
#include "core/problems.h"
#include "laporan/laporan.h"

namespace kopsehat {

// A text in Indonesian (first) and English.
struct Label {
  std::string id;
  std::string en;
  const std::string& Get(Lang lang) const { return lang == Lang::kEn && !en.empty() ? en : id; }
};

// value (in sen) = Σ coef_units[i] × line[i] / 10^scale. Built from a formula text such as
// "neraca.kas + 0.5 * (neraca.tabungan + neraca.simpanan_berjangka) - neraca.penyisihan_pinjaman".
struct LinearForm {
  struct Term {
    int line;
    i128 coef_units;
  };
  std::vector<Term> terms;
  int scale = 0;
  std::string text;  // the formula as written in the rulebook
  bool uses_previous = false;  // some term refers to periode_lalu (line index >= kLineCount)

  Fraction Evaluate(const Statements& s) const;  // in sen; only for forms with !uses_previous
  Fraction Evaluate(const Statements& current, const Statements& previous) const;  // in sen
};

struct Quantity {
  std::string id;
  Label name;
  LinearForm form;
  std::string note;  // assumption or source, shown by `rules show`
};

// An interval of the ratio in percent, e.g. "[20, 40)". Missing ends are infinite.
struct Interval {
  bool has_lo = false;
  Decimal lo;
  bool lo_inclusive = false;
  bool has_hi = false;
  Decimal hi;
  bool hi_inclusive = false;
  std::string text;  // as written, normalised: "[20, 40)"

  bool Contains(const Fraction& x) const;
};

struct Band {
  Interval range;
  int64_t nilai_e2;  // nilai × 100 (nilai may have two decimals)
};

// nilai = clamp(intercept + slope × round_half_up(x), min, max), x the exact percent.
struct LinearRule {
  int64_t intercept_e2 = 0;
  int64_t slope_e2 = 0;
  int64_t min_e2 = 0;
  int64_t max_e2 = 0;
};

struct ZeroDenominatorRule {
  int64_t nilai_e2 = 0;
  std::string kode;  // warning code, e.g. "rpm_nol"
  Label pesan;       // why this nilai
};

// How a checklist item can be answered from the statements (with periode_lalu where it needs growth).
struct Derivation {
  enum class Kind {
    kGrowthNotBelow,  // growth(a) >= growth(b)                        uji = "pertumbuhan_tidak_kurang_dari"
    kGrowthAtLeast,   // growth(a) >= percent                          uji = "pertumbuhan_minimal"
    kIncreaseAtLeast, // a_now - a_prev >= fraction × b_prev           uji = "kenaikan_minimal"
    kRatioAtMost,     // a <= percent × b (current period only)        uji = "rasio_maksimal"
  };
  Kind kind;
  LinearForm a;
  LinearForm b;
  Label a_name;   // "Modal sendiri", "Cadangan umum + Cadangan tujuan risiko"
  Label b_name;
  Decimal param;  // percent or fraction
  bool approximation = false;
  bool needs_previous = true;
};

struct ChecklistItem {
  Label text;
  std::optional<Derivation> derivation;
};

enum class ComponentKind { kRatio, kChecklist };

struct Component {
  std::string id;
  std::string aspect;
  int aspect_index = -1;
  std::string sub_aspect;  // optional (persentase_skor rulebooks)
  int sub_aspect_index = -1;
  Label name;
  ComponentKind kind = ComponentKind::kRatio;
  int64_t bobot_e2 = 0;
  std::string source;
  std::string confidence;  // tinggi | sedang | rendah
  std::string note;

  // kRatio
  LinearForm numerator;
  LinearForm denominator;
  Label numerator_name;
  Label denominator_name;
  bool linear = false;
  bool informational = false;  // computed and shown, never scored (informasi = true; no band table)
  // penyebut_mutlak = true: the ratio divides by the denominator's absolute value, so growth from a negative base
  // (a loss, negative equity) keeps its direction: from −180 to −300 is −66.67 %, from −300 to −180 is +40 %.
  bool absolute_denominator = false;
  // Sorted ascending, covering the whole line exactly once. Checklists of persentase_skor rulebooks band the share
  // of items met (in percent) with these too.
  std::vector<Band> bands;
  LinearRule linear_rule;
  ZeroDenominatorRule zero;

  // kChecklist
  std::string answers_set;  // empty: the laporan's manajemen block; else daftar_periksa.<set>
  std::string answers_key;  // the list's key in that block
  // Where the answers live in the laporan: "manajemen.umum", "daftar_periksa.kkpkk.prinsip_keanggotaan".
  std::string AnswersPath() const {
    return (answers_set.empty() ? std::string("manajemen.") : "daftar_periksa." + answers_set + ".") + answers_key;
  }
  int64_t points_per_yes_e6 = 0;
  std::vector<ChecklistItem> items;

  // kuk = [3, 4]: the business classes (KUK) the component applies to, bit k−1 for KUK k; 0 = every class.
  uint8_t kuk_mask = 0;
};

struct Aspect {
  std::string id;
  Label name;
  int64_t bobot_e2 = 0;
};

// A group of components inside an aspect, reported with its own percentage and predikat (persentase_skor).
struct SubAspect {
  std::string id;
  std::string aspect;
  int aspect_index = -1;
  Label name;
};

// How component results add up to the total.
//  kWeightedSum (default; the 2016 method): skor = nilai × bobot / 100, summed over aspects to a total out of 100.
//  kScorePercent (agregasi.cara = "persentase_skor"; the 2021 KKPKK): each component's nilai is 1..skor_maks with 1
//    best and skor = skor_maks + 1 − nilai; an aspect's (and sub-aspect's) percentage is Σ skor ÷ (skor_maks × n) ×
//    100 pooled over its components, rounded half up to `decimals`; the total is Σ bobot × aspect % ÷ 100, rounded
//    the same way. Predikat thresholds apply to aspects, sub-aspects and the total.
enum class Aggregation { kWeightedSum, kScorePercent };

struct PredikatRule {
  bool has_min = false;
  int64_t min_e6 = 0;  // skor_total >= min
  std::string label;   // SEHAT
  Label name;          // Sehat / Healthy
};

// The checklists a rulebook reads from one answer set, filled by the loader so an assessment needs no allocation to
// check a laporan's lists.
struct AnswerSet {
  std::string set;         // "" = the manajemen block
  std::string block_path;  // "manajemen", "daftar_periksa.kkpkk"
  std::vector<std::string> keys;  // the lists' keys
};

// What both kinds of rulebook (scored, and goal methods in goal_rulebook.h) say at the top, read by one loader
// function (rules_internal::LoadHeader).
struct MethodHeader {
  std::string id;
  std::string version;
  Label name;
  std::string source;
  std::string note;
  std::string origin;  // "bawaan" (embedded) or the file path
  // The period the method applies to (berlaku.mulai / berlaku.sampai), ISO dates; empty: open-ended.
  std::string valid_from;
  std::string valid_to;
  std::string successor;  // berlaku.pengganti: the method that replaced this one after valid_to (may be empty)
  // The validity warning's text around the period, made once at load.
  Label validity_before;
  Label validity_after;
};

// [kuk] of a rulebook whose indicators depend on the cooperative's business class (Klasifikasi Usaha Koperasi,
// KUK 1..4): the examiner states the class (koperasi.kuk); when the laporan does not, the method suggests one —
// the highest class any criterion reaches (members, own capital, total assets), each criterion an interval as data.
struct KukRule {
  struct Class {
    int kuk = 0;  // 2..4 (KUK 1 is every cooperative no class reaches)
    std::optional<Interval> members;  // number of members (a count line)
    std::optional<Interval> equity;   // Rupiah (the quantity equity_quantity)
    std::optional<Interval> assets;   // Rupiah (the quantity assets_quantity)
  };
  std::vector<Class> classes;  // as the rulebook lists them
  std::vector<int> member_lines;  // laporan lines holding the number of members, first present wins
  int equity_quantity = -1;       // index into Rulebook::quantities
  int assets_quantity = -1;
  std::string source;
  Label note;
};

struct Rulebook : MethodHeader {
  Aggregation aggregation = Aggregation::kWeightedSum;
  int skor_maks = 0;  // kScorePercent: nilai 1..skor_maks
  int decimals = 2;   // kScorePercent: rounding of percentages and the total
  // kScorePercent, agregasi.pembulatan = "tampilan": percentages and the total are rounded for display only; every
  // predikat is taken from the exact value (79.996 is CUKUP SEHAT though shown as 80,00). Default: rounded first.
  bool round_for_display_only = false;
  // agregasi.label_nilai: a word for each nilai 1..skor_maks ("Baik", "Cukup Baik", …); empty when not given.
  std::vector<Label> nilai_labels;
  std::optional<KukRule> kuk;  // [kuk]: present when some component applies to some classes only
  // jenis_tercakup = ["KSP", "USP"]: the kinds of cooperative the method's indicators cover; a laporan of another
  // kind (koperasi.jenis) is assessed with a warning. Empty: every kind.
  std::vector<std::string> covered_kinds;
  std::vector<int> required_lines;  // masukan_wajib: laporan lines the method needs present
  bool uses_previous = false;       // some formula reads periode_lalu through lalu()
  std::vector<Quantity> quantities;
  std::vector<Aspect> aspects;
  std::vector<SubAspect> sub_aspects;
  std::vector<Component> components;
  std::vector<PredikatRule> predikat;  // descending by min; the last has no min
  std::vector<AnswerSet> answer_sets;  // derived from the checklist components, in first-use order

  // The laporan lines this year's figures of any formula read (after quantities are expanded): a method warns about
  // a "rincian" line it reads that the laporan left to its default (laporan.h, LineParts).
  std::bitset<kLineCount> reads_lines;
  // For a rulebook with [kuk]: the rulebook restricted to the components of KUK k (index k − 1), owned here; the
  // variants share everything else and have no variants of their own.
  std::array<std::shared_ptr<const Rulebook>, 4> kuk_variants;

  const Component* FindComponent(std::string_view id) const;
  // The rulebook for business class `kuk` (1..4): this one when it has no [kuk] or kuk is out of range.
  const Rulebook& ForKuk(int k) const {
    return k >= 1 && k <= 4 && kuk_variants[size_t(k - 1)] ? *kuk_variants[size_t(k - 1)] : *this;
  }
  const Label* NilaiLabel(int64_t nilai_e2) const {
    const int64_t i = nilai_e2 / 100 - 1;
    return nilai_e2 % 100 == 0 && i >= 0 && size_t(i) < nilai_labels.size() ? &nilai_labels[size_t(i)] : nullptr;
  }
  bool ScorePercent() const { return aggregation == Aggregation::kScorePercent; }
  // Whether what-if, the planner, charts, the PDF and the worksheet can take this rulebook: they model a weighted
  // sum over this year's figures only.
  bool WeightedThisYearOnly() const { return aggregation == Aggregation::kWeightedSum && !uses_previous; }
};

}  // namespace kopsehat
