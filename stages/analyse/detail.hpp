// Internal to the analyse stage: the passes over a statement's tokens, one file each.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck::detail {

// The days the sentence's DATE and TIME expressions name (`timexes`, over its words;
// `token_of` maps a word to its token, -1 for page clutter), narrowed by their modifier
// ("early 1950"), bounded by the words before them ("by", "since") and joined into ranges
// ("from March to May"). The timexes marked in `stamp` are the article's dateline or
// stamp and name no act's time. Marks `used[i]` for the tokens of every time expression.
std::vector<TimeInterval> find_times(const std::vector<Token>& tokens,
                                     const std::vector<Timex>& timexes,
                                     const std::vector<std::int32_t>& token_of,
                                     const std::vector<bool>& stamp, const Lexicon& lexicon,
                                     std::vector<bool>& used);

// The sentence's durations with a number ("for three years", "a 12-year sentence"), as
// amounts of days: an act's "how long" compares like its other amounts. Ages ("the
// 33-year-old") are not among them.
std::vector<Quantity> durations(const std::vector<Token>& tokens, const std::vector<Timex>& timexes,
                                const std::vector<std::int32_t>& token_of, const Lexicon& lexicon);

// Digits and number words with approximators and the noun they count. Skips `used` tokens.
std::vector<Quantity> find_quantities(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                      const std::vector<bool>& used);

// Parses "2,000", "1.2", "30" -> value; false for anything else.
bool parse_number(const std::string& text, double& value);

// words.cpp: tests on single words and phrases
bool is_punct(const Token& t);
// The head of the phrase [begin, end): its first word whose head lies outside it.
std::int32_t phrase_head(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end);
bool is_auxiliary(const Token& t);   // be, have, do and the modals: the parse's AUX
bool is_determiner(const Token& t);  // "the", "this", "its": a determiner or a possessive
bool is_clause_break(const Token& t, const Lexicon& lex);
// True when a token whose head is token `head` passes `test`: a tree question the passes ask.
template <typename Test>
bool has_child(const std::vector<Token>& tokens, std::size_t head, Test&& test) {
  for (const Token& c : tokens)
    if (c.head == static_cast<std::int32_t>(head) && test(c)) return true;
  return false;
}
inline bool is_subject(const Token& t) { return t.dep == Dep::kNsubj || t.dep == Dep::kNsubjPass; }
// Length in tokens of the first of `phrases` that starts at token i (punctuation skipped), or 0.
std::size_t phrase_at(const std::vector<Token>& tokens, std::size_t i,
                      const std::vector<std::vector<std::string>>& phrases);

// entities.cpp: marks entity tokens (lemma "@Name") and returns the names
std::vector<std::string> find_entities(std::vector<Token>& tokens, const Lexicon& lex);
// Capitalised words no lexicon knows, less the words of time expressions (`in_time`).
std::vector<std::string> find_unknown_entities(std::vector<Token>& tokens, const Lexicon& lex,
                                               std::string_view text,
                                               const std::vector<bool>& in_time);
void resolve_pronouns(std::vector<Token>& tokens, const Lexicon& lex);

// acts.cpp: which tokens are acts
void mark_phrases(std::vector<Token>& tokens, const Lexicon& lex);
void mark_non_assertions(std::vector<Token>& tokens, const Lexicon& lex);

// negation.cpp, modality.cpp: over the whole sentence's statement
void find_negations(Statement& s, const Lexicon& lex);
// Who a claim is attributed to, as token positions in the sentence.
struct Attribution {
  std::size_t token;            // the attribution verb or phrase; tokens.size() when none
  std::size_t frame_begin = 0;  // [frame_begin, frame_end): the words that say who speaks
  std::size_t frame_end = 0;    // ("historians say that", "according to the report")
  std::string cue;              // the verb or phrase as written ("said", "according to")
};
// True when token k is a reporting verb that reports a claim, by the tree: its clausal
// complement ("X said that ...") or the clause it comments on ("..., officials said", and
// '"...," he said', which the parse may hang from the quotation as its complement). "The
// ministry confirmed the report" reports none: it is a claim of its own.
bool reports_claim(const std::vector<Token>& tokens, std::size_t k, const Lexicon& lex);
// The sentence's attribution; its token is s.tokens.size() when the claim is the article's own.
// Marks hedged tokens; cue_of[k] is 1 + the index in s.hedges of the hedge or conditional
// that makes token k uncertain, 0 when none.
Attribution find_modality(Statement& s, const Lexicon& lex, std::string_view sentence_text,
                          const std::vector<bool>& in_time, std::vector<std::uint32_t>& cue_of);

// clauses.cpp: where the claims of a sentence start, and each as a Statement
std::vector<std::size_t> clause_starts(const std::vector<Token>& tokens, const Lexicon& lex);
// The marks of the whole sentence a clause is cut from.
struct SentenceMarks {
  const Attribution& attribution;
  const std::vector<bool>& used;             // tokens of times and amounts
  const std::vector<std::uint32_t>& cue_of;  // find_modality's hedge of each token
};
Statement clause(const Statement& s, std::size_t begin, std::size_t end, const Sentence& sentence,
                 const SentenceMarks& marks, const Lexicon& lex);

// What a clause's records take from the sentence, per token of the clause.
struct ClauseMarks {
  std::vector<std::string> hedge;  // the hedge or conditional that makes it uncertain, or ""
  std::vector<bool> in_frame;      // one of the words that say who speaks
};
// records.cpp: the predications of a clause (its tokens, negations, times, amounts and
// attribution final), from the tree.
std::vector<Record> build_records(const Statement& c, const ClauseMarks& marks, const Lexicon& lex);

}  // namespace crosscheck::detail
