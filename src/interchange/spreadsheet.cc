#include "interchange/spreadsheet.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/suggest.h"
#include "interchange/fields.h"
#include "interchange/json_reader.h"
#include "interchange/xlsx_reader.h"
#include "core/json_writer.h"

namespace kopsehat {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// ------------------------------------------------------------------------------------------------------------
// CSV

// One record of a CSV file: its fields and the line it starts on.
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};

// Splits RFC 4180 records (quoted fields may hold the separator, quotes as "" and line breaks). False with a
// problem on an unterminated quote.
bool SplitCsv(std::string_view text, char sep, std::vector<CsvRecord>* out, Problems* problems) {
  size_t line = 1;
  size_t i = 0;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool in_quotes = false, record_done = false;
    while (i < text.size() && !record_done) {
      const char c = text[i];
      if (in_quotes) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          in_quotes = false;
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
        }
        ++i;
        continue;
      }
      if (c == '"' && Trim(field).empty()) {
        field.clear();
        in_quotes = true;
      } else if (c == sep) {
        rec.fields.push_back(field);
        field.clear();
      } else if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
        // "\n", "\r\n", or a lone "\r" (Excel for Mac's "Macintosh CSV") ends a record.
        record_done = true;
        ++line;
      } else if (c != '\r') {
        field.push_back(c);
      }
      ++i;
    }
    if (in_quotes) {
      problems->Add("baris " + std::to_string(rec.line), "csv_tidak_sah", "tanda kutip (\") tidak ditutup",
                    "a quote (\") is not closed");
      return false;
    }
    rec.fields.push_back(field);
    out->push_back(std::move(rec));
    if (out->size() > kMaxCsvRows) {
      problems->Add("", "melebihi_batas", "lebih dari " + std::to_string(kMaxCsvRows) + " baris",
                    "more than " + std::to_string(kMaxCsvRows) + " rows");
      return false;
    }
  }
  return true;
}

// The separator a row uses: ';' (Indonesian spreadsheets) when it comes first, else ','.
char DetectSeparator(std::string_view row) {
  const size_t semi = row.find(';'), comma = row.find(',');
  return semi != std::string_view::npos && (comma == std::string_view::npos || semi < comma) ? ';' : ',';
}

