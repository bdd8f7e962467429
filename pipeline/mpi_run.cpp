#include "mpi_run.hpp"

#if defined(CROSSCHECK_MPI)
#include <mpi.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bytes.hpp"
#include "corpus_files.hpp"
#endif

namespace crosscheck {

#if !defined(CROSSCHECK_MPI)

bool mpi_available() { return false; }
MpiResult run_under_mpi(const MpiSteps&) { return {2, 0, 1, 0}; }

#else

namespace fs = std::filesystem;

bool mpi_available() { return true; }

namespace {

// A folder's files as one buffer (name, bytes; bytes::Writer), and back.
std::string pack(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  bytes::Writer w;
  w.u32(static_cast<std::uint32_t>(names.size()));
  std::string out = w.take();
  for (const auto& name : names) {
    std::string content;
    if (read_whole_file((folder / name).string(), content) != 0)
      throw std::runtime_error("cannot read " + (folder / name).string());
    bytes::Writer entry;
    entry.str(name);
    entry.u64(content.size());
    out += entry.take();
    out += content;
  }
  return out;
}

void unpack(std::string_view packed, const fs::path& folder) {
  fs::create_directories(folder);
  bytes::Reader r(packed);
  const std::uint32_t n = r.u32();
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string name = r.str();
    const std::uint64_t size = r.u64();
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == ".." ||
        size > r.rest().size())
      throw std::runtime_error("a damaged folder from another rank");
    std::ofstream out(folder / name, std::ios::binary);
    out.write(r.rest().data(), static_cast<std::streamsize>(size));
    r.skip(size);
    if (!out) throw std::runtime_error("cannot write " + (folder / name).string());
  }
}

constexpr std::size_t kChunk = std::size_t{1} << 30;  // MPI counts are ints

