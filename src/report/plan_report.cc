#include "report/plan_report.h"

#include <algorithm>
#include <sstream>

#include "core/decimal.h"
#include "core/json_writer.h"
#include "core/money.h"
#include "rules/formula.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat {

namespace {

std::string Pct(const Decimal& d, Lang lang) { return FormatLimitPercent(d, lang) + " %"; }

Sen RoundSen(const Fraction& f) { return Sen(RoundHalfUp(f.num, f.den, 0)); }

// The room above a floor the plan's drawing steps had: what they drew plus what is left above the floor after them.
Sen FloorRoom(const Plan& plan, const FloorState& f) {
  const LimitUse& l = plan.limits.items[f.limit];
  i128 drawn = 0;
  for (const PlanStep& s : plan.steps) {
    for (const std::string& id : l.floor->actions) drawn += s.action->id == id ? s.amount_sen : 0;
  }
  const Sen slack = RoundSen(Add(f.kept_after, Fraction{-f.level_after.num, f.level_after.den}));
  return Sen(drawn + std::max<Sen>(slack, 0));
}

// The checklist steps, numbered on from the action steps: the list, its items with their text, the work.
void ChecklistStepsText(const Plan& plan, const Assessment& base, Lang lang, int numbered, std::ostream& out) {
  out << T(lang, "  Daftar periksa — butir \"Tidak\" yang dikerjakan sampai \"Ya\" (",
           "  Checklists — \"No\" items worked on until they are \"Yes\" (")
      << plan.person_days << T(lang, " hari orang; satu hari orang dinilai ", " person-days; one person-day counts as ")
      << FormatRupiah(plan.day_value_sen) << "):\n";
  for (const ChecklistStep& s : plan.checklist_steps) {
    const ComponentResult& r = base.components[s.component];
    out << "  " << ++numbered << ". " << r.spec->name.Get(lang) << ": " << ChecklistStepSummary(s, lang) << "\n     "
        << s.effort->task.Get(lang) << "\n";
    for (const int item : s.items) {
      out << "     - " << T(lang, "butir ", "item ") << item + 1 << ": " << r.spec->items[size_t(item)].text.Get(lang)
          << "\n";
    }
  }
}

void StepsText(const Plan& plan, const Assessment& base, Lang lang, std::ostream& out) {
  int i = 0;
  for (const PlanStep& s : plan.steps) {
    out << "  " << ++i << ". " << s.action->name.Get(lang) << ": " << FormatRupiah(s.amount_sen) << "\n     "
        << s.action->description.Get(lang) << "\n";
    const std::string limit = StepLimitText(plan, s, lang);
    if (!limit.empty()) out << "     " << T(lang, "batas: ", "limit: ") << limit << "\n";
    const std::string lifted = LiftsText(base, s, lang);
    out << "     " << T(lang, "menaikkan: ", "lifts: ")
        << (lifted.empty() ? T(lang, "tidak ada jika sendirian; bekerja bersama langkah lain",
                               "nothing on its own; it works together with the other steps")
                           : lifted)
        << "\n";
  }
  if (!plan.checklist_steps.empty()) ChecklistStepsText(plan, base, lang, i, out);
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
}

void LimitsText(const Plan& plan, Lang lang, std::ostream& out) {
  if (plan.limits.items.empty()) {
    out << "\n" << T(lang, "Tanpa batas tahunan: hanya batas tiap tindakan (berkas tindakan kopsehat/aksi-v1).\n",
                     "No yearly limits: only each action's own bounds (a kopsehat/aksi-v1 action file).\n");
    return;
  }
  out << "\n" << T(lang, "Batas satu tahun yang dipakai (ubah dengan --batas BERKAS; contoh: --template-batas):\n",
                   "One-year limits used (change them with --batas FILE; example: --template-batas):\n");
  for (size_t i = 0; i < plan.limits.items.size(); ++i) {
    const LimitUse& l = plan.limits.items[i];
    out << "  - " << LimitText(plan, i, lang) << "\n      " << l.Reason().Get(lang) << "\n";
    if (!l.note.empty()) out << "      " << T(lang, "alasan koperasi: ", "the cooperative's reason: ") << l.note << "\n";
  }
}

// Why there is no plan to show, or the best reachable one and what stops it; true when the text ends there.
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
               "The target cannot be reached with these actions within their limits.\n");
      if (plan.reachable_max_e6 >= 0) {
        out << T(lang, "Total tertinggi yang dapat dicapai (perkiraan pemecah): ",
                 "The highest total they can give (solver's estimate): ")
            << FormatPoints(plan.reachable_max_e6, lang) << "\n";
      }
      if (!plan.aspects.empty()) {
        out << T(lang, "\nPer aspek (sekarang → rencana terbaik, dari bobotnya):\n",
                 "\nPer aspect (now → the best plan, out of its weight):\n");
        for (const AspectOutlook& a : plan.aspects) {
          out << "  - " << base.aspects[a.aspect].spec->name.Get(lang) << ": " << FormatPoints(a.now_e6, lang) << " → "
              << FormatPoints(a.after_e6 >= 0 ? a.after_e6 : a.now_e6, lang) << T(lang, " dari ", " of ")
              << FormatPoints(a.max_e6, lang);
          if (a.stuck_e6 > 0) {
            out << T(lang, "; tetap hilang ", "; still lost ") << FormatPoints(a.stuck_e6, lang)
                << T(lang, " karena tidak ada tindakan yang menggerakkan", " that no action moves");
          }
          out << "\n";
        }
      }
      if (plan.has_result && (!plan.steps.empty() || !plan.checklist_steps.empty())) {
        out << "\n" << T(lang, "Rencana terbaik dalam batas (diperiksa dengan menilai ulang hasilnya):\n",
                         "The best plan within the limits (verified by assessing the result again):\n");
        StepsText(plan, base, lang, out);
      }
      if (!plan.relaxations.empty()) {
        out << "\n" << T(lang, "Batas yang menghalangi (dihitung ulang dengan batas itu saja dilonggarkan):\n",
                         "Limits that stand in the way (solved again with that limit alone relaxed):\n");
        for (const Relaxation& r : plan.relaxations) out << "  - " << RelaxationText(plan, r, lang) << "\n";
      }
      if (!plan.relaxed_together.empty()) {
        out << "  " << T(lang, "Bersama-sama: dengan batas ", "Together: with limits of ");
        for (size_t k = 0; k < plan.relaxed_together.size(); ++k) {
          const auto& [index, pct] = plan.relaxed_together[k];
          out << (k == 0 ? "" : k + 1 == plan.relaxed_together.size() ? T(lang, " dan ", " and ") : ", ")
              << plan.limits.items[index].Name().Get(lang) << " " << Pct(pct, lang);
        }
        out << T(lang, " target tercapai (", " the target is reached (")
            << FormatPoints(plan.relaxed_together_total_e6, lang) << ").\n";
      }
      if (plan.all_relaxed_reaches >= 0) {
        out << (plan.relaxations.empty() ? "\n" : "")
            << (plan.all_relaxed_reaches == 1
                    ? T(lang, "  Dengan semua batas dilonggarkan sekaligus, target tercapai.\n",
                        "  With every limit relaxed at once, the target is reached.\n")
                    : T(lang, "  Bahkan dengan semua batas dilonggarkan sekaligus, target tidak tercapai.\n",
                        "  Even with every limit relaxed at once, the target is not reached.\n"));
      }
      if (!plan.stuck.empty()) {
        out << "\n" << T(lang, "Poin yang tidak dapat digerakkan tindakan mana pun:\n", "Points no action can move:\n");
        for (size_t k : plan.stuck) {
          const ComponentResult& r = base.components[k];
          out << "  - " << r.spec->name.Get(lang) << ": " << FormatPoints(r.LostE6(), lang)
              << T(lang, " poin\n", " points\n");
        }
      }
      LimitsText(plan, lang, out);
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

