// web/page_login.cc — the login page (views.h). Depends on web/html.h.
#include "web/views.h"

#include <string>

#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

std::string LoginPage(const PageContext& ctx, const std::string& username, const Problems& problems) {
  Html h(8 * 1024);
  Begin(h, ctx, T(ctx, "Masuk", "Log in"));
  h << "<section class=\"kartu sempit\"><h1>" << T(ctx, "Masuk ke Kopsehat", "Log in to Kopsehat") << "</h1><p>"
    << T(ctx, "Penilaian kesehatan koperasi simpan pinjam.", "Health assessment of savings-and-loan cooperatives.")
    << "</p>";
  ProblemList(h, ctx, problems);
  FormOpen(h, ctx, "/masuk", false);
  h << "<label for=\"username\">" << T(ctx, "Nama pengguna", "Username") << "</label><input id=\"username\" "
    << "name=\"username\" value=\"" << Esc{username} << "\" autocomplete=\"username\" autocapitalize=\"none\" "
    << "required><label for=\"password\">" << T(ctx, "Kata sandi", "Password") << "</label><input id=\"password\" "
    << "type=\"password\" name=\"password\" autocomplete=\"current-password\" required><p><button>"
    << T(ctx, "Masuk", "Log in") << "</button></p></form></section>";
  return End(h, ctx);
}

}  // namespace kopsehat::web
