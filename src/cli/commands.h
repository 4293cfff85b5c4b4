// cli/commands.h — one entry point per subcommand (one file each).
#pragma once

#include <vector>

#include "cli/args.h"

namespace kopsehat::cli {

int RunAssess(int argc, char** argv, Lang lang);
int RunBatch(int argc, char** argv, Lang lang);
int RunRules(int argc, char** argv, Lang lang);
int RunTemplate(int argc, char** argv, Lang lang);
int RunWhatif(int argc, char** argv, Lang lang);
int RunPlan(int argc, char** argv, Lang lang);
int RunConvert(int argc, char** argv, Lang lang);
int RunChart(int argc, char** argv, Lang lang);
int RunServe(int argc, char** argv, Lang lang);
// `user add --username U --peran admin [--koperasi ID] [--wilayah ID]`: the first administrator of a new database
// (password from KOPSEHAT_PASSWORD or stdin).
int RunUserAdd(int argc, char** argv, Lang lang);
// `backup --data DIR --out FILE` or, with restore, `restore --data DIR --from FILE` (SQLite).
int RunBackup(int argc, char** argv, Lang lang, bool restore);

// Validates the --lang value; prints the problem and returns false when wrong.
bool CheckCommonOptions(const Args& args, Lang lang);

// Validates --format against the command's own forms (when given); prints the problem and returns false when wrong.
bool CheckFormat(const Args& args, const std::vector<const char*>& formats, Lang lang);

// What every file-taking subcommand does first: parse its options, answer --help, check --format/--lang and that
// exactly one file is named. Returns false when the command is already finished, with its exit code in *exit_code.
struct CommandSpec {
  const char* name;  // "assess"
  std::vector<OptionSpec> options;
  const char* help_id;
  const char* help_en;
  const char* one_file_id;  // "sebutkan tepat satu berkas laporan"
  const char* one_file_en;
  std::vector<const char*> formats = {};  // accepted --format values; empty: any (or none)
  const char* fileless_option = nullptr;  // an option that needs no laporan file (plan --template-batas)
};
bool StartFileCommand(int argc, char** argv, Lang lang, const CommandSpec& spec, Args* args, int* exit_code);

}  // namespace kopsehat::cli
