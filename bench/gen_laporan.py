#!/usr/bin/env python3
"""Deterministic generator of realistic synthetic savings-and-loan cooperatives (kopsehat/laporan-v1), one JSON
document per line (JSONL), for the batch benchmark.

    python3 bench/gen_laporan.py --count 130000 --seed 1 > bench/data/national.jsonl

Every laporan is valid by construction (laporan-v1 §1): the balance sheet balances to the sen (cadangan_umum is the
balancing figure, and is never negative), the current-year SHU on the balance sheet is the income statement's
result (negative in a loss year), problem loans and risky loans stay within loans outstanding, staff cost within
operating expenses, member loan volume within total volume. Amounts are computed in sen with integer arithmetic
only; an amount with a sen part is written as a decimal string ("123.45"), a few whole amounts as strings too, the
rest as JSON integers (Rupiah). Only random.Random integer draws are used, so a seed gives the same bytes on every
platform and Python version >= 3.2.
"""

import argparse
import json
import random
import sys

# Province -> a few of its kabupaten/kota.
WILAYAH = {
    "Aceh": ["Aceh Besar", "Pidie", "Bireuen", "Aceh Utara", "Kota Banda Aceh", "Kota Lhokseumawe"],
    "Sumatera Utara": ["Deli Serdang", "Langkat", "Simalungun", "Asahan", "Kota Medan", "Kota Pematangsiantar"],
    "Sumatera Barat": ["Agam", "Tanah Datar", "Pesisir Selatan", "Kota Padang", "Kota Bukittinggi"],
    "Riau": ["Kampar", "Bengkalis", "Indragiri Hilir", "Rokan Hulu", "Kota Pekanbaru", "Kota Dumai"],
    "Jambi": ["Muaro Jambi", "Batang Hari", "Kerinci", "Kota Jambi"],
    "Sumatera Selatan": ["Ogan Komering Ilir", "Banyuasin", "Musi Banyuasin", "Kota Palembang"],
    "Bengkulu": ["Rejang Lebong", "Bengkulu Utara", "Kota Bengkulu"],
    "Lampung": ["Lampung Tengah", "Lampung Selatan", "Pringsewu", "Tanggamus", "Kota Bandar Lampung", "Kota Metro"],
    "Kepulauan Bangka Belitung": ["Bangka", "Belitung", "Kota Pangkalpinang"],
    "Kepulauan Riau": ["Bintan", "Karimun", "Kota Batam", "Kota Tanjungpinang"],
    "DKI Jakarta": ["Kota Jakarta Selatan", "Kota Jakarta Timur", "Kota Jakarta Barat", "Kota Jakarta Utara"],
    "Jawa Barat": ["Bogor", "Bandung", "Garut", "Tasikmalaya", "Cirebon", "Sukabumi", "Karawang", "Kota Bandung",
                   "Kota Bekasi", "Kota Depok"],
    "Jawa Tengah": ["Banyumas", "Cilacap", "Klaten", "Sragen", "Boyolali", "Pati", "Kudus", "Jepara", "Kota Semarang",
                    "Kota Surakarta"],
    "DI Yogyakarta": ["Sleman", "Bantul", "Kulon Progo", "Gunungkidul", "Kota Yogyakarta"],
    "Jawa Timur": ["Probolinggo", "Malang", "Jember", "Banyuwangi", "Sidoarjo", "Kediri", "Tulungagung", "Pasuruan",
                   "Kota Surabaya", "Kota Malang"],
    "Banten": ["Serang", "Pandeglang", "Lebak", "Tangerang", "Kota Tangerang", "Kota Cilegon"],
    "Bali": ["Badung", "Gianyar", "Tabanan", "Buleleng", "Karangasem", "Kota Denpasar"],
    "Nusa Tenggara Barat": ["Lombok Timur", "Lombok Tengah", "Bima", "Sumbawa", "Kota Mataram"],
    "Nusa Tenggara Timur": ["Kupang", "Sikka", "Ende", "Manggarai", "Kota Kupang"],
    "Kalimantan Barat": ["Sanggau", "Sintang", "Ketapang", "Kubu Raya", "Kota Pontianak"],
    "Kalimantan Tengah": ["Kotawaringin Timur", "Kapuas", "Kota Palangka Raya"],
    "Kalimantan Selatan": ["Banjar", "Tanah Laut", "Hulu Sungai Selatan", "Kota Banjarmasin"],
    "Kalimantan Timur": ["Kutai Kartanegara", "Paser", "Berau", "Kota Samarinda", "Kota Balikpapan"],
    "Kalimantan Utara": ["Bulungan", "Nunukan", "Kota Tarakan"],
    "Sulawesi Utara": ["Minahasa", "Bolaang Mongondow", "Kota Manado", "Kota Bitung"],
    "Sulawesi Tengah": ["Donggala", "Poso", "Banggai", "Kota Palu"],
    "Sulawesi Selatan": ["Gowa", "Bone", "Maros", "Wajo", "Sidenreng Rappang", "Kota Makassar", "Kota Parepare"],
    "Sulawesi Tenggara": ["Kolaka", "Konawe", "Muna", "Kota Kendari"],
    "Gorontalo": ["Gorontalo", "Boalemo", "Kota Gorontalo"],
    "Sulawesi Barat": ["Majene", "Polewali Mandar", "Mamuju"],
    "Maluku": ["Maluku Tengah", "Seram Bagian Barat", "Kota Ambon"],
    "Maluku Utara": ["Halmahera Utara", "Halmahera Selatan", "Kota Ternate"],
    "Papua": ["Jayapura", "Biak Numfor", "Kota Jayapura"],
    "Papua Barat": ["Manokwari", "Teluk Bintuni", "Fakfak"],
}
PROVINSI = sorted(WILAYAH)
# Roman numerals of the older province codes used in badan hukum numbers.
KODE_WILAYAH = {p: i + 1 for i, p in enumerate(PROVINSI)}
ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
          "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX",
          "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV"]

