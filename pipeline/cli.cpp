#include "cli.hpp"

#include <sys/wait.h>
#include <tbb/info.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "cache.hpp"
#include "corpus_files.hpp"
#include "reports/reports.hpp"

#ifndef CROSSCHECK_VERSION
#define CROSSCHECK_VERSION "0.0.0"
#endif
#ifndef CROSSCHECK_SOURCE_ROOT
#define CROSSCHECK_SOURCE_ROOT "."
#endif

namespace crosscheck::cli {
namespace fs = std::filesystem;

// A bundled path (rules/en, corpus/korea-1950): from the current folder if it is there,
// else from the source tree the program was built from.
std::string bundled(const std::string& relative) {
  if (fs::exists(relative)) return relative;
  return (fs::path(CROSSCHECK_SOURCE_ROOT) / relative).string();
}

// Like a compiler: the message, then the source line and a caret under the column, when
// the message points into a file that can be read.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::cerr << printable(d.format()) << '\n';
    if (d.line == 0 || d.col == 0) continue;
    std::ifstream in(d.file, std::ios::binary);
    std::string line;
    for (std::uint32_t n = 0; n < d.line && std::getline(in, line);) ++n;
    if (!in && !in.eof()) continue;
    std::string caret;
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < line.size() && col < d.col; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // within a character
      caret += line[i] == '\t' ? '\t' : ' ';
      ++col;
    }
    std::cerr << "  " << printable(line) << "\n  " << caret << "^\n";
  }
}

// Rules folders: those given, or the bundled rules/en plus rules/<corpus> when it exists.
std::vector<std::string> rule_dirs(const std::vector<std::string>& given,
                                   const std::string& corpus_name) {
  std::vector<std::string> dirs = given;
  if (dirs.empty()) {
    dirs.push_back(bundled("rules/en"));
    if (!corpus_name.empty() && fs::is_directory(bundled("rules/" + corpus_name)))
      dirs.push_back(bundled("rules/" + corpus_name));
  }
  return dirs;
}

LoadedRules load(const std::vector<std::string>& given, const std::string& corpus_name) {
  return load_rules(rule_dirs(given, corpus_name));
}

std::unique_ptr<RulesLoading> start_loading(const std::vector<std::string>& given,
                                            const std::string& corpus_name) {
  auto loading = std::make_unique<RulesLoading>();
  const std::vector<std::string> dirs = rule_dirs(given, corpus_name);
  // The files are read once, here: the fingerprint names exactly the bytes that are parsed.
  RuleFiles files = read_rule_files(dirs);
  loading->fingerprint = files.fingerprint;
  RulesLoading* target = loading.get();
  loading->done =
      std::async(std::launch::async, [target, dirs, files = std::move(files)]() mutable {
        try {
          target->rules = load_rules(std::move(files));
        } catch (const std::exception& e) {  // reported like a bad rule file
          Diagnostic d;
          d.file = dirs.empty() ? "(rules)" : dirs.front();
          d.message = std::string("cannot load the rules: ") + e.what();
          target->rules.diagnostics.push_back(std::move(d));
        }
      }).share();
  return loading;
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& named,
                        const po::positional_options_description& positional) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(named).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

po::options_description shown(const po::options_description& all,
                              std::initializer_list<std::string_view> hidden) {
  po::options_description out("options");
  for (const auto& option : all.options())
    if (std::find(hidden.begin(), hidden.end(), option->long_name()) == hidden.end())
      out.add(option);
  return out;
}

