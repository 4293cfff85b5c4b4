// laporan/laporan.h — the typed statements of one cooperative for one period (format kopsehat/laporan-v1): the
// list of statement lines the format knows, and the in-memory Laporan every reader produces and the engine reads.
// Depends on core/ only. Knows no regulation: which lines a method uses is the rulebook's business.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"

namespace kopsehat {

// kPearls holds the lines PEARLS (credit-union monitoring) needs that the Ministry statements lack; kKegiatan the
// activity figures (savings deposited in the period, head counts) the KKPKK and sharia methods need. Both optional.
enum class Section : uint8_t { kNeraca, kHasilUsaha, kPinjaman, kPearls, kKegiatan };
inline constexpr int kSectionCount = 5;

// Where a balance-sheet line sits in the balance check; other sections have kNone.
enum class BalanceSide : uint8_t { kNone, kAset, kAsetPengurang, kKewajiban, kEkuitas };

struct LineSpec {
  Section section;
  const char* key;       // "kas"
  const char* label_id;  // "Kas"
  const char* label_en;  // "Cash on hand"
  BalanceSide side;
  bool required;
  bool may_be_negative;
};

inline constexpr int kLineCount = 90;
extern const std::array<LineSpec, kLineCount> kLines;

const char* SectionKey(Section s);  // "neraca"
// Index of "section.key" in kLines, or -1.
int FindLine(Section section, std::string_view key);
int FindLine(std::string_view section, std::string_view key);
int FindLine(std::string_view path);  // "neraca.kas"
std::string LinePath(int index);     // "neraca.kas"

// Whether the line holds a count (members, staff) rather than Rupiah: whole numbers, printed without "Rp".
bool IsCountLine(int index);

// Line indexes the format itself refers to (defaults and consistency checks of laporan-v1 §1.3).
namespace line {
int Index(const char* path);  // asserts the path exists; for the few lines the format names
}

// Amounts of every line of one period, in sen; `present` says which lines the file gave.
struct Statements {
  std::array<Sen, kLineCount> sen{};
  std::bitset<kLineCount> present;

  Sen Get(int index) const { return sen[size_t(index)]; }
};

// Who the laporan is of, as the laporan states it (the `koperasi` block of the public formats; the registered
// cooperative of the web application is store::Cooperative).
struct CooperativeIdentity {
  std::string nama;
  std::string jenis;  // KSP, USP, KSPPS, USPPS (empty when not given)
  std::string nomor_badan_hukum;
  std::string kabupaten;
  std::string provinsi;
  // The cooperative's business class (Klasifikasi Usaha Koperasi, KUK 1..4) as the examiner set it; 0 when not
  // given (a method that depends on it then suggests one, docs/methods/kkpkk-2021.md).
  int kuk = 0;
};

// "1".."4" → 1..4; 0 for anything else (the readers refuse it, naming the field).
int ParseKuk(std::string_view text);

// The yes/no answers of one checklist: key "umum" of the `manajemen` block (set empty), or key
// "prinsip_keanggotaan" of set "kkpkk" in the `daftar_periksa` block (one set per method family).
struct ChecklistAnswers {
  std::string set;  // empty: the manajemen block
  std::string key;
  std::vector<bool> answers;  // at most the reader's limit
  size_t given = 0;           // how many the file gave (may exceed what is stored)
};

// Settings of the optional `pearls` block that are not statement lines (docs/formats.md §PEARLS).
struct PearlsSettings {
  int bulan = 12;  // months the income statement covers (1..12): flows are annualised by 12 / bulan
  bool has_inflasi = false;
  Decimal inflasi_pct;  // annual inflation in percent, e.g. 2.61
  bool has_suku_bunga_pasar = false;
  Decimal suku_bunga_pasar_pct;  // market deposit rate in percent per year
};

struct Laporan {
  std::string metode;  // empty: the default method
  CooperativeIdentity cooperative;
  std::string periode_akhir;  // ISO date, validated
  Statements current;
  bool has_previous = false;
  Statements previous;
  bool has_manajemen = false;
  std::vector<ChecklistAnswers> checklists;  // every checklist: the manajemen block's and daftar_periksa's
  std::vector<std::string> checklist_sets;  // the sets the daftar_periksa block gave, in file order
  bool has_pearls = false;  // the file had a `pearls` block (PEARLS methods need it)
  PearlsSettings pearls;

  const ChecklistAnswers* FindChecklist(std::string_view key) const;  // in the manajemen block
  const ChecklistAnswers* FindChecklist(std::string_view set, std::string_view key) const;
  bool HasChecklistSet(std::string_view set) const;  // empty set: the manajemen block
};

// A line that is part of another ("of which": tabungan milik anggota within tabungan). Parts stay out of the
// balance check, may not exceed their whole (unless they may be negative), and when not given take the default the
// format states (docs/formats.md, "rincian" lines): the whole ("all of it is the members'"), the members' pro-rata
// share of the whole by income (partisipasi bruto ÷ (partisipasi bruto + pendapatan non-anggota), as the examiner's
// workbook computes the members' share of operating expenses), or nothing.
enum class PartDefault : uint8_t { kZero, kWhole, kProRataByIncome };
struct LinePart {
  int part;
  int whole;
  PartDefault default_kind;
};
const std::vector<LinePart>& LineParts();
// The entry of LineParts() for `line`, or null when it is not a part.
const LinePart* PartOf(int line);

// Fills the defaults laporan-v1 §1.3 gives to pinjaman.volume_anggota and pinjaman.volume_total, and the defaults of
// the parts not given (LineParts). `present` is not changed: a method can still tell what was assumed.
void ApplyDefaults(Statements* s);

}  // namespace kopsehat
