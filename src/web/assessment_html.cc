// web/assessment_html.cc — an Assessment explained as HTML (see assessment_html.h): mirrors report/text_report.cc,
// with the wording of report/. Depends on web/html.h and report/.
#include "web/assessment_html.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "report/explain.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat::web::html {

// ---- One component ----

namespace {

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
      << (d.books_say ? T(ctx, "ya", "yes") : T(ctx, "tidak", "no")) << " (" << Esc{ExplainDerived(d, ctx.lang)}
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

// ---- Aspects and the total ----

std::string PoolText(const Assessment& a, const PoolResult& p, Lang lang) {
  std::string s = FormatNumber(p.pct_e6, 6, 2, lang);
  return s.append(" % (").append(a.PredikatOf(p).label).append(")");
}

std::string AspectScore(const Assessment& a, const AspectResult& asp, Lang lang) {
  if (a.rulebook->ScorePercent()) return PoolText(a, asp.pool, lang);
  std::string s = FormatPoints(asp.skor_e6, lang);
  return s.append(" / ").append(FormatPoints(asp.max_e6, lang));
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

}  // namespace

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

namespace {

using Labels = std::map<std::string, std::string, std::less<>>;

// What a warning is about, by its name for people: the component or aspect, the field's label (from `labels`, the
// method's FieldLabels, made once per list), or "" when the warning's sentence says it alone. The key stays in the
// JSON result.
std::string WarningSubject(const PageContext& ctx, const Assessment& a, const Labels& labels, const std::string& path) {
  if (path.empty() || a.rulebook == nullptr) return {};
  for (const Component& c : a.rulebook->components) {
    if (c.id == path) return L(ctx, c.name);
  }
  for (const Aspect& as : a.rulebook->aspects) {
    if (as.id == path) return L(ctx, as.name);
  }
  if (path == "periode_lalu") return T(ctx, "Tahun lalu", "Last year");
  const auto it = labels.find(path);
  if (it == labels.end()) return {};
  // The label without the template's filling hint ("KUK (1–4 menurut pemeriksa; ...)" → "KUK").
  const size_t hint = it->second.find(" (");
  return path.find('[') == std::string::npos && hint != std::string::npos ? it->second.substr(0, hint) : it->second;
}

}  // namespace

void WarningList(Html& h, const PageContext& ctx, const Assessment& a) {
  // A method outside its period is said first of all (page_laporan.cc, Notices), not here.
  const auto listed = [](const Warning& w) { return w.code != "di_luar_masa_berlaku"; };
  if (std::none_of(a.warnings.begin(), a.warnings.end(), listed)) return;
  h << "<section class=\"kartu peringatan\" id=\"peringatan\"><h2>" << T(ctx, "Peringatan", "Warnings")
    << "</h2><ul class=\"peringatan\">";
  const Labels labels = a.rulebook != nullptr ? FieldLabels(ctx.lang, *a.rulebook) : Labels{};
  for (const Warning& w : a.warnings) {
    if (!listed(w)) continue;
    h << "<li>";
    if (const std::string subject = WarningSubject(ctx, a, labels, w.path); !subject.empty()) {
      h << "<strong>" << Esc{subject} << "</strong>: ";
    }
    h << Esc{WarningText(w, a, ctx.lang)} << "</li>";
  }
  h << "</ul></section>";
}

}  // namespace kopsehat::web::html
