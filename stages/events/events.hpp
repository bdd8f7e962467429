// events: which mentions of events tell the same event, across the documents of a corpus.
// Documents are first grouped by what they report (the TF-IDF cosine of their content
// terms, average link): one topic holds several events of one kind, two earthquakes or
// two games, and the documents of each tell mostly one. Within a group, two mentions can
// tell one event unless an argument or time tells them apart (different places, doers or
// days make different events of one kind, not one event told two ways); a trained
// pairwise model (EventModel) weighs how likely they do from their predicates' WordNet
// relation and the arguments and words they share, and mentions join by single link over
// those likelihoods.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"

namespace crosscheck {

// A mention of an event: one predicate of one statement, with what its record gives it.
struct EventMention {
  std::uint32_t doc = 0;            // index into the documents' term lists
  std::uint32_t sentence = 0;       // its statement's sentence in the document
  Spelling key;                     // its predicate's class (of its lemma), as relations are keyed
  Spelling lemma;                   // its predicate's lemma
  bool noun = false;                // named by a noun ("the attack"), not a verb
  bool repeat = false;              // an iterative marker: "again", "re-elected", "a second quake"
  bool report = false;              // a verb of attribution: "said", "told", "announced"
  std::vector<Spelling> doers;      // canonical names, sorted, unique (a report's speaker
                                    // may be a common noun's lemma: "police")
  std::vector<Spelling> objects;    // the same, for what it is done to
  std::vector<Spelling> places;     // canonical names of the places its arguments name
  std::vector<TimeInterval> times;  // the times its record carries
  std::vector<Spelling> context;    // its statement's content terms, sorted, unique
  // the lemmas of its dependents that are nouns, names or numbers, sorted, unique: its
  // arguments' head words, named or not ("rehab" of "checked into rehab")
  std::vector<Spelling> words;
};

// What the event model weighs in a pair of mentions (pair_features), in this order: the
// predicates' relation (one lemma, one class, or how WordNet relates their classes, also
// in two steps, or a common beginning of their lemmas; none is the bias), whether they stand in one
// document or sentence, named arguments, argument words and times in common, the TF-IDF cosines of
// their statements' words (alone and when the predicates are unrelated) and of their documents (for
// one lemma in two documents), and whether they are nouns or reports. A pair that something tells
// apart (told_apart) is never weighed.
inline constexpr auto kPairFeatures = std::to_array<const char*>(
    {"bias",        "same_lemma",    "same_key",          "synonym",        "derivation",
     "hypernym",    "entailment",    "antonym",           "same_document",  "same_sentence",
     "shared_doer", "shared_object", "shared_place",      "shared_word",    "shared_word_unrelated",
     "times_meet",  "context",       "context_unrelated", "document",       "noun_noun",
     "noun_verb",   "report",        "related_twice",     "lemma_document", "stem_prefix"});
using PairFeatures = std::array<double, kPairFeatures.size()>;

// A pairwise model of event identity: the probability that two mentions tell one event is
// the logistic of weights · pair_features. Its features were chosen and its link tuned with
// weights trained on the ECB+ train topics, scored on the dev topics; the bundled weights
// are then trained on both (tools/ecb_coref.py --split train+dev --train).
struct EventModel {
  PairFeatures weights{};
  double link = 0.5;  // least probability at which two mentions join
};

// The event model of a TOML file: `link` and a [weights] table of features of
// kPairFeatures (models/events.toml); a feature it does not name weighs 0. Throws
// std::runtime_error, "FILE: error: ...".
EventModel read_event_model(const std::string& path);

// The defaults are tuned on the ECB+ train and dev topics (tools/ecb_coref.py).
struct EventOptions {
  // Least average TF-IDF cosine at which two groups of documents join.
  double document_link = 0.05;
};

// Unit TF-IDF vectors of term lists, (1 + log tf) · log(N / df) over the lists given, and
// their cosines: how alike two statements' words, or two documents' terms, read.
class TermVectors {
 public:
  TermVectors() = default;
  // `count` lists; `terms_of(i)` gives list i, with repetition, twice each, in order (the
  // span need only last until the next call).
  TermVectors(std::size_t count,
              const std::function<std::span<const Spelling>(std::size_t)>& terms_of);
  explicit TermVectors(const std::vector<std::vector<Spelling>>& lists);
  double cosine(std::size_t i, std::size_t j) const;
  std::size_t size() const { return vectors_.size(); }

