// report/stamp.h — what a report says about itself, on every page: a draft (every CLI report, every web draft or
// submitted laporan) or the final result an examiner signed (revision, when, who, which Dinas); the examiner's
// corrections and evidence; the code that verifies it against the record. Renderers print it; the web fills it
// from the stored laporan (the CLI leaves it a draft). Depends on core/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/problems.h"

namespace kopsehat {

struct ReportCorrection {
  std::string label;   // "Kas (Neraca)", "Butir 3 — Manajemen umum"
  std::string before;  // as shown to people ("Rp 12.500.000", "Ya")
  std::string after;
  std::string reason;
  std::string who;     // the examiner's name
  std::string when;    // local time with its zone
};

struct ReportEvidence {
  std::string name;
  std::string sha256;  // hex
};

struct ReportStamp {
  bool final = false;
  int revision = 0;             // 0: no stored record (the CLI)
  std::string status_label;     // the web's status of a non-final laporan ("Draf", "Diajukan"); "" for the CLI
  std::string finalised_at;     // local time with its zone
  std::string examiner;         // who finalised
  std::string dinas;            // "Dinas Koperasi Kabupaten Probolinggo"
  std::string verify_code;      // printed on every page ("L42-R2-3F9A0C1D5E7B2A44")
  std::string verify_url;       // encoded in the QR code: the public page that checks the code
  std::vector<ReportCorrection> corrections;
  std::vector<ReportEvidence> evidence;
};

// The status line every page carries: "DRAF — PRA-PENILAIAN, BUKAN HASIL PEMERIKSAAN" (with the web status when
// there is one) or "FINAL — revisi 2, difinalkan 7 Desember 2026 pukul 15.04 WIB oleh Nama, Dinas ...".
std::string StampLine(const ReportStamp& s, Lang lang);

// The verification line: "Kode verifikasi L42-R2-…: periksa di http://…/verifikasi/L42-R2-…"; "" without a code.
std::string VerifyLine(const ReportStamp& s, Lang lang);

// The dark modules of the QR code of `text` (error correction M), row by row, *width per side; false when the text
// cannot be encoded (too long).
bool QrModules(const std::string& text, int* width, std::vector<bool>* dark);

}  // namespace kopsehat
