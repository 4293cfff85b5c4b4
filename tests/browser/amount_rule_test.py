#!/usr/bin/python3
"""One rule for amounts: the web form's live preview (kopsehat.js, in Chromium) reads an amount exactly as the
server's reader does, or refuses it exactly when the server refuses it.

For every input of a table of the forms people type (Indonesian and English separators, "Rp", ",-", brackets,
signs, ambiguous "1.250", junk), the server's answer is taken from `kopsehat convert` on the bundled example with
that input as last year's cash (read back from the JSON, or the problem of that line), and the browser's from the
script's own amount function, evaluated in the page. Any difference fails.

    /usr/bin/python3 tests/browser/amount_rule_test.py --binary build/kopsehat --artefacts /tmp/browser-amount
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flow_test as ft  # noqa: E402  (the server and browser of the main flow)

KEY = 'periode_lalu.neraca.kas'
INPUTS = [
    '1250000', '1.250.000', '1.250.000,50', '1.250.000,5', 'Rp 1.250.000', 'Rp1.250.000,-', 'Rp. 1.250.000',
    '1250000.50', '1250000,50', '1,250,000.50', '1,250,000', '(1.250.000)', '-1.250.000', '- 1.250.000',
    '1.250', '1,250', 'Rp 1.250', '1.250,-', '12,5', '12.5', '0,50', '0.5', ',5', '.5', '1.2.3', '1.25.000',
    '1.250.000,505', 'abc', '1e6', '+100', '1 250 000', '1\u00a0250\u00a0000', 'Rp', '--5', '(5', '1.250.000-',
    '007', '99999999999999', '1.000.000.000.000', '٣', 'Rp 0', '0', '1250,500', '1250,505', '1250.', '1250,',
    'Rp -1.000.000', '-Rp 1.000', '(Rp 1.000)', '1.250.000,-', '1 250 000,50', '12 5', ' 1.250.000 ', '1,250,000,50',
    '1.250,000', '1.250.000.5', '1\t250\t000', '(-5)', '1000000000000000', '1.000.000.000.000.000', 'Rp.1.000,-',
]


def server_reading(binary, example_csv, value):
    """('value', sen) | ('negative', None) | ('refused', message) as `kopsehat convert` reads `value`."""
    lines = []
    for line in example_csv.splitlines():
        if line.startswith(KEY + ';'):
            rest = line.split(';', 2)
            line = ';'.join([KEY, value] + rest[2:])
        lines.append(line)
    with tempfile.NamedTemporaryFile('w', suffix='.csv', delete=False, encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
        path = f.name
    try:
        out = subprocess.run([binary, 'convert', path, '--to', 'json'], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode == 0:
        amount = json.loads(out.stdout)['periode_lalu']['neraca']['kas']
        return 'value', int(Decimal(str(amount)) * 100)
    mine = [l for l in out.stderr.splitlines() if f'({KEY})' in l]
    if not mine:
        raise ft.Failure(f'kopsehat convert refused {value!r} but not on {KEY}: {out.stderr}')
    if mine[0].rstrip().endswith('tidak boleh negatif'):
        return 'negative', None
    return 'refused', mine[0].strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', required=True)
    ap.add_argument('--artefacts', required=True)
    args = ap.parse_args()
    os.makedirs(args.artefacts, exist_ok=True)
    example = subprocess.run([args.binary, 'convert', os.path.join(ft.ROOT, 'examples', 'ksp-sejahtera-bersama-2025.json'),
                              '--to', 'csv'], capture_output=True, text=True, check=True).stdout
    server = ft.Server(args.binary, args.artefacts)
    server.start()
    b = None
    failures = []
    try:
        b = ft.Browser(args.artefacts, server)
        b.go('/masuk')
        # The script's amount function lives in its closure: the same source, evaluated with one line that hands the
        # function out, so the code compared is the code served.
        with open(os.path.join(ft.ROOT, 'src', 'web', 'assets', 'kopsehat.js'), encoding='utf-8') as f:
            source = f.read()
        ft.check("'use strict';" in source, 'kopsehat.js no longer starts its closure with use strict')
        b.d.execute_script(source.replace("'use strict';", "'use strict'; window.__jumlah = sen;", 1))
        for value in INPUTS:
            kind, expected = server_reading(args.binary, example, value)
            got = b.d.execute_script('var v = window.__jumlah(arguments[0]); return isNaN(v) ? null : v;', value)
            ok = ((kind == 'value' and got == expected) or (kind == 'negative' and got is not None and got < 0)
                  or (kind == 'refused' and got is None))
            if not ok:
                failures.append(f'{value!r}: server {kind} {expected if expected is not None else ""}, '
                                f'browser {"refuses" if got is None else got}')
    finally:
        if b is not None:
            b.quit()
        server.stop()
    for f in failures:
        print('FAIL:', f)
    if failures:
        return 1
    print(f'PASS: {len(INPUTS)} amounts read alike by the form script and the server')
    return 0


if __name__ == '__main__':
    sys.exit(main())