po::variables_map parse_with_config(const std::vector<std::string>& args,
                                    const po::options_description& named,
                                    const po::positional_options_description& positional,
                                    const std::set<std::string>& skipped) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(named).positional(positional).run(), vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  std::string config;
  if (vm.count("help") == 0) {
    const auto corpora = vm.count("corpus") ? vm["corpus"].as<std::vector<std::string>>()
                                            : std::vector<std::string>{};
    for (const fs::path& folder :
         {corpora.empty() ? fs::path() : fs::path(corpora.front()), fs::path(".")}) {
      std::error_code ec;
      if (!folder.empty() && fs::is_regular_file(folder / kConfigFile, ec)) {
        config = (folder / kConfigFile).string();
        break;
      }
    }
  }
  if (!config.empty()) {
    std::string text;
    if (const int error = read_whole_file(config, text, std::size_t{1} << 20); error != 0)
      throw UsageError(config + ": cannot read the settings file");
    toml::table table;
    try {
      table = toml::parse(std::string_view(text), std::string_view(config));
    } catch (const toml::parse_error& e) {
      throw UsageError(config + ":" + std::to_string(e.source().begin.line) + ":" +
                       std::to_string(e.source().begin.column) + ": " +
                       std::string(e.description()));
    }
    std::vector<std::string> settings;
    for (const auto& [key, value] : table) {
      const std::string name(key.str());
      if (skipped.count(name)) continue;
      if (named.find_nothrow(name, false) == nullptr || name == "help" || name == "corpus")
        throw UsageError(config + ": unknown setting '" + name + "'");
      if (vm.count(name) && !vm[name].defaulted()) continue;  // the command line wins
      const auto scalar = [&](const toml::node& node) -> std::optional<std::string> {
        if (const auto* s = node.as_string()) return s->get();
        if (const auto* i = node.as_integer()) return std::to_string(i->get());
        if (const auto* f = node.as_floating_point()) return std::to_string(f->get());
        return std::nullopt;
      };
      if (const auto* b = value.as_boolean()) {
        if (b->get()) settings.push_back("--" + name);
      } else if (const auto* array = value.as_array()) {
        for (const auto& item : *array) {
          const auto v = scalar(item);
          if (!v) throw UsageError(config + ": '" + name + "' must hold strings or numbers");
          settings.push_back("--" + name + "=" + *v);
        }
      } else if (const auto v = scalar(value)) {
        settings.push_back("--" + name + "=" + *v);
      } else {
        throw UsageError(config + ": '" + name + "' must be a string, number or true/false");
      }
    }
    po::variables_map from_file;
    try {
      po::store(po::command_line_parser(settings).options(named).run(), from_file);
    } catch (const po::error& e) {
      throw UsageError(config + ": " + e.what());
    }
    for (auto& [name, value] : from_file)
      if (!vm.count(name) || vm[name].defaulted()) vm.erase(name), vm.insert({name, value});
  }
  try {
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

po::options_description corpus_options(CorpusRaw& raw, CorpusCommand command) {
  po::options_description o(command == CorpusCommand::kRun        ? "run options"
                            : command == CorpusCommand::kBaseline ? "baseline options"
                                                                  : "check options");
  o.add_options()("help,h", "show this help");
  if (command != CorpusCommand::kRun)
    o.add_options()("baseline", po::value(&raw.baseline),
                    command == CorpusCommand::kBaseline
                        ? "the baseline file to write (required)"
                        : "the baseline file to compare with (required; written by "
                          "`crosscheck baseline`)");
  o.add_options()("rules", po::value(&raw.rules)->composing(),
                  "rules folder (repeatable; default: the bundled rules/en, and rules/<corpus "
                  "name> if the bundle has one)");
  if (command != CorpusCommand::kBaseline)
    o.add_options()(
        "out", po::value(&raw.out),
        "output folder, relative to the current folder (default: out/<corpus name>; with "
        "several corpora, DIR/<corpus name>). The reports and manifest.sha256 replace the "
        "previous set in one step; other files in it are left alone")(
        "format",
        po::value(&raw.formats)->default_value(command == CorpusCommand::kRun ? "csv,html" : ""),
        "reports to write, comma-separated: csv (findings.csv), html (report.html), jsonl "
        "(findings.jsonl), sarif (findings.sarif: conflicts, SARIF 2.1.0), pairs (aligned.csv: "
        "every aligned sentence pair)")(
        "changed", po::value(&raw.changed)->multitoken()->composing(),
        command == CorpusCommand::kRun
            ? "report only findings that involve these documents (paths in the corpus, or "
              "relative to it)"
            : "also compare these documents, as if new (paths in the corpus, or relative to it)")(
        "since", po::value(&raw.since),
        command == CorpusCommand::kRun
            ? "report only findings that involve documents changed since this git revision "
              "(and untracked ones)"
            : "also compare the documents changed since this git revision (and untracked ones)");
  o.add_options()("model", po::value(&raw.model),
                  "the syntax model (default: the bundled models/en_ewt.model)");
  o.add_options()("event-model", po::value(&raw.event_model),
                  "the pairwise event model that groups statements into the claim matrix's "
                  "events (default: the bundled models/events.toml)");
  o.add_options()(
      "cache", po::value(&raw.cache)->default_value(kDefaultCache),
      "folder of the analysis cache, relative to the current folder. Its entries are "
      "signed (HMAC-SHA256) with its own secret file, or with CROSSCHECK_CACHE_SECRET when "
      "set: an entry planted by whoever cannot read the secret is discarded and rebuilt")(
      "no-cache", po::bool_switch(&raw.no_cache), "analyse every document, read and keep no cache")(
      "threads", po::value(&raw.threads)->default_value(0), "worker threads (0: all cores)")(
      "min-score", po::value(&raw.min_score)->default_value(raw.min_score, "0.15"),
      "alignment score from which two statements are aligned (term overlap plus shared acts, "
      "times, names and doer)")(
      "top-k", po::value(&raw.top_k)->default_value(raw.top_k),
      "aligned statements a statement may have in each other document, taken best score "
      "first (pairs a rule fired on are always aligned)")(
      "max-document-mb", po::value(&raw.max_document_mb)->default_value(raw.max_document_mb),
      "a document file larger than this many MiB is skipped, with the reason in the reports")(
      "max-sentence-tokens",
      po::value(&raw.max_sentence_tokens)->default_value(raw.max_sentence_tokens),
      "a longer sentence is cut into pieces of at most this many tokens, at a comma or space "
      "where it can, with a warning that names the document and place. A statement is a "
      "clause of one sentence, so this caps a statement's tokens too")(
      "quiet,q", po::bool_switch(&raw.quiet), "print nothing but errors")(
      "corpus", po::value(&raw.corpora)->composing(), "corpus folder(s)");
  if (command == CorpusCommand::kRun)
    o.add_options()("mpi", po::bool_switch(&raw.mpi),
                    "under mpirun -np N, in a build that found MPI: the sharded run in one job "
                    "(docs/sharding.md): each "
                    "rank analyses a shard and aligns a part, rank 0 writes the reports");
  return o;
}

// Each report format: its file name and its writer.
struct ReportFormat {
  std::string_view name;
  std::string_view file;
  std::function<void(const Corpus&, const LoadedRules&, std::ostream&)> write;
};

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> formats = {
      {"csv", "findings.csv", [](auto& c, auto&, auto& o) { write_csv(c, o); }},
      {"html", "report.html", [](auto& c, auto&, auto& o) { write_html(c, o); }},
      {"jsonl", "findings.jsonl", [](auto& c, auto&, auto& o) { write_jsonl(c, o); }},
      {"sarif", "findings.sarif",
       [](auto& c, auto& rules, auto& o) {
         write_sarif(c, {CROSSCHECK_VERSION, rules.rules.rules}, o);
       }},
      {"pairs", "aligned.csv", [](auto& c, auto&, auto& o) { write_pairs_csv(c, o); }},
  };
  return formats;
}

