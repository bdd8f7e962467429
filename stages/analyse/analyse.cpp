#include "analyse/analyse.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck {

using namespace detail;

namespace {

// Case-folded UTF-8, with typographic apostrophes made plain so "Kim’s" and "Kim's" match.
std::string fold(std::string_view piece) {
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
  folded.foldCase();
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), u"'");
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), u"'");
  std::string out;
  folded.toUTF8String(out);
  return out;
}

// Closed-class words carry no weight of their own in alignment: the tag says so, for any
// word (the lexicon's stopwords add the open-class words that should not count either).
bool closed_class(Upos u) {
  switch (u) {
    case Upos::kAdp:
    case Upos::kAux:
    case Upos::kCconj:
    case Upos::kDet:
    case Upos::kPart:
    case Upos::kPron:
    case Upos::kSconj:
    case Upos::kPunct:
    case Upos::kSym:
      return true;
    default:
      return false;
  }
}

// The statement's tokens: the parse's words, less page clutter, each with its relation and
// the index of its head among the tokens.
std::vector<Token> tokens_of(const std::vector<Word>& words, const Document& doc,
                             const Sentence& sentence, const Lexicon& lex,
                             std::vector<std::int32_t>& word_token) {
  std::vector<Token> out;
  out.reserve(words.size());
  std::vector<std::int32_t> token_of(words.size() + 1, -1);  // 1-based word -> token index
  // A copula's predicate is the act of its clause: "the bridge was not safe", "North Korea
  // was a puppet state".
  std::vector<bool> copular(words.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Dep d = dep_from(words[i].deprel);
    if (d == Dep::kCop && words[i].head > 0) copular[words[i].head - 1] = true;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (doc.is_clutter(sentence.span.begin + w.span.begin)) continue;  // "[4]" and the like
    token_of[i + 1] = static_cast<std::int32_t>(out.size());
    Token t;
    t.upos = w.upos;
    t.dep = dep_from(w.deprel);
    t.head = static_cast<std::int32_t>(w.head);  // a word index until all tokens are made
    t.span = w.span;
    t.lower = fold(w.form);
    const bool digits = !w.form.empty() && std::isdigit(static_cast<unsigned char>(w.form[0]));
    if (w.upos == Upos::kPunct || w.upos == Upos::kSym)
      t.kind = Token::Kind::kPunct;
    else if (w.upos == Upos::kNum && digits)
      t.kind = Token::Kind::kNumber;
    // The matching key is the stem of the base form, as the lexicon's words are keyed: the
    // stem of the parse's lemma ("sued" -> "sue", where the stem of the form would be "su";
    // the verb "found" stays "found"), or of the form through the irregular forms when the
    // parse has no lemma.
    if (t.kind == Token::Kind::kWord)
      t.lemma = w.lemma.empty() ? lemma_of(t.lower, lex) : stem(fold(w.lemma));
    else
      t.lemma = t.lower;
    t.stop =
        t.kind != Token::Kind::kWord || closed_class(w.upos) || lex.stopwords.count(t.lower) > 0;
    // An act is what the parse calls a verb, a noun of a predicate class ("approval"), or a
    // copula's predicate.
    // Hedges and reporting verbs qualify a claim; they are never the claim's predicate.
    const bool predicate_noun = w.upos == Upos::kNoun && lex.predicate_class.count(t.lemma) > 0;
    const bool predicate_word = copular[i] && (w.upos == Upos::kNoun || w.upos == Upos::kAdj);
    // A main verb is an act even where the stopword list keeps it out of alignment's
    // weights: "did not have strong records" denies the having.
    t.verb = t.kind == Token::Kind::kWord && (w.upos == Upos::kVerb || !t.stop) &&
             (w.upos == Upos::kVerb || predicate_noun || predicate_word) &&
             !lex.hedges.count(t.lower);
    out.push_back(std::move(t));
  }
  for (Token& t : out)
    t.head =
        t.head > 0 && t.head <= static_cast<std::int32_t>(words.size()) ? token_of[t.head] : -1;
  word_token.assign(token_of.begin() + 1, token_of.end());
  // Reporting verbs qualify the claim they report; they are never its predicate. Nor is the
  // verb of "there is": what exists is said by its subject ("there are no ways to measure").
  std::vector<bool> existential(out.size(), false);
  for (const Token& t : out)
    if (t.dep == Dep::kExpl && t.head >= 0 && out[static_cast<std::size_t>(t.head)].stop)
      existential[static_cast<std::size_t>(t.head)] = true;
  for (std::size_t k = 0; k < out.size(); ++k)
    if (reports_claim(out, k, lex) || existential[k]) out[k].verb = false;
  return out;
}

}  // namespace

