// The rules for names, shared by the YAML readers and the tenant table.
#include "loader/name_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/diagnostic.hpp"

namespace outagesim::loader {

namespace {

// Whether the UTF-8 text holds a character that moves or rewrites what a terminal or a table shows: C0
// controls and DEL, the C1 controls U+0080-U+009F (CSI, NEL: a terminal acts on them), the line and
// paragraph separators U+2028-U+2029, and the bidirectional controls U+200E-U+200F, U+202A-U+202E and
// U+2066-U+2069, which reorder what follows them on the line.
bool holds_control(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x20 || b == 0x7f) return true;
    const auto next = [&](std::size_t k) {
      return i + k < name.size() ? static_cast<unsigned char>(name[i + k]) : 0u;
    };
    if (b == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return true;
    if (b == 0xE2 && next(1) == 0x80) {
      const unsigned c = next(2);
      if (c == 0x8E || c == 0x8F || (c >= 0xA8 && c <= 0xAE)) return true;
    }
    if (b == 0xE2 && next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9) return true;
  }
  return false;
}

}  // namespace

std::string name_problem(std::string_view name, bool slash_allowed) {
  const bool control = holds_control(name);
  if (name.empty() || name.find_first_not_of(' ') == std::string_view::npos) return "is empty";
  if (name.size() > 200) return fmt::format("is {} bytes long", name.size());
  if (control) return "holds a control character";
  if (name.front() == ' ' || name.back() == ' ') return "begins or ends with a space";
  if (!slash_allowed && name.find('/') != std::string_view::npos)
    return "contains '/'";  // the message names the owner, and with it the name
  return {};
}

}  // namespace outagesim::loader
