#include <set>
#include "analyse/analyse.hpp"

#include <algorithm>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck {
namespace {

using detail::tokenize;

bool is_punct(const Token& t) { return t.kind == Token::Kind::kPunct; }

// Auxiliaries and modals: after "no N", the verb that follows one of these is what is denied.
bool is_auxiliary(const std::string& w) {
  static const std::set<std::string> kAux = {"be",    "is",   "are",  "was",   "were", "been",
                                             "being", "am",   "will", "would", "shall", "should",
                                             "can",   "could", "may", "might", "must", "has",
                                             "have",  "had",  "do",   "does",  "did"};
  return kAux.count(w) > 0;
}

// "openly", "quickly": an -ly word whose stem is its base's stem is an adverb, not a verb
// ("supply", "reply" keep their own stems).
bool is_adverb(const std::string& w) {
  return w.size() > 4 && w.ends_with("ly") && stem(w) == stem(w.substr(0, w.size() - 2));
}

// "advisers", "investigators", "meetings": people and things, not acts, though they stem
// like the verb.
bool is_agent_plural(const std::string& w) {
  return w.size() > 5 && (w.ends_with("ers") || w.ends_with("ors") || w.ends_with("ings"));
}

bool is_clause_break(const Token& t, const Lexicon& lex) {
  if (is_punct(t)) return t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "(" ||
                          t.lower == ")" || t.lower == "\u2013" || t.lower == "\u2014" ||
                          t.lower == "." || t.lower == "?" || t.lower == "!" ||
                          lex.scope_breaks.count(t.lower) > 0;
  return lex.scope_breaks.count(t.lower) > 0;
}

// Marks entity tokens and returns the canonical names, longest alias first.
std::vector<std::string> find_entities(std::vector<Token>& tokens, const Lexicon& lex) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != Token::Kind::kWord) continue;
    std::string key;
    std::vector<std::size_t> words;
    std::string best;
    std::size_t best_end = 0;
    // Hyphens and apostrophes inside a name do not break it: "Kim Il-sung".
    for (std::size_t j = i; j < tokens.size() && words.size() < lex.longest_alias; ++j) {
      if (is_punct(tokens[j])) {
        if (tokens[j].lower == "-" || tokens[j].lower == "'" || tokens[j].lower == ".") continue;
        break;
      }
      // The token's own words, as the loader splits an alias: "u.s" -> "u s".
      std::string w = tokens[j].lower;
      if (w.ends_with("'s") && w.size() > 2) w.resize(w.size() - 2);
      std::string words;
      for (char c : w) {
        if (c != '.') words += c;
        else if (!words.empty() && words.back() != ' ') words += ' ';
      }
      while (!words.empty() && words.back() == ' ') words.pop_back();
      key += (key.empty() ? "" : " ") + words;
      words.push_back(j);
      if (auto it = lex.entity_aliases.find(key); it != lex.entity_aliases.end()) {
        best = it->second;
        best_end = j;
      }
    }
    if (best.empty()) continue;
    for (std::size_t k = i; k <= best_end; ++k) {
      tokens[k].entity = true;
      tokens[k].lemma = "@" + best;  // every word of the name stands for the entity
    }
    names.push_back(best);
    i = best_end;
  }
  return names;
}

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

// "he", "his": the first person named earlier in the statement, usually its subject.
void resolve_pronouns(std::vector<Token>& tokens, const Lexicon& lex) {
  std::string person;
  for (auto& t : tokens) {
    if (t.entity && person.empty()) {
      const std::string name = t.lemma.substr(1);
      const auto kind = lex.entity_kind.find(name);
      if (kind != lex.entity_kind.end() && kind->second == "person") person = t.lemma;
    } else if (!person.empty() && t.kind == Token::Kind::kWord &&
               lex.personal_pronouns.count(t.lower)) {
      t.lemma = person;
      t.entity = true;
      t.stop = false;
    }
  }
}

