// `kopsehat plan FILE --target SEHAT`: the cheapest verified set of improvement actions that reaches the target.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "plan/optimize.h"
#include "core/decimal.h"
#include "report/plan_report.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat plan BERKAS [--target SEHAT|"CUKUP SEHAT"|SKOR] [--aksi-pakai ID,ID] [--batas BERKAS]

Mencari kumpulan tindakan perbaikan termurah (rupiah tertimbang biaya tiap tindakan) yang membawa skor ke target,
untuk metode 2016 maupun KKPKK 2021. Pada KKPKK butir daftar periksa yang "Tidak" juga tindakan: tiap butir perlu
sekian hari orang (bawaan per daftar periksa) yang dinilai dalam rupiah, sehingga rencana menimbang "susun SOP" dan
"tagih pinjaman macet" pada satu ukuran.
dengan pemrograman linear bilangan bulat campuran (GLPK), dalam batas satu tahun tiap tindakan (mis. menagih paling
banyak 25 % pinjaman macet). Rencana dibulatkan ke rupiah, diterapkan pada laporan, lalu dinilai ulang dengan tepat;
rencana yang tidak lolos pemeriksaan tidak pernah ditampilkan. Bila target tidak tercapai dalam batas, ditampilkan
rencana terbaik dalam batas dan batas yang menghalanginya.

Opsi:
  --target T          predikat (bawaan: predikat tertinggi, mis. SEHAT) atau skor, mis. 75
  --batas BERKAS      batas satu tahun koperasi sendiri (kopsehat/batas-v1) menggantikan bawaan
  --template-batas    cetak batas bawaan sebagai berkas untuk diubah (tanpa BERKAS laporan)
  --aksi-pakai ID,…   hanya tindakan ini (daftar: kopsehat whatif BERKAS --aksi-daftar); juga --actions;
                      daftar_periksa = butir daftar periksa
  --upaya-file BERKAS hari orang dan uraian kerja tiap daftar periksa sendiri (salinan rules/upaya-kkpkk.toml)
  --format text|json  bentuk keluaran (json: kopsehat/rencana-v1)
  --aksi-file BERKAS  daftar tindakan sendiri (salinan rules/aksi-ksp.toml, mis. dengan bobot biaya lain)
  --metode ID, --rulebook BERKAS, --tanpa-manajemen, --lang id|en, --help
)";

const char* kHelpEn = R"(Usage: kopsehat plan FILE [--target SEHAT|"CUKUP SEHAT"|SCORE] [--aksi-pakai ID,ID] [--batas FILE]

Finds the cheapest set of improvement actions (rupiah weighted by each action's cost) that brings the score to the
target, for the 2016 method and KKPKK 2021 alike, as a mixed-integer linear program (GLPK), within each action's
one-year limit (e.g. collect at most 25 % of
loss loans). With KKPKK a checklist item answered "No" is an action too: each item takes some person-days (a
default per checklist), valued in rupiah, so the plan weighs "write the procedure" against "collect loss loans" on
one scale. The plan is rounded to the rupiah, applied to the laporan and assessed again exactly; a plan that does
not verify is never shown. When the target is out of reach within the limits, the best plan within them is shown
with the limits that stand in the way.

Options:
  --target T          a predikat (default: the highest, e.g. SEHAT) or a score, e.g. 75
  --batas FILE        the cooperative's own one-year limits (kopsehat/batas-v1) instead of the defaults
  --template-batas    print the default limits as a file to edit (no laporan FILE)
  --aksi-pakai ID,…   only these actions (list: kopsehat whatif FILE --aksi-daftar); also --actions;
                      daftar_periksa = checklist items
  --upaya-file FILE   your own person-days and work per checklist (a copy of rules/upaya-kkpkk.toml)
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
                          {"--tanpa-manajemen", false}, {"--aksi-file", true}, {"--batas", true},
                          {"--template-batas", false}, {"--upaya-file", true}},
                         kHelpId,
                         kHelpEn,
                         "sebutkan tepat satu berkas laporan",
                         "give exactly one laporan file",
                         {"text", "json"},
                         "--template-batas"};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  Problems problems;
  std::unique_ptr<ActionBook> owned_book;
  const ActionBook* book = LoadActionsForCommand(args, lang, &owned_book);
  if (book == nullptr) return kExitInvalid;
  Limits limits;
  if (!LoadLimitsForCommand(args, *book, lang, &limits)) return kExitInvalid;
  if (args.Has("--template-batas")) {
    std::cout << RenderLimitTemplate(limits, lang);
    return kExitOk;
  }
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
      if (book->Find(id) == nullptr && id != kChecklistActionsId) {
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
  std::unique_ptr<EffortBook> owned_effort;
  const EffortBook* effort = nullptr;
  if (!LoadEffortForCommand(args, rb, lang, &owned_effort, &effort)) return kExitInvalid;
  const Plan plan = MakePlan(file.laporan, rb, options, base, *book, limits, target_e6, allowed, effort);
  std::cout << (args.Get("--format", "text") == "json" ? RenderPlanJson(plan, base, target_e6)
                                                       : RenderPlanText(plan, base, target_e6, lang));
  return kExitOk;
}

}  // namespace kopsehat::cli
