#include "rules/loader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "core/suggest.h"
#include "rules/formula.h"
#include "rules/goal_rulebook.h"
#include "rules/toml_support.h"

namespace kopsehat {

using namespace rules_internal;

namespace {

// Aspect and sub-aspect ids name pools in the auditor's worksheet (SUMIFS criteria, where '*', '?', '~', '<', '>'
// and '=' are operators and case is ignored): lower-case letters, digits, '_', '.', '-' only.
void CheckPoolId(Context& ctx, const toml::table& t, const std::string& id, const std::string& where) {
  const bool ok = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
  if (!ok) {
    ctx.Error(t.get("id"), where + ": id hanya boleh huruf kecil, angka, '_', '.' dan '-'",
              where + ": an id may hold only lower-case letters, digits, '_', '.' and '-'");
  }
}

// A checklist list or set name as the laporan writes it: [a-z0-9_]+, at most 48 characters.
bool IsListName(std::string_view name) {
  return !name.empty() && name.size() <= 48 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// "[20, 40)", "(-inf, 0]", "[80, +inf)", "[0, 0]".
bool ParseInterval(std::string_view s, Interval* out) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    return v;
  };
  s = trim(s);
  if (s.size() < 5) return false;
  const char open = s.front(), close = s.back();
  if ((open != '[' && open != '(') || (close != ']' && close != ')')) return false;
  const std::string_view inner = s.substr(1, s.size() - 2);
  const size_t comma = inner.find(',');
  if (comma == std::string_view::npos) return false;
  const std::string_view lo = trim(inner.substr(0, comma));
  const std::string_view hi = trim(inner.substr(comma + 1));
  Interval iv;
  if (lo == "-inf") {
    if (open != '(') return false;
  } else {
    if (ParseDecimal(lo, &iv.lo) != DecimalError::kNone) return false;
    iv.has_lo = true;
    iv.lo_inclusive = open == '[';
  }
  if (hi == "+inf" || hi == "inf") {
    if (close != ')') return false;
  } else {
    if (ParseDecimal(hi, &iv.hi) != DecimalError::kNone) return false;
    iv.has_hi = true;
    iv.hi_inclusive = close == ']';
  }
  if (iv.has_lo && iv.has_hi) {
    const int c = Compare(Fraction{iv.lo.units, Pow10(iv.lo.scale)}, iv.hi);
    if (c > 0) return false;
    if (c == 0 && !(iv.lo_inclusive && iv.hi_inclusive)) return false;
  }
  iv.text = std::string(1, open) + (iv.has_lo ? FormatPlain(iv.lo.units, iv.lo.scale, 0) : "-inf") + ", " +
            (iv.has_hi ? FormatPlain(iv.hi.units, iv.hi.scale, 0) : "+inf") + std::string(1, close);
  *out = iv;
  return true;
}

// Bands must cover (-inf, +inf) exactly once. Sorts them and reports gaps and overlaps.
void CheckBands(Context& ctx, const toml::node* where_node, const std::string& where, std::vector<Band>* bands,
                const std::vector<const toml::node*>& nodes) {
  std::vector<size_t> order(bands->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto lo_key = [&](size_t i) { return (*bands)[i].range; };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Interval ia = lo_key(a), ib = lo_key(b);
    if (!ia.has_lo || !ib.has_lo) return !ia.has_lo && ib.has_lo;
    const int c = Compare(Fraction{ia.lo.units, Pow10(ia.lo.scale)}, ib.lo);
    if (c != 0) return c < 0;
    return ia.lo_inclusive && !ib.lo_inclusive;
  });
  std::vector<Band> sorted;
  for (size_t i : order) sorted.push_back((*bands)[i]);
  if (sorted.empty()) {
    ctx.Error(where_node, where + ": tabel nilai kosong", where + ": empty band table");
    return;
  }
  if (sorted.front().range.has_lo) {
    ctx.Error(nodes[order.front()], where + ": tabel tidak mencakup rasio di bawah " + sorted.front().range.text,
              where + ": the table does not cover ratios below " + sorted.front().range.text);
  }
  if (sorted.back().range.has_hi) {
    ctx.Error(nodes[order.back()], where + ": tabel tidak mencakup rasio di atas " + sorted.back().range.text,
              where + ": the table does not cover ratios above " + sorted.back().range.text);
  }
  for (size_t k = 0; k + 1 < sorted.size(); ++k) {
    const Interval& a = sorted[k].range;
    const Interval& b = sorted[k + 1].range;
    const toml::node* nb = nodes[order[k + 1]];
    const std::string pair = a.text + " dan " + b.text, pair_en = a.text + " and " + b.text;
    if (!a.has_hi || !b.has_lo) {
      ctx.Error(nb, where + ": rentang " + pair + " tumpang tindih", where + ": bands " + pair_en + " overlap");
      continue;
    }
    const int c = Compare(Fraction{a.hi.units, Pow10(a.hi.scale)}, b.lo);
    if (c < 0 || (c == 0 && !a.hi_inclusive && !b.lo_inclusive)) {
      ctx.Error(nb, where + ": ada celah di antara rentang " + pair, where + ": gap between bands " + pair_en);
    } else if (c > 0 || (a.hi_inclusive && b.lo_inclusive)) {
      ctx.Error(nb, where + ": rentang " + pair + " tumpang tindih", where + ": bands " + pair_en + " overlap");
    }
  }
  *bands = std::move(sorted);
}

// The band table at t[key] into *bands. In a persentase_skor rulebook every nilai is a whole number 1..skor_maks.
// A nilai of a band or a zero-denominator rule: 0..100 in a weighted rulebook, a whole 1..skor_maks in a
// persentase_skor one.
// `what` names the value in the message: "komponen.x: nilai", "komponen.x.penyebut_nol.nilai".
bool NilaiInRange(Context& ctx, const toml::node* n, const std::string& what, const Rulebook& rb, int64_t nilai_e2) {
  if (rb.ScorePercent()) {
    if (nilai_e2 % 100 == 0 && nilai_e2 >= 100 && nilai_e2 <= int64_t(rb.skor_maks) * 100) return true;
    const std::string max = std::to_string(rb.skor_maks);
    ctx.Error(n, what + " harus bilangan bulat 1 sampai " + max + " (agregasi persentase_skor)",
              what + " must be a whole number 1 to " + max + " (agregasi persentase_skor)");
    return false;
  }
  if (nilai_e2 >= 0 && nilai_e2 <= 10000) return true;
  ctx.Error(n, what + " harus di antara 0 dan 100", what + " must be within 0..100");
  return false;
}

