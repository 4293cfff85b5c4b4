// web/server.cc — see server.h. Converts httplib's request to ours, runs Handle(), writes one structured log line
// (JSON) per request to stderr.
#include "web/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kopsehat::web {

namespace {

Request Convert(const httplib::Request& in, bool trust_proxy) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  r.client = in.remote_addr;
  if (trust_proxy) {
    // The last address the (trusted) reverse proxy appended is the client it saw; earlier ones are the client's
    // own claims.
    const std::string forwarded = in.get_header_value("X-Forwarded-For");
    const size_t comma = forwarded.rfind(',');
    std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
    while (!last.empty() && last.front() == ' ') last.erase(0, 1);
    if (!last.empty() && last.size() <= 64) r.client = last;
  }
  r.body = in.body;
  for (const auto& [k, v] : in.headers) {
    std::string lower = k;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[lower] = v;
  }
  // httplib merges the query and an urlencoded body into params; both views get them (a form field of the same
  // name as a query parameter is the same value the page asked for).
  for (const auto& [k, v] : in.params) {
    r.query.emplace_back(k, v);
    if (in.method != "GET") r.fields.emplace_back(k, v);
  }
  for (const auto& [name, part] : in.files) {
    if (part.filename.empty()) {
      r.fields.emplace_back(name, part.content);
    } else {
      r.files.push_back({name, part.filename, part.content_type, part.content});
    }
  }
  if (in.is_multipart_form_data() || !in.files.empty()) r.body.clear();  // the parts are in fields/files
  return r;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

struct WebServer::Impl {
  httplib::Server server;
  std::string host;
};

WebServer::WebServer(App* app, ServeOptions options) : impl_(std::make_unique<Impl>()) {
  httplib::Server& s = impl_->server;
  const int threads = options.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_payload_max_length(options.max_body_bytes);
  s.set_keep_alive_max_count(1000);
  // A browser keeps its connection open after a page; a short idle time hands the thread to the next one sooner.
  s.set_keep_alive_timeout(2);
  s.set_read_timeout(30, 0);
  port_ = options.port;
  impl_->host = options.host;
  const ServerSettings settings = options.settings;
  const auto handle = [app, settings](const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    const Response out = Handle(app, settings, Convert(req, settings.trust_proxy));
    res.status = out.status;
    for (const auto& [k, v] : out.headers) res.set_header(k, v);
    res.set_content(out.body, out.content_type);
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "{\"t\":%lld,\"level\":\"info\",\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"us\":%lld,"
                 "\"client\":\"%s\"}\n",
                 static_cast<long long>(std::time(nullptr)), JsonEscape(req.method).c_str(),
                 JsonEscape(req.path).c_str(), out.status, static_cast<long long>(us),
                 JsonEscape(req.remote_addr).c_str());
  };
  // cpp-httplib 0.11 (Debian 12) applies the body limit only to Content-Length bodies and serves any number of
  // byte ranges. Refuse, before the body is read: chunked bodies (no client of ours sends them), and multi-range
  // requests (one response can be made many times the file's size).
  s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const std::string te = req.get_header_value("Transfer-Encoding");
    if (!te.empty()) {
      res.status = 411;
      res.set_content("Content-Length wajib / Content-Length required\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.get_header_value("Range").find(',') != std::string::npos) {
      res.status = 416;
      res.set_content("satu rentang saja / one range only\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.Get(".*", handle);
  s.Post(".*", handle);
  s.Put(".*", handle);
  s.Delete(".*", handle);
  impl_->server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    // httplib's own refusals (body too large, bad request line): a plain message, no stack or path echo.
    if (res.body.empty()) res.set_content("permintaan ditolak / request refused\n", "text/plain; charset=utf-8");
  });
}

WebServer::~WebServer() = default;

bool WebServer::Bind(std::string* error) {
  httplib::Server& s = impl_->server;
  const bool ok = port_ == 0 ? (port_ = s.bind_to_any_port(impl_->host)) > 0 : s.bind_to_port(impl_->host, port_);
  if (!ok) {
    *error = "cannot listen on " + impl_->host + ":" + std::to_string(port_) + " (address in use or invalid)";
  }
  return ok;
}

void WebServer::Serve() { impl_->server.listen_after_bind(); }

void WebServer::Stop() { impl_->server.stop(); }

}  // namespace kopsehat::web
