#include "rules/toml_support.h"

#include <algorithm>

#include "core/date.h"
#include "core/suggest.h"
#include "rules/formula.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"

namespace kopsehat::rules_internal {

namespace {

// 'key', built by appending: GCC 12 at -O3 reports a false -Wrestrict on "'" + std::string(...).
std::string Quoted(std::string_view key) {
  std::string q = "'";
  q.append(key).append("'");
  return q;
}

}  // namespace

void CheckKeys(Context& ctx, const toml::table& table, std::initializer_list<const char*> allowed,
               const std::string& where) {
  for (const auto& [key, node] : table) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || key.str() == a;
    if (ok) continue;
    const std::string best = NearestKey(key.str(), std::vector<std::string_view>(allowed.begin(), allowed.end()));
    ctx.Error(key.source(), "kunci tidak dikenal '" + std::string(key.str()) + "' di " + where + DidYouMean(best, Lang::kId),
              "unknown key '" + std::string(key.str()) + "' in " + where + DidYouMean(best, Lang::kEn));
  }
}

bool GetString(Context& ctx, const toml::table& t, const char* key, bool required, const std::string& where,
               std::string* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) {
    if (required) {
      ctx.Error(&t, "kunci '" + std::string(key) + "' wajib ada di " + where,
                "key '" + std::string(key) + "' is required in " + where);
    }
    return false;
  }
  if (!n->is_string()) {
    ctx.Error(n, Quoted(key) + " di " + where + " harus berupa teks", Quoted(key) + " in " + where + " must be a string");
    return false;
  }
  *out = n->as_string()->get();
  return true;
}

// An exact decimal from an integer, a float (read from its source text) or a string.
bool GetDecimalNode(Context& ctx, const toml::node* n, const std::string& what, Decimal* out) {
  std::string text;
  if (n->is_integer()) {
    text = std::to_string(n->as_integer()->get());
  } else if (n->is_floating_point()) {
    text = ctx.RawNumber(*n);
  } else if (n->is_string()) {
    text = n->as_string()->get();
  } else {
    ctx.Error(n, what + " harus berupa angka", what + " must be a number");
    return false;
  }
  if (ParseDecimal(text, out) != DecimalError::kNone) {
    ctx.Error(n, what + ": '" + text + "' bukan angka desimal biasa (mis. 12.5)",
              what + ": '" + text + "' is not a plain decimal number (e.g. 12.5)");
    return false;
  }
  return true;
}

bool GetDecimal(Context& ctx, const toml::table& t, const char* key, bool required, const std::string& where,
                Decimal* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) {
    if (required) {
      ctx.Error(&t, "kunci '" + std::string(key) + "' wajib ada di " + where,
                "key '" + std::string(key) + "' is required in " + where);
    }
    return false;
  }
  return GetDecimalNode(ctx, n, where + "." + key, out);
}

// A decimal at a fixed number of decimals (nilai and bobot: 2; points and thresholds: 6).
bool GetFixed(Context& ctx, const toml::table& t, const char* key, bool required, const std::string& where,
              int scale, int64_t* out) {
  Decimal d;
  if (!GetDecimal(ctx, t, key, required, where, &d)) return false;
  i128 units = 0;
  if (!Rescale(d, scale, &units) || units > i128(1) << 50 || units < -(i128(1) << 50)) {
    ctx.Error(t.get(key), where + "." + key + ": paling banyak " + std::to_string(scale) + " desimal dan wajar besarnya",
              where + "." + key + ": at most " + std::to_string(scale) + " decimals and of sensible size");
    return false;
  }
  *out = int64_t(units);
  return true;
}

bool GetFormula(Context& ctx, const toml::table& t, const char* key, const std::string& where,
                const std::vector<Quantity>& quantities, LinearForm* out, bool allow_previous) {
  std::string text;
  if (!GetString(ctx, t, key, true, where, &text)) return false;
  if (const Status parsed = ParseFormula(text, quantities, out, allow_previous); !parsed.ok()) {
    ctx.Error(t.get(key), where + "." + key + ": " + parsed.pesan(), where + "." + key + ": " + parsed.message());
    return false;
  }
  return true;
}

