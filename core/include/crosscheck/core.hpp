// The plain data types that flow between the stages of crosscheck:
// Document -> Sentence -> Statement -> Pair -> Finding, plus Span and Diagnostic.
// Every stage includes this header and nothing of another stage. All offsets are byte
// offsets; a Span into a Document's `text` (NFC) maps back to the original bytes through
// Document::to_original, so every reported position points into the file as it is on disk.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/calendar.hpp"
#include "crosscheck/spelling.hpp"

namespace crosscheck {

// A half-open byte range [begin, end).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A message about user input, positioned like a compiler's: file:line:col: severity: message.
struct Diagnostic {
  enum class Severity { kError, kWarning };
  std::string file;
  std::uint32_t line = 0;  // 1-based; 0 when the message is about the whole file
  std::uint32_t col = 0;   // 1-based, in code points
  Severity severity = Severity::kError;
  std::string message;

  std::string format() const;
};

// Who published a document, from the corpus's sources file.
struct SourceMeta {
  std::string id;  // short id shown in reports ("000"); unique within a corpus
  std::string title;
  std::string outlet;
  std::string date;
};

// One article. `text` is the NFC form of `original`; `norm_to_orig` maps every byte offset
// of `text` (and one past its end) to an offset in `original`, or is empty when the two
// are the same bytes.
// The day an article was written, as its relative times were read against it, and where
// that came from: its sources.toml entry, or its own text (a dateline or stamp at `where`,
// a span of Document::text).
struct Dating {
  std::optional<std::int32_t> day;  // unset: undated; "Monday" then names no day
  bool from_text = false;
  Span where;
};

struct Document {
  std::uint32_t index = 0;  // position in the sorted corpus listing: the stable order key
  std::string path;         // relative to the corpus root, '/'-separated
  SourceMeta source;
  std::string original;
  std::string text;
  std::vector<std::uint32_t> norm_to_orig;
  std::vector<Span> clutter;  // spans of `text` that are page furniture, never statements
  Dating dating;              // set by the analysis
  // What the analysis cut to stay within its caps (a sentence over --max-sentence-tokens),
  // as warnings naming the document and the place; every report lists them.
  std::vector<Diagnostic> warnings;

  std::uint32_t to_original(std::uint32_t text_offset) const {
    return norm_to_orig.empty() ? text_offset : norm_to_orig[text_offset];
  }
  bool is_clutter(std::uint32_t text_offset) const;
};

// 1-based line and column (column in code points) of a byte offset in `bytes`.
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t col = 1;
};
LineCol line_col(std::string_view bytes, std::uint32_t offset);

// How many strings two sorted, unique lists share (terms, entities of two statements).
template <class Text>  // std::string or Spelling
std::size_t shared_count(const std::vector<Text>& x, const std::vector<Text>& y) {
  std::size_t n = 0;
  for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
    if (*i < *j)
      ++i;
    else if (*j < *i)
      ++j;
    else
      ++n, ++i, ++j;
  }
  return n;
}

struct Sentence {
  std::uint32_t doc = 0;    // Document::index
  std::uint32_t index = 0;  // position within the document
  Span span;                // in Document::text
  Span original;            // in Document::original
  std::uint32_t line = 1;   // of original.begin
  std::uint32_t col = 1;
  std::string text;  // the sentence as it stands in the article (original bytes)
};

// Universal part-of-speech tags (UD v2), in alphabetical order of their names.
enum class Upos : std::uint8_t {
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
  kX
};
inline constexpr int kUposCount = 17;
std::string_view to_string(Upos upos);
// The tag named `name` ("NOUN"), or false.
bool upos_from(std::string_view name, Upos& out);

// The dependency relations the analysis reads (UD v2; subtypes the analysis does not tell
// apart fold into their base relation, the rest into kOther).
enum class Dep : std::uint8_t {
  kOther,
  kRoot,
  kNsubj,
  kNsubjPass,
  kObj,
  kIobj,
  kObl,
  kOblAgent,
  kXcomp,
  kCcomp,
  kConj,
  kAdvcl,
  kAcl,
  kAux,
  kCop,
  kMark,
  kCase,
  kAdvmod,
  kCompound,
  kFlat,
  kAmod,
  kNmod,
  kAppos,
  kCc,
  kDet,
  kParataxis,
  kExpl,
  kNummod
};
Dep dep_from(std::string_view deprel);  // "nsubj:pass" -> kNsubjPass, "obl:tmod" -> kObl

