#include "core/problems.h"

#include "core/text.h"

namespace kopsehat {

std::string Problem::Line(Lang lang) const {
  if (path.empty()) return Text(lang);
  return path + ": " + Text(lang);
}

void Problems::Add(std::string path, std::string code, std::string pesan, std::string message) {
  if (items_.size() >= kMaxProblems) {
    ++dropped_;
    return;
  }
  // Paths and messages may quote what the input held (a key, a value): made safe for a terminal, a JSON string and
  // a page, and bounded, however long or strange the input was.
  items_.push_back(Problem{SafeText(path, kMaxPathBytes), std::move(code), SafeText(pesan, kMaxMessageBytes),
                           SafeText(message, kMaxMessageBytes)});
}

std::string Problems::Render(Lang lang) const {
  std::string out;
  for (const Problem& p : items_) out += p.Line(lang) + "\n";
  if (dropped_ > 0) {
    out += lang == Lang::kEn ? "... and " + std::to_string(dropped_) + " more problems\n"
                             : "... dan " + std::to_string(dropped_) + " masalah lain\n";
  }
  return out;
}

}  // namespace kopsehat
