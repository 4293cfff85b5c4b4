#include "plan/limits.h"

#include <algorithm>
#include <toml++/toml.h>

#include "core/suggest.h"

namespace kopsehat {

const LimitUse* Limits::ForAction(std::string_view action_id) const {
  for (const LimitUse& l : items) {
    if (!l.IsFloor() && l.id == action_id) return &l;
  }
  return nullptr;
}

LimitUse* Limits::Find(std::string_view id) {
  for (LimitUse& l : items) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

const LimitUse* Limits::Find(std::string_view id) const { return const_cast<Limits*>(this)->Find(id); }

Limits DefaultLimits(const ActionBook& book) {
  Limits limits;
  for (const Action& a : book.actions) {
    if (!a.yearly) continue;
    limits.items.push_back(LimitUse{a.id, &a, nullptr, a.yearly->pct, a.yearly->pct, false, ""});
  }
  for (const FloorLimit& f : book.floors) limits.items.push_back(LimitUse{f.id, nullptr, &f, f.pct, f.pct, false, ""});
  return limits;
}

namespace {

void Add(Problems* p, const std::string& path, const std::string& pesan, const std::string& message) {
  p->Add(path, "batas_tidak_sah", pesan, message);
}

// "tagih_macet, tagih_diragukan, …, lantai_kas": the ids a file may name, for the message about one it may not.
std::string KnownIds(const Limits& limits) {
  std::string out;
  for (const LimitUse& l : limits.items) out += (out.empty() ? "" : ", ") + l.id;
  return out;
}

// One [id] table of a batas-v1 file. Problems name "id.field".
void ApplyOne(const std::string& id, const toml::node& node, Limits* limits, Problems* problems) {
  LimitUse* limit = limits->Find(id);
  if (limit == nullptr) {
    std::vector<std::string_view> ids;
    for (const LimitUse& l : limits->items) ids.push_back(l.id);
    const std::string near = NearestKey(id, ids);
    Add(problems, id,
        "tindakan atau lantai tidak dikenal" + DidYouMean(near, Lang::kId) + " (yang dikenal: " + KnownIds(*limits) + ")",
        "unknown action or floor" + DidYouMean(near, Lang::kEn) + " (known: " + KnownIds(*limits) + ")");
    return;
  }
  const toml::table* t = node.as_table();
  if (t == nullptr) {
    Add(problems, id, "harus tabel [" + id + "] dengan persen = \"…\"", "must be a table [" + id + "] with persen = \"…\"");
    return;
  }
  for (const auto& [key, value] : *t) {
    if (key.str() != "persen" && key.str() != "alasan") {
      Add(problems, id + "." + std::string(key.str()), "kunci tidak dikenal (hanya persen dan alasan)",
          "unknown key (only persen and alasan)");
    }
  }
  const toml::node* pct = t->get("persen");
  Decimal d;
  if (pct == nullptr) {
    Add(problems, id + ".persen", "wajib ada, mis. persen = \"40\"", "is required, e.g. persen = \"40\"");
  } else if (pct->is_floating_point()) {
    Add(problems, id + ".persen", "tulis sebagai teks agar tepat, mis. persen = \"12.5\"",
        "write it as a string so it is exact, e.g. persen = \"12.5\"");
  } else if (!ParseLimitPercent(pct->is_integer() ? std::to_string(pct->as_integer()->get())
                                : pct->is_string() ? pct->as_string()->get()
                                                   : std::string("?"),
                                &d)) {
    Add(problems, id + ".persen",
        "harus persen 0 sampai 100 (mis. \"40\" atau \"12.5\", paling banyak 4 desimal), bukan " +
            (pct->is_string() ? "\"" + pct->as_string()->get() + "\"" : std::string("nilai itu")),
        "must be a percentage from 0 to 100 (e.g. \"40\" or \"12.5\", at most 4 decimals)");
  } else {
    limit->pct = d;
    // A file that repeats a default (the template) changes nothing worth showing beside it.
    limit->overridden = Compare(Fraction{d.units, Pow10(d.scale)}, limit->default_pct) != 0;
  }
  if (const toml::node* note = t->get("alasan"); note != nullptr) {
    if (!note->is_string() || note->as_string()->get().size() > 300) {
      Add(problems, id + ".alasan", "harus teks paling banyak 300 karakter", "must be text of at most 300 characters");
    } else {
      limit->note = note->as_string()->get();
    }
  }
}

i128 Gcd(i128 a, i128 b) {
  if (a < 0) a = -a;
  while (b != 0) {
    const i128 r = a % b;
    a = b;
    b = r < 0 ? -r : r;
  }
  return a;
}

Fraction Reduced(i128 num, i128 den) {
  const i128 g = Gcd(num, den);
  return g > 1 ? Fraction::Of(num / g, den / g) : Fraction::Of(num, den);
}

}  // namespace

bool ApplyLimitFile(std::string_view text, const std::string& origin, Limits* limits, Problems* problems) {
  const size_t before = problems->size();
  if (text.size() > kMaxLimitFileBytes) {
    Add(problems, origin, "berkas batas lebih dari 64 KiB", "the limits file is larger than 64 KiB");
    return false;
  }
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    Add(problems, origin + ":" + std::to_string(e.source().begin.line), "TOML tidak sah: " + std::string(e.description()),
        "invalid TOML: " + std::string(e.description()));
    return false;
  }
  const toml::node* format = root.get("format");
  const std::string version = format != nullptr && format->is_string() ? format->as_string()->get() : "";
  if (version != "kopsehat/batas-v1" && version != "kopsehat/batas-v2") {
    Add(problems, "format", "harus format = \"kopsehat/batas-v1\" (contoh: kopsehat plan --template-batas)",
        "must be format = \"kopsehat/batas-v1\" (example: kopsehat plan --template-batas)");
  }
  Limits changed = *limits;
  size_t count = 0;
  for (const auto& [key, value] : root) {
    if (key.str() == "format") continue;
    // batas-v2 adds [hari_orang], the person-days of checklist items (plan/effort.h reads it).
    if (key.str() == kPersonDaysSection && version == "kopsehat/batas-v2") continue;
    if (key.str() == kPersonDaysSection) {
      Add(problems, kPersonDaysSection, "[hari_orang] perlu format = \"kopsehat/batas-v2\"",
          "[hari_orang] needs format = \"kopsehat/batas-v2\"");
      continue;
    }
    if (++count > kMaxLimitOverrides) {
      Add(problems, origin, "terlalu banyak batas (paling banyak 200)", "too many limits (at most 200)");
      break;
    }
    ApplyOne(std::string(key.str()), value, &changed, problems);
  }
  if (problems->size() != before) return false;
  *limits = std::move(changed);
  return true;
}

bool SetLimit(const std::string& id, const std::string& pct_text, Limits* limits, Problems* problems) {
  LimitUse* limit = limits->Find(id);
  if (limit == nullptr) {
    Add(problems, id, "tindakan atau lantai tidak dikenal", "unknown action or floor");
    return false;
  }
  std::string text = pct_text;
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  if (!text.empty() && text.back() == '%') text.pop_back();
  Decimal d;
  if (!ParseLimitPercent(text, &d)) {
    Add(problems, id + ".persen", "harus persen 0 sampai 100 (mis. 40 atau 12,5), bukan \"" + pct_text + "\"",
        "must be a percentage from 0 to 100 (e.g. 40 or 12.5), not \"" + pct_text + "\"");
    return false;
  }
  limit->pct = d;
  limit->overridden = Compare(Fraction{d.units, Pow10(d.scale)}, limit->default_pct) != 0;
  return true;
}

Fraction PercentOf(const Decimal& pct, const Fraction& value) {
  return Reduced(CheckedMul(value.num, pct.units), CheckedMul(value.den, CheckedMul(Pow10(pct.scale), 100)));
}

Sen ShareCap(const LimitUse& limit, const Statements& before) {
  const Fraction cap = PercentOf(limit.pct, limit.Base().Evaluate(before));
  const i128 rupiah = FloorDiv(cap.num, CheckedMul(cap.den, 100));
  return Sen(std::clamp<i128>(rupiah * 100, 0, kMaxAbsAmountSen));
}

Fraction FloorLevel(const LimitUse& floor, const Statements& s) { return PercentOf(floor.pct, floor.Base().Evaluate(s)); }

Fraction FloorSlack(const LimitUse& floor, const Statements& s) {
  const Fraction level = FloorLevel(floor, s);
  return Add(floor.floor->kept.Evaluate(s), Fraction{CheckedSub(0, level.num), level.den});
}

bool FloorKept(const LimitUse& floor, const Statements& before, const Statements& after) {
  const Fraction start = FloorSlack(floor, before), end = FloorSlack(floor, after);
  return end.Sign() >= 0 || Compare(end, start) >= 0;
}

int64_t UsedPercent(Sen amount, Sen cap) { return int64_t(RoundHalfUp(i128(amount) * 100, cap, 0)); }

std::string FormatLimitPercent(const Decimal& pct, Lang lang) {
  return lang == Lang::kEn ? FormatEnglish(pct.units, pct.scale, 0) : FormatIndonesian(pct.units, pct.scale, 0);
}

std::string PlainLimitPercent(const Decimal& pct) { return FormatPlain(pct.units, pct.scale, 0); }

}  // namespace kopsehat
