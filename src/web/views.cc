// web/views.cc — see views.h. Every page is appended to one reserved string through Html, whose only way to add a
// dynamic text is Esc{...}: markup must be a C string literal, so forgetting to escape does not compile. No inline
// script or style attribute, so a strict Content-Security-Policy (self only) keeps working.
#include "web/views.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/check.h"
#include "interchange/spreadsheet.h"
#include "plan/actions.h"
#include "report/plan_report.h"
#include "report/text_report.h"
#include "report/wording.h"
#include "rules/loader.h"

namespace kopsehat::web {

namespace {

using store::Role;
using store::Status;

// Long lists on the regional dashboard (warnings, overdue, awaiting review) show this many entries and a count of
// the rest: the full table below is where all of them can be paged through.
constexpr size_t kListLimit = 50;
constexpr size_t kOpenListSize = 8;
// The score chart shows the most recent periods only; older years crowd a phone screen without helping.
constexpr size_t kChartPeriods = 10;

void AppendEscaped(std::string_view text, std::string* out) {
  for (const char c : text) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      default: out->push_back(c);
    }
  }
}

// A dynamic value for Html: escaped on the way in.
struct Esc {
  std::string_view text;
};

class Html {
 public:
  explicit Html(size_t reserve) { out_.reserve(reserve); }
  // Markup is only ever a C string (a literal, or a literal chosen by T()): a std::string or string_view does not
  // compile here, so a value from the database cannot be appended without Esc.
  Html& operator<<(const char* markup) {
    out_.append(markup);
    return *this;
  }
  Html& operator<<(Esc value) {
    AppendEscaped(value.text, &out_);
    return *this;
  }
  // Numbers need no escaping; char and bool are excluded so a stray '<' cannot slip in as a number.
  template <typename I>
    requires(std::is_integral_v<I> && !std::is_same_v<I, char> && !std::is_same_v<I, bool>)
  Html& operator<<(I n) {
    out_.append(std::to_string(n));
    return *this;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

const char* T(const PageContext& ctx, const char* id, const char* en) { return ctx.lang == Lang::kEn ? en : id; }
const std::string& L(const PageContext& ctx, const Label& label) { return label.Get(ctx.lang); }

std::string Path(std::string_view head, int64_t id, std::string_view tail = {}) {
  std::string s(head);
  s.append(std::to_string(id)).append(tail);
  return s;
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool EqualsFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// Byte-wise, ASCII letters folded: names are mostly ASCII, and this needs no allocation per row.
bool ContainsFold(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsFold(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

int CompareFold(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = static_cast<unsigned char>(LowerAscii(a[i]));
    const unsigned char y = static_cast<unsigned char>(LowerAscii(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

std::string Pad2(int v) {
  std::string s = std::to_string(v);
  if (s.size() < 2) s.insert(0, "0");
  return s;
}

// Stored times are Unix seconds; shown in UTC and saying so, since the Dinas offices span three time zones.
std::string FormatTime(int64_t unix_s) {
  const std::time_t t = static_cast<std::time_t>(unix_s);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::string s = std::to_string(tm.tm_year + 1900);
  s.append("-").append(Pad2(tm.tm_mon + 1)).append("-").append(Pad2(tm.tm_mday));
  s.append(" ").append(Pad2(tm.tm_hour)).append(":").append(Pad2(tm.tm_min)).append(" UTC");
  return s;
}

std::string FormatBytes(int64_t n, Lang lang) {
  constexpr int64_t kKiB = 1024;
  constexpr int64_t kMiB = 1024 * 1024;
  std::string s;
  if (n < kKiB) return s.append(std::to_string(n)).append(" B");
  if (n < kMiB) return s.append(FormatNumber((n * 10 + kKiB / 2) / kKiB, 1, 1, lang)).append(" KB");
  return s.append(FormatNumber((n * 10 + kMiB / 2) / kMiB, 1, 1, lang)).append(" MB");
}

// Percent-encodes a query parameter value (RFC 3986 unreserved characters kept).
std::string UrlEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

// "+1,20" / "-0,50": a change reads better with its sign.
std::string SignedPoints(int64_t e6, Lang lang) {
  std::string s = e6 > 0 ? "+" : "";
  return s.append(FormatPoints(e6, lang));
}

const char* RoleLabel(const PageContext& ctx, Role role) {
  switch (role) {
    case Role::kAdmin: return T(ctx, "Administrator", "Administrator");
    case Role::kDinas: return T(ctx, "Pemeriksa Dinas", "Dinas examiner");
    case Role::kPengurus: return T(ctx, "Pengurus", "Board member");
    case Role::kPengelola: return T(ctx, "Pengelola", "Manager");
    case Role::kPengawas: return T(ctx, "Pengawas", "Supervisory board");
    case Role::kAnggota: return T(ctx, "Anggota", "Member");
  }
  return "";
}

const char* StatusLabel(const PageContext& ctx, Status s) {
  switch (s) {
    case Status::kDraft: return T(ctx, "Draf", "Draft");
    case Status::kSubmitted: return T(ctx, "Diajukan", "Submitted");
    case Status::kFinal: return T(ctx, "Final", "Final");
  }
  return "";
}

// ---- Page frame ----

void CsrfField(Html& h, const PageContext& ctx) {
  h << "<input type=\"hidden\" name=\"csrf\" value=\"" << Esc{ctx.csrf} << "\">";
}

// Every POST form starts here, so none can lack the CSRF token. `confirm` asks before submitting (script).
void FormOpen(Html& h, const PageContext& ctx, std::string_view action, bool multipart, const char* cls = "",
              std::string_view confirm = {}) {
  h << "<form method=\"post\" action=\"" << Esc{action} << "\"";
  if (multipart) h << " enctype=\"multipart/form-data\"";
  if (*cls != '\0') h << " class=\"" << cls << "\"";
  if (!confirm.empty()) h << " data-konfirmasi=\"" << Esc{confirm} << "\"";
  h << ">";
  CsrfField(h, ctx);
}

void LanguageSwitch(Html& h, const PageContext& ctx) {
  const std::string_view path = ctx.path.empty() ? std::string_view("/") : std::string_view(ctx.path);
  const char* sep = path.find('?') == std::string_view::npos ? "?" : "&";
  if (ctx.lang == Lang::kEn) {
    h << "<a class=\"bahasa\" lang=\"id\" href=\"" << Esc{path} << Esc{sep} << "lang=id\">Bahasa Indonesia</a>";
  } else {
    h << "<a class=\"bahasa\" lang=\"en\" href=\"" << Esc{path} << Esc{sep} << "lang=en\">English</a>";
  }
}

void Header(Html& h, const PageContext& ctx) {
  h << "<header><a class=\"merek\" href=\"/\">Kopsehat</a>";
  if (ctx.principal != nullptr) {
    const store::User& u = ctx.principal->user;
    h << "<nav><a href=\"/\">" << T(ctx, "Beranda", "Home") << "</a>";
    if (Allowed(u, app::Action::kViewRegion, nullptr)) h << "<a href=\"/wilayah\">" << T(ctx, "Wilayah", "Region") << "</a>";
    if (Allowed(u, app::Action::kAdminister, nullptr)) h << "<a href=\"/admin\">Admin</a>";
    h << "</nav><span class=\"pengguna\">" << Esc{u.display_name} << " · " << RoleLabel(ctx, u.role) << "</span>";
    FormOpen(h, ctx, "/keluar", false, "keluar");
    h << "<button>" << T(ctx, "Keluar", "Log out") << "</button></form>";
  }
  LanguageSwitch(h, ctx);
  h << "</header>";
}

void Begin(Html& h, const PageContext& ctx, std::string_view title) {
  h << "<!doctype html>\n<html lang=\"" << (ctx.lang == Lang::kEn ? "en" : "id") << "\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" << Esc{title}
    << " — Kopsehat</title><link rel=\"stylesheet\" href=\"/aset/gaya.css\">"
    << "<script src=\"/aset/kopsehat.js\" defer></script></head><body>";
  Header(h, ctx);
  h << "<main>";
}

std::string End(Html& h, const PageContext& ctx) {
  h << "</main><footer>Kopsehat — " << T(ctx, "penilaian kesehatan koperasi simpan pinjam", "health assessment of "
    "savings-and-loan cooperatives") << "</footer></body></html>\n";
  return h.Take();
}

// Where on the page a problem's path is shown (path → element id), so the list at the top can link to it.
using Anchors = std::map<std::string, std::string, std::less<>>;

const std::string* AnchorOf(const Anchors* anchors, std::string_view path) {
  if (anchors == nullptr) return nullptr;
  const auto it = anchors->find(path);
  return it == anchors->end() ? nullptr : &it->second;
}

// The problems of the last attempt; those naming a field of the page link to it.
// `about_input`: the problems are with what the user typed (a form); otherwise they explain a refusal.
void ProblemList(Html& h, const PageContext& ctx, const Problems& problems, const Anchors* anchors = nullptr,
                 bool about_input = true) {
  if (problems.empty()) return;
  h << "<div class=\"masalah\" role=\"alert\"><p><strong>"
    << (about_input ? T(ctx, "Periksa kembali isian berikut:", "Please check the following:")
                    : T(ctx, "Alasannya:", "The reason:"))
    << "</strong></p><ul>";
  for (const Problem& p : problems.items()) {
    h << "<li>";
    const std::string* anchor = AnchorOf(anchors, p.path);
    if (anchor != nullptr) {
      h << "<a href=\"#" << Esc{*anchor} << "\">" << Esc{p.Line(ctx.lang)} << "</a>";
    } else {
      h << Esc{p.Line(ctx.lang)};
    }
    h << "</li>";
  }
  if (problems.dropped() > 0) {
    h << "<li>… " << T(ctx, "dan ", "and ") << problems.dropped() << T(ctx, " masalah lain", " more problems")
      << "</li>";
  }
  h << "</ul></div>";
}

// ---- Badges ----

const char* PredikatClass(std::string_view label) {
  if (label == "SEHAT") return "p-sehat";
  if (label == "CUKUP SEHAT") return "p-cukup";
  if (label == "DALAM PENGAWASAN") return "p-awas";
  if (label == "DALAM PENGAWASAN KHUSUS") return "p-khusus";
  return label.empty() ? "p-belum" : "p-lain";
}

void PredikatBadge(Html& h, const PageContext& ctx, std::string_view label) {
  h << "<span class=\"lencana " << PredikatClass(label) << "\">";
  if (label.empty()) {
    h << T(ctx, "belum dinilai", "not assessed");
  } else {
    h << Esc{label};
  }
  h << "</span>";
}

void StatusBadge(Html& h, const PageContext& ctx, Status s) {
  h << "<span class=\"status s-" << store::StatusName(s) << "\">" << StatusLabel(ctx, s) << "</span>";
}

// ---- Explaining an assessment (mirrors report/text_report.cc, as HTML) ----

const char* SideName(BalanceSide side) {
  switch (side) {
    case BalanceSide::kAset: return "aset";
    case BalanceSide::kAsetPengurang: return "pengurang";
    case BalanceSide::kKewajiban: return "kewajiban";
    case BalanceSide::kEkuitas: return "ekuitas";
    case BalanceSide::kNone: break;
  }
  return "";
}

// One line's value as people read it: Rupiah, or a plain count for head counts (stored ×100 like amounts).
std::string LineValue(int line, Sen sen, Lang lang) {
  if (IsCountLine(line)) return FormatNumber(sen, 2, 0, lang);
  return FormatRupiah(Fraction{sen, 1}, lang);
}

// A ratio operand: Rupiah, or a count when every term is a head count.
std::string OperandValue(const LinearForm& form, const Fraction& sen, Lang lang) {
  bool counts = !form.terms.empty();
  for (const LinearForm::Term& t : form.terms) counts = counts && IsCountLine(t.line % kLineCount);
  if (!counts) return FormatRupiah(sen, lang);
  return FormatNumber(RoundHalfUp(Fraction{sen.num, CheckedMul(sen.den, 100)}, 2), 2, 0, lang);
}

const char* LineLabel(int line, Lang lang) {
  const LineSpec& s = kLines[size_t(line)];
  return lang == Lang::kEn ? s.label_en : s.label_id;
}

// The laporan lines a formula reads, each with its coefficient and the value filed.
void TermList(Html& h, const PageContext& ctx, const char* heading, const LinearForm& form, const Laporan& l) {
  h << "<li>" << heading << "<ul>";
  for (const LinearForm::Term& t : form.terms) {
    const bool previous = t.line >= kLineCount;
    const int line = t.line % kLineCount;
    const i128 one = Pow10(form.scale);
    h << "<li>";
    if (t.coef_units < 0) h << "− ";
    const i128 coef = t.coef_units < 0 ? -t.coef_units : t.coef_units;
    if (coef != one) h << Esc{FormatNumber(coef, form.scale, 0, ctx.lang)} << " × ";
    h << Esc{LineLabel(line, ctx.lang)};
    if (previous) h << T(ctx, " (tahun lalu)", " (last year)");
    h << " <span class=\"kecil\">" << Esc{LinePath(line)} << "</span>: ";
    const Statements& st = previous ? l.previous : l.current;
    h << Esc{LineValue(line, st.Get(line), ctx.lang)} << "</li>";
  }
  h << "</ul></li>";
}

std::string RuleText(const PageContext& ctx, const ComponentResult& r) {
  const Component& c = *r.spec;
  const Lang lang = ctx.lang;
  std::string s;
  if (r.zero_denominator) {
    s.append(T(ctx, "penyebut nol → nilai ", "zero denominator → nilai ")).append(FormatNilai(r.nilai_e2, lang));
    if (!c.zero.pesan.id.empty()) s.append(" (").append(c.zero.pesan.Get(lang)).append(")");
  } else if (c.linear) {
    const LinearRule& lr = c.linear_rule;
    s.append("r = ").append(std::to_string(r.linear_r)).append(T(ctx, "; nilai = batas ", "; nilai = clamp "));
    s.append(FormatNilai(lr.min_e2, lang)).append("..").append(FormatNilai(lr.max_e2, lang)).append(" (");
    s.append(FormatNilai(lr.intercept_e2, lang)).append(lr.slope_e2 < 0 ? " − " : " + ");
    s.append(FormatNilai(lr.slope_e2 < 0 ? -lr.slope_e2 : lr.slope_e2, lang)).append(" × r) = ");
    s.append(FormatNilai(r.nilai_e2, lang));
  } else {
    s.append(IntervalText(c.bands[size_t(r.band)].range, lang)).append(" → nilai ");
    s.append(FormatNilai(r.nilai_e2, lang));
  }
  return s;
}

void RatioDetail(Html& h, const PageContext& ctx, const ComponentResult& r, const Laporan& l) {
  const Component& c = *r.spec;
  h << "<p>" << T(ctx, "Rumus: ", "Formula: ") << Esc{OperandName(L(ctx, c.numerator_name))} << " / "
    << Esc{OperandName(L(ctx, c.denominator_name))} << " × 100 %</p>";
  h << "<p>" << T(ctx, "Hitungan: ", "Computed: ") << Esc{OperandValue(c.numerator, r.numerator_sen, ctx.lang)}
    << " / " << Esc{OperandValue(c.denominator, r.denominator_sen, ctx.lang)} << " = ";
  if (r.zero_denominator) {
    h << T(ctx, "tidak terdefinisi (penyebut nol)", "undefined (zero denominator)");
  } else {
    h << "<strong>" << Esc{FormatPercent(r.ratio_pct, ctx.lang)} << "</strong>";
  }
  h << "</p>";
  if (!c.informational) h << "<p>" << T(ctx, "Aturan: ", "Rule: ") << Esc{RuleText(ctx, r)} << "</p>";
  if (!c.informational && r.next.exists) h << "<p>" << Esc{NextStepText(r, ctx.lang)} << "</p>";
  h << "<details><summary>" << T(ctx, "Masukan", "Inputs") << "</summary><ul>";
  TermList(h, ctx, T(ctx, "Pembilang", "Numerator"), c.numerator, l);
  TermList(h, ctx, T(ctx, "Penyebut", "Denominator"), c.denominator, l);
  h << "</ul></details>";
}

void ChecklistDetail(Html& h, const PageContext& ctx, const ComponentResult& r) {
  const Component& c = *r.spec;
  if (!r.scored) {
    h << "<p>" << T(ctx, "Tidak dinilai (tanpa daftar periksa).", "Not scored (no checklist).") << "</p>";
    return;
  }
  h << "<p>" << r.yes << T(ctx, " dari ", " of ") << r.items;
  if (r.pooled) {
    h << T(ctx, " butir terpenuhi = ", " items met = ") << Esc{FormatPercent(r.ratio_pct, ctx.lang)} << "; "
      << Esc{IntervalText(c.bands[size_t(r.band)].range, ctx.lang)} << " → nilai "
      << Esc{FormatNilai(r.nilai_e2, ctx.lang)};
  } else {
    h << T(ctx, " butir dijawab 'ya' × ", " items answered 'yes' × ")
      << Esc{FormatNumber(c.points_per_yes_e6, 6, 2, ctx.lang)} << T(ctx, " poin", " points");
  }
  h << "</p>";
  if (r.pooled && r.next.exists) h << "<p>" << Esc{NextStepText(r, ctx.lang)} << "</p>";
  for (const DerivedAnswer& d : r.derived) {
    h << "<p>" << T(ctx, "Butir ", "Item ") << (d.item + 1) << T(ctx, " menurut buku: ", " per the books: ")
      << (d.books_say ? T(ctx, "ya", "yes") : T(ctx, "tidak", "no")) << " (" << Esc{ExplainDerived(d).Get(ctx.lang)}
      << ")";
    if (d.conflict) {
      h << " <strong>" << T(ctx, "— berbeda dengan jawaban", "— differs from the answer") << "</strong>";
    }
    h << "</p>";
  }
  const int unmet = r.items - r.yes;
  if (unmet <= 0) return;
  h << "<details><summary>" << T(ctx, "Butir dijawab 'tidak' (", "Items answered 'no' (") << unmet << ")</summary><ul>";
  for (size_t i = 0; i < c.items.size() && i < size_t(r.items); ++i) {
    if (!r.answers[i]) h << "<li>" << (i + 1) << ". " << Esc{L(ctx, c.items[i].text)} << "</li>";
  }
  h << "</ul></details>";
}

// The score cell: nilai, weight and points as the method adds them up.
void ComponentScoreCells(Html& h, const PageContext& ctx, const ComponentResult& r) {
  const Component& c = *r.spec;
  if (c.informational) {
    h << "<td class=\"n\">—</td><td class=\"n\">" << T(ctx, "informasi", "information") << "</td>";
    return;
  }
  h << "<td class=\"n\" data-nilai=\"" << r.nilai_e2 << "\">";
  if (c.kind == ComponentKind::kRatio || r.pooled) {
    h << Esc{FormatNilai(r.nilai_e2, ctx.lang)};
  } else {
    h << "—";
  }
  h << "</td><td class=\"n\" data-nilai=\"" << r.skor_e6 << "\"><strong>" << Esc{FormatPoints(r.skor_e6, ctx.lang)}
    << "</strong><div class=\"kecil\">";
  if (r.pooled || c.kind == ComponentKind::kChecklist) {
    h << T(ctx, "dari ", "of ") << Esc{FormatPoints(r.max_e6, ctx.lang)};
  } else {
    h << T(ctx, "bobot ", "weight ") << Esc{FormatNilai(c.bobot_e2, ctx.lang)};
  }
  h << "</div></td>";
}

void ComponentRow(Html& h, const PageContext& ctx, const ComponentResult& r, const Laporan& l, size_t aspect_no,
                  int component_no) {
  const Component& c = *r.spec;
  // The explanation gets a row of its own across the table: on a phone it then has the whole width.
  h << "<tbody id=\"c-" << Esc{c.id} << "\" class=\"komponen\"><tr><th scope=\"row\">" << aspect_no << "."
    << component_no << " " << Esc{L(ctx, c.name)} << "</th>";
  ComponentScoreCells(h, ctx, r);
  h << "</tr><tr><td colspan=\"3\" class=\"rinci\">";
  if (c.kind == ComponentKind::kRatio) {
    RatioDetail(h, ctx, r, l);
  } else {
    ChecklistDetail(h, ctx, r);
  }
  if (c.confidence == "rendah") {
    h << "<p class=\"catatan\">" << T(ctx, "Keyakinan rendah: ", "Low confidence: ") << Esc{c.note} << "</p>";
  }
  h << "</td></tr></tbody>";
}

std::string PoolText(const Assessment& a, const PoolResult& p, Lang lang) {
  std::string s = FormatNumber(p.pct_e6, 6, 2, lang);
  return s.append(" % (").append(a.PredikatOf(p).label).append(")");
}

std::string AspectScore(const Assessment& a, const AspectResult& asp, Lang lang) {
  if (a.rulebook->ScorePercent()) return PoolText(a, asp.pool, lang);
  std::string s = FormatPoints(asp.skor_e6, lang);
  return s.append(" / ").append(FormatPoints(asp.max_e6, lang));
}

void AspectComponents(Html& h, const PageContext& ctx, const Assessment& a, const Laporan& l, size_t ai) {
  const AspectResult& asp = a.aspects[ai];
  h << "<section class=\"kartu\"><h3>" << (ai + 1) << ". " << Esc{L(ctx, asp.spec->name)}
    << " <span class=\"skor-kecil\">"
    << Esc{AspectScore(a, asp, ctx.lang)} << "</span></h3><div class=\"gulir\"><table><thead><tr><th>"
    << T(ctx, "Komponen", "Component") << "</th><th class=\"n\">Nilai</th><th class=\"n\">"
    << T(ctx, "Skor", "Score") << "</th></tr></thead>";
  int n = 0;
  int sub = -1;
  for (const ComponentResult& r : a.components) {
    if (r.spec->aspect_index != int(ai)) continue;
    if (r.spec->sub_aspect_index >= 0 && r.spec->sub_aspect_index != sub) {
      sub = r.spec->sub_aspect_index;
      const SubAspectResult& sr = a.sub_aspects[size_t(sub)];
      h << "<tbody><tr class=\"sub\"><th colspan=\"3\">" << Esc{L(ctx, sr.spec->name)} << " — "
        << Esc{PoolText(a, sr.pool, ctx.lang)} << "</th></tr></tbody>";
    }
    ComponentRow(h, ctx, r, l, ai + 1, ++n);
  }
  h << "</table></div></section>";
}

void AspectSummary(Html& h, const PageContext& ctx, const Assessment& a) {
  const bool pct = a.rulebook->ScorePercent();
  h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th>" << T(ctx, "Aspek", "Aspect") << "</th>";
  if (pct) {
    h << "<th class=\"n\">" << T(ctx, "Persen", "Percent") << "</th><th>Predikat</th><th class=\"n\">Bobot</th><th "
      << "class=\"n\">" << T(ctx, "Kontribusi", "Points") << "</th>";
  } else {
    h << "<th class=\"n\">" << T(ctx, "Skor", "Score") << "</th><th class=\"n\">" << T(ctx, "Maks", "Max") << "</th>";
  }
  h << "</tr></thead><tbody>";
  for (const AspectResult& asp : a.aspects) {
    h << "<tr><td>" << Esc{L(ctx, asp.spec->name)} << "</td>";
    if (pct) {
      h << "<td class=\"n\" data-nilai=\"" << asp.pool.pct_e6 << "\">"
        << Esc{FormatNumber(asp.pool.pct_e6, 6, 2, ctx.lang)}
        << " %</td><td>";
      PredikatBadge(h, ctx, a.PredikatOf(asp.pool).label);
      h << "</td><td class=\"n\" data-nilai=\"" << asp.spec->bobot_e2 << "\">"
        << Esc{FormatNilai(asp.spec->bobot_e2, ctx.lang)} << "</td>";
    }
    h << "<td class=\"n\" data-nilai=\"" << asp.skor_e6 << "\">" << Esc{FormatPoints(asp.skor_e6, ctx.lang)} << "</td>";
    if (!pct) {
      h << "<td class=\"n\" data-nilai=\"" << asp.max_e6 << "\">" << Esc{FormatPoints(asp.max_e6, ctx.lang)} << "</td>";
    }
    h << "</tr>";
  }
  h << "</tbody><tfoot><tr><th>" << T(ctx, "Total", "Total") << "</th>";
  if (pct) h << "<td></td><td></td><td></td>";
  h << "<th class=\"n\">" << Esc{FormatPoints(a.total_e6, ctx.lang)} << "</th>";
  if (!pct) h << "<th class=\"n\">" << Esc{FormatPoints(a.max_total_e6, ctx.lang)} << "</th>";
  h << "</tr></tfoot></table></div>";
}

// Text for the radar image: the same numbers as the picture, for screen readers and failed image loads.
std::string RadarAlt(const PageContext& ctx, const Assessment& a) {
  std::string s = T(ctx, "Radar skor per aspek: ", "Radar of aspect scores: ");
  for (size_t i = 0; i < a.aspects.size(); ++i) {
    if (i > 0) s.append("; ");
    s.append(L(ctx, a.aspects[i].spec->name)).append(" ").append(AspectScore(a, a.aspects[i], ctx.lang));
  }
  return s;
}

void ScoreHead(Html& h, const PageContext& ctx, const Assessment& a, int64_t laporan_id) {
  h << "<div class=\"skor-kepala\"><p class=\"skor\">" << Esc{FormatPoints(a.total_e6, ctx.lang)}
    << "<span class=\"kecil\"> / " << Esc{FormatPoints(a.max_total_e6, ctx.lang)} << "</span></p>";
  PredikatBadge(h, ctx, a.Predikat().label);
  if (ctx.lang == Lang::kEn) h << " <span class=\"kecil\">" << Esc{a.Predikat().name.en} << "</span>";
  h << "</div>";
  if (a.manajemen_excluded) {
    h << "<p class=\"info\">" << T(ctx, "Tanpa aspek Manajemen: skor total tidak memuat poin manajemen.",
                                  "Without the Manajemen aspect: the total excludes its points.") << "</p>";
  }
  h << "<img class=\"radar\" loading=\"lazy\" src=\"" << Esc{Path("/laporan/", laporan_id, "/radar.svg")}
    << "\" alt=\"" << Esc{RadarAlt(ctx, a)} << "\">";
}

void LossList(Html& h, const PageContext& ctx, const Assessment& a, size_t n) {
  const std::vector<const ComponentResult*> losses = BiggestLosses(a, n);
  if (losses.empty()) return;
  h << "<h2>" << T(ctx, "Komponen yang paling banyak kehilangan poin", "Components losing the most points")
    << "</h2><ol class=\"rugi\">";
  for (const ComponentResult* r : losses) {
    h << "<li><a href=\"#c-" << Esc{r->spec->id} << "\">" << Esc{L(ctx, r->spec->name)} << "</a>: "
      << T(ctx, "kehilangan ", "loses ") << "<strong>" << Esc{FormatLoss(*r, ctx.lang)} << "</strong>"
      << T(ctx, " poin", " points") << "<div class=\"kecil\">";
    if (r->spec->kind == ComponentKind::kChecklist) {
      h << (r->items - r->yes) << T(ctx, " butir belum terpenuhi", " items not met");
      if (r->next.exists) h << "; " << Esc{NextStepText(*r, ctx.lang)};
    } else if (r->zero_denominator) {
      h << T(ctx, "penyebut nol; lihat peringatan", "zero denominator; see the warnings");
    } else {
      h << T(ctx, "rasio ", "ratio ") << Esc{FormatPercent(r->ratio_pct, ctx.lang)} << "; ";
      if (r->next.exists) {
        h << Esc{NextStepText(*r, ctx.lang)};
      } else {
        h << T(ctx, "sudah di pita terbaik yang terjangkau", "already in the best reachable band");
      }
    }
    h << "</div></li>";
  }
  h << "</ol>";
}

void WarningList(Html& h, const PageContext& ctx, const Assessment& a) {
  if (a.warnings.empty()) return;
  h << "<h2>" << T(ctx, "Peringatan", "Warnings") << "</h2><ul class=\"peringatan\">";
  for (const Warning& w : a.warnings) {
    h << "<li>";
    if (!w.path.empty()) h << "<strong>" << Esc{w.path} << "</strong>: ";
    h << Esc{w.pesan.Get(ctx.lang)} << " <span class=\"kecil\">[" << Esc{w.kode} << "]</span></li>";
  }
  h << "</ul>";
}

// ---- The laporan form ----

bool IsChecklistKey(std::string_view key) { return key.find('[') != std::string_view::npos; }

std::string_view WithoutPrevious(std::string_view key) {
  constexpr std::string_view kPrev = "periode_lalu.";
  return key.starts_with(kPrev) ? key.substr(kPrev.size()) : key;
}

// Which fieldset a template key belongs to: the identity block, a statement section (per period), a checklist.
std::string GroupOf(std::string_view key) {
  if (key.starts_with("koperasi.") || key.starts_with("periode.") || key == "metode") return "identitas";
  const size_t bracket = key.find('[');
  if (bracket != std::string_view::npos) return std::string(key.substr(0, bracket));
  const size_t dot = key.find('.');
  if (dot == std::string_view::npos) return std::string(key);
  if (key.starts_with("periode_lalu.")) return std::string(key.substr(0, key.find('.', dot + 1)));
  return std::string(key.substr(0, dot));
}

const Component* ChecklistOf(const Rulebook& rb, std::string_view answers_path) {
  for (const Component& c : rb.components) {
    if (c.kind == ComponentKind::kChecklist && c.AnswersPath() == answers_path) return &c;
  }
  return nullptr;
}

std::string GroupTitle(const PageContext& ctx, std::string_view group, const Rulebook& rb) {
  if (group == "identitas") return T(ctx, "Identitas", "Identity");
  if (const Component* c = ChecklistOf(rb, group)) return L(ctx, c->name);
  const std::string_view section = WithoutPrevious(group);
  std::string title;
  if (section == "neraca") {
    title = T(ctx, "Neraca", "Balance sheet");
  } else if (section == "hasil_usaha") {
    title = T(ctx, "Perhitungan hasil usaha", "Income statement");
  } else if (section == "pinjaman") {
    title = T(ctx, "Pinjaman", "Loans");
  } else if (section == "kegiatan") {
    title = T(ctx, "Kegiatan", "Activity");
  } else if (section == "pearls") {
    title = "PEARLS";
  } else {
    title = section;
  }
  if (section.size() != group.size()) title.append(T(ctx, " — tahun lalu", " — last year"));
  return title;
}

struct IdentityLabel {
  const char* key;
  const char* en;
};
constexpr IdentityLabel kIdentityEn[] = {
    {"koperasi.nama", "Cooperative name (required)"},
    {"koperasi.jenis", "Type (KSP, USP, KSPPS or USPPS)"},
    {"koperasi.nomor_badan_hukum", "Legal entity number"},
    {"koperasi.kabupaten", "Regency / city"},
    {"koperasi.provinsi", "Province"},
    {"periode.akhir", "Financial year end (required; YYYY-MM-DD, e.g. 2025-12-31)"},
    {"metode", "Assessment method (empty = ksp-2016)"},
    {"pearls.bulan", "PEARLS: months the income statement covers (1–12)"},
    {"pearls.inflasi_persen", "PEARLS: annual inflation (%)"},
    {"pearls.suku_bunga_pasar_persen", "PEARLS: market deposit rate (%)"},
};

// The template's labels are Indonesian; English comes from the line list, the rulebook and the table above.
std::string FieldLabel(Lang lang, std::string_view key, const std::string& label_id, const Rulebook& rb) {
  if (lang == Lang::kId) return label_id;
  const std::string_view bare = WithoutPrevious(key);
  const int line = FindLine(bare);
  if (line >= 0) {
    std::string s = kLines[size_t(line)].label_en;
    if (bare.size() != key.size()) s.append(" — last year");
    return s;
  }
  const size_t bracket = key.find('[');
  if (bracket != std::string_view::npos) {
    const Component* c = ChecklistOf(rb, key.substr(0, bracket));
    const size_t item = size_t(std::atoi(std::string(key.substr(bracket + 1)).c_str()));
    if (c != nullptr && item >= 1 && item <= c->items.size()) return c->items[item - 1].text.Get(lang);
  }
  for (const IdentityLabel& id : kIdentityEn) {
    if (key == id.key) return id.en;
  }
  return label_id;
}

// The method whose checklists the form asks: the one the values name, when it is an embedded scored method.
const Rulebook* FormRulebook(const std::vector<std::pair<std::string, std::string>>& values) {
  Problems ignored;
  for (const auto& [key, value] : values) {
    if (key != "metode" || value.empty()) continue;
    if (const Rulebook* rb = EmbeddedRulebookById(value, &ignored)) return rb;
  }
  const Rulebook* rb = EmbeddedRulebookById(kDefaultMetode, &ignored);
  // The default method is compiled in and checked by the tests: failing to load it is a bug, not bad input.
  KOPSEHAT_CHECK(rb != nullptr, "the embedded default rulebook does not load: " + ignored.Render(Lang::kEn));
  return rb;
}

class FormState {
 public:
  FormState(const PageContext& ctx, const Rulebook& rb, const std::vector<std::pair<std::string, std::string>>& values,
            const Problems& problems)
      : ctx_(ctx), rb_(rb) {
    for (const auto& [key, value] : values) values_.emplace(key, value);
    for (const Problem& p : problems.items()) problems_[p.path].push_back(&p);
  }
  const PageContext& ctx() const { return ctx_; }
  const Rulebook& rulebook() const { return rb_; }
  std::string_view Value(std::string_view key) const {
    const auto it = values_.find(key);
    return it == values_.end() ? std::string_view() : it->second;
  }
  bool HasProblem(std::string_view key) const { return problems_.count(key) != 0; }
  // Whether any value or problem lies under a key prefix (to open a collapsed block that needs attention).
  bool AnyUnder(std::string_view prefix) const {
    for (const auto& [key, value] : values_) {
      if (key.starts_with(prefix) && !value.empty()) return true;
    }
    for (const auto& [path, list] : problems_) {
      if (std::string_view(path).starts_with(prefix)) return true;
    }
    return false;
  }
  void ProblemsOf(Html& h, std::string_view key) const {
    const auto it = problems_.find(key);
    if (it == problems_.end()) return;
    h << "<div class=\"galat\" id=\"e-" << Esc{key} << "\">";
    for (const Problem* p : it->second) h << "<p>" << Esc{p->Text(ctx_.lang)} << "</p>";
    h << "</div>";
  }
  void InvalidAttrs(Html& h, std::string_view key) const {
    if (HasProblem(key)) h << " aria-invalid=\"true\" aria-describedby=\"e-" << Esc{key} << "\"";
  }

 private:
  const PageContext& ctx_;
  const Rulebook& rb_;
  std::map<std::string_view, std::string_view, std::less<>> values_;
  std::map<std::string, std::vector<const Problem*>, std::less<>> problems_;
};

// `label` may end in a hint in parentheses ("Penyisihan ... (PPAP; ditulis positif, ...)"), shown smaller.
void FieldOpen(Html& h, const FormState& st, std::string_view key, std::string_view label, size_t hint_at) {
  h << "<div class=\"isian" << (st.HasProblem(key) ? " salah" : "") << "\"><label for=\"f-" << Esc{key} << "\">"
    << Esc{label.substr(0, hint_at)};
  if (hint_at < label.size()) h << " <span class=\"kecil\">" << Esc{label.substr(hint_at)} << "</span>";
  h << "</label>";
}

void FieldClose(Html& h, const FormState& st, std::string_view key) {
  st.ProblemsOf(h, key);
  h << "</div>";
}

// `attrs` are literal attributes; `side` the balance-sheet side for the script (empty: none).
void TextInput(Html& h, const FormState& st, std::string_view key, std::string_view label, const char* attrs,
               const char* side = "", size_t hint_at = std::string_view::npos) {
  FieldOpen(h, st, key, label, hint_at);
  h << "<input id=\"f-" << Esc{key} << "\" name=\"" << Esc{key} << "\" value=\"" << Esc{st.Value(key)} << "\"" << attrs;
  if (*side != '\0') h << " data-sisi=\"" << side << "\"";
  st.InvalidAttrs(h, key);
  h << ">";
  FieldClose(h, st, key);
}

void AmountInput(Html& h, const FormState& st, std::string_view key, std::string_view label, int line) {
  // The template's label is the line's name plus a hint; the hint is what follows the name.
  std::string name = kLines[size_t(line)].label_id;
  if (key.size() != WithoutPrevious(key).size()) name.append(" — tahun lalu");
  const size_t hint_at =
      label.size() > name.size() && label.starts_with(name) ? name.size() + 1 : std::string_view::npos;
  const char* attrs = IsCountLine(line) ? " inputmode=\"numeric\" autocomplete=\"off\""
                                        : " inputmode=\"decimal\" autocomplete=\"off\"";
  TextInput(h, st, key, label, attrs, SideName(kLines[size_t(line)].side), hint_at);
}

void MethodSelect(Html& h, const FormState& st, std::string_view label) {
  const PageContext& ctx = st.ctx();
  const std::string_view value = st.Value("metode");
  FieldOpen(h, st, "metode", label, std::string_view::npos);
  h << "<select id=\"f-metode\" name=\"metode\"";
  st.InvalidAttrs(h, "metode");
  h << "><option value=\"\">" << T(ctx, "(bawaan: ", "(default: ") << kDefaultMetode << ")</option>";
  bool listed = value.empty();
  Problems ignored;
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    const Rulebook* rb = EmbeddedRulebookById(e.id, &ignored);
    if (rb == nullptr) continue;  // goal methods give no score and are not offered in the web application
    const bool selected = value == e.id;
    listed = listed || selected;
    h << "<option value=\"" << Esc{e.id} << "\"" << (selected ? " selected" : "") << ">" << Esc{e.id} << " — "
      << Esc{L(ctx, rb->name)} << "</option>";
  }
  if (!listed) h << "<option value=\"" << Esc{value} << "\" selected>" << Esc{value} << "</option>";
  h << "</select>";
  FieldClose(h, st, "metode");
}

void ChecklistItem(Html& h, const FormState& st, std::string_view key, std::string_view label) {
  const PageContext& ctx = st.ctx();
  const std::string_view value = st.Value(key);
  const bool yes = EqualsFold(value, "ya");
  const bool no = EqualsFold(value, "tidak");
  const size_t bracket = key.find('[');
  const std::string_view number = key.substr(bracket + 1, key.size() - bracket - 2);
  h << "<fieldset class=\"butir" << (st.HasProblem(key) ? " salah" : "") << "\" id=\"f-" << Esc{key} << "\"><legend>"
    << Esc{number} << ". " << Esc{label} << "</legend><div class=\"pilihan\">";
  const auto radio = [&](std::string_view v, std::string_view text, bool checked) {
    h << "<label><input type=\"radio\" name=\"" << Esc{key} << "\" value=\"" << Esc{v} << "\""
      << (checked ? " checked" : "");
    st.InvalidAttrs(h, key);
    h << ">" << Esc{text} << "</label>";
  };
  radio("Ya", T(ctx, "Ya", "Yes"), yes);
  radio("Tidak", T(ctx, "Tidak", "No"), no);
  // An answer that is neither stays selected as typed, so a rejected attempt loses nothing.
  if (!value.empty() && !yes && !no) radio(value, value, true);
  h << "</div>";
  st.ProblemsOf(h, key);
  h << "</fieldset>";
}

void Field(Html& h, const FormState& st, const std::string& key, const std::string& label_id) {
  const std::string label = FieldLabel(st.ctx().lang, key, label_id, st.rulebook());
  if (key == "metode") return MethodSelect(h, st, label);
  if (key == "koperasi.jenis") return TextInput(h, st, key, label, " list=\"jenis-koperasi\" autocomplete=\"off\"");
  if (key == "periode.akhir") return TextInput(h, st, key, label, " placeholder=\"2025-12-31\" autocomplete=\"off\"");
  if (IsChecklistKey(key)) return ChecklistItem(h, st, key, label);
  const int line = FindLine(WithoutPrevious(key));
  if (line >= 0) return AmountInput(h, st, key, label, line);
  if (key.starts_with("pearls.")) return TextInput(h, st, key, label, " inputmode=\"decimal\" autocomplete=\"off\"");
  TextInput(h, st, key, label, "");
}

bool IsNeracaGroup(std::string_view group) { return WithoutPrevious(group) == "neraca"; }
bool IsChecklistGroup(std::string_view group) {
  return group.starts_with("manajemen.") || group.starts_with("daftar_periksa.");
}

void GroupOpen(Html& h, const FormState& st, const std::string& group) {
  const PageContext& ctx = st.ctx();
  h << "<fieldset class=\"grup\" id=\"g-" << Esc{group} << "\"" << (IsNeracaGroup(group) ? " data-neraca" : "")
    << "><legend>" << Esc{GroupTitle(ctx, group, st.rulebook())} << "</legend>";
  if (IsChecklistGroup(group)) {
    h << "<p class=\"kecil\">" << T(ctx, "Pilih Ya atau Tidak untuk setiap butir.", "Choose Yes or No for each item.")
      << "</p>";
  }
  st.ProblemsOf(h, group);  // problems of a whole section, such as the balance check of the neraca
}

void GroupClose(Html& h, const FormState& st, const std::string& group) {
  const PageContext& ctx = st.ctx();
  if (IsNeracaGroup(group)) {
    // Filled by the script: the texts travel as attributes so the script carries no language of its own.
    h << "<p class=\"cek\" aria-live=\"polite\" data-aset=\"" << T(ctx, "Aset", "Assets") << "\" data-pasiva=\""
      << T(ctx, "Kewajiban + ekuitas", "Liabilities + equity") << "\" data-seimbang=\""
      << T(ctx, "Neraca seimbang", "Balance sheet balances") << "\" data-selisih=\"" << T(ctx, "Selisih", "Difference")
      << "\" data-salah=\"" << T(ctx, "ada isian yang bukan angka", "some entries are not amounts") << "\"></p>";
  }
  h << "</fieldset>";
}

void FormFields(Html& h, const FormState& st, const std::vector<TemplateRow>& rows) {
  const PageContext& ctx = st.ctx();
  std::string open;
  bool in_previous = false;
  for (const TemplateRow& row : rows) {
    const std::string group = GroupOf(row.key);
    if (group != open) {
      if (!open.empty()) GroupClose(h, st, open);
      const bool previous = group.starts_with("periode_lalu.");
      if (previous != in_previous) {
        if (in_previous) {
          h << "</details>";
        } else {
          h << "<details class=\"lalu\"" << (st.AnyUnder("periode_lalu.") ? " open" : "") << "><summary>"
            << T(ctx, "Tahun lalu (boleh kosong; dipakai untuk pertumbuhan)",
                 "Last year (optional; used for growth figures)") << "</summary>";
        }
        in_previous = previous;
      }
      GroupOpen(h, st, group);
      open = group;
    }
    Field(h, st, row.key, row.label);
  }
  if (!open.empty()) GroupClose(h, st, open);
  if (in_previous) h << "</details>";
}

// Values with keys the template does not know (another method's checklist): kept as plain fields, never dropped.
void ExtraFields(Html& h, const FormState& st, const std::vector<std::string_view>& extra) {
  if (extra.empty()) return;
  h << "<fieldset class=\"grup\"><legend>" << T(st.ctx(), "Isian lain", "Other fields") << "</legend>";
  for (const std::string_view key : extra) TextInput(h, st, key, key, "");
  h << "</fieldset>";
}

// Uploading a filled template; on a draft it replaces that draft's figures (the server reads `draf`).
void UploadForm(Html& h, const PageContext& ctx, const store::Cooperative& coop, int64_t draft_id) {
  h << "<details class=\"kartu\"><summary>"
    << T(ctx, "Punya berkas laporan? Unggah XLSX, CSV atau JSON", "Have a laporan file? Upload XLSX, CSV or JSON")
    << "</summary>";
  FormOpen(h, ctx, Path("/koperasi/", coop.id, "/unggah"), true);
  if (draft_id != 0) h << "<input type=\"hidden\" name=\"draf\" value=\"" << draft_id << "\">";
  h << "<label for=\"berkas-laporan\">" << T(ctx, "Berkas laporan", "Laporan file") << "</label>"
    << "<input id=\"berkas-laporan\" type=\"file\" name=\"berkas\" accept=\".xlsx,.csv,.json\" required>"
    << "<p><button>" << T(ctx, "Unggah dan nilai", "Upload and assess") << "</button></p></form></details>";
}

// ---- The cooperative dashboard ----

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

void ScoreChart(Html& h, const PageContext& ctx, const std::vector<store::LaporanRecord>& all, const Rulebook* rb) {
  const std::vector<const store::LaporanRecord*> points = FinalScores(all);
  if (points.empty()) return;
  std::string summary;
  for (const store::LaporanRecord* p : points) {
    if (!summary.empty()) summary.append("; ");
    summary.append(p->periode_akhir.substr(0, 4)).append(": ").append(FormatPoints(p->total_e6, ctx.lang));
  }
  h << "<figure class=\"kartu\"><figcaption>" << T(ctx, "Skor final per tahun buku", "Final score per financial year")
    << "</figcaption><svg class=\"grafik\" viewBox=\"0 0 320 150\" role=\"img\" aria-label=\"" << Esc{summary}
    << "\"><title>" << Esc{summary} << "</title>";
  for (const int v : {0, 50, 100}) {
    const int y = ChartY(int64_t(v) * 1'000'000);
    h << "<line x1=\"34\" x2=\"306\" y1=\"" << y << "\" y2=\"" << y << "\"/><text x=\"30\" y=\"" << (y + 3)
      << "\" text-anchor=\"end\">" << v << "</text>";
  }
  if (rb != nullptr) {
    for (const PredikatRule& pr : rb->predikat) {
      if (!pr.has_min) continue;
      const int y = ChartY(pr.min_e6);
      h << "<line class=\"ambang\" x1=\"34\" x2=\"306\" y1=\"" << y << "\" y2=\"" << y << "\"/>";
    }
  }
  h << "<polyline points=\"";
  for (size_t i = 0; i < points.size(); ++i) {
    h << (i ? " " : "") << ChartX(i, points.size()) << "," << ChartY(points[i]->total_e6);
  }
  h << "\"/>";
  for (size_t i = 0; i < points.size(); ++i) {
    const int x = ChartX(i, points.size());
    const int y = ChartY(points[i]->total_e6);
    h << "<circle class=\"" << PredikatClass(points[i]->predikat) << "\" cx=\"" << x << "\" cy=\"" << y
      << "\" r=\"4\"/><text x=\"" << x << "\" y=\"" << (y - 7) << "\" text-anchor=\"middle\">"
      << Esc{FormatPoints(points[i]->total_e6, ctx.lang)} << "</text><text x=\"" << x
      << "\" y=\"145\" text-anchor=\"middle\">" << Esc{points[i]->periode_akhir.substr(0, 4)} << "</text>";
  }
  h << "</svg></figure>";
}

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
    << "</th><th class=\"n\">" << T(ctx, "Revisi", "Revision") << "</th><th>Status</th><th class=\"n\">"
    << T(ctx, "Skor", "Score") << "</th><th>Predikat</th></tr></thead><tbody>";
  for (const store::LaporanRecord& l : all) {
    h << "<tr><td data-nilai=\"" << Esc{PeriodKey(l.periode_akhir)} << "\"><a href=\"" << Esc{Path("/laporan/", l.id)}
      << "\">" << Esc{FormatDateLong(l.periode_akhir, ctx.lang)} << "</a></td><td class=\"n\" data-nilai=\""
      << l.revision << "\">" << l.revision << "</td><td>";
    StatusBadge(h, ctx, l.status);
    h << "</td><td class=\"n\" data-nilai=\"" << l.total_e6 << "\">" << Esc{FormatPoints(l.total_e6, ctx.lang)}
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
    << " · " << T(ctx, "revisi ", "revision ") << r.revision << " ";
  StatusBadge(h, ctx, r.status);
  h << "</p>";
  ScoreHead(h, ctx, latest.assessment, r.id);
  h << "<p><a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", r.id)} << "\">"
    << T(ctx, "Lihat rincian penilaian", "See the assessment in detail") << "</a>";
  if (latest.assessment.rulebook->WeightedThisYearOnly()) {
    h << " <a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", r.id, "/rencana")} << "\">"
      << T(ctx, "Jalan menuju SEHAT", "The way to SEHAT") << "</a>";
  }
  h << "</p>";
  LossList(h, ctx, latest.assessment, 5);
  h << "</section>";
}

// ---- The regional dashboard ----

enum class SortBy { kNama, kSkor, kPerubahan };

SortBy ParseSort(std::string_view urut) {
  if (urut == "skor") return SortBy::kSkor;
  if (urut == "perubahan") return SortBy::kPerubahan;
  return SortBy::kNama;
}
const char* SortName(SortBy s) {
  switch (s) {
    case SortBy::kSkor: return "skor";
    case SortBy::kPerubahan: return "perubahan";
    case SortBy::kNama: break;
  }
  return "nama";
}

// The `predikat` filter value for cooperatives without a final assessment (their predikat is "").
constexpr std::string_view kBelumDinilai = "belum";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

RegionQuery Normalised(const RegionQuery& in) {
  RegionQuery q = in;
  q.q = std::string(Trim(in.q));
  q.urut = SortName(ParseSort(in.urut));
  q.arah = in.arah == "turun" ? "turun" : "naik";
  q.hal = std::max<size_t>(1, in.hal);
  return q;
}

bool Matches(const RegionRow& row, const RegionQuery& q) {
  const store::CooperativeSummary& s = row.summary;
  if (!q.predikat.empty()) {
    if (q.predikat == kBelumDinilai ? !s.latest_predikat.empty() : s.latest_predikat != q.predikat) return false;
  }
  return q.q.empty() || ContainsFold(s.cooperative.nama, q.q);
}

std::optional<int64_t> SortValue(const store::CooperativeSummary& s, SortBy by) {
  if (!s.latest_id) return std::nullopt;
  if (by == SortBy::kSkor) return s.latest_total_e6;
  if (!s.previous_total_e6) return std::nullopt;
  return s.latest_total_e6 - *s.previous_total_e6;
}

std::vector<const RegionRow*> SelectRows(const RegionView& view, const RegionQuery& q) {
  std::vector<const RegionRow*> rows;
  rows.reserve(view.rows.size());
  for (const RegionRow& r : view.rows) {
    if (Matches(r, q)) rows.push_back(&r);
  }
  const SortBy by = ParseSort(q.urut);
  const bool down = q.arah == "turun";
  const auto before = [by, down](const RegionRow* x, const RegionRow* y) {
    const store::CooperativeSummary& a = x->summary;
    const store::CooperativeSummary& b = y->summary;
    if (by != SortBy::kNama) {
      const std::optional<int64_t> va = SortValue(a, by);
      const std::optional<int64_t> vb = SortValue(b, by);
      // Cooperatives without a figure go last whichever the direction: they are not "lowest".
      if (va.has_value() != vb.has_value()) return va.has_value();
      if (va && *va != *vb) return down ? *va > *vb : *va < *vb;
    } else {
      const int c = CompareFold(a.cooperative.nama, b.cooperative.nama);
      if (c != 0) return down ? c > 0 : c < 0;
    }
    const int c = CompareFold(a.cooperative.nama, b.cooperative.nama);
    if (c != 0) return c < 0;
    return a.cooperative.id < b.cooperative.id;
  };
  // The rows come by name from the database: the default order usually needs one pass to confirm, not a sort.
  if (!std::is_sorted(rows.begin(), rows.end(), before)) std::sort(rows.begin(), rows.end(), before);
  return rows;
}

// A link to the dashboard with the query, omitting what is default so links stay short.
std::string RegionUrl(const RegionQuery& q) {
  std::string url = "/wilayah";
  const auto add = [&url](std::string_view name, std::string_view value) {
    url.append(url.size() == 8 ? "?" : "&").append(name).append("=").append(UrlEncode(value));
  };
  if (!q.q.empty()) add("q", q.q);
  if (!q.predikat.empty()) add("predikat", q.predikat);
  if (q.urut != "nama") add("urut", q.urut);
  if (q.arah != "naik") add("arah", q.arah);
  if (q.hal > 1) add("hal", std::to_string(q.hal));
  return url;
}

std::vector<std::string> PredikatOrder(const RegionView& view) {
  std::vector<std::string> order = {"SEHAT", "CUKUP SEHAT", "DALAM PENGAWASAN", "DALAM PENGAWASAN KHUSUS"};
  for (const auto& [label, count] : view.by_predikat) {
    if (!label.empty() && std::find(order.begin(), order.end(), label) == order.end()) order.push_back(label);
  }
  order.emplace_back();
  return order;
}

void PredikatCounts(Html& h, const PageContext& ctx, const RegionView& view) {
  int total = 0;
  for (const auto& [label, count] : view.by_predikat) total += count;
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Sebaran predikat", "Predikat distribution") << " <span "
    << "class=\"kecil\">(" << total << T(ctx, " koperasi)", " cooperatives)") << "</span></h2>";
  const std::vector<std::string> order = PredikatOrder(view);
  if (total > 0) {
    h << "<svg class=\"batang\" viewBox=\"0 0 300 16\" preserveAspectRatio=\"none\" aria-hidden=\"true\">";
    int x = 0;
    int seen = 0;
    for (const std::string& label : order) {
      const auto it = view.by_predikat.find(label);
      if (it == view.by_predikat.end() || it->second == 0) continue;
      seen += it->second;
      const int end = int(int64_t(seen) * 300 / total);
      h << "<rect class=\"" << PredikatClass(label) << "\" x=\"" << x << "\" y=\"0\" width=\"" << (end - x)
        << "\" height=\"16\"/>";
      x = end;
    }
    h << "</svg>";
  }
  h << "<ul class=\"hitung\">";
  for (const std::string& label : order) {
    const auto it = view.by_predikat.find(label);
    if (it == view.by_predikat.end()) continue;
    RegionQuery q;
    q.predikat = label.empty() ? std::string(kBelumDinilai) : label;
    h << "<li><a href=\"" << Esc{RegionUrl(q)} << "\">";
    PredikatBadge(h, ctx, label);
    h << " <strong>" << it->second << "</strong></a></li>";
  }
  h << "</ul></section>";
}

void MoreLine(Html& h, const PageContext& ctx, size_t shown, size_t total) {
  if (total <= shown) return;
  h << "<li>… " << T(ctx, "dan ", "and ") << (total - shown) << T(ctx, " lainnya", " more") << "</li>";
}

void CoopLink(Html& h, const store::Cooperative& c) {
  h << "<a href=\"" << Esc{Path("/koperasi/", c.id)} << "\">" << Esc{c.nama} << "</a>";
}

// A list that stays collapsed when long, so the dashboard still fits a phone screen; the table below has them all.
void ListOpen(Html& h, const char* title, size_t total) {
  h << "<details class=\"kartu liste\"" << (total <= kOpenListSize ? " open" : "") << "><summary><h2>" << title
    << " (" << total << ")</h2></summary>";
}

void ListEmpty(Html& h, const PageContext& ctx) { h << "<p>" << T(ctx, "Tidak ada.", "None.") << "</p></details>"; }

void EarlyWarnings(Html& h, const PageContext& ctx, const RegionView& view) {
  size_t total = 0;
  for (const RegionRow& r : view.rows) total += r.early_warning ? 1 : 0;
  ListOpen(h, T(ctx, "Peringatan dini", "Early warning"), total);
  if (total == 0) return ListEmpty(h, ctx);
  h << "<ul>";
  size_t shown = 0;
  for (const RegionRow& r : view.rows) {
    if (shown == kListLimit) break;
    if (!r.early_warning) continue;
    ++shown;
    const store::CooperativeSummary& s = r.summary;
    h << "<li>";
    CoopLink(h, s.cooperative);
    if (s.latest_id) {
      h << " — <a href=\"" << Esc{Path("/laporan/", *s.latest_id)} << "\">"
        << Esc{FormatPoints(s.latest_total_e6, ctx.lang)} << "</a> ";
    }
    PredikatBadge(h, ctx, s.latest_predikat);
    h << "<div class=\"kecil\">" << Esc{ctx.lang == Lang::kEn ? r.warning_reason_en : r.warning_reason_id}
      << "</div></li>";
  }
  MoreLine(h, ctx, shown, total);
  h << "</ul></details>";
}

void AwaitingReview(Html& h, const PageContext& ctx, const RegionView& view) {
  ListOpen(h, T(ctx, "Menunggu pemeriksaan", "Awaiting review"), view.awaiting_review.size());
  if (view.awaiting_review.empty()) return ListEmpty(h, ctx);
  std::unordered_map<int64_t, const store::Cooperative*> names;
  names.reserve(view.rows.size());
  for (const RegionRow& r : view.rows) names.emplace(r.summary.cooperative.id, &r.summary.cooperative);
  h << "<ul>";
  size_t shown = 0;
  for (const store::LaporanRecord& l : view.awaiting_review) {
    if (shown == kListLimit) break;
    ++shown;
    const auto it = names.find(l.cooperative_id);
    h << "<li><a href=\"" << Esc{Path("/laporan/", l.id)} << "\">";
    if (it != names.end()) {
      h << Esc{it->second->nama};
    } else {
      h << T(ctx, "Koperasi #", "Cooperative #") << l.cooperative_id;
    }
    h << " — " << Esc{FormatDateLong(l.periode_akhir, ctx.lang)} << "</a>";
    if (l.revision > 1) h << " <span class=\"kecil\">" << T(ctx, "revisi ", "revision ") << l.revision << "</span>";
    if (l.submitted_at) {
      h << "<div class=\"kecil\">" << T(ctx, "diajukan ", "submitted ") << Esc{FormatTime(*l.submitted_at)} << "</div>";
    }
    h << "</li>";
  }
  MoreLine(h, ctx, shown, view.awaiting_review.size());
  h << "</ul></details>";
}

void Overdue(Html& h, const PageContext& ctx, const RegionView& view) {
  size_t total = 0;
  for (const RegionRow& r : view.rows) total += r.overdue ? 1 : 0;
  ListOpen(h, T(ctx, "Terlambat menyerahkan laporan", "Laporan overdue"), total);
  h << "<p class=\"kecil\">" << T(ctx, "Tahun buku yang berakhir ", "Financial year ending ")
    << Esc{FormatDateLong(view.expected_periode, ctx.lang)} << "</p>";
  if (total == 0) return ListEmpty(h, ctx);
  h << "<ul>";
  size_t shown = 0;
  for (const RegionRow& r : view.rows) {
    if (shown == kListLimit) break;
    if (!r.overdue) continue;
    ++shown;
    h << "<li>";
    CoopLink(h, r.summary.cooperative);
    h << " <span class=\"kecil\">";
    if (r.summary.last_submitted_periode.empty()) {
      h << T(ctx, "belum pernah mengajukan", "never submitted");
    } else {
      h << T(ctx, "terakhir: ", "last: ") << Esc{FormatDateLong(r.summary.last_submitted_periode, ctx.lang)};
    }
    h << "</span></li>";
  }
  MoreLine(h, ctx, shown, total);
  h << "</ul></details>";
}

void FilterForm(Html& h, const PageContext& ctx, const RegionView& view, const RegionQuery& q) {
  h << "<form method=\"get\" action=\"/wilayah\" class=\"saring\"><div><label for=\"cari\">"
    << T(ctx, "Cari nama", "Search name") << "</label><input id=\"cari\" type=\"search\" name=\"q\" value=\""
    << Esc{q.q} << "\"></div><div><label for=\"saring-predikat\">Predikat</label><select id=\"saring-predikat\" "
    << "name=\"predikat\"><option value=\"\">" << T(ctx, "Semua", "All") << "</option>";
  for (const std::string& label : PredikatOrder(view)) {
    const std::string value = label.empty() ? std::string(kBelumDinilai) : label;
    h << "<option value=\"" << Esc{value} << "\"" << (q.predikat == value ? " selected" : "") << ">";
    if (label.empty()) {
      h << T(ctx, "Belum dinilai", "Not assessed");
    } else {
      h << Esc{label};
    }
    h << "</option>";
  }
  h << "</select></div><div><label for=\"urut\">" << T(ctx, "Urutkan", "Sort by") << "</label><select id=\"urut\" "
    << "name=\"urut\">";
  const std::pair<const char*, const char*> sorts[] = {{"nama", T(ctx, "Nama", "Name")},
                                                       {"skor", T(ctx, "Skor", "Score")},
                                                       {"perubahan", T(ctx, "Perubahan", "Change")}};
  for (const auto& [value, text] : sorts) {
    h << "<option value=\"" << value << "\"" << (q.urut == value ? " selected" : "") << ">" << text << "</option>";
  }
  h << "</select></div><div><label for=\"arah\">" << T(ctx, "Arah", "Order") << "</label><select id=\"arah\" "
    << "name=\"arah\"><option value=\"naik\">" << T(ctx, "Naik", "Ascending") << "</option><option value=\"turun\""
    << (q.arah == "turun" ? " selected" : "") << ">" << T(ctx, "Turun", "Descending") << "</option></select></div>"
    << "<div><button>" << T(ctx, "Terapkan", "Apply") << "</button></div></form>";
}

void SortHeader(Html& h, const RegionQuery& q, const char* key, const char* text, bool numeric) {
  RegionQuery next = q;
  next.urut = key;
  next.arah = q.urut == key && q.arah == "naik" ? "turun" : "naik";
  next.hal = 1;
  h << "<th" << (numeric ? " class=\"n\"" : "");
  if (q.urut == key) h << " aria-sort=\"" << (q.arah == "naik" ? "ascending" : "descending") << "\"";
  h << "><a href=\"" << Esc{RegionUrl(next)} << "\">" << text << "</a></th>";
}

void RegionRowHtml(Html& h, const PageContext& ctx, const RegionRow& r) {
  const store::CooperativeSummary& s = r.summary;
  h << "<tr id=\"k-" << s.cooperative.id << "\"><td>";
  CoopLink(h, s.cooperative);
  h << "<div class=\"kecil\">" << Esc{s.cooperative.region_nama};
  if (!s.latest_periode.empty()) h << " · " << Esc{std::string_view(s.latest_periode).substr(0, 4)};
  h << "</div></td><td class=\"n\">";
  if (s.latest_id) {
    h << "<a href=\"" << Esc{Path("/laporan/", *s.latest_id)} << "\">" << Esc{FormatPoints(s.latest_total_e6, ctx.lang)}
      << "</a>";
  } else {
    h << "—";
  }
  h << "</td><td>";
  PredikatBadge(h, ctx, s.latest_predikat);
  h << "</td><td class=\"n\">";
  if (s.latest_id && s.previous_total_e6) {
    h << Esc{SignedPoints(s.latest_total_e6 - *s.previous_total_e6, ctx.lang)};
  } else {
    h << "—";
  }
  h << "</td><td>";
  if (r.early_warning) {
    h << "<span class=\"tanda\" title=\"" << Esc{ctx.lang == Lang::kEn ? r.warning_reason_en : r.warning_reason_id}
      << "\">" << T(ctx, "peringatan", "warning") << "</span>";
  }
  if (r.overdue) h << "<span class=\"tanda\">" << T(ctx, "terlambat", "overdue") << "</span>";
  if (s.awaiting_review) h << "<span class=\"tanda\">" << T(ctx, "menunggu", "awaiting") << "</span>";
  h << "</td></tr>";
}

void Pager(Html& h, const PageContext& ctx, const RegionQuery& q, size_t pages, size_t count) {
  h << "<nav class=\"halaman\" aria-label=\"" << T(ctx, "Halaman", "Pages") << "\">";
  RegionQuery to = q;
  if (q.hal > 1) {
    to.hal = 1;
    h << "<a class=\"tombol kedua\" href=\"" << Esc{RegionUrl(to)} << "\">« " << T(ctx, "Pertama", "First") << "</a>";
    to.hal = q.hal - 1;
    h << "<a class=\"tombol kedua\" rel=\"prev\" href=\"" << Esc{RegionUrl(to)} << "\">‹ "
      << T(ctx, "Sebelumnya", "Previous") << "</a>";
  }
  h << "<span>" << T(ctx, "Halaman ", "Page ") << q.hal << T(ctx, " dari ", " of ") << pages << " (" << count
    << T(ctx, " koperasi)", " cooperatives)") << "</span>";
  if (q.hal < pages) {
    to.hal = q.hal + 1;
    h << "<a class=\"tombol kedua\" rel=\"next\" href=\"" << Esc{RegionUrl(to)} << "\">"
      << T(ctx, "Berikutnya", "Next") << " ›</a>";
    to.hal = pages;
    h << "<a class=\"tombol kedua\" href=\"" << Esc{RegionUrl(to)} << "\">" << T(ctx, "Terakhir", "Last") << " »</a>";
  }
  h << "</nav>";
}

void RegionTable(Html& h, const PageContext& ctx, const RegionView& view, const RegionQuery& query) {
  RegionQuery q = query;
  const std::vector<const RegionRow*> rows = SelectRows(view, q);
  const size_t pages = std::max<size_t>(1, (rows.size() + kRegionPageSize - 1) / kRegionPageSize);
  q.hal = std::min(q.hal, pages);
  h << "<h2 id=\"daftar\">" << T(ctx, "Semua koperasi", "All cooperatives") << "</h2>";
  FilterForm(h, ctx, view, q);
  if (rows.empty()) {
    h << "<p>" << T(ctx, "Tidak ada koperasi yang cocok.", "No cooperative matches.") << "</p>";
    return;
  }
  h << "<div class=\"gulir\"><table class=\"wilayah\"><thead><tr>";
  SortHeader(h, q, "nama", T(ctx, "Koperasi", "Cooperative"), false);
  SortHeader(h, q, "skor", T(ctx, "Skor", "Score"), true);
  h << "<th>Predikat</th>";
  SortHeader(h, q, "perubahan", T(ctx, "Perubahan", "Change"), true);
  h << "<th>" << T(ctx, "Tanda", "Flags") << "</th></tr></thead><tbody>";
  const size_t first = (q.hal - 1) * kRegionPageSize;
  const size_t last = std::min(rows.size(), first + kRegionPageSize);
  for (size_t i = first; i < last; ++i) RegionRowHtml(h, ctx, *rows[i]);
  h << "</tbody></table></div>";
  Pager(h, ctx, q, pages, rows.size());
}

// ---- Administration ----

std::string RegionName(const std::vector<store::Region>& regions, int64_t id) {
  for (const store::Region& r : regions) {
    if (r.id == id) return r.nama;
  }
  std::string s = "#";
  return s.append(std::to_string(id));
}

void RegionsSection(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions) {
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Wilayah", "Regions") << "</h2>";
  if (!regions.empty()) {
    h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th class=\"n\">ID</th><th>"
      << T(ctx, "Nama", "Name") << "</th><th>" << T(ctx, "Provinsi", "Province") << "</th></tr></thead><tbody>";
    for (const store::Region& r : regions) {
      h << "<tr><td class=\"n\" data-nilai=\"" << r.id << "\">" << r.id << "</td><td>" << Esc{r.nama} << "</td><td>"
        << Esc{r.provinsi} << "</td></tr>";
    }
    h << "</tbody></table></div>";
  }
  h << "<h3>" << T(ctx, "Tambah wilayah", "Add a region") << "</h3>";
  FormOpen(h, ctx, "/admin/wilayah", false);
  h << "<label for=\"w-nama\">" << T(ctx, "Nama kabupaten / kota", "Regency / city") << "</label>"
    << "<input id=\"w-nama\" name=\"nama\" required><label for=\"w-provinsi\">" << T(ctx, "Provinsi", "Province")
    << "</label><input id=\"w-provinsi\" name=\"provinsi\" required><p><button>" << T(ctx, "Tambah", "Add")
    << "</button></p></form></section>";
}

void CooperativesSection(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions,
                         const std::vector<store::Cooperative>& coops) {
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Koperasi", "Cooperatives") << "</h2>";
  if (!coops.empty()) {
    h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th>" << T(ctx, "Nama", "Name") << "</th><th>"
      << T(ctx, "Jenis", "Type") << "</th><th>" << T(ctx, "No. badan hukum", "Legal no.") << "</th><th>"
      << T(ctx, "Wilayah", "Region") << "</th></tr></thead><tbody>";
    for (const store::Cooperative& c : coops) {
      h << "<tr><td>";
      CoopLink(h, c);
      h << "</td><td>" << Esc{c.jenis} << "</td><td>" << Esc{c.nomor_badan_hukum} << "</td><td>"
        << Esc{c.region_nama.empty() ? RegionName(regions, c.region_id) : c.region_nama} << "</td></tr>";
    }
    h << "</tbody></table></div>";
  }
  h << "<h3>" << T(ctx, "Tambah koperasi", "Add a cooperative") << "</h3>";
  FormOpen(h, ctx, "/admin/koperasi", false);
  h << "<label for=\"k-wilayah\">" << T(ctx, "Wilayah", "Region") << "</label><select id=\"k-wilayah\" "
    << "name=\"region_id\" required>";
  for (const store::Region& r : regions) h << "<option value=\"" << r.id << "\">" << Esc{r.nama} << "</option>";
  h << "</select><label for=\"k-nama\">" << T(ctx, "Nama koperasi", "Cooperative name") << "</label>"
    << "<input id=\"k-nama\" name=\"nama\" required><label for=\"k-jenis\">" << T(ctx, "Jenis", "Type")
    << "</label><select id=\"k-jenis\" name=\"jenis\">";
  for (const char* jenis : {"KSP", "USP", "KSPPS", "USPPS"}) h << "<option>" << jenis << "</option>";
  h << "</select><label for=\"k-bh\">" << T(ctx, "Nomor badan hukum", "Legal entity number") << "</label>"
    << "<input id=\"k-bh\" name=\"nomor_badan_hukum\"><p><button>" << T(ctx, "Tambah", "Add")
    << "</button></p></form></section>";
}

void UsersTable(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions,
                const std::vector<store::Cooperative>& coops, const std::vector<store::User>& users) {
  std::unordered_map<int64_t, const store::Cooperative*> by_id;
  for (const store::Cooperative& c : coops) by_id.emplace(c.id, &c);
  h << "<div class=\"gulir\"><table class=\"sortable\"><thead><tr><th>" << T(ctx, "Pengguna", "User") << "</th><th>"
    << T(ctx, "Peran", "Role") << "</th><th>" << T(ctx, "Koperasi / wilayah", "Cooperative / regions") << "</th><th>"
    << T(ctx, "Aktif", "Active") << "</th></tr></thead><tbody>";
  for (const store::User& u : users) {
    h << "<tr><td>" << Esc{u.display_name} << "<div class=\"kecil\">" << Esc{u.username} << "</div></td><td>"
      << RoleLabel(ctx, u.role) << "</td><td>";
    if (u.cooperative_id) {
      const auto it = by_id.find(*u.cooperative_id);
      if (it != by_id.end()) {
        h << Esc{it->second->nama};
      } else {
        h << "#" << *u.cooperative_id;
      }
    }
    for (size_t i = 0; i < u.region_ids.size(); ++i) h << (i ? ", " : "") << Esc{RegionName(regions, u.region_ids[i])};
    h << "</td><td>" << (u.active ? T(ctx, "ya", "yes") : T(ctx, "tidak", "no")) << "</td></tr>";
  }
  h << "</tbody></table></div>";
}

void UserForm(Html& h, const PageContext& ctx, const std::vector<store::Region>& regions,
              const std::vector<store::Cooperative>& coops) {
  h << "<h3>" << T(ctx, "Tambah pengguna", "Add a user") << "</h3>";
  FormOpen(h, ctx, "/admin/pengguna", false);
  h << "<label for=\"p-username\">" << T(ctx, "Nama pengguna", "Username") << "</label><input id=\"p-username\" "
    << "name=\"username\" autocomplete=\"off\" autocapitalize=\"none\" required><label for=\"p-nama\">"
    << T(ctx, "Nama tampilan", "Display name") << "</label><input id=\"p-nama\" name=\"display_name\" required>"
    << "<label for=\"p-sandi\">" << T(ctx, "Kata sandi", "Password") << "</label><input id=\"p-sandi\" "
    << "type=\"password\" name=\"password\" autocomplete=\"new-password\" required><label for=\"p-peran\">"
    << T(ctx, "Peran", "Role") << "</label><select id=\"p-peran\" name=\"role\">";
  for (const Role role : store::kAllRoles) {
    h << "<option value=\"" << store::RoleName(role) << "\">" << RoleLabel(ctx, role) << "</option>";
  }
  h << "</select><label for=\"p-koperasi\">" << T(ctx, "Koperasi (peran koperasi)", "Cooperative (cooperative roles)")
    << "</label><select id=\"p-koperasi\" name=\"cooperative_id\"><option value=\"\">"
    << T(ctx, "— tidak ada (admin / dinas) —", "— none (admin / dinas) —") << "</option>";
  for (const store::Cooperative& c : coops) h << "<option value=\"" << c.id << "\">" << Esc{c.nama} << "</option>";
  h << "</select><label for=\"p-wilayah\">" << T(ctx, "Wilayah pemeriksaan (dinas)", "Regions examined (dinas)")
    << "</label><select id=\"p-wilayah\" name=\"region_ids\" multiple size=\""
    << std::clamp<size_t>(regions.size(), 2, 6) << "\">";
  for (const store::Region& r : regions) h << "<option value=\"" << r.id << "\">" << Esc{r.nama} << "</option>";
  h << "</select><p><button>" << T(ctx, "Tambah", "Add") << "</button></p></form>";
}

// ---- The laporan page ----

void Notices(Html& h, const PageContext& ctx, const LaporanView& view) {
  const store::LaporanRecord& r = view.record;
  const Rulebook* rb = view.assessment.rulebook;
  h << "<p>" << T(ctx, "Dinilai dengan metode ", "Assessed with method ")
    << Esc{rb != nullptr ? rb->id : r.rulebook_id} << T(ctx, " versi ", " version ")
    << Esc{rb != nullptr ? rb->version : r.rulebook_version};
  if (rb != nullptr) h << " <span class=\"kecil\">(" << Esc{L(ctx, rb->name)} << ")</span>";
  h << "</p>";
  if (view.method_changed && rb != nullptr) {
    h << "<p class=\"info\">" << T(ctx, "Metode ini telah diperbarui sejak penilaian disimpan (versi tersimpan ",
                                   "This method was updated since the assessment was stored (stored version ")
      << Esc{r.rulebook_version} << T(ctx, ", sekarang ", ", now ") << Esc{rb->version}
      << T(ctx, "). Angka di halaman ini dihitung ulang dengan versi sekarang.",
           "). The figures on this page are recomputed with the current version.") << "</p>";
  }
  if (r.corrects_id) {
    h << "<p class=\"info\">" << T(ctx, "Revisi ini mengoreksi ", "This revision corrects ") << "<a href=\""
      << Esc{Path("/laporan/", *r.corrects_id)} << "\">" << T(ctx, "penilaian final sebelumnya", "the earlier final "
      "assessment") << "</a>";
    if (!r.correction_reason.empty()) h << ". " << T(ctx, "Alasan: ", "Reason: ") << Esc{r.correction_reason};
    h << "</p>";
  }
  if (!r.review_note.empty()) {
    h << "<p class=\"info\"><strong>" << T(ctx, "Catatan pemeriksa: ", "Examiner's note: ") << "</strong>"
      << Esc{r.review_note} << "</p>";
  }
}

void TextArea(Html& h, const char* id, const char* name, const char* label, bool required,
              std::string_view value = {}) {
  h << "<label for=\"" << id << "\">" << label << "</label><textarea id=\"" << id << "\" name=\"" << name
    << "\" rows=\"3\" maxlength=\"2000\"" << (required ? " required" : "") << ">" << Esc{value} << "</textarea>";
}

// A value the examiner typed into the change form that was refused, to show it again ("" when none).
std::string Retry(const LaporanView& view, const std::string& name) {
  for (const auto& [k, v] : view.retry) {
    if (k == name) return v;
  }
  return "";
}

// The template keys (with their current values) offered when the examiner changes a figure.
void KeyDatalist(Html& h, const PageContext& ctx, const LaporanView& view) {
  const Rulebook* rb = view.assessment.rulebook;
  TemplateOptions options;
  options.rulebook = rb;
  options.prefill = &view.laporan;
  options.pearls = view.laporan.has_pearls;
  h << "<datalist id=\"kunci-laporan\">";
  for (const TemplateRow& row : TemplateRows(options)) {
    std::string label = rb != nullptr ? FieldLabel(ctx.lang, row.key, row.label, *rb) : row.label;
    if (!row.value.empty()) label.append(" = ").append(row.value);
    h << "<option value=\"" << Esc{row.key} << "\">" << Esc{label} << "</option>";
  }
  h << "</datalist>";
}

void ReviewForms(Html& h, const PageContext& ctx, const LaporanView& view) {
  const int64_t id = view.record.id;
  h << "<section class=\"kartu\" id=\"pemeriksaan\"><h2>" << T(ctx, "Pemeriksaan", "Review") << "</h2><h3>"
    << T(ctx, "Ubah angka atau jawaban", "Change a figure or answer") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/koreksi"), false);
  h << "<p class=\"kecil\">"
    << T(ctx, "Sampai tiga isian sekaligus dengan satu alasan, mis. kas dan bank bersama agar neraca tetap seimbang.",
         "Up to three fields at once with one reason, e.g. cash and bank together so the balance sheet stays "
         "balanced.")
    << "</p>";
  KeyDatalist(h, ctx, view);
  for (const char* suffix : {"", "2", "3"}) {
    const std::string path_name = std::string("path") + suffix, value_name = std::string("nilai") + suffix;
    const bool first = *suffix == '\0';
    h << "<div class=\"baris-koreksi\"><label for=\"koreksi-" << Esc{path_name} << "\">"
      << T(ctx, "Isian (kunci, mis. neraca.kas)", "Field (key, e.g. neraca.kas)") << "</label><input id=\"koreksi-"
      << Esc{path_name} << "\" name=\"" << Esc{path_name} << "\" value=\"" << Esc{Retry(view, path_name)}
      << "\" list=\"kunci-laporan\" autocomplete=\"off\" autocapitalize=\"none\"" << (first ? " required" : "")
      << "><label for=\"koreksi-" << Esc{value_name} << "\">"
      << T(ctx, "Nilai baru (angka, atau Ya / Tidak)", "New value (amount, or Ya / Tidak)")
      << "</label><input id=\"koreksi-" << Esc{value_name} << "\" name=\"" << Esc{value_name} << "\" value=\""
      << Esc{Retry(view, value_name)} << "\" autocomplete=\"off\"" << (first ? " required" : "") << "></div>";
  }
  TextArea(h, "koreksi-alasan", "alasan", T(ctx, "Alasan (wajib)", "Reason (required)"), true,
           Retry(view, "alasan"));
  h << "<p><button>" << T(ctx, "Simpan perubahan", "Save the change") << "</button></p></form>";

  h << "<h3>" << T(ctx, "Lampirkan bukti", "Attach evidence") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/bukti"), true);
  h << "<label for=\"bukti-berkas\">" << T(ctx, "Berkas (paling besar 5 MiB)", "File (at most 5 MiB)") << "</label>"
    << "<input id=\"bukti-berkas\" type=\"file\" name=\"berkas\" required>";
  TextArea(h, "bukti-catatan", "catatan", T(ctx, "Catatan", "Note"), false);
  h << "<p><button>" << T(ctx, "Lampirkan", "Attach") << "</button></p></form>";

  h << "<h3>" << T(ctx, "Kembalikan ke koperasi", "Return to the cooperative") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/kembalikan"), false);
  TextArea(h, "kembali-catatan", "catatan", T(ctx, "Catatan untuk koperasi", "Note for the cooperative"),
              true);
  h << "<p><button class=\"kedua\">" << T(ctx, "Kembalikan", "Return") << "</button></p></form>";

  h << "<h3>" << T(ctx, "Tetapkan sebagai final", "Finalise") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/final"), false, "",
           T(ctx, "Tetapkan penilaian ini sebagai final? Penilaian final tidak dapat diubah.",
             "Finalise this assessment? A final assessment cannot be changed."));
  h << "<p><button>" << T(ctx, "Tetapkan final", "Finalise") << "</button></p></form></section>";
}

// The short actions near the top; the examiner's forms come after the explanation they are about.
void TopActions(Html& h, const PageContext& ctx, const LaporanView& view) {
  const LaporanPermissions& may = view.may;
  const int64_t id = view.record.id;
  if (may.review || may.correct) {
    h << "<p><a class=\"tombol kedua\" href=\"#pemeriksaan\">"
      << (may.review ? T(ctx, "Ke formulir pemeriksaan ↓", "To the review forms ↓")
                             : T(ctx, "Ke formulir koreksi ↓", "To the correction form ↓"))
      << "</a></p>";
  }
  if (may.edit || may.submit) {
    h << "<section class=\"kartu aksi\">";
    if (may.edit) {
      h << "<a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", id, "/ubah")} << "\">"
        << T(ctx, "Ubah draf", "Edit the draft") << "</a> ";
    }
    if (may.submit) {
      FormOpen(h, ctx, Path("/laporan/", id, "/ajukan"), false, "sebaris",
               T(ctx, "Ajukan laporan ini ke Dinas? Setelah diajukan, laporan tidak dapat diubah lagi.",
                 "Submit this laporan to the Dinas? Once submitted it can no longer be edited."));
      h << "<button>" << T(ctx, "Ajukan ke Dinas", "Submit to the Dinas") << "</button></form>";
    }
    h << "</section>";
  }
}

