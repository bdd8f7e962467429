// One benchmark per stage (ingest, segment, analyse, align, compare) on the 982 real ECB+
// news articles, each reporting the corpus bytes it covered per second. The stages are
// pure, so the per-document ones also run with two benchmark threads that split the
// documents between them (ThreadRange): the MB/s then is the aggregate of both threads.
// Each stage's input is made once, by the stages before it, outside the timed loop.
// $CROSSCHECK_BENCH_SCALE=N runs them on the generated N-times corpus instead.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "align/align.hpp"
#include "analyse/analyse.hpp"
#include "compare/compare.hpp"
#include "corpus_gen.hpp"
#include "ingest/ingest.hpp"
#include "ruleset/ruleset.hpp"
#include "run.hpp"
#include "segment/segment.hpp"

namespace crosscheck::bench {
namespace {

// The corpus scale: 1 (the real articles) unless $CROSSCHECK_BENCH_SCALE says otherwise.
int bench_scale() {
  const char* env = std::getenv("CROSSCHECK_BENCH_SCALE");
  const int scale = env != nullptr ? std::atoi(env) : 1;
  return scale >= 1 ? scale : 1;
}

// Every stage's input, made by the stages before it. Built up to the level a benchmark asks
// for and no further, so a filter that runs only ingest pays for no analysis.
struct Prepared {
  std::string error;  // non-empty: the benches skip with it
  const BenchCorpus* corpus = nullptr;
  std::vector<Document> documents;  // ingested, index = position
  std::vector<std::vector<Sentence>> sentences;
  LoadedRules rules;
  std::shared_ptr<const SyntaxModel> model;  // the committed tagger and parser
  std::vector<Statement> statements;         // corpus-wide, in (doc, index) order
  std::vector<std::uint32_t> source_of_doc;  // every article its own source, as in a run
  std::vector<Pair> pairs;
};

enum class Level { kNone, kCorpus, kDocuments, kSentences, kModel, kStatements, kPairs };

void advance(Prepared& p, Level level) {
  switch (level) {
    case Level::kNone:
      break;
    case Level::kCorpus:
      p.corpus = shared_corpus(bench_scale(), p.error);
      break;
    case Level::kDocuments:
      for (const auto& a : p.corpus->articles) {
        auto ingested = ingest(a.name + ".txt", a.text);
        if (auto* d = std::get_if<Diagnostic>(&ingested)) {
          p.error = "ingest refused a bench article: " + d->format();
          return;
        }
        p.documents.push_back(std::move(std::get<Document>(ingested)));
        p.documents.back().index = static_cast<std::uint32_t>(p.documents.size() - 1);
      }
      break;
    case Level::kSentences:
      p.rules = load_rules({CROSSCHECK_SOURCE_ROOT "/rules/en"});
      if (!p.rules.ok()) p.error = "the rules do not load: " + p.rules.diagnostics.front().format();
      for (const auto& d : p.documents) p.sentences.push_back(segment(d, {6, &p.rules.lexicon}));
      break;
    case Level::kModel:
      p.model = bench_model(p.error);
      break;
    case Level::kStatements: {
      const AnalyseOptions options = analyse_options(p.rules.lexicon, *p.model);
      for (std::size_t d = 0; d < p.documents.size(); ++d) {
        auto statements = analyse(p.documents[d], p.sentences[d], options);
        p.statements.insert(p.statements.end(), std::make_move_iterator(statements.begin()),
                            std::make_move_iterator(statements.end()));
        p.source_of_doc.push_back(static_cast<std::uint32_t>(d));
      }
      break;
    }
    case Level::kPairs:
      p.pairs = align(p.statements, p.source_of_doc);
      break;
  }
}

// Read-only once returned: later levels only grow it while no benchmark is running.
const Prepared& prepared(Level level) {
  static std::mutex mutex;
  static Prepared p;
  static Level done = Level::kNone;
  const std::lock_guard<std::mutex> lock(mutex);
  while (done < level && p.error.empty()) {
    done = static_cast<Level>(static_cast<int>(done) + 1);
    advance(p, done);
  }
  return p;
}

// Whether item `i` is in the share of benchmark thread `state.thread_index()`.
bool mine(const benchmark::State& state, std::size_t i) {
  return static_cast<int>(i % static_cast<std::size_t>(state.threads())) == state.thread_index();
}

bool skip_if_broken(benchmark::State& state, const Prepared& p) {
  if (p.error.empty()) return false;
  state.SkipWithError(("crosscheck bench: " + p.error).c_str());
  return true;
}

void BM_Ingest(benchmark::State& state) {
  const Prepared& p = prepared(Level::kCorpus);
  if (skip_if_broken(state, p)) return;
  const auto& articles = p.corpus->articles;
  std::vector<std::string> bytes;
  std::size_t my_bytes = 0, my_docs = 0;
  for (auto _ : state) {
    state.PauseTiming();  // ingest takes its bytes by value: copy them outside the clock
    bytes.clear();
    my_bytes = my_docs = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
      if (!mine(state, i)) continue;
      bytes.push_back(articles[i].text);
      my_bytes += articles[i].text.size();
      ++my_docs;
    }
    state.ResumeTiming();
    std::size_t k = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
      if (!mine(state, i)) continue;
      auto doc = ingest(articles[i].name, std::move(bytes[k++]));
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * my_bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * my_docs));
  state.SetLabel(p.corpus->label);
}

