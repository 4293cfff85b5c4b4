// The HTML views: escaping of every dynamic value, CSRF tokens in every POST form, the language switch, the
// laporan form keeping what was typed and pointing at the wrong field, the regional dashboard's filtering, sorting
// and paging done in the view, and no external resource anywhere. The laporan shown is the bundled example.

#include "web/views.h"
#include "web/assets.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <functional>

#include "assess/assessment.h"
#include "interchange/json_reader.h"
#include "plan/actions.h"
#include "report/wording.h"
#include "rules/loader.h"

namespace kopsehat::web {
namespace {

constexpr const char* kExample = KOPSEHAT_SOURCE_DIR "/examples/ksp-sejahtera-bersama-2025.json";
constexpr const char* kTroubled = KOPSEHAT_SOURCE_DIR "/examples/ksp-maju-jaya-2025.json";
constexpr const char* kHostile = "<script>alert(1)</script>";
constexpr const char* kCsrf = "tok-csrf-123";

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

store::Cooperative Coop(const std::string& nama) {
  store::Cooperative c;
  c.id = 7;
  c.region_id = 3;
  c.region_nama = "Probolinggo";
  c.nama = nama;
  c.jenis = "KSP";
  c.nomor_badan_hukum = "518/214/BH/XVI.18/2015";
  return c;
}

// An example laporan assessed with a method, as the server's ViewLaporan would hand it over.
LaporanView ExampleView(const std::string& coop_name, const char* file = kExample,
                        const char* metode = "ksp-2016") {
  LaporanView v;
  LaporanJsonReader reader;
  Problems p;
  if (!reader.Read(ReadFile(file), &v.laporan, &p)) throw std::runtime_error(p.Render(Lang::kEn));
  const Rulebook* rb = EmbeddedRulebookById(metode, &p);
  if (rb == nullptr || !Evaluate(v.laporan, *rb, EvaluateOptions{}, &v.assessment, &p)) {
    throw std::runtime_error(p.Render(Lang::kEn));
  }
  v.cooperative = Coop(coop_name);
  store::LaporanRecord& r = v.record;
  r.id = 42;
  r.cooperative_id = v.cooperative.id;
  r.periode_akhir = v.laporan.periode_akhir;
  r.revision = 2;
  r.status = store::Status::kSubmitted;
  r.rulebook_id = rb->id;
  r.rulebook_version = rb->version;
  r.total_e6 = v.assessment.total_e6;
  r.predikat = v.assessment.Predikat().label;
  r.corrects_id = 41;
  r.correction_reason = coop_name;
  r.review_note = coop_name;
  v.adjustments.push_back({1, 7, 42, "neraca.kas", coop_name, "1000", coop_name, 5, coop_name, 1767225600});
  store::Evidence e;
  e.id = 9;
  e.filename = coop_name;
  e.sha256 = "ab12";
  e.size_bytes = 123456;
  e.note = coop_name;
  v.evidence.push_back(e);
  return v;
}

// The plan page's view of the troubled example (ksp-2016) as PlanLaporan hands it over, with one limit of the
// board's stored: collecting loss loans held to `macet_pct` (default 25) with `text` as its reason and its setter.
PlanView ExamplePlan(const std::string& text, const char* macet_pct = "40") {
  PlanView v;
  v.laporan = ExampleView(text, kTroubled);
  Problems p;
  const ActionBook* book = EmbeddedActionBook(&p);
  if (book == nullptr) throw std::runtime_error(p.Render(Lang::kEn));
  Limits limits = DefaultLimits(*book);
  if (!SetLimit("tagih_macet", macet_pct, &limits, &p)) throw std::runtime_error(p.Render(Lang::kEn));
  limits.Find("tagih_macet")->note = text;
  const Rulebook& rb = *v.laporan.assessment.rulebook;
  v.target_e6 = rb.predikat.front().min_e6;
  v.plan = MakePlan(v.laporan.laporan, rb, EvaluateOptions{}, v.laporan.assessment, *book, limits, v.target_e6, {});
  v.stored_limits.push_back({42, 7, "tagih_macet", macet_pct, text, 5, text, 1767225600});
  v.may_set_limits = true;
  return v;
}

Principal User(store::Role role, const std::string& name) {
  Principal p;
  p.user.id = 5;
  p.user.username = name;
  p.user.display_name = name;
  p.user.role = role;
  p.user.region_ids = {3};
  if (role != store::Role::kDinas && role != store::Role::kAdmin) p.user.cooperative_id = 7;
  return p;
}

PageContext Ctx(const Principal* p, Lang lang = Lang::kId, const std::string& extra = "") {
  PageContext ctx;
  ctx.lang = lang;
  ctx.principal = p;
  ctx.csrf = kCsrf;
  ctx.path = "/laporan/42" + extra;
  return ctx;
}

LaporanPermissions AllActions() { return LaporanPermissions{true, true, true, true}; }

// The laporan page as a user with these permissions sees it (the App fills view.may).
std::string PageWith(const PageContext& ctx, LaporanView view, const LaporanPermissions& may, const Problems& problems) {
  view.may = may;
  return LaporanPage(ctx, view, problems);
}

// The cooperative page for a user who may (or may not) start a laporan.
std::string CoopPage(const PageContext& ctx, CooperativeView view, const LaporanView* latest, bool may_edit) {
  view.may_edit = may_edit;
  view.may_view_audit = may_edit;
  return CooperativePage(ctx, view, latest);
}

// n cooperatives: every tenth has "Mawar" in its name; predikat cycles (i % 5 == 4: not yet assessed); scores
// are distinct so the expected order is unambiguous.
// `tweak` may change the rows before the view takes them.
RegionView SyntheticRegion(size_t n, const std::function<void(std::vector<RegionRow>*)>& tweak = nullptr) {
  static const char* kPredikat[] = {"SEHAT", "CUKUP SEHAT", "DALAM PENGAWASAN", "DALAM PENGAWASAN KHUSUS", ""};
  RegionView v;
  std::vector<RegionRow> rows;
  v.regions.push_back({3, "Probolinggo", "Jawa Timur"});
  v.expected_periode = "2025-12-31";
  for (size_t i = 1; i <= n; ++i) {
    RegionRow row;
    store::CooperativeSummary& s = row.summary;
    s.cooperative.id = int64_t(i);
    s.cooperative.region_nama = "Probolinggo";
    char name[64];
    std::snprintf(name, sizeof name, i % 10 == 0 ? "KSP Mawar %04zu" : "Koperasi %04zu", i);
    s.cooperative.nama = name;
    s.latest_predikat = kPredikat[i % 5];
    if (!s.latest_predikat.empty()) {
      s.latest_id = int64_t(1000 + i);
      s.latest_periode = "2025-12-31";
      s.latest_total_e6 = int64_t((i * 37) % 100) * 1'000'000 + int64_t(i);
      if (i % 3 == 0) s.previous_total_e6 = s.latest_total_e6 - int64_t(i % 7) * 1'000'000 + 500'000;
    }
    row.early_warning = i % 11 == 0;
    row.warning_reason_id = "skor turun";
    row.warning_reason_en = "score fell";
    row.overdue = i % 13 == 0;
    v.by_predikat[s.latest_predikat]++;
    rows.push_back(row);
  }
  if (tweak) tweak(&rows);
  v.rows.Own(std::move(rows));
  return v;
}

// The cooperative ids of the dashboard table's rows, in the order shown.
std::vector<int64_t> TableIds(const std::string& html) {
  std::vector<int64_t> ids;
  const std::regex row("<tr id=\"k-([0-9]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it) {
    ids.push_back(std::stoll((*it)[1].str()));
  }
  return ids;
}

// Every page of the application with hostile text wherever a value from the database or the user appears.
std::vector<std::pair<std::string, std::string>> AllPages(Lang lang, const std::string& evil) {
  static const Principal dinas = User(store::Role::kDinas, kHostile);
  static const Principal admin = User(store::Role::kAdmin, kHostile);
  const PageContext ctx = Ctx(&dinas, lang, evil);
  const PageContext admin_ctx = Ctx(&admin, lang, evil);
  const LaporanView view = ExampleView(evil);
  Problems problems;
  problems.Add(evil, "kode", evil, evil);
  problems.Add("neraca.kas", "kode", evil, evil);

  CooperativeView coop;
  coop.cooperative = view.cooperative;
  coop.laporan.push_back(view.record);
  store::LaporanRecord older = view.record;
  older.id = 30;
  older.periode_akhir = "2024-12-31";
  older.status = store::Status::kFinal;
  older.predikat = evil;
  coop.laporan.push_back(older);

  RegionView region = SyntheticRegion(30, [&](std::vector<RegionRow>* rows) {
    RegionRow& r = (*rows)[0];
    r.summary.cooperative.nama = evil;
    r.summary.cooperative.region_nama = evil;
    r.early_warning = true;
    r.overdue = true;
    r.warning_reason_id = evil;
    r.warning_reason_en = evil;
    r.summary.latest_predikat = evil;
  });
  region.by_predikat[evil] = 1;
  region.regions.push_back({4, evil, evil});
  store::LaporanRecord waiting = view.record;
  waiting.cooperative_id = 1;
  waiting.periode_akhir = evil;
  region.awaiting_review.push_back(waiting);
  RegionQuery query;
  query.q = evil;

  const std::vector<store::Region> regions = {{3, evil, evil}};
  const std::vector<store::Cooperative> coops = {view.cooperative};
  store::User user = dinas.user;
  user.region_ids = {3, 99};
  const std::vector<store::User> users = {user, User(store::Role::kPengurus, evil).user};
  store::AuditEntry entry;
  entry.id = 1;
  entry.at = 1767225600;
  entry.user_id = 5;
  entry.cooperative_id = 7;
  entry.action = evil;
  entry.entity = evil;
  entry.before_json = evil;
  entry.after_json = evil;

  PlanView board = ExamplePlan(evil);
  board.limit_problems.Add("batas.tagih_macet", "kode", evil, evil);
  board.limit_retry = {{"batas.tagih_macet", evil}, {"alasan.tagih_macet", evil}};
  board.limits_tried = true;
  PlanView reader = ExamplePlan(evil);
  reader.may_set_limits = false;

  const std::vector<std::pair<std::string, std::string>> values = {{"koperasi.nama", evil}, {"neraca.kas", evil},
                                                                    {"manajemen.umum[1]", evil}, {evil, evil},
                                                                    {"metode", evil}};
  return {
      {"login", LoginPage(Ctx(nullptr, lang, evil), evil, problems)},
      {"cooperative", CoopPage(ctx, coop, &view, true)},
      {"cooperative-empty", CoopPage(ctx, coop, nullptr, true)},
      {"form-new", LaporanFormPage(ctx, view.cooperative, 0, values, problems)},
      {"form-edit", LaporanFormPage(ctx, view.cooperative, 42, values, problems)},
      {"laporan", PageWith(ctx, view, AllActions(), problems)},
      {"plan-board", PlanPage(ctx, board)},
      {"plan-reader", PlanPage(ctx, reader)},
      {"region", RegionPage(ctx, region, RegionQuery{})},
      {"region-query", RegionPage(ctx, region, query)},
      {"admin", AdminPage(admin_ctx, AdminView{regions, coops, users}, problems)},
      {"audit", AuditPage(ctx, evil, {entry})},
      {"error", ErrorPage(ctx, 404, problems)},
  };
}

// ---------------------------------------------------------------------------------------------------------------

TEST(ViewsEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(Escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  EXPECT_EQ(Escape("Koperasi Mawar — Rp 1.250.000"), "Koperasi Mawar — Rp 1.250.000");
}

TEST(ViewsEscape, HostileTextNeverAppearsUnescaped) {
  for (const Lang lang : {Lang::kId, Lang::kEn}) {
    for (const auto& [name, html] : AllPages(lang, kHostile)) {
      EXPECT_EQ(html.find("<script>alert"), std::string::npos) << name;
      EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << name;
    }
  }
}

TEST(ViewsEscape, QuotesCannotBreakOutOfAttributes) {
  const std::string evil = "x\" onmouseover=\"alert(1)";
  for (const auto& [name, html] : AllPages(Lang::kId, evil)) {
    EXPECT_EQ(html.find("onmouseover=\"alert"), std::string::npos) << name;
  }
}

TEST(ViewsCsrf, EveryPostFormCarriesTheToken) {
  const std::string token = std::string("<input type=\"hidden\" name=\"csrf\" value=\"") + kCsrf + "\">";
  for (const auto& [name, html] : AllPages(Lang::kId, "Koperasi")) {
    size_t post_forms = 0;
    for (size_t at = html.find("<form"); at != std::string::npos; at = html.find("<form", at + 5)) {
      const size_t end = html.find("</form>", at);
      ASSERT_NE(end, std::string::npos) << name;
      const std::string form = html.substr(at, end - at);
      if (form.find("method=\"post\"") == std::string::npos) continue;
      ++post_forms;
      EXPECT_NE(form.find(token), std::string::npos) << name << ": " << form.substr(0, 120);
    }
    // Each page with a session has at least the logout form; the login page its own form.
    EXPECT_GE(post_forms, 1u) << name;
  }
}

TEST(ViewsCsrf, LaporanPageOffersOnlyTheAllowedActions) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const LaporanView view = ExampleView("KSP Sejahtera Bersama");
  const std::string all = PageWith(Ctx(&p), view, AllActions(), Problems{});
  const char* const actions[] = {"/ajukan\"", "/koreksi\"", "/bukti\"", "/kembalikan\"", "/final\"", "/revisi\"",
                                 "/ubah\""};
  for (const char* action : actions) {
    EXPECT_NE(all.find(std::string("/laporan/42") + action), std::string::npos) << action;
  }
  EXPECT_NE(all.find("enctype=\"multipart/form-data\""), std::string::npos);  // evidence upload
  const std::string none = PageWith(Ctx(&p), view, LaporanPermissions{}, Problems{});
  for (const char* action : actions) {
    EXPECT_EQ(none.find(std::string("/laporan/42") + action), std::string::npos) << action;
  }
  LaporanPermissions review;
  review.review = true;
  const std::string examiner = PageWith(Ctx(&p), view, review, Problems{});
  EXPECT_NE(examiner.find("action=\"/laporan/42/final\""), std::string::npos);
  EXPECT_EQ(examiner.find("action=\"/laporan/42/ajukan\""), std::string::npos);
  EXPECT_NE(examiner.find("<option value=\"neraca.kas\">"), std::string::npos);  // keys offered for a change
}

TEST(ViewsCsrf, RefusedChangeFormComesBackFilledWithThreeRows) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  LaporanView view = ExampleView("KSP Sejahtera Bersama");
  view.retry = {{"path", "neraca.kas"}, {"nilai", "2.350.000"}, {"path2", "neraca.bank"}, {"nilai2", "<b>"},
                {"alasan", "kas opname \"selisih\""}};
  LaporanPermissions review;
  review.review = true;
  Problems problems;
  problems.Add("", "neraca_tidak_seimbang", "neraca tidak seimbang", "the balance sheet does not balance");
  const std::string html = PageWith(Ctx(&p), view, review, problems);
  // Each field list of the form, from its select to its end: the field typed before is chosen again.
  const auto list_of = [&](const std::string& name) {
    const size_t at = html.find("<select class=\"pilih-isian\" id=\"koreksi-" + name + "\" name=\"" + name + "\"");
    return at == std::string::npos ? std::string() : html.substr(at, html.find("</select>", at) - at);
  };
  EXPECT_NE(list_of("path").find("<option value=\"neraca.kas\" selected>Kas — Rp "), std::string::npos);
  EXPECT_NE(list_of("path2").find("<option value=\"neraca.bank\" selected>"), std::string::npos);
  EXPECT_NE(list_of("path3").find("<optgroup label=\"Neraca\">"), std::string::npos);
  EXPECT_EQ(list_of("path3").find(" selected"), std::string::npos);
  EXPECT_NE(html.find("name=\"nilai2\" value=\"&lt;b&gt;\""), std::string::npos);
  EXPECT_NE(html.find(">kas opname &quot;selisih&quot;</textarea>"), std::string::npos);
}

// The plan page's limits (issue 17): each limit beside its default and the value in force; the board's form posts
// with the CSRF token, tries without saving, and resets; a refused form comes back as typed with each problem beside
// its field; readers get the table without inputs.
TEST(ViewsPlan, EachLimitShowsItsDefaultBesideTheValueInForce) {
  // The cells of a limit's row as the page writes them (data-judul: the heading a phone shows before each).
  const std::string kBawaan = "<td class=\"bawaan\" data-judul=\"Bawaan\">";
  const std::string kBerlaku = "<td class=\"berlaku\" data-judul=\"Berlaku\">";
  const std::string kAlasan = "<td class=\"alasan\" data-judul=\"Alasan pengurus\">";
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  PlanView view = ExamplePlan("Tim penagihan baru");
  std::string html = PlanPage(Ctx(&p), view);
  const size_t row = html.find("<tr data-batas=\"tagih_macet\">");
  ASSERT_NE(row, std::string::npos);
  const std::string macet = html.substr(row, html.find("</tr>", row) - row);
  EXPECT_NE(macet.find(kBawaan + "25 %</td>"), std::string::npos) << macet;
  EXPECT_NE(macet.find("name=\"batas.tagih_macet\" class=\"persen\" inputmode=\"decimal\" size=\"6\" maxlength=\"20\" "
                       "value=\"40\""),
            std::string::npos)
      << macet;
  EXPECT_NE(macet.find("name=\"alasan.tagih_macet\" maxlength=\"300\" value=\"Tim penagihan baru\" "
                       "aria-label=\"Alasan: Menagih pinjaman macet\""),
            std::string::npos)
      << macet;
  EXPECT_NE(macet.find("Tim penagihan baru, 1 Januari 2026 pukul 07.00 WIB"), std::string::npos) << macet;
  const size_t form = html.find("<form method=\"post\" action=\"/laporan/42/rencana/batas\" class=\"batas-form\">");
  ASSERT_NE(form, std::string::npos);
  EXPECT_LT(form, row);
  EXPECT_NE(html.find("name=\"coba\" value=\"1\">Coba tanpa menyimpan</button>"), std::string::npos);
  EXPECT_NE(html.find("<form method=\"post\" action=\"/laporan/42/rencana/batas/bawaan\" class=\"sebaris\" "
                      "data-konfirmasi=\""),
            std::string::npos);
  EXPECT_EQ(html.find("class=\"masalah\""), std::string::npos);
  EXPECT_EQ(html.find("belum disimpan"), std::string::npos);  // nothing tried
  // A limit the board did not set: its default in force, no setter.
  const size_t diragukan = html.find("<tr data-batas=\"tagih_diragukan\">");
  ASSERT_NE(diragukan, std::string::npos);
  EXPECT_NE(html.find("value=\"40\"", diragukan), std::string::npos);

  // Refused: the values as typed, each problem beside its field and in the list at the top, linking to it.
  view.limit_retry = {{"batas.tagih_macet", "abc"}, {"alasan.tagih_macet", "baru"}};
  view.limit_problems.Add("batas.tagih_macet", "batas_tidak_sah", "Menagih pinjaman macet: harus persen 0 sampai 100",
                          "Collect loss loans: must be a percentage from 0 to 100");
  html = PlanPage(Ctx(&p), view);
  EXPECT_NE(html.find("value=\"abc\" aria-invalid=\"true\" aria-describedby=\"e-batas-tagih_macet\"> %"
                      "<div class=\"galat\" id=\"e-batas-tagih_macet\">Menagih pinjaman macet: harus persen"),
            std::string::npos);
  EXPECT_NE(html.find("value=\"baru\""), std::string::npos);
  EXPECT_NE(html.find("<li><a href=\"#batas-tagih_macet\">Menagih pinjaman macet: harus persen"), std::string::npos);
  EXPECT_NE(PlanPage(Ctx(&p, Lang::kEn), view).find("Collect loss loans: must be a percentage"), std::string::npos);

  // Tried on the page: said so, with the way back to what is stored.
  view.limit_retry.clear();
  view.limit_problems = Problems{};
  view.limits_tried = true;
  html = PlanPage(Ctx(&p), view);
  EXPECT_NE(html.find("belum disimpan. <a href=\"/laporan/42/rencana\">Kembali ke batas tersimpan</a>"),
            std::string::npos);

  // Readers: the same table, no inputs, no forms of the limits.
  view.limits_tried = false;
  view.may_set_limits = false;
  html = PlanPage(Ctx(&p), view);
  EXPECT_EQ(html.find("/rencana/batas"), std::string::npos);
  EXPECT_EQ(html.find("name=\"batas."), std::string::npos);
  EXPECT_EQ(html.find("name=\"alasan."), std::string::npos);
  EXPECT_NE(html.find(kBawaan + "25 %</td>" + kBerlaku + "40 %</td>" + kAlasan +
                      "Tim penagihan baru<div class=\"kecil\">Tim penagihan baru, 1 Januari 2026"),
            std::string::npos);
  const std::string en = PlanPage(Ctx(&p, Lang::kEn), view);
  EXPECT_NE(en.find("<th>Default</th><th>In force</th><th>The board's reason</th>"), std::string::npos);
}

TEST(ViewsLaporan, WarningsComeFirstByLabelWithoutTheirCodes) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  LaporanView view = ExampleView("KSP Sejahtera Bersama");
  const Component& c = view.assessment.rulebook->components.front();
  view.assessment.warnings.push_back(Warning{"dasar_negatif", c.id, {}});
  const std::string html = PageWith(Ctx(&p), view, LaporanPermissions{}, Problems{});
  const size_t warnings = html.find("<section class=\"kartu peringatan\" id=\"peringatan\">");
  ASSERT_NE(warnings, std::string::npos);
  EXPECT_LT(warnings, html.find("Ringkasan per aspek"));  // before the tables, not after the last one
  EXPECT_NE(html.find("<li><strong>" + Escape(c.name.id) + "</strong>: ", warnings), std::string::npos);
  EXPECT_EQ(html.find("[dasar_negatif]"), std::string::npos);  // codes stay in the JSON
}

