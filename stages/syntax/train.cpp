// Training a syntax model from a UD treebank: the tokeniser's exceptions and the lemma
// tables are counted from the training file; the tagger and the parser are averaged
// perceptrons (Collins 2002), the parser trained with the arc-eager dynamic oracle of
// Goldberg & Nivre (2012) on jackknifed tags. Dev decides how many epochs each keeps.
// Deterministic: the only randomness is a seeded generator of our own.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck {
namespace {

using namespace detail;

struct Rng {  // splitmix64: the same sequence on every platform
  std::uint64_t state;
  std::uint64_t next() { return mix(state += 0x9E3779B97F4A7C15ULL); }
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};

template <class T>
void shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.next() % i]);
}

// An averaged perceptron's table: the current weights, their running sums, and when each
// was last brought up to date.
struct TrainTable {
  Table current;
  std::vector<double> total;
  std::vector<std::uint32_t> stamp;
  std::uint32_t time = 0;

  void resize(std::uint32_t bits, std::uint32_t classes) {
    current.resize(bits, classes);
    total.assign(current.w.size(), 0.0);
    stamp.assign(current.w.size(), 0);
  }
  void touch(std::size_t i, float delta) {
    total[i] += static_cast<double>(time - stamp[i]) * current.w[i];
    stamp[i] = time;
    current.w[i] += delta;
  }
  void update(const std::uint64_t* f, int n, int truth, int guess) {
    ++time;
    if (truth == guess) return;
    adjust(f, n, truth, 1.0f);
    adjust(f, n, guess, -1.0f);
  }
  // Moves class `c`'s weights of the features by `delta`, within the current instance.
  void adjust(const std::uint64_t* f, int n, int c, float delta) {
    for (int k = 0; k < n; ++k) touch(current.row(f[k]) * current.classes + c, delta);
  }
  Table averaged() const {
    Table t = current;
    if (time == 0) return t;
    for (std::size_t i = 0; i < t.w.size(); ++i)
      t.w[i] = static_cast<float>((total[i] + static_cast<double>(time - stamp[i]) * current.w[i]) /
                                  time);
    return t;
  }
};

std::string lower(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == "\xE2\x80\x99" || s.substr(i, 3) == "\xE2\x80\x98") {
      out += '\'';
      i += 3;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
    }
  }
  return out;
}

// ---- what is counted from the treebank --------------------------------------------------

TokenizerData learn_tokenizer(const std::vector<ConlluSentence>& train) {
  TokenizerData d;
  std::map<std::string, int> abbreviations, hyphenated, clitics, plain, fused, symbols,
      hyphen_shapes;
  std::map<std::string, std::vector<std::uint8_t>> lengths;
  for (const ConlluSentence& s : train) {
    std::vector<bool> in_token(s.words.size(), false);
    for (const auto& t : s.tokens) {
      for (int i = t.first; i <= t.last && i <= static_cast<int>(s.words.size()); ++i)
        in_token[i - 1] = true;
      const std::string surface = lower(t.form);
      std::string joined;
      std::vector<std::uint8_t> lens;
      for (int i = t.first; i <= t.last && i <= static_cast<int>(s.words.size()); ++i) {
        const std::string w = lower(s.words[i - 1].form);
        joined += w;
        lens.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(w.size(), 255)));
      }
      if (joined != surface) continue;  // a fused form whose words are not its letters
      ++fused[surface];
      lengths[surface] = lens;
      const std::string last = lower(s.words[t.last - 1].form);
      if (t.last == t.first + 1 && (last.starts_with("'") || last == "n't")) ++clitics[last];
    }
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      if (in_token[i]) continue;
      const std::string& f = s.words[i].form;
      ++plain[lower(f)];
      const bool letters =
          std::any_of(f.begin(), f.end(), [](unsigned char c) { return std::isalpha(c); });
      if (f.size() >= 2 && f.back() == '.' && letters &&
          std::all_of(f.begin(), f.end(),
                      [](unsigned char c) { return std::isalpha(c) || c == '.'; }))
        ++abbreviations[f];
      if (f.size() >= 2 && std::none_of(f.begin(), f.end(), [](unsigned char c) {
            return std::isalnum(c) || c >= 0x80;
          }))
        ++symbols[f];
      const auto h = f.find('-');
      if (h != std::string::npos && h > 0 && h + 1 < f.size() &&
          std::all_of(f.begin(), f.end(),
                      [](unsigned char c) { return std::isalpha(c) || c == '-'; }))
        ++hyphenated[lower(f)];
      if (h != std::string::npos && h > 0 && h + 1 < f.size() &&
          std::all_of(f.begin(), f.end(),
                      [](unsigned char c) { return std::isdigit(c) || c == '-'; }))
        ++hyphen_shapes[shape_of(f)];
    }
  }
  for (const auto& [f, n] : abbreviations)
    if (n >= 2) d.abbreviations.insert(f);
  for (const auto& [f, n] : hyphenated)
    if (n >= 2) d.hyphenated.insert(f);
  for (const auto& [f, n] : hyphen_shapes)
    if (n >= 2) d.hyphen_shapes.insert(f);
  for (const auto& [f, n] : symbols)
    if (n >= 2) d.symbols.insert(f);
  d.finish();
  for (const auto& [c, n] : clitics)
    if (n >= 5) d.clitics.push_back(c);
  std::sort(d.clitics.begin(), d.clitics.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  for (const auto& [surface, n] : fused) {
    const auto p = plain.find(surface);
    if (p != plain.end() && p->second >= n) continue;  // mostly one word ("its")
    const auto& lens = lengths[surface];
    const bool by_clitic =
        lens.size() == 2 &&
        std::find(d.clitics.begin(), d.clitics.end(), surface.substr(lens[0])) != d.clitics.end();
    if (!by_clitic) d.splits[surface] = lens;
  }
  return d;
}

