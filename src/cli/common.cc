#include "cli/common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "interchange/spreadsheet.h"

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
  from_file_ = LoadRulebookFile(args.Get("--rulebook"), problems);
  return from_file_ != nullptr;
}

const Rulebook* RulebookChooser::Choose(const std::string& laporan_metode, Problems* problems) {
  if (from_file_ != nullptr) return from_file_.get();
  const std::string& id = !forced_metode_.empty() ? forced_metode_
                          : !laporan_metode.empty() ? laporan_metode
                                                    : std::string(kDefaultMetode);
  if (last_ != nullptr && last_->id == id) return last_;
  const Rulebook* rb = EmbeddedRulebookById(id, problems);
  if (rb == nullptr && problems->empty()) {
    std::string known;
    for (const EmbeddedRulebook& e : EmbeddedRulebooks()) known += (known.empty() ? "" : ", ") + std::string(e.id);
    problems->Add(forced_metode_.empty() ? "metode" : "--metode", "metode_tidak_dikenal",
                  "metode '" + id + "' tidak dikenal; yang tersedia: " + known,
                  "unknown method '" + id + "'; available: " + known);
  }
  if (rb != nullptr) last_ = rb;
  return rb;
}

bool AssessOne(std::string_view text, const std::string& file_name, LaporanJsonReader* reader,
               RulebookChooser* chooser, const EvaluateOptions& options, Laporan* laporan, Assessment* assessment,
               Problems* problems) {
  const bool read_ok = IsSpreadsheetFile(text, file_name) ? ReadLaporanAny(text, file_name, laporan, problems)
                                                           : reader->Read(text, laporan, problems);
  // A problem that concerns the whole document (not JSON, not an object, not a workbook, too large) leaves nothing
  // more to say about its contents.
  bool structure_read = true;
  for (const Problem& p : problems->items()) {
    structure_read = structure_read && !p.path.empty() && p.path != file_name;
  }
  if (!structure_read) return false;
  return EvaluateRead(read_ok, *laporan, chooser, options, assessment, problems);
}

bool EvaluateRead(bool read_ok, const Laporan& laporan_value, RulebookChooser* chooser, const EvaluateOptions& options,
                  Assessment* assessment, Problems* problems) {
  const Laporan* laporan = &laporan_value;
  const Rulebook* rb = chooser->Choose(laporan->metode, problems);
  if (rb == nullptr) return false;
  // Evaluate even an invalid laporan (its result is discarded) to report checklist problems in the same run;
  // the engine is total over any Laporan value.
  const bool evaluated = Evaluate(*laporan, *rb, options, assessment, problems);
  return read_ok && evaluated;
}

bool AssessFile(const Args& args, Lang lang, AssessedFile* out) {
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
  AssessOne(text, path, &reader, &out->chooser, options, &out->laporan, &out->assessment, &problems);
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
