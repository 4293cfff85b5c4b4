// web/server.cc — see server.h. libmicrohttpd (MHD) reads the request line and headers; the access handler refuses
// what the application never takes before the body is read (chunked bodies, too large bodies, multi-range requests),
// collects the body, maps it onto Request (form_parse.h), runs Handle() and queues the response.
//
// One JSON log line per request on stderr: {"t","level","method","path","status","us","client"}. Requests Handle()
// answered have level "info" and the handler's time; every refusal of the transport has level "warn", whoever made
// it: ours (400, 411, 413, 416), MHD's own answers (400, 414, 431, 505; MHD reports their status only through its
// error log, caught below), a request or connection that timed out (408, nothing is sent), a client that went away
// mid-request (499, as nginx logs it), the connection limit per address (503, closed at once).
#include "web/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>

#include "core/json_writer.h"
#include "web/form_parse.h"

namespace kopsehat::web {

namespace {

using Clock = std::chrono::steady_clock;

// Request line and headers of one connection must fit in this much memory (MHD's per-connection pool, which also
// holds its read buffer): a longer request line is answered 414, longer headers 431.
constexpr size_t kConnectionMemoryBytes = 32 * 1024;
// Connections the kernel queues before they are accepted: a burst of new connections waits there instead of being
// reset (the backlog of 5 before this server lost 17–44 of a burst of 100).
constexpr unsigned kListenBacklog = 1024;
// File descriptors kept aside from the connection limit: the listening socket, the workers' epoll descriptors,
// the database files, stdio.
constexpr int kReservedFds = 128;

// The status MHD answered a malformed request with, from its error log (see OnMhdMessage); read and cleared by the
// notification of that connection's end, which MHD runs right after on the same thread.
thread_local unsigned tls_mhd_status = 0;

struct ConnectionState {
  Clock::time_point opened = Clock::now();
  std::string peer;
  int requests = 0;  // request lines received
};

struct RequestState {
  Clock::time_point started = Clock::now();
  std::string target;  // the request target as sent
  std::string method;
  std::string peer;
  std::string body;
  bool headers_checked = false;  // the access handler's first call (headers complete, no body yet) is done
  bool logged = false;           // a line was written for it (a response was queued)
};

long long MicrosecondsSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

void LogLine(const char* level, std::string_view method, std::string_view path, int status, long long us,
             std::string_view client) {
  std::string line = "{\"t\":" + std::to_string(static_cast<long long>(std::time(nullptr))) + ",\"level\":";
  AppendJsonString(level, &line);
  line += ",\"method\":";
  AppendJsonString(method, &line);
  line += ",\"path\":";
  AppendJsonString(path, &line);
  line += ",\"status\":" + std::to_string(status) + ",\"us\":" + std::to_string(us) + ",\"client\":";
  AppendJsonString(client, &line);
  line += "}\n";
  std::fwrite(line.data(), 1, line.size(), stderr);  // one write under stderr's lock: lines never interleave
}

// A line that is not about a request (startup, limits), same envelope.
void LogMessage(const char* level, std::string_view message) {
  std::string line = "{\"t\":" + std::to_string(static_cast<long long>(std::time(nullptr))) + ",\"level\":";
  AppendJsonString(level, &line);
  line += ",\"msg\":";
  AppendJsonString(message, &line);
  line += "}\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

std::string PathOf(std::string_view target) { return PercentDecode(target.substr(0, target.find('?')), false); }

std::string AddressText(const sockaddr* a) {
  char text[INET6_ADDRSTRLEN] = "";
  if (a == nullptr) return "";
  if (a->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a)->sin_addr, text, sizeof text);
  } else if (a->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr, text, sizeof text);
  }
  return text;
}

std::string PeerOf(MHD_Connection* c) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return info == nullptr ? "" : AddressText(info->client_addr);
}

MHD_Result CollectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<std::vector<std::pair<std::string, std::string>>*>(cls)->emplace_back(key, value == nullptr ? "" : value);
  return MHD_YES;
}

std::vector<std::pair<std::string, std::string>> HeadersOf(MHD_Connection* c) {
  std::vector<std::pair<std::string, std::string>> headers;
  MHD_get_connection_values(c, MHD_HEADER_KIND, &CollectHeader, &headers);
  return headers;
}

