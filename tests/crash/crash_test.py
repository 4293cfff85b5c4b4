#!/usr/bin/python3
"""Crash safety of acknowledged writes (test `crash_safety`).

Starts `kopsehat serve --demo` on a fresh data directory, runs a stream of writes from several client threads
through the JSON API (docs/api.md): each write creates a new laporan for a new period, some are then submitted
(`ajukan`) and some of those finalised by the Dinas. Every write that got a success reply is recorded with the
status it acknowledged. At a random moment (after at least --min-acked acknowledged laporan) the server is killed
with SIGKILL. It is then restarted on the same data directory and every acknowledged write must be there, with at
least the acknowledged status (submitted is never back in draft, final is final) and the acknowledged score and
predikat. The server is then stopped with SIGTERM (must exit 0) and the SQLite file is inspected read-only:
integrity, no half-written laporan, every laporan.* audit entry refers to an existing laporan and each laporan's
latest audit entry agrees with its row (a write and its audit entry are one transaction). The raw crash image
(database + WAL copied right after the kill) gets the same inspection. The kill/restart cycle runs --cycles times,
accumulating.

Python 3 standard library only. Exit 0 on success, 1 with a message on failure.

  /usr/bin/python3 tests/crash/crash_test.py --binary build/kopsehat --work /tmp/crash-work
"""

import argparse
import datetime
import http.client
import json
import os
import queue
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXAMPLE = os.path.join(REPO, "examples", "ksp-sejahtera-bersama-2025.json")
DEMO_PASSWORD = "kopsehat-demo"
STATUS_RANK = {"draf": 0, "diajukan": 1, "final": 2}
# The demo: admin, dinas, and four users of each of the two cooperatives; one region; each cooperative has two
# final laporan of earlier years and this year's (submitted / draft).
DEMO_USERS = 10
DEMO_COOPERATIVES = 2
DEMO_LAPORAN = 6
HTTP_TIMEOUT = 20.0
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


class TestFailure(Exception):
    pass


def log(msg):
    print("[crash] " + msg, flush=True)


# ---------------------------------------------------------------- the server process


class Server:
    """One `kopsehat serve` process: stdout drained by a thread (the first line gives the port), stderr (the
    request log) to a file."""

    def __init__(self, binary, data_dir, log_path, demo):
        self.log_path = log_path
        self.stdout_lines = []
        self._lines = queue.Queue()
        args = [binary, "serve", "--data", data_dir, "--port", "0"] + (["--demo"] if demo else [])
        self._stderr = open(log_path, "wb")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr)
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        self.port = self._wait_port()

    def _drain(self):
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.stdout_lines.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def _wait_port(self):
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                raise TestFailure("the server did not print its address within %.0f s" % START_TIMEOUT)
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                rc = self.proc.wait()
                raise TestFailure("the server exited (status %s) before printing its address; stderr: %s"
                                  % (rc, self.stderr_tail()))
            m = re.match(r"^Kopsehat (?:berjalan di|is running at) http://127\.0\.0\.1:(\d+)/$", line)
            if m is None:
                self.kill()
                raise TestFailure("unexpected first line from the server: %r" % line)
            return int(m.group(1))

    def stderr_tail(self, n=15):
        self._stderr.flush()
        try:
            with open(self.log_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])

    def kill(self):
        """SIGKILL (only this process, by its id) and reap it."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._close()

    def terminate(self):
        """SIGTERM; the server must exit 0 within STOP_TIMEOUT seconds."""
        if self.proc.poll() is not None:
            raise TestFailure("the server had exited on its own (status %s); stderr: %s"
                              % (self.proc.returncode, self.stderr_tail()))
        os.kill(self.proc.pid, signal.SIGTERM)
        started = time.monotonic()
        try:
            rc = self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise TestFailure("the server did not exit within %.0f s of SIGTERM" % STOP_TIMEOUT)
        self._close()
        if rc != 0:
            raise TestFailure("the server exited with status %s after SIGTERM (expected 0); stderr: %s"
                              % (rc, self.stderr_tail()))
        return time.monotonic() - started

    def _close(self):
        self._reader.join(timeout=5)
        if not self._stderr.closed:
            self._stderr.close()


# ---------------------------------------------------------------- HTTP


class Reply:
    def __init__(self, status, body):
        self.status = status
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def http_call(port, method, path, body=None, headers=None, timeout=HTTP_TIMEOUT):
    """One request on its own connection. Raises OSError / http.client.HTTPException when the server is gone."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return Reply(resp.status, data), resp.getheader("Set-Cookie") or ""
    finally:
        conn.close()


