#include "plan/effort.h"

#include "plan/limits.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <toml++/toml.h>

namespace kopsehat {

extern const std::string_view kEmbeddedEffortKkpkk;  // generated from rules/upaya-kkpkk.toml

const ChecklistEffort* EffortBook::Find(std::string_view component) const {
  for (const ChecklistEffort& c : checklists) {
    if (c.component == component) return &c;
  }
  return nullptr;
}

ChecklistEffort* EffortBook::Find(std::string_view component) {
  return const_cast<ChecklistEffort*>(static_cast<const EffortBook*>(this)->Find(component));
}

namespace {

void Error(Problems* p, const std::string& origin, const toml::source_region& src, const std::string& id,
           const std::string& en) {
  p->Add(origin + ":" + std::to_string(src.begin.line), "upaya_tidak_sah", id, en);
}

std::string Str(const toml::table& t, const char* key) {
  const toml::node* n = t.get(key);
  return n != nullptr && n->is_string() ? n->as_string()->get() : std::string();
}

// A whole number within [lo, hi] under `key`; false (with a problem) otherwise.
bool WholeIn(const toml::table& t, const char* key, int64_t lo, int64_t hi, const std::string& where,
             const std::string& origin, Problems* problems, int64_t* out) {
  const toml::node* n = t.get(key);
  const std::string name = where.empty() ? std::string(key) : where + "." + key;
  if (n == nullptr || !n->is_integer() || n->as_integer()->get() < lo || n->as_integer()->get() > hi) {
    Error(problems, origin, n != nullptr ? n->source() : t.source(),
          name + " harus bilangan bulat " + std::to_string(lo) + ".." + std::to_string(hi),
          name + " must be a whole number " + std::to_string(lo) + ".." + std::to_string(hi));
    return false;
  }
  *out = n->as_integer()->get();
  return true;
}

bool LoadChecklist(const toml::table& t, const std::string& where, const std::string& origin, Problems* problems,
                   ChecklistEffort* c) {
  bool ok = true;
  for (const auto& [key, value] : t) {
    static const std::set<std::string_view> kKeys{"komponen", "hari_orang", "upaya", "upaya_en", "butir_tetap"};
    if (kKeys.count(key.str()) == 0) {
      Error(problems, origin, key.source(), where + ": kunci tidak dikenal '" + std::string(key.str()) + "'",
            where + ": unknown key '" + std::string(key.str()) + "'");
      ok = false;
    }
  }
  c->component = Str(t, "komponen");
  if (c->component.empty()) {
    Error(problems, origin, t.source(), where + ".komponen harus id komponen daftar periksa",
          where + ".komponen must be a checklist component's id");
    ok = false;
  }
  ok = WholeIn(t, "hari_orang", 1, kMaxPersonDays, where, origin, problems, &c->person_days) && ok;
  c->default_person_days = c->person_days;
  c->task = Label{Str(t, "upaya"), Str(t, "upaya_en")};
  if (c->task.id.empty() || c->task.en.empty()) {
    Error(problems, origin, t.source(), where + ": upaya dan upaya_en wajib diisi (apa yang perlu dikerjakan)",
          where + ": upaya and upaya_en are required (what the work is)");
    ok = false;
  }
  if (const toml::node* fixed = t.get("butir_tetap")) {
    const toml::array* a = fixed->as_array();
    bool good = a != nullptr;
    for (size_t i = 0; good && i < a->size(); ++i) {
      const toml::node& n = *a->get(i);
      good = n.is_integer() && n.as_integer()->get() >= 1 && n.as_integer()->get() <= 128 &&
             std::find(c->fixed.begin(), c->fixed.end(), int(n.as_integer()->get())) == c->fixed.end();
      if (good) c->fixed.push_back(int(n.as_integer()->get()));
    }
    if (!good) {
      Error(problems, origin, fixed->source(), where + ".butir_tetap harus daftar nomor butir (1, 2, …) tanpa ulangan",
            where + ".butir_tetap must be a list of item numbers (1, 2, …) without repeats");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

std::unique_ptr<EffortBook> LoadEffortBook(std::string_view toml_text, const std::string& origin, Problems* problems) {
  const size_t before = problems->size();
  if (toml_text.size() > kMaxEffortBookBytes) {
    problems->Add(origin, "upaya_tidak_sah",
                  "berkas upaya lebih dari " + std::to_string(kMaxEffortBookBytes / 1024) + " KiB",
                  "the effort file is larger than " + std::to_string(kMaxEffortBookBytes / 1024) + " KiB");
    return nullptr;
  }
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    problems->Add(origin + ":" + std::to_string(e.source().begin.line), "upaya_tidak_sah",
                  "TOML tidak sah: " + std::string(e.description()), "invalid TOML: " + std::string(e.description()));
    return nullptr;
  }
  auto book = std::make_unique<EffortBook>();
  book->format = Str(root, "format");
  if (book->format != "kopsehat/upaya-v1") {
    problems->Add(origin, "upaya_tidak_sah", "format harus \"kopsehat/upaya-v1\"",
                  "format must be \"kopsehat/upaya-v1\"");
  }
  for (const auto& [key, value] : root) {
    static const std::set<std::string_view> kKeys{"format", "metode", "nilai_hari_orang", "alasan", "alasan_en",
                                                  "daftar_periksa"};
    if (kKeys.count(key.str()) == 0) {
      Error(problems, origin, key.source(), "kunci tidak dikenal '" + std::string(key.str()) + "'",
            "unknown key '" + std::string(key.str()) + "'");
    }
  }
  book->method = Str(root, "metode");
  if (book->method.empty()) problems->Add(origin, "upaya_tidak_sah", "metode wajib diisi", "metode is required");
  int64_t rupiah = 0;
  if (WholeIn(root, "nilai_hari_orang", 1, kMaxDayValueSen / 100, "", origin, problems, &rupiah)) {
    book->day_value_sen = rupiah * 100;
  }
  book->day_value_reason = Label{Str(root, "alasan"), Str(root, "alasan_en")};
  if (book->day_value_reason.id.empty() || book->day_value_reason.en.empty()) {
    problems->Add(origin, "upaya_tidak_sah", "alasan dan alasan_en wajib diisi (dasar nilai satu hari orang)",
                  "alasan and alasan_en are required (the basis of a person-day's value)");
  }
  const toml::array* lists = root["daftar_periksa"].as_array();
  if (lists == nullptr || lists->empty()) {
    problems->Add(origin, "upaya_tidak_sah", "[[daftar_periksa]] wajib ada", "[[daftar_periksa]] is required");
  } else {
    for (size_t i = 0; i < lists->size() && i < 1000; ++i) {
      const std::string where = "daftar_periksa[" + std::to_string(i + 1) + "]";
      const toml::table* t = lists->get(i)->as_table();
      ChecklistEffort c;
      if (t == nullptr || !LoadChecklist(*t, where, origin, problems, &c)) continue;
      if (book->Find(c.component) != nullptr) {
        Error(problems, origin, t->source(), where + ": komponen '" + c.component + "' sudah ada",
              where + ": component '" + c.component + "' is listed twice");
        continue;
      }
      book->checklists.push_back(std::move(c));
    }
  }
  if (problems->size() != before) return nullptr;
  return book;
}

bool CheckEffortBook(const EffortBook& book, const Rulebook& rulebook, Problems* problems) {
  const size_t before = problems->size();
  if (book.method != rulebook.id) {
    problems->Add("metode", "upaya_tidak_sah",
                  "berkas upaya untuk metode " + book.method + ", bukan " + rulebook.id,
                  "the effort file is for method " + book.method + ", not " + rulebook.id);
  }
  for (size_t i = 0; i < book.checklists.size(); ++i) {
    const ChecklistEffort& e = book.checklists[i];
    const std::string where = "daftar_periksa[" + std::to_string(i + 1) + "]";
    const Component* found = nullptr;
    for (const Component& c : rulebook.components) {
      if (c.id == e.component) found = &c;
    }
    if (found == nullptr || found->kind != ComponentKind::kChecklist) {
      problems->Add(where + ".komponen", "upaya_tidak_sah",
                    "'" + e.component + "' bukan daftar periksa metode " + rulebook.id,
                    "'" + e.component + "' is not a checklist of method " + rulebook.id);
      continue;
    }
    for (const int item : e.fixed) {
      if (size_t(item) > found->items.size()) {
        problems->Add(where + ".butir_tetap", "upaya_tidak_sah",
                      "butir " + std::to_string(item) + " tidak ada; daftar ini punya " +
                          std::to_string(found->items.size()) + " butir",
                      "item " + std::to_string(item) + " does not exist; this list has " +
                          std::to_string(found->items.size()) + " items");
      }
    }
  }
  return problems->size() == before;
}

std::vector<int> WorkableItems(const ComponentResult& r, const ChecklistEffort& effort) {
  std::vector<int> out;
  const Component& c = *r.spec;
  for (int i = 0; i < r.items && size_t(i) < r.answers.size() && size_t(i) < c.items.size(); ++i) {
    if (r.answers[size_t(i)] || c.items[size_t(i)].derivation.has_value()) continue;
    if (std::find(effort.fixed.begin(), effort.fixed.end(), i + 1) != effort.fixed.end()) continue;
    out.push_back(i);
  }
  return out;
}

bool TurnToYes(const Component& c, const std::vector<int>& items, Laporan* laporan) {
  for (ChecklistAnswers& a : laporan->checklists) {
    if (a.set != c.answers_set || a.key != c.answers_key) continue;
    for (const int i : items) {
      if (i < 0 || size_t(i) >= a.answers.size()) return false;
      a.answers[size_t(i)] = true;
    }
    return true;
  }
  return false;
}

const EffortBook* EmbeddedEffortBook(std::string_view method_id, Problems* problems) {
  if (method_id != "kkpkk-2021") return nullptr;
  static std::mutex mu;
  static std::unique_ptr<EffortBook> book;
  std::lock_guard<std::mutex> lock(mu);
  if (book == nullptr) book = LoadEffortBook(kEmbeddedEffortKkpkk, "bawaan:upaya-kkpkk.toml", problems);
  return book.get();
}

bool SetPersonDays(const std::string& component, const std::string& text, EffortBook* book, Problems* problems) {
  ChecklistEffort* c = book->Find(component);
  const std::string field = component + ".hari_orang";
  if (c == nullptr) {
    problems->Add(field, "upaya_tidak_dikenal", "daftar periksa '" + component + "' tidak punya upaya",
                  "checklist '" + component + "' has no effort entry");
    return false;
  }
  int64_t days = 0;
  bool ok = !text.empty() && text.size() <= 3;
  for (const char ch : text) {
    ok = ok && ch >= '0' && ch <= '9';
    days = days * 10 + (ch - '0');
  }
  if (!ok || days < 1 || days > kMaxPersonDays) {
    problems->Add(field, "hari_orang_tidak_sah",
                  "hari orang harus bilangan bulat 1.." + std::to_string(kMaxPersonDays) + ": " + text,
                  "person-days must be a whole number 1.." + std::to_string(kMaxPersonDays) + ": " + text);
    return false;
  }
  c->person_days = days;
  c->overridden = days != c->default_person_days;
  return true;
}

bool ApplyPersonDaysFile(std::string_view text, const std::string& origin, EffortBook* book, Problems* problems) {
  if (text.size() > kMaxLimitFileBytes) return true;  // ApplyLimitFile reports the size
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error&) {
    return true;  // ApplyLimitFile reports the TOML error with its line
  }
  const toml::node* format = root.get("format");
  const toml::node* days = root.get(kPersonDaysSection);
  if (format == nullptr || !format->is_string() || format->as_string()->get() != "kopsehat/batas-v2" || days == nullptr) {
    return true;
  }
  const size_t before = problems->size();
  const toml::table* table = days->as_table();
  if (table == nullptr) {
    problems->Add(kPersonDaysSection, "hari_orang_tidak_sah",
                  "harus tabel [hari_orang] dengan \"komponen\" = hari, mis. \"tata_kelola.pendidikan\" = 6",
                  "must be a table [hari_orang] of \"component\" = days, e.g. \"tata_kelola.pendidikan\" = 6");
    return false;
  }
  EffortBook changed = *book;
  for (const auto& [key, value] : *table) {
    const std::string id(key.str());
    const std::string written = value.is_integer() ? std::to_string(value.as_integer()->get())
                                : value.is_string() ? value.as_string()->get()
                                                    : std::string("?");
    Problems one;
    if (!SetPersonDays(id, written, &changed, &one)) {
      for (const Problem& p : one.items()) {
        problems->Add(std::string(kPersonDaysSection) + "." + id, p.code, p.pesan, p.message);
      }
    }
  }
  if (problems->size() != before) return false;
  *book = std::move(changed);
  return true;
}

}  // namespace kopsehat
