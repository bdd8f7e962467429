// The crosscheck command line: the command table, and the commands that look at single
// files or texts (segment, explain, rules lint). The corpus commands (run, baseline, check)
// are in cmd_corpus.cpp, what all commands share in cli.hpp. Parsing fills raw option
// structs (Boost.Program_options); each command resolves them and runs. Exit codes: 0 ok,
// 1 new conflicts in a check, 2 bad input or usage.
#include <boost/program_options.hpp>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
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

// A record as segment and explain print it: every field of the predication.
std::string record_json(const Statement& s, const Record& r) {
  auto role = [&](const Role& x) { return json_quote(role_text(s.tokens, x)); };
  std::string args;
  for (const Argument& a : r.arguments)
    args += std::string(args.empty() ? "" : ",") +
            "{\"relation\":" + json_quote(std::string(to_string(a.relation))) + ",\"prep\":" +
            json_quote(a.prep < 0 ? std::string()
                                  : s.tokens[static_cast<std::size_t>(a.prep)].lower.str()) +
            ",\"word\":" + role(a.word) + "}";
  std::vector<std::string> times, amounts;
  for (const std::uint32_t i : r.times) times.push_back(s.times[i].text);
  for (const std::uint32_t i : r.amounts) amounts.push_back(s.quantities[i].text);
  const Token& act = s.tokens[r.token];
  return "{\"act\":" + json_quote(act.lower) + ",\"lemma\":" + json_quote(act.lemma) +
         ",\"kind\":" + json_quote(std::string(to_string(r.kind))) +
         ",\"polarity\":" + json_quote(std::string(to_string(r.polarity))) +
         ",\"polarity_cue\":" + json_quote(std::string(polarity_cue(s, r))) +
         ",\"modality\":" + json_quote(std::string(to_string(r.modality))) +
         ",\"modality_cue\":" + json_quote(r.modality_cue) +
         ",\"speaker\":" + json_quote(speaker_of(s, r)) +
         ",\"frame\":" + json_quote(r.reported ? s.frame.str() : std::string()) +
         ",\"doer\":" + role(r.doer) + ",\"object\":" + role(r.object) + ",\"arguments\":[" + args +
         "],\"times\":" + json_array(times) + ",\"amounts\":" + json_array(amounts) + "}";
}

// The statement as findings.jsonl shows it, plus what only the words tell: which are
// negated, which are taken as acts (marked ! when denied and ? when not asserted), and its
// records, one per predication.
std::string statement_json(const Statement& s) {
  std::vector<std::string> negated, acts;
  std::string records;
  for (const Token& t : s.tokens)
    if (t.negated) negated.push_back(t.lower);
  for (const Record& r : s.records) {
    acts.push_back(s.tokens[r.token].lower + (r.polarity == Polarity::kNegative ? "!" : "") +
                   (r.modality != Modality::kAsserted ? "?" : ""));
    records += std::string(records.empty() ? "" : ",") + record_json(s, r);
  }
  return "{" + statement_fields_json(s) + ",\"negated\":" + json_array(negated) +
         ",\"acts\":" + json_array(acts) + ",\"records\":[" + records + "]}";
}

// The shared shape of `segment` and `explain`: --help, --rules DIR and positional words.
struct SimpleArgs {
  std::vector<std::string> positional;
  std::vector<std::string> rule_dirs;
  std::string corpus;  // load the rules a run of this corpus loads
  std::string model;
  bool help = false;
};

constexpr const char* kCorpusRulesHelp =
    "load the rules a run of this corpus folder loads: rules/en and rules/<its name> when "
    "the bundle has them (ignored with --rules)";

SimpleArgs parse_simple(const std::vector<std::string>& args, const std::string& command,
                        const char* positional_help, int count, const std::string& usage) {
  SimpleArgs out;
  po::options_description o(command + " options");
  o.add_options()("help,h", "show this help")("rules", po::value(&out.rule_dirs)->composing(),
                                              "rules folder (repeatable; default: rules/en, "
                                              "and rules/<corpus name> with --corpus)")(
      "corpus", po::value(&out.corpus), kCorpusRulesHelp)(
      "model", po::value(&out.model),
      "the syntax model (default: the bundled models/en_ewt.model)")(
      "input", po::value(&out.positional), positional_help);
  po::positional_options_description pos;
  pos.add("input", count);
  out.help = parse(args, o, pos).count("help") > 0;
  if (out.help) std::cout << usage << "\n\n" << shown(o);
  return out;
}

