// web/server.h — the HTTP server: cpp-httplib adapted to Handle() (http.h). The only place that includes
// httplib.h (it is slow to compile). Depends on web/http.h and cpp-httplib.
#pragma once

#include <memory>
#include <string>

#include "web/http.h"

namespace kopsehat::web {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // cpp-httplib keeps a thread for each open keep-alive connection: a connection beyond this many waits.
  int threads = 16;
  ServerSettings settings;
  size_t max_body_bytes = 25u << 20;  // an XLSX laporan (20 MiB) with its multipart envelope
};

class WebServer {
 public:
  WebServer(App* app, ServeOptions options);
  ~WebServer();
  // Binds the socket; false with *error when the address is taken or invalid. port() is then the bound port.
  bool Bind(std::string* error);
  int port() const { return port_; }
  // Serves until Stop() (from another thread or a signal handler's thread).
  void Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace kopsehat::web