namespace {

// The statements of the parsed words of (a part of) a sentence; `span` is theirs.
// `timexes` are the words' time expressions; those marked in `stamp` are the article's
// dateline or stamp.
std::vector<Statement> analyse_words(const Document& doc, const Sentence& sentence,
                                     const std::vector<Word>& words, Span span,
                                     std::string_view text, const Lexicon& lex,
                                     const std::vector<Timex>& timexes,
                                     const std::vector<bool>& stamp) {
  Statement s;
  s.doc = doc.index;
  s.sentence = sentence.index;
  s.span = span;
  std::vector<std::int32_t> word_token;
  s.tokens = tokens_of(words, doc, sentence, lex, word_token);
  // Times first: "May 1950" is a month, not the hedge "may"; "Saturday" is no name.
  std::vector<bool> used(s.tokens.size(), false);
  s.times = detail::find_times(s.tokens, timexes, word_token, stamp, lex, used);
  for (auto& name : find_entities(s.tokens, lex)) s.entities.push_back(std::move(name));
  for (auto& name : find_unknown_entities(s.tokens, lex, text, used))
    s.entities.push_back(std::move(name));
  for (auto& t : s.tokens) t.verb = t.verb && !t.entity;  // "sung" in "Kim Il-sung" is a name
  mark_phrases(s.tokens, lex);
  mark_non_assertions(s.tokens, lex);
  resolve_pronouns(s.tokens, lex);
  s.quantities = detail::find_quantities(s.tokens, lex, used);
  for (auto& q : detail::durations(s.tokens, timexes, word_token, lex))
    s.quantities.push_back(std::move(q));
  std::stable_sort(s.quantities.begin(), s.quantities.end(),
                   [](const Quantity& x, const Quantity& y) { return x.token < y.token; });
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (used[i]) s.tokens[i].verb = false;  // "March 1949" is a month, not the verb "march"
  }
  find_negations(s, lex);
  std::vector<std::uint32_t> cue_of;
  const Attribution attribution = find_modality(s, lex, text, used, cue_of);
  const SentenceMarks marks{attribution, used, cue_of};

  // The sentence is analysed whole (pronouns, times and scopes see all of it), then cut
  // into its claims.
  std::vector<Statement> out;
  const auto cuts = clause_starts(s.tokens, lex);
  for (std::size_t c = 0; c < cuts.size(); ++c) {
    const std::size_t begin = cuts[c];
    const std::size_t end = c + 1 < cuts.size() ? cuts[c + 1] : s.tokens.size();
    out.push_back(clause(s, begin, end, sentence, marks, lex));
  }
  return out;
}

}  // namespace