// A syntactic word of a sentence, as the dependency parse sees it (UD English conventions:
// "don't" is the two words "do" and "n't" of one token). `span` is relative to the start
// of the text that was parsed.
struct Word {
  Span span;
  std::string form;
  std::string lemma;
  Upos upos = Upos::kX;
  std::uint32_t head = 0;        // 1-based index of the head word; 0: the root
  std::string deprel;            // UD relation with its subtype ("nsubj:pass")
  std::uint8_t token_words = 1;  // >1: the first word of a multi-word token of that many
  bool space_after = true;
};

// A word of a statement. `span` is relative to the sentence's start in Document::text.
// (Packed, its forms held once per spelling: a corpus holds millions of tokens while its
// pairs are compared.)
struct Token {
  enum class Kind : std::uint8_t { kWord, kNumber, kPunct };
  Span span;
  Spelling lower;  // case-folded surface form
  Spelling lemma;  // dictionary form or stem
  Kind kind = Kind::kWord;
  bool stop : 1 = false;       // function word: no weight in alignment
  bool verb : 1 = false;       // an act: a verb by the parse, or a noun of a predicate class
  bool entity : 1 = false;     // part of a known entity's name
  bool negated : 1 = false;    // the head of a negation scope: the claim denies this word
  bool in_phrase : 1 = false;  // part of a multi-word predicate ("said 'no'"), not a cue itself
  bool hedged : 1 = false;     // in a clause that a hedge or a conditional makes uncertain
  bool light : 1 = false;      // an act named by the object of a light verb ("obtained approval")
  // The token's place in the sentence's dependency tree: its relation and the index of its
  // head among the statement's tokens (-1: the root, or a head outside the statement).
  Upos upos = Upos::kX;
  Dep dep = Dep::kOther;
  std::int32_t head = -1;
};

// True when token k is a conjunct of a coordination that has a conjunction ("identify and
// review", "call, write or visit"). A conjunct joined by a comma alone is where the parse
// has joined two clauses ("the USA would not enter a war, Kim pressed for agreement"): it
// shares neither the subject nor the negation of the first.
bool coordinated(const std::vector<Token>& tokens, std::uint32_t k);

// Who does act `act` of `tokens` (a statement's), by the tree: its nominal subject (for a
// relative pronoun, the noun its clause describes: "the men who robbed"), or the agent of a
// passive ("by Stalin"); an act with no subject of its own takes the doer of the
// act it depends on: the controller of "refused to approve", the shared subject of "invaded
// and won", the subject of "Rather than initiating the war, Stalin refused", the one who
// "obtained approval". The index of that token, or -1 when the tree names none.
std::int32_t doer_of(const std::vector<Token>& tokens, std::uint32_t act);
// What act `act` is done to: its object, or the subject of a passive; -1 when none.
std::int32_t object_of(const std::vector<Token>& tokens, std::uint32_t act);
// The iterative marker that makes act `act` a repeat of an earlier event of its kind: a
// dependent in `iterative` ("met again", "another quake", "a second term"), or a prefix
// of it joined by a hyphen ("re" of "re-elected"); "" when none. A repeat is a new event:
// "was elected in 1996" / "was re-elected in 2000" is a sequence, not a clash.
std::string repeat_marker(const std::vector<Token>& tokens, std::uint32_t act,
                          const std::set<std::string>& iterative);

