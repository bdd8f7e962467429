// The crosscheck command line. Parsing fills raw option structs (Boost.Program_options);
// each command resolves them into a configuration (rules loaded, paths checked) and runs.
// Only this file decides exit codes: 0 ok, 1 failing findings in a check, 2 bad input or usage.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "compare/compare.hpp"
#include "corpus_files.hpp"
#include "reports/reports.hpp"
#include "ruleset/ruleset.hpp"
#include "run.hpp"

#ifndef CROSSCHECK_VERSION
#define CROSSCHECK_VERSION "0.0.0"
#endif
#ifndef CROSSCHECK_SOURCE_ROOT
#define CROSSCHECK_SOURCE_ROOT "."
#endif

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace crosscheck;

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 2;
constexpr const char* kDefaultCorpus = "corpus/korea-1950";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

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
    std::cerr << d.format() << '\n';
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
    std::cerr << "  " << line << "\n  " << caret << "^\n";
  }
}

// Rules folders: those given, or the bundled rules/en plus rules/<corpus> when it exists.
LoadedRules load(const std::vector<std::string>& given, const std::string& corpus_name) {
  std::vector<std::string> dirs = given;
  if (dirs.empty()) {
    dirs.push_back(bundled("rules/en"));
    if (!corpus_name.empty() && fs::is_directory(bundled("rules/" + corpus_name)))
      dirs.push_back(bundled("rules/" + corpus_name));
  }
  return load_rules(dirs);
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

// ---- run -------------------------------------------------------------------------------

struct RunRaw {
  std::vector<std::string> corpora;
  std::vector<std::string> rules;
  std::string out;
  std::string formats = "csv,html";
  int threads = 0;
  double min_score = AlignOptions{}.aligned_min_score;
  int top_k = static_cast<int>(AlignOptions{}.aligned_top_k);
  bool quiet = false;
};

po::options_description run_options(RunRaw& raw) {
  po::options_description o("run options");
  o.add_options()("help,h", "show this help")(
      "rules", po::value(&raw.rules)->composing(),
      "rules folder (repeatable; default: rules/en and rules/<corpus name> if present)")(
      "out", po::value(&raw.out),
      "output folder (default: out/<corpus name>; with several corpora, DIR/<corpus name>)")(
      "format", po::value(&raw.formats)->default_value("csv,html"),
      "reports to write, comma-separated: csv (findings.csv), html (report.html), jsonl "
      "(findings.jsonl), sarif (findings.sarif: conflicts, SARIF 2.1.0), pairs (aligned.csv: "
      "every aligned sentence pair)")("threads", po::value(&raw.threads)->default_value(0),
                                      "worker threads (0: all cores)")(
      "min-score", po::value(&raw.min_score)->default_value(raw.min_score, "0.15"),
      "alignment score from which two statements are aligned (term overlap plus shared acts, "
      "times, names and doer)")(
      "top-k", po::value(&raw.top_k)->default_value(raw.top_k),
      "aligned pairs kept per statement and other source (pairs a rule fired on always are)")(
      "quiet,q", po::bool_switch(&raw.quiet), "print nothing but errors")(
      "corpus", po::value(&raw.corpora)->composing(), "corpus folder(s)");
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
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << out.string() << ": error: cannot create output folder: " << ec.message() << '\n';
    return kBadInput;
  }
  for (const auto& name : formats) {
    const auto& all = report_formats();
    const auto format =
        std::find_if(all.begin(), all.end(), [&](auto& f) { return f.name == name; });
    const fs::path path = out / format->file;
    const std::string error = write_atomically(
        path.string(), [&](std::ostream& stream) { format->write(corpus, rules, stream); });
    if (!error.empty()) {
      std::cerr << "error: " << error << '\n';
      return kBadInput;
    }
    if (!quiet) std::cout << "wrote " << path.string() << '\n';
  }
  return kOk;
}