LemmaData learn_lemmas(const std::vector<ConlluSentence>& train) {
  LemmaData d;
  std::map<std::string, std::map<std::string, int>> by_form;  // lower\ttag -> lemma counts
  std::map<std::string, std::map<std::pair<int, std::string>, int>> by_end;
  for (const ConlluSentence& s : train)
    for (const Word& w : s.words) {
      if (w.lemma.empty() || w.lemma == "_") continue;
      const std::string low = lower(w.form), tag(to_string(w.upos));
      ++by_form[low + '\t' + tag][w.lemma];
      const std::string lem = lower(w.lemma);
      std::size_t p = 0;
      while (p < low.size() && p < lem.size() && low[p] == lem[p]) ++p;
      const int cut = static_cast<int>(low.size() - p);
      if (cut > 4 || w.upos == Upos::kPropn) continue;
      for (std::size_t n = std::max<std::size_t>(1, cut); n <= 4 && n <= low.size(); ++n)
        ++by_end[tag + '\t' + low.substr(low.size() - n)][{cut, lem.substr(p)}];
    }
  for (const auto& [key, counts] : by_end) {
    const auto best =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second >= 3)
      d.rules[key] = {static_cast<std::uint8_t>(best->first.first), best->first.second};
  }
  for (const auto& [key, counts] : by_form) {
    const auto best =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto tab = key.find('\t');
    Upos tag;
    upos_from(std::string_view(key).substr(tab + 1), tag);
    const std::string form = key.substr(0, tab);
    LemmaData rules_only;
    rules_only.rules = d.rules;
    if (lemma_of(rules_only, form, tag) != best->first) d.forms[key] = best->first;
  }
  return d;
}

TagSets learn_tag_sets(const std::vector<ConlluSentence>& train) {
  std::map<std::string, std::pair<int, std::uint32_t>> seen;
  for (const ConlluSentence& s : train)
    for (const Word& w : s.words) {
      auto& [count, mask] = seen[lower(w.form)];
      ++count;
      mask |= 1u << static_cast<int>(w.upos);
    }
  TagSets sets;
  for (const auto& [form, v] : seen)
    if (v.first >= 2) sets[form] = v.second;
  return sets;
}

std::unordered_map<std::string, int> learn_tag_dictionary(
    const std::vector<ConlluSentence>& train) {
  std::map<std::string, std::array<int, kUposCount>> counts;
  for (const ConlluSentence& s : train)
    for (const Word& w : s.words) ++counts[w.form][static_cast<int>(w.upos)];
  std::unordered_map<std::string, int> dict;
  for (const auto& [form, c] : counts) {
    int total = 0, best = 0;
    for (int t = 0; t < kUposCount; ++t) {
      total += c[t];
      if (c[t] > c[best]) best = t;
    }
    if (total >= 20 && c[best] >= 0.995 * total) dict[form] = best;
  }
  return dict;
}

