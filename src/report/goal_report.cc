#include "report/goal_report.h"

#include "report/explain.h"
#include "report/json_report.h"
#include "report/text_report.h"
#include "report/wording.h"

namespace kopsehat {

namespace {

bool IsAmount(const IndicatorResult& r) { return r.spec->kind == IndicatorKind::kAmount; }

std::string Rupiah(const Fraction& sen, Lang lang) { return FormatRupiah(sen, lang); }

// A count line (members) is stored in hundredths like an amount; it prints as a plain number.
bool IsCountForm(const LinearForm& f) {
  if (f.terms.empty()) return false;
  for (const LinearForm::Term& t : f.terms) {
    if (!IsCountLine(t.line < kLineCount ? t.line : t.line - kLineCount)) return false;
  }
  return true;
}

}  // namespace

std::string GoalAmountText(const LinearForm& f, const Fraction& sen, Lang lang) {
  if (!IsCountForm(f)) return Rupiah(sen, lang);
  const Fraction n{sen.num, CheckedMul(sen.den, 100)};
  return lang == Lang::kEn ? FormatFractionEnglish(n, 0, 2) : FormatFractionIndonesian(n, 0, 2);
}

namespace {

// |a − b| and its direction, for "naik 3,20 poin" / "turun Rp 5.000".
std::string ChangeText(const IndicatorResult& r, const Fraction& before, const Fraction& after, Lang lang) {
  // Exact, or floored at 12 decimals when the two values share no short denominator: it prints the same.
  const Fraction diff = DifferenceForDisplay(after, before);
  if (diff.IsZero()) return T(lang, "tetap", "unchanged");
  const Fraction mag{diff.num < 0 ? -diff.num : diff.num, diff.den};
  const std::string how = diff.Sign() > 0 ? T(lang, "naik ", "up ") : T(lang, "turun ", "down ");
  if (IsAmount(r)) return how + Rupiah(mag, lang);
  const std::string pts = FormatPercent(mag, lang);
  return how + pts.substr(0, pts.size() - 2) + T(lang, " poin", " points");
}

std::string StatusText(const IndicatorResult& r, Lang lang) {
  std::string s = GoalStatusLabel(r.status).Get(lang);
  const std::string gap = GoalGapText(r, lang);
  if (!gap.empty()) s += ": " + gap;
  if (!r.reason.code.empty()) s += (r.status == GoalStatus::kNotMet && gap.empty() ? ": " : " (") + GoalReasonText(r, lang) +
                                  (r.status == GoalStatus::kNotMet && gap.empty() ? "" : ")");
  return s;
}

void RenderIndicator(const IndicatorResult& r, int bulan, Lang lang, std::string* out) {
  const Indicator& ind = *r.spec;
  const std::string indent = "       ";
  std::string head = "  " + ind.id + std::string(ind.id.size() < 4 ? 5 - ind.id.size() : 1, ' ') + ind.name.Get(lang);
  if (ind.confidence != "tinggi") head += std::string(T(lang, " (keyakinan ", " (confidence ")) + GoalConfidenceText(ind.confidence, lang) + ")";
  *out += head + "\n";
  *out += indent + T(lang, "nilai ", "value ") + GoalValueText(r, r.value, lang) + T(lang, "   sasaran ", "   goal ") +
          ind.goal.text.Get(lang) + "   → " + StatusText(r, lang) + "\n";
  if (IsAmount(r)) {
    *out += indent + T(lang, "besaran: ", "amount: ") + ind.numerator_name.Get(lang) + "\n";
  } else if (r.has_value || r.zero_denominator || r.negative_denominator) {
    const Label& num_name = r.used_variant ? ind.variant->numerator_name : ind.numerator_name;
    const std::string num = ind.kind == IndicatorKind::kGrowth ? "(" + num_name.Get(lang) + ")" : OperandName(num_name.Get(lang));
    *out += indent + T(lang, "rumus  : ", "formula: ") + num + " / " + OperandName(ind.denominator_name.Get(lang)) +
            " × 100 %" + (r.annualised ? " × 12/" + std::to_string(bulan) : "") + "\n";
    *out += indent + T(lang, "hitung : ", "computed: ") + GoalAmountText(ind.numerator, r.numerator_sen, lang) + " / " +
            GoalAmountText(ind.denominator, r.denominator_sen, lang) + "\n";
  }
  if (r.used_variant) {
    std::string ids;
    for (const std::string& id : ind.variant->when_met_ids) ids += (ids.empty() ? "" : ", ") + id;
    *out += indent + T(lang, "rumus varian dipakai karena ", "variant formula used because ") + ids +
            T(lang, " memenuhi sasaran", " meet their goals") + "\n";
  }
  if (r.has_previous_value) {
    // Last year's value stands on its own: this year's may have none (P1 with no loans over 12 months late now).
    *out += indent + T(lang, "tahun lalu: ", "last year: ") + GoalValueText(r, r.previous_value, lang);
    if (r.previous_used_variant) *out += T(lang, " dengan rumus varian", " with the variant formula");
    if (r.has_value) *out += " (" + ChangeText(r, r.previous_value, r.value, lang) + ")";
    *out += "\n";
  }
  if (!ind.adaptation.id.empty()) *out += indent + T(lang, "adaptasi: ", "adaptation: ") + ind.adaptation.Get(lang) + "\n";
}

}  // namespace

std::string GoalConfidenceText(const std::string& confidence, Lang lang) {
  if (lang != Lang::kEn) return confidence;
  return confidence == "tinggi" ? "high" : confidence == "sedang" ? "medium" : confidence == "rendah" ? "low" : confidence;
}

std::string GoalValueText(const IndicatorResult& r, const Fraction& value, Lang lang) {
  if (&value == &r.value && !r.has_value) return "—";
  if (IsAmount(r)) return Rupiah(value, lang);
  return FormatPercent(value, lang);
}

std::string GoalGapText(const IndicatorResult& r, Lang lang) {
  if (r.status != GoalStatus::kNotMet || !r.has_gap) return {};
  const bool up = r.direction > 0;
  std::string size, to;
  if (IsAmount(r)) {
    size = Rupiah(r.gap, lang);
    to = Rupiah(r.target, lang);
  } else {
    const std::string pts = FormatPercent(r.gap, lang);
    size = pts.substr(0, pts.size() - 2) + T(lang, " poin", " points");
    to = FormatPercent(r.target, lang);
  }
  if (r.strict) {
    // "> 12,5 %" is not reached by 12,5 % itself: say what must be passed.
    std::string s = std::string(up ? T(lang, "perlu naik melewati ", "needs to rise above ")
                                   : T(lang, "perlu turun di bawah ", "needs to fall below ")) + to;
    if (!r.gap.IsZero()) s += std::string(T(lang, " (kurang ", " (short by ")) + size + ")";
    return s;
  }
  return std::string(up ? T(lang, "perlu naik ", "needs to rise ") : T(lang, "perlu turun ", "needs to fall ")) + size +
         T(lang, " (ke ", " (to ") + to + ")";
}

std::string RenderGoalTextReport(const GoalAssessment& a, Lang lang) {
  const GoalRulebook& rb = *a.rulebook;
  std::string out;
  out += std::string(T(lang, "PENILAIAN ", "ASSESSMENT: ")) + rb.name.Get(lang) + "\n";
  out += std::string(T(lang, "Koperasi : ", "Cooperative: ")) + a.cooperative.nama;
  if (!a.cooperative.jenis.empty()) out += " (" + a.cooperative.jenis + ")";
  if (!a.cooperative.kabupaten.empty()) out += ", " + a.cooperative.kabupaten;
  if (!a.cooperative.provinsi.empty()) out += ", " + a.cooperative.provinsi;
  out += "\n";
  out += std::string(T(lang, "Periode  : s.d. ", "Period     : to ")) + FormatDateLong(a.periode_akhir, lang) + " (" +
         std::to_string(a.bulan) + T(lang, " bulan)", " months)") + "\n";
  out += std::string(T(lang, "Metode   : ", "Method     : ")) + rb.id + T(lang, " versi ", " version ") + rb.version +
         (rb.origin == "bawaan" ? "" : std::string(T(lang, " dari ", " from ")) + rb.origin) + "\n\n";
  out += std::string(T(lang, "RINGKASAN: ", "SUMMARY: ")) + GoalSummaryLine(a.summary).Get(lang) + "\n";
  for (size_t ai = 0; ai < rb.aspects.size(); ++ai) {
    out += "\n" + rb.aspects[ai].id + " — " + rb.aspects[ai].name.Get(lang) + "\n";
    for (const IndicatorResult& r : a.indicators) {
      if (r.spec->aspect_index == int(ai)) RenderIndicator(r, a.bulan, lang, &out);
    }
  }
  if (!a.warnings.empty()) {
    out += std::string("\n") + T(lang, "PERINGATAN\n", "WARNINGS\n");
    for (const Warning& w : a.warnings) out += "  - " + WarningText(w, a, lang) + "\n";
  }
  out += std::string("\n") + T(lang, "Sumber metode: ", "Method source: ") + rb.source + "\n";
  return out;
}

namespace {

void Str(std::string_view s, std::string* out) { AppendJsonString(s, out); }

void Key(const char* k, std::string* out) {
  out->push_back('"');
  *out += k;
  *out += "\":";
}

void Percent4(const Fraction& f, std::string* out) { *out += FormatPlain(RoundHalfUp(f, 4), 4, 0); }

void AmountJson(const Fraction& sen, std::string* out) {
  Str(FormatFractionPlain(Fraction{sen.num, CheckedMul(sen.den, 100)}, 2, 14), out);
}

void FormJson(const LinearForm& f, const Fraction& sen, std::string* out) {
  if (IsCountForm(f)) {
    Str(FormatFractionPlain(Fraction{sen.num, CheckedMul(sen.den, 100)}, 0, 2), out);
  } else {
    AmountJson(sen, out);
  }
}

// A value as JSON: percent rounded to 4 decimals (display only) or an exact amount string.
void ValueJson(const IndicatorResult& r, bool has, const Fraction& v, std::string* out) {
  if (!has) {
    *out += "null";
  } else if (IsAmount(r)) {
    AmountJson(v, out);
  } else {
    Percent4(v, out);
  }
}

// One indicator: its value (with the numerator and denominator of a ratio), its goal and status, and its notes.
void AppendIndicatorJson(const IndicatorResult& r, Lang lang, std::string* out) {
  const Indicator& ind = *r.spec;
  *out += "{\"id\":";
  Str(ind.id, out);
  *out += ",\"aspek\":";
  Str(ind.aspect, out);
  *out += ",\"nama\":";
  Str(ind.name.Get(lang), out);
  *out += ",\"jenis\":";
  Str(ind.kind == IndicatorKind::kRatio ? "rasio" : ind.kind == IndicatorKind::kGrowth ? "pertumbuhan" : "jumlah", out);
  *out += IsAmount(r) ? ",\"nilai_rupiah\":" : ",\"nilai_persen\":";
  ValueJson(r, r.has_value, r.value, out);
  if (!IsAmount(r)) {
    // Amounts as exact Rupiah strings; a count (members) as a whole number string.
    const bool has = r.has_value || r.zero_denominator || r.negative_denominator;
    *out += ",\"pembilang\":";
    if (has) FormJson(ind.numerator, r.numerator_sen, out); else *out += "null";
    *out += ",\"penyebut\":";
    if (has) FormJson(ind.denominator, r.denominator_sen, out); else *out += "null";
  }
  *out += ",\"sasaran\":";
  Str(ind.goal.text.Get(lang), out);
  *out += ",\"status\":";
  Str(GoalStatusCode(r.status), out);
  *out += ",\"selisih\":";
  if (r.status == GoalStatus::kNotMet && r.has_gap) {
    ValueJson(r, true, r.gap, out);
    *out += ",\"arah\":";
    Str(r.direction > 0 ? "naik" : "turun", out);
  } else {
    *out += "null,\"arah\":null";
  }
  *out += IsAmount(r) ? ",\"nilai_lalu_rupiah\":" : ",\"nilai_lalu_persen\":";
  ValueJson(r, r.has_previous_value, r.previous_value, out);
  if (!r.reason.code.empty()) {
    *out += ",\"alasan\":";
    Str(GoalReasonText(r, lang), out);
  }
  if (r.annualised) *out += ",\"disetahunkan\":true";
  if (r.used_variant) *out += ",\"rumus_varian\":true";
  if (r.previous_used_variant) *out += ",\"rumus_varian_lalu\":true";
  if (!ind.adaptation.id.empty()) {
    *out += ",\"adaptasi\":";
    Str(ind.adaptation.Get(lang), out);
  }
  *out += ",\"keyakinan\":";
  Str(ind.confidence, out);
  *out += "}";
}

// The method, the cooperative, the period and the summary counts.
void AppendGoalHead(const GoalAssessment& a, Lang lang, std::string* out) {
  const GoalRulebook& rb = *a.rulebook;
  *out += "{\"format\":\"kopsehat/hasil-sasaran-v1\",";
  Key("metode", out);
  Str(rb.id, out);
  *out += ",";
  Key("metode_versi", out);
  Str(rb.version, out);
  *out += ",\"koperasi\":{";
  const std::pair<const char*, const std::string*> fields[] = {
      {"nama", &a.cooperative.nama}, {"jenis", &a.cooperative.jenis}, {"nomor_badan_hukum", &a.cooperative.nomor_badan_hukum},
      {"kabupaten", &a.cooperative.kabupaten}, {"provinsi", &a.cooperative.provinsi}};
  bool first = true;
  for (const auto& [k, v] : fields) {
    if (v->empty()) continue;
    if (!first) *out += ",";
    first = false;
    Key(k, out);
    Str(*v, out);
  }
  *out += "},\"periode\":{\"akhir\":";
  Str(a.periode_akhir, out);
  *out += ",\"bulan\":" + std::to_string(a.bulan) + "},\"ringkasan\":{";
  const GoalSummary& s = a.summary;
  *out += "\"indikator\":" + std::to_string(s.total) + ",\"memenuhi\":" + std::to_string(s.met) +
          ",\"tidak_memenuhi\":" + std::to_string(s.not_met) + ",\"tanpa_sasaran\":" + std::to_string(s.no_target) +
          ",\"tidak_dapat_dinilai\":" + std::to_string(s.not_assessable) + ",\"teks\":";
  Str(GoalSummaryLine(s).Get(lang), out);
  *out += "}";
}

}  // namespace

void AppendGoalJson(const GoalAssessment& a, Lang lang, std::string* out) {
  const GoalRulebook& rb = *a.rulebook;
  AppendGoalHead(a, lang, out);
  *out += ",\"aspek\":[";
  for (size_t i = 0; i < rb.aspects.size(); ++i) {
    if (i) *out += ",";
    *out += "{\"id\":";
    Str(rb.aspects[i].id, out);
    *out += ",\"nama\":";
    Str(rb.aspects[i].name.Get(lang), out);
    *out += "}";
  }
  *out += "],\"indikator\":[";
  for (size_t i = 0; i < a.indicators.size(); ++i) {
    if (i) *out += ",";
    AppendIndicatorJson(a.indicators[i], lang, out);
  }
  *out += "],\"besaran\":{";
  for (size_t i = 0; i < rb.quantities.size(); ++i) {
    if (i) *out += ",";
    Str(rb.quantities[i].id, out);
    *out += ":";
    AmountJson(a.quantities_sen[i], out);
  }
  *out += "},\"peringatan\":[";
  for (size_t i = 0; i < a.warnings.size(); ++i) {
    if (i) *out += ",";
    *out += "{\"kode\":";
    Str(a.warnings[i].code, out);
    *out += ",\"pesan\":";
    Str(WarningText(a.warnings[i], a, lang), out);
    *out += "}";
  }
  *out += "]}";
}

}  // namespace kopsehat
