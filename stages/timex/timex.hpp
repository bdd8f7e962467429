// timex: a sentence's parsed words -> its time expressions as TIMEX3 marks them (DATE, TIME,
// DURATION, SET), with values resolved as a news reader resolves them: against the article's
// date ("yesterday", "last week", "Monday", "six months ago"), or, for narrative
// expressions ("the next day", "four days later", "that year"), against the last date the
// article gave. The words come from the Lexicon ([months], [seasons], [numbers] and the
// [timex.*] tables of rules/<lang>/time.toml); the tagger's part-of-speech tags tell the
// month "May" from the verb. Pure: no file access, no printing.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "crosscheck/calendar.hpp"
#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

// What the sentences of one article share, in reading order.
struct TimexContext {
  std::optional<std::int32_t> article_date;  // the day the article was written
  // The last date the article gave, and the grain it gave it at; "the next day" counts
  // from it. Starts as the article's date; find_timexes moves it.
  std::optional<std::int32_t> anchor;
  DayRange::Grain anchor_grain = DayRange::Grain::kDay;
};

// The time expressions of one sentence's words (spans relative to the sentence's text), in
// order and not overlapping. Updates `context.anchor`.
std::vector<Timex> find_timexes(const std::vector<Word>& words, const Lexicon& lexicon,
                                TimexContext& context);

// The first full calendar date (day, month and year) among the words: in an article's
// first lines, its dateline or publication stamp ("May 03, 2013", "PUBLISHED: THURSDAY,
// MAY 2, 2013", "2013-05-02").
std::optional<std::int32_t> first_full_date(const std::vector<Word>& words,
                                            const Lexicon& lexicon);

}  // namespace crosscheck
