#include "loader/time_text.hpp"

#include <catch2/catch.hpp>

using namespace outagesim::loader;
using outagesim::sim::Time;

namespace {
Time duration(std::string_view text) {
  auto parsed = parse_duration(text);
  INFO(text);
  REQUIRE(std::holds_alternative<Time>(parsed));
  return std::get<Time>(parsed);
}
bool rejects_duration(std::string_view text) {
  return std::holds_alternative<std::string>(parse_duration(text));
}
const Instant kStart{1671321600, 8 * 3600};  // 2022-12-18T08:00:00+08:00
Time at(std::string_view text) {
  auto parsed = parse_scenario_time(text, kStart);
  INFO(text);
  REQUIRE(std::holds_alternative<Time>(parsed));
  return std::get<Time>(parsed);
}
}  // namespace

TEST_CASE("durations combine units") {
  CHECK(duration("2h15m") == Time::minutes(135));
  CHECK(duration("1d 2h") == Time::hours(26));
  CHECK(duration("90s") == Time::seconds(90));
  CHECK(duration("250ms") == Time::ms(250));
  CHECK(duration("1.5h") == Time::minutes(90));
  CHECK(duration("0") == Time());
  CHECK(duration("5m30s") == Time::seconds(330));
}

TEST_CASE("bad durations are rejected, negative ones with their own message") {
  CHECK(rejects_duration(""));
  CHECK(rejects_duration("15"));
  CHECK(rejects_duration("3 hours"));
  CHECK(rejects_duration("1h30"));
  CHECK(std::get<std::string>(parse_duration("-5m")) == "a duration that is not negative");
  CHECK(rejects_duration("999999999d"));
  // A bare number is asked for its unit (blind trial J: `horizon: 24`).
  CHECK(std::get<std::string>(parse_duration("24")) == "a unit after the number: 24h, 24m, 24s, 24d or 24ms");
}

TEST_CASE("a duration takes each unit once and largest first on one line") {
  // Regression: "1h 1h" was 2h, "30m 1h" 1h30m and "10m\n20m" (lines of a CSV run together) 30m.
  CHECK(duration("1d 2h 3m 4s 5ms") == Time::ms(93'784'005));
  CHECK(duration("1h  30m") == Time::minutes(90));
  const std::string repeated =
      "a duration with each unit at most once, the largest first (1h 30m, not 30m 1h)";
  CHECK(std::get<std::string>(parse_duration("1h 1h")) == repeated);
  CHECK(std::get<std::string>(parse_duration("30m 1h")) == repeated);
  CHECK(std::get<std::string>(parse_duration("1m1h")) == repeated);
  CHECK(std::get<std::string>(parse_duration("10s 1ms 2ms")) == repeated);
  const std::string one_line = "a duration on one line, its parts separated by spaces only (1d 2h)";
  CHECK(std::get<std::string>(parse_duration("10m\n20s")) == one_line);
  CHECK(std::get<std::string>(parse_duration("1h\r30m")) == one_line);
  CHECK(std::get<std::string>(parse_duration("1h\t30m")) == one_line);
  CHECK(duration(" 1h30m\n") == Time::minutes(90));  // around the value, as YAML leaves it
}

TEST_CASE("instants need their UTC offset") {
  const auto parsed = parse_instant("2022-12-18T08:00:00+08:00");
  REQUIRE(std::holds_alternative<Instant>(parsed));
  CHECK(std::get<Instant>(parsed).unix_s == 1671321600);
  CHECK(std::get<Instant>(parsed).utc_offset_s == 28800);
  CHECK(std::get<Instant>(parse_instant("2022-12-18T00:00:00Z")).unix_s == 1671321600);
  CHECK(std::holds_alternative<std::string>(parse_instant("2022-12-18T08:00:00")));
  CHECK(std::holds_alternative<std::string>(parse_instant("2022-02-30T08:00:00+08:00")));
}

TEST_CASE("scenario times: offsets, clock times on the start's date, local date-times") {
  CHECK(at("+1h30m") == Time::minutes(90));
  CHECK(at("09:01") == Time::minutes(61));
  CHECK(at("07:00") == Time::hours(-1));  // the caller decides whether before the start is allowed
  CHECK(at("2022-12-19T00:30") == Time::minutes(16 * 60 + 30));
  CHECK(at("2022-12-19 00:30:00") == Time::minutes(16 * 60 + 30));
  CHECK(at("2022-12-18T01:00:00Z") == Time::hours(1));  // an explicit offset wins
  CHECK(std::holds_alternative<std::string>(parse_scenario_time("9am", kStart)));
  CHECK(std::holds_alternative<std::string>(parse_scenario_time("25:00", kStart)));
  // As the reports print times of later days (graph --at took only what they do not print).
  CHECK(at("00:30+1d") == Time::minutes(16 * 60 + 30));
  CHECK(at("09:01+2d") == Time::minutes(61) + Time::hours(48));
  CHECK(std::holds_alternative<std::string>(parse_scenario_time("00:30+d", kStart)));
  CHECK(std::holds_alternative<std::string>(parse_scenario_time("00:30+1", kStart)));
  CHECK(std::holds_alternative<std::string>(parse_scenario_time("00:30+1h", kStart)));
  CHECK(std::holds_alternative<std::string>(parse_scenario_time("00:30+1d ", kStart)) == false);  // trimmed
}
