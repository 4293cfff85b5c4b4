#include "report/explain.h"

#include <string>
#include <vector>

#include "core/check.h"
#include "core/decimal.h"
#include "core/fraction.h"
#include "core/money.h"

namespace kopsehat {

namespace {

std::string Pct(const Fraction& f, Lang lang) {
  return (lang == Lang::kEn ? FormatFractionEnglish(f, 2, 2) : FormatFractionIndonesian(f, 2, 2)) + " %";
}

const std::string& Arg(const Warning& w, size_t i) {
  KOPSEHAT_CHECK(i < w.args.size(), "warning " + w.code + " lacks argument " + std::to_string(i));
  return w.args[i];
}

// The validity note of a method: the loader's text before and after the period (it names the successor).
std::string OutsideValidityText(const Warning& w, const MethodHeader& method, Lang lang) {
  const std::string& periode_akhir = Arg(w, 0);
  const std::string& before = lang == Lang::kEn ? method.validity_before.en : method.validity_before.id;
  const std::string& after = lang == Lang::kEn ? method.validity_after.en : method.validity_after.id;
  std::string s;
  s.reserve(before.size() + periode_akhir.size() + after.size());
  s.append(before).append(periode_akhir).append(after);
  return s;
}

const ComponentResult* FindComponent(const Assessment& a, const std::string& id) {
  for (const ComponentResult& r : a.components) {
    if (r.spec->id == id) return &r;
  }
  return nullptr;
}

// The rulebook's own pesan for a zero denominator, else the generic sentence with the nilai given.
std::string ZeroDenominatorText(const Warning& w, const Component& c, Lang lang) {
  if (!c.zero.pesan.id.empty()) return c.zero.pesan.Get(lang);
  if (lang == Lang::kEn) {
    return "The denominator (" + c.denominator_name.Get(Lang::kEn) + ") is zero: no ratio, nilai " + Arg(w, 0) + ".";
  }
  return "Penyebut (" + c.denominator_name.id + ") bernilai nol: rasio tidak dapat dihitung, nilai " + Arg(w, 0) + ".";
}

std::string NegativeBaseText(const ComponentResult& r, Lang lang) {
  const Component& c = *r.spec;
  if (lang == Lang::kEn) {
    return c.name.Get(Lang::kEn) + ": last year's value (" + c.denominator_name.Get(Lang::kEn) + ") is negative, " +
           FormatRupiah(r.denominator_sen, Lang::kEn) + "; the ratio " + Pct(r.ratio_pct, Lang::kEn) +
           " is meaningless as growth. Check it and judge by hand.";
  }
  return c.name.id + ": nilai tahun lalu (" + c.denominator_name.id + ") negatif, " +
         FormatRupiah(r.denominator_sen, Lang::kId) + "; rasio " + Pct(r.ratio_pct, Lang::kId) +
         " tidak bermakna sebagai pertumbuhan. Periksa dan nilai secara manual.";
}

std::string AnswerDiffersText(const Warning& w, const Assessment& a, Lang lang) {
  const ComponentResult* r = FindComponent(a, Arg(w, 0));
  KOPSEHAT_CHECK(r != nullptr, "warning " + w.code + " names no component " + Arg(w, 0));
  const std::string& item = Arg(w, 1);
  const bool filed = Arg(w, 2) == "ya";
  const bool books = Arg(w, 3) == "ya";
  const DerivedAnswer* da = nullptr;
  for (const DerivedAnswer& d : r->derived) {
    if (std::to_string(d.item + 1) == item) da = &d;
  }
  KOPSEHAT_CHECK(da != nullptr, "warning " + w.code + ": no derived answer for item " + item);
  const Component& c = *r->spec;
  if (lang == Lang::kEn) {
    return c.name.Get(Lang::kEn) + " item " + item + " was answered " + (filed ? "'yes'" : "'no'") +
           ", but the books show " + (books ? "'yes'" : "'no'") + ": " + ExplainDerived(*da, Lang::kEn) +
           ". The filed answer is kept; please check it.";
  }
  return c.name.id + " butir " + item + " dijawab " + (filed ? "'ya'" : "'tidak'") + ", tetapi buku menunjukkan " +
         (books ? "'ya'" : "'tidak'") + ": " + ExplainDerived(*da, Lang::kId) +
         ". Jawaban yang diisi tetap dipakai; periksa kembali.";
}

// A plain decimal argument ("79.996") as the reader's language writes it.
std::string Number(const std::string& plain, Lang lang) {
  if (lang == Lang::kEn) return plain;
  std::string s = plain;
  for (char& c : s) c = c == '.' ? ',' : c;
  return s;
}

std::string NegativeBaseAbsoluteText(const ComponentResult& r, Lang lang) {
  const Component& c = *r.spec;
  if (lang == Lang::kEn) {
    return c.name.Get(Lang::kEn) + ": last year's value (" + c.denominator_name.Get(Lang::kEn) + ") is negative, " +
           FormatRupiah(r.denominator_sen, Lang::kEn) + "; growth is measured against its absolute value: " +
           Pct(r.ratio_pct, Lang::kEn) + ".";
  }
  return c.name.id + ": nilai tahun lalu (" + c.denominator_name.id + ") negatif, " +
         FormatRupiah(r.denominator_sen, Lang::kId) + "; pertumbuhan dihitung terhadap nilai mutlaknya: " +
         Pct(r.ratio_pct, Lang::kId) + ".";
}

std::string KukSuggestedText(const Warning& w, const Assessment& a, Lang lang) {
  const std::string& k = Arg(w, 0);
  const std::string source = a.rulebook->kuk ? a.rulebook->kuk->source : std::string();
  if (lang == Lang::kEn) {
    return "KUK not given: assessed as KUK " + k + ", Kopsehat's suggestion from the number of members, own capital "
           "and total assets (the highest class any criterion reaches; thresholds from " + source +
           ", not an official classification). The examiner sets the class in koperasi.kuk.";
  }
  return "KUK tidak diisi: dinilai sebagai KUK " + k + ", saran Kopsehat dari jumlah anggota, modal sendiri dan total "
         "aset (kelas tertinggi yang dicapai salah satu kriteria; ambang dari " + source +
         ", bukan penetapan resmi). Pemeriksa menetapkan KUK di koperasi.kuk.";
}

std::string CollateralAboveText(const Warning& w, Lang lang) {
  const int line = FindLine(w.path);
  KOPSEHAT_CHECK(line >= 0, "warning " + w.code + " names no line " + w.path);
  const std::string part = lang == Lang::kEn ? kLines[size_t(line)].label_en : kLines[size_t(line)].label_id;
  if (lang == Lang::kEn) {
    return part + " exceeds the balance of its class: counted as that balance, so the class needs no allowance "
           "(PPAPWD).";
  }
  return part + " melebihi saldo golongannya: diperhitungkan sebesar saldo itu, sehingga golongan ini tidak "
         "memerlukan penyisihan (PPAPWD).";
}

std::string AssumedPartText(const Warning& w, Lang lang) {
  const int line = FindLine(w.path);
  const LinePart* part = line >= 0 ? PartOf(line) : nullptr;
  KOPSEHAT_CHECK(part != nullptr, "warning " + w.code + " names no part line " + w.path);
  const bool en = lang == Lang::kEn;
  const LineSpec& p = kLines[size_t(part->part)];
  const LineSpec& whole = kLines[size_t(part->whole)];
  Decimal d;
  const std::string amount = ParseDecimal(Arg(w, 0), &d) == DecimalError::kNone
                                 ? FormatRupiah(Fraction{CheckedMul(d.units, 100), Pow10(d.scale)}, lang)
                                 : Arg(w, 0);
  if (part->default_kind == PartDefault::kProRataByIncome) {
    return en ? std::string(p.label_en) + " not given: taken as " + amount + ", the members' share of " +
                    whole.label_en + " by income (gross participation ÷ (gross participation + non-member income)), "
                    "as the examiner's workbook computes it."
              : std::string(p.label_id) + " tidak diisi: dianggap " + amount + ", porsi anggota dari " +
                    whole.label_id + " menurut pendapatan (partisipasi bruto ÷ (partisipasi bruto + pendapatan "
                    "non-anggota)), seperti lembar kerja pemeriksa.";
  }
  return en ? std::string(p.label_en) + " not given: taken as all of " + whole.label_en + " (" + amount +
                  "), i.e. everything is the members'. Fill it in when part is not."
            : std::string(p.label_id) + " tidak diisi: dianggap sama dengan " + whole.label_id + " (" + amount +
                  "), seluruhnya milik atau untuk anggota. Isi bila sebagian bukan.";
}

std::string RoundedAcrossEdgeText(const Warning& w, const Assessment& a, Lang lang) {
  const bool en = lang == Lang::kEn;
  std::string name = en ? "The total score" : "Skor total";
  for (const AspectResult& r : a.aspects) {
    if (r.spec->id == w.path) name = r.spec->name.Get(lang);
  }
  for (const SubAspectResult& r : a.sub_aspects) {
    if (r.spec->id == w.path) name = r.spec->name.Get(lang);
  }
  const std::string& label = Arg(w, 2);
  return en ? name + " is shown as " + Arg(w, 0) + " but its exact value is " + Arg(w, 1) +
                  "; the predikat is taken from the exact value: " + label + "."
            : name + " ditampilkan " + Number(Arg(w, 0), lang) + " tetapi nilai tepatnya " + Number(Arg(w, 1), lang) +
                  "; predikat diambil dari nilai tepat: " + label + ".";
}

}  // namespace

std::string WarningText(const Warning& w, const Assessment& a, Lang lang) {
  if (const ComponentResult* r = FindComponent(a, w.path)) {
    if (r->zero_denominator && w.code == r->spec->zero.kode) return ZeroDenominatorText(w, *r->spec, lang);
    if (w.code == "penyebut_negatif") return NegativeBaseText(*r, lang);
    if (w.code == "dasar_negatif") return NegativeBaseAbsoluteText(*r, lang);
  }
  if (w.code == "kuk_disarankan") return KukSuggestedText(w, a, lang);
  if (w.code == "jenis_tidak_tercakup") {
    std::string kinds;
    for (const std::string& k : a.rulebook->covered_kinds) kinds += (kinds.empty() ? "" : "/") + k;
    return lang == Lang::kEn
               ? "This method covers " + kinds + " only: the indicators particular to a " + Arg(w, 0) +
                     " (sharia financing, zakat/infaq/sadaqah, sharia compliance) are not in it. Read the result "
                     "with that in mind."
               : "Metode ini hanya mencakup " + kinds + ": indikator khusus " + Arg(w, 0) +
                     " (pembiayaan syariah, ZIS, kepatuhan syariah) belum termasuk. Baca hasilnya dengan catatan itu.";
  }
  if (w.code == "agunan_melebihi_saldo") return CollateralAboveText(w, lang);
  if (w.code == "rincian_diasumsikan") return AssumedPartText(w, lang);
  if (w.code == "pembulatan_melintasi_batas") return RoundedAcrossEdgeText(w, a, lang);
  if (w.code == "jawaban_berbeda_dengan_buku") return AnswerDiffersText(w, a, lang);
  if (w.code == "di_luar_masa_berlaku") return OutsideValidityText(w, *a.rulebook, lang);
  if (w.code == "manajemen_tidak_dinilai") {
    if (lang == Lang::kEn) {
      return "Assessed without the management checklist: the total excludes the Manajemen aspect and its points; "
             "the maximum is " + Arg(w, 0) + ", not 100.";
    }
    return "Dinilai tanpa daftar periksa manajemen: skor total tidak memuat aspek Manajemen dan poinnya; skor "
           "maksimal " + Arg(w, 0) + ", bukan 100.";
  }
  KOPSEHAT_CHECK(false, "no text for warning " + w.code + " at " + w.path);
  return {};
}

std::string WarningText(const Warning& w, const GoalAssessment& a, Lang lang) {
  if (w.code == "di_luar_masa_berlaku") return OutsideValidityText(w, *a.rulebook, lang);
  if (w.code == "disetahunkan") {
    const std::string& bulan = Arg(w, 0);
    if (lang == Lang::kEn) {
      return "The income statement covers " + bulan + " months: flows (income, costs) in the R indicators and P4 are "
             "annualised × 12/" + bulan + "; the S growth rates are not.";
    }
    return "Hasil usaha mencakup " + bulan + " bulan: arus (pendapatan, biaya) indikator R dan P4 disetahunkan × 12/" +
           bulan + "; indikator pertumbuhan S tidak.";
  }
  if (w.code == "tanpa_periode_lalu") {
    if (lang == Lang::kEn) {
      return "No periode_lalu: indicators that use averages or growth have no value and cannot be assessed, unless "
             "their goal is decided without it (S1–S9 are met when their paired E ratio meets its goal).";
    }
    return "Tanpa periode_lalu: indikator yang memakai rata-rata atau pertumbuhan tidak punya nilai dan tidak dapat "
           "dinilai, kecuali sasarannya sudah diputuskan tanpa nilai itu (S1–S9 memenuhi bila rasio E pasangannya "
           "memenuhi sasaran).";
  }
  KOPSEHAT_CHECK(false, "no text for goal warning " + w.code + " at " + w.path);
  return {};
}

std::string GoalReasonText(const IndicatorResult& r, Lang lang) {
  const GoalReason& why = r.reason;
  if (why.code.empty()) return {};
  const bool en = lang == Lang::kEn;
  const Indicator& ind = *r.spec;
  auto arg = [&](size_t i) -> const std::string& {
    KOPSEHAT_CHECK(i < why.args.size(), "reason " + why.code + " lacks argument " + std::to_string(i));
    return why.args[i];
  };
  const std::string& code = why.code;
  if (code == "belum_memenuhi") return arg(0) + (en ? " does not meet its goal" : " belum memenuhi sasaran");
  if (code == "sudah_memenuhi") return arg(0) + (en ? " already meets its goal" : " sudah memenuhi sasaran");
  if (code == "tidak_dapat_dinilai") return arg(0) + (en ? " cannot be assessed" : " tidak dapat dinilai");
  if (code == "perlu_periode_lalu") {
    return en ? "needs " + arg(0) + " (averages and growth use last year-end's figures)"
              : "perlu " + arg(0) + " (rata-rata atau pertumbuhan memakai angka akhir tahun lalu)";
  }
  if (code == "dasar_pertumbuhan_negatif") {
    return en ? "last year's value (" + ind.denominator_name.Get(Lang::kEn) + ") is negative: growth has no meaning"
              : "nilai tahun lalu (" + ind.denominator_name.id + ") negatif: pertumbuhan tidak bermakna";
  }
  if (code == "penyebut_negatif") {
    return en ? "the denominator (" + ind.denominator_name.Get(Lang::kEn) + ") is negative: the ratio has no meaning"
              : "penyebut (" + ind.denominator_name.id + ") negatif: rasio tidak bermakna";
  }
  if (code == "penyebut_nol") {
    if (!ind.zero_message.id.empty()) return ind.zero_message.Get(lang);  // the rulebook's own words
    return en ? "the denominator (" + ind.denominator_name.Get(Lang::kEn) + ") is zero: no ratio"
              : "penyebut (" + ind.denominator_name.id + ") nol: rasio tidak dapat dihitung";
  }
  if (code == "pembanding_tanpa_nilai") {
    return en ? "the indicator compared with, " + arg(0) + ", has no value"
              : "indikator pembanding " + arg(0) + " tidak punya nilai";
  }
  if (code == "suku_bunga_lalu_tidak_ada") {
    return en ? "last year's rates are not in the laporan" : "suku bunga dan inflasi tahun lalu tidak ada di laporan";
  }
  if (code == "belum_diisi") return arg(0) + (en ? " is not given" : " belum diisi");
  if (code == "pasangan_tidak_dapat_dinilai") {
    return arg(0) + (en ? " or " : " atau ") + arg(1) + (en ? " cannot be assessed" : " tidak dapat dinilai");
  }
  if (code == "pasangan_di_bawah") {
    return en ? arg(0) + " is below its goal: this growth must exceed " + arg(1)
              : arg(0) + " di bawah sasaran: pertumbuhan ini harus melebihi " + arg(1);
  }
  if (code == "pasangan_di_atas") {
    return en ? arg(0) + " is above its goal: this growth must stay below " + arg(1)
              : arg(0) + " di atas sasaran: pertumbuhan ini harus di bawah " + arg(1);
  }
  KOPSEHAT_CHECK(false, "no text for reason " + code + " of " + ind.id);
  return {};
}

Label GoalStatusLabel(GoalStatus s) {
  switch (s) {
    case GoalStatus::kMet:
      return {"memenuhi sasaran", "meets the goal"};
    case GoalStatus::kNotMet:
      return {"TIDAK MEMENUHI", "DOES NOT MEET"};
    case GoalStatus::kNoTarget:
      return {"tanpa sasaran angka", "no numeric goal"};
    case GoalStatus::kNotAssessable:
      return {"tidak dapat dinilai", "cannot be assessed"};
  }
  return {};
}

Label GoalSummaryLine(const GoalSummary& s) {
  Label l{std::to_string(s.met) + " dari " + std::to_string(s.total) + " indikator memenuhi sasaran",
          std::to_string(s.met) + " of " + std::to_string(s.total) + " indicators meet their goal"};
  std::vector<Label> parts;
  if (s.not_met > 0) parts.push_back({std::to_string(s.not_met) + " tidak memenuhi", std::to_string(s.not_met) + " do not"});
  if (s.no_target > 0) parts.push_back({std::to_string(s.no_target) + " tanpa sasaran angka", std::to_string(s.no_target) + " without a numeric goal"});
  if (s.not_assessable > 0) {
    parts.push_back({std::to_string(s.not_assessable) + " tidak dapat dinilai", std::to_string(s.not_assessable) + " cannot be assessed"});
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    l.id += (i == 0 ? " (" : ", ") + parts[i].id;
    l.en += (i == 0 ? " (" : ", ") + parts[i].en;
  }
  if (!parts.empty()) {
    l.id += ")";
    l.en += ")";
  }
  return l;
}

std::string ExplainDerived(const DerivedAnswer& da, Lang lang) {
  const Derivation& d = *da.spec;
  // The English names as given (empty when the rulebook has none), as the sentences always used them.
  const bool en = lang == Lang::kEn;
  const std::string& a = en ? d.a_name.en : d.a_name.id;
  const std::string& b = en ? d.b_name.en : d.b_name.id;
  switch (d.kind) {
    case Derivation::Kind::kGrowthNotBelow:
      if (en) return a + " grew " + Pct(da.first, lang) + ", " + b + " grew " + Pct(da.second, lang);
      return a + " tumbuh " + Pct(da.first, lang) + ", " + b + " tumbuh " + Pct(da.second, lang);
    case Derivation::Kind::kGrowthAtLeast:
      if (en) return a + " grew " + Pct(da.first, lang) + " (at least " + Pct(da.second, lang) + " required)";
      return a + " tumbuh " + Pct(da.first, lang) + " (syarat minimal " + Pct(da.second, lang) + ")";
    case Derivation::Kind::kIncreaseAtLeast: {
      const Fraction param{d.param.units, Pow10(d.param.scale)};
      if (en) {
        return a + " rose by " + FormatRupiah(da.first, lang) + ", required " + FormatFractionPlain(param, 0, 6) +
               " × last year's " + b + " = " + FormatRupiah(da.second, lang) +
               (d.approximation ? " (approximated from the balance sheet)" : "");
      }
      return "kenaikan " + a + " " + FormatRupiah(da.first, lang) + ", syaratnya " +
             FormatFractionIndonesian(param, 0, 6) + " × " + b + " tahun lalu = " + FormatRupiah(da.second, lang) +
             (d.approximation ? " (perkiraan dari neraca)" : "");
    }
    case Derivation::Kind::kRatioAtMost:
      if (da.zero_base) return en ? b + " is zero" : b + " nol";
      if (en) return a + " is " + Pct(da.first, lang) + " of " + b + " (limit " + Pct(da.second, lang) + ")";
      return a + " " + Pct(da.first, lang) + " dari " + b + " (batas " + Pct(da.second, lang) + ")";
  }
  return {};
}

}  // namespace kopsehat
