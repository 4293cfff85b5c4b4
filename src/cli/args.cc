#include "cli/args.h"

#include <cstring>

namespace kopsehat::cli {

Status ParseArgs(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, Args* out) {
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
      return Status::Error("opsi_tidak_dikenal", "opsi tidak dikenal " + arg + " (lihat --help)",
                           "unknown option " + arg + " (see --help)");
    }
    if (spec->takes_value && !has_inline_value) {
      if (i + 1 >= argc) {
        return Status::Error("opsi_tanpa_nilai", "opsi " + arg + " memerlukan nilai", "option " + arg + " needs a value");
      }
      value = argv[++i];
    } else if (!spec->takes_value && has_inline_value) {
      return Status::Error("opsi_tidak_bernilai", "opsi " + arg + " tidak memakai nilai",
                           "option " + arg + " takes no value");
    }
    out->options[arg] = value;
  }
  return Status();
}

Lang DetectLang(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang=en") == 0) return Lang::kEn;
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "en") == 0) return Lang::kEn;
  }
  return Lang::kId;
}

}  // namespace kopsehat::cli