class Session:
    """A logged-in user: the session cookie and the CSRF token."""

    def __init__(self, port, username):
        self.port = port
        self.username = username
        body = json.dumps({"username": username, "password": DEMO_PASSWORD}).encode()
        reply, cookie = http_call(port, "POST", "/api/v1/masuk", body, {"Content-Type": "application/json"})
        if reply.status != 200:
            raise TestFailure("login of %s: HTTP %d %s" % (username, reply.status, reply.body[:300]))
        m = re.search(r"(?:^|[;,]\s*)ks_sesi=([0-9a-fA-F]+)", cookie)
        if m is None:
            raise TestFailure("login of %s: no ks_sesi cookie in %r" % (username, cookie))
        self.token = m.group(1)
        j = reply.json()
        self.csrf = j["csrf"]
        self.user = j["pengguna"]
        if not re.fullmatch(r"[0-9a-f]{64}", self.csrf or ""):
            raise TestFailure("login of %s: odd csrf token %r" % (username, self.csrf))

    def call(self, method, path, body=None, content_type="application/json"):
        headers = {"Cookie": "ks_sesi=" + self.token}
        if method != "GET":
            headers["X-CSRF-Token"] = self.csrf
            headers["Content-Type"] = content_type
        reply, _ = http_call(self.port, method, path, body, headers)
        return reply


def login_all(port, usernames):
    """Logs the users in at once (each login verifies an Argon2id hash)."""
    out, errors = {}, []

    def one(name):
        try:
            out[name] = Session(port, name)
        except Exception as e:  # noqa: BLE001 — reported below
            errors.append("%s: %s" % (name, e))

    threads = [threading.Thread(target=one, args=(n,)) for n in usernames]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise TestFailure("login failed: " + "; ".join(errors))
    return out


# ---------------------------------------------------------------- the writers


