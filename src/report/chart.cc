// Charts of an Assessment drawn with Cairo's toy text API in DejaVu Sans. Floating point serves the geometry only:
// every number shown is formatted from the exact integer fields (skor_e6, max_e6, LostE6). Colours are chosen to stay
// distinguishable in black-and-white print (dark outlines, light fills, text always black or dark grey).
#include "report/chart.h"

#include "report/output.h"
#include "report/wording.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>
#include <map>
#include <vector>

#include "core/decimal.h"
#include "report/text_report.h"

namespace kopsehat {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr const char* kFont = "DejaVu Sans";
constexpr double kChartWidth = 600;   // points
constexpr double kChartHeight = 450;  // points
constexpr double kFooterHeight = 20;  // the identification line WriteChart adds under the chart
constexpr int kPngScale = 2;
constexpr size_t kMaxBars = 12;


std::string Num(i128 units, int scale, int min_decimals, Lang lang) { return FormatNumber(units, scale, min_decimals, lang); }
std::string Points(int64_t e6, Lang lang) { return FormatPoints(e6, lang); }

// skor as a percentage of max, one decimal at most: "80", "75,3". max_e6 > 0.
std::string PercentText(int64_t skor_e6, int64_t max_e6, Lang lang) {
  return Num(RoundHalfUp(i128(skor_e6) * 100, max_e6, 1), 1, 0, lang) + " %";
}

struct Rgb {
  double r, g, b;
};
constexpr Rgb kText{0.10, 0.10, 0.12};
constexpr Rgb kMuted{0.38, 0.38, 0.42};
constexpr Rgb kGrid{0.72, 0.72, 0.75};
constexpr Rgb kAccent{0.05, 0.27, 0.53};    // dark blue: the data outline, the percentages
constexpr Rgb kFill{0.20, 0.47, 0.80};      // translucent over the grid
constexpr Rgb kBar{0.80, 0.36, 0.18};       // burnt orange; a mid grey in black and white
constexpr Rgb kBarEdge{0.45, 0.17, 0.06};
constexpr Rgb kOtherBar{0.78, 0.78, 0.80};  // "lainnya": light grey, clearly not one component

void SetColour(cairo_t* cr, Rgb c, double alpha = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

void SetFont(cairo_t* cr, double size, bool bold = false, bool italic = false) {
  cairo_select_font_face(cr, kFont, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double TextWidth(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

// Draws `s` with its baseline at y; align 0 = left edge at x, 0.5 = centred, 1 = right edge at x.
void ShowText(cairo_t* cr, const std::string& s, double x, double y, double align = 0) {
  cairo_move_to(cr, x - align * TextWidth(cr, s), y);
  cairo_show_text(cr, s.c_str());
}

// Byte offsets of the starts of the UTF-8 code points of s.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  return starts;
}

// `s` shortened with "…" so that it is at most `max_width` wide in the current font.
std::string Ellipsize(cairo_t* cr, const std::string& s, double max_width) {
  if (TextWidth(cr, s) <= max_width) return s;
  const std::vector<size_t> starts = CodePointStarts(s);
  size_t lo = 0, hi = starts.size();  // the longest prefix of `lo` code points that fits
  while (lo < hi) {
    const size_t mid = (lo + hi + 1) / 2;
    if (TextWidth(cr, s.substr(0, starts[mid]) + "…") <= max_width) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  std::string head = s.substr(0, lo < starts.size() ? starts[lo] : s.size());
  while (!head.empty() && (head.back() == ' ' || head.back() == '(' || head.back() == ',' || head.back() == '-')) {
    head.pop_back();
  }
  return head + "…";
}

// Greedy word wrap into at most `max_lines` lines of `max_width`; the last line is ellipsized if needed.
std::vector<std::string> Wrap(cairo_t* cr, const std::string& s, double max_width, size_t max_lines) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t sp = s.find(' ', start);
    const size_t end = sp == std::string::npos ? s.size() : sp;
    if (end > start) words.push_back(s.substr(start, end - start));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  std::vector<std::string> lines;
  std::string line;
  size_t i = 0;
  for (; i < words.size(); ++i) {
    const std::string candidate = line.empty() ? words[i] : line + " " + words[i];
    if (line.empty() || TextWidth(cr, candidate) <= max_width) {
      line = candidate;
      continue;
    }
    if (lines.size() + 1 == max_lines) break;
    lines.push_back(line);
    line = words[i];
  }
  for (; i < words.size(); ++i) line += " " + words[i];  // what did not fit goes on the last line, ellipsized
  lines.push_back(Ellipsize(cr, line, max_width));
  return lines;
}

// Charts are laid out for about 600 × 430 points. A smaller or larger rectangle scales everything drawn — text, lines,
// gaps — by up to 0.7× or 1.5×, and the layout fills what is left: fonts stay legible in a half-page slot of the PDF
// report and do not look lost on a large one. Leaves the origin at the rectangle's corner and updates its size.
void FitToBox(cairo_t* cr, double* x, double* y, double* width, double* height) {
  const double k = std::clamp(std::min(*width / kChartWidth, *height / (kChartHeight - kFooterHeight)), 0.7, 1.5);
  cairo_translate(cr, *x, *y);
  cairo_scale(cr, k, k);
  *x = 0;
  *y = 0;
  *width /= k;
  *height /= k;
}

void DrawTitle(cairo_t* cr, const std::string& title, double x, double y, double width) {
  SetFont(cr, 15, true);
  SetColour(cr, kText);
  ShowText(cr, Ellipsize(cr, title, width - 8), x + width / 2, y + 20, 0.5);
}

// ---------------------------------------------------------------------------------------------------------------
// Radar

struct RadarLabel {
  std::vector<std::string> name_lines;
  std::string value;   // "80 %" or "tidak dinilai"
  std::string detail;  // "12,00 / 15,00", empty when not scored
  bool scored = true;
  double fraction = 0;  // 0..1, drawing only
  double width = 0, height = 0;
};

constexpr double kNameSize = 11;
constexpr double kValueSize = 10.5;
constexpr double kLineGap = 1.25;
constexpr double kLabelPad = 9;  // between the 100 % ring and a label

struct Box {
  double left, top, right, bottom;
  bool Overlaps(const Box& o) const { return left < o.right && o.left < right && top < o.bottom && o.top < bottom; }
};

// The box of a label when the 100 % ring has radius r around (cx, cy). The box is anchored so that it grows away
// from the plot in the direction of its axis, then pushed outwards until no corner of it reaches the plot.
Box LabelBox(const RadarLabel& l, double angle, double cx, double cy, double r) {
  const double c = std::cos(angle), s = std::sin(angle);
  for (double d = r + kLabelPad;; d += 1) {
    const double px = cx + d * c, py = cy + d * s;
    const double left = px - l.width * (1 - c) / 2;
    const double top = py - l.height * (1 - s) / 2;
    const Box b{left, top, left + l.width, top + l.height};
    const double nx = std::clamp(cx, b.left, b.right) - cx, ny = std::clamp(cy, b.top, b.bottom) - cy;
    if (nx * nx + ny * ny >= (r + kLabelPad) * (r + kLabelPad) || d > r + kLabelPad + l.width + l.height) return b;
  }
}

std::vector<RadarLabel> RadarLabels(cairo_t* cr, const Assessment& a, Lang lang, double max_label_width) {
  std::vector<RadarLabel> labels;
  for (const AspectResult& asp : a.aspects) {
    RadarLabel l;
    SetFont(cr, kNameSize);
    l.name_lines = Wrap(cr, asp.spec->name.Get(lang), max_label_width, 2);
    l.scored = asp.max_e6 > 0;
    if (l.scored) {
      l.value = PercentText(asp.skor_e6, asp.max_e6, lang);
      l.detail = "  " + Points(asp.skor_e6, lang) + " / " + Points(asp.max_e6, lang);
      l.fraction = std::clamp(double(asp.skor_e6) / double(asp.max_e6), 0.0, 1.0);
    } else {
      l.value = T(lang, "tidak dinilai", "not scored");
    }
    for (const std::string& line : l.name_lines) l.width = std::max(l.width, TextWidth(cr, line));
    SetFont(cr, kValueSize, l.scored, !l.scored);
    double value_width = TextWidth(cr, l.value);
    SetFont(cr, kValueSize - 1.5);
    value_width += TextWidth(cr, l.detail);
    l.width = std::max(l.width, value_width);
    l.height = double(l.name_lines.size()) * kNameSize * kLineGap + kValueSize * kLineGap;
    labels.push_back(std::move(l));
  }
  return labels;
}

void DrawRadarLabel(cairo_t* cr, const RadarLabel& l, const Box& b, double angle) {
  // Lines are aligned towards the plot: left on the right-hand side, right on the left-hand side, centred at the
  // top and bottom.
  const double c = std::cos(angle);
  const double align = std::abs(c) < 0.25 ? 0.5 : (c > 0 ? 0.0 : 1.0);
  const double x = b.left + align * (b.right - b.left);
  double y = b.top;
  SetFont(cr, kNameSize);
  SetColour(cr, kText);
  for (const std::string& line : l.name_lines) {
    y += kNameSize * kLineGap;
    ShowText(cr, line, x, y - 0.3 * kNameSize, align);
  }
  y += kValueSize * kLineGap;
  SetFont(cr, kValueSize, l.scored, !l.scored);
  const double value_width = TextWidth(cr, l.value);
  SetFont(cr, kValueSize - 1.5);
  const double detail_width = TextWidth(cr, l.detail);
  double vx = x - align * (value_width + detail_width);
  SetFont(cr, kValueSize, l.scored, !l.scored);
  SetColour(cr, l.scored ? kAccent : kMuted);
  ShowText(cr, l.value, vx, y - 0.3 * kValueSize);
  vx += value_width;
  SetFont(cr, kValueSize - 1.5);
  SetColour(cr, kMuted);
  ShowText(cr, l.detail, vx, y - 0.3 * kValueSize);
}

void RingPath(cairo_t* cr, double cx, double cy, double r, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const double angle = -kPi / 2 + 2 * kPi * double(i) / double(n);
    const double px = cx + r * std::cos(angle), py = cy + r * std::sin(angle);
    if (i == 0) {
      cairo_move_to(cr, px, py);
    } else {
      cairo_line_to(cr, px, py);
    }
  }
  cairo_close_path(cr);
}

// Where the radar is drawn: its centre, the radius of the 100 % ring and the angle of each axis.
struct RadarGeometry {
  double cx = 0, cy = 0, r = 0;
  std::vector<double> angles;
};

// Places the radar in area: the largest radius at which every label stays inside the area and no two labels
// overlap, then the drawing centred vertically.
RadarGeometry PlaceRadar(const std::vector<RadarLabel>& labels, const Box& area) {
  const size_t n = labels.size();
  RadarGeometry g;
  g.cx = (area.left + area.right) / 2;
  g.cy = (area.top + area.bottom) / 2;
  g.angles.resize(n);
  for (size_t i = 0; i < n; ++i) g.angles[i] = -kPi / 2 + 2 * kPi * double(i) / double(n);
  auto fits = [&](double r) {
    std::vector<Box> boxes;
    for (size_t i = 0; i < n; ++i) {
      const Box b = LabelBox(labels[i], g.angles[i], g.cx, g.cy, r);
      if (b.left < area.left || b.right > area.right || b.top < area.top || b.bottom > area.bottom) return false;
      for (const Box& o : boxes) {
        if (o.Overlaps(b)) return false;
      }
      boxes.push_back(b);
    }
    return true;
  };
  g.r = std::min(area.right - area.left, area.bottom - area.top) / 2;
  while (g.r > 30 && !fits(g.r)) g.r -= 1;
  // Centre the drawing vertically: with an odd number of axes the plot and its labels are not symmetric.
  double content_top = area.bottom, content_bottom = area.top;
  for (size_t i = 0; i < n; ++i) {
    const Box b = LabelBox(labels[i], g.angles[i], g.cx, g.cy, g.r);
    content_top = std::min({content_top, b.top, g.cy + g.r * std::sin(g.angles[i])});
    content_bottom = std::max({content_bottom, b.bottom, g.cy + g.r * std::sin(g.angles[i])});
  }
  g.cy += (area.top + area.bottom) / 2 - (content_top + content_bottom) / 2;
  return g;
}

// Grid: rings at 25, 50, 75 and 100 %, spokes.
void DrawRadarGrid(cairo_t* cr, const RadarGeometry& g) {
  const size_t n = g.angles.size();
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (int q = 1; q <= 4; ++q) {
    RingPath(cr, g.cx, g.cy, g.r * q / 4.0, n);
    SetColour(cr, q == 4 ? kMuted : kGrid);
    cairo_set_line_width(cr, q == 4 ? 1.0 : 0.7);
    if (q != 4) {
      const double dash[] = {3.0, 2.5};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  }
  SetColour(cr, kGrid);
  cairo_set_line_width(cr, 0.7);
  for (size_t i = 0; i < n; ++i) {
    cairo_move_to(cr, g.cx, g.cy);
    cairo_line_to(cr, g.cx + g.r * std::cos(g.angles[i]), g.cy + g.r * std::sin(g.angles[i]));
  }
  cairo_stroke(cr);
}

// The data polygon, translucent so the grid shows through, with a dark outline, the ring labels and markers.
void DrawRadarData(cairo_t* cr, const std::vector<RadarLabel>& labels, const RadarGeometry& g) {
  const size_t n = labels.size();
  for (size_t i = 0; i < n; ++i) {
    const double pr = g.r * labels[i].fraction;
    const double px = g.cx + pr * std::cos(g.angles[i]), py = g.cy + pr * std::sin(g.angles[i]);
    if (i == 0) {
      cairo_move_to(cr, px, py);
    } else {
      cairo_line_to(cr, px, py);
    }
  }
  cairo_close_path(cr);
  SetColour(cr, kFill, 0.28);
  cairo_fill_preserve(cr);
  SetColour(cr, kAccent);
  cairo_set_line_width(cr, 2.0);
  cairo_stroke(cr);
  SetFont(cr, 8);
  SetColour(cr, kMuted);
  static const char* kRingLabels[] = {"25 %", "50 %", "75 %", "100 %"};
  for (int q = 1; q <= 4; ++q) {  // with a white halo, so the data outline crossing a label does not hide it
    cairo_move_to(cr, g.cx + 3, g.cy - g.r * q / 4.0 + 9);
    cairo_text_path(cr, kRingLabels[q - 1]);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_set_line_width(cr, 2.2);
    cairo_stroke_preserve(cr);
    SetColour(cr, kMuted);
    cairo_fill(cr);
  }
  for (size_t i = 0; i < n; ++i) {
    const double pr = g.r * labels[i].fraction;
    const double px = g.cx + pr * std::cos(g.angles[i]), py = g.cy + pr * std::sin(g.angles[i]);
    cairo_new_sub_path(cr);
    cairo_arc(cr, px, py, 3.6, 0, 2 * kPi);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    SetColour(cr, labels[i].scored ? kAccent : kMuted);
    cairo_set_line_width(cr, 1.6);
    cairo_stroke(cr);
  }
}

}  // namespace

void DrawRadarChart(cairo_t* cr, const Assessment& a, Lang lang, double x, double y, double width, double height) {
  cairo_save(cr);
  FitToBox(cr, &x, &y, &width, &height);
  DrawTitle(cr, T(lang, "Skor per aspek (% dari maksimum)", "Score per aspect (% of maximum)"), x, y, width);
  const size_t n = a.aspects.size();
  if (n < 3) {
    SetFont(cr, 11, false, true);
    SetColour(cr, kMuted);
    ShowText(cr, T(lang, "Radar memerlukan sedikitnya tiga aspek.", "A radar needs at least three aspects."),
             x + width / 2, y + height / 2, 0.5);
    cairo_restore(cr);
    return;
  }
  const Box area{x + 6, y + 34, x + width - 6, y + height - 4};
  const std::vector<RadarLabel> labels = RadarLabels(cr, a, lang, std::max(80.0, width * 0.24));
  const RadarGeometry g = PlaceRadar(labels, area);
  DrawRadarGrid(cr, g);
  DrawRadarData(cr, labels, g);
  for (size_t i = 0; i < n; ++i) {
    DrawRadarLabel(cr, labels[i], LabelBox(labels[i], g.angles[i], g.cx, g.cy, g.r), g.angles[i]);
  }
  cairo_restore(cr);
}

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Loss bars

struct Bar {
  std::string name;  // full, before shortening
  int64_t lost_e6 = 0;
  bool others = false;
};

std::vector<Bar> LossBars(const Assessment& a, Lang lang) {
  // "1.1", "3.5": the numbering of the text and PDF reports, so a bar can be found in them.
  std::map<const ComponentResult*, std::string> numbers;
  for (size_t ai = 0; ai < a.aspects.size(); ++ai) {
    int k = 0;
    for (const ComponentResult& r : a.components) {
      if (r.spec->aspect_index == int(ai)) numbers[&r] = std::to_string(ai + 1) + "." + std::to_string(++k);
    }
  }
  const std::vector<const ComponentResult*> losses = BiggestLosses(a, std::numeric_limits<size_t>::max());
  // persentase_skor losses are shares of a weight (30 × 1 ÷ 68 = 0,441176…): shown to two decimals, as the reports do.
  auto lost = [](const ComponentResult* r) {
    return r->pooled ? int64_t(RoundHalfUp(Fraction{r->LostE6(), 1'000'000}, 2)) * 10'000 : r->LostE6();
  };
  std::vector<Bar> bars;
  for (size_t i = 0; i < losses.size() && i < kMaxBars; ++i) {
    bars.push_back({numbers[losses[i]] + " " + losses[i]->spec->name.Get(lang), lost(losses[i]), false});
  }
  if (losses.size() > kMaxBars) {
    Bar others{"", 0, true};
    for (size_t i = kMaxBars; i < losses.size(); ++i) others.lost_e6 += lost(losses[i]);
    const std::string count = std::to_string(losses.size() - kMaxBars);
    others.name = lang == Lang::kEn ? "others (" + count + " components)" : "lainnya (" + count + " komponen)";
    bars.push_back(others);
  }
  return bars;
}

std::string LossSubtitle(const Assessment& a, Lang lang) {
  return std::string(T(lang, "Jumlah yang hilang: ", "Total lost: ")) + Points(a.max_total_e6 - a.total_e6, lang) +
         T(lang, " dari ", " of ") + Points(a.max_total_e6, lang) + T(lang, " poin", " points");
}

}  // namespace

void DrawLossBarsChart(cairo_t* cr, const Assessment& a, Lang lang, double x, double y, double width,
                       double height) {
  cairo_save(cr);
  FitToBox(cr, &x, &y, &width, &height);
  DrawTitle(cr, T(lang, "Poin yang hilang per komponen", "Points lost per component"), x, y, width);
  const std::vector<Bar> bars = LossBars(a, lang);
  SetFont(cr, 10);
  SetColour(cr, kMuted);
  ShowText(cr, LossSubtitle(a, lang), x + width / 2, y + 38, 0.5);
  if (bars.empty()) {
    SetFont(cr, 12, false, true);
    SetColour(cr, kText);
    const std::string message =
        T(lang, "Tidak ada poin yang hilang: semua komponen mendapat skor penuh.",
          "No points lost: every component scores in full.");
    ShowText(cr, Ellipsize(cr, message, width - 20), x + width / 2, y + height / 2, 0.5);
    cairo_restore(cr);
    return;
  }

  constexpr double kLabelSize = 10;
  const double top = y + 52, bottom = y + height - 8;
  const double row = std::min(40.0, (bottom - top) / double(bars.size()));
  const double bar_height = std::min(22.0, row * 0.62);
  const double label_right = x + width * 0.50;
  const double label_width = label_right - (x + 8);
  SetFont(cr, kLabelSize, true);
  double value_width = 0;
  std::vector<std::string> values;
  for (const Bar& b : bars) {
    values.push_back(Points(b.lost_e6, lang));
    value_width = std::max(value_width, TextWidth(cr, values.back()));
  }
  const double bar_left = label_right + 8;
  const double bar_max = std::max(20.0, x + width - 10 - value_width - 6 - bar_left);
  int64_t largest = 1;
  for (const Bar& b : bars) largest = std::max(largest, b.lost_e6);

  // Light vertical guides at quarters of the longest bar, behind the bars.
  SetColour(cr, kGrid);
  cairo_set_line_width(cr, 0.6);
  const double dash[] = {3.0, 2.5};
  cairo_set_dash(cr, dash, 2, 0);
  for (int q = 1; q <= 4; ++q) {
    cairo_move_to(cr, bar_left + bar_max * q / 4.0, top);
    cairo_line_to(cr, bar_left + bar_max * q / 4.0, top + row * double(bars.size()));
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);

  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double row_top = top + row * double(i);
    const double mid = row_top + row / 2;
    const double len = std::max(1.0, bar_max * double(b.lost_e6) / double(largest));
    cairo_rectangle(cr, bar_left, mid - bar_height / 2, len, bar_height);
    SetColour(cr, b.others ? kOtherBar : kBar);
    cairo_fill_preserve(cr);
    SetColour(cr, b.others ? kMuted : kBarEdge);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);

    SetFont(cr, kLabelSize, false, b.others);
    SetColour(cr, kText);
    ShowText(cr, Ellipsize(cr, b.name, label_width), label_right, mid + 0.36 * kLabelSize, 1.0);
    SetFont(cr, kLabelSize, true);
    ShowText(cr, values[i], bar_left + len + 5, mid + 0.36 * kLabelSize);
  }
  // The baseline the bars grow from.
  SetColour(cr, kText);
  cairo_set_line_width(cr, 1.0);
  cairo_move_to(cr, bar_left, top - 2);
  cairo_line_to(cr, bar_left, top + row * double(bars.size()) + 2);
  cairo_stroke(cr);
  cairo_restore(cr);
}

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Files

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Who and what the chart is about, under it: "KSP Sejahtera Bersama — 31 Desember 2025 — skor total 89,80 (SEHAT)".
std::string FooterText(const Assessment& a, Lang lang) {
  std::string s = a.cooperative.nama;
  if (!a.periode_akhir.empty()) s += " — " + FormatDateLong(a.periode_akhir, lang);
  s += std::string(T(lang, " — skor total ", " — total score ")) + Points(a.total_e6, lang);
  if (a.predikat >= 0) s += " (" + a.Predikat().label + ")";
  if (a.rulebook != nullptr) s += std::string(T(lang, " — metode ", " — method ")) + a.rulebook->id;
  return s;
}

