// report/pdf_report.cc — the signed assessment report as an A4 PDF. The document is laid out twice with the same
// code: once onto a surface that discards its output, to count the pages ("Halaman 1 dari N"), then onto the file.
// Layout is a simple flow: a cursor `y` moves down the page; blocks that must stay whole (table rows, list items,
// the signature block) check the space left and start a new page when they do not fit. Text is measured with
// cairo_text_extents and wrapped (or, for numbers, shrunk) to its column, so nothing runs off the page.

#include "report/pdf_report.h"

#include "report/wording.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "core/decimal.h"
#include "core/fraction.h"
#include "core/money.h"
#include "report/chart.h"
#include "report/explain.h"
#include "report/goal_report.h"
#include "report/output.h"
#include "report/text_report.h"

namespace kopsehat {

namespace {

// Geometry in PostScript points. A4 portrait.
constexpr double kPageW = 595.0;
constexpr double kPageH = 842.0;
constexpr double kLeft = 40.0;
constexpr double kRight = kPageW - 40.0;
constexpr double kContentW = kRight - kLeft;
constexpr double kTop = 40.0;
constexpr double kBottom = kPageH - 58.0;  // content ends here; the footer sits below
constexpr double kFooterRule = kPageH - 46.0;
constexpr double kFooterBase = kPageH - 34.0;
constexpr const char* kFamily = "DejaVu Sans";

// Table metrics.
constexpr double kCellPadX = 3.0;
constexpr double kCellPadY = 3.0;
constexpr double kBodySize = 7.0;
constexpr double kHeadSize = 6.5;
constexpr double kMinSize = 5.0;  // numbers and headers shrink down to this
constexpr double kRuleMinSize = 6.0;

enum class Align { kStart, kEnd, kCenter };

struct Rgb {
  double r, g, b;
};
constexpr Rgb kBlack{0.0, 0.0, 0.0};
constexpr Rgb kGrey{0.38, 0.38, 0.38};
constexpr Rgb kRuleColor{0.62, 0.64, 0.68};
constexpr Rgb kHeadFill{0.86, 0.89, 0.94};
constexpr Rgb kZebra{0.955, 0.962, 0.975};
constexpr Rgb kTitleFill{0.925, 0.94, 0.962};
constexpr Rgb kAccent{0.11, 0.24, 0.44};
constexpr Rgb kNo{0.62, 0.12, 0.10};

double LineHeight(double size) { return size * 1.24; }
double Ascent(double size) { return size * 0.93; }


std::string Num(i128 units, int scale, int min_decimals, Lang lang) { return FormatNumber(units, scale, min_decimals, lang); }
std::string Points(int64_t e6, Lang lang) { return FormatPoints(e6, lang); }
std::string Nilai(int64_t e2, Lang lang) { return FormatNilai(e2, lang); }
std::string Pct(const Fraction& f, Lang lang) { return FormatPercent(f, lang); }

// An amount for a table column headed "(Rp)": FormatRupiah without its "Rp " prefix.
std::string Amount(const Fraction& sen, Lang lang) {
  std::string s = FormatRupiah(sen, lang);
  if (s.rfind("Rp ", 0) == 0) return s.substr(3);
  if (s.rfind("-Rp ", 0) == 0) return "-" + s.substr(4);
  return s;
}

std::string IsoUtc(long long epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "1970-01-01T00:00:00Z";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The drawing cursor over the pages of one document.
class Doc {
 public:
  Doc(cairo_t* cr, Lang lang, std::string footer, int total_pages, const ReportStamp* stamp)
      : cr_(cr), lang_(lang), footer_(std::move(footer)), total_(total_pages), stamp_(stamp) {
    if (stamp_ != nullptr && !stamp_->verify_url.empty()) QrModules(stamp_->verify_url, &qr_width_, &qr_dark_);
    PageStart();
  }
  const ReportStamp* stamp() const { return stamp_; }

  cairo_t* cr() const { return cr_; }
  Lang lang() const { return lang_; }
  int pages() const { return page_; }
  double y = kTop;

  void Font(double size, bool bold) {
    cairo_select_font_face(cr_, kFamily, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
  }

  double Measure(const std::string& s) const {
    cairo_text_extents_t e;
    cairo_text_extents(cr_, s.c_str(), &e);
    return e.x_advance;
  }

  void Color(Rgb c) const { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

  // Draws one line of text; x is the left edge, the right edge or the centre by `align`.
  void Show(double x, double baseline, const std::string& s, Align align = Align::kStart, Rgb color = kBlack) const {
    double left = x;
    if (align != Align::kStart) {
      const double w = Measure(s);
      left = align == Align::kEnd ? x - w : x - w / 2.0;
    }
    Color(color);
    cairo_move_to(cr_, left, baseline);
    cairo_show_text(cr_, s.c_str());
  }

  // The text cut to `width` with "…" when it does not fit (one line only: the footer).
  std::string Ellipsize(const std::string& s, double width) const {
    if (Measure(s) <= width) return s;
    std::string out = s;
    while (!out.empty() && Measure(out + "…") > width) {
      size_t cut = out.size() - 1;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
      out.resize(cut);
    }
    return out + "…";
  }

  // Lines of at most `width` in the current font: broken at spaces, and inside a word only when the word alone
  // is wider than the line. '\n' starts a new line.
  std::vector<std::string> Wrap(const std::string& text, double width) const {
    std::vector<std::string> lines;
    size_t start = 0;
    for (;;) {
      const size_t nl = text.find('\n', start);
      WrapParagraph(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start), width, &lines);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return lines;
  }

  void Rule(double x0, double x1, double at, double width = 0.5, Rgb color = kRuleColor) const {
    Color(color);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x0, at);
    cairo_line_to(cr_, x1, at);
    cairo_stroke(cr_);
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y = kTop;
    PageStart();
  }
  void Ensure(double height) {
    if (y + height > kBottom && y > kTop) NewPage();
  }
  double Space() const { return kBottom - y; }
  void FinishLastPage() { Footer(); }  // cairo_surface_finish emits the page

  // A paragraph at `indent` from the left margin, wrapped to the content width, flowing across pages line by line.
  void Paragraph(const std::string& text, double size, bool bold, double indent = 0.0, Rgb color = kBlack) {
    Font(size, bold);
    for (const std::string& line : Wrap(text, kContentW - indent)) {
      Ensure(LineHeight(size));
      Show(kLeft + indent, y + Ascent(size), line, Align::kStart, color);
      y += LineHeight(size);
    }
  }

  // Height of Paragraph(text, size, bold, indent) without drawing it.
  double ParagraphHeight(const std::string& text, double size, bool bold, double indent = 0.0) {
    Font(size, bold);
    return double(Wrap(text, kContentW - indent).size()) * LineHeight(size);
  }

  // A section title in capitals with a rule under it. `keep` is the height that must follow it on the same page.
  void Section(const std::string& title, double keep) {
    Ensure(32.0 + keep);
    if (y > kTop) y += 8.0;
    Font(10.5, true);
    Show(kLeft, y + Ascent(10.5), title, Align::kStart, kAccent);
    y += LineHeight(10.5) + 2.0;
    Rule(kLeft, kRight, y, 1.0, kAccent);
    y += 6.0;
  }

  // A subheading with an optional right-aligned part (a subtotal).
  double SubheadingHeight() const { return LineHeight(9.0) + 4.0; }
  void Subheading(const std::string& left, const std::string& right) {
    Font(9.0, true);
    const double right_w = right.empty() ? 0.0 : Measure(right) + 12.0;
    Show(kLeft, y + Ascent(9.0), Ellipsize(left, kContentW - right_w), Align::kStart, kAccent);
    if (!right.empty()) Show(kRight, y + Ascent(9.0), right, Align::kEnd, kAccent);
    y += SubheadingHeight();
  }

 private:
  void WrapParagraph(const std::string& p, double width, std::vector<std::string>* out) const {
    std::string line;
    bool pushed = false;
    size_t i = 0;
    while (i <= p.size()) {
      size_t sp = p.find(' ', i);
      if (sp == std::string::npos) sp = p.size();
      const std::string word = p.substr(i, sp - i);
      i = sp + 1;
      if (word.empty()) continue;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (Measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (!line.empty()) {
        out->push_back(line);
        pushed = true;
        line.clear();
      }
      if (Measure(word) <= width) {
        line = word;
        continue;
      }
      std::string piece;
      for (size_t k = 0; k < word.size();) {
        size_t len = 1;
        while (k + len < word.size() && (static_cast<unsigned char>(word[k + len]) & 0xC0) == 0x80) ++len;
        const std::string ch = word.substr(k, len);
        if (!piece.empty() && Measure(piece + ch) > width) {
          out->push_back(piece);
          pushed = true;
          piece.clear();
        }
        piece += ch;
        k += len;
      }
      line = piece;
    }
    if (!line.empty() || !pushed) out->push_back(line);
  }

  // The top of every page: the report's status (a draft in red, with a faint "DRAF" across the page drawn first,
  // under the content, so a printed draft cannot pass for the examiner's result).
  void PageStart() {
    const bool final = stamp_ != nullptr && stamp_->final;
    if (!final) {
      cairo_save(cr_);
      cairo_translate(cr_, kPageW / 2.0, kPageH / 2.0);
      cairo_rotate(cr_, -0.9);
      Font(110.0, true);
      cairo_set_source_rgb(cr_, 0.985, 0.90, 0.90);
      const std::string mark = T(lang_, "DRAF", "DRAFT");
      // Drawn as outlines, not text: it must not break the report's text apart when copied or read aloud.
      cairo_move_to(cr_, -Measure(mark) / 2.0, 38.0);
      cairo_text_path(cr_, mark.c_str());
      cairo_fill(cr_);
      cairo_restore(cr_);
    }
    // On one line, or two when a long examiner's or region's name needs them (the top margin holds two).
    Font(7.5, true);
    const std::string line = StampLine(stamp_ != nullptr ? *stamp_ : ReportStamp{}, lang_);
    const std::vector<std::string> lines = Wrap(line, kContentW);
    const Rgb color = final ? Rgb{0.10, 0.45, 0.22} : kNo;
    if (lines.size() <= 1) {
      Show(kLeft, kTop - 14.0, line, Align::kStart, color);
    } else {
      Show(kLeft, kTop - 22.0, lines[0], Align::kStart, color);
      std::string rest;
      for (size_t i = 1; i < lines.size(); ++i) rest += (i > 1 ? " " : "") + lines[i];
      Show(kLeft, kTop - 13.0, Ellipsize(rest, kContentW), Align::kStart, color);
    }
  }

  void Footer() {
    Rule(kLeft, kRight, kFooterRule, 0.5);
    // With a verification code: its text on a second line and the QR code at the right edge of the footer.
    const double qr_side = qr_width_ > 0 ? 34.0 : 0.0;
    const double right = kRight - (qr_side > 0 ? qr_side + 6.0 : 0.0);
    Font(7.0, false);
    const std::string page = lang_ == Lang::kEn
                                 ? "Page " + std::to_string(page_) + " of " + std::to_string(total_)
                                 : "Halaman " + std::to_string(page_) + " dari " + std::to_string(total_);
    Show(right, kFooterBase, page, Align::kEnd, kGrey);
    Show(kLeft, kFooterBase, Ellipsize(footer_, right - kLeft - Measure(page) - 16.0), Align::kStart, kGrey);
    if (stamp_ == nullptr) return;
    const std::string verify = VerifyLine(*stamp_, lang_);
    if (!verify.empty()) {
      Font(6.5, false);
      Show(kLeft, kFooterBase + 10.0, Ellipsize(verify, right - kLeft), Align::kStart, kGrey);
    }
    if (qr_width_ > 0) {
      const double module = qr_side / double(qr_width_);
      const double x0 = kRight - qr_side;
      const double y0 = kFooterRule + 3.0;
      cairo_set_source_rgb(cr_, 0, 0, 0);
      for (int r = 0; r < qr_width_; ++r) {
        for (int c = 0; c < qr_width_; ++c) {
          if (qr_dark_[size_t(r) * size_t(qr_width_) + size_t(c)]) {
            cairo_rectangle(cr_, x0 + c * module, y0 + r * module, module, module);
          }
        }
      }
      cairo_fill(cr_);
    }
  }

  cairo_t* cr_;
  Lang lang_;
  std::string footer_;
  int total_;
  int page_ = 1;
  const ReportStamp* stamp_;
  int qr_width_ = 0;
  std::vector<bool> qr_dark_;
};

struct Column {
  std::string head;
  double width;
  Align align;
  double min_size;  // > 0: shrinks down to this size to stay on one line before wrapping
};

struct Cell {
  std::string text;
  int span = 1;
  bool bold = false;
  Rgb color = kBlack;
};

// A table that keeps rows whole and repeats its title and header on each new page.
class Table {
 public:
  Table(Doc* doc, std::vector<Column> columns, std::string title, std::string title_right)
      : doc_(doc), columns_(std::move(columns)), title_(std::move(title)), title_right_(std::move(title_right)) {}

  // Draws the title and the header, on a new page when they and the first rows (up to three) would not fit.
  void Begin(const std::vector<std::vector<Cell>>& rows) {
    double need = (title_.empty() ? 0.0 : doc_->SubheadingHeight()) + HeaderHeight();
    for (size_t i = 0; i < rows.size() && i < 3; ++i) need += Height(rows[i]);
    doc_->Ensure(need + 2.0);
    if (!title_.empty()) doc_->Subheading(title_, title_right_);
    Header();
  }

  void Row(const std::vector<Cell>& cells) { Group({cells}, false); }

  // Rows kept together on one page; with `titled`, the first is a full-width title row (shaded, bold).
  void Group(const std::vector<std::vector<Cell>>& rows, bool titled) {
    std::vector<std::vector<Laid>> laid;
    double total = 0.0;
    for (const auto& cells : rows) {
      laid.push_back(Layout(cells, kBodySize, false));
      total += HeightOf(laid.back());
    }
    if (doc_->y + total > kBottom) {
      doc_->NewPage();
      if (!title_.empty()) {
        doc_->Subheading(title_ + T(doc_->lang(), " (lanjutan)", " (continued)"), title_right_);
      }
      Header();
    }
    const bool zebra = !titled && row_++ % 2 == 1;
    for (size_t i = 0; i < laid.size(); ++i) {
      const double h = HeightOf(laid[i]);
      if (titled && i == 0) {
        Fill(doc_->y, h, kTitleFill);
      } else if (zebra) {
        Fill(doc_->y, h, kZebra);
      }
      Draw(laid[i], doc_->y, h);
      doc_->y += h;
    }
  }

  void End() { doc_->y += 8.0; }

 private:
  struct Laid {
    double x;
    double w;
    Align align;
    double size;
    bool bold;
    Rgb color;
    std::vector<std::string> lines;
  };

  std::vector<Cell> HeaderCells() const {
    std::vector<Cell> cells;
    for (const Column& c : columns_) cells.push_back(Cell{c.head, 1, true, kBlack});
    return cells;
  }
  double HeaderHeight() { return HeightOf(Layout(HeaderCells(), kHeadSize, true)); }
  double Height(const std::vector<Cell>& cells) { return HeightOf(Layout(cells, kBodySize, false)); }

  void Header() {
    const std::vector<Laid> laid = Layout(HeaderCells(), kHeadSize, true);
    const double h = HeightOf(laid);
    Fill(doc_->y, h, kHeadFill);
    Draw(laid, doc_->y, h);
    doc_->y += h;
    row_ = 0;
  }

  std::vector<Laid> Layout(const std::vector<Cell>& cells, double size, bool header) const {
    std::vector<Laid> out;
    double x = kLeft;
    size_t col = 0;
    for (const Cell& cell : cells) {
      if (col >= columns_.size()) break;
      const size_t span = std::min(columns_.size() - col, size_t(std::max(1, cell.span)));
      double w = 0.0;
      for (size_t k = col; k < col + span; ++k) w += columns_[k].width;
      const Column& c = columns_[col];
      const bool bold = cell.bold || header;
      const double avail = w - 2.0 * kCellPadX;
      double s = size;
      doc_->Font(s, bold);
      if (header) {
        // Header words never break: shrink until the widest word fits.
        double widest = 0.0;
        for (const std::string& word : doc_->Wrap(cell.text, 1e9)) widest = std::max(widest, WidestWord(word));
        while (widest > avail && s > kMinSize) {
          s -= 0.25;
          doc_->Font(s, bold);
          widest = 0.0;
          for (const std::string& word : doc_->Wrap(cell.text, 1e9)) widest = std::max(widest, WidestWord(word));
        }
      } else if (c.min_size > 0.0 && span == 1) {
        // Numbers and short rules shrink to stay on one line; text too long even then wraps at the normal size.
        while (doc_->Measure(cell.text) > avail && s > c.min_size) {
          s = std::max(c.min_size, s - 0.25);
          doc_->Font(s, bold);
        }
        if (doc_->Measure(cell.text) > avail) {
          s = size;
          doc_->Font(s, bold);
        }
      }
      const Align align = span == 1 ? c.align : Align::kStart;
      out.push_back(Laid{x, w, header && align == Align::kEnd ? Align::kEnd : align, s, bold, cell.color,
                         doc_->Wrap(cell.text, avail)});
      x += w;
      col += span;
    }
    return out;
  }

  double WidestWord(const std::string& line) const {
    double w = 0.0;
    size_t i = 0;
    while (i <= line.size()) {
      size_t sp = line.find(' ', i);
      if (sp == std::string::npos) sp = line.size();
      w = std::max(w, doc_->Measure(line.substr(i, sp - i)));
      i = sp + 1;
    }
    return w;
  }

  static double HeightOf(const std::vector<Laid>& laid) {
    double h = 0.0;
    for (const Laid& l : laid) h = std::max(h, double(l.lines.size()) * LineHeight(l.size));
    return h + 2.0 * kCellPadY;
  }

  void Fill(double top, double h, Rgb color) const {
    cairo_t* cr = doc_->cr();
    doc_->Color(color);
    cairo_rectangle(cr, kLeft, top, TotalWidth(), h);
    cairo_fill(cr);
  }

  double TotalWidth() const {
    double w = 0.0;
    for (const Column& c : columns_) w += c.width;
    return w;
  }

  void Draw(const std::vector<Laid>& laid, double top, double h) const {
    for (const Laid& l : laid) {
      doc_->Font(l.size, l.bold);
      double baseline = top + kCellPadY + Ascent(l.size);
      for (const std::string& line : l.lines) {
        const double x = l.align == Align::kStart    ? l.x + kCellPadX
                         : l.align == Align::kEnd ? l.x + l.w - kCellPadX
                                                    : l.x + l.w / 2.0;
        doc_->Show(x, baseline, line, l.align, l.color);
        baseline += LineHeight(l.size);
      }
    }
    // Grid: the row's box and the borders between its cells.
    cairo_t* cr = doc_->cr();
    doc_->Color(kRuleColor);
    cairo_set_line_width(cr, 0.4);
    cairo_rectangle(cr, kLeft, top, TotalWidth(), h);
    for (size_t i = 1; i < laid.size(); ++i) {
      cairo_move_to(cr, laid[i].x, top);
      cairo_line_to(cr, laid[i].x, top + h);
    }
    cairo_stroke(cr);
  }

  Doc* doc_;
  std::vector<Column> columns_;
  std::string title_;
  std::string title_right_;
  int row_ = 0;
};

// What every kind of report draws the same way: the title, key/value lines, list items, the signature block.
class ReportBase {
 public:
  ReportBase(Lang lang, Doc* doc) : lang_(lang), d_(*doc) {}

 protected:
  const char* L(const char* id, const char* en) const { return T(lang_, id, en); }

  void Title(const std::string& title) {
    d_.Font(13.5, true);
    for (const std::string& line : d_.Wrap(title, kContentW)) {
      d_.Show(kPageW / 2.0, d_.y + Ascent(13.5), line, Align::kCenter, kAccent);
      d_.y += LineHeight(13.5);
    }
    d_.y += 3.0;
    d_.Rule(kLeft, kRight, d_.y, 1.2, kAccent);
    d_.y += 8.0;
  }

  // Cooperative identity lines shared by every report.
  void Identity(const CooperativeIdentity& k, const std::string& period) {
    KeyValue(L("Nama koperasi", "Cooperative"), k.nama.empty() ? "—" : k.nama, true);
    if (!k.jenis.empty()) KeyValue(L("Jenis", "Type"), k.jenis, false);
    if (!k.nomor_badan_hukum.empty()) KeyValue(L("Nomor badan hukum", "Legal entity number"), k.nomor_badan_hukum, false);
    if (!k.kabupaten.empty() || !k.provinsi.empty()) {
      KeyValue(L("Kabupaten/kota, provinsi", "Regency/city, province"),
               k.kabupaten + (!k.kabupaten.empty() && !k.provinsi.empty() ? ", " : "") + k.provinsi, false);
    }
    KeyValue(L("Periode", "Period"), period, false);
  }

  void MethodLines(const std::string& id, const std::string& version, const Label& name, const std::string& origin) {
    KeyValue(L("Metode penilaian", "Assessment method"), id + L(" versi ", " version ") + version + " — " + name.Get(lang_),
             false);
    KeyValue(L("Rulebook", "Rulebook"),
             origin == "bawaan" ? std::string(L("bawaan (tertanam dalam program)", "embedded in the program"))
                                : std::string(L("dari berkas ", "from the file ")) + origin,
             false);
    d_.y += 6.0;
  }

  void KeyValue(const std::string& key, const std::string& value, bool bold) {
    constexpr double kKeyW = 132.0;
    constexpr double kSize = 9.0;
    d_.Font(kSize, bold);
    const std::vector<std::string> lines = d_.Wrap(value, kContentW - kKeyW);
    d_.Ensure(double(lines.size()) * LineHeight(kSize));
    d_.Font(kSize, false);
    d_.Show(kLeft, d_.y + Ascent(kSize), key, Align::kStart, kGrey);
    d_.Font(kSize, bold);
    for (const std::string& line : lines) {
      d_.Show(kLeft + kKeyW, d_.y + Ascent(kSize), line);
      d_.y += LineHeight(kSize) + 1.5;
    }
  }

  // A numbered or bulleted list item: a bold first part and a plain continuation, kept on one page.
  void Item(const std::string& marker, const std::string& head, const std::string& body) {
    constexpr double kIndent = 16.0;
    constexpr double kSize = 8.5;
    double h = 0.0;
    if (!head.empty()) h += d_.ParagraphHeight(head, kSize, true, kIndent);
    if (!body.empty()) h += d_.ParagraphHeight(body, kSize, false, kIndent);
    if (h < kBottom - kTop) d_.Ensure(h);
    d_.Font(kSize, !head.empty());
    d_.Show(kLeft + kIndent - 4.0, d_.y + Ascent(kSize), marker, Align::kEnd);
    if (!head.empty()) d_.Paragraph(head, kSize, true, kIndent);
    if (!body.empty()) d_.Paragraph(body, kSize, false, kIndent);
    d_.y += 3.0;
  }

  void Source(const std::string& source, const std::string& note) {
    d_.Section(L("SUMBER METODE", "METHOD SOURCE"), 24.0);
    d_.Paragraph(source, 8.5, false);
    if (!note.empty()) {
      d_.y += 2.0;
      d_.Paragraph(std::string(L("Catatan: ", "Note: ")) + note, 8.5, false, 0.0, kGrey);
    }
  }

  // The block is kept on one page and names what is signed, so a signature page stands on its own.
  void Signatures(const std::string& what) {
    constexpr double kSign = 14.0 + 58.0 + 26.0;
    const double text_h = d_.ParagraphHeight(what, 9.0, false) + 8.0 + 30.0;
    d_.Section(L("PENGESAHAN", "SIGNATURES"), text_h + kSign);
    d_.Paragraph(what, 9.0, false);
    d_.y += 8.0;
    d_.Font(9.0, false);
    d_.Show(kLeft, d_.y + Ascent(9.0), L("Tempat, tanggal: ______________________________",
                                         "Place, date: ______________________________"));
    d_.y += 30.0;
    const char* roles[] = {L("Penilai", "Assessor"), L("Ketua Pengurus", "Chair of the Board"),
                           L("Pengawas", "Supervisor")};
    const double col = kContentW / 3.0;
    for (int i = 0; i < 3; ++i) {
      const double cx = kLeft + col * (i + 0.5);
      d_.Font(9.0, true);
      d_.Show(cx, d_.y + Ascent(9.0), roles[i], Align::kCenter);
      d_.Rule(cx - col / 2.0 + 18.0, cx + col / 2.0 - 18.0, d_.y + 14.0 + 58.0, 0.6, kBlack);
      d_.Font(7.5, false);
      d_.Show(cx - col / 2.0 + 18.0, d_.y + 14.0 + 58.0 + 11.0, L("Nama:", "Name:"), Align::kStart, kGrey);
    }
    d_.y += kSign;
  }

  Lang lang_;
  Doc& d_;
};

// Everything one report needs while it is drawn.
class Report : public ReportBase {
 public:
  Report(const Assessment& a, Lang lang, Doc* doc) : ReportBase(lang, doc), a_(a) {
    std::vector<int> per_aspect(a.aspects.size(), 0);
    for (const ComponentResult& r : a.components) {
      const size_t ai = size_t(r.spec->aspect_index);
      numbers_.push_back(std::to_string(ai + 1) + "." + std::to_string(++per_aspect[ai]));
    }
  }

  void Draw() {
    Header();
    ResultBox();
    Summary();
    Components();
    Checklist();
    Charts();
    Losses();
    Warnings();
    Corrections();
    Source();
    Signatures();
    MethodNotes();
    d_.FinishLastPage();
  }

 private:
  void Header() {
    const Rulebook& rb = *a_.rulebook;
    Title(L("LAPORAN PENILAIAN KESEHATAN KOPERASI SIMPAN PINJAM", "SAVINGS-AND-LOAN COOPERATIVE HEALTH ASSESSMENT REPORT"));
    Identity(a_.cooperative, std::string(L("Tahun buku berakhir ", "Financial year ending ")) +
                              FormatDateLong(a_.periode_akhir, lang_));
    if (rb.kuk) {
      KeyValue(L("Kelompok usaha (KUK)", "Business class (KUK)"),
               std::to_string(a_.kuk) + (a_.kuk_suggested ? L(" — saran Kopsehat, belum ditetapkan pemeriksa",
                                                               " — Kopsehat's suggestion, not set by the examiner")
                                                          : L(" — ditetapkan pemeriksa", " — set by the examiner")),
               false);
    }
    MethodLines(rb.id, rb.version, rb.name, rb.origin);
    // A method outside its period is said before any figure: the reader must not take it as the examiner's result.
    for (const Warning& w : a_.warnings) {
      if (w.code != "di_luar_masa_berlaku") continue;
      KeyValue(L("PERHATIAN", "ATTENTION"), WarningText(w, a_, lang_), true);
      d_.y += 6.0;
    }
  }

  Rgb PredikatColor() const {
    static constexpr Rgb kScale[] = {{0.10, 0.45, 0.22}, {0.13, 0.36, 0.60}, {0.78, 0.45, 0.05}, {0.70, 0.13, 0.12}};
    const size_t n = a_.rulebook->predikat.size();
    if (n <= 1 || a_.predikat < 0) return kAccent;
    const size_t i = (size_t(a_.predikat) * 3 + (n - 1) / 2) / (n - 1);
    return kScale[std::min<size_t>(i, 3)];
  }

  void ResultBox() {
    constexpr double kPad = 10.0;
    const double half = kContentW / 2.0;
    std::string note;
    if (a_.manajemen_excluded) {
      note = lang_ == Lang::kEn
                 ? "Assessed without the management checklist: the total excludes the Manajemen aspect; the maximum is " +
                       Num(a_.max_total_e6, 6, 0, lang_) + ", not 100."
                 : "Dinilai tanpa daftar periksa manajemen: skor total tidak memuat aspek Manajemen; skor maksimal " +
                       Num(a_.max_total_e6, 6, 0, lang_) + ", bukan 100.";
    }
    d_.Font(8.0, false);
    const std::vector<std::string> note_lines = note.empty() ? std::vector<std::string>{} : d_.Wrap(note, kContentW - 2 * kPad);
    const double h = 70.0 + (note_lines.empty() ? 0.0 : double(note_lines.size()) * LineHeight(8.0) + 6.0);
    d_.Ensure(h);
    const double top = d_.y;
    const Rgb color = PredikatColor();
    cairo_t* cr = d_.cr();
    cairo_set_source_rgb(cr, 0.96, 0.97, 0.985);
    cairo_rectangle(cr, kLeft, top, kContentW, h);
    cairo_fill(cr);
    d_.Color(color);
    cairo_rectangle(cr, kLeft, top, 6.0, h);
    cairo_fill(cr);
    cairo_set_line_width(cr, 1.2);
    cairo_rectangle(cr, kLeft, top, kContentW, h);
    cairo_stroke(cr);
    d_.Color(kRuleColor);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kLeft + half, top + 10.0);
    cairo_line_to(cr, kLeft + half, top + 60.0);
    cairo_stroke(cr);

    const PredikatRule& p = a_.Predikat();
    d_.Font(8.0, true);
    d_.Show(kLeft + 18.0, top + 18.0, L("PREDIKAT", "RATING"), Align::kStart, kGrey);
    d_.Font(24.0, true);
    d_.Show(kLeft + 18.0, top + 46.0, d_.Ellipsize(p.label, half - 30.0), Align::kStart, color);
    if (lang_ == Lang::kEn && !p.name.en.empty()) {
      d_.Font(9.0, false);
      d_.Show(kLeft + 18.0, top + 60.0, d_.Ellipsize(p.name.en, half - 30.0), Align::kStart, kGrey);
    }

    const double rx = kLeft + half + 18.0;
    d_.Font(8.0, true);
    d_.Show(rx, top + 18.0, L("SKOR TOTAL", "TOTAL SCORE"), Align::kStart, kGrey);
    const std::string total = Points(a_.total_e6, lang_);
    d_.Font(24.0, true);
    d_.Show(rx, top + 46.0, total, Align::kStart, kBlack);
    const double tw = d_.Measure(total);
    d_.Font(12.0, false);
    d_.Show(rx + tw + 6.0, top + 46.0, std::string(L("dari ", "of ")) + Num(a_.max_total_e6, 6, 0, lang_), Align::kStart,
            kGrey);
    double ny = top + 70.0;
    d_.Font(8.0, false);
    for (const std::string& line : note_lines) {
      d_.Show(kLeft + kPad + 6.0, ny + Ascent(8.0), line, Align::kStart, kNo);
      ny += LineHeight(8.0);
    }
    d_.y = top + h + 6.0;
  }

  // persentase_skor: per aspect its pooled percentage, predikat, weight and contribution to the final score.
  void SummaryScorePercent() {
    Table t(&d_,
            {{L("Aspek", "Aspect"), 215.0, Align::kStart, 0.0},
             {L("Σ skor", "Σ score"), 60.0, Align::kEnd, kMinSize},
             {L("Persen", "Percent"), 55.0, Align::kEnd, kMinSize},
             {"Predikat", 95.0, Align::kStart, kMinSize},
             {L("Bobot", "Weight"), 40.0, Align::kEnd, kMinSize},
             {L("Kontribusi", "Points"), 50.0, Align::kEnd, kMinSize}},
            "", "");
    std::vector<std::vector<Cell>> rows;
    for (size_t i = 0; i < a_.aspects.size(); ++i) {
      const AspectResult& asp = a_.aspects[i];
      rows.push_back({{std::to_string(i + 1) + ". " + asp.spec->name.Get(lang_)},
                      {Num(asp.pool.sum_e6, 6, 0, lang_) + " / " + Num(asp.pool.sum_max_e6, 6, 0, lang_)},
                      {Num(asp.pool.pct_e6, 6, 2, lang_)},
                      {a_.PredikatOf(asp.pool).label},
                      {Nilai(asp.spec->bobot_e2, lang_)},
                      {Points(asp.skor_e6, lang_), 1, true}});
    }
    rows.push_back({{L("Skor akhir (dibulatkan)", "Final score (rounded)"), 1, true},
                    {""},
                    {""},
                    {a_.Predikat().label, 1, true},
                    {"100"},
                    {Points(a_.total_e6, lang_), 1, true}});
    d_.Section(L("RINGKASAN PER ASPEK", "SUMMARY BY ASPECT"), 40.0);
    t.Begin(rows);
    for (const auto& row : rows) t.Row(row);
    t.End();
  }

  void Summary() {
    if (a_.rulebook->ScorePercent()) {
      SummaryScorePercent();
      return;
    }
    Table t(&d_,
            {{L("Aspek", "Aspect"), 305.0, Align::kStart, 0.0},
             {L("Bobot", "Weight"), 70.0, Align::kEnd, kMinSize},
             {L("Skor maksimal", "Maximum score"), 70.0, Align::kEnd, kMinSize},
             {L("Skor", "Score"), 70.0, Align::kEnd, kMinSize}},
            "", "");
    std::vector<std::vector<Cell>> rows;
    for (size_t i = 0; i < a_.aspects.size(); ++i) {
      const AspectResult& asp = a_.aspects[i];
      rows.push_back({{std::to_string(i + 1) + ". " + asp.spec->name.Get(lang_)},
                      {Nilai(asp.spec->bobot_e2, lang_)},
                      {Points(asp.max_e6, lang_)},
                      {Points(asp.skor_e6, lang_), 1, true}});
    }
    int64_t bobot = 0;
    for (const AspectResult& asp : a_.aspects) bobot += asp.spec->bobot_e2;
    rows.push_back({{L("Jumlah", "Total"), 1, true},
                    {Nilai(bobot, lang_), 1, true},
                    {Points(a_.max_total_e6, lang_), 1, true},
                    {Points(a_.total_e6, lang_), 1, true}});
    d_.Section(L("RINGKASAN PER ASPEK", "SUMMARY BY ASPECT"), 40.0);
    t.Begin(rows);
    for (const auto& row : rows) t.Row(row);
    t.End();
  }

  std::string RuleText(const ComponentResult& r) const {
    const Component& c = *r.spec;
    if (r.zero_denominator) return L("penyebut nol", "zero denominator");
    if (c.linear) {
      const LinearRule& l = c.linear_rule;
      return std::string("r = ") + std::to_string(r.linear_r) + "; nilai = " + Nilai(l.intercept_e2, lang_) +
             (l.slope_e2 < 0 ? " − " : " + ") + Nilai(l.slope_e2 < 0 ? -l.slope_e2 : l.slope_e2, lang_) + " × r, " +
             L("dibatasi ", "clamped to ") + Nilai(l.min_e2, lang_) + ".." + Nilai(l.max_e2, lang_);
    }
    if (r.band < 0 || size_t(r.band) >= c.bands.size()) return "—";
    return IntervalText(c.bands[size_t(r.band)].range, lang_);
  }

  // The first figures of a ratio row, the same in both layouts: formula, numerator, denominator, ratio.
  std::vector<Cell> RatioCells(const ComponentResult& r) const {
    const Component& c = *r.spec;
    return {{OperandName(c.numerator_name.Get(lang_)) + " / " + OperandName(c.denominator_name.Get(lang_)) +
             " ×\u00a0100\u00a0%"},
            {Amount(r.numerator_sen, lang_)},
            {Amount(r.denominator_sen, lang_)},
            {r.zero_denominator ? "—" : Pct(r.ratio_pct, lang_)}};
  }

  std::string ChecklistCount(const ComponentResult& r) const {
    if (!r.scored) return L("tidak dinilai", "not scored");
    return std::to_string(r.yes) + L(" dari ", " of ") + std::to_string(r.items);
  }

  // persentase_skor: per aspect one table; a sub-aspect's components follow its own heading row; each component
  // two rows (name; figures with nilai and skor).
  void ComponentsScorePercent() {
    d_.Section(L("PENILAIAN PER INDIKATOR", "INDICATOR SCORES"), 80.0);
    for (size_t ai = 0; ai < a_.aspects.size(); ++ai) {
      const AspectResult& asp = a_.aspects[ai];
      Table t(&d_,
              {{L("Rumus / butir", "Formula / items"), 160.0, Align::kStart, 0.0},
               {L("Pembilang", "Numerator"), 78.0, Align::kEnd, kMinSize},
               {L("Penyebut", "Denominator"), 78.0, Align::kEnd, kMinSize},
               {L("Rasio", "Ratio"), 48.0, Align::kEnd, kMinSize},
               {L("Pita", "Band"), 72.0, Align::kStart, kRuleMinSize},
               {"Nilai", 32.0, Align::kEnd, kMinSize},
               {L("Skor", "Score"), 47.0, Align::kEnd, kMinSize}},
              std::to_string(ai + 1) + ". " + asp.spec->name.Get(lang_),
              Num(asp.pool.pct_e6, 6, 2, lang_) + " % — " + a_.PredikatOf(asp.pool).label);
      std::vector<std::vector<std::vector<Cell>>> groups;
      int sub = -1;
      for (size_t i = 0; i < a_.components.size(); ++i) {
        const ComponentResult& r = a_.components[i];
        const Component& c = *r.spec;
        if (c.aspect_index != int(ai)) continue;
        std::vector<Cell> name_row = {{numbers_[i] + " " + c.name.Get(lang_), 7, true}};
        if (c.sub_aspect_index >= 0 && c.sub_aspect_index != sub) {
          sub = c.sub_aspect_index;
          const SubAspectResult& sr = a_.sub_aspects[size_t(sub)];
          groups.push_back({{{sr.spec->name.Get(lang_) + " — " + Num(sr.pool.sum_e6, 6, 0, lang_) + " / " +
                                  Num(sr.pool.sum_max_e6, 6, 0, lang_) + " = " + Num(sr.pool.pct_e6, 6, 2, lang_) +
                                  " % (" + a_.PredikatOf(sr.pool).label + ")",
                              7, true, kAccent}}});
        }
        const std::string skor = c.informational ? std::string(L("informasi", "information"))
                                                 : Points(r.skor_e6, lang_) + " / " + Points(r.max_e6, lang_);
        if (c.kind == ComponentKind::kChecklist) {
          groups.push_back({name_row,
                            {{std::to_string(r.yes) + L(" dari ", " of ") + std::to_string(r.items) +
                                  L(" butir terpenuhi", " items met"),
                              3},
                             {Pct(r.ratio_pct, lang_)},
                             {RuleText(r)},
                             {Nilai(r.nilai_e2, lang_)},
                             {skor, 1, true}}});
          continue;
        }
        std::vector<Cell> figures = RatioCells(r);
        figures.push_back({c.informational ? "—" : RuleText(r)});
        figures.push_back({c.informational ? "—" : Nilai(r.nilai_e2, lang_)});
        figures.push_back({skor, 1, true});
        groups.push_back({name_row, figures});
      }
      if (groups.empty()) continue;
      t.Begin(groups.front());
      for (const auto& g : groups) t.Group(g, true);
      t.End();
    }
  }

  void Components() {
    if (a_.rulebook->ScorePercent()) {
      ComponentsScorePercent();
      return;
    }
    d_.Section(L("PENILAIAN PER KOMPONEN", "COMPONENT SCORES"), 80.0);
    for (size_t ai = 0; ai < a_.aspects.size(); ++ai) {
      const AspectResult& asp = a_.aspects[ai];
      std::vector<const ComponentResult*> rs;
      std::vector<size_t> idx;
      bool all_checklist = true;
      for (size_t i = 0; i < a_.components.size(); ++i) {
        if (a_.components[i].spec->aspect_index != int(ai)) continue;
        rs.push_back(&a_.components[i]);
        idx.push_back(i);
        all_checklist = all_checklist && a_.components[i].spec->kind == ComponentKind::kChecklist;
      }
      const std::string title = std::to_string(ai + 1) + ". " + asp.spec->name.Get(lang_);
      const std::string right =
          asp.max_e6 == 0 && asp.spec->bobot_e2 != 0
              ? std::string(L("tidak dinilai", "not scored"))
              : std::string(L("skor ", "score ")) + Points(asp.skor_e6, lang_) + L(" dari ", " of ") +
                    Nilai(asp.spec->bobot_e2, lang_);
      std::vector<std::vector<Cell>> rows;
      if (all_checklist) {
        Table t(&d_,
                {{L("Komponen", "Component"), 215.0, Align::kStart, 0.0},
                 {L("Butir dijawab 'ya'", "Items answered 'yes'"), 110.0, Align::kEnd, 0.0},
                 {L("Poin per 'ya'", "Points per 'yes'"), 65.0, Align::kEnd, kMinSize},
                 {L("Bobot", "Weight"), 60.0, Align::kEnd, kMinSize},
                 {L("Skor", "Score"), 65.0, Align::kEnd, kMinSize}},
                title, right);
        for (size_t k = 0; k < rs.size(); ++k) {
          const ComponentResult& r = *rs[k];
          rows.push_back({{numbers_[idx[k]] + " " + r.spec->name.Get(lang_)},
                          {ChecklistCount(r)},
                          {Num(r.spec->points_per_yes_e6, 6, 2, lang_)},
                          {Nilai(r.spec->bobot_e2, lang_)},
                          {Points(r.skor_e6, lang_), 1, true}});
        }
        if (rows.empty()) continue;
        t.Begin(rows);
        for (const auto& row : rows) t.Row(row);
        t.End();
        continue;
      }
      // Each component is two rows kept together: its name across the table, then its figures.
      Table t(&d_,
              {{L("Rumus", "Formula"), 150.0, Align::kStart, 0.0},
               {L("Pembilang (Rp)", "Numerator (Rp)"), 74.0, Align::kEnd, kMinSize},
               {L("Penyebut (Rp)", "Denominator (Rp)"), 74.0, Align::kEnd, kMinSize},
               {L("Rasio", "Ratio"), 42.0, Align::kEnd, kMinSize},
               {L("Pita / aturan", "Band / rule"), 72.0, Align::kStart, kRuleMinSize},
               {"Nilai", 32.0, Align::kEnd, kMinSize},
               {L("Bobot", "Weight"), 32.0, Align::kEnd, kMinSize},
               {L("Skor", "Score"), 39.0, Align::kEnd, kMinSize}},
              title, right);
      std::vector<std::vector<std::vector<Cell>>> groups;
      for (size_t k = 0; k < rs.size(); ++k) {
        const ComponentResult& r = *rs[k];
        const Component& c = *r.spec;
        std::vector<Cell> name_row = {{numbers_[idx[k]] + " " + c.name.Get(lang_), 8, true}};
        if (c.kind == ComponentKind::kChecklist) {
          const std::string what = r.scored ? ChecklistCount(r) + L(" butir dijawab 'ya' × ", " items answered 'yes' × ") +
                                                  Num(c.points_per_yes_e6, 6, 2, lang_) + L(" poin", " points")
                                            : ChecklistCount(r);
          groups.push_back({name_row,
                            {{what, 5}, {"—"}, {Nilai(c.bobot_e2, lang_)}, {Points(r.skor_e6, lang_), 1, true}}});
          continue;
        }
        std::vector<Cell> figures = RatioCells(r);
        figures.push_back({RuleText(r)});
        figures.push_back({Nilai(r.nilai_e2, lang_)});
        figures.push_back({Nilai(c.bobot_e2, lang_)});
        figures.push_back({Points(r.skor_e6, lang_), 1, true});
        groups.push_back({name_row, figures});
      }
      if (groups.empty()) continue;
      t.Begin(groups.front());
      for (const auto& g : groups) t.Group(g, true);
      t.End();
    }
  }

  void Checklist() {
    bool any = false;
    for (const ComponentResult& r : a_.components) any = any || r.spec->kind == ComponentKind::kChecklist;
    if (!any) return;
    d_.Section(a_.rulebook->ScorePercent() ? L("DAFTAR PERIKSA", "CHECKLISTS")
                                           : L("DAFTAR PERIKSA MANAJEMEN", "MANAGEMENT CHECKLIST"),
               60.0);
    for (size_t i = 0; i < a_.components.size(); ++i) {
      const ComponentResult& r = a_.components[i];
      const Component& c = *r.spec;
      if (c.kind != ComponentKind::kChecklist) continue;
      bool derivable = false;
      for (const ChecklistItem& item : c.items) derivable = derivable || item.derivation.has_value();
      std::vector<Column> cols = {{L("No.", "No."), 24.0, Align::kEnd, 0.0},
                                  {L("Butir", "Item"), 0.0, Align::kStart, 0.0},
                                  {L("Jawaban", "Answer"), 46.0, Align::kCenter, 0.0}};
      if (derivable) cols.push_back({L("Menurut buku", "Per the books"), 160.0, Align::kStart, 0.0});
      double rest = kContentW;
      for (const Column& col : cols) rest -= col.width;
      cols[1].width = rest;
      const std::string right =
          r.pooled ? ChecklistCount(r) + " = " + Pct(r.ratio_pct, lang_) + " → nilai " + Nilai(r.nilai_e2, lang_)
          : r.scored ? ChecklistCount(r) + L(" 'ya' × ", " 'yes' × ") + Num(c.points_per_yes_e6, 6, 2, lang_) + " = " +
                           Points(r.skor_e6, lang_)
                     : std::string(L("tidak dinilai", "not scored"));
      Table t(&d_, cols, numbers_[i] + " " + c.name.Get(lang_), right);
      std::vector<std::vector<Cell>> rows;
      for (size_t k = 0; k < c.items.size(); ++k) {
        std::vector<Cell> row;
        row.push_back({std::to_string(k + 1)});
        row.push_back({c.items[k].text.Get(lang_)});
        if (!r.scored) {
          row.push_back({"—"});
        } else if (k < r.answers.size() && r.answers[k]) {
          row.push_back({L("Ya", "Yes")});
        } else {
          row.push_back({L("Tidak", "No"), 1, true, kNo});
        }
        if (derivable) {
          std::string books;
          Rgb color = kBlack;
          for (const DerivedAnswer& da : r.derived) {
            if (da.item != int(k)) continue;
            if (da.answerable) {
              books = std::string(da.books_say ? L("ya", "yes") : L("tidak", "no")) + " — " +
                      ExplainDerived(da, lang_);
            } else {
              books = ExplainDerived(da, lang_);
            }
            if (da.conflict) {
              books += L(" (BERBEDA dengan jawaban)", " (DIFFERS from the answer)");
              color = kNo;
            }
          }
          row.push_back({books, 1, false, color});
        }
        rows.push_back(std::move(row));
      }
      if (rows.empty()) continue;
      t.Begin(rows);
      for (const auto& row : rows) t.Row(row);
      t.End();
    }
  }

  // The charts carry their own titles and legends.
  void Charts() {
    constexpr double kRadarH = 300.0;
    constexpr double kBarsH = 260.0;
    d_.Section(L("GRAFIK", "CHARTS"), kRadarH);
    Chart(kRadarH, true);
    d_.y += 14.0;
    d_.Ensure(kBarsH);
    Chart(kBarsH, false);
  }

  void Chart(double height, bool radar) {
    cairo_t* cr = d_.cr();
    cairo_save(cr);
    cairo_rectangle(cr, kLeft, d_.y, kContentW, height);
    cairo_clip(cr);
    cairo_new_path(cr);
    if (radar) {
      DrawRadarChart(cr, a_, lang_, kLeft, d_.y, kContentW, height);
    } else {
      DrawLossBarsChart(cr, a_, lang_, kLeft, d_.y, kContentW, height);
    }
    cairo_restore(cr);
    cairo_new_path(cr);
    d_.y += height;
  }

  void Losses() {
    const auto losses = BiggestLosses(a_, 3);
    if (losses.empty()) return;
    d_.Section(L("KOMPONEN YANG PALING BANYAK KEHILANGAN POIN", "COMPONENTS THAT LOSE THE MOST POINTS"), 30.0);
    int n = 0;
    for (const ComponentResult* r : losses) {
      const size_t i = size_t(r - a_.components.data());
      const std::string head = numbers_[i] + " " + r->spec->name.Get(lang_) + L(": kehilangan ", ": loses ") +
                               FormatLoss(*r, lang_) + L(" poin", " points") +
                               (r->pooled ? L(" skor akhir", " of the final score") : "");
      std::string body;
      if (r->pooled && r->spec->kind == ComponentKind::kChecklist) {
        body = std::to_string(r->items - r->yes) + L(" butir belum terpenuhi; ", " items not met; ") +
               (r->next.exists ? NextStepText(*r, lang_) : std::string());
      } else if (r->spec->kind == ComponentKind::kChecklist) {
        body = std::to_string(r->items - r->yes) +
               L(" butir dijawab 'tidak'; tiap 'ya' menambah ", " items answered 'no'; each 'yes' adds ") +
               Num(r->spec->points_per_yes_e6, 6, 2, lang_) + L(" poin", " points");
      } else if (r->zero_denominator) {
        body = L("penyebut nol; lihat peringatan", "zero denominator; see the warnings");
      } else {
        body = std::string(L("rasio ", "ratio ")) + Pct(r->ratio_pct, lang_) + "; " +
               (r->next.exists ? NextStepText(*r, lang_)
                               : std::string(L("sudah di pita terbaik yang terjangkau", "already in the best reachable band")));
      }
      Item(std::to_string(++n) + ".", head, body);
    }
  }

  void Warnings() {
    const auto listed = [](const Warning& w) { return w.code != "di_luar_masa_berlaku"; };  // said in the header
    if (std::none_of(a_.warnings.begin(), a_.warnings.end(), listed)) return;
    d_.Section(L("PERINGATAN", "WARNINGS"), 30.0);
    for (const Warning& w : a_.warnings) {
      if (!listed(w)) continue;
      Item("•", "", WarningText(w, a_, lang_));  // internal codes stay in the JSON result
    }
  }

  // Every change the examiner made (label, original, new value, reason, who, when) and the evidence files: what
  // the signed result rests on besides the cooperative's own figures.
  void Corrections() {
    const ReportStamp* st = d_.stamp();
    if (st == nullptr || (st->corrections.empty() && st->evidence.empty())) return;
    d_.Section(L("KOREKSI PEMERIKSA", "EXAMINER'S CORRECTIONS"), 40.0);
    if (!st->corrections.empty()) {
      Table t(&d_,
              {{L("Isian", "Field"), 120.0, Align::kStart, 0.0},
               {L("Semula", "Original"), 62.0, Align::kEnd, kMinSize},
               {L("Menjadi", "Changed to"), 62.0, Align::kEnd, kMinSize},
               {L("Alasan", "Reason"), 158.0, Align::kStart, 0.0},
               {L("Oleh, waktu", "By, when"), 113.0, Align::kStart, 0.0}},
              "", "");
      std::vector<std::vector<Cell>> rows;
      for (const ReportCorrection& c : st->corrections) {
        rows.push_back({{c.label}, {c.before}, {c.after, 1, true}, {c.reason}, {c.who + ", " + c.when}});
      }
      t.Begin(rows);
      for (const auto& row : rows) t.Row(row);
      t.End();
    } else {
      d_.Paragraph(L("Pemeriksa tidak mengubah angka atau jawaban.", "The examiner changed no figure or answer."), 8.0, false);
    }
    if (!st->evidence.empty()) {
      d_.Paragraph(L("Berkas bukti (SHA-256):", "Evidence files (SHA-256):"), 8.0, true);
      for (const ReportEvidence& e : st->evidence) Item("•", e.name, e.sha256);
    }
  }

  // The appendix "Catatan metode": one plain line per indicator whose table or definition is less than certain.
  void MethodNotes() {
    std::vector<size_t> low;
    for (size_t i = 0; i < a_.components.size(); ++i) {
      if (a_.components[i].spec->confidence == "rendah" && !a_.components[i].spec->note.empty()) low.push_back(i);
    }
    if (low.empty()) return;
    d_.Section(L("LAMPIRAN — CATATAN METODE", "APPENDIX — METHOD NOTES"), 30.0);
    for (const size_t i : low) {
      const Component& c = *a_.components[i].spec;
      Item("•", numbers_[i] + " " + c.name.Get(lang_), c.note);
    }
  }

  void Source() { ReportBase::Source(a_.rulebook->source, a_.rulebook->note); }

  void Signatures() {
    ReportBase::Signatures(
        lang_ == Lang::kEn
            ? "Health assessment of " + a_.cooperative.nama + ", financial year ending " +
                  FormatDateLong(a_.periode_akhir, lang_) + ", method " + a_.rulebook->id + ": rating " +
                  a_.Predikat().label + ", total score " + Points(a_.total_e6, lang_) + " of " +
                  Num(a_.max_total_e6, 6, 0, lang_) + "."
            : "Penilaian kesehatan " + a_.cooperative.nama + ", tahun buku berakhir " +
                  FormatDateLong(a_.periode_akhir, lang_) + ", metode " + a_.rulebook->id + ": predikat " +
                  a_.Predikat().label + ", skor total " + Points(a_.total_e6, lang_) + " dari " +
                  Num(a_.max_total_e6, 6, 0, lang_) + ".");
  }

  const Assessment& a_;
  std::vector<std::string> numbers_;  // "1.2" per component
};

// A goal method's report (PEARLS): the summary, then per group a table of indicators with value, goal, verdict and
// last year's value; the formulas with their amounts; adaptations, warnings, source and signatures.
class GoalReport : public ReportBase {
 public:
  GoalReport(const GoalAssessment& a, Lang lang, Doc* doc) : ReportBase(lang, doc), a_(a) {}

  void Draw() {
    const GoalRulebook& rb = *a_.rulebook;
    Title(std::string(L("LAPORAN PEMANTAUAN ", "MONITORING REPORT ")) + rb.name.Get(lang_));
    Identity(a_.cooperative, std::string(L("Tahun buku berakhir ", "Financial year ending ")) +
                              FormatDateLong(a_.periode_akhir, lang_) + " (" + std::to_string(a_.bulan) +
                              L(" bulan)", " months)"));
    MethodLines(rb.id, rb.version, rb.name, rb.origin);
    Summary();
    Indicators();
    Formulas();
    Notes();
    Source(rb.source, rb.note);
    Signatures(std::string(L("Pemantauan ", "Monitoring by ")) + rb.id + L(" atas ", " of ") + a_.cooperative.nama +
               L(", tahun buku berakhir ", ", financial year ending ") + FormatDateLong(a_.periode_akhir, lang_) +
               ": " + GoalSummaryLine(a_.summary).Get(lang_) + ".");
    d_.FinishLastPage();
  }

 private:
  void Summary() {
    d_.Section(L("RINGKASAN", "SUMMARY"), 40.0);
    d_.Paragraph(GoalSummaryLine(a_.summary).Get(lang_), 11.0, true, 0.0, kAccent);
    d_.y += 4.0;
    for (size_t ai = 0; ai < a_.rulebook->aspects.size(); ++ai) {
      int met = 0, total = 0;
      for (const IndicatorResult& r : a_.indicators) {
        if (r.spec->aspect_index != int(ai)) continue;
        ++total;
        met += r.status == GoalStatus::kMet;
      }
      d_.Paragraph(a_.rulebook->aspects[ai].id + " — " + a_.rulebook->aspects[ai].name.Get(lang_) + ": " +
                       std::to_string(met) + L(" dari ", " of ") + std::to_string(total) +
                       L(" memenuhi sasaran", " meet their goal"),
                   9.0, false);
    }
  }

  Rgb StatusColor(GoalStatus s) const {
    switch (s) {
      case GoalStatus::kMet:
        return Rgb{0.10, 0.45, 0.22};
      case GoalStatus::kNotMet:
        return kNo;
      case GoalStatus::kNoTarget:
      case GoalStatus::kNotAssessable:
        return kGrey;
    }
    return kBlack;
  }

  void Indicators() {
    d_.Section(L("INDIKATOR", "INDICATORS"), 80.0);
    for (size_t ai = 0; ai < a_.rulebook->aspects.size(); ++ai) {
      Table t(&d_,
              {{L("Kode", "Code"), 28.0, Align::kStart, 0.0},
               {L("Indikator", "Indicator"), 170.0, Align::kStart, 0.0},
               {L("Nilai", "Value"), 58.0, Align::kEnd, kMinSize},
               {L("Sasaran", "Goal"), 92.0, Align::kStart, 0.0},
               {L("Hasil", "Result"), 112.0, Align::kStart, 0.0},
               {L("Tahun lalu", "Last year"), 55.0, Align::kEnd, kMinSize}},
              a_.rulebook->aspects[ai].id + " — " + a_.rulebook->aspects[ai].name.Get(lang_), "");
      std::vector<std::vector<Cell>> rows;
      for (const IndicatorResult& r : a_.indicators) {
        if (r.spec->aspect_index != int(ai)) continue;
        std::string result = GoalStatusLabel(r.status).Get(lang_);
        const std::string gap = GoalGapText(r, lang_);
        if (!gap.empty()) {
          result += ": " + gap;
        } else if (!r.reason.code.empty()) {
          result += " (" + GoalReasonText(r, lang_) + ")";
        }
        rows.push_back({{r.spec->id, 1, true},
                        {r.spec->name.Get(lang_)},
                        {GoalValueText(r, r.value, lang_)},
                        {r.spec->goal.text.Get(lang_)},
                        {result, 1, r.status == GoalStatus::kNotMet, StatusColor(r.status)},
                        {r.has_previous_value ? GoalValueText(r, r.previous_value, lang_) : "—"}});
      }
      if (rows.empty()) continue;
      t.Begin(rows);
      for (const auto& row : rows) t.Row(row);
      t.End();
    }
  }

  void Formulas() {
    d_.Section(L("RUMUS DAN ANGKA", "FORMULAS AND FIGURES"), 40.0);
    for (const IndicatorResult& r : a_.indicators) {
      const Indicator& ind = *r.spec;
      std::string body;
      if (ind.kind == IndicatorKind::kAmount) {
        body = ind.numerator_name.Get(lang_) + " = " + FormatRupiah(r.value, lang_);
      } else if (r.has_value || r.zero_denominator || r.negative_denominator) {
        const Label& num = r.used_variant ? ind.variant->numerator_name : ind.numerator_name;
        const std::string num_text = ind.kind == IndicatorKind::kGrowth ? "(" + num.Get(lang_) + ")" : OperandName(num.Get(lang_));
        body = num_text + " / " + OperandName(ind.denominator_name.Get(lang_)) + " × 100 % = " +
               GoalAmountText(ind.numerator, r.numerator_sen, lang_) + " / " +
               GoalAmountText(ind.denominator, r.denominator_sen, lang_);
        if (r.annualised) body += " × 12/" + std::to_string(a_.bulan);
      } else {
        body = GoalReasonText(r, lang_);
      }
      if (r.used_variant) {
        std::string ids;
        for (const std::string& id : ind.variant->when_met_ids) ids += (ids.empty() ? "" : ", ") + id;
        body += std::string(L(" (rumus varian dipakai karena ", " (variant formula used because ")) + ids +
                L(" memenuhi sasaran)", " meet their goals)");
      }
      if (ind.confidence != "tinggi") body += std::string(L(" [keyakinan ", " [confidence ")) + GoalConfidenceText(ind.confidence, lang_) + "]";
      Item("•", ind.id + " " + ind.name.Get(lang_), body);
    }
  }

  void Notes() {
    bool any = false;
    for (const IndicatorResult& r : a_.indicators) any = any || !r.spec->adaptation.id.empty();
    if (any) {
      d_.Section(L("ADAPTASI", "ADAPTATIONS"), 30.0);
      for (const IndicatorResult& r : a_.indicators) {
        if (!r.spec->adaptation.id.empty()) Item("•", r.spec->id, r.spec->adaptation.Get(lang_));
      }
    }
    if (a_.warnings.empty()) return;
    d_.Section(L("PERINGATAN", "WARNINGS"), 30.0);
    for (const Warning& w : a_.warnings) Item("•", "", WarningText(w, a_, lang_) + " [" + w.code + "]");
  }

  const GoalAssessment& a_;
};

// Draws a whole report onto `surface` with `draw(doc)`; the number of pages drawn.
template <typename DrawFn>
int RenderWith(cairo_surface_t* surface, Lang lang, const std::string& footer, int total_pages,
               const ReportStamp* stamp, DrawFn draw) {
  cairo_t* cr = cairo_create(surface);
  // The same font options on both passes (a PDF surface's own: unhinted metrics), so the counting pass measures
  // text exactly as the file does and breaks pages at the same places.
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, fo);
  cairo_font_options_destroy(fo);
  Doc doc(cr, lang, footer, total_pages, stamp);
  draw(&doc);
  const int pages = doc.pages();
  cairo_destroy(cr);
  return pages;
}

// "Kopsehat · ksp-2016 versi 1 · KSP X · 31 Desember 2025", at the foot of every page.
std::string FooterText(const std::string& id, const std::string& version, const CooperativeIdentity& k, const std::string& periode,
                       Lang lang) {
  std::string footer = "Kopsehat · " + id + T(lang, " versi ", " version ") + version + " · " + k.nama;
  if (!periode.empty()) footer += " · " + FormatDateLong(periode, lang);
  return footer;
}

Status CairoFailure(cairo_status_t status) {
  const std::string reason = cairo_status_to_string(status);
  return Status::Error("pdf_gagal", "laporan PDF tidak dapat dibuat (" + reason + ")",
                       "cannot create the PDF report (" + reason + ")");
}

// Lays the report out twice with `draw`: first to count the pages ("Halaman 1 dari N") on a recording surface (a
// throw-away PDF, fonts subset and streams compressed, made this pass as slow as the real one), then into *out.
template <typename DrawFn>
Status RenderTwoPass(const PdfOptions& options, const std::string& footer, const std::string& title,
                     const std::string& subject, DrawFn draw, std::string* out) {
  out->clear();
  cairo_rectangle_t page{0, 0, kPageW, kPageH};
  cairo_surface_t* counter = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
  const int pages = RenderWith(counter, options.lang, footer, 0, options.stamp, draw);
  cairo_surface_destroy(counter);
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendCairoBytes, out, kPageW, kPageH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    const Status failed = CairoFailure(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return failed;
  }
  const std::string date = IsoUtc(options.created_epoch);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "Kopsehat");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kopsehat");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  RenderWith(surface, options.lang, footer, pages, options.stamp, draw);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    out->clear();
    return CairoFailure(status);
  }
  return {};
}

Status Incomplete() {
  return Status::Error("penilaian_belum_lengkap", "penilaian belum lengkap; laporan PDF tidak dibuat",
                       "incomplete assessment; no PDF report made");
}

// The report written to `path`, with the message the CLI has always given for an unwritable path.
Status WritePdf(const Status& rendered, const std::string& bytes, const std::string& path) {
  if (!rendered.ok()) return rendered;
  return WriteOutputFile(
      path, bytes,
      Status::Error("berkas_tidak_dapat_ditulis",
                    "berkas PDF tidak dapat ditulis: " + path + " (folder tidak ada atau tidak boleh ditulis)",
                    "cannot write the PDF file " + path + " (missing or read-only folder)"));
}

}  // namespace