int cmd_run(const std::vector<std::string>& args) {
  RunRaw raw;
  const auto options = run_options(raw);
  po::positional_options_description pos;
  pos.add("corpus", -1);
  const auto vm = parse(args, options, pos);
  if (vm.count("help")) {
    std::cout
        << "usage: crosscheck run [CORPUS...] [options]\n\n"
        << "Analyses each corpus folder (*.txt, *.md; metadata from sources.toml) and writes\n"
        << "findings.csv and report.html. Without CORPUS: the bundled " << kDefaultCorpus
        << ".\nExit 0 when every document was analysed, 2 when any input was refused\n"
        << "(the reports are still written, listing what was skipped and why).\n\n"
        << options;
    return kOk;
  }
  if (raw.threads < 0) throw UsageError("--threads must be 0 or more");
  if (raw.top_k < 0) throw UsageError("--top-k must be 0 or more");
  const auto formats = split_formats(raw.formats);
  if (raw.corpora.empty()) raw.corpora.push_back(bundled(kDefaultCorpus));
  const std::size_t threads =
      raw.threads > 0 ? static_cast<std::size_t>(raw.threads) : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);

  int status = kOk;
  for (const auto& root : raw.corpora) {
    const std::string name = fs::path(root).lexically_normal().filename().string();
    const LoadedRules rules = load(raw.rules, name);
    if (!rules.ok()) {  // a bad rule file stops everything before any work
      print_diagnostics(rules.diagnostics);
      return kBadInput;
    }
    RunOptions run;
    run.rules = &rules;
    run.align.aligned_min_score = raw.min_score;
    run.align.aligned_top_k = static_cast<std::uint32_t>(raw.top_k);
    std::vector<Diagnostic> errors;
    const Corpus corpus = run_corpus(root, run, errors);
    print_diagnostics(errors);
    if (!fs::is_directory(root)) {
      status = kBadInput;
      continue;
    }
    for (const auto& s : corpus.skipped) {
      Diagnostic d = s.reason;
      d.file = (fs::path(root) / s.path).string();
      std::cerr << d.format() << " (document skipped)\n";
      status = kBadInput;
    }
    if (corpus.documents.empty() && corpus.skipped.empty()) {
      std::cerr << root << ": error: no .txt or .md documents in the corpus folder\n";
      status = kBadInput;
    }
    const fs::path out = raw.out.empty()          ? fs::path("out") / corpus.name
                         : raw.corpora.size() > 1 ? fs::path(raw.out) / corpus.name
                                                  : fs::path(raw.out);
    if (int w = write_reports(corpus, rules, out, formats, raw.quiet); w != kOk) return w;
    if (!raw.quiet) {
      std::size_t conflicts = 0;
      for (const auto& f : corpus.findings) conflicts += f.kind == Finding::Kind::kConflict;
      std::cout << corpus.name << ": " << corpus.documents.size() << " documents, "
                << corpus.statements.size() << " statements, " << corpus.aligned.size()
                << " aligned pairs, " << corpus.claims.size() << " claims, " << conflicts
                << " conflicts, " << corpus.findings.size() - conflicts
                << " agreements; report: " << (out / "report.html").string() << '\n';
    }
  }
  return status;
}

// ---- segment ---------------------------------------------------------------------------

std::string strings_json(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const auto& x : v) out += (out.size() > 1 ? "," : "") + json_quote(x);
  return out + "]";
}

// The statement as findings.jsonl shows it, plus what only the words tell: which are
// negated, and which are taken as acts, marked ! when denied and ? when hedged.
std::string statement_json(const Statement& s) {
  std::vector<std::string> negated, acts;
  for (const auto& t : s.tokens) {
    if (t.negated) negated.push_back(t.lower);
    if (t.verb) acts.push_back(t.lower + (t.negated ? "!" : "") + (t.hedged ? "?" : ""));
  }
  return "{" + statement_fields_json(s) + ",\"negated\":" + strings_json(negated) +
         ",\"acts\":" + strings_json(acts) + "}";
}

// The shared shape of `segment` and `explain`: --help, --rules DIR and positional words.
struct SimpleArgs {
  std::vector<std::string> positional;
  std::vector<std::string> rule_dirs;
  bool help = false;
};

