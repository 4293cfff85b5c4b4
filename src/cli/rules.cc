// `kopsehat rules list | show ID | check FILE`: the methods the binary carries, printed readably.
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "report/text_report.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian:
  kopsehat rules list                 daftar metode tertanam
  kopsehat rules show ID [--lang en]  isi lengkap satu metode (besaran, komponen, tabel nilai, daftar periksa)
  kopsehat rules show --rulebook BERKAS
  kopsehat rules check BERKAS         periksa berkas rulebook; kode keluar 2 bila tidak sah
)";

const char* kHelpEn = R"(Usage:
  kopsehat rules list                 list the embedded methods
  kopsehat rules show ID [--lang en]  one method in full (quantities, components, band tables, checklist)
  kopsehat rules show --rulebook FILE
  kopsehat rules check FILE           check a rulebook file; exit code 2 when invalid
)";

std::string Plain(int64_t units, int scale) { return FormatPlain(units, scale, 0); }

// "berlaku sejak 2021-01-01", "berlaku 2016-04-01 s.d. 2020-12-31 (diganti kkpkk-2021)"; empty when open-ended.
std::string Validity(const std::string& from, const std::string& to, const std::string& successor, Lang lang) {
  const bool en = lang == Lang::kEn;
  if (from.empty() && to.empty()) return "";
  std::string s = en ? "applies " : "berlaku ";
  if (!from.empty() && !to.empty()) {
    s += from + (en ? " to " : " s.d. ") + to;
  } else if (!from.empty()) {
    s += (en ? "from " : "sejak ") + from;
  } else {
    s += (en ? "until " : "sampai ") + to;
  }
  if (!successor.empty()) s += (en ? " (replaced by " : " (diganti ") + successor + ")";
  return s;
}

