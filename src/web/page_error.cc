// web/page_error.cc — the page for an error status (403, 404, 409...) with its problems (views.h). Depends on
// web/html.h.
#include "web/views.h"

#include <string>

#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

namespace {

const char* ErrorTitle(const PageContext& ctx, int status) {
  switch (status) {
    case 400: return T(ctx, "Permintaan tidak valid", "Bad request");
    case 401: return T(ctx, "Silakan masuk", "Please log in");
    case 403: return T(ctx, "Tidak berhak", "Forbidden");
    case 404: return T(ctx, "Tidak ditemukan", "Not found");
    case 405: return T(ctx, "Cara membuka halaman ini tidak diizinkan", "Method not allowed");
    case 409: return T(ctx, "Tidak dapat dilakukan sekarang", "Conflict");
    case 413: return T(ctx, "Berkas terlalu besar", "Too large");
    case 422: return T(ctx, "Isian tidak valid", "Invalid input");
    case 429: return T(ctx, "Terlalu banyak percobaan", "Too many attempts");
    default: break;
  }
  return status >= 500 ? T(ctx, "Terjadi kesalahan pada server", "Server error") : T(ctx, "Kesalahan", "Error");
}

}  // namespace

std::string ErrorPage(const PageContext& ctx, int http_status, const Problems& problems) {
  Html h(8 * 1024);
  const char* title = ErrorTitle(ctx, http_status);
  Begin(h, ctx, title);
  h << "<section class=\"kartu sempit\"><h1>" << title << " <span class=\"kecil\">(" << http_status << ")</span></h1>";
  ProblemList(h, ctx, problems, nullptr, http_status == 422);
  h << "<p><a class=\"tombol kedua\" href=\"/\">" << T(ctx, "Kembali ke beranda", "Back to the home page") << "</a>";
  if (ctx.principal == nullptr) h << " <a class=\"tombol\" href=\"/masuk\">" << T(ctx, "Masuk", "Log in") << "</a>";
  h << "</p></section>";
  return End(h, ctx);
}

}  // namespace kopsehat::web
