#!/usr/bin/env bash
# bench/web_load.sh — the regional dashboard under load: `kopsehat serve` on a regency of 5,000 cooperatives × 5
# financial years, measured with wrk, and nginx serving the same page as a static file for reference.
#
# Builds nothing: expects `kopsehat` and `web_seed` from `make bench-web` (override with KOPSEHAT_BIN, WEB_SEED_BIN).
#   1. Seeds a fresh temporary data directory with web_seed, starts `kopsehat serve --threads T`, logs in as the Dinas
#      examiner through POST /api/v1/masuk (curl, keeping the session cookie), fetches /wilayah once (checks 200 and
#      that it lists cooperatives) and /api/v1/wilayah (checks every cooperative is there), and saves the page.
#   2. wrk against /wilayah and /api/v1/wilayah with the session cookie: one short warm-up run, then RUNS runs each.
#   3. nginx (its own config in the temporary directory, one worker, access_log off) serving the saved page as a
#      static file on another loopback port: the same wrk command, for reference. Stopped afterwards.
#   4. A table of medians (requests/s and the "99%" latency of `wrk --latency`) with the ratio Kopsehat/nginx.
# Exit status: 0 when the p99 median of both Kopsehat targets is under WEB_P99_TARGET_MS (100 ms), 1 when not (a
# regression shows), 2 on a setup failure.
#
# Pinning (when taskset works): the server under test (kopsehat, then nginx) on CPU WEB_SERVER_CPU (0), wrk on
# WEB_CLIENT_CPU (1), so on a 2-core machine the load generator never takes the server's core and both servers get
# exactly one core. Thread count: the HTTP server (libmicrohttpd) runs --threads worker threads, each an epoll
# loop over any number of connections, so the thread count no longer has to match wrk's connections (cpp-httplib,
# before, held a thread per keep-alive connection and silently left the extra connections unserved); the default T
# is the server's default, 16.
#
# National scale on PostgreSQL (issue 15; `make bench-national`): with WEB_PG_URL (a maintenance URL, e.g. the one
# `bash scripts/pg-test.sh start` prints) the data goes into a new database on that server (dropped afterwards
# unless WEB_KEEP=1), the server runs with --db, and with WEB_REGIONS > 1 three levels are measured, each logged in
# as its own user: the nation (admin, every cooperative), a province (`provinsi`, the regencies of Provinsi 1) and a
# regency (`dinas`, Kabupaten 1), page and API each. WEB_COOPS=130000 WEB_REGIONS=514 WEB_PROVINCES=38
# WEB_KKPKK_FROM=2021 is the national layout (years before 2021 assessed with ksp-2016, later ones with kkpkk-2021).
#
# Environment: KOPSEHAT_BIN (build-bench/kopsehat), WEB_SEED_BIN (build-bench/web_seed), WEB_COOPS (5000),
#   WEB_YEARS (5), WEB_THREADS (16), WEB_CONNECTIONS (16), WEB_WRK_THREADS (2), WEB_DURATION (15s),
#   WEB_RUNS (5), WEB_TIMEOUT (10s, wrk's per-request timeout), WEB_P99_TARGET_MS (100), WEB_SERVER_CPU (0),
#   WEB_CLIENT_CPU (1), WEB_KEEP (1: keep the temporary directory), WEB_SKIP_NGINX (1: no reference run),
#   WEB_PG_URL (unset: SQLite), WEB_REGIONS (1), WEB_PROVINCES (1), WEB_KKPKK_FROM (0: ksp-2016 throughout),
#   WEB_PG_DB (with WEB_PG_URL: measure an already seeded database of that name, kept with WEB_KEEP=1 by an earlier
#   run with the same WEB_COOPS, instead of seeding a new one; it is not dropped).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${KOPSEHAT_BIN:-build-bench/kopsehat}
SEED_BIN=${WEB_SEED_BIN:-build-bench/web_seed}
COOPS=${WEB_COOPS:-5000}
YEARS=${WEB_YEARS:-5}
CONNS=${WEB_CONNECTIONS:-16}
THREADS=${WEB_THREADS:-16}
WRK_THREADS=${WEB_WRK_THREADS:-2}
DURATION=${WEB_DURATION:-15s}
RUNS=${WEB_RUNS:-5}
TIMEOUT=${WEB_TIMEOUT:-10s}
TARGET_MS=${WEB_P99_TARGET_MS:-100}
SERVER_CPU=${WEB_SERVER_CPU:-0}
CLIENT_CPU=${WEB_CLIENT_CPU:-1}
PASSWORD=bench-pass-123
PG_URL=${WEB_PG_URL:-}
REGIONS=${WEB_REGIONS:-1}
PROVINCES=${WEB_PROVINCES:-1}
KKPKK_FROM=${WEB_KKPKK_FROM:-0}