TEST(ViewsLaporan, ThePageSaysDraftOrFinalAsThePdfDoes) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  const LaporanView view = ExampleView("KSP Sejahtera Bersama");
  ReportStamp draft;
  draft.status_label = "Diajukan";
  draft.revision = 1;
  std::string html = LaporanPage(Ctx(&p), view, Problems{}, &draft);
  EXPECT_NE(html.find("<p class=\"cap cap-draf\"><strong>DRAF — PRA-PENILAIAN, BUKAN HASIL PEMERIKSAAN"),
            std::string::npos);
  EXPECT_EQ(html.find("Kode verifikasi"), std::string::npos);
  ReportStamp final_stamp;
  final_stamp.final = true;
  final_stamp.revision = 2;
  final_stamp.finalised_at = "7 Desember 2026 pukul 15.04 WIB";
  final_stamp.examiner = "Ibu Pemeriksa";
  final_stamp.dinas = "Dinas Koperasi Kabupaten Probolinggo";
  final_stamp.verify_code = "L42-R2-0123456789ABCDEF";
  html = LaporanPage(Ctx(&p), view, Problems{}, &final_stamp);
  EXPECT_NE(html.find("<p class=\"cap cap-final\"><strong>FINAL — revisi 2"), std::string::npos);
  EXPECT_NE(html.find("Ibu Pemeriksa"), std::string::npos);
  EXPECT_NE(html.find("href=\"/verifikasi?kode=L42-R2-0123456789ABCDEF\""), std::string::npos);
}

