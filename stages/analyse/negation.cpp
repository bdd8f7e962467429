// Negation cues, their scopes, and the words they deny.
#include <algorithm>

#include "detail.hpp"

namespace crosscheck::detail {

namespace {

// The act a cue of `length` tokens at `i` denies, by the tree: the one it governs as its
// clausal complement ("refused to allow", "failed to", "unable to": the cue word's xcomp),
// else the one the cue hangs from ("did not sign": "not" is the verb's advmod; "far from
// initiating", "rather than initiating", "without asking": the cue marks the act), else,
// for a cue that quantifies a noun ("no ground forces would be sent", "none came"), the act
// whose subject or object that noun is. -1 when the tree names no act; kDeniesNoAct when
// the cue hangs from a verb that is no act (a report: "did not say what ...").
constexpr std::int32_t kDeniesNoAct = -2;

std::int32_t denied_by_tree(const std::vector<Token>& tokens, std::size_t i, std::size_t length) {
  const auto end = static_cast<std::int32_t>(i + length);
  auto inside = [&](std::int32_t k) { return k >= static_cast<std::int32_t>(i) && k < end; };
  for (std::size_t k = 0; k < tokens.size(); ++k)
    if (inside(tokens[k].head) && tokens[k].verb &&
        (tokens[k].dep == Dep::kXcomp || tokens[k].dep == Dep::kCcomp))
      return static_cast<std::int32_t>(k);
  // a cue word that marks an act: the "from" of "far from initiating", "than" of "rather
  // than", "without"
  for (std::size_t k = i; k < static_cast<std::size_t>(end); ++k) {
    const Token& c = tokens[k];
    const bool marks = c.dep == Dep::kMark || c.dep == Dep::kCase || c.dep == Dep::kCc;
    if (marks && c.head >= 0 && !inside(c.head) && tokens[static_cast<std::size_t>(c.head)].verb)
      return c.head;
  }
  std::int32_t h = static_cast<std::int32_t>(i);
  for (int steps = 0; inside(h) && steps < 8; ++steps) h = tokens[static_cast<std::size_t>(h)].head;
  if (h < 0 || inside(h)) return -1;
  const Token& head = tokens[static_cast<std::size_t>(h)];
  if (head.verb) return h;
  // a verb that is no act, such as a report: "did not say what she was treated for" denies
  // the saying, not what would have been said
  if (head.upos == Upos::kVerb && head.dep != Dep::kXcomp && length == 1 &&
      !(tokens[i].dep == Dep::kNsubj || tokens[i].dep == Dep::kNsubjPass ||
        tokens[i].dep == Dep::kObj)) {
    // a light verb's act is its event noun: "without first obtaining approval"
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].head == h && tokens[k].light && tokens[k].verb)
        return static_cast<std::int32_t>(k);
    return kDeniesNoAct;
  }
  const bool argument =
      head.dep == Dep::kNsubj || head.dep == Dep::kNsubjPass || head.dep == Dep::kObj;
  if ((head.upos == Upos::kNoun || head.upos == Upos::kPron) && argument && head.head >= 0 &&
      tokens[static_cast<std::size_t>(head.head)].verb)
    return head.head;
  // the cue is itself the argument: "none came", "nobody signed"
  const Token& cue = tokens[i];
  if (length == 1 && (cue.dep == Dep::kNsubj || cue.dep == Dep::kNsubjPass || cue.dep == Dep::kObj))
    return head.verb ? h : -1;
  return -1;
}

}  // namespace

