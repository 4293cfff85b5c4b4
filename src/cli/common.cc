#include "cli/common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "interchange/laporan_reader.h"

namespace kopsehat::cli {

bool ReadInputFile(const std::string& path, size_t max_bytes, std::string* out, Problems* problems) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    problems->Add(path, "berkas_tidak_terbaca", "berkas tidak dapat dibuka (periksa nama dan izinnya)",
                  "cannot open the file (check its name and permissions)");
    return false;
  }
  out->clear();
  char chunk[1 << 16];
  bool too_big = false;
  for (;;) {
    const size_t n = std::fread(chunk, 1, sizeof chunk, f);
    if (n == 0) break;
    if (out->size() + n > max_bytes) {
      too_big = true;
      break;
    }
    out->append(chunk, n);
  }
  const bool read_error = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (too_big) {
    problems->Add(path, "terlalu_besar", "berkas lebih dari " + std::to_string(max_bytes >> 20) + " MiB",
                  "file larger than " + std::to_string(max_bytes >> 20) + " MiB");
    return false;
  }
  if (read_error) {
    problems->Add(path, "berkas_tidak_terbaca", "berkas tidak dapat dibaca (mungkin sebuah folder?)",
                  "cannot read the file (a directory?)");
    return false;
  }
  return true;
}

bool RulebookChooser::Init(const Args& args, Problems* problems) {
  forced_metode_ = args.Get("--metode");
  if (!args.Has("--rulebook")) return true;
  const std::string path = args.Get("--rulebook");
  std::string text;
  if (!ReadInputFile(path, kMaxRulebookBytes, &text, problems)) return false;
  if (IsGoalRulebookText(text)) {
    goal_from_file_ = LoadGoalRulebook(text, path, problems);
    return goal_from_file_ != nullptr;
  }
  from_file_ = LoadRulebook(text, path, problems);
  return from_file_ != nullptr;
}

std::string RulebookChooser::ChosenId(const std::string& laporan_metode) const {
  return !forced_metode_.empty() ? forced_metode_ : !laporan_metode.empty() ? laporan_metode : MetodeInForce();
}

bool RulebookChooser::Defaulted(const Laporan& laporan) const {
  return forced_metode_.empty() && from_file_ == nullptr && goal_from_file_ == nullptr && laporan.metode.empty();
}

std::string MetodeOf(const Laporan& laporan) {
  return laporan.metode.empty() ? DefaultMetodeFor(laporan.periode_akhir, laporan.cooperative.jenis) : laporan.metode;
}

const GoalRulebook* RulebookChooser::ChooseGoal(const std::string& laporan_metode, Problems* problems) {
  if (goal_from_file_ != nullptr) return goal_from_file_.get();
  if (from_file_ != nullptr) return nullptr;
  const std::string& id = !forced_metode_.empty() ? forced_metode_ : laporan_metode;
  if (const auto it = goal_memo_.find(id); it != goal_memo_.end()) return it->second;
  const size_t before = problems->size();
  const GoalRulebook* g = EmbeddedGoalRulebookById(ChosenId(laporan_metode), problems);
  if (problems->size() == before && goal_memo_.size() < 64) goal_memo_.emplace(id, g);
  return g;
}

const Rulebook* RulebookChooser::Choose(const std::string& laporan_metode, Problems* problems) {
  if (from_file_ != nullptr) return from_file_.get();
  const std::string id = goal_from_file_ != nullptr ? goal_from_file_->id : ChosenId(laporan_metode);
  if (const auto it = scored_memo_.find(id); it != scored_memo_.end()) return it->second;
  if (goal_from_file_ != nullptr || ChooseGoal(laporan_metode, problems) != nullptr) {
    problems->Add(forced_metode_.empty() ? "metode" : "--metode", "metode_sasaran",
                  "metode '" + id + "' adalah metode sasaran (PEARLS); perintah ini hanya untuk metode berskor. "
                  "Pakai 'kopsehat assess'.",
                  "method '" + id + "' is a goal method (PEARLS); this command works on scored methods only. "
                  "Use 'kopsehat assess'.");
    return nullptr;
  }
  const Rulebook* rb = EmbeddedRulebookById(id, problems);
  if (rb == nullptr && problems->empty()) {
    std::string known;
    for (const EmbeddedRulebook& e : EmbeddedRulebooks()) known += (known.empty() ? "" : ", ") + std::string(e.id);
    problems->Add(forced_metode_.empty() ? "metode" : "--metode", "metode_tidak_dikenal",
                  "metode '" + id + "' tidak dikenal; yang tersedia: " + known,
                  "unknown method '" + id + "'; available: " + known);
  }
  if (rb != nullptr && scored_memo_.size() < 64) scored_memo_.emplace(id, rb);
  return rb;
}

