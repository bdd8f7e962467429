// WordNet's morphology (morphy, WordNet 3.0's morphstr): a word's exception entry, the word
// itself, or the first suffix rewrite of its part of speech that is a WordNet lemma. The
// tagger's lemmas take it for the words the treebank never showed with their tag.
#include <array>
#include <string>
#include <string_view>

#include "detail.hpp"

namespace crosscheck {
namespace detail {
namespace {

struct Rewrite {
  std::string_view suffix, with;
};

// WordNet's detachment rules, in its order.
constexpr std::array<Rewrite, 8> kNoun = {{{"s", ""},
                                           {"ses", "s"},
                                           {"xes", "x"},
                                           {"zes", "z"},
                                           {"ches", "ch"},
                                           {"shes", "sh"},
                                           {"men", "man"},
                                           {"ies", "y"}}};
constexpr std::array<Rewrite, 8> kVerb = {{{"s", ""},
                                           {"ies", "y"},
                                           {"es", "e"},
                                           {"es", ""},
                                           {"ed", "e"},
                                           {"ed", ""},
                                           {"ing", "e"},
                                           {"ing", ""}}};
constexpr std::array<Rewrite, 4> kAdj = {{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}};

int part_of(Upos tag) {
  switch (tag) {
    case Upos::kNoun:
      return 0;
    case Upos::kVerb:
      return 1;
    case Upos::kAdj:
      return 2;
    case Upos::kAdv:
      return 3;
    default:
      return -1;
  }
}

template <std::size_t N>
bool rewrite(const std::array<Rewrite, N>& rules, const std::string& word,
             const std::unordered_set<std::string>& lemmas, std::string& out) {
  for (const Rewrite& r : rules) {
    if (word.size() <= r.suffix.size() || !word.ends_with(r.suffix)) continue;
    std::string base = word.substr(0, word.size() - r.suffix.size());
    base += r.with;
    if (lemmas.count(base)) {
      out = std::move(base);
      return true;
    }
  }
  return false;
}

}  // namespace

bool morphy(const Morphy& m, const std::string& lower, Upos tag, std::string& out) {
  const int p = part_of(tag);
  if (p < 0) return false;
  if (auto it = m.exceptions[p].find(lower); it != m.exceptions[p].end()) {
    out = it->second;
    return true;
  }
  if (m.lemmas[p].count(lower)) {
    out = lower;
    return true;
  }
  switch (p) {
    case 0:
      return rewrite(kNoun, lower, m.lemmas[0], out);
    case 1:
      return rewrite(kVerb, lower, m.lemmas[1], out);
    case 2:
      return rewrite(kAdj, lower, m.lemmas[2], out);
    default:
      return false;
  }
}

}  // namespace detail

std::shared_ptr<const detail::Morphy> load_morphy(const WordNetText& text) {
  auto m = std::make_shared<detail::Morphy>();
  for (int p = 0; p < 4; ++p) {
    // index.*: one lemma a line, first field; licence lines start with a space
    std::string_view rest = text.index[p];
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line[0] == ' ') continue;
      m->lemmas[p].emplace(line.substr(0, line.find(' ')));
    }
    // *.exc: "inflected base [base...]"; the first base
    rest = text.exceptions[p];
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      const std::size_t sp = line.find(' ');
      if (sp == std::string_view::npos || sp == 0) continue;
      std::string_view base = line.substr(sp + 1);
      base = base.substr(0, base.find(' '));
      if (!base.empty()) m->exceptions[p].emplace(line.substr(0, sp), base);
    }
  }
  return m;
}

}  // namespace crosscheck