class Ledger:
    """Every acknowledged write: laporan id → what the server acknowledged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.records = {}  # id → dict(id, koperasi_id, periode, status, skor, predikat, cycle)
        self.cycle_created = 0
        self.errors = []

    def created(self, rec):
        with self.lock:
            if rec["id"] in self.records:
                self.errors.append("laporan id %d acknowledged twice as new" % rec["id"])
            self.records[rec["id"]] = rec
            self.cycle_created += 1
            return self.cycle_created

    def advanced(self, laporan_id, status):
        with self.lock:
            rec = self.records[laporan_id]
            if STATUS_RANK[status] > STATUS_RANK[rec["status"]]:
                rec["status"] = status

    def error(self, msg):
        with self.lock:
            self.errors.append(msg)

    def snapshot(self):
        with self.lock:
            return [dict(r) for r in self.records.values()]


def check_summary(ledger, what, reply, want_status, expect_code):
    """The laporan summary of a success reply, or None after recording the failure."""
    if reply.status != expect_code:
        ledger.error("%s: HTTP %d (expected %d): %s" % (what, reply.status, expect_code, reply.body[:300]))
        return None
    try:
        lap = reply.json()["laporan"]
    except (ValueError, KeyError, TypeError):
        ledger.error("%s: HTTP %d with an unreadable body: %r" % (what, reply.status, reply.body[:300]))
        return None
    if lap.get("status") != want_status:
        ledger.error("%s: acknowledged with status %r, expected %r" % (what, lap.get("status"), want_status))
        return None
    if not isinstance(lap.get("id"), int) or not isinstance(lap.get("skor"), (int, float)) or not lap.get("predikat"):
        ledger.error("%s: summary without id/skor/predikat: %r" % (what, lap))
        return None
    return lap


class Writer(threading.Thread):
    """Creates a new laporan for a new period again and again; submits some (pengurus) and finalises some of those
    (dinas). Period of write n of writer w: 2019-12-31 minus (n * writers + w) days, so no two writes (in any cycle)
    share a cooperative and period."""

    BASE = datetime.date(2019, 12, 31)

    def __init__(self, index, writers, pengurus, dinas, template, ledger, stop, killed, rng, counter, cycle):
        super().__init__(daemon=True)
        self.index = index
        self.writers = writers
        self.pengurus = pengurus
        self.dinas = dinas
        self.template = template
        self.ledger = ledger
        self.stop = stop
        self.killed = killed
        self.rng = rng
        self.counter = counter  # [n]: shared with the next cycle's writer of the same index
        self.cycle = cycle
        self.coop = pengurus.user["koperasi_id"]

    def next_periode(self):
        n = self.counter[0]
        self.counter[0] += 1
        return (self.BASE - datetime.timedelta(days=n * self.writers + self.index)).isoformat()

    def run(self):
        try:
            while not self.stop.is_set():
                self.one_write()
        except (OSError, http.client.HTTPException, ValueError) as e:
            # Connection refused / reset / incomplete reply: expected once the server is killed, a failure before.
            if not self.killed.is_set():
                self.ledger.error("writer %d: %s: %s (before the kill)" % (self.index, type(e).__name__, e))

    def one_write(self):
        periode = self.next_periode()
        doc = dict(self.template)
        doc["periode"] = {"akhir": periode}
        body = json.dumps(doc).encode()
        what = "create %s/%s by %s" % (self.coop, periode, self.pengurus.username)
        reply = self.pengurus.call("POST", "/api/v1/koperasi/%d/laporan" % self.coop, body)
        lap = check_summary(self.ledger, what, reply, "draf", 201)
        if lap is None:
            return
        if lap.get("periode_akhir") != periode or lap.get("koperasi_id") != self.coop:
            self.ledger.error("%s: acknowledged as %r" % (what, lap))
            return
        self.ledger.created({"id": lap["id"], "koperasi_id": self.coop, "periode": periode, "status": "draf",
                             "skor": lap["skor"], "predikat": lap["predikat"], "cycle": self.cycle})
        roll = self.rng.random()
        if roll < 0.33:
            return  # stays a draft
        what = "ajukan %d" % lap["id"]
        reply = self.pengurus.call("POST", "/api/v1/laporan/%d/ajukan" % lap["id"], b"")
        if check_summary(self.ledger, what, reply, "diajukan", 200) is None:
            return
        self.ledger.advanced(lap["id"], "diajukan")
        if roll < 0.66:
            return  # stays submitted
        what = "final %d" % lap["id"]
        reply = self.dinas.call("POST", "/api/v1/laporan/%d/final" % lap["id"], b"")
        if check_summary(self.ledger, what, reply, "final", 200) is None:
            return
        self.ledger.advanced(lap["id"], "final")


# ---------------------------------------------------------------- verification


def verify_api(port, ledger, sessions):
    """Every acknowledged laporan through GET /api/v1/laporan/{id} (as the Dinas, who sees both cooperatives) and in
    its cooperative's list."""
    records = ledger.snapshot()
    dinas = sessions["dinas"]
    problems = []
    lock = threading.Lock()
    work = queue.Queue()
    for r in records:
        work.put(r)

    def check(rec):
        reply = dinas.call("GET", "/api/v1/laporan/%d" % rec["id"])
        if reply.status != 200:
            return "laporan %d (%s, acknowledged %s): HTTP %d %s" % (
                rec["id"], rec["periode"], rec["status"], reply.status, reply.body[:200])
        j = reply.json()
        lap = j.get("laporan", {})
        got = lap.get("status")
        if got not in STATUS_RANK:
            return "laporan %d: unknown status %r" % (rec["id"], got)
        if STATUS_RANK[got] < STATUS_RANK[rec["status"]]:
            return "laporan %d (%s): acknowledged as %s but is %s after the crash" % (
                rec["id"], rec["periode"], rec["status"], got)
        if lap.get("periode_akhir") != rec["periode"] or lap.get("koperasi_id") != rec["koperasi_id"]:
            return "laporan %d: period/cooperative %r/%r, acknowledged %r/%r" % (
                rec["id"], lap.get("periode_akhir"), lap.get("koperasi_id"), rec["periode"], rec["koperasi_id"])
        if lap.get("skor") != rec["skor"] or lap.get("predikat") != rec["predikat"]:
            return "laporan %d: skor/predikat %r/%r, acknowledged %r/%r" % (
                rec["id"], lap.get("skor"), lap.get("predikat"), rec["skor"], rec["predikat"])
        hasil, isian = j.get("hasil"), j.get("isian")
        if not isinstance(hasil, dict) or not hasil or not isinstance(isian, dict) or not isian:
            return "laporan %d: hasil or isian missing/empty" % rec["id"]
        if isian.get("periode", {}).get("akhir") != rec["periode"]:
            return "laporan %d: isian.periode.akhir is %r" % (rec["id"], isian.get("periode"))
        if got != "draf" and not lap.get("diajukan"):
            return "laporan %d: status %s without a submission time" % (rec["id"], got)
        if got == "final" and not lap.get("difinalkan"):
            return "laporan %d: final without a finalisation time" % rec["id"]
        return None

    def worker():
        while True:
            try:
                rec = work.get_nowait()
            except queue.Empty:
                return
            try:
                msg = check(rec)
            except Exception as e:  # noqa: BLE001
                msg = "laporan %d: %s: %s" % (rec["id"], type(e).__name__, e)
            if msg:
                with lock:
                    problems.append(msg)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    # Each cooperative's list holds every acknowledged laporan of it.
    for name in ("sejahtera.pengurus", "majujaya.pengurus"):
        s = sessions[name]
        coop = s.user["koperasi_id"]
        reply = s.call("GET", "/api/v1/koperasi/%d" % coop)
        if reply.status != 200:
            problems.append("GET /api/v1/koperasi/%d: HTTP %d" % (coop, reply.status))
            continue
        listed = {l["id"] for l in reply.json().get("laporan", [])}
        missing = sorted(r["id"] for r in records if r["koperasi_id"] == coop and r["id"] not in listed)
        if missing:
            problems.append("cooperative %d does not list acknowledged laporan %s" % (coop, missing[:20]))
    if problems:
        raise TestFailure("%d acknowledged write(s) wrong after the restart:\n  %s"
                          % (len(problems), "\n  ".join(problems[:30])))
    return len(records)


