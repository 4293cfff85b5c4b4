// The charts of report/chart.h drawn for the bundled example (ksp-2016). Its aspect scores, from the text report and
// checked by hand in assess/example_test.cc:
//   Permodalan 12,00/15 = 80 %; Kualitas aktiva produktif 24,00/25 = 96 %; Manajemen 11,30/15 = 75,33… → 75,3 %;
//   Efisiensi 9,00/10 = 90 %; Likuiditas 15,00/15 = 100 %; Kemandirian dan pertumbuhan 8,50/10 = 85 %;
//   Jatidiri koperasi 10,00/10 = 100 %.
// Points lost (max − skor), largest first: 1.1 Modal sendiri terhadap total aset 6 − 3 = 3,00; 6.1 Rentabilitas aset
// 3 − 1,5 = 1,50; 3.5 Manajemen likuiditas 3 − 1,8 = 1,20; then 2.2 and 4.2 (1,00), 3.4 (0,90), 3.3 (0,60), 3.1 and
// 3.2 (0,50): 10,20 in all = 100 − 89,80.
// Cairo draws text as glyph outlines, so the SVG is checked through the <title>/<desc> it carries for screen readers.

#include <cairo.h>
#include <sys/wait.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "assess/assessment.h"
#include "interchange/json_reader.h"
#include "laporan/laporan.h"
#include "report/chart.h"
#include "rules/loader.h"

namespace kopsehat {
namespace {

constexpr const char* kExample = KOPSEHAT_SOURCE_DIR "/examples/ksp-sejahtera-bersama-2025.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Laporan ReadExample() {
  LaporanJsonReader reader;
  Laporan l;
  Problems p;
  const bool ok = reader.Read(ReadFile(kExample), &l, &p);
  EXPECT_TRUE(ok) << p.Render(Lang::kEn);
  return l;
}

Assessment Assess(const Laporan& l, bool without_checklist = false) {
  Problems p;
  const Rulebook* rb = EmbeddedRulebookById("ksp-2016", &p);
  if (rb == nullptr) throw std::runtime_error("no embedded ksp-2016: " + p.Render(Lang::kEn));
  EvaluateOptions options;
  options.without_checklist = without_checklist;
  Assessment a;
  if (!Evaluate(l, *rb, options, &a, &p)) ADD_FAILURE() << p.Render(Lang::kEn);
  return a;
}

const Assessment& Example() {
  static const Assessment a = Assess(ReadExample());
  return a;
}

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "kopsehat-chart-" + name; }

// Writes the chart and returns the file's bytes ("" with a test failure when it could not be written).
std::string Write(const Assessment& a, ChartKind kind, ChartFormat format, Lang lang, const std::string& name) {
  const std::string path = TempPath(name);
  if (const Status s = WriteChart(a, kind, format, lang, path); !s.ok()) {
    ADD_FAILURE() << path << ": " << s.message();
    return "";
  }
  const std::string bytes = ReadFile(path);
  // The file holds exactly what the renderer gives in memory (the web serves that).
  std::string in_memory;
  EXPECT_TRUE(RenderChart(a, kind, format, lang, &in_memory).ok());
  EXPECT_EQ(in_memory, bytes) << name;
  return bytes;
}

// The text between <desc> and </desc> of an SVG.
std::string Desc(const std::string& svg) {
  const size_t b = svg.find("<desc>");
  const size_t e = svg.find("</desc>");
  if (b == std::string::npos || e == std::string::npos || e < b) return "";
  return svg.substr(b + 6, e - b - 6);
}

