#!/usr/bin/python3
"""End-to-end test of the Kopsehat web application in headless Chromium (a 412 x 915 phone window).

Starts `kopsehat serve --demo` on a free port with a fresh data directory and walks the whole workflow:
pengurus edits the 2025 draft of KSP Maju Jaya (an invalid amount first, then the fix) and submits it; the Dinas
examiner finds it on the regional dashboard, changes a figure with a reason and finalises it; the reports are
downloaded; the language is switched; a member (anggota) sees the final result and is refused everything else.
Along the way: no request leaves 127.0.0.1, no page scrolls sideways at 412 px, no script or CSP error.

Needs only Python 3, Debian's python3-selenium, /usr/bin/chromium and /usr/bin/chromedriver; nothing is
downloaded. Screenshots, the downloads and the server's output go to --artefacts.

    /usr/bin/python3 tests/browser/flow_test.py --binary build/kopsehat --artefacts /tmp/browser-artefacts

Exit code 0 when every check passes, 1 with a message otherwise.
"""

import argparse
import base64
import csv
import hashlib
import io
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = '/usr/bin/chromium'
CHROMEDRIVER = '/usr/bin/chromedriver'
PASSWORD = 'kopsehat-demo'
PHONE = (412, 915)
WAIT_S = 30            # one page or action (generous: ASan builds and Argon2 logins are slow)
SERVER_START_S = 120   # demo seeding hashes a dozen passwords with Argon2id
PREDIKAT = ('SEHAT', 'CUKUP SEHAT', 'DALAM PENGAWASAN', 'DALAM PENGAWASAN KHUSUS')
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Failure(Exception):
    """A check failed; the message says which and what was seen."""


def check(condition, message):
    """A check the rest of the flow depends on: the test stops here when it fails."""
    if not condition:
        raise Failure(message)


EXPECTATIONS = []  # failed checks that do not stop the flow; each fails the test at the end


def expect(condition, message):
    """A check nothing later depends on: recorded, and the flow goes on so one run reports every problem."""
    if not condition:
        EXPECTATIONS.append(message)
        log(f'  EXPECTATION FAILED: {message}')
    return bool(condition)


def log(message):
    print(message, flush=True)


# ---- The server ----

def _die_with_parent():
    """In the server's child process: SIGTERM when this test dies, even by SIGKILL (a CTest timeout)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Server:
    """`kopsehat serve --demo --port 0` on a fresh data directory; stdout is read line by line on a thread."""

    def __init__(self, binary, artefacts):
        self.binary = binary
        self.data_dir = tempfile.mkdtemp(prefix='kopsehat-browser-data-')
        self.stderr_path = os.path.join(artefacts, 'server-stderr.txt')
        self.stdout_path = os.path.join(artefacts, 'server-stdout.txt')
        self.lines = queue.Queue()
        self.stdout_lines = []
        self.proc = None
        self.base = None
        self.exit_code = None

    def start(self):
        self._stderr = open(self.stderr_path, 'wb')
        env = dict(os.environ)
        # Sanitizer builds: as `make test-asan` runs them (errors and leaks fail the exit code; the third-party
        # caches of tests/lsan.supp are not leaks of ours). No effect on a normal build.
        env.setdefault('ASAN_OPTIONS', 'detect_leaks=1:abort_on_error=1')
        env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1:halt_on_error=1')
        env.setdefault('LSAN_OPTIONS', f'suppressions={ROOT}/tests/lsan.supp:print_suppressions=0')
        self.proc = subprocess.Popen(
            [self.binary, 'serve', '--demo', '--data', self.data_dir, '--port', '0', '--lang', 'id'],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr, env=env, cwd=ROOT,
            start_new_session=True, preexec_fn=_die_with_parent)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + SERVER_START_S
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(f'the server printed no address within {SERVER_START_S} s{self.tail()}')
            try:
                line = self.lines.get(timeout=min(left, 0.5))
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise Failure(f'the server exited with code {self.proc.returncode} before listening{self.tail()}')
                continue
            if line is None:
                raise Failure(f'the server closed stdout before printing its address{self.tail()}')
            m = re.search(r'(?:berjalan di|running at) (http://127\.0\.0\.1:(\d+)/)', line)
            if m:
                check(int(m.group(2)) > 0, f'the server reports port 0: {line!r}')
                self.base = m.group(1).rstrip('/')
                return
            raise Failure(f'the first stdout line of the server is not its address: {line!r}{self.tail()}')

    def _read(self):
        for raw in self.proc.stdout:
            line = raw.decode('utf-8', 'replace').rstrip('\n')
            self.stdout_lines.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stderr_text(self):
        try:
            if not self._stderr.closed:
                self._stderr.flush()
            with open(self.stderr_path, 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except (OSError, AttributeError, ValueError):
            return ''

    def tail(self, n=40):
        state = 'running' if self.alive() else f'exited with code {self.proc.returncode}' if self.proc else 'not started'
        lines = self.stderr_text().splitlines()[-n:]
        text = '\n'.join('    ' + l for l in lines) if lines else '    (empty)'
        return f'\n  server {state}; last lines of its stderr:\n{text}'

    def stop(self):
        """SIGTERM (the server stops cleanly), SIGKILL after 20 s. Returns the exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.exit_code = self.proc.returncode
        with open(self.stdout_path, 'w') as f:
            f.write('\n'.join(self.stdout_lines) + '\n')
        self._stderr.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)
        return self.exit_code


# ---- The browser ----

