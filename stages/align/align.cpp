#include "align/align.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

namespace crosscheck {

namespace {

bool share_or_oppose_predicate(const Statement& a, const Statement& b, const Lexicon* lexicon) {
  for (const auto& x : a.predicates)
    for (const auto& y : b.predicates)
      if (x == y || (lexicon != nullptr && lexicon->opposed(x, y))) return true;
  return false;
}

bool times_overlap(const Statement& a, const Statement& b) {
  for (const auto& x : a.times)
    for (const auto& y : b.times)
      if (x.overlaps(y)) return true;
  return false;
}

}  // namespace

AlignIndex::AlignIndex(const std::vector<Statement>& statements,
                       std::vector<std::uint32_t> source_of_doc, const AlignOptions& options,
                       const std::vector<bool>* queried)
    : statements_(statements), source_of_doc_(std::move(source_of_doc)), options_(options) {
  // Term ids and document frequencies of every statement: IDF is corpus-wide.
  terms_.resize(statements.size());
  term_id_.reserve(statements.size() * 2);
  for (std::uint32_t s = 0; s < statements.size(); ++s) {
    terms_[s].reserve(statements[s].terms.size());
    for (const auto& term : statements[s].terms) {  // terms are unique per statement
      auto [it, added] = term_id_.try_emplace(term, static_cast<std::uint32_t>(df_.size()));
      if (added) df_.push_back(0);
      ++df_[it->second];
      terms_[s].push_back({it->second, 0.0});
    }
  }
  const double n = static_cast<double>(statements.size());
  idf_.resize(df_.size());
  for (std::size_t t = 0; t < df_.size(); ++t)
    idf_[t] = std::log(1.0 + n / static_cast<double>(df_[t]));
  // Postings of the terms that queries will look up, and the weights of the statements
  // they reach: all of them, or, with `queried`, those of the queried statements' terms
  // that are rare enough to be anchors.
  std::vector<char> needed(df_.size(), queried == nullptr);
  std::vector<char> weigh(statements.size(), queried == nullptr);
  if (queried != nullptr)
    for (std::uint32_t s = 0; s < statements.size(); ++s)
      if ((*queried)[s])
        for (const auto& t : terms_[s]) needed[t.id] = df_[t.id] <= options_.max_posting;
  postings_.resize(df_.size());
  for (std::size_t t = 0; t < df_.size(); ++t)
    if (needed[t]) postings_[t].reserve(df_[t]);
  for (std::uint32_t s = 0; s < statements.size(); ++s)
    for (const auto& t : terms_[s])
      if (needed[t.id]) {
        postings_[t.id].push_back({s, 0.0});
        weigh[s] = 1;
      }
  // Weights: IDF times the term's role in the statement (its act, an entity, a word).
  std::vector<std::uint32_t> filled(df_.size(), 0);
  norm_.resize(statements.size());
  for (std::uint32_t s = 0; s < statements.size(); ++s) {
    if (!weigh[s]) continue;
    const auto& predicates = statements[s].predicates;
    const auto& frame = statements[s].frame_terms;
    double sum = 0;
    for (std::size_t k = 0; k < terms_[s].size(); ++k) {
      const std::string& term = statements[s].terms[k];
      double role = term.starts_with("@") ? options_.entity_weight
                    : std::find(predicates.begin(), predicates.end(), term) != predicates.end()
                        ? options_.predicate_weight
                        : 1.0;
      if (std::binary_search(frame.begin(), frame.end(), term)) role *= options_.frame_weight;
      auto& w = terms_[s][k];
      w.weight = idf_[w.id] * role;
      if (needed[w.id]) postings_[w.id][filled[w.id]++].weight = w.weight;
      sum += w.weight * w.weight;
    }
    norm_[s] = std::sqrt(sum);
  }
}

double AlignIndex::evidence(std::uint32_t a, std::uint32_t b) const {
  const Statement& x = statements_[a];
  const Statement& y = statements_[b];
  double bonus = 0;
  if (share_or_oppose_predicate(x, y, options_.lexicon)) bonus += options_.bonus_predicate;
  if (times_overlap(x, y)) bonus += options_.bonus_time;
  const auto entities = std::min<std::size_t>(shared_count(x.entities, y.entities), 3);
  bonus += options_.bonus_entities * static_cast<double>(entities) / 3.0;
  if (!x.subject.empty() && x.subject == y.subject) bonus += options_.bonus_subject;
  return bonus;
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
    if (df_[t.id] > options_.max_posting) continue;  // too common to be an anchor
    const auto& posting = postings_[t.id];
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
    const double score = x.dot / (norm_[a] * norm_[b]) + evidence(a, b);
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
  out.shrink_to_fit();  // a run holds every statement's list until they are merged
  return out;
}

void AlignIndex::release_postings() {
  std::vector<std::vector<Weighted>>().swap(terms_);
  std::vector<std::vector<Weighted>>().swap(postings_);
  std::vector<double>().swap(norm_);
}

std::vector<Spelling> AlignIndex::anchors(const Pair& p) const {
  const auto& ta = statements_[p.a].terms;
  const auto& tb = statements_[p.b].terms;
  std::vector<Spelling> out;
  std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(out));
  std::erase_if(out, [&](const Spelling& term) {  // too common to have made the pair
    return df_[term_id_.at(term.view())] > options_.max_posting;
  });
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& x, const auto& y) { return idf(x) > idf(y); });
  return out;
}