// Sets an environment variable for the lifetime of the object, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name); old != nullptr) old_ = old;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ChartSvg, RadarNamesEveryAspectWithItsPercentage) {
  const std::string svg = Write(Example(), ChartKind::kRadar, ChartFormat::kSvg, Lang::kId, "radar.svg");
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<title>Skor per aspek (% dari maksimum)</title>"), std::string::npos);
  const std::string desc = Desc(svg);
  EXPECT_NE(desc.find("Permodalan: 80 % (12,00 / 15,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Kualitas aktiva produktif: 96 % (24,00 / 25,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Manajemen: 75,3 % (11,30 / 15,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Efisiensi: 90 % (9,00 / 10,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Likuiditas: 100 % (15,00 / 15,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Kemandirian dan pertumbuhan: 85 % (8,50 / 10,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Jatidiri koperasi: 100 % (10,00 / 10,00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("KSP Sejahtera Bersama — 31 Desember 2025 — skor total 89,80 (SEHAT)"), std::string::npos) << desc;
  EXPECT_EQ(desc.find("tidak dinilai"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(ChartSvg, LossBarsListTheBiggestLosersFirst) {
  const std::string svg = Write(Example(), ChartKind::kBars, ChartFormat::kSvg, Lang::kId, "bars.svg");
  EXPECT_NE(svg.find("<title>Poin yang hilang per komponen</title>"), std::string::npos);
  const std::string desc = Desc(svg);
  EXPECT_NE(desc.find("Jumlah yang hilang: 10,20 dari 100,00 poin"), std::string::npos) << desc;
  const size_t first = desc.find("1.1 Modal sendiri terhadap total aset: 3,00");
  const size_t second = desc.find("6.1 Rentabilitas aset (SHU sebelum pajak terhadap total aset): 1,50");
  const size_t third = desc.find("3.5 Manajemen likuiditas: 1,20");
  ASSERT_NE(first, std::string::npos) << desc;
  ASSERT_NE(second, std::string::npos) << desc;
  ASSERT_NE(third, std::string::npos) << desc;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_NE(desc.find("3.2 Manajemen kelembagaan: 0,50"), std::string::npos) << desc;
  // Components that lose nothing have no bar.
  EXPECT_EQ(desc.find("Likuiditas"), std::string::npos) << desc;
  EXPECT_EQ(desc.find("lainnya"), std::string::npos) << desc;
}

TEST(ChartSvg, EnglishLabels) {
  const std::string radar = Write(Example(), ChartKind::kRadar, ChartFormat::kSvg, Lang::kEn, "radar-en.svg");
  EXPECT_NE(radar.find("<title>Score per aspect (% of maximum)</title>"), std::string::npos);
  const std::string desc = Desc(radar);
  EXPECT_NE(desc.find("Capital: 80 % (12.00 / 15.00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Management: 75.3 % (11.30 / 15.00)"), std::string::npos) << desc;
  EXPECT_NE(desc.find("31 December 2025 — total score 89.80"), std::string::npos) << desc;
  const std::string bars = Desc(Write(Example(), ChartKind::kBars, ChartFormat::kSvg, Lang::kEn, "bars-en.svg"));
  EXPECT_NE(bars.find("Total lost: 10.20 of 100.00 points"), std::string::npos) << bars;
  EXPECT_NE(bars.find("1.1 Own capital to total assets: 3.00"), std::string::npos) << bars;
  EXPECT_EQ(bars.find("Modal sendiri"), std::string::npos) << bars;
}

TEST(ChartSvg, SameInputSameBytes) {
  const std::string a = Write(Example(), ChartKind::kRadar, ChartFormat::kSvg, Lang::kId, "same-1.svg");
  const std::string b = Write(Example(), ChartKind::kRadar, ChartFormat::kSvg, Lang::kId, "same-2.svg");
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == b);
}

TEST(ChartSvg, WithoutTheChecklistManajemenIsNotScored) {
  Laporan l = ReadExample();
  l.has_manajemen = false;
  l.checklists.clear();
  const Assessment a = Assess(l, true);
  ASSERT_TRUE(a.manajemen_excluded);
  const std::string desc = Desc(Write(a, ChartKind::kRadar, ChartFormat::kSvg, Lang::kId, "radar-tanpa.svg"));
  EXPECT_NE(desc.find("Manajemen: tidak dinilai"), std::string::npos) << desc;
  EXPECT_NE(desc.find("Permodalan: 80 %"), std::string::npos) << desc;
  const std::string en = Desc(Write(a, ChartKind::kRadar, ChartFormat::kSvg, Lang::kEn, "radar-tanpa-en.svg"));
  EXPECT_NE(en.find("Management: not scored"), std::string::npos) << en;
  // The PNG draws too (the label is checked by eye; here: it renders).
  EXPECT_FALSE(Write(a, ChartKind::kRadar, ChartFormat::kPng, Lang::kId, "radar-tanpa.png").empty());
}

TEST(ChartSvg, MoreThanTwelveLosersEndWithOthers) {
  Assessment a = Example();
  // Every component loses 0,01 × (its position + 1): the 12 biggest are positions 22..11, the other ten lose
  // 0,01 + 0,02 + … + 0,10 = 0,55.
  int64_t i = 0;
  for (ComponentResult& r : a.components) r.skor_e6 = r.max_e6 - (++i) * 10000;
  ASSERT_EQ(a.components.size(), 22u);
  const std::string desc = Desc(Write(a, ChartKind::kBars, ChartFormat::kSvg, Lang::kId, "bars-many.svg"));
  EXPECT_NE(desc.find("lainnya (10 komponen): 0,55"), std::string::npos) << desc;
  EXPECT_NE(desc.find("7.2 Rasio promosi ekonomi anggota (PEA): 0,22"), std::string::npos) << desc;
  EXPECT_EQ(desc.find(": 0,10\n"), std::string::npos) << desc;  // folded into "lainnya"
  const std::string en = Desc(Write(a, ChartKind::kBars, ChartFormat::kSvg, Lang::kEn, "bars-many-en.svg"));
  EXPECT_NE(en.find("others (10 components): 0.55"), std::string::npos) << en;
  EXPECT_FALSE(Write(a, ChartKind::kBars, ChartFormat::kPng, Lang::kId, "bars-many.png").empty());
}

TEST(ChartSvg, NothingLostSaysSo) {
  Assessment a = Example();
  for (ComponentResult& r : a.components) r.skor_e6 = r.max_e6;
  const std::string desc = Desc(Write(a, ChartKind::kBars, ChartFormat::kSvg, Lang::kId, "bars-none.svg"));
  EXPECT_NE(desc.find("Tidak ada poin yang hilang"), std::string::npos) << desc;
  EXPECT_FALSE(Write(a, ChartKind::kBars, ChartFormat::kPng, Lang::kId, "bars-none.png").empty());
}

TEST(ChartPng, ValidOfTheExpectedSizeAndNotBlank) {
  for (const ChartKind kind : {ChartKind::kRadar, ChartKind::kBars}) {
    const std::string name = kind == ChartKind::kRadar ? "radar.png" : "bars.png";
    const std::string bytes = Write(Example(), kind, ChartFormat::kPng, Lang::kId, name);
    ASSERT_GE(bytes.size(), 8u);
    EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    cairo_surface_t* s = cairo_image_surface_create_from_png(TempPath(name).c_str());
    ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(cairo_image_surface_get_width(s), 1200);
    EXPECT_EQ(cairo_image_surface_get_height(s), 900);
    cairo_surface_flush(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    const uint32_t background = *reinterpret_cast<const uint32_t*>(data);
    EXPECT_EQ(background, 0xFFFFFFFFu);  // opaque white
    int64_t differing = 0;
    for (int y = 0; y < 900; ++y) {
      const uint32_t* row = reinterpret_cast<const uint32_t*>(data + y * stride);
      for (int x = 0; x < 1200; ++x) differing += row[x] != background ? 1 : 0;
    }
    EXPECT_GT(differing, 20000) << name;  // the title alone is thousands of pixels
    cairo_surface_destroy(s);
  }
}

TEST(ChartPdf, StartsWithPdfAndIsReproducible) {
  const ScopedEnv env("SOURCE_DATE_EPOCH", "1700000000");  // 2023-11-14T22:13:20Z
  const std::string a = Write(Example(), ChartKind::kRadar, ChartFormat::kPdf, Lang::kId, "radar-1.pdf");
  const std::string b = Write(Example(), ChartKind::kRadar, ChartFormat::kPdf, Lang::kId, "radar-2.pdf");
  EXPECT_EQ(a.rfind("%PDF", 0), 0u);
  EXPECT_NE(a.find("/CreationDate (20231114221320Z)"), std::string::npos);  // Cairo 1.16 omits the "D:"
  EXPECT_TRUE(a == b);
  const std::string c = Write(Example(), ChartKind::kBars, ChartFormat::kPdf, Lang::kEn, "bars-1.pdf");
  const std::string d = Write(Example(), ChartKind::kBars, ChartFormat::kPdf, Lang::kEn, "bars-2.pdf");
  EXPECT_EQ(c.rfind("%PDF", 0), 0u);
  EXPECT_TRUE(c == d);
}

TEST(ChartPdf, WithoutSourceDateEpochTheEpoch) {
  const ScopedEnv env("SOURCE_DATE_EPOCH", "");
  unsetenv("SOURCE_DATE_EPOCH");
  const std::string a = Write(Example(), ChartKind::kRadar, ChartFormat::kPdf, Lang::kId, "radar-epoch.pdf");
  EXPECT_NE(a.find("/CreationDate (19700101000000Z)"), std::string::npos);
}

TEST(ChartWrite, MissingDirectoryFailsWithAMessage) {
  const std::string path = TempPath("no-such-directory") + "/chart.svg";
  const Status s = WriteChart(Example(), ChartKind::kRadar, ChartFormat::kSvg, Lang::kId, path);
  EXPECT_FALSE(s.ok());
  const std::string& eid = s.pesan();
  const std::string& een = s.message();
  EXPECT_NE(eid.find("tidak ada"), std::string::npos) << eid;
  EXPECT_NE(een.find("does not exist"), std::string::npos) << een;
  EXPECT_NE(een.find("no-such-directory"), std::string::npos) << een;
}

TEST(ChartDraw, DrawsIntoACallersSurface) {
  // As the PDF report does: both charts side by side in part of a larger page, leaving the context usable.
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 300);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  DrawRadarChart(cr, Example(), Lang::kId, 0, 0, 400, 300);
  DrawLossBarsChart(cr, Example(), Lang::kEn, 400, 0, 400, 300);
  EXPECT_EQ(cairo_status(cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  EXPECT_EQ(cairo_surface_write_to_png(s, TempPath("draw.png").c_str()), CAIRO_STATUS_SUCCESS);  // to look at
  cairo_surface_destroy(s);
}

TEST(ChartDraw, RadarWithThreeAspects) {
  Assessment a = Example();
  a.aspects.resize(3);
  const std::string desc = Desc(Write(a, ChartKind::kRadar, ChartFormat::kSvg, Lang::kId, "radar-3.svg"));
  EXPECT_NE(desc.find("Manajemen: 75,3 %"), std::string::npos) << desc;
  EXPECT_EQ(desc.find("Efisiensi"), std::string::npos) << desc;
  EXPECT_FALSE(Write(a, ChartKind::kRadar, ChartFormat::kPng, Lang::kId, "radar-3.png").empty());
}

// The command: kopsehat chart FILE --kind K --out OUT, the format from the extension.
int RunChartCli(const std::string& args) {
  const std::string cmd = std::string(KOPSEHAT_BINARY) + " chart " + args + " >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ChartCli, WritesEachFormatFromTheExtension) {
  for (const char* ext : {"svg", "png", "pdf"}) {
    const std::string out = TempPath(std::string("cli.") + ext);
    std::remove(out.c_str());
    EXPECT_EQ(RunChartCli(std::string(kExample) + " --kind bars --metode ksp-2016 --out " + out), 0) << ext;
    std::ifstream f(out, std::ios::binary);
    EXPECT_TRUE(f.good()) << out;
  }
  const std::string svg = ReadFile(TempPath("cli.svg"));
  EXPECT_NE(svg.find("1.1 Modal sendiri terhadap total aset: 3,00"), std::string::npos);
  EXPECT_EQ(RunChartCli(std::string(kExample) + " --metode ksp-2016 --out " + TempPath("cli-radar.out") +
                        " --format svg --lang en"), 0);
  EXPECT_NE(ReadFile(TempPath("cli-radar.out")).find("Capital: 80 %"), std::string::npos);
  // Without a method the example (2025) is drawn by the KKPKK, the method of its period: its four aspects.
  EXPECT_EQ(RunChartCli(std::string(kExample) + " --out " + TempPath("cli-kkpkk.svg")), 0);
  const std::string kkpkk = ReadFile(TempPath("cli-kkpkk.svg"));
  EXPECT_NE(kkpkk.find("Tata kelola"), std::string::npos) << kkpkk.substr(0, 2000);
  EXPECT_EQ(kkpkk.find("Jatidiri"), std::string::npos);
}

TEST(ChartCli, RefusesWhatItCannotDo) {
  EXPECT_EQ(RunChartCli(std::string(kExample) + " --out " + TempPath("cli.txt")), 2);               // no format
  EXPECT_EQ(RunChartCli(std::string(kExample) + " --out " + TempPath("x.svg") + " --kind pie"), 2);  // no such chart
  EXPECT_EQ(RunChartCli(std::string(kExample) + " --out " + TempPath("x.svg") + " --format gif"), 2);
  EXPECT_EQ(RunChartCli(std::string(kExample)), 2);                                                   // no --out
  EXPECT_EQ(RunChartCli(std::string(kExample) + " --out " + TempPath("missing-dir") + "/x.svg"), 2);
  EXPECT_EQ(RunChartCli("--help"), 0);
}

}  // namespace
}  // namespace kopsehat