std::vector<std::string> report_file_names() {
  std::vector<std::string> out;
  for (const auto& f : report_formats()) out.emplace_back(f.file);
  return out;
}

std::vector<std::string> split_formats(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string f; std::getline(in, f, ',');) {
    const auto& all = report_formats();
    if (std::none_of(all.begin(), all.end(), [&](auto& format) { return format.name == f; }))
      throw UsageError("unknown report format '" + f + "' (csv, html, jsonl, sarif, pairs)");
    out.push_back(f);
  }
  return out;
}

int write_reports(const Corpus& corpus, const LoadedRules& rules, const fs::path& out,
                  const std::vector<std::string>& formats, bool quiet) {
  const auto& all = report_formats();
  std::vector<ReportFile> files;
  for (const auto& name : formats) {
    const auto format =
        std::find_if(all.begin(), all.end(), [&](auto& f) { return f.name == name; });
    files.push_back({std::string(format->file), [&corpus, &rules, format](std::ostream& stream) {
                       format->write(corpus, rules, stream);
                     }});
  }
  const std::string error = write_report_set(out, files, report_file_names());
  if (!error.empty()) {
    std::cerr << "error: " << printable(error) << '\n';
    return kBadInput;
  }
  if (!quiet)
    for (const auto& file : files) std::cout << "wrote " << (out / file.name).string() << '\n';
  return kOk;
}

std::vector<std::string> resolve(CorpusRaw& raw, CorpusCommand command) {
  if (raw.threads < 0) throw UsageError("--threads must be 0 or more");
  if (raw.top_k < 0) throw UsageError("--top-k must be 0 or more");
  if (raw.max_document_mb < 1 || raw.max_document_mb > 4096)
    throw UsageError("--max-document-mb must be from 1 to 4096");
  if (raw.max_sentence_tokens < 10) throw UsageError("--max-sentence-tokens must be 10 or more");
  if (command != CorpusCommand::kRun && raw.baseline.empty())
    throw UsageError("--baseline FILE is required");
  if (raw.corpora.empty()) raw.corpora.push_back(bundled(kDefaultCorpus));
  if (raw.model.empty()) raw.model = default_model_path();
  if (raw.event_model.empty()) raw.event_model = bundled("models/events.toml");
  if (command != CorpusCommand::kRun && raw.corpora.size() > 1)
    throw UsageError("one corpus at a time: a baseline belongs to one corpus");
  return raw.formats.empty() ? std::vector<std::string>{} : split_formats(raw.formats);
}

