// `kopsehat template --out FILE` and `kopsehat convert FILE --to json|xlsx|csv`: the spreadsheet a treasurer fills,
// and conversions between the laporan forms (a filled template is a conversion of a laporan to XLSX).
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "interchange/csv_reader.h"
#include "interchange/json_reader.h"
#include "interchange/laporan_json_writer.h"
#include "interchange/laporan_reader.h"
#include "interchange/template_writer.h"

namespace kopsehat::cli {

namespace {

const char* kTemplateHelpId = R"(Pemakaian: kopsehat template --out BERKAS [opsi]

Membuat template laporan untuk diisi bendahara: lembar kerja XLSX (Identitas, Neraca, Hasil Usaha, Pinjaman,
Kegiatan, daftar periksa; sel isian berwarna kuning, total dan pemeriksaan keseimbangan neraca langsung terlihat, pilihan Ya/Tidak)
atau CSV (kunci;nilai). Setelah diisi: kopsehat assess BERKAS.

Opsi:
  --out BERKAS        berkas yang dibuat (.xlsx atau .csv)
  --format xlsx|csv|csv-baris
                      bentuk: lembar kerja, CSV kunci;nilai, atau CSV satu koperasi per baris untuk 'batch'
                      (bawaan: dari nama berkas, lalu xlsx)
  --metode ID         metode yang isiannya dipakai, lalu ditulis di template (bawaan: metode yang berlaku
                      sekarang, kkpkk-2021, dengan isian metode dibiarkan kosong: dinilai menurut periode)
  --rulebook BERKAS   rulebook dari berkas TOML
  --lang id|en        bahasa pesan
  --help              tampilkan bantuan ini
)";

const char* kTemplateHelpEn = R"(Usage: kopsehat template --out FILE [options]

Creates a laporan template for a treasurer to fill: an XLSX workbook (Identitas, Neraca, Hasil Usaha, Pinjaman,
Kegiatan, checklists; yellow input cells, totals and the balance check visible as they type, Ya/Tidak drop-downs) or a CSV
(key;value). Once filled: kopsehat assess FILE.

Options:
  --out FILE          the file to create (.xlsx or .csv)
  --format xlsx|csv|csv-baris
                      form: workbook, key;value CSV, or a CSV with one cooperative per row for 'batch'
                      (default: from the file name, then xlsx)
  --metode ID         method whose inputs are used, then named in the template (default: the method in force
                      today, kkpkk-2021, with the method cell left empty: assessed by the period's method)
  --rulebook FILE     rulebook from a TOML file
  --lang id|en        message language
  --help              show this help
)";

const char* kConvertHelpId = R"(Pemakaian: kopsehat convert BERKAS --to json|xlsx|csv [--out BERKAS]

Mengubah laporan dari satu bentuk ke bentuk lain, dengan pemeriksaan yang sama seperti 'assess': JSON, XLSX dan CSV
dibaca; JSON dan CSV ditulis ke keluaran standar bila --out tidak diberikan; XLSX perlu --out.

Opsi:
  --to json|xlsx|csv  bentuk tujuan
  --out BERKAS        berkas tujuan
  --metode ID         metode yang daftar periksanya dipakai untuk XLSX/CSV (bawaan: metode laporan, lalu
                      metode menurut periode laporan)
  --lang id|en        bahasa pesan
  --help              tampilkan bantuan ini
)";

const char* kConvertHelpEn = R"(Usage: kopsehat convert FILE --to json|xlsx|csv [--out FILE]

Converts a laporan from one form to another, with the same checks as 'assess': JSON, XLSX and CSV are read; JSON
and CSV go to standard output when --out is not given; XLSX needs --out.

Options:
  --to json|xlsx|csv  target form
  --out FILE          target file
  --metode ID         method whose checklist is used for XLSX/CSV (default: the laporan's, then the
                      method of the laporan's period)
  --lang id|en        message language
  --help              show this help
)";

