// report/chart.h — charts of an Assessment drawn with Cairo: a radar of the aspects as a percentage of their maximum,
// and bars of the points each component loses. One drawing code serves the PDF report (drawing into its page), the
// CLI (`kopsehat chart`, SVG/PNG/PDF files) and later the web application. Floating point is used here for drawing
// only; every number shown is formatted from the exact values of the Assessment.
// Depends on assess/, report/text_report.h (number formatting), Cairo.
#pragma once

#include <string>

#include "assess/assessment.h"
#include "core/status.h"

typedef struct _cairo cairo_t;

namespace kopsehat {

enum class ChartKind { kRadar, kBars };
enum class ChartFormat { kSvg, kPng, kPdf };

// Draws within the rectangle (x, y, width, height) of `cr`, in points, with labels in `lang`.
void DrawRadarChart(cairo_t* cr, const Assessment& a, Lang lang, double x, double y, double width, double height);
void DrawLossBarsChart(cairo_t* cr, const Assessment& a, Lang lang, double x, double y, double width, double height);

// Renders one chart (with its identification line) into *out: SVG 1.1 with a <title> and <desc>, PNG at 2x, or PDF.
Status RenderChart(const Assessment& a, ChartKind kind, ChartFormat format, Lang lang, std::string* out);
// The same, written to `path`; the folder must exist.
Status WriteChart(const Assessment& a, ChartKind kind, ChartFormat format, Lang lang, const std::string& path);

// The bare radar as SVG of width × height points, for embedding in a web page.
std::string RadarSvgForPage(const Assessment& a, Lang lang, double width, double height);

}  // namespace kopsehat
