// The reading of query strings and form bodies (form_parse.h): exact decoding, the mapping onto Request that the
// routes rely on, and a table of malformed and hostile bodies that must be refused (or read) without a crash.
#include "web/form_parse.h"

#include <gtest/gtest.h>

namespace kopsehat::web {
namespace {

using Pairs = FormPairs;

TEST(PercentDecode, EscapesPlusAndBrokenEscapes) {
  EXPECT_EQ(PercentDecode("a%20b%2Bc%2bd", false), "a b+c+d");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("%E2%82%AC", true), "\xE2\x82\xAC");
  EXPECT_EQ(PercentDecode("%00", true), std::string(1, '\0'));
  // A '%' without two hex digits stays as it is.
  EXPECT_EQ(PercentDecode("100%", true), "100%");
  EXPECT_EQ(PercentDecode("%4", true), "%4");
  EXPECT_EQ(PercentDecode("%zz%4g", true), "%zz%4g");
  EXPECT_EQ(PercentDecode("%%41", true), "%A");
  EXPECT_EQ(PercentDecode("", true), "");
}

TEST(ParseUrlEncoded, PairsInOrder) {
  Pairs p;
  ASSERT_TRUE(ParseUrlEncoded("b=2&a=1&b=3&kosong=&tanpa&=x&&c=a%3Db=c&d=1+1", &p));
  const Pairs want = {{"b", "2"}, {"a", "1"}, {"b", "3"}, {"kosong", ""}, {"tanpa", ""}, {"c", "a=b=c"}, {"d", "1 1"}};
  EXPECT_EQ(p, want);
  Pairs q;
  ASSERT_TRUE(ParseUrlEncoded("nama%5B%5D=Koperasi+%22Maju%22&x=a=b", &q));
  EXPECT_EQ(q, (Pairs{{"nama[]", "Koperasi \"Maju\""}, {"x", "a=b"}}));
}

TEST(ParseUrlEncoded, RefusesTooManyFields) {
  std::string text;
  for (size_t i = 0; i < kMaxFormFields; ++i) text += "k=" + std::to_string(i) + "&";
  Pairs p;
  EXPECT_TRUE(ParseUrlEncoded(text, &p));
  EXPECT_EQ(p.size(), kMaxFormFields);
  Pairs more;
  EXPECT_FALSE(ParseUrlEncoded(text + "one=more", &more));
}

TEST(MultipartBoundary, TokenQuotedAndInvalid) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryx7"), "----WebKitFormBoundaryx7");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; BOUNDARY=\"a b'()+_,-./:=?\""), "a b'()+_,-./:=?");
  EXPECT_EQ(MultipartBoundary("multipart/form-data;boundary=abc ; x=y"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data"), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary="), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"\""), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"open"), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"ends in space \""), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=a\rb"), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=a<b"), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'x')), std::string(70, 'x'));
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')), std::nullopt);
  EXPECT_EQ(MediaType(" Multipart/Form-Data ; boundary=x"), "multipart/form-data");
}

std::string Part(const std::string& headers, const std::string& content) {
  return "--B\r\n" + headers + "\r\n\r\n" + content + "\r\n";
}

