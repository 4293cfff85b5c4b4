// `kopsehat assess FILE`: one laporan, one report (text or JSON) on stdout; problems on stderr; exit per spec §3.
#include <algorithm>
#include <fstream>
#include <iostream>

#include "assess/assessment.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_reader.h"
#include "interchange/sistem_input_reader.h"
#include "report/explain.h"
#include "report/goal_report.h"
#include "report/json_report.h"
#include "report/lembar_kerja_report.h"
#include "report/pdf_report.h"
#include "report/xlsx_worksheet.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat assess BERKAS [opsi]

Menilai kesehatan satu koperasi dari berkas laporan: JSON (kopsehat/laporan-v1), lembar kerja XLSX dari
'kopsehat template', atau CSV (kunci;nilai). BERKAS '-' berarti membaca JSON dari masukan standar.
Lembar kerja Sistem Input pemeriksa (KKPKK 2021, KSP KUK I dan II) juga dibaca; hasilnya lalu dibandingkan
dengan hasil yang tersimpan di lembar kerja itu (bagian PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA).

Opsi:
  --metode ID         metode penilaian (bawaan: metode pemeriksa untuk periode laporan — kkpkk-2021 sejak 2021,
                      ksp-2016 sebelumnya; lihat 'kopsehat rules list'); 'all' menilai
                      dengan semua metode yang datanya tersedia dan menampilkan hasilnya berdampingan
  --rulebook BERKAS   pakai rulebook dari berkas TOML, bukan yang tertanam
  --format text|json|pdf|xlsx
                      bentuk keluaran (bawaan: text); pdf: laporan A4 untuk ditandatangani; xlsx: lembar
                      kerja dengan rumus hidup untuk ditelusuri auditor (keduanya perlu --out)
  --out BERKAS        tulis ke berkas, bukan ke layar
  --lang id|en        bahasa keluaran (bawaan: id)
  --tanpa-manajemen   nilai tanpa daftar periksa manajemen bila blok itu tidak ada
  --help              tampilkan bantuan ini

Kode keluar: 0 dinilai; 2 masukan atau rulebook tidak sah (semua masalah di stderr); 1 galat internal.
)";

const char* kHelpEn = R"(Usage: kopsehat assess FILE [options]

Assesses the health of one cooperative from a laporan file: JSON (kopsehat/laporan-v1), an XLSX workbook from
'kopsehat template', or CSV (key;value). FILE '-' reads JSON from standard input.
The examiner's Sistem Input workbook (KKPKK 2021, KSP KUK I and II) is read too; the result is then compared
with the results stored in that workbook (section DIFFERENCES FROM THE EXAMINER'S WORKBOOK).

Options:
  --metode ID         assessment method (default: the examiners' method for the laporan's period — kkpkk-2021
                      from 2021, ksp-2016 before; see 'kopsehat rules list'); 'all' assesses
                      with every method whose data is present and shows the results side by side
  --rulebook FILE     use the rulebook in a TOML file instead of an embedded one
  --format text|json|pdf|xlsx
                      output form (default: text); pdf: the A4 report to sign; xlsx: a worksheet with live
                      formulas an auditor can trace (both need --out)
  --out FILE          write to a file instead of the screen
  --lang id|en        output language (default: id)
  --tanpa-manajemen   score without the management checklist when the laporan has none
  --help              show this help

Exit codes: 0 assessed; 2 invalid input or rulebook (every problem on stderr); 1 internal error.
)";

// Text and JSON go to --out or the screen.
int WriteOutput(const Args& args, Lang lang, const std::string& out) {
  if (!args.Has("--out")) {
    std::cout << out;
    return kExitOk;
  }
  std::ofstream f(args.Get("--out"), std::ios::binary);
  f << out;
  if (!f.flush()) {
    std::cerr << "kopsehat assess: " << args.Get("--out") << ": "
              << (lang == Lang::kEn ? "cannot write the file" : "berkas tidak dapat ditulis") << "\n";
    return kExitInvalid;
  }
  return kExitOk;
}

// The assessment in --format: a file (PDF, XLSX) that needs --out, or text/JSON to --out or the screen. One path for
// both kinds of method (scored, goal).
// The examiner's Sistem Input workbook keeps its own results: set when the input was one (text and JSON show how
// ours differ).
struct WorkbookResults {
  bool present = false;
  SistemInputCache cache;
};