bool IsBlankRecord(const CsvRecord& r) {
  for (const std::string& f : r.fields) {
    if (!Trim(f).empty()) return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------------------------------
// XLSX

struct SheetColumns {
  uint32_t header_row = 0;
  uint32_t key = 0, value = 0, previous = 0;  // 0: absent
};

// Finds the header row (the one with a "Kunci" cell) and the value columns by their header text.
SheetColumns FindColumns(const XlsxSheet& sheet) {
  SheetColumns c;
  for (const XlsxCell& cell : sheet.cells) {
    if (cell.row > kMaxHeaderSearchRows) break;
    if (cell.type == XlsxCell::Type::kString && Lower(Trim(cell.text)) == "kunci") {
      c.header_row = cell.row;
      c.key = cell.col;
      break;
    }
  }
  if (c.key == 0) return c;
  for (const XlsxCell& cell : sheet.cells) {
    if (cell.row != c.header_row || cell.type != XlsxCell::Type::kString) continue;
    const std::string h = Lower(Trim(cell.text));
    if (h.find("tahun lalu") != std::string::npos) {
      c.previous = cell.col;
    } else if (h.find("tahun ini") != std::string::npos || h == "nilai" || h.rfind("nilai ", 0) == 0 ||
               h.find("jawaban") != std::string::npos) {
      c.value = cell.col;
    }
  }
  return c;
}

LaporanBuilder::Kind KindOf(const XlsxCell* cell) {
  if (cell == nullptr) return LaporanBuilder::Kind::kEmpty;
  switch (cell->type) {
    case XlsxCell::Type::kNumber:
      return LaporanBuilder::Kind::kNumber;
    case XlsxCell::Type::kBoolean:
      return LaporanBuilder::Kind::kBoolean;
    case XlsxCell::Type::kString:
      return LaporanBuilder::Kind::kText;
    case XlsxCell::Type::kError:
      return LaporanBuilder::Kind::kText;
  }
  return LaporanBuilder::Kind::kEmpty;
}

}  // namespace

bool ReadLaporanCsv(std::string_view text, Laporan* out, Problems* problems) {
  LaporanBuilder builder(out, problems);
  const size_t before = problems->size();
  if (text.size() > kMaxCsvBytes) {
    problems->Add("", "terlalu_besar", "berkas CSV lebih dari 1 MiB", "CSV file larger than 1 MiB");
    return false;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // The separator is the one the first real row uses: ';' (Indonesian spreadsheets) or ','.
  char sep = ',';
  {
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t nl = text.find_first_of("\r\n", pos);
      const std::string_view row = Trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
      if (!row.empty() && row[0] != '#') {
        sep = DetectSeparator(row);
        break;
      }
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }
  std::vector<CsvRecord> records;
  if (!SplitCsv(text, sep, &records, problems)) return false;
  size_t columns = 2;  // key, value (a header may announce a third: keterangan)
  bool header_seen = false;
  for (const CsvRecord& r : records) {
    if (IsBlankRecord(r) || Trim(r.fields[0]).rfind("#", 0) == 0) continue;
    const std::string first = Lower(Trim(r.fields[0]));
    if (!header_seen && (first == "kunci" || first == "key")) {
      header_seen = true;
      columns = r.fields.size();
      continue;
    }
    header_seen = true;
    const Place place{nullptr, uint32_t(r.line), 0};
    const std::string key(Trim(r.fields[0]));
    if (r.fields.size() > std::max<size_t>(columns, 2)) {
      problems->Add(place.Text() + " (" + key + ")", "csv_tidak_sah",
                    "terlalu banyak kolom; bila nilai memakai koma desimal, beri tanda kutip (\"1.250.000,50\") atau "
                    "pakai pemisah titik koma (;)",
                    "too many columns; if a value uses a decimal comma, quote it (\"1.250.000,50\") or use ';' as the "
                    "separator");
      continue;
    }
    const std::string_view value = r.fields.size() > 1 ? Trim(r.fields[1]) : std::string_view();
    // With ',' as the separator, an unquoted "1.250.000,50" splits into "1.250.000" and "50": a third field of one
    // to three digits right after a number is such a split, not a note — refuse it rather than drop the sen.
    if (sep == ',' && r.fields.size() > 2) {
      const std::string_view next = Trim(r.fields[2]);
      const bool digits = !next.empty() && next.size() <= 3 &&
                          next.find_first_not_of("0123456789-") == std::string_view::npos;
      const bool number = !value.empty() && value.find_first_not_of("0123456789.,()Rp -") == std::string_view::npos;
      if (digits && number) {
        problems->Add(place.Text() + " (" + key + ")", "csv_tidak_sah",
                      "nilai ini terpotong oleh koma; beri tanda kutip (\"1.250.000,50\") atau pakai pemisah titik koma (;)",
                      "this value is cut by a comma; quote it (\"1.250.000,50\") or use ';' as the separator");
        continue;
      }
    }
    builder.Set(key, value.empty() ? LaporanBuilder::Kind::kEmpty : LaporanBuilder::Kind::kText, value, place);
  }
  return builder.Finish() && problems->size() == before;
}

bool CsvBatch::ReadHeader(std::string_view line, size_t line_no, Problems* problems) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  sep_ = DetectSeparator(line);
  std::vector<CsvRecord> records;
  if (!SplitCsv(line, sep_, &records, problems) || records.size() != 1) return false;
  keys_.clear();
  for (const std::string& f : records[0].fields) keys_.emplace_back(Trim(f));
  // Unknown keys are refused here, once, rather than in every row below.
  bool keys_ok = true;
  std::vector<std::string_view> known(LaporanBuilder::KnownKeys().begin(), LaporanBuilder::KnownKeys().end());
  for (size_t k = 0; k < keys_.size() && keys_.size() <= 2000; ++k) {
    for (size_t j = 0; j < k && !keys_[k].empty(); ++j) {
      if (keys_[j] != keys_[k]) continue;
      keys_ok = false;
      problems->Add("baris " + std::to_string(line_no) + ", kolom " + std::to_string(k + 1) + " (" + keys_[k] + ")",
                    "kunci_ganda", "kunci ini sudah ada di kolom " + std::to_string(j + 1),
                    "this key is already in column " + std::to_string(j + 1));
      break;
    }
    if (keys_[k].empty() || LaporanBuilder::IsKnownKeyForm(keys_[k])) continue;
    keys_ok = false;
    const std::string best = problems->full() ? std::string() : NearestKey(keys_[k], known);
    problems->Add("baris " + std::to_string(line_no) + ", kolom " + std::to_string(k + 1) + " (" + keys_[k] + ")",
                  "kunci_tidak_dikenal", "kunci tidak dikenal" + DidYouMean(best, Lang::kId),
                  "unknown key" + DidYouMean(best, Lang::kEn));
  }
  if (!keys_ok) {
    keys_.clear();
    return false;
  }
  if (keys_.empty() || keys_.size() > 2000) {
    problems->Add("baris " + std::to_string(line_no), "csv_tidak_sah", "baris judul harus berisi kunci (neraca.kas;...)",
                  "the header row must hold the keys (neraca.kas;...)");
    keys_.clear();
    return false;
  }
  return true;
}

bool CsvBatch::ReadRow(std::string_view line, size_t line_no, Laporan* out, Problems* problems) const {
  LaporanBuilder builder(out, problems);
  const size_t before = problems->size();
  std::vector<CsvRecord> records;
  const std::string place = "baris " + std::to_string(line_no);
  if (!SplitCsv(line, sep_, &records, problems) || records.size() != 1) return false;
  const std::vector<std::string>& fields = records[0].fields;
  if (fields.size() < keys_.size()) {
    problems->Add(place, "csv_tidak_sah",
                  "lebih sedikit kolom (" + std::to_string(fields.size()) + ") daripada kunci di baris judul (" +
                      std::to_string(keys_.size()) + "); baris ini terpotong?",
                  "fewer columns (" + std::to_string(fields.size()) + ") than keys in the header (" +
                      std::to_string(keys_.size()) + "); is the row cut short?");
    return false;
  }
  if (fields.size() > keys_.size()) {
    problems->Add(place, "csv_tidak_sah",
                  "lebih banyak kolom (" + std::to_string(fields.size()) + ") daripada kunci di baris judul (" +
                      std::to_string(keys_.size()) + "); beri tanda kutip pada nilai yang memakai pemisah",
                  "more columns (" + std::to_string(fields.size()) + ") than keys in the header (" +
                      std::to_string(keys_.size()) + "); quote values that contain the separator");
    return false;
  }
  for (size_t k = 0; k < fields.size(); ++k) {
    if (keys_[k].empty()) continue;
    const std::string_view value = Trim(fields[k]);
    builder.Set(keys_[k], value.empty() ? LaporanBuilder::Kind::kEmpty : LaporanBuilder::Kind::kText, value,
                Place{nullptr, uint32_t(line_no), uint32_t(k + 1)});
  }
  return builder.Finish() && problems->size() == before;
}

std::string BatchCsvHeader(const Rulebook* rulebook, bool pearls) {
  std::string out;
  for (const std::string& k : LaporanBuilder::KnownKeys()) {
    if (!pearls && (k.rfind("pearls.", 0) == 0 || k.rfind("periode_lalu.pearls.", 0) == 0)) continue;
    out += (out.empty() ? "" : ";") + k;
  }
  if (rulebook != nullptr) {
    for (const Component& c : rulebook->components) {
      if (c.kind != ComponentKind::kChecklist) continue;
      for (size_t i = 0; i < c.items.size(); ++i) out += ";" + c.AnswersPath() + "[" + std::to_string(i + 1) + "]";
    }
  }
  return out + "\n";
}

bool ReadLaporanXlsx(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems) {
  XlsxWorkbook workbook;
  if (!ReadXlsx(bytes, file_name, XlsxLimits{}, &workbook, problems)) return false;
  LaporanBuilder builder(out, problems);
  builder.SetDate1904(workbook.date1904);
  const size_t before = problems->size();
  bool any_sheet = false;
  for (const XlsxSheet& sheet : workbook.sheets) {
    const SheetColumns cols = FindColumns(sheet);
    if (cols.key == 0) continue;
    any_sheet = true;
    // Cells of a row, by column (the reader lists them row by row).
    std::map<uint32_t, std::map<uint32_t, const XlsxCell*>> rows;
    for (const XlsxCell& cell : sheet.cells) {
      if (cell.row > cols.header_row) rows[cell.row][cell.col] = &cell;
    }
    for (const auto& row_entry : rows) {
      // Named copies: clang 14 cannot capture structured bindings in the lambdas below.
      const uint32_t row = row_entry.first;
      const std::map<uint32_t, const XlsxCell*>& cells = row_entry.second;
      auto key_it = cells.find(cols.key);
      if (key_it == cells.end() || key_it->second->type != XlsxCell::Type::kString) continue;
      const std::string key(Trim(key_it->second->text));
      if (key.empty()) continue;
      auto value_of = [&](uint32_t col) -> const XlsxCell* {
        if (col == 0) return nullptr;
        auto it = cells.find(col);
        return it == cells.end() ? nullptr : it->second;
      };
      auto set = [&](const std::string& k, uint32_t col) {
        const XlsxCell* cell = value_of(col);
        const Place place{&sheet.name, row, col};
        if (cell != nullptr && cell->type == XlsxCell::Type::kError) {
          problems->Add(place.Text() + " (" + k + ")", "sel_galat", "sel berisi galat " + cell->text + "; perbaiki rumusnya",
                        "the cell holds the error " + cell->text + "; fix its formula");
          return;
        }
        builder.Set(k, KindOf(cell), cell != nullptr ? std::string_view(cell->text) : std::string_view(), place);
      };
      if (cols.value != 0) set(key, cols.value);
      if (cols.previous != 0 && FindLine(key) >= 0) set("periode_lalu." + key, cols.previous);
    }
  }
  if (!any_sheet) {
    problems->Add(file_name, "bukan_template",
                  "tidak ada lembar dengan kolom 'Kunci'; isi template dari 'kopsehat template --out laporan.xlsx'",
                  "no sheet has a 'Kunci' column; fill the template from 'kopsehat template --out laporan.xlsx'");
    return false;
  }
  return builder.Finish() && problems->size() == before;
}

bool IsSpreadsheetFile(std::string_view bytes, const std::string& file_name) {
  const std::string lower = Lower(file_name);
  auto ends_with = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // Content first: a zip or an OLE2 file is a workbook whatever its name (the XLSX reader then says what it is).
  const bool zip = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  const bool ole2 = bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  return zip || ole2 || ends_with(".xlsx") || ends_with(".xlsm") || ends_with(".xls") || ends_with(".csv") ||
         ends_with(".txt");
}

bool ReadLaporanAny(std::string_view bytes, const std::string& file_name, Laporan* out, Problems* problems) {
  if (!IsSpreadsheetFile(bytes, file_name)) {
    LaporanJsonReader reader;
    return reader.Read(bytes, out, problems);
  }
  const std::string lower = Lower(file_name);
  const bool text_name = lower.size() >= 4 && (lower.compare(lower.size() - 4, 4, ".csv") == 0 ||
                                               lower.compare(lower.size() - 4, 4, ".txt") == 0);
  const bool binary = bytes.substr(0, 2) == "PK" || bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4);
  if (text_name && !binary) return ReadLaporanCsv(bytes, out, problems);
  return ReadLaporanXlsx(bytes, file_name, out, problems);
}