void LoadBands(Context& ctx, const toml::table& t, const char* key, const std::string& where, const Rulebook& rb,
               std::vector<Band>* bands_out) {
  const toml::array* arr = t.get(key)->as_array();
  if (arr == nullptr) {
    ctx.Error(t.get(key), where + "." + key + " harus berupa daftar rentang", where + "." + key + " must be a list of bands");
    return;
  }
  if (arr->size() > kMaxBandsPerComponent) {
    ctx.Error(arr, where + ": lebih dari 100 rentang", where + ": more than 100 bands");
    return;
  }
  std::vector<const toml::node*> nodes;
  bool ok = true;
  for (const toml::node& n : *arr) {
    const toml::table* bt = n.as_table();
    if (bt == nullptr) {
      ctx.Error(&n, where + ".nilai: tiap rentang berupa { rentang = \"[a, b)\", nilai = N }",
                where + ".nilai: each band is { rentang = \"[a, b)\", nilai = N }");
      ok = false;
      continue;
    }
    CheckKeys(ctx, *bt, {"rentang", "nilai"}, where + ".nilai");
    Band band;
    std::string range;
    if (!GetString(ctx, *bt, "rentang", true, where + ".nilai", &range)) {
      ok = false;
      continue;
    }
    if (!ParseInterval(range, &band.range)) {
      ctx.Error(bt->get("rentang"),
                where + ": rentang '" + range + "' tidak sah; tulis seperti \"[20, 40)\", \"(-inf, 0]\" atau \"[80, +inf)\"",
                where + ": invalid band '" + range + "'; write it like \"[20, 40)\", \"(-inf, 0]\" or \"[80, +inf)\"");
      ok = false;
      continue;
    }
    if (!GetFixed(ctx, *bt, "nilai", true, where + ".nilai", 2, &band.nilai_e2)) {
      ok = false;
      continue;
    }
    if (!NilaiInRange(ctx, bt->get("nilai"), where + ": nilai", rb, band.nilai_e2)) ok = false;
    bands_out->push_back(band);
    nodes.push_back(bt);
  }
  if (ok) CheckBands(ctx, arr, where, bands_out, nodes);
}

void LoadDerivation(Context& ctx, const toml::table& t, const std::string& where, const Rulebook& rb,
                    ChecklistItem* item) {
  CheckKeys(ctx, t, {"uji", "besaran", "pembanding", "persen", "bagian", "acuan_lalu", "pembilang", "penyebut",
                     "perkiraan"},
            where);
  std::string kind;
  if (!GetString(ctx, t, "uji", true, where, &kind)) return;
  Derivation d{};
  bool ok = true;
  if (kind == "pertumbuhan_tidak_kurang_dari") {
    d.kind = Derivation::Kind::kGrowthNotBelow;
    ok = GetFormula(ctx, t, "besaran", where, rb.quantities, &d.a) &&
         GetFormula(ctx, t, "pembanding", where, rb.quantities, &d.b);
  } else if (kind == "pertumbuhan_minimal") {
    d.kind = Derivation::Kind::kGrowthAtLeast;
    ok = GetFormula(ctx, t, "besaran", where, rb.quantities, &d.a) &&
         GetDecimal(ctx, t, "persen", true, where, &d.param);
  } else if (kind == "kenaikan_minimal") {
    d.kind = Derivation::Kind::kIncreaseAtLeast;
    ok = GetFormula(ctx, t, "besaran", where, rb.quantities, &d.a) &&
         GetFormula(ctx, t, "acuan_lalu", where, rb.quantities, &d.b) &&
         GetDecimal(ctx, t, "bagian", true, where, &d.param);
  } else if (kind == "rasio_maksimal") {
    d.kind = Derivation::Kind::kRatioAtMost;
    d.needs_previous = false;
    ok = GetFormula(ctx, t, "pembilang", where, rb.quantities, &d.a) &&
         GetFormula(ctx, t, "penyebut", where, rb.quantities, &d.b) &&
         GetDecimal(ctx, t, "persen", true, where, &d.param);
  } else {
    ctx.Error(t.get("uji"),
              where + ".uji '" + kind +
                  "' tidak dikenal; pilih pertumbuhan_tidak_kurang_dari, pertumbuhan_minimal, kenaikan_minimal atau "
                  "rasio_maksimal",
              where + ".uji '" + kind +
                  "' is unknown; use pertumbuhan_tidak_kurang_dari, pertumbuhan_minimal, kenaikan_minimal or "
                  "rasio_maksimal");
    return;
  }
  if (const toml::node* n = t.get("perkiraan")) {
    if (!n->is_boolean()) {
      ctx.Error(n, where + ".perkiraan harus true atau false", where + ".perkiraan must be true or false");
    } else {
      d.approximation = n->as_boolean()->get();
    }
  }
  if (!ok) return;
  if (d.a.uses_previous || d.b.uses_previous) {
    // The test compares this year with last year itself; a quantity already reading lalu() has no meaning here.
    ctx.Error(&t, where + ": rumus dari_buku tidak boleh memakai besaran dengan lalu() atau rata_rata()",
              where + ": a dari_buku formula may not use a quantity with lalu() or rata_rata()");
    return;
  }
  d.a_name = FormulaLabel(d.a, rb.quantities);
  d.b_name = FormulaLabel(d.b, rb.quantities);
  item->derivation = d;
}

