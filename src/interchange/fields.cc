// interchange/fields.cc — see fields.h. The one LaporanBuilder through which the CSV and XLSX readers (and the web
// form) reach the same validation as the JSON reader.
#include "interchange/fields.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "core/date.h"
#include "core/suggest.h"
#include "interchange/json_reader.h"
#include "interchange/xlsx_reader.h"

namespace kopsehat {

void AddAmountProblem(Problems* problems, const std::string& path, AmountError error, std::string_view text,
                      bool people_forms) {
  const std::string shown(text.substr(0, 40));
  const std::string hint_id = people_forms ? "tulis seperti 1.250.000 atau 1.250.000,50" : "tulis seperti 1250000 atau \"1250000.50\"";
  const std::string hint_en = people_forms ? "write it like 1.250.000 or 1.250.000,50" : "write it like 1250000 or \"1250000.50\"";
  switch (error) {
    case AmountError::kNone:
      return;
    case AmountError::kNotANumber:
      problems->Add(path, "bukan_angka", "'" + shown + "' bukan angka; " + hint_id, "'" + shown + "' is not a number; " + hint_en);
      return;
    case AmountError::kExponent:
      problems->Add(path, "bukan_angka", "notasi eksponen (" + shown + ") tidak diterima; tulis angkanya utuh",
                    "exponent notation (" + shown + ") is not accepted; write the amount out");
      return;
    case AmountError::kTooManyDecimals:
      problems->Add(path, "desimal_berlebih", "paling banyak 2 angka desimal (sen): " + shown,
                    "at most 2 decimals (sen): " + shown);
      return;
    case AmountError::kTooLarge:
      problems->Add(path, "terlalu_besar", "melebihi batas Rp 1.000.000.000.000.000 (10^15)",
                    "exceeds the limit of Rp 1,000,000,000,000,000 (10^15)");
      return;
    case AmountError::kAmbiguous:
      problems->Add(path, "angka_ambigu",
                    "'" + shown + "' bisa berarti ribuan atau pecahan desimal; tulis 1.250 sebagai 1250 (seribu dua ratus "
                    "lima puluh) atau 1,25 (satu koma dua lima)",
                    "'" + shown + "' could be a thousands group or a decimal fraction; write 1250 or 1,25 (Indonesian "
                    "decimal comma) instead");
      return;
  }
}

bool IsKnownJenis(std::string_view jenis) {
  return jenis == "KSP" || jenis == "USP" || jenis == "KSPPS" || jenis == "USPPS";
}

int PearlsSettingIndex(std::string_view key) {
  for (size_t i = 0; i < std::size(kPearlsSettingKeys); ++i) {
    if (kPearlsSettingKeys[i] == key) return int(i);
  }
  return -1;
}

bool ParsePearlsPercent(std::string_view text, const std::string& path, bool may_be_negative, Decimal* out,
                        Problems* problems) {
  const std::string shown(text.substr(0, 40));
  Decimal d;
  if (ParseDecimal(text, &d) != DecimalError::kNone) {
    problems->Add(path, "bukan_angka", "'" + shown + "' bukan angka persen; tulis seperti 2.61",
                  "'" + shown + "' is not a percentage; write it like 2.61");
    return false;
  }
  if (SignificantScale(d) > 4) {
    problems->Add(path, "desimal_berlebih", "paling banyak 4 angka desimal: " + shown, "at most 4 decimals: " + shown);
    return false;
  }
  i128 units = 0;
  if (!Rescale(d, 4, &units) || units > 1000 * 10000 || units < -1000 * 10000) {
    problems->Add(path, "di_luar_rentang", "harus di antara -1000 dan 1000 (persen)", "must be within -1000..1000 (percent)");
    return false;
  }
  if (units < 0 && !may_be_negative) {
    problems->Add(path, "negatif", "tidak boleh negatif", "must not be negative");
    return false;
  }
  *out = Decimal{units, 4};
  return true;
}

bool ParsePearlsMonths(std::string_view text, const std::string& path, int* out, Problems* problems) {
  Decimal d;
  i128 months = 0;
  if (ParseDecimal(text, &d) != DecimalError::kNone) {
    const std::string shown(text.substr(0, 40));
    problems->Add(path, "bukan_angka", "'" + shown + "' bukan jumlah bulan; tulis bilangan bulat 1 sampai 12",
                  "'" + shown + "' is not a number of months; write a whole number from 1 to 12");
    return false;
  }
  if (!Rescale(d, 0, &months) || months < 1 || months > 12) {
    problems->Add(path, "di_luar_rentang", "jumlah bulan harus bilangan bulat 1 sampai 12",
                  "the number of months must be a whole number from 1 to 12");
    return false;
  }
  *out = int(months);
  return true;
}

std::string ExcelSerialToIsoDate(std::string_view stored) {
  Decimal d;
  if (ParseDecimal(stored, &d) != DecimalError::kNone || SignificantScale(d) != 0) return {};
  i128 serial = 0;
  if (!Rescale(d, 0, &serial) || serial < 1 || serial > 2958465 || serial == 60) return {};  // 60: 1900-02-29
  // Excel counts 1900-02-29, which did not exist: serials from 61 on are one day ahead.
  int64_t days = int64_t(serial) - (serial >= 61 ? 1 : 0);  // days since 1899-12-31
  const CivilDate c = CivilFromDays(days - 25568);  // 1899-12-31 is 25568 days before 1970-01-01
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(c.year), c.month, c.day);
  return buf;
}