// The status to refuse a request with from its headers alone, before its body is read; 0 to go on. The
// application takes no chunked body (no client of ours sends one) and no multi-range request (one response could
// be many times the file's size); two Content-Length headers could be read differently by a proxy in front.
int RefusalBeforeBody(const std::vector<std::pair<std::string, std::string>>& headers, size_t max_body_bytes) {
  int lengths = 0;
  for (const auto& [name, value] : headers) {
    if (strcasecmp(name.c_str(), "Transfer-Encoding") == 0) return MHD_HTTP_LENGTH_REQUIRED;
    if (strcasecmp(name.c_str(), "Range") == 0 && value.find(',') != std::string::npos) {
      return MHD_HTTP_RANGE_NOT_SATISFIABLE;
    }
    if (strcasecmp(name.c_str(), "Content-Length") == 0) {
      if (++lengths > 1) return MHD_HTTP_BAD_REQUEST;
      // MHD has refused a value that is not a number; a number too long for size_t is too large too.
      if (value.size() > 19 || std::strtoull(value.c_str(), nullptr, 10) > max_body_bytes) {
        return MHD_HTTP_CONTENT_TOO_LARGE;
      }
    }
  }
  return 0;
}

const char* RefusalText(int status) {
  switch (status) {
    case MHD_HTTP_LENGTH_REQUIRED:
      return "Content-Length wajib / Content-Length required\n";
    case MHD_HTTP_RANGE_NOT_SATISFIABLE:
      return "satu rentang saja / one range only\n";
    case MHD_HTTP_CONTENT_TOO_LARGE:
      return "isi permintaan terlalu besar / request body too large\n";
    default:
      return "permintaan ditolak / request refused\n";
  }
}

// Answers `status` with a short plain message and closes the connection (its body, if any, is not read).
MHD_Result Refuse(MHD_Connection* c, RequestState* rs, int status, const std::string& client) {
  rs->logged = true;
  LogLine("warn", rs->method, PathOf(rs->target), status, MicrosecondsSince(rs->started), client);
  const char* text = RefusalText(status);
  MHD_Response* r = MHD_create_response_from_buffer(std::strlen(text), const_cast<char*>(text), MHD_RESPMEM_PERSISTENT);
  if (r == nullptr) return MHD_NO;
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
  const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(status), r);
  MHD_destroy_response(r);
  return ok;
}

void FreeBody(void* body) { delete static_cast<std::string*>(body); }

}  // namespace

struct WebServer::Impl {
  App* app;
  ServeOptions options;
  MHD_Daemon* daemon = nullptr;
  std::string startup_error;  // MHD's messages while starting (why binding failed)
  std::atomic<bool> starting{false};
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::condition_variable stopped_cv;
  bool stopped = false;

  MHD_Result OnRequest(MHD_Connection* c, const char* url, const char* method, const char* upload_data,
                       size_t* upload_size, void** request_context);
  MHD_Result Respond(MHD_Connection* c, RequestState* rs);
};

namespace {

WebServer::Impl* ImplOf(void* cls) { return static_cast<WebServer::Impl*>(cls); }

MHD_Result OnRequestCallback(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                             const char* upload_data, size_t* upload_size, void** request_context) {
  return ImplOf(cls)->OnRequest(c, url, method, upload_data, upload_size, request_context);
}

// Called when the request line is read: the request's state, kept by MHD as its context.
void* OnRequestLine(void*, const char* uri, MHD_Connection* c) {
  auto* rs = new RequestState;
  rs->target = uri;
  const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  if (info != nullptr && info->socket_context != nullptr) {
    auto* cs = static_cast<ConnectionState*>(info->socket_context);
    ++cs->requests;
    rs->peer = cs->peer;
  } else {
    rs->peer = PeerOf(c);
  }
  return rs;
}

int StatusOfEnd(MHD_RequestTerminationCode toe) {
  switch (toe) {
    case MHD_REQUEST_TERMINATED_TIMEOUT_REACHED:
      return MHD_HTTP_REQUEST_TIMEOUT;
    case MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN:
      return MHD_HTTP_SERVICE_UNAVAILABLE;
    case MHD_REQUEST_TERMINATED_WITH_ERROR:
      return MHD_HTTP_BAD_REQUEST;
    default:
      return 499;  // the client closed the connection before the response (nginx's code for it)
  }
}

// Called when a request ends, answered or not (after its request line was read).
void OnRequestEnd(void*, MHD_Connection*, void** request_context, MHD_RequestTerminationCode toe) {
  auto* rs = static_cast<RequestState*>(*request_context);
  *request_context = nullptr;
  if (rs == nullptr) return;
  if (!rs->logged) {
    const int status = tls_mhd_status != 0 ? static_cast<int>(tls_mhd_status) : StatusOfEnd(toe);
    LogLine("warn", rs->method, PathOf(rs->target), status, MicrosecondsSince(rs->started), rs->peer);
  }
  tls_mhd_status = 0;
  delete rs;
}

void OnConnection(void* cls, MHD_Connection* c, void** socket_context, MHD_ConnectionNotificationCode code) {
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    auto* cs = new ConnectionState;
    cs->peer = PeerOf(c);
    *socket_context = cs;
    return;
  }
  auto* cs = static_cast<ConnectionState*>(*socket_context);
  *socket_context = nullptr;
  if (cs == nullptr) return;
  const WebServer::Impl* impl = ImplOf(cls);
  const long long us = MicrosecondsSince(cs->opened);
  if (tls_mhd_status != 0) {
    // MHD refused the request line itself (before a request existed): 400, 414, 505.
    LogLine("warn", "", "", static_cast<int>(tls_mhd_status), us, cs->peer);
  } else if (cs->requests == 0 && !impl->stopping && us >= (impl->options.timeout_s - 1) * 1000000LL) {
    // Nothing or only part of a request line in all that time: closed by the timeout. (MHD does not say why it
    // closed a connection without a request; a client that dripped its request line for longer and then hung up
    // is counted here too. MHD counts the timeout in whole seconds, so it can fire up to a second early.) A
    // connection closed by its client before sending anything is no refusal.
    LogLine("warn", "", "", MHD_HTTP_REQUEST_TIMEOUT, us, cs->peer);
  }
  tls_mhd_status = 0;
  delete cs;
}

