// A scenario part written in JSON (a file whose name ends in `.json`), read into the loader's own tree
// by simdjson's On-Demand parser instead of yaml-cpp. JSON is a subset of YAML, so the tree is the one
// yaml-cpp would build from the same text, marks included (each node at its first character, a string at
// its opening quote), in a fraction of the time: yaml-cpp's scanner matches every character against
// regular expressions, and 13 MB of generated components took it seconds.
#pragma once

#include <optional>
#include <string_view>

#include "loader/yaml_tree.hpp"

namespace outagesim::loader {

// The tree of `text` when it is one JSON object, its marks counted from line `first_line` (0-based, the
// part's place in the scenario's line space, as parse_document pads a YAML part) and byte `first_line`
// (the padding's newlines). Nothing when the text is not a JSON object (malformed JSON, a list, a scalar,
// trailing text): the caller reads it as YAML then, whose messages say where it goes wrong.
// `text` is copied into a padded buffer; the tree owns its scalars.
std::optional<YamlTree> read_json_document(std::string_view text, int first_line);

}  // namespace outagesim::loader
