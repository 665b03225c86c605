// Recovery strategies and the variants a scenario offers for comparison.
#include <fmt/format.h>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {

// Upper bounds where no real system comes near: a zettabyte of backups, restored at up to an exabyte an
// hour. Without them 1e308 would be read, and a restore time of "never" would follow.
constexpr double kMaxDataGb = 1e12;
constexpr double kMaxGbPerHour = 1e9;

const std::vector<std::string> kStrategyKinds = {"wait_for_repair",    "standby",       "cross_region",
                                                 "multi_cloud",        "active_active", "launch_new",
                                                 "restore_from_backup"};
const m::ComponentKind kComputeKinds[] = {m::ComponentKind::kCompute};
const m::ComponentKind kControlPlaneKinds[] = {m::ComponentKind::kControlPlane};
const m::ComponentKind kImageKinds[] = {m::ComponentKind::kImageService};

}  // namespace

m::FailoverTrigger ScenarioReader::read_trigger(YamlMap& s, const Locate<m::FailoverTrigger>& here) {
  m::FailoverTrigger trigger;
  trigger.detection =
      s.duration("detection", false, into(here, &m::FailoverTrigger::detection)).value_or(sim::Time());
  trigger.decision =
      s.duration("decision", false, into(here, &m::FailoverTrigger::decision)).value_or(sim::Time());
  if (const YamlNode at = s.get("at"); at.defined())
    trigger.not_before =
        time_point(at, "'at' of " + s.what(), true, into(here, &m::FailoverTrigger::not_before));
  return trigger;
}

m::BackupSchedule ScenarioReader::read_backups(YamlMap& s) {
  m::BackupSchedule backups;
  // Not uncertain: the schedule's invariants (age below period) hold between the two numbers.
  backups.every = s.duration("backup_every").value_or(sim::Time::hours(24));
  if (backups.every <= sim::Time()) {
    sink_.error(s.mark_of("backup_every"), s.what() + ": 'backup_every' is zero", "a duration above 0");
    backups.every = sim::Time::hours(24);
  }
  backups.age_at_start = s.duration("backup_age_at_start").value_or(sim::Time());
  if (backups.age_at_start >= backups.every) {
    sink_.error(s.mark_of("backup_age_at_start"),
                s.what() + ": 'backup_age_at_start' is not younger than 'backup_every'",
                "the newest backup's age at the start, less than the time between backups");
  }
  return backups;
}

void ScenarioReader::read_site_recovery(YamlMap& site, std::vector<m::RecoveryStep>& steps,
                                        std::string& reason, const Locate<std::vector<m::RecoveryStep>>& at) {
  reason = site.string("recovery_reason").value_or("");
  if (!site.has("recovery")) {
    if (site.has("recovery_reason")) {
      sink_.error(site.mark_of("recovery_reason"), site.what() + " gives 'recovery_reason' but no 'recovery'",
                  "recovery: [...] with the steps that replace the function's, or neither key");
    }
    return;
  }
  steps = recovery_steps(site.get("recovery"), "'recovery' of " + site.what(), at);
  if (reason.empty()) {
    sink_.error(
        site.mark_of("recovery"), site.what() + " replaces the function's recovery steps without saying why",
        "recovery_reason: why this site needs other steps (without 'recovery' it runs the function's)");
    reason.push_back('?');  // reported already; keeps the steps as written
  }
}