void BM_Segment(benchmark::State& state) {
  const Prepared& p = prepared(Level::kDocuments);
  if (skip_if_broken(state, p)) return;
  static const LoadedRules english = load_rules({CROSSCHECK_SOURCE_ROOT "/rules/en"});
  std::size_t my_bytes = 0, my_docs = 0, sentences = 0;
  for (std::size_t i = 0; i < p.documents.size(); ++i) {
    if (!mine(state, i)) continue;
    my_bytes += p.documents[i].original.size();
    ++my_docs;
  }
  for (auto _ : state) {
    sentences = 0;
    for (std::size_t i = 0; i < p.documents.size(); ++i) {
      if (!mine(state, i)) continue;
      auto s = segment(p.documents[i], {6, &english.lexicon});
      sentences += s.size();
      benchmark::DoNotOptimize(s.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * my_bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * my_docs));
  state.counters["sentences"] = static_cast<double>(sentences);  // this thread's share
  state.SetLabel(p.corpus->label);
}

void BM_Analyse(benchmark::State& state) {
  const Prepared& p = prepared(Level::kModel);
  if (skip_if_broken(state, p)) return;
  const AnalyseOptions options = analyse_options(p.rules.lexicon, *p.model);
  std::size_t my_bytes = 0, my_sentences = 0, statements = 0;
  for (std::size_t i = 0; i < p.documents.size(); ++i) {
    if (!mine(state, i)) continue;
    my_bytes += p.documents[i].original.size();
    my_sentences += p.sentences[i].size();
  }
  for (auto _ : state) {
    statements = 0;
    for (std::size_t i = 0; i < p.documents.size(); ++i) {
      if (!mine(state, i)) continue;
      auto s = analyse(p.documents[i], p.sentences[i], options);
      statements += s.size();
      benchmark::DoNotOptimize(s.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * my_bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * my_sentences));
  state.counters["statements"] = static_cast<double>(statements);  // this thread's share
  state.SetLabel(p.corpus->label);
}

// Analysis against sentence length: the same ~6,000 words of real ECB+ clauses (sentences
// of at most 12 words, their end marks dropped), joined with ", and" into sentences of about
// `state.range(0)` words (up to 150, under the 250-token sentence cap). Only the sentences'
// length changes, so words/s that stays flat shows that tagging, parsing, clauses, times,
// amounts and records are linear in a sentence's length, not only in a document's.
void BM_AnalyseSentenceLength(benchmark::State& state) {
  const Prepared& p = prepared(Level::kModel);
  if (skip_if_broken(state, p)) return;
  const AnalyseOptions options = analyse_options(p.rules.lexicon, *p.model);
  std::vector<std::pair<std::string, std::size_t>> clauses;  // text, words
  std::size_t words = 0;
  for (std::size_t d = 0; d < p.sentences.size() && words < 6000; ++d)
    for (const Sentence& real : p.sentences[d]) {
      std::string piece = real.text;
      while (!piece.empty() && std::string_view(".!?\n ").find(piece.back()) != std::string::npos)
        piece.pop_back();
      const auto count = static_cast<std::size_t>(std::count(piece.begin(), piece.end(), ' ') + 1);
      if (piece.empty() || piece.find('\n') != std::string::npos || count > 12) continue;
      clauses.emplace_back(std::move(piece), count);
      words += count;
    }
  const auto length = static_cast<std::size_t>(state.range(0));
  std::string text, sentence;
  std::size_t in_sentence = 0;
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    sentence += (sentence.empty() ? "" : ", and ") + clauses[k].first;
    in_sentence += clauses[k].second + 1;
    if (in_sentence + 6 >= length || k + 1 == clauses.size()) {
      text += sentence + ".\n";
      sentence.clear();
      in_sentence = 0;
    }
  }
  auto ingested = ingest("long-sentences.txt", text);
  if (auto* d = std::get_if<Diagnostic>(&ingested)) {
    state.SkipWithError(d->format().c_str());
    return;
  }
  const Document& doc = std::get<Document>(ingested);
  const auto sentences = segment(doc, {6, &p.rules.lexicon});
  for (auto _ : state) {
    auto out = analyse(doc, sentences, options);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * words));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(sentences.size());
  state.counters["words_per_sentence"] =
      sentences.empty() ? 0.0 : static_cast<double>(words) / static_cast<double>(sentences.size());
}