std::vector<Pair> merge_pairs(std::vector<std::vector<Pair>> per_statement) {
  // Merged as bare (a, b, score): a third of a Pair, and each list is freed as it is
  // copied, so the lists and their union are never both held whole.
  struct Candidate {
    std::uint32_t a, b;
    double score;
  };
  std::size_t total = 0;
  for (const auto& v : per_statement) total += v.size();
  std::vector<Candidate> all;
  all.reserve(total);
  for (auto& v : per_statement) {
    for (const Pair& p : v) all.push_back({p.a, p.b, p.score});
    std::vector<Pair>().swap(v);
  }
  std::sort(all.begin(), all.end(), [](const Candidate& x, const Candidate& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  all.erase(
      std::unique(all.begin(), all.end(),
                  [](const Candidate& x, const Candidate& y) { return x.a == y.a && x.b == y.b; }),
      all.end());
  std::vector<Pair> out(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    out[i].a = all[i].a;
    out[i].b = all[i].b;
    out[i].score = all[i].score;
  }
  return out;
}

void rank_pairs(std::vector<Pair>& pairs, const std::vector<Statement>& statements) {
  // Each statement's pairs, as one flat array with offsets.
  std::vector<std::uint32_t> start(statements.size() + 1, 0);
  for (const auto& p : pairs) {
    ++start[p.a + 1];
    ++start[p.b + 1];
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::uint32_t> of(start.back());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::uint32_t i = 0; i < pairs.size(); ++i) {
    of[next[pairs[i].a]++] = i;
    of[next[pairs[i].b]++] = i;
  }
  for (std::uint32_t s = 0; s < statements.size(); ++s) {
    const auto other = [&](std::uint32_t i) { return pairs[i].a == s ? pairs[i].b : pairs[i].a; };
    const auto begin = of.begin() + start[s], end = of.begin() + start[s + 1];
    std::sort(begin, end, [&](std::uint32_t x, std::uint32_t y) {
      const std::uint32_t dx = statements[other(x)].doc, dy = statements[other(y)].doc;
      if (dx != dy) return dx < dy;
      if (pairs[x].score != pairs[y].score) return pairs[x].score > pairs[y].score;
      return other(x) < other(y);
    });
    std::uint32_t rank = 0;
    for (auto it = begin; it != end; ++it) {
      const bool new_document =
          it == begin || statements[other(*it)].doc != statements[other(*(it - 1))].doc;
      rank = new_document ? 1 : rank + 1;
      (pairs[*it].a == s ? pairs[*it].rank_a : pairs[*it].rank_b) = rank;
    }
  }
}

std::vector<std::uint32_t> select_aligned(const std::vector<Pair>& pairs,
                                          const std::vector<bool>& has_finding,
                                          const std::vector<Statement>& statements,
                                          const AlignOptions& options) {
  std::vector<bool> keep(has_finding);
  keep.resize(pairs.size(), false);
  // Competitive linking: best pairs first, each statement takes at most aligned_top_k
  // statements of each other document.
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < pairs.size(); ++i)
    if (pairs[i].score >= options.aligned_min_score) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (pairs[x].score != pairs[y].score) return pairs[x].score > pairs[y].score;
    return std::tie(pairs[x].a, pairs[x].b) < std::tie(pairs[y].a, pairs[y].b);
  });
  // One link counter per statement and other document, numbered by sorting the keys of
  // the pairs' two ends (a hash map of them took seconds on a million pairs).
  const auto key = [&](std::uint32_t s, std::uint32_t other) {
    return (std::uint64_t{s} << 32) | statements[other].doc;
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ends;  // key, end (2 per ordered pair)
  ends.reserve(order.size() * 2);
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const Pair& p = pairs[order[k]];
    ends.emplace_back(key(p.a, p.b), 2 * k);
    ends.emplace_back(key(p.b, p.a), 2 * k + 1);
  }
  std::sort(ends.begin(), ends.end());
  std::vector<std::uint32_t> counter_of(ends.size());
  std::uint32_t counters = 0;
  for (std::size_t e = 0; e < ends.size(); ++e) {
    if (e > 0 && ends[e].first != ends[e - 1].first) ++counters;
    counter_of[ends[e].second] = counters;
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>>().swap(ends);
  std::vector<std::uint32_t> links(counters + 1, 0);
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    auto& from_a = links[counter_of[2 * k]];
    auto& from_b = links[counter_of[2 * k + 1]];
    if (from_a >= options.aligned_top_k || from_b >= options.aligned_top_k) continue;
    ++from_a;
    ++from_b;
    keep[order[k]] = true;
  }
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < keep.size(); ++i)
    if (keep[i]) out.push_back(i);
  return out;
}

std::vector<Pair> align(const std::vector<Statement>& statements,
                        const std::vector<std::uint32_t>& source_of_doc,
                        const AlignOptions& options) {
  const AlignIndex index(statements, source_of_doc, options);
  std::vector<std::vector<Pair>> per(statements.size());
  for (std::uint32_t a = 0; a < statements.size(); ++a) per[a] = index.pairs_for(a);
  auto pairs = merge_pairs(std::move(per));
  rank_pairs(pairs, statements);
  return pairs;
}

}  // namespace crosscheck
