// analyse: a Sentence -> its Statements, each with tokens (the words of the sentence's
// dependency parse: UD tokens, their tags and tag-keyed lemmas), canonical entities,
// predicates, negation cues with their scope, hedges, attribution, times as intervals
// (resolved against the article's date) and quantities. All language knowledge comes from the
// Lexicon and the parse; nothing is hard-coded.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

struct AnalyseOptions {
  const Lexicon* lexicon = nullptr;  // required
  // required: the parsed words of a sentence's text, spans relative to it (the pipeline
  // passes the syntax stage's parser; this stage knows only the core Word)
  std::function<std::vector<Word>(std::string_view)> parse;
  // required: the time expressions of a sentence's words, resolved against and moving the
  // article's context (the pipeline passes the timex stage's find_timexes), and whether
  // one of them reads as a dateline or publication stamp (timex's stamp_like)
  std::function<std::vector<Timex>(const std::vector<Word>&, TimexContext&)> timexes;
  std::function<bool(const std::vector<Word>&, const std::vector<Timex>&, std::size_t)> stamp_like;
  // the day the article was written, from its sources.toml entry; unset: found in its text
  std::optional<std::int32_t> article_date;
};

std::vector<Statement> analyse(const Document& doc, const Sentence& sentence,
                               const AnalyseOptions& options);

// All statements of a document, numbered in order. With `dating`, the day the article was
// written as its times were read, and where that came from.
std::vector<Statement> analyse(const Document& doc, const std::vector<Sentence>& sentences,
                               const AnalyseOptions& options, Dating* dating = nullptr);

}  // namespace crosscheck
