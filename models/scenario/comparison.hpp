// Comparing recovery strategies: the scenario as written (the baseline), then once per
// variant with some of a tenant's functions given another strategy. Each is a whole run, because
// strategies act on shared components (launches load the control plane); all use the same seed, so the
// same random draws (common random numbers): differences come from the strategy, not luck.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/results/run_result.hpp"
#include "models/results/sla_credit.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::models {

struct ComparisonRow {
  std::uint32_t tenant = 0;    // index into ScenarioSpec::tenants
  std::uint32_t function = 0;  // index into the tenant's functions
  std::string variant;         // the variant's name; empty for the baseline
  bool baseline = false;
  std::string_view strategy_kind;

  sim::Time downtime;                        // within the horizon
  sim::Time degraded;                        // serving, but degraded, within the horizon
  sim::Time delta;                           // downtime minus the baseline's for the same function
  std::optional<sim::Time> first_down;       // start of the first outage
  std::optional<sim::Time> recovered_at;     // end of the first outage; nullopt if never down or still down
  std::optional<sim::Time> time_to_recover;  // its length (to the horizon when still down)
  bool still_down_at_horizon = false;
  sim::Time data_loss;
  std::optional<SlaCredit> sla;  // when the tenant names an SLA
  // What held the recovery back: the strategy's longest wait when it failed over, else the dependency
  // the function waited for last.
  ComponentId limited_by = kNoComponent;
  Wait limitation = Wait::kNothing;
  std::string step;  // for Wait::kSiteRecovery
  sim::Time limited_for;
  StrategyResult strategy;  // as the strategy reported it
};

struct Comparison {
  // Per tenant with variants, for each function some variant changes: the baseline's rows, then each
  // variant's, in the scenario's order.
  std::vector<ComparisonRow> rows;
};

// The functions of `tenant` that some variant gives another strategy, in order: the others are the
// baseline in every row.
std::vector<std::uint32_t> functions_with_variants(const ScenarioSpec& spec, std::uint32_t tenant);

// The spec with the variant's strategies put in.
ScenarioSpec apply_variant(const ScenarioSpec& spec, const VariantSpec& variant);

// Rows for every tenant that has variants, or only `tenant` when given.
Comparison compare_variants(const ScenarioSpec& spec, std::uint64_t seed,
                            std::optional<std::uint32_t> tenant = std::nullopt);

}  // namespace outagesim::models
