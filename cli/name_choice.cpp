// Names on the command line (name_choice.hpp).
#include "cli/name_choice.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/spelling.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::cli {

namespace {

constexpr std::size_t kListed = 20;

}  // namespace

std::optional<std::uint32_t> choose_name(std::string_view command, std::string_view what,
                                         std::string_view owner, const std::string& name,
                                         const std::vector<std::string>& known) {
  const auto it = std::find(known.begin(), known.end(), name);
  if (it != known.end()) return static_cast<std::uint32_t>(it - known.begin());
  std::string listed;
  for (std::size_t i = 0; i < known.size() && i < kListed; ++i)
    listed += fmt::format("{}'{}'", listed.empty() ? "" : ", ", reports::printable(known[i]));
  if (known.size() > kListed) listed += fmt::format(", and {} more", known.size() - kListed);
  const std::string hint = loader::did_you_mean(name, known);
  fmt::print(stderr, "outagesim {}: --{}: {} has no {} named '{}'{}; its {}s: {}\n", command, what,
             reports::printable(owner), what, reports::printable(name), hint.empty() ? "" : "; " + hint, what,
             listed.empty() ? std::string("none") : listed);
  return std::nullopt;
}

}  // namespace outagesim::cli