// A time as a closed interval of days counted from 0000-03-01 (proleptic Gregorian): the
// days a time expression names, at the grain it names them.
struct TimeInterval {
  // the end of an open interval ("since 1950", "before 1950"): far beyond any day in use;
  // reports show it as null
  static constexpr std::int32_t kOpen = 1 << 28;
  std::int32_t first_day = 0;
  std::int32_t last_day = 0;
  DayRange::Grain precision = DayRange::Grain::kYear;
  std::string text;             // the words that stated it
  std::uint32_t token = 0;      // index of its first token in the statement
  std::uint32_t token_end = 0;  // one past its last token
  // resolved from the article's date ("on Monday", "last year"): as sure as that date
  bool relative = false;
  bool overlaps(const TimeInterval& o) const {
    return first_day <= o.last_day && o.first_day <= last_day;
  }
  friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};

// A time expression as TIMEX3 marks it: its words, type, value and modifier, resolved
// against the article's date (or, for "the next day", the last date the article gave).
struct Timex {
  enum class Type : std::uint8_t { kDate, kTime, kDuration, kSet };
  Span span;                   // bytes, relative to the sentence's text
  std::uint32_t word = 0;      // its first word in the sentence
  std::uint32_t word_end = 0;  // one past its last word
  Type type = Type::kDate;
  std::string value;  // "2013-03-22", "2013-W11", "P1Y", "XXXX-WXX-1", "PRESENT_REF"
  std::string mod;    // "", "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN"...
  // TIMEX3's temporalFunction: the value comes from the article's date or the last date
  // given ("Monday", "last year", "the next day", a clock time's day), not from the words
  bool temporal_function = false;
  friend bool operator==(const Timex&, const Timex&) = default;
};
const char* to_string(Timex::Type type);  // "DATE", "TIME", "DURATION", "SET"

// How far into an article, in bytes, its dateline or publication stamp may stand.
constexpr std::uint32_t kDatelineReach = 600;

// What the sentences of one article share for their time expressions, in reading order.
struct TimexContext {
  std::optional<std::int32_t> article_date;  // the day the article was written
  // The last date the article gave, and the grain it gave it at; "the next day" counts
  // from it. Starts as the article's date; finding an article's timexes moves it.
  std::optional<std::int32_t> anchor;
  DayRange::Grain anchor_grain = DayRange::Grain::kDay;
};

// A stated amount as a range; `approximate` when the text hedges it ("about", "more than").
// A count of things, a measure ("10 kilometres", in the unit's base: 10,000 m), a sum of
// money ("£88m"), a share ("12.8%") or a score or record ("53-3": low = high = 53,003).
struct Quantity {
  enum class Kind : std::uint8_t { kCount, kMeasure, kMoney, kPercent, kScore };
  double low = 0;
  double high = 0;
  bool approximate = false;
  Kind kind = Kind::kCount;
  // what it is of: a count, the lemma of the noun it counts ("passenger"; "part:punch" for
  // the 178 of "178 of 369 punches"); a measure, its base unit ("m", "kg", "m2", "m/s", "%");
  // money, its currency ("USD"); a score, "score". Two amounts compare only with one unit.
  std::string unit;
  std::string stated;  // a measure's unit as written ("miles"): converted amounts are rounded
  std::string text;
  std::uint32_t token = 0;      // its number's token in the statement
  std::uint32_t token_end = 0;  // one past its last token ("10 kilometres": the unit's)
};
std::string_view to_string(Quantity::Kind kind);  // "count", "measure", "money", "percent", "score"

// A negation cue and the tokens it governs: [scope_begin, scope_end) in the statement.
struct Negation {
  std::string cue;
  std::uint32_t token = 0;
  std::uint32_t scope_begin = 0;
  std::uint32_t scope_end = 0;
  std::int32_t head = -1;  // the act the tree says it denies; -1 when found by its scope
};

enum class Polarity : std::uint8_t { kPositive, kNegative };
// How sure a claim is. A statement is asserted, hedged or reported (attributed to someone);
// a record (one predication) is asserted, hedged, conditional ("if"), future ("will") or a
// question. An act that is only wanted or planned ("wanted to invade") is no record at all.
enum class Modality : std::uint8_t {
  kAsserted,
  kHedged,
  kReported,
  kConditional,
  kFuture,
  kQuestion
};

// A word of a statement that fills a role of a predication: its index in the statement's
// tokens (role_text names it).
struct Role {
  std::int32_t token = -1;  // -1: the tree names none
  bool empty() const { return token < 0; }
  friend bool operator==(const Role&, const Role&) = default;
};

