// Writes the imported tenant part (importer/tenant_part_writer.hpp).
#include "importer/tenant_part_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/diagnostic.hpp"

namespace outagesim::importer {

namespace {

// A name as a YAML scalar: plain when it is letters, digits, '-', '_' and '.', else double-quoted. A
// template's component names are any printable text (name_rules.hpp), and ": " or "#" in one would
// change what the part says.
std::string scalar(const std::string& name) {
  const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
  if (plain) return name;
  std::string out = "\"";
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));  // YAML's escape in double quotes
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string need_text(const ImportedNeed& need) {
  if (need.of.size() == 1) return scalar(need.of.front());
  std::vector<std::string> names;
  for (const std::string& name : need.of) names.push_back(scalar(name));
  return fmt::format("{{k: {}, of: [{}]}}", need.k, fmt::join(names, ", "));
}

struct FunctionNeeds {
  std::string name;
  std::vector<std::pair<ImportedNeed, std::vector<std::string>>> needs;  // need, the addresses needing it
  std::vector<std::string> tiers;                                        // in each need's order
};

}  // namespace

std::string tenant_part_yaml(const ImportedStack& stack, const TenantPartSource& source) {
  using loader::escaped_text;
  std::string out = fmt::format(
      "# Imported by `outagesim import terraform` from {}\n"
      "# against the region template {} ({} {}).\n"
      "# A tenant part: `outagesim run SCENARIO --tenant-file THIS_FILE` (docs/my-stack.md). One "
      "variant-free\n"
      "# tenant; add `variants:` here to compare recovery strategies (docs/strategies.md).\n",
      escaped_text(source.state_file), escaped_text(source.template_file), source.provider, source.region);
  if (!stack.unmapped.empty()) {
    out += "#\n# Not placed (also named on stderr); nothing below needs them:\n";
    for (const UnmappedResource& u : stack.unmapped)
      out += fmt::format("#   {}: {}\n", escaped_text(u.address), escaped_text(u.reason));
  }
  if (!stack.supporting.empty()) {
    out += "#\n# Read for other resources or configuration only, no need of their own:\n";
    for (const std::string& address : stack.supporting) out += fmt::format("#   {}\n", escaped_text(address));
  }
  if (stack.data_sources > 0) out += fmt::format("#\n# Data sources skipped: {}\n", stack.data_sources);

  if (!stack.external.empty()) {
    out +=
        "\n# Other regions the replicas live in: nothing in a scenario of this region reaches "
        "them.\ncomponents:\n";
    for (const ExternalComponent& c : stack.external)
      out += fmt::format("  - {{name: {}, kind: {}, zone: {}}}\n", scalar(c.name), c.kind, scalar(c.zone));
  }

  std::vector<FunctionNeeds> functions;
  for (const MappedResource& r : stack.mapped) {
    auto f = std::find_if(functions.begin(), functions.end(),
                          [&](const FunctionNeeds& x) { return x.name == r.function; });
    if (f == functions.end()) f = functions.insert(functions.end(), FunctionNeeds{r.function, {}, {}});
    auto n = std::find_if(f->needs.begin(), f->needs.end(), [&](const auto& x) { return x.first == r.need; });
    if (n == f->needs.end()) {
      n = f->needs.insert(f->needs.end(), {r.need, {}});
      f->tiers.push_back(r.tier);
    }
    for (const std::string& address : r.addresses) n->second.push_back(escaped_text(address));
  }
  out += fmt::format("\ntenants:\n  - name: {}\n    functions:\n", scalar(source.tenant));
  for (const FunctionNeeds& f : functions) {
    out += fmt::format("      - name: {}\n        needs:\n", scalar(f.name));
    for (std::size_t i = 0; i < f.needs.size(); ++i) {
      const auto& [need, addresses] = f.needs[i];
      out += fmt::format("          - {}    # {}: {}\n", need_text(need), f.tiers[i],
                         fmt::join(addresses, ", "));
    }
  }
  return out;
}

}  // namespace outagesim::importer
