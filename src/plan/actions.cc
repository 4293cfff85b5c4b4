#include "plan/actions.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <toml++/toml.h>

#include "core/check.h"
#include "rules/formula.h"

namespace kopsehat {

extern const std::string_view kEmbeddedActionBook;  // generated from rules/aksi-ksp.toml

const Action* ActionBook::Find(std::string_view id) const {
  for (const Action& a : actions) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

const FloorLimit* ActionBook::FindFloor(std::string_view id) const {
  for (const FloorLimit& f : floors) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool ParseLimitPercent(std::string text, Decimal* out) {
  std::replace(text.begin(), text.end(), ',', '.');
  Decimal d;
  i128 units = 0;
  if (ParseDecimal(text, &d) != DecimalError::kNone || !Rescale(d, kMaxPercentDecimals, &units) || units < 0 ||
      units > 100 * Pow10(kMaxPercentDecimals)) {
    return false;
  }
  *out = Decimal{units, kMaxPercentDecimals};
  return true;
}

namespace {

// Assets − (liabilities + equity), in sen: an action moves amounts without changing it.
i128 BalanceGap(const Statements& s) {
  i128 gap = 0;
  for (int i = 0; i < kLineCount; ++i) {
    switch (kLines[size_t(i)].side) {
      case BalanceSide::kAset: gap += s.sen[size_t(i)]; break;
      case BalanceSide::kAsetPengurang:
      case BalanceSide::kKewajiban:
      case BalanceSide::kEkuitas: gap -= s.sen[size_t(i)]; break;
      case BalanceSide::kNone: break;
    }
  }
  return gap;
}

void Error(Problems* p, const std::string& origin, const toml::source_region& src, const std::string& id,
           const std::string& en) {
  p->Add(origin + ":" + std::to_string(src.begin.line), "aksi_tidak_sah", id, en);
}

std::string Str(const toml::table& t, const char* key) {
  const toml::node* n = t.get(key);
  return n != nullptr && n->is_string() ? n->as_string()->get() : std::string();
}

// biaya: an integer or a decimal string, kept exactly in millionths. False (with a problem) when it is not one.
bool LoadCost(const toml::table& t, const std::string& where, const std::string& origin, Problems* problems,
              Action* a) {
  const toml::node* cost = t.get("biaya");
  Decimal d;
  const std::string cost_text = cost == nullptr ? "" : cost->is_integer() ? std::to_string(cost->as_integer()->get())
                                                    : cost->is_string()    ? cost->as_string()->get()
                                                                           : "";
  i128 cost_units = 0;
  if (ParseDecimal(cost_text, &d) != DecimalError::kNone || !Rescale(d, 6, &cost_units) || cost_units < 0 ||
      cost_units > i128(1) << 40) {
    Error(problems, origin, t.source(), where + ".biaya harus angka >= 0 (bilangan bulat atau teks \"0.5\")",
          where + ".biaya must be a number >= 0 (an integer or a string \"0.5\")");
    return false;
  }
  a->cost_e6 = int64_t(cost_units);
  return true;
}

// perubahan: the lines the action moves, per rupiah, which must keep assets equal to liabilities + equity. False
// (with a problem) when a line or the balance is wrong.
bool LoadChanges(const toml::table& changes, const toml::table& t, const std::string& where, const std::string& origin,
                 Problems* problems, Action* a) {
  i128 assets = 0, claims = 0;
  bool ok = true;
  for (const auto& [key, value] : changes) {
    const int line = FindLine(key.str());
    if (line < 0 || !value.is_integer() || value.as_integer()->get() == 0 || value.as_integer()->get() < -10 ||
        value.as_integer()->get() > 10) {
      Error(problems, origin, key.source(),
            where + ".perubahan: '" + std::string(key.str()) + "' harus baris laporan dengan kelipatan bulat -10..10",
            where + ".perubahan: '" + std::string(key.str()) + "' must be a statement line with a whole multiple -10..10");
      ok = false;
      continue;
    }
    const int coef = int(value.as_integer()->get());
    a->deltas.push_back(Action::Delta{line, coef});
    switch (kLines[size_t(line)].side) {
      case BalanceSide::kAset: assets += coef; break;
      case BalanceSide::kAsetPengurang: assets -= coef; break;
      case BalanceSide::kKewajiban:
      case BalanceSide::kEkuitas: claims += coef; break;
      case BalanceSide::kNone: break;
    }
  }
  if (ok && assets != claims) {
    Error(problems, origin, t.source(), where + ": tidak seimbang (aset berubah " + ToString(assets) +
                                             ", kewajiban + ekuitas berubah " + ToString(claims) + " per rupiah)",
          where + ": not balanced (assets change by " + ToString(assets) + ", liabilities + equity by " +
              ToString(claims) + " per rupiah)");
    ok = false;
  }
  return ok;
}

// batas: the formulas that bound the amount. False (with a problem) when there are none or one does not parse.
bool LoadBounds(const toml::table& t, const std::string& where, const std::string& origin, Problems* problems,
                Action* a) {
  const toml::array* bounds = t.get("batas") != nullptr ? t.get("batas")->as_array() : nullptr;
  if (bounds == nullptr || bounds->empty()) {
    Error(problems, origin, t.source(), where + ".batas wajib ada (daftar rumus)", where + ".batas is required (a list of formulas)");
    return false;
  }
  bool ok = true;
  for (const toml::node& b : *bounds) {
    LinearForm form;
    const Status parsed = b.is_string() ? ParseFormula(b.as_string()->get(), {}, &form) : Status();
    if (!b.is_string() || !parsed.ok()) {
      Error(problems, origin, b.source(), where + ".batas: " + parsed.pesan(), where + ".batas: " + parsed.message());
      ok = false;
      continue;
    }
    a->bounds.push_back(std::move(form));
  }
  return ok;
}

// The text of a percentage node for ParseLimitPercent: an integer's digits or a string; "" for anything else.
std::string PercentText(const toml::node* n) {
  if (n == nullptr) return "";
  if (n->is_integer()) return std::to_string(n->as_integer()->get());
  if (n->is_string()) return n->as_string()->get();
  return "";
}

// A formula key of a limit table. False (with a problem) when it is missing or does not parse.
bool LoadLimitFormula(const toml::table& t, const char* key, const std::string& where, const std::string& origin,
                      Problems* problems, LinearForm* out) {
  const toml::node* n = t.get(key);
  const Status parsed = n != nullptr && n->is_string() ? ParseFormula(n->as_string()->get(), {}, out) : Status();
  if (n == nullptr || !n->is_string() || !parsed.ok()) {
    Error(problems, origin, t.source(),
          where + "." + key + " wajib rumus atas baris laporan" + (parsed.ok() ? "" : ": " + parsed.pesan()),
          where + "." + key + " must be a formula over laporan lines" + (parsed.ok() ? "" : ": " + parsed.message()));
    return false;
  }
  return true;
}

// persen and alasan / alasan_en, shared by both kinds of limit. False (with problems) when either is wrong.
bool LoadPercentAndReason(const toml::table& t, const std::string& where, const std::string& origin,
                          Problems* problems, Decimal* pct, Label* reason) {
  bool ok = true;
  if (!ParseLimitPercent(PercentText(t.get("persen")), pct)) {
    Error(problems, origin, t.source(),
          where + ".persen harus angka 0 sampai 100 (bilangan bulat atau teks \"12.5\", paling banyak 4 desimal)",
          where + ".persen must be a number from 0 to 100 (an integer or a string \"12.5\", at most 4 decimals)");
    ok = false;
  }
  *reason = Label{Str(t, "alasan"), Str(t, "alasan_en")};
  if (reason->id.empty() || reason->en.empty()) {
    Error(problems, origin, t.source(), where + ": alasan dan alasan_en wajib ada (mengapa batas ini, dan sumbernya)",
          where + ": alasan and alasan_en are required (why this limit, and its source)");
    ok = false;
  }
  return ok;
}

// aksi-v2 `batas_tahunan = { dasar, persen, alasan, alasan_en }`. True when absent (an action may have none).
bool LoadYearlyLimit(const toml::table& t, const std::string& where, const std::string& origin, Problems* problems,
                     Action* a) {
  const toml::node* n = t.get("batas_tahunan");
  if (n == nullptr) return true;
  const toml::table* limit = n->as_table();
  if (limit == nullptr) {
    Error(problems, origin, n->source(), where + ".batas_tahunan harus tabel { dasar, persen, alasan, alasan_en }",
          where + ".batas_tahunan must be a table { dasar, persen, alasan, alasan_en }");
    return false;
  }
  ShareLimit share;
  const bool base_ok = LoadLimitFormula(*limit, "dasar", where + ".batas_tahunan", origin, problems, &share.base);
  const bool rest_ok = LoadPercentAndReason(*limit, where + ".batas_tahunan", origin, problems, &share.pct, &share.reason);
  if (!base_ok || !rest_ok) return false;
  a->yearly = std::move(share);
  return true;
}

// One [[lantai]]. False (with its problems) when it is not valid.
bool LoadFloor(const toml::table& t, const ActionBook& book, const std::string& origin, Problems* problems,
               FloorLimit* f) {
  f->id = Str(t, "id");
  f->name = Label{Str(t, "nama"), Str(t, "nama_en")};
  const std::string where = "lantai." + f->id;
  if (f->id.empty() || f->name.id.empty()) {
    Error(problems, origin, t.source(), where + ": id dan nama wajib ada", where + ": id and nama are required");
    return false;
  }
  bool ok = LoadLimitFormula(t, "dijaga", where, origin, problems, &f->kept);
  ok = LoadLimitFormula(t, "dasar", where, origin, problems, &f->base) && ok;
  ok = LoadPercentAndReason(t, where, origin, problems, &f->pct, &f->reason) && ok;
  const toml::array* actions = t.get("aksi") != nullptr ? t.get("aksi")->as_array() : nullptr;
  if (actions == nullptr || actions->empty()) {
    Error(problems, origin, t.source(), where + ".aksi wajib daftar id tindakan yang dibatasinya",
          where + ".aksi must list the ids of the actions it restricts");
    return false;
  }
  for (const toml::node& n : *actions) {
    const std::string id = n.is_string() ? n.as_string()->get() : "";
    if (book.Find(id) == nullptr) {
      Error(problems, origin, n.source(), where + ".aksi: tindakan tidak dikenal '" + id + "'",
            where + ".aksi: unknown action '" + id + "'");
      ok = false;
    }
    f->actions.push_back(id);
  }
  return ok;
}

// One [[aksi]]. False (with its problems) when it is not valid.
bool LoadAction(const toml::table& t, const std::string& origin, bool v2, Problems* problems, Action* a) {
  a->id = Str(t, "id");
  a->name = Label{Str(t, "nama"), Str(t, "nama_en")};
  a->description = Label{Str(t, "keterangan"), Str(t, "keterangan_en")};
  const std::string where = "aksi." + a->id;
  if (a->id.empty() || a->name.id.empty()) {
    Error(problems, origin, t.source(), where + ": id dan nama wajib ada", where + ": id and nama are required");
    return false;
  }
  if (!LoadCost(t, where, origin, problems, a)) return false;
  const toml::table* changes = t.get("perubahan") != nullptr ? t.get("perubahan")->as_table() : nullptr;
  if (changes == nullptr || changes->empty()) {
    Error(problems, origin, t.source(), where + ".perubahan wajib ada", where + ".perubahan is required");
    return false;
  }
  const bool changes_ok = LoadChanges(*changes, t, where, origin, problems, a);
  const bool bounds_ok = LoadBounds(t, where, origin, problems, a);
  if (!v2 && t.get("batas_tahunan") != nullptr) {
    Error(problems, origin, t.source(), where + ".batas_tahunan hanya ada di format kopsehat/aksi-v2",
          where + ".batas_tahunan exists only in format kopsehat/aksi-v2");
    return false;
  }
  const bool limit_ok = LoadYearlyLimit(t, where, origin, problems, a);
  return changes_ok && bounds_ok && limit_ok;
}

}  // namespace

std::unique_ptr<ActionBook> LoadActionBook(std::string_view text, const std::string& origin, Problems* problems) {
  const size_t before = problems->size();
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    Error(problems, origin, e.source(), "TOML tidak sah: " + std::string(e.description()),
          "invalid TOML: " + std::string(e.description()));
    return nullptr;
  }
  auto book = std::make_unique<ActionBook>();
  book->format = Str(root, "format");
  const bool v2 = book->format == "kopsehat/aksi-v2";
  const toml::array* arr = root.get("aksi") != nullptr ? root.get("aksi")->as_array() : nullptr;
  if ((!v2 && book->format != "kopsehat/aksi-v1") || arr == nullptr || !arr->is_array_of_tables()) {
    problems->Add(origin, "aksi_tidak_sah",
                  "harus format = \"kopsehat/aksi-v2\" (atau \"kopsehat/aksi-v1\", tanpa batas tahunan) dengan "
                  "daftar [[aksi]]",
                  "needs format = \"kopsehat/aksi-v2\" (or \"kopsehat/aksi-v1\", without yearly limits) and a list "
                  "of [[aksi]]");
    return nullptr;
  }
  for (const toml::node& n : *arr) {
    Action a;
    if (LoadAction(*n.as_table(), origin, v2, problems, &a)) book->actions.push_back(std::move(a));
  }
  const toml::array* floors = root.get("lantai") != nullptr ? root.get("lantai")->as_array() : nullptr;
  if (floors != nullptr && (!v2 || !floors->is_array_of_tables())) {
    problems->Add(origin, "aksi_tidak_sah", "[[lantai]] hanya ada di format kopsehat/aksi-v2, sebagai daftar tabel",
                  "[[lantai]] exists only in format kopsehat/aksi-v2, as a list of tables");
    return nullptr;
  }
  for (size_t i = 0; floors != nullptr && i < floors->size(); ++i) {
    FloorLimit f;
    if (LoadFloor(*floors->get(i)->as_table(), *book, origin, problems, &f)) book->floors.push_back(std::move(f));
  }
  // Limits are named by id in a cooperative's --batas file: an id must name one action or one floor.
  std::vector<std::string> ids;
  for (const Action& a : book->actions) ids.push_back(a.id);
  for (const FloorLimit& f : book->floors) ids.push_back(f.id);
  std::sort(ids.begin(), ids.end());
  for (size_t i = 1; i < ids.size(); ++i) {
    if (ids[i] == ids[i - 1]) {
      problems->Add(origin, "aksi_tidak_sah", "id '" + ids[i] + "' dipakai lebih dari sekali",
                    "id '" + ids[i] + "' is used more than once");
    }
  }
  if (problems->size() != before) return nullptr;
  return book;
}

const ActionBook* EmbeddedActionBook(Problems* problems) {
  static std::mutex mu;
  static std::unique_ptr<ActionBook> book;
  std::lock_guard<std::mutex> lock(mu);
  if (book == nullptr) book = LoadActionBook(kEmbeddedActionBook, "bawaan:aksi-ksp.toml", problems);
  return book.get();
}

std::vector<Action::Delta> EffectiveDeltas(const Action& action, const Statements& s) {
  static const int kPA = line::Index("neraca.pinjaman_anggota");
  static const int kPN = line::Index("neraca.pinjaman_non_anggota");
  static const int kVA = line::Index("pinjaman.volume_anggota");
  static const int kVT = line::Index("pinjaman.volume_total");
  std::vector<Action::Delta> out = action.deltas;
  int member = 0, other = 0;
  for (const Action::Delta& d : action.deltas) {
    if (d.line == kPA) member += d.coef;
    if (d.line == kPN) other += d.coef;
  }
  if (!s.present[size_t(kVA)] && member != 0) out.push_back({kVA, member});
  if (!s.present[size_t(kVT)] && member + other != 0) out.push_back({kVT, member + other});
  return out;
}

i128 FormSlope(const LinearForm& form, const std::vector<Action::Delta>& deltas) {
  i128 slope = 0;
  for (const LinearForm::Term& t : form.terms) {
    for (const Action::Delta& d : deltas) {
      if (d.line == t.line) slope = CheckedAdd(slope, CheckedMul(t.coef_units, d.coef));
    }
  }
  return slope;
}

Sen MaxAmount(const Action& action, const Statements& s) {
  i128 best = kMaxAbsAmountSen;
  for (const LinearForm& f : action.bounds) {
    const Fraction v = f.Evaluate(s);
    best = std::min(best, FloorDiv(v.num, v.den));
  }
  return Sen(std::max<i128>(best, 0));
}

bool ApplyAction(const Action& action, Sen amount, Statements* s, Problems* problems) {
  if (amount < 0 || amount > MaxAmount(action, *s)) {
    problems->Add("aksi." + action.id, "melebihi_batas",
                  "jumlah " + FormatRupiah(amount) + " di luar batas 0.." + FormatRupiah(MaxAmount(action, *s)),
                  "amount " + FormatSenPlain(amount) + " outside 0.." + FormatSenPlain(MaxAmount(action, *s)));
    return false;
  }
  for (const Action::Delta& d : action.deltas) {
    const i128 next = i128(s->Get(d.line)) + i128(d.coef) * amount;
    if ((next < 0 && !kLines[size_t(d.line)].may_be_negative) || next > kMaxAbsAmountSen || next < -kMaxAbsAmountSen) {
      problems->Add("aksi." + action.id, "melebihi_batas",
                    LinePath(d.line) + " akan menjadi " + FormatRupiah(Sen(std::clamp<i128>(next, -kMaxAbsAmountSen, kMaxAbsAmountSen))),
                    LinePath(d.line) + " would become " + ToString(next) + " sen");
      return false;
    }
  }
  const i128 gap_before = BalanceGap(*s);
  for (const Action::Delta& d : action.deltas) {
    s->sen[size_t(d.line)] += Sen(d.coef) * amount;
    s->present[size_t(d.line)] = true;
  }
  // The loader refuses an unbalanced action; checked again here, where the figures change.
  KOPSEHAT_CHECK(BalanceGap(*s) == gap_before, "action " + action.id + " changed the balance of the balance sheet");
  return true;
}

}  // namespace kopsehat
