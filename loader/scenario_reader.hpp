// Internal to the loader: turns a parsed YAML document into a ScenarioSpec, one section at a time,
// resolving names to ids and reporting every problem to the sink.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "loader/input_target.hpp"
#include "loader/tenant_index.hpp"
#include "loader/time_text.hpp"
#include "loader/yaml_map.hpp"
#include "models/scenario/scenario_spec.hpp"

namespace outagesim::loader {

// Component ids by name, looked up by std::string or std::string_view.
using ComponentIds = absl::flat_hash_map<std::string, models::ComponentId>;

class TableReading;  // tenant_table_reader.cpp

class ScenarioReader {
 public:
  explicit ScenarioReader(DiagnosticSink& sink);
  ~ScenarioReader();

  // Reads the whole document; the spec is meaningful only when the sink stayed empty.
  models::ScenarioSpec read(const YamlNode& root);

  // How many entries profiles may add to the components that take them, all together (see
  // kMaxAliasExpansion): a profile taken by thousands of components repeats its keys in each.
  void set_expansion_budget(std::size_t entries) { profile_budget_ = entries; }

  // FNV-1a of the tenant table's bytes, or 0 without a table: part of the scenario's content hash.
  std::uint64_t table_hash() const { return table_hash_; }

 private:
  using Kinds = std::span<const models::ComponentKind>;

  // Sections.
  void read_header(YamlMap& top);
  void collect_component_names(const YamlNode& list);
  void read_components();  // the items collect_component_names() found
  void read_component_params(YamlMap& m, models::ComponentSpec& c);
  void read_weather(const YamlNode& node);
  // A plain `shift_c` that takes a step of the series past -60..60 °C is an error, for a drawn step at any
  // of its draws (`ranges`: each step's lowest and highest); a drawn shift is clamped instead.
  void check_weather_shift(YamlMap& weather, const std::vector<std::pair<double, double>>& ranges);
  // `profiles` (profile_reader.cpp): named sets of a kind's keys that components take with `profile:`.
  void read_profiles(const YamlNode& list);
  // Gives component `index` (its map `c`) the keys of the profile it names that it lacks.
  void apply_profile(YamlMap& c, std::size_t index);
  // The index in profiles_ of the profile `node` names; reported when there is none.
  std::optional<std::size_t> profile_ref(const YamlNode& node, const std::string& what);
  // `room_defaults`: the rooms' heat balance per kW of design cooling, for rooms that give none.
  void read_room_defaults(const YamlNode& node);
  // A room's thermal mass and heat loss: its own (absolute or per kW), else room_defaults'.
  void read_room_heat_balance(YamlMap& c, std::size_t index, models::RoomParams& p);
  // A component's `outside_c` when it has one (`own` set), else the scenario's weather.
  models::OutsideAir outside_air(YamlMap& component, const Locate<models::OutsideAir>& at, bool& own);
  // Writes a drawn constant weather into the spec and every component that takes the weather.
  static models::InputSetter weather_setter();
  void read_crews(const YamlNode& list);
  void read_slas(const YamlNode& list);
  void read_tenants(const YamlNode& list);
  // Starts reading a big JSON Lines tenant table on a second thread once the names its lines may use are
  // known, so that it goes on while this thread reads the components. Reports nothing.
  void start_tenant_table(const YamlNode& node);
  // Tenants from the JSON Lines file `node` names, after those of the YAML (tenant_table_reader.cpp).
  void read_tenant_table(const YamlNode& node);
  void read_injections(const YamlNode& list, bool faults);
  // The target, action and its argument of an injection; false when they are not all valid.
  // `here`, when given, locates the injection for the setter of an uncertain amount.
  bool read_action(YamlMap& e, models::InjectionSpec& injection,
                   const Locate<models::InjectionSpec>& here = {});
  void collect_repair_names(const YamlNode& list);
  void read_repairs(const YamlNode& list);
  void read_stage(const YamlNode& item, models::RepairSpec& repair, std::uint32_t index);
  // Stages that wait, through other repairs, for their own end; loops through the repairs `in_ring` (started
  // by one another's ends, reported already) are left out.
  void check_repair_waits(const std::vector<bool>& in_ring);
  // `set_c`: where a drawn temperature of the trigger goes (none: it takes one value).
  std::optional<models::TriggerSpec> trigger(const YamlNode& node, const std::string& what,
                                             const models::InputSetter& set_c = {});
  // Where a drawn temperature of the index-th trigger of a list goes.
  using TriggerThresholds = std::function<models::InputSetter(std::size_t index)>;
  // A `when` that starts something: refused when its event can never come (a room's `accessible` or
  // `discharged` with no `sprinkler_c` and no `discharge` action on it). A `wait_for` is a condition, for
  // which such a room is always open. Noted as read, checked once every action is (check_starts_can_come).
  void check_start_can_come(const std::optional<models::TriggerSpec>& trigger, const YamlNode& node);
  void check_starts_can_come();
  // The `when` of an operator action or repair: one trigger, or `{any_of: [trigger, ...]}`, the first of
  // which starts it; each checked by check_start_can_come. Empty after an error. A `cancel_when` is read
  // the same way (`starts` false), unchecked: a call-off that never comes leaves what it guards as it was.
  std::vector<models::TriggerSpec> start_triggers(const YamlNode& node, const std::string& what,
                                                  const TriggerThresholds& thresholds, bool starts = true);
  // One trigger, or a list of them.
  std::vector<models::TriggerSpec> triggers(const YamlNode& node, const std::string& what,
                                            const TriggerThresholds& thresholds);
  // Random fault processes (failure_reader.cpp).
  void read_failures(const YamlNode& list);
  void read_milestones(const YamlNode& list);
  void read_calibrated(const YamlNode& list);
  void read_variants(const YamlNode& list);
  // `at` locates the strategy in the spec, for the setters of its uncertain numbers.
  models::StrategySpec read_strategy(const YamlNode& node, const std::string& what,
                                     const Locate<models::StrategySpec>& at);
  models::FailoverTrigger read_trigger(YamlMap& strategy, const Locate<models::FailoverTrigger>& at);
  // Not uncertain: its invariant (the age below the period) ties its two numbers together.
  models::BackupSchedule read_backups(YamlMap& strategy);
  // A site's `recovery`, which needs `recovery_reason` to differ from the function's steps (absent: the
  // function's, filled in by models::inherit_recovery()).
  void read_site_recovery(YamlMap& site, std::vector<models::RecoveryStep>& steps, std::string& reason,
                          const Locate<std::vector<models::RecoveryStep>>& at);

