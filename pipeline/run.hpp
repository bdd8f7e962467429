// One run over one corpus: files -> ingest -> segment -> analyse inside a
// tbb::parallel_pipeline (serial reader, parallel work, serial in-order collector), then
// align and compare with TBB parallel loops, then a stable sort, so the result is the
// same whatever the thread count.
#pragma once

#include <functional>
#include <future>
#include <set>
#include <string>
#include <vector>

#include "align/align.hpp"
#include "analyse/analyse.hpp"
#include "crosscheck/core.hpp"
#include "events/events.hpp"
#include "ruleset/ruleset.hpp"
#include "syntax/syntax.hpp"

namespace crosscheck {

class AnalysisCache;

// How far a run has got, for a progress line: of the documents listed, those read and
// analysed (or taken from the cache) and those skipped, and the stage it is in.
struct Progress {
  std::size_t listed = 0;
  std::size_t done = 0;
  std::size_t skipped = 0;
  std::string_view stage;  // "analyse", "align", "compare", "events"
};

// The caps on one document's work, so that no input stalls a run or exhausts its memory:
// a bigger file is skipped with the reason, a longer sentence is cut with a warning
// (SegmentOptions::max_sentence_tokens), which also bounds a statement, a clause of one.
struct Limits {
  std::size_t max_document_bytes = std::size_t{4} << 20;  // --max-document-mb
  std::uint32_t max_sentence_tokens = 250;                // --max-sentence-tokens
};

struct RunOptions {
  const LoadedRules* rules = nullptr;  // required, already checked, or...
  // ...still being loaded by another thread when this is valid: the run waits for it only
  // where it needs the rules (a document the cache does not hold, then align and compare),
  // so reading the corpus and the cache overlaps the loading. A run whose rules turn out
  // not to load stops before aligning, with Corpus unfinished; the caller reports.
  std::shared_future<void> rules_pending;
  // The syntax model, decoded when first needed; required. Only a document the cache does
  // not hold needs it; a null model there means it did not load, and the document is
  // reported skipped.
  std::shared_future<std::shared_ptr<const SyntaxModel>> syntax;
  AlignOptions align;
  // The pairwise event model (models/events.toml) that groups statements into the events
  // the claim matrix shows; required.
  const EventModel* events = nullptr;
  Limits limits;
  // Told as documents come in and stages begin, from one thread at a time; optional.
  std::function<void(const Progress&)> progress;
  std::size_t tokens_per_thread = 4;  // documents in flight per thread
  // Fill Corpus::anchors, the shared terms of each aligned pair (aligned.csv lists them).
  // They are strings per pair, and need the align index kept to the end, so a run that
  // writes no aligned.csv leaves them empty.
  bool anchors = true;
  const AnalysisCache* cache = nullptr;  // documents' analyses to reuse and keep; optional
  // Changed-only: when `focus` is set, only the statements of the documents in focus are
  // aligned and compared with the rest of the corpus, so every pair, finding and claim
  // involves one of them. In focus: the documents `focus_paths` names (relative to the
  // corpus root), and, when `known` is set, every document whose content hash (SHA-256 of
  // its bytes, hex) it does not hold: new or edited since a baseline was taken.
  bool focus = false;
  std::vector<std::string> focus_paths;
  const std::set<std::string>* known = nullptr;
};

// What a run did, beside its result.
struct RunStats {
  std::size_t analysed = 0;                  // documents analysed in this run
  std::size_t from_cache = 0;                // documents whose analysis came from the cache
  std::size_t cache_damaged = 0;             // cache entries found damaged or foreign, and rebuilt
  std::vector<std::string> focus;            // the documents in focus, when focusing
  std::vector<std::string> document_hashes;  // by document index: SHA-256 of its bytes, hex
};

// The corpus folder's own name, also for "." or "corpus/": it names rules/<name> and
// out/<name>.
std::string corpus_name(const std::string& root);

// Analyses the corpus at `root`; diagnostics for refused documents land in corpus.skipped,
// problems with the corpus itself (missing folder, bad sources file) in `errors`.
Corpus run_corpus(const std::string& root, const RunOptions& options,
                  std::vector<Diagnostic>& errors, RunStats* stats = nullptr);

// The stages for one document in memory, used by `segment` and `explain`.
struct AnalysedDocument {
  Document document;
  std::vector<Sentence> sentences;
  std::vector<Statement> statements;
  std::string deferred_tokens;  // from the cache: the statements' words, not decoded yet
};
// With `sentence_input` the bytes are a sentence a user typed (explain), not a page: no
// short line of it is taken for page clutter ("A man is sleeping").
bool analyse_bytes(const std::string& path, std::string bytes, const Lexicon& lexicon,
                   const SyntaxModel& syntax, AnalysedDocument& out, Diagnostic& error,
                   bool sentence_input = false,
                   std::optional<std::int32_t> article_date = std::nullopt,
                   const Limits& limits = {});
// The analyse stage's options as the pipeline gives them: the parser, the time expression
// finder, the lexicon (both must outlive the options).
AnalyseOptions analyse_options(const Lexicon& lexicon, const SyntaxModel& syntax);
// The day of a sources.toml date (YYYY-MM-DD); none for "" or anything else.
std::optional<std::int32_t> article_day(const std::string& date);

}  // namespace crosscheck