// ---- sentence boundaries ----------------------------------------------------------------

// Paragraphs as the raw text has them (sentences joined by a space; '# newpar' and
// '# newdoc' start a new one), tokenised, with the words after which a sentence ends.
struct Paragraph {
  std::vector<Word> words;
  std::vector<bool> ends;
  std::vector<int> tags;  // from a tagger that did not see the paragraph
};

// `of[i]`: the paragraph of sentence i.
std::vector<Paragraph> paragraphs(const std::vector<ConlluSentence>& sentences,
                                  const SyntaxModel& m, std::vector<int>& of) {
  std::vector<Paragraph> out;
  of.clear();
  std::string text;
  std::vector<std::uint32_t> ends;
  auto flush = [&] {
    if (text.empty()) return;
    Paragraph p;
    p.words = tokenize_ud(text, m);
    for (const Word& w : p.words)
      p.ends.push_back(std::binary_search(ends.begin(), ends.end(), w.span.end));
    out.push_back(std::move(p));
    text.clear();
    ends.clear();
  };
  for (const ConlluSentence& s : sentences) {
    const bool starts = std::any_of(s.comments.begin(), s.comments.end(), [](const std::string& c) {
      return c.starts_with("newpar") || c.starts_with("newdoc");
    });
    if (starts) flush();
    of.push_back(static_cast<int>(out.size()));
    if (!text.empty()) text += ' ';
    text += s.text;
    ends.push_back(static_cast<std::uint32_t>(text.size()));
  }
  flush();
  return out;
}

// Boundary F1 of the splitter on `dev`, and training on `train` when `table` is given.
double splitter_pass(const std::vector<Paragraph*>& ps, const TagSets& sets, const Table& model,
                     TrainTable* table) {
  std::uint64_t f[kMaxFeatures];
  float scores[2];
  std::size_t tp = 0, fp = 0, fn = 0;
  for (const Paragraph* p : ps) {
    const Atoms a = atoms_of(p->words, sets);
    int since = 0;
    bool verb = false;
    for (std::size_t i = 0; i + 1 < p->words.size(); ++i) {
      verb = verb || p->tags[i] == static_cast<int>(Upos::kVerb) ||
             p->tags[i] == static_cast<int>(Upos::kAux);
      const int n = boundary_features(a, p->words, p->tags, static_cast<int>(i), since, verb, f);
      const Table& t = table ? table->current : model;
      t.score(f, n, scores);
      const int guess = scores[1] > scores[0] ? 1 : 0, gold = p->ends[i] ? 1 : 0;
      if (table) table->update(f, n, gold, guess);
      tp += guess && gold;
      fp += guess && !gold;
      fn += !guess && gold;
      since = guess ? 0 : since + 1;
      if (guess) verb = false;
    }
  }
  return tp ? 200.0 * tp / (2.0 * tp + fp + fn) : 0;
}

Table train_splitter(const SyntaxModel& m, std::vector<Paragraph>& tp, std::vector<Paragraph>& dp,
                     Rng& rng, const TrainOptions& options) {
  std::vector<Paragraph*> order, dev_order;
  for (auto& p : tp) order.push_back(&p);
  for (auto& p : dp) dev_order.push_back(&p);
  TrainTable table;
  table.resize(options.splitter_bits, 2);
  Table best;
  double best_f1 = -1;
  int kept = 0;
  for (int e = 0; e < options.splitter_epochs; ++e) {
    shuffle(order, rng);
    splitter_pass(order, m.tag_sets, table.current, &table);
    const Table avg = table.averaged();
    const double f1 = splitter_pass(dev_order, m.tag_sets, avg, nullptr);
    if (options.progress)
      options.progress("splitter epoch " + std::to_string(e + 1) + ": dev boundary F1 " +
                       std::to_string(f1));
    if (f1 > best_f1 || !options.select) {
      best_f1 = f1;
      best = avg;
      kept = e + 1;
    }
  }
  if (options.progress) options.progress("splitter: kept epoch " + std::to_string(kept));
  return best;
}

// ---- the tagger -----------------------------------------------------------------------

