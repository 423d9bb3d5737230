// pattern_text: reading the text of an RE2 pattern without compiling it.
//
// For code that rewrites or inspects patterns (trigger_pattern.h,
// match_start.h): where a character class ends, so that '(', '|', '{' and
// ')' inside it are not taken for syntax.
#pragma once

#include <cstddef>
#include <string_view>

namespace relgraph {

// The position just past the ']' that closes the character class opening
// at pattern[at] (a '['), or npos if it never closes. A ']' first in the
// class ("[]x]", "[^]x]") is a member, as are escapes ("\]") and named
// classes ("[:alpha:]").
std::size_t character_class_end(std::string_view pattern, std::size_t at);

}  // namespace relgraph