  // Whole-scenario checks once everything is read.
  void check_capacities();
  void check_capacities(const models::ScenarioSpec& spec, DiagnosticSink& sink) const;
  // That no draw of the uncertain inputs breaks an invariant the values as typed keep.
  void check_draws();
  void check_cycles();
  // Warnings: what loads but likely does not do what its author meant (a plant on power that nothing
  // restarts).
  void lint();

  // Pieces.
  std::optional<models::ComponentId> component_ref(const YamlNode& node, const std::string& what,
                                                   Kinds kinds = {});
  std::optional<models::ComponentId> vertex_ref(const YamlNode& node, const std::string& what);
  std::optional<models::Requirement> requirement(const YamlNode& node, const std::string& what);
  // `at`, when given, locates the steps for the setters of uncertain durations and work.
  std::vector<models::RecoveryStep> recovery_steps(const YamlNode& node, const std::string& what,
                                                   const Locate<std::vector<models::RecoveryStep>>& at = {});
  // A clock time; with a setter it may be a distribution of clock times.
  std::optional<sim::Time> time_point(const YamlNode& node, const std::string& what, bool within_horizon,
                                      const models::InputSetter& set = {});
  // The index in spec_.tenants of the tenant `node` names, found by hash; named_index()'s message when
  // there is none.
  std::optional<std::uint32_t> tenant_ref(const YamlNode& node, const std::string& what);
  std::optional<std::uint32_t> named_index(const YamlNode& node, const std::string& what,
                                           const std::vector<std::string>& names, std::string_view section);
  // Iterates a list node, reporting when it is not one.
  std::vector<YamlNode> list_items(const YamlNode& node, const std::string& what);
  // Records `name` as taken among `taken`, reporting it (at `at`) when it already was.
  void claim_name(std::vector<std::string>& taken, const std::string& name, const YAML::Mark& at,
                  std::string_view what);

