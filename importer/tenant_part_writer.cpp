// Writes the imported tenant part (importer/tenant_part_writer.hpp).
#include "importer/tenant_part_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/diagnostic.hpp"
#include "loader/yaml_scalar.hpp"

namespace outagesim::importer {

namespace {

std::string need_text(const ImportedNeed& need) {
  if (need.of.size() == 1) return loader::yaml_scalar(need.of.front());
  std::vector<std::string> names;
  for (const std::string& name : need.of) names.push_back(loader::yaml_scalar(name));
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
      escaped_text(source.state_file), escaped_text(source.template_file), escaped_text(source.provider),
      escaped_text(source.region));
  if (!stack.unmapped.empty()) {
    out += "#\n# Not placed (also named on stderr); nothing below needs them:\n";
    for (const UnmappedResource& u : stack.unmapped)
      out += fmt::format("#   {}: {}\n", escaped_text(u.address), escaped_text(u.reason));
  }
  if (!stack.renamed_functions.empty()) {
    out += "#\n# Functions renamed so that two tags or modules stay two functions (also named on stderr):\n";
    for (const std::string& renamed : stack.renamed_functions) out += fmt::format("#   {}\n", renamed);
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
      out += fmt::format("  - {{name: {}, kind: {}, zone: {}}}\n", loader::yaml_scalar(c.name), c.kind,
                         loader::yaml_scalar(c.zone));
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
  out += fmt::format("\ntenants:\n  - name: {}\n    functions:\n", loader::yaml_scalar(source.tenant));
  for (const FunctionNeeds& f : functions) {
    out += fmt::format("      - name: {}\n        needs:\n", loader::yaml_scalar(f.name));
    for (std::size_t i = 0; i < f.needs.size(); ++i) {
      const auto& [need, addresses] = f.needs[i];
      out += fmt::format("          - {}    # {}: {}\n", need_text(need), f.tiers[i],
                         fmt::join(addresses, ", "));
    }
  }
  return out;
}

}  // namespace outagesim::importer