def audit_status(action, after_json):
    """The status a laporan.* audit entry leaves the laporan in."""
    if after_json:
        try:
            j = json.loads(after_json)
        except ValueError:
            return None
        if isinstance(j, dict) and j.get("status") in STATUS_RANK:
            return j["status"]
    return {"laporan.kembalikan": "draf", "laporan.revisi": "diajukan"}.get(action)


def inspect_database(path, ledger, read_only, label):
    """The SQLite checks; `path` is opened read-only (mode=ro) or, for a copied crash image, read-write (so SQLite
    can replay the copied WAL)."""
    if not os.path.exists(path):
        raise TestFailure("%s: %s does not exist" % (label, path))
    uri = "file:%s?mode=ro" % path if read_only else "file:%s" % path
    db = sqlite3.connect(uri, uri=True, timeout=5)
    problems = []
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            problems.append("PRAGMA integrity_check: %r" % rows[:10])
        fk = db.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append("PRAGMA foreign_key_check: %r" % fk[:10])

        counts = {t: db.execute("SELECT COUNT(*) FROM %s" % t).fetchone()[0]
                  for t in ("users", "cooperatives", "regions")}
        if counts != {"users": DEMO_USERS, "cooperatives": DEMO_COOPERATIVES, "regions": 1}:
            problems.append("demo data seeded again or incomplete: %r" % counts)
        n = db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'pengguna.buat'").fetchone()[0]
        if n != DEMO_USERS:
            problems.append("%d pengguna.buat audit entries (expected %d: the demo seeded once)" % (n, DEMO_USERS))

        laporan = {}
        for (lid, coop, periode, rev, status, lj, dj, hj, pred, total, sub, fin, finby) in db.execute(
                "SELECT id, cooperative_id, periode_akhir, revision, status, laporan_json, diajukan_json, hasil_json, "
                "predikat, total_e6, submitted_at, finalised_at, finalised_by FROM laporan"):
            laporan[lid] = (coop, periode, status, total, pred)
            for name, text in (("laporan_json", lj), ("hasil_json", hj)):
                if not text:
                    problems.append("laporan %d: empty %s" % (lid, name))
                    continue
                try:
                    if not isinstance(json.loads(text), dict):
                        raise ValueError("not an object")
                except ValueError as e:
                    problems.append("laporan %d: %s is not a JSON object (%s)" % (lid, name, e))
            if not pred:
                problems.append("laporan %d: empty predikat" % lid)
            if status not in STATUS_RANK:
                problems.append("laporan %d: status %r" % (lid, status))
            if status != "draf" and (sub is None or not dj):
                problems.append("laporan %d: %s without submitted_at/diajukan_json" % (lid, status))
            if status == "final" and (fin is None or finby is None):
                problems.append("laporan %d: final without finalised_at/finalised_by" % lid)
        if len(laporan) < DEMO_LAPORAN:
            problems.append("only %d laporan rows (the demo has %d)" % (len(laporan), DEMO_LAPORAN))

        latest = {}
        created = {}
        for (aid, action, entity, eid, after) in db.execute(
                "SELECT id, action, entity, entity_id, after_json FROM audit_log WHERE action LIKE 'laporan.%' "
                "ORDER BY id"):
            if entity != "laporan" or eid not in laporan:
                problems.append("audit entry %d (%s) refers to %s %r, which does not exist" % (aid, action, entity, eid))
                continue
            latest[eid] = (aid, action, after)
            if action == "laporan.buat":
                created[eid] = created.get(eid, 0) + 1
        for lid, (coop, periode, status, total, pred) in laporan.items():
            if lid not in latest:
                problems.append("laporan %d (%s/%s, %s) has no audit entry" % (lid, coop, periode, status))
                continue
            aid, action, after = latest[lid]
            want = audit_status(action, after)
            if want != status:
                problems.append("laporan %d is %s but its latest audit entry %d (%s) says %r"
                                % (lid, status, aid, action, want))
            if created.get(lid, 0) > 1:
                problems.append("laporan %d has %d laporan.buat audit entries" % (lid, created[lid]))

        for rec in ledger.snapshot():
            row = laporan.get(rec["id"])
            if row is None:
                problems.append("acknowledged laporan %d (%s) is not in the database" % (rec["id"], rec["periode"]))
            elif STATUS_RANK.get(row[2], -1) < STATUS_RANK[rec["status"]] or row[1] != rec["periode"]:
                problems.append("acknowledged laporan %d (%s, %s) is %s/%s in the database"
                                % (rec["id"], rec["periode"], rec["status"], row[1], row[2]))
    finally:
        db.close()
    if problems:
        raise TestFailure("%s: %d problem(s) in the database:\n  %s"
                          % (label, len(problems), "\n  ".join(problems[:30])))
    return len(laporan)