TEST(ParseMultipart, FieldsFilesAndTheirHeaders) {
  const std::string body = "preamble is ignored\r\n" +
                           Part("Content-Disposition: form-data; name=\"csrf\"", "t0k3n") +
                           Part("content-disposition: FORM-DATA; filename=\"laporan 2025.json\"; name=berkas\r\n"
                                "Content-Type: application/json",
                                "{\"a\":\r\n\r\n1}\r\n--B-not-a-delimiter-here? no: --Bx") +
                           Part("Content-Disposition: form-data; name=\"kosong\"; filename=\"\"\r\n"
                                "Content-Type: application/octet-stream",
                                "") +
                           Part("Content-Disposition: form-data; name=\"q\\\"uote\"; filename=\"C:\\dir\\a.xlsx\"",
                                "\r\n") +
                           "--B--\r\nepilogue --B\r\n";
  std::vector<FormPart> parts;
  std::string error;
  // The second part's content holds "\r\n--B" followed by something other than CRLF or "--": a delimiter must end
  // its line, so the body is malformed (RFC 2046: the boundary must not occur in a part).
  EXPECT_FALSE(ParseMultipart(body, "B", &parts, &error));
  EXPECT_EQ(error, "delimiter line not followed by CRLF");

  const std::string good = "preamble\r\n" + Part("Content-Disposition: form-data; name=\"csrf\"", "t0k3n") +
                           Part("content-disposition: FORM-DATA; filename=\"laporan 2025.json\"; name=berkas\r\n"
                                "Content-Type: application/json",
                                "{\"a\":\r\n\r\n1}\r\n-B") +
                           Part("Content-Disposition: form-data; name=\"kosong\"; filename=\"\"", "") +
                           Part("Content-Disposition: form-data; name=\"q\\\"uote\"; filename=\"C:\\dir\\a.xlsx\"",
                                "\r\n") +
                           "--B--\r\nepilogue --B\r\n";
  parts.clear();
  ASSERT_TRUE(ParseMultipart(good, "B", &parts, &error)) << error;
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0].name, "csrf");
  EXPECT_EQ(parts[0].filename, std::nullopt);
  EXPECT_EQ(parts[0].content, "t0k3n");
  EXPECT_EQ(parts[1].name, "berkas");
  EXPECT_EQ(parts[1].filename, "laporan 2025.json");
  EXPECT_EQ(parts[1].content_type, "application/json");
  EXPECT_EQ(parts[1].content, "{\"a\":\r\n\r\n1}\r\n-B");
  EXPECT_EQ(parts[2].filename, "");
  EXPECT_EQ(parts[2].content, "");
  EXPECT_EQ(parts[3].name, "q\"uote");
  EXPECT_EQ(parts[3].filename, "C:\\dir\\a.xlsx");
  EXPECT_EQ(parts[3].content, "\r\n");
}

TEST(ParseMultipart, NoPreambleAndTransportPadding) {
  std::vector<FormPart> parts;
  std::string error;
  ASSERT_TRUE(ParseMultipart("--B \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--B--", "B", &parts, &error))
      << error;
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].content, "1");
}

