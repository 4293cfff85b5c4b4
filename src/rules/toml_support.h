// rules/toml_support.h — what both rulebook loaders (scored methods, rules/loader.cc; goal methods,
// rules/goal_loader.cc) share for reading TOML: a problem collector that knows file and line, exact decimals read
// from the source text, typed getters that report wrong keys and types. Internal to rules/. Depends on toml++.
#pragma once

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "core/decimal.h"
#include "core/problems.h"
#include "rules/rulebook.h"

namespace kopsehat::rules_internal {

// Collects problems of one rulebook file and knows its text, to recover the exact digits of TOML numbers
// (toml++ gives floats as double; the rulebook's numbers must be exact, so we read them from the source text).
class Context {
 public:
  Context(std::string_view text, const std::string& origin, Problems* problems)
      : origin_(origin), problems_(problems) {
    std::string_view rest = text;
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      lines_.push_back(rest.substr(0, nl));
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }

  void Error(const toml::node* node, const std::string& id, const std::string& en) {
    std::string where = origin_;
    if (node != nullptr && node->source().begin.line > 0) where.append(":").append(std::to_string(node->source().begin.line));
    problems_->Add(where, "rulebook_tidak_sah", id, en);
  }
  void Error(const toml::source_region& src, const std::string& id, const std::string& en) {
    std::string where = origin_;
    where.append(":").append(std::to_string(src.begin.line));
    problems_->Add(where, "rulebook_tidak_sah", id, en);
  }

  // The number's text as written, from its source position (columns count code points).
  std::string RawNumber(const toml::node& node) const {
    const auto& pos = node.source().begin;
    if (pos.line == 0 || pos.line > lines_.size()) return {};
    std::string_view line = lines_[pos.line - 1];
    size_t byte = 0;
    for (size_t cp = 1; cp < pos.column && byte < line.size(); ++cp) {
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
    }
    std::string out;
    while (byte < line.size()) {
      const char c = line[byte];
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
        out.push_back(c);
      } else if (c != '_') {
        break;
      }
      ++byte;
    }
    if (!out.empty() && out[0] == '+') out.erase(0, 1);
    return out;
  }

  const std::string& origin() const { return origin_; }
  Problems* problems() const { return problems_; }

 private:
  std::string origin_;
  Problems* problems_;
  std::vector<std::string_view> lines_;
};

void CheckKeys(Context& ctx, const toml::table& table, std::initializer_list<const char*> allowed,
               const std::string& where);
bool GetString(Context& ctx, const toml::table& t, const char* key, bool required, const std::string& where,
               std::string* out);
// An exact decimal from an integer, a float (read from its source text) or a string.
bool GetDecimalNode(Context& ctx, const toml::node* n, const std::string& what, Decimal* out);
bool GetDecimal(Context& ctx, const toml::table& t, const char* key, bool required, const std::string& where,
                Decimal* out);
// A decimal at a fixed number of decimals (nilai and bobot: 2; points and thresholds: 6).
bool GetFixed(Context& ctx, const toml::table& t, const char* key, bool required, const std::string& where,
              int scale, int64_t* out);
bool GetFormula(Context& ctx, const toml::table& t, const char* key, const std::string& where,
                const std::vector<Quantity>& quantities, LinearForm* out, bool allow_previous = false);
Label GetLabel(Context& ctx, const toml::table& t, const char* key_id, const char* key_en, bool required,
               const std::string& where);
// The [[key]] array of tables of the root, bounded by kMaxComponents; null (with a problem) when missing or wrong.
const toml::array* GetTableArray(Context& ctx, const toml::table& root, const char* key);

// The rulebook text as TOML, within kMaxRulebookBytes; false with the problem (size, or the TOML error at its line).
bool ParseRulebookToml(Context& ctx, std::string_view text, const std::string& origin, toml::table* root);

// Ids of quantities, aspects and components/indicators share one namespace per rulebook.
class IdSet {
 public:
  void Check(Context& ctx, const toml::table& t, const std::string& id, const std::string& where);

 private:
  std::set<std::string> ids_;
};

// What both kinds of rulebook say at the top: format, id, versi, nama, sumber, catatan. `goal_method` chooses the
// format the loader expects (kopsehat/sasaran-v1 or kopsehat/rulebook-v1) and how a wrong one is reported.
void LoadHeader(Context& ctx, const toml::table& root, bool goal_method, MethodHeader* out);

// [[besaran]]: quantities in order, each formula over lines and the quantities above it, possibly reading
// periode_lalu through lalu()/rata_rata() (so no quantity may be named after them).
void LoadQuantities(Context& ctx, const toml::table& root, IdSet* ids, std::vector<Quantity>* out);

// keyakinan: tinggi | sedang | rendah.
void GetConfidence(Context& ctx, const toml::table& t, const std::string& where, std::string* out);

// aspek = "ID" naming one of `aspects` (anything with an `id`); its index, or -1 with a problem.
template <typename AspectT>
int GetAspect(Context& ctx, const toml::table& t, const std::string& where, const std::vector<AspectT>& aspects,
              std::string* out) {
  if (!GetString(ctx, t, "aspek", true, where, out)) return -1;
  for (size_t i = 0; i < aspects.size(); ++i) {
    if (aspects[i].id == *out) return int(i);
  }
  ctx.Error(t.get("aspek"), where + ": aspek '" + *out + "' tidak didefinisikan",
            where + ": aspect '" + *out + "' is not defined");
  return -1;
}

}  // namespace kopsehat::rules_internal