std::string ChecklistStepSummary(const ChecklistStep& step, Lang lang) {
  std::string out = std::to_string(step.items.size()) + T(lang, " butir, ", step.items.size() == 1 ? " item, " : " items, ") +
                    std::to_string(step.person_days) + T(lang, " hari orang", " person-days");
  if (step.effort->overridden) {
    out += T(lang, " (koperasi: ", " (the cooperative's: ") + std::to_string(step.effort->person_days) +
           T(lang, " hari per butir, bawaan ", " days per item, default ") + std::to_string(step.effort->default_person_days) +
           ")";
  }
  if (step.to_nilai_e2 != step.from_nilai_e2) {
    out += "; nilai " + FormatNilai(step.from_nilai_e2, lang) + " → " + FormatNilai(step.to_nilai_e2, lang);
  } else {
    out += T(lang, "; menaikkan nilai bersama langkah lain", "; raises the nilai together with the other steps");
  }
  return out;
}

std::string StepLimitText(const Plan& plan, const PlanStep& step, Lang lang) {
  if (const LimitUse* l = plan.limits.ForAction(step.action->id); l != nullptr && step.cap_sen >= 0) {
    std::string out = Pct(l->pct, lang) + T(lang, " dari ", " of ") + FormulaLabel(l->Base(), {}).Get(lang) + " = " +
                      FormatRupiah(step.cap_sen) + "; " + T(lang, "terpakai ", "used ");
    out += step.cap_sen > 0 ? std::to_string(UsedPercent(step.amount_sen, step.cap_sen)) + " %" : "—";
    return out;
  }
  for (const FloorState& f : plan.floors) {
    const LimitUse& l = plan.limits.items[f.limit];
    if (std::find(l.floor->actions.begin(), l.floor->actions.end(), step.action->id) == l.floor->actions.end()) continue;
    const Sen room = FloorRoom(plan, f);
    return l.Name().Get(lang) + " (" + FormulaLabel(l.floor->kept, {}).Get(lang) + T(lang, " tetap ≥ ", " stays ≥ ") +
           FormatRupiah(RoundSen(f.level_after)) + "); " + T(lang, "terpakai ", "uses ") +
           (room > 0 ? std::to_string(UsedPercent(step.amount_sen, room)) + " %" : std::string("—")) +
           T(lang, " dari ruang di atas lantai", " of the room above the floor");
  }
  return "";
}

