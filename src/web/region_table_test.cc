// web/region_table_test.cc — the regional table's method column, KKPKK aspect columns, method filter, the break
// shown where the method changed (and kept apart when sorting by change), and the CSV/XLSX exports holding exactly
// the rows and cell texts the page shows, filters and sort applied, across all pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "interchange/xlsx_reader.h"
#include "web/views.h"

namespace kopsehat::web {
namespace {

Principal Examiner() {
  Principal p;
  p.user.id = 1;
  p.user.username = "dinas";
  p.user.role = store::Role::kDinas;
  return p;
}

PageContext Ctx(const Principal* p) {
  PageContext ctx;
  ctx.principal = p;
  ctx.csrf = std::string(64, 'c');
  ctx.path = "/wilayah";
  return ctx;
}

// n cooperatives with three histories, by i % 3: 0 — kkpkk-2021 both years (a difference), 1 — ksp-2016 then
// kkpkk-2021 (a break), 2 — ksp-2016 both years; every seventh has no final result. KKPKK results carry aspect
// percentages; "Melati" in every fifth name.
RegionView MixedRegion(size_t n) {
  std::vector<RegionRow> rows(n);
  RegionView v;
  v.regions = {{3, "Probolinggo", "Jawa Timur"}};
  v.expected_periode = "2025-12-31";
  for (size_t i = 1; i <= n; ++i) {
    RegionRow& row = rows[i - 1];
    store::CooperativeSummary& s = row.summary;
    s.cooperative = {int64_t(i), 3, "Probolinggo",
                     (i % 5 == 0 ? "KSP Melati " : "Koperasi ") + std::to_string(1000 + i), "KSP", ""};
    if (i % 7 != 0) {
      s.latest_id = int64_t(5000 + i);
      s.latest_periode = "2025-12-31";
      s.latest_total_e6 = int64_t(60 + i % 37) * 1'000'000 + int64_t(i) * 10'000;
      s.latest_predikat = i % 2 ? "CUKUP SEHAT" : "SEHAT";
      s.latest_rulebook_id = i % 3 == 2 ? "ksp-2016" : "kkpkk-2021";
      s.latest_rulebook_version = i % 3 == 2 ? "1" : "2";
      s.previous_total_e6 = s.latest_total_e6 + (int64_t(i % 9) - 4) * 1'000'000;
      s.previous_rulebook_id = i % 3 == 0 ? "kkpkk-2021" : "ksp-2016";
      if (s.latest_rulebook_id == "kkpkk-2021") {
        s.latest_aspek_pct_e6 = {87'500'000, 70'830'000 + int64_t(i) * 10'000, 100'000'000, 12'340'000};
      }
    }
    v.by_predikat[s.latest_predikat]++;
    v.by_metode[s.latest_rulebook_id]++;
  }
  v.rows.Own(std::move(rows));
  return v;
}

// The texts of every table row's cells, in order, tags removed (the first cell: the name only).
std::vector<std::vector<std::string>> TableTexts(const std::string& html) {
  std::vector<std::vector<std::string>> out;
  const std::regex row("<tr id=\"k-[0-9]+\">(.*?)</tr>");
  const std::regex cell("<td[^>]*>(.*?)</td>");
  const std::regex tag("<div class=\"kecil\">.*?</div>|<[^>]*>");
  for (auto r = std::sregex_iterator(html.begin(), html.end(), row); r != std::sregex_iterator(); ++r) {
    const std::string inner = (*r)[1].str();
    std::vector<std::string> cells;
    for (auto c = std::sregex_iterator(inner.begin(), inner.end(), cell); c != std::sregex_iterator(); ++c) {
      cells.push_back(std::regex_replace((*c)[1].str(), tag, ""));
    }
    out.push_back(cells);
  }
  return out;
}

// The page's cells as the export's columns (name, method, score, predikat, change, 4 aspects, flags).
std::vector<std::string> ExportedAsShown(const std::vector<TableCell>& cells) {
  std::vector<std::string> out = {cells[0].text, cells[3].text, cells[4].text, cells[5].text, cells[6].text};
  for (size_t k = 7; k < 11; ++k) out.push_back(cells[k].text);
  out.push_back(cells[11].text);
  return out;
}

std::string Unescape(std::string s) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&gt;", ">"}, {"&lt;", "<"}, {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  }
  return s;
}

TEST(RegionTableTest, MethodColumnAspectsAndBreak) {
  const Principal p = Examiner();
  const RegionView view = MixedRegion(20);
  const std::string html = RegionPage(Ctx(&p), view, {});
  EXPECT_NE(html.find("<th>Metode</th>"), std::string::npos);
  EXPECT_NE(html.find("Tata Kelola (%)"), std::string::npos);
  EXPECT_NE(html.find("Permodalan (%)"), std::string::npos);
  const std::vector<std::vector<std::string>> rows = TableTexts(html);
  ASSERT_EQ(rows.size(), 20u);
  bool saw_break = false, saw_difference = false;
  for (const RegionRow& r : view.rows) {
    const size_t i = size_t(r.summary.cooperative.id);
    const std::vector<std::string>* shown = nullptr;
    for (const auto& row : rows) {
      if (row[0] == r.summary.cooperative.nama) shown = &row;
    }
    ASSERT_NE(shown, nullptr) << r.summary.cooperative.nama;
    ASSERT_EQ(shown->size(), 10u);
    if (i % 7 == 0) continue;
    const std::string& change = Unescape((*shown)[4]);
    if (i % 3 == 1) {
      // Method changed: the break, never a number.
      EXPECT_EQ(change, "metode berganti: ksp-2016 → kkpkk-2021");
      saw_break = true;
    } else {
      EXPECT_EQ(change.find("metode"), std::string::npos);
      saw_difference = saw_difference || change != "—";
    }
    if (r.summary.latest_rulebook_id == "kkpkk-2021") {
      EXPECT_EQ((*shown)[1], "kkpkk-2021 versi 2");
      EXPECT_EQ((*shown)[5], "87,50");
      EXPECT_EQ((*shown)[7], "100,00");
      EXPECT_EQ((*shown)[8], "12,34");
    } else {
      EXPECT_EQ((*shown)[1], "ksp-2016 versi 1");
      EXPECT_EQ((*shown)[5], "");  // blank for other methods
    }
  }
  EXPECT_TRUE(saw_break);
  EXPECT_TRUE(saw_difference);
}

TEST(RegionTableTest, MethodFilter) {
  const Principal p = Examiner();
  const RegionView view = MixedRegion(60);
  RegionQuery q;
  q.metode = "ksp-2016";
  const std::string html = RegionPage(Ctx(&p), view, q);
  const std::vector<std::vector<std::string>> rows = TableTexts(html);
  size_t expected = 0;
  for (const RegionRow& r : view.rows) expected += r.summary.latest_rulebook_id == "ksp-2016" ? 1 : 0;
  ASSERT_GT(expected, 0u);
  EXPECT_EQ(rows.size(), expected);
  for (const auto& row : rows) EXPECT_EQ(row[1], "ksp-2016 versi 1");
  EXPECT_NE(html.find("<option value=\"ksp-2016\" selected>"), std::string::npos);
  // The export links carry the filter.
  EXPECT_NE(html.find("href=\"/wilayah/ekspor.csv?metode=ksp-2016\""), std::string::npos);
  q.metode = "belum";
  for (const auto& row : TableTexts(RegionPage(Ctx(&p), view, q))) EXPECT_EQ(row[1], "—");
}

TEST(RegionTableTest, SortingByChangePutsBreaksApart) {
  const Principal p = Examiner();
  const RegionView view = MixedRegion(60);
  for (const char* arah : {"naik", "turun"}) {
    RegionQuery q;
    q.urut = "perubahan";
    q.arah = arah;
    const std::vector<std::vector<std::string>> rows = TableTexts(RegionPage(Ctx(&p), view, q));
    // Numbers first, then breaks, then rows without a change, whichever the direction.
    int tier = 0;
    for (const auto& row : rows) {
      const std::string change = Unescape(row[4]);
      const int t = change.rfind("metode", 0) == 0 ? 1 : change == "—" ? 2 : 0;
      EXPECT_GE(t, tier) << arah << ": " << row[0] << " " << change;
      tier = std::max(tier, t);
    }
    EXPECT_EQ(tier, 2);
  }
}

// What the exports hold is what the pages show: the same rows in the same order (filter and sort applied, every
// page) with the same cell texts; the XLSX holds the same, with numbers as numbers.
TEST(RegionTableTest, ExportsAreTheTableAsShown) {
  const Principal p = Examiner();
  const PageContext ctx = Ctx(&p);
  const RegionView view = MixedRegion(450);
  RegionQuery q;
  q.metode = "kkpkk-2021";
  q.urut = "skor";
  q.arah = "turun";
  q.q = "melati";
  // Every page the user could click through.
  std::vector<std::vector<std::string>> shown;
  for (q.hal = 1; q.hal <= 10; ++q.hal) {
    const std::vector<std::vector<std::string>> page = TableTexts(RegionPage(ctx, view, q));
    shown.insert(shown.end(), page.begin(), page.end());
    if (page.size() < kRegionPageSize) break;
  }
  q.hal = 1;
  const ExportTable table = RegionTableExport(ctx, view, q);
  ASSERT_EQ(table.rows.size(), shown.size());
  ASSERT_GT(shown.size(), 0u);
  EXPECT_EQ(table.headings[0], "Koperasi");
  EXPECT_EQ(table.headings[7], "Tata Kelola (%)");
  for (size_t i = 0; i < shown.size(); ++i) {
    std::vector<std::string> page_row;
    for (const std::string& c : shown[i]) page_row.push_back(Unescape(c));
    std::vector<std::string> exported = ExportedAsShown(table.rows[i]);
    // The page shows the predikat badge's text; flags side by side.
    EXPECT_EQ(exported, page_row) << "row " << i;
  }
  // A filter the export must honour even when the page number is beyond the last page.
  RegionQuery beyond = q;
  beyond.hal = 99;
  EXPECT_EQ(RegionTableExport(ctx, view, beyond).rows.size(), shown.size());

  const std::string csv = TableCsv(table);
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF" "Koperasi,Kabupaten/Kota,Tahun buku,Metode,Skor,Predikat,Perubahan,", 0), 0u);
  size_t lines = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++lines;
  EXPECT_EQ(lines, shown.size() + 1);
  // Decimal commas are quoted, so the CSV has as many fields per row as headings.
  EXPECT_NE(csv.find(",\"" + table.rows[0][4].text + "\","), std::string::npos);

  std::string xlsx;
  ASSERT_TRUE(RenderTableXlsx(table, 0, &xlsx).ok());
  XlsxWorkbook book;
  Problems problems;
  ASSERT_TRUE(ReadXlsx(xlsx, "ekspor.xlsx", XlsxLimits{}, &book, &problems)) << problems.Render(Lang::kEn);
  ASSERT_EQ(book.sheets.size(), 1u);
  std::map<std::pair<uint32_t, uint32_t>, const XlsxCell*> cells;
  for (const XlsxCell& c : book.sheets[0].cells) cells[{c.row, c.col}] = &c;
  for (size_t c = 0; c < table.headings.size(); ++c) {
    ASSERT_TRUE(cells.count(std::make_pair(uint32_t{1}, uint32_t(c + 1))));
    EXPECT_EQ(cells.at(std::make_pair(uint32_t{1}, uint32_t(c + 1)))->text, table.headings[c]);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const TableCell& want = table.rows[r][c];
      const auto it = cells.find({uint32_t(r + 2), uint32_t(c + 1)});
      if (want.text.empty()) {
        EXPECT_EQ(it, cells.end());
        continue;
      }
      ASSERT_NE(it, cells.end()) << r << "," << c;
      if (want.number_e6) {
        ASSERT_EQ(it->second->type, XlsxCell::Type::kNumber);
        // The number written is the one shown: the page's "87,50" is 87.5 in the sheet.
        std::string dotted = want.text;
        std::replace(dotted.begin(), dotted.end(), ',', '.');
        if (dotted[0] == '+') dotted.erase(0, 1);
        EXPECT_DOUBLE_EQ(std::stod(it->second->text), std::stod(dotted)) << want.text;
      } else {
        EXPECT_EQ(it->second->text, want.text);
      }
    }
  }
}

}  // namespace
}  // namespace kopsehat::web
