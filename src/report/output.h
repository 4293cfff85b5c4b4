// report/output.h — what every renderer shares about its output: Cairo drawing into a string, and writing rendered
// bytes to a file with a clear message when that fails. Renderers render to memory first (the web sends the bytes,
// the CLI writes them), so no caller needs a temporary file. Depends on core/status.h and Cairo.
#pragma once

#include <cairo.h>

#include <string>
#include <string_view>

#include "core/status.h"

namespace kopsehat {

// A cairo_write_func_t appending to the std::string given as its closure.
cairo_status_t AppendCairoBytes(void* closure, const unsigned char* data, unsigned int length);

// Writes `bytes` to `path` (created or truncated). On failure returns `on_failure` (the renderer's own message).
Status WriteOutputFile(const std::string& path, std::string_view bytes, Status on_failure);

}  // namespace kopsehat