// Finds negation cues, their scopes, and marks the denied head words.
void find_negations(Statement& s, const Lexicon& lex) {
  auto& tokens = s.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::size_t cue_length = 0;
    if (t.in_phrase) continue;  // the "no" of "said 'no'" is the act, not a negation
    if (std::size_t n = phrase_at(tokens, i, lex.non_negations)) {  // "not only X but Y"
      i += n - 1;
      continue;
    }
    if (t.kind == Token::Kind::kWord && lex.negation_cues.count(t.lower))
      cue_length = 1;
    else if (std::size_t n = phrase_at(tokens, i, lex.negation_phrases))
      cue_length = n;
    if (cue_length == 0) continue;
    // "not without", "never fails to": a cue whose next word is another cue cancels it.
    std::size_t after = i + cue_length;
    while (after < tokens.size() && is_punct(tokens[after])) ++after;
    if (after < tokens.size() && (lex.negation_cues.count(tokens[after].lower) ||
                                  phrase_at(tokens, after, lex.negation_phrases) > 0)) {
      const std::size_t inner =
          std::max<std::size_t>(1, phrase_at(tokens, after, lex.negation_phrases));
      for (std::size_t k : {i, after}) {  // both cues are kept, with an empty scope
        Negation cancelled;
        cancelled.cue = tokens[k].lower;
        cancelled.token = cancelled.scope_begin = cancelled.scope_end =
            static_cast<std::uint32_t>(k);
        s.negations.push_back(std::move(cancelled));
      }
      i = after + inner - 1;
      continue;
    }
    Negation neg;
    // the cue's words are neither content nor acts: "far" of "far from", "refused" of
    // "refused to", "question" of "out of the question"
    for (std::size_t k = i; k < i + cue_length; ++k) tokens[k].stop = true, tokens[k].verb = false;
    for (std::size_t k = i; k < i + cue_length; ++k)
      if (!is_punct(tokens[k])) neg.cue += (neg.cue.empty() ? "" : " ") + tokens[k].lower;
    neg.token = static_cast<std::uint32_t>(i);
    neg.scope_begin = static_cast<std::uint32_t>(i + cue_length);
    std::size_t end = neg.scope_begin;
    while (end < tokens.size() && !is_clause_break(tokens[end], lex)) ++end;
    neg.scope_end = static_cast<std::uint32_t>(end);
    // "did not give final approval until April": the act happened, in April.
    const bool until_time = end + 1 < tokens.size() &&
                            lex.time_until.count(tokens[end].lower) > 0 &&
                            std::any_of(s.times.begin(), s.times.end(),
                                        [&](const TimeInterval& x) { return x.token == end + 1; });
    if (until_time) {
      neg.scope_end = neg.scope_begin;  // kept as a cue that denies nothing
      s.negations.push_back(std::move(neg));
      i += cue_length - 1;
      continue;
    }
    // "out of the question" stands after what it denies: "invading X is out of the question".
    const std::int32_t act = denied_by_tree(tokens, i, cue_length);
    if (act == kDeniesNoAct) {
      neg.scope_end = neg.scope_begin;  // kept as a cue; it denies no act of the claim
      s.negations.push_back(std::move(neg));
      i += cue_length - 1;
      continue;
    }
    const bool postposed = act < 0 && cue_length > 1 &&
                           (end == neg.scope_begin || (i > 0 && is_auxiliary(tokens[i - 1])));
    if (act >= 0) {
      tokens[static_cast<std::size_t>(act)].negated = true;
      neg.head = act;
    } else if (postposed) {
      std::size_t begin = i;
      while (begin > 0 && !is_clause_break(tokens[begin - 1], lex)) --begin;
      neg.scope_begin = static_cast<std::uint32_t>(begin);
      neg.scope_end = static_cast<std::uint32_t>(i);
      for (std::size_t k = begin; k < i; ++k)
        if (tokens[k].verb && !tokens[k].entity) tokens[k].negated = true;
    } else {
      // Where the tree names no act: content words up to the first verb; after a negated
      // quantifier ("no ground forces would be sent") up to the verb after the auxiliary.
      const bool quantifier = lex.negated_quantifiers.count(neg.cue) > 0;
      std::size_t aux = end;
      if (quantifier)
        for (std::size_t k = neg.scope_begin; k < end; ++k)
          if (is_auxiliary(tokens[k])) {
            aux = k;
            break;
          }
      std::size_t content = 0;
      for (std::size_t k = neg.scope_begin; k < end; ++k) {
        Token& w = tokens[k];
        if (lex.negation_cues.count(w.lower)) break;  // the inner negation governs what follows
        if ((w.stop && !w.verb) || is_punct(w) || w.entity) continue;
        // "was not in hurry of this matter of invasion": the head is near the cue.
        if (!quantifier && ++content > 2) break;
        // "no ground forces would be sent": what is denied is the sending, not the forces;
        // "no interest in X" (no auxiliary): the noun alone.
        if (quantifier && aux != end && k < aux) continue;
        w.negated = true;
        if (quantifier && aux == end) {  // "no immediate comment from": the noun phrase
          for (std::size_t n = k + 1; n < end; ++n) {
            Token& next = tokens[n];
            if (next.stop || is_punct(next) || next.entity) break;
            next.negated = true;
          }
          break;
        }
        if (w.verb) break;
      }
    }
    s.negations.push_back(std::move(neg));
    i += cue_length - 1;
  }
  // By the tree, a denial reaches the acts coordinated with a denied act that share its
  // subject: "did not identify and review the files" denies both; a conjunct with a subject
  // of its own, joined by a contrast ("did not sing but danced") or by a comma alone (core's
  // coordinated), keeps its polarity.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      Token& t = tokens[k];
      if (!t.verb || t.negated || t.dep != Dep::kConj || t.head < 0) continue;
      const Token& head = tokens[static_cast<std::size_t>(t.head)];
      if (!head.negated || !head.verb || !coordinated(tokens, static_cast<std::uint32_t>(k)))
        continue;
      if (has_child(tokens, k, is_subject) || has_child(tokens, k, [&](const Token& c) {
            return c.dep == Dep::kCc && lex.contrast.count(c.lower) > 0;
          }))
        continue;
      t.negated = true;
      changed = true;
    }
  }
  const bool any =
      std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.negated; });
  s.polarity = any ? Polarity::kNegative : Polarity::kPositive;
}

}  // namespace crosscheck::detail