std::string_view TrimCell(std::string_view s) { return TrimRight(TrimLeft(s, kBlanks), " \t\r"); }

namespace {

constexpr std::string_view kKoperasiKeys[] = {"nama", "jenis", "nomor_badan_hukum", "kabupaten", "provinsi", "kuk"};

// "31/12/2025", "31-12-2025" or "2025-12-31" → "2025-12-31"; empty when none of these.
std::string DateText(std::string_view s) {
  if (IsIsoDate(s)) return std::string(s);
  if (s.size() == 10 && (s[2] == '/' || s[2] == '-' || s[2] == '.') && s[5] == s[2]) {
    const std::string iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" + std::string(s.substr(0, 2));
    if (IsIsoDate(iso)) return iso;
  }
  return {};
}

}  // namespace

// A checklist answer's key: "manajemen.<list>[<n>]" or "daftar_periksa.<set>.<list>[<n>]", names [a-z0-9_]+ and the
// item a plain number (1..999), so "umum[01]" and "umum[1]" are the same key (a duplicate), not two. On success
// *list_path is the key without the item ("manajemen.umum", "daftar_periksa.kkpkk.prinsip_keanggotaan").
static bool ParseChecklistKey(std::string_view key, std::string* list_path, size_t* item) {
  size_t start = 0;
  if (key.rfind("manajemen.", 0) == 0) {
    start = 10;
  } else if (key.rfind("daftar_periksa.", 0) == 0) {
    const size_t dot = key.find('.', 15);
    if (dot == std::string_view::npos || !IsChecklistName(key.substr(15, dot - 15))) return false;
    start = dot + 1;
  } else {
    return false;
  }
  const size_t open = key.find('[', start);
  if (open == std::string_view::npos || key.back() != ']' || !IsChecklistName(key.substr(start, open - start))) {
    return false;
  }
  const size_t close = key.size() - 1;
  if (close <= open + 1 || close - open > 4) return false;
  size_t n = 0;
  for (size_t i = open + 1; i < close; ++i) {
    if (key[i] < '0' || key[i] > '9') return false;
    n = n * 10 + size_t(key[i] - '0');
  }
  if (n == 0) return false;
  *list_path = std::string(key.substr(0, open));
  *item = n;
  return true;
}

