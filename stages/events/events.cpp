#include "events/events.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "crosscheck/calendar.hpp"

namespace crosscheck {

namespace {

// Ids in order of first appearance of each label.
std::vector<std::uint32_t> renumber(const std::vector<std::uint32_t>& labels) {
  std::map<std::uint32_t, std::uint32_t> ids;
  std::vector<std::uint32_t> out;
  out.reserve(labels.size());
  for (const auto l : labels) out.push_back(ids.emplace(l, ids.size()).first->second);
  return out;
}

// Unit TF-IDF vectors (1 + log tf) * log(N / df), as sorted (term id, weight) lists.
using Vector = std::vector<std::pair<std::uint32_t, double>>;
std::vector<Vector> tfidf(const std::vector<std::vector<std::string>>& terms) {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::map<std::uint32_t, int>> counts(terms.size());
  for (std::size_t d = 0; d < terms.size(); ++d)
    for (const auto& t : terms[d]) ++counts[d][ids.emplace(t, ids.size()).first->second];
  std::vector<int> df(ids.size(), 0);
  for (const auto& c : counts)
    for (const auto& [id, n] : c) ++df[id];
  const double n_docs = static_cast<double>(terms.size());
  std::vector<Vector> out(terms.size());
  for (std::size_t d = 0; d < terms.size(); ++d) {
    double norm = 0;
    for (const auto& [id, n] : counts[d]) {
      const double w = (1 + std::log(n)) * std::log(n_docs / df[id]);
      if (w <= 0) continue;
      out[d].emplace_back(id, w);
      norm += w * w;
    }
    for (auto& [id, w] : out[d]) w /= std::sqrt(norm);
  }
  return out;
}

double cosine(const Vector& x, const Vector& y) {
  double sum = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i].first < y[j].first)
      ++i;
    else if (y[j].first < x[i].first)
      ++j;
    else
      sum += x[i++].second * y[j++].second;
  }
  return sum;
}

bool disjoint(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  return !x.empty() && !y.empty() && shared_count(x, y) == 0;
}

// Two sets of times that cannot name one moment: each is dated from the text (a relative
// time is only as sure as the article's date) and no time of one meets a time of the other.
bool apart(const std::vector<TimeInterval>& x, const std::vector<TimeInterval>& y) {
  if (x.empty() || y.empty()) return false;
  for (const auto& a : x)
    for (const auto& b : y)
      if (a.relative || b.relative || a.overlaps(b)) return false;
  return true;
}

