// core/problems.h — expected problems with user input (a value, not a crash): each names where it is (a key path,
// a file and line, a CSV row) and says what is wrong in Indonesian and in English. Depends on the standard library.
#pragma once

#include <string>
#include <vector>

namespace kopsehat {

enum class Lang { kId, kEn };

// The text in `lang`: Indonesian, or English when asked. The one language pick of every renderer.
inline const char* T(Lang lang, const char* id, const char* en) { return lang == Lang::kEn ? en : id; }

struct Problem {
  std::string path;     // "neraca.kas", "manajemen.umum[3]", "rules.toml:14", "baris 12"
  std::string code;     // stable, machine-readable: "kunci_tidak_dikenal"
  std::string pesan;    // Indonesian
  std::string message;  // English

  const std::string& Text(Lang lang) const { return lang == Lang::kEn ? message : pesan; }
  // "neraca.kas: <text>" (or the text alone when there is no path).
  std::string Line(Lang lang) const;
};

// All problems of one input, collected so they can be reported at once. Bounded: after kMaxProblems the rest are
// counted, not stored, so a hostile file cannot make the list grow without limit.
class Problems {
 public:
  static constexpr size_t kMaxProblems = 200;
  static constexpr size_t kMaxPathBytes = 160;      // a path quoting a key of the input is cut there
  static constexpr size_t kMaxMessageBytes = 1000;  // longer than any message of ours

  void Add(std::string path, std::string code, std::string pesan, std::string message);
  bool empty() const { return items_.empty(); }
  // No more problems will be stored: callers can skip work that only makes a message better (suggestions).
  bool full() const { return items_.size() >= kMaxProblems; }
  size_t size() const { return items_.size() + dropped_; }
  const std::vector<Problem>& items() const { return items_; }
  std::vector<Problem>& mutable_items() { return items_; }  // to point problems at cells after the fact
  size_t dropped() const { return dropped_; }
  void Clear() {
    items_.clear();
    dropped_ = 0;
  }
  // One problem a line, plus "... dan N masalah lain" when some were dropped.
  std::string Render(Lang lang) const;

 private:
  std::vector<Problem> items_;
  size_t dropped_ = 0;
};

}  // namespace kopsehat
