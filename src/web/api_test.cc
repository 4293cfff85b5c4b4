// The JSON API with good and malformed input: every refusal is a 4xx with problems naming the field, in Indonesian
// (English on request), never a 500 or a crash; a full laporan round trip through the API.
#include <nlohmann/json.hpp>

#include "web/http.h"
#include "interchange/template_writer.h"
#include "app/test_app.h"

namespace kopsehat::web::testing {

using namespace kopsehat::app::testing;
namespace {

class ApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (!database_ready()) return;
    for (const char* who : {"pengurusA", "dinasA", "admin"}) {
      std::string token;
      Principal p;
      ASSERT_TRUE(app_->Login(who, kPassword, "127.0.0.1", &token, &p).ok());
      sessions_[who] = {token, p.session.csrf_token};
    }
  }

  Response Send(const std::string& who, const std::string& method, const std::string& path, const std::string& body,
                const std::string& query_lang = "") {
    Request r;
    r.method = method;
    r.path = path;
    r.client = "127.0.0.1";
    r.headers["cookie"] = std::string(kSessionCookie) + "=" + sessions_[who].first;
    r.headers["x-csrf-token"] = sessions_[who].second;
    r.headers["content-type"] = "application/json";
    r.body = body;
    if (!query_lang.empty()) r.query.emplace_back("lang", query_lang);
    return Handle(app_.get(), settings_, r);
  }

  ServerSettings settings_;
  std::map<std::string, std::pair<std::string, std::string>> sessions_;
};
KOPSEHAT_INSTANTIATE_BACKENDS(ApiTest);

TEST_P(ApiTest, LaporanRoundTrip) {
  if (!database_ready()) return;
  const std::string coop = "/api/v1/koperasi/" + std::to_string(coop_["A"]);
  const Response created = Send("pengurusA", "POST", coop + "/laporan", ExampleJson());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_NE(created.body.find("\"status\":\"draf\""), std::string::npos);
  EXPECT_NE(created.body.find("\"predikat\":\"SEHAT\""), std::string::npos);
  const size_t at = created.body.find("\"id\":") + 5;
  const std::string id = created.body.substr(at, created.body.find(',', at) - at);
  const Response got = Send("pengurusA", "GET", "/api/v1/laporan/" + id, "");
  ASSERT_EQ(got.status, 200);
  EXPECT_NE(got.body.find("\"hasil\":{\"format\":\"kopsehat/penilaian-v1\""), std::string::npos) << got.body.substr(0, 300);
  EXPECT_EQ(Send("pengurusA", "POST", "/api/v1/laporan/" + id + "/ajukan", "").status, 200);
  const Response adjusted = Send("dinasA", "POST", "/api/v1/laporan/" + id + "/koreksi",
                                 R"({"perubahan":[{"path":"pinjaman.macet","nilai":"20.000.000"}],"alasan":"uji"})");
  EXPECT_EQ(adjusted.status, 200) << adjusted.body;
  EXPECT_EQ(Send("dinasA", "POST", "/api/v1/laporan/" + id + "/final", "").status, 200);
  const Response final = Send("pengurusA", "GET", "/api/v1/laporan/" + id, "");
  EXPECT_NE(final.body.find("\"status\":\"final\""), std::string::npos);
  EXPECT_NE(final.body.find("\"alasan\":\"uji\""), std::string::npos);
  // A correction answers with the new revision (its own id, revision 2, submitted), not the final one.
  const Response revised = Send("dinasA", "POST", "/api/v1/laporan/" + id + "/revisi", R"({"alasan":"salah ketik"})");
  ASSERT_EQ(revised.status, 200) << revised.body;
  const size_t rat = revised.body.find("\"id\":") + 5;
  const std::string new_id = revised.body.substr(rat, revised.body.find(',', rat) - rat);
  EXPECT_NE(new_id, id) << revised.body.substr(0, 300);
  EXPECT_NE(revised.body.find("\"revisi\":2"), std::string::npos) << revised.body.substr(0, 300);
  EXPECT_NE(revised.body.find("\"status\":\"diajukan\""), std::string::npos) << revised.body.substr(0, 300);
}

