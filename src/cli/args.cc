#include "cli/args.h"

#include <cstring>

namespace kopsehat::cli {

bool ParseArgs(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, Lang lang, Args* out,
               std::string* error) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.size() < 2 || arg.rfind("--", 0) != 0) {
      out->positional.push_back(arg);
      continue;
    }
    std::string value;
    bool has_inline_value = false;
    const size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_inline_value = true;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& s : specs) {
      if (arg == s.name) spec = &s;
    }
    if (spec == nullptr) {
      *error = lang == Lang::kEn ? "unknown option " + arg + " (see --help)" : "opsi tidak dikenal " + arg + " (lihat --help)";
      return false;
    }
    if (spec->takes_value && !has_inline_value) {
      if (i + 1 >= argc) {
        *error = lang == Lang::kEn ? "option " + arg + " needs a value" : "opsi " + arg + " memerlukan nilai";
        return false;
      }
      value = argv[++i];
    } else if (!spec->takes_value && has_inline_value) {
      *error = lang == Lang::kEn ? "option " + arg + " takes no value" : "opsi " + arg + " tidak memakai nilai";
      return false;
    }
    out->options[arg] = value;
  }
  return true;
}

Lang DetectLang(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang=en") == 0) return Lang::kEn;
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "en") == 0) return Lang::kEn;
  }
  return Lang::kId;
}

}  // namespace kopsehat::cli