const std::vector<std::string>& LaporanBuilder::KnownKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (std::string_view f : kKoperasiKeys) k.push_back("koperasi." + std::string(f));
    k.push_back("periode.akhir");
    k.push_back("metode");
    for (std::string_view f : kPearlsSettingKeys) k.push_back("pearls." + std::string(f));
    for (int i = 0; i < kLineCount; ++i) k.push_back(LinePath(i));
    for (int i = 0; i < kLineCount; ++i) k.push_back("periode_lalu." + LinePath(i));
    return k;
  }();
  return keys;
}

std::string Place::Text() const {
  if (sheet == nullptr && row == 0) return "";  // a web form field: its key alone names it
  if (sheet != nullptr) return *sheet + "!" + CellRef(row, col);
  return "baris " + std::to_string(row) + (col != 0 ? ", kolom " + std::to_string(col) : std::string());
}

LaporanBuilder::LaporanBuilder(Laporan* out, Problems* problems)
    : out_(out), problems_(problems), problems_before_(problems->size()) {
  *out_ = Laporan{};
}

std::string LaporanBuilder::Where(const Place& place, std::string_view key) {
  std::string where = place.Text();
  if (where.empty()) return std::string(key);
  return where + " (" + std::string(key) + ")";
}

bool LaporanBuilder::IsKnownKeyForm(std::string_view key) {
  const bool previous = key.rfind("periode_lalu.", 0) == 0;
  if (FindLine(previous ? key.substr(13) : key) >= 0) return true;
  if (key == "metode" || key == "periode.akhir") return true;
  if (key.rfind("pearls.", 0) == 0 && PearlsSettingIndex(key.substr(7)) >= 0) return true;
  if (key.rfind("koperasi.", 0) == 0) {
    return std::find(std::begin(kKoperasiKeys), std::end(kKoperasiKeys), key.substr(9)) != std::end(kKoperasiKeys);
  }
  if (key.rfind("manajemen.", 0) != 0 && key.rfind("daftar_periksa.", 0) != 0) return false;
  std::string list;
  size_t item = 0;
  return ParseChecklistKey(key, &list, &item) && key == list + "[" + std::to_string(item) + "]";  // canonical only
}

LaporanBuilder::Seen* LaporanBuilder::Slot(std::string_view key, int line, bool previous) {
  if (line >= 0) return &lines_[size_t(line + (previous ? kLineCount : 0))];
  auto it = others_.find(key);
  if (it == others_.end()) it = others_.emplace(std::string(key), Seen{}).first;
  return &it->second;
}

