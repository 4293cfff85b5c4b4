// web/page_plan.cc — the cheapest verified path to SEHAT for a laporan (views.h): its steps, the components that
// change and the re-assessed result. Depends on web/html.h, web/assessment_html.h, plan/ and report/ (wording).
#include "web/views.h"

#include <string>

#include "plan/actions.h"
#include "report/plan_report.h"
#include "report/text_report.h"
#include "report/wording.h"
#include "web/assessment_html.h"
#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

namespace {

// A checklist step: the list, how many items and days, what the work is, the items by their text, what it lifts.
void ChecklistStepItem(Html& h, const PageContext& ctx, const LaporanView& view, const ChecklistStep& s) {
  const Component& c = *view.assessment.components[s.component].spec;
  h << "<li class=\"langkah-butir\"><strong>" << Esc{L(ctx, c.name)} << ": " << Esc{ChecklistStepSummary(s, ctx.lang)}
    << "</strong><div class=\"kecil\">" << Esc{L(ctx, s.effort->task)} << "</div><ul class=\"butir\">";
  for (const int item : s.items) {
    h << "<li>" << T(ctx, "butir ", "item ") << item + 1 << ": " << Esc{L(ctx, c.items[size_t(item)].text)}
      << " <span class=\"kecil\">(" << T(ctx, "Tidak → Ya", "No → Yes") << ")</span></li>";
  }
  h << "</ul></li>";
}

void PlanSteps(Html& h, const PageContext& ctx, const LaporanView& view, const Plan& plan, bool best) {
  h << "<h2>" << (best ? T(ctx, "Rencana terbaik dalam batas", "The best plan within the limits") : T(ctx, "Langkah", "Steps"))
    << "</h2><p class=\"kecil\">"
    << T(ctx, "Setiap rencana diterapkan pada laporan lalu dinilai ulang dengan mesin penilaian yang tepat.",
         "Every plan is applied to the laporan and assessed again by the exact engine.")
    << "</p><ol class=\"langkah\">";
  for (const PlanStep& s : plan.steps) {
    const std::string lifted = LiftsText(view.assessment, s, ctx.lang);
    h << "<li><strong>" << Esc{L(ctx, s.action->name)} << ": " << Esc{FormatRupiah(s.amount_sen)} << "</strong>"
      << "<div class=\"kecil\">" << Esc{L(ctx, s.action->description)} << "</div>";
    const std::string limit = StepLimitText(plan, s, ctx.lang);
    if (!limit.empty()) h << "<div class=\"batas\">" << T(ctx, "Batas: ", "Limit: ") << Esc{limit} << "</div>";
    h << "<div>" << T(ctx, "Menaikkan: ", "Lifts: ");
    if (lifted.empty()) {
      h << T(ctx, "tidak ada jika sendirian; bekerja bersama langkah lain",
             "nothing on its own; it works together with the other steps");
    } else {
      h << Esc{lifted};
    }
    h << "</div></li>";
  }
  for (const ChecklistStep& s : plan.checklist_steps) ChecklistStepItem(h, ctx, view, s);
  h << "</ol>";
  if (!plan.checklist_steps.empty()) {
    h << "<p class=\"kecil\">" << T(ctx, "Butir daftar periksa: ", "Checklist items: ") << plan.person_days
      << T(ctx, " hari orang seluruhnya; satu hari orang dihitung ", " person-days in all; one person-day counts as ")
      << Esc{FormatRupiah(plan.day_value_sen)}
      << T(ctx, " agar kerja dan rupiah dapat dibandingkan. Butir satu daftar periksa sama beratnya: butir lain yang "
                "masih \"Tidak\" di daftar yang sama sama gunanya.",
           " so that work and rupiah can be compared. The items of one checklist weigh the same: another item of the "
           "same list still answered \"No\" does as much.")
      << "</p>";
  }
  h << "<h2>" << T(ctx, "Komponen yang berubah", "Components that change") << "</h2><ul>";
  for (size_t k = 0; k < view.assessment.components.size(); ++k) {
    const ComponentResult& b = view.assessment.components[k];
    const ComponentResult& a = plan.result.components[k];
    if (a.skor_e6 == b.skor_e6) continue;
    h << "<li>" << Esc{L(ctx, b.spec->name)} << ": nilai " << Esc{FormatNilai(b.nilai_e2, ctx.lang)} << " → "
      << Esc{FormatNilai(a.nilai_e2, ctx.lang)} << ", skor " << Esc{SignedPoints(a.skor_e6 - b.skor_e6, ctx.lang)}
      << "</li>";
  }
  h << "</ul><h2>" << T(ctx, "Hasil", "Result") << "</h2>";
  ScoreHead(h, ctx, plan.result, view.record.id);
}

// KKPKK, out of reach: where each aspect stands, what the best plan gives it, and what no action can move.
void AspectOutlooks(Html& h, const PageContext& ctx, const LaporanView& view, const Plan& plan) {
  if (plan.aspects.empty()) return;
  h << "<h2>" << T(ctx, "Per aspek", "Per aspect") << "</h2><div class=\"gulir\"><table><thead><tr><th>"
    << T(ctx, "Aspek", "Aspect") << "</th><th>" << T(ctx, "Sekarang", "Now") << "</th><th>"
    << T(ctx, "Rencana terbaik", "Best plan") << "</th><th>" << T(ctx, "Bobot", "Weight") << "</th><th>"
    << T(ctx, "Hilang, tak dapat digerakkan", "Lost, no action moves it") << "</th></tr></thead><tbody>";
  for (const AspectOutlook& a : plan.aspects) {
    h << "<tr><td>" << Esc{L(ctx, view.assessment.aspects[a.aspect].spec->name)} << "</td><td>"
      << Esc{FormatPoints(a.now_e6, ctx.lang)} << "</td><td>" << Esc{FormatPoints(a.after_e6 >= 0 ? a.after_e6 : a.now_e6, ctx.lang)}
      << "</td><td>" << Esc{FormatPoints(a.max_e6, ctx.lang)} << "</td><td>" << Esc{FormatPoints(a.stuck_e6, ctx.lang)}
      << "</td></tr>";
  }
  h << "</tbody></table></div>";
}

// Why the target is out of reach within the limits: each limit relaxed alone (computed), and together.
void BindingLimits(Html& h, const PageContext& ctx, const Plan& plan) {
  if (plan.relaxations.empty() && plan.relaxed_together.empty()) return;
  h << "<h2>" << T(ctx, "Batas yang menghalangi", "Limits that stand in the way") << "</h2><p class=\"kecil\">"
    << T(ctx, "Dihitung ulang dan dinilai ulang dengan batas itu dilonggarkan.",
         "Planned and assessed again with that limit relaxed.")
    << "</p><ul class=\"batas-mengikat\">";
  for (const Relaxation& r : plan.relaxations) h << "<li>" << Esc{RelaxationText(plan, r, ctx.lang)} << "</li>";
  if (!plan.relaxed_together.empty()) {
    h << "<li>" << T(ctx, "Bersama-sama: ", "Together: ");
    for (size_t k = 0; k < plan.relaxed_together.size(); ++k) {
      const auto& [index, pct] = plan.relaxed_together[k];
      h << (k ? ", " : "") << Esc{L(ctx, plan.limits.items[index].Name())} << " "
        << Esc{FormatLimitPercent(pct, ctx.lang)} << " %";
    }
    h << T(ctx, " — target tercapai (", " — the target is reached (")
      << Esc{FormatPoints(plan.relaxed_together_total_e6, ctx.lang)} << ")</li>";
  }
  h << "</ul>";
}

// The board's limits form: every limit in force beside its default and reason; submitting plans again with them
// (a GET of this page). Not stored: see the note in the form.
void LimitsForm(Html& h, const PageContext& ctx, const PlanView& plan_view) {
  const Plan& plan = plan_view.plan;
  if (plan.limits.items.empty()) return;
  h << "<h2>" << T(ctx, "Batas satu tahun", "One-year limits") << "</h2>";
  for (const Problem& p : plan_view.limit_problems.items()) h << "<p class=\"galat\">" << Esc{p.Line(ctx.lang)} << "</p>";
  h << "<form method=\"get\" class=\"batas-form\" action=\"" << Esc{Path("/laporan/", plan_view.laporan.record.id, "/rencana")}
    << "\"><table><thead><tr><th>" << T(ctx, "Batas", "Limit") << "</th><th>" << T(ctx, "Persen", "Percent")
    << "</th><th>" << T(ctx, "Bawaan", "Default") << "</th><th>" << T(ctx, "Alasan", "Reason") << "</th></tr></thead><tbody>";
  for (size_t i = 0; i < plan.limits.items.size(); ++i) {
    const LimitUse& l = plan.limits.items[i];
    h << "<tr><td><label for=\"batas-" << Esc{l.id} << "\">" << Esc{LimitText(plan, i, ctx.lang)} << "</label></td><td>"
      << "<input id=\"batas-" << Esc{l.id} << "\" name=\"batas." << Esc{l.id} << "\" inputmode=\"decimal\" size=\"6\" value=\""
      << Esc{FormatLimitPercent(l.pct, ctx.lang)} << "\"> %</td><td>" << Esc{FormatLimitPercent(l.default_pct, ctx.lang)}
      << " %</td><td class=\"kecil\">" << Esc{L(ctx, l.Reason())} << "</td></tr>";
  }
  h << "</tbody></table><p><button type=\"submit\">" << T(ctx, "Hitung ulang dengan batas ini", "Plan again with these limits")
    << "</button> <a href=\"" << Esc{Path("/laporan/", plan_view.laporan.record.id, "/rencana")} << "\">"
    << T(ctx, "kembali ke bawaan", "back to the defaults") << "</a></p><p class=\"kecil\">"
    << T(ctx, "Batas ini hanya berlaku untuk rencana yang ditampilkan; belum disimpan bersama laporan.",
         "These limits apply to the plan shown only; they are not stored with the laporan yet.")
    << "</p></form>";
}

}  // namespace

