// Hedges, conditionals and attribution: how sure a claim is, and whose it is.
#include <string_view>

#include "detail.hpp"

namespace crosscheck::detail {

// Hedges make a claim uncertain; attribution verbs and "according to" make it reported.
// Returns the attribution ("said", "according to") and its frame; its token is tokens.size()
// when there is none.
Attribution find_modality(Statement& s, const Lexicon& lex, std::string_view sentence_text,
                          const std::vector<bool>& in_time, std::vector<std::uint32_t>& cue_of) {
  auto& tokens = s.tokens;
  cue_of.assign(tokens.size(), 0);
  // A hedge or a conditional makes its own clause uncertain, not the whole sentence:
  // "whilst one suspects X, it proves that Stalin did send soldiers" asserts the sending.
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
    std::size_t begin = i, end = i + length;
    while (begin > 0 && !is_clause_break(tokens[begin - 1], lex)) --begin;
    while (end < tokens.size() && !is_clause_break(tokens[end], lex)) ++end;
    for (std::size_t k = begin; k < end; ++k) {
      tokens[k].hedged = true;
      if (cue_of[k] == 0) cue_of[k] = static_cast<std::uint32_t>(s.hedges.size());
    }
    i += length - 1;
  }
  if (!s.hedges.empty()) s.modality = Modality::kHedged;

  // Who speaks: the words just before the verb ("North Korean historians still insist"),
  // names as their entity ("Global Times", "he" as the person it stands for), across one
  // comma when the verb follows it ("translator Valentin Pak, says:").
  auto speaker_before = [&](std::size_t verb) {
    std::size_t end = verb;
    if (end > 1 && tokens[end - 1].lower == ",") --end;
    std::size_t begin = end;
    while (begin > 0 && !is_punct(tokens[begin - 1]) && end - begin < 6) --begin;
    std::string who;
    std::string last_entity;
    for (std::size_t k = begin; k < end; ++k) {
      std::string word;
      if (tokens[k].entity && lex.personal_pronouns.count(tokens[k].lower)) {
        word = tokens[k].lemma.substr(1);  // "he said": the person "he" stands for
      } else if (tokens[k].entity) {
        if (tokens[k].lemma == last_entity) continue;  // one name, several words
        last_entity = tokens[k].lemma;
        std::size_t last = k;  // the name as written: "North Korean", "Global Times"
        while (last + 1 < end && tokens[last + 1].lemma == last_entity) ++last;
        word = std::string(sentence_text.substr(tokens[k].span.begin,
                                                tokens[last].span.end - tokens[k].span.begin));
      } else if (!tokens[k].stop) {
        last_entity.clear();
        word = std::string(sentence_text.substr(tokens[k].span.begin, tokens[k].span.size()));
      }
      if (!word.empty()) who += (who.empty() ? "" : " ") + word;
    }
    return who;
  };
  auto is_quote = [](const Token& t) {
    return t.lower == "\"" || t.lower == "\u201d" || t.lower == "\u2033" || t.lower == "'" ||
           t.lower == "\u2019";
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
    // "X said that ...", "X says: ...", "X insists that": reported speech follows.
    const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    // "a report that was prepared": "that" opening a relative clause reports nothing.
    const bool relative_that =
        next && next->lower == "that" && i + 2 < tokens.size() && is_auxiliary(tokens[i + 2]);
    if (relative_that) continue;
    bool introduces = next && (next->lower == "that" || next->lower == ":" || next->lower == "\"" ||
                               next->lower == "\u201c" || next->lower == ",");
    // "Stalin told Kim (, however,) that ...": the one told, then what was said.
    std::size_t told_that = 0;
    if (!introduces && next && next->entity) {
      for (std::size_t k = i + 1; k < tokens.size() && k - i <= 6; ++k) {
        if (tokens[k].lower == "that") {
          told_that = k;
          break;
        }
        const Token& w = tokens[k];
        if (!w.entity && !w.stop && !is_punct(w) && w.lower != "however") break;
      }
      introduces = told_that != 0;
    }
    // '"... a good start," he said.': the quotation before is the reported claim.
    std::size_t quote_end = i;
    for (std::size_t k = i; k-- > 0 && i - k <= 4;)
      if (is_quote(tokens[k])) quote_end = std::min(quote_end, k + 1);
    const bool closes_quote = quote_end < i;
    if (!introduces && !closes_quote) continue;
    const std::string who = speaker_before(i);
    if (who.empty()) continue;
    s.modality = Modality::kReported;
    s.attributed_to = who;
    // The frame: everything up to the verb (and the one told) and its "that" when the
    // claim follows, the speaker and the verb when the claim is the quotation before them.
    if (!introduces) return {i, quote_end, i + 1, tokens[i].lower};
    const std::size_t opener = told_that != 0 ? told_that : i + 1;
    return {i, 0, opener + (tokens[opener].lower == "that" || tokens[opener].lower == ":"),
            tokens[i].lower};
  }
  return {tokens.size()};
}

}  // namespace crosscheck::detail
