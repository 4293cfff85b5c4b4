// web/server.h — the HTTP server: libmicrohttpd adapted to Handle() (http.h). A pool of worker threads, each an
// epoll event loop over its share of the connections, so a slow or idle client holds a socket and a few KiB, never
// a thread; a worker runs Handle() for its requests itself. The only file that includes microhttpd.h. Depends on
// web/http.h, web/form_parse.h and libmicrohttpd.
#pragma once

#include <memory>
#include <string>

#include "web/http.h"

namespace kopsehat::web {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // Worker threads. A worker runs the handler of a request itself, so while one renders a PDF the connections of
  // that worker wait and the others go on: more workers than cores keeps slow handlers from holding up quick ones.
  // The store keeps one database connection per worker.
  int threads = 16;
  // Open connections in all (beyond it, new connections wait in the listen queue until one closes) and from one
  // client address (beyond it, a new connection is closed at once). 0 per address: no limit, for a reverse proxy
  // whose connections all come from one address.
  int max_connections = 2000;
  int max_connections_per_address = 64;
  // A connection that sends nothing for this long (while sending its request, or idle between requests) is closed.
  // A client that keeps sending a byte now and then is bounded by the connection limits instead.
  int timeout_s = 30;
  ServerSettings settings;
  size_t max_body_bytes = 25u << 20;  // an XLSX laporan (20 MiB) with its multipart envelope
};

class WebServer {
 public:
  WebServer(App* app, ServeOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;
  // Binds the socket and starts the worker threads, which start serving (block the signals meant for another
  // thread before). False with *error when the address is taken or invalid. port() is then the bound port.
  bool Bind(std::string* error);
  int port() const { return port_; }
  // Returns once Stop() has stopped the server (at once when Bind failed or was not called).
  void Serve();
  // Stops accepting, closes every connection and joins the workers (a request being handled is finished first).
  // From any thread except a worker's; idempotent.
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace kopsehat::web
