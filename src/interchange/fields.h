// interchange/fields.h — what every laporan reader shares: the messages for a refused amount, the checks on the
// identity fields, and the LaporanBuilder that turns (key, value, place) triples from a spreadsheet or a CSV file
// into a Laporan with the same validation as the JSON reader. Depends on core/, laporan/, json_reader.h.
#pragma once

#include <map>
#include <string>
#include <string_view>

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

// The date of an Excel serial day number (1900 date system: 1 = 1900-01-01, with Excel's phantom 1900-02-29),
// as "YYYY-MM-DD"; empty when it is not a whole day number in 1900..9999.
std::string ExcelSerialToIsoDate(std::string_view stored_number);

// Builds a Laporan from keyed values, as a spreadsheet or CSV file gives them. Keys are those of laporan-v1 joined
// with dots: "koperasi.nama", "periode.akhir", "metode", "neraca.kas", "periode_lalu.neraca.kas",
// "manajemen.umum[3]" (1-based item). Each value comes with the place it was found ("Neraca!B14", "baris 14"),
// and every problem names that place and the key: "Neraca!B14 (neraca.kas): ...".
class LaporanBuilder {
 public:
  enum class Kind { kEmpty, kText, kNumber, kBoolean };

  LaporanBuilder(Laporan* out, Problems* problems);

  // Records one value. An empty value still records the key's place, so "required" problems can point at it.
  void Set(std::string_view key, Kind kind, std::string_view value, const std::string& place);

  // Applies the format's defaults and its whole-document checks, pointing each problem at its cell or line.
  // True when the laporan is usable.
  bool Finish();

  // Every key the builder knows, in template order (for "did you mean" and for writing templates).
  static const std::vector<std::string>& KnownKeys();

 private:
  void SetAmount(std::string_view key, int line, bool previous, Kind kind, std::string_view value,
                 const std::string& where);
  void SetAnswer(std::string_view list, size_t item, Kind kind, std::string_view value, const std::string& where);
  std::string Where(const std::string& place, std::string_view key) const;

  Laporan* out_;
  Problems* problems_;
  size_t problems_before_;
  std::map<std::string, std::string, std::less<>> places_;  // key -> place, for problems found at Finish
  std::map<std::string, std::map<size_t, bool>> answers_;   // checklist key -> item -> answer
  size_t blank_answers_ = 0;
  std::map<std::string, std::string> blank_answer_places_;  // "manajemen.umum[3]" -> place
};

}  // namespace kopsehat