std::string LimitText(const Plan& plan, size_t index, Lang lang) {
  const LimitUse& l = plan.limits.items[index];
  std::string out = l.Name().Get(lang) + ": ";
  if (l.IsFloor()) {
    out += FormulaLabel(l.floor->kept, {}).Get(lang) + " ≥ " + Pct(l.pct, lang) + T(lang, " dari ", " of ") +
           FormulaLabel(l.floor->base, {}).Get(lang);
  } else {
    out += Pct(l.pct, lang) + T(lang, " dari ", " of ") + FormulaLabel(l.Base(), {}).Get(lang);
  }
  if (l.overridden) out += std::string(T(lang, " (bawaan ", " (default ")) + Pct(l.default_pct, lang) + ")";
  for (const FloorState& f : plan.floors) {
    if (f.limit != index) continue;
    out += std::string(T(lang, "; setelah rencana ", "; after the plan ")) + FormatRupiah(RoundSen(f.kept_after)) +
           T(lang, ", lantai ", ", floor ") + FormatRupiah(RoundSen(f.level_after));
  }
  return out;
}

std::string RelaxationText(const Plan& plan, const Relaxation& r, Lang lang) {
  const LimitUse& l = plan.limits.items[r.limit];
  std::string out = l.Name().Get(lang) + T(lang, " dibatasi ", " limited to ") + Pct(l.pct, lang) + ": ";
  if (r.reaches) {
    out += std::string(T(lang, "dengan batas ", "with a limit of ")) + Pct(r.to_pct, lang) +
           T(lang, " target tercapai (", " the target is reached (") + FormatPoints(r.total_e6, lang) + ")";
  } else {
    out += std::string(T(lang, "batas ini terpakai penuh, tetapi dilonggarkan sampai ",
                         "this limit is used in full, but even relaxed to ")) +
           Pct(r.to_pct, lang) + T(lang, " pun target belum tercapai", " the target is not reached");
  }
  return out;
}

std::string RenderLimitTemplate(const Limits& limits, Lang lang) {
  std::ostringstream out;
  out << T(lang,
           "# Batas satu tahun untuk kopsehat plan/whatif --batas BERKAS. Hapus yang tidak diubah; persen 0 sampai 100,\n"
           "# tepat (teks \"12.5\"). alasan: alasan koperasi sendiri (boleh kosong), ditampilkan di rencana.\n",
           "# One-year limits for kopsehat plan/whatif --batas FILE. Delete those you keep; persen 0 to 100, exact\n"
           "# (a string \"12.5\"). alasan: the cooperative's own reason (optional), shown in the plan.\n")
      << "format = \"kopsehat/batas-v1\"\n";
  for (const LimitUse& l : limits.items) {
    out << "\n# " << l.Name().Get(lang) << ": ";
    if (l.IsFloor()) {
      out << FormulaLabel(l.floor->kept, {}).Get(lang) << " >= persen % " << T(lang, "dari ", "of ")
          << FormulaLabel(l.floor->base, {}).Get(lang);
    } else {
      out << T(lang, "paling banyak persen % dari ", "at most persen % of ") << FormulaLabel(l.Base(), {}).Get(lang);
    }
    out << T(lang, " (bawaan ", " (default ") << PlainLimitPercent(l.default_pct) << ")\n# " << l.Reason().Get(lang)
        << "\n[" << l.id << "]\npersen = \"" << PlainLimitPercent(l.pct) << "\"\n";
  }
  return out.str();
}

