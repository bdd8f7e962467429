// Tagging, lemmatising and parsing with a loaded model: a greedy left-to-right tagger, then
// the arc-eager parser taking the best allowed transition, labelling each arc as it is
// made. A sentence always comes out as one tree with one root.
#include <algorithm>
#include <cctype>

#include "detail.hpp"

namespace crosscheck {
namespace detail {

std::string lemma_of(const LemmaData& data, std::string_view form, Upos tag) {
  std::string low(form);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view name = to_string(tag);
  std::string key = low;
  key += '\t';
  key += name;
  if (auto it = data.forms.find(key); it != data.forms.end()) return it->second;
  if (tag == Upos::kPropn) return std::string(form);
  for (std::size_t n = std::min<std::size_t>(4, low.size()); n >= 1; --n) {
    std::string rk(name);
    rk += '\t';
    rk += low.substr(low.size() - n);
    if (auto it = data.rules.find(rk); it != data.rules.end()) {
      if (it->second.first >= low.size()) break;
      return low.substr(0, low.size() - it->second.first) + it->second.second;
    }
  }
  return low;
}

// The lemma of a tagged word: the treebank's own where the word had this tag in training
// (its forms table, then its suffix rules); for a word it never showed with this tag,
// WordNet's morphology first, when the model has it.
std::string lemma_for(const SyntaxModel& m, std::string_view form, Upos tag, std::uint64_t seen) {
  if (m.morphy && !(seen & (1ull << static_cast<int>(tag)))) {
    std::string low(form);
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = low;
    key += '\t';
    key += to_string(tag);
    std::string out;
    if (!m.lemmas.forms.count(key) && morphy(*m.morphy, low, tag, out)) return out;
  }
  return lemma_of(m.lemmas, form, tag);
}

int argmax(const float* s, int n, const bool* allowed) {
  int best = -1;
  for (int i = 0; i < n; ++i)
    if ((!allowed || allowed[i]) && (best < 0 || s[i] > s[best])) best = i;
  return best;
}

std::vector<int> tag_words(const SyntaxModel& m, const Atoms& a, const std::vector<Word>& words) {
  std::vector<int> tags(words.size(), 0);
  std::uint64_t f[kMaxFeatures];
  float scores[kUposCount];
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (auto it = m.tag_dictionary.find(words[i].form); it != m.tag_dictionary.end()) {
      tags[i] = it->second;
      continue;
    }
    const int n = tagger_features(a, tags, static_cast<int>(i), f);
    m.tagger.score(f, n, scores);
    tags[i] = argmax(scores, kUposCount);
  }
  return tags;
}

// The best label of the arc h -> d; "root" exactly when h is the root.
int best_label(const SyntaxModel& m, const ParseInput& in, const ParseState& s, int h, int d,
               int root_label) {
  std::uint64_t f[kMaxFeatures];
  std::vector<float> scores(m.labels.size());
  const int n = label_features(in, s, h, d, f);
  m.labeller.score(f, n, scores.data());
  if (h == 0) return root_label;
  int best = -1;
  for (int l = 0; l < static_cast<int>(scores.size()); ++l)
    if (l != root_label && (best < 0 || scores[l] > scores[best])) best = l;
  return best;
}

void parse_words(const SyntaxModel& m, const ParseInput& in, ParseState& s, int root_label) {
  std::uint64_t f[kMaxFeatures];
  float scores[kTransitions];
  while (!s.done()) {
    bool allowed[kTransitions];
    for (int t = 0; t < kTransitions; ++t) allowed[t] = s.can(t);
    const int n = transition_features(in, s, f);
    m.transitions.score(f, n, scores);
    const int move = argmax(scores, kTransitions, allowed);
    int lab = -1;
    if (move == kLeft) lab = best_label(m, in, s, s.front, s.stack.back(), root_label);
    if (move == kRight) lab = best_label(m, in, s, s.stack.back(), s.front, root_label);
    s.apply(move, lab);
  }
  // Words left without a head hang from the root word (the first of them becomes it when
  // no word took the root).
  int root = 0;
  for (int i = 1; i <= s.n; ++i)
    if (s.head[i] == 0) root = i;
  for (int i = 1; i <= s.n; ++i) {
    if (s.head[i] >= 0) continue;
    if (root == 0) {
      s.add_arc(0, i, root_label);
      root = i;
    } else {
      s.add_arc(root, i, best_label(m, in, s, root, i, root_label));
    }
  }
}

}  // namespace detail

