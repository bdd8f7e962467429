// Small word tests the analyse passes share: function words, clause breaks, phrases.
#include <set>
#include <string>

#include "detail.hpp"

namespace crosscheck::detail {

bool is_punct(const Token& t) { return t.kind == Token::Kind::kPunct; }

std::int32_t phrase_head(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t k = begin; k < end && k < tokens.size(); ++k) {
    const std::int32_t h = tokens[k].head;
    if (h < static_cast<std::int32_t>(begin) || h >= static_cast<std::int32_t>(end))
      return static_cast<std::int32_t>(k);
  }
  return begin < tokens.size() ? static_cast<std::int32_t>(begin) : -1;
}

// Auxiliaries and modals: after "no N", the verb that follows one of these is what is denied.
bool is_auxiliary(const Token& t) { return t.upos == Upos::kAux; }

// What opens a noun phrase: a determiner, or a possessive pronoun ("its", "his").
bool is_determiner(const Token& t) {
  return t.upos == Upos::kDet || (t.upos == Upos::kPron && t.dep == Dep::kNmod);
}

bool is_clause_break(const Token& t, const Lexicon& lex) {
  if (is_punct(t))
    return t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")" ||
           t.lower == "\u2013" || t.lower == "\u2014" || t.lower == "." || t.lower == "?" ||
           t.lower == "!" || lex.scope_breaks.count(t.lower) > 0;
  return lex.scope_breaks.count(t.lower) > 0;
}

// Multi-word cues ("out of the question", "refused to") starting at token i; returns length.
std::size_t phrase_at(const std::vector<Token>& tokens, std::size_t i,
                      const std::vector<std::vector<std::string>>& phrases) {
  // a phrase's words may have punctuation between them ("not, however, that"), but only a
  // little: a run of punctuation is not skipped without end
  constexpr std::size_t kMostSkipped = 4;
  for (const auto& phrase : phrases) {
    std::size_t k = 0, j = i, skipped = 0;
    for (; k < phrase.size() && j < tokens.size(); ++j) {
      if (is_punct(tokens[j])) {
        if (++skipped > kMostSkipped) break;
        continue;
      }
      // a phrase word matches the surface form or the lemma ("refused" ~ "refuse")
      if (tokens[j].lower != phrase[k] && tokens[j].lemma != stem(phrase[k])) break;
      ++k;
    }
    if (k == phrase.size()) return j - i;
  }
  return 0;
}

}  // namespace crosscheck::detail
