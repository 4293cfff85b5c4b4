// core/text.h — small text helpers shared by every layer (one copy each): checks on text from outside (valid UTF-8
// without control characters that have no place in a name, a note or a figure), trimming a chosen set of characters,
// and ASCII case folding for sorting, filtering and header matching. Depends on the standard library.
#pragma once

#include <string>
#include <string_view>

namespace kopsehat {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and holds no
// NUL. With `single_line`, also no other C0 control character (tab excepted) and no DEL.
bool IsCleanText(std::string_view text, bool single_line);

// `s` without the leading / trailing / leading and trailing characters that occur in `chars`.
std::string_view TrimLeft(std::string_view s, std::string_view chars);
std::string_view TrimRight(std::string_view s, std::string_view chars);
std::string_view Trim(std::string_view s, std::string_view chars);
inline constexpr std::string_view kBlanks = " \t";               // spaces and tabs
inline constexpr std::string_view kWhitespace = " \t\r\n";    // also line ends

// ASCII case folding: only A–Z change (UTF-8 bytes of other letters compare as they are).
char AsciiLower(char c);
std::string AsciiLower(std::string_view s);
bool EqualsFold(std::string_view a, std::string_view b);
bool ContainsFold(std::string_view hay, std::string_view needle);
int CompareFold(std::string_view a, std::string_view b);  // <0, 0, >0 (byte order after folding)

}  // namespace kopsehat
