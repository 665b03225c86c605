// One CSV field (RFC 4180): as is, or quoted with its quotes doubled when it holds a comma, a quote or a
// line break. Shared by every CSV report.
#pragma once

#include <string>

namespace outagesim::reports {

std::string csv_field(const std::string& text);

}  // namespace outagesim::reports
