// The language knowledge the analyser uses, as plain data loaded from rules/<lang>/*.toml:
// function words, negation cues, hedges, attribution verbs, entity aliases, predicate
// classes, number and month words, irregular forms. Nothing here is code; a researcher
// changes behaviour by editing the files, and the loader (ruleset/) fills this struct.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace crosscheck {

// [timex.*] (rules/<lang>/time.toml): the words of time expressions, for the timex stage.
// Keys are lower-case words, phrases joined by one space.
struct TimeWords {
  std::map<std::string, int> weekdays;           // "monday", "mon" -> 1 .. 7 (ISO)
  std::map<std::string, std::string> units;      // "day", "days" -> "D"; "decade" -> "10Y"
  std::map<std::string, std::string> day_parts;  // "morning" -> "MO"; "noon" -> "12:00"
  std::map<std::string, std::string> seasons;    // "spring" -> "SP"
  std::map<std::string, std::string> periods;    // "quarter" -> "Q", "half" -> "H"
  // words dated from the article's date: "yesterday" -> "-1D", "tonight" -> "0D NI",
  // "now" -> "PRESENT_REF"
  std::map<std::string, std::string> deictic;
  std::map<std::string, int> shifts;  // from the article's date: "last" -1, "this" 0, "next" 1
  std::map<std::string, int>
      narrative;  // from the last date: "previous" -1, "same" 0, "following" 1
  // after "N days": "ago" -> "-dct", "from now" -> "+dct", "earlier" -> "-", "later" -> "+"
  std::map<std::string, std::string> offsets;
  std::map<std::string, std::string> mods;         // "early" -> "START", "nearly" -> "APPROX"
  std::map<std::string, std::string> zones;        // "gmt", "utc" -> "Z"; "local time" -> ""
  std::map<std::string, int> meridiem;             // "am" -> 0, "pm" -> 12 (periods dropped)
  std::map<std::string, std::string> frequencies;  // "daily" -> "P1D", "annual" -> "P1Y"
  std::set<std::string> every;                     // "every", "each", "per": a SET
  std::set<std::string> vague;                     // "several", "few": a count of X
  std::map<std::string, double> fractions;         // "half" -> 0.5, "quarter" -> 0.25
  std::map<std::string, int> ordinals;             // "first" -> 1, "third" -> 3
  std::map<std::string, double> counts;            // "a couple of" -> 2, "half a" -> 0.5
  // the function words the grammar reads, by role (kRoles): "definite" -> {"the"}
  std::map<std::string, std::set<std::string>> roles;
  static constexpr const char* kRoles[] = {"definite",
                                           "indefinite",
                                           "demonstrative",
                                           "of",
                                           "and",
                                           "on",
                                           "rate",
                                           "suffix",
                                           "stretch",
                                           "signal",
                                           "past_auxiliary",
                                           "present_ending",
                                           "ordinal_ending",
                                           "date_preposition",
                                           "loose_approx",
                                           "age_suffix"};
  bool in(const char* role, const std::string& word) const {
    const auto it = roles.find(role);
    return it != roles.end() && it->second.count(word) > 0;
  }
};

// How two words are related in WordNet ([wordnet.*] of rules/en/wordnet-relations.toml):
// from the first word's point of view ("murder" has the hypernym "kill").
enum class Relation : std::uint8_t {
  kSynonym,     // they share a frequent synset: "buy" / "purchase"
  kDerivation,  // an event noun and its verb: "invasion" / "invade"
  kHypernym,    // the second is the first's broader word: "murder" -> "kill"
  kHyponym,     // the converse: "kill" -> "murder"
  kEntails,     // the first entails or causes the second: "kill" -> "die"
  kEntailedBy,  // the converse
  kPertainym    // an adjective and the noun it pertains to: "russian" / "russia"
};
const char* to_string(Relation relation);  // "synonym", "derivation", "hypernym" ...