void add_name(const std::vector<Token>& tokens, const Role& role, std::vector<std::string>& out) {
  if (role.empty() || static_cast<std::size_t>(role.token) >= tokens.size()) return;
  if (tokens[static_cast<std::size_t>(role.token)].entity) out.push_back(role_text(tokens, role));
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Union-find over mention indexes, the smaller index as each set's root.
struct Sets {
  std::vector<std::uint32_t> parent;
  explicit Sets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t root(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::uint32_t a, std::uint32_t b) {
    a = root(a), b = root(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

EventMention mention_of(const Statement& s, std::uint32_t token, std::uint32_t doc,
                        const Lexicon& lexicon) {
  EventMention m;
  m.doc = doc;
  const Token& t = s.tokens[token];
  // a word of a name ("the Oscars", "a DUI") names the event by its own word, not the name
  m.key = lexicon.class_of(t.entity ? lemma_of(t.lower, lexicon) : t.lemma);
  m.repeat = !repeat_marker(s.tokens, token, lexicon.iterative).empty();
  m.report = lexicon.attribution_verbs.count(t.lemma) > 0;
  for (const Record& r : s.records) {
    if (r.token != token) continue;
    add_name(s.tokens, r.doer, m.doers);
    add_name(s.tokens, r.object, m.objects);
    m.places = argument_names(s, r);
    for (const auto i : r.times)
      if (i < s.times.size()) m.times.push_back(s.times[i]);
    break;
  }
  if (m.report && m.doers.empty()) {
    // a speaker is who says it, named or not ("police said"); a pronoun or a stop word
    // ("he", "it") names no one
    const std::int32_t d = doer_of(s.tokens, token);
    if (d >= 0 && s.tokens[static_cast<std::size_t>(d)].upos != Upos::kPron &&
        !s.tokens[static_cast<std::size_t>(d)].stop)
      m.doers.push_back(s.tokens[static_cast<std::size_t>(d)].lemma);
  }
  for (auto* v : {&m.doers, &m.objects, &m.places}) sort_unique(*v);
  return m;
}

std::vector<std::string> document_terms(const std::vector<Statement>& statements,
                                        std::optional<std::int32_t> written) {
  std::vector<std::string> out;
  for (const Statement& s : statements) {
    out.insert(out.end(), s.terms.begin(), s.terms.end());
    for (const auto& e : s.entities) out.push_back("@" + e);
    for (const auto& t : s.times)
      if (!t.relative) out.push_back("#" + value_at(t.first_day, DayRange::Grain::kYear));
  }
  if (written) out.push_back("#" + value_at(*written, DayRange::Grain::kYear));
  return out;
}

std::vector<std::uint32_t> group_documents(const std::vector<std::vector<std::string>>& terms,
                                           double link) {
  const std::size_t n = terms.size();
  const auto vectors = tfidf(terms);
  // Average-link agglomeration on a full similarity matrix (Lance-Williams update), always
  // joining the most similar pair, the lowest indexes first on ties.
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) sim[i][j] = sim[j][i] = cosine(vectors[i], vectors[j]);
  std::vector<std::size_t> size(n, 1);
  std::vector<bool> alive(n, true);
  std::vector<std::uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  for (;;) {
    double best = link;
    std::size_t bi = n, bj = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!alive[i]) continue;
      for (std::size_t j = i + 1; j < n; ++j)
        if (alive[j] && sim[i][j] >= best && (bi == n || sim[i][j] > best)) {
          best = sim[i][j];
          bi = i, bj = j;
        }
    }
    if (bi == n) break;
    for (std::size_t k = 0; k < n; ++k) {
      if (!alive[k] || k == bi || k == bj) continue;
      const double s = (size[bi] * sim[bi][k] + size[bj] * sim[bj][k]) / (size[bi] + size[bj]);
      sim[bi][k] = sim[k][bi] = s;
    }
    size[bi] += size[bj];
    alive[bj] = false;
    for (auto& l : label)
      if (l == bj) l = static_cast<std::uint32_t>(bi);
  }
  return renumber(label);
}

double predicate_nearness(const std::string& a, const std::string& b, const Lexicon& lexicon) {
  if (a == b) return 1;
  const auto r = lexicon.relation(a, b);
  if (!r) return 0;
  switch (*r) {
    case Relation::kSynonym:
    case Relation::kDerivation:
      return 0.9;  // "bought" / "purchase", "invasion" / "invaded"
    case Relation::kHypernym:
    case Relation::kHyponym:
      return 0.7;  // "murdered" / "killed": maybe one event
    case Relation::kEntails:
    case Relation::kEntailedBy:
      return 0.9;  // "killed" / "died": one event, two views
    case Relation::kPertainym:
      return 0;
  }
  return 0;
}

double same_event(const EventMention& a, const EventMention& b, const Lexicon& lexicon) {
  const double nearness = predicate_nearness(a.key, b.key, lexicon);
  if (nearness == 0) return 0;
  // a repeat is a later event of the kind: "was re-elected" is not the election
  if (a.repeat != b.repeat) return 0;
  // a report is as many events as its speakers: one saying is one only when both name the
  // same speaker ("police said" twice), never between two different or unnamed ones ("he
  // said")
  if ((a.report || b.report) &&
      (a.doers.empty() || b.doers.empty() || shared_count(a.doers, b.doers) == 0))
    return 0;
  if (disjoint(a.places, b.places) || disjoint(a.doers, b.doers) ||
      disjoint(a.objects, b.objects) || apart(a.times, b.times))
    return 0;
  // a named argument in common makes a looser relation one event: "Smith killed ..." /
  // "Smith murdered ..."
  const auto shares = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
    return shared_count(x, y) > 0;
  };
  if (shares(a.doers, b.doers) || shares(a.objects, b.objects) || shares(a.places, b.places))
    return std::min(1.0, nearness + 0.2);
  return nearness;
}

std::vector<std::uint32_t> cluster_events(const std::vector<EventMention>& mentions,
                                          const std::vector<std::uint32_t>& group,
                                          const Lexicon& lexicon, const EventOptions& options) {
  // Blocking: a mention meets only the mentions of its document group whose key is its
  // own or related to it in WordNet.
  std::map<std::pair<std::uint32_t, std::string>, std::vector<std::uint32_t>> by_key;
  for (std::uint32_t i = 0; i < mentions.size(); ++i)
    by_key[{group[mentions[i].doc], mentions[i].key}].push_back(i);
  // Two mentions whose score reaches the link tell one event, and so does every mention
  // joined to them so (single link: an event told in many articles is a chain of pairs).
  Sets sets(mentions.size());
  for (std::uint32_t i = 0; i < mentions.size(); ++i) {
    const auto& m = mentions[i];
    const std::uint32_t g = group[m.doc];
    std::vector<const std::string*> keys{&m.key};
    if (const auto it = lexicon.relations.find(m.key); it != lexicon.relations.end())
      for (const auto& [other, relation] : it->second) keys.push_back(&other);
    for (const std::string* key : keys) {
      const auto it = by_key.find({g, *key});
      if (it == by_key.end()) continue;
      for (const std::uint32_t j : it->second) {
        if (j <= i) continue;
        if (same_event(m, mentions[j], lexicon) >= options.mention_link) sets.join(i, j);
      }
    }
  }
  std::vector<std::uint32_t> roots(mentions.size());
  for (std::uint32_t i = 0; i < mentions.size(); ++i) roots[i] = sets.root(i);
  return renumber(roots);
}

}  // namespace crosscheck
