// A name given on the command line (--tenant, --function, --variant) looked up among the scenario's, and
// when it is none of them, one message for every command: what has no such name, a "did you mean", and
// the names there are (the first few of a long list).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outagesim::cli {

// The position of `name` in `known`; or nothing, after printing to stderr
//   outagesim COMMAND: --WHAT: OWNER has no WHAT named 'NAME'; did you mean 'X'?; its WHATs: 'a', 'b'
// (at most 20 listed, then how many more).
std::optional<std::uint32_t> choose_name(std::string_view command, std::string_view what,
                                         std::string_view owner, const std::string& name,
                                         const std::vector<std::string>& known);

}  // namespace outagesim::cli
