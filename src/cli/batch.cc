// `kopsehat batch FILE.jsonl`: one laporan per line in, one penilaian-v1 result per line out (JSONL). A bad line
// gets {"baris": N, "galat": [...]} in the output and a message on stderr, and the run carries on. Streams: memory
// stays flat whatever the number of lines. Progress on stderr only when stderr is a terminal.
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "assess/assessment.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/line_reader.h"
#include "core/text.h"
#include "interchange/csv_reader.h"
#include "interchange/json_reader.h"
#include "report/goal_report.h"
#include "report/json_report.h"
#include "report/pdf_report.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat batch BERKAS.jsonl|BERKAS.csv [opsi]

Menilai banyak koperasi: satu laporan JSON per baris (.jsonl), atau CSV dengan satu koperasi per baris dan baris
judul berisi kunci (.csv; template: kopsehat template --format csv-baris --out semua.csv). Hasilnya satu baris JSON (kopsehat/penilaian-v1) per
baris masukan, dalam urutan yang sama. Baris yang tidak sah menghasilkan {"baris": N, "galat": [...]} dan pesan
di stderr; baris lain tetap dinilai. Baris kosong dilewati. BERKAS '-' membaca masukan standar.

Opsi:
  --out BERKAS        tulis hasil ke berkas (bawaan: keluaran standar)
  --format jsonl|pdf  jsonl (bawaan) atau satu laporan PDF per koperasi di --out-dir
  --out-dir FOLDER    folder untuk PDF (000042-nama-koperasi.pdf); dibuat bila belum ada
  --metode ID         metode untuk semua baris (bawaan: metode tiap laporan, lalu ksp-2016)
  --rulebook BERKAS   rulebook dari berkas TOML
  --lang id|en        bahasa pesan (bawaan: id)
  --tanpa-manajemen   nilai tanpa daftar periksa bila blok manajemen tidak ada
  --help              tampilkan bantuan ini

Kode keluar: 0 semua baris dinilai; 2 ada baris tidak sah (atau rulebook tidak sah); 1 galat internal.
)";

const char* kHelpEn = R"(Usage: kopsehat batch FILE.jsonl|FILE.csv [options]

Assesses many cooperatives: one JSON laporan per line (.jsonl), or a CSV with one cooperative per row under a header
row of keys (.csv; template: kopsehat template --format csv-baris --out all.csv). The output is one JSON line (kopsehat/penilaian-v1) per
input line, in the same order. An invalid line gives {"baris": N, "galat": [...]} and a message on stderr; the
other lines are still assessed. Empty lines are skipped. FILE '-' reads standard input.

Options:
  --out FILE          write the results to a file (default: standard output)
  --format jsonl|pdf  jsonl (default) or one PDF report per cooperative in --out-dir
  --out-dir DIR       folder for the PDFs (000042-cooperative-name.pdf); made when missing
  --metode ID         method for every line (default: each laporan's own, then ksp-2016)
  --rulebook FILE     rulebook from a TOML file
  --lang id|en        message language (default: id)
  --tanpa-manajemen   score without the checklist when a laporan has no manajemen block
  --help              show this help

Exit codes: 0 every line assessed; 2 some lines invalid (or an invalid rulebook); 1 internal error.
)";

inline constexpr size_t kOutputFlushBytes = 1 << 20;

