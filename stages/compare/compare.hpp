// compare: aligned pairs + rules -> findings. Each rule is a conjunction of conditions on
// the pair (predicates shared or opposed, polarity, times, numbers, entities, modality);
// the first rule of each kind that holds makes a finding that names the rule and the cue
// words that satisfied it. Pure: call it from any thread.
#pragma once

#include <optional>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

struct CompareOptions {
  const RuleSet* rules = nullptr;    // required
  const Lexicon* lexicon = nullptr;  // required: predicate classes and antonyms
};

// The finding for one pair, if any rule fires (conflicts are tried before agreements). A
// conflict between claims that the two sources report from different speakers is a
// dispute (Finding::Kind::kDispute); a conflict that one source asserts itself and the
// other reports from a speaker says so in its explanation.
std::optional<Finding> compare(const Statement& a, const Statement& b, const Pair& pair,
                               const CompareOptions& options);

// Why each rule did or did not fire on the pair, one line per rule (for `explain`).
std::vector<std::string> explain_rules(const Statement& a, const Statement& b, const Pair& pair,
                                       const CompareOptions& options);

}  // namespace crosscheck