// No plan for this laporan: said in words, with the way back (never a bare refusal).
std::string UnavailablePlanPage(const PageContext& ctx, const PlanView& plan_view) {
  const LaporanView& view = plan_view.laporan;
  const char* title = T(ctx, "Rencana belum tersedia", "The plan is not available yet");
  Html h(8 * 1024);
  Begin(h, ctx, title);
  h << "<p class=\"jejak\"><a href=\"" << Esc{Path("/koperasi/", view.cooperative.id)} << "\">"
    << Esc{view.cooperative.nama} << "</a></p><h1>" << title << "</h1><section class=\"kartu\"><p>";
  h << T(ctx, "Draf ini belum lengkap, jadi belum dinilai dan belum ada rencana yang dapat dihitung. Lengkapi "
              "dan simpan draf; setelah dinilai, rencana menuju SEHAT dapat dihitung.",
         "This draft is incomplete, so it is not assessed yet and there is no plan to compute. Complete and save "
         "the draft; once assessed, the way to SEHAT can be computed.");
  h << "</p><p><a class=\"tombol\" href=\"" << Esc{Path("/laporan/", view.record.id)} << "\">"
    << T(ctx, "Kembali ke laporan", "Back to the laporan") << "</a></p></section>";
  return End(h, ctx);
}

