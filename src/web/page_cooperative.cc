// web/page_cooperative.cc — a cooperative's dashboard (views.h): the latest assessment, the chart of final scores
// across years and the laporan history. Depends on web/html.h, web/assessment_html.h and report/ (wording).
#include "web/views.h"

#include <algorithm>
#include <string>
#include <vector>

#include "report/text_report.h"
#include "rules/loader.h"
#include "report/wording.h"
#include "web/assessment_html.h"
#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

using store::Status;

namespace {

// The score chart shows the most recent periods only; older years crowd a phone screen without helping.
constexpr size_t kChartPeriods = 10;

// ---- Final scores across years ----

// The final revision of each period, oldest period first (the list comes newest period first, newest revision
// first, so the first final met for a period is its latest).
std::vector<const store::LaporanRecord*> FinalScores(const std::vector<store::LaporanRecord>& all) {
  std::vector<const store::LaporanRecord*> points;
  for (const store::LaporanRecord& l : all) {
    if (l.status != Status::kFinal) continue;
    if (!points.empty() && points.back()->periode_akhir == l.periode_akhir) continue;
    points.push_back(&l);
  }
  if (points.size() > kChartPeriods) points.resize(kChartPeriods);
  std::reverse(points.begin(), points.end());
  return points;
}

// Chart coordinates: scores 0..100 over y 125..10, periods spread over x 40..300.
int ChartY(int64_t total_e6) {
  const int64_t clamped = std::clamp<int64_t>(total_e6, 0, 100'000'000);
  return int(125 - clamped * 115 / 100'000'000);
}

int ChartX(size_t i, size_t n) { return n <= 1 ? 170 : int(40 + i * 260 / (n - 1)); }

// Runs of consecutive periods assessed by one method, [begin, end) into the points. Scores of two methods are on
// different scales (a 2016 total is not a KKPKK percentage sum), so a line never joins them: each run is drawn on
// its own, with its own predikat thresholds, and a method change is a marked break.
struct MethodRun {
  size_t begin = 0;
  size_t end = 0;
  std::string rulebook_id;
};

std::vector<MethodRun> MethodRuns(const std::vector<const store::LaporanRecord*>& points) {
  std::vector<MethodRun> runs;
  for (size_t i = 0; i < points.size(); ++i) {
    if (runs.empty() || runs.back().rulebook_id != points[i]->rulebook_id) {
      runs.push_back({i, i, points[i]->rulebook_id});
    }
    runs.back().end = i + 1;
  }
  return runs;
}

// "metode berganti: ksp-2016 → kkpkk-2021"
std::string BreakText(const PageContext& ctx, const MethodRun& from, const MethodRun& to) {
  return std::string(T(ctx, "metode berganti: ", "method changed: ")) + from.rulebook_id + " → " + to.rulebook_id;
}

void ScoreChart(Html& h, const PageContext& ctx, const std::vector<store::LaporanRecord>& all) {
  const std::vector<const store::LaporanRecord*> points = FinalScores(all);
  if (points.empty()) return;
  const std::vector<MethodRun> runs = MethodRuns(points);
  std::string summary;
  for (size_t r = 0; r < runs.size(); ++r) {
    if (r > 0) summary.append("; ").append(BreakText(ctx, runs[r - 1], runs[r]));
    for (size_t i = runs[r].begin; i < runs[r].end; ++i) {
      if (!summary.empty()) summary.append("; ");
      summary.append(points[i]->periode_akhir.substr(0, 4)).append(": ").append(FormatPoints(points[i]->total_e6,
                                                                                             ctx.lang));
    }
  }
  h << "<figure class=\"kartu\"><figcaption>" << T(ctx, "Skor final per tahun buku", "Final score per financial year")
    << "</figcaption><svg class=\"grafik\" viewBox=\"0 0 320 150\" role=\"img\" aria-label=\"" << Esc{summary}
    << "\"><title>" << Esc{summary} << "</title>";
  for (const int v : {0, 50, 100}) {
    const int y = ChartY(int64_t(v) * 1'000'000);
    h << "<line x1=\"34\" x2=\"306\" y1=\"" << y << "\" y2=\"" << y << "\"/><text x=\"30\" y=\"" << (y + 3)
      << "\" text-anchor=\"end\">" << v << "</text>";
  }
  const size_t n = points.size();
  for (size_t r = 0; r < runs.size(); ++r) {
    const MethodRun& run = runs[r];
    // The run's span: halfway to its neighbours, so thresholds and breaks sit between periods.
    const int left = r == 0 ? 34 : (ChartX(run.begin - 1, n) + ChartX(run.begin, n)) / 2;
    const int right = r + 1 == runs.size() ? 306 : (ChartX(run.end - 1, n) + ChartX(run.end, n)) / 2;
    Problems ignored;
    if (const Rulebook* rb = EmbeddedRulebookById(run.rulebook_id, &ignored)) {
      for (const PredikatRule& pr : rb->predikat) {
        if (!pr.has_min) continue;
        const int y = ChartY(pr.min_e6);
        h << "<line class=\"ambang\" x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << y << "\" y2=\"" << y
          << "\"/>";
      }
    }
    if (r > 0) {
      h << "<line class=\"ganti\" x1=\"" << left << "\" x2=\"" << left << "\" y1=\"8\" y2=\"132\"/>";
    }
    h << "<polyline points=\"";
    for (size_t i = run.begin; i < run.end; ++i) {
      h << (i > run.begin ? " " : "") << ChartX(i, n) << "," << ChartY(points[i]->total_e6);
    }
    h << "\"/>";
  }
  for (size_t i = 0; i < n; ++i) {
    const int x = ChartX(i, n);
    const int y = ChartY(points[i]->total_e6);
    h << "<circle class=\"" << PredikatClass(points[i]->predikat) << "\" cx=\"" << x << "\" cy=\"" << y
      << "\" r=\"4\"/><text x=\"" << x << "\" y=\"" << (y - 7) << "\" text-anchor=\"middle\">"
      << Esc{FormatPoints(points[i]->total_e6, ctx.lang)} << "</text><text x=\"" << x
      << "\" y=\"145\" text-anchor=\"middle\">" << Esc{points[i]->periode_akhir.substr(0, 4)} << "</text>";
  }
  h << "</svg>";
  // The breaks in words under the chart: a reader must not take the jump for a change in health.
  for (size_t r = 1; r < runs.size(); ++r) {
    h << "<p class=\"kecil ganti-metode\">" << Esc{points[runs[r].begin]->periode_akhir.substr(0, 4)} << ": "
      << Esc{BreakText(ctx, runs[r - 1], runs[r])}
      << T(ctx, ". Skor kedua metode tidak dibandingkan: garis terputus di sini.",
           ". Scores of the two methods are not compared: the line breaks here.") << "</p>";
  }
  h << "</figure>";
}

// ---- History and the latest assessment ----

// "20251231" for sorting by period without parsing dates in the script.
std::string PeriodKey(const std::string& iso) {
  std::string k;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') k.push_back(c);
  }
  return k.empty() ? "0" : k;
}