void ExaminerActions(Html& h, const PageContext& ctx, const LaporanView& view) {
  const LaporanPermissions& may = view.may;
  const int64_t id = view.record.id;
  if (may.review) ReviewForms(h, ctx, view);
  if (may.correct) {
    h << "<section class=\"kartu\"" << (may.review ? "" : " id=\"pemeriksaan\"") << "><h2>"
      << T(ctx, "Koreksi penilaian final", "Correct the final assessment")
      << "</h2><p class=\"kecil\">" << T(ctx, "Penilaian final tidak diubah: koreksi dibuat sebagai revisi baru.",
                                         "A final assessment is never changed: a correction is a new revision.")
      << "</p>";
    FormOpen(h, ctx, Path("/laporan/", id, "/revisi"), false);
    TextArea(h, "revisi-alasan", "alasan", T(ctx, "Alasan koreksi (wajib)", "Reason (required)"), true);
    h << "<p><button>" << T(ctx, "Mulai koreksi", "Start a correction") << "</button></p></form></section>";
  }
}

// A changed value as the page shows it: amounts in one form on both sides of the arrow ("88900000" as stored and
// "80.000.000" as typed both become Rp ...); answers and other text as they are.
std::string ChangedValue(const std::string& v) {
  if (v.empty()) return "—";
  Sen sen = 0;
  if (ParseAmountTextSen(v, &sen) == AmountError::kNone) return FormatRupiah(sen);
  return v;
}

