// interchange/csv_reader.cc — see csv_reader.h. The record splitter is RFC 4180's; the key/value meaning of a row is
// LaporanBuilder's (fields.h), shared with the XLSX reader.
#include "interchange/csv_reader.h"

#include <algorithm>

#include "core/suggest.h"
#include "interchange/fields.h"

namespace kopsehat {

namespace {

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
      if (c == '"' && TrimCell(field).empty()) {
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
    if (!TrimCell(f).empty()) return false;
  }
  return true;
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
      const std::string_view row = TrimCell(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
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
    if (IsBlankRecord(r) || TrimCell(r.fields[0]).rfind("#", 0) == 0) continue;
    const std::string first = AsciiLower(TrimCell(r.fields[0]));
    if (!header_seen && (first == "kunci" || first == "key")) {
      header_seen = true;
      columns = r.fields.size();
      continue;
    }
    header_seen = true;
    const Place place{nullptr, uint32_t(r.line), 0};
    const std::string key(TrimCell(r.fields[0]));
    if (r.fields.size() > std::max<size_t>(columns, 2)) {
      problems->Add(place.Text() + " (" + key + ")", "csv_tidak_sah",
                    "terlalu banyak kolom; bila nilai memakai koma desimal, beri tanda kutip (\"1.250.000,50\") atau "
                    "pakai pemisah titik koma (;)",
                    "too many columns; if a value uses a decimal comma, quote it (\"1.250.000,50\") or use ';' as the "
                    "separator");
      continue;
    }
    const std::string_view value = r.fields.size() > 1 ? TrimCell(r.fields[1]) : std::string_view();
    // With ',' as the separator, an unquoted "1.250.000,50" splits into "1.250.000" and "50": a third field of one
    // to three digits right after a number is such a split, not a note — refuse it rather than drop the sen.
    if (sep == ',' && r.fields.size() > 2) {
      const std::string_view next = TrimCell(r.fields[2]);
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
  for (const std::string& f : records[0].fields) keys_.emplace_back(TrimCell(f));
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
    const std::string_view value = TrimCell(fields[k]);
    builder.Set(keys_[k], value.empty() ? LaporanBuilder::Kind::kEmpty : LaporanBuilder::Kind::kText, value,
                Place{nullptr, uint32_t(line_no), uint32_t(k + 1)});
  }
  return builder.Finish() && problems->size() == before;
}

std::string BatchCsvHeader(const Rulebook* rulebook, bool pearls) {
  std::string out;
  for (const std::string& k : LaporanBuilder::KnownKeys()) {
    if (!pearls && (k.rfind("pearls.", 0) == 0 || k.rfind("periode_lalu.pearls.", 0) == 0)) continue;
    if (!out.empty()) out += ';';
    out += k;
  }
  if (rulebook != nullptr) {
    for (const Component& c : rulebook->components) {
      if (c.kind != ComponentKind::kChecklist) continue;
      // Appended piece by piece: `";" + string` trips GCC 12's false -Wrestrict at -O3 (GCC bug 105329).
      for (size_t i = 0; i < c.items.size(); ++i) {
        out += ';';
        out += c.AnswersPath();
        out += '[';
        out += std::to_string(i + 1);
        out += ']';
      }
    }
  }
  return out + "\n";
}

}  // namespace kopsehat
