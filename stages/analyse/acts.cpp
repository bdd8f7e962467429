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

// Predicate words that the sentence does not assert, by the tree: an event noun with a
// determiner or modifier of its own names an event ("the start of the war") unless a light
// verb ("obtained approval", "gave Kim permission", "approval was given") or a copula ("was
// a puppet state") makes it a predication. Acts only wanted, planned or asked for are not
// asserted either ("wanted to invade").
void mark_non_assertions(std::vector<Token>& tokens, const Lexicon& lex) {
  // The light verb's event noun: its object or passive subject, or a noun inside that
  // object's phrase, where the parse hangs the second object of "gave North Korean leader
  // Kim permission" (as a modifier of "leader").
  auto in_object = [&](std::size_t k, std::size_t verb) {
    for (std::int32_t x = static_cast<std::int32_t>(k), steps = 0; x >= 0 && steps < 16; ++steps) {
      const Token& n = tokens[static_cast<std::size_t>(x)];
      if (n.head == static_cast<std::int32_t>(verb))
        return n.dep == Dep::kObj || n.dep == Dep::kIobj || n.dep == Dep::kNsubjPass;
      if (n.dep != Dep::kNmod && n.dep != Dep::kAppos && n.dep != Dep::kCompound &&
          n.dep != Dep::kFlat)
        return false;
      x = n.head;
    }
    return false;
  };
  std::vector<bool> light_object(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].verb || !lex.light_verbs.count(tokens[i].lemma)) continue;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Token& c = tokens[k];
      if (c.upos != Upos::kNoun || !lex.predicate_class.count(c.lemma) || !in_object(k, i))
        continue;
      light_object[k] = true;
      tokens[i].verb = false;  // the act is the noun's: "obtained approval" is the approval
      break;
    }
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    Token& t = tokens[k];
    if (!t.verb) continue;
    if (light_object[k]) {
      t.light = true;
      continue;
    }
    // A noun or verb with a determiner or a modifier of its own refers to an event ("the
    // start of the war", "the North's initiation", "the sending of pilots"), and so does one
    // that modifies another noun ("the invasion plan"); a bare event noun stands for its act
    // ("the Press Club speech (12 Jan 1950)").
    const bool copular = has_child(tokens, k, [](const Token& c) { return c.dep == Dep::kCop; });
    const bool nominal = has_child(tokens, k, [](const Token& c) {
      return is_determiner(c) || (c.dep == Dep::kNmod && c.upos != Upos::kNum);
    });
    if (!copular && nominal && (t.upos == Upos::kNoun || t.upos == Upos::kVerb)) t.verb = false;
    if (t.upos == Upos::kNoun && t.dep == Dep::kCompound) t.verb = false;  // "invasion plan"
  }
  // Acts only wanted, planned or asked for, by the tree: what an irrealis word governs as
  // its complement ("wanted to invade", "the plan to invade", "permission to start"), and
  // the clause an irrealis mark opens ("whether he wanted Kim to begin a war").
  auto irrealis = [&](const Token& t) {
    return t.kind == Token::Kind::kWord && lex.irrealis.count(t.lemma) > 0;
  };
  std::vector<bool> marked(tokens.size(), false);  // the head of a clause an irrealis mark opens
  for (const Token& c : tokens) {
    if (c.dep != Dep::kMark || c.head < 0 || !irrealis(c)) continue;
    // "if" opening an adverbial clause makes a condition, which the record's modality says
    // ("If the army crossed the river, ..."); opening a complement it asks ("asked if")
    const bool condition = lex.conditionals.count(c.lower) > 0 &&
                           tokens[static_cast<std::size_t>(c.head)].dep == Dep::kAdvcl;
    if (!condition) marked[static_cast<std::size_t>(c.head)] = true;
  }
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
