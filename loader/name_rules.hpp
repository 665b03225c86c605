// What a name in a scenario may be: reports print names in tables, rows and paths, so a name must not
// be able to break a line, a column or a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace outagesim::loader {

// The longest name, in bytes.
inline constexpr std::size_t kMaxNameBytes = 200;

// What a name may be, for messages.
inline constexpr std::string_view kNameRules =
    "1 to 200 bytes of printable text: no control characters (newline, tab, escape, the C1 controls, line "
    "separators, bidirectional controls), no space at either end";

// Why `name` is not a valid name ("is empty", "holds a control character", ...), or an empty string
// when it is one. `slash_allowed` false also refuses '/', which joins a tenant to its function.
std::string name_problem(std::string_view name, bool slash_allowed);

}  // namespace outagesim::loader