// The rules as a run of `corpus` loads them (or those given), saying which folders they are.
LoadedRules load_or_report(const std::vector<std::string>& given, const std::string& corpus) {
  const std::vector<std::string> dirs = rule_dirs(given, corpus.empty() ? "" : corpus_name(corpus));
  std::string list;
  for (const auto& d : dirs) list += (list.empty() ? "" : ", ") + d;
  std::cerr << "rules: " << printable(list) << '\n';
  LoadedRules rules = load_rules(dirs);
  print_diagnostics(rules.diagnostics);
  return rules;
}

int cmd_segment(const std::vector<std::string>& args) {
  const SimpleArgs a =
      parse_simple(args, "segment", "the text file to segment", 1,
                   "usage: crosscheck segment FILE [--rules DIR | --corpus DIR] [--model FILE]\n\n"
                   "Prints the file's sentences as JSON Lines: position (line, col, byte span in\n"
                   "the file), text, and the analysed statements (clauses) of each, with their\n"
                   "records: one per predication (act, kind, polarity and cue, modality and cue,\n"
                   "speaker and frame, doer, object, arguments, times, amounts). A file in a\n"
                   "corpus folder gets the rules `run` gives that corpus; which folders were\n"
                   "loaded goes to standard error.");
  if (a.help) return kOk;
  if (a.positional.size() != 1) throw UsageError("segment needs a FILE");
  const std::string& file = a.positional.front();
  const auto model = load_model_or_report(a.model.empty() ? default_model_path() : a.model);
  if (!model) return kBadInput;
  // a file in a corpus folder gets that corpus's rules, as `run` gives them
  const LoadedRules rules = load_or_report(
      a.rule_dirs, !a.corpus.empty() ? a.corpus : fs::path(file).parent_path().string());
  if (!rules.ok()) return kBadInput;
  std::string bytes;
  Diagnostic error;
  AnalysedDocument doc;
  if (!read_file(file, bytes, error) ||
      !analyse_bytes(file, std::move(bytes), rules.lexicon, *model, doc, error)) {
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

// The verdict on two texts as if from two sources: the best finding over their statements
// (a conflict before an agreement), or none. With `out`, every statement, pair score and
// rule's answer is printed on the way. False with `error` set when a text has no statement.
bool judge(const std::string& text_a, const std::string& text_b, const LoadedRules& rules,
           const SyntaxModel& model, std::ostream* out, std::optional<Finding>& best,
           std::string& error) {
  std::vector<Statement> statements;  // every statement of both texts; A's come first
  std::size_t count_a = 0;
  for (std::size_t k = 0; k < 2; ++k) {
    AnalysedDocument doc;
    Diagnostic d;
    const std::string name = k == 0 ? "A" : "B";
    if (!analyse_bytes(name, k == 0 ? text_a : text_b, rules.lexicon, model, doc, d, true)) {
      error = d.format();
      return false;
    }
    if (doc.statements.empty()) {
      error = name + ": error: no statement in the text";
      return false;
    }
    for (auto& s : doc.statements) {
      s.doc = static_cast<std::uint32_t>(k);
      if (out)
        *out << name << (doc.statements.size() > 1 ? std::to_string(s.index + 1) : "") << ": "
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
  best.reset();
  for (std::uint32_t i = 0; i < count_a; ++i) {
    for (std::uint32_t j = static_cast<std::uint32_t>(count_a); j < statements.size(); ++j) {
      Pair pair{i, j, 0.0};
      for (const auto& p : index.pairs_for(i))
        if (p.b == j) pair = p;
      const std::vector<Spelling> anchors = index.anchors(pair);
      if (out) {
        if (statements.size() > 2) *out << "-- A" << i + 1 << " x B" << j - count_a + 1 << '\n';
        *out << "alignment score: " << pair.score << "; shared:";
        for (const auto& anchor : anchors) *out << ' ' << anchor;
        *out << '\n';
        for (const auto& line : explain_rules(statements[i], statements[j], pair, compare_options))
          *out << line << '\n';
      }
      auto f = compare(statements[i], statements[j], pair, compare_options);
      if (f && (!best || f->kind < best->kind))  // conflicts, then disputes, then agreements
        best = std::move(f);
    }
  }
  return true;
}

// One flat JSON object a line: the string values of its keys (other values are skipped).
// Throws std::runtime_error on what is not such an object.
std::map<std::string, std::string> json_strings(std::string_view s) {
  std::map<std::string, std::string> out;
  std::size_t i = 0;
  auto ws = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(what + " at column " + std::to_string(i + 1));
  };
  auto string = [&] {
    if (i >= s.size() || s[i] != '"') fail("expected a string");
    ++i;
    std::string v;
    while (i < s.size() && s[i] != '"') {
      char c = s[i++];
      if (c != '\\') {
        v += c;
        continue;
      }
      if (i >= s.size()) fail("bad escape");
      c = s[i++];
      switch (c) {
        case 'n':
          v += '\n';
          break;
        case 't':
          v += '\t';
          break;
        case 'r':
          v += '\r';
          break;
        case 'b':
          v += '\b';
          break;
        case 'f':
          v += '\f';
          break;
        case 'u': {
          if (i + 4 > s.size()) fail("bad \\u escape");
          unsigned cp = std::stoul(std::string(s.substr(i, 4)), nullptr, 16);
          i += 4;
          if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
            const unsigned lo = std::stoul(std::string(s.substr(i + 2, 4)), nullptr, 16);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
          if (cp < 0x80)
            v += static_cast<char>(cp);
          else if (cp < 0x800)
            v += static_cast<char>(0xC0 | (cp >> 6)), v += static_cast<char>(0x80 | (cp & 0x3F));
          else if (cp < 0x10000)
            v += static_cast<char>(0xE0 | (cp >> 12)),
                v += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                v += static_cast<char>(0x80 | (cp & 0x3F));
          else
            v += static_cast<char>(0xF0 | (cp >> 18)),
                v += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                v += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                v += static_cast<char>(0x80 | (cp & 0x3F));
          break;
        }
        default:
          v += c;
      }
    }
    if (i >= s.size()) fail("unterminated string");
    ++i;
    return v;
  };
  auto skip_value = [&] {  // a number, true/false/null, or a nested array/object
    int depth = 0;
    bool in_string = false;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if (c == ']' || c == '}') {
        if (depth == 0) return;
        --depth;
      } else if (c == ',' && depth == 0) {
        return;
      }
    }
  };
  ws();
  if (i >= s.size() || s[i] != '{') fail("expected a JSON object");
  ++i;
  ws();
  if (i < s.size() && s[i] == '}') return out;
  while (true) {
    ws();
    std::string key = string();
    ws();
    if (i >= s.size() || s[i] != ':') fail("expected ':'");
    ++i;
    ws();
    if (i < s.size() && s[i] == '"')
      out[key] = string();
    else
      skip_value();
    ws();
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == '}') return out;
    fail("expected ',' or '}'");
  }
}

// explain --pairs FILE: one verdict a line for each line of FILE.
int explain_pairs(const std::string& file, const LoadedRules& rules, const SyntaxModel& model) {
  std::string bytes;
  Diagnostic d;
  if (!read_file(file, bytes, d)) {
    std::cerr << d.format() << '\n';
    return kBadInput;
  }
  int status = kOk;
  std::size_t line_no = 0;
  std::istringstream lines(bytes);
  for (std::string line; std::getline(lines, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string out = "{\"line\":" + std::to_string(line_no);
    try {
      const auto fields = json_strings(line);
      if (auto id = fields.find("id"); id != fields.end())
        out += ",\"id\":" + json_quote(id->second);
      const auto a = fields.count("premise") ? fields.find("premise") : fields.find("a");
      const auto b = fields.count("hypothesis") ? fields.find("hypothesis") : fields.find("b");
      if (a == fields.end() || b == fields.end())
        throw std::runtime_error(
            "needs \"premise\" and \"hypothesis\" (or \"a\" and \"b\") strings");
      std::optional<Finding> best;
      std::string error;
      if (!judge(a->second, b->second, rules, model, nullptr, best, error))
        throw std::runtime_error(error);
      if (best)
        out += ",\"kind\":" + json_quote(to_string(best->kind)) +
               ",\"type\":" + json_quote(best->type) + ",\"rule\":" + json_quote(best->rule) +
               ",\"confidence\":" + std::to_string(best->confidence) +
               ",\"explanation\":" + json_quote(best->explanation);
      else
        out += ",\"kind\":\"none\"";
    } catch (const std::exception& e) {
      std::cerr << file << ":" << line_no << ": error: " << e.what() << '\n';
      out += ",\"kind\":\"error\",\"error\":" + json_quote(e.what());
      status = kBadInput;
    }
    std::cout << out << "}\n";
  }
  return status;
}

int cmd_explain(const std::vector<std::string>& args) {
  SimpleArgs a;
  std::string pairs;
  po::options_description o("explain options");
  o.add_options()("help,h", "show this help")("rules", po::value(&a.rule_dirs)->composing(),
                                              "rules folder (repeatable; default: rules/en, "
                                              "and rules/<corpus name> with --corpus)")(
      "corpus", po::value(&a.corpus), kCorpusRulesHelp)(
      "model", po::value(&a.model), "the syntax model (default: the bundled models/en_ewt.model)")(
      "pairs", po::value(&pairs),
      "judge every line of this JSON Lines file ({\"premise\", \"hypothesis\"} or {\"a\", \"b\"}; "
      "an \"id\" is echoed) and print one JSON verdict a line")("input", po::value(&a.positional),
                                                                "the two sentences");
  po::positional_options_description pos;
  pos.add("input", 2);
  if (parse(args, o, pos).count("help")) {
    std::cout
        << "usage: crosscheck explain \"SENTENCE A\" \"SENTENCE B\" [--rules DIR | --corpus DIR] "
           "[--model FILE]\n"
           "       crosscheck explain --pairs FILE.jsonl [--rules DIR | --corpus DIR] [--model "
           "FILE]\n\n"
           "Analyses two sentences as if from two sources, prints their statements,\n"
           "features and records, what each rule says of each pair of statements, and the\n"
           "finding.\n"
           "With --pairs, judges many pairs in one process: for each input line, a line\n"
           "{\"line\", \"id\", \"kind\": conflict|dispute|agreement|none|error, \"type\", "
           "\"rule\",\n"
           "\"confidence\", \"explanation\"}. A bad line is reported and the others go on;\n"
           "the exit code is then 2. With --corpus DIR the rules are those `run` loads\n"
           "for that corpus; which folders were loaded goes to standard error.\n\n"
        << shown(o);
    return kOk;
  }
  if (!pairs.empty() && !a.positional.empty())
    throw UsageError("give two sentences or --pairs, not both");
  if (pairs.empty() && a.positional.size() != 2) throw UsageError("explain needs two sentences");
  const auto model = load_model_or_report(a.model.empty() ? default_model_path() : a.model);
  if (!model) return kBadInput;
  const LoadedRules rules = load_or_report(a.rule_dirs, a.corpus);
  if (!rules.ok()) return kBadInput;
  if (!pairs.empty()) return explain_pairs(pairs, rules, *model);
  std::optional<Finding> best;
  std::string error;
  if (!judge(a.positional[0], a.positional[1], rules, *model, &std::cout, best, error)) {
    std::cerr << error << '\n';
    return kBadInput;
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
      {"analyse", "sharded run, step 1: analyse one shard of a corpus (--shard I/N)", cmd_analyse},
      {"align", "sharded run, step 2: align and judge one part of the statements (--part K/M)",
       cmd_align},
      {"merge", "sharded run, step 3: merge shards and parts into run's reports", cmd_merge},
      {"segment", "print a file's sentences and statements as JSON Lines", cmd_segment},
      {"explain", "show which rules fire on two sentences, and why", cmd_explain},
      {"rules", "rules lint DIR: check rule files", cmd_rules},
      {"parse", "write files' sentences as CoNLL-U: tags, lemmas, dependency trees", cmd_parse},
      {"timex", "print files' time expressions as TIMEX3 values (JSON Lines)", cmd_timex},
      {"events", "group event mentions into events (for event-coreference gold)", cmd_events},
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