// The chart in words, for the SVG's <title> and <desc>: Cairo draws text as glyph outlines, so without these an SVG
// could neither be read aloud by a screen reader nor searched.
void Describe(const Assessment& a, ChartKind kind, Lang lang, std::string* title, std::string* desc) {
  if (kind == ChartKind::kRadar) {
    *title = T(lang, "Skor per aspek (% dari maksimum)", "Score per aspect (% of maximum)");
    for (const AspectResult& asp : a.aspects) {
      *desc += asp.spec->name.Get(lang) + ": ";
      *desc += asp.max_e6 > 0 ? PercentText(asp.skor_e6, asp.max_e6, lang) + " (" + Points(asp.skor_e6, lang) + " / " +
                                    Points(asp.max_e6, lang) + ")"
                              : std::string(T(lang, "tidak dinilai", "not scored"));
      *desc += "\n";
    }
  } else {
    *title = T(lang, "Poin yang hilang per komponen", "Points lost per component");
    const std::vector<Bar> bars = LossBars(a, lang);
    *desc += LossSubtitle(a, lang) + "\n";
    if (bars.empty()) {
      *desc += T(lang, "Tidak ada poin yang hilang: semua komponen mendapat skor penuh.\n",
                 "No points lost: every component scores in full.\n");
    }
    for (const Bar& b : bars) *desc += b.name + ": " + Points(b.lost_e6, lang) + "\n";
  }
  *desc += FooterText(a, lang);
}