void LoadChecklist(Context& ctx, const toml::table& t, const std::string& where, const Rulebook& rb,
                   const std::vector<Band>& default_bands, Component* c) {
  if (GetString(ctx, t, "jawaban", true, where, &c->answers_key)) {
    // "umum" (the manajemen block) or "kkpkk.prinsip_keanggotaan" (daftar_periksa.kkpkk).
    const size_t dot = c->answers_key.find('.');
    if (dot != std::string::npos) {
      c->answers_set = c->answers_key.substr(0, dot);
      c->answers_key.erase(0, dot + 1);
    }
    if (!IsListName(c->answers_key) || (dot != std::string::npos && !IsListName(c->answers_set))) {
      ctx.Error(t.get("jawaban"),
                where + ".jawaban: tulis nama daftar seperti \"umum\" atau \"kkpkk.prinsip_keanggotaan\" (a-z, 0-9, _)",
                where + ".jawaban: write a list name like \"umum\" or \"kkpkk.prinsip_keanggotaan\" (a-z, 0-9, _)");
    }
  }
  if (rb.ScorePercent()) {
    // Checklists band the share of items met; their own table, or the rulebook's agregasi.nilai_daftar_periksa.
    if (t.get("poin_per_ya") != nullptr) {
      ctx.Error(t.get("poin_per_ya"), where + ".poin_per_ya tidak dipakai pada agregasi persentase_skor",
                where + ".poin_per_ya is not used with agregasi persentase_skor");
    }
    if (t.get("nilai") != nullptr) {
      LoadBands(ctx, t, "nilai", where, rb, &c->bands);
    } else if (default_bands.empty()) {
      ctx.Error(&t, where + ": tabel nilai wajib ada (di sini atau agregasi.nilai_daftar_periksa)",
                where + ": a band table is required (here or in agregasi.nilai_daftar_periksa)");
    } else {
      c->bands = default_bands;
    }
  } else {
    if (t.get("nilai") != nullptr) {
      ctx.Error(t.get("nilai"), where + ".nilai pada daftar periksa hanya untuk agregasi persentase_skor; pakai poin_per_ya",
                where + ".nilai on a checklist is only for agregasi persentase_skor; use poin_per_ya");
    }
    if (GetFixed(ctx, t, "poin_per_ya", true, where, 6, &c->points_per_yes_e6) && c->points_per_yes_e6 < 0) {
      ctx.Error(t.get("poin_per_ya"), where + ".poin_per_ya tidak boleh negatif", where + ".poin_per_ya must not be negative");
    }
  }
  const toml::node* n = t.get("butir");
  const toml::array* arr = n != nullptr ? n->as_array() : nullptr;
  if (arr == nullptr || arr->empty()) {
    ctx.Error(n != nullptr ? n : &t, where + ".butir: daftar butir pertanyaan wajib ada",
              where + ".butir: the list of checklist items is required");
    return;
  }
  if (arr->size() > kMaxChecklistItems) {
    ctx.Error(arr, where + ": lebih dari 100 butir", where + ": more than 100 items");
    return;
  }
  for (const toml::node& item_node : *arr) {
    const toml::table* it = item_node.as_table();
    const std::string iw = where + ".butir[" + std::to_string(c->items.size() + 1) + "]";
    if (it == nullptr) {
      ctx.Error(&item_node, iw + " harus berupa tabel { teks = ..., teks_en = ... }",
                iw + " must be a table { teks = ..., teks_en = ... }");
      continue;
    }
    CheckKeys(ctx, *it, {"teks", "teks_en", "dari_buku"}, iw);
    ChecklistItem item;
    item.text = GetLabel(ctx, *it, "teks", "teks_en", true, iw);
    if (const toml::node* dn = it->get("dari_buku")) {
      if (const toml::table* dt = dn->as_table()) {
        LoadDerivation(ctx, *dt, iw + ".dari_buku", rb, &item);
      } else {
        ctx.Error(dn, iw + ".dari_buku harus berupa tabel", iw + ".dari_buku must be a table");
      }
    }
    c->items.push_back(std::move(item));
  }
  const int64_t max_e6 = c->points_per_yes_e6 * int64_t(c->items.size());
  if (!rb.ScorePercent() && max_e6 != c->bobot_e2 * 10000) {
    ctx.Error(&t,
              where + ": " + std::to_string(c->items.size()) + " butir × poin_per_ya = " + FormatPlain(max_e6, 6, 0) +
                  ", tidak sama dengan bobot " + FormatPlain(c->bobot_e2, 2, 0),
              where + ": " + std::to_string(c->items.size()) + " items × poin_per_ya = " + FormatPlain(max_e6, 6, 0) +
                  ", not equal to bobot " + FormatPlain(c->bobot_e2, 2, 0));
  }
}

void LoadRatio(Context& ctx, const toml::table& t, const std::string& where, const Rulebook& rb, Component* c) {
  if (GetFormula(ctx, t, "pembilang", where, rb.quantities, &c->numerator, /*allow_previous=*/true)) {
    c->numerator_name = FormulaLabel(c->numerator, rb.quantities);
  }
  if (GetFormula(ctx, t, "penyebut", where, rb.quantities, &c->denominator, /*allow_previous=*/true)) {
    c->denominator_name = FormulaLabel(c->denominator, rb.quantities);
  }
  const bool has_bands = t.get("nilai") != nullptr;
  const bool has_linear = t.get("linear") != nullptr;
  if (c->informational) {
    // Shown with its value and formula, never scored: no table, no weight.
    if (has_bands || has_linear || t.get("penyebut_nol") != nullptr || t.get("bobot") != nullptr) {
      ctx.Error(&t, where + ": komponen informasi tidak punya nilai, linear, penyebut_nol atau bobot",
                where + ": an informational component has no nilai, linear, penyebut_nol or bobot");
    }
    return;
  }
  if (has_linear && rb.ScorePercent()) {
    ctx.Error(t.get("linear"), where + ".linear tidak dipakai pada agregasi persentase_skor; pakai tabel nilai",
              where + ".linear is not used with agregasi persentase_skor; use a band table");
  } else if (has_bands == has_linear) {
    ctx.Error(&t, where + ": tulis tepat satu dari 'nilai' (tabel rentang) atau 'linear'",
              where + ": give exactly one of 'nilai' (band table) or 'linear'");
  } else if (has_bands) {
    LoadBands(ctx, t, "nilai", where, rb, &c->bands);
  } else if (const toml::table* lt = t.get("linear")->as_table()) {
    c->linear = true;
    const std::string lw = where + ".linear";
    CheckKeys(ctx, *lt, {"konstanta", "kemiringan", "minimum", "maksimum"}, lw);
    GetFixed(ctx, *lt, "konstanta", true, lw, 2, &c->linear_rule.intercept_e2);
    GetFixed(ctx, *lt, "kemiringan", true, lw, 2, &c->linear_rule.slope_e2);
    GetFixed(ctx, *lt, "minimum", true, lw, 2, &c->linear_rule.min_e2);
    GetFixed(ctx, *lt, "maksimum", true, lw, 2, &c->linear_rule.max_e2);
    if (c->linear_rule.min_e2 < 0 || c->linear_rule.max_e2 > 10000 ||
        c->linear_rule.min_e2 > c->linear_rule.max_e2) {
      ctx.Error(lt, lw + ": harus 0 <= minimum <= maksimum <= 100", lw + ": needs 0 <= minimum <= maksimum <= 100");
    }
  } else {
    ctx.Error(t.get("linear"), where + ".linear harus berupa tabel", where + ".linear must be a table");
  }
  c->zero.kode = "penyebut_nol";
  if (rb.ScorePercent()) c->zero.nilai_e2 = int64_t(rb.skor_maks) * 100;  // the worst, unless the rulebook says why not
  if (const toml::node* zn = t.get("penyebut_nol")) {
    const toml::table* zt = zn->as_table();
    if (zt == nullptr) {
      ctx.Error(zn, where + ".penyebut_nol harus berupa tabel", where + ".penyebut_nol must be a table");
    } else {
      const std::string zw = where + ".penyebut_nol";
      CheckKeys(ctx, *zt, {"nilai", "kode", "pesan", "pesan_en"}, zw);
      if (GetFixed(ctx, *zt, "nilai", true, zw, 2, &c->zero.nilai_e2)) NilaiInRange(ctx, zt, zw + ".nilai", rb, c->zero.nilai_e2);
      GetString(ctx, *zt, "kode", true, zw, &c->zero.kode);
      c->zero.pesan = GetLabel(ctx, *zt, "pesan", "pesan_en", true, zw);
    }
  }
}

