#include "events/events.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>
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

}  // namespace

TermVectors::TermVectors(const std::vector<std::vector<Spelling>>& lists)
    : TermVectors(lists.size(),
                  [&](std::size_t i) { return std::span<const Spelling>(lists[i]); }) {}

TermVectors::TermVectors(std::size_t count,
                         const std::function<std::span<const Spelling>(std::size_t)>& terms_of)
    : vectors_(count) {
  // Two passes over the lists, so that no list's counts are held past its own turn: the
  // term ids and document frequencies, then each list's weights.
  std::unordered_map<Spelling, std::uint32_t> ids;
  std::vector<std::uint32_t> df;
  std::vector<std::uint32_t> list;
  const auto ids_of = [&](std::size_t d, bool add) {
    list.clear();
    for (const Spelling& t : terms_of(d)) {
      auto it = ids.find(t);
      if (it == ids.end()) {
        if (!add) continue;
        it = ids.emplace(t, static_cast<std::uint32_t>(ids.size())).first;
        df.push_back(0);
      }
      list.push_back(it->second);
    }
    std::sort(list.begin(), list.end());
  };
  for (std::size_t d = 0; d < count; ++d) {
    ids_of(d, true);
    for (std::size_t k = 0; k < list.size(); ++k)
      if (k == 0 || list[k] != list[k - 1]) ++df[list[k]];
  }
  const double n_docs = static_cast<double>(count);
  std::vector<std::pair<std::uint32_t, double>> weights;
  for (std::size_t d = 0; d < count; ++d) {
    ids_of(d, false);
    weights.clear();
    double norm = 0;
    for (std::size_t k = 0; k < list.size();) {
      std::size_t n = 1;
      while (k + n < list.size() && list[k + n] == list[k]) ++n;
      const double w = (1 + std::log(static_cast<double>(n))) * std::log(n_docs / df[list[k]]);
      if (w > 0) {
        weights.emplace_back(list[k], w);
        norm += w * w;
      }
      k += n;
    }
    vectors_[d].reserve(weights.size());
    for (const auto& [id, w] : weights)
      vectors_[d].emplace_back(id, static_cast<float>(w / std::sqrt(norm)));
  }
}

double TermVectors::cosine(std::size_t a, std::size_t b) const {
  const auto& x = vectors_[a];
  const auto& y = vectors_[b];
  double sum = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i].first < y[j].first)
      ++i;
    else if (y[j].first < x[i].first)
      ++j;
    else
      sum += static_cast<double>(x[i++].second) * y[j++].second;
  }
  return sum;
}

