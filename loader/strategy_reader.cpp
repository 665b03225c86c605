// Recovery strategies and the variants a scenario offers for comparison.
#include <fmt/format.h>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {
const std::vector<std::string> kStrategyKinds = {"wait_for_repair"};
}  // namespace

m::StrategySpec ScenarioReader::read_strategy(const YAML::Node& node, const std::string& what) {
  YamlMap s(sink_, node, what);
  m::StrategySpec strategy = m::WaitForRepairSpec{};
  const YAML::Node kind_node = s.get("kind", true);
  const auto kind = kind_node.IsDefined() ? read_string(sink_, kind_node, "'kind' of " + what) : std::nullopt;
  if (!kind) return strategy;
  if (*kind == "wait_for_repair") {
    strategy = m::WaitForRepairSpec{};
  } else {
    std::string message = fmt::format("unknown strategy kind '{}'", *kind);
    if (const std::string hint = did_you_mean(*kind, kStrategyKinds); !hint.empty()) message += "; " + hint;
    sink_.error(kind_node.Mark(), std::move(message),
                fmt::format("one of {}", fmt::join(kStrategyKinds, ", ")));
    return strategy;
  }
  s.finish();
  return strategy;
}

void ScenarioReader::read_variants(const YAML::Node& list) {
  for (const YAML::Node& item : list_items(list, "'variants'")) {
    const std::string shown = item.IsMap() && item["name"].IsScalar() ? item["name"].Scalar() : "?";
    YamlMap v(sink_, item, fmt::format("variant '{}'", shown));
    m::VariantSpec variant;
    variant.name = v.string("name", true).value_or("");
    variant.description = v.string("description").value_or("");
    const YAML::Node tenant_node = v.get("tenant", true);
    std::vector<std::string> tenant_names;
    for (const auto& t : spec_.tenants) tenant_names.push_back(t.name);
    std::optional<std::uint32_t> tenant;
    if (tenant_node.IsDefined())
      tenant = named_index(tenant_node, "'tenant' of " + v.what(), tenant_names, "tenants");
    const YAML::Node one = v.get("strategy");
    const YAML::Node per_function = v.get("functions");
    if (one.IsDefined() == per_function.IsDefined()) {
      sink_.error(v.mark(),
                  v.what() + " needs either 'strategy' (for every function) or 'functions' (per function)",
                  "strategy: {kind: ...} or functions: {trading: {kind: ...}}");
    }
    if (tenant) {
      variant.tenant = *tenant;
      const m::TenantSpec& t = spec_.tenants[*tenant];
      if (one.IsDefined()) {
        const m::StrategySpec strategy = read_strategy(one, "'strategy' of " + v.what());
        for (std::uint32_t f = 0; f < t.functions.size(); ++f) variant.strategies.emplace_back(f, strategy);
      } else if (per_function.IsDefined()) {
        YamlMap fm(sink_, per_function, "'functions' of " + v.what());
        std::vector<std::string> names;
        for (const auto& f : t.functions) names.push_back(f.name);
        for (std::uint32_t f = 0; f < t.functions.size(); ++f) {
          const YAML::Node s = fm.get(t.functions[f].name);
          if (s.IsDefined()) {
            variant.strategies.emplace_back(
                f, read_strategy(
                       s, fmt::format("strategy of '{}/{}' in {}", t.name, t.functions[f].name, v.what())));
          }
        }
        fm.finish();
      }
    }
    v.finish();
    if (tenant) spec_.variants.push_back(std::move(variant));
  }
}

}  // namespace outagesim::loader