Label GetLabel(Context& ctx, const toml::table& t, const char* key_id, const char* key_en, bool required,
               const std::string& where) {
  Label l;
  GetString(ctx, t, key_id, required, where, &l.id);
  GetString(ctx, t, key_en, false, where, &l.en);
  return l;
}

const toml::array* GetTableArray(Context& ctx, const toml::table& root, const char* key) {
  const toml::node* n = root.get(key);
  if (n == nullptr) {
    ctx.Error(&root, "bagian [[" + std::string(key) + "]] wajib ada", "section [[" + std::string(key) + "]] is required");
    return nullptr;
  }
  const toml::array* arr = n->as_array();
  if (arr == nullptr || !arr->is_array_of_tables()) {
    ctx.Error(n, Quoted(key) + " harus berupa [[" + key + "]]", Quoted(key) + " must be [[" + key + "]]");
    return nullptr;
  }
  if (arr->size() > kMaxComponents) {
    ctx.Error(n, "terlalu banyak entri [[" + std::string(key) + "]]", "too many [[" + std::string(key) + "]] entries");
    return nullptr;
  }
  return arr;
}

bool ParseRulebookToml(Context& ctx, std::string_view text, const std::string& origin, toml::table* root) {
  if (text.size() > kMaxRulebookBytes) {
    ctx.problems()->Add(origin, "rulebook_tidak_sah", "berkas rulebook lebih dari 1 MiB", "rulebook file larger than 1 MiB");
    return false;
  }
  try {
    *root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    ctx.Error(e.source(), "TOML tidak sah: " + std::string(e.description()), "invalid TOML: " + std::string(e.description()));
    return false;
  }
  return true;
}

void IdSet::Check(Context& ctx, const toml::table& t, const std::string& id, const std::string& where) {
  if (!ids_.insert(id).second) {
    ctx.Error(&t, where + ": id '" + id + "' dipakai dua kali", where + ": id '" + id + "' is used twice");
  }
}

