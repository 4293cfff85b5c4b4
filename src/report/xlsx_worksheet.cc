// report/xlsx_worksheet.cc — see xlsx_worksheet.h. One function per sheet; the order of the libxlsxwriter calls is
// the order of the shared strings in the file, so it is kept for byte-identical workbooks.
#include "report/xlsx_worksheet.h"

#include <xlsxwriter.h>

#include <array>
#include <map>

#include "core/decimal.h"
#include "report/explain.h"
#include "report/goal_report.h"
#include "report/memory_file.h"
#include "report/text_report.h"

namespace kopsehat {

namespace {

// A number for a spreadsheet cell. Drawing the exact value into a double is fine here: the cell is a cached value
// that the spreadsheet recomputes, not a result the engine relies on.
double ToDouble(i128 units, int scale) { return double(units) / double(Pow10(scale)); }
double SenToRupiah(const Fraction& sen) { return double(sen.num) / double(sen.den) / 100.0; }

std::string Decimal2(const Decimal& d) { return FormatPlain(d.units, d.scale, 0); }

// "=0.5*Masukan!$B$7+Masukan!$B$8-…" for a linear form, from the cells of its lines. (Built by appending: GCC 12
// at -O3 reports a false -Wrestrict on "=" + std::string.)
std::string LinearFormula(const LinearForm& f, const std::map<int, std::string>& cell_of_line) {
  std::string out = "=";
  for (const LinearForm::Term& t : f.terms) {
    const bool negative = t.coef_units < 0;
    const i128 mag = negative ? -t.coef_units : t.coef_units;
    out += negative ? "-" : (out.size() == 1 ? "" : "+");
    if (mag != Pow10(f.scale)) {
      out += FormatPlain(mag, f.scale, 0);
      out += "*";
    }
    out += cell_of_line.at(t.line);
  }
  if (out.size() == 1) out += "0";
  return out;
}

// The band chain for ratio cell `x`: IF(AND(x>=20,x<40),50,IF(…)); the last band is the fallback.
std::string BandFormula(const Component& c, const std::string& x) {
  std::string out, closing;
  for (size_t i = 0; i < c.bands.size(); ++i) {
    const Band& b = c.bands[i];
    const std::string nilai = FormatPlain(b.nilai_e2, 2, 0);
    if (i + 1 == c.bands.size()) {
      out += nilai;
      break;
    }
    std::vector<std::string> conds;
    if (b.range.has_lo) conds.push_back(x + (b.range.lo_inclusive ? ">=" : ">") + Decimal2(b.range.lo));
    if (b.range.has_hi) conds.push_back(x + (b.range.hi_inclusive ? "<=" : "<") + Decimal2(b.range.hi));
    const std::string cond = conds.size() == 1 ? conds[0] : "AND(" + conds[0] + "," + conds[1] + ")";
    out += "IF(" + cond + "," + nilai + ",";
    closing += ")";
  }
  return out + closing;
}


// A spreadsheet condition for one goal comparison on value cell `x`, or empty when it cannot be written as a
// formula (it names a rate the laporan lacks).
std::string CompareFormula(const GoalCondition& c, const std::string& x, const std::vector<std::string>& value_cell,
                           const std::string& inflasi, const std::string& pasar) {
  std::string rhs = FormatPlain(c.rhs.constant.units, c.rhs.constant.scale, 0);
  for (const auto& [k, sign] : c.rhs.indicators) rhs += (sign > 0 ? "+" : "-") + value_cell[size_t(k)];
  for (const auto& [param, sign] : c.rhs.params) {
    const std::string& cell = param == GoalParam::kInflasi ? inflasi : pasar;
    if (cell.empty()) return {};
    rhs += (sign > 0 ? "+" : "-") + cell;
  }
  static const char* kOps[] = {">=", ">", "<=", "<", "="};
  return x + kOps[int(c.op)] + "(" + rhs + ")";
}

// A new workbook with its properties and the cell formats both worksheets use; false (with the reason) when the
// file cannot be created.
struct Book {
  lxw_workbook* wb = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;
  lxw_format* input = nullptr;
  lxw_format* input_text = nullptr;
  lxw_format* pct = nullptr;
  lxw_format* score = nullptr;
  lxw_format* big = nullptr;
};

Status OpenBook(const std::string& path, const char* title_text, long long created_epoch, Book* b) {
  lxw_workbook_options wopts{};
  b->wb = workbook_new_opt(path.c_str(), &wopts);
  if (b->wb == nullptr) return Status::CannotCreateFile();
  lxw_doc_properties props{};
  std::string title(title_text);  // the C API takes char*; it does not write through it
  props.title = title.data();
  props.created = time_t(created_epoch);
  workbook_set_properties(b->wb, &props);
  lxw_workbook* wb = b->wb;
  b->bold = workbook_add_format(wb);
  format_set_bold(b->bold);
  b->header = workbook_add_format(wb);
  format_set_bold(b->header);
  format_set_bg_color(b->header, 0xD9E1F2);
  format_set_border(b->header, LXW_BORDER_THIN);
  b->money = workbook_add_format(wb);
  format_set_num_format(b->money, "#,##0.00");
  b->input = workbook_add_format(wb);
  format_set_num_format(b->input, "#,##0.00");
  format_set_bg_color(b->input, 0xFFF2CC);
  b->input_text = workbook_add_format(wb);
  format_set_bg_color(b->input_text, 0xFFF2CC);
  b->pct = workbook_add_format(wb);
  format_set_num_format(b->pct, "0.0000");
  b->score = workbook_add_format(wb);
  format_set_num_format(b->score, "0.00");
  b->big = workbook_add_format(wb);
  format_set_bold(b->big);
  format_set_font_size(b->big, 14);
  return Status();
}

Status CloseBook(lxw_workbook* wb) {
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::CannotWriteFile(lxw_strerror(err));
  return Status();
}

}  // namespace

namespace {

// The report's status on every sheet's printed header (and its verification code in the footer), and in cell D1
// of Ringkasan, beside the title: a printed or shared draft must not pass for the examiner's result.
void ApplyStamp(const std::vector<lxw_worksheet*>& sheets, const ReportStamp* stamp, const Book& book, Lang lang) {
  const ReportStamp draft;
  const ReportStamp& st = stamp != nullptr ? *stamp : draft;
  // "&" starts a control code in Excel's header language; the texts are ours, but escape it anyway.
  const auto escaped = [](std::string t) {
    for (size_t at = t.find('&'); at != std::string::npos; at = t.find('&', at + 2)) t.insert(at, "&");
    return t;
  };
  const std::string header = "&L&\"-,Bold\"" + escaped(StampLine(st, lang));
  const std::string verify = VerifyLine(st, lang);
  const std::string footer = "&L" + escaped(verify) + "&R" + T(lang, "Halaman &P dari &N", "Page &P of &N");
  for (lxw_worksheet* ws : sheets) {
    worksheet_set_header(ws, header.c_str());
    worksheet_set_footer(ws, footer.c_str());
  }
  worksheet_write_string(sheets.front(), 0, 3, StampLine(st, lang).c_str(), book.bold);
}

// The examiner's corrections and evidence, on a sheet of their own when the report comes from a stored laporan (the
// web; the CLI's reports have none): every change with its label, original and new value, reason, who and when, then
// every evidence file with its SHA-256, as the PDF's "Koreksi pemeriksa" section. Null without a stamp.
lxw_worksheet* AddCorrectionSheet(const Book& book, const ReportStamp* stamp, Lang lang) {
  if (stamp == nullptr || stamp->revision == 0) return nullptr;
  lxw_worksheet* ws = workbook_add_worksheet(book.wb, T(lang, "Koreksi Pemeriksa", "Examiner Corrections"));
  worksheet_set_column(ws, 0, 0, 44, nullptr);
  worksheet_set_column(ws, 1, 2, 18, nullptr);
  worksheet_set_column(ws, 3, 3, 44, nullptr);
  worksheet_set_column(ws, 4, 5, 24, nullptr);
  worksheet_write_string(ws, 0, 0, T(lang, "Koreksi pemeriksa", "Examiner's corrections"), book.big);
  lxw_row_t r = 2;
  if (stamp->corrections.empty()) {
    worksheet_write_string(ws, r++, 0, T(lang, "Tidak ada angka atau jawaban yang diubah pemeriksa.",
                                         "The examiner changed no figure or answer."), nullptr);
  } else {
    const char* head[] = {T(lang, "Isian", "Field"), T(lang, "Nilai asal", "Original"), T(lang, "Nilai baru", "New"),
                          T(lang, "Alasan", "Reason"), T(lang, "Oleh", "By"), T(lang, "Waktu", "When")};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, r, c, head[c], book.header);
    ++r;
    for (const ReportCorrection& c : stamp->corrections) {
      const std::string* cells[] = {&c.label, &c.before, &c.after, &c.reason, &c.who, &c.when};
      for (lxw_col_t col = 0; col < 6; ++col) worksheet_write_string(ws, r, col, cells[col]->c_str(), nullptr);
      ++r;
    }
  }
  r += 1;
  worksheet_write_string(ws, r++, 0, T(lang, "Berkas bukti", "Evidence files"), book.bold);
  if (stamp->evidence.empty()) {
    worksheet_write_string(ws, r, 0, T(lang, "Tidak ada berkas bukti.", "No evidence files."), nullptr);
    return ws;
  }
  worksheet_write_string(ws, r, 0, T(lang, "Nama berkas", "File name"), book.header);
  worksheet_write_string(ws, r++, 1, "SHA-256", book.header);
  for (const ReportEvidence& e : stamp->evidence) {
    worksheet_write_string(ws, r, 0, e.name.c_str(), nullptr);
    worksheet_write_string(ws, r++, 1, e.sha256.c_str(), nullptr);
  }
  return ws;
}

// The stamp on every sheet, the corrections sheet last when there is one.
void StampBook(std::vector<lxw_worksheet*> sheets, const ReportStamp* stamp, const Book& book, Lang lang) {
  if (lxw_worksheet* ks = AddCorrectionSheet(book, stamp, lang)) sheets.push_back(ks);
  ApplyStamp(sheets, stamp, book, lang);
}

}  // namespace

