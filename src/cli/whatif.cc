// `kopsehat whatif FILE`: what happens to the score if the cooperative takes some actions (or changes some lines),
// component by component; with --peka, the smallest amount of each action that lifts each component one band.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "interchange/json_reader.h"
#include "plan/sensitivity.h"
#include "rules/formula.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat whatif BERKAS [--aksi ID=JUMLAH,...] [--set KUNCI=JUMLAH,...] [--peka]

Menilai ulang laporan setelah tindakan perbaikan dan menunjukkan perubahan tiap komponen, total dan predikat.

Opsi:
  --aksi ID=JUMLAH,...  tindakan dan jumlahnya dalam Rupiah, mis. tagih_macet=50.000.000,shu_ke_cadangan=10000000
                        (daftar tindakan: kopsehat whatif BERKAS --aksi-daftar)
  --set KUNCI=JUMLAH,...  ubah baris laporan langsung: neraca.kas=+5000000 (tambah), =-5000000 (kurangi) atau
                        =5000000 (ganti); neraca yang tidak lagi seimbang diberi peringatan
  --peka                untuk tiap komponen yang kehilangan poin: jumlah terkecil tiap tindakan yang menaikkan
                        nilainya satu tingkat (diperiksa dengan menilai ulang), urut menurut poin per rupiah
  --batas BERKAS        batas satu tahun koperasi sendiri (kopsehat/batas-v1; contoh: kopsehat plan --template-batas)
  --upaya-file BERKAS   hari orang tiap daftar periksa sendiri (KKPKK; salinan rules/upaya-kkpkk.toml)
  --aksi-daftar         tampilkan tindakan yang tersedia
  --aksi-file BERKAS  daftar tindakan sendiri (salinan rules/aksi-ksp.toml, mis. dengan bobot biaya lain)
  --metode ID, --rulebook BERKAS, --tanpa-manajemen, --lang id|en, --help
)";

const char* kHelpEn = R"(Usage: kopsehat whatif FILE [--aksi ID=AMOUNT,...] [--set KEY=AMOUNT,...] [--peka]

Re-assesses the laporan after improvement actions and shows the change of every component, the total and the
predikat.

Options:
  --aksi ID=AMOUNT,...  actions and their amounts in Rupiah, e.g. tagih_macet=50000000,shu_ke_cadangan=10000000
                        (the list: kopsehat whatif FILE --aksi-daftar)
  --set KEY=AMOUNT,...  change laporan lines directly: neraca.kas=+5000000 (add), =-5000000 (subtract) or
                        =5000000 (replace); a balance sheet that no longer balances is warned about
  --peka                for every component that loses points: the smallest amount of each action that lifts its
                        nilai one band (verified by assessing again), ordered by points per rupiah
  --batas FILE          the cooperative's own one-year limits (kopsehat/batas-v1; example: kopsehat plan --template-batas)
  --upaya-file FILE     your own person-days per checklist (KKPKK; a copy of rules/upaya-kkpkk.toml)
  --aksi-daftar         list the available actions
  --aksi-file FILE    an action book of your own (a copy of rules/aksi-ksp.toml, e.g. with other cost weights)
  --metode ID, --rulebook FILE, --tanpa-manajemen, --lang id|en, --help
)";

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    // Commas inside Indonesian amounts ("1.250.000,50") belong to the amount: split only before "key=".
    size_t comma = s.find(',', start);
    while (comma != std::string::npos && s.find('=', comma) != std::string::npos &&
           s.find_first_of(",", comma + 1) < s.find('=', comma)) {
      comma = s.find(',', comma + 1);
    }
    if (comma != std::string::npos && s.find('=', comma) == std::string::npos) comma = std::string::npos;
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// --aksi ID=AMOUNT,...: applies each named action to *changed; every item that cannot be applied is a problem. An
// amount beyond the action's one-year limit is applied (what-if explores) and said in `applied`.
void ApplyActionItems(const Args& args, const ActionBook& book, const Limits& limits, Lang lang, Laporan* changed,
                      std::vector<std::string>* applied, Problems* problems) {
  const Statements before = changed->current;
  for (const std::string& item : args.Has("--aksi") ? SplitList(args.Get("--aksi")) : std::vector<std::string>{}) {
    const size_t eq = item.find('=');
    const Action* a = book.Find(item.substr(0, eq));
    Sen amount = 0;
    const AmountError err = a == nullptr || eq == std::string::npos ? AmountError::kNotANumber
                                                                      : ParseAmountTextSen(item.substr(eq + 1), &amount);
    if (a != nullptr && eq == std::string::npos) {
      problems->Add("--aksi " + item, "bukan_angka", "jumlahnya belum ditulis: " + item + "=JUMLAH",
                    "the amount is missing: " + item + "=AMOUNT");
      continue;
    }
    if (a == nullptr) {
      problems->Add("--aksi " + item, "aksi_tidak_dikenal", "tindakan tidak dikenal; lihat --aksi-daftar",
                    "unknown action; see --aksi-daftar");
      continue;
    }
    if (err != AmountError::kNone || amount < 0) {
      problems->Add("--aksi " + item, "bukan_angka", "jumlah tidak sah (mis. tagih_macet=50.000.000)",
                    "invalid amount (e.g. tagih_macet=50000000)");
      continue;
    }
    if (!ApplyAction(*a, amount, &changed->current, problems)) continue;
    std::string line = a->name.Get(lang) + ": " + FormatRupiah(amount);
    if (const LimitUse* l = limits.ForAction(a->id); l != nullptr && amount > ShareCap(*l, before)) {
      line += std::string(T(lang, " — melebihi batas satu tahun ", " — beyond the one-year limit of ")) +
              FormatLimitPercent(l->pct, lang) + " % (" + FormatRupiah(ShareCap(*l, before)) + ")";
    }
    applied->push_back(line);
  }
}