TEST(ViewsLaporan, ExplainsTheAssessment) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  LaporanView view = ExampleView("KSP Sejahtera Bersama");
  const std::string html = PageWith(Ctx(&p), view, LaporanPermissions{}, Problems{});
  const Assessment& a = view.assessment;
  EXPECT_NE(html.find("Dinilai dengan metode ksp-2016 versi " + a.rulebook->version), std::string::npos);
  EXPECT_NE(html.find("<span class=\"status s-diajukan\">Diajukan</span>"), std::string::npos);
  EXPECT_NE(html.find(FormatPoints(a.total_e6, Lang::kId)), std::string::npos);
  EXPECT_NE(html.find("src=\"/laporan/42/radar.svg\""), std::string::npos);
  for (const ComponentResult& r : a.components) {
    EXPECT_NE(html.find(Escape(r.spec->name.id)), std::string::npos) << r.spec->id;
  }
  for (const AspectResult& asp : a.aspects) EXPECT_NE(html.find(Escape(asp.spec->name.id)), std::string::npos);
  EXPECT_NE(html.find("Rumus: "), std::string::npos);
  EXPECT_NE(html.find("Aturan: "), std::string::npos);
  EXPECT_NE(html.find("href=\"/laporan/41\""), std::string::npos);  // the corrected revision
  EXPECT_NE(html.find("href=\"/bukti/9\""), std::string::npos);
  EXPECT_NE(html.find("120,6 KB"), std::string::npos);
  for (const char* ext : {"pdf", "xlsx", "json"}) {
    EXPECT_NE(html.find(std::string("href=\"/laporan/42/unduh.") + ext + "\""), std::string::npos);
  }
  EXPECT_EQ(html.find("telah diperbarui"), std::string::npos);
  view.method_changed = true;
  view.record.rulebook_version = "0.9";
  const std::string changed = PageWith(Ctx(&p), view, LaporanPermissions{}, Problems{});
  EXPECT_NE(changed.find("telah diperbarui"), std::string::npos);
  EXPECT_NE(changed.find("versi tersimpan 0.9"), std::string::npos);
}

