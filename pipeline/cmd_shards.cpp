// The sharded run (shards.hpp): analyse (one shard of a corpus's documents), align (one
// part of its statements, against the whole corpus) and merge (the reports), for a corpus
// past one machine. docs/sharding.md shows them in a Slurm job array.
#include <tbb/global_control.h>

#include <iostream>

#include "cache.hpp"
#include "cli.hpp"
#include "corpus_files.hpp"
#include "events/events.hpp"
#include "mpi_run.hpp"
#include "reports/reports.hpp"
#include "shards.hpp"

namespace crosscheck::cli {
namespace fs = std::filesystem;

namespace {

struct ShardRaw {
  std::vector<std::string> inputs;  // the corpus (analyse) or the shard and part folders
  std::string slice;                // --shard or --part
  CorpusRaw corpus;                 // the options the corpus commands share
};

// Parses and checks; false after printing --help.
bool parse_shard_command(const std::vector<std::string>& args, ShardRaw& raw,
                         const std::string& name, const std::string& usage) {
  CorpusRaw& c = raw.corpus;
  po::options_description o(name + " options");
  o.add_options()("help,h", "show this help");
  if (name == "analyse")
    o.add_options()("shard", po::value(&raw.slice),
                    "I/N: analyse the documents of shard I of N (1 <= I <= N; a document's shard "
                    "comes from its path in the corpus)");
  if (name == "align")
    o.add_options()("part", po::value(&raw.slice),
                    "K/M: align and judge the statements of part K of M (a statement's index in "
                    "the corpus, modulo M)");
  o.add_options()("out", po::value(&c.out),
                  name == "merge" ? "folder of the reports (default: out/<corpus name>); they "
                                    "replace the previous set in one step"
                                  : "the folder to write (required); it replaces the previous "
                                    "one in one step");
  if (name == "merge")
    o.add_options()("format", po::value(&c.formats)->default_value("csv,html"),
                    "reports to write, as for run: csv, html, jsonl, sarif, pairs");
  o.add_options()("rules", po::value(&c.rules)->composing(),
                  "rules folder (repeatable; default: the bundled rules/en, and rules/<corpus "
                  "name> if the bundle has one); the shards' rules must be the same")(
      "model", po::value(&c.model),
      "the syntax model (default: the bundled models/en_ewt.model); the shards' must be the "
      "same");
  if (name == "merge")
    o.add_options()("event-model", po::value(&c.event_model),
                    "the pairwise event model (default: the bundled models/events.toml)")(
        "min-score", po::value(&c.min_score)->default_value(c.min_score, "0.15"),
        "as for run: alignment score from which two statements are aligned")(
        "top-k", po::value(&c.top_k)->default_value(c.top_k),
        "as for run: aligned statements a statement may have in each other document");
  if (name == "analyse")
    o.add_options()("cache", po::value(&c.cache)->default_value(kDefaultCache),
                    "folder of the analysis cache, as for run")(
        "no-cache", po::bool_switch(&c.no_cache), "analyse every document, read and keep no cache")(
        "max-document-mb", po::value(&c.max_document_mb)->default_value(c.max_document_mb),
        "as for run: a larger document file is skipped")(
        "max-sentence-tokens",
        po::value(&c.max_sentence_tokens)->default_value(c.max_sentence_tokens),
        "as for run: a longer sentence is cut, with a warning");
  o.add_options()("threads", po::value(&c.threads)->default_value(0),
                  "worker threads (0: all cores)")("quiet,q", po::bool_switch(&c.quiet),
                                                   "print nothing but errors")(
      name == "analyse" ? "corpus" : "input", po::value(&raw.inputs)->composing(), "inputs");
  po::positional_options_description pos;
  pos.add(name == "analyse" ? "corpus" : "input", -1);
  // crosscheck.toml as run reads it (analyse: in the corpus folder, or else here; align and
  // merge: here); run's settings this step does not take, and its --out, are not its own
  std::set<std::string> skipped{"out"};
  {
    CorpusRaw unused;
    const po::options_description run = corpus_options(unused, CorpusCommand::kRun);
    for (const auto& option : run.options())
      if (o.find_nothrow(option->long_name(), false) == nullptr)
        skipped.insert(option->long_name());
  }
  if (parse_with_config(args, o, pos, skipped).count("help")) {
    std::cout << usage << "\n\n" << shown(o, {"input", "corpus"}) << '\n';
    return false;
  }
  if (raw.inputs.empty())
    throw UsageError(name == "analyse" ? "analyse needs a CORPUS folder"
                                       : name + " needs the shard folders" +
                                             (name == "merge" ? " and the part folders" : ""));
  if (name == "analyse" && raw.inputs.size() > 1)
    throw UsageError("analyse takes one corpus folder");
  if (name != "merge" && c.out.empty()) throw UsageError("--out DIR is required");
  if (name != "merge" && !parse_slice(raw.slice))
    throw UsageError("--" + std::string(name == "analyse" ? "shard" : "part") +
                     " must be I/N with 1 <= I <= N, not '" + raw.slice + "'");
  if (c.threads < 0) throw UsageError("--threads must be 0 or more");
  if (c.top_k < 0) throw UsageError("--top-k must be 0 or more");
  if (c.max_document_mb < 1 || c.max_document_mb > 4096)
    throw UsageError("--max-document-mb must be from 1 to 4096");
  if (c.max_sentence_tokens < 10) throw UsageError("--max-sentence-tokens must be 10 or more");
  if (c.model.empty()) c.model = default_model_path();
  if (c.event_model.empty()) c.event_model = bundled("models/events.toml");
  return true;
}

std::vector<fs::path> folders_of(const ShardRaw& raw) {
  std::vector<fs::path> out;
  for (const auto& f : raw.inputs) {
    if (!fs::is_directory(f)) throw UsageError(f + " is not a folder");
    out.emplace_back(f);
  }
  return out;
}

// The rules, loaded before any work; null after printing their errors.
std::unique_ptr<RulesLoading> rules_or_report(const CorpusRaw& raw, const std::string& corpus) {
  auto rules = start_loading(raw.rules, corpus);
  if (!rules->get().ok()) {
    print_diagnostics(rules->get().diagnostics);
    return nullptr;
  }
  return rules;
}

}  // namespace

int analyse_step(const CorpusRaw& c, const std::string& root, Slice shard, const fs::path& out,
                 bool tell) {
  const auto model = start_loading_model(c.model);
  if (!model) return kBadInput;
  const auto rules = rules_or_report(c, corpus_name(root));
  if (!rules) return kBadInput;
  RunOptions run;
  run.rules = &rules->rules;
  run.syntax = model->model;
  run.limits.max_document_bytes = static_cast<std::size_t>(c.max_document_mb) << 20;
  run.limits.max_sentence_tokens = static_cast<std::uint32_t>(c.max_sentence_tokens);
  std::optional<AnalysisCache> cache;
  if (!c.no_cache) cache = open_cache(c.cache, cache_salt(*rules, *model, run.limits));
  if (cache) run.cache = &*cache;
  const Provenance made{program_version(), rules->fingerprint, model->fingerprint,
                        run.limits.max_sentence_tokens, run.limits.max_document_bytes};
  std::vector<Diagnostic> errors;
  ShardStats stats;
  try {
    stats = write_shard(root, run, shard, made, out, errors);
  } catch (const ShardError& e) {
    std::cerr << printable(e.what()) << '\n';
    return kBadInput;
  } catch (const std::exception& e) {  // the file system, the memory: said, not a crash
    std::cerr << "error: " << printable(e.what()) << '\n';
    return kBadInput;
  }
  if (!errors.empty()) {  // the corpus's own: every shard finds them, the first says them
    if (tell || shard.index == 1) print_diagnostics(errors);
    return kBadInput;
  }
  int status = stats.skipped.empty() ? kOk : kBadInput;
  if (!tell) return status;  // the merge tells what was skipped and cut
  for (const auto& s : stats.skipped) {
    Diagnostic d = s.reason;
    d.file = (fs::path(root) / s.path).string();
    std::cerr << printable(d.format()) << " (skipped)\n";
  }
  for (Diagnostic d : stats.warnings) {
    d.file = (fs::path(root) / d.file).string();
    std::cerr << printable(d.format()) << '\n';
  }
  if (!c.quiet)
    std::cout << corpus_name(root) << ": shard " << shard.index << " of " << shard.count << ": "
              << stats.documents << " of " << stats.listed << " documents (" << stats.from_cache
              << " from the cache), " << stats.skipped.size() << " skipped; wrote " << out.string()
              << '\n';
  return status;
}

int align_step(const CorpusRaw& c, const std::vector<fs::path>& folders, Slice part,
               const fs::path& out) {
  const auto model = start_loading_model(c.model);
  if (!model) return kBadInput;
  const auto rules = rules_or_report(c, shard_corpus_name(folders));
  if (!rules) return kBadInput;
  RunOptions run;
  run.rules = &rules->rules;
  try {
    const std::size_t pairs = write_part(
        folders, run, {program_version(), rules->fingerprint, model->fingerprint, 0}, part, out);
    if (!c.quiet)
      std::cout << "part " << part.index << " of " << part.count << ": " << pairs
                << " candidate pairs judged; wrote " << out.string() << '\n';
  } catch (const ShardError& e) {
    std::cerr << printable(e.what()) << '\n';
    return kBadInput;
  } catch (const std::exception& e) {  // the file system, the memory: said, not a crash
    std::cerr << "error: " << printable(e.what()) << '\n';
    return kBadInput;
  }
  return kOk;
}

int merge_step(const CorpusRaw& c, const std::vector<fs::path>& folders,
               std::size_t* merged_statements) {
  const auto formats = split_formats(c.formats);
  const auto model = start_loading_model(c.model);
  if (!model) return kBadInput;
  const std::string corpus = shard_corpus_name(folders);
  const auto rules = rules_or_report(c, corpus);
  if (!rules) return kBadInput;
  EventModel events;
  try {
    events = read_event_model(c.event_model);
  } catch (const std::runtime_error& e) {
    std::cerr << e.what() << '\n';
    return kBadInput;
  }
  const fs::path out =
      c.out.empty() ? fs::path("out") / (corpus.empty() ? "corpus" : corpus) : fs::path(c.out);
  if (const auto problem = report_folder_problem(out, report_file_names()); !problem.empty()) {
    std::cerr << "error: " << printable(problem) << '\n';
    return kBadInput;
  }
  RunOptions run;
  run.rules = &rules->rules;
  run.events = &events;
  run.align.aligned_min_score = c.min_score;
  run.align.aligned_top_k = static_cast<std::uint32_t>(c.top_k);
  run.anchors = std::find(formats.begin(), formats.end(), "pairs") != formats.end();
  Corpus merged;
  try {
    merged =
        merge_parts(folders, run, {program_version(), rules->fingerprint, model->fingerprint, 0});
  } catch (const ShardError& e) {
    std::cerr << printable(e.what()) << '\n';
    return kBadInput;
  } catch (const std::exception& e) {  // the file system, the memory: said, not a crash
    std::cerr << "error: " << printable(e.what()) << '\n';
    return kBadInput;
  }
  int status = kOk;
  report_corpus(merged.root, merged, status);
  if (int w = write_reports(merged, rules->rules, out, formats, c.quiet); w != kOk) return w;
  if (merged_statements != nullptr) *merged_statements = merged.statements.size();
  if (!c.quiet)
    std::cout << merged.name << ": " << merged.documents.size()
              << (merged.documents.size() == 1 ? " document, " : " documents, ")
              << findings_line(merged) << "; report: " << (out / "report.html").string() << '\n';
  return status;
}

int cmd_analyse(const std::vector<std::string>& args) {
  ShardRaw raw;
  if (!parse_shard_command(
          args, raw, "analyse",
          "usage: crosscheck analyse CORPUS --shard I/N --out DIR [options]\n\n"
          "The first step of a sharded run: analyses the documents of shard I of N and\n"
          "writes DIR (documents.bin, shard.toml, manifest.sha256), for `crosscheck align`\n"
          "and `crosscheck merge`. Their reports are the same as one `crosscheck run`'s.\n"
          "Exit 0, or 2 when a document of the shard was refused (the shard is still\n"
          "written, listing it) or on bad input."))
    return kOk;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, thread_count(raw.corpus));
  return analyse_step(raw.corpus, raw.inputs.front(), *parse_slice(raw.slice), raw.corpus.out,
                      true);
}