void HistoryTable(Html& h, const PageContext& ctx, const std::vector<store::LaporanRecord>& all) {
  h << "<h2>" << T(ctx, "Riwayat laporan", "Laporan history") << "</h2>";
  if (all.empty()) {
    h << "<p>" << T(ctx, "Belum ada laporan.", "No laporan yet.") << "</p>";
    return;
  }
  h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th>" << T(ctx, "Periode", "Period")
    << "</th><th class=\"n\">" << T(ctx, "Revisi", "Revision") << "</th><th>Status</th><th>"
    << T(ctx, "Metode", "Method") << "</th><th class=\"n\">" << T(ctx, "Skor", "Score")
    << "</th><th>Predikat</th></tr></thead><tbody>";
  for (const store::LaporanRecord& l : all) {
    h << "<tr><td data-nilai=\"" << Esc{PeriodKey(l.periode_akhir)} << "\"><a href=\"" << Esc{Path("/laporan/", l.id)}
      << "\">" << Esc{FormatDateLong(l.periode_akhir, ctx.lang)} << "</a></td><td class=\"n\" data-nilai=\""
      << l.revision << "\">" << l.revision << "</td><td>";
    StatusBadge(h, ctx, l.status);
    if (l.incomplete()) {
      // Saved half-way: no method applied and no score yet, so none is shown (a 0,00 would read as a result).
      h << "</td><td>" << Esc{l.rulebook_id} << "</td><td class=\"n\" data-nilai=\"-1\">—</td><td>"
        << T(ctx, "belum lengkap", "incomplete") << "</td></tr>";
      continue;
    }
    h << "</td><td>" << Esc{l.rulebook_id} << T(ctx, " versi ", " version ") << Esc{l.rulebook_version}
      << "</td><td class=\"n\" data-nilai=\"" << l.total_e6 << "\">" << Esc{FormatPoints(l.total_e6, ctx.lang)}
      << "</td><td>";
    PredikatBadge(h, ctx, l.predikat);
    h << "</td></tr>";
  }
  h << "</tbody></table></div>";
}

