// Loads goal rulebooks (format kopsehat/sasaran-v1); see rules/goal_rulebook.h and docs/rulebook.md.
#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>

#include "core/suggest.h"
#include "core/text.h"
#include "rules/formula.h"
#include "rules/goal_rulebook.h"
#include "rules/loader.h"
#include "rules/toml_support.h"

namespace kopsehat {

using namespace rules_internal;

namespace {

constexpr size_t kMaxConditions = 8;
constexpr size_t kMaxOperandTerms = 8;

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// A condition as written, before indicator ids are resolved (they may refer forward: S1 to S11).
struct RawCondition {
  GoalCondition condition;
  std::vector<std::pair<std::string, int>> indicator_ids;  // kCompare operand terms
  std::string target_id;                                   // kMet, kToward
  std::string reference_id;                                // kToward
  const toml::node* node = nullptr;
};

// The operand of a comparison: term (('+'|'-') term)*, a term a number, an indicator id or a rate name.
bool ParseOperand(std::string_view rest, RawCondition* out, std::string* error_id, std::string* error_en) {
  int sign = 1;
  bool expect_term = true;
  size_t terms = 0;
  GoalOperand& rhs = out->condition.rhs;
  bool has_constant = false;
  while (!rest.empty()) {
    if (!expect_term) {
      if (rest[0] != '+' && rest[0] != '-') break;
      sign = rest[0] == '-' ? -1 : 1;
      rest = Trim(rest.substr(1), kBlanks);
      expect_term = true;
      continue;
    }
    size_t n = 0;
    while (n < rest.size() && rest[n] != ' ' && rest[n] != '+' && (rest[n] != '-' || n == 0)) ++n;
    const std::string_view term = rest.substr(0, n);
    rest = Trim(rest.substr(n), kBlanks);
    expect_term = false;
    if (++terms > kMaxOperandTerms) {
      *error_id = "terlalu banyak suku";
      *error_en = "too many terms";
      return false;
    }
    Decimal d;
    if (!term.empty() && ((term[0] >= '0' && term[0] <= '9') || term[0] == '-')) {
      if (ParseDecimal(term, &d) != DecimalError::kNone || has_constant) {
        *error_id = "'" + std::string(term) + "' bukan angka biasa, atau angka tetap ditulis dua kali";
        *error_en = "'" + std::string(term) + "' is not a plain number, or a second constant";
        return false;
      }
      has_constant = true;
      rhs.constant = Decimal{sign * d.units, d.scale};
    } else if (term == "inflasi") {
      rhs.params.push_back({GoalParam::kInflasi, sign});
    } else if (term == "suku_bunga_pasar") {
      rhs.params.push_back({GoalParam::kSukuBungaPasar, sign});
    } else if (!term.empty()) {
      out->indicator_ids.push_back({std::string(term), sign});
    }
  }
  if (expect_term || !rest.empty() || terms == 0) {
    *error_id = "pembanding tidak lengkap atau tidak sah; tulis seperti '>= 100', '> inflasi + 10' atau '>= R1'";
    *error_en = "missing or invalid operand; write it like '>= 100', '> inflasi + 10' or '>= R1'";
    return false;
  }
  return true;
}

// Parses "op operand" | "terpenuhi ID" | "menuju ID relatif ID". Returns an error text (Indonesian, English) or
// empty strings on success.
bool ParseCondition(std::string_view text, RawCondition* out, std::string* error_id, std::string* error_en) {
  text = Trim(text, kBlanks);
  out->condition.text = std::string(text);
  const std::vector<std::string_view> words = Words(text);
  if (words.empty()) {
    *error_id = "syarat kosong";
    *error_en = "empty condition";
    return false;
  }
  if (words[0] == "terpenuhi") {
    if (words.size() != 2) {
      *error_id = "tulis 'terpenuhi ID', mis. 'terpenuhi P1'";
      *error_en = "write 'terpenuhi ID', e.g. 'terpenuhi P1'";
      return false;
    }
    out->condition.kind = GoalCondition::Kind::kMet;
    out->target_id = std::string(words[1]);
    return true;
  }
  if (words[0] == "menuju") {
    if (words.size() != 4 || words[2] != "relatif") {
      *error_id = "tulis 'menuju ID relatif ID', mis. 'menuju E1 relatif S11'";
      *error_en = "write 'menuju ID relatif ID', e.g. 'menuju E1 relatif S11'";
      return false;
    }
    out->condition.kind = GoalCondition::Kind::kToward;
    out->target_id = std::string(words[1]);
    out->reference_id = std::string(words[3]);
    return true;
  }
  static const std::pair<const char*, GoalOp> kOps[] = {
      {">=", GoalOp::kGe}, {"<=", GoalOp::kLe}, {">", GoalOp::kGt}, {"<", GoalOp::kLt}, {"=", GoalOp::kEq}};
  size_t op_len = 0;
  for (const auto& [sym, op] : kOps) {
    const std::string_view s(sym);
    if (text.substr(0, s.size()) == s) {
      out->condition.op = op;
      op_len = s.size();
      break;
    }
  }
  if (op_len == 0) {
    *error_id = "syarat harus diawali >=, >, <=, < atau =, atau berupa 'terpenuhi ID' / 'menuju ID relatif ID'";
    *error_en = "a condition starts with >=, >, <=, < or =, or is 'terpenuhi ID' / 'menuju ID relatif ID'";
    return false;
  }
  out->condition.kind = GoalCondition::Kind::kCompare;
  return ParseOperand(Trim(text.substr(op_len), kBlanks), out, error_id, error_en);
}

void LoadGoal(Context& ctx, const toml::table& t, const std::string& where, Indicator* ind,
              std::vector<RawCondition>* raw) {
  const toml::node* n = t.get("sasaran");
  ind->goal.text = GetLabel(ctx, t, "sasaran_teks", "sasaran_teks_en", true, where);
  if (n == nullptr) {
    ind->goal.kind = Goal::Kind::kNone;
    return;
  }
  if (n->is_string()) {
    if (n->as_string()->get() != "minimalkan") {
      ctx.Error(n, where + ".sasaran: teks yang dikenal hanya \"minimalkan\"; syarat ditulis sebagai daftar [\">= 100\"]",
                where + ".sasaran: the only word known is \"minimalkan\"; conditions are a list [\">= 100\"]");
    }
    ind->goal.kind = Goal::Kind::kMinimise;
    return;
  }
  const toml::array* arr = n->as_array();
  if (arr == nullptr || arr->empty() || arr->size() > kMaxConditions) {
    ctx.Error(n, where + ".sasaran: daftar 1 sampai 8 syarat, atau \"minimalkan\"",
              where + ".sasaran: a list of 1 to 8 conditions, or \"minimalkan\"");
    return;
  }
  ind->goal.kind = Goal::Kind::kConditions;
  for (const toml::node& c : *arr) {
    if (!c.is_string()) {
      ctx.Error(&c, where + ".sasaran: tiap syarat berupa teks", where + ".sasaran: each condition is a string");
      continue;
    }
    RawCondition rc;
    rc.node = &c;
    std::string eid, een;
    if (!ParseCondition(c.as_string()->get(), &rc, &eid, &een)) {
      ctx.Error(&c, where + ".sasaran \"" + c.as_string()->get() + "\": " + eid,
                where + ".sasaran \"" + c.as_string()->get() + "\": " + een);
      continue;
    }
    raw->push_back(std::move(rc));
  }
}

bool LoadFormulas(Context& ctx, const toml::table& t, const std::string& where, const GoalRulebook& rb,
                  Indicator* ind) {
  const auto& q = rb.quantities;
  bool ok = true;
  if (ind->kind == IndicatorKind::kRatio) {
    ok = GetFormula(ctx, t, "pembilang", where, q, &ind->numerator, true) &&
         GetFormula(ctx, t, "penyebut", where, q, &ind->denominator, true);
    if (ok) {
      ind->numerator_name = FormulaLabel(ind->numerator, q);
      ind->denominator_name = FormulaLabel(ind->denominator, q);
    }
    return ok;
  }
  std::string text;
  if (!GetString(ctx, t, "besaran", true, where, &text)) return false;
  LinearForm x;
  if (const Status parsed = ParseFormula(text, q, &x, true); !parsed.ok()) {
    ctx.Error(t.get("besaran"), where + ".besaran: " + parsed.pesan(), where + ".besaran: " + parsed.message());
    return false;
  }
  if (ind->kind == IndicatorKind::kAmount) {
    ind->numerator = x;
    ind->numerator_name = FormulaLabel(x, q);
    return true;
  }
  if (x.uses_previous) {
    ctx.Error(t.get("besaran"), where + ".besaran: pertumbuhan dihitung dari besaran periode ini; jangan pakai lalu()",
              where + ".besaran: growth is taken of a current-period quantity; do not use lalu()");
    return false;
  }
  // growth = (x − lalu(x)) / lalu(x): written out so the ratio machinery (and its explanation) serves both.
  const std::string num = "(" + text + ") - lalu(" + text + ")", den = "lalu(" + text + ")";
  Status parsed = ParseFormula(num, q, &ind->numerator, true);
  if (parsed.ok()) parsed = ParseFormula(den, q, &ind->denominator, true);
  if (!parsed.ok()) {
    ctx.Error(t.get("besaran"), where + ".besaran: " + parsed.pesan(), where + ".besaran: " + parsed.message());
    return false;
  }
  const Label label = FormulaLabel(x, q);
  ind->numerator_name = {label.id + " − " + label.id + " tahun lalu", label.en + " − previous " + label.en};
  ind->denominator_name = {label.id + " tahun lalu", "previous " + label.en};
  return true;
}

// The indicator an id in a goal or variant names, or -1 (an error naming the nearest known id).
int FindIndicator(Context& ctx, const GoalRulebook& rb, const std::string& id, const toml::node* node,
                  const std::string& where) {
  const int i = rb.IndexOf(id);
  if (i < 0) {
    std::vector<std::string_view> known = {"inflasi", "suku_bunga_pasar"};
    for (const Indicator& ind : rb.indicators) known.push_back(ind.id);
    const std::string best = NearestKey(id, known);
    ctx.Error(node, where + ": '" + id + "' bukan indikator atau suku bunga yang dikenal" + DidYouMean(best, Lang::kId),
              where + ": '" + id + "' is neither an indicator nor a known rate" + DidYouMean(best, Lang::kEn));
  }
  return i;
}

// 'terpenuhi ID' and 'menuju ID relatif ID' read ID's goal, so ID needs goal conditions.
void CheckTargetHasGoal(Context& ctx, const RawCondition& rc, const GoalCondition& c, const std::string& word,
                        const std::string& where, const GoalRulebook& rb) {
  if (c.indicator < 0 || rb.indicators[size_t(c.indicator)].goal.kind == Goal::Kind::kConditions) return;
  ctx.Error(rc.node, where + ": '" + word + " " + rc.target_id + "' memerlukan indikator yang punya syarat sasaran",
            where + ": '" + word + " " + rc.target_id + "' needs an indicator with goal conditions");
}

// One condition of a goal with its ids resolved; the indicators it reads go into *deps.
GoalCondition ResolveCondition(Context& ctx, const RawCondition& rc, const std::string& where, const GoalRulebook& rb,
                               std::set<int>* deps) {
  GoalCondition c = rc.condition;
  for (const auto& [id, sign] : rc.indicator_ids) {
    const int k = FindIndicator(ctx, rb, id, rc.node, where + ".sasaran");
    if (k >= 0) {
      c.rhs.indicators.push_back({k, sign});
      deps->insert(k);
    }
  }
  if (!rc.target_id.empty()) {
    c.indicator = FindIndicator(ctx, rb, rc.target_id, rc.node, where + ".sasaran");
    if (c.indicator >= 0) deps->insert(c.indicator);
    if (c.kind == GoalCondition::Kind::kMet) CheckTargetHasGoal(ctx, rc, c, "terpenuhi", where, rb);
  }
  if (!rc.reference_id.empty()) {
    c.reference = FindIndicator(ctx, rb, rc.reference_id, rc.node, where + ".sasaran");
    if (c.reference >= 0) deps->insert(c.reference);
  }
  if (c.kind == GoalCondition::Kind::kToward) CheckTargetHasGoal(ctx, rc, c, "menuju", where, rb);
  return c;
}

// Indicator i: its goal conditions and its variant's ids resolved, and what it depends on.
void ResolveIndicator(Context& ctx, const toml::array* arr, size_t i, const std::vector<RawCondition>& raw,
                      const toml::node* variant_node, GoalRulebook* rb) {
  Indicator& ind = rb->indicators[i];
  const std::string where = "indikator." + ind.id;
  std::set<int> deps;
  for (const RawCondition& rc : raw) ind.goal.conditions.push_back(ResolveCondition(ctx, rc, where, *rb, &deps));
  if (ind.variant.has_value()) {
    for (const std::string& id : ind.variant->when_met_ids) {
      const int k = FindIndicator(ctx, *rb, id, variant_node, where + ".varian");
      if (k >= 0) {
        ind.variant->when_met.push_back(k);
        deps.insert(k);
        if (rb->indicators[size_t(k)].goal.kind != Goal::Kind::kConditions) {
          ctx.Error(variant_node, where + ".varian: '" + id + "' tidak punya syarat sasaran, jadi tidak pernah terpenuhi",
                    where + ".varian: '" + id + "' has no goal conditions, so it is never met");
        }
      }
    }
  }
  if (deps.count(int(i)) != 0) {
    ctx.Error((*arr)[i].as_table(), where + ": sasaran merujuk indikator itu sendiri", where + ": the goal refers to the indicator itself");
    deps.erase(int(i));
  }
  ind.depends_on.assign(deps.begin(), deps.end());
}

// Orders the indicators so each comes after the ones it depends on (Kahn's algorithm, stable in rulebook order).
// A cycle is an error naming the indicators in it.
void OrderIndicators(Context& ctx, const toml::array* arr, GoalRulebook* rb) {
  const size_t n = rb->indicators.size();
  std::vector<int> indegree(n, 0);
  for (size_t i = 0; i < n; ++i) indegree[i] = int(rb->indicators[i].depends_on.size());
  std::vector<bool> done(n, false);
  for (size_t round = 0; round < n; ++round) {
    bool progressed = false;
    for (size_t i = 0; i < n; ++i) {
      if (done[i] || indegree[i] != 0) continue;
      done[i] = true;
      rb->order.push_back(int(i));
      for (size_t j = 0; j < n; ++j) {
        for (int d : rb->indicators[j].depends_on) {
          if (d == int(i)) --indegree[j];
        }
      }
      progressed = true;
      break;
    }
    if (!progressed) break;
  }
  if (rb->order.size() != n) {
    std::string ids;
    for (size_t i = 0; i < n; ++i) {
      if (!done[i]) ids += (ids.empty() ? "" : ", ") + rb->indicators[i].id;
    }
    ctx.Error(arr, "sasaran saling bergantung melingkar: " + ids, "goals depend on each other in a cycle: " + ids);
  }
}

// Resolves every id a goal or variant names, records dependencies and orders the indicators so each comes after
// the ones it needs. Cycles are errors.
void Resolve(Context& ctx, const toml::array* arr, GoalRulebook* rb, std::vector<std::vector<RawCondition>>* raw,
             std::vector<const toml::node*>* variant_nodes) {
  for (size_t i = 0; i < rb->indicators.size(); ++i) ResolveIndicator(ctx, arr, i, (*raw)[i], (*variant_nodes)[i], rb);
  OrderIndicators(ctx, arr, rb);
}

// Goals name indicators by id inside condition texts, so an id must read as one word and not as a number, a
// rate or a keyword of the condition language.
void CheckIndicatorId(Context& ctx, const toml::table& t, const std::string& id, const std::string& where) {
  const bool word = !id.empty() && std::isalpha(static_cast<unsigned char>(id[0])) &&
                    std::all_of(id.begin(), id.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                    });
  if (t.get("id") != nullptr && (!word || id == "inflasi" || id == "suku_bunga_pasar" ||
                                 id == "terpenuhi" || id == "menuju" || id == "relatif")) {
    ctx.Error(t.get("id"), where + ": id indikator harus satu kata (huruf, angka, '_', diawali huruf) dan bukan kata kunci",
              where + ": an indicator id is one word (letters, digits, '_', starting with a letter) and not a keyword");
  }
}

// penyebut_nol: the status of a goal whose denominator is zero.
void LoadZeroStatus(Context& ctx, const toml::table& t, const std::string& where, Indicator* ind) {
  std::string zero = "tidak_dapat_dinilai";
  GetString(ctx, t, "penyebut_nol", false, where, &zero);
  if (zero == "terpenuhi") {
    ind->zero_status = ZeroStatus::kMet;
  } else if (zero == "tidak_terpenuhi") {
    ind->zero_status = ZeroStatus::kNotMet;
  } else if (zero == "tidak_dapat_dinilai") {
    ind->zero_status = ZeroStatus::kNotAssessable;
  } else {
    ctx.Error(t.get("penyebut_nol"), where + ".penyebut_nol harus terpenuhi, tidak_terpenuhi atau tidak_dapat_dinilai",
              where + ".penyebut_nol must be terpenuhi, tidak_terpenuhi or tidak_dapat_dinilai");
  }
}

// varian = { syarat = [...], pembilang = "..." }: another numerator, used when the listed indicators are met.
void LoadVariant(Context& ctx, const toml::node* vn, const std::string& where, const GoalRulebook& rb, Indicator* ind) {
  const toml::table* vt = vn->as_table();
  if (vt == nullptr) {
    ctx.Error(vn, where + ".varian harus berupa tabel { syarat = [...], pembilang = \"...\" }",
              where + ".varian must be a table { syarat = [...], pembilang = \"...\" }");
  } else {
    CheckKeys(ctx, *vt, {"syarat", "pembilang"}, where + ".varian");
    Indicator::Variant v;
    const toml::array* ids = vt->get("syarat") != nullptr ? vt->get("syarat")->as_array() : nullptr;
    if (ids == nullptr || ids->empty()) {
      ctx.Error(vn, where + ".varian.syarat: daftar id indikator wajib ada", where + ".varian.syarat: a list of indicator ids is required");
    } else {
      for (const toml::node& id : *ids) {
        if (id.is_string()) v.when_met_ids.push_back(id.as_string()->get());
      }
    }
    if (ind->kind != IndicatorKind::kRatio) {
      ctx.Error(vn, where + ".varian hanya untuk jenis rasio", where + ".varian is for jenis rasio only");
    } else if (GetFormula(ctx, *vt, "pembilang", where + ".varian", rb.quantities, &v.numerator, true)) {
      v.numerator_name = FormulaLabel(v.numerator, rb.quantities);
      ind->variant = std::move(v);
    }
  }
}

void LoadIndicator(Context& ctx, const toml::table& t, GoalRulebook* rb, std::vector<RawCondition>* raw,
                   const toml::node** variant_node) {
  Indicator ind;
  GetString(ctx, t, "id", true, "indikator", &ind.id);
  const std::string where = "indikator." + ind.id;
  CheckIndicatorId(ctx, t, ind.id, where);
  CheckKeys(ctx, t,
            {"id", "aspek", "nama", "nama_en", "jenis", "pembilang", "penyebut", "besaran", "disetahunkan", "sasaran",
             "sasaran_teks", "sasaran_teks_en", "penyebut_nol", "penyebut_nol_pesan", "penyebut_nol_pesan_en",
             "adaptasi", "adaptasi_en", "varian", "sumber", "keyakinan", "catatan"},
            where);
  ind.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
  GetString(ctx, t, "sumber", true, where, &ind.source);
  GetString(ctx, t, "catatan", false, where, &ind.note);
  GetConfidence(ctx, t, where, &ind.confidence);
  ind.aspect_index = GetAspect(ctx, t, where, rb->aspects, &ind.aspect);
  std::string kind = "rasio";
  GetString(ctx, t, "jenis", false, where, &kind);
  if (kind == "rasio") {
    ind.kind = IndicatorKind::kRatio;
  } else if (kind == "pertumbuhan") {
    ind.kind = IndicatorKind::kGrowth;
  } else if (kind == "jumlah") {
    ind.kind = IndicatorKind::kAmount;
  } else {
    ctx.Error(t.get("jenis"), where + ".jenis harus rasio, pertumbuhan atau jumlah",
              where + ".jenis must be rasio, pertumbuhan or jumlah");
  }
  LoadFormulas(ctx, t, where, *rb, &ind);
  if (const toml::node* a = t.get("disetahunkan")) {
    if (!a->is_boolean()) {
      ctx.Error(a, where + ".disetahunkan harus true atau false", where + ".disetahunkan must be true or false");
    } else {
      ind.annualised = a->as_boolean()->get();
      if (ind.annualised && ind.kind != IndicatorKind::kRatio) {
        ctx.Error(a, where + ".disetahunkan hanya untuk jenis rasio (arus dibagi saldo)",
                  where + ".disetahunkan is for jenis rasio only (a flow over a balance)");
      }
    }
  }
  LoadGoal(ctx, t, where, &ind, raw);
  LoadZeroStatus(ctx, t, where, &ind);
  ind.zero_message = GetLabel(ctx, t, "penyebut_nol_pesan", "penyebut_nol_pesan_en", false, where);
  ind.adaptation = GetLabel(ctx, t, "adaptasi", "adaptasi_en", false, where);
  if (const toml::node* vn = t.get("varian")) {
    *variant_node = vn;
    LoadVariant(ctx, vn, where, *rb, &ind);
  }
  rb->indicators.push_back(std::move(ind));
}

void LoadGoalBody(Context& ctx, const toml::table& root, GoalRulebook* rb) {
  CheckKeys(ctx, root, {"format", "id", "versi", "nama", "nama_en", "sumber", "catatan", "berlaku", "perlu_blok", "besaran",
                        "aspek", "indikator"},
            "rulebook");
  LoadHeader(ctx, root, /*goal_method=*/true, rb);
  if (const toml::node* b = root.get("perlu_blok")) {
    const toml::array* arr = b->as_array();
    bool ok = arr != nullptr;
    for (size_t i = 0; ok && i < arr->size(); ++i) {
      const toml::node& e = (*arr)[i];
      ok = e.is_string() && e.as_string()->get() == "pearls";
      if (ok) rb->required_blocks.push_back(e.as_string()->get());
    }
    if (!ok) ctx.Error(b, "perlu_blok: daftar blok laporan; yang dikenal: \"pearls\"", "perlu_blok: a list of laporan blocks; known: \"pearls\"");
  }
  IdSet ids;
  LoadQuantities(ctx, root, &ids, &rb->quantities);
  if (const toml::array* arr = GetTableArray(ctx, root, "aspek")) {
    for (const toml::node& n : *arr) {
      const toml::table& t = *n.as_table();
      GoalAspect a;
      GetString(ctx, t, "id", true, "aspek", &a.id);
      const std::string where = "aspek." + a.id;
      CheckKeys(ctx, t, {"id", "nama", "nama_en"}, where);
      ids.Check(ctx, t, a.id, where);
      a.name = GetLabel(ctx, t, "nama", "nama_en", true, where);
      rb->aspects.push_back(std::move(a));
    }
  }
  const toml::array* arr = GetTableArray(ctx, root, "indikator");
  if (arr == nullptr) return;
  std::vector<std::vector<RawCondition>> raw;
  std::vector<const toml::node*> variant_nodes;
  for (const toml::node& n : *arr) {
    const toml::table& t = *n.as_table();
    std::string id;
    GetString(ctx, t, "id", false, "indikator", &id);
    ids.Check(ctx, t, id, "indikator." + id);
    raw.emplace_back();
    variant_nodes.push_back(nullptr);
    LoadIndicator(ctx, t, rb, &raw.back(), &variant_nodes.back());
  }
  Resolve(ctx, arr, rb, &raw, &variant_nodes);
}

}  // namespace

