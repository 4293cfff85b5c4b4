// web/page_form.cc — the laporan form (views.h): every line of the method's template grouped by section, the
// checklists as yes/no choices, the balance check of the script, problems beside their fields, and the upload of a
// filled template. Depends on web/html.h, interchange/ (the template) and rules/ (the embedded methods).
#include "web/views.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/check.h"
#include "interchange/template_writer.h"
#include "rules/loader.h"
#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

// ---- Groups of fields ----

namespace {

bool IsChecklistKey(std::string_view key) { return key.find('[') != std::string_view::npos; }

// The method whose checklists the form asks: the one the values name, when it is an embedded scored method.
const Rulebook* FormRulebook(const std::vector<std::pair<std::string, std::string>>& values) {
  Problems ignored;
  for (const auto& [key, value] : values) {
    if (key != "metode" || value.empty()) continue;
    if (const Rulebook* rb = EmbeddedRulebookById(value, &ignored)) return rb;
  }
  // No method chosen: the one for the period the form holds (the examiners' method of today when it holds none).
  std::string periode, jenis;
  for (const auto& [key, value] : values) {
    if (key == "periode.akhir") periode = value;
    if (key == "koperasi.jenis") jenis = value;
  }
  const Rulebook* rb = EmbeddedRulebookById(DefaultMetodeFor(periode, jenis), &ignored);
  // The default methods are compiled in and checked by the tests: failing to load one is a bug, not bad input.
  KOPSEHAT_CHECK(rb != nullptr, "the embedded default rulebook does not load: " + ignored.Render(Lang::kEn));
  return rb;
}

// ---- Fields ----

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

// A line's side of the balance sheet, as the script reads it (data-sisi) to add up the balance check.
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
  h << "><option value=\"\">"
    << T(ctx, "(menurut periode: kkpkk-2021 sejak 2021, ksp-2016 sebelumnya)",
         "(by period: kkpkk-2021 from 2021, ksp-2016 before)")
    << "</option>";
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

// ---- Sections ----

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

// ---- Checklists, grouped by aspect and sub-aspect ----

bool IsAnswered(std::string_view value) { return EqualsFold(value, "ya") || EqualsFold(value, "tidak"); }

// "{a} dari {n}": a format of the page's language with its placeholders filled. The same format travels to the
// script as an attribute (data-format), so the live text and the server's text are one sentence.
std::string Fill(std::string format, std::initializer_list<std::pair<const char*, size_t>> values) {
  for (const auto& [name, value] : values) {
    const std::string mark = std::string("{") + name + "}";
    for (size_t at = format.find(mark); at != std::string::npos; at = format.find(mark)) {
      format.replace(at, mark.size(), std::to_string(value));
    }
  }
  return format;
}

// The share of Ya answers in whole percent, rounded half up, in integers (display only; scoring is the engine's).
size_t PercentHalfUp(size_t part, size_t whole) { return whole == 0 ? 0 : (200 * part + whole) / (2 * whole); }

struct ChecklistCount {
  size_t items = 0;
  size_t answered = 0;
  size_t yes = 0;
};

// The keys of one checklist component that the template asks, in item order.
std::vector<std::string> ItemKeys(const Component& c, const std::set<std::string, std::less<>>& asked) {
  std::vector<std::string> keys;
  for (size_t i = 1; i <= c.items.size(); ++i) {
    std::string key = c.AnswersPath() + "[" + std::to_string(i) + "]";
    if (asked.count(key) != 0) keys.push_back(std::move(key));
  }
  return keys;
}

ChecklistCount Count(const FormState& st, const std::vector<std::string>& keys) {
  ChecklistCount n;
  for (const std::string& key : keys) {
    ++n.items;
    if (IsAnswered(st.Value(key))) ++n.answered;
    if (EqualsFold(st.Value(key), "ya")) ++n.yes;
  }
  return n;
}

const char* AnsweredFormat(const PageContext& ctx) { return T(ctx, "{a} dari {n} terjawab", "{a} of {n} answered"); }

void OneChecklist(Html& h, const FormState& st, const Component& c, const std::vector<std::string>& keys,
                  const std::map<std::string, std::string, std::less<>>& labels) {
  const PageContext& ctx = st.ctx();
  const std::string path = c.AnswersPath();
  const ChecklistCount n = Count(st, keys);
  h << "<fieldset class=\"grup daftar\" id=\"g-" << Esc{path} << "\" data-daftar><legend>" << Esc{L(ctx, c.name)}
    << " <span class=\"hitung-butir\" data-format=\"" << AnsweredFormat(ctx) << "\">"
    << Esc{Fill(AnsweredFormat(ctx), {{"a", n.answered}, {"n", n.items}})} << "</span></legend>";
  st.ProblemsOf(h, path);
  for (const std::string& key : keys) {
    const auto it = labels.find(key);
    ChecklistItem(h, st, key, FieldLabel(ctx.lang, key, it == labels.end() ? key : it->second, st.rulebook()));
  }
  h << "</fieldset>";
}

// Every checklist of the method under its aspect (Tata kelola, Profil risiko, ...) and sub-aspect, each with its
// count of answered items, each aspect with a preview of its share of Ya answers, and the count over all of them.
// The counts are the server's (so they are right without the script); the script keeps them current.
void Checklists(Html& h, const FormState& st, const std::map<std::string, std::string, std::less<>>& labels) {
  const PageContext& ctx = st.ctx();
  const Rulebook& rb = st.rulebook();
  std::set<std::string, std::less<>> asked;
  for (const auto& [key, label] : labels) asked.insert(key);
  ChecklistCount all;
  for (const Component& c : rb.components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    const ChecklistCount n = Count(st, ItemKeys(c, asked));
    all.items += n.items;
    all.answered += n.answered;
  }
  if (all.items == 0) return;
  const char* overall = T(ctx, "Daftar periksa: {a} dari {n} butir terjawab", "Checklists: {a} of {n} items answered");
  h << "<h2 id=\"daftar-periksa\">" << T(ctx, "Daftar periksa", "Checklists") << "</h2><p class=\"kecil\">"
    << T(ctx, "Pilih Ya atau Tidak untuk setiap butir. Boleh disimpan sebagai draf sebelum semua terjawab.",
         "Choose Yes or No for each item. You may save a draft before every item is answered.")
    << "</p><p class=\"terjawab-semua\" aria-live=\"polite\" data-format=\"" << overall << "\">"
    << Esc{Fill(overall, {{"a", all.answered}, {"n", all.items}})} << "</p>";
  const char* preview = T(ctx, "Pratinjau: Ya {y} dari {n} butir ({p} %), terjawab {a}",
                          "Preview: Yes on {y} of {n} items ({p} %), {a} answered");
  for (size_t ai = 0; ai < rb.aspects.size(); ++ai) {
    std::vector<std::pair<const Component*, std::vector<std::string>>> lists;
    ChecklistCount n;
    for (const Component& c : rb.components) {
      if (c.kind != ComponentKind::kChecklist || c.aspect_index != int(ai)) continue;
      std::vector<std::string> keys = ItemKeys(c, asked);
      if (keys.empty()) continue;
      const ChecklistCount k = Count(st, keys);
      n.items += k.items;
      n.answered += k.answered;
      n.yes += k.yes;
      lists.emplace_back(&c, std::move(keys));
    }
    if (lists.empty()) continue;
    h << "<section class=\"aspek-periksa\" id=\"a-" << Esc{rb.aspects[ai].id} << "\" data-aspek><h3>"
      << Esc{L(ctx, rb.aspects[ai].name)} << "</h3><p class=\"pratinjau\" aria-live=\"polite\" data-format=\""
      << preview << "\">"
      << Esc{Fill(preview, {{"y", n.yes}, {"n", n.items}, {"p", PercentHalfUp(n.yes, n.items)}, {"a", n.answered}})}
      << "</p><p class=\"kecil\">"
      << T(ctx, "Pratinjau hanya menghitung jawaban Ya; nilai aspek dihitung saat draf disimpan lengkap.",
           "The preview only counts Yes answers; the aspect's score is computed when a complete draft is saved.")
      << "</p>";
    int sub = -2;
    for (const auto& [c, keys] : lists) {
      if (c->sub_aspect_index != sub) {
        sub = c->sub_aspect_index;
        if (sub >= 0 && size_t(sub) < rb.sub_aspects.size()) {
          h << "<h4>" << Esc{L(ctx, rb.sub_aspects[size_t(sub)].name)} << "</h4>";
        }
      }
      OneChecklist(h, st, *c, keys, labels);
    }
    h << "</section>";
  }
}

// The template's checklist rows that belong to a checklist component of the method (the ones Checklists draws).
bool DrawnByChecklists(const Rulebook& rb, std::string_view key) {
  const size_t bracket = key.find('[');
  return bracket != std::string_view::npos && ChecklistOf(rb, key.substr(0, bracket)) != nullptr;
}

void FormFields(Html& h, const FormState& st, const std::vector<TemplateRow>& rows) {
  const PageContext& ctx = st.ctx();
  std::string open;
  bool in_previous = false;
  std::map<std::string, std::string, std::less<>> checklist_labels;
  for (const TemplateRow& row : rows) {
    if (DrawnByChecklists(st.rulebook(), row.key)) {
      checklist_labels.emplace(row.key, row.label);
      continue;
    }
    const std::string group = GroupOf(row.key);
    if (group != open) {
      if (!open.empty()) GroupClose(h, st, open);
      const bool previous = group.starts_with("periode_lalu.");
      if (previous != in_previous) {
        if (in_previous) {
          h << "</details>";
        } else if (st.rulebook().uses_previous) {
          // The method reads last year (growth figures): the block is open and says so.
          h << "<details class=\"lalu\" open><summary>"
            << T(ctx, "Tahun lalu (dipakai metode ini untuk angka pertumbuhan; isi dari laporan tahun lalu)",
                 "Last year (this method uses it for growth figures; fill in from last year's statements)")
            << "</summary>";
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
  Checklists(h, st, checklist_labels);
}

// Values with keys the template does not know (another method's checklist): kept as plain fields, never dropped.
void ExtraFields(Html& h, const FormState& st, const std::vector<std::string_view>& extra) {
  if (extra.empty()) return;
  h << "<fieldset class=\"grup\"><legend>" << T(st.ctx(), "Isian lain", "Other fields") << "</legend>";
  for (const std::string_view key : extra) TextInput(h, st, key, key, "");
  h << "</fieldset>";
}

// Uploading a filled template; on a draft it replaces that draft's figures (the server reads `draf`).
void UploadForm(Html& h, const PageContext& ctx, const store::Cooperative& coop, int64_t draft_id,
                const std::string& refused) {
  h << "<details class=\"kartu\" id=\"unggah\"" << (refused.empty() ? "" : " open") << "><summary>"
    << T(ctx, "Punya berkas laporan? Unggah XLSX, CSV atau JSON", "Have a laporan file? Upload XLSX, CSV or JSON")
    << "</summary>";
  if (!refused.empty()) {
    h << "<p class=\"galat\"><strong>" << T(ctx, "Berkas ", "The file ") << "«" << Esc{refused} << "»"
      << T(ctx, " tidak dapat dinilai.", " could not be assessed.") << "</strong> "
      << T(ctx, "Masalahnya tercantum di atas. Perbaiki berkasnya lalu unggah lagi, atau isi formulir di bawah.",
           "The problems are listed above. Correct the file and upload it again, or fill in the form below.")
      << "</p>";
  }
  FormOpen(h, ctx, Path("/koperasi/", coop.id, "/unggah"), true);
  if (draft_id != 0) h << "<input type=\"hidden\" name=\"draf\" value=\"" << draft_id << "\">";
  h << "<label for=\"berkas-laporan\">" << T(ctx, "Berkas laporan", "Laporan file") << "</label>"
    << "<input id=\"berkas-laporan\" type=\"file\" name=\"berkas\" accept=\".xlsx,.csv,.json\" required>"
    << "<p><button>" << T(ctx, "Unggah dan nilai", "Upload and assess") << "</button></p></form></details>";
}

// ---- The page's steps ----

using FieldValues = std::vector<std::pair<std::string, std::string>>;

// A new laporan starts with the cooperative's own identity; anything the user sent (even empty) wins.
FieldValues WithIdentity(const store::Cooperative& coop, const FieldValues& values) {
  FieldValues all = values;
  const auto has = [&values](std::string_view key) {
    return std::any_of(values.begin(), values.end(), [key](const auto& kv) { return kv.first == key; });
  };
  if (!has("koperasi.nama")) all.emplace_back("koperasi.nama", coop.nama);
  if (!has("koperasi.jenis")) all.emplace_back("koperasi.jenis", coop.jenis);
  if (!has("koperasi.nomor_badan_hukum")) all.emplace_back("koperasi.nomor_badan_hukum", coop.nomor_badan_hukum);
  return all;
}

// The keys of `all` the template does not know, in the order they came (views into `all`); "csrf" is no field.
std::vector<std::string_view> ExtraKeys(const std::vector<TemplateRow>& rows, const FieldValues& all) {
  std::set<std::string_view> fields;
  for (const TemplateRow& row : rows) fields.insert(row.key);
  std::vector<std::string_view> extra;
  for (const auto& [key, value] : all) {
    if (key != "csrf" && fields.insert(key).second) extra.push_back(key);
  }
  return extra;
}

// Where each field ("f-<key>") and each group ("g-<group>") stands, so the problem list can link to it.
Anchors FormAnchors(const std::vector<TemplateRow>& rows, const std::vector<std::string_view>& extra) {
  Anchors anchors;
  for (const TemplateRow& row : rows) anchors.emplace(row.key, std::string("f-").append(row.key));
  for (const std::string_view key : extra) anchors.emplace(key, std::string("f-").append(key));
  for (const TemplateRow& row : rows) {
    const std::string group = GroupOf(row.key);
    anchors.emplace(group, std::string("g-").append(group));
  }
  return anchors;
}

}  // namespace

std::string LaporanFormPage(const PageContext& ctx, const store::Cooperative& coop, int64_t draft_id,
                            const std::vector<std::pair<std::string, std::string>>& values, const Problems& problems,
                            const std::string& refused_upload) {
  const FieldValues all = WithIdentity(coop, values);
  const Rulebook* rb = FormRulebook(all);
  TemplateOptions options;
  options.rulebook = rb;
  options.pearls = std::any_of(all.begin(), all.end(), [](const auto& kv) { return kv.first.starts_with("pearls."); });
  const std::vector<TemplateRow> rows = TemplateRows(options);
  const FormState st(ctx, *rb, all, problems);
  const std::vector<std::string_view> extra = ExtraKeys(rows, all);
  const Anchors anchors = FormAnchors(rows, extra);

  const char* title = draft_id == 0 ? T(ctx, "Laporan baru", "New laporan") : T(ctx, "Ubah draf laporan", "Edit "
                                                                                  "the draft laporan");
  Html h(160 * 1024);
  Begin(h, ctx, title);
  h << "<p class=\"jejak\"><a href=\"" << Esc{Path("/koperasi/", coop.id)} << "\">" << Esc{coop.nama} << "</a></p><h1>"
    << title << "</h1>";
  ProblemList(h, ctx, problems, &anchors, true, rb);
  UploadForm(h, ctx, coop, draft_id, refused_upload);
  FormOpen(h, ctx, draft_id == 0 ? Path("/koperasi/", coop.id, "/laporan") : Path("/laporan/", draft_id, "/ubah"), true,
           "laporan");
  h << "<p class=\"kecil\">" << T(ctx, "Jumlah dalam Rupiah, mis. 1.250.000 atau 1.250.000,50. Pos yang kosong "
                                  "dihitung 0.", "Amounts in Rupiah, e.g. 1.250.000 or 1.250.000,50. Empty lines "
                                  "count as 0.")
    << " " << T(ctx, "Boleh disimpan walau belum lengkap: isian tetap tersimpan dan dapat dilanjutkan kapan saja. "
                     "Draf yang lengkap langsung dinilai.",
                "You may save before it is complete: what you typed is kept and can be continued any time. A "
                "complete draft is assessed at once.")
    << "</p>";
  FormFields(h, st, rows);
  ExtraFields(h, st, extra);
  h << "<datalist id=\"jenis-koperasi\"><option value=\"KSP\"></option><option value=\"USP\"></option>"
    << "<option value=\"KSPPS\"></option><option value=\"USPPS\"></option></datalist><p class=\"kirim\"><button>"
    << T(ctx, "Simpan draf", "Save the draft") << "</button></p></form>";
  return End(h, ctx);
}

std::string MethodChoicePage(const PageContext& ctx, const store::Cooperative& coop, const std::string& periode) {
  const std::string in_force = DefaultMetodeFor(periode, coop.jenis);
  const char* title = T(ctx, "Laporan baru: pilih metode", "New laporan: choose the method");
  Html h(16 * 1024);
  Begin(h, ctx, title);
  h << "<p class=\"jejak\"><a href=\"" << Esc{Path("/koperasi/", coop.id)} << "\">" << Esc{coop.nama} << "</a></p><h1>"
    << title << "</h1><form method=\"get\" action=\"" << Esc{Path("/koperasi/", coop.id, "/laporan/baru")}
    << "\" class=\"kartu\"><p>"
    << T(ctx, "Metode penilaian menentukan isian formulir. Metode yang berlaku untuk periode laporan sudah dipilih.",
         "The assessment method decides what the form asks. The method in force for the period is chosen already.")
    << "</p><label for=\"pilih-periode\">" << T(ctx, "Tahun buku berakhir", "Financial year ending")
    << "</label><input id=\"pilih-periode\" name=\"periode\" value=\"" << Esc{periode}
    << "\" placeholder=\"2025-12-31\" autocomplete=\"off\"><fieldset class=\"metode\"><legend>"
    << T(ctx, "Metode penilaian", "Assessment method") << "</legend>";
  Problems ignored;
  // The method in force first: on a phone it is the one seen without scrolling.
  std::vector<std::string> ids = {in_force};
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (e.id != in_force) ids.push_back(e.id);
  }
  for (const std::string& id : ids) {
    const Rulebook* rb = EmbeddedRulebookById(id, &ignored);
    if (rb == nullptr) continue;  // goal methods give no score and are not offered in the web application
    const bool chosen = id == in_force;
    h << "<label class=\"pilih-metode\"><input type=\"radio\" name=\"metode\" value=\"" << Esc{id} << "\""
      << (chosen ? " checked" : "") << "><span><strong>" << Esc{id} << "</strong> — " << Esc{L(ctx, rb->name)};
    if (chosen) h << " <span class=\"lencana p-sehat\">" << T(ctx, "berlaku untuk periode ini", "in force for this period") << "</span>";
    h << "</span></label>";
  }
  h << "</fieldset><p><button>" << T(ctx, "Lanjut ke formulir", "Continue to the form") << "</button></p></form>";
  UploadForm(h, ctx, coop, 0, "");
  return End(h, ctx);
}

}  // namespace kopsehat::web
