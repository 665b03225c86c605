// Holding one component up by editing its parameters: each kind cuts the inputs that can fail it.
#include "models/scenario/held_up.hpp"

#include <algorithm>
#include <cassert>
#include <variant>

namespace outagesim::models {

namespace {

struct HoldUp {
  ScenarioSpec& spec;
  ComponentId self;

  void operator()(CoolingPlantParams& p) const {
    p.power = Requirement{};
    p.control = Requirement{};
    p.derate_pct_per_c = 0;
  }
  void operator()(RoomParams& p) const {
    p.power = Requirement{};
    p.sprinkler_c.reset();
    // Temporary cooling of a whole design share: with any plant capacity the room has at least what a
    // fully working plant gives it, and the setpoint clamp keeps it from over-cooling.
    InjectionSpec cooling;
    cooling.at = sim::Time();
    cooling.target = self;
    cooling.action = Action::kAuxiliaryCooling;
    cooling.amount = p.design_cooling_kw;
    cooling.is_fault = false;
    cooling.note = "held up (what-if)";
    spec.injections.push_back(cooling);
  }
  void operator()(HostPoolParams& p) const {
    p.shutdown_c.reset();
    p.shutdown_spread_c = 0;
    p.shutdown_steps = 1;
    p.rated_c.reset();
  }
  void operator()(ServiceParams& p) const { p.needs = Requirement{}; }
  void operator()(DatabaseParams& p) const {
    p.primary = Requirement{};
    p.standby.reset();
    p.proxy = kNoComponent;
  }
  void operator()(ControlPlaneParams& p) const {
    for (ControlPlaneParams::Node& node : p.nodes) node.needs = Requirement{};
    p.demand.clear();
  }
};

}  // namespace

ScenarioSpec held_up(const ScenarioSpec& spec, ComponentId component) {
  assert(component < spec.components.size());
  ScenarioSpec out = spec;
  std::erase_if(out.injections, [component](const InjectionSpec& i) { return i.target == component; });
  for (FailureProcessSpec& process : out.failures) {
    for (FailureGroup& group : process.groups) std::erase(group.members, component);
    std::erase_if(process.groups, [](const FailureGroup& g) { return g.members.empty(); });
  }
  std::erase_if(out.failures, [](const FailureProcessSpec& p) { return p.groups.empty(); });
  // The nominal values are already in the fields; a draw's setter may point into a removed injection.
  out.inputs.clear();
  std::visit(HoldUp{out, component}, out.components[component].params);
  return out;
}

}  // namespace outagesim::models