bool IsGoalRulebookText(std::string_view text) {
  // The format key is a top-level line near the top of every rulebook; a full parse is not needed to choose the
  // loader (the chosen loader then checks everything, the format included).
  // Windows editors add a byte-order mark and CR before each LF; neither changes what the file says.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = Trim(line, kBlanks);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') return false;  // a table began: the top-level keys are over
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos || Trim(line.substr(0, eq), kBlanks) != "format") continue;
    std::string_view value = Trim(line.substr(eq + 1), kBlanks);
    const size_t hash = value.find('#');
    if (hash != std::string_view::npos) value = Trim(value.substr(0, hash), kBlanks);
    return value == std::string("\"") + kGoalRulebookFormat + "\"" || value == std::string("'") + kGoalRulebookFormat + "'";
  }
  return false;
}

std::unique_ptr<GoalRulebook> LoadGoalRulebook(std::string_view toml_text, const std::string& origin,
                                               Problems* problems) {
  const size_t before = problems->size();
  Context ctx(toml_text, origin, problems);
  toml::table root;
  if (!ParseRulebookToml(ctx, toml_text, origin, &root)) return nullptr;
  auto rb = std::make_unique<GoalRulebook>();
  rb->origin = origin;
  try {
    LoadGoalBody(ctx, root, rb.get());
  } catch (const OverflowError&) {
    problems->Add(origin, "rulebook_tidak_sah", "angka terlalu besar", "number too large");
  }
  if (problems->size() != before) return nullptr;
  return rb;
}

