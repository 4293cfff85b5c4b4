#include "report/text_report.h"

#include "report/explain.h"
#include "report/wording.h"

#include <algorithm>

namespace kopsehat {

namespace {

size_t Width(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string PadRight(const std::string& s, size_t width) {
  const size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string PadLeft(const std::string& s, size_t width) {
  const size_t w = Width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

std::string Num(i128 units, int scale, int min_decimals, Lang lang) { return FormatNumber(units, scale, min_decimals, lang); }
std::string Points(int64_t e6, Lang lang) { return FormatPoints(e6, lang); }
std::string Nilai(int64_t e2, Lang lang) { return FormatNilai(e2, lang); }
std::string Pct(const Fraction& f, Lang lang) { return FormatPercent(f, lang); }
std::string EdgeText(const Decimal& d, Lang lang) { return Num(d.units, d.scale, 0, lang); }


// An operand of a ratio: Rupiah, or a plain count when the formula adds head counts (staff, borrowers).
std::string Amount(const LinearForm& form, const Fraction& sen, Lang lang) {
  bool counts = !form.terms.empty();
  for (const LinearForm::Term& t : form.terms) counts = counts && IsCountLine(t.line % kLineCount);
  if (!counts) return FormatRupiah(sen, lang);
  return FormatNumber(RoundHalfUp(Fraction{sen.num, CheckedMul(sen.den, 100)}, 2), 2, 0, lang);
}

void RenderRatio(const ComponentResult& r, Lang lang, std::string* out) {
  const Component& c = *r.spec;
  const std::string indent = "       ";
  *out += indent + PadRight(T(lang, "rumus", "formula"), 9) + ": " + OperandName(c.numerator_name.Get(lang)) + " / " +
          OperandName(c.denominator_name.Get(lang)) + " × 100 %\n";
  std::string calc = Amount(c.numerator, r.numerator_sen, lang) + " / " + Amount(c.denominator, r.denominator_sen, lang) + " = ";
  calc += r.zero_denominator ? T(lang, "tidak terdefinisi (penyebut nol)", "undefined (zero denominator)")
                             : Pct(r.ratio_pct, lang);
  *out += indent + PadRight(T(lang, "hitungan", "computed"), 9) + ": " + calc + "\n";
  if (c.informational) return;  // shown, not scored: no rule
  std::string rule;
  if (r.zero_denominator) {
    rule = std::string(T(lang, "penyebut nol → nilai ", "zero denominator → nilai ")) + Nilai(r.nilai_e2, lang);
  } else if (c.linear) {
    const LinearRule& l = c.linear_rule;
    rule = std::string("r = ") + std::to_string(r.linear_r) + "; " + T(lang, "nilai = batas ", "nilai = clamp ") +
           Nilai(l.min_e2, lang) + ".." + Nilai(l.max_e2, lang) + " (" + Nilai(l.intercept_e2, lang) +
           (l.slope_e2 < 0 ? " − " : " + ") + Nilai(l.slope_e2 < 0 ? -l.slope_e2 : l.slope_e2, lang) + " × r) = " +
           Nilai(r.nilai_e2, lang);
  } else {
    rule = IntervalText(c.bands[size_t(r.band)].range, lang) + " → nilai " + Nilai(r.nilai_e2, lang);
  }
  *out += indent + PadRight(T(lang, "aturan", "rule"), 9) + ": " + rule + "\n";
}

void RenderChecklist(const ComponentResult& r, Lang lang, std::string* out) {
  const Component& c = *r.spec;
  const std::string indent = "       ";
  if (!r.scored) {
    *out += indent + T(lang, "tidak dinilai (tanpa daftar periksa)", "not scored (no checklist)") + "\n";
    return;
  }
  if (r.pooled) {
    *out += indent + std::to_string(r.yes) + T(lang, " dari ", " of ") + std::to_string(r.items) +
            T(lang, " butir terpenuhi = ", " items met = ") + Pct(r.ratio_pct, lang) + "; " +
            IntervalText(c.bands[size_t(r.band)].range, lang) + " → nilai " + Nilai(r.nilai_e2, lang) + "\n";
  } else {
    *out += indent + std::to_string(r.yes) + T(lang, " dari ", " of ") + std::to_string(r.items) +
            T(lang, " butir dijawab 'ya' × ", " items answered 'yes' × ") + Num(c.points_per_yes_e6, 6, 2, lang) +
            T(lang, " poin", " points") + "\n";
  }
  for (const DerivedAnswer& d : r.derived) {
    *out += indent + T(lang, "butir ", "item ") + std::to_string(d.item + 1) + T(lang, " menurut buku: ", " per the books: ") +
            (d.books_say ? T(lang, "ya", "yes") : T(lang, "tidak", "no")) + " (" + ExplainDerived(d, lang) + ")" +
            (d.conflict ? T(lang, " — BERBEDA dengan jawaban", " — DIFFERS from the answer") : "") + "\n";
  }
}

// A title with its score right-aligned in 94 columns, or the score on its own line when both do not fit (labels
// come from rulebooks and may be long).
std::string TitleLine(const std::string& title, const std::string& score) {
  constexpr size_t kWidth = 94;
  if (Width(title) + Width(score) + 2 > kWidth) return title + "\n" + PadLeft(score, kWidth) + "\n";
  return PadRight(title, kWidth - Width(score)) + score + "\n";
}

// "82,35 % (SEHAT)" — a pooled percentage and its predikat.
std::string PoolText(const Assessment& a, const PoolResult& p, Lang lang) {
  return Num(p.pct_e6, 6, 2, lang) + " % (" + a.PredikatOf(p).label + ")";
}

// persentase_skor: "skor 3 dari 4 butir" pooling line of an aspect or sub-aspect.
std::string PoolSums(const PoolResult& p, Lang lang) {
  return T(lang, "Σ skor ", "Σ score ") + Num(p.sum_e6, 6, 0, lang) + " / " + Num(p.sum_max_e6, 6, 0, lang) + " = ";
}

std::string ComponentScore(const ComponentResult& r, const Rulebook& rb, Lang lang) {
  const Component& c = *r.spec;
  if (c.informational) return T(lang, "informasi, tidak dinilai", "information, not scored");
  if (r.pooled) {
    const Label* word = c.kind == ComponentKind::kRatio || r.scored ? rb.NilaiLabel(r.nilai_e2) : nullptr;
    return "nilai " + Nilai(r.nilai_e2, lang) + (word != nullptr ? " (" + word->Get(lang) + ")" : std::string()) +
           T(lang, " → skor ", " → score ") + Points(r.skor_e6, lang) + " / " + Points(r.max_e6, lang);
  }
  if (c.kind == ComponentKind::kRatio) {
    return "nilai " + Nilai(r.nilai_e2, lang) + " × bobot " + Nilai(c.bobot_e2, lang) + " = " + Points(r.skor_e6, lang);
  }
  return T(lang, "skor ", "score ") + Points(r.skor_e6, lang) + " / " + Nilai(c.bobot_e2, lang);
}

std::string AspectHeadScore(const Assessment& a, const AspectResult& asp, Lang lang) {
  if (a.rulebook->ScorePercent()) return PoolText(a, asp.pool, lang);
  return Points(asp.skor_e6, lang) + " / " + Nilai(asp.spec->bobot_e2, lang);
}

void RenderScorePercentSummary(const Assessment& a, Lang lang, std::string* out) {
  *out += "   " + PadRight(T(lang, "Aspek", "Aspect"), 34) + PadLeft(T(lang, "Persen", "Percent"), 9) +
          PadLeft(T(lang, "Predikat", "Predikat"), 26) + PadLeft("Bobot", 7) + PadLeft(T(lang, "Kontribusi", "Points"), 12) + "\n";
  std::string formula;
  for (const AspectResult& asp : a.aspects) {
    *out += "   " + PadRight(asp.spec->name.Get(lang), 34) + PadLeft(Num(asp.pool.pct_e6, 6, 2, lang), 9) +
            PadLeft(a.PredikatOf(asp.pool).label, 26) + PadLeft(Nilai(asp.spec->bobot_e2, lang), 7) +
            PadLeft(Points(asp.skor_e6, lang), 12) + "\n";
    // Rounded for display only: the unrounded percentages (to 6 decimals here) are what is weighed.
    const int64_t pct_e6 = a.rulebook->round_for_display_only ? int64_t(RoundHalfUp(asp.pool.exact_pct, 6))
                                                              : asp.pool.pct_e6;
    formula += (formula.empty() ? "" : " + ") + Num(asp.spec->bobot_e2, 4, 2, lang) + " × " +
               Num(pct_e6, 6, a.rulebook->round_for_display_only ? 6 : 2, lang);
  }
  *out += "   " + PadRight(T(lang, "SKOR AKHIR", "FINAL SCORE"), 34) + PadLeft(Points(a.total_e6, lang), 9) + "\n";
  if (a.rulebook->round_for_display_only) {
    *out += "   = " + formula + "\n   = " + Num(int64_t(RoundHalfUp(a.exact_total, 6)), 6, 6, lang) +
            T(lang, ", dibulatkan ", ", rounded to ") + std::to_string(a.rulebook->decimals) +
            T(lang, " desimal; persen aspek tidak dibulatkan sebelum dijumlah, dan predikat diberikan dari nilai sebelum "
                    "pembulatan\n",
              " decimals; the aspect percentages are not rounded before they are added, and the predikat is given "
              "from the value before rounding\n");
    return;
  }
  *out += "   = " + formula + T(lang, ", dibulatkan ", ", rounded to ") + std::to_string(a.rulebook->decimals) +
          T(lang, " desimal\n", " decimals\n");
}

}  // namespace

std::string FormatDateLong(const std::string& iso, Lang lang) {
  static const char* kId[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                              "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  static const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                              "July",    "August",   "September", "October", "November", "December"};
  if (iso.size() != 10) return iso;
  const int m = (iso[5] - '0') * 10 + (iso[6] - '0');
  if (m < 1 || m > 12) return iso;
  const int d = (iso[8] - '0') * 10 + (iso[9] - '0');
  return std::to_string(d) + " " + (lang == Lang::kEn ? kEn : kId)[m - 1] + " " + iso.substr(0, 4);
}

std::string IntervalText(const Interval& iv, Lang lang) {
  if (iv.has_lo && iv.has_hi && iv.lo_inclusive && iv.hi_inclusive && iv.lo.units * Pow10(iv.hi.scale) == iv.hi.units * Pow10(iv.lo.scale)) {
    return "x = " + EdgeText(iv.lo, lang) + " %";
  }
  if (iv.has_lo && !iv.has_hi) return std::string("x ") + (iv.lo_inclusive ? "≥ " : "> ") + EdgeText(iv.lo, lang) + " %";
  std::string s;
  if (iv.has_lo) s += EdgeText(iv.lo, lang) + (iv.lo_inclusive ? " ≤ " : " < ");
  s += "x";
  if (iv.has_hi) s += (iv.hi_inclusive ? " ≤ " : " < ") + EdgeText(iv.hi, lang);
  if (!iv.has_lo && !iv.has_hi) s += T(lang, " berapa pun", " any");
  return s + " %";
}

namespace {

// The title block: the cooperative, the period and the method.
void RenderHeader(const Assessment& a, Lang lang, std::string* out) {
  const Rulebook& rb = *a.rulebook;
  *out += T(lang, "PENILAIAN KESEHATAN KOPERASI SIMPAN PINJAM\n", "SAVINGS-AND-LOAN COOPERATIVE HEALTH ASSESSMENT\n");
  *out += "==========================================\n";
  const CooperativeIdentity& k = a.cooperative;
  *out += PadRight(T(lang, "Koperasi", "Cooperative"), 12) + ": " + k.nama + (k.jenis.empty() ? "" : " (" + k.jenis + ")") + "\n";
  if (!k.nomor_badan_hukum.empty()) *out += PadRight(T(lang, "No. BH", "Legal no."), 12) + ": " + k.nomor_badan_hukum + "\n";
  if (!k.kabupaten.empty() || !k.provinsi.empty()) {
    *out += PadRight(T(lang, "Wilayah", "Region"), 12) + ": " + k.kabupaten +
            (!k.kabupaten.empty() && !k.provinsi.empty() ? ", " : "") + k.provinsi + "\n";
  }
  *out += PadRight(T(lang, "Periode", "Period"), 12) + ": " + T(lang, "tahun buku berakhir ", "year ending ") +
          FormatDateLong(a.periode_akhir, lang) + "\n";
  *out += PadRight(T(lang, "Metode", "Method"), 12) + ": " + rb.id + T(lang, " (versi ", " (version ") + rb.version + ") — " + rb.name.Get(lang) + "\n";
  if (rb.kuk) {
    *out += PadRight("KUK", 12) + ": " + std::to_string(a.kuk) +
            (a.kuk_suggested ? T(lang, " (saran Kopsehat, belum ditetapkan pemeriksa)", " (Kopsehat's suggestion, not set by the examiner)")
                             : T(lang, " (ditetapkan pemeriksa)", " (set by the examiner)")) +
            "\n";
  }
  if (rb.origin != "bawaan") *out += PadRight(T(lang, "Rulebook", "Rulebook"), 12) + ": " + rb.origin + "\n";
  // A method outside its validity is said before any figure: the reader must not take the result as the examiner's.
  for (const Warning& w : a.warnings) {
    if (w.code != "di_luar_masa_berlaku") continue;
    *out += "\n" + PadRight(T(lang, "PERHATIAN", "ATTENTION"), 12) + ": " + WarningText(w, a, lang) + "\n";
  }
  *out += "\n";
}

// Aspect ai: its head and score, then each of its components under its sub-aspect heads.
void RenderAspect(const Assessment& a, size_t ai, Lang lang, std::string* out) {
  const Rulebook& rb = *a.rulebook;
  const AspectResult& asp = a.aspects[ai];
  std::string head = std::to_string(ai + 1) + ". " + asp.spec->name.Get(lang);
  for (char& ch : head) ch = char(std::toupper(static_cast<unsigned char>(ch)));
  *out += TitleLine(head, AspectHeadScore(a, asp, lang));
  if (rb.ScorePercent()) {
    *out += "   " + PoolSums(asp.pool, lang) + Num(asp.pool.pct_e6, 6, 2, lang) + " %; bobot " +
            Nilai(asp.spec->bobot_e2, lang) + T(lang, " → kontribusi ", " → contributes ") + Points(asp.skor_e6, lang) + "\n";
  }
  int n = 0;
  int sub = -1;
  for (const ComponentResult& r : a.components) {
    if (r.spec->aspect_index != int(ai)) continue;
    ++n;
    const Component& c = *r.spec;
    if (c.sub_aspect_index >= 0 && c.sub_aspect_index != sub) {
      sub = c.sub_aspect_index;
      const SubAspectResult& sr = a.sub_aspects[size_t(sub)];
      // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on "literal" + std::string here.
      std::string sub_head("   ");
      sub_head.append(sr.spec->name.Get(lang));
      out->append("\n").append(TitleLine(sub_head, PoolSums(sr.pool, lang) + PoolText(a, sr.pool, lang)));
    }
    const std::string title = "   " + std::to_string(ai + 1) + "." + std::to_string(n) + " " + c.name.Get(lang);
    *out += TitleLine(title, ComponentScore(r, rb, lang));
    if (c.kind == ComponentKind::kRatio) {
      RenderRatio(r, lang, out);
    } else {
      RenderChecklist(r, lang, out);
    }
    if (c.confidence == "rendah") {
      *out += std::string("       ") + T(lang, "keyakinan rendah: ", "low confidence: ") + c.note + "\n";
    }
  }
  *out += "\n";
}

// The aspects' scores, the total and the predikat.
void RenderSummary(const Assessment& a, Lang lang, std::string* out) {
  const Rulebook& rb = *a.rulebook;
  *out += T(lang, "RINGKASAN\n", "SUMMARY\n");
  if (rb.ScorePercent()) {
    RenderScorePercentSummary(a, lang, out);
  } else {
    *out += "   " + PadRight(T(lang, "Aspek", "Aspect"), 40) + PadLeft(T(lang, "Skor", "Score"), 10) + PadLeft(T(lang, "Maks", "Max"), 10) + "\n";
    for (const AspectResult& asp : a.aspects) {
      *out += "   " + PadRight(asp.spec->name.Get(lang), 40) + PadLeft(Points(asp.skor_e6, lang), 10) +
              PadLeft(Points(asp.max_e6, lang), 10) + "\n";
    }
    *out += "   " + PadRight("TOTAL", 40) + PadLeft(Points(a.total_e6, lang), 10) + PadLeft(Points(a.max_total_e6, lang), 10) + "\n";
  }
  *out += "\n";
  *out += std::string("   PREDIKAT: ") + a.Predikat().label + (lang == Lang::kEn ? " (" + a.Predikat().name.en + ")" : "") + "\n";
  if (a.manajemen_excluded) {
    *out += T(lang, "   (tanpa aspek Manajemen: skor total tidak memuat 15 poin manajemen)\n",
              "   (without the Manajemen aspect: the total excludes its 15 points)\n");
  }
  *out += "\n";
}

// The components that lose the most points, each with what would gain some back.
void RenderBiggestLosses(const Assessment& a, Lang lang, std::string* out) {
  const auto losses = BiggestLosses(a, 3);
  if (!losses.empty()) {
    *out += T(lang, "KOMPONEN YANG PALING BANYAK KEHILANGAN POIN\n", "COMPONENTS THAT LOSE THE MOST POINTS\n");
    int i = 0;
    for (const ComponentResult* r : losses) {
      *out += "   " + std::to_string(++i) + ". " + r->spec->name.Get(lang) + T(lang, ": kehilangan ", ": loses ") +
              FormatLoss(*r, lang) + T(lang, " poin", " points") +
              (r->pooled ? T(lang, " skor akhir", " of the final score") : "") + "\n      ";
      if (r->pooled && r->spec->kind == ComponentKind::kChecklist) {
        *out += std::to_string(r->items - r->yes) + T(lang, " butir belum terpenuhi; ", " items not met; ") +
                (r->next.exists ? NextStepText(*r, lang) : "");
      } else if (r->spec->kind == ComponentKind::kChecklist) {
        *out += std::to_string(r->items - r->yes) + T(lang, " butir dijawab 'tidak'; tiap 'ya' menambah ", " items answered 'no'; each 'yes' adds ") +
                Num(r->spec->points_per_yes_e6, 6, 2, lang) + T(lang, " poin", " points");
      } else if (r->zero_denominator) {
        *out += T(lang, "penyebut nol; lihat peringatan", "zero denominator; see the warnings");
      } else {
        *out += T(lang, "rasio ", "ratio ") + Pct(r->ratio_pct, lang) + "; ";
        *out += r->next.exists ? NextStepText(*r, lang) : T(lang, "sudah di pita terbaik yang terjangkau", "already in the best reachable band");
      }
      *out += "\n";
    }
    *out += "\n";
  }
}

}  // namespace

std::string RenderTextReport(const Assessment& a, Lang lang, const ReportStamp* stamp) {
  const Rulebook& rb = *a.rulebook;
  const ReportStamp draft;
  const ReportStamp& st = stamp != nullptr ? *stamp : draft;
  std::string out;
  RenderHeader(a, lang, &out);
  // The status before any figure: a draft must not pass for the examiner's result.
  out.insert(out.find('\n', out.find('\n') + 1) + 1, PadRight("Status", 12) + ": " + StampLine(st, lang) + "\n");
  for (size_t ai = 0; ai < a.aspects.size(); ++ai) RenderAspect(a, ai, lang, &out);
  RenderSummary(a, lang, &out);
  RenderBiggestLosses(a, lang, &out);
  const bool listed = std::any_of(a.warnings.begin(), a.warnings.end(),
                                  [](const Warning& w) { return w.code != "di_luar_masa_berlaku"; });
  if (listed) {
    out += T(lang, "PERINGATAN\n", "WARNINGS\n");
    for (const Warning& w : a.warnings) {
      if (w.code == "di_luar_masa_berlaku") continue;  // said at the top
      // The key helps whoever fixes the file; the internal code stays in the JSON result.
      out += "   - " + (w.path.empty() ? "" : w.path + ": ") + WarningText(w, a, lang) + "\n";
    }
    out += "\n";
  }
  if (!st.corrections.empty() || !st.evidence.empty()) {
    out += T(lang, "KOREKSI PEMERIKSA\n", "EXAMINER'S CORRECTIONS\n");
    for (const ReportCorrection& c : st.corrections) {
      out += "   - " + c.label + ": " + c.before + " → " + c.after + T(lang, "; alasan: ", "; reason: ") + c.reason +
             " (" + c.who + ", " + c.when + ")\n";
    }
    for (const ReportEvidence& e : st.evidence) {
      out += std::string("   - ") + T(lang, "bukti ", "evidence ") + e.name + " (SHA-256 " + e.sha256 + ")\n";
    }
    out += "\n";
  }
  out += T(lang, "Sumber metode: ", "Method source: ") + rb.source + "\n";
  if (!rb.note.empty()) out += T(lang, "Catatan: ", "Note: ") + rb.note + "\n";
  const std::string verify = VerifyLine(st, lang);
  if (!verify.empty()) out += verify + "\n";
  return out;
}

}  // namespace kopsehat