// agregasi.label_nilai = ["Baik", …] (and label_nilai_en): one word per nilai 1..skor_maks.
void LoadNilaiLabels(Context& ctx, const toml::table& t, Rulebook* rb) {
  const toml::node* id = t.get("label_nilai");
  const toml::node* en = t.get("label_nilai_en");
  if (id == nullptr && en == nullptr) return;
  auto strings = [&](const toml::node* n, const char* key, std::vector<std::string>* out) {
    const toml::array* a = n != nullptr ? n->as_array() : nullptr;
    bool ok = a != nullptr && a->size() == size_t(rb->skor_maks);
    if (ok) {
      for (const toml::node& e : *a) {
        if (const auto v = e.value<std::string>(); v && !v->empty()) {
          out->push_back(*v);
        } else {
          ok = false;
        }
      }
    }
    if (!ok) {
      ctx.Error(n != nullptr ? n : &t,
                std::string("agregasi.") + key + " harus daftar " + std::to_string(rb->skor_maks) +
                    " teks, satu untuk tiap nilai",
                std::string("agregasi.") + key + " must be a list of " + std::to_string(rb->skor_maks) +
                    " texts, one per nilai");
    }
    return ok;
  };
  std::vector<std::string> words_id, words_en;
  if (!strings(id, "label_nilai", &words_id) || (en != nullptr && !strings(en, "label_nilai_en", &words_en))) return;
  for (size_t i = 0; i < words_id.size(); ++i) {
    rb->nilai_labels.push_back(Label{words_id[i], i < words_en.size() ? words_en[i] : std::string()});
  }
}

// [agregasi]: how results add up (rulebook.h, Aggregation). Absent: the weighted sum. Returns the shared checklist
// band table (nilai_daftar_periksa) in *checklist_bands.
void LoadAggregation(Context& ctx, const toml::table& root, Rulebook* rb, std::vector<Band>* checklist_bands) {
  const toml::node* n = root.get("agregasi");
  if (n == nullptr) return;
  const toml::table* t = n->as_table();
  if (t == nullptr) {
    ctx.Error(n, "agregasi harus berupa tabel [agregasi]", "agregasi must be a table [agregasi]");
    return;
  }
  CheckKeys(ctx, *t, {"cara", "skor_maks", "desimal", "nilai_daftar_periksa", "pembulatan", "label_nilai",
                      "label_nilai_en"},
            "agregasi");
  std::string cara;
  if (!GetString(ctx, *t, "cara", true, "agregasi", &cara)) return;
  if (cara == "bobot") {
    for (const char* k : {"skor_maks", "desimal", "nilai_daftar_periksa", "pembulatan", "label_nilai", "label_nilai_en"}) {
      if (t->get(k) != nullptr) {
        ctx.Error(t->get(k), std::string("agregasi.") + k + " hanya untuk cara persentase_skor",
                  std::string("agregasi.") + k + " is only for cara persentase_skor");
      }
    }
    return;
  }
  if (cara != "persentase_skor") {
    ctx.Error(t->get("cara"), "agregasi.cara harus 'bobot' atau 'persentase_skor'",
              "agregasi.cara must be 'bobot' or 'persentase_skor'");
    return;
  }
  rb->aggregation = Aggregation::kScorePercent;
  int64_t skor_maks = 0, decimals = 2;
  if (GetFixed(ctx, *t, "skor_maks", true, "agregasi", 0, &skor_maks) && (skor_maks < 2 || skor_maks > 10)) {
    ctx.Error(t->get("skor_maks"), "agregasi.skor_maks harus bilangan bulat 2 sampai 10",
              "agregasi.skor_maks must be a whole number 2 to 10");
    skor_maks = 4;
  }
  if (GetFixed(ctx, *t, "desimal", false, "agregasi", 0, &decimals) && (decimals < 0 || decimals > 6)) {
    ctx.Error(t->get("desimal"), "agregasi.desimal harus 0 sampai 6", "agregasi.desimal must be 0 to 6");
    decimals = 2;
  }
  rb->skor_maks = int(skor_maks);
  rb->decimals = int(decimals);
  std::string rounding = "sebelum_predikat";
  GetString(ctx, *t, "pembulatan", false, "agregasi", &rounding);
  if (rounding != "sebelum_predikat" && rounding != "tampilan") {
    ctx.Error(t->get("pembulatan"), "agregasi.pembulatan harus 'sebelum_predikat' atau 'tampilan'",
              "agregasi.pembulatan must be 'sebelum_predikat' or 'tampilan'");
  }
  rb->round_for_display_only = rounding == "tampilan";
  LoadNilaiLabels(ctx, *t, rb);
  if (t->get("nilai_daftar_periksa") != nullptr) LoadBands(ctx, *t, "nilai_daftar_periksa", "agregasi", *rb, checklist_bands);
}