SimpleArgs parse_simple(const std::vector<std::string>& args, const std::string& command,
                        const char* positional_help, int count, const std::string& usage) {
  SimpleArgs out;
  po::options_description o(command + " options");
  o.add_options()("help,h", "show this help")("rules", po::value(&out.rule_dirs)->composing(),
                                              "rules folder (default: rules/en)")(
      "input", po::value(&out.positional), positional_help);
  po::positional_options_description pos;
  pos.add("input", count);
  out.help = parse(args, o, pos).count("help") > 0;
  if (out.help) std::cout << usage << "\n\n" << o;
  return out;
}

LoadedRules load_or_report(const std::vector<std::string>& rule_dirs) {
  LoadedRules rules = load(rule_dirs, "");
  print_diagnostics(rules.diagnostics);
  return rules;
}

int cmd_segment(const std::vector<std::string>& args) {
  const SimpleArgs a =
      parse_simple(args, "segment", "the text file to segment", 1,
                   "usage: crosscheck segment FILE [--rules DIR]\n\n"
                   "Prints the file's sentences as JSON Lines: position (line, col, byte span in\n"
                   "the file), text, and the analysed statements (clauses) of each.");
  if (a.help) return kOk;
  if (a.positional.size() != 1) throw UsageError("segment needs a FILE");
  const std::string& file = a.positional.front();
  const LoadedRules rules = load_or_report(a.rule_dirs);
  if (!rules.ok()) return kBadInput;
  std::string bytes;
  Diagnostic error;
  AnalysedDocument doc;
  if (!read_file(file, bytes, error) ||
      !analyse_bytes(file, std::move(bytes), rules.lexicon, doc, error)) {
    std::cerr << error.format() << '\n';
    return kBadInput;
  }
  std::size_t next = 0;  // statements come in sentence order
  for (const Sentence& s : doc.sentences) {
    std::string statements;
    for (; next < doc.statements.size() && doc.statements[next].sentence == s.index; ++next)
      statements += (statements.empty() ? "" : ",") + statement_json(doc.statements[next]);
    std::cout << "{\"index\":" << s.index << ",\"line\":" << s.line << ",\"col\":" << s.col
              << ",\"begin\":" << s.original.begin << ",\"end\":" << s.original.end
              << ",\"text\":" << json_quote(s.text) << ",\"statements\":[" << statements << "]}\n";
  }
  return kOk;
}

// ---- explain ---------------------------------------------------------------------------

int cmd_explain(const std::vector<std::string>& args) {
  const SimpleArgs a =
      parse_simple(args, "explain", "the two sentences", 2,
                   "usage: crosscheck explain \"SENTENCE A\" \"SENTENCE B\" [--rules DIR]\n\n"
                   "Analyses two sentences as if from two sources, prints their statements and\n"
                   "features, what each rule says of each pair of statements, and the finding.");
  if (a.help) return kOk;
  if (a.positional.size() != 2) throw UsageError("explain needs two sentences");
  const LoadedRules rules = load_or_report(a.rule_dirs);
  if (!rules.ok()) return kBadInput;
  // Every statement of both sentences in one list; A's come first.
  std::vector<Statement> statements;
  std::size_t count_a = 0;
  for (std::size_t k = 0; k < 2; ++k) {
    AnalysedDocument doc;
    Diagnostic error;
    const std::string name = k == 0 ? "A" : "B";
    if (!analyse_bytes(name, a.positional[k], rules.lexicon, doc, error)) {
      std::cerr << error.format() << '\n';
      return kBadInput;
    }
    if (doc.statements.empty()) {
      std::cerr << name << ": error: no statement in the text\n";
      return kBadInput;
    }
    for (auto& s : doc.statements) {
      s.doc = static_cast<std::uint32_t>(k);
      std::cout << name << (doc.statements.size() > 1 ? std::to_string(s.index + 1) : "") << ": "
                << statement_json(s) << '\n';
      statements.push_back(std::move(s));
    }
    if (k == 0) count_a = statements.size();
  }
  AlignOptions align_options;
  align_options.min_score = 0;
  align_options.min_shared = 0;
  align_options.top_k = static_cast<std::uint32_t>(statements.size());
  align_options.lexicon = &rules.lexicon;
  const AlignIndex index(statements, {0, 1}, align_options);
  CompareOptions compare_options;
  compare_options.rules = &rules.rules;
  compare_options.lexicon = &rules.lexicon;
  std::optional<Finding> best;
  for (std::uint32_t i = 0; i < count_a; ++i) {
    for (std::uint32_t j = static_cast<std::uint32_t>(count_a); j < statements.size(); ++j) {
      Pair pair{i, j, 0.0, {}};
      for (const auto& p : index.pairs_for(i))
        if (p.b == j) pair = p;
      index.fill_anchors(pair);
      if (statements.size() > 2) std::cout << "-- A" << i + 1 << " x B" << j - count_a + 1 << '\n';
      std::cout << "alignment score: " << pair.score << "; shared:";
      for (const auto& anchor : pair.anchors) std::cout << ' ' << anchor;
      std::cout << '\n';
      for (const auto& line : explain_rules(statements[i], statements[j], pair, compare_options))
        std::cout << line << '\n';
      auto f = compare(statements[i], statements[j], pair, compare_options);
      if (f && (!best || (f->kind == Finding::Kind::kConflict && best->kind != f->kind)))
        best = std::move(f);
    }
  }
  if (best)
    std::cout << "finding: " << to_string(best->kind) << " " << best->type << " [" << best->rule
              << "] " << best->explanation << '\n';
  else
    std::cout << "finding: none\n";
  return kOk;
}