int WriteReport(const Args& args, Lang lang, const AssessedFile& file, const WorkbookResults& workbook) {
  const bool en = lang == Lang::kEn;
  const std::string format = args.Get("--format", "text");
  if (format == "xlsx" || format == "pdf") {
    const bool xlsx = format == "xlsx";
    const std::string out_path = args.Get("--out");
    if (out_path.empty()) {
      std::cerr << "kopsehat assess: "
                << (xlsx ? (en ? "a worksheet needs --out FILE" : "lembar kerja memerlukan --out BERKAS")
                         : (en ? "a PDF needs --out FILE" : "PDF memerlukan --out BERKAS"))
                << "\n";
      return kExitInvalid;
    }
    Status written;
    if (xlsx) {
      WorksheetOptions ws;
      ws.lang = lang;
      ws.created_epoch = SourceDateEpoch();
      written = file.is_goal ? WriteGoalWorksheet(file.laporan, file.goal, ws, out_path)
                             : WriteAssessmentWorksheet(file.laporan, file.assessment, ws, out_path);
    } else {
      PdfOptions pdf;
      pdf.lang = lang;
      pdf.created_epoch = SourceDateEpoch();
      written = file.is_goal ? WriteGoalPdfReport(file.goal, pdf, out_path) : WritePdfReport(file.assessment, pdf, out_path);
    }
    if (!written.ok()) {
      std::cerr << "kopsehat assess: " << out_path << ": " << written.Text(lang) << "\n";
      return kExitInvalid;
    }
    std::cout << (xlsx ? (en ? "Worksheet written: " : "Lembar kerja penilaian ditulis: ")
                       : (en ? "Report written: " : "Laporan penilaian ditulis: "))
              << out_path << "\n";
    return kExitOk;
  }
  std::string out;
  // The workbook scores by the KKPKK; against another method (--metode ksp-2016) its results say nothing.
  const bool compare = workbook.present && !file.is_goal && file.assessment.rulebook != nullptr &&
                       file.assessment.rulebook->id == kSistemInputMetode;
  const LembarKerjaComparison differences =
      compare ? CompareWithLembarKerja(workbook.cache, file.laporan, file.assessment) : LembarKerjaComparison{};
  if (format == "json") {
    if (file.is_goal) {
      AppendGoalJson(file.goal, lang, &out);
    } else {
      AppendPenilaianJson(file.assessment, lang, &out);
    }
    if (compare && !out.empty() && out.back() == '}') {  // one more member of the result object
      out.back() = ',';
      out += "\"lembar_kerja_pemeriksa\":";
      AppendLembarKerjaJson(differences, workbook.cache, lang, &out);
      out += "}";
    }
    out.push_back('\n');
  } else {
    out = file.is_goal ? RenderGoalTextReport(file.goal, lang) : RenderTextReport(file.assessment, lang);
    if (compare) out += "\n" + RenderLembarKerjaText(differences, workbook.cache, lang);
  }
  return WriteOutput(args, lang, out);
}

// One method's line of --metode all.
struct MethodRow {
  std::string id;
  std::string result;  // text
  std::string json;    // the full result object, or empty
  Label skipped;       // why not assessed
};

// Why a method did not assess: the first problem with where it is, and how many more there are.
Label SkippedReason(const Problems& problems) {
  if (problems.empty()) return Label{"tidak dapat dinilai", "cannot be assessed"};
  const Problem& p = problems.items()[0];
  const std::string where = p.path.empty() ? "" : p.path + ": ";
  const std::string more = std::to_string(problems.size() - 1);
  Label skipped{where + p.pesan, where + p.message};
  if (problems.size() > 1) {
    skipped.id += " (dan " + more + " masalah lain)";
    skipped.en += " (and " + more + " more)";
  }
  return skipped;
}

// Assesses the laporan with one embedded method: its result line and JSON, or why it could not.
MethodRow AssessWithMethod(const Laporan& laporan, const EvaluateOptions& options, const std::string& id, Lang lang) {
  const bool en = lang == Lang::kEn;
  MethodRow row{id, {}, {}, {}};
  Problems problems;
  if (const GoalRulebook* g = EmbeddedGoalRulebookById(id, &problems)) {
    GoalAssessment ga;
    if (EvaluateGoals(laporan, *g, &ga, &problems)) {
      row.result = GoalSummaryLine(ga.summary).Get(lang);
      AppendGoalJson(ga, lang, &row.json);
    }
  } else if (const Rulebook* rb = EmbeddedRulebookById(id, &problems)) {
    Assessment a;
    if (Evaluate(laporan, *rb, options, &a, &problems)) {
      row.result = std::string(en ? "score " : "skor ") + FormatPoints(a.total_e6, lang) + (en ? " of " : " dari ") +
                   FormatPoints(a.max_total_e6, lang) + " — " + a.Predikat().label;
      AppendPenilaianJson(a, lang, &row.json);
    }
  }
  if (row.json.empty()) row.skipped = SkippedReason(problems);
  return row;
}

