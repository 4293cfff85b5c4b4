// The PDF report, checked from the outside with poppler-utils: the text a reader sees (pdftotext), the embedded
// fonts (pdffonts) and the rendered pages (pdftoppm), plus byte-identical output and the failure path.

#include "report/pdf_report.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "assess/assessment.h"
#include "core/decimal.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExample = KOPSEHAT_SOURCE_DIR "/examples/ksp-sejahtera-bersama-2025.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a shell command; its standard output, and its exit status in *status.
std::string RunCommand(const std::string& command, int* status) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  *status = pclose(pipe);
  return out;
}

// Runs of white space as one space, so text wrapped or spread by `pdftotext -layout` still matches.
std::string Squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

Laporan ReadExample() {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  if (!reader.Read(ReadFile(kExample), &l, &p)) throw std::runtime_error(p.Render(Lang::kEn));
  return l;
}

const Rulebook& Method(const char* id) {
  Problems p;
  const Rulebook* rb = EmbeddedRulebookById(id, &p);
  if (rb == nullptr) throw std::runtime_error(std::string("no embedded ") + id + ": " + p.Render(Lang::kEn));
  return *rb;
}

Assessment Assess(const Laporan& l, const char* method = "ksp-2016", bool without_checklist = false) {
  Problems p;
  Assessment a;
  EvaluateOptions options;
  options.without_checklist = without_checklist;
  if (!Evaluate(l, Method(method), options, &a, &p)) throw std::runtime_error(p.Render(Lang::kEn));
  return a;
}

class PdfReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "kopsehat_pdf_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Writes the report and fails the test when that does not work.
  std::string Write(const Assessment& a, const std::string& name, PdfOptions options = {}) {
    const std::string path = (fs::path(dir_) / name).string();
    const Status s = WritePdfReport(a, options, path);
    EXPECT_TRUE(s.ok()) << s.message();
    // The file holds exactly what the renderer gives in memory (the web serves that).
    std::string in_memory;
    EXPECT_TRUE(RenderPdfReport(a, options, &in_memory).ok());
    std::ifstream f(path, std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()), in_memory) << name;
    return path;
  }

  std::string Text(const std::string& pdf) {
    int status = 0;
    const std::string out = RunCommand("pdftotext -layout '" + pdf + "' - 2>/dev/null", &status);
    EXPECT_EQ(status, 0) << "pdftotext failed on " << pdf;
    return out;
  }

  // Renders every page in grey and checks that none is blank; returns the number of pages.
  int CheckNoBlankPage(const std::string& pdf) {
    const std::string prefix = (fs::path(dir_) / "page").string();
    int status = 0;
    RunCommand("pdftoppm -gray -r 20 '" + pdf + "' '" + prefix + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << "pdftoppm failed on " << pdf;
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.path().filename().string().rfind("page", 0) == 0 && e.path().extension() == ".pgm") {
        pages.push_back(e.path());
      }
    }
    for (const fs::path& p : pages) {
      const std::string pgm = ReadFile(p.string());
      // Binary PGM: "P5", width, height, maxval, then one byte per pixel (maxval < 256).
      std::istringstream header(pgm);
      std::string magic;
      int w = 0, h = 0, maxval = 0;
      header >> magic >> w >> h >> maxval;
      EXPECT_EQ(magic, "P5") << p;
      EXPECT_GT(w, 0) << p;
      EXPECT_GT(h, 0) << p;
      EXPECT_EQ(maxval, 255) << p;
      const size_t start = size_t(header.tellg()) + 1;  // one white-space byte after maxval
      EXPECT_EQ(pgm.size(), start + size_t(w) * size_t(h)) << p;
      if (pgm.size() != start + size_t(w) * size_t(h)) continue;
      size_t dark = 0;
      for (size_t i = start; i < pgm.size(); ++i) dark += static_cast<unsigned char>(pgm[i]) < 200 ? 1 : 0;
      EXPECT_GT(dark, 100u) << "page looks blank: " << p;
      fs::remove(p);
    }
    return int(pages.size());
  }

  std::string dir_;
};