// Bodies that must be refused, each with the reason given. None may crash or read outside the input (the ASan
// build runs this too).
TEST(ParseMultipart, MalformedBodiesAreRefused) {
  const std::string cd = "Content-Disposition: form-data; name=\"a\"";
  const struct {
    std::string body;
    const char* error;
  } kCases[] = {
      {"", "no boundary in the body"},
      {"no delimiter at all", "no boundary in the body"},
      {"--", "no boundary in the body"},
      {"--B", "delimiter line not followed by CRLF"},
      {"--B\r", "delimiter line not followed by CRLF"},
      {"--Bx\r\n" + cd + "\r\n\r\n1\r\n--B--", "delimiter line not followed by CRLF"},
      {"--B\r\n", "part headers not terminated"},
      {"--B\r\n" + cd, "part headers not terminated"},
      {"--B\r\n" + cd + "\r\n", "part headers not terminated"},
      {"--B\r\n" + cd + "\r\n\r\n", "part not closed by a delimiter"},
      {"--B\r\n" + cd + "\r\n\r\nvalue without an end", "part not closed by a delimiter"},
      {"--B\r\n" + cd + "\r\n\r\nv\r\n--B", "delimiter line not followed by CRLF"},
      {"--B\r\n" + cd + "\r\n\r\nv\r\n--B\r\n", "part headers not terminated"},
      {"--B\r\n\r\nv\r\n--B--", "part without Content-Disposition"},
      {"--B\r\nContent-Type: text/plain\r\n\r\nv\r\n--B--", "part without Content-Disposition"},
      {"--B\r\nno colon here\r\n\r\nv\r\n--B--", "part header line without a colon"},
      {"--B\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--B--", "part without Content-Disposition: form-data; name"},
      {"--B\r\nContent-Disposition: form-data\r\n\r\nv\r\n--B--", "part without Content-Disposition: form-data; name"},
      {"--B\r\nContent-Disposition: form-data; filename=x\r\n\r\nv\r\n--B--", "part without Content-Disposition: form-data; name"},
      {"--B\r\nContent-Disposition: form-data; name=\"open\r\n\r\nv\r\n--B--", "part without Content-Disposition: form-data; name"},
      {"--B\r\nX: " + std::string(kMaxPartHeaderBytes, 'h') + "\r\n\r\nv\r\n--B--", "part headers too large"},
      {"--B\n" + cd + "\n\nv\n--B--", "delimiter line not followed by CRLF"},
      {"--B\r\n" + cd + "\n\nv\r\n--B--", "part headers not terminated"},
  };
  for (const auto& c : kCases) {
    std::vector<FormPart> parts;
    std::string error;
    EXPECT_FALSE(ParseMultipart(c.body, "B", &parts, &error)) << c.body;
    EXPECT_EQ(error, c.error) << c.body;
  }
  std::vector<FormPart> parts;
  std::string error;
  EXPECT_FALSE(ParseMultipart("--\r\n", "", &parts, &error));
  EXPECT_EQ(error, "invalid boundary");
  std::string many;
  for (size_t i = 0; i <= kMaxFormParts; ++i) many += Part(cd, "v");
  EXPECT_FALSE(ParseMultipart(many + "--B--", "B", &parts, &error));
  EXPECT_EQ(error, "too many parts");
}

// Truncating a valid body anywhere is refused or read, never more than the input holds.
TEST(ParseMultipart, EveryTruncationIsSafe) {
  const std::string body = Part("Content-Disposition: form-data; name=\"a\"", "satu") +
                           Part("Content-Disposition: form-data; name=\"f\"; filename=\"x.csv\"\r\nContent-Type: text/csv",
                                "k,v\r\n") +
                           "--B--";
  for (size_t n = 0; n <= body.size(); ++n) {
    std::vector<FormPart> parts;
    std::string error;
    const bool ok = ParseMultipart(std::string_view(body).substr(0, n), "B", &parts, &error);
    EXPECT_EQ(ok, n == body.size()) << n;  // the close delimiter is needed (its "--" is the last two bytes)
  }
}

RawRequest Raw(std::string method, std::string target, std::vector<std::pair<std::string, std::string>> headers,
               std::string body) {
  return RawRequest{std::move(method), std::move(target), std::move(headers), std::move(body), "10.0.0.9"};
}

TEST(BuildRequest, QueryAndUrlEncodedFormGoWhereTheRoutesLookForThem) {
  Request r;
  std::string error;
  ASSERT_EQ(BuildRequest(Raw("GET", "/laporan/7%2F8?lang=en&cari=koperasi+maju", {{"Cookie", "ks_sesi=x"}}, ""),
                         false, &r, &error),
            0);
  EXPECT_EQ(r.path, "/laporan/7/8");
  EXPECT_EQ(r.query, (Pairs{{"lang", "en"}, {"cari", "koperasi maju"}}));
  EXPECT_TRUE(r.fields.empty());
  EXPECT_EQ(r.Header("cookie"), "ks_sesi=x");
  EXPECT_EQ(r.client, "10.0.0.9");

  Request p;
  ASSERT_EQ(BuildRequest(Raw("POST", "/masuk?lang=en",
                             {{"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"}},
                             "username=pengurus&password=rahasia+123%21"),
                         false, &p, &error),
            0);
  // The query stays the query; fields come from the body only (never a value from the address, such as a CSRF
  // token in a link).
  EXPECT_EQ(p.fields, (Pairs{{"username", "pengurus"}, {"password", "rahasia 123!"}}));
  EXPECT_EQ(p.query, (Pairs{{"lang", "en"}}));
  Request q;
  ASSERT_EQ(BuildRequest(Raw("POST", "/laporan/3/ajukan?csrf=tok", {}, ""), false, &q, &error), 0);
  EXPECT_EQ(q.Field("csrf"), "");
  EXPECT_EQ(q.Query("csrf"), "tok");
  EXPECT_EQ(p.body, "username=pengurus&password=rahasia+123%21");
  EXPECT_EQ(p.path, "/masuk");
}

