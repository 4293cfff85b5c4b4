// interchange/template_writer.cc — see template_writer.h. The rows and the sheets are made from the same tables
// (kIdentity, kPearlsSettings, Hint), so the CSV and XLSX templates always ask the same things.
#include "interchange/template_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>

namespace kopsehat {

namespace {

// A short explanation of a line for the template's Keterangan column.
std::string Hint(int line) {
  const LineSpec& s = kLines[size_t(line)];
  static const std::map<std::string, std::string> kSpecial = {
      {"penyisihan_pinjaman", "PPAP; ditulis positif, dikurangkan dari aset"},
      {"biaya_karyawan", "sudah termasuk dalam beban usaha (tidak boleh melebihinya)"},
      {"beban_perkoperasian", "RAT, pendidikan anggota, honor pengurus dan pengawas"},
      {"shu_bagian_anggota", "jasa modal + jasa anggota"},
      {"meppp", "manfaat ekonomi yang diterima anggota dari pelayanan"},
      {"volume_anggota", "kosong = pinjaman kepada anggota di neraca"},
      {"volume_total", "kosong = seluruh pinjaman diberikan di neraca"},
      {"berisiko", "pinjaman yang tidak dijamin agunan memadai"},
      {"shu_belum_dibagi", "boleh negatif pada tahun rugi"},
      {"tabungan", "simpanan sukarela anggota; kewajiban lancar"},
      {"partisipasi_bruto", "pendapatan dari pelayanan kepada anggota"},
      // PEARLS (docs/formats.md): the WOCCU code each line serves.
      {"lalai_1_12_bulan", "saldo pinjaman yang lewat jatuh tempo 1–12 bulan (A1, P2)"},
      {"lalai_lebih_12_bulan", "saldo pinjaman lewat jatuh tempo > 12 bulan, setelah hapus buku (P1, P3)"},
      {"hapus_buku_kumulatif", "seluruh pinjaman yang pernah dihapus buku (P4, P5)"},
      {"pemulihan_kumulatif", "seluruh tagihan yang pulih dari pinjaman hapus buku (P5)"},
      {"aset_bermasalah", "aset yang diperkirakan harus dihapus (P6, E9)"},
      {"investasi_likuid", "simpanan berbunga jangka pendek, mis. di Puskopdit (E2, L1)"},
      {"aset_likuid_tidak_menghasilkan", "kas dan rekening tanpa bunga (L1, L3)"},
      {"cadangan_likuiditas", "cadangan likuiditas wajib (L2)"},
      {"investasi_keuangan", "investasi jangka panjang, mis. saham Puskopdit (E3)"},
      {"investasi_non_keuangan", "usaha non-keuangan: toko, perumahan (E4)"},
      {"aset_tidak_menghasilkan_lain", "piutang, aset tetap, aset lain tanpa hasil (A2)"},
      {"utang_tidak_berbiaya", "semua kewajiban tanpa bunga (A3)"},
      {"utang_tidak_berbiaya_30_hari", "bagian yang jatuh tempo ≤ 30 hari (L1)"},
      {"modal_lembaga_lain", "mis. dana gedung; di luar cadangan umum dan hibah (E8)"},
      {"modal_transisi", "SHU belum dibagi dan dana yang menunggu alokasi (A3)"},
      {"anggota", "jumlah orang, bukan Rupiah (S10)"},
      {"biaya_simpanan_non_saham", "balas jasa + premi + pajak simpanan non-saham (R5)"},
      {"biaya_simpanan_saham", "balas jasa simpanan saham (BJS) + premi + pajak (R7)"},
      {"beban_penyisihan", "bagian dari beban usaha (R9, R10)"},
  };
  auto it = kSpecial.find(s.key);
  std::string hint = it != kSpecial.end() ? it->second : "";
  if (s.required) hint = hint.empty() ? "WAJIB" : "WAJIB; " + hint;
  return hint;
}

const char* SideTitle(BalanceSide side) {
  switch (side) {
    case BalanceSide::kAset:
    case BalanceSide::kAsetPengurang:
      return "ASET";
    case BalanceSide::kKewajiban:
      return "KEWAJIBAN";
    case BalanceSide::kEkuitas:
      return "EKUITAS";
    case BalanceSide::kNone:
      return "";
  }
  return "";
}

std::string SheetOf(Section s) {
  switch (s) {
    case Section::kNeraca:
      return "Neraca";
    case Section::kHasilUsaha:
      return "Hasil Usaha";
    case Section::kPinjaman:
      return "Pinjaman";
    case Section::kPearls:
      return "PEARLS";
    case Section::kKegiatan:
      return "Kegiatan";
  }
  return "";
}

// sen as a plain decimal without grouping, comma decimal when it has sen: unambiguous for the CSV reader.
std::string CsvAmount(Sen sen) {
  if (sen % 100 == 0) return std::to_string(sen / 100);
  std::string s = FormatSenPlain(sen);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(";,\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (const char c : s) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  return q + "\"";
}

// An identity or setting field: its short name (the template's label, and the field's name in messages and lists:
// IdentityFieldLabel) and the template's filling hint, in Indonesian and English.
struct Identity {
  const char* key;
  const char* label;
  const char* hint;
  const char* label_en;
  const char* hint_en;
};
constexpr Identity kIdentity[] = {
    {"koperasi.nama", "Nama koperasi", "WAJIB", "Cooperative name", "required"},
    {"koperasi.jenis", "Jenis koperasi", "KSP, USP, KSPPS atau USPPS", "Type", "KSP, USP, KSPPS or USPPS"},
    {"koperasi.nomor_badan_hukum", "Nomor badan hukum", "", "Legal entity number", ""},
    {"koperasi.kabupaten", "Kabupaten / kota", "", "Regency / city", ""},
    {"koperasi.provinsi", "Provinsi", "", "Province", ""},
    {"koperasi.kuk", "KUK (klasifikasi usaha koperasi)",
     "1–4 menurut pemeriksa; kosong = disarankan dari jumlah anggota, modal sendiri dan aset", "KUK (business class)",
     "1–4 as the examiner sets it; empty = suggested from members, own capital and assets"},
    {"periode.akhir", "Tanggal tutup buku", "WAJIB; TTTT-BB-HH, mis. 2025-12-31", "Financial year end",
     "required; YYYY-MM-DD, e.g. 2025-12-31"},
    {"metode", "Metode penilaian", "kosong = menurut periode: kkpkk-2021 sejak 2021, ksp-2016 sebelumnya",
     "Assessment method", "empty = by period: kkpkk-2021 from 2021, ksp-2016 before"},
};

// The settings of the pearls block, written beside the identity (they are not amounts of a period).
constexpr Identity kPearlsSettings[] = {
    {"pearls.bulan", "PEARLS: bulan yang dicakup hasil usaha", "1–12; kosong = 12",
     "PEARLS: months the income statement covers", "1–12; empty = 12"},
    {"pearls.inflasi_persen", "PEARLS: inflasi tahunan (%)", "mis. 2,5; untuk sasaran S11 dan R5",
     "PEARLS: annual inflation (%)", "e.g. 2.5; for goals S11 and R5"},
    {"pearls.suku_bunga_pasar_persen", "PEARLS: suku bunga pasar simpanan (%)", "mis. 5; untuk sasaran R2, R3, R5–R7",
     "PEARLS: market deposit rate (%)", "e.g. 5; for goals R2, R3, R5–R7"},
};

const Identity* FindIdentity(std::string_view key) {
  for (const Identity& id : kIdentity) {
    if (key == id.key) return &id;
  }
  for (const Identity& id : kPearlsSettings) {
    if (key == id.key) return &id;
  }
  return nullptr;
}

// "Nama koperasi (WAJIB)": a label with its hint, when it has one.
std::string WithHint(const char* label, const char* hint) {
  return *hint != '\0' ? std::string(label) + " (" + hint + ")" : std::string(label);
}

// Where a list's answers live: "manajemen.umum", "daftar_periksa.kkpkk.prinsip_keanggotaan".
std::string ListPath(const ChecklistAnswers& a) {
  return (a.set.empty() ? std::string("manajemen.") : "daftar_periksa." + a.set + ".") + a.key;
}

// The prefilled laporan's answer lists that the template's method does not ask (another method's checklist, e.g.
// the sharia answers when converting for kkpkk-2021): written too, so a conversion never drops answers.
std::vector<const ChecklistAnswers*> ListsOutsideRulebook(const Laporan* l, const Rulebook* rb) {
  std::vector<const ChecklistAnswers*> out;
  if (l == nullptr) return out;
  for (const ChecklistAnswers& a : l->checklists) {
    bool asked = false;
    if (rb != nullptr) {
      for (const Component& c : rb->components) {
        asked = asked || (c.kind == ComponentKind::kChecklist && c.answers_set == a.set && c.answers_key == a.key);
      }
    }
    if (!asked) out.push_back(&a);
  }
  return out;
}

constexpr const char* kOtherListLabel = "Jawaban daftar periksa metode lain (disalin apa adanya)";
constexpr const char* kSurplusAnswerLabel = "Jawaban melebihi jumlah butir metode ini (disalin apa adanya)";

bool WithPearls(const TemplateOptions& o) { return o.pearls || (o.prefill != nullptr && o.prefill->has_pearls); }

// The Kegiatan sheet: when the method reads one of its lines (KKPKK, sharia), or the number of members for its business
// class (KKPKK's KUK), or the prefilled laporan has one.
bool WithKegiatan(const TemplateOptions& o) {
  auto reads = [](const LinearForm& f) {
    for (const LinearForm::Term& t : f.terms) {
      if (kLines[size_t(t.line % kLineCount)].section == Section::kKegiatan) return true;
    }
    return false;
  };
  if (o.rulebook != nullptr) {
    for (const int line : o.rulebook->required_lines) {
      if (kLines[size_t(line)].section == Section::kKegiatan) return true;
    }
    for (const Quantity& q : o.rulebook->quantities) {
      if (reads(q.form)) return true;
    }
    for (const Component& c : o.rulebook->components) {
      if (reads(c.numerator) || reads(c.denominator)) return true;
    }
    if (o.rulebook->kuk) {  // the business class is suggested from the number of members
      for (const int line : o.rulebook->kuk->member_lines) {
        if (kLines[size_t(line)].section == Section::kKegiatan) return true;
      }
    }
  }
  if (o.prefill != nullptr) {
    for (int i = 0; i < kLineCount; ++i) {
      if (kLines[size_t(i)].section != Section::kKegiatan) continue;
      if (o.prefill->current.present[size_t(i)]) return true;
      if (o.prefill->has_previous && o.prefill->previous.present[size_t(i)]) return true;
    }
  }
  return false;
}

std::string PercentText(const Decimal& d) {
  std::string s = FormatPlain(d.units, d.scale, 0);
  std::replace(s.begin(), s.end(), '.', ',');  // the people's form, read back by the CSV and XLSX readers
  return s;
}

std::string IdentityValue(const Laporan* l, std::string_view key) {
  if (l == nullptr) return {};
  if (key == "pearls.bulan") return l->has_pearls ? std::to_string(l->pearls.bulan) : std::string();
  if (key == "pearls.inflasi_persen") return l->pearls.has_inflasi ? PercentText(l->pearls.inflasi_pct) : std::string();
  if (key == "pearls.suku_bunga_pasar_persen") {
    return l->pearls.has_suku_bunga_pasar ? PercentText(l->pearls.suku_bunga_pasar_pct) : std::string();
  }
  if (key == "koperasi.nama") return l->cooperative.nama;
  if (key == "koperasi.jenis") return l->cooperative.jenis;
  if (key == "koperasi.nomor_badan_hukum") return l->cooperative.nomor_badan_hukum;
  if (key == "koperasi.kabupaten") return l->cooperative.kabupaten;
  if (key == "koperasi.provinsi") return l->cooperative.provinsi;
  if (key == "koperasi.kuk") return l->cooperative.kuk != 0 ? std::to_string(l->cooperative.kuk) : std::string();
  if (key == "periode.akhir") return l->periode_akhir;
  if (key == "metode") return l->metode;
  return {};
}

// The method a template names when its laporan names none: the one the user chose for it, else none (a filled
// template is then assessed by the method of its period). The XLSX and CSV forms say the same.
std::string TemplateMethod(const TemplateOptions& o) { return o.metode; }

}  // namespace

std::vector<TemplateRow> TemplateRows(const TemplateOptions& o) {
  const Laporan* l = o.prefill;
  std::vector<TemplateRow> rows;
  const bool pearls = WithPearls(o);
  for (const Identity& id : kIdentity) {
    std::string v = IdentityValue(l, id.key);
    if (v.empty() && std::string_view(id.key) == "metode") v = TemplateMethod(o);
    rows.push_back({id.key, v, WithHint(id.label, id.hint), false});
  }
  for (const Identity& id : kPearlsSettings) {
    if (!pearls) break;
    rows.push_back({id.key, IdentityValue(l, id.key), WithHint(id.label, id.hint), false});
  }
  for (int prev = 0; prev < 2; ++prev) {
    for (int i = 0; i < kLineCount; ++i) {
      if (!pearls && kLines[size_t(i)].section == Section::kPearls) continue;
      const Statements* st = l == nullptr ? nullptr : (prev ? (l->has_previous ? &l->previous : nullptr) : &l->current);
      const std::string hint = Hint(i);
      rows.push_back({(prev ? "periode_lalu." : "") + LinePath(i),
                      st != nullptr && st->present[size_t(i)] ? CsvAmount(st->Get(i)) : "",
                      std::string(kLines[size_t(i)].label_id) + (prev ? " — tahun lalu" : "") +
                          (hint.empty() ? "" : " (" + hint + ")"),
                      true});
    }
  }
  if (o.rulebook != nullptr) {
    for (const Component& c : o.rulebook->components) {
      if (c.kind != ComponentKind::kChecklist) continue;
      const ChecklistAnswers* a = l != nullptr ? l->FindChecklist(c.answers_set, c.answers_key) : nullptr;
      // Answers beyond the method's items are written too (and refused again when read): never dropped.
      const size_t n = std::max(c.items.size(), a != nullptr ? a->answers.size() : 0);
      for (size_t i = 0; i < n; ++i) {
        std::string value;
        if (a != nullptr && i < a->answers.size()) value = a->answers[i] ? "Ya" : "Tidak";
        const std::string text = i < c.items.size() ? c.items[i].text.id : std::string(kSurplusAnswerLabel);
        rows.push_back({c.AnswersPath() + "[" + std::to_string(i + 1) + "]", value, text, true});
      }
    }
  }
  for (const ChecklistAnswers* a : ListsOutsideRulebook(l, o.rulebook)) {
    for (size_t i = 0; i < a->answers.size(); ++i) {
      rows.push_back({ListPath(*a) + "[" + std::to_string(i + 1) + "]", a->answers[i] ? "Ya" : "Tidak",
                      kOtherListLabel, true});
    }
  }
  return rows;
}

std::string IdentityFieldLabel(std::string_view key, Lang lang, bool with_hint) {
  const Identity* id = FindIdentity(key);
  if (id == nullptr) return {};
  const bool en = lang == Lang::kEn;
  return with_hint ? WithHint(en ? id->label_en : id->label, en ? id->hint_en : id->hint)
                   : std::string(en ? id->label_en : id->label);
}

std::string TemplateCsv(const TemplateOptions& o) {
  std::string out;
  out += "# Laporan Kopsehat (kopsehat/laporan-v1)";
  if (!o.metode.empty()) {
    out += ", metode " + o.metode;
  } else if (o.rulebook != nullptr) {
    out += ", metode " + o.rulebook->id;
  }
  out += "\n# Isi kolom nilai. Angka: 1250000 atau 1.250.000 atau 1.250.000,50 (paling banyak 2 desimal).\n";
  out += "# Daftar periksa manajemen: Ya atau Tidak. Baris periode_lalu.* (tahun lalu) boleh kosong.\n";
  out += "# Jangan ubah kolom kunci. Nilai yang memakai koma desimal tidak perlu kutip karena pemisahnya titik koma.\n";
  out += "kunci;nilai;keterangan\n";
  for (const TemplateRow& row : TemplateRows(o)) {
    out += row.key;
    out += ';';
    out += row.raw ? row.value : CsvField(row.value);
    out += ';';
    out += CsvField(row.label);
    out += '\n';
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------
// The XLSX template, one sheet at a time

namespace {

// The cell formats of the template workbook.
struct TemplateFormats {
  lxw_format* bold = nullptr;
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* input = nullptr;       // an amount to fill in
  lxw_format* input_text = nullptr;  // a text or answer to fill in
  lxw_format* key = nullptr;         // the grey Kunci column the reader goes by
  lxw_format* total = nullptr;
  lxw_format* wrap = nullptr;
};

// A new workbook with the template's properties; null when the file cannot be created.
lxw_workbook* NewTemplateWorkbook(const std::string& path, long long created_epoch) {
  lxw_workbook_options wopts{};
  wopts.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wopts);
  if (wb == nullptr) return nullptr;
  lxw_doc_properties props{};
  // The C API takes char*; it does not write through them.
  char doc_title[] = "Laporan Kopsehat";
  char doc_comments[] = "kopsehat/laporan-v1";
  props.title = doc_title;
  props.comments = doc_comments;
  props.created = time_t(created_epoch);
  workbook_set_properties(wb, &props);
  return wb;
}

TemplateFormats AddTemplateFormats(lxw_workbook* wb) {
  TemplateFormats f;
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.input = workbook_add_format(wb);
  format_set_bg_color(f.input, 0xFFF2CC);
  format_set_border(f.input, LXW_BORDER_THIN);
  format_set_num_format(f.input, "#,##0.00");
  f.input_text = workbook_add_format(wb);
  format_set_bg_color(f.input_text, 0xFFF2CC);
  format_set_border(f.input_text, LXW_BORDER_THIN);
  format_set_num_format(f.input_text, "@");
  f.key = workbook_add_format(wb);
  format_set_font_color(f.key, 0x808080);
  format_set_font_size(f.key, 9);
  f.total = workbook_add_format(wb);
  format_set_bold(f.total);
  format_set_num_format(f.total, "#,##0.00");
  format_set_top(f.total, LXW_BORDER_THIN);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void WritePetunjukSheet(lxw_workbook* wb, const TemplateFormats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Petunjuk");
  worksheet_set_column(ws, 0, 0, 110, nullptr);
  const char* lines[] = {
      "Laporan untuk penilaian kesehatan KSP/USP (Kopsehat)",
      "",
      "1. Isi sel berwarna kuning di lembar Identitas, Neraca, Hasil Usaha, Pinjaman, Manajemen (dan Kegiatan atau PEARLS bila ada).",
      "2. Jumlah uang dalam Rupiah, paling banyak 2 angka desimal (sen). Pos yang kosong dihitung 0.",
      "3. Kolom 'Tahun lalu' boleh kosong; bila diisi, butir manajemen yang bisa dijawab dari buku ikut diperiksa.",
      "4. Neraca harus seimbang sampai ke sen: lihat baris Pemeriksaan di bawah lembar Neraca.",
      "5. Daftar periksa manajemen: pilih Ya atau Tidak untuk setiap butir.",
      "6. Jangan mengubah kolom 'Kunci' (abu-abu kecil): program membaca isian lewat kunci itu.",
      "7. Simpan sebagai .xlsx, lalu jalankan: kopsehat assess laporan.xlsx",
      "",
      "Semua masalah ditunjukkan dengan nama lembar dan sel, misalnya Neraca!B3 (neraca.kas).",
  };
  for (size_t i = 0; i < std::size(lines); ++i) worksheet_write_string(ws, lxw_row_t(i), 0, lines[i], i == 0 ? f.title : nullptr);
}

void WriteIdentitasSheet(lxw_workbook* wb, const TemplateOptions& o, bool pearls, const TemplateFormats& f) {
  const Laporan* l = o.prefill;
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Identitas");
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 40, nullptr);
  worksheet_set_column(ws, 2, 2, 28, f.key);
  worksheet_set_column(ws, 3, 3, 40, nullptr);
  const char* id_headers[] = {"Isian", "Nilai", "Kunci", "Keterangan"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, id_headers[c], f.header);
  std::vector<Identity> identity(std::begin(kIdentity), std::end(kIdentity));
  if (pearls) identity.insert(identity.end(), std::begin(kPearlsSettings), std::end(kPearlsSettings));
  for (size_t i = 0; i < identity.size(); ++i) {
    const lxw_row_t r = lxw_row_t(i + 1);
    worksheet_write_string(ws, r, 0, identity[i].label, nullptr);
    std::string v = IdentityValue(l, identity[i].key);
    if (v.empty() && std::string_view(identity[i].key) == "metode") v = TemplateMethod(o);
    if (v.empty()) {
      worksheet_write_blank(ws, r, 1, f.input_text);
    } else {
      worksheet_write_string(ws, r, 1, v.c_str(), f.input_text);
    }
    worksheet_write_string(ws, r, 2, identity[i].key, f.key);
    worksheet_write_string(ws, r, 3, identity[i].hint, nullptr);
    if (std::string_view(identity[i].key) == "koperasi.jenis") {
      lxw_data_validation dv{};
      char ksp[] = "KSP", usp[] = "USP", kspps[] = "KSPPS", uspps[] = "USPPS";
      char* jenis[] = {ksp, usp, kspps, uspps, nullptr};
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = jenis;
      worksheet_data_validation_cell(ws, r, 1, &dv);
    }
  }
}

// The rows of the Neraca's lines by side, for its totals.
struct BalanceRows {
  std::vector<lxw_row_t> aset, pasiva;
  lxw_row_t penyisihan = 0;
};

// Row `r` of a statement sheet: line `i` with this year's and last year's amounts (when prefilled), its key and hint.
void WriteLineRow(lxw_worksheet* ws, lxw_row_t r, int i, const Laporan* l, const TemplateFormats& f) {
  const LineSpec& s = kLines[size_t(i)];
  worksheet_write_string(ws, r, 0, s.label_id, nullptr);
  for (int prev = 0; prev < 2; ++prev) {
    const Statements* st = l == nullptr ? nullptr : (prev ? (l->has_previous ? &l->previous : nullptr) : &l->current);
    const lxw_col_t col = lxw_col_t(1 + prev);
    if (st != nullptr && st->present[size_t(i)]) {
      const Sen v = st->Get(i);
      // Doubles hold 15 significant digits exactly; larger amounts go in as text, which is read exactly too.
      if (v > -1'000'000'000'000'000 && v < 1'000'000'000'000'000) {
        worksheet_write_number(ws, r, col, double(v) / 100.0, f.input);
      } else {
        worksheet_write_string(ws, r, col, FormatSenPlain(v).c_str(), f.input);
      }
    } else {
      worksheet_write_blank(ws, r, col, f.input);
    }
  }
  worksheet_write_string(ws, r, 3, LinePath(i).c_str(), f.key);
  const std::string hint = Hint(i);
  if (!hint.empty()) worksheet_write_string(ws, r, 4, hint.c_str(), nullptr);
}

// The line rows of one statement sheet from row 1 on, on the Neraca under a title per side. Records each line's
// cell ("B7") and the Neraca's rows by side; returns the row after the last.
lxw_row_t WriteLineRows(lxw_worksheet* ws, Section section, const Laporan* l, const TemplateFormats& f,
                        std::map<int, std::string>* cell_of, BalanceRows* balance) {
  lxw_row_t r = 1;
  BalanceSide last = BalanceSide::kNone;
  for (int i = 0; i < kLineCount; ++i) {
    const LineSpec& s = kLines[size_t(i)];
    if (s.section != section) continue;
    const BalanceSide side = s.side == BalanceSide::kAsetPengurang ? BalanceSide::kAset : s.side;
    if (section == Section::kNeraca && side != last) {
      if (r > 1) ++r;
      worksheet_write_string(ws, r++, 0, SideTitle(side), f.bold);
      last = side;
    }
    WriteLineRow(ws, r, i, l, f);
    (*cell_of)[i] = "B" + std::to_string(r + 1);
    if (s.side == BalanceSide::kAset) balance->aset.push_back(r);
    if (s.side == BalanceSide::kAsetPengurang) balance->penyisihan = r;
    if (s.side == BalanceSide::kKewajiban || s.side == BalanceSide::kEkuitas) balance->pasiva.push_back(r);
    ++r;
  }
  return r;
}

// What a check row says when amounts it reads were typed as text: the sheet cannot add them up (Kopsehat can), so
// it names how many and one of their cells (`count` and `cell` are formulas).
std::string TextAmountCheck(const std::string& count, const std::string& cell) {
  return "\"BELUM DIPERIKSA: \"&" + count + "&\" angka berupa teks, mis. sel \"&" + cell +
         "&\" (Kopsehat tetap membacanya)\"";
}

// The Neraca's check rows from row `r`: total assets, total liabilities + equity, their difference and whether it
// balances, for this year (B) and last year (C).
void WriteNeracaChecks(lxw_worksheet* ws, lxw_row_t r, const Laporan* l, const BalanceRows& rows,
                       const TemplateFormats& f) {
  const lxw_row_t ta = r, tp = r + 1, diff = r + 2, check = r + 3;
  worksheet_write_string(ws, ta, 0, "Total aset", f.bold);
  worksheet_write_string(ws, tp, 0, "Total kewajiban + ekuitas", f.bold);
  worksheet_write_string(ws, diff, 0, "Selisih (harus 0)", f.bold);
  worksheet_write_string(ws, check, 0, "Pemeriksaan", f.bold);
  // Each formula also carries its result, computed here exactly: LibreOffice does not recalculate an .xlsx on
  // load by default, and a filled laporan must not show zero totals until the user edits a cell.
  for (const char* colname : {"B", "C"}) {
    const lxw_col_t col = std::string_view(colname) == "B" ? 1 : 2;
    const Statements* st = l == nullptr ? nullptr : (col == 1 ? &l->current : (l->has_previous ? &l->previous : nullptr));
    i128 aset_sen = 0, pasiva_sen = 0;
    for (int i = 0; st != nullptr && i < kLineCount; ++i) {
      const BalanceSide side = kLines[size_t(i)].side;
      if (side == BalanceSide::kAset) aset_sen += st->Get(i);
      if (side == BalanceSide::kAsetPengurang) aset_sen -= st->Get(i);
      if (side == BalanceSide::kKewajiban || side == BalanceSide::kEkuitas) pasiva_sen += st->Get(i);
    }
    // SUM, not "+": an amount typed as text ("1.250.000" in a text cell, which Kopsehat reads) would turn a "+"
    // into #VALUE!. The check row below says when such a cell keeps the sheet from checking the balance.
    std::string fa = "=SUM(";
    for (size_t k = 0; k < rows.aset.size(); ++k) fa += (k ? "," : "") + std::string(colname) + std::to_string(rows.aset[k] + 1);
    fa += ")-SUM(" + std::string(colname) + std::to_string(rows.penyisihan + 1) + ")";
    std::string fp = "=SUM(";
    for (size_t k = 0; k < rows.pasiva.size(); ++k) fp += (k ? "," : "") + std::string(colname) + std::to_string(rows.pasiva[k] + 1);
    fp += ")";
    worksheet_write_formula_num(ws, ta, col, fa.c_str(), f.total, double(aset_sen) / 100.0);
    worksheet_write_formula_num(ws, tp, col, fp.c_str(), f.total, double(pasiva_sen) / 100.0);
    const std::string fd = "=" + std::string(colname) + std::to_string(ta + 1) + "-" + colname + std::to_string(tp + 1);
    worksheet_write_formula_num(ws, diff, col, fd.c_str(), f.total, double(aset_sen - pasiva_sen) / 100.0);
    const std::string range = std::string(colname) + "2:" + colname + std::to_string(ta);
    const std::string count = "SUMPRODUCT(--ISTEXT(" + range + "))";
    const std::string last = "\"" + std::string(colname) + "\"&SUMPRODUCT(MAX(ISTEXT(" + range + ")*ROW(" + range + ")))";
    const std::string fc = "=IF(" + count + ">0," + TextAmountCheck(count, last) + ",IF(ROUND(" +
                           std::string(colname) + std::to_string(diff + 1) + ",2)=0,\"SEIMBANG\",\"TIDAK SEIMBANG\"))";
    worksheet_write_formula_str(ws, check, col, fc.c_str(), f.bold, aset_sen == pasiva_sen ? "SEIMBANG" : "TIDAK SEIMBANG");
  }
}

// The Pinjaman sheet's check rows from row `r`: problem loans and loans given (from the Neraca), and whether the
// problem and risky loans stay within the loans given.
void WritePinjamanChecks(lxw_worksheet* ws, lxw_row_t r, const Laporan* l, const std::map<int, std::string>& cell_of,
                         const TemplateFormats& f) {
  const auto at = [&](const char* p) { return cell_of.at(line::Index(p)); };
  const std::string bermasalah =
      "=SUM(" + at("pinjaman.kurang_lancar") + "," + at("pinjaman.diragukan") + "," + at("pinjaman.macet") + ")";
  const std::string diberikan =
      "=SUM(Neraca!" + at("neraca.pinjaman_anggota") + ",Neraca!" + at("neraca.pinjaman_non_anggota") + ")";
  Sen problem_sen = 0, loans_sen = 0, risky_sen = 0;
  if (l != nullptr) {
    const Statements& st = l->current;
    problem_sen = st.Get(line::Index("pinjaman.kurang_lancar")) + st.Get(line::Index("pinjaman.diragukan")) +
                  st.Get(line::Index("pinjaman.macet"));
    loans_sen = st.Get(line::Index("neraca.pinjaman_anggota")) + st.Get(line::Index("neraca.pinjaman_non_anggota"));
    risky_sen = st.Get(line::Index("pinjaman.berisiko"));
  }
  worksheet_write_string(ws, r, 0, "Pinjaman bermasalah (kurang lancar + diragukan + macet)", f.bold);
  worksheet_write_formula_num(ws, r, 1, bermasalah.c_str(), f.total, double(problem_sen) / 100.0);
  worksheet_write_string(ws, r + 1, 0, "Pinjaman diberikan (dari Neraca)", f.bold);
  worksheet_write_formula_num(ws, r + 1, 1, diberikan.c_str(), f.total, double(loans_sen) / 100.0);
  worksheet_write_string(ws, r + 2, 0, "Pemeriksaan", f.bold);
  // The cells the check reads, and the first of them that holds text (by name).
  const std::vector<std::string> cells = {at("pinjaman.kurang_lancar"), at("pinjaman.diragukan"), at("pinjaman.macet"),
                                          at("pinjaman.berisiko"), "Neraca!" + at("neraca.pinjaman_anggota"),
                                          "Neraca!" + at("neraca.pinjaman_non_anggota")};
  std::string texts, first = "\"\"";
  for (auto c = cells.rbegin(); c != cells.rend(); ++c) {
    texts += (texts.empty() ? "ISTEXT(" : "+ISTEXT(") + *c + ")";
    first = "IF(ISTEXT(" + *c + "),\"" + *c + "\"," + first + ")";
  }
  const std::string fc = "=IF(" + texts + ">0," + TextAmountCheck("(" + texts + ")", first) + ",IF(AND(B" +
                         std::to_string(r + 1) + "<=B" +
                         std::to_string(r + 2) + "," + at("pinjaman.berisiko") + "<=B" + std::to_string(r + 2) +
                         "),\"SESUAI\",\"MELEBIHI PINJAMAN DIBERIKAN\"))";
  worksheet_write_formula_str(ws, r + 2, 1, fc.c_str(), f.bold,
                              problem_sen <= loans_sen && risky_sen <= loans_sen ? "SESUAI" : "MELEBIHI PINJAMAN DIBERIKAN");
}

// One statement sheet (Neraca, Hasil Usaha, Pinjaman, PEARLS or Kegiatan): its lines, then its check rows. The
// Pinjaman checks refer to Neraca cells, so `cell_of` carries the cells of the sheets written before.
void WriteStatementSheet(lxw_workbook* wb, Section section, const Laporan* l, const TemplateFormats& f,
                         std::map<int, std::string>* cell_of) {
  const std::string name = SheetOf(section);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  worksheet_set_column(ws, 0, 0, 42, nullptr);
  worksheet_set_column(ws, 1, 2, 20, nullptr);
  worksheet_set_column(ws, 3, 3, 32, f.key);
  worksheet_set_column(ws, 4, 4, 55, nullptr);
  // The Kegiatan sheet mixes Rupiah (deposits) and head counts: its columns say no unit.
  const bool counts = section == Section::kKegiatan;
  const char* headers[] = {"Pos", counts ? "Tahun ini" : "Tahun ini (Rp)", counts ? "Tahun lalu" : "Tahun lalu (Rp)",
                           "Kunci", "Keterangan"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, headers[c], f.header);
  worksheet_freeze_panes(ws, 1, 1);
  BalanceRows balance;
  const lxw_row_t r = WriteLineRows(ws, section, l, f, cell_of, &balance);
  if (section == Section::kNeraca) WriteNeracaChecks(ws, r + 1, l, balance, f);
  if (section == Section::kPinjaman) WritePinjamanChecks(ws, r + 1, l, *cell_of, f);
}

// The Manajemen sheet: every item of the method's checklists with a Ya/Tidak choice (answers beyond its items kept,
// as in the CSV), then the prefilled answers of lists the method does not ask, copied as they are.
void WriteManajemenSheet(lxw_workbook* wb, const TemplateOptions& o, const TemplateFormats& f) {
  const Laporan* l = o.prefill;
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Manajemen");
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 5, nullptr);
  worksheet_set_column(ws, 2, 2, 80, f.wrap);
  worksheet_set_column(ws, 3, 3, 18, nullptr);
  worksheet_set_column(ws, 4, 4, 26, f.key);
  worksheet_set_column(ws, 5, 5, 60, f.wrap);
  const char* m_headers[] = {"Aspek", "No", "Pertanyaan", "Jawaban (Ya/Tidak)", "Kunci", "Question (English)"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, m_headers[c], f.header);
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  if (o.rulebook != nullptr) {
    lxw_data_validation dv{};
    char ya[] = "Ya", tidak[] = "Tidak";
    char* yes_no[] = {ya, tidak, nullptr};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = yes_no;
    for (const Component& c : o.rulebook->components) {
      if (c.kind != ComponentKind::kChecklist) continue;
      const ChecklistAnswers* a = l != nullptr ? l->FindChecklist(c.answers_set, c.answers_key) : nullptr;
      const size_t rows = std::max(c.items.size(), a != nullptr ? a->answers.size() : 0);  // surplus kept, as in CSV
      for (size_t i = 0; i < rows; ++i, ++r) {
        const bool item = i < c.items.size();
        worksheet_write_string(ws, r, 0, c.name.id.c_str(), nullptr);
        worksheet_write_number(ws, r, 1, double(i + 1), nullptr);
        worksheet_write_string(ws, r, 2, item ? c.items[i].text.id.c_str() : kSurplusAnswerLabel, f.wrap);
        if (a != nullptr && i < a->answers.size()) {
          worksheet_write_string(ws, r, 3, a->answers[i] ? "Ya" : "Tidak", f.input_text);
        } else {
          worksheet_write_blank(ws, r, 3, f.input_text);
        }
        worksheet_data_validation_cell(ws, r, 3, &dv);
        const std::string k = c.AnswersPath() + "[" + std::to_string(i + 1) + "]";
        worksheet_write_string(ws, r, 4, k.c_str(), f.key);
        worksheet_write_string(ws, r, 5, item ? c.items[i].text.en.c_str() : "Answer beyond this method's items", f.wrap);
      }
    }
  }
  for (const ChecklistAnswers* a : ListsOutsideRulebook(l, o.rulebook)) {
    for (size_t i = 0; i < a->answers.size(); ++i, ++r) {
      worksheet_write_string(ws, r, 0, a->key.c_str(), nullptr);
      worksheet_write_number(ws, r, 1, double(i + 1), nullptr);
      worksheet_write_string(ws, r, 2, kOtherListLabel, f.wrap);
      worksheet_write_string(ws, r, 3, a->answers[i] ? "Ya" : "Tidak", f.input_text);
      const std::string k = ListPath(*a) + "[" + std::to_string(i + 1) + "]";
      worksheet_write_string(ws, r, 4, k.c_str(), f.key);
      worksheet_write_string(ws, r, 5, "Another method's checklist answer (copied as is)", f.wrap);
    }
  }
}

}  // namespace

Status WriteTemplateXlsx(const std::string& path, const TemplateOptions& o) {
  lxw_workbook* wb = NewTemplateWorkbook(path, o.created_epoch);
  if (wb == nullptr) return Status::CannotCreateFile();
  const TemplateFormats formats = AddTemplateFormats(wb);
  const bool pearls = WithPearls(o);
  WritePetunjukSheet(wb, formats);
  WriteIdentitasSheet(wb, o, pearls, formats);
  std::map<int, std::string> cell_of;  // line -> "B7" on its sheet (current year)
  std::vector<Section> sections = {Section::kNeraca, Section::kHasilUsaha, Section::kPinjaman};
  if (pearls) sections.push_back(Section::kPearls);
  if (WithKegiatan(o)) sections.push_back(Section::kKegiatan);
  for (const Section section : sections) WriteStatementSheet(wb, section, o.prefill, formats, &cell_of);
  WriteManajemenSheet(wb, o, formats);
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::CannotWriteFile(lxw_strerror(err));
  return Status();
}

}  // namespace kopsehat