int cmd_align(const std::vector<std::string>& args) {
  ShardRaw raw;
  if (!parse_shard_command(
          args, raw, "align",
          "usage: crosscheck align SHARD-DIR... --part K/M --out DIR [options]\n\n"
          "The second step of a sharded run: reads every shard `crosscheck analyse` wrote,\n"
          "finds the candidate pairs of the statements of part K of M over the whole\n"
          "corpus, judges each by the rules and writes DIR (pairs.bin, part.toml,\n"
          "manifest.sha256) for `crosscheck merge`. Exit 0, or 2 when a shard is missing,\n"
          "damaged or made by other rules or another build (it says which), or on bad input."))
    return kOk;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, thread_count(raw.corpus));
  return align_step(raw.corpus, folders_of(raw), *parse_slice(raw.slice), raw.corpus.out);
}

int cmd_merge(const std::vector<std::string>& args) {
  ShardRaw raw;
  if (!parse_shard_command(
          args, raw, "merge",
          "usage: crosscheck merge SHARD-DIR... PART-DIR... [--out DIR] [options]\n\n"
          "The last step of a sharded run: reads every shard and every part, and writes\n"
          "the reports one `crosscheck run` of the corpus would have written, byte for\n"
          "byte. Exit 0; 2 when a document was refused (the reports list it), or when a\n"
          "shard or part is missing, damaged or foreign (it says which: make that one\n"
          "again), or on bad input."))
    return kOk;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, thread_count(raw.corpus));
  return merge_step(raw.corpus, folders_of(raw));
}