struct Lexicon {
  std::set<std::string> stopwords;
  // [sentences]: abbreviations after which a period ends no sentence ("Gen.", "Sept."), and
  // the words that usually open one ("The", "However"), as written
  std::vector<std::string> abbreviations;
  std::set<std::string> sentence_openers;
  std::set<std::string> negation_cues;                     // single words: not, never, no, n't...
  std::vector<std::vector<std::string>> negation_phrases;  // "out of the question", "refused to"
  std::set<std::string> negated_quantifiers;  // "no" before a noun negates the noun's verb
  std::set<std::string> scope_breaks;         // but, however, although: end a negation scope
  // phrases that begin with a cue and deny nothing: "not only X but Y", "not just"
  std::vector<std::vector<std::string>> non_negations;
  std::set<std::string> light_verbs;  // give, obtain: "obtained approval" is the approval
  // [events] iterative: words that make an event a repeat of one before ("again",
  // "another", "second"), and prefixes joined by a hyphen ("re" of "re-elected")
  std::set<std::string> iterative;
  std::set<std::string> irrealis;    // want, plan, whether: what follows is not asserted
  std::set<std::string> hedges;      // may, might, seems, perhaps, reportedly
  std::set<std::string> contrast;    // but, whereas, although: a new claim starts
  std::set<std::string> concession;  // although: a claim put first, ended by a comma
  std::vector<std::vector<std::string>> hedge_phrases;        // "it is possible"
  std::set<std::string> conditionals;                         // if, unless: the clause may not hold
  std::vector<std::vector<std::string>> conditional_phrases;  // "would have", "could have"
  std::set<std::string> future;  // auxiliaries that put an act ahead of the writing: will, shall
  std::set<std::string> attribution_verbs;                    // lemmas: say, claim, insist, argue
  std::vector<std::vector<std::string>> attribution_phrases;  // "according to"
  // lemmas of verbs of evidence that commit the writer to what they report ("the documents
  // show that"): the article asserts it, the documents are no speaker
  std::set<std::string> evidence_verbs;
  std::map<std::string, int> months;                   // lower-case name or abbreviation -> 1..12
  std::map<std::string, std::pair<int, int>> seasons;  // "spring" -> months {3, 5}
  std::set<std::string> time_before;  // "by", "before", "until": the time is an upper bound
  std::set<std::string> time_after;   // "after", "since", "from": the time is a lower bound
  // "until", "till": after a denial ("did not approve until April") the time the act happened
  std::set<std::string> time_until;
  // "from" ... "to", "between" ... "and": two times that make one range
  std::set<std::string> time_range_from;
  std::set<std::string> time_range_to;
  TimeWords time_words;
  std::map<std::string, double> number_words;  // "two" -> 2, "dozen" -> 12
  std::map<std::string, double> multipliers;   // "million" -> 1e6
  // [units]: a unit word -> the unit it is measured in and how many of it ("miles" -> m, 1609)
  std::map<std::string, std::pair<std::string, double>> units;
  std::size_t longest_unit = 1;                        // in words ("miles per hour": 3)
  std::map<std::string, std::string> currencies;       // "$", "dollars" -> "USD"
  std::map<std::string, double> number_suffixes;       // [amounts] suffixes: "m" -> 1e6 ("£88m")
  std::vector<std::vector<std::string>> zero_amounts;  // [amounts] zero: "no one", "nobody"
  std::string zero_counts;                             // what they count: "person"
  // words before a number and the range they make of it: "about" (+-10%), "at-least"
  // (no upper bound), "at-most" (down to 0), "nearly" (80% to 100%)
  std::map<std::string, std::string> approximators;
  // vague amounts: "a couple of" -> [2, 3], "dozens of" -> [24, 99] (lower-case words)
  std::vector<std::pair<std::vector<std::string>, std::pair<double, double>>> vague_amounts;
  std::map<std::string, std::string> irregular;  // surface -> lemma (took -> take)
  // entity aliases: lower-case token sequence (space-joined) -> canonical name
  std::map<std::string, std::string> entity_aliases;
  std::size_t longest_alias = 1;                   // in tokens
  std::map<std::string, std::string> entity_kind;  // canonical name -> "person", "place"...
  // last word of a canonical name (lower case) -> the name, when only one name ends so:
  // "the War" in a text is the Korean War when the lexicon knows no other war
  std::map<std::string, std::string> entity_head;
  std::set<std::string> personal_pronouns;  // he, she, him, his, her: the person named before
  // multi-word predicates: lemma sequence -> class ("say no" -> "refuse", "take over" -> "take")
  std::vector<std::pair<std::vector<std::string>, std::string>> predicate_phrases;
  // predicate classes: lemma -> class name ("approve" -> "approve"; "permission" -> "approve")
  std::map<std::string, std::string> predicate_class;
  // antonymous classes, both directions: "approve" -> {"refuse"}
  std::map<std::string, std::set<std::string>> opposite_class;

  // The class of a lemma: its predicate class, or the lemma itself.
  const std::string& class_of(const std::string& lemma) const {
    const auto it = predicate_class.find(lemma);
    return it == predicate_class.end() ? lemma : it->second;
  }
  bool opposed(const std::string& class_a, const std::string& class_b) const {
    const auto it = opposite_class.find(class_a);
    return it != opposite_class.end() && it->second.count(class_b) > 0;
  }
  // WordNet's relations between matching keys (the classes of lemmas, as tokens carry
  // them), in both directions: relations[a][b] is how b stands to a.
  std::map<std::string, std::map<std::string, Relation>> relations;
  // [wordnet.pertainyms] whose noun is a proper name, as written: a demonym and the place
  // it names ("russian" -> "Russia")
  std::map<std::string, std::string> pertainym_of;
  // How `b` stands to `a` in WordNet, if it does (two equal keys are no relation).
  std::optional<Relation> relation(const std::string& a, const std::string& b) const {
    const auto it = relations.find(a);
    if (it == relations.end()) return std::nullopt;
    const auto jt = it->second.find(b);
    if (jt == it->second.end()) return std::nullopt;
    return jt->second;
  }
};

// The lemma of a case-folded word: its irregular base form if listed, then its Snowball
// English stem ("approved", "approval" -> "approv"; "took" -> "take"). Thread-safe.
std::string lemma_of(const std::string& lower, const Lexicon& lexicon);
// The Snowball English stem alone.
std::string stem(const std::string& lower);

}  // namespace crosscheck
