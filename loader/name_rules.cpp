// The rules for names, shared by the YAML readers and the tenant table.
#include "loader/name_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/diagnostic.hpp"

namespace outagesim::loader {

std::string name_problem(std::string_view name, bool slash_allowed) {
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 || b == 0x7f;
  });
  if (name.empty() || name.find_first_not_of(' ') == std::string_view::npos) return "is empty";
  if (name.size() > 200) return fmt::format("is {} bytes long", name.size());
  if (control) return "holds a control character";
  if (name.front() == ' ' || name.back() == ' ') return "begins or ends with a space";
  if (!slash_allowed && name.find('/') != std::string_view::npos)
    return fmt::format("'{}' contains '/'", shown_text(name));
  return {};
}

}  // namespace outagesim::loader
