// Which words are acts: multi-word predicates, light verbs, event nouns, wanted acts.
#include <set>

#include "detail.hpp"

namespace crosscheck::detail {

// Multi-word predicates: "said 'no'" is one act of the class "refuse", "took over" of
// "take". The first word carries the class; the rest stop being words of their own.
void mark_phrases(std::vector<Token>& tokens, const Lexicon& lex) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (const auto& [lemmas, cls] : lex.predicate_phrases) {
      std::size_t k = 0, j = i;
      for (; k < lemmas.size() && j < tokens.size(); ++j) {
        if (is_punct(tokens[j]) && j > i) continue;  // quotes: said 'no'
        if (tokens[j].lemma != lemmas[k] && tokens[j].lower != lemmas[k]) break;
        ++k;
      }
      if (k != lemmas.size()) continue;
      tokens[i].lemma = cls;
      tokens[i].verb = true;
      tokens[i].stop = false;
      for (std::size_t m = i; m < j; ++m) tokens[m].in_phrase = true;
      for (std::size_t m = i + 1; m < j; ++m) tokens[m].stop = true, tokens[m].verb = false;
      i = j - 1;
      break;
    }
  }
}

// Predicate words that the sentence does not assert: event nouns ("the start of the war",
// "the North's initiation") and acts that are only wanted or asked for ("wanted to invade").
void mark_non_assertions(std::vector<Token>& tokens, const Lexicon& lex) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (!t.verb) continue;
    // "that invading South Korea is": "that" opens a clause whose act takes an object.
    const bool gerund_with_object =
        i > 0 && tokens[i - 1].lower == "that" && t.lower.ends_with("ing") &&
        i + 1 < tokens.size() && (tokens[i + 1].entity || is_determiner(tokens[i + 1]));
    // after a determiner or a possessive ("the North's initiation": the parse's "'s")
    const bool after_determiner =
        i > 0 && !gerund_with_object &&
        is_determiner(tokens[i - 1]);
    const bool before_of = i + 1 < tokens.size() && tokens[i + 1].lower == "of";
    if (after_determiner || before_of) t.verb = false;
  }
  // A light verb before a predicate noun: "obtained approval", "gave Kim permission".
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].verb || !lex.light_verbs.count(tokens[i].lemma)) continue;
    for (std::size_t k = i + 1; k < tokens.size() && k <= i + 8 && !is_clause_break(tokens[k], lex);
         ++k)
      if (tokens[k].verb && lex.predicate_class.count(tokens[k].lemma)) {
        // "obtained advance approval": the act is the noun phrase's head, its last noun.
        while (k + 1 < tokens.size() && tokens[k + 1].verb &&
               lex.predicate_class.count(tokens[k + 1].lemma))
          tokens[k++].verb = false;
        tokens[i].verb = false;
        tokens[k].light = true;
        break;
      }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != Token::Kind::kWord || !lex.irrealis.count(tokens[i].lemma)) continue;
    // "permission to start": the permission is stated, the starting is not.
    if (!lex.predicate_class.count(tokens[i].lemma)) tokens[i].verb = false;
    for (std::size_t k = i + 1; k < tokens.size() && !is_clause_break(tokens[k], lex); ++k)
      tokens[k].verb = false;
  }
}

}  // namespace crosscheck::detail
