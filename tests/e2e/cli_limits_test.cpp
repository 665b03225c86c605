// The executable against hostile command lines and inputs (issue 13).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "tests/e2e/cli_runner.hpp"

using outagesim::testing::run_cli;

TEST_CASE("endless input stops at the size limit instead of exhausting memory") {
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_cli("validate /dev/zero");
  CHECK(r.status == 1);
  CHECK(r.err.find("/dev/zero: error: the input goes on past the limit of 67108864 bytes; reading stopped "
                   "there") == 0);
  // A FIFO has no size to check beforehand either: a writer that never stops is cut off the same way.
  const auto fifo = std::filesystem::temp_directory_path() / "outagesim-e2e-endless.fifo";
  std::filesystem::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // In the background with its messages on stdout; the shell's status is its status.
  const auto piped = run_cli("validate " + fifo.string() + " 2>&1 & yes scenario > " + fifo.string() +
                             " 2>/dev/null; wait $!");
  std::filesystem::remove(fifo);
  CHECK(piped.status == 1);
  CHECK(piped.out.find("error: the input goes on past the limit") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
}
