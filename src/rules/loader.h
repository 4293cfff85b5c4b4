// rules/loader.h — reads a rulebook from TOML (format kopsehat/rulebook-v1, documented in docs/rulebook.md) and
// rejects, with file, line and reason, one that is malformed, has bands that overlap or leave gaps, or weights that
// do not add up. Also gives the rulebooks embedded in the binary. Depends on rules/rulebook.h and toml++.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/problems.h"
#include "rules/rulebook.h"

namespace kopsehat {

inline constexpr size_t kMaxRulebookBytes = 1 << 20;  // 1 MiB: ours are ~20 KB
inline constexpr size_t kMaxComponents = 200;
inline constexpr size_t kMaxBandsPerComponent = 100;
inline constexpr size_t kMaxChecklistItems = 100;

// Parses and validates. `origin` names the file in messages ("rules/ksp-2016.toml"). On failure returns null and
// every problem found is in *problems, each with path "origin:line".
std::unique_ptr<Rulebook> LoadRulebook(std::string_view toml_text, const std::string& origin, Problems* problems);

// Reads the file (bounded by kMaxRulebookBytes) and loads it.
std::unique_ptr<Rulebook> LoadRulebookFile(const std::string& path, Problems* problems);

// The rulebooks compiled into the binary, by id; the first is the default method.
struct EmbeddedRulebook {
  const char* id;
  const char* file;
  std::string_view text;
};
const std::vector<EmbeddedRulebook>& EmbeddedRulebooks();

// Loads an embedded rulebook once and keeps it for the life of the process. Null when the id is unknown.
const Rulebook* EmbeddedRulebookById(std::string_view id, Problems* problems);

// Earlier versions of embedded methods (rules/lama/), kept so stored results re-assess as they were made. Their
// `id` member is the file's name; the rulebook's own id and versi are inside.
const std::vector<EmbeddedRulebook>& EmbeddedEarlierRulebooks();

// Method `id` at version `version`: the current embedded rulebook when its version matches, else a kept earlier
// version; null when neither has it.
const Rulebook* EmbeddedRulebookVersion(std::string_view id, std::string_view version, Problems* problems);

// The method an examiner uses for a period ending on `periode_akhir` (ISO date) of a cooperative of kind `jenis`,
// when the laporan and the command line name none: kkpkk-2021 for periods ending on or after 2021-01-01 (and for an
// unknown period: the method in force today); before that ksp-2016, or ksppps-2016 for KSPPS/USPPS. Each answer lies
// within its method's berlaku dates (rules/*.toml; checked by loader_test).
std::string DefaultMetodeFor(std::string_view periode_akhir, std::string_view jenis);

// The 2016 method of a cooperative of kind `jenis` (what DefaultMetodeFor gives before 2021): ksppps-2016 for
// KSPPS/USPPS, else ksp-2016. Named in the guidance for running the old method on purpose.
std::string Metode2016For(std::string_view jenis);

// The method in force today for conventional KSP/USP (what `rules list` marks and a blank template carries).
inline const char* MetodeInForce() { return "kkpkk-2021"; }

}  // namespace kopsehat
