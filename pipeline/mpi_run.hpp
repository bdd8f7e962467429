// `mpirun -np N crosscheck run CORPUS --mpi`: the sharded run (shards.hpp) in one MPI
// job. Rank r (of N) analyses shard r+1 of N; every rank receives every shard through MPI
// (MPI_Allgatherv of the shard folders' bytes), aligns and judges part r+1 of N, and sends
// it to rank 0 (MPI_Gatherv), which merges and writes the reports: those of one run,
// byte for byte. Each rank keeps what it receives in a scratch folder of its own
// (TMPDIR, removed at the end), so the ranks need share no file system but the corpus.
// Built when CMake finds MPI (CROSSCHECK_MPI); otherwise --mpi says so.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "run.hpp"
#include "shards.hpp"

namespace crosscheck {

// True when this build can run under MPI.
bool mpi_available();

// What the MPI run needs from the command: how to analyse a shard and how to write the
// reports of the merged corpus (rank 0 only); each returns an exit status.
struct MpiSteps {
  std::function<int(Slice shard, const std::filesystem::path& out)> analyse;
  std::function<int(Slice part, const std::vector<std::filesystem::path>& shards,
                    const std::filesystem::path& out)>
      align;
  std::function<int(const std::vector<std::filesystem::path>& folders)> merge;
};

// What an MPI run did: the worst status of any rank's steps (every rank returns it), this
// rank and the ranks, and on rank 0 the bytes all ranks received from others.
struct MpiResult {
  int status = 0;
  int rank = 0;
  int ranks = 1;
  std::uint64_t bytes_exchanged = 0;
};
// Runs the three steps across the MPI job (MPI_Init to MPI_Finalize).
MpiResult run_under_mpi(const MpiSteps& steps);

}  // namespace crosscheck