// --set KEY=AMOUNT,...: adds to, subtracts from or replaces laporan lines of *changed directly.
void ApplySetItems(const Args& args, Laporan* changed, std::vector<std::string>* applied, Problems* problems) {
  for (const std::string& item : args.Has("--set") ? SplitList(args.Get("--set")) : std::vector<std::string>{}) {
    const size_t eq = item.find('=');
    const int line = eq == std::string::npos ? -1 : FindLine(item.substr(0, eq));
    std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
    const char op = !value.empty() && (value[0] == '+' || value[0] == '-') ? value[0] : '=';
    if (op != '=') value.erase(0, 1);
    Sen amount = 0;
    if (line < 0 || ParseAmountTextSen(value, &amount) != AmountError::kNone) {
      problems->Add("--set " + item, "nilai_tidak_sah", "tulis KUNCI=JUMLAH, mis. neraca.kas=+5.000.000",
                    "write KEY=AMOUNT, e.g. neraca.kas=+5000000");
      continue;
    }
    Sen& cell = changed->current.sen[size_t(line)];
    const i128 next = op == '+' ? i128(cell) + amount : op == '-' ? i128(cell) - amount : i128(amount);
    if (next > kMaxAbsAmountSen || next < -kMaxAbsAmountSen) {
      problems->Add("--set " + item, "terlalu_besar", "hasilnya melebihi batas Rp 10^15", "the result exceeds Rp 10^15");
      continue;
    }
    cell = Sen(next);
    changed->current.present[size_t(line)] = true;
    applied->push_back(LinePath(line) + " " + (op == '=' ? "= " : std::string(1, op) + " ") + FormatRupiah(amount));
  }
}