// The 2016 method on a 2025 laporan: said at the top of the page, before the score, not among the warnings.
TEST(ViewsLaporan, AnOutOfPeriodMethodIsSaidAtTheTop) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const std::string html = PageWith(Ctx(&p), ExampleView("KSP Sejahtera Bersama"), AllActions(), Problems{});
  const size_t attention = html.find("<strong>Perhatian: </strong>Metode ksp-2016 berlaku sejak 2016-04-01");
  ASSERT_NE(attention, std::string::npos) << html;
  EXPECT_LT(attention, html.find("Ringkasan per aspek"));
  EXPECT_EQ(html.find("[di_luar_masa_berlaku]"), std::string::npos);
}

TEST(ViewsLaporan, ExplainsEveryScoredMethod) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const std::pair<const char*, const char*> examples[] = {
      {KOPSEHAT_SOURCE_DIR "/examples/ksp-maju-jaya-2025.json", "ksp-2016-linear"},
      {KOPSEHAT_SOURCE_DIR "/examples/ksp-contoh-kkpkk-2025.json", "kkpkk-2021"},
      {KOPSEHAT_SOURCE_DIR "/examples/kspps-amanah-2025.json", "ksppps-2016"}};
  for (const auto& [file, metode] : examples) {
    const LaporanView view = ExampleView("Koperasi", file, metode);
    const Assessment& a = view.assessment;
    for (const Lang lang : {Lang::kId, Lang::kEn}) {
      const std::string html = PageWith(Ctx(&p, lang), view, AllActions(), Problems{});
      EXPECT_NE(html.find(std::string(metode) + (lang == Lang::kEn ? " version " : " versi ") + a.rulebook->version),
                std::string::npos) << metode;
      for (const ComponentResult& r : a.components) {
        EXPECT_NE(html.find("id=\"c-" + r.spec->id + "\""), std::string::npos) << metode << " " << r.spec->id;
        EXPECT_NE(html.find(Escape(r.spec->name.Get(lang))), std::string::npos) << metode << " " << r.spec->id;
      }
      EXPECT_NE(html.find(Escape(a.Predikat().label)), std::string::npos) << metode;
      if (a.rulebook->ScorePercent()) {  // percentages and a predikat per aspect
        for (const AspectResult& asp : a.aspects) {
          EXPECT_NE(html.find("data-nilai=\"" + std::to_string(asp.pool.pct_e6) + "\""), std::string::npos);
        }
      }
      if (a.rulebook->kuk) {  // the business class, and that it is only a suggestion
        EXPECT_NE(html.find("(KUK) " + std::to_string(a.kuk) + " — "), std::string::npos) << metode;
        EXPECT_NE(html.find(lang == Lang::kEn ? "Kopsehat&#39;s suggestion" : "saran Kopsehat"), std::string::npos)
            << metode;
      }
    }
    // The form asks this method's checklists when the values name it.
    const std::string form = LaporanFormPage(Ctx(&p), Coop("Koperasi"), 0, {{"metode", metode}}, Problems{});
    for (const Component& c : a.rulebook->components) {
      if (c.kind == ComponentKind::kChecklist) {
        EXPECT_NE(form.find("name=\"" + c.AnswersPath() + "[1]\""), std::string::npos) << metode << " " << c.id;
      }
    }
  }
}

