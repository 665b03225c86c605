// Text from the scenario (names, notes, causes) made safe inside HTML and inline SVG: in element text and
// in quoted attribute values alike.
#pragma once

#include <string>
#include <string_view>

namespace outagesim::reports {

// & < > " ' become character references; control characters other than tab, newline and carriage return
// (which XML forbids and HTML reports as parse errors) become U+FFFD. Everything else is kept as is.
std::string html_escape(std::string_view text);

}  // namespace outagesim::reports