std::size_t thread_count(const CorpusRaw& raw) {
  return raw.threads > 0 ? static_cast<std::size_t>(raw.threads) : tbb::info::default_concurrency();
}

namespace {

// Runs a program (no shell) and collects its standard output; false when it cannot run or
// exits with an error.
bool capture(const std::vector<std::string>& argv, std::string& out) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return false;
  const pid_t pid = ::fork();
  if (pid < 0) return false;
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The documents in focus for --changed and --since, as paths relative to the corpus root.
std::vector<std::string> changed_paths(const CorpusRaw& raw, const std::string& root) {
  std::vector<std::string> out;
  const fs::path base = fs::weakly_canonical(root);
  for (const auto& given : raw.changed) {
    // A path as the shell or a diff gives it, or one relative to the corpus folder.
    const fs::path path =
        fs::exists(given) ? fs::weakly_canonical(given) : (base / given).lexically_normal();
    const fs::path relative = path.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..")
      throw UsageError("--changed " + given + ": not inside the corpus folder " + root);
    out.push_back(relative.generic_string());
  }
  if (!raw.since.empty()) {
    // a revision, never an option git would take ("--output=FILE"): verified first, and
    // only the commit it names goes on to `git diff`
    std::string commit;
    if (!capture({"git", "-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                  raw.since + "^{commit}"},
                 commit) ||
        commit.size() < 41)
      throw UsageError("--since " + raw.since + ": not a git revision of " + root);
    commit.resize(commit.find_first_of("\n"));
    std::string listed;
    if (!capture({"git", "-C", root, "diff", "-z", "--name-only", "--relative", commit, "--", "."},
                 listed) ||
        !capture({"git", "-C", root, "ls-files", "-z", "--others", "--exclude-standard"}, listed))
      throw UsageError("--since " + raw.since + ": git cannot list the changes in " + root);
    std::stringstream in(listed);
    for (std::string path; std::getline(in, path, '\0');)
      if (!path.empty()) out.push_back(path);
  }
  return out;
}

}  // namespace

std::string cache_salt(const RulesLoading& rules, const ModelLoading& model, const Limits& limits) {
  // the sentence cap changes analyses; the document cap only which files are read
  return rules.fingerprint + "\n" + model.fingerprint + "\n" + CROSSCHECK_VERSION + "\n" +
         program_identity() + "\nmax sentence tokens " + std::to_string(limits.max_sentence_tokens);
}

std::optional<AnalysisCache> open_cache(const std::string& folder, const std::string& salt) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec || !fs::is_directory(folder)) {
    std::cerr << folder << ": warning: cannot use this folder for the analysis cache"
              << (ec ? " (" + ec.message() + ")" : std::string()) << "; running without it\n";
    return std::nullopt;
  }
  std::optional<AnalysisCache> cache(std::in_place, folder, salt);
  if (!cache->problem().empty()) {
    std::cerr << folder << ": warning: " << cache->problem() << "; running without the cache\n";
    return std::nullopt;
  }
  return cache;
}

std::string program_version() { return std::string(CROSSCHECK_VERSION) + " " + program_identity(); }

// The findings of one kind the reports list; with `all`, also those left out of their
// event's spanning set (Corpus::unlisted).
std::size_t count_of(const Corpus& corpus, Finding::Kind kind, bool all) {
  std::size_t n = 0;
  for (const auto& f : corpus.findings) n += f.kind == kind;
  if (all)
    for (const auto& f : corpus.unlisted) n += f.kind == kind;
  return n;
}

std::string findings_line(const Corpus& c) {
  return std::to_string(c.statements.size()) + " statements, " + std::to_string(c.aligned.size()) +
         " aligned pairs, " + std::to_string(c.claims.size()) + " claims, " +
         std::to_string(count_of(c, Finding::Kind::kConflict)) + " conflicts, " +
         std::to_string(count_of(c, Finding::Kind::kDispute)) + " disputes, " +
         std::to_string(count_of(c, Finding::Kind::kAgreement)) + " agreements";
}