std::string RenderPlanText(const Plan& plan, const Assessment& base, int64_t target_e6, Lang lang) {
  std::ostringstream out;
  out << T(lang, "RENCANA — ", "PLAN — ") << base.cooperative.nama << ", " << FormatDateLong(base.periode_akhir, lang)
      << "\n" << T(lang, "Sekarang: ", "Now: ") << FormatPoints(base.total_e6, lang) << " (" << base.Predikat().label
      << "); target: " << FormatPoints(target_e6, lang) << "\n\n";
  if (NoPlanText(plan, base, lang, out)) return out.str();
  out << T(lang, "Langkah (diperiksa dengan menilai ulang hasilnya):\n",
           "Steps (verified by assessing the result again):\n");
  StepsText(plan, base, lang, out);
  LimitsText(plan, lang, out);
  return out.str();
}

namespace {

void AppendSteps(const std::vector<PlanStep>& steps, const Plan& plan, std::string* out) {
  *out += "[";
  for (size_t k = 0; k < steps.size(); ++k) {
    const PlanStep& s = steps[k];
    *out += k ? "," : "";
    *out += "{\"aksi\":";
    AppendJsonString(s.action->id, out);
    *out += ",\"jumlah\":\"" + FormatSenPlain(s.amount_sen) + "\"";
    if (s.cap_sen >= 0 && plan.limits.ForAction(s.action->id) != nullptr) {
      *out += ",\"batas_jumlah\":\"" + FormatSenPlain(s.cap_sen) + "\"";
      if (s.cap_sen > 0) *out += ",\"batas_terpakai_persen\":" + std::to_string(UsedPercent(s.amount_sen, s.cap_sen));
    }
    *out += "}";
  }
  *out += "]";
}

void AppendChecklistSteps(const Plan& plan, const Assessment& base, std::string* out) {
  *out += "[";
  for (size_t k = 0; k < plan.checklist_steps.size(); ++k) {
    const ChecklistStep& s = plan.checklist_steps[k];
    *out += k ? "," : "";
    *out += "{\"komponen\":";
    AppendJsonString(base.components[s.component].spec->id, out);
    *out += ",\"butir\":[";
    for (size_t i = 0; i < s.items.size(); ++i) *out += (i ? "," : "") + std::to_string(s.items[i] + 1);
    *out += "],\"hari_orang\":" + std::to_string(s.person_days) + ",\"nilai_awal\":" + FormatPlain(s.from_nilai_e2, 2, 0) +
            ",\"nilai_sendiri\":" + FormatPlain(s.to_nilai_e2, 2, 0) + "}";
  }
  *out += "]";
}

// The checklist part of a plan (additive keys of rencana-v1): its steps under `key`, the person-days and their value.
void AppendChecklistPart(const Plan& plan, const Assessment& base, const char* key, std::string* out) {
  if (plan.day_value_sen <= 0) return;
  *out += std::string(",\"") + key + "\":";
  AppendChecklistSteps(plan, base, out);
  *out += ",\"hari_orang\":" + std::to_string(plan.person_days) + ",\"nilai_hari_orang\":\"" +
          FormatSenPlain(plan.day_value_sen) + "\"";
}

}  // namespace

