#include "store/db.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/check.h"

namespace kopsehat::store {

namespace {

// A cell read outside the result or as the wrong type means the SQL and the code reading it disagree: a bug in the
// program, not bad input, so it stops loudly instead of returning a made-up value.
[[noreturn]] void SchemaBug(const char* what, size_t row, size_t col, std::string_view cell) {
  FailInvariant(__FILE__, __LINE__, what,
                "store: row " + std::to_string(row) + ", column " + std::to_string(col) + " (cell '" +
                    std::string(cell.substr(0, 64)) + "')");
}

}  // namespace

const std::string& Result::Text(size_t row, size_t col) const {
  static const std::string kEmpty;
  if (row >= rows_.size() || col >= rows_[row].size()) SchemaBug("cell out of range", row, col, "");
  const std::optional<std::string>& cell = rows_[row][col];
  return cell ? *cell : kEmpty;
}

int64_t Result::Int(size_t row, size_t col) const {
  const std::string& text = Text(row, col);
  if (IsNull(row, col)) return 0;
  int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) SchemaBug("non-integer cell read as an integer", row, col, text);
  return value;
}

std::optional<int64_t> Result::OptInt(size_t row, size_t col) const {
  const int64_t value = Int(row, col);  // checks the bounds before IsNull looks
  if (IsNull(row, col)) return std::nullopt;
  return value;
}

namespace {

// Each Skip* is called with `i` on the opening character and returns the index just past the construct (or the
// end of the text when it is unterminated: the server then reports the syntax error, not us).

size_t SkipQuoted(std::string_view sql, size_t i, char quote) {
  for (++i; i < sql.size(); ++i) {
    if (sql[i] != quote) continue;
    if (i + 1 < sql.size() && sql[i + 1] == quote) {
      ++i;  // a doubled quote is an escaped quote, not the end
      continue;
    }
    return i + 1;
  }
  return sql.size();
}

size_t SkipLineComment(std::string_view sql, size_t i) {
  const size_t eol = sql.find('\n', i);
  return eol == std::string_view::npos ? sql.size() : eol + 1;
}

// PostgreSQL block comments nest.
size_t SkipBlockComment(std::string_view sql, size_t i) {
  int depth = 0;
  while (i < sql.size()) {
    if (sql.compare(i, 2, "/*") == 0) {
      ++depth;
      i += 2;
    } else if (sql.compare(i, 2, "*/") == 0) {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return sql.size();
}

bool IsTagChar(char c, bool first) {
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return letter || (!first && c >= '0' && c <= '9');
}

// A PostgreSQL dollar-quoted body ($$ ... $$ or $tag$ ... $tag$, e.g. a plpgsql function); returns `i` unchanged
// when the '$' opens no such quote (a positional parameter like $1).
size_t SkipDollarQuoted(std::string_view sql, size_t i) {
  size_t j = i + 1;
  while (j < sql.size() && IsTagChar(sql[j], j == i + 1)) ++j;
  if (j >= sql.size() || sql[j] != '$') return i;
  const std::string_view tag = sql.substr(i, j - i + 1);
  const size_t close = sql.find(tag, j + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

// Where the SQL construct starting at `i` ends if it is one whose text must be copied verbatim (a literal, a
// quoted identifier or a comment); `i` itself otherwise.
size_t SkipVerbatim(std::string_view sql, size_t i) {
  const char c = sql[i];
  if (c == '\'' || c == '"') return SkipQuoted(sql, i, c);
  if (sql.compare(i, 2, "--") == 0) return SkipLineComment(sql, i);
  if (sql.compare(i, 2, "/*") == 0) return SkipBlockComment(sql, i);
  if (c == '$') return SkipDollarQuoted(sql, i);
  return i;
}

}  // namespace

std::string NumberPlaceholders(std::string_view sql) {
  size_t ignored = 0;
  return NumberPlaceholders(sql, &ignored);
}

std::string NumberPlaceholders(std::string_view sql, size_t* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  size_t next = 1;
  size_t i = 0;
  while (i < sql.size()) {
    const size_t end = SkipVerbatim(sql, i);
    if (end != i) {
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (sql[i] == '?') {
      out += '$';
      out += std::to_string(next++);
      ++i;
    } else {
      out += sql[i++];
    }
  }
  *count = next - 1;
  return out;
}

}  // namespace kopsehat::store
