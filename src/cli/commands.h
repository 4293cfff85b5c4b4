// cli/commands.h — one entry point per subcommand (one file each).
#pragma once

#include "cli/args.h"

namespace kopsehat::cli {

int RunAssess(int argc, char** argv, Lang lang);
int RunBatch(int argc, char** argv, Lang lang);
int RunRules(int argc, char** argv, Lang lang);

// Validates --format and --lang values; prints the problem and returns false when wrong.
bool CheckCommonOptions(const Args& args, Lang lang);

}  // namespace kopsehat::cli
