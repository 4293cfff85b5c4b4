#include "core/problems.h"

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
  items_.push_back(Problem{std::move(path), std::move(code), std::move(pesan), std::move(message)});
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
