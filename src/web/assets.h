// web/assets.h — the static assets the binary serves under /aset/ with long cache lifetimes: the files of
// src/web/assets/, embedded byte for byte at build time (cmake/embed_asset.cmake, listed in web/CMakeLists.txt), so
// the binary needs no files beside it. Depends on nothing.
#pragma once

#include <string_view>

namespace kopsehat::web {

// /aset/gaya.css: the one stylesheet of every page (src/web/assets/gaya.css).
extern const std::string_view kStylesheetCss;
// /aset/kopsehat.js: the one script (src/web/assets/kopsehat.js): live totals, table sorting, confirmations. Every
// page works without it.
extern const std::string_view kScriptJs;

}  // namespace kopsehat::web