TEST(ViewsLanguage, EnglishSwitchChangesTheTexts) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const LaporanView view = ExampleView("KSP Sejahtera Bersama");
  const std::string id = PageWith(Ctx(&p, Lang::kId), view, AllActions(), Problems{});
  const std::string en = PageWith(Ctx(&p, Lang::kEn), view, AllActions(), Problems{});
  EXPECT_NE(id.find("<html lang=\"id\">"), std::string::npos);
  EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(id.find("Dinilai dengan metode"), std::string::npos);
  EXPECT_EQ(en.find("Dinilai dengan metode"), std::string::npos);
  EXPECT_NE(en.find("Assessed with method"), std::string::npos);
  EXPECT_NE(id.find(">Keluar<"), std::string::npos);
  EXPECT_NE(en.find(">Log out<"), std::string::npos);
  EXPECT_NE(id.find("href=\"/laporan/42?lang=en\""), std::string::npos);
  EXPECT_NE(en.find("href=\"/laporan/42?lang=id\""), std::string::npos);
  // Component names come from the rulebook in the chosen language.
  const ComponentResult& first = view.assessment.components.front();
  if (first.spec->name.en != first.spec->name.id) {
    EXPECT_NE(en.find(Escape(first.spec->name.en)), std::string::npos);
  }

  const store::Cooperative coop = Coop("KSP Sejahtera Bersama");
  const std::string form_id = LaporanFormPage(Ctx(&p, Lang::kId), coop, 0, {}, Problems{});
  const std::string form_en = LaporanFormPage(Ctx(&p, Lang::kEn), coop, 0, {}, Problems{});
  EXPECT_NE(form_id.find(">Kas<"), std::string::npos);
  EXPECT_NE(form_en.find(">Cash on hand<"), std::string::npos);
  EXPECT_NE(form_id.find("data-seimbang=\"Neraca seimbang\""), std::string::npos);
  EXPECT_NE(form_en.find("data-seimbang=\"Balance sheet balances\""), std::string::npos);

  const RegionView region = SyntheticRegion(10);
  EXPECT_NE(RegionPage(Ctx(&p, Lang::kEn), region, {}).find("Regional dashboard"), std::string::npos);
  EXPECT_NE(RegionPage(Ctx(&p, Lang::kId), region, {}).find("Dasbor wilayah"), std::string::npos);
  EXPECT_NE(ErrorPage(Ctx(&p, Lang::kEn), 404, Problems{}).find("Not found"), std::string::npos);
  EXPECT_NE(LoginPage(Ctx(nullptr, Lang::kEn), "", Problems{}).find("Log in"), std::string::npos);
}

// Without a method chosen the form asks the checklists of the method of its period: KKPKK for 2025, the 2016
// manajemen checklist for 2019.
TEST(ViewsForm, AsksTheChecklistsOfThePeriodsMethod) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  const store::Cooperative coop = Coop("KSP Sejahtera Bersama");
  const std::string now = LaporanFormPage(Ctx(&p), coop, 0, {{"periode.akhir", "2025-12-31"}}, Problems{});
  EXPECT_NE(now.find("name=\"daftar_periksa.kkpkk.prinsip_keanggotaan[1]\""), std::string::npos);
  EXPECT_EQ(now.find("name=\"manajemen.umum[1]\""), std::string::npos);
  const std::string before = LaporanFormPage(Ctx(&p), coop, 0, {{"periode.akhir", "2019-12-31"}}, Problems{});
  EXPECT_NE(before.find("name=\"manajemen.umum[1]\""), std::string::npos);
  EXPECT_EQ(before.find("name=\"daftar_periksa.kkpkk.prinsip_keanggotaan[1]\""), std::string::npos);
  EXPECT_NE(now.find("menurut periode"), std::string::npos);  // the empty choice says what it means
}

