// The temperature trace of each room over a run: its peak, samples at a fixed step, and every crossing
// of its thresholds, rebuilt exactly from the trajectory segments rooms publish (ThermalObserver). The
// recorder only stores segments during the run; the trace is computed once, at the end.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/facility/thermal_observer.hpp"

namespace outagesim::models {

struct NamedThreshold {
  std::string name;  // "alarm", "sprinkler", "setpoint", "shutdown <pool>"
  double c = 0;
};

struct TemperatureSample {
  sim::Time at;
  double c = 0;
};

struct ThresholdCrossing {
  sim::Time at;
  std::uint32_t threshold = 0;  // index into RoomTrace::thresholds
  bool rising = true;
};

struct RoomTrace {
  ComponentId room = kNoComponent;
  std::vector<NamedThreshold> thresholds;  // the setpoint first
  double peak_c = 0;
  sim::Time peak_at;  // the first time the peak is reached
  std::vector<TemperatureSample> samples;
  std::vector<ThresholdCrossing> crossings;  // in time order
};

class TemperatureTraceRecorder final : public ThermalObserver {
 public:
  struct Room {
    ComponentId id = kNoComponent;
    std::vector<NamedThreshold> thresholds;
  };
  // `vertex_count` bounds the room ids. REQUIRES: sample_every > 0.
  TemperatureTraceRecorder(std::uint32_t vertex_count, std::vector<Room> rooms, sim::Time sample_every);

  void on_segment(ComponentId room, sim::Time from, double temp_c, const ThermalInputs& inputs) override;
  // The traces up to the horizon, in the order the rooms were given.
  std::vector<RoomTrace> finish(sim::Time horizon) const;

 private:
  struct Segment {
    sim::Time from;
    double temp_c = 0;
    ThermalInputs inputs;
  };

  RoomTrace trace(std::uint32_t index, sim::Time horizon) const;

  std::vector<Room> rooms_;
  std::vector<std::uint32_t> index_of_;  // per vertex: its position in rooms_, or none
  std::vector<std::vector<Segment>> segments_;
  sim::Time sample_every_;
};

}  // namespace outagesim::models
