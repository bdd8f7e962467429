#include "analyse/analyse.hpp"

#include <stdexcept>

#include "detail.hpp"

namespace crosscheck {

using namespace detail;

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
  for (auto& name : find_unknown_entities(s.tokens, lex, text))
    s.entities.push_back(std::move(name));
  for (auto& t : s.tokens) t.verb = t.verb && !t.entity;  // "sung" in "Kim Il-sung" is a name
  mark_phrases(s.tokens, lex);
  mark_non_assertions(s.tokens, lex);
  resolve_pronouns(s.tokens, lex);
  // Times first: "May 1950" is a month, not the hedge "may".
  std::vector<bool> used(s.tokens.size(), false);
  s.times = detail::find_times(s.tokens, lex, used);
  s.quantities = detail::find_quantities(s.tokens, lex, used);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (used[i]) s.tokens[i].verb = false;  // "March 1949" is a month, not the verb "march"
    const std::string two = i > 0 ? s.tokens[i - 1].lower + " " + s.tokens[i].lower : "";
    if (lex.time_relative.count(s.tokens[i].lower) || lex.time_relative.count(two))
      s.relative_time = true;
  }
  find_negations(s, lex);
  const Attribution attribution = find_modality(s, lex, text, used);

  // The sentence is analysed whole (pronouns, times and scopes see all of it), then cut
  // into its claims.
  std::vector<Statement> out;
  const auto cuts = clause_starts(s.tokens);
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