void Show(const Rulebook& rb, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::cout << rb.id << " (versi " << rb.version << ")\n" << rb.name.Get(lang) << "\n";
  if (const std::string v = Validity(rb.valid_from, rb.valid_to, rb.successor, lang); !v.empty()) std::cout << v << "\n";
  if (rb.ScorePercent()) {
    std::cout << (en ? "Aggregation: each indicator rated 1.." : "Agregasi: tiap indikator dinilai 1..") << rb.skor_maks
              << (en ? " (1 best), skor = " : " (1 terbaik), skor = ") << rb.skor_maks + 1
              << (en ? " − nilai; aspect % = Σ skor ÷ (" : " − nilai; persen aspek = Σ skor ÷ (") << rb.skor_maks
              << (en ? " × indicators) × 100; final = Σ bobot × aspect % ÷ 100; rounded to "
                     : " × jumlah indikator) × 100; skor akhir = Σ bobot × persen aspek ÷ 100; dibulatkan ")
              << rb.decimals << (en ? " decimals\n" : " desimal\n");
  }
  for (const int line : rb.required_lines) {
    std::cout << (en ? "Needs the laporan line: " : "Perlu baris laporan: ") << LinePath(line) << "\n";
  }
  if (rb.uses_previous) std::cout << (en ? "Needs periode_lalu (growth indicators)\n" : "Perlu periode_lalu (indikator pertumbuhan)\n");
  std::cout << (en ? "Source: " : "Sumber: ") << rb.source << "\n";
  if (!rb.note.empty()) std::cout << (en ? "Note: " : "Catatan: ") << rb.note << "\n";
  std::cout << "\n" << (en ? "QUANTITIES" : "BESARAN") << "\n";
  for (const Quantity& q : rb.quantities) {
    std::cout << "  " << q.id << " — " << q.name.Get(lang) << "\n      = " << q.form.text << "\n";
    if (!q.note.empty()) std::cout << "      (" << q.note << ")\n";
  }
  for (size_t ai = 0; ai < rb.aspects.size(); ++ai) {
    const Aspect& a = rb.aspects[ai];
    std::cout << "\n" << (en ? "ASPECT " : "ASPEK ") << a.id << " — " << a.name.Get(lang) << " (bobot " << Plain(a.bobot_e2, 2) << ")\n";
    int sub = -1;
    for (const Component& c : rb.components) {
      if (c.aspect_index != int(ai)) continue;
      if (c.sub_aspect_index >= 0 && c.sub_aspect_index != sub) {
        sub = c.sub_aspect_index;
        std::cout << " " << (en ? "sub-aspect " : "sub-aspek ") << rb.sub_aspects[size_t(sub)].id << " — "
                  << rb.sub_aspects[size_t(sub)].name.Get(lang) << "\n";
      }
      std::cout << "  " << c.id << " — " << c.name.Get(lang) << "\n      "
                << (c.informational ? (en ? "information, not scored" : "informasi, tidak dinilai")
                                    : rb.ScorePercent() ? std::string("nilai 1..") + std::to_string(rb.skor_maks)
                                                        : "bobot " + Plain(c.bobot_e2, 2))
                << (en ? ", confidence " : ", keyakinan ") << c.confidence << "; " << c.source << "\n";
      if (!c.note.empty()) std::cout << "      " << c.note << "\n";
      if (c.kind == ComponentKind::kRatio) {
        std::cout << "      " << c.numerator.text << " / " << c.denominator.text << " × 100 %\n";
        if (c.linear) {
          const LinearRule& l = c.linear_rule;
          std::cout << "      nilai = min(" << Plain(l.max_e2, 2) << ", max(" << Plain(l.min_e2, 2) << ", "
                    << Plain(l.intercept_e2, 2) << " + " << Plain(l.slope_e2, 2) << " × r))"
                    << (en ? ", r = ratio rounded half up\n" : ", r = rasio dibulatkan setengah ke atas\n");
        } else {
          for (const Band& b : c.bands) {
            std::cout << "        " << IntervalText(b.range, lang) << " → " << Plain(b.nilai_e2, 2) << "\n";
          }
        }
        if (!c.informational) {
          std::cout << "        " << (en ? "zero denominator → " : "penyebut nol → ") << Plain(c.zero.nilai_e2, 2) << "\n";
        }
      } else {
        if (rb.ScorePercent()) {
          std::cout << "      " << c.items.size() << (en ? " items; share met (x):" : " butir; bagian terpenuhi (x):");
          for (const Band& b : c.bands) std::cout << "  " << IntervalText(b.range, lang) << " → " << Plain(b.nilai_e2, 2);
          std::cout << (en ? "; answers: " : "; jawaban: ") << c.AnswersPath() << "\n";
        } else {
          std::cout << "      " << c.items.size() << (en ? " items, " : " butir, ") << Plain(c.points_per_yes_e6, 6)
                    << (en ? " points per 'yes'; answers: " : " poin per 'ya'; jawaban: ") << c.AnswersPath() << "\n";
        }
        for (size_t i = 0; i < c.items.size(); ++i) {
          std::cout << "        " << (i + 1) << ". " << c.items[i].text.Get(lang)
                    << (c.items[i].derivation.has_value() ? (en ? " [from the books]" : " [dari buku]") : "") << "\n";
        }
      }
    }
  }
  std::cout << "\nPREDIKAT" << (rb.ScorePercent() ? (en ? " (final score, each aspect and sub-aspect)" : " (skor akhir, tiap aspek dan sub-aspek)") : "") << "\n";
  for (const PredikatRule& p : rb.predikat) {
    std::cout << "  " << (p.has_min ? "skor ≥ " + Plain(p.min_e6, 6) : (en ? "otherwise" : "selainnya")) << " → "
              << p.label << "\n";
  }
}

std::string GoalConditionText(const GoalRulebook& rb, const GoalCondition& c) { (void)rb; return c.text; }

