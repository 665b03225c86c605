// The executable against hostile command lines and inputs (issue 13): endless input, unknown
// subcommands, empty names, unwritable outputs.
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
  const auto fifo = outagesim::testing::unique_temp_path("endless.fifo");
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

TEST_CASE("an unknown subcommand is named") {
  const auto r = run_cli("frobnicate");
  CHECK(r.status == 2);
  CHECK(r.err.find("outagesim: unknown subcommand 'frobnicate'; the subcommands are run, compare, merge, "
                   "sensitivity, explain, rank, report, graph, sweep, generate, export, import, validate") ==
        0);
  CHECK(run_cli("validate scenarios/hk-2022-zone-c.yaml").status == 0);
}

TEST_CASE("an empty tenant or function name is a usage error") {
  CHECK(run_cli("compare scenarios/hk-2022-zone-c.yaml --tenant ''").status == 2);
  CHECK(run_cli("compare scenarios/hk-2022-zone-c.yaml --tenant ''").err.find("must not be empty") !=
        std::string::npos);
  CHECK(run_cli("sensitivity scenarios/hk-2022-zone-c.yaml --tenant ''").status == 2);
  CHECK(run_cli("sensitivity scenarios/hk-2022-zone-c.yaml --tenant x --function ''").status == 2);
  CHECK(run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant ''").status == 2);
  CHECK(run_cli("explain scenarios/hk-2022-zone-c.yaml --tenant OKX --function ''").status == 2);
}

TEST_CASE("an output that cannot be written says why") {
  const auto r = run_cli("run scenarios/hk-2022-zone-c.yaml -o /no/such/dir/out.txt");
  CHECK(r.status == 2);
  CHECK(r.err == "outagesim: cannot write /no/such/dir/out.txt: No such file or directory\n");
  const auto full = run_cli("run scenarios/hk-2022-zone-c.yaml -o /dev/full");
  CHECK(full.status == 2);
  CHECK(full.err == "outagesim: cannot write /dev/full: No space left on device\n");
  // Regression (session 17): generate called a full disk an internal error, exit 3.
  const auto generated = run_cli("generate > /dev/full");
  CHECK(generated.status == 2);
  CHECK(generated.err.find("No space left on device") != std::string::npos);
  CHECK(generated.err.find("internal error") == std::string::npos);
}
