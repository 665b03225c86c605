// AWS FIS experiment template of reports/fis_export.hpp: targets, actions, waits and placeholders.
#include "reports/fis_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "reports/display_width.hpp"
#include "reports/printable_text.hpp"

namespace outagesim::reports {

namespace {

using nlohmann::ordered_json;

// FIS rejects a stop-instances restart or a disruption shorter than a minute.
constexpr sim::Time kMinFisDuration = sim::Time::minutes(1);

std::string fis_duration(sim::Time d) {
  return iso_duration(std::max(d, kMinFisDuration));
}

struct TargetKind {
  const char* resource_type;
  const char* key;          // the action's name for its target ("Instances")
  const char* zone_filter;  // the resource's path that holds its zone; null: tag only
};

constexpr TargetKind kInstances{"aws:ec2:instance", "Instances", "Placement.AvailabilityZone"};
constexpr TargetKind kSubnets{"aws:ec2:subnet", "Subnets", "AvailabilityZone"};
constexpr TargetKind kVolumes{"aws:ec2:ebs-volume", "Volumes", "AvailabilityZone"};
constexpr TargetKind kClusters{"aws:rds:cluster", "Clusters", nullptr};
constexpr TargetKind kRoles{"aws:iam:role", "Roles", nullptr};

class TemplateWriter {
 public:
  explicit TemplateWriter(ordered_json& out) : out_(out) {}

  void add(const ChaosStep& step, std::size_t index) {
    const std::string prefix = fmt::format("step-{:02}", index + 1);
    ordered_json start_after = ordered_json::array();
    if (step.at > sim::Time()) {
      const std::string wait = prefix + "-wait";
      out_["actions"][wait] = {{"actionId", "aws:fis:wait"},
                               {"description", fmt::format("until {}", step.description)},
                               {"parameters", {{"duration", iso_duration(step.at)}}}};
      start_after.push_back(wait);
    }
    const std::string held = fis_duration(step.duration);
    switch (step.kind) {
      case ChaosKind::kStopInstances:
        action(prefix, step, "stop-instances", "aws:ec2:stop-instances", kInstances,
               {{"startInstancesAfterDuration", held}}, start_after);
        break;
      case ChaosKind::kPowerInterruption:
        // The actions of FIS's "AZ Availability: Power Interruption" scenario, on the zone's resources.
        action(prefix, step, "stop-instances", "aws:ec2:stop-instances", kInstances,
               {{"startInstancesAfterDuration", held}}, start_after);
        action(prefix, step, "pause-ebs-io", "aws:ebs:pause-volume-io", kVolumes, {{"duration", held}},
               start_after);
        action(prefix, step, "disrupt-network", "aws:network:disrupt-connectivity", kSubnets,
               {{"duration", held}, {"scope", "all"}}, start_after);
        action(prefix, step, "failover-rds", "aws:rds:failover-db-cluster", kClusters, ordered_json::object(),
               start_after);
        action(prefix, step, "pause-instance-launches", "aws:ec2:api-insufficient-instance-capacity-error",
               kRoles,
               {{"duration", held},
                {"availabilityZoneIdentifiers", step.zone.empty() ? "REPLACE-WITH-AZ" : step.zone},
                {"percentage", "100"}},
               start_after);
        break;
      case ChaosKind::kDisruptNetwork:
        action(prefix, step, "disrupt-network", "aws:network:disrupt-connectivity", kSubnets,
               {{"duration", held}, {"scope", "all"}}, start_after);
        break;
      case ChaosKind::kDisruptObjectStorage:
        action(prefix, step, "disrupt-s3", "aws:network:disrupt-connectivity", kSubnets,
               {{"duration", held}, {"scope", "s3"}}, start_after);
        break;
      case ChaosKind::kPauseVolumeIo:
        action(prefix, step, "pause-ebs-io", "aws:ebs:pause-volume-io", kVolumes, {{"duration", held}},
               start_after);
        break;
      case ChaosKind::kFailoverDatabase:
        action(prefix, step, "failover-rds", "aws:rds:failover-db-cluster", kClusters, ordered_json::object(),
               start_after);
        break;
      case ChaosKind::kApiUnavailable:
        action(prefix, step, "ec2-api-unavailable", "aws:fis:inject-api-unavailable-error", kRoles,
               {{"duration", held},
                {"service", "ec2"},
                {"percentage", "100"},
                {"operations", "RunInstances,StartInstances,DescribeInstances"}},
               start_after);
        break;
    }
  }

