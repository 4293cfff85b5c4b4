// core/test_files.h — reading a file of the source tree (an example, a rulebook) in a unit test; the build gives
// the tests KOPSEHAT_SOURCE_DIR. Not part of the library.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace kopsehat::testing {

// The bytes of `relative_path` under the source directory ("examples/x.json"); empty when it cannot be read.
inline std::string ReadSourceFile(const std::string& relative_path) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace kopsehat::testing