TEST_P(ApiTest, MalformedInputIsRefusedWithItsField) {
  if (!database_ready()) return;
  const std::string coop = "/api/v1/koperasi/" + std::to_string(coop_["A"]) + "/laporan";
  const int64_t submitted = Submitted("A", "2023-12-31");
  const std::string review = "/api/v1/laporan/" + std::to_string(submitted);
  struct Case {
    std::string who, path, body;
    int status;
    std::string field;  // a problem must name it
  };
  const std::vector<Case> cases = {
      {"pengurusA", coop, "", 422, ""},
      {"pengurusA", coop, "{", 422, ""},
      {"pengurusA", coop, "[1,2,3]", 422, ""},
      {"pengurusA", coop, "null", 422, ""},
      {"pengurusA", coop, std::string(3 << 20, ' '), 422, ""},
      {"pengurusA", coop, R"({"format":"kopsehat/laporan-v1","periode":{"akhir":"2025-02-30"}})", 422, "periode.akhir"},
      {"pengurusA", coop, R"({"format":"kopsehat/laporan-v1","periode":{"akhir":"2025-12-31"},"neraca":{"kas":"x"}})",
       422, "neraca.kas"},
      {"pengurusA", coop, std::string("{\"format\":\"kopsehat/laporan-v1\",\"koperasi\":{\"nama\":\"\xff\xfe\"}}"), 422,
       ""},
      {"dinasA", review + "/koreksi", "{}", 422, ""},
      {"dinasA", review + "/koreksi", R"({"perubahan":"neraca.kas","alasan":"x"})", 422, ""},
      {"dinasA", review + "/koreksi", R"({"perubahan":[{"path":"neraca.tidak_ada","nilai":"1"}],"alasan":"x"})", 422,
       "neraca.tidak_ada"},
      {"dinasA", review + "/koreksi", R"({"perubahan":[{"path":"pinjaman.macet","nilai":"-5"}],"alasan":"x"})", 422,
       "pinjaman.macet"},
      {"dinasA", review + "/koreksi", R"({"perubahan":[{"path":"pinjaman.macet","nilai":"1"}],"alasan":7})", 422,
       "alasan"},
      {"dinasA", review + "/koreksi", R"({"perubahan":[{"path":"periode.akhir","nilai":"2020-12-31"}],"alasan":"x"})",
       422, "periode.akhir"},
      {"dinasA", review + "/kembalikan", R"({"catatan":""})", 422, "catatan"},
      {"dinasA", review + "/kembalikan", "not json", 422, "body"},
      {"dinasA", review + "/bukti", "", 422, "berkas"},
      {"dinasA", "/api/v1/laporan/" + std::to_string(submitted) + "/revisi", R"({"alasan":"x"})", 409, "status"},
  };
  for (const Case& c : cases) {
    const Response r = Send(c.who, "POST", c.path, c.body);
    EXPECT_EQ(r.status, c.status) << c.path << " " << c.body.substr(0, 80) << "\n" << r.body.substr(0, 300);
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(r.body.rfind("{\"galat\":[{", 0), 0u) << r.body.substr(0, 200);
    if (!c.field.empty()) {
      EXPECT_NE(r.body.find("\"path\":\"" + c.field + "\""), std::string::npos) << c.path << "\n" << r.body;
    }
  }
  // The same refusal in English on request.
  const Response en = Send("dinasA", "POST", review + "/kembalikan", R"({"catatan":""})", "en");
  EXPECT_NE(en.body.find("a reason is required"), std::string::npos) << en.body;
  // Nothing of the refused calls was stored: the cooperative still has exactly the one laporan.
  CooperativeView v;
  ASSERT_TRUE(app_->ViewCooperative(As("pengurusA"), coop_["A"], &v).ok());
  EXPECT_EQ(v.laporan.size(), 1u);
}