 private:
  void action(const std::string& prefix, const ChaosStep& step, const std::string& name,
              const char* action_id, const TargetKind& target_kind, ordered_json parameters,
              const ordered_json& start_after) {
    const std::string target_name = fmt::format("{}-{}", prefix, target_kind.key);
    if (!out_["targets"].contains(target_name)) out_["targets"][target_name] = target(step, target_kind);
    ordered_json entry = {{"actionId", action_id}, {"description", step.description}};
    if (!parameters.empty()) entry["parameters"] = std::move(parameters);
    entry["targets"] = {{target_kind.key, target_name}};
    if (!start_after.empty()) entry["startAfter"] = start_after;
    out_["actions"][prefix + "-" + name] = std::move(entry);
  }

  static ordered_json target(const ChaosStep& step, const TargetKind& kind) {
    ordered_json target = {{"resourceType", kind.resource_type}};
    if (std::string_view(kind.resource_type) == kRoles.resource_type) {
      // API faults hit the callers: the application's role, which no tag picks.
      target["resourceArns"] = {"arn:aws:iam::123456789012:role/REPLACE-WITH-APPLICATION-ROLE"};
    } else {
      target["resourceTags"] = {{std::string(kComponentTag), step.component}};
      if (kind.zone_filter != nullptr && !step.zone.empty()) {
        target["filters"] = {{{"path", kind.zone_filter}, {"values", {step.zone}}}};
      }
    }
    target["selectionMode"] = "ALL";
    return target;
  }

  ordered_json& out_;
};

}  // namespace

std::string fis_limit_text(const ChaosPlan& plan) {
  std::string out;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const ChaosStep& step = plan.steps[i];
    const sim::Time end = step.at + std::max(step.duration, kMinFisDuration);
    if (end <= kMaxFisExperiment) continue;
    out += fmt::format(
        "fis: step-{:02} ({} {}) ends {} after the start, past FIS's limit of 12 hours on an experiment: "
        "FIS refuses this template; put the late steps in a second one\n",
        i + 1, chaos_kind_name(step.kind), printable(step.component), iso_duration(end));
  }
  return out;
}

nlohmann::ordered_json fis_template(const models::ScenarioSpec& spec, const ChaosPlan& plan) {
  ordered_json out;
  std::string description =
      fmt::format("outagesim {}: {} step{}", spec.name, plan.steps.size(), plan.steps.size() == 1 ? "" : "s");
  if (!plan.unmapped.empty()) {
    description += fmt::format(", {} fault{} without a real-world action (listed by outagesim export)",
                               plan.unmapped.size(), plan.unmapped.size() == 1 ? "" : "s");
  }
  out["description"] = character_prefix(description, 512);  // FIS's limit, in characters
  out["targets"] = ordered_json::object();
  out["actions"] = ordered_json::object();
  TemplateWriter writer(out);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) writer.add(plan.steps[i], i);
  out["stopConditions"] = {
      {{"source", "aws:cloudwatch:alarm"},
       {"value", "arn:aws:cloudwatch:REPLACE-WITH-REGION:123456789012:alarm:REPLACE-WITH-STOP-ALARM"}}};
  out["roleArn"] = "arn:aws:iam::123456789012:role/REPLACE-WITH-FIS-ROLE";
  out["experimentOptions"] = {{"accountTargeting", "single-account"}, {"emptyTargetResolutionMode", "skip"}};
  // FIS takes tag values of up to 256 characters.
  out["tags"] = {{"Name", character_prefix(spec.title.empty() ? spec.name : spec.title, 256)},
                 {"outagesim:scenario", character_prefix(spec.name, 256)}};
  return out;
}

}  // namespace outagesim::reports
