#include "core/json_writer.h"

namespace kopsehat {

thread_local std::vector<char> JsonWriter::tls_scratch_;
thread_local size_t JsonWriter::tls_used_ = 0;

void AppendJsonString(std::string_view s, std::string* out) {
  JsonWriter w(out);
  w.String(s);
}

}  // namespace kopsehat
