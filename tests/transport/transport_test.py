#!/usr/bin/python3
"""The HTTP transport under hostile and heavy traffic (test `transport`).

Starts `kopsehat serve --demo --batas-waktu 10` on a free port with a fresh data directory and checks:

  a. While 1,000 slow-header connections (a partial header line, then one more byte every 2 s) and 500 idle
     connections are held open, 200 ordinary GET /masuk are answered, p99 under 200 ms; the held connections are
     still open afterwards.
  b. A burst of 300 simultaneous connections, each doing one GET /masuk, is answered completely within 2 s.
  c. Refusals: a chunked body 411, a too large Content-Length 413, a multi-range request 416, a garbage request
     line 400, two Content-Length headers 400, a very long URI 414, a partial request closed after the timeout (408
     in the log, nothing sent), the idle connections closed by the timeout (408 each), the 65th connection from one
     address closed at once (503); each leaves a JSON log line on stderr.
  d. The forms end to end: log in through the urlencoded login form as a demo pengurus, upload a laporan through
     the multipart form, fetch the new laporan's page and the cooperative's page.
Then SIGTERM: the server stops and exits 0. Last, a server at its connection limit (--batas-koneksi 16, every
connection held) stops on SIGTERM too (it once hung: its workers no longer watched the listening socket that
libmicrohttpd shut to wake them).

Client sockets come from many loopback addresses (127.0.0.2, 127.0.0.3, ...; Linux routes all of 127/8 to lo), at
most 50 per address, under the server's default limit of 64 connections per address. The figures of a and b are
asserted as stated with --strict (the release build); the sanitizer build is several times slower and gets ten
times the bounds (it must still answer everything).

Python 3 standard library only. Exit 0 on success, 1 with a message on failure.

  /usr/bin/python3 tests/transport/transport_test.py --binary build/kopsehat --work /tmp/transport [--strict]
"""

import argparse
import http.client
import json
import os
import queue
import re
import resource
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXAMPLE = os.path.join(REPO, "examples", "ksp-sejahtera-bersama-2025.json")
DEMO_PASSWORD = "kopsehat-demo"
TIMEOUT_S = 10          # the server's --batas-waktu
PER_ADDRESS = 50        # client connections per source address (the server allows 64)
SLOW = 1000
IDLE = 500
GETS = 200
BURST = 300
START_TIMEOUT = 120.0


class TestFailure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise TestFailure(msg)


def log(msg):
    print("[transport] " + msg, flush=True)


class Addresses:
    """Hands out loopback source addresses, PER_ADDRESS connections each."""

    def __init__(self, first):
        self.next = first
        self.used = 0

    def take(self):
        if self.used == PER_ADDRESS:
            self.next += 1
            self.used = 0
        self.used += 1
        n = self.next
        return "127.%d.%d.%d" % (n // 65536 % 256, n // 256 % 256, n % 256)


class Server:
    def __init__(self, binary, data_dir, log_path, options=()):
        self.log_path = log_path
        self._stderr = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [binary, "serve", "--demo", "--data", data_dir, "--port", "0", "--batas-waktu", str(TIMEOUT_S)] +
            list(options), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr)
        self.stdout = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self.port = None
        self.logins = []
        deadline = time.monotonic() + START_TIMEOUT
        while self.port is None:
            try:
                line = self.stdout.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise TestFailure("the server did not report its address within %ds" % START_TIMEOUT)
            if line is None:
                raise TestFailure("the server exited: %s" % self.stderr_tail())
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
        while True:  # the demo logins follow, up to "Hentikan dengan Ctrl+C."
            line = self.stdout.get(timeout=30)
            if line is None or line.startswith("Hentikan"):
                break
            m = re.match(r"\s+(\S+)\s+—", line)
            if m:
                self.logins.append(m.group(1))

    def _drain(self):
        for raw in self.proc.stdout:
            self.stdout.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self.stdout.put(None)

    def stderr_tail(self, n=10):
        with open(self.log_path, "rb") as f:
            return b"\n".join(f.read().splitlines()[-n:]).decode("utf-8", "replace")

    def log_lines(self):
        lines = []
        with open(self.log_path, "rb") as f:
            for raw in f:
                try:
                    lines.append(json.loads(raw))
                except ValueError:
                    pass
        return lines

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise TestFailure("the server did not stop within 60 s of SIGTERM")
        self._stderr.close()
        return code


