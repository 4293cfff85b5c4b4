// `kopsehat plan FILE --target SEHAT`: the cheapest verified set of improvement actions that reaches the target.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "plan/optimize.h"
#include "report/json_report.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat plan BERKAS [--target SEHAT|"CUKUP SEHAT"|SKOR] [--aksi-pakai ID,ID]

Mencari kumpulan tindakan perbaikan termurah (rupiah tertimbang biaya tiap tindakan) yang membawa skor ke target,
dengan pemrograman linear bilangan bulat campuran (GLPK). Rencana dibulatkan ke atas ke rupiah, diterapkan pada
laporan, lalu dinilai ulang dengan tepat; rencana yang tidak lolos pemeriksaan tidak pernah ditampilkan.

Opsi:
  --target T          predikat (bawaan: predikat tertinggi, mis. SEHAT) atau skor, mis. 75
  --aksi-pakai ID,…   hanya tindakan ini (daftar: kopsehat whatif BERKAS --aksi-daftar); juga --actions
  --format text|json  bentuk keluaran (json: kopsehat/rencana-v1)
  --aksi-file BERKAS  daftar tindakan sendiri (salinan rules/aksi-ksp.toml, mis. dengan bobot biaya lain)
  --metode ID, --rulebook BERKAS, --tanpa-manajemen, --lang id|en, --help
)";

const char* kHelpEn = R"(Usage: kopsehat plan FILE [--target SEHAT|"CUKUP SEHAT"|SCORE] [--aksi-pakai ID,ID]

Finds the cheapest set of improvement actions (rupiah weighted by each action's cost) that brings the score to the
target, as a mixed-integer linear program (GLPK). The plan is rounded up to the rupiah, applied to the laporan and
assessed again exactly; a plan that does not verify is never shown.

Options:
  --target T          a predikat (default: the highest, e.g. SEHAT) or a score, e.g. 75
  --aksi-pakai ID,…   only these actions (list: kopsehat whatif FILE --aksi-daftar); also --actions
  --format text|json  output form (json: kopsehat/rencana-v1)
  --aksi-file FILE    an action book of your own (a copy of rules/aksi-ksp.toml, e.g. with other cost weights)
  --metode ID, --rulebook FILE, --tanpa-manajemen, --lang id|en, --help
)";

}  // namespace