TEST(ViewsForm, RefillsValuesAndShowsEachProblemBesideItsField) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  const store::Cooperative coop = Coop("KSP Sejahtera Bersama");
  Problems problems;
  problems.Add("neraca.bank", "bukan_angka", "bukan angka: abc", "not a number: abc");
  problems.Add("", "neraca_tidak_seimbang", "neraca tidak seimbang", "the balance sheet does not balance");
  problems.Add("neraca", "selisih", "selisih Rp 1.000", "difference Rp 1.000");
  const std::vector<std::pair<std::string, std::string>> values = {
      {"neraca.kas", "12.500.000"}, {"neraca.bank", "abc"}, {"manajemen.umum[3]", "Tidak"},
      {"manajemen.umum[4]", "ya"}, {"periode.akhir", "2025-12-31"}, {"metode", "ksp-2016"}};
  const std::string html = LaporanFormPage(Ctx(&p), coop, 0, values, problems);

  EXPECT_NE(html.find("name=\"neraca.kas\" value=\"12.500.000\""), std::string::npos);
  EXPECT_NE(html.find("name=\"periode.akhir\" value=\"2025-12-31\""), std::string::npos);
  EXPECT_NE(html.find("name=\"koperasi.nama\" value=\"KSP Sejahtera Bersama\""), std::string::npos);
  EXPECT_NE(html.find("name=\"manajemen.umum[3]\" value=\"Tidak\" checked"), std::string::npos);
  EXPECT_NE(html.find("name=\"manajemen.umum[4]\" value=\"Ya\" checked"), std::string::npos);
  EXPECT_EQ(html.find("name=\"manajemen.umum[5]\" value=\"Ya\" checked"), std::string::npos);

  // The problem sits between its own input and the next field, and the input says it is invalid.
  const size_t input = html.find("name=\"neraca.bank\" value=\"abc\"");
  ASSERT_NE(input, std::string::npos);
  const size_t next_field = html.find("<input id=\"f-", input);
  const size_t message = html.find("bukan angka: abc", input);
  EXPECT_LT(message, next_field);
  const size_t tag_end = html.find('>', input);
  EXPECT_NE(html.substr(input, tag_end - input).find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(html.find("<div class=\"isian salah\"><label for=\"f-neraca.bank\">"), std::string::npos);
  EXPECT_EQ(Count(html, "aria-invalid=\"true\""), 1u);
  // And both problems are listed at the top, the field's one linking to it.
  // Each led by the field's name, the key after the message.
  EXPECT_NE(html.find("<a href=\"#f-neraca.bank\">Bank (Neraca): bukan angka: abc</a> <span class=\"mono kecil\">"
                      "neraca.bank</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<li>neraca tidak seimbang</li>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#g-neraca\">Neraca: selisih Rp 1.000</a>"), std::string::npos);
  const size_t section = html.find("<fieldset class=\"grup\" id=\"g-neraca\" data-neraca>");
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(html.find("selisih Rp 1.000", section), html.find("<input", section));  // at the head of its section
  EXPECT_LT(html.find("neraca tidak seimbang"), html.find("<form method=\"post\" action=\"/koperasi/7/laporan\""));
}

TEST(ViewsForm, FieldsCarryTheirBalanceSideAndAmountKeyboard) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  const std::string html = LaporanFormPage(Ctx(&p), Coop("KSP Sejahtera Bersama"), 0, {}, Problems{});
  const auto input_of = [&html](const std::string& key) {
    const size_t at = html.find("<input id=\"f-" + key + "\"");
    return at == std::string::npos ? std::string() : html.substr(at, html.find('>', at) - at);
  };
  EXPECT_NE(input_of("neraca.kas").find("data-sisi=\"aset\""), std::string::npos);
  EXPECT_NE(input_of("neraca.kas").find("inputmode=\"decimal\""), std::string::npos);
  EXPECT_NE(input_of("neraca.penyisihan_pinjaman").find("data-sisi=\"pengurang\""), std::string::npos);
  EXPECT_NE(input_of("neraca.tabungan").find("data-sisi=\"kewajiban\""), std::string::npos);
  EXPECT_NE(input_of("neraca.simpanan_pokok").find("data-sisi=\"ekuitas\""), std::string::npos);
  EXPECT_NE(input_of("periode_lalu.neraca.kas").find("data-sisi=\"aset\""), std::string::npos);
  EXPECT_EQ(input_of("hasil_usaha.beban_usaha").find("data-sisi"), std::string::npos);
  EXPECT_NE(input_of("hasil_usaha.beban_usaha").find("inputmode=\"decimal\""), std::string::npos);
  EXPECT_EQ(Count(html, "data-neraca"), 2u);  // this year and last year, each with its own check
  EXPECT_NE(html.find("action=\"/koperasi/7/laporan\" enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(html.find("action=\"/koperasi/7/unggah\" enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(html.find("type=\"file\" name=\"berkas\" accept=\".xlsx,.csv,.json\""), std::string::npos);
  // Every checklist item of the method in force (no period yet: the form asks its checklists), by its key.
  Problems rulebook_problems;
  const Rulebook* rb = EmbeddedRulebookById(MetodeInForce(), &rulebook_problems);
  ASSERT_NE(rb, nullptr) << rulebook_problems.Render(Lang::kEn);
  for (const Component& c : rb->components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    for (size_t i = 1; i <= c.items.size(); ++i) {
      const std::string key = c.AnswersPath() + "[" + std::to_string(i) + "]";
      EXPECT_EQ(Count(html, "name=\"" + key + "\""), 2u) << key;  // Ya and Tidak
    }
  }
  const std::string edit = LaporanFormPage(Ctx(&p), Coop("KSP"), 9, {}, Problems{});
  EXPECT_NE(edit.find("action=\"/laporan/9/ubah\" enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(edit.find("name=\"draf\" value=\"9\""), std::string::npos);
}

TEST(ViewsForm, AnotherMethodAsksItsOwnChecklistsAndUnknownKeysAreKept) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  const std::vector<std::pair<std::string, std::string>> values = {{"metode", "kkpkk-2021"},
                                                                    {"lain.kunci", "nilai lama"}};
  const std::string html = LaporanFormPage(Ctx(&p), Coop("KSP"), 0, values, Problems{});
  EXPECT_NE(html.find("name=\"daftar_periksa.kkpkk."), std::string::npos);
  EXPECT_EQ(html.find("name=\"manajemen.umum[1]\""), std::string::npos);
  EXPECT_NE(html.find("<option value=\"kkpkk-2021\" selected>"), std::string::npos);
  EXPECT_NE(html.find("name=\"lain.kunci\" value=\"nilai lama\""), std::string::npos);
}

TEST(ViewsRegion, FiltersByNameIgnoringCase) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const RegionView view = SyntheticRegion(250);
  RegionQuery q;
  q.q = "  mAwAr ";
  const std::vector<int64_t> ids = TableIds(RegionPage(Ctx(&p), view, q));
  ASSERT_EQ(ids.size(), 25u);
  for (const int64_t id : ids) EXPECT_EQ(id % 10, 0) << id;
}

TEST(ViewsRegion, FiltersByPredikatIncludingNotYetAssessed) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const RegionView view = SyntheticRegion(250);
  RegionQuery q;
  q.predikat = "DALAM PENGAWASAN";  // exact: not DALAM PENGAWASAN KHUSUS
  std::vector<int64_t> ids = TableIds(RegionPage(Ctx(&p), view, q));
  ASSERT_EQ(ids.size(), 50u);
  for (const int64_t id : ids) EXPECT_EQ(id % 5, 2) << id;
  q.predikat = "belum";
  ids = TableIds(RegionPage(Ctx(&p), view, q));
  ASSERT_EQ(ids.size(), 50u);
  for (const int64_t id : ids) EXPECT_EQ(id % 5, 4) << id;
}

