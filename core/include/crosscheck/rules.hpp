// A rule as plain data: the conditions a statement pair must meet for a finding of the
// rule's kind and type. Rules come from rules/<lang>/*.toml through ruleset/; the compare
// stage evaluates them. Every condition is optional; a rule fires when all of its set
// conditions hold, and the first rule (in file order) that fires on a pair wins per kind.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct Rule {
  enum class Predicate { kAny, kSame, kOpposite };  // predicate classes shared or opposed
  enum class PolarityTest { kAny, kSame, kOpposite };
  enum class TimeTest { kAny, kDisjoint, kOverlap, kNone };  // kNone: no clash of times
  enum class NumberTest { kAny, kDisjoint, kOverlap };

  std::string id;
  Finding::Kind kind = Finding::Kind::kConflict;
  std::string type;
  double confidence = 0.5;
  std::string description;

  double min_score = 0;  // alignment score of the pair
  // The pair must rank within this many among one of its statements' candidates in the
  // other's document (Pair::best_rank); 0: any rank.
  std::uint32_t max_rank = 0;
  std::uint32_t min_shared_terms = 0;
  std::uint32_t min_shared_entities = 0;
  // Terms (lemmas, entities) shared within `context_window` tokens of the matched predicate
  // words: the same act with the same participants.
  std::uint32_t min_context = 0;
  std::uint32_t context_window = 6;
  Predicate predicate = Predicate::kAny;
  PolarityTest polarity = PolarityTest::kAny;
  TimeTest time = TimeTest::kAny;  // of the times the tree attaches to the two records
  NumberTest number = NumberTest::kAny;
  // The conditions below read the matched records (Record), one from each side.
  bool same_agent = false;  // the records' doers, when names, must match
  // the names the records' arguments give (argument_names: "in Aceh", "to Kim"), when both
  // give one, must share one: a quake in Tehran is not the quake in Zarand
  bool same_place = false;
  // when both statements name entities, they must share one: "the bomb did not explode" in
  // Boyette's school is not "bomb explodes at Woodburn bank"
  bool shared_names = false;
  // what each act is done to (its record's object) must also be said after the other act,
  // when both name one ("permission for the invasion" is not "permission to stage a parade")
  bool same_object = false;
  // A denial must not be more specific than the assertion: every word after the denied act
  // in its clause is also said after the asserted act ("not smiling at a friend" does not
  // deny "smiling at something").
  bool covered_denial = false;
  bool allow_hedged = true;    // may a record that is not asserted take part (Modality)?
  bool allow_reported = true;  // may a record that names a speaker take part?
  double hedged_factor = 0.6;  // confidence multiplier when either side is hedged

  std::string file;  // where it was defined, for messages
  std::uint32_t line = 0;
};

struct RuleSet {
  std::vector<Rule> rules;
};

}  // namespace crosscheck
