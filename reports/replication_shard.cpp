// Shard files to and from JSON. nlohmann writes a double in its shortest form that reads back to the
// same bits and reads numbers with strtod, which rounds correctly, so finite inputs round-trip exactly;
// the non-finite ones JSON cannot hold travel as the strings "nan", "inf" and "-inf".
#include "reports/replication_shard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <string_view>

namespace outagesim::reports {
namespace {

nlohmann::ordered_json double_json(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}

std::optional<double> double_from(const nlohmann::json& j) {
  if (j.is_number()) return j.get<double>();
  if (j == "nan") return std::numeric_limits<double>::quiet_NaN();
  if (j == "inf") return std::numeric_limits<double>::infinity();
  if (j == "-inf") return -std::numeric_limits<double>::infinity();
  return std::nullopt;
}

std::string hash_text(std::uint64_t hash) {
  return fmt::format("fnv1a64:{:016x}", hash);
}

std::optional<std::uint64_t> hash_from(const nlohmann::json& j) {
  if (!j.is_string()) return std::nullopt;
  const std::string& s = j.get_ref<const std::string&>();
  if (s.size() != 24 || s.rfind("fnv1a64:", 0) != 0) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s.substr(8)) {
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else
      return std::nullopt;
    v = v * 16 + static_cast<std::uint64_t>(digit);
  }
  return v;
}

// An array under `key` of exactly `size` elements, or the problem.
std::optional<ShardProblem> check_array(const nlohmann::json& doc, const char* key, std::size_t size,
                                        const char* what) {
  const auto it = doc.find(key);
  if (it == doc.end()) return ShardProblem{fmt::format("'{}' is missing", key), ""};
  if (!it->is_array()) return ShardProblem{fmt::format("'{}' is not a list", key), fmt::format("/{}", key)};
  if (it->size() != size)
    return ShardProblem{
        fmt::format("'{}' has {} entries but the scenario has {} {}", key, it->size(), size, what),
        fmt::format("/{}", key)};
  return std::nullopt;
}

std::optional<std::uint64_t> unsigned_at(const nlohmann::json& doc, const char* key) {
  const auto it = doc.find(key);
  if (it == doc.end() || !it->is_number_unsigned()) return std::nullopt;
  return it->get<std::uint64_t>();
}

}  // namespace

nlohmann::ordered_json outcome_json(const models::ReplicationOutcome& outcome) {
  nlohmann::ordered_json j;
  j["replication"] = outcome.replication;
  auto& down = j["downtime_ms"] = nlohmann::ordered_json::array();
  for (const sim::Time t : outcome.downtime) down.push_back(t.count_ms());
  auto& degraded = j["degraded_ms"] = nlohmann::ordered_json::array();
  for (const sim::Time t : outcome.degraded) degraded.push_back(t.count_ms());
  auto& breached = j["sla_breached"] = nlohmann::ordered_json::array();
  for (const bool b : outcome.sla_breached) breached.push_back(b);
  auto& at_horizon = j["state_at_horizon"] = nlohmann::ordered_json::array();
  for (const models::State s : outcome.at_horizon) at_horizon.push_back(std::string(models::state_name(s)));
  auto& milestones = j["milestones_ms"] = nlohmann::ordered_json::array();
  for (const auto& m : outcome.milestones)
    milestones.push_back(m ? nlohmann::ordered_json(m->count_ms()) : nlohmann::ordered_json(nullptr));
  auto& inputs = j["inputs"] = nlohmann::ordered_json::array();
  for (const double v : outcome.inputs) inputs.push_back(double_json(v));
  return j;
}

