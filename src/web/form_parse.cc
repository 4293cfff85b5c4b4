// web/form_parse.cc — see form_parse.h. Every scan moves forward over the input once (the boundary search included:
// a boundary holds no CR, so a failed match at one CR never overlaps the next), so hostile input costs linear time.
#include "web/form_parse.h"

#include "core/text.h"

namespace kopsehat::web {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// The parameters of a header value after its first ';' ("form-data; name=\"x\"; filename=\"y\""): names lower-cased,
// values a token or a quoted string. In a quoted string a backslash escapes only '"' and '\\' (RFC 7230 quoted-pair
// as browsers use it); other backslashes stay, so an old client's "C:\dir\file" keeps its separators. False when a
// quoted string is not closed.
bool ParseParameters(std::string_view value, FormPairs* out) {
  const size_t semi = value.find(';');
  if (semi == std::string_view::npos) return true;
  std::string_view rest = value.substr(semi + 1);
  while (true) {
    rest = Trim(rest, kBlanks);
    if (rest.empty()) return true;
    if (rest.front() == ';') {
      rest.remove_prefix(1);
      continue;
    }
    size_t i = 0;
    while (i < rest.size() && rest[i] != '=' && rest[i] != ';') ++i;
    const std::string name = AsciiLower(Trim(rest.substr(0, i), kBlanks));
    std::string v;
    if (i < rest.size() && rest[i] == '=') {
      ++i;
      while (i < rest.size() && IsSpace(rest[i])) ++i;
      if (i < rest.size() && rest[i] == '"') {
        ++i;
        bool closed = false;
        while (i < rest.size()) {
          const char c = rest[i++];
          if (c == '"') {
            closed = true;
            break;
          }
          if (c == '\\' && i < rest.size() && (rest[i] == '"' || rest[i] == '\\')) {
            v += rest[i++];
          } else {
            v += c;
          }
        }
        if (!closed) return false;
        while (i < rest.size() && rest[i] != ';') ++i;  // anything after the closing quote is ignored
      } else {
        const size_t start = i;
        while (i < rest.size() && rest[i] != ';') ++i;
        v = std::string(Trim(rest.substr(start, i - start), kBlanks));
      }
    }
    if (!name.empty()) out->emplace_back(name, std::move(v));
    rest.remove_prefix(i);
  }
}

const std::string* Find(const FormPairs& pairs, std::string_view name) {
  for (const auto& [k, v] : pairs) {
    if (k == name) return &v;
  }
  return nullptr;
}

// RFC 2046 bchars: DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?" and space
// (not last).
bool IsBoundaryChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("'()+_,-./:=? ").find(c) !=
                                                                   std::string_view::npos;
}

// Reads the header block of one part (up to and including the empty line) from the front of *rest into *part.
bool ParsePartHeaders(std::string_view* rest, FormPart* part, std::string* error) {
  // An empty block (the empty line right away) has no Content-Disposition either, so it is refused with those.
  const size_t end = rest->substr(0, 2) == "\r\n" ? 0 : rest->find("\r\n\r\n");
  if (end == std::string_view::npos || end > kMaxPartHeaderBytes) {
    *error = end == std::string_view::npos ? "part headers not terminated" : "part headers too large";
    return false;
  }
  std::string_view block = rest->substr(0, end);
  rest->remove_prefix(end == 0 ? 2 : end + 4);
  bool disposition = false;
  while (!block.empty()) {
    const size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      *error = "part header line without a colon";
      return false;
    }
    const std::string_view name = Trim(line.substr(0, colon), kBlanks);
    const std::string_view value = Trim(line.substr(colon + 1), kBlanks);
    if (EqualsFold(name, "content-disposition")) {
      const std::string_view type = Trim(value.substr(0, value.find(';')), kBlanks);
      FormPairs params;
      if (!EqualsFold(type, "form-data") || !ParseParameters(value, &params) || Find(params, "name") == nullptr) {
        *error = "part without Content-Disposition: form-data; name";
        return false;
      }
      part->name = *Find(params, "name");
      if (const std::string* f = Find(params, "filename")) part->filename = *f;
      disposition = true;
    } else if (EqualsFold(name, "content-type")) {
      part->content_type = std::string(value);
    }
  }
  if (!disposition) {
    *error = "part without Content-Disposition";
    return false;
  }
  return true;
}

}  // namespace

std::string PercentDecode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

bool ParseUrlEncoded(std::string_view text, FormPairs* out) {
  while (!text.empty()) {
    const size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    const size_t eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    if (name.empty()) continue;
    if (out->size() >= kMaxFormFields) return false;
    out->emplace_back(PercentDecode(name, true),
                      eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), true));
  }
  return true;
}

