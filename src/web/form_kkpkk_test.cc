// The KKPKK form and pages (issue 15 §2): a new laporan starts by choosing the method (the one in force for the period
// chosen), the checklists are grouped by aspect and sub-aspect with their item texts and counts of answered items
// (per checklist, per aspect's preview, overall), last year is open when the method reads it, an incomplete draft's
// page lists what is missing with labels first and leads back to the form, the examiner's changes are one list
// with labels, the examiner's checklist form offers items with Ya/Tidak, and the plan of a KKPKK laporan says in
// words that it is not available yet.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "web/views.h"
#include "interchange/json_reader.h"
#include "plan/optimize.h"
#include "rules/loader.h"

namespace kopsehat::web {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

store::Cooperative Coop() {
  store::Cooperative c;
  c.id = 7;
  c.region_id = 3;
  c.nama = "KSP Sejahtera Bersama";
  c.jenis = "KSP";
  return c;
}

Principal User(store::Role role) {
  Principal p;
  p.user.id = 5;
  p.user.username = "pengguna";
  p.user.role = role;
  p.user.region_ids = {3};
  if (role != store::Role::kDinas) p.user.cooperative_id = 7;
  return p;
}

PageContext Ctx(const Principal* p, Lang lang = Lang::kId) {
  PageContext ctx;
  ctx.lang = lang;
  ctx.principal = p;
  ctx.csrf = "tok";
  ctx.path = "/koperasi/7/laporan/baru";
  return ctx;
}

const Rulebook& Kkpkk() {
  Problems p;
  const Rulebook* rb = EmbeddedRulebookById("kkpkk-2021", &p);
  EXPECT_NE(rb, nullptr) << p.Render(Lang::kEn);
  return *rb;
}

// The text between `from` and the next `to`.
std::string Between(const std::string& html, const std::string& from, const std::string& to) {
  const size_t a = html.find(from);
  if (a == std::string::npos) return "";
  const size_t b = html.find(to, a + from.size());
  return html.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

TEST(FormKkpkk, ANewLaporanStartsWithTheMethodInForceChosen) {
  const Principal p = User(store::Role::kPengurus);
  const std::string now = MethodChoicePage(Ctx(&p), Coop(), "2025-12-31");
  EXPECT_NE(now.find("name=\"metode\" value=\"kkpkk-2021\" checked"), std::string::npos);
  EXPECT_EQ(now.find("name=\"metode\" value=\"ksp-2016\" checked"), std::string::npos);
  EXPECT_NE(now.find("berlaku untuk periode ini"), std::string::npos);
  EXPECT_NE(now.find("<form method=\"get\" action=\"/koperasi/7/laporan/baru\""), std::string::npos);
  const std::string before = MethodChoicePage(Ctx(&p), Coop(), "2019-12-31");
  EXPECT_NE(before.find("name=\"metode\" value=\"ksp-2016\" checked"), std::string::npos);
  EXPECT_EQ(before.find("name=\"metode\" value=\"kkpkk-2021\" checked"), std::string::npos);
}

TEST(FormKkpkk, ChecklistsAreGroupedByAspectAndSubAspectInTheRulebooksOrder) {
  const Principal p = User(store::Role::kPengurus);
  const Rulebook& rb = Kkpkk();
  const std::string html =
      LaporanFormPage(Ctx(&p), Coop(), 0, {{"metode", "kkpkk-2021"}, {"periode.akhir", "2025-12-31"}}, Problems{});
  size_t last = 0;
  for (const Aspect& a : rb.aspects) {
    bool has_checklist = false;
    for (const Component& c : rb.components) has_checklist |= c.aspect == a.id && c.kind == ComponentKind::kChecklist;
    const size_t at = html.find("<section class=\"aspek-periksa\" id=\"a-" + a.id + "\"");
    if (!has_checklist) {
      EXPECT_EQ(at, std::string::npos) << a.id;
      continue;
    }
    ASSERT_NE(at, std::string::npos) << a.id;
    EXPECT_GT(at, last) << a.id;  // aspects in the rulebook's order
    last = at;
    // Every checklist of the aspect sits inside its section, before the next section, with its item texts.
    const size_t end = html.find("</section>", at);
    for (const Component& c : rb.components) {
      if (c.aspect != a.id || c.kind != ComponentKind::kChecklist) continue;
      const size_t list = html.find("id=\"g-" + c.AnswersPath() + "\"", at);
      EXPECT_LT(list, end) << c.id;
      EXPECT_NE(html.find(c.items[0].text.Get(Lang::kId), list), std::string::npos) << c.id;
    }
  }
  EXPECT_NE(html.find("<h3>Tata kelola</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h4>Prinsip koperasi</h4>"), std::string::npos);
  EXPECT_LT(html.find("<h4>Prinsip koperasi</h4>"), html.find("<h4>Kelembagaan</h4>"));
  // Each item once, with two large choices; kkpkk reads last year, so its block is open.
  EXPECT_EQ(html.find("Pilih Ya atau Tidak untuk setiap butir.</p><fieldset class=\"butir"), std::string::npos);
  EXPECT_NE(html.find("<details class=\"lalu\" open>"), std::string::npos);
  EXPECT_NE(html.find("name=\"periode_lalu.neraca.kas\""), std::string::npos);
  EXPECT_NE(html.find("name=\"kegiatan."), std::string::npos);
}

TEST(FormKkpkk, CountsAnsweredItemsPerChecklistAspectAndOverall) {
  const Principal p = User(store::Role::kPengurus);
  const Rulebook& rb = Kkpkk();
  size_t total = 0, tata_kelola = 0;
  for (const Component& c : rb.components) {
    if (c.kind != ComponentKind::kChecklist) continue;
    total += c.items.size();
    if (c.aspect == "tata_kelola") tata_kelola += c.items.size();
  }
  const Component* keanggotaan = rb.FindComponent("tata_kelola.keanggotaan_sukarela");
  ASSERT_NE(keanggotaan, nullptr);
  const Fields values = {{"metode", "kkpkk-2021"},
                         {"periode.akhir", "2025-12-31"},
                         {"daftar_periksa.kkpkk.prinsip_keanggotaan[1]", "Ya"},
                         {"daftar_periksa.kkpkk.prinsip_keanggotaan[2]", "tidak"},
                         {"daftar_periksa.kkpkk.prinsip_keanggotaan[3]", "Ya"},
                         {"daftar_periksa.kkpkk.prinsip_demokratis[1]", "mungkin"}};  // not an answer
  const std::string html = LaporanFormPage(Ctx(&p), Coop(), 0, values, Problems{});
  const std::string list = Between(html, "id=\"g-daftar_periksa.kkpkk.prinsip_keanggotaan\"", "</legend>");
  EXPECT_NE(list.find(">3 dari " + std::to_string(keanggotaan->items.size()) + " terjawab</span>"),
            std::string::npos)
      << list;
  EXPECT_NE(list.find("data-format=\"{a} dari {n} terjawab\""), std::string::npos);
  EXPECT_NE(html.find(">Daftar periksa: 3 dari " + std::to_string(total) + " butir terjawab</p>"), std::string::npos);
  // Tata kelola: 2 Ya of its items, rounded half up to whole percent with integers.
  const size_t percent = (200 * 2 + tata_kelola) / (2 * tata_kelola);
  const std::string preview = Between(html, "id=\"a-tata_kelola\"", "</p>");
  EXPECT_NE(preview.find(">Pratinjau: Ya 2 dari " + std::to_string(tata_kelola) + " butir (" +
                         std::to_string(percent) + " %), terjawab 3"),
            std::string::npos)
      << preview;
  // Another aspect with nothing answered previews zero.
  EXPECT_NE(Between(html, "id=\"a-profil_risiko\"", "</p>").find(">Pratinjau: Ya 0 dari "), std::string::npos);
  // The answer given stays chosen; the wrong one too, so nothing typed is lost.
  EXPECT_NE(html.find("name=\"daftar_periksa.kkpkk.prinsip_keanggotaan[2]\" value=\"Tidak\" checked"),
            std::string::npos);
  EXPECT_NE(html.find("name=\"daftar_periksa.kkpkk.prinsip_demokratis[1]\" value=\"mungkin\" checked"),
            std::string::npos);
  // In English the same counts.
  const std::string en = LaporanFormPage(Ctx(&p, Lang::kEn), Coop(), 0, values, Problems{});
  EXPECT_NE(en.find(">Checklists: 3 of " + std::to_string(total) + " items answered</p>"), std::string::npos);
  EXPECT_NE(en.find("<h3>Governance</h3>"), std::string::npos);
}

TEST(FormKkpkk, TheFormSavesADraftAtAnyPoint) {
  const Principal p = User(store::Role::kPengurus);
  const std::string html = LaporanFormPage(Ctx(&p), Coop(), 0, {{"metode", "kkpkk-2021"}}, Problems{});
  EXPECT_NE(html.find(">Simpan draf</button>"), std::string::npos);
  EXPECT_NE(html.find("Boleh disimpan walau belum lengkap"), std::string::npos);
}

LaporanView IncompleteView() {
  LaporanView v;
  v.cooperative = Coop();
  v.record.id = 42;
  v.record.cooperative_id = 7;
  v.record.periode_akhir = "2025-12-31";
  v.record.status = store::Status::kDraft;
  v.record.rulebook_id = "kkpkk-2021";
  v.record.isian_json = "[[\"neraca.kas\",\"12,5,0\"]]";
  v.incomplete = true;
  v.fields = {{"neraca.kas", "12,5,0"}};
  v.missing.Add("neraca.kas", "bukan_angka", "bukan jumlah uang: 12,5,0", "not an amount: 12,5,0");
  v.missing.Add("daftar_periksa.kkpkk.prinsip_demokratis", "belum_dijawab", "belum dijawab", "not answered");
  v.may.edit = true;
  v.may.submit = true;
  return v;
}

TEST(FormKkpkk, AnIncompleteDraftSaysWhatIsMissingAndLeadsBackToTheForm) {
  const Principal p = User(store::Role::kPengurus);
  const std::string html = LaporanPage(Ctx(&p), IncompleteView(), Problems{});
  EXPECT_NE(html.find("<h2>Draf belum lengkap</h2>"), std::string::npos);
  EXPECT_NE(html.find("<li><strong>Kas</strong> — bukan jumlah uang: 12,5,0</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li><strong>Pengelolaan secara demokratis</strong> — belum dijawab</li>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/laporan/42/ubah\">Lanjutkan mengisi</a>"), std::string::npos);
  // No score, no submit button, no downloads of an assessment that does not exist.
  EXPECT_EQ(html.find("/laporan/42/ajukan"), std::string::npos);
  EXPECT_EQ(html.find("unduh.pdf"), std::string::npos);
  EXPECT_NE(html.find("setelah lengkap"), std::string::npos);
  // Its form reopens with what was typed and the problem beside the field.
  LaporanView v = IncompleteView();
  const std::string form = LaporanFormPage(Ctx(&p), v.cooperative, 42, v.fields, v.missing);
  EXPECT_NE(form.find("name=\"neraca.kas\" value=\"12,5,0\""), std::string::npos);
  EXPECT_NE(form.find("aria-describedby=\"e-neraca.kas\""), std::string::npos);
}

TEST(FormKkpkk, TheExaminersChangesAreOneListWithLabels) {
  const Principal p = User(store::Role::kDinas);
  LaporanView v = IncompleteView();
  v.incomplete = false;
  v.record.isian_json.clear();
  v.record.status = store::Status::kSubmitted;
  // The bundled example assessed with kkpkk-2021, as ViewLaporan hands it over.
  std::ifstream in(KOPSEHAT_SOURCE_DIR "/examples/ksp-sejahtera-bersama-2025.json");
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Problems problems;
  ASSERT_TRUE(LaporanJsonReader().Read(json, &v.laporan, &problems)) << problems.Render(Lang::kEn);
  ASSERT_TRUE(Evaluate(v.laporan, Kkpkk(), EvaluateOptions{}, &v.assessment, &problems))
      << problems.Render(Lang::kEn);
  v.may = LaporanPermissions{false, false, true, false};
  v.adjustments.push_back({1, 7, 42, "daftar_periksa.kkpkk.prinsip_keanggotaan[3]", "Ya", "Tidak",
                           "buku anggota: lebih banyak yang keluar", 5, "dinasA", 1767225600});
  v.adjustments.push_back({2, 7, 42, "neraca.kas", "1000000", "900.000", "kas opname", 5, "dinasA", 1767225600});
  const std::string html = LaporanPage(Ctx(&p), v, Problems{});
  const std::string list = Between(html, "<h2 id=\"diubah-pemeriksa\">Butir yang diubah pemeriksa</h2>", "</ol>");
  ASSERT_FALSE(list.empty());
  const Component* c = Kkpkk().FindComponent("tata_kelola.keanggotaan_sukarela");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(list.find("<li><strong>Keanggotaan sukarela dan terbuka, butir 3: " + c->items[2].text.Get(Lang::kId) +
                      "</strong> <span class=\"mono\">daftar_periksa.kkpkk.prinsip_keanggotaan[3]</span>"),
            std::string::npos)
      << list;
  EXPECT_NE(list.find("<p>Asal: <span class=\"asal\">Ya</span> → baru: <strong class=\"baru\">Tidak</strong></p>"
                      "<p>Alasan: buku anggota: lebih banyak yang keluar</p><p class=\"kecil oleh\">dinasA · "),
            std::string::npos);
  EXPECT_NE(list.find("<li><strong>Kas</strong> <span class=\"mono\">neraca.kas</span>"), std::string::npos);
  EXPECT_LT(list.find("prinsip_keanggotaan[3]"), list.find(">neraca.kas<"));  // one list, in the order made
  // The examiner's checklist form offers items with Ya / Tidak to choose.
  const std::string form = Between(html, "Ubah jawaban daftar periksa", "</form>");
  EXPECT_NE(form.find("<option value=\"daftar_periksa.kkpkk.prinsip_keanggotaan[3]\">3. "), std::string::npos);
  EXPECT_NE(form.find("name=\"nilai\" value=\"Ya\""), std::string::npos);
  EXPECT_NE(form.find("name=\"nilai\" value=\"Tidak\""), std::string::npos);
  EXPECT_NE(form.find("name=\"alasan\""), std::string::npos);
}

TEST(FormKkpkk, ThePlanPageSaysInWordsWhyThereIsNoPlanYet) {
  const Principal p = User(store::Role::kPengurus);
  PlanView plan;
  plan.laporan.cooperative = Coop();
  plan.laporan.record.id = 42;
  plan.laporan.record.rulebook_id = "kkpkk-2021";
  plan.unavailable = PlanView::Unavailable::kIncomplete;
  const std::string html = PlanPage(Ctx(&p), plan);
  EXPECT_NE(html.find("<h1>Rencana belum tersedia</h1>"), std::string::npos);
  EXPECT_NE(html.find("Draf ini belum lengkap"), std::string::npos);
  EXPECT_NE(html.find("href=\"/laporan/42\">Kembali ke laporan</a>"), std::string::npos);
  EXPECT_EQ(html.find("403"), std::string::npos);
}

// Issue 17: the plan page of a KKPKK laporan shows the checklist steps by their items' text, the work and its
// value, and when the target is out of reach, each aspect's room.
TEST(FormKkpkk, ThePlanPageShowsChecklistStepsAndAspects) {
  std::ifstream in(std::string(KOPSEHAT_SOURCE_DIR) + "/examples/ksp-maju-jaya-kkpkk-2025.json", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Principal p = User(store::Role::kPengurus);
  PlanView view;
  view.laporan.cooperative = Coop();
  view.laporan.record.id = 7;
  Problems problems;
  LaporanJsonReader reader;
  ASSERT_TRUE(reader.Read(text, &view.laporan.laporan, &problems)) << problems.Render(Lang::kEn);
  const Rulebook* rb = EmbeddedRulebookById("kkpkk-2021", &problems);
  ASSERT_TRUE(Evaluate(view.laporan.laporan, *rb, {}, &view.laporan.assessment, &problems));
  const ActionBook* book = EmbeddedActionBook(&problems);
  const EffortBook* effort = EmbeddedEffortBook("kkpkk-2021", &problems);
  view.target_e6 = 80'000'000;
  view.plan = MakePlan(view.laporan.laporan, *rb, {}, view.laporan.assessment, *book, DefaultLimits(*book), 80'000'000,
                       {}, effort);
  ASSERT_EQ(view.plan.status, Plan::Status::kVerified);
  std::string html = PlanPage(Ctx(&p), view);
  EXPECT_NE(html.find("class=\"langkah-butir\""), std::string::npos);
  EXPECT_NE(html.find("hari orang seluruhnya; satu hari orang dihitung Rp 250.000"), std::string::npos);
  EXPECT_NE(html.find("Ada kebijakan tertulis tentang pengendalian likuiditas. <span class=\"kecil\">(Tidak → Ya)"),
            std::string::npos);
  EXPECT_NE(html.find("(SEHAT)"), std::string::npos) << "the result";
  // Out of reach: the aspects, with what the inherent-risk lists keep losing.
  view.plan = MakePlan(view.laporan.laporan, *rb, {}, view.laporan.assessment, *book, DefaultLimits(*book), 99'000'000,
                       {}, effort);
  ASSERT_EQ(view.plan.status, Plan::Status::kUnreachable);
  html = PlanPage(Ctx(&p), view);
  EXPECT_NE(html.find("<h2>Per aspek</h2>"), std::string::npos);
  EXPECT_NE(html.find("Profil risiko"), std::string::npos);
  EXPECT_NE(PlanPage(Ctx(&p, Lang::kEn), view).find("<h2>Per aspect</h2>"), std::string::npos);
}

}  // namespace
}  // namespace kopsehat::web