// Rows 1–5 of a Ringkasan sheet: title, cooperative, year end, method, what to change.
void WriteSummaryHead(lxw_worksheet* sum, const Book& book, const std::string& title, const CooperativeIdentity& k,
                      const std::string& periode_akhir, const std::string& method_line, const char* hint, Lang lang) {
  worksheet_write_string(sum, 0, 0, title.c_str(), book.big);
  worksheet_write_string(sum, 1, 0, (k.nama + (k.jenis.empty() ? "" : " (" + k.jenis + ")")).c_str(), book.bold);
  worksheet_write_string(sum, 2, 0, (T(lang, "Tahun buku berakhir ", "Year ending ") + FormatDateLong(periode_akhir, lang)).c_str(), nullptr);
  worksheet_write_string(sum, 3, 0, (T(lang, "Metode: ", "Method: ") + method_line).c_str(), nullptr);
  worksheet_write_string(sum, 4, 0, hint, nullptr);
}

namespace {

// The Besaran sheet: each quantity as the linear formula over the inputs, with the engine's value cached.
void WriteQuantitySheet(lxw_worksheet* qs, const std::vector<Quantity>& quantities,
                        const std::vector<Fraction>& quantities_sen, const std::array<const char*, 4>& head,
                        const std::map<int, std::string>& cell_of_line, const Book& book, Lang lang) {
  worksheet_set_column(qs, 0, 0, 46, nullptr);
  worksheet_set_column(qs, 1, 1, 22, nullptr);
  worksheet_set_column(qs, 2, 2, 30, nullptr);
  worksheet_set_column(qs, 3, 3, 90, nullptr);
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(qs, 0, c, head[c], book.header);
  for (size_t i = 0; i < quantities.size(); ++i) {
    const lxw_row_t r = lxw_row_t(i + 1);
    const Quantity& q = quantities[i];
    worksheet_write_string(qs, r, 0, q.name.Get(lang).c_str(), nullptr);
    worksheet_write_formula_num(qs, r, 1, LinearFormula(q.form, cell_of_line).c_str(), book.money,
                                SenToRupiah(quantities_sen[i]));
    worksheet_write_string(qs, r, 2, q.id.c_str(), nullptr);
    worksheet_write_string(qs, r, 3, q.form.text.c_str(), nullptr);
  }
}

// ------------------------------------------------------------------------------------------------------------
// The goal (PEARLS) worksheet

// The cells of the goal worksheet that its formulas refer to.
struct GoalCells {
  std::map<int, std::string> of_line;  // line -> "Masukan!$B$7"; line + kLineCount -> last year's "Masukan!$C$7"
  std::string bulan, inflasi, pasar;   // the settings; a rate the laporan lacks stays empty
  std::vector<std::string> value, status;  // per indicator: its value ("$E$2") and verdict ("$G$2") on Indikator
};

// Masukan: this year (B) and last year (C) of every line, then the settings. lalu(x) refers to column C.
void WriteGoalInputSheet(lxw_worksheet* in, const Laporan& laporan, const Book& book, Lang lang, GoalCells* cells) {
  worksheet_set_column(in, 0, 0, 42, nullptr);
  worksheet_set_column(in, 1, 2, 20, nullptr);
  worksheet_set_column(in, 3, 3, 36, nullptr);
  const char* in_head[] = {T(lang, "Pos", "Line"), T(lang, "Tahun ini", "This year"), T(lang, "Tahun lalu", "Last year"),
                           T(lang, "Kunci", "Key")};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(in, 0, c, in_head[c], book.header);
  lxw_row_t r = 1;
  for (int i = 0; i < kLineCount; ++i, ++r) {
    worksheet_write_string(in, r, 0, lang == Lang::kEn ? kLines[size_t(i)].label_en : kLines[size_t(i)].label_id, nullptr);
    worksheet_write_number(in, r, 1, double(laporan.current.Get(i)) / 100.0, book.input);
    worksheet_write_number(in, r, 2, double(laporan.previous.Get(i)) / 100.0, book.input);
    worksheet_write_string(in, r, 3, LinePath(i).c_str(), nullptr);
    cells->of_line[i] = "Masukan!$B$" + std::to_string(r + 1);
    cells->of_line[i + kLineCount] = "Masukan!$C$" + std::to_string(r + 1);
  }
  ++r;
  const PearlsSettings& ps = laporan.pearls;
  worksheet_write_string(in, r, 0, T(lang, "Bulan yang dicakup hasil usaha", "Months covered"), nullptr);
  worksheet_write_number(in, r, 1, double(ps.bulan), book.input);
  worksheet_write_string(in, r, 3, "pearls.bulan", nullptr);
  cells->bulan = "Masukan!$B$" + std::to_string(r + 1);
  ++r;
  if (ps.has_inflasi) {
    worksheet_write_string(in, r, 0, T(lang, "Inflasi tahunan (%)", "Annual inflation (%)"), nullptr);
    worksheet_write_number(in, r, 1, ToDouble(ps.inflasi_pct.units, ps.inflasi_pct.scale), book.input);
    worksheet_write_string(in, r, 3, "pearls.inflasi_persen", nullptr);
    cells->inflasi = "Masukan!$B$" + std::to_string(r + 1);
    ++r;
  }
  if (ps.has_suku_bunga_pasar) {
    worksheet_write_string(in, r, 0, T(lang, "Suku bunga pasar (%)", "Market rate (%)"), nullptr);
    worksheet_write_number(in, r, 1, ToDouble(ps.suku_bunga_pasar_pct.units, ps.suku_bunga_pasar_pct.scale), book.input);
    worksheet_write_string(in, r, 3, "pearls.suku_bunga_pasar_persen", nullptr);
    cells->pasar = "Masukan!$B$" + std::to_string(r + 1);
  }
}

// Column C of an indicator row: its numerator over the inputs. BKCU's conditional numerator (ACCU E1) switches with
// the verdicts it depends on, as the engine does.
std::string NumeratorFormula(const IndicatorResult& ir, const GoalCells& cells) {
  const Indicator& ind = *ir.spec;
  std::string numerator = LinearFormula(ir.used_variant ? ind.variant->numerator : ind.numerator, cells.of_line);
  if (ind.variant.has_value() && ind.kind != IndicatorKind::kAmount) {
    std::string when;
    for (const int dep : ind.variant->when_met) {
      when += (when.empty() ? "" : ",") + cells.status[size_t(dep)] + "=\"" + GoalStatusCode(GoalStatus::kMet) + "\"";
    }
    numerator = "=IF(AND(" + when + ")," + LinearFormula(ind.variant->numerator, cells.of_line).substr(1) + "," +
                LinearFormula(ind.numerator, cells.of_line).substr(1) + ")";
  }
  return numerator;
}

// 'menuju E relatif S11' on value cell E<row>: met when E is met, or E is too low (a lower bound fails) and this
// growth beats the reference, or too high (an upper bound fails) and it lags. False when it cannot be live: E's goal
// is not comparisons only, or E or the reference has no value.
bool TowardCondition(const GoalAssessment& a, const GoalCondition& c, const std::string& row, const GoalCells& cells,
                     std::string* condition) {
  const Indicator& paired = a.rulebook->indicators[size_t(c.indicator)];
  const std::string& e = cells.value[size_t(c.indicator)];
  const std::string& ref = cells.value[size_t(c.reference)];
  std::string low, high;
  for (const GoalCondition& pc : paired.goal.conditions) {
    const std::string f = pc.kind == GoalCondition::Kind::kCompare
                              ? CompareFormula(pc, e, cells.value, cells.inflasi, cells.pasar) : std::string();
    if (f.empty()) return false;
    const bool lower = pc.op == GoalOp::kGe || pc.op == GoalOp::kGt || pc.op == GoalOp::kEq;
    const bool upper = pc.op == GoalOp::kLe || pc.op == GoalOp::kLt || pc.op == GoalOp::kEq;
    // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on "NOT(" + std::string.
    for (std::string* side : {lower ? &low : nullptr, upper ? &high : nullptr}) {
      if (side == nullptr) continue;
      if (!side->empty()) side->append(",");
      side->append("NOT(").append(f).append(")");
    }
  }
  if (!a.indicators[size_t(c.indicator)].has_value || !a.indicators[size_t(c.reference)].has_value) return false;
  std::string alt = cells.status[size_t(c.indicator)] + "=\"" + GoalStatusCode(GoalStatus::kMet) + "\"";
  if (!low.empty()) alt += ",AND(OR(" + low + "),E" + row + ">" + ref + ")";
  if (!high.empty()) alt += ",AND(OR(" + high + "),E" + row + "<" + ref + ")";
  *condition = "OR(" + alt + ")";
  return true;
}

// The conditions of an indicator's goal as spreadsheet conditions on its value cell E<row>. False when the verdict
// cannot be a live formula: the goal is not conditions, the indicator has no value, or a condition names an input
// the laporan lacks or an indicator without a value.
bool GoalConditions(const GoalAssessment& a, const IndicatorResult& ir, const std::string& row, const GoalCells& cells,
                    std::vector<std::string>* conds) {
  const Indicator& ind = *ir.spec;
  if (ind.goal.kind != Goal::Kind::kConditions || !ir.has_value || ir.zero_denominator) return false;
  for (const GoalCondition& c : ind.goal.conditions) {
    if (c.kind == GoalCondition::Kind::kCompare) {
      const std::string f = CompareFormula(c, "E" + row, cells.value, cells.inflasi, cells.pasar);
      for (const auto& [other, sign] : c.rhs.indicators) {
        if (!a.indicators[size_t(other)].has_value) return false;
      }
      if (f.empty()) return false;
      conds->push_back(f);
    } else if (c.kind == GoalCondition::Kind::kMet) {
      conds->push_back(cells.status[size_t(c.indicator)] + "=\"" + GoalStatusCode(GoalStatus::kMet) + "\"");
    } else {
      std::string toward;
      if (!TowardCondition(a, c, row, cells, &toward)) return false;
      conds->push_back(toward);
    }
  }
  return true;
}

// Column G of an indicator row: the verdict as a formula when every condition is a comparison or another
// indicator's verdict; otherwise (or when an input is missing) the engine's verdict as text, marked * in column I.
void WriteVerdict(lxw_worksheet* is, lxw_row_t kr, const GoalAssessment& a, const IndicatorResult& ir,
                  const GoalCells& cells, const Book& book) {
  const std::string row = std::to_string(kr + 1);
  const std::string met = GoalStatusCode(GoalStatus::kMet), not_met = GoalStatusCode(GoalStatus::kNotMet);
  std::vector<std::string> conds;
  const bool live = GoalConditions(a, ir, row, cells, &conds);
  const std::string status = GoalStatusCode(ir.status);
  if (live && (ir.status == GoalStatus::kMet || ir.status == GoalStatus::kNotMet)) {
    std::string all = conds.size() == 1 ? conds[0] : "AND(" + conds[0];
    for (size_t i = 1; i < conds.size(); ++i) all += "," + conds[i];
    if (conds.size() > 1) all += ")";
    worksheet_write_formula_str(is, kr, 6, ("=IF(" + all + ",\"" + met + "\",\"" + not_met + "\")").c_str(), book.bold,
                                status.c_str());
  } else {
    worksheet_write_string(is, kr, 6, status.c_str(), book.bold);
    worksheet_write_string(is, kr, 8, "*", nullptr);  // a fixed verdict (growth toward a goal, no value, …)
  }
}

// Row k + 1 of Indikator: code, name, numerator, denominator, value and goal, verdict and note.
void WriteIndicatorRow(lxw_worksheet* is, size_t k, const GoalAssessment& a, const GoalCells& cells, const Book& book,
                       Lang lang) {
  const IndicatorResult& ir = a.indicators[k];
  const Indicator& ind = *ir.spec;
  const lxw_row_t kr = lxw_row_t(k + 1);
  const std::string row = std::to_string(kr + 1);
  worksheet_write_string(is, kr, 0, ind.id.c_str(), book.bold);
  worksheet_write_string(is, kr, 1, ind.name.Get(lang).c_str(), nullptr);
  worksheet_write_string(is, kr, 5, ind.goal.text.Get(lang).c_str(), nullptr);
  const bool amount = ind.kind == IndicatorKind::kAmount;
  worksheet_write_formula_num(is, kr, 2, NumeratorFormula(ir, cells).c_str(), book.money,
                              SenToRupiah(amount ? ir.value : ir.numerator_sen));
  std::string value;
  if (amount) {
    value = "=C" + row;
  } else {
    worksheet_write_formula_num(is, kr, 3, LinearFormula(ind.denominator, cells.of_line).c_str(), book.money,
                                SenToRupiah(ir.denominator_sen));
    // No value over a zero or negative denominator, as the engine (a share of a negative amount has no meaning).
    value = "=IF(D" + row + "<=0,\"\",C" + row + "/D" + row + "*100" + (ind.annualised ? "*12/" + cells.bulan : "") + ")";
  }
  const double cached = ir.has_value ? double(ir.value.num) / double(ir.value.den) / (amount ? 100.0 : 1.0) : 0.0;
  if (ir.has_value) {
    worksheet_write_formula_num(is, kr, 4, value.c_str(), amount ? book.money : book.pct, cached);
  } else {
    worksheet_write_formula_str(is, kr, 4, value.c_str(), book.pct, "");
  }
  WriteVerdict(is, kr, a, ir, cells, book);
  std::string note = GoalGapText(ir, lang);
  if (note.empty()) note = GoalReasonText(ir, lang);
  if (!ind.adaptation.id.empty()) note += (note.empty() ? "" : " · ") + ind.adaptation.Get(lang);
  if (!note.empty()) worksheet_write_string(is, kr, 7, note.c_str(), nullptr);
}

// Indikator: numerator, denominator, value and — where the goal is plain comparisons — the verdict, all live.
void WriteIndicatorSheet(lxw_worksheet* is, const GoalAssessment& a, const Book& book, Lang lang, GoalCells* cells) {
  worksheet_set_column(is, 0, 0, 7, nullptr);
  worksheet_set_column(is, 1, 1, 50, nullptr);
  worksheet_set_column(is, 2, 3, 20, nullptr);
  worksheet_set_column(is, 4, 4, 12, nullptr);
  worksheet_set_column(is, 5, 5, 28, nullptr);
  worksheet_set_column(is, 6, 6, 22, nullptr);
  worksheet_set_column(is, 7, 7, 60, nullptr);
  const char* k_head[] = {T(lang, "Kode", "Code"),         T(lang, "Indikator", "Indicator"), T(lang, "Pembilang", "Numerator"),
                          T(lang, "Penyebut", "Denominator"), T(lang, "Nilai", "Value"),        T(lang, "Sasaran", "Goal"),
                          "Status",                         T(lang, "Keterangan", "Note")};
  for (lxw_col_t c = 0; c < 8; ++c) worksheet_write_string(is, 0, c, k_head[c], book.header);
  worksheet_write_string(is, 0, 8, "*", book.header);
  cells->value.resize(a.indicators.size());
  cells->status.resize(a.indicators.size());
  for (size_t k = 0; k < a.indicators.size(); ++k) {
    cells->value[k] = "$E$" + std::to_string(k + 2);
    cells->status[k] = "$G$" + std::to_string(k + 2);
  }
  for (size_t k = 0; k < a.indicators.size(); ++k) WriteIndicatorRow(is, k, a, *cells, book, lang);
}

// Ringkasan of the goal worksheet: the counts follow the Status column.
void WriteGoalSummarySheet(lxw_worksheet* sum, const GoalAssessment& a, const Book& book, Lang lang) {
  const GoalRulebook& rb = *a.rulebook;
  const std::string last = std::to_string(a.indicators.size() + 1);
  worksheet_set_column(sum, 0, 0, 44, nullptr);
  worksheet_set_column(sum, 1, 1, 12, nullptr);
  WriteSummaryHead(sum, book, rb.name.Get(lang), a.cooperative, a.periode_akhir,
                   rb.id + T(lang, " (versi ", " (version ") + rb.version + ")",
                   T(lang, "Ubah angka di lembar Masukan: nilai indikator dan status yang berupa perbandingan ikut berubah; "
                           "status bertanda * adalah hasil Kopsehat yang tetap.",
                     "Change a figure on Masukan: values and comparison verdicts follow; verdicts marked * are "
                     "Kopsehat's fixed results."),
                   lang);
  const std::pair<const char*, int> counts[] = {{GoalStatusCode(GoalStatus::kMet), a.summary.met},
                                                {GoalStatusCode(GoalStatus::kNotMet), a.summary.not_met},
                                                {GoalStatusCode(GoalStatus::kNoTarget), a.summary.no_target},
                                                {GoalStatusCode(GoalStatus::kNotAssessable), a.summary.not_assessable}};
  lxw_row_t sr = 6;
  worksheet_write_string(sum, sr, 0, "Status", book.header);
  worksheet_write_string(sum, sr, 1, T(lang, "Jumlah", "Count"), book.header);
  for (const auto& [code, n] : counts) {
    ++sr;
    worksheet_write_string(sum, sr, 0, code, nullptr);
    const std::string f = "=COUNTIF(Indikator!$G$2:$G$" + last + ",\"" + code + "\")";
    worksheet_write_formula_num(sum, sr, 1, f.c_str(), nullptr, double(n));
  }
  ++sr;
  worksheet_write_string(sum, sr, 0, T(lang, "Indikator", "Indicators"), book.bold);
  worksheet_write_number(sum, sr, 1, double(a.summary.total), book.bold);
}

}  // namespace

