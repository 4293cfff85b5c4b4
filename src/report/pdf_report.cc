// Placeholder until the PDF report lands.
#include "report/pdf_report.h"

namespace kopsehat {

bool WritePdfReport(const Assessment&, const PdfOptions&, const std::string&, std::string* error_id,
                    std::string* error_en) {
  *error_id = "laporan PDF belum tersedia";
  *error_en = "PDF reports are not available yet";
  return false;
}

}  // namespace kopsehat