void DrawPage(cairo_t* cr, const Assessment& a, ChartKind kind, Lang lang) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double h = kChartHeight - kFooterHeight;
  if (kind == ChartKind::kRadar) {
    DrawRadarChart(cr, a, lang, 0, 0, kChartWidth, h);
  } else {
    DrawLossBarsChart(cr, a, lang, 0, 0, kChartWidth, h);
  }
  SetColour(cr, kGrid);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, 10, h + 1);
  cairo_line_to(cr, kChartWidth - 10, h + 1);
  cairo_stroke(cr);
  SetFont(cr, 8.5);
  SetColour(cr, kMuted);
  ShowText(cr, Ellipsize(cr, FooterText(a, lang), kChartWidth - 20), 10, kChartHeight - 6);
}

// "1970-01-01T00:00:00Z" from SOURCE_DATE_EPOCH (reproducible builds), never from the clock.
std::string CreateDate() {
  long long epoch = 0;
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e != nullptr) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (end != e && *end == '\0' && v >= 0 && v < 253402300800LL) epoch = v;  // before year 10000
  }
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool CairoFailed(cairo_status_t status, Status* failure) {
  if (status == CAIRO_STATUS_SUCCESS) return false;
  *failure = Status::Error("grafik_gagal",
                           std::string("grafik tidak dapat digambar (Cairo: ") + cairo_status_to_string(status) + ")",
                           std::string("the chart cannot be drawn (Cairo: ") + cairo_status_to_string(status) + ")");
  return true;
}

}  // namespace