KATA1 = ["Sejahtera", "Makmur", "Mandiri", "Sentosa", "Maju", "Bina", "Mitra", "Karya", "Artha", "Dana", "Citra",
         "Harapan", "Berkah", "Amanah", "Sumber", "Tunas", "Surya", "Cahaya", "Mulia", "Jaya", "Sinar", "Usaha",
         "Bhakti", "Guna", "Tirta", "Rukun", "Setia", "Kencana"]
KATA2 = ["Bersama", "Abadi", "Utama", "Sakti", "Lestari", "Bahagia", "Rakyat", "Tani", "Nelayan", "Pertiwi",
         "Nusantara", "Mulya", "Raharja", "Santosa", "Wiguna", "Handayani", "Jaya", "Sejati", "Makmur", "Usaha",
         "Guru", "Pegawai", "Pasar", "Desa", "Wanita", "Mandiri"]
INDUK_USP = ["KUD", "Koperasi Serba Usaha", "KPRI", "Koperasi Karyawan", "Koperasi Wanita", "KSU"]

# Total assets, Rupiah: buckets [lo, hi) drawn with these weights (most cooperatives are small), uniform inside.
SIZE_BUCKETS = [
    (200_000_000, 500_000_000, 18), (500_000_000, 1_000_000_000, 17), (1_000_000_000, 2_000_000_000, 15),
    (2_000_000_000, 5_000_000_000, 14), (5_000_000_000, 10_000_000_000, 11), (10_000_000_000, 20_000_000_000, 9),
    (20_000_000_000, 50_000_000_000, 7), (50_000_000_000, 100_000_000_000, 4),
    (100_000_000_000, 200_000_000_000, 3), (200_000_000_000, 500_000_000_001, 2),
]