bool EvaluateRead(bool read_ok, const Laporan& laporan_value, RulebookChooser* chooser, const EvaluateOptions& options,
                  Assessment* assessment, Problems* problems, GoalAssessment* goal, bool* is_goal) {
  const Laporan* laporan = &laporan_value;
  const std::string metode = MetodeOf(*laporan);
  if (goal != nullptr) {
    const GoalRulebook* g = chooser->ChooseGoal(metode, problems);
    *is_goal = g != nullptr;
    if (g != nullptr) return read_ok && EvaluateGoals(*laporan, *g, goal, problems);
  }
  const Rulebook* rb = chooser->Choose(metode, problems);
  if (rb == nullptr) return false;
  // Evaluate even an invalid laporan (its result is discarded) to report checklist problems in the same run;
  // the engine is total over any Laporan value.
  const size_t before = problems->size();
  const bool evaluated = Evaluate(*laporan, *rb, options, assessment, problems);
  if (!evaluated && chooser->Defaulted(*laporan) && problems->size() > before) {
    AddDefaultMethodGuidance(*laporan, metode, problems);
  }
  return read_ok && evaluated;
}

void AddDefaultMethodGuidance(const Laporan& laporan, const std::string& metode, Problems* problems) {
  const std::string periode = laporan.periode_akhir.empty() ? std::string("(tanpa tanggal)") : laporan.periode_akhir;
  const std::string old = Metode2016For(laporan.cooperative.jenis);
  std::string id = "laporan tidak menyebut metode, jadi dinilai dengan " + metode +
                   ", metode pemeriksa untuk periode yang berakhir " + periode +
                   ". Template berisi semua isiannya: kopsehat template --metode " + metode +
                   " --out laporan.xlsx, atau dengan angka laporan ini: kopsehat convert BERKAS --metode " + metode +
                   " --to xlsx --out laporan.xlsx";
  std::string en = "the laporan names no method, so it is assessed with " + metode +
                   ", the examiners' method for a period ending " + periode +
                   ". A template with all its inputs: kopsehat template --metode " + metode +
                   " --out laporan.xlsx, or with this laporan's figures: kopsehat convert FILE --metode " + metode +
                   " --to xlsx --out laporan.xlsx";
  if (metode != old) {
    id += ". Untuk menilai dengan metode lama yang sudah tidak berlaku, sebut metodenya: --metode " + old +
          " (atau \"metode\": \"" + old + "\" di laporan)";
    en += ". To assess with the old method, no longer in force, name it: --metode " + old + " (or \"metode\": \"" +
          old + "\" in the laporan)";
  }
  problems->Add("metode", "metode_menurut_periode", id, en);
}

namespace {

// Reads a laporan of any kind. False when the whole document could not be read (not JSON, not a workbook, too
// large): nothing more can be said about its contents. *read_ok says whether it was also valid.
bool ReadAny(std::string_view text, const std::string& file_name, LaporanJsonReader* reader, Laporan* laporan,
             Problems* problems, bool* read_ok) {
  *read_ok = IsSpreadsheetFile(text, file_name) ? ReadLaporanAny(text, file_name, laporan, problems)
                                                : reader->Read(text, laporan, problems);
  for (const Problem& p : problems->items()) {
    if (p.path.empty() || p.path == file_name) return false;
  }
  return true;
}

}  // namespace

bool AssessOne(std::string_view text, const std::string& file_name, LaporanJsonReader* reader,
               RulebookChooser* chooser, const EvaluateOptions& options, Laporan* laporan, Assessment* assessment,
               Problems* problems, GoalAssessment* goal, bool* is_goal) {
  bool read_ok = false;
  if (!ReadAny(text, file_name, reader, laporan, problems, &read_ok)) return false;
  return EvaluateRead(read_ok, *laporan, chooser, options, assessment, problems, goal, is_goal);
}

bool ReadLaporanFile(const std::string& path, Lang lang, Laporan* out) {
  std::string text;
  if (!ReadLaporanInput(path, lang, &text)) return false;
  LaporanJsonReader reader;
  Problems problems;
  bool read_ok = false;
  ReadAny(text, path, &reader, out, &problems, &read_ok);
  if (!problems.empty()) {
    PrintInvalidLaporan(path, problems, lang);
    return false;
  }
  return true;
}

bool AssessFile(const Args& args, Lang lang, AssessedFile* out, bool allow_goal) {
  const std::string& path = args.positional[0];
  Problems problems;
  if (!out->chooser.Init(args, &problems)) {
    PrintProblems(lang == Lang::kEn ? "the rulebook is invalid:" : "rulebook tidak sah:", problems, lang);
    return false;
  }
  std::string text;
  if (!ReadLaporanInput(path, lang, &text)) return false;
  LaporanJsonReader reader;
  EvaluateOptions options;
  options.without_checklist = args.Has("--tanpa-manajemen");
  bool read_ok = false;
  if (ReadAny(text, path, &reader, &out->laporan, &problems, &read_ok)) {
    // Every scored method: the planner and what-if model weighted sums and score percentages alike.
    (void)EvaluateRead(read_ok, out->laporan, &out->chooser, options, &out->assessment, &problems,
                       allow_goal ? &out->goal : nullptr, &out->is_goal);
  }
  if (!problems.empty()) {
    PrintInvalidLaporan(path, problems, lang);
    return false;
  }
  return true;
}