die() { echo "web_load: $*" >&2; exit 2; }

[[ -x "$BIN" ]] || die "$BIN not found or not executable: run 'make bench-web' (or set KOPSEHAT_BIN)"
[[ -x "$SEED_BIN" ]] || die "$SEED_BIN not found: run 'make bench-web' (or set WEB_SEED_BIN)"
for tool in wrk curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed (scripts/deps.sh)"; done
NGINX=$(command -v nginx || true)
[[ -z "$NGINX" && -x /usr/sbin/nginx ]] && NGINX=/usr/sbin/nginx
if [[ "${WEB_SKIP_NGINX:-0}" != 1 && -z "$NGINX" ]]; then die "nginx is not installed (nginx-light)"; fi

SERVER_PIN=()
CLIENT_PIN=()
if command -v taskset >/dev/null && taskset -c "$SERVER_CPU" true 2>/dev/null &&
   taskset -c "$CLIENT_CPU" true 2>/dev/null; then
  SERVER_PIN=(taskset -c "$SERVER_CPU")
  CLIENT_PIN=(taskset -c "$CLIENT_CPU")
  PINNING="server on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU"
else
  PINNING="unpinned (taskset unavailable or CPUs $SERVER_CPU/$CLIENT_CPU missing)"
  echo "web_load: $PINNING" >&2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kopsehat-webload.XXXXXX")
SERVER_PID=""
NGINX_STARTED=0
PG_DB=""
DB_URL=""
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "$NGINX_STARTED" == 1 && -s "$WORK/nginx/nginx.pid" ]]; then
    kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  fi
  if [[ -n "$PG_DB" && "${WEB_KEEP:-0}" != 1 ]]; then psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $PG_DB" || true; fi
  if [[ "${WEB_KEEP:-0}" == 1 ]]; then echo "web_load: kept $WORK ${PG_DB:+and database $PG_DB}"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
echo "machine: $(nproc) CPUs, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), load average $LOAD_START"
echo "pinning: $PINNING"

# ---- 1. Data, server, login, the page once ----
SEED_ARGS=(--data "$WORK/data" --coops "$COOPS" --years "$YEARS" --password "$PASSWORD" --regions "$REGIONS"
  --provinces "$PROVINCES" --kkpkk-from "$KKPKK_FROM")
SERVE_DB=(--data "$WORK/data")
if [[ -n "$PG_URL" && -n "${WEB_PG_DB:-}" ]]; then
  command -v psql >/dev/null || die "psql is not installed (postgresql-client)"
  DB_URL="${PG_URL%/*}/$WEB_PG_DB"
  SERVE_DB=(--db "$DB_URL")
  echo "seed:    reusing the seeded database $WEB_PG_DB" | tee "$WORK/seed.txt"
elif [[ -n "$PG_URL" ]]; then
  command -v psql >/dev/null || die "psql is not installed (postgresql-client)"
  PG_DB="kopsehat_bench_$$"
  psql -q "$PG_URL" -c "CREATE DATABASE $PG_DB" || die "cannot create database $PG_DB at $PG_URL"
  DB_URL="${PG_URL%/*}/$PG_DB"
  SEED_ARGS+=(--db "$DB_URL")
  SERVE_DB=(--db "$DB_URL")
fi
[[ -n "${WEB_PG_DB:-}" && -n "$PG_URL" ]] || "$SEED_BIN" "${SEED_ARGS[@]}" | tee "$WORK/seed.txt"
if [[ -n "$PG_URL" ]]; then
  DB_BYTES=$(psql -tA "$DB_URL" -c "SELECT pg_database_size(current_database())")
else
  DB_BYTES=$(stat -c %s "$WORK/data/kopsehat.db")
fi

