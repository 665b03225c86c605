// Calendar conversion with <chrono>'s civil calendar.
#include "reports/clock_format.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

namespace outagesim::reports {

namespace {

struct LocalParts {
  std::int64_t days;  // since 1970-01-01, local
  std::int64_t seconds_of_day;
};

LocalParts local_parts(const models::ScenarioSpec& spec, sim::Time t) {
  const std::int64_t local = spec.start_unix_s + spec.utc_offset_s + t.floor_seconds();
  const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return {days, local - days * 86400};
}

}  // namespace

std::string utc_offset_text(std::int32_t offset_s) {
  const char sign = offset_s < 0 ? '-' : '+';
  const int magnitude = std::abs(offset_s);
  return fmt::format("{}{:02}:{:02}", sign, magnitude / 3600, magnitude % 3600 / 60);
}

std::string local_iso(const models::ScenarioSpec& spec, sim::Time t) {
  const LocalParts p = local_parts(spec, t);
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{p.days}}};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     p.seconds_of_day / 3600, p.seconds_of_day % 3600 / 60, p.seconds_of_day % 60,
                     utc_offset_text(spec.utc_offset_s));
}

std::string local_clock(const models::ScenarioSpec& spec, sim::Time t) {
  const LocalParts p = local_parts(spec, t);
  const std::int64_t day = p.days - local_parts(spec, sim::Time()).days;
  std::string text = fmt::format("{:02}:{:02}", p.seconds_of_day / 3600, p.seconds_of_day % 3600 / 60);
  if (day != 0) text += fmt::format("{:+}d", day);
  return text;
}

std::string format_duration(sim::Time d) {
  // Under a second, milliseconds, so that a blip is not printed as no time at all.
  const std::int64_t ms = d.count_ms();
  if (ms != 0 && ms > -1000 && ms < 1000) return fmt::format("{}ms", ms);
  std::int64_t s = d.floor_seconds();
  const char* sign = s < 0 ? "-" : "";
  if (s < 0) s = -s;
  const std::int64_t days = s / 86400;
  const std::int64_t hours = s % 86400 / 3600;
  const std::int64_t minutes = s % 3600 / 60;
  const std::int64_t seconds = s % 60;
  if (days > 0) return fmt::format("{}{}d {}h {:02}m", sign, days, hours, minutes);
  if (hours > 0) return fmt::format("{}{}h {:02}m", sign, hours, minutes);
  if (minutes > 0)
    return seconds ? fmt::format("{}{}m {:02}s", sign, minutes, seconds)
                   : fmt::format("{}{}m", sign, minutes);
  return fmt::format("{}{}s", sign, seconds);
}

std::string format_span(sim::Time start, sim::Time end) {
  const std::int64_t whole = end.floor_seconds() - start.floor_seconds();
  // A blip within one second is not "0s" (review 13): its own length, which no table counts.
  if (whole == 0 && end > start) return format_duration(end - start);
  return format_duration(sim::Time::seconds(whole));
}

}  // namespace outagesim::reports