Status WriteGoalWorksheet(const Laporan& laporan, const GoalAssessment& a, const WorksheetOptions& o,
                          const std::string& path) {
  const GoalRulebook& rb = *a.rulebook;
  const Lang lang = o.lang;
  Book book;
  if (Status opened = OpenBook(path, "Lembar kerja PEARLS (Kopsehat)", o.created_epoch, &book); !opened.ok()) {
    return opened;
  }
  lxw_workbook* wb = book.wb;
  lxw_worksheet* sum = workbook_add_worksheet(wb, "Ringkasan");
  lxw_worksheet* in = workbook_add_worksheet(wb, "Masukan");
  lxw_worksheet* qs = workbook_add_worksheet(wb, "Besaran");
  lxw_worksheet* is = workbook_add_worksheet(wb, "Indikator");
  StampBook({sum, in, qs, is}, o.stamp, book, lang);
  GoalCells cells;
  WriteGoalInputSheet(in, laporan, book, lang, &cells);
  // Besaran: each quantity as its formula over the inputs (rata_rata and lalu included).
  WriteQuantitySheet(qs, rb.quantities, a.quantities_sen,
                     {T(lang, "Besaran", "Quantity"), T(lang, "Nilai", "Value"), "Id", T(lang, "Rumus", "Formula")},
                     cells.of_line, book, lang);
  WriteIndicatorSheet(is, a, book, lang, &cells);
  WriteGoalSummarySheet(sum, a, book, lang);
  return CloseBook(wb);
}

