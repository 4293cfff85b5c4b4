// web/form_parse.h — the request's form, read by the transport (server.cc) before Handle(): the query string,
// urlencoded bodies and multipart/form-data (fields and files), percent-decoding, and the whole mapping of one HTTP
// request onto web::Request (header names in lower case, the client address behind a trusted proxy). Pure
// functions over bytes, bounded, with no I/O, so the tests and a fuzzer (fuzz/form_fuzz.cc) run them without
// sockets. Depends on web/http.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/http.h"

namespace kopsehat::web {

// Limits of a form (an input past one is refused with 400 rather than cut short, so no field is dropped silently).
// The laporan form is multipart (it sits beside the upload) and every field is a part: a ksp-2016 form has ~190,
// a kkpkk-2021 form ~330 (statements of both years, kegiatan and 145 checklist answers), so 256 refused a complete
// KKPKK self-assessment with 400. 1024 leaves room for a larger method and still bounds the work.
inline constexpr size_t kMaxFormFields = 4096;     // name=value pairs of a query or urlencoded body, together
inline constexpr size_t kMaxFormParts = 1024;      // parts of a multipart/form-data body
inline constexpr size_t kMaxPartHeaderBytes = 8192;  // the header block of one part
inline constexpr size_t kMaxBoundaryBytes = 70;    // RFC 2046 §5.1.1

using FormPairs = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes (either case of hex digit); a '%' not followed by two hex digits stays as it is. With
// plus_as_space (application/x-www-form-urlencoded), '+' is a space.
std::string PercentDecode(std::string_view text, bool plus_as_space);

// Appends the name=value pairs of a query string or urlencoded body, in order, decoded ('+' as space): split on '&',
// the first '=' separates name and value (none: the value is empty), empty names are skipped. False (and *out as
// far as it got) when the pairs in *out would exceed kMaxFormFields.
bool ParseUrlEncoded(std::string_view text, FormPairs* out);

// The media type of a Content-Type value, lower-cased, without parameters or spaces ("multipart/form-data").
std::string MediaType(std::string_view content_type);

// The boundary parameter of a multipart Content-Type (token or quoted string), when it is 1..70 characters of the
// set RFC 2046 allows; nullopt when missing or invalid.
std::optional<std::string> MultipartBoundary(std::string_view content_type);

struct FormPart {
  std::string name;
  std::optional<std::string> filename;  // the filename parameter when present (possibly empty)
  std::string content_type;             // the part's Content-Type, empty when it has none
  std::string content;
};

// Parses a multipart/form-data body (RFC 7578, RFC 2046 §5.1) with the given boundary: an optional preamble, parts
// separated by CRLF "--" boundary, each with CRLF-terminated headers (Content-Disposition: form-data with a name;
// an optional Content-Type), the close delimiter "--" boundary "--", an ignored epilogue. Transport padding (spaces,
// tabs) after a delimiter is allowed. False with *error (English, for the log) when the body is malformed or
// exceeds a limit.
bool ParseMultipart(std::string_view body, std::string_view boundary, std::vector<FormPart>* parts,
                    std::string* error);

// The client of a request: the peer (the socket's remote address), or with trust_proxy the last address of
// X-Forwarded-For (the one the trusted proxy appended; earlier ones are the client's own claims) when there is one of
// at most 64 characters.
std::string ClientAddress(std::string peer, std::string_view forwarded_for, bool trust_proxy);

// One request as the transport received it.
struct RawRequest {
  std::string method;
  std::string target;  // the request target as sent: path and optional ?query, still percent-encoded
  std::vector<std::pair<std::string, std::string>> headers;  // in the order received, names as sent
  std::string body;
  std::string peer;  // the socket's remote address
};

// Maps `raw` onto *out: the path percent-decoded ('+' stays), the query's pairs to query; an urlencoded body's pairs
// to fields (the body is kept) — never the query's, so no field (the CSRF token above all) is taken from the
// address; multipart parts without a filename (or with an empty one,
// as a browser sends for an empty file input) to fields, with one to files, and the body cleared; header names in
// lower case (the last of repeated names wins); the client by ClientAddress. 0 on success, else the HTTP status to refuse with (400)
// and *error.
int BuildRequest(RawRequest raw, bool trust_proxy, Request* out, std::string* error);

}  // namespace kopsehat::web
