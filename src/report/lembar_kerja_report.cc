// report/lembar_kerja_report.cc — see lembar_kerja_report.h. The known errors are the workbook's formulas that do
// not do what their label or printed table says (docs/methods/kkpkk-2021.md, "Version 2"); each is named as a cause
// only when the laporan has the figures that make it bite (modal penyertaan last year, non-member income, …).
#include "report/lembar_kerja_report.h"

#include <algorithm>
#include <cctype>

#include "core/decimal.h"
#include "core/fraction.h"
#include "core/json_writer.h"

namespace kopsehat {

const std::vector<LembarKerjaError>& KnownLembarKerjaErrors() {
  static const std::vector<LembarKerjaError> errors = {
      {"pendapatan_non_anggota", "PHU!D17",
       {"jumlah pendapatan di lembar kerja tidak memuat pendapatan dari non-anggota",
        "the workbook's total income leaves out income from non-members"}},
      {"modal_penyertaan_tahun_lalu", "BS!I35",
       {"kewajiban jangka panjang tahun lalu di lembar kerja tidak memuat modal penyertaan, sehingga dana yang "
        "diterima tahun lalu terlalu kecil dan pertumbuhannya terlalu besar",
        "the workbook's prior-year long-term liabilities leave out modal penyertaan, so prior-year funds received are "
        "too low and their growth too high"}},
      {"cadangan_tanpa_pinjaman_bermasalah", "K!C30",
       {"tanpa pinjaman bermasalah lembar kerja memberi cadangan risiko rasio 0 (nilai 4)",
        "without problem loans the workbook gives the risk reserve a ratio of 0 (nilai 4)"}},
      {"shu_kotor_negatif", "K!D17",
       {"lembar kerja memberi SHU kotor negatif nilai 1 pada beban usaha terhadap SHU kotor",
        "the workbook gives a negative gross surplus nilai 1 in operating expenses to gross surplus"}},
      {"npl_diragukan_macet", "NPL!C5, NPL!C6",
       {"lembar kerja tidak membaca pinjaman diragukan dan macet (sel berisi 0)",
        "the workbook does not read doubtful and loss loans (the cells hold 0)"}},
      {"atmr_shu", "ATMR!C13",
       {"modal tertimbang lembar kerja hanya memuat SHU periode sebelumnya, bukan seluruh SHU belum dibagi",
        "the workbook's weighted capital takes only the earlier periods' SHU, not all undistributed SHU"}},
      {"atmr_pendapatan_akan_diterima", "ATMR!E32",
       {"ATMR lembar kerja tidak menjumlahkan pendapatan akan diterima",
        "the workbook's risk-weighted assets leave out accrued income"}},
      {"atmr_tahun_lalu", "ATMR!C28, ATMR!C29, ATMR!C36, ATMR!C37",
       {"ATMR lembar kerja membaca beberapa pos dari kolom tahun lalu",
        "the workbook's risk-weighted assets read some lines from the prior-year column"}},
      {"amortisasi_ditambahkan", "BS!D62",
       {"lembar kerja menambahkan akumulasi amortisasi pada aktiva lain-lain, bukan menguranginya",
        "the workbook adds accumulated amortisation to other assets instead of subtracting it"}},
      {"pinjaman_bersih_tahun_lalu", "BS!E27",
       {"pinjaman bersih tahun lalu di lembar kerja ditambah penyisihan, bukan dikurangi",
        "the workbook's prior-year net loans add the allowance instead of subtracting it"}},
  };
  return errors;
}

namespace {

const LembarKerjaError* FindError(const std::string& code) {
  for (const LembarKerjaError& e : KnownLembarKerjaErrors()) {
    if (code == e.code) return &e;
  }
  return nullptr;
}

// The components each error can change, and whether the laporan has the figures that make it bite.
struct ErrorScope {
  const char* code;
  std::vector<std::string> components;
  bool applies;
};

std::vector<ErrorScope> Scopes(const Laporan& l, const SistemInputCache& cache) {
  const Statements& c = l.current;
  const Statements& p = l.previous;
  auto cur = [&](const char* path) { return i128(c.Get(line::Index(path))); };
  auto prev = [&](const char* path) { return l.has_previous ? i128(p.Get(line::Index(path))) : i128(0); };
  const std::string kk = "kinerja_keuangan.";
  const std::string pr = "profil_risiko.";
  const std::string pm = "permodalan.";
  return {
      {"pendapatan_non_anggota",
       {kk + "roa", kk + "roe", kk + "kemandirian_operasional", kk + "bopo", kk + "beban_usaha_shu_kotor",
        kk + "pertumbuhan_shu", kk + "pendapatan_utama", kk + "shu_simpanan_pokok_wajib"},
       cur("hasil_usaha.pendapatan_non_anggota") > 0 || prev("hasil_usaha.pendapatan_non_anggota") > 0},
      {"modal_penyertaan_tahun_lalu", {kk + "pertumbuhan_dana_diterima"}, prev("neraca.modal_penyertaan") != 0},
      {"cadangan_tanpa_pinjaman_bermasalah", {kk + "cadangan_risiko"},
       cur("pinjaman.kurang_lancar") + cur("pinjaman.diragukan") + cur("pinjaman.macet") == 0},
      {"shu_kotor_negatif", {kk + "beban_usaha_shu_kotor"},
       cur("hasil_usaha.partisipasi_bruto") + cur("hasil_usaha.pendapatan_non_anggota") - cur("hasil_usaha.beban_pokok") < 0},
      {"npl_diragukan_macet", {kk + "npl", kk + "cadangan_risiko"},
       cur("pinjaman.diragukan") + cur("pinjaman.macet") > 0},
      {"atmr_shu", {pm + "kecukupan_modal"}, cur("neraca.shu_belum_dibagi") != cur("neraca.shu_tahun_lalu")},
      {"atmr_pendapatan_akan_diterima", {pm + "kecukupan_modal"},
       cur("neraca.pendapatan_masih_harus_diterima") - cur("neraca.piutang_bunga") > 0},
      {"atmr_tahun_lalu", {pm + "kecukupan_modal"},
       l.has_previous && (cur("neraca.penyertaan") != prev("neraca.penyertaan") ||
                          cur("neraca.aset_lancar_lain") != prev("neraca.aset_lancar_lain") ||
                          cur("neraca.pendapatan_masih_harus_diterima") != prev("neraca.pendapatan_masih_harus_diterima"))},
      {"amortisasi_ditambahkan",
       {pr + "aset_produktif_total_aset", pr + "aset_likuid_total_aset", kk + "roa", kk + "pertumbuhan_aset",
        pm + "ekuitas_total_aset", pm + "modal_pinjaman_anggota", pm + "kecukupan_modal"},
       cache.amortisasi_sen > 0},
      {"pinjaman_bersih_tahun_lalu", {kk + "pertumbuhan_aset"}, prev("neraca.penyisihan_pinjaman") > 0},
  };
}

// Hundredths of a percent, rounded half up.
i128 Hundredths(const Decimal& d) {
  if (d.scale <= 2) return d.units * Pow10(2 - d.scale);
  return d.scale - 2 > 38 ? 0 : RoundHalfUp(d.units, Pow10(d.scale - 2), 0);
}

std::string Upper(std::string s) {
  for (char& ch : s) ch = char(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

void AddCauses(const std::vector<std::string>& from, std::vector<std::string>* to) {
  for (const std::string& c : from) {
    if (std::find(to->begin(), to->end(), c) == to->end()) to->push_back(c);
  }
}

}  // namespace

LembarKerjaComparison CompareWithLembarKerja(const SistemInputCache& cache, const Laporan& laporan,
                                             const Assessment& a) {
  LembarKerjaComparison out;
  const std::vector<ErrorScope> scopes = Scopes(laporan, cache);
  // Per aspect (and overall): the causes of its differing nilai, and whether every one of them has a cause.
  struct Explained {
    std::vector<std::string> causes;
    bool all_known = true;
  };
  std::vector<Explained> by_aspect(a.aspects.size());
  Explained total;
  for (const CachedNilai& n : cache.nilai) {
    const ComponentResult* ours = nullptr;
    for (const ComponentResult& r : a.components) {
      if (r.spec->id == n.component) ours = &r;
    }
    if (ours == nullptr) continue;  // not assessed (another KUK's set)
    if (!n.present) {
      out.unread.push_back(n.cell);
      continue;
    }
    ++out.compared;
    const int our_nilai = int(ours->nilai_e2 / 100);
    if (our_nilai == n.nilai && ours->nilai_e2 % 100 == 0) continue;
    LembarKerjaDifference d{n.component, n.cell, ours->spec->name, std::to_string(n.nilai), std::to_string(our_nilai),
                            false, {}};
    for (const ErrorScope& s : scopes) {
      if (s.applies && std::find(s.components.begin(), s.components.end(), n.component) != s.components.end()) {
        d.causes.push_back(s.code);
      }
    }
    for (size_t i = 0; i < a.aspects.size(); ++i) {
      if (a.aspects[i].spec->id != ours->spec->aspect) continue;
      AddCauses(d.causes, &by_aspect[i].causes);
      by_aspect[i].all_known = by_aspect[i].all_known && !d.causes.empty();
    }
    AddCauses(d.causes, &total.causes);
    total.all_known = total.all_known && !d.causes.empty();
    out.differences.push_back(std::move(d));
  }
  auto percent_difference = [&](const CachedPersen& p, const Fraction& ours_exact, const Label& name,
                                const Explained& why) {
    if (!p.present) {
      out.unread.push_back(p.cell);
      return;
    }
    ++out.compared;
    const i128 theirs = Hundredths(p.pct);
    const i128 mine = RoundHalfUp(ours_exact, 2);
    if (theirs == mine) return;
    LembarKerjaDifference d{p.id, p.cell, name, FormatPlain(theirs, 2, 2), FormatPlain(mine, 2, 2), true, {}};
    // An aspect's or the total's difference is explained when each nilai difference under it is.
    if (why.all_known) d.causes = why.causes;
    out.differences.push_back(std::move(d));
  };
  for (const CachedPersen& p : cache.persen) {
    if (p.id == "total") {
      percent_difference(p, a.exact_total, Label{"Skor akhir", "Final score"}, total);
      continue;
    }
    for (size_t i = 0; i < a.aspects.size(); ++i) {
      if (a.aspects[i].spec->id == p.id) {
        percent_difference(p, a.aspects[i].pool.exact_pct, a.aspects[i].spec->name, by_aspect[i]);
      }
    }
  }
  if (!cache.predikat.empty() && a.predikat >= 0) {
    ++out.compared;
    const std::string ours = a.Predikat().label;
    if (Upper(cache.predikat) != Upper(ours)) {
      LembarKerjaDifference d{"predikat", "OP!G46", Label{"Predikat", "Predikat"}, cache.predikat, ours, false, {}};
      if (total.all_known) d.causes = total.causes;
      out.differences.push_back(std::move(d));
    }
  }
  return out;
}

namespace {

std::string Shown(const LembarKerjaDifference& d, const std::string& v, Lang lang) {
  if (!d.is_percent) return v;
  Decimal x;
  if (ParseDecimal(v, &x) != DecimalError::kNone) return v;
  return lang == Lang::kEn ? FormatPlain(x.units, x.scale, 2) : FormatIndonesian(x.units, x.scale, 2);
}

}  // namespace

std::string RenderLembarKerjaText(const LembarKerjaComparison& c, const SistemInputCache& cache, Lang lang) {
  std::string out = T(lang, "PERBEDAAN DENGAN LEMBAR KERJA PEMERIKSA\n", "DIFFERENCES FROM THE EXAMINER'S WORKBOOK\n");
  const std::string n = std::to_string(c.compared), k = std::to_string(c.differences.size());
  out += lang == Lang::kEn
             ? "   The Sistem Input workbook keeps its own results: " + n + " compared, " + k + " differ.\n"
             : "   Lembar kerja Sistem Input menyimpan hasilnya sendiri: " + n + " dibandingkan, " + k + " berbeda.\n";
  for (const LembarKerjaDifference& d : c.differences) {
    out += "   - " + d.name.Get(lang) + " (" + d.cell + "): " + T(lang, "lembar kerja ", "workbook ") +
           Shown(d, d.workbook, lang) + T(lang, ", Kopsehat ", ", Kopsehat ") + Shown(d, d.ours, lang) + "\n";
    if (d.causes.empty()) {
      out += std::string("     ") + T(lang, "sebab: sebab tidak diketahui", "cause: cause unknown") + "\n";
    }
    for (const std::string& code : d.causes) {
      const LembarKerjaError* e = FindError(code);
      if (e == nullptr) continue;
      out += std::string("     ") + T(lang, "sebab: ", "cause: ") + e->text.Get(lang) + " (" + e->cells + ") [" +
             e->code + "]\n";
    }
  }
  if (!c.unread.empty()) {
    out += std::string("   ") + T(lang, "Sel hasil tanpa nilai tersimpan (tidak dibandingkan): ",
                                  "Result cells without a stored value (not compared): ");
    for (size_t i = 0; i < c.unread.size(); ++i) out += (i == 0 ? "" : ", ") + c.unread[i];
    out += "\n";
  }
  if (cache.rounded_cells > 0) {
    out += "   " + std::to_string(cache.rounded_cells) +
           T(lang, " sel masukan berisi pecahan sen dan dibulatkan ke sen: ",
             " input cells held fractions of a sen and were rounded to the sen: ");
    for (size_t i = 0; i < cache.rounded_cell_refs.size(); ++i) out += (i == 0 ? "" : ", ") + cache.rounded_cell_refs[i];
    if (cache.rounded_cells > cache.rounded_cell_refs.size()) out += ", …";
    out += "\n";
  }
  out += "\n";
  return out;
}

void AppendLembarKerjaJson(const LembarKerjaComparison& c, const SistemInputCache& cache, Lang lang, std::string* out) {
  *out += "{\"dibandingkan\":" + std::to_string(c.compared) + ",\"perbedaan\":[";
  for (size_t i = 0; i < c.differences.size(); ++i) {
    const LembarKerjaDifference& d = c.differences[i];
    *out += i == 0 ? "{\"id\":" : ",{\"id\":";
    AppendJsonString(d.id, out);
    *out += ",\"sel\":";
    AppendJsonString(d.cell, out);
    *out += ",\"nama\":";
    AppendJsonString(d.name.Get(lang), out);
    // Nilai and percentages are numbers; a predikat is a string.
    const bool number = d.id != "predikat";
    *out += ",\"lembar_kerja\":";
    if (number) *out += d.workbook; else AppendJsonString(d.workbook, out);
    *out += ",\"kopsehat\":";
    if (number) *out += d.ours; else AppendJsonString(d.ours, out);
    *out += ",\"sebab\":[";
    if (d.causes.empty()) {
      *out += "{\"kode\":\"tidak_diketahui\",\"sel\":null,\"teks\":";
      AppendJsonString(T(lang, "sebab tidak diketahui", "cause unknown"), out);
      *out += "}";
    }
    for (size_t j = 0; j < d.causes.size(); ++j) {
      const LembarKerjaError* e = FindError(d.causes[j]);
      if (e == nullptr) continue;
      *out += j == 0 ? "{\"kode\":" : ",{\"kode\":";
      AppendJsonString(e->code, out);
      *out += ",\"sel\":";
      AppendJsonString(e->cells, out);
      *out += ",\"teks\":";
      AppendJsonString(e->text.Get(lang), out);
      *out += "}";
    }
    *out += "]}";
  }
  *out += "],\"tidak_terbaca\":[";
  for (size_t i = 0; i < c.unread.size(); ++i) {
    if (i != 0) *out += ",";
    AppendJsonString(c.unread[i], out);
  }
  *out += "],\"dibulatkan_ke_sen\":{\"jumlah\":" + std::to_string(cache.rounded_cells) + ",\"sel\":[";
  for (size_t i = 0; i < cache.rounded_cell_refs.size(); ++i) {
    if (i != 0) *out += ",";
    AppendJsonString(cache.rounded_cell_refs[i], out);
  }
  *out += "]}}";
}

}  // namespace kopsehat