// ---- rules lint ------------------------------------------------------------------------

int cmd_rules(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "usage: crosscheck rules lint DIR...\n\n"
              << "Checks every *.toml under each DIR and prints every error as\n"
              << "file:line:col: error: message. Exit 0 when clean, 2 otherwise.\n";
    return args.empty() ? kBadInput : kOk;
  }
  if (args[0] != "lint") throw UsageError("unknown rules command '" + args[0] + "' (lint)");
  std::vector<std::string> dirs(args.begin() + 1, args.end());
  if (dirs.empty()) throw UsageError("rules lint needs a DIR");
  const LoadedRules rules = load_rules(dirs);
  print_diagnostics(rules.diagnostics);
  if (!rules.ok()) return kBadInput;
  std::cout << rules.rules.rules.size() << " rules, " << rules.lexicon.entity_aliases.size()
            << " entity aliases, " << rules.lexicon.predicate_class.size()
            << " predicate words: ok\n";
  return kOk;
}

// ---- the command table -----------------------------------------------------------------

struct Command {
  const char* name;
  const char* summary;
  std::function<int(const std::vector<std::string>&)> run;
};

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"run", "analyse corpora and write findings.csv and report.html", cmd_run},
      {"segment", "print a file's sentences and statements as JSON Lines", cmd_segment},
      {"explain", "show which rules fire on two sentences, and why", cmd_explain},
      {"rules", "rules lint DIR: check rule files", cmd_rules},
  };
  return table;
}

void print_usage(std::ostream& out) {
  out << "usage: crosscheck [--help] [--version] COMMAND [ARGS]\n\n"
      << "Finds where articles from different sources agree and conflict.\n\ncommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << '\n';
  out << "\n'crosscheck COMMAND --help' describes a command's options.\n"
      << "exit codes: 0 ok, 2 bad input or usage\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(std::cerr);
    return kBadInput;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    print_usage(std::cout);
    return kOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "crosscheck " << CROSSCHECK_VERSION << '\n';
    return kOk;
  }
  for (const auto& c : commands()) {
    if (args[0] != c.name) continue;
    try {
      return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const UsageError& e) {
      std::cerr << "crosscheck " << c.name << ": error: " << e.what() << "\n"
                << "try 'crosscheck " << c.name << " --help'\n";
      return kBadInput;
    } catch (const std::exception& e) {
      std::cerr << "crosscheck " << c.name << ": error: " << e.what() << '\n';
      return kBadInput;
    }
  }
  std::cerr << "crosscheck: error: unknown command '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return kBadInput;
}