void LaporanBuilder::Set(std::string_view key, Kind kind, std::string_view value_in, const Place& place) {
  // A cell that looks like "KSP" may hold "KSP " — spaces around a text value mean nothing to a treasurer.
  const std::string_view value = kind == Kind::kText ? TrimCell(value_in) : value_in;
  const bool empty = kind == Kind::kEmpty || (kind == Kind::kText && value.find_first_not_of(" \t") == std::string_view::npos);
  const bool previous = key.rfind("periode_lalu.", 0) == 0;
  const int line = FindLine(previous ? key.substr(13) : key);
  const bool checklist = key.rfind("manajemen.", 0) == 0 || key.rfind("daftar_periksa.", 0) == 0;
  const int pearls_setting = key.rfind("pearls.", 0) == 0 ? PearlsSettingIndex(key.substr(7)) : -1;
  const bool identity = key == "metode" || key == "periode.akhir" || pearls_setting >= 0 ||
                        (key.rfind("koperasi.", 0) == 0 &&
                         std::find(std::begin(kKoperasiKeys), std::end(kKoperasiKeys), key.substr(9)) != std::end(kKoperasiKeys));
  if (line < 0 && !checklist && !identity) {
    std::vector<std::string_view> known(KnownKeys().begin(), KnownKeys().end());
    // A suggestion costs an edit distance per known key; a hostile file with thousands of bad keys gets none
    // once the problem list is full.
    const std::string best = problems_->full() ? std::string() : NearestKey(key, known);
    problems_->Add(Where(place, key), "kunci_tidak_dikenal", "kunci tidak dikenal" + DidYouMean(best, Lang::kId),
                   "unknown key" + DidYouMean(best, Lang::kEn));
    return;
  }
  std::string canonical, list;
  size_t item = 0;
  if (checklist) {
    if (!ParseChecklistKey(key, &list, &item)) {
      problems_->Add(Where(place, key), "kunci_tidak_dikenal",
                     "tulis butir daftar periksa seperti manajemen.umum[1] atau daftar_periksa.kkpkk.prinsip_keanggotaan[1]",
                     "write a checklist item like manajemen.umum[1] or daftar_periksa.kkpkk.prinsip_keanggotaan[1]");
      return;
    }
    canonical = list + "[" + std::to_string(item) + "]";
    key = canonical;
  }
  Seen* seen = Slot(key, line, previous);
  if (seen->filled && !empty) {
    const std::string first = seen->place.Text();
    problems_->Add(Where(place, key), "kunci_ganda", "kunci ini sudah diisi di " + first, "this key is already filled at " + first);
    return;
  }
  if (!seen->any || !empty) seen->place = place;  // a filled place wins over an earlier empty one
  seen->any = true;
  seen->filled = seen->filled || !empty;

  if (checklist) {
    SetAnswer(list, item, empty ? Kind::kEmpty : kind, value, key, place);
    return;
  }
  if (empty) return;
  if (line >= 0) {
    if (!previous && kLines[size_t(line)].section == Section::kPearls) out_->has_pearls = true;
    SetAmount(line, previous, kind, value, key, place);
    return;
  }
  if (pearls_setting >= 0) {
    SetPearlsSetting(pearls_setting, kind, value, key, place);
    return;
  }
  if (key == "metode") {
    out_->metode = std::string(value);
    return;
  }
  if (key == "periode.akhir") {
    SetPeriodeAkhir(kind, value, key, place);
    return;
  }
  SetKoperasi(value, key, place);
}

void LaporanBuilder::SetPeriodeAkhir(Kind kind, std::string_view value, std::string_view key, const Place& place) {
  std::string serial(value);
  if (kind == Kind::kNumber && date1904_) {
    // 1904 system: day 0 is 1904-01-01, which is day 1462 of the 1900 system.
    Decimal d;
    i128 days = 0;
    if (ParseDecimal(value, &d) == DecimalError::kNone && SignificantScale(d) == 0 && Rescale(d, 0, &days)) {
      serial = ToString(days + 1462);
    }
  }
  out_->periode_akhir = kind == Kind::kNumber ? ExcelSerialToIsoDate(serial) : DateText(value);
  if (out_->periode_akhir.empty()) {
    problems_->Add(Where(place, key), "tanggal_tidak_sah",
                   "tanggal harus berbentuk TTTT-BB-HH (2025-12-31) atau HH/BB/TTTT (31/12/2025)",
                   "the date must be YYYY-MM-DD (2025-12-31) or DD/MM/YYYY (31/12/2025)");
    out_->periode_akhir = "?";  // given but invalid: not also "missing"
  }
}