// The changes made, the balance warnings they cause, every component that moves, and the total and predikat.
void PrintChanges(const Assessment& before, const Assessment& after, const Laporan& changed,
                  const std::vector<std::string>& applied, const std::vector<std::string>& floors, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::cout << (en ? "Changes:\n" : "Perubahan:\n");
  for (const std::string& s : applied) std::cout << "  - " << s << "\n";
  Problems balance;
  ValidateLaporan(changed, &balance);
  for (const std::string& floor : floors) std::cout << (en ? "  warning: " : "  peringatan: ") << floor << "\n";
  for (const Problem& p : balance.items()) std::cout << (en ? "  warning: " : "  peringatan: ") << p.Line(lang) << "\n";
  std::cout << "\n" << (en ? "Components that change:\n" : "Komponen yang berubah:\n");
  bool any = false;
  for (size_t k = 0; k < before.components.size(); ++k) {
    const ComponentResult& b = before.components[k];
    const ComponentResult& a = after.components[k];
    if (b.skor_e6 == a.skor_e6 && b.nilai_e2 == a.nilai_e2 &&
        (b.zero_denominator || a.zero_denominator || Compare(b.ratio_pct, a.ratio_pct) == 0)) {
      continue;
    }
    any = true;
    std::string ratio;
    if (b.spec->kind == ComponentKind::kRatio) {
      ratio = (b.zero_denominator ? "—" : FormatPercent(b.ratio_pct, lang)) + " → " +
              (a.zero_denominator ? "—" : FormatPercent(a.ratio_pct, lang)) + "; ";
    }
    const int64_t diff = a.skor_e6 - b.skor_e6;
    std::cout << "  " << b.spec->name.Get(lang) << "\n      " << ratio << "nilai " << FormatNilai(b.nilai_e2, lang)
              << " → " << FormatNilai(a.nilai_e2, lang) << "; skor " << FormatPoints(b.skor_e6, lang) << " → "
              << FormatPoints(a.skor_e6, lang) << " (" << (diff >= 0 ? "+" : "") << FormatPoints(diff, lang) << ")\n";
  }
  if (!any) std::cout << (en ? "  none\n" : "  tidak ada\n");
  const int64_t diff = after.total_e6 - before.total_e6;
  std::cout << "\nTOTAL " << FormatPoints(before.total_e6, lang) << " → " << FormatPoints(after.total_e6, lang) << " ("
            << (diff >= 0 ? "+" : "") << FormatPoints(diff, lang) << "); PREDIKAT " << before.Predikat().label << " → "
            << after.Predikat().label << "\n";
}

// --peka (or no change given): for every component that loses points, the three steps with the most points per
// weighted rupiah, each within its one-year limit; a step that lowers the total or goes beyond a limit says so.
void PrintLevers(const AssessedFile& file, const EvaluateOptions& options, const ActionBook& book, const Limits& limits,
                 const EffortBook* effort, bool after_changes, Lang lang) {
  const bool en = lang == Lang::kEn;
  const Assessment& before = file.assessment;
  std::cout << (after_changes ? "\n" : "")
            << (en ? "SMALLEST STEPS THAT LIFT A COMPONENT ONE BAND (each verified by assessing again; the most points\n"
                     "per rupiah first, rupiah weighted by each action's cost)\n"
                   : "LANGKAH TERKECIL YANG MENAIKKAN SATU KOMPONEN SATU TINGKAT (masing-masing diperiksa dengan menilai\n"
                     "ulang; urut menurut poin per rupiah, rupiah ditimbang biaya tiap tindakan)\n");
  const auto levers = FindLevers(file.laporan, *before.rulebook, options, before, book, limits, effort);
  if (levers.empty()) std::cout << (en ? "  none found\n" : "  tidak ditemukan\n");
  for (const ComponentLevers& cl : levers) {
    const ComponentResult& r = before.components[cl.component];
    std::cout << "  " << r.spec->name.Get(lang) << " (nilai " << FormatNilai(r.nilai_e2, lang) << ", "
              << (en ? "loses " : "kehilangan ") << FormatPoints(r.LostE6(), lang) << (en ? " points)\n" : " poin)\n");
    // Within the limits first (each group in points-per-rupiah order), then those beyond one, said so; three at most.
    std::vector<const Lever*> order;
    for (const Lever& l : cl.levers) {
      if (l.beyond == nullptr) order.push_back(&l);
    }
    for (const Lever& l : cl.levers) {
      if (l.beyond != nullptr) order.push_back(&l);
    }
    for (size_t k = 0; k < order.size() && k < 3; ++k) {
      const Lever& l = *order[k];
      std::cout << "      - ";
      if (l.action != nullptr) {
        std::cout << l.action->name.Get(lang) << " " << FormatRupiah(l.amount_sen);
      } else {
        std::cout << (en ? "Work on " : "Kerjakan ") << l.items.size() << (en ? " \"No\" item(s) (" : " butir \"Tidak\" (");
        for (size_t i = 0; i < l.items.size(); ++i) std::cout << (i ? ", " : "") << l.items[i] + 1;
        std::cout << "), " << int64_t(l.items.size()) * l.effort->person_days << (en ? " person-days" : " hari orang");
      }
      std::cout << ": nilai "
                << FormatNilai(r.nilai_e2, lang) << " → " << FormatNilai(l.nilai_after_e2, lang) << ", total "
                << (l.total_gain_e6 >= 0 ? "+" : "") << FormatPoints(l.total_gain_e6, lang);
      if (l.total_gain_e6 < 0) {
        std::cout << (en ? " — LOWERS the total" : " — MENURUNKAN total");
      } else if (l.total_gain_e6 == 0) {
        std::cout << (en ? " — the total does not change" : " — total tidak berubah");
      }
      if (l.beyond != nullptr) {
        std::cout << (en ? " — beyond the one-year limit " : " — melebihi batas satu tahun ");
        if (l.beyond->IsFloor()) std::cout << l.beyond->Name().Get(lang) << " ";
        std::cout << FormatLimitPercent(l.beyond->pct, lang) << " %";
        if (!l.beyond->IsFloor()) std::cout << " (" << FormatRupiah(l.cap_sen) << ")";
      }
      std::cout << "\n";
    }
  }
}

}  // namespace

