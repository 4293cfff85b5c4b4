// web/html.h — the HTML builder the pages share, internal to web/: the Html stream, the page frame (Begin, End), and
// what several pages draw alike: POST forms with their CSRF token, the problem list, badges, links, and the words for
// roles, times and laporan template fields. Every page (page_*.cc) is appended to one reserved string through Html,
// whose only way to add a dynamic text is Esc{...}: markup must be a C string literal, so forgetting to escape does
// not compile. No inline script or style attribute, so a strict Content-Security-Policy (self only) keeps working.
// Depends on web/views.h (PageContext) and what it includes: app/, and below it report/ for the wording.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/text.h"
#include "web/views.h"

namespace kopsehat::web::html {

// Appends `text` HTML-escaped for element content and attribute values (& < > " ').
void AppendEscaped(std::string_view text, std::string* out);

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

// The Indonesian or the English text, as the page's language says.
inline const char* T(const PageContext& ctx, const char* id, const char* en) { return kopsehat::T(ctx.lang, id, en); }
inline const std::string& L(const PageContext& ctx, const Label& label) { return label.Get(ctx.lang); }

// A link to a numbered thing: Path("/laporan/", 12, "/radar.svg") is "/laporan/12/radar.svg".
std::string Path(std::string_view head, int64_t id, std::string_view tail = {});

// ---- Text ----

// Names are sorted and filtered with core/text.h's ASCII folding (EqualsFold, ContainsFold, CompareFold): names are
// mostly ASCII, and it needs no allocation per row.

// Stored times are Unix seconds; pages show them in the region's zone with the zone named (core/zone.h,
// FormatLocalDateTime), since the Dinas offices span three time zones.

// "+1,20" / "-0,50": a change reads better with its sign.
std::string SignedPoints(int64_t e6, Lang lang);

const char* RoleLabel(const PageContext& ctx, store::Role role);

// ---- Laporan template fields (the laporan form, and the keys an examiner may change) ----

// "periode_lalu.neraca.kas" → "neraca.kas"; any other key as it is.
std::string_view WithoutPrevious(std::string_view key);

// The checklist component whose answers live under `answers_path` ("manajemen.umum"), or null.
const Component* ChecklistOf(const Rulebook& rb, std::string_view answers_path);

// A template field's label in `lang`. The template's labels are Indonesian; English comes from the line list, the
// rulebook (checklist items) and the template's own identity fields (interchange IdentityFieldLabel).
std::string FieldLabel(Lang lang, std::string_view key, const std::string& label_id, const Rulebook& rb);

// A field's name for messages: "Kas (Neraca)", "Kas (Neraca — tahun lalu)", "Nama koperasi", a checklist item
// "Manajemen umum, butir 3" (with `rb`), a section "Neraca"; "" when the key names none of these.
std::string KeyLabel(Lang lang, std::string_view key, const Rulebook* rb);

// Which group of the form a template key belongs to: "identitas", a statement section per period ("neraca",
// "periode_lalu.neraca"), or a checklist's answers path ("manajemen.umum").
std::string GroupOf(std::string_view key);

// The group's title for people: "Neraca", "Neraca — tahun lalu", the checklist's name.
std::string GroupTitle(const PageContext& ctx, std::string_view group, const Rulebook& rb);

// A field's value as people read it, the same on both sides of a change: amounts as "Rp 88.900.000" whether stored
// ("88900000") or typed ("80.000.000"); answers and other text as they are; "—" for none.
std::string ChangedValue(const std::string& v);

// Every template key of the method with its label in `lang`, for lists that name fields outside the form (what an
// incomplete draft lacks, what the examiner changed): a checklist item reads "<checklist>, butir 3: <item text>".
std::map<std::string, std::string, std::less<>> FieldLabels(Lang lang, const Rulebook& rb);

// ---- Page frame ----

// Every POST form starts here, so none can lack the CSRF token. `confirm` asks before submitting (script).
void FormOpen(Html& h, const PageContext& ctx, std::string_view action, bool multipart, const char* cls = "",
              std::string_view confirm = {});

// The document head (title, stylesheet, script), the header with navigation and the language switch, and <main>.
void Begin(Html& h, const PageContext& ctx, std::string_view title);
// Closes <main>, adds the footer and returns the page.
std::string End(Html& h, const PageContext& ctx);

// ---- Problems ----

// Where on the page a problem's path is shown (path → element id), so the list at the top can link to it.
using Anchors = std::map<std::string, std::string, std::less<>>;

// The problems of the last attempt, each led by its field's name (KeyLabel; `rb` names checklist items), the key
// after the message; those naming a field of the page link to it.
// `about_input`: the problems are with what the user typed (a form); otherwise they explain a refusal.
void ProblemList(Html& h, const PageContext& ctx, const Problems& problems, const Anchors* anchors = nullptr,
                 bool about_input = true, const Rulebook* rb = nullptr);

// ---- Badges and links ----

// The CSS class of a predikat (its colour), also used by the charts.
const char* PredikatClass(std::string_view label);
void PredikatBadge(Html& h, const PageContext& ctx, std::string_view label);
void StatusBadge(Html& h, const PageContext& ctx, store::Status s);
void CoopLink(Html& h, const store::Cooperative& c);

}  // namespace kopsehat::web::html
