// Internal to the compare stage: the facts about a statement pair that rules test
// (facts.cpp), shared with the rule evaluation (compare.cpp).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck::detail {

// A predicate word of one side matched with one of the other side.
struct PredicateMatch {
  std::uint32_t token_a = 0;
  std::uint32_t token_b = 0;
  bool opposite = false;  // antonym classes rather than the same class
};

// Acts of a (verbs, event nouns) matched with acts of b by class, or by opposed classes.
std::vector<PredicateMatch> predicate_matches(const Statement& a, const Statement& b,
                                              const Lexicon& lex);
// True when s both denies and asserts words of `cls`: a sequence, not a denial.
bool mixed(const Statement& s, const std::string& cls, const Lexicon& lex);

bool breaks_clause(const Token& t);
std::pair<std::uint32_t, std::uint32_t> clause_of(const Statement& s, std::uint32_t i);
bool in_time(const Statement& s, std::uint32_t k);
const TimeInterval* nearest_time(const Statement& s, std::uint32_t token, std::uint32_t window);
const Negation* negation_of(const Statement& s, std::uint32_t token);

// Words around act i, sorted, each marked "<" (before: the doer's side) or ">" (after).
std::vector<std::string> context(const Statement& s, std::uint32_t i, std::uint32_t window);
// The first word after the denied act that the assertion does not also say, or "".
std::string uncovered(const Statement& denier, std::uint32_t i, const Statement& asserter,
                      std::uint32_t j, std::uint32_t window);

// The entities named before token i, and the agent: the nearest of them in i's clause.
struct Participants {
  std::vector<std::string> before;
  std::string agent;
};
Participants participants(const Statement& s, std::uint32_t i);
bool agents_differ(const Statement& a, std::uint32_t i, const Statement& b, std::uint32_t j);
bool objects_differ(const Statement& a, std::uint32_t i, const Statement& b, std::uint32_t j,
                    std::uint32_t window);

// Two amounts of the same thing ("30 pilots" / "about 2,000 pilots") near the two acts.
struct NumberMatch {
  const Quantity* a = nullptr;
  const Quantity* b = nullptr;
  bool overlap = false;
};
std::optional<NumberMatch> compare_numbers(const Statement& a, std::uint32_t i, const Statement& b,
                                           std::uint32_t j, std::uint32_t window);

}  // namespace crosscheck::detail
