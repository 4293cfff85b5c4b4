// Fuzz target over the transport's reading of a request (web/form_parse.h): the request target, the query string,
// urlencoded and multipart/form-data bodies, and the mapping onto Request. No input may crash, read outside the
// input or take more than linear time; what is read must come from the input.
//
// Input: line 1 the Content-Type, line 2 the request target (path?query), the rest the body. The body is also
// parsed directly as multipart with the boundary "B" (so the fuzzer need not find a valid Content-Type first).
#include <cstdlib>
#include <string>
#include <string_view>

#include "web/form_parse.h"

namespace {

std::string_view Line(std::string_view* rest) {
  const size_t nl = rest->find('\n');
  const std::string_view line = rest->substr(0, nl);
  *rest = nl == std::string_view::npos ? std::string_view() : rest->substr(nl + 1);
  return line;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const std::string_view content_type = Line(&rest);
  const std::string_view target = Line(&rest);
  const std::string_view body = rest;

  std::vector<kopsehat::web::FormPart> parts;
  std::string error;
  if (kopsehat::web::ParseMultipart(body, "B", &parts, &error)) {
    size_t bytes = 0;
    for (const kopsehat::web::FormPart& p : parts) bytes += p.name.size() + p.content.size();
    Check(bytes <= body.size());
    Check(parts.size() <= kopsehat::web::kMaxFormParts);
  } else {
    Check(!error.empty());
  }
  kopsehat::web::FormPairs pairs;
  if (kopsehat::web::ParseUrlEncoded(body, &pairs)) {
    for (const auto& [k, v] : pairs) Check(!k.empty() && k.size() + v.size() <= body.size());
  }
  Check(kopsehat::web::PercentDecode(target, true).size() <= target.size());

  kopsehat::web::RawRequest raw{"POST", std::string(target), {{"Content-Type", std::string(content_type)}},
                                std::string(body), "127.0.0.1"};
  kopsehat::web::Request r;
  const int status = kopsehat::web::BuildRequest(std::move(raw), true, &r, &error);
  Check(status == 0 || status == 400);
  if (status == 0) {
    Check(r.fields.size() <= 2 * kopsehat::web::kMaxFormFields + kopsehat::web::kMaxFormParts);
    for (const kopsehat::web::UploadedFile& f : r.files) Check(!f.filename.empty() && f.content.size() <= body.size());
  }
  return 0;
}