void LoadHeader(Context& ctx, const toml::table& root, bool goal_method, MethodHeader* out) {
  const char* expected = goal_method ? kGoalRulebookFormat : "kopsehat/rulebook-v1";
  std::string format;
  if (GetString(ctx, root, "format", true, "rulebook", &format) && format != expected) {
    if (goal_method) {
      ctx.Error(root.get("format"), "format '" + format + "' bukan " + expected, "format '" + format + "' is not " + expected);
    } else {
      ctx.Error(root.get("format"), "format '" + format + "' tidak dikenal; yang dikenal: " + expected,
                "unknown format '" + format + "'; known: " + expected);
    }
  }
  if (GetString(ctx, root, "id", true, "rulebook", &out->id)) {
    const std::string& id = out->id;
    const bool valid = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!valid) ctx.Error(root.get("id"), "id hanya boleh huruf kecil, angka, '-' dan '_'", "id may hold only a-z, 0-9, '-' and '_'");
  }
  GetString(ctx, root, "versi", true, "rulebook", &out->version);
  out->name = GetLabel(ctx, root, "nama", "nama_en", true, "rulebook");
  GetString(ctx, root, "sumber", true, "rulebook", &out->source);
  GetString(ctx, root, "catatan", false, "rulebook", &out->note);
  if (const toml::node* n = root.get("berlaku")) {
    const toml::table* t = n->as_table();
    if (t == nullptr) {
      ctx.Error(n, "berlaku harus berupa tabel { mulai = \"TTTT-BB-HH\", sampai = \"TTTT-BB-HH\" }",
                "berlaku must be a table { mulai = \"YYYY-MM-DD\", sampai = \"YYYY-MM-DD\" }");
      return;
    }
    CheckKeys(ctx, *t, {"mulai", "sampai", "pengganti"}, "berlaku");
    GetString(ctx, *t, "pengganti", false, "berlaku", &out->successor);
    for (const auto& [key, value] : {std::pair{"mulai", &out->valid_from}, std::pair{"sampai", &out->valid_to}}) {
      if (GetString(ctx, *t, key, false, "berlaku", value) && !IsIsoDate(*value)) {
        ctx.Error(t->get(key), std::string("berlaku.") + key + " harus tanggal TTTT-BB-HH, mis. 2021-01-01",
                  std::string("berlaku.") + key + " must be a date YYYY-MM-DD, e.g. 2021-01-01");
      }
    }
    if (out->valid_from.empty() && out->valid_to.empty()) {
      ctx.Error(n, "berlaku: isi mulai dan/atau sampai", "berlaku: give mulai and/or sampai");
    } else if (!out->valid_from.empty() && !out->valid_to.empty() && out->valid_to < out->valid_from) {
      ctx.Error(n, "berlaku: sampai sebelum mulai", "berlaku: sampai is before mulai");
    }
  }
  // "Metode ksp-2016 berlaku sejak … sampai …; periode " + periode + " di luar masa itu. …": built once here, so
  // an assessment outside the period (every 2016-method assessment of a recent year) only joins three strings.
  const std::string& id = out->id;
  const std::string& from = out->valid_from;
  const std::string& to = out->valid_to;
  const std::string range_id = (from.empty() ? "" : "sejak " + from) + (from.empty() || to.empty() ? "" : " ") +
                               (to.empty() ? "" : "sampai " + to);
  const std::string range_en = (from.empty() ? "" : "from " + from) + (from.empty() || to.empty() ? "" : " ") +
                               (to.empty() ? "" : "until " + to);
  out->validity_before = Label{"Metode " + id + " berlaku " + range_id + "; periode ",
                               "Method " + id + " applies " + range_en + "; the period "};
  out->validity_after = Label{" di luar masa itu. Hasil tetap dihitung, tetapi bukan cara pemeriksa menilai periode ini",
                              " lies outside it. The result is computed anyway, but it is not how an examiner assesses "
                              "this period"};
  if (!out->successor.empty()) {
    out->validity_after.id += " (pakai --metode " + out->successor + ")";
    out->validity_after.en += " (use --metode " + out->successor + ")";
  }
  out->validity_after.id += ".";
  out->validity_after.en += ".";
}

void LoadQuantities(Context& ctx, const toml::table& root, IdSet* ids, std::vector<Quantity>* out) {
  const toml::array* arr = GetTableArray(ctx, root, "besaran");
  if (arr == nullptr) return;
  for (const toml::node& n : *arr) {
    const toml::table& t = *n.as_table();
    Quantity q;
    GetString(ctx, t, "id", true, "besaran", &q.id);
    const std::string where = "besaran." + q.id;
    CheckKeys(ctx, t, {"id", "nama", "nama_en", "rumus", "catatan"}, where);
    ids->Check(ctx, t, q.id, where);
    if (FindLine(q.id) >= 0 || q.id == "lalu" || q.id == "rata_rata") {
      ctx.Error(&t, where + ": id sama dengan baris laporan atau nama fungsi",
                where + ": id equals a statement line or a function name");
    }
    q.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
    GetString(ctx, t, "catatan", false, where, &q.note);
    if (GetFormula(ctx, t, "rumus", where, *out, &q.form, /*allow_previous=*/true)) out->push_back(std::move(q));
  }
}

void GetConfidence(Context& ctx, const toml::table& t, const std::string& where, std::string* out) {
  if (GetString(ctx, t, "keyakinan", true, where, out) && *out != "tinggi" && *out != "sedang" && *out != "rendah") {
    ctx.Error(t.get("keyakinan"), where + ".keyakinan harus tinggi, sedang atau rendah",
              where + ".keyakinan must be tinggi, sedang or rendah");
  }
}

}  // namespace kopsehat::rules_internal