std::string MediaType(std::string_view content_type) {
  return AsciiLower(Trim(content_type.substr(0, content_type.find(';')), kBlanks));
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  FormPairs params;
  if (!ParseParameters(content_type, &params)) return std::nullopt;
  const std::string* b = Find(params, "boundary");
  if (b == nullptr || b->empty() || b->size() > kMaxBoundaryBytes || b->back() == ' ') return std::nullopt;
  for (char c : *b) {
    if (!IsBoundaryChar(c)) return std::nullopt;
  }
  return *b;
}

bool ParseMultipart(std::string_view body, std::string_view boundary, std::vector<FormPart>* parts,
                    std::string* error) {
  if (boundary.empty() || boundary.size() > kMaxBoundaryBytes || boundary.find('\r') != std::string_view::npos) {
    *error = "invalid boundary";
    return false;
  }
  const std::string dash_boundary = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + dash_boundary;
  // The first delimiter may open the body (no preamble, no CRLF before it).
  size_t at = 0;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    at = dash_boundary.size();
  } else if (const size_t d = body.find(delimiter); d != std::string_view::npos) {
    at = d + delimiter.size();
  } else {
    *error = "no boundary in the body";
    return false;
  }
  std::string_view rest = body.substr(at);
  while (true) {
    // After a delimiter: "--" closes the body; otherwise optional padding and CRLF open the next part.
    if (rest.substr(0, 2) == "--") return true;
    rest = TrimLeft(rest, kBlanks);
    if (rest.substr(0, 2) != "\r\n") {
      *error = "delimiter line not followed by CRLF";
      return false;
    }
    rest.remove_prefix(2);
    if (parts->size() >= kMaxFormParts) {
      *error = "too many parts";
      return false;
    }
    FormPart part;
    if (!ParsePartHeaders(&rest, &part, error)) return false;
    const size_t end = rest.find(delimiter);
    if (end == std::string_view::npos) {
      *error = "part not closed by a delimiter";
      return false;
    }
    part.content = std::string(rest.substr(0, end));
    parts->push_back(std::move(part));
    rest.remove_prefix(end + delimiter.size());
  }
}

std::string ClientAddress(std::string peer, std::string_view forwarded_for, bool trust_proxy) {
  if (!trust_proxy) return peer;
  const size_t comma = forwarded_for.rfind(',');
  const std::string_view last = Trim(forwarded_for.substr(comma == std::string_view::npos ? 0 : comma + 1), kBlanks);
  return !last.empty() && last.size() <= 64 ? std::string(last) : peer;
}

int BuildRequest(RawRequest raw, bool trust_proxy, Request* out, std::string* error) {
  Request& r = *out;
  r.method = std::move(raw.method);
  const size_t q = raw.target.find('?');
  r.path = PercentDecode(std::string_view(raw.target).substr(0, q), false);
  for (auto& [name, value] : raw.headers) r.headers[AsciiLower(name)] = std::move(value);
  r.client = ClientAddress(std::move(raw.peer), r.Header("x-forwarded-for"), trust_proxy);
  FormPairs params;
  if (q != std::string::npos && !ParseUrlEncoded(std::string_view(raw.target).substr(q + 1), &params)) {
    *error = "too many query parameters";
    return 400;
  }
  for (auto& [k, v] : params) r.query.emplace_back(std::move(k), std::move(v));
  r.body = std::move(raw.body);
  const std::string content_type = r.Header("content-type");
  const std::string media = MediaType(content_type);
  // Form fields come from the body only: a value in the address (a link someone else wrote, logged by every proxy)
  // is never taken for a field, least of all the CSRF token.
  FormPairs body_pairs;
  if (media == "application/x-www-form-urlencoded" &&
      (!ParseUrlEncoded(r.body, &body_pairs) || r.query.size() + body_pairs.size() > kMaxFormFields)) {
    *error = "too many form fields";
    return 400;
  }
  for (auto& [k, v] : body_pairs) r.fields.emplace_back(std::move(k), std::move(v));
  if (media == "multipart/form-data") {
    const std::optional<std::string> boundary = MultipartBoundary(content_type);
    std::vector<FormPart> parts;
    if (!boundary) {
      *error = "multipart/form-data without a valid boundary";
      return 400;
    }
    if (!ParseMultipart(r.body, *boundary, &parts, error)) return 400;
    for (FormPart& p : parts) {
      if (!p.filename || p.filename->empty()) {
        r.fields.emplace_back(std::move(p.name), std::move(p.content));
      } else {
        r.files.push_back({std::move(p.name), std::move(*p.filename), std::move(p.content_type), std::move(p.content)});
      }
    }
    r.body.clear();  // the parts are in fields/files
  }
  return 0;
}

}  // namespace kopsehat::web
