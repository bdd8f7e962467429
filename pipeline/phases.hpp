// The phases of a corpus run, shared by run_corpus (one process) and the sharded commands
// (analyse, align, merge: shards.hpp), which do the same work in pieces and must come to
// the same bytes: analyse the listed files, lay the documents out, find the candidate
// pairs, then judge them and conclude (sieve, aligned pairs, events, findings per event).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "align/align.hpp"
#include "corpus_files.hpp"
#include "run.hpp"

namespace crosscheck::phases {

// One document travelling through the analysis; a failure travels with it.
struct Item {
  std::size_t listed = 0;  // its place in the corpus listing (CorpusListing::files)
  std::string path;        // relative to the corpus root
  std::string full_path;
  std::string bytes;
  bool ok = false;
  std::string content_hash;  // SHA-256 of the bytes, hex
  std::string date;          // its date in sources.toml ("" when undated or unlisted)
  bool cached = false;       // the analysis came from the cache
  bool damaged = false;      // the cache held a damaged entry for it
  Diagnostic error;
  AnalysedDocument analysed;
};

// Reads and analyses listing.files[i] for each i of `which` (ascending), several at once
// (RunOptions::tokens_per_thread), and hands each to `take` in that order, one at a time.
// A document's exception skips that document alone ("cannot analyse: ...").
void analyse_files(const std::string& root, const CorpusListing& listing,
                   const std::vector<std::size_t>& which, const RunOptions& options,
                   const std::function<void(std::unique_ptr<Item>)>& take);

// The rules, once loaded (see RunOptions::rules_pending).
const LoadedRules& rules_of(const RunOptions& options);

// Hands the heap's free pages back to the system (glibc's malloc_trim).
void release_free_pages();

// Words of a cached document's statements, decoded only when a pair needs them.
struct DeferredWords {
  std::uint32_t first = 0;  // the document's first statement in the corpus
  std::uint32_t count = 0;
  std::string bytes;  // empty: decoded (or analysed in this run)
};

// Takes one document's result in corpus order: a refusal into `skipped`, an analysis into
// `parts` (its source from `sources`, by path), to be laid out by flatten().
void collect(Corpus& corpus, std::unique_ptr<Item> item,
             const std::map<std::string, SourceMeta>& sources,
             std::vector<AnalysedDocument>& parts);
// The documents' sentences and statements, in document order, into the corpus-wide lists;
// then the corpus's indexes.
void flatten(Corpus& corpus, std::vector<AnalysedDocument>& parts,
             std::vector<DeferredWords>& words);
// Decodes the words of every document that a pair of corpus.pairs involves.
void decode_pair_words(Corpus& corpus, std::vector<DeferredWords>& words);
// Sorts the skipped documents by path, as every report lists them.
void sort_skipped(Corpus& corpus);

// Source numbers by document, so that two files of one outlet are never compared.
std::vector<std::uint32_t> source_numbers(const Corpus& corpus);
// The align options a run uses: the given ones with the rules' lexicon.
AlignOptions align_options(const RunOptions& options, const Lexicon& lexicon);
// The candidate pairs of the `aligning` statements (pairs_for of each), merged, unranked.
std::vector<Pair> candidates(const AlignIndex& index, const std::vector<std::uint32_t>& aligning);

// The finding of corpus.pairs[i] (ranked), or none; called from several threads at once.
using Judge = std::function<std::optional<Finding>(std::uint32_t pair)>;
// The rules' own judge: compare() on the pair's two statements.
Judge compare_judge(const Corpus& corpus, const LoadedRules& rules);

// Everything after the candidates (corpus.pairs, unranked): ranks them, decodes the words
// the pairs need, judges the pairs strongest first through the sieve, picks the aligned
// pairs, makes the events and the claim matrix, fills the anchors from `index` (when
// RunOptions::anchors; it may be empty otherwise) and lists the findings per event.
// `judge` is made once the words are decoded; `tell` hears of each stage begun.
// With `load_words`, `words` is not read: the judge needs no words (it reads findings made
// elsewhere), and the events read each statement's words a block at a time through it.
using StatementWords = std::function<void(std::uint32_t statement, Statement& into)>;
void conclude(Corpus& corpus, const RunOptions& options, const LoadedRules& rules,
              std::vector<DeferredWords>& words, const std::function<Judge()>& judge,
              std::optional<AlignIndex>& index,
              const std::function<void(std::string_view stage)>& tell = {},
              const StatementWords& load_words = {});

}  // namespace crosscheck::phases
