// report/json_report.h — an Assessment as JSON, format kopsehat/penilaian-v1 (../shared/spec/laporan-v1.md §2).
// Deterministic: the same assessment gives the same bytes. Depends on assess/.
#pragma once

#include <string>

#include "assess/assessment.h"
#include "core/json_writer.h"

namespace kopsehat {

// Appends the assessment as one JSON object on one line (no trailing newline). Messages in `lang`.
void AppendPenilaianJson(const Assessment& a, Lang lang, std::string* out);

// Appends {"baris": line, "galat": [{"path":..., "kode":..., "pesan":...}]} — a batch line that could not be assessed.
void AppendProblemsJson(size_t line, const Problems& problems, Lang lang, std::string* out);

}  // namespace kopsehat
