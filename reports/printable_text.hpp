// Names made safe to print where a stray byte could do harm: a terminal (escape sequences, carriage
// returns) or a drawing. The loader already refuses control characters in names, but a spec built in
// code or read from a tenant table may still hold them, and a report must not pass them through.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace outagesim::reports {

// `text` with every control character (C0, DEL, C1) and every byte that is not part of valid UTF-8
// written as "\xNN", line separators and bidirectional controls as "\uXXXX"; everything else, backslashes
// included, as it is.
std::string printable(std::string_view text);
// The longest prefix of printable text that fits `columns`, ending in "…" (or "~" when `ascii`) when cut;
// columns are counted as display_width() counts them (a wide character takes two).
std::string fit_width(std::string_view text, std::size_t columns, bool ascii);

}  // namespace outagesim::reports