def copy_crash_image(data_dir, dest):
    """The database and its WAL as the killed server left them (not -shm: SQLite rebuilds it)."""
    os.makedirs(dest)
    wal_bytes = 0
    for suffix in ("", "-wal"):
        src = os.path.join(data_dir, "kopsehat.db" + suffix)
        if os.path.exists(src):
            shutil.copy2(src, os.path.join(dest, "kopsehat.db" + suffix))
            if suffix:
                wal_bytes = os.path.getsize(src)
    return os.path.join(dest, "kopsehat.db"), wal_bytes


# ---------------------------------------------------------------- the test


def run_writes(server, sessions, template, ledger, counters, rng, cycle, args):
    """Writes until the kill; returns (acknowledged laporan this cycle, seconds of writing)."""
    stop, killed = threading.Event(), threading.Event()
    ledger.cycle_created = 0
    owners = ["sejahtera.pengurus", "majujaya.pengurus"]
    writers = [Writer(i, args.writers, sessions[owners[i % 2]], sessions["dinas"], template, ledger, stop, killed,
                      random.Random(rng.random()), counters[i], cycle) for i in range(args.writers)]
    started = time.monotonic()
    kill_after = rng.uniform(args.min_seconds, args.max_seconds)
    for w in writers:
        w.start()
    deadline = started + args.max_seconds + 20
    while True:
        time.sleep(0.002)
        now = time.monotonic()
        with ledger.lock:
            acked = ledger.cycle_created
            errors = list(ledger.errors)
        if errors:
            stop.set()
            killed.set()
            server.kill()
            raise TestFailure("cycle %d: writes failed before the kill:\n  %s" % (cycle, "\n  ".join(errors[:20])))
        if acked >= args.min_acked and now - started >= kill_after:
            break
        if now > deadline:
            stop.set()
            killed.set()
            server.kill()
            raise TestFailure("cycle %d: only %d laporan acknowledged in %.0f s (need %d)"
                              % (cycle, acked, now - started, args.min_acked))
        if not any(w.is_alive() for w in writers):
            raise TestFailure("cycle %d: every writer stopped before the kill; server stderr:\n%s"
                              % (cycle, server.stderr_tail()))
    # A random moment inside the stream: the writers are mid-request.
    time.sleep(rng.uniform(0, 0.05))
    killed.set()
    stop.set()
    server.kill()
    elapsed = time.monotonic() - started
    for w in writers:
        w.join(timeout=HTTP_TIMEOUT + 5)
        if w.is_alive():
            raise TestFailure("cycle %d: writer %d still running after the kill" % (cycle, w.index))
    if ledger.errors:
        raise TestFailure("cycle %d: writes failed:\n  %s" % (cycle, "\n  ".join(ledger.errors[:20])))
    return ledger.cycle_created, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the kopsehat executable")
    ap.add_argument("--work", required=True, help="scratch directory (emptied first; removed on success)")
    ap.add_argument("--cycles", type=int, default=3)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--min-acked", type=int, default=50, help="acknowledged laporan per cycle before the kill")
    ap.add_argument("--min-seconds", type=float, default=1.5)
    ap.add_argument("--max-seconds", type=float, default=3.5)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work directory on success")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    binary = os.path.abspath(args.binary)
    work = os.path.abspath(args.work)
    if not os.access(binary, os.X_OK):
        print("crash_test: FAIL: %s is not an executable" % binary, file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    data = os.path.join(work, "data")
    db_path = os.path.join(data, "kopsehat.db")
    with open(EXAMPLE, encoding="utf-8") as f:
        template = json.load(f)
    log("seed %d, %d cycles, %d writers, work %s" % (seed, args.cycles, args.writers, work))

    t0 = time.monotonic()
    ledger = Ledger()
    counters = [[0] for _ in range(args.writers)]
    users = ["sejahtera.pengurus", "majujaya.pengurus", "dinas"]
    server = None
    starts = 0
    try:
        def start(demo):
            nonlocal starts
            starts += 1
            return Server(binary, data, os.path.join(work, "server-%d.log" % starts), demo)

        server = start(demo=True)
        sessions = login_all(server.port, users)
        for name in ("sejahtera.pengurus", "majujaya.pengurus"):
            if not sessions[name].user.get("koperasi_id"):
                raise TestFailure("%s has no koperasi_id: %r" % (name, sessions[name].user))
        if sessions["sejahtera.pengurus"].user["koperasi_id"] == sessions["majujaya.pengurus"].user["koperasi_id"]:
            raise TestFailure("the two demo pengurus share a cooperative")

        for cycle in range(1, args.cycles + 1):
            before = len(ledger.records)
            acked, secs = run_writes(server, sessions, template, ledger, counters, rng, cycle, args)
            statuses = {s: 0 for s in STATUS_RANK}
            for r in ledger.snapshot():
                if r["cycle"] == cycle:
                    statuses[r["status"]] += 1
            log("cycle %d: SIGKILL after %.2f s, %d laporan acknowledged this cycle (%s), %d in all"
                % (cycle, secs, acked, ", ".join("%s %d" % kv for kv in statuses.items()), before + acked))
            server = None

            # The raw crash image first, before any restart touches it.
            image, wal_bytes = copy_crash_image(data, os.path.join(work, "crash-image-%d" % cycle))
            n = inspect_database(image, ledger, read_only=False, label="cycle %d crash image" % cycle)
            log("cycle %d: crash image (database + %d KiB of WAL) ok, %d laporan rows" % (cycle, wal_bytes >> 10, n))

            # Restart on the same data (alternately with and without --demo: neither may re-seed or fail).
            server = start(demo=(cycle % 2 == 1))
            sessions = login_all(server.port, users)
            checked = verify_api(server.port, ledger, sessions)
            reply = http_call(server.port, "GET", "/sehat")[0]
            if reply.status != 200:
                raise TestFailure("GET /sehat after the restart: HTTP %d" % reply.status)
            stop_secs = server.terminate()
            server = None
            n = inspect_database(db_path, ledger, read_only=True, label="cycle %d after restart" % cycle)
            log("cycle %d: restart ok, %d acknowledged laporan verified through the API, database ok (%d laporan "
                "rows), SIGTERM exit 0 in %.2f s" % (cycle, checked, n, stop_secs))
            if cycle < args.cycles:
                server = start(demo=False)
                sessions = login_all(server.port, users)
    except TestFailure as e:
        if server is not None:
            server.kill()
        print("crash_test: FAIL (seed %d): %s" % (seed, e), file=sys.stderr)
        print("crash_test: work directory kept: %s" % work, file=sys.stderr)
        return 1
    except BaseException:
        if server is not None:
            server.kill()
        raise
    total = time.monotonic() - t0
    log("PASS: %d acknowledged laporan over %d kill/restart cycles in %.1f s" % (len(ledger.records), args.cycles,
                                                                              total))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
