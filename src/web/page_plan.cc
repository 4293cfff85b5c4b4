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

// The limits form's value of `field` as typed when the form was refused, else null.
const std::string* Typed(const PlanView& plan_view, const std::string& field) {
  for (const auto& [name, value] : plan_view.limit_retry) {
    if (name == field) return &value;
  }
  return nullptr;
}

const store::PlanLimit* StoredLimit(const PlanView& plan_view, const std::string& id) {
  for (const store::PlanLimit& s : plan_view.stored_limits) {
    if (s.limit_id == id) return &s;
  }
  return nullptr;
}

// The problems of the limits (a refused form, a stored limit that no longer applies), each linking to its field.
void LimitProblems(Html& h, const PageContext& ctx, const PlanView& plan_view) {
  if (plan_view.limit_problems.empty()) return;
  h << "<div class=\"masalah\" role=\"alert\"><p><strong>"
    << T(ctx, "Periksa kembali batas berikut:", "Please check these limits:") << "</strong></p><ul>";
  for (const Problem& p : plan_view.limit_problems.items()) {
    // The App leads each message with the limit's label; the field's anchor is its path with a dash.
    std::string anchor = p.path;
    if (const size_t dot = anchor.find('.'); dot != std::string::npos) anchor[dot] = '-';
    h << "<li><a href=\"#" << Esc{anchor} << "\">" << Esc{p.Text(ctx.lang)} << "</a></li>";
  }
  h << "</ul></div>";
}

// One field of a limit's row (the percentage or the reason) and `unit` after it, with its problem below when the
// form was refused.
void LimitField(Html& h, const PageContext& ctx, const PlanView& plan_view, const char* field, const std::string& id,
                const std::string& value, const char* attributes, const char* unit,
                const std::string& aria_label = {}) {
  const std::string name = std::string(field) + "." + id;
  const Problem* problem = nullptr;
  for (const Problem& p : plan_view.limit_problems.items()) problem = p.path == name ? &p : problem;
  h << "<input id=\"" << field << "-" << Esc{id} << "\" name=\"" << Esc{name} << "\" " << attributes << " value=\""
    << Esc{value} << "\"";
  if (!aria_label.empty()) h << " aria-label=\"" << Esc{aria_label} << "\"";
  if (problem != nullptr) h << " aria-invalid=\"true\" aria-describedby=\"e-" << field << "-" << Esc{id} << "\"";
  h << ">" << unit;
  if (problem != nullptr) {
    h << "<div class=\"galat\" id=\"e-" << field << "-" << Esc{id} << "\">" << Esc{problem->Text(ctx.lang)} << "</div>";
  }
}

// Who set a stored limit and when, in the region's zone: "Ibu Bendahara, 7 Desember 2026 pukul 15.04 WIB".
void SetBy(Html& h, const PageContext& ctx, const PlanView& plan_view, const store::PlanLimit* stored) {
  if (stored == nullptr) return;
  h << "<div class=\"kecil\">" << Esc{stored->set_by_name} << ", "
    << Esc{FormatLocalDateTime(stored->set_at, ZoneOfProvince(plan_view.laporan.provinsi), ctx.lang)} << "</div>";
}

