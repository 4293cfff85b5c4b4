// interchange/json_reader.cc — see json_reader.h. simdjson's on-demand parser reads the numbers' own text; nlohmann-json
// is used only to locate a syntax error. ValidateLaporan, the checks across lines, serves every reader.
#include "interchange/json_reader.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "core/suggest.h"
#include "interchange/fields.h"

namespace kopsehat {

namespace od = simdjson::ondemand;

namespace {

// Thrown inside the reader when the document itself is not valid JSON: parsing cannot go on.
struct Malformed {
  simdjson::error_code code;
};

template <typename T>
T Check(simdjson::simdjson_result<T> r) {
  T value;
  const simdjson::error_code e = std::move(r).get(value);
  if (e != simdjson::SUCCESS) throw Malformed{e};
  return value;
}

void Unknown(Problems* p, const std::string& path, std::string_view key, const std::vector<std::string_view>& known) {
  const std::string best = p->full() ? std::string() : NearestKey(key, known);
  p->Add(path, "kunci_tidak_dikenal", "kunci tidak dikenal" + DidYouMean(best, Lang::kId),
         "unknown key" + DidYouMean(best, Lang::kEn));
}

std::string Join(const std::string& base, std::string_view key) {
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

const char* TypeNameId(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "daftar";
    case od::json_type::object:
      return "objek";
    case od::json_type::number:
      return "angka";
    case od::json_type::string:
      return "teks";
    case od::json_type::boolean:
      return "true/false";
    case od::json_type::null:
      return "null";
  }
  return "?";
}

const char* TypeNameEn(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "?";
}

void WrongType(Problems* p, const std::string& path, const char* want_id, const char* want_en, od::json_type got) {
  p->Add(path, "tipe_salah", std::string("harus berupa ") + want_id + ", bukan " + TypeNameId(got),
         std::string("must be ") + want_en + ", not " + TypeNameEn(got));
}

// Byte offset → 1-based line and column (columns count UTF-8 code points).
void LineColumn(std::string_view text, size_t offset, size_t* line, size_t* col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      *col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++*col;
    }
  }
}

}  // namespace

struct LaporanJsonReader::Impl {
  od::parser parser{kMaxLaporanBytes};
  std::string buffer;
  Laporan* out = nullptr;
  Problems* problems = nullptr;
  std::bitset<kLineCount> seen_current, seen_previous;

