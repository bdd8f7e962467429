// The commands that analyse a corpus: run (reports), baseline (accept the conflicts found)
// and check (the CI gate: fail on conflicts the baseline does not hold).
#include <tbb/global_control.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "corpus_files.hpp"
#include "reports/reports.hpp"

namespace crosscheck::cli {
namespace fs = std::filesystem;

namespace {

fs::path out_folder(const CorpusRaw& raw, const std::string& corpus) {
  return raw.out.empty()          ? fs::path("out") / corpus
         : raw.corpora.size() > 1 ? fs::path(raw.out) / corpus
                                  : fs::path(raw.out);
}

// The output folders that cannot take a report set, said before any work; false if any.
bool outputs_usable(const CorpusRaw& raw, const std::vector<std::string>& formats) {
  if (formats.empty()) return true;
  for (const auto& root : raw.corpora)
    if (const auto problem =
            report_folder_problem(out_folder(raw, corpus_name(root)), report_file_names());
        !problem.empty()) {
      std::cerr << "error: " << printable(problem) << '\n';
      return false;
    }
  return true;
}

// "5 documents (1 analysed, 4 from the cache)".
std::string documents_line(const CorpusRun& run) {
  const std::size_t n = run.corpus.documents.size();
  std::string out = std::to_string(n) + (n == 1 ? " document" : " documents");
  if (run.stats.from_cache > 0)
    out += " (" + std::to_string(run.stats.analysed) + " analysed, " +
           std::to_string(run.stats.from_cache) + " from the cache)";
  return out;
}

// Where a statement starts in its file: corpus-folder/doc:line:col.
std::string position(const Corpus& corpus, std::uint32_t statement) {
  const Statement& s = corpus.statements.at(statement);
  const Document& d = corpus.documents.at(s.doc);
  const LineCol lc = line_col(d.original, d.to_original(s.span.begin));
  return (fs::path(corpus.root) / d.path).lexically_normal().generic_string() + ":" +
         std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

// Parses a corpus command's options into `raw`; for --help prints `usage` and the options
// and returns false.
bool parse_command(const std::vector<std::string>& args, CorpusRaw& raw, CorpusCommand command,
                   const std::string& usage) {
  const auto options = corpus_options(raw, command);
  po::positional_options_description pos;
  pos.add("corpus", -1);
  if (!parse_with_config(args, options, pos).count("help")) return true;
  std::cout << usage
            << "\n\nSettings may also come from a crosscheck.toml in the first CORPUS folder, or "
               "else in\nthe current folder: keys named as the options below (threads = 2,\n"
               "format = \"csv,jsonl\", rules = [\"rules/en\", \"my-rules\"], no-cache = "
               "true).\nThe command line wins over the file. Paths in it are relative to the "
               "current folder.\n\n"
            << shown(options, {"input", "corpus"});
  return false;
}

}  // namespace

int cmd_run(const std::vector<std::string>& args) {
  CorpusRaw raw;
  if (!parse_command(args, raw, CorpusCommand::kRun,
                     std::string("usage: crosscheck run [CORPUS...] [options]\n\n"
                                 "Analyses each corpus folder (*.txt, *.md; metadata from "
                                 "sources.toml) and writes\nfindings.csv and report.html. Without "
                                 "CORPUS: the bundled ") +
                         kDefaultCorpus +
                         ".\nAnalyses come from the cache folder when a document, the rules and "
                         "the program\nare unchanged. Exit 0 when every document was analysed, 2 "
                         "when any input was\nrefused (the reports are still written, listing "
                         "what was skipped and why)."))
    return kOk;
  const auto formats = resolve(raw, CorpusCommand::kRun);
  if (!outputs_usable(raw, formats)) return kBadInput;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, thread_count(raw));
  if (raw.mpi) return run_mpi(raw);
  const auto model = start_loading_model(raw.model);
  if (!model) return kBadInput;
  int status = kOk;
  for (const auto& root : raw.corpora) {
    const auto rules = start_loading(raw.rules, corpus_name(root));
    const CorpusRun run = run_one(raw, root, *rules, *model, nullptr, status);
    if (!run.loaded)
      return kBadInput;  // a bad rule or model file stops everything, writing nothing
    if (!fs::is_directory(root)) continue;
    const fs::path out = out_folder(raw, run.corpus.name);
    if (int w = write_reports(run.corpus, rules->rules, out, formats, raw.quiet); w != kOk)
      return w;
    if (!raw.quiet) {
      const Corpus& c = run.corpus;
      std::cout << c.name << ": " << documents_line(run) << ", " << findings_line(c);
      if (!run.stats.focus.empty() || !raw.changed.empty() || !raw.since.empty())
        std::cout << " (only those involving " << run.stats.focus.size() << " changed documents)";
      std::cout << "; report: " << (out / "report.html").string() << '\n';
    }
  }
  return status;
}

int cmd_baseline(const std::vector<std::string>& args) {
  CorpusRaw raw;
  if (!parse_command(args, raw, CorpusCommand::kBaseline,
                     "usage: crosscheck baseline [CORPUS] --baseline FILE [options]\n\n"
                     "Analyses the corpus and writes every conflict it finds to FILE as "
                     "accepted,\nwith the content hash of every document, for `crosscheck "
                     "check`. The file is\ntext, sorted, one item a line (docs/ci.md). Exit 0, "
                     "or 2 on bad input."))
    return kOk;
  resolve(raw, CorpusCommand::kBaseline);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, thread_count(raw));
  const auto model = start_loading_model(raw.model);
  if (!model) return kBadInput;
  const std::string& root = raw.corpora.front();
  const auto rules = start_loading(raw.rules, corpus_name(root));
  int status = kOk;
  const CorpusRun run = run_one(raw, root, *rules, *model, nullptr, status);
  if (!run.loaded) return kBadInput;
  if (!fs::is_directory(root)) return status;
  const std::string error = write_atomically(
      raw.baseline, render_baseline(run.corpus, run.stats.document_hashes, rules->fingerprint));
  if (!error.empty()) {
    std::cerr << "error: " << error << '\n';
    return kBadInput;
  }
  if (!raw.quiet)
    std::cout << run.corpus.name << ": " << documents_line(run) << "; wrote " << raw.baseline
              << ": " << count_of(run.corpus, Finding::Kind::kConflict, true)
              << " conflicts accepted\n";
  return status;
}

