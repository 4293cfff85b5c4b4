// web/html.cc — the HTML builder and the widgets the pages share (see html.h), and Escape() of views.h. Depends on
// web/views.h and report/ (wording).
#include "web/html.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

#include "interchange/template_writer.h"
#include "laporan/laporan.h"
#include "report/wording.h"

namespace kopsehat::web {

namespace html {

using store::Role;
using store::Status;

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

std::string Path(std::string_view head, int64_t id, std::string_view tail) {
  std::string s(head);
  s.append(std::to_string(id)).append(tail);
  return s;
}

// ---- Text ----

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

// ---- Laporan template fields ----

std::string_view WithoutPrevious(std::string_view key) {
  constexpr std::string_view kPrev = "periode_lalu.";
  return key.starts_with(kPrev) ? key.substr(kPrev.size()) : key;
}

const Component* ChecklistOf(const Rulebook& rb, std::string_view answers_path) {
  for (const Component& c : rb.components) {
    if (c.kind == ComponentKind::kChecklist && c.AnswersPath() == answers_path) return &c;
  }
  return nullptr;
}

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
  // The identity fields: the template's own English label and hint.
  if (std::string en = IdentityFieldLabel(key, lang, /*with_hint=*/true); !en.empty()) return en;
  return label_id;
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

// A changed value as the page shows it: amounts in one form on both sides of the arrow ("88900000" as stored and
// "80.000.000" as typed both become Rp ...); answers and other text as they are.
std::string ChangedValue(const std::string& v) {
  if (v.empty()) return "—";
  Sen sen = 0;
  if (ParseAmountTextSen(v, &sen) == AmountError::kNone) return FormatRupiah(sen);
  return v;
}

std::map<std::string, std::string, std::less<>> FieldLabels(Lang lang, const Rulebook& rb) {
  TemplateOptions options;
  options.rulebook = &rb;
  std::map<std::string, std::string, std::less<>> out;
  for (const TemplateRow& row : TemplateRows(options)) {
    std::string label = FieldLabel(lang, row.key, row.label, rb);
    const size_t bracket = row.key.find('[');
    if (const Component* c = bracket == std::string::npos ? nullptr : ChecklistOf(rb, row.key.substr(0, bracket))) {
      const std::string number = row.key.substr(bracket + 1, row.key.size() - bracket - 2);
      const size_t item = size_t(std::atoi(number.c_str()));
      if (item >= 1 && item <= c->items.size()) {
        label = c->name.Get(lang) + kopsehat::T(lang, ", butir ", ", item ") + number + ": " + c->items[item - 1].text.Get(lang);
      }
    }
    out.emplace(row.key, std::move(label));
  }
  return out;
}

std::string KeyLabel(Lang lang, std::string_view key, const Rulebook* rb) {
  if (std::string label = IdentityFieldLabel(key, lang); !label.empty()) return label;
  const std::string_view bare = WithoutPrevious(key);
  const bool previous = bare.size() != key.size();
  const std::string last_year = previous ? kopsehat::T(lang, " — tahun lalu", " — last year") : "";
  const size_t dot = bare.find('.');
  const std::string_view section = bare.substr(0, dot);
  std::string section_title;
  if (section == "neraca") section_title = kopsehat::T(lang, "Neraca", "Balance sheet");
  if (section == "hasil_usaha") section_title = kopsehat::T(lang, "Perhitungan hasil usaha", "Income statement");
  if (section == "pinjaman") section_title = kopsehat::T(lang, "Pinjaman", "Loans");
  if (section == "kegiatan") section_title = kopsehat::T(lang, "Kegiatan", "Activity");
  if (section == "pearls") section_title = "PEARLS";
  if (const int line = FindLine(bare); line >= 0) {
    const LineSpec& spec = kLines[size_t(line)];
    return std::string(lang == Lang::kEn ? spec.label_en : spec.label_id) + " (" + section_title + last_year + ")";
  }
  if (dot == std::string_view::npos && !section_title.empty()) return section_title + last_year;
  const size_t bracket = key.find('[');
  if (const Component* c = rb != nullptr && bracket != std::string_view::npos ? ChecklistOf(*rb, key.substr(0, bracket))
                                                                              : nullptr) {
    return c->name.Get(lang) + kopsehat::T(lang, ", butir ", ", item ") +
           std::string(key.substr(bracket + 1, key.find(']', bracket) - bracket - 1));
  }
  if (const Component* c = rb != nullptr ? ChecklistOf(*rb, key) : nullptr) return c->name.Get(lang);
  return {};
}

// ---- Page frame ----

namespace {

void CsrfField(Html& h, const PageContext& ctx) {
  h << "<input type=\"hidden\" name=\"csrf\" value=\"" << Esc{ctx.csrf} << "\">";
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
    if (ctx.principal->may_view_region()) h << "<a href=\"/wilayah\">" << T(ctx, "Wilayah", "Region") << "</a>";
    if (ctx.principal->may_administer()) h << "<a href=\"/admin\">Admin</a>";
    h << "</nav><span class=\"pengguna\">" << Esc{u.display_name} << " · " << RoleLabel(ctx, u.role) << "</span>";
    FormOpen(h, ctx, "/keluar", false, "keluar");
    h << "<button>" << T(ctx, "Keluar", "Log out") << "</button></form>";
  }
  LanguageSwitch(h, ctx);
  h << "</header>";
}

}  // namespace

void FormOpen(Html& h, const PageContext& ctx, std::string_view action, bool multipart, const char* cls,
              std::string_view confirm) {
  h << "<form method=\"post\" action=\"" << Esc{action} << "\"";
  if (multipart) h << " enctype=\"multipart/form-data\"";
  if (*cls != '\0') h << " class=\"" << cls << "\"";
  if (!confirm.empty()) h << " data-konfirmasi=\"" << Esc{confirm} << "\"";
  h << ">";
  CsrfField(h, ctx);
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

// ---- Problems ----

namespace {

const std::string* AnchorOf(const Anchors* anchors, std::string_view path) {
  if (anchors == nullptr) return nullptr;
  const auto it = anchors->find(path);
  return it == anchors->end() ? nullptr : &it->second;
}

}  // namespace

void ProblemList(Html& h, const PageContext& ctx, const Problems& problems, const Anchors* anchors,
                 bool about_input, const Rulebook* rb) {
  if (problems.empty()) return;
  h << "<div class=\"masalah\" role=\"alert\"><p><strong>"
    << (about_input ? T(ctx, "Periksa kembali isian berikut:", "Please check the following:")
                    : T(ctx, "Alasannya:", "The reason:"))
    << "</strong></p><ul>";
  for (const Problem& p : problems.items()) {
    // The field by its name first ("Kas (Neraca): ..."), its key after the message for whoever needs it.
    const std::string label = p.path.empty() ? std::string() : KeyLabel(ctx.lang, p.path, rb);
    const std::string line = label.empty() ? p.Line(ctx.lang) : label + ": " + p.Text(ctx.lang);
    h << "<li>";
    const std::string* anchor = AnchorOf(anchors, p.path);
    if (anchor != nullptr) {
      h << "<a href=\"#" << Esc{*anchor} << "\">" << Esc{line} << "</a>";
    } else {
      h << Esc{line};
    }
    if (!label.empty()) h << " <span class=\"mono kecil\">" << Esc{p.path} << "</span>";
    h << "</li>";
  }
  if (problems.dropped() > 0) {
    h << "<li>… " << T(ctx, "dan ", "and ") << problems.dropped() << T(ctx, " masalah lain", " more problems")
      << "</li>";
  }
  h << "</ul></div>";
}

// ---- Badges and links ----

namespace {

const char* StatusLabel(const PageContext& ctx, Status s) {
  switch (s) {
    case Status::kDraft: return T(ctx, "Draf", "Draft");
    case Status::kSubmitted: return T(ctx, "Diajukan", "Submitted");
    case Status::kFinal: return T(ctx, "Final", "Final");
  }
  return "";
}

}  // namespace

const char* PredikatClass(std::string_view label) {
  // The colour follows the label's rank in its method (from the rulebook), best first.
  static constexpr const char* kByRank[] = {"p-sehat", "p-cukup", "p-awas", "p-khusus"};
  const int rank = PredikatRank(label);
  if (rank >= 0 && size_t(rank) < std::size(kByRank)) return kByRank[rank];
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

void CoopLink(Html& h, const store::Cooperative& c) {
  h << "<a href=\"" << Esc{Path("/koperasi/", c.id)} << "\">" << Esc{c.nama} << "</a>";
}

}  // namespace html

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  html::AppendEscaped(text, &out);
  return out;
}

}  // namespace kopsehat::web