// The board's one-year limits: every limit with its default beside the value in force (the board's stored one, or
// one tried on this page) and the board's reason with who set it. The pengurus and pengelola get a form (POST with
// the CSRF token) that saves them with their reasons (audited; App::SavePlanLimits), tries them without saving (the
// page's GET `batas.<id>` fields) or puts every limit back to its default; everyone else who sees the plan reads
// the table.
void LimitsForm(Html& h, const PageContext& ctx, const PlanView& plan_view) {
  const Plan& plan = plan_view.plan;
  if (plan.limits.items.empty()) return;
  const int64_t id = plan_view.laporan.record.id;
  const bool form = plan_view.may_set_limits;
  h << "<section class=\"kartu\" id=\"batas\"><h2>" << T(ctx, "Batas satu tahun", "One-year limits") << "</h2>";
  if (plan_view.limit_retry.empty()) LimitProblems(h, ctx, plan_view);  // a refused form's are at the top
  if (plan_view.limits_tried) {
    h << "<p class=\"info\">"
      << T(ctx, "Rencana ini memakai batas yang sedang dicoba; belum disimpan.",
           "This plan uses limits being tried; they are not stored.")
      << " <a href=\"" << Esc{Path("/laporan/", id, "/rencana")} << "\">"
      << T(ctx, "Kembali ke batas tersimpan", "Back to the stored limits") << "</a></p>";
  }
  h << "<p class=\"kecil\">"
    << T(ctx, "Batas disimpan bersama laporan ini dan dipakai setiap kali rencananya dihitung. Setiap perubahan "
              "tercatat di jejak audit koperasi dengan nilai sebelum dan sesudahnya.",
         "The limits are stored with this laporan and used whenever its plan is made. Every change is recorded in "
         "the cooperative's audit trail with the value before and after.")
    << "</p>";
  if (form) {
    FormOpen(h, ctx, Path("/laporan/", id, "/rencana/batas"), false, "batas-form");
  }
  h << "<div class=\"gulir\"><table class=\"batas\"><thead><tr><th>" << T(ctx, "Batas", "Limit") << "</th><th>"
    << T(ctx, "Bawaan", "Default") << "</th><th>" << T(ctx, "Berlaku", "In force") << "</th><th>"
    << T(ctx, "Alasan pengurus", "The board's reason") << "</th></tr></thead><tbody>";
  for (size_t i = 0; i < plan.limits.items.size(); ++i) {
    const LimitUse& l = plan.limits.items[i];
    const store::PlanLimit* stored = StoredLimit(plan_view, l.id);
    h << "<tr data-batas=\"" << Esc{l.id} << "\"><td>";
    if (form) h << "<label for=\"batas-" << Esc{l.id} << "\">";
    h << Esc{LimitText(plan, i, ctx.lang)};
    if (form) h << "</label>";
    // data-judul: each cell's heading, shown before it where a phone stacks the cells (gaya.css).
    h << "<div class=\"kecil\">" << Esc{L(ctx, l.Reason())} << "</div></td><td class=\"bawaan\" data-judul=\""
      << T(ctx, "Bawaan", "Default") << "\">" << Esc{FormatLimitPercent(l.default_pct, ctx.lang)}
      << " %</td><td class=\"berlaku\" data-judul=\"" << T(ctx, "Berlaku", "In force") << "\">";
    const std::string in_force = FormatLimitPercent(l.pct, ctx.lang);
    if (form) {
      const std::string* typed = Typed(plan_view, "batas." + l.id);
      LimitField(h, ctx, plan_view, "batas", l.id, typed != nullptr ? *typed : in_force,
                 "class=\"persen\" inputmode=\"decimal\" size=\"6\" maxlength=\"20\"", " %");
    } else {
      h << Esc{in_force} << " %";
    }
    h << "</td><td class=\"alasan\" data-judul=\"" << T(ctx, "Alasan pengurus", "The board's reason") << "\">";
    const std::string reason = stored != nullptr ? stored->alasan : std::string();
    if (form) {
      const std::string* typed = Typed(plan_view, "alasan." + l.id);
      LimitField(h, ctx, plan_view, "alasan", l.id, typed != nullptr ? *typed : reason, "maxlength=\"300\"", "",
                 T(ctx, "Alasan: ", "Reason: ") + L(ctx, l.Name()));
    } else {
      h << Esc{reason};
    }
    SetBy(h, ctx, plan_view, stored);
    h << "</td></tr>";
  }
  h << "</tbody></table></div>";
  if (!form) {
    h << "</section>";
    return;
  }
  h << "<p><button type=\"submit\">" << T(ctx, "Simpan batas", "Save the limits")
    << "</button> <button type=\"submit\" class=\"kedua\" name=\"coba\" value=\"1\">"
    << T(ctx, "Coba tanpa menyimpan", "Try without saving") << "</button></p></form>";
  if (!plan_view.stored_limits.empty()) {
    FormOpen(h, ctx, Path("/laporan/", id, "/rencana/batas/bawaan"), false, "sebaris",
             T(ctx, "Kembalikan semua batas ke nilai bawaan?", "Put every limit back to its default?"));
    h << "<button type=\"submit\" class=\"kedua\">" << T(ctx, "Kembalikan ke bawaan", "Back to the defaults")
      << "</button></form>";
  }
  h << "</section>";
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
  // The limits form came back refused: what is wrong first, each linking to its field further down.
  if (!plan_view.limit_retry.empty()) LimitProblems(h, ctx, plan_view);
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