void tagger_epoch(TrainTable& table, const SyntaxModel& m,
                  const std::vector<const ConlluSentence*>& order) {
  std::uint64_t f[kMaxFeatures];
  float scores[kUposCount];
  for (const ConlluSentence* s : order) {
    const Atoms a = atoms_of(s->words, m.tag_sets);
    std::vector<int> tags(s->words.size(), 0);
    for (std::size_t i = 0; i < s->words.size(); ++i) {
      const int gold = static_cast<int>(s->words[i].upos);
      if (auto it = m.tag_dictionary.find(s->words[i].form); it != m.tag_dictionary.end()) {
        tags[i] = it->second;
        continue;
      }
      const int n = tagger_features(a, tags, static_cast<int>(i), f);
      table.current.score(f, n, scores);
      const int guess = argmax(scores, kUposCount);
      table.update(f, n, gold, guess);
      tags[i] = guess;
    }
  }
}

double tag_accuracy(const SyntaxModel& m, const std::vector<ConlluSentence>& dev) {
  std::size_t right = 0, all = 0;
  for (const ConlluSentence& s : dev) {
    const auto tags = tag_words(m, atoms_of(s.words, m.tag_sets), s.words);
    for (std::size_t i = 0; i < tags.size(); ++i, ++all)
      right += tags[i] == static_cast<int>(s.words[i].upos);
  }
  return all ? 100.0 * right / all : 0;
}

// Trains the tagger into m.tagger: for `epochs`, or with dev the best of up to `epochs`,
// whose number it puts in `best_epochs`.
void train_tagger(SyntaxModel& m, const std::vector<const ConlluSentence*>& train,
                  const std::vector<ConlluSentence>* dev, int epochs, Rng& rng, int& best_epochs,
                  const TrainOptions& options) {
  TrainTable table;
  table.resize(options.tagger_bits, kUposCount);
  std::vector<const ConlluSentence*> order = train;
  Table best;
  double best_acc = -1;
  for (int e = 0; e < epochs; ++e) {
    shuffle(order, rng);
    tagger_epoch(table, m, order);
    if (!dev) continue;
    m.tagger = table.averaged();
    const double acc = tag_accuracy(m, *dev);
    if (options.progress)
      options.progress("tagger epoch " + std::to_string(e + 1) + ": dev UPOS " +
                       std::to_string(acc));
    if (acc > best_acc || !options.select) {
      best_acc = acc;
      best = m.tagger;
      best_epochs = e + 1;
    }
  }
  if (dev && options.progress)
    options.progress("tagger: kept epoch " + std::to_string(best_epochs));
  m.tagger = dev ? std::move(best) : table.averaged();
}

// Tags for every training sentence from taggers that did not see it (k folds).
using Jackknifed = std::unordered_map<const ConlluSentence*, std::vector<int>>;

// Folds go by paragraph (`of`), and each fold's paragraphs are tagged too, for the splitter.
Jackknifed jackknife(SyntaxModel& m, const std::vector<ConlluSentence>& train,
                     const std::vector<int>& of, std::vector<Paragraph>& paras, int folds,
                     int epochs, Rng& rng, const TrainOptions& options) {
  const Table keep = m.tagger;
  Jackknifed out;
  for (int k = 0; k < folds; ++k) {
    std::vector<const ConlluSentence*> rest;
    for (std::size_t i = 0; i < train.size(); ++i)
      if (of[i] % folds != k || folds == 1) rest.push_back(&train[i]);
    int unused = 0;
    train_tagger(m, rest, nullptr, epochs, rng, unused, options);
    for (std::size_t i = 0; i < train.size(); ++i)
      if (of[i] % folds == k)
        out[&train[i]] = tag_words(m, atoms_of(train[i].words, m.tag_sets), train[i].words);
    for (std::size_t p = k; p < paras.size(); p += folds)
      paras[p].tags = tag_words(m, atoms_of(paras[p].words, m.tag_sets), paras[p].words);
    if (options.progress)
      options.progress("jackknife fold " + std::to_string(k + 1) + "/" + std::to_string(folds) +
                       " tagged");
  }
  m.tagger = keep;
  return out;
}

// ---- the parser -----------------------------------------------------------------------

bool projective(const std::vector<Word>& words) {
  const int n = static_cast<int>(words.size());
  for (int i = 1; i <= n; ++i) {
    const int h = words[i - 1].head, lo = std::min(i, h), hi = std::max(i, h);
    for (int k = lo + 1; k < hi; ++k) {
      // every word between a head and its dependent descends from the head
      int x = k, steps = 0;
      while (x != 0 && x != h && steps++ <= n) x = words[x - 1].head;
      if (x != h) return false;
    }
  }
  return true;
}