// ------------------------------------------------------------------------------------------------------------
// Templates

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

struct Identity {
  const char* key;
  const char* label;
  const char* hint;
};
constexpr Identity kIdentity[] = {
    {"koperasi.nama", "Nama koperasi", "WAJIB"},
    {"koperasi.jenis", "Jenis", "KSP, USP, KSPPS atau USPPS"},
    {"koperasi.nomor_badan_hukum", "Nomor badan hukum", ""},
    {"koperasi.kabupaten", "Kabupaten / kota", ""},
    {"koperasi.provinsi", "Provinsi", ""},
    {"periode.akhir", "Tanggal tutup buku", "WAJIB; TTTT-BB-HH, mis. 2025-12-31"},
    {"metode", "Metode penilaian", "kosong = ksp-2016"},
};

// The settings of the pearls block, written beside the identity (they are not amounts of a period).
constexpr Identity kPearlsSettings[] = {
    {"pearls.bulan", "PEARLS: bulan yang dicakup hasil usaha", "1–12; kosong = 12"},
    {"pearls.inflasi_persen", "PEARLS: inflasi tahunan (%)", "mis. 2,5; untuk sasaran S11 dan R5"},
    {"pearls.suku_bunga_pasar_persen", "PEARLS: suku bunga pasar simpanan (%)", "mis. 5; untuk sasaran R2, R3, R5–R7"},
};

