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

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

// The time expressions of one sentence's words (spans relative to the sentence's text), in
// order and not overlapping. Updates `context.anchor`.
std::vector<Timex> find_timexes(const std::vector<Word>& words, const Lexicon& lexicon,
                                TimexContext& context);

// Whether time expression x of a sentence reads as a dateline or publication stamp: a full
// calendar date (day, month and year), or a clock time on one, that no preposition of
// dates introduces ("May 03, 2013", "PUBLISHED: THURSDAY, MAY 2, 2013 1:32 PM",
// "2013-05-02"; not "began on June 25, 1950").
bool stamp_like(const std::vector<Word>& words, const std::vector<Timex>& timexes, std::size_t x,
                const Lexicon& lexicon);
// The first stamp-like expression among `timexes`.
std::optional<std::size_t> stamp_of(const std::vector<Word>& words,
                                    const std::vector<Timex>& timexes, const Lexicon& lexicon);

// The day of the words' stamp (stamp_of), if they hold one: in an article's first lines,
// the day it was written.
std::optional<std::int32_t> first_full_date(const std::vector<Word>& words, const Lexicon& lexicon);

}  // namespace crosscheck
