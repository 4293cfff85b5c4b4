// report/stamp.cc — see stamp.h. The QR code is libqrencode's (Debian libqrencode-dev).
#include "report/stamp.h"

#include <qrencode.h>

namespace kopsehat {

std::string StampLine(const ReportStamp& s, Lang lang) {
  if (!s.final) {
    std::string line = T(lang, "DRAF — PRA-PENILAIAN, BUKAN HASIL PEMERIKSAAN", "DRAFT — SELF-ASSESSMENT, NOT AN EXAMINATION RESULT");
    if (!s.status_label.empty()) line += " (" + s.status_label + (s.revision > 0 ? T(lang, ", revisi ", ", revision ") + std::to_string(s.revision) : "") + ")";
    return line;
  }
  std::string line = std::string("FINAL — ") + T(lang, "revisi ", "revision ") + std::to_string(s.revision);
  if (!s.finalised_at.empty()) line += T(lang, ", difinalkan ", ", finalised ") + s.finalised_at;
  if (!s.examiner.empty()) line += T(lang, " oleh ", " by ") + s.examiner;
  if (!s.dinas.empty()) line += ", " + s.dinas;
  return line;
}

std::string VerifyLine(const ReportStamp& s, Lang lang) {
  if (s.verify_code.empty()) return {};
  std::string line = T(lang, "Kode verifikasi ", "Verification code ") + s.verify_code;
  if (!s.verify_url.empty()) line += T(lang, " — periksa di ", " — check at ") + s.verify_url;
  return line;
}

bool QrModules(const std::string& text, int* width, std::vector<bool>* dark) {
  *width = 0;
  dark->clear();
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) return false;
  *width = code->width;
  dark->reserve(size_t(code->width) * size_t(code->width));
  for (int i = 0; i < code->width * code->width; ++i) dark->push_back((code->data[i] & 1) != 0);
  QRcode_free(code);
  return true;
}

}  // namespace kopsehat