// Where a list's answers live: "manajemen.umum", "daftar_periksa.kkpkk.prinsip_keanggotaan".
std::string ListPath(const ChecklistAnswers& a) {
  return (a.set.empty() ? std::string("manajemen.") : "daftar_periksa." + a.set + ".") + a.key;
}

// The prefilled laporan's answer lists that the template's method does not ask (another method's checklist, e.g.
// the sharia answers when converting for kkpkk-2021): written too, so a conversion never drops answers.
std::vector<const ChecklistAnswers*> ListsOutsideRulebook(const Laporan* l, const Rulebook* rb) {
  std::vector<const ChecklistAnswers*> out;
  if (l == nullptr) return out;
  for (const ChecklistAnswers& a : l->manajemen) {
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

// The Kegiatan sheet: when the method reads one of its lines (KKPKK, sharia) or the prefilled laporan has one.
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
  if (key == "koperasi.nama") return l->koperasi.nama;
  if (key == "koperasi.jenis") return l->koperasi.jenis;
  if (key == "koperasi.nomor_badan_hukum") return l->koperasi.nomor_badan_hukum;
  if (key == "koperasi.kabupaten") return l->koperasi.kabupaten;
  if (key == "koperasi.provinsi") return l->koperasi.provinsi;
  if (key == "periode.akhir") return l->periode_akhir;
  if (key == "metode") return l->metode;
  return {};
}

}  // namespace

