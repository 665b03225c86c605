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
}
