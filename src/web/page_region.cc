// web/page_region.cc — the regional dashboard (views.h): the predikat distribution, the early-warning, review and
// overdue lists, and the table of every cooperative, filtered, sorted and paged by the query so it works without
// JavaScript. Depends on web/html.h and report/ (wording).
#include "web/views.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text.h"
#include "core/zone.h"
#include "report/text_report.h"
#include "report/wording.h"
#include "web/html.h"

namespace kopsehat::web {

// The builder and widgets every page shares (html.h).
using namespace html;

namespace {

// Long lists on the regional dashboard (warnings, overdue, awaiting review) show this many entries and a count of
// the rest: the full table below is where all of them can be paged through.
constexpr size_t kListLimit = 50;

constexpr size_t kOpenListSize = 8;

// ---- The query: filter, sort, page ----

enum class SortBy { kNama, kSkor, kPerubahan };

SortBy ParseSort(std::string_view urut) {
  if (urut == "skor") return SortBy::kSkor;
  if (urut == "perubahan") return SortBy::kPerubahan;
  return SortBy::kNama;
}

const char* SortName(SortBy s) {
  switch (s) {
    case SortBy::kSkor: return "skor";
    case SortBy::kPerubahan: return "perubahan";
    case SortBy::kNama: break;
  }
  return "nama";
}

// The `predikat` filter value for cooperatives without a final assessment (their predikat is "").
constexpr std::string_view kBelumDinilai = "belum";

RegionQuery Normalised(const RegionQuery& in) {
  RegionQuery q = in;
  q.q = std::string(Trim(in.q, kBlanks));
  q.urut = SortName(ParseSort(in.urut));
  q.arah = in.arah == "turun" ? "turun" : "naik";
  q.hal = std::max<size_t>(1, in.hal);
  return q;
}

bool Matches(const RegionRow& row, const RegionQuery& q) {
  const store::CooperativeSummary& s = row.summary;
  if (!q.predikat.empty()) {
    if (q.predikat == kBelumDinilai ? !s.latest_predikat.empty() : s.latest_predikat != q.predikat) return false;
  }
  if (!q.metode.empty()) {
    if (q.metode == kBelumDinilai ? s.latest_id.has_value() : s.latest_rulebook_id != q.metode) return false;
  }
  return q.q.empty() || ContainsFold(s.cooperative.nama, q.q);
}

// Where a row goes when sorted by a figure: rows with the figure first (in the direction asked), then — by change —
// the rows whose method changed (a break is not a number, so it is neither "highest" nor "lowest"), then the rows
// without any figure.
enum class Tier { kFigure, kBreak, kNone };

Tier SortTier(const store::CooperativeSummary& s, SortBy by) {
  if (!s.latest_id) return Tier::kNone;
  if (by == SortBy::kSkor || ScoreChangeE6(s)) return Tier::kFigure;
  return MethodBreak(s) ? Tier::kBreak : Tier::kNone;
}

int64_t SortValue(const store::CooperativeSummary& s, SortBy by) {
  if (by == SortBy::kSkor) return s.latest_total_e6;
  return ScoreChangeE6(s).value_or(0);
}

// The table's default (no filter, by name ascending) over rows that already come by name: the rows as they are,
// with nothing selected or sorted, so a page of the nation's 130,000 costs a page.
bool RowsAsTheyAre(const RegionView& view, const RegionQuery& q) {
  return view.rows_by_name && q.q.empty() && q.predikat.empty() && q.metode.empty() &&
         ParseSort(q.urut) == SortBy::kNama && q.arah != "turun";
}

std::vector<const RegionRow*> SelectRows(const RegionView& view, const RegionQuery& q) {
  std::vector<const RegionRow*> rows;
  rows.reserve(view.rows.size());
  for (const RegionRow& r : view.rows) {
    if (Matches(r, q)) rows.push_back(&r);
  }
  const SortBy by = ParseSort(q.urut);
  const bool down = q.arah == "turun";
  const auto before = [by, down](const RegionRow* x, const RegionRow* y) {
    const store::CooperativeSummary& a = x->summary;
    const store::CooperativeSummary& b = y->summary;
    if (by != SortBy::kNama) {
      // Cooperatives without a figure go last whichever the direction: they are not "lowest".
      const Tier ta = SortTier(a, by);
      const Tier tb = SortTier(b, by);
      if (ta != tb) return ta < tb;
      const int64_t va = SortValue(a, by);
      const int64_t vb = SortValue(b, by);
      if (ta == Tier::kFigure && va != vb) return down ? va > vb : va < vb;
    } else {
      const int c = CompareFold(a.cooperative.nama, b.cooperative.nama);
      if (c != 0) return down ? c > 0 : c < 0;
    }
    const int c = CompareFold(a.cooperative.nama, b.cooperative.nama);
    if (c != 0) return c < 0;
    return a.cooperative.id < b.cooperative.id;
  };
  // The rows come by name (the snapshot is sorted so): the default order needs no sort; otherwise one pass usually
  // confirms it.
  if (by == SortBy::kNama && !down && view.rows_by_name) return rows;
  if (!std::is_sorted(rows.begin(), rows.end(), before)) std::sort(rows.begin(), rows.end(), before);
  return rows;
}

// Percent-encodes a query parameter value (RFC 3986 unreserved characters kept).
std::string UrlEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

// A link to the dashboard (or, with another `base`, its exports) with the query, omitting what is default so links
// stay short.
std::string RegionUrl(const RegionQuery& q, std::string_view base = "/wilayah") {
  std::string url(base);
  const auto add = [&url, &base](std::string_view name, std::string_view value) {
    url.append(url.size() == base.size() ? "?" : "&").append(name).append("=").append(UrlEncode(value));
  };
  if (!q.q.empty()) add("q", q.q);
  if (!q.predikat.empty()) add("predikat", q.predikat);
  if (!q.metode.empty()) add("metode", q.metode);
  if (q.urut != "nama") add("urut", q.urut);
  if (q.arah != "naik") add("arah", q.arah);
  if (q.hal > 1) add("hal", std::to_string(q.hal));
  return url;
}

// ---- Distribution and lists ----

std::vector<std::string> PredikatOrder(const RegionView& view) {
  std::vector<std::string> order = PredikatLabels();
  for (const auto& [label, count] : view.by_predikat) {
    if (!label.empty() && std::find(order.begin(), order.end(), label) == order.end()) order.push_back(label);
  }
  order.emplace_back();
  return order;
}

void PredikatCounts(Html& h, const PageContext& ctx, const RegionView& view) {
  int total = 0;
  for (const auto& [label, count] : view.by_predikat) total += count;
  h << "<section class=\"kartu\"><h2>" << T(ctx, "Sebaran predikat", "Predikat distribution") << " <span "
    << "class=\"kecil\">(" << total << T(ctx, " koperasi)", " cooperatives)") << "</span></h2>";
  const std::vector<std::string> order = PredikatOrder(view);
  if (total > 0) {
    h << "<svg class=\"batang\" viewBox=\"0 0 300 16\" preserveAspectRatio=\"none\" aria-hidden=\"true\">";
    int x = 0;
    int seen = 0;
    for (const std::string& label : order) {
      const auto it = view.by_predikat.find(label);
      if (it == view.by_predikat.end() || it->second == 0) continue;
      seen += it->second;
      const int end = int(int64_t(seen) * 300 / total);
      h << "<rect class=\"" << PredikatClass(label) << "\" x=\"" << x << "\" y=\"0\" width=\"" << (end - x)
        << "\" height=\"16\"/>";
      x = end;
    }
    h << "</svg>";
  }
  h << "<ul class=\"hitung\">";
  for (const std::string& label : order) {
    const auto it = view.by_predikat.find(label);
    if (it == view.by_predikat.end()) continue;
    RegionQuery q;
    q.predikat = label.empty() ? std::string(kBelumDinilai) : label;
    h << "<li><a href=\"" << Esc{RegionUrl(q)} << "\">";
    PredikatBadge(h, ctx, label);
    h << " <strong>" << it->second << "</strong></a></li>";
  }
  h << "</ul></section>";
}

void MoreLine(Html& h, const PageContext& ctx, size_t shown, size_t total) {
  if (total <= shown) return;
  h << "<li>… " << T(ctx, "dan ", "and ") << (total - shown) << T(ctx, " lainnya", " more") << "</li>";
}

// A list that stays collapsed when long, so the dashboard still fits a phone screen; the table below has them all.
void ListOpen(Html& h, const char* title, size_t total) {
  h << "<details class=\"kartu liste\"" << (total <= kOpenListSize ? " open" : "") << "><summary><h2>" << title
    << " (" << total << ")</h2></summary>";
}

void ListEmpty(Html& h, const PageContext& ctx) { h << "<p>" << T(ctx, "Tidak ada.", "None.") << "</p></details>"; }

// The first kListLimit rows with a flag, and how many have it: from the App's gathered list when it made one
// (`gathered`), else by reading every row.
struct Flagged {
  std::vector<const RegionRow*> first;
  size_t total = 0;
};
Flagged FlaggedOf(const RegionView& view, bool RegionRow::*flag, const RegionRows& gathered) {
  Flagged f;
  if (view.flags_gathered) {
    f.total = gathered.size();
    for (size_t i = 0; i < std::min(f.total, kListLimit); ++i) f.first.push_back(&gathered[i]);
    return f;
  }
  for (const RegionRow& r : view.rows) {
    if (!(r.*flag)) continue;
    if (f.first.size() < kListLimit) f.first.push_back(&r);
    ++f.total;
  }
  return f;
}

// The flagged rows after ListOpen, each an <li> written by `item`, and a count of the rest; or "none". Closes the
// list.
template <typename WriteItem>
void FlaggedRows(Html& h, const PageContext& ctx, const Flagged& flagged, const WriteItem& item) {
  if (flagged.total == 0) return ListEmpty(h, ctx);
  h << "<ul>";
  for (const RegionRow* r : flagged.first) {
    h << "<li>";
    item(*r);
    h << "</li>";
  }
  MoreLine(h, ctx, flagged.first.size(), flagged.total);
  h << "</ul></details>";
}

void EarlyWarnings(Html& h, const PageContext& ctx, const RegionView& view) {
  const Flagged flagged = FlaggedOf(view, &RegionRow::early_warning, view.early_warning_rows);
  ListOpen(h, T(ctx, "Peringatan dini", "Early warning"), flagged.total);
  FlaggedRows(h, ctx, flagged, [&](const RegionRow& r) {
    const store::CooperativeSummary& s = r.summary;
    CoopLink(h, s.cooperative);
    if (s.latest_id) {
      h << " — <a href=\"" << Esc{Path("/laporan/", *s.latest_id)} << "\">"
        << Esc{FormatPoints(s.latest_total_e6, ctx.lang)} << "</a> ";
    }
    PredikatBadge(h, ctx, s.latest_predikat);
    h << "<div class=\"kecil\">" << Esc{ctx.lang == Lang::kEn ? r.warning_reason_en : r.warning_reason_id}
      << "</div>";
  });
}

void AwaitingReview(Html& h, const PageContext& ctx, const RegionView& view) {
  ListOpen(h, T(ctx, "Menunggu pemeriksaan", "Awaiting review"), view.awaiting_review.size());
  if (view.awaiting_review.empty()) return ListEmpty(h, ctx);
  // The cooperatives of the entries shown: from the App (no index of every row per request), else looked up in the
  // rows for those few entries only.
  const auto cooperative_of = [&view](size_t i) -> const store::Cooperative* {
    if (i < view.awaiting_cooperatives.size()) return view.awaiting_cooperatives[i];
    for (const RegionRow& r : view.rows) {
      if (r.summary.cooperative.id == view.awaiting_review[i].cooperative_id) return &r.summary.cooperative;
    }
    return nullptr;
  };
  h << "<ul>";
  size_t shown = 0;
  // The examiner's region's zone (a Dinas watches regencies of one province).
  const TimeZone zone = ZoneOfProvince(view.regions.empty() ? std::string() : view.regions.front().provinsi);
  for (const store::LaporanRecord& l : view.awaiting_review) {
    if (shown == kListLimit) break;
    const store::Cooperative* coop = cooperative_of(shown);
    ++shown;
    h << "<li><a href=\"" << Esc{Path("/laporan/", l.id)} << "\">";
    if (coop != nullptr) {
      h << Esc{coop->nama};
    } else {
      h << T(ctx, "Koperasi #", "Cooperative #") << l.cooperative_id;
    }
    h << " — " << Esc{FormatDateLong(l.periode_akhir, ctx.lang)} << "</a>";
    if (l.revision > 1) h << " <span class=\"kecil\">" << T(ctx, "revisi ", "revision ") << l.revision << "</span>";
    if (l.submitted_at) {
      h << "<div class=\"kecil\">" << T(ctx, "diajukan ", "submitted ") << Esc{FormatLocalDateTime(*l.submitted_at, zone, ctx.lang)} << "</div>";
    }
    h << "</li>";
  }
  MoreLine(h, ctx, shown, view.awaiting_review.size());
  h << "</ul></details>";
}

void Overdue(Html& h, const PageContext& ctx, const RegionView& view) {
  const Flagged flagged = FlaggedOf(view, &RegionRow::overdue, view.overdue_rows);
  ListOpen(h, T(ctx, "Terlambat menyerahkan laporan", "Laporan overdue"), flagged.total);
  h << "<p class=\"kecil\">" << T(ctx, "Tahun buku yang berakhir ", "Financial year ending ")
    << Esc{FormatDateLong(view.expected_periode, ctx.lang)} << "</p>";
  FlaggedRows(h, ctx, flagged, [&](const RegionRow& r) {
    CoopLink(h, r.summary.cooperative);
    h << " <span class=\"kecil\">";
    if (r.summary.last_submitted_periode.empty()) {
      h << T(ctx, "belum pernah mengajukan", "never submitted");
    } else {
      h << T(ctx, "terakhir: ", "last: ") << Esc{FormatDateLong(r.summary.last_submitted_periode, ctx.lang)};
    }
    h << "</span>";
  });
}

// ---- The table of every cooperative ----

void FilterForm(Html& h, const PageContext& ctx, const RegionView& view, const RegionQuery& q) {
  h << "<form method=\"get\" action=\"/wilayah\" class=\"saring\"><div><label for=\"cari\">"
    << T(ctx, "Cari nama", "Search name") << "</label><input id=\"cari\" type=\"search\" name=\"q\" value=\""
    << Esc{q.q} << "\"></div><div><label for=\"saring-predikat\">Predikat</label><select id=\"saring-predikat\" "
    << "name=\"predikat\"><option value=\"\">" << T(ctx, "Semua", "All") << "</option>";
  for (const std::string& label : PredikatOrder(view)) {
    const std::string value = label.empty() ? std::string(kBelumDinilai) : label;
    h << "<option value=\"" << Esc{value} << "\"" << (q.predikat == value ? " selected" : "") << ">";
    if (label.empty()) {
      h << T(ctx, "Belum dinilai", "Not assessed");
    } else {
      h << Esc{label};
    }
    h << "</option>";
  }
  h << "</select></div><div><label for=\"saring-metode\">" << T(ctx, "Metode", "Method") << "</label><select "
    << "id=\"saring-metode\" name=\"metode\"><option value=\"\">" << T(ctx, "Semua", "All") << "</option>";
  for (const auto& [metode, count] : view.by_metode) {
    const std::string value = metode.empty() ? std::string(kBelumDinilai) : metode;
    h << "<option value=\"" << Esc{value} << "\"" << (q.metode == value ? " selected" : "") << ">";
    if (metode.empty()) {
      h << T(ctx, "Belum dinilai", "Not assessed");
    } else {
      h << Esc{metode};
    }
    h << " (" << count << ")</option>";
  }
  h << "</select></div><div><label for=\"urut\">" << T(ctx, "Urutkan", "Sort by") << "</label><select id=\"urut\" "
    << "name=\"urut\">";
  const std::pair<const char*, const char*> sorts[] = {{"nama", T(ctx, "Nama", "Name")},
                                                       {"skor", T(ctx, "Skor", "Score")},
                                                       {"perubahan", T(ctx, "Perubahan", "Change")}};
  for (const auto& [value, text] : sorts) {
    h << "<option value=\"" << value << "\"" << (q.urut == value ? " selected" : "") << ">" << text << "</option>";
  }
  h << "</select></div><div><label for=\"arah\">" << T(ctx, "Arah", "Order") << "</label><select id=\"arah\" "
    << "name=\"arah\"><option value=\"naik\">" << T(ctx, "Naik", "Ascending") << "</option><option value=\"turun\""
    << (q.arah == "turun" ? " selected" : "") << ">" << T(ctx, "Turun", "Descending") << "</option></select></div>"
    << "<div><button>" << T(ctx, "Terapkan", "Apply") << "</button></div></form>";
}

void SortHeader(Html& h, const RegionQuery& q, const char* key, const char* text, bool numeric) {
  RegionQuery next = q;
  next.urut = key;
  next.arah = q.urut == key && q.arah == "naik" ? "turun" : "naik";
  next.hal = 1;
  h << "<th" << (numeric ? " class=\"n\"" : "");
  if (q.urut == key) h << " aria-sort=\"" << (q.arah == "naik" ? "ascending" : "descending") << "\"";
  h << "><a href=\"" << Esc{RegionUrl(next)} << "\">" << text << "</a></th>";
}

// What one row's cells say, once for the page and the exports, so a download is cell for cell what was shown.
struct RowTexts {
  std::string periode;  // the year of the latest final result ("" when none)
  std::string metode;   // "kkpkk-2021 versi 2"
  std::string skor;
  std::string perubahan;  // "+1,25", "metode berganti: ksp-2016 → kkpkk-2021", or "—"
  std::optional<int64_t> change_e6;
  bool method_break = false;
  std::array<std::string, store::kKkpkkAspectIds.size()> aspek;  // "" for methods without these aspects
  std::vector<const char*> tanda;
};

constexpr const char* kNone = "—";

RowTexts TextsOf(const PageContext& ctx, const RegionRow& r) {
  const store::CooperativeSummary& s = r.summary;
  RowTexts t;
  if (!s.latest_periode.empty()) t.periode = std::string_view(s.latest_periode).substr(0, 4);
  if (s.latest_id) {
    t.metode = s.latest_rulebook_id + T(ctx, " versi ", " version ") + s.latest_rulebook_version;
    t.skor = FormatPoints(s.latest_total_e6, ctx.lang);
  } else {
    t.metode = kNone;
    t.skor = kNone;
  }
  t.change_e6 = ScoreChangeE6(s);
  t.method_break = MethodBreak(s);
  if (t.change_e6) {
    t.perubahan = SignedPoints(*t.change_e6, ctx.lang);
  } else if (t.method_break) {
    t.perubahan = std::string(T(ctx, "metode berganti: ", "method changed: ")) + s.previous_rulebook_id + " → " +
                  s.latest_rulebook_id;
  } else {
    t.perubahan = kNone;
  }
  for (size_t k = 0; k < t.aspek.size(); ++k) {
    if (s.latest_id && s.latest_aspek_pct_e6[k]) t.aspek[k] = FormatPoints(*s.latest_aspek_pct_e6[k], ctx.lang);
  }
  if (r.early_warning) t.tanda.push_back(T(ctx, "peringatan", "warning"));
  if (r.overdue) t.tanda.push_back(T(ctx, "terlambat", "overdue"));
  if (s.awaiting_review) t.tanda.push_back(T(ctx, "menunggu", "awaiting"));
  return t;
}

// The headings of the aspect columns, in the order of store::kKkpkkAspectIds (the rulebook's names).
std::array<const char*, store::kKkpkkAspectIds.size()> AspectHeadings(const PageContext& ctx) {
  return {T(ctx, "Tata Kelola (%)", "Governance (%)"), T(ctx, "Profil Risiko (%)", "Risk profile (%)"),
          T(ctx, "Kinerja Keuangan (%)", "Financial performance (%)"), T(ctx, "Permodalan (%)", "Capital (%)")};
}

void RegionRowHtml(Html& h, const PageContext& ctx, const RegionRow& r) {
  const store::CooperativeSummary& s = r.summary;
  const RowTexts t = TextsOf(ctx, r);
  h << "<tr id=\"k-" << s.cooperative.id << "\"><td>";
  CoopLink(h, s.cooperative);
  h << "<div class=\"kecil\">" << Esc{s.cooperative.region_nama};
  if (!t.periode.empty()) h << " · " << Esc{t.periode};
  // The method id never breaks at its hyphen on a phone ("ksp-" / "2016"); the version may go to the next line.
  h << "</div></td><td class=\"metode\">";
  if (s.latest_id) {
    h << "<span class=\"nw\">" << Esc{s.latest_rulebook_id} << "</span>"
      << Esc{std::string_view(t.metode).substr(s.latest_rulebook_id.size())};
  } else {
    h << Esc{t.metode};
  }
  h << "</td><td class=\"n\">";
  if (s.latest_id) {
    h << "<a href=\"" << Esc{Path("/laporan/", *s.latest_id)} << "\">" << Esc{t.skor} << "</a>";
  } else {
    h << Esc{t.skor};
  }
  h << "</td><td>";
  PredikatBadge(h, ctx, s.latest_predikat);
  h << "</td><td class=\"" << (t.method_break ? "putus" : "n") << "\">" << Esc{t.perubahan} << "</td>";
  for (const std::string& a : t.aspek) h << "<td class=\"n\">" << Esc{a} << "</td>";
  h << "<td>";
  if (r.early_warning) {
    h << "<span class=\"tanda\" title=\"" << Esc{ctx.lang == Lang::kEn ? r.warning_reason_en : r.warning_reason_id}
      << "\">" << t.tanda[0] << "</span>";
  }
  for (size_t i = r.early_warning ? 1 : 0; i < t.tanda.size(); ++i) h << "<span class=\"tanda\">" << t.tanda[i] << "</span>";
  h << "</td></tr>";
}

void Pager(Html& h, const PageContext& ctx, const RegionQuery& q, size_t pages, size_t count) {
  h << "<nav class=\"halaman\" aria-label=\"" << T(ctx, "Halaman", "Pages") << "\">";
  RegionQuery to = q;
  if (q.hal > 1) {
    to.hal = 1;
    h << "<a class=\"tombol kedua\" href=\"" << Esc{RegionUrl(to)} << "\">« " << T(ctx, "Pertama", "First") << "</a>";
    to.hal = q.hal - 1;
    h << "<a class=\"tombol kedua\" rel=\"prev\" href=\"" << Esc{RegionUrl(to)} << "\">‹ "
      << T(ctx, "Sebelumnya", "Previous") << "</a>";
  }
  h << "<span>" << T(ctx, "Halaman ", "Page ") << q.hal << T(ctx, " dari ", " of ") << pages << " (" << count
    << T(ctx, " koperasi)", " cooperatives)") << "</span>";
  if (q.hal < pages) {
    to.hal = q.hal + 1;
    h << "<a class=\"tombol kedua\" rel=\"next\" href=\"" << Esc{RegionUrl(to)} << "\">"
      << T(ctx, "Berikutnya", "Next") << " ›</a>";
    to.hal = pages;
    h << "<a class=\"tombol kedua\" href=\"" << Esc{RegionUrl(to)} << "\">" << T(ctx, "Terakhir", "Last") << " »</a>";
  }
  h << "</nav>";
}

void RegionTable(Html& h, const PageContext& ctx, const RegionView& view, const RegionQuery& query) {
  RegionQuery q = query;
  const bool as_they_are = RowsAsTheyAre(view, q);
  const std::vector<const RegionRow*> selected = as_they_are ? std::vector<const RegionRow*>() : SelectRows(view, q);
  const size_t count = as_they_are ? view.rows.size() : selected.size();
  const auto row = [&](size_t i) -> const RegionRow& { return as_they_are ? view.rows[i] : *selected[i]; };
  const size_t pages = std::max<size_t>(1, (count + kRegionPageSize - 1) / kRegionPageSize);
  q.hal = std::min(q.hal, pages);
  h << "<h2 id=\"daftar\">" << T(ctx, "Semua koperasi", "All cooperatives") << "</h2>";
  FilterForm(h, ctx, view, q);
  if (count == 0) {
    h << "<p>" << T(ctx, "Tidak ada koperasi yang cocok.", "No cooperative matches.") << "</p>";
    return;
  }
  // The downloads carry the filters and the sort, not the page: they hold every matching row.
  RegionQuery all = q;
  all.hal = 1;
  h << "<p class=\"ekspor\"><span>" << T(ctx, "Unduh tabel ini (semua halaman, dengan saringan dan urutan):",
                                     "Download this table (all pages, filtered and sorted):") << "</span>"
    << "<a class=\"tombol kedua\" id=\"ekspor-csv\" href=\"" << Esc{RegionUrl(all, "/wilayah/ekspor.csv")}
    << "\" download>CSV</a> <a class=\"tombol kedua\" id=\"ekspor-xlsx\" href=\""
    << Esc{RegionUrl(all, "/wilayah/ekspor.xlsx")} << "\" download>XLSX</a></p>";
  h << "<div class=\"gulir\"><table class=\"wilayah\"><thead><tr>";
  SortHeader(h, q, "nama", T(ctx, "Koperasi", "Cooperative"), false);
  h << "<th>" << T(ctx, "Metode", "Method") << "</th>";
  SortHeader(h, q, "skor", T(ctx, "Skor", "Score"), true);
  h << "<th>Predikat</th>";
  SortHeader(h, q, "perubahan", T(ctx, "Perubahan", "Change"), true);
  for (const char* heading : AspectHeadings(ctx)) h << "<th class=\"n\">" << heading << "</th>";
  h << "<th>" << T(ctx, "Tanda", "Flags") << "</th></tr></thead><tbody>";
  const size_t first = (q.hal - 1) * kRegionPageSize;
  const size_t last = std::min(count, first + kRegionPageSize);
  for (size_t i = first; i < last; ++i) RegionRowHtml(h, ctx, row(i));
  h << "</tbody></table></div>";
  Pager(h, ctx, q, pages, count);
}

TableCell Text(std::string text) { return TableCell{std::move(text), std::nullopt, 0}; }
TableCell Number(std::string text, std::optional<int64_t> e6) { return TableCell{std::move(text), e6, 2}; }

}  // namespace

std::string RegionPage(const PageContext& ctx, const RegionView& view, const RegionQuery& query) {
  const RegionQuery q = Normalised(query);
  Html h(64 * 1024 + kRegionPageSize * 600);
  Begin(h, ctx, T(ctx, "Dasbor wilayah", "Regional dashboard"));
  h << "<h1>" << T(ctx, "Dasbor wilayah", "Regional dashboard") << "</h1>";
  if (!view.regions.empty()) {
    h << "<p class=\"kecil\">";
    for (size_t i = 0; i < view.regions.size(); ++i) {
      h << (i ? "; " : "") << Esc{view.regions[i].nama} << ", " << Esc{view.regions[i].provinsi};
    }
    h << "</p>";
  }
  PredikatCounts(h, ctx, view);
  h << "<div class=\"dua\">";
  EarlyWarnings(h, ctx, view);
  AwaitingReview(h, ctx, view);
  h << "</div>";
  Overdue(h, ctx, view);
  RegionTable(h, ctx, view, q);
  return End(h, ctx);
}

ExportTable RegionTableExport(const PageContext& ctx, const RegionView& view, const RegionQuery& query) {
  const RegionQuery q = Normalised(query);
  ExportTable table;
  table.title = T(ctx, "Koperasi wilayah", "Regional cooperatives");
  table.headings = {T(ctx, "Koperasi", "Cooperative"), T(ctx, "Kabupaten/Kota", "Regency/city"),
                    T(ctx, "Tahun buku", "Financial year"), T(ctx, "Metode", "Method"), T(ctx, "Skor", "Score"),
                    "Predikat", T(ctx, "Perubahan", "Change")};
  for (const char* heading : AspectHeadings(ctx)) table.headings.emplace_back(heading);
  table.headings.emplace_back(T(ctx, "Tanda", "Flags"));
  const std::vector<const RegionRow*> rows = SelectRows(view, q);
  table.rows.reserve(rows.size());
  for (const RegionRow* r : rows) {
    const store::CooperativeSummary& s = r->summary;
    RowTexts t = TextsOf(ctx, *r);
    std::vector<TableCell> cells;
    cells.push_back(Text(s.cooperative.nama));
    cells.push_back(Text(s.cooperative.region_nama));
    cells.push_back(Text(t.periode));
    cells.push_back(Text(t.metode));
    cells.push_back(Number(t.skor, s.latest_id ? std::optional<int64_t>(s.latest_total_e6) : std::nullopt));
    cells.push_back(Text(s.latest_predikat.empty() ? std::string(T(ctx, "belum dinilai", "not assessed"))
                                                   : s.latest_predikat));
    cells.push_back(Number(t.perubahan, t.change_e6));
    for (size_t k = 0; k < t.aspek.size(); ++k) {
      cells.push_back(Number(t.aspek[k], t.aspek[k].empty() ? std::nullopt : s.latest_aspek_pct_e6[k]));
    }
    std::string tanda;
    for (const char* f : t.tanda) tanda.append(tanda.empty() ? "" : ", ").append(f);
    cells.push_back(Text(tanda));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

}  // namespace kopsehat::web