std::vector<TemplateRow> TemplateRows(const TemplateOptions& o) {
  const Laporan* l = o.prefill;
  std::vector<TemplateRow> rows;
  const bool pearls = WithPearls(o);
  for (const Identity& id : kIdentity) {
    std::string v = IdentityValue(l, id.key);
    if (v.empty() && std::string_view(id.key) == "metode") v = o.metode;
    rows.push_back({id.key, v, std::string(id.label) + (*id.hint ? " (" + std::string(id.hint) + ")" : ""), false});
  }
  for (const Identity& id : kPearlsSettings) {
    if (!pearls) break;
    rows.push_back({id.key, IdentityValue(l, id.key), std::string(id.label) + " (" + id.hint + ")", false});
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

bool WriteTemplateXlsx(const std::string& path, const TemplateOptions& o, std::string* error_id, std::string* error_en) {
  const Laporan* l = o.prefill;
  lxw_workbook_options wopts{};
  wopts.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wopts);
  if (wb == nullptr) {
    *error_id = "berkas tidak dapat dibuat";
    *error_en = "cannot create the file";
    return false;
  }
  lxw_doc_properties props{};
  // The C API takes char*; it does not write through them.
  char doc_title[] = "Laporan Kopsehat";
  char doc_comments[] = "kopsehat/laporan-v1";
  props.title = doc_title;
  props.comments = doc_comments;
  props.created = time_t(o.created_epoch);
  workbook_set_properties(wb, &props);

  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* input = workbook_add_format(wb);
  format_set_bg_color(input, 0xFFF2CC);
  format_set_border(input, LXW_BORDER_THIN);
  format_set_num_format(input, "#,##0.00");
  lxw_format* input_text = workbook_add_format(wb);
  format_set_bg_color(input_text, 0xFFF2CC);
  format_set_border(input_text, LXW_BORDER_THIN);
  format_set_num_format(input_text, "@");
  lxw_format* key = workbook_add_format(wb);
  format_set_font_color(key, 0x808080);
  format_set_font_size(key, 9);
  lxw_format* total = workbook_add_format(wb);
  format_set_bold(total);
  format_set_num_format(total, "#,##0.00");
  format_set_top(total, LXW_BORDER_THIN);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  // Petunjuk
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
  for (size_t i = 0; i < std::size(lines); ++i) worksheet_write_string(ws, lxw_row_t(i), 0, lines[i], i == 0 ? title : nullptr);

  // Identitas
  ws = workbook_add_worksheet(wb, "Identitas");
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 40, nullptr);
  worksheet_set_column(ws, 2, 2, 28, key);
  worksheet_set_column(ws, 3, 3, 40, nullptr);
  const char* id_headers[] = {"Isian", "Nilai", "Kunci", "Keterangan"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, id_headers[c], header);
  const bool pearls = WithPearls(o);
  std::vector<Identity> identity(std::begin(kIdentity), std::end(kIdentity));
  if (pearls) identity.insert(identity.end(), std::begin(kPearlsSettings), std::end(kPearlsSettings));
  for (size_t i = 0; i < identity.size(); ++i) {
    const lxw_row_t r = lxw_row_t(i + 1);
    worksheet_write_string(ws, r, 0, identity[i].label, nullptr);
    std::string v = IdentityValue(l, identity[i].key);
    if (v.empty() && std::string_view(identity[i].key) == "metode") v = !o.metode.empty() ? o.metode : o.rulebook != nullptr ? o.rulebook->id : "";
    if (v.empty()) {
      worksheet_write_blank(ws, r, 1, input_text);
    } else {
      worksheet_write_string(ws, r, 1, v.c_str(), input_text);
    }
    worksheet_write_string(ws, r, 2, identity[i].key, key);
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

  // Neraca, Hasil Usaha, Pinjaman
  std::map<int, std::string> cell_of;  // line -> "B7" on its sheet (current year)
  std::vector<Section> sections = {Section::kNeraca, Section::kHasilUsaha, Section::kPinjaman};
  if (pearls) sections.push_back(Section::kPearls);
  if (WithKegiatan(o)) sections.push_back(Section::kKegiatan);
  for (const Section section : sections) {
    const std::string name = SheetOf(section);
    ws = workbook_add_worksheet(wb, name.c_str());
    worksheet_set_column(ws, 0, 0, 42, nullptr);
    worksheet_set_column(ws, 1, 2, 20, nullptr);
    worksheet_set_column(ws, 3, 3, 32, key);
    worksheet_set_column(ws, 4, 4, 55, nullptr);
    // The Kegiatan sheet mixes Rupiah (deposits) and head counts: its columns say no unit.
    const bool counts = section == Section::kKegiatan;
    const char* headers[] = {"Pos", counts ? "Tahun ini" : "Tahun ini (Rp)", counts ? "Tahun lalu" : "Tahun lalu (Rp)",
                             "Kunci", "Keterangan"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, headers[c], header);
    worksheet_freeze_panes(ws, 1, 1);
    lxw_row_t r = 1;
    BalanceSide last = BalanceSide::kNone;
    std::vector<lxw_row_t> aset_rows, pasiva_rows;
    lxw_row_t penyisihan_row = 0;
    for (int i = 0; i < kLineCount; ++i) {
      const LineSpec& s = kLines[size_t(i)];
      if (s.section != section) continue;
      const BalanceSide side = s.side == BalanceSide::kAsetPengurang ? BalanceSide::kAset : s.side;
      if (section == Section::kNeraca && side != last) {
        if (r > 1) ++r;
        worksheet_write_string(ws, r++, 0, SideTitle(side), bold);
        last = side;
      }
      worksheet_write_string(ws, r, 0, s.label_id, nullptr);
      for (int prev = 0; prev < 2; ++prev) {
        const Statements* st = l == nullptr ? nullptr : (prev ? (l->has_previous ? &l->previous : nullptr) : &l->current);
        const lxw_col_t col = lxw_col_t(1 + prev);
        if (st != nullptr && st->present[size_t(i)]) {
          const Sen v = st->Get(i);
          // Doubles hold 15 significant digits exactly; larger amounts go in as text, which is read exactly too.
          if (v > -1'000'000'000'000'000 && v < 1'000'000'000'000'000) {
            worksheet_write_number(ws, r, col, double(v) / 100.0, input);
          } else {
            worksheet_write_string(ws, r, col, FormatSenPlain(v).c_str(), input);
          }
        } else {
          worksheet_write_blank(ws, r, col, input);
        }
      }
      worksheet_write_string(ws, r, 3, LinePath(i).c_str(), key);
      const std::string hint = Hint(i);
      if (!hint.empty()) worksheet_write_string(ws, r, 4, hint.c_str(), nullptr);
      cell_of[i] = "B" + std::to_string(r + 1);
      if (s.side == BalanceSide::kAset) aset_rows.push_back(r);
      if (s.side == BalanceSide::kAsetPengurang) penyisihan_row = r;
      if (s.side == BalanceSide::kKewajiban || s.side == BalanceSide::kEkuitas) pasiva_rows.push_back(r);
      ++r;
    }
    if (section == Section::kNeraca) {
      ++r;
      const lxw_row_t ta = r, tp = r + 1, diff = r + 2, check = r + 3;
      worksheet_write_string(ws, ta, 0, "Total aset", bold);
      worksheet_write_string(ws, tp, 0, "Total kewajiban + ekuitas", bold);
      worksheet_write_string(ws, diff, 0, "Selisih (harus 0)", bold);
      worksheet_write_string(ws, check, 0, "Pemeriksaan", bold);
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
        std::string fa = "=";
        for (size_t k = 0; k < aset_rows.size(); ++k) fa += (k ? "+" : "") + std::string(colname) + std::to_string(aset_rows[k] + 1);
        fa += "-" + std::string(colname) + std::to_string(penyisihan_row + 1);
        std::string fp = "=";
        for (size_t k = 0; k < pasiva_rows.size(); ++k) fp += (k ? "+" : "") + std::string(colname) + std::to_string(pasiva_rows[k] + 1);
        worksheet_write_formula_num(ws, ta, col, fa.c_str(), total, double(aset_sen) / 100.0);
        worksheet_write_formula_num(ws, tp, col, fp.c_str(), total, double(pasiva_sen) / 100.0);
        const std::string fd = "=" + std::string(colname) + std::to_string(ta + 1) + "-" + colname + std::to_string(tp + 1);
        worksheet_write_formula_num(ws, diff, col, fd.c_str(), total, double(aset_sen - pasiva_sen) / 100.0);
        const std::string fc = "=IF(ROUND(" + std::string(colname) + std::to_string(diff + 1) +
                               ",2)=0,\"SEIMBANG\",\"TIDAK SEIMBANG\")";
        worksheet_write_formula_str(ws, check, col, fc.c_str(), bold, aset_sen == pasiva_sen ? "SEIMBANG" : "TIDAK SEIMBANG");
      }
    }
    if (section == Section::kPinjaman) {
      ++r;
      const auto at = [&](const char* p) { return cell_of[line::Index(p)]; };
      const std::string bermasalah = "=" + at("pinjaman.kurang_lancar") + "+" + at("pinjaman.diragukan") + "+" + at("pinjaman.macet");
      const std::string diberikan = "=Neraca!" + at("neraca.pinjaman_anggota") + "+Neraca!" + at("neraca.pinjaman_non_anggota");
      Sen problem_sen = 0, loans_sen = 0, risky_sen = 0;
      if (l != nullptr) {
        const Statements& st = l->current;
        problem_sen = st.Get(line::Index("pinjaman.kurang_lancar")) + st.Get(line::Index("pinjaman.diragukan")) +
                      st.Get(line::Index("pinjaman.macet"));
        loans_sen = st.Get(line::Index("neraca.pinjaman_anggota")) + st.Get(line::Index("neraca.pinjaman_non_anggota"));
        risky_sen = st.Get(line::Index("pinjaman.berisiko"));
      }
      worksheet_write_string(ws, r, 0, "Pinjaman bermasalah (kurang lancar + diragukan + macet)", bold);
      worksheet_write_formula_num(ws, r, 1, bermasalah.c_str(), total, double(problem_sen) / 100.0);
      worksheet_write_string(ws, r + 1, 0, "Pinjaman diberikan (dari Neraca)", bold);
      worksheet_write_formula_num(ws, r + 1, 1, diberikan.c_str(), total, double(loans_sen) / 100.0);
      worksheet_write_string(ws, r + 2, 0, "Pemeriksaan", bold);
      const std::string fc = "=IF(AND(B" + std::to_string(r + 1) + "<=B" + std::to_string(r + 2) + "," +
                             at("pinjaman.berisiko") + "<=B" + std::to_string(r + 2) +
                             "),\"SESUAI\",\"MELEBIHI PINJAMAN DIBERIKAN\")";
      worksheet_write_formula_str(ws, r + 2, 1, fc.c_str(), bold,
                                  problem_sen <= loans_sen && risky_sen <= loans_sen ? "SESUAI" : "MELEBIHI PINJAMAN DIBERIKAN");
    }
  }

  // Manajemen
  ws = workbook_add_worksheet(wb, "Manajemen");
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 5, nullptr);
  worksheet_set_column(ws, 2, 2, 80, wrap);
  worksheet_set_column(ws, 3, 3, 18, nullptr);
  worksheet_set_column(ws, 4, 4, 26, key);
  worksheet_set_column(ws, 5, 5, 60, wrap);
  const char* m_headers[] = {"Aspek", "No", "Pertanyaan", "Jawaban (Ya/Tidak)", "Kunci", "Question (English)"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, m_headers[c], header);
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
        worksheet_write_string(ws, r, 2, item ? c.items[i].text.id.c_str() : kSurplusAnswerLabel, wrap);
        if (a != nullptr && i < a->answers.size()) {
          worksheet_write_string(ws, r, 3, a->answers[i] ? "Ya" : "Tidak", input_text);
        } else {
          worksheet_write_blank(ws, r, 3, input_text);
        }
        worksheet_data_validation_cell(ws, r, 3, &dv);
        const std::string k = c.AnswersPath() + "[" + std::to_string(i + 1) + "]";
        worksheet_write_string(ws, r, 4, k.c_str(), key);
        worksheet_write_string(ws, r, 5, item ? c.items[i].text.en.c_str() : "Answer beyond this method's items", wrap);
      }
    }
  }
  for (const ChecklistAnswers* a : ListsOutsideRulebook(l, o.rulebook)) {
    for (size_t i = 0; i < a->answers.size(); ++i, ++r) {
      worksheet_write_string(ws, r, 0, a->key.c_str(), nullptr);
      worksheet_write_number(ws, r, 1, double(i + 1), nullptr);
      worksheet_write_string(ws, r, 2, kOtherListLabel, wrap);
      worksheet_write_string(ws, r, 3, a->answers[i] ? "Ya" : "Tidak", input_text);
      const std::string k = ListPath(*a) + "[" + std::to_string(i + 1) + "]";
      worksheet_write_string(ws, r, 4, k.c_str(), key);
      worksheet_write_string(ws, r, 5, "Another method's checklist answer (copied as is)", wrap);
    }
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    *error_id = std::string("berkas tidak dapat ditulis (") + lxw_strerror(err) + ")";
    *error_en = std::string("cannot write the file (") + lxw_strerror(err) + ")";
    return false;
  }
  return true;
}

