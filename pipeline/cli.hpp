// What the commands of the crosscheck program share: exit codes, usage errors, bundled
// paths, compiler-style diagnostics, rule loading, option parsing, and the corpus commands'
// options (run, baseline, check) with the run of one corpus and its reports.
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "cache.hpp"
#include "crosscheck/core.hpp"
#include "ruleset/ruleset.hpp"
#include "run.hpp"
#include "shards.hpp"
#include "syntax/syntax.hpp"

namespace crosscheck::cli {

namespace po = boost::program_options;

constexpr int kOk = 0;
constexpr int kNewFindings = 1;  // `check` only: conflicts that the baseline does not hold
constexpr int kBadInput = 2;
constexpr const char* kDefaultCorpus = "corpus/korea-1950";
constexpr const char* kDefaultCache = ".crosscheck-cache";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A bundled path (rules/en, corpus/korea-1950): from the current folder if it is there,
// else from the source tree the program was built from.
std::string bundled(const std::string& relative);

// Like a compiler: the message, then the source line and a caret under the column, when
// the message points into a file that can be read.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Rules folders: those given, or the bundled rules/en plus rules/<corpus> when it exists.
std::vector<std::string> rule_dirs(const std::vector<std::string>& given,
                                   const std::string& corpus_name);
LoadedRules load(const std::vector<std::string>& given, const std::string& corpus_name);

// Rules loading on another thread while a corpus is read and its cache consulted (see
// RunOptions::rules_pending); the fingerprint is known at once, for the cache's key.
struct RulesLoading {
  std::string fingerprint;
  LoadedRules rules;  // complete once `done` is ready
  std::shared_future<void> done;
  const LoadedRules& get() const {
    done.wait();
    return rules;
  }
};
std::unique_ptr<RulesLoading> start_loading(const std::vector<std::string>& given,
                                            const std::string& corpus_name);

// The syntax model: models/en_ewt.model of the bundle, or null after printing why the file
// cannot serve ("FILE: error: damaged or truncated model ...").
std::string default_model_path();
std::shared_ptr<const SyntaxModel> load_model_or_report(const std::string& path);

// A model to be decoded when a document first needs it; its file was read and checked
// already, so a missing, truncated or foreign model is an error before any work.
struct ModelLoading {
  std::string path;
  // hex SHA-256 of the file and a checksum of WordNet's files: part of the analysis
  // cache's key
  std::string fingerprint;
  std::shared_future<std::shared_ptr<const SyntaxModel>> model;
};
// Null after printing why the file cannot serve.
std::unique_ptr<ModelLoading> start_loading_model(const std::string& path);

// The options `--help` lists: all but the names that only carry positional arguments.
po::options_description shown(const po::options_description& all,
                              std::initializer_list<std::string_view> hidden = {"input"});

// As parse(), then the settings of a crosscheck.toml in the first corpus folder named, or
// else in the current folder: top-level keys named as the long options (`threads = 2`,
// `format = "csv,jsonl"`, `rules = ["rules/en", "my-rules"]`, `no-cache = true`), each
// taken only when the command line does not set it. An unknown key or a bad file is a
// UsageError naming the file.
// Keys in `skipped` are left alone: settings of run that another command does not take.
po::variables_map parse_with_config(const std::vector<std::string>& args,
                                    const po::options_description& named,
                                    const po::positional_options_description& positional,
                                    const std::set<std::string>& skipped = {});
// The settings file parse_with_config reads.
constexpr const char* kConfigFile = "crosscheck.toml";

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& named,
                        const po::positional_options_description& positional);

// The options of the corpus commands, as parsed.
struct CorpusRaw {
  std::vector<std::string> corpora;
  std::vector<std::string> rules;
  std::string out;
  std::string formats;
  int threads = 0;
  double min_score = AlignOptions{}.aligned_min_score;
  int top_k = static_cast<int>(AlignOptions{}.aligned_top_k);
  int max_document_mb = static_cast<int>(Limits{}.max_document_bytes >> 20);
  int max_sentence_tokens = static_cast<int>(Limits{}.max_sentence_tokens);
  std::string cache = kDefaultCache;
  bool no_cache = false;
  std::vector<std::string> changed;
  std::string since;
  std::string baseline;
  std::string model;        // the syntax model file; resolve() fills the bundled one
  std::string event_model;  // the event model file; resolve() fills the bundled one
  bool quiet = false;
  bool mpi = false;  // run: the sharded run in one MPI job (mpi_run.hpp)
};