// semua-metode-v1: the results, then the methods not assessed with why.
std::string AllMethodsJson(const std::vector<MethodRow>& rows, Lang lang) {
  std::string out = "{\"format\":\"kopsehat/semua-metode-v1\",\"hasil\":[";
  bool first = true;
  for (const MethodRow& r : rows) {
    if (r.json.empty()) continue;
    out += (first ? "" : ",") + r.json;
    first = false;
  }
  out += "],\"tidak_dinilai\":[";
  first = true;
  for (const MethodRow& r : rows) {
    if (!r.json.empty()) continue;
    out += first ? "{\"metode\":" : ",{\"metode\":";
    first = false;
    AppendJsonString(r.id, &out);
    out += ",\"alasan\":";
    AppendJsonString(r.skipped.Get(lang), &out);
    out += "}";
  }
  out += "]}\n";
  return out;
}

// One line per method: its result or why it was not assessed.
std::string AllMethodsText(const Laporan& laporan, const std::vector<MethodRow>& rows, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::string out = std::string(en ? "ASSESSMENT BY EVERY METHOD — " : "PENILAIAN DENGAN SEMUA METODE — ") +
                    laporan.cooperative.nama + "\n" + (en ? "Period to " : "Periode s.d. ") +
                    FormatDateLong(laporan.periode_akhir, lang) + "\n\n";
  size_t width = 8;
  for (const MethodRow& r : rows) width = std::max(width, r.id.size() + 2);
  for (const MethodRow& r : rows) {
    out += r.id + std::string(width - r.id.size(), ' ') +
           (r.json.empty() ? std::string(en ? "not assessed: " : "tidak dinilai: ") + r.skipped.Get(lang) : r.result) +
           "\n";
  }
  out += std::string("\n") +
         (en ? "Details per method: kopsehat assess FILE --metode ID\n" : "Rincian tiap metode: kopsehat assess BERKAS --metode ID\n");
  return out;
}

// --metode all: every embedded method whose inputs the laporan has, side by side, so a board sees the Ministry
// predikat and the movement's PEARLS view together.
int RunAssessAll(const Args& args, Lang lang) {
  const bool en = lang == Lang::kEn;
  if (args.Has("--rulebook")) {
    std::cerr << "kopsehat assess: " << (en ? "--metode all uses the embedded methods; drop --rulebook" : "--metode all memakai metode tertanam; hapus --rulebook") << "\n";
    return kExitInvalid;
  }
  const std::string format = args.Get("--format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "kopsehat assess: " << (en ? "--metode all gives text or json" : "--metode all menghasilkan text atau json") << "\n";
    return kExitInvalid;
  }
  Laporan laporan;
  if (!ReadLaporanFile(args.positional[0], lang, &laporan)) return kExitInvalid;
  EvaluateOptions options;
  options.without_checklist = args.Has("--tanpa-manajemen");
  std::vector<MethodRow> rows;
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) rows.push_back(AssessWithMethod(laporan, options, e.id, lang));
  return WriteOutput(args, lang, format == "json" ? AllMethodsJson(rows, lang) : AllMethodsText(laporan, rows, lang));
}

}  // namespace

int RunAssess(int argc, char** argv, Lang lang) {
  Args args;
  int exit_code = kExitOk;
  const CommandSpec spec{"assess",
                         {{"--metode", true}, {"--rulebook", true}, {"--format", true}, {"--out", true}, {"--tanpa-manajemen", false}},
                         kHelpId,
                         kHelpEn,
                         "sebutkan tepat satu berkas laporan",
                         "give exactly one laporan file",
                         {"text", "json", "pdf", "xlsx"}};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  if (args.Get("--metode") == "all") return RunAssessAll(args, lang);
  AssessedFile file;
  if (!AssessFile(args, lang, &file, /*allow_goal=*/true)) return kExitInvalid;
  WorkbookResults workbook;
  std::string bytes;
  const std::string& path = args.positional[0];
  if (path != "-" && ReadLaporanInput(path, lang, &bytes) && IsSpreadsheetFile(bytes, path)) {
    workbook.present = ReadSistemInputCache(bytes, path, &workbook.cache);
  }
  return WriteReport(args, lang, file, workbook);
}

}  // namespace kopsehat::cli
