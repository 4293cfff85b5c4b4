// cli/args.h — a small command-line option parser with Indonesian/English messages (CLI11 and getopt speak only
// English, and the binary's few options do not need more). Depends on core/problems.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/problems.h"

namespace kopsehat::cli {

struct OptionSpec {
  const char* name;  // "--format"
  bool takes_value;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--format" -> "json"; flags map to ""
  bool Has(const std::string& name) const { return options.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
};

// Parses argv[first..argc). Accepts "--opt value" and "--opt=value"; "-" alone is a positional (stdin).
// Not ok when an option is unknown, lacks its value or has one it does not take.
Status ParseArgs(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, Args* out);

// Looks for "--lang en" / "--lang=en" anywhere, so even argument errors are reported in the language asked for.
Lang DetectLang(int argc, char** argv);

}  // namespace kopsehat::cli
