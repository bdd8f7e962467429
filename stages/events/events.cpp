#include "events/events.hpp"

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

// Two names that can name one thing: one's words are all among the other's, ignoring
// case ("Navy" / "Indian Navy", "DeGeneres" / "Ellen DeGeneres").
bool compatible(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const auto words = [](const std::string& name) {
    std::vector<std::string> out;
    std::string w;
    for (const char c : name + " ") {
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

bool shares(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  for (const auto& a : x)
    for (const auto& b : y)
      if (compatible(a, b)) return true;
  return false;
}

bool disjoint(const std::vector<std::string>& x, const std::vector<std::string>& y) {
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

void add_name(const std::vector<Token>& tokens, const Role& role, std::vector<std::string>& out) {
  if (role.empty() || static_cast<std::size_t>(role.token) >= tokens.size()) return;
  if (tokens[static_cast<std::size_t>(role.token)].entity) out.push_back(role_text(tokens, role));
}

void sort_unique(std::vector<std::string>& v) {
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
  m.sentence = s.sentence;
  m.context.assign(s.terms.begin(), s.terms.end());
  const Token& t = s.tokens[token];
  // a word of a name ("the Oscars", "a DUI") names the event by its own word, not the name
  m.lemma = t.entity ? lemma_of(t.lower, lexicon) : t.lemma.str();
  m.key = lexicon.class_of(m.lemma);
  m.noun = t.upos == Upos::kNoun || t.upos == Upos::kPropn;
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
  for (std::uint32_t k = 0; k < s.tokens.size(); ++k) {
    const Token& d = s.tokens[k];
    if (d.head == static_cast<std::int32_t>(token) && !d.stop &&
        (d.upos == Upos::kNoun || d.upos == Upos::kPropn || d.upos == Upos::kNum))
      m.words.push_back(d.lemma);
  }
  for (auto* v : {&m.doers, &m.objects, &m.places, &m.words}) sort_unique(*v);
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
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) sim[i][j] = sim[j][i] = cosine(vectors[i], vectors[j]);
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
  const auto set = [&f](std::string_view name, double value) {
    for (std::size_t i = 0; i < kPairFeatures.size(); ++i)
      if (name == kPairFeatures[i]) f[i] = value;
  };
  set("bias", 1);
  bool related = true;
  if (a.lemma == b.lemma) {
    set("same_lemma", 1);
  } else if (a.key == b.key) {
    set("same_key", 1);
  } else if (lexicon.opposed(a.key, b.key)) {
    set("antonym", 1);  // "won" / "lost": one game told from its two sides
  } else if (const auto r = lexicon.relation(a.key, b.key); r && *r != Relation::kPertainym) {
    switch (*r) {
      case Relation::kSynonym:
        set("synonym", 1);
        break;
      case Relation::kDerivation:
        set("derivation", 1);
        break;
      case Relation::kHypernym:
      case Relation::kHyponym:
        set("hypernym", 1);
        break;
      default:
        set("entailment", 1);
        break;
    }
  } else {
    related = false;
    // one stem by their spelling where WordNet has no link ("nominee" / "nominated"): a
    // common beginning of at least five letters and four fifths of the shorter lemma
    std::size_t common = 0;
    while (common < a.lemma.size() && common < b.lemma.size() && a.lemma[common] == b.lemma[common])
      ++common;
    set("stem_prefix", common >= 5 && common * 5 >= std::min(a.lemma.size(), b.lemma.size()) * 4);
    // two steps apart in WordNet: "death" is a derivation of "die", which "kill" entails
    const auto a_rel = lexicon.relations.find(a.key);
    const auto b_rel = lexicon.relations.find(b.key);
    if (a_rel != lexicon.relations.end() && b_rel != lexicon.relations.end())
      for (const auto& [x, r] : a_rel->second)
        if (r != Relation::kPertainym && b_rel->second.count(x) > 0 &&
            b_rel->second.at(x) != Relation::kPertainym) {
          set("related_twice", 1);
          break;
        }
  }
  const bool one_document = a.doc == b.doc;
  set("same_document", one_document);
  set("same_sentence", one_document && a.sentence == b.sentence);
  set("shared_doer", shares(a.doers, b.doers));
  set("shared_object", shares(a.objects, b.objects));
  set("shared_place", shares(a.places, b.places));
  set("shared_word", shares(a.words, b.words));
  set("shared_word_unrelated", !related && shares(a.words, b.words));
  set("times_meet", !a.times.empty() && !b.times.empty() && !apart(a.times, b.times));
  set("context", likeness.context);
  set("context_unrelated", related ? 0 : likeness.context);
  set("document", one_document ? 1 : likeness.document);
  set("lemma_document", a.lemma == b.lemma && !one_document ? likeness.document : 0);
  set("noun_noun", a.noun && b.noun);
  set("noun_verb", a.noun != b.noun);
  set("report", a.report || b.report);
  return f;
}

double probability(const EventModel& model, const PairFeatures& features) {
  double z = 0;
  for (std::size_t i = 0; i < features.size(); ++i) z += model.weights[i] * features[i];
  return 1 / (1 + std::exp(-z));
}

std::vector<CandidatePair> candidate_pairs(const std::vector<EventMention>& mentions,
                                           const std::vector<std::vector<std::string>>& documents,
                                           const std::vector<std::uint32_t>& group,
                                           const Lexicon& lexicon) {
  std::vector<std::vector<std::string>> contexts;
  contexts.reserve(mentions.size());
  for (const auto& m : mentions) contexts.push_back(m.context);
  const auto vectors = tfidf(contexts);
  const auto document_vectors = tfidf(documents);
  std::vector<CandidatePair> out;
  for (std::uint32_t i = 0; i < mentions.size(); ++i)
    for (std::uint32_t j = i + 1; j < mentions.size(); ++j) {
      const auto& a = mentions[i];
      const auto& b = mentions[j];
      if (group[a.doc] != group[b.doc] || told_apart(a, b)) continue;
      const Likeness likeness{cosine(vectors[i], vectors[j]),
                              cosine(document_vectors[a.doc], document_vectors[b.doc])};
      out.push_back({i, j, pair_features(a, b, likeness, lexicon)});
    }
  return out;
}

std::vector<std::uint32_t> cluster_events(const std::vector<EventMention>& mentions,
                                          const std::vector<std::vector<std::string>>& documents,
                                          const std::vector<std::uint32_t>& group,
                                          const Lexicon& lexicon, const EventModel& model) {
  // Two mentions the model holds likely enough to tell one event join, and so does every
  // mention joined to them so (single link: an event told in many articles is a chain of
  // pairs; average link, tried on the dev topics, splits it)
  Sets sets(mentions.size());
  for (const auto& p : candidate_pairs(mentions, documents, group, lexicon))
    if (probability(model, p.features) >= model.link) sets.join(p.a, p.b);
  std::vector<std::uint32_t> roots(mentions.size());
  for (std::uint32_t i = 0; i < mentions.size(); ++i) roots[i] = sets.root(i);
  return renumber(roots);
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
