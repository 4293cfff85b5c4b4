// `kopsehat chart FILE --kind radar|bars --out OUT`: one chart of an assessment as an SVG, PNG or PDF file, for a
// slide or a letter. The laporan is read and assessed exactly as `kopsehat assess` does.
#include <iostream>

#include "assess/assessment.h"
#include "core/text.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "interchange/json_reader.h"
#include "report/chart.h"

namespace kopsehat::cli {

namespace {

const char* kHelpId = R"(Pemakaian: kopsehat chart BERKAS --out KELUARAN [opsi]

Menggambar satu grafik penilaian dari berkas laporan (JSON, XLSX atau CSV, seperti 'kopsehat assess'):
  radar  skor tiap aspek sebagai persen dari maksimumnya
  bars   poin yang hilang per komponen, terbesar di atas
Keluaran SVG, PNG (1200 × 900 piksel) atau PDF berukuran 600 × 450 poin, sama persis untuk masukan yang sama.

Opsi:
  --out KELUARAN      berkas yang dibuat (.svg, .png atau .pdf)
  --kind radar|bars   jenis grafik (bawaan: radar)
  --format svg|png|pdf
                      bentuk berkas (bawaan: dari nama berkas keluaran)
  --metode ID         metode penilaian (bawaan: metode pemeriksa untuk periode laporan — kkpkk-2021 sejak 2021,
                      ksp-2016 sebelumnya; lihat 'kopsehat rules list')
  --rulebook BERKAS   pakai rulebook dari berkas TOML, bukan yang tertanam
  --lang id|en        bahasa label dan pesan (bawaan: id)
  --tanpa-manajemen   nilai tanpa daftar periksa manajemen bila blok itu tidak ada
  --help              tampilkan bantuan ini

Tanggal pembuatan PDF diambil dari SOURCE_DATE_EPOCH bila ada (selain itu 1970-01-01), bukan dari jam.
Kode keluar: 0 grafik ditulis; 2 masukan tidak sah atau berkas tidak dapat ditulis; 1 galat internal.
)";

const char* kHelpEn = R"(Usage: kopsehat chart FILE --out OUTPUT [options]

Draws one chart of the assessment of a laporan file (JSON, XLSX or CSV, as 'kopsehat assess' reads):
  radar  the score of each aspect as a percentage of its maximum
  bars   the points each component loses, largest first
Output is SVG, PNG (1200 × 900 pixels) or PDF of 600 × 450 points, identical for the same input.

Options:
  --out OUTPUT        the file to create (.svg, .png or .pdf)
  --kind radar|bars   the chart (default: radar)
  --format svg|png|pdf
                      file form (default: from the output file name)
  --metode ID         assessment method (default: the examiners' method for the laporan's period — kkpkk-2021
                      from 2021, ksp-2016 before; see 'kopsehat rules list')
  --rulebook FILE     use the rulebook in a TOML file instead of an embedded one
  --lang id|en        language of labels and messages (default: id)
  --tanpa-manajemen   score without the management checklist when the laporan has none
  --help              show this help

The PDF creation date comes from SOURCE_DATE_EPOCH when set (else 1970-01-01), never from the clock.
Exit codes: 0 chart written; 2 invalid input or the file cannot be written; 1 internal error.
)";

// The lower-case extension of `path` without the dot, "" when none.
std::string Extension(const std::string& path) {
  const size_t slash = path.find_last_of("/\\");
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return AsciiLower(path.substr(dot + 1));
}

}  // namespace

int RunChart(int argc, char** argv, Lang lang) {
  const bool en = lang == Lang::kEn;
  Args args;
  int exit_code = kExitOk;
  // --format is checked below: its default comes from the file name.
  const CommandSpec spec{"chart",
                         {{"--kind", true}, {"--format", true}, {"--out", true}, {"--metode", true}, {"--rulebook", true},
                          {"--tanpa-manajemen", false}},
                         kHelpId,
                         kHelpEn,
                         "sebutkan tepat satu berkas laporan",
                         "give exactly one laporan file"};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  const std::string out = args.Get("--out");
  if (out.empty()) {
    std::cerr << "kopsehat chart: " << (en ? "name the output file with --out (see --help)" : "sebutkan berkas keluaran dengan --out (lihat --help)") << "\n";
    return kExitInvalid;
  }
  const std::string kind_text = args.Get("--kind", "radar");
  if (kind_text != "radar" && kind_text != "bars") {
    std::cerr << "kopsehat chart: " << (en ? "--kind must be radar or bars, not '" : "--kind harus radar atau bars, bukan '") << kind_text << "'\n";
    return kExitInvalid;
  }
  const std::string ext = Extension(out);
  const std::string format_text = args.Get("--format", ext);
  if (format_text != "svg" && format_text != "png" && format_text != "pdf") {
    if (args.Has("--format")) {
      std::cerr << "kopsehat chart: " << (en ? "--format must be svg, png or pdf, not '" : "--format harus svg, png atau pdf, bukan '") << format_text << "'\n";
    } else {
      std::cerr << "kopsehat chart: " << out
                << (en ? ": the form cannot be told from the name; end it with .svg, .png or .pdf, or give --format"
                       : ": bentuknya tidak dapat ditentukan dari nama; akhiri dengan .svg, .png atau .pdf, atau beri --format")
                << "\n";
    }
    return kExitInvalid;
  }
  const ChartKind kind = kind_text == "bars" ? ChartKind::kBars : ChartKind::kRadar;
  const ChartFormat format = format_text == "svg" ? ChartFormat::kSvg : format_text == "png" ? ChartFormat::kPng : ChartFormat::kPdf;

  AssessedFile file;
  if (!AssessFile(args, lang, &file)) return kExitInvalid;
  const Assessment& assessment = file.assessment;
  if (const Status written = WriteChart(assessment, kind, format, lang, out); !written.ok()) {
    std::cerr << "kopsehat chart: " << out << ": " << written.Text(lang) << "\n";
    return kExitInvalid;
  }
  std::cout << (en ? "Chart written: " : "Grafik ditulis: ") << out << "\n";
  return kExitOk;
}

}  // namespace kopsehat::cli