  std::string ReadText(od::value v, const std::string& path) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::string) {
      WrongType(problems, path, "teks", "a string", t);
      return {};
    }
    const std::string_view s = Check(v.get_string());
    if (s.size() > kMaxTextChars) {
      problems->Add(path, "terlalu_panjang", "teks lebih dari " + std::to_string(kMaxTextChars) + " karakter",
                    "text longer than " + std::to_string(kMaxTextChars) + " characters");
      return {};
    }
    return std::string(s);
  }

  void ReadAmount(od::value v, const std::string& base, std::string_view key, int line, Statements* st) {
    // The key path is only needed for a message; building it for every good field costs more than the parse.
    struct LazyPath {
      const std::string& base;
      std::string_view key;
      operator std::string() const { return Join(base, key); }
    } path{base, key};
    const od::json_type t = Check(v.type());
    std::string_view text;
    if (t == od::json_type::number) {
      text = TrimLeft(TrimRight(v.raw_json_token(), kWhitespace), " ");
    } else if (t == od::json_type::string) {
      text = TrimLeft(TrimRight(Check(v.get_string()), kWhitespace), " ");
    } else {
      WrongType(problems, path, "angka atau teks angka", "a number or a numeric string", t);
      return;
    }
    Sen sen = 0;
    const AmountError error = ParseAmountSen(text, &sen);
    if (error != AmountError::kNone) {
      AddAmountProblem(problems, path, error, text, /*people_forms=*/false);
      st->present[size_t(line)] = true;  // given, though refused: not also "required"
      return;
    }
    if (sen < 0 && !kLines[size_t(line)].may_be_negative) {
      problems->Add(path, "negatif", "tidak boleh negatif", "must not be negative");
      st->present[size_t(line)] = true;
      return;
    }
    if (IsCountLine(line) && sen % 100 != 0) {
      problems->Add(path, "bukan_bilangan_bulat", "harus bilangan bulat (jumlah orang)", "must be a whole number (a count)");
      st->present[size_t(line)] = true;
      return;
    }
    st->sen[size_t(line)] = sen;
    st->present[size_t(line)] = true;
  }

  // A percentage setting of the pearls block: a JSON number or numeric string, |x| <= 1000, at most 4 decimals.
  // The text of a pearls setting: a JSON number (its original digits) or a numeric string; false (with a problem
  // saying what was wanted) for anything else.
  bool SettingText(od::value v, const std::string& path, const char* want_id, const char* want_en, std::string_view* text) {
    const od::json_type t = Check(v.type());
    if (t == od::json_type::number) {
      *text = TrimLeft(TrimRight(v.raw_json_token(), kWhitespace), " ");
    } else if (t == od::json_type::string) {
      *text = TrimLeft(TrimRight(Check(v.get_string()), kWhitespace), " ");
    } else {
      WrongType(problems, path, want_id, want_en, t);
      return false;
    }
    return true;
  }

  bool ReadPercent(od::value v, const std::string& path, bool may_be_negative, Decimal* value_out) {
    std::string_view text;
    return SettingText(v, path, "angka persen", "a percentage number", &text) &&
           ParsePearlsPercent(text, path, may_be_negative, value_out, problems);
  }

  // `pearls` (and `periode_lalu.pearls`, which holds lines only): PEARLS lines plus, for the current period, the
  // settings bulan, inflasi_persen and suku_bunga_pasar_persen.
  void ReadPearls(od::value v, const std::string& path, bool current, Statements* st, std::bitset<kLineCount>* seen) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, path, "objek", "an object", t);
      return;
    }
    if (current) out->has_pearls = true;
    std::bitset<3> seen_setting;
    for (auto field_result : Check(v.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string_view key = Check(field.unescaped_key());
      const int setting = current ? PearlsSettingIndex(key) : -1;
      if (setting >= 0) {
        const std::string p = Join(path, key);
        if (seen_setting[size_t(setting)]) {
          problems->Add(p, "kunci_ganda", "kunci muncul dua kali", "key appears twice");
          continue;
        }
        seen_setting[size_t(setting)] = true;
        PearlsSettings& ps = out->pearls;
        od::value value = field.value();
        if (setting == 0) {
          std::string_view text;
          if (SettingText(value, p, "jumlah bulan (1–12)", "a number of months (1–12)", &text)) {
            ParsePearlsMonths(text, p, &ps.bulan, problems);
          }
        } else if (setting == 1) {
          ps.has_inflasi = ReadPercent(value, p, true, &ps.inflasi_pct);
        } else {
          ps.has_suku_bunga_pasar = ReadPercent(value, p, false, &ps.suku_bunga_pasar_pct);
        }
        continue;
      }
      ReadLine(field, key, path, Section::kPearls, st, seen, current);
    }
  }

  // One key of a section: the amount of its line, or a problem (an unknown key with the nearest known one, or a
  // duplicate). `with_settings`: the pearls settings are known keys too (for the suggestion).
  void ReadLine(od::field& field, std::string_view key, const std::string& path, Section section, Statements* st,
                std::bitset<kLineCount>* seen, bool with_settings = false) {
    const int line = FindLine(section, key);
    if (line < 0) {
      std::vector<std::string_view> known;
      for (const LineSpec& spec : kLines) {
        if (spec.section == section) known.push_back(spec.key);
      }
      if (with_settings) known.insert(known.end(), std::begin(kPearlsSettingKeys), std::end(kPearlsSettingKeys));
      Unknown(problems, Join(path, key), key, known);
      return;
    }
    if ((*seen)[size_t(line)]) {
      problems->Add(Join(path, key), "kunci_ganda", "kunci muncul dua kali", "key appears twice");
      return;
    }
    (*seen)[size_t(line)] = true;
    ReadAmount(field.value(), path, key, line, st);
  }

  void ReadSection(od::value v, const std::string& path, Section section, Statements* st,
                   std::bitset<kLineCount>* seen) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, path, "objek", "an object", t);
      return;
    }
    od::object obj = Check(v.get_object());
    for (auto field_result : obj) {
      od::field field = Check(std::move(field_result));
      const std::string_view key = Check(field.unescaped_key());
      ReadLine(field, key, path, section, st, seen);
    }
  }

  // koperasi.kuk: 1..4, as a JSON integer or a string holding one digit.
  void ReadKuk(od::value v, const std::string& path) {
    const od::json_type t = Check(v.type());
    std::string_view text;
    if (t == od::json_type::number) {
      text = TrimRight(v.raw_json_token(), kWhitespace);
    } else if (t == od::json_type::string) {
      text = Trim(Check(v.get_string()), kWhitespace);
    } else {
      WrongType(problems, path, "bilangan 1–4", "a number 1–4", t);
      return;
    }
    out->cooperative.kuk = ParseKuk(text);
    if (out->cooperative.kuk == 0) {
      problems->Add(path, "nilai_tidak_sah", "KUK harus 1, 2, 3 atau 4 (klasifikasi usaha koperasi)",
                    "KUK must be 1, 2, 3 or 4 (the cooperative's business class)");
    }
  }

  void ReadKoperasi(od::value v) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, "koperasi", "objek", "an object", t);
      return;
    }
    std::bitset<6> seen;
    for (auto field_result : Check(v.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string_view key = Check(field.unescaped_key());
      const std::string path = Join("koperasi", key);
      CooperativeIdentity& k = out->cooperative;
      static constexpr std::string_view kKeys[] = {"nama", "jenis", "nomor_badan_hukum", "kabupaten", "provinsi",
                                                   "kuk"};
      std::string* const targets[] = {&k.nama, &k.jenis, &k.nomor_badan_hukum, &k.kabupaten, &k.provinsi};
      size_t slot = 0;
      while (slot < std::size(kKeys) && kKeys[slot] != key) ++slot;
      if (slot == std::size(kKeys)) {
        Unknown(problems, path, key, {"nama", "jenis", "nomor_badan_hukum", "kabupaten", "provinsi", "kuk"});
        continue;
      }
      if (seen[slot]) {
        problems->Add(path, "kunci_ganda", "kunci muncul dua kali", "key appears twice");
        continue;
      }
      seen[slot] = true;
      if (slot == std::size(targets)) {
        ReadKuk(field.value(), path);
        continue;
      }
      std::string* target = targets[slot];
      *target = ReadText(field.value(), path);
      if (target == &k.jenis && !k.jenis.empty() && !IsKnownJenis(k.jenis)) {
        problems->Add(path, "nilai_tidak_sah", "harus salah satu dari KSP, USP, KSPPS, USPPS",
                      "must be one of KSP, USP, KSPPS, USPPS");
      }
    }
    if (out->cooperative.nama.empty()) {
      problems->Add("koperasi.nama", "wajib_ada", "nama koperasi wajib diisi", "the cooperative's name is required");
    }
  }

  void ReadPeriode(od::value v) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, "periode", "objek", "an object", t);
      return;
    }
    bool seen_akhir = false;
    for (auto field_result : Check(v.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string_view key = Check(field.unescaped_key());
      if (key != "akhir") {
        Unknown(problems, Join("periode", key), key, {"akhir"});
        continue;
      }
      if (seen_akhir) {
        problems->Add("periode.akhir", "kunci_ganda", "kunci muncul dua kali", "key appears twice");
        continue;
      }
      seen_akhir = true;
      out->periode_akhir = ReadText(field.value(), "periode.akhir");
      if (!out->periode_akhir.empty() && !IsIsoDate(out->periode_akhir)) {
        problems->Add("periode.akhir", "tanggal_tidak_sah", "tanggal harus berbentuk TTTT-BB-HH, mis. 2021-12-31",
                      "the date must be YYYY-MM-DD, e.g. 2021-12-31");
      }
    }
    if (out->periode_akhir.empty()) {
      problems->Add("periode.akhir", "wajib_ada", "tanggal akhir periode wajib diisi", "the period end date is required");
    }
  }

  void ReadManajemen(od::value v) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, "manajemen", "objek", "an object", t);
      return;
    }
    out->has_manajemen = true;
    ReadChecklists(v, "", "manajemen");
  }

  // `daftar_periksa`: { "<set>": { "<list>": [true, false, ...] } }, one set per method family (kkpkk, syariah).
  void ReadChecklistSets(od::value v) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, "daftar_periksa", "objek", "an object", t);
      return;
    }
    for (auto field_result : Check(v.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string set(Check(field.unescaped_key()));
      const std::string path = "daftar_periksa." + set;
      if (!IsChecklistName(set)) {
        problems->Add(path, "kunci_tidak_sah", "nama daftar hanya huruf kecil, angka dan garis bawah",
                      "a set name has only lower-case letters, digits and underscores");
        continue;
      }
      if (out->HasChecklistSet(set)) {
        problems->Add(path, "kunci_ganda", "kunci muncul dua kali", "key appears twice");
        continue;
      }
      if (out->checklist_sets.size() >= kMaxChecklistSets) {
        problems->Add(path, "terlalu_banyak", "lebih dari " + std::to_string(kMaxChecklistSets) + " kelompok daftar periksa",
                      "more than " + std::to_string(kMaxChecklistSets) + " checklist sets");
        return;
      }
      od::value value = field.value();
      const od::json_type vt = Check(value.type());
      if (vt != od::json_type::object) {
        WrongType(problems, path, "objek", "an object", vt);
        continue;
      }
      out->checklist_sets.push_back(set);
      ReadChecklists(value, set, path);
    }
  }

  // The lists of one block: each key an array of booleans.
  void ReadChecklists(od::value v, const std::string& set, const std::string& prefix) {
    for (auto field_result : Check(v.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string key(Check(field.unescaped_key()));
      // The key's path is needed only for a problem: built then, not for every list of every laporan.
      const auto path = [&] { return prefix + "." + key; };
      if (!IsChecklistName(key)) {
        // Such a key could never name a method's list, and CSV and XLSX could not carry it.
        problems->Add(path(), "kunci_tidak_sah", "nama daftar hanya huruf kecil, angka dan garis bawah",
                      "a list name has only lower-case letters, digits and underscores");
        continue;
      }
      if (out->FindChecklist(set, key) != nullptr) {
        problems->Add(path(), "kunci_ganda", "kunci muncul dua kali", "key appears twice");
        continue;
      }
      od::value value = field.value();
      const od::json_type vt = Check(value.type());
      if (vt != od::json_type::array) {
        WrongType(problems, path(), "daftar true/false", "an array of true/false", vt);
        continue;
      }
      ChecklistAnswers answers{set, key, {}};
      size_t index = 0;
      for (auto element_result : Check(value.get_array())) {
        od::value element = Check(std::move(element_result));
        ++index;
        if (index > kMaxChecklistAnswers) continue;  // counted for the message, not stored
        const od::json_type et = Check(element.type());
        if (et != od::json_type::boolean) {
          WrongType(problems, path() + "[" + std::to_string(index) + "]", "true atau false", "true or false", et);
          answers.answers.push_back(false);
          continue;
        }
        answers.answers.push_back(Check(element.get_bool()));
      }
      answers.given = index;
      if (index > kMaxChecklistAnswers) {
        problems->Add(path(), "terlalu_banyak", "lebih dari " + std::to_string(kMaxChecklistAnswers) + " jawaban",
                      "more than " + std::to_string(kMaxChecklistAnswers) + " answers");
      }
      if (out->checklists.size() < kMaxChecklists) {
        out->checklists.push_back(std::move(answers));
      } else {
        problems->Add(path(), "terlalu_banyak", "lebih dari " + std::to_string(kMaxChecklists) + " daftar periksa",
                      "more than " + std::to_string(kMaxChecklists) + " checklists");
        return;
      }
    }
  }

  void ReadPrevious(od::value v) {
    const od::json_type t = Check(v.type());
    if (t != od::json_type::object) {
      WrongType(problems, "periode_lalu", "objek", "an object", t);
      return;
    }
    out->has_previous = true;
    for (auto field_result : Check(v.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string_view key = Check(field.unescaped_key());
      const std::string path = Join("periode_lalu", key);
      if (key == "neraca") {
        ReadSection(field.value(), path, Section::kNeraca, &out->previous, &seen_previous);
      } else if (key == "hasil_usaha") {
        ReadSection(field.value(), path, Section::kHasilUsaha, &out->previous, &seen_previous);
      } else if (key == "pinjaman") {
        ReadSection(field.value(), path, Section::kPinjaman, &out->previous, &seen_previous);
      } else if (key == "pearls") {
        ReadPearls(field.value(), path, /*current=*/false, &out->previous, &seen_previous);
      } else if (key == "kegiatan") {
        ReadSection(field.value(), path, Section::kKegiatan, &out->previous, &seen_previous);
      } else {
        Unknown(problems, path, key, {"neraca", "hasil_usaha", "pinjaman", "pearls", "kegiatan"});
      }
    }
  }

  // The index of a top-level key in ReadRoot's kKeys; koperasi and periode are required.
  static constexpr size_t kKoperasiKey = 2, kPeriodeKey = 3;

  // The value of the top-level key kKeys[k] (see ReadRoot).
  void ReadTopLevel(size_t k, od::value v) {
    switch (k) {
      case 0: {
        const std::string format = ReadText(v, "format");
        if (!format.empty() && format != "kopsehat/laporan-v1") {
          problems->Add("format", "format_tidak_dikenal", "format '" + format + "' tidak dikenal; yang dikenal: kopsehat/laporan-v1",
                        "unknown format '" + format + "'; known: kopsehat/laporan-v1");
        }
        break;
      }
      case 1:
        out->metode = ReadText(v, "metode");
        break;
      case kKoperasiKey:
        ReadKoperasi(v);
        break;
      case kPeriodeKey:
        ReadPeriode(v);
        break;
      case 4:
        ReadSection(v, "neraca", Section::kNeraca, &out->current, &seen_current);
        break;
      case 5:
        ReadSection(v, "hasil_usaha", Section::kHasilUsaha, &out->current, &seen_current);
        break;
      case 6:
        ReadSection(v, "pinjaman", Section::kPinjaman, &out->current, &seen_current);
        break;
      case 7:
        ReadManajemen(v);
        break;
      case 8:
        ReadPrevious(v);
        break;
      case 9:
        ReadPearls(v, "pearls", /*current=*/true, &out->current, &seen_current);
        break;
      case 10:
        ReadSection(v, "kegiatan", Section::kKegiatan, &out->current, &seen_current);
        break;
      case 11:
        ReadChecklistSets(v);
        break;
    }
  }

  // False when the root is not an object (reported; nothing more to read).
  bool ReadRoot(od::document& doc) {
    const od::json_type t = Check(doc.type());
    if (t != od::json_type::object) {
      problems->Add("", "tipe_salah", std::string("laporan harus berupa objek JSON, bukan ") + TypeNameId(t),
                    std::string("a laporan must be a JSON object, not ") + TypeNameEn(t));
      return false;
    }
    std::bitset<16> seen;
    for (auto field_result : Check(doc.get_object())) {
      od::field field = Check(std::move(field_result));
      const std::string_view key = Check(field.unescaped_key());
      static constexpr std::string_view kKeys[] = {"format",    "metode",       "koperasi", "periode",
                                                   "neraca",    "hasil_usaha",  "pinjaman", "manajemen",
                                                   "periode_lalu", "pearls",    "kegiatan", "daftar_periksa"};
      size_t k = 0;
      while (k < std::size(kKeys) && kKeys[k] != key) ++k;
      if (k == std::size(kKeys)) {
        Unknown(problems, std::string(key), key,
                {"format", "metode", "koperasi", "periode", "neraca", "hasil_usaha", "pinjaman", "manajemen",
                 "periode_lalu", "pearls", "kegiatan", "daftar_periksa"});
        continue;
      }
      if (seen[k]) {
        problems->Add(std::string(key), "kunci_ganda", "kunci muncul dua kali", "key appears twice");
        continue;
      }
      seen[k] = true;
      ReadTopLevel(k, field.value());
    }
    if (!seen[kKoperasiKey]) problems->Add("koperasi", "wajib_ada", "blok koperasi wajib ada", "the koperasi block is required");
    if (!seen[kPeriodeKey]) problems->Add("periode", "wajib_ada", "blok periode wajib ada", "the periode block is required");
    return true;
  }

  // Locates a syntax error precisely (simdjson's on-demand parser reports what, not always where).
  void ReportMalformed(std::string_view json, simdjson::error_code code, const char* location) {
    size_t offset = location != nullptr ? size_t(location - buffer.data()) : json.size();
    std::string detail = simdjson::error_message(code);
    try {
      const nlohmann::json parsed = nlohmann::json::parse(json.begin(), json.end());
      (void)parsed;
    } catch (const nlohmann::json::parse_error& e) {
      offset = e.byte > 0 ? e.byte - 1 : 0;
      detail = e.what();
      const size_t colon = detail.find(": ");
      if (colon != std::string::npos) detail = detail.substr(colon + 2);
    } catch (const std::exception&) {
    }
    size_t line = 0, col = 0;
    LineColumn(json, offset, &line, &col);
    const std::string where = std::to_string(line) + ", kolom " + std::to_string(col);
    const std::string where_en = std::to_string(line) + ", column " + std::to_string(col);
    // The parser's words are English; the Indonesian message says what they mean for a person fixing the file.
    const char* hint = "penulisan JSON salah di sini: periksa koma, titik dua, tanda kutip dan kurung";
    if (detail.find("end of input") != std::string::npos) {
      hint = "berkas berakhir sebelum JSON selesai: ada kurung kurawal, kurung siku atau tanda kutip yang belum ditutup";
    } else if (detail.find("invalid literal") != std::string::npos || detail.find("invalid string") != std::string::npos) {
      hint = "ada teks yang bukan nilai JSON: teks ditulis di antara tanda kutip, angka tanpa titik ribuan";
    } else if (detail.find("end of input; expected") == std::string::npos && detail.find("trailing") != std::string::npos) {
      hint = "ada isi setelah akhir JSON";
    }
    problems->Add("", "json_tidak_sah", "JSON tidak sah pada baris " + where + ": " + hint,
                  "invalid JSON at line " + where_en + " (" + detail + ")");
  }
};

LaporanJsonReader::LaporanJsonReader() : impl_(std::make_unique<Impl>()) {}
LaporanJsonReader::~LaporanJsonReader() = default;

bool LaporanJsonReader::Read(std::string_view json, Laporan* out, Problems* problems) {
  *out = Laporan{};
  const size_t before = problems->size();
  if (json.size() > kMaxLaporanBytes) {
    problems->Add("", "terlalu_besar", "berkas laporan lebih dari 1 MiB", "laporan file larger than 1 MiB");
    return false;
  }
  // Windows editors (Notepad) save UTF-8 with a byte-order mark; it carries no content.
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  Impl& im = *impl_;
  im.out = out;
  im.problems = problems;
  im.seen_current.reset();
  im.seen_previous.reset();
  im.buffer.assign(json);
  im.buffer.resize(json.size() + simdjson::SIMDJSON_PADDING, ' ');
  od::document doc;
  bool iterated = false;  // a document that failed to start has no position to ask for
  try {
    doc = Check(im.parser.iterate(im.buffer.data(), json.size(), im.buffer.size()));
    iterated = true;
    if (!im.ReadRoot(doc)) return false;
    // After the root value, current_location() fails with OUT_OF_BOUNDS unless something follows it.
    const char* rest = nullptr;
    if (doc.current_location().get(rest) == simdjson::SUCCESS) throw Malformed{simdjson::TRAILING_CONTENT};
  } catch (const Malformed& m) {
    const char* location = nullptr;
    if (!iterated || doc.current_location().get(location) != simdjson::SUCCESS) location = nullptr;
    // Problems found before the syntax error may be artefacts of it; report the syntax error alone.
    problems->Clear();
    im.ReportMalformed(json, m.code, location);
    return false;
  }
  ApplyDefaults(&out->current);
  if (out->has_previous) ApplyDefaults(&out->previous);
  ValidateLaporan(*out, problems);
  return problems->size() == before;
}


namespace {

// Whether an amount of `section` was already refused or misspelt ("neraca.kas: ..." from JSON, "Neraca!B5
// (neraca.kas): ..." from a spreadsheet). A check across the section's lines would then only echo that problem.
bool SectionHasProblem(const Problems& problems, std::string_view section) {
  if (problems.empty()) return false;  // the common case, on the batch's hot path: no strings built
  const std::string plain = std::string(section) + ".", cell = "(" + plain;
  for (const Problem& p : problems.items()) {
    if (p.path.rfind(plain, 0) == 0 || p.path.find(cell) != std::string::npos) return true;
  }
  return false;
}

// "<part> (Rp a) melebihi <whole> (Rp b)": a line of the pearls block that must stay inside another amount.
// Text pieces are views: the check runs for every laporan and the strings are built only for a problem.
void CheckWithin(std::string_view path, std::string_view part_id, std::string_view part_en, i128 part,
                 std::string_view whole_id, std::string_view whole_en, i128 whole, Problems* problems) {
  if (part <= whole) return;
  std::string id(part_id), en(part_en);
  id.append(" (").append(FormatRupiah(Sen(part))).append(") melebihi ").append(whole_id);
  id.append(" (").append(FormatRupiah(Sen(whole))).append(")");
  en.append(" (").append(FormatSenPlain(Sen(part))).append(") exceeds ").append(whole_en);
  en.append(" (").append(FormatSenPlain(Sen(whole))).append(")");
  problems->Add(std::string(path), "melebihi_induk", std::move(id), std::move(en));
}

// The pearls block's lines that are parts of other lines (docs/formats.md, PEARLS): a part larger than its whole
// is a typing error that would otherwise give impossible ratios.
void ValidatePearls(const Laporan& l, bool neraca_read, bool hasil_usaha_read, Problems* problems) {
  if (SectionHasProblem(*problems, "pearls")) return;
  const Statements& s = l.current;
  auto get = [&](const char* path) { return i128(s.Get(line::Index(path))); };
  if (neraca_read) {
    CheckWithin("pearls", "pinjaman lalai 1–12 bulan + lalai > 12 bulan", "loans delinquent 1–12 and > 12 months",
                get("pearls.lalai_1_12_bulan") + get("pearls.lalai_lebih_12_bulan"), "pinjaman diberikan",
                "loans outstanding", get("neraca.pinjaman_anggota") + get("neraca.pinjaman_non_anggota"), problems);
  }
  CheckWithin("pearls.pemulihan_kumulatif", "pemulihan kumulatif", "accumulated recoveries",
              get("pearls.pemulihan_kumulatif"), "hapus buku kumulatif", "accumulated charge-offs",
              get("pearls.hapus_buku_kumulatif"), problems);
  CheckWithin("pearls.utang_tidak_berbiaya_30_hari", "utang tidak berbiaya ≤ 30 hari", "non-interest payables ≤ 30 days",
              get("pearls.utang_tidak_berbiaya_30_hari"), "kewajiban tidak berbiaya", "non-interest-bearing liabilities",
              get("pearls.utang_tidak_berbiaya"), problems);
  CheckWithin("pearls.cadangan_likuiditas", "cadangan likuiditas", "liquidity reserves", get("pearls.cadangan_likuiditas"),
              "investasi likuid + aset likuid tidak menghasilkan", "liquid investments + non-earning liquid assets",
              get("pearls.investasi_likuid") + get("pearls.aset_likuid_tidak_menghasilkan"), problems);
  if (hasil_usaha_read) {
    CheckWithin("pearls", "pendapatan investasi (likuid + keuangan + non-keuangan)", "investment income (all three)",
                get("pearls.pendapatan_investasi_likuid") + get("pearls.pendapatan_investasi_keuangan") +
                    get("pearls.pendapatan_investasi_non_keuangan"),
                "pendapatan lain", "other income", get("hasil_usaha.pendapatan_lain"), problems);
    CheckWithin("pearls.beban_penyisihan", "beban penyisihan", "provision expense", get("pearls.beban_penyisihan"),
                "beban usaha", "operating expenses", get("hasil_usaha.beban_usaha"), problems);
  }
}

void CheckRequiredLines(const Statements& s, Problems* problems) {
  for (int i = 0; i < kLineCount; ++i) {
    if (kLines[size_t(i)].required && !s.present[size_t(i)]) {
      problems->Add(LinePath(i), "wajib_ada", std::string("wajib diisi (") + kLines[size_t(i)].label_id + ")",
                    std::string("required (") + kLines[size_t(i)].label_en + ")");
    }
  }
}

// Balance: assets net of the loan-loss allowance equal liabilities plus equity, to the sen. Sums fit in int64:
// at most 29 lines of at most 10^17 sen each would not, so the sums are taken in 128 bits.
void CheckBalance(const Statements& s, Problems* problems) {
  i128 aset = 0, pasiva = 0;
  for (int i = 0; i < kLineCount; ++i) {
    switch (kLines[size_t(i)].side) {
      case BalanceSide::kAset:
        aset += s.Get(i);
        break;
      case BalanceSide::kAsetPengurang:
        aset -= s.Get(i);
        break;
      case BalanceSide::kKewajiban:
      case BalanceSide::kEkuitas:
        pasiva += s.Get(i);
        break;
      case BalanceSide::kNone:
        break;
    }
  }
  if (aset == pasiva) return;
  const auto rp = [](i128 v) {
    const i128 m = v < 0 ? -v : v;
    return (v < 0 ? "-Rp " : "Rp ") + FormatIndonesian(m, 2, m % 100 == 0 ? 0 : 2);
  };
  const auto rp_en = [](i128 v) { return "Rp " + FormatPlain(v, 2, v % 100 == 0 ? 0 : 2); };
  problems->Add("neraca", "neraca_tidak_seimbang",
                "neraca tidak seimbang: total aset " + rp(aset) + ", kewajiban + ekuitas " + rp(pasiva) +
                    ", selisih " + rp(aset - pasiva),
                "the balance sheet does not balance: total assets " + rp_en(aset) + ", liabilities + equity " +
                    rp_en(pasiva) + ", difference " + rp_en(aset - pasiva));
}

// Problem loans, risky loans and members' loan volume against the loans they are part of.
void CheckLoans(const Statements& s, Problems* problems) {
  static const int kPA = line::Index("neraca.pinjaman_anggota");
  static const int kPN = line::Index("neraca.pinjaman_non_anggota");
  static const int kKL = line::Index("pinjaman.kurang_lancar");
  static const int kDR = line::Index("pinjaman.diragukan");
  static const int kMC = line::Index("pinjaman.macet");
  static const int kBR = line::Index("pinjaman.berisiko");
  static const int kVA = line::Index("pinjaman.volume_anggota");
  static const int kVT = line::Index("pinjaman.volume_total");
  const i128 loans = i128(s.Get(kPA)) + s.Get(kPN);
  const i128 problem_loans = i128(s.Get(kKL)) + s.Get(kDR) + s.Get(kMC);
  if (problem_loans > loans) {
    problems->Add("pinjaman", "melebihi_pinjaman",
                  "kurang lancar + diragukan + macet (" + FormatRupiah(Sen(problem_loans)) +
                      ") melebihi pinjaman diberikan (" + FormatRupiah(Sen(loans)) + ")",
                  "substandard + doubtful + loss (" + FormatSenPlain(Sen(problem_loans)) +
                      ") exceed loans outstanding (" + FormatSenPlain(Sen(loans)) + ")");
  }
  if (s.Get(kBR) > loans) {
    problems->Add("pinjaman.berisiko", "melebihi_pinjaman",
                  "pinjaman berisiko (" + FormatRupiah(s.Get(kBR)) + ") melebihi pinjaman diberikan (" +
                      FormatRupiah(Sen(loans)) + ")",
                  "risky loans (" + FormatSenPlain(s.Get(kBR)) + ") exceed loans outstanding (" +
                      FormatSenPlain(Sen(loans)) + ")");
  }
  if (s.Get(kVA) > s.Get(kVT)) {
    problems->Add("pinjaman.volume_anggota", "melebihi_volume",
                  "volume pinjaman anggota (" + FormatRupiah(s.Get(kVA)) + ") melebihi volume pinjaman total (" +
                      FormatRupiah(s.Get(kVT)) + ")",
                  "member loan volume (" + FormatSenPlain(s.Get(kVA)) + ") exceeds total loan volume (" +
                      FormatSenPlain(s.Get(kVT)) + ")");
  }
}

// The "rincian" lines (LineParts): a part larger than its whole is a typing error — members cannot hold more
// savings than the cooperative owes in all. Parts of one whole together stay within it too (titipan dana kebajikan
// anggota + utang biaya within kewajiban lancar lain). A part that may be negative (SHU of earlier years within SHU
// belum dibagi) is not bounded by its whole.
void CheckParts(const Statements& s, Problems* problems) {
  const std::vector<LinePart>& parts = LineParts();
  for (size_t i = 0; i < parts.size(); ++i) {
    const LinePart& p = parts[i];
    if (!s.present[size_t(p.part)] || kLines[size_t(p.part)].may_be_negative) continue;
    const LineSpec& part = kLines[size_t(p.part)];
    const LineSpec& whole = kLines[size_t(p.whole)];
    if (s.Get(p.part) > s.Get(p.whole)) {
      CheckWithin(LinePath(p.part), part.label_id, part.label_en, s.Get(p.part), whole.label_id, whole.label_en,
                  s.Get(p.whole), problems);
      continue;
    }
    // The first part of a whole that has further given parts checks their sum.
    i128 sum = s.Get(p.part);
    std::string names_id = part.label_id, names_en = part.label_en;
    bool first = true;
    for (size_t j = 0; j < parts.size(); ++j) {
      if (parts[j].whole != p.whole || j == i || !s.present[size_t(parts[j].part)]) continue;
      if (j < i) first = false;
      sum += s.Get(parts[j].part);
      names_id.append(" + ").append(kLines[size_t(parts[j].part)].label_id);
      names_en.append(" + ").append(kLines[size_t(parts[j].part)].label_en);
    }
    if (first && sum != s.Get(p.part)) {
      CheckWithin(LinePath(p.part), names_id, names_en, sum, whole.label_id, whole.label_en, s.Get(p.whole),
                  problems);
    }
  }
}

void CheckDeposits(const Statements& s, Problems* problems) {
  static const int kSA = line::Index("kegiatan.setoran_simpanan_anggota");
  static const int kST = line::Index("kegiatan.setoran_simpanan_total");
  CheckWithin("kegiatan.setoran_simpanan_anggota", "setoran simpanan anggota", "members' savings deposits", s.Get(kSA),
              "setoran simpanan seluruhnya", "all savings deposits", s.Get(kST), problems);
}

void CheckStaffCost(const Statements& s, Problems* problems) {
  static const int kBK = line::Index("hasil_usaha.biaya_karyawan");
  static const int kBU = line::Index("hasil_usaha.beban_usaha");
  if (s.Get(kBK) <= s.Get(kBU)) return;
  problems->Add("hasil_usaha.biaya_karyawan", "melebihi_beban_usaha",
                "biaya karyawan (" + FormatRupiah(s.Get(kBK)) + ") melebihi beban usaha (" + FormatRupiah(s.Get(kBU)) +
                    "), padahal sudah termasuk di dalamnya",
                "staff cost (" + FormatSenPlain(s.Get(kBK)) + ") exceeds operating expenses (" +
                    FormatSenPlain(s.Get(kBU)) + "), which contain it");
}

}  // namespace

void ValidateLaporan(const Laporan& l, Problems* problems) {
  // An amount already refused (or a misspelt key) would make the totals differ for no real reason: a check across
  // lines runs only when every amount of the sections it reads was read.
  const bool neraca_read = !SectionHasProblem(*problems, "neraca");
  const bool hasil_usaha_read = !SectionHasProblem(*problems, "hasil_usaha");
  const bool pinjaman_read = !SectionHasProblem(*problems, "pinjaman");
  const Statements& s = l.current;
  CheckRequiredLines(s, problems);
  if (neraca_read) CheckBalance(s, problems);
  if (neraca_read && pinjaman_read) CheckLoans(s, problems);
  if (l.has_pearls) ValidatePearls(l, neraca_read, hasil_usaha_read, problems);
  if (neraca_read && hasil_usaha_read) CheckParts(s, problems);
  if (!SectionHasProblem(*problems, "kegiatan")) CheckDeposits(s, problems);
  if (hasil_usaha_read) CheckStaffCost(s, problems);
}

}  // namespace kopsehat

namespace kopsehat {

bool IsChecklistName(std::string_view name) {
  if (name.empty() || name.size() > 48) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace kopsehat