// Predicate words that the sentence does not assert: event nouns ("the start of the war",
// "the North's initiation") and acts that are only wanted or asked for ("wanted to invade").
void mark_non_assertions(std::vector<Token>& tokens, const Lexicon& lex) {
  static const std::set<std::string> kDeterminers = {"a", "an", "the", "this", "that", "its",
                                                     "his", "her", "their", "our", "my", "your"};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (!t.verb) continue;
    const bool after_determiner =
        i > 0 && (kDeterminers.count(tokens[i - 1].lower) ||
                  (tokens[i - 1].lower.ends_with("'s") && tokens[i - 1].lower.size() > 2));
    const bool before_of = i + 1 < tokens.size() && tokens[i + 1].lower == "of";
    if (after_determiner || before_of) t.verb = false;
  }
  // A light verb before a predicate noun: "obtained approval", "gave Kim permission".
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].verb || !lex.light_verbs.count(tokens[i].lemma)) continue;
    for (std::size_t k = i + 1; k < tokens.size() && k <= i + 8 && !is_clause_break(tokens[k], lex); ++k)
      if (tokens[k].verb && lex.predicate_class.count(tokens[k].lemma)) {
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

// Capitalised words that no alias names, as entities of their own: "Valentin Pak",
// "Weathersby". A lone capital at the start of the sentence, function words, acts, months
// and numbers are left alone.
std::vector<std::string> find_unknown_entities(std::vector<Token>& tokens, const Lexicon& lex,
                                               std::string_view text) {
  auto capitalised = [&](const Token& t) {
    const auto c = static_cast<unsigned char>(text[t.span.begin]);
    return c >= 'A' && c <= 'Z';
  };
  auto candidate = [&](const Token& t) {
    return t.kind == Token::Kind::kWord && !t.entity && !t.stop && !t.verb && capitalised(t) &&
           !lex.months.count(t.lower) && !lex.hedges.count(t.lower);
  };
  std::vector<std::string> names;
  std::size_t first_word = 0;
  while (first_word < tokens.size() && tokens[first_word].kind == Token::Kind::kPunct) ++first_word;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!candidate(tokens[i])) continue;
    std::size_t end = i + 1;
    while (end < tokens.size() && candidate(tokens[end])) ++end;
    if (i == first_word && end == i + 1) continue;  // "Historians argue": a capital by position
    std::string name;
    for (std::size_t k = i; k < end; ++k)
      name += (k > i ? " " : "") +
              std::string(text.substr(tokens[k].span.begin, tokens[k].span.size()));
    for (std::string_view suffix : {"'s", "\u2019s"})  // "Pak's" names Pak
      if (name.size() > suffix.size() && name.ends_with(suffix)) name.resize(name.size() - suffix.size());
    if (end == i + 1)  // "the War": the one known name with that head word
      if (auto head = lex.entity_head.find(tokens[i].lower); head != lex.entity_head.end())
        name = head->second;
    for (std::size_t k = i; k < end; ++k) {
      tokens[k].entity = true;
      tokens[k].lemma = "@" + name;
    }
    names.push_back(name);
    i = end - 1;
  }
  return names;
}

// Multi-word cues ("out of the question", "refused to") starting at token i; returns length.
std::size_t phrase_at(const std::vector<Token>& tokens, std::size_t i,
                      const std::vector<std::vector<std::string>>& phrases) {
  for (const auto& phrase : phrases) {
    std::size_t k = 0, j = i;
    for (; k < phrase.size() && j < tokens.size(); ++j) {
      if (is_punct(tokens[j])) continue;
      // a phrase word matches the surface form or the lemma ("refused" ~ "refuse")
      if (tokens[j].lower != phrase[k] && tokens[j].lemma != stem(phrase[k])) break;
      ++k;
    }
    if (k == phrase.size()) return j - i;
  }
  return 0;
}