class Browser:
    def __init__(self, artefacts, server):
        self.artefacts = artefacts
        self.server = server
        self.base = server.base
        self.shot_no = 0
        self.profile = tempfile.mkdtemp(prefix='kopsehat-browser-profile-')
        self.downloads = os.path.join(artefacts, 'downloads')
        os.makedirs(self.downloads, exist_ok=True)
        self.perf = []          # every performance-log message seen, parsed
        self.console = []       # browser console entries
        self.notes = []         # findings reported but not failed (overflow of the edit form, UX)

        o = webdriver.ChromeOptions()
        o.binary_location = CHROMIUM
        for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
                    '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
                    '--disable-component-update', '--disable-sync', '--disable-extensions',
                    '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
                    '--password-store=basic', f'--user-data-dir={self.profile}',
                    f'--window-size={PHONE[0]},{PHONE[1]}', '--hide-scrollbars'):
            o.add_argument(arg)
        o.add_experimental_option('prefs', {
            'download.default_directory': self.downloads,
            'download.prompt_for_download': False,
            'download.directory_upgrade': True,
            'plugins.always_open_pdf_externally': True,
            'credentials_enable_service': False,
            'profile.password_manager_enabled': False,
            'profile.password_manager_leak_detection': False,
            'safebrowsing.enabled': False,
        })
        o.set_capability('goog:loggingPrefs', {'performance': 'ALL', 'browser': 'ALL'})
        # A confirm() that a step did not expect must fail that step, not be clicked away silently.
        o.set_capability('unhandledPromptBehavior', 'ignore')
        # chromedriver and every browser process it starts share a new process group; a small reaper kills that
        # group when this test dies without quitting the browser (SIGKILL of a CTest timeout: its stdin closes).
        service = Service(CHROMEDRIVER, log_path=os.path.join(artefacts, 'chromedriver.log'),
                          popen_kw={'start_new_session': True})
        self.reaper = None
        self.d = webdriver.Chrome(service=service, options=o)
        self.reaper = subprocess.Popen(
            ['/bin/sh', '-c', 'read _ignored; kill -TERM "-$0" 2>/dev/null; sleep 3; kill -KILL "-$0" 2>/dev/null',
             str(service.process.pid)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        self.d.set_page_load_timeout(60)
        self.d.execute_cdp_cmd('Page.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': self.downloads})
        # Desktop Chromium will not make a window narrower than 500 px: the phone viewport is emulated (a mobile
        # viewport, so <meta name=viewport> applies as on the phone; scale 1 keeps screenshots at 412 px).
        self.emulate_phone()
        self.d.execute_cdp_cmd('Emulation.setTouchEmulationEnabled', {'enabled': True, 'maxTouchPoints': 5})
        # Never let the browser itself use a cache that hides a request from the log.
        self.d.execute_cdp_cmd('Network.enable', {})
        self.d.execute_cdp_cmd('Network.setCacheDisabled', {'cacheDisabled': True})

    def emulate_phone(self):
        self.d.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
            'width': PHONE[0], 'height': PHONE[1], 'deviceScaleFactor': 1, 'mobile': True,
            'screenWidth': PHONE[0], 'screenHeight': PHONE[1]})

    def quit(self):
        try:
            self.d.quit()
        finally:
            if self.reaper is not None:
                self.reaper.kill()  # the browser is gone; the reaper is not needed
                self.reaper.wait()
            shutil.rmtree(self.profile, ignore_errors=True)

    # -- waiting and navigating --

    def wait(self, condition, what, timeout=WAIT_S):
        try:
            return WebDriverWait(self.d, timeout).until(condition)
        except TimeoutException:
            raise Failure(f'timed out after {timeout} s waiting for {what}; at {self.d.current_url}'
                          f'{self.page_hint()}') from None

    def page_hint(self):
        try:
            h1 = self.d.find_element(By.TAG_NAME, 'h1').text
        except WebDriverException:
            h1 = '(no h1)'
        return f' (page h1: {h1!r})'

    def ready(self):
        self.wait(lambda d: d.execute_script('return document.readyState') == 'complete', 'the page to load')

    def server_alive(self):
        if not self.server.alive():
            raise Failure(f'the server died (at {self.path()}){self.server.tail()}')

    def go(self, path):
        self.d.get(self.base + path)
        self.ready()
        self.server_alive()

    def path(self):
        p = urllib.parse.urlsplit(self.d.current_url)
        return p.path + ('?' + p.query if p.query else '')

    def wait_path(self, pattern, what):
        rx = re.compile(pattern)
        self.wait(lambda d: rx.fullmatch(urllib.parse.urlsplit(d.current_url).path) is not None, what)
        self.ready()
        return rx.fullmatch(urllib.parse.urlsplit(self.d.current_url).path)

    def css(self, selector, within=None):
        return (within or self.d).find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector, what=None, within=None):
        found = self.css(selector, within)
        check(found, f'no {what or selector} on {self.path()}{self.page_hint()}')
        return found[0]

    def click(self, element):
        self.d.execute_script('arguments[0].scrollIntoView({block: "center"});', element)
        element.click()

    def submit(self, button_selector, what, confirm=None):
        """Clicks a form's button and waits for the next page; `confirm` is a fragment of the expected dialog."""
        button = self.one(button_selector, what)
        old = self.d.find_element(By.TAG_NAME, 'html')
        self.click(button)
        if confirm is not None:
            alert = self.wait(EC.alert_is_present(), f'the confirmation dialog of {what}')
            check(confirm in alert.text, f'{what}: the dialog says {alert.text!r}, expected it to mention {confirm!r}')
            alert.accept()
        self.wait(replaced(old), f'the page after {what}')
        self.ready()
        self.server_alive()

    def type_into(self, element, text):
        element.clear()
        element.send_keys(text)
        check(element.get_attribute('value') == text,
              f'typing {text!r} into {element.get_attribute("name")} left {element.get_attribute("value")!r}')

    def shot(self, name, full=False):
        wait_images(self, name)
        self.shot_no += 1
        path = os.path.join(self.artefacts, f'{self.shot_no:02d}-{name}.png')
        check(self.d.save_screenshot(path), f'screenshot {path} failed')
        if full:
            self.full_shot(path[:-4] + '-full.png')
        return path

    def full_shot(self, path):
        """The whole page at phone width (the visible part is what save_screenshot takes)."""
        height = self.d.execute_script('return Math.min(document.documentElement.scrollHeight, 12000)')
        width = self.d.execute_script('return window.innerWidth')
        data = self.d.execute_cdp_cmd('Page.captureScreenshot', {
            'format': 'png', 'captureBeyondViewport': True,
            'clip': {'x': 0, 'y': 0, 'width': width, 'height': height, 'scale': 1}})
        with open(path, 'wb') as f:
            f.write(base64.b64decode(data['data']))
        # A capture beyond the viewport leaves Chromium hit-testing a page of the captured height: taps far down a
        # long page then land nowhere. The phone's metrics again put it right.
        self.emulate_phone()

    # -- page facts --

    def status_badge(self):
        """The workflow status of the laporan page: ('draf'|'diajukan'|'final', its text)."""
        badge = self.one('main > p > span.status', 'status badge')
        cls = [c[2:] for c in badge.get_attribute('class').split() if c.startswith('s-')]
        return (cls[0] if cls else ''), badge.text.strip()

    def error_status(self):
        """The status number of an error page ("Tidak berhak (403)"), or None for any other page."""
        for span in self.css('main section.kartu h1 span.kecil'):
            m = re.fullmatch(r'\((\d{3})\)', span.text.strip())
            if m:
                return int(m.group(1))
        return None

    def check_not_error(self, what):
        status = self.error_status()
        check(status is None, f'{what}: got the error page ({status}) at {self.path()}: '
                              f'{" / ".join(e.text for e in self.css(".masalah li"))}')

    def check_no_overflow(self, what, fatal=True):
        # innerWidth as asked; clientWidth (the layout viewport) too, since a mobile viewport may zoom out to fit
        # wide content, which widens innerWidth with it.
        m = self.d.execute_script('return [document.documentElement.scrollWidth, window.innerWidth, '
                                  'document.documentElement.clientWidth];')
        if m[0] <= m[1] + 1 and m[0] <= m[2] + 1:
            return
        culprits = self.d.execute_script('''
          var out = [], w = window.innerWidth;
          document.querySelectorAll('body *').forEach(function (e) {
            var r = e.getBoundingClientRect();
            if (r.right > w + 1 && out.length < 6) {
              out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                       (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '') +
                       ' right=' + Math.round(r.right));
            }
          });
          return out;''')
        message = (f'{what}: the page scrolls sideways at {PHONE[0]} px (scrollWidth {m[0]}, innerWidth {m[1]}, '
                   f'clientWidth {m[2]}); '
                   f'widest elements: {", ".join(culprits)}')
        if fatal:
            raise Failure(message)
        self.notes.append(message)

    # -- logs --

    def drain_logs(self):
        for entry in self.d.get_log('performance'):
            try:
                self.perf.append(json.loads(entry['message'])['message'])
            except (KeyError, ValueError):
                pass
        self.console.extend(self.d.get_log('browser'))

    def document_status(self, path_suffix):
        """The HTTP status of the latest main-document response whose URL path ends with `path_suffix`."""
        self.drain_logs()
        for m in reversed(self.perf):
            if m.get('method') != 'Network.responseReceived' or m['params'].get('type') != 'Document':
                continue
            url = m['params']['response']['url']
            if urllib.parse.urlsplit(url).path.endswith(path_suffix):
                return m['params']['response']['status']
        return None

    def foreign_requests(self):
        self.drain_logs()
        urls = [m['params']['request']['url'] for m in self.perf if m.get('method') == 'Network.requestWillBeSent']
        foreign = []
        for url in urls:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ('data', 'blob', 'about', 'chrome', 'devtools'):
                continue
            if parts.scheme not in ('http', 'https', 'ws', 'wss') or parts.hostname != '127.0.0.1':
                foreign.append(url)
        return urls, foreign

    def check_local_only(self):
        """No request so far went anywhere but 127.0.0.1 (the pages load nothing from elsewhere)."""
        _, foreign = self.foreign_requests()
        check(not foreign, f'requests left 127.0.0.1: {foreign[:5]}')

    # -- HTTP outside the browser, with the browser's session --

    def fetch(self, path):
        cookie = self.d.get_cookie('ks_sesi')
        check(cookie is not None and cookie.get('value'), 'the browser holds no ks_sesi session cookie')
        check(cookie.get('httpOnly'), 'the session cookie ks_sesi is not HttpOnly')
        req = urllib.request.Request(self.base + path, headers={'Cookie': 'ks_sesi=' + cookie['value']})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()