void report_corpus(const std::string& root, const Corpus& corpus, int& status) {
  for (const auto& s : corpus.skipped) {
    Diagnostic d = s.reason;
    d.file = (fs::path(root) / s.path).string();
    std::cerr << printable(d.format()) << " (skipped)\n";
    status = kBadInput;
  }
  for (const auto& document : corpus.documents)
    for (Diagnostic d : document.warnings) {
      d.file = (fs::path(root) / d.file).string();
      std::cerr << printable(d.format()) << '\n';
    }
  if (fs::is_directory(root) && corpus.documents.empty() && corpus.skipped.empty()) {
    std::cerr << root << ": error: no .txt or .md documents in the corpus folder\n";
    status = kBadInput;
  }
  // statements are compared across sources only: say so where that leaves nothing to do
  if (!corpus.documents.empty()) {
    std::set<std::string> sources;
    for (const auto& d : corpus.documents) sources.insert(d.source.id);
    if (sources.size() == 1)
      std::cerr << root << ": note: "
                << (corpus.documents.size() == 1 ? "one document"
                                                 : "every document is of one source")
                << ": statements are compared only across sources, so there is nothing to "
                   "compare\n";
  }
}

CorpusRun run_one(const CorpusRaw& raw, const std::string& root, const RulesLoading& rules,
                  const ModelLoading& model, const std::set<std::string>* known, int& status) {
  RunOptions run;
  EventModel events;
  try {
    events = read_event_model(raw.event_model);
  } catch (const std::runtime_error& e) {
    std::cerr << e.what() << '\n';
    status = kBadInput;
    CorpusRun out;
    out.loaded = false;
    return out;
  }
  run.events = &events;
  run.rules = &rules.rules;
  run.rules_pending = rules.done;
  run.syntax = model.model;
  run.align.aligned_min_score = raw.min_score;
  run.align.aligned_top_k = static_cast<std::uint32_t>(raw.top_k);
  run.limits.max_document_bytes = static_cast<std::size_t>(raw.max_document_mb) << 20;
  run.limits.max_sentence_tokens = static_cast<std::uint32_t>(raw.max_sentence_tokens);
  run.focus_paths = changed_paths(raw, root);
  run.focus = !raw.changed.empty() || !raw.since.empty() || known != nullptr;
  run.known = known;
  const auto formats =
      raw.formats.empty() ? std::vector<std::string>{} : split_formats(raw.formats);
  run.anchors = std::find(formats.begin(), formats.end(), "pairs") != formats.end();
  std::optional<AnalysisCache> cache;
  if (!raw.no_cache) cache = open_cache(raw.cache, cache_salt(rules, model, run.limits));
  if (cache) run.cache = &*cache;
  // A progress line on a terminal, redrawn at most ten times a second; never in a pipe,
  // a file or CI's log.
  const bool show_progress = !raw.quiet && ::isatty(STDERR_FILENO) && std::getenv("CI") == nullptr;
  const auto start = std::chrono::steady_clock::now();
  auto shown_at = start - std::chrono::seconds(1);
  bool drawn = false;
  if (show_progress)
    run.progress = [&](const Progress& p) {
      const auto now = std::chrono::steady_clock::now();
      if (now - shown_at < std::chrono::milliseconds(100)) return;
      shown_at = now;
      drawn = true;
      char elapsed[32];
      std::snprintf(elapsed, sizeof elapsed, "%.1f s",
                    std::chrono::duration<double>(now - start).count());
      std::cerr << "\r\x1b[K" << printable(corpus_name(root)) << ": " << p.stage << ", " << p.done
                << " of " << p.listed << " documents analysed, " << p.skipped << " skipped, "
                << elapsed << std::flush;
    };
  CorpusRun out;
  std::vector<Diagnostic> errors;
  out.corpus = run_corpus(root, run, errors, &out.stats);
  if (drawn) std::cerr << "\r\x1b[K" << std::flush;
  if (cache) cache->prune();  // generations of other rules and builds, unused for a month
  if (!rules.get().ok()) {    // a bad rule file: its errors, and nothing of the corpus
    print_diagnostics(rules.get().diagnostics);
    status = kBadInput;
    out.loaded = false;
    return out;
  }
  print_diagnostics(errors);
  if (!fs::is_directory(root)) status = kBadInput;
  report_corpus(root, out.corpus, status);
  for (const auto& path : run.focus_paths)
    if (std::none_of(out.corpus.documents.begin(), out.corpus.documents.end(),
                     [&](const Document& d) { return d.path == path; }))
      std::cerr << path << ": warning: --changed/--since names no document of " << root << '\n';
  if (out.stats.cache_damaged > 0)
    std::cerr << raw.cache << ": warning: " << out.stats.cache_damaged
              << " damaged or foreign cache entries discarded and rebuilt\n";
  return out;
}

}  // namespace crosscheck::cli
