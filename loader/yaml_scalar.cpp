// A string as a YAML scalar (yaml_scalar.hpp).
#include "loader/yaml_scalar.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace outagesim::loader {

namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string yaml_scalar(std::string_view text) {
  const bool plain =
      !text.empty() && is_alnum(text.front()) && std::all_of(text.begin(), text.end(), [](char c) {
        return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '/';
      });
  // YAML reads a plain null as no value at all.
  const bool null = text == "null" || text == "Null" || text == "NULL";
  if (plain && !null) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));  // YAML's escape in double quotes
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace outagesim::loader