namespace {

// A key of the object `doc` that a shard does not have: a misspelt one would otherwise be ignored.
std::optional<ShardProblem> unknown_key(const nlohmann::json& doc,
                                        std::initializer_list<std::string_view> known,
                                        std::string_view where) {
  for (const auto& [key, value] : doc.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    return ShardProblem{
        fmt::format("{}unknown key '{}'; a shard's keys there are {}", where, key, fmt::join(known, ", ")),
        "/" + key};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ShardProblem> outcome_from_json(const nlohmann::json& doc, const models::ScenarioSpec& spec,
                                              models::ReplicationOutcome& out) {
  if (!doc.is_object()) return ShardProblem{"an outcome is not an object", ""};
  const auto replication = unsigned_at(doc, "replication");
  if (!replication)
    return ShardProblem{"an outcome has no replication number (a non-negative integer)",
                        doc.contains("replication") ? "/replication" : ""};
  out = {};
  out.replication = *replication;
  const std::string where = fmt::format("replication {}: ", *replication);
  const auto at = [&where](const char* key, std::size_t i, std::string message) {
    return ShardProblem{where + std::move(message), fmt::format("/{}/{}", key, i)};
  };
  if (auto e = unknown_key(doc,
                           {"replication", "downtime_ms", "degraded_ms", "sla_breached", "state_at_horizon",
                            "milestones_ms", "inputs"},
                           where))
    return e;
  const std::size_t functions = models::tenant_functions(spec).size();
  for (const auto& [key, size, what] : {std::tuple{"downtime_ms", functions, "tenant functions"},
                                        std::tuple{"degraded_ms", functions, "tenant functions"},
                                        std::tuple{"sla_breached", functions, "tenant functions"},
                                        std::tuple{"state_at_horizon", functions, "tenant functions"},
                                        std::tuple{"milestones_ms", spec.milestones.size(), "milestones"},
                                        std::tuple{"inputs", spec.inputs.size(), "uncertain inputs"}}) {
    if (auto e = check_array(doc, key, size, what)) {
      e->message = where + e->message;
      return e;
    }
  }
  for (const auto& key : {"downtime_ms", "degraded_ms"}) {
    auto& target = std::string_view(key) == "downtime_ms" ? out.downtime : out.degraded;
    const nlohmann::json& list = doc[key];
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_number_integer())
        return at(key, i, fmt::format("'{}' holds a value that is no integer", key));
      target.push_back(sim::Time::ms(list[i].get<std::int64_t>()));
    }
  }
  const nlohmann::json& breached = doc["sla_breached"];
  for (std::size_t i = 0; i < breached.size(); ++i) {
    if (!breached[i].is_boolean())
      return at("sla_breached", i, "'sla_breached' holds a value that is not true or false");
    out.sla_breached.push_back(breached[i].get<bool>());
  }
  const nlohmann::json& at_horizon = doc["state_at_horizon"];
  for (std::size_t i = 0; i < at_horizon.size(); ++i) {
    const nlohmann::json& v = at_horizon[i];
    const std::string name = v.is_string() ? v.get<std::string>() : std::string();
    if (name == "up") {
      out.at_horizon.push_back(models::State::kUp);
    } else if (name == "degraded") {
      out.at_horizon.push_back(models::State::kDegraded);
    } else if (name == "down") {
      out.at_horizon.push_back(models::State::kDown);
    } else {
      return at("state_at_horizon", i,
                "'state_at_horizon' holds a value that is not \"up\", \"degraded\" or \"down\"");
    }
  }
  const nlohmann::json& milestones = doc["milestones_ms"];
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const nlohmann::json& v = milestones[i];
    if (v.is_null()) {
      out.milestones.emplace_back();
    } else if (v.is_number_integer()) {
      out.milestones.emplace_back(sim::Time::ms(v.get<std::int64_t>()));
    } else {
      return at("milestones_ms", i, "'milestones_ms' holds a value that is neither an integer nor null");
    }
  }
  const nlohmann::json& inputs = doc["inputs"];
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto d = double_from(inputs[i]);
    if (!d) return at("inputs", i, "'inputs' holds a value that is no number");
    out.inputs.push_back(*d);
  }
  return std::nullopt;
}