// masukan_wajib = ["kegiatan.setoran_simpanan_total", ...]: lines the method cannot do without.
void LoadRequiredLines(Context& ctx, const toml::table& root, Rulebook* rb) {
  const toml::node* n = root.get("masukan_wajib");
  if (n == nullptr) return;
  const toml::array* arr = n->as_array();
  if (arr == nullptr || arr->size() > size_t(kLineCount)) {
    ctx.Error(n, "masukan_wajib harus berupa daftar baris laporan", "masukan_wajib must be a list of laporan lines");
    return;
  }
  for (const toml::node& e : *arr) {
    const std::optional<std::string_view> path = e.value<std::string_view>();
    const int line = path.has_value() ? FindLine(*path) : -1;
    if (line < 0) {
      ctx.Error(&e, "masukan_wajib: " + std::string(path.value_or("?")) + " bukan baris laporan (mis. neraca.kas)",
                "masukan_wajib: " + std::string(path.value_or("?")) + " is not a laporan line (e.g. neraca.kas)");
      continue;
    }
    rb->required_lines.push_back(line);
  }
}

void LoadSubAspects(Context& ctx, const toml::table& root, IdSet* ids, Rulebook* rb) {
  const toml::node* n = root.get("sub_aspek");
  if (n == nullptr) return;
  if (!rb->ScorePercent()) {
    ctx.Error(n, "sub_aspek hanya untuk agregasi persentase_skor", "sub_aspek is only for agregasi persentase_skor");
    return;
  }
  const toml::array* arr = GetTableArray(ctx, root, "sub_aspek");
  if (arr == nullptr) return;
  for (const toml::node& e : *arr) {
    const toml::table& t = *e.as_table();
    SubAspect sa;
    GetString(ctx, t, "id", true, "sub_aspek", &sa.id);
    const std::string where = "sub_aspek." + sa.id;
    CheckKeys(ctx, t, {"id", "aspek", "nama", "nama_en"}, where);
    ids->Check(ctx, t, sa.id, where);
    CheckPoolId(ctx, t, sa.id, where);
    sa.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
    sa.aspect_index = GetAspect(ctx, t, where, rb->aspects, &sa.aspect);
    rb->sub_aspects.push_back(std::move(sa));
  }
}

// sub_aspek = "ID" on a component: required when the rulebook declares sub-aspects, and inside its own aspect.
void LoadComponentSubAspect(Context& ctx, const toml::table& t, const std::string& where, const Rulebook& rb,
                            Component* c) {
  if (!GetString(ctx, t, "sub_aspek", !rb.sub_aspects.empty(), where, &c->sub_aspect)) return;
  for (size_t i = 0; i < rb.sub_aspects.size(); ++i) {
    if (rb.sub_aspects[i].id != c->sub_aspect) continue;
    c->sub_aspect_index = int(i);
    if (rb.sub_aspects[i].aspect != c->aspect) {
      ctx.Error(t.get("sub_aspek"), where + ": sub_aspek " + c->sub_aspect + " milik aspek " + rb.sub_aspects[i].aspect,
                where + ": sub_aspek " + c->sub_aspect + " belongs to aspect " + rb.sub_aspects[i].aspect);
    }
    return;
  }
  std::vector<std::string_view> known;
  for (const SubAspect& sa : rb.sub_aspects) known.push_back(sa.id);
  const std::string best = NearestKey(c->sub_aspect, known);
  ctx.Error(t.get("sub_aspek"), where + ": sub_aspek '" + c->sub_aspect + "' tidak ada" + DidYouMean(best, Lang::kId),
            where + ": no sub_aspek '" + c->sub_aspect + "'" + DidYouMean(best, Lang::kEn));
}

void LoadAspects(Context& ctx, const toml::table& root, IdSet* ids, Rulebook* rb) {
  if (const toml::array* arr = GetTableArray(ctx, root, "aspek")) {
    for (const toml::node& n : *arr) {
      const toml::table& t = *n.as_table();
      Aspect a;
      GetString(ctx, t, "id", true, "aspek", &a.id);
      const std::string where = "aspek." + a.id;
      CheckKeys(ctx, t, {"id", "nama", "nama_en", "bobot"}, where);
      ids->Check(ctx, t, a.id, where);
      CheckPoolId(ctx, t, a.id, where);
      a.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
      if (GetFixed(ctx, t, "bobot", true, where, 2, &a.bobot_e2) && a.bobot_e2 < 0) {
        ctx.Error(t.get("bobot"), where + ".bobot tidak boleh negatif", where + ".bobot must not be negative");
      }
      rb->aspects.push_back(std::move(a));
    }
  }
}

// komponen.kuk = [3, 4]: the business classes the component applies to.
void LoadComponentKuk(Context& ctx, const toml::table& t, const std::string& where, Component* c) {
  const toml::node* n = t.get("kuk");
  if (n == nullptr) return;
  const toml::array* a = n->as_array();
  bool ok = a != nullptr && !a->empty();
  if (ok) {
    for (const toml::node& e : *a) {
      const auto k = e.value<int64_t>();
      if (!k || *k < 1 || *k > 4 || !e.is_integer()) {
        ok = false;
        break;
      }
      c->kuk_mask = uint8_t(c->kuk_mask | (1u << (*k - 1)));
    }
  }
  if (!ok || c->kuk_mask == 0xF) {
    ctx.Error(n, where + ".kuk harus daftar kelas KUK 1–4 yang tidak memuat semuanya, mis. [3, 4]",
              where + ".kuk must be a list of KUK classes 1–4 that leaves some out, e.g. [3, 4]");
    c->kuk_mask = 0;
  }
}