def connect(port, source, timeout=30.0):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))
    s.settimeout(timeout)
    s.connect(("127.0.0.1", port))
    return s


def still_open(sockets):
    """How many of the sockets the server has not closed (no EOF, no error, nothing to read)."""
    n = 0
    for s in sockets:
        s.setblocking(False)
        try:
            if s.recv(1) != b"":
                continue
        except BlockingIOError:
            n += 1
        except OSError:
            pass
    return n


def exchange(port, raw, source="127.0.0.1", timeout=30.0):
    """Sends raw bytes, reads until the server closes; the reply's bytes."""
    s = connect(port, source, timeout)
    try:
        s.sendall(raw)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def status_of(reply):
    m = re.match(rb"HTTP/1\.[01] (\d{3}) ", reply)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- a. slow and idle clients


class Dripper:
    """Holds slow-header connections: each sent a request line and the start of a header line, then one more byte
    every 2 s, forever (a slowloris client)."""

    def __init__(self, sockets):
        self.sockets = sockets
        self.stop = threading.Event()
        self.errors = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop.wait(2.0):
            for s in self.sockets:
                try:
                    s.send(b"a")
                except OSError:
                    self.errors += 1


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def ordinary_gets(port, addresses, n):
    latencies = []
    for i in range(n):
        start = time.monotonic()
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(addresses.take(), 0))
        c.request("GET", "/masuk", headers={"Connection": "close"})
        r = c.getresponse()
        body = r.read()
        c.close()
        latencies.append((time.monotonic() - start) * 1000.0)
        check(r.status == 200 and b"<form" in body, "GET /masuk %d answered %d" % (i, r.status))
    return latencies


# ---------------------------------------------------------------- b. the burst


def burst(port, addresses, n, limit_s):
    """n connections opened at once, each sending one GET; seconds until every reply is complete."""
    sel = selectors.DefaultSelector()
    request = b"GET /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    start = time.monotonic()
    replies = {}
    for i in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((addresses.take(), 0))
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        replies[i] = b""
        sel.register(s, selectors.EVENT_WRITE, i)
    done = 0
    deadline = start + limit_s * 3 + 10
    while done < n and time.monotonic() < deadline:
        for key, events in sel.select(timeout=0.5):
            s, i = key.fileobj, key.data
            if events & selectors.EVENT_WRITE:
                try:
                    s.send(request)
                except OSError:
                    sel.unregister(s)
                    s.close()
                    done += 1
                    continue
                sel.modify(s, selectors.EVENT_READ, i)
            else:
                try:
                    chunk = s.recv(65536)
                except OSError:
                    chunk = b""
                if chunk:
                    replies[i] += chunk
                else:
                    sel.unregister(s)
                    s.close()
                    done += 1
    elapsed = time.monotonic() - start
    for key in list(sel.get_map().values()):
        key.fileobj.close()
    answered = sum(1 for r in replies.values() if status_of(r) == 200 and r.rstrip().endswith(b"</html>"))
    return elapsed, answered


# ---------------------------------------------------------------- c. refusals


def refusals(server, addresses):
    port = server.port
    cases = [
        ("chunked body", b"POST /tolak-411 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhalo!\r\n0\r\n\r\n",
         411, "/tolak-411"),
        ("too large a body", b"POST /tolak-413 HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n", 413,
         "/tolak-413"),
        ("multi-range", b"GET /tolak-416 HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1,5-9\r\n\r\n", 416, "/tolak-416"),
        ("two Content-Length", b"POST /tolak-400 HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
         400, "/tolak-400"),
        ("garbage request line", b"bukan permintaan http sama sekali\r\n\r\n", 400, ""),
        ("very long URI", b"GET /" + b"a" * 40000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, ""),
    ]
    for what, raw, want, path in cases:
        reply = exchange(port, raw, addresses.take())
        check(status_of(reply) == want, "%s: answered %r, expected %d" % (what, reply[:80], want))
        log("c. %s: %d" % (what, want))
    # The 65th connection from one address is closed at once (the first 64 stay).
    held = [connect(port, "127.1.0.1") for _ in range(64)]
    extra = connect(port, "127.1.0.1")
    extra.settimeout(10)
    try:
        closed = extra.recv(1) == b""
    except ConnectionResetError:
        closed = True
    except socket.timeout:
        closed = False
    check(closed, "the 65th connection from one address was not closed")
    time.sleep(0.5)
    check(still_open(held) == 64, "connections within the per-address limit were closed")
    for s in held + [extra]:
        s.close()
    log("c. the 65th connection from one address: closed at once")
    return [(want, path) for _, _, want, path in cases]