Status RenderGoalPdfReport(const GoalAssessment& a, const PdfOptions& options, std::string* out) {
  if (a.rulebook == nullptr) return Incomplete();
  const Lang lang = options.lang;
  const std::string title = std::string(T(lang, "Pemantauan ", "Monitoring of ")) + a.cooperative.nama + " — " +
                            FormatDateLong(a.periode_akhir, lang);
  return RenderTwoPass(options, FooterText(a.rulebook->id, a.rulebook->version, a.cooperative, a.periode_akhir, lang),
                       title, a.rulebook->id, [&](Doc* doc) { GoalReport(a, lang, doc).Draw(); }, out);
}

Status RenderPdfReport(const Assessment& a, const PdfOptions& options, std::string* out) {
  if (a.rulebook == nullptr || a.predikat < 0) return Incomplete();
  const Lang lang = options.lang;
  const std::string title = std::string(T(lang, "Penilaian kesehatan ", "Health assessment of ")) + a.cooperative.nama +
                            " — " + FormatDateLong(a.periode_akhir, lang);
  return RenderTwoPass(options, FooterText(a.rulebook->id, a.rulebook->version, a.cooperative, a.periode_akhir, lang),
                       title, a.rulebook->id, [&](Doc* doc) { Report(a, lang, doc).Draw(); }, out);
}

Status WritePdfReport(const Assessment& a, const PdfOptions& options, const std::string& path) {
  std::string bytes;
  const Status rendered = RenderPdfReport(a, options, &bytes);
  return WritePdf(rendered, bytes, path);
}

Status WriteGoalPdfReport(const GoalAssessment& a, const PdfOptions& options, const std::string& path) {
  std::string bytes;
  const Status rendered = RenderGoalPdfReport(a, options, &bytes);
  return WritePdf(rendered, bytes, path);
}

}  // namespace kopsehat