void LaporanBuilder::SetKoperasi(std::string_view value, std::string_view key, const Place& place) {
  std::string* targets[] = {&out_->cooperative.nama, &out_->cooperative.jenis, &out_->cooperative.nomor_badan_hukum,
                            &out_->cooperative.kabupaten, &out_->cooperative.provinsi};
  const size_t i = size_t(std::find(std::begin(kKoperasiKeys), std::end(kKoperasiKeys), key.substr(9)) - std::begin(kKoperasiKeys));
  if (i == std::size(targets)) {  // koperasi.kuk
    std::string_view digits = value;
    // A numeric cell may be stored as "2" or "2.0".
    if (digits.size() > 2 && digits.substr(1).find_first_not_of(".0") == std::string_view::npos) digits = digits.substr(0, 1);
    out_->cooperative.kuk = ParseKuk(digits);
    if (!value.empty() && out_->cooperative.kuk == 0) {
      problems_->Add(Where(place, key), "nilai_tidak_sah", "KUK harus 1, 2, 3 atau 4 (klasifikasi usaha koperasi)",
                     "KUK must be 1, 2, 3 or 4 (the cooperative's business class)");
    }
    return;
  }
  if (value.size() > kMaxTextChars) {
    problems_->Add(Where(place, key), "terlalu_panjang", "teks lebih dari " + std::to_string(kMaxTextChars) + " karakter",
                   "text longer than " + std::to_string(kMaxTextChars) + " characters");
    *targets[i] = "?";  // given, though refused: not also "required"
    return;
  }
  if (!IsCleanText(value, true)) {
    // As the web application: a name is printed on reports and screens, so no control characters, valid UTF-8.
    problems_->Add(Where(place, key), "teks_tidak_sah",
                   "teks harus UTF-8 yang sah tanpa karakter kendali (simpan berkas sebagai UTF-8)",
                   "text must be valid UTF-8 without control characters (save the file as UTF-8)");
    *targets[i] = "?";
    return;
  }
  *targets[i] = std::string(value);
  if (i == 1 && !IsKnownJenis(value)) {
    problems_->Add(Where(place, key), "nilai_tidak_sah", "harus salah satu dari KSP, USP, KSPPS, USPPS",
                   "must be one of KSP, USP, KSPPS, USPPS");
  }
}

void LaporanBuilder::SetAmount(int line, bool previous, Kind kind, std::string_view value, std::string_view key,
                               const Place& place) {
  Sen sen = 0;
  AmountError error = AmountError::kNotANumber;
  if (kind == Kind::kNumber) {
    error = ParseSpreadsheetNumberSen(value, &sen);
  } else if (kind == Kind::kText) {
    error = ParseAmountTextSen(value, &sen);
  }
  Statements& st = previous ? out_->previous : out_->current;
  if (error != AmountError::kNone) {
    AddAmountProblem(problems_, Where(place, key), error, kind == Kind::kBoolean ? std::string_view("TRUE/FALSE") : value,
                     /*people_forms=*/true);
    st.present[size_t(line)] = true;  // given, though refused: not also "required"
    return;
  }
  if (sen < 0 && !kLines[size_t(line)].may_be_negative) {
    problems_->Add(Where(place, key), "negatif", "tidak boleh negatif", "must not be negative");
    st.present[size_t(line)] = true;
    return;
  }
  if (IsCountLine(line) && sen % 100 != 0) {
    problems_->Add(Where(place, key), "bukan_bilangan_bulat", "harus bilangan bulat (jumlah orang)",
                   "must be a whole number (a count)");
    st.present[size_t(line)] = true;
    return;
  }
  st.sen[size_t(line)] = sen;
  st.present[size_t(line)] = true;
  if (previous) out_->has_previous = true;
}

namespace {

// A setting typed into a cell comes back as the double's 17 digits ("2.6099999999999999"). It is read the way
// amounts are (rounded to the 15 digits a double holds), at 4 decimals: the value × 100 read as an amount in sen.
// Text that is no such number is returned as it is, for the percent parser to explain.
std::string SpreadsheetPercentText(std::string_view stored) {
  std::string shifted(stored);
  const size_t e = shifted.find_first_of("eE");
  if (e == std::string::npos) {
    shifted += "e2";
  } else {
    int x = 0;
    const auto [ptr, ec] = std::from_chars(shifted.data() + e + 1 + (shifted[e + 1] == '+'), shifted.data() + shifted.size(), x);
    if (ec != std::errc() || ptr != shifted.data() + shifted.size() || x > 400 || x < -400) return std::string(stored);
    shifted = shifted.substr(0, e) + "e" + std::to_string(x + 2);
  }
  Sen units = 0;
  if (ParseSpreadsheetNumberSen(shifted, &units) != AmountError::kNone) return std::string(stored);
  return FormatPlain(units, 4, 0);
}

}  // namespace

