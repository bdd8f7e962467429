// The crosscheck command line: the command table, and the commands that look at single
// files or texts (segment, explain, rules lint). The corpus commands (run, baseline, check)
// are in cmd_corpus.cpp, what all commands share in cli.hpp. Parsing fills raw option
// structs (Boost.Program_options); each command resolves them and runs. Exit codes: 0 ok,
// 1 new conflicts in a check, 2 bad input or usage.
#include <boost/program_options.hpp>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "compare/compare.hpp"
#include "corpus_files.hpp"
#include "reports/reports.hpp"
#include "ruleset/ruleset.hpp"
#include "run.hpp"

#ifndef CROSSCHECK_VERSION
#define CROSSCHECK_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;
using namespace crosscheck;
using namespace crosscheck::cli;

namespace {
// ---- segment ---------------------------------------------------------------------------

// The statement as findings.jsonl shows it, plus what only the words tell: which are
// negated, and which are taken as acts, marked ! when denied and ? when hedged.
std::string statement_json(const Statement& s) {
  std::vector<std::string> negated, acts;
  for (const auto& t : s.tokens) {
    if (t.negated) negated.push_back(t.lower);
    if (t.verb) acts.push_back(t.lower + (t.negated ? "!" : "") + (t.hedged ? "?" : ""));
  }
  return "{" + statement_fields_json(s) + ",\"negated\":" + json_array(negated) +
         ",\"acts\":" + json_array(acts) + "}";
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
      {"baseline", "accept the conflicts a corpus has now, for check", cmd_baseline},
      {"check", "CI gate: exit 1 on conflicts that the baseline does not hold", cmd_check},
      {"segment", "print a file's sentences and statements as JSON Lines", cmd_segment},
      {"explain", "show which rules fire on two sentences, and why", cmd_explain},
      {"rules", "rules lint DIR: check rule files", cmd_rules},
      {"parse", "write files' sentences as CoNLL-U: tags, lemmas, dependency trees", cmd_parse},
      {"train-parser", "train the syntax model from UD treebanks", cmd_train_parser},
  };
  return table;
}

void print_usage(std::ostream& out) {
  out << "usage: crosscheck [--help] [--version] COMMAND [ARGS]\n\n"
      << "Finds where articles from different sources agree and conflict.\n\ncommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(14 - std::strlen(c.name), ' ') << c.summary << '\n';
  out << "\n'crosscheck COMMAND --help' describes a command's options.\n"
      << "exit codes: 0 ok, 1 new conflicts (check), 2 bad input or usage\n";
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