// The arc-eager dynamic oracle: how many gold arcs a move makes unreachable.
int cost(const ParseState& s, int move, const std::vector<int>& gh) {
  const int b = s.front, s0 = s.stack.back();
  int c = 0;
  auto reachable_from_stack = [&](int k) { return !(k == 0 && s.root_taken); };
  switch (move) {
    case kShift:
      for (int k : s.stack) {
        if (gh[b] == k && reachable_from_stack(k)) ++c;
        if (k != 0 && gh[k] == b && s.head[k] < 0) ++c;
      }
      break;
    case kRight:
      for (int k : s.stack) {
        if (k != s0 && gh[b] == k && reachable_from_stack(k)) ++c;
        if (k != 0 && gh[k] == b && s.head[k] < 0) ++c;
      }
      for (int k = b + 1; k <= s.n; ++k)
        if (gh[b] == k) ++c;
      break;
    case kLeft:
      for (int k = b; k <= s.n; ++k) {
        if (k != b && gh[s0] == k) ++c;
        if (gh[k] == s0) ++c;
      }
      break;
    case kReduce:
      for (int k = b; k <= s.n; ++k)
        if (gh[k] == s0) ++c;
      break;
  }
  return c;
}

struct ParserData {
  const ConlluSentence* sentence;
  std::vector<int> tags;           // jackknifed
  std::vector<int> heads, labels;  // 1-based; [0] unused
};

void parser_epoch(TrainTable& trans, TrainTable& lab, const TagSets& sets,
                  std::vector<ParserData*>& order, int root_label, bool explore, Rng& rng) {
  std::uint64_t f[kMaxFeatures], lf[kMaxFeatures];
  float scores[kTransitions];
  std::vector<float> lscores(lab.current.classes);
  for (ParserData* p : order) {
    const Atoms a = atoms_of(p->sentence->words, sets);
    const ParseInput in = parse_input(a, p->tags);
    ParseState s(static_cast<int>(p->sentence->words.size()));
    while (!s.done()) {
      const int n = transition_features(in, s, f);
      trans.current.score(f, n, scores);
      bool allowed[kTransitions];
      int costs[kTransitions];
      int min_cost = std::numeric_limits<int>::max();
      for (int t = 0; t < kTransitions; ++t) {
        allowed[t] = s.can(t);
        costs[t] = allowed[t] ? cost(s, t, p->heads) : std::numeric_limits<int>::max();
        min_cost = std::min(min_cost, costs[t]);
      }
      bool zero[kTransitions];
      for (int t = 0; t < kTransitions; ++t) zero[t] = allowed[t] && costs[t] == min_cost;
      const int guess = argmax(scores, kTransitions, allowed);
      const int best_zero = argmax(scores, kTransitions, zero);
      trans.update(f, n, best_zero, zero[guess] ? best_zero : guess);
      // after the first epoch, follow the model's own choice (right or wrong) nine times in
      // ten, so that it learns to act well in the states its mistakes lead to
      const int move = explore && rng.uniform() < 0.9 ? guess : best_zero;
      int arc_label = -1;
      if (move == kLeft || move == kRight) {
        const int h = move == kLeft ? s.front : s.stack.back();
        const int d = move == kLeft ? s.stack.back() : s.front;
        if (h == 0) {
          arc_label = root_label;
        } else {
          const int k = label_features(in, s, h, d, lf);
          lab.current.score(lf, k, lscores.data());
          int pl = -1;
          for (int l = 0; l < static_cast<int>(lscores.size()); ++l)
            if (l != root_label && (pl < 0 || lscores[l] > lscores[pl])) pl = l;
          if (p->heads[d] == h && p->labels[d] != root_label) {
            lab.update(lf, k, p->labels[d], pl);
            arc_label = p->labels[d];
          } else {
            arc_label = pl;
          }
        }
      }
      s.apply(move, arc_label);
    }
  }
}

struct Attachment {
  double uas = 0, las = 0;
};

Attachment attachment(const SyntaxModel& m, const std::vector<ConlluSentence>& dev) {
  std::size_t all = 0, heads = 0, labelled = 0;
  for (const ConlluSentence& s : dev) {
    std::vector<Word> words = s.words;
    tag_and_parse(words, m);
    for (std::size_t i = 0; i < words.size(); ++i, ++all) {
      if (words[i].head != s.words[i].head) continue;
      ++heads;
      labelled += words[i].deprel == s.words[i].deprel;
    }
  }
  return {all ? 100.0 * heads / all : 0, all ? 100.0 * labelled / all : 0};
}

}  // namespace

