// The process group of a build without MPI: this process alone.
#include "cli/process_group.hpp"

namespace outagesim::cli {

ProcessGroupSession::ProcessGroupSession(int& /*argc*/, char**& /*argv*/) {}
ProcessGroupSession::~ProcessGroupSession() = default;

ProcessGroup process_group() {
  return {};
}

std::vector<std::string> gather_to_first(const std::string& bytes) {
  return {bytes};
}

void abort_group(int /*status*/) {}

}  // namespace outagesim::cli