# ---- The API, for a fixture the browser flow does not make itself ----

def api_create_draft(base, username, coop_id, periode_akhir):
    """Logs in through the API and stores a draft for another period (the member must not see it)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())

    def call(path, body, headers):
        req = urllib.request.Request(base + path, data=body, headers=headers, method='POST')
        try:
            with opener.open(req, timeout=60) as r:
                return r.status, json.loads(r.read().decode())
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode('utf-8', 'replace')

    status, me = call('/api/v1/masuk', json.dumps({'username': username, 'password': PASSWORD}).encode(),
                      {'Content-Type': 'application/json'})
    check(status == 200, f'API login of {username}: {status} {me}')
    with open(os.path.join(ROOT, 'examples', 'ksp-maju-jaya-2025.json'), encoding='utf-8') as f:
        laporan = json.load(f)
    laporan['periode']['akhir'] = periode_akhir
    status, created = call(f'/api/v1/koperasi/{coop_id}/laporan', json.dumps(laporan).encode(),
                           {'Content-Type': 'application/json', 'X-CSRF-Token': me['csrf']})
    check(status == 201, f'API: creating a {periode_akhir} draft gave {status} {created}')
    call('/api/v1/keluar', b'', {'X-CSRF-Token': me['csrf']})
    return created['laporan']['id']


# ---- The flow ----

def other_spelling(amount):
    """The same Rupiah amount written differently: "268750000" ↔ "268.750.000" (a fraction after ',' kept)."""
    whole, _, frac = amount.partition(',')
    if '.' in whole:
        respelled = whole.replace('.', '')
    else:
        respelled = f'{int(whole):,}'.replace(',', '.')
    return respelled + (',' + frac if frac else '')


def form_snapshot(b):
    """Every field of the laporan form as name → value (checked radios only)."""
    return b.d.execute_script('''
      var out = {}, form = document.querySelector('form.laporan');
      if (!form) return null;
      for (var i = 0; i < form.elements.length; i++) {
        var e = form.elements[i];
        if (!e.name || e.name === 'csrf' || e.type === 'file' || e.tagName === 'BUTTON') continue;
        if ((e.type === 'radio' || e.type === 'checkbox') && !e.checked) continue;
        out[e.name] = e.value;
      }
      return out;''')


def log_in(b, username, home_pattern):
    b.go('/masuk')
    b.check_not_error('the login page')
    b.type_into(b.one('form[action="/masuk"] input[name="username"]', 'user name field'), username)
    b.type_into(b.one('form[action="/masuk"] input[name="password"]', 'password field'), PASSWORD)
    b.submit('form[action="/masuk"] button', f'logging in as {username}')
    problems = ' / '.join(e.text for e in b.css('.masalah li'))
    check(not problems, f'logging in as {username} was refused: {problems}')
    return b.wait_path(home_pattern, f'the home page of {username} ({home_pattern})')


def replaced(old):
    """A wait condition: `old` is gone with its page. Like EC.staleness_of, but ChromeDriver asked about a node while
    its document is being replaced can answer "Node with given id does not belong to the document" instead of a stale
    element (seen once the server answered a redirect and the next page fast enough to overlap the question)."""
    def condition(_):
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if 'does not belong to the document' in str(e):
                return True
            raise
    return condition


def log_out(b):
    b.submit('form[action="/keluar"] button', 'logging out')
    b.wait_path(r'/masuk', 'the login page after logging out')
    check(b.d.get_cookie('ks_sesi') is None or not b.d.get_cookie('ks_sesi').get('value'),
          'the session cookie is still set after logging out')


def check_language_link(b, what):
    """The language link of the page leads to the same page in the other language, not to an error.

    Fetched outside the browser, so the browser's language stays as it is."""
    href = b.one('header a.bahasa', 'the language link').get_attribute('href')
    parts = urllib.parse.urlsplit(href)
    status, _, body = b.fetch(parts.path + '?' + parts.query)
    title = re.search(rb'<h1>(.*?)</h1>', body, re.S)
    title = re.sub(r'<[^>]+>', '', title.group(1).decode('utf-8', 'replace')) if title else 'no title'
    expect(status == 200, f'{what}: the language link goes to {parts.path}?{parts.query}, which answers HTTP {status} '
                         f'("{title}") instead of this page '
                         f'in the other language')