// Finds negation cues, their scopes, and marks the denied head words.
void find_negations(Statement& s, const Lexicon& lex) {
  auto& tokens = s.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::size_t cue_length = 0;
    if (t.in_phrase) continue;  // the "no" of "said 'no'" is the act, not a negation
    if (t.kind == Token::Kind::kWord && lex.negation_cues.count(t.lower)) cue_length = 1;
    else if (std::size_t n = phrase_at(tokens, i, lex.negation_phrases)) cue_length = n;
    if (cue_length == 0) continue;
    // "not without", "never fails to": a cue whose next word is another cue cancels it.
    std::size_t after = i + cue_length;
    while (after < tokens.size() && is_punct(tokens[after])) ++after;
    if (after < tokens.size() &&
        (lex.negation_cues.count(tokens[after].lower) ||
         phrase_at(tokens, after, lex.negation_phrases) > 0)) {
      const std::size_t inner = std::max<std::size_t>(1, phrase_at(tokens, after, lex.negation_phrases));
      for (std::size_t k : {i, after}) {  // both cues are kept, with an empty scope
        Negation cancelled;
        cancelled.cue = tokens[k].lower;
        cancelled.token = cancelled.scope_begin = cancelled.scope_end = static_cast<std::uint32_t>(k);
        s.negations.push_back(std::move(cancelled));
      }
      i = after + inner - 1;
      continue;
    }
    Negation neg;
    for (std::size_t k = i; k < i + cue_length; ++k) tokens[k].stop = true;  // "far" of "far from"
    for (std::size_t k = i; k < i + cue_length; ++k)
      if (!is_punct(tokens[k])) neg.cue += (neg.cue.empty() ? "" : " ") + tokens[k].lower;
    neg.token = static_cast<std::uint32_t>(i);
    neg.scope_begin = static_cast<std::uint32_t>(i + cue_length);
    std::size_t end = neg.scope_begin;
    while (end < tokens.size() && !is_clause_break(tokens[end], lex)) ++end;
    neg.scope_end = static_cast<std::uint32_t>(end);
    // "did not give final approval until April": the act happened, in April.
    const bool until_time =
        end + 1 < tokens.size() && (tokens[end].lower == "until" || tokens[end].lower == "till") &&
        std::any_of(s.times.begin(), s.times.end(),
                    [&](const TimeInterval& t) { return t.token == end + 1; });
    if (until_time) {
      neg.scope_end = neg.scope_begin;  // kept as a cue that denies nothing
      s.negations.push_back(std::move(neg));
      i += cue_length - 1;
      continue;
    }
    // "out of the question" stands after what it denies: "invading X is out of the question".
    const bool postposed =
        cue_length > 1 && (end == neg.scope_begin || (i > 0 && is_auxiliary(tokens[i - 1].lower)));
    if (postposed) {
      std::size_t begin = i;
      while (begin > 0 && !is_clause_break(tokens[begin - 1], lex)) --begin;
      neg.scope_begin = static_cast<std::uint32_t>(begin);
      neg.scope_end = static_cast<std::uint32_t>(i);
      for (std::size_t k = begin; k < i; ++k)
        if (tokens[k].verb && !tokens[k].entity) tokens[k].negated = true;
    } else {
      // The head: content words up to the first verb; after a negated quantifier ("no
      // ground forces would be sent") up to the verb that follows the auxiliary.
      const bool quantifier = lex.negated_quantifiers.count(neg.cue) > 0;
      std::size_t aux = end;
      if (quantifier)
        for (std::size_t k = neg.scope_begin; k < end; ++k)
          if (is_auxiliary(tokens[k].lower)) {
            aux = k;
            break;
          }
      std::size_t content = 0;
      for (std::size_t k = neg.scope_begin; k < end; ++k) {
        Token& w = tokens[k];
        if (lex.negation_cues.count(w.lower)) break;  // the inner negation governs what follows
        if (w.stop || is_punct(w) || w.entity) continue;
        // "was not in hurry of this matter of invasion": the head is near the cue.
        if (!quantifier && ++content > 2) break;
        // "no ground forces would be sent": what is denied is the sending, not the forces;
        // "no interest in X" (no auxiliary): the noun alone.
        if (quantifier && aux != end && k < aux) continue;
        w.negated = true;
        if (quantifier && aux == end) break;
        if (w.verb) break;
      }
    }
    s.negations.push_back(std::move(neg));
    i += cue_length - 1;
  }
  const bool any = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.negated; });
  s.polarity = any ? Polarity::kNegative : Polarity::kPositive;
}