int RunWhatif(int argc, char** argv, Lang lang) {
  const bool en = lang == Lang::kEn;
  Args args;
  int exit_code = kExitOk;
  const CommandSpec spec{"whatif",
                         {{"--aksi", true}, {"--set", true}, {"--peka", false}, {"--aksi-daftar", false},
                          {"--metode", true}, {"--rulebook", true}, {"--tanpa-manajemen", false}, {"--aksi-file", true},
                          {"--batas", true}, {"--upaya-file", true}},
                         kHelpId,
                         kHelpEn,
                         "sebutkan tepat satu berkas laporan",
                         "give exactly one laporan file"};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  Problems problems;
  std::unique_ptr<ActionBook> owned_book;
  const ActionBook* book = LoadActionsForCommand(args, lang, &owned_book);
  if (book == nullptr) return kExitInvalid;
  Limits limits;
  if (!LoadLimitsForCommand(args, *book, lang, &limits)) return kExitInvalid;
  if (args.Has("--aksi-daftar")) {
    for (const Action& a : book->actions) {
      std::cout << a.id << "\n    " << a.name.Get(lang) << " — " << a.description.Get(lang) << "\n";
    }
    return kExitOk;
  }
  AssessedFile file;
  if (!AssessFile(args, lang, &file)) return kExitInvalid;
  const Rulebook& rb = *file.assessment.rulebook;
  std::unique_ptr<EffortBook> owned_effort;
  const EffortBook* effort = nullptr;
  if (!LoadEffortForCommand(args, rb, lang, &owned_effort, &effort)) return kExitInvalid;
  EvaluateOptions options;
  options.without_checklist = args.Has("--tanpa-manajemen");

  Laporan changed = file.laporan;
  std::vector<std::string> applied;
  ApplyActionItems(args, *book, limits, lang, &changed, &applied, &problems);
  ApplySetItems(args, &changed, &applied, &problems);
  if (!problems.empty()) {
    PrintProblems(en ? "the changes are invalid:" : "perubahan tidak sah:", problems, lang);
    return kExitInvalid;
  }
  ApplyDefaults(&changed.current);
  Assessment after;
  if (!Evaluate(changed, rb, options, &after, &problems)) {
    PrintProblems(en ? "cannot assess the changed laporan:" : "laporan yang diubah tidak dapat dinilai:", problems, lang);
    return kExitInvalid;
  }
  const Assessment& before = file.assessment;
  std::vector<std::string> floors;
  for (const LimitUse& l : limits.items) {
    if (!l.IsFloor() || FloorKept(l, file.laporan.current, changed.current)) continue;
    floors.push_back(l.Name().Get(lang) + (en ? " crossed: " : " terlewati: ") + FormulaLabel(l.floor->kept, {}).Get(lang) +
                     (en ? " falls below " : " turun di bawah ") + FormatLimitPercent(l.pct, lang) +
                     (en ? " % of " : " % dari ") + FormulaLabel(l.floor->base, {}).Get(lang));
  }

  std::cout << (en ? "WHAT-IF ANALYSIS — " : "ANALISIS BAGAIMANA-JIKA — ") << before.cooperative.nama << ", "
            << FormatDateLong(before.periode_akhir, lang) << "\n\n";
  if (!applied.empty()) PrintChanges(before, after, changed, applied, floors, lang);
  if (args.Has("--peka") || applied.empty()) PrintLevers(file, options, *book, limits, effort, !applied.empty(), lang);
  return kExitOk;
}

}  // namespace kopsehat::cli