// A dependent of a predication other than its doer and object, with its preposition:
// "in Seoul" (obl, "in"), "to Kim" (iobj or obl "to").
struct Argument {
  Dep relation = Dep::kOther;  // obl, obl:agent, iobj, nmod
  std::int32_t prep = -1;      // the token of its case word ("in", "by"); -1 when none
  Role word;
  friend bool operator==(const Argument&, const Argument&) = default;
};

// One predication of a statement, built from the dependency tree: a verb ("signed"), a
// copula's predicate ("was not a puppet state": "state"), or an event noun under a light
// verb ("obtained approval": "approval"). Each clause has one record per act. The rules of
// compare read only these records.
struct Record {
  enum class Kind : std::uint8_t { kVerb, kCopula, kLight };
  Kind kind = Kind::kVerb;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  // Reported: the statement's `attributed_to` asserts it ("the ministry", "according to
  // X"), through its `frame` ("said"); otherwise the article itself.
  bool reported = false;
  // The predicate word in the statement's tokens: its form and matching key (the stem of
  // its lemma; a phrase's class) are that token's `lower` and `lemma`.
  std::uint32_t token = 0;
  // The negation that denies it, an index into the statement's negations (polarity_cue
  // gives its words: "not", "refused to"); -1 when asserted, or denied through the tree alone.
  std::int32_t negation = -1;
  std::string modality_cue;  // "may", "if", "will", "?"; "" when asserted
  Role doer;                 // nsubj (a relative pronoun's antecedent), or the agent of a passive
  Role object;               // obj, or the subject of a passive
  std::vector<Argument> arguments;
  // What the tree attaches to this predicate: indexes into the statement's times and
  // quantities.
  std::vector<std::uint32_t> times;
  std::vector<std::uint32_t> amounts;
  friend bool operator==(const Record&, const Record&) = default;
};

// One claim: a sentence or a clause of it, with the features the rules look at.
struct Statement {
  std::uint32_t doc = 0;        // Document::index
  std::uint32_t sentence = 0;   // Sentence::index within the document
  std::uint32_t index = 0;      // position within the document
  Span span;                    // in Document::text
  std::vector<Token> tokens;    // emptied by run_corpus once the rules have run
  std::vector<Spelling> terms;  // content lemmas, sorted, unique
  // The terms said only in the attribution frame ("historians who saw the archives say
  // that"): who speaks, not what is claimed. Sorted, a subset of `terms`.
  std::vector<Spelling> frame_terms;
  std::vector<Spelling> entities;    // canonical entity names, sorted, unique
  std::vector<Spelling> predicates;  // lemmas of content verbs and event nouns, in order
  // As far as rules can tell: the clause's first act, who does it (the nearest name or noun
  // before it) and what it is done to (the first name or content word after it).
  Spelling subject;
  Spelling predicate;
  Spelling object;
  Polarity polarity = Polarity::kPositive;
  std::vector<Negation> negations;
  Modality modality = Modality::kAsserted;
  Spelling attributed_to;  // who asserts it when reported; empty: the article itself
  Spelling frame;          // the verb or phrase that reports it ("said", "according to")
  std::vector<Spelling> hedges;
  std::vector<TimeInterval> times;
  std::vector<Quantity> quantities;
  // The predications of the clause, in word order; emptied with `tokens`.
  std::vector<Record> records;
};

// Two statements from different sources that speak of the same thing.
// `a` and `b` index the corpus-wide statement list, a < b.
struct Pair {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double score = 0;
  // Where each statement ranks the other among its candidates in the other's document
  // (1: its best match there); 0 when not ranked.
  std::uint32_t rank_a = 0;
  std::uint32_t rank_b = 0;
  // The better of the two ranks, unranked counting as first.
  std::uint32_t best_rank() const {
    const std::uint32_t x = rank_a == 0 ? 1 : rank_a, y = rank_b == 0 ? 1 : rank_b;
    return x < y ? x : y;
  }
};

// Statements of several sources aligned as telling one event; ascending statement indexes.
struct Claim {
  std::vector<std::uint32_t> statements;
};

