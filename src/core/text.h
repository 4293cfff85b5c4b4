// core/text.h — checks on text from outside: valid UTF-8 without control characters that have no place in a
// name, a note or a figure. Depends on the standard library.
#pragma once

#include <string_view>

namespace kopsehat {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and holds no
// NUL. With `single_line`, also no other C0 control character (tab excepted) and no DEL.
bool IsCleanText(std::string_view text, bool single_line);

}  // namespace kopsehat
