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

// One [[aksi]]. False (with its problems) when it is not valid.
bool LoadAction(const toml::table& t, const std::string& origin, Problems* problems, Action* a) {
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
  return changes_ok && bounds_ok;
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
  const toml::array* arr = root.get("aksi") != nullptr ? root.get("aksi")->as_array() : nullptr;
  if (Str(root, "format") != "kopsehat/aksi-v1" || arr == nullptr || !arr->is_array_of_tables()) {
    problems->Add(origin, "aksi_tidak_sah", "harus format = \"kopsehat/aksi-v1\" dengan daftar [[aksi]]",
                  "needs format = \"kopsehat/aksi-v1\" and a list of [[aksi]]");
    return nullptr;
  }
  for (const toml::node& n : *arr) {
    Action a;
    if (LoadAction(*n.as_table(), origin, problems, &a)) book->actions.push_back(std::move(a));
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
