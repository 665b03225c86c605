#include "cli/interrupt.hpp"

#include <catch2/catch.hpp>
#include <csignal>

using outagesim::cli::InterruptHandler;

namespace {

using Handler = void (*)(int);

Handler current_sigint_handler() {
  struct sigaction now {};
  ::sigaction(SIGINT, nullptr, &now);
  return now.sa_handler;
}

extern "C" void placeholder_handler(int) {}

}  // namespace

TEST_CASE("the first Ctrl-C sets the flag and brings back the default action") {
  struct sigaction before {};
  ::sigaction(SIGINT, nullptr, &before);
  {
    InterruptHandler handler;
    CHECK_FALSE(handler.interrupted());
    CHECK(current_sigint_handler() != SIG_DFL);
    std::raise(SIGINT);
    CHECK(handler.interrupted());
    CHECK(handler.flag().load());
    // A second Ctrl-C now would kill the process.
    CHECK(current_sigint_handler() == SIG_DFL);
  }
  CHECK(current_sigint_handler() == before.sa_handler);
}

TEST_CASE("uninstalling restores the handler that was there before") {
  struct sigaction placeholder {};
  placeholder.sa_handler = placeholder_handler;
  sigemptyset(&placeholder.sa_mask);
  struct sigaction before {};
  ::sigaction(SIGINT, &placeholder, &before);
  {
    const InterruptHandler handler;
    CHECK(current_sigint_handler() != placeholder_handler);
    CHECK_FALSE(handler.interrupted());
  }
  CHECK(current_sigint_handler() == placeholder_handler);
  ::sigaction(SIGINT, &before, nullptr);
}

TEST_CASE("a new handler starts with the flag clear") {
  {
    const InterruptHandler first;
    std::raise(SIGINT);
    CHECK(first.interrupted());
  }
  const InterruptHandler second;
  CHECK_FALSE(second.interrupted());
}
