// Rebuilding room temperatures from trajectory segments: peaks, samples and threshold crossings.
#include "models/results/temperature_trace.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

namespace outagesim::models {

namespace {
constexpr std::uint32_t kNotARoom = std::numeric_limits<std::uint32_t>::max();
// The tolerance rooms act on thresholds with (thermal_room.cpp), so the trace and the model agree.
constexpr double kToleranceC = 1e-6;
}  // namespace

TemperatureTraceRecorder::TemperatureTraceRecorder(std::uint32_t vertex_count, std::vector<Room> rooms,
                                                   sim::Time sample_every)
    : rooms_(std::move(rooms)),
      index_of_(vertex_count, kNotARoom),
      segments_(rooms_.size()),
      sample_every_(sample_every) {
  assert(sample_every_ > sim::Time());
  for (std::uint32_t i = 0; i < rooms_.size(); ++i) index_of_[rooms_[i].id] = i;
}

void TemperatureTraceRecorder::on_segment(ComponentId room, sim::Time from, double temp_c,
                                          const ThermalInputs& inputs) {
  const std::uint32_t index = index_of_[room];
  if (index == kNotARoom) return;
  auto& segments = segments_[index];
  // A later segment from the same instant supersedes the earlier one: it lasted no time.
  if (!segments.empty() && segments.back().from == from) segments.pop_back();
  segments.push_back(Segment{from, temp_c, inputs});
}

std::vector<RoomTrace> TemperatureTraceRecorder::finish(sim::Time horizon) const {
  std::vector<RoomTrace> traces;
  traces.reserve(rooms_.size());
  for (std::uint32_t i = 0; i < rooms_.size(); ++i) traces.push_back(trace(i, horizon));
  return traces;
}

RoomTrace TemperatureTraceRecorder::trace(std::uint32_t index, sim::Time horizon) const {
  const Room& room = rooms_[index];
  const auto& segments = segments_[index];
  RoomTrace out;
  out.room = room.id;
  out.thresholds = room.thresholds;
  if (segments.empty()) return out;
  const auto end_of = [&](std::size_t s) {
    return s + 1 < segments.size() && segments[s + 1].from < horizon ? segments[s + 1].from : horizon;
  };
  const auto temp_in = [&](std::size_t s, sim::Time t) {
    return temperature_after(segments[s].inputs, segments[s].temp_c, (t - segments[s].from).to_seconds());
  };
  out.peak_c = segments.front().temp_c;
  out.peak_at = segments.front().from;
  for (std::size_t s = 0; s < segments.size() && segments[s].from < horizon; ++s) {
    const Segment& seg = segments[s];
    const sim::Time end = end_of(s);
    // Within a segment the temperature is monotonic: its extremes are at the ends.
    const double end_c = temp_in(s, end);
    if (end_c > out.peak_c + kToleranceC) {
      out.peak_c = end_c;
      out.peak_at = end;
    }
    // Every threshold on the way, ordered by when it is reached (ties: in threshold order).
    const std::size_t first = out.crossings.size();
    for (std::uint32_t k = 0; k < room.thresholds.size(); ++k) {
      const double target = room.thresholds[k].c;
      // A temperature at a threshold has reached it: a rise ends at or above it; a fall leaves it for
      // below, so a room that peaks exactly at a threshold crosses it up and then down. The setpoint is
      // the floor: a room only falls to it.
      const bool floor = target <= seg.inputs.setpoint_c + kToleranceC;
      const bool rising = seg.temp_c < target - kToleranceC && end_c >= target - kToleranceC;
      const bool falling = floor ? seg.temp_c > target + kToleranceC && end_c <= target + kToleranceC
                                 : seg.temp_c >= target - kToleranceC && end_c < target - kToleranceC;
      if (!rising && !falling) continue;
      sim::Time at = seg.from;
      if (rising ? seg.temp_c < target : seg.temp_c > target) {
        // Rounded up to the millisecond, as the room times its own crossing events.
        const auto seconds = seconds_to_reach(seg.inputs, seg.temp_c, target);
        at = seconds ? std::min(end, seg.from + sim::ceil_seconds(*seconds)) : end;
      }
      out.crossings.push_back(ThresholdCrossing{at, k, rising});
    }
    std::stable_sort(out.crossings.begin() + static_cast<std::ptrdiff_t>(first), out.crossings.end(),
                     [](const ThresholdCrossing& a, const ThresholdCrossing& b) { return a.at < b.at; });
  }
  // Samples at 0, step, 2 step, ... up to the horizon included.
  std::size_t s = 0;
  for (sim::Time t; t <= horizon; t += sample_every_) {
    while (s + 1 < segments.size() && segments[s + 1].from <= t) ++s;
    out.samples.push_back(TemperatureSample{t, t < segments[s].from ? segments[s].temp_c : temp_in(s, t)});
  }
  return out;
}

}  // namespace outagesim::models
