// segment: a Document -> its sentences, with byte spans into the NFC text and the original,
// and line:col. ICU's sentence BreakIterator with English abbreviation suppression, plus
// the repairs that copied web pages need: headings glued to the next sentence ("Before the
// WarSoviet forces..."), sentences that end inside quotes, ellipses, clutter kept out.
#pragma once

#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct SegmentOptions {
  std::uint32_t max_heading_words = 6;  // a glued heading is at most this long
};

std::vector<Sentence> segment(const Document& doc, const SegmentOptions& options = {});

}  // namespace crosscheck