// [kuk]: the classes and how one is suggested (rulebook.h, KukRule).
void LoadKuk(Context& ctx, const toml::table& root, Rulebook* rb) {
  const toml::node* n = root.get("kuk");
  if (n == nullptr) return;
  const toml::table* t = n->as_table();
  if (t == nullptr) {
    ctx.Error(n, "kuk harus berupa tabel [kuk]", "kuk must be a table [kuk]");
    return;
  }
  CheckKeys(ctx, *t, {"baris_anggota", "besaran_modal_sendiri", "besaran_aset", "sumber", "catatan", "catatan_en",
                      "kelas"},
            "kuk");
  KukRule k;
  GetString(ctx, *t, "sumber", true, "kuk", &k.source);
  k.note = GetLabel(ctx, *t, "catatan", "catatan_en", false, "kuk");
  if (const toml::array* lines = t->get_as<toml::array>("baris_anggota")) {
    for (const toml::node& e : *lines) {
      const auto path = e.value<std::string>();
      const int line = path ? FindLine(*path) : -1;
      if (line < 0 || !IsCountLine(line)) {
        ctx.Error(&e, "kuk.baris_anggota: " + path.value_or("?") + " bukan baris jumlah anggota",
                  "kuk.baris_anggota: " + path.value_or("?") + " is not a member-count line");
      } else {
        k.member_lines.push_back(line);
      }
    }
  }
  auto quantity = [&](const char* key, int* out) {
    std::string id;
    if (!GetString(ctx, *t, key, true, "kuk", &id)) return;
    for (size_t i = 0; i < rb->quantities.size(); ++i) {
      if (rb->quantities[i].id == id) *out = int(i);
    }
    if (*out < 0) {
      ctx.Error(t->get(key), std::string("kuk.") + key + ": besaran " + id + " tidak ada",
                std::string("kuk.") + key + ": there is no quantity " + id);
    }
  };
  quantity("besaran_modal_sendiri", &k.equity_quantity);
  quantity("besaran_aset", &k.assets_quantity);
  const toml::array* classes = t->get_as<toml::array>("kelas");
  if (classes == nullptr) {
    ctx.Error(n, "kuk.kelas wajib ada", "kuk.kelas is required");
    return;
  }
  for (const toml::node& e : *classes) {
    const toml::table* c = e.as_table();
    if (c == nullptr) {
      ctx.Error(&e, "kuk.kelas harus daftar tabel", "kuk.kelas must be a list of tables");
      continue;
    }
    CheckKeys(ctx, *c, {"kuk", "anggota", "modal_sendiri", "aset"}, "kuk.kelas");
    KukRule::Class cls;
    int64_t kuk = 0;
    if (GetFixed(ctx, *c, "kuk", true, "kuk.kelas", 0, &kuk) && (kuk < 2 || kuk > 4)) {
      ctx.Error(c->get("kuk"), "kuk.kelas.kuk harus 2, 3 atau 4", "kuk.kelas.kuk must be 2, 3 or 4");
    }
    cls.kuk = int(kuk);
    const std::pair<const char*, std::optional<Interval>*> criteria[] = {
        {"anggota", &cls.members}, {"modal_sendiri", &cls.equity}, {"aset", &cls.assets}};
    for (const auto& [key, target] : criteria) {
      std::string text;
      if (!GetString(ctx, *c, key, false, "kuk.kelas", &text)) continue;
      Interval iv;
      if (!ParseInterval(text, &iv)) {
        ctx.Error(c->get(key), std::string("kuk.kelas.") + key + ": '" + text + "' bukan selang, mis. \"[5000, +inf)\"",
                  std::string("kuk.kelas.") + key + ": '" + text + "' is not an interval, e.g. \"[5000, +inf)\"");
        continue;
      }
      *target = iv;
    }
    k.classes.push_back(std::move(cls));
  }
  rb->kuk = std::move(k);
}

// One [[komponen]]: what every component has, then the ratio or checklist that measures it.
Component LoadComponent(Context& ctx, const toml::table& t, const Rulebook& rb, const std::vector<Band>& checklist_bands,
                        IdSet* ids) {
  Component c;
  GetString(ctx, t, "id", true, "komponen", &c.id);
  const std::string where = "komponen." + c.id;
  CheckKeys(ctx, t, {"id", "aspek", "sub_aspek", "nama", "nama_en", "jenis", "bobot", "informasi", "sumber",
                     "keyakinan", "catatan", "pembilang", "penyebut", "nilai", "linear", "penyebut_nol", "jawaban",
                     "poin_per_ya", "butir", "penyebut_mutlak", "kuk"},
            where);
  LoadComponentKuk(ctx, t, where, &c);
  if (const toml::node* m = t.get("penyebut_mutlak")) {
    if (!m->is_boolean()) {
      ctx.Error(m, where + ".penyebut_mutlak harus true atau false", where + ".penyebut_mutlak must be true or false");
    } else {
      c.absolute_denominator = m->as_boolean()->get();
    }
  }
  ids->Check(ctx, t, c.id, where);
  c.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
  if (const toml::node* info = t.get("informasi")) {
    if (!info->is_boolean()) {
      ctx.Error(info, where + ".informasi harus true atau false", where + ".informasi must be true or false");
    } else {
      c.informational = info->as_boolean()->get();
    }
  }
  if (rb.ScorePercent()) {
    // Components carry no weight of their own: the aspect's percentage pools them (rulebook.h, Aggregation).
    if (t.get("bobot") != nullptr) {
      ctx.Error(t.get("bobot"), where + ".bobot tidak dipakai pada agregasi persentase_skor (bobot ada di aspek)",
                where + ".bobot is not used with agregasi persentase_skor (weights are on the aspects)");
    }
  } else if (!c.informational && GetFixed(ctx, t, "bobot", true, where, 2, &c.bobot_e2) && c.bobot_e2 < 0) {
    ctx.Error(t.get("bobot"), where + ".bobot tidak boleh negatif", where + ".bobot must not be negative");
  }
  GetString(ctx, t, "sumber", true, where, &c.source);
  GetString(ctx, t, "catatan", false, where, &c.note);
  GetConfidence(ctx, t, where, &c.confidence);
  c.aspect_index = GetAspect(ctx, t, where, rb.aspects, &c.aspect);
  LoadComponentSubAspect(ctx, t, where, rb, &c);
  std::string kind = "rasio";
  GetString(ctx, t, "jenis", false, where, &kind);
  if (kind == "rasio") {
    c.kind = ComponentKind::kRatio;
    LoadRatio(ctx, t, where, rb, &c);
  } else if (kind == "daftar_periksa") {
    c.kind = ComponentKind::kChecklist;
    if (c.informational) {
      ctx.Error(t.get("informasi"), where + ".informasi hanya untuk komponen rasio",
                where + ".informasi is only for ratio components");
    }
    LoadChecklist(ctx, t, where, rb, checklist_bands, &c);
  } else {
    ctx.Error(t.get("jenis"), where + ".jenis harus 'rasio' atau 'daftar_periksa'",
              where + ".jenis must be 'rasio' or 'daftar_periksa'");
  }
  return c;
}

void LoadComponents(Context& ctx, const toml::table& root, const std::vector<Band>& checklist_bands, IdSet* ids,
                    Rulebook* rb) {
  const toml::array* arr = GetTableArray(ctx, root, "komponen");
  if (arr == nullptr) return;
  for (const toml::node& n : *arr) rb->components.push_back(LoadComponent(ctx, *n.as_table(), *rb, checklist_bands, ids));
}