std::optional<ShardProblem> outcome_problem(const models::ReplicationOutcome& outcome,
                                            const models::ScenarioSpec& spec) {
  const std::string where = fmt::format("replication {}: ", outcome.replication);
  const auto at = [&where](const char* key, std::size_t i, std::string message) {
    return ShardProblem{where + std::move(message), fmt::format("/{}/{}", key, i)};
  };
  const std::int64_t horizon_ms = spec.horizon.count_ms();
  const auto outside = [horizon_ms](sim::Time t) { return t.count_ms() < 0 || t.count_ms() > horizon_ms; };
  for (const auto& [key, times] :
       {std::pair{"downtime_ms", &outcome.downtime}, std::pair{"degraded_ms", &outcome.degraded}}) {
    for (std::size_t i = 0; i < times->size(); ++i) {
      const sim::Time t = (*times)[i];
      if (outside(t))
        return at(key, i,
                  fmt::format("'{}' holds {} ms, outside the scenario's horizon (0 to {} ms)", key,
                              t.count_ms(), horizon_ms));
    }
  }
  // The values must also agree with one another as a run writes them.
  const std::vector<models::FunctionRef> functions = models::tenant_functions(spec);
  for (std::size_t i = 0; i < functions.size() && i < outcome.downtime.size() &&
                          i < outcome.degraded.size() && i < outcome.sla_breached.size();
       ++i) {
    if ((outcome.downtime[i] + outcome.degraded[i]).count_ms() > horizon_ms)
      return at("degraded_ms", i,
                fmt::format("'degraded_ms' holds {} ms, which with the {} ms down is more than the horizon "
                            "({} ms)",
                            outcome.degraded[i].count_ms(), outcome.downtime[i].count_ms(), horizon_ms));
    if (i < outcome.at_horizon.size()) {
      const models::State end = outcome.at_horizon[i];
      const sim::Time in_state = end == models::State::kDown       ? outcome.downtime[i]
                                 : end == models::State::kDegraded ? outcome.degraded[i]
                                                                   : sim::Time::ms(1);
      if (in_state <= sim::Time())
        return at(
            "state_at_horizon", i,
            fmt::format("'state_at_horizon' holds \"{}\", but its '{}' is 0 ms", models::state_name(end),
                        end == models::State::kDown ? "downtime_ms" : "degraded_ms"));
    }
    const models::TenantSpec& tenant = spec.tenants[functions[i].tenant];
    const bool breached = tenant.sla && models::breaches(spec.slas[*tenant.sla], outcome.downtime[i]);
    if (outcome.sla_breached[i] != breached)
      return at("sla_breached", i,
                fmt::format("'sla_breached' holds {}, but {} down {} ms {} its SLA", outcome.sla_breached[i],
                            models::vertex_name(spec, tenant.functions[functions[i].function].id),
                            outcome.downtime[i].count_ms(),
                            !tenant.sla ? "has no"
                            : breached  ? "breaches"
                                        : "keeps"));
  }
  for (std::size_t i = 0; i < outcome.milestones.size() && i < spec.milestones.size(); ++i) {
    const auto& m = outcome.milestones[i];
    if (m && outside(*m))
      return at("milestones_ms", i,
                fmt::format("'milestones_ms' holds {} ms, outside the scenario's horizon (0 to {} ms)",
                            m->count_ms(), horizon_ms));
    const models::MilestoneSpec& milestone = spec.milestones[i];
    if (milestone.max_downtime) {
      // Its value is the downtime of its component, which every run has.
      if (!m)
        return at("milestones_ms", i,
                  fmt::format("'milestones_ms' holds null for '{}', a downtime check "
                              "every run gives a value",
                              milestone.name));
      // On a tenant function, it is that function's downtime; on a tenant, which is down while all its
      // functions are, the downtime of its one function, or at most the least of its functions'.
      std::optional<sim::Time> least;
      std::size_t count = 0;
      for (std::size_t fi = 0; fi < functions.size() && fi < outcome.downtime.size(); ++fi) {
        const models::TenantSpec& tenant = spec.tenants[functions[fi].tenant];
        if (tenant.functions[functions[fi].function].id != milestone.component &&
            tenant.id != milestone.component)
          continue;
        ++count;
        least = least ? std::min(*least, outcome.downtime[fi]) : outcome.downtime[fi];
      }
      if (least && (count == 1 ? *m != *least : *m > *least))
        return at(
            "milestones_ms", i,
            fmt::format("'milestones_ms' holds {} ms for '{}', but its {} {} ms in that replication",
                        m->count_ms(), milestone.name,
                        count == 1 ? "function is down" : "functions are down at least", least->count_ms()));
    } else if (milestone.not_up_at && m && *m != *milestone.not_up_at) {
      return at("milestones_ms", i,
                fmt::format("'milestones_ms' holds {} ms for '{}', a check at {} ms (or null)", m->count_ms(),
                            milestone.name, milestone.not_up_at->count_ms()));
    }
  }
  for (std::size_t i = 0; i < outcome.inputs.size() && i < spec.inputs.size(); ++i) {
    // A draw lies in its distribution's range, rounded and clamped as a replication writes it.
    const models::UncertainInput& input = spec.inputs[i];
    const auto bound = [&input](double raw) {
      return std::clamp(models::round_for_unit(raw, input.unit), input.lowest, input.highest);
    };
    const double v = outcome.inputs[i];
    const double lo = bound(input.distribution.lowest());
    const double hi = bound(input.distribution.highest());
    if (!std::isfinite(v) || v < lo || v > hi)
      return at("inputs", i,
                fmt::format("'inputs' holds {} for '{}', which draws from {} to {}", v, input.name, lo, hi));
    // Empirical samples are drawn as they are: a value between two of them is no draw.
    const auto& samples = input.distribution.samples();
    // The samples are sorted, and rounding then clamping keeps their order: a binary search.
    const auto found = std::ranges::lower_bound(samples, v, {}, bound);
    if (input.distribution.kind() == sim::DistributionKind::kEmpirical &&
        (found == samples.end() || bound(*found) != v))
      return at("inputs", i,
                fmt::format("'inputs' holds {} for '{}', which draws only its {} samples", v, input.name,
                            samples.size()));
  }
  return std::nullopt;
}

