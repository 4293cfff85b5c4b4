// The single `kopsehat` binary: dispatches to one subcommand. Nothing escapes as an uncaught exception: anything
// unexpected is an internal error, exit 1 (spec §3).
#include <cstring>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"

namespace kopsehat::cli {

bool CheckFormat(const Args& args, const std::vector<const char*>& formats, Lang lang) {
  if (!args.Has("--format") || formats.empty()) return true;
  const std::string format = args.Get("--format");
  std::string list;
  for (const char* f : formats) {
    if (format == f) return true;
    list += (list.empty() ? "" : ", ") + std::string(f);
  }
  std::cerr << "kopsehat: " << (lang == Lang::kEn ? "--format must be one of " : "--format harus salah satu dari ") << list
            << (lang == Lang::kEn ? ", not '" : ", bukan '") << format << "'\n";
  return false;
}

bool CheckCommonOptions(const Args& args, Lang lang) {
  const std::string l = args.Get("--lang", "id");
  if (l != "id" && l != "en") {
    std::cerr << "kopsehat: " << (lang == Lang::kEn ? "--lang must be id or en, not '" : "--lang harus id atau en, bukan '") << l << "'\n";
    return false;
  }
  return true;
}

bool StartFileCommand(int argc, char** argv, Lang lang, const CommandSpec& spec, Args* args, int* exit_code) {
  std::string error;
  std::vector<OptionSpec> options = spec.options;
  options.push_back({"--lang", true});
  options.push_back({"--help", false});
  *exit_code = kExitInvalid;
  if (const Status parsed = ParseArgs(argc, argv, 2, options, args); !parsed.ok()) {
    std::cerr << "kopsehat " << spec.name << ": " << parsed.Text(lang) << "\n";
    return false;
  }
  if (args->Has("--help")) {
    std::cout << (lang == Lang::kEn ? spec.help_en : spec.help_id);
    *exit_code = kExitOk;
    return false;
  }
  if (!CheckCommonOptions(*args, lang) || !CheckFormat(*args, spec.formats, lang)) return false;
  if (spec.fileless_option != nullptr && args->Has(spec.fileless_option) && args->positional.empty()) return true;
  if (args->positional.size() != 1) {
    std::cerr << "kopsehat " << spec.name << ": " << (lang == Lang::kEn ? spec.one_file_en : spec.one_file_id)
              << (lang == Lang::kEn ? " (see --help)\n" : " (lihat --help)\n");
    return false;
  }
  return true;
}

namespace {

const char* kHelpId = R"(kopsehat — penilaian kesehatan koperasi simpan pinjam (KSP/USP)

Pemakaian: kopsehat PERINTAH [opsi]

Perintah:
  assess BERKAS      nilai satu laporan (JSON, XLSX atau CSV) dan cetak laporannya
  batch BERKAS.jsonl nilai satu laporan per baris, hasil satu baris JSON per laporan
  rules list         daftar metode (rulebook) yang tersedia
  rules show ID      tampilkan isi satu metode
  rules check BERKAS periksa sebuah berkas rulebook
  chart BERKAS --kind radar|bars --out F.svg|png|pdf   grafik penilaian
  template --out F   buat template laporan untuk diisi (XLSX atau CSV)
  plan BERKAS        rencana tindakan termurah menuju SEHAT (--target), diperiksa dengan menilai ulang
  whatif BERKAS      bagaimana jika: nilai ulang setelah tindakan perbaikan; --peka: langkah terkecil per komponen
  convert BERKAS --to json|xlsx|csv   ubah bentuk laporan
  serve [--demo]     jalankan aplikasi web (SQLite di --data DIR, atau --db postgresql://...)
  user add --username U --peran admin   buat pengguna (admin pertama); kata sandi dari stdin
  backup --out F     cadangkan basis data SQLite (--data DIR) selagi berjalan; restore --from F memulihkan

Opsi umum: --lang id|en, --help, --version
Panduan: docs/panduan.md
)";

const char* kHelpEn = R"(kopsehat — health assessment of savings-and-loan cooperatives (KSP/USP)

Usage: kopsehat COMMAND [options]

Commands:
  assess FILE        assess one laporan and print its report
  batch FILE.jsonl   assess one laporan per line, one JSON result per line
  rules list         list the available methods (rulebooks)
  rules show ID      show one method in full
  rules check FILE   check a rulebook file
  chart FILE --kind radar|bars --out F.svg|png|pdf     assessment charts
  template --out F   create a laporan template to fill (XLSX or CSV)
  plan FILE          the cheapest verified set of actions to SEHAT (--target)
  whatif FILE        what if: re-assess after improvement actions; --peka: the smallest step per component
  convert FILE --to json|xlsx|csv   convert a laporan between forms
  serve [--demo]     run the web application (SQLite in --data DIR, or --db postgresql://...)
  user add --username U --peran admin   create a user (the first admin); password from stdin
  backup --out F     back up the SQLite database (--data DIR) while it runs; restore --from F restores it

Common options: --lang id|en, --help, --version
Guide: docs/panduan.md
)";

int Main(int argc, char** argv) {
  const Lang lang = DetectLang(argc, argv);
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
    std::cout << (lang == Lang::kEn ? kHelpEn : kHelpId);
    return argc < 2 ? kExitInvalid : kExitOk;
  }
  const std::string command = argv[1];
  if (command == "--version" || command == "version") {
    std::cout << VersionString() << "\n";
    return kExitOk;
  }
  if (command == "assess") return RunAssess(argc, argv, lang);
  if (command == "batch") return RunBatch(argc, argv, lang);
  if (command == "rules") return RunRules(argc, argv, lang);
  if (command == "template") return RunTemplate(argc, argv, lang);
  if (command == "whatif") return RunWhatif(argc, argv, lang);
  if (command == "plan") return RunPlan(argc, argv, lang);
  if (command == "convert") return RunConvert(argc, argv, lang);
  if (command == "chart") return RunChart(argc, argv, lang);
  if (command == "serve") return RunServe(argc, argv, lang);
  if (command == "backup") return RunBackup(argc, argv, lang, false);
  if (command == "user" && argc >= 3 && std::strcmp(argv[2], "add") == 0) return RunUserAdd(argc, argv, lang);
  if (command == "restore") return RunBackup(argc, argv, lang, true);
  if (command == "--lang" && argc >= 3) {  // "kopsehat --lang en" alone: help in that language
    std::cout << (lang == Lang::kEn ? kHelpEn : kHelpId);
    return kExitOk;
  }
  std::cerr << "kopsehat: " << (lang == Lang::kEn ? "unknown command '" : "perintah tidak dikenal '") << command
            << (lang == Lang::kEn ? "' (see kopsehat --help)\n" : "' (lihat kopsehat --help)\n");
  return kExitInvalid;
}

}  // namespace
}  // namespace kopsehat::cli

int main(int argc, char** argv) {
  try {
    return kopsehat::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kopsehat: galat internal / internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "kopsehat: galat internal / internal error\n";
  }
  return kopsehat::cli::kExitInternal;
}