// Index build, every statement's candidates merged, and their ranks: the serial align()
// without anchors.
void BM_Align(benchmark::State& state) {
  const Prepared& p = prepared(Level::kStatements);
  if (skip_if_broken(state, p)) return;
  const AlignOptions options;
  std::size_t pairs = 0;
  for (auto _ : state) {
    const AlignIndex index(p.statements, p.source_of_doc, options);
    std::vector<std::vector<Pair>> per(p.statements.size());
    for (std::size_t i = 0; i < per.size(); ++i)
      per[i] = index.pairs_for(static_cast<std::uint32_t>(i));
    auto merged = merge_pairs(std::move(per));
    rank_pairs(merged, p.statements);
    pairs = merged.size();
    benchmark::DoNotOptimize(merged.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * p.corpus->bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * p.statements.size()));
  state.counters["statements"] =
      benchmark::Counter(static_cast<double>(p.statements.size()), benchmark::Counter::kAvgThreads);
  state.counters["pairs"] =
      benchmark::Counter(static_cast<double>(pairs), benchmark::Counter::kAvgThreads);
  state.SetLabel(p.corpus->label);
}

void BM_Compare(benchmark::State& state) {
  const Prepared& p = prepared(Level::kPairs);
  if (skip_if_broken(state, p)) return;
  CompareOptions options;
  options.rules = &p.rules.rules;
  options.lexicon = &p.rules.lexicon;
  std::size_t my_pairs = 0, findings = 0;
  for (std::size_t i = 0; i < p.pairs.size(); ++i) my_pairs += mine(state, i) ? 1 : 0;
  for (auto _ : state) {
    findings = 0;
    for (std::size_t i = 0; i < p.pairs.size(); ++i) {
      if (!mine(state, i)) continue;
      const Pair& pair = p.pairs[i];
      auto f = compare(p.statements[pair.a], p.statements[pair.b], pair, options);
      findings += f.has_value() ? 1 : 0;
      benchmark::DoNotOptimize(f);
    }
  }
  // The bytes are the corpus's, shared out like the pairs, so MB/s compares with the stages.
  const double share = p.pairs.empty() ? 0 : static_cast<double>(my_pairs) / p.pairs.size();
  state.SetBytesProcessed(
      static_cast<std::int64_t>(static_cast<double>(state.iterations()) * share * p.corpus->bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * my_pairs));
  state.counters["pairs"] =
      benchmark::Counter(static_cast<double>(p.pairs.size()), benchmark::Counter::kAvgThreads);
  state.counters["findings"] = static_cast<double>(findings);  // this thread's share
  state.SetLabel(p.corpus->label);
}

BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond)->ThreadRange(1, 2)->UseRealTime();
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond)->ThreadRange(1, 2)->UseRealTime();
BENCHMARK(BM_Analyse)->Unit(benchmark::kMillisecond)->ThreadRange(1, 2)->UseRealTime();
BENCHMARK(BM_AnalyseSentenceLength)
    ->Unit(benchmark::kMillisecond)
    ->Arg(12)
    ->Arg(25)
    ->Arg(50)
    ->Arg(100)
    ->Arg(150)
    ->UseRealTime();
BENCHMARK(BM_Align)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Compare)->Unit(benchmark::kMillisecond)->ThreadRange(1, 2)->UseRealTime();

}  // namespace
}  // namespace crosscheck::bench

BENCHMARK_MAIN();