def expect_log_lines(server, wanted):
    lines = server.log_lines()
    for status, path, at_least in wanted:
        got = [l for l in lines if l.get("status") == status and l.get("path") == path]
        check(len(got) >= at_least, "the log has %d lines with status %d path %r, expected at least %d:\n%s" % (
            len(got), status, path, at_least, server.stderr_tail()))
        for l in got:
            check(set(l) == {"t", "level", "method", "path", "status", "us", "client"}, "log line shape: %r" % l)
    return lines


# ---------------------------------------------------------------- d. the forms


class Browser:
    """Cookies and forms over http.client, like a browser without JavaScript."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def call(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, value = v.split(";")[0].partition("=")
                self.cookies[name.strip()] = value.strip()
        c.close()
        return r.status, r.getheader("Location"), data.decode("utf-8", "replace")


def csrf_of(page):
    m = re.search(r'name="csrf" value="([^"]+)"', page)
    check(m is not None, "no csrf field in the page")
    return m.group(1)


def forms(server):
    from urllib.parse import urlencode
    user = next(u for u in server.logins if u.endswith(".pengurus"))
    b = Browser(server.port)
    status, _, page = b.call("GET", "/masuk")
    check(status == 200, "GET /masuk: %d" % status)
    form = urlencode({"csrf": csrf_of(page), "username": user, "password": DEMO_PASSWORD})
    status, location, page = b.call("POST", "/masuk", form, {"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 303 and "ks_sesi" in b.cookies, "login form as %s: %d %s" % (user, status, page[:300]))
    status, location, page = b.call("GET", location)
    while status == 303:
        status, location, page = b.call("GET", location)
    check(status == 200, "home page after login: %d" % status)
    coop = re.search(r'href="/koperasi/(\d+)', page) or re.search(r'/koperasi/(\d+)', location or "")
    check(coop is not None, "no cooperative link on the home page")
    status, _, page = b.call("GET", "/koperasi/%s/laporan/baru" % coop.group(1))
    m = re.search(r'action="/koperasi/(\d+)/unggah"', page)
    check(m is not None, "no upload form for %s" % user)
    coop_id = m.group(1)
    log("d. logged in through the urlencoded form as %s (cooperative %s)" % (user, coop_id))
    laporan = json.load(open(EXAMPLE, encoding="utf-8"))
    laporan["periode"] = {"akhir": "2019-12-31"}
    content = json.dumps(laporan, ensure_ascii=False).encode("utf-8")
    boundary = "----kopsehatBatas7MA4YWxkTrZu0gW"
    body = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf_of(page)))
            .encode() +
            ("--%s\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"laporan 2019.json\"\r\n"
             "Content-Type: application/json\r\n\r\n" % boundary).encode() + content +
            ("\r\n--%s--\r\n" % boundary).encode())
    status, location, page = b.call("POST", "/koperasi/%s/unggah" % coop_id, body,
                                    {"Content-Type": "multipart/form-data; boundary=%s" % boundary})
    check(status == 303 and location and location.startswith("/laporan/"),
          "multipart upload: %d %s %s" % (status, location, page[:500]))
    status, _, page = b.call("GET", location)
    check(status == 200 and "2019" in page, "the uploaded laporan's page: %d" % status)
    log("d. uploaded a laporan through the multipart form: %s" % location)
    status, _, page = b.call("GET", "/koperasi/%s" % coop_id)
    check(status == 200 and location in page, "the cooperative's page does not list %s" % location)


# ---------------------------------------------------------------- stopping at the connection limit


def stop_at_the_limit(args):
    server = Server(args.binary, os.path.join(args.work, "data"), os.path.join(args.work, "serve-limit.log"),
                    ["--batas-koneksi", "16", "--threads", "4"])
    addresses = Addresses(3 * 65536 + 2)
    held = [connect(server.port, addresses.take()) for _ in range(20)]  # 16 accepted, 4 waiting in the queue
    time.sleep(1.0)
    start = time.monotonic()
    code = server.stop()
    for s in held:
        s.close()
    check(code == 0, "the server at its connection limit exited %s after SIGTERM" % code)
    log("a server at its connection limit stopped on SIGTERM in %.1f s" % (time.monotonic() - start))


# ---------------------------------------------------------------- logins under load (work before login is bounded)


def login_request(user, password, source):
    body = json.dumps({"username": user, "password": password}).encode()
    raw = (b"POST /api/v1/masuk HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
           b"Content-Length: %d\r\n\r\n" % len(body)) + body
    return raw, source


def all_at_once(port, requests):
    """Sends every (raw, source) at once from its own thread; the status of each reply (None: no answer/reset)."""
    results = [None] * len(requests)
    start = threading.Barrier(len(requests))

    def one(i):
        raw, source = requests[i]
        start.wait()
        try:
            results[i] = status_of(exchange(port, raw, source, timeout=120.0))
        except OSError:
            results[i] = None

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(requests))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def peak_memory_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def logins_under_load(args, strict):
    server = Server(args.binary, os.path.join(args.work, "data-login"), os.path.join(args.work, "serve-login.log"))
    try:
        users = [u for u in server.logins]
        check(len(users) >= 2, "the demo printed %d logins" % len(users))
        # 40 simultaneous logins (right passwords): every one answered, none reset; some may be told to retry (503).
        got = all_at_once(server.port, [login_request(users[i % len(users)], DEMO_PASSWORD, "127.5.0.%d" % (i % 8 + 1))
                                        for i in range(40)])
        check(None not in got, "simultaneous logins without an answer: %s" % got)
        check(set(got) <= {200, 503}, "simultaneous logins answered %s" % sorted(set(got)))
        log("e. 40 simultaneous logins: all answered (%d logged in, %d told to retry)" % (got.count(200), got.count(503)))
        # 40 simultaneous wrong passwords for one user from one address: at most 5 are checked at all.
        got = all_at_once(server.port, [login_request(users[0], "salah-salah-salah", "127.6.0.1") for _ in range(40)])
        check(None not in got, "wrong logins without an answer")
        check(got.count(401) <= 5, "%d wrong passwords were checked (401), at most 5 may be" % got.count(401))
        log("e. 40 simultaneous wrong passwords for one user: %d checked (401), %d throttled (429), %d busy (503)"
            % (got.count(401), got.count(429), got.count(503)))
        # 16 wrong logins (16 names, 16 addresses) and 16 hostile 1 MiB nested bodies at once: memory stays bounded.
        hostile = b"[" * (1 << 20)
        hostile_raw = (b"POST /api/v1/masuk HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(hostile)) + hostile
        requests = [login_request("tamu%d" % i, "salah-salah-salah", "127.7.0.%d" % (i + 1)) for i in range(16)]
        requests += [(hostile_raw, "127.8.0.%d" % (i + 1)) for i in range(16)]
        got = all_at_once(server.port, requests)
        check(None not in got, "hostile logins without an answer")
        check(set(got[16:]) == {413}, "hostile bodies answered %s" % sorted(set(got[16:])))
        peak = peak_memory_mb(server.proc.pid)
        log("e. 16 wrong logins and 16 hostile 1 MiB bodies at once: the server's peak memory %.0f MB" % peak)
        if strict:
            check(peak < 300, "the server's peak memory %.0f MB is not under 300 MB" % peak)
    finally:
        if server.proc.poll() is None:
            server.stop()


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--strict", action="store_true", help="assert the release build's figures")
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = SLOW + IDLE + BURST + 500
    check(hard == resource.RLIM_INFINITY or hard >= need, "the hard limit of open files (%d) is below %d" % (hard, need))
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    scale = 1 if args.strict else 10
    p99_limit_ms, burst_limit_s = 200.0 * scale, 2.0 * scale

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    t0 = time.monotonic()
    server = Server(args.binary, os.path.join(args.work, "data"), os.path.join(args.work, "serve.log"))
    log("server on port %d (%.1f s to start with the demo)" % (server.port, time.monotonic() - t0))
    addresses = Addresses(2 * 65536 + 2)  # 127.2.0.2 on
    held = []
    try:
        # a.
        slow = []
        for i in range(SLOW):
            s = connect(server.port, addresses.take())
            s.sendall(b"GET /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Langsam: ")
            slow.append(s)
        dripper = Dripper(slow)
        idle = [connect(server.port, addresses.take()) for _ in range(IDLE)]
        idle_since = time.monotonic()
        # A partial request that will time out (408 with its path).
        partial = connect(server.port, addresses.take())
        partial.sendall(b"GET /tolak-408 HTTP/1.1\r\nHost: x\r\n")
        held = slow + idle + [partial]
        time.sleep(1.0)
        latencies = ordinary_gets(server.port, addresses, GETS)
        p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
        log("a. %d GET /masuk with %d slow-header and %d idle connections open: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
            % (GETS, SLOW, IDLE, p50, p99, max(latencies)))
        check(p99 < p99_limit_ms, "p99 %.1f ms is not under %.0f ms" % (p99, p99_limit_ms))
        open_slow, open_idle = still_open(slow), still_open(idle)
        check(open_slow == SLOW, "slow clients closed during a: %d of %d open" % (open_slow, SLOW))
        if time.monotonic() - idle_since < TIMEOUT_S - 1:
            check(open_idle == IDLE, "idle connections closed during a: %d of %d open" % (open_idle, IDLE))
        else:
            check(not args.strict, "the GETs outlasted the timeout")
            log("a. (the GETs outlasted the %d s timeout: the idle connections are not checked here)" % TIMEOUT_S)

        # b. (the slow clients still held)
        elapsed, answered = burst(server.port, addresses, BURST, burst_limit_s)
        log("b. burst of %d connections: %d answered in %.2f s" % (BURST, answered, elapsed))
        check(answered == BURST, "only %d of %d burst connections were answered" % (answered, BURST))
        check(elapsed < burst_limit_s, "the burst took %.2f s, not under %.0f s" % (elapsed, burst_limit_s))

        # c.
        expected = refusals(server, addresses)
        wait = idle_since + TIMEOUT_S + 5 - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        check(still_open(idle) == 0, "idle connections still open %d s after the timeout" % 5)
        partial.settimeout(1)
        try:
            check(partial.recv(1) == b"", "the partial request got an answer")
        except ConnectionResetError:
            pass
        check(still_open(slow) == SLOW, "slow clients that keep sending were closed")
        log("c. idle connections and the partial request closed by the %d s timeout; slow clients still open"
            % TIMEOUT_S)
        dripper.stop.set()
        dripper.thread.join()
        for s in held:
            s.close()
        held = []

        # d.
        forms(server)
    finally:
        for s in held:
            s.close()
        if server.proc.poll() is None:
            code = server.stop()
        else:
            code = server.proc.returncode
    check(code == 0, "the server exited %s after SIGTERM" % code)
    log("SIGTERM: the server stopped, exit 0")
    wanted = [(status, path, 1) for status, path in expected]
    wanted += [(408, "/tolak-408", 1), (408, "", IDLE), (503, "", 1)]
    lines = expect_log_lines(server, wanted)
    served = [l for l in lines if l.get("level") == "info"]
    check(len(served) >= GETS + BURST, "the log has %d lines of answered requests" % len(served))
    log("c. every refusal left its JSON log line (%d lines in all)" % len(lines))
    stop_at_the_limit(args)
    logins_under_load(args, args.strict)
    log("passed in %.1f s" % (time.monotonic() - t0))


if __name__ == "__main__":
    try:
        main()
    except TestFailure as e:
        print("[transport] FAILED: %s" % e, flush=True)
        sys.exit(1)
