#include "report/output.h"

#include <cairo.h>

#include <fstream>

namespace kopsehat {

cairo_status_t AppendCairoBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Status WriteOutputFile(const std::string& path, std::string_view bytes, Status on_failure) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (f) f.write(bytes.data(), std::streamsize(bytes.size()));
  if (!f || !f.flush()) return on_failure;
  return {};
}

}  // namespace kopsehat