Status RenderChart(const Assessment& a, ChartKind kind, ChartFormat format, Lang lang, std::string* out) {
  out->clear();
  Status failure;
  cairo_surface_t* surface = nullptr;
  if (format == ChartFormat::kSvg) {
    surface = cairo_svg_surface_create_for_stream(AppendCairoBytes, out, kChartWidth, kChartHeight);
    cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
  } else if (format == ChartFormat::kPdf) {
    surface = cairo_pdf_surface_create_for_stream(AppendCairoBytes, out, kChartWidth, kChartHeight);
    const std::string date = CreateDate();
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    std::string title, desc;
    Describe(a, kind, lang, &title, &desc);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kopsehat");
  } else {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(kChartWidth) * kPngScale,
                                         int(kChartHeight) * kPngScale);
  }
  if (CairoFailed(cairo_surface_status(surface), &failure)) {
    cairo_surface_destroy(surface);
    return failure;
  }
  cairo_t* cr = cairo_create(surface);
  if (format == ChartFormat::kPng) cairo_scale(cr, kPngScale, kPngScale);
  DrawPage(cr, a, kind, lang);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status == CAIRO_STATUS_SUCCESS && format == ChartFormat::kPng) {
    status = cairo_surface_write_to_png_stream(surface, AppendCairoBytes, out);
  }
  cairo_surface_finish(surface);  // flushes the SVG and PDF streams
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (CairoFailed(status, &failure)) {
    out->clear();
    return failure;
  }

  if (format == ChartFormat::kSvg) {
    // Cairo names the drawing's group after a process-wide surface counter ("surface21"); a fixed name keeps the
    // output the same however many charts the process drew before.
    const size_t g = out->find("<g id=\"surface");
    if (g != std::string::npos) {
      const size_t start = g + 7, end = out->find('"', start);
      const std::string id = out->substr(start, end - start);
      if (end != std::string::npos && out->find(id + "\"", end) == std::string::npos &&
          out->find("#" + id) == std::string::npos) {
        out->replace(start, end - start, "kopsehat-chart");
      }
    }
    // A <title> and <desc> right after the opening <svg ...> tag.
    const size_t svg = out->find("<svg");
    const size_t close = svg == std::string::npos ? std::string::npos : out->find('>', svg);
    if (close != std::string::npos) {
      std::string title, desc;
      Describe(a, kind, lang, &title, &desc);
      out->insert(close + 1, "\n<title>" + XmlEscape(title) + "</title>\n<desc>" + XmlEscape(desc) + "</desc>");
    }
  }
  return {};
}

std::string RadarSvgForPage(const Assessment& a, Lang lang, double width, double height) {
  std::string svg;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(AppendCairoBytes, &svg, width, height);
  cairo_t* cr = cairo_create(surface);
  DrawRadarChart(cr, a, lang, 0, 0, width, height);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return svg;
}

Status WriteChart(const Assessment& a, ChartKind kind, ChartFormat format, Lang lang, const std::string& path) {
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    return Status::Error("folder_tidak_ada", "folder '" + parent.string() + "' tidak ada",
                         "directory '" + parent.string() + "' does not exist");
  }
  std::string bytes;
  if (Status s = RenderChart(a, kind, format, lang, &bytes); !s.ok()) return s;
  return WriteOutputFile(path, bytes,
                         Status::Error("berkas_tidak_dapat_ditulis", "berkas tidak dapat ditulis", "cannot write the file"));
}

}  // namespace kopsehat