std::string LaporanToJson(const Laporan& l) {
  std::string out = "{\n  \"format\": \"kopsehat/laporan-v1\",\n";
  if (!l.metode.empty()) {
    out += "  \"metode\": ";
    AppendJsonString(l.metode, &out);
    out += ",\n";
  }
  out += "  \"koperasi\": {";
  bool first = true;
  const std::pair<const char*, const std::string*> fields[] = {
      {"nama", &l.koperasi.nama}, {"jenis", &l.koperasi.jenis}, {"nomor_badan_hukum", &l.koperasi.nomor_badan_hukum},
      {"kabupaten", &l.koperasi.kabupaten}, {"provinsi", &l.koperasi.provinsi}};
  for (const auto& [k, v] : fields) {
    if (v->empty()) continue;
    out += first ? "" : ", ";
    first = false;
    out += "\"" + std::string(k) + "\": ";
    AppendJsonString(*v, &out);
  }
  out += "},\n  \"periode\": {\"akhir\": ";
  AppendJsonString(l.periode_akhir, &out);
  out += "}";
  auto sections = [&](const Statements& st, const std::string& indent, bool current) {
    std::string s;
    for (int section_index = 0; section_index < kSectionCount; ++section_index) {
      const Section section = Section(section_index);
      std::string body;
      if (section == Section::kPearls && current && l.has_pearls) {
        const PearlsSettings& ps = l.pearls;
        body += "\"bulan\": " + std::to_string(ps.bulan);
        if (ps.has_inflasi) body += ", \"inflasi_persen\": " + FormatPlain(ps.inflasi_pct.units, ps.inflasi_pct.scale, 0);
        if (ps.has_suku_bunga_pasar) {
          body += ", \"suku_bunga_pasar_persen\": " +
                  FormatPlain(ps.suku_bunga_pasar_pct.units, ps.suku_bunga_pasar_pct.scale, 0);
        }
      }
      for (int i = 0; i < kLineCount; ++i) {
        if (kLines[size_t(i)].section != section || !st.present[size_t(i)]) continue;
        const Sen v = st.Get(i);
        body += body.empty() ? "" : ", ";
        body.append("\"").append(kLines[size_t(i)].key).append("\": ");  // appended: GCC 12 -O3 false -Wrestrict
        body += v % 100 == 0 ? std::to_string(v / 100) : "\"" + FormatSenPlain(v) + "\"";
      }
      if (!body.empty()) s += ",\n" + indent + "\"" + SectionKey(section) + "\": {" + body + "}";
    }
    return s;
  };
  out += sections(l.current, "  ", true);
  auto lists = [&](const std::string& set) {
    std::string body;
    for (const ChecklistAnswers& c : l.manajemen) {
      if (c.set != set) continue;
      body += body.empty() ? "" : ", ";
      AppendJsonString(c.key, &body);
      body += ": [";
      for (size_t i = 0; i < c.answers.size(); ++i) body += (i ? ", " : "") + std::string(c.answers[i] ? "true" : "false");
      body += "]";
    }
    return body;
  };
  if (l.has_manajemen) out += ",\n  \"manajemen\": {" + lists("") + "}";
  if (!l.checklist_sets.empty()) {
    out += ",\n  \"daftar_periksa\": {";
    for (size_t k = 0; k < l.checklist_sets.size(); ++k) {
      out += k ? ",\n    " : "\n    ";
      AppendJsonString(l.checklist_sets[k], &out);
      out += ": {" + lists(l.checklist_sets[k]) + "}";
    }
    out += "\n  }";
  }
  if (l.has_previous) {
    const std::string prev = sections(l.previous, "    ", false);
    out += ",\n  \"periode_lalu\": {" + (prev.empty() ? std::string() : prev.substr(1)) + "\n  }";
  }
  out += "\n}\n";
  return out;
}

}  // namespace kopsehat
