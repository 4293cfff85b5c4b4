// web/assessment_html.h — an Assessment explained as HTML, internal to web/: the score with its predikat and radar,
// the components losing most points, the summary per aspect, every component with its inputs, ratio, band and
// reason, and the warnings. It mirrors report/text_report.cc and takes its wording from report/. Used by the
// cooperative dashboard, the assessment detail and the plan page. Depends on web/html.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "web/html.h"

namespace kopsehat::web::html {

// The total and predikat, and the radar of aspect scores (an image of /laporan/<laporan_id>/radar.svg with the same
// numbers as its text alternative).
void ScoreHead(Html& h, const PageContext& ctx, const Assessment& a, int64_t laporan_id);

// The `n` components losing the most points, each linked to its row (#c-<id>) with the step that would lift it.
void LossList(Html& h, const PageContext& ctx, const Assessment& a, size_t n);

// The table of aspects: score and maximum, or percent, predikat, weight and points for percent-scored methods.
void AspectSummary(Html& h, const PageContext& ctx, const Assessment& a);

// The components of aspect `aspect_index`, each explained from the laporan's figures.
void AspectComponents(Html& h, const PageContext& ctx, const Assessment& a, const Laporan& l, size_t aspect_index);

// The assessment's warnings (nothing when there are none).
void WarningList(Html& h, const PageContext& ctx, const Assessment& a);

}  // namespace kopsehat::web::html