void AdjustmentTable(Html& h, const PageContext& ctx, const std::vector<store::Adjustment>& adjustments) {
  if (adjustments.empty()) return;
  h << "<h2>" << T(ctx, "Perubahan oleh pemeriksa", "Changes by the examiner") << "</h2><div class=\"gulir\"><table>"
    << "<thead><tr><th>" << T(ctx, "Isian", "Field") << "</th><th>" << T(ctx, "Sebelum → sesudah", "Before → after")
    << "</th><th>" << T(ctx, "Alasan", "Reason") << "</th><th>" << T(ctx, "Oleh", "By") << "</th></tr></thead><tbody>";
  for (const store::Adjustment& a : adjustments) {
    h << "<tr><td class=\"mono\">" << Esc{a.path} << "</td><td>" << Esc{ChangedValue(a.before_value)}
      << " → <strong>" << Esc{ChangedValue(a.after_value)} << "</strong></td><td>" << Esc{a.reason} << "</td><td>"
      << Esc{a.username} << "<div class=\"kecil\">" << Esc{FormatTime(a.at)} << "</div></td></tr>";
  }
  h << "</tbody></table></div>";
}

void EvidenceTable(Html& h, const PageContext& ctx, const std::vector<store::Evidence>& evidence) {
  if (evidence.empty()) return;
  h << "<h2>" << T(ctx, "Bukti", "Evidence") << "</h2><div class=\"gulir\"><table><thead><tr><th>"
    << T(ctx, "Berkas", "File") << "</th><th class=\"n\">" << T(ctx, "Ukuran", "Size") << "</th><th>"
    << T(ctx, "Catatan", "Note") << "</th></tr></thead><tbody>";
  for (const store::Evidence& e : evidence) {
    h << "<tr><td><a href=\"" << Esc{Path("/bukti/", e.id)} << "\">" << Esc{e.filename} << "</a><div class=\"mono\">"
      << "SHA-256 " << Esc{e.sha256} << "</div></td><td class=\"n\">" << Esc{FormatBytes(e.size_bytes, ctx.lang)}
      << "</td><td>" << Esc{e.note} << "<div class=\"kecil\">" << Esc{FormatTime(e.at)} << "</div></td></tr>";
  }
  h << "</tbody></table></div>";
}

