// Placeholder until the charts land.
#include "report/chart.h"

namespace kopsehat {

void DrawRadarChart(cairo_t*, const Assessment&, Lang, double, double, double, double) {}
void DrawLossBarsChart(cairo_t*, const Assessment&, Lang, double, double, double, double) {}

bool WriteChart(const Assessment&, ChartKind, ChartFormat, Lang, const std::string&, std::string* error_id,
                std::string* error_en) {
  *error_id = "grafik belum tersedia";
  *error_en = "charts are not available yet";
  return false;
}

}  // namespace kopsehat