enum class CorpusCommand { kRun, kBaseline, kCheck };
po::options_description corpus_options(CorpusRaw& raw, CorpusCommand command);

// Checks the parsed options, fills defaults and sets the thread limit's size; throws
// UsageError.
std::vector<std::string> resolve(CorpusRaw& raw, CorpusCommand command);
std::size_t thread_count(const CorpusRaw& raw);

// One corpus run as the options say: rules (loading), cache, changed-only focus. Prints the
// corpus's errors and skipped documents; `status` becomes kBadInput when there were any.
// When the rules or the event model do not load it prints their errors instead and sets
// `loaded` to false: the caller writes nothing and exits with kBadInput.
struct CorpusRun {
  Corpus corpus;
  RunStats stats;
  bool loaded = true;
};
CorpusRun run_one(const CorpusRaw& raw, const std::string& root, const RulesLoading& rules,
                  const ModelLoading& model, const std::set<std::string>* known, int& status);

// What else a document's analysis depends on, for the cache's salt: the rules, the model,
// this build and the sentence cap.
std::string cache_salt(const RulesLoading& rules, const ModelLoading& model, const Limits& limits);
// The analysis cache in `folder` (made when missing) for this salt; nothing, with a warning
// on stderr, when the folder or its secret cannot be used: a cache only speeds runs up.
std::optional<AnalysisCache> open_cache(const std::string& folder, const std::string& salt);
// This build: its version and a checksum of the executable (shards record it).
std::string program_version();
// The findings of one kind the reports list; with `all`, also those left out of their
// event's spanning set (Corpus::unlisted).
std::size_t count_of(const Corpus& corpus, Finding::Kind kind, bool all = false);
// "254 statements, 253 aligned pairs, 8 claims, 14 conflicts, 1 disputes, 80 agreements".
std::string findings_line(const Corpus& corpus);
// Prints what a corpus run left out (skipped documents, with kBadInput in `status`) and
// cut (warnings), and notes a corpus with nothing to compare.
void report_corpus(const std::string& root, const Corpus& corpus, int& status);

// The report formats a --format value names, in its order; throws UsageError on an unknown one.
std::vector<std::string> split_formats(const std::string& text);
// The file names of every report format: what an output folder may hold.
std::vector<std::string> report_file_names();
// Writes the reports `formats` names into `out`, as one set (write_report_set); kOk or
// kBadInput.
int write_reports(const Corpus& corpus, const LoadedRules& rules, const std::filesystem::path& out,
                  const std::vector<std::string>& formats, bool quiet);

// The lines of a text that hold words, trimmed: each a paragraph for the parser.
std::vector<Span> lines_of(const std::string& text);
// The sentences of a text's lines (lines_of), parsed in parallel, in order, with spans into
// the text; with `line_per_sentence` each line is one sentence.
std::vector<SentenceWords> parse_lines(const std::string& text, const SyntaxModel& model,
                                       bool line_per_sentence = false);
// A file's bytes as a Document, or nothing after printing why (unreadable, not UTF-8).
std::optional<Document> ingest_or_report(const std::string& file, std::string bytes);
int cmd_parse(const std::vector<std::string>& args);
int cmd_train_parser(const std::vector<std::string>& args);
int cmd_timex(const std::vector<std::string>& args);
int cmd_events(const std::vector<std::string>& args);
int cmd_run(const std::vector<std::string>& args);
int cmd_baseline(const std::vector<std::string>& args);
int cmd_check(const std::vector<std::string>& args);
// The steps of a sharded run (cmd_shards.cpp), for the commands and for `run --mpi`; each
// returns an exit status after printing any problem. `tell`: print the shard's skipped
// documents and a summary line.
int analyse_step(const CorpusRaw& raw, const std::string& root, Slice shard,
                 const std::filesystem::path& out, bool tell);
int align_step(const CorpusRaw& raw, const std::vector<std::filesystem::path>& folders, Slice part,
               const std::filesystem::path& out);
int merge_step(const CorpusRaw& raw, const std::vector<std::filesystem::path>& folders,
               std::size_t* merged_statements = nullptr);
// `run --mpi`: the sharded run in one MPI job, the reports on rank 0.
int run_mpi(const CorpusRaw& raw);
int cmd_analyse(const std::vector<std::string>& args);
int cmd_align(const std::vector<std::string>& args);
int cmd_merge(const std::vector<std::string>& args);

}  // namespace crosscheck::cli