TEST_P(ApiTest, TextThatIsNotUtf8IsRefusedWhereItEnters) {
  if (!database_ready()) return;
  // A spreadsheet saved as Windows-1252 (an en dash 0x96 in the name): refused with the field, nothing stored,
  // rather than stored and unreadable forever after.
  int64_t id = 0;
  Laporan example;
  Problems read;
  LaporanJsonReader reader;
  ASSERT_TRUE(reader.Read(ExampleJson(), &example, &read));
  example.cooperative.nama = "KSP Sejahtera \x96 Bersama";
  TemplateOptions t;
  t.prefill = &example;
  const std::string csv = TemplateCsv(t);
  const Outcome o = app_->SaveDraftFromFile(As("pengurusA"), coop_["A"], std::nullopt, csv, "laporan.csv", &id);
  EXPECT_EQ(o.code, Code::kInvalid);
  bool named = false;
  // The file's reader refuses it first, naming the row and the key ("baris 6 (koperasi.nama)").
  for (const Problem& p : o.problems.items()) named = named || p.path.find("koperasi.nama") != std::string::npos;
  EXPECT_TRUE(named) << o.problems.Render(Lang::kEn);
  const Outcome form = app_->SaveDraftFromFields(As("pengurusA"), coop_["A"], std::nullopt,
                                                 {{"koperasi.nama", "Maju\xFFJaya"}, {"periode.akhir", "2025-12-31"}}, &id);
  EXPECT_EQ(form.code, Code::kInvalid);
  ASSERT_FALSE(form.problems.empty());
  EXPECT_EQ(form.problems.items()[0].path, "koperasi.nama");
  const int64_t submitted = Submitted("A");
  int64_t ev = 0;
  EXPECT_EQ(app_->AddEvidence(As("dinasA"), submitted, "a\xFF.txt", "text/plain", "x", "", &ev).code, Code::kInvalid);
  EXPECT_EQ(app_->AddEvidence(As("dinasA"), submitted, "a.txt", "text/plain", "x", std::string("x\0y", 3), &ev).code,
            Code::kInvalid);
  EXPECT_EQ(app_->ReturnToCooperative(As("dinasA"), submitted, "catatan \xC0\xAF").code, Code::kInvalid);
  // A NUL in a user name is just an unknown user (PostgreSQL would refuse the text itself).
  std::string token;
  Principal p;
  EXPECT_EQ(app_->Login(std::string("pengurusA\0", 10), kPassword, "x", &token, &p).code, Code::kUnauthenticated);
  CooperativeView v;
  ASSERT_TRUE(app_->ViewCooperative(As("pengurusA"), coop_["A"], &v).ok());
  EXPECT_EQ(v.laporan.size(), 1u);
}

TEST_P(ApiTest, RegionComesInPages) {
  if (!database_ready()) return;
  Request r;
  r.method = "GET";
  r.path = "/api/v1/wilayah";
  r.headers["cookie"] = std::string(kSessionCookie) + "=" + sessions_["admin"].first;
  r.query = {{"per_hal", "1"}, {"hal", "2"}};
  Response page = Handle(app_.get(), settings_, r);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("\"jumlah\":2,\"hal\":2,\"per_hal\":1"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("\"nama\":\"KSP B\""), std::string::npos);
  // The region-wide list of submissions awaiting review comes with the first page only.
  EXPECT_EQ(page.body.find("\"menunggu_pemeriksaan\":["), std::string::npos) << page.body;
  r.query = {{"per_hal", "1"}, {"hal", "1"}};
  EXPECT_NE(Handle(app_.get(), settings_, r).body.find("\"menunggu_pemeriksaan\":["), std::string::npos);
  EXPECT_EQ(page.body.find("\"nama\":\"KSP A\""), std::string::npos);
  r.query = {{"per_hal", "0"}, {"hal", "x"}};  // out of range: the defaults
  page = Handle(app_.get(), settings_, r);
  EXPECT_NE(page.body.find("\"hal\":1,\"per_hal\":500"), std::string::npos) << page.body;
  r.query = {{"hal", "9"}};
  page = Handle(app_.get(), settings_, r);
  EXPECT_NE(page.body.find("\"koperasi\":[]"), std::string::npos) << page.body;
}