void Downloads(Html& h, const PageContext& ctx, int64_t id) {
  h << "<h2>" << T(ctx, "Unduh", "Download") << "</h2><p class=\"unduhan\">";
  const std::pair<const char*, const char*> files[] = {
      {"/unduh.pdf", T(ctx, "Laporan PDF", "PDF report")},
      {"/unduh.xlsx", T(ctx, "Lembar kerja XLSX", "XLSX worksheet")},
      {"/unduh.json", T(ctx, "Hasil JSON", "JSON result")}};
  for (const auto& [tail, text] : files) {
    h << "<a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", id, tail)} << "\">" << text << "</a> ";
  }
  h << "</p>";
}

// ---- Errors ----

const char* ErrorTitle(const PageContext& ctx, int status) {
  switch (status) {
    case 400: return T(ctx, "Permintaan tidak valid", "Bad request");
    case 401: return T(ctx, "Silakan masuk", "Please log in");
    case 403: return T(ctx, "Tidak berhak", "Forbidden");
    case 404: return T(ctx, "Tidak ditemukan", "Not found");
    case 405: return T(ctx, "Cara membuka halaman ini tidak diizinkan", "Method not allowed");
    case 409: return T(ctx, "Tidak dapat dilakukan sekarang", "Conflict");
    case 413: return T(ctx, "Berkas terlalu besar", "Too large");
    case 422: return T(ctx, "Isian tidak valid", "Invalid input");
    case 429: return T(ctx, "Terlalu banyak percobaan", "Too many attempts");
    default: break;
  }
  return status >= 500 ? T(ctx, "Terjadi kesalahan pada server", "Server error") : T(ctx, "Kesalahan", "Error");
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendEscaped(text, &out);
  return out;
}