void ShowGoal(const GoalRulebook& rb, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::cout << rb.id << " (versi " << rb.version << ")\n" << rb.name.Get(lang) << "\n";
  if (const std::string v = Validity(rb.valid_from, rb.valid_to, rb.successor, lang); !v.empty()) std::cout << v << "\n";
  std::cout << (en ? "Goal method: each indicator is compared with its goal (met / not met), no score.\n"
                   : "Metode sasaran: tiap indikator dibandingkan dengan sasarannya (memenuhi / tidak), tanpa skor.\n");
  std::cout << (en ? "Source: " : "Sumber: ") << rb.source << "\n";
  if (!rb.note.empty()) std::cout << (en ? "Note: " : "Catatan: ") << rb.note << "\n";
  for (const std::string& b : rb.required_blocks) std::cout << (en ? "Needs the laporan block: " : "Perlu blok laporan: ") << b << "\n";
  std::cout << "\n" << (en ? "QUANTITIES" : "BESARAN") << "\n";
  for (const Quantity& q : rb.quantities) {
    std::cout << "  " << q.id << " — " << q.name.Get(lang) << "\n      = " << q.form.text << "\n";
    if (!q.note.empty()) std::cout << "      (" << q.note << ")\n";
  }
  for (size_t ai = 0; ai < rb.aspects.size(); ++ai) {
    std::cout << "\n" << (en ? "ASPECT " : "ASPEK ") << rb.aspects[ai].id << " — " << rb.aspects[ai].name.Get(lang) << "\n";
    for (const Indicator& ind : rb.indicators) {
      if (ind.aspect_index != int(ai)) continue;
      std::cout << "  " << ind.id << " — " << ind.name.Get(lang) << "\n      "
                << (en ? "confidence " : "keyakinan ") << ind.confidence << "; " << ind.source << "\n";
      if (ind.kind == IndicatorKind::kAmount) {
        std::cout << "      " << ind.numerator.text << "\n";
      } else {
        std::cout << "      " << ind.numerator.text << " / " << ind.denominator.text << " × 100 %"
                  << (ind.annualised ? (en ? " (annualised)" : " (disetahunkan)") : "") << "\n";
      }
      if (ind.variant.has_value()) std::cout << "      varian: " << ind.variant->numerator.text << "\n";
      std::cout << "      " << (en ? "goal: " : "sasaran: ") << ind.goal.text.Get(lang);
      if (!ind.goal.conditions.empty()) {
        std::cout << "  [";
        for (size_t i = 0; i < ind.goal.conditions.size(); ++i) {
          std::cout << (i ? "; " : "") << GoalConditionText(rb, ind.goal.conditions[i]);
        }
        std::cout << "]";
      }
      std::cout << "\n";
      if (!ind.adaptation.id.empty()) std::cout << "      " << (en ? "adaptation: " : "adaptasi: ") << ind.adaptation.Get(lang) << "\n";
      if (!ind.note.empty()) std::cout << "      " << ind.note << "\n";
    }
  }
}

// `rules list`: every embedded method with its version and the period it applies to.
int ListMethods(Lang lang) {
  Problems problems;
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (const GoalRulebook* g = EmbeddedGoalRulebookById(e.id, &problems)) {
      std::cout << g->id << "\n  versi " << g->version << " — " << g->name.Get(lang)
                << (lang == Lang::kEn ? " [goal method]" : " [metode sasaran]") << "\n";
      if (const std::string v = Validity(g->valid_from, g->valid_to, g->successor, lang); !v.empty()) {
        std::cout << "  " << v << "\n";
      }
      continue;
    }
    const Rulebook* rb = problems.empty() ? EmbeddedRulebookById(e.id, &problems) : nullptr;
    if (rb == nullptr) {
      PrintProblems("rulebook bawaan rusak / embedded rulebook broken:", problems, lang);
      return kExitInternal;
    }
    std::cout << rb->id << (rb->id == MetodeInForce() ? (lang == Lang::kEn ? " (in force)" : " (berlaku sekarang)") : "")
              << "\n  versi " << rb->version << " — " << rb->name.Get(lang) << "\n";
    if (const std::string v = Validity(rb->valid_from, rb->valid_to, rb->successor, lang); !v.empty()) {
      std::cout << "  " << v << "\n";
    }
  }
  std::cout << (lang == Lang::kEn
                    ? "\nA laporan that names no method (and no --metode) is assessed with the method of its period: "
                      "kkpkk-2021 for periods ending from 2021-01-01, ksp-2016 (ksppps-2016 for KSPPS/USPPS) before.\n"
                    : "\nLaporan yang tidak menyebut metode (dan tanpa --metode) dinilai dengan metode periodenya: "
                      "kkpkk-2021 untuk periode yang berakhir sejak 2021-01-01, ksp-2016 (ksppps-2016 untuk "
                      "KSPPS/USPPS) sebelumnya.\n");
  return kExitOk;
}

// The rulebook `rules show` or `rules check` is about: scored (rb) or goal (goal), from a file or embedded.
struct NamedRulebook {
  std::unique_ptr<Rulebook> owned;
  std::unique_ptr<GoalRulebook> owned_goal;
  const Rulebook* rb = nullptr;
  const GoalRulebook* goal = nullptr;
};