bool EndsWith(const std::string& s, const char* suffix) {
  const std::string x(suffix);
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

// Says what was written and what to do next.
void Confirm(const std::string& path, const TemplateOptions& options, Lang lang) {
  if (options.prefill != nullptr) {
    std::cout << (lang == Lang::kEn ? "Laporan written: " : "Laporan ditulis: ") << path << "\n";
    return;
  }
  std::cout << (lang == Lang::kEn ? "Template written: " : "Template ditulis: ") << path << "\n"
            << (lang == Lang::kEn ? "Fill the yellow cells, then run: kopsehat assess " : "Isi sel berwarna kuning, lalu jalankan: kopsehat assess ")
            << path << "\n";
}

// Writes the laporan (or an empty template) in `form` to `out_path` ("" = stdout for text forms).
int WriteForm(const std::string& form, const std::string& out_path, const TemplateOptions& options, Lang lang) {
  if (form == "xlsx") {
    if (out_path.empty()) {
      std::cerr << "kopsehat: " << (lang == Lang::kEn ? "an XLSX file needs --out FILE" : "berkas XLSX memerlukan --out BERKAS") << "\n";
      return kExitInvalid;
    }
    if (const Status written = WriteTemplateXlsx(out_path, options); !written.ok()) {
      std::cerr << "kopsehat: " << out_path << ": " << written.Text(lang) << "\n";
      return kExitInvalid;
    }
    Confirm(out_path, options, lang);
    return kExitOk;
  }
  const std::string text = form == "csv" ? TemplateCsv(options) : LaporanToJson(*options.prefill);
  if (out_path.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream f(out_path, std::ios::binary);
  f << text;
  if (!f.flush()) {
    std::cerr << "kopsehat: " << out_path << ": " << (lang == Lang::kEn ? "cannot write the file" : "berkas tidak dapat ditulis") << "\n";
    return kExitInvalid;
  }
  Confirm(out_path, options, lang);
  return kExitOk;
}

}  // namespace

int RunTemplate(int argc, char** argv, Lang lang) {
  Args args;
  if (const Status parsed = ParseArgs(argc, argv, 2,
                                     {{"--out", true}, {"--format", true}, {"--metode", true}, {"--rulebook", true},
                                      {"--lang", true}, {"--help", false}},
                                     &args);
      !parsed.ok()) {
    std::cerr << "kopsehat template: " << parsed.Text(lang) << "\n";
    return kExitInvalid;
  }
  if (args.Has("--help")) {
    std::cout << (lang == Lang::kEn ? kTemplateHelpEn : kTemplateHelpId);
    return kExitOk;
  }
  const std::string out = args.Get("--out");
  if (out.empty() || !args.positional.empty()) {
    std::cerr << "kopsehat template: " << (lang == Lang::kEn ? "name the file with --out (see --help)" : "sebutkan berkasnya dengan --out (lihat --help)") << "\n";
    return kExitInvalid;
  }
  std::string form = args.Get("--format", EndsWith(out, ".csv") ? "csv" : "xlsx");
  if (form != "xlsx" && form != "csv" && form != "csv-baris") {
    std::cerr << "kopsehat template: " << (lang == Lang::kEn ? "--format must be xlsx, csv or csv-baris" : "--format harus xlsx, csv atau csv-baris") << "\n";
    return kExitInvalid;
  }
  Problems problems;
  RulebookChooser chooser;
  // A goal method (PEARLS) keeps the Ministry sheets, with its checklist, and adds the PEARLS lines: a credit union
  // fills one workbook for both views.
  const bool chooser_ok = chooser.Init(args, &problems);
  const GoalRulebook* goal = chooser_ok ? chooser.ChooseGoal("", &problems) : nullptr;
  const Rulebook* rb = chooser_ok && problems.empty()
                           ? (goal != nullptr ? EmbeddedRulebookById(MetodeInForce(), &problems) : chooser.Choose("", &problems))
                           : nullptr;
  if (rb == nullptr) {
    PrintProblems(lang == Lang::kEn ? "the method is invalid:" : "metode tidak sah:", problems, lang);
    return kExitInvalid;
  }
  if (form == "csv-baris") {  // the header row of a batch CSV: one cooperative per row below it
    std::ofstream f(out, std::ios::binary);
    f << BatchCsvHeader(rb, goal != nullptr);
    if (!f.flush()) {
      std::cerr << "kopsehat: " << out << ": " << (lang == Lang::kEn ? "cannot write the file" : "berkas tidak dapat ditulis") << "\n";
      return kExitInvalid;
    }
    std::cout << (lang == Lang::kEn ? "Batch template written: " : "Template batch ditulis: ") << out << "\n"
              << (lang == Lang::kEn ? "One cooperative per row, then run: kopsehat batch " : "Satu koperasi per baris, lalu jalankan: kopsehat batch ")
              << out << "\n";
    return kExitOk;
  }
  TemplateOptions options;
  options.rulebook = rb;
  options.created_epoch = SourceDateEpoch();
  if (goal != nullptr) {
    options.pearls = true;
    options.metode = goal->id;
  } else if (args.Has("--metode") || args.Has("--rulebook")) {
    options.metode = rb->id;  // a method asked for by name is named in the template, so it is assessed by it
  }
  return WriteForm(form, out, options, lang);
}

int RunConvert(int argc, char** argv, Lang lang) {
  Args args;
  int exit_code = kExitOk;
  const CommandSpec spec{"convert",
                         {{"--to", true}, {"--out", true}, {"--metode", true}, {"--rulebook", true}},
                         kConvertHelpId,
                         kConvertHelpEn,
                         "sebutkan tepat satu berkas laporan",
                         "give exactly one laporan file"};
  if (!StartFileCommand(argc, argv, lang, spec, &args, &exit_code)) return exit_code;
  const std::string form = args.Get("--to");
  if (form != "json" && form != "xlsx" && form != "csv") {
    std::cerr << "kopsehat convert: " << (lang == Lang::kEn ? "--to must be json, xlsx or csv" : "--to harus json, xlsx atau csv") << "\n";
    return kExitInvalid;
  }
  const std::string path = args.positional[0];
  Problems problems;
  std::string text;
  if (!ReadLaporanInput(path, lang, &text)) return kExitInvalid;
  Laporan laporan;
  if (!ReadLaporanAny(text, path, &laporan, &problems)) {
    PrintInvalidLaporan(path, problems, lang);
    return kExitInvalid;
  }
  RulebookChooser chooser;
  const bool chooser_ok = chooser.Init(args, &problems);
  const GoalRulebook* goal = chooser_ok ? chooser.ChooseGoal(MetodeOf(laporan), &problems) : nullptr;
  const Rulebook* rb =
      chooser_ok && problems.empty()
          ? (goal != nullptr
                 ? EmbeddedRulebookById(DefaultMetodeFor(laporan.periode_akhir, laporan.cooperative.jenis), &problems)
                 : chooser.Choose(MetodeOf(laporan), &problems))
          : nullptr;
  if (rb == nullptr) {
    PrintProblems(lang == Lang::kEn ? "the method is invalid:" : "metode tidak sah:", problems, lang);
    return kExitInvalid;
  }
  TemplateOptions options;
  options.rulebook = rb;
  options.prefill = &laporan;
  if (args.Has("--metode") || args.Has("--rulebook")) options.metode = goal != nullptr ? goal->id : rb->id;
  options.created_epoch = SourceDateEpoch();
  return WriteForm(form, args.Get("--out"), options, lang);
}

}  // namespace kopsehat::cli