namespace {

void PlanSteps(Html& h, const PageContext& ctx, const LaporanView& view, const Plan& plan) {
  h << "<h2>" << T(ctx, "Langkah", "Steps") << "</h2><p class=\"kecil\">"
    << T(ctx, "Setiap rencana diterapkan pada laporan lalu dinilai ulang dengan mesin penilaian yang tepat.",
         "Every plan is applied to the laporan and assessed again by the exact engine.")
    << "</p><ol class=\"langkah\">";
  for (const PlanStep& s : plan.steps) {
    const std::string lifted = LiftsText(view.assessment, s, ctx.lang);
    h << "<li><strong>" << Esc{L(ctx, s.action->name)} << ": " << Esc{FormatRupiah(s.amount_sen)} << "</strong>"
      << "<div class=\"kecil\">" << Esc{L(ctx, s.action->description)} << "</div><div>"
      << T(ctx, "Menaikkan: ", "Lifts: ");
    if (lifted.empty()) {
      h << T(ctx, "tidak ada jika sendirian; bekerja bersama langkah lain",
             "nothing on its own; it works together with the other steps");
    } else {
      h << Esc{lifted};
    }
    h << "</div></li>";
  }
  h << "</ol><h2>" << T(ctx, "Komponen yang berubah", "Components that change") << "</h2><ul>";
  for (size_t k = 0; k < view.assessment.components.size(); ++k) {
    const ComponentResult& b = view.assessment.components[k];
    const ComponentResult& a = plan.result.components[k];
    if (a.skor_e6 == b.skor_e6) continue;
    h << "<li>" << Esc{L(ctx, b.spec->name)} << ": nilai " << Esc{FormatNilai(b.nilai_e2, ctx.lang)} << " → "
      << Esc{FormatNilai(a.nilai_e2, ctx.lang)} << ", skor " << Esc{SignedPoints(a.skor_e6 - b.skor_e6, ctx.lang)}
      << "</li>";
  }
  h << "</ul><h2>" << T(ctx, "Hasil", "Result") << "</h2>";
  ScoreHead(h, ctx, plan.result, view.record.id);
}

}  // namespace