m::StrategySpec ScenarioReader::read_strategy(const YamlNode& node, const std::string& what,
                                              const Locate<m::StrategySpec>& at) {
  YamlMap s(sink_, node, what);
  const YamlNode kind_node = s.get("kind", true);
  std::optional<std::string> kind;
  if (kind_node.defined()) kind = read_string(sink_, kind_node, "'kind' of " + what);
  if (!kind) return m::WaitForRepairSpec{};
  const auto req = [&](std::string_view key, bool required) {
    const YamlNode n = s.get(key, required);
    if (!n.defined()) return m::Requirement{};
    return requirement(n, fmt::format("'{}' of {}", key, what)).value_or(m::Requirement{});
  };
  const auto ref = [&](std::string_view key, bool required, std::span<const m::ComponentKind> kinds) {
    const YamlNode n = s.get(key, required);
    if (!n.defined()) return m::kNoComponent;
    return component_ref(n, fmt::format("'{}' of {}", key, what), kinds).value_or(m::kNoComponent);
  };

  if (*kind == "wait_for_repair") {
    s.finish();
    return m::WaitForRepairSpec{};
  }

  if (*kind == "standby" || *kind == "cross_region" || *kind == "multi_cloud") {
    m::StandbySpec standby;
    const Locate<m::StandbySpec> sb = alternative<m::StandbySpec>(at);
    standby.place = *kind == "standby"        ? m::StandbySpec::Place::kZone
                    : *kind == "cross_region" ? m::StandbySpec::Place::kRegion
                                              : m::StandbySpec::Place::kCloud;
    standby.needs = req("needs", true);
    standby.failover_needs = req("failover_needs", false);
    standby.trigger = read_trigger(s, member(sb, &m::StandbySpec::trigger));
    standby.switchover =
        s.duration("switchover", false, into(sb, &m::StandbySpec::switchover)).value_or(sim::Time());
    standby.dns_ttl = s.duration("dns_ttl", false, into(sb, &m::StandbySpec::dns_ttl)).value_or(sim::Time());
    standby.replication_lag = s.duration("replication_lag", false, into(sb, &m::StandbySpec::replication_lag))
                                  .value_or(sim::Time());
    read_site_recovery(s, standby.recovery, standby.recovery_reason, member(sb, &m::StandbySpec::recovery));
    if (standby.place == m::StandbySpec::Place::kRegion) {
      // Only a cross-region standby may be kept cold, built from backups when needed.
      if (const auto mode = s.string("mode")) {
        if (*mode != "warm" && *mode != "cold") {
          sink_.error(s.mark_of("mode"), fmt::format("'mode' of {} is '{}'", what, *mode), "warm or cold");
        }
        standby.cold = *mode == "cold";
      }
      standby.provision =
          s.duration("provision", false, into(sb, &m::StandbySpec::provision)).value_or(sim::Time());
      standby.backups = read_backups(s);
      // A warm standby is built and replicated already: the keys of a build from backups would be ignored.
      if (!standby.cold) {
        for (const char* key : {"provision", "backup_every", "backup_age_at_start"}) {
          if (s.has(key)) {
            sink_.error(
                s.mark_of(key), fmt::format("'{}' of {} applies to a cold standby only", key, what),
                fmt::format("mode: cold, or no '{}' (a warm standby serves after its switchover)", key));
          }
        }
      }
    }
    s.finish();
    return standby;
  }

  if (*kind == "active_active") {
    m::ActiveActiveSpec aa;
    const Locate<m::ActiveActiveSpec> here = alternative<m::ActiveActiveSpec>(at);
    for (const YamlNode& item : list_items(s.get("sites", true), "'sites' of " + what)) {
      YamlMap site(sink_, item, "a site of " + what);
      m::ActiveActiveSpec::Site spec_site;
      if (const YamlNode n = site.get("needs", true); n.defined()) {
        spec_site.needs = requirement(n, "'needs' of a site of " + what).value_or(m::Requirement{});
      }
      const Locate<m::ActiveActiveSpec::Site> place =
          element(member(here, &m::ActiveActiveSpec::sites), aa.sites.size());
      spec_site.capacity =
          site.number("capacity", false, {0, 10, true}, into(place, &m::ActiveActiveSpec::Site::capacity))
              .value_or(1.0);
      read_site_recovery(site, spec_site.recovery, spec_site.recovery_reason,
                         member(place, &m::ActiveActiveSpec::Site::recovery));
      site.finish();
      aa.sites.push_back(std::move(spec_site));
    }
    if (s.has("sites") && aa.sites.size() < 2) {
      sink_.error(s.mark_of("sites"), what + " has fewer than two sites",
                  "at least two entries under 'sites'");
    }
    aa.min_sites = static_cast<std::uint32_t>(s.integer("min_sites", false, 1, 1000).value_or(1));
    if (aa.sites.size() >= 2 && aa.min_sites > aa.sites.size()) {
      sink_.error(s.mark_of("min_sites"),
                  fmt::format("{} needs {} sites of only {}", what, aa.min_sites, aa.sites.size()),
                  "min_sites no greater than the number of sites");
    }
    aa.detection =
        s.duration("detection", false, into(here, &m::ActiveActiveSpec::detection)).value_or(sim::Time());
    s.finish();
    return aa;
  }

  if (*kind == "launch_new" || *kind == "restore_from_backup") {
    m::LaunchSpec launch;
    const Locate<m::LaunchSpec> here = alternative<m::LaunchSpec>(at);
    launch.target = ref("target", true, kComputeKinds);
    launch.control_plane = ref("control_plane", true, kControlPlaneKinds);
    const std::string image = s.string("image").value_or("public");
    if (image != "public" && image != "custom") {
      sink_.error(s.mark_of("image"), fmt::format("'image' of {} is '{}'", what, image), "public or custom");
    }
    launch.image_service = ref("image_service", image == "custom", kImageKinds);
    if (image == "public" && s.has("image_service")) {
      sink_.error(s.mark_of("image_service"), what + " names an image service for a public image",
                  "image: custom, or no image_service");
    }
    launch.instances = static_cast<std::uint32_t>(
        s.integer("instances", false, 1, 100'000, into(here, &m::LaunchSpec::instances)).value_or(1));
    launch.trigger = read_trigger(s, member(here, &m::LaunchSpec::trigger));
    launch.boot = s.duration("boot", false, into(here, &m::LaunchSpec::boot)).value_or(sim::Time());
    if (const YamlNode retry = s.get("retry"); retry.defined()) {
      YamlMap r(sink_, retry, "'retry' of " + what);
      launch.retry_initial = r.duration("initial").value_or(launch.retry_initial);
      launch.retry_max = r.duration("max").value_or(launch.retry_max);
      launch.retry_multiplier =
          r.number("multiplier", false, {1, 100, false}).value_or(launch.retry_multiplier);
      r.finish();
      if (launch.retry_initial <= sim::Time() || launch.retry_max < launch.retry_initial) {
        sink_.error(r.mark(),
                    fmt::format("'retry' of {} has initial {} ms and max {} ms", what,
                                launch.retry_initial.count_ms(), launch.retry_max.count_ms()),
                    "0 < initial <= max");
      }
    }
    launch.needs = req("needs", false);
    read_site_recovery(s, launch.recovery, launch.recovery_reason, member(here, &m::LaunchSpec::recovery));
    if (*kind == "launch_new") {
      launch.replication_lag =
          s.duration("replication_lag", false, into(here, &m::LaunchSpec::replication_lag))
              .value_or(sim::Time());
    } else {
      m::LaunchSpec::Restore restore;
      const Locate<m::LaunchSpec::Restore> held_restore = held(member(here, &m::LaunchSpec::restore));
      restore.backup_location = ref("backup_location", true, {});
      restore.data_gb = s.number("data_gb", true, {0, kMaxDataGb, true},
                                 into(held_restore, &m::LaunchSpec::Restore::data_gb))
                            .value_or(1);
      restore.gb_per_hour = s.number("restore_gb_per_hour", true, {0, kMaxGbPerHour, true},
                                     into(held_restore, &m::LaunchSpec::Restore::gb_per_hour))
                                .value_or(1);
      restore.backups = read_backups(s);
      launch.restore = restore;
    }
    s.finish();
    return launch;
  }

  std::string message = fmt::format("unknown strategy kind '{}'", *kind);
  if (const std::string hint = did_you_mean(*kind, kStrategyKinds); !hint.empty()) message += "; " + hint;
  sink_.error(kind_node.mark(), std::move(message),
              fmt::format("one of {}", fmt::join(kStrategyKinds, ", ")));
  return m::WaitForRepairSpec{};
}

void ScenarioReader::read_variants(const YamlNode& list) {
  std::vector<std::pair<std::uint32_t, std::string>> seen;  // (tenant, variant name)
  for (const YamlNode& item : list_items(list, "'variants'")) {
    const std::string shown = shown_name(item);
    YamlMap v(sink_, item, entry_what("variant", item));
    m::VariantSpec variant;
    variant.name = v.name().value_or("");
    variant.description = v.string("description").value_or("");
    const YamlNode tenant_node = v.get("tenant", true);
    std::optional<std::uint32_t> tenant;
    if (tenant_node.defined()) tenant = tenant_ref(tenant_node, "'tenant' of " + v.what());
    const YamlNode one = v.get("strategy");
    const YamlNode per_function = v.get("functions");
    if (one.defined() == per_function.defined()) {
      sink_.error(v.mark(),
                  v.what() + " needs either 'strategy' (for every function) or 'functions' (per function)",
                  "strategy: {kind: ...} or functions: {trading: {kind: ...}}");
    }
    if (tenant) {
      variant.tenant = *tenant;
      if (std::find(seen.begin(), seen.end(), std::make_pair(*tenant, variant.name)) != seen.end()) {
        sink_.error(
            v.mark_of("name"),
            fmt::format("duplicate variant '{}' for tenant '{}'", variant.name, spec_.tenants[*tenant].name),
            "a name used once per tenant");
      }
      seen.emplace_back(*tenant, variant.name);
      const m::TenantSpec& t = spec_.tenants[*tenant];
      // Where the variant's i-th strategy will sit.
      const std::size_t v_index = spec_.variants.size();
      const auto strategy_at = [v_index](std::size_t i) -> Locate<m::StrategySpec> {
        return [v_index, i](m::ScenarioSpec& spec) -> m::StrategySpec& {
          return spec.variants[v_index].strategies[i].second;
        };
      };
      if (one.defined()) {
        // One strategy for every function: its draws are written into the first copy, and the other
        // copies follow it (each takes its own function's recovery again when the run builds it).
        const std::size_t inputs_before = sink_.inputs().size();
        const m::StrategySpec strategy = read_strategy(one, "'strategy' of " + v.what(), strategy_at(0));
        const std::size_t copies = t.functions.size();
        sink_.fan_out_inputs(inputs_before, [v_index, copies](m::ScenarioSpec& spec) {
          auto& strategies = spec.variants[v_index].strategies;
          for (std::size_t i = 1; i < copies; ++i) strategies[i].second = strategies[0].second;
        });
        for (std::uint32_t f = 0; f < t.functions.size(); ++f) {
          variant.strategies.emplace_back(f, strategy);
          m::inherit_recovery(variant.strategies.back().second, t.functions[f].recovery);
        }
      } else if (per_function.defined()) {
        YamlMap fm(sink_, per_function, "'functions' of " + v.what());
        for (std::uint32_t f = 0; f < t.functions.size(); ++f) {
          const YamlNode s = fm.get(t.functions[f].name);
          if (s.defined()) {
            variant.strategies.emplace_back(
                f, read_strategy(
                       s, fmt::format("strategy of '{}/{}' in {}", t.name, t.functions[f].name, v.what()),
                       strategy_at(variant.strategies.size())));
            m::inherit_recovery(variant.strategies.back().second, t.functions[f].recovery);
          }
        }
        fm.finish();
      }
    } else if (one.defined()) {
      // The tenant is unknown (reported): the strategy is still read, for its own mistakes, and dropped
      // with the variant. The load fails, so the draws it registers are never applied.
      read_strategy(one, "'strategy' of " + v.what(), {});
    } else if (per_function.defined() && per_function.is_map()) {
      // The same for each function's strategy; the function names cannot be checked without the tenant.
      for (const auto& entry : per_function) {
        if (!entry.first.is_scalar()) continue;
        read_strategy(entry.second,
                      fmt::format("strategy of '{}' in {}", shown_text(entry.first.scalar()), v.what()), {});
      }
    }
    v.finish();
    if (tenant) spec_.variants.push_back(std::move(variant));
  }
}

}  // namespace outagesim::loader
