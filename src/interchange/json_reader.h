// interchange/json_reader.h — reads a laporan in JSON (kopsehat/laporan-v1, ../shared/spec/laporan-v1.md §1)
// exactly and validates it: every problem found, each with its key path, in Indonesian and English. Amounts are
// read from the number's own text, never through a double. Depends on core/, laporan/, simdjson (fast path) and
// nlohmann-json (only to locate syntax errors in malformed input).
#pragma once

#include <memory>
#include <string_view>

#include "core/date.h"
#include "core/problems.h"
#include "laporan/laporan.h"

namespace kopsehat {

inline constexpr size_t kMaxLaporanBytes = 1 << 20;  // 1 MiB; a full laporan is ~3 KB
inline constexpr size_t kMaxTextChars = 300;         // names, numbers, places
inline constexpr size_t kMaxChecklistAnswers = 200;
inline constexpr size_t kMaxChecklists = 128;     // lists over the manajemen and daftar_periksa blocks together
inline constexpr size_t kMaxChecklistSets = 8;    // sets in daftar_periksa

// A checklist list or set name: [a-z0-9_]+, at most 48 characters.
bool IsChecklistName(std::string_view name);

// Reuse one reader for many documents (batch): it keeps its parser and buffers. Not thread-safe.
class LaporanJsonReader {
 public:
  LaporanJsonReader();
  ~LaporanJsonReader();
  LaporanJsonReader(const LaporanJsonReader&) = delete;
  LaporanJsonReader& operator=(const LaporanJsonReader&) = delete;

  // Parses and validates `json`. Returns true when the laporan is usable; otherwise every problem is in *problems.
  bool Read(std::string_view json, Laporan* out, Problems* problems);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The format-level checks of laporan-v1 that need the whole document: required lines, the balance sheet balancing
// to the sen, loan-quality figures within loans outstanding, staff cost within operating expenses.
void ValidateLaporan(const Laporan& laporan, Problems* problems);


}  // namespace kopsehat