"${SERVER_PIN[@]}" "$BIN" serve "${SERVE_DB[@]}" --port 0 --threads "$THREADS" \
  >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.out" | head -1)
  [[ -n "$PORT" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.out" "$WORK/serve.log" >&2; die "kopsehat serve exited"; }
  sleep 0.1
done
[[ -n "$PORT" ]] || die "kopsehat serve did not report its address"
BASE="http://127.0.0.1:$PORT"
echo "server:  $BIN serve --threads $THREADS at $BASE (pid $SERVER_PID)"

# Logs in as $1; prints the Cookie header of its session.
login() {
  local user=$1 login_status token
  login_status=$(curl -s -o "$WORK/login-$user.json" -w '%{http_code}' -c "$WORK/cookies-$user" \
    -H 'Content-Type: application/json' --data "{\"username\":\"$user\",\"password\":\"$PASSWORD\"}" \
    "$BASE/api/v1/masuk")
  [[ "$login_status" == 200 ]] || { cat "$WORK/login-$user.json" >&2; die "login as $user answered $login_status"; }
  token=$(awk '$6 == "ks_sesi" { print $7 }' "$WORK/cookies-$user")
  [[ ${#token} -eq 64 ]] || die "no ks_sesi cookie after login as $user"
  echo "Cookie: ks_sesi=$token"
}
# One regency: its examiner sees every cooperative. Nationally the administrator does (the province and regency
# levels are measured after it, section 2).
MAIN_USER=dinas
[[ "$REGIONS" -gt 1 ]] && MAIN_USER=admin
COOKIE=$(login "$MAIN_USER")

page_status=$(curl -s -o "$WORK/wilayah.html" -w '%{http_code}' -H "$COOKIE" "$BASE/wilayah")
[[ "$page_status" == 200 ]] || die "GET /wilayah answered $page_status"
rows=$(grep -o '<tr id="k-' "$WORK/wilayah.html" | wc -l)
expected_rows=$(( COOPS < 100 ? COOPS : 100 ))  # the table shows one page of 100 (views.h kRegionPageSize)
[[ "$rows" -eq "$expected_rows" ]] || die "/wilayah lists $rows cooperatives on its first page, expected $expected_rows"
grep -q "($COOPS koperasi)" "$WORK/wilayah.html" || die "/wilayah does not count $COOPS cooperatives"
PAGE_BYTES=$(stat -c %s "$WORK/wilayah.html")
api_status=$(curl -s -o "$WORK/wilayah.json" -w '%{http_code}' -H "$COOKIE" "$BASE/api/v1/wilayah")
[[ "$api_status" == 200 ]] || die "GET /api/v1/wilayah answered $api_status"
# The API answers a page (500 by default) and the total in "jumlah".
read -r api_rows api_total < <(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d["koperasi"]), d["jumlah"])' "$WORK/wilayah.json")
[[ "$api_total" -eq "$COOPS" ]] || die "/api/v1/wilayah counts $api_total cooperatives, expected $COOPS"
[[ "$api_rows" -eq $(( COOPS < 500 ? COOPS : 500 )) ]] || die "/api/v1/wilayah lists $api_rows cooperatives on page 1"
API_BYTES=$(stat -c %s "$WORK/wilayah.json")
echo "check:   /wilayah 200, $PAGE_BYTES B, $rows rows on page 1 of $COOPS cooperatives;" \
     "/api/v1/wilayah 200, $API_BYTES B, $api_rows of $api_total cooperatives (page 1)"

# ---- 2. wrk ----
# One run: wrk output to $1.txt; prints "requests/s p99_ms errors" (errors: socket errors + non-2xx responses).
wrk_run() {
  local out=$1 url=$2
  shift 2
  "${CLIENT_PIN[@]}" wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency "$@" "$url" >"$out"
  python3 - "$out" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errors = sum(map(int, re.findall(r"(?:connect|read|write|timeout) (\d+)", text)))
m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors += int(m.group(1)) if m else 0
print(f"{rps} {p99} {errors}")
EOF
}

# Warm-up, then RUNS runs; appends "name rps p99 errors" lines to $WORK/results.
measure() {
  local name=$1 url=$2 rps p99 errors
  shift 2
  local warm=$WORK/$name-warmup.txt
  DURATION=3s wrk_run "$warm" "$url" "$@" >/dev/null
  for i in $(seq 1 "$RUNS"); do
    local line
    line=$(wrk_run "$WORK/$name-$i.txt" "$url" "$@")
    read -r rps p99 errors <<<"$line"
    printf '  %-16s run %d: %10.1f req/s   p99 %9.2f ms   errors %s\n' "$name" "$i" "$rps" "$p99" "$errors"
    echo "$name $rps $p99 $errors" >>"$WORK/results"
  done
}

echo "wrk:     -t$WRK_THREADS -c$CONNS -d$DURATION --timeout $TIMEOUT --latency," \
     "$RUNS runs per target after a 3 s warm-up"
: >"$WORK/results"
log_mark=$(wc -l <"$WORK/serve.log")
# CPU seconds the server process has used (user + system), to give the CPU cost of one request.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat"; }
cpu0=$(cpu_s)
measure kopsehat-page "$BASE/wilayah" -H "$COOKIE"
cpu1=$(cpu_s)
measure kopsehat-api "$BASE/api/v1/wilayah" -H "$COOKIE"
cpu2=$(cpu_s)
echo "kopsehat-page $cpu0 $cpu1" >"$WORK/cpu"
echo "kopsehat-api $cpu1 $cpu2" >>"$WORK/cpu"
if [[ "$REGIONS" -gt 1 ]]; then
  # The province and the regency, each as its own examiner: the same snapshot, filtered to fewer rows.
  for level in provinsi:provinsi kabupaten:dinas; do
    name=${level%%:*}
    cookie=$(login "${level##*:}")
    for target in page:/wilayah api:/api/v1/wilayah; do
      status=$(curl -s -o "$WORK/$name-${target%%:*}.out" -w '%{http_code}' -H "$cookie" "$BASE${target#*:}")
      [[ "$status" == 200 ]] || die "GET ${target#*:} as ${level##*:} answered $status"
      c0=$(cpu_s)
      measure "$name-${target%%:*}" "$BASE${target#*:}" -H "$cookie"
      echo "$name-${target%%:*} $c0 $(cpu_s)" >>"$WORK/cpu"
    done
    echo "check:   ${level##*:}: $(grep -o '([0-9]* koperasi)' "$WORK/$name-page.out" | head -1) on /wilayah," \
         "$(stat -c %s "$WORK/$name-page.out") B; /api/v1/wilayah $(stat -c %s "$WORK/$name-api.out") B"
  done
fi
RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo "")
kill -TERM "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
# The server's own time per request (its log line's "us"), over the measured and warm-up runs.
tail -n +"$((log_mark + 1))" "$WORK/serve.log" >"$WORK/serve-load.log"

# ---- 3. nginx, the same page as a static file ----
if [[ "${WEB_SKIP_NGINX:-0}" != 1 ]]; then
  NGINX_PORT=$(free_port)
  mkdir -p "$WORK/nginx/www" "$WORK/nginx/temp" "$WORK/nginx/logs"
  cp "$WORK/wilayah.html" "$WORK/nginx/www/wilayah"
  USER_LINE=""
  [[ "$(id -u)" == 0 ]] && USER_LINE="user root;"
  cat >"$WORK/nginx/nginx.conf" <<EOF
$USER_LINE
worker_processes 1;
daemon on;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $WORK/nginx/temp/body;
  proxy_temp_path $WORK/nginx/temp/proxy;
  fastcgi_temp_path $WORK/nginx/temp/fastcgi;
  uwsgi_temp_path $WORK/nginx/temp/uwsgi;
  scgi_temp_path $WORK/nginx/temp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/www;
    location = /wilayah { }
  }
}
EOF
  "${SERVER_PIN[@]}" "$NGINX" -e "$WORK/nginx/logs/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" ||
    die "nginx did not start (see $WORK/nginx/logs/error.log)"
  NGINX_STARTED=1
  nginx_status=$(curl -s -o "$WORK/nginx-check.html" -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/wilayah")
  if [[ "$nginx_status" != 200 ]] || ! cmp -s "$WORK/nginx-check.html" "$WORK/wilayah.html"; then
    die "nginx does not serve the saved page (status $nginx_status)"
  fi
  echo "nginx:   $NGINX, 1 worker, static copy of /wilayah at http://127.0.0.1:$NGINX_PORT/wilayah"
  measure nginx-static "http://127.0.0.1:$NGINX_PORT/wilayah"
  kill -QUIT "$(cat "$WORK/nginx/nginx.pid")"
  NGINX_STARTED=0
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

# ---- 4. Summary ----
set +e
python3 - "$WORK/results" "$WORK/serve-load.log" "$TARGET_MS" "$COOPS" "$YEARS" "$DB_BYTES" "$PAGE_BYTES" \
  "$API_BYTES" "$THREADS" "$CONNS" "${RSS_KB:-}" "$LOAD_START" "$LOAD_END" "$WORK/cpu" "${DURATION%s}" <<'EOF'
import json, statistics, sys
results, log, target = sys.argv[1], sys.argv[2], float(sys.argv[3])
coops, years, db_bytes, page_bytes, api_bytes, threads, conns = map(int, sys.argv[4:11])
rss_kb, load_start, load_end = sys.argv[11], sys.argv[12], sys.argv[13]
runs_s = float(sys.argv[15])
cpu = {n: float(b) - float(a) for n, a, b in (line.split() for line in open(sys.argv[14]))}
runs = {}
for line in open(results):
    name, rps, p99, errors = line.split()
    runs.setdefault(name, []).append((float(rps), float(p99), int(errors)))
med = {n: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v), sum(r[2] for r in v))
       for n, v in runs.items()}