std::string PlanPage(const PageContext& ctx, const PlanView& plan_view) {
  if (plan_view.unavailable != PlanView::Unavailable::kNo) return UnavailablePlanPage(ctx, plan_view);
  const LaporanView& view = plan_view.laporan;
  const Plan& plan = plan_view.plan;
  const int64_t target_e6 = plan_view.target_e6;
  Html h(16 * 1024);
  const Assessment& base = view.assessment;
  Begin(h, ctx, T(ctx, "Jalan menuju SEHAT", "The way to SEHAT"));
  h << "<h1>" << T(ctx, "Jalan menuju SEHAT", "The way to SEHAT") << "</h1><p>" << Esc{view.cooperative.nama} << " · "
    << Esc{FormatDateLong(view.record.periode_akhir, ctx.lang)} << "</p><p>" << T(ctx, "Sekarang: ", "Now: ")
    << "<strong>" << Esc{FormatPoints(base.total_e6, ctx.lang)} << "</strong> ";
  PredikatBadge(h, ctx, base.Predikat().label);
  h << " · " << T(ctx, "target: ", "target: ") << "<strong>" << Esc{FormatPoints(target_e6, ctx.lang)}
    << "</strong></p>";
  switch (plan.status) {
    case Plan::Status::kAlreadyThere:
      h << "<p class=\"info\">" << T(ctx, "Target sudah tercapai.", "The target is already reached.") << "</p>";
      break;
    case Plan::Status::kVerified:
      PlanSteps(h, ctx, view, plan, false);
      break;
    case Plan::Status::kUnreachable:
      h << "<p class=\"info\">"
        << T(ctx, "Target tidak dapat dicapai dengan tindakan yang tersedia dalam batas satu tahun.",
             "The target cannot be reached with the available actions within the one-year limits.");
      if (plan.reachable_max_e6 >= 0) {
        h << " " << T(ctx, "Total tertinggi yang dapat dicapai (perkiraan): ", "Highest reachable total (estimate): ")
          << Esc{FormatPoints(plan.reachable_max_e6, ctx.lang)};
      }
      h << "</p>";
      AspectOutlooks(h, ctx, view, plan);
      if (plan.has_result && (!plan.steps.empty() || !plan.checklist_steps.empty())) PlanSteps(h, ctx, view, plan, true);
      BindingLimits(h, ctx, plan);
      break;
    case Plan::Status::kNotVerified:
    case Plan::Status::kSolverFailed:
      h << "<p class=\"info\">"
        << T(ctx, "Tidak ada rencana yang lolos penilaian ulang; coba dengan baris perintah (kopsehat plan).",
             "No plan passed the exact re-assessment; try the command line (kopsehat plan).")
        << "</p>";
      break;
  }
  LimitsForm(h, ctx, plan_view);
  h << "<p><a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", view.record.id)} << "\">"
    << T(ctx, "Kembali ke penilaian", "Back to the assessment") << "</a></p>";
  return End(h, ctx);
}

}  // namespace kopsehat::web