// MHD's error log. Its answers to malformed requests are reported only here, with their status as the first
// argument of this message (libmicrohttpd 0.9.75, Debian 12; tests/transport_test.py checks they are logged).
void OnMhdMessage(void* cls, const char* format, va_list args) {
  static constexpr std::string_view kAnswered = "Error processing request (HTTP response code is ";
  static constexpr std::string_view kLimit = "Server reached connection limit";
  const std::string_view f(format);
  if (f.substr(0, kAnswered.size()) == kAnswered) {
    va_list copy;
    va_copy(copy, args);
    tls_mhd_status = va_arg(copy, unsigned);
    va_end(copy);
    return;
  }
  if (f.substr(0, kLimit.size()) == kLimit) {
    // The only limit MHD closes a new connection for (the total one leaves it waiting in the listen queue); the
    // address is not reported to us.
    LogLine("warn", "", "", MHD_HTTP_SERVICE_UNAVAILABLE, 0, "");
    return;
  }
  char text[512];
  std::vsnprintf(text, sizeof text, format, args);
  std::string message(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  WebServer::Impl* impl = ImplOf(cls);
  if (impl->starting) {
    impl->startup_error += (impl->startup_error.empty() ? "" : "; ") + message;
    return;
  }
  // Messages about one connection whose end is logged anyway (a client that hung up mid-request, a header MHD
  // could not parse before answering 400) would only repeat it; the rest (the server's own troubles, such as
  // running out of file descriptors) get a line.
  static constexpr std::string_view kRepeats[] = {"Connection was closed by remote side", "Failed to parse"};
  for (std::string_view r : kRepeats) {
    if (message.compare(0, r.size(), r) == 0) return;
  }
  LogMessage("warn", "libmicrohttpd: " + message);
}

}  // namespace

MHD_Result WebServer::Impl::OnRequest(MHD_Connection* c, const char* url, const char* method,
                                      const char* upload_data, size_t* upload_size, void** request_context) {
  auto* rs = static_cast<RequestState*>(*request_context);
  if (rs == nullptr) {  // not reached: the request-line callback makes it
    rs = new RequestState;
    rs->target = url;
    rs->peer = PeerOf(c);
    *request_context = rs;
  }
  if (!rs->headers_checked) {
    rs->headers_checked = true;
    rs->method = method;
    const std::vector<std::pair<std::string, std::string>> headers = HeadersOf(c);
    if (const int status = RefusalBeforeBody(headers, options.max_body_bytes); status != 0) {
      std::string forwarded;
      for (const auto& [k, v] : headers) {
        if (strcasecmp(k.c_str(), "X-Forwarded-For") == 0) forwarded = v;
      }
      return Refuse(c, rs, status, ClientAddress(rs->peer, forwarded, options.settings.trust_proxy));
    }
    return MHD_YES;
  }
  if (*upload_size != 0) {
    // Content-Length was checked; this guards any other way a body could arrive.
    if (rs->body.size() + *upload_size > options.max_body_bytes) {
      rs->logged = true;
      LogLine("warn", rs->method, PathOf(rs->target), MHD_HTTP_CONTENT_TOO_LARGE, MicrosecondsSince(rs->started),
              rs->peer);
      return MHD_NO;  // MHD closes the connection: no response can be queued while the body is still arriving
    }
    rs->body.append(upload_data, *upload_size);
    *upload_size = 0;
    return MHD_YES;
  }
  if (rs->logged) return MHD_YES;  // refused; the response is on its way
  return Respond(c, rs);
}