std::string RenderPlanJson(const Plan& plan, const Assessment& base, int64_t target_e6) {
  static const char* kStatus[] = {"terverifikasi", "sudah_tercapai", "tidak_tercapai", "tidak_terverifikasi",
                                  "pemecah_gagal"};
  std::string out = "{\"format\":\"kopsehat/rencana-v1\",\"metode\":";
  AppendJsonString(base.rulebook->id, &out);
  out += ",\"skor_awal\":" + FormatPlain(base.total_e6, 6, 0) + ",\"predikat_awal\":";
  AppendJsonString(base.Predikat().label, &out);
  out += ",\"target\":" + FormatPlain(target_e6, 6, 0) + ",\"status\":\"" + kStatus[int(plan.status)] +
         "\",\"langkah\":";
  AppendSteps(plan.status == Plan::Status::kVerified ? plan.steps : std::vector<PlanStep>{}, plan, &out);
  if (plan.status == Plan::Status::kVerified) AppendChecklistPart(plan, base, "langkah_daftar_periksa", &out);
  if (plan.status == Plan::Status::kVerified || plan.status == Plan::Status::kAlreadyThere) {
    out += ",\"skor_akhir\":" + FormatPlain(plan.result.total_e6, 6, 0) + ",\"predikat_akhir\":";
    AppendJsonString(plan.result.Predikat().label, &out);
  }
  if (plan.status == Plan::Status::kUnreachable && plan.reachable_max_e6 >= 0) {
    out += ",\"skor_tertinggi_tercapai\":" + FormatPlain(plan.reachable_max_e6, 6, 0);
  }
  // Limits (issue 17): additive, optional keys of rencana-v1.
  out += ",\"batas\":[";
  for (size_t i = 0; i < plan.limits.items.size(); ++i) {
    const LimitUse& l = plan.limits.items[i];
    out += i ? "," : "";
    out += "{\"id\":";
    AppendJsonString(l.id, &out);
    out += std::string(",\"jenis\":\"") + (l.IsFloor() ? "lantai" : "bagian") + "\",\"persen\":\"" +
           PlainLimitPercent(l.pct) + "\",\"persen_bawaan\":\"" + PlainLimitPercent(l.default_pct) + "\"";
    if (!l.note.empty()) {
      out += ",\"alasan_koperasi\":";
      AppendJsonString(l.note, &out);
    }
    for (const FloorState& f : plan.floors) {
      if (f.limit != i) continue;
      out += ",\"dijaga_setelah\":\"" + FormatSenPlain(RoundSen(f.kept_after)) + "\",\"lantai_setelah\":\"" +
             FormatSenPlain(RoundSen(f.level_after)) + "\",\"terjaga\":" + (f.kept ? "true" : "false");
    }
    out += "}";
  }
  out += "]";
  if (plan.status == Plan::Status::kUnreachable) {
    if (plan.has_result && (!plan.steps.empty() || !plan.checklist_steps.empty())) {
      out += ",\"langkah_terbaik\":";
      AppendSteps(plan.steps, plan, &out);
      AppendChecklistPart(plan, base, "langkah_daftar_periksa_terbaik", &out);
      out += ",\"skor_terbaik\":" + FormatPlain(plan.result.total_e6, 6, 0) + ",\"predikat_terbaik\":";
      AppendJsonString(plan.result.Predikat().label, &out);
    }
    out += ",\"batas_mengikat\":[";
    for (size_t k = 0; k < plan.relaxations.size(); ++k) {
      const Relaxation& r = plan.relaxations[k];
      out += k ? "," : "";
      out += "{\"id\":";
      AppendJsonString(plan.limits.items[r.limit].id, &out);
      out += ",\"persen\":\"" + PlainLimitPercent(plan.limits.items[r.limit].pct) + "\",\"dilonggarkan_ke\":\"" +
             PlainLimitPercent(r.to_pct) + "\",\"target_tercapai\":" + (r.reaches ? "true" : "false");
      if (r.reaches) out += ",\"skor\":" + FormatPlain(r.total_e6, 6, 0);
      out += "}";
    }
    out += "]";
    if (!plan.aspects.empty()) {
      out += ",\"aspek\":[";
      for (size_t k = 0; k < plan.aspects.size(); ++k) {
        const AspectOutlook& a = plan.aspects[k];
        out += k ? "," : "";
        out += "{\"id\":";
        AppendJsonString(base.aspects[a.aspect].spec->id, &out);
        out += ",\"skor\":" + FormatPlain(a.now_e6, 6, 0) + ",\"skor_rencana_terbaik\":" +
               FormatPlain(a.after_e6 >= 0 ? a.after_e6 : a.now_e6, 6, 0) + ",\"bobot\":" + FormatPlain(a.max_e6, 6, 0) +
               ",\"hilang_tetap\":" + FormatPlain(a.stuck_e6, 6, 0) + "}";
      }
      out += "]";
    }
    if (plan.all_relaxed_reaches >= 0) {
      out += std::string(",\"semua_batas_dilonggarkan_tercapai\":") + (plan.all_relaxed_reaches ? "true" : "false");
    }
    if (!plan.relaxed_together.empty()) {
      out += ",\"dilonggarkan_bersama\":{\"batas\":[";
      for (size_t k = 0; k < plan.relaxed_together.size(); ++k) {
        out += k ? "," : "";
        out += "{\"id\":";
        AppendJsonString(plan.limits.items[plan.relaxed_together[k].first].id, &out);
        out += ",\"persen\":\"" + PlainLimitPercent(plan.relaxed_together[k].second) + "\"}";
      }
      out += "],\"skor\":" + FormatPlain(plan.relaxed_together_total_e6, 6, 0) + "}";
    }
  }
  out += "}\n";
  return out;
}

}  // namespace kopsehat