// A finding between two statements of different sources. A dispute is a conflict between
// two claims that each source reports from a different speaker ("police said the driver
// fled" / "his lawyer said he did not flee"): the sources agree that the speakers disagree.
struct Finding {
  enum class Kind { kConflict, kDispute, kAgreement };  // the order reports list them in
  Kind kind = Kind::kConflict;
  std::string type;  // negation, date, number, antonym, claim...
  std::string rule;  // id of the rule that fired
  double confidence = 0;
  std::uint32_t a = 0;  // corpus-wide statement indexes
  std::uint32_t b = 0;
  std::vector<std::string> cues;  // the words that made the rule fire
  std::string explanation;
  // the class of the first side's matched act: findings of one act, kind and type join
  // statements into one event (summarise_events)
  std::string act;
};

std::string_view to_string(Finding::Kind kind);
std::string_view to_string(Polarity polarity);
std::string_view to_string(Modality modality);
std::string_view to_string(Record::Kind kind);
std::string_view to_string(Dep dep);  // the UD relation's name ("obl:agent"); "" for kOther
// The names that record `r`'s arguments other than its agent give ("in Seoul", "to Kim"):
// canonical entity names, sorted, unique. Two acts whose arguments name different places
// or parties are two events of one kind.
std::vector<std::string> argument_names(const Statement& s, const Record& r);
// Who asserts record `r` of `s`: the speaker the statement reports it from ("Police",
// "the driver's lawyer"), or "" when the article asserts it itself.
std::string speaker_of(const Statement& s, const Record& r);
// The words of the negation that denies record `r` of `s` ("not", "refused to"), or "".
std::string_view polarity_cue(const Statement& s, const Record& r);
// How reports name a role's word: an entity by its canonical name, else its folded form;
// "" for an empty role.
std::string role_text(const std::vector<Token>& tokens, const Role& role);
std::string_view to_string(DayRange::Grain grain);  // "day", "week", "month" ... "century"

// A document that could not be analysed, and why.
struct Skipped {
  std::string path;
  Diagnostic reason;
};

// Everything one run knows, in stable order: documents by index, sentences and statements
// by (doc, index). Reports read only this.
// Lists of terms by position, held flat (a big run's million aligned pairs would each
// hold a vector): list k is terms[offsets[k], offsets[k + 1]).
struct Anchors {
  std::vector<std::uint32_t> offsets{0};
  std::vector<Spelling> terms;
  std::size_t size() const { return offsets.size() - 1; }
  std::span<const Spelling> operator[](std::size_t k) const {
    return {terms.data() + offsets[k], terms.data() + offsets[k + 1]};
  }
  void push_back(const std::vector<Spelling>& list) {
    terms.insert(terms.end(), list.begin(), list.end());
    offsets.push_back(static_cast<std::uint32_t>(terms.size()));
  }
};

struct Corpus {
  std::string root;  // the corpus folder as given
  std::string name;  // its last path component
  std::vector<Document> documents;
  std::vector<Sentence> sentences;  // all documents, in (doc, index) order
  std::vector<Statement> statements;
  std::vector<Skipped> skipped;
  std::vector<Pair> pairs;             // candidates, each compared by the rules
  std::vector<std::uint32_t> aligned;  // the pairs (indexes) taken to tell the same event
  // The shared terms that made each aligned pair (by position in `aligned`), rarest first;
  // filled only when aligned.csv is written (run_corpus's RunOptions::anchors).
  Anchors anchors;
  std::vector<Claim> claims;
  std::vector<Finding> findings;
  // the conflicts and disputes left out of their event's spanning set (summarise_events):
  // no report lists them, but `baseline` and `check` count them, so that the gate does not
  // depend on which pairs of an event were listed
  std::vector<Finding> unlisted;

  const Sentence& sentence_of(const Statement& s) const;
  const Document& document_of(const Statement& s) const { return documents[s.doc]; }

  // first sentence of each document in `sentences`; filled by finish_indexes()
  std::vector<std::uint32_t> first_sentence;
  void finish_indexes();
};

}  // namespace crosscheck