int cmd_check(const std::vector<std::string>& args) {
  CorpusRaw raw;
  if (!parse_command(
          args, raw, CorpusCommand::kCheck,
          "usage: crosscheck check [CORPUS] --baseline FILE [options]\n\n"
          "The CI gate: compares the documents that are new or changed since the baseline\n"
          "was written (and those --changed or --since name) with the whole corpus, and\n"
          "prints every conflict the baseline does not hold as\n"
          "  file:line:col: conflict [rule-id] explanation (other statement: file:line:col)\n"
          "Findings are matched by fingerprint (rule and statement texts), not by position.\n"
          "Exit 0 when there is no new conflict, 1 when there is, 2 on bad input."))
    return kOk;
  const auto formats = resolve(raw, CorpusCommand::kCheck);
  if (!outputs_usable(raw, formats)) return kBadInput;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, thread_count(raw));
  std::string text;
  int error = read_whole_file(raw.baseline, text);
  if (error == kNotRegular && fs::is_directory(raw.baseline)) error = EISDIR;
  if (error == kNotRegular) {  // a pipe: --baseline <(git show main:corpus.baseline)
    std::ifstream in(raw.baseline, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
    error = in.bad() || !in.is_open() ? EIO : 0;
  }
  if (error != 0) {
    std::cerr << raw.baseline << ": error: cannot read the baseline file: " << std::strerror(error)
              << "\n  (write one with: crosscheck baseline CORPUS --baseline " << raw.baseline
              << ")\n";
    return kBadInput;
  }
  std::vector<Diagnostic> errors;
  const Baseline baseline = parse_baseline(text, raw.baseline, errors);
  if (!errors.empty()) {
    print_diagnostics(errors);
    return kBadInput;
  }
  const auto model = start_loading_model(raw.model);
  if (!model) return kBadInput;
  const std::string& root = raw.corpora.front();
  const auto rules = start_loading(raw.rules, corpus_name(root));
  int status = kOk;
  // Documents the baseline covers need no new comparison, unless the rules changed since.
  const bool same_rules = baseline.rules == rules->fingerprint;
  if (!same_rules)
    std::cerr << raw.baseline << ": note: the rules changed since the baseline was written; "
              << "comparing every document\n";
  const CorpusRun run =
      run_one(raw, root, *rules, *model, same_rules ? &baseline.documents : nullptr, status);
  if (!run.loaded) return kBadInput;
  if (!fs::is_directory(root)) return status;
  const Corpus& corpus = run.corpus;
  if (!formats.empty())
    if (int w =
            write_reports(corpus, rules->rules, out_folder(raw, corpus.name), formats, raw.quiet);
        w != kOk)
      return w;

  // every conflict counts, listed or left out of its event's spanning set
  std::vector<const Finding*> conflicts;
  for (const auto* list : {&corpus.findings, &corpus.unlisted})
    for (const Finding& f : *list)
      if (f.kind == Finding::Kind::kConflict) conflicts.push_back(&f);
  std::size_t fresh = 0, known = 0;
  for (const Finding* conflict : conflicts) {
    const Finding& f = *conflict;
    if (baseline.conflicts.count(fingerprint(corpus, f))) {
      ++known;
      continue;
    }
    ++fresh;
    // The new or changed document first: that is where the conflict came in.
    const auto in_focus = [&](std::uint32_t s) {
      const std::string& path = corpus.documents[corpus.statements[s].doc].path;
      return std::find(run.stats.focus.begin(), run.stats.focus.end(), path) !=
             run.stats.focus.end();
    };
    const bool swap = !in_focus(f.a) && in_focus(f.b);
    std::cout << position(corpus, swap ? f.b : f.a) << ": conflict [" << f.rule << "] "
              << f.explanation << " (other statement: " << position(corpus, swap ? f.a : f.b)
              << ")\n";
  }
  if (!raw.quiet)
    std::cerr << corpus.name << ": " << documents_line(run) << "; compared "
              << (same_rules ? std::to_string(run.stats.focus.size()) + " new or changed"
                             : std::string("every document"))
              << ": " << fresh << " new conflicts, " << known << " in the baseline\n";
  if (status != kOk) return status;
  return fresh > 0 ? kNewFindings : kOk;
}

}  // namespace crosscheck::cli
