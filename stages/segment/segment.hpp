// segment: a Document -> its sentences, with byte spans into the NFC text and the original,
// and line:col. ICU's sentence BreakIterator with the lexicon's abbreviations suppressed, plus
// the repairs that copied web pages need: headings glued to the next sentence ("Before the
// WarSoviet forces..."), sentences that end inside quotes, ellipses, clutter kept out.
#pragma once

#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

struct SegmentOptions {
  std::uint32_t max_heading_words = 6;  // a glued heading is at most this long
  // The language's abbreviations ("Gen.", "Sept.": no sentence ends after them) and the
  // words that open a sentence ("in the U.S. The next day" breaks), from the lexicon's
  // [sentences] table; without one, ICU's own English abbreviations alone.
  const Lexicon* lexicon = nullptr;
  // A longer sentence is cut into pieces of at most this many tokens, at a clause mark or
  // a space where it can (0: no cap). It bounds the work any later stage does on one
  // sentence, and on one statement, which is a clause of a sentence.
  std::uint32_t max_sentence_tokens = 250;
};

// With `warnings`, a warning for each sentence cut by the cap, at its start.
std::vector<Sentence> segment(const Document& doc, const SegmentOptions& options = {},
                              std::vector<Diagnostic>* warnings = nullptr);

}  // namespace crosscheck
