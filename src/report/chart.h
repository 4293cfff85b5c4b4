// report/chart.h — charts of an Assessment drawn with Cairo: a radar of the aspects as a percentage of their maximum,
// and bars of the points each component loses. One drawing code serves the PDF report (drawing into its page), the
// CLI (`kopsehat chart`, SVG/PNG/PDF files) and later the web application. Floating point is used here for drawing
// only; every number shown is formatted from the exact values of the Assessment.
// Depends on assess/, report/text_report.h (number formatting), Cairo.
#pragma once

#include <string>

#include "assess/assessment.h"

typedef struct _cairo cairo_t;

namespace kopsehat {

enum class ChartKind { kRadar, kBars };
enum class ChartFormat { kSvg, kPng, kPdf };

// Draws within the rectangle (x, y, width, height) of `cr`, in points, with labels in `lang`.
void DrawRadarChart(cairo_t* cr, const Assessment& a, Lang lang, double x, double y, double width, double height);
void DrawLossBarsChart(cairo_t* cr, const Assessment& a, Lang lang, double x, double y, double width, double height);

// Writes one chart to a file. False with the reason (Indonesian, English) when it cannot be written.
bool WriteChart(const Assessment& a, ChartKind kind, ChartFormat format, Lang lang, const std::string& path,
                std::string* error_id, std::string* error_en);

}  // namespace kopsehat