// The submissions awaiting review: their number on every page, and pages of their own (nationally there are
// thousands), oldest submission first.
TEST_P(ApiTest, SubmissionsAwaitingReviewComeInPagesOfTheirOwn) {
  if (!database_ready()) return;
  const int64_t first = Submitted("A");
  now_ += 60;
  const int64_t second = Submitted("B");
  Request r;
  r.method = "GET";
  r.path = "/api/v1/wilayah";
  r.headers["cookie"] = std::string(kSessionCookie) + "=" + sessions_["admin"].first;
  const auto ids = [](const std::string& body) {
    std::vector<int64_t> out;
    const nlohmann::json j = nlohmann::json::parse(body);
    if (!j.contains("menunggu_pemeriksaan")) return out;
    for (const nlohmann::json& l : j["menunggu_pemeriksaan"]) out.push_back(l["id"].get<int64_t>());
    return out;
  };
  Response page = Handle(app_.get(), settings_, r);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("\"menunggu_pemeriksaan_jumlah\":2,\"hal_menunggu\":1,\"per_hal_menunggu\":100"),
            std::string::npos)
      << page.body;
  EXPECT_EQ(ids(page.body), (std::vector<int64_t>{first, second}));
  r.query = {{"per_hal_menunggu", "1"}};
  EXPECT_EQ(ids(Handle(app_.get(), settings_, r).body), (std::vector<int64_t>{first}));
  r.query = {{"per_hal_menunggu", "1"}, {"hal_menunggu", "2"}};
  EXPECT_EQ(ids(Handle(app_.get(), settings_, r).body), (std::vector<int64_t>{second}));
  r.query = {{"per_hal_menunggu", "1"}, {"hal_menunggu", "3"}};
  page = Handle(app_.get(), settings_, r);
  EXPECT_NE(page.body.find("\"menunggu_pemeriksaan\":[]"), std::string::npos) << page.body;
  // Another page of cooperatives: the count, and the list only when asked for.
  r.query = {{"hal", "2"}, {"per_hal", "1"}};
  page = Handle(app_.get(), settings_, r);
  EXPECT_NE(page.body.find("\"menunggu_pemeriksaan_jumlah\":2"), std::string::npos) << page.body;
  EXPECT_TRUE(ids(page.body).empty());
  r.query = {{"hal", "2"}, {"per_hal", "1"}, {"hal_menunggu", "2"}, {"per_hal_menunggu", "1"}};
  EXPECT_EQ(ids(Handle(app_.get(), settings_, r).body), (std::vector<int64_t>{second}));
}

TEST_P(ApiTest, LoginNeedsJsonAndAnswersWithTheCsrfToken) {
  if (!database_ready()) return;
  Request r;
  r.method = "POST";
  r.path = "/api/v1/masuk";
  r.headers["content-type"] = "application/x-www-form-urlencoded";
  r.body = R"({"username":"pengurusA","password":"rahasia-uji-123"})";
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 422);  // a cross-site form cannot send JSON
  r.headers["content-type"] = "application/json";
  const Response ok = Handle(app_.get(), settings_, r);
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("\"csrf\":\""), std::string::npos);
  r.body = R"({"username":"pengurusA","password":"salah"})";
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 401);
  r.body = R"({"username":["x"],"password":{}})";
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 401);
}

TEST_P(ApiTest, BeforeLoginOnlySmallShallowBodiesAreRead) {
  if (!database_ready()) return;
  const uint64_t checks = app_->login_stats().password_checks;
  Request r;
  r.method = "POST";
  r.path = "/api/v1/masuk";
  r.headers["content-type"] = "application/json";
  // Over 8 KiB: refused before parsing, with the limit named.
  r.body = R"({"username":"pengurusA","password":")" + std::string(9000, 'x') + "\"}";
  Response out = Handle(app_.get(), settings_, r);
  EXPECT_EQ(out.status, 413);
  EXPECT_NE(out.body.find("8 KiB"), std::string::npos) << out.body;
  // The login form too (its fields are the body).
  Request form;
  form.method = "POST";
  form.path = "/masuk";
  form.fields = {{"username", "pengurusA"}, {"password", std::string(9000, 'x')}};
  EXPECT_EQ(Handle(app_.get(), settings_, form).status, 413);
  // Deeply nested JSON: refused before parsing.
  r.body = std::string(4000, '[') + std::string(4000, ']');
  out = Handle(app_.get(), settings_, r);
  EXPECT_EQ(out.status, 422);
  EXPECT_NE(out.body.find("bersarang paling dalam 32"), std::string::npos) << out.body;
  // Brackets inside strings are text, not nesting.
  r.body = R"({"username":"pengurusA","password":")" + std::string(100, '[') + R"("})";
  EXPECT_EQ(Handle(app_.get(), settings_, r).status, 401);
  // None of the refused bodies cost a password check.
  EXPECT_EQ(app_->login_stats().password_checks, checks + 1);
}

}  // namespace
}  // namespace kopsehat::web::testing
