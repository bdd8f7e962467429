// One run over one corpus: files -> ingest -> segment -> analyse inside a
// tbb::parallel_pipeline (serial reader, parallel work, serial in-order collector), then
// align and compare with TBB parallel loops, then a stable sort, so the result is the
// same whatever the thread count.
#pragma once

#include <string>
#include <vector>

#include "align/align.hpp"
#include "crosscheck/core.hpp"
#include "ruleset/ruleset.hpp"

namespace crosscheck {

struct RunOptions {
  const LoadedRules* rules = nullptr;  // required, already checked
  AlignOptions align;
  std::size_t tokens_per_thread = 4;  // documents in flight per thread
};

// Analyses the corpus at `root`; diagnostics for refused documents land in corpus.skipped,
// problems with the corpus itself (missing folder, bad sources file) in `errors`.
Corpus run_corpus(const std::string& root, const RunOptions& options,
                  std::vector<Diagnostic>& errors);

// The stages for one document in memory, used by `segment` and `explain`.
struct AnalysedDocument {
  Document document;
  std::vector<Sentence> sentences;
  std::vector<Statement> statements;
};
bool analyse_bytes(const std::string& path, std::string bytes, const Lexicon& lexicon,
                   AnalysedDocument& out, Diagnostic& error);

}  // namespace crosscheck
