// One CSV text field (RFC 4180): as is, or quoted with its quotes doubled when it holds a comma, a quote or
// a line break. Shared by every CSV report, for the text in it (names, causes); numbers are written as
// they are.
#pragma once

#include <string>

namespace outagesim::reports {

// A text that a spreadsheet would read as a formula (it starts with '=', '+', '-', '@', a tab or a
// carriage return: "=HYPERLINK(...)" as a tenant's name) gets a leading apostrophe, which spreadsheets
// show as text (OWASP's advice for CSV injection).
std::string csv_field(const std::string& text);

}  // namespace outagesim::reports