TEST_F(PdfReportTest, ExampleShowsTheResultEveryComponentAndTheIdentity) {
  const Assessment a = Assess(ReadExample());
  const std::string text = Squeeze(Text(Write(a, "laporan.pdf")));
  EXPECT_NE(text.find("LAPORAN PENILAIAN KESEHATAN KOPERASI SIMPAN PINJAM"), std::string::npos) << text;
  EXPECT_NE(text.find("89,80 dari 100"), std::string::npos) << text;
  EXPECT_NE(text.find("SEHAT"), std::string::npos);
  EXPECT_NE(text.find("KSP Sejahtera Bersama"), std::string::npos);
  EXPECT_NE(text.find("518/214/BH/XVI.18/2015"), std::string::npos);
  EXPECT_NE(text.find("Probolinggo, Jawa Timur"), std::string::npos);
  EXPECT_NE(text.find("Tahun buku berakhir 31 Desember 2025"), std::string::npos);
  EXPECT_NE(text.find("ksp-2016 versi 1"), std::string::npos);
  EXPECT_NE(text.find("bawaan"), std::string::npos);
  // The 2016 method on a 2025 laporan: said in the header, before the predikat, and only there.
  const size_t attention = text.find("PERHATIAN Metode ksp-2016 berlaku sejak 2016-04-01 sampai 2020-12-31");
  ASSERT_NE(attention, std::string::npos) << text;
  EXPECT_LT(attention, text.find("PREDIKAT"));
  EXPECT_EQ(text.find("[di_luar_masa_berlaku]"), std::string::npos);
  ASSERT_EQ(a.components.size(), 22u);
  for (const ComponentResult& r : a.components) {
    EXPECT_NE(text.find(Squeeze(r.spec->name.id)), std::string::npos) << r.spec->id;
    const std::string skor = FormatIndonesian(r.skor_e6, 6, 2);
    EXPECT_NE(text.find(" " + skor), std::string::npos) << r.spec->id << " skor " << skor;
  }
  // Figures of one component as the table prints them (amounts without "Rp" under a "(Rp)" header).
  EXPECT_NE(text.find("746.080.000,50 2.313.250.000,50 32,25 % 20 ≤ x < 40 % 50 6 3,00"), std::string::npos);
  // Every checklist item with its answer: item 5 of the general checklist was answered "no".
  EXPECT_NE(text.find("5 Pengurus, pengawas, pengelola dan seluruh karyawan memahami visi, misi, tujuan dan rencana. "
                      "Tidak"),
            std::string::npos);
  EXPECT_NE(text.find("1 Ada visi, misi dan tujuan tertulis. Ya"), std::string::npos);
  EXPECT_NE(text.find("KOMPONEN YANG PALING BANYAK KEHILANGAN POIN"), std::string::npos);
  EXPECT_NE(text.find("nilai naik ke 100 bila rasio naik menjadi ≥ 40,00 % (selisih 7,75 poin persen)"),
            std::string::npos);
  EXPECT_NE(text.find("Pita terendah (0 atau 25) dan batasnya bersumber tunggal."), std::string::npos);
  EXPECT_NE(text.find("SUMBER METODE"), std::string::npos);
  EXPECT_NE(text.find("Penilai"), std::string::npos);
  EXPECT_NE(text.find("Ketua Pengurus"), std::string::npos);
  EXPECT_NE(text.find("Pengawas"), std::string::npos);
  EXPECT_NE(text.find("Tempat, tanggal: ____"), std::string::npos);
  EXPECT_NE(text.find("Halaman 1 dari "), std::string::npos);
}

