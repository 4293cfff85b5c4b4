#include "report/plan_report.h"

#include <sstream>

#include "core/decimal.h"
#include "core/json_writer.h"
#include "core/money.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat {

namespace {

// Why a plan that is not verified is not shown; true when the text ends there.
bool NoPlanText(const Plan& plan, const Assessment& base, Lang lang, std::ostream& out) {
  switch (plan.status) {
    case Plan::Status::kAlreadyThere:
      out << T(lang, "Target sudah tercapai.\n", "The target is already reached.\n");
      return true;
    case Plan::Status::kNotVerified:
      out << T(lang,
               "Pemecah menemukan rencana, tetapi tidak lolos penilaian ulang yang tepat; tidak ada rencana yang "
               "ditampilkan.\n",
               "The solver found a plan, but it did not verify when assessed exactly; no plan is shown.\n");
      return true;
    case Plan::Status::kSolverFailed:
      out << T(lang,
               "Pemecah berhenti tanpa jawaban (batas waktu atau masalah numerik); tidak ada rencana yang "
               "ditampilkan. Coba lebih sedikit tindakan (--aksi-pakai) atau target yang lebih dekat.\n",
               "The solver stopped without an answer (time limit or numerical trouble); no plan is shown. "
               "Try fewer actions (--aksi-pakai) or a nearer target.\n");
      return true;
    case Plan::Status::kUnreachable:
      if (!plan.not_modelled.empty()) {
        out << T(lang,
                 "Pemecah tidak menemukan rencana, tetapi komponen berikut dianggap tetap (aturannya tidak "
                 "dimodelkan), jadi rencana mungkin tetap ada; coba whatif:\n",
                 "The solver found no plan, but it holds these components fixed (their rule is not modelled), "
                 "so a plan may still exist; try whatif:\n");
        for (size_t k : plan.not_modelled) out << "  - " << base.components[k].spec->name.Get(lang) << "\n";
      }
      out << T(lang, "Target tidak dapat dicapai dengan tindakan ini dalam batas-batasnya.\n",
               "The target cannot be reached with these actions within their bounds.\n");
      if (plan.reachable_max_e6 >= 0) {
        out << T(lang, "Total tertinggi yang dapat dicapai (perkiraan pemecah): ",
                 "The highest total they can give (solver's estimate): ")
            << FormatPoints(plan.reachable_max_e6, lang) << "\n";
      }
      if (!plan.stuck.empty()) {
        out << T(lang, "Poin yang tidak dapat digerakkan tindakan mana pun:\n", "Points no action can move:\n");
        for (size_t k : plan.stuck) {
          const ComponentResult& r = base.components[k];
          out << "  - " << r.spec->name.Get(lang) << ": " << FormatPoints(r.LostE6(), lang)
              << T(lang, " poin\n", " points\n");
        }
      }
      return true;
    case Plan::Status::kVerified:
      break;
  }
  return false;
}

}  // namespace

std::string LiftsText(const Assessment& base, const PlanStep& step, Lang lang) {
  std::string lifted;
  for (const ComponentLift& l : step.lifts_alone) {
    if (!lifted.empty()) lifted += "; ";
    lifted += base.components[l.component].spec->name.Get(lang);
    lifted += " ";
    lifted += FormatNilai(l.from_nilai_e2, lang);
    lifted += " → ";
    lifted += FormatNilai(l.to_nilai_e2, lang);
  }
  return lifted;
}

std::string RenderPlanText(const Plan& plan, const Assessment& base, int64_t target_e6, Lang lang) {
  std::ostringstream out;
  out << T(lang, "RENCANA — ", "PLAN — ") << base.cooperative.nama << ", " << FormatDateLong(base.periode_akhir, lang)
      << "\n" << T(lang, "Sekarang: ", "Now: ") << FormatPoints(base.total_e6, lang) << " (" << base.Predikat().label
      << "); target: " << FormatPoints(target_e6, lang) << "\n\n";
  if (NoPlanText(plan, base, lang, out)) return out.str();
  out << T(lang, "Langkah (diperiksa dengan menilai ulang hasilnya):\n",
           "Steps (verified by assessing the result again):\n");
  int i = 0;
  for (const PlanStep& s : plan.steps) {
    out << "  " << ++i << ". " << s.action->name.Get(lang) << ": " << FormatRupiah(s.amount_sen) << "\n     "
        << s.action->description.Get(lang) << "\n";
    const std::string lifted = LiftsText(base, s, lang);
    out << "     " << T(lang, "menaikkan: ", "lifts: ")
        << (lifted.empty() ? T(lang, "tidak ada jika sendirian; bekerja bersama langkah lain",
                               "nothing on its own; it works together with the other steps")
                           : lifted)
        << "\n";
  }
  const Assessment& after = plan.result;
  out << "\n" << T(lang, "Komponen yang berubah:\n", "Components that change:\n");
  for (size_t k = 0; k < base.components.size(); ++k) {
    const ComponentResult& b = base.components[k];
    const ComponentResult& a = after.components[k];
    if (a.skor_e6 == b.skor_e6) continue;
    const int64_t diff = a.skor_e6 - b.skor_e6;
    out << "  " << b.spec->name.Get(lang) << ": nilai " << FormatNilai(b.nilai_e2, lang) << " → "
        << FormatNilai(a.nilai_e2, lang) << ", skor " << (diff >= 0 ? "+" : "") << FormatPoints(diff, lang) << "\n";
  }
  out << "\n" << T(lang, "HASIL: ", "RESULT: ") << FormatPoints(after.total_e6, lang) << " (" << after.Predikat().label
      << ")\n";
  return out.str();
}

std::string RenderPlanJson(const Plan& plan, const Assessment& base, int64_t target_e6) {
  static const char* kStatus[] = {"terverifikasi", "sudah_tercapai", "tidak_tercapai", "tidak_terverifikasi",
                                  "pemecah_gagal"};
  std::string out = "{\"format\":\"kopsehat/rencana-v1\",\"metode\":";
  AppendJsonString(base.rulebook->id, &out);
  out += ",\"skor_awal\":" + FormatPlain(base.total_e6, 6, 0) + ",\"predikat_awal\":";
  AppendJsonString(base.Predikat().label, &out);
  out += ",\"target\":" + FormatPlain(target_e6, 6, 0) + ",\"status\":\"" + kStatus[int(plan.status)] +
         "\",\"langkah\":[";
  for (size_t k = 0; k < plan.steps.size(); ++k) {
    out += k ? "," : "";
    out += "{\"aksi\":";
    AppendJsonString(plan.steps[k].action->id, &out);
    out += ",\"jumlah\":\"" + FormatSenPlain(plan.steps[k].amount_sen) + "\"}";
  }
  out += "]";
  if (plan.status == Plan::Status::kVerified || plan.status == Plan::Status::kAlreadyThere) {
    out += ",\"skor_akhir\":" + FormatPlain(plan.result.total_e6, 6, 0) + ",\"predikat_akhir\":";
    AppendJsonString(plan.result.Predikat().label, &out);
  }
  if (plan.status == Plan::Status::kUnreachable && plan.reachable_max_e6 >= 0) {
    out += ",\"skor_tertinggi_tercapai\":" + FormatPlain(plan.reachable_max_e6, 6, 0);
  }
  out += "}\n";
  return out;
}

}  // namespace kopsehat