std::string PlanPage(const PageContext& ctx, const PlanView& plan_view) {
  const LaporanView& view = plan_view.laporan;
  const Plan& plan = plan_view.plan;
  const int64_t target_e6 = plan_view.target_e6;
  Html h(16 * 1024);
  const Assessment& base = view.assessment;
  Begin(h, ctx, T(ctx, "Jalan menuju SEHAT", "The way to SEHAT"));
  h << "<h1>" << T(ctx, "Jalan menuju SEHAT", "The way to SEHAT") << "</h1><p>" << Esc{view.cooperative.nama} << " · "
    << Esc{FormatDateLong(view.record.periode_akhir, ctx.lang)} << "</p><p>" << T(ctx, "Sekarang: ", "Now: ")
    << "<strong>" << Esc{FormatPoints(base.total_e6, ctx.lang)} << "</strong> ";
  PredikatBadge(h, ctx, base.Predikat().label);
  h << " · " << T(ctx, "target: ", "target: ") << "<strong>" << Esc{FormatPoints(target_e6, ctx.lang)}
    << "</strong></p>";
  switch (plan.status) {
    case Plan::Status::kAlreadyThere:
      h << "<p class=\"info\">" << T(ctx, "Target sudah tercapai.", "The target is already reached.") << "</p>";
      break;
    case Plan::Status::kVerified:
      PlanSteps(h, ctx, view, plan);
      break;
    case Plan::Status::kUnreachable:
      h << "<p class=\"info\">"
        << T(ctx, "Target tidak dapat dicapai dengan tindakan yang tersedia dalam batas-batasnya.",
             "The target cannot be reached with the available actions within their bounds.");
      if (plan.reachable_max_e6 >= 0) {
        h << " " << T(ctx, "Total tertinggi yang dapat dicapai (perkiraan): ", "Highest reachable total (estimate): ")
          << Esc{FormatPoints(plan.reachable_max_e6, ctx.lang)};
      }
      h << "</p>";
      break;
    case Plan::Status::kNotVerified:
    case Plan::Status::kSolverFailed:
      h << "<p class=\"info\">"
        << T(ctx, "Tidak ada rencana yang lolos penilaian ulang; coba dengan baris perintah (kopsehat plan).",
             "No plan passed the exact re-assessment; try the command line (kopsehat plan).")
        << "</p>";
      break;
  }
  h << "<p><a class=\"tombol kedua\" href=\"" << Esc{Path("/laporan/", view.record.id)} << "\">"
    << T(ctx, "Kembali ke penilaian", "Back to the assessment") << "</a></p>";
  return End(h, ctx);
}

