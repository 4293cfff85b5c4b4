// core/check.h — the one invariant check of Kopsehat, always on (also in release builds, unlike assert). An
// invariant is something the program itself owns — a band table covers every ratio, a total stays within its
// maximum, a stored enum word is one the schema allows — so a broken one is a bug, never bad input (bad input is a
// Problems or a Status value). KOPSEHAT_CHECK throws InvariantError naming the file, line and condition: the CLI
// answers "internal error" with exit 1, the web server answers 500 for that request and keeps serving, and the test
// suite fails. Depends on the standard library.
#pragma once

#include <stdexcept>
#include <string>

namespace kopsehat {

class InvariantError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] void FailInvariant(const char* file, int line, const char* condition, const std::string& detail);

}  // namespace kopsehat

// Checks `condition`; when false, throws InvariantError with `detail` (a std::string expression, evaluated only on
// failure) saying which object broke it.
#define KOPSEHAT_CHECK(condition, detail)                                                        \
  do {                                                                                           \
    if (!(condition)) [[unlikely]] ::kopsehat::FailInvariant(__FILE__, __LINE__, #condition, (detail)); \
  } while (false)
