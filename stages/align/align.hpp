// align: statements -> pairs from different sources that share enough IDF-weighted
// content. Candidates come from an inverted index over anchor terms (content lemmas and
// canonical entities); terms in more statements than a cap are not anchors, so the work
// grows with the corpus, not with its square. The index is read-only once built, so
// callers may run pairs_for() on many statements at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

struct AlignOptions {
  // Candidates: what the rules look at.
  double min_score = 0.05;          // score (below) of a candidate pair
  std::uint32_t min_shared = 2;     // shared terms
  std::uint32_t top_k = 30;         // best candidates kept per statement
  std::uint32_t max_posting = 200;  // terms in more statements than this are not anchors
  double predicate_weight = 2.0;    // a shared act counts more than a shared word
  double entity_weight = 1.0;
  double frame_weight = 0.5;  // a term said only in who-says-it ("historians say that")
  // The score is the cosine of IDF-weighted term vectors plus these evidence bonuses.
  double bonus_predicate = 0.05;  // the two share a predicate class, or have opposed ones
  double bonus_time = 0.1;        // their times overlap
  double bonus_entities = 0.1;    // times the share of up to three shared entities
  double bonus_subject = 0.05;    // the same doer
  // Aligned pairs: the candidates taken to speak of the same event.
  double aligned_min_score = 0.15;   // a candidate needs this score...
  std::uint32_t aligned_top_k = 1;   // ...and is linked: links per statement and document
  const Lexicon* lexicon = nullptr;  // for opposed predicate classes; optional
};

class AlignIndex {
 public:
  // `source_of_doc[d]` is the source number of document d; pairs only join different sources.
  // With `queried`, pairs_for() may be called only for the statements it marks: the index
  // then holds postings for their terms alone (IDF stays corpus-wide), which is what a
  // check of one new article needs.
  AlignIndex(const std::vector<Statement>& statements, std::vector<std::uint32_t> source_of_doc,
             const AlignOptions& options, const std::vector<bool>* queried = nullptr);

  // The best pairs (at most top_k) of statement `a` with statements of other sources,
  // each with a < b, without anchors. Pure: safe to call from several threads.
  std::vector<Pair> pairs_for(std::uint32_t a) const;

  // The shared terms that made pair p, rarest first. Kept apart from pairs_for() because a
  // large corpus has millions of candidates and only the aligned ones are shown.
  std::vector<Spelling> anchors(const Pair& p) const;
  // Frees what only pairs_for() reads (each statement's weighted terms, the postings),
  // keeping what anchors() and idf() read; pairs_for() and evidence() must not be called
  // after. Half the index's memory, which a run keeps to the end for the anchors.
  void release_postings();

  double idf(const std::string& term) const;
  // The score's evidence beyond shared terms: predicate classes, times, entities, doer.
  double evidence(std::uint32_t a, std::uint32_t b) const;
  std::size_t size() const { return terms_.size(); }

 private:
  const std::vector<Statement>& statements_;
  std::vector<std::uint32_t> source_of_doc_;
  AlignOptions options_;
  // Keys view the statements' own term strings, which outlive the index.
  std::unordered_map<std::string_view, std::uint32_t> term_id_;
  struct Weighted {
    std::uint32_t id;  // a term id in terms_, a statement index in postings_
    double weight;     // idf times the term's role weight in that statement
  };
  std::vector<std::uint32_t> df_;                // by term id: statements holding it
  std::vector<double> idf_;                      // by term id
  std::vector<std::vector<Weighted>> terms_;     // statement -> its terms
  std::vector<double> norm_;                     // statement -> vector length
  std::vector<std::vector<Weighted>> postings_;  // term id -> statements holding it
};

// Sorted, deduplicated union of per-statement pairs: the stable output of alignment.
std::vector<Pair> merge_pairs(std::vector<std::vector<Pair>> per_statement);

// Sets each pair's rank_a and rank_b: where b ranks among a's pairs with statements of b's
// document, by score, and the other way round.
void rank_pairs(std::vector<Pair>& pairs, const std::vector<Statement>& statements);

// The candidates that are aligned: those a rule found something on (`has_finding[i]`), and
// those that competitive linking picks: taken best score first (down to aligned_min_score),
// a pair is linked while each of its statements has fewer than aligned_top_k links with
// the other's document. With the default 1, each statement is aligned with at most one
// statement of each other document, as in sentence alignment. Indexes into `pairs`,
// ascending.
std::vector<std::uint32_t> select_aligned(const std::vector<Pair>& pairs,
                                          const std::vector<bool>& has_finding,
                                          const std::vector<Statement>& statements,
                                          const AlignOptions& options);

// Serial convenience: every statement's pairs, merged and ranked.
std::vector<Pair> align(const std::vector<Statement>& statements,
                        const std::vector<std::uint32_t>& source_of_doc,
                        const AlignOptions& options = {});

}  // namespace crosscheck
