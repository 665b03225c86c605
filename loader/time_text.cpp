// Hand-written because the formats are small and the messages must say exactly what was expected;
// calendar arithmetic comes from <chrono>.
#include "loader/time_text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>

namespace outagesim::loader {

namespace {

constexpr const char* kDurationExpected =
    "a duration such as 2h15m, 90s, 1d 2h, 1.5h or 250ms (units d, h, m, s, ms)";

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  void skip_spaces() {
    while (!done() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  // Exactly `digits` decimal digits.
  std::optional<int> fixed(int digits) {
    if (pos + digits > text.size()) return std::nullopt;
    int value = 0;
    for (int i = 0; i < digits; ++i) {
      const char c = text[pos + i];
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos += digits;
    return value;
  }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "HH:MM[:SS]" into seconds of the day.
std::optional<std::int64_t> clock_seconds(Cursor& c) {
  const auto h = c.fixed(2);
  if (!h || !c.eat(':')) return std::nullopt;
  const auto m = c.fixed(2);
  if (!m) return std::nullopt;
  int s = 0;
  if (c.eat(':')) {
    const auto sec = c.fixed(2);
    if (!sec) return std::nullopt;
    s = *sec;
  }
  if (*h > 23 || *m > 59 || s > 59) return std::nullopt;
  return *h * 3600 + *m * 60 + s;
}

// "YYYY-MM-DD" into days since 1970-01-01.
std::optional<std::int64_t> civil_days(Cursor& c) {
  const auto y = c.fixed(4);
  if (!y || !c.eat('-')) return std::nullopt;
  const auto mo = c.fixed(2);
  if (!mo || !c.eat('-')) return std::nullopt;
  const auto d = c.fixed(2);
  if (!d) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*mo)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// "Z" or "+HH:MM" / "-HH:MM" into seconds east of UTC.
std::optional<std::int32_t> utc_offset(Cursor& c) {
  if (c.eat('Z')) return 0;
  int sign;
  if (c.eat('+')) {
    sign = 1;
  } else if (c.eat('-')) {
    sign = -1;
  } else {
    return std::nullopt;
  }
  const auto h = c.fixed(2);
  if (!h || !c.eat(':')) return std::nullopt;
  const auto m = c.fixed(2);
  if (!m || *h > 18 || *m > 59) return std::nullopt;
  return sign * (*h * 3600 + *m * 60);
}

// A local date-time, with an optional offset: returns local seconds since the epoch and the offset.
struct LocalDateTime {
  std::int64_t local_s = 0;
  std::optional<std::int32_t> offset_s;
};

std::optional<LocalDateTime> local_date_time(std::string_view text) {
  Cursor c{text};
  const auto days = civil_days(c);
  if (!days || !(c.eat('T') || c.eat(' '))) return std::nullopt;
  const auto secs = clock_seconds(c);
  if (!secs) return std::nullopt;
  LocalDateTime result{*days * 86400 + *secs, std::nullopt};
  if (!c.done()) {
    result.offset_s = utc_offset(c);
    if (!result.offset_s || !c.done()) return std::nullopt;
  }
  return result;
}

}  // namespace

Parsed<sim::Time> parse_duration(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) return std::string(kDurationExpected);
  if (text.front() == '-') return std::string("a duration that is not negative");
  if (text == "0") return sim::Time();
  Cursor c{text};
  double total_ms = 0;
  int last_unit = -1;  // rank of the previous part's unit: d 0, h 1, m 2, s 3, ms 4
  while (!c.done()) {
    const std::size_t start = c.pos;
    while (!c.done() && (std::isdigit(static_cast<unsigned char>(c.peek())) || c.peek() == '.')) ++c.pos;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data() + start, text.data() + c.pos, value);
    if (c.pos == start || ec != std::errc() || end != text.data() + c.pos)
      return std::string(kDurationExpected);
    double unit_ms;
    int unit;
    if (c.eat('d')) {
      unit_ms = 86'400'000, unit = 0;
    } else if (c.eat('h')) {
      unit_ms = 3'600'000, unit = 1;
    } else if (c.eat('m')) {
      const bool ms = c.eat('s');
      unit_ms = ms ? 1 : 60'000, unit = ms ? 4 : 2;
    } else if (c.eat('s')) {
      unit_ms = 1000, unit = 3;
    } else if (c.done() && start == 0) {
      // A bare number: which unit was meant is not ours to guess.
      const std::string n(text);
      return fmt::format("a unit after the number: {0}h, {0}m, {0}s, {0}d or {0}ms", n);
    } else {
      return std::string(kDurationExpected);
    }
    // "1h 1h" or "30m 1h" is most often a slip (or two values run together), not a sum to take.
    if (unit <= last_unit)
      return std::string("a duration with each unit at most once, the largest first (1h 30m, not 30m 1h)");
    last_unit = unit;
    total_ms += value * unit_ms;
    // Parts are separated by spaces at most: a line break or a tab inside a duration is two values.
    while (!c.done() && c.peek() == ' ') ++c.pos;
    if (!c.done() && std::isspace(static_cast<unsigned char>(c.peek())))
      return std::string("a duration on one line, its parts separated by spaces only (1d 2h)");
  }
  // A century is more than any horizon we accept; beyond it, say so rather than overflow.
  if (!(total_ms <= static_cast<double>(kMaxDuration.count_ms())))
    return std::string("a duration of at most 100 years");
  return sim::Time::ms(static_cast<std::int64_t>(std::llround(total_ms)));
}

Parsed<Instant> parse_instant(std::string_view raw) {
  const auto dt = local_date_time(trim(raw));
  if (!dt || !dt->offset_s) {
    return std::string("an ISO 8601 date-time with a UTC offset, such as 2022-12-18T08:00:00+08:00");
  }
  return Instant{dt->local_s - *dt->offset_s, *dt->offset_s};
}

Parsed<sim::Time> parse_scenario_time(std::string_view raw, const Instant& start) {
  const std::string_view text = trim(raw);
  if (!text.empty() && text.front() == '+') {
    auto d = parse_duration(text.substr(1));
    if (auto* error = std::get_if<std::string>(&d)) return "an offset from the start: +" + *error;
    return d;
  }
  std::int64_t unix_s;
  Cursor c{text};
  auto secs = clock_seconds(c);
  // A clock time N days after the start's date, as the reports print it: 00:30+1d.
  if (secs && c.eat('+')) {
    const std::size_t digits = c.pos;
    std::int64_t days = 0;
    while (!c.done() && std::isdigit(static_cast<unsigned char>(c.peek())) && c.pos - digits < 5)
      days = days * 10 + (c.text[c.pos++] - '0');
    if (c.pos == digits || !c.eat('d')) secs.reset();
    if (secs) *secs += days * 86400;
  }
  if (secs && c.done()) {
    // A clock time on the start's local date (or days after it).
    const std::int64_t start_local = start.unix_s + start.utc_offset_s;
    const std::int64_t local_midnight = start_local - (((start_local % 86400) + 86400) % 86400);
    unix_s = local_midnight + *secs - start.utc_offset_s;
  } else if (const auto dt = local_date_time(text)) {
    unix_s = dt->local_s - dt->offset_s.value_or(start.utc_offset_s);
  } else {
    return std::string(
        "a time: an offset from the start (+2h15m), a clock time on the start's date (09:01) or days "
        "after it (00:30+1d), or a local date-time (2022-12-19T00:30)");
  }
  return sim::Time::seconds(unix_s - start.unix_s);
}

}  // namespace outagesim::loader