// "000042-ksp-sejahtera-bersama.pdf": the line number keeps the files in input order and unique; the name makes
// them findable. Only [a-z0-9-] from the name, at most 60 characters.
std::string PdfFileName(size_t line_no, const std::string& nama) {
  char number[16];
  std::snprintf(number, sizeof number, "%06zu", line_no);
  std::string slug;
  for (const char c : nama) {
    const char l = AsciiLower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      slug.push_back(l);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
    if (slug.size() >= 60) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return std::string(number) + (slug.empty() ? "" : "-" + slug) + ".pdf";
}

class Progress {
 public:
  explicit Progress(long total_bytes) : enabled_(isatty(2) != 0), total_bytes_(total_bytes) {}
  void Update(size_t lines, long bytes_done, bool final, Lang lang) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();  // display only
    const double rate = seconds > 0 ? double(lines) / seconds : 0;
    std::string left = "?";
    if (total_bytes_ > 0 && bytes_done > 0 && seconds > 0) {
      left = std::to_string(long(seconds * double(total_bytes_ - bytes_done) / double(bytes_done))) + " s";
    }
    std::fprintf(stderr, lang == Lang::kEn ? "\r%zu laporan, %.0f/s, %s left   " : "\r%zu laporan, %.0f/dtk, sisa %s   ",
                 lines, rate, left.c_str());
    if (final) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  long total_bytes_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// One batch run: its settings, the files, what is reused from line to line, and the counts.
struct BatchRun {
  Lang lang = Lang::kId;
  bool pdf = false;  // --format pdf: one A4 report per cooperative in out_dir, written as each line is assessed
  std::string out_dir;
  PdfOptions pdf_options;
  bool csv = false;  // FILE.csv: one cooperative per row, the first row naming the keys
  RulebookChooser chooser;
  EvaluateOptions options;
  FILE* in = nullptr;
  FILE* out = stdout;
  long total_bytes = -1;  // the input's size when it can be known (not a pipe), for the progress line
  LaporanJsonReader reader;
  CsvBatch csv_batch;
  Laporan laporan;
  Assessment assessment;
  GoalAssessment goal;  // when the method is a goal method (PEARLS): one hasil-sasaran-v1 line per laporan
  bool is_goal = false;
  Problems problems;
  std::string output;  // results not yet written, flushed every kOutputFlushBytes
  size_t assessed = 0, invalid = 0;
};

// The settings of the run from its options; false with the exit code when they do not go together or the rulebook
// is invalid.
bool SetUpRun(const Args& args, Lang lang, BatchRun* run, int* exit_code) {
  run->lang = lang;
  run->pdf = args.Get("--format", "jsonl") == "pdf";
  run->out_dir = args.Get("--out-dir");
  if (run->pdf && run->out_dir.empty()) {
    std::cerr << "kopsehat batch: " << (lang == Lang::kEn ? "--format pdf needs --out-dir DIR" : "--format pdf memerlukan --out-dir FOLDER") << "\n";
    *exit_code = kExitInvalid;
    return false;
  }
  if (run->pdf) {
    // The folder is made when it does not exist yet (with its parents); a path that exists and is no folder, or
    // that cannot be made, is refused before any line is read.
    std::error_code ec;
    std::filesystem::create_directories(run->out_dir, ec);
    if (ec || !std::filesystem::is_directory(run->out_dir, ec)) {
      std::cerr << "kopsehat batch: " << run->out_dir << ": "
                << (lang == Lang::kEn ? "cannot create this folder for the PDFs"
                                      : "folder untuk PDF tidak dapat dibuat")
                << "\n";
      *exit_code = kExitInvalid;
      return false;
    }
  }
  run->pdf_options.lang = lang;
  run->pdf_options.created_epoch = SourceDateEpoch();
  Problems setup;
  if (!run->chooser.Init(args, &setup)) {
    PrintProblems(lang == Lang::kEn ? "the rulebook is invalid:" : "rulebook tidak sah:", setup, lang);
    *exit_code = kExitInvalid;
    return false;
  }
  run->options.without_checklist = args.Has("--tanpa-manajemen");
  const std::string& in_path = args.positional[0];
  run->csv = in_path.size() > 4 && (in_path.compare(in_path.size() - 4, 4, ".csv") == 0 ||
                                    in_path.compare(in_path.size() - 4, 4, ".CSV") == 0);
  return true;
}

// Opens the input (FILE, or standard input for '-') and the output (--out, else standard output); false with a
// message when one cannot be opened (nothing is left open then).
bool OpenFiles(const Args& args, BatchRun* run) {
  const Lang lang = run->lang;
  const std::string& in_path = args.positional[0];
  run->in = in_path == "-" ? stdin : std::fopen(in_path.c_str(), "rb");
  if (run->in == nullptr) {
    std::cerr << "kopsehat batch: " << SafeText(in_path, 200) << ": "
              << (lang == Lang::kEn ? "cannot open the file" : "berkas tidak dapat dibuka") << "\n";
    return false;
  }
  struct stat st{};
  if (fstat(fileno(run->in), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::cerr << "kopsehat batch: " << SafeText(in_path, 200) << ": "
              << (lang == Lang::kEn ? "is a directory; give one JSONL or CSV file"
                                    : "adalah folder; sebutkan satu berkas JSONL atau CSV")
              << "\n";
    std::fclose(run->in);
    return false;
  }
  if (args.Has("--out")) {
    run->out = std::fopen(args.Get("--out").c_str(), "wb");
    if (run->out == nullptr) {
      std::cerr << "kopsehat batch: " << args.Get("--out") << ": "
                << (lang == Lang::kEn ? "cannot create the file" : "berkas tidak dapat dibuat") << "\n";
      if (run->in != stdin) std::fclose(run->in);
      return false;
    }
  }
  if (run->in != stdin && std::fseek(run->in, 0, SEEK_END) == 0) {
    run->total_bytes = std::ftell(run->in);
    std::fseek(run->in, 0, SEEK_SET);
  }
  return true;
}

void CloseFiles(BatchRun* run) {
  if (run->out != stdout) std::fclose(run->out);
  if (run->in != stdin) std::fclose(run->in);
}

// What became of one input line.
enum class LineRead {
  kAssessed,
  kInvalid,
  kSkipped,  // a comment row, or the header row of a CSV
  kStop,     // the CSV header row is refused: no row can be read without it
};

// Reads and assesses one non-blank line into run->laporan and run->assessment (or run->goal), or its problems into
// run->problems.
LineRead ReadAndAssess(std::string_view text, size_t line_no, BatchRun* run) {
  run->problems.Clear();
  bool ok = false;
  if (!run->csv) {
    ok = AssessOne(text, "", &run->reader, &run->chooser, run->options, &run->laporan, &run->assessment, &run->problems,
                   &run->goal, &run->is_goal);
  } else if (text.front() == '#') {
    return LineRead::kSkipped;  // a comment row of a CSV batch
  } else if (!run->csv_batch.has_header()) {
    if (!run->csv_batch.ReadHeader(text, line_no, &run->problems)) {
      for (const Problem& p : run->problems.items()) std::cerr << p.Line(run->lang) << "\n";
      return LineRead::kStop;
    }
    return LineRead::kSkipped;
  } else {
    const bool read_ok = run->csv_batch.ReadRow(text, line_no, &run->laporan, &run->problems);
    ok = EvaluateRead(read_ok, run->laporan, &run->chooser, run->options, &run->assessment, &run->problems, &run->goal,
                      &run->is_goal);
  }
  return ok ? LineRead::kAssessed : LineRead::kInvalid;
}

// The PDF report of an assessed line in --out-dir; false (with a message) when it cannot be written.
bool WriteLinePdf(const BatchRun& run, size_t line_no) {
  const std::string path =
      run.out_dir + "/" + PdfFileName(line_no, run.is_goal ? run.goal.cooperative.nama : run.assessment.cooperative.nama);
  const Status written = run.is_goal ? WriteGoalPdfReport(run.goal, run.pdf_options, path)
                                     : WritePdfReport(run.assessment, run.pdf_options, path);
  if (!written.ok()) {
    std::cerr << "kopsehat batch: " << path << ": " << written.Text(run.lang) << "\n";
    return false;
  }
  return true;
}

// The output line of one input line: its result, or its problems (also on stderr, each naming the line).
void AppendResultLine(bool assessed, size_t line_no, BatchRun* run) {
  const Lang lang = run->lang;
  if (assessed && run->is_goal) {
    AppendGoalJson(run->goal, lang, &run->output);
    ++run->assessed;
  } else if (assessed) {
    AppendPenilaianJson(run->assessment, lang, &run->output);
    ++run->assessed;
  } else {
    AppendProblemsJson(line_no, run->problems, lang, &run->output);
    ++run->invalid;
    for (const Problem& p : run->problems.items()) {
      // CSV problems already name their line ("baris 14, kolom 5 (neraca.kas)").
      if (p.path.rfind("baris ", 0) == 0) {
        std::cerr << p.Line(lang) << "\n";
      } else {
        std::cerr << (lang == Lang::kEn ? "line " : "baris ") << line_no << ": " << p.Line(lang) << "\n";
      }
    }
  }
  run->output.push_back('\n');
  if (run->output.size() >= kOutputFlushBytes) {
    std::fwrite(run->output.data(), 1, run->output.size(), run->out);
    run->output.clear();
  }
}

// Assesses the input line by line, each result written (or its PDF) as it comes, so memory stays flat. kExitOk when
// every line was handled, invalid lines included; otherwise the code to stop with (the pending output then unwritten).
int AssessLines(BatchRun* run) {
  Progress progress(run->total_bytes);
  run->output.reserve(kOutputFlushBytes + (64 << 10));
  size_t line_no = 0;
  long bytes_done = 0;
  int stop_code = kExitOk;
  // A line is one laporan: never longer than a laporan file may be. A longer one is skipped without being held.
  LineReader reader(run->in, kMaxLaporanBytes);
  std::string line;
  size_t len = 0;
  for (LineReader::Result got; (got = reader.Next(&line, &len)) != LineReader::Result::kEnd;) {
    if (got == LineReader::Result::kError) {
      std::cerr << "kopsehat batch: "
                << (run->lang == Lang::kEn ? "cannot read the input (a directory?)"
                                           : "masukan tidak dapat dibaca (mungkin sebuah folder?)")
                << "\n";
      stop_code = kExitInvalid;
      break;
    }
    ++line_no;
    bytes_done += long(len);
    if (got == LineReader::Result::kTooLong) {
      run->problems.Clear();
      run->problems.Add("", "baris_terlalu_panjang",
                        "baris lebih dari " + std::to_string(kMaxLaporanBytes >> 20) + " MiB; dilewati",
                        "line longer than " + std::to_string(kMaxLaporanBytes >> 20) + " MiB; skipped");
      AppendResultLine(false, line_no, run);
      continue;
    }
    std::string_view text(line);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    // Empty lines, and in a CSV rows of nothing but separators (what a spreadsheet saves for an empty row), are skipped.
    if (text.find_first_not_of(run->csv ? " \t;,\r" : " \t") == std::string_view::npos) continue;
    const LineRead read = ReadAndAssess(text, line_no, run);
    if (read == LineRead::kSkipped) continue;
    if (read == LineRead::kStop) {
      stop_code = kExitInvalid;
      break;
    }
    if (read == LineRead::kAssessed && run->pdf) {
      if (!WriteLinePdf(*run, line_no)) {
        stop_code = kExitInternal;
        break;
      }
      ++run->assessed;
    } else {
      AppendResultLine(read == LineRead::kAssessed, line_no, run);
    }
    progress.Update(run->assessed + run->invalid, bytes_done, false, run->lang);
  }
  if (stop_code != kExitOk) return stop_code;
  std::fwrite(run->output.data(), 1, run->output.size(), run->out);
  progress.Update(run->assessed + run->invalid, bytes_done, true, run->lang);
  return kExitOk;
}

}  // namespace

int RunBatch(int argc, char** argv, Lang lang) {
  Args args;
  int exit_code = kExitOk;
  const CommandSpec spec{"batch",
                         {{"--out", true}, {"--metode", true}, {"--rulebook", true}, {"--tanpa-manajemen", false},
                          {"--format", true}, {"--out-dir", true}},
                         kHelpId,
                         kHelpEn,
                         "sebutkan tepat satu berkas JSONL",
                         "give exactly one JSONL file",
                         {"jsonl", "pdf"}};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  BatchRun run;
  if (!SetUpRun(args, lang, &run, &exit_code)) return exit_code;
  if (!OpenFiles(args, &run)) return kExitInvalid;
  const int stop_code = AssessLines(&run);
  if (stop_code != kExitOk) {
    CloseFiles(&run);
    return stop_code;
  }
  const bool write_failed = std::fflush(run.out) != 0 || std::ferror(run.out) != 0;
  CloseFiles(&run);
  if (write_failed) {
    std::cerr << "kopsehat batch: " << (lang == Lang::kEn ? "writing the output failed" : "gagal menulis keluaran") << "\n";
    return kExitInternal;
  }
  if (run.invalid > 0) {
    std::cerr << "kopsehat batch: " << run.assessed << (lang == Lang::kEn ? " assessed, " : " dinilai, ") << run.invalid
              << (lang == Lang::kEn ? " invalid lines\n" : " baris tidak sah\n");
    return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace kopsehat::cli