NERACA_KEYS = [
    "kas", "bank", "simpanan_di_lembaga_lain", "surat_berharga", "pinjaman_anggota", "pinjaman_non_anggota",
    "penyisihan_pinjaman", "pendapatan_masih_harus_diterima", "aset_lancar_lain", "penyertaan", "aset_tetap_bersih",
    "aset_lain", "tabungan", "simpanan_berjangka", "beban_masih_harus_dibayar", "dana_yang_diterima", "utang_pajak",
    "dana_shu", "kewajiban_lancar_lain", "utang_jangka_panjang", "kewajiban_jangka_panjang_lain", "simpanan_pokok",
    "simpanan_wajib", "modal_penyetaraan", "modal_penyertaan", "hibah", "cadangan_umum", "cadangan_tujuan_risiko",
    "shu_belum_dibagi",
]
ASET = NERACA_KEYS[:12]  # penyisihan_pinjaman (index 6) is deducted
KEWAJIBAN = NERACA_KEYS[12:21]
EKUITAS = NERACA_KEYS[21:]
CHECKLIST = [("umum", 12), ("kelembagaan", 6), ("permodalan", 5), ("aktiva", 10), ("likuiditas", 5)]

SEN = 100  # sen per Rupiah


def bp(rng, lo, hi):
    """A random rate in basis points (1/10000), lo..hi inclusive."""
    return rng.randint(lo, hi)


def part(x, rate_bp):
    """x * rate / 10000, floored (integers only)."""
    return x * rate_bp // 10000


class Amounts:
    """Rounds amounts the way books show them: most to the thousand Rupiah, some to the Rupiah, a few to the sen."""

    def __init__(self, rng, total_sen):
        self.rng = rng
        # Large cooperatives round to the thousand; small ones keep Rupiah; ~12 % keep sen in some lines.
        self.keep_sen = rng.randint(0, 99) < 12
        self.unit = 1000 * SEN if total_sen >= 2_000_000_000 * SEN and rng.randint(0, 1) else SEN

    def __call__(self, sen):
        if sen <= 0:
            return 0
        if self.keep_sen and self.rng.randint(0, 4) == 0:
            return sen  # keeps its sen
        return sen - sen % self.unit


def emit(sen, rng):
    """An amount in sen as laporan-v1 writes it: JSON integer Rupiah, or a decimal string."""
    neg = sen < 0
    a = -sen if neg else sen
    rupiah, s = divmod(a, SEN)
    sign = "-" if neg else ""
    if s:
        return "%s%d.%02d" % (sign, rupiah, s)
    r = rng.randint(0, 99)
    if r < 3:
        return "%s%d" % (sign, rupiah)
    if r < 5:
        return "%s%d.00" % (sign, rupiah)
    return -rupiah if neg else rupiah


