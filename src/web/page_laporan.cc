// web/page_laporan.cc — the assessment detail (views.h): status and the workflow actions this user may take, the
// assessment explained, the examiner's changes and evidence, the examiner's forms and the downloads. Depends on
// web/html.h, web/assessment_html.h, interchange/ (the template's keys) and report/ (wording).
#include "web/views.h"

#include "core/zone.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"
#include "interchange/template_writer.h"
#include "report/explain.h"
#include "report/text_report.h"
#include "report/wording.h"
#include "rules/loader.h"
#include "web/assessment_html.h"
#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

namespace {

void Notices(Html& h, const PageContext& ctx, const LaporanView& view) {
  const store::LaporanRecord& r = view.record;
  const Rulebook* rb = view.assessment.rulebook;
  h << "<p>" << T(ctx, "Dinilai dengan metode ", "Assessed with method ")
    << Esc{rb != nullptr ? rb->id : r.rulebook_id} << T(ctx, " versi ", " version ")
    << Esc{rb != nullptr ? rb->version : r.rulebook_version};
  if (rb != nullptr) h << " <span class=\"kecil\">(" << Esc{L(ctx, rb->name)} << ")</span>";
  h << "</p>";
  for (const Warning& w : view.assessment.warnings) {
    if (w.code != "di_luar_masa_berlaku" || rb == nullptr) continue;
    h << "<p class=\"info\"><strong>" << T(ctx, "Perhatian: ", "Attention: ") << "</strong>"
      << Esc{WarningText(w, view.assessment, ctx.lang)} << "</p>";
  }
  if (rb != nullptr && rb->kuk) {
    h << "<p>" << T(ctx, "Kelompok usaha koperasi (KUK) ", "Business class (KUK) ") << view.assessment.kuk
      << (view.assessment.kuk_suggested
              ? T(ctx, " — saran Kopsehat dari jumlah anggota, modal sendiri dan total aset; pemeriksa menetapkannya",
                  " — Kopsehat's suggestion from members, equity and total assets; the examiner sets it")
              : T(ctx, " — ditetapkan pemeriksa", " — set by the examiner"))
      << "</p>";
  }
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

// ---- Actions and the examiner's forms ----

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

// The figures an examiner may change, by label and grouped as the form groups them (Neraca, Neraca — tahun lalu,
// ...), each with its value now; the key rides along as the option's value. Checklist answers have their own form.
void FieldOptions(Html& h, const PageContext& ctx, const LaporanView& view, const std::string& selected) {
  const Rulebook* rb = view.assessment.rulebook;
  if (rb == nullptr) return;
  TemplateOptions options;
  options.rulebook = rb;
  options.prefill = &view.laporan;
  options.pearls = view.laporan.has_pearls;
  h << "<option value=\"\">" << T(ctx, "(pilih isian)", "(choose a field)") << "</option>";
  std::string group;
  for (const TemplateRow& row : TemplateRows(options)) {
    const std::string g = GroupOf(row.key);
    if (g == "identitas" || row.key.find('[') != std::string::npos) continue;
    if (g != group) {
      if (!group.empty()) h << "</optgroup>";
      group = g;
      h << "<optgroup label=\"" << Esc{GroupTitle(ctx, g, *rb)} << "\">";
    }
    const std::string now = ChangedValue(row.value);
    h << "<option value=\"" << Esc{row.key} << "\"" << (row.key == selected ? " selected" : "") << ">"
      << Esc{FieldLabel(ctx.lang, row.key, row.label, *rb)} << " — " << Esc{now} << "</option>";
  }
  if (!group.empty()) h << "</optgroup>";
}

// The examiner's change of up to three figures with one reason: each field chosen from the list by its label
// (a search box narrows the lists), the new value typed; a refused attempt is shown again.
void ChangeForm(Html& h, const PageContext& ctx, const LaporanView& view) {
  h << "<h3>" << T(ctx, "Ubah angka", "Change a figure") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", view.record.id, "/koreksi"), false, "ubah-angka");
  h << "<p class=\"kecil\">"
    << T(ctx, "Sampai tiga isian sekaligus dengan satu alasan, mis. kas dan bank bersama agar neraca tetap seimbang.",
         "Up to three fields at once with one reason, e.g. cash and bank together so the balance sheet stays "
         "balanced.")
    << "</p><label for=\"koreksi-cari\">" << T(ctx, "Cari isian (mis. kas, pinjaman macet)",
                                                "Search the fields (e.g. kas, pinjaman macet)")
    << "</label><input id=\"koreksi-cari\" type=\"search\" data-saring=\"select.pilih-isian\" autocomplete=\"off\">";
  // A refused checklist answer comes back in the other form.
  const bool retry = Retry(view, "path").find('[') == std::string::npos;
  for (const char* suffix : {"", "2", "3"}) {
    const std::string path_name = std::string("path") + suffix, value_name = std::string("nilai") + suffix;
    const bool first = *suffix == '\0';
    h << "<div class=\"baris-koreksi\"><label for=\"koreksi-" << Esc{path_name} << "\">"
      << (first ? T(ctx, "Isian", "Field") : T(ctx, "Isian lain (boleh kosong)", "Another field (optional)"))
      << "</label><select class=\"pilih-isian\" id=\"koreksi-" << Esc{path_name} << "\" name=\"" << Esc{path_name}
      << "\"" << (first ? " required" : "") << ">";
    FieldOptions(h, ctx, view, retry ? Retry(view, path_name) : std::string());
    h << "</select><label for=\"koreksi-" << Esc{value_name} << "\">" << T(ctx, "Nilai baru (Rp)", "New value (Rp)")
      << "</label><input id=\"koreksi-" << Esc{value_name} << "\" name=\"" << Esc{value_name} << "\" value=\""
      << Esc{retry ? Retry(view, value_name) : std::string()} << "\" inputmode=\"decimal\" autocomplete=\"off\""
      << (first ? " required" : "") << "></div>";
  }
  TextArea(h, "koreksi-alasan", "alasan", T(ctx, "Alasan (wajib)", "Reason (required)"), true,
           retry ? Retry(view, "alasan") : std::string());
  h << "<p><button>" << T(ctx, "Simpan perubahan", "Save the change") << "</button></p></form>";
}

// The examiner's change of one checklist answer: the items to choose from (grouped by checklist, each with its
// answer now) and Ya / Tidak, so nobody has to type a key. Posts to the same change route as the figures.
void ChecklistChangeForm(Html& h, const PageContext& ctx, const LaporanView& view) {
  const Rulebook* rb = view.assessment.rulebook;
  if (rb == nullptr) return;
  TemplateOptions options;
  options.rulebook = rb;
  options.prefill = &view.laporan;
  std::map<std::string, std::string, std::less<>> current;
  for (const TemplateRow& row : TemplateRows(options)) current.emplace(row.key, row.value);
  bool any = false;
  for (const Component& c : rb->components) any = any || (c.kind == ComponentKind::kChecklist && !c.items.empty());
  if (!any) return;
  h << "<h3>" << T(ctx, "Ubah jawaban daftar periksa", "Change a checklist answer") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", view.record.id, "/koreksi"), false, "ubah-butir");
  // A refused attempt comes back here only when it was a checklist answer (the other form takes figures).
  const std::string retry_path = Retry(view, "path");
  const bool retry = retry_path.find('[') != std::string::npos;
  h << "<label for=\"butir-path\">" << T(ctx, "Butir", "Item") << "</label><select id=\"butir-path\" name=\"path\" "
    << "required><option value=\"\">" << T(ctx, "(pilih butir)", "(choose an item)") << "</option>";
  for (const Component& c : rb->components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    h << "<optgroup label=\"" << Esc{L(ctx, c.name)} << "\">";
    for (size_t i = 1; i <= c.items.size(); ++i) {
      const std::string key = c.AnswersPath() + "[" + std::to_string(i) + "]";
      const auto it = current.find(key);
      if (it == current.end()) continue;  // not asked of this cooperative (its business class)
      h << "<option value=\"" << Esc{key} << "\"" << (key == retry_path ? " selected" : "") << ">" << i << ". "
        << Esc{L(ctx, c.items[i - 1].text)} << " — " << T(ctx, "sekarang: ", "now: ")
        << Esc{it->second.empty() ? std::string("—") : it->second} << "</option>";
    }
    h << "</optgroup>";
  }
  const std::string retry_value = retry ? Retry(view, "nilai") : std::string();
  h << "</select><fieldset class=\"butir\"><legend>" << T(ctx, "Jawaban baru", "New answer")
    << "</legend><div class=\"pilihan\"><label><input type=\"radio\" name=\"nilai\" value=\"Ya\" required"
    << (retry_value == "Ya" ? " checked" : "") << ">" << T(ctx, "Ya", "Yes")
    << "</label><label><input type=\"radio\" name=\"nilai\" value=\"Tidak\""
    << (retry_value == "Tidak" ? " checked" : "") << ">" << T(ctx, "Tidak", "No") << "</label></div></fieldset>";
  TextArea(h, "butir-alasan", "alasan", T(ctx, "Alasan (wajib)", "Reason (required)"), true,
           retry ? Retry(view, "alasan") : std::string());
  h << "<p><button>" << T(ctx, "Simpan perubahan jawaban", "Save the changed answer") << "</button></p></form>";
}

void EvidenceForm(Html& h, const PageContext& ctx, int64_t id) {
  h << "<h3>" << T(ctx, "Lampirkan bukti", "Attach evidence") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/bukti"), true);
  h << "<label for=\"bukti-berkas\">" << T(ctx, "Berkas (paling besar 5 MiB)", "File (at most 5 MiB)") << "</label>"
    << "<input id=\"bukti-berkas\" type=\"file\" name=\"berkas\" required>";
  TextArea(h, "bukti-catatan", "catatan", T(ctx, "Catatan", "Note"), false);
  h << "<p><button>" << T(ctx, "Lampirkan", "Attach") << "</button></p></form>";
}

void ReturnForm(Html& h, const PageContext& ctx, int64_t id) {
  h << "<h3>" << T(ctx, "Kembalikan ke koperasi", "Return to the cooperative") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/kembalikan"), false);
  TextArea(h, "kembali-catatan", "catatan", T(ctx, "Catatan untuk koperasi", "Note for the cooperative"),
              true);
  h << "<p><button class=\"kedua\">" << T(ctx, "Kembalikan", "Return") << "</button></p></form>";
}

void FinaliseForm(Html& h, const PageContext& ctx, int64_t id) {
  h << "<h3>" << T(ctx, "Tetapkan sebagai final", "Finalise") << "</h3>";
  FormOpen(h, ctx, Path("/laporan/", id, "/final"), false, "",
           T(ctx, "Tetapkan penilaian ini sebagai final? Penilaian final tidak dapat diubah.",
             "Finalise this assessment? A final assessment cannot be changed."));
  h << "<p><button>" << T(ctx, "Tetapkan final", "Finalise") << "</button></p></form>";
}

// The examiner's forms on a submitted laporan, one per step of the review.
void ReviewForms(Html& h, const PageContext& ctx, const LaporanView& view) {
  h << "<section class=\"kartu\" id=\"pemeriksaan\"><h2>" << T(ctx, "Pemeriksaan", "Review") << "</h2>";
  ChecklistChangeForm(h, ctx, view);
  ChangeForm(h, ctx, view);
  EvidenceForm(h, ctx, view.record.id);
  ReturnForm(h, ctx, view.record.id);
  FinaliseForm(h, ctx, view.record.id);
  h << "</section>";
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
      h << "<a class=\"tombol" << (view.incomplete ? "" : " kedua") << "\" href=\""
        << Esc{Path("/laporan/", id, "/ubah")} << "\">"
        << (view.incomplete ? T(ctx, "Lanjutkan mengisi", "Continue filling in") : T(ctx, "Ubah draf", "Edit the draft"))
        << "</a> ";
    }
    if (may.submit && view.incomplete) {
      h << "<p class=\"kecil\">" << T(ctx, "Draf dapat diajukan ke Dinas setelah lengkap.",
                                      "The draft can be submitted to the Dinas once it is complete.") << "</p>";
    } else if (may.submit) {
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

// ---- Changes, evidence, downloads ----

std::string FormatBytes(int64_t n, Lang lang) {
  constexpr int64_t kKiB = 1024;
  constexpr int64_t kMiB = 1024 * 1024;
  std::string s;
  if (n < kKiB) return s.append(std::to_string(n)).append(" B");
  if (n < kMiB) return s.append(FormatNumber((n * 10 + kKiB / 2) / kKiB, 1, 1, lang)).append(" KB");
  return s.append(FormatNumber((n * 10 + kMiB / 2) / kMiB, 1, 1, lang)).append(" MB");
}

// Every change the examiner made, figures and checklist answers alike, in one list: what (its label first, the key
// beneath), the original and the new value, the reason, who and when.
void AdjustmentTable(Html& h, const PageContext& ctx, const LaporanView& view) {
  if (view.adjustments.empty()) return;
  const Rulebook* rb = view.assessment.rulebook;
  const std::map<std::string, std::string, std::less<>> labels =
      rb != nullptr ? FieldLabels(ctx.lang, *rb) : std::map<std::string, std::string, std::less<>>{};
  // A list rather than a table: five columns do not fit a phone, and an item's text is long.
  h << "<h2 id=\"diubah-pemeriksa\">" << T(ctx, "Butir yang diubah pemeriksa", "Items changed by the examiner")
    << "</h2><ol class=\"diubah\">";
  for (const store::Adjustment& a : view.adjustments) {
    const auto it = labels.find(a.path);
    h << "<li><strong>" << Esc{it != labels.end() ? it->second : a.path} << "</strong> <span class=\"mono\">"
      << Esc{a.path} << "</span><p>" << T(ctx, "Asal: ", "Original: ") << "<span class=\"asal\">"
      << Esc{ChangedValue(a.before_value)} << "</span> → " << T(ctx, "baru: ", "new: ") << "<strong class=\"baru\">"
      << Esc{ChangedValue(a.after_value)} << "</strong></p><p>" << T(ctx, "Alasan: ", "Reason: ") << Esc{a.reason}
      << "</p><p class=\"kecil oleh\">" << Esc{a.username} << " · " << Esc{FormatLocalDateTime(a.at, ZoneOfProvince(view.provinsi), ctx.lang)} << "</p></li>";
  }
  h << "</ol>";
}

// An incomplete draft: said at the top, with what is missing or wrong (the field's label first) and the way back
// to the form with everything typed kept.
void IncompleteCard(Html& h, const PageContext& ctx, const LaporanView& view) {
  Problems ignored;
  const Rulebook* rb = EmbeddedRulebookById(view.record.rulebook_id, &ignored);
  const std::map<std::string, std::string, std::less<>> labels =
      rb != nullptr ? FieldLabels(ctx.lang, *rb) : std::map<std::string, std::string, std::less<>>{};
  h << "<section class=\"kartu belum-lengkap\" id=\"belum-lengkap\"><h2>" << T(ctx, "Draf belum lengkap", "Incomplete draft")
    << "</h2><p>"
    << T(ctx, "Isian disimpan apa adanya dan belum dinilai. Yang masih kurang atau perlu diperbaiki (",
         "What was typed is saved as it is and not assessed yet. Still missing or to be corrected (")
    << view.missing.size() << "):</p><ol class=\"kurang\">";
  for (const Problem& p : view.missing.items()) {
    std::string label;
    if (const auto it = labels.find(p.path); it != labels.end()) {
      label = it->second;
    } else if (const Component* c = rb != nullptr ? ChecklistOf(*rb, p.path) : nullptr) {
      label = L(ctx, c->name);
    }
    h << "<li>";
    if (!label.empty()) h << "<strong>" << Esc{label} << "</strong> — ";
    h << Esc{p.Text(ctx.lang)} << "</li>";
  }
  h << "</ol>";
  if (view.may.edit) {
    h << "<p><a class=\"tombol\" href=\"" << Esc{Path("/laporan/", view.record.id, "/ubah")} << "\">"
      << T(ctx, "Lanjutkan mengisi", "Continue filling in") << "</a></p>";
  }
  h << "</section>";
}

// What the page's result is, as its PDF says on every page: a draft that no examiner has signed, or the final
// result (revision, when, who, which Dinas) with the code anyone can check on the public verification page.
void StampBanner(Html& h, const PageContext& ctx, const ReportStamp& stamp) {
  h << "<p class=\"cap " << (stamp.final ? "cap-final" : "cap-draf") << "\"><strong>" << Esc{StampLine(stamp, ctx.lang)}
    << "</strong>";
  if (stamp.final && !stamp.verify_code.empty()) {
    h << "<br><span class=\"kecil\">" << T(ctx, "Kode verifikasi ", "Verification code ") << "<a class=\"mono\" href=\""
      << Esc{"/verifikasi?kode=" + stamp.verify_code} << "\">" << Esc{stamp.verify_code} << "</a></span>";
  }
  h << "</p>";
}

void EvidenceTable(Html& h, const PageContext& ctx, const std::vector<store::Evidence>& evidence, const TimeZone& zone) {
  if (evidence.empty()) return;
  h << "<h2>" << T(ctx, "Bukti", "Evidence") << "</h2><div class=\"gulir\"><table><thead><tr><th>"
    << T(ctx, "Berkas", "File") << "</th><th class=\"n\">" << T(ctx, "Ukuran", "Size") << "</th><th>"
    << T(ctx, "Catatan", "Note") << "</th></tr></thead><tbody>";
  for (const store::Evidence& e : evidence) {
    h << "<tr><td><a href=\"" << Esc{Path("/bukti/", e.id)} << "\">" << Esc{e.filename} << "</a><div class=\"mono\">"
      << "SHA-256 " << Esc{e.sha256} << "</div></td><td class=\"n\">" << Esc{FormatBytes(e.size_bytes, ctx.lang)}
      << "</td><td>" << Esc{e.note} << "<div class=\"kecil\">" << Esc{FormatLocalDateTime(e.at, zone, ctx.lang)} << "</div></td></tr>";
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

}  // namespace

std::string LaporanPage(const PageContext& ctx, const LaporanView& view, const Problems& problems,
                        const ReportStamp* stamp) {
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
  if (stamp != nullptr && !view.incomplete) StampBanner(h, ctx, *stamp);
  ProblemList(h, ctx, problems, nullptr, true, view.assessment.rulebook);
  if (view.incomplete) {
    IncompleteCard(h, ctx, view);
    TopActions(h, ctx, view);
    return End(h, ctx);
  }
  Notices(h, ctx, view);
  WarningList(h, ctx, a);
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
  }
  AdjustmentTable(h, ctx, view);
  EvidenceTable(h, ctx, view.evidence, ZoneOfProvince(view.provinsi));
  ExaminerActions(h, ctx, view);
  if (!view.incomplete) Downloads(h, ctx, r.id);
  return End(h, ctx);
}

}  // namespace kopsehat::web