std::string LoginPage(const PageContext& ctx, const std::string& username, const Problems& problems) {
  Html h(8 * 1024);
  Begin(h, ctx, T(ctx, "Masuk", "Log in"));
  h << "<section class=\"kartu sempit\"><h1>" << T(ctx, "Masuk ke Kopsehat", "Log in to Kopsehat") << "</h1><p>"
    << T(ctx, "Penilaian kesehatan koperasi simpan pinjam.", "Health assessment of savings-and-loan cooperatives.")
    << "</p>";
  ProblemList(h, ctx, problems);
  FormOpen(h, ctx, "/masuk", false);
  h << "<label for=\"username\">" << T(ctx, "Nama pengguna", "Username") << "</label><input id=\"username\" "
    << "name=\"username\" value=\"" << Esc{username} << "\" autocomplete=\"username\" autocapitalize=\"none\" "
    << "required><label for=\"password\">" << T(ctx, "Kata sandi", "Password") << "</label><input id=\"password\" "
    << "type=\"password\" name=\"password\" autocomplete=\"current-password\" required><p><button>"
    << T(ctx, "Masuk", "Log in") << "</button></p></form></section>";
  return End(h, ctx);
}

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
  ScoreChart(h, ctx, view.laporan, assessed ? latest->assessment.rulebook : nullptr);
  HistoryTable(h, ctx, view.laporan);
  if (view.may_view_audit) {
    h << "<p><a href=\"" << Esc{Path("/koperasi/", c.id, "/audit")} << "\">" << T(ctx, "Jejak audit", "Audit trail")
      << "</a></p>";
  }
  return End(h, ctx);
}

