// Hedges, conditionals and attribution: how sure a claim is, and whose it is.
#include <algorithm>
#include <string_view>
#include <utility>

#include "detail.hpp"

namespace crosscheck::detail {

bool reports_claim(const std::vector<Token>& tokens, std::size_t k, const Lexicon& lex) {
  const Token& t = tokens[k];
  if (t.kind != Token::Kind::kWord || !lex.attribution_verbs.count(t.lemma)) return false;
  bool complement = false, object = false;
  for (const Token& c : tokens)
    if (c.head == static_cast<std::int32_t>(k)) {
      complement = complement || c.dep == Dep::kCcomp;
      object = object || c.dep == Dep::kObj;
    }
  if (complement) return true;
  if (t.head < 0) return false;
  // '"Stalin approved the plan," the historian said': after its quotation, with no object
  return t.dep == Dep::kParataxis ||
         (t.dep == Dep::kCcomp && t.head < static_cast<std::int32_t>(k) && !object);
}

// Hedges make a claim uncertain; attribution verbs and "according to" make it reported.
// Returns the attribution ("said", "according to") and its frame; its token is tokens.size()
// when there is none.
Attribution find_modality(Statement& s, const Lexicon& lex, std::string_view sentence_text,
                          const std::vector<bool>& in_time, std::vector<std::uint32_t>& cue_of) {
  auto& tokens = s.tokens;
  cue_of.assign(tokens.size(), 0);
  // A hedge or a conditional makes uncertain what it qualifies, not the whole sentence:
  // "whilst one suspects X, it proves that Stalin did send soldiers" asserts the sending. A
  // hedge word qualifies, by the tree, the act it hangs from ("may have sent", "perhaps",
  // "if ...") or, a verb or adjective itself ("seems", "it is likely that"), what it
  // governs: that act's subtree, less the conjuncts with a subject of their own and the
  // clauses beside it (parataxis). A phrase, or a word the tree hangs from nothing, makes
  // its clause uncertain (up to the clause breaks).
  auto qualifies = [&](std::size_t k, std::int32_t act) {
    for (std::int32_t x = static_cast<std::int32_t>(k), steps = 0; x >= 0 && steps < 64; ++steps) {
      if (x == act) return true;
      const Token& t = tokens[static_cast<std::size_t>(x)];
      if (t.dep == Dep::kParataxis ||
          (t.dep == Dep::kConj && has_child(tokens, static_cast<std::size_t>(x), is_subject)))
        return false;
      x = t.head;
    }
    return false;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t length = 0;
    // a hedge word the parse calls a name or a thing is none ("the suspect", "in May")
    const bool nominal = tokens[i].upos == Upos::kNoun || tokens[i].upos == Upos::kPropn;
    const bool word = tokens[i].kind == Token::Kind::kWord && !in_time[i] && !nominal;
    if (word && (lex.hedges.count(tokens[i].lower) || lex.conditionals.count(tokens[i].lower)))
      length = 1;
    else if (!(length = phrase_at(tokens, i, lex.hedge_phrases)))
      length = phrase_at(tokens, i, lex.conditional_phrases);
    if (length == 0) continue;
    std::string hedge;
    for (std::size_t k = i; k < i + length; ++k) hedge += (k > i ? " " : "") + tokens[k].lower;
    s.hedges.push_back(hedge);
    auto mark = [&](std::size_t k) {
      tokens[k].hedged = true;
      if (cue_of[k] == 0) cue_of[k] = static_cast<std::uint32_t>(s.hedges.size());
    };
    const bool governs = tokens[i].upos == Upos::kVerb || tokens[i].upos == Upos::kAdj;
    const std::int32_t act = governs ? static_cast<std::int32_t>(i) : tokens[i].head;
    if (length == 1 && act >= 0) {
      for (std::size_t k = 0; k < tokens.size(); ++k)
        if (qualifies(k, act)) mark(k);
      continue;
    }
    std::size_t begin = i, end = i + length;
    while (begin > 0 && !is_clause_break(tokens[begin - 1], lex)) --begin;
    while (end < tokens.size() && !is_clause_break(tokens[end], lex)) ++end;
    for (std::size_t k = begin; k < end; ++k) mark(k);
    i += length - 1;
  }
  if (!s.hedges.empty()) s.modality = Modality::kHedged;

  auto children = [&](std::size_t head, Dep dep) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].head == static_cast<std::int32_t>(head) && tokens[k].dep == dep)
        out.push_back(k);
    return out;
  };
  // The first and last token of k's subtree.
  auto extent = [&](std::size_t k) {
    std::size_t first = k, last = k;
    for (std::size_t j = 0; j < tokens.size(); ++j)
      for (std::int32_t x = static_cast<std::int32_t>(j), steps = 0; x >= 0 && steps < 64;
           ++steps) {
        if (x == static_cast<std::int32_t>(k)) {
          first = std::min(first, j), last = std::max(last, j);
          break;
        }
        x = tokens[static_cast<std::size_t>(x)].head;
      }
    return std::pair{first, last};
  };
  // Who speaks: the reporting verb's subject, its whole phrase ("North Korean historians",
  // "the translator Valentin Pak"), names as their entity ("Global Times", "he" as the
  // person it stands for).
  auto speaker_of = [&](std::size_t verb) {
    std::string who;
    const auto subjects = children(verb, Dep::kNsubj);
    if (subjects.empty()) return who;
    const auto [begin, last] = extent(subjects.front());
    std::string last_entity;
    for (std::size_t k = begin; k <= last && k < verb; ++k) {
      std::string word;
      if (tokens[k].entity && lex.personal_pronouns.count(tokens[k].lower)) {
        word = tokens[k].lemma.substr(1);  // "he said": the person "he" stands for
      } else if (tokens[k].entity) {
        if (tokens[k].lemma == last_entity) continue;  // one name, several words
        last_entity = tokens[k].lemma;
        std::size_t end = k;  // the name as written: "North Korean", "Global Times"
        while (end + 1 <= last && tokens[end + 1].lemma == last_entity) ++end;
        word = std::string(sentence_text.substr(tokens[k].span.begin,
                                                tokens[end].span.end - tokens[k].span.begin));
      } else if (!tokens[k].stop && !is_punct(tokens[k])) {
        last_entity.clear();
        word = std::string(sentence_text.substr(tokens[k].span.begin, tokens[k].span.size()));
      }
      if (!word.empty()) who += (who.empty() ? "" : " ") + word;
    }
    // "he said", "they told reporters": a pronoun that stands for no one named here still
    // speaks, as written ("he")
    if (who.empty() && tokens[subjects.front()].upos == Upos::kPron)
      who = tokens[subjects.front()].lower;
    return who;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (std::size_t n = phrase_at(tokens, i, lex.attribution_phrases)) {
      std::string who;
      for (std::size_t k = i + n; k < tokens.size() && !is_punct(tokens[k]); ++k)
        if (!tokens[k].stop || tokens[k].entity)
          who += std::string(who.empty() ? "" : " ") +
                 std::string(sentence_text.substr(tokens[k].span.begin, tokens[k].span.size()));
      if (!who.empty()) {
        s.modality = Modality::kReported;
        s.attributed_to = who;
        std::size_t end = i + n;  // "according to the report," up to its comma
        while (end < tokens.size() && !is_punct(tokens[end])) ++end;
        std::string cue;
        for (std::size_t k = i; k < i + n; ++k) cue += (k > i ? " " : "") + tokens[k].lower;
        return {i, i, end, cue};
      }
    }
    if (tokens[i].kind != Token::Kind::kWord || !lex.attribution_verbs.count(tokens[i].lemma))
      continue;
    if (!reports_claim(tokens, i, lex)) continue;
    const auto complements = children(i, Dep::kCcomp);
    const std::string who = speaker_of(i);
    if (who.empty()) continue;
    s.modality = Modality::kReported;
    s.attributed_to = who;
    const auto [verb_first, verb_last] = extent(i);
    // The frame: the words that say who speaks. The claim follows the verb: everything up
    // to where the complement starts, its subordinator ("that") included; the claim comes
    // before it ('"...," he said', "..., officials said"): the verb's own words.
    if (!complements.empty() && complements.front() > i) {
      const std::size_t claim = extent(complements.front()).first;
      const bool mark = tokens[claim].dep == Dep::kMark;
      return {i, 0, claim + (mark ? 1 : 0), tokens[i].lower};
    }
    if (!complements.empty()) {
      const std::size_t claim_end = extent(complements.front()).second;
      return {i, claim_end + 1, i + 1, tokens[i].lower};
    }
    return {i, verb_first, verb_last + 1, tokens[i].lower};
  }
  return {tokens.size()};
}

}  // namespace crosscheck::detail
