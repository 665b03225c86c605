// Ctrl-C and the progress bar wired into a RunControl.
#include "cli/replication_watch.hpp"

namespace outagesim::cli {

ReplicationWatch::ReplicationWatch(std::uint64_t total, bool quiet) : bar_(total, quiet) {
  control_.stop = &interrupt_.flag();
  control_.on_progress = [this](const sim::ReplicationProgress& p) { bar_.update(p.done); };
}

}  // namespace outagesim::cli