const ActionBook* LoadActionsForCommand(const Args& args, Lang lang, std::unique_ptr<ActionBook>* owned) {
  Problems problems;
  const ActionBook* book = nullptr;
  if (args.Has("--aksi-file")) {
    std::string text;
    if (ReadInputFile(args.Get("--aksi-file"), 1 << 20, &text, &problems)) {
      *owned = LoadActionBook(text, args.Get("--aksi-file"), &problems);
      book = owned->get();
    }
  } else {
    book = EmbeddedActionBook(&problems);
  }
  if (book == nullptr) {
    PrintProblems(lang == Lang::kEn ? "the action book is invalid:" : "daftar tindakan tidak sah:", problems, lang);
  }
  return book;
}

bool LoadLimitsForCommand(const Args& args, const ActionBook& book, Lang lang, Limits* limits) {
  *limits = DefaultLimits(book);
  if (!args.Has("--batas")) return true;
  Problems problems;
  std::string text;
  if (ReadInputFile(args.Get("--batas"), kMaxLimitFileBytes, &text, &problems) &&
      ApplyLimitFile(text, args.Get("--batas"), limits, &problems)) {
    return true;
  }
  PrintProblems(lang == Lang::kEn ? "the limits file is invalid:" : "berkas batas tidak sah:", problems, lang);
  return false;
}

bool LoadEffortForCommand(const Args& args, const Rulebook& rb, Lang lang, std::unique_ptr<EffortBook>* owned,
                          const EffortBook** out) {
  Problems problems;
  *out = nullptr;
  if (args.Has("--upaya-file")) {
    std::string text;
    if (ReadInputFile(args.Get("--upaya-file"), kMaxEffortBookBytes, &text, &problems)) {
      *owned = LoadEffortBook(text, args.Get("--upaya-file"), &problems);
      *out = owned->get();
    }
  } else {
    *out = EmbeddedEffortBook(rb.id, &problems);
  }
  if (*out != nullptr && !CheckEffortBook(**out, rb, &problems)) *out = nullptr;
  // A kopsehat/batas-v2 limits file may change the person-days of checklists too.
  std::string limits_text;
  Problems limits_problems;
  if (problems.empty() && *out != nullptr && args.Has("--batas") &&
      ReadInputFile(args.Get("--batas"), kMaxLimitFileBytes, &limits_text, &limits_problems)) {
    auto copy = std::make_unique<EffortBook>(**out);
    if (ApplyPersonDaysFile(limits_text, args.Get("--batas"), copy.get(), &limits_problems)) {
      *owned = std::move(copy);
      *out = owned->get();
    }
  }
  if (!limits_problems.empty()) {
    PrintProblems(lang == Lang::kEn ? "the limits file is invalid:" : "berkas batas tidak sah:", limits_problems, lang);
    return false;
  }
  if (!problems.empty()) {
    PrintProblems(lang == Lang::kEn ? "the effort file is invalid:" : "berkas upaya tidak sah:", problems, lang);
    return false;
  }
  return true;
}

void PrintProblems(const std::string& title, const Problems& problems, Lang lang) {
  std::cerr << "kopsehat: " << title << "\n";
  for (const Problem& p : problems.items()) std::cerr << "  " << p.Line(lang) << "\n";
  if (problems.dropped() > 0) {
    std::cerr << "  " << (lang == Lang::kEn ? "... and " : "... dan ") << problems.dropped()
              << (lang == Lang::kEn ? " more" : " lainnya") << "\n";
  }
}

bool ReadLaporanInput(const std::string& path, Lang lang, std::string* text) {
  Problems problems;
  if (ReadInputFile(path, kMaxAnyLaporanBytes, text, &problems)) return true;
  PrintProblems(lang == Lang::kEn ? "cannot read the laporan:" : "laporan tidak dapat dibaca:", problems, lang);
  return false;
}

void PrintInvalidLaporan(const std::string& path, const Problems& problems, Lang lang) {
  const std::string n = std::to_string(problems.size());
  PrintProblems(lang == Lang::kEn ? path + " is invalid (" + n + " problems):" : path + " tidak sah (" + n + " masalah):",
                problems, lang);
}

std::string VersionString() { return "kopsehat " KOPSEHAT_VERSION; }

long long SourceDateEpoch() {
  const char* e = std::getenv("SOURCE_DATE_EPOCH");
  return e != nullptr ? std::atoll(e) : 0;
}

}  // namespace kopsehat::cli