def wait_images(b, what):
    """Every image of the page (the radar chart) loaded and decoded, so it shows and the screenshot has it."""
    b.d.execute_script('document.querySelectorAll("img[loading=lazy]").forEach(function (i) { i.loading = "eager"; });')
    b.wait(lambda d: d.execute_script(
        'return Array.prototype.every.call(document.images, function (i) { return i.complete; });'),
        f'the images of {what} to load')
    broken = b.d.execute_script('return Array.prototype.filter.call(document.images, function (i) {'
                                '  return i.naturalWidth === 0; }).map(function (i) { return i.src; });')
    check(not broken, f'{what}: images that do not display: {broken}')


def score_and_predikat(b, what):
    score = b.one('.skor-kepala .skor', f'the score on {what}').text.split('/')[0].strip()
    check(re.fullmatch(r'\d{1,3}([.,]\d+)?', score), f'{what}: the score reads {score!r}')
    badge = b.one('.skor-kepala .lencana', f'the predikat badge on {what}').text.strip()
    check(badge in PREDIKAT, f'{what}: the predikat badge reads {badge!r}, not one of {PREDIKAT}')
    return score, badge


def table_texts(b):
    """The regional table's rows as the user reads them: name (without the line under it), then every other cell."""
    rows = b.d.execute_script(
        'return Array.from(document.querySelectorAll("table.wilayah tbody tr")).map(function (tr) {'
        '  return Array.from(tr.cells).map(function (td, i) {'
        '    var c = td.cloneNode(true); c.querySelectorAll(".kecil").forEach(function (d) { d.remove(); });'
        '    return c.textContent.trim(); }); });')
    return [[re.sub(r'\s+', ' ', c) for c in r] for r in rows]


def check_region_export(b, artefacts):
    """The regional table filtered and sorted through its form, then its CSV and XLSX downloads: the CSV holds the
    rows the page shows, in the same order, with the same texts; the XLSX is a workbook."""
    b.d.execute_script('document.getElementById("urut").value = "skor";'
                       'document.getElementById("arah").value = "turun";')
    metode = b.css('#saring-metode option')
    chosen = next((o.get_attribute('value') for o in metode if o.get_attribute('value') not in ('', 'belum')), '')
    b.d.execute_script('document.getElementById("saring-metode").value = arguments[0];', chosen)
    b.submit('form.saring button', 'the filter of the regional table')
    b.check_not_error('the filtered regional table')
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(b.d.current_url).query)
    check(query.get('urut') == ['skor'] and query.get('metode', [''])[0] == chosen,
          f'the filter form did not carry sort and method into the address: {b.d.current_url}')
    shown = table_texts(b)
    check(shown, 'the filtered regional table shows no row')
    check(all(r[1].startswith(chosen + ' ') for r in shown),
          f'the method filter {chosen!r} shows other methods: {[r[1] for r in shown]}')
    b.shot('wilayah-saring', full=True)
    href = b.one('#ekspor-csv', 'the CSV download link of the regional table').get_attribute('href')
    parts = urllib.parse.urlsplit(href)
    status, headers, body = b.fetch(parts.path + '?' + parts.query)
    check(status == 200 and headers.get('Content-Type', '').startswith('text/csv'),
          f'the CSV export answered HTTP {status} as {headers.get("Content-Type")}')
    with open(os.path.join(artefacts, 'wilayah.csv'), 'wb') as f:
        f.write(body)
    table = list(csv.reader(io.StringIO(body.decode('utf-8-sig'))))
    check(table[0][:7] == ['Koperasi', 'Kabupaten/Kota', 'Tahun buku', 'Metode', 'Skor', 'Predikat', 'Perubahan'],
          f'the CSV headings are {table[0]}')
    # The page's columns: name, method, score, predikat, change, four aspects, flags; the CSV adds regency and year.
    exported = [[r[0], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]] for r in table[1:]]
    on_page = [r[:9] for r in shown]
    check(exported == on_page, f'the CSV export is not the table shown:\n  page {on_page}\n  csv  {exported}')
    href = b.one('#ekspor-xlsx', 'the XLSX download link of the regional table').get_attribute('href')
    parts = urllib.parse.urlsplit(href)
    status, headers, body = b.fetch(parts.path + '?' + parts.query)
    check(status == 200 and body.startswith(b'PK'), f'the XLSX export answered HTTP {status}, starting {body[:20]!r}')
    log(f'  5b. regional table filtered by method {chosen!r}, sorted by score: {len(shown)} rows, CSV export equal')
    b.go('/wilayah')


