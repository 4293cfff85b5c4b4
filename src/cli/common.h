// cli/common.h — what the subcommands share: exit codes (spec §3), reading input files within limits, choosing
// the rulebook. Depends on every library module; the subcommands stay thin.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "assess/assessment.h"
#include "assess/goals.h"
#include "cli/args.h"
#include "interchange/json_reader.h"
#include "plan/actions.h"
#include "plan/effort.h"
#include "plan/limits.h"
#include "core/problems.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace kopsehat::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitInvalid = 2;

// Reads a whole file ("-" = stdin) of at most max_bytes. On failure returns false with a problem naming the file.
bool ReadInputFile(const std::string& path, size_t max_bytes, std::string* out, Problems* problems);

// Chooses the rulebook: --rulebook FILE, else --metode ID, else the laporan's own metode, else the default.
// Rulebooks loaded from files are kept in *owned.
class RulebookChooser {
 public:
  // Loads --rulebook up front; false (with problems) when it is invalid.
  bool Init(const Args& args, Problems* problems);
  // The rulebook for a laporan whose "metode" is `laporan_metode` (may be empty). Null with a problem if unknown,
  // or if it names a goal method (PEARLS), which only `assess` handles.
  const Rulebook* Choose(const std::string& laporan_metode, Problems* problems);
  // The goal rulebook when the choice (--rulebook file, --metode, the laporan's metode) is a goal method; else null.
  const GoalRulebook* ChooseGoal(const std::string& laporan_metode, Problems* problems);

 private:
  std::string ChosenId(const std::string& laporan_metode) const;

 public:
  // Whether the method of `laporan` comes from its period alone (no --rulebook, --metode or metode in the laporan).
  bool Defaulted(const Laporan& laporan) const;

 private:

  std::unique_ptr<Rulebook> from_file_;
  std::unique_ptr<GoalRulebook> goal_from_file_;
  // What ChooseGoal found per id (a batch mixes a few methods; each is looked up once, not per line). Bounded:
  // ids come from the laporan files.
  std::map<std::string, const GoalRulebook*, std::less<>> goal_memo_;
  std::string forced_metode_;
  std::map<std::string, const Rulebook*, std::less<>> scored_memo_;  // found scored rulebooks by id (bounded)
};

// Reads, validates and assesses one laporan, collecting every problem: the reader's, the rulebook choice's and
// those only the method can see (checklist lengths), so a user sees them all in one run. True when assessed.
// `file_name` decides, with the first bytes, whether the text is JSON, XLSX or CSV.
// With `goal` given, a goal method (PEARLS) is assessed into it and *is_goal set; without, it is refused.
bool AssessOne(std::string_view text, const std::string& file_name, LaporanJsonReader* reader,
               RulebookChooser* chooser, const EvaluateOptions& options, Laporan* laporan, Assessment* assessment,
               Problems* problems, GoalAssessment* goal = nullptr, bool* is_goal = nullptr);

// The method of a laporan: its own metode, else the one for its period and kind (DefaultMetodeFor).
std::string MetodeOf(const Laporan& laporan);

// After a laporan whose method came from its period was refused: one more problem saying which method was chosen
// and why, the command that writes its template, and how to run the old method explicitly.
void AddDefaultMethodGuidance(const Laporan& laporan, const std::string& metode, Problems* problems);

// What assess and chart do with their one file: choose the rulebook (--metode/--rulebook), read the laporan of any
// kind, assess it (--tanpa-manajemen). On any problem prints them all and returns false (exit code 2). The
// assessment refers to the chooser's rulebook, so they live together.
// With `allow_goal` a goal method (PEARLS) is assessed into `goal` and `is_goal` is set; without it a goal method
// is refused with a problem (what-if, plan and chart work on scored methods).
struct AssessedFile {
  RulebookChooser chooser;
  Laporan laporan;
  Assessment assessment;
  bool is_goal = false;
  GoalAssessment goal;
};
// `allow_goal`: a goal method (PEARLS) is assessed too; otherwise refused.
bool AssessFile(const Args& args, Lang lang, AssessedFile* out, bool allow_goal = false);

// Reads and validates one laporan file of any kind (JSON, XLSX, CSV) without assessing it; prints the problems and
// returns false when it is invalid.
bool ReadLaporanFile(const std::string& path, Lang lang, Laporan* out);

// The action book: --aksi-file FILE (a copy of rules/aksi-ksp.toml with the user's own cost weights or actions),
// else the embedded one. Kept in *owned when loaded from a file. Prints problems and returns null when invalid.
const ActionBook* LoadActionsForCommand(const Args& args, Lang lang, std::unique_ptr<ActionBook>* owned);

// The limits of plan and whatif: the action book's defaults, overridden by --batas FILE (kopsehat/batas-v1). False
// (every problem printed, naming its field) when the file cannot be read or is invalid.
bool LoadLimitsForCommand(const Args& args, const ActionBook& book, Lang lang, Limits* limits);

// Checklist items as actions for the method `rb`: --upaya-file FILE (a copy of rules/upaya-kkpkk.toml), else the
// embedded book of that method (null when it has none). False (problems printed) when the file is invalid or does
// not fit the method.
bool LoadEffortForCommand(const Args& args, const Rulebook& rb, Lang lang, std::unique_ptr<EffortBook>* owned,
                          const EffortBook** out);

// The second half of AssessOne, for readers that produce a Laporan themselves (batch CSV rows).
bool EvaluateRead(bool read_ok, const Laporan& laporan, RulebookChooser* chooser, const EvaluateOptions& options,
                  Assessment* assessment, Problems* problems, GoalAssessment* goal = nullptr, bool* is_goal = nullptr);

// Prints "kopsehat: <title>" and every problem, one a line, on stderr.
void PrintProblems(const std::string& title, const Problems& problems, Lang lang);

// Reads the laporan file `path` ("-" = stdin) of any kind, up to kMaxAnyLaporanBytes; on failure prints why.
bool ReadLaporanInput(const std::string& path, Lang lang, std::string* text);

// Prints "<path> tidak sah (N masalah):" and the problems of a laporan that could not be read or assessed.
void PrintInvalidLaporan(const std::string& path, const Problems& problems, Lang lang);

std::string VersionString();

// SOURCE_DATE_EPOCH (reproducible builds convention) or 0: generated files carry this creation time, never "now",
// so the same input gives the same bytes.
long long SourceDateEpoch();

}  // namespace kopsehat::cli
