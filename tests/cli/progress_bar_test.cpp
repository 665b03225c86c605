#include "cli/progress_bar.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using outagesim::cli::progress_line;

TEST_CASE("a progress line shows the bar, counts, rate and ETA") {
  // 412 of 1000 in 2 s: 206 runs/s, 588 left, about 2.85 s to go.
  const std::string line = progress_line(412, 1000, 2.0, 80);
  CHECK(line.size() == 79);
  CHECK(line.front() == '[');
  CHECK(line.find("]  412/1000  41%  206 runs/s  ETA 0:03") != std::string::npos);
  const std::size_t bar_width = line.find(']') - 1;
  const auto filled = static_cast<std::size_t>(std::count(line.begin(), line.end(), '#'));
  CHECK(filled == bar_width * 412 / 1000);
}

TEST_CASE("a progress line keeps its length as the counts grow") {
  CHECK(progress_line(1, 1000, 0.5, 80).size() == progress_line(999, 1000, 10.0, 80).size());
}

TEST_CASE("a slow start shows one decimal of rate, and no ETA before anything finished") {
  CHECK(progress_line(3, 10, 2.0, 60).find("  3/10  30%  1.5 runs/s  ETA 0:05") != std::string::npos);
  CHECK(progress_line(0, 10, 0.0, 60).find("ETA --:--") != std::string::npos);
}

TEST_CASE("long runs show hours in the ETA") {
  CHECK(progress_line(1, 10000, 1.0, 80).find("ETA 2:46:39") != std::string::npos);
}

TEST_CASE("a finished run shows the time it took") {
  const std::string line = progress_line(50, 50, 65.0, 70);
  CHECK(line.find("100%") != std::string::npos);
  CHECK(line.find("in 1:05") != std::string::npos);
  CHECK(line.find('-') == std::string::npos);
}

TEST_CASE("a narrow terminal gets the numbers without a bar, never a wrapped line") {
  const std::string line = progress_line(5, 10, 1.0, 30);
  CHECK(line.size() < 30);
  CHECK(line.find('[') == std::string::npos);
  CHECK(progress_line(5, 10, 1.0, 0).empty());
}
