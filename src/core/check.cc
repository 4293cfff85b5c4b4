#include "core/check.h"

namespace kopsehat {

void FailInvariant(const char* file, int line, const char* condition, const std::string& detail) {
  std::string what = "invariant broken at ";
  what.append(file).append(":").append(std::to_string(line)).append(": ").append(condition);
  if (!detail.empty()) what.append(" (").append(detail).append(")");
  throw InvariantError(what);
}

}  // namespace kopsehat