TEST(ViewsRegion, SortsByScoreWithUnassessedLast) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const RegionView view = SyntheticRegion(250);
  std::vector<const RegionRow*> expected;
  for (const RegionRow& r : view.rows) expected.push_back(&r);
  std::stable_sort(expected.begin(), expected.end(), [](const RegionRow* a, const RegionRow* b) {
    if (a->summary.latest_id.has_value() != b->summary.latest_id.has_value()) return a->summary.latest_id.has_value();
    return a->summary.latest_total_e6 > b->summary.latest_total_e6;
  });
  RegionQuery q;
  q.urut = "skor";
  q.arah = "turun";
  std::vector<int64_t> shown;
  for (size_t page = 1; page <= 3; ++page) {
    q.hal = page;
    const std::vector<int64_t> ids = TableIds(RegionPage(Ctx(&p), view, q));
    shown.insert(shown.end(), ids.begin(), ids.end());
  }
  ASSERT_EQ(shown.size(), 250u);
  for (size_t i = 0; i < 200; ++i) EXPECT_EQ(shown[i], expected[i]->summary.cooperative.id) << i;
  for (size_t i = 200; i < 250; ++i) EXPECT_EQ(shown[i] % 5, 4) << i;  // the 50 without a score

  q.arah = "naik";
  q.hal = 1;
  const std::vector<int64_t> up = TableIds(RegionPage(Ctx(&p), view, q));
  EXPECT_EQ(up.front(), expected[199]->summary.cooperative.id);  // lowest score first, still before unassessed

  q.urut = "nama";
  q.arah = "turun";
  const std::vector<int64_t> by_name = TableIds(RegionPage(Ctx(&p), view, q));
  EXPECT_EQ(by_name.front(), 250);  // "KSP Mawar 0250" sorts after every "Koperasi ..." (case folded: "ksp" > "kop")
}

TEST(ViewsRegion, PagesOfAHundredKeepTheQuery) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const RegionView view = SyntheticRegion(250);
  RegionQuery q;
  q.q = "KOPERASI";  // 225 rows
  q.urut = "skor";
  q.arah = "turun";
  const std::string first = RegionPage(Ctx(&p), view, q);
  EXPECT_EQ(TableIds(first).size(), 100u);
  EXPECT_NE(first.find("href=\"/wilayah?q=KOPERASI&amp;urut=skor&amp;arah=turun&amp;hal=2\""), std::string::npos);
  EXPECT_NE(first.find("href=\"/wilayah?q=KOPERASI&amp;urut=skor&amp;arah=turun&amp;hal=3\""), std::string::npos);
  EXPECT_NE(first.find("value=\"KOPERASI\""), std::string::npos);  // the search box keeps the text
  q.hal = 3;
  const std::string last = RegionPage(Ctx(&p), view, q);
  EXPECT_EQ(TableIds(last).size(), 25u);
  EXPECT_NE(last.find("href=\"/wilayah?q=KOPERASI&amp;urut=skor&amp;arah=turun&amp;hal=2\""), std::string::npos);
  EXPECT_EQ(last.find("rel=\"next\""), std::string::npos);
  q.hal = 99;  // past the end: the last page
  EXPECT_EQ(TableIds(RegionPage(Ctx(&p), view, q)), TableIds(last));
  // Sorting links start again at page 1 and keep the filter.
  EXPECT_NE(last.find("href=\"/wilayah?q=KOPERASI\""), std::string::npos);
}

TEST(ViewsRegion, ShowsCountsAndListsWithLinks) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  RegionView view = SyntheticRegion(250);
  store::LaporanRecord waiting;
  waiting.id = 777;
  waiting.cooperative_id = 12;
  waiting.periode_akhir = "2025-12-31";
  view.awaiting_review.push_back(waiting);
  const std::string html = RegionPage(Ctx(&p), view, {});
  EXPECT_NE(html.find("href=\"/wilayah?predikat=SEHAT\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/wilayah?predikat=belum\""), std::string::npos);
  EXPECT_NE(html.find("belum dinilai</span> <strong>50</strong>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/laporan/777\">Koperasi 0012"), std::string::npos);
  EXPECT_NE(html.find("Peringatan dini (22)"), std::string::npos);
  EXPECT_NE(html.find("Terlambat menyerahkan laporan (19)"), std::string::npos);
  EXPECT_NE(html.find("href=\"/koperasi/11\">Koperasi 0011</a>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/laporan/1001\""), std::string::npos);
}