server_us = {}
for line in open(log):
    try:
        j = json.loads(line)
    except ValueError:
        continue
    if j.get("method") == "GET":
        server_us.setdefault(j["path"], []).append(j["us"] / 1000.0)
def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]
print()
print("Web: regional dashboard under load — summary")
print(f"  data       {coops:,} cooperatives x {years} years, database {db_bytes / 1e6:,.1f} MB; "
      f"page {page_bytes:,} B, JSON {api_bytes:,} B")
print(f"  server     --threads {threads}, wrk -c{conns}; peak RSS {int(rss_kb) / 1024:,.0f} MiB" if rss_kb.isdigit()
      else f"  server     --threads {threads}, wrk -c{conns}")
print(f"  load avg   {load_start} at the start, {load_end} at the end")
ref = med.get("nginx-static")
national = "nasional " if "provinsi-page" in med else ""
labels = {"kopsehat-page": f"Kopsehat {national}/wilayah", "kopsehat-api": f"Kopsehat {national}/api/v1/wilayah",
          "provinsi-page": "Kopsehat provinsi /wilayah", "provinsi-api": "Kopsehat provinsi /api/v1/wilayah",
          "kabupaten-page": "Kopsehat kabupaten /wilayah", "kabupaten-api": "Kopsehat kabupaten /api/v1/wilayah",
          "nginx-static": "nginx, static copy of the page"}