// Hedges make a claim uncertain; attribution verbs and "according to" make it reported.
// Returns the token of the attribution ("said", "according to"), or tokens.size() if none.
std::size_t find_modality(Statement& s, const Lexicon& lex, std::string_view sentence_text,
                          const std::vector<bool>& in_time) {
  auto& tokens = s.tokens;
  // A hedge or a conditional makes its own clause uncertain, not the whole sentence:
  // "whilst one suspects X, it proves that Stalin did send soldiers" asserts the sending.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t length = 0;
    if (tokens[i].kind == Token::Kind::kWord && !in_time[i] && lex.hedges.count(tokens[i].lower))
      length = 1;
    else
      length = phrase_at(tokens, i, lex.hedge_phrases);
    if (length == 0) continue;
    std::string hedge;
    for (std::size_t k = i; k < i + length; ++k) hedge += (k > i ? " " : "") + tokens[k].lower;
    s.hedges.push_back(hedge);
    std::size_t begin = i, end = i + length;
    while (begin > 0 && !is_clause_break(tokens[begin - 1], lex)) --begin;
    while (end < tokens.size() && !is_clause_break(tokens[end], lex)) ++end;
    for (std::size_t k = begin; k < end; ++k) tokens[k].hedged = true;
    i += length - 1;
  }
  if (!s.hedges.empty()) s.modality = Modality::kHedged;

  auto speaker_before = [&](std::size_t verb) {
    std::size_t begin = verb;
    while (begin > 0 && !is_punct(tokens[begin - 1]) && verb - begin < 6) --begin;
    std::string who;
    for (std::size_t k = begin; k < verb; ++k) {
      const bool pronoun = tokens[k].entity && lex.personal_pronouns.count(tokens[k].lower);
      if (pronoun)  // "he said": the person "he" stands for
        who += std::string(who.empty() ? "" : " ") + tokens[k].lemma.substr(1);
      else if (!tokens[k].stop || tokens[k].entity)
        who += std::string(who.empty() ? "" : " ") +
               std::string(sentence_text.substr(tokens[k].span.begin, tokens[k].span.size()));
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
        return i;
      }
    }
    if (tokens[i].kind != Token::Kind::kWord || !lex.attribution_verbs.count(tokens[i].lemma))
      continue;
    // "X said that ...", "X says: ...", "X insists that": reported speech follows.
    const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    // "a report that was prepared": "that" opening a relative clause reports nothing.
    const bool relative_that = next && next->lower == "that" && i + 2 < tokens.size() &&
                               is_auxiliary(tokens[i + 2].lower);
    if (relative_that) continue;
    const bool introduces = next && (next->lower == "that" || next->lower == ":" ||
                                     next->lower == "\"" || next->lower == "\u201c" ||
                                     next->lower == ",");
    // '"... a good start," he said.': the quotation before is the reported claim.
    bool closes_quote = false;
    for (std::size_t k = i; k-- > 0 && i - k <= 4;)
      if (is_quote(tokens[k])) closes_quote = true;
    if (!introduces && !closes_quote) continue;
    const std::string who = speaker_before(i);
    if (who.empty()) continue;
    s.modality = Modality::kReported;
    s.attributed_to = who;
    return i;
  }
  return tokens.size();
}

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Where a sentence holds several claims: after ";", and at a contrast word ("but",
// "whereas", "although") that follows a comma or dash or joins two clauses mid-sentence.
// The part before must hold a content word and the part after an act of its own.
std::vector<std::size_t> clause_starts(const std::vector<Token>& tokens, const Lexicon& lex) {
  static const std::set<std::string> kContrast = {"but", "whereas", "although", "though",
                                                  "however", "while", "whilst", "yet"};
  auto has_act = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
      if (tokens[k].verb) return true;
    return false;
  };
  auto has_content = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
      if (!tokens[k].stop && tokens[k].kind == Token::Kind::kWord) return true;
    return false;
  };
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const Token& prev = tokens[i - 1];
    bool cut = false;
    if (t.lower == ";") {
      cut = true;
    } else if (kContrast.count(t.lower)) {
      const bool after_mark = prev.lower == "," || prev.lower == "\u2013" || prev.lower == "\u2014";
      cut = after_mark || t.lower == "but" || t.lower == "whereas";
    }
    (void)lex;
    if (!cut || !has_content(starts.back(), i) || !has_act(i, tokens.size())) continue;
    starts.push_back(t.lower == ";" ? i + 1 : i);
  }
  return starts;
}