// [[predikat]] from the highest minimum score down; the last, without a minimum, takes every lower score.
void LoadPredikat(Context& ctx, const toml::table& root, Rulebook* rb) {
  if (const toml::array* arr = GetTableArray(ctx, root, "predikat")) {
    for (const toml::node& n : *arr) {
      const toml::table& t = *n.as_table();
      PredikatRule p;
      GetString(ctx, t, "label", true, "predikat", &p.label);
      const std::string where = "predikat." + p.label;
      CheckKeys(ctx, t, {"minimal", "label", "nama", "nama_en"}, where);
      p.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
      p.has_min = GetFixed(ctx, t, "minimal", false, where, 6, &p.min_e6);
      if (!rb->predikat.empty() && (!rb->predikat.back().has_min || (p.has_min && p.min_e6 >= rb->predikat.back().min_e6))) {
        ctx.Error(&t, where + ": predikat harus berurutan dari skor minimal tertinggi ke terendah; yang terakhir tanpa 'minimal'",
                  where + ": predikat must go from the highest minimum down; only the last has no 'minimal'");
      }
      rb->predikat.push_back(std::move(p));
    }
    if (!rb->predikat.empty() && rb->predikat.back().has_min) {
      ctx.Error(arr, "predikat terakhir tidak boleh punya 'minimal' (ia menampung semua skor di bawahnya)",
                "the last predikat must have no 'minimal' (it takes every lower score)");
    }
  }
}

void LoadBody(Context& ctx, const toml::table& root, Rulebook* rb) {
  CheckKeys(ctx, root, {"format", "id", "versi", "nama", "nama_en", "sumber", "catatan", "berlaku", "agregasi",
                        "masukan_wajib", "besaran", "aspek", "sub_aspek", "komponen", "predikat", "kuk",
                        "jenis_tercakup"},
            "rulebook");
  if (const toml::node* n = root.get("jenis_tercakup")) {
    const toml::array* a = n->as_array();
    bool ok = a != nullptr && !a->empty();
    for (size_t i = 0; ok && i < a->size(); ++i) {
      const auto v = (*a)[i].value<std::string>();
      ok = v && (*v == "KSP" || *v == "USP" || *v == "KSPPS" || *v == "USPPS");
      if (ok) rb->covered_kinds.push_back(*v);
    }
    if (!ok) {
      ctx.Error(n, "jenis_tercakup harus daftar dari KSP, USP, KSPPS, USPPS",
                "jenis_tercakup must be a list of KSP, USP, KSPPS, USPPS");
    }
  }
  LoadHeader(ctx, root, /*goal_method=*/false, rb);
  std::vector<Band> checklist_bands;
  LoadAggregation(ctx, root, rb, &checklist_bands);
  LoadRequiredLines(ctx, root, rb);
  IdSet ids;
  LoadQuantities(ctx, root, &ids, &rb->quantities);
  LoadKuk(ctx, root, rb);
  LoadAspects(ctx, root, &ids, rb);
  LoadSubAspects(ctx, root, &ids, rb);
  LoadComponents(ctx, root, checklist_bands, &ids, rb);
  LoadPredikat(ctx, root, rb);
}

// persentase_skor: every aspect and sub-aspect pools at least one scored component (else its percentage would
// divide by zero).
void CheckPools(Context& ctx, const toml::table& root, const Rulebook& rb) {
  std::vector<int> per_aspect(rb.aspects.size()), per_sub(rb.sub_aspects.size());
  for (const Component& c : rb.components) {
    if (c.informational) continue;
    ++per_aspect[size_t(c.aspect_index)];
    if (c.sub_aspect_index >= 0) ++per_sub[size_t(c.sub_aspect_index)];
  }
  for (size_t i = 0; i < rb.aspects.size(); ++i) {
    if (per_aspect[i] == 0) {
      ctx.Error(root.get("aspek"), "aspek " + rb.aspects[i].id + " tidak punya komponen yang dinilai",
                "aspect " + rb.aspects[i].id + " has no scored component");
    }
  }
  for (size_t i = 0; i < rb.sub_aspects.size(); ++i) {
    if (per_sub[i] == 0) {
      ctx.Error(root.get("sub_aspek"), "sub_aspek " + rb.sub_aspects[i].id + " tidak punya komponen yang dinilai",
                "sub_aspek " + rb.sub_aspects[i].id + " has no scored component");
    }
  }
}

void CheckWeights(Context& ctx, const toml::table& root, const Rulebook& rb) {
  if (rb.ScorePercent()) CheckPools(ctx, root, rb);
  int64_t total_e2 = 0;
  for (size_t i = 0; i < rb.aspects.size(); ++i) {
    const Aspect& a = rb.aspects[i];
    total_e2 += a.bobot_e2;
    if (rb.ScorePercent()) continue;
    int64_t sum_e2 = 0;
    for (const Component& c : rb.components) {
      if (c.aspect_index == int(i)) sum_e2 += c.bobot_e2;
    }
    if (sum_e2 != a.bobot_e2) {
      ctx.Error(root.get("aspek"),
                "aspek " + a.id + ": jumlah bobot komponennya " + FormatPlain(sum_e2, 2, 0) + ", bukan " +
                    FormatPlain(a.bobot_e2, 2, 0),
                "aspect " + a.id + ": its components' weights add up to " + FormatPlain(sum_e2, 2, 0) + ", not " +
                    FormatPlain(a.bobot_e2, 2, 0));
    }
  }
  if (total_e2 != 10000) {
    ctx.Error(root.get("aspek"), "jumlah bobot semua aspek " + FormatPlain(total_e2, 2, 0) + ", harus 100",
              "the aspects' weights add up to " + FormatPlain(total_e2, 2, 0) + ", must be 100");
  }
}

// The answer sets and their keys, once; views into the components, which the rulebook owns and never moves again.
void DeriveAnswerSets(Rulebook* rb) {
  for (const Component& c : rb->components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    auto it = std::find_if(rb->answer_sets.begin(), rb->answer_sets.end(),
                           [&](const AnswerSet& s) { return s.set == c.answers_set; });
    if (it == rb->answer_sets.end()) {
      AnswerSet s;
      s.set = c.answers_set;
      s.block_path = c.answers_set.empty() ? std::string("manajemen") : "daftar_periksa." + c.answers_set;
      rb->answer_sets.push_back(std::move(s));
      it = rb->answer_sets.end() - 1;
    }
    it->keys.push_back(c.answers_key);
  }
}

