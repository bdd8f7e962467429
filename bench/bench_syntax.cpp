// The syntax stage on the 982 real ECB+ news articles, one benchmark per step: the UD
// tokeniser alone, tagging and parsing words already tokenised, and the whole raw-text path
// (tokenise, split sentences, tag, parse) that `crosscheck parse` and the analysis run.
// Each reports words per second (UD words, counted by the tokeniser) and corpus MB/s; with
// two benchmark threads (ThreadRange) they split the paragraphs and the rates add up.
// $CROSSCHECK_BENCH_SCALE=N runs them on the generated N-times corpus instead.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_gen.hpp"
#include "syntax/syntax.hpp"

namespace crosscheck::bench {
namespace {

struct Prepared {
  std::string error;
  std::string label;
  std::shared_ptr<const SyntaxModel> model;
  std::vector<std::string> paragraphs;       // every non-empty line of every article
  std::vector<std::vector<Word>> sentences;  // the paragraphs' sentences, tokenised
};

const Prepared& prepared() {
  static const Prepared prepared_once = [] {
    Prepared p;
    const char* env = std::getenv("CROSSCHECK_BENCH_SCALE");
    const BenchCorpus* corpus = shared_corpus(env ? std::max(1, std::atoi(env)) : 1, p.error);
    if (!corpus) return p;
    p.label = corpus->label;
    p.model = bench_model(p.error);
    if (!p.model) return p;
    for (const Article& a : corpus->articles) {
      std::istringstream lines(a.text);
      for (std::string line; std::getline(lines, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) p.paragraphs.push_back(line);
    }
    for (const std::string& para : p.paragraphs)
      for (auto& s : parse_paragraph(para, *p.model)) p.sentences.push_back(std::move(s.words));
    return p;
  }();
  return prepared_once;
}

bool mine(const benchmark::State& state, std::size_t i) {
  return i % static_cast<std::size_t>(state.threads()) ==
         static_cast<std::size_t>(state.thread_index());
}

bool broken(benchmark::State& state, const Prepared& p) {
  if (p.error.empty()) return false;
  state.SkipWithError(p.error.c_str());
  return true;
}

void report(benchmark::State& state, const Prepared& p, std::size_t bytes, std::size_t words) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(state.iterations() * words),
                                                 benchmark::Counter::kIsRate);
  state.SetLabel(p.label);
}

void BM_Tokenize(benchmark::State& state) {
  const Prepared& p = prepared();
  if (broken(state, p)) return;
  std::size_t bytes = 0, words = 0;
  for (auto _ : state) {
    bytes = words = 0;
    for (std::size_t i = 0; i < p.paragraphs.size(); ++i) {
      if (!mine(state, i)) continue;
      auto w = tokenize_ud(p.paragraphs[i], *p.model);
      bytes += p.paragraphs[i].size();
      words += w.size();
      benchmark::DoNotOptimize(w.data());
    }
  }
  report(state, p, bytes, words);
}

void BM_TagParse(benchmark::State& state) {
  const Prepared& p = prepared();
  if (broken(state, p)) return;
  std::size_t words = 0;
  std::vector<std::vector<Word>> copy;
  for (auto _ : state) {
    state.PauseTiming();  // tag_and_parse writes into the words: copy them outside the clock
    copy.clear();
    for (std::size_t i = 0; i < p.sentences.size(); ++i)
      if (mine(state, i)) copy.push_back(p.sentences[i]);
    state.ResumeTiming();
    words = 0;
    for (auto& s : copy) {
      tag_and_parse(s, *p.model);
      words += s.size();
      benchmark::DoNotOptimize(s.data());
    }
  }
  report(state, p, 0, words);
}

// Tokenise, split into sentences, tag and parse: the raw-text path end to end.
void BM_ParseParagraphs(benchmark::State& state) {
  const Prepared& p = prepared();
  if (broken(state, p)) return;
  std::size_t bytes = 0, words = 0;
  for (auto _ : state) {
    bytes = words = 0;
    for (std::size_t i = 0; i < p.paragraphs.size(); ++i) {
      if (!mine(state, i)) continue;
      auto sentences = parse_paragraph(p.paragraphs[i], *p.model);
      bytes += p.paragraphs[i].size();
      for (const auto& s : sentences) words += s.words.size();
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  report(state, p, bytes, words);
}

BENCHMARK(BM_Tokenize)->ThreadRange(1, 2)->UseRealTime()->MinTime(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagParse)->ThreadRange(1, 2)->UseRealTime()->MinTime(4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseParagraphs)
    ->ThreadRange(1, 2)
    ->UseRealTime()
    ->MinTime(4)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck::bench

BENCHMARK_MAIN();
