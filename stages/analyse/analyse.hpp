// analyse: a Sentence -> its Statements, each with tokens (the words of the sentence's
// dependency parse: UD tokens, their tags and tag-keyed lemmas), canonical entities,
// predicates, negation cues with their scope, hedges, attribution, times as intervals
// and quantities. All language knowledge comes from the Lexicon and the parse; nothing is
// hard-coded.
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
};

std::vector<Statement> analyse(const Document& doc, const Sentence& sentence,
                               const AnalyseOptions& options);

// All statements of a document, numbered in order.
std::vector<Statement> analyse(const Document& doc, const std::vector<Sentence>& sentences,
                               const AnalyseOptions& options);

}  // namespace crosscheck
