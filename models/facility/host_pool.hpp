// A pool of hosts in one room: runs, shuts itself down when the room passes its protective threshold,
// is shed by operators, loses power with its room. It restarts on its own once the room can carry it:
// it waits for its crew, powers on (holding the crew), then runs checks before serving. Up only while
// running and checked.
#pragma once

#include <optional>

#include "models/core/component.hpp"

namespace outagesim::models {

class ThermalRoom;

class HostPool final : public Component {
 public:
  HostPool(ComponentId id, std::string name, const HostPoolParams& params);

  // Called by the builder; the room is owned by the region.
  void wire(ThermalRoom& room) { room_ = &room; }

  bool draws_power() const {
    return mode_ == Mode::kPoweringOn || mode_ == Mode::kChecking || mode_ == Mode::kRunning;
  }
  double heat_kw() const { return draws_power() ? full_kw() : 0; }
  double full_kw() const { return params_.hosts * params_.kw_per_host; }
  const std::optional<double>& shutdown_c() const { return params_.shutdown_c; }

  // The room reached this pool's protective threshold.
  void thermal_trip(double temp_c);

  void evaluate() override;

 protected:
  bool apply_action(const InjectionSpec& injection, InjectionId id) override;
  void on_timer(std::uint32_t tag) override;
  void on_forced_change() override;

 private:
  enum class Mode { kRunning, kOff, kWaitingCrew, kPoweringOn, kChecking };
  enum Tag : std::uint32_t { kCrewGranted, kPoweredOn, kChecked };

  void stop(const Cause& cause);
  void set_mode(Mode mode);
  void begin_power_on();
  void release_crew();

  HostPoolParams params_;
  ThermalRoom* room_ = nullptr;
  Mode mode_ = Mode::kRunning;
  bool holds_crew_ = false;
  sim::TimerId timer_;
  Cause down_cause_;
  Cause up_cause_;
};

}  // namespace outagesim::models