kopsehat_targets = [n for n in labels if n in med and n != "nginx-static"]
print()
print(f"  | {'target':<32} | {'median req/s':>12} | {'median p99':>11} | {'errors':>6} | {'req/s vs nginx':>18} |")
print(f"  |{'-' * 34}|{'-' * 14}|{'-' * 13}|{'-' * 8}|{'-' * 20}|")
for name in kopsehat_targets + ["nginx-static"]:
    if name not in med:
        continue
    rps, p99, errors = med[name]
    if name == "nginx-static":
        ratio = "1"
    elif ref and rps > 0:
        ratio = f"{rps / ref[0]:.2g} (1/{ref[0] / rps:,.0f})"
    else:
        ratio = "n/a"
    print(f"  | {labels[name]:<32} | {rps:>12,.1f} | {p99:>8.2f} ms | {errors:>6} | {ratio:>18} |")
print()
for name, path in [("kopsehat-page", "/wilayah"), ("kopsehat-api", "/api/v1/wilayah")]:
    v = server_us.get(path)
    if v and not national:
        print(f"  {path}: {len(v)} requests (warm-up included) took {cpu[name]:.1f} s of server CPU: "
              f"{1000 * cpu[name] / len(v):.1f} ms CPU each; handler wall time median {statistics.median(v):.1f} ms, "
              f"p99 {pct(v, 0.99):.1f} ms (from the server's log: after the worker thread picked the request up, "
              f"including waiting for the CPU with the other handlers)")
if national:
    print(f"  server CPU per request: " + ", ".join(
        f"{labels[n]} {1000 * cpu[n] / (med[n][0] * runs_s * len(runs[n])):.1f} ms" for n in kopsehat_targets
        if n in cpu and med[n][0] > 0))
failed = []
for name in kopsehat_targets:
    if name in med and med[name][1] >= target:
        failed.append(f"{labels[name]} p99 median {med[name][1]:.1f} ms >= {target:.0f} ms")
    if name in med and med[name][2] > 0:
        failed.append(f"{labels[name]}: {med[name][2]} socket errors or non-2xx responses")
print()
if failed:
    print("  target     p99 < %.0f ms under load: NOT met (%s)" % (target, "; ".join(failed)))
    sys.exit(1)
print("  target     p99 < %.0f ms under load: MET" % target)
EOF
status=$?
exit $status
