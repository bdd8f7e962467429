// align: statements -> pairs from different sources that share enough IDF-weighted
// content. Candidates come from an inverted index over anchor terms (content lemmas and
// canonical entities); terms in more statements than a cap are not anchors, so the work
// grows with the corpus, not with its square. The index is read-only once built, so
// callers may run pairs_for() on many statements at once.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct AlignOptions {
  double min_score = 0.05;          // cosine of IDF-weighted term vectors
  std::uint32_t min_shared = 2;     // shared terms
  std::uint32_t top_k = 30;         // best pairs kept per statement
  std::uint32_t max_posting = 200;  // terms in more statements than this are not anchors
  double predicate_weight = 2.0;    // a shared act counts more than a shared word
  double entity_weight = 1.0;
};

class AlignIndex {
 public:
  // `source_of_doc[d]` is the source number of document d; pairs only join different sources.
  AlignIndex(const std::vector<Statement>& statements, std::vector<std::uint32_t> source_of_doc,
             const AlignOptions& options);

  // The best pairs (at most top_k) of statement `a` with statements of other sources,
  // each with a < b. Pure: safe to call from several threads.
  std::vector<Pair> pairs_for(std::uint32_t a) const;

  double idf(const std::string& term) const;
  std::size_t size() const { return terms_.size(); }

 private:
  const std::vector<Statement>& statements_;
  std::vector<std::uint32_t> source_of_doc_;
  AlignOptions options_;
  std::unordered_map<std::string, std::uint32_t> term_id_;
  struct Weighted {
    std::uint32_t id;  // a term id in terms_, a statement index in postings_
    double weight;     // idf times the term's role weight in that statement
  };
  std::vector<double> idf_;                      // by term id
  std::vector<std::vector<Weighted>> terms_;     // statement -> its terms
  std::vector<double> norm_;                     // statement -> vector length
  std::vector<std::vector<Weighted>> postings_;  // term id -> statements holding it
};

// Sorted, deduplicated union of per-statement pairs: the stable output of alignment.
std::vector<Pair> merge_pairs(std::vector<std::vector<Pair>> per_statement);

// Serial convenience: every statement's pairs, merged.
std::vector<Pair> align(const std::vector<Statement>& statements,
                        const std::vector<std::uint32_t>& source_of_doc,
                        const AlignOptions& options = {});

}  // namespace crosscheck