def gen_neraca(rng, total_sen, p, shu_sen):
    """A balance sheet of net total assets ~total_sen with the profile p; shu_belum_dibagi = shu_sen; balances."""
    rnd = Amounts(rng, total_sen)
    n = {}
    loans = part(total_sen, p["loan_bp"])
    n["pinjaman_anggota"] = rnd(part(loans, p["member_bp"]))
    n["pinjaman_non_anggota"] = rnd(loans - n["pinjaman_anggota"])
    loans = n["pinjaman_anggota"] + n["pinjaman_non_anggota"]
    n["penyisihan_pinjaman"] = rnd(part(loans, p["ppap_bp"]))
    rest = total_sen - loans + n["penyisihan_pinjaman"]  # the other assets, gross
    w = p["aset_w"]
    tw = sum(w)
    for key, wi in zip(["kas", "bank", "simpanan_di_lembaga_lain", "surat_berharga",
                        "pendapatan_masih_harus_diterima", "aset_lancar_lain", "penyertaan", "aset_tetap_bersih",
                        "aset_lain"], w):
        n[key] = rnd(rest * wi // tw)
    aset = sum(n[k] for k in ASET) - 2 * n["penyisihan_pinjaman"]

    # Equity is at least twice a positive SHU so that the balancing reserve is never negative.
    equity = max(part(aset, p["equity_bp"]), 2 * max(shu_sen, 0))
    liab = aset - equity
    w = p["kew_w"]
    tw = sum(w)
    for key, wi in zip(KEWAJIBAN, w):
        n[key] = rnd(liab * wi // tw)
    # Equity other than SHU and the balancing cadangan_umum: at most 88 % of (equity - positive SHU).
    base = equity - max(shu_sen, 0)
    w = p["eq_w"]
    tw = sum(w) * 10000 // p["eq_share_bp"]  # eq_share_bp <= 8800
    for key, wi in zip(["simpanan_pokok", "simpanan_wajib", "modal_penyetaraan", "modal_penyertaan", "hibah",
                        "cadangan_tujuan_risiko"], w):
        n[key] = rnd(base * wi // tw)
    if n["simpanan_pokok"] == 0:  # required lines: present and non-zero in real books
        n["simpanan_pokok"] = SEN * 1000
    if n["simpanan_wajib"] == 0:
        n["simpanan_wajib"] = SEN * 1000
    n["shu_belum_dibagi"] = shu_sen
    other = sum(n[k] for k in KEWAJIBAN) + sum(n[k] for k in EKUITAS if k in n)
    n["cadangan_umum"] = aset - other
    assert n["cadangan_umum"] >= 0, n
    return n


def gen_hasil_usaha(rng, n, p, roa_bp):
    """Income statement for balance sheet n; the SHU is ~roa_bp of assets (beban_usaha is the plug)."""
    rnd = Amounts(rng, n["pinjaman_anggota"])
    h = {}
    aset = sum(n[k] for k in ASET) - 2 * n["penyisihan_pinjaman"]
    h["partisipasi_bruto"] = rnd(part(n["pinjaman_anggota"], p["yield_bp"]))
    h["pendapatan_non_anggota"] = rnd(part(n["pinjaman_non_anggota"], p["yield_bp"] + bp(rng, 0, 300)))
    h["beban_pokok"] = rnd(part(n["tabungan"], p["cost_tab_bp"]) + part(n["simpanan_berjangka"], p["cost_sb_bp"])
                           + part(n["utang_jangka_panjang"], p["cost_sb_bp"] + 150))
    h["beban_perkoperasian"] = rnd(part(aset, bp(rng, 20, 150)))
    h["pendapatan_lain"] = rnd(part(aset, bp(rng, 0, 60)))
    h["beban_lain"] = rnd(part(aset, bp(rng, 0, 40)))
    revenue = h["partisipasi_bruto"] + h["pendapatan_non_anggota"] + h["pendapatan_lain"]
    fixed = h["beban_pokok"] + h["beban_perkoperasian"] + h["beban_lain"]
    target = part(aset, roa_bp)
    pre_tax = target * 10000 // 9000 if target > 0 else target
    beban_usaha = revenue - fixed - pre_tax
    floor = part(revenue, 1500)
    h["beban_usaha"] = rnd(max(beban_usaha, floor))
    h["biaya_karyawan"] = rnd(part(h["beban_usaha"], bp(rng, 2500, 6000)))
    result = revenue - fixed - h["beban_usaha"]
    h["pajak"] = rnd(part(result, bp(rng, 500, 1000))) if result > 0 else 0
    shu = result - h["pajak"]
    if shu > 0 and rng.randint(0, 2):
        h["shu_bagian_anggota"] = rnd(part(shu, bp(rng, 3000, 6000)))
    if rng.randint(0, 3) == 0:
        h["meppp"] = rnd(part(h["partisipasi_bruto"], bp(rng, 100, 800)))
    return h, shu


def profile(rng):
    """The structure of one cooperative (rates in basis points, weights)."""
    return {
        "loan_bp": bp(rng, 5500, 8500),
        "member_bp": bp(rng, 7000, 10000),
        "ppap_bp": bp(rng, 30, 600),
        # kas, bank, simpanan_di_lembaga_lain, surat_berharga, pmhd, aset_lancar_lain, penyertaan, aset_tetap, aset_lain
        "aset_w": [bp(rng, 5, 40), bp(rng, 20, 120), bp(rng, 0, 150), bp(rng, 0, 40) if rng.randint(0, 3) == 0 else 0,
                   bp(rng, 2, 15), bp(rng, 1, 15), bp(rng, 0, 30), bp(rng, 20, 120), bp(rng, 0, 10)],
        "equity_bp": bp(rng, 1200, 4500),
        # tabungan, simpanan_berjangka, bmhd, dana_yang_diterima, utang_pajak, dana_shu, kll, ujp, kjpl
        "kew_w": [bp(rng, 200, 600), bp(rng, 50, 400), bp(rng, 2, 15), bp(rng, 0, 30) if rng.randint(0, 4) == 0 else 0,
                  bp(rng, 2, 10), bp(rng, 5, 30), bp(rng, 0, 15), bp(rng, 0, 250) if rng.randint(0, 2) else 0,
                  bp(rng, 0, 30) if rng.randint(0, 5) == 0 else 0],
        # simpanan_pokok, simpanan_wajib, modal_penyetaraan, modal_penyertaan, hibah, cadangan_tujuan_risiko
        "eq_w": [bp(rng, 50, 150), bp(rng, 300, 700), bp(rng, 0, 100) if rng.randint(0, 5) == 0 else 0,
                 bp(rng, 0, 150) if rng.randint(0, 2) == 0 else 0, bp(rng, 0, 60) if rng.randint(0, 2) == 0 else 0,
                 bp(rng, 20, 120)],
        "eq_share_bp": bp(rng, 4000, 8800),
        "yield_bp": bp(rng, 1200, 3000),
        "cost_tab_bp": bp(rng, 200, 600),
        "cost_sb_bp": bp(rng, 450, 900),
    }


def jitter(rng, p):
    """Last year's profile: the same cooperative, slightly different."""
    q = dict(p)
    for k in ("loan_bp", "equity_bp"):
        q[k] = p[k] + bp(rng, -300, 300)
    q["member_bp"] = min(10000, max(5000, p["member_bp"] + bp(rng, -500, 500)))
    q["ppap_bp"] = max(0, p["ppap_bp"] + bp(rng, -100, 100))
    q["aset_w"] = [w + w * bp(rng, -2000, 2000) // 10000 for w in p["aset_w"]]
    q["kew_w"] = [w + w * bp(rng, -2000, 2000) // 10000 for w in p["kew_w"]]
    return q


def strip_zeros(d, rng):
    """Last year's statements often leave zero lines out (as the example does)."""
    return {k: v for k, v in d.items() if v != 0 or rng.randint(0, 1)}


def laporan(rng, i):
    jenis = "KSP" if rng.randint(0, 99) < 70 else "USP"
    provinsi = rng.choice(PROVINSI)
    kabupaten = rng.choice(WILAYAH[provinsi])
    name = rng.choice(KATA1) + " " + rng.choice(KATA2)
    if jenis == "KSP":
        nama = ("KSP " if rng.randint(0, 2) else "Koperasi Simpan Pinjam ") + name
    else:
        nama = "USP " + rng.choice(INDUK_USP) + " " + name
    tahun = rng.choice([2021, 2022, 2023, 2024, 2024, 2025, 2025, 2025])
    berdiri = rng.randint(1975, tahun - 1)
    nbh = "%d/%d/BH/%s.%d/%d" % (rng.choice([518, 503, 180, 188]), rng.randint(1, 999),
                                 ROMAWI[KODE_WILAYAH[provinsi] - 1], rng.randint(1, 40), berdiri)
    akhir = "%d-12-31" % tahun if rng.randint(0, 19) else "%d-06-30" % tahun

    lo, hi = rng.choices([(a, b) for a, b, _ in SIZE_BUCKETS], weights=[w for _, _, w in SIZE_BUCKETS])[0]
    total_sen = rng.randrange(lo, hi) * SEN
    p = profile(rng)
    quality = rng.randint(0, 99)  # 0 poor .. 99 excellent
    roa_bp = bp(rng, -200, 150) + quality * 4  # -2 % .. +5.5 % of assets

    # The income statement needs the balance sheet and the balance sheet's SHU comes from the income statement:
    # build the sheet with a provisional SHU, compute the result, then rebuild with the same draws and that SHU.
    state = rng.getstate()
    n = gen_neraca(rng, total_sen, p, 0)
    h, shu = gen_hasil_usaha(rng, n, p, roa_bp)
    rng.setstate(state)
    n = gen_neraca(rng, total_sen, p, shu)
    h, shu2 = gen_hasil_usaha(rng, n, p, roa_bp)
    n["shu_belum_dibagi"] = shu2
    n["cadangan_umum"] += shu - shu2  # keeps the balance to the sen
    if n["cadangan_umum"] < 0:  # cannot happen in practice; stay valid anyway
        n["shu_belum_dibagi"] += n["cadangan_umum"]
        n["cadangan_umum"] = 0

    loans = n["pinjaman_anggota"] + n["pinjaman_non_anggota"]
    npl_bp = max(0, bp(rng, 0, 2500) - quality * 12)  # 0 .. 25 % of loans
    npl = part(loans, npl_bp)
    rnd = Amounts(rng, loans)  # each rounded down: the sums stay within loans
    kl = rnd(part(npl, bp(rng, 3000, 7000)))
    dr = rnd(part(npl - kl, bp(rng, 2000, 8000)))
    pj = {"kurang_lancar": kl, "diragukan": dr, "macet": rnd(npl - kl - dr),
          "berisiko": rnd(part(loans, bp(rng, 0, 4000)))}
    if rng.randint(0, 2) == 0:
        vt = rnd(loans + part(loans, bp(rng, 0, 8000)))
        pj["volume_total"] = vt
        pj["volume_anggota"] = min(vt, rnd(n["pinjaman_anggota"] + part(n["pinjaman_anggota"], bp(rng, 0, 8000))))
    if rng.randint(0, 4) == 0:
        pj = {k: v for k, v in pj.items() if v != 0}

    yes_pct = 35 + quality * 6 // 10  # 35 .. 94 %
    man = {k: [rng.randint(0, 99) < yes_pct for _ in range(m)] for k, m in CHECKLIST}

    doc = {"format": "kopsehat/laporan-v1"}
    if rng.randint(0, 9) < 7:
        doc["metode"] = "ksp-2016"
    doc["koperasi"] = {"nama": nama, "jenis": jenis, "nomor_badan_hukum": nbh, "kabupaten": kabupaten,
                       "provinsi": provinsi}
    doc["periode"] = {"akhir": akhir}
    doc["neraca"] = {k: emit(n[k], rng) for k in NERACA_KEYS}
    doc["hasil_usaha"] = {k: emit(v, rng) for k, v in h.items()}
    doc["pinjaman"] = {k: emit(v, rng) for k, v in pj.items()}
    doc["manajemen"] = man

    if rng.randint(0, 1):
        growth_bp = bp(rng, -1500, 2500) + quality * 5  # last year's assets are this much smaller
        prev_total = total_sen * 10000 // (10000 + growth_bp)
        q = jitter(rng, p)
        prev_roa = roa_bp + bp(rng, -150, 150)
        state = rng.getstate()
        pn = gen_neraca(rng, prev_total, q, 0)
        ph, pshu = gen_hasil_usaha(rng, pn, q, prev_roa)
        rng.setstate(state)
        pn = gen_neraca(rng, prev_total, q, pshu)
        ph, pshu2 = gen_hasil_usaha(rng, pn, q, prev_roa)
        pn["shu_belum_dibagi"] = pshu2
        pn["cadangan_umum"] += pshu - pshu2
        if pn["cadangan_umum"] < 0:
            pn["shu_belum_dibagi"] += pn["cadangan_umum"]
            pn["cadangan_umum"] = 0
        prev = {"neraca": {k: emit(v, rng) for k, v in strip_zeros({k: pn[k] for k in NERACA_KEYS}, rng).items()}}
        if rng.randint(0, 2):
            prev["hasil_usaha"] = {k: emit(v, rng) for k, v in strip_zeros(ph, rng).items()}
        else:
            prev["hasil_usaha"] = {"partisipasi_bruto": emit(ph["partisipasi_bruto"], rng)}
        doc["periode_lalu"] = prev
    return doc


def check(doc):
    """Re-checks the laporan-v1 invariants from the emitted text (exact, integers only)."""

    def sen(v):
        if isinstance(v, int):
            return v * SEN
        neg = v.startswith("-")
        s = v[1:] if neg else v
        whole, _, frac = s.partition(".")
        x = int(whole) * SEN + int((frac + "00")[:2])
        return -x if neg else x

    for blk in [doc["neraca"]] + ([doc["periode_lalu"]["neraca"]] if "periode_lalu" in doc else []):
        a = sum(sen(blk.get(k, 0)) for k in ASET) - 2 * sen(blk.get("penyisihan_pinjaman", 0))
        pas = sum(sen(blk.get(k, 0)) for k in KEWAJIBAN + EKUITAS)
        assert a == pas, (a, pas)
        for k, v in blk.items():
            assert k == "shu_belum_dibagi" or sen(v) >= 0, k
    n, h, pj = doc["neraca"], doc["hasil_usaha"], doc["pinjaman"]
    loans = sen(n["pinjaman_anggota"]) + sen(n["pinjaman_non_anggota"])
    assert sum(sen(pj.get(k, 0)) for k in ("kurang_lancar", "diragukan", "macet")) <= loans
    assert sen(pj.get("berisiko", 0)) <= loans
    va = sen(pj.get("volume_anggota", n["pinjaman_anggota"]))
    vt = sen(pj.get("volume_total", 0)) if "volume_total" in pj else loans
    assert va <= vt
    assert sen(h.get("biaya_karyawan", 0)) <= sen(h.get("beban_usaha", 0))
    assert sen(n["simpanan_pokok"]) > 0 and sen(n["simpanan_wajib"]) > 0


LINE_KEYS = {
    "neraca": NERACA_KEYS,
    "hasil_usaha": ["partisipasi_bruto", "pendapatan_non_anggota", "beban_pokok", "beban_usaha", "biaya_karyawan",
                    "beban_perkoperasian", "pendapatan_lain", "beban_lain", "pajak", "shu_bagian_anggota", "meppp"],
    "pinjaman": ["volume_anggota", "volume_total", "kurang_lancar", "diragukan", "macet", "berisiko"],
}


def csv_keys():
    """Every key a batch CSV of these laporan needs, in a fixed order."""
    keys = ["koperasi.nama", "koperasi.jenis", "koperasi.nomor_badan_hukum", "koperasi.kabupaten",
            "koperasi.provinsi", "periode.akhir", "metode"]
    for prefix in ("", "periode_lalu."):
        for section, names in LINE_KEYS.items():
            keys += [f"{prefix}{section}.{n}" for n in names]
    for name, n in CHECKLIST:
        keys += [f"manajemen.{name}[{i + 1}]" for i in range(n)]
    return keys


def csv_amount(v):
    """An amount as a person would type it: Indonesian decimal comma, no grouping (never ambiguous)."""
    return str(v).replace(".", ",")


def csv_row(doc):
    row = {f"koperasi.{k}": v for k, v in doc["koperasi"].items()}
    row["periode.akhir"] = doc["periode"]["akhir"]
    if "metode" in doc:
        row["metode"] = doc["metode"]
    for prefix, block in (("", doc), ("periode_lalu.", doc.get("periode_lalu", {}))):
        for section in ("neraca", "hasil_usaha", "pinjaman"):
            for k, v in block.get(section, {}).items():
                row[f"{prefix}{section}.{k}"] = csv_amount(v)
    for name, answers in doc.get("manajemen", {}).items():
        for i, a in enumerate(answers):
            row[f"manajemen.{name}[{i + 1}]"] = "Ya" if a else "Tidak"
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="re-check every emitted laporan (slower)")
    ap.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                    help="jsonl: one laporan per line; csv: a batch CSV, one cooperative per row under a key header")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    buf = []
    keys = None
    for i in range(args.count):
        doc = laporan(rng, i)
        if args.check:
            check(doc)
        if args.format == "csv":
            row = csv_row(doc)
            if keys is None:
                keys = csv_keys()
                out.write(";".join(keys) + "\n")
            buf.append(";".join(row.get(k, "") for k in keys))
        else:
            buf.append(json.dumps(doc, separators=(",", ":"), ensure_ascii=True))
        if len(buf) >= 4096:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    main()