  DiagnosticSink& sink_;
  models::ScenarioSpec spec_;
  Instant start_;
  bool have_start_ = false;
  // Every component's id by name; a hash map, looked up by string_view too (absl hashes both alike), once
  // per reference: a sorted map cost a fifth of reading 100,000 components.
  ComponentIds component_ids_;
  std::vector<std::string> component_names_;  // for suggestions
  std::vector<YamlNode> component_items_;     // the entries under 'components', read once
  // Each stage's 'wait_for', by (repair, stage), for the messages of check_repair_waits().
  std::map<std::pair<std::uint32_t, std::uint32_t>, YamlNode> wait_for_nodes_;
  // Starts on a room's discharge or re-entry, and where they were written (check_starts_can_come).
  std::vector<std::pair<models::TriggerSpec, YamlNode>> discharge_starts_;
  std::vector<YAML::Mark> component_marks_;  // where each component is declared
  // Each component's kind as read in the first pass (before params): references may point forward.
  std::vector<std::optional<models::ComponentKind>> component_kinds_;
  std::vector<std::string> crew_names_;
  // `room_defaults`, read before the components; the marks are where a resolved value is reported.
  struct RoomDefaults {
    std::optional<double> thermal_mass_kj_per_c_per_kw;
    std::optional<double> heat_loss_kw_per_c_per_kw;
    YAML::Mark thermal_mass_mark;
    bool thermal_mass_given = false;  // even when its value was refused
    YAML::Mark heat_loss_mark;
  };
  RoomDefaults room_defaults_;
  // `profiles`, read before the components. A profile's keys are read where a component takes them.
  struct Profile {
    std::string name;
    std::string what;  // "profile 'name'", for messages about its keys
    std::optional<models::ComponentKind> kind;
    YamlNode node;
    std::optional<std::size_t> parent;  // the profile it takes in turn, if any
    std::size_t entries = 0;            // nodes under it and its chain, as a component takes them
  };
  std::vector<Profile> profiles_;
  absl::flat_hash_map<std::string, std::size_t> profile_ids_;
  std::size_t profile_budget_ = std::numeric_limits<std::size_t>::max();
  bool profile_budget_spent_ = false;
  // Per crew, the fewest people it can have at its busiest: its max_headcount(), or less when an
  // uncertain headcount can draw less. Stages may not need more.
  std::vector<std::uint32_t> crew_surest_headcount_;
  std::vector<bool> crew_headcount_uncertain_;  // per crew: some headcount of it is a distribution
  // Names of repairs and their (expanded) stages, collected before anything that may trigger on them.
  struct RepairNames {
    std::string name;
    std::vector<std::string> stages;
    std::vector<std::pair<std::string, std::uint32_t>> by_base_name;  // a repeated stage: its last one
  };
  std::vector<RepairNames> repair_names_;
  std::vector<std::string> sla_names_;
  std::uint64_t table_hash_ = 0;
  std::unique_ptr<TableReading> table_reading_;  // from start_tenant_table() to read_tenant_table()
  // Tenant names, each with the index in spec_.tenants it was read for: 1,000,000 tenants are checked for
  // repeats, and references to them found, in linear time. A flat table of indices: a node per name made
  // this check a fifth of loading a million tenants (a cache miss per bucket and per node, and an
  // allocation each), and a copy of each name as its key made it most of the main thread's extra work.
  TenantIndex tenant_index_{spec_.tenants};
  std::vector<YAML::Mark> milestone_marks_;  // per entry of spec_.milestones
};

}  // namespace outagesim::loader
