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
    const bool gerund_with_object = i > 0 && tokens[i - 1].lower == "that" &&
                                    t.lower.ends_with("ing") && i + 1 < tokens.size() &&
                                    (tokens[i + 1].entity || is_determiner(tokens[i + 1]));
    // after a determiner or a possessive ("the North's initiation": the parse's "'s")
    const bool after_determiner = i > 0 && !gerund_with_object && is_determiner(tokens[i - 1]);
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
  // Acts only wanted, planned or asked for, by the tree: what an irrealis word governs as
  // its complement ("wanted to invade", "the plan to invade", "permission to start"), and
  // the clause an irrealis mark opens ("whether he wanted Kim to begin a war").
  auto irrealis = [&](const Token& t) {
    return t.kind == Token::Kind::kWord && lex.irrealis.count(t.lemma) > 0;
  };
  std::vector<bool> marked(tokens.size(), false);  // the head of a clause an irrealis mark opens
  for (const Token& c : tokens)
    if (c.dep == Dep::kMark && c.head >= 0 && irrealis(c)) marked[static_cast<std::size_t>(c.head)] = true;
  auto governed = [&](std::size_t k) {
    for (std::int32_t x = static_cast<std::int32_t>(k), steps = 0; x >= 0 && steps < 32; ++steps) {
      const Token& n = tokens[static_cast<std::size_t>(x)];
      if (marked[static_cast<std::size_t>(x)]) return true;
      if (n.head >= 0 && irrealis(tokens[static_cast<std::size_t>(n.head)]) &&
          (n.dep == Dep::kXcomp || n.dep == Dep::kCcomp || n.dep == Dep::kAcl))
        return true;
      x = n.head;
    }
    return false;
  };
  std::vector<bool> off(tokens.size(), false);
  for (std::size_t k = 0; k < tokens.size(); ++k) off[k] = tokens[k].verb && governed(k);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (off[k]) tokens[k].verb = false;
    // "permission to start": the permission is stated, the starting is not; a plain "want"
    // is no act of its own
    if (irrealis(tokens[k]) && !lex.predicate_class.count(tokens[k].lemma)) tokens[k].verb = false;
  }
}

}  // namespace crosscheck::detail