std::string LaporanFormPage(const PageContext& ctx, const store::Cooperative& coop, int64_t draft_id,
                            const std::vector<std::pair<std::string, std::string>>& values, const Problems& problems) {
  // A new laporan starts with the cooperative's own identity; anything the user sent (even empty) wins.
  std::vector<std::pair<std::string, std::string>> all = values;
  const auto has = [&values](std::string_view key) {
    return std::any_of(values.begin(), values.end(), [key](const auto& kv) { return kv.first == key; });
  };
  if (!has("koperasi.nama")) all.emplace_back("koperasi.nama", coop.nama);
  if (!has("koperasi.jenis")) all.emplace_back("koperasi.jenis", coop.jenis);
  if (!has("koperasi.nomor_badan_hukum")) all.emplace_back("koperasi.nomor_badan_hukum", coop.nomor_badan_hukum);

  const Rulebook* rb = FormRulebook(all);
  TemplateOptions options;
  options.rulebook = rb;
  options.pearls = std::any_of(all.begin(), all.end(), [](const auto& kv) { return kv.first.starts_with("pearls."); });
  const std::vector<TemplateRow> rows = TemplateRows(options);
  const FormState st(ctx, *rb, all, problems);

  std::set<std::string_view> fields;
  for (const TemplateRow& row : rows) fields.insert(row.key);
  std::vector<std::string_view> extra;
  for (const auto& [key, value] : all) {
    if (key != "csrf" && fields.insert(key).second) extra.push_back(key);
  }
  Anchors anchors;
  for (const std::string_view key : fields) anchors.emplace(key, std::string("f-").append(key));
  for (const TemplateRow& row : rows) {
    const std::string group = GroupOf(row.key);
    anchors.emplace(group, std::string("g-").append(group));
  }

  const char* title = draft_id == 0 ? T(ctx, "Laporan baru", "New laporan") : T(ctx, "Ubah draf laporan", "Edit "
                                                                                  "the draft laporan");
  Html h(160 * 1024);
  Begin(h, ctx, title);
  h << "<p class=\"jejak\"><a href=\"" << Esc{Path("/koperasi/", coop.id)} << "\">" << Esc{coop.nama} << "</a></p><h1>"
    << title << "</h1>";
  ProblemList(h, ctx, problems, &anchors);
  UploadForm(h, ctx, coop, draft_id);
  FormOpen(h, ctx, draft_id == 0 ? Path("/koperasi/", coop.id, "/laporan") : Path("/laporan/", draft_id, "/ubah"), true,
           "laporan");
  h << "<p class=\"kecil\">" << T(ctx, "Jumlah dalam Rupiah, mis. 1.250.000 atau 1.250.000,50. Pos yang kosong "
                                  "dihitung 0.", "Amounts in Rupiah, e.g. 1.250.000 or 1.250.000,50. Empty lines "
                                  "count as 0.") << "</p>";
  FormFields(h, st, rows);
  ExtraFields(h, st, extra);
  h << "<datalist id=\"jenis-koperasi\"><option value=\"KSP\"></option><option value=\"USP\"></option>"
    << "<option value=\"KSPPS\"></option><option value=\"USPPS\"></option></datalist><p class=\"kirim\"><button>"
    << T(ctx, "Simpan draf dan nilai", "Save the draft and assess") << "</button></p></form>";
  return End(h, ctx);
}

std::string LaporanPage(const PageContext& ctx, const LaporanView& view, const Problems& problems) {
  const store::LaporanRecord& r = view.record;
  const Assessment& a = view.assessment;
  Html h(128 * 1024);
  std::string title = view.cooperative.nama;
  title.append(" — ").append(FormatDateLong(r.periode_akhir, ctx.lang));
  Begin(h, ctx, title);
  h << "<p class=\"jejak\"><a href=\"" << Esc{Path("/koperasi/", view.cooperative.id)} << "\">"
    << Esc{view.cooperative.nama} << "</a></p><h1>" << T(ctx, "Penilaian kesehatan ", "Health assessment, ")
    << Esc{FormatDateLong(r.periode_akhir, ctx.lang)} << "</h1><p>";
  StatusBadge(h, ctx, r.status);
  h << " " << T(ctx, "Revisi ", "Revision ") << r.revision << "</p>";
  ProblemList(h, ctx, problems);
  Notices(h, ctx, view);
  if (a.rulebook != nullptr) {
    h << "<section class=\"kartu\">";
    ScoreHead(h, ctx, a, r.id);
    h << "</section>";
  }
  TopActions(h, ctx, view);
  if (a.rulebook != nullptr) {
    h << "<h2>" << T(ctx, "Ringkasan per aspek", "Summary by aspect") << "</h2>";
    AspectSummary(h, ctx, a);
    LossList(h, ctx, a, 5);
    h << "<h2>" << T(ctx, "Rincian per komponen", "Each component explained") << "</h2>";
    for (size_t i = 0; i < a.aspects.size(); ++i) AspectComponents(h, ctx, a, view.laporan, i);
    WarningList(h, ctx, a);
  }
  AdjustmentTable(h, ctx, view.adjustments);
  EvidenceTable(h, ctx, view.evidence);
  ExaminerActions(h, ctx, view);
  Downloads(h, ctx, r.id);
  return End(h, ctx);
}

std::string RegionPage(const PageContext& ctx, const RegionView& view, const RegionQuery& query) {
  const RegionQuery q = Normalised(query);
  Html h(64 * 1024 + kRegionPageSize * 600);
  Begin(h, ctx, T(ctx, "Dasbor wilayah", "Regional dashboard"));
  h << "<h1>" << T(ctx, "Dasbor wilayah", "Regional dashboard") << "</h1>";
  if (!view.regions.empty()) {
    h << "<p class=\"kecil\">";
    for (size_t i = 0; i < view.regions.size(); ++i) {
      h << (i ? "; " : "") << Esc{view.regions[i].nama} << ", " << Esc{view.regions[i].provinsi};
    }
    h << "</p>";
  }
  PredikatCounts(h, ctx, view);
  h << "<div class=\"dua\">";
  EarlyWarnings(h, ctx, view);
  AwaitingReview(h, ctx, view);
  h << "</div>";
  Overdue(h, ctx, view);
  RegionTable(h, ctx, view, q);
  return End(h, ctx);
}

std::string AdminPage(const PageContext& ctx, const AdminView& view, const Problems& problems) {
  const std::vector<store::Region>& regions = view.regions;
  const std::vector<store::Cooperative>& coops = view.cooperatives;
  const std::vector<store::User>& users = view.users;
  Html h(32 * 1024 + (regions.size() + coops.size() + users.size()) * 300);
  Begin(h, ctx, T(ctx, "Administrasi", "Administration"));
  h << "<h1>" << T(ctx, "Administrasi", "Administration") << "</h1><p><a href=\"/admin/audit\">"
    << T(ctx, "Jejak audit seluruh sistem", "System-wide audit trail") << "</a></p>";
  ProblemList(h, ctx, problems);
  RegionsSection(h, ctx, regions);
  CooperativesSection(h, ctx, regions, coops);
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Pengguna", "Users") << "</h2>";
  UsersTable(h, ctx, regions, coops, users);
  UserForm(h, ctx, regions, coops);
  h << "</section>";
  return End(h, ctx);
}

std::string AuditPage(const PageContext& ctx, const std::string& title, const std::vector<store::AuditEntry>& entries,
                      const std::string& older_url) {
  Html h(16 * 1024 + entries.size() * 400);
  Begin(h, ctx, title);
  h << "<h1>" << Esc{title} << "</h1>";
  if (entries.empty()) {
    h << "<p>" << T(ctx, "Belum ada catatan.", "No entries yet.") << "</p>";
    return End(h, ctx);
  }
  h << "<div class=\"gulir\"><table><thead><tr><th>" << T(ctx, "Waktu", "Time") << "</th><th>"
    << T(ctx, "Aksi", "Action") << "</th><th>" << T(ctx, "Pengguna", "User") << "</th><th>"
    << T(ctx, "Rincian", "Details") << "</th></tr></thead><tbody>";
  for (const store::AuditEntry& e : entries) {
    h << "<tr><td>" << Esc{FormatTime(e.at)} << "</td><td class=\"mono\">" << Esc{e.action} << "<div>"
      << Esc{e.entity};
    if (e.entity_id) h << " #" << *e.entity_id;
    h << "</div></td><td>";
    if (e.user_id) h << "#" << *e.user_id;
    h << "</td><td>";
    if (e.cooperative_id) {
      h << "<a href=\"" << Esc{Path("/koperasi/", *e.cooperative_id)} << "\">" << T(ctx, "koperasi #", "cooperative #")
        << *e.cooperative_id << "</a>";
    }
    if (!e.before_json.empty() || !e.after_json.empty()) {
      h << "<details><summary>" << T(ctx, "Sebelum / sesudah", "Before / after") << "</summary><pre class=\"mono\">"
        << Esc{e.before_json} << "</pre><pre class=\"mono\">" << Esc{e.after_json} << "</pre></details>";
    }
    h << "</td></tr>";
  }
  h << "</tbody></table></div>";
  if (!older_url.empty()) {
    h << "<p><a class=\"tombol kedua\" href=\"" << Esc{older_url} << "\">" << T(ctx, "Catatan lebih lama", "Older entries")
      << "</a></p>";
  }
  return End(h, ctx);
}

std::string ErrorPage(const PageContext& ctx, int http_status, const Problems& problems) {
  Html h(8 * 1024);
  const char* title = ErrorTitle(ctx, http_status);
  Begin(h, ctx, title);
  h << "<section class=\"kartu sempit\"><h1>" << title << " <span class=\"kecil\">(" << http_status << ")</span></h1>";
  ProblemList(h, ctx, problems, nullptr, http_status == 422);
  h << "<p><a class=\"tombol kedua\" href=\"/\">" << T(ctx, "Kembali ke beranda", "Back to the home page") << "</a>";
  if (ctx.principal == nullptr) h << " <a class=\"tombol\" href=\"/masuk\">" << T(ctx, "Masuk", "Log in") << "</a>";
  h << "</p></section>";
  return End(h, ctx);
}

}  // namespace kopsehat::web
