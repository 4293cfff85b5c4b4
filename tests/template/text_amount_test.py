#!/usr/bin/python3
"""The XLSX template's check rows when an amount is typed as text, recalculated by LibreOffice.

People type "42.350.000" into a cell that the spreadsheet then holds as text; Kopsehat reads it, but a formula that
adds cells with "+" turns into #VALUE!. The template's totals use SUM and its check rows say in words that the sheet
cannot check a text amount. This test writes the bundled example as an XLSX template (kopsehat convert), turns the
Neraca's first amount and the Pinjaman's first amount into text cells, has LibreOffice recalculate every formula on
load (a throw-away profile with OOXMLRecalcMode = 0) and export every sheet as CSV, and checks what the check rows
show; the untouched file must still show SEIMBANG and SESUAI.

    /usr/bin/python3 tests/template/text_amount_test.py --binary build/kopsehat --work /tmp/text-amount
"""

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROFILE = '''<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
'''
# What a check row must say: how many amounts are text and a cell that holds one (the one made text here).
TEXT_CHECK = 'BELUM DIPERIKSA: 1 angka berupa teks, mis. sel {cell} (Kopsehat tetap membacanya)'


def sheet_paths(z):
    """Sheet name -> its part in the package, from the workbook and its relationships."""
    wb = z.read('xl/workbook.xml').decode()
    rels = z.read('xl/_rels/workbook.xml.rels').decode()
    target = dict(re.findall(r'<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    target.update({i: t for t, i in re.findall(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    out = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="([^"]+)"', wb):
        out[name] = 'xl/' + target[rid].lstrip('/').replace('xl/', '', 1)
    return out


def as_text(xml):
    """The first numeric cell of column B becomes an inline string in the people's form ("Rp 42.350.000"); returns
    the sheet and the cell's name."""
    m = re.search(r'<c r="(B\d+)"((?: s="\d+")?)><v>(\d+)</v></c>', xml)
    if not m:
        raise SystemExit('FAIL: no numeric cell in column B to turn into text')
    shown = 'Rp ' + f'{int(m.group(3)):,}'.replace(',', '.')
    return xml.replace(m.group(0), f'<c r="{m.group(1)}"{m.group(2)} t="inlineStr"><is><t>{shown}</t></is></c>',
                       1), m.group(1)


def recalc(work, xlsx):
    out = os.path.join(work, 'out-' + os.path.basename(xlsx))
    subprocess.run(['soffice', f'-env:UserInstallation=file://{work}/profile', '--headless', '--convert-to',
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
                    '--outdir', out, xlsx], check=True, capture_output=True, timeout=300)
    stem = os.path.splitext(os.path.basename(xlsx))[0]
    values = {}
    for sheet in ('Neraca', 'Pinjaman'):
        with open(os.path.join(out, f'{stem}-{sheet}.csv'), encoding='utf-8') as f:
            values[sheet] = [row[1] for row in csv.reader(f) if row and row[0] == 'Pemeriksaan']
    return values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', required=True)
    ap.add_argument('--work', required=True)
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, 'profile', 'user'))
    with open(os.path.join(work, 'profile', 'user', 'registrymodifications.xcu'), 'w') as f:
        f.write(PROFILE)
    plain = os.path.join(work, 'laporan.xlsx')
    subprocess.run([args.binary, 'convert', os.path.join(ROOT, 'examples', 'ksp-sejahtera-bersama-2025.json'),
                    '--to', 'xlsx', '--out', plain], check=True, capture_output=True)
    typed = os.path.join(work, 'laporan-teks.xlsx')
    with zipfile.ZipFile(plain) as z, zipfile.ZipFile(typed, 'w', zipfile.ZIP_DEFLATED) as out:
        parts = sheet_paths(z)
        changed = {parts['Neraca']: 'Neraca', parts['Pinjaman']: 'Pinjaman'}
        cell_of = {}
        for name in z.namelist():
            data = z.read(name)
            if name in changed:
                data, cell_of[changed[name]] = as_text(data.decode())
            out.writestr(name, data)
    failures = []
    before = recalc(work, plain)
    if before != {'Neraca': ['SEIMBANG'], 'Pinjaman': ['SESUAI']}:
        failures.append(f'the untouched template checks {before}')
    after = recalc(work, typed)
    for sheet, rows in after.items():
        want = TEXT_CHECK.format(cell=cell_of[sheet])
        if rows != [want]:
            failures.append(f'{sheet} with a text amount checks {rows}, not {want!r}')
    # Kopsehat itself reads the text amounts: the same total as the untouched file.
    a = subprocess.run([args.binary, 'assess', plain, '--format', 'json'], capture_output=True, text=True)
    b = subprocess.run([args.binary, 'assess', typed, '--format', 'json'], capture_output=True, text=True)
    if a.returncode != 0 or a.stdout != b.stdout:
        failures.append(f'kopsehat reads the text amounts differently (exit {a.returncode}/{b.returncode}): '
                        f'{b.stderr[:300]}')
    for f in failures:
        print('FAIL:', f)
    if not failures:
        print('PASS: text amounts keep the check rows in words, and Kopsehat reads them')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
