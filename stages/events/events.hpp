// events: which mentions of events tell the same event, across the documents of a corpus.
// Documents are first grouped by what they report (the TF-IDF cosine of their content
// terms, average link): one topic holds several events of one kind, two earthquakes or
// two games, and the documents of each tell mostly one. Within a group, two mentions tell
// the same event when their predicates are the same or related in WordNet and no argument
// or time tells them apart (different places, doers or days
// make different events of one kind, not one event told two ways).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

// A mention of an event: one predicate of one statement, with what its record gives it.
struct EventMention {
  std::uint32_t doc = 0;             // index into the documents' term lists
  std::string key;                   // its predicate's class (of its lemma), as relations are keyed
  bool repeat = false;               // an iterative marker: "again", "re-elected", "a second quake"
  bool report = false;               // a verb of attribution: "said", "told", "announced"
  std::vector<std::string> doers;    // canonical names, sorted, unique (a report's speaker
                                     // may be a common noun's lemma: "police")
  std::vector<std::string> objects;  // the same, for what it is done to
  std::vector<std::string> places;   // canonical names of the places its arguments name
  std::vector<TimeInterval> times;   // the times its record carries
};

// The defaults are tuned on the ECB+ train and dev topics (tools/ecb_coref.py).
struct EventOptions {
  // Least average TF-IDF cosine at which two groups of documents join.
  double document_link = 0.05;
  // Least score (same_event) at which two mentions of one document group tell one event:
  // by default one predicate, or a synonym, derivation or entailment; not a hypernym.
  double mention_link = 0.85;
};

// What a document is about, for group_documents: the content terms of its statements with
// repetition, the names it gives ("@Seoul"), the years of the times it states, and the
// year it was written ("#2013"): two quakes of one kind are told in different years and
// places.
std::vector<std::string> document_terms(const std::vector<Statement>& statements,
                                        std::optional<std::int32_t> written);

// The group of each document: documents whose term lists (document_terms) read alike. Group ids are
// numbered in order of first appearance.
std::vector<std::uint32_t> group_documents(const std::vector<std::vector<std::string>>& terms,
                                           double link);

// The mention of the event that token `token` of `s` names: its record's doer, object,
// places and times when it is the predicate of one of the statement's records. An
// iterative marker of the lexicon ([events] iterative: "again", "another", the "re" of
// "re-elected") among its dependents, or as its own prefix, makes it a repeat.
EventMention mention_of(const Statement& s, std::uint32_t token, std::uint32_t doc,
                        const Lexicon& lexicon);

// How near two mentions' predicates are: 1 for one key, less for a WordNet relation, 0
// for none.
double predicate_nearness(const std::string& a, const std::string& b, const Lexicon& lexicon);

// The score at which two mentions tell one event (their predicates' nearness, more when
// they share a named doer, object or place), or 0 when something tells them apart: one is
// a repeat and the other not, a report's speakers differ or are not named, both name
// places, doers or objects and none in common, or both are dated and their times never meet.
double same_event(const EventMention& a, const EventMention& b, const Lexicon& lexicon);

// The event of each mention, numbered in order of first appearance. `group` gives each
// document's group (group_documents); mentions of different groups never join.
std::vector<std::uint32_t> cluster_events(const std::vector<EventMention>& mentions,
                                          const std::vector<std::uint32_t>& group,
                                          const Lexicon& lexicon, const EventOptions& options);

}  // namespace crosscheck
