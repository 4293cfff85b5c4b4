// interchange/fields.h — what every laporan reader shares: the messages for a refused amount, the checks on the
// identity fields, and the LaporanBuilder that turns (key, value, place) triples from a spreadsheet or a CSV file
// into a Laporan with the same validation as the JSON reader. Depends on core/, laporan/, json_reader.h.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <vector>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/money.h"
#include "core/problems.h"
#include "laporan/laporan.h"

namespace kopsehat {

// Adds the problem for an amount that did not parse. `people_forms`: the text came from a person's cell or CSV
// (so the hint shows Indonesian forms), not from a JSON number.
void AddAmountProblem(Problems* problems, const std::string& path, AmountError error, std::string_view text,
                      bool people_forms);

// koperasi.jenis must be one of these when given.
bool IsKnownJenis(std::string_view jenis);

// The settings of the `pearls` block that are not statement lines, in this order: months covered (1..12), annual
// inflation in percent, market deposit rate in percent.
inline constexpr std::string_view kPearlsSettingKeys[] = {"bulan", "inflasi_persen", "suku_bunga_pasar_persen"};
int PearlsSettingIndex(std::string_view key);  // -1 when not a setting

// A percentage setting written in machine form ("2.61"): at most 4 decimals, |x| <= 1000, negative only when
// allowed. On a problem adds it at `path` and returns false.
bool ParsePearlsPercent(std::string_view text, const std::string& path, bool may_be_negative, Decimal* out,
                        Problems* problems);
// pearls.bulan from its text: a whole number of months from 1 to 12.
bool ParsePearlsMonths(std::string_view text, const std::string& path, int* out, Problems* problems);

// A cell's or CSV field's text without the spaces and tabs around it, and without the '\r' a CRLF file leaves at
// its end. Shared by the CSV and XLSX readers, so both read a key or a value alike.
std::string_view TrimCell(std::string_view s);

// The date of an Excel serial day number (1900 date system: 1 = 1900-01-01, with Excel's phantom 1900-02-29),
// as "YYYY-MM-DD"; empty when it is not a whole day number in 1900..9999.
std::string ExcelSerialToIsoDate(std::string_view stored_number);

// Where a value was found, kept as numbers and put into words only for a message: "Neraca!B14" (a sheet), "baris 14,
// kolom 5" (a batch CSV cell) or "baris 14" (a key;value CSV line); a default Place (no sheet, row 0) is a web form
// field, named by its key alone. The sheet name must outlive the builder.
struct Place {
  const std::string* sheet = nullptr;
  uint32_t row = 0;
  uint32_t col = 0;  // 0: a whole line

  std::string Text() const;
};

// Builds a Laporan from keyed values, as a spreadsheet or CSV file gives them. Keys are those of laporan-v1 joined
// with dots: "koperasi.nama", "periode.akhir", "metode", "neraca.kas", "periode_lalu.neraca.kas",
// "manajemen.umum[3]" (1-based item). Each value comes with its Place, and every problem names that place and the
// key: "Neraca!B14 (neraca.kas): ...".
class LaporanBuilder {
 public:
  enum class Kind { kEmpty, kText, kNumber, kBoolean };

  LaporanBuilder(Laporan* out, Problems* problems);

  // Date cells of this workbook count from 1904 (XlsxWorkbook::date1904): serial numbers are 1462 days later.
  void SetDate1904(bool on) { date1904_ = on; }

  // Records one value. An empty value still records the key's place, so "required" problems can point at it.
  void Set(std::string_view key, Kind kind, std::string_view value, const Place& place);

  // Applies the format's defaults and its whole-document checks, pointing each problem at its cell or line.
  // True when the laporan is usable.
  bool Finish();

  // Every key the builder knows except checklist items, in template order (for "did you mean", templates).
  static const std::vector<std::string>& KnownKeys();

  // Whether Set would accept the key's form (a statement line, an identity key, or manajemen.<list>[n]).
  static bool IsKnownKeyForm(std::string_view key);

 private:
  // Where each key was seen: filled (a second filled one is a duplicate) or empty (for "required" messages).
  struct Seen {
    Place place;
    bool filled = false;
    bool any = false;
  };
  Seen* Slot(std::string_view key, int line, bool previous);
  void SetAmount(int line, bool previous, Kind kind, std::string_view value, std::string_view key, const Place& place);
  void SetPearlsSetting(int setting, Kind kind, std::string_view value, std::string_view key, const Place& place);
  void SetAnswer(const std::string& list, size_t item, Kind kind, std::string_view value, std::string_view key,
                 const Place& place);
  void SetPeriodeAkhir(Kind kind, std::string_view value, std::string_view key, const Place& place);
  void SetKoperasi(std::string_view value, std::string_view key, const Place& place);  // koperasi.nama, .jenis, …
  // The checklist answers into out_->checklists, each unanswered item of an answered block reported.
  void FinishChecklists();
  static std::string Where(const Place& place, std::string_view key);

  Laporan* out_;
  Problems* problems_;
  bool date1904_ = false;
  size_t problems_before_;
  std::array<Seen, 2 * kLineCount> lines_{};           // current lines, then previous ones
  std::map<std::string, Seen, std::less<>> others_;    // identity keys and checklist items
  std::map<std::string, std::map<size_t, bool>> answers_;  // checklist key -> item -> answer
  std::map<std::string, Place> blank_answers_;          // "manajemen.umum[3]" -> place
  std::set<std::string> refused_answers_;               // answers already reported as not Ya/Tidak
};

}  // namespace kopsehat