 private:
  std::vector<std::vector<std::pair<std::uint32_t, float>>> vectors_;  // by term id
};

// What a document is about, for group_documents: the content terms of its statements with
// repetition, the names it gives ("@Seoul"), the years of the times it states, and the
// year it was written ("#2013"): two quakes of one kind are told in different years and
// places.
std::vector<Spelling> document_terms(std::span<const Statement> statements,
                                     std::optional<std::int32_t> written);

// The group of each document: documents whose term lists (document_terms) read alike. Group ids are
// numbered in order of first appearance.
std::vector<std::uint32_t> group_documents(const std::vector<std::vector<Spelling>>& terms,
                                           double link);

// The token of `s` that names the event it tells: its first record's predicate, else its
// first act; none when it has neither.
std::optional<std::uint32_t> event_token(const Statement& s);

// The mention of the event that token `token` of `s` names: its record's doer, object,
// places and times when it is the predicate of one of the statement's records. An
// iterative marker of the lexicon ([events] iterative: "again", "another", the "re" of
// "re-elected") among its dependents, or as its own prefix, makes it a repeat.
EventMention mention_of(const Statement& s, std::uint32_t token, std::uint32_t doc,
                        const Lexicon& lexicon);

// How alike two mentions' surroundings are: the TF-IDF cosines of their statements' words
// and of their documents' terms.
struct Likeness {
  double context = 0;
  double document = 0;
};

// Whether something tells two mentions apart as two events: one is a repeat and the other
// not, a report's speakers differ or are not named, both name places, doers or objects and
// none in common, or both are dated and their times never meet.
bool told_apart(const EventMention& a, const EventMention& b);

// Whether the model holds two mentions to tell one event by themselves: nothing tells them
// apart and their probability reaches its link.
bool same_event(const EventMention& a, const EventMention& b, Likeness likeness,
                const Lexicon& lexicon, const EventModel& model);

// The features of a pair (kPairFeatures).
PairFeatures pair_features(const EventMention& a, const EventMention& b, Likeness likeness,
                           const Lexicon& lexicon);

// How likely the model holds two mentions with these features to tell one event.
double probability(const EventModel& model, const PairFeatures& features);

// Two mentions of one group the model may weigh, with their features.
struct CandidatePair {
  std::uint32_t a = 0, b = 0;  // mention indexes, a < b
  Likeness likeness;
  PairFeatures features{};
};

// Every pair of mentions of one document group that nothing tells apart (told_apart), in
// order of (a, b), with its features.
// `documents` are the documents' term lists (document_terms).
std::vector<CandidatePair> candidate_pairs(const std::vector<EventMention>& mentions,
                                           const std::vector<std::vector<Spelling>>& documents,
                                           const std::vector<std::uint32_t>& group,
                                           const Lexicon& lexicon);

// Two mentions that may tell one event, as a caller's blocking found them (a corpus run: the
// align index's candidate pairs), with how alike their surroundings are.
struct LinkCandidate {
  std::uint32_t a = 0, b = 0;  // mention indexes
  Likeness likeness;
  // already known to tell one event (a corpus run: a rule's finding between the two
  // statements matched their acts), so joined without weighing
  bool known = false;
};

// The event of each mention, numbered in order of first appearance: two candidates join
// when they are known to, or when nothing tells them apart and the model's probability
// reaches its link, and so does every mention joined to them so (single link: an event
// told in many articles is a chain of pairs; average link, tried on the ECB+ dev topics,
// splits it). `candidate(k)`, for k below `count`, makes candidate k, or none; it is called
// from several threads, and again for each that joins, so a corpus run holds no list of
// its million candidates. The mentions are held by pointer, so that a corpus run can keep
// each in the room its statement's words leave. The result does not depend on the thread
// count.
std::vector<std::uint32_t> link_events(
    const std::vector<const EventMention*>& mentions, std::size_t count,
    const std::function<std::optional<LinkCandidate>(std::size_t)>& candidate,
    const Lexicon& lexicon, const EventModel& model);

// The event of each mention (link_events over candidate_pairs). `group` gives each
// document's group (group_documents); mentions of different groups never join.
std::vector<std::uint32_t> cluster_events(const std::vector<EventMention>& mentions,
                                          const std::vector<std::vector<Spelling>>& documents,
                                          const std::vector<std::uint32_t>& group,
                                          const Lexicon& lexicon, const EventModel& model);

}  // namespace crosscheck
