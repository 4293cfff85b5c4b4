// rules/goal_rulebook.h — a goal-type method as data (format kopsehat/sasaran-v1, docs/rulebook.md): indicators
// that compare a ratio, a growth rate or an amount with a goal (≥, ≤, a range, "minimise", another indicator, a
// rate the laporan gives) and say met / not met and how far from the goal, instead of bands, weights and a
// predikat. PEARLS (WOCCU, ACCU) is the first such method. The engine (assess/goals.h) is generic over this model;
// no goal value lives in C++. Loaded from TOML by LoadGoalRulebook. Depends on core/, laporan/, rules/rulebook.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/problems.h"
#include "rules/rulebook.h"

namespace kopsehat {

// Rates a laporan may give for goals to refer to (laporan pearls block).
enum class GoalParam { kInflasi, kSukuBungaPasar };

enum class GoalOp { kGe, kGt, kLe, kLt, kEq };

// constant + Σ sign × value of an indicator + Σ sign × a rate: "inflasi + 10", "R9 + R10", "100".
struct GoalOperand {
  Decimal constant;
  std::vector<std::pair<int, int>> indicators;  // (indicator index, +1/-1)
  std::vector<std::pair<GoalParam, int>> params;
};

struct GoalCondition {
  enum class Kind {
    kCompare,  // value op operand                                     ">= 100", "> inflasi + 10", ">= R1"
    kMet,      // another indicator meets its goal                    "terpenuhi P1"
    kToward,   // a growth rate moves its paired ratio toward goal:   "menuju E1 relatif S11"
               // met when E1 meets its goal, or E1 is too low and this growth beats S11, or too high and it lags
  };
  Kind kind = Kind::kCompare;
  GoalOp op = GoalOp::kGe;
  GoalOperand rhs;
  int indicator = -1;  // kMet, kToward: the indicator whose goal counts
  int reference = -1;  // kToward: the growth rate to compare with
  std::string text;    // as written
};

struct Goal {
  enum class Kind {
    kConditions,  // every condition must hold
    kMinimise,    // lower is better, no line to cross (P4, R11): reported, not counted as met or not
    kNone,        // no numeric goal (R1 "entrepreneurial rate"): reported with the goal in words
  };
  Kind kind = Kind::kNone;
  std::vector<GoalCondition> conditions;
  Label text;  // the goal in words: "≥ 100 %", "70–80 %", "tingkat bunga pasar"
};

enum class IndicatorKind {
  kRatio,   // 100 × pembilang / penyebut, in percent (× 12 / bulan when disetahunkan)
  kGrowth,  // 100 × (x − lalu(x)) / lalu(x), in percent
  kAmount,  // an amount in sen (P3: what is left of loans delinquent over 12 months)
};

// What a zero denominator means for the goal (P1 with no loans over 12 months late is met, not an error).
enum class ZeroStatus { kMet, kNotMet, kNotAssessable };

struct Indicator {
  std::string id;  // the method's own code: "P1", "E9"
  std::string aspect;
  int aspect_index = -1;
  Label name;
  IndicatorKind kind = IndicatorKind::kRatio;
  LinearForm numerator;    // kGrowth: x − lalu(x); kAmount: the amount
  LinearForm denominator;  // kGrowth: lalu(x); unused for kAmount
  Label numerator_name;
  Label denominator_name;
  bool annualised = false;  // flows scaled by 12 / pearls.bulan
  Goal goal;
  ZeroStatus zero_status = ZeroStatus::kNotAssessable;
  Label zero_message;  // why, in words; a default is made when the rulebook gives none
  Label adaptation;    // a local adaptation of the canonical method, shown beside the indicator
  // BKCU's conditional formulas: when every indicator in `when_met` meets its goal, `numerator` is replaced.
  struct Variant {
    std::vector<int> when_met;
    std::vector<std::string> when_met_ids;
    LinearForm numerator;
    Label numerator_name;
  };
  std::optional<Variant> variant;
  std::string source;
  std::string confidence;  // tinggi | sedang | rendah
  std::string note;
  // Derived by the loader: the indicators this one needs resolved first.
  std::vector<int> depends_on;
};

struct GoalAspect {
  std::string id;
  Label name;
};

struct GoalRulebook : MethodHeader {
  std::vector<std::string> required_blocks;  // laporan blocks the method needs, e.g. "pearls"
  std::vector<Quantity> quantities;
  std::vector<GoalAspect> aspects;
  std::vector<Indicator> indicators;
  std::vector<int> order;  // indicators in an order where each comes after those it depends on

  const Indicator* Find(std::string_view id) const;
  int IndexOf(std::string_view id) const;  // -1 when absent
};

inline constexpr const char* kGoalRulebookFormat = "kopsehat/sasaran-v1";

// Parses and validates a goal rulebook: unknown keys, formulas, goals that refer to unknown indicators or rates,
// dependency cycles, all with "origin:line". Null with every problem in *problems when invalid.
std::unique_ptr<GoalRulebook> LoadGoalRulebook(std::string_view toml_text, const std::string& origin,
                                               Problems* problems);

// Whether a rulebook text declares the goal format (decides which loader reads a --rulebook file).
bool IsGoalRulebookText(std::string_view toml_text);

// The embedded goal rulebooks (rules/pearls-*.toml), loaded once. Null when the id is not an embedded goal method.
const GoalRulebook* EmbeddedGoalRulebookById(std::string_view id, Problems* problems);

// "≥", "<", "=", ...
const char* GoalOpSymbol(GoalOp op);

}  // namespace kopsehat
