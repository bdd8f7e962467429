// Internals of the syntax stage shared by inference, training and the model file: hashed
// feature tables, the tokeniser's learned exceptions, the tagger's and parser's features.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syntax/syntax.hpp"

namespace crosscheck::detail {

inline std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

inline std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return mix(h);
}

// A feature: template number and up to three atoms, hashed to 64 bits.
inline std::uint64_t feature(std::uint64_t tpl, std::uint64_t a, std::uint64_t b = 0,
                             std::uint64_t c = 0) {
  std::uint64_t h = (tpl + 1) * 0x9E3779B97F4A7C15ULL;
  h = (h ^ a) * 0xC2B2AE3D27D4EB4FULL;
  h = ((h << 29) | (h >> 35)) ^ b;
  h *= 0x165667B19E3779F9ULL;
  h = ((h << 31) | (h >> 33)) ^ c;
  return mix(h);
}

// Weights of a linear model over hashed features: 2^bits rows of `classes` weights. While
// training they are floats (`w`); a loaded model packs each row as a float scale and a
// signed byte a class (`packed`, `stride` bytes a row): a quarter of the memory, and a
// row in one cache line.
struct Table {
  std::uint32_t bits = 0;
  std::uint32_t classes = 0;
  std::vector<float> w;
  std::vector<std::uint32_t> packed;  // 4-byte words, for the scale's alignment
  std::size_t stride = 0;             // bytes a packed row

  void resize(std::uint32_t b, std::uint32_t c) {
    bits = b;
    classes = c;
    w.assign(static_cast<std::size_t>(c) << b, 0.0f);
    packed.clear();
  }
  void resize_packed(std::uint32_t b, std::uint32_t c) {
    bits = b;
    classes = c;
    w.clear();
    stride = (4 + c + 3) / 4 * 4;
    packed.assign((stride / 4) << b, 0);
  }
  std::size_t row(std::uint64_t f) const { return static_cast<std::size_t>(f >> (64 - bits)); }
  // A packed row: its scale (0: no weights) and its bytes.
  float* scale_of(std::size_t r) { return reinterpret_cast<float*>(&packed[r * (stride / 4)]); }
  std::int8_t* bytes_of(std::size_t r) { return reinterpret_cast<std::int8_t*>(scale_of(r) + 1); }
  // scores[c] = the sum of the features' weights of class c.
  void score(const std::uint64_t* f, int n, float* scores) const {
    for (std::uint32_t c = 0; c < classes; ++c) scores[c] = 0;
    if (!packed.empty()) {
      const auto* base = reinterpret_cast<const unsigned char*>(packed.data());
      for (int i = 0; i < n; ++i) {
        const unsigned char* r = base + row(f[i]) * stride;
        float unit;
        std::memcpy(&unit, r, 4);
        if (unit == 0) continue;
        const auto* q = reinterpret_cast<const std::int8_t*>(r + 4);
        for (std::uint32_t c = 0; c < classes; ++c) scores[c] += unit * q[c];
      }
      return;
    }
    for (int i = 0; i < n; ++i) {
      const float* r = &w[row(f[i]) * classes];
      for (std::uint32_t c = 0; c < classes; ++c) scores[c] += r[c];
    }
  }
};

// What the tokeniser learned from the treebank.
struct TokenizerData {
  std::unordered_set<std::string> abbreviations;  // "Dr.", "U.S.", case as written
  std::unordered_set<std::string> hyphenated;     // lower-case words kept whole ("e-mail")
  std::unordered_set<std::string> hyphen_shapes;  // shapes of numbers kept whole ("ddd-dddd")
  std::vector<std::string> clitics;               // lower-case suffixes split off ("n't", "'s")
  std::unordered_set<std::string> symbols;        // punctuation runs that are one token (":-)")
  std::string run_chars;  // characters whose runs are one token ("...", "====="): from symbols
  void finish() {
    run_chars.clear();
    for (const std::string& s : symbols)
      if (s.find_first_not_of(s[0]) == std::string::npos &&
          run_chars.find(s[0]) == std::string::npos)
        run_chars += s[0];
  }
  // lower-case surface -> the lengths in bytes of its words ("cannot" -> 3, 3)
  std::unordered_map<std::string, std::vector<std::uint8_t>> splits;
};

