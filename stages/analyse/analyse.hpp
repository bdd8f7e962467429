// analyse: a Sentence -> its Statements, each with tokens (ICU word boundaries, case-folded,
// lemmatised with irregular forms and the Snowball English stemmer), canonical entities,
// predicates, negation cues with their scope, hedges, attribution, times as intervals
// and quantities. All language knowledge comes from the Lexicon; nothing is hard-coded.
#pragma once

#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

struct AnalyseOptions {
  const Lexicon* lexicon = nullptr;  // required
};

std::vector<Statement> analyse(const Document& doc, const Sentence& sentence,
                               const AnalyseOptions& options);

// All statements of a document, numbered in order.
std::vector<Statement> analyse(const Document& doc, const std::vector<Sentence>& sentences,
                               const AnalyseOptions& options);

}  // namespace crosscheck
