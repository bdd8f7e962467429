// The analyse stage's options for tests: the bundled parser and the timex stage's finder,
// as the pipeline gives them (pipeline's analyse_options), over a test's lexicon.
#pragma once

#include "analyse/analyse.hpp"
#include "syntax_support.hpp"
#include "timex/timex.hpp"

namespace crosscheck::test {

inline AnalyseOptions analyse_options(const Lexicon& lexicon) {
  AnalyseOptions options;
  options.lexicon = &lexicon;
  options.parse = parse;
  options.timexes = [&lexicon](const std::vector<Word>& words, TimexContext& context) {
    return find_timexes(words, lexicon, context);
  };
  options.stamp_like = [&lexicon](const std::vector<Word>& words,
                                  const std::vector<Timex>& timexes, std::size_t x) {
    return stamp_like(words, timexes, x, lexicon);
  };
  return options;
}

}  // namespace crosscheck::test