const GoalRulebook* EmbeddedGoalRulebookById(std::string_view id, Problems* problems) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<GoalRulebook>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(id);
  if (it != cache.end()) return it->second.get();
  for (const EmbeddedRulebook& e : EmbeddedRulebooks()) {
    if (e.id != id || !IsGoalRulebookText(e.text)) continue;
    std::unique_ptr<GoalRulebook> rb = LoadGoalRulebook(e.text, std::string("bawaan:") + e.file, problems);
    if (rb == nullptr) return nullptr;
    rb->origin = "bawaan";
    const GoalRulebook* raw = rb.get();
    cache.emplace(std::string(id), std::move(rb));
    return raw;
  }
  return nullptr;
}

const Indicator* GoalRulebook::Find(std::string_view wanted) const {
  const int i = IndexOf(wanted);
  return i < 0 ? nullptr : &indicators[size_t(i)];
}

int GoalRulebook::IndexOf(std::string_view wanted) const {
  for (size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].id == wanted) return int(i);
  }
  return -1;
}

const char* GoalOpSymbol(GoalOp op) {
  switch (op) {
    case GoalOp::kGe:
      return "≥";
    case GoalOp::kGt:
      return ">";
    case GoalOp::kLe:
      return "≤";
    case GoalOp::kLt:
      return "<";
    case GoalOp::kEq:
      return "=";
  }
  return "?";
}

}  // namespace kopsehat