TEST(ViewsRegion, FiveThousandRowsRenderOnlyOnePage) {
  const Principal p = User(store::Role::kDinas, "Pemeriksa");
  const RegionView view = SyntheticRegion(5000);
  RegionQuery q;
  q.urut = "perubahan";
  q.hal = 7;
  const std::string html = RegionPage(Ctx(&p), view, q);
  EXPECT_EQ(TableIds(html).size(), kRegionPageSize);
  EXPECT_LT(html.size(), 200'000u);
  EXPECT_NE(html.find("Halaman 7 dari 50"), std::string::npos);
}

TEST(ViewsCooperative, LatestScoreChartAndEmptyState) {
  const Principal p = User(store::Role::kPengurus, "Bendahara");
  const LaporanView latest = ExampleView("KSP Sejahtera Bersama");
  CooperativeView view;
  view.cooperative = latest.cooperative;
  view.laporan.push_back(latest.record);
  for (const char* year : {"2024", "2023"}) {
    store::LaporanRecord r = latest.record;
    r.id = std::stoi(year);
    r.periode_akhir = std::string(year) + "-12-31";
    r.status = store::Status::kFinal;
    r.total_e6 = 70'500'000;
    r.predikat = "CUKUP SEHAT";
    view.laporan.push_back(r);
  }
  const std::string html = CoopPage(Ctx(&p), view, &latest, true);
  EXPECT_NE(html.find("src=\"/laporan/42/radar.svg\""), std::string::npos);
  EXPECT_NE(html.find("<polyline points=\"40,"), std::string::npos);  // two final periods
  EXPECT_NE(html.find(">2023</text>"), std::string::npos);
  EXPECT_NE(html.find("table class=\"sortable\""), std::string::npos);
  EXPECT_EQ(Count(html, "<td data-nilai=\"20"), 3u);  // one history row per laporan
  EXPECT_NE(html.find("href=\"/koperasi/7/laporan/baru\""), std::string::npos);
  const std::vector<const ComponentResult*> losses = BiggestLosses(latest.assessment, 5);
  ASSERT_FALSE(losses.empty());
  EXPECT_NE(html.find("href=\"#c-" + losses.front()->spec->id + "\""), std::string::npos);

  CooperativeView empty;
  empty.cooperative = latest.cooperative;
  const std::string none = CoopPage(Ctx(&p), empty, nullptr, true);
  EXPECT_NE(none.find("Belum ada penilaian"), std::string::npos);
  EXPECT_NE(none.find("href=\"/koperasi/7/laporan/baru\""), std::string::npos);
  EXPECT_EQ(none.find("radar.svg"), std::string::npos);
  EXPECT_EQ(CoopPage(Ctx(&p), empty, nullptr, false).find("/laporan/baru"), std::string::npos);
}

// Scores of two methods are never joined or compared: the chart draws one line per method, each with its own
// thresholds, and marks the change in the drawing and in words; the history table names each result's method.
TEST(ViewsCooperative, AMethodChangeIsABreakNotADifference) {
  const Principal p = User(store::Role::kDinas, "Penilai");
  const LaporanView latest = ExampleView("KSP Sejahtera Bersama");
  CooperativeView view;
  view.cooperative = latest.cooperative;
  struct Year {
    const char* year;
    const char* method;
    const char* version;
    int64_t total_e6;
  };
  // Newest first, as the store lists them.
  for (const Year& y : {Year{"2023", "kkpkk-2021", "2", 90'910'000}, Year{"2022", "kkpkk-2021", "2", 90'180'000},
                        Year{"2021", "kkpkk-2021", "1", 88'000'000}, Year{"2020", "ksp-2016", "1", 66'100'000},
                        Year{"2019", "ksp-2016", "1", 68'350'000}}) {
    store::LaporanRecord r = latest.record;
    r.id = std::stoi(y.year);
    r.periode_akhir = std::string(y.year) + "-12-31";
    r.status = store::Status::kFinal;
    r.rulebook_id = y.method;
    r.rulebook_version = y.version;
    r.total_e6 = y.total_e6;
    view.laporan.push_back(r);
  }
  const std::string html = CoopPage(Ctx(&p), view, &latest, false);
  // Two polylines: 2019–2020 (x 40, 105) and 2021–2023 (x 170, 235, 300); none joins 2020 to 2021.
  EXPECT_EQ(Count(html, "<polyline "), 2u) << html;
  EXPECT_NE(html.find("<polyline points=\"40,"), std::string::npos);
  EXPECT_NE(html.find("<polyline points=\"170,"), std::string::npos);
  EXPECT_EQ(Count(html, "class=\"ganti\""), 1u);
  EXPECT_NE(html.find("2021: metode berganti: ksp-2016 → kkpkk-2021"), std::string::npos) << html;
  EXPECT_NE(html.find("tidak dibandingkan"), std::string::npos);
  // The history table: method and version of every stored result.
  EXPECT_NE(html.find("<td>ksp-2016 versi 1</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>kkpkk-2021 versi 1</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>kkpkk-2021 versi 2</td>"), std::string::npos);
  // An incomplete draft (saved half-way) shows no score: "—" and "belum lengkap", never 0,00.
  store::LaporanRecord half = latest.record;
  half.id = 99;
  half.periode_akhir = "2026-06-30";
  half.status = store::Status::kDraft;
  half.isian_json = "[[\"periode.akhir\",\"2026-06-30\"]]";
  half.total_e6 = 0;
  view.laporan.insert(view.laporan.begin(), half);
  const std::string with_half = CoopPage(Ctx(&p), view, &latest, false);
  EXPECT_NE(with_half.find("<td class=\"n\" data-nilai=\"-1\">—</td><td>belum lengkap</td>"), std::string::npos);
  EXPECT_EQ(Count(with_half, "<polyline "), 2u) << "a draft is no point of the chart";
  view.laporan.erase(view.laporan.begin());
  // One method throughout: one line, no break.
  view.laporan.resize(3);
  const std::string one = CoopPage(Ctx(&p), view, &latest, false);
  EXPECT_EQ(Count(one, "<polyline "), 1u);
  EXPECT_EQ(one.find("berganti"), std::string::npos);
  EXPECT_EQ(CoopPage(Ctx(&p, Lang::kEn), view, &latest, false).find("berganti"), std::string::npos);
}

TEST(ViewsPages, CompleteDocumentsWithoutExternalResources) {
  for (const Lang lang : {Lang::kId, Lang::kEn}) {
    for (const auto& [name, html] : AllPages(lang, "Koperasi Mawar")) {
      EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"", 0), 0u) << name;
      EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos) << name;
      EXPECT_NE(html.find("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"),
                std::string::npos) << name;
      EXPECT_NE(html.find("<title>"), std::string::npos) << name;
      EXPECT_NE(html.find("<link rel=\"stylesheet\" href=\"/aset/gaya.css\">"), std::string::npos) << name;
      EXPECT_NE(html.find("<script src=\"/aset/kopsehat.js\" defer></script>"), std::string::npos) << name;
      EXPECT_NE(html.find("</html>"), std::string::npos) << name;
      EXPECT_EQ(html.find("http://"), std::string::npos) << name;
      EXPECT_EQ(html.find("https://"), std::string::npos) << name;
      EXPECT_EQ(html.find("//cdn"), std::string::npos) << name;
      EXPECT_EQ(html.find(" style=\""), std::string::npos) << name;  // a strict CSP forbids inline styles
      EXPECT_EQ(html.find(" onclick="), std::string::npos) << name;
    }
  }
  for (const std::string_view asset : {kStylesheetCss, kScriptJs}) {
    EXPECT_EQ(asset.find("http://"), std::string_view::npos);
    EXPECT_EQ(asset.find("https://"), std::string_view::npos);
    EXPECT_EQ(asset.find("@import"), std::string_view::npos);
    EXPECT_EQ(asset.find("url("), std::string_view::npos);
    // A budget for a cheap phone on a slow link (the assets are cached for a day): 8 KiB each, uncompressed. The
    // script is served without its whole-line comments and indentation (cmake/embed_asset.cmake): 7,011 bytes of
    // the 8,186 committed; the stylesheet as committed, 6,994.
    EXPECT_LT(asset.size(), 8u * 1024);
  }
}

TEST(ViewsPages, ScriptKnowsTheHooksThePagesUse) {
  const std::string_view js = kScriptJs;
  for (const char* hook : {"data-sisi", "data-neraca", "table.sortable", "data-nilai", "data-konfirmasi", "'aset'",
                           "'pengurang'", "seimbang", "selisih"}) {
    EXPECT_NE(js.find(hook), std::string_view::npos) << hook;
  }
  const std::string_view css = kStylesheetCss;
  for (const char* cls : {".p-sehat", ".p-cukup", ".p-awas", ".p-khusus", ".gulir", ".galat", ".cek"}) {
    EXPECT_NE(css.find(cls), std::string_view::npos) << cls;
  }
}

}  // namespace
}  // namespace kopsehat::web
