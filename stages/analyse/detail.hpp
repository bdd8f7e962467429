// Internal to the analyse stage: the passes over a statement's tokens, one file each.
#pragma once

#include <string>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck::detail {

// Word tokens of `text` (ICU word boundaries), with spans relative to `text`.
// Punctuation is kept as kPunct tokens; spaces are dropped. "didn't" becomes "did" + "n't".
std::vector<Token> tokenize(std::string_view text, const Lexicon& lexicon);

// Days since 0000-03-01 of a proleptic Gregorian date.
std::int32_t days_from_civil(int year, int month, int day);
int days_in_month(int year, int month);

// Years, decades, month-years, full dates, seasons, early/late years, year ranges.
// Marks `used[i]` for tokens that belong to a time expression.
std::vector<TimeInterval> find_times(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                     std::vector<bool>& used);

// Digits and number words with approximators and the noun they count. Skips `used` tokens.
std::vector<Quantity> find_quantities(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                      const std::vector<bool>& used);

// Parses "2,000", "1.2", "30" -> value; false for anything else.
bool parse_number(const std::string& text, double& value);

}  // namespace crosscheck::detail