int run_mpi(const CorpusRaw& raw) {
  if (!mpi_available()) {
    std::cerr << "error: --mpi: this crosscheck was built without MPI (Open MPI's "
                 "libopenmpi-dev was not found when it was built)\n";
    return kBadInput;
  }
  if (raw.corpora.size() != 1) throw UsageError("--mpi runs one corpus at a time");
  if (!raw.changed.empty() || !raw.since.empty())
    throw UsageError("--mpi reports every finding: it takes no --changed or --since");
  const std::string& root = raw.corpora.front();
  CorpusRaw steps = raw;
  steps.quiet = true;  // rank 0's merge tells what the run did
  std::size_t statements = 0;
  const MpiSteps mpi{
      [&](Slice shard, const fs::path& out) {
        return analyse_step(steps, root, shard, out, false);
      },
      [&](Slice part, const std::vector<fs::path>& shards, const fs::path& out) {
        return align_step(steps, shards, part, out);
      },
      [&](const std::vector<fs::path>& folders) { return merge_step(raw, folders, &statements); }};
  const MpiResult result = run_under_mpi(mpi);
  if (result.rank == 0 && !raw.quiet)
    std::cout << "mpi: " << result.ranks << (result.ranks == 1 ? " rank, " : " ranks, ")
              << result.bytes_exchanged << " bytes exchanged ("
              << (statements == 0 ? 0 : result.bytes_exchanged / statements) << " per statement)\n";
  return result.status;
}

}  // namespace crosscheck::cli