def run(b, server, artefacts):
    # 1. The pengurus logs in and lands on the cooperative dashboard.
    b.go('/masuk')
    check(b.css('form[action="/masuk"]'), 'the login page has no login form')
    viewport = b.d.execute_script('return [window.innerWidth, document.documentElement.clientWidth];')
    check(viewport == [PHONE[0], PHONE[0]], f'the viewport is {viewport} px wide, not the {PHONE[0]} px of the phone')
    b.shot('login')
    m = log_in(b, 'majujaya.pengurus', r'/koperasi/(\d+)')
    coop_id = int(m.group(1))
    check(b.one('main h1').text.strip() == 'KSP Maju Jaya',
          f'the pengurus dashboard is titled {b.one("main h1").text!r}, not KSP Maju Jaya')
    b.check_no_overflow('the cooperative dashboard (pengurus)')
    wait_images(b, 'the cooperative dashboard')
    b.shot('dashboard-pengurus', full=True)
    log(f'  1. logged in as majujaya.pengurus: /koperasi/{coop_id}')

    # 2. The 2025 draft: an invalid amount is refused next to its field, with everything typed kept.
    drafts = [row for row in b.css('table tbody tr') if b.css('span.status.s-draf', row)]
    check(len(drafts) == 1, f'expected one draft in the history table of KSP Maju Jaya, found {len(drafts)}')
    link = b.one('a[href^="/laporan/"]', 'the draft link', drafts[0])
    check('2025' in link.text, f'the draft is for {link.text!r}, expected the 2025 period')
    b.click(link)
    laporan_id = int(b.wait_path(r'/laporan/(\d+)', 'the draft laporan page').group(1))
    check(b.status_badge()[0] == 'draf', f'the draft laporan shows status {b.status_badge()}')
    score_before, predikat_before = score_and_predikat(b, 'the draft laporan page')
    b.click(b.one(f'a[href="/laporan/{laporan_id}/ubah"]', 'the "Ubah draf" link'))
    b.wait_path(rf'/laporan/{laporan_id}/ubah', 'the edit form')
    b.check_not_error('the edit form')
    b.check_no_overflow('the edit form', fatal=False)
    kas = b.one('form.laporan input[name="neraca.kas"]', 'the neraca.kas field')
    bank = b.one('form.laporan input[name="neraca.bank"]', 'the neraca.bank field')
    kas_original = kas.get_attribute('value')
    bank_original = bank.get_attribute('value')
    check(kas_original and bank_original, f'the edit form is not prefilled (kas {kas_original!r}, bank {bank_original!r})')
    before = form_snapshot(b)
    check(before and len(before) > 40, f'the edit form has only {len(before or {})} fields')
    bank_typed = other_spelling(bank_original)
    check(bank_typed != bank_original, f'cannot respell the amount {bank_original!r}')
    b.type_into(bank, bank_typed)
    b.type_into(kas, '12,5,0')
    b.submit('form.laporan p.kirim button', 'saving the draft with an invalid amount')
    # Nothing typed is lost: the draft is kept as typed, incomplete, and its page says what is wrong.
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan page of the incomplete draft')
    card = b.one('#belum-lengkap', 'the "Draf belum lengkap" card').text
    check('Draf belum lengkap' in card and 'Kas' in card and '12,5,0' in card,
          f'the incomplete draft does not say what is wrong with Kas: {card!r}')
    check(not b.css('.skor-kepala'), 'an incomplete draft shows a score')
    b.shot('incomplete-draft')
    b.click(b.one(f'#belum-lengkap a[href="/laporan/{laporan_id}/ubah"]', 'the "Lanjutkan mengisi" link'))
    b.wait_path(rf'/laporan/{laporan_id}/ubah', 'the form of the incomplete draft')
    kas = b.one('form.laporan input[name="neraca.kas"]', 'the neraca.kas field after the incomplete save')
    message = ' '.join(e.text for e in b.css('[id="e-neraca.kas"]')).strip()
    check(kas.get_attribute('aria-invalid') == 'true' or message,
          'the refused save shows no problem at neraca.kas (no aria-invalid, no message next to it)')
    expect(kas.get_attribute('aria-invalid') == 'true', 'neraca.kas is not marked aria-invalid="true"')
    expect(message, 'there is no problem text next to neraca.kas')
    expect(b.css('.masalah a[href="#f-neraca.kas"]'), 'the problem list at the top does not link to neraca.kas')
    after = form_snapshot(b)
    check(after.get('neraca.kas') == '12,5,0', f'the invalid amount was not kept as typed: {after.get("neraca.kas")!r}')
    check(after.get('neraca.bank') == bank_typed,
          f'neraca.bank shows {after.get("neraca.bank")!r} after the refused save, expected what was typed ({bank_typed!r})')
    lost = {k: (v, after.get(k)) for k, v in before.items()
            if k not in ('neraca.kas', 'neraca.bank') and after.get(k) != v}
    check(not lost, f'the refused save lost or changed {len(lost)} typed values (before, after): '
                    f'{dict(list(lost.items())[:8])}')
    check_language_link(b, 'the edit form after a refused save')
    b.d.execute_script('arguments[0].scrollIntoView({block: "center"});', kas)
    b.shot('invalid-amount')
    log(f'  2. invalid amount kept in an incomplete draft, shown at neraca.kas: {message!r}')

    # 2b. A file that is no laporan at all: the form comes back (no error page) with the upload card open naming the
    # file, the problem on top, and the draft's fields as they were.
    broken = os.path.join(artefacts, 'laporan-rusak.json')
    with open(broken, 'w') as f:
        f.write('{"neraca": {"kas": ')
    b.click(b.one('details#unggah summary', 'the upload card of the form'))
    upload = f'form[action="/koperasi/{coop_id}/unggah"]'
    b.one('input[type="file"][name="berkas"]', 'the upload file field', b.one(upload)).send_keys(broken)
    b.submit(f'{upload} button', 'uploading a file that is no laporan')
    status = b.document_status(f'/koperasi/{coop_id}/unggah')
    check(status == 422, f'the refused upload answered HTTP {status}, not 422 with the form')
    card = b.one('details#unggah', 'the upload card after the refused upload')
    check(card.get_attribute('open') is not None and 'laporan-rusak.json' in card.text,
          f'the upload card is not open naming the file: {card.text[:200]!r}')
    problems = [e.text for e in b.css('.masalah li')]
    check(any('JSON' in p for p in problems), f'the refused upload does not say what is wrong: {problems}')
    check(b.css('form.laporan'), 'the refused upload does not show the laporan form to fill in instead')
    kept = b.one('form.laporan input[name="neraca.kas"]', 'neraca.kas after the refused upload').get_attribute('value')
    check(kept == '12,5,0', f'the refused upload lost the draft as typed: neraca.kas is {kept!r}')
    b.check_no_overflow('the form after a refused upload')
    b.shot('upload-refused')
    kas = b.one('form.laporan input[name="neraca.kas"]', 'the neraca.kas field')
    log(f'  2b. refused upload back on the form, file named: {problems[0][:80]!r}')

    # 3. The fix: the original amount again; the laporan page shows a score and a predikat.
    b.type_into(kas, kas_original)
    b.submit('form.laporan p.kirim button', 'saving the corrected draft')
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan page after saving')
    b.check_not_error('saving the corrected draft')
    check(not b.css('.masalah'), f'the saved draft shows problems: {[e.text for e in b.css(".masalah li")]}')
    check(b.status_badge()[0] == 'draf', f'after saving, the laporan shows status {b.status_badge()}')
    score, predikat = score_and_predikat(b, 'the saved draft')
    wait_images(b, 'the saved draft')
    check((score, predikat) == (score_before, predikat_before),
          f'saving the unchanged figures through the form changed the assessment: {score_before} {predikat_before} → '
          f'{score} {predikat}')
    b.check_no_overflow('the laporan page (draft)')
    b.shot('draft-saved', full=True)
    log(f'  3. draft saved: {score} {predikat}')

    # 4. Submit to the Dinas, then log out.
    b.submit(f'form[action="/laporan/{laporan_id}/ajukan"] button', 'submitting the draft', confirm='Dinas')
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan page after submitting')
    b.check_not_error('submitting the draft')
    status = b.status_badge()
    check(status == ('diajukan', 'Diajukan'), f'after submitting, the status is {status}, expected Diajukan')
    check(not b.css(f'a[href="/laporan/{laporan_id}/ubah"]') and not b.css('form[action$="/ajukan"]'),
          'a submitted laporan still offers editing or submitting')
    b.shot('submitted')
    old_session = b.d.get_cookie('ks_sesi')['value']
    log_out(b)
    # The session ended on the server too: its old token no longer opens anything.
    req = urllib.request.Request(f'{b.base}/koperasi/{coop_id}', headers={'Cookie': 'ks_sesi=' + old_session})
    with urllib.request.urlopen(req, timeout=60) as r:
        expect(urllib.parse.urlsplit(r.geturl()).path == '/masuk',
               f'after logging out, the old session cookie still opens /koperasi/{coop_id} (ended at {r.geturl()})')
    log('  4. submitted (Diajukan), logged out')

    # 5. The examiner: regional dashboard, change with a reason, finalise.
    log_in(b, 'dinas', r'/wilayah')
    b.check_not_error('the regional dashboard')
    # The history of KSP Sejahtera Bersama (the demo's first cooperative) crosses the change of method: 2020 by the
    # 2016 method, 2021 on by the KKPKK. The chart draws two lines and marks the change; it never joins them.
    b.go('/koperasi/1')
    b.check_not_error('the history of KSP Sejahtera Bersama')
    lines = b.css('svg.grafik polyline')
    breaks = [e.text for e in b.css('.ganti-metode')]
    check(len(lines) == 2 and len(b.css('svg.grafik line.ganti')) == 1,
          f'the score chart across the method change has {len(lines)} lines (expected 2) and '
          f'{len(b.css("svg.grafik line.ganti"))} break marks (expected 1)')
    check(any('ksp-2016 → kkpkk-2021' in t for t in breaks), f'the method change is not said under the chart: {breaks}')
    methods = [td.text for td in b.css('table.sortable tbody td') if 'versi' in td.text]
    check(any(t.startswith('ksp-2016') for t in methods) and any(t.startswith('kkpkk-2021') for t in methods),
          f'the history table does not name each result\'s method: {methods}')
    b.check_no_overflow('the history across a method change')
    b.shot('riwayat-ganti-metode', full=True)
    b.go('/wilayah')
    awaiting = [a for a in b.css('details.liste a[href^="/laporan/"]') if 'KSP Maju Jaya' in a.text]
    check(any(a.get_attribute('href').endswith(f'/laporan/{laporan_id}') for a in awaiting),
          f'the regional dashboard does not list /laporan/{laporan_id} (KSP Maju Jaya) as awaiting review; '
          f'lists: {[a.text for a in b.css("details.liste a")]}')
    others = [re.search(r'/laporan/(\d+)$', a.get_attribute('href'))
              for a in b.css('details.liste a[href^="/laporan/"]') if 'Sejahtera' in a.text]
    other_laporan = int(others[0].group(1)) if others and others[0] else None
    b.check_no_overflow('the regional dashboard')
    b.shot('wilayah', full=True)
    b.click(next(a for a in awaiting if a.get_attribute('href').endswith(f'/laporan/{laporan_id}')))
    b.wait_path(rf'/laporan/{laporan_id}', 'the submitted laporan (examiner)')
    b.check_not_error('the examiner opening the laporan')
    check(b.status_badge()[0] == 'diajukan', f'the examiner sees status {b.status_badge()}')
    # The change form offers the figures by label, grouped, each with its value now ("Pinjaman macet — Rp ...").
    macet_before = None
    for option in b.css('form.ubah-angka select[name="path"] option[value="pinjaman.macet"]'):
        macet_before = option.get_attribute('textContent').rsplit(' — ', 1)[-1].strip()
    check(macet_before and macet_before.startswith('Rp '),
          f'the change form does not offer pinjaman.macet by label with its value now: {macet_before!r}')
    reason = 'Uji browser: pinjaman macet Rp 8.900.000 sudah tertagih menurut rekening koran 12 Januari 2026.'
    # First a value that is no amount: refused with the problem named, nothing changed.
    form = b.one(f'form.ubah-angka[action="/laporan/{laporan_id}/koreksi"]', 'the change form')
    # The search box narrows the lists as an examiner types a word of the label.
    b.type_into(b.one('input[data-saring]', 'the search box of the change form', form), 'macet')
    shown = [o.get_attribute('value') for o in b.css('select[name="path"] option', form)
             if o.get_attribute('value') and o.get_attribute('hidden') is None]
    check('pinjaman.macet' in shown and 'neraca.kas' not in shown,
          f'searching "macet" leaves these fields in the list: {shown}')
    Select(b.one('select[name="path"]', 'the field list', form)).select_by_value('pinjaman.macet')
    b.type_into(b.one('input[name="nilai"]', 'the nilai field', form), '80 juta')
    b.type_into(b.one('textarea[name="alasan"]', 'the alasan field', form), reason)
    b.submit(f'form.ubah-angka[action="/laporan/{laporan_id}/koreksi"] button', 'an examiner change with an invalid amount')
    status = b.document_status(f'/laporan/{laporan_id}/koreksi')
    problems = [e.text for e in b.css('.masalah li')]
    check(status == 422 and problems, f'an examiner change to "80 juta" answered HTTP {status} with problems {problems}')
    check(any('pinjaman.macet' in p or '80 juta' in p for p in problems),
          f'the refused examiner change does not name the field or the value: {problems}')
    check(b.status_badge()[0] == 'diajukan', f'after a refused change the status is {b.status_badge()}')
    check(not [e for e in b.css('ol.diubah .mono') if e.text.strip() == 'pinjaman.macet'],
          'a refused examiner change was recorded in the table of changes')
    b.shot('examiner-change-refused')
    check_language_link(b, 'the laporan page after a refused examiner change')
    form = b.one(f'form.ubah-angka[action="/laporan/{laporan_id}/koreksi"]', 'the change form')
    kept = {n: b.one(f'[name="{n}"]', within=form).get_attribute('value') for n in ('path', 'nilai', 'alasan')}
    check(kept == {'path': 'pinjaman.macet', 'nilai': '80 juta', 'alasan': reason},
          f'the refused examiner change must come back with what was typed (form now {kept})')
    b.type_into(b.one('input[name="nilai"]', 'the nilai field', form), '80.000.000')
    b.type_into(b.one('textarea[name="alasan"]', 'the alasan field', form), reason)
    b.submit(f'form.ubah-angka[action="/laporan/{laporan_id}/koreksi"] button', 'the examiner change')
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan page after the change')
    b.check_not_error('the examiner change')
    check(not b.css('.masalah'), f'the examiner change was refused: {[e.text for e in b.css(".masalah li")]}')
    rows = [li for li in b.css('ol.diubah > li') if [e for e in b.css('.mono', li) if e.text.strip() == 'pinjaman.macet']]
    check(rows, 'the change of pinjaman.macet does not appear in the table of examiner changes')
    row_text = rows[0].text
    check(reason in row_text, f'the change row does not show the reason; it reads {row_text!r}')
    check('80.000.000' in row_text, f'the change row does not show the new value 80.000.000: {row_text!r}')
    # The page shows both sides in one form (Rupiah with thousands dots), whatever form was stored or typed.
    check(macet_before in row_text, f'the change row does not show the value before ({macet_before}): {row_text!r}')
    check(b.one('.oleh', within=rows[0]).text.startswith('dinas'),
          f'the change row does not name the examiner: {row_text!r}')
    # Local time with its zone: the demo regency is in Jawa Timur (WIB), e.g. "7 Desember 2026 pukul 15.04 WIB".
    when = b.one('.oleh', within=rows[0]).text
    check(re.search(r'\d{4} pukul \d{2}\.\d{2} WIB$', when), f'the change row does not give local time with its zone: {when!r}')
    option = b.css('form.ubah-angka select[name="path"] option[value="pinjaman.macet"]')
    check(option and option[0].get_attribute('textContent').endswith('— Rp 80.000.000'),
          'the stored figures do not hold pinjaman.macet = 80.000.000 after the change: '
          f'{option[0].get_attribute("textContent") if option else "(not in the list)"}')
    b.d.execute_script('arguments[0].scrollIntoView({block: "center"});', rows[0])
    b.shot('examiner-change')
    # Evidence: a small file with a note; listed with its SHA-256 and served back byte for byte as a download.
    evidence_path = os.path.join(artefacts, 'rekening-koran.txt')
    evidence = 'Rekening koran KSP Maju Jaya, Januari 2026\nSetoran pelunasan pinjaman macet: 8.900.000\n'.encode()
    with open(evidence_path, 'wb') as f:
        f.write(evidence)
    form = b.one(f'form[action="/laporan/{laporan_id}/bukti"]', 'the evidence form')
    b.one('input[type="file"][name="berkas"]', 'the evidence file field', form).send_keys(evidence_path)
    b.type_into(b.one('textarea[name="catatan"]', 'the evidence note field', form), 'Bukti pelunasan (uji browser)')
    b.submit(f'form[action="/laporan/{laporan_id}/bukti"] button', 'attaching evidence')
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan page after attaching evidence')
    b.check_not_error('attaching evidence')
    links = [a for a in b.css('a[href^="/bukti/"]') if a.text.strip() == 'rekening-koran.txt']
    check(links, f'the evidence rekening-koran.txt is not listed; problems: {[e.text for e in b.css(".masalah li")]}')
    digest = hashlib.sha256(evidence).hexdigest()
    check(digest in b.d.page_source, f'the evidence is not listed with its SHA-256 {digest}')
    status, headers, body = b.fetch(urllib.parse.urlsplit(links[0].get_attribute('href')).path)
    check(status == 200 and body == evidence, f'the evidence download answered HTTP {status} with {len(body)} bytes')
    check('attachment' in headers.get('Content-Disposition', ''),
          f'the evidence is not served as an attachment: {headers.get("Content-Disposition")}')
    b.submit(f'form[action="/laporan/{laporan_id}/final"] button', 'finalising', confirm='final')
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan page after finalising')
    b.check_not_error('finalising')
    status = b.status_badge()
    check(status == ('final', 'Final'), f'after finalising, the status is {status}, expected Final')
    check(not b.css('form[action$="/koreksi"]') and not b.css('form[action$="/final"]'),
          'a final laporan still offers the review forms')
    check(b.css(f'form[action="/laporan/{laporan_id}/revisi"]'), 'a final laporan offers no correction form')
    final_score, final_predikat = score_and_predikat(b, 'the final laporan')
    b.check_no_overflow('the laporan page (final, with an examiner change)')
    b.shot('final', full=True)
    b.go('/wilayah')
    check(not b.css(f'details.liste a[href="/laporan/{laporan_id}"]'),
          'the final laporan is still listed as awaiting review on the regional dashboard')
    row = b.one(f'table.wilayah tr#k-{coop_id}', 'the KSP Maju Jaya row of the regional table')
    check('2025' in row.text and final_score in row.text,
          f'the regional table does not show the final 2025 score {final_score} of KSP Maju Jaya: {row.text!r}')
    check_region_export(b, artefacts)
    # A POST-only address opened with GET (a bookmark, the language link of a refused form): 405, and the page says so.
    b.go(f'/laporan/{laporan_id}/final')
    http = b.document_status(f'/laporan/{laporan_id}/final')
    shown = b.error_status()
    expect(http == 405 and shown == 405,
           f'GET /laporan/{laporan_id}/final (a POST-only address) answers HTTP {http} with an error page titled '
           f'{b.one("main h1").text!r}; expected 405 on both')
    b.go(f'/laporan/{laporan_id}')
    log(f'  5. examiner changed pinjaman.macet with a reason and finalised: {final_score} {final_predikat}')

    # 6. Downloads: the links on the page, fetched with the browser's session.
    pdf_href = b.one(f'a[href="/laporan/{laporan_id}/unduh.pdf"]', 'the PDF download link').get_attribute('href')
    status, headers, pdf = b.fetch(urllib.parse.urlsplit(pdf_href).path)
    check(status == 200, f'the PDF download answered HTTP {status}: {pdf[:300]!r}')
    check(pdf.startswith(b'%PDF'), f'the PDF download does not start with %PDF: {pdf[:40]!r}')
    check(len(pdf) > 10 * 1024, f'the PDF download has only {len(pdf)} bytes')
    check(headers.get('Content-Type', '').startswith('application/pdf'), f'the PDF is served as {headers.get("Content-Type")}')
    with open(os.path.join(artefacts, f'laporan-{laporan_id}.pdf'), 'wb') as f:
        f.write(pdf)
    xlsx_href = b.one(f'a[href="/laporan/{laporan_id}/unduh.xlsx"]', 'the XLSX download link').get_attribute('href')
    status, headers, xlsx = b.fetch(urllib.parse.urlsplit(xlsx_href).path)
    check(status == 200 and xlsx.startswith(b'PK'), f'the XLSX download answered HTTP {status}, starting {xlsx[:20]!r}')
    with open(os.path.join(artefacts, f'laporan-{laporan_id}.xlsx'), 'wb') as f:
        f.write(xlsx)
    # And once through the browser itself: the link downloads a file (Content-Disposition: attachment).
    for name in os.listdir(b.downloads):
        os.remove(os.path.join(b.downloads, name))
    b.click(b.one(f'a[href="/laporan/{laporan_id}/unduh.xlsx"]'))
    done = b.wait(lambda d: [n for n in os.listdir(b.downloads) if n.endswith('.xlsx')] or False,
                  'the browser to download the XLSX file')
    with open(os.path.join(b.downloads, done[0]), 'rb') as f:
        check(f.read(2) == b'PK', f'the XLSX the browser downloaded ({done[0]}) is not a zip file')
    log(f'  6. PDF {len(pdf)} bytes, XLSX {len(xlsx)} bytes; the browser downloaded {done[0]}')

    # 7. English, and back.
    b.click(b.one('header a.bahasa[lang="en"]', 'the English language link'))
    b.wait(lambda d: d.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'en', 'the page in English')
    b.ready()
    h1 = b.one('main h1').text
    check(h1.startswith('Health assessment'), f'the English laporan page is titled {h1!r}')
    check(b.status_badge()[1] == 'Final', f'the English status reads {b.status_badge()[1]!r}')
    check('Summary by aspect' in b.d.page_source, 'the English laporan page lacks "Summary by aspect"')
    b.check_no_overflow('the laporan page in English')
    b.shot('english')
    b.click(b.one('header a.bahasa[lang="id"]', 'the Indonesian language link'))
    b.wait(lambda d: d.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'id', 'the page in Indonesian')
    b.ready()
    check(b.one('main h1').text.startswith('Penilaian kesehatan'), 'switching back to Indonesian did not work')
    log_out(b)
    log('  7. switched to English and back')

    # 8. A member: the final result only. A fresh draft of another period must stay hidden.
    hidden_draft = api_create_draft(server.base, 'majujaya.pengurus', coop_id, '2026-12-31')
    log_in(b, 'majujaya.anggota', rf'/koperasi/{coop_id}')
    b.check_not_error('the member dashboard')
    history = b.css('table tbody a[href^="/laporan/"]')
    hrefs = [urllib.parse.urlsplit(a.get_attribute('href')).path for a in history]
    check(f'/laporan/{laporan_id}' in hrefs, f'the member does not see the final 2025 laporan in the history: {hrefs}')
    check(f'/laporan/{hidden_draft}' not in hrefs, 'the member sees the 2026 draft in the history')
    check(all(b.css('span.status.s-final', tr) for tr in b.css('table tbody tr')),
          'the member history lists a laporan that is not final')
    card_score = b.one('section.kartu .skor-kepala .skor', 'the latest assessment card').text.split('/')[0].strip()
    check(card_score == final_score, f'the member dashboard shows {card_score}, the final score is {final_score}')
    check(not b.css('a[href$="/laporan/baru"]'), 'the member is offered "Buat laporan"')
    check(not b.css('a[href$="/audit"]'), 'the member is offered the audit trail')
    b.check_no_overflow('the cooperative dashboard (member)')
    b.shot('dashboard-anggota')
    b.go(f'/laporan/{laporan_id}')
    b.check_not_error('the member opening the final laporan')
    check(b.status_badge()[0] == 'final', f'the member sees status {b.status_badge()}')
    check(score_and_predikat(b, 'the final laporan (member)') == (final_score, final_predikat),
          'the member sees another score than the examiner finalised')
    check(not b.css('form[action^="/laporan/"]') and not b.css('a[href$="/ubah"]'),
          'the member is offered a form or an edit link on the final laporan')
    status, _, body = b.fetch(f'/laporan/{laporan_id}/unduh.pdf')
    check(status == 200 and body.startswith(b'%PDF'), f'the member cannot download the final PDF (HTTP {status})')
    refused = [('/wilayah', (403,)), ('/admin', (403,)), (f'/laporan/{hidden_draft}', (403, 404)),
               (f'/laporan/{laporan_id}/ubah', (403,)), (f'/koperasi/{coop_id}/laporan/baru', (403,)),
               (f'/koperasi/{coop_id}/audit', (403,))]
    if other_laporan:
        refused.append((f'/laporan/{other_laporan}', (403, 404)))
    for path, expected in refused:
        b.go(path)
        shown = b.error_status()
        http = b.document_status(urllib.parse.urlsplit(b.base + path).path)
        check(shown in expected and http == shown,
              f'the member opening {path}: page shows {shown}, HTTP {http}; expected the {expected} error page')
        if path == '/wilayah':
            b.check_no_overflow('the 403 page')
            b.shot('anggota-forbidden')
    status, _, body = b.fetch(f'/laporan/{hidden_draft}/unduh.pdf')
    check(status in (403, 404), f'the member downloading the draft\'s PDF got HTTP {status}')
    log(f'  8. member sees the final laporan; refused: {", ".join(p for p, _ in refused)}')

    # Everything the browser asked for stayed on 127.0.0.1, and no script or CSP error was logged.
    urls, foreign = b.foreign_requests()
    check(len(urls) > 20, f'the performance log recorded only {len(urls)} requests; is it working?')
    expect(not foreign, f'requests left 127.0.0.1: {sorted(set(foreign))[:10]}')
    # Refusals the flow provokes on purpose log "Failed to load resource ... status of 4xx"; anything else (a
    # script error, a Content-Security-Policy violation, a missing asset) is a failure.
    bad = [e['message'] for e in b.console
           if e.get('level') == 'SEVERE' and not re.search(r'favicon\.ico|status of (403|404|405|422)', e['message'])]
    expect(not bad, f'the browser console has errors: {bad[:5]}')
    log(f'  network: {len(urls)} requests ({len(foreign)} not to 127.0.0.1); {len(bad)} console errors')
    check(server.alive(), f'the server died during the flow{server.tail()}')


