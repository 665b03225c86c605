// The process group of an OUTAGESIM_MPI build: MPI_COMM_WORLD when an MPI launcher started us. Only the
// main thread calls MPI (MPI_THREAD_FUNNELED); replication threads never do.
#include <fmt/format.h>
#include <mpi.h>

#include <cstdlib>
#include <limits>

#include "cli/process_group.hpp"

namespace outagesim::cli {
namespace {

// Set by Open MPI's mpirun, by PMIx launchers and by PMI-1/2 ones (Slurm's srun, MPICH's hydra).
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

bool mpi_running() {
  int initialized = 0;
  int finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  return initialized != 0 && finalized == 0;
}

}  // namespace

ProcessGroupSession::ProcessGroupSession(int& argc, char**& argv) {
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  started_ = true;
}

ProcessGroupSession::~ProcessGroupSession() {
  if (started_ && mpi_running()) MPI_Finalize();
}

ProcessGroup process_group() {
  if (!mpi_running()) return {};
  ProcessGroup group;
  MPI_Comm_rank(MPI_COMM_WORLD, &group.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &group.size);
  return group;
}

std::vector<std::string> gather_to_first(const std::string& bytes) {
  const ProcessGroup group = process_group();
  if (group.size <= 1) return {bytes};
  // MPI counts are ints: a rank's part must stay under 2 GiB (millions of outcomes of a large scenario).
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    fmt::print(stderr,
               "outagesim: rank {}: {} bytes of outcomes are too many for one MPI message; use more "
               "ranks or shards\n",
               group.rank, bytes.size());
    MPI_Abort(MPI_COMM_WORLD, 3);
  }
  const int size = static_cast<int>(bytes.size());
  std::vector<int> sizes(group.rank == 0 ? static_cast<std::size_t>(group.size) : 0);
  MPI_Gather(&size, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(sizes.size());
  std::string all;
  if (group.rank == 0) {
    long long total = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) total += sizes[i];
    // MPI displacements are ints too.
    if (total > std::numeric_limits<int>::max()) {
      fmt::print(stderr, "outagesim: the ranks' outcomes exceed 2 GiB; use shards and merge instead\n");
      MPI_Abort(MPI_COMM_WORLD, 3);
    }
    for (std::size_t i = 1; i < sizes.size(); ++i) offsets[i] = offsets[i - 1] + sizes[i - 1];
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(bytes.data(), size, MPI_BYTE, all.data(), sizes.data(), offsets.data(), MPI_BYTE, 0,
              MPI_COMM_WORLD);
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < sizes.size(); ++i)
    parts.push_back(all.substr(static_cast<std::size_t>(offsets[i]), static_cast<std::size_t>(sizes[i])));
  return parts;
}

void abort_group(int status) {
  if (process_group().size > 1) MPI_Abort(MPI_COMM_WORLD, status);
}

}  // namespace outagesim::cli