int RunPlan(int argc, char** argv, Lang lang) {
  const bool en = lang == Lang::kEn;
  Args args;
  int exit_code = kExitOk;
  const CommandSpec spec{"plan",
                         {{"--target", true}, {"--aksi-pakai", true}, {"--actions", true}, {"--format", true},
                          {"--metode", true}, {"--rulebook", true},
                          {"--tanpa-manajemen", false}, {"--aksi-file", true}},
                         kHelpId,
                         kHelpEn,
                         "sebutkan tepat satu berkas laporan",
                         "give exactly one laporan file",
                         {"text", "json"}};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  Problems problems;
  std::unique_ptr<ActionBook> owned_book;
  const ActionBook* book = LoadActionsForCommand(args, lang, &owned_book);
  if (book == nullptr) return kExitInvalid;
  AssessedFile file;
  if (!AssessFile(args, lang, &file)) return kExitInvalid;
  const Assessment& base = file.assessment;
  const Rulebook& rb = *base.rulebook;
  // The target: a predikat label (case-insensitive) or a score.
  std::string target_text = args.Get("--target", rb.predikat.front().label);
  int64_t target_e6 = -1;
  for (const PredikatRule& p : rb.predikat) {
    std::string a = p.label, b = target_text;
    for (char& c : a) c = char(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : b) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (a == b) target_e6 = p.has_min ? p.min_e6 : 0;
  }
  if (target_e6 < 0) {
    Decimal d;
    i128 units = 0;
    std::string plain = target_text;
    std::replace(plain.begin(), plain.end(), ',', '.');
    if (ParseDecimal(plain, &d) == DecimalError::kNone && Rescale(d, 6, &units) && units >= 0 && units <= 100'000'000) {
      target_e6 = int64_t(units);
    }
  }
  if (target_e6 < 0) {
    std::cerr << "kopsehat plan: " << (en ? "--target must be a predikat or a score from 0 to 100"
                                          : "--target harus predikat atau skor 0 sampai 100") << "\n";
    return kExitInvalid;
  }
  std::vector<std::string> allowed;
  if (args.Has("--aksi-pakai") || args.Has("--actions")) {
    std::string list = args.Has("--aksi-pakai") ? args.Get("--aksi-pakai") : args.Get("--actions");
    size_t start = 0;
    while (start <= list.size()) {
      const size_t comma = list.find(',', start);
      const std::string id = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (book->Find(id) == nullptr) {
        std::cerr << "kopsehat plan: " << (en ? "unknown action '" : "tindakan tidak dikenal '") << id << "'\n";
        return kExitInvalid;
      }
      allowed.push_back(id);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  EvaluateOptions options;
  options.without_checklist = args.Has("--tanpa-manajemen");
  const Plan plan = MakePlan(file.laporan, rb, options, base, *book, target_e6, allowed);
  if (args.Get("--format", "text") == "json") {
    // kopsehat/rencana-v1: the plan for programs (the web application later).
    static const char* kStatus[] = {"terverifikasi", "sudah_tercapai", "tidak_tercapai", "tidak_terverifikasi",
                                    "pemecah_gagal"};
    std::string out = "{\"format\":\"kopsehat/rencana-v1\",\"metode\":";
    AppendJsonString(rb.id, &out);
    out += ",\"skor_awal\":" + FormatPlain(base.total_e6, 6, 0) + ",\"predikat_awal\":";
    AppendJsonString(base.Predikat().label, &out);
    out += ",\"target\":" + FormatPlain(target_e6, 6, 0) + ",\"status\":\"" + kStatus[int(plan.status)] + "\",\"langkah\":[";
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
    std::cout << out;
    return kExitOk;
  }

  std::cout << (en ? "PLAN — " : "RENCANA — ") << base.koperasi.nama << ", " << FormatDateLong(base.periode_akhir, lang)
            << "\n" << (en ? "Now: " : "Sekarang: ") << FormatPoints(base.total_e6, lang) << " (" << base.Predikat().label
            << "); " << (en ? "target: " : "target: ") << FormatPoints(target_e6, lang) << "\n\n";
  switch (plan.status) {
    case Plan::Status::kAlreadyThere:
      std::cout << (en ? "The target is already reached.\n" : "Target sudah tercapai.\n");
      return kExitOk;
    case Plan::Status::kNotVerified:
      std::cout << (en ? "The solver found a plan, but it did not verify when assessed exactly; no plan is shown.\n"
                       : "Pemecah menemukan rencana, tetapi tidak lolos penilaian ulang yang tepat; tidak ada rencana yang ditampilkan.\n");
      return kExitOk;
    case Plan::Status::kSolverFailed:
      std::cout << (en ? "The solver stopped without an answer (time limit or numerical trouble); no plan is shown. "
                         "Try fewer actions (--aksi-pakai) or a nearer target.\n"
                       : "Pemecah berhenti tanpa jawaban (batas waktu atau masalah numerik); tidak ada rencana yang "
                         "ditampilkan. Coba lebih sedikit tindakan (--aksi-pakai) atau target yang lebih dekat.\n");
      return kExitOk;
    case Plan::Status::kUnreachable:
      if (!plan.not_modelled.empty()) {
        std::cout << (en ? "The solver found no plan, but it holds these components fixed (their rule is not modelled), "
                           "so a plan may still exist; try whatif:\n"
                         : "Pemecah tidak menemukan rencana, tetapi komponen berikut dianggap tetap (aturannya tidak "
                           "dimodelkan), jadi rencana mungkin tetap ada; coba whatif:\n");
        for (size_t k : plan.not_modelled) std::cout << "  - " << base.components[k].spec->name.Get(lang) << "\n";
      }
      std::cout << (en ? "The target cannot be reached with these actions within their bounds.\n"
                       : "Target tidak dapat dicapai dengan tindakan ini dalam batas-batasnya.\n");
      if (plan.reachable_max_e6 >= 0) {
        std::cout << (en ? "The highest total they can give (solver's estimate): " : "Total tertinggi yang dapat dicapai (perkiraan pemecah): ")
                  << FormatPoints(plan.reachable_max_e6, lang) << "\n";
      }
      if (!plan.stuck.empty()) {
        std::cout << (en ? "Points no action can move:\n" : "Poin yang tidak dapat digerakkan tindakan mana pun:\n");
        for (size_t k : plan.stuck) {
          const ComponentResult& r = base.components[k];
          std::cout << "  - " << r.spec->name.Get(lang) << ": " << FormatPoints(r.LostE6(), lang) << (en ? " points\n" : " poin\n");
        }
      }
      return kExitOk;
    case Plan::Status::kVerified:
      break;
  }
  std::cout << (en ? "Steps (verified by assessing the result again):\n" : "Langkah (diperiksa dengan menilai ulang hasilnya):\n");
  int i = 0;
  for (const PlanStep& s : plan.steps) {
    std::cout << "  " << ++i << ". " << s.action->name.Get(lang) << ": " << FormatRupiah(s.amount_sen) << "\n     "
              << s.action->description.Get(lang) << "\n";
    // What this step lifts on its own (some steps only help together with others, e.g. lending the cash a
    // collection brings in so the cash ratio stays in its band).
    Laporan alone = file.laporan;
    Problems p;
    Assessment one;
    std::string lifted;
    if (ApplyAction(*s.action, s.amount_sen, &alone.current, &p)) {
      ApplyDefaults(&alone.current);
      if (Evaluate(alone, rb, options, &one, &p)) {
        for (size_t k = 0; k < base.components.size(); ++k) {
          if (one.components[k].nilai_e2 <= base.components[k].nilai_e2) continue;
          lifted += (lifted.empty() ? "" : "; ") + base.components[k].spec->name.Get(lang) + " " +
                    FormatNilai(base.components[k].nilai_e2, lang) + " → " + FormatNilai(one.components[k].nilai_e2, lang);
        }
      }
    }
    std::cout << "     " << (en ? "lifts: " : "menaikkan: ")
              << (lifted.empty() ? (en ? "nothing on its own; it works together with the other steps"
                                       : "tidak ada jika sendirian; bekerja bersama langkah lain")
                                 : lifted)
              << "\n";
  }
  const Assessment& after = plan.result;
  std::cout << "\n" << (en ? "Components that change:\n" : "Komponen yang berubah:\n");
  for (size_t k = 0; k < base.components.size(); ++k) {
    const ComponentResult& b = base.components[k];
    const ComponentResult& a = after.components[k];
    if (a.skor_e6 == b.skor_e6) continue;
    const int64_t diff = a.skor_e6 - b.skor_e6;
    std::cout << "  " << b.spec->name.Get(lang) << ": nilai " << FormatNilai(b.nilai_e2, lang) << " → "
              << FormatNilai(a.nilai_e2, lang) << ", skor " << (diff >= 0 ? "+" : "") << FormatPoints(diff, lang) << "\n";
  }
  std::cout << "\n" << (en ? "RESULT: " : "HASIL: ") << FormatPoints(after.total_e6, lang) << " (" << after.Predikat().label
            << ")\n";
  return kExitOk;
}

}  // namespace kopsehat::cli
