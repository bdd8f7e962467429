#include "align/align.hpp"

#include <algorithm>
#include <cmath>

namespace crosscheck {

AlignIndex::AlignIndex(const std::vector<Statement>& statements,
                       std::vector<std::uint32_t> source_of_doc, const AlignOptions& options)
    : statements_(statements), source_of_doc_(std::move(source_of_doc)), options_(options) {
  terms_.resize(statements.size());
  for (std::uint32_t s = 0; s < statements.size(); ++s) {
    for (const auto& term : statements[s].terms) {
      auto [it, added] = term_id_.try_emplace(term, static_cast<std::uint32_t>(postings_.size()));
      if (added) postings_.emplace_back();
      postings_[it->second].push_back({s, 0.0});  // terms are unique per statement
      terms_[s].push_back({it->second, 0.0});
    }
  }
  const double n = static_cast<double>(statements.size());
  idf_.resize(postings_.size());
  for (std::size_t t = 0; t < postings_.size(); ++t)
    idf_[t] = std::log(1.0 + n / static_cast<double>(postings_[t].size()));
  // Weights: IDF times the term's role in the statement (its act, an entity, a word).
  std::vector<std::size_t> filled(postings_.size(), 0);
  norm_.resize(statements.size());
  for (std::uint32_t s = 0; s < statements.size(); ++s) {
    const auto& predicates = statements[s].predicates;
    double sum = 0;
    for (std::size_t k = 0; k < terms_[s].size(); ++k) {
      const std::string& term = statements[s].terms[k];
      const double role =
          term.starts_with("@") ? options_.entity_weight
          : std::find(predicates.begin(), predicates.end(), term) != predicates.end()
              ? options_.predicate_weight
              : 1.0;
      auto& w = terms_[s][k];
      w.weight = idf_[w.id] * role;
      postings_[w.id][filled[w.id]++].weight = w.weight;
      sum += w.weight * w.weight;
    }
    norm_[s] = std::sqrt(sum);
  }
}

double AlignIndex::idf(const std::string& term) const {
  const auto it = term_id_.find(term);
  return it == term_id_.end() ? 0.0 : idf_[it->second];
}

std::vector<Pair> AlignIndex::pairs_for(std::uint32_t a) const {
  struct Acc {
    double dot = 0;
    std::uint32_t shared = 0;
  };
  // One accumulator per thread, cleared between calls: its buckets are reused.
  thread_local std::unordered_map<std::uint32_t, Acc> acc;
  acc.clear();
  const std::uint32_t source_a = source_of_doc_[statements_[a].doc];
  for (const auto& t : terms_[a]) {
    const auto& posting = postings_[t.id];
    if (posting.size() > options_.max_posting) continue;  // too common to be an anchor
    for (const auto& b : posting) {
      if (b.id == a || source_of_doc_[statements_[b.id].doc] == source_a) continue;
      auto& x = acc[b.id];
      x.dot += t.weight * b.weight;
      ++x.shared;
    }
  }
  std::vector<Pair> out;
  for (const auto& [b, x] : acc) {
    if (x.shared < options_.min_shared || norm_[a] == 0 || norm_[b] == 0) continue;
    const double score = x.dot / (norm_[a] * norm_[b]);
    if (score < options_.min_score) continue;
    Pair p;
    p.a = std::min(a, b);
    p.b = std::max(a, b);
    p.score = score;
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const Pair& x, const Pair& y) {
    return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  if (out.size() > options_.top_k) out.resize(options_.top_k);
  // The anchors: shared terms, rarest first, for the report.
  for (auto& p : out) {
    const auto& ta = statements_[p.a].terms;
    const auto& tb = statements_[p.b].terms;
    std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(),
                          std::back_inserter(p.anchors));
    std::erase_if(p.anchors, [&](const std::string& term) {  // too common to have made the pair
      return postings_[term_id_.at(term)].size() > options_.max_posting;
    });
    std::stable_sort(p.anchors.begin(), p.anchors.end(),
                     [&](const auto& x, const auto& y) { return idf(x) > idf(y); });
  }
  return out;
}

std::vector<Pair> merge_pairs(std::vector<std::vector<Pair>> per_statement) {
  std::vector<Pair> all;
  for (auto& v : per_statement)
    for (auto& p : v) all.push_back(std::move(p));
  std::sort(all.begin(), all.end(),
            [](const Pair& x, const Pair& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const Pair& x, const Pair& y) { return x.a == y.a && x.b == y.b; }),
            all.end());
  return all;
}

std::vector<Pair> align(const std::vector<Statement>& statements,
                        const std::vector<std::uint32_t>& source_of_doc,
                        const AlignOptions& options) {
  const AlignIndex index(statements, source_of_doc, options);
  std::vector<std::vector<Pair>> per(statements.size());
  for (std::uint32_t a = 0; a < statements.size(); ++a) per[a] = index.pairs_for(a);
  return merge_pairs(std::move(per));
}

}  // namespace crosscheck