TEST_F(PdfReportTest, PagesAreNumberedOfTheTotal) {
  const std::string pdf = Write(Assess(ReadExample()), "laporan.pdf");
  int status = 0;
  const std::string info = RunCommand("pdfinfo '" + pdf + "' 2>/dev/null", &status);
  ASSERT_EQ(status, 0);
  const size_t at = info.find("Pages:");
  ASSERT_NE(at, std::string::npos) << info;
  const int pages = std::stoi(info.substr(at + 6));
  EXPECT_GE(pages, 3);
  const std::string text = Squeeze(Text(pdf));
  for (int i = 1; i <= pages; ++i) {
    const std::string mark = "Halaman " + std::to_string(i) + " dari " + std::to_string(pages);
    EXPECT_NE(text.find(mark), std::string::npos) << mark;
  }
  EXPECT_NE(info.find("Author:          Kopsehat"), std::string::npos) << info;
  EXPECT_NE(info.find("A4"), std::string::npos) << info;
}

TEST_F(PdfReportTest, EmbedsDejaVuSans) {
  const std::string pdf = Write(Assess(ReadExample()), "laporan.pdf");
  int status = 0;
  const std::string fonts = RunCommand("pdffonts '" + pdf + "' 2>/dev/null", &status);
  ASSERT_EQ(status, 0);
  std::istringstream lines(fonts);
  std::string line;
  int dejavu = 0;
  while (std::getline(lines, line)) {
    if (line.find("DejaVuSans") == std::string::npos) continue;
    ++dejavu;
    // Columns: name type encoding emb sub uni object ID; "emb" must be "yes".
    std::istringstream cols(line);
    std::vector<std::string> words;
    for (std::string w; cols >> w;) words.push_back(w);
    ASSERT_GE(words.size(), 6u) << line;
    EXPECT_EQ(words[words.size() - 5], "yes") << line;
  }
  EXPECT_GE(dejavu, 1) << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << fonts;
}

TEST_F(PdfReportTest, NoPageIsBlank) {
  EXPECT_GE(CheckNoBlankPage(Write(Assess(ReadExample()), "laporan.pdf")), 3);
}

TEST_F(PdfReportTest, SameInputAndEpochGiveTheSameBytes) {
  const Assessment a = Assess(ReadExample());
  PdfOptions options;
  options.created_epoch = 1700000000;
  const std::string one = ReadFile(Write(a, "one.pdf", options));
  const std::string two = ReadFile(Write(a, "two.pdf", options));
  EXPECT_GT(one.size(), 1000u);
  EXPECT_TRUE(one == two) << "the two files differ";
  EXPECT_NE(one.find("20231114221320"), std::string::npos);  // 2023-11-14T22:13:20Z
  const std::string epoch0 = ReadFile(Write(a, "zero.pdf"));
  EXPECT_NE(epoch0.find("19700101000000"), std::string::npos);
}

TEST_F(PdfReportTest, English) {
  PdfOptions options;
  options.lang = Lang::kEn;
  const std::string text = Squeeze(Text(Write(Assess(ReadExample()), "report.pdf", options)));
  EXPECT_NE(text.find("HEALTH ASSESSMENT"), std::string::npos) << text;
  EXPECT_NE(text.find("89.80 of 100"), std::string::npos);
  EXPECT_NE(text.find("31 December 2025"), std::string::npos);
  EXPECT_NE(text.find("Page 1 of "), std::string::npos);
  EXPECT_NE(text.find("Assessor"), std::string::npos);
  EXPECT_EQ(text.find("89,80"), std::string::npos);
}