// Subject, predicate and object of a clause from word order alone: the first act, the
// nearest name or content word before it, the first after it.
void fill_roles(Statement& c) {
  auto name = [](const Token& t) { return t.entity ? t.lemma.substr(1) : t.lower; };
  auto content = [](const Token& t) { return t.kind == Token::Kind::kWord && !t.stop; };
  std::size_t act = c.tokens.size();
  for (std::size_t k = 0; k < c.tokens.size() && act == c.tokens.size(); ++k)
    if (c.tokens[k].verb) act = k;
  if (act == c.tokens.size()) return;
  c.predicate = c.tokens[act].lower;
  for (std::size_t k = act; k-- > 0;) {
    if (content(c.tokens[k]) && !c.tokens[k].verb) {
      c.subject = name(c.tokens[k]);
      break;
    }
  }
  for (std::size_t k = act + 1; k < c.tokens.size(); ++k) {
    if (content(c.tokens[k]) && !c.tokens[k].verb) {
      c.object = name(c.tokens[k]);
      break;
    }
  }
}

// The clause [begin, end) of the whole-sentence analysis `s` as a statement of its own.
Statement clause(const Statement& s, std::size_t begin, std::size_t end, const Sentence& sentence,
                 std::size_t attribution, const std::vector<bool>& used, const Lexicon& lex) {
  Statement c;
  c.doc = s.doc;
  c.sentence = s.sentence;
  const auto offset = static_cast<std::uint32_t>(begin);
  c.tokens.assign(s.tokens.begin() + begin, s.tokens.begin() + end);
  c.span = {sentence.span.begin + (begin < s.tokens.size() ? s.tokens[begin].span.begin : 0),
            sentence.span.begin + (end > begin ? s.tokens[end - 1].span.end : 0)};
  if (begin == 0 && end == s.tokens.size()) c.span = s.span;
  auto inside = [&](std::uint32_t k) { return k >= begin && k < end; };
  for (const auto& n : s.negations) {
    if (!inside(n.token)) continue;
    Negation m = n;
    m.token -= offset;
    m.scope_begin = std::max<std::uint32_t>(n.scope_begin, offset) - offset;
    m.scope_end = std::min<std::uint32_t>(n.scope_end, static_cast<std::uint32_t>(end)) - offset;
    m.scope_end = std::max(m.scope_end, m.scope_begin);
    c.negations.push_back(std::move(m));
  }
  for (const auto& t : s.times)
    if (inside(t.token)) {
      TimeInterval m = t;
      m.token -= offset;
      m.token_end = std::min<std::uint32_t>(t.token_end, static_cast<std::uint32_t>(end)) - offset;
      c.times.push_back(std::move(m));
    }
  for (const auto& q : s.quantities)
    if (inside(q.token)) {
      Quantity m = q;
      m.token -= offset;
      c.quantities.push_back(std::move(m));
    }
  const bool any_negated =
      std::any_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) { return t.negated; });
  c.polarity = any_negated ? Polarity::kNegative : Polarity::kPositive;
  // Reported speech runs from its verb to the end of that clause; a hedge makes its clause
  // uncertain.
  if (s.modality == Modality::kReported && inside(static_cast<std::uint32_t>(attribution))) {
    c.modality = Modality::kReported;
    c.attributed_to = s.attributed_to;
  }
  for (const auto& t : c.tokens)
    if (t.hedged && c.modality == Modality::kAsserted) c.modality = Modality::kHedged;
  if (c.modality != Modality::kAsserted || begin == 0) c.hedges = s.hedges;
  for (std::size_t i = begin; i < end; ++i) {
    const Token& t = s.tokens[i];
    if (t.entity && t.lemma.size() > 1) c.entities.push_back(t.lemma.substr(1));
    if (t.stop || t.entity || used[i] || t.kind != Token::Kind::kWord || t.lemma.size() < 2) continue;
    // A predicate counts by its class, so "approved" and "permission" share a term.
    c.terms.push_back(t.verb ? lex.class_of(t.lemma) : t.lemma);
    if (t.verb) c.predicates.push_back(lex.class_of(t.lemma));
  }
  for (const auto& e : c.entities) c.terms.push_back("@" + e);
  sort_unique(c.terms);
  sort_unique(c.entities);
  fill_roles(c);
  return c;
}

}  // namespace