void LaporanBuilder::SetPearlsSetting(int setting, Kind kind, std::string_view value, std::string_view key,
                                      const Place& place) {
  out_->has_pearls = true;
  std::string text = kind == Kind::kNumber ? SpreadsheetPercentText(value) : std::string(value);
  if (kind == Kind::kText) std::replace(text.begin(), text.end(), ',', '.');  // "2,61": the Indonesian decimal comma
  if (kind == Kind::kBoolean) text = "TRUE/FALSE";
  PearlsSettings& ps = out_->pearls;
  const std::string where = Where(place, key);
  if (setting == 0) {
    ParsePearlsMonths(text, where, &ps.bulan, problems_);
  } else if (setting == 1) {
    ps.has_inflasi = ParsePearlsPercent(text, where, true, &ps.inflasi_pct, problems_);
  } else {
    ps.has_suku_bunga_pasar = ParsePearlsPercent(text, where, false, &ps.suku_bunga_pasar_pct, problems_);
  }
}

void LaporanBuilder::SetAnswer(const std::string& list, size_t item, Kind kind, std::string_view value,
                               std::string_view key, const Place& place) {
  if (item > kMaxChecklistAnswers) {
    problems_->Add(Where(place, key), "terlalu_banyak", "nomor butir lebih dari " + std::to_string(kMaxChecklistAnswers),
                   "item number above " + std::to_string(kMaxChecklistAnswers));
    return;
  }
  std::map<size_t, bool>& items = answers_[list];  // the list exists, even if this answer is blank
  if (kind == Kind::kEmpty) {
    if (items.count(item) == 0) blank_answers_.emplace(std::string(key), place);  // a filled copy wins
    return;
  }
  blank_answers_.erase(std::string(key));
  bool answer = false;
  const std::string v = AsciiLower(value);
  if (kind == Kind::kBoolean || kind == Kind::kNumber) {
    if (v != "1" && v != "0") {
      problems_->Add(Where(place, key), "jawaban_tidak_sah", "isi Ya atau Tidak", "answer Ya (yes) or Tidak (no)");
      refused_answers_.insert(std::string(key));
      return;
    }
    answer = v == "1";
  } else if (v == "ya" || v == "y" || v == "yes" || v == "true" || v == "benar" || v == "1") {
    answer = true;
  } else if (v == "tidak" || v == "t" || v == "no" || v == "false" || v == "salah" || v == "0") {
    answer = false;
  } else {
    problems_->Add(Where(place, key), "jawaban_tidak_sah", "'" + std::string(value.substr(0, 40)) + "' bukan jawaban; isi Ya atau Tidak",
                   "'" + std::string(value.substr(0, 40)) + "' is not an answer; write Ya (yes) or Tidak (no)");
    refused_answers_.insert(std::string(key));
    return;
  }
  items[item] = answer;
}

