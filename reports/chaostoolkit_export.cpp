// Chaos Toolkit experiment of reports/chaostoolkit_export.hpp: hypothesis, method, rollbacks.
#include "reports/chaostoolkit_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace outagesim::reports {

namespace {

using nlohmann::ordered_json;

ordered_json python_provider(const char* module, const char* func, ordered_json arguments) {
  return {{"type", "python"}, {"module", module}, {"func", func}, {"arguments", std::move(arguments)}};
}

// Instances of the step's component: by the tag, and by its zone when it has one.
ordered_json instance_arguments(const ChaosStep& step) {
  ordered_json arguments = ordered_json::object();
  if (!step.zone.empty()) arguments["az"] = step.zone;
  arguments["filters"] = {{{"Name", fmt::format("tag:{}", kComponentTag)}, {"Values", {step.component}}}};
  return arguments;
}

ordered_json provider(const ChaosStep& step, std::size_t index) {
  switch (step.kind) {
    case ChaosKind::kStopInstances:
      return python_provider("chaosaws.ec2.actions", "stop_instances", instance_arguments(step));
    case ChaosKind::kFailoverDatabase:
      return python_provider(
          "chaosaws.rds.actions", "failover_db_cluster",
          {{"db_cluster_identifier", fmt::format("REPLACE-WITH-CLUSTER-OF-{}", step.component)}});
    default:
      // Zone-wide and network faults have no chaosaws action of their own: they run the matching FIS
      // template (`outagesim export fis`), whose step of the same number does this.
      return python_provider(
          "chaosaws.fis.actions", "start_experiment",
          {{"experiment_template_id", fmt::format("REPLACE-WITH-FIS-TEMPLATE-step-{:02}", index + 1)}});
  }
}

std::string needs_text(const models::ScenarioSpec& spec, const models::Requirement& needs) {
  std::vector<models::ComponentId> ids;
  needs.collect_components(ids);
  std::string text;
  for (const models::ComponentId id : ids) {
    if (text.find(models::vertex_name(spec, id)) != std::string::npos) continue;
    if (!text.empty()) text += ", ";
    text += models::vertex_name(spec, id);
  }
  return text;
}

ordered_json hypothesis(const models::ScenarioSpec& spec) {
  ordered_json probes = ordered_json::array();
  for (const models::TenantSpec& tenant : spec.tenants) {
    for (const models::TenantFunctionSpec& function : tenant.functions) {
      const std::string needs = needs_text(spec, function.needs);
      probes.push_back(
          {{"type", "probe"},
           {"name", fmt::format("{}/{} serves{}", tenant.name, function.name,
                                needs.empty() ? std::string() : fmt::format(" (needs {})", needs))},
           {"tolerance", 200},
           {"provider",
            {{"type", "http"},
             {"url", fmt::format("https://REPLACE-WITH-URL-OF-{}-{}/health", tenant.name, function.name)},
             {"timeout", 5}}}});
    }
  }
  return {{"title", "every tenant function serves"}, {"probes", std::move(probes)}};
}

}  // namespace

nlohmann::ordered_json chaostoolkit_experiment(const models::ScenarioSpec& spec, const ChaosPlan& plan) {
  ordered_json out;
  out["version"] = "1.0.0";
  out["title"] = spec.title.empty() ? spec.name : spec.title;
  out["description"] = fmt::format("The faults of outagesim scenario {}, at the times of its run. {}",
                                   spec.name, spec.description);
  out["tags"] = {"outagesim", spec.name};
  out["configuration"] = {{"aws_region", {{"type", "env"}, {"key", "AWS_REGION"}}}};
  out["steady-state-hypothesis"] = hypothesis(spec);

  // The method replays the run's timeline: each step's fault at its time and, for stopped instances, their
  // start again when the run repairs them, so that a fault lasts as long in the rehearsal as in the run
  // (the FIS steps end by themselves). At one time repairs come first, so that a component failed again
  // at the moment it is repaired ends stopped. The rollbacks start every stopped component again, in case
  // the experiment ends early.
  struct Event {
    sim::Time at;
    bool repair = false;
    std::size_t step = 0;
  };
  std::vector<Event> events;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    events.push_back({plan.steps[i].at, false, i});
    // The run's return of a stopped component; one still out at the horizon waits for the rollback.
    if (plan.steps[i].kind == ChaosKind::kStopInstances && plan.steps[i].returns)
      events.push_back({plan.steps[i].at + plan.steps[i].duration, true, i});
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.at != b.at ? a.at < b.at : a.repair > b.repair;
  });
  ordered_json method = ordered_json::array();
  ordered_json rollbacks = ordered_json::array();
  sim::Time previous;
  for (const Event& event : events) {
    const ChaosStep& step = plan.steps[event.step];
    ordered_json action =
        event.repair
            ? ordered_json{{"type", "action"},
                           {"name", fmt::format("step-{:02} repair {}", event.step + 1, step.component)},
                           {"provider", python_provider("chaosaws.ec2.actions", "start_instances",
                                                        instance_arguments(step))}}
            : ordered_json{
                  {"type", "action"},
                  {"name", fmt::format("step-{:02} {} {}: {}", event.step + 1, chaos_kind_name(step.kind),
                                       step.component, step.description)},
                  {"provider", provider(step, event.step)}};
    // Whole seconds between whole-second times: the pauses add up to each time, with no drift.
    const std::int64_t pause_s = event.at.floor_seconds() - previous.floor_seconds();
    if (pause_s > 0) action["pauses"] = {{"before", pause_s}};
    method.push_back(std::move(action));
    previous = event.at;
  }
  // Hold until the run's last fault ends (a FIS step ends by itself) before the rollbacks begin.
  sim::Time last_end;
  for (const ChaosStep& step : plan.steps) last_end = std::max(last_end, step.at + step.duration);
  if (const std::int64_t hold_s = last_end.floor_seconds() - previous.floor_seconds();
      !method.empty() && hold_s > 0) {
    method.back()["pauses"]["after"] = hold_s;
  }
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const ChaosStep& step = plan.steps[i];
    if (step.kind == ChaosKind::kStopInstances || step.kind == ChaosKind::kPowerInterruption) {
      rollbacks.push_back({{"type", "action"},
                           {"name", fmt::format("step-{:02} repair {}", i + 1, step.component)},
                           {"provider", python_provider("chaosaws.ec2.actions", "start_instances",
                                                        instance_arguments(step))}});
    }
  }
  out["method"] = std::move(method);
  out["rollbacks"] = std::move(rollbacks);

  ordered_json unmapped = ordered_json::array();
  for (const UnmappedFault& fault : plan.unmapped) {
    unmapped.push_back({{"component", fault.component}, {"action", fault.action}, {"reason", fault.reason}});
  }
  out["extensions"] = {{{"name", "outagesim"}, {"scenario", spec.name}, {"unmapped", std::move(unmapped)}}};
  return out;
}

}  // namespace outagesim::reports