namespace {

// Tags and parses words [begin, end) of `words` as one tree; heads are set within the range.
void parse_range(std::vector<Word>& words, std::size_t begin, std::size_t end,
                 const SyntaxModel& model) {
  using namespace detail;
  // a sentence of one window (nearly every one) is read in place, not copied
  std::vector<Word> window;
  if (begin != 0 || end != words.size())
    window.assign(words.begin() + static_cast<std::ptrdiff_t>(begin),
                  words.begin() + static_cast<std::ptrdiff_t>(end));
  const std::vector<Word>& part = window.empty() ? words : window;
  const Atoms a = atoms_of(part, model.tag_sets);
  const std::vector<int> tags = tag_words(model, a, part);
  const int root_label = static_cast<int>(
      std::find(model.labels.begin(), model.labels.end(), "root") - model.labels.begin());
  const ParseInput in = parse_input(a, tags);
  ParseState s(static_cast<int>(end - begin));
  parse_words(model, in, s, root_label);
  for (std::size_t i = 0; i < end - begin; ++i) {
    Word& w = words[begin + i];
    w.upos = static_cast<Upos>(tags[i]);
    w.head = s.head[i + 1] == 0 ? 0 : static_cast<std::uint32_t>(begin + s.head[i + 1]);
    const int lab = s.label[i + 1];
    w.deprel = lab >= 0 && lab < static_cast<int>(model.labels.size()) ? model.labels[lab] : "dep";
    w.lemma = lemma_for(model, w.form, w.upos, a.tags[i]);
  }
}

}  // namespace

void tag_and_parse(std::vector<Word>& words, const SyntaxModel& model) {
  // A "sentence" longer than any a treebank holds (a page with no full stop) is parsed a
  // window at a time, each window's root hanging from the first one's, so that time stays
  // linear.
  constexpr std::size_t kWindow = 400;
  std::uint32_t first_root = 0;
  for (std::size_t begin = 0; begin < words.size(); begin += kWindow) {
    const std::size_t end = std::min(words.size(), begin + kWindow);
    parse_range(words, begin, end, model);
    for (std::size_t i = begin; i < end; ++i) {
      if (words[i].head != 0) continue;
      if (first_root == 0) {
        first_root = static_cast<std::uint32_t>(i + 1);
      } else {
        words[i].head = first_root;
        words[i].deprel = "parataxis";
      }
    }
  }
}

std::vector<SentenceWords> parse_paragraph(std::string_view text, const SyntaxModel& model) {
  using namespace detail;
  std::vector<Word> words = tokenize_ud(text, model);
  std::vector<SentenceWords> out;
  if (words.empty()) return out;
  const Atoms a = atoms_of(words, model.tag_sets);
  const std::vector<int> tags = tag_words(model, a, words);
  std::uint64_t f[kMaxFeatures];
  float scores[2];
  std::size_t start = 0, token_end = 0;  // one past the multi-word token word i is in
  bool verb = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    bool end = i + 1 == words.size();
    if (words[i].token_words > 1) token_end = i + words[i].token_words;
    verb =
        verb || tags[i] == static_cast<int>(Upos::kVerb) || tags[i] == static_cast<int>(Upos::kAux);
    if (!end && i + 1 >= token_end) {  // a boundary never falls inside a token
      const int n = boundary_features(a, words, tags, static_cast<int>(i),
                                      static_cast<int>(i - start), verb, f);
      model.splitter.score(f, n, scores);
      end = scores[1] > scores[0];
    }
    if (!end) continue;
    std::vector<Word> sentence(std::make_move_iterator(words.begin() + start),
                               std::make_move_iterator(words.begin() + i + 1));
    const Span span{sentence.front().span.begin, sentence.back().span.end};
    for (Word& w : sentence) w.span = {w.span.begin - span.begin, w.span.end - span.begin};
    // tagged again on its own: the tagger was trained on sentences, not paragraphs
    tag_and_parse(sentence, model);
    out.push_back({span, std::move(sentence)});
    start = i + 1;
    verb = false;
  }
  return out;
}

std::vector<Word> parse_sentence(std::string_view text, const SyntaxModel& model) {
  std::vector<Word> words = tokenize_ud(text, model);
  tag_and_parse(words, model);
  return words;
}

const std::string& fingerprint(const SyntaxModel& model) { return model.fingerprint; }

}  // namespace crosscheck