nlohmann::ordered_json shard_json(const ReplicationShard& shard) {
  nlohmann::ordered_json j;
  j["outagesim_shard"] = kShardFormatVersion;
  j["kind"] = shard.kind;
  j["outagesim"] = shard.version;
  j["scenario_hash"] = hash_text(shard.scenario_hash);
  j["seed"] = shard.seed;
  j["runs"] = shard.runs;
  j["shards"] = shard.shards;
  j["shard"] = shard.shard;
  j["begin"] = shard.range.begin;
  j["end"] = shard.range.end;
  auto& outcomes = j["outcomes"] = nlohmann::ordered_json::array();
  for (const auto& o : shard.outcomes) outcomes.push_back(outcome_json(o));
  return j;
}

std::string shard_file_text(const ReplicationShard& shard) {
  const nlohmann::ordered_json doc = shard_json(shard);
  std::string out = "{\n";
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    out += fmt::format("  {}: ", nlohmann::json(it.key()).dump());
    if (it.key() != "outcomes") {
      out += it.value().dump() + ",\n";
      continue;
    }
    out += "[";
    for (std::size_t k = 0; k < it.value().size(); ++k)
      out += (k == 0 ? "\n    " : ",\n    ") + it.value()[k].dump();
    out += it.value().empty() ? "]\n" : "\n  ]\n";
  }
  return out + "}\n";
}

