// The inverse of reading a scalar, for the commands that write YAML (`generate`, `import`): any text as a
// YAML scalar that the loader reads back as that same text, whatever it holds (": ", "#", quotes,
// commas in a flow list, control characters).
#pragma once

#include <string>
#include <string_view>

namespace outagesim::loader {

// Plain when it starts with a letter or digit and holds only letters, digits, '-', '_', '.' and '/',
// and is not a null; else double-quoted with '"' and '\' escaped and control characters as \xNN.
std::string yaml_scalar(std::string_view text);

}  // namespace outagesim::loader