def main(flow=None, description=None):
    """Runs `flow(browser, server, artefacts)` (this file's `run` by default) against a fresh demo server and reports.
    Other browser tests (kkpkk_form_test.py) call it with their own flow."""
    flow = flow or run
    ap = argparse.ArgumentParser(description=description or __doc__.split('\n\n')[0])
    ap.add_argument('--binary', required=True, help='the kopsehat binary')
    ap.add_argument('--artefacts', required=True, help='directory for screenshots, downloads and logs')
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    artefacts = os.path.abspath(args.artefacts)
    for path in (binary, CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            print(f'FAIL: {path} is missing or not executable', file=sys.stderr)
            return 1
    shutil.rmtree(artefacts, ignore_errors=True)
    os.makedirs(artefacts)

    def interrupted(signum, _frame):
        raise Failure(f'interrupted by signal {signum}')
    signal.signal(signal.SIGTERM, interrupted)  # so the server and the browser are still stopped
    started = time.monotonic()
    server = Server(binary, artefacts)
    browser = None
    failure = None
    try:
        server.start()
        log(f'server at {server.base} (data {server.data_dir})')
        browser = Browser(artefacts, server)
        flow(browser, server, artefacts)
    except Failure as e:
        failure = str(e)
    except WebDriverException as e:
        failure = f'browser error: {e.__class__.__name__}: {e.msg or e}'
    except Exception:  # noqa: BLE001 - any other error is a failure of the test with its traceback
        failure = 'unexpected error:\n' + traceback.format_exc()
    if failure is not None and browser is not None:
        try:
            browser.shot('failure', full=True)
            with open(os.path.join(artefacts, 'failure-page.html'), 'w', encoding='utf-8') as f:
                f.write(browser.d.page_source)
        except Exception:  # noqa: BLE001 - the browser may be gone
            pass
    if browser is not None:
        try:
            browser.quit()
        except Exception:  # noqa: BLE001
            pass
    problems = list(EXPECTATIONS)
    died = server.proc is not None and not server.alive()
    if failure is not None:
        # The server's last lines (its access log, or why it died) come with a failure that stopped the flow.
        problems.insert(0, failure if '\n  server ' in failure else failure + server.tail())
    code = server.stop()
    if code not in (0, None) and not died:
        problems.append(f'the server exited with code {code} after SIGTERM (expected 0){server.tail()}')
    sanitizer = re.search(r'(ERROR: (Address|Leak|Thread)Sanitizer.*|runtime error:.*)', server.stderr_text())
    if sanitizer:
        problems.append(f'the server reported a sanitizer error: {sanitizer.group(1)}{server.tail()}')
    for note in (browser.notes if browser else []):
        log(f'  note: {note}')
    elapsed = time.monotonic() - started
    if problems:
        listed = problems[0] if len(problems) == 1 else '\n' + '\n'.join(f'  - {p}' for p in problems)
        print(f'FAIL ({elapsed:.1f} s): {listed}\n  artefacts: {artefacts}', file=sys.stderr)
        return 1
    log(f'PASS ({elapsed:.1f} s); screenshots in {artefacts}')
    return 0

if __name__ == '__main__':
    sys.exit(main())
