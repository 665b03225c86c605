// The rules for names, shared by the YAML readers and the tenant table.
#include "loader/name_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/diagnostic.hpp"
#include "loader/display_controls.hpp"

namespace outagesim::loader {

std::string name_problem(std::string_view name, bool slash_allowed) {
  const bool control = holds_display_control(name, false);
  if (name.empty() || name.find_first_not_of(' ') == std::string_view::npos) return "is empty";
  if (name.size() > kMaxNameBytes) return fmt::format("is {} bytes long", name.size());
  if (control) return "holds a control character";
  if (name.front() == ' ' || name.back() == ' ') return "begins or ends with a space";
  if (!slash_allowed && name.find('/') != std::string_view::npos)
    return "contains '/'";  // the message names the owner, and with it the name
  return {};
}

}  // namespace outagesim::loader