// Every rank's buffer on every rank, in rank order: each rank broadcasts its own in turn.
std::vector<std::string> all_gather(const std::string& mine, int rank, int size) {
  std::vector<std::uint64_t> sizes(static_cast<std::size_t>(size));
  const std::uint64_t my_size = mine.size();
  MPI_Allgather(&my_size, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
  std::vector<std::string> out(static_cast<std::size_t>(size));
  for (int root = 0; root < size; ++root) {
    std::string& buffer = out[static_cast<std::size_t>(root)];
    buffer = root == rank ? mine : std::string(sizes[static_cast<std::size_t>(root)], '\0');
    for (std::size_t at = 0; at < buffer.size(); at += kChunk)
      MPI_Bcast(buffer.data() + at, static_cast<int>(std::min(kChunk, buffer.size() - at)),
                MPI_BYTE, root, MPI_COMM_WORLD);
  }
  return out;
}

// Every rank's buffer on rank 0 (empty elsewhere).
std::vector<std::string> gather(const std::string& mine, int rank, int size) {
  std::vector<std::string> out(rank == 0 ? static_cast<std::size_t>(size) : 0);
  const std::uint64_t my_size = mine.size();
  std::vector<std::uint64_t> sizes(static_cast<std::size_t>(size));
  MPI_Gather(&my_size, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  if (rank != 0) {
    for (std::size_t at = 0; at < mine.size(); at += kChunk)
      MPI_Send(mine.data() + at, static_cast<int>(std::min(kChunk, mine.size() - at)), MPI_BYTE, 0,
               0, MPI_COMM_WORLD);
    return out;
  }
  out[0] = mine;
  for (int from = 1; from < size; ++from) {
    std::string& buffer = out[static_cast<std::size_t>(from)];
    buffer.assign(sizes[static_cast<std::size_t>(from)], '\0');
    for (std::size_t at = 0; at < buffer.size(); at += kChunk)
      MPI_Recv(buffer.data() + at, static_cast<int>(std::min(kChunk, buffer.size() - at)), MPI_BYTE,
               from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
  return out;
}

// True on every rank when any rank says it failed: the ranks stop together.
bool any_failed(bool failed) {
  int mine = failed ? 1 : 0, any = 0;
  MPI_Allreduce(&mine, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return any != 0;
}

int worst(int status) {
  int out = status;
  MPI_Allreduce(&status, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return out;
}

// The rank's scratch folder, under TMPDIR (or /tmp).
fs::path make_scratch() {
  const char* tmp = std::getenv("TMPDIR");
  std::string name =
      (fs::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / "crosscheck-mpi-XXXXXX").string();
  if (::mkdtemp(name.data()) == nullptr)
    throw std::runtime_error("cannot make a scratch folder under " +
                             fs::path(name).parent_path().string());
  return name;
}

}  // namespace

MpiResult run_under_mpi(const MpiSteps& steps) {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const Slice me{static_cast<std::uint32_t>(rank + 1), static_cast<std::uint32_t>(size)};
  const auto shard_dir = [](const fs::path& scratch, int i) {
    return scratch / ("shard-" + std::to_string(i + 1));
  };
  int status = 0;
  std::uint64_t received = 0;
  fs::path scratch;
  const auto step = [&](const std::function<int()>& work) {
    try {
      return work();
    } catch (const std::exception& e) {
      std::cerr << "error: rank " << rank << ": " << e.what() << '\n';
      return 2;
    }
  };
  const auto finish = [&](int result) {
    result = worst(result);
    std::uint64_t total = 0;
    MPI_Reduce(&received, &total, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    std::error_code ignored;
    if (!scratch.empty()) fs::remove_all(scratch, ignored);
    MPI_Finalize();
    return MpiResult{result, rank, size, total};
  };
  bool failed = false;
  try {
    scratch = make_scratch();
  } catch (const std::exception& e) {
    std::cerr << "error: rank " << rank << ": " << e.what() << '\n';
    failed = true;
  }
  if (any_failed(failed)) return finish(2);
  // 1. this rank's shard; a shard written with refused documents goes on (exit 2 kept)
  status = step([&] { return steps.analyse(me, shard_dir(scratch, rank)); });
  std::error_code ec;
  if (any_failed(!fs::exists(shard_dir(scratch, rank) / "shard.toml", ec))) return finish(2);
  // 2. every shard on every rank; each rank packs its own first, and all go on only when
  // every rank could, so that no rank waits in a collective that another never enters
  std::vector<fs::path> shards;
  std::string packed;
  failed = false;
  try {
    packed = pack(shard_dir(scratch, rank));
  } catch (const std::exception& e) {
    std::cerr << "error: rank " << rank << ": " << e.what() << '\n';
    failed = true;
  }
  if (any_failed(failed)) return finish(2);
  try {
    const auto all = all_gather(packed, rank, size);
    std::string().swap(packed);
    for (int i = 0; i < size; ++i) {
      if (i != rank) {
        unpack(all[static_cast<std::size_t>(i)], shard_dir(scratch, i));
        received += all[static_cast<std::size_t>(i)].size();
      }
      shards.push_back(shard_dir(scratch, i));
    }
  } catch (const std::exception& e) {
    std::cerr << "error: rank " << rank << ": " << e.what() << '\n';
    failed = true;
  }
  if (any_failed(failed)) return finish(2);
  // 3. this rank's part, then every part on rank 0
  const fs::path part = scratch / ("part-" + std::to_string(rank + 1));
  const int aligned = step([&] { return steps.align(me, shards, part); });
  status = std::max(status, aligned);
  if (any_failed(aligned != 0)) return finish(std::max(status, 2));
  std::vector<fs::path> folders = shards;
  failed = false;
  try {
    packed = pack(part);
  } catch (const std::exception& e) {
    std::cerr << "error: rank " << rank << ": " << e.what() << '\n';
    failed = true;
  }
  if (any_failed(failed)) return finish(2);
  try {
    const auto parts = gather(packed, rank, size);
    for (int k = 0; k < size && rank == 0; ++k) {
      const fs::path dir = scratch / ("part-" + std::to_string(k + 1));
      if (k != 0) {
        unpack(parts[static_cast<std::size_t>(k)], dir);
        received += parts[static_cast<std::size_t>(k)].size();
      }
      folders.push_back(dir);
    }
  } catch (const std::exception& e) {
    std::cerr << "error: rank " << rank << ": " << e.what() << '\n';
    failed = true;
  }
  if (any_failed(failed)) return finish(2);
  // 4. the reports, on rank 0
  if (rank == 0) status = std::max(status, step([&] { return steps.merge(folders); }));
  return finish(status);
}

#endif

}  // namespace crosscheck