void LatestCard(Html& h, const PageContext& ctx, const LaporanView& latest) {
  const store::LaporanRecord& r = latest.record;
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Penilaian terakhir", "Latest assessment") << "</h2><p>"
    << T(ctx, "Tahun buku berakhir ", "Financial year ending ") << Esc{FormatDateLong(r.periode_akhir, ctx.lang)}
    << " · " << T(ctx, "revisi ", "revision ") << r.revision << " · " << Esc{r.rulebook_id}
    << T(ctx, " versi ", " version ") << Esc{r.rulebook_version} << " ";
  StatusBadge(h, ctx, r.status);
  h << "</p>";
  ScoreHead(h, ctx, latest.assessment, r.id);
  h << "<p><a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", r.id)} << "\">"
    << T(ctx, "Lihat rincian penilaian", "See the assessment in detail") << "</a>";
  h << " <a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", r.id, "/rencana")} << "\">"
    << T(ctx, "Jalan menuju SEHAT", "The way to SEHAT") << "</a>";
  h << "</p>";
  LossList(h, ctx, latest.assessment, 5);
  h << "</section>";
}

}  // namespace

std::string CooperativePage(const PageContext& ctx, const CooperativeView& view, const LaporanView* latest) {
  const bool can_edit = view.may_edit;
  const store::Cooperative& c = view.cooperative;
  Html h(32 * 1024 + view.laporan.size() * 400);
  Begin(h, ctx, c.nama);
  h << "<h1>" << Esc{c.nama} << "</h1><p class=\"kecil\">" << Esc{c.jenis};
  if (!c.nomor_badan_hukum.empty()) h << " · " << T(ctx, "BH ", "Legal no. ") << Esc{c.nomor_badan_hukum};
  if (!c.region_nama.empty()) h << " · " << Esc{c.region_nama};
  h << "</p>";
  const std::string new_url = Path("/koperasi/", c.id, "/laporan/baru");
  if (can_edit) {
    h << "<p><a class=\"tombol\" href=\"" << Esc{new_url} << "\">" << T(ctx, "Buat laporan", "New laporan")
      << "</a></p>";
  }
  const bool assessed = latest != nullptr && latest->assessment.rulebook != nullptr;
  if (assessed) {
    LatestCard(h, ctx, *latest);
  } else {
    h << "<section class=\"kartu kosong\"><h2>" << T(ctx, "Belum ada penilaian", "No assessment yet") << "</h2><p>"
      << T(ctx, "Setelah laporan keuangan diisi, skor, predikat dan penjelasannya tampil di sini.",
           "Once the financial statements are filled in, the score, predikat and explanation appear here.") << "</p>";
    if (can_edit) {
      h << "<p><a class=\"tombol\" href=\"" << Esc{new_url} << "\">" << T(ctx, "Buat laporan", "New laporan")
        << "</a></p>";
    }
    h << "</section>";
  }
  ScoreChart(h, ctx, view.laporan);
  HistoryTable(h, ctx, view.laporan);
  if (view.may_view_audit) {
    h << "<p><a href=\"" << Esc{Path("/koperasi/", c.id, "/audit")} << "\">" << T(ctx, "Jejak audit", "Audit trail")
      << "</a></p>";
  }
  return End(h, ctx);
}

}  // namespace kopsehat::web