// What a loaded rulebook derives from itself: the lines its formulas read, and one variant per business class when
// some component applies to some classes only (Rulebook::ForKuk).
void FinishLoad(Context& ctx, const toml::table& root, Rulebook* rb) {
  auto note = [&](const LinearForm& f) {
    for (const LinearForm::Term& t : f.terms) {
      if (t.line < kLineCount) rb->reads_lines.set(size_t(t.line));
    }
  };
  for (const Quantity& q : rb->quantities) note(q.form);
  for (const Component& c : rb->components) {
    note(c.numerator);
    note(c.denominator);
  }
  const bool restricted = std::any_of(rb->components.begin(), rb->components.end(),
                                      [](const Component& c) { return c.kuk_mask != 0; });
  if (restricted != rb->kuk.has_value()) {
    ctx.Error(root.get("kuk") != nullptr ? root.get("kuk") : &root,
              "[kuk] dan komponen dengan 'kuk' harus ada bersama", "[kuk] and components with 'kuk' go together");
    return;
  }
  if (!restricted) return;
  for (int k = 1; k <= 4; ++k) {
    auto v = std::make_shared<Rulebook>(*rb);
    std::erase_if(v->components, [k](const Component& c) { return c.kuk_mask != 0 && !(c.kuk_mask & (1u << (k - 1))); });
    v->answer_sets.clear();
    DeriveAnswerSets(v.get());
    rb->kuk_variants[size_t(k - 1)] = std::move(v);
  }
  for (const auto& v : rb->kuk_variants) CheckWeights(ctx, root, *v);  // each still pools something per aspect
}

}  // namespace

std::unique_ptr<Rulebook> LoadRulebook(std::string_view toml_text, const std::string& origin, Problems* problems) {
  const size_t before = problems->size();
  Context ctx(toml_text, origin, problems);
  toml::table root;
  if (!ParseRulebookToml(ctx, toml_text, origin, &root)) return nullptr;
  auto rb = std::make_unique<Rulebook>();
  rb->origin = origin;
  try {
    LoadBody(ctx, root, rb.get());
    if (problems->size() == before) CheckWeights(ctx, root, *rb);
    DeriveAnswerSets(rb.get());
    for (const Quantity& q : rb->quantities) rb->uses_previous = rb->uses_previous || q.form.uses_previous;
    for (const Component& c : rb->components) {
      rb->uses_previous = rb->uses_previous || c.numerator.uses_previous || c.denominator.uses_previous;
    }
    FinishLoad(ctx, root, rb.get());
  } catch (const OverflowError&) {
    problems->Add(origin, "rulebook_tidak_sah", "angka terlalu besar", "number too large");
  }
  if (problems->size() != before) return nullptr;
  return rb;
}

std::unique_ptr<Rulebook> LoadRulebookFile(const std::string& path, Problems* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems->Add(path, "berkas_tidak_terbaca", "berkas rulebook tidak dapat dibuka", "cannot open the rulebook file");
    return nullptr;
  }
  std::string text(kMaxRulebookBytes + 1, '\0');
  in.read(text.data(), std::streamsize(text.size()));
  text.resize(size_t(in.gcount()));
  return LoadRulebook(text, path, problems);
}

const Component* Rulebook::FindComponent(std::string_view wanted) const {
  for (const Component& c : components) {
    if (c.id == wanted) return &c;
  }
  return nullptr;
}

bool Interval::Contains(const Fraction& x) const {
  if (has_lo) {
    const int c = Compare(x, lo);
    if (c < 0 || (c == 0 && !lo_inclusive)) return false;
  }
  if (has_hi) {
    const int c = Compare(x, hi);
    if (c > 0 || (c == 0 && !hi_inclusive)) return false;
  }
  return true;
}

namespace {

// An embedded rulebook's origin is "bawaan" (reports then print no Rulebook line), its KUK variants' too.
void MarkEmbedded(Rulebook* rb) {
  rb->origin = "bawaan";
  for (std::shared_ptr<const Rulebook>& v : rb->kuk_variants) {
    if (v == nullptr) continue;
    auto copy = std::make_shared<Rulebook>(*v);
    copy->origin = "bawaan";
    v = std::move(copy);
  }
}

}  // namespace

const Rulebook* EmbeddedRulebookById(std::string_view id, Problems* problems) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Rulebook>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(id);
  if (it != cache.end()) return it->second.get();
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (e.id != id || IsGoalRulebookText(e.text)) continue;  // goal methods: EmbeddedGoalRulebookById
    std::unique_ptr<Rulebook> rb = LoadRulebook(e.text, std::string("bawaan:") + e.file, problems);
    if (rb == nullptr) return nullptr;
    MarkEmbedded(rb.get());
    const Rulebook* raw = rb.get();
    cache.emplace(std::string(id), std::move(rb));
    return raw;
  }
  return nullptr;
}

const Rulebook* EmbeddedRulebookVersion(std::string_view id, std::string_view version, Problems* problems) {
  const Rulebook* current = EmbeddedRulebookById(id, problems);
  if (current != nullptr && current->version == version) return current;
  static std::mutex mu;
  static std::vector<std::unique_ptr<Rulebook>> earlier;  // every kept version, loaded on first use
  static bool loaded = false;
  std::lock_guard<std::mutex> lock(mu);
  if (!loaded) {
    loaded = true;
    for (const EmbeddedRulebook& e : EmbeddedEarlierRulebooks()) {
      Problems ignored;  // a kept version that no longer loads is a build error caught by loader_test
      std::unique_ptr<Rulebook> rb = LoadRulebook(e.text, std::string("bawaan:lama/") + e.file, &ignored);
      if (rb == nullptr) continue;
      MarkEmbedded(rb.get());
      earlier.push_back(std::move(rb));
    }
  }
  for (const auto& rb : earlier) {
    if (rb->id == id && rb->version == version) return rb.get();
  }
  return nullptr;
}

std::string DefaultMetodeFor(std::string_view periode_akhir, std::string_view jenis) {
  // ISO dates compare as text.
  if (periode_akhir.empty() || periode_akhir >= "2021-01-01") return MetodeInForce();
  return Metode2016For(jenis);
}

std::string Metode2016For(std::string_view jenis) {
  return jenis == "KSPPS" || jenis == "USPPS" ? "ksppps-2016" : "ksp-2016";
}

}  // namespace kopsehat