std::optional<ShardProblem> origin_mismatch(const std::string& version, std::uint64_t scenario_hash,
                                            const ShardExpectation& expected) {
  if (version != expected.version) {
    return ShardProblem{fmt::format("written by outagesim {}, but this is outagesim {}; rerun the shard with "
                                    "this version",
                                    version, expected.version),
                        "/outagesim"};
  }
  if (scenario_hash != expected.scenario_hash) {
    return ShardProblem{fmt::format("made from another scenario (fnv1a64 {:016x}) than {} (fnv1a64 {:016x})",
                                    scenario_hash, expected.scenario_file, expected.scenario_hash),
                        "/scenario_hash"};
  }
  return std::nullopt;
}

ShardReading shard_from_json(const nlohmann::json& doc, const models::ScenarioSpec& spec,
                             const ShardExpectation* expected) {
  auto fail = [](std::string message, std::string pointer) {
    return ShardReading{std::nullopt, {std::move(message), std::move(pointer)}};
  };
  // The pointer of `key` when the document has it, else of the document (where it is missing).
  auto key_at = [&doc](const char* key) {
    return doc.contains(key) ? fmt::format("/{}", key) : std::string();
  };
  if (!doc.is_object() || !doc.contains("outagesim_shard")) return fail("not an outagesim shard file", "");
  if (!doc["outagesim_shard"].is_number_integer() || doc["outagesim_shard"] != kShardFormatVersion)
    return fail(fmt::format("shard format {} is not the one this outagesim reads ({})",
                            doc["outagesim_shard"].dump(), kShardFormatVersion),
                "/outagesim_shard");
  if (auto e = unknown_key(doc,
                           {"outagesim_shard", "kind", "outagesim", "scenario_hash", "seed", "runs", "shards",
                            "shard", "begin", "end", "outcomes"},
                           ""))
    return ShardReading{std::nullopt, std::move(*e)};
  ReplicationShard shard;
  if (!doc.contains("kind") || !doc["kind"].is_string())
    return fail("'kind' missing or not a string", key_at("kind"));
  shard.kind = doc["kind"].get<std::string>();
  if (!doc.contains("outagesim") || !doc["outagesim"].is_string())
    return fail("'outagesim' missing or not a string", key_at("outagesim"));
  shard.version = doc["outagesim"].get<std::string>();
  const auto hash = doc.contains("scenario_hash") ? hash_from(doc["scenario_hash"]) : std::nullopt;
  if (!hash)
    return fail("'scenario_hash' missing or not of the form fnv1a64:<16 hex digits>",
                key_at("scenario_hash"));
  shard.scenario_hash = *hash;
  if (expected != nullptr) {
    if (auto problem = origin_mismatch(shard.version, shard.scenario_hash, *expected))
      return ShardReading{std::nullopt, std::move(*problem)};
  }
  std::uint64_t* fields[] = {&shard.seed,  &shard.runs,        &shard.shards,
                             &shard.shard, &shard.range.begin, &shard.range.end};
  const char* names[] = {"seed", "runs", "shards", "shard", "begin", "end"};
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    const auto v = unsigned_at(doc, names[i]);
    if (!v)
      return fail(fmt::format("'{}' missing or not a non-negative integer", names[i]), key_at(names[i]));
    *fields[i] = *v;
  }
  if (!doc.contains("outcomes") || !doc["outcomes"].is_array())
    return fail("'outcomes' missing or not a list", key_at("outcomes"));
  const nlohmann::json& outcomes = doc["outcomes"];
  shard.outcomes.reserve(outcomes.size());
  for (std::size_t k = 0; k < outcomes.size(); ++k) {
    models::ReplicationOutcome outcome;
    auto problem = outcome_from_json(outcomes[k], spec, outcome);
    if (!problem) problem = outcome_problem(outcome, spec);
    if (problem) return fail(std::move(problem->message), fmt::format("/outcomes/{}{}", k, problem->pointer));
    shard.outcomes.push_back(std::move(outcome));
  }
  return ShardReading{std::move(shard), {}};
}

}  // namespace outagesim::reports
