// web/page_verify.cc — the public verification page (views.h): anyone holding a report types or scans its code and
// learns whether it is the final result on record, superseded by a later revision, not an examination result, or
// unknown (its figures or status differ from the record). No login: the holder of the document already has what
// the page shows. Depends on web/html.h and report/ (wording).
#include "web/views.h"

#include <string>

#include "core/zone.h"
#include "report/text_report.h"
#include "report/wording.h"
#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

namespace {

void RecordFacts(Html& h, const PageContext& ctx, const Verification& v, const store::LaporanRecord& r) {
  const TimeZone zone = ZoneOfProvince(v.provinsi);
  h << "<dl class=\"fakta\"><dt>" << T(ctx, "Koperasi", "Cooperative") << "</dt><dd>" << Esc{v.cooperative.nama}
    << "</dd><dt>" << T(ctx, "Tahun buku berakhir", "Financial year ending") << "</dt><dd>"
    << Esc{FormatDateLong(r.periode_akhir, ctx.lang)} << "</dd><dt>" << T(ctx, "Metode", "Method") << "</dt><dd>"
    << Esc{r.rulebook_id} << T(ctx, " versi ", " version ") << Esc{r.rulebook_version} << "</dd><dt>"
    << T(ctx, "Revisi", "Revision") << "</dt><dd>" << r.revision << "</dd><dt>" << T(ctx, "Skor", "Score")
    << "</dt><dd>" << Esc{FormatPoints(r.total_e6, ctx.lang)} << "</dd><dt>Predikat</dt><dd>";
  PredikatBadge(h, ctx, r.predikat);
  h << "</dd>";
  if (r.finalised_at) {
    h << "<dt>" << T(ctx, "Difinalkan", "Finalised") << "</dt><dd>"
      << Esc{FormatLocalDateTime(*r.finalised_at, zone, ctx.lang)};
    if (!v.finaliser_name.empty()) h << T(ctx, " oleh ", " by ") << Esc{v.finaliser_name};
    if (!v.cooperative.region_nama.empty()) {
      h << T(ctx, ", Dinas Koperasi ", ", Cooperative Office ") << Esc{v.cooperative.region_nama};
    }
    h << "</dd>";
  }
  h << "</dl>";
}

}  // namespace

std::string VerifyPage(const PageContext& ctx, const std::string& code, const Verification* v) {
  const char* title = T(ctx, "Verifikasi laporan penilaian", "Verify an assessment report");
  Html h(8 * 1024);
  Begin(h, ctx, title);
  h << "<section class=\"kartu sempit\"><h1>" << title << "</h1>";
  if (v != nullptr) {
    using V = Verification::Verdict;
    switch (v->verdict) {
      case V::kFinalCurrent:
        h << "<p class=\"hasil-verifikasi sah\"><strong>"
          << T(ctx, "Sah: ini penilaian FINAL yang tercatat untuk periode ini.",
               "Valid: this is the FINAL assessment on record for this period.")
          << "</strong> " << T(ctx, "Bandingkan angka di bawah dengan laporan Anda.",
                               "Compare the figures below with your report.") << "</p>";
        RecordFacts(h, ctx, *v, v->record);
        break;
      case V::kFinalSuperseded:
        h << "<p class=\"hasil-verifikasi lama\"><strong>"
          << T(ctx, "Sudah digantikan: laporan ini pernah final, tetapi revisi yang lebih baru berlaku sekarang.",
               "Superseded: this report was final, but a newer revision now stands.")
          << "</strong></p>";
        RecordFacts(h, ctx, *v, v->record);
        h << "<h2>" << T(ctx, "Yang berlaku sekarang", "In force now") << "</h2>";
        RecordFacts(h, ctx, *v, *v->current);
        break;
      case V::kNotFinal:
        h << "<p class=\"hasil-verifikasi draf\"><strong>"
          << T(ctx, "Bukan hasil pemeriksaan: kode ini milik laporan yang belum difinalkan pemeriksa (draf atau "
                    "diajukan).",
               "Not an examination result: this code belongs to a laporan the examiner has not finalised (draft "
               "or submitted).")
          << "</strong></p>";
        RecordFacts(h, ctx, *v, v->record);
        break;
      case V::kUnknown:
        h << "<p class=\"hasil-verifikasi tidak\"><strong>"
          << T(ctx, "Tidak dikenal: tidak ada penilaian tercatat dengan kode ini. Angka atau status laporan ini "
                    "tidak sama dengan yang tercatat, atau kodenya salah ketik.",
               "Unknown: no recorded assessment has this code. The figures or status of this report differ from "
               "the record, or the code is mistyped.")
          << "</strong></p>";
        break;
    }
  }
  h << "<form method=\"get\" action=\"/verifikasi\"><label for=\"kode\">"
    << T(ctx, "Kode verifikasi (di kaki setiap halaman laporan)", "Verification code (at the foot of every page)")
    << "</label><input id=\"kode\" name=\"kode\" value=\"" << Esc{code}
    << "\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" placeholder=\"L12-R1-…\">"
    << "<p><button>" << T(ctx, "Periksa", "Check") << "</button></p></form></section>";
  return End(h, ctx);
}

}  // namespace kopsehat::web
