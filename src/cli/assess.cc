// `kopsehat assess FILE`: one laporan, one report (text or JSON) on stdout; problems on stderr; exit per spec §3.
#include <fstream>
#include <iostream>

#include "assess/assessment.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "interchange/json_reader.h"
#include "interchange/spreadsheet.h"
#include "report/json_report.h"
#include "report/pdf_report.h"
#include "report/xlsx_worksheet.h"
#include "report/text_report.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat assess BERKAS [opsi]

Menilai kesehatan satu koperasi dari berkas laporan: JSON (kopsehat/laporan-v1), lembar kerja XLSX dari
'kopsehat template', atau CSV (kunci;nilai). BERKAS '-' berarti membaca JSON dari masukan standar.

Opsi:
  --metode ID         metode penilaian (bawaan: ksp-2016; lihat 'kopsehat rules list')
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

Options:
  --metode ID         assessment method (default: ksp-2016; see 'kopsehat rules list')
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
  AssessedFile file;
  if (!AssessFile(args, lang, &file)) return kExitInvalid;
  const Laporan& laporan = file.laporan;
  const Assessment& assessment = file.assessment;
  const std::string format = args.Get("--format", "text");
  if (format == "xlsx") {
    const std::string out_path = args.Get("--out");
    if (out_path.empty()) {
      std::cerr << "kopsehat assess: " << (lang == Lang::kEn ? "a worksheet needs --out FILE" : "lembar kerja memerlukan --out BERKAS") << "\n";
      return kExitInvalid;
    }
    WorksheetOptions ws;
    ws.lang = lang;
    ws.created_epoch = SourceDateEpoch();
    std::string eid, een;
    if (!WriteAssessmentWorksheet(laporan, assessment, ws, out_path, &eid, &een)) {
      std::cerr << "kopsehat assess: " << out_path << ": " << (lang == Lang::kEn ? een : eid) << "\n";
      return kExitInvalid;
    }
    std::cout << (lang == Lang::kEn ? "Worksheet written: " : "Lembar kerja penilaian ditulis: ") << out_path << "\n";
    return kExitOk;
  }
  if (format == "pdf") {
    const std::string out_path = args.Get("--out");
    if (out_path.empty()) {
      std::cerr << "kopsehat assess: " << (lang == Lang::kEn ? "a PDF needs --out FILE" : "PDF memerlukan --out BERKAS") << "\n";
      return kExitInvalid;
    }
    PdfOptions pdf;
    pdf.lang = lang;
    pdf.created_epoch = SourceDateEpoch();
    std::string eid, een;
    if (!WritePdfReport(assessment, pdf, out_path, &eid, &een)) {
      std::cerr << "kopsehat assess: " << out_path << ": " << (lang == Lang::kEn ? een : eid) << "\n";
      return kExitInvalid;
    }
    std::cout << (lang == Lang::kEn ? "Report written: " : "Laporan penilaian ditulis: ") << out_path << "\n";
    return kExitOk;
  }
  std::string out = format == "json" ? std::string() : RenderTextReport(assessment, lang);
  if (format == "json") {
    AppendPenilaianJson(assessment, lang, &out);
    out.push_back('\n');
  }
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

}  // namespace kopsehat::cli
