// The SIGINT handler: sets a lock-free atomic and says once, with write(2), that the run is stopping.
// SA_RESETHAND has the kernel restore the default action on delivery, so a second Ctrl-C kills.
#include "cli/interrupt.hpp"

#include <unistd.h>

#include <cassert>
#include <csignal>
#include <cstring>

namespace outagesim::cli {
namespace {

// Written from the signal handler: only a lock-free atomic is safe there.
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> g_interrupted{false};
// The action before ours; read and written only outside the handler.
struct sigaction g_previous {};
bool g_installed = false;

extern "C" void on_sigint(int) {
  g_interrupted.store(true, std::memory_order_relaxed);
  static const char kMessage[] =
      "\noutagesim: stopping after the replications running now (Ctrl-C again to quit at once)\n";
  // Nothing useful to do if stderr is gone.
  if (::write(STDERR_FILENO, kMessage, sizeof kMessage - 1) < 0) return;
}

}  // namespace

InterruptHandler::InterruptHandler() {
  assert(!g_installed);
  g_interrupted.store(false, std::memory_order_relaxed);
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  ::sigaction(SIGINT, &action, &g_previous);
  g_installed = true;
}

InterruptHandler::~InterruptHandler() {
  ::sigaction(SIGINT, &g_previous, nullptr);
  g_installed = false;
}

const std::atomic<bool>& InterruptHandler::flag() const {
  return g_interrupted;
}

}  // namespace outagesim::cli
