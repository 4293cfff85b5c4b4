// rules/test_rulebook.h — what the tests of both rulebook loaders share: every problem in one string for a failure
// message, and "this text was refused with a problem at origin:line mentioning ...". Not part of the library.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "core/problems.h"

namespace kopsehat::testing {

inline std::string AllProblems(const Problems& p) {
  std::string s;
  for (const Problem& x : p.items()) s += "\n  " + x.path + " | " + x.code + " | " + x.pesan;
  return s;
}

// `accepted`: whether the loader returned a rulebook. A refusal must carry a rulebook_tidak_sah problem at
// "origin:line" whose Indonesian text contains `pesan_part`, with an English text too.
inline ::testing::AssertionResult RefusedAt(bool accepted, const Problems& problems, const std::string& origin, int line,
                                            const std::string& pesan_part) {
  if (accepted) return ::testing::AssertionFailure() << "rulebook was accepted";
  if (problems.empty()) return ::testing::AssertionFailure() << "null rulebook but no problem";
  const std::string path = origin + ":" + std::to_string(line);
  for (const Problem& p : problems.items()) {
    if (p.path == path && p.pesan.find(pesan_part) != std::string::npos) {
      if (p.code != "rulebook_tidak_sah") return ::testing::AssertionFailure() << "code " << p.code;
      if (p.message.empty()) return ::testing::AssertionFailure() << "no English message";
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no problem at " << path << " mentioning \"" << pesan_part
                                       << "\"; got:" << AllProblems(problems);
}

}  // namespace kopsehat::testing
