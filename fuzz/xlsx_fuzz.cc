// libFuzzer target: any bytes through the XLSX reader, with small limits so that one input stays fast. Must never
// crash, abort or trip a sanitizer; a bad file is a value (Problems), not an error. On success the reader's promises
// are checked: every cell lies within the limits and a problem-free result has no problems.
//
// Mutating a zip's bytes almost always breaks its CRC, so the XML inside would seldom be reached. Hence a second mode:
// an input holding the byte 0x01 (which XML cannot contain) is split at it into xl/workbook.xml,
// xl/_rels/workbook.xml.rels, xl/sharedStrings.xml and xl/worksheets/sheet1.xml, sheet2.xml, ..., which are zipped
// (stored) in memory and read as well. The parts-*.bin seeds are in this form.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/laporan_reader.h"
#include "interchange/xlsx_laporan_reader.h"
#include "interchange/xlsx_reader.h"

namespace {

constexpr size_t kMaxParts = 8;

// The parts zipped with libzip in memory; empty when libzip fails (not the reader's concern).
std::string ZipParts(std::string_view input) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < kMaxParts) {
    const size_t sep = input.find('\x01');
    if (sep == std::string_view::npos) break;
    parts.push_back(input.substr(0, sep));
    input.remove_prefix(sep + 1);
  }
  parts.push_back(input);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (src == nullptr) return {};
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    zip_source_free(src);
    return {};
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string name = i == 0   ? "xl/workbook.xml"
                             : i == 1 ? "xl/_rels/workbook.xml.rels"
                             : i == 2 ? "xl/sharedStrings.xml"
                                      : "xl/worksheets/sheet" + std::to_string(i - 2) + ".xml";
    zip_source_t* s = zip_source_buffer(za, parts[i].data(), parts[i].size(), 0);
    const zip_int64_t index = s == nullptr ? -1 : zip_file_add(za, name.c_str(), s, 0);
    if (index < 0) {
      zip_source_free(s);
      continue;
    }
    zip_set_file_compression(za, zip_uint64_t(index), ZIP_CM_STORE, 0);
  }
  std::string out;
  if (zip_close(za) != 0) {
    zip_discard(za);
  } else if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (size > 0) {
      out.resize(size_t(size));
      if (zip_source_read(src, out.data(), zip_uint64_t(size)) != size) out.clear();
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

void Check(std::string_view bytes) {
  using namespace kopsehat;
  XlsxLimits limits;
  limits.max_file_bytes = 1u << 20;
  limits.max_entries = 64;
  limits.max_part_bytes = 1u << 20;
  limits.max_total_uncompressed = 4u << 20;
  limits.max_xml_depth = 32;
  limits.max_rows = 1000;
  limits.max_cols = 50;
  limits.max_cells = 10000;
  limits.max_shared_strings = 10000;
  limits.max_text_bytes = 4096;
  limits.max_sheets = 16;

  XlsxWorkbook wb;
  Problems problems;
  const bool ok = ReadXlsx(bytes, "fuzz.xlsx", limits, &wb, &problems);
  if (ok != problems.empty()) __builtin_trap();
  if (!ok) {
    if (!wb.sheets.empty()) __builtin_trap();  // a failed read leaves no half workbook
    for (const Problem& p : problems.items()) {
      if (p.code.empty() || p.pesan.empty() || p.message.empty()) __builtin_trap();
    }
    return;
  }
  if (wb.sheets.size() > limits.max_sheets) __builtin_trap();
  size_t cells = 0;
  for (const XlsxSheet& sheet : wb.sheets) {
    if (wb.FindSheet(sheet.name) == nullptr) __builtin_trap();
    for (const XlsxCell& c : sheet.cells) {
      ++cells;
      if (c.row < 1 || c.row > limits.max_rows || c.col < 1 || c.col > limits.max_cols) __builtin_trap();
      if (c.text.size() > limits.max_text_bytes) __builtin_trap();
      uint32_t row = 0, col = 0;
      if (!ParseCellRef(CellRef(c.row, c.col), &row, &col) || row != c.row || col != c.col) __builtin_trap();
    }
  }
  if (cells > limits.max_cells) __builtin_trap();
  // A readable workbook also goes through the laporan builder (key column, both years, the pearls settings) as
  // `kopsehat assess laporan.xlsx` does; its verdict must come with reasons.
  Laporan laporan;
  Problems laporan_problems;
  if (!ReadLaporanXlsx(bytes, "fuzz.xlsx", &laporan, &laporan_problems) && laporan_problems.empty()) __builtin_trap();
  // And as `kopsehat assess` reads any workbook: ours, or the examiner's Sistem Input workbook.
  Laporan any;
  Problems any_problems;
  if (!ReadLaporanAny(bytes, "fuzz.xlsx", &any, &any_problems) && any_problems.empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);
  if (bytes.find('\x01') != std::string_view::npos && size <= (1u << 20)) {
    const std::string zip = ZipParts(bytes);
    if (!zip.empty()) Check(zip);
  }
  return 0;
}
