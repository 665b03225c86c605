#include "cli/replication_watch.hpp"

#include <catch2/catch.hpp>
#include <csignal>

using outagesim::cli::ReplicationWatch;

TEST_CASE("a replication watch stops the runner on Ctrl-C and takes its progress") {
  struct sigaction before {};
  ::sigaction(SIGINT, nullptr, &before);
  {
    ReplicationWatch watch(10, /*quiet=*/true);
    const outagesim::sim::RunControl& control = watch.control();
    REQUIRE(control.stop != nullptr);
    REQUIRE(control.on_progress);
    control.on_progress(outagesim::sim::ReplicationProgress{3, 10});  // a quiet bar draws nothing
    CHECK_FALSE(control.stop->load());
    std::raise(SIGINT);
    CHECK(control.stop->load());
    watch.finish();
  }
  ::sigaction(SIGINT, &before, nullptr);
}