TEST_F(PdfReportTest, ZeroDenominatorsRender) {
  Laporan l = ReadExample();
  l.current.sen[size_t(FindLine("pinjaman.berisiko"))] = 0;
  l.current.sen[size_t(FindLine("hasil_usaha.partisipasi_bruto"))] = 0;
  l.current.sen[size_t(FindLine("hasil_usaha.pendapatan_non_anggota"))] = 0;
  const Assessment a = Assess(l);
  bool zero = false;
  for (const ComponentResult& r : a.components) zero = zero || r.zero_denominator;
  ASSERT_TRUE(zero);
  const std::string pdf = Write(a, "nol.pdf");
  const std::string text = Squeeze(Text(pdf));
  EXPECT_NE(text.find("penyebut nol"), std::string::npos) << text;
  EXPECT_NE(text.find("PERINGATAN"), std::string::npos);
  EXPECT_GE(CheckNoBlankPage(pdf), 3);
}

TEST_F(PdfReportTest, WithoutChecklistSaysSo) {
  Laporan l = ReadExample();
  l.has_manajemen = false;
  l.checklists.clear();
  const Assessment a = Assess(l, "ksp-2016", true);
  ASSERT_TRUE(a.manajemen_excluded);
  const std::string pdf = Write(a, "tanpa.pdf");
  const std::string text = Squeeze(Text(pdf));
  EXPECT_NE(text.find("Dinilai tanpa daftar periksa manajemen"), std::string::npos) << text;
  EXPECT_NE(text.find("dari 85"), std::string::npos);
  EXPECT_NE(text.find("tidak dinilai"), std::string::npos);
  EXPECT_GE(CheckNoBlankPage(pdf), 3);
}

TEST_F(PdfReportTest, LinearRulebookShowsItsRule) {
  const Assessment a = Assess(ReadExample(), "ksp-2016-linear");
  const std::string text = Squeeze(Text(Write(a, "linear.pdf")));
  EXPECT_NE(text.find("ksp-2016-linear"), std::string::npos);
  EXPECT_NE(text.find("r = "), std::string::npos) << text;
}

TEST_F(PdfReportTest, MissingDirectoryFailsWithAMessage) {
  const Assessment a = Assess(ReadExample());
  const std::string path = (fs::path(dir_) / "tidak-ada" / "laporan.pdf").string();
  const Status s = WritePdfReport(a, PdfOptions{}, path);
  EXPECT_FALSE(s.ok());
  const std::string& eid = s.pesan();
  const std::string& een = s.message();
  EXPECT_NE(eid.find(path), std::string::npos) << eid;
  EXPECT_NE(een.find(path), std::string::npos) << een;
  EXPECT_NE(eid.find("tidak dapat"), std::string::npos) << eid;
  EXPECT_NE(een.find("cannot"), std::string::npos) << een;
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace kopsehat

namespace kopsehat {
namespace {

// The KKPKK (persentase_skor) report: aspect and sub-aspect percentages with their predikat, each indicator's nilai
// and skor out of 4, the final score as a weighted sum, points of the final score lost; every page drawn.
TEST_F(PdfReportTest, ScorePercentMethodShowsPercentagesAndPredikatPerAspect) {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  ASSERT_TRUE(reader.Read(ReadFile(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-contoh-kkpkk-2025.json"), &l, &p))
      << p.Render(Lang::kEn);
  const Assessment a = Assess(l, "kkpkk-2021");
  const std::string pdf = Write(a, "kkpkk.pdf");
  const std::string text = Squeeze(Text(pdf));
  for (const char* want : {"SEHAT", "82,52 dari 100", "RINGKASAN PER ASPEK", "1. Tata kelola 56 / 68 82,35 SEHAT 30 24,705882",
                           "Prinsip koperasi — 21 / 28 = 75,00 % (CUKUP SEHAT)", "PENILAIAN PER INDIKATOR",
                           "4 dari 4 butir terpenuhi 100,00 % x > 75 % 1 4,00 / 4,00", "informasi",
                           "poin skor akhir", "Skor akhir (dibulatkan)"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
  EXPECT_EQ(text.find("Poin per 'ya'"), std::string::npos);  // nothing of the weighted layout
  EXPECT_GE(CheckNoBlankPage(pdf), 5);
}

}  // namespace
}  // namespace kopsehat