TEST(BuildRequest, MultipartFieldsAndFiles) {
  const std::string body =
      Part("Content-Disposition: form-data; name=\"csrf\"", "tok") +
      Part("Content-Disposition: form-data; name=\"berkas\"; filename=\"l.json\"\r\nContent-Type: application/json",
           "{}") +
      Part("Content-Disposition: form-data; name=\"kosong\"; filename=\"\"", "") + "--B--\r\n";
  Request r;
  std::string error;
  ASSERT_EQ(BuildRequest(Raw("POST", "/laporan/unggah?x=1", {{"Content-Type", "multipart/form-data; boundary=B"}}, body),
                         false, &r, &error),
            0)
      << error;
  EXPECT_EQ(r.fields, (Pairs{{"csrf", "tok"}, {"kosong", ""}}));
  EXPECT_EQ(r.query, (Pairs{{"x", "1"}}));
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].field, "berkas");
  EXPECT_EQ(r.files[0].filename, "l.json");
  EXPECT_EQ(r.files[0].content_type, "application/json");
  EXPECT_EQ(r.files[0].content, "{}");
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.Field("csrf"), "tok");

  Request bad;
  EXPECT_EQ(BuildRequest(Raw("POST", "/x", {{"Content-Type", "multipart/form-data"}}, body), false, &bad, &error), 400);
  EXPECT_EQ(BuildRequest(Raw("POST", "/x", {{"Content-Type", "multipart/form-data; boundary=C"}}, body), false, &bad,
                         &error),
            400);
}

TEST(BuildRequest, HeadersLowerCasedAndTheForwardedClient) {
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Forwarded-For", "1.1.1.1, 203.0.113.7 "}, {"X-CSRF-Token", "a"}, {"x-csrf-token", "b"}};
  Request direct;
  std::string error;
  ASSERT_EQ(BuildRequest(Raw("GET", "/", headers, ""), false, &direct, &error), 0);
  EXPECT_EQ(direct.client, "10.0.0.9");  // the header is a claim unless a trusted proxy set it
  EXPECT_EQ(direct.Header("x-csrf-token"), "b");
  Request proxied;
  ASSERT_EQ(BuildRequest(Raw("GET", "/", headers, ""), true, &proxied, &error), 0);
  EXPECT_EQ(proxied.client, "203.0.113.7");
  EXPECT_EQ(ClientAddress("p", "", true), "p");
  EXPECT_EQ(ClientAddress("p", "a,", true), "p");
  EXPECT_EQ(ClientAddress("p", std::string(65, '1'), true), "p");
  EXPECT_EQ(ClientAddress("p", "9.9.9.9", false), "p");
}

TEST(BuildRequest, TooManyParametersAreRefused) {
  std::string query;
  for (size_t i = 0; i <= kMaxFormFields; ++i) query += "k=v&";
  Request r;
  std::string error;
  EXPECT_EQ(BuildRequest(Raw("GET", "/?" + query, {}, ""), false, &r, &error), 400);
  Request f;
  EXPECT_EQ(BuildRequest(Raw("POST", "/?" + query.substr(0, 8),
                             {{"Content-Type", "application/x-www-form-urlencoded"}}, query), false, &f, &error),
            400);
}

}  // namespace
}  // namespace kopsehat::web