// Finds the rulebook a file (check, or show --rulebook) or a method id names. False, having said why, when none is
// named or the id is unknown; otherwise true, with neither rulebook set when it did not load (see *problems).
bool FindNamedRulebook(const Args& args, const std::string& sub, Lang lang, NamedRulebook* named, Problems* problems) {
  if (args.Has("--rulebook") || sub == "check") {
    const std::string path = sub == "check" && args.positional.size() > 1 ? args.positional[1] : args.Get("--rulebook");
    if (path.empty()) {
      std::cerr << "kopsehat rules: " << (lang == Lang::kEn ? "name the rulebook file" : "sebutkan berkas rulebook") << "\n";
      return false;
    }
    std::string text;
    if (ReadInputFile(path, kMaxRulebookBytes + 1, &text, problems)) {
      if (IsGoalRulebookText(text)) {
        named->owned_goal = LoadGoalRulebook(text, path, problems);
        named->goal = named->owned_goal.get();
      } else {
        named->owned = LoadRulebook(text, path, problems);
        named->rb = named->owned.get();
      }
    }
  } else if (args.positional.size() == 2) {
    named->goal = EmbeddedGoalRulebookById(args.positional[1], problems);
    named->rb = named->goal == nullptr && problems->empty() ? EmbeddedRulebookById(args.positional[1], problems) : nullptr;
    if (named->rb == nullptr && named->goal == nullptr && problems->empty()) {
      std::cerr << "kopsehat rules: " << (lang == Lang::kEn ? "unknown method '" : "metode tidak dikenal '")
                << args.positional[1] << "' (kopsehat rules list)\n";
      return false;
    }
  } else {
    std::cerr << "kopsehat rules show: " << (lang == Lang::kEn ? "name one method id" : "sebutkan satu id metode") << "\n";
    return false;
  }
  return true;
}

// `rules show` prints the rulebook in full; `rules check` says it is valid and how big it is.
int ShowOrCheck(const Args& args, const std::string& sub, Lang lang) {
  NamedRulebook named;
  Problems problems;
  if (!FindNamedRulebook(args, sub, lang, &named, &problems)) return kExitInvalid;
  const Rulebook* rb = named.rb;
  const GoalRulebook* goal = named.goal;
  if (rb == nullptr && goal == nullptr) {
    PrintProblems(lang == Lang::kEn ? "the rulebook is invalid:" : "rulebook tidak sah:", problems, lang);
    return kExitInvalid;
  }
  if (goal != nullptr) {
    if (sub == "check") {
      std::cout << goal->id << " (versi " << goal->version << "): " << (lang == Lang::kEn ? "valid" : "sah") << ", "
                << goal->indicators.size() << (lang == Lang::kEn ? " indicators" : " indikator") << "\n";
    } else {
      ShowGoal(*goal, lang);
    }
    return kExitOk;
  }
  if (sub == "check") {
    std::cout << rb->id << " (versi " << rb->version << "): " << (lang == Lang::kEn ? "valid" : "sah") << ", "
              << rb->components.size() << (lang == Lang::kEn ? " components" : " komponen") << "\n";
  } else {
    Show(*rb, lang);
  }
  return kExitOk;
}

}  // namespace

int RunRules(int argc, char** argv, Lang lang) {
  Args args;
  if (const Status parsed = ParseArgs(argc, argv, 2, {{"--rulebook", true}, {"--lang", true}, {"--help", false}}, &args);
      !parsed.ok()) {
    std::cerr << "kopsehat rules: " << parsed.Text(lang) << "\n";
    return kExitInvalid;
  }
  if (args.Has("--help") || args.positional.empty()) {
    std::cout << (lang == Lang::kEn ? kHelpEn : kHelpId);
    return args.Has("--help") ? kExitOk : kExitInvalid;
  }
  if (!CheckCommonOptions(args, lang)) return kExitInvalid;
  const std::string& sub = args.positional[0];
  if (sub == "list") return ListMethods(lang);
  if (sub == "show" || sub == "check") return ShowOrCheck(args, sub, lang);
  std::cerr << "kopsehat rules: " << (lang == Lang::kEn ? "unknown subcommand '" : "sub-perintah tidak dikenal '") << sub
            << "' (list, show, check)\n";
  return kExitInvalid;
}

}  // namespace kopsehat::cli
