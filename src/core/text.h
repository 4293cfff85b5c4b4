// core/text.h — small text helpers shared by every layer (one copy each): checks on text from outside (valid UTF-8
// without control characters that have no place in a name, a note or a figure), trimming a chosen set of characters,
// and ASCII case folding for sorting, filtering and header matching. Depends on the standard library.
#pragma once

#include <string>
#include <string_view>

namespace kopsehat {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and holds no
// NUL. With `single_line`, also no other C0 control character (tab excepted), no DEL and no C1 control
// (U+0080–U+009F).
bool IsCleanText(std::string_view text, bool single_line);

// `text` made safe to show anywhere — a terminal, a JSON string, a page: valid UTF-8 in which every byte of a
// malformed sequence is written "\xNN", every C0 control, DEL and C1 control (U+0080–U+009F, which terminals obey)
// written "\n", "\t", "\xNN" or "\u0085", and backslashes stay as they are. With `max_bytes`, cut at a character
// boundary to at most that many bytes of the input, marked "…".
std::string SafeText(std::string_view text, size_t max_bytes = 0);

// `s` without the leading / trailing / leading and trailing characters that occur in `chars`. Inline, with a plain
// loop rather than string_view::find (a memchr call per character): the laporan reader trims every number it reads.
inline bool IsOneOf(char c, std::string_view chars) {
  for (const char x : chars) {
    if (x == c) return true;
  }
  return false;
}
inline std::string_view TrimLeft(std::string_view s, std::string_view chars) {
  size_t i = 0;
  while (i < s.size() && IsOneOf(s[i], chars)) ++i;
  return s.substr(i);
}
inline std::string_view TrimRight(std::string_view s, std::string_view chars) {
  size_t n = s.size();
  while (n > 0 && IsOneOf(s[n - 1], chars)) --n;
  return s.substr(0, n);
}
inline std::string_view Trim(std::string_view s, std::string_view chars) { return TrimRight(TrimLeft(s, chars), chars); }
inline constexpr std::string_view kBlanks = " \t";               // spaces and tabs
inline constexpr std::string_view kWhitespace = " \t\r\n";    // also line ends

// ASCII case folding: only A–Z change (UTF-8 bytes of other letters compare as they are).
char AsciiLower(char c);
std::string AsciiLower(std::string_view s);
bool EqualsFold(std::string_view a, std::string_view b);
bool ContainsFold(std::string_view hay, std::string_view needle);
int CompareFold(std::string_view a, std::string_view b);  // <0, 0, >0 (byte order after folding)

}  // namespace kopsehat
