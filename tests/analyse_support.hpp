// The analyse stage's options for tests: the pipeline's own (the bundled parser and the
// timex stage's finder) over a test's lexicon.
#pragma once

#include "run.hpp"
#include "syntax_support.hpp"

namespace crosscheck::test {

inline AnalyseOptions analyse_options(const Lexicon& lexicon) {
  return crosscheck::analyse_options(lexicon, bundled_model());
}

}  // namespace crosscheck::test
