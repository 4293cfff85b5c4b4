#!/usr/bin/python3
"""Browser test of the KKPKK self-assessment on a 390 px phone, and the examiner's review of a checklist answer.

A board (majujaya.pengurus of the demo) starts a laporan, finds kkpkk-2021 chosen for its period, fills in the
statements and answers the Tata kelola checklists by tapping Ya/Tidak (each target at least 44 px high, the counts
kept live by the script), saves half-way, sees "Draf belum lengkap" with what is missing, comes back with everything
kept, answers the rest, saves (a score and a predikat now) and submits. The Dinas examiner changes one checklist
answer with a reason through the item list of the review form, sees it in "Butir yang diubah pemeriksa" with the
original and the new answer, and finalises. The plan page of the KKPKK laporan says in words that it is not
available yet, with a link back. The figures are the bundled example's (kopsehat convert --to csv --metode
kkpkk-2021), for the half year ending 2026-06-30.

    /usr/bin/python3 tests/browser/kkpkk_form_test.py --binary build/kopsehat --artefacts /tmp/browser-kkpkk

Uses the server, browser and helpers of flow_test.py; exit code 0 when every check passes.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flow_test as ft  # noqa: E402  (the helpers of the main browser flow)
from flow_test import check, expect, log  # noqa: E402

ft.PHONE = (390, 844)  # a common phone of 2024-2026; narrower than the main flow's 412 px
PERIODE = '2026-06-30'  # a half-year close: the demo holds every year end from 2020 to 2025
TAP_MIN_PX = 44  # WCAG 2.5.5 target size


def example_values(binary):
    """Every key of the kkpkk-2021 template with the bundled example's value, except identity, period and method
    (the form has the cooperative's own identity and the period chosen) and the 2016 method's manajemen answers
    the example also carries (not asked by this method's form)."""
    out = subprocess.run([binary, 'convert', os.path.join(ft.ROOT, 'examples', 'ksp-sejahtera-bersama-2025.json'),
                          '--to', 'csv', '--metode', 'kkpkk-2021'], capture_output=True, text=True, check=True)
    values = {}
    for line in out.stdout.splitlines():
        if line.startswith('#') or line.startswith('kunci;') or ';' not in line:
            continue
        key, value = line.split(';')[:2]
        if value and not key.startswith(('koperasi.', 'manajemen.')) and key not in ('periode.akhir', 'metode'):
            values[key] = value
    check(len(values) > 150, f'the example gives only {len(values)} values for kkpkk-2021')
    return values


def set_value(b, name, value):
    """A text field filled by script (some 100 of them: typing each would take minutes at phone speed)."""
    ok = b.d.execute_script(
        'var e = document.querySelector(\'form.laporan input[name="\' + arguments[0] + \'"]:not([type=radio])\');'
        'if (!e) return false; e.value = arguments[1]; e.dispatchEvent(new Event("input", {bubbles: true}));'
        'return true;', name, value)
    check(ok, f'the form has no field {name}')


def tap_answer(b, key, value):
    """Taps the Ya or Tidak of a checklist item as a thumb would: on its label, which must be a large target."""
    label = b.d.execute_script(
        'var i = document.querySelector(\'input[type=radio][name="\' + arguments[0] + \'"][value="\' + arguments[1]'
        ' + \'"]\'); return i ? i.closest("label") : null;', key, value)
    check(label is not None, f'no {value} choice for {key}')
    height = b.d.execute_script('return arguments[0].getBoundingClientRect().height;', label)
    expect(height >= TAP_MIN_PX, f'the {value} target of {key} is {height:.0f} px high, under {TAP_MIN_PX} px')
    # A touch at the label's centre (CDP), as a thumb taps. (A page wider than the phone, as the edit page once was
    # with a long key in its problem list, widens the layout viewport and such taps land elsewhere.)
    b.d.execute_script('arguments[0].scrollIntoView({block: "center"});', label)
    x, y = b.d.execute_script('var r = arguments[0].getBoundingClientRect();'
                              'return [r.left + r.width / 2, r.top + r.height / 2];', label)
    for kind, points in (('touchStart', [{'x': x, 'y': y}]), ('touchEnd', [])):
        b.d.execute_cdp_cmd('Input.dispatchTouchEvent', {'type': kind, 'touchPoints': points})
    chosen = ('var i = document.querySelector(\'input[type=radio][name="\' + arguments[0] + \'"][value="\' + arguments[1]'
              ' + \'"]\'); return i !== null && i.checked;')
    checked = b.d.execute_script(chosen, key, value)
    check(checked, f'tapping {value} of {key} did not choose it')


def counts(b):
    return b.one('.terjawab-semua', 'the overall count of answered items').text.strip()


def run(b, server, artefacts):
    values = example_values(server.binary)
    checklist = {k: v for k, v in values.items() if k.startswith('daftar_periksa.')}
    first_half = {k: v for k, v in checklist.items() if re.match(r'daftar_periksa\.kkpkk\.(prinsip|kelembagaan)', k)}
    check(0 < len(first_half) < len(checklist), f'half of the checklist is {len(first_half)} of {len(checklist)}')

    # 1. The board starts a laporan: the method in force for the period is chosen already.
    m = ft.log_in(b, 'majujaya.pengurus', r'/koperasi/(\d+)')
    coop_id = int(m.group(1))
    b.click(b.one(f'a[href="/koperasi/{coop_id}/laporan/baru"]', 'the "Buat laporan" button'))
    b.wait_path(rf'/koperasi/{coop_id}/laporan/baru', 'the choice of the method')
    chosen = b.one('input[name="metode"]:checked', 'the method chosen').get_attribute('value')
    check(chosen == 'kkpkk-2021', f'the method chosen for the current period is {chosen}, not kkpkk-2021')
    b.check_no_overflow('the choice of the method')
    b.shot('kkpkk-method-choice')
    b.type_into(b.one('input[name="periode"]', 'the period field'), PERIODE)
    b.submit('form[method="get"] button', 'continuing to the form')
    b.wait_path(rf'/koperasi/{coop_id}/laporan/baru', 'the KKPKK form')
    b.check_not_error('the KKPKK form')
    aspects = [e.find_element(ft.By.TAG_NAME, 'h3').text for e in b.css('section.aspek-periksa')]
    check(aspects[:2] == ['Tata kelola', 'Profil risiko'], f'the checklists are grouped as {aspects}')
    check(b.css('details.lalu[open]'), 'last year is not open, though kkpkk-2021 reads it')
    check(counts(b).startswith('Daftar periksa: 0 dari '), f'a new form counts {counts(b)!r}')
    b.check_no_overflow('the KKPKK form', fatal=False)
    b.shot('kkpkk-form-empty')
    log(f'  1. new laporan for {PERIODE}: kkpkk-2021 chosen; aspects {aspects}')

    # 2. Half-way: the statements, and the Tata kelola principles and institution answered by tapping; saved.
    kas = b.one('form.laporan input[name="neraca.kas"]', 'the neraca.kas field')
    b.type_into(kas, values['neraca.kas'])
    for key, value in values.items():
        if not key.startswith('daftar_periksa.') and key != 'neraca.kas':
            set_value(b, key, value)
    for key, value in first_half.items():
        tap_answer(b, key, value)
    live = counts(b)
    check(live.startswith(f'Daftar periksa: {len(first_half)} dari {len(checklist)} '),
          f'after {len(first_half)} answers the live count reads {live!r}')
    preview = b.one('#a-tata_kelola .pratinjau', 'the Tata kelola preview').text
    check(re.search(r'Ya \d+ dari \d+ butir \(\d+ %\)', preview), f'the Tata kelola preview reads {preview!r}')
    b.d.execute_script('arguments[0].scrollIntoView({block: "start"});', b.one('#a-tata_kelola'))
    b.shot('kkpkk-form-half')
    b.submit('form.laporan p.kirim button', 'saving the half-way draft')
    laporan_id = int(b.wait_path(r'/laporan/(\d+)', 'the incomplete draft').group(1))
    card = b.one('#belum-lengkap', 'the "Draf belum lengkap" card').text
    check('Draf belum lengkap' in card, f'the half-way draft does not say it is incomplete: {card!r}')
    check(not b.css('form[action$="/ajukan"]'), 'an incomplete draft offers "Ajukan ke Dinas"')
    missing = [li.text for li in b.css('#belum-lengkap ol li')]
    check(missing and all(' — ' in t for t in missing), f'the missing items are not labelled: {missing[:5]}')
    b.check_no_overflow('the incomplete draft')
    b.shot('kkpkk-incomplete', full=True)
    log(f'  2. saved half-way as /laporan/{laporan_id}: {len(missing)} things missing, e.g. {missing[0]!r}')

    # 3. Back to the form: everything typed is there, the counts are the server's; the rest is answered; saved.
    b.click(b.one(f'#belum-lengkap a[href="/laporan/{laporan_id}/ubah"]', 'the "Lanjutkan mengisi" button'))
    b.wait_path(rf'/laporan/{laporan_id}/ubah', 'the form of the incomplete draft')
    snapshot = ft.form_snapshot(b)
    lost = {k: (v, snapshot.get(k)) for k, v in list(values.items()) if not k.startswith('daftar_periksa.')
            and ft.other_spelling(snapshot.get(k) or '0') != ft.other_spelling(v) and snapshot.get(k) != v}
    check(not lost, f'coming back lost {len(lost)} typed values: {dict(list(lost.items())[:5])}')
    lost = {k for k, v in first_half.items() if snapshot.get(k) != v}
    check(not lost, f'coming back lost answers: {sorted(lost)[:5]}')
    check(counts(b).startswith(f'Daftar periksa: {len(first_half)} dari '), f'coming back counts {counts(b)!r}')
    for key, value in checklist.items():
        if key not in first_half:
            tap_answer(b, key, value)
    check(counts(b).startswith(f'Daftar periksa: {len(checklist)} dari {len(checklist)} '),
          f'with every item answered the count reads {counts(b)!r}')
    b.submit('form.laporan p.kirim button', 'saving the complete draft')
    b.wait_path(rf'/laporan/{laporan_id}', 'the assessed draft')
    check(not b.css('#belum-lengkap'), f'the complete draft is still incomplete: '
                                       f'{[li.text for li in b.css("#belum-lengkap li")][:5]}')
    score, predikat = ft.score_and_predikat(b, 'the assessed KKPKK draft')
    check('kkpkk-2021' in b.one('main').text, 'the assessed draft does not name kkpkk-2021')
    b.check_no_overflow('the assessed KKPKK draft')
    b.shot('kkpkk-assessed', full=True)
    log(f'  3. completed and assessed: {score} {predikat}')

    # 4. Submitted to the Dinas.
    b.submit(f'form[action="/laporan/{laporan_id}/ajukan"] button', 'submitting the KKPKK draft', confirm='Dinas')
    b.wait_path(rf'/laporan/{laporan_id}', 'the submitted laporan')
    check(b.status_badge()[0] == 'diajukan', f'after submitting the status is {b.status_badge()}')
    ft.log_out(b)
    log('  4. submitted')

    # 5. The examiner changes one checklist answer with a reason, through the item list; then finalises.
    ft.log_in(b, 'dinas', r'/wilayah')
    b.go(f'/laporan/{laporan_id}')
    b.check_not_error('the examiner opening the KKPKK laporan')
    key = 'daftar_periksa.kkpkk.prinsip_keanggotaan[3]'
    original = checklist[key]
    changed = 'Tidak' if original == 'Ya' else 'Ya'
    form = b.one('form.ubah-butir', 'the checklist change form')
    option = b.one(f'select[name="path"] option[value="{key}"]', 'the item in the list', form)
    check(f'sekarang: {original}' in option.text, f'the item list says {option.text!r}, not its answer {original}')
    b.d.execute_script('arguments[0].selected = true;', option)
    b.click(b.d.execute_script(f'return arguments[0].querySelector(\'input[name="nilai"][value="{changed}"]\')'
                               '.closest("label");', form))
    reason = 'Buku daftar anggota semester I 2026: 41 masuk, 57 keluar.'
    b.type_into(b.one('textarea[name="alasan"]', 'the reason', form), reason)
    b.d.execute_script('arguments[0].scrollIntoView({block: "start"});', form)
    b.shot('kkpkk-examiner-change')
    b.submit('form.ubah-butir button', 'the examiner changing a checklist answer')
    b.wait_path(rf'/laporan/{laporan_id}', 'the laporan after the change')
    check(not b.css('.masalah'), f'the change was refused: {[e.text for e in b.css(".masalah li")]}')
    rows = [li.text for li in b.css('ol.diubah > li')]
    check(len(rows) == 1, f'"Butir yang diubah pemeriksa" lists {len(rows)} items')
    check('Keanggotaan sukarela dan terbuka, butir 3' in rows[0] and reason in rows[0] and 'dinas' in rows[0],
          f'the changed item reads {rows[0]!r}')
    shown = [b.one('ol.diubah .asal').text.strip(), b.one('ol.diubah .baru').text.strip()]
    check(shown == [original, changed], f'original and new answer read {shown}')
    b.d.execute_script('arguments[0].scrollIntoView({block: "start"});', b.one('#diubah-pemeriksa'))
    b.shot('kkpkk-items-changed')
    b.submit(f'form[action="/laporan/{laporan_id}/final"] button', 'finalising', confirm='final')
    b.wait_path(rf'/laporan/{laporan_id}', 'the final laporan')
    check(b.status_badge()[0] == 'final', f'after finalising the status is {b.status_badge()}')
    log(f'  5. examiner changed {key} {original} → {changed} and finalised')

    # 6. The plan of a KKPKK laporan (issue 17): the planner takes the method in force, checklist items included.
    b.go(f'/laporan/{laporan_id}/rencana')
    status = b.document_status(f'/laporan/{laporan_id}/rencana')
    check(status == 200, f'the plan page of a KKPKK laporan answers HTTP {status}')
    text = b.one('main').text
    check(b.one('main h1').text.strip() == 'Jalan menuju SEHAT', f'the plan page reads {text[:200]!r}')
    check('belum tersedia' not in text and 'target' in text, f'the plan page reads {text[:300]!r}')
    check('Target sudah tercapai' in text or 'Langkah' in text or 'Rencana terbaik' in text,
          f'the plan page shows neither steps nor a reached target: {text[:400]!r}')
    b.one(f'main a[href="/laporan/{laporan_id}"]', 'the link back to the laporan')
    b.check_no_overflow('the plan page')
    b.shot('kkpkk-plan')
    b.check_local_only()
    log('  6. the plan page of the KKPKK laporan shows its plan, with a link back')


if __name__ == '__main__':
    sys.exit(ft.main(run, description=__doc__.split('\n\n')[0]))