namespace {

// One sentence, its time expressions resolved in `context`. An undated article takes its
// date from the first full date within its first bytes (its dateline or stamp). A stamp
// there (a full date or a clock time that no preposition gives to an act: "May 2, 2013
// 1:35 pm", "UPDATED: FRIDAY, MAY 3, 2013") dates the page, and scopes none of the acts.
std::vector<Statement> analyse_sentence(const Document& doc, const Sentence& sentence,
                                        const AnalyseOptions& options, TimexContext& context,
                                        Dating& dating) {
  const std::string_view text(doc.text.data() + sentence.span.begin, sentence.span.size());
  const std::vector<Word> words = options.parse(text);
  const TimexContext before = context;
  std::vector<Timex> timexes = options.timexes(words, context);
  std::vector<bool> stamp(timexes.size(), false);
  if (sentence.span.begin < kDatelineReach) {
    for (std::size_t x = 0; x < timexes.size() && !context.article_date; ++x)
      if (timexes[x].type == Timex::Type::kDate && options.stamp_like(words, timexes, x)) {
        // the stamp dates the article: read the sentence again
        context = before;
        context.article_date = context.anchor = days_of_value(timexes[x].value)->first;
        dating.day = context.article_date;
        dating.from_text = true;
        dating.where = {sentence.span.begin + timexes[x].span.begin,
                        sentence.span.begin + timexes[x].span.end};
        timexes = options.timexes(words, context);
      }
    // the stamps' dates and clock times ("May 2, 2013 1:35 pm", "UPDATED: FRIDAY, MAY 3,
    // 2013, 7:31 AM")
    stamp.assign(timexes.size(), false);
    for (std::size_t x = 0; x < timexes.size(); ++x)
      stamp[x] = options.stamp_like(words, timexes, x);
  }
  // A "sentence" longer than any real one (a page without a full stop) is analysed a part
  // at a time, so that the passes over its words stay linear in its length.
  constexpr std::size_t kPart = 400;
  if (words.size() <= kPart)
    return analyse_words(doc, sentence, words, sentence.span, text, *options.lexicon, timexes,
                         stamp);
  std::vector<Statement> out;
  for (std::size_t begin = 0; begin < words.size(); begin += kPart) {
    const std::size_t end = std::min(words.size(), begin + kPart);
    std::vector<Word> part(words.begin() + static_cast<std::ptrdiff_t>(begin),
                           words.begin() + static_cast<std::ptrdiff_t>(end));
    for (Word& w : part)
      w.head = w.head > begin && w.head <= end ? static_cast<std::uint32_t>(w.head - begin) : 0;
    std::vector<Timex> inside;
    std::vector<bool> part_stamp;
    for (std::size_t x = 0; x < timexes.size(); ++x)
      if (timexes[x].word >= begin && timexes[x].word_end <= end) {
        part_stamp.push_back(stamp[x]);
        Timex t = timexes[x];
        t.word -= static_cast<std::uint32_t>(begin);
        t.word_end -= static_cast<std::uint32_t>(begin);
        inside.push_back(std::move(t));
      }
    const Span span{sentence.span.begin + part.front().span.begin,
                    sentence.span.begin + part.back().span.end};
    for (auto& st :
         analyse_words(doc, sentence, part, span, text, *options.lexicon, inside, part_stamp))
      out.push_back(std::move(st));
  }
  return out;
}

// An undated article's stamp on a line of its own, which ingest keeps out of the statements
// as page furniture ("January 13, 1993 GMT" under the headline): the first one in the
// article's opening dates it.
void date_from_furniture(const Document& doc, const AnalyseOptions& options, TimexContext& context,
                         Dating& dating) {
  for (const Span& line : doc.clutter) {
    if (line.begin >= kDatelineReach || context.article_date) break;
    const std::vector<Word> words =
        options.parse(std::string_view(doc.text.data() + line.begin, line.size()));
    TimexContext scratch;
    const std::vector<Timex> timexes = options.timexes(words, scratch);
    for (std::size_t x = 0; x < timexes.size(); ++x)
      if (timexes[x].type == Timex::Type::kDate && options.stamp_like(words, timexes, x)) {
        context.article_date = context.anchor = days_of_value(timexes[x].value)->first;
        dating = {context.article_date,
                  true,
                  {line.begin + timexes[x].span.begin, line.begin + timexes[x].span.end}};
        break;
      }
  }
}

TimexContext context_of(const AnalyseOptions& options) {
  if (options.lexicon == nullptr) throw std::invalid_argument("analyse: no lexicon");
  if (!options.parse) throw std::invalid_argument("analyse: no parser");
  if (!options.timexes || !options.stamp_like)
    throw std::invalid_argument("analyse: no time expression finder");
  TimexContext context;
  context.article_date = options.article_date;
  context.anchor = options.article_date;
  return context;
}

}  // namespace

std::vector<Statement> analyse(const Document& doc, const Sentence& sentence,
                               const AnalyseOptions& options) {
  TimexContext context = context_of(options);
  Dating dating;
  return analyse_sentence(doc, sentence, options, context, dating);
}

std::vector<Statement> analyse(const Document& doc, const std::vector<Sentence>& sentences,
                               const AnalyseOptions& options, Dating* dating) {
  TimexContext context = context_of(options);
  Dating found;
  found.day = options.article_date;
  if (!context.article_date) date_from_furniture(doc, options, context, found);
  std::vector<Statement> out;
  for (const auto& sentence : sentences)
    for (auto& s : analyse_sentence(doc, sentence, options, context, found)) {
      s.index = static_cast<std::uint32_t>(out.size());
      out.push_back(std::move(s));
    }
  if (dating != nullptr) *dating = found;
  return out;
}

}  // namespace crosscheck