// Lemmas learned from the treebank: (lower-case form, tag) -> lemma, and for unseen forms
// the most frequent suffix rewrite of that tag and ending.
struct LemmaData {
  std::unordered_map<std::string, std::string> forms;  // key: lower + '\t' + tag name
  // key: tag name + '\t' + ending (up to 4 bytes): (bytes to cut, text to add)
  std::unordered_map<std::string, std::pair<std::uint8_t, std::string>> rules;
};

// WordNet's lemmas and exception lists per part of speech: noun, verb, adjective, adverb.
struct Morphy {
  std::unordered_set<std::string> lemmas[4];
  std::unordered_map<std::string, std::string> exceptions[4];
};
// WordNet's base form of `lower` as a `tag`, or false (morphy.cpp).
bool morphy(const Morphy& m, const std::string& lower, Upos tag, std::string& out);

inline constexpr int kMaxFeatures = 96;
inline constexpr int kTransitions = 4;  // shift, reduce, left-arc, right-arc
enum Move : int { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };

// Per-word atoms the features combine.
// Lower-case form -> the tags it had in the training treebank (bit per Upos).
using TagSets = std::unordered_map<std::string, std::uint32_t>;

struct Atoms {
  std::vector<std::uint64_t> word;  // lower-case form
  std::vector<std::uint64_t> exact, s1, s2, s3, s4, p1, shape;
  std::vector<std::uint64_t> tags;  // the word's tag set in training; 0 when unseen
};
Atoms atoms_of(const std::vector<Word>& words, const TagSets& sets);
std::string shape_of(std::string_view s);

// Tagger features of word i given the tags already chosen to its left; returns the count.
int tagger_features(const Atoms& a, const std::vector<int>& tags, int i, std::uint64_t* out);

// Sentence-boundary features: does the sentence end after word i? `since` counts the words
// since the last boundary, `verb` says whether one of them was a verb.
int boundary_features(const Atoms& a, const std::vector<Word>& words, const std::vector<int>& tags,
                      int i, int since, bool verb, std::uint64_t* out);

// The arc-eager parser's configuration over words 1..n (0 is the root).
struct ParseState {
  int n = 0;
  std::vector<int> stack;
  int front = 1;  // first word of the buffer; > n when it is empty
  std::vector<int> head, label, l1, l2, r1, r2, nl, nr;
  std::vector<std::uint64_t> lset, rset;
  bool root_taken = false;

  explicit ParseState(int words);
  bool can(int move) const;
  bool done() const { return front > n; }
  void apply(int move, int arc_label);
  void add_arc(int h, int d, int lab);
};

// Inputs of the parser's features: word atoms and tags, 0 = root, n+1 = none.
struct ParseInput {
  std::vector<std::uint64_t> word, suffix, sets;
  std::vector<int> punct;  // punctuation marks up to and including each word
  std::vector<int> tag;
};
ParseInput parse_input(const Atoms& a, const std::vector<int>& tags);
int transition_features(const ParseInput& in, const ParseState& s, std::uint64_t* out);
int label_features(const ParseInput& in, const ParseState& s, int h, int d, std::uint64_t* out);

}  // namespace crosscheck::detail

namespace crosscheck {

class SyntaxModel;

namespace detail {
std::string lemma_of(const LemmaData& data, std::string_view form, Upos tag);
int argmax(const float* s, int n, const bool* allowed = nullptr);
std::vector<int> tag_words(const SyntaxModel& m, const Atoms& a, const std::vector<Word>& words);
int best_label(const SyntaxModel& m, const ParseInput& in, const ParseState& s, int h, int d,
               int root_label);
void parse_words(const SyntaxModel& m, const ParseInput& in, ParseState& s, int root_label);
}  // namespace detail

class SyntaxModel {
 public:
  detail::TokenizerData tokenizer;
  detail::LemmaData lemmas;
  std::vector<std::string> labels;                      // dependency relations
  std::unordered_map<std::string, int> tag_dictionary;  // exact form -> sure tag
  detail::TagSets tag_sets;
  detail::Table splitter, tagger, transitions, labeller;
  std::string fingerprint;
  std::shared_ptr<const detail::Morphy> morphy;  // null: lemmas from the treebank alone
};

std::shared_ptr<const detail::Morphy> load_morphy(const WordNetText& text);

namespace detail {
std::string serialize(const SyntaxModel& model, double prune);
}

}  // namespace crosscheck
