// Internal to the compare stage: the facts about a statement pair that rules test
// (facts.cpp), read from the statements' records, shared with the rule evaluation
// (compare.cpp).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck::detail {

// A record of one side matched with one of the other side.
struct PredicateMatch {
  const Record* a = nullptr;
  const Record* b = nullptr;
  bool opposite = false;  // antonym classes rather than the same class
  // when not one class: how WordNet relates them ("bought" / "purchased": synonyms)
  std::optional<Relation> relation;
};

// Records of a matched with records of b by class, by WordNet synonym or derivation (one
// act named two ways), or by opposed classes.
std::vector<PredicateMatch> predicate_matches(const Statement& a, const Statement& b,
                                              const Lexicon& lex);
// True when s both denies and asserts records of `cls`: a sequence, not a denial.
bool mixed(const Statement& s, const std::string& cls, const Lexicon& lex);

bool breaks_clause(const Token& t);
std::pair<std::uint32_t, std::uint32_t> clause_of(const Statement& s, std::uint32_t i);
bool in_time(const Statement& s, std::uint32_t k);

// The times the tree attaches to two records: an overlapping pair when there is one, else
// the first pair (which cannot overlap); nullopt when a side has none.
struct TimeMatch {
  const TimeInterval* a = nullptr;
  const TimeInterval* b = nullptr;
  bool overlap = false;
};
std::optional<TimeMatch> compare_times(const Statement& a, const Record& ra, const Statement& b,
                                       const Record& rb);

// Words around record r's act, sorted, each marked "<" (before: the doer's side) or ">".
std::vector<std::string> context(const Statement& s, const Record& r, std::uint32_t window);
// The first word after the denied act that the assertion does not also say, or "".
std::string uncovered(const Statement& denier, const Record& denied, const Statement& asserter,
                      const Record& asserted, std::uint32_t window);

// The entities named before the act (all of them in a passive), and the record's doer
// when it is a name.
struct Participants {
  std::vector<std::string> before;
  std::string agent;
};
Participants participants(const Statement& s, const Record& r);
bool agents_differ(const Statement& a, const Record& ra, const Statement& b, const Record& rb);
bool objects_differ(const Statement& a, const Record& ra, const Statement& b, const Record& rb,
                    std::uint32_t window);

// Two amounts of the same thing ("30 pilots" / "about 2,000 pilots") that the tree attaches
// to the two records.
struct NumberMatch {
  const Quantity* a = nullptr;
  const Quantity* b = nullptr;
  bool overlap = false;
};
std::optional<NumberMatch> compare_numbers(const Statement& a, const Record& ra, const Statement& b,
                                           const Record& rb);

}  // namespace crosscheck::detail
