// End to end: crosscheck::run_corpus (read, ingest, segment, analyse in a TBB pipeline, then
// align and compare) over corpora of 1x, 4x and 16x the 982 ECB+ articles, written flat to
// a temporary folder (every file its own source), with 1 and 2 TBB threads. Reports the
// corpus MB/s and the statements analysed per second of wall time.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "corpus_gen.hpp"
#include "pipeline/run.hpp"
#include "ruleset/ruleset.hpp"

namespace crosscheck::bench {
namespace {
namespace fs = std::filesystem;

// The corpora on disk, one folder per scale under one temporary folder that is removed
// when the program ends.
class CorpusFolders {
 public:
  ~CorpusFolders() {
    if (root_.empty()) return;
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // The folder holding the corpus of `scale`, written on first use; empty with `error`.
  std::string get(int scale, std::string& error) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = written_.find(scale); it != written_.end()) return it->second;
    const BenchCorpus* corpus = shared_corpus(scale, error);
    if (corpus == nullptr) return {};
    if (root_.empty()) {
      std::string pattern = (fs::temp_directory_path() / "crosscheck-bench-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) {
        error = "cannot make a temporary folder under " + fs::temp_directory_path().string();
        return {};
      }
      root_ = pattern;
    }
    std::string name = "x";  // not "x" + ...: GCC 12's -Wrestrict misfires on that
    name += std::to_string(scale);
    const fs::path dir = root_ / name;
    if (!write_corpus(*corpus, dir, error)) return {};
    return written_[scale] = dir.string();
  }

 private:
  std::mutex mutex_;
  fs::path root_;
  std::map<int, std::string> written_;
};

CorpusFolders& folders() {
  static CorpusFolders f;
  return f;
}

const LoadedRules& rules() {
  static const LoadedRules r = load_rules({CROSSCHECK_SOURCE_ROOT "/rules/en"});
  return r;
}

void BM_RunCorpus(benchmark::State& state) {
  const int scale = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  if (!rules().ok()) {
    state.SkipWithError(
        ("crosscheck bench: the rules do not load: " + rules().diagnostics.front().format())
            .c_str());
    return;
  }
  std::string error;
  const std::string dir = folders().get(scale, error);
  if (dir.empty()) {
    state.SkipWithError(("crosscheck bench: " + error).c_str());
    return;
  }
  const BenchCorpus* corpus = shared_corpus(scale, error);

  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(threads));
  RunOptions options;
  options.rules = &rules();
  std::promise<std::shared_ptr<const SyntaxModel>> model;
  model.set_value(bench_model(error));
  options.syntax = model.get_future().share();
  options.events = bench_event_model(error);
  if (options.events == nullptr) {
    state.SkipWithError(("crosscheck bench: " + error).c_str());
    return;
  }
  std::size_t statements = 0, documents = 0, pairs = 0, findings = 0, skipped = 0;
  std::vector<Diagnostic> errors;
  for (auto _ : state) {
    errors.clear();
    const Corpus result = run_corpus(dir, options, errors);
    statements = result.statements.size();
    documents = result.documents.size();
    pairs = result.pairs.size();
    findings = result.findings.size();
    skipped = result.skipped.size();
    benchmark::DoNotOptimize(result.findings.data());
  }
  if (!errors.empty()) {
    state.SkipWithError(("crosscheck bench: run_corpus: " + errors.front().format()).c_str());
    return;
  }
  const auto iterations = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus->bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * documents));
  state.counters["statements_per_s"] =
      benchmark::Counter(iterations * static_cast<double>(statements), benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(documents);
  state.counters["statements"] = static_cast<double>(statements);
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["skipped"] = static_cast<double>(skipped);
  state.SetLabel(corpus->label);
}

// Threads inside run_corpus are TBB's, so time is wall time. The big corpora run once.
BENCHMARK(BM_RunCorpus)
    ->ArgNames({"scale", "threads"})
    ->ArgPair(1, 1)
    ->ArgPair(1, 2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RunCorpus)
    ->ArgNames({"scale", "threads"})
    ->ArgPair(4, 1)
    ->ArgPair(4, 2)
    ->ArgPair(16, 1)
    ->ArgPair(16, 2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace crosscheck::bench

BENCHMARK_MAIN();
