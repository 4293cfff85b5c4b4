// `kopsehat batch FILE.jsonl`: one laporan per line in, one penilaian-v1 result per line out (JSONL). A bad line
// gets {"baris": N, "galat": [...]} in the output and a message on stderr, and the run carries on. Streams: memory
// stays flat whatever the number of lines. Progress on stderr only when stderr is a terminal.
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "assess/assessment.h"
#include "cli/commands.h"
#include "cli/common.h"
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
  --out-dir FOLDER    folder untuk PDF (000042-nama-koperasi.pdf)
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
  --out-dir DIR       folder for the PDFs (000042-cooperative-name.pdf)
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
    const char l = char(std::tolower(static_cast<unsigned char>(c)));
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
  // --format pdf: one A4 report per cooperative in --out-dir, written as each line is assessed (memory stays flat).
  const bool pdf = args.Get("--format", "jsonl") == "pdf";
  const std::string out_dir = args.Get("--out-dir");
  if (pdf && out_dir.empty()) {
    std::cerr << "kopsehat batch: " << (lang == Lang::kEn ? "--format pdf needs --out-dir DIR" : "--format pdf memerlukan --out-dir FOLDER") << "\n";
    return kExitInvalid;
  }
  PdfOptions pdf_options;
  pdf_options.lang = lang;
  pdf_options.created_epoch = SourceDateEpoch();
  Problems setup;
  RulebookChooser chooser;
  if (!chooser.Init(args, &setup)) {
    PrintProblems(lang == Lang::kEn ? "the rulebook is invalid:" : "rulebook tidak sah:", setup, lang);
    return kExitInvalid;
  }
  const std::string& in_path = args.positional[0];
  FILE* in = in_path == "-" ? stdin : std::fopen(in_path.c_str(), "rb");
  if (in == nullptr) {
    std::cerr << "kopsehat batch: " << in_path << ": "
              << (lang == Lang::kEn ? "cannot open the file" : "berkas tidak dapat dibuka") << "\n";
    return kExitInvalid;
  }
  FILE* out = stdout;
  if (args.Has("--out")) {
    out = std::fopen(args.Get("--out").c_str(), "wb");
    if (out == nullptr) {
      std::cerr << "kopsehat batch: " << args.Get("--out") << ": "
                << (lang == Lang::kEn ? "cannot create the file" : "berkas tidak dapat dibuat") << "\n";
      if (in != stdin) std::fclose(in);
      return kExitInvalid;
    }
  }
  long total_bytes = -1;
  if (in != stdin && std::fseek(in, 0, SEEK_END) == 0) {
    total_bytes = std::ftell(in);
    std::fseek(in, 0, SEEK_SET);
  }
  Progress progress(total_bytes);
  LaporanJsonReader reader;
  Laporan laporan;
  Assessment assessment;
  GoalAssessment goal;  // when the method is a goal method (PEARLS): one hasil-sasaran-v1 line per laporan
  bool is_goal = false;
  Problems problems;
  EvaluateOptions options;
  options.without_checklist = args.Has("--tanpa-manajemen");
  // Every result is written in the one --lang: warning texts in the other language would be built for nobody.
  options.texts = lang == Lang::kEn ? Languages{false, true} : Languages{true, false};
  std::string line, output;
  output.reserve(kOutputFlushBytes + (64 << 10));
  size_t line_no = 0, assessed = 0, invalid = 0;
  // FILE.csv: one cooperative per row, the first row naming the keys (a Dinas's whole region in one sheet).
  const bool csv = in_path.size() > 4 && (in_path.compare(in_path.size() - 4, 4, ".csv") == 0 ||
                                          in_path.compare(in_path.size() - 4, 4, ".CSV") == 0);
  CsvBatch csv_batch;
  long bytes_done = 0;
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&buf, &cap, in)) > 0) {
    ++line_no;
    bytes_done += len;
    std::string_view text(buf, size_t(len));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    // Empty lines, and in a CSV rows of nothing but separators (what a spreadsheet saves for an empty row), are skipped.
    if (text.find_first_not_of(csv ? " \t;,\r" : " \t") == std::string_view::npos) continue;
    problems.Clear();
    bool ok = false;
    if (!csv) {
      ok = AssessOne(text, "", &reader, &chooser, options, &laporan, &assessment, &problems, &goal, &is_goal);
    } else if (text.front() == '#') {
      continue;  // a comment row of a CSV batch
    } else if (!csv_batch.has_header()) {
      if (!csv_batch.ReadHeader(text, line_no, &problems)) {
        for (const Problem& p : problems.items()) std::cerr << p.Line(lang) << "\n";
        std::free(buf);
        if (in != stdin) std::fclose(in);
        if (out != stdout) std::fclose(out);
        return kExitInvalid;
      }
      continue;
    } else {
      const bool read_ok = csv_batch.ReadRow(text, line_no, &laporan, &problems);
      ok = EvaluateRead(read_ok, laporan, &chooser, options, &assessment, &problems, &goal, &is_goal);
    }
    if (ok && pdf) {
      const std::string path = out_dir + "/" + PdfFileName(line_no, is_goal ? goal.koperasi.nama : assessment.koperasi.nama);
      std::string eid, een;
      if (!(is_goal ? WriteGoalPdfReport(goal, pdf_options, path, &eid, &een)
                    : WritePdfReport(assessment, pdf_options, path, &eid, &een))) {
        std::cerr << "kopsehat batch: " << path << ": " << (lang == Lang::kEn ? een : eid) << "\n";
        std::free(buf);
        if (in != stdin) std::fclose(in);
        if (out != stdout) std::fclose(out);
        return kExitInternal;
      }
      ++assessed;
      progress.Update(assessed + invalid, bytes_done, false, lang);
      continue;
    }
    if (ok && is_goal) {
      AppendGoalJson(goal, lang, &output);
      ++assessed;
    } else if (ok) {
      AppendPenilaianJson(assessment, lang, &output);
      ++assessed;
    } else {
      AppendProblemsJson(line_no, problems, lang, &output);
      ++invalid;
      for (const Problem& p : problems.items()) {
        // CSV problems already name their line ("baris 14, kolom 5 (neraca.kas)").
        if (p.path.rfind("baris ", 0) == 0) {
          std::cerr << p.Line(lang) << "\n";
        } else {
          std::cerr << (lang == Lang::kEn ? "line " : "baris ") << line_no << ": " << p.Line(lang) << "\n";
        }
      }
    }
    output.push_back('\n');
    if (output.size() >= kOutputFlushBytes) {
      std::fwrite(output.data(), 1, output.size(), out);
      output.clear();
    }
    progress.Update(assessed + invalid, bytes_done, false, lang);
  }
  std::free(buf);
  std::fwrite(output.data(), 1, output.size(), out);
  progress.Update(assessed + invalid, bytes_done, true, lang);
  const bool write_failed = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout) std::fclose(out);
  if (in != stdin) std::fclose(in);
  if (write_failed) {
    std::cerr << "kopsehat batch: " << (lang == Lang::kEn ? "writing the output failed" : "gagal menulis keluaran") << "\n";
    return kExitInternal;
  }
  if (invalid > 0) {
    std::cerr << "kopsehat batch: " << assessed << (lang == Lang::kEn ? " assessed, " : " dinilai, ") << invalid
              << (lang == Lang::kEn ? " invalid lines\n" : " baris tidak sah\n");
    return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace kopsehat::cli