std::vector<Statement> analyse(const Document& doc, const Sentence& sentence,
                               const AnalyseOptions& options) {
  if (options.lexicon == nullptr) throw std::invalid_argument("analyse: no lexicon");
  const Lexicon& lex = *options.lexicon;
  const std::string_view text(doc.text.data() + sentence.span.begin, sentence.span.size());

  Statement s;
  s.doc = doc.index;
  s.sentence = sentence.index;
  s.span = sentence.span;
  for (auto& t : tokenize(text, lex)) {
    if (doc.is_clutter(sentence.span.begin + t.span.begin)) continue;  // "[4]" and the like
    t.stop = t.kind != Token::Kind::kWord || lex.stopwords.count(t.lower) > 0;
    // Hedges and reporting verbs qualify a claim; they are never the claim's predicate.
    t.verb = t.kind == Token::Kind::kWord && !t.stop && !lex.hedges.count(t.lower) &&
             !lex.attribution_verbs.count(t.lemma) && !is_adverb(t.lower) &&
             !is_agent_plural(t.lower) &&
             (lex.verbs.count(t.lemma) > 0 || lex.predicate_class.count(t.lemma) > 0);
    s.tokens.push_back(std::move(t));
  }
  s.entities = find_entities(s.tokens, lex);
  for (auto& name : find_unknown_entities(s.tokens, lex, text)) s.entities.push_back(std::move(name));
  for (auto& t : s.tokens) t.verb = t.verb && !t.entity;  // "sung" in "Kim Il-sung" is a name
  mark_phrases(s.tokens, lex);
  mark_non_assertions(s.tokens, lex);
  resolve_pronouns(s.tokens, lex);
  // Times first: "May 1950" is a month, not the hedge "may".
  std::vector<bool> used(s.tokens.size(), false);
  s.times = detail::find_times(s.tokens, lex, used);
  s.quantities = detail::find_quantities(s.tokens, lex, used);
  for (std::size_t i = 0; i < s.tokens.size(); ++i)
    if (used[i]) s.tokens[i].verb = false;  // "March 1949" is a month, not the verb "march"
  find_negations(s, lex);
  const std::size_t attribution = find_modality(s, lex, text, used);

  // The sentence is analysed whole (pronouns, times and scopes see all of it), then cut
  // into its claims.
  std::vector<Statement> out;
  const auto cuts = clause_starts(s.tokens, lex);
  for (std::size_t c = 0; c < cuts.size(); ++c) {
    const std::size_t begin = cuts[c];
    const std::size_t end = c + 1 < cuts.size() ? cuts[c + 1] : s.tokens.size();
    out.push_back(clause(s, begin, end, sentence, attribution, used, lex));
  }
  return out;
}

std::vector<Statement> analyse(const Document& doc, const std::vector<Sentence>& sentences,
                               const AnalyseOptions& options) {
  std::vector<Statement> out;
  for (const auto& sentence : sentences)
    for (auto& s : analyse(doc, sentence, options)) {
      s.index = static_cast<std::uint32_t>(out.size());
      out.push_back(std::move(s));
    }
  return out;
}

}  // namespace crosscheck