std::string train_syntax_model(std::string_view train_conllu, std::string_view dev_conllu,
                               const TrainOptions& options) {
  const std::vector<ConlluSentence> train = read_conllu(train_conllu, options.train_name);
  const std::vector<ConlluSentence> dev = read_conllu(dev_conllu, options.dev_name);
  if (train.empty()) throw std::runtime_error("train: no sentences");
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  SyntaxModel m;
  m.tokenizer = learn_tokenizer(train);
  m.lemmas = learn_lemmas(train);
  m.tag_dictionary = learn_tag_dictionary(train);
  m.tag_sets = learn_tag_sets(train);
  Rng rng{options.seed};
  std::map<std::string, int> label_ids;
  for (const ConlluSentence& s : train)
    for (const Word& w : s.words) label_ids.emplace(w.deprel, 0);
  label_ids.emplace("root", 0);
  if (label_ids.size() > 64) throw std::runtime_error("train: more than 64 dependency relations");
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(m.labels.size());
    m.labels.push_back(name);
  }
  const int root_label = label_ids["root"];
  say("learned: " + std::to_string(m.tokenizer.abbreviations.size()) + " abbreviations, " +
      std::to_string(m.tokenizer.splits.size() + m.tokenizer.clitics.size()) + " splits, " +
      std::to_string(m.tag_dictionary.size()) + " sure tags, " + std::to_string(m.labels.size()) +
      " relations");

  std::vector<const ConlluSentence*> all;
  for (const auto& s : train) all.push_back(&s);
  // The tagger, and the tags the parser trains on: each sentence's from a tagger that did
  // not see it, so that the parser learns from tags as good as it will get.
  const int folds = std::max(1, options.folds);
  int epochs = options.tagger_epochs;
  train_tagger(m, all, &dev, options.tagger_epochs, rng, epochs, options);
  std::vector<int> train_of, dev_of;
  std::vector<Paragraph> train_paras = paragraphs(train, m, train_of),
                         dev_paras = paragraphs(dev, m, dev_of);
  const Jackknifed tags = jackknife(m, train, train_of, train_paras, folds, epochs, rng, options);
  for (Paragraph& p : dev_paras) p.tags = tag_words(m, atoms_of(p.words, m.tag_sets), p.words);
  m.splitter = train_splitter(m, train_paras, dev_paras, rng, options);

  std::vector<ParserData> data;
  data.reserve(train.size());
  for (const auto& s : train) {
    ParserData p{&s, tags.at(&s), {0}, {-1}};
    for (const Word& w : s.words) {
      p.heads.push_back(w.head);
      p.labels.push_back(label_ids.count(w.deprel) ? label_ids[w.deprel] : root_label);
    }
    data.push_back(std::move(p));
  }

  std::vector<ParserData*> order;
  for (auto& p : data)
    if (projective(p.sentence->words)) order.push_back(&p);
  say("parser: " + std::to_string(order.size()) + " of " + std::to_string(data.size()) +
      " sentences are projective and train it");
  TrainTable trans, lab;
  trans.resize(options.parser_bits, kTransitions);
  lab.resize(options.label_bits, static_cast<std::uint32_t>(m.labels.size()));
  Table best_trans, best_lab;
  double best_las = -1;
  int kept = 0;
  for (int e = 0; e < options.parser_epochs; ++e) {
    shuffle(order, rng);
    parser_epoch(trans, lab, m.tag_sets, order, root_label, e > 0, rng);
    m.transitions = trans.averaged();
    m.labeller = lab.averaged();
    const Attachment a = attachment(m, dev);
    say("parser epoch " + std::to_string(e + 1) + ": dev UAS " + std::to_string(a.uas) + " LAS " +
        std::to_string(a.las));
    if (a.las > best_las || !options.select) {
      best_las = a.las;
      best_trans = m.transitions;
      best_lab = m.labeller;
      kept = e + 1;
    }
  }
  say("parser: kept epoch " + std::to_string(kept));
  m.transitions = std::move(best_trans);
  m.labeller = std::move(best_lab);
  return serialize(m, options.prune);
}

}  // namespace crosscheck
