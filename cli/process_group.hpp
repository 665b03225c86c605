// The processes one `run --runs N` is spread over: this process alone, or, in a build with OUTAGESIM_MPI
// launched by mpirun (or srun), the ranks of the MPI job. Two implementations, chosen by CMake:
// process_group_single.cpp (no MPI anywhere) and process_group_mpi.cpp.
#pragma once

#include <string>
#include <vector>

namespace outagesim::cli {

struct ProcessGroup {
  int rank = 0;
  int size = 1;
};

// Starts MPI for main()'s lifetime when built with it and launched by an MPI launcher (so a plain
// `outagesim run` of an MPI build stays a single process that never touches MPI); nothing otherwise.
class ProcessGroupSession {
 public:
  ProcessGroupSession(int& argc, char**& argv);
  ~ProcessGroupSession();
  ProcessGroupSession(const ProcessGroupSession&) = delete;
  ProcessGroupSession& operator=(const ProcessGroupSession&) = delete;

 private:
  bool started_ = false;
};

// This process's place in the group: {0, 1} unless a session started MPI.
ProcessGroup process_group();

// Collective: every rank passes its bytes; rank 0 gets every rank's, in rank order, the others an empty
// list. With one process, returns {bytes}.
std::vector<std::string> gather_to_first(const std::string& bytes);

// Ends every rank of the job with `status` (a rank that failed alone would leave the others waiting in
// a collective); with one process, does nothing.
void abort_group(int status);

}  // namespace outagesim::cli