MHD_Result WebServer::Impl::Respond(MHD_Connection* c, RequestState* rs) {
  RawRequest raw{rs->method, rs->target, HeadersOf(c), std::move(rs->body), rs->peer};
  Request request;
  std::string error;
  if (BuildRequest(std::move(raw), options.settings.trust_proxy, &request, &error) != 0) {
    return Refuse(c, rs, MHD_HTTP_BAD_REQUEST, request.client.empty() ? rs->peer : request.client);
  }
  const Clock::time_point start = Clock::now();
  Response out = Handle(app, options.settings, request);
  rs->logged = true;
  LogLine("info", request.method, request.path, out.status, MicrosecondsSince(start), request.client);
  auto* body = new std::string(std::move(out.body));
  MHD_Response* r = MHD_create_response_from_buffer_with_free_callback_cls(body->size(), body->data(), &FreeBody, body);
  if (r == nullptr) {
    delete body;
    return MHD_NO;
  }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, out.content_type.c_str());
  for (const auto& [k, v] : out.headers) MHD_add_response_header(r, k.c_str(), v.c_str());
  const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(out.status), r);
  MHD_destroy_response(r);
  return ok;
}

WebServer::WebServer(App* app, ServeOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->app = app;
  impl_->options = std::move(options);
  port_ = impl_->options.port;
}

WebServer::~WebServer() { Stop(); }

namespace {

// Raises the soft limit of open files to the hard one when `needed` is more than the soft limit (1,024 by default,
// less than the connection limit). The number of files this process may open, then.
int RaiseOpenFileLimit(int needed) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return needed;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < static_cast<rlim_t>(needed)) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  return limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > 1u << 30 ? 1 << 30 : static_cast<int>(limit.rlim_cur);
}

}  // namespace

bool WebServer::Bind(std::string* error) {
  Impl& s = *impl_;
  const ServeOptions& o = s.options;
  const std::string where = o.host + ":" + std::to_string(o.port);
  int max_connections = o.max_connections;
  const int files = RaiseOpenFileLimit(max_connections + kReservedFds);
  if (files - kReservedFds < max_connections) {
    max_connections = std::max(16, files - kReservedFds);
    LogMessage("warn", "batas berkas terbuka " + std::to_string(files) + ": koneksi dibatasi " +
                           std::to_string(max_connections) + " / open file limit " + std::to_string(files) +
                           ": connections limited to " + std::to_string(max_connections));
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (getaddrinfo(o.host.c_str(), std::to_string(o.port).c_str(), &hints, &found) != 0 || found == nullptr) {
    *error = "cannot listen on " + where + " (unknown address)";
    return false;
  }
  // MHD_USE_ITC: Stop() wakes each worker through its own channel; without it MHD wakes them by shutting the
  // listening socket, which a worker at its share of the connection limit no longer watches, and Stop() hung.
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
  if (found->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
  s.starting = true;
  // The logger comes first, so that MHD reports even the options' problems through it.
  s.daemon = MHD_start_daemon(
      flags, static_cast<uint16_t>(o.port), nullptr, nullptr, &OnRequestCallback, &s,  //
      MHD_OPTION_EXTERNAL_LOGGER, &OnMhdMessage, &s,                                   //
      MHD_OPTION_SOCK_ADDR, found->ai_addr,                                            //
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(o.threads),                   //
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(max_connections),             //
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(o.max_connections_per_address),  //
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(o.timeout_s),               //
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, kConnectionMemoryBytes,                      //
      MHD_OPTION_LISTEN_BACKLOG_SIZE, kListenBacklog,                                  //
      MHD_OPTION_URI_LOG_CALLBACK, &OnRequestLine, &s,                                 //
      MHD_OPTION_NOTIFY_COMPLETED, &OnRequestEnd, &s,                                  //
      MHD_OPTION_NOTIFY_CONNECTION, &OnConnection, &s,                                 //
      MHD_OPTION_END);
  freeaddrinfo(found);
  s.starting = false;
  if (s.daemon == nullptr) {
    *error = "cannot listen on " + where + " (address in use or invalid" +
             (s.startup_error.empty() ? "" : ": " + s.startup_error) + ")";
    return false;
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(s.daemon, MHD_DAEMON_INFO_BIND_PORT);
  if (info != nullptr) port_ = info->port;
  return true;
}

void WebServer::Serve() {
  std::unique_lock<std::mutex> lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped || impl_->daemon == nullptr; });
}

void WebServer::Stop() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->daemon != nullptr) {
    impl_->stopping = true;
    MHD_stop_daemon(impl_->daemon);
    impl_->daemon = nullptr;
  }
  impl_->stopped = true;
  impl_->stopped_cv.notify_all();
}

}  // namespace kopsehat::web