void LaporanBuilder::FinishChecklists() {
  // The checklists, per block (manajemen, or one set of daftar_periksa): blank everywhere means "not filled in"
  // (then the engine asks for the answers, or --tanpa-manajemen); blank in places means those items still need an
  // answer. answers_ is keyed by list path, so the lists of one block are adjacent.
  auto set_of = [](const std::string& list_path) {
    if (list_path.rfind("manajemen.", 0) == 0) return std::string();
    return list_path.substr(15, list_path.find('.', 15) - 15);
  };
  std::map<std::string, bool> block_answered;  // set -> any answer in it
  for (const auto& [list, items] : answers_) block_answered[set_of(list)] |= !items.empty();
  for (const auto& [key, place] : blank_answers_) {
    std::string list;
    size_t item = 0;
    if (ParseChecklistKey(key, &list, &item) && block_answered[set_of(list)]) {
      problems_->Add(Where(place, key), "belum_dijawab", "butir ini belum dijawab; isi Ya atau Tidak",
                     "this item has no answer yet; write Ya (yes) or Tidak (no)");
    }
  }
  for (const auto& [set, answered] : block_answered) {
    if (!answered) continue;
    if (set.empty()) {
      out_->has_manajemen = true;
    } else if (out_->checklist_sets.size() < kMaxChecklistSets) {
      out_->checklist_sets.push_back(set);
    } else {
      problems_->Add("daftar_periksa." + set, "terlalu_banyak",
                     "lebih dari " + std::to_string(kMaxChecklistSets) + " kelompok daftar periksa",
                     "more than " + std::to_string(kMaxChecklistSets) + " checklist sets");
    }
  }
  for (auto& [list_path, items] : answers_) {
    const std::string set = set_of(list_path);
    if (!block_answered[set]) continue;
    size_t n = 0;
    for (const auto& [item, answer] : items) n = std::max(n, item);
    for (const auto& [key, place] : blank_answers_) {
      if (key.rfind(list_path + "[", 0) != 0) continue;
      n = std::max(n, size_t(std::stoul(key.substr(list_path.size() + 1))));
    }
    // An item with no row at all (deleted from the sheet) is as unanswered as a blank one: never a silent "Tidak".
    for (size_t item = 1; item <= n; ++item) {
      const std::string key = list_path + "[" + std::to_string(item) + "]";
      // A refused answer was already reported where it is; not again as missing.
      if (items.count(item) != 0 || blank_answers_.count(key) != 0 || refused_answers_.count(key) != 0) continue;
      problems_->Add(key, "belum_dijawab", "butir ini tidak ada di berkas; tambahkan barisnya dan isi Ya atau Tidak",
                     "this item is missing from the file; add its row and answer Ya (yes) or Tidak (no)");
    }
    if (out_->checklists.size() >= kMaxChecklists) {
      problems_->Add(list_path, "terlalu_banyak", "lebih dari " + std::to_string(kMaxChecklists) + " daftar periksa",
                     "more than " + std::to_string(kMaxChecklists) + " checklists");
      break;
    }
    const std::string list = list_path.substr(list_path.rfind('.') + 1);
    ChecklistAnswers c{set, list, std::vector<bool>(n, false), n};
    for (const auto& [item, answer] : items) c.answers[item - 1] = answer;
    out_->checklists.push_back(std::move(c));
  }
}

bool LaporanBuilder::Finish() {
  FinishChecklists();
  auto place_of = [&](const std::string& key) -> const Seen* {
    const bool previous = key.rfind("periode_lalu.", 0) == 0;
    const int line = FindLine(previous ? std::string_view(key).substr(13) : std::string_view(key));
    if (line >= 0) return &lines_[size_t(line + (previous ? kLineCount : 0))];
    auto it = others_.find(key);
    return it == others_.end() ? nullptr : &it->second;
  };
  auto at = [&](const std::string& key) {
    const Seen* s = place_of(key);
    return s != nullptr && s->any ? Where(s->place, key) : key;
  };
  if (out_->cooperative.nama.empty()) {
    problems_->Add(at("koperasi.nama"), "wajib_ada", "nama koperasi wajib diisi", "the cooperative's name is required");
  }
  if (out_->periode_akhir.empty()) {
    problems_->Add(at("periode.akhir"), "wajib_ada", "tanggal akhir periode wajib diisi", "the period end date is required");
  }
  ApplyDefaults(&out_->current);
  if (out_->has_previous) ApplyDefaults(&out_->previous);
  const size_t before_validation = problems_->size();
  ValidateLaporan(*out_, problems_);
  // Point the whole-document problems at their cells where the key has one.
  std::vector<Problem>& items = problems_->mutable_items();
  for (size_t i = std::min(before_validation, items.size()); i < items.size(); ++i) items[i].path = at(items[i].path);
  return problems_->size() == problems_before_;
}

}  // namespace kopsehat