namespace {

// Two names that can name one thing: one's words are all among the other's, ignoring
// case ("Navy" / "Indian Navy", "DeGeneres" / "Ellen DeGeneres").
bool compatible(const Spelling& a, const Spelling& b) {
  if (a == b) return true;
  const auto words = [](const Spelling& name) {
    std::vector<std::string> out;
    std::string w;
    for (const char c : name.str() + " ") {
      if (c == ' ') {
        if (!w.empty()) out.push_back(w);
        w.clear();
      } else {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto x = words(a), y = words(b);
  const auto& shorter = x.size() <= y.size() ? x : y;
  const auto& longer = x.size() <= y.size() ? y : x;
  return !shorter.empty() &&
         std::includes(longer.begin(), longer.end(), shorter.begin(), shorter.end());
}

bool shares(const std::vector<Spelling>& x, const std::vector<Spelling>& y) {
  for (const auto& a : x)
    for (const auto& b : y)
      if (compatible(a, b)) return true;
  return false;
}

bool disjoint(const std::vector<Spelling>& x, const std::vector<Spelling>& y) {
  return !x.empty() && !y.empty() && !shares(x, y);
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

void add_name(const std::vector<Token>& tokens, const Role& role, std::vector<Spelling>& out) {
  if (role.empty() || static_cast<std::size_t>(role.token) >= tokens.size()) return;
  if (tokens[static_cast<std::size_t>(role.token)].entity) out.push_back(role_text(tokens, role));
}

void sort_unique(std::vector<Spelling>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Average-link agglomeration on a full similarity matrix (Lance-Williams update), always
// joining the most similar pair of sets while it reaches `link`, the lowest indexes first
// on ties. The set of each item, numbered in order of first appearance.
std::vector<std::uint32_t> average_link(std::vector<std::vector<double>> sim, double link) {
  const std::size_t n = sim.size();
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

consteval std::size_t feature(std::string_view name) {
  for (std::size_t i = 0; i < kPairFeatures.size(); ++i)
    if (name == kPairFeatures[i]) return i;
  throw "no such pair feature";
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

std::optional<std::uint32_t> event_token(const Statement& s) {
  for (const Record& r : s.records)
    if (r.token < s.tokens.size()) return r.token;
  for (std::uint32_t k = 0; k < s.tokens.size(); ++k)
    if (s.tokens[k].verb) return k;
  return std::nullopt;
}

EventMention mention_of(const Statement& s, std::uint32_t token, std::uint32_t doc,
                        const Lexicon& lexicon) {
  EventMention m;
  m.doc = doc;
  m.sentence = s.sentence;
  m.context.assign(s.terms.begin(), s.terms.end());
  const Token& t = s.tokens[token];
  // a word of a name ("the Oscars", "a DUI") names the event by its own word, not the name
  m.lemma = t.entity ? Spelling(lemma_of(t.lower, lexicon)) : t.lemma;
  m.key = lexicon.class_of(m.lemma);
  m.noun = t.upos == Upos::kNoun || t.upos == Upos::kPropn;
  m.repeat = !repeat_marker(s.tokens, token, lexicon.iterative).empty();
  m.report = lexicon.attribution_verbs.count(t.lemma) > 0;
  for (const Record& r : s.records) {
    if (r.token != token) continue;
    add_name(s.tokens, r.doer, m.doers);
    add_name(s.tokens, r.object, m.objects);
    for (auto& name : argument_names(s, r)) m.places.emplace_back(name);
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
  for (std::uint32_t k = 0; k < s.tokens.size(); ++k) {
    const Token& d = s.tokens[k];
    if (d.head == static_cast<std::int32_t>(token) && !d.stop &&
        (d.upos == Upos::kNoun || d.upos == Upos::kPropn || d.upos == Upos::kNum))
      m.words.push_back(d.lemma);
  }
  for (auto* v : {&m.doers, &m.objects, &m.places, &m.words}) sort_unique(*v);
  return m;
}

std::vector<Spelling> document_terms(std::span<const Statement> statements,
                                     std::optional<std::int32_t> written) {
  std::vector<Spelling> out;
  for (const Statement& s : statements) {
    out.insert(out.end(), s.terms.begin(), s.terms.end());
    for (const auto& e : s.entities) out.emplace_back("@" + e.str());
    for (const auto& t : s.times)
      if (!t.relative) out.push_back("#" + value_at(t.first_day, DayRange::Grain::kYear));
  }
  if (written) out.push_back("#" + value_at(*written, DayRange::Grain::kYear));
  return out;
}

std::vector<std::uint32_t> group_documents(const std::vector<std::vector<Spelling>>& terms,
                                           double link) {
  const std::size_t n = terms.size();
  const TermVectors vectors(terms);
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) sim[i][j] = sim[j][i] = vectors.cosine(i, j);
  return average_link(std::move(sim), link);
}

bool told_apart(const EventMention& a, const EventMention& b) {
  // a repeat is a later event of the kind: "was re-elected" is not the election
  if (a.repeat != b.repeat) return true;
  // a report is as many events as its speakers: one saying is one only when both name the
  // same speaker ("police said" twice), never between two different or unnamed ones ("he
  // said")
  if ((a.report || b.report) && (a.doers.empty() || b.doers.empty() || !shares(a.doers, b.doers)))
    return true;
  return disjoint(a.places, b.places) || disjoint(a.doers, b.doers) ||
         disjoint(a.objects, b.objects) || apart(a.times, b.times);
}

bool same_event(const EventMention& a, const EventMention& b, Likeness likeness,
                const Lexicon& lexicon, const EventModel& model) {
  return !told_apart(a, b) &&
         probability(model, pair_features(a, b, likeness, lexicon)) >= model.link;
}

PairFeatures pair_features(const EventMention& a, const EventMention& b, Likeness likeness,
                           const Lexicon& lexicon) {
  PairFeatures f{};
  // f[feature("name")]: the index is found when compiled (a name not in kPairFeatures does
  // not compile), for a corpus run weighs a million pairs
  f[feature("bias")] = 1;
  bool related = true;
  if (a.lemma == b.lemma) {
    f[feature("same_lemma")] = 1;
  } else if (a.key == b.key) {
    f[feature("same_key")] = 1;
  } else if (lexicon.opposed(a.key, b.key)) {
    f[feature("antonym")] = 1;  // "won" / "lost": one game told from its two sides
  } else if (const auto r = lexicon.relation(a.key, b.key); r && *r != Relation::kPertainym) {
    switch (*r) {
      case Relation::kSynonym:
        f[feature("synonym")] = 1;
        break;
      case Relation::kDerivation:
        f[feature("derivation")] = 1;
        break;
      case Relation::kHypernym:
      case Relation::kHyponym:
        f[feature("hypernym")] = 1;
        break;
      default:
        f[feature("entailment")] = 1;
        break;
    }
  } else {
    related = false;
    // one stem by their spelling where WordNet has no link ("nominee" / "nominated"): a
    // common beginning of at least five letters and four fifths of the shorter lemma
    std::size_t common = 0;
    while (common < a.lemma.size() && common < b.lemma.size() && a.lemma[common] == b.lemma[common])
      ++common;
    f[feature("stem_prefix")] =
        common >= 5 && common * 5 >= std::min(a.lemma.size(), b.lemma.size()) * 4;
    // two steps apart in WordNet: "death" is a derivation of "die", which "kill" entails
    const auto a_rel = lexicon.relations.find(a.key);
    const auto b_rel = lexicon.relations.find(b.key);
    if (a_rel != lexicon.relations.end() && b_rel != lexicon.relations.end())
      for (const auto& [x, relation] : a_rel->second)
        if (relation != Relation::kPertainym && b_rel->second.count(x) > 0 &&
            b_rel->second.at(x) != Relation::kPertainym) {
          f[feature("related_twice")] = 1;
          break;
        }
  }
  const bool one_document = a.doc == b.doc;
  f[feature("same_document")] = one_document;
  f[feature("same_sentence")] = one_document && a.sentence == b.sentence;
  f[feature("shared_doer")] = shares(a.doers, b.doers);
  f[feature("shared_object")] = shares(a.objects, b.objects);
  f[feature("shared_place")] = shares(a.places, b.places);
  f[feature("shared_word")] = shares(a.words, b.words);
  f[feature("shared_word_unrelated")] = !related && shares(a.words, b.words);
  f[feature("times_meet")] = !a.times.empty() && !b.times.empty() && !apart(a.times, b.times);
  f[feature("context")] = likeness.context;
  f[feature("context_unrelated")] = related ? 0 : likeness.context;
  f[feature("document")] = one_document ? 1 : likeness.document;
  f[feature("lemma_document")] = a.lemma == b.lemma && !one_document ? likeness.document : 0;
  f[feature("noun_noun")] = a.noun && b.noun;
  f[feature("noun_verb")] = a.noun != b.noun;
  f[feature("report")] = a.report || b.report;
  return f;
}

double probability(const EventModel& model, const PairFeatures& features) {
  double z = 0;
  for (std::size_t i = 0; i < features.size(); ++i) z += model.weights[i] * features[i];
  return 1 / (1 + std::exp(-z));
}

std::vector<CandidatePair> candidate_pairs(const std::vector<EventMention>& mentions,
                                           const std::vector<std::vector<Spelling>>& documents,
                                           const std::vector<std::uint32_t>& group,
                                           const Lexicon& lexicon) {
  const TermVectors contexts(mentions.size(), [&](std::size_t i) {
    return std::span<const Spelling>(mentions[i].context);
  });
  const TermVectors document_vectors(documents);
  std::vector<CandidatePair> out;
  for (std::uint32_t i = 0; i < mentions.size(); ++i)
    for (std::uint32_t j = i + 1; j < mentions.size(); ++j) {
      const auto& a = mentions[i];
      const auto& b = mentions[j];
      if (group[a.doc] != group[b.doc] || told_apart(a, b)) continue;
      const Likeness likeness{contexts.cosine(i, j), document_vectors.cosine(a.doc, b.doc)};
      out.push_back({i, j, likeness, pair_features(a, b, likeness, lexicon)});
    }
  return out;
}

std::vector<std::uint32_t> link_events(
    const std::vector<const EventMention*>& mentions, std::size_t count,
    const std::function<std::optional<LinkCandidate>(std::size_t)>& candidate,
    const Lexicon& lexicon, const EventModel& model) {
  std::vector<char> linked(count, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 1024),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (auto k = r.begin(); k != r.end(); ++k) {
                        const auto c = candidate(k);
                        linked[k] = c && (c->known || same_event(*mentions[c->a], *mentions[c->b],
                                                                 c->likeness, lexicon, model));
                      }
                    });
  Sets sets(mentions.size());
  for (std::size_t k = 0; k < count; ++k)
    if (linked[k]) {
      const auto c = candidate(k);
      sets.join(c->a, c->b);
    }
  std::vector<std::uint32_t> roots(mentions.size());
  for (std::uint32_t i = 0; i < mentions.size(); ++i) roots[i] = sets.root(i);
  return renumber(roots);
}

std::vector<std::uint32_t> cluster_events(const std::vector<EventMention>& mentions,
                                          const std::vector<std::vector<Spelling>>& documents,
                                          const std::vector<std::uint32_t>& group,
                                          const Lexicon& lexicon, const EventModel& model) {
  const auto pairs = candidate_pairs(mentions, documents, group, lexicon);
  std::vector<const EventMention*> held;
  for (const auto& m : mentions) held.push_back(&m);
  return link_events(
      held, pairs.size(),
      [&](std::size_t k) {
        return std::optional<LinkCandidate>({pairs[k].a, pairs[k].b, pairs[k].likeness});
      },
      lexicon, model);
}

EventModel read_event_model(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto line = e.source().begin.line;  // 0 when the file cannot be read
    throw std::runtime_error(path + (line > 0 ? ":" + std::to_string(line) : std::string()) +
                             ": error: " + std::string(e.description()));
  }
  EventModel model;
  const auto link = root["link"].value<double>();
  const auto* weights = root["weights"].as_table();
  if (!link || weights == nullptr)
    throw std::runtime_error(path + ": error: an event model needs 'link' and a [weights] table");
  if (!(*link >= 0 && *link <= 1))
    throw std::runtime_error(path + ": error: 'link' is a probability, from 0 to 1");
  model.link = *link;
  for (const auto& [name, value] : *weights) {
    const auto* it = std::find(kPairFeatures.begin(), kPairFeatures.end(), name.str());
    const auto w = value.value<double>();
    if (it == kPairFeatures.end() || !w || !std::isfinite(*w))
      throw std::runtime_error(path + ": error: [weights] '" + std::string(name.str()) +
                               "' is no feature with a number");
    model.weights[static_cast<std::size_t>(it - kPairFeatures.begin())] = *w;
  }
  return model;
}

}  // namespace crosscheck