// ------------------------------------------------------------------------------------------------------------
// The assessment worksheet

namespace {

// The predikat of value cell `x` by the rulebook's thresholds: IF(ROUND(x,6)>=80,"SEHAT",IF(…)). ROUND guards the
// thresholds against binary sums such as 65.99999999999999 for 66.
std::string PredikatFormula(const Rulebook& rb, const std::string& x) {
  std::string pred, closing;
  for (const PredikatRule& p : rb.predikat) {
    if (!p.has_min) {
      pred += "\"" + p.label + "\"";
      break;
    }
    pred += "IF(ROUND(" + x + ",6)>=" + FormatPlain(p.min_e6, 6, 0) + ",\"" + p.label + "\",";
    closing += ")";
  }
  return pred + closing;
}

using AnswerRows = std::map<const Component*, std::pair<lxw_row_t, lxw_row_t>>;  // first, last (1-based rows)

// Columns B and C of a Komponen row: the ratio's numerator and denominator as formulas over Masukan, or for a
// checklist the 'Ya' count over its Manajemen rows and the number of items.
void WriteOperands(lxw_worksheet* ks, lxw_row_t r, const ComponentResult& cr,
                   const std::map<int, std::string>& cell_of_line, const AnswerRows& answer_rows, const Book& book) {
  const Component& c = *cr.spec;
  if (c.kind == ComponentKind::kRatio) {
    worksheet_write_formula_num(ks, r, 1, LinearFormula(c.numerator, cell_of_line).c_str(), book.money,
                                SenToRupiah(cr.numerator_sen));
    worksheet_write_formula_num(ks, r, 2, LinearFormula(c.denominator, cell_of_line).c_str(), book.money,
                                SenToRupiah(cr.denominator_sen));
    return;
  }
  const auto rows = answer_rows.at(&c);
  const std::string range = "Manajemen!$D$" + std::to_string(rows.first) + ":$D$" + std::to_string(rows.second);
  worksheet_write_formula_num(ks, r, 1, ("=COUNTIF(" + range + ",\"Ya\")").c_str(), nullptr, double(cr.yes));
  worksheet_write_number(ks, r, 2, double(c.items.size()), nullptr);
}

// persentase_skor (KKPKK), Komponen: per indicator its ratio (or share of items met), nilai by the band chain,
// skor = skor_maks + 1 − nilai and a "dinilai" flag.
void WriteScorePercentComponents(lxw_worksheet* ks, const Assessment& a, const std::map<int, std::string>& cell_of_line,
                                 const AnswerRows& answer_rows, const Book& book, Lang lang) {
  const Rulebook& rb = *a.rulebook;
  const std::string max = std::to_string(rb.skor_maks);
  worksheet_set_column(ks, 0, 0, 50, nullptr);
  worksheet_set_column(ks, 1, 2, 20, nullptr);
  worksheet_set_column(ks, 3, 7, 11, nullptr);
  worksheet_set_column(ks, 8, 10, 30, nullptr);
  const char* k_head[] = {"Komponen", "Pembilang (Rp) / ya", "Penyebut (Rp) / butir", "Rasio %", "Nilai", "Skor",
                          "Skor maks", "Dinilai", "Aspek", "Sub-aspek", "Id"};
  for (lxw_col_t c = 0; c < 11; ++c) worksheet_write_string(ks, 0, c, k_head[c], book.header);
  for (size_t k = 0; k < a.components.size(); ++k) {
    const ComponentResult& cr = a.components[k];
    const Component& c = *cr.spec;
    const lxw_row_t r = lxw_row_t(k + 1);
    const std::string row = std::to_string(r + 1);
    worksheet_write_string(ks, r, 0, c.name.Get(lang).c_str(), nullptr);
    worksheet_write_number(ks, r, 7, c.informational ? 0.0 : 1.0, nullptr);
    worksheet_write_string(ks, r, 8, c.aspect.c_str(), nullptr);
    worksheet_write_string(ks, r, 9, c.sub_aspect.c_str(), nullptr);
    worksheet_write_string(ks, r, 10, c.id.c_str(), nullptr);
    const double ratio = cr.zero_denominator ? 0.0 : double(cr.ratio_pct.num) / double(cr.ratio_pct.den);
    const std::string zero_nilai = FormatPlain(c.zero.nilai_e2, 2, 0);
    WriteOperands(ks, r, cr, cell_of_line, answer_rows, book);
    // ROUND(…, 9): an exact edge such as 95 must not arrive as 95.00000000000001 from binary division.
    // A growth on a negative base divides by its magnitude (penyebut_mutlak), as the engine does.
    const std::string den = c.absolute_denominator ? "ABS(C" + row + ")" : "C" + row;
    const std::string ratio_formula = "=IF(C" + row + "=0,\"\",ROUND(B" + row + "/" + den + "*100,9))";
    if (cr.zero_denominator) {
      worksheet_write_formula_str(ks, r, 3, ratio_formula.c_str(), book.pct, "");
    } else {
      worksheet_write_formula_num(ks, r, 3, ratio_formula.c_str(), book.pct, ratio);
    }
    if (c.informational) continue;
    const std::string nilai = "=IF(C" + row + "=0," + zero_nilai + "," + BandFormula(c, "D" + row) + ")";
    worksheet_write_formula_num(ks, r, 4, nilai.c_str(), nullptr, ToDouble(cr.nilai_e2, 2));
    worksheet_write_formula_num(ks, r, 5, ("=" + max + "+1-E" + row).c_str(), book.score, ToDouble(cr.skor_e6, 6));
    worksheet_write_number(ks, r, 6, double(rb.skor_maks), nullptr);
  }
}

// persentase_skor (KKPKK), Ringkasan: the Komponen rows pooled per aspect and sub-aspect with SUMIFS, rounded like
// the engine (half up to the rulebook's decimals; the inner ROUND to 9 decimals snaps binary noise such as
// 82.34999999999999 first), the aspects weighed, and every predikat — all live.
void WriteScorePercentSummary(lxw_worksheet* sum, const Assessment& a, const Book& book, Lang lang) {
  const Rulebook& rb = *a.rulebook;
  const std::string dec = std::to_string(rb.decimals);
  const std::string last = std::to_string(a.components.size() + 1);
  const auto pool = [&](char key_col, const std::string& id, char value_col) {
    return std::string("SUMIFS(Komponen!$") + value_col + "$2:$" + value_col + "$" + last + ",Komponen!$" + key_col +
           "$2:$" + key_col + "$" + last + ",\"" + id + "\",Komponen!$H$2:$H$" + last + ",1)";
  };
  // The pool's percentage to 9 decimals (binary noise snapped), and rounded to the rulebook's decimals for display.
  const auto exact = [&](char key_col, const std::string& id) {
    return "ROUND(" + pool(key_col, id, 'F') + "/" + pool(key_col, id, 'G') + "*100,9)";
  };
  const auto pct = [&](char key_col, const std::string& id) { return "=ROUND(" + exact(key_col, id) + "," + dec + ")"; };
  // agregasi.pembulatan = "tampilan": the predikat of every pool and the total come from the unrounded percentages,
  // which column H holds; the contributions and the total are computed from them too.
  const bool display_only = rb.round_for_display_only;

  worksheet_set_column(sum, 0, 0, 44, nullptr);
  worksheet_set_column(sum, 1, 6, 14, nullptr);
  WriteSummaryHead(sum, book, T(lang, "PEMERIKSAAN KESEHATAN KOPERASI SIMPAN PINJAM", "COOPERATIVE HEALTH EXAMINATION"),
                   a.cooperative, a.periode_akhir, rb.id + " (versi " + rb.version + ")",
                   T(lang, "Ubah angka di lembar Masukan atau jawaban di lembar Manajemen; semua skor mengikuti.",
                     "Change a figure on Masukan or an answer on Manajemen; every score follows."),
                   lang);
  const char* s_head[] = {"Aspek", "Persen", "Predikat", "Jumlah skor", "Skor maksimal", "Bobot", "Kontribusi",
                          "Persen tepat"};
  for (lxw_col_t c = 0; c < (display_only ? 8 : 7); ++c) worksheet_write_string(sum, 6, c, s_head[c], book.header);
  if (display_only) worksheet_set_column(sum, 7, 7, 18, nullptr);
  lxw_row_t sr = 7;
  const lxw_row_t first_aspect = sr;
  // One pooled row: name, percentage, predikat, Σ skor, Σ maksimal (key_col: the Komponen column naming the pool).
  const auto pool_row = [&](lxw_row_t r, const Label& name, char key_col, const std::string& id, const PoolResult& p) {
    const std::string row = std::to_string(r + 1);
    worksheet_write_string(sum, r, 0, name.Get(lang).c_str(), nullptr);
    worksheet_write_formula_num(sum, r, 1, pct(key_col, id).c_str(), book.score, ToDouble(p.pct_e6, 6));
    if (display_only) {
      worksheet_write_formula_num(sum, r, 7, ("=" + exact(key_col, id)).c_str(), nullptr,
                                  double(p.exact_pct.num) / double(p.exact_pct.den));
    }
    worksheet_write_formula_str(sum, r, 2, ("=" + PredikatFormula(rb, (display_only ? "H" : "B") + row)).c_str(),
                                nullptr, a.PredikatOf(p).label.c_str());
    worksheet_write_formula_num(sum, r, 3, ("=" + pool(key_col, id, 'F')).c_str(), nullptr, ToDouble(p.sum_e6, 6));
    worksheet_write_formula_num(sum, r, 4, ("=" + pool(key_col, id, 'G')).c_str(), nullptr, ToDouble(p.sum_max_e6, 6));
  };
  for (const AspectResult& asp : a.aspects) {
    const std::string row = std::to_string(sr + 1);
    pool_row(sr, asp.spec->name, 'I', asp.spec->id, asp.pool);
    worksheet_write_number(sum, sr, 5, ToDouble(asp.spec->bobot_e2, 2), nullptr);
    const std::string basis = display_only ? "H" : "B";
    worksheet_write_formula_num(sum, sr, 6, ("=F" + row + "*" + basis + row + "/100").c_str(), book.score,
                                ToDouble(asp.skor_e6, 6));
    ++sr;
  }
  const std::string total_row = std::to_string(sr + 1);
  worksheet_write_string(sum, sr, 0, "TOTAL", book.bold);
  const std::string basis = display_only ? "H" : "B";
  const std::string unrounded = "ROUND(SUMPRODUCT(F" + std::to_string(first_aspect + 1) + ":F" + std::to_string(sr) + "," +
                                basis + std::to_string(first_aspect + 1) + ":" + basis + std::to_string(sr) + ")/100,9)";
  worksheet_write_formula_num(sum, sr, 1, ("=ROUND(" + unrounded + "," + dec + ")").c_str(), book.score,
                              ToDouble(a.total_e6, 6));
  if (display_only) {
    worksheet_write_formula_num(sum, sr, 7, ("=" + unrounded).c_str(), nullptr,
                                double(a.exact_total.num) / double(a.exact_total.den));
  }
  ++sr;
  worksheet_write_string(sum, sr, 0, "PREDIKAT", book.bold);
  worksheet_write_formula_str(sum, sr, 1, ("=" + PredikatFormula(rb, basis + total_row)).c_str(), book.bold,
                              a.Predikat().label.c_str());
  sr += 2;
  if (a.sub_aspects.empty()) return;
  const char* sub_head[] = {"Sub-aspek", "Persen", "Predikat", "Jumlah skor", "Skor maksimal"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(sum, sr, c, sub_head[c], book.header);
  ++sr;
  for (const SubAspectResult& sub : a.sub_aspects) pool_row(sr++, sub.spec->name, 'J', sub.spec->id, sub.pool);
}

// Masukan: every statement line of this year, as the engine read it (defaults applied). A method with growth
// indicators reads last year too (lalu()): its column D, addressed as line + kLineCount. Returns the cell of each line.
std::map<int, std::string> WriteAssessmentInputSheet(lxw_worksheet* in, const Laporan& laporan, bool previous,
                                                     const Book& book, Lang lang) {
  worksheet_set_column(in, 0, 0, 42, nullptr);
  worksheet_set_column(in, 1, 1, 20, nullptr);
  worksheet_set_column(in, 2, 2, 34, nullptr);
  const char* in_head[] = {"Pos", "Nilai (Rp)", "Kunci", "Tahun lalu (Rp)"};
  for (lxw_col_t c = 0; c < (previous ? 4 : 3); ++c) worksheet_write_string(in, 0, c, in_head[c], book.header);
  if (previous) worksheet_set_column(in, 3, 3, 20, nullptr);
  std::map<int, std::string> cell_of_line;
  for (int i = 0; i < kLineCount; ++i) {
    const lxw_row_t r = lxw_row_t(i + 1);
    worksheet_write_string(in, r, 0, lang == Lang::kEn ? kLines[size_t(i)].label_en : kLines[size_t(i)].label_id, nullptr);
    worksheet_write_number(in, r, 1, double(laporan.current.Get(i)) / 100.0, book.input);
    worksheet_write_string(in, r, 2, LinePath(i).c_str(), nullptr);
    cell_of_line[i] = "Masukan!$B$" + std::to_string(r + 1);
    if (previous) {
      worksheet_write_number(in, r, 3, double(laporan.previous.Get(i)) / 100.0, book.input);
      cell_of_line[i + kLineCount] = "Masukan!$D$" + std::to_string(r + 1);
    }
  }
  return cell_of_line;
}

// Manajemen: the filed answers, editable. Returns the rows of each checklist's answers.
AnswerRows WriteAnswerSheet(lxw_worksheet* ms, const Assessment& a, const Book& book, Lang lang) {
  worksheet_set_column(ms, 0, 0, 26, nullptr);
  worksheet_set_column(ms, 2, 2, 80, nullptr);
  const char* m_head[] = {"Komponen", "No", "Butir", "Jawaban"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ms, 0, c, m_head[c], book.header);
  AnswerRows answer_rows;
  lxw_row_t mr = 1;
  for (size_t k = 0; k < a.components.size(); ++k) {
    const ComponentResult& cr = a.components[k];
    const Component& c = *cr.spec;
    if (c.kind != ComponentKind::kChecklist) continue;
    const lxw_row_t first = mr;
    for (size_t i = 0; i < c.items.size(); ++i, ++mr) {
      worksheet_write_string(ms, mr, 0, c.name.Get(lang).c_str(), nullptr);
      worksheet_write_number(ms, mr, 1, double(i + 1), nullptr);
      worksheet_write_string(ms, mr, 2, c.items[i].text.Get(lang).c_str(), nullptr);
      if (cr.scored) {
        worksheet_write_string(ms, mr, 3, cr.answers[i] ? "Ya" : "Tidak", book.input_text);
      } else {
        worksheet_write_blank(ms, mr, 3, book.input_text);
      }
    }
    answer_rows[&c] = {first + 1, mr};
  }
  return answer_rows;
}

// Columns D, E and G of a ratio component's row `r`: the ratio, its nilai (band lookup or linear rule) and skor.
void WriteRatioScore(lxw_worksheet* ks, lxw_row_t r, const ComponentResult& cr, const Book& book) {
  const Component& c = *cr.spec;
  const std::string row = std::to_string(r + 1);
  const std::string ratio = "=IF(C" + row + "=0,\"\",B" + row + "/C" + row + "*100)";
  if (cr.zero_denominator) {
    worksheet_write_formula_str(ks, r, 3, ratio.c_str(), book.pct, "");
  } else {
    worksheet_write_formula_num(ks, r, 3, ratio.c_str(), book.pct, double(cr.ratio_pct.num) / double(cr.ratio_pct.den));
  }
  std::string rule;
  if (c.linear) {
    const LinearRule& l = c.linear_rule;
    // INT(x + 0.5) is floor(x + 1/2): the engine's half-up rounding, also for negatives (ROUND is away from 0).
    rule = "MAX(" + FormatPlain(l.min_e2, 2, 0) + ",MIN(" + FormatPlain(l.max_e2, 2, 0) + "," +
           FormatPlain(l.intercept_e2, 2, 0) + "+(" + FormatPlain(l.slope_e2, 2, 0) + ")*INT(D" + row + "+0.5)))";
  } else {
    rule = BandFormula(c, "D" + row);
  }
  const std::string nilai = "=IF(C" + row + "=0," + FormatPlain(c.zero.nilai_e2, 2, 0) + "," + rule + ")";
  worksheet_write_formula_num(ks, r, 4, nilai.c_str(), nullptr, ToDouble(cr.nilai_e2, 2));
  worksheet_write_formula_num(ks, r, 6, ("=E" + row + "*F" + row + "/100").c_str(), book.score, ToDouble(cr.skor_e6, 6));
}

// Komponen: numerator, denominator, ratio, nilai (band lookup or linear rule), bobot, skor — all live.
void WriteComponentSheet(lxw_worksheet* ks, const Assessment& a, const std::map<int, std::string>& cell_of_line,
                         const AnswerRows& answer_rows, const Book& book, Lang lang) {
  worksheet_set_column(ks, 0, 0, 50, nullptr);
  worksheet_set_column(ks, 1, 2, 20, nullptr);
  worksheet_set_column(ks, 3, 7, 11, nullptr);
  worksheet_set_column(ks, 8, 9, 36, nullptr);
  const char* k_head[] = {"Komponen", "Pembilang (Rp) / ya", "Penyebut (Rp) / butir", "Rasio %", "Nilai",
                          "Bobot", "Skor", "Poin per ya", "Aspek", "Id"};
  for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(ks, 0, c, k_head[c], book.header);
  for (size_t k = 0; k < a.components.size(); ++k) {
    const ComponentResult& cr = a.components[k];
    const Component& c = *cr.spec;
    const lxw_row_t r = lxw_row_t(k + 1);
    const std::string row = std::to_string(r + 1);
    worksheet_write_string(ks, r, 0, c.name.Get(lang).c_str(), nullptr);
    worksheet_write_number(ks, r, 5, ToDouble(c.bobot_e2, 2), nullptr);
    worksheet_write_string(ks, r, 8, c.aspect.c_str(), nullptr);
    worksheet_write_string(ks, r, 9, c.id.c_str(), nullptr);
    WriteOperands(ks, r, cr, cell_of_line, answer_rows, book);
    if (c.kind == ComponentKind::kRatio) {
      WriteRatioScore(ks, r, cr, book);
    } else {
      worksheet_write_number(ks, r, 7, ToDouble(c.points_per_yes_e6, 6), nullptr);
      worksheet_write_formula_num(ks, r, 6, ("=B" + row + "*H" + row).c_str(), book.score, ToDouble(cr.skor_e6, 6));
    }
  }
}

// Ringkasan of the assessment worksheet: aspects, total, predikat.
void WriteAssessmentSummarySheet(lxw_worksheet* sum, const Assessment& a, const Book& book, Lang lang) {
  const Rulebook& rb = *a.rulebook;
  const std::string last_k = std::to_string(a.components.size() + 1);
  worksheet_set_column(sum, 0, 0, 40, nullptr);
  worksheet_set_column(sum, 1, 2, 14, nullptr);
  WriteSummaryHead(sum, book, T(lang, "PENILAIAN KESEHATAN KOPERASI SIMPAN PINJAM", "COOPERATIVE HEALTH ASSESSMENT"),
                   a.cooperative, a.periode_akhir, rb.id + " (versi " + rb.version + ")",
                   T(lang, "Ubah angka di lembar Masukan atau jawaban di lembar Manajemen; semua skor mengikuti.",
                     "Change a figure on Masukan or an answer on Manajemen; every score follows."),
                   lang);
  const char* s_head[] = {"Aspek", "Skor", "Bobot"};
  for (lxw_col_t c = 0; c < 3; ++c) worksheet_write_string(sum, 6, c, s_head[c], book.header);
  lxw_row_t sr = 7;
  for (const AspectResult& asp : a.aspects) {
    worksheet_write_string(sum, sr, 0, asp.spec->name.Get(lang).c_str(), nullptr);
    const std::string f = "=SUMIF(Komponen!$I$2:$I$" + last_k + ",\"" + asp.spec->id + "\",Komponen!$G$2:$G$" + last_k + ")";
    worksheet_write_formula_num(sum, sr, 1, f.c_str(), book.score, ToDouble(asp.skor_e6, 6));
    worksheet_write_number(sum, sr, 2, ToDouble(asp.spec->bobot_e2, 2), nullptr);
    ++sr;
  }
  const std::string total_cell = "B" + std::to_string(sr + 1);
  worksheet_write_string(sum, sr, 0, "TOTAL", book.bold);
  worksheet_write_formula_num(sum, sr, 1, ("=SUM(B8:B" + std::to_string(sr) + ")").c_str(), book.score, ToDouble(a.total_e6, 6));
  ++sr;
  worksheet_write_string(sum, sr, 0, "PREDIKAT", book.bold);
  worksheet_write_formula_str(sum, sr, 1, ("=" + PredikatFormula(rb, total_cell)).c_str(), book.bold, a.Predikat().label.c_str());
  if (a.manajemen_excluded) {
    worksheet_write_string(sum, sr + 1, 0, T(lang, "Dinilai tanpa daftar periksa manajemen.", "Assessed without the management checklist."), nullptr);
  }
}

}  // namespace

Status WriteAssessmentWorksheet(const Laporan& laporan, const Assessment& a, const WorksheetOptions& o,
                                const std::string& path) {
  const Rulebook& rb = *a.rulebook;
  const Lang lang = o.lang;
  Book book;
  if (Status opened = OpenBook(path, "Lembar kerja penilaian kesehatan (Kopsehat)", o.created_epoch, &book);
      !opened.ok()) {
    return opened;
  }
  lxw_workbook* wb = book.wb;
  // Sheets in display order; Ringkasan first so a CSV export of the workbook shows the result.
  lxw_worksheet* sum = workbook_add_worksheet(wb, "Ringkasan");
  lxw_worksheet* in = workbook_add_worksheet(wb, "Masukan");
  lxw_worksheet* qs = workbook_add_worksheet(wb, "Besaran");
  lxw_worksheet* ks = workbook_add_worksheet(wb, "Komponen");
  lxw_worksheet* ms = workbook_add_worksheet(wb, "Manajemen");
  StampBook({sum, in, qs, ks, ms}, o.stamp, book, lang);
  const std::map<int, std::string> cell_of_line =
      WriteAssessmentInputSheet(in, AsAssessed(laporan, rb), rb.uses_previous, book, lang);
  WriteQuantitySheet(qs, rb.quantities, a.quantities_sen, {"Besaran", "Nilai (Rp)", "Id", "Rumus"}, cell_of_line, book,
                     lang);
  const AnswerRows answer_rows = WriteAnswerSheet(ms, a, book, lang);
  if (rb.ScorePercent()) {
    WriteScorePercentComponents(ks, a, cell_of_line, answer_rows, book, lang);
    WriteScorePercentSummary(sum, a, book, lang);
  } else {
    WriteComponentSheet(ks, a, cell_of_line, answer_rows, book, lang);
    WriteAssessmentSummarySheet(sum, a, book, lang);
  }
  return CloseBook(wb);
}

namespace {

// libxlsxwriter writes only to a path: the workbook goes to a file in memory and is read back.
template <typename WriteFn>
Status RenderThroughMemoryFile(WriteFn write, std::string* out) {
  out->clear();
  MemoryFile file;
  if (!file.status().ok()) return file.status();
  if (Status written = write(file.path()); !written.ok()) return written;
  return file.ReadAll(kMaxWorksheetBytes, out);
}

}  // namespace

Status RenderAssessmentWorksheet(const Laporan& laporan, const Assessment& a, const WorksheetOptions& options,
                                 std::string* out) {
  return RenderThroughMemoryFile(
      [&](const std::string& path) { return WriteAssessmentWorksheet(laporan, a, options, path); }, out);
}

Status RenderGoalWorksheet(const Laporan& laporan, const GoalAssessment& a, const WorksheetOptions& options,
                           std::string* out) {
  return RenderThroughMemoryFile(
      [&](const std::string& path) { return WriteGoalWorksheet(laporan, a, options, path); }, out);
}

}  // namespace kopsehat
